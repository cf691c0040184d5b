"""Web stores: any saved shop page that publishes schema.org Product data.

One HTML page gives one Listing per schema.org Product on it, read with extruct from the
first syntax that has any: JSON-LD, then microdata, then RDFa. A page without one falls back
to its OpenGraph product tags and, for the price, to visible price text (`price-parser`).

`external_id` is the product's sku (else productID, or OpenGraph `product:retailer_item_id`)
as `<domain>:sku:<value>`, because a sku tells apart several products on one page; without
one it is the canonical URL's host and path (`shop.example/p/red-coat`), and without a URL
the mpn or gtin. Without a known domain the id is not prefixed. The account is the shop's
registrable domain, from the canonical URL (`<link rel=canonical>`, og:url, or `source`
when that is an http(s) URL). Relative URLs are resolved against the canonical URL or an
http(s) `source`; a file-path source with no canonical URL gives no base, and relative URLs
are then left out. Pages over 10 MB are refused; lxml's huge_tree is never enabled.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import extruct
from extruct.jsonld import JsonLdExtractor
from extruct.utils import parse_xmldom_html
from price_parser import Price
from selectolax.lexbor import LexborHTMLParser

from hallmark.channels.base import Parsed
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

MAX_BYTES = 10 * 1024 * 1024
_PRODUCT_TYPES = {"product", "individualproduct", "productmodel", "someproducts", "productgroup"}
_SCHEMA = re.compile(r"^https?://schema\.org/", re.I)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_PLAIN_AMOUNT = re.compile(r"^\d{1,15}(\.\d{1,10})?$")
_CODE = re.compile(r"^[A-Z]{3}$")
_SYMBOLS = {"€": "EUR", "£": "GBP", "US$": "USD", "₹": "INR", "₽": "RUB", "zł": "PLN"}
_SYMBOLS |= {"R$": "BRL", "C$": "CAD", "A$": "AUD", "AU$": "AUD", "CA$": "CAD", "₺": "TRY"}
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_BLOCK_END = re.compile(r"<(br|/p|/div|/li|/h[1-6]|/tr)\b[^>]*>", re.I)
_TWO_LEVEL = {"co", "com", "net", "org", "gov", "edu", "ac", "gob", "ne", "or", "go"}
_GTINS = ("gtin", "gtin13", "gtin12", "gtin14", "gtin8")
_MAX_PRICE_NODES = 300


class _BadItem(ValueError):
    """One product cannot be read; the message says why."""


@dataclass
class _Page:
    source: str
    canonical: str | None = None
    domain: str | None = None
    og: dict[str, list[str]] = field(default_factory=dict)


class WebstoreChannel:
    """Saved shop pages: schema.org Product, OpenGraph product tags, visible price text."""

    platform: ClassVar[str] = "webstore"
    formats: ClassVar[tuple[str, ...]] = (
        "schema.org Product (JSON-LD, microdata, RDFa)",
        "OpenGraph product",
        "visible price text",
    )

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        """The shop's account when its domain is known, then one listing per product."""
        tree, dom = _read(payload, source)
        page = _Page(source=source, og=_opengraph(dom))
        page.canonical = _canonical(tree, page.og, source)
        page.domain = registrable_domain(page.canonical or source)
        products, errors = _schema_products(dom, source)
        yield from errors
        fmt = products[0][0] if products else "opengraph"
        items = [p for _, p in products] or [_fallback(page, tree)]
        if page.domain is not None:
            yield _account(page, items)
        for position, product in enumerate(items, 1):
            try:
                yield _listing(product, fmt, page, len(items) == 1, captured_at)
            except _BadItem as exc:
                yield ImportRecordError(source, position, str(exc))


def registrable_domain(url: str) -> str | None:
    """The host's registrable domain, by the common rule that a two-letter country code
    after `co`, `com`, `org`... takes three labels (no public suffix list is shipped)."""
    if not url.startswith(("http://", "https://")):
        return None
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    labels = host.split(".")
    if len(labels) < 2 or not all(labels) or host.replace(".", "").isdigit():
        return None
    take = 3 if len(labels[-1]) == 2 and labels[-2] in _TWO_LEVEL and len(labels) > 2 else 2
    return ".".join(labels[-take:])


def _read(payload: bytes, source: str) -> tuple[LexborHTMLParser, Any]:
    if len(payload) > MAX_BYTES:
        raise PayloadError(source, f"page is {len(payload)} bytes, over the {MAX_BYTES} limit")
    text = _decode(payload)
    head = text[:4096].lstrip()
    if not head.startswith("<") or "<" not in head:
        raise PayloadError(source, "not an HTML page")
    try:
        # extruct's own lxml parser, default limits (no huge_tree); RDFa needs its DOM flavour
        dom = parse_xmldom_html(text.encode("utf-8"), encoding="UTF-8")
    except Exception as exc:
        raise PayloadError(source, f"not an HTML page: {exc}") from None
    return LexborHTMLParser(text), dom


def _decode(payload: bytes) -> str:
    if payload.startswith(codecs.BOM_UTF8):
        return payload[3:].decode("utf-8", "replace")
    if payload[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return payload.decode("utf-16", "replace")
    declared = _CHARSET.search(payload[:4096])
    try:
        return payload.decode(declared.group(1).decode() if declared else "utf-8", "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def _absolute(url: object, base: str | None) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    full = urljoin(base, url) if base else url
    return full if full.startswith(("http://", "https://")) else None


def _canonical(tree: LexborHTMLParser, og: dict[str, list[str]], source: str) -> str | None:
    base = source if source.startswith(("http://", "https://")) else None
    link = tree.css_first("link[rel~=canonical]")
    for candidate in (link.attributes.get("href") if link else None, *og.get("og:url", [])[:1]):
        found = _absolute(candidate, base)
        if found:
            return found
    return base


def _opengraph(dom: Any) -> dict[str, list[str]]:
    og: dict[str, list[str]] = {}
    try:
        blocks = extruct.extract(dom, syntaxes=["opengraph"])["opengraph"]
    except Exception:
        return og
    for block in blocks:
        for key, value in block.get("properties", []):
            if isinstance(value, str) and value.strip():
                og.setdefault(key, []).append(value.strip())
    return og


def _schema_products(dom: Any, source: str) -> tuple[list[tuple[str, Any]], list[Parsed]]:
    """Products from the first syntax that has any; unreadable JSON-LD blocks as errors."""
    errors: list[Parsed] = []
    jsonld: list[Any] = []
    scripts = dom.xpath('//script[@type="application/ld+json"]')
    for position, script in enumerate(scripts, 1):
        try:
            jsonld.extend(JsonLdExtractor().extract_items(script))
        except (ValueError, RecursionError) as exc:
            reason = f"JSON-LD block {position} of {len(scripts)} is not JSON: {exc}"
            errors.append(ImportRecordError(source, position, reason))
    for syntax, items in (("json-ld", jsonld), *_other_syntaxes(dom)):
        found = [("schema.org " + syntax, p) for p in _walk(items, 0)]
        if found:
            return found, errors
    return [], errors


# the attributes each syntax needs; a page without them skips that (slow) extractor
_MARKERS = {"microdata": "boolean(//*[@itemscope])", "rdfa": "boolean(//*[@typeof or @vocab])"}


def _other_syntaxes(dom: Any) -> Iterator[tuple[str, list[Any]]]:
    for syntax in ("microdata", "rdfa"):
        if not dom.xpath(_MARKERS[syntax]):
            continue
        try:
            items = extruct.extract(dom, syntaxes=[syntax], uniform=True)[syntax]
        except Exception:
            continue
        yield syntax, _rdfa_compact(items) if syntax == "rdfa" else items


def _type_names(node: dict[str, Any]) -> set[str]:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return {re.split(r"[/:#]", n)[-1].lower() for n in names if isinstance(n, str)}


def _walk(value: object, depth: int) -> Iterator[dict[str, Any]]:
    """Product nodes anywhere in the data, not looking inside a product (its variants and
    related products are not listings of their own)."""
    if depth > 12:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        if _type_names(value) & _PRODUCT_TYPES:
            yield value
            return
        for item in value.values():
            yield from _walk(item, depth + 1)


def _rdfa_compact(nodes: list[Any]) -> list[Any]:
    """extruct's RDFa output is expanded JSON-LD; make schema.org nodes look like the rest."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n, dict) and "@id" in n}

    def compact(node: dict[str, Any], depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {"@type": [_SCHEMA.sub("", t) for t in node.get("@type", [])]}
        for key, values in node.items():
            if not _SCHEMA.match(key) or not isinstance(values, list):
                continue
            items = [
                v["@value"]
                if "@value" in v
                else compact(by_id[v["@id"]], depth + 1)
                if v.get("@id") in by_id and depth < 4
                else v.get("@id")
                for v in values
                if isinstance(v, dict)
            ]
            out[_SCHEMA.sub("", key)] = items[0] if len(items) == 1 else items
        return out

    return [compact(n, 0) for n in by_id.values() if any(map(_SCHEMA.match, n.get("@type", [])))]


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _text(value: object) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("value")
    if isinstance(value, (int, float, Decimal, str)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _og_product(og: dict[str, str]) -> dict[str, Any]:
    found = {
        "sku": og.get("product:retailer_item_id"),
        "gtin": og.get("product:gtin") or og.get("product:ean") or og.get("product:upc"),
        "mpn": og.get("product:mfr_part_no"),
        "brand": og.get("product:brand"),
    }
    return {key: value for key, value in found.items() if value}


def _fallback(page: _Page, tree: LexborHTMLParser) -> dict[str, Any]:
    """An OpenGraph product, priced by its tags or else by the first visible price text."""
    og = {key: values[0] for key, values in page.og.items()}
    price = og.get("product:price:amount") or og.get("og:price:amount")
    currency = og.get("product:price:currency") or og.get("og:price:currency")
    fmt, price_text = "opengraph", None
    if price is None:
        price_text = _visible_price(tree)
        fmt = "visible price text"
    if price is None and price_text is None and "product" not in og.get("og:type", ""):
        raise PayloadError(page.source, "no schema.org Product, OpenGraph product or price")
    if fmt == "visible price text" and page.canonical is None:
        raise PayloadError(page.source, "no schema.org Product and no canonical URL for its price")
    return {
        "@format": fmt,
        "name": og.get("og:title") or _heading(tree),
        "description": og.get("og:description"),
        "image": page.og.get("og:image", []),
        **_og_product(og),
        "offers": {
            "price": price if price is not None else price_text,
            "priceCurrency": currency,
            "availability": og.get("product:availability"),
            "itemCondition": og.get("product:condition"),
        },
    }


def _heading(tree: LexborHTMLParser) -> str | None:
    """The first h1 that the document title repeats (others are often dialogs), else the title."""
    title_node = tree.css_first("title")
    title = " ".join(title_node.text(deep=True).split()) if title_node else ""
    for h1 in tree.css("h1")[:10]:
        text = " ".join(h1.text(deep=True).split())
        if text and text in title:
            return text
    return title or None


def _visible_price(tree: LexborHTMLParser) -> str | None:
    # class or id names with "price" are what shop themes use; bounded, short texts only
    for node in tree.css('[class*="price" i], [id*="price" i]')[:_MAX_PRICE_NODES]:
        if node.tag in ("script", "style", "noscript", "template", "meta"):
            continue
        text = " ".join(node.text(deep=True).split())
        if 0 < len(text) <= 40:
            parsed = Price.fromstring(text)
            if parsed.amount is not None and parsed.currency is not None:
                return f"{parsed.currency}{parsed.amount_text}"
    return None


def _amount(value: object, currency: object) -> tuple[Decimal | None, str | None]:
    """An offer's amount and ISO currency; a symbol read from the text where none is named."""
    code = currency.strip().upper() if isinstance(currency, str) else None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        amount: Decimal | None = Decimal(str(value))  # repr of a float is its shortest exact form
    elif isinstance(value, str) and _PLAIN_AMOUNT.match(value.strip()):
        amount = Decimal(value.strip())
    elif isinstance(value, str):
        parsed = Price.fromstring(value)
        amount = parsed.amount
        symbol = (parsed.currency or "").replace(" ", "")
        code = code or _SYMBOLS.get(symbol) or (symbol if _CODE.match(symbol) else None)
    else:
        return None, None
    if amount is None or not amount.is_finite() or amount < 0:
        return None, None
    return amount, code if code and _CODE.match(code) else None


def _offers(value: object, currency: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every Offer and AggregateOffer, nested ones too, with the parent's currency inherited."""
    for offer in value if isinstance(value, list) else [value]:
        if not isinstance(offer, dict) or depth > 4:
            continue
        own = offer.get("priceCurrency") or currency
        yield {**offer, "priceCurrency": own}
        yield from _offers(offer.get("offers"), own, depth + 1)


def _price(offers: list[dict[str, Any]]) -> tuple[Decimal | None, str | None, str | None]:
    """The lowest priced offer (AggregateOffer lowPrice counts); its text if no currency."""
    priced, unpriced = [], None
    for offer in offers:
        raw = offer.get("lowPrice", offer.get("price"))
        spec = _first(offer.get("priceSpecification"))
        if raw is None and isinstance(spec, dict):
            raw, offer = spec.get("price"), {**offer, **spec}
        amount, code = _amount(_first(raw), _first(offer.get("priceCurrency")))
        if amount is not None and code is not None:
            priced.append((amount, code))
        elif amount is not None and unpriced is None:
            unpriced = str(_first(raw))
    if priced:
        amount, code = min(priced, key=lambda pair: pair[0])
        return amount, code, None
    return None, None, unpriced


def _short(value: object) -> str | None:
    text = _text(value)
    return _SCHEMA.sub("", text) if text else None


def _count(value: object) -> int | None:
    try:
        return int(Decimal(str(_first(value)).strip())) if _first(value) is not None else None
    except (InvalidOperation, ValueError):
        return None


def _extra(product: dict[str, Any], offers: list[dict[str, Any]], fmt: str) -> dict[str, Any]:
    rating = _first(product.get("aggregateRating"))
    rating = rating if isinstance(rating, dict) else {}
    reviews = product.get("review")
    sellers = [_text(o.get("seller")) for o in offers if o.get("seller")]
    aggregate = [o for o in offers if "aggregateoffer" in _type_names(o)]
    extra: dict[str, Any] = {
        "format": fmt,
        "brand": _text(product.get("brand")),
        "sku": _text(product.get("sku")),
        "product_id": _text(product.get("productID", product.get("productId"))),
        "gtin": next((_text(product[k]) for k in _GTINS if _text(product.get(k))), None),
        "mpn": _text(product.get("mpn")),
        "availability": next(
            (_short(o["availability"]) for o in offers if o.get("availability")), None
        ),
        "condition": _short(product.get("itemCondition"))
        or next((_short(o["itemCondition"]) for o in offers if o.get("itemCondition")), None),
        "rating": _text(rating.get("ratingValue")),
        "review_count": _count(rating.get("reviewCount", rating.get("ratingCount")))
        or (len(reviews) if isinstance(reviews, list) else None),
        "offer_count": _count(aggregate[0].get("offerCount", aggregate[0].get("offercount")))
        if aggregate
        else sum(1 for o in offers if "price" in o or "priceSpecification" in o) or None,
        "seller": next((s for s in sellers if s), None),
    }
    return {key: value for key, value in extra.items() if value is not None}


def _description(value: object, base: str | None) -> tuple[str | None, list[str]]:
    text = _text(value)
    if text is None or not _TAG.search(text):
        return text, []
    tree = LexborHTMLParser(_BLOCK_END.sub(lambda m: "\n" + m.group(0), text))
    links = [_absolute(a.attributes.get("href"), base) for a in tree.css("a[href]")]
    lines = (" ".join(line.split()) for line in (tree.text(deep=True) or "").splitlines())
    return "\n".join(line for line in lines if line) or None, [u for u in links if u]


def _images(value: object, base: str | None) -> list[str]:
    found = []
    for image in value if isinstance(value, list) else [value]:
        url = image.get("url", image.get("contentUrl")) if isinstance(image, dict) else image
        found.append(_absolute(_first(url), base))
    return [u for u in found if u]


def _identity(product: dict[str, Any], url: str | None, domain: str | None) -> str:
    prefix = f"{domain}:" if domain else ""
    for key, name in (("sku", "sku"), ("productID", "productID"), ("productId", "productID")):
        if _text(product.get(key)):
            return f"{prefix}{name}:{_text(product.get(key))}"
    if url:
        parts = urlsplit(url)
        return f"{(parts.hostname or '').removeprefix('www.')}{parts.path or '/'}"
    for key in ("mpn", *_GTINS):
        if _text(product.get(key)):
            return f"{prefix}{key}:{_text(product.get(key))}"
    name = _text(product.get("name")) or "product"
    raise _BadItem(f"{name}: no sku, productID, URL, mpn or gtin to identify it")


def _listing(
    product: dict[str, Any], fmt: str, page: _Page, single: bool, captured_at: datetime
) -> Listing:
    base, og = page.canonical, page.og
    if single:  # ids and brand from OpenGraph product tags where schema.org has none
        product = {**_og_product({k: v[0] for k, v in og.items()}), **product}
    own_url = _absolute(_first(product.get("url")), base)
    url = (page.canonical or own_url) if single else (own_url or page.canonical)
    text, links = _description(product.get("description"), base)
    offers = list(_offers(product.get("offers"), None))
    price, currency, price_text = _price(offers)
    images = _images(product.get("image"), base) or (
        _images(og.get("og:image"), base) if single else []
    )
    same_as = product.get("sameAs")
    links += [u for u in (_absolute(v, base) for v in _as_list(same_as)) if u]
    links += [u for u in (_absolute(o.get("url"), base) for o in offers) if u]
    outbound = [u for u in links if registrable_domain(u) != page.domain]
    extra = _extra(product, offers, product.get("@format", fmt))
    if price_text is not None:
        extra["price_text"] = price_text
    title = _text(product.get("name")) or (_text(og.get("og:title")) if single else None)
    if text is None and single:
        text = _text(og.get("og:description"))
    return Listing(
        kind="listing",
        platform="webstore",
        external_id=_identity(product, url if single else own_url, page.domain),
        captured_at=captured_at,
        url=url,
        marketplace=page.domain,
        account=page.domain,
        title=" ".join(title.split()) if title else None,
        text=text,
        price=price,
        currency=currency,
        images=tuple(dict.fromkeys(images)),
        links=tuple(dict.fromkeys(outbound)),
        extra=extra,
    )


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _account(page: _Page, products: list[dict[str, Any]]) -> Account:
    """The shop; named by og:site_name, else by the one seller its offers name."""
    sellers = {_text(o.get("seller")) for p in products for o in _offers(p.get("offers"), None)}
    sellers.discard(None)
    name = _text(page.og.get("og:site_name")) or (sellers.pop() if len(sellers) == 1 else None)
    host = urlsplit(page.canonical or page.source).hostname
    return Account(
        platform="webstore",
        external_id=page.domain or "",
        handle=page.domain,
        display_name=name,
        url=f"https://{host}/" if host else None,
    )
