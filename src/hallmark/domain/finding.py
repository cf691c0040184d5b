"""Signals, findings, decisions and events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any


class Level(IntEnum):
    """Risk levels, ordered."""

    LOW = 0
    MEDIUM = 1
    HIGH = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Level:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True)
class Signal:
    """One observation by one detector about one listing and one brand.

    `brand` is None for an observation about the listing alone (its wording), which the
    scorer counts for every brand the listing gives evidence of.

    `evidence` holds pointers a reviewer can check: the field and code-point span of a
    text match, the matched term, the price and floor compared.
    """

    detector: str
    kind: str
    brand: str | None
    listing_key: tuple[str, str]
    strength: float
    explanation: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """The scored result for one listing version and one brand version."""

    listing_key: tuple[str, str]
    brand: str
    risk: float
    level: Level
    explanation: str
    signals: tuple[Signal, ...]
    exculpatory: tuple[str, ...] = ()
    rules_version: str = ""
    thresholds: tuple[float, float] = (0.4, 0.7)


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict on a finding."""

    finding_id: int
    verdict: str
    basis: str | None
    note: str | None
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the append-only audit log, with a stable name."""

    name: str
    subject: str
    subject_id: int
    at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
