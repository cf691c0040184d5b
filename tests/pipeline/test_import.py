"""Import: bad records are reported with file and line and skipped; nothing good is lost."""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from hallmark.config import Settings
from hallmark.pipeline.importer import import_file
from hallmark.store import Store, Workspace
from hallmark.store.tables import accounts, events, images, listing_versions, listings

GOOD = {
    "kind": "listing",
    "platform": "amazon",
    "external_id": "B0C1234567",
    "url": "https://www.amazon.com/dp/B0C1234567",
    "marketplace": "amazon.com",
    "account": "A2GLAMSTEEL",
    "title": "Gold Screw Bangle Bracelet",
    "text": "Stainless steel",
    "price": 29.99,
    "currency": "USD",
    "images": [],
    "links": [],
    "captured_at": "2026-11-01T12:00:00Z",
}


def line(**changes: object) -> str:
    record = dict(GOOD, **changes)
    return json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)


def png_bomb(width: int = 60_000, height: int = 60_000) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg(colour: tuple[int, int, int] = (200, 160, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def count(store: Store, table: object) -> int:
    with store.transaction() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def run(store: Store, workspace: Workspace, path: Path, **settings: object):  # type: ignore[no-untyped-def]
    return import_file(store, workspace, path, Settings(**settings))  # type: ignore[arg-type]


def test_bad_records_are_reported_and_skipped(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "bomb.png").write_bytes(png_bomb())
    (tmp_path / "ok.jpg").write_bytes(jpeg())
    (tmp_path / "big.png").write_bytes(png_bomb(8000, 8000))
    lines = [
        line(external_id="G1"),  # 1 good
        '{"kind": "listing", "platform": "amazon",',  # 2 broken JSON
        line(external_id="G2", url=None),  # 3 listing without url
        line(external_id=12.5),  # 4 float id
        line(external_id="G3", price="abc"),  # 5 price not decimal
        line(external_id="G4", captured_at="2026-11-01T12:00:00"),  # 6 no offset
        line(external_id="G5", platform="myspace"),  # 7 unknown platform
        line(external_id="G6", currency=None),  # 8 price without currency
        line(external_id="G7", images=["bomb.png"]),  # 9 image bomb
        line(external_id="G8", images=["ok.jpg", "big.png"]),  # 10 too many pixels
        "[1, 2]",  # 11 not an object
        line(external_id="G9", kind="video"),  # 12 unknown kind
        line(
            external_id=31415926535897932384626, kind="post", url=None, images=["ok.jpg"]
        ),  # 13 good
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        ("\n".join(lines) + "\n").encode()
        + b'{"kind": "post", "text": "caf\xe9"}\n'
        + line(external_id="G10").encode()
    )
    report = run(store, workspace, path)
    assert report.summary() == "3 new, 0 changed, 0 unchanged, 12 rejected"
    assert [(e.line, e.reason) for e in report.rejected] == [
        (2, "not valid JSON: Expecting property name enclosed in double quotes at column 42"),
        (3, "url: required for a listing"),
        (4, "external_id: a numeric id must be a whole number written without a decimal point"),
        (5, "price: 'abc' is not a decimal number"),
        (6, "captured_at: '2026-11-01T12:00:00' has no UTC offset (add Z or +hh:mm)"),
        (
            7,
            "platform: unknown platform 'myspace'; one of amazon, ebay, etsy, aliexpress, shopify, webstore, "
            "instagram, tiktok, x, pinterest, facebook",
        ),
        (8, "currency: required when a price is given"),
        (
            9,
            "image 'bomb.png': decompression bomb refused: Image size (3600000000 pixels) exceeds limit of "
            "178956970 pixels, could be decompression bomb DOS attack.",
        ),
        (10, "image 'big.png': 8000x8000 = 64,000,000 pixels exceeds the limit of 40,000,000"),
        (11, "a record must be a JSON object"),
        (12, "kind: 'video' is not listing, post or account"),
        (14, "not valid UTF-8 (byte 29 of the line)"),
    ]
    assert all(e.file == str(path) for e in report.rejected)
    with store.transaction() as conn:
        ids = set(conn.execute(select(listings.c.external_id)).scalars())
    assert ids == {"G1", "31415926535897932384626", "G10"}


def test_rejection_list_is_exact(store: Store, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"kind": "post", "platform": "x", "external_id": "1", "text": "caf\xe9", '
        b'"captured_at": "2026-11-01T12:00:00Z"}\n' + line(external_id="OK").encode() + b"\n"
    )
    report = run(store, workspace, path)
    assert [(e.line, e.reason) for e in report.rejected] == [
        (1, "not valid UTF-8 (byte 66 of the line)")
    ]
    assert report.counts.new == 1


def test_a_50_mb_line_is_refused_without_losing_the_next(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(line(external_id="A").encode() + b"\n")
        handle.write(line(external_id="HUGE", text="x" * 50_000_000).encode() + b"\n")
        handle.write(line(external_id="B").encode() + b"\n")
    report = run(store, workspace, path)
    assert report.counts.new == 2
    [error] = report.rejected
    assert error.line == 2
    assert error.reason.startswith("line is 50,000,") and error.reason.endswith(
        "over the limit of 1,048,576"
    )


def test_empty_file(store: Store, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    report = run(store, workspace, path)
    assert [(e.file, e.line, e.reason) for e in report.rejected] == [
        (str(path), 1, "the file is empty: no records to import")
    ]


def test_reimport_changes_nothing_and_versions_changes(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg())
    path = tmp_path / "l.jsonl"
    path.write_text(
        line(images=["a.jpg"])
        + "\n"
        + json.dumps(
            {
                "kind": "account",
                "platform": "amazon",
                "external_id": "A2GLAMSTEEL",
                "display_name": "GlamSteel",
            }
        )
        + "\n"
    )
    assert run(store, workspace, path).summary() == "2 new, 0 changed, 0 unchanged, 0 rejected"
    before = count(store, events)
    assert run(store, workspace, path).summary() == "0 new, 0 changed, 2 unchanged, 0 rejected"
    assert count(store, events) == before
    assert (
        count(store, listings),
        count(store, listing_versions),
        count(store, accounts),
        count(store, images),
    ) == (1, 1, 1, 1)

    path.write_text(line(images=["a.jpg"], captured_at="2026-11-05T12:00:00Z") + "\n")
    assert run(store, workspace, path).summary() == "0 new, 0 changed, 1 unchanged, 0 rejected"
    path.write_text(
        line(images=["a.jpg"], price="24.99", captured_at="2026-11-06T12:00:00Z") + "\n"
    )
    assert run(store, workspace, path).summary() == "0 new, 1 changed, 0 unchanged, 0 rejected"
    with store.transaction() as conn:
        row = conn.execute(select(listings.c.current_version, listings.c.last_seen)).one()
        prices = list(
            conn.execute(
                select(listing_versions.c.price).order_by(listing_versions.c.version)
            ).scalars()
        )
        names = list(conn.execute(select(events.c.name).order_by(events.c.id)).scalars())
    assert row.current_version == 2 and row.last_seen.day == 6
    assert prices == ["29.99", "24.99"]
    assert names == ["account.created", "listing.created", "listing.changed"]
    with store.transaction() as conn:
        [digest] = conn.execute(select(images.c.sha256)).scalars()
    assert store.blobs.get(digest) == (tmp_path / "a.jpg").read_bytes()


def test_csv_with_json_list_cells(store: Store, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text(
        "kind,platform,external_id,url,account,title,price,currency,hashtags,captured_at\n"
        'listing,ebay,1001,https://www.ebay.com/itm/1001,seller1,"Gold bangle, 18k",19.99,USD,"[""gold""]",2026-11-01T12:00:00+01:00\n'
        "listing,ebay,1002,https://www.ebay.com/itm/1002,seller1,Bangle,oops,USD,[],2026-11-01T12:00:00Z\n"
        'post,instagram,1003,,someone,,,,"not json",2026-11-01T12:00:00Z\n',
        encoding="utf-8",
    )
    report = run(store, workspace, path)
    assert report.counts.new == 1
    assert [(e.line, e.reason) for e in report.rejected] == [
        (3, "price: 'oops' is not a decimal number"),
        (4, "column 'hashtags': must hold a JSON array"),
    ]
    with store.transaction() as conn:
        version = conn.execute(select(listing_versions)).one()
    assert (version.title, version.price, version.hashtags) == (
        "Gold bangle, 18k",
        "19.99",
        ["gold"],
    )
    assert version.captured_at.hour in (11,)  # stored as UTC


def test_account_records_update_and_stubs_never_overwrite(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "a.jsonl"
    account = {
        "kind": "account",
        "platform": "amazon",
        "external_id": "A2GLAMSTEEL",
        "display_name": "GlamSteel",
    }
    path.write_text(json.dumps(account) + "\n" + line() + "\n")
    assert run(store, workspace, path).summary() == "2 new, 0 changed, 0 unchanged, 0 rejected"
    path.write_text(json.dumps(dict(account, display_name="Glam Steel Store", country="CN")) + "\n")
    assert run(store, workspace, path).summary() == "0 new, 1 changed, 0 unchanged, 0 rejected"
    path.write_text(line(external_id="OTHER") + "\n")
    run(store, workspace, path)
    with store.transaction() as conn:
        row = conn.execute(select(accounts.c.display_name, accounts.c.country)).one()
    assert tuple(row) == ("Glam Steel Store", "CN")


def test_single_strings_are_taken_for_lists(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        line(hashtags="#gold #bangle, sale", links="https://shop.test/x", images=None) + "\n"
    )
    assert run(store, workspace, path).counts.new == 1
    with store.transaction() as conn:
        version = conn.execute(select(listing_versions)).one()
    assert (version.hashtags, version.links, version.images) == (
        ["#gold", "#bangle", "sale"],
        ["https://shop.test/x"],
        [],
    )


def test_two_captures_in_one_file_reimport_as_unchanged(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "both.jsonl"
    path.write_text(
        line(price="30", captured_at="2026-11-01T12:00:00Z")
        + "\n"
        + line(price="25", captured_at="2026-11-02T12:00:00Z")
        + "\n"
    )
    assert run(store, workspace, path).summary() == "1 new, 1 changed, 0 unchanged, 0 rejected"
    assert run(store, workspace, path).summary() == "0 new, 0 changed, 2 unchanged, 0 rejected"
    older = tmp_path / "older.jsonl"
    older.write_text(line(price="27", captured_at="2026-10-30T12:00:00Z") + "\n")
    assert run(store, workspace, older).summary() == "0 new, 1 changed, 0 unchanged, 0 rejected"
    assert run(store, workspace, older).summary() == "0 new, 0 changed, 1 unchanged, 0 rejected"
    with store.transaction() as conn:
        current = conn.execute(select(listings.c.current_version, listings.c.current_hash)).one()
        versions = conn.execute(
            select(listing_versions.c.version, listing_versions.c.price).order_by(
                listing_versions.c.version
            )
        ).all()
        names = list(conn.execute(select(events.c.name).order_by(events.c.id)).scalars())
    assert [tuple(v) for v in versions] == [(1, "30"), (2, "25"), (3, "27")]
    assert current.current_version == 2  # the older capture is history, the newest stays current
    assert names[-1] == "listing.history_added"


def test_hostile_values_are_rejected_one_by_one(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "outside.jpg").write_bytes(jpeg())
    path = tmp_path / "sub" / "h.jsonl"
    lines = [
        line(external_id="A"),
        line(external_id="B", captured_at="0001-01-01T00:00:00+05:00"),
        '{"kind": "listing", "external_id": ' + "9" * 5000 + "}",
        json.dumps(dict(GOOD, external_id="C", title="bad \ud800 title")),
        line(external_id="D", title="nul \u0000 title"),
        line(external_id="E", price="1e999999"),
        line(external_id="F", currency="[/x]"),
        line(external_id="G", images=["../outside.jpg"]),
        line(external_id="H"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(store, workspace, path)
    assert report.counts.new == 2
    reasons = [(e.line, e.reason.split(":")[0]) for e in report.rejected]
    assert reasons == [
        (2, "captured_at"),
        (3, "not valid JSON"),
        (4, "title"),
        (5, "title"),
        (6, "price"),
        (7, "currency"),
        (8, "image '../outside.jpg'"),
    ]


def test_csv_with_a_repeated_column_is_refused_whole(
    store: Store, workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("kind,platform,external_id,external_id\nlisting,ebay,1,2\n", encoding="utf-8")
    report = run(store, workspace, path)
    assert [(e.line, e.reason) for e in report.rejected] == [
        (1, "the header repeats external_id: nothing read")
    ]
    assert report.counts.new == 0


def test_platform_facts_are_kept(store: Store, workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    account = {
        "kind": "account",
        "platform": "ebay",
        "external_id": "s1",
        "url": "https://www.ebay.com/str/s1",
        "extra": {"feedback_score": 1520, "positive_percent": 99.4},
    }
    path.write_text(
        json.dumps(account) + "\n" + line(extra={"sold": 37, "condition": "new"}) + "\n"
    )
    assert run(store, workspace, path).summary() == "2 new, 0 changed, 0 unchanged, 0 rejected"
    assert run(store, workspace, path).summary() == "0 new, 0 changed, 2 unchanged, 0 rejected"
    with store.transaction() as conn:
        assert conn.execute(select(listing_versions.c.extra)).scalar_one() == {
            "sold": 37,
            "condition": "new",
        }
        row = conn.execute(
            select(accounts.c.url, accounts.c.extra).where(accounts.c.external_id == "s1")
        ).one()
    assert tuple(row) == (
        "https://www.ebay.com/str/s1",
        {"feedback_score": 1520, "positive_percent": 99.4},
    )
