"""The Amazon channel over SP-API Catalog Items 2022-04-01 responses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hallmark.channels.amazon import MARKETPLACES, AmazonChannel
from hallmark.channels.base import Parsed
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

CAPTURED = datetime(2026, 11, 24, tzinfo=UTC)
SAMSUNG = (
    "Samsung QN82Q60RAFXZA Flat 82-Inch QLED 4K Q60 Series (2019) Ultra HD Smart TV "
    "with HDR and Alexa Compatibility"
)
SAMSUNG_IMAGES = (
    "https://m.media-amazon.com/images/I/91uohwV+k3L.jpg",
    "https://m.media-amazon.com/images/I/51DZzp3w3vL.jpg",
    "https://m.media-amazon.com/images/I/81w2rTVShlL.jpg",
    "https://m.media-amazon.com/images/I/41Px9eq9tkL.jpg",
    "https://m.media-amazon.com/images/I/51NTNhdhPyL.jpg",
    "https://m.media-amazon.com/images/I/51o4zpL+A3L.jpg",
    "https://m.media-amazon.com/images/I/71ux2k9GAZL.jpg",
    "https://m.media-amazon.com/images/I/61UUX63yw1L.jpg",
    "https://m.media-amazon.com/images/I/61LwHkljX-L.jpg",
    "https://m.media-amazon.com/images/I/51wJTQty3PL.jpg",
    "https://m.media-amazon.com/images/I/61uvoB4VvoL.jpg",
    "https://m.media-amazon.com/images/I/51ZexIO628L.jpg",
    "https://m.media-amazon.com/images/I/7121MGd2ncL.jpg",
    "https://m.media-amazon.com/images/I/61QK+JBMrGL.jpg",
    "https://m.media-amazon.com/images/I/61ECcGlG4IL.jpg",
    "https://m.media-amazon.com/images/I/31TxwfqvB5L.jpg",
)
SAMSUNG_EXTRA = {
    "marketplace_id": "ATVPDKIKX0DER",
    "brand": "SAMSUNG",
    "manufacturer": "Samsung",
    "model_number": "QN82Q60RAFXZA",
    "part_number": "QN82Q60RAFXZA",
    "color": "Black",
    "size": "82-Inch",
    "style": "TV only",
    "item_classification": "BASE_PRODUCT",
    "display_group": "Home Theater",
    "browse_classification": "QLED TVs",
    "product_type": "TELEVISION",
    "identifiers": {"EAN": ["0887276302195"], "GTIN": ["00887276302195"], "UPC": ["887276302195"]},
    "parent_asins": ["B08J7TQ9FL"],
    "sales_ranks": [{"title": "QLED TVs", "rank": 113}, {"title": "Electronics", "rank": 72855}],
}


def parse(path: Path) -> list[Parsed]:
    return list(AmazonChannel().parse(path.read_bytes(), source=path.name, captured_at=CAPTURED))


def only_listing(records: list[Parsed]) -> Listing:
    assert len(records) == 1
    assert isinstance(records[0], Listing)
    return records[0]


def assert_samsung(listing: Listing, *, with_attributes: bool) -> None:
    assert listing.kind == "listing"
    assert listing.platform == "amazon"
    assert listing.external_id == "B07N4M94X4"
    assert listing.url == "https://www.amazon.com/dp/B07N4M94X4"
    assert listing.marketplace == "amazon.com"
    assert listing.account is None
    assert listing.title == SAMSUNG
    assert listing.images == SAMSUNG_IMAGES
    assert listing.captured_at == CAPTURED
    assert listing.hashtags == ()
    assert listing.links == ()
    if with_attributes:
        assert listing.price == Decimal("3799.99")
        assert listing.currency == "USD"
        assert listing.text is not None
        assert listing.text.startswith("SMART TV WITH UNIVERSAL GUIDE: Simple on-screen Guide")
        assert listing.text.count("\n") == 5
        assert listing.extra == {
            **SAMSUNG_EXTRA,
            "site_launch_date": "2019-03-11T08:00:01.000Z",
            "price_kind": "list_price",
        }
    else:
        assert listing.price is None
        assert listing.currency is None
        assert listing.text is None
        assert listing.extra == SAMSUNG_EXTRA
    json.dumps(listing.extra)


@pytest.mark.parametrize(
    ("name", "with_attributes"),
    [
        ("sp-api__searchCatalogItems_2022-04-01__example.json", True),
        ("sp-api__searchCatalogItems_2022-04-01__sandbox-static.json", False),
        ("sp-api__getCatalogItem_2022-04-01__example.json", True),
        ("sp-api__getCatalogItem_2022-04-01__sandbox-static.json", False),
    ],
)
def test_genuine_catalog_items_responses(
    fixtures_real: Path, name: str, with_attributes: bool
) -> None:
    records = parse(fixtures_real / "amazon" / name)
    assert_samsung(only_listing(records), with_attributes=with_attributes)


def test_no_account_because_the_catalogue_has_no_seller(fixtures_real: Path) -> None:
    for path in sorted((fixtures_real / "amazon").glob("sp-api__*.json")):
        assert not any(isinstance(r, Account) for r in parse(path))


def test_missing_optional_fields(fixtures_own: Path) -> None:
    listing = only_listing(parse(fixtures_own / "amazon" / "searchCatalogItems_minimal-de.json"))
    assert listing.external_id == "B0HALLMK01"
    assert listing.marketplace == "amazon.de"
    assert listing.url == "https://www.amazon.de/dp/B0HALLMK01"
    assert listing.title == "Lederhandtasche mit Kettenriemen"
    assert (listing.text, listing.price, listing.currency) == (None, None, None)
    assert listing.images == ()
    assert listing.extra == {"marketplace_id": "A1PA6795UKMFR9"}


def test_one_malformed_item_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "amazon" / "searchCatalogItems_one-malformed.json")
    assert len(records) == 3
    first, error, third = records
    assert isinstance(first, Listing) and isinstance(third, Listing)
    assert (first.external_id, first.price, first.currency) == (
        "B0HALLMK02",
        Decimal("129.50"),
        "USD",
    )
    assert first.title == "Quilted Leather Shoulder Bag, Black"
    assert first.extra["brand"] == "Hallmark Demo"
    assert isinstance(error, ImportRecordError)
    assert (error.file, error.line) == ("searchCatalogItems_one-malformed.json", 2)
    assert error.reason == "asin: required field is missing"
    assert third.external_id == "B0HALLMK04"
    assert third.images == ("https://m.media-amazon.com/images/I/demo-wallet.jpg",)
    assert third.price is None


def test_item_for_two_marketplaces_uses_the_first(fixtures_own: Path) -> None:
    listing = only_listing(parse(fixtures_own / "amazon" / "getCatalogItem_uk-and-de.json"))
    assert listing.external_id == "B0HALLMK05"
    assert listing.marketplace == "amazon.co.uk"
    assert listing.url == "https://www.amazon.co.uk/dp/B0HALLMK05"
    assert listing.title == "Silk Scarf with Monogram Print, 90 x 90 cm"
    assert listing.text == "Pure silk twill, hand-rolled edges.\n100% silk"
    assert (listing.price, listing.currency) == (Decimal("75.00"), "GBP")
    assert listing.images == (
        "https://m.media-amazon.com/images/I/demo-scarf-main.jpg",
        "https://m.media-amazon.com/images/I/demo-scarf-detail.jpg",
    )
    assert listing.extra == {
        "marketplace_id": "A1F83G8C2ARO7P",
        "brand": "Hallmark Demo",
        "manufacturer": "Hallmark Demo Ltd",
        "color": "Navy",
        "item_classification": "VARIATION_PARENT",
        "release_date": "2025-03-01",
        "adult_product": False,
        "display_group": "Fashion",
        "browse_classification": "Scarves & Wraps",
        "other_marketplaces": ["amazon.de"],
        "product_type": "SCARF",
        "identifiers": {"EAN": ["4006381333931"]},
        "child_asins": ["B0HALLMK06", "B0HALLMK07"],
        "sales_ranks": [{"title": "Fashion", "rank": 4821}],
        "price_kind": "list_price",
    }


def test_error_body_raises(fixtures_own: Path) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "amazon" / "error_NotFound.json")
    assert str(caught.value) == (
        "error_NotFound.json: Amazon SP-API error NotFound: "
        "Requested item 'B0HALLMK99' not found in marketplace 'ATVPDKIKX0DER'."
    )


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<html></html>", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"[1, 2]", "not an SP-API Catalog Items response (not a JSON object)"),
        (
            b'{"payload": {"AttributeSets": []}}',
            "not an SP-API Catalog Items response (no items or asin; keys: payload)",
        ),
    ],
)
def test_not_a_catalog_items_payload(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        list(AmazonChannel().parse(payload, source="p.json", captured_at=CAPTURED))
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ("B0HALLMK01", "item is not a JSON object"),
        (
            {"asin": "B0HALLMK01"},
            "B0HALLMK01: no marketplaceId in any section, so no marketplace or url",
        ),
        (
            {
                "asin": "B0HALLMK01",
                "summaries": [{"marketplaceId": "ATVPDKIKX0DER"}],
                "attributes": {"list_price": [{"currency": "usd", "value": 1}]},
            },
            "B0HALLMK01: list_price currency 'usd' is not an ISO 4217 code",
        ),
    ],
)
def test_bad_items(item: object, reason: str) -> None:
    payload = json.dumps({"items": [item]}).encode()
    [error] = AmazonChannel().parse(payload, source="p.json", captured_at=CAPTURED)
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (1, reason)


def test_marketplace_table_covers_the_documented_ids() -> None:
    assert len(MARKETPLACES) == 23
    assert MARKETPLACES["A1PA6795UKMFR9"] == "amazon.de"
    assert MARKETPLACES["A1VC38T7YXB528"] == "amazon.co.jp"


def test_price_keeps_every_digit() -> None:
    item = {
        "asin": "B0HALLMK08",
        "summaries": [{"marketplaceId": "A1PA6795UKMFR9", "itemName": "x"}],
        "attributes": {
            "list_price": [
                {"currency": "EUR", "value": 0.1, "marketplace_id": "A1PA6795UKMFR9"},
            ]
        },
    }
    [listing] = AmazonChannel().parse(
        json.dumps(item).encode(), source="p.json", captured_at=CAPTURED
    )
    assert isinstance(listing, Listing)
    assert listing.price == Decimal("0.1")
    assert str(listing.price) == "0.1"
