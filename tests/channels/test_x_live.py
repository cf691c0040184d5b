"""X live fetching against a real local HTTP server: two pages by next_token and by
pagination_token, a 429 with Retry-After (and with x-rate-limit-reset), a 500 that
recovers, a timeout that recovers, refused credentials, a missing token. The responses
follow the X API v2 reference (https://docs.x.com/x-api/posts/search-recent-posts)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.channels.x_live import XLive, XRetrying
from hallmark.domain import Account, Listing
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import loopback_client, parsed_records, stall, threaded_server

SEARCH = "/2/tweets/search/recent"
USER = "/2/users/by/username/bling4less"
TIMELINE = "/2/users/1460987654321098752/tweets"
AT = datetime(2026, 11, 24, tzinfo=UTC)
FIELDS = {
    "expansions": "author_id,attachments.media_keys",
    "tweet.fields": "created_at,public_metrics,entities,attachments,author_id",
    "user.fields": "username,name,public_metrics,url,description,verified_type,entities",
    "media.fields": "url,preview_image_url,type,alt_text",
}
USER_JSON = {
    "id": "1460987654321098752",
    "username": "bling4less",
    "name": "Bling 4 Less",
    "description": "Luxury look for less, DM to order",
    "public_metrics": {"followers_count": 15230, "following_count": 12, "tweet_count": 845},
}


def tweet(number: int) -> dict[str, object]:
    return {
        "id": str(number),
        "text": f"Love bracelet #{number} only $19 #cartier https://t.co/abc",
        "author_id": "1460987654321098752",
        "created_at": "2026-11-20T10:00:00.000Z",
        "edit_history_tweet_ids": [str(number)],
        "public_metrics": {"retweet_count": 1, "reply_count": 0, "like_count": 4},
        "entities": {
            "hashtags": [{"start": 30, "end": 38, "tag": "cartier"}],
            "urls": [{"url": "https://t.co/abc", "expanded_url": "https://bling4less.shop/love"}],
        },
    }


def page(*numbers: int, next_token: str | None = None) -> dict[str, object]:
    meta: dict[str, object] = {"result_count": len(numbers)}
    if next_token:
        meta["next_token"] = next_token
    return {
        "data": [tweet(n) for n in numbers],
        "includes": {"users": [USER_JSON]},
        "meta": meta,
    }


@pytest.fixture
def live() -> tuple[XLive, list[float]]:
    slept: list[float] = []
    channel = XLive(
        "BEARER-SECRET-1",
        api_url="http://127.0.0.1:0",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def aimed(channel: XLive, server: HTTPServer) -> XLive:
    channel._api = server.url_for("").rstrip("/")
    return channel


def records(pages: list[bytes]) -> list[Listing | Account]:
    return parsed_records(XLive, pages)


def parsed(pages: list[bytes]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Listing)]


def test_two_pages_follow_next_token(
    httpserver: HTTPServer, live: tuple[XLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    first = {"query": "#cartier -is:retweet", "max_results": "100"} | FIELDS
    httpserver.expect_ordered_request(SEARCH, query_string=first).respond_with_json(
        page(1860000000000000001, 1860000000000000002, next_token="b26v89c19zqg8o3f")
    )
    httpserver.expect_ordered_request(
        SEARCH, query_string=first | {"next_token": "b26v89c19zqg8o3f"}
    ).respond_with_json(page(1860000000000000003))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "#cartier -is:retweet"), http))
    assert [p.status for p in pages] == [200, 200]
    bodies = [p.body for p in pages]
    assert parsed(bodies) == [
        "1860000000000000001",
        "1860000000000000002",
        "1860000000000000003",
    ]
    assert {r.account for r in records(bodies) if isinstance(r, Listing)} == {"1460987654321098752"}
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer BEARER-SECRET-1"


def test_seller_two_pages_and_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[XLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    httpserver.expect_ordered_request(USER).respond_with_json({"data": USER_JSON})
    httpserver.expect_ordered_request(TIMELINE).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request(TIMELINE).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(
        TIMELINE, query_string={"max_results": "100"} | FIELDS
    ).respond_with_json(page(1860000000000000004, next_token="7140dibdnow9c7btw4"))
    httpserver.expect_ordered_request(
        TIMELINE,
        query_string={"max_results": "100", "pagination_token": "7140dibdnow9c7btw4"} | FIELDS,
    ).respond_with_json(page(1860000000000000005))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("seller", "@bling4less"), http))
    assert slept == [7.0, 1.0]
    assert len(pages) == 3
    bodies = [p.body for p in pages]
    assert parsed(bodies) == ["1860000000000000004", "1860000000000000005"]
    [profile] = records([bodies[0]])
    assert isinstance(profile, Account)
    assert (profile.external_id, profile.handle) == ("1460987654321098752", "bling4less")


def test_x_rate_limit_reset_is_honoured(
    httpserver: HTTPServer, live: tuple[XLive, list[float]]
) -> None:
    channel, slept = live
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    channel._retrying = XRetrying(attempts=3, sleep=slept.append, clock=lambda: now)
    aimed(channel, httpserver)
    reset = str(int(now.timestamp()) + 42)
    httpserver.expect_ordered_request(SEARCH).respond_with_json(
        {"title": "Too Many Requests", "detail": "Too Many Requests", "status": 429},
        status=429,
        headers={
            "x-rate-limit-limit": "60",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": reset,
        },
    )
    httpserver.expect_ordered_request(SEARCH).respond_with_json(page(1860000000000000006))
    with loopback_client() as http:
        [got] = list(channel.fetch(Query("keyword", "cartier"), http))
    assert slept == [42.0]
    assert parsed([got.body]) == ["1860000000000000006"]


def test_an_unknown_account_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[XLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request("/2/users/by/username/nosuchuser").respond_with_json(
        {
            "errors": [
                {
                    "value": "nosuchuser",
                    "detail": "Could not find user with username: [nosuchuser].",
                    "title": "Not Found Error",
                    "resource_type": "user",
                    "parameter": "username",
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                }
            ]
        }
    )
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "nosuchuser"), http))
    assert str(caught.value) == "x: no account @nosuchuser (HTTP 200)"


def test_a_bad_username_is_refused_before_any_request(live: tuple[XLive, list[float]]) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused, match="not an X username"):
        list(live[0].fetch(Query("seller", "../2/tweets"), http))


def test_a_timeout_is_retried(live: tuple[XLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        httpserver.expect_ordered_request(SEARCH).respond_with_handler(stall)
        httpserver.expect_ordered_request(SEARCH).respond_with_json(page(1860000000000000007))
        with loopback_client(timeout=0.3) as http:
            [got] = list(channel.fetch(Query("keyword", "x"), http))
    assert slept == [0.5]
    assert parsed([got.body]) == ["1860000000000000007"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[XLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SEARCH).respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


def test_refused_credentials_name_the_setting_and_never_the_token(
    httpserver: HTTPServer, live: tuple[XLive, list[float]], caplog: pytest.LogCaptureFixture
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(SEARCH).respond_with_json(
        {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"},
        status=401,
    )
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert "HTTP 401; check HALLMARK_X_BEARER_TOKEN" in str(caught.value)
    assert "BEARER-SECRET-1" not in caplog.text + str(caught.value)


def test_one_post_by_its_url(httpserver: HTTPServer, live: tuple[XLive, list[float]]) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(
        "/2/tweets/1860000000000000008", query_string=FIELDS
    ).respond_with_json({"data": tweet(1860000000000000008), "includes": {"users": [USER_JSON]}})
    with loopback_client() as http:
        [got] = list(
            channel.fetch(
                Query("url", "https://x.com/bling4less/status/1860000000000000008?s=20"), http
            )
        )
    [post] = [r for r in records([got.body]) if isinstance(r, Listing)]
    assert post.external_id == "1860000000000000008"
    assert post.url == "https://x.com/bling4less/status/1860000000000000008"


def test_a_url_without_a_post_id_is_refused(live: tuple[XLive, list[float]]) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused, match="not an X post url"):
        list(live[0].fetch(Query("url", "https://x.com/bling4less"), http))


def test_without_a_token_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        XLive(None)
    assert str(caught.value) == "x: disabled, no HALLMARK_X_BEARER_TOKEN"
