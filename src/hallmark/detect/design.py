"""design: a product that looks like a registered design, without being a copy of its photo."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.index import BrandIndex
from hallmark.detect.pictures import evidence, photo, require_vision
from hallmark.domain import Listing, Signal


class Design:
    """Compares product photos with design references and official product photos by
    embedding similarity; the design right is the notice basis it supports."""

    name: ClassVar[str] = "design"
    kinds: ClassVar[tuple[str, ...]] = ("similar", "similar_named")
    """similar_named: the listing's words name the brand as well, so the picture adds no risk."""
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
                product = f" {match.product}" if match.product else ""
                what = "registered design" if match.role == "design" else "official photo"
                text = (
                    f"{photo(match.position).capitalize()} resembles the {what} of "
                    f"{match.brand}{product} ({match.reference}; embedding similarity "
                    f"{match.similarity or 0:.2f}) although it is not a copy of that picture; "
                    "the design right supports a notice."
                )
                found = evidence(match)
                found["basis"] = "design"
                yield Signal(
                    self.name,
                    _kind(brands, listing, match.brand),
                    match.brand,
                    key,
                    1.0,
                    text,
                    found,
                )


def _kind(brands: BrandIndex, listing: Listing, brand: str) -> str:
    return "similar_named" if brands.named_in_words(listing, brand) else "similar"
