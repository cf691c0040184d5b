"""Actors: account identifiers, edges, actors with their members, people's decisions, and the
link watermark. Every function takes the workspace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, delete, func, or_, select, tuple_, update

from hallmark.domain import Account
from hallmark.evidence.blobs import is_digest
from hallmark.link.graph import Decisions, pair
from hallmark.link.identifiers import Identifier, Picture
from hallmark.store.base import Workspace, record_events
from hallmark.store.dialect import insert_rows
from hallmark.store.listings import StoredListing, listing_from_row
from hallmark.store.tables import (
    account_identifiers,
    accounts,
    actor_context,
    actor_decisions,
    actor_edges,
    actor_members,
    actors,
    events,
    findings,
    image_fingerprints,
    link_progress,
    listing_versions,
    listings,
)
from hallmark.store.tables import link_stats as link_stats_table

_CHUNK = 400
Key = tuple[str, str]
_ACCOUNT_EVENTS = ("account.created", "account.changed")
_LISTING_EVENTS = ("listing.created", "listing.changed")


@dataclass(frozen=True, slots=True)
class AccountSource:
    """One account and what its current listings and posts link to, say and show."""

    id: int
    account: Account
    links: tuple[str, ...]
    texts: tuple[str, ...]
    pictures: tuple[Picture, ...]
    products: tuple[str, ...]
    """The urls of its own listings (a link to one is a link to this seller)."""
    expanded: tuple[tuple[str, str], ...] = ()
    """Links and contacts found behind its links, with where: a captured link-in-bio page's
    links, a captured short link's target."""


def link_watermark(conn: Connection, workspace: Workspace) -> tuple[str, int] | None:
    row = conn.execute(
        select(link_progress.c.rules_version, link_progress.c.last_event_id).where(
            link_progress.c.workspace_id == workspace.id
        )
    ).first()
    return None if row is None else (row.rules_version, row.last_event_id)


def set_link_watermark(
    conn: Connection, workspace: Workspace, rules_version: str, last_event_id: int
) -> None:
    done = conn.execute(
        update(link_progress)
        .where(link_progress.c.workspace_id == workspace.id)
        .values(rules_version=rules_version, last_event_id=last_event_id)
    )
    if done.rowcount == 0:
        insert_rows(
            conn,
            link_progress,
            [
                {
                    "workspace_id": workspace.id,
                    "rules_version": rules_version,
                    "last_event_id": last_event_id,
                }
            ],
        )


def last_event_id(conn: Connection, workspace: Workspace) -> int:
    found = conn.execute(
        select(func.max(events.c.id)).where(events.c.workspace_id == workspace.id)
    ).scalar_one()
    return int(found or 0)


def all_account_ids(conn: Connection, workspace: Workspace) -> list[int]:
    return list(
        conn.execute(select(accounts.c.id).where(accounts.c.workspace_id == workspace.id)).scalars()
    )


def changed_account_ids(
    conn: Connection, workspace: Workspace, after_event: int, upto_event: int
) -> set[int]:
    """Accounts created or changed, or whose listings were, between two event ids."""
    rows = conn.execute(
        select(events.c.name, events.c.subject_id).where(
            events.c.workspace_id == workspace.id,
            events.c.id > after_event,
            events.c.id <= upto_event,
            events.c.name.in_(_ACCOUNT_EVENTS + _LISTING_EVENTS),
        )
    ).all()
    found = {r.subject_id for r in rows if r.name in _ACCOUNT_EVENTS}
    listing_ids = sorted({r.subject_id for r in rows if r.name in _LISTING_EVENTS})
    named: set[tuple[str, str]] = set()
    for start in range(0, len(listing_ids), _CHUNK):
        chunk = listing_ids[start : start + _CHUNK]
        for row in conn.execute(
            select(listings.c.platform, listing_versions.c.account)
            .join(listing_versions, listing_versions.c.listing_id == listings.c.id)
            .where(
                listings.c.id.in_(chunk),
                listing_versions.c.version == listings.c.current_version,
            )
        ):
            if row.account:
                named.add((row.platform, row.account))
    found.update(_accounts_named(conn, workspace, named).values())
    return found


def _accounts_named(
    conn: Connection, workspace: Workspace, named: set[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """Account ids by (platform, external id or handle)."""
    found: dict[tuple[str, str], int] = {}
    by_platform: dict[str, list[str]] = defaultdict(list)
    for platform, name in named:
        by_platform[platform].append(name)
    for platform, names in by_platform.items():
        for start in range(0, len(names), _CHUNK):
            chunk = names[start : start + _CHUNK]
            for row in conn.execute(
                select(accounts.c.id, accounts.c.external_id, accounts.c.handle).where(
                    accounts.c.workspace_id == workspace.id,
                    accounts.c.platform == platform,
                    or_(accounts.c.external_id.in_(chunk), accounts.c.handle.in_(chunk)),
                )
            ):
                found[(platform, row.external_id)] = row.id
                if row.handle:
                    found.setdefault((platform, row.handle), row.id)
    return found


def account_sources(
    conn: Connection, workspace: Workspace, ids: Sequence[int], pipeline: str
) -> list[AccountSource]:
    """The accounts with their current listings' links, texts and pictures."""
    found: list[AccountSource] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        rows = conn.execute(
            select(accounts).where(
                accounts.c.workspace_id == workspace.id, accounts.c.id.in_(chunk)
            )
        ).all()
        by_name: dict[tuple[str, str], int] = {}
        for row in rows:
            by_name[(row.platform, row.external_id)] = row.id
            if row.handle:
                by_name.setdefault((row.platform, row.handle), row.id)
        listed = _listings_of(conn, workspace, by_name)
        digests = {d for items in listed.values() for item in items for d in item.images}
        hashes = _phashes(conn, workspace, digests, pipeline)
        for row in rows:
            own = listed.get(row.id, [])
            found.append(
                AccountSource(
                    row.id,
                    account_from_row(row),
                    tuple(link for item in own for link in item.links),
                    tuple(t for item in own for t in (item.title, item.text) if t),
                    tuple(
                        Picture(d, hashes.get(d))
                        for d in dict.fromkeys(d for item in own for d in item.images)
                        if is_digest(d)
                    ),
                    tuple(item.url for item in own if item.url),
                )
            )
    return found


def _listings_of(
    conn: Connection, workspace: Workspace, by_name: dict[tuple[str, str], int]
) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    by_platform: dict[str, list[str]] = defaultdict(list)
    for platform, name in by_name:
        by_platform[platform].append(name)
    for platform, names in by_platform.items():
        rows = conn.execute(
            select(listing_versions, listings.c.platform, listings.c.external_id)
            .join(listings, listings.c.id == listing_versions.c.listing_id)
            .where(
                listing_versions.c.workspace_id == workspace.id,
                listings.c.platform == platform,
                listing_versions.c.version == listings.c.current_version,
                listing_versions.c.account.in_(names),
            )
        )
        for row in rows:
            found[by_name[(platform, row.account)]].append(listing_from_row(row))
    return found


def _phashes(
    conn: Connection, workspace: Workspace, digests: Iterable[str], pipeline: str
) -> dict[str, str]:
    wanted = sorted(digests)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(image_fingerprints.c.sha256, image_fingerprints.c.phash).where(
                image_fingerprints.c.workspace_id == workspace.id,
                image_fingerprints.c.pipeline == pipeline,
                image_fingerprints.c.sha256.in_(wanted[start : start + _CHUNK]),
            )
        ):
            if row.phash:
                found[row.sha256] = row.phash
    return found


def account_from_row(row: Any) -> Account:
    return Account(
        platform=row.platform,
        external_id=row.external_id,
        handle=row.handle,
        display_name=row.display_name,
        legal_name=row.legal_name,
        address=row.address,
        country=row.country,
        status=row.status,
        bio=row.bio,
        links=tuple(row.links or ()),
        contacts=tuple(row.contacts or ()),
        url=row.url,
        extra=row.extra or {},
    )


def accounts_by_id(conn: Connection, workspace: Workspace, ids: Iterable[int]) -> dict[int, Any]:
    wanted = sorted(set(ids))
    found: dict[int, Any] = {}
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(accounts).where(
                accounts.c.workspace_id == workspace.id,
                accounts.c.id.in_(wanted[start : start + _CHUNK]),
            )
        ):
            found[row.id] = row
    return found


def stored_identifiers(
    conn: Connection, workspace: Workspace, ids: Iterable[int]
) -> dict[int, dict[Key, str]]:
    """Each account's identifiers, with where each was found."""
    wanted = sorted(set(ids))
    found: dict[int, dict[Key, str]] = {i: {} for i in wanted}
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(
                account_identifiers.c.account_id,
                account_identifiers.c.kind,
                account_identifiers.c.value,
                account_identifiers.c.source,
            ).where(
                account_identifiers.c.workspace_id == workspace.id,
                account_identifiers.c.account_id.in_(wanted[start : start + _CHUNK]),
            )
        ):
            found[row.account_id][(row.kind, row.value)] = row.source
    return found


def replace_identifiers(
    conn: Connection,
    workspace: Workspace,
    account_id: int,
    old: dict[Key, str],
    new: Sequence[Identifier],
) -> tuple[set[Key], set[Key]]:
    """Store the account's identifiers; returns the keys added and those removed."""
    wanted = {(i.kind, i.value): i.source for i in new}
    gone = [k for k in old if k not in wanted]
    added = [k for k in wanted if k not in old]
    for start in range(0, len(gone), _CHUNK):
        conn.execute(
            delete(account_identifiers).where(
                account_identifiers.c.workspace_id == workspace.id,
                account_identifiers.c.account_id == account_id,
                tuple_(account_identifiers.c.kind, account_identifiers.c.value).in_(
                    gone[start : start + _CHUNK]
                ),
            )
        )
    insert_rows(
        conn,
        account_identifiers,
        [
            {
                "workspace_id": workspace.id,
                "account_id": account_id,
                "kind": kind,
                "value": value,
                "source": wanted[(kind, value)],
            }
            for kind, value in added
        ],
    )
    return set(added), set(gone)


def holder_counts(conn: Connection, workspace: Workspace, keys: Iterable[Key]) -> dict[Key, int]:
    """How many accounts hold each identifier."""
    wanted = sorted(set(keys))
    found: dict[Key, int] = dict.fromkeys(wanted, 0)
    pairs = tuple_(account_identifiers.c.kind, account_identifiers.c.value)
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(account_identifiers.c.kind, account_identifiers.c.value, func.count())
            .where(
                account_identifiers.c.workspace_id == workspace.id,
                pairs.in_(wanted[start : start + _CHUNK]),
            )
            .group_by(account_identifiers.c.kind, account_identifiers.c.value)
        ):
            found[(row[0], row[1])] = int(row[2])
    return found


def holders(conn: Connection, workspace: Workspace, keys: Iterable[Key]) -> dict[Key, list[int]]:
    """The accounts holding each identifier (ask only for identifiers with few holders)."""
    wanted = sorted(set(keys))
    found: dict[Key, list[int]] = {k: [] for k in wanted}
    pairs = tuple_(account_identifiers.c.kind, account_identifiers.c.value)
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(
                account_identifiers.c.kind,
                account_identifiers.c.value,
                account_identifiers.c.account_id,
            ).where(
                account_identifiers.c.workspace_id == workspace.id,
                pairs.in_(wanted[start : start + _CHUNK]),
            )
        ):
            found[(row.kind, row.value)].append(row.account_id)
    return found


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


def decided_accounts(conn: Connection, workspace: Workspace) -> set[int]:
    rows = conn.execute(
        select(actor_decisions.c.account_a, actor_decisions.c.account_b).where(
            actor_decisions.c.workspace_id == workspace.id
        )
    )
    return {x for row in rows for x in row}


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


def listings_of_accounts(
    conn: Connection, workspace: Workspace, ids: Sequence[int]
) -> list[StoredListing]:
    """The current versions of the accounts' listings and posts."""
    rows = accounts_by_id(conn, workspace, ids)
    by_name = {}
    for row in rows.values():
        by_name[(row.platform, row.external_id)] = row.id
        if row.handle:
            by_name.setdefault((row.platform, row.handle), row.id)
    found: list[StoredListing] = []
    by_platform: dict[str, list[str]] = defaultdict(list)
    for platform, name in by_name:
        by_platform[platform].append(name)
    for platform, names in sorted(by_platform.items()):
        for start in range(0, len(names), _CHUNK):
            for row in conn.execute(
                select(listing_versions, listings.c.platform, listings.c.external_id)
                .join(listings, listings.c.id == listing_versions.c.listing_id)
                .where(
                    listing_versions.c.workspace_id == workspace.id,
                    listings.c.platform == platform,
                    listing_versions.c.version == listings.c.current_version,
                    listing_versions.c.account.in_(names[start : start + _CHUNK]),
                )
            ):
                found.append(
                    StoredListing(row.listing_id, row.id, row.version, listing_from_row(row))
                )
    return sorted(found, key=lambda s: s.version_id)


def member_findings(
    conn: Connection, workspace: Workspace, rows: Iterable[Any], rules_version: str
) -> dict[int, list[dict[str, Any]]]:
    """Findings on the current listing versions of the accounts (rows of `accounts`)."""
    by_name: dict[tuple[str, str], int] = {}
    for row in rows:
        by_name[(row.platform, row.external_id)] = row.id
        if row.handle:
            by_name.setdefault((row.platform, row.handle), row.id)
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


def account_id_named(
    conn: Connection, workspace: Workspace, platform: str, name: str
) -> int | None:
    """The id of the account with this external id (or handle) on the platform."""
    return _accounts_named(conn, workspace, {(platform, name)}).get((platform, name))


def link_stats(conn: Connection, workspace: Workspace) -> dict[str, tuple[int, int]]:
    """Per identifier kind: how many values, and how many more than one account holds."""
    return {
        row.kind: (int(row.values_count), int(row.shared_count))
        for row in conn.execute(
            select(link_stats_table).where(link_stats_table.c.workspace_id == workspace.id)
        )
    }


def set_link_stats(
    conn: Connection, workspace: Workspace, stats: dict[str, tuple[int, int]]
) -> None:
    conn.execute(delete(link_stats_table).where(link_stats_table.c.workspace_id == workspace.id))
    insert_rows(
        conn,
        link_stats_table,
        [
            {"workspace_id": workspace.id, "kind": k, "values_count": v, "shared_count": s}
            for k, (v, s) in sorted(stats.items())
        ],
    )
