"""Brands indexed once per scan, and per-listing results that several detectors read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from hallmark.domain import Brand, Listing, ProtectedProduct
from hallmark.score.rules import Rules
from hallmark.text import Folded, MarkHit, MarkMatcher, MarkSpec, PhraseMatcher, fold

if TYPE_CHECKING:
    from collections.abc import Mapping

    from hallmark.vision.context import VisionContext
    from hallmark.vision.fingerprint import Fingerprint
    from hallmark.vision.match import ImageMatch

_CACHE_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class ProductMatch:
    """A protected product a listing appears to offer, and what named it."""

    brand: str
    product: ProtectedProduct
    matched_by: str  # "name", "keyword", "category" or "brand"


def listing_fields(listing: Listing) -> tuple[tuple[str, str], ...]:
    """The text fields detectors read, in a fixed order."""
    fields = []
    if listing.title:
        fields.append(("title", listing.title))
    if listing.text:
        fields.append(("text", listing.text))
    if listing.hashtags:
        fields.append(("hashtags", " ".join("#" + tag.lstrip("#") for tag in listing.hashtags)))
    return tuple(fields)


class BrandIndex:
    """The brands of one scan with their marks and products indexed for lookup."""

    def __init__(self, brands: Sequence[Brand], rules: Rules) -> None:
        self.brands = {brand.name: brand for brand in brands}
        self.rules = rules
        self.marks = MarkMatcher(_mark_specs(brands))
        self._names = PhraseMatcher(
            (phrase, (brand.name, i, how))
            for brand in brands
            for i, product in enumerate(brand.products)
            for phrase, how in [(product.name, "name")] + [(k, "keyword") for k in product.keywords]
        )
        self._categories = PhraseMatcher(
            (form, category)
            for category in {p.category for b in brands for p in b.products if p.category}
            for form in _plural_forms(category)
        )
        self._folded: dict[int, tuple[Listing, tuple[tuple[str, Folded], ...]]] = {}
        self._mentions: dict[int, tuple[Listing, list[MarkHit]]] = {}
        self._products: dict[int, tuple[Listing, dict[str, list[ProductMatch]]]] = {}
        self._category_cache: dict[int, tuple[Listing, set[str]]] = {}
        self.vision: VisionContext | None = None
        """Set by the scan when image detectors run; None leaves pictures unread."""
        self._pictures: dict[int, tuple[Listing, list[ImageMatch]]] = {}
        self.linked: dict[tuple[str, str], set[str]] = {}
        """Brands a listing's actor gives it (set by the scan, per batch; see score/actor.py)."""

    def use_fingerprints(self, fingerprints: Mapping[str, Fingerprint]) -> None:
        """The batch's picture fingerprints, by digest (replaces the previous batch's)."""
        if self.vision is not None:
            self.vision.fingerprints = fingerprints
        self._pictures.clear()

    def image_matches(self, listing: Listing) -> list[ImageMatch]:
        """Verified sightings of the brands' logos, photos, designs and marks in the
        listing's pictures, matched once per listing."""
        if self.vision is None or not listing.images:
            return []
        cached = self._pictures.get(id(listing))
        if cached is not None and cached[0] is listing:
            return cached[1]
        if len(self._pictures) >= _CACHE_LIMIT:
            self._pictures.clear()
        found = self.vision.matches(listing, self.marks_in)
        self._pictures[id(listing)] = (listing, found)
        return found

    def named_in_words(self, listing: Listing, brand: str) -> bool:
        """True when the listing's words name the brand outright (a hashtag alone does not)."""
        return any(
            hit.brand == brand and hit.suppressed is None and hit.kind != "hashtag"
            for hit in self.mentions(listing)
        )

    def marks_in(self, text: str) -> list[MarkHit]:
        """Mark hits in free text (read from a picture), judged like a listing's text."""
        return self.marks.find_folded((("image_text", fold(text)),)) if self.brands else []

    def folded(self, listing: Listing) -> tuple[tuple[str, Folded], ...]:
        """The listing's text fields, folded once per scan batch."""
        cached = self._folded.get(id(listing))
        if cached is not None and cached[0] is listing:
            return cached[1]
        if len(self._folded) >= _CACHE_LIMIT:
            self._folded.clear()
        result = tuple((name, fold(text)) for name, text in listing_fields(listing))
        self._folded[id(listing)] = (listing, result)
        return result

    def mentions(self, listing: Listing) -> list[MarkHit]:
        """Every mark hit in the listing, suppressed ones included."""
        cached = self._mentions.get(id(listing))
        if cached is not None and cached[0] is listing:
            return cached[1]
        if len(self._mentions) >= _CACHE_LIMIT:
            self._mentions.clear()
        hits = self.marks.find_folded(self.folded(listing)) if self.brands else []
        self._mentions[id(listing)] = (listing, hits)
        return hits

    def products(self, listing: Listing) -> dict[str, list[ProductMatch]]:
        """Per brand, the products the listing names (by name or keyword, else by category)."""
        cached = self._products.get(id(listing))
        if cached is not None and cached[0] is listing:
            return cached[1]
        if len(self._products) >= _CACHE_LIMIT:
            self._products.clear()
        result = self._find_products(listing)
        self._products[id(listing)] = (listing, result)
        return result

    def _find_products(self, listing: Listing) -> dict[str, list[ProductMatch]]:
        named: dict[str, list[ProductMatch]] = {}
        for _, folded in self.folded(listing):
            for hit in self._names.find(folded):
                brand, i, how = hit.value
                _add(named, ProductMatch(brand, self.brands[brand].products[i], how))
        return named

    def categories(self, listing: Listing) -> set[str]:
        """The product categories the listing's text names."""
        cached = self._category_cache.get(id(listing))
        if cached is not None and cached[0] is listing:
            return cached[1]
        if len(self._category_cache) >= _CACHE_LIMIT:
            self._category_cache.clear()
        found = {hit.value for _, f in self.folded(listing) for hit in self._categories.find(f)}
        self._category_cache[id(listing)] = (listing, found)
        return found

    def product_matches(self, listing: Listing, brand: str) -> list[ProductMatch]:
        """The brand's products the listing names, else those of a category it names."""
        named = self.products(listing).get(brand)
        if named:
            return named
        categories = self.categories(listing)
        return [
            ProductMatch(brand, product, "category")
            for product in self.brands[brand].products
            if product.category in categories
        ]

    def relevant_brands(self, listing: Listing) -> set[str]:
        """Brands the listing gives some sign of: a mark (not excused), a product name, a
        verified sighting in its pictures, or its actor's link to the brand."""
        brands = {hit.brand for hit in self.mentions(listing) if hit.suppressed is None}
        brands.update(self.products(listing))
        brands.update(match.brand for match in self.image_matches(listing))
        brands.update(self.linked.get((listing.platform, listing.external_id), ()))
        return brands

    def floor_for(
        self, brand: str, matches: list[ProductMatch], currency: str
    ) -> tuple[ProtectedProduct, Decimal, str, str] | None:
        """The lowest floor among the matched products (or all products of the brand)."""
        candidates = [(m.product, m.matched_by) for m in matches]
        if not candidates:
            candidates = [(p, "brand") for p in self.brands[brand].products]
        best: tuple[ProtectedProduct, Decimal, str, str] | None = None
        for product, how in candidates:
            for floor_currency, floor in product.price_floor.items():
                converted = self.rules.convert(floor, floor_currency, currency)
                if converted is None:
                    continue
                if best is None or converted < best[1]:
                    best = (product, converted, floor_currency, how)
        return best


def _add(target: dict[str, list[ProductMatch]], match: ProductMatch) -> None:
    matches = target.setdefault(match.brand, [])
    if all(m.product is not match.product for m in matches):
        matches.append(match)


def _plural_forms(word: str) -> tuple[str, ...]:
    word = word.strip()
    if word.endswith("s"):
        return (word,)
    return (word, word + "s", word + "es")


def _mark_specs(brands: Sequence[Brand]) -> list[MarkSpec]:
    specs = []
    for brand in brands:
        context = tuple(
            phrase
            for product in brand.products
            for phrase in (product.name, product.category or "", *product.keywords)
            if phrase
        )
        for mark in brand.marks:
            specs.append(
                MarkSpec(
                    brand=brand.name,
                    text=mark.text,
                    aliases=mark.aliases,
                    negative_contexts=brand.negative_contexts,
                    context_words=context,
                    generic=mark.generic,
                )
            )
    return specs
