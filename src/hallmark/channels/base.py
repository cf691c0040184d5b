"""The Channel seam: parse a platform's captured payload into listings and accounts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import ClassVar, Protocol

from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError

Parsed = Listing | Account | ImportRecordError


class Channel(Protocol):
    """Turns captured bytes from one platform into domain records; pure, no I/O.

    A record inside the payload that cannot be read is yielded as an ImportRecordError
    (its `line` is the record's position, counted from 1) and the others still come out; a
    payload that is unusable as a whole (an API error body) raises PayloadError.
    """

    platform: ClassVar[str]
    """The platform name, one of hallmark.domain.PLATFORMS."""

    formats: ClassVar[tuple[str, ...]]
    """The payloads it reads, named as the platform documents them."""

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        """The listings, posts and accounts in `payload`; `source` names it in errors and
        `captured_at` (UTC) is when the payload was captured."""
        ...
