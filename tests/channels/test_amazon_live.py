"""Amazon live against a local server: a Login with Amazon token, two catalogue pages by
nextToken with a 429 and a 500 on the way, one item by url, refused credentials, a loud
disable, and seller search refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.amazon_live import AmazonLive
from hallmark.channels.fetch import SafeClient
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.domain import Listing
from hallmark.errors import FetchRefused, NotConfigured

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)
ITEMS = "/catalog/2022-04-01/items"


def item(asin: str) -> dict[str, object]:
    return {
        "asin": asin,
        "summaries": [
            {
                "marketplaceId": "ATVPDKIKX0DER",
                "itemName": f"Gold Screw Bangle {asin}",
                "brand": "Generic",
            }
        ],
    }


def channel(server: HTTPServer, slept: list[float]) -> AmazonLive:
    return AmazonLive(
        "REFRESH-SECRET",
        "amzn1.application-oa2-client.1",
        "CLIENT-SECRET",
        api_url=server.url_for("").rstrip("/"),
        token_url=server.url_for("/auth/o2/token"),
        clock=lambda: NOW,
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, sleep=slept.append),
    )


def ids(live: AmazonLive, pages: list) -> list[str]:  # type: ignore[type-arg]
    return [
        r.external_id
        for page in pages
        for r in live.parse(page.body, source=page.url, captured_at=NOW)
        if isinstance(r, Listing)
    ]


def test_token_then_pages_with_a_429_and_a_500(httpserver: HTTPServer) -> None:
    slept: list[float] = []
    live = channel(httpserver, slept)
    httpserver.expect_ordered_request("/auth/o2/token", method="POST").respond_with_json(
        {"access_token": "Atza|ACCESS", "token_type": "bearer", "expires_in": 3600}
    )
    httpserver.expect_ordered_request(ITEMS).respond_with_data(
        "", status=429, headers={"Retry-After": "2"}
    )
    httpserver.expect_ordered_request(ITEMS).respond_with_json(
        {"numberOfResults": 2, "pagination": {"nextToken": "T2"}, "items": [item("B0AAAAAAA1")]}
    )
    httpserver.expect_ordered_request(ITEMS).respond_with_data("", status=500)
    httpserver.expect_ordered_request(
        ITEMS,
        query_string={
            "marketplaceIds": "ATVPDKIKX0DER",
            "includedData": "summaries,images,attributes,identifiers,salesRanks",
            "keywords": "screw bangle",
            "pageSize": "20",
            "pageToken": "T2",
        },
    ).respond_with_json({"numberOfResults": 2, "items": [item("B0AAAAAAA2")]})
    with SafeClient(allow_loopback=True) as http:
        pages = list(live.fetch(Query("keyword", "screw bangle"), http))
    assert ids(live, pages) == ["B0AAAAAAA1", "B0AAAAAAA2"]
    assert slept == [2.0, 0.5]  # Retry-After on the first page, backoff on the second
    token_request = httpserver.log[0][0]
    assert token_request.form["grant_type"] == "refresh_token"
    assert httpserver.log[1][0].headers["x-amz-access-token"] == "Atza|ACCESS"
    assert sum(1 for entry in httpserver.log if entry[0].path == "/auth/o2/token") == 1


def test_one_item_by_its_url(httpserver: HTTPServer) -> None:
    live = channel(httpserver, [])
    httpserver.expect_request("/auth/o2/token", method="POST").respond_with_json(
        {"access_token": "A", "expires_in": 3600}
    )
    httpserver.expect_request(f"{ITEMS}/B07FW264WL").respond_with_json(item("B07FW264WL"))
    with SafeClient(allow_loopback=True) as http:
        pages = list(
            live.fetch(Query("url", "https://www.amazon.com/Gold-Bangle/dp/B07FW264WL?th=1"), http)
        )
    assert ids(live, pages) == ["B07FW264WL"]


def test_a_refused_token_names_the_settings_not_the_secrets(httpserver: HTTPServer) -> None:
    live = channel(httpserver, [])
    httpserver.expect_request("/auth/o2/token", method="POST").respond_with_json(
        {
            "error": "invalid_grant",
            "error_description": "The request has an invalid grant parameter",
        },
        status=400,
    )
    with SafeClient(allow_loopback=True) as http, pytest.raises(CredentialsRefused) as caught:
        list(live.fetch(Query("keyword", "x"), http))
    assert str(caught.value) == (
        "amazon: no access token (invalid_grant); check HALLMARK_AMAZON_REFRESH_TOKEN, "
        "HALLMARK_AMAZON_CLIENT_ID and HALLMARK_AMAZON_CLIENT_SECRET"
    )
    assert "REFRESH-SECRET" not in str(caught.value) and "CLIENT-SECRET" not in str(caught.value)


def test_seller_search_and_odd_urls_are_refused_before_any_request(httpserver: HTTPServer) -> None:
    live = channel(httpserver, [])
    with SafeClient(allow_loopback=True) as http:
        with pytest.raises(FetchRefused, match="names no seller"):
            list(live.fetch(Query("seller", "A2GLAMSTEEL"), http))
        with pytest.raises(FetchRefused, match="not an Amazon product url"):
            list(live.fetch(Query("url", "https://www.amazon.com/s?k=bangle"), http))
    assert httpserver.log == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((None, "id", "secret"), "amazon: disabled, no HALLMARK_AMAZON_REFRESH_TOKEN"),
        (("r", None, "secret"), "amazon: disabled, no HALLMARK_AMAZON_CLIENT_ID"),
        (("r", "id", None), "amazon: disabled, no HALLMARK_AMAZON_CLIENT_SECRET"),
    ],
)
def test_without_credentials_the_channel_is_disabled_loudly(
    args: tuple[str | None, ...], message: str
) -> None:
    with pytest.raises(NotConfigured) as caught:
        AmazonLive(*args)
    assert str(caught.value) == message
