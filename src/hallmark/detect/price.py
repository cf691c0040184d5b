"""price: a price far below the product's floor, scaled by how far below."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, Field

from hallmark.detect.describe import money, percent
from hallmark.detect.index import BrandIndex, ProductMatch
from hallmark.domain import Listing, ProtectedProduct, Signal


class PriceOptions(BaseModel):
    """Options of the price detector."""

    full_strength_ratio: float = Field(
        0.5,
        description="At or below this share of the floor the signal has full strength; "
        "between it and the floor the strength falls linearly to zero.",
    )


class Price:
    """Compares the listing's price with the floor of the product it appears to offer."""

    name: ClassVar[str] = "price"
    kinds: ClassVar[tuple[str, ...]] = (
        "below_floor",
        "above_floor",
        "at_or_above_list",
        "no_price",
        "not_compared",
    )
    Options: ClassVar[type[BaseModel]] = PriceOptions

    def __init__(self, options: PriceOptions | None = None) -> None:
        self.options = options or PriceOptions()

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing in listings:
            relevant = brands.relevant_brands(listing)
            if not relevant:
                continue
            if listing.price is None or listing.currency is None:
                yield from _no_price(listing, relevant)
                continue
            for brand in sorted(relevant):
                signal = self._compare(
                    listing, brand, brands, brands.product_matches(listing, brand)
                )
                if signal is not None:
                    yield signal

    def _compare(
        self, listing: Listing, brand: str, brands: BrandIndex, matches: list[ProductMatch]
    ) -> Signal | None:
        assert listing.price is not None and listing.currency is not None
        found = brands.floor_for(brand, matches, listing.currency)
        if found is None:
            return _not_compared(listing, brand, brands, matches)
        product, floor, floor_currency, how = found
        price, currency = listing.price, listing.currency
        ratio = price / floor
        shown_floor = money(product.price_floor[floor_currency], floor_currency)
        converted = "" if floor_currency == currency else f" (≈ {money(floor, currency)})"
        about = _about(product.name, how)
        evidence = {
            "price": str(price),
            "currency": currency,
            "floor": str(product.price_floor[floor_currency]),
            "floor_currency": floor_currency,
            "floor_in_price_currency": str(floor.quantize(Decimal("0.01"))),
            "ratio": float(round(ratio, 4)),
            "product": product.name,
            "matched_by": how,
        }
        key = (listing.platform, listing.external_id)
        if ratio < 1:
            strength = min(
                1.0, float((1 - ratio) / Decimal(str(1 - self.options.full_strength_ratio)))
            )
            text = (
                f"The price of {money(price, currency)} is {percent(ratio)} of the "
                f"{shown_floor}{converted} floor {about}."
            )
            return Signal("price", "below_floor", brand, key, strength, text, evidence)
        list_price = _list_price(product, currency, brands)
        if list_price and price >= list_price * Decimal("0.98"):
            evidence["list_price"] = str(list_price.quantize(Decimal("0.01")))
            text = f"The price of {money(price, currency)} is at or above the list price {about}."
            return Signal("price", "at_or_above_list", brand, key, 0.0, text, evidence)
        text = (
            f"The price of {money(price, currency)} is above the {shown_floor}{converted} "
            f"floor {about}."
        )
        return Signal("price", "above_floor", brand, key, 0.0, text, evidence)


def _list_price(product: ProtectedProduct, currency: str, brands: BrandIndex) -> Decimal | None:
    """The product's list price in `currency`: as listed, else converted from another."""
    if currency in product.list_price:
        return product.list_price[currency]
    for source, amount in product.list_price.items():
        converted = brands.rules.convert(amount, source, currency)
        if converted is not None:
            return converted
    return None


def _not_compared(
    listing: Listing, brand: str, brands: BrandIndex, matches: list[ProductMatch]
) -> Signal | None:
    """Say so when a floor exists but no rate converts it to the listing's currency."""
    products = [m.product for m in matches] or list(brands.brands[brand].products)
    floors = sorted({c for p in products for c in p.price_floor})
    if not floors:
        return None
    text = (
        f"The price is in {listing.currency}, which the rate table cannot convert to "
        f"{', '.join(floors)}, so it was not compared with the floor."
    )
    evidence = {
        "price": str(listing.price),
        "currency": listing.currency,
        "floor_currencies": floors,
    }
    key = (listing.platform, listing.external_id)
    return Signal("price", "not_compared", brand, key, 0.0, text, evidence)


def _about(product: str, how: str) -> str:
    if how == "brand":
        return f"of the brand's cheapest protected product ({product})"
    return f"for the {product}"


def _no_price(listing: Listing, brands: set[str]) -> Iterator[Signal]:
    key = (listing.platform, listing.external_id)
    text = "No price is given." if listing.kind == "listing" else "The post gives no price."
    for brand in sorted(brands):
        yield Signal("price", "no_price", brand, key, 0.0, text, {})
