"""Actor risk: a listing's score takes in what its actor does elsewhere.

For each actor, the member accounts with findings of their own (medium or high, on brand
evidence other than this rule) are its sources. Every other member gets, per brand, the path
to its nearest source: the accounts on the way, what joins each to the next, and what the
source did. A listing of that member is lifted only when it is plausibly of the brand's
product (it names a product or its category, or a picture matches the brand); the actor's
unrelated listings are not.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hallmark.detect.index import BrandIndex
from hallmark.domain import Listing, Signal

_SUMMARY = {
    "brand_mention": "the brand named in its words",
    "logo": "the brand's logo in its photos",
    "image_text": "the mark read in its photos",
    "stolen_photo": "the brand's official photos",
    "design": "copies of the brand's design",
    "wording": "counterfeit wording",
}


@dataclass(frozen=True, slots=True)
class Member:
    """An actor's account as a reader knows it."""

    id: int
    platform: str
    external_id: str
    handle: str | None
    display_name: str | None

    @property
    def label(self) -> str:
        if self.platform in ("instagram", "tiktok", "x", "pinterest") and self.handle:
            return f"{_platform(self.platform)} @{self.handle.lstrip('@')}"
        name = self.display_name or self.handle or self.external_id
        return f"{_platform(self.platform)} '{name}'"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.external_id, self.handle) if n)


@dataclass(frozen=True, slots=True)
class Source:
    """What one member did for one brand: its own findings."""

    account: int
    brand: str
    count: int
    posts: int
    level: str
    risk: float
    kinds: tuple[str, ...]
    phrases: tuple[str, ...]
    listings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorLink:
    """One member's path to a source of one brand."""

    brand: str
    actor: int
    strength: float
    explanation: str
    evidence: dict[str, Any]


@dataclass
class ActorContext:
    """Actor links by (platform, account name as listings give it)."""

    links: dict[tuple[str, str], list[ActorLink]] = field(default_factory=dict)
    by_account: dict[int, list[ActorLink]] = field(default_factory=dict)
    actors_read: int = 0
    """How many actors were read to build it: the work, which follows the flagged listings."""

    def for_listing(self, listing: Listing) -> list[ActorLink]:
        if listing.account is None:
            return []
        return self.links.get((listing.platform, listing.account), [])

    def digests(self) -> dict[int, str]:
        """A digest of each account's links, to tell when its listings need scoring again."""
        found = {}
        for account, links in self.by_account.items():
            text = json.dumps([(x.brand, x.strength, x.explanation) for x in links], sort_keys=True)
            found[account] = hashlib.sha256(text.encode()).hexdigest()
        return found


def actor_links(
    actor: int,
    members: Mapping[int, Member],
    edges: Mapping[tuple[int, int], tuple[float, list[dict[str, Any]]]],
    same: Iterable[tuple[int, int]],
    sources: Sequence[Source],
) -> dict[int, list[ActorLink]]:
    """For each member, one link per brand to its strongest path to a source."""
    graph: dict[int, list[tuple[int, float, str]]] = defaultdict(list)
    for (a, b), (weight, shared) in edges.items():
        graph[a].append((b, weight, _reasons(shared, flip=False)))
        graph[b].append((a, weight, _reasons(shared, flip=True)))
    for a, b in same:
        graph[a].append((b, 1.0, "a reviewer decided they are one actor"))
        graph[b].append((a, 1.0, "a reviewer decided they are one actor"))
    found: dict[int, list[ActorLink]] = defaultdict(list)
    by_brand: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_brand[source.brand].append(source)
    for brand, brand_sources in sorted(by_brand.items()):
        for member in sorted(members):
            best = _best_path(member, {s.account: s for s in brand_sources}, graph)
            if best is None:
                continue
            strength, path, source = best
            found[member].append(_link(actor, brand, strength, path, source, members))
    return dict(found)


def _best_path(
    start: int, sources: dict[int, Source], graph: Mapping[int, list[tuple[int, float, str]]]
) -> tuple[float, list[tuple[int, int, float, str]], Source] | None:
    """The strongest path (product of edge weights) from `start` to a source other than
    itself, weighted by that source's own risk."""
    heap: list[tuple[float, int, list[tuple[int, int, float, str]]]] = [(-1.0, start, [])]
    seen: set[int] = set()
    best: tuple[float, list[tuple[int, int, float, str]], Source] | None = None
    while heap:
        negative, node, path = heapq.heappop(heap)
        if node in seen:
            continue
        seen.add(node)
        if node != start and node in sources:
            value = -negative * sources[node].risk
            if best is None or value > best[0]:
                best = (value, path, sources[node])
        for other, weight, why in graph.get(node, ()):
            if other not in seen:
                heapq.heappush(
                    heap, (negative * weight, other, [*path, (node, other, weight, why)])
                )
    return best


def _link(
    actor: int,
    brand: str,
    strength: float,
    path: list[tuple[int, int, float, str]],
    source: Source,
    members: Mapping[int, Member],
) -> ActorLink:
    first = members[path[0][0]]
    hops = "; then ".join(f"to {members[b].label} ({why})" for _, b, _, why in path)
    did = "; ".join(source.phrases)
    text = (
        f"{_capital(first.label)} is linked {hops}; that account has {_count(source)} "
        f"about {brand} rated {source.level} ({did})."
    )
    evidence = {
        "actor": actor,
        "path": [
            {"from": members[a].label, "to": members[b].label, "weight": w, "why": why}
            for a, b, w, why in path
        ],
        "source": {
            "account": members[source.account].label,
            "level": source.level,
            "risk": source.risk,
            "listings": list(source.listings),
        },
    }
    return ActorLink(brand, actor, round(strength, 4), text, evidence)


def reasons(shared: list[dict[str, Any]]) -> str:
    """Why two accounts (an edge's first and second) are joined, in words."""
    return _reasons(shared, flip=False)


def _count(source: Source) -> str:
    parts = []
    for n, word in ((source.posts, "post"), (source.count - source.posts, "listing")):
        if n:
            parts.append(f"{n} {word}" + ("s" if n > 1 else ""))
    return " and ".join(parts)


def _reasons(shared: list[dict[str, Any]], *, flip: bool) -> str:
    """Why two accounts are joined, said from the first towards the second."""
    parts: list[str] = []
    photos = [s for s in shared if s["kind"] == "image"]
    for item in shared:
        if item["kind"] == "image":
            continue
        mine, theirs = item.get("sources", ["", ""])
        if flip:
            mine, theirs = theirs, mine
        parts.append(_reason(item["kind"], item["value"], mine, theirs))
    if photos:
        parts.append(f"{len(photos)} shared photo" + ("s" if len(photos) > 1 else ""))
    return "; ".join(dict.fromkeys(parts))


def _reason(kind: str, value: str, mine: str, theirs: str) -> str:
    own = ("own account", "own storefront", "own listing")
    if kind in ("account", "domain", "product") and mine in own and theirs not in own:
        place = {"account": "storefront", "domain": "web store", "product": "listing"}[kind]
        where = theirs.replace("listing link", "a post").replace("bio link", "bio")
        return f"its {where} links to this {place}"
    if kind in ("account", "domain", "product") and theirs in own and mine not in own:
        return f"this account links to its {value}"
    labels = {
        "phone": "same phone",
        "email": "same e-mail",
        "messaging": "same messaging handle",
        "payment": "same payment handle",
        "company": "same legal name",
        "person": "same legal name",
        "address": "same address",
        "username": "similar usernames",
        "link_page": "same link-in-bio page",
        "short_link": "same short link",
        "domain": "same domain",
        "account": "both link to",
        "product": "both link to",
    }
    return f"{labels.get(kind, kind)} {value}"


def source_of(account: int, brand: str, findings: Sequence[Mapping[str, Any]]) -> Source:
    """A member's own findings for one brand, summarised."""
    phrases: dict[str, None] = {}
    kinds: dict[str, None] = {}
    for finding in findings:
        for signal in finding["signals"]:
            detector = signal["detector"]
            if detector == "actor" or signal.get("strength", 0) <= 0:
                continue
            kinds.setdefault(f"{detector}.{signal['kind']}", None)
            if detector == "wording":
                said = signal.get("evidence", {})
                term = said.get("matched") or said.get("term")
                phrases.setdefault(f"'{term}'" if term else _SUMMARY[detector], None)
            elif detector in _SUMMARY:
                phrases.setdefault(_SUMMARY[detector], None)
    levels = [str(f["level"]) for f in findings]
    level = "high" if "high" in levels else "medium"
    return Source(
        account,
        brand,
        len(findings),
        sum(1 for f in findings if f.get("kind") == "post"),
        level,
        max(float(f["own_risk"]) for f in findings),
        tuple(kinds),
        tuple(phrases),
        tuple(str(f["listing"]) for f in findings),
    )


def own_risk(signals: Sequence[Mapping[str, Any]], risk: float, level: str) -> tuple[float, str]:
    """A finding's risk and level before any actor link raised them."""
    for signal in signals:
        if signal["detector"] == "actor":
            evidence = signal.get("evidence", {})
            return float(evidence.get("own_risk", 0.0)), str(evidence.get("own_level", "none"))
    return risk, level


def actor_signal(listing: Listing, link: ActorLink, own: tuple[float, str]) -> Signal:
    evidence = dict(link.evidence, own_risk=own[0], own_level=own[1])
    key = (listing.platform, listing.external_id)
    return Signal("actor", "linked", link.brand, key, link.strength, link.explanation, evidence)


def _platform(name: str) -> str:
    return {
        "amazon": "Amazon",
        "ebay": "eBay",
        "etsy": "Etsy",
        "aliexpress": "AliExpress",
        "shopify": "Shopify",
        "webstore": "web store",
        "instagram": "Instagram",
        "tiktok": "TikTok",
        "x": "X",
        "pinterest": "Pinterest",
        "facebook": "Facebook",
    }.get(name, name)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def plausible_links(
    listing: Listing, links: Sequence[ActorLink], index: BrandIndex
) -> list[ActorLink]:
    """The links whose brand the listing plausibly concerns: it names one of the brand's
    products or their category, or a picture matches the brand. Posts and listings of the
    actor that concern none of this are not lifted."""
    if not links:
        return []
    named = index.products(listing)
    categories = index.categories(listing)
    pictured = {match.brand for match in index.image_matches(listing)}
    kept = []
    for link in links:
        brand = index.brands.get(link.brand)
        if brand is None:
            continue
        own_categories = {p.category for p in brand.products if p.category}
        if link.brand in named or own_categories & categories or link.brand in pictured:
            kept.append(link)
    return kept
