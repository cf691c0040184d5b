"""A safe HTTP client for fetching pages and images that hostile parties control.

Every connection is screened on the addresses the resolver returned, never on the URL
text, and the client dials the address it screened, so DNS rebinding has no second lookup
to exploit. That happens inside the connection layer (an httpcore network backend), so
every redirect hop and every retry is screened too. Bodies are capped on the raw bytes
before decompression and again while decompressing, and each fetch has a deadline.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

import certifi
import httpcore
import httpx
from protego import Protego

from hallmark import __version__
from hallmark.errors import FetchRefused

USER_AGENT = f"Hallmark/{__version__} (brand-protection monitor; +https://github.com/hallmark-brand/hallmark)"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_PORTS = {"http": 80, "https": 443}
_SECRET_QUERY = re.compile(
    r"((?:access_?token|token|api_?key|key|secret|signature|sig|password|auth)=)[^&\s]+",
    re.IGNORECASE,
)
log = logging.getLogger("hallmark.fetch")


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses `getaddrinfo` gives for host (it also reads 2130706433 and 0x7f.1)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchRefused(f"{host} does not resolve: {exc.strerror}") from None
    return sorted({str(info[4][0]) for info in infos})


def why_refused(address: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Why a connection to `address` is refused, or None when it is publicly routable."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        reason = why_refused(embedded, allow_loopback=allow_loopback)
        return None if reason is None else f"{address} embeds {reason}"
    if address.is_loopback:
        return None if allow_loopback else f"{address} is loopback"
    if address.is_unspecified:
        return f"{address} is unspecified"
    if address.is_link_local:
        return f"{address} is link-local"
    if address.is_multicast:
        return f"{address} is multicast"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return f"{address} is carrier-grade NAT"
    if address.is_private:
        return f"{address} is private"
    if address.is_reserved or not address.is_global:
        return f"{address} is not publicly routable"
    return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


class _ScreeningBackend(httpcore.NetworkBackend):
    """Resolves once, refuses any non-public answer, and dials the address it checked."""

    def __init__(self, resolver: Resolver, allow_loopback: bool) -> None:
        self._resolver = resolver
        self._allow_loopback = allow_loopback
        self._inner = httpcore.SyncBackend()

    def screened(self, host: str, port: int) -> list[str]:
        answers = self._resolver(host.strip("[]"), port)
        if not answers:
            raise FetchRefused(f"{host} does not resolve")
        for answer in answers:
            address = ipaddress.ip_address(answer.split("%")[0])
            reason = why_refused(address, allow_loopback=self._allow_loopback)
            if reason is not None:
                shown = "" if answer == host.strip("[]") else f"{host} resolves to "
                raise FetchRefused(f"refused: {shown}{reason}")
        return answers

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for answer in self.screened(host, port):
            try:
                return self._inner.connect_tcp(answer, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise FetchRefused("refused: unix sockets are never dialled")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _ScreeningTransport(httpx.HTTPTransport):
    def __init__(self, backend: _ScreeningBackend) -> None:
        super().__init__(retries=0)
        context = ssl.create_default_context(cafile=certifi.where())
        self._pool = httpcore.ConnectionPool(ssl_context=context, network_backend=backend)


@dataclass(frozen=True)
class Fetched:
    """One fetched exchange: the url, the status, headers and the decoded body; for a
    completed fetch the final one, with the redirects that led to it as `hops`."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    wire_bytes: int
    hops: tuple[Fetched, ...] = field(default_factory=tuple)
    """The redirects on the way, in order, each with its status and headers (a redirect's
    body is not read): where a short link sent us is evidence too."""

    @property
    def redirects(self) -> tuple[str, ...]:
        """The urls that redirected, in order."""
        return tuple(hop.url for hop in self.hops)


def redirect_target(url: str, headers: Mapping[str, str] | None) -> str | None:
    """The absolute url a response's Location header names (relative to `url`), or None."""
    location = next((v for k, v in (headers or {}).items() if k.lower() == "location"), None)
    return urljoin(url, location) if location else None


class SafeClient:
    """GET only, from publicly routable addresses only, within size and time caps."""

    def __init__(
        self,
        *,
        resolver: Resolver = system_resolver,
        allow_loopback: bool = False,
        max_bytes: int = 10_000_000,
        max_decoded_bytes: int | None = None,
        timeout: float = 20.0,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_decoded_bytes = max_decoded_bytes or max_bytes * 4
        self.timeout = timeout
        self.max_redirects = max_redirects
        self._backend = _ScreeningBackend(resolver, allow_loopback)
        self._client = httpx.Client(
            transport=_ScreeningTransport(self._backend),
            trust_env=False,  # an environment proxy would bypass the screening transport
            follow_redirects=False,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._robots: dict[str, Protego | None] = {}
        self.user_agent = user_agent

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SafeClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Fetched:
        """The response to GET `url`, following redirects; FetchRefused says why not."""
        return self.request("GET", url, headers=headers)

    def post(
        self, url: str, *, content: bytes, headers: Mapping[str, str] | None = None
    ) -> Fetched:
        """The response to POST `content` to `url` (APIs that only take POST)."""
        return self.request("POST", url, headers=headers, content=content)

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> Fetched:
        """Send GET or POST with every connection screened and the body capped; a redirect
        other than 307/308 turns a POST into a GET without its body, as browsers do."""
        if method not in ("GET", "POST"):
            raise FetchRefused(f"refused: {method} is not sent (only GET and POST)")
        deadline = time.monotonic() + self.timeout
        current, hops = url, list[Fetched]()
        for _ in range(self.max_redirects + 1):
            parts = _check_url(current)
            # screened here for a clear error on odd host forms httpx refuses to parse
            # ("0177.0.0.1"); the connection layer screens again on the address it dials
            self._backend.screened(parts.hostname or "", parts.port or _PORTS[parts.scheme])
            log.info("%s %s", method, redact(current))
            try:
                with self._client.stream(
                    method, current, headers=headers, content=content
                ) as response:
                    if response.is_redirect and "location" in response.headers:
                        headers_seen = dict(response.headers)
                        hops.append(Fetched(current, response.status_code, headers_seen, b"", 0))
                        current = urljoin(current, response.headers["location"])
                        if response.status_code not in (307, 308):
                            method, content = "GET", None
                        continue
                    body, wire = self._read(response, deadline)
                    return Fetched(
                        current,
                        response.status_code,
                        dict(response.headers),
                        body,
                        wire,
                        tuple(hops),
                    )
            except httpx.InvalidURL as exc:
                raise FetchRefused(f"refused: {exc}") from None
            except httpx.TimeoutException:
                raise FetchRefused(
                    f"timed out after {self.timeout:g} s: {redact(current)}"
                ) from None
            except httpx.TransportError as exc:
                if isinstance(exc.__context__, FetchRefused):
                    raise exc.__context__ from None
                raise FetchRefused(f"could not fetch {redact(current)}: {exc}") from None
        raise FetchRefused(f"more than {self.max_redirects} redirects from {redact(url)}")

    def _read(self, response: httpx.Response, deadline: float) -> tuple[bytes, int]:
        announced = response.headers.get("content-length")
        if announced and announced.isdigit() and int(announced) > self.max_bytes:
            raise FetchRefused(
                f"response announces {int(announced):,} bytes, over the cap of {self.max_bytes:,}"
            )
        decoder = _Decoder(
            response.headers.get("content-encoding", "identity"), self.max_decoded_bytes
        )
        wire = 0
        parts: list[bytes] = []
        for chunk in response.iter_raw():
            wire += len(chunk)
            if wire > self.max_bytes:
                raise FetchRefused(f"response exceeds the cap of {self.max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchRefused(f"response took longer than {self.timeout:g} s")
            parts.append(decoder.feed(chunk))
        return b"".join(parts), wire

    def allowed_by_robots(self, url: str) -> bool:
        """Whether the site's robots.txt lets this client fetch `url` (RFC 9309: a missing
        file allows everything; a server error or a refused fetch allows nothing)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                fetched = self.get(f"{origin}/robots.txt")
            except FetchRefused:
                self._robots[origin] = None
            else:
                if fetched.status >= 500:
                    self._robots[origin] = None
                elif fetched.status >= 400:
                    self._robots[origin] = Protego.parse("")
                else:
                    self._robots[origin] = Protego.parse(fetched.body.decode("utf-8", "replace"))
        rules = self._robots[origin]
        return rules is not None and bool(rules.can_fetch(url, self.user_agent))


def _check_url(url: str) -> SplitResult:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(
            f"refused: the {parts.scheme or 'missing'} scheme is not fetched (only http and https)"
        )
    if not parts.hostname:
        raise FetchRefused(f"refused: {url!r} names no host")
    if parts.username or parts.password:
        raise FetchRefused("refused: credentials inside a URL are not sent")
    return parts


class _Decoder:
    """Undoes Content-Encoding step by step, never producing more than the cap allows."""

    def __init__(self, encoding: str, cap: int) -> None:
        encoding = encoding.strip().lower()
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise FetchRefused(f"refused: content encoding {encoding!r} is not accepted")
        # wbits 47 reads gzip and zlib headers alike
        self._inflater = None if encoding in ("", "identity") else zlib.decompressobj(wbits=47)
        self._left = cap
        self._cap = cap

    def feed(self, chunk: bytes) -> bytes:
        if self._inflater is None:
            out = chunk
        else:
            out = self._inflater.decompress(chunk, self._left + 1)
            if self._inflater.unconsumed_tail:
                out += b"\0"  # more output is waiting: past the cap whatever its size
        self._left -= len(out)
        if self._left < 0:
            raise FetchRefused(f"response inflates past the cap of {self._cap:,} bytes")
        return out


def redact(url: str) -> str:
    """The url with credential-looking query values hidden, for logs and errors."""
    return _SECRET_QUERY.sub(r"\1[redacted]", url)


class _RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(str(record.msg))
        if record.args:
            record.args = tuple(
                redact(str(a)) if isinstance(a, str | httpx.URL) else a for a in record.args
            )
        return True


for _name in ("httpx", "httpcore", "hallmark.fetch"):
    logging.getLogger(_name).addFilter(_RedactingFilter())
