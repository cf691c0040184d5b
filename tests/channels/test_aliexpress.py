"""AliExpress Open Platform parsing over the hand-built fixtures (no genuine sample exists;
the only file in fixtures-real/aliexpress/ is an Alibaba.com HTML page, read by webstore)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hallmark.channels.aliexpress import AliexpressChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)
Parsed = Listing | Account | ImportRecordError


def parse_bytes(payload: bytes, name: str = "payload.json") -> list[Parsed]:
    return list(AliexpressChannel().parse(payload, source=name, captured_at=AT))


def parse(path: Path) -> list[Parsed]:
    return parse_bytes(path.read_bytes(), path.name)


def test_genuine_folder_holds_no_json(fixtures_real: Path) -> None:
    # Only HTML is there; if a JSON sample is ever added, this test asks for its own test.
    names = sorted(p.name for p in (fixtures_real / "aliexpress").iterdir())
    assert names == ["zyte-peb__alibaba-com_product-detail_62320522213.html"]


def test_product_query_page(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "aliexpress" / "product.query-page.json")
    assert [type(r).__name__ for r in records] == [
        "Account",
        "Listing",
        "Listing",  # same shop as the first: its account is given once
        "Account",
        "Listing",
    ]
    shop, first, second, other_shop, third = records
    assert isinstance(shop, Account) and isinstance(other_shop, Account)
    assert (shop.platform, shop.external_id) == ("aliexpress", "1102051418")
    assert shop.url == "https://www.aliexpress.com/store/1102051418"
    assert other_shop.external_id == "1103987215"
    assert isinstance(first, Listing) and isinstance(second, Listing)
    assert isinstance(third, Listing)
    assert first.kind == "listing" and first.platform == "aliexpress"
    assert first.external_id == "1005006219783412"
    assert first.url == "https://www.aliexpress.com/item/1005006219783412.html"
    assert first.marketplace == "aliexpress.com"
    assert first.account == "1102051418"
    assert first.title == ("Vintage Monogram Canvas Tote Bag Women Large Capacity Shoulder Handbag")
    assert (first.price, first.currency) == (Decimal("17.49"), "USD")
    assert first.captured_at == AT
    assert first.images == (
        "https://ae04.alicdn.com/kf/S3f1c0d2a9b7e4c51a6d2f0e8b1c4a7d3X.jpg",
        "https://ae04.alicdn.com/kf/S8a2e5b7c1d9f4e3a8b6c2d0f7e1a9b5cY.jpg",
    )
    assert first.extra["original_price"] == "34.98"
    assert first.extra["original_price_currency"] == "USD"
    assert first.extra["source_sale_price"] == "119.00"
    assert first.extra["source_sale_price_currency"] == "CNY"
    assert first.extra["discount"] == "50%"
    assert first.extra["evaluate_rate"] == "96.8%"
    assert first.extra["sold"] == 2315
    assert first.extra["categories"] == ["Luggage & Bags", "Top-Handle Bags"]
    assert first.extra["category_ids"] == ["1524", "152401"]
    assert first.extra["promotion_link"] == "https://s.click.aliexpress.com/e/_DmHs8Kq"
    assert second.external_id == "1005007034561298" and second.account == "1102051418"
    assert (second.price, second.currency) == (Decimal("16.18"), "USD")
    assert second.images == ("https://ae04.alicdn.com/kf/Sd41b8e2f6a3c4d7e9b1a5c8f2e6d0b4aZ.jpg",)
    # A product_id sent as a string is the same id; the price is the converted target one.
    assert third.external_id == "1005005876002341" and third.account == "1103987215"
    assert (third.price, third.currency) == (Decimal("97.25"), "USD")
    assert third.extra["sold"] == 0
    assert third.extra["categories"] == ["Watches"]


def test_missing_optional_fields(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "aliexpress" / "productdetail.get-missing-optional-fields.json")
    assert len(records) == 3
    bare, shop, no_price = records
    assert isinstance(bare, Listing) and isinstance(shop, Account)
    assert isinstance(no_price, Listing)
    assert bare.external_id == "1005004451287730"
    # No target_sale_price: the sale price in its own currency is used.
    assert (bare.price, bare.currency) == (Decimal("9.87"), "GBP")
    assert (bare.account, bare.images, bare.text) == (None, (), None)
    assert bare.extra == {"source_sale_price": "9.87", "source_sale_price_currency": "GBP"}
    assert (shop.external_id, shop.url) == ("1100442210", None)
    assert no_price.account == "1100442210"
    assert (no_price.price, no_price.currency, no_price.images) == (None, None, ())
    assert no_price.extra == {}


def test_one_malformed_product_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "aliexpress" / "product.query-one-malformed.json")
    assert len(records) == 4
    shop, first, error, third = records
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (
        2,
        "product_id: '1005006911220046-A' is not a whole number",
    )
    assert isinstance(shop, Account) and shop.external_id == "1101765432"
    assert isinstance(first, Listing) and isinstance(third, Listing)
    assert first.external_id == "1005006911220045"
    assert (first.price, first.currency) == (Decimal("23.40"), "EUR")
    assert first.extra == {"sold": 412}
    # A decimal comma is not guessed at: the listing stays, its price is a note.
    assert third.external_id == "1005006911220047" and third.account == "1101765432"
    assert (third.price, third.currency) == (None, None)
    assert third.extra == {"price_problem": "target_sale_price '12,5' is not a price"}


def test_ds_product_get(fixtures_own: Path) -> None:
    store, listing = parse(fixtures_own / "aliexpress" / "ds.product.get.json")
    assert isinstance(store, Account) and isinstance(listing, Listing)
    assert store.external_id == "1101345678"
    assert store.display_name == "SmartWear Official Store"
    assert store.country == "CN"
    assert store.extra == {
        "item_as_described_rating": "4.8",
        "communication_rating": "4.9",
        "shipping_speed_rating": "4.7",
    }
    assert listing.external_id == "1005005244562338"
    assert listing.url == "https://www.aliexpress.com/item/1005005244562338.html"
    assert listing.account == "1101345678"
    assert listing.title == "Sports Smart Watch Men Women Heart Rate Fitness Tracker IP68"
    assert (listing.price, listing.currency) == (Decimal("22.99"), "USD")  # lowest SKU offer
    assert listing.images == (
        "https://ae01.alicdn.com/kf/S0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5dK.jpg",
        "https://ae01.alicdn.com/kf/S1b2c3d4e5f6a4b7c9d0e1f2a3b4c5d6eL.jpg",
    )
    assert listing.extra == {
        "evaluate_rating": "4.7",
        "status": "onSelling",
        "listing_date": "2023-02-14T09:12:33",
        "updated_date": "2024-10-02T18:40:05",
        "category_id": 200000095,
        "sold": 9421,
        "evaluation_count": 1836,
        "price_max": "24.99",
        "sku_count": 2,
        "stock": 392,
        "ship_to_country": "DE",
        "delivery_days": 7,
    }


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        (
            "error_response-signature.json",
            "AliExpress error IncompleteSignature: "
            "The request signature does not conform to platform standards",
        ),
        ("product.query-resp_code-405.json", "AliExpress error 405: The result is empty"),
        (
            "ds.product.get-rsp_code-error.json",
            "AliExpress error 605: Product not exist or is offline",
        ),
    ],
)
def test_error_bodies_raise(fixtures_own: Path, name: str, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "aliexpress" / name)
    assert caught.value.reason == reason
    assert caught.value.source == name


def test_error_response_with_sub_code() -> None:
    body = (
        b'{"error_response": {"code": 15, "msg": "Remote service error",'
        b' "sub_code": "isv.invalid-parameter", "sub_msg": "product_ids is empty"}}'
    )
    with pytest.raises(PayloadError) as caught:
        parse_bytes(body)
    assert caught.value.reason == (
        "AliExpress error 15: Remote service error (isv.invalid-parameter: product_ids is empty)"
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[1, 2]", "not an AliExpress Open Platform response: expected a JSON object"),
        (
            b'{"items": []}',
            "not an AliExpress Open Platform response (no aliexpress_affiliate_*_response, "
            "aliexpress_ds_product_get_response or error_response)",
        ),
        (
            b'{"aliexpress_affiliate_product_query_response": {"request_id": "x"}}',
            "AliExpress affiliate response without resp_result",
        ),
    ],
)
def test_not_aliexpress_is_refused(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_bytes(body)
    assert caught.value.reason == reason


def test_empty_page_and_plain_product_list() -> None:
    empty = b'{"aliexpress_affiliate_product_query_response": {"resp_result": {"resp_code": 200,'
    empty += b' "resp_msg": "ok", "result": {"current_record_count": 0}}}}'
    assert parse_bytes(empty) == []
    flat = b'{"aliexpress_affiliate_hotproduct_query_response": {"resp_result": {"resp_code": 200,'
    flat += b' "result": {"products": [{"product_id": 1005001, "product_title": "T"}]}}}}'
    (listing,) = parse_bytes(flat)
    assert isinstance(listing, Listing) and listing.external_id == "1005001"


def test_ndjson_lines_keep_their_numbers() -> None:
    lines = (
        b'{"product_id": 1005002, "target_sale_price": "1.10",'
        b' "target_sale_price_currency": "USD"}\n'
        b'{"error_response": {"code": "ApiCallLimit", "msg": "too fast"}}\n'
        b"not json\n"
    )
    first, limited, broken = parse_bytes(lines, "lines.ndjson")
    assert isinstance(first, Listing) and (first.price, first.currency) == (Decimal("1.10"), "USD")
    assert isinstance(limited, ImportRecordError) and limited.line == 2
    assert limited.reason == "AliExpress error ApiCallLimit: too fast"
    assert isinstance(broken, ImportRecordError) and broken.line == 3


def test_prices_stay_exact() -> None:
    body = b'{"product_id": 7, "target_sale_price": 0.1, "target_sale_price_currency": "USD"}'
    (listing,) = parse_bytes(body)
    assert isinstance(listing, Listing)
    assert listing.price == Decimal("0.1")
