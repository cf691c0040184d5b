"""Golden files: each detector's signals on fixed listings, and the catalogue meta-test.

Regenerate after a deliberate change with HALLMARK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hallmark.detect import BrandIndex, build_detectors, detector_classes
from hallmark.detect.base import reads_pictures
from hallmark.score import Rules
from hallmark.testing import make_brand, make_listing, picture_index

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


PICTURES = ROOT / "tests" / "fixtures" / "pictures"
# (title, account, price, pictures): brand-free titles unless the point is the _named kinds
PICTURE_INPUTS = [
    ("Gold bangle for women", "A2GLAMSTEEL", "29.99", ("stolen.jpg",)),
    ("Gold bangle for women", "A1OFFICIAL", "6900", ("stolen.jpg",)),
    ("Cartier Love bracelet", "A2GLAMSTEEL", "29.99", ("stolen.jpg",)),
    ("Luxury bracelet", "shop88", "39", ("innocent.jpg", "logo_scene.jpg")),
    ("Luxury bracelet", "shop88", "39", ("text_photo.jpg",)),
    ("Stud pointed-toe pumps", "shoes4u", "59", ("design_like.jpg",)),
    ("Plain pumps", "shoes4u", "59", ("plain_pump.jpg",)),
    ("Cat poster", "shop88", None, ("innocent.jpg",)),
]


@pytest.fixture(scope="module")
def pictures(rules: Rules) -> tuple[BrandIndex, list]:  # type: ignore[type-arg]
    names = sorted({n for *_, files in PICTURE_INPUTS for n in files})
    references = [
        ("Cartier", "photo", "love.jpg", "Love bracelet", (PICTURES / "official.jpg").read_bytes()),
        ("Cartier", "logo", "logo.png", None, (PICTURES / "logo.png").read_bytes()),
        ("Cartier", "design", "pump.png", "Love bracelet", (PICTURES / "design.png").read_bytes()),
    ]
    index, digests = picture_index(
        [make_brand()], rules, references, {n: (PICTURES / n).read_bytes() for n in names}
    )
    listings = [
        make_listing(
            title, external_id=f"P{i}", account=account, price=price,
            images=tuple(digests[n] for n in files),
        )
        for i, (title, account, price, files) in enumerate(PICTURE_INPUTS)
    ]  # fmt: skip
    return index, listings


def listings() -> list:  # type: ignore[type-arg]
    out = []
    for i, fields in enumerate(INPUTS):
        options = dict(fields)
        out.append(make_listing(options.pop("title"), external_id=f"G{i}", **options))
    return out


@pytest.mark.parametrize("name", list(detector_classes()))
def test_golden(name: str, index: BrandIndex, request: pytest.FixtureRequest) -> None:
    [detector] = build_detectors([name])
    inputs = listings()
    if reads_pictures(detector):
        index, inputs = request.getfixturevalue("pictures")
    actual = [
        {
            "listing": s.listing_key[1],
            "kind": s.kind,
            "brand": s.brand,
            "strength": round(s.strength, 4),
            "explanation": s.explanation,
            "evidence": s.evidence,
        }
        for s in detector.detect(inputs, index)
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
