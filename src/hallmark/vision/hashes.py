"""Perceptual hashes: 64-bit pHash of the picture and of its mirror, and dHash."""

from __future__ import annotations

from dataclasses import dataclass

import imagehash
from PIL import Image, ImageOps


@dataclass(frozen=True, slots=True)
class Hashes:
    """Three 64-bit hashes as unsigned integers."""

    phash: int
    phash_mirror: int
    dhash: int


def hashes(image: Image.Image) -> Hashes:
    """The hashes of one decoded picture."""
    grey = image.convert("L")
    return Hashes(
        _int(imagehash.phash(grey)),
        _int(imagehash.phash(ImageOps.mirror(grey))),
        _int(imagehash.dhash(grey)),
    )


def distance(a: int, b: int) -> int:
    """Hamming distance of two 64-bit hashes."""
    return (a ^ b).bit_count()


def mirror_distance(query: Hashes, reference: Hashes) -> tuple[int, bool]:
    """The smaller pHash distance of the query or its mirror to the reference, and whether
    the mirror was the closer."""
    plain = distance(query.phash, reference.phash)
    mirrored = distance(query.phash_mirror, reference.phash)
    return (mirrored, True) if mirrored < plain else (plain, False)


def _int(value: imagehash.ImageHash) -> int:
    return int(str(value), 16)
