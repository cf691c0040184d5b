"""TikTok Research API (video query and the user video lists, user info, followers and
following, video comments) and TikTok's web item JSON (`/api/.../item_list/` responses
and Zeeschuimer's NDJSON export of them).

Accounts are keyed by username: the Research API names users only by username ("the
unique identifier" in its reference), so web items are keyed the same way for records
from both to meet; the web API's numeric user id is kept in `extra`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from hallmark.channels.canonical import plain_json
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

Parsed = Listing | Account | ImportRecordError
Record = Listing | Account
Reader = Callable[[dict[str, Any], datetime], list[Record]]
_ITEM_ERRORS = (ValueError, TypeError, AttributeError, OverflowError, OSError)
_HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
_URL = re.compile(r"https?://[^\s<>\"']+")
_ID = re.compile(r"^[0-9]{1,24}$")
_USER_INFO_KEYS = frozenset({"display_name", "follower_count", "bio_description", "open_id"})
_USER_LISTS = ("user_followers", "user_following")
_VIDEO_KEPT = (
    "region_code",
    "effect_ids",
    "voice_to_text",
    "video_label",
    "video_tag",
    "is_stem_verified",
)


class TiktokChannel:
    """TikTok videos and comments as posts, their creators as accounts.

    A Research API user info response does not repeat the username it was asked for;
    give it as `username` (the fetcher knows it) or the response cannot be keyed.
    """

    platform: ClassVar[str] = "tiktok"
    formats: ClassVar[tuple[str, ...]] = (
        "POST /v2/research/video/query/",
        "POST /v2/research/user/info/",
        "POST /v2/research/user/followers/",
        "POST /v2/research/video/comment/list/",
        "web item_list",
        "Zeeschuimer ndjson",
    )

    def __init__(self, username: str | None = None) -> None:
        self.username = username

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        seen: set[tuple[str, str]] = set()  # pages can repeat a video, NDJSON its author
        for line, document in _documents(payload, source):
            for record in self._records(document, source, line, captured_at):
                if isinstance(record, ImportRecordError):
                    yield record
                elif (key := (type(record).__name__, record.external_id)) not in seen:
                    seen.add(key)
                    yield record

    def _records(
        self, document: object, source: str, line: int | None, at: datetime
    ) -> list[Parsed]:
        """One document's records; on an NDJSON line, its errors name the line."""
        if isinstance(document, ImportRecordError):
            return [document]
        if line is None:
            return list(self._document(document, source, at))
        try:
            records = list(self._document(document, source, at))
        except PayloadError as exc:
            return [ImportRecordError(source, line, exc.reason)]
        return [
            ImportRecordError(source, line, r.reason) if isinstance(r, ImportRecordError) else r
            for r in records
        ]

    def _document(self, document: object, source: str, at: datetime) -> Iterator[Parsed]:
        if not isinstance(document, dict):
            raise PayloadError(source, "not a TikTok response: a JSON object was expected")
        _raise_api_error(document, source)
        data = document.get("data")
        if "itemList" in document or "item_list" in document:
            items = document.get("itemList") or document.get("item_list") or []
            yield from _each(items, source, _web_item, at)
        elif isinstance(data, dict) and {"author", "createTime"} & data.keys():
            yield from _each([data], source, _web_item, at)  # one Zeeschuimer line
        elif {"author", "createTime"} <= document.keys():
            yield from _each([document], source, _web_item, at)
        elif isinstance(data, dict) and "videos" in data:
            yield from _each(data["videos"] or [], source, _video, at)
        elif isinstance(data, dict) and "comments" in data:
            yield from _each(data["comments"] or [], source, _comment, at)
        elif isinstance(data, dict) and any(k in data for k in _USER_LISTS):
            users = next(data[k] for k in _USER_LISTS if k in data) or []
            yield from _each(users, source, lambda user, _: [_user(user, None)], at)
        elif isinstance(data, dict) and _USER_INFO_KEYS & data.keys():
            yield from _each([data], source, lambda user, _: [_user(user, self.username)], at)
        else:
            raise PayloadError(source, "not a TikTok Research API or web item response")


def _documents(payload: bytes, source: str) -> list[tuple[int | None, Any]]:
    """The one JSON document (line None), or each line of NDJSON with its number."""
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


def _raise_api_error(document: dict[str, Any], source: str) -> None:
    """Research API `error.code` other than "ok", or a web API `statusCode` other than 0."""
    error = document.get("error")
    if isinstance(error, dict) and error.get("code") not in (None, "ok"):
        message = error.get("message") or "no message"
        raise PayloadError(source, f"TikTok error {error['code']}: {message}")
    status = document.get("statusCode", document.get("status_code"))
    if isinstance(status, int) and not isinstance(status, bool) and status != 0:
        message = document.get("statusMsg") or document.get("status_msg") or "no message"
        raise PayloadError(source, f"TikTok web error {status}: {message}")


def _each(items: object, source: str, read: Reader, at: datetime) -> Iterator[Parsed]:
    if not isinstance(items, list):
        raise PayloadError(source, "not a TikTok response: the item list is not a list")
    for position, item in enumerate(items, start=1):
        try:
            if not isinstance(item, dict):
                raise ValueError("an item must be a JSON object")
            records = read(item, at)
        except _ITEM_ERRORS as exc:
            yield ImportRecordError(source, position, str(exc))
            continue
        yield from records


def _id(value: object, field: str) -> str:
    """A TikTok id (a JSON integer in the Research API, a string on the web) exactly."""
    if value is None:
        raise ValueError(f"{field}: required field is missing")
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not _ID.match(text):
        raise ValueError(f"{field}: {value!r} is not a TikTok id")
    return text


def _time(value: object) -> str | None:
    """A Unix time in seconds as an ISO 8601 UTC string."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise ValueError(f"create_time: {value!r} is not a Unix time")
    return datetime.fromtimestamp(int(value), UTC).isoformat()


def _video_url(username: str | None, video_id: str) -> str | None:
    return f"https://www.tiktok.com/@{username}/video/{video_id}" if username else None


def _post(post_id: str, account: object, text: object, at: datetime, **fields: Any) -> list[Record]:
    """A video or comment as a post; hashtags from the text when the payload lists none."""
    handle = account if isinstance(account, str) and account else None
    body = text if isinstance(text, str) else None
    hashtags = _unique(fields.pop("hashtags", ())) or _unique(_HASHTAG.findall(body or ""))
    return [
        Listing(
            kind="post",
            platform="tiktok",
            external_id=post_id,
            captured_at=at,
            url=fields.pop("url", _video_url(handle, post_id)),
            marketplace="tiktok.com",
            account=handle,
            text=body,
            hashtags=hashtags,
            images=_unique(fields.pop("images", ())),
            links=_links(body),
            extra=_compact(fields),
        )
    ]


def _video(video: dict[str, Any], at: datetime) -> list[Record]:
    tags = video.get("hashtag_names") or [
        h.get("hashtag_name") for h in video.get("hashtag_info_list") or []
    ]
    return _post(
        _id(video.get("id", video.get("video_id")), "id"),
        video.get("username"),
        video.get("video_description"),
        at,
        hashtags=tags,
        created_at=_time(video.get("create_time")),
        views=video.get("view_count"),
        likes=video.get("like_count"),
        comments=video.get("comment_count"),
        shares=video.get("share_count"),
        favourites=video.get("favourites_count"),
        duration=video.get("video_duration"),
        music_id=_optional_id(video.get("music_id")),
        playlist_id=_optional_id(video.get("playlist_id")),
        mentions=video.get("video_mention_list"),
        **{key: video.get(key) for key in _VIDEO_KEPT},
    )


def _comment(comment: dict[str, Any], at: datetime) -> list[Record]:
    return _post(
        _id(comment.get("id"), "id"),
        comment.get("username"),
        comment.get("text"),
        at,
        url=None,
        comment_on=_optional_id(comment.get("video_id")),
        reply_to=_optional_id(comment.get("parent_comment_id")),
        created_at=_time(comment.get("create_time")),
        likes=comment.get("like_count"),
        replies=comment.get("reply_count"),
    )


def _user(user: dict[str, Any], username: str | None) -> Account:
    handle = user.get("username") or username
    if not isinstance(handle, str) or not handle:
        raise ValueError(
            "username: the response does not name the user; give the username it was asked for"
        )
    return Account(
        platform="tiktok",
        external_id=handle,
        handle=handle,
        display_name=user.get("display_name"),
        bio=user.get("bio_description"),
        links=_unique([user.get("bio_url")]),
        url=f"https://www.tiktok.com/@{handle}",
        extra=_compact(
            {
                "open_id": user.get("open_id"),
                "verified": user.get("is_verified"),
                "private": user.get("is_private"),
                "followers": user.get("follower_count"),
                "following": user.get("following_count"),
                "likes": user.get("likes_count"),
                "videos": user.get("video_count"),
                "avatar_url": user.get("avatar_url"),
            }
        ),
    )


def _web_item(item: dict[str, Any], at: datetime) -> list[Record]:
    author = _obj(item.get("author"))
    stats = _obj(item.get("stats"))
    extras = item.get("textExtra") or []
    video = _post(
        _id(item.get("id"), "id"),
        author.get("uniqueId"),
        item.get("desc"),
        at,
        hashtags=[t.get("hashtagName") for t in extras]
        or [c.get("title") for c in item.get("challenges") or []],
        images=[_obj(item.get("video")).get("cover"), *_photo_mode(item)],
        created_at=_time(item.get("createTime")),
        views=stats.get("playCount"),
        likes=stats.get("diggCount"),
        comments=stats.get("commentCount"),
        shares=stats.get("shareCount"),
        favourites=stats.get("collectCount"),
        duration=_obj(item.get("video")).get("duration"),
        music=_obj(item.get("music")).get("title"),
        language=item.get("textLanguage"),
        location_created=item.get("locationCreated"),
        is_ad=item.get("isAd"),
        mentions=list(_unique(t.get("userUniqueId") for t in extras)),
    )
    if not author.get("uniqueId"):
        return video
    return [_web_author(author, _obj(item.get("authorStats"))), *video]


def _photo_mode(item: dict[str, Any]) -> list[object]:
    images = _obj(item.get("imagePost")).get("images") or []
    return [(_obj(_obj(i).get("imageURL")).get("urlList") or [None])[0] for i in images]


def _web_author(author: dict[str, Any], stats: dict[str, Any]) -> Account:
    handle = author["uniqueId"]
    return Account(
        platform="tiktok",
        external_id=handle,
        handle=handle,
        display_name=author.get("nickname"),
        bio=author.get("signature"),
        links=_unique([_obj(author.get("bioLink")).get("link")]),
        url=f"https://www.tiktok.com/@{handle}",
        extra=_compact(
            {
                "user_id": _optional_id(author.get("id")),
                "sec_uid": author.get("secUid"),
                "verified": author.get("verified"),
                "private": author.get("privateAccount"),
                "followers": stats.get("followerCount"),
                "following": stats.get("followingCount"),
                "likes": stats.get("heartCount", stats.get("heart")),
                "videos": stats.get("videoCount"),
                "avatar_url": author.get("avatarLarger"),
            }
        ),
    )


def _optional_id(value: object) -> str | None:
    return None if value is None or value == "" else _id(value, "id")


def _links(text: object) -> tuple[str, ...]:
    found = _URL.findall(text) if isinstance(text, str) else []
    return _unique(url.rstrip(".,;:!?)") for url in found)


def _obj(value: object) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one, for optional sub-objects."""
    return value if isinstance(value, dict) else {}


def _unique(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    """Only the facts the payload gave, as plain JSON."""
    return {k: plain_json(v) for k, v in values.items() if v is not None and v != []}
