"""AliExpress live: the Open Platform affiliate API searched by keyword, or one product by
its url.

`aliexpress.affiliate.product.query` (keywords, `page_no` from 1, `page_size` up to 50)
and `aliexpress.affiliate.productdetail.get` (`product_ids`), both as GET on the business
gateway `https://api-sg.aliexpress.com/sync`. The affiliate API has no seller filter, so a
seller query is refused. The AliExpress Open Platform agreement counts calls against the
app's quota and lets affiliates use product data to promote AliExpress with their tracking
id; exported data imported with `hallmark import --platform aliexpress` stays the main path.

Signing (`sign_method=sha256`): every parameter but `sign`, sorted by name, written as
name then value with no separators; HMAC-SHA256 of that with the app secret as the key; the
digest in uppercase hex. `timestamp` is milliseconds since the epoch. This follows the
Open Platform's "signature algorithm" page as the official IOP Python SDK
(iop-sdk-python-20220609, `iop/base.py`, `sign()`) implements it for business APIs (system
APIs under /rest also prefix the API path, not used here). It is unverified against the
live service: no real request was signed and sent from here.

A signature or app key the gateway rejects comes back as HTTP 200 with an `error_response`
body; the codes taken as refused credentials (`_CREDENTIAL_ERRORS`) are from the reference
as best understood, also unverified.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Iterator, Mapping
from typing import ClassVar
from urllib.parse import urlencode

from hallmark.channels.aliexpress import AliexpressChannel
from hallmark.channels.fetch import Fetched, SafeClient, redact
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket, page_json
from hallmark.errors import FetchRefused, NotConfigured

_PRODUCT_ID = re.compile(r"/item/(\d{6,20})\.html")
_PAGE = 50
_QUERY = "aliexpress.affiliate.product.query"
_DETAIL = "aliexpress.affiliate.productdetail.get"
_CREDENTIAL_ERRORS = frozenset(
    {
        "IncompleteSignature",
        "InvalidSignature",
        "InvalidAppKey",
        "AppKeyNotExist",
        "InvalidApiKey",
        "isv.appkey-not-exists",
        "isv.invalid-signature",
    }
)


def sign(params: Mapping[str, str], secret: str) -> str:
    """The `sign` for sha256: HMAC-SHA256 (key = app secret) over the sorted parameter
    names and values concatenated, in uppercase hex. `sign` itself is never signed."""
    message = "".join(f"{name}{params[name]}" for name in sorted(params) if name != "sign")
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest().upper()


class AliexpressLive(AliexpressChannel):
    """Fetches affiliate API responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_ALIEXPRESS_APP_KEY"
    secret_setting: ClassVar[str] = "HALLMARK_ALIEXPRESS_APP_SECRET"
    tracking_setting: ClassVar[str] = "HALLMARK_ALIEXPRESS_TRACKING_ID"
    terms: ClassVar[str] = (
        "AliExpress Open Platform agreement: affiliate API calls count against the app's "
        "quota; product data is for promoting AliExpress under your tracking id"
    )

    def __init__(
        self,
        app_key: str | None,
        app_secret: str | None,
        tracking_id: str | None = None,
        *,
        api_url: str = "https://api-sg.aliexpress.com/sync",
        target_currency: str = "USD",
        target_language: str = "EN",
        clock: Callable[[], float] = time.time,
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if not app_key:
            raise NotConfigured(f"aliexpress: disabled, no {self.setting}")
        if not app_secret:
            raise NotConfigured(f"aliexpress: disabled, no {self.secret_setting}")
        self._app_key = app_key
        self._secret = app_secret
        self._tracking_id = tracking_id or None
        self._api = api_url.rstrip("/")
        self._currency = target_currency
        self._language = target_language
        self._clock = clock
        self._bucket = bucket or TokenBucket(rate=1.0, burst=1)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """The product for a url; otherwise each product.query page until a page holds
        fewer than `page_size` products or `query.limit` products."""
        if query.kind == "seller":
            raise FetchRefused(
                "aliexpress: the affiliate API has no seller filter; search with --query "
                "or give one product with --url"
            )
        if query.kind == "url":
            match = _PRODUCT_ID.search(query.value)
            if match is None:
                raise FetchRefused(
                    f"{query.value!r} is not an AliExpress product url (/item/<number>.html)"
                )
            page = self._call(http, _DETAIL, {"product_ids": match.group(1)})
            _refuse_error(page, first=True)
            yield page
            return
        size = max(1, min(_PAGE, query.limit))
        seen, page_no = 0, 1
        while seen < query.limit:
            params = {"keywords": query.value, "page_no": str(page_no), "page_size": str(size)}
            page = self._call(http, _QUERY, params)
            if not _refuse_error(page, first=page_no == 1):
                return  # a later page answering "no result": the search is over
            yield page
            got = _record_count(page)
            seen += got
            if got < size:
                return
            page_no += 1

    def signed(self, method: str, params: Mapping[str, str]) -> dict[str, str]:
        """Every parameter of one call, system ones included, with its `sign`."""
        full = {
            "app_key": self._app_key,
            "method": method,
            "sign_method": "sha256",
            "timestamp": str(int(self._clock() * 1000)),
            "target_currency": self._currency,
            "target_language": self._language,
            **({"tracking_id": self._tracking_id} if self._tracking_id else {}),
            **params,
        }
        return full | {"sign": sign(full, self._secret)}

    def _call(self, http: SafeClient, method: str, params: Mapping[str, str]) -> Fetched:
        url = f"{self._api}?{urlencode(self.signed(method, params))}"
        return self._retrying.get(
            http,
            url,
            headers={"Accept": "application/json"},
            bucket=self._bucket,
            setting=f"{self.setting} and {self.secret_setting}",
        )


def _refuse_error(page: Fetched, *, first: bool) -> bool:
    """Whether the page is a usable answer. A gateway `error_response` raises (refused
    credentials as CredentialsRefused naming the settings); a `resp_code` other than 200
    raises on the first page and ends the paging (False) on a later one."""
    document = page_json(page)
    error = document.get("error_response")
    if isinstance(error, dict):
        code = str(error.get("code", "?"))
        if code in _CREDENTIAL_ERRORS:
            raise CredentialsRefused(
                f"{redact(page.url)}: AliExpress error {code} (HTTP {page.status}); check "
                f"{AliexpressLive.setting} and {AliexpressLive.secret_setting}"
            )
        raise FetchRefused(f"aliexpress: AliExpress error {code}: {error.get('msg')}")
    resp = _resp_result(document)
    status = resp.get("resp_code") if resp is not None else None
    if resp is not None and str(status) != "200":
        if first:
            raise FetchRefused(f"aliexpress: AliExpress error {status}: {resp.get('resp_msg')}")
        return False
    return True


def _record_count(page: Fetched) -> int:
    """`current_record_count`, or the number of products when it is missing."""
    resp = _resp_result(page_json(page))
    result = resp.get("result") if resp is not None else None
    if not isinstance(result, dict):
        return 0
    count = result.get("current_record_count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    if isinstance(count, str) and count.isdigit():
        return int(count)
    products = result.get("products")
    if isinstance(products, dict):
        products = products.get("product")
    return len(products) if isinstance(products, list) else 0


def _resp_result(document: dict[str, object]) -> dict[str, object] | None:
    for key, value in document.items():
        if key.startswith("aliexpress_affiliate_") and isinstance(value, dict):
            resp = value.get("resp_result")
            return resp if isinstance(resp, dict) else None
    return None
