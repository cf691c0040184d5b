"""Captures: where and when each piece of evidence was taken, by whom, and its hashes.

A capture is keyed in practice by (workspace, kind, url or path, payload sha256): storing
the same bytes from the same place again returns the capture already stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select

from hallmark.errors import NotFound
from hallmark.store.base import Workspace, as_utc, record_events
from hallmark.store.tables import captures, listing_versions, listings


@dataclass(frozen=True, slots=True)
class NewCapture:
    """A capture to store; its WARC records are already written."""

    kind: str  # "fetch" | "import"
    url_or_path: str
    captured_at: datetime
    channel: str
    sha256: str
    warc_file: str
    warc_offset: int
    warc_length: int
    actor: str
    status: int | None = None
    headers: dict[str, str] | None = None
    image_sha256s: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Capture:
    """A stored capture."""

    id: int
    workspace_id: int
    kind: str
    url_or_path: str
    captured_at: datetime
    status: int | None
    headers: dict[str, str] | None
    channel: str
    sha256: str
    image_sha256s: tuple[str, ...]
    warc_file: str
    warc_offset: int
    warc_length: int
    actor: str
    created_at: datetime


KINDS = ("fetch", "import")


def find_capture(
    conn: Connection, workspace: Workspace, kind: str, url_or_path: str, sha256: str
) -> Capture | None:
    """The capture already stored for these bytes from this place, if any."""
    row = conn.execute(
        select(captures)
        .where(
            captures.c.workspace_id == workspace.id,
            captures.c.kind == kind,
            captures.c.sha256 == sha256,
            captures.c.url_or_path == url_or_path,
        )
        .order_by(captures.c.id)
        .limit(1)
    ).first()
    return None if row is None else _capture(row)


def add_capture(
    conn: Connection,
    workspace: Workspace,
    new: NewCapture,
    *,
    at: datetime,
    same_bytes: bool = True,
) -> tuple[Capture, bool]:
    """Store `new`, or return the capture already stored for it; the flag says it is new.
    With `same_bytes` false the caller has decided it is new although the bytes are not (a
    redirect, whose empty body says nothing of where it pointed)."""
    if new.kind not in KINDS:
        raise ValueError(f"capture kind {new.kind!r} is not one of {KINDS}")
    existing = find_capture(conn, workspace, new.kind, new.url_or_path, new.sha256)
    if existing is not None and same_bytes:
        return existing, False
    capture_id = conn.execute(
        insert(captures)
        .values(
            workspace_id=workspace.id,
            kind=new.kind,
            url_or_path=new.url_or_path,
            captured_at=new.captured_at,
            status=new.status,
            headers=new.headers,
            channel=new.channel,
            sha256=new.sha256,
            image_sha256s=list(new.image_sha256s),
            warc_file=new.warc_file,
            warc_offset=new.warc_offset,
            warc_length=new.warc_length,
            actor=new.actor,
            created_at=at,
        )
        .returning(captures.c.id)
    ).scalar_one()
    record_events(
        conn,
        workspace,
        at,
        [
            (
                "capture.recorded",
                "capture",
                capture_id,
                {
                    "kind": new.kind,
                    "url_or_path": new.url_or_path,
                    "sha256": new.sha256,
                    "images": list(new.image_sha256s),
                    "warc": f"{new.warc_file}@{new.warc_offset}+{new.warc_length}",
                    "actor": new.actor,
                },
            )
        ],
    )
    return get_capture(conn, workspace, capture_id), True


def get_capture(conn: Connection, workspace: Workspace, capture_id: int) -> Capture:
    row = conn.execute(
        select(captures).where(captures.c.workspace_id == workspace.id, captures.c.id == capture_id)
    ).first()
    if row is None:
        raise NotFound(f"no capture {capture_id} in workspace {workspace.name!r}")
    return _capture(row)


def list_captures(
    conn: Connection, workspace: Workspace, *, channel: str | None = None
) -> list[Capture]:
    """Every capture of the workspace (of one channel if given), oldest first."""
    query = select(captures).where(captures.c.workspace_id == workspace.id)
    if channel is not None:
        query = query.where(captures.c.channel == channel)
    return [_capture(row) for row in conn.execute(query.order_by(captures.c.id))]


@dataclass(frozen=True, slots=True)
class ListingEvidence:
    """A listing's captures and the images its versions refer to."""

    listing_id: int
    urls: tuple[str, ...]
    captures: tuple[Capture, ...]
    image_sha256s: tuple[str, ...]


def captures_for_listing(
    conn: Connection, workspace: Workspace, platform: str, external_id: str
) -> ListingEvidence:
    """The fetch captures of `platform` whose url is one of the listing's urls or contains its
    external id. Imported files are not linked to listings yet, so they are not included."""
    listing = conn.execute(
        select(listings.c.id).where(
            listings.c.workspace_id == workspace.id,
            listings.c.platform == platform,
            listings.c.external_id == external_id,
        )
    ).first()
    if listing is None:
        raise NotFound(f"no {platform} listing {external_id!r} in workspace {workspace.name!r}")
    urls: list[str] = []
    images: list[str] = []
    for version in conn.execute(
        select(listing_versions.c.url, listing_versions.c.images)
        .where(
            listing_versions.c.workspace_id == workspace.id,
            listing_versions.c.listing_id == listing.id,
        )
        .order_by(listing_versions.c.version)
    ):
        if version.url and version.url not in urls:
            urls.append(version.url)
        for image in version.images or []:
            digest = image.get("sha256") if isinstance(image, dict) else None
            if digest and digest not in images:
                images.append(digest)
    matches: list[Any] = [captures.c.url_or_path.contains(external_id, autoescape=True)]
    if urls:
        matches.append(captures.c.url_or_path.in_(urls))
    rows = conn.execute(
        select(captures)
        .where(
            captures.c.workspace_id == workspace.id,
            captures.c.kind == "fetch",
            captures.c.channel == platform,
            or_(*matches),
        )
        .order_by(captures.c.id)
    )
    found = tuple(_capture(row) for row in rows)
    for capture in found:
        for digest in capture.image_sha256s:
            if digest not in images:
                images.append(digest)
    return ListingEvidence(listing.id, tuple(urls), found, tuple(images))


def _capture(row: Any) -> Capture:
    return Capture(
        id=row.id,
        workspace_id=row.workspace_id,
        kind=row.kind,
        url_or_path=row.url_or_path,
        captured_at=as_utc(row.captured_at),
        status=row.status,
        headers=row.headers,
        channel=row.channel,
        sha256=row.sha256,
        image_sha256s=tuple(row.image_sha256s or ()),
        warc_file=row.warc_file,
        warc_offset=row.warc_offset,
        warc_length=row.warc_length,
        actor=row.actor,
        created_at=as_utc(row.created_at),
    )


def latest_fetches(
    conn: Connection, workspace: Workspace, urls: Iterable[str]
) -> dict[str, Capture]:
    """The latest fetch capture of each url that has one."""
    wanted = sorted(set(urls))
    found: dict[str, Capture] = {}
    for start in range(0, len(wanted), 400):
        for row in conn.execute(
            select(captures)
            .where(
                captures.c.workspace_id == workspace.id,
                captures.c.kind == "fetch",
                captures.c.url_or_path.in_(wanted[start : start + 400]),
            )
            .order_by(captures.c.captured_at, captures.c.id)
        ):
            found[row.url_or_path] = _capture(row)
    return found
