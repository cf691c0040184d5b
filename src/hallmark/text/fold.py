"""Fold text for matching while keeping the way back to the original offsets.

Folding applies NFKC, lower case, diacritic removal for Latin letters, and Unicode's
confusables (from the `confusable_homoglyphs` data) onto ASCII letters, and drops
zero-width characters. Characters that only reach ASCII through NFKC compatibility or
the confusables data are *homoglyphs*: a span that contains one is disguised.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f")
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0x3000, 0x30FF))
# Characters whose folded form is longer than one character, or that vanish: the slow path.
_SPECIAL = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f\u0130\ufb00-\ufb06\U00010000-\U0010ffff]"
)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text; `offsets[i]` is the original index of folded character i."""

    text: str
    original: str
    offsets: tuple[int, ...] | None
    hidden: tuple[int, ...] = ()

    def start(self, i: int) -> int:
        """Original offset of folded index i (a span start)."""
        if self.offsets is None:
            return i
        return self.offsets[i] if i < len(self.offsets) else len(self.original)

    def end(self, j: int) -> int:
        """Original offset just past folded index j-1 (a span end)."""
        if j <= 0:
            return 0
        if self.offsets is None:
            return j
        last = self.offsets[j - 1]
        return last + 1

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.start(i), self.end(j)

    def has_hidden(self, start: int, end: int) -> bool:
        """True when a zero-width character was dropped inside original [start, end)."""
        if not self.hidden:
            return False
        return any(start < h < end for h in self.hidden)


def _is_cjk(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


@cache
def _confusable_targets() -> dict[str, str]:
    """Non-ASCII character -> the ASCII letter or digit it is confusable with."""
    path = resources.files("confusable_homoglyphs") / "confusables.json"
    data: dict[str, list[dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    targets: dict[str, str] = {}
    # digits first so that letters win where a glyph is confusable with both (О: O and 0)
    for ascii_char in sorted(data, key=lambda c: (not c.isdigit(), c)):
        if len(ascii_char) != 1 or not ascii_char.isascii() or not ascii_char.isalnum():
            continue
        for entry in data[ascii_char]:
            glyph = entry["c"]
            if len(glyph) == 1 and not glyph.isascii() and not _is_cjk(ord(glyph)):
                targets[glyph] = ascii_char.lower()
    return targets


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_char(char: str) -> tuple[str, bool]:
    """The folded form of one character, and whether it is a homoglyph of ASCII."""
    if char in ZERO_WIDTH:
        return "", True
    confusable = _confusable_targets().get(char)
    compat = unicodedata.normalize("NFKC", char)
    if compat != char and compat.isascii() and compat.isalnum():
        return compat.lower(), True
    if confusable is not None and not _is_latin_letter(char):
        return confusable, True
    lowered = compat.lower()
    if len(lowered) == 1 and lowered.isascii():
        return lowered, False
    stripped = _strip_marks(lowered)
    if stripped and stripped.isascii():
        return stripped, False
    if confusable is not None:
        return confusable, True
    return lowered, False


def _is_latin_letter(char: str) -> bool:
    try:
        return unicodedata.name(char).startswith("LATIN ")
    except ValueError:
        return False


@cache
def _tables() -> tuple[list[str], frozenset[str]]:
    """The one-to-one translation table over the BMP, and the homoglyph characters.

    A list indexed by code point, not a dict: str.translate pays for a raised LookupError
    on every character a dict lacks, which made folding ten times slower.
    """
    table = [chr(code) for code in range(0x10000)]
    homoglyphs: set[str] = set()
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF or _is_cjk(code):
            continue
        char = chr(code)
        folded, is_homoglyph = _fold_char(char)
        if is_homoglyph and folded:
            homoglyphs.add(char)
        lowered = char.lower()
        if len(folded) == 1 and folded != lowered:
            table[ord(lowered) if len(lowered) == 1 else code] = folded
    return table, frozenset(homoglyphs)


def homoglyph_chars() -> frozenset[str]:
    return _tables()[1]


def is_homoglyph(char: str) -> bool:
    if ord(char) >= 0x10000:
        return _fold_char(char)[1]
    return char in _tables()[1]


def fold(text: str) -> Folded:
    """Fold `text` for matching; see the module docstring."""
    if text.isascii():
        return Folded(text.lower(), text, None)
    if _SPECIAL.search(text) is None:
        lowered = text.lower()
        if len(lowered) == len(text):
            return Folded(lowered.translate(_tables()[0]), text, None)
    return _fold_slow(text)


def _fold_slow(text: str) -> Folded:
    out: list[str] = []
    offsets: list[int] = []
    hidden: list[int] = []
    table = _tables()[0]
    for index, char in enumerate(text):
        if char in ZERO_WIDTH:
            hidden.append(index)
            continue
        code = ord(char)
        if code < 0x80:
            piece = char.lower()
        elif code >= 0x10000:
            piece = _fold_char(char)[0] or char
        else:
            lowered = char.lower()
            piece = table[ord(lowered)] if len(lowered) == 1 else _fold_char(char)[0]
        out.append(piece)
        offsets.extend([index] * len(piece))
    return Folded("".join(out), text, tuple(offsets), tuple(hidden))
