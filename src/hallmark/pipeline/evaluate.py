"""Measure detectors and scoring against a labelled corpus (see tests/corpus/README.md)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hallmark.channels.canonical import read_records
from hallmark.detect import BrandIndex, build_detectors
from hallmark.domain import Brand, Finding, Level, Listing, Signal
from hallmark.errors import ConfigError
from hallmark.registry import load_brand_file
from hallmark.score import Rules, Scorer

_SCORED_WORDING = ("replica", "quality_claim", "imitation", "concealment", "off_platform")


@dataclass
class Tally:
    """True and false positives and negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
        }


@dataclass
class EvalResult:
    """Precision and recall per detector, per disguise kind and per risk level."""

    records: int = 0
    detectors: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    kinds: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    kind_named: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    levels: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "detectors": {k: v.as_dict() for k, v in sorted(self.detectors.items())},
            "kinds": {
                k: dict(v.as_dict(), named=self.kind_named[k][0], of=self.kind_named[k][1])
                for k, v in sorted(self.kinds.items())
            },
            "levels": {k: v.as_dict() for k, v in sorted(self.levels.items())},
        }


def load_corpus_brands(folder: Path) -> list[Brand]:
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        raise ConfigError(f"no brand files (*.yaml) in {folder}")
    return [load_brand_file(path)[0] for path in files]


def evaluate(corpus: Path, splits: Sequence[str], rules: Rules) -> EvalResult:
    """Run the catalogue's detectors and the scorer over the labelled splits of `corpus`."""
    brands = load_corpus_brands(corpus / "brands")
    index = BrandIndex(brands, rules)
    detectors = build_detectors()
    scorer = Scorer(rules)
    result = EvalResult()
    for split in splits:
        folder = corpus / split
        listings = {
            (r.record.platform, r.record.external_id): r.record
            for r in read_records(folder / "listings.jsonl", max_line_bytes=1 << 20)
            if not isinstance(r, Exception) and isinstance(r.record, Listing)
        }
        labels = [
            json.loads(line)
            for line in (folder / "labels.jsonl").read_text("utf-8").splitlines()
            if line
        ]
        batch = [listings[(label["platform"], label["external_id"])] for label in labels]
        signals: dict[tuple[str, str], list[Signal]] = defaultdict(list)
        for detector in detectors:
            for signal in detector.detect(batch, index):
                signals[signal.listing_key].append(signal)
        for label, listing in zip(labels, batch, strict=True):
            key = (listing.platform, listing.external_id)
            findings = scorer.score_listing(signals.get(key, ()), index.brands)
            _tally(result, label, signals.get(key, []), findings)
    return result


def _tally(
    result: EvalResult, label: dict[str, Any], signals: list[Signal], findings: list[Finding]
) -> None:
    result.records += 1
    brand = label.get("brand")

    def about(signal: Signal) -> bool:
        return brand is None or signal.brand is None or signal.brand == brand

    mentions = [s for s in signals if s.detector == "brand_mention" and s.strength > 0 and about(s)]
    if brand is None:
        mentions = [s for s in signals if s.detector == "brand_mention" and s.strength > 0]
    expected_kind = label.get("mention")
    result.detectors["brand_mention"].add(bool(mentions), expected_kind is not None)
    wording = [s for s in signals if s.detector == "wording" and s.kind in _SCORED_WORDING]
    result.detectors["wording"].add(bool(wording), bool(label.get("wording")))
    below = [s for s in signals if s.detector == "price" and s.kind == "below_floor" and about(s)]
    result.detectors["price"].add(bool(below), bool(label.get("price")))
    unauthorized = [
        s for s in signals if s.detector == "seller" and s.kind == "unauthorized" and about(s)
    ]
    result.detectors["seller"].add(bool(unauthorized), bool(label.get("seller")))

    named = {s.kind for s in mentions}
    primary = _primary(mentions)
    for kind in set(result.kinds) | named | ({expected_kind} if expected_kind else set()):
        result.kinds[kind].add(primary == kind, expected_kind == kind)
    if expected_kind:
        result.kind_named[expected_kind][1] += 1
        if expected_kind in named:
            result.kind_named[expected_kind][0] += 1

    relevant = [f for f in findings if brand is None or f.brand == brand]
    level = max((f.level for f in relevant), default=None)
    expected = label.get("expected_level", "none")
    result.levels["medium+"].add(
        level is not None and level >= Level.MEDIUM, bool(label.get("infringing"))
    )
    result.levels["high"].add(level == Level.HIGH, expected == "high")
    actual = "none" if level is None else level.label
    if (level is not None and level >= Level.MEDIUM) != bool(label.get("infringing")) or (
        expected_kind and expected_kind not in named
    ):
        result.misses.append(
            {
                "label": label,
                "level": actual,
                "kinds": sorted(named),
                "explanation": " | ".join(f.explanation for f in relevant),
            }
        )


def _primary(mentions: list[Signal]) -> str | None:
    from hallmark.text import KINDS

    kinds = {s.kind for s in mentions}
    for kind in KINDS:
        if kind in kinds:
            return kind
    return None
