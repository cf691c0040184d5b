"""Match one listing picture against the scan's references; every match is verified.

Stolen photo: a pHash within the limit (or of the mirror), else a shortlisted official
photo located by keypoints and homography. Logo: logo views voted for by the query's
descriptors, then located. Design: a design reference or official product photo whose
embedding is close although no copy was verified. Below-threshold candidates go to the
debug log only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hallmark.vision.appearance import Agreement
from hallmark.vision.fingerprint import Fingerprint
from hallmark.vision.hashes import mirror_distance
from hallmark.vision.keypoints import Verification, verify
from hallmark.vision.references import Reference, ReferenceIndex

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class VisionThresholds:
    """The limits a match must pass; part of the rules (vision.yaml)."""

    phash_max: int = 10
    hash_min_similarity: float = 0.9
    phash_exact: int = 2
    exact_min_similarity: float = 0.97
    textureless_keypoints: int = 40
    shortlist: int = 10
    photo_min_inliers: int = 20
    photo_min_area: float = 0.02
    logo_min_inliers: int = 25
    logo_min_area: float = 0.002
    logo_min_votes: int = 6
    logo_margin: float = 0.67
    logo_min_agreement: float = 0.5
    lettered_min_inliers: int = 5
    lettered_min_agreement: float = 0.4
    lettering_min_agreement: float = 0.65
    lettering_veto: float = 0.45
    design_min_similarity: float = 0.7
    ocr_min_score: float = 0.6


@dataclass(frozen=True, slots=True)
class ImageMatch:
    """A verified sighting of a brand reference in one listing picture."""

    detector: str  # stolen_photo, logo, design or image_text
    brand: str
    image: str
    position: int
    """Which of the listing's pictures (0 = the first)."""
    reference: str | None = None
    product: str | None = None
    how: str = ""
    similarity: float | None = None
    distance: int | None = None
    inliers: int | None = None
    mirrored: bool = False
    region: tuple[tuple[float, float], ...] | None = None
    text: str | None = None
    lettering: float | None = None
    """A logo's lettering agreement (see appearance.py), when it has lettering."""
    mark_kind: str | None = None
    role: str | None = None
    """The reference's role: logo, photo or design."""
    size: tuple[int, int] | None = None
    """The listing picture's working size, which `region` is measured in."""


def match_picture(
    fp: Fingerprint, position: int, index: ReferenceIndex, limits: VisionThresholds
) -> list[ImageMatch]:
    """Stolen-photo, design and logo matches of one picture (text is matched elsewhere)."""
    found = _photos_and_designs(fp, position, index, limits)
    found += _logos(fp, position, index, limits)
    return found


def _photos_and_designs(
    fp: Fingerprint, position: int, index: ReferenceIndex, limits: VisionThresholds
) -> list[ImageMatch]:
    nearest = index.nearest(fp.embeddings, limits.shortlist)
    voted = index.voted_views(fp.keypoints, {"photo"}, limits.shortlist, limits.logo_min_votes)
    candidates = dict(nearest)
    for view in voted:
        candidates.setdefault(index.views[view].reference, 0.0)
    copies: list[ImageMatch] = []
    for ref_id, similarity in sorted(candidates.items(), key=lambda c: -c[1]):
        ref = index.references[ref_id]
        copy = _copy_of(fp, ref, position, similarity, limits) if ref.role == "photo" else None
        if copy is not None:
            copies.append(copy)
        else:
            log.debug("no copy: %s vs %s cos %.3f", fp.sha256[:12], ref.file, similarity)
    # a copy of one official photo resembles its sibling photos by construction
    copied = {m.brand for m in copies}
    designs: dict[str, ImageMatch] = {}
    shapes = index.nearest(fp.shapes, limits.shortlist, shape=True)
    for ref_id, similarity in sorted(shapes.items(), key=lambda c: -c[1]):
        ref = index.references[ref_id]
        if similarity < limits.design_min_similarity or (
            ref.role == "photo" and ref.brand in copied
        ):
            log.debug("design: %s vs %s %.3f", fp.sha256[:12], ref.file, similarity)
        elif ref.brand not in designs:
            designs[ref.brand] = _match(
                "design", ref, fp, position, "shape embedding", similarity=similarity
            )
    return copies + list(designs.values())


def _copy_of(
    fp: Fingerprint, ref: Reference, position: int, similarity: float, limits: VisionThresholds
) -> ImageMatch | None:
    """A copy is proven by keypoints and a homography; by hashes alone only when the copy is
    all but identical, or the reference is too plain to carry keypoints (flat renders share
    hashes with look-alikes by chance, so a hash alone never proves more)."""
    distance, mirrored = mirror_distance(fp.hashes, ref.fingerprint.hashes)
    located = _located(fp, ref, limits)
    if located is not None:
        check, flipped = located
        return _match(
            "stolen_photo", ref, fp, position, "keypoints",
            similarity=similarity, distance=distance, inliers=check.inliers,
            mirrored=flipped, region=check.quad,
        )  # fmt: skip
    identical = distance <= limits.phash_exact and similarity >= limits.exact_min_similarity
    plain = len(ref.fingerprint.keypoints) < limits.textureless_keypoints
    close = distance <= limits.phash_max and similarity >= limits.hash_min_similarity
    if identical or (plain and close):
        return _match(
            "stolen_photo", ref, fp, position, "perceptual hash",
            similarity=similarity, distance=distance, mirrored=mirrored,
        )  # fmt: skip
    return None


def _located(
    fp: Fingerprint, ref: Reference, limits: VisionThresholds
) -> tuple[Verification, bool] | None:
    views = [(ref.fingerprint.keypoints, False)]
    if ref.fingerprint.mirror is not None:
        views.append((ref.fingerprint.mirror.keypoints, True))
    best: tuple[Verification, bool] | None = None
    for keypoints, flipped in views:
        found = verify(
            keypoints, fp.keypoints,
            min_inliers=limits.photo_min_inliers, min_area=limits.photo_min_area,
        )  # fmt: skip
        if found is not None and (best is None or found.inliers > best[0].inliers):
            best = (found, flipped)
    return best


def _logos(
    fp: Fingerprint, position: int, index: ReferenceIndex, limits: VisionThresholds
) -> list[ImageMatch]:
    found: dict[str, ImageMatch] = {}
    for view_id in index.voted_views(
        fp.keypoints, {"logo"}, limits.shortlist, limits.logo_min_votes
    ):
        view = index.views[view_id]
        ref = index.references[view.reference]
        check = verify(
            view.keypoints,
            fp.keypoints,
            min_inliers=min(limits.logo_min_inliers, limits.lettered_min_inliers),
            min_area=limits.logo_min_area,
        )
        if check is None:
            log.debug("logo %s not verified in %s", ref.file, fp.sha256[:12])
            continue
        looks = index.looks_like(view.reference, fp, check.quad)
        if not logo_holds(check.inliers, looks, limits):
            log.debug("logo %s located in %s: %d inliers, looks %s", ref.file,
                      fp.sha256[:12], check.inliers, looks)  # fmt: skip
            continue
        current = found.get(ref.brand)
        if current is None or (current.inliers or 0) < check.inliers:
            found[ref.brand] = _match(
                "logo",
                ref,
                fp,
                position,
                "keypoints",
                inliers=check.inliers,
                region=check.quad,
                similarity=None if looks is None else looks.whole,
                lettering=None if looks is None else looks.lettering,
            )
    return _distinct(list(found.values()), limits.logo_margin)


def logo_holds(inliers: int, looks: Agreement | None, limits: VisionThresholds) -> bool:
    """Whether a located logo counts. Lettering that agrees lowers both bars for the rest, at
    any inlier count (lettered_min_inliers and lettered_min_agreement instead of
    logo_min_inliers and logo_min_agreement); lettering that disagrees vetoes the logo however
    many inliers it has: the letters are what tell a brand's crest from a look-alike on the
    same template. Without a grey copy only the inliers can decide."""
    if looks is None:
        return inliers >= limits.logo_min_inliers
    lettering = looks.lettering
    if lettering is not None and lettering >= limits.lettering_min_agreement:
        return (
            inliers >= limits.lettered_min_inliers and looks.whole >= limits.lettered_min_agreement
        )
    vetoed = lettering is not None and lettering < limits.lettering_veto
    return (
        not vetoed
        and inliers >= limits.logo_min_inliers
        and looks.whole >= limits.logo_min_agreement
    )


def _distinct(matches: list[ImageMatch], margin: float) -> list[ImageMatch]:
    """The best logo, unless another brand's logo is located about as well: logos drawn on
    one template (a shield, a crest) share most of their keypoints, and a look-alike of no
    brand then matches several brands at once."""
    if len(matches) < 2:
        return matches
    ranked = sorted(matches, key=lambda m: -(m.inliers or 0))
    best, second = ranked[0].inliers or 0, ranked[1].inliers or 0
    if second >= margin * best:
        log.debug("logo ambiguous: %s", [(m.brand, m.inliers) for m in ranked])
        return []
    return ranked[:1]


def _match(
    detector: str, ref: Reference, fp: Fingerprint, position: int, how: str, **facts: object
) -> ImageMatch:
    return ImageMatch(
        detector,
        ref.brand,
        fp.sha256,
        position,
        ref.file,
        ref.product,
        how,
        role=ref.role,
        size=(fp.width, fp.height),
        **facts,  # type: ignore[arg-type]
    )
