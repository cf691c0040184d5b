"""Decode checked image bytes into the one pixel form every fingerprint starts from."""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps

from hallmark.errors import ImageRejected
from hallmark.evidence.images import check_image

WORK_SIDE = 800
"""Longest side of the working copy; larger pictures are reduced before fingerprinting."""
MIN_SIDE = 16
"""A picture smaller than this on either side carries nothing to match."""


def decode(data: bytes, *, max_bytes: int, max_pixels: int) -> Image.Image:
    """The picture as 8-bit RGB, upright by its EXIF orientation, first frame only, on a
    white ground where it was transparent, no larger than WORK_SIDE; ImageRejected for a
    picture that fails the pre-decode checks, is truncated, or is too small to match."""
    info = check_image(data, max_bytes=max_bytes, max_pixels=max_pixels)
    if min(info.width, info.height) < MIN_SIDE:
        raise ImageRejected(f"{info.width}x{info.height} is too small to fingerprint")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.draft("RGB", (WORK_SIDE, WORK_SIDE))
            image.seek(0)
            image.load()
            upright = ImageOps.exif_transpose(image)
            rgb = _to_rgb(upright)
    except ImageRejected:
        raise
    except Exception as exc:  # Pillow raises many types for a corrupt or truncated file
        raise ImageRejected(f"not a decodable image: {exc}") from None
    rgb.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return rgb


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # Pillow's convert("L") clips 16-bit values instead of scaling them.
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if image.mode.startswith("I;16") else max(float(values.max()), 1.0)
        grey = np.clip(values / top * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(grey).convert("RGB")
    if image.mode == "F":
        values = np.asarray(image, dtype=np.float64)
        span = float(values.max() - values.min()) or 1.0
        grey = ((values - values.min()) / span * 255.0).astype(np.uint8)
        return Image.fromarray(grey).convert("RGB")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        ground = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(ground, rgba).convert("RGB")
    return image.convert("RGB")


def as_array(image: Image.Image) -> np.ndarray:
    """The RGB pixels as an (h, w, 3) uint8 array."""
    return np.asarray(image, dtype=np.uint8)
