"""Amazon: Selling Partner API Catalog Items 2022-04-01 responses.

`getCatalogItem` returns one item; `searchCatalogItems` a page of them under `items`. The
catalogue describes products, not offers, so there is no seller: no Account is yielded and
`account` stays None. The price is the `list_price` attribute when the response includes
it (`extra["price_kind"]` says so), never an offer price.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from hallmark.channels.base import Parsed
from hallmark.channels.canonical import plain_json
from hallmark.domain import Listing
from hallmark.errors import ImportRecordError, PayloadError

# https://developer-docs.amazon.com/sp-api/docs/marketplace-ids, with each store's domain
MARKETPLACES: dict[str, str] = {
    "A2EUQ1WTGCTBG2": "amazon.ca",
    "ATVPDKIKX0DER": "amazon.com",
    "A1AM78C64UM0Y8": "amazon.com.mx",
    "A2Q3Y263D00KWC": "amazon.com.br",
    "A28R8C7NBKEWEA": "amazon.ie",
    "A1RKKUPIHCS9HS": "amazon.es",
    "A1F83G8C2ARO7P": "amazon.co.uk",
    "A13V1IB3VIYZZH": "amazon.fr",
    "AMEN7PMS3EDWL": "amazon.com.be",
    "A1805IZSGTT6HS": "amazon.nl",
    "A1PA6795UKMFR9": "amazon.de",
    "APJ6JRA9NG5V4": "amazon.it",
    "A2NODRKZP88ZB9": "amazon.se",
    "AE08WJ6YKNBMC": "amazon.co.za",
    "A1C3SOZRARQ6R3": "amazon.pl",
    "ARBP9OOSHTCHU": "amazon.eg",
    "A33AVAJ2PDY3EV": "amazon.com.tr",
    "A17E79C6D8DWNP": "amazon.sa",
    "A2VIGQ35RCS4UG": "amazon.ae",
    "A21TJRUUN4KGV": "amazon.in",
    "A19VAU5U5O7RUS": "amazon.sg",
    "A39IBJ37TRP1C6": "amazon.com.au",
    "A1VC38T7YXB528": "amazon.co.jp",
}

_SUMMARY_FIELDS = {
    "brand": "brand",
    "manufacturer": "manufacturer",
    "modelNumber": "model_number",
    "partNumber": "part_number",
    "color": "color",
    "size": "size",
    "style": "style",
    "itemClassification": "item_classification",
    "releaseDate": "release_date",
    "adultProduct": "adult_product",
    "websiteDisplayGroupName": "display_group",
}
_SECTIONS = ("summaries", "images", "identifiers", "productTypes", "salesRanks", "classifications")


class _BadItem(ValueError):
    """One catalogue item cannot be read; the message says why."""


class AmazonChannel:
    """SP-API Catalog Items 2022-04-01: getCatalogItem and searchCatalogItems responses."""

    platform: ClassVar[str] = "amazon"
    formats: ClassVar[tuple[str, ...]] = (
        "Catalog Items 2022-04-01 getCatalogItem",
        "Catalog Items 2022-04-01 searchCatalogItems",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        """One listing per catalogue item; an unreadable item becomes an ImportRecordError."""
        data = _load(payload, source)
        if isinstance(data.get("items"), list):
            items: list[Any] = data["items"]
        elif "asin" in data:
            items = [data]
        else:
            keys = ", ".join(sorted(data)[:5]) or "none"
            raise PayloadError(
                source, f"not an SP-API Catalog Items response (no items or asin; keys: {keys})"
            )
        for position, item in enumerate(items, 1):
            try:
                yield _listing(item, captured_at)
            except _BadItem as exc:
                yield ImportRecordError(source, position, str(exc))


def _load(payload: bytes, source: str) -> dict[str, Any]:
    try:
        data = json.loads(payload, parse_float=Decimal)
    except ValueError as exc:
        raise PayloadError(source, f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise PayloadError(source, "not an SP-API Catalog Items response (not a JSON object)")
    errors = data.get("errors")
    if isinstance(errors, list) and errors:
        first = errors[0] if isinstance(errors[0], dict) else {}
        code, message = first.get("code", "unknown"), first.get("message", "no message")
        raise PayloadError(source, f"Amazon SP-API error {code}: {message}")
    return data


def _listing(item: object, captured_at: datetime) -> Listing:
    if not isinstance(item, dict):
        raise _BadItem("item is not a JSON object")
    asin = item.get("asin")
    if not isinstance(asin, str) or not asin.strip():
        raise _BadItem("asin: required field is missing")
    asin = asin.strip()
    marketplace_id = _marketplace_id(item)
    if marketplace_id is None:
        raise _BadItem(f"{asin}: no marketplaceId in any section, so no marketplace or url")
    domain = MARKETPLACES.get(marketplace_id)
    summary = _for(item.get("summaries"), marketplace_id)
    attributes = item.get("attributes")
    attributes = attributes if isinstance(attributes, dict) else {}
    price, currency = _list_price(attributes, marketplace_id, asin)
    return Listing(
        kind="listing",
        platform="amazon",
        external_id=asin,
        captured_at=captured_at,
        url=f"https://www.{domain}/dp/{asin}" if domain else None,
        marketplace=domain,
        title=_text(summary.get("itemName")) or _attribute(attributes, "item_name"),
        text=_description(attributes),
        price=price,
        currency=currency,
        images=_images(item.get("images"), marketplace_id),
        extra=_extra(item, summary, attributes, marketplace_id, price),
    )


def _marketplace_id(item: dict[str, Any]) -> str | None:
    """The first marketplace the item is described for: summaries first, then any section."""
    for section in _SECTIONS:
        entries = item.get(section)
        for entry in _list(entries):
            if isinstance(entry, dict) and isinstance(entry.get("marketplaceId"), str):
                return str(entry["marketplaceId"])
    return None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _for(entries: object, marketplace_id: str) -> dict[str, Any]:
    for entry in _list(entries):
        if isinstance(entry, dict) and entry.get("marketplaceId") == marketplace_id:
            return entry
    return {}


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _attribute_values(attributes: dict[str, Any], name: str) -> list[dict[str, Any]]:
    values = attributes.get(name)
    return [v for v in _list(values) if isinstance(v, dict)]


def _attribute(attributes: dict[str, Any], name: str) -> str | None:
    for value in _attribute_values(attributes, name):
        text = _text(value.get("value"))
        if text:
            return text
    return None


def _description(attributes: dict[str, Any]) -> str | None:
    parts = [_attribute(attributes, "product_description")]
    parts += [_text(v.get("value")) for v in _attribute_values(attributes, "bullet_point")]
    text = "\n".join(p for p in parts if p)
    return text or None


def _list_price(
    attributes: dict[str, Any], marketplace_id: str, asin: str
) -> tuple[Decimal | None, str | None]:
    for value in _attribute_values(attributes, "list_price"):
        if value.get("marketplace_id", marketplace_id) != marketplace_id:
            continue
        amount = value.get("value", value.get("value_with_tax"))
        currency = value.get("currency")
        if amount is None:
            continue
        if isinstance(amount, bool) or not isinstance(amount, (int, Decimal, str)):
            raise _BadItem(f"{asin}: list_price value {amount!r} is not a number")
        try:
            price = Decimal(str(amount))
        except InvalidOperation:
            raise _BadItem(f"{asin}: list_price value {amount!r} is not a number") from None
        if not isinstance(currency, str) or len(currency) != 3 or not currency.isupper():
            raise _BadItem(f"{asin}: list_price currency {currency!r} is not an ISO 4217 code")
        return price, currency
    return None, None


def _images(entries: object, marketplace_id: str) -> tuple[str, ...]:
    images = _for(entries, marketplace_id).get("images")
    links = [
        image["link"]
        for image in _list(images)
        if isinstance(image, dict) and isinstance(image.get("link"), str)
    ]
    return tuple(dict.fromkeys(links))


def _extra(
    item: dict[str, Any],
    summary: dict[str, Any],
    attributes: dict[str, Any],
    marketplace_id: str,
    price: Decimal | None,
) -> dict[str, Any]:
    extra: dict[str, Any] = {"marketplace_id": marketplace_id}
    for field, key in _SUMMARY_FIELDS.items():
        if summary.get(field) is not None:
            extra[key] = plain_json(summary[field])
    browse = summary.get("browseClassification")
    if isinstance(browse, dict) and browse.get("displayName"):
        extra["browse_classification"] = browse["displayName"]
    others = _marketplaces(item) - {marketplace_id}
    if others:
        extra["other_marketplaces"] = sorted(MARKETPLACES.get(m, m) for m in others)
    product_type = _for(item.get("productTypes"), marketplace_id).get("productType")
    if product_type:
        extra["product_type"] = product_type
    extra.update(_identifiers(item, marketplace_id))
    extra.update(_relationships(item, marketplace_id))
    ranks = _sales_ranks(item, marketplace_id)
    if ranks:
        extra["sales_ranks"] = ranks
    launched = _attribute(attributes, "product_site_launch_date")
    if launched:
        extra["site_launch_date"] = launched
    if price is not None:
        extra["price_kind"] = "list_price"
    return extra


def _marketplaces(item: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for section in _SECTIONS:
        entries = item.get(section)
        for entry in _list(entries):
            if isinstance(entry, dict) and isinstance(entry.get("marketplaceId"), str):
                found.add(entry["marketplaceId"])
    return found


def _identifiers(item: dict[str, Any], marketplace_id: str) -> dict[str, Any]:
    found: dict[str, list[str]] = {}
    entries = _for(item.get("identifiers"), marketplace_id).get("identifiers")
    for entry in _list(entries):
        if isinstance(entry, dict) and entry.get("identifierType") and entry.get("identifier"):
            found.setdefault(str(entry["identifierType"]), []).append(str(entry["identifier"]))
    return {"identifiers": found} if found else {}


def _relationships(item: dict[str, Any], marketplace_id: str) -> dict[str, Any]:
    parents: list[str] = []
    children: list[str] = []
    entries = _for(item.get("relationships"), marketplace_id).get("relationships")
    for entry in _list(entries):
        if isinstance(entry, dict):
            parents += [str(a) for a in _list(entry.get("parentAsins"))]
            children += [str(a) for a in _list(entry.get("childAsins"))]
    found: dict[str, Any] = {}
    if parents:
        found["parent_asins"] = list(dict.fromkeys(parents))
    if children:
        found["child_asins"] = list(dict.fromkeys(children))
    return found


def _sales_ranks(item: dict[str, Any], marketplace_id: str) -> list[dict[str, Any]]:
    entry = _for(item.get("salesRanks"), marketplace_id)
    ranks = []
    for group in ("classificationRanks", "displayGroupRanks"):
        for rank in _list(entry.get(group)):
            if isinstance(rank, dict) and "rank" in rank:
                ranks.append({"title": rank.get("title"), "rank": plain_json(rank["rank"])})
    return ranks
