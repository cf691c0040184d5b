"""Each benchmark runs at a tiny size so it never rots; figures are not asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize(
    ("script", "args", "keys"),
    [
        (
            "text_scan.py",
            ["--listings", "300", "--brands", "40"],
            ["listings_per_s", "floor_ratio", "distinct_tokens"],
        ),
        (
            "import.py",
            ["--records", "300"],
            ["records_per_s", "raw_ratio", "reimport_records_per_s"],
        ),
        (
            "link.py",
            ["--accounts", "5000", "--splink", "0"],
            ["accounts_per_s", "floor_ratio", "link_s", "peak_mb", "precision"],
        ),
    ],
)
def test_benchmark_runs_and_ends_with_figures(
    script: str, args: list[str], keys: list[str]
) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    pairs = dict(item.split("=", 1) for item in last.split())
    assert list(pairs)[: len(keys)] == keys
    assert all(float(value) > 0 for value in pairs.values())
