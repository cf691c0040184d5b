"""The store: an engine, a clock and a blob store, and the workspace every call needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from hallmark.clock import Clock, system_clock
from hallmark.evidence.blobs import BlobStore
from hallmark.store import migrate
from hallmark.store.dialect import insert_rows, make_engine
from hallmark.store.tables import events, workspaces


@dataclass(frozen=True, slots=True)
class Workspace:
    """A tenant. Rows of one workspace are never visible from another."""

    id: int
    name: str


class Store:
    """The database and blob store of one Hallmark installation."""

    def __init__(self, engine: Engine, blobs: BlobStore, clock: Clock = system_clock) -> None:
        self.engine = engine
        self.blobs = blobs
        self.clock = clock

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    def workspace(self, name: str, *, create: bool = True) -> Workspace:
        """The workspace called `name`, created on first use unless create is False."""
        with self.transaction() as conn:
            row = conn.execute(select(workspaces.c.id).where(workspaces.c.name == name)).first()
            if row is not None:
                return Workspace(row.id, name)
            if not create:
                from hallmark.errors import NotFound

                raise NotFound(f"no workspace called {name!r}")
            new_id = conn.execute(
                insert(workspaces)
                .values(name=name, created_at=self.clock())
                .returning(workspaces.c.id)
            ).scalar_one()
            return Workspace(new_id, name)

    def workspace_names(self) -> list[str]:
        with self.transaction() as conn:
            return list(
                conn.execute(select(workspaces.c.name).order_by(workspaces.c.name)).scalars()
            )

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str, data_dir: Path, clock: Clock = system_clock) -> Store:
    """A store on `url`, migrated to the newest schema."""
    if url.startswith("sqlite"):
        data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    migrate.upgrade(engine)
    return Store(engine, BlobStore(data_dir / "blobs"), clock)


def record_events(
    conn: Connection,
    workspace: Workspace,
    at: datetime,
    items: list[tuple[str, str, int, dict[str, Any]]],
) -> None:
    """Append events (name, subject type, subject id, payload) to the audit log."""
    if not items:
        return
    insert_rows(
        conn,
        events,
        [
            {
                "workspace_id": workspace.id,
                "name": name,
                "subject_type": subject,
                "subject_id": subject_id,
                "payload": payload,
                "at": at,
            }
            for name, subject, subject_id, payload in items
        ],
    )


def as_utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; every stored time is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
