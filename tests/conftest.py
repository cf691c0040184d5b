"""Shared fixtures: deterministic settings, stores on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hallmark.clock import fixed_clock
from hallmark.score import Rules, load_rules
from hallmark.store import Store, open_store
from hallmark.store.base import Workspace
from hallmark.store.tables import metadata

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PG_ENV = "HALLMARK_TEST_POSTGRES_URL"
PG_PREFIX = "hallmark_test_"


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating each time is slow)."""
    folder = tmp_path_factory.mktemp("template")
    store = open_store(f"sqlite:///{folder / 'hallmark.db'}", folder)
    store.dispose()
    return folder / "hallmark.db"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str | None]:
    """A fresh PostgreSQL database for this session, dropped at the end; None when not configured."""
    server = os.environ.get(PG_ENV)
    if not server:
        yield None
        return
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"{PG_PREFIX}{os.getpid()}_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        leftovers = conn.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": PG_PREFIX + "%"}
        ).scalars()
        for old in list(leftovers):
            pid = old.removeprefix(PG_PREFIX).split("_")[0]
            if pid.isdigit() and not _alive(int(pid)):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    store = open_store(url, Path("/nonexistent"))
    store.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sqlite_store(template: Path, folder: Path) -> Store:
    shutil.copy(template, folder / "hallmark.db")
    return open_store(f"sqlite:///{folder / 'hallmark.db'}", folder, fixed_clock(NOW))


def _truncate(store: Store) -> None:
    names = ", ".join(t.name for t in reversed(metadata.sorted_tables))
    with store.transaction() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def sqlite_store(sqlite_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = _sqlite_store(sqlite_template, tmp_path)
    yield store
    store.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty store on each engine; PostgreSQL skips only when it is not configured."""
    if request.param == "sqlite":
        result = _sqlite_store(sqlite_template, tmp_path)
        yield result
        result.dispose()
        return
    url = request.getfixturevalue("pg_url")
    if url is None:
        pytest.skip(f"{PG_ENV} is not set")
    result = open_store(url, tmp_path, fixed_clock(NOW))
    _truncate(result)
    yield result
    _truncate(result)
    result.dispose()


@pytest.fixture
def workspace(store: Store) -> Workspace:
    return store.workspace("acme")
