"""The Detector seam and the brand index detectors read from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar, Protocol

from pydantic import BaseModel

from hallmark.detect.index import BrandIndex
from hallmark.domain import Listing, Signal


class Detector(Protocol):
    """Looks at a batch of listings and yields signals; never stores, never calls plugins."""

    name: ClassVar[str]
    """Stable name, used in signals, rules and the catalogue."""

    kinds: ClassVar[tuple[str, ...]]
    """Every signal kind this detector may emit."""

    Options: ClassVar[type[BaseModel]]
    """Typed options; every field has a description."""

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        """Signals about `listings` against the brands in `brands`."""
        ...


class NoOptions(BaseModel):
    """This detector takes no options."""


class PictureDetector(Detector, Protocol):
    """A detector that reads the listing's pictures: the scan fingerprints them first."""

    reads_pictures: ClassVar[bool]
    """Always True; tells the scan to fingerprint pictures and index brand references."""


def reads_pictures(detector: Detector) -> bool:
    """True for a detector that needs the pictures fingerprinted."""
    return bool(getattr(detector, "reads_pictures", False))
