"""Does a located logo look like the reference? Keypoints prove where a logo is; this checks
what is drawn there, so a look-alike sharing only the reference's frame or ornaments fails.

The region the keypoints found is warped back onto the reference and the two are compared
by the orientation of their edges (angles doubled, so a logo printed light on dark or pressed
into metal agrees with the flat reference), only where the reference has edges. Where OCR
read lettering in the reference (the name on a crest's banner, the letter on its shield, a
wordmark's word), the lettering is also compared on its own: look-alike crests share a
maker's template, frame and ornaments with the brand's, and differ in their letters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import cv2
import numpy as np
from PIL import Image

GREY_SIDE = 384
"""Long side of the grey copy a fingerprint keeps for this check; a logo at 15 % of a
listing picture's width is still about 58 px wide in it."""
REFERENCE_WIDTH = 96
"""Width the reference and the warped region are compared at."""
_EDGE_SHARE = 0.25
"""Reference pixels with an edge this strong (against its strongest) are compared..."""
_AROUND = 5
"""...together with their neighbours within this square, in pixels at REFERENCE_WIDTH."""
_MIN_LETTER_PIXELS = 12
"""Fewer compared pixels than this in the lettering say nothing about it."""


@dataclass(frozen=True, slots=True)
class Appearance:
    """A reference's edge orientations at REFERENCE_WIDTH and where they are compared."""

    scale: float
    """REFERENCE_WIDTH over the reference's own width."""
    orientations: np.ndarray
    mask: np.ndarray
    letters: np.ndarray | None = None
    """The part of `mask` inside the reference's lettering, or None when it has none."""


class Agreement(NamedTuple):
    """How a located region agrees with a logo, from -1 to 1: everywhere the logo has
    edges, and in its lettering alone (None when the logo has no lettering)."""

    whole: float
    lettering: float | None


def grey_copy(image: Image.Image) -> bytes:
    """The picture in grey, no larger than GREY_SIDE, as a JPEG (a few kilobytes)."""
    grey = image.convert("L")
    grey.thumbnail((GREY_SIDE, GREY_SIDE), Image.Resampling.BILINEAR)
    out = io.BytesIO()
    grey.save(out, "JPEG", quality=90)
    return out.getvalue()


def appearance(
    grey: bytes, width: int, lettering: Sequence[Sequence[tuple[float, float]]] = ()
) -> Appearance:
    """A reference logo's appearance, from its grey copy, its working width and the boxes
    of its lettering (in working pixels)."""
    picture = Image.open(io.BytesIO(grey))
    scale = REFERENCE_WIDTH / width
    size = (REFERENCE_WIDTH, max(8, round(picture.height * REFERENCE_WIDTH / picture.width)))
    pixels = np.asarray(picture.resize(size, Image.Resampling.LANCZOS), dtype=np.float32)
    orientations, strength = _orientations(pixels)
    edges = (strength > _EDGE_SHARE * max(float(strength.max()), 1e-6)).astype(np.uint8)
    mask = cv2.dilate(edges, np.ones((_AROUND, _AROUND), np.uint8)).astype(bool)
    return Appearance(scale, orientations, mask, _within(mask, lettering, scale))


def _within(
    mask: np.ndarray, boxes: Sequence[Sequence[tuple[float, float]]], scale: float
) -> np.ndarray | None:
    inside = np.zeros(mask.shape, np.uint8)
    for box in boxes:
        corners = np.round(np.array(box, dtype=np.float64) * scale).astype(np.int32)
        cv2.fillPoly(inside, [corners], 1)
    letters = mask & inside.astype(bool)
    return letters if letters.sum() >= _MIN_LETTER_PIXELS else None


def agreement(
    reference: Appearance,
    grey: bytes,
    size: tuple[int, int],
    quad: tuple[tuple[float, float], ...],
    reference_size: tuple[int, int],
) -> Agreement:
    """How well the region `quad` of a picture of working `size` (its grey copy in `grey`)
    agrees with the reference (1: the same edges everywhere)."""
    picture = np.asarray(Image.open(io.BytesIO(grey)), dtype=np.float32)
    shrink = picture.shape[1] / size[0]
    w, h = reference_size
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    target = np.array(quad, dtype=np.float32) * shrink
    onto = cv2.getPerspectiveTransform(target, corners * np.float32(reference.scale))
    height, width = reference.mask.shape
    warped = cv2.warpPerspective(picture, onto, (width, height), flags=cv2.INTER_LINEAR)
    seen = _orientations(warped)[0]
    letters = reference.letters
    return Agreement(
        _correlation(reference.orientations, seen, reference.mask),
        None if letters is None else _correlation(reference.orientations, seen, letters),
    )


def _correlation(drawn: np.ndarray, seen: np.ndarray, where: np.ndarray) -> float:
    a, b = drawn[where], seen[where]
    return float((a * b).sum()) / (float(np.sqrt((a**2).sum() * (b**2).sum())) + 1e-6)


def _orientations(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel (cos 2a, sin 2a) scaled by the square root of the edge strength, and the
    strength: doubling the angle makes an edge and its inverse the same."""
    smooth = cv2.GaussianBlur(pixels, (0, 0), 1.0)
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1)
    strength = gx * gx + gy * gy + 1e-3
    root = np.sqrt(strength)
    return np.dstack([(gx * gx - gy * gy) / root, 2 * gx * gy / root]), root
