"""Pinterest live fetching against a real local HTTP server: two pages by bookmark, a 429
with Retry-After, a 500 that recovers, a timeout that recovers, refused credentials, a
missing token, a seller query refused. The responses follow the v5 OpenAPI description
(pinterest/api-description, `v5/openapi.yaml`: search_partner_pins, pins/get, `Pin`)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.channels.pinterest_live import PinterestLive
from hallmark.domain import Account, Listing
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import loopback_client, parsed_records, stall, threaded_server

SEARCH = "/v5/search/partner/pins"
AT = datetime(2026, 11, 24, tzinfo=UTC)


def pin(number: int) -> dict[str, object]:
    return {
        "id": str(number),
        "created_at": "2026-11-20T10:00:00",
        "link": "https://bling4less.shop/love",
        "title": f"Love bracelet {number}",
        "description": "Screw motif bangle, only $19 #cartier #lovebracelet",
        "alt_text": None,
        "board_id": "549755885175",
        "board_owner": {"username": "bling4less"},
        "media": {
            "media_type": "image",
            "images": {
                "150x150": {
                    "width": 150,
                    "height": 150,
                    "url": f"https://i.pinimg.com/150x150/{number}.jpg",
                },
                "1200x": {
                    "width": 1200,
                    "height": 1600,
                    "url": f"https://i.pinimg.com/1200x/{number}.jpg",
                },
            },
        },
    }


def page(*numbers: int, bookmark: str | None = None) -> dict[str, object]:
    return {"items": [pin(n) for n in numbers], "bookmark": bookmark}


@pytest.fixture
def live() -> tuple[PinterestLive, list[float]]:
    slept: list[float] = []
    channel = PinterestLive(
        "PIN-SECRET-1",
        api_url="http://127.0.0.1:0",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def aimed(channel: PinterestLive, server: HTTPServer) -> PinterestLive:
    channel._api = server.url_for("").rstrip("/")
    return channel


def records(pages: list[bytes]) -> list[Listing | Account]:
    return parsed_records(PinterestLive, pages)


def parsed(pages: list[bytes]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Listing)]


def test_two_pages_follow_the_bookmark(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    first = {"term": "love bracelet", "country_code": "US", "limit": "50"}
    httpserver.expect_ordered_request(SEARCH, query_string=first).respond_with_json(
        page(1111111111111111, 2222222222222222, bookmark="Y2JVSG81V2sxcmNHRjZWbGQ")
    )
    httpserver.expect_ordered_request(
        SEARCH, query_string=first | {"bookmark": "Y2JVSG81V2sxcmNHRjZWbGQ"}
    ).respond_with_json(page(3333333333333333))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "love bracelet"), http))
    assert [p.status for p in pages] == [200, 200]
    bodies = [p.body for p in pages]
    assert parsed(bodies) == ["1111111111111111", "2222222222222222", "3333333333333333"]
    assert {r.account for r in records(bodies) if isinstance(r, Listing)} == {"bling4less"}
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer PIN-SECRET-1"
    assert len(httpserver.log) == 2


def test_the_limit_bounds_the_pages(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(SEARCH).respond_with_json(
        page(1111111111111111, 2222222222222222, bookmark="more")
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bangle", limit=2), http))
    assert len(pages) == 1
    assert httpserver.log[0][0].args["limit"] == "2"


def test_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    httpserver.expect_ordered_request(SEARCH).respond_with_json(
        {"code": 8, "message": "You have exceeded your rate limit. Try again later."},
        status=429,
        headers={"Retry-After": "7"},
    )
    httpserver.expect_ordered_request(SEARCH).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(SEARCH).respond_with_json(page(4444444444444444))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bangle"), http))
    assert slept == [7.0, 1.0]
    assert len(pages) == 1
    assert parsed([pages[0].body]) == ["4444444444444444"]


def test_a_timeout_is_retried(live: tuple[PinterestLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        httpserver.expect_ordered_request(SEARCH).respond_with_handler(stall)
        httpserver.expect_ordered_request(SEARCH).respond_with_json(page(5555555555555555))
        with loopback_client(timeout=0.3) as http:
            [got] = list(channel.fetch(Query("keyword", "x"), http))
    assert slept == [0.5]
    assert parsed([got.body]) == ["5555555555555555"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SEARCH).respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


def test_refused_credentials_name_the_setting_and_never_the_token(
    httpserver: HTTPServer,
    live: tuple[PinterestLive, list[float]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(SEARCH).respond_with_json(
        {"code": 2, "message": "Authentication failed."}, status=401
    )
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert "HTTP 401; check HALLMARK_PINTEREST_TOKEN" in str(caught.value)
    assert "PIN-SECRET-1" not in caplog.text + str(caught.value)


def test_an_app_without_the_search_beta_is_told_which_setting(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SEARCH).respond_with_json(
        {"code": 29, "message": "You are not permitted to access that resource."}, status=403
    )
    with (
        loopback_client() as http,
        pytest.raises(CredentialsRefused, match="HALLMARK_PINTEREST_TOKEN"),
    ):
        list(channel.fetch(Query("keyword", "x"), http))


@pytest.mark.parametrize(
    "url",
    [
        "https://www.pinterest.com/pin/6666666666666666/",
        "https://www.pinterest.co.uk/pin/love-bracelet-dupe--6666666666666666/?nic=1",
    ],
)
def test_one_pin_by_its_url(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]], url: str
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request("/v5/pins/6666666666666666").respond_with_json(pin(6666666666666666))
    with loopback_client() as http:
        [got] = list(channel.fetch(Query("url", url), http))
    [post] = [r for r in records([got.body]) if isinstance(r, Listing)]
    assert post.external_id == "6666666666666666"
    assert post.url == "https://www.pinterest.com/pin/6666666666666666/"
    assert post.images == ("https://i.pinimg.com/1200x/6666666666666666.jpg",)


def test_a_url_without_a_pin_id_is_refused(live: tuple[PinterestLive, list[float]]) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused, match="not a Pinterest Pin url"):
        list(live[0].fetch(Query("url", "https://www.pinterest.com/bling4less/"), http))


def test_a_seller_is_refused_before_any_request(
    httpserver: HTTPServer, live: tuple[PinterestLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "bling4less"), http))
    assert "API v5 cannot list another account's Pins" in str(caught.value)
    assert httpserver.log == []


def test_without_a_token_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        PinterestLive(None)
    assert str(caught.value) == "pinterest: disabled, no HALLMARK_PINTEREST_TOKEN"
    with pytest.raises(NotConfigured):
        PinterestLive("")
