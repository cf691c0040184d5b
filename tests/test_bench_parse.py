"""bench/parse.py runs at a tiny size so it never rots; figures are not asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_parse_benchmark_runs_and_ends_with_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "parse.py"), "--records", "50", "--pages", "5"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    pairs = dict(item.split("=", 1) for item in last.split())
    assert pairs, last
    # every channel has fixtures of its own, so each one measured gives both figures
    platforms = {
        key.rsplit("_records_per_s", 1)[0] for key in pairs if key.endswith("_records_per_s")
    }
    assert platforms
    assert all(f"{platform}_floor_ratio" in pairs for platform in platforms)
    assert all(float(value) > 0 for value in pairs.values())
