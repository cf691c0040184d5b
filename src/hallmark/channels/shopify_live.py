"""Shopify live: one store's public storefront catalogue, or one product by its url.

Every Shopify store serves its catalogue as JSON without credentials: `/products.json`
(`limit` up to 250, `page` from 1; an empty `products` list is past the last page) and
`/products/<handle>.js` for one product. There is no search across stores, so a keyword
query is refused: name the store with `--seller DOMAIN`. The store's robots.txt is read
before anything else and obeyed, and requests are spaced one a second, because a store is a
merchant's own site rather than an API with published limits. Shopify's API Terms cover the
Admin and Storefront APIs, not this public JSON; the store's own terms of service apply.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from hallmark.channels.fetch import Fetched, SafeClient, redact
from hallmark.channels.live import CredentialsRefused, Query, Retrying, TokenBucket
from hallmark.channels.shopify import ShopifyChannel, store_domain
from hallmark.errors import FetchRefused

_HANDLE = re.compile(r"/products/([^/?#]+?)(?:\.json|\.js|\.oembed)?/?$")
_PAGE = 250


class ShopifyLive(ShopifyChannel):
    """Fetches one store's storefront product JSON and parses it like imported files."""

    setting: ClassVar[str] = ""
    """None: the storefront's product JSON is public."""

    terms: ClassVar[str] = (
        "Shopify storefront product JSON: public, one store at a time, no cross-store search; "
        "the store's robots.txt is obeyed and requests are spaced one a second; the store's "
        "own terms of service apply"
    )

    def __init__(
        self,
        *,
        scheme: str = "https",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if scheme not in ("http", "https"):
            raise ValueError(f"shopify: scheme must be http or https, not {scheme!r}")
        self._scheme = scheme
        self._bucket = bucket or TokenBucket(rate=1.0, burst=1)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """The product's .js for a url; otherwise each `/products.json` page of the store
        until an empty `products` list or `query.limit` products."""
        if query.kind == "keyword":
            raise FetchRefused(
                "shopify: search one store with --seller DOMAIN; there is no cross-store search"
            )
        if query.kind == "url":
            store, handle = self._product(query.value)
            yield self._get(http, f"{self._scheme}://{store}/products/{handle}.js")
            return
        store = self._store(query.value)
        size = max(1, min(_PAGE, query.limit))
        seen, page_no = 0, 1
        while seen < query.limit:
            params = urlencode({"limit": str(size), "page": str(page_no)})
            page = self._get(http, f"{self._scheme}://{store}/products.json?{params}")
            yield page
            got = _count(page)
            if not got:
                return
            seen += got
            page_no += 1

    def _store(self, value: str) -> str:
        """The store's host (and port, when one is given) from a domain or a store url."""
        text = value.strip()
        netloc = urlsplit(text if "://" in text else f"//{text}").netloc.lower()
        if not netloc or store_domain(f"{self._scheme}://{netloc}") is None:
            raise FetchRefused(f"shopify: {value!r} is not a store domain (e.g. shop.example.com)")
        return netloc

    def _product(self, value: str) -> tuple[str, str]:
        parts = urlsplit(value.strip())
        match = _HANDLE.search(parts.path)
        if parts.scheme not in ("http", "https") or match is None:
            raise FetchRefused(
                f"{value!r} is not a Shopify product url (https://<store>/products/<handle>)"
            )
        return self._store(parts.netloc), match.group(1)

    def _get(self, http: SafeClient, url: str) -> Fetched:
        if not http.allowed_by_robots(url):
            raise FetchRefused(
                f"shopify: robots.txt of {urlsplit(url).netloc} does not allow {redact(url)} "
                "(or could not be read)"
            )
        try:
            return self._retrying.get(
                http,
                url,
                headers={"Accept": "application/json"},
                bucket=self._bucket,
                setting="no setting (a storefront takes no credentials)",
            )
        except CredentialsRefused as exc:
            said = str(exc).split(";", 1)[0]  # "<url>: HTTP 401" without the settings hint
            raise FetchRefused(
                f"shopify: {said}: the store is password-protected or blocks its catalogue; "
                "no credentials can be given for it"
            ) from None


def _count(page: Fetched) -> int:
    """How many products the page holds (0 for anything that is not a products page)."""
    try:
        document = json.loads(page.body)
    except ValueError:
        return 0
    products = document.get("products") if isinstance(document, dict) else None
    return len(products) if isinstance(products, list) else 0
