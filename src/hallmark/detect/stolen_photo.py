"""stolen_photo: a brand's official photo reused, after crop, resize, mirror, overlay..."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.index import BrandIndex
from hallmark.detect.pictures import (
    changes,
    named_or,
    photo,
    require_vision,
    sightings,
    signal,
)
from hallmark.domain import Listing, Signal

if TYPE_CHECKING:
    from hallmark.vision.match import ImageMatch


class StolenPhoto:
    """Finds copies of official photos; the brand's authorized sellers may use them."""

    name: ClassVar[str] = "stolen_photo"
    kinds: ClassVar[tuple[str, ...]] = ("copy", "copy_named", "shared", "authorized_use")
    """copy: an offer whose words hide the brand its photo shows; copy_named: its words
    name the brand too; shared: a post that offers nothing (a fan reposting)."""
    Options: ClassVar[type[BaseModel]] = NoOptions
    reads_pictures: ClassVar[bool] = True

    def __init__(self) -> None:
        require_vision()

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing, match in sightings(listings, brands, self.name):
            brand = brands.brands[match.brand]
            what = f"the official {brand.name} photo {match.reference}"
            if match.product:
                what = f"the official photo of {brand.name} {match.product} ({match.reference})"
            if brand.is_authorized(listing.platform, listing.account):
                text = (
                    f"{photo(match.position).capitalize()} is {what}, used by an authorized "
                    f"{listing.platform} seller of {brand.name}."
                )
                yield signal(self.name, "authorized_use", listing, match, text, 0.0)
                continue
            kind = (
                "shared" if not listing.is_offer else named_or(brands, listing, brand.name, "copy")
            )
            yield signal(self.name, kind, listing, match, _explain(match, what))


def _explain(match: ImageMatch, what: str) -> str:
    altered = changes(match)
    how = f", {' and '.join(altered)}" if altered else ""
    facts = []
    if match.distance is not None:
        facts.append(f"perceptual distance {match.distance}/64")
    if match.inliers is not None:
        facts.append(f"{match.inliers} matching keypoints")
    return f"{photo(match.position).capitalize()} is {what}{how} ({'; '.join(facts)})."
