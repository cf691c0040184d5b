"""Fingerprint the pictures a scan or a brand needs, once each, and keep the results."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hallmark.config import Settings
from hallmark.detect.index import BrandIndex
from hallmark.domain import Brand, Listing
from hallmark.evidence.blobs import is_digest
from hallmark.score.rules import Rules
from hallmark.store import Store, Workspace
from hallmark.store.brands import StoredBrand
from hallmark.store.fingerprints import (
    fingerprint_rows,
    save_fingerprints,
    save_mirror,
    save_text,
)
from hallmark.vision import PIPELINE_VERSION
from hallmark.vision.context import VisionContext
from hallmark.vision.fingerprint import (
    Fingerprint,
    Limits,
    Refused,
    fingerprint_images,
    read_text,
    with_mirror,
)
from hallmark.vision.match import VisionThresholds
from hallmark.vision.references import Reference, ReferenceIndex
from hallmark.vision.stored import from_row, text_rows, to_row

BATCH = 16


@dataclass
class PictureCounts:
    """What fingerprinting did in one call."""

    fingerprinted: int = 0
    read: int = 0
    """Pictures whose text was read by OCR."""
    refused: list[str] = field(default_factory=list)


class Pictures:
    """Fingerprints of one workspace's pictures, made on first need and stored."""

    def __init__(self, store: Store, workspace: Workspace, settings: Settings) -> None:
        self.store = store
        self.workspace = workspace
        self.limits = Limits(settings.max_image_bytes, settings.max_image_pixels)

    def get(
        self,
        digests: Iterable[str],
        *,
        read: frozenset[str] = frozenset(),
        mirror: bool = False,
        counts: PictureCounts | None = None,
    ) -> dict[str, Fingerprint | Refused]:
        """Fingerprints by digest: stored ones as they are (with text read now if asked
        and not yet read), missing ones made now; `read` names the digests that need OCR."""
        counts = counts if counts is not None else PictureCounts()
        wanted = sorted(set(digests))
        with self.store.transaction() as conn:
            rows = fingerprint_rows(conn, self.workspace, wanted, PIPELINE_VERSION)
        found = {digest: from_row(row) for digest, row in rows.items()}
        found.update(self._make([d for d in wanted if d not in found], read, mirror, counts))
        for digest in sorted(read):
            item = found.get(digest)
            if isinstance(item, Fingerprint) and item.text is None:
                found[digest] = self._read(item, counts)
        if mirror:
            for digest, item in list(found.items()):
                if isinstance(item, Fingerprint) and item.mirror is None:
                    found[digest] = self._mirror(item)
        for digest, item in found.items():
            said = f"{digest[:12]}: {item.reason}" if isinstance(item, Refused) else None
            # one picture is looked up before linking and again when scored: report it once
            if said is not None and said not in counts.refused:
                counts.refused.append(said)
        return found

    def _make(
        self, missing: list[str], read: frozenset[str], mirror: bool, counts: PictureCounts
    ) -> dict[str, Fingerprint | Refused]:
        made: dict[str, Fingerprint | Refused] = {}
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            stored = {d: self.store.blobs.has(d) for d in chunk}
            present = [(d, self.store.blobs.get(d)) for d in chunk if stored[d]]
            results: list[Fingerprint | Refused] = [
                Refused(d, "the picture's bytes are not in the blob store")
                for d in chunk
                if not stored[d]
            ]
            results += fingerprint_images(present, self.limits, ocr=read, mirror=mirror)
            with self.store.transaction() as conn:
                save_fingerprints(
                    conn, self.workspace, [to_row(r) for r in results], self.store.clock()
                )
            for item in results:
                made[item.sha256] = item
                if isinstance(item, Fingerprint):
                    counts.fingerprinted += 1
                    counts.read += item.text is not None
        return made

    def _mirror(self, item: Fingerprint) -> Fingerprint:
        """A picture first seen in a listing and now registered as a reference gets the
        mirror view references carry."""
        updated = with_mirror(item, self.store.blobs.get(item.sha256), self.limits)
        row = to_row(updated)
        with self.store.transaction() as conn:
            save_mirror(
                conn,
                self.workspace,
                item.sha256,
                PIPELINE_VERSION,
                row["mirror_embedding"],
                row["mirror_keypoints"],
            )
        return updated

    def _read(self, item: Fingerprint, counts: PictureCounts) -> Fingerprint:
        updated = read_text(item, self.store.blobs.get(item.sha256), self.limits)
        with self.store.transaction() as conn:
            save_text(
                conn,
                self.workspace,
                item.sha256,
                PIPELINE_VERSION,
                text_rows(updated.text) or [],
                self.store.clock(),
            )
        counts.read += 1
        return updated


@dataclass(frozen=True, slots=True)
class ReferenceFile:
    """A brand's registered picture as the brand file names it."""

    brand: str
    role: str
    file: str
    product: str | None
    sha256: str
    designed: bool = False


def brand_pictures(brand: Brand) -> list[tuple[str, str, str | None, bool]]:
    """(role, path, product, designed) of each logo, official photo and design reference;
    `designed` marks a design reference or a photo of a product that registers a design."""
    found: list[tuple[str, str, str | None, bool]] = [("logo", r, None, False) for r in brand.logos]
    for product in brand.products:
        designed = bool(product.designs)
        found += [("photo", ref, product.name, designed) for ref in product.photos]
        found += [("design", ref, product.name, True) for ref in product.designs]
    return found


def reference_files(stored: Iterable[StoredBrand]) -> list[ReferenceFile]:
    """Every logo, official photo and design reference of the brands, with its digest."""
    found = []
    for item in stored:
        files = item.spec.get("files", {})
        brand = item.brand
        pairs = brand_pictures(brand)
        for role, ref, product_name, designed in pairs:
            if ref in files:
                found.append(
                    ReferenceFile(brand.name, role, ref, product_name, files[ref], designed)
                )
    return found


def vision_context(
    pictures: Pictures, stored: Iterable[StoredBrand], rules: Rules, counts: PictureCounts
) -> VisionContext:
    """The brands' references fingerprinted (once, stored) and indexed for a scan."""
    files = reference_files(stored)
    logos = frozenset(f.sha256 for f in files if f.role == "logo")
    prints = pictures.get((f.sha256 for f in files), read=logos, mirror=True, counts=counts)
    references = []
    for f in files:
        item = prints.get(f.sha256)
        if isinstance(item, Fingerprint):
            references.append(Reference(f.brand, f.role, f.file, f.product, item, f.designed))
    thresholds = VisionThresholds(**rules.vision.model_dump())
    index = ReferenceIndex(references, text_min_score=thresholds.ocr_min_score)
    return VisionContext(index, thresholds)


def listing_pictures(
    pictures: Pictures, index: BrandIndex, listings: Sequence[Listing], counts: PictureCounts
) -> dict[str, Fingerprint]:
    """The fingerprints of the listings' stored pictures. OCR runs on a listing's pictures
    unless its words already name every brand of the scan plainly."""
    digests: set[str] = set()
    read: set[str] = set()
    everyone = set(index.brands)
    for listing in listings:
        own = [ref for ref in listing.images if is_digest(ref)]
        digests.update(own)
        named = {h.brand for h in index.mentions(listing) if h.suppressed is None}
        if not own or named >= everyone:
            continue
        read.update(own)
    found = pictures.get(digests, read=frozenset(read), counts=counts)
    return {d: fp for d, fp in found.items() if isinstance(fp, Fingerprint)}
