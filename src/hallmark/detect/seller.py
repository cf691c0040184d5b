"""seller: the account offering the brand is not on its authorized list for the platform."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from pydantic import BaseModel

from hallmark.detect.base import NoOptions
from hallmark.detect.index import BrandIndex
from hallmark.domain import Listing, Signal


class Seller:
    """Checks the listing's account against the brand's authorized sellers, by stable id."""

    name: ClassVar[str] = "seller"
    kinds: ClassVar[tuple[str, ...]] = ("unauthorized", "authorized")
    Options: ClassVar[type[BaseModel]] = NoOptions

    def detect(self, listings: Sequence[Listing], brands: BrandIndex) -> Iterator[Signal]:
        for listing in listings:
            if not listing.is_offer:
                continue
            relevant = brands.relevant_brands(listing)
            for brand_name in sorted(relevant):
                brand = brands.brands[brand_name]
                key = (listing.platform, listing.external_id)
                account = listing.account
                evidence = {"platform": listing.platform, "account": account}
                if brand.is_authorized(listing.platform, account):
                    text = f"The seller {account} is an authorized {listing.platform} seller of {brand.name}."
                    yield Signal("seller", "authorized", brand.name, key, 0.0, text, evidence)
                elif account is None:
                    text = "The seller is not named."
                    yield Signal("seller", "unauthorized", brand.name, key, 0.5, text, evidence)
                else:
                    text = f"The seller {account} is not an authorized {listing.platform} seller of {brand.name}."
                    yield Signal("seller", "unauthorized", brand.name, key, 1.0, text, evidence)
