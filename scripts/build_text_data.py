"""Regenerate src/hallmark/text/data/given_names.txt from Faker's person-name lists.

Run: python scripts/build_text_data.py (needs the dev extra). The file is committed so
that Hallmark needs no Faker at run time.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from faker import Faker

LOCALES = ("en_US", "en_GB", "fr_FR", "de_DE", "it_IT", "es_ES", "pt_BR", "nl_NL", "pl_PL")
OUT = Path(__file__).resolve().parents[1] / "src/hallmark/text/data/given_names.txt"


def given_names() -> list[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = Faker(locale).provider("faker.providers.person")
        for attr in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attr, None) or ()
            for name in values.keys() if isinstance(values, dict) else values:
                plain = unicodedata.normalize("NFKD", name.casefold())
                names.add("".join(c for c in plain if not unicodedata.combining(c)))
    return sorted(n for n in names if n.isalpha())


if __name__ == "__main__":
    names = given_names()
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")
