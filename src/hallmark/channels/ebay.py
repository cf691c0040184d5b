"""eBay Browse API responses: item_summary/search pages, getItem and getItems.

Sellers are keyed by username: the Browse API gives no other stable seller id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from urllib.parse import urlsplit

from hallmark.channels.canonical import plain_json
from hallmark.channels.payloads import BadRecord as BadItem
from hallmark.channels.payloads import parse_documents
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError

Parsed = Listing | Account | ImportRecordError

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_ITEM_ID = re.compile(r"^v1\|(\d+)\|(\d+)$")
_TAG = re.compile(r"<[^>]*>")
_HREF = re.compile(r"""href\s*=\s*["']?(https?://[^"'\s>]+)""", re.IGNORECASE)
_MARKETPLACES = {
    "EBAY_US": "ebay.com",
    "EBAY_GB": "ebay.co.uk",
    "EBAY_DE": "ebay.de",
    "EBAY_FR": "ebay.fr",
    "EBAY_IT": "ebay.it",
    "EBAY_ES": "ebay.es",
    "EBAY_IE": "ebay.ie",
    "EBAY_AU": "ebay.com.au",
    "EBAY_CA": "ebay.ca",
}
_ADDRESS_PARTS = (
    "addressLine1",
    "addressLine2",
    "city",
    "stateOrProvince",
    "postalCode",
    "countryName",
)


class EbayChannel:
    """Reads eBay Browse API JSON (or NDJSON, one response or item a line)."""

    platform: ClassVar[str] = "ebay"
    formats: ClassVar[tuple[str, ...]] = ("item_summary/search", "getItem", "getItems")

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        return parse_documents(payload, source, captured_at, items=_items, records=_records)


def _items(document: object) -> list[Any]:
    """The items a response holds, or BadItem naming what the document is instead."""
    if not isinstance(document, dict):
        raise BadItem("not an eBay Browse API response: expected a JSON object")
    if "itemId" in document:
        return [document]
    for key in ("itemSummaries", "items"):
        if key in document:
            items = document[key]
            if not isinstance(items, list):
                raise BadItem(f"{key} is not a list")
            return items
    errors = document.get("errors")
    if isinstance(errors, list) and errors:
        raise BadItem("; ".join(_error_text(error) for error in errors))
    if "total" in document and "href" in document:
        return []  # a search page with no results carries no itemSummaries key
    raise BadItem("not an eBay Browse API response (no itemSummaries, items or itemId)")


def _error_text(error: object) -> str:
    if not isinstance(error, dict):
        return f"eBay error: {error}"
    return f"eBay error {error.get('errorId', '?')}: {error.get('message', 'no message')}"


def _records(item: object, captured_at: datetime) -> list[Listing | Account]:
    if not isinstance(item, dict):
        raise BadItem("item is not a JSON object")
    item_id = item.get("itemId")
    if not isinstance(item_id, str) or not item_id.strip():
        raise BadItem("itemId: missing or not a string")
    seller = _account(item.get("seller"), _host(item))
    listing = _listing(item, item_id, seller, captured_at)
    return [seller, listing] if seller else [listing]


def _host(item: Mapping[str, Any]) -> str | None:
    url = _str(item.get("itemWebUrl"))
    host = urlsplit(url).hostname if url else None
    if host and "ebay." in host:
        return host.removeprefix("www.")
    return _MARKETPLACES.get(str(item.get("listingMarketplaceId")))


def _listing(
    item: Mapping[str, Any], item_id: str, seller: Account | None, captured_at: datetime
) -> Listing:
    price, currency = _money(item.get("price") or item.get("currentBidPrice"))
    marketplace = _host(item)
    external_id = _external_id(item, item_id)
    url = _str(item.get("itemWebUrl"))
    if url is None and marketplace:
        url = f"https://www.{marketplace}/itm/{external_id}"
    description = _str(item.get("description")) or ""
    return Listing(
        kind="listing",
        platform="ebay",
        external_id=external_id,
        captured_at=captured_at,
        url=url,
        marketplace=marketplace,
        account=seller.external_id if seller else None,
        title=_str(item.get("title")),
        text=_plain_text(description) or _str(item.get("shortDescription")),
        price=price,
        currency=currency,
        images=_images(item),
        links=tuple(dict.fromkeys(html.unescape(link) for link in _HREF.findall(description))),
        extra=_listing_extra(item, item_id),
    )


def _external_id(item: Mapping[str, Any], item_id: str) -> str:
    """The legacy item number shown in ebay.com/itm/ URLs; a variation keeps its suffix."""
    legacy = _str(item.get("legacyItemId"))
    match = _ITEM_ID.match(item_id)
    if match and match.group(2) != "0":
        return f"{match.group(1)}-{match.group(2)}"
    if legacy:
        return legacy
    return match.group(1) if match else item_id


def _money(value: object) -> tuple[Decimal | None, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict):
        raise BadItem("price: not an object")
    amount, currency = value.get("value"), value.get("currency")
    try:
        price = Decimal(str(amount).strip())
    except InvalidOperation:
        raise BadItem(f"price.value: {amount!r} is not a decimal number") from None
    if not price.is_finite() or price < 0:
        raise BadItem(f"price.value: {amount!r} is not an amount")
    if not isinstance(currency, str) or not _CURRENCY.match(currency):
        raise BadItem(f"price.currency: {currency!r} is not an ISO 4217 code")
    return price, currency


def _images(item: Mapping[str, Any]) -> tuple[str, ...]:
    found = [item.get("image"), *_list(item.get("additionalImages"))]
    if not found[0] and not found[1:]:
        found = _list(item.get("thumbnailImages"))
    urls = (_str(image.get("imageUrl")) for image in found if isinstance(image, dict))
    return tuple(dict.fromkeys(url for url in urls if url))


def _listing_extra(item: Mapping[str, Any], item_id: str) -> dict[str, Any]:
    availability = [a for a in _list(item.get("estimatedAvailabilities")) if isinstance(a, dict)]
    sold = [a["estimatedSoldQuantity"] for a in availability if "estimatedSoldQuantity" in a]
    available = [
        a["estimatedAvailableQuantity"] for a in availability if "estimatedAvailableQuantity" in a
    ]
    price = item.get("price")
    extra: dict[str, Any] = {
        "item_id": item_id,
        "condition": item.get("condition"),
        "condition_id": item.get("conditionId"),
        "condition_description": item.get("conditionDescription"),
        "item_location": item.get("itemLocation"),
        "category_path": item.get("categoryPath"),
        "category_id": item.get("categoryId"),
        "categories": item.get("categories"),
        "buying_options": item.get("buyingOptions"),
        "sold_quantity": sum(sold) if sold else None,
        "available_quantity": sum(available) if available else None,
        "listing_date": item.get("itemCreationDate"),
        "end_date": item.get("itemEndDate"),
        "marketplace_id": item.get("listingMarketplaceId"),
        "brand": item.get("brand"),
        "gtin": item.get("gtin"),
        "mpn": item.get("mpn"),
        "epid": item.get("epid"),
        "bid_count": item.get("bidCount"),
        "original_price": _original_price(price),
    }
    return {key: plain_json(value) for key, value in extra.items() if value is not None}


def _original_price(price: object) -> dict[str, Any] | None:
    """The seller's own price when eBay converted it to the buyer's currency."""
    if isinstance(price, dict) and "convertedFromValue" in price:
        return {
            "value": price["convertedFromValue"],
            "currency": price.get("convertedFromCurrency"),
        }
    return None


def _account(seller: object, host: str | None) -> Account | None:
    if not isinstance(seller, dict):
        return None
    username = _str(seller.get("username"))
    if username is None:
        return None
    legal = seller.get("sellerLegalInfo")
    legal = legal if isinstance(legal, dict) else {}
    address = legal.get("sellerProvidedLegalAddress")
    address = address if isinstance(address, dict) else {}
    contacts = [_str(legal.get(key)) for key in ("email", "phone", "fax")]
    extra = {
        "feedback_score": seller.get("feedbackScore"),
        "feedback_percentage": seller.get("feedbackPercentage"),
        "account_type": seller.get("sellerAccountType"),
        "legal_contact": _joined(legal, ("legalContactFirstName", "legalContactLastName"), " "),
        "trade_registration_number": legal.get("tradeRegistrationNumber"),
        "vat_details": legal.get("vatDetails"),
        "imprint": legal.get("imprint"),
    }
    return Account(
        platform="ebay",
        external_id=username,
        handle=username,
        display_name=username,
        legal_name=_str(legal.get("name")),
        address=_joined(address, _ADDRESS_PARTS, ", "),
        country=_str(address.get("country")),
        contacts=tuple(c for c in contacts if c),
        url=f"https://www.{host or 'ebay.com'}/usr/{username}",
        extra={key: plain_json(value) for key, value in extra.items() if value is not None},
    )


def _joined(values: Mapping[str, Any], keys: tuple[str, ...], separator: str) -> str | None:
    parts = [_str(values.get(key)) for key in keys]
    return separator.join(p for p in parts if p) or None


def _plain_text(description: str) -> str | None:
    """eBay descriptions are seller HTML; the words are what brand checks read."""
    text = html.unescape(_TAG.sub(" ", description))
    return " ".join(text.split()) or None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
