"""A brand as the registry holds it: marks, products, authorized sellers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# platforms whose account ids are domain names, which ignore letter case
CASELESS_ACCOUNTS = frozenset({"webstore", "shopify"})


@dataclass(frozen=True, slots=True)
class Registration:
    """A trademark registration: the office, its number and where it holds."""

    office: str
    number: str
    jurisdiction: str | None = None
    classes: tuple[int, ...] = ()
    expiry: date | None = None

    def label(self) -> str:
        return f"{self.office} {self.number}"


@dataclass(frozen=True, slots=True)
class Mark:
    """A word mark with its registrations and its other-script forms."""

    text: str
    registrations: tuple[Registration, ...] = ()
    aliases: tuple[str, ...] = ()
    generic: bool | None = None
    """True when the mark is also an ordinary word; None lets the matcher judge."""


@dataclass(frozen=True, slots=True)
class ProtectedProduct:
    """A product of the brand with its prices and reference pictures."""

    name: str
    category: str | None = None
    keywords: tuple[str, ...] = ()
    list_price: dict[str, Decimal] = field(default_factory=dict)
    price_floor: dict[str, Decimal] = field(default_factory=dict)
    photos: tuple[str, ...] = ()
    designs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuthorizedSeller:
    """An account allowed to sell the brand, by the platform's stable account id."""

    platform: str
    account: str


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Risk at or above `medium` is medium, at or above `high` is high."""

    medium: float = 0.4
    high: float = 0.7


@dataclass(frozen=True, slots=True)
class Brand:
    """One version of a registered brand."""

    name: str
    marks: tuple[Mark, ...]
    logos: tuple[str, ...] = ()
    negative_contexts: tuple[str, ...] = ()
    products: tuple[ProtectedProduct, ...] = ()
    authorized_sellers: tuple[AuthorizedSeller, ...] = ()
    thresholds: Thresholds | None = None
    """None uses the thresholds of the rules in force."""
    version: int = 1
    id: int | None = None

    def is_authorized(self, platform: str, account: str | None) -> bool:
        """Matched on the platform's stable id, exactly; web store domains ignore case."""
        if account is None:
            return False
        if platform in CASELESS_ACCOUNTS:
            key = account.casefold()
            return any(
                s.platform == platform and s.account.casefold() == key
                for s in self.authorized_sellers
            )
        return any(s.platform == platform and s.account == account for s in self.authorized_sellers)
