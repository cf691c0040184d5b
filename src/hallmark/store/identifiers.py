"""Account identifiers: what linking reads of each account (its listings, links and pictures),
the identifiers stored per account and who holds each, and the link watermark and statistics.
Every function takes the workspace."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, or_, select, tuple_, update

from hallmark.domain import Account
from hallmark.evidence.blobs import is_digest
from hallmark.link.identifiers import Identifier, Picture
from hallmark.store.base import Workspace
from hallmark.store.dialect import insert_rows
from hallmark.store.listings import StoredListing, listing_from_row
from hallmark.store.tables import (
    account_identifiers,
    accounts,
    events,
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
    found.update(accounts_named(conn, workspace, named).values())
    return found


def accounts_named(
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
                select(accounts.c.id, accounts.c.external_id, accounts.c.handle)
                .where(
                    accounts.c.workspace_id == workspace.id,
                    accounts.c.platform == platform,
                    or_(accounts.c.external_id.in_(chunk), accounts.c.handle.in_(chunk)),
                )
                .order_by(accounts.c.id)
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
        listed: dict[int, list[Any]] = defaultdict(list)
        for account, row in current_versions(conn, workspace, names_of(rows)):
            listed[account].append(listing_from_row(row))
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


def names_of(rows: Collection[Any]) -> dict[tuple[str, str], int]:
    """Account ids (rows of `accounts`) by the (platform, name) a listing gives its account:
    the external id, or the handle when no account has that external id."""
    found: dict[tuple[str, str], int] = {}
    for row in rows:
        found[(row.platform, row.external_id)] = row.id
    for row in rows:
        if row.handle:
            found.setdefault((row.platform, row.handle), row.id)
    return found


def current_versions(
    conn: Connection, workspace: Workspace, by_name: dict[tuple[str, str], int]
) -> Iterator[tuple[int, Any]]:
    """(account id, row) for the current version of each listing or post the named accounts
    made; rows of `listing_versions` with their listing's platform and external id."""
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
                yield by_name[(platform, row.account)], row


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


def listings_of_accounts(
    conn: Connection, workspace: Workspace, ids: Sequence[int]
) -> list[StoredListing]:
    """The current versions of the accounts' listings and posts."""
    rows = accounts_by_id(conn, workspace, ids)
    found = [
        StoredListing(row.listing_id, row.id, row.version, listing_from_row(row))
        for _, row in current_versions(conn, workspace, names_of(rows.values()))
    ]
    return sorted(found, key=lambda s: s.version_id)


def account_id_named(
    conn: Connection, workspace: Workspace, platform: str, name: str
) -> int | None:
    """The id of the account with this external id (or handle) on the platform."""
    return accounts_named(conn, workspace, {(platform, name)}).get((platform, name))


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
