"""A link-in-bio page (Linktree and the like): where a social account sends its audience."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """One link on the page: its label, target and kind (as the service names it)."""

    title: str | None
    url: str
    kind: str


@dataclass(frozen=True, slots=True)
class LinkInBio:
    """The page, its owner's username there, and every outbound link and contact."""

    service: str
    username: str
    url: str
    title: str | None
    description: str | None
    links: tuple[Link, ...]
    social: tuple[Link, ...]
    contacts: tuple[str, ...]
