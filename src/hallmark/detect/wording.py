"""wording: counterfeit-intent language, from the lexicon in rules/wording.yaml."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.describe import field_name, quote
from hallmark.detect.index import BrandIndex
from hallmark.domain import Listing, Signal
from hallmark.score.rules import Rules, TermSpec
from hallmark.text import PhraseMatcher
from hallmark.text.fold import fold

# one or two words before a term, within its sentence ("not a replica", not "No. Replica")
_WORDS_BEFORE = re.compile(r"([^\W\d_]+)[^\w.!?;。！？]*(?:([^\W\d_]+)[^\w.!?;。！？]*)?$")


class Wording:
    """Finds counterfeit-intent wording; a negated term ("not a replica") is noted, not counted."""

    name: ClassVar[str] = "wording"
    kinds: ClassVar[tuple[str, ...]] = (
        "replica",
        "quality_claim",
        "imitation",
        "concealment",
        "off_platform",
        "provenance",
        "negated",
    )
    Options: ClassVar[type[BaseModel]] = NoOptions

    def __init__(self) -> None:
        self._built_for: Rules | None = None
        self._matcher: PhraseMatcher[TermSpec] = PhraseMatcher(())
        self._negations: frozenset[str] = frozenset()

    def _prepare(self, rules: Rules) -> None:
        if self._built_for is rules:
            return
        # "réplica" and "replica" fold to one phrase: keep the strongest reading of each
        strongest: dict[str, TermSpec] = {}
        for term in rules.wording.terms:
            key = " ".join(fold(str(term.term)).text.split())
            if key not in strongest or term.strength > strongest[key].strength:
                strongest[key] = term
        self._matcher = PhraseMatcher((key, t) for key, t in strongest.items())
        self._negations = frozenset(fold(n).text for n in rules.wording.negations)
        self._built_for = rules

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        self._prepare(brands.rules)
        for listing in listings:
            key = (listing.platform, listing.external_id)
            for field, folded in brands.folded(listing):
                for hit in self._matcher.find(folded):
                    term = hit.value
                    start, end = folded.span(hit.start, hit.end)
                    shown = quote(folded.original[start:end])
                    where = field_name(field).capitalize()
                    evidence = {
                        "field": field,
                        "start": start,
                        "end": end,
                        "matched": folded.original[start:end],
                        "term": str(term.term),
                        "lang": term.lang,
                    }
                    if term.kind != "provenance" and self._negated(folded.text[: hit.start]):
                        evidence["kind"] = term.kind
                        explanation = f"{where} says {shown}, but negated."
                        yield Signal("wording", "negated", None, key, 0.0, explanation, evidence)
                        continue
                    explanation = f"{where} says {shown} ({_KIND_WORDS[term.kind]})."
                    yield Signal(
                        "wording", term.kind, None, key, term.strength, explanation, evidence
                    )

    def _negated(self, before: str) -> bool:
        match = _WORDS_BEFORE.search(before[-40:])
        if match is None:
            return False
        return any(word in self._negations for word in match.groups() if word)


_KIND_WORDS = {
    "replica": "calls the item a copy",
    "quality_claim": "a grade used for copies",
    "imitation": "offers it as an imitation",
    "concealment": "hides or removes the brand",
    "off_platform": "moves the sale off the platform",
    "provenance": "claims a genuine item's history",
}
