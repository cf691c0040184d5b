"""Import canonical files: validate each record, store images by hash, upsert in batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError

from hallmark.channels.base import Channel, Parsed
from hallmark.channels.canonical import ParsedRecord, read_records
from hallmark.channels.fetch import SafeClient
from hallmark.config import Settings
from hallmark.domain import Account
from hallmark.errors import FetchRefused, ImageRejected, ImportRecordError, PayloadError
from hallmark.evidence.images import ImageInfo, check_image, download_image
from hallmark.store import Store, Workspace
from hallmark.store.accounts import upsert_accounts
from hallmark.store.dialect import hold_listing_writes
from hallmark.store.listings import Counts, PreparedListing, upsert_listings
from hallmark.store.tables import images as images_table

BATCH = 1000


@dataclass
class ImportReport:
    """Counts of one import, and every rejected record."""

    counts: Counts = field(default_factory=Counts)
    rejected: list[ImportRecordError] = field(default_factory=list)

    def summary(self) -> str:
        c = self.counts
        return f"{c.new} new, {c.changed} changed, {c.unchanged} unchanged, {len(self.rejected)} rejected"


class _Batch:
    def __init__(self) -> None:
        self.listings: list[PreparedListing] = []
        self.accounts: list[Account] = []
        self.images: dict[str, ImageInfo] = {}
        self.lines: list[int] = []  # the line of each listing, then of each account
        self.http: SafeClient | None = None

    def __len__(self) -> int:
        return len(self.listings) + len(self.accounts)

    def single(self) -> list[tuple[int, _Batch]]:
        """One batch per record, with its line, for finding the record the database refuses."""
        parts: list[tuple[int, _Batch]] = []
        lines = iter(self.lines)
        for item in self.listings:
            part = _Batch()
            part.http = self.http
            part.listings.append(item)
            part.images = {
                i["sha256"]: self.images[i["sha256"]] for i in item.images if "sha256" in i
            }
            parts.append((next(lines), part))
        for account in self.accounts:
            part = _Batch()
            part.accounts.append(account)
            parts.append((next(lines), part))
        return parts


def import_file(
    store: Store,
    workspace: Workspace,
    path: Path,
    settings: Settings,
    *,
    on_error: Callable[[ImportRecordError], None] = lambda e: None,
    on_progress: Callable[[int], None] = lambda n: None,
) -> ImportReport:
    """Import `path`; bad records are reported through `on_error` and skipped."""
    report = ImportReport()
    if path.stat().st_size == 0:
        error = ImportRecordError(str(path), 1, "the file is empty: no records to import")
        report.rejected.append(error)
        on_error(error)
        return report
    batch = _Batch()
    for result in read_records(path, max_line_bytes=settings.max_line_bytes):
        if isinstance(result, ImportRecordError):
            report.rejected.append(result)
            on_error(result)
            continue
        try:
            _add(batch, result, path, store, settings)
        except ImportRecordError as error:
            report.rejected.append(error)
            on_error(error)
            continue
        if len(batch) >= BATCH:
            _flush_reporting(store, workspace, batch, path, report, on_error)
            on_progress(len(batch))
            batch = _Batch()
    if len(batch):
        _flush_reporting(store, workspace, batch, path, report, on_error)
        on_progress(len(batch))
    return report


def _flush_reporting(
    store: Store,
    workspace: Workspace,
    batch: _Batch,
    path: Path,
    report: ImportReport,
    on_error: Callable[[ImportRecordError], None],
) -> None:
    """Store a batch; if the database refuses it, store record by record and reject the
    ones it refuses, so one bad record never costs the good ones."""
    try:
        report.counts.add(_flush(store, workspace, batch))
        return
    except SQLAlchemyError:
        pass
    for line, part in batch.single():
        try:
            report.counts.add(_flush(store, workspace, part))
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            error = ImportRecordError(str(path), line, f"refused by the database: {reason}")
            report.rejected.append(error)
            on_error(error)


def import_native(
    store: Store,
    workspace: Workspace,
    path: Path,
    channel: Channel,
    settings: Settings,
    *,
    on_error: Callable[[ImportRecordError], None] = lambda e: None,
    on_progress: Callable[[int], None] = lambda n: None,
) -> ImportReport:
    """Import a payload in a platform's own format through its channel."""
    size = path.stat().st_size
    if size > settings.max_payload_bytes:
        raise PayloadError(
            str(path), f"{size:,} bytes, over the limit of {settings.max_payload_bytes:,}"
        )
    # the payload was captured when it was saved
    captured = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    parsed = channel.parse(path.read_bytes(), source=str(path), captured_at=captured)
    return import_parsed(
        store, workspace, parsed, path, settings, on_error=on_error, on_progress=on_progress
    )


def import_parsed(
    store: Store,
    workspace: Workspace,
    parsed: Iterable[Parsed],
    path: Path,
    settings: Settings,
    *,
    on_error: Callable[[ImportRecordError], None] = lambda e: None,
    on_progress: Callable[[int], None] = lambda n: None,
    images_from: SafeClient | None = None,
) -> ImportReport:
    """Store what a channel parsed; `path` names the source in errors (and is the folder
    local image paths are relative to). With `images_from`, image urls are downloaded
    through that safe client, checked and stored by hash; one that is refused stays a
    reference with the reason, and its listing is kept."""
    report = ImportReport()
    batch = _Batch()
    batch.http = images_from
    for position, result in enumerate(parsed, 1):
        if isinstance(result, ImportRecordError):
            report.rejected.append(result)
            on_error(result)
            continue
        try:
            _add(batch, ParsedRecord(position, result), path, store, settings)
        except ImportRecordError as error:
            report.rejected.append(error)
            on_error(error)
            continue
        if len(batch) >= BATCH:
            _flush_reporting(store, workspace, batch, path, report, on_error)
            on_progress(len(batch))
            batch = _Batch()
    if len(batch):
        _flush_reporting(store, workspace, batch, path, report, on_error)
        on_progress(len(batch))
    return report


def _add(batch: _Batch, parsed: ParsedRecord, path: Path, store: Store, settings: Settings) -> None:
    record = parsed.record
    if isinstance(record, Account):
        batch.accounts.append(record)
        batch.lines.append(parsed.line)
        return
    refs = [_image_ref(ref, path, parsed.line, store, settings, batch) for ref in record.images]
    batch.listings.append(PreparedListing(record, refs))
    batch.lines.insert(len(batch.listings) - 1, parsed.line)


def _image_ref(
    ref: str, path: Path, line: int, store: Store, settings: Settings, batch: _Batch
) -> dict[str, Any]:
    if ref.startswith(("http://", "https://")):
        if batch.http is None:
            return {"url": ref}
        try:
            data, info = download_image(
                batch.http,
                ref,
                max_bytes=settings.max_image_bytes,
                max_pixels=settings.max_image_pixels,
            )
        except (ImageRejected, FetchRefused) as exc:
            return {"url": ref, "refused": str(exc)}
        digest = store.blobs.put(data)
        batch.images[digest] = info
        return {"url": ref, "sha256": digest}
    if ref.startswith("sha256:"):
        digest = ref.removeprefix("sha256:")
        if not store.blobs.has(digest):
            raise ImportRecordError(str(path), line, f"image {ref!r}: no such blob in this store")
        data = store.blobs.get(digest)
        batch.images[digest] = _checked(data, ref, path, line, settings)
        return {"ref": ref, "sha256": digest}
    folder = path.parent.resolve()
    local = (folder / ref).resolve()
    if not local.is_relative_to(folder):
        raise ImportRecordError(str(path), line, f"image {ref!r}: outside the folder of the file")
    if not local.is_file():
        raise ImportRecordError(str(path), line, f"image {ref!r}: file not found")
    size = local.stat().st_size
    if size > settings.max_image_bytes:
        reason = f"{size:,} bytes exceeds the limit of {settings.max_image_bytes:,}"
        raise ImportRecordError(str(path), line, f"image {ref!r}: {reason}")
    data = local.read_bytes()
    info = _checked(data, ref, path, line, settings)
    digest = store.blobs.put(data)
    batch.images[digest] = info
    return {"ref": ref, "sha256": digest}


def _checked(data: bytes, ref: str, path: Path, line: int, settings: Settings) -> ImageInfo:
    try:
        return check_image(
            data, max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels
        )
    except ImageRejected as exc:
        raise ImportRecordError(str(path), line, f"image {ref!r}: {exc}") from None


def _flush(store: Store, workspace: Workspace, batch: _Batch) -> Counts:
    now = store.clock()
    counts = Counts()
    with store.transaction() as conn:
        hold_listing_writes(conn, workspace.id)
        _store_images(conn, workspace, batch.images, now)
        counts.add(upsert_accounts(conn, workspace, batch.accounts, now))
        named = {(a.platform, a.external_id) for a in batch.accounts}
        stubs = [
            Account(platform=item.listing.platform, external_id=item.listing.account)
            for item in batch.listings
            if item.listing.account and (item.listing.platform, item.listing.account) not in named
        ]
        upsert_accounts(conn, workspace, stubs, now, stub=True)
        counts.add(upsert_listings(conn, workspace, batch.listings, now))
    return counts


def _store_images(conn: Any, workspace: Workspace, found: dict[str, ImageInfo], now: Any) -> None:
    if not found:
        return
    present = set(
        conn.execute(
            select(images_table.c.sha256).where(
                images_table.c.workspace_id == workspace.id, images_table.c.sha256.in_(list(found))
            )
        ).scalars()
    )
    rows = [
        {
            "workspace_id": workspace.id,
            "sha256": digest,
            "bytes": info.bytes,
            "width": info.width,
            "height": info.height,
            "format": info.format,
            "created_at": now,
        }
        for digest, info in found.items()
        if digest not in present
    ]
    if rows:
        conn.execute(insert(images_table), rows)
