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
from hallmark.domain import Finding, Level, Listing, Signal
from hallmark.evidence.blobs import is_digest
from hallmark.link.service import LinkReport, LinkService
from hallmark.pipeline.actors import actor_context
from hallmark.score import Rules, Scorer
from hallmark.score.actor import ActorContext, actor_signal, plausible_links
from hallmark.store import Store, Workspace
from hallmark.store.actors import (
    context_digests,
    set_context_digests,
)
from hallmark.store.brands import StoredBrand, current_brands
from hallmark.store.dialect import hold_listing_writes
from hallmark.store.findings import (
    insert_findings,
    replace_findings,
    scan_watermark,
    set_watermarks,
)
from hallmark.store.identifiers import (
    listings_of_accounts,
)
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
    linked: LinkReport | None = None
    actor_rescored: dict[str, int] = field(default_factory=dict)
    """Findings made, rescored or lowered because an actor's context changed."""


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
    if pictures is not None and groups:
        _fingerprint_pending(store, workspace, pictures, min(groups), batch_size, report)
    report.linked = LinkService(
        store, workspace, rules.link, rules.version, photo_distance=rules.vision.phash_max
    ).link()
    with store.transaction() as conn:
        actors = actor_context(conn, workspace, rules.version)
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
            actors,
        )
    if stored:
        _rescore_actors(store, workspace, stored, scorer, detectors, report, pictures)
    return report


def _fingerprint_pending(
    store: Store,
    workspace: Workspace,
    pictures: Any,
    watermark: int,
    batch_size: int,
    report: ScanReport,
) -> None:
    """Fingerprint the pictures of listings not scored yet, before linking, so that linking
    knows them by perceptual hash (scoring then finds them stored)."""
    while True:
        with store.transaction() as conn:
            batch = current_versions_after(conn, workspace, watermark, batch_size)
        if not batch:
            return
        digests = {d for item in batch for d in item.listing.images if is_digest(d)}
        pictures.get(digests, counts=report.pictures)
        watermark = batch[-1].version_id


def _rescore_actors(
    store: Store,
    workspace: Workspace,
    stored: list[StoredBrand],
    scorer: Scorer,
    detectors: Sequence[Detector],
    report: ScanReport,
    pictures: Any,
) -> None:
    """Score again the listings of accounts whose actor context changed since they were last
    scored: a source found in this scan lifts its actor's other listings."""
    version = scorer.rules.version
    with store.transaction() as conn:
        actors = actor_context(conn, workspace, version)
        now = actors.digests()
        before = context_digests(conn, workspace, version)
        changed = sorted(a for a in now.keys() | before.keys() if now.get(a) != before.get(a))
        batch = listings_of_accounts(conn, workspace, changed)
    report.actor_rescored = {"created": 0, "rescored": 0, "lowered": 0}
    if not changed:
        return
    index = BrandIndex([b.brand for b in stored], scorer.rules)
    brand_ids = {b.brand.name: b.id for b in stored}
    if pictures is not None and batch:
        from hallmark.pipeline.pictures import listing_pictures, vision_context

        index.vision = vision_context(pictures, stored, scorer.rules, report.pictures)
        listings = [item.listing for item in batch]
        index.use_fingerprints(listing_pictures(pictures, index, listings, report.pictures))
    rows = _score_batch(batch, index, scorer, detectors, brand_ids, actors) if batch else []
    with store.transaction() as conn:
        counts = replace_findings(
            conn, workspace, rows, [item.version_id for item in batch], version, store.clock()
        )
        set_context_digests(conn, workspace, version, {a: now.get(a, "") for a in changed})
    report.actor_rescored = counts


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
    actors: ActorContext,
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
        rows = _score_safely(batch, index, scorer, detectors, brand_ids, report, actors)
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
    actors: ActorContext,
) -> list[dict[str, Any]]:
    """Score a batch; if a detector fails on it, score listing by listing and report the
    listings that fail, so one bad listing never stops the scan for good."""
    try:
        return _score_batch(batch, index, scorer, detectors, brand_ids, actors)
    except Exception:
        rows: list[dict[str, Any]] = []
        for item in batch:
            try:
                rows += _score_batch([item], index, scorer, detectors, brand_ids, actors)
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
    actors: ActorContext,
) -> list[dict[str, Any]]:
    listings = [item.listing for item in batch]
    links = {
        (item.listing.platform, item.listing.external_id): plausible_links(
            item.listing, actors.for_listing(item.listing), index
        )
        for item in batch
    }
    index.linked = {key: {link.brand for link in found} for key, found in links.items() if found}
    by_key: dict[tuple[str, str], list[Signal]] = defaultdict(list)
    for detector in detectors:
        for signal in detector.detect(listings, index):
            by_key[signal.listing_key].append(signal)
    rows = []
    for item in batch:
        key = (item.listing.platform, item.listing.external_id)
        signals = by_key.get(key, [])
        if links.get(key):
            signals = signals + _actor_signals(item.listing, signals, links[key], scorer, index)
        for finding in scorer.score_listing(signals, index.brands):
            rows.append(finding_row(finding, item, brand_ids[finding.brand], scorer))
    return rows


def _actor_signals(
    listing: Listing, signals: list[Signal], links: list[Any], scorer: Scorer, index: BrandIndex
) -> list[Signal]:
    """The actor links as signals, each carrying the listing's risk without it."""
    own = {f.brand: (f.risk, f.level.label) for f in scorer.score_listing(signals, index.brands)}
    return [actor_signal(listing, link, own.get(link.brand, (0.0, "none"))) for link in links]


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
