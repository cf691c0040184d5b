"""What the image detectors share: the vision check, and phrases for picture evidence."""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from hallmark.domain import Listing, Signal
from hallmark.errors import NotConfigured

if TYPE_CHECKING:
    from hallmark.detect.index import BrandIndex
    from hallmark.vision.match import ImageMatch

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_VISION_MODULES = ("numpy", "cv2", "onnxruntime", "imagehash", "rapidocr", "faiss")


def require_vision() -> None:
    """NotConfigured, naming the missing module, when the vision extra is not installed."""
    missing = [name for name in _VISION_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise NotConfigured(
            f"the vision extra is not installed (missing {', '.join(missing)}): "
            "pip install 'hallmark[vision]'"
        )


def photo(position: int) -> str:
    """'the first photo', 'photo 12'."""
    if position < len(_ORDINALS):
        return f"the {_ORDINALS[position]} photo"
    return f"photo {position + 1}"


_EVIDENCE = (
    "reference", "product", "similarity", "distance", "inliers", "lettering", "text", "mark_kind",
)  # fmt: skip


def evidence(match: ImageMatch) -> dict[str, Any]:
    """The pointers a reviewer checks: picture, reference, region and scores."""
    found: dict[str, Any] = {"image": match.image, "position": match.position, "how": match.how}
    for name in _EVIDENCE:
        value = getattr(match, name)
        if value is not None:
            found[name] = round(value, 3) if isinstance(value, float) else value
    if match.mirrored:
        found["mirrored"] = True
    if match.region is not None:
        found["region"] = [list(point) for point in match.region]
        if match.size is not None:
            found["size"] = list(match.size)
    return found


def changes(match: ImageMatch) -> list[str]:
    """How the copy differs from the reference, read off the located outline."""
    words = ["mirrored"] if match.mirrored else []
    if match.region is None:
        return words
    quad = match.region
    (x0, y0), (x1, y1) = quad[0], quad[1]
    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    if abs(angle) >= 3:
        words.append(f"rotated {abs(round(angle))}°")
    if match.size is not None:
        width, height = match.size
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        outside = min(xs) < -0.02 * width or max(xs) > 1.02 * width
        outside = outside or min(ys) < -0.02 * height or max(ys) > 1.02 * height
        if outside:
            words.append("cropped")
        elif (max(xs) - min(xs)) * (max(ys) - min(ys)) < 0.6 * width * height:
            words.append("shrunk inside a larger picture")
    return words


def sightings(
    listings: Sequence[Listing], brands: BrandIndex, detector: str
) -> Iterator[tuple[Listing, ImageMatch]]:
    """Each listing's verified picture matches for one detector, in picture order."""
    for listing in listings:
        for match in brands.image_matches(listing):
            if match.detector == detector:
                yield listing, match


def signal(
    detector: str,
    kind: str,
    listing: Listing,
    match: ImageMatch,
    text: str,
    strength: float = 1.0,
    found: dict[str, Any] | None = None,
) -> Signal:
    """The signal for one sighting, its evidence pointing at the picture and reference."""
    key = (listing.platform, listing.external_id)
    return Signal(detector, kind, match.brand, key, strength, text, found or evidence(match))


def named_or(brands: BrandIndex, listing: Listing, brand: str, kind: str) -> str:
    """`kind`, or `kind_named` when the listing's words name the brand outright."""
    return f"{kind}_named" if brands.named_in_words(listing, brand) else kind
