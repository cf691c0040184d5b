"""Scan: idempotent, incremental by brand and listing version, resumable after a kill."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from hallmark.detect import build_detectors
from hallmark.pipeline.scan import scan
from hallmark.score import Rules
from hallmark.store import Store
from hallmark.store.brands import add_brand
from hallmark.store.findings import query_findings
from hallmark.store.listings import PreparedListing, upsert_listings
from hallmark.store.tables import findings
from hallmark.testing import brand_spec, make_listing
from tests.conftest import NOW


def seed(store: Store, n: int = 30) -> None:
    ws = store.workspace("acme")
    items = [
        PreparedListing(
            make_listing(f"Cartier bracelet replica no. {i}", price="29.99", external_id=f"L{i}")
        )
        for i in range(n)
    ]
    with store.transaction() as conn:
        upsert_listings(conn, ws, items, NOW)


def finding_count(store: Store) -> int:
    with store.transaction() as conn:
        return int(conn.execute(select(func.count()).select_from(findings)).scalar_one())


def test_scan_twice_adds_nothing(store: Store, rules: Rules) -> None:
    seed(store)
    ws = store.workspace("acme")
    with store.transaction() as conn:
        add_brand(conn, ws, brand_spec(), source="b.yaml", at=NOW)
    first = scan(store, ws, rules, build_detectors(), batch_size=7)
    second = scan(store, ws, rules, build_detectors(), batch_size=7)
    assert (first.listings, first.batches, first.findings["high"]) == (30, 5, 30)
    assert (second.listings, finding_count(store)) == (0, 30)


def test_brand_added_later_checks_old_listings(store: Store, rules: Rules) -> None:
    seed(store, 5)
    ws = store.workspace("acme")
    with store.transaction() as conn:
        add_brand(
            conn, ws, brand_spec(name="Other", marks=[{"text": "ZORBLAX"}]), source="o.yaml", at=NOW
        )
    assert scan(store, ws, rules, build_detectors()).listings == 5
    assert finding_count(store) == 0
    with store.transaction() as conn:
        add_brand(conn, ws, brand_spec(), source="b.yaml", at=NOW)
    report = scan(store, ws, rules, build_detectors())
    assert (report.listings, finding_count(store)) == (5, 5)


def test_changed_listing_is_rescored(store: Store, rules: Rules) -> None:
    seed(store, 3)
    ws = store.workspace("acme")
    with store.transaction() as conn:
        add_brand(conn, ws, brand_spec(), source="b.yaml", at=NOW)
    scan(store, ws, rules, build_detectors())
    with store.transaction() as conn:
        upsert_listings(
            conn,
            ws,
            [PreparedListing(make_listing("Cartier bracelet", price="7000", external_id="L1"))],
            NOW,
        )
    assert scan(store, ws, rules, build_detectors()).listings == 1
    with store.transaction() as conn:
        queue = query_findings(conn, ws)
    assert sorted((r.external_id, r.level) for r in queue) == [
        ("L0", "high"),
        ("L1", "low"),
        ("L2", "high"),
    ]


def hallmark(
    tmp_path: Path, *args: str, crash_after: int | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HALLMARK_DATA_DIR": str(tmp_path / "data"),
        "HALLMARK_SCAN_BATCH_SIZE": "10",
    }
    env.pop("HALLMARK_DATABASE_URL", None)
    if crash_after is not None:
        env["HALLMARK_TEST_CRASH_AFTER_BATCHES"] = str(crash_after)
    return subprocess.run(
        [sys.executable, "-m", "hallmark", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_killed_scan_resumes_where_it_stopped(tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text(json.dumps(brand_spec()), encoding="utf-8")
    data = tmp_path / "l.jsonl"
    data.write_text(
        "\n".join(
            json.dumps(
                {
                    "kind": "listing",
                    "platform": "ebay",
                    "external_id": str(i),
                    "url": f"https://www.ebay.com/itm/{i}",
                    "account": "s",
                    "title": f"Cartier bracelet {i}",
                    "price": "20",
                    "currency": "USD",
                    "captured_at": "2026-11-01T12:00:00Z",
                }
            )
            for i in range(45)
        )
        + "\n",
        encoding="utf-8",
    )
    assert hallmark(tmp_path, "brand", "add", str(brand)).returncode == 0
    assert (
        hallmark(tmp_path, "import", str(data)).stdout.strip()
        == "45 new, 0 changed, 0 unchanged, 0 rejected"
    )
    killed = hallmark(tmp_path, "scan", crash_after=2)
    assert killed.returncode == 137
    exported = hallmark(tmp_path, "findings", "export").stdout.splitlines()
    assert len(exported) == 20
    resumed = hallmark(tmp_path, "scan")
    assert resumed.returncode == 0, resumed.stderr
    rows = [json.loads(x) for x in hallmark(tmp_path, "findings", "export").stdout.splitlines()]
    assert sorted(int(r["external_id"]) for r in rows) == list(range(45))
    assert hallmark(tmp_path, "scan").returncode == 0
    assert len(hallmark(tmp_path, "findings", "export").stdout.splitlines()) == 45
