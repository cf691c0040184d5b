"""The crawl frontier: every url a bounded web-store crawl has met, and what became of it.

A crawl is keyed by (workspace, crawl key); the key is the origin of its start URL. A url
is queued once per crawl (the unique key refuses a second row), and its row then moves
through these states:

- `queued`: met in a page, not yet fetched;
- `fetched`: fetched and captured as evidence (the body is a blob, named by `sha256`), not
  yet imported; a crawl resumed after a kill imports it from the blob, never refetching;
- `done`: imported, its links queued;
- `failed`: the fetch was refused or answered an error status, or the page was unusable;
- `skipped`: robots.txt disallows it, or it is not an HTML page.

`fetched_at` is set on every row a request was made for; the bound of a crawl counts them.
One crawl per (workspace, start origin) runs at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from hallmark.store.base import Workspace, as_utc
from hallmark.store.tables import captures
from hallmark.store.tables import crawl_frontier as frontier

STATES = ("queued", "fetched", "done", "failed", "skipped")
PENDING = ("queued", "fetched")
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class FrontierUrl:
    """One url of a crawl's frontier."""

    id: int
    url: str
    depth: int
    state: str
    reason: str | None
    fetched_at: datetime | None
    sha256: str | None


def enqueue(
    conn: Connection,
    workspace: Workspace,
    crawl_key: str,
    urls: Iterable[str],
    depth: int,
    *,
    at: datetime,
) -> int:
    """Queue the urls the crawl has not met yet, at `depth`; how many were new."""
    wanted = list(dict.fromkeys(urls))
    new = 0
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        known = set(
            conn.execute(
                select(frontier.c.url).where(
                    frontier.c.workspace_id == workspace.id,
                    frontier.c.crawl_key == crawl_key,
                    frontier.c.url.in_(chunk),
                )
            ).scalars()
        )
        rows = [
            {
                "workspace_id": workspace.id,
                "crawl_key": crawl_key,
                "url": url,
                "depth": depth,
                "state": "queued",
                "created_at": at,
            }
            for url in chunk
            if url not in known
        ]
        if rows:
            conn.execute(insert(frontier), rows)
            new += len(rows)
    return new


def next_pending(conn: Connection, workspace: Workspace, crawl_key: str) -> FrontierUrl | None:
    """The next url to work on, breadth first: lowest depth, then the order it was met."""
    row = conn.execute(
        select(frontier)
        .where(
            frontier.c.workspace_id == workspace.id,
            frontier.c.crawl_key == crawl_key,
            frontier.c.state.in_(PENDING),
        )
        .order_by(frontier.c.depth, frontier.c.id)
        .limit(1)
    ).first()
    return None if row is None else _url(row)


def mark(
    conn: Connection,
    workspace: Workspace,
    url_id: int,
    state: str,
    *,
    reason: str | None = None,
    fetched_at: datetime | None = None,
    sha256: str | None = None,
) -> None:
    """Move a url to `state`; `fetched_at` and `sha256` are kept when not given."""
    if state not in STATES:
        raise ValueError(f"crawl state {state!r} is not one of {STATES}")
    values: dict[str, object] = {"state": state, "reason": reason}
    if fetched_at is not None:
        values["fetched_at"] = fetched_at
    if sha256 is not None:
        values["sha256"] = sha256
    conn.execute(
        update(frontier)
        .where(frontier.c.workspace_id == workspace.id, frontier.c.id == url_id)
        .values(**values)
    )


def fetched_count(conn: Connection, workspace: Workspace, crawl_key: str) -> int:
    """How many requests the crawl has made for pages, over all its runs."""
    return int(
        conn.execute(
            select(func.count()).where(
                frontier.c.workspace_id == workspace.id,
                frontier.c.crawl_key == crawl_key,
                frontier.c.fetched_at.is_not(None),
            )
        ).scalar_one()
    )


def last_fetched_at(conn: Connection, workspace: Workspace, crawl_key: str) -> datetime | None:
    """When the crawl last made a request, over all its runs."""
    value = conn.execute(
        select(func.max(frontier.c.fetched_at)).where(
            frontier.c.workspace_id == workspace.id, frontier.c.crawl_key == crawl_key
        )
    ).scalar_one()
    return None if value is None else as_utc(value)


def latest_fetch_capture(
    conn: Connection, workspace: Workspace, sha256: str, url: str
) -> tuple[str, int | None]:
    """The final url and status of the capture of a fetched body: the one from `url` when
    there is one (no redirect), else the latest (the url it redirected to); `url` and None
    when none is stored."""
    row = conn.execute(
        select(captures.c.url_or_path, captures.c.status)
        .where(
            captures.c.workspace_id == workspace.id,
            captures.c.kind == "fetch",
            captures.c.sha256 == sha256,
        )
        .order_by((captures.c.url_or_path == url).desc(), captures.c.id.desc())
        .limit(1)
    ).first()
    return (url, None) if row is None else (row.url_or_path, row.status)


def frontier_urls(conn: Connection, workspace: Workspace, crawl_key: str) -> list[FrontierUrl]:
    """Every url the crawl has met, in the order it was met."""
    rows = conn.execute(
        select(frontier)
        .where(frontier.c.workspace_id == workspace.id, frontier.c.crawl_key == crawl_key)
        .order_by(frontier.c.id)
    )
    return [_url(row) for row in rows]


def _url(row: Any) -> FrontierUrl:
    return FrontierUrl(
        id=row.id,
        url=row.url,
        depth=row.depth,
        state=row.state,
        reason=row.reason,
        fetched_at=None if row.fetched_at is None else as_utc(row.fetched_at),
        sha256=row.sha256,
    )
