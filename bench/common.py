"""Shared helpers for the benchmarks: one core, best-of timing, the closing key=value line."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable


def pin_one_core() -> None:
    """Benchmarks measure one core; the machine is shared, so pin to reduce noise."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def closing_line(**figures: float | int) -> str:
    return " ".join(f"{key}={value}" for key, value in figures.items())
