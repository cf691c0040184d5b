"""image_text: a brand's mark read in a listing's photo by OCR, disguises included."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.describe import quote
from hallmark.detect.index import BrandIndex
from hallmark.detect.pictures import named_or, photo, require_vision, sightings, signal
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
        for listing, match in sightings(listings, brands, self.name):
            how = match.mark_kind or "exact"
            text = (
                f"{photo(match.position).capitalize()} shows the words "
                f"{quote(match.text or '')} (read by OCR; {how} match of the {match.brand} mark)."
            )
            kind = named_or(brands, listing, match.brand, "mark")
            yield signal(self.name, kind, listing, match, text, _STRENGTH.get(how, 1.0))
