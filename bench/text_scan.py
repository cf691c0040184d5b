"""Text, price and seller detection plus scoring on one core, against a normalise-only floor.

Builds a pinned, seeded mix of listings (about 300 characters each, 12 languages, a long
tail of distinct tokens; 15% name a mark exactly, 15% a disguised one) and 1,000 brands of
3 marks (30 of them short generic words, some of three letters). It runs the catalogue's
own detectors and the scorer over the listings in batches, as a scan does, and in the same
run times NFKC + casefold alone over the same text. The last line is key=value pairs.

    python bench/text_scan.py [--listings 100000] [--brands 1000]
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import wordfreq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import closing_line, cpu_seconds, machine, pin_one_core
from hallmark.detect import BrandIndex, build_detectors
from hallmark.domain import AuthorizedSeller, Brand, Listing, Mark, ProtectedProduct, Signal
from hallmark.score import Scorer, load_rules

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "tr", "pl", "ru", "zh", "ja", "ar")
GENERIC = (
    "ace",
    "ion",
    "sol",
    "arc",
    "zen",
    "oak",
    "aurora",
    "coach",
    "guess",
    "apple",
    "polo",
    "orient",
    "boss",
    "gap",
    "mango",
    "omega",
    "fossil",
    "supreme",
    "pandora",
    "converse",
    "vans",
    "puma",
    "tiffany",
    "swatch",
    "seiko",
    "levis",
    "lacoste",
    "zara",
    "dior",
    "prada",
)
CATEGORIES = (
    "bracelet",
    "ring",
    "necklace",
    "watch",
    "handbag",
    "wallet",
    "sneakers",
    "pumps",
    "boots",
    "sunglasses",
    "belt",
    "scarf",
    "perfume",
    "jacket",
    "dress",
    "earrings",
    "backpack",
    "hat",
    "phone case",
    "headphones",
    "charger",
    "mug",
    "t-shirt",
    "hoodie",
    "socks",
    "lipstick",
    "cream",
    "shampoo",
    "toy",
    "puzzle",
    "lamp",
    "chair",
    "knife",
    "pan",
    "bottle",
    "tent",
    "bicycle",
    "helmet",
    "gloves",
    "keychain",
)
TAIL = (
    "xu",
    "qo",
    "wy",
    "jek",
    "zub",
    "fap",
    "hix",
    "kw",
    "yog",
    "puz",
    "vix",
    "bly",
    "gw",
    "ux",
    "oj",
)
SYLLABLES = (
    *(c + v for c in "bcdfglmnprstvz" for v in "aeiou"),
    "ille",
    "stra",
    "dri",
    "qua",
    "ver",
)
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і"}
LEET = {"a": "@", "e": "3", "o": "0", "i": "1", "s": "$", "t": "7"}


def make_brands(rng: random.Random, count: int) -> list[Brand]:
    names: set[str] = set()
    brands = []
    generic = list(GENERIC[: min(30, count)])
    for b in range(count):
        marks = []
        for m in range(3):
            if b < len(generic) and m == 0:
                marks.append(generic[b].upper())
                continue
            while True:
                name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                if len(name) >= 5 and name not in names:
                    names.add(name)
                    break
            marks.append(name.upper() if m else name.capitalize())
        category = rng.choice(CATEGORIES)
        floor = Decimal(rng.choice((50, 120, 300, 800, 2000)))
        brands.append(
            Brand(
                name=f"Brand {b}",
                marks=tuple(Mark(text) for text in marks),
                products=(
                    ProtectedProduct(
                        f"{marks[1].title()} {category}",
                        category,
                        (),
                        {"USD": floor * 3},
                        {"USD": floor},
                    ),
                ),
                authorized_sellers=(AuthorizedSeller("amazon", f"OFFICIAL{b}"),),
            )
        )
    return brands


def disguise(rng: random.Random, mark: str) -> str:
    word = mark.lower()
    how = rng.choice(("homoglyph", "leet", "spaced", "fullwidth", "typo", "hashtag", "zerowidth"))
    if how == "homoglyph":
        i = next((i for i, c in enumerate(word) if c in HOMOGLYPHS), 0)
        return word[:i] + HOMOGLYPHS.get(word[i], word[i]) + word[i + 1 :]
    if how == "leet":
        return "".join(LEET.get(c, c) if rng.random() < 0.4 else c for c in word)
    if how == "spaced":
        return " ".join(word)
    if how == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "a" <= c <= "z" else c for c in word)
    if how == "typo":
        i = rng.randrange(1, len(word))
        return word[:i] + word[i - 1] + word[i:]
    if how == "hashtag":
        return f"#{word}love"
    return word[:2] + "\u200b" + word[2:]


def make_listings(rng: random.Random, count: int, brands: list[Brand]) -> list[Listing]:
    vocab = {lang: wordfreq.top_n_list(lang, 3000) for lang in LANGUAGES}
    marks = [(b, m.text) for b in brands for m in b.marks]
    at = datetime(2026, 11, 1, tzinfo=UTC)
    listings = []
    for i in range(count):
        lang = LANGUAGES[i % len(LANGUAGES)]
        words = vocab[lang]
        joiner = "" if lang in ("zh", "ja") and rng.random() < 0.5 else " "
        body = [rng.choice(words) for _ in range(70 if joiner else 160)]
        # the long tail (model codes, rare words) goes early so truncation keeps it
        for _ in range(rng.randint(1, 4)):
            tail = f"{rng.choice(TAIL)}{rng.randint(0, 10**6)}{rng.choice(TAIL)}{rng.choice(TAIL)}"
            body.insert(rng.randrange(8), tail)
        category = rng.choice(CATEGORIES)
        title_words = [rng.choice(words) for _ in range(6)] + [category]
        roll = rng.random()
        brand = None
        if roll < 0.30:
            brand, mark = rng.choice(marks)
            shown = mark if roll < 0.15 else disguise(rng, mark)
            title_words.insert(rng.randrange(len(title_words)), shown)
        text = joiner.join(body)
        title = " ".join(title_words)
        total = len(title) + len(text)
        if total > 320:
            text = text[: max(0, 300 - len(title))]
        account = (
            f"OFFICIAL{brands.index(brand)}"
            if brand and rng.random() < 0.1
            else f"SELLER{rng.randrange(5000)}"
        )
        listings.append(
            Listing(
                kind="listing",
                platform="amazon",
                external_id=str(i),
                captured_at=at,
                url=f"https://a.test/{i}",
                account=account,
                title=title,
                text=text,
                price=Decimal(rng.choice(("9.99", "29.99", "120", "450", "2500"))),
                currency="USD",
            )
        )
    return listings


def distinct_tokens(listings: list[Listing]) -> int:
    tokens: set[str] = set()
    for listing in listings:
        for field in (listing.title or "", listing.text or ""):
            tokens.update(unicodedata.normalize("NFKC", field).casefold().split())
    return len(tokens)


def normalise_only(listings: list[Listing]) -> None:
    for listing in listings:
        unicodedata.normalize("NFKC", listing.title or "").casefold()
        unicodedata.normalize("NFKC", listing.text or "").casefold()


def detect_and_score(listings: list[Listing], index: BrandIndex, batch: int = 500) -> int:
    detectors = build_detectors()
    scorer = Scorer(index.rules)
    found = 0
    for start in range(0, len(listings), batch):
        chunk = listings[start : start + batch]
        by_key: dict[tuple[str, str], list[Signal]] = defaultdict(list)
        for detector in detectors:
            for signal in detector.detect(chunk, index):
                by_key[signal.listing_key].append(signal)
        for listing in chunk:
            found += len(
                scorer.score_listing(
                    by_key.get((listing.platform, listing.external_id), ()), index.brands
                )
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--brands", type=int, default=1_000)
    args = parser.parse_args()
    pin_one_core()
    rng = random.Random(20261124)
    brands = make_brands(rng, args.brands)
    listings = make_listings(rng, args.listings, brands)
    chars = sum(len(x.title or "") + len(x.text or "") for x in listings) / len(listings)
    tokens = distinct_tokens(listings)
    built: list[BrandIndex] = []
    build_s = cpu_seconds(lambda: built.append(BrandIndex(brands, load_rules())))
    index = built[0]
    floor_s = min(cpu_seconds(lambda: normalise_only(listings)) for _ in range(3))
    findings: list[int] = []
    scan_s = cpu_seconds(lambda: findings.append(detect_and_score(listings, index)))
    rate, floor_rate = len(listings) / scan_s, len(listings) / floor_s
    print(f"machine: {machine()}")
    print(
        f"listings: {len(listings):,} ({chars:.0f} chars avg, {tokens:,} distinct tokens), "
        f"brands: {len(brands):,} x 3 marks"
    )
    print(f"index build (marks, products, dictionaries; once per process): {build_s:.2f} s")
    print(f"normalise only (NFKC + casefold): {floor_rate:,.0f} listings/s")
    print(
        f"detect + score (brand_mention, wording, price, seller): {rate:,.0f} listings/s, "
        f"{findings[0]:,} findings"
    )
    print(
        closing_line(
            listings_per_s=round(rate),
            floor_ratio=round(floor_rate / rate, 1),
            distinct_tokens=tokens,
            floor_listings_per_s=round(floor_rate),
            findings=findings[0],
        )
    )


if __name__ == "__main__":
    main()
