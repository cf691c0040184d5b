"""Check an image before anything decodes its pixels: bytes, pixel count, format."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

from hallmark.channels.fetch import SafeClient, redact
from hallmark.errors import ImageRejected

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What the header of an accepted image says."""

    format: str
    width: int
    height: int
    bytes: int


def check_image(data: bytes, *, max_bytes: int, max_pixels: int) -> ImageInfo:
    """The image's header facts, or ImageRejected naming the limit it breaks."""
    if len(data) > max_bytes:
        raise ImageRejected(f"{len(data):,} bytes exceeds the limit of {max_bytes:,}")
    if not data:
        raise ImageRejected("empty file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                # Image.open reads the header only: the pixels are not decoded yet.
                fmt, (width, height) = image.format or "", image.size
                if fmt not in ALLOWED_FORMATS:
                    raise ImageRejected(
                        f"format {fmt or 'unknown'} is not one of {sorted(ALLOWED_FORMATS)}"
                    )
                if width * height > max_pixels:
                    raise ImageRejected(
                        f"{width}x{height} = {width * height:,} pixels exceeds the limit of {max_pixels:,}"
                    )
                image.verify()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(f"decompression bomb refused: {exc}") from None
    except Exception as exc:  # Pillow raises many types for a corrupt file
        raise ImageRejected(f"not a readable image: {exc}") from None
    return ImageInfo(fmt, width, height, len(data))


def download_image(
    http: SafeClient, url: str, *, max_bytes: int, max_pixels: int
) -> tuple[bytes, ImageInfo]:
    """An image fetched with the safe client, its size capped while it downloads (so an
    announced 2 GB is refused unread) and its header checked before anything decodes it."""
    if url.startswith("data:"):
        raise ImageRejected("data: urls are not fetched")
    fetched = http.get(url, headers={"Accept": "image/jpeg,image/png,image/webp,image/gif"})
    if fetched.status != 200:
        raise ImageRejected(f"HTTP {fetched.status} for {redact(url)}")
    return fetched.body, check_image(fetched.body, max_bytes=max_bytes, max_pixels=max_pixels)
