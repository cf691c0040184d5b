"""The graph rule: weights fade with holders, edges combine, decisions override."""

from __future__ import annotations

import pytest

from hallmark.link.graph import Decisions, Linker, LinkRules, Shared, actor_groups, edge_weight

RULES = LinkRules(
    weights={"phone": 0.95, "image": 0.6, "username": 0.6, "address": 0.7},
    join=0.8,
    actor_size=8,
    sizes={"image": 4},
    learned=["image"],
)


def test_weights_fade_past_the_actor_size() -> None:
    assert RULES.weight("phone", 2) == 0.95
    assert RULES.weight("phone", 8) == 0.95
    assert RULES.weight("phone", 16) == pytest.approx(0.95 / 4)
    assert RULES.weight("phone", 40) == pytest.approx(0.95 * (8 / 40) ** 2)
    assert RULES.weight("image", 4) == 0.6 and RULES.weight("image", 8) == pytest.approx(0.15)
    assert RULES.weight("unknown", 2) == 0.0
    assert RULES.most_holders() == 55


def test_learned_kinds_weigh_less_where_their_values_are_often_shared() -> None:
    assert RULES.reliability("phone", {"phone": (10, 10)}) == 1.0
    assert RULES.reliability("image", {}) == pytest.approx(0.95)
    assert RULES.reliability("image", {"image": (1000, 10)}) == pytest.approx(1 - 11 / 1020)
    assert RULES.reliability("image", {"image": (46, 30)}) == pytest.approx(1 - 31 / 66)


def test_an_edge_combines_what_two_accounts_share_usernames_once() -> None:
    phone = Shared("phone", "+85261234567", 2, 0.95)
    photo = Shared("image", "f0f0", 2, 0.6)
    names = [Shared("username", "bestluxe", 2, 0.6), Shared("username", "bestluxeoutlet", 2, 0.6)]
    assert edge_weight([phone]) == 0.95
    assert edge_weight([photo]) == 0.6
    assert edge_weight([photo, Shared("image", "0f0f", 2, 0.6)]) == 0.84
    assert edge_weight(names) == 0.6
    assert edge_weight([*names, photo]) == 0.84


def test_groups_join_strong_edges_and_respect_decisions() -> None:
    edges = [(1, 2, 0.95), (2, 3, 0.84), (3, 4, 0.6), (5, 6, 0.9)]
    assert actor_groups((), edges, RULES) == [[1, 2, 3], [5, 6]]
    apart = Decisions(different={(1, 3)})
    assert actor_groups((), edges, RULES, apart) == [[1, 2], [5, 6]]
    together = Decisions(same={(4, 6)})
    assert actor_groups((), edges, RULES, together) == [[1, 2, 3], [4, 5, 6]]


def test_the_in_memory_linker_counts_values_and_links_once_each() -> None:
    linker = Linker(RULES)
    linker.add(1, [("phone", "+1"), ("image", "a"), ("image", "b")])
    linker.add(2, [("phone", "+1")])
    linker.add(3, [("image", "a"), ("image", "b")])
    linker.add(3, [("image", "a")])
    assert linker.stats() == {"phone": (1, 1), "image": (2, 2)}
    assert sorted(linker.edges()) == [(1, 2), (1, 3)]
    # every photo here is shared, so two shared photos weigh 1 - (1 - 0.6 * (1 - 3/22))^2 = 0.77
    assert linker.actors() == [[1, 2]]
    for n in range(4, 40):
        linker.add(n, [("image", f"own-{n}")])
    assert linker.actors() == [[1, 2, 3]]
