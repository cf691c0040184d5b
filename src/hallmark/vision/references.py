"""A scan's brand references (logos, official photos, design references) indexed once:
embeddings in the vector index, SIFT descriptors in a FLANN index that votes for views."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from hallmark.vision.appearance import Agreement, Appearance, agreement, appearance
from hallmark.vision.embed import DIMENSIONS
from hallmark.vision.fingerprint import Fingerprint
from hallmark.vision.index import FaissIndex, VectorIndex
from hallmark.vision.keypoints import Keypoints, inverted

INDEXED_KEYPOINTS = 600
"""Descriptors per reference view in the voting index; verification uses them all."""


@dataclass(frozen=True, slots=True)
class Reference:
    """One registered picture of a brand."""

    brand: str
    role: str  # "logo", "photo" or "design"
    file: str
    """The path as written in the brand file."""
    product: str | None
    fingerprint: Fingerprint
    designed: bool = False
    """True for a design reference, and for an official photo of a product that registers a
    design: the pictures the design detector compares shapes with."""


@dataclass(frozen=True, slots=True)
class View:
    """A reference as seen by the keypoint index: as registered, mirrored, or (a logo) with
    its brightness inverted."""

    reference: int
    mirrored: bool
    keypoints: Keypoints
    inverted: bool = False


class ReferenceIndex:
    """Shortlists references for a query picture without looping over them."""

    def __init__(
        self,
        references: Sequence[Reference],
        vectors: VectorIndex | None = None,
        *,
        text_min_score: float,
    ) -> None:
        self.references = list(references)
        self.vectors = vectors or FaissIndex(DIMENSIONS, expected=2 * len(self.references))
        self.shapes = FaissIndex(DIMENSIONS, expected=2 * len(self.references))
        self.views: list[View] = []
        ids: list[int] = []
        rows: list[np.ndarray] = []
        shape_ids: list[int] = []
        shapes: list[np.ndarray] = []
        for i, ref in enumerate(self.references):
            fp = ref.fingerprint
            mirrors = [fp.mirror] if fp.mirror is not None else []
            if ref.role == "photo":
                rows += [fp.embeddings[:1]] + [m.embedding.reshape(1, -1) for m in mirrors]
                ids += [i] * (1 + len(mirrors))
            if ref.role == "design" or ref.designed:
                shapes.append(fp.shapes)
                shape_ids += [i] * len(fp.shapes)
            if ref.role in ("photo", "logo"):
                self.views.append(View(i, False, fp.keypoints))
                if fp.mirror is not None and ref.role == "photo":
                    self.views.append(View(i, True, fp.mirror.keypoints))
                if ref.role == "logo":
                    self.views.append(View(i, False, inverted(fp.keypoints), inverted=True))
        if rows:
            self.vectors.add(np.concatenate(rows), np.array(ids, dtype=np.int64))
        if shapes:
            self.shapes.add(np.concatenate(shapes), np.array(shape_ids, dtype=np.int64))
        self._flann = _descriptor_index(self.views)
        self._looks: dict[int, Appearance] = {
            i: appearance(
                ref.fingerprint.grey, ref.fingerprint.width, lettering(ref, text_min_score)
            )
            for i, ref in enumerate(self.references)
            if ref.role == "logo" and ref.fingerprint.grey is not None
        }

    def looks_like(
        self, reference: int, query: Fingerprint, quad: tuple[tuple[float, float], ...]
    ) -> Agreement | None:
        """How well the region `quad` of the query agrees with a logo reference (see
        appearance.py), or None when either picture has no grey copy."""
        looks = self._looks.get(reference)
        if looks is None or query.grey is None:
            return None
        fp = self.references[reference].fingerprint
        return agreement(
            looks, query.grey, (query.width, query.height), quad, (fp.width, fp.height)
        )

    def nearest(self, embeddings: np.ndarray, k: int, *, shape: bool = False) -> dict[int, float]:
        """Reference index -> best cosine over the query's vectors, for the k nearest (by
        the shape views when `shape`)."""
        sims, ids = (self.shapes if shape else self.vectors).search(embeddings, k)
        best: dict[int, float] = {}
        for sim_row, id_row in zip(sims, ids, strict=True):
            for sim, ref in zip(sim_row, id_row, strict=True):
                if ref >= 0 and sim > best.get(int(ref), -1.0):
                    best[int(ref)] = float(sim)
        return best

    def voted_views(
        self, query: Keypoints, roles: set[str], limit: int, min_votes: int
    ) -> list[int]:
        """Indexes into `views` of the given roles that most of the query's descriptors
        point to, at most `limit`, each with at least `min_votes` votes."""
        if self._flann is None or len(query) < 2:
            return []
        matches = self._flann.knnMatch(query.descriptors.astype(np.float32), k=2)
        votes: Counter[int] = Counter()
        for pair in matches:
            if len(pair) < 2:
                continue
            first, second = pair
            distinct = first.imgIdx != second.imgIdx
            if distinct or first.distance < 0.8 * second.distance:
                votes[first.imgIdx] += 1
        chosen: list[int] = []
        for view, count in votes.most_common():
            if count < min_votes or len(chosen) >= limit:
                break
            if self.references[self.views[view].reference].role in roles:
                chosen.append(view)
        return chosen


def lettering(ref: Reference, min_score: float) -> list[tuple[tuple[float, float], ...]]:
    """The boxes of the letters and digits OCR read in a logo with at least `min_score`."""
    return [
        line.box
        for line in ref.fingerprint.text or ()
        if line.score >= min_score and any(c.isalnum() for c in line.text)
    ]


def _descriptor_index(views: list[View]) -> cv2.FlannBasedMatcher | None:
    if not views:
        return None
    matcher = cv2.FlannBasedMatcher({"algorithm": 1, "trees": 4}, {"checks": 64})
    # imgIdx must line up with views, so a view without keypoints gets a placeholder
    blank = np.full((1, 128), 255, dtype=np.float32)
    matcher.add(
        [
            v.keypoints.descriptors[:INDEXED_KEYPOINTS].astype(np.float32)
            if len(v.keypoints)
            else blank
            for v in views
        ]
    )
    matcher.train()
    return matcher
