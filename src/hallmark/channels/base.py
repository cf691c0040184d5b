"""The Channel seam: parse a platform's captured payload into listings and accounts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Protocol

from hallmark.domain import Account, Listing


class Channel(Protocol):
    """Turns captured bytes from one platform into domain records; no I/O."""

    platform: ClassVar[str]
    """The platform name, one of hallmark.domain.PLATFORMS."""

    def parse(self, payload: bytes, *, source: str) -> Iterator[Listing | Account]:
        """The listings, posts and accounts in `payload`; `source` names it in errors."""
        ...
