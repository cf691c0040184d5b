"""The link service: keeps each workspace's identifiers, edges and actors up to date.

`hallmark scan` calls `link()` before it scores. The first run (or a run under new link
rules) links every account in memory with the Linker; later runs touch only the accounts
created or changed since, the identifiers they gained or lost, the accounts holding those,
and the actors they belong to. People's decisions (`actors merge|split`) override the graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from sqlalchemy import Connection

from hallmark.channels.fetch import redirect_target
from hallmark.channels.linkinbio import parse_linktree
from hallmark.errors import PayloadError
from hallmark.link.graph import Decisions, Linker, LinkRules, Shared, actor_groups, edge_weight
from hallmark.link.identifiers import (
    Identifier,
    Picture,
    account_identifiers,
    contact_identifiers,
    region_of,
    url_identifiers,
)
from hallmark.store import Store, Workspace
from hallmark.store.actors import (
    actor_ids_of,
    clear_links,
    decisions_touching,
    edges_touching,
    members_of,
    save_groups,
    write_edges,
)
from hallmark.store.brands import current_brands
from hallmark.store.captures import latest_fetches
from hallmark.store.dialect import insert_rows
from hallmark.store.identifiers import (
    AccountSource,
    account_sources,
    all_account_ids,
    changed_account_ids,
    holder_counts,
    holders,
    last_event_id,
    link_stats,
    link_watermark,
    replace_identifiers,
    set_link_stats,
    set_link_watermark,
    stored_identifiers,
)
from hallmark.store.tables import account_identifiers as identifier_rows
from hallmark.store.tables import image_fingerprints
from hallmark.vision import PIPELINE_VERSION

# the package's __init__ holds only the recipe's name, so this import needs no vision extra
PIPELINE = PIPELINE_VERSION
_FULL_SHARE = 0.3
_CHUNK = 1000


@dataclass
class LinkReport:
    """What a link run did; `work` counts rows read and pairs compared (incremental runs)."""

    full: bool = False
    accounts: int = 0
    identifiers_changed: int = 0
    edges: int = 0
    actors: dict[str, int] = field(
        default_factory=lambda: {"created": 0, "changed": 0, "dissolved": 0}
    )
    work: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class OfficialPhotos:
    """The brands' own pictures: never an edge, however many accounts show them."""

    digests: frozenset[str]
    phashes: tuple[int, ...]
    distance: int

    def covers(self, picture: Picture) -> bool:
        if not self.digests:
            return False
        if picture.sha256 in self.digests:
            return True
        if picture.phash is None:
            return False
        value = int(picture.phash, 16)
        return any((value ^ h).bit_count() <= self.distance for h in self.phashes)


def source_identifiers(source: AccountSource, official: OfficialPhotos) -> list[Identifier]:
    """An account's identifiers, its brands' official photos left out, and its own listings'
    product pages as its own."""
    pictures = source.pictures
    if official.digests:
        pictures = tuple(p for p in pictures if not official.covers(p))
    found = account_identifiers(
        source.account, links=source.links, texts=source.texts, pictures=pictures
    )
    if source.expanded:
        found += _expanded(source)
    if not source.products:
        return found
    have = {(i.kind, i.value) for i in found}
    for url in source.products:
        for item in url_identifiers(url, "own listing", None):
            if item.kind == "product" and (item.kind, item.value) not in have:
                have.add((item.kind, item.value))
                found.append(Identifier(item.kind, item.value, "own listing"))
    return found


@dataclass
class Linked:
    """What linking from scratch found: edges, actors, and the identifier statistics."""

    edges: dict[tuple[int, int], list[Shared]]
    groups: list[list[int]]
    stats: dict[str, tuple[int, int]]


def link_sources(
    sources: Iterable[AccountSource],
    rules: LinkRules,
    official: OfficialPhotos,
    decisions: Decisions | None = None,
    keep: Callable[[AccountSource, list[Identifier]], None] = lambda s, i: None,
) -> Linked:
    """Link accounts from scratch in memory: their identifiers, the edges between them and the
    actors (groups of two or more). A full relink runs this; so does bench/link.py."""
    linker = Linker(rules)
    for source in sources:
        found = source_identifiers(source, official)
        keep(source, found)
        linker.add(source.id, [item[:2] for item in found])
    edges = linker.edges()
    weighted = ((a, b, edge_weight(shared)) for (a, b), shared in edges.items())
    return Linked(edges, actor_groups((), weighted, rules, decisions), linker.stats())


def _expanded(source: AccountSource) -> list[Identifier]:
    region = region_of(source.account.country)
    found: list[Identifier] = []
    for value, where in source.expanded:
        if "://" in value:
            found += url_identifiers(value, where, region)
        else:
            found += contact_identifiers(value, where, region)
    return found


def expand_sources(
    sources: list[AccountSource],
    captured: Callable[[list[str]], dict[str, tuple[int | None, dict[str, str], bytes]]],
) -> list[AccountSource]:
    """The sources with what lies behind their link-in-bio pages and short links, where a
    capture of one exists: `captured` gives (status, headers, body) by url."""
    behind: dict[int, list[str]] = {}
    for source in sources:
        found = [u for u in (*source.account.links, *source.links) if _is_page(u)]
        if found:
            behind[source.id] = found
    if not behind:
        return sources
    pages = captured(sorted({v for urls in behind.values() for u in urls for v in _variants(u)}))
    expanded = []
    for source in sources:
        items: list[tuple[str, str]] = []
        for url in behind.get(source.id, ()):
            hit = next((pages[v] for v in _variants(url) if v in pages), None)
            if hit is not None:
                items += _behind(url, *hit)
        expanded.append(replace(source, expanded=tuple(items)) if items else source)
    return expanded


def _is_page(url: str) -> bool:
    return any(i.kind in ("link_page", "short_link") for i in url_identifiers(url, "", None))


def _variants(url: str) -> list[str]:
    bare = url.rstrip("/")
    return [bare, bare + "/"]


def _behind(
    url: str, status: int | None, headers: dict[str, str], body: bytes
) -> list[tuple[str, str]]:
    if status is not None and 300 <= status < 400:
        target = redirect_target(url, headers)
        return [(target, "short link target")] if target else []
    try:
        page = parse_linktree(body, source=url)
    except PayloadError:
        return []
    links = [(link.url, "link-in-bio page") for link in (*page.links, *page.social)]
    return links + [(contact, "link-in-bio page") for contact in page.contacts]


class LinkService:
    """Links one workspace's accounts into actors."""

    def __init__(
        self,
        store: Store,
        workspace: Workspace,
        rules: LinkRules,
        rules_version: str,
        *,
        photo_distance: int = 10,
    ) -> None:
        self.store = store
        self.workspace = workspace
        self.rules = rules
        self.version = rules_version
        self.photo_distance = photo_distance

    def link(
        self,
        *,
        full: bool = False,
        on_total: Callable[[int], None] = lambda n: None,
        on_progress: Callable[[int], None] = lambda n: None,
    ) -> LinkReport:
        """Bring the actors up to date with what came in since the last run."""
        report = LinkReport()
        with self.store.transaction() as conn:
            mark = link_watermark(conn, self.workspace)
            upto = last_event_id(conn, self.workspace)
            everyone = all_account_ids(conn, self.workspace)
            if mark is None or mark[0] != self.version:
                full = True
            ids = (
                everyone
                if full
                else sorted(changed_account_ids(conn, self.workspace, mark[1] if mark else 0, upto))
            )
            if not full and len(ids) > max(_CHUNK, _FULL_SHARE * len(everyone)):
                full, ids = True, everyone
            on_total(len(ids))
            official = self._official(conn)
            report.full = full
            report.accounts = len(ids)
            if full:
                self._relink(conn, ids, official, report, on_progress)
            elif ids:
                self._update(conn, ids, official, report, on_progress)
            set_link_watermark(conn, self.workspace, self.version, upto)
        return report

    def decide(self, changes: Callable[[Connection], Iterable[int]]) -> LinkReport:
        """Record people's decisions (`changes` writes them and returns the accounts they
        touch) and regroup those accounts' actors."""
        report = LinkReport()
        with self.store.transaction() as conn:
            touched = set(changes(conn))
            report.actors = self._regroup(conn, touched, report)
        return report

    def _sources(self, conn: Connection, ids: list[int]) -> list[AccountSource]:
        """The accounts with their listings, and what their captured link pages hold."""

        def captured(urls: list[str]) -> dict[str, tuple[int | None, dict[str, str], bytes]]:
            found = latest_fetches(conn, self.workspace, urls)
            return {
                url: (c.status, c.headers or {}, self.store.blobs.get(c.sha256))
                for url, c in found.items()
                if self.store.blobs.has(c.sha256)
            }

        return expand_sources(account_sources(conn, self.workspace, ids, PIPELINE), captured)

    def _official(self, conn: Connection) -> OfficialPhotos:
        digests: set[str] = set()
        for brand in current_brands(conn, self.workspace):
            digests.update(str(d) for d in brand.spec.get("files", {}).values())
        rows = conn.execute(
            image_fingerprints.select().where(
                image_fingerprints.c.workspace_id == self.workspace.id,
                image_fingerprints.c.pipeline == PIPELINE,
                image_fingerprints.c.sha256.in_(sorted(digests)),
            )
        )
        phashes = tuple(int(r.phash, 16) for r in rows if r.phash)
        return OfficialPhotos(frozenset(digests), phashes, self.photo_distance)

    def _relink(
        self,
        conn: Connection,
        ids: list[int],
        official: OfficialPhotos,
        report: LinkReport,
        on_progress: Callable[[int], None],
    ) -> None:
        clear_links(conn, self.workspace)
        found: dict[int, dict[tuple[str, str], str]] = {}

        def sources() -> Iterator[AccountSource]:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                yield from self._sources(conn, chunk)
                on_progress(len(chunk))

        def keep(source: AccountSource, identifiers: list[Identifier]) -> None:
            found[source.id] = {(i.kind, i.value): i.source for i in identifiers}

        decisions = decisions_touching(conn, self.workspace)
        linked = link_sources(sources(), self.rules, official, decisions, keep)
        edges, groups = linked.edges, linked.groups
        set_link_stats(conn, self.workspace, linked.stats)
        rows = [
            {"workspace_id": self.workspace.id, "account_id": a, "kind": k, "value": v, "source": s}
            for a, items in found.items()
            for (k, v), s in items.items()
        ]
        insert_rows(conn, identifier_rows, rows)
        report.identifiers_changed = len(rows)
        weighted = {
            pair: (edge_weight(shared), _shared_rows(shared, found[pair[0]], found[pair[1]]))
            for pair, shared in edges.items()
        }
        write_edges(conn, self.workspace, weighted, ())
        report.edges = len(weighted)
        previous = {
            a: actor for actor, members in members_of(conn, self.workspace).items() for a in members
        }
        report.actors = save_groups(conn, self.workspace, groups, previous, self.store.clock())

    def _update(
        self,
        conn: Connection,
        ids: list[int],
        official: OfficialPhotos,
        report: LinkReport,
        on_progress: Callable[[int], None],
    ) -> None:
        work = report.work
        old = stored_identifiers(conn, self.workspace, ids)
        added: Counter[tuple[str, str]] = Counter()
        removed: Counter[tuple[str, str]] = Counter()
        for source in self._sources(conn, ids):
            found = source_identifiers(source, official)
            work["identifiers"] += len(found)
            more, fewer = replace_identifiers(
                conn, self.workspace, source.id, old.get(source.id, {}), found
            )
            added.update(more)
            removed.update(fewer)
        on_progress(len(ids))
        changed = set(added) | set(removed)
        report.identifiers_changed = len(changed)
        counts = holder_counts(conn, self.workspace, changed)
        stats = _updated_stats(link_stats(conn, self.workspace), counts, added, removed)
        set_link_stats(conn, self.workspace, stats)
        limit = self.rules.most_holders()
        # An identifier past the limit by less than twice it may have weighed before this run.
        held = holders(conn, self.workspace, [k for k in changed if counts[k] <= 2 * limit])
        work["holders"] += sum(len(v) for v in held.values())
        pairs: set[tuple[int, int]] = set()
        for nodes in held.values():
            pairs.update(combinations(sorted(set(nodes)), 2))
        before = edges_touching(conn, self.workspace, ids)
        pairs.update(before)
        work["pairs"] += len(pairs)
        touched = {n for p in pairs for n in p} | set(ids)
        idents = stored_identifiers(conn, self.workspace, touched)
        shared_keys = {k for a, b in pairs for k in idents[a].keys() & idents[b].keys()}
        counts.update(holder_counts(conn, self.workspace, shared_keys - counts.keys()))
        upserts: dict[tuple[int, int], tuple[float, list[dict[str, Any]]]] = {}
        removals: list[tuple[int, int]] = []
        for a, b in sorted(pairs):
            shared = self._shared(idents[a], idents[b], counts, stats)
            if shared:
                upserts[(a, b)] = (edge_weight(shared), _shared_rows(shared, idents[a], idents[b]))
            else:
                removals.append((a, b))
        write_edges(conn, self.workspace, upserts, removals)
        report.edges = len(upserts)
        report.actors = self._regroup(conn, touched, report)

    def _shared(
        self,
        a: dict[tuple[str, str], str],
        b: dict[tuple[str, str], str],
        counts: dict[tuple[str, str], int],
        stats: dict[str, tuple[int, int]],
    ) -> list[Shared]:
        found = []
        for kind, value in sorted(a.keys() & b.keys()):
            n = counts[(kind, value)]
            weight = self.rules.weight(kind, n, self.rules.reliability(kind, stats))
            if n <= self.rules.most_holders() and weight >= 0.02:
                found.append(Shared(kind, value, n, round(weight, 4)))
        return found

    def _regroup(self, conn: Connection, touched: set[int], report: LinkReport) -> dict[str, int]:
        previous = actor_ids_of(conn, self.workspace, touched)
        members = members_of(conn, self.workspace, set(previous.values()))
        region = set(touched) | {m for group in members.values() for m in group}
        report.work["region"] += len(region)
        previous = actor_ids_of(conn, self.workspace, region)
        stored = edges_touching(conn, self.workspace, region)
        edges = [(a, b, w) for (a, b), (w, _) in stored.items() if a in region and b in region]
        decisions: Decisions = decisions_touching(conn, self.workspace, region)
        groups = actor_groups(region, edges, self.rules, decisions)
        return save_groups(conn, self.workspace, groups, previous, self.store.clock())


def _updated_stats(
    stats: dict[str, tuple[int, int]],
    counts: dict[tuple[str, str], int],
    added: Counter[tuple[str, str]],
    removed: Counter[tuple[str, str]],
) -> dict[str, tuple[int, int]]:
    """The kind statistics after identifiers were added and removed: each changed value's
    holder count before is its count now less what this run added plus what it removed."""
    found = dict(stats)
    for key in set(added) | set(removed):
        now = counts.get(key, 0)
        before = now - added[key] + removed[key]
        values, shared = found.get(key[0], (0, 0))
        values += (now >= 1) - (before >= 1)
        shared += (now >= 2) - (before >= 2)
        found[key[0]] = (values, shared)
    return found


def _shared_rows(
    shared: Iterable[Shared], a: dict[tuple[str, str], str], b: dict[tuple[str, str], str]
) -> list[dict[str, Any]]:
    return [
        {
            "kind": s.kind,
            "value": s.value,
            "holders": s.holders,
            "weight": s.weight,
            "sources": [a.get((s.kind, s.value), ""), b.get((s.kind, s.value), "")],
        }
        for s in shared
    ]
