"""Brands, versioned: adding a changed brand stores a new version; an identical one nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from hallmark.domain import Brand
from hallmark.errors import NotFound
from hallmark.registry.loader import brand_content_hash, brand_from_spec
from hallmark.store.base import Workspace, as_utc, record_events
from hallmark.store.tables import brands


@dataclass(frozen=True, slots=True)
class StoredBrand:
    """A brand version as stored."""

    id: int
    brand: Brand
    spec: dict[str, Any]
    content_hash: str
    source: str | None
    created_at: Any


def add_brand(
    conn: Connection, workspace: Workspace, spec: dict[str, Any], *, source: str, at: Any
) -> tuple[StoredBrand, str]:
    """Store `spec`; returns the stored version and 'added', 'changed' or 'unchanged'."""
    name = spec["name"]
    digest = brand_content_hash(spec)
    current = latest_brand(conn, workspace, name)
    if current is not None and current.content_hash == digest:
        return current, "unchanged"
    version = 1 if current is None else current.brand.version + 1
    brand_id = conn.execute(
        insert(brands)
        .values(
            workspace_id=workspace.id,
            name=name,
            version=version,
            content_hash=digest,
            spec=spec,
            source=source,
            created_at=at,
        )
        .returning(brands.c.id)
    ).scalar_one()
    outcome = "added" if current is None else "changed"
    record_events(
        conn,
        workspace,
        at,
        [
            (
                f"brand.{outcome}",
                "brand",
                brand_id,
                {"name": name, "version": version, "hash": digest},
            )
        ],
    )
    stored = latest_brand(conn, workspace, name)
    if stored is None or stored.id != brand_id:
        raise RuntimeError(f"brand {name!r} version {version} was not stored")
    return stored, outcome


def latest_brand(conn: Connection, workspace: Workspace, name: str) -> StoredBrand | None:
    """The newest version of the brand called `name`, whatever its letter case."""
    key = name.casefold()
    return next(
        (b for b in current_brands(conn, workspace) if b.brand.name.casefold() == key), None
    )


def get_brand(conn: Connection, workspace: Workspace, name: str) -> StoredBrand:
    stored = latest_brand(conn, workspace, name)
    if stored is None:
        raise NotFound(f"no brand called {name!r} in workspace {workspace.name!r}")
    return stored


def current_brands(conn: Connection, workspace: Workspace) -> list[StoredBrand]:
    """The newest version of every brand in the workspace, names compared without case
    (Python's casefold, not the database's lower(), which on SQLite knows only ASCII)."""
    newest: dict[str, Any] = {}
    rows = conn.execute(
        select(brands).where(brands.c.workspace_id == workspace.id).order_by(brands.c.id)
    )
    for row in rows:
        newest[row.name.casefold()] = row
    return sorted((_stored(row) for row in newest.values()), key=lambda b: b.brand.name.casefold())


def _stored(row: Any) -> StoredBrand:
    brand = brand_from_spec(row.spec, version=row.version, id=row.id)
    return StoredBrand(
        row.id, brand, row.spec, row.content_hash, row.source, as_utc(row.created_at)
    )
