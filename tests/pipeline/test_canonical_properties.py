"""Property tests for the canonical reader: any bytes give records or line-numbered errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hallmark.channels.canonical import ParsedRecord, read_records
from hallmark.domain import Listing
from hallmark.errors import ImportRecordError


@given(st.lists(st.binary(max_size=200).filter(lambda b: b"\n" not in b), max_size=12))
def test_any_bytes_give_a_record_or_an_error_per_nonblank_line(
    tmp_path_factory, lines: list[bytes]
) -> None:  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("p") / "x.jsonl"
    path.write_bytes(b"\n".join(lines))
    results = list(read_records(path, max_line_bytes=150))
    numbers = [r.line for r in results]
    assert numbers == sorted(set(numbers))
    assert all(1 <= n <= max(len(lines), 1) for n in numbers)
    for result in results:
        assert isinstance(result, (ParsedRecord, ImportRecordError))
        if isinstance(result, ImportRecordError):
            assert str(result).startswith(f"{path}:{result.line}: ")


PRICES = st.decimals(
    min_value=0, max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False
)
# text that can be stored: no NUL, no unpaired surrogate (the reader rejects those, tested apart)
STORABLE = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
IDS = st.one_of(
    st.integers(min_value=0, max_value=10**30),
    st.text(alphabet=STORABLE, min_size=1, max_size=30).filter(str.strip),
)


@given(IDS, PRICES, st.text(alphabet=STORABLE, max_size=80))
def test_valid_listings_keep_id_price_and_text_exactly(
    tmp_path_factory, external_id: int | str, price: Decimal, title: str
) -> None:  # type: ignore[no-untyped-def]
    record = {
        "kind": "listing",
        "platform": "ebay",
        "external_id": external_id,
        "url": "https://e.test/1",
        "title": title,
        "price": str(price),
        "currency": "EUR",
        "captured_at": "2026-11-01T12:00:00+01:00",
    }
    path: Path = tmp_path_factory.mktemp("p") / "x.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [result] = list(read_records(path, max_line_bytes=10_000))
    assert isinstance(result, ParsedRecord) and isinstance(result.record, Listing)
    listing = result.record
    assert listing.external_id == str(external_id).strip()
    assert listing.price == price
    assert listing.title == title
    assert listing.captured_at.utcoffset() is not None and listing.captured_at.hour == 11
