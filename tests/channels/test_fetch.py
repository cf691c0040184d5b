"""The safe client: private addresses refused on the resolved address, caps on raw and
inflated bytes, redirects screened on every hop, robots.txt followed, secrets never logged.

Servers here are real sockets on 127.0.0.1; the client is told explicitly that loopback is
allowed wherever it must reach them. Refusals are decided before any connection is made.
"""

from __future__ import annotations

import gzip
import logging
import threading
from collections.abc import Callable, Iterator

import pytest

from hallmark.channels.fetch import SafeClient, redact, redirect_target, system_resolver
from hallmark.errors import FetchRefused
from tests.rawhttp import Handler, RawServer, response


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        servers.append(RawServer(handler))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


REFUSED = [
    ("http://127.0.0.1/", "refused: 127.0.0.1 is loopback"),
    ("http://10.0.0.1/", "refused: 10.0.0.1 is private"),
    ("http://100.100.100.200/", "refused: 100.100.100.200 is carrier-grade NAT"),
    ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is link-local"),
    ("http://[::ffff:127.0.0.1]/", "refused: ::ffff:7f00:1 embeds 127.0.0.1 is loopback"),
    ("http://[64:ff9b::a00:1]/", "refused: 64:ff9b::a00:1 embeds 10.0.0.1 is private"),
    ("http://[2002:7f00:1::]/", "refused: 2002:7f00:1:: embeds 127.0.0.1 is loopback"),
    ("http://2130706433/", "refused: 2130706433 resolves to 127.0.0.1 is loopback"),
    ("http://0177.0.0.1/", "refused: 0177.0.0.1 resolves to 127.0.0.1 is loopback"),
    ("http://0x7f.1/", "refused: 0x7f.1 resolves to 127.0.0.1 is loopback"),
    ("http://127.1/", "refused: 127.1 resolves to 127.0.0.1 is loopback"),
    ("http://3232235521/", "refused: 3232235521 resolves to 192.168.0.1 is private"),
    ("http://2852039166/", "refused: 2852039166 resolves to 169.254.169.254 is link-local"),
    ("http://0/", "refused: 0 resolves to 0.0.0.0 is unspecified"),
    ("http://[::]/", "refused: :: is unspecified"),
    ("http://[fc00::1]/", "refused: fc00::1 is private"),
    ("http://224.0.0.1/", "refused: 224.0.0.1 is multicast"),
    ("http://localhost/", "refused: localhost resolves to 127.0.0.1 is loopback"),
    ("file:///etc/passwd", "refused: the file scheme is not fetched (only http and https)"),
    ("gopher://example.com/", "refused: the gopher scheme is not fetched (only http and https)"),
    ("http://user:pass@example.com/", "refused: credentials inside a URL are not sent"),
]


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_private_and_odd_addresses_are_refused(url: str, reason: str) -> None:
    def resolver(host: str, port: int) -> list[str]:
        answers = [a for a in system_resolver(host, port) if ":" not in a or host.count(":")]
        return answers or system_resolver(host, port)

    with SafeClient(resolver=resolver) as client, pytest.raises(FetchRefused) as caught:
        client.get(url)
    assert str(caught.value) == reason


def test_a_name_that_resolves_inside_is_refused_before_any_connection() -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["93.184.215.14", "192.168.1.7"]  # one public, one private answer: refused

    with SafeClient(resolver=resolver) as client, pytest.raises(FetchRefused) as caught:
        client.get("http://shop.example/")
    assert str(caught.value) == "refused: shop.example resolves to 192.168.1.7 is private"
    assert asked == ["shop.example"]


def test_a_redirect_to_a_private_address_is_refused(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(lambda _: response("302 Found", b"", {"Location": "http://10.0.0.1/admin"}))
    with SafeClient(allow_loopback=True) as client, pytest.raises(FetchRefused) as caught:
        client.get(server.url + "/start")
    assert str(caught.value) == "refused: 10.0.0.1 is private"


def test_redirects_are_followed_and_recorded(serve: Callable[[Handler], RawServer]) -> None:
    def handler(request: bytes) -> bytes:
        if request.startswith(b"GET /old "):
            return response("301 Moved Permanently", b"", {"Location": "/new"})
        return response(body=b"<html>new</html>", headers={"Content-Type": "text/html"})

    server = serve(handler)
    with SafeClient(allow_loopback=True) as client:
        fetched = client.get(server.url + "/old")
    assert (fetched.status, fetched.body, fetched.url) == (
        200,
        b"<html>new</html>",
        server.url + "/new",
    )
    assert fetched.redirects == (server.url + "/old",)
    assert b"User-Agent: Hallmark/" in server.requests[0]


def test_a_gzip_bomb_is_cut_while_inflating(serve: Callable[[Handler], RawServer]) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(bomb) < 100_000
    server = serve(lambda _: response(body=bomb, headers={"Content-Encoding": "gzip"}))
    with (
        SafeClient(allow_loopback=True, max_bytes=1_000_000) as client,
        pytest.raises(FetchRefused) as caught,
    ):
        client.get(server.url)
    assert str(caught.value) == "response inflates past the cap of 4,000,000 bytes"


def test_gzip_within_the_cap_is_inflated(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(
        lambda _: response(body=gzip.compress(b"x" * 5000), headers={"Content-Encoding": "gzip"})
    )
    with SafeClient(allow_loopback=True) as client:
        fetched = client.get(server.url)
    assert fetched.body == b"x" * 5000 and fetched.wire_bytes < 100


def test_an_announced_2_gb_body_is_refused_unread(serve: Callable[[Handler], RawServer]) -> None:
    server = serve(
        lambda _: (
            b"HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\nConnection: close\r\n\r\n"
            + b"x" * 1000
        )
    )
    with SafeClient(allow_loopback=True) as client, pytest.raises(FetchRefused) as caught:
        client.get(server.url)
    assert str(caught.value) == "response announces 2,000,000,000 bytes, over the cap of 10,000,000"


def test_a_body_longer_than_it_says_is_cut_at_the_cap(
    serve: Callable[[Handler], RawServer],
) -> None:
    chunk = b"%x\r\n%s\r\n" % (100_000, b"y" * 100_000)
    server = serve(
        lambda _: (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + chunk * 30
            + b"0\r\n\r\n"
        )
    )
    with (
        SafeClient(allow_loopback=True, max_bytes=1_000_000) as client,
        pytest.raises(FetchRefused) as caught,
    ):
        client.get(server.url)
    assert str(caught.value) == "response exceeds the cap of 1,000,000 bytes"


def test_a_silent_server_times_out(serve: Callable[[Handler], RawServer]) -> None:
    stop = threading.Event()

    def hang(_: bytes) -> bytes:
        stop.wait(5)
        return b""

    server = serve(hang)
    with (
        SafeClient(allow_loopback=True, timeout=0.5) as client,
        pytest.raises(FetchRefused) as caught,
    ):
        client.get(server.url)
    stop.set()
    assert str(caught.value) == f"timed out after 0.5 s: {server.url}"


def test_robots_txt_is_followed(serve: Callable[[Handler], RawServer]) -> None:
    def handler(request: bytes) -> bytes:
        if request.startswith(b"GET /robots.txt"):
            return response(body=b"User-agent: *\nDisallow: /private/\n")
        return response()

    server = serve(handler)
    with SafeClient(allow_loopback=True) as client:
        assert client.allowed_by_robots(server.url + "/products/ring")
        assert not client.allowed_by_robots(server.url + "/private/list")
    robots_fetches = [r for r in server.requests if r.startswith(b"GET /robots.txt")]
    assert len(robots_fetches) == 1


def test_missing_robots_allows_and_a_failing_one_forbids(
    serve: Callable[[Handler], RawServer],
) -> None:
    missing = serve(lambda _: response("404 Not Found", b""))
    failing = serve(lambda _: response("503 Service Unavailable", b""))
    with SafeClient(allow_loopback=True) as client:
        assert client.allowed_by_robots(missing.url + "/p")
        assert not client.allowed_by_robots(failing.url + "/p")


def test_secrets_never_reach_the_logs(
    serve: Callable[[Handler], RawServer], caplog: pytest.LogCaptureFixture
) -> None:
    server = serve(lambda _: response())
    caplog.set_level(logging.DEBUG)
    with SafeClient(allow_loopback=True) as client:
        client.get(
            server.url + "/items?q=ring&access_token=SECRET123&api_key=KEY456",
            headers={"Authorization": "Bearer SECRET789"},
        )
    text = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert "SECRET123" not in text and "KEY456" not in text and "SECRET789" not in text
    assert "access_token=[redacted]" in caplog.text


def test_redact() -> None:
    assert (
        redact("https://api.test/v1?token=abc&q=x&Signature=zz")
        == "https://api.test/v1?token=[redacted]&q=x&Signature=[redacted]"
    )


def test_post_sends_its_body_and_a_303_turns_it_into_a_get(
    serve: Callable[[Handler], RawServer],
) -> None:
    def handler(request: bytes) -> bytes:
        if request.startswith(b"POST /form "):
            return response("303 See Other", b"", {"Location": "/done"})
        return response(body=b"ok")

    server = serve(handler)
    with SafeClient(allow_loopback=True) as client:
        fetched = client.post(
            server.url + "/form",
            content=b"a=1",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    assert (fetched.status, fetched.body, fetched.url) == (200, b"ok", server.url + "/done")
    assert server.requests[0].startswith(b"POST /form ")
    assert server.requests[1].startswith(b"GET /done ")


def test_only_get_and_post_are_sent() -> None:
    with SafeClient() as client, pytest.raises(FetchRefused) as caught:
        client.request("DELETE", "https://example.com/")
    assert str(caught.value) == "refused: DELETE is not sent (only GET and POST)"


@pytest.mark.parametrize(
    ("headers", "target"),
    [
        ({"Location": "/shop?id=7"}, "https://bit.ly/shop?id=7"),
        ({"location": "https://gildsteel-shop.com/"}, "https://gildsteel-shop.com/"),
        ({"LOCATION": "../up"}, "https://bit.ly/up"),
        ({"Content-Type": "text/html"}, None),
        (None, None),
    ],
)
def test_a_redirect_target_is_absolute(headers: dict[str, str] | None, target: str | None) -> None:
    assert redirect_target("https://bit.ly/a/3glam", headers) == target
