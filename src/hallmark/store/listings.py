"""Listings: idempotent upserts keyed by (workspace, platform, external id).

A listing whose content (every field but captured_at) changed gets a new version; an
identical re-capture only moves last_seen forward.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from hallmark.domain import Listing
from hallmark.store.base import Workspace, as_utc, record_events
from hallmark.store.dialect import insert_rows
from hallmark.store.tables import accounts, listing_versions, listings

_CHUNK = 400


@dataclass(slots=True)
class Counts:
    """What an upsert did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    def add(self, other: Counts) -> None:
        self.new += other.new
        self.changed += other.changed
        self.unchanged += other.unchanged


@dataclass(frozen=True, slots=True)
class PreparedListing:
    """A listing ready to store: its images resolved to stored references."""

    listing: Listing
    images: list[dict[str, Any]] = field(default_factory=list)

    def content_hash(self) -> str:
        row = self.row()
        # a local image is its content: where the file lay at import is not part of it
        row["images"] = [{k: v for k, v in image.items() if k != "ref"} for image in self.images]
        return content_digest(row)

    def row(self) -> dict[str, Any]:
        item = self.listing
        return {
            "kind": item.kind,
            "url": item.url,
            "marketplace": item.marketplace,
            "account": item.account,
            "title": item.title,
            "text": item.text,
            "hashtags": list(item.hashtags),
            "price": None if item.price is None else str(item.price),
            "currency": item.currency,
            "images": self.images,
            "links": list(item.links),
            "extra": dict(item.extra),
        }


def upsert_listings(
    conn: Connection, workspace: Workspace, batch: Sequence[PreparedListing], now: datetime
) -> Counts:
    """Store a batch; a key seen twice in the batch is applied in order."""
    counts = Counts()
    pending: dict[tuple[str, str], PreparedListing] = {}
    for item in batch:
        key = (item.listing.platform, item.listing.external_id)
        if key in pending:
            counts.add(_upsert_unique(conn, workspace, list(pending.values()), now))
            pending = {}
        pending[key] = item
    if pending:
        counts.add(_upsert_unique(conn, workspace, list(pending.values()), now))
    return counts


def _upsert_unique(
    conn: Connection, workspace: Workspace, batch: list[PreparedListing], now: datetime
) -> Counts:
    keys = [(p.listing.platform, p.listing.external_id) for p in batch]
    existing = _existing(conn, workspace, keys)
    history = _version_hashes(conn, [found["id"] for found in existing.values()])
    new_rows: list[dict[str, Any]] = []
    new_items: list[tuple[PreparedListing, str]] = []
    changed: list[tuple[PreparedListing, str, dict[str, Any], int, bool]] = []
    seen: list[dict[str, Any]] = []
    for item, key in zip(batch, keys, strict=True):
        digest = item.content_hash()
        captured = item.listing.captured_at
        found = existing.get(key)
        if found is None:
            new_items.append((item, digest))
            new_rows.append(
                {
                    "workspace_id": workspace.id,
                    "platform": key[0],
                    "external_id": key[1],
                    "kind": item.listing.kind,
                    "current_version": 1,
                    "current_hash": digest,
                    "first_seen": captured,
                    "last_seen": captured,
                }
            )
        else:
            known = history.get(found["id"], {})
            if digest in known:
                if digest == found["current_hash"] and captured > as_utc(found["last_seen"]):
                    seen.append({"b_id": found["id"], "b_seen": captured})
                continue
            # an older capture with content not seen before is kept as history, not made current
            latest = captured >= as_utc(found["last_seen"])
            version = max(known.values(), default=found["current_version"]) + 1
            known[digest] = version
            changed.append((item, digest, found, version, latest))
    ids: list[int] = []
    if new_rows:
        # no RETURNING: on SQLite it degrades to one statement per row; read the ids back
        insert_rows(conn, listings, new_rows)
        new_keys = [(item.listing.platform, item.listing.external_id) for item, _ in new_items]
        made = _existing(conn, workspace, new_keys)
        ids = [made[key]["id"] for key in new_keys]
    versions = [
        _version_row(workspace, listing_id, 1, item, digest)
        for listing_id, (item, digest) in zip(ids, new_items, strict=True)
    ]
    versions += [
        _version_row(workspace, found["id"], version, item, digest)
        for item, digest, found, version, _latest in changed
    ]
    insert_rows(conn, listing_versions, versions)
    current = [c for c in changed if c[4]]
    if current:
        conn.execute(
            update(listings)
            .where(listings.c.id == bindparam("b_id"))
            .values(
                current_version=bindparam("b_version"),
                current_hash=bindparam("b_hash"),
                last_seen=bindparam("b_seen"),
            ),
            [
                {
                    "b_id": found["id"],
                    "b_version": version,
                    "b_hash": digest,
                    "b_seen": item.listing.captured_at,
                }
                for item, digest, found, version, _latest in current
            ],
        )
    if seen:
        conn.execute(
            update(listings)
            .where(listings.c.id == bindparam("b_id"))
            .values(last_seen=bindparam("b_seen")),
            seen,
        )
    record_events(
        conn,
        workspace,
        now,
        [
            ("listing.created", "listing", i, {"version": 1, "hash": d})
            for i, (_, d) in zip(ids, new_items, strict=True)
        ]
        + [
            (
                "listing.changed" if latest else "listing.history_added",
                "listing",
                f["id"],
                {"version": version, "hash": d, "current": latest},
            )
            for _, d, f, version, latest in changed
        ],
    )
    return Counts(len(new_rows), len(changed), len(batch) - len(new_rows) - len(changed))


def _version_row(
    workspace: Workspace, listing_id: int, version: int, item: PreparedListing, digest: str
) -> dict[str, Any]:
    row = item.row()
    row.update(
        workspace_id=workspace.id,
        listing_id=listing_id,
        version=version,
        content_hash=digest,
        captured_at=item.listing.captured_at,
    )
    return row


def _version_hashes(conn: Connection, listing_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per listing, every stored content hash and its version."""
    found: dict[int, dict[str, int]] = {}
    for start in range(0, len(listing_ids), _CHUNK):
        chunk = listing_ids[start : start + _CHUNK]
        rows = conn.execute(
            select(
                listing_versions.c.listing_id,
                listing_versions.c.content_hash,
                listing_versions.c.version,
            ).where(listing_versions.c.listing_id.in_(chunk))
        )
        for listing_id, digest, version in rows:
            found.setdefault(listing_id, {})[digest] = version
    return found


def _existing(
    conn: Connection, workspace: Workspace, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    columns = (
        listings.c.id,
        listings.c.platform,
        listings.c.external_id,
        listings.c.current_version,
        listings.c.current_hash,
        listings.c.last_seen,
    )
    for platform, chunk in by_platform(keys):
        rows = conn.execute(
            select(*columns).where(
                listings.c.workspace_id == workspace.id,
                listings.c.platform == platform,
                listings.c.external_id.in_(chunk),
            )
        )
        for row in rows:
            found[(row.platform, row.external_id)] = row._asdict()
    return found


def by_platform(keys: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Keys grouped by platform in chunks, so each lookup uses the unique index whole
    (a row-value IN over (platform, external_id) makes SQLite scan the table)."""
    grouped: dict[str, list[str]] = {}
    for platform, external_id in keys:
        grouped.setdefault(platform, []).append(external_id)
    return [
        (platform, ids[start : start + _CHUNK])
        for platform, ids in grouped.items()
        for start in range(0, len(ids), _CHUNK)
    ]


def content_digest(row: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(row, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredListing:
    """A current listing version with its database ids."""

    listing_id: int
    version_id: int
    version: int
    listing: Listing


def listing_from_row(row: Any) -> Listing:
    return Listing(
        kind=row.kind,
        platform=row.platform,
        external_id=row.external_id,
        captured_at=as_utc(row.captured_at),
        url=row.url,
        marketplace=row.marketplace,
        account=row.account,
        title=row.title,
        text=row.text,
        hashtags=tuple(row.hashtags),
        price=None if row.price is None else Decimal(row.price),
        currency=row.currency,
        images=tuple(i.get("sha256") or i.get("url") or i.get("ref", "") for i in row.images),
        links=tuple(row.links),
        extra=row.extra or {},
        id=row.listing_id,
        version_id=row.id,
    )


def current_versions_after(
    conn: Connection, workspace: Workspace, after_id: int, limit: int
) -> list[StoredListing]:
    """Current listing versions with an id above `after_id`, in id order."""
    rows = conn.execute(
        select(listing_versions, listings.c.platform, listings.c.external_id)
        .join(listings, listings.c.id == listing_versions.c.listing_id)
        .where(
            listing_versions.c.workspace_id == workspace.id,
            listings.c.current_version == listing_versions.c.version,
            listing_versions.c.id > after_id,
        )
        .order_by(listing_versions.c.id)
        .limit(limit)
    )
    return [StoredListing(r.listing_id, r.id, r.version, listing_from_row(r)) for r in rows]


def count_current_after(conn: Connection, workspace: Workspace, after_id: int) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(
                listing_versions.join(listings, listings.c.id == listing_versions.c.listing_id)
            )
            .where(
                listing_versions.c.workspace_id == workspace.id,
                listings.c.current_version == listing_versions.c.version,
                listing_versions.c.id > after_id,
            )
        ).scalar_one()
    )


def export_records(
    conn: Connection, workspace: Workspace, platform: str | None = None
) -> Iterator[dict[str, Any]]:
    """The workspace's accounts, then the current version of each listing, as canonical
    import records; importing them again changes nothing."""
    account_query = select(accounts).where(accounts.c.workspace_id == workspace.id)
    if platform:
        account_query = account_query.where(accounts.c.platform == platform)
    for row in conn.execute(account_query.order_by(accounts.c.id)):
        record: dict[str, Any] = {
            "kind": "account",
            "platform": row.platform,
            "external_id": row.external_id,
        }
        for name in (
            "handle",
            "display_name",
            "legal_name",
            "address",
            "country",
            "status",
            "bio",
            "url",
        ):
            if getattr(row, name) is not None:
                record[name] = getattr(row, name)
        record["links"] = list(row.links)
        record["contacts"] = list(row.contacts)
        if row.extra:
            record["extra"] = row.extra
        yield record
    query = (
        select(listing_versions, listings.c.platform, listings.c.external_id)
        .join(listings, listings.c.id == listing_versions.c.listing_id)
        .where(
            listing_versions.c.workspace_id == workspace.id,
            listings.c.current_version == listing_versions.c.version,
        )
        .order_by(listing_versions.c.id)
    )
    if platform:
        query = query.where(listings.c.platform == platform)
    for row in conn.execute(query):
        listing: dict[str, Any] = {
            "kind": row.kind,
            "platform": row.platform,
            "external_id": row.external_id,
        }
        for name in ("url", "marketplace", "account", "title", "text"):
            if getattr(row, name) is not None:
                listing[name] = getattr(row, name)
        listing["hashtags"] = list(row.hashtags)
        if row.price is not None:
            listing["price"] = row.price
            listing["currency"] = row.currency
        listing["images"] = [
            f"sha256:{image['sha256']}" if "sha256" in image else image["url"]
            for image in row.images
        ]
        listing["links"] = list(row.links)
        if row.extra:
            listing["extra"] = row.extra
        listing["captured_at"] = as_utc(row.captured_at).isoformat().replace("+00:00", "Z")
        yield listing
