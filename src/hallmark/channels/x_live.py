"""X live: API v2 recent search by keyword or hashtag, an account's posts, or one post by
its url, with an app-only bearer token.

The X Developer Agreement and Policy allow the API only: recent search covers the last 7
days, every read counts against the access tier's monthly post cap, and each endpoint has
a 15-minute rate limit per app (a 429 says when the window resets in `x-rate-limit-reset`,
which XRetrying honours like Retry-After); exported data (twarc2 JSON Lines) imported with
`hallmark import --platform x` stays the main path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlencode

from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import Query, Retrying, TokenBucket, page_json
from hallmark.channels.x import XChannel
from hallmark.errors import FetchRefused, NotConfigured

_STATUS_ID = re.compile(r"/status(?:es)?/(\d{1,20})(?:[/?#]|$)")
_USERNAME = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_PAGE = 100
_USER_FIELDS = "username,name,public_metrics,url,description,verified_type,entities"
_POST_FIELDS = {
    "expansions": "author_id,attachments.media_keys",
    "tweet.fields": "created_at,public_metrics,entities,attachments,author_id",
    "user.fields": _USER_FIELDS,
    "media.fields": "url,preview_image_url,type,alt_text",
}


@dataclass
class XRetrying(Retrying):
    """Retrying that also waits for `x-rate-limit-reset` (Unix seconds) on a 429, which X
    sends instead of Retry-After; a 15-minute window may need the whole wait."""

    max_delay: float = 900.0

    def _delay(self, fetched: Fetched, attempt: int) -> float:
        headers = {k.lower(): v for k, v in fetched.headers.items()}
        reset = headers.get("x-rate-limit-reset", "").strip()
        if fetched.status == 429 and "retry-after" not in headers and reset.isdigit():
            wait = int(reset) - self.clock().timestamp()
            return min(max(0.0, wait), self.max_delay)
        return super()._delay(fetched, attempt)


class XLive(XChannel):
    """Fetches API v2 responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_X_BEARER_TOKEN"
    terms: ClassVar[str] = (
        "X Developer Agreement: API data only; recent search covers the last 7 days; "
        "reads count against the tier's monthly cap and 15-minute rate limits"
    )

    def __init__(
        self,
        bearer_token: str | None,
        *,
        api_url: str = "https://api.x.com",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if not bearer_token:
            raise NotConfigured(f"x: disabled, no {self.setting}")
        self._token = bearer_token
        self._api = api_url.rstrip("/")
        # Basic tier: 60 recent searches per 15 minutes per app
        self._bucket = bucket or TokenBucket(rate=60 / 900, burst=5)
        self._retrying = retrying or XRetrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the answer, following the next token until `query.limit` posts."""
        if query.kind == "url":
            match = _STATUS_ID.search(query.value)
            if match is None:
                raise FetchRefused(f"{query.value!r} is not an X post url (/status/<number>)")
            yield self._get(
                http, f"{self._api}/2/tweets/{match.group(1)}?{urlencode(_POST_FIELDS)}"
            )
            return
        if query.kind == "keyword":
            path = f"{self._api}/2/tweets/search/recent"
            yield from self._pages(http, path, {"query": query.value}, "next_token", query.limit)
            return
        name = query.value.strip().removeprefix("@")
        if not _USERNAME.match(name):
            raise FetchRefused(f"{query.value!r} is not an X username (1-15 letters, digits, _)")
        user = self._get(
            http,
            f"{self._api}/2/users/by/username/{name}?{urlencode({'user.fields': _USER_FIELDS})}",
        )
        yield user  # the account itself: its id, followers and link in bio
        data = page_json(user).get("data")
        user_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(user_id, str) or not user_id.isdigit():
            raise FetchRefused(f"x: no account @{name} (HTTP {user.status})")
        path = f"{self._api}/2/users/{user_id}/tweets"
        yield from self._pages(http, path, {}, "pagination_token", query.limit)

    def _pages(
        self, http: SafeClient, path: str, params: dict[str, str], token_name: str, limit: int
    ) -> Iterator[Fetched]:
        # search/recent takes 10-100 a page, a user's posts 5-100
        size = str(max(10, min(_PAGE, limit)))
        token: str | None = None
        seen = 0
        while seen < limit:
            page_params = params | {"max_results": size} | _POST_FIELDS
            if token:
                page_params[token_name] = token
            page = self._get(http, f"{path}?{urlencode(page_params)}")
            yield page
            document = page_json(page)
            data = document.get("data")
            seen += len(data) if isinstance(data, list) else 0
            meta = document.get("meta")
            following = meta.get("next_token") if isinstance(meta, dict) else None
            if not isinstance(following, str) or not following or following == token:
                return
            token = following

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )
