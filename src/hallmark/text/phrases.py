"""Find many phrases at once in folded text, on word boundaries (Aho-Corasick)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from hallmark.text.fold import Folded, fold

T = TypeVar("T")


def is_word_char(char: str) -> bool:
    """Letters and digits of alphabetic scripts; CJK characters are their own words."""
    return char.isalnum() and not _is_cjk(char)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF


def bounded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] does not continue a word on either side."""
    key_first, key_last = text[start], text[end - 1]
    if start > 0 and is_word_char(key_first) and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(key_last) and is_word_char(text[end]))


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[T]):
    """A phrase found in folded text: folded [start, end) and what it stands for."""

    start: int
    end: int
    value: T


class PhraseMatcher(Generic[T]):
    """Phrases (folded on the way in) mapped to values, found on word boundaries."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        grouped: dict[str, list[T]] = {}
        for phrase, value in phrases:
            key = " ".join(fold(phrase).text.split())
            if key:
                grouped.setdefault(key, []).append(value)
        for key, values in grouped.items():
            self._automaton.add_word(key, (len(key), values))
        self._empty = not grouped
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, folded: Folded) -> Iterator[PhraseHit[T]]:
        if self._empty:
            return
        text = folded.text
        for last, (length, values) in self._automaton.iter(text):
            start = last + 1 - length
            if bounded(text, start, last + 1):
                for value in values:
                    yield PhraseHit(start, last + 1, value)
