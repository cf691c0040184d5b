"""Pinterest live: API v5 pin search by keyword, or one Pin by its url, with a bearer token.

The Pinterest Developer Guidelines allow API v5 data only. Searching all of Pinterest
(`GET /v5/search/partner/pins`) is a beta that Pinterest opens to some apps only; other
apps get 403, which names the token setting like any refused credentials. `GET /v5/pins/{id}`
answers only for Pins the token's account owns or sees on a group board, and v5 has no way
to list another account's Pins (`/v5/pins`, `/v5/boards` and `/v5/search/pins` are all
the token's own account), so a seller query is refused before any request. Exported data
imported with `hallmark import --platform pinterest` stays the main path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlencode

from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import Query, Retrying, TokenBucket, page_json
from hallmark.channels.pinterest import PinterestChannel
from hallmark.errors import FetchRefused, NotConfigured

# /pin/123/ and the newer /pin/some-title--123/
_PIN_ID = re.compile(r"/pin/(?:[^/?#]*--)?(\d{1,20})(?:[/?#]|$)")
_PAGE = 50  # search/partner/pins takes a limit of 1-50


class PinterestLive(PinterestChannel):
    """Fetches API v5 responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_PINTEREST_TOKEN"
    terms: ClassVar[str] = (
        "Pinterest Developer Guidelines: API v5 only; keyword search is a beta open to some "
        "apps only; a Pin by url only when the token's account can see it; no listing of "
        "another account's Pins"
    )

    def __init__(
        self,
        token: str | None,
        *,
        api_url: str = "https://api.pinterest.com",
        country: str = "US",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if not token:
            raise NotConfigured(f"pinterest: disabled, no {self.setting}")
        self._token = token
        self._api = api_url.rstrip("/")
        self._country = country
        self._bucket = bucket or TokenBucket(rate=5.0, burst=5)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the answer, following `bookmark` until `query.limit` Pins."""
        if query.kind == "url":
            match = _PIN_ID.search(query.value)
            if match is None:
                raise FetchRefused(f"{query.value!r} is not a Pinterest Pin url (/pin/<number>)")
            yield self._get(http, f"{self._api}/v5/pins/{match.group(1)}")
            return
        if query.kind == "seller":
            raise FetchRefused(
                "pinterest: API v5 cannot list another account's Pins (only the token's own); "
                "import exported data with `hallmark import FILE --platform pinterest`"
            )
        search = {
            "term": query.value,
            "country_code": self._country,
            "limit": str(max(1, min(_PAGE, query.limit))),
        }
        path = f"{self._api}/v5/search/partner/pins"
        bookmark: str | None = None
        seen = 0
        while seen < query.limit:
            params = search | ({"bookmark": bookmark} if bookmark else {})
            page = self._get(http, f"{path}?{urlencode(params)}")
            yield page
            document = page_json(page)
            items = document.get("items")
            got = len(items) if isinstance(items, list) else 0
            seen += got
            following = document.get("bookmark")
            if not got or not isinstance(following, str) or not following or following == bookmark:
                return
            bookmark = following

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )
