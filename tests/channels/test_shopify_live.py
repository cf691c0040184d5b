"""Shopify live fetching against a real local HTTP server standing in for one store:
two pages and an empty one, robots.txt obeyed, a 429 with Retry-After, a 500 that recovers,
a timeout that recovers, retries running out, a password-protected store, one product by
its url, and keyword search refused. The store is `shop.example.com` resolved to the local
server, so the fetched url names the store as it would in use. Responses follow the
storefront JSON shapes in tests/fixtures/shopify/README.md."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import Query, Retrying, TokenBucket
from hallmark.channels.shopify_live import ShopifyLive
from hallmark.domain import Account, Listing
from hallmark.errors import FetchRefused
from tests.channels.live_support import stall, threaded_server

STORE = "shop.example.com"
PRODUCTS = "/products.json"
AT = datetime(2026, 11, 24, tzinfo=UTC)


def product(number: int) -> dict[str, object]:
    return {
        "id": number,
        "title": f"Gold love bangle {number}",
        "handle": f"gold-love-bangle-{number}",
        "body_html": "<p>Screw motif bangle, 18k plated</p>",
        "vendor": "Bling4Less",
        "product_type": "Bracelet",
        "tags": ["bangle", "love"],
        "variants": [{"id": number * 10, "title": "Default Title", "price": "19.99"}],
        "images": [{"src": f"https://cdn.shopify.com/s/files/1/{number}.jpg"}],
    }


@pytest.fixture
def live() -> tuple[ShopifyLive, list[float]]:
    slept: list[float] = []
    channel = ShopifyLive(
        scheme="http",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def client(timeout: float = 5.0) -> SafeClient:
    """Resolves the store's name to the local server, as DNS would to Shopify."""
    return SafeClient(
        resolver=lambda host, port: ["127.0.0.1"], allow_loopback=True, timeout=timeout
    )


def store(server: HTTPServer, robots: str = "User-agent: *\nDisallow: /checkout\n") -> str:
    server.expect_request("/robots.txt").respond_with_data(robots, content_type="text/plain")
    return f"{STORE}:{server.port}"


def records(pages: list[Fetched]) -> list[Listing | Account]:
    found: list[Listing | Account] = []
    for page in pages:
        for record in ShopifyLive().parse(page.body, source=page.url, captured_at=AT):
            assert isinstance(record, Listing | Account), record
            found.append(record)
    return found


def parsed(pages: list[Fetched]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Listing)]


def page(number: int) -> dict[str, str]:
    return {"limit": "250", "page": str(number)}


def test_pages_until_an_empty_one(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    domain = store(httpserver)
    httpserver.expect_request(PRODUCTS, query_string=page(1)).respond_with_json(
        {"products": [product(1111), product(2222)]}
    )
    httpserver.expect_request(PRODUCTS, query_string=page(2)).respond_with_json(
        {"products": [product(3333)]}
    )
    httpserver.expect_request(PRODUCTS, query_string=page(3)).respond_with_json({"products": []})
    with client() as http:
        pages = list(live[0].fetch(Query("seller", domain, 1000), http))
    assert [p.status for p in pages] == [200, 200, 200]
    assert pages[0].url == f"http://{domain}/products.json?limit=250&page=1"
    assert parsed(pages) == ["1111", "2222", "3333"]
    found = records(pages)
    assert {r.external_id for r in found if isinstance(r, Account)} == {STORE}
    assert {r.url for r in found if isinstance(r, Listing)} >= {
        f"https://{STORE}/products/gold-love-bangle-1111"
    }
    paths = [request.path for request, _ in httpserver.log]
    assert paths == ["/robots.txt", PRODUCTS, PRODUCTS, PRODUCTS]
    assert httpserver.log[1][0].headers["Host"] == domain


def test_a_store_url_names_the_store_and_the_limit_bounds_the_pages(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    domain = store(httpserver)
    httpserver.expect_request(PRODUCTS).respond_with_json(
        {"products": [product(1111), product(2222)]}
    )
    with client() as http:
        pages = list(live[0].fetch(Query("seller", f"http://{domain}/collections/all", 2), http))
    assert len(pages) == 1
    assert httpserver.log[-1][0].args["limit"] == "2"


def test_robots_txt_is_obeyed(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    domain = store(httpserver, robots="User-agent: *\nDisallow: /products.json\n")
    with client() as http, pytest.raises(FetchRefused) as caught:
        list(live[0].fetch(Query("seller", domain, 1000), http))
    assert str(caught.value).startswith(f"shopify: robots.txt of {domain} does not allow ")
    assert [request.path for request, _ in httpserver.log] == ["/robots.txt"]


def test_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    channel, slept = live
    domain = store(httpserver)
    httpserver.expect_oneshot_request(PRODUCTS).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_oneshot_request(PRODUCTS).respond_with_data("oops", status=500)
    httpserver.expect_request(PRODUCTS, query_string=page(1)).respond_with_json(
        {"products": [product(4444)]}
    )
    httpserver.expect_request(PRODUCTS, query_string=page(2)).respond_with_json({"products": []})
    with client() as http:
        pages = list(channel.fetch(Query("seller", domain, 1000), http))
    assert slept == [7.0, 1.0]
    assert parsed(pages) == ["4444"]


def test_a_timeout_is_retried(live: tuple[ShopifyLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        domain = store(httpserver)
        httpserver.expect_oneshot_request(PRODUCTS).respond_with_handler(stall)
        httpserver.expect_request(PRODUCTS, query_string=page(1)).respond_with_json(
            {"products": [product(5555)]}
        )
        httpserver.expect_request(PRODUCTS, query_string=page(2)).respond_with_json(
            {"products": []}
        )
        with client(timeout=0.3) as http:
            pages = list(channel.fetch(Query("seller", domain, 1000), http))
    assert slept == [0.5]
    assert parsed(pages) == ["5555"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    domain = store(httpserver)
    httpserver.expect_request(PRODUCTS).respond_with_data("down", status=503)
    with client() as http, pytest.raises(FetchRefused) as caught:
        list(live[0].fetch(Query("seller", domain, 1000), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


def test_a_password_protected_store_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    domain = store(httpserver)
    httpserver.expect_request(PRODUCTS).respond_with_data("password", status=401)
    with client() as http, pytest.raises(FetchRefused) as caught:
        list(live[0].fetch(Query("seller", domain, 1000), http))
    message = str(caught.value)
    assert message.startswith(f"shopify: http://{domain}/products.json?limit=250&page=1: HTTP 401")
    assert "password-protected" in message
    assert "check" not in message


def test_one_product_by_its_url(
    httpserver: HTTPServer, live: tuple[ShopifyLive, list[float]]
) -> None:
    domain = store(httpserver)
    one = product(6666) | {
        "variants": [{"id": 66660, "title": "Default Title", "price": 1999}],
        "description": "<p>Screw motif bangle</p>",
    }
    httpserver.expect_request("/products/gold-love-bangle-6666.js").respond_with_json(one)
    url = f"https://{domain}/collections/sale/products/gold-love-bangle-6666?variant=66660"
    with client() as http:
        pages = list(live[0].fetch(Query("url", url), http))
    assert [p.url for p in pages] == [f"http://{domain}/products/gold-love-bangle-6666.js"]
    assert parsed(pages) == ["6666"]
    [listing] = [r for r in records(pages) if isinstance(r, Listing)]
    assert listing.account == STORE
    assert listing.extra["price"] == "19.99"  # the .js shape counts cents


def test_what_cannot_be_fetched_is_refused(live: tuple[ShopifyLive, list[float]]) -> None:
    channel = live[0]
    with client() as http:
        with pytest.raises(FetchRefused) as caught:
            list(channel.fetch(Query("keyword", "gold bangle"), http))
        assert str(caught.value) == (
            "shopify: search one store with --seller DOMAIN; there is no cross-store search"
        )
        with pytest.raises(FetchRefused, match="not a Shopify product url"):
            list(channel.fetch(Query("url", "https://shop.example.com/collections/all"), http))
        with pytest.raises(FetchRefused, match="not a store domain"):
            list(channel.fetch(Query("seller", "not a domain"), http))


def test_no_credentials_are_needed() -> None:
    channel = ShopifyLive()
    assert channel._scheme == "https"
    assert channel.setting == ""
    with pytest.raises(ValueError, match="scheme"):
        ShopifyLive(scheme="ftp")
