"""Facebook live fetching against a real local HTTP server: pages search over two pages by
paging.next, a Page and its posts over two pages, one post by its url, a 429 with
Retry-After, a 500 that recovers, a timeout that recovers, retries running out, refused
credentials, a missing token. The responses follow the Graph API reference
(https://developers.facebook.com/docs/pages-api/search-pages, .../graph-api/reference/page,
.../graph-api/reference/page/feed)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.facebook_live import FacebookLive
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.domain import Account, Listing
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import loopback_client, parsed_records, stall, threaded_server

PAGE_ID = "104958162837"
SEARCH = "/v21.0/pages/search"
POSTS = f"/v21.0/{PAGE_ID}/posts"
AT = datetime(2026, 11, 24, tzinfo=UTC)
SEARCH_FIELDS = "id,name,link,location,verification_status"
PAGE_FIELDS = (
    "id,name,username,link,about,description,website,phone,emails,location,category,"
    "category_list,fan_count,followers_count,verification_status,picture"
)
POST_FIELDS = (
    "id,message,story,created_time,updated_time,permalink_url,full_picture,status_type,"
    "from{id,name,link},message_tags,shares,"
    "attachments{type,title,url,unshimmed_url,media,subattachments},"
    "comments.limit(0).summary(true),reactions.limit(0).summary(true)"
)


def found_page(number: int) -> dict[str, object]:
    return {
        "id": str(number),
        "name": f"Bling 4 Less {number}",
        "link": f"https://www.facebook.com/{number}",
        "location": {"city": "Shenzhen", "country": "China"},
        "verification_status": "not_verified",
    }


def post(number: int) -> dict[str, object]:
    return {
        "id": f"{PAGE_ID}_{number}",
        "message": "Love bracelet only $19 #cartier DM to order https://bling4less.shop",
        "created_time": "2026-11-23T10:00:00+0000",
        "permalink_url": f"https://www.facebook.com/bling4less/posts/{number}",
        "from": {"id": PAGE_ID, "name": "Bling 4 Less"},
        "shares": {"count": 4},
        "reactions": {"data": [], "summary": {"total_count": 31}},
    }


@pytest.fixture
def live() -> tuple[FacebookLive, list[float]]:
    slept: list[float] = []
    channel = FacebookLive(
        "FBTOKEN-SECRET-1",
        api_url="http://127.0.0.1:0/v21.0",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def aimed(channel: FacebookLive, server: HTTPServer) -> FacebookLive:
    channel._api = server.url_for("/v21.0")
    return channel


def records(pages: list[bytes]) -> list[Listing | Account]:
    return parsed_records(FacebookLive, pages)


def posts(pages: list[bytes]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Listing)]


def accounts(pages: list[bytes]) -> list[str]:
    return [r.external_id for r in records(pages) if isinstance(r, Account)]


def test_pages_search_two_pages_follow_paging_next_without_its_token(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    following = httpserver.url_for(SEARCH) + (
        "?q=bling&fields=id%2Cname&access_token=EAAB-LEAKED&limit=2&after=QVFIUjRtc0"
    )
    httpserver.expect_ordered_request(
        SEARCH, query_string={"q": "bling 4 less", "fields": SEARCH_FIELDS}
    ).respond_with_json(
        {
            "data": [found_page(1001), found_page(1002)],
            "paging": {"cursors": {"after": "QVFIUjRtc0"}, "next": following},
        }
    )
    httpserver.expect_ordered_request(
        SEARCH,
        query_string={"q": "bling", "fields": "id,name", "limit": "2", "after": "QVFIUjRtc0"},
    ).respond_with_json({"data": [found_page(1003)], "paging": {"cursors": {}}})
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bling 4 less"), http))
    assert [p.status for p in pages] == [200, 200]
    assert accounts([p.body for p in pages]) == ["1001", "1002", "1003"]
    assert all("EAAB-LEAKED" not in p.url for p in pages)
    assert len(httpserver.log) == 2
    assert all(r.headers["Authorization"] == "Bearer FBTOKEN-SECRET-1" for r, _ in httpserver.log)
    assert all("access_token" not in r.query_string.decode() for r, _ in httpserver.log)


def test_paging_next_elsewhere_is_not_followed(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_ordered_request(SEARCH).respond_with_json(
        {
            "data": [found_page(1001)],
            "paging": {"next": "https://evil.example/v21.0/pages/search?after=x"},
        }
    )
    with loopback_client() as http, pytest.raises(FetchRefused, match=r"paging\.next leaves"):
        list(channel.fetch(Query("keyword", "bling"), http))
    assert len(httpserver.log) == 1


def test_a_page_and_its_posts_over_two_pages(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_ordered_request(
        "/v21.0/bling4less", query_string={"fields": PAGE_FIELDS}
    ).respond_with_json(
        {
            "id": PAGE_ID,
            "name": "Bling 4 Less",
            "username": "bling4less",
            "link": "https://www.facebook.com/bling4less",
            "website": "https://bling4less.shop",
            "location": {"city": "Shenzhen", "country": "China"},
            "fan_count": 15230,
            "verification_status": "not_verified",
        }
    )
    following = httpserver.url_for(POSTS) + (
        "?fields=id%2Cmessage&limit=100&access_token=EAAB-LEAKED&after=Q2c4U1pXNT"
    )
    httpserver.expect_ordered_request(
        POSTS, query_string={"fields": POST_FIELDS, "limit": "100"}
    ).respond_with_json(
        {"data": [post(501), post(502)], "paging": {"cursors": {}, "next": following}}
    )
    httpserver.expect_ordered_request(
        POSTS, query_string={"fields": "id,message", "limit": "100", "after": "Q2c4U1pXNT"}
    ).respond_with_json({"data": [post(503)]})
    with loopback_client() as http:
        pages = list(channel.fetch(Query("seller", "@bling4less"), http))
    assert len(pages) == 3
    bodies = [p.body for p in pages]
    assert posts(bodies) == [f"{PAGE_ID}_501", f"{PAGE_ID}_502", f"{PAGE_ID}_503"]
    page = [r for r in records(bodies[:1]) if isinstance(r, Account)]
    assert [(a.external_id, a.handle, a.links) for a in page] == [
        (PAGE_ID, "bling4less", ("https://bling4less.shop",))
    ]
    assert {r.account for r in records(bodies) if isinstance(r, Listing)} == {PAGE_ID}
    assert all("EAAB-LEAKED" not in p.url for p in pages)


def test_the_limit_stops_the_paging(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_ordered_request(f"/v21.0/{PAGE_ID}").respond_with_json({"id": PAGE_ID})
    httpserver.expect_ordered_request(
        POSTS, query_string={"fields": POST_FIELDS, "limit": "2"}
    ).respond_with_json(
        {"data": [post(501), post(502)], "paging": {"next": httpserver.url_for(POSTS)}}
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("seller", PAGE_ID, limit=2), http))
    assert posts([p.body for p in pages]) == [f"{PAGE_ID}_501", f"{PAGE_ID}_502"]
    assert len(httpserver.log) == 2


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.facebook.com/{PAGE_ID}/posts/501",
        f"https://m.facebook.com/story.php?story_fbid=501&id={PAGE_ID}",
        f"https://www.facebook.com/permalink.php?story_fbid=501&id={PAGE_ID}&ref=share",
    ],
)
def test_one_post_by_its_url(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]], url: str
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(
        f"/v21.0/{PAGE_ID}_501", query_string={"fields": POST_FIELDS}
    ).respond_with_json(post(501))
    with loopback_client() as http:
        [got] = list(channel.fetch(Query("url", url), http))
    assert posts([got.body]) == [f"{PAGE_ID}_501"]
    assert len(httpserver.log) == 1


def test_a_post_url_naming_its_page_by_username_looks_the_page_up(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_ordered_request(
        "/v21.0/bling4less", query_string={"fields": "id"}
    ).respond_with_json({"id": PAGE_ID})
    httpserver.expect_ordered_request(f"/v21.0/{PAGE_ID}_501").respond_with_json(post(501))
    with loopback_client() as http:
        pages = list(
            channel.fetch(Query("url", "https://www.facebook.com/bling4less/posts/501/"), http)
        )
    assert posts([p.body for p in pages]) == [f"{PAGE_ID}_501"]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://www.facebook.com/bling4less/posts/pfbid02Xy", "has no numeric post id"),
        ("https://www.facebook.com/share/p/1AbCdE/", "has no numeric post id"),
        ("https://www.facebook.com/bling4less", "has no numeric post id"),
        ("https://evil.example/bling4less/posts/501", "is not a Facebook url"),
        ("https://www.facebook.com/permalink.php?story_fbid=501", "must both be numbers"),
    ],
)
def test_a_url_without_a_post_id_is_refused_before_any_request(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]], url: str, why: str
) -> None:
    channel = aimed(live[0], httpserver)
    with loopback_client() as http, pytest.raises(FetchRefused, match=why):
        list(channel.fetch(Query("url", url), http))
    assert httpserver.log == []


def test_a_bad_page_name_is_refused_before_any_request(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    for bad in ("../me", "a/posts", "x?fields=id", ".."):
        with loopback_client() as http, pytest.raises(FetchRefused, match="not a Facebook Page"):
            list(channel.fetch(Query("seller", bad), http))
    assert httpserver.log == []


def test_search_without_the_feature_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    message = (
        "(#10) This endpoint requires the 'pages_read_engagement' permission or the "
        "'Page Public Metadata Access' feature."
    )
    httpserver.expect_request(SEARCH).respond_with_json(
        {"error": {"message": message, "type": "OAuthException", "code": 10}}, status=400
    )
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "bling"), http))
    assert str(caught.value) == f"facebook: Graph API error 10: {message} (HTTP 400)"


def test_an_unknown_page_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request("/v21.0/nosuchpage").respond_with_json({"data": []})
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "nosuchpage"), http))
    assert str(caught.value) == "facebook: no Page nosuchpage (HTTP 200)"


def test_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    httpserver.expect_ordered_request(SEARCH).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request(SEARCH).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(SEARCH).respond_with_json({"data": [found_page(1004)]})
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bling"), http))
    assert slept == [7.0, 1.0]
    assert accounts([p.body for p in pages]) == ["1004"]


def test_a_timeout_is_retried(live: tuple[FacebookLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        httpserver.expect_ordered_request(SEARCH).respond_with_handler(stall)
        httpserver.expect_ordered_request(SEARCH).respond_with_json({"data": [found_page(1005)]})
        with loopback_client(timeout=0.3) as http:
            [got] = list(channel.fetch(Query("keyword", "bling"), http))
    assert slept == [0.5]
    assert accounts([got.body]) == ["1005"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[FacebookLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request("/v21.0/bling4less").respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("seller", "bling4less"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")
    assert len(httpserver.log) == 3


@pytest.mark.parametrize("status", [400, 401, 403])
def test_refused_credentials_name_the_setting_and_never_the_token(
    httpserver: HTTPServer,
    live: tuple[FacebookLive, list[float]],
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
            }
        },
        status=status,
    )
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "bling"), http))
    assert "check HALLMARK_FACEBOOK_TOKEN" in str(caught.value)
    assert "FBTOKEN-SECRET-1" not in caplog.text + str(caught.value)


def test_without_a_token_the_channel_is_disabled_loudly() -> None:
    for missing in (None, ""):
        with pytest.raises(NotConfigured) as caught:
            FacebookLive(missing)
        assert str(caught.value) == "facebook: disabled, no HALLMARK_FACEBOOK_TOKEN"


def test_the_terms_say_what_search_needs() -> None:
    assert "Page Public Metadata Access" in FacebookLive.terms
    assert FacebookLive.setting == "HALLMARK_FACEBOOK_TOKEN"
