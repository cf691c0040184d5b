"""TikTok live: the Research API's video query, by keyword, hashtag, account or one
video's url, with a client key and secret.

TikTok's Research API Terms allow it for non-commercial research by approved researchers
only; brand protection on a brand's behalf is not that, so exported data imported with
`hallmark import --platform tiktok` stays the main path. The API takes a client
credentials token (`POST /v2/oauth/token/`) and answers video queries sent by POST
(`POST /v2/research/video/query/`) over the last 30 days at most per query, paged by
`cursor` and `search_id`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket, page_json
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
        self._token: tuple[str, datetime] | None = None

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the video query, following `cursor` and `search_id` while the
        answer says `has_more`, until `query.limit` videos."""
        cursor: int | None = None
        search_id: str | None = None
        seen = 0
        while seen < query.limit:
            url, body = self.video_query(query, cursor=cursor, search_id=search_id)
            headers = {
                "Authorization": f"Bearer {self._access_token(http)}",
                "Content-Type": "application/json",
            }
            page = self._retrying.get(
                http,
                url,
                headers=headers,
                bucket=self._bucket,
                setting=self.setting,
                content=json.dumps(body).encode(),
            )
            _refuse_token_error(page, self.setting)
            yield page
            data = page_json(page).get("data")
            if not isinstance(data, dict) or not data.get("has_more"):
                return
            videos = data.get("videos")
            seen += len(videos) if isinstance(videos, list) else 0
            next_cursor, next_search = data.get("cursor"), data.get("search_id")
            if not isinstance(next_cursor, int) or next_cursor == cursor:
                return
            cursor = next_cursor
            search_id = next_search if isinstance(next_search, str) else search_id

    def _access_token(self, http: SafeClient) -> str:
        """A client-credentials token, fetched once and kept until a minute before expiry."""
        now = self._clock()
        if self._token is not None and now < self._token[1]:
            return self._token[0]
        form = urlencode(
            {
                "client_key": self._key,
                "client_secret": self._secret,
                "grant_type": "client_credentials",
            }
        ).encode()
        answer = self._retrying.get(
            http,
            f"{self._api}/v2/oauth/token/",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            bucket=self._bucket,
            setting=self.setting,
            content=form,
        )
        document = page_json(answer)
        token = document.get("access_token")
        if not isinstance(token, str) or not token:
            raise CredentialsRefused(
                f"tiktok: no access token ({document.get('error', 'no error given')}); "
                f"check {self.setting} and {self.secret_setting}"
            )
        lifetime = document.get("expires_in")
        seconds = lifetime if isinstance(lifetime, int) else 3600
        self._token = (token, now + timedelta(seconds=max(0, seconds - 60)))
        return token

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


def _refuse_token_error(page: Fetched, setting: str) -> None:
    error = page_json(page).get("error")
    if isinstance(error, dict) and error.get("code") in (
        "access_token_invalid",
        "scope_not_authorized",
    ):
        raise CredentialsRefused(
            f"tiktok: {error.get('code')}: {error.get('message', '')}; check {setting}"
        )
