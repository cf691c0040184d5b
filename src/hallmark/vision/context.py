"""What a scan's image detectors read: the references, the thresholds and the batch's
fingerprints; matches each listing's pictures once."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import cv2
import numpy as np

from hallmark.domain import Listing
from hallmark.text import MarkHit
from hallmark.vision.fingerprint import Fingerprint
from hallmark.vision.match import ImageMatch, VisionThresholds, match_picture
from hallmark.vision.references import ReferenceIndex

log = logging.getLogger(__name__)


@dataclass
class VisionContext:
    """References indexed once per scan group; fingerprints replaced for each batch."""

    references: ReferenceIndex
    thresholds: VisionThresholds
    fingerprints: Mapping[str, Fingerprint] = field(default_factory=dict)

    def matches(
        self, listing: Listing, find_marks: Callable[[str], list[MarkHit]]
    ) -> list[ImageMatch]:
        """Every verified match in the listing's pictures, in picture order."""
        found: list[ImageMatch] = []
        for position, ref in enumerate(listing.images):
            fp = self.fingerprints.get(ref)
            if fp is None:
                continue
            seen = match_picture(fp, position, self.references, self.thresholds)
            seen = _without_read_words(seen, self._text(fp, position, find_marks))
            found += _without_official_content(seen)
        return found

    def _text(
        self, fp: Fingerprint, position: int, find_marks: Callable[[str], list[MarkHit]]
    ) -> list[ImageMatch]:
        lines = [t.text for t in fp.text or () if t.score >= self.thresholds.ocr_min_score]
        if not lines:
            return []
        text = " ".join(lines)
        best: dict[str, ImageMatch] = {}
        for hit in find_marks(text):
            if hit.suppressed is not None:
                log.debug("text %r in %s excused: %s", hit.matched, fp.sha256[:12], hit.suppressed)
                continue
            if hit.brand not in best:
                best[hit.brand] = ImageMatch(
                    "image_text",
                    hit.brand,
                    fp.sha256,
                    position,
                    how="ocr",
                    text=hit.matched,
                    mark_kind=hit.kind,
                    region=_box_of(fp, hit.matched),
                    size=(fp.width, fp.height),
                )
        return list(best.values())


def _without_official_content(matches: list[ImageMatch]) -> list[ImageMatch]:
    """A logo or mark inside a copy of the brand's own official photo is part of that photo,
    not a second piece of evidence."""
    copied = {m.brand for m in matches if m.detector == "stolen_photo"}
    return [m for m in matches if m.brand not in copied or m.detector not in _INSIDE_PHOTOS]


_INSIDE_PHOTOS = frozenset({"logo", "image_text"})


def _without_read_words(matches: list[ImageMatch], text: list[ImageMatch]) -> list[ImageMatch]:
    """The matches and the words read, less a logo located over a word read for the same
    brand: a wordmark found by keypoints and by OCR is one sighting, counted once (as text)."""
    read = [(m.brand, m.region) for m in text if m.region is not None]
    kept = [
        m
        for m in matches
        if m.detector != "logo"
        or m.region is None
        or not any(brand == m.brand and _inside(box, m.region) for brand, box in read)
    ]
    return kept + text


def _inside(box: tuple[tuple[float, float], ...], region: tuple[tuple[float, float], ...]) -> bool:
    """True when the centre of `box` lies within the quadrilateral `region`."""
    x = sum(p[0] for p in box) / len(box)
    y = sum(p[1] for p in box) / len(box)
    outline = np.array(region, dtype=np.float32).reshape(-1, 1, 2)
    return cv2.pointPolygonTest(outline, (float(x), float(y)), False) >= 0


def _box_of(fp: Fingerprint, matched: str) -> tuple[tuple[float, float], ...] | None:
    needle = matched.casefold().replace(" ", "")
    for line in fp.text or ():
        if needle and needle in line.text.casefold().replace(" ", ""):
            return line.box
    return None
