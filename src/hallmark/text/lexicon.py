"""Word knowledge the matchers share: dictionary words, given names, place words."""

from __future__ import annotations

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
# Given names this frequent as English words ("Rose", "Grace") are too ambiguous to excuse a mark.
AMBIGUOUS_NAME_ZIPF = 4.0

PLACE_AFTER = frozenset(
    [
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "bridge",
        "square",
        "sq",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "drive",
        "dr",
        "place",
        "pl",
        "park",
        "station",
        "river",
        "lake",
        "bay",
        "hill",
        "hall",
        "plaza",
        "way",
        "court",
        "ct",
        "mall",
        "tower",
        "building",
        "metro",
        "strasse",
        "straße",
        "str",
        "platz",
        "weg",
        "gasse",
        "brücke",
    ]
)
PLACE_BEFORE = frozenset(
    [
        "rue",
        "via",
        "calle",
        "avenida",
        "avenue",
        "place",
        "pont",
        "boulevard",
        "corso",
        "piazza",
        "viale",
        "plaza",
        "paseo",
        "carrer",
        "rua",
        "mount",
        "mt",
        "lake",
        "fort",
        "port",
        "saint",
        "st",
        "san",
        "santa",
    ]
)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """The word's highest Zipf frequency over the dictionary languages."""
    return max(wordfreq.zipf_frequency(word, lang) for lang in DICTIONARY_LANGUAGES)


def is_dictionary_word(word: str) -> bool:
    return zipf(word) >= DICTIONARY_ZIPF


def is_common_word(mark: str) -> bool:
    """A mark so short or so common in English that alone it may mean the plain word."""
    return len(mark) <= 3 or wordfreq.zipf_frequency(mark, "en") >= COMMON_MARK_ZIPF


@cache
def given_names() -> frozenset[str]:
    path = resources.files("hallmark.text") / "data" / "given_names.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def is_unambiguous_given_name(word: str) -> bool:
    return word in given_names() and wordfreq.zipf_frequency(word, "en") < AMBIGUOUS_NAME_ZIPF
