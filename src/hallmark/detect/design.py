"""design: a product that looks like a registered design, without being a copy of its photo."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.index import BrandIndex
from hallmark.detect.pictures import evidence, named_or, photo, require_vision, sightings, signal
from hallmark.domain import Listing, Signal


class Design:
    """Compares the shape of the product in a photo with design references and the official
    photos of products that register a design; the design right is the notice basis."""

    name: ClassVar[str] = "design"
    kinds: ClassVar[tuple[str, ...]] = ("similar", "similar_named")
    """similar_named: the listing's words name the brand as well, so the picture adds no risk."""
    Options: ClassVar[type[BaseModel]] = NoOptions
    reads_pictures: ClassVar[bool] = True

    def __init__(self) -> None:
        require_vision()

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing, match in sightings(listings, brands, self.name):
            product = f" {match.product}" if match.product else ""
            what = "registered design" if match.role == "design" else "official photo"
            text = (
                f"{photo(match.position).capitalize()} resembles the {what} of "
                f"{match.brand}{product} ({match.reference}; embedding similarity "
                f"{match.similarity or 0:.2f}) although it is not a copy of that picture; "
                "the design right supports a notice."
            )
            kind = named_or(brands, listing, match.brand, "similar")
            yield signal(
                self.name, kind, listing, match, text, found={**evidence(match), "basis": "design"}
            )
