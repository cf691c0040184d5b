"""Actor linking at scale: accounts linked per second, peak memory, and the quality of the
recovered actors, against a bare union over exact identifiers measured in the same run.

It generates --accounts accounts (seeded) with the identifier mix of the performance
baselines (research/performance-baselines.md §3): handles for all (half of them a common
first name plus digits, half two words, so unrelated accounts collide), phones for 60%,
e-mails for 50%, own web stores and product links for some, 1 to 5 photos each. 2% of the
accounts belong to multi-platform actors of 2 to 8 accounts; each member draws 1 to 3
identifiers from its actor's pool (a phone, an e-mail, a link to a member's storefront, a
web store domain, a payment handle, three of the actor's four photos, a handle stem). 1%
carry hub identifiers (a courier's phone, stock photos, a Linktree root, a marketplace's
domain, a carrier's domain).

Timed (CPU seconds, one core): Hallmark's link_sources, the function a full relink of the
link service runs (identifiers extracted and normalised from each account, weighted edges,
actors), and the floor: raw identifier strings interned and unioned when held by 2 to 50
accounts. Quality: pairwise precision and recall of the actors, recall both against all
true pairs and against the linkable truth (pairs of one actor connected by shared
identifiers at all), and cluster-level purity and exact recovery. On a --splink slice
(100,000 by default) the same figures for Splink (the `bench` extra), when installed.

    python bench/link.py [--accounts 1000000] [--splink 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import string
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import closing_line, cpu_seconds, machine, pin_one_core
from hallmark.domain import Account
from hallmark.link.identifiers import Picture
from hallmark.link.service import OfficialPhotos, link_sources, source_identifiers
from hallmark.score import load_rules
from hallmark.store.identifiers import (
    AccountSource,
)

PLATFORMS = ("amazon", "ebay", "etsy", "shopify", "webstore", "instagram", "tiktok", "x")
FIRST_NAMES = tuple(
    [
        "anna",
        "maria",
        "chen",
        "sofia",
        "james",
        "lucas",
        "emma",
        "noah",
        "olivia",
        "liam",
        "mia",
        "ava",
        "elena",
        "marco",
        "julia",
        "leo",
        "sara",
        "david",
        "laura",
        "paul",
        "nina",
        "omar",
        "yuki",
        "kim",
        "lina",
        "ivan",
        "hana",
        "amir",
        "rosa",
        "tom",
    ]
)
WORDS = tuple(
    f"{a}{b}"
    for a in [
        "gold",
        "silver",
        "luxe",
        "style",
        "chic",
        "glam",
        "shine",
        "pearl",
        "velvet",
        "urban",
        "royal",
        "sweet",
    ]
    for b in ["box", "shop", "nest", "store", "hub", "lane", "spot", "mart", "room", "co"]
)
COURIER = "+18005550199"
STOCK = tuple(f"{0xA5A5A5A500000000 + i:016x}" for i in range(5))
NO_PHOTOS = OfficialPhotos(frozenset(), (), 10)


@dataclass
class Generated:
    sources: list[AccountSource]
    actor: list[int]
    """Each account's true actor, -1 for none."""


def generate(n: int, seed: int) -> Generated:
    rng = random.Random(seed)
    _TAKEN.clear()
    sources: list[AccountSource] = []
    truth = [-1] * n
    in_actors = int(n * 0.02)
    node = 0
    actor_id = 0
    while node < in_actors:
        size = min(rng.randint(2, 8), in_actors - node)
        if size < 2:
            break
        pool = _pool(rng, actor_id, node)
        for member in range(size):
            truth[node] = actor_id
            sources.append(_account(rng, node, pool, member))
            node += 1
        actor_id += 1
    while node < n:
        sources.append(_account(rng, node, None, 0))
        node += 1
    return Generated(sources, truth)


def _pool(rng: random.Random, actor: int, first: int) -> dict[str, object]:
    return {
        "phone": f"+44{7000000000 + actor * 7919 % 999999999}",
        "email": f"actor{actor}.sales@gmail.com",
        "store": f"https://www.amazon.com/shops/A{first:011d}X",
        "domain": f"https://actor{actor}-outlet.com/",
        "payment": f"https://paypal.me/actor{actor}pay",
        "photos": [f"{rng.getrandbits(64):016x}" for _ in range(4)],
        "handle": f"{rng.choice(WORDS)}{rng.choice(WORDS)}",
    }


_DRAWS = (
    ("phone",) * 3
    + ("email",) * 3
    + ("store",) * 2
    + ("domain", "payment")
    + ("photos",) * 3
    + ("handle",)
)


def _account(
    rng: random.Random, node: int, pool: dict[str, object] | None, member: int
) -> AccountSource:
    platform = (
        PLATFORMS[rng.randrange(len(PLATFORMS))]
        if member
        else "amazon"
        if pool
        else PLATFORMS[node % 8]
    )
    external = f"A{node:011d}X" if platform == "amazon" else f"u{node}"
    handle = _unique_handle(rng, platform)
    links: list[str] = []
    contacts: list[str] = []
    photos = [f"{rng.getrandbits(64):016x}" for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.6:
        contacts.append(f"+1{rng.randrange(2000000000, 9999999999)}")
    if rng.random() < 0.5:
        contacts.append(f"{handle}.{rng.randrange(10**6)}@gmail.com")
    if platform in ("webstore", "shopify") or rng.random() < 0.1:
        links.append(f"https://{''.join(rng.choices(string.ascii_lowercase, k=10))}.com/")
    if platform in ("instagram", "tiktok", "x") and rng.random() < 0.2:
        links.append(f"https://www.amazon.com/dp/B{rng.randrange(10**9):09d}")
    if rng.random() < 0.01:
        hub = rng.randrange(5)
        if hub == 0:
            contacts.append(COURIER)
        elif hub == 1:
            photos.append(rng.choice(STOCK))
        elif hub == 2:
            links.append("https://linktr.ee")
        elif hub == 3:
            links.append("https://www.amazon.com/")
        else:
            links.append("https://www.dhl.com/en/express/tracking.html")
    if pool is not None:
        for kind in set(rng.choices(_DRAWS, k=rng.randint(1, 3))):
            if kind == "photos":
                photos += rng.sample(pool["photos"], 3)  # type: ignore[call-overload]
            elif kind == "handle":
                handle = f"{pool['handle']}.{platform}{node}"
            elif kind in ("phone", "email"):
                contacts.append(str(pool[kind]))
            elif kind != "store" or member:
                links.append(str(pool[kind]))
    account = Account(
        platform, external, handle=handle, links=tuple(links), contacts=tuple(contacts)
    )
    pictures = tuple(Picture(p * 4, p) for p in photos)
    return AccountSource(node, account, (), (), pictures, ())


_TAKEN: set[tuple[str, str]] = set()


def _unique_handle(rng: random.Random, platform: str) -> str:
    """A handle not yet taken on the platform (platforms keep them unique); unrelated
    accounts still collide once digits and separators are dropped."""
    while True:
        if rng.random() < 0.5:
            handle = f"{rng.choice(FIRST_NAMES)}{rng.randrange(1, 99999)}"
        else:
            handle = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}{rng.randrange(0, 999)}"
        if (platform, handle) not in _TAKEN:
            _TAKEN.add((platform, handle))
            return handle


def raw_values(source: AccountSource) -> list[str]:
    """What a bare exact union sees: the strings as written."""
    a = source.account
    values = [f"{a.platform}:{a.external_id}", a.handle or ""]
    values += a.links
    values += a.contacts
    values += [p.sha256 for p in source.pictures]
    return values


def bare_union(sources: list[AccountSource]) -> int:
    """Intern raw identifier strings and union accounts sharing one held by 2 to 50."""
    holders: dict[str, list[int]] = {}
    first: dict[str, int] = {}
    for source in sources:
        for value in raw_values(source):
            held = first.setdefault(value, source.id)
            if held != source.id:
                holders.setdefault(value, [held]).append(source.id)
    parent = list(range(len(sources)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for nodes in holders.values():
        if len(nodes) <= 50:
            r = root(nodes[0])
            for other in nodes[1:]:
                parent[root(other)] = r
    return sum(1 for i in range(len(sources)) if root(i) == i)


@dataclass
class Quality:
    precision: float
    recall_linkable: float
    recall_all: float
    cluster_purity: float
    cluster_recall: float
    clusters: int


def quality(sources: list[AccountSource], truth: list[int], groups: Iterable[list[int]]) -> Quality:
    groups = list(groups)
    members: dict[int, list[int]] = defaultdict(list)
    for node, actor in enumerate(truth[: len(sources)]):
        if actor >= 0:
            members[actor].append(node)
    linkable = _linkable(sources, members)
    component = {n: i for i, comp in enumerate(linkable) for n in comp}
    predicted = sum(len(g) * (len(g) - 1) // 2 for g in groups)
    true_pairs = sum(len(m) * (len(m) - 1) // 2 for m in members.values())
    linkable_pairs = sum(len(c) * (len(c) - 1) // 2 for c in linkable)
    tp = tp_linkable = pure = 0
    exact: set[frozenset[int]] = set()
    for group in groups:
        by_actor = Counter(truth[n] for n in group if truth[n] >= 0)
        tp += sum(c * (c - 1) // 2 for c in by_actor.values())
        by_comp = Counter(component[n] for n in group if n in component)
        tp_linkable += sum(c * (c - 1) // 2 for c in by_comp.values())
        pure += len(by_actor) == 1 and sum(by_actor.values()) == len(group)
        exact.add(frozenset(group))
    recovered = sum(frozenset(c) in exact for c in linkable)
    return Quality(
        precision=tp / predicted if predicted else 1.0,
        recall_linkable=tp_linkable / linkable_pairs if linkable_pairs else 1.0,
        recall_all=tp / true_pairs if true_pairs else 1.0,
        cluster_purity=pure / len(groups) if groups else 1.0,
        cluster_recall=recovered / len(linkable) if linkable else 1.0,
        clusters=len(groups),
    )


def _linkable(sources: list[AccountSource], members: dict[int, list[int]]) -> list[list[int]]:
    """Each actor's members split into those connected by any shared identifier."""
    found: list[list[int]] = []
    for nodes in members.values():
        keys = {
            n: {(i.kind, i.value) for i in source_identifiers(sources[n], NO_PHOTOS)} for n in nodes
        }
        found += _components(nodes, keys)
    return found


def _components(nodes: list[int], keys: dict[int, set[tuple[str, str]]]) -> list[list[int]]:
    parent = {n: n for n in nodes}

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if keys[a] & keys[b]:
                parent[root(b)] = root(a)
    comps: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        comps[root(n)].append(n)
    return [c for c in comps.values() if len(c) > 1]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_splink(
    sources: list[AccountSource], truth: list[int], seed: int
) -> dict[str, float] | None:
    try:
        from link_splink import splink_clusters
    except ImportError as exc:
        print(f"splink: not installed ({exc}); pip install -e '.[bench]'")
        return None
    records = [
        (s.id, [(i.kind, i.value) for i in source_identifiers(s, NO_PHOTOS)]) for s in sources
    ]
    start = time.perf_counter()
    groups, timing = splink_clusters(records, seed=seed)
    wall = time.perf_counter() - start
    q = quality(sources, truth, groups)
    return {"wall_s": wall, **timing, **q.__dict__}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--splink", type=int, default=100_000, help="Slice for Splink; 0 skips.")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pin_one_core()
    rules = load_rules().link
    print(f"machine: {machine()}")
    generated = generate(args.accounts, args.seed)
    sources, truth = generated.sources, generated.actor
    gc.collect()
    loaded = peak_mb()
    print(
        f"{len(sources):,} accounts generated, {sum(t >= 0 for t in truth):,} in actors; {loaded:,.0f} MB resident"
    )
    floor_s = cpu_seconds(lambda: bare_union(sources))
    gc.collect()
    result: dict[str, object] = {}

    def ours() -> None:
        linked = link_sources(sources, rules, NO_PHOTOS)
        result["edges"], result["groups"] = linked.edges, linked.groups

    ours_s = cpu_seconds(ours)
    peak = peak_mb()
    groups = result["groups"]
    assert isinstance(groups, list)
    q = quality(sources, truth, groups)
    print(f"floor (bare exact union): {floor_s:.2f} s CPU")
    print(
        f"hallmark link_sources: {ours_s:.2f} s CPU = {len(sources) / ours_s:,.0f} accounts/s, "
        f"{ours_s / floor_s:.1f}x the floor; peak {peak:,.0f} MB ({peak - loaded:+,.0f} MB over the data)"
    )
    print(
        f"  actors {q.clusters:,}; pairwise precision {q.precision:.4f}, recall {q.recall_linkable:.4f} "
        f"(linkable truth) {q.recall_all:.4f} (all true pairs); clusters pure {q.cluster_purity:.4f}, "
        f"exact {q.cluster_recall:.4f}"
    )
    figures: dict[str, float | int] = {
        "accounts_per_s": round(len(sources) / ours_s),
        "floor_ratio": round(ours_s / floor_s, 2),
        "link_s": round(ours_s, 2),
        "peak_mb": round(peak),
        "precision": round(q.precision, 4),
        "recall_linkable": round(q.recall_linkable, 4),
        "recall_all": round(q.recall_all, 4),
        "cluster_purity": round(q.cluster_purity, 4),
        "cluster_recall": round(q.cluster_recall, 4),
    }
    if args.splink:
        size = min(args.splink, len(sources))
        part = generate(size, args.seed)
        ours_part: dict[str, object] = {}
        part_s = cpu_seconds(
            lambda: ours_part.update(groups=link_sources(part.sources, rules, NO_PHOTOS).groups)
        )
        mine = quality(part.sources, part.actor, ours_part["groups"])  # type: ignore[arg-type]
        print(
            f"slice of {size:,}: hallmark {part_s:.2f} s CPU, precision {mine.precision:.4f}, "
            f"recall {mine.recall_linkable:.4f} linkable / {mine.recall_all:.4f} all"
        )
        splink = run_splink(part.sources, part.actor, args.seed)
        if splink is not None:
            print(
                f"slice of {size:,}: splink {splink['wall_s']:.1f} s wall, precision "
                f"{splink['precision']:.4f}, recall {splink['recall_linkable']:.4f} linkable / "
                f"{splink['recall_all']:.4f} all"
            )
            figures.update(
                splink_s=round(splink["wall_s"], 1),
                splink_precision=round(splink["precision"], 4),
                splink_recall_linkable=round(splink["recall_linkable"], 4),
                slice_s=round(part_s, 2),
                slice_precision=round(mine.precision, 4),
                slice_recall_linkable=round(mine.recall_linkable, 4),
            )
    print(closing_line(**figures))


if __name__ == "__main__":
    main()
