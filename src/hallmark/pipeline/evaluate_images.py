"""Measure the image detectors on a labelled image corpus (see tests/corpus/images/README.md).

Every query picture is fingerprinted once (OCR included) and matched against the corpus
brands' references through the same VisionContext a scan uses. A positive counts as found
when its detector fires for the labelled brand; a negative is a false positive when the
detector fires for any brand. A wordmark logo counts as found by the logo matcher or by OCR.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hallmark.detect.index import BrandIndex
from hallmark.domain import Listing
from hallmark.errors import ConfigError
from hallmark.pipeline.evaluate import Tally
from hallmark.pipeline.pictures import brand_pictures
from hallmark.registry import load_brand_file
from hallmark.score import Rules
from hallmark.vision.context import VisionContext
from hallmark.vision.fingerprint import Fingerprint, Limits, fingerprint_images
from hallmark.vision.match import ImageMatch, VisionThresholds
from hallmark.vision.references import Reference, ReferenceIndex

DETECTORS = ("stolen_photo", "logo", "image_text", "design")
LIMITS = Limits(20_000_000, 40_000_000)
_WHEN = datetime(2026, 11, 24, tzinfo=UTC)


@dataclass
class ImageEvalResult:
    """Recall and false-positive rate per image detector, and per case within each."""

    images: int = 0
    detectors: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    cases: dict[str, dict[str, Tally]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Tally))
    )
    misses: list[dict[str, Any]] = field(default_factory=list)

    def macro_recall(self, detector: str) -> float | None:
        """Mean recall over the positive cases of a detector (the transforms, kinds...)."""
        recalls = [
            t.recall for name, t in self.cases[detector].items()
            if name.startswith("+") and t.recall is not None
        ]  # fmt: skip
        return sum(recalls) / len(recalls) if recalls else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"images": self.images, "detectors": {}}
        for name in DETECTORS:
            tally = self.detectors[name]
            out["detectors"][name] = dict(
                tally.as_dict(),
                false_positive_rate=fp_rate(tally),
                macro_recall=self.macro_recall(name),
                cases={k: v.as_dict() for k, v in sorted(self.cases[name].items())},
            )
        return out


def fp_rate(tally: Tally) -> float | None:
    return tally.fp / (tally.fp + tally.tn) if tally.fp + tally.tn else None


def read_labels(
    folder: Path, splits: Sequence[str], sample: int | None = None
) -> list[dict[str, Any]]:
    """The labels of the splits; with `sample`, a fixed stratified subset of that size."""
    path = folder / "labels.jsonl"
    if not path.is_file():
        raise ConfigError(f"no labels.jsonl in {folder}")
    labels = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    chosen = [label for label in labels if label["split"] in splits]
    return chosen if sample is None else stratified(chosen, sample)


def stratified(labels: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    """About `size` labels, every (detector, case) group kept in proportion (at least one)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for label in labels:
        groups[(label["detector"], label["case"])].append(label)
    share = size / max(len(labels), 1)
    rng = random.Random(20261124)
    picked = []
    for key in sorted(groups):
        members = groups[key]
        picked += rng.sample(members, max(1, round(len(members) * share)))
    return sorted(picked, key=lambda label: label["file"])


def corpus_context(folder: Path, rules: Rules) -> BrandIndex:
    """The corpus brands with their references fingerprinted and indexed, as a scan has them."""
    brands, references = [], []
    for path in sorted((folder / "brands").glob("*.yaml")):
        brand, _spec = load_brand_file(path)
        brands.append(brand)
        pictures = brand_pictures(brand)
        for role, ref, product_name, designed in pictures:
            [fp] = fingerprint_images(
                [(ref, (path.parent / ref).read_bytes())],
                LIMITS,
                ocr=role == "logo",
                mirror=True,
            )
            if isinstance(fp, Fingerprint):
                references.append(Reference(brand.name, role, ref, product_name, fp, designed))
    index = BrandIndex(brands, rules)
    thresholds = VisionThresholds(**rules.vision.model_dump())
    index.vision = VisionContext(
        ReferenceIndex(references, text_min_score=thresholds.ocr_min_score), thresholds
    )
    return index


def fingerprint_corpus(
    folder: Path, labels: list[dict[str, Any]], on_progress: Callable[[int], None] = lambda n: None
) -> dict[str, Fingerprint]:
    """Every labelled picture fingerprinted, OCR included, by file."""
    found: dict[str, Fingerprint] = {}
    for start in range(0, len(labels), 16):
        chunk = labels[start : start + 16]
        items = [(label["file"], (folder / label["file"]).read_bytes()) for label in chunk]
        for fp in fingerprint_images(items, LIMITS, ocr=True):
            if isinstance(fp, Fingerprint):
                found[fp.sha256] = fp
        on_progress(len(chunk))
    return found


def score_corpus(
    labels: list[dict[str, Any]], fingerprints: dict[str, Fingerprint], index: BrandIndex
) -> ImageEvalResult:
    """Tally each label's detector against the matches of its picture."""
    assert index.vision is not None
    result = ImageEvalResult()
    index.use_fingerprints(fingerprints)
    for label in labels:
        listing = Listing("listing", "webstore", label["file"], _WHEN, images=(label["file"],))
        matches = index.image_matches(listing)
        fired = _fired(label, matches)
        result.images += 1
        detector = label["detector"]
        result.detectors[detector].add(fired, label["positive"])
        for case in _cases(label):
            result.cases[detector][case].add(fired, label["positive"])
        if fired != label["positive"]:
            result.misses.append(
                {"file": label["file"], "case": label["case"], "positive": label["positive"],
                 "matches": [_brief(m) for m in matches]}
            )  # fmt: skip
    return result


def evaluate_images(
    folder: Path,
    splits: Sequence[str],
    rules: Rules,
    *,
    sample: int | None = None,
    on_progress: Callable[[int], None] = lambda n: None,
) -> ImageEvalResult:
    """Fingerprint and score the labelled pictures of the splits (or a stratified sample)."""
    labels = read_labels(folder, splits, sample)
    index = corpus_context(folder, rules)
    return score_corpus(labels, fingerprint_corpus(folder, labels, on_progress), index)


def _fired(label: dict[str, Any], matches: list[ImageMatch]) -> bool:
    detector = label["detector"]
    wanted = {detector}
    if detector == "logo":
        wanted.add("image_text")  # a wordmark logo counts as found by OCR as well
    hits = [m for m in matches if m.detector in wanted]
    if label["positive"]:
        return any(m.brand == label["brand"] for m in hits)
    return bool(hits)


def _cases(label: dict[str, Any]) -> list[str]:
    """The breakdowns a label counts in: '+case' for positives, '-case' for negatives, and
    for logos the size band, for text the legibility."""
    sign = "+" if label["positive"] else "-"
    cases = [f"{sign}{label['case']}"]
    if label["detector"] == "logo" and label["positive"]:
        frac = label["width_frac"]
        band = (
            "<15%"
            if frac < 0.15
            else "15-20%"
            if frac < 0.2
            else "20-30%"
            if frac < 0.3
            else ">=30%"
        )
        cases.append(f"+width {band}")
        cases.append(f"+render {label.get('render', 'flat')}")
    if label["detector"] == "image_text" and label["positive"]:
        cases.append("+legible" if label["legible"] else "+illegible")
    return cases


def _brief(match: ImageMatch) -> dict[str, Any]:
    return {
        "detector": match.detector, "brand": match.brand, "reference": match.reference,
        "similarity": match.similarity, "distance": match.distance, "inliers": match.inliers,
        "text": match.text,
    }  # fmt: skip
