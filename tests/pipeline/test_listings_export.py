"""`listings export` writes the canonical format; importing an export changes nothing."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from hallmark.config import Settings
from hallmark.pipeline.importer import import_file
from hallmark.store import Store, Workspace
from hallmark.store.listings import export_records

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
RECORD = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["listing", "post"]),
        "platform": st.sampled_from(["amazon", "ebay", "instagram", "x"]),
        "external_id": st.text(alphabet="abcdefXYZ0123456789", min_size=1, max_size=12),
        "title": TEXT,
        "text": TEXT,
        "hashtags": st.lists(TEXT, max_size=3),
        "price": st.decimals(min_value=0, max_value=Decimal("99999"), places=2),
        "account": st.text(alphabet="abc123._", min_size=1, max_size=10),
        "captured_at": st.sampled_from(["2026-11-01T12:00:00Z", "2026-11-02T08:30:00+02:00"]),
    }
)


def export_all(store: Store, workspace: Workspace) -> list[dict[str, object]]:
    with store.transaction() as conn:
        return list(export_records(conn, workspace))


def write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


@settings(max_examples=25)
@given(
    st.lists(RECORD, min_size=1, max_size=6, unique_by=lambda r: (r["platform"], r["external_id"]))
)
def test_importing_an_export_changes_nothing(
    sqlite_template: Path, tmp_path_factory, records
) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import _sqlite_store

    folder = tmp_path_factory.mktemp("roundtrip")
    store = _sqlite_store(sqlite_template, folder)
    workspace = store.workspace("w")
    for record in records:
        record["url"] = f"https://shop.test/{record['external_id']}"
        record["currency"] = "EUR"
    first = import_file(store, workspace, write(folder / "in.jsonl", records), Settings())
    assert first.rejected == []
    exported = export_all(store, workspace)
    again = import_file(store, workspace, write(folder / "out.jsonl", exported), Settings())
    assert (again.counts.new, again.counts.changed, again.rejected) == (0, 0, [])
    assert export_all(store, workspace) == exported
    store.dispose()


def test_export_shape_and_image_references(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(buffer, "PNG")
    (tmp_path / "a.png").write_bytes(buffer.getvalue())
    records = [
        {
            "kind": "account",
            "platform": "amazon",
            "external_id": "A2GLAM",
            "display_name": "Glam",
            "country": "CN",
        },
        {
            "kind": "listing",
            "platform": "amazon",
            "external_id": "B1",
            "url": "https://www.amazon.com/dp/B1",
            "account": "A2GLAM",
            "title": "Gold bangle",
            "price": "29.99",
            "currency": "USD",
            "images": ["a.png", "https://m.media-amazon.com/images/I/x.jpg"],
            "captured_at": "2026-11-01T13:00:00+01:00",
        },
    ]
    import_file(store, workspace, write(tmp_path / "in.jsonl", records), Settings())
    exported = export_all(store, workspace)
    assert exported[0] == {
        "kind": "account",
        "platform": "amazon",
        "external_id": "A2GLAM",
        "display_name": "Glam",
        "country": "CN",
        "links": [],
        "contacts": [],
    }
    listing = exported[1]
    assert listing["captured_at"] == "2026-11-01T12:00:00Z" and listing["price"] == "29.99"
    assert str(listing["images"][0]).startswith("sha256:") and listing["images"][1].endswith(
        "x.jpg"
    )
    report = import_file(store, workspace, write(tmp_path / "out.jsonl", exported), Settings())
    assert report.summary() == "0 new, 0 changed, 2 unchanged, 0 rejected"
