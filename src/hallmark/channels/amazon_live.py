"""Amazon live: the Selling Partner API Catalog Items 2022-04-01, searched by keyword or
read by ASIN, with a Login with Amazon refresh token.

The SP-API is for registered sellers, vendors and their developers under Amazon's Solutions
Provider agreement and data protection policy; its catalogue names no seller, so searching
by seller is refused. Imported exports stay the main path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import ClassVar
from urllib.parse import urlencode

from hallmark.channels.amazon import MARKETPLACES, AmazonChannel
from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket, page_json
from hallmark.errors import FetchRefused, NotConfigured

_ASIN = re.compile(r"/(?:dp|gp/product|gp/aw/d)/([A-Z0-9]{10})(?:[/?#]|$)")
_INCLUDED = "summaries,images,attributes,identifiers,salesRanks"
_PAGE = 20


class AmazonLive(AmazonChannel):
    """Fetches catalogue pages and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_AMAZON_REFRESH_TOKEN"
    terms: ClassVar[str] = (
        "Amazon SP-API: for registered sellers and vendors under the Solutions Provider "
        "agreement and data protection policy; searchCatalogItems is limited to 2 requests/s"
    )

    def __init__(
        self,
        refresh_token: str | None,
        client_id: str | None,
        client_secret: str | None,
        *,
        api_url: str = "https://sellingpartnerapi-na.amazon.com",
        token_url: str = "https://api.amazon.com/auth/o2/token",
        marketplace: str = "ATVPDKIKX0DER",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        for value, name in (
            (refresh_token, self.setting),
            (client_id, "HALLMARK_AMAZON_CLIENT_ID"),
            (client_secret, "HALLMARK_AMAZON_CLIENT_SECRET"),
        ):
            if not value:
                raise NotConfigured(f"amazon: disabled, no {name}")
        if marketplace not in MARKETPLACES:
            raise NotConfigured(f"amazon: {marketplace!r} is not an SP-API marketplace id")
        self._refresh = refresh_token or ""
        self._client = (client_id or "", client_secret or "")
        self._api = api_url.rstrip("/")
        self._token_url = token_url
        self._marketplace = marketplace
        self._clock = clock
        self._bucket = bucket or TokenBucket(rate=2.0, burst=2)
        self._retrying = retrying or Retrying()
        self._token: tuple[str, datetime] | None = None

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Pages of searchCatalogItems following `pagination.nextToken`, or one item."""
        if query.kind == "seller":
            raise FetchRefused("amazon: the catalogue API names no seller; search by keyword")
        common = {"marketplaceIds": self._marketplace, "includedData": _INCLUDED}
        if query.kind == "url":
            match = _ASIN.search(query.value)
            if match is None:
                raise FetchRefused(f"{query.value!r} is not an Amazon product url (/dp/<ASIN>)")
            yield self._get(
                http, f"{self._api}/catalog/2022-04-01/items/{match.group(1)}?{urlencode(common)}"
            )
            return
        params = dict(common, keywords=query.value, pageSize=str(min(_PAGE, query.limit)))
        seen = 0
        while seen < query.limit:
            page = self._get(http, f"{self._api}/catalog/2022-04-01/items?{urlencode(params)}")
            yield page
            document = page_json(page)
            items = document.get("items")
            seen += len(items) if isinstance(items, list) else 0
            pagination = document.get("pagination")
            following = pagination.get("nextToken") if isinstance(pagination, dict) else None
            if (
                not isinstance(following, str)
                or not following
                or following == params.get("pageToken")
            ):
                return
            params["pageToken"] = following

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {"x-amz-access-token": self._access_token(http), "Accept": "application/json"}
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )

    def _access_token(self, http: SafeClient) -> str:
        """A Login with Amazon access token, kept until a minute before it expires."""
        now = self._clock()
        if self._token is not None and now < self._token[1]:
            return self._token[0]
        form = urlencode(
            {
                "grant_type": "refresh_token",
                "refresh_token": self._refresh,
                "client_id": self._client[0],
                "client_secret": self._client[1],
            }
        ).encode()
        answer = self._retrying.get(
            http,
            self._token_url,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            bucket=self._bucket,
            setting=self.setting,
            content=form,
        )
        document = page_json(answer)
        token = document.get("access_token")
        if not isinstance(token, str) or not token:
            raise CredentialsRefused(
                f"amazon: no access token ({document.get('error', 'no error given')}); check "
                f"{self.setting}, HALLMARK_AMAZON_CLIENT_ID and HALLMARK_AMAZON_CLIENT_SECRET"
            )
        lifetime = document.get("expires_in")
        seconds = lifetime if isinstance(lifetime, int) else 3600
        self._token = (token, now + timedelta(seconds=max(0, seconds - 60)))
        return token
