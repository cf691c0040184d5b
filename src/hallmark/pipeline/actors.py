"""Actor context for a scan: which accounts are linked to which brands' sources, read from the
store, and the second pass that scores again the listings whose actor context changed."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from hallmark.score.actor import ActorContext, Member, Source, actor_links, own_risk, source_of
from hallmark.store import Workspace
from hallmark.store.actors import (
    current_findings,
    decisions_touching,
    edges_touching,
    members_of,
)
from hallmark.store.identifiers import (
    accounts_by_id,
)

_SOURCE_LEVELS = ("medium", "high")


def actor_context(conn: Connection, workspace: Workspace, rules_version: str) -> ActorContext:
    """Every actor's members' links to the brands their fellow members promote or sell."""
    context = ActorContext()
    groups = members_of(conn, workspace)
    if not groups:
        return context
    member_ids = {m for group in groups.values() for m in group}
    rows = accounts_by_id(conn, workspace, member_ids)
    members = {
        i: Member(i, r.platform, r.external_id, r.handle, r.display_name) for i, r in rows.items()
    }
    sources = _sources(conn, workspace, rules_version, members)
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


def _sources(
    conn: Connection, workspace: Workspace, rules_version: str, members: dict[int, Member]
) -> list[Source]:
    """Members' own findings on current listing versions, medium or high before any actor
    link raised them, grouped by account and brand."""
    by_name = {(m.platform, n): m.id for m in members.values() for n in m.names}
    rows = conn.execute(current_findings(workspace, rules_version, _SOURCE_LEVELS))
    grouped: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        account = by_name.get((row.platform, row.account or ""))
        if account is None:
            continue
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
