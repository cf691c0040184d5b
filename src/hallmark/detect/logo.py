"""logo: a brand's logo located inside a listing's photo, its region verified."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.index import BrandIndex
from hallmark.detect.pictures import named_or, photo, require_vision, sightings, signal
from hallmark.domain import Listing, Signal


class Logo:
    """Finds registered logos by keypoints and a homography; the region is kept."""

    name: ClassVar[str] = "logo"
    kinds: ClassVar[tuple[str, ...]] = ("found", "found_named")
    """found_named: the listing's words name the brand as well, so the picture adds no risk."""
    Options: ClassVar[type[BaseModel]] = NoOptions
    reads_pictures: ClassVar[bool] = True

    def __init__(self) -> None:
        require_vision()

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing, match in sightings(listings, brands, self.name):
            lettering = (
                f"; its lettering agrees {match.lettering:.2f}"
                if match.lettering is not None
                else ""
            )
            text = (
                f"The {match.brand} logo ({match.reference}) appears in "
                f"{photo(match.position)}, region drawn ({match.inliers} inliers{lettering})."
            )
            kind = named_or(brands, listing, match.brand, "found")
            yield signal(self.name, kind, listing, match, text)
