"""The one place that names SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
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


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows at driver speed: values are adapted once here rather than by
    SQLAlchemy's per-row bind processing, which cost more than the insert itself."""
    if not rows:
        return
    columns = list(rows[0])
    adapt = _sqlite_value if is_sqlite(conn) else _postgres_value
    marker = "?" if is_sqlite(conn) else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join(marker for _ in columns)})"
    )
    conn.exec_driver_sql(sql, [tuple(adapt(row[c]) for c in columns) for row in rows])


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value) if value else ("[]" if isinstance(value, list) else "{}")
    if isinstance(value, datetime):
        # the format SQLAlchemy's SQLite DateTime reads back; every stored time is UTC
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def _postgres_value(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        from psycopg.types.json import Json

        return Json(value)
    return value
