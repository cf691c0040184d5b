"""Instagram: Graph API media, hashtag media pages, business discovery, user fields and
product tags; and the web feed items that the Zeeschuimer add-on exports as NDJSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from hallmark.channels.facebook import (
    ITEM_ERRORS,
    as_dict,
    compact,
    count,
    graph_id,
    graph_time,
    hashtags_in,
    raise_graph_error,
    unique,
    urls_in,
)
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

Parsed = Listing | Account | ImportRecordError
_WEB_MEDIA_TYPES = {1: "IMAGE", 2: "VIDEO", 8: "CAROUSEL_ALBUM"}
# Only symbols that name one currency; "$" or "¥" alone could be several, so they stay text.
_SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₺": "TRY", "₱": "PHP", "₪": "ILS"}
_PRICE = re.compile(r"^\s*([A-Z]{3}|\D?)\s*([\d.,]+)\s*([A-Z]{3}|\D?)\s*$")


class InstagramChannel:
    """Instagram accounts and their posts; tagged shopping products as listings."""

    platform: ClassVar[str] = "instagram"
    formats: ClassVar[tuple[str, ...]] = (
        "IG Media",
        "IG Hashtag recent_media",
        "IG User business_discovery",
        "IG User",
        "IG Media product_tags",
        "Zeeschuimer web feed NDJSON",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        try:
            data = json.loads(payload, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":
                raise PayloadError(source, f"not JSON: {exc}") from None
            yield from _ndjson(payload, source, captured_at)
            return
        except (ValueError, UnicodeDecodeError) as exc:
            raise PayloadError(source, f"not JSON: {exc}") from None
        raise_graph_error(data, source)
        if not isinstance(data, dict):
            raise PayloadError(source, "not an Instagram Graph API response")
        if "source_platform" in data:
            yield from _web_items([(1, data)], source, captured_at)
        elif isinstance(data.get("business_discovery"), dict):
            yield from _user(data["business_discovery"], source, captured_at)
        elif isinstance(data.get("data"), list):
            yield from _page(data["data"], source, captured_at, None)
        elif "id" in data:
            yield from _single(data, source, captured_at)
        else:
            raise PayloadError(source, "not an Instagram Graph API response")


def _single(data: dict[str, Any], source: str, captured_at: datetime) -> Iterator[Parsed]:
    if "media_type" in data or "permalink" in data or "caption" in data:
        yield from _page([data], source, captured_at, None)
    else:
        yield from _user(data, source, captured_at)


def _user(user: dict[str, Any], source: str, captured_at: datetime) -> Iterator[Parsed]:
    try:
        account = _account(user)
    except ITEM_ERRORS as exc:
        raise PayloadError(source, f"business account: {exc}") from None
    # A bare id (business_discovery asked for media only) would blank a fuller stored profile.
    if user.keys() - {"id", "media"}:
        yield account
    media = user.get("media")
    if isinstance(media, dict) and isinstance(media.get("data"), list):
        yield from _page(media["data"], source, captured_at, account)


def _account(user: dict[str, Any]) -> Account:
    username = user.get("username")
    return Account(
        platform="instagram",
        external_id=graph_id(user.get("id")),
        handle=username,
        display_name=user.get("name"),
        bio=user.get("biography"),
        links=unique([user.get("website")]),
        url=f"https://www.instagram.com/{username}/" if username else None,
        extra=compact(
            {
                "followers_count": count(user.get("followers_count")),
                "follows_count": count(user.get("follows_count")),
                "media_count": count(user.get("media_count")),
                "ig_id": user.get("ig_id"),
                "profile_picture_url": user.get("profile_picture_url"),
            }
        ),
    )


def _page(
    items: list[object], source: str, captured_at: datetime, owner: Account | None
) -> Iterator[Parsed]:
    for position, item in enumerate(items, start=1):
        try:
            if not isinstance(item, dict):
                raise ValueError("an item must be a JSON object")
            if "product_id" in item:
                yield _product(item, captured_at)
            else:
                yield _media(item, captured_at, owner)
        except ITEM_ERRORS as exc:
            yield ImportRecordError(source, position, str(exc))


def _media(item: dict[str, Any], captured_at: datetime, owner: Account | None) -> Listing:
    media_id = graph_id(item.get("id"))
    caption = item.get("caption")
    children = (item.get("children") or {}).get("data") or []
    author = as_dict(item.get("owner"))
    account = owner.external_id if owner else author.get("id")
    return Listing(
        kind="post",
        platform="instagram",
        external_id=media_id,
        captured_at=captured_at,
        url=item.get("permalink"),
        marketplace="instagram.com",
        account=graph_id(account, "owner.id") if account is not None else None,
        text=caption,
        hashtags=hashtags_in(caption),
        images=unique(_picture(m) for m in [item, *children] if isinstance(m, dict)),
        links=unique(urls_in(caption)),
        extra=compact(
            {
                "username": item.get("username") or (owner.handle if owner else None),
                "media_type": item.get("media_type"),
                "media_product_type": item.get("media_product_type"),
                "timestamp": graph_time(item.get("timestamp")),
                "like_count": count(item.get("like_count")),
                "comments_count": count(item.get("comments_count")),
                "shortcode": item.get("shortcode"),
                "videos": [m["media_url"] for m in [item, *children] if _is_video(m)],
                "children": [c.get("id") for c in children if isinstance(c, dict)],
            }
        ),
    )


def _picture(media: dict[str, Any]) -> object:
    """The still picture of a media: the thumbnail of a video, else its media_url."""
    return media.get("thumbnail_url") if _is_video(media) else media.get("media_url")


def _is_video(media: object) -> bool:
    return isinstance(media, dict) and media.get("media_type") == "VIDEO" and "media_url" in media


def _product(tag: dict[str, Any], captured_at: datetime) -> Listing:
    price, currency = _price(tag.get("price_string"))
    return Listing(
        kind="listing",
        platform="instagram",
        external_id=graph_id(tag.get("product_id"), "product_id"),
        captured_at=captured_at,
        marketplace="instagram.com",
        title=tag.get("name"),
        price=price,
        currency=currency,
        images=unique([tag.get("image_url")]),
        extra=compact(
            {
                "merchant_id": graph_id(tag.get("merchant_id"), "merchant_id")
                if tag.get("merchant_id") is not None
                else None,
                "price_string": tag.get("price_string"),
                "stripped_price_string": tag.get("stripped_price_string"),
                "stripped_sale_price_string": tag.get("stripped_sale_price_string"),
                "review_status": tag.get("review_status"),
                "is_checkout": tag.get("is_checkout"),
            }
        ),
    )


def _price(text: object) -> tuple[Decimal | None, str | None]:
    """A price string like "€3.50" or "3,50 EUR" when its currency is unambiguous."""
    match = _PRICE.match(text) if isinstance(text, str) else None
    if not match:
        return None, None
    marks = [m for m in (match.group(1), match.group(3)) if m]
    currency = next((_SYMBOLS.get(m, m if len(m) == 3 else None) for m in marks), None)
    amount = match.group(2)
    if "," in amount and "." not in amount and len(amount.rsplit(",", 1)[1]) == 2:
        amount = amount.replace(",", ".")
    try:
        value = Decimal(amount.replace(",", ""))
    except InvalidOperation:
        return None, None
    return (value, currency) if currency else (None, None)


def _ndjson(payload: bytes, source: str, captured_at: datetime) -> Iterator[Parsed]:
    lines: list[tuple[int, object]] = []
    for number, raw in enumerate(payload.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            lines.append((number, json.loads(raw, parse_float=Decimal)))
        except ValueError as exc:
            lines.append((number, ValueError(f"not valid JSON: {exc}")))
    yield from _web_items(lines, source, captured_at)


def _web_items(
    lines: list[tuple[int, object]], source: str, captured_at: datetime
) -> Iterator[Parsed]:
    seen: set[str] = set()
    for number, line in lines:
        try:
            if isinstance(line, Exception):
                raise line
            node = line.get("data") if isinstance(line, dict) else None
            if not isinstance(node, dict):
                raise ValueError("data: must be the exported media object")
            account, post = _web_media(node, captured_at)
        except ITEM_ERRORS as exc:
            yield ImportRecordError(source, number, str(exc))
            continue
        if account and account.external_id not in seen:
            seen.add(account.external_id)
            yield account
        yield post


def _web_media(node: dict[str, Any], captured_at: datetime) -> tuple[Account | None, Listing]:
    user = node.get("user") if isinstance(node.get("user"), dict) else None
    account = _web_account(user) if user else None
    caption = (node.get("caption") or {}).get("text")
    code = node.get("code")
    taken_at = node.get("taken_at")
    candidates = (node.get("image_versions2") or {}).get("candidates") or []
    videos = node.get("video_versions") or []
    return account, Listing(
        kind="post",
        platform="instagram",
        external_id=graph_id(node.get("pk") or node.get("id"), "pk"),
        captured_at=captured_at,
        url=f"https://www.instagram.com/p/{code}/" if code else None,
        marketplace="instagram.com",
        account=account.external_id if account else None,
        text=caption,
        hashtags=hashtags_in(caption),
        images=unique([candidates[0].get("url")] if candidates else []),
        links=unique([*urls_in(caption), node.get("link")]),
        extra=compact(
            {
                "username": account.handle if account else None,
                "media_type": _WEB_MEDIA_TYPES.get(node["media_type"], node["media_type"])
                if isinstance(node.get("media_type"), int)
                else node.get("media_type"),
                "product_type": node.get("product_type"),
                "timestamp": datetime.fromtimestamp(taken_at, UTC).isoformat()
                if isinstance(taken_at, int)
                else None,
                "like_count": count(node.get("like_count")),
                "comments_count": count(node.get("comment_count")),
                "view_count": count(node.get("view_count") or node.get("play_count")),
                "shortcode": code,
                "videos": [v["url"] for v in videos[:1] if isinstance(v, dict) and "url" in v],
                "is_paid_partnership": node.get("is_paid_partnership"),
                "location": (node.get("location") or {}).get("name"),
            }
        ),
    )


def _web_account(user: dict[str, Any]) -> Account:
    username = user.get("username")
    return Account(
        platform="instagram",
        external_id=graph_id(user.get("pk") or user.get("id"), "user.pk"),
        handle=username,
        display_name=user.get("full_name") or None,
        url=f"https://www.instagram.com/{username}/" if username else None,
        extra=compact(
            {
                "is_verified": user.get("is_verified"),
                "is_private": user.get("is_private"),
                "profile_picture_url": user.get("profile_pic_url"),
            }
        ),
    )
