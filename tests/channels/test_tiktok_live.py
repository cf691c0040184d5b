"""TikTok live: disabled loudly without its settings, a client-credentials token then video
queries paged by cursor against a local server, and the video query bodies it sends, as the Research API reference describes them
(https://developers.tiktok.com/doc/research-api-specs-query-videos)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.fetch import SafeClient
from hallmark.channels.live import Query
from hallmark.channels.tiktok_live import VIDEO_FIELDS, TiktokLive
from hallmark.domain import Listing
from hallmark.errors import FetchRefused, NotConfigured

NOW = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
QUERY = "/v2/research/video/query/"


@pytest.fixture
def live() -> TiktokLive:
    return TiktokLive(
        "CLIENTKEY-1", "CLIENTSECRET-1", api_url="http://127.0.0.1:0", clock=lambda: NOW
    )


def video(number: int) -> dict[str, object]:
    return {
        "id": number,
        "username": "bling4less",
        "video_description": f"gold bangle {number} #dupe",
        "create_time": 1732400000,
        "view_count": 10,
    }


def test_fetch_takes_a_token_then_pages_by_cursor(httpserver: HTTPServer) -> None:
    slept: list[float] = []
    from hallmark.channels.live import Retrying, TokenBucket

    live = TiktokLive(
        "CLIENTKEY-1",
        "CLIENTSECRET-1",
        api_url=httpserver.url_for("").rstrip("/"),
        clock=lambda: NOW,
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, sleep=slept.append),
    )
    httpserver.expect_ordered_request("/v2/oauth/token/", method="POST").respond_with_json(
        {"access_token": "ACCESS-1", "expires_in": 7200, "token_type": "Bearer"}
    )
    httpserver.expect_ordered_request(QUERY, method="POST").respond_with_data(
        "busy", status=429, headers={"Retry-After": "3"}
    )
    httpserver.expect_ordered_request(QUERY, method="POST").respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(QUERY, method="POST").respond_with_json(
        {
            "data": {
                "videos": [video(7311111111111111111)],
                "cursor": 1,
                "search_id": "S1",
                "has_more": True,
            },
            "error": {"code": "ok", "message": ""},
        }
    )
    httpserver.expect_ordered_request(QUERY, method="POST").respond_with_json(
        {
            "data": {
                "videos": [video(7322222222222222222)],
                "cursor": 2,
                "search_id": "S1",
                "has_more": False,
            },
            "error": {"code": "ok", "message": ""},
        }
    )
    with SafeClient(allow_loopback=True) as http:
        pages = list(live.fetch(Query("keyword", "#cartier"), http))
    ids = [
        r.external_id
        for page in pages
        for r in live.parse(page.body, source=page.url, captured_at=NOW)
        if isinstance(r, Listing)
    ]
    assert ids == ["7311111111111111111", "7322222222222222222"]
    assert slept == [3.0, 1.0]  # Retry-After, then backoff after the 500
    token_request, _, _, first, second = (entry[0] for entry in httpserver.log)
    assert token_request.form["grant_type"] == "client_credentials"
    assert token_request.form["client_key"] == "CLIENTKEY-1"
    assert first.headers["Authorization"] == "Bearer ACCESS-1"
    assert json.loads(first.data)["query"]["and"][0] == {
        "operation": "IN",
        "field_name": "hashtag_name",
        "field_values": ["cartier"],
    }
    assert (json.loads(second.data)["cursor"], json.loads(second.data)["search_id"]) == (1, "S1")


def test_a_refused_token_names_the_settings(httpserver: HTTPServer) -> None:
    from hallmark.channels.live import CredentialsRefused

    live = TiktokLive(
        "K", "SECRET-9", api_url=httpserver.url_for("").rstrip("/"), clock=lambda: NOW
    )
    httpserver.expect_request("/v2/oauth/token/", method="POST").respond_with_json(
        {"error": "invalid_client", "error_description": "Client key or secret is incorrect."}
    )
    with SafeClient(allow_loopback=True) as http, pytest.raises(CredentialsRefused) as caught:
        list(live.fetch(Query("keyword", "x"), http))
    assert str(caught.value) == (
        "tiktok: no access token (invalid_client); check HALLMARK_TIKTOK_CLIENT_KEY and "
        "HALLMARK_TIKTOK_CLIENT_SECRET"
    )
    assert "SECRET-9" not in str(caught.value)


def test_without_a_key_or_secret_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        TiktokLive(None, "CLIENTSECRET-1")
    assert str(caught.value) == "tiktok: disabled, no HALLMARK_TIKTOK_CLIENT_KEY"
    with pytest.raises(NotConfigured) as caught:
        TiktokLive("CLIENTKEY-1", "")
    assert str(caught.value) == "tiktok: disabled, no HALLMARK_TIKTOK_CLIENT_SECRET"
    assert "CLIENTKEY-1" not in str(caught.value)


def test_the_terms_say_research_only() -> None:
    assert "non-commercial research by approved researchers only" in TiktokLive.terms


@pytest.mark.parametrize(
    ("query", "field", "value"),
    [
        (Query("keyword", "cartier love bracelet"), "keyword", "cartier love bracelet"),
        (Query("keyword", "#Cartier"), "hashtag_name", "cartier"),
        (Query("seller", "@bling4less"), "username", "bling4less"),
        (
            Query("url", "https://www.tiktok.com/@bling4less/video/7311111111111111111?lang=en"),
            "video_id",
            "7311111111111111111",
        ),
    ],
)
def test_the_video_query_body(live: TiktokLive, query: Query, field: str, value: str) -> None:
    url, body = live.video_query(query)
    assert url == f"http://127.0.0.1:0{QUERY}?fields={VIDEO_FIELDS.replace(',', '%2C')}"
    assert body == {
        "query": {"and": [{"operation": "IN", "field_name": field, "field_values": [value]}]},
        "start_date": "20261025",
        "end_date": "20261124",
        "max_count": 100,
    }
    json.dumps(body)  # sendable as it is


def test_the_next_query_carries_cursor_and_search_id(live: TiktokLive) -> None:
    _, body = live.video_query(
        Query("keyword", "cartier", limit=20), cursor=100, search_id="7201388525814961198"
    )
    assert body["max_count"] == 20
    assert body["cursor"] == 100
    assert body["search_id"] == "7201388525814961198"


@pytest.mark.parametrize(
    ("query", "why"),
    [
        (Query("url", "https://www.tiktok.com/@bling4less"), "not a TikTok video url"),
        (Query("url", "https://evil.example/video/7311111111111111111"), "not a TikTok video"),
        (Query("seller", "bling 4 less"), "not a TikTok username"),
        (Query("keyword", "#no such tag"), "not a hashtag"),
        (Query("keyword", "  "), "empty keyword"),
    ],
)
def test_a_bad_query_is_refused(live: TiktokLive, query: Query, why: str) -> None:
    with pytest.raises(FetchRefused, match=why):
        live.video_query(query)


def test_a_video_query_answer_parses_to_the_videos(live: TiktokLive) -> None:
    answer = {
        "data": {
            "videos": [
                {
                    "id": 7311111111111111111,
                    "username": "bling4less",
                    "video_description": "Love bracelet only $19 #cartier",
                    "create_time": 1764000000,
                    "view_count": 1200,
                }
            ],
            "cursor": 100,
            "has_more": True,
            "search_id": "7201388525814961198",
        },
        "error": {"code": "ok", "message": "", "log_id": "20261124"},
    }
    records = list(live.parse(json.dumps(answer).encode(), source="page0", captured_at=NOW))
    assert [r.external_id for r in records if isinstance(r, Listing)] == ["7311111111111111111"]
