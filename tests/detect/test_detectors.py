"""wording, price and seller: table-driven, exact expectations."""

from __future__ import annotations

import pytest

from hallmark.detect import BrandIndex, build_detectors
from hallmark.detect.price import Price
from hallmark.detect.seller import Seller
from hallmark.detect.wording import Wording
from hallmark.domain import Listing, Signal
from hallmark.score import Rules
from hallmark.testing import make_brand, make_listing


@pytest.fixture(scope="module")
def index(rules: Rules) -> BrandIndex:
    return BrandIndex(
        [
            make_brand(),
            make_brand(
                "Valentino",
                ("VALENTINO",),
                product="Rockstud pump",
                category="pumps",
                floor="300",
                list_price="1100",
            ),
        ],
        rules,
    )


def run(detector: object, listing: Listing, index: BrandIndex) -> list[Signal]:
    return list(detector.detect([listing], index))  # type: ignore[attr-defined]


WORDING = [
    ("Cartier bracelet replica", [("replica", "replica")]),
    (
        "Cartier bracelet 1:1 mirror quality AAA",
        [("quality_claim", "1:1"), ("quality_claim", "mirror quality"), ("quality_claim", "AAA")],
    ),
    ("V@lentino dupe, DM for price", [("imitation", "dupe"), ("off_platform", "DM for price")]),
    (
        "Réplica Cartier calidad espejo",
        [("replica", "Réplica"), ("quality_claim", "calidad espejo")],
    ),
    (
        "Contrefaçon? non. Réplique qualité miroir",
        [("replica", "Contrefaçon"), ("replica", "Réplique"), ("quality_claim", "qualité miroir")],
    ),
    ("Nachbildung ohne Logo", [("imitation", "Nachbildung"), ("concealment", "ohne Logo")]),
    ("高仿卡地亚手镯 复刻", [("replica", "高仿"), ("replica", "复刻")]),
    (
        "Inspired by Cartier, logo hidden",
        [("imitation", "Inspired by"), ("concealment", "logo hidden")],
    ),
    ("not a replica, 100% genuine", [("negated", "replica")]),
    ("Pre-owned with receipt", [("provenance", "Pre-owned"), ("provenance", "with receipt")]),
    ("AAA batteries pack of 24", [("quality_claim", "AAA")]),
    ("replicate the look with faux leather", []),
    ("Gold bracelet, genuine 18k", []),
]


@pytest.mark.parametrize(("title", "expected"), WORDING)
def test_wording(index: BrandIndex, title: str, expected: list[tuple[str, str]]) -> None:
    signals = run(Wording(), make_listing(title), index)
    assert [(s.kind, s.evidence["matched"]) for s in signals] == expected
    assert all(s.brand is None for s in signals)


PRICES = [
    # title, price, currency, expected (kind, brand, strength)
    ("Cartier Love bracelet", "29.99", "USD", [("below_floor", "Cartier", 1.0)]),
    ("Cartier Love bracelet", "1000", "USD", [("below_floor", "Cartier", 1.0)]),
    ("Cartier Love bracelet", "1500", "USD", [("below_floor", "Cartier", 0.5)]),
    ("Cartier Love bracelet", "3000", "USD", [("above_floor", "Cartier", 0.0)]),
    ("Cartier Love bracelet", "6900", "USD", [("at_or_above_list", "Cartier", 0.0)]),
    ("Cartier Love bracelet", "25", "EUR", [("below_floor", "Cartier", 1.0)]),
    ("Cartier Love bracelet", "25", "XTS", [("not_compared", "Cartier", 0.0)]),
    ("Plain gold bracelet", "12", "USD", []),
    ("VALENTINO Rockstud pumps", "45", "USD", [("below_floor", "Valentino", 1.0)]),
]


@pytest.mark.parametrize(("title", "price", "currency", "expected"), PRICES)
def test_price(
    index: BrandIndex, title: str, price: str, currency: str, expected: list[tuple[str, str, float]]
) -> None:
    signals = run(Price(), make_listing(title, price=price, currency=currency), index)
    assert [(s.kind, s.brand, round(s.strength, 4)) for s in signals] == expected


def test_price_explanation_quotes_the_numbers(index: BrandIndex) -> None:
    [signal] = run(Price(), make_listing("Cartier Love bracelet", price="29.99"), index)
    assert (
        signal.explanation
        == "The price of $29.99 is 1.5% of the $2,000 floor for the Love bracelet."
    )
    assert signal.evidence["ratio"] == 0.015


def test_price_missing_says_so(index: BrandIndex) -> None:
    [signal] = run(Price(), make_listing("Finally got my Cartier", kind="post"), index)
    assert (signal.kind, signal.strength, signal.explanation) == (
        "no_price",
        0.0,
        "The post gives no price.",
    )


SELLERS = [
    ("amazon", "A1OFFICIAL", "listing", [("authorized", "Cartier", 0.0)]),
    ("amazon", "a1official", "listing", [("unauthorized", "Cartier", 1.0)]),
    ("ebay", "A1OFFICIAL", "listing", [("unauthorized", "Cartier", 1.0)]),
    ("amazon", "A2GLAMSTEEL", "listing", [("unauthorized", "Cartier", 1.0)]),
    ("amazon", None, "listing", [("unauthorized", "Cartier", 0.5)]),
    ("instagram", "fan.account", "post", []),
]


@pytest.mark.parametrize(("platform", "account", "kind", "expected"), SELLERS)
def test_seller(
    index: BrandIndex,
    platform: str,
    account: str | None,
    kind: str,
    expected: list[tuple[str, str, float]],
) -> None:
    listing = make_listing("Cartier bracelet", platform=platform, account=account, kind=kind)
    signals = run(Seller(), listing, index)
    assert [(s.kind, s.brand, s.strength) for s in signals] == expected


def test_seller_needs_the_brand(index: BrandIndex) -> None:
    assert run(Seller(), make_listing("Gold screw bangle"), index) == []


def test_catalogue_lists_each_detector_once() -> None:
    assert [d.name for d in build_detectors()] == [
        "brand_mention",
        "wording",
        "price",
        "seller",
        "stolen_photo",
        "logo",
        "image_text",
        "design",
    ]
    with pytest.raises(Exception, match="unknown detector"):
        build_detectors(["nope"])
