"""brand_mention: a brand's marks in the title, text and hashtags, disguised or not."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.describe import field_name, quote, script_of
from hallmark.detect.index import BrandIndex, listing_fields
from hallmark.domain import Listing, Signal
from hallmark.text import KINDS, MarkHit
from hallmark.text.fold import ZERO_WIDTH, fold, is_homoglyph
from hallmark.text.marks import SUPPRESSIONS

# A second edit weakens a typo: "Cartiier" is likelier deliberate than "Cartiierr" is chance.
_TYPO_STRENGTH = {1: 1.0, 2: 0.8}


class BrandMention:
    """Finds each brand's marks and names the disguise used."""

    name: ClassVar[str] = "brand_mention"
    kinds: ClassVar[tuple[str, ...]] = KINDS + SUPPRESSIONS
    Options: ClassVar[type[BaseModel]] = NoOptions

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing in listings:
            hits = brands.mentions(listing)
            if not hits:
                continue
            texts = dict(listing_fields(listing))
            key = (listing.platform, listing.external_id)
            for hit in hits:
                yield _signal(hit, key, texts[hit.field])


def _signal(hit: MarkHit, key: tuple[str, str], text: str) -> Signal:
    token = _token(text, hit.start, hit.end)
    evidence: dict[str, Any] = {
        "field": hit.field,
        "start": hit.start,
        "end": hit.end,
        "matched": hit.matched,
        "mark": hit.mark,
        "disguises": list(hit.disguises),
    }
    if token != hit.matched:
        evidence["token"] = token
    if hit.distance:
        evidence["distance"] = hit.distance
    if hit.suppressed:
        evidence["context"] = hit.context
        return Signal("brand_mention", hit.suppressed, hit.brand, key, 0.0, _excused(hit), evidence)
    swaps = _homoglyphs(hit.matched)
    if swaps:
        evidence["homoglyphs"] = swaps
    strength = _TYPO_STRENGTH.get(hit.distance, 0.6) if hit.kind == "typo" else 1.0
    return Signal(
        "brand_mention", hit.kind, hit.brand, key, strength, _explain(hit, token, swaps), evidence
    )


def _explain(hit: MarkHit, token: str, swaps: list[dict[str, str]]) -> str:
    where = field_name(hit.field).capitalize()
    mark = hit.mark.upper()
    shown = quote(hit.matched)
    if hit.kind == "homoglyph":
        if any(s["char"] in ZERO_WIDTH for s in swaps) and len(swaps) == 1:
            return f"{where} writes {mark} with a hidden zero-width character ({shown})."
        described = ", ".join(f"a {s['script']} '{s['char']}' for '{s['as']}'" for s in swaps[:3])
        return f"{where} spells {mark} with {described} ({shown})."
    if hit.kind == "leetspeak":
        return f"{where} spells {mark} with digits or symbols for letters ({shown})."
    if hit.kind == "spaced":
        return f"{where} spells {mark} with its letters split apart ({shown})."
    if hit.kind == "typo":
        edits = "one edit" if hit.distance == 1 else f"{hit.distance} edits"
        return f"{where} writes {shown}, {edits} from {mark}."
    if hit.kind == "alias":
        return f"{where} names {mark} in another script ({shown})."
    if hit.kind == "compound":
        return f"{where} runs {mark} into other words ({quote(token)})."
    if hit.kind == "hashtag":
        return f"{where} use{'' if hit.field == 'hashtags' else 's'} the hashtag {quote(token)}, naming {mark}."
    return f"{where} names {mark} ({shown})."


def _excused(hit: MarkHit) -> str:
    context = quote(hit.context or hit.matched)
    if hit.suppressed == "negative_context":
        return f"Mentions {hit.mark} only in {context}, a context the brand lists as unrelated."
    if hit.suppressed == "person_name":
        return f"Mentions {hit.mark} as part of a person's name ({context})."
    return f"Mentions {hit.mark} as part of a place name ({context})."


def _homoglyphs(matched: str) -> list[dict[str, str]]:
    swaps = []
    for char in matched:
        if char in ZERO_WIDTH:
            swaps.append(
                {
                    "char": char,
                    "as": "",
                    "script": "zero-width",
                    "name": unicodedata.name(char, "ZERO WIDTH"),
                }
            )
        elif not char.isascii() and is_homoglyph(char):
            plain = fold(char).text
            swaps.append(
                {
                    "char": char,
                    "as": plain.upper() if char.isupper() else plain,
                    "script": script_of(char),
                    "name": unicodedata.name(char, ""),
                }
            )
    return swaps


def _token(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] in "#@$"):
        left -= 1
    right = end
    while right < len(text) and (text[right].isalnum() or text[right] in "@$"):
        right += 1
    return text[left:right]
