"""What the mark matcher works with: the marks it looks for and the hits it reports."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("homoglyph", "leetspeak", "spaced", "typo", "alias", "compound", "hashtag", "exact")
SUPPRESSIONS = ("negative_context", "person_name", "place_name")

_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "7": "t", "1": "i"})


def leet_canonical(text: str) -> str:
    """Leet symbols to letters, with l and i merged because 1 stands for either."""
    return text.translate(_LEET).replace("l", "i")


@dataclass(frozen=True, slots=True)
class MarkSpec:
    """A mark to look for, with what the matcher needs to judge a hit."""

    brand: str
    text: str
    aliases: tuple[str, ...] = ()
    negative_contexts: tuple[str, ...] = ()
    context_words: tuple[str, ...] = ()
    generic: bool | None = None


@dataclass(frozen=True, slots=True)
class MarkHit:
    """A mark found in one field: original code-point span and the disguises seen."""

    brand: str
    mark: str
    field: str
    start: int
    end: int
    matched: str
    kind: str
    disguises: tuple[str, ...]
    distance: int = 0
    suppressed: str | None = None
    context: str | None = None


@dataclass(slots=True)
class Entry:
    brand: str
    mark: str
    key: str
    alias: bool
    generic: bool
    negative: tuple[str, ...]
    context: tuple[str, ...]
    own_words: frozenset[str] = field(default_factory=frozenset)
    # for one word of a multi-word mark: the mark's entry, this word's position, all words
    part: tuple[int, int, tuple[str, ...]] | None = None
