"""Plain domain types, no I/O."""

from hallmark.domain.brand import (
    AuthorizedSeller,
    Brand,
    Mark,
    ProtectedProduct,
    Registration,
    Thresholds,
)
from hallmark.domain.finding import Decision, Event, Finding, Level, Signal
from hallmark.domain.listing import PLATFORMS, Account, Listing

__all__ = [
    "PLATFORMS",
    "Account",
    "AuthorizedSeller",
    "Brand",
    "Decision",
    "Event",
    "Finding",
    "Level",
    "Listing",
    "Mark",
    "ProtectedProduct",
    "Registration",
    "Signal",
    "Thresholds",
]
