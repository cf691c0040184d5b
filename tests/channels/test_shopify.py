"""The Shopify channel over storefront product JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hallmark.channels.base import Parsed
from hallmark.channels.shopify import ShopifyChannel, store_domain
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

CAPTURED = datetime(2026, 11, 24, tzinfo=UTC)
CDN = "https://cdn.shopify.com/s/files/1/1255/2693/products/"
RATIO_TEXT = (
    "Technically speaking.\n"
    "Model: Eight\n"
    "Edition: Walnut\n"
    "Warranty: 10 years\n"
    "Capacity: Brews up to 40oz (eight 5oz cups)\n"
    'Dimensions: 13.5" deep x 9" wide x 14" tall\n'
    "Each machine is hand assembled and tested in Portland, Oregon. Tht Eight has a powerful "
    "1600 watt heating element in 110 (US & Canada) or 220 volt. Eight's carafe holds Chemex "
    "paper filters or Able Kone stainless steel filter."
)
# (id, title, sku, price) of the eight variants, prices converted from cents
RATIO_VARIANTS = [
    (20230103745, "Silver / 220 Volts / Small", "silver220", "520.00"),
    (20230103873, "Nickel / 110 Volts / Large", "nickel110", "600.00"),
    (20230104065, "Cobalt / 110 Volts / Large", "cobalt110", "550.00"),
    (20230104129, "Cobalt / 220 Volts / Large", "cobalt220", "560.00"),
    (20230104193, "White / 110 Volts / Large", "white110", "570.00"),
    (20230104321, "White / 220 Volts / Large", "white220", "580.00"),
    (31053222465, "Silver / 110 Volts / Large", "silver110", "520.00"),
    (31053240129, "Nickel / 220 Volts / Large", "nickel220", "530.00"),
]


def parse(payload: bytes, source: str) -> list[Parsed]:
    return list(ShopifyChannel().parse(payload, source=source, captured_at=CAPTURED))


def parse_file(path: Path) -> list[Parsed]:
    return parse(path.read_bytes(), str(path))


def test_genuine_theme_product_object(fixtures_real: Path) -> None:
    path = fixtures_real / "shopify" / "theme-scripts__product-object.json"
    records = parse_file(path)
    assert len(records) == 1
    listing = records[0]
    assert isinstance(listing, Listing)
    assert listing.kind == "listing"
    assert listing.platform == "shopify"
    assert listing.external_id == "6438462785"
    assert listing.title == "Ratio Eight"
    assert listing.text == RATIO_TEXT
    # the file name names no domain, so the store is unknown
    assert (listing.account, listing.url, listing.marketplace) == (None, None, None)
    assert (listing.price, listing.currency) == (None, None)
    assert listing.images == (
        CDN + "Slideshow_1.png?v=1511539679",
        CDN + "HERO-M_ChampagneNickel.jpg?v=1511539679",
        CDN + "HERO-M_DarkCobalt.jpg?v=1511539679",
        CDN + "HERO-M_White.png?v=1511539679",
    )
    assert listing.links == ()
    assert listing.captured_at == CAPTURED
    extra = dict(listing.extra)
    variants = extra.pop("variants")
    assert extra == {
        "handle": "ratio-eight",
        "vendor": "tk-narrative",
        "published_at": "2016-05-31T22:11:00-04:00",
        "created_at": "2016-05-31T22:26:04-04:00",
        "available": True,
        "price": "520.00",
        "price_max": "600.00",
        "compare_at_price": "600.00",
    }
    assert [(v["id"], v["title"], v["sku"], v["price"]) for v in variants] == RATIO_VARIANTS
    assert {v["compare_at_price"] for v in variants} == {"600.00"}
    assert all(v["available"] is True and v["inventory_quantity"] == 1 for v in variants)
    json.dumps(listing.extra)


def test_genuine_product_object_with_a_domain_source(fixtures_real: Path) -> None:
    payload = (fixtures_real / "shopify" / "theme-scripts__product-object.json").read_bytes()
    account, listing = parse(payload, "https://ratio.example.com/products/ratio-eight.js")
    assert account == Account(
        platform="shopify",
        external_id="ratio.example.com",
        handle="ratio.example.com",
        url="https://ratio.example.com",
    )
    assert isinstance(listing, Listing)
    assert listing.account == "ratio.example.com"
    assert listing.marketplace == "ratio.example.com"
    assert listing.url == "https://ratio.example.com/products/ratio-eight"


def test_products_json_page(fixtures_own: Path) -> None:
    account, tote, card = parse_file(fixtures_own / "shopify" / "shop.example.com__products.json")
    assert account == Account(
        platform="shopify",
        external_id="shop.example.com",
        handle="shop.example.com",
        url="https://shop.example.com",
    )
    assert isinstance(tote, Listing) and isinstance(card, Listing)
    assert tote.external_id == "8012345678901"
    assert tote.title == "Monogram Canvas Tote – Limited"
    assert tote.url == "https://shop.example.com/products/monogram-canvas-tote-limited"
    assert tote.account == "shop.example.com"
    assert tote.text == "Our best-selling tote in coated canvas.\nAlso on Instagram and contact us."
    assert tote.links == ("https://instagram.com/demo.shop",)
    assert tote.images == (
        "https://cdn.shopify.com/s/files/1/0000/0001/products/tote-brown.jpg?v=1727712770",
    )
    assert (tote.price, tote.currency) == (None, None)
    assert tote.extra == {
        "handle": "monogram-canvas-tote-limited",
        "vendor": "Demo Shop",
        "published_at": "2026-10-01T09:00:00+02:00",
        "created_at": "2026-09-30T18:12:44+02:00",
        "updated_at": "2026-11-20T08:01:02+01:00",
        "product_type": "Bags",
        "tags": ["bags", "limited", "sale"],
        "price": "89.90",
        "price_max": "99.00",
        "compare_at_price": "1450.00",
        "variants": [
            {
                "id": 44012345678901,
                "title": "Brown",
                "sku": "TOTE-BRN",
                "price": "89.90",
                "compare_at_price": "1450.00",
                "available": True,
            },
            {
                "id": 44012345678902,
                "title": "Black",
                "sku": "TOTE-BLK",
                "price": "99.00",
                "compare_at_price": None,
                "available": False,
            },
        ],
    }
    assert card.external_id == "8012345678902"
    assert (card.text, card.images, card.links) == (None, (), ())
    assert card.extra["price"] == "25.00"
    assert "product_type" not in card.extra and "tags" not in card.extra


def test_missing_optional_fields(fixtures_own: Path) -> None:
    [listing] = parse_file(fixtures_own / "shopify" / "products_minimal.json")
    assert isinstance(listing, Listing)
    assert listing.external_id == "8012345678903"
    assert listing.title == "Chain Strap Bag"
    assert (listing.url, listing.account, listing.text, listing.images) == (None, None, None, ())
    assert listing.extra == {
        "handle": "chain-strap-bag",
        "price": "35.00",
        "price_max": "35.00",
        "variants": [
            {
                "id": 44012345678904,
                "title": "Default Title",
                "sku": None,
                "price": "35.00",
                "compare_at_price": None,
                "available": None,
            }
        ],
    }


def test_one_malformed_product_loses_nothing_else(fixtures_own: Path) -> None:
    path = fixtures_own / "shopify" / "shop.example.com__products_one-malformed.json"
    records = parse_file(path)
    assert len(records) == 4
    account, scarf, error, holder = records
    assert isinstance(account, Account) and account.external_id == "shop.example.com"
    assert isinstance(scarf, Listing) and scarf.external_id == "8012345678904"
    assert scarf.extra["price"] == "19.00"
    assert isinstance(error, ImportRecordError)
    assert (error.file, error.line) == (str(path), 2)
    assert (
        error.reason == "8012345678905: variant 44012345678906 price: 'nineteen' is not an amount"
    )
    assert isinstance(holder, Listing) and holder.external_id == "8012345678906"
    assert holder.images == (
        "https://cdn.shopify.com/s/files/1/0000/0001/products/card-holder.jpg",
    )


def test_ajax_product_js_in_cents(fixtures_own: Path) -> None:
    account, listing = parse_file(
        fixtures_own / "shopify" / "www.shop.example.com__red-rain-coat.js"
    )
    assert isinstance(account, Account) and account.external_id == "shop.example.com"
    assert isinstance(listing, Listing)
    assert listing.external_id == "329678821"
    assert listing.title == "Red Rain Coat"
    assert listing.text == "Lorem Ipsum."
    assert listing.url == "https://shop.example.com/products/red-rain-coat"
    assert listing.images == (
        "https://cdn.shopify.com/s/files/1/0040/7092/products/red-rain-coat.jpeg?v=1402604893",
    )
    assert listing.extra["price"] == "129.00"
    assert listing.extra["product_type"] == "Coat"
    assert listing.extra["tags"] == ["Spring"]
    assert "compare_at_price" not in listing.extra


def test_single_product_json_with_comma_tags() -> None:
    product = {
        "id": 632910392,
        "title": "IPod Nano - 8GB",
        "handle": "ipod-nano",
        "tags": "Emotive, Flash Memory, MP3",
        "variants": [{"id": 808950810, "price": "199.00"}],
        "images": [{"src": "https://cdn.shopify.com/s/files/1/0006/9093/3842/products/ipod.jpg"}],
    }
    payload = json.dumps({"product": product}).encode()
    [listing] = parse(payload, "ipod.json")
    assert isinstance(listing, Listing)
    assert listing.external_id == "632910392"
    assert listing.extra["tags"] == ["Emotive", "Flash Memory", "MP3"]
    assert listing.extra["price"] == "199.00"


@pytest.mark.parametrize(
    ("source", "domain"),
    [
        ("/data/shop.example.com__products.json", "shop.example.com"),
        ("WWW.Shop.Example.com__products.json", "shop.example.com"),
        ("https://brand.myshopify.com/products.json?page=2", "brand.myshopify.com"),
        ("theme-scripts__product-object.json", None),
        ("products.json", None),
        ("/data/shop.example.com/products.json", None),
        ("127.0.0.1__products.json", None),
    ],
)
def test_store_domain(source: str, domain: str | None) -> None:
    assert store_domain(source) == domain


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<!DOCTYPE html>", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b'"x"', "not a Shopify storefront product response (not an object)"),
        (b'{"errors": "Not Found"}', "Shopify error: Not Found"),
        (
            b'{"status": 404, "message": "Not Found", "description": "No product"}',
            "Shopify error 404: No product",
        ),
        (
            b'{"items": [], "token": "t"}',
            "not a Shopify storefront product response (keys: items, token)",
        ),
    ],
)
def test_not_a_product_payload(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(payload, "p.json")
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("product", "reason"),
    [
        ([], "product is not a JSON object"),
        ({"id": "1", "handle": "a"}, "id: must be a whole number, got '1'"),
        ({"id": 1}, "1: handle: required field is missing"),
        ({"id": 1, "handle": "a", "variants": [3]}, "1: variant 1 is not a JSON object"),
        (
            {"id": 1, "handle": "a", "variants": [{"id": 2, "price": "-1"}]},
            "1: variant 2 price: '-1' is not an amount",
        ),
    ],
)
def test_bad_products(product: object, reason: str) -> None:
    [error] = parse(json.dumps({"products": [product]}).encode(), "p.json")
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (1, reason)
