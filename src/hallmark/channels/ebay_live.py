"""eBay live: the Browse API searched by keyword or seller, or one item by its url.

The eBay API License Agreement allows the Browse API for buyers' views of listings, counts
every call against the application's daily limit (5,000 by default) and asks that data be
kept no longer than the purpose needs; exported data imported with `hallmark import
--platform ebay` stays the main path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlencode

from hallmark.channels.ebay import EbayChannel
from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import Query, Retrying, TokenBucket, page_json
from hallmark.errors import FetchRefused, NotConfigured

_LEGACY_ID = re.compile(r"/itm/(?:[^/?#]+/)?(\d{9,15})")
_PAGE = 50


class EbayLive(EbayChannel):
    """Fetches Browse API responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_EBAY_TOKEN"
    terms: ClassVar[str] = (
        "eBay API License Agreement: Browse API calls count against the daily limit "
        "(5,000 by default); keep data only as long as the purpose needs"
    )

    def __init__(
        self,
        token: str | None,
        *,
        api_url: str = "https://api.ebay.com",
        marketplace: str = "EBAY_US",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if not token:
            raise NotConfigured(f"ebay: disabled, no {self.setting}")
        self._token = token
        self._api = api_url.rstrip("/")
        self._marketplace = marketplace
        self._bucket = bucket or TokenBucket(rate=2.0, burst=2)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the answer, following `next` until `query.limit` items."""
        if query.kind == "url":
            match = _LEGACY_ID.search(query.value)
            if match is None:
                raise FetchRefused(f"{query.value!r} is not an eBay item url (/itm/<number>)")
            params = urlencode({"legacy_item_id": match.group(1)})
            yield self._get(http, f"{self._api}/buy/browse/v1/item/get_item_by_legacy_id?{params}")
            return
        search = {"limit": str(min(_PAGE, query.limit))}
        if query.kind == "keyword":
            search["q"] = query.value
        else:
            search["filter"] = f"sellers:{{{query.value}}}"
        url: str | None = f"{self._api}/buy/browse/v1/item_summary/search?{urlencode(search)}"
        seen = 0
        while url and seen < query.limit:
            page = self._get(http, url)
            yield page
            document = page_json(page)
            items = document.get("itemSummaries")
            seen += len(items) if isinstance(items, list) else 0
            following = document.get("next")
            url = following if isinstance(following, str) and following != url else None

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {
            "Authorization": f"Bearer {self._token}",
            "X-EBAY-C-MARKETPLACE-ID": self._marketplace,
            "Accept": "application/json",
        }
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )
