"""Regenerate src/hallmark/text/data/{given_names,surnames}.txt from Faker's person names.

Run: python scripts/build_text_data.py (needs the dev extra). The file is committed so
that Hallmark needs no Faker at run time.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from faker import Faker

LOCALES = ("en_US", "en_GB", "fr_FR", "de_DE", "it_IT", "es_ES", "pt_BR", "nl_NL", "pl_PL")
DATA = Path(__file__).resolve().parents[1] / "src/hallmark/text/data"
GIVEN = ("first_names", "first_names_male", "first_names_female")
FAMILY = ("last_names",)


def names(attributes: tuple[str, ...]) -> list[str]:
    found: set[str] = set()
    for locale in LOCALES:
        provider = Faker(locale).provider("faker.providers.person")
        for attr in attributes:
            values = getattr(provider, attr, None) or ()
            for name in values.keys() if isinstance(values, dict) else values:
                plain = unicodedata.normalize("NFKD", name.casefold())
                found.add("".join(c for c in plain if not unicodedata.combining(c)))
    return sorted(n for n in found if n.isalpha())


def street_words(attribute: str, locales: tuple[str, ...]) -> list[str]:
    found: set[str] = set()
    for locale in locales:
        provider = Faker(locale).provider("faker.providers.address")
        for word in getattr(provider, attribute, None) or ():
            found.add(word.casefold().rstrip("."))
    return sorted(w for w in found if w.replace(" ", "").isalpha())


if __name__ == "__main__":
    streets = {
        "place_after.txt": street_words("street_suffixes", ("en_US",))
        + street_words("street_suffixes_short", ("de_DE",)),
        "place_before.txt": street_words("street_prefixes", ("fr_FR", "es_ES"))
        + street_words("street_suffixes", ("it_IT",)),
    }
    for filename, words in streets.items():
        (DATA / filename).write_text("\n".join(sorted(set(words))) + "\n", encoding="utf-8")
        print(f"{len(set(words))} street words -> {DATA / filename}")
    for filename, attributes in (("given_names.txt", GIVEN), ("surnames.txt", FAMILY)):
        listed = names(attributes)
        (DATA / filename).write_text("\n".join(listed) + "\n", encoding="utf-8")
        print(f"{len(listed)} names -> {DATA / filename}")
