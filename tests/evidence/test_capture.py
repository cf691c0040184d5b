"""Capturing fetched exchanges and imported files: WARC records, blobs, capture rows."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from hallmark.channels.fetch import USER_AGENT, Fetched
from hallmark.errors import NotFound
from hallmark.evidence.capture import capture_fetch, capture_import, warc_root
from hallmark.evidence.verify import WarcMismatch, verify_warcs
from hallmark.store import Store, Workspace
from hallmark.store.captures import find_capture, get_capture, list_captures
from hallmark.store.tables import captures, events
from tests.conftest import NOW

AT = datetime(2026, 11, 24, 8, 30, 15, 250000, tzinfo=UTC)
BODY = b"<html><head><title>Gold Screw Bangle</title></head><body>29.99</body></html>"
FETCHED = Fetched(
    url="https://shop.example/products/ab-123?ref=feed",
    status=200,
    headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
    body=BODY,
    wire_bytes=61,
)


def sha256_b32(data: bytes) -> str:
    return "sha256:" + base64.b32encode(hashlib.sha256(data).digest()).decode()


def count(store: Store, table: object) -> int:
    with store.transaction() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def blobs(store: Store) -> list[Path]:
    return sorted(p for p in store.blobs.root.glob("??/??/*") if p.is_file())


def records(path: Path) -> list[tuple[str, dict[str, str], str | None, bytes, int, int]]:
    """(type, WARC headers, HTTP status line, content, offset, length) of each record,
    with every digest checked by warcio."""
    found = []
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle, check_digests="raise")
        for record in iterator:
            content = record.content_stream().read()
            status = None if record.http_headers is None else record.http_headers.statusline
            found.append(
                (
                    record.rec_type,
                    dict(record.rec_headers.headers),
                    status,
                    content,
                    iterator.get_record_offset(),
                    iterator.get_record_length(),
                )
            )
            assert record.digest_checker.passed is True
    return found


def test_a_fetch_is_written_as_request_and_response_records(
    store: Store, workspace: Workspace
) -> None:
    capture = capture_fetch(store, workspace, FETCHED, "webstore", AT, actor="alice")

    assert (capture.kind, capture.url_or_path, capture.channel) == (
        "fetch",
        FETCHED.url,
        "webstore",
    )
    assert (capture.captured_at, capture.created_at, capture.actor) == (AT, NOW, "alice")
    assert capture.status == 200
    assert capture.headers == {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Encoding": "gzip",
    }
    assert capture.sha256 == hashlib.sha256(BODY).hexdigest()
    assert capture.image_sha256s == ()
    assert store.blobs.get(capture.sha256) == BODY
    assert capture.warc_file == "hallmark-20261124.warc.gz"
    path = warc_root(store) / capture.warc_file
    assert (capture.warc_offset, capture.warc_length) == (0, path.stat().st_size)

    [response, request] = records(path)
    assert response[0] == "response"
    assert response[1]["WARC-Target-URI"] == FETCHED.url
    assert response[1]["WARC-Date"] == "2026-11-24T08:30:15.250000Z"
    assert response[1]["WARC-Payload-Digest"] == sha256_b32(BODY)
    assert response[2] == "200 OK"
    assert response[3] == BODY
    assert response[4] == 0
    assert request[0] == "request"
    assert request[1]["WARC-Target-URI"] == FETCHED.url
    assert request[1]["WARC-Date"] == "2026-11-24T08:30:15.250000Z"
    assert request[1]["WARC-Concurrent-To"] == response[1]["WARC-Record-ID"]
    assert request[2] == "/products/ab-123?ref=feed HTTP/1.1"
    assert request[4] == response[5]
    assert response[5] + request[5] == capture.warc_length

    # the body is stored decoded, so the wire encoding is kept under another name
    with path.open("rb") as handle:
        first = next(iter(ArchiveIterator(handle)))
        assert first.http_headers.get_header("Content-Encoding") is None
        assert first.http_headers.get_header("X-Hallmark-Wire-Content-Encoding") == "gzip"
        assert first.http_headers.get_header("Content-Length") == str(len(BODY))
    with path.open("rb") as handle:
        second = list(ArchiveIterator(handle))[1]
        assert second.http_headers.get_header("User-Agent") == USER_AGENT
        assert second.http_headers.get_header("Host") == "shop.example"

    with store.transaction() as conn:
        [event] = conn.execute(select(events).where(events.c.name == "capture.recorded")).all()
    assert (event.subject_type, event.subject_id, event.workspace_id) == (
        "capture",
        capture.id,
        workspace.id,
    )
    assert event.payload["sha256"] == capture.sha256


def test_capturing_the_same_bytes_twice_stores_one_blob_and_one_capture(
    store: Store, workspace: Workspace
) -> None:
    first = capture_fetch(store, workspace, FETCHED, "webstore", AT, actor="alice")
    size = (warc_root(store) / first.warc_file).stat().st_size
    later = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    again = capture_fetch(store, workspace, FETCHED, "webstore", later, actor="bob")

    assert again == first
    assert len(blobs(store)) == 1
    assert count(store, captures) == 1
    assert count(store, events) == 1
    assert sorted(p.name for p in warc_root(store).iterdir()) == [first.warc_file]
    assert (warc_root(store) / first.warc_file).stat().st_size == size

    # other bytes from the same url are a new capture, appended after the first
    changed = Fetched(FETCHED.url, 200, dict(FETCHED.headers), BODY + b"<!-- -->", 70)
    second = capture_fetch(store, workspace, changed, "webstore", AT, actor="alice")
    assert second.id != first.id
    assert (second.warc_file, second.warc_offset) == (first.warc_file, size)
    assert len(blobs(store)) == 2
    assert count(store, captures) == 2


def test_an_imported_file_round_trips(store: Store, workspace: Workspace, tmp_path: Path) -> None:
    data = b'{"platform": "amazon", "external_id": "B0C1234567"}\n'
    source = tmp_path / "export" / "listings.jsonl"
    source.parent.mkdir()
    source.write_bytes(data)

    capture = capture_import(store, workspace, source, "amazon", AT, "bob")

    assert (capture.kind, capture.url_or_path, capture.channel, capture.actor) == (
        "import",
        str(source.resolve()),
        "amazon",
        "bob",
    )
    assert (capture.status, capture.headers, capture.captured_at) == (None, None, AT)
    assert capture.sha256 == hashlib.sha256(data).hexdigest()
    assert store.blobs.get(capture.sha256) == data
    [resource] = records(warc_root(store) / capture.warc_file)
    assert resource[0] == "resource"
    assert resource[1]["WARC-Target-URI"] == "file:///listings.jsonl"
    assert resource[1]["WARC-Date"] == "2026-11-24T08:30:15.250000Z"
    assert resource[1]["WARC-Payload-Digest"] == sha256_b32(data)
    assert resource[3] == data
    assert (resource[4], resource[5]) == (capture.warc_offset, capture.warc_length)

    assert capture_import(store, workspace, source, "amazon", AT, "carol") == capture
    assert count(store, captures) == 1
    with store.transaction() as conn:
        assert get_capture(conn, workspace, capture.id) == capture
        assert list_captures(conn, workspace, channel="amazon") == [capture]
        assert list_captures(conn, workspace, channel="ebay") == []


def test_captures_of_one_workspace_are_invisible_from_another(
    store: Store, workspace: Workspace
) -> None:
    other = store.workspace("globex")
    mine = capture_fetch(store, workspace, FETCHED, "webstore", AT, actor="alice")
    with store.transaction() as conn:
        assert list_captures(conn, other) == []
        assert find_capture(conn, other, "fetch", FETCHED.url, mine.sha256) is None
        with pytest.raises(NotFound):
            get_capture(conn, other, mine.id)

    theirs = capture_fetch(store, other, FETCHED, "webstore", AT, actor="eve")
    assert theirs.id != mine.id
    assert theirs.workspace_id == other.id
    assert len(blobs(store)) == 1  # the blob store is shared, by content
    with store.transaction() as conn:
        assert list_captures(conn, workspace) == [mine]
        assert list_captures(conn, other) == [theirs]


def test_verify_finds_a_flipped_byte_in_a_gzip_warc_record(
    store: Store, workspace: Workspace
) -> None:
    first = capture_fetch(store, workspace, FETCHED, "webstore", AT, actor="alice")
    other = Fetched("https://shop.example/products/cd-456", 200, {}, b"<html>other</html>", 18)
    second = capture_fetch(store, workspace, other, "webstore", AT, actor="alice")
    path = warc_root(store) / first.warc_file
    assert list(verify_warcs(warc_root(store))) == [1, 2, 3, 4]

    # rewrite the gzip member of the first response with one payload byte flipped
    raw = path.read_bytes()
    response_length = _member_length(raw, first.warc_offset)
    member = gzip.decompress(raw[:response_length])
    at = member.index(BODY) + 10
    flipped = bytearray(member)
    flipped[at] ^= 0x01
    path.write_bytes(gzip.compress(bytes(flipped)) + raw[response_length:])

    found = list(verify_warcs(warc_root(store)))
    mismatches = [m for m in found if isinstance(m, WarcMismatch)]
    assert [int(n) for n in found if isinstance(n, int)][-1] == 4
    assert len(mismatches) == 1
    [bad] = mismatches
    assert (bad.path, bad.offset, bad.record_type, bad.uri) == (path, 0, "response", FETCHED.url)
    assert "payload digest failed" in bad.problem
    assert second.warc_offset > 0


def test_verify_finds_a_flipped_compressed_byte_and_reads_on(
    store: Store, workspace: Workspace
) -> None:
    capture_fetch(store, workspace, FETCHED, "webstore", AT, actor="alice")
    other = Fetched("https://shop.example/products/cd-456", 200, {}, b"<html>other</html>", 18)
    second = capture_fetch(store, workspace, other, "webstore", AT, actor="alice")
    path = warc_root(store) / second.warc_file
    raw = bytearray(path.read_bytes())
    # a byte in the deflate data of the second capture's response record
    raw[second.warc_offset + 40] ^= 0x01
    path.write_bytes(bytes(raw))

    found = list(verify_warcs(warc_root(store)))
    mismatches = [m for m in found if isinstance(m, WarcMismatch)]
    assert len(mismatches) == 1
    [bad] = mismatches
    assert (bad.path, bad.offset) == (path, second.warc_offset)
    # the first capture's two records and the second's request record still check out
    assert [n for n in found if isinstance(n, int)] == [1, 2, 3]


def test_verify_finds_a_flipped_byte_in_an_uncompressed_warc(tmp_path: Path) -> None:
    root = tmp_path / "warc"
    root.mkdir()
    path = root / "plain.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for name, payload in [("a.txt", b"first payload"), ("b.txt", b"second payload")]:
            writer.write_record(
                writer.create_warc_record(
                    f"file:///{name}",
                    "resource",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    warc_content_type="text/plain",
                )
            )
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        offsets = []
        for _ in iterator:
            offsets.append(iterator.get_record_offset())
    raw = bytearray(path.read_bytes())
    raw[raw.index(b"second payload") + 3] ^= 0x01
    path.write_bytes(bytes(raw))

    found = list(verify_warcs(root))
    assert found[0] == 1
    [bad] = [m for m in found if isinstance(m, WarcMismatch)]
    assert (bad.path, bad.offset, bad.record_type, bad.uri) == (
        path,
        offsets[1],
        "resource",
        "file:///b.txt",
    )
    assert "digest failed" in bad.problem


def _member_length(raw: bytes, offset: int) -> int:
    """The length of the gzip member starting at `offset`."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    inflater.decompress(raw[offset:])
    return len(raw) - offset - len(inflater.unused_data)
