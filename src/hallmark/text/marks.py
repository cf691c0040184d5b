"""Find brands' marks in text under disguise.

One Aho-Corasick automaton holds every mark's folded form, so exact, compound,
hashtag and alias matches cost one pass whatever the number of marks. Leetspeak is a
second automaton over the leet-canonical forms (a character-for-character translation, so
offsets hold), run only on text where a leet symbol sits inside a word. Typos go through a
delete-neighbourhood index (SymSpell's idea), with one cache entry per distinct token; the
dictionary is asked only about tokens truly near a mark. Judgements on a candidate (names,
addresses, native words, glued words) live in `judge.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import ahocorasick
from rapidfuzz.distance import OSA

from hallmark.text import lexicon
from hallmark.text.entries import KINDS, SUPPRESSIONS, Entry, MarkHit, MarkSpec, leet_canonical
from hallmark.text.fold import Folded, fold, is_homoglyph
from hallmark.text.judge import (
    apply_contexts,
    beside_cjk,
    case_boundary,
    glued_ok,
    homoglyph_i_or_l,
    il_lookalikes,
    native_word,
    original_text,
    suppress,
    with_distance,
)
from hallmark.text.phrases import bounded, is_word_char

__all__ = ["KINDS", "SUPPRESSIONS", "MarkHit", "MarkMatcher", "MarkSpec", "leet_canonical"]

# a leet symbol inside a word, or at its edge beside three letters (not "100ml")
_LEET_MIX = re.compile(
    r"[a-z][0-9@$]{1,2}[a-z]|[a-z]{3}[0-9@$](?![a-z0-9])|(?<![a-z0-9])[0-9@$][a-z]{2}"
)
_LEET_SYMBOL = re.compile(r"[0-9@$]")
_TYPO_TOKEN = re.compile(r"[a-z]{5,}")
_SPACED_RUN = re.compile(
    r"(?<![a-z0-9@$])[a-z0-9@$](?:[^a-z0-9@$\n]{1,3}[a-z0-9@$](?![a-z0-9@$])){2,}"
)
_MARK_WORDS = re.compile(r"[^\W_]+")
_WORD = re.compile(r"[^\W\d_]+")
# how the words of a multi-word mark are joined in the wild ("Off-White", "Dolce&Gabbana")
_SEPARATORS = (" ", "-", ".", "_", "", "&", " & ", "  ", "\n", " - ", "/", "'")
_MAX_TYPO_CACHE = 500_000


class MarkMatcher:
    """Every brand's marks, indexed once; `find` returns the hits in a listing's fields."""

    def __init__(self, marks: Iterable[MarkSpec]) -> None:
        lexicon.load_dictionaries()
        self._entries: list[Entry] = []
        self._plain = ahocorasick.Automaton()
        self._leet = ahocorasick.Automaton()
        self._deletes: dict[str, set[int]] = {}
        self._typo_cache: dict[str, tuple[tuple[int, int], ...]] = {}
        plain: dict[str, list[tuple[int, bool]]] = {}
        leet: dict[str, list[int]] = {}
        for spec in marks:
            self._add(spec, plain, leet)
        for key, values in plain.items():
            self._plain.add_word(key, (len(key), tuple(values)))
        for key, ids in leet.items():
            self._leet.add_word(key, (len(key), tuple(ids)))
        self._generic = {(e.brand, e.mark): e for e in self._entries if e.generic and not e.alias}
        # the words of a brand's product names, categories and keywords, but not its marks
        self._context: dict[str, frozenset[str]] = {}
        for entry in self._entries:
            known = self._context.get(entry.brand, frozenset())
            words = {w for phrase in entry.context for w in _WORD.findall(phrase) if len(w) >= 3}
            self._context[entry.brand] = known | frozenset(words)
        own = {(e.brand, w) for e in self._entries for w in e.own_words}
        self._context = {
            brand: frozenset(w for w in words if (brand, w) not in own)
            for brand, words in self._context.items()
        }
        self._has_plain = bool(plain)
        self._has_leet = bool(leet)
        if plain:
            self._plain.make_automaton()
        if leet:
            self._leet.make_automaton()

    def _add(
        self, spec: MarkSpec, plain: dict[str, list[tuple[int, bool]]], leet: dict[str, list[int]]
    ) -> None:
        negative = tuple(" ".join(fold(c).text.split()) for c in spec.negative_contexts)
        context = tuple(" ".join(fold(c).text.split()) for c in spec.context_words)
        forms = [(spec.text, False)] + [(a, True) for a in spec.aliases]
        for form, alias in forms:
            words = _MARK_WORDS.findall(fold(form).text)
            if not words:
                continue
            key = "".join(words)
            generic = len(words) == 1 and (
                spec.generic if spec.generic is not None else lexicon.is_common_word(key)
            )
            index = len(self._entries)
            self._entries.append(
                Entry(
                    spec.brand, spec.text, key, alias, generic, negative, context, frozenset(words)
                )
            )
            for sep in _SEPARATORS if len(words) > 1 else ("",):
                plain.setdefault(sep.join(words), []).append((index, len(words) > 1 and not sep))
            written = " ".join(fold(form).text.split())  # as registered ("ルヴェル・パリ")
            known = plain.setdefault(written, [])
            if all(i != index for i, _ in known):
                known.append((index, False))
                continue
            for sep in _SEPARATORS if len(words) > 1 else ("",):
                leet.setdefault(leet_canonical(sep.join(words)), []).append(index)
            if not generic and len(key) >= 5:
                for variant in _deletes(key, _max_edits(key)):
                    self._deletes.setdefault(variant, set()).add(index)
            if len(words) > 1:
                self._add_parts(index, tuple(words))

    def _add_parts(self, parent: int, words: tuple[str, ...]) -> None:
        """Index each long word of a multi-word mark for typos ("Lotvelle Paris")."""
        entry = self._entries[parent]
        for position, word in enumerate(words):
            if len(word) < 5 or lexicon.is_dictionary_word(word):
                continue
            index = len(self._entries)
            self._entries.append(
                Entry(
                    entry.brand,
                    entry.mark,
                    word,
                    False,
                    False,
                    entry.negative,
                    entry.context,
                    entry.own_words,
                    (parent, position, words),
                )
            )
            for variant in _deletes(word, _max_edits(word)):
                self._deletes.setdefault(variant, set()).add(index)

    def find(self, fields: Sequence[tuple[str, str]]) -> list[MarkHit]:
        """Every mark hit in the named fields, suppressed ones included (marked so)."""
        return self.find_folded([(name, fold(text)) for name, text in fields if text])

    def find_folded(self, folded: Sequence[tuple[str, Folded]]) -> list[MarkHit]:
        """`find` for fields already folded."""
        hits: list[MarkHit] = []
        for name, text in folded:
            found = self._find_in_field(name, text)
            if found:
                hits.extend(found)
        if not hits:
            return hits
        return self._judge_context(hits, folded)

    def _find_in_field(self, name: str, folded: Folded) -> list[MarkHit]:
        text = folded.text
        hits: dict[tuple[str, int, int], MarkHit] = {}
        if self._has_plain:
            for last, (length, values) in self._plain.iter(text):
                for index, glued in values:
                    hit = self._plain_hit(name, folded, last + 1 - length, last + 1, index, glued)
                    if hit is not None:
                        hits.setdefault((hit.brand, hit.start, hit.end), hit)
        if self._has_leet and (_LEET_MIX.search(text) or il_lookalikes().search(folded.original)):
            for hit in self._leet_hits(name, folded):
                hits.setdefault((hit.brand, hit.start, hit.end), hit)
        for hit in self._spaced_hits(name, folded):
            hits.setdefault((hit.brand, hit.start, hit.end), hit)
        for hit in self._typo_hits(name, folded, hits):
            hits.setdefault((hit.brand, hit.start, hit.end), hit)
        return list(hits.values())

    def _plain_hit(
        self, name: str, folded: Folded, start: int, end: int, index: int, glued: bool
    ) -> MarkHit | None:
        entry = self._entries[index]
        text = folded.text
        hashtag = start > 0 and text[start - 1] == "#"
        if bounded(text, start, end):
            # a hashtag cannot hold spaces, so a multi-word mark run together there is no compound
            kinds = ["alias" if entry.alias else ("compound" if glued and not hashtag else "exact")]
            if hashtag:
                kinds.append("hashtag")
            return self._hit(entry, name, folded, start, end, kinds)
        if entry.alias and not entry.key.isascii():
            return self._hit(entry, name, folded, start, end, ["alias"])
        if (entry.generic or len(entry.key) < 4) and not folded.original[
            folded.start(start)
        ].isupper():
            return None  # inside a word, only capitals ("#AROrunclub") can set a short mark apart
        token_start, token_end = _token_bounds(text, start, end)
        if not glued_ok(entry, text, start, end, token_start, token_end) and not case_boundary(
            folded, start, end, token_start, token_end
        ):
            return None
        hashtag = token_start > 0 and text[token_start - 1] == "#"
        kind = "hashtag" if hashtag else "compound"
        suffix = text[end:token_end]
        hit = self._hit(entry, name, folded, start, end, [kind])
        if suffix in lexicon.place_after() and hit is not None:
            return suppress(hit, "place_name", original_text(folded, token_start, token_end))
        return hit

    def _leet_hits(self, name: str, folded: Folded) -> list[MarkHit]:
        """Marks in the leet-canonical text; the canonical form keeps every offset."""
        found = []
        text = folded.text
        canonical = leet_canonical(text)
        for last, (length, ids) in self._leet.iter(canonical):
            start, end = last + 1 - length, last + 1
            leet = _LEET_SYMBOL.search(text, start, end) is not None
            if not leet and not homoglyph_i_or_l(folded, start, end):
                continue
            token_start, token_end = _token_bounds(text, start, end)
            whole = start == token_start and end == token_end
            for index in ids:
                entry = self._entries[index]
                if entry.generic or (not whole and len(entry.key) < 5):
                    continue
                if not whole and not glued_ok(entry, canonical, start, end, token_start, token_end):
                    continue
                kinds = (["leetspeak"] if leet else ["exact"]) + ([] if whole else ["compound"])
                hit = self._hit(entry, name, folded, start, end, kinds)
                if hit is not None and (leet or "homoglyph" in hit.disguises):
                    found.append(hit)
        return found

    def _spaced_hits(self, name: str, folded: Folded) -> list[MarkHit]:
        found: list[MarkHit] = []
        if not self._has_plain:
            return found
        for run in _SPACED_RUN.finditer(folded.text):
            positions = [i for i in range(run.start(), run.end()) if _run_char(folded.text[i])]
            letters = "".join(folded.text[i] for i in positions)
            # a three-letter mark counts spaced only as the whole run, in capitals ("A R O")
            shouted = "".join(folded.original[folded.start(i)] for i in positions).isupper()
            for automaton, view in ((self._plain, letters), (self._leet, leet_canonical(letters))):
                if automaton is self._leet and not self._has_leet:
                    continue
                for last, (length, values) in automaton.iter(view):
                    short = length < 4
                    if short and not (length == len(letters) and shouted):
                        continue
                    first = last + 1 - length
                    start, end = positions[first], positions[last] + 1
                    for value in values:
                        index = value[0] if isinstance(value, tuple) else value
                        entry = self._entries[index]
                        if entry.generic and len(entry.key) <= 3 and not short:
                            continue
                        kinds = ["spaced"]
                        if (
                            view is not letters
                            and view[first : last + 1] != letters[first : last + 1]
                        ):
                            kinds.append("leetspeak")
                        hit = self._hit(entry, name, folded, start, end, kinds)
                        if hit is not None:
                            found.append(hit)
        return found

    def _typo_hits(
        self, name: str, folded: Folded, already: dict[tuple[str, int, int], MarkHit]
    ) -> list[MarkHit]:
        if not self._deletes:
            return []
        found = []
        text = folded.text
        cache = self._typo_cache
        for token in set(_TYPO_TOKEN.findall(text)):
            candidates = cache.get(token)
            if candidates is None:
                candidates = self._typo_candidates(token)
            if not candidates:
                continue
            for match in re.finditer(rf"(?<![a-z0-9]){token}(?![a-z0-9])", text):
                written = folded.original[folded.start(match.start()) : folded.end(match.end())]
                if lexicon.is_dictionary_word(written.lower()):
                    continue
                for index, distance in candidates:
                    entry = self._entries[index]
                    if any(k[0] == entry.brand and k[1] <= match.start() < k[2] for k in already):
                        continue
                    start, end = match.start(), match.end()
                    if entry.part is not None:
                        span = _phrase_around(text, start, end, entry.part)
                        if span is None:
                            continue
                        (start, end), entry = span, self._entries[entry.part[0]]
                    hit = self._hit(entry, name, folded, start, end, ["typo"])
                    if hit is not None:
                        found.append(with_distance(hit, distance))
        return found

    def _typo_candidates(self, token: str) -> tuple[tuple[int, int], ...]:
        cached = self._typo_cache.get(token)
        if cached is not None:
            return cached
        # marks carry deletes up to two, tokens up to one: every one-edit typo (swaps and
        # doubled letters included) and most two-edit ones, at a fraction of the cost
        deletes = self._deletes
        found = deletes.get(token)
        ids: set[int] = set(found) if found else set()
        for i in range(len(token)):
            found = deletes.get(token[:i] + token[i + 1 :])
            if found:
                ids.update(found)
        scored = []
        for index in ids:
            key = self._entries[index].key
            limit = 1 if token[0] != key[0] else _max_edits(key)
            distance = OSA.distance(token, key, score_cutoff=limit)
            if 0 < distance <= limit:
                scored.append((index, distance))
        result: tuple[tuple[int, int], ...] = ()
        # the dictionary is asked only about the few tokens that are truly near a mark
        if scored and not lexicon.is_dictionary_word(token) and token not in lexicon.given_names():
            result = tuple(sorted(scored, key=lambda pair: pair[1]))
        if len(self._typo_cache) >= _MAX_TYPO_CACHE:
            self._typo_cache.clear()
        self._typo_cache[token] = result
        return result

    def _hit(
        self, entry: Entry, name: str, folded: Folded, start: int, end: int, kinds: list[str]
    ) -> MarkHit | None:
        original_start, original_end = folded.span(start, end)
        matched = folded.original[original_start:original_end]
        if not entry.alias and native_word(matched, folded.original):
            return None
        # an alias is written in its own script on purpose: only hidden characters disguise it
        if (not entry.alias and any(is_homoglyph(c) for c in matched if not c.isascii())) or (
            folded.has_hidden(original_start, original_end)
        ):
            kinds = ["homoglyph", *kinds]
        ordered = tuple(k for k in KINDS if k in kinds)
        hit = MarkHit(
            brand=entry.brand,
            mark=entry.mark,
            field=name,
            start=original_start,
            end=original_end,
            matched=matched,
            kind=ordered[0],
            disguises=ordered,
        )
        return apply_contexts(hit, entry, folded, start, end, self._context.get(entry.brand))

    def _judge_context(
        self, hits: list[MarkHit], folded: Sequence[tuple[str, Folded]]
    ) -> list[MarkHit]:
        """Weak hits need support from the rest of the listing to count.

        A mark that is an ordinary word counts only in capitals or beside one of the brand's
        products; a typo counts only beside a product of the brand or another of its marks,
        so a name one letter from a mark ("Breanne") is not taken for it.
        """
        words: set[str] | None = None
        solid = {h.brand for h in hits if h.kind != "typo" and h.suppressed is None}
        kept = []
        for hit in hits:
            entry = self._generic.get((hit.brand, hit.mark))
            weak_generic = (
                entry is not None and hit.suppressed is None and hit.kind in ("exact", "hashtag")
            )
            weak_typo = hit.kind == "typo" and hit.brand not in solid and " " not in hit.mark
            if not weak_generic and not weak_typo:
                kept.append(hit)
                continue
            if words is None:
                words = {w for _, f in folded for w in _WORD.findall(f.text)}
            context = self._context[hit.brand]
            if any(w in context or w[:-1] in context or w[:-2] in context for w in words) or (
                weak_generic and hit.matched.isupper() and len(hit.matched) >= 2
            ):
                kept.append(hit)
            elif weak_typo and (hit.matched.isupper() or beside_cjk(hit, folded)):
                # a near-mark in capitals, or a Latin name set in Chinese or Japanese text, is
                # written as a brand is written
                kept.append(hit)
        return kept


def _phrase_around(
    text: str, start: int, end: int, part: tuple[int, int, tuple[str, ...]]
) -> tuple[int, int] | None:
    """The span of the whole mark around one mistyped word, if its other words are there."""
    _parent, position, words = part
    for word in reversed(words[:position]):
        match = re.search(
            rf"(?<![a-z0-9]){re.escape(word)}[\W_]{{1,2}}$", text[max(0, start - 40) : start]
        )
        if match is None:
            return None
        start = max(0, start - 40) + match.start()
    for word in words[position + 1 :]:
        match = re.match(rf"[\W_]{{1,2}}{re.escape(word)}(?![a-z0-9])", text[end:])
        if match is None:
            return None
        end += match.end()
    return start, end


def _max_edits(key: str) -> int:
    return 1 if len(key) < 8 else 2


def _deletes(word: str, edits: int) -> set[str]:
    """The word and every string made by deleting up to `edits` characters (never below 3)."""
    variants = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1 :] for w in frontier if len(w) > 3 for i in range(len(w))}
        variants |= frontier
    return variants


def _run_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "@$")


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and (is_word_char(text[left - 1]) or text[left - 1] in "@$"):
        left -= 1
    right = end
    while right < len(text) and (is_word_char(text[right]) or text[right] in "@$"):
        right += 1
    return left, right
