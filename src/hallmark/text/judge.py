"""Judgements on a candidate hit: is it a native word, an address, a person's name, a
word glued to the mark, a near-mark written as a brand is written?"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from hallmark.text import lexicon
from hallmark.text.entries import Entry, MarkHit, leet_canonical
from hallmark.text.fold import Folded, fold, homoglyph_chars
from hallmark.text.phrases import bounded, is_word_char

_WORDS = re.compile(r"[^\W\d_]+")


def native_word(matched: str, text: str) -> bool:
    """A word written wholly in Cyrillic or Greek inside text of that script is that
    language's own word ("сосо"), not a Latin mark in disguise ("Сartier" mixes scripts)."""
    letters = [c for c in matched if c.isalpha()]
    if not letters or any(c.isascii() for c in letters):
        return False
    scripts = {_script(c) for c in letters}
    if len(scripts) != 1 or scripts & {"FULLWIDTH", "MATHEMATICAL", "OTHER"}:
        return False
    [script] = scripts
    native = sum(1 for c in text if c.isalpha() and _script(c) == script)
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return native > latin


def _script(char: str) -> str:
    code = ord(char)
    if 0x0400 <= code <= 0x052F:
        return "CYRILLIC"
    if 0x0370 <= code <= 0x03FF:
        return "GREEK"
    if 0xFF00 <= code <= 0xFFEF:
        return "FULLWIDTH"
    if 0x1D400 <= code <= 0x1D7FF:
        return "MATHEMATICAL"
    return "OTHER"


@cache
def il_lookalikes() -> re.Pattern[str]:
    """Characters that fold to i or l but are not ASCII (Ukrainian І, Greek ι, fullwidth l...)."""
    chars = [c for c in homoglyph_chars() if fold(c).text in ("i", "l")]
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def homoglyph_i_or_l(folded: Folded, start: int, end: int) -> bool:
    """The span writes an i or l with a look-alike ("QuinteІІ" with Ukrainian І for l)."""
    original = folded.original[folded.start(start) : folded.end(end)]
    return any(not c.isascii() and fold(c).text in ("i", "l") for c in original)


def case_boundary(folded: Folded, start: int, end: int, t_start: int, t_end: int) -> bool:
    """ "#AROrunclub": the mark in capitals against lower-case rest marks the word boundary."""
    mark = folded.original[folded.start(start) : folded.end(end)]
    rest = (
        folded.original[folded.start(t_start) : folded.start(start)]
        + folded.original[folded.end(end) : folded.end(t_end) if t_end > end else folded.end(end)]
    )
    return len(mark) >= 2 and mark.isupper() and bool(rest) and rest.islower()


def beside_cjk(hit: MarkHit, folded: Sequence[tuple[str, Folded]]) -> bool:
    original = next(f.original for name, f in folded if name == hit.field)
    around = original[max(0, hit.start - 1) : hit.start] + original[hit.end : hit.end + 1]
    return any(not is_word_char(c) and c.isalnum() for c in around)


def glued_ok(entry: Entry, text: str, start: int, end: int, t_start: int, t_end: int) -> bool:
    """A mark glued to other words counts when the token is no word itself and the rest are."""
    if entry.generic or len(entry.key) < 4 or not leet_canonical(text[start:end]).isalnum():
        return False
    token = text[t_start:t_end]
    if lexicon.is_dictionary_word(token):
        return False
    hashtag = t_start > 0 and text[t_start - 1] == "#"
    parts = [p for p in (text[t_start:start], text[end:t_end]) if p]
    return all(_part_ok(p, hashtag and len(entry.key) >= 5) for p in parts)


def _part_ok(part: str, lenient: bool) -> bool:
    if part.isdigit():
        return True
    if lenient:
        return part.isalnum()
    return len(part) >= 3 and part.isalpha() and lexicon.is_dictionary_word(part)


def apply_contexts(
    hit: MarkHit,
    entry: Entry,
    folded: Folded,
    start: int,
    end: int,
    products: frozenset[str] | None,
) -> MarkHit:
    text = folded.text
    for context in entry.negative:
        position = text.find(context)
        while position != -1:
            inside = position <= start and end <= position + len(context)
            if inside and bounded(text, position, position + len(context)):
                first, last = folded.span(position, position + len(context))
                return suppress(hit, "negative_context", folded.original[first:last])
            position = text.find(context, position + 1)
    if hit.kind not in ("exact", "alias"):
        return hit
    before = list(re.finditer(r"[^\W\d_]+", text[max(0, start - 40) : start]))
    after = re.match(r"[\W_]*([^\W\d_]+)", text[end : end + 40])
    previous = before[-1].group() if before else None
    following = after.group(1) if after else None
    numbered = re.search(r"\d[\W_]*$", text[max(0, start - 12) : start]) is not None
    street = following in lexicon.CORE_PLACE_AFTER or (
        numbered and following in lexicon.place_after()
    )
    if street and after is not None and not _names_product(following, products or frozenset()):
        return suppress(hit, "place_name", original_text(folded, start, end + after.end(1)))
    if previous in lexicon.place_before():
        return suppress(
            hit,
            "place_name",
            original_text(
                folded, start - (len(text[max(0, start - 40) : start]) - before[-1].start()), end
            ),
        )
    # a product word right after the name makes it the brand, not a namesake
    # ("Rose Cartier bracelet", "Cartier Santos watch", "Hermes Kelly bag")
    after_words = _WORDS.findall(text[end : end + 60])[:2]
    known = products or frozenset()
    if hit.matched.isupper():
        return hit
    if (
        previous
        and previous not in entry.own_words
        and lexicon.is_unambiguous_given_name(previous)
        and not _names_product(after_words[0] if after_words else None, known)
    ):
        offset = max(0, start - 40) + before[-1].start()
        return suppress(hit, "person_name", original_text(folded, offset, end))
    if following and following not in entry.own_words and after is not None:
        written = folded.original[
            folded.start(end + after.start(1)) : folded.end(end + after.end(1))
        ]
        product_next = _names_product(after_words[1] if len(after_words) > 1 else None, known)
        if written[:1].isupper() and lexicon.is_unambiguous_surname(following) and not product_next:
            return suppress(hit, "person_name", original_text(folded, start, end + after.end(1)))
    return hit


def _names_product(word: str | None, products: frozenset[str]) -> bool:
    """The word after a mark names one of the brand's products ("Rose Cartier bracelet")."""
    return word is not None and (word in products or word[:-1] in products or word[:-2] in products)


def original_text(folded: Folded, start: int, end: int) -> str:
    first, last = folded.span(start, end)
    return folded.original[first:last]


def suppress(hit: MarkHit, reason: str, context: str) -> MarkHit:
    return replace(hit, suppressed=reason, context=" ".join(context.split()))


def with_distance(hit: MarkHit, distance: int) -> MarkHit:
    return replace(hit, distance=distance)
