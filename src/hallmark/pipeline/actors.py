"""Actor context for a scan: which accounts are linked to which brands' sources, read from the
store."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from hallmark.score.actor import ActorContext, Member, Source, actor_links, own_risk, source_of
from hallmark.store import Workspace
from hallmark.store.actors import (
    actor_ids_of,
    current_findings,
    decisions_touching,
    edges_touching,
    members_of,
)
from hallmark.store.identifiers import accounts_by_id, accounts_named
from hallmark.store.tables import findings

_SOURCE_LEVELS = ("medium", "high")


def actor_context(conn: Connection, workspace: Workspace, rules_version: str) -> ActorContext:
    """The links of the members of every actor that has a source: a member's own medium or
    high finding. Only those actors are read, so the work follows the flagged listings and
    their actors, not the size of the workspace."""
    context = ActorContext()
    flagged = _flagged(conn, workspace, rules_version)
    named = accounts_named(conn, workspace, set(flagged))
    actor_of = actor_ids_of(conn, workspace, set(named.values()))
    if not actor_of:
        return context
    groups = members_of(conn, workspace, set(actor_of.values()))
    context.actors_read = len(groups)
    member_ids = {m for group in groups.values() for m in group}
    rows = accounts_by_id(conn, workspace, member_ids)
    members = {
        i: Member(i, r.platform, r.external_id, r.handle, r.display_name) for i, r in rows.items()
    }
    sources = _sources(flagged, {k: v for k, v in named.items() if v in actor_of})
    edges = edges_touching(conn, workspace, member_ids)
    decisions = decisions_touching(conn, workspace, member_ids)
    for actor, group in sorted(groups.items()):
        inside = set(group)
        own = [s for s in sources if s.account in inside]
        if not own:
            continue
        links = actor_links(
            actor,
            {m: members[m] for m in group},
            {p: e for p, e in edges.items() if p[0] in inside and p[1] in inside},
            [p for p in decisions.same if p[0] in inside and p[1] in inside],
            own,
        )
        for account, found in links.items():
            context.by_account[account] = found
            member = members[account]
            for name in member.names:
                context.links[(member.platform, name)] = found
    return context


def _flagged(
    conn: Connection, workspace: Workspace, rules_version: str
) -> dict[tuple[str, str], list[Any]]:
    """Medium and high findings on current listing versions, by (platform, account)."""
    found: dict[tuple[str, str], list[Any]] = defaultdict(list)
    query = current_findings(workspace, rules_version, _SOURCE_LEVELS)
    for row in conn.execute(query.order_by(findings.c.id)):
        if row.account:
            found[(row.platform, row.account)].append(row)
    return dict(found)


def _sources(
    flagged: dict[tuple[str, str], list[Any]], members: dict[tuple[str, str], int]
) -> list[Source]:
    """Actor members' own findings, medium or high before any actor link raised them,
    grouped by account and brand."""
    grouped: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    rows = [(row, account) for name, account in members.items() for row in flagged.get(name, ())]
    for row, account in sorted(rows, key=lambda pair: int(pair[0].id)):
        risk, level = own_risk(row.signals, row.risk, row.level)
        if level not in _SOURCE_LEVELS:
            continue
        grouped[(account, row.brand_name)].append(
            {
                "signals": row.signals,
                "level": level,
                "own_risk": risk,
                "listing": f"{row.platform}:{row.external_id}",
                "kind": row.kind,
            }
        )
    return [source_of(a, b, items) for (a, b), items in sorted(grouped.items())]
