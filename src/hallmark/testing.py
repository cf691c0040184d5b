"""Factories with fixed, readable defaults, for Hallmark's tests and third-party plugins."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hallmark.domain import AuthorizedSeller, Brand, Listing, Mark, ProtectedProduct, Signal
from hallmark.registry.loader import parse_brand

CAPTURED = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def make_listing(
    title: str | None = "Gold bracelet",
    *,
    text: str | None = None,
    price: str | Decimal | None = None,
    currency: str | None = "USD",
    platform: str = "amazon",
    external_id: str = "L1",
    account: str | None = "SELLER1",
    kind: str = "listing",
    hashtags: tuple[str, ...] = (),
    **extra: Any,
) -> Listing:
    """A listing (or post, with kind='post') with readable defaults."""
    return Listing(
        kind=kind,  # type: ignore[arg-type]
        platform=platform,
        external_id=external_id,
        captured_at=extra.pop("captured_at", CAPTURED),
        url=extra.pop("url", f"https://example.test/{platform}/{external_id}"),
        account=account,
        title=title,
        text=text,
        hashtags=hashtags,
        price=None if price is None else Decimal(str(price)),
        currency=currency if price is not None else None,
        **extra,
    )


def make_brand(
    name: str = "Cartier",
    marks: tuple[str, ...] = ("CARTIER",),
    *,
    aliases: tuple[str, ...] = (),
    negative_contexts: tuple[str, ...] = (),
    floor: str = "2000",
    list_price: str = "6900",
    product: str = "Love bracelet",
    category: str = "bracelet",
    authorized: tuple[tuple[str, str], ...] = (("amazon", "A1OFFICIAL"),),
) -> Brand:
    """A brand with one product priced in USD and one authorized seller."""
    return Brand(
        name=name,
        marks=tuple(Mark(text, aliases=aliases if i == 0 else ()) for i, text in enumerate(marks)),
        negative_contexts=negative_contexts,
        products=(
            ProtectedProduct(
                name=product,
                category=category,
                list_price={"USD": Decimal(list_price)},
                price_floor={"USD": Decimal(floor)},
            ),
        ),
        authorized_sellers=tuple(AuthorizedSeller(p, a) for p, a in authorized),
    )


def brand_spec(**fields: Any) -> dict[str, Any]:
    """A valid brand-file mapping, with `fields` replacing the defaults."""
    spec: dict[str, Any] = {
        "name": "Cartier",
        "marks": [{"text": "CARTIER", "registrations": ["US 0411975"]}],
        "products": [
            {
                "name": "Love bracelet",
                "category": "bracelet",
                "list_price": {"USD": 6900},
                "price_floor": {"USD": 2000},
            }
        ],
        "authorized_sellers": [{"platform": "amazon", "account": "A1OFFICIAL"}],
    }
    spec.update(fields)
    parse_brand(spec, source="<brand_spec>")
    return spec


def signals_of(signals: list[Signal], detector: str) -> list[tuple[str, str | None]]:
    """(kind, brand) of each signal from `detector`, in order."""
    return [(s.kind, s.brand) for s in signals if s.detector == detector]


def picture_index(
    brands: list[Brand],
    rules: Any,
    references: list[tuple[str, str, str, str | None, bytes]],
    pictures: dict[str, bytes],
) -> tuple[Any, dict[str, str]]:
    """A BrandIndex whose image detectors see `references` (brand, role, file, product,
    bytes) and the listing `pictures` (name -> bytes); returns the index and each
    picture's digest by name, to put in `make_listing(images=...)`. Needs the vision extra."""
    import hashlib

    from hallmark.detect.index import BrandIndex
    from hallmark.vision.context import VisionContext
    from hallmark.vision.fingerprint import Fingerprint, Limits, fingerprint_images
    from hallmark.vision.match import VisionThresholds
    from hallmark.vision.references import Reference, ReferenceIndex

    limits = Limits(20_000_000, 40_000_000)
    refs = []
    for brand, role, file, product, data in references:
        [fp] = fingerprint_images([(file, data)], limits, ocr=role == "logo", mirror=True)
        assert isinstance(fp, Fingerprint), fp
        refs.append(Reference(brand, role, file, product, fp))
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in pictures.items()}
    made = fingerprint_images([(digests[n], d) for n, d in pictures.items()], limits)
    index = BrandIndex(brands, rules)
    thresholds = VisionThresholds(**rules.vision.model_dump())
    index.vision = VisionContext(
        ReferenceIndex(refs, text_min_score=thresholds.ocr_min_score), thresholds
    )
    index.use_fingerprints({fp.sha256: fp for fp in made if isinstance(fp, Fingerprint)})
    return index, digests
