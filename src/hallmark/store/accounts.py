"""Accounts: upserted by (workspace, platform, external id); a stub (an account only named by a
listing) never overwrites a real record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from hallmark.domain import Account
from hallmark.store.base import Workspace, record_events
from hallmark.store.dialect import insert_rows
from hallmark.store.listings import Counts, by_platform, content_digest
from hallmark.store.tables import accounts


def upsert_accounts(
    conn: Connection,
    workspace: Workspace,
    batch: Sequence[Account],
    now: datetime,
    *,
    stub: bool = False,
) -> Counts:
    """Store accounts; `stub` ones (named only by a listing) never overwrite a real record."""
    counts = Counts()
    latest: dict[tuple[str, str], Account] = {}
    for account in batch:
        latest[(account.platform, account.external_id)] = account
    keys = list(latest)
    existing: dict[tuple[str, str], Any] = {}
    for platform, chunk in by_platform(keys):
        for row in conn.execute(
            select(
                accounts.c.id, accounts.c.platform, accounts.c.external_id, accounts.c.content_hash
            ).where(
                accounts.c.workspace_id == workspace.id,
                accounts.c.platform == platform,
                accounts.c.external_id.in_(chunk),
            )
        ):
            existing[(row.platform, row.external_id)] = row
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    for key, account in latest.items():
        values = _account_row(account)
        digest = content_digest(values)
        found = existing.get(key)
        if found is None:
            new_rows.append(
                dict(
                    values,
                    workspace_id=workspace.id,
                    content_hash=digest,
                    first_seen=now,
                    last_seen=now,
                )
            )
        elif stub or found.content_hash == digest:
            counts.unchanged += 1
        else:
            changed = dict(values, content_hash=digest, last_seen=now)
            changed_rows.append({"b_id": found.id, **{f"b_{k}": v for k, v in changed.items()}})
    events: list[tuple[str, str, int, dict[str, Any]]] = []
    if new_rows:
        insert_rows(conn, accounts, new_rows)
        made = _account_ids(conn, workspace, [(r["platform"], r["external_id"]) for r in new_rows])
        ids = [made[(r["platform"], r["external_id"])] for r in new_rows]
        events += [
            ("account.created", "account", i, {"hash": r["content_hash"], "stub": stub})
            for i, r in zip(ids, new_rows, strict=True)
        ]
        counts.new += len(new_rows)
    if changed_rows:
        columns = [c.removeprefix("b_") for c in changed_rows[0] if c != "b_id"]
        conn.execute(
            update(accounts)
            .where(accounts.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}") for c in columns}),
            changed_rows,
        )
        events += [
            ("account.changed", "account", r["b_id"], {"hash": r["b_content_hash"]})
            for r in changed_rows
        ]
        counts.changed += len(changed_rows)
    record_events(conn, workspace, now, events)
    return counts


def _account_ids(
    conn: Connection, workspace: Workspace, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for platform, chunk in by_platform(keys):
        for row in conn.execute(
            select(accounts.c.id, accounts.c.platform, accounts.c.external_id).where(
                accounts.c.workspace_id == workspace.id,
                accounts.c.platform == platform,
                accounts.c.external_id.in_(chunk),
            )
        ):
            found[(row.platform, row.external_id)] = row.id
    return found


def _account_row(account: Account) -> dict[str, Any]:
    return {
        "platform": account.platform,
        "external_id": account.external_id,
        "handle": account.handle,
        "display_name": account.display_name,
        "legal_name": account.legal_name,
        "address": account.address,
        "country": account.country,
        "status": account.status,
        "bio": account.bio,
        "links": list(account.links),
        "contacts": list(account.contacts),
        "url": account.url,
        "extra": dict(account.extra),
    }
