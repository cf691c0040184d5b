"""image_text: a brand's mark read in a listing's photo by OCR, disguises included."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.describe import quote
from hallmark.detect.index import BrandIndex
from hallmark.detect.pictures import evidence, photo, require_vision
from hallmark.domain import Listing, Signal

# A disguised mark painted into a picture is as deliberate as one typed into a title.
_STRENGTH = {"exact": 1.0, "alias": 0.8, "compound": 0.9}


class ImageText:
    """Reads the text in photos and matches it like brand_mention matches titles."""

    name: ClassVar[str] = "image_text"
    kinds: ClassVar[tuple[str, ...]] = ("mark", "mark_named")
    """mark_named: the listing's words name the brand as well, so the picture adds no risk."""
    Options: ClassVar[type[BaseModel]] = NoOptions
    reads_pictures: ClassVar[bool] = True

    def __init__(self) -> None:
        require_vision()

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing in listings:
            key = (listing.platform, listing.external_id)
            for match in brands.image_matches(listing):
                if match.detector != self.name:
                    continue
                kind = match.mark_kind or "exact"
                text = (
                    f"{photo(match.position).capitalize()} shows the words "
                    f"{quote(match.text or '')} (read by OCR; {kind} match of the {match.brand} mark)."
                )
                strength = _STRENGTH.get(kind, 1.0)
                yield Signal(
                    self.name,
                    _kind(brands, listing, match.brand),
                    match.brand,
                    key,
                    strength,
                    text,
                    evidence(match),
                )


def _kind(brands: BrandIndex, listing: Listing, brand: str) -> str:
    return "mark_named" if brands.named_in_words(listing, brand) else "mark"
