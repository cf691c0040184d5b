"""Etsy live fetching against a real local HTTP server: two pages by offset, a 429 with
Retry-After, a 500 that recovers, a timeout that recovers, refused credentials, a missing
key. The responses are built field by field from the Open API v3 reference
(https://developers.etsy.com/documentation/reference)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.etsy_live import EtsyLive
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.domain import Account, Listing
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import loopback_client, parsed_records, stall, threaded_server

SEARCH = "/v3/application/listings/active"
SHOPS = "/v3/application/shops"
SHOP_LISTINGS = "/v3/application/shops/29374651/listings/active"
AT = datetime(2026, 11, 24, tzinfo=UTC)


def shop(shop_id: int = 29374651, name: str = "Bling4Less") -> dict[str, object]:
    return {
        "shop_id": shop_id,
        "user_id": 741852963,
        "shop_name": name,
        "title": "Designer-inspired jewellery",
        "currency_code": "USD",
        "url": f"https://www.etsy.com/shop/{name}",
        "shop_location_country_iso": "CN",
        "transaction_sold_count": 1520,
        "listing_active_count": 3,
    }


def listing(number: int, *, with_shop: bool = True) -> dict[str, object]:
    record: dict[str, object] = {
        "listing_id": number,
        "user_id": 741852963,
        "shop_id": 29374651,
        "title": f"Gold love bangle {number}",
        "description": "Screw motif bangle, 18k plated",
        "state": "active",
        "url": f"https://www.etsy.com/listing/{number}/gold-love-bangle",
        "price": {"amount": 1999, "divisor": 100, "currency_code": "USD"},
        "tags": ["bangle", "love bracelet"],
        "quantity": 12,
        "created_timestamp": 1763942400,
    }
    if with_shop:
        record["shop"] = shop()
    return record


@pytest.fixture
def live() -> tuple[EtsyLive, list[float]]:
    slept: list[float] = []
    channel = EtsyLive(
        "KEYSTRING-SECRET-1:SHARED",
        api_url="http://127.0.0.1:0",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def aimed(channel: EtsyLive, server: HTTPServer) -> EtsyLive:
    channel._api = server.url_for("").rstrip("/")
    return channel


def records(pages: list[bytes]) -> list[Listing | Account]:
    return parsed_records(EtsyLive, pages)


def parsed(pages: list[bytes]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Listing)]


def test_two_pages_by_offset(httpserver: HTTPServer, live: tuple[EtsyLive, list[float]]) -> None:
    channel = aimed(live[0], httpserver)
    first = {"keywords": "gold bangle", "limit": "100", "offset": "0", "includes": "Shop"}
    httpserver.expect_ordered_request(SEARCH, query_string=first).respond_with_json(
        {"count": 3, "results": [listing(1111111111), listing(2222222222)]}
    )
    httpserver.expect_ordered_request(
        SEARCH, query_string=first | {"offset": "2", "limit": "100"}
    ).respond_with_json({"count": 3, "results": [listing(3333333333)]})
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "gold bangle"), http))
    assert [p.status for p in pages] == [200, 200]
    assert parsed([p.body for p in pages]) == ["1111111111", "2222222222", "3333333333"]
    assert {r.account for r in records([p.body for p in pages]) if isinstance(r, Listing)} == {
        "Bling4Less"
    }
    request = httpserver.log[0][0]
    assert request.headers["x-api-key"] == "KEYSTRING-SECRET-1:SHARED"
    assert len(httpserver.log) == 2


def test_the_limit_bounds_the_pages(
    httpserver: HTTPServer, live: tuple[EtsyLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(SEARCH).respond_with_json(
        {"count": 5000, "results": [listing(1111111111), listing(2222222222)]}
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bangle", limit=2), http))
    assert len(pages) == 1
    assert httpserver.log[0][0].args["limit"] == "2"


def test_seller_resolves_the_shop_and_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[EtsyLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    httpserver.expect_ordered_request(
        SHOPS, query_string={"shop_name": "bling4less"}
    ).respond_with_json(
        {"count": 2, "results": [shop(11111, "Bling4LessOutlet"), shop(29374651, "Bling4Less")]}
    )
    httpserver.expect_ordered_request(SHOP_LISTINGS).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request(SHOP_LISTINGS).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(SHOP_LISTINGS).respond_with_json(
        {"count": 1, "results": [listing(4444444444, with_shop=False)]}
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("seller", "bling4less"), http))
    assert slept == [7.0, 1.0]
    assert len(pages) == 2
    assert parsed([p.body for p in pages]) == ["4444444444"]
    accounts = [r.external_id for r in records([pages[0].body]) if isinstance(r, Account)]
    assert accounts == ["Bling4LessOutlet", "Bling4Less"]
    assert httpserver.log[-1][0].args["offset"] == "0"


def test_an_unknown_shop_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[EtsyLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SHOPS).respond_with_json({"count": 0, "results": []})
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "nosuchshop"), http))
    assert str(caught.value) == "etsy: no shop named 'nosuchshop' (HTTP 200)"


def test_a_timeout_is_retried(live: tuple[EtsyLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        httpserver.expect_ordered_request(SEARCH).respond_with_handler(stall)
        httpserver.expect_ordered_request(SEARCH).respond_with_json(
            {"count": 1, "results": [listing(5555555555)]}
        )
        with loopback_client(timeout=0.3) as http:
            [page] = list(channel.fetch(Query("keyword", "x"), http))
    assert slept == [0.5]
    assert parsed([page.body]) == ["5555555555"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[EtsyLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SEARCH).respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


def test_refused_credentials_name_the_setting_and_never_the_key(
    httpserver: HTTPServer, live: tuple[EtsyLive, list[float]], caplog: pytest.LogCaptureFixture
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(SEARCH).respond_with_json(
        {"error": "Invalid API key: should be in the format 'keystring:shared_secret'."},
        status=403,
    )
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert "HTTP 403; check HALLMARK_ETSY_API_KEY" in str(caught.value)
    assert "KEYSTRING-SECRET-1" not in caplog.text + str(caught.value)


def test_one_listing_by_its_url(httpserver: HTTPServer, live: tuple[EtsyLive, list[float]]) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(
        "/v3/application/listings/1234567890", query_string={"includes": "Shop"}
    ).respond_with_data(json.dumps(listing(1234567890)), content_type="application/json")
    with loopback_client() as http:
        [page] = list(
            channel.fetch(
                Query("url", "https://www.etsy.com/listing/1234567890/gold-love-bangle?ref=x"),
                http,
            )
        )
    assert parsed([page.body]) == ["1234567890"]


def test_a_url_without_a_listing_id_is_refused(live: tuple[EtsyLive, list[float]]) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused, match="not an Etsy listing url"):
        list(live[0].fetch(Query("url", "https://www.etsy.com/shop/Bling4Less"), http))


def test_without_a_key_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        EtsyLive(None)
    assert str(caught.value) == "etsy: disabled, no HALLMARK_ETSY_API_KEY"
    with pytest.raises(NotConfigured):
        EtsyLive("")
