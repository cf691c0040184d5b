"""AliExpress Open Platform responses: the affiliate API's product.query, productdetail.get
and hotproduct.query (products under resp_result.result.products.product), and the
dropshipping API's ds.product.get (one product under result.ae_item_base_info_dto).

Built from the API reference only: no genuine AliExpress response was available, so field
names follow the documented response parameters (see tests/fixtures/aliexpress/README.md).
Shops are keyed by the numeric shop_id / store_id the API gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from hallmark.channels.canonical import plain_json
from hallmark.channels.payloads import BadRecord, parse_documents
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError

Parsed = Listing | Account | ImportRecordError

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DIGITS = re.compile(r"^[0-9]+$")
_AFFILIATE = (
    "aliexpress_affiliate_product_query_response",
    "aliexpress_affiliate_productdetail_get_response",
    "aliexpress_affiliate_hotproduct_query_response",
)
_DS = "aliexpress_ds_product_get_response"
_PRODUCT_FACTS = {
    "discount": "discount",
    "evaluate_rate": "evaluate_rate",
    "promotion_link": "promotion_link",
    "product_detail_url": "detail_url",
    "product_video_url": "video_url",
    "platform_product_type": "platform_product_type",
    "commission_rate": "commission_rate",
    "ship_to_days": "ship_to_days",
    "sale_price": "source_sale_price",
    "sale_price_currency": "source_sale_price_currency",
}
_DS_FACTS = {
    "avg_evaluation_rating": "evaluate_rating",
    "product_status_type": "status",
    "gmt_create": "listing_date",
    "gmt_modified": "updated_date",
    "category_id": "category_id",
}
_STORE_FACTS = {
    "item_as_described_rating": "item_as_described_rating",
    "communication_rating": "communication_rating",
    "shipping_speed_rating": "shipping_speed_rating",
}


class AliexpressChannel:
    """Reads AliExpress Open Platform JSON (or NDJSON, one response or product a line)."""

    platform: ClassVar[str] = "aliexpress"
    formats: ClassVar[tuple[str, ...]] = (
        "aliexpress.affiliate.product.query",
        "aliexpress.affiliate.productdetail.get",
        "aliexpress.affiliate.hotproduct.query",
        "aliexpress.ds.product.get",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        return parse_documents(
            payload, source, captured_at, items=_products, records=_parse_product
        )


def _products(document: object) -> list[Any]:
    """The products a response holds, or BadRecord naming the error or what it is instead."""
    if not isinstance(document, dict):
        raise BadRecord("not an AliExpress Open Platform response: expected a JSON object")
    if isinstance(document.get("error_response"), dict):
        raise BadRecord(_error_text(document["error_response"]))
    for key in _AFFILIATE:
        if key in document:
            return _affiliate_products(document[key])
    if _DS in document:
        return [_ds_result(document[_DS])]
    if "product_id" in document or "ae_item_base_info_dto" in document:
        return [document]
    raise BadRecord(
        "not an AliExpress Open Platform response (no aliexpress_affiliate_*_response, "
        "aliexpress_ds_product_get_response or error_response)"
    )


def _error_text(error: Mapping[str, Any]) -> str:
    text = f"AliExpress error {plain_json(error.get('code'))}: {error.get('msg')}"
    if error.get("sub_code") or error.get("sub_msg"):
        text += f" ({error.get('sub_code')}: {error.get('sub_msg')})"
    return text


def _status_ok(code: object) -> bool:
    return str(plain_json(code)) == "200"


def _affiliate_products(response: object) -> list[Any]:
    resp = response.get("resp_result") if isinstance(response, dict) else None
    if not isinstance(resp, dict):
        raise BadRecord("AliExpress affiliate response without resp_result")
    if not _status_ok(resp.get("resp_code")):
        raise BadRecord(
            f"AliExpress error {plain_json(resp.get('resp_code'))}: {resp.get('resp_msg')}"
        )
    result = resp.get("result")
    products = result.get("products") if isinstance(result, dict) else None
    if isinstance(products, dict):
        products = products.get("product")
    if products is None:
        return []  # a page past the last one, or no match: documented as no products
    if not isinstance(products, list):
        raise BadRecord("AliExpress affiliate response: result.products is not a list")
    return products


def _ds_result(response: object) -> object:
    if not isinstance(response, dict):
        raise BadRecord("AliExpress ds.product.get response is not an object")
    if not _status_ok(response.get("rsp_code")):
        raise BadRecord(
            f"AliExpress error {plain_json(response.get('rsp_code'))}: {response.get('rsp_msg')}"
        )
    return response.get("result")


def _parse_product(product: object, captured_at: datetime) -> list[Listing | Account]:
    if not isinstance(product, dict):
        raise BadRecord("product is not a JSON object")
    if "ae_item_base_info_dto" in product:
        return _ds_product(product, captured_at)
    product_id = _id(product.get("product_id"), "product_id")
    shop = _shop(product)
    price, currency, problem = _money(product, "target_sale_price", "sale_price")
    extra = _facts(product, _PRODUCT_FACTS)
    original, original_currency, _ = _money(product, "target_original_price", "original_price")
    if original is not None:
        extra["original_price"], extra["original_price_currency"] = str(original), original_currency
    sold = _count(product.get("lastest_volume"))
    if sold is not None:
        extra["sold"] = sold
    extra |= _categories(product)
    if problem:
        extra["price_problem"] = problem
    small = product.get("product_small_image_urls")
    if isinstance(small, dict):  # the documented JSON wraps the list as {"string": [...]}
        small = small.get("string")
    images = [product.get("product_main_image_url"), *_list(small)]
    listing = Listing(
        kind="listing",
        platform="aliexpress",
        external_id=product_id,
        captured_at=captured_at,
        url=f"https://www.aliexpress.com/item/{product_id}.html",
        marketplace="aliexpress.com",
        account=shop.external_id if shop else None,
        title=_str(product.get("product_title")),
        price=price,
        currency=currency,
        images=_urls(images),
        extra=extra,
    )
    return [shop, listing] if shop else [listing]


def _shop(product: Mapping[str, Any]) -> Account | None:
    if product.get("shop_id") is None:
        return None
    shop_id = _id(product.get("shop_id"), "shop_id")
    name = _str(product.get("shop_name"))
    return Account(
        platform="aliexpress",
        external_id=shop_id,
        display_name=name,
        url=_http(product.get("shop_url")),
    )


def _ds_product(result: Mapping[str, Any], captured_at: datetime) -> list[Listing | Account]:
    base = result.get("ae_item_base_info_dto")
    if not isinstance(base, dict):
        raise BadRecord("ae_item_base_info_dto is not a JSON object")
    product_id = _id(base.get("product_id"), "ae_item_base_info_dto.product_id")
    store = _ds_store(result.get("ae_store_info"))
    skus = result.get("ae_item_sku_info_dtos")
    if isinstance(skus, dict):
        skus = skus.get("ae_item_sku_info_d_t_o")
    prices = [_sku_price(sku, base.get("currency_code")) for sku in _list(skus)]
    known = sorted((p for p in prices if p is not None), key=lambda p: p[0])
    extra = _facts(base, _DS_FACTS)
    for key in ("listing_date", "updated_date"):
        if isinstance(extra.get(key), str):
            # The reference gives "yyyy-MM-dd HH:mm:ss" with no zone; kept without one.
            extra[key] = extra[key].replace(" ", "T", 1)
    for name, new in (("sales_count", "sold"), ("evaluation_count", "evaluation_count")):
        count = _count(base.get(name))
        if count is not None:
            extra[new] = count
    if known:
        extra["price_max"], extra["sku_count"] = str(known[-1][0]), len(prices)
    stock = [_count(s.get("sku_available_stock")) for s in _list(skus) if isinstance(s, dict)]
    if any(s is not None for s in stock):
        extra["stock"] = sum(s for s in stock if s is not None)
    logistics = result.get("logistics_info_dto")
    if isinstance(logistics, dict):
        extra |= _facts(logistics, {"ship_to_country": "ship_to_country"})
        extra |= _facts(logistics, {"delivery_time": "delivery_days"})
    media = result.get("ae_multimedia_info_dto")
    images = media.get("image_urls") if isinstance(media, dict) else None
    listing = Listing(
        kind="listing",
        platform="aliexpress",
        external_id=product_id,
        captured_at=captured_at,
        url=f"https://www.aliexpress.com/item/{product_id}.html",
        marketplace="aliexpress.com",
        account=store.external_id if store else None,
        title=_str(base.get("subject")),
        price=known[0][0] if known else None,
        currency=known[0][1] if known else None,
        images=_urls(images.split(";") if isinstance(images, str) else []),
        extra=extra,
    )
    return [store, listing] if store else [listing]


def _ds_store(store: object) -> Account | None:
    if not isinstance(store, dict) or store.get("store_id") is None:
        return None
    country = _str(store.get("store_country_code"))
    return Account(
        platform="aliexpress",
        external_id=_id(store.get("store_id"), "ae_store_info.store_id"),
        display_name=_str(store.get("store_name")),
        country=country if country and re.fullmatch(r"[A-Z]{2}", country) else None,
        extra=_facts(store, _STORE_FACTS),
    )


def _sku_price(sku: object, fallback_currency: object) -> tuple[Decimal, str] | None:
    if not isinstance(sku, dict):
        return None
    amount = _decimal(sku.get("offer_sale_price"))
    if amount is None:
        amount = _decimal(sku.get("sku_price"))
    currency = sku.get("currency_code") or fallback_currency
    if amount is None or not isinstance(currency, str) or not _CURRENCY.match(currency):
        return None
    return amount, currency


def _money(
    product: Mapping[str, Any], *names: str
) -> tuple[Decimal | None, str | None, str | None]:
    """The first of `names` present, with its `<name>_currency`; a price that cannot be read
    is kept as a note rather than losing the listing."""
    for name in names:
        value = product.get(name)
        if value is None or value == "":
            continue
        amount = _decimal(value)
        currency = product.get(f"{name}_currency")
        if amount is None:
            return None, None, f"{name} {plain_json(value)!r} is not a price"
        if not isinstance(currency, str) or not _CURRENCY.match(currency):
            return None, None, f"{name}_currency {currency!r} is not an ISO 4217 code"
        return amount, currency, None
    return None, None, None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def _categories(product: Mapping[str, Any]) -> dict[str, Any]:
    levels = ("first_level_category", "second_level_category")
    names = [_str(product.get(f"{level}_name")) for level in levels]
    ids = [product.get(f"{level}_id") for level in levels]
    facts: dict[str, Any] = {}
    if any(names):
        facts["categories"] = [n for n in names if n]
    if any(i is not None for i in ids):
        facts["category_ids"] = [str(plain_json(i)) for i in ids if i is not None]
    return facts


def _id(value: object, name: str) -> str:
    """Product and shop ids are 64-bit numbers; SDKs send them as numbers or strings."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        return value.strip()
    raise BadRecord(f"{name}: {plain_json(value)!r} is not a whole number")


def _count(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        return int(value)
    return None


def _facts(record: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    return {
        new: plain_json(record[old])
        for old, new in names.items()
        if record.get(old) is not None and record.get(old) != ""
    }


def _urls(values: list[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u for u in (_http(v) for v in values) if u))


def _http(value: object) -> str | None:
    if isinstance(value, str) and value.strip().startswith(("https://", "http://")):
        return value.strip()
    return None


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
