"""Splink's side of the linking benchmark: the same accounts clustered by the established
probabilistic record-linkage library (https://moj-analytical-services.github.io/splink/), so
bench/link.py can print Hallmark's actor linking next to it.

Needs the `bench` extra (splink and duckdb). Run alone for a self-test on synthetic accounts:

    python bench/link_splink.py [--accounts 20000] [--seed 7]
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa  # type: ignore[import-untyped]
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

KINDS = (
    "account",
    "product",
    "domain",
    "link_page",
    "short_link",
    "phone",
    "email",
    "messaging",
    "payment",
    "company",
    "person",
    "address",
    "username",
    "image",
)
"""Hallmark's identifier kinds, each one array column (and one comparison) in the model."""

HUB_LIMIT = 50
"""Values held by more accounts than this are dropped before Splink sees them."""

EM_SESSIONS = 2
"""Expectation-maximisation sessions, each blocked on one MinHash key (see `_table`)."""
EM_KEY_KINDS = frozenset(KINDS) - {"username", "image", "product"}
"""The kinds the MinHash keys draw on: contact and ownership identifiers. Handles, photos and
product links are left out: their coincidental shares would outnumber the actors' pairs and EM
would take them for the matches."""
U_MAX_PAIRS = 1e7
"""Random pairs sampled for the u probabilities."""

PRIOR_RULE_KINDS = ("account", "phone", "email", "payment", "messaging")
"""Kinds whose exact share is taken as a near-certain match to estimate the prior."""
PRIOR_RULE_RECALL = 0.6

Records = Sequence[tuple[int, Sequence[tuple[str, str]]]]


def splink_clusters(
    records: Records, *, threshold: float = 0.9, seed: int = 7
) -> tuple[list[list[int]], dict[str, float]]:
    """Cluster accounts with Splink. `records` are (node id, identifiers) where identifiers are
    Hallmark's normalised (kind, value) pairs. Returns clusters (lists of node ids, only those
    with 2+ members) and timing figures {"train_s": ..., "predict_s": ..., "cluster_s": ...}
    (wall seconds).

    The model (Splink 5, DuckDB backend, dedupe_only, Fellegi-Sunter):

    - Input: one row per account, one list column per identifier kind (sorted distinct values,
      NULL when the account has none). Values held by more than HUB_LIMIT (50) accounts are
      dropped first, as the research baseline did: Splink's term-frequency adjustments work on a
      column's whole value, not on array elements, so they cannot discount a courier's phone
      inside a list of phones, and exact-share blocking on such a hub would make huge blocks.
      Kinds no two accounts share are left out of the model (they could not be trained).
    - Comparisons: `ArrayIntersectAtSizes` per kind; levels "null", "share >= 2" (image,
      username, account, product: several shared photos or links say more than one),
      "share >= 1", "else" (both have values, none shared).
    - Blocking for prediction: an exact shared value of any kind, arrays exploded
      (`block_on(kind, arrays_to_explode=[kind])`), i.e. every pair sharing at least one value.
    - Training: the prior (probability two random accounts match) from deterministic rules (a
      shared account link, phone, e-mail, payment or messaging handle) at an assumed 60%
      recall; u by random sampling (1e7 pairs, seeded); m by expectation maximisation in
      EM_SESSIONS (2) sessions. Splink's EM takes only plain (non-exploding) blocking rules, so
      each session blocks on a seeded MinHash key: per account the minimum hash over its
      shared (2 to 50 holders) contact and ownership values (EM_KEY_KINDS: not handles, photos
      or product links, whose chance shares would outnumber the actors' pairs and which EM
      then took for the matches). The key is in no comparison, so every session trains them all.
    - Predict at match probability `threshold`, then `cluster_pairwise_predictions_at_threshold`
      (connected components) at the same threshold.

    Deterministic for a given input and seed (seeded sampling; EM is deterministic), quiet
    (Splink logs at WARNING, less EM's per-level "not observed" notes; no charts). Runs in an
    in-memory DuckDB with as many threads as this process may use cores.

    Expect high precision and low recall at 0.9: unrelated accounts almost never share a phone or
    e-mail, so the random pairs that do share one are mostly the actors' own, and u (sampled
    on the assumption that random pairs do not match) is inflated by them; one shared contact
    then scores about even odds, and only accounts sharing several values pass the threshold.
    """
    started = time.perf_counter()
    table, kinds = _table(records, seed)
    if not kinds:
        return [], {"train_s": 0.0, "predict_s": 0.0, "cluster_s": 0.0}

    connection = duckdb.connect(":memory:")
    connection.execute(f"SET threads = {_cores()}")
    db_api = DuckDBAPI(connection)
    accounts = db_api.register(table, table_name="accounts")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            cl.ArrayIntersectAtSizes(
                kind, [2, 1] if kind in ("image", "username", "account", "product") else [1]
            )
            for kind in kinds
        ],
        blocking_rules_to_generate_predictions=[
            block_on(kind, arrays_to_explode=[kind]) for kind in kinds
        ],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        max_iterations=25,
    )
    linker = Linker(accounts, settings, log_level=logging.WARNING)
    for handler in logging.getLogger("splink").handlers:
        if _UNOBSERVED not in handler.filters:
            handler.addFilter(_UNOBSERVED)

    prior_rules = [
        block_on(kind, arrays_to_explode=[kind]) for kind in PRIOR_RULE_KINDS if kind in kinds
    ]
    if prior_rules:
        linker.training.estimate_probability_two_random_records_match(
            prior_rules,  # type: ignore[arg-type]
            recall=PRIOR_RULE_RECALL,
        )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=seed)
    for session in range(EM_SESSIONS):
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(f"em_key_{session}"), estimate_without_term_frequencies=True
        )
    trained = time.perf_counter()

    predictions = linker.inference.predict(
        threshold_match_probability=threshold, warning_mode="never"
    )
    predicted = time.perf_counter()

    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    rows = clustered.as_duckdbpyrelation().select("cluster_id, unique_id").fetchall()
    members: dict[Any, list[int]] = defaultdict(list)
    for cluster_id, unique_id in rows:
        members[cluster_id].append(int(unique_id))
    clusters = sorted(sorted(m) for m in members.values() if len(m) > 1)
    done = time.perf_counter()
    connection.close()
    return clusters, {
        "train_s": trained - started,
        "predict_s": predicted - trained,
        "cluster_s": done - predicted,
    }


class _Unobserved(logging.Filter):
    """Drops EM's "level not observed in dataset, unable to train m value" warnings (one per
    session and level; such levels keep their default m), so the benchmark's output stays
    readable. Every other Splink warning passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "not observed in dataset" not in record.getMessage()


_UNOBSERVED = _Unobserved()


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _table(records: Records, seed: int) -> tuple[pa.Table, list[str]]:
    """One row per account: its id, one sorted list column per kind shared by two accounts at
    least (hub values dropped), and EM_SESSIONS MinHash keys over its shared values."""
    holders: dict[tuple[str, str], int] = defaultdict(int)
    per_record: list[dict[str, set[str]]] = []
    for _, identifiers in records:
        values: dict[str, set[str]] = defaultdict(set)
        for kind, value in identifiers:
            if kind in KINDS:
                values[kind].add(value)
        for kind, held in values.items():
            for value in held:
                holders[kind, value] += 1
        per_record.append(values)
    shared = {kind for (kind, _), n in holders.items() if 2 <= n <= HUB_LIMIT}
    kinds = [kind for kind in KINDS if kind in shared]
    columns: dict[str, list[Any]] = {"unique_id": [node for node, _ in records]}
    for kind in kinds:
        column: list[list[str] | None] = []
        for values in per_record:
            kept = sorted(v for v in values.get(kind, ()) if holders[kind, v] <= HUB_LIMIT)
            column.append(kept or None)
        columns[kind] = column
    for session in range(EM_SESSIONS):
        salt = f"{seed}:{session}:".encode()
        keys: list[int | None] = []
        for values in per_record:
            hashes = [
                _hash(salt, kind, value)
                for kind, held in values.items()
                if kind in EM_KEY_KINDS
                for value in held
                if 2 <= holders[kind, value] <= HUB_LIMIT
            ]
            keys.append(min(hashes) if hashes else None)
        columns[f"em_key_{session}"] = keys
    schema = pa.schema(
        [pa.field("unique_id", pa.int64())]
        + [pa.field(kind, pa.list_(pa.string())) for kind in kinds]
        + [pa.field(f"em_key_{session}", pa.int64()) for session in range(EM_SESSIONS)]
    )
    return pa.table(columns, schema=schema), kinds


def _hash(salt: bytes, kind: str, value: str) -> int:
    digest = hashlib.blake2b(f"{kind}\x00{value}".encode(), digest_size=8, salt=salt[:16])
    return int.from_bytes(digest.digest(), "big", signed=True)


# ---------------------------------------------------------------------------------------------
# Self-test on synthetic accounts.


def _synthetic(n: int, seed: int) -> tuple[list[tuple[int, list[tuple[str, str]]]], list[int]]:
    """`n` accounts; 2% in actors of 2 to 8 sharing some of a phone, an e-mail, photos, a link to
    a member's storefront, a payment handle; 1% holding hub values (a courier phone, stock
    photos, a marketplace domain) shared by hundreds; handles drawn from a small vocabulary so
    unrelated accounts collide."""
    import random

    rng = random.Random(seed)
    names = [f"{a}{b}" for a in ("gold", "luxe", "chic", "glam", "royal") for b in ("shop", "box")]
    records: list[tuple[int, list[tuple[str, str]]]] = []
    truth = [-1] * n
    node = 0
    actor = 0
    in_actors = n // 50
    while node < n:
        size = rng.randint(2, 8) if node < in_actors else 1
        photos = [f"{rng.getrandbits(64):016x}" for _ in range(4)]
        pool = {
            "phone": f"+4470{actor:08d}",
            "email": f"actor{actor}@mail.example",
            "payment": f"paypal:actor{actor}",
            "domain": f"actor{actor}-outlet.com",
            "store": f"amazon:A{node:011d}",
        }
        for member in range(min(size, n - node)):
            ids: list[tuple[str, str]] = [
                ("account", f"amazon:A{node:011d}" if member == 0 else f"ebay:u{node}")
            ]
            if rng.random() < 0.7:
                ids.append(("username", f"{rng.choice(names)}{rng.randrange(300)}"))
            else:
                ids.append(("username", rng.choice(("anna", "chen", "leo", "mia"))))
            if rng.random() < 0.6:
                ids.append(("phone", f"+1{rng.randrange(2 * 10**9, 10**10)}"))
            if rng.random() < 0.5:
                ids.append(("email", f"u{node}.{rng.randrange(10**6)}@mail.example"))
            ids += [("image", f"{rng.getrandbits(64):016x}") for _ in range(rng.randint(1, 4))]
            if rng.random() < 0.01:
                ids.append(
                    rng.choice(
                        (
                            ("phone", "+18005550199"),
                            ("image", f"{0xA5A5A5A500000000 + rng.randrange(3):016x}"),
                            ("domain", "amazon.com"),
                        )
                    )
                )
            if size > 1:
                truth[node] = actor
                for draw in set(
                    rng.choices(
                        ("phone", "email", "photos", "store", "payment", "domain"),
                        k=rng.randint(1, 3),
                    )
                ):
                    if draw == "photos":
                        ids += [("image", p) for p in rng.sample(photos, 3)]
                    elif draw == "store":
                        if member:
                            ids.append(("account", pool["store"]))
                    else:
                        ids.append((draw, pool[draw]))
            records.append((node, ids))
            node += 1
        actor += 1
    return records, truth


def _pairwise(clusters: Iterable[list[int]], truth: list[int]) -> tuple[float, float]:
    predicted = correct = 0
    for cluster in clusters:
        predicted += len(cluster) * (len(cluster) - 1) // 2
        counts: dict[int, int] = defaultdict(int)
        for node in cluster:
            if truth[node] >= 0:
                counts[truth[node]] += 1
        correct += sum(c * (c - 1) // 2 for c in counts.values())
    sizes: dict[int, int] = defaultdict(int)
    for actor in truth:
        if actor >= 0:
            sizes[actor] += 1
    true_pairs = sum(c * (c - 1) // 2 for c in sizes.values())
    return (correct / predicted if predicted else 1.0), (
        correct / true_pairs if true_pairs else 1.0
    )


def _exact_union(records: Records) -> list[list[int]]:
    """Accounts unioned when they share any value held by 2 to HUB_LIMIT accounts."""
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for node, identifiers in records:
        for pair in set(identifiers):
            holders[pair].append(node)
    parent = {node: node for node, _ in records}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for nodes in holders.values():
        if 2 <= len(nodes) <= HUB_LIMIT:
            for other in nodes[1:]:
                parent[root(other)] = root(nodes[0])
    groups: dict[int, list[int]] = defaultdict(list)
    for node in parent:
        groups[root(node)].append(node)
    return [g for g in groups.values() if len(g) > 1]


def main() -> None:
    import argparse
    import resource

    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=0.9)
    args = parser.parse_args()
    records, truth = _synthetic(args.accounts, args.seed)
    start = time.perf_counter()
    clusters, timing = splink_clusters(records, threshold=args.threshold, seed=args.seed)
    wall = time.perf_counter() - start
    precision, recall = _pairwise(clusters, truth)
    _, ceiling = _pairwise(_exact_union(records), truth)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(records):,} accounts, {sum(t >= 0 for t in truth):,} in actors: "
        f"{len(clusters):,} clusters, pairwise precision {precision:.4f} recall {recall:.4f} "
        f"(exact union over values held by 2 to {HUB_LIMIT}: {ceiling:.4f}); "
        f"{wall:.1f} s wall (train {timing['train_s']:.1f}, predict {timing['predict_s']:.1f}, "
        f"cluster {timing['cluster_s']:.1f}); peak {peak:,.0f} MB"
    )


if __name__ == "__main__":
    main()
