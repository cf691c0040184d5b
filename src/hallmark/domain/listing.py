"""Listings, posts and the accounts behind them, as captured."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

PLATFORMS: tuple[str, ...] = (
    "amazon",
    "ebay",
    "etsy",
    "aliexpress",
    "shopify",
    "webstore",
    "instagram",
    "tiktok",
    "x",
    "pinterest",
    "facebook",
)

ListingKind = Literal["listing", "post"]


def known_platform(value: str) -> str:
    """`value` if it names a platform, else ValueError listing the platforms."""
    if value not in PLATFORMS:
        raise ValueError(f"unknown platform {value!r}; one of {', '.join(PLATFORMS)}")
    return value


@dataclass(frozen=True, slots=True)
class Listing:
    """A marketplace listing or a social post, one captured version of it."""

    kind: ListingKind
    platform: str
    external_id: str
    captured_at: datetime
    url: str | None = None
    marketplace: str | None = None
    account: str | None = None
    title: str | None = None
    text: str | None = None
    hashtags: tuple[str, ...] = ()
    price: Decimal | None = None
    currency: str | None = None
    images: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Platform facts that matter for enforcement: reach (views, sold), dates, condition."""
    id: int | None = None
    version_id: int | None = None

    @property
    def is_offer(self) -> bool:
        """A listing offers goods; a post only does when it carries a price."""
        return self.kind == "listing" or self.price is not None


@dataclass(frozen=True, slots=True)
class Account:
    """A seller or social account, keyed by the platform's stable id."""

    platform: str
    external_id: str
    handle: str | None = None
    display_name: str | None = None
    legal_name: str | None = None
    address: str | None = None
    country: str | None = None
    status: str | None = None
    bio: str | None = None
    links: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    url: str | None = None
    """The profile or storefront page."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Platform facts: followers, verification, registration numbers, trader details."""
