"""Scenario 1 (the split act) and the Valentino pattern, end to end on the demo data:
brand add, import, scan (which links before it scores)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hallmark.config import Settings
from hallmark.detect import build_detectors
from hallmark.pipeline.brands import register_brand_file
from hallmark.pipeline.importer import import_file
from hallmark.pipeline.scan import scan
from hallmark.score import Rules
from hallmark.store import Store
from hallmark.store.actors import (
    actor_ids_of,
)
from hallmark.store.findings import query_findings
from hallmark.store.identifiers import (
    account_id_named,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RECORDS = [
    json.loads(line) for line in (SAMPLES / "listings.jsonl").read_text("utf-8").splitlines()
]
AMAZON, INSTAGRAM, TIKTOK = "A2GILDSTEELCO", "gilded.drawer.daily", "gilded.drawer"


def subset(folder: Path, name: str, accounts: set[tuple[str, str]]) -> Path:
    """The demo records of these accounts (the account records and their listings)."""
    chosen = [
        r
        for r in RECORDS
        if (r["platform"], r["external_id"] if r["kind"] == "account" else r.get("account"))
        in accounts
    ]
    for record in chosen:
        for image in record.get("images", []):
            (folder / image).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SAMPLES / image, folder / image)
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in chosen), encoding="utf-8")
    return path


@pytest.fixture
def demo_store(sqlite_store: Store) -> Store:
    ws = sqlite_store.workspace("demo")
    for path in sorted((SAMPLES / "brands").glob("*.yaml")):
        register_brand_file(sqlite_store, ws, path, Settings())
    return sqlite_store


def findings_of(store: Store, platform: str, account: str) -> list:  # type: ignore[type-arg]
    ws = store.workspace("demo")
    with store.transaction() as conn:
        rows = query_findings(conn, ws)
    return [r for r in rows if r.platform == platform and r.account == account]


def test_split_act_amazon_listing_rises_to_high_only_through_its_actor(
    demo_store: Store, rules: Rules, tmp_path: Path
) -> None:
    ws = demo_store.workspace("demo")
    detectors = build_detectors()
    amazon = subset(tmp_path, "amazon.jsonl", {("amazon", AMAZON)})
    assert import_file(demo_store, ws, amazon, Settings()).rejected == []
    scan(demo_store, ws, rules, detectors)
    alone = findings_of(demo_store, "amazon", AMAZON)
    assert all(r.level in ("low", "medium") for r in alone), [r.explanation for r in alone]

    social = {("instagram", INSTAGRAM), ("tiktok", TIKTOK)}
    assert (
        import_file(demo_store, ws, subset(tmp_path, "social.jsonl", social), Settings()).rejected
        == []
    )
    report = scan(demo_store, ws, rules, detectors)
    assert report.linked is not None and not report.linked.full
    posts = findings_of(demo_store, "instagram", INSTAGRAM)
    assert posts and all(r.level == "high" for r in posts)
    with demo_store.transaction() as conn:
        ids = [
            account_id_named(conn, ws, p, a)
            for p, a in (("amazon", AMAZON), ("instagram", INSTAGRAM), ("tiktok", TIKTOK))
        ]
        actors = actor_ids_of(conn, ws, [i for i in ids if i])
    assert len(actors) == 3 and len(set(actors.values())) == 1

    lifted = findings_of(demo_store, "amazon", AMAZON)
    assert len(lifted) == 3 and all(r.level == "high" for r in lifted)
    for row in lifted:
        assert row.explanation.startswith(
            "Amazon 'GildSteel Store' is linked to Instagram @gilded.drawer.daily "
            "(its bio links to this storefront); that account has 3 posts about Maison Vareille "
            "rated high"
        ), row.explanation
        assert "'DM for price'" in row.explanation
        [actor] = [s for s in row.signals if s["detector"] == "actor"]
        path = actor["evidence"]["path"]
        assert [(p["from"], p["to"]) for p in path] == [
            ("Amazon 'GildSteel Store'", "Instagram @gilded.drawer.daily")
        ]
        assert actor["evidence"]["own_level"] == "none"
        assert len(actor["evidence"]["source"]["listings"]) == 3

    again = scan(demo_store, ws, rules, detectors)
    assert again.listings == 0 and not any(again.actor_rescored.values())


def test_unrelated_listings_of_the_actor_are_not_lifted(
    demo_store: Store, rules: Rules, tmp_path: Path
) -> None:
    ws = demo_store.workspace("demo")
    accounts = {("amazon", AMAZON), ("instagram", INSTAGRAM)}
    path = subset(tmp_path, "s1.jsonl", accounts)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            json.dumps(
                {
                    "kind": "listing",
                    "platform": "amazon",
                    "external_id": "B0PHONECASE",
                    "url": "https://www.amazon.com/dp/B0PHONECASE",
                    "account": AMAZON,
                    "title": "Clear Phone Case for iPhone 15, Shockproof",
                    "price": "9.99",
                    "currency": "USD",
                    "captured_at": "2026-11-20T10:00:00Z",
                }
            )
            + "\n"
        )
    assert import_file(demo_store, ws, path, Settings()).rejected == []
    scan(demo_store, ws, rules, build_detectors())
    rows = findings_of(demo_store, "amazon", AMAZON)
    assert {r.external_id for r in rows if r.level == "high"} and "B0PHONECASE" not in {
        r.external_id for r in rows
    }


def test_closed_marketplace_seller_and_its_web_store_are_one_actor(
    demo_store: Store, rules: Rules, tmp_path: Path
) -> None:
    ws = demo_store.workspace("demo")
    accounts = {("amazon", "A1STUDLUXEDIRECT"), ("webstore", "studpumps-outlet.com")}
    import_file(demo_store, ws, subset(tmp_path, "s2.jsonl", accounts), Settings())
    report = scan(demo_store, ws, rules, build_detectors())
    assert report.linked is not None and report.linked.actors["created"] == 1
    with demo_store.transaction() as conn:
        closed = account_id_named(conn, ws, "amazon", "A1STUDLUXEDIRECT")
        store_id = account_id_named(conn, ws, "webstore", "studpumps-outlet.com")
        assert closed and store_id
        actors = actor_ids_of(conn, ws, [closed, store_id])
    assert len(actors) == 2 and len(set(actors.values())) == 1
