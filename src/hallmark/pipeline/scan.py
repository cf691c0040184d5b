"""Scan: score every (current listing version, brand version, rules version) not yet scored.

Progress is a watermark per (brand version, rules version) over listing-version ids,
committed with each batch's findings, so a killed scan resumes after its last batch and a
brand added after an import is checked against every earlier listing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hallmark import __version__
from hallmark.config import Settings
from hallmark.detect import BrandIndex, Detector
from hallmark.detect.base import reads_pictures
from hallmark.domain import Finding, Level, Signal
from hallmark.score import Rules, Scorer
from hallmark.store import Store, Workspace
from hallmark.store.brands import StoredBrand, current_brands
from hallmark.store.dialect import hold_listing_writes
from hallmark.store.findings import insert_findings, scan_watermark, set_watermarks
from hallmark.store.listings import StoredListing, count_current_after, current_versions_after


@dataclass
class ScanReport:
    """What a scan did."""

    brands: int = 0
    listings: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {lvl.label: 0 for lvl in Level})
    batches: int = 0
    failed: list[str] = field(default_factory=list)
    pictures: Any = None
    """PictureCounts when image detectors ran: fingerprinted, read by OCR, refused."""


def scan(
    store: Store,
    workspace: Workspace,
    rules: Rules,
    detectors: Sequence[Detector],
    *,
    settings: Settings | None = None,
    batch_size: int = 500,
    on_total: Callable[[int], None] = lambda n: None,
    on_progress: Callable[[int], None] = lambda n: None,
    after_batch: Callable[[int], None] = lambda n: None,
) -> ScanReport:
    """Score what has not been scored; see the module docstring."""
    report = ScanReport()
    scorer = Scorer(rules)
    pictures = None
    if any(reads_pictures(d) for d in detectors):
        from hallmark.pipeline.pictures import PictureCounts, Pictures

        pictures = Pictures(store, workspace, settings or Settings())
        report.pictures = PictureCounts()
    with store.transaction() as conn:
        stored = current_brands(conn, workspace)
        groups: dict[int, list[StoredBrand]] = defaultdict(list)
        for brand in stored:
            groups[scan_watermark(conn, workspace, brand.id, rules.version)].append(brand)
        on_total(sum(count_current_after(conn, workspace, mark) for mark in groups))
    report.brands = len(stored)
    for watermark in sorted(groups):
        _scan_group(
            store,
            workspace,
            groups[watermark],
            watermark,
            scorer,
            detectors,
            batch_size,
            report,
            on_progress,
            after_batch,
            pictures,
        )
    return report


def _scan_group(
    store: Store,
    workspace: Workspace,
    group: list[StoredBrand],
    watermark: int,
    scorer: Scorer,
    detectors: Sequence[Detector],
    batch_size: int,
    report: ScanReport,
    on_progress: Callable[[int], None],
    after_batch: Callable[[int], None],
    pictures: Any,
) -> None:
    index = BrandIndex([b.brand for b in group], scorer.rules)
    brand_ids = {b.brand.name: b.id for b in group}
    if pictures is not None:
        from hallmark.pipeline.pictures import vision_context

        index.vision = vision_context(pictures, group, scorer.rules, report.pictures)
    while True:
        with store.transaction() as conn:
            hold_listing_writes(conn, workspace.id)
            batch = current_versions_after(conn, workspace, watermark, batch_size)
        if not batch:
            return
        if pictures is not None:
            from hallmark.pipeline.pictures import listing_pictures

            listings = [item.listing for item in batch]
            index.use_fingerprints(listing_pictures(pictures, index, listings, report.pictures))
        rows = _score_safely(batch, index, scorer, detectors, brand_ids, report)
        with store.transaction() as conn:
            insert_findings(conn, workspace, rows, store.clock())
            watermark = batch[-1].version_id
            set_watermarks(
                conn, workspace, list(brand_ids.values()), scorer.rules.version, watermark
            )
        for row in rows:
            report.findings[row["level"]] += 1
        report.listings += len(batch)
        report.batches += 1
        on_progress(len(batch))
        after_batch(report.batches)


def _score_safely(
    batch: list[StoredListing],
    index: BrandIndex,
    scorer: Scorer,
    detectors: Sequence[Detector],
    brand_ids: dict[str, int],
    report: ScanReport,
) -> list[dict[str, Any]]:
    """Score a batch; if a detector fails on it, score listing by listing and report the
    listings that fail, so one bad listing never stops the scan for good."""
    try:
        return _score_batch(batch, index, scorer, detectors, brand_ids)
    except Exception:
        rows: list[dict[str, Any]] = []
        for item in batch:
            try:
                rows += _score_batch([item], index, scorer, detectors, brand_ids)
            except Exception as exc:
                key = f"{item.listing.platform}:{item.listing.external_id}"
                report.failed.append(f"{key}: {type(exc).__name__}: {exc}")
        return rows


def _score_batch(
    batch: list[StoredListing],
    index: BrandIndex,
    scorer: Scorer,
    detectors: Sequence[Detector],
    brand_ids: dict[str, int],
) -> list[dict[str, Any]]:
    listings = [item.listing for item in batch]
    by_key: dict[tuple[str, str], list[Signal]] = defaultdict(list)
    for detector in detectors:
        for signal in detector.detect(listings, index):
            by_key[signal.listing_key].append(signal)
    rows = []
    for item in batch:
        key = (item.listing.platform, item.listing.external_id)
        for finding in scorer.score_listing(by_key.get(key, ()), index.brands):
            rows.append(finding_row(finding, item, brand_ids[finding.brand], scorer))
    return rows


def finding_row(
    finding: Finding, item: StoredListing, brand_id: int, scorer: Scorer
) -> dict[str, Any]:
    return {
        "listing_id": item.listing_id,
        "listing_version_id": item.version_id,
        "brand_id": brand_id,
        "brand_name": finding.brand,
        "rules_version": scorer.rules.version,
        "code_version": __version__,
        "risk": finding.risk,
        "level": finding.level.label,
        "explanation": finding.explanation,
        "signals": [signal_dict(s) for s in finding.signals],
        "exculpatory": list(finding.exculpatory),
        "thresholds": list(finding.thresholds),
        "scored_at": None,
    }


def signal_dict(signal: Signal) -> dict[str, Any]:
    return {
        "detector": signal.detector,
        "kind": signal.kind,
        "brand": signal.brand,
        "strength": round(signal.strength, 4),
        "explanation": signal.explanation,
        "evidence": signal.evidence,
    }
