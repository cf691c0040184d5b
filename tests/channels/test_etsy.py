"""Etsy Open API v3 parsing over the reference sample and the hand-built fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hallmark.channels.etsy import EtsyChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)
Parsed = Listing | Account | ImportRecordError


def parse(path: Path) -> list[Parsed]:
    return list(EtsyChannel().parse(path.read_bytes(), source=path.name, captured_at=AT))


def test_reference_get_listing_sample(fixtures_real: Path) -> None:
    shop, listing = parse(
        fixtures_real / "etsy" / "etsy-docs-v3__getListing_200_response-sample.json"
    )
    assert isinstance(shop, Account) and isinstance(listing, Listing)
    assert shop.external_id == "string" and shop.handle == "string"
    assert shop.url == "https://www.etsy.com/shop/string"  # "string" is no URL
    assert shop.country is None  # placeholder, not an ISO code
    assert shop.status == "vacation"
    assert shop.extra["shop_id"] == 1
    assert shop.extra["created_date"] == "1970-01-01T00:00:00+00:00"
    assert listing.external_id == "1"
    assert listing.url == "https://www.etsy.com/listing/1"
    assert listing.account == "string"
    assert (listing.title, listing.text, listing.hashtags) == ("string", "string", ("string",))
    # The sample's Money has divisor 0 and currency "string": kept as a note, not a price.
    assert (listing.price, listing.currency) == (None, None)
    assert listing.extra["price_problem"] == "price.divisor 0 is not a positive whole number"
    assert listing.images == ()  # Redoc collapses images to [{}]
    assert listing.extra["listing_date"] == "2000-01-01T00:00:00+00:00"
    assert listing.extra["state"] == "active"
    assert listing.extra["views"] == 0


@pytest.mark.parametrize(
    "name", ["etsyterms__v2_test_listings.json", "etsyterms__v2_test_shop.json"]
)
def test_retired_v2_is_refused_clearly(fixtures_real: Path, name: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_real / "etsy" / name)
    assert caught.value.reason == (
        "an Etsy Open API v2 response (v2 was retired in 2022); only v3 is read"
    )


def test_missing_optional_fields(fixtures_own: Path) -> None:
    first, second = parse(
        fixtures_own / "etsy" / "findAllListingsActive-missing-optional-fields.json"
    )
    assert isinstance(first, Listing) and isinstance(second, Listing)
    assert first.external_id == "1067075430"
    assert first.url == "https://www.etsy.com/listing/1067075430"
    assert (first.price, first.currency) == (Decimal("12.50"), "GBP")
    assert (first.account, first.text, first.hashtags, first.images) == (None, None, (), ())
    assert first.extra == {}
    assert (second.price, second.currency, second.text) == (None, None, None)
    assert second.extra == {"shop_id": 30111222}


def test_one_malformed_listing_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "etsy" / "findShopListingsActive-one-malformed.json")
    assert len(records) == 3
    first, error, third = records
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (2, "listing_id: '2855894045' is not a whole number")
    assert isinstance(first, Listing) and isinstance(third, Listing)
    assert first.external_id == "2855894044"
    assert (first.price, first.currency) == (Decimal("24.00"), "USD")
    assert first.hashtags == ("bracelet", "quintell")
    assert first.extra["views"] == 311 and first.extra["favorers"] == 14
    assert first.extra["listing_date"] == "2025-10-31T08:40:00+00:00"
    assert third.external_id == "2855894046"
    assert third.price == Decimal("9.99")


def test_listing_with_shop_and_images(fixtures_own: Path) -> None:
    shop, listing = parse(fixtures_own / "etsy" / "getListing-includes-shop-images.json")
    assert isinstance(shop, Account) and isinstance(listing, Listing)
    assert shop.external_id == "CaseCornerCo"
    assert shop.url == "https://www.etsy.com/shop/CaseCornerCo"
    assert shop.country == "PT"
    assert shop.bio == "Phone cases with a twist"
    assert shop.extra["followers"] == 1203
    assert shop.extra["sold_count"] == 8842
    assert shop.extra["review_average"] == 4.7
    assert shop.extra["ships_from"] == "CN"
    assert listing.external_id == "6798115220"
    assert listing.account == "CaseCornerCo"
    assert listing.marketplace == "etsy.com"
    assert (listing.price, listing.currency) == (Decimal("19.99"), "EUR")
    assert listing.hashtags == ("juniper", "phone case", "monogram")
    assert listing.links == ("https://example.com/juniper-cases",)
    assert listing.images == (
        "https://i.etsystatic.com/41234567/r/il/aa0001/5500000001/il_fullxfull.5500000001_abcd.jpg",
        "https://i.etsystatic.com/41234567/r/il/aa0002/5500000002/il_570xN.5500000002_efgh.jpg",
    )
    assert listing.extra["views"] == 2301
    assert listing.extra["end_date"] == "2026-03-13T02:13:20+00:00"
    assert listing.extra["who_made"] == "someone_else"


def test_get_shop(fixtures_own: Path) -> None:
    (shop,) = parse(fixtures_own / "etsy" / "getShop.json")
    assert isinstance(shop, Account)
    assert (shop.external_id, shop.status, shop.country) == ("CaseCornerCo", "vacation", "PT")
    assert shop.extra["seller_info"] == (
        "CaseCorner Lda, Rua Exemplo 1, 1000-001 Lisboa, NIF 500000000"
    )
    assert shop.extra["followers"] == 1204


def test_error_body(fixtures_own: Path) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "etsy" / "error-invalid-api-key.json")
    assert caught.value.reason == (
        'Etsy error: Invalid API key: should be in the format "keystring:shared_secret".'
    )


def test_divisor_that_is_not_a_power_of_ten() -> None:
    payload = b'{"listing_id": 5, "price": {"amount": 1000, "divisor": 8, "currency_code": "USD"}}'
    (listing,) = EtsyChannel().parse(payload, source="x", captured_at=AT)
    assert isinstance(listing, Listing) and listing.price == Decimal("125")


def test_ndjson_lines() -> None:
    payload = b'{"listing_id": 1, "title": "a"}\n{"listing_id": \n{"listing_id": 3}\n'
    records = list(EtsyChannel().parse(payload, source="x", captured_at=AT))
    assert [r.external_id for r in records if isinstance(r, Listing)] == ["1", "3"]
    (error,) = [r for r in records if isinstance(r, ImportRecordError)]
    assert error.line == 2


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<html></html>", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (
            b'{"itemSummaries": []}',
            "not an Etsy Open API v3 response (no listing_id, shop_name or results)",
        ),
        (b"[]", "not an Etsy Open API v3 response: expected a JSON object"),
    ],
)
def test_not_etsy(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        list(EtsyChannel().parse(payload, source="x", captured_at=AT))
    assert caught.value.reason == reason
