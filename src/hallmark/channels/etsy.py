"""Etsy Open API v3 responses: getListing, listing pages ({count, results}) and getShop.

Shops are keyed by shop_name, the name in etsy.com/shop/<name>; a listing names its shop
only when the response includes it (includes=Shop), so otherwise `account` stays empty
and the numeric shop_id is kept in `extra`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from hallmark.channels.canonical import plain_json
from hallmark.channels.payloads import BadRecord, parse_documents
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError

Parsed = Listing | Account | ImportRecordError

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_IMAGE_SIZES = ("url_fullxfull", "url_570xN", "url_170x135", "url_75x75")
_LISTING_FACTS = {
    "state": "state",
    "quantity": "quantity",
    "views": "views",
    "num_favorers": "favorers",
    "listing_type": "listing_type",
    "who_made": "who_made",
    "when_made": "when_made",
    "materials": "materials",
    "taxonomy_id": "taxonomy_id",
    "shop_id": "shop_id",
    "user_id": "user_id",
    "is_customizable": "is_customizable",
    "has_variations": "has_variations",
}
_LISTING_DATES = {
    "created_timestamp": "listing_date",
    "original_creation_timestamp": "original_listing_date",
    "updated_timestamp": "updated_date",
    "ending_timestamp": "end_date",
}
_SHOP_FACTS = {
    "shop_id": "shop_id",
    "user_id": "user_id",
    "num_favorers": "followers",
    "transaction_sold_count": "sold_count",
    "listing_active_count": "active_listings",
    "review_count": "review_count",
    "review_average": "review_average",
    "currency_code": "currency",
    "shipping_from_country_iso": "ships_from",
    "announcement": "announcement",
    "policy_seller_info": "seller_info",
    "is_vacation": "is_vacation",
}


class EtsyChannel:
    """Reads Etsy Open API v3 JSON (or NDJSON, one response or listing a line)."""

    platform: ClassVar[str] = "etsy"
    formats: ClassVar[tuple[str, ...]] = (
        "getListing",
        "findAllListingsActive",
        "findShopListingsActive",
        "getShop",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        return parse_documents(payload, source, captured_at, items=_results, records=_parse_record)


def _results(document: object) -> list[Any]:
    """The listings or shops a response holds, or BadRecord naming what it is instead."""
    if not isinstance(document, dict):
        raise BadRecord("not an Etsy Open API v3 response: expected a JSON object")
    if "error" in document and len(document) <= 2:
        return _raise(f"Etsy error: {document['error']}")
    if "params" in document and "type" in document:
        return _raise("an Etsy Open API v2 response (v2 was retired in 2022); only v3 is read")
    if "listing_id" in document or "shop_name" in document:
        return [document]
    if isinstance(document.get("results"), list) and "count" in document:
        results: list[Any] = document["results"]
        return results
    return _raise("not an Etsy Open API v3 response (no listing_id, shop_name or results)")


def _raise(reason: str) -> list[Any]:
    raise BadRecord(reason)


def _parse_record(record: object, captured_at: datetime) -> list[Listing | Account]:
    if not isinstance(record, dict):
        raise BadRecord("result is not a JSON object")
    if "listing_id" not in record:
        if "shop_name" in record:
            return [_shop(record)]
        raise BadRecord("neither a listing (listing_id) nor a shop (shop_name)")
    listing_id = _whole(record.get("listing_id"), "listing_id")
    shop = _shop(record["shop"]) if isinstance(record.get("shop"), dict) else None
    listing = _listing(record, listing_id, shop, captured_at)
    return [shop, listing] if shop else [listing]


def _whole(value: object, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadRecord(f"{name}: {value!r} is not a whole number")
    return str(value)


def _listing(
    record: Mapping[str, Any], listing_id: str, shop: Account | None, captured_at: datetime
) -> Listing:
    price, currency, problem = _money(record.get("price"))
    url = _http(record.get("url")) or f"https://www.etsy.com/listing/{listing_id}"
    text = _str(record.get("description"))
    tags = [t.strip().lstrip("#") for t in _list(record.get("tags")) if isinstance(t, str)]
    extra = _facts(record, _LISTING_FACTS) | _dates(record, _LISTING_DATES)
    if problem:
        extra["price_problem"] = problem
    return Listing(
        kind="listing",
        platform="etsy",
        external_id=listing_id,
        captured_at=captured_at,
        url=url,
        marketplace="etsy.com",
        account=shop.external_id if shop else None,
        title=_str(record.get("title")),
        text=text,
        hashtags=tuple(dict.fromkeys(t for t in tags if t)),
        price=price,
        currency=currency,
        images=_images(record.get("images")),
        links=tuple(dict.fromkeys(_URL.findall(text or ""))),
        extra=extra,
    )


def _money(value: object) -> tuple[Decimal | None, str | None, str | None]:
    """Price as amount / divisor, exact; a Money that cannot be read is kept as a note
    rather than losing the listing, which still matters without its price."""
    if value is None:
        return None, None, None
    if not isinstance(value, dict):
        return None, None, f"price is not an object: {plain_json(value)!r}"
    amount, divisor, currency = (value.get(k) for k in ("amount", "divisor", "currency_code"))
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        return None, None, f"price.amount {plain_json(amount)!r} is not a whole number"
    if isinstance(divisor, bool) or not isinstance(divisor, int) or divisor <= 0:
        return None, None, f"price.divisor {plain_json(divisor)!r} is not a positive whole number"
    if not isinstance(currency, str) or not _CURRENCY.match(currency):
        return None, None, f"price.currency_code {currency!r} is not an ISO 4217 code"
    places = len(str(divisor)) - 1
    if divisor == 10**places:
        return Decimal(amount).scaleb(-places), currency, None
    return Decimal(amount) / Decimal(divisor), currency, None


def _images(value: object) -> tuple[str, ...]:
    urls: list[str] = []
    for image in _list(value):
        if isinstance(image, dict):
            found = next(
                (_http(image.get(size)) for size in _IMAGE_SIZES if _http(image.get(size))), None
            )
            if found:
                urls.append(found)
    return tuple(dict.fromkeys(urls))


def _shop(shop: Mapping[str, Any]) -> Account:
    name = _str(shop.get("shop_name"))
    if name is None:
        raise BadRecord("shop_name: missing or not a string")
    country = _str(shop.get("shop_location_country_iso"))
    extra = _facts(shop, _SHOP_FACTS) | _dates(shop, {"created_timestamp": "created_date"})
    return Account(
        platform="etsy",
        external_id=name,
        handle=name,
        display_name=name,
        country=country if country and re.fullmatch(r"[A-Z]{2}", country) else None,
        status="vacation" if shop.get("is_vacation") is True else "active",
        bio=_str(shop.get("title")),
        url=_http(shop.get("url")) or f"https://www.etsy.com/shop/{name}",
        extra=extra,
    )


def _facts(record: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    return {
        new: plain_json(record[old]) for old, new in names.items() if record.get(old) is not None
    }


def _dates(record: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """Etsy gives Unix seconds; enforcement reads ISO dates."""
    dates: dict[str, Any] = {}
    for old, new in names.items():
        value = record.get(old)
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                dates[new] = datetime.fromtimestamp(value, UTC).isoformat()
            except (OverflowError, OSError, ValueError):
                dates[new] = value
    return dates


def _http(value: object) -> str | None:
    """A URL, leaving out the reference samples' placeholder strings."""
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return value
    return None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
