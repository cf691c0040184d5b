"""The scorer: brand evidence first, strongest per kind, caps, explanations that state facts."""

from __future__ import annotations

import pytest

from hallmark.detect import BrandIndex, build_detectors
from hallmark.domain import Finding, Level, Listing
from hallmark.score import Rules, Scorer
from hallmark.testing import make_brand, make_listing


@pytest.fixture(scope="module")
def index(rules: Rules) -> BrandIndex:
    return BrandIndex([make_brand(negative_contexts=("cartier street",))], rules)


def score(listing: Listing, index: BrandIndex) -> list[Finding]:
    signals = [s for d in build_detectors() for s in d.detect([listing], index)]
    return Scorer(index.rules).score_listing(signals, index.brands)


CASES = [
    # title, price, account, kind, expected (level, risk) or None for no finding
    ("Сartier Love bracelet replica", "29.99", "A2GLAMSTEEL", "listing", ("high", 0.9595)),
    ("Cartier Love bracelet", "29.99", "A2GLAMSTEEL", "listing", ("high", 0.745)),
    ("Cartier Love bracelet", "6900", "A1OFFICIAL", "listing", ("low", 0.15)),
    ("Cartier Love bracelet replica", "6900", "A1OFFICIAL", "listing", ("low", 0.39)),
    (
        "Pre-owned Cartier Love bracelet with receipt",
        "4500",
        "resale.shop",
        "listing",
        ("low", 0.3625),
    ),
    ("Finally got my Cartier!", None, "fan", "post", ("low", 0.15)),
    ("Cartiier bracelet", None, "shop", "post", ("medium", 0.4)),
    ("Gold Screw Bangle Bracelet replica", "29.99", "A2GLAMSTEEL", "listing", None),
    ("Love bracelet gold plated", "12", "shop", "listing", None),
    ("Flat on Cartier Street, replica furniture", "900", "landlord", "listing", ("low", 0.0)),
]


@pytest.mark.parametrize(("title", "price", "account", "kind", "expected"), CASES)
def test_levels(
    index: BrandIndex,
    title: str,
    price: str | None,
    account: str,
    kind: str,
    expected: tuple[str, float] | None,
) -> None:
    findings = score(make_listing(title, price=price, account=account, kind=kind), index)
    if expected is None:
        assert findings == []
        return
    [finding] = findings
    assert (finding.level.label, finding.risk) == expected


def test_naming_the_brand_five_times_counts_once(index: BrandIndex) -> None:
    once = score(make_listing("Cartier bracelet"), index)[0]
    five = score(make_listing("Cartier Cartier Cartier Cartier Cartier bracelet"), index)[0]
    assert five.risk == once.risk


def test_explanation_states_facts_in_order(index: BrandIndex) -> None:
    [finding] = score(
        make_listing("Сartier Love bracelet replica", price="29.99", account="A2GLAMSTEEL"), index
    )
    assert finding.explanation == (
        "The title spells CARTIER with a Cyrillic 'С' for 'C' ('Сartier'). "
        "The title says 'replica' (calls the item a copy). "
        "The price of $29.99 is 1.5% of the $2,000 floor for the Love bracelet. "
        "The seller A2GLAMSTEEL is not an authorized amazon seller of Cartier."
    )
    assert "counterfeit" not in finding.explanation.lower()


def test_authorized_seller_caps_and_is_named(index: BrandIndex) -> None:
    [finding] = score(
        make_listing("Cartier Love bracelet replica", price="6900", account="A1OFFICIAL"), index
    )
    assert finding.level == Level.LOW
    assert "seller.authorized" in finding.exculpatory
    assert "is an authorized amazon seller of Cartier" in finding.explanation


def test_excused_mention_explains_why(index: BrandIndex) -> None:
    [finding] = score(make_listing("Flat on Cartier Street", price="900"), index)
    assert (
        finding.explanation
        == "Mentions CARTIER only in 'Cartier Street', a context the brand lists as unrelated."
    )


def test_per_brand_thresholds(rules: Rules) -> None:
    from dataclasses import replace

    from hallmark.domain import Thresholds

    strict = replace(make_brand(), thresholds=Thresholds(medium=0.1, high=0.5))
    index = BrandIndex([strict], rules)
    [finding] = score(make_listing("Finally got my Cartier!", kind="post"), index)
    assert (finding.level, finding.thresholds) == (Level.MEDIUM, (0.1, 0.5))
    assert finding.rules_version == rules.version
