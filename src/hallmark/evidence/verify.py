"""Re-hash stored evidence and report anything that no longer matches its address:
blobs against their sha256 names, WARC records against their own digest headers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from hallmark.evidence.blobs import BlobStore


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A stored file whose content no longer has the hash it is stored under."""

    path: Path
    expected: str
    actual: str


def verify_blobs(blobs: BlobStore) -> Iterator[Mismatch | int]:
    """Each mismatching blob, and the running count of blobs checked (ints) for progress."""
    if not blobs.root.is_dir():
        return
    checked = 0
    for path in sorted(blobs.root.glob("??/??/*")):
        if path.name.startswith(".tmp-") or not path.is_file():
            continue
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != path.name:
            yield Mismatch(path, path.name, digest.hexdigest())
        checked += 1
        yield checked


@dataclass(frozen=True, slots=True)
class WarcMismatch:
    """A WARC record whose digests fail, or a place in a WARC file that cannot be read."""

    path: Path
    offset: int
    problem: str
    record_type: str | None = None
    uri: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """How much has been checked so far."""

    blobs: int
    warc_records: int
    warc_files: int


def verify_warcs(root: Path) -> Iterator[WarcMismatch | int]:
    """Each failing WARC record (digests re-computed by warcio), and the running count of
    records checked, passing or not (ints). A part of a file that cannot be read is reported at its offset,
    and reading resumes at the next gzip member after it."""
    checked = 0
    for path in warc_files(root):
        for item in verify_warc(path):
            if item is not None:
                yield item
            if item is None or item.record_type is not None:
                checked += 1
                yield checked


def verify(blobs: BlobStore, warc_root: Path) -> Iterator[Mismatch | WarcMismatch | Progress]:
    """Every blob and every WARC record re-hashed: each mismatch, and progress as it goes."""
    checked_blobs = 0
    for item in verify_blobs(blobs):
        if isinstance(item, Mismatch):
            yield item
        else:
            checked_blobs = item
            yield Progress(checked_blobs, 0, 0)
    files = len(warc_files(warc_root))
    yield Progress(checked_blobs, 0, files)
    for record in verify_warcs(warc_root):
        if isinstance(record, WarcMismatch):
            yield record
        else:
            yield Progress(checked_blobs, record, files)


def warc_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_file() and ".warc" in p.name)


def verify_warc(path: Path) -> Iterator[WarcMismatch | None]:
    """One WARC file: each failing record or unreadable place, and None for each record that
    passes."""
    size = path.stat().st_size
    start = 0
    while start < size:
        with path.open("rb") as handle:
            handle.seek(start)
            records = ArchiveIterator(handle, check_digests=True)
            try:
                for record in records:
                    offset = records.offset
                    kind = record.rec_type
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    records.read_to_end()
                    checker = record.digest_checker
                    if checker.problems:
                        yield WarcMismatch(path, offset, "; ".join(checker.problems), kind, uri)
                    elif checker.passed is None:
                        yield WarcMismatch(path, offset, "no digest to check", kind, uri)
                    else:
                        yield None
                return
            except Exception as exc:  # zlib, warcio and parsing errors of a damaged file
                offset = records.offset
                yield WarcMismatch(path, offset, f"unreadable: {type(exc).__name__}: {exc}")
                start = _next_member(path, offset + 1)
                if start < 0:
                    return


def _next_member(path: Path, after: int) -> int:
    """The offset of the next gzip member header at or after `after`, or -1."""
    with path.open("rb") as handle:
        handle.seek(after)
        position, tail = after, b""
        while chunk := handle.read(1 << 20):
            window = tail + chunk
            found = window.find(_GZIP_MAGIC)
            if found >= 0:
                return position - len(tail) + found
            tail = window[-(len(_GZIP_MAGIC) - 1) :]
            position += len(chunk)
    return -1


_GZIP_MAGIC = b"\x1f\x8b\x08"
