"""TikTok live: disabled loudly without its settings, refusing to fetch (the Research API
takes POST, which the safe client does not send) before any request, and the video query
bodies it would send, as the Research API reference describes them
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


@pytest.mark.parametrize(
    "query",
    [
        Query("keyword", "cartier love bracelet"),
        Query("keyword", "#cartier"),
        Query("seller", "bling4less"),
        Query("url", "https://www.tiktok.com/@bling4less/video/7311111111111111111"),
    ],
)
def test_fetch_is_refused_before_any_request(
    httpserver: HTTPServer, live: TiktokLive, query: Query
) -> None:
    live._api = httpserver.url_for("").rstrip("/")
    with SafeClient(allow_loopback=True) as http, pytest.raises(FetchRefused) as caught:
        list(live.fetch(query, http))
    assert str(caught.value) == (
        "tiktok: the Research API needs POST, which the safe client does not send yet"
    )
    assert httpserver.log == []


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
