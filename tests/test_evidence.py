"""`evidence verify` finds a single flipped byte in a stored blob or WARC record;
`evidence show` and `evidence export` give a listing's captures."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from hallmark.channels.fetch import Fetched
from hallmark.cli.main import app
from hallmark.config import Settings
from hallmark.evidence.capture import capture_fetch
from hallmark.pipeline.importer import import_file
from hallmark.store import open_store
from tests.pipeline.test_import import GOOD, jpeg


def test_a_flipped_byte_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "a.jpg").write_bytes(jpeg((1, 2, 3)))
    (tmp_path / "b.jpg").write_bytes(jpeg((200, 100, 50)))
    data = tmp_path / "l.jsonl"
    data.write_text(json.dumps(dict(GOOD, images=["a.jpg", "b.jpg"])) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(data)]).exit_code == 0
    clean = runner.invoke(app, ["evidence", "verify"])
    # the two images and the imported file itself, which is also one WARC resource record
    assert clean.exit_code == 0
    assert clean.stdout.startswith("3 blob(s) and 1 WARC record(s) in ")
    assert clean.stdout.endswith(" checked, 0 mismatch(es)\n")
    blobs = sorted((tmp_path / "data" / "blobs").glob("??/??/*"))
    [blob, _] = [b for b in blobs if b.read_bytes()[:2] == b"\xff\xd8"]
    content = bytearray(blob.read_bytes())
    content[len(content) // 2] ^= 0x01
    blob.write_bytes(bytes(content))
    dirty = runner.invoke(app, ["evidence", "verify"])
    assert dirty.exit_code == 1
    assert dirty.stdout.startswith("3 blob(s) and 1 WARC record(s) in ")
    assert dirty.stdout.endswith(" checked, 1 mismatch(es)\n")
    assert f"MISMATCH {blob}: stored as {blob.name}" in dirty.stderr


def test_evidence_of_a_listing_is_shown_verified_and_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "a.jpg").write_bytes(jpeg((1, 2, 3)))
    data = tmp_path / "l.jsonl"
    data.write_text(json.dumps(dict(GOOD, images=["a.jpg"])) + "\n", encoding="utf-8")
    runner = CliRunner()
    image = hashlib.sha256(jpeg((1, 2, 3))).hexdigest()

    settings = Settings()
    store = open_store(settings.resolved_database_url(), settings.data_dir)
    workspace = store.workspace("default")
    # imported without the CLI, so that the imported file's own capture stays out of the WARC
    assert import_file(store, workspace, data, settings).counts.new == 1
    page = b"<html><title>Gold Screw Bangle Bracelet</title></html>"
    fetched = Fetched(GOOD["url"], 200, {"Content-Type": "text/html"}, page, len(page))
    at = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    capture = capture_fetch(store, workspace, fetched, "amazon", at, actor="alice")
    elsewhere = Fetched("https://www.amazon.com/dp/B0OTHER000", 200, {}, b"other", 5)
    capture_fetch(store, workspace, elsewhere, "amazon", at, actor="alice")
    store.dispose()

    shown = runner.invoke(app, ["evidence", "show", "amazon", "B0C1234567"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == (
        f"capture {capture.id}  fetch  2026-11-24T09:30:00+00:00  200  {GOOD['url']}  "
        f"sha256:{capture.sha256}  hallmark-20261124.warc.gz@0+{capture.warc_length}  "
        "by alice\n"
        f"image sha256:{image}\n"
    )
    missing = runner.invoke(app, ["evidence", "show", "amazon", "B0NOSUCH00"])
    assert missing.exit_code == 2
    assert "no amazon listing 'B0NOSUCH00'" in missing.stderr

    out = tmp_path / "out"
    exported = runner.invoke(app, ["evidence", "export", "amazon", "B0C1234567", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    assert exported.stdout == f"1 capture(s), 1 image(s) written to {out}\n"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    names = [f["name"] for f in manifest["files"]]
    assert names == ["amazon-B0C1234567.warc.gz", f"images/{image}"]
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["name"]).read_bytes()).hexdigest() == entry["sha256"]
    assert [c["sha256"] for c in manifest["captures"]] == [capture.sha256]
    with (out / "amazon-B0C1234567.warc.gz").open("rb") as handle:
        kinds = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
            for r in ArchiveIterator(handle, check_digests="raise")
        ]
    assert kinds == [("response", GOOD["url"]), ("request", GOOD["url"])]

    clean = runner.invoke(app, ["evidence", "verify"])
    assert clean.exit_code == 0
    assert clean.stdout == "3 blob(s) and 4 WARC record(s) in 1 file(s) checked, 0 mismatch(es)\n"

    # one byte flipped in a blob, and one in the payload of the first WARC record
    blob = tmp_path / "data" / "blobs" / image[:2] / image[2:4] / image
    content = bytearray(blob.read_bytes())
    content[len(content) // 2] ^= 0x01
    blob.write_bytes(bytes(content))
    warc = tmp_path / "data" / "warc" / "hallmark-20261124.warc.gz"
    raw = warc.read_bytes()
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    member = bytearray(inflater.decompress(raw))
    member[member.index(page) + 5] ^= 0x01
    warc.write_bytes(gzip.compress(bytes(member)) + inflater.unused_data)

    dirty = runner.invoke(app, ["evidence", "verify"])
    assert dirty.exit_code == 1
    assert dirty.stdout == "3 blob(s) and 4 WARC record(s) in 1 file(s) checked, 2 mismatch(es)\n"
    assert f"MISMATCH {blob}: stored as {image}" in dirty.stderr
    [line] = [x for x in dirty.stderr.splitlines() if x.startswith(f"MISMATCH {warc}")]
    assert line.startswith(f"MISMATCH {warc} at offset 0 (response {GOOD['url']}): ")
    assert "block digest failed" in line
    assert "payload digest failed" in line


def test_each_redirect_is_a_capture_once_per_target_and_in_the_warc(tmp_path: Path) -> None:
    from hallmark.store.captures import latest_fetches, list_captures

    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "data")
    ws = store.workspace("acme")
    short = "https://bit.ly/3glam"

    def via(location: str | None, final: str, day: int) -> datetime:
        at = datetime(2026, 11, day, 12, tzinfo=UTC)
        hops = ()
        if location is not None:
            hops = (Fetched(short, 301, {"location": location}, b"", 0),)
        capture_fetch(store, ws, Fetched(final, 200, {}, b"<html>shop</html>", 17, hops), "web", at)
        return at

    def warc_size() -> int:
        return sum(p.stat().st_size for p in (tmp_path / "data" / "warc").rglob("*.warc.gz"))

    via("https://one.example/", "https://one.example/", 1)
    size = warc_size()
    via("https://one.example/", "https://one.example/", 2)  # the same redirect again
    assert warc_size() == size
    via("https://two.example/", "https://two.example/", 3)  # the short link now points elsewhere
    via(None, short, 4)  # the short link itself answers 200 for a day...
    via("/shop", "https://bit.ly/shop", 5)  # ...and then redirects again, relatively
    with store.transaction() as conn:
        rows = [
            (c.status, (c.headers or {}).get("location"))
            for c in list_captures(conn, ws)
            if c.url_or_path == short
        ]
        latest = latest_fetches(conn, ws, [short])[short]
    assert rows == [
        (301, "https://one.example/"),
        (301, "https://two.example/"),
        (200, None),
        (301, "/shop"),
    ]
    assert (latest.status, latest.headers["location"]) == (301, "/shop")
    records = []
    for path in sorted((tmp_path / "data" / "warc").rglob("*.warc.gz")):
        with path.open("rb") as stream:
            records += [
                (r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode())
                for r in ArchiveIterator(stream)
                if r.rec_type == "response"
            ]
    assert [status for uri, status in records if uri == short] == ["301", "301", "200", "301"]
