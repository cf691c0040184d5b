"""Canonical records imported per second, against raw sqlite3 executemany of the same rows.

Writes N canonical JSON Lines records, imports them into a fresh SQLite store with
`hallmark import`'s own code path, then re-imports them (nothing changes), and in the same
run inserts the same rows with the standard library's sqlite3 executemany into a table with
the same unique key. Wall time; the last line is key=value pairs.

    python bench/import.py [--records 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import closing_line, machine, pin_one_core
from hallmark.config import Settings
from hallmark.pipeline.importer import import_file
from hallmark.store import open_store

WORDS = (
    "gold",
    "bracelet",
    "steel",
    "women",
    "gift",
    "screw",
    "bangle",
    "plated",
    "luxury",
    "love",
    "silver",
    "ring",
    "watch",
    "leather",
    "bag",
    "shoes",
    "studded",
    "classic",
    "new",
    "sale",
)
COLUMNS = (
    "kind",
    "platform",
    "external_id",
    "url",
    "account",
    "title",
    "text",
    "price",
    "currency",
    "captured_at",
)


def records(count: int, rng: random.Random) -> list[dict[str, object]]:
    rows = []
    for i in range(count):
        title = " ".join(rng.choice(WORDS) for _ in range(8)).title()
        rows.append(
            {
                "kind": "listing",
                "platform": rng.choice(("amazon", "ebay", "etsy")),
                "external_id": f"X{i:09d}",
                "url": f"https://shop.test/item/{i}",
                "account": f"SELLER{rng.randrange(3000)}",
                "title": title,
                "text": " ".join(rng.choice(WORDS) for _ in range(40)),
                "price": f"{rng.uniform(5, 500):.2f}",
                "currency": "USD",
                "captured_at": "2026-11-01T12:00:00Z",
            }
        )
    return rows


def raw_sqlite(rows: list[dict[str, object]], folder: Path) -> float:
    connection = sqlite3.connect(folder / "raw.db")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(
        "CREATE TABLE listing (id INTEGER PRIMARY KEY, kind TEXT, platform TEXT, external_id TEXT, url TEXT, "
        "account TEXT, title TEXT, text TEXT, price TEXT, currency TEXT, captured_at TEXT, "
        "UNIQUE(platform, external_id))"
    )
    start = time.perf_counter()
    with connection:
        connection.executemany(
            f"INSERT INTO listing ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
            [tuple(row[c] for c in COLUMNS) for row in rows],
        )
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    pin_one_core()
    rows = records(args.records, random.Random(20261124))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "records.jsonl"
        source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        store = open_store(f"sqlite:///{folder / 'hallmark.db'}", folder)
        workspace = store.workspace("bench")
        start = time.perf_counter()
        first = import_file(store, workspace, source, Settings())
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = import_file(store, workspace, source, Settings())
        again_s = time.perf_counter() - start
        store.dispose()
        raw_s = raw_sqlite(rows, folder)
    assert first.counts.new == args.records and again.counts.unchanged == args.records
    rate, raw_rate, again_rate = (
        args.records / first_s,
        args.records / raw_s,
        args.records / again_s,
    )
    print(f"machine: {machine()}")
    print(f"records: {args.records:,} canonical JSON Lines listings")
    print(f"raw sqlite3 executemany (same rows, same unique key): {raw_rate:,.0f} rows/s")
    print(f"hallmark import, first: {rate:,.0f} records/s ({first.summary()})")
    print(f"hallmark import, again: {again_rate:,.0f} records/s ({again.summary()})")
    print(
        closing_line(
            records_per_s=round(rate),
            raw_ratio=round(raw_rate / rate, 2),
            reimport_records_per_s=round(again_rate),
            raw_rows_per_s=round(raw_rate),
        )
    )


if __name__ == "__main__":
    main()
