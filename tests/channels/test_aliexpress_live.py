"""AliExpress live fetching against a real local HTTP server: the exact signature of a fixed
request, two pages by page_no, a 429 with Retry-After, a 500 that recovers, a timeout that
recovers, retries running out, refused credentials, missing keys. The responses are built
from the Open Platform reference as described in tests/fixtures/aliexpress/README.md."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from hallmark.channels.aliexpress_live import AliexpressLive, sign
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.errors import FetchRefused, NotConfigured
from tests.channels.live_support import listing_ids, loopback_client, stall, threaded_server

SYNC = "/sync"
AT = datetime(2026, 11, 24, tzinfo=UTC)
NOW = 1764000000.0  # 2025-11-24T16:00:00Z, sent as milliseconds


def product(number: int) -> dict[str, object]:
    return {
        "product_id": number,
        "product_title": f"Gold love bangle {number}",
        "product_main_image_url": f"https://ae01.alicdn.com/kf/{number}.jpg",
        "target_sale_price": "4.99",
        "target_sale_price_currency": "USD",
        "shop_id": 912345678,
        "shop_name": "Bling Jewelry Store",
        "shop_url": "https://www.aliexpress.com/store/912345678",
        "lastest_volume": 1520,
    }


def answer(products: list[int], *, name: str = "product_query") -> dict[str, object]:
    return {
        f"aliexpress_affiliate_{name}_response": {
            "resp_result": {
                "resp_code": 200,
                "resp_msg": "Call succeeds",
                "result": {
                    "current_page_no": 1,
                    "current_record_count": len(products),
                    "total_record_count": 3,
                    "products": {"product": [product(n) for n in products]},
                },
            },
            "request_id": "2101d05e17324580012345678",
        }
    }


@pytest.fixture
def live() -> tuple[AliexpressLive, list[float]]:
    slept: list[float] = []
    channel = AliexpressLive(
        "12345678",
        "APP-SECRET-1",
        "hallmark",
        api_url="http://127.0.0.1:0/sync",
        clock=lambda: NOW,
        bucket=TokenBucket(rate=1000, burst=10, sleep=slept.append),
        retrying=Retrying(attempts=3, base_delay=0.5, sleep=slept.append),
    )
    return channel, slept


def aimed(channel: AliexpressLive, server: HTTPServer) -> AliexpressLive:
    channel._api = server.url_for(SYNC)
    return channel


def parsed(pages: list[bytes]) -> list[str]:
    return listing_ids(AliexpressLive, pages)


def test_the_signature_of_a_fixed_request(live: tuple[AliexpressLive, list[float]]) -> None:
    params = live[0].signed(
        "aliexpress.affiliate.product.query",
        {"keywords": "gold bangle", "page_no": "1", "page_size": "50"},
    )
    # app_key12345678keywordsgold banglemethodaliexpress.affiliate.product.querypage_no1
    # page_size50sign_methodsha256target_currencyUSDtarget_languageENtimestamp1764000000000
    # tracking_idhallmark, HMAC-SHA256 keyed with APP-SECRET-1 (computed with openssl dgst)
    assert params == {
        "app_key": "12345678",
        "method": "aliexpress.affiliate.product.query",
        "sign_method": "sha256",
        "timestamp": "1764000000000",
        "target_currency": "USD",
        "target_language": "EN",
        "tracking_id": "hallmark",
        "keywords": "gold bangle",
        "page_no": "1",
        "page_size": "50",
        "sign": "F620E02A35C732DDC9A32EC1C71349ED9E81C19445CB250C1C6B4252374D9397",
    }
    assert sign(params, "APP-SECRET-1") == params["sign"]  # `sign` is never signed
    assert sign(params, "another secret") != params["sign"]


def test_two_pages_by_page_no(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    first = list(range(1005000, 1005050))  # a full page of 50
    httpserver.expect_ordered_request(SYNC).respond_with_json(answer(first))
    httpserver.expect_ordered_request(SYNC).respond_with_json(answer([1005050]))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "gold bangle", limit=500), http))
    assert [p.status for p in pages] == [200, 200]
    assert parsed([p.body for p in pages]) == [str(n) for n in range(1005000, 1005051)]
    sent = [request.args for request, _ in httpserver.log]
    assert [(a["page_no"], a["page_size"]) for a in sent] == [("1", "50"), ("2", "50")]
    for args in sent:
        assert args["method"] == "aliexpress.affiliate.product.query"
        assert args["keywords"] == "gold bangle"
        assert args["tracking_id"] == "hallmark"
        assert args["timestamp"] == "1764000000000"
        assert args["sign"] == sign(dict(args), "APP-SECRET-1")
    assert httpserver.log[0][0].method == "GET"


def test_the_limit_bounds_the_pages(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(SYNC).respond_with_json(answer([1005001, 1005002]))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bangle", limit=2), http))
    assert len(pages) == 1
    assert httpserver.log[0][0].args["page_size"] == "2"


def test_a_later_empty_page_ends_the_search(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_ordered_request(SYNC).respond_with_json(answer(list(range(1005000, 1005050))))
    httpserver.expect_ordered_request(SYNC).respond_with_json(
        {
            "aliexpress_affiliate_product_query_response": {
                "resp_result": {"resp_code": 405, "resp_msg": "The result is empty"}
            }
        }
    )
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bangle", limit=500), http))
    assert len(parsed([p.body for p in pages])) == 50  # the 405 page is not yielded
    assert [r.args["page_no"] for r, _ in httpserver.log] == ["1", "2"]


def test_an_empty_first_page_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel = aimed(live[0], httpserver)
    httpserver.expect_request(SYNC).respond_with_json(
        {
            "aliexpress_affiliate_product_query_response": {
                "resp_result": {"resp_code": 405, "resp_msg": "The result is empty"}
            }
        }
    )
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "nothing like it"), http))
    assert str(caught.value) == "aliexpress: AliExpress error 405: The result is empty"


def test_429_then_500_recover(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel, slept = live
    aimed(channel, httpserver)
    httpserver.expect_ordered_request(SYNC).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request(SYNC).respond_with_data("oops", status=500)
    httpserver.expect_ordered_request(SYNC).respond_with_json(answer([1005004]))
    with loopback_client() as http:
        pages = list(channel.fetch(Query("keyword", "bangle"), http))
    assert slept == [7.0, 1.0]
    assert parsed([p.body for p in pages]) == ["1005004"]


def test_a_timeout_is_retried(live: tuple[AliexpressLive, list[float]]) -> None:
    channel, slept = live
    with threaded_server() as httpserver:
        aimed(channel, httpserver)
        httpserver.expect_ordered_request(SYNC).respond_with_handler(stall)
        httpserver.expect_ordered_request(SYNC).respond_with_json(answer([1005005]))
        with loopback_client(timeout=0.3) as http:
            [page] = list(channel.fetch(Query("keyword", "x"), http))
    assert slept == [0.5]
    assert parsed([page.body]) == ["1005005"]


def test_retries_run_out_with_a_clear_error(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SYNC).respond_with_data("down", status=503)
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert str(caught.value).endswith("after 3 attempts: HTTP 503")


@pytest.mark.parametrize("status", [200, 403])
def test_refused_credentials_name_the_settings_and_never_the_secret(
    httpserver: HTTPServer,
    live: tuple[AliexpressLive, list[float]],
    caplog: pytest.LogCaptureFixture,
    status: int,
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(SYNC).respond_with_json(
        {
            "error_response": {
                "type": "ISV",
                "code": "IncompleteSignature",
                "msg": "The request signature does not conform to platform standards",
                "request_id": "2101d05e17324580012345678",
            }
        },
        status=status,
    )
    with loopback_client() as http, pytest.raises(CredentialsRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    message = str(caught.value)
    assert f"HTTP {status}" in message
    assert message.endswith(
        "; check HALLMARK_ALIEXPRESS_APP_KEY and HALLMARK_ALIEXPRESS_APP_SECRET"
    )
    assert "APP-SECRET-1" not in caplog.text + message
    assert "12345678&" not in message  # the app key is redacted from the url


def test_another_gateway_error_is_a_clear_error(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SYNC).respond_with_json(
        {"error_response": {"type": "ISP", "code": "ApiCallLimit", "msg": "too many calls"}}
    )
    with loopback_client() as http, pytest.raises(FetchRefused) as caught:
        list(channel.fetch(Query("keyword", "x"), http))
    assert str(caught.value) == "aliexpress: AliExpress error ApiCallLimit: too many calls"


def test_one_product_by_its_url(
    httpserver: HTTPServer, live: tuple[AliexpressLive, list[float]]
) -> None:
    channel, _ = live
    aimed(channel, httpserver)
    httpserver.expect_request(SYNC).respond_with_json(
        answer([1005006123456789], name="productdetail_get")
    )
    url = "https://www.aliexpress.com/item/1005006123456789.html?spm=a2g0o.detail"
    with loopback_client() as http:
        [page] = list(channel.fetch(Query("url", url), http))
    assert parsed([page.body]) == ["1005006123456789"]
    args = httpserver.log[0][0].args
    assert args["method"] == "aliexpress.affiliate.productdetail.get"
    assert args["product_ids"] == "1005006123456789"
    assert httpserver.log[0][0].args["sign"] == sign(
        dict(httpserver.log[0][0].args), "APP-SECRET-1"
    )


def test_what_cannot_be_fetched_is_refused(live: tuple[AliexpressLive, list[float]]) -> None:
    with loopback_client() as http:
        with pytest.raises(FetchRefused, match="the affiliate API has no seller filter"):
            list(live[0].fetch(Query("seller", "912345678"), http))
        with pytest.raises(FetchRefused, match="not an AliExpress product url"):
            list(live[0].fetch(Query("url", "https://www.aliexpress.com/store/912345678"), http))


def test_without_keys_the_channel_is_disabled_loudly() -> None:
    with pytest.raises(NotConfigured) as caught:
        AliexpressLive(None, "secret")
    assert str(caught.value) == "aliexpress: disabled, no HALLMARK_ALIEXPRESS_APP_KEY"
    with pytest.raises(NotConfigured) as caught:
        AliexpressLive("12345678", "")
    assert str(caught.value) == "aliexpress: disabled, no HALLMARK_ALIEXPRESS_APP_SECRET"
    assert AliexpressLive("12345678", "secret")._tracking_id is None  # optional
