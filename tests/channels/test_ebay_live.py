"""eBay live fetching against a real local HTTP server: two pages, a 429 with Retry-After,
a 500 that recovers, a timeout that recovers, refused credentials, a missing token."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.ebay_live import EbayLive
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import listing_ids, loopback_client, stall, threaded_server

SEARCH = "/buy/browse/v1/item_summary/search"
AT = datetime(2026, 11, 24, tzinfo=UTC)


def summary(number: int) -> dict[str, object]:
    return {
        "itemId": f"v1|{number}|0",
        "legacyItemId": str(number),
        "title": f"Gold bangle {number}",
        "price": {"value": "19.99", "currency": "USD"},
        "seller": {"username": "bling4less", "feedbackScore": 12},
        "itemWebUrl": f"https://www.ebay.com/itm/{number}",
        "listingMarketplaceId": "EBAY_US",
    }


@pytest.fixture
def live() -> tuple[EbayLive, list[float]]:
    slept: list[float] = []
    channel = EbayLive(
        "TOKEN-SECRET-1",
        api_url="http://127.0.0.1:0",
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def aimed(channel: EbayLive, server: HTTPServer) -> EbayLive:
    channel._api = server.url_for("").rstrip("/")
    return channel


def parsed(pages: list[bytes]) -> list[str]:
    return listing_ids(EbayLive, pages)


def test_two_pages_follow_next(httpserver: HTTPServer, live: tuple[EbayLive, list[float]]) -> None:
    channel = aimed(live[0], httpserver)
    second = httpserver.url_for(SEARCH) + "?q=gold+bangle&offset=2"
    httpserver.expect_ordered_request(
        SEARCH, query_string={"limit": "50", "q": "gold bangle"}
    ).respond_with_json(
        {"total": 3, "itemSummaries": [summary(111111111), summary(222222222)], "next": second}
    )
    httpserver.expect_ordered_request(
        SEARCH, query_string="q=gold+bangle&offset=2"
    ).respond_with_json({"total": 3, "itemSummaries": [summary(333333333)]})
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "gold bangle"), http))
    assert [p.status for p in pages] == [200, 200]
    assert parsed([p.body for p in pages]) == ["111111111", "222222222", "333333333"]
    request = httpserver.log[0][0]
    assert request.headers["Authorization"] == "Bearer TOKEN-SECRET-1"
    assert request.headers["X-EBAY-C-MARKETPLACE-ID"] == "EBAY_US"


def test_429_waits_as_told_and_500_recovers(
    httpserver: HTTPServer, live: tuple[EbayLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    httpserver.expect_ordered_request(SEARCH).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request(SEARCH).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(SEARCH).respond_with_json(
        {"itemSummaries": [summary(444444444)]}
    )
    with loopback_client() as http:
        [page] = list(channel.fetch(Query("seller", "bling4less"), http))
    assert slept == [7.0, 1.0]
    assert parsed([page.body]) == ["444444444"]
    assert httpserver.log[0][0].args["filter"] == "sellers:{bling4less}"


def test_a_timeout_is_retried(live: tuple[EbayLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        httpserver.expect_ordered_request(SEARCH).respond_with_handler(stall)
        httpserver.expect_ordered_request(SEARCH).respond_with_json(
            {"itemSummaries": [summary(555555555)]}
        )
        with loopback_client(timeout=0.3) as http:
            [page] = list(channel.fetch(Query("keyword", "x"), http))
    assert slept == [0.5]
    assert parsed([page.body]) == ["555555555"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[EbayLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SEARCH).respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


def test_refused_credentials_name_the_setting_and_never_the_token(
    httpserver: HTTPServer, live: tuple[EbayLive, list[float]], caplog: pytest.LogCaptureFixture
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(SEARCH).respond_with_data("no", status=401)
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert "HTTP 401; check HALLMARK_EBAY_TOKEN" in str(caught.value)
    assert "TOKEN-SECRET-1" not in caplog.text + str(caught.value)


def test_one_item_by_its_url(httpserver: HTTPServer, live: tuple[EbayLive, list[float]]) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    item = dict(summary(296057072805), seller={"username": "gpu_shop"})
    httpserver.expect_request(
        "/buy/browse/v1/item/get_item_by_legacy_id", query_string={"legacy_item_id": "296057072805"}
    ).respond_with_data(json.dumps(item), content_type="application/json")
    with loopback_client() as http:
        [page] = list(
            channel.fetch(
                Query("url", "https://www.ebay.com/itm/rtx-a5000/296057072805?hash=x"), http
            )
        )
    assert parsed([page.body]) == ["296057072805"]


def test_without_a_token_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        EbayLive(None)
    assert str(caught.value) == "ebay: disabled, no HALLMARK_EBAY_TOKEN"


def test_the_bucket_spaces_requests() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(rate=2.0, burst=2, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        bucket.take()
    assert slept == [0.5, 0.5]


def test_cli_fetch_imports_and_scans(
    httpserver: HTTPServer, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from hallmark.cli.main import app
    from hallmark.testing import brand_spec

    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HALLMARK_DATABASE_URL", raising=False)
    monkeypatch.setenv("HALLMARK_ALLOW_LOOPBACK", "true")
    monkeypatch.setenv("HALLMARK_EBAY_API_URL", httpserver.url_for("").rstrip("/"))
    runner = CliRunner()
    missing = runner.invoke(app, ["fetch", "--platform", "ebay", "--query", "cartier"])
    assert str(missing.exception) == "ebay: disabled, no HALLMARK_EBAY_TOKEN"
    monkeypatch.setenv("HALLMARK_EBAY_TOKEN", "TOKEN-SECRET-2")
    brand = tmp_path / "b.yaml"
    brand.write_text(json.dumps(brand_spec()), encoding="utf-8")
    assert runner.invoke(app, ["brand", "add", str(brand)]).exit_code == 0
    item = dict(summary(777777777), title="Сartier Love bracelet replica")
    httpserver.expect_request(SEARCH).respond_with_json(
        {"itemSummaries": [item, summary(888888888)]}
    )
    done = runner.invoke(app, ["fetch", "--platform", "ebay", "--query", "cartier", "--scan"])
    assert done.exit_code == 0, done.output
    assert "3 new, 0 changed, 0 unchanged, 0 rejected" in done.stdout
    exported = [
        json.loads(x) for x in runner.invoke(app, ["findings", "export"]).stdout.splitlines()
    ]
    assert [(r["external_id"], r["level"]) for r in exported] == [("777777777", "high")]
    assert "TOKEN-SECRET-2" not in done.output


def test_cli_fetch_refuses_a_private_api_address(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from hallmark.cli.main import app

    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HALLMARK_EBAY_TOKEN", "T")
    monkeypatch.setenv("HALLMARK_EBAY_API_URL", "http://10.0.0.1")
    result = CliRunner().invoke(app, ["fetch", "--platform", "ebay", "--query", "x"])
    assert str(result.exception) == "refused: 10.0.0.1 is private"


@pytest.mark.parametrize(
    ("platform", "message"),
    [
        ("etsy", "etsy: disabled, no HALLMARK_ETSY_API_KEY"),
        ("pinterest", "pinterest: disabled, no HALLMARK_PINTEREST_TOKEN"),
        ("instagram", "instagram: disabled, no HALLMARK_INSTAGRAM_TOKEN"),
        ("x", "x: disabled, no HALLMARK_X_BEARER_TOKEN"),
        ("tiktok", "tiktok: disabled, no HALLMARK_TIKTOK_CLIENT_KEY"),
        ("facebook", "facebook: disabled, no HALLMARK_FACEBOOK_TOKEN"),
        ("aliexpress", "aliexpress: disabled, no HALLMARK_ALIEXPRESS_APP_KEY"),
        (
            "shopify",
            "shopify: search one store with --seller DOMAIN; there is no cross-store search",
        ),
        ("amazon", "amazon: disabled, no HALLMARK_AMAZON_REFRESH_TOKEN"),
        (
            "webstore-nope",
            "webstore-nope: no live fetching yet; import exported data with "
            "`hallmark import FILE --platform webstore-nope`",
        ),
    ],
)
def test_cli_fetch_says_why_a_platform_cannot_fetch(
    platform: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from typer.testing import CliRunner

    from hallmark.cli.main import app

    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    for name in (
        "HALLMARK_ETSY_API_KEY",
        "HALLMARK_X_BEARER_TOKEN",
        "HALLMARK_PINTEREST_TOKEN",
        "HALLMARK_INSTAGRAM_TOKEN",
        "HALLMARK_TIKTOK_CLIENT_KEY",
        "HALLMARK_FACEBOOK_TOKEN",
        "HALLMARK_ALIEXPRESS_APP_KEY",
        "HALLMARK_AMAZON_REFRESH_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["fetch", "--platform", platform, "--query", "x"])
    assert str(result.exception) == message


def test_fetch_images_downloads_checked_images(
    httpserver: HTTPServer, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import io
    import struct
    import zlib

    from PIL import Image
    from typer.testing import CliRunner

    from hallmark.cli.main import app

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 170, 40)).save(buffer, "JPEG")
    good = buffer.getvalue()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    # a 100-megapixel PNG: refused on its header, never decoded
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 10_000, 10_000, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    httpserver.expect_request("/img/good.jpg").respond_with_data(good, content_type="image/jpeg")
    httpserver.expect_request("/img/bomb.png").respond_with_data(bomb, content_type="image/png")
    listing = dict(
        summary(999999999),
        image={"imageUrl": httpserver.url_for("/img/good.jpg")},
        additionalImages=[{"imageUrl": httpserver.url_for("/img/bomb.png")}],
    )
    httpserver.expect_request(SEARCH).respond_with_json({"itemSummaries": [listing]})
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HALLMARK_DATABASE_URL", raising=False)
    monkeypatch.setenv("HALLMARK_ALLOW_LOOPBACK", "true")
    monkeypatch.setenv("HALLMARK_EBAY_API_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("HALLMARK_EBAY_TOKEN", "T")
    runner = CliRunner()
    done = runner.invoke(app, ["fetch", "--platform", "ebay", "--query", "bangle", "--images"])
    assert done.exit_code == 0, done.output
    [record] = [
        json.loads(x)
        for x in runner.invoke(app, ["listings", "export"]).stdout.splitlines()
        if '"listing"' in x
    ]
    import hashlib

    assert record["images"][0] == f"sha256:{hashlib.sha256(good).hexdigest()}"
    assert record["images"][1] == httpserver.url_for("/img/bomb.png")
    from hallmark.config import Settings
    from hallmark.store import open_store
    from hallmark.store.tables import listing_versions

    settings = Settings()
    store = open_store(settings.resolved_database_url(), settings.data_dir)
    with store.transaction() as conn:
        [images] = conn.execute(
            listing_versions.select().with_only_columns(listing_versions.c.images)
        ).scalars()
    store.dispose()
    assert images[1]["refused"].startswith(
        "decompression bomb refused: Image size (100000000 pixels)"
    )
