"""Local features: SIFT keypoints, and the geometric check that proves a match.

A match is verified only when a RANSAC homography has enough inliers and the reference's
outline, projected into the query, is a convex quadrilateral of plausible size: without
the outline check, chance matches between unrelated photos pass at 15 inliers (VISION.md).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

MAX_KEYPOINTS = 1500
SMALL_SIDE = 1024
"""Listing pictures smaller than this on their long side are enlarged (at most twice) before
SIFT looks at them: a logo of 80 to 150 px then yields enough keypoints to be located
(on the corpus dev split the logo recall rose from 0.17 to 0.31 and false positives fell)."""
_HEADER = struct.Struct("<III")
_TOLERANCE = 4.0
"""RANSAC's reprojection limit in query pixels."""
_REFINE_FROM = 8
"""Inliers a similarity needs before a homography is fitted to them."""


@dataclass(frozen=True, slots=True)
class Keypoints:
    """Keypoint positions (n, 2) and SIFT descriptors (n, 128) of a picture of size w x h."""

    xy: np.ndarray
    descriptors: np.ndarray
    width: int
    height: int

    def __len__(self) -> int:
        return int(self.xy.shape[0])

    def to_bytes(self) -> bytes:
        header = _HEADER.pack(len(self), self.width, self.height)
        return (
            header + self.xy.astype("<f4").tobytes() + self.descriptors.astype(np.uint8).tobytes()
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Keypoints:
        n, width, height = _HEADER.unpack_from(data)
        start = _HEADER.size
        xy = np.frombuffer(data, dtype="<f4", count=n * 2, offset=start).reshape(n, 2)
        desc = np.frombuffer(data, dtype=np.uint8, count=n * 128, offset=start + n * 8)
        return cls(xy.astype(np.float32), desc.reshape(n, 128), width, height)


@dataclass(frozen=True, slots=True)
class Verification:
    """A geometrically verified match of a reference inside a query picture."""

    inliers: int
    matches: int
    quad: tuple[tuple[float, float], ...]
    """The reference's corners projected into the query, clockwise from top left."""
    area_fraction: float
    """The projected outline's area as a share of the query picture (before clipping)."""


def keypoints(
    image: Image.Image, limit: int = MAX_KEYPOINTS, *, enlarge: bool = False
) -> Keypoints:
    """The strongest SIFT keypoints of a decoded picture, positions in its own pixels; with
    `enlarge`, a small picture is looked at enlarged (see SMALL_SIDE)."""
    width, height = image.size
    factor = min(2.0, SMALL_SIDE / max(width, height)) if enlarge else 1.0
    if factor > 1.0:
        image = image.resize(
            (round(width * factor), round(height * factor)), Image.Resampling.BICUBIC
        )
        limit = min(round(limit * factor), 2000)
    else:
        factor = 1.0
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    sift = cv2.SIFT_create(nfeatures=limit)  # type: ignore[attr-defined]
    points, descriptors = sift.detectAndCompute(grey, None)
    if descriptors is None or not points:
        return Keypoints(np.zeros((0, 2), np.float32), np.zeros((0, 128), np.uint8), width, height)
    order = np.argsort([-p.response for p in points], kind="stable")
    points = [points[i] for i in order]
    descriptors = descriptors[order]
    xy = np.array([p.pt for p in points], dtype=np.float32) / factor
    # SIFT descriptors are small non-negative integers held as floats; uint8 keeps them exact.
    return Keypoints(xy, np.clip(descriptors, 0, 255).astype(np.uint8), width, height)


def inverted(points: Keypoints) -> Keypoints:
    """The keypoints SIFT finds in the picture with its brightness inverted (a logo printed
    light on a dark box, or pressed into metal), derived without the pixels: inverting turns
    every gradient and each keypoint's orientation by half a turn, which leaves the
    orientation bins alone and turns the 4 x 4 grid of cells by half a turn."""
    cells = points.descriptors.reshape(-1, 4, 4, 8)[:, ::-1, ::-1, :]
    return Keypoints(
        points.xy, np.ascontiguousarray(cells).reshape(-1, 128), points.width, points.height
    )


def good_matches(
    reference: Keypoints, query: Keypoints, ratio: float = 0.75
) -> list[tuple[int, int]]:
    """(reference index, query index) pairs passing Lowe's ratio test, each query keypoint
    used once (its closest reference keypoint): a logo's repeated strokes and rings otherwise
    send many reference keypoints to one query keypoint, and RANSAC settles on a homography
    that folds the whole reference onto that point."""
    if len(reference) < 2 or len(query) < 2:
        return []
    matcher = cv2.BFMatcher(cv2.NORM_L2)
    pairs = matcher.knnMatch(
        reference.descriptors.astype(np.float32), query.descriptors.astype(np.float32), k=2
    )
    best: dict[int, tuple[float, int]] = {}
    for m, n in (p for p in pairs if len(p) == 2):
        if m.distance < ratio * n.distance and m.distance < best.get(m.trainIdx, (1e9, 0))[0]:
            best[m.trainIdx] = (m.distance, m.queryIdx)
    return sorted((r, q) for q, (_, r) in best.items())


def verify(
    reference: Keypoints,
    query: Keypoints,
    *,
    min_inliers: int,
    min_area: float,
    ratio: float = 0.75,
) -> Verification | None:
    """The reference located in the query, or None when the geometry does not hold."""
    pairs = good_matches(reference, query, ratio)
    if len(pairs) < min_inliers:
        return None
    source = reference.xy[[r for r, _ in pairs]].reshape(-1, 1, 2)
    target = query.xy[[q for _, q in pairs]].reshape(-1, 1, 2)
    homography, inliers = _homography(source, target)
    if homography is None or inliers < min_inliers:
        return None
    w, h = reference.width, reference.height
    corners = np.array([[[0, 0]], [[w, 0]], [[w, h]], [[0, h]]], dtype=np.float64)
    quad = cv2.perspectiveTransform(corners, homography).reshape(4, 2)
    if not np.all(np.isfinite(quad)) or not _convex_clockwise(quad):
        return None
    area = _area(quad) / float(query.width * query.height)
    if area < min_area or area > 50.0:
        return None
    return Verification(
        inliers,
        len(pairs),
        tuple((round(float(x), 1), round(float(y), 1)) for x, y in quad),
        round(area, 4),
    )


def _homography(source: np.ndarray, target: np.ndarray) -> tuple[np.ndarray | None, int]:
    """The homography of the pairs and its inlier count. RANSAC first fits a similarity
    (turn, scale, shift), which small or self-similar marks cannot fold into a degenerate
    fit; the homography is then fitted to those inliers only, for the mild perspective."""
    similarity, mask = cv2.estimateAffinePartial2D(
        source, target, method=cv2.RANSAC, ransacReprojThreshold=_TOLERANCE
    )
    if similarity is None or mask is None:
        return None, 0
    keep = mask.ravel().astype(bool)
    homography = np.vstack([similarity, [0.0, 0.0, 1.0]])
    if keep.sum() >= _REFINE_FROM:
        refined, _ = cv2.findHomography(source[keep], target[keep], cv2.RANSAC, _TOLERANCE)
        if refined is not None:
            homography = refined
    return homography, int(keep.sum())


def _convex_clockwise(quad: np.ndarray) -> bool:
    """True when the quad keeps the reference's orientation (no fold, no reflection)."""
    crosses = []
    for i in range(4):
        a, b, c = quad[i], quad[(i + 1) % 4], quad[(i + 2) % 4]
        crosses.append((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]))
    # image y points down, so the reference's corner order turns with a positive cross
    return all(c > 0 for c in crosses)


def _area(quad: np.ndarray) -> float:
    x, y = quad[:, 0], quad[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
