"""eBay Browse API parsing over the genuine captures and the hand-built fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hallmark.channels.ebay import EbayChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)
Parsed = Listing | Account | ImportRecordError


def parse(path: Path) -> list[Parsed]:
    return list(EbayChannel().parse(path.read_bytes(), source=path.name, captured_at=AT))


def listings(records: list[Parsed]) -> list[Listing]:
    return [r for r in records if isinstance(r, Listing)]


def accounts(records: list[Parsed]) -> list[Account]:
    return [r for r in records if isinstance(r, Account)]


def errors(records: list[Parsed]) -> list[ImportRecordError]:
    return [r for r in records if isinstance(r, ImportRecordError)]


def test_fs2_search_page(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "ebay" / "fs2-ebay-app__search-success-response.json")
    items = listings(records)
    assert len(records) == 9 and not errors(records)
    assert [i.external_id for i in items] == ["item-1", "item-2", "item-3", "item-4", "item-5"]
    assert [i.price for i in items] == [
        Decimal("120.00"),
        Decimal("165.00"),
        Decimal("170.99"),
        Decimal("189.99"),
        Decimal("139.99"),
    ]
    assert {i.currency for i in items} == {"GBP"}
    assert [i.account for i in items] == [
        "benr26",
        "vickyredder",
        "govinren-0",
        "raynkhan",
        "govinren-0",
    ]
    first = items[0]
    assert first.title == "Apple iPhone 6s Plus - 64GB - Silver (Unlocked)"
    assert first.marketplace == "ebay.co.uk"
    assert first.url == (
        "https://www.ebay.co.uk/itm/Apple-iPhone-6s-Plus-64GB-Silver-Unlocked/184105770612"
        "?hash=item2add8f1e74:g:5HAAAOSwPw5eCkIs"
    )
    assert len(first.images) == 6
    assert first.images[0] == "https://i.ebayimg.com/thumbs/images/g/5HAAAOSwPw5eCkIs/s-l225.jpg"
    assert first.extra["item_location"] == {"postalCode": "S20***", "country": "GB"}
    assert first.extra["condition"] == "Used"
    assert items[1].extra["bid_count"] == 0
    # govinren-0 sells two items: one account record, the first seen.
    sellers = accounts(records)
    assert [a.external_id for a in sellers] == ["benr26", "vickyredder", "govinren-0", "raynkhan"]
    assert sellers[2].extra == {
        "feedback_score": 6328,
        "feedback_percentage": "97.0",
        "account_type": "BUSINESS",
    }
    assert sellers[0].url == "https://www.ebay.co.uk/usr/benr26"


def test_gpu_agent_search_page(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "ebay" / "gpu-agent__item_summary-search-NVIDIA-RTX-A5000.json")
    items = listings(records)
    assert len(records) == 6 and len(accounts(records)) == 3
    assert [(i.external_id, i.price, i.currency) for i in items] == [
        ("296057072805", Decimal("1500.00"), "USD"),
        ("176033835717", Decimal("1370.00"), "USD"),
        ("353853667734", Decimal("211.99"), "USD"),
    ]
    assert items[0].title == "NVIDIA RTX A5000 24GB GDDR6 Graphics Card"
    assert items[0].account == "scrambled-2023-11-21-20_18_27"
    assert items[0].marketplace == "ebay.com"
    assert items[0].extra["listing_date"] == "2023-11-19T16:34:58.000Z"
    assert items[0].extra["marketplace_id"] == "EBAY_US"
    assert items[0].extra["item_location"] == {"country": "AE"}
    assert len(items[0].images) == 8
    assert items[2].extra["item_location"] == {"country": "KR"}
    assert accounts(records)[2].extra["feedback_score"] == 17433


def test_gpu_agent_get_item_with_sold_quantity(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "ebay" / "gpu-agent__getItem-353853667734.json")
    seller, item = records
    assert isinstance(seller, Account) and isinstance(item, Listing)
    assert seller.external_id == "scrambled-2023-11-21-20_19_26"
    assert seller.extra == {"feedback_score": 17435, "feedback_percentage": "94.9"}
    assert item.external_id == "353853667734"
    assert item.title == "NVIDIA AMPERE NVLINK BRIDGE 3-SLOT for RTX A6000 RTX A5000"
    assert (item.price, item.currency) == (Decimal("211.99"), "USD")
    assert item.extra["sold_quantity"] == 62
    assert item.extra["category_path"] == (
        "Computers/Tablets & Networking|Computer Components & Parts|Other Components & Parts"
    )
    assert item.extra["item_location"] == {"city": "Seoul", "country": "KR"}
    assert item.extra["listing_date"] == "2022-01-12T11:06:27.000Z"
    assert item.extra["gtin"] == "Does not apply"
    assert item.text is not None and item.text.startswith("Welcome to Beyond_theworld's store")
    assert len(item.images) == 3


def test_gpu_agent_get_item(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "ebay" / "gpu-agent__getItem-296057072805.json")
    seller, item = records
    assert isinstance(seller, Account) and isinstance(item, Listing)
    assert seller.external_id == "scrambled-2023-11-21-20_18_27"
    assert item.external_id == "296057072805"
    assert (item.price, item.currency) == (Decimal("1500.00"), "USD")
    assert item.extra["condition_description"] == "Barely used few months No scratches or Damages."
    assert item.extra["sold_quantity"] == 0
    assert item.extra["available_quantity"] == 1
    assert item.extra["gtin"] == "0812674024783"
    assert item.images[0] == "https://i.ebayimg.com/images/g/nIQAAOSwWqNk9uTr/s-l1600.jpg"
    assert len(item.images) == 8


def test_fs2_get_item(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "ebay" / "fs2-ebay-app__get-item-1-success-response.json")
    seller, item = records
    assert isinstance(seller, Account) and isinstance(item, Listing)
    assert seller.external_id == "jb-liquidation3"
    assert seller.extra["account_type"] == "INDIVIDUAL"
    assert seller.legal_name is None and seller.country is None
    assert item.external_id == "114059888671"
    assert item.title == "Samsung Galaxy S10 128gb UNLOCKED Prism Blue"
    assert (item.price, item.currency) == (Decimal("425.00"), "GBP")
    assert item.extra["brand"] == "Samsung"
    assert item.text is not None and item.text.startswith("Up For Grabs Samsung Galaxy S10")
    assert "<div>" not in item.text


def test_fs2_get_item_seller_legal_info(fixtures_real: Path) -> None:
    path = fixtures_real / "ebay" / "fs2-ebay-app__get-item-3-no-aspects-success-response.json"
    seller, item = parse(path)
    assert isinstance(seller, Account) and isinstance(item, Listing)
    assert seller.external_id == "topmovies4u"
    assert seller.legal_name == "TOPENTERTAINMENT4U"
    assert seller.country == "GB"
    assert seller.address == (
        "[REDACTED], [REDACTED], [REDACTED], Cornwall, [REDACTED], United Kingdom"
    )
    assert seller.contacts == ("[REDACTED]",)
    assert seller.extra["feedback_score"] == 20023
    assert item.external_id == "174192262222"
    assert item.title == "Sony : PS4 NEED FOR SPEED (ASIA) "
    assert (item.price, item.currency) == (Decimal("22.99"), "GBP")
    assert item.account == "topmovies4u"
    assert item.extra["condition"] == "Very Good"


def test_not_found_error_body(fixtures_real: Path) -> None:
    path = fixtures_real / "ebay" / "fs2-ebay-app__get-item-notfound-error-response.json"
    with pytest.raises(PayloadError) as caught:
        parse(path)
    assert caught.value.reason == "eBay error 11001: The specified item Id was not found."


def test_missing_optional_fields(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "ebay" / "search-missing-optional-fields.json")
    bare, seller, auction = records
    assert isinstance(bare, Listing) and isinstance(auction, Listing)
    assert bare.external_id == "110551234567"
    assert bare.url == "https://www.ebay.de/itm/110551234567"
    assert (bare.marketplace, bare.account, bare.price, bare.currency) == (
        "ebay.de",
        None,
        None,
        None,
    )
    assert bare.images == ()
    assert isinstance(seller, Account) and seller.external_id == "clutch_haus"
    assert (auction.price, auction.currency) == (Decimal("7.50"), "EUR")
    assert auction.extra["bid_count"] == 3
    assert auction.extra["end_date"] == "2026-12-01T18:00:00.000Z"


def test_one_malformed_item_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "ebay" / "search-one-malformed-item.json")
    (error,) = errors(records)
    assert (error.line, error.reason) == (2, "price.value: '12,50' is not a decimal number")
    assert [i.external_id for i in listings(records)] == ["204400000001", "204400000003"]
    assert [a.external_id for a in accounts(records)] == ["watchbarn"]


def test_variation_and_business_seller(fixtures_own: Path) -> None:
    seller, item = parse(fixtures_own / "ebay" / "getitem-variation-business-seller.json")
    assert isinstance(seller, Account) and isinstance(item, Listing)
    assert seller.legal_name == "Duftwelt Handels GmbH"
    assert seller.address == "Beispielstr. 1, Berlin, 10115, Germany"
    assert seller.country == "DE"
    assert seller.contacts == ("shop@example.com", "+49 30 0000000")
    assert seller.extra["trade_registration_number"] == "HRB 000000 B"
    assert seller.extra["vat_details"] == [{"issuingCountry": "DE", "vatId": "DE000000000"}]
    assert seller.extra["legal_contact"] == "Max Muster"
    assert item.external_id == "385500012345-662000123456"
    assert (item.price, item.currency) == (Decimal("41.30"), "USD")
    assert item.extra["original_price"] == {"value": "38.00", "currency": "EUR"}
    assert item.extra["sold_quantity"] == 27
    assert item.links == ("https://duftwelt.example.com/juniper?ref=ebay&x=1",)
    assert item.text == "Original Juniper tester & sample. More at our shop"
    assert len(item.images) == 2


def test_ndjson_lines(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "ebay" / "getitem-lines.ndjson")
    assert [i.external_id for i in listings(records)] == ["110000000001", "110000000004"]
    assert [a.external_id for a in accounts(records)] == ["lineseller"]
    assert [(e.line, e.reason) for e in errors(records)] == [
        (2, "not valid JSON: Unterminated string starting at: line 1 column 42 (char 41)"),
        (3, "eBay error 11001: The specified item Id was not found."),
    ]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<html></html>", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"[1, 2]", "not an eBay Browse API response: expected a JSON object"),
        (
            b'{"count": 1, "results": []}',
            "not an eBay Browse API response (no itemSummaries, items or itemId)",
        ),
        (b"\xff\xfe", "not UTF-8 (byte 0)"),
    ],
)
def test_not_ebay(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        list(EbayChannel().parse(payload, source="x", captured_at=AT))
    assert caught.value.reason == reason


def test_empty_search_page() -> None:
    payload = b'{"href": "https://api.ebay.com/buy/browse/v1/item_summary/search?q=x", "total": 0}'
    assert list(EbayChannel().parse(payload, source="x", captured_at=AT)) == []
