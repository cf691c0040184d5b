"""Etsy live: the Open API v3 searched by keyword or shop, or one listing by its url.

The Etsy API Terms of Use allow the Open API with an API key, count every call against the
key's per-second and per-day limits (the Developer Portal shows them; a sliding 24-hour
window), forbid scraping etsy.com for data the API does not give, and ask applications to
say that the data comes from Etsy; exported data imported with `hallmark import --platform
etsy` stays the main path.

The key goes in the `x-api-key` header as Etsy's "Your Apps" page shows it (keystring, or
keystring:shared_secret where Etsy asks for both).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import quote, urlencode

from hallmark.channels.etsy import EtsyChannel
from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import Query, Retrying, TokenBucket, page_json
from hallmark.errors import FetchRefused, NotConfigured

_LISTING_ID = re.compile(r"/listing/(\d{1,15})(?:[/?#]|$)")
_PAGE = 100


class EtsyLive(EtsyChannel):
    """Fetches Open API v3 responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_ETSY_API_KEY"
    terms: ClassVar[str] = (
        "Etsy API Terms of Use: calls count against the key's per-second and per-day "
        "limits; only API data, no scraping of etsy.com; show that the data comes from Etsy"
    )

    def __init__(
        self,
        api_key: str | None,
        *,
        api_url: str = "https://openapi.etsy.com",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if not api_key:
            raise NotConfigured(f"etsy: disabled, no {self.setting}")
        self._api_key = api_key
        self._api = api_url.rstrip("/")
        self._bucket = bucket or TokenBucket(rate=5.0, burst=5)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the answer, by offset until `count` or `query.limit` listings."""
        base = f"{self._api}/v3/application"
        if query.kind == "url":
            match = _LISTING_ID.search(query.value)
            if match is None:
                raise FetchRefused(
                    f"{query.value!r} is not an Etsy listing url (/listing/<number>)"
                )
            yield self._get(http, f"{base}/listings/{match.group(1)}?includes=Shop")
            return
        if query.kind == "keyword":
            yield from self._pages(
                http, f"{base}/listings/active", {"keywords": query.value}, query
            )
            return
        shops = self._get(http, f"{base}/shops?{urlencode({'shop_name': query.value})}")
        yield shops  # the lookup, evidence of which shop the name resolved to
        shop_id = _shop_id(shops, query.value)
        path = f"{base}/shops/{quote(shop_id, safe='')}/listings/active"
        yield from self._pages(http, path, {}, query)

    def _pages(
        self, http: SafeClient, path: str, params: dict[str, str], query: Query
    ) -> Iterator[Fetched]:
        offset = 0
        while offset < query.limit:
            page_params = params | {
                "limit": str(min(_PAGE, query.limit - offset)),
                "offset": str(offset),
                "includes": "Shop",
            }
            page = self._get(http, f"{path}?{urlencode(page_params)}")
            yield page
            document = page_json(page)
            results = document.get("results")
            got = len(results) if isinstance(results, list) else 0
            count = document.get("count")
            offset += got
            if not got or (isinstance(count, int) and offset >= count):
                return

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {"x-api-key": self._api_key, "Accept": "application/json"}
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )


def _shop_id(page: Fetched, name: str) -> str:
    """The shop_id of the shop named exactly `name` (Etsy matches names case-insensitively)
    among the search results, or FetchRefused saying there is none."""
    results = page_json(page).get("results")
    for shop in results if isinstance(results, list) else []:
        if (
            isinstance(shop, dict)
            and isinstance(shop.get("shop_name"), str)
            and shop["shop_name"].casefold() == name.casefold()
            and isinstance(shop.get("shop_id"), int)
            and not isinstance(shop.get("shop_id"), bool)
        ):
            return str(shop["shop_id"])
    raise FetchRefused(f"etsy: no shop named {name!r} (HTTP {page.status})")
