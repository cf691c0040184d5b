"""Fingerprints to and from stored rows (see store/fingerprints.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from hallmark.vision import PIPELINE_VERSION
from hallmark.vision.embed import DIMENSIONS
from hallmark.vision.fingerprint import Fingerprint, Mirror, Refused
from hallmark.vision.hashes import Hashes
from hallmark.vision.keypoints import Keypoints
from hallmark.vision.ocr import TextLine


def to_row(item: Fingerprint | Refused) -> dict[str, Any]:
    """The row that stores a fingerprint (or a refusal, so it is not retried every scan)."""
    row: dict[str, Any] = dict.fromkeys(
        (
            "reason",
            "width",
            "height",
            "phash",
            "phash_mirror",
            "dhash",
            "embeddings",
            "shape",
            "keypoints",
            "mirror_embedding",
            "mirror_keypoints",
            "ocr",
            "grey",
        ),
    )
    row.update(sha256=item.sha256, pipeline=PIPELINE_VERSION)
    if isinstance(item, Refused):
        return {**row, "status": "refused", "reason": item.reason}
    row.update(
        status="ok",
        width=item.width,
        height=item.height,
        phash=f"{item.hashes.phash:016x}",
        phash_mirror=f"{item.hashes.phash_mirror:016x}",
        dhash=f"{item.hashes.dhash:016x}",
        embeddings=item.embeddings.astype("<f2").tobytes(),
        shape=item.shapes.astype("<f2").tobytes(),
        keypoints=item.keypoints.to_bytes(),
        ocr=text_rows(item.text),
        grey=item.grey,
    )
    if item.mirror is not None:
        row["mirror_embedding"] = item.mirror.embedding.astype("<f2").tobytes()
        row["mirror_keypoints"] = item.mirror.keypoints.to_bytes()
    return row


def from_row(row: Mapping[str, Any]) -> Fingerprint | Refused:
    if row["status"] != "ok":
        return Refused(row["sha256"], row["reason"] or "refused")
    mirror = None
    if row["mirror_embedding"] is not None:
        plain = _vectors(row["mirror_embedding"])[0]
        mirror = Mirror(plain, Keypoints.from_bytes(bytes(row["mirror_keypoints"])))
    text = None
    if row["ocr"] is not None:
        text = tuple(
            TextLine(line["text"], line["score"], tuple(tuple(p) for p in line["box"]))
            for line in row["ocr"]
        )
    return Fingerprint(
        row["sha256"],
        row["width"],
        row["height"],
        Hashes(int(row["phash"], 16), int(row["phash_mirror"], 16), int(row["dhash"], 16)),
        _vectors(row["embeddings"]),
        Keypoints.from_bytes(bytes(row["keypoints"])),
        _vectors(row["shape"]),
        text,
        mirror,
        bytes(row["grey"]) if row["grey"] is not None else None,
    )


def text_rows(text: tuple[TextLine, ...] | None) -> list[dict[str, Any]] | None:
    if text is None:
        return None
    return [{"text": t.text, "score": t.score, "box": [list(p) for p in t.box]} for t in text]


def _vectors(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f2").astype(np.float32).reshape(-1, DIMENSIONS)
