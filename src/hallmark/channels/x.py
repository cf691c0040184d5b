"""X API v2: post lookup, user timelines and search (with `includes` expansions), user
lookup, and twarc2's JSON Lines (one API response, or one flattened post, per line)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from hallmark.channels.canonical import plain_json
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

Parsed = Listing | Account | ImportRecordError
Record = Listing | Account
_ITEM_ERRORS = (ValueError, TypeError, AttributeError)
_HASHTAG = re.compile(r"(?<![\w&])[#＃](\w+)")
_URL = re.compile(r"https?://[^\s<>\"']+")
_ID = re.compile(r"^[0-9]{1,20}$")
_USER_KEYS = frozenset({"username", "name"})


class XChannel:
    """X posts as posts, the users in `includes.users` or a user lookup as accounts."""

    platform: ClassVar[str] = "x"
    formats: ClassVar[tuple[str, ...]] = (
        "GET /2/tweets",
        "GET /2/tweets/:id",
        "GET /2/users/:id/tweets",
        "GET /2/tweets/search/recent",
        "GET /2/users/by",
        "GET /2/users/:id",
        "twarc2 jsonl",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        documents = _documents(payload, source)
        for line, document in documents:
            if isinstance(document, ImportRecordError):
                yield document
                continue
            try:
                _raise_api_error(document, source)
            except PayloadError as exc:
                if line is None:
                    raise
                yield ImportRecordError(source, line, exc.reason)
                continue
            yield from _response(document, source, line, captured_at)


def _documents(payload: bytes, source: str) -> list[tuple[int | None, Any]]:
    """The one JSON document (line None), or each line of JSON Lines with its number."""
    try:
        return [(None, json.loads(payload, parse_float=Decimal))]
    except UnicodeDecodeError as exc:
        raise PayloadError(source, f"not JSON: {exc}") from None
    except ValueError as exc:
        lines = [(n, raw) for n, raw in enumerate(payload.splitlines(), 1) if raw.strip()]
        if len(lines) < 2:
            raise PayloadError(source, f"not JSON: {exc}") from None
    documents: list[tuple[int | None, Any]] = []
    for number, raw in lines:
        try:
            documents.append((number, json.loads(raw, parse_float=Decimal)))
        except ValueError as exc:
            error = ImportRecordError(source, number, f"not valid JSON: {exc}")
            documents.append((number, error))
    return documents


def _raise_api_error(document: object, source: str) -> None:
    """An error body: `errors` without `data`, or an RFC 7807 problem (title, status)."""
    if not isinstance(document, dict):
        raise PayloadError(source, "not an X API v2 response: a JSON object was expected")
    errors = document.get("errors")
    if "data" not in document and isinstance(errors, list) and errors:
        first = errors[0] if isinstance(errors[0], dict) else {}
        title = first.get("title") or "error"
        detail = first.get("detail") or first.get("message") or "no detail"
        raise PayloadError(source, f"X API error: {title}: {detail}")
    if "data" not in document and "title" in document and "status" in document:
        detail = document.get("detail") or "no detail"
        raise PayloadError(
            source, f"X API error {document['status']} {document['title']}: {detail}"
        )


def _response(
    document: dict[str, Any], source: str, line: int | None, captured_at: datetime
) -> Iterator[Parsed]:
    data = document.get("data")
    if data is None and "id" in document and "text" in document:
        data = document  # a twarc2 flattened post, its author inline under "author"
    if data is None:
        if "meta" in document or "includes" in document:
            return  # an empty page: result_count 0
        raise PayloadError(source, "not an X API v2 response: no data, errors or meta")
    items = data if isinstance(data, list) else [data]
    includes = _obj(document.get("includes"))
    users = _by_id(includes.get("users"))
    media = {m.get("media_key"): m for m in includes.get("media") or [] if isinstance(m, dict)}
    seen: set[str] = set()
    for user_id, user in users.items():
        try:
            yield account(user)
            seen.add(user_id)
        except _ITEM_ERRORS:
            continue  # an author we cannot read still leaves its posts readable
    for position, item in enumerate(items, start=1):
        try:
            yield from _item(item, media, captured_at, users, seen)
        except _ITEM_ERRORS as exc:
            where = f"data[{position}]: " if line is not None else ""
            yield ImportRecordError(source, line or position, f"{where}{exc}")
    for referenced in includes.get("tweets") or []:
        try:
            yield from _item(referenced, media, captured_at, users, seen)
        except _ITEM_ERRORS:
            continue  # a referenced post we cannot read costs the page nothing


def _by_id(users: object) -> dict[str, dict[str, Any]]:
    if not isinstance(users, list):
        return {}
    return {str(u["id"]): u for u in users if isinstance(u, dict) and "id" in u}


def _item(
    item: object,
    media: dict[object, dict[str, Any]],
    captured_at: datetime,
    users: dict[str, dict[str, Any]],
    seen: set[str],
) -> Iterator[Record]:
    if not isinstance(item, dict):
        raise ValueError("an item must be a JSON object")
    item_id = post_id(item.get("id"))
    if "text" not in item and _USER_KEYS & item.keys():
        if item_id not in seen:
            seen.add(item_id)
            yield account(item)
        return
    listing = post(item, users, media, captured_at)
    inline = item.get("author")  # twarc2's flattened posts carry their author inline
    if isinstance(inline, dict) and str(inline.get("id")) not in seen:
        seen.add(str(inline.get("id")))
        yield account(inline)
    if f"post:{item_id}" not in seen:
        seen.add(f"post:{item_id}")
        yield listing


def post_id(value: object, field: str = "id") -> str:
    """An X id as an exact string of digits; ValueError otherwise."""
    if value is None:
        raise ValueError(f"{field}: required field is missing")
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not _ID.match(text):
        raise ValueError(f"{field}: {value!r} is not an X id")
    return text


def post(
    item: dict[str, Any],
    users: dict[str, dict[str, Any]],
    media: dict[object, dict[str, Any]],
    captured_at: datetime,
) -> Listing:
    item_id = post_id(item.get("id"))
    note = _obj(item.get("note_tweet"))
    text = note.get("text") or item.get("text")
    if not isinstance(text, str):
        raise ValueError("text: required field is missing")
    entities = _obj(note.get("entities") or item.get("entities"))
    author_id = post_id(item["author_id"], "author_id") if "author_id" in item else None
    author = users.get(author_id or "") or item.get("author") or {}
    username = author.get("username") if isinstance(author, dict) else None
    attached = [media[k] for k in _media_keys(item) if k in media]
    return Listing(
        kind="post",
        platform="x",
        external_id=item_id,
        captured_at=captured_at,
        url=f"https://x.com/{username or 'i/web'}/status/{item_id}",
        marketplace="x.com",
        account=author_id,
        text=text,
        hashtags=_unique(t.get("tag") for t in entities.get("hashtags") or [])
        or _unique(_HASHTAG.findall(text)),
        images=_unique(m.get("url") or m.get("preview_image_url") for m in attached),
        links=_links(entities, text),
        extra=_post_facts(item, entities, attached),
    )


def _obj(value: object) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one, for optional sub-objects."""
    return value if isinstance(value, dict) else {}


def _media_keys(item: dict[str, Any]) -> list[object]:
    attachments = item.get("attachments")
    return list(attachments.get("media_keys") or []) if isinstance(attachments, dict) else []


def _links(entities: dict[str, Any], text: str) -> tuple[str, ...]:
    """Outbound links: each t.co link's target, leaving out links to the post's own media."""
    urls = [u for u in entities.get("urls") or [] if isinstance(u, dict)]
    if not urls:
        return _unique(url.rstrip(".,;:!?)") for url in _URL.findall(text))
    return _unique(
        u.get("unwound_url") or u.get("expanded_url") or u.get("url")
        for u in urls
        if "media_key" not in u
    )


def _post_facts(
    item: dict[str, Any], entities: dict[str, Any], attached: list[dict[str, Any]]
) -> dict[str, Any]:
    metrics = _obj(item.get("public_metrics"))
    contexts = item.get("context_annotations") or []
    return _compact(
        {
            "created_at": item.get("created_at"),
            "lang": item.get("lang"),
            "conversation_id": item.get("conversation_id"),
            "in_reply_to_user_id": item.get("in_reply_to_user_id"),
            "referenced_tweets": item.get("referenced_tweets"),
            "edit_history_tweet_ids": item.get("edit_history_tweet_ids"),
            "possibly_sensitive": item.get("possibly_sensitive"),
            "source": item.get("source"),
            "views": metrics.get("impression_count"),
            "likes": metrics.get("like_count"),
            "reposts": metrics.get("retweet_count"),
            "replies": metrics.get("reply_count"),
            "quotes": metrics.get("quote_count"),
            "bookmarks": metrics.get("bookmark_count"),
            "mentions": list(_unique(m.get("username") for m in entities.get("mentions") or [])),
            "cashtags": list(_unique(c.get("tag") for c in entities.get("cashtags") or [])),
            "context": list(_unique(_context_name(c) for c in contexts)),
            "media": [_media_facts(m) for m in attached],
            "place_id": (item.get("geo") or {}).get("place_id"),
            "withheld": item.get("withheld"),
        }
    )


def _context_name(annotation: object) -> str | None:
    """ "Brand: Twitter" from a context annotation, naming its domain and entity."""
    if not isinstance(annotation, dict):
        return None
    domain = (annotation.get("domain") or {}).get("name")
    entity = (annotation.get("entity") or {}).get("name")
    return f"{domain}: {entity}" if domain and entity else None


def _media_facts(media: dict[str, Any]) -> dict[str, Any]:
    metrics = media.get("public_metrics") or {}
    return _compact(
        {
            "media_key": media.get("media_key"),
            "type": media.get("type"),
            "alt_text": media.get("alt_text"),
            "views": metrics.get("view_count"),
        }
    )


def account(user: dict[str, Any]) -> Account:
    user_id = post_id(user.get("id"))
    username = user.get("username")
    entities = _obj(user.get("entities"))
    profile_urls = (entities.get("url") or {}).get("urls") or []
    bio_urls = (entities.get("description") or {}).get("urls") or []
    metrics = _obj(user.get("public_metrics"))
    return Account(
        platform="x",
        external_id=user_id,
        handle=username,
        display_name=user.get("name"),
        status="protected" if user.get("protected") else None,
        bio=user.get("description"),
        links=_unique(u.get("expanded_url") or u.get("url") for u in [*profile_urls, *bio_urls]),
        url=f"https://x.com/{username}" if username else f"https://x.com/i/user/{user_id}",
        extra=_compact(
            {
                "followers": metrics.get("followers_count"),
                "following": metrics.get("following_count"),
                "posts": metrics.get("tweet_count"),
                "listed": metrics.get("listed_count"),
                "likes": metrics.get("like_count"),
                "verified": user.get("verified"),
                "verified_type": user.get("verified_type"),
                "created_at": user.get("created_at"),
                "location": user.get("location"),
                "profile_image_url": user.get("profile_image_url"),
                "pinned_tweet_id": user.get("pinned_tweet_id"),
                "withheld": user.get("withheld"),
            }
        ),
    )


def _unique(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Only the facts the payload gave, as plain JSON."""
    return {k: plain_json(v) for k, v in values.items() if v is not None and v != []}
