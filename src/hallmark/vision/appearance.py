"""Does a located logo look like the reference? Keypoints prove where a logo is; this checks
what is drawn there, so a look-alike sharing only the reference's frame or ornaments fails.

The region the keypoints found is warped back onto the reference and the two are compared
by the orientation of their edges (angles doubled, so a logo printed light on dark or pressed
into metal agrees with the flat reference), only where the reference has edges.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Appearance:
    """A reference's edge orientations at REFERENCE_WIDTH and where they are compared."""

    scale: float
    """REFERENCE_WIDTH over the reference's own width."""
    orientations: np.ndarray
    mask: np.ndarray


def grey_copy(image: Image.Image) -> bytes:
    """The picture in grey, no larger than GREY_SIDE, as a JPEG (a few kilobytes)."""
    grey = image.convert("L")
    grey.thumbnail((GREY_SIDE, GREY_SIDE), Image.Resampling.BILINEAR)
    out = io.BytesIO()
    grey.save(out, "JPEG", quality=90)
    return out.getvalue()


def appearance(grey: bytes, width: int) -> Appearance:
    """A reference logo's appearance, from its grey copy and its working width."""
    picture = Image.open(io.BytesIO(grey))
    scale = REFERENCE_WIDTH / width
    size = (REFERENCE_WIDTH, max(8, round(picture.height * REFERENCE_WIDTH / picture.width)))
    pixels = np.asarray(picture.resize(size, Image.Resampling.LANCZOS), dtype=np.float32)
    orientations, strength = _orientations(pixels)
    edges = (strength > _EDGE_SHARE * max(float(strength.max()), 1e-6)).astype(np.uint8)
    mask = cv2.dilate(edges, np.ones((_AROUND, _AROUND), np.uint8)).astype(bool)
    return Appearance(scale, orientations, mask)


def agreement(
    reference: Appearance,
    grey: bytes,
    size: tuple[int, int],
    quad: tuple[tuple[float, float], ...],
    reference_size: tuple[int, int],
) -> float:
    """How well the region `quad` of a picture of working `size` (its grey copy in `grey`)
    agrees with the reference, from -1 to 1 (1: the same edges everywhere)."""
    picture = np.asarray(Image.open(io.BytesIO(grey)), dtype=np.float32)
    shrink = picture.shape[1] / size[0]
    w, h = reference_size
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    target = np.array(quad, dtype=np.float32) * shrink
    onto = cv2.getPerspectiveTransform(target, corners * np.float32(reference.scale))
    height, width = reference.mask.shape
    warped = cv2.warpPerspective(picture, onto, (width, height), flags=cv2.INTER_LINEAR)
    seen = _orientations(warped)[0][reference.mask]
    drawn = reference.orientations[reference.mask]
    norms = float(np.sqrt((drawn**2).sum() * (seen**2).sum()))
    return float((drawn * seen).sum()) / (norms + 1e-6)


def _orientations(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel (cos 2a, sin 2a) scaled by the square root of the edge strength, and the
    strength: doubling the angle makes an edge and its inverse the same."""
    smooth = cv2.GaussianBlur(pixels, (0, 0), 1.0)
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1)
    strength = gx * gx + gy * gy + 1e-3
    root = np.sqrt(strength)
    return np.dstack([(gx * gx - gy * gy) / root, 2 * gx * gy / root]), root
