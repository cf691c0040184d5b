"""Parsed records per second per channel, against a bare json.loads or HTML parse floor.

For every channel in the catalogue it takes the channel's own fixtures
(tests/fixtures/<platform>/) and the genuine samples in the shared fixtures-real folder
(HALLMARK_FIXTURES_REAL, else ../shared/fixtures-real beside the repository; skipped when
missing; the webstore channel is offered every saved HTML page there), keeps the payloads
the channel parses without PayloadError into at least one listing or account, and repeats
them into a workload: about 10,000 records of JSON API payloads, 500 saved HTML pages. It
times the channel's parse over the workload (the iterator consumed, listings and accounts
counted) and, in the same run over the same bytes, a bare json.loads (each NDJSON line on
its own) or a bare selectolax LexborHTMLParser as the floor. CPU time on one core, best
of --repeat; the last line is key=value pairs.

    python bench/parse.py [--records 10000] [--pages 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import closing_line, cpu_seconds, machine, pin_one_core
from hallmark.channels.base import Channel
from hallmark.channels.catalogue import channel_classes
from hallmark.domain import Account, Listing
from hallmark.errors import PayloadError

REPO = Path(__file__).resolve().parents[1]
OWN = REPO / "tests" / "fixtures"
# fixtures-real folders named otherwise than the platform whose samples they hold; the
# webstore channel reads any shop page, so every saved HTML page there is offered to it
# (the extruct and Zyte .json files beside them are expected outputs, not payloads)
REAL_FOLDERS = {"x": ("x-twitter",)}
REAL_PAGES = {"webstore": ("*/*.html", "*/*.htm")}
HTML_SUFFIXES = (".html", ".htm")
CAPTURED_AT = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


@dataclass
class Payload:
    name: str
    data: bytes
    records: int
    json_lines: bool = False


@dataclass
class Workload:
    kind: str  # "json" or "html"
    samples: list[Payload] = field(default_factory=list)
    payloads: list[Payload] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(p.records for p in self.payloads)

    @property
    def size(self) -> int:
        return sum(len(p.data) for p in self.payloads)


def real_folder() -> Path | None:
    configured = os.environ.get("HALLMARK_FIXTURES_REAL")
    path = Path(configured) if configured else REPO.parent / "shared" / "fixtures-real"
    return path if path.is_dir() else None


def candidates(platform: str, real: Path | None) -> list[Path]:
    folders = [OWN / platform]
    if real is not None:
        folders += [real / name for name in (platform, *REAL_FOLDERS.get(platform, ()))]
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files += sorted(
                p for p in folder.iterdir() if p.is_file() and p.suffix.lower() != ".md"
            )
    if real is not None:
        for pattern in REAL_PAGES.get(platform, ()):
            files += sorted(p for p in real.glob(pattern) if p.is_file() and p not in files)
    return files


def is_html(path: Path, data: bytes) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or data.lstrip()[:1] == b"<"


def count_records(channel: Channel, data: bytes, source: str) -> int:
    parsed = channel.parse(data, source=source, captured_at=CAPTURED_AT)
    return sum(1 for record in parsed if isinstance(record, Listing | Account))


def is_json_lines(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return True
    return False


def select(channel: Channel, files: list[Path]) -> tuple[dict[str, Workload], list[str]]:
    """The payloads the channel reads into at least one record, by kind; and what was left."""
    kinds = {"json": Workload("json"), "html": Workload("html")}
    left: list[str] = []
    for path in files:
        data = path.read_bytes()
        try:
            records = count_records(channel, data, path.name)
        except PayloadError:
            left.append(f"{path.name} (PayloadError)")
            continue
        except Exception as exc:  # a benchmark reports it and goes on
            print(f"  warning: {path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            left.append(f"{path.name} ({type(exc).__name__})")
            continue
        if records == 0:
            left.append(f"{path.name} (no records)")
            continue
        kind = "html" if is_html(path, data) else "json"
        lines = kind == "json" and is_json_lines(data)
        kinds[kind].samples.append(Payload(path.name, data, records, lines))
    return {k: w for k, w in kinds.items() if w.samples}, left


def fill(workload: Workload, records: int, pages: int) -> None:
    """Repeat the samples in turn until the workload holds `records` records (JSON) or
    `pages` pages (HTML)."""
    i = 0
    while True:
        done = (
            len(workload.payloads) >= pages
            if workload.kind == "html"
            else workload.records >= records
        )
        if done and workload.payloads:
            return
        workload.payloads.append(workload.samples[i % len(workload.samples)])
        i += 1


def parse_all(channel: Channel, payloads: list[Payload]) -> int:
    found = 0
    for payload in payloads:
        for record in channel.parse(payload.data, source=payload.name, captured_at=CAPTURED_AT):
            if isinstance(record, Listing | Account):
                found += 1
    return found


def json_floor(payloads: list[Payload]) -> None:
    for payload in payloads:
        if payload.json_lines:
            for line in payload.data.splitlines():
                if line.strip():
                    try:  # noqa: SIM105 - suppress() would slow the floor
                        json.loads(line)
                    except ValueError:  # a malformed line, as the channel meets it too
                        pass
        else:
            json.loads(payload.data)


def html_floor(payloads: list[Payload]) -> None:
    for payload in payloads:
        LexborHTMLParser(payload.data)


def best(work: Callable[[], object], repeat: int) -> float:
    return min(cpu_seconds(work) for _ in range(repeat))


def measure(channel: Channel, workload: Workload, repeat: int) -> tuple[int, float, float]:
    """Records parsed, parse seconds and floor seconds (CPU, best of `repeat`)."""
    counted: list[int] = []
    parse_s = best(lambda: counted.append(parse_all(channel, workload.payloads)), repeat)
    floor = json_floor if workload.kind == "json" else html_floor
    floor_s = best(lambda: floor(workload.payloads), repeat)
    return counted[0], max(parse_s, 1e-9), max(floor_s, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000, help="JSON records per platform")
    parser.add_argument("--pages", type=int, default=500, help="HTML pages per platform")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many timings")
    args = parser.parse_args()
    pin_one_core()
    real = real_folder()
    classes = channel_classes()
    print(f"machine: {machine()}")
    print(f"genuine samples: {real if real else 'none found (own fixtures only)'}")
    if "webstore" not in classes:
        print("webstore: not in the catalogue, so no HTML pages are measured")
    header = (
        f"{'platform':<12}{'kind':<6}{'samples':>8}{'payloads':>10}{'records':>9}"
        f"{'MB':>7}{'records/s':>12}{'payloads/s':>12}{'floor/s':>12}{'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    figures: dict[str, float | int] = {}
    notes: list[str] = []
    for platform, cls in classes.items():
        channel = cls()
        workloads, left = select(channel, candidates(platform, real))
        if left:
            notes.append(f"{platform}: left out {', '.join(left)}")
        if not workloads:
            notes.append(f"{platform}: no payload it parses, not measured")
            continue
        for kind, workload in workloads.items():
            fill(workload, args.records, args.pages)
            records, parse_s, floor_s = measure(channel, workload, args.repeat)
            rate = records / parse_s
            payload_rate = len(workload.payloads) / parse_s
            floor_rate = records / floor_s
            ratio = parse_s / floor_s
            print(
                f"{platform:<12}{kind:<6}{len(workload.samples):>8}{len(workload.payloads):>10,}"
                f"{records:>9,}{workload.size / 1e6:>7.1f}{rate:>12,.0f}{payload_rate:>12,.0f}"
                f"{floor_rate:>12,.0f}{ratio:>7.1f}"
            )
            key = platform if len(workloads) == 1 or kind == "json" else f"{platform}_{kind}"
            figures[f"{key}_records_per_s"] = round(rate)
            figures[f"{key}_floor_ratio"] = round(ratio, 1)
    print(
        "records: listings and accounts yielded; floor/s: the same records' bytes through a "
        "bare json.loads (JSON) or selectolax LexborHTMLParser (HTML), per second; "
        "ratio: parse time / floor time"
    )
    for note in notes:
        print(note)
    print(closing_line(**figures))


if __name__ == "__main__":
    main()
