"""brand_mention signals: kind, strength, evidence span and explanation."""

from __future__ import annotations

import pytest

from hallmark.detect import BrandIndex
from hallmark.detect.brand_mention import BrandMention
from hallmark.score import Rules
from hallmark.testing import make_brand, make_listing


@pytest.fixture(scope="module")
def index(rules: Rules) -> BrandIndex:
    return BrandIndex(
        [make_brand(aliases=("卡地亚",), negative_contexts=("cartier street",))], rules
    )


CASES = [
    (
        "Сartier bracelet",
        "homoglyph",
        1.0,
        "The title spells CARTIER with a Cyrillic 'С' for 'C' ('Сartier').",
    ),
    (
        "C@rt1er bangle",
        "leetspeak",
        1.0,
        "The title spells CARTIER with digits or symbols for letters ('C@rt1er').",
    ),
    (
        "C a r t i e r",
        "spaced",
        1.0,
        "The title spells CARTIER with its letters split apart ('C a r t i e r').",
    ),
    ("Cartiier bracelet", "typo", 1.0, "The title writes 'Cartiier', one edit from CARTIER."),
    ("卡地亚手镯", "alias", 1.0, "The title names CARTIER in another script ('卡地亚')."),
    (
        "cartierbangle sale",
        "compound",
        1.0,
        "The title runs CARTIER into other words ('cartierbangle').",
    ),
    ("Cartier bracelet", "exact", 1.0, "The title names CARTIER ('Cartier')."),
    (
        "Flat on Cartier Street",
        "negative_context",
        0.0,
        "Mentions CARTIER only in 'Cartier Street', a context the brand lists as unrelated.",
    ),
]


@pytest.mark.parametrize(("title", "kind", "strength", "explanation"), CASES)
def test_signal(
    index: BrandIndex, title: str, kind: str, strength: float, explanation: str
) -> None:
    [signal] = list(BrandMention().detect([make_listing(title)], index))
    assert (signal.kind, signal.brand, signal.strength, signal.explanation) == (
        kind,
        "Cartier",
        strength,
        explanation,
    )
    evidence = signal.evidence
    assert title[evidence["start"] : evidence["end"]] == evidence["matched"]


def test_hashtags_field_is_searched(index: BrandIndex) -> None:
    listing = make_listing(None, kind="post", hashtags=("cartierlove", "gold"))
    [signal] = list(BrandMention().detect([listing], index))
    assert (signal.kind, signal.evidence["field"], signal.evidence["token"]) == (
        "hashtag",
        "hashtags",
        "#cartierlove",
    )
    assert signal.explanation == "The hashtags use the hashtag '#cartierlove', naming CARTIER."
