"""The actor graph: accounts are nodes, shared identifiers make weighted edges, and accounts
joined by strong enough edges (or by a person's decision) form one actor.

The rule, documented in the README: an identifier of kind k held by n accounts weighs
base(k) while n <= size(k), and base(k) * (size(k) / n)^2 above (size(k) is actor_size, or
a smaller size for kinds such as photos that unrelated accounts often share), so an identifier that
many accounts share (a marketplace's domain, a stock photo, a courier's phone) fades by how
widely it is shared in the data itself. An edge's weight is 1 - prod(1 - w) over the
identifiers two accounts share; accounts join when it reaches `join`. Kinds listed as
`learned` (photos, usernames) are also weighed down by how often their values are shared at
all in the workspace: where most photos recur (stock and supplier photos), one more shared
photo says little. Strong kinds weigh
more than `join` alone; weak ones (a username, one photo) need a second identifier.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from operator import itemgetter

from pydantic import BaseModel, ConfigDict, Field

_FADED = 0.02
# Usernames: one account's handle and display name give several keys; only the best counts,
# so two keys of one name never pass for two identifiers.
_ONE_PER_EDGE = frozenset({"username"})


class LinkRules(BaseModel):
    """How identifiers weigh; see rules/link.yaml."""

    model_config = ConfigDict(extra="forbid")

    weights: dict[str, float] = Field(description="Base weight of each identifier kind.")
    join: float = Field(0.8, gt=0, le=1, description="Edge weight at which accounts join.")
    actor_size: int = Field(
        8, ge=2, description="Accounts one actor may run with one identifier before it fades."
    )
    sizes: dict[str, int] = Field(
        default_factory=dict,
        description="A smaller actor_size for kinds that unrelated accounts share more often.",
    )

    learned: list[str] = Field(
        default_factory=list,
        description="Kinds also weighed down by how often their values are shared at all here.",
    )
    prior_share: float = Field(0.05, ge=0, lt=1, description="Share assumed before any data.")
    prior_values: int = Field(20, ge=1, description="How many values the prior counts as.")

    def reliability(self, kind: str, stats: Mapping[str, tuple[int, int]]) -> float:
        """1 - the share of the kind's values that more than one account holds, smoothed
        towards `prior_share`; 1 for kinds not in `learned`. `stats` maps a kind to (values,
        values held by two or more)."""
        if kind not in self.learned:
            return 1.0
        values, shared = stats.get(kind, (0, 0))
        share = (shared + self.prior_share * self.prior_values) / (values + self.prior_values)
        return 1.0 - share

    def weight(self, kind: str, holders: int, reliability: float = 1.0) -> float:
        """The weight of an identifier of `kind` held by `holders` accounts."""
        base = self.weights.get(kind, 0.0) * reliability
        size = self.sizes.get(kind, self.actor_size)
        if holders <= size:
            return base
        return base * (size / holders) ** 2

    def most_holders(self) -> int:
        """Above this many holders, no identifier weighs enough to matter."""
        strongest = max(self.weights.values(), default=0.0)
        n = self.actor_size
        while strongest * (self.actor_size / (n + 1)) ** 2 >= _FADED:
            n += 1
        return n


@dataclass(frozen=True, slots=True)
class Shared:
    """One identifier two accounts share, with how many accounts hold it and its weight."""

    kind: str
    value: str
    holders: int
    weight: float


@dataclass(frozen=True, slots=True)
class Edge:
    """Two accounts (a < b) and what they share."""

    a: int
    b: int
    shared: tuple[Shared, ...]

    @property
    def weight(self) -> float:
        return edge_weight(self.shared)


def edge_weight(shared: Iterable[Shared]) -> float:
    """1 - prod(1 - w) over the shared identifiers."""
    rest = 1.0
    best: dict[str, float] = {}
    for item in shared:
        if item.kind in _ONE_PER_EDGE:
            best[item.kind] = max(best.get(item.kind, 0.0), item.weight)
        else:
            rest *= 1.0 - item.weight
    for weight in best.values():
        rest *= 1.0 - weight
    return round(1.0 - rest, 4)


def shared_edges(
    postings: Mapping[tuple[str, str], Sequence[int]],
    rules: LinkRules,
    stats: Mapping[str, tuple[int, int]],
) -> dict[tuple[int, int], list[Shared]]:
    """Every pair of accounts holding a common identifier that still weighs something."""
    limit = rules.most_holders()
    reliable = {kind: rules.reliability(kind, stats) for kind in stats}
    pairs: dict[tuple[int, int], list[Shared]] = defaultdict(list)
    for (kind, value), holders in postings.items():
        nodes = sorted(set(holders))
        if len(nodes) < 2 or len(nodes) > limit:
            continue
        weight = rules.weight(kind, len(nodes), reliable.get(kind, 1.0))
        if weight < _FADED:
            continue
        item = Shared(kind, value, len(nodes), round(weight, 4))
        for pair in combinations(nodes, 2):
            pairs[pair].append(item)
    return pairs


@dataclass
class Decisions:
    """People's decisions about pairs of accounts: the same actor, or not."""

    same: set[tuple[int, int]] = field(default_factory=set)
    different: set[tuple[int, int]] = field(default_factory=set)


def pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def actor_groups(
    nodes: Iterable[int],
    edges: Iterable[tuple[int, int, float]],
    rules: LinkRules,
    decisions: Decisions | None = None,
) -> list[list[int]]:
    """Groups of two or more accounts: joined by people's "same" decisions first, then by
    edges at or above `join`, strongest first, never across a "different" decision."""
    decisions = decisions or Decisions()
    parent: dict[int, int] = {n: n for n in nodes}
    apart: dict[int, set[int]] = defaultdict(set)
    for a, b in decisions.different:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        apart[a].add(b)
        apart[b].add(a)

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    members: dict[int, set[int]] = {}

    def join(a: int, b: int) -> None:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra == rb:
            return
        group_a = members.get(ra, {ra})
        group_b = members.get(rb, {rb})
        if any(apart[x] & group_b for x in group_a if x in apart):
            return
        if len(group_a) < len(group_b):
            ra, rb, group_a, group_b = rb, ra, group_b, group_a
        parent[rb] = ra
        members[ra] = group_a | group_b
        members.pop(rb, None)

    for a, b in sorted(decisions.same):
        join(a, b)
    for a, b, weight in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        if weight >= rules.join and pair(a, b) not in decisions.different:
            join(a, b)
    return sorted(sorted(group) for group in members.values() if len(group) > 1)


class Linker:
    """Links accounts in memory: add each account's identifiers, then ask for the actors.

    The link service uses it for a full relink; the benchmark times it on a million accounts.
    """

    def __init__(self, rules: LinkRules) -> None:
        self.rules = rules
        self._first: dict[tuple[str, str], int] = {}
        self._more: dict[tuple[str, str], list[int]] = {}

    def add(self, node: int, identifiers: Iterable[tuple[str, str]]) -> None:
        first, more = self._first, self._more
        for key in identifiers:
            holder = first.setdefault(key, node)
            if holder != node:
                held = more.get(key)
                if held is None:
                    more[key] = [holder, node]
                elif held[-1] != node:
                    held.append(node)

    def stats(self) -> dict[str, tuple[int, int]]:
        """Per kind: how many values, and how many of them more than one account holds."""
        values: Counter[str] = Counter(map(itemgetter(0), self._first))
        shared: Counter[str] = Counter(map(itemgetter(0), self._more))
        return {kind: (values[kind], shared[kind]) for kind in values}

    def edges(self) -> dict[tuple[int, int], list[Shared]]:
        return shared_edges(self._more, self.rules, self.stats())

    def actors(self, decisions: Decisions | None = None) -> list[list[int]]:
        found = self.edges()
        weighted = ((a, b, edge_weight(shared)) for (a, b), shared in found.items())
        return actor_groups(set(), weighted, self.rules, decisions)
