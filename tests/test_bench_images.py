"""The image benchmark runs at a tiny size so it never rots; figures are not asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_image_benchmark_runs_and_ends_with_figures() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "images.py"),
            *("--images", "20", "--ocr-images", "2", "--references", "2000"),
            *("--queries", "20", "--rerank-queries", "4"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    pairs = dict(item.split("=", 1) for item in last.split())
    assert list(pairs)[:4] == ["decode_per_s", "hashes_ratio", "embed_ratio", "lookup_ms"]
    assert all(float(value) > 0 for value in pairs.values())
