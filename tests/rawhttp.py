"""A raw HTTP server on loopback for tests: each request answered with bytes a test chooses,
so redirects, broken headers and bombs can be served exactly."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable

Handler = Callable[[bytes], bytes]


class RawServer:
    """A loopback HTTP server answering each request with bytes a test chooses."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                self.requests.append(data)
                with contextlib.suppress(OSError):
                    conn.sendall(self.handler(data))

    def close(self) -> None:
        self.sock.close()


def response(
    status: str = "200 OK", body: bytes = b"hello", headers: dict[str, str] | None = None
) -> bytes:
    fields = {"Content-Length": str(len(body)), "Connection": "close", **(headers or {})}
    head = "".join(f"{k}: {v}\r\n" for k, v in fields.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body
