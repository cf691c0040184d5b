"""Find brands' marks in text under disguise.

One Aho-Corasick automaton holds every mark's folded form, so exact, compound,
hashtag and alias matches cost one pass whatever the number of marks. Leetspeak is a
second automaton over the leet-canonical forms, run only on tokens that mix letters with
leet symbols. Typos go through a delete-neighbourhood index (SymSpell's idea) probed
only with tokens that are not dictionary words, with one cache entry per distinct token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import ahocorasick
from rapidfuzz.distance import OSA

from hallmark.text import lexicon
from hallmark.text.fold import Folded, fold, is_homoglyph
from hallmark.text.phrases import bounded, is_word_char

KINDS = ("homoglyph", "leetspeak", "spaced", "typo", "alias", "compound", "hashtag", "exact")
SUPPRESSIONS = ("negative_context", "person_name", "place_name")

_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "7": "t", "1": "i"})
# a letter beside a leet symbol; tokens are then taken whole, without backtracking
_LEET_MIX = re.compile(r"[a-z][0-9@$]|[0-9@$][a-z]")
_LEET_TOKEN = re.compile(r"(?<![a-z0-9@$])[a-z0-9@$]+")
_TYPO_TOKEN = re.compile(r"[a-z]{5,}")
_SPACED_RUN = re.compile(r"(?<![\w@$])[\w@$](?:[^\w\n@$]{1,3}[\w@$](?![\w@$])){3,}")
_WORD = re.compile(r"[^\W\d_]+")
_SEPARATORS = (" ", "-", ".", "_", "")
_MAX_TYPO_CACHE = 500_000


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
class _Entry:
    brand: str
    mark: str
    key: str
    alias: bool
    generic: bool
    negative: tuple[str, ...]
    context: tuple[str, ...]
    own_words: frozenset[str] = field(default_factory=frozenset)


class MarkMatcher:
    """Every brand's marks, indexed once; `find` returns the hits in a listing's fields."""

    def __init__(self, marks: Iterable[MarkSpec]) -> None:
        self._entries: list[_Entry] = []
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
            words = fold(form).text.split()
            if not words:
                continue
            key = "".join(words)
            generic = len(words) == 1 and (
                spec.generic if spec.generic is not None else lexicon.is_common_word(key)
            )
            index = len(self._entries)
            self._entries.append(
                _Entry(
                    spec.brand, spec.text, key, alias, generic, negative, context, frozenset(words)
                )
            )
            for sep in _SEPARATORS if len(words) > 1 else ("",):
                plain.setdefault(sep.join(words), []).append((index, len(words) > 1 and not sep))
            if alias or not key.isascii():
                continue
            leet.setdefault(leet_canonical(key), []).append(index)
            if not generic and len(key) >= 5:
                for variant in _deletes(key, _max_edits(key)):
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
        if self._has_leet and _LEET_MIX.search(text):
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
            kinds = ["alias" if entry.alias else ("compound" if glued else "exact")]
            if hashtag:
                kinds.append("hashtag")
            return self._hit(entry, name, folded, start, end, kinds)
        if entry.alias and not entry.key.isascii():
            return self._hit(entry, name, folded, start, end, ["alias"])
        token_start, token_end = _token_bounds(text, start, end)
        if not _glued_ok(entry, text, start, end, token_start, token_end):
            return None
        hashtag = token_start > 0 and text[token_start - 1] == "#"
        kind = "hashtag" if hashtag else "compound"
        suffix = text[end:token_end]
        hit = self._hit(entry, name, folded, start, end, [kind])
        if suffix in lexicon.PLACE_AFTER and hit is not None:
            return _suppress(hit, "place_name", _original(folded, token_start, token_end))
        return hit

    def _leet_hits(self, name: str, folded: Folded) -> list[MarkHit]:
        found = []
        for token in _LEET_TOKEN.finditer(folded.text):
            if _LEET_MIX.search(token.group()) is None:
                continue
            canonical = leet_canonical(token.group())
            for last, (length, ids) in self._leet.iter(canonical):
                start, end = token.start() + last + 1 - length, token.start() + last + 1
                if not re.search(r"[0-9@$]", folded.text[start:end]):
                    continue
                whole = start == token.start() and end == token.end()
                for index in ids:
                    entry = self._entries[index]
                    if entry.generic or (not whole and len(entry.key) < 5):
                        continue
                    kinds = ["leetspeak"] + ([] if whole else ["compound"])
                    hit = self._hit(entry, name, folded, start, end, kinds)
                    if hit is not None:
                        found.append(hit)
        return found

    def _spaced_hits(self, name: str, folded: Folded) -> list[MarkHit]:
        found: list[MarkHit] = []
        if not self._has_plain:
            return found
        for run in _SPACED_RUN.finditer(folded.text):
            positions = [i for i in range(run.start(), run.end()) if _run_char(folded.text[i])]
            letters = "".join(folded.text[i] for i in positions)
            for automaton, view in ((self._plain, letters), (self._leet, leet_canonical(letters))):
                if automaton is self._leet and not self._has_leet:
                    continue
                for last, (length, values) in automaton.iter(view):
                    if length < 4:
                        continue
                    first = last + 1 - length
                    start, end = positions[first], positions[last] + 1
                    for value in values:
                        index = value[0] if isinstance(value, tuple) else value
                        entry = self._entries[index]
                        if entry.generic and len(entry.key) <= 3:
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
            for match in re.finditer(rf"(?<![^\W_]){token}(?![^\W_])", text):
                written = folded.original[folded.start(match.start()) : folded.end(match.end())]
                if lexicon.is_dictionary_word(written.lower()):
                    continue
                for index, distance in candidates:
                    entry = self._entries[index]
                    if any(k[0] == entry.brand and k[1] <= match.start() < k[2] for k in already):
                        continue
                    hit = self._hit(entry, name, folded, match.start(), match.end(), ["typo"])
                    if hit is not None:
                        found.append(_with_distance(hit, distance))
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
        self, entry: _Entry, name: str, folded: Folded, start: int, end: int, kinds: list[str]
    ) -> MarkHit | None:
        original_start, original_end = folded.span(start, end)
        matched = folded.original[original_start:original_end]
        if _native_word(matched, folded.original):
            return None
        if any(is_homoglyph(c) for c in matched if not c.isascii()) or folded.has_hidden(
            original_start, original_end
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
        return _apply_contexts(hit, entry, folded, start, end)

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
            weak_typo = hit.kind == "typo" and hit.brand not in solid
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
        return kept


def _native_word(matched: str, text: str) -> bool:
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
    return is_word_char(char) or char in "@$"


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and (is_word_char(text[left - 1]) or text[left - 1] in "@$"):
        left -= 1
    right = end
    while right < len(text) and (is_word_char(text[right]) or text[right] in "@$"):
        right += 1
    return left, right


def _glued_ok(entry: _Entry, text: str, start: int, end: int, t_start: int, t_end: int) -> bool:
    """A mark glued to other words counts when the token is no word itself and the rest are."""
    if entry.generic or len(entry.key) < 4 or not text[start:end].isalnum():
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


def _apply_contexts(hit: MarkHit, entry: _Entry, folded: Folded, start: int, end: int) -> MarkHit:
    text = folded.text
    for context in entry.negative:
        position = text.find(context)
        while position != -1:
            if position <= start and end <= position + len(context):
                first, last = folded.span(position, position + len(context))
                return _suppress(hit, "negative_context", folded.original[first:last])
            position = text.find(context, position + 1)
    if hit.kind not in ("exact", "alias"):
        return hit
    before = list(re.finditer(r"[^\W\d_]+", text[max(0, start - 40) : start]))
    after = re.match(r"[\W_]*([^\W\d_]+)", text[end : end + 40])
    previous = before[-1].group() if before else None
    following = after.group(1) if after else None
    if following in lexicon.PLACE_AFTER and after is not None:
        return _suppress(hit, "place_name", _original(folded, start, end + after.end(1)))
    if previous in lexicon.PLACE_BEFORE:
        return _suppress(
            hit,
            "place_name",
            _original(
                folded, start - (len(text[max(0, start - 40) : start]) - before[-1].start()), end
            ),
        )
    if (
        previous
        and previous not in entry.own_words
        and lexicon.is_unambiguous_given_name(previous)
        and not hit.matched.isupper()
    ):
        offset = max(0, start - 40) + before[-1].start()
        return _suppress(hit, "person_name", _original(folded, offset, end))
    return hit


def _original(folded: Folded, start: int, end: int) -> str:
    first, last = folded.span(start, end)
    return folded.original[first:last]


def _suppress(hit: MarkHit, reason: str, context: str) -> MarkHit:
    return MarkHit(
        hit.brand,
        hit.mark,
        hit.field,
        hit.start,
        hit.end,
        hit.matched,
        hit.kind,
        hit.disguises,
        hit.distance,
        reason,
        " ".join(context.split()),
    )


def _with_distance(hit: MarkHit, distance: int) -> MarkHit:
    return MarkHit(
        hit.brand,
        hit.mark,
        hit.field,
        hit.start,
        hit.end,
        hit.matched,
        hit.kind,
        hit.disguises,
        distance,
        hit.suppressed,
        hit.context,
    )
