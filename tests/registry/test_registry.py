"""Brand files: the contract format loads; errors name the file, the field path and the problem."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hallmark.errors import BrandFileError
from hallmark.registry import load_brand_file

CONTRACT = """\
name: Cartier
marks:
  - text: CARTIER
    registrations:
      - "US 0411975"
      - {office: EUIPO, number: "002660480", jurisdiction: EU, classes: [14], expiry: 2031-04-01}
    aliases: ["卡地亚", "カルティエ"]
logos: [logos/cartier.png]
negative_contexts: ["cartier street", "jacques cartier bridge"]
products:
  - name: Love bracelet
    category: bracelet
    list_price: {USD: 6900, EUR: 6400}
    price_floor: {USD: 2000}
    photos: [photos/love-1.jpg]
    designs: [designs/love.png]
authorized_sellers:
  - {platform: amazon, account: A1CARTIEROFFICIAL}
  - {platform: webstore, account: cartier.com}
"""


def write(tmp_path: Path, text: str) -> Path:
    for ref in ("logos/cartier.png", "photos/love-1.jpg", "designs/love.png"):
        (tmp_path / ref).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / ref).write_bytes(b"x")
    path = tmp_path / "brand.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_contract_format_loads(tmp_path: Path) -> None:
    brand, spec = load_brand_file(write(tmp_path, CONTRACT))
    assert brand.name == "Cartier"
    [mark] = brand.marks
    assert [r.label() for r in mark.registrations] == ["US 0411975", "EUIPO 002660480"]
    assert mark.registrations[1].expiry == date(2031, 4, 1)
    assert mark.registrations[1].classes == (14,)
    assert mark.aliases == ("卡地亚", "カルティエ")
    assert brand.products[0].price_floor == {"USD": Decimal(2000)}
    assert brand.is_authorized("amazon", "A1CARTIEROFFICIAL")
    assert not brand.is_authorized("ebay", "A1CARTIEROFFICIAL")
    assert spec["products"][0]["list_price"] == {"USD": "6900", "EUR": "6400"}


ERRORS = [
    (CONTRACT.replace("name: Cartier\n", ""), [("name", "required field is missing")]),
    (
        CONTRACT.replace("platform: amazon", "platform: amazn"),
        [
            (
                "authorized_sellers.0.platform",
                "Value error, unknown platform 'amazn'; one of amazon, ebay, etsy, "
                "aliexpress, shopify, webstore, instagram, tiktok, x, pinterest, facebook",
            )
        ],
    ),
    (
        CONTRACT.replace("USD: 2000", "usd: 2000"),
        [("products.0.price_floor", "Value error, 'usd' is not an ISO 4217 currency code")],
    ),
    (
        CONTRACT.replace('"US 0411975"', '"0411975"'),
        [
            (
                "marks.0.registrations.0",
                "Value error, write a registration as 'OFFICE NUMBER', e.g. 'US 0411975'",
            )
        ],
    ),
    (
        CONTRACT.replace("category: bracelet", "category: bracelet\n    colour: gold")
        + "thresholds: {medium: 0.8, high: 0.5}\n",
        [
            ("products.0.colour", "unknown field"),
            ("thresholds", "Value error, medium must be below high"),
        ],
    ),
    (
        CONTRACT.replace("logos/cartier.png", "logos/missing.png"),
        [("logos.0", "file not found: logos/missing.png")],
    ),
    ("- just a list\n", [("(file)", "must be a mapping with a 'name' and 'marks'")]),
    ("name: [unclosed\n", None),
]


@pytest.mark.parametrize(("text", "problems"), ERRORS)
def test_errors_name_file_path_and_problem(
    tmp_path: Path, text: str, problems: list[tuple[str, str]] | None
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(BrandFileError) as caught:
        load_brand_file(path)
    assert caught.value.file == str(path)
    if problems is None:
        assert caught.value.problems[0][1].startswith("not valid YAML")
    else:
        assert caught.value.problems == problems
    assert str(caught.value).startswith(f"{path}: ")


def test_unknown_fields_alone_are_ignored_with_a_warning(tmp_path: Path) -> None:
    text = (
        CONTRACT.replace("category: bracelet", "category: bracelet\n    colour: gold")
        + "website: cartier.com\n"
    )
    path = write(tmp_path, text)
    warnings: list[str] = []
    brand, spec = load_brand_file(path, warnings)
    assert brand.products[0].category == "bracelet" and "website" not in spec
    assert warnings == [
        f"{path}: products.0.colour: unknown field, ignored",
        f"{path}: website: unknown field, ignored",
    ]
