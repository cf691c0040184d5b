"""Fingerprint pictures once: hashes, embeddings, keypoints, a grey copy and (when asked) OCR
text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image, ImageOps

from hallmark.errors import ImageRejected
from hallmark.vision.appearance import grey_copy
from hallmark.vision.decode import decode
from hallmark.vision.embed import embedder
from hallmark.vision.hashes import Hashes, hashes
from hallmark.vision.keypoints import Keypoints, keypoints
from hallmark.vision.ocr import TextLine, reader

_BACKGROUND_TOLERANCE = 24
_CONTENT_SHARE = 0.8
_TURNS = (-30, -15, 0, 15, 30)


@dataclass(frozen=True, slots=True)
class Mirror:
    """A reference picture's mirror image, kept so a mirrored copy still matches."""

    embedding: np.ndarray
    keypoints: Keypoints


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Everything matched against: computed once per picture and stored."""

    sha256: str
    width: int
    height: int
    hashes: Hashes
    embeddings: np.ndarray
    """(k, 1280) unit vectors: the whole picture, then its content region when the picture
    sits on a plain canvas or frame."""
    keypoints: Keypoints
    shapes: np.ndarray
    """(k, 1280) unit embeddings of the shape view: the object cut from its ground, in grey
    with stretched contrast, so that colour and background weigh less than form and pattern.
    One row for a listing picture; for a reference, also turned and mirrored views, since
    the embedding is not invariant to rotation."""
    text: tuple[TextLine, ...] | None = None
    """OCR lines, or None when OCR has not run on this picture."""
    mirror: Mirror | None = None
    grey: bytes | None = None
    """A small grey copy (JPEG, see appearance.py): what a located logo is checked against."""


@dataclass(frozen=True, slots=True)
class Refused:
    """A picture that could not be fingerprinted, and why."""

    sha256: str
    reason: str


@dataclass(frozen=True, slots=True)
class Limits:
    """The image limits of the settings in force."""

    max_bytes: int
    max_pixels: int


def fingerprint_images(
    items: Sequence[tuple[str, bytes]],
    limits: Limits,
    *,
    ocr: frozenset[str] | bool = True,
    mirror: bool = False,
) -> list[Fingerprint | Refused]:
    """Fingerprints for (sha256, bytes) pairs, in order; OCR for the digests in `ocr` (or
    all / none), mirror views for references."""
    decoded: list[tuple[str, Image.Image]] = []
    results: dict[str, Fingerprint | Refused] = {}
    for digest, data in items:
        try:
            decoded.append(
                (digest, decode(data, max_bytes=limits.max_bytes, max_pixels=limits.max_pixels))
            )
        except ImageRejected as exc:
            results[digest] = Refused(digest, str(exc))
    if decoded:
        images = dict(decoded)
        for fingerprint in _fingerprints(decoded, mirror):
            wants_text = ocr if isinstance(ocr, bool) else fingerprint.sha256 in ocr
            if wants_text:
                text = reader().read(images[fingerprint.sha256])
                fingerprint = replace(fingerprint, text=text)
            results[fingerprint.sha256] = fingerprint
    return [results[digest] for digest, _ in items]


def read_text(fingerprint: Fingerprint, data: bytes, limits: Limits) -> Fingerprint:
    """The fingerprint with OCR text added (decoding the picture again)."""
    image = decode(data, max_bytes=limits.max_bytes, max_pixels=limits.max_pixels)
    return replace(fingerprint, text=reader().read(image))


def with_mirror(fingerprint: Fingerprint, data: bytes, limits: Limits) -> Fingerprint:
    """The fingerprint with its mirror view added (decoding the picture again)."""
    image = decode(data, max_bytes=limits.max_bytes, max_pixels=limits.max_pixels)
    return replace(fingerprint, mirror=_mirror(image))


def shape_views(image: Image.Image, *, turned: bool = False) -> list[Image.Image]:
    """The picture's main object in grey with stretched contrast (see Fingerprint.shapes);
    with `turned`, also rotated by up to 30 degrees either way, and all of it mirrored."""
    region = object_region(image)
    base = ImageOps.autocontrast(region.convert("L"), cutoff=1)
    if not turned:
        return [base.convert("RGB")]
    views = []
    for flipped in (base, ImageOps.mirror(base)):
        for angle in _TURNS:
            views.append(flipped.rotate(angle, expand=True, fillcolor=255).convert("RGB"))
    return views


def _mirror(image: Image.Image) -> Mirror:
    flipped = ImageOps.mirror(image)
    return Mirror(embedder().embed([flipped])[0], keypoints(flipped))


def _fingerprints(decoded: list[tuple[str, Image.Image]], mirror: bool) -> list[Fingerprint]:
    # one embedding batch for every view: whole picture, content region, shape views
    views: list[Image.Image] = []
    owners: list[tuple[int, str]] = []
    for i, (_, image) in enumerate(decoded):
        views.append(image)
        owners.append((i, "plain"))
        content = content_region(image)
        if content is not None:
            views.append(content)
            owners.append((i, "plain"))
        shapes = shape_views(image, turned=mirror)
        views += shapes
        owners += [(i, "shape")] * len(shapes)
    vectors = embedder().embed(views)
    out = []
    for i, (digest, image) in enumerate(decoded):
        out.append(
            Fingerprint(
                digest,
                image.width,
                image.height,
                hashes(image),
                vectors[[j for j, owner in enumerate(owners) if owner == (i, "plain")]],
                keypoints(image, enlarge=not mirror),
                vectors[[j for j, owner in enumerate(owners) if owner == (i, "shape")]],
                None,
                _mirror(image) if mirror else None,
                grey_copy(image),
            )
        )
    return out


def object_region(image: Image.Image) -> Image.Image:
    """The region around the picture's largest cluster of edges: the product on a plain or
    graded studio ground; the whole picture when edges are everywhere (a busy scene)."""
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    edges = cv2.dilate(cv2.Canny(grey, 60, 160), np.ones((15, 15), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(edges, connectivity=8)
    if count <= 1:
        return image
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h = (int(v) for v in stats[best, :4])
    if w < 32 or h < 32 or w * h > 0.9 * image.width * image.height:
        return image
    pad = int(0.04 * max(w, h))
    box = (
        max(0, x - pad),
        max(0, y - pad),
        min(image.width, x + w + pad),
        min(image.height, y + h + pad),
    )
    return image.crop(box)


def content_region(image: Image.Image) -> Image.Image | None:
    """The largest non-background region, when the picture is mostly a plain canvas, border
    or frame around it (a photo shrunk onto a listing canvas); else None."""
    pixels = np.asarray(image, dtype=np.int16)
    edge = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    ground = np.median(edge, axis=0)
    if np.mean(np.abs(edge - ground).max(axis=1) <= _BACKGROUND_TOLERANCE) < 0.6:
        return None
    mask = (np.abs(pixels - ground).max(axis=2) > _BACKGROUND_TOLERANCE).astype(np.uint8)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    # a band across the whole picture (a price banner, a caption bar) is canvas, not content
    spans = (stats[:, cv2.CC_STAT_WIDTH] >= 0.97 * image.width) | (
        stats[:, cv2.CC_STAT_HEIGHT] >= 0.97 * image.height
    )
    areas = np.where(spans, 0, stats[:, cv2.CC_STAT_AREA])
    areas[0] = 0
    if count <= 1 or areas.max() == 0:
        return None
    best = int(np.argmax(areas))
    x, y, w, h = (int(v) for v in stats[best, :4])
    if w < 32 or h < 32 or w * h > _CONTENT_SHARE * image.width * image.height:
        return None
    return image.crop((x, y, x + w, y + h))
