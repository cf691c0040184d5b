"""Word knowledge the matchers share: dictionary words, given names, place words."""

from __future__ import annotations

import math
from functools import cache, lru_cache
from importlib import resources

import wordfreq

DICTIONARY_LANGUAGES = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "tr",
    "sv",
    "da",
    "cs",
    "ro",
    "hu",
    "fi",
    "id",
)
# A token this frequent (Zipf scale, any of the languages) is an ordinary word, not a typo.
DICTIONARY_ZIPF = 2.3
# Brand names are frequent words too (Cartier 3.1, Nike 3.9); "coach" and "apple" are 4.8+.
COMMON_MARK_ZIPF = 4.0
# Names this frequent as English words ("Will" 6.5, "Young" 5.4) are too ambiguous to excuse a
# mark; "Elizabeth" (4.5) and "Scott" (4.7) are names first. A product word after the mark
# ("Rose Cartier bracelet") overrides the name.
AMBIGUOUS_NAME_ZIPF = 5.0

# Street words around a mark make it an address: Faker's street suffixes and prefixes
# (data/place_*.txt, made by scripts/build_text_data.py) and these few more.
CORE_PLACE_AFTER = frozenset(
    [
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "square",
        "sq",
        "blvd",
        "lane",
        "ln",
        "drive",
        "dr",
        "place",
        "pl",
        "station",
        "plaza",
        "boulevard",
        "bridge",
        "strasse",
        "straße",
        "platz",
    ]
)
_PLACE_BEFORE = (
    "rue via calle avenida avenue place pont boulevard corso piazza viale plaza paseo carrer rua"
)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """The word's highest Zipf frequency over the dictionary languages."""
    if word.isascii() and word.isalpha() and word.islower():
        # a plain lower-case ASCII word needs none of wordfreq's normalising: read its tables
        best = max(table.get(word, 0.0) for table in _frequency_tables())
        return round(math.log10(best) + 9, 2) if best > 0 else 0.0
    return max(wordfreq.zipf_frequency(word, lang) for lang in DICTIONARY_LANGUAGES)


@cache
def _frequency_tables() -> tuple[dict[str, float], ...]:
    return tuple(wordfreq.get_frequency_dict(lang) for lang in DICTIONARY_LANGUAGES)


def load_dictionaries() -> None:
    """Load every dictionary now, so the first listings of a scan do not pay for it."""
    zipf("hallmark")
    given_names()
    surnames()
    place_after()


def is_dictionary_word(word: str) -> bool:
    return zipf(word) >= DICTIONARY_ZIPF


def is_common_word(mark: str) -> bool:
    """A mark so short or so common in English that alone it may mean the plain word."""
    return len(mark) <= 3 or wordfreq.zipf_frequency(mark, "en") >= COMMON_MARK_ZIPF


@cache
def place_after() -> frozenset[str]:
    # the long list holds words such as "light" and "key": they make an address only after
    # a house number ("98 Quintell Light")
    return CORE_PLACE_AFTER | _words("place_after.txt")


@cache
def place_before() -> frozenset[str]:
    return frozenset(_PLACE_BEFORE.split()) | _words("place_before.txt")


def _words(filename: str) -> frozenset[str]:
    path = resources.files("hallmark.text") / "data" / filename
    return frozenset(path.read_text(encoding="utf-8").split())


@cache
def given_names() -> frozenset[str]:
    path = resources.files("hallmark.text") / "data" / "given_names.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


@cache
def surnames() -> frozenset[str]:
    path = resources.files("hallmark.text") / "data" / "surnames.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def is_unambiguous_given_name(word: str) -> bool:
    return word in given_names() and wordfreq.zipf_frequency(word, "en") < AMBIGUOUS_NAME_ZIPF


def is_unambiguous_surname(word: str) -> bool:
    return word in surnames() and wordfreq.zipf_frequency(word, "en") < AMBIGUOUS_NAME_ZIPF
