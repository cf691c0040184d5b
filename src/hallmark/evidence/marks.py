"""Draw the regions image detectors located (a logo, a copied photo, words read) on a copy of
the listing's picture, for the evidence a reviewer or a court reads."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

_COLOURS = {"logo": (230, 20, 60), "stolen_photo": (20, 110, 230), "image_text": (240, 150, 0)}


@dataclass(frozen=True, slots=True)
class Region:
    """A located outline in the picture's working size, and what it shows."""

    detector: str
    label: str
    quad: Sequence[Sequence[float]]
    size: Sequence[int]
    """The (width, height) the outline was measured in (the picture reduced to work size)."""


def marked(data: bytes, regions: Sequence[Region]) -> bytes:
    """The picture, upright as the detectors saw it, with each region outlined and labelled,
    as PNG."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.seek(0)
        picture = ImageOps.exif_transpose(opened).convert("RGB")
    draw = ImageDraw.Draw(picture)
    width = max(2, round(max(picture.size) / 250))
    for region in regions:
        scale_x = picture.width / region.size[0]
        scale_y = picture.height / region.size[1]
        points = [(x * scale_x, y * scale_y) for x, y in region.quad]
        colour = _COLOURS.get(region.detector, (0, 160, 0))
        draw.line([*points, points[0]], fill=colour, width=width)
        left = min(x for x, _ in points)
        top = min(y for _, y in points)
        draw.text((max(0, left), max(0, top - 12)), region.label, fill=colour)
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()
