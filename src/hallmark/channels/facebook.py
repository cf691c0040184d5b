"""Facebook Graph API: page search results, a single Page, and a Page's posts feed.

The Graph API helpers here (error bodies, ids, times, text entities) are shared with the
Instagram channel, which is served by the same Graph API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar
from urllib.parse import urlsplit

from hallmark.channels.canonical import plain_json
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

Parsed = Listing | Account | ImportRecordError
ITEM_ERRORS = (ValueError, TypeError, AttributeError)
_HASHTAG = re.compile(r"#(\w+)")
_URL = re.compile(r"https?://[^\s<>\"']+")
_POST_KEYS = frozenset({"message", "created_time", "permalink_url", "attachments", "story"})
_REACTIONS = ("like", "love", "wow", "haha", "sad", "angry")


def load_json(payload: bytes, source: str) -> Any:
    """The payload as JSON, numbers as Decimal so prices and long ids stay exact."""
    try:
        return json.loads(payload, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PayloadError(source, f"not JSON: {exc}") from None


def raise_graph_error(data: object, source: str) -> None:
    """A Graph API error body (`{"error": {...}}`) as a PayloadError."""
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        error = data["error"]
        code = error.get("code", "?")
        kind = f" ({error['type']})" if error.get("type") else ""
        message = error.get("message") or "no message"
        raise PayloadError(source, f"Graph API error {code}{kind}: {message}")


def graph_id(value: object, field: str = "id") -> str:
    """A Graph node id as an exact string; ValueError when absent or not an id."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{field}: required field is missing")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError(f"{field}: {value!r} is not an id")


def graph_time(value: object) -> str | None:
    """Graph times ("2021-07-09T19:09:52+0000") as ISO 8601 strings with a colon offset."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z").isoformat()
    except ValueError:
        return value


def as_dict(value: object) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one: optional objects stay optional."""
    return value if isinstance(value, dict) else {}


def hashtags_in(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_HASHTAG.findall(text or "")))


def urls_in(text: str | None) -> list[str]:
    return [url.rstrip(".,;:!?)") for url in _URL.findall(text or "")]


def unique(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def count(value: object) -> int | None:
    """A count field, or the `summary.total_count` of an edge."""
    if isinstance(value, dict):
        value = value.get("summary", value).get("total_count", value.get("count"))
    if isinstance(value, bool):
        return None
    return int(value) if isinstance(value, (int, Decimal)) else None


def compact(values: dict[str, Any]) -> dict[str, Any]:
    """Only the facts the payload gave, as plain JSON."""
    return {k: plain_json(v) for k, v in values.items() if v is not None and v != []}


class FacebookChannel:
    """Facebook Pages as accounts and their feed posts as posts."""

    platform: ClassVar[str] = "facebook"
    formats: ClassVar[tuple[str, ...]] = ("pages/search", "page", "page/feed", "post")

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        data = load_json(payload, source)
        raise_graph_error(data, source)
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            items: list[object] = data["data"]
        elif isinstance(data, dict) and "id" in data:
            items = [data]
        else:
            raise PayloadError(source, "not a Facebook Graph API page, search or feed response")
        authors: set[str] = set()
        for position, item in enumerate(items, start=1):
            try:
                records = _node(item, captured_at)
            except ITEM_ERRORS as exc:
                yield ImportRecordError(source, position, str(exc))
                continue
            for record in records:
                # A post's author comes with every post; say it once per payload.
                if isinstance(record, Account) and isinstance(records[-1], Listing):
                    if record.external_id in authors:
                        continue
                    authors.add(record.external_id)
                yield record


def _node(item: object, captured_at: datetime) -> list[Listing | Account]:
    if not isinstance(item, dict):
        raise ValueError("an item must be a JSON object")
    if _POST_KEYS & item.keys():
        return _post(item, captured_at)
    return [page_account(item)]


def page_account(page: dict[str, Any]) -> Account:
    page_id = graph_id(page.get("id"))
    location = as_dict(page.get("location"))
    address = ", ".join(
        str(location[k]) for k in ("street", "city", "state", "zip") if location.get(k)
    )
    categories = page.get("category_list") or []
    return Account(
        platform="facebook",
        external_id=page_id,
        handle=page.get("username"),
        display_name=page.get("name"),
        address=address or None,
        country=location.get("country"),
        bio=page.get("about") or page.get("description"),
        links=unique([page.get("website")]),
        contacts=unique([page.get("phone"), *(page.get("emails") or [])]),
        url=page.get("link") or f"https://www.facebook.com/{page_id}",
        extra=compact(
            {
                "fan_count": count(page.get("fan_count")),
                "followers_count": count(page.get("followers_count")),
                "checkins": count(page.get("checkins")),
                "were_here_count": count(page.get("were_here_count")),
                "talking_about_count": count(page.get("talking_about_count")),
                "verification_status": page.get("verification_status"),
                "category": page.get("category"),
                "categories": [c.get("name") for c in categories if isinstance(c, dict)],
                "founded": page.get("founded"),
                "global_brand_root_id": page.get("global_brand_root_id"),
                "picture": (page.get("picture") or {}).get("data", {}).get("url"),
            }
        ),
    )


def _post(post: dict[str, Any], captured_at: datetime) -> list[Listing | Account]:
    post_id = graph_id(post.get("id"))
    author = as_dict(post.get("from"))
    # A page post id is "{page-id}_{post-id}", so the page is known even without `from`.
    account = graph_id(author.get("id"), "from.id") if author else post_id.partition("_")[0]
    attachments = _attachments(post.get("attachments"))
    text = post.get("message") or post.get("story")
    outbound = [a.get("unshimmed_url") or a.get("url") for a in attachments]
    listing = Listing(
        kind="post",
        platform="facebook",
        external_id=post_id,
        captured_at=captured_at,
        url=post.get("permalink_url"),
        marketplace="facebook.com",
        account=account if account != post_id else None,
        text=text,
        hashtags=hashtags_in(text),
        images=unique([post.get("full_picture"), *(_image(a) for a in attachments)]),
        links=unique(u for u in [*urls_in(text), *outbound] if not _on_facebook(u)),
        extra=compact(
            {
                "created_time": graph_time(post.get("created_time")),
                "updated_time": graph_time(post.get("updated_time")),
                "status_type": post.get("status_type"),
                "shares": count(post.get("shares")),
                "comments": count(post.get("comments")),
                "reactions": count(post.get("reactions")),
                **{r: count(post.get(r)) for r in _REACTIONS},
                "mentions": [_mention(t) for t in post.get("message_tags") or []],
                "attachments": [_attachment_facts(a) for a in attachments],
            }
        ),
    )
    return [page_account(author), listing] if author and author.get("name") else [listing]


def _attachments(edge: object) -> list[dict[str, Any]]:
    """Attachments and their subattachments, flattened."""
    found: list[dict[str, Any]] = []
    for item in (edge or {}).get("data", []) if isinstance(edge, dict) else []:
        if isinstance(item, dict):
            found.append(item)
            found.extend(_attachments(item.get("subattachments")))
    return found


def _image(attachment: dict[str, Any]) -> object:
    return ((attachment.get("media") or {}).get("image") or {}).get("src")


def _on_facebook(url: object) -> bool:
    host = urlsplit(url).hostname or "" if isinstance(url, str) else ""
    return host == "facebook.com" or host.endswith(".facebook.com")


def _mention(tag: dict[str, Any]) -> dict[str, Any]:
    return compact({"id": tag.get("id"), "name": tag.get("name"), "type": tag.get("type")})


def _attachment_facts(attachment: dict[str, Any]) -> dict[str, Any]:
    return compact(
        {
            "type": attachment.get("type"),
            "title": attachment.get("title"),
            "url": attachment.get("unshimmed_url") or attachment.get("url"),
        }
    )
