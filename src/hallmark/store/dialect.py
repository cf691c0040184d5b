"""The one place that names SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, DateTime, Engine, Table, create_engine, event
from sqlalchemy.engine import Connection

APPEND_ONLY_TABLE = "events"


def make_engine(url: str) -> Engine:
    """An engine for `url`, with SQLite set up for a single-writer local database."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def append_only_ddl(dialect: str) -> list[str]:
    """Statements that make the events table refuse UPDATE and DELETE."""
    table = APPEND_ONLY_TABLE
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
        ]
    return [
        "CREATE FUNCTION hallmark_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'events are append-only'; END $$",
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION hallmark_append_only()",
    ]


def drop_append_only_ddl(dialect: str) -> list[str]:
    table = APPEND_ONLY_TABLE
    if dialect == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS {table}_no_update",
            f"DROP TRIGGER IF EXISTS {table}_no_delete",
        ]
    return [
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        "DROP FUNCTION IF EXISTS hallmark_append_only()",
    ]


def is_sqlite(connection: Connection | Engine) -> bool:
    return connection.dialect.name == "sqlite"


def insert_rows(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, skip_existing: bool = False
) -> None:
    """Insert many rows at driver speed: values are adapted once here rather than by
    SQLAlchemy's per-row bind processing, which cost more than the insert itself. With
    `skip_existing`, a row that breaks a unique key is left out (both engines know
    `ON CONFLICT DO NOTHING`), so two writers racing on one key never fail."""
    if not rows:
        return
    columns = list(rows[0])
    sqlite = is_sqlite(conn)
    adapters = [_adapter(table.c[name].type, sqlite) for name in columns]
    marker = "?" if sqlite else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join(marker for _ in columns)})"
        + (" ON CONFLICT DO NOTHING" if skip_existing else "")
    )
    getter = itemgetter(*columns)
    adapted = [(i, a) for i, a in enumerate(adapters) if a is not None]
    values: list[tuple[Any, ...]] = []
    for row in rows:
        items = getter(row)
        items = list(items) if len(columns) > 1 else [items]
        for i, adapt in adapted:
            items[i] = adapt(items[i])
        values.append(tuple(items))
    conn.exec_driver_sql(sql, values)


def _adapter(kind: Any, sqlite: bool) -> Callable[[Any], Any] | None:
    if isinstance(kind, JSON):
        return _sqlite_json if sqlite else _postgres_json
    if isinstance(kind, DateTime) and sqlite:
        return _sqlite_datetime
    return None


def _sqlite_json(value: Any) -> Any:
    if value is None:
        return None
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(value)


@lru_cache(maxsize=4096)
def _sqlite_datetime(value: datetime | None) -> str | None:
    # the format SQLAlchemy's SQLite DateTime reads back; every stored time is UTC
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def _postgres_json(value: Any) -> Any:
    from psycopg.types.json import Json

    return None if value is None else Json(value)


_LISTING_WRITES = 0x48414C4D  # "HALM": the advisory lock class for listing writes


def hold_listing_writes(conn: Connection, workspace_id: int) -> None:
    """Until this transaction ends, no other transaction writes listings of the workspace.

    Imports take it for each batch and scans while reading a batch, so a scan never reads
    past the id of a listing version that an import has written but not yet committed
    (PostgreSQL hands out ids before commit). SQLite has one writer at a time and needs none.
    """
    if not is_sqlite(conn):
        conn.exec_driver_sql(
            "SELECT pg_advisory_xact_lock(%s, %s)", (_LISTING_WRITES, workspace_id)
        )
