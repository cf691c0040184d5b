"""TikTok live: the Research API's video query, by keyword, hashtag, account or one
video's url, with a client key and secret.

TikTok's Research API Terms allow it for non-commercial research by approved researchers
only; brand protection on a brand's behalf is not that, so exported data imported with
`hallmark import --platform tiktok` stays the main path. The API takes a client
credentials token (`POST /v2/oauth/token/`) and answers video queries sent by POST
(`POST /v2/research/video/query/`) over the last 30 days at most per query. The safe
client sends GET only, so `fetch` refuses for now; `video_query` already builds each
query's body, ready for when it can be sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import Query, Retrying, TokenBucket
from hallmark.channels.tiktok import TiktokChannel
from hallmark.errors import FetchRefused, NotConfigured

_VIDEO_ID = re.compile(r"/video/(\d{1,24})(?:[/?#]|$)")
_USERNAME = re.compile(r"^[A-Za-z0-9._]{1,24}$")
_HASHTAG = re.compile(r"^\w{1,100}$")
_MAX_COUNT = 100  # the video query returns at most 100 a request
_WINDOW = timedelta(days=30)  # end_date at most 30 days after start_date
VIDEO_FIELDS = (
    "id,video_description,create_time,region_code,share_count,view_count,like_count,"
    "comment_count,music_id,hashtag_names,username,effect_ids,playlist_id,voice_to_text,"
    "is_stem_verified,favourites_count,video_duration,hashtag_info_list,video_mention_list,"
    "video_label"
)


class TiktokLive(TiktokChannel):
    """Would fetch Research API video queries and parse them like imported ones; refuses
    until the safe client can send POST."""

    setting: ClassVar[str] = "HALLMARK_TIKTOK_CLIENT_KEY"
    secret_setting: ClassVar[str] = "HALLMARK_TIKTOK_CLIENT_SECRET"
    terms: ClassVar[str] = (
        "TikTok Research API Terms: for non-commercial research by approved researchers "
        "only; video queries cover at most 30 days each"
    )

    def __init__(
        self,
        client_key: str | None,
        client_secret: str | None,
        *,
        api_url: str = "https://open.tiktokapis.com",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        super().__init__()
        if not client_key:
            raise NotConfigured(f"tiktok: disabled, no {self.setting}")
        if not client_secret:
            raise NotConfigured(f"tiktok: disabled, no {self.secret_setting}")
        self._key = client_key
        self._secret = client_secret
        self._api = api_url.rstrip("/")
        self._clock = clock
        # the Research API allows 1,000 requests a day per client
        self._bucket = bucket or TokenBucket(rate=1000 / 86400, burst=5)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Refused: the token and the video query are POST requests."""
        raise FetchRefused(
            "tiktok: the Research API needs POST, which the safe client does not send yet"
        )

    def video_query(
        self, query: Query, *, cursor: int | None = None, search_id: str | None = None
    ) -> tuple[str, dict[str, object]]:
        """The url and JSON body of one `POST /v2/research/video/query/` for `query` over
        the last 30 days; `cursor` and `search_id` from the previous answer for the next."""
        if query.kind == "url":
            match = _VIDEO_ID.search(urlsplit(query.value.strip()).path + "#")
            host = (urlsplit(query.value.strip()).hostname or "").casefold()
            if match is None or not (host == "tiktok.com" or host.endswith(".tiktok.com")):
                raise FetchRefused(f"{query.value!r} is not a TikTok video url (/video/<number>)")
            field, value = "video_id", match.group(1)
        elif query.kind == "seller":
            value = query.value.strip().removeprefix("@")
            if not _USERNAME.match(value):
                raise FetchRefused(
                    f"{query.value!r} is not a TikTok username (letters, digits, . and _)"
                )
            field = "username"
        elif query.value.strip().startswith("#"):
            value = query.value.strip().removeprefix("#").casefold()
            if not _HASHTAG.match(value):
                raise FetchRefused(f"{query.value!r} is not a hashtag (letters, digits, _)")
            field = "hashtag_name"
        else:
            value = query.value.strip()
            if not value:
                raise FetchRefused("tiktok: an empty keyword searches nothing")
            field = "keyword"
        end = self._clock().astimezone(UTC).date()
        body: dict[str, object] = {
            "query": {"and": [{"operation": "IN", "field_name": field, "field_values": [value]}]},
            "start_date": f"{end - _WINDOW:%Y%m%d}",
            "end_date": f"{end:%Y%m%d}",
            "max_count": max(1, min(_MAX_COUNT, query.limit)),
        }
        if cursor is not None:
            body["cursor"] = cursor
        if search_id is not None:
            body["search_id"] = search_id
        url = f"{self._api}/v2/research/video/query/?{urlencode({'fields': VIDEO_FIELDS})}"
        return url, body
