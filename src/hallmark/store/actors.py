"""Actors: the edges between accounts, actors with their members, people's decisions, the
actor context digests, and the findings of actors' members. Every function takes the workspace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, delete, or_, select, tuple_, update

from hallmark.link.graph import Decisions, pair
from hallmark.store.base import Workspace, record_events
from hallmark.store.dialect import insert_rows
from hallmark.store.identifiers import names_of
from hallmark.store.tables import (
    account_identifiers,
    actor_context,
    actor_decisions,
    actor_edges,
    actor_members,
    actors,
    findings,
    listing_versions,
    listings,
)

_CHUNK = 400


def edges_touching(
    conn: Connection, workspace: Workspace, ids: Iterable[int]
) -> dict[tuple[int, int], tuple[float, list[dict[str, Any]]]]:
    """Stored edges with either end among the accounts."""
    wanted = sorted(set(ids))
    found: dict[tuple[int, int], tuple[float, list[dict[str, Any]]]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for row in conn.execute(
            select(actor_edges).where(
                actor_edges.c.workspace_id == workspace.id,
                or_(actor_edges.c.account_a.in_(chunk), actor_edges.c.account_b.in_(chunk)),
            )
        ):
            found[(row.account_a, row.account_b)] = (row.weight, row.shared)
    return found


def write_edges(
    conn: Connection,
    workspace: Workspace,
    upserts: dict[tuple[int, int], tuple[float, list[dict[str, Any]]]],
    removals: Iterable[tuple[int, int]],
) -> None:
    gone = sorted(set(removals) | set(upserts))
    for start in range(0, len(gone), _CHUNK):
        conn.execute(
            delete(actor_edges).where(
                actor_edges.c.workspace_id == workspace.id,
                tuple_(actor_edges.c.account_a, actor_edges.c.account_b).in_(
                    gone[start : start + _CHUNK]
                ),
            )
        )
    insert_rows(
        conn,
        actor_edges,
        [
            {
                "workspace_id": workspace.id,
                "account_a": a,
                "account_b": b,
                "weight": weight,
                "shared": shared,
            }
            for (a, b), (weight, shared) in sorted(upserts.items())
        ],
    )


def clear_links(conn: Connection, workspace: Workspace) -> None:
    """Drop identifiers and edges before a full relink; actors stay until regrouped, so
    their ids carry over, and people's decisions stay for good."""
    for table in (actor_edges, account_identifiers):
        conn.execute(delete(table).where(table.c.workspace_id == workspace.id))


def actor_ids_of(conn: Connection, workspace: Workspace, ids: Iterable[int]) -> dict[int, int]:
    """The actor of each account that has one."""
    wanted = sorted(set(ids))
    found: dict[int, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(actor_members.c.account_id, actor_members.c.actor_id).where(
                actor_members.c.workspace_id == workspace.id,
                actor_members.c.account_id.in_(wanted[start : start + _CHUNK]),
            )
        ):
            found[row.account_id] = row.actor_id
    return found


def members_of(
    conn: Connection, workspace: Workspace, actor_ids: Iterable[int] | None = None
) -> dict[int, list[int]]:
    """The member accounts of each actor (of every actor when `actor_ids` is None)."""
    query = select(actor_members.c.actor_id, actor_members.c.account_id).where(
        actor_members.c.workspace_id == workspace.id
    )
    found: dict[int, list[int]] = defaultdict(list)
    if actor_ids is None:
        for row in conn.execute(query.order_by(actor_members.c.account_id)):
            found[row.actor_id].append(row.account_id)
        return dict(found)
    wanted = sorted(set(actor_ids))
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            query.where(actor_members.c.actor_id.in_(wanted[start : start + _CHUNK])).order_by(
                actor_members.c.account_id
            )
        ):
            found[row.actor_id].append(row.account_id)
    return dict(found)


def save_groups(
    conn: Connection,
    workspace: Workspace,
    groups: list[list[int]],
    previous: dict[int, int],
    now: datetime,
) -> dict[str, int]:
    """Store the groups as actors. A group keeps the id of the actor most of its members were
    in, so actor ids stay stable as actors grow; `previous` is each region member's old actor.
    Returns counts of actors created, changed and dissolved."""
    counts = {"created": 0, "changed": 0, "dissolved": 0}
    old_members: dict[int, set[int]] = defaultdict(set)
    for account, actor in previous.items():
        old_members[actor].add(account)
    kept: set[int] = set()
    assignment: list[tuple[int, list[int]]] = []
    for group in sorted(groups, key=len, reverse=True):
        votes: dict[int, int] = defaultdict(int)
        for account in group:
            if account in previous and previous[account] not in kept:
                votes[previous[account]] += 1
        actor_id = max(votes, key=lambda a: (votes[a], -a)) if votes else None
        if actor_id is None:
            actor_id = _new_actor(conn, workspace, now)
            counts["created"] += 1
        elif set(group) != old_members[actor_id]:
            counts["changed"] += 1
            conn.execute(update(actors).where(actors.c.id == actor_id).values(updated_at=now))
        kept.add(actor_id)
        assignment.append((actor_id, group))
    region = sorted({a for g in groups for a in g} | set(previous))
    for start in range(0, len(region), _CHUNK):
        conn.execute(
            delete(actor_members).where(
                actor_members.c.workspace_id == workspace.id,
                actor_members.c.account_id.in_(region[start : start + _CHUNK]),
            )
        )
    insert_rows(
        conn,
        actor_members,
        [
            {"workspace_id": workspace.id, "actor_id": actor_id, "account_id": account}
            for actor_id, group in assignment
            for account in group
        ],
    )
    gone = sorted(set(old_members) - kept)
    if gone:
        conn.execute(
            delete(actors).where(actors.c.workspace_id == workspace.id, actors.c.id.in_(gone))
        )
        counts["dissolved"] += len(gone)
    record_events(
        conn,
        workspace,
        now,
        [("actor.linked", "actor", a, {"members": g}) for a, g in assignment]
        + [("actor.dissolved", "actor", a, {}) for a in gone],
    )
    return counts


def _new_actor(conn: Connection, workspace: Workspace, now: datetime) -> int:
    result = conn.execute(
        actors.insert().values(workspace_id=workspace.id, created_at=now, updated_at=now)
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def add_decision(
    conn: Connection,
    workspace: Workspace,
    a: int,
    b: int,
    verdict: str,
    note: str | None,
    now: datetime,
) -> None:
    """Record that two accounts are (`same`) or are not (`different`) one actor."""
    first, second = pair(a, b)
    insert_rows(
        conn,
        actor_decisions,
        [
            {
                "workspace_id": workspace.id,
                "account_a": first,
                "account_b": second,
                "verdict": verdict,
                "note": note,
                "decided_at": now,
            }
        ],
    )
    record_events(
        conn,
        workspace,
        now,
        [("actor.decided", "account", first, {"other": second, "verdict": verdict})],
    )


def decisions_touching(
    conn: Connection, workspace: Workspace, ids: Iterable[int] | None = None
) -> Decisions:
    """People's latest decision on each pair with an end among the accounts (or every pair)."""
    query = select(actor_decisions).where(actor_decisions.c.workspace_id == workspace.id)
    rows: list[Any] = []
    if ids is None:
        rows = list(conn.execute(query))
    else:
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows += conn.execute(
                query.where(
                    or_(
                        actor_decisions.c.account_a.in_(chunk),
                        actor_decisions.c.account_b.in_(chunk),
                    )
                )
            ).all()
    latest: dict[tuple[int, int], str] = {}
    for row in sorted(rows, key=lambda r: r.id):
        latest[(row.account_a, row.account_b)] = row.verdict
    decisions = Decisions()
    for key, verdict in latest.items():
        (decisions.same if verdict == "same" else decisions.different).add(key)
    return decisions


def context_digests(conn: Connection, workspace: Workspace, rules_version: str) -> dict[int, str]:
    return {
        row.account_id: row.digest
        for row in conn.execute(
            select(actor_context.c.account_id, actor_context.c.digest).where(
                actor_context.c.workspace_id == workspace.id,
                actor_context.c.rules_version == rules_version,
            )
        )
    }


def set_context_digests(
    conn: Connection, workspace: Workspace, rules_version: str, digests: dict[int, str]
) -> None:
    ids = sorted(digests)
    for start in range(0, len(ids), _CHUNK):
        conn.execute(
            delete(actor_context).where(
                actor_context.c.workspace_id == workspace.id,
                actor_context.c.rules_version == rules_version,
                actor_context.c.account_id.in_(ids[start : start + _CHUNK]),
            )
        )
    insert_rows(
        conn,
        actor_context,
        [
            {
                "workspace_id": workspace.id,
                "account_id": account,
                "rules_version": rules_version,
                "digest": digest,
            }
            for account, digest in sorted(digests.items())
        ],
    )


def member_findings(
    conn: Connection, workspace: Workspace, rows: Iterable[Any], rules_version: str
) -> dict[int, list[dict[str, Any]]]:
    """Findings on the current listing versions of the accounts (rows of `accounts`)."""
    by_name = names_of(list(rows))
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    platforms = sorted({p for p, _ in by_name})
    if not platforms:
        return found
    query = current_findings(workspace, rules_version).where(listings.c.platform.in_(platforms))
    names = sorted({n for _, n in by_name})
    for start in range(0, len(names), _CHUNK):
        for row in conn.execute(
            query.where(listing_versions.c.account.in_(names[start : start + _CHUNK]))
        ):
            account = by_name.get((row.platform, row.account or ""))
            if account is not None:
                found[account].append(dict(row._mapping))
    return found


def current_findings(
    workspace: Workspace, rules_version: str, levels: Sequence[str] = ("low", "medium", "high")
) -> Select[Any]:
    """Findings at these levels on current listing versions under these rules, with their
    listing's platform, id, account, kind and title (a query to narrow further)."""
    return (
        select(
            findings.c.id,
            findings.c.brand_name,
            findings.c.level,
            findings.c.risk,
            findings.c.explanation,
            findings.c.signals,
            listings.c.platform,
            listings.c.external_id,
            listing_versions.c.account,
            listing_versions.c.kind,
            listing_versions.c.title,
        )
        .join(listing_versions, listing_versions.c.id == findings.c.listing_version_id)
        .join(listings, listings.c.id == findings.c.listing_id)
        .where(
            findings.c.workspace_id == workspace.id,
            findings.c.rules_version == rules_version,
            listing_versions.c.version == listings.c.current_version,
            findings.c.level.in_(levels),
        )
    )
