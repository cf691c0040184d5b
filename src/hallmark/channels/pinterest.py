"""Pinterest API v5: a pins list (`{items, bookmark}`) and a single Pin.

No captured v5 response is public; the format follows the v5 OpenAPI description
(pinterest/api-description, `v5/openapi.json`, schemas `Pin`, `PinMedia*`, `BoardOwner`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from hallmark.channels.canonical import plain_json
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

Parsed = Listing | Account | ImportRecordError
_HASHTAG = re.compile(r"#(\w+)")
# Largest first: a Pin's image sizes as the v5 `PinMediaWithImage.images` names them.
_SIZES = ("originals", "1200x", "600x", "400x300", "150x150")
_PIN_KEYS = frozenset({"media", "board_id", "board_owner", "created_at", "link", "title"})


class PinterestChannel:
    """Pins as posts; the board owner each names as an account."""

    platform: ClassVar[str] = "pinterest"
    formats: ClassVar[tuple[str, ...]] = ("pins list", "pin")

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        try:
            data = json.loads(payload, parse_float=Decimal)
        except (ValueError, UnicodeDecodeError) as exc:
            raise PayloadError(source, f"not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise PayloadError(source, "not a Pinterest API v5 response")
        if "code" in data and "message" in data and "id" not in data:
            raise PayloadError(source, f"Pinterest API error {data['code']}: {data['message']}")
        if isinstance(data.get("items"), list):
            items: list[object] = data["items"]
        elif "id" in data and _PIN_KEYS & data.keys():
            items = [data]
        else:
            raise PayloadError(source, "not a Pinterest API v5 pins list or Pin")
        owners: set[str] = set()
        for position, item in enumerate(items, start=1):
            try:
                account, pin = _pin(item, captured_at)
            except (ValueError, TypeError, AttributeError) as exc:
                yield ImportRecordError(source, position, str(exc))
                continue
            if account and account.external_id not in owners:
                owners.add(account.external_id)
                yield account
            yield pin


def _pin(item: object, captured_at: datetime) -> tuple[Account | None, Listing]:
    if not isinstance(item, dict):
        raise ValueError("a Pin must be a JSON object")
    pin_id = _pin_id(item.get("id"))
    owner = _owner(item.get("board_owner"))
    description = item.get("description")
    media: dict[str, Any] = item["media"] if isinstance(item.get("media"), dict) else {}
    return owner, Listing(
        kind="post",
        platform="pinterest",
        external_id=pin_id,
        captured_at=captured_at,
        url=f"https://www.pinterest.com/pin/{pin_id}/",
        marketplace="pinterest.com",
        account=owner.external_id if owner else None,
        title=item.get("title") or None,
        text=description or None,
        hashtags=tuple(dict.fromkeys(_HASHTAG.findall(description or ""))),
        images=tuple(dict.fromkeys(_images(media))),
        links=(item["link"],) if isinstance(item.get("link"), str) and item["link"] else (),
        extra=_facts(item, media),
    )


def _pin_id(value: object) -> str:
    # v5 gives Pin ids as digit strings (pattern ^\d+$); anything else is not a Pin id.
    if isinstance(value, str) and value.strip().isdigit():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None:
        raise ValueError("id: required field is missing")
    raise ValueError(f"id: {value!r} is not a Pin id")


def _owner(value: object) -> Account | None:
    """Pinterest v5 names a board owner only by username, so that is the account key."""
    if not isinstance(value, dict) or not value.get("username"):
        return None
    username = str(value["username"])
    return Account(
        platform="pinterest",
        external_id=username,
        handle=username,
        url=f"https://www.pinterest.com/{username}/",
    )


def _images(media: dict[str, Any]) -> Iterator[str]:
    if isinstance(media.get("images"), dict):
        yield from _largest(media["images"])
    if isinstance(media.get("cover_image_url"), str):
        yield media["cover_image_url"]
    for part in media.get("items") or []:
        if isinstance(part, dict):
            yield from _images(part)


def _largest(images: dict[str, Any]) -> Iterator[str]:
    for size in _SIZES:
        found = images.get(size)
        if isinstance(found, dict) and isinstance(found.get("url"), str):
            yield found["url"]
            return


def _facts(item: dict[str, Any], media: dict[str, Any]) -> dict[str, Any]:
    facts = {
        "created_at": item.get("created_at"),
        "board_id": item.get("board_id"),
        "board_section_id": item.get("board_section_id"),
        "parent_pin_id": item.get("parent_pin_id"),
        "media_type": media.get("media_type"),
        "creative_type": item.get("creative_type"),
        "alt_text": item.get("alt_text"),
        "note": item.get("note"),
        "dominant_color": item.get("dominant_color"),
        "is_product": item.get("is_product"),
        "is_standard": item.get("is_standard"),
        "is_owner": item.get("is_owner"),
        "has_been_promoted": item.get("has_been_promoted"),
        "pin_metrics": item.get("pin_metrics"),
        "videos": [
            v["video_url"]
            for v in [media, *(media.get("items") or [])]
            if isinstance(v, dict) and isinstance(v.get("video_url"), str)
        ],
    }
    return {k: plain_json(v) for k, v in facts.items() if v is not None and v != []}
