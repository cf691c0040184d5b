"""Shopify: the public storefront's product JSON.

Three shapes: `/products.json` (a page under `products`, prices as decimal strings),
`/products/<handle>.json` (one product under `product`, the same shape) and the Ajax API
`/products/<handle>.js`, which is also what a theme's `product | json` renders (one bare
product, prices in cents).

None of them names the store or its currency. The store domain, which is the account, is
taken from `source` when that is a URL or a file named `<domain>__...` (for example
`shop.example.com__products.json`); otherwise `account` and `url` stay None. Prices are
in the visitor's presentment currency, which only `/cart.js` reports, so `price` and
`currency` stay None and the amounts go into `extra` as decimal strings: a price without a
currency is a record the canonical format rejects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any, ClassVar
from urllib.parse import urlsplit

from hallmark.channels.base import Parsed
from hallmark.channels.canonical import plain_json
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_CENTS = Decimal("0.01")
_BLOCKS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}


class _BadItem(ValueError):
    """One product cannot be read; the message says why."""


class ShopifyChannel:
    """Shopify storefront product JSON: /products.json, /products/<handle>.json and .js."""

    platform: ClassVar[str] = "shopify"
    formats: ClassVar[tuple[str, ...]] = (
        "/products.json",
        "/products/<handle>.json",
        "/products/<handle>.js",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        """The store's account when its domain is known, then one listing per product."""
        data = _load(payload, source)
        in_cents = False
        if isinstance(data.get("products"), list):
            products: list[Any] = data["products"]
        elif isinstance(data.get("product"), dict):
            products = [data["product"]]
        elif "variants" in data and "id" in data:
            products, in_cents = [data], True
        else:
            keys = ", ".join(sorted(data)[:5]) or "none"
            raise PayloadError(source, f"not a Shopify storefront product response (keys: {keys})")
        domain = store_domain(source)
        if domain is not None:
            yield Account(
                platform="shopify", external_id=domain, handle=domain, url=f"https://{domain}"
            )
        for position, product in enumerate(products, 1):
            try:
                yield _listing(product, domain, in_cents, captured_at)
            except _BadItem as exc:
                yield ImportRecordError(source, position, str(exc))


def store_domain(source: str) -> str | None:
    """The store's domain: the host of a URL source, or a file name's `<domain>__` prefix."""
    if source.startswith(("http://", "https://")):
        host = urlsplit(source).hostname
    else:
        host = PurePath(source).name.split("__", 1)[0] if "__" in source else None
    host = host.lower().removeprefix("www.") if host else None
    return host if host and _DOMAIN.match(host) else None


def _load(payload: bytes, source: str) -> dict[str, Any]:
    try:
        data = json.loads(payload, parse_float=Decimal)
    except ValueError as exc:
        raise PayloadError(source, f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise PayloadError(source, "not a Shopify storefront product response (not an object)")
    if "errors" in data:
        raise PayloadError(source, f"Shopify error: {plain_json(data['errors'])}")
    if "status" in data and ("message" in data or "description" in data):
        reason = data.get("description") or data.get("message")
        raise PayloadError(source, f"Shopify error {data['status']}: {reason}")
    return data


def _listing(product: object, domain: str | None, in_cents: bool, captured_at: datetime) -> Listing:
    if not isinstance(product, dict):
        raise _BadItem("product is not a JSON object")
    product_id = product.get("id")
    if isinstance(product_id, bool) or not isinstance(product_id, int):
        raise _BadItem(f"id: must be a whole number, got {product_id!r}")
    handle = product.get("handle")
    if not isinstance(handle, str) or not handle.strip():
        raise _BadItem(f"{product_id}: handle: required field is missing")
    html = product.get("body_html", product.get("description"))
    text, links = _html_text(html) if isinstance(html, str) else (None, ())
    title = product.get("title")
    return Listing(
        kind="listing",
        platform="shopify",
        external_id=str(product_id),
        captured_at=captured_at,
        url=f"https://{domain}/products/{handle.strip()}" if domain else None,
        marketplace=domain,
        account=domain,
        title=(title.strip() or None) if isinstance(title, str) else None,
        text=text,
        images=_images(product.get("images")),
        links=links,
        extra=_extra(product, in_cents),
    )


def _money(value: object, in_cents: bool, where: str) -> str | None:
    """An amount as a decimal string: the .js format counts cents, the others write decimals."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _BadItem(f"{where}: {value!r} is not an amount")
    try:
        amount = Decimal(value) if isinstance(value, (int, str, Decimal)) else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0:
        raise _BadItem(f"{where}: {value!r} is not an amount")
    return str((amount * _CENTS).quantize(_CENTS) if in_cents else amount)


def _variants(product: dict[str, Any], in_cents: bool) -> list[dict[str, Any]]:
    found = []
    variants = product.get("variants")
    for index, variant in enumerate(variants if isinstance(variants, list) else [], 1):
        if not isinstance(variant, dict):
            raise _BadItem(f"{product['id']}: variant {index} is not a JSON object")
        where = f"{product['id']}: variant {variant.get('id', index)}"
        entry = {
            "id": variant.get("id"),
            "title": variant.get("title"),
            "sku": variant.get("sku") or None,
            "price": _money(variant.get("price"), in_cents, f"{where} price"),
            "compare_at_price": _money(
                variant.get("compare_at_price"), in_cents, f"{where} compare_at_price"
            ),
            "available": variant.get("available"),
        }
        if "inventory_quantity" in variant:
            entry["inventory_quantity"] = variant["inventory_quantity"]
        found.append(plain_json(entry))
    return found


def _extra(product: dict[str, Any], in_cents: bool) -> dict[str, Any]:
    variants = _variants(product, in_cents)
    prices = sorted(Decimal(v["price"]) for v in variants if v["price"] is not None)
    extra: dict[str, Any] = {"handle": product["handle"].strip()}
    for field in ("vendor", "published_at", "created_at", "updated_at", "available"):
        if product.get(field) not in (None, ""):
            extra[field] = plain_json(product[field])
    product_type = product.get("product_type", product.get("type"))
    if product_type:
        extra["product_type"] = product_type
    tags = _tags(product.get("tags"))
    if tags:
        extra["tags"] = tags
    if prices:
        extra["price"], extra["price_max"] = str(prices[0]), str(prices[-1])
    compare = [v["compare_at_price"] for v in variants if v["compare_at_price"] is not None]
    if compare:
        extra["compare_at_price"] = max(compare, key=Decimal)
    extra["variants"] = variants
    return extra


def _tags(value: object) -> list[str]:
    # a list in the storefront JSON, a comma-separated string in the Admin-style shape
    items = value.split(",") if isinstance(value, str) else value
    return (
        [t.strip() for t in items if isinstance(t, str) and t.strip()]
        if isinstance(items, list)
        else []
    )


def _absolute(url: str) -> str:
    # the .js format writes image URLs without a scheme ("//cdn.shopify.com/...")
    return f"https:{url}" if url.startswith("//") else url


def _images(value: object) -> tuple[str, ...]:
    urls = []
    for image in value if isinstance(value, list) else []:
        src = image.get("src") if isinstance(image, dict) else image
        if isinstance(src, str) and src.strip():
            urls.append(_absolute(src.strip()))
    return tuple(dict.fromkeys(u for u in urls if u.startswith(("http://", "https://"))))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith(("http://", "https://", "//")):
            self.links.append(_absolute(href))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(html: str) -> tuple[str | None, tuple[str, ...]]:
    """The description's visible text and its outbound links."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    return text or None, tuple(dict.fromkeys(parser.links))
