"""Golden files: each detector's signals on fixed listings, and the catalogue meta-test.

Regenerate after a deliberate change with HALLMARK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hallmark.detect import BrandIndex, build_detectors, detector_classes
from hallmark.score import Rules
from hallmark.testing import make_brand, make_listing

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
INPUTS = [
    {"title": "Сartier Love bracelet replica 1:1", "price": "29.99", "account": "A2GLAMSTEEL"},
    {"title": "C a r t i e r screw bangle, DM for price", "kind": "post", "account": "luxe.vault"},
    {"title": "Cartier Love bracelet", "price": "6900", "account": "A1OFFICIAL"},
    {"title": "Pre-owned Cartier Love bracelet with receipt", "price": "4500", "account": "resale"},
    {"title": "Flat for rent on Cartier Street", "price": "900", "account": "landlord"},
    {"title": "高仿卡地亚手镯 一比一", "price": "120", "currency": "CNY", "account": "shop88"},
    {"title": "Gold Screw Bangle Bracelet", "price": "29.99", "account": "A2GLAMSTEEL"},
    {"title": "V@lentino Rockstud pumps dupe", "price": "39", "account": "shoes4u"},
]


@pytest.fixture(scope="module")
def index(rules: Rules) -> BrandIndex:
    return BrandIndex(
        [
            make_brand(aliases=("卡地亚",), negative_contexts=("cartier street",)),
            make_brand(
                "Valentino", ("VALENTINO",), product="Rockstud pump", category="pumps", floor="300"
            ),
        ],
        rules,
    )


def listings() -> list:  # type: ignore[type-arg]
    out = []
    for i, fields in enumerate(INPUTS):
        options = dict(fields)
        out.append(make_listing(options.pop("title"), external_id=f"G{i}", **options))
    return out


@pytest.mark.parametrize("name", list(detector_classes()))
def test_golden(name: str, index: BrandIndex) -> None:
    [detector] = build_detectors([name])
    actual = [
        {
            "listing": s.listing_key[1],
            "kind": s.kind,
            "brand": s.brand,
            "strength": round(s.strength, 4),
            "explanation": s.explanation,
            "evidence": s.evidence,
        }
        for s in detector.detect(listings(), index)
    ]
    path = GOLDEN / f"{name}.json"
    if os.environ.get("HALLMARK_UPDATE_GOLDEN"):
        path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert actual == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(detector_classes()))
def test_every_detector_has_tests_golden_and_docs(name: str) -> None:
    cls = detector_classes()[name]
    assert (GOLDEN / f"{name}.json").is_file()
    tests = " ".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "tests").rglob("test_*.py")
        if p.name != "test_golden.py"
    )
    assert cls.__name__ in tests, f"no test names {cls.__name__}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| `{name}` |" in readme, f"README's detector table has no line for {name}"
    assert set(cls.Options.model_fields) == {
        f for f in cls.Options.model_fields if cls.Options.model_fields[f].description
    }
