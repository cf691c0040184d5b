"""Instagram live fetching against a real local HTTP server: hashtag media over two pages
by paging.next, an account's media over two pages by business discovery cursors, a 429
with Retry-After, a 500 that recovers, a timeout that recovers, refused credentials, the
30-hashtag budget, missing settings. The responses follow the Instagram Graph API
reference (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/
reference/ig-hashtag-search, .../ig-hashtag/recent-media, .../ig-user/business_discovery)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.instagram_live import HashtagBudget, InstagramLive
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.domain import Account, Listing
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import loopback_client, parsed_records, stall, threaded_server

IG_USER = "17841405822304914"
HASHTAG_ID = "17843857450040591"
SEARCH = "/v21.0/ig_hashtag_search"
RECENT = f"/v21.0/{HASHTAG_ID}/recent_media"
DISCOVERY = f"/v21.0/{IG_USER}"
AT = datetime(2026, 11, 24, tzinfo=UTC)
HASHTAG_FIELDS = (
    "id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,"
    "children{id,media_type,media_url}"
)
MEDIA_FIELDS = (
    "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,"
    "like_count,comments_count,children{id,media_type,media_url,thumbnail_url}"
)
PROFILE = (
    "id,username,name,biography,website,followers_count,follows_count,media_count,"
    "profile_picture_url"
)


def media(number: int) -> dict[str, object]:
    return {
        "id": str(number),
        "caption": "Love bracelet only $19 #cartier DM to order https://bling4less.shop",
        "media_type": "IMAGE",
        "media_url": f"https://scontent.cdninstagram.com/v/{number}.jpg",
        "permalink": f"https://www.instagram.com/p/C{number}/",
        "timestamp": "2026-11-23T10:00:00+0000",
        "like_count": 12,
        "comments_count": 3,
    }


def discovery(*numbers: int, after: str | None, profile: bool = True) -> dict[str, object]:
    paging: dict[str, object] = {"cursors": {"before": "QVFIUmxB"}}
    if after:
        paging["cursors"] = {"before": "QVFIUmxB", "after": after}
    account: dict[str, object] = {
        "id": "17841401441775531",
        "media": {"data": [media(n) for n in numbers], "paging": paging},
    }
    if profile:
        account |= {
            "username": "bling4less",
            "name": "Bling 4 Less",
            "biography": "Luxury look for less",
            "website": "https://bling4less.shop",
            "followers_count": 15230,
            "follows_count": 12,
            "media_count": 845,
        }
    return {"business_discovery": account, "id": IG_USER}


@pytest.fixture
def live() -> tuple[InstagramLive, list[float]]:
    slept: list[float] = []
    channel = InstagramLive(
        "IGTOKEN-SECRET-1",
        IG_USER,
        api_url="http://127.0.0.1:0/v21.0",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
        hashtags=HashtagBudget(),
    )
    return channel, slept


def aimed(channel: InstagramLive, server: HTTPServer) -> InstagramLive:
    channel._api = server.url_for("/v21.0")
    return channel


def found(server: HTTPServer) -> None:
    server.expect_ordered_request(
        SEARCH, query_string={"user_id": IG_USER, "q": "cartier"}
    ).respond_with_json({"data": [{"id": HASHTAG_ID}]})


def records(pages: list[bytes]) -> list[Listing | Account]:
    return parsed_records(InstagramLive, pages)


def parsed(pages: list[bytes]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Listing)]


def test_hashtag_two_pages_follow_paging_next_without_its_token(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    found(httpserver)
    first = {"user_id": IG_USER, "fields": HASHTAG_FIELDS, "limit": "50"}
    following = httpserver.url_for(RECENT) + (
        f"?user_id={IG_USER}&fields=id%2Ccaption&limit=50&access_token=EAAB-LEAKED&after=QVFIUjRtc0"
    )
    httpserver.expect_ordered_request(RECENT, query_string=first).respond_with_json(
        {
            "data": [media(17900000000000001), media(17900000000000002)],
            "paging": {"cursors": {"after": "QVFIUjRtc0"}, "next": following},
        }
    )
    httpserver.expect_ordered_request(
        RECENT,
        query_string={
            "user_id": IG_USER,
            "fields": "id,caption",
            "limit": "50",
            "after": "QVFIUjRtc0",
        },
    ).respond_with_json({"data": [media(17900000000000003)], "paging": {"cursors": {}}})
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "#Cartier"), http))
    assert [p.status for p in pages] == [200, 200]
    assert parsed([p.body for p in pages]) == [
        "17900000000000001",
        "17900000000000002",
        "17900000000000003",
    ]
    assert all("EAAB-LEAKED" not in p.url for p in pages)
    assert len(httpserver.log) == 3
    assert all(r.headers["Authorization"] == "Bearer IGTOKEN-SECRET-1" for r, _ in httpserver.log)


def test_paging_next_elsewhere_is_not_followed(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    found(httpserver)
    httpserver.expect_ordered_request(RECENT).respond_with_json(
        {
            "data": [media(17900000000000001)],
            "paging": {"next": "https://evil.example/v21.0/1/recent_media?after=x"},
        }
    )
    with loopback_client() as http, pytest.raises(FetchRefused, match=r"paging\.next leaves"):
        list(channel.fetch(Query("keyword", "cartier"), http))
    assert len(httpserver.log) == 2


def test_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    found(httpserver)
    httpserver.expect_ordered_request(RECENT).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request(RECENT).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(RECENT).respond_with_json(
        {"data": [media(17900000000000004)]}
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "cartier"), http))
    assert slept == [7.0, 1.0]
    assert parsed([p.body for p in pages]) == ["17900000000000004"]


def test_account_two_pages_by_business_discovery(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    first = (
        f"business_discovery.username(bling4less){{{PROFILE},media.limit(50){{{MEDIA_FIELDS}}}}}"
    )
    second = (
        "business_discovery.username(bling4less)"
        f"{{id,media.after(QVFIUkx6).limit(50){{{MEDIA_FIELDS}}}}}"
    )
    httpserver.expect_ordered_request(DISCOVERY, query_string={"fields": first}).respond_with_json(
        discovery(17900000000000005, 17900000000000006, after="QVFIUkx6")
    )
    httpserver.expect_ordered_request(DISCOVERY, query_string={"fields": second}).respond_with_json(
        discovery(17900000000000007, after=None, profile=False)
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("seller", "@bling4less"), http))
    assert len(pages) == 2
    bodies = [p.body for p in pages]
    assert parsed(bodies) == ["17900000000000005", "17900000000000006", "17900000000000007"]
    accounts = [r for r in records(bodies) if isinstance(r, Account)]
    assert [(a.external_id, a.handle) for a in accounts] == [("17841401441775531", "bling4less")]
    assert {r.account for r in records(bodies) if isinstance(r, Listing)} == {"17841401441775531"}


def test_an_account_discovery_cannot_see_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(DISCOVERY).respond_with_json(
        {
            "error": {
                "message": "Invalid user id",
                "type": "OAuthException",
                "code": 110,
                "error_subcode": 2207013,
                "fbtrace_id": "AbCdEf",
            }
        },
        status=400,
    )
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "personal.account"), http))
    assert str(caught.value) == "instagram: Graph API error 110: Invalid user id (HTTP 400)"


def test_an_unknown_hashtag_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(SEARCH).respond_with_json({"data": []})
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "nosuchtagatall"), http))
    assert str(caught.value) == "instagram: no hashtag #nosuchtagatall (HTTP 200)"


def test_the_31st_unique_hashtag_is_refused_before_any_request(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    budget = HashtagBudget(clock=lambda: now)
    channel = aimed(live[0], httpserver)
    channel._hashtags = budget
    for number in range(30):
        budget.spend(IG_USER, f"tag{number}")
    budget.spend(IG_USER, "tag0")  # a repeat within 7 days is free
    budget.spend("17841400000000000", "cartier")  # another account has its own 30
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "cartier"), http))
    assert "#cartier would be unique hashtag 31 in 7 days" in str(caught.value)
    assert "frees at 2026-12-01 12:00 UTC" in str(caught.value)
    assert httpserver.log == []


def test_a_hashtag_frees_its_place_after_7_days() -> None:
    now = [datetime(2026, 11, 24, tzinfo=UTC)]
    budget = HashtagBudget(limit=2, clock=lambda: now[0])
    budget.spend(IG_USER, "a")
    now[0] += timedelta(days=1)
    budget.spend(IG_USER, "b")
    with pytest.raises(FetchRefused):
        budget.spend(IG_USER, "c")
    now[0] += timedelta(days=6)
    budget.spend(IG_USER, "c")  # "a" is 7 days old
    with pytest.raises(FetchRefused):
        budget.spend(IG_USER, "d")


def test_a_keyword_that_is_no_hashtag_is_refused(live: tuple[InstagramLive, list[float]]) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused, match="not a hashtag"):
        list(live[0].fetch(Query("keyword", "gold bangle"), http))


def test_a_bad_username_is_refused_before_any_request(
    live: tuple[InstagramLive, list[float]],
) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused, match="not an Instagram username"):
        list(live[0].fetch(Query("seller", "a){id}"), http))


def test_a_timeout_is_retried(live: tuple[InstagramLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        found(httpserver)
        httpserver.expect_ordered_request(RECENT).respond_with_handler(stall)
        httpserver.expect_ordered_request(RECENT).respond_with_json(
            {"data": [media(17900000000000008)]}
        )
        with loopback_client(timeout=0.3) as http:
            [got] = list(channel.fetch(Query("keyword", "cartier"), http))
    assert slept == [0.5]
    assert parsed([got.body]) == ["17900000000000008"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[InstagramLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(DISCOVERY).respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "bling4less"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


@pytest.mark.parametrize("status", [400, 401])
def test_refused_credentials_name_the_setting_and_never_the_token(
    httpserver: HTTPServer,
    live: tuple[InstagramLive, list[float]],
    caplog: pytest.LogCaptureFixture,
    status: int,
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(SEARCH).respond_with_json(
        {
            "error": {
                "message": "Error validating access token: Session has expired.",
                "type": "OAuthException",
                "code": 190,
                "error_subcode": 463,
                "fbtrace_id": "AbCdEf",
            }
        },
        status=status,
    )
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "cartier"), http))
    assert "check HALLMARK_INSTAGRAM_TOKEN" in str(caught.value)
    assert "IGTOKEN-SECRET-1" not in caplog.text + str(caught.value)


def test_a_post_url_is_refused(live: tuple[InstagramLive, list[float]]) -> None:
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(live[0].fetch(Query("url", "https://www.instagram.com/p/C1a2B3c4D5e/"), http))
    assert "cannot look up a post by its url or shortcode" in str(caught.value)


def test_without_a_token_or_user_id_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        InstagramLive(None, IG_USER)
    assert str(caught.value) == "instagram: disabled, no HALLMARK_INSTAGRAM_TOKEN"
    with pytest.raises(NotConfigured) as caught:
        InstagramLive("IGTOKEN-SECRET-1", None)
    assert str(caught.value) == "instagram: disabled, no HALLMARK_INSTAGRAM_USER_ID"
    with pytest.raises(NotConfigured, match="not an Instagram user id"):
        InstagramLive("IGTOKEN-SECRET-1", "bling4less")
