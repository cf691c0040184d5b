"""Build the demo data in each platform's native format: samples/native/<platform>/.

Reads the canonical records of samples/listings.jsonl and writes, per platform, the payloads
that platform's API (or a saved page) would give for them, so that `make demo` can run every
channel parser on the same demo data. Deterministic and stdlib only: ids the native formats
need and the canonical records lack (numeric user ids, image ids, page ids) are derived from
a sha256 of the canonical key, never random. samples/native/README.md (also written here)
says which canonical fields each format cannot carry.

Run:  .venv/bin/python samples/build_native.py [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "listings.jsonl"
IMAGE_BASE = "https://demo.hallmark.invalid/img/"
PLATFORMS = (
    "amazon",
    "ebay",
    "etsy",
    "shopify",
    "webstore",
    "instagram",
    "facebook",
    "pinterest",
    "x",
    "tiktok",
)
_HASHTAG = re.compile(r"#(\w+)")

EBAY_MARKETPLACE_IDS = {
    "ebay.com": "EBAY_US",
    "ebay.co.uk": "EBAY_GB",
    "ebay.de": "EBAY_DE",
    "ebay.fr": "EBAY_FR",
    "ebay.it": "EBAY_IT",
}
AMAZON_MARKETPLACE_IDS = {
    "amazon.com": ("ATVPDKIKX0DER", "en_US"),
    "amazon.co.uk": ("A1F83G8C2ARO7P", "en_GB"),
    "amazon.de": ("A1PA6795UKMFR9", "de_DE"),
    "amazon.fr": ("A13V1IB3VIYZZH", "fr_FR"),
    "amazon.it": ("APJ6JRA9NG5V4", "it_IT"),
}
PAGE_SIZE = 10


# ------------------------------------------------------------------ helpers
def numeric_id(kind: str, key: str, length: int, prefix: str) -> str:
    """A stable all-digit id for `key` where the native format needs one the demo lacks."""
    digits = str(int(hashlib.sha256(f"{kind}:{key}".encode()).hexdigest(), 16))
    return prefix + digits[: length - len(prefix)]


def image_url(image: str) -> str:
    """Native payloads carry image URLs; a local demo image becomes a URL on .invalid."""
    if image.startswith(("http://", "https://")):
        return image
    return IMAGE_BASE + quote(Path(image).name)


def money(price: float | int) -> str:
    return f"{Decimal(str(price)):.2f}"


def chunks(items: list[Any], size: int = PAGE_SIZE) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def missing_hashtags(record: dict[str, Any]) -> list[str]:
    """Hashtags of the record that its text does not already carry."""
    in_text = set(_HASHTAG.findall(record.get("text") or ""))
    return [tag for tag in record.get("hashtags", []) if tag not in in_text]


def caption(record: dict[str, Any]) -> str:
    """Text for formats whose only hashtags are those in the text: the missing ones are
    appended as a last line, the way they are written on Instagram."""
    text = record.get("text") or ""
    extra = missing_hashtags(record)
    if not extra:
        return text
    tags = " ".join(f"#{tag}" for tag in extra)
    return f"{text}\n\n{tags}" if text else tags


def load(path: Path) -> tuple[dict[str, list[dict[str, Any]]], dict[tuple[str, str], dict]]:
    items: dict[str, list[dict[str, Any]]] = defaultdict(list)
    accounts: dict[tuple[str, str], dict[str, Any]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record["kind"] == "account":
            accounts[(record["platform"], record["external_id"])] = record
        else:
            items[record["platform"]].append(record)
    return items, accounts


def by_account(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        grouped[record["account"]].append(record)
    return dict(sorted(grouped.items()))


def accounts_of(accounts: dict[tuple[str, str], dict], platform: str) -> list[dict[str, Any]]:
    return [a for (p, _), a in sorted(accounts.items()) if p == platform]


# ------------------------------------------------------------------ eBay Browse API
def ebay_item(record: dict[str, Any], *, full: bool, seller: dict[str, Any]) -> dict[str, Any]:
    eid = record["external_id"]
    item: dict[str, Any] = {
        "itemId": f"v1|{eid}|0",
        "legacyItemId": eid,
        "title": record["title"],
        "itemHref": f"https://api.ebay.com/buy/browse/v1/item/v1%7C{eid}%7C0",
    }
    if record.get("text"):
        item["shortDescription"] = record["text"]
    if full and record.get("text"):
        item["description"] = f"<p>{html.escape(record['text'], quote=False)}</p>"
    if record.get("price") is not None:
        item["price"] = {"value": money(record["price"]), "currency": record["currency"]}
    images = [{"imageUrl": image_url(i)} for i in record.get("images", [])]
    if images:
        item["image"] = images[0]
    if images[1:]:
        item["additionalImages"] = images[1:]
    item["itemWebUrl"] = record["url"]
    item["listingMarketplaceId"] = EBAY_MARKETPLACE_IDS[record["marketplace"]]
    item["seller"] = {"username": seller["external_id"]}
    if full and seller.get("legal_name"):
        legal: dict[str, Any] = {"name": seller["legal_name"]}
        if seller.get("address") or seller.get("country"):
            # the canonical address is one string: it goes whole into addressLine1
            address = {"addressLine1": seller.get("address"), "country": seller.get("country")}
            legal["sellerProvidedLegalAddress"] = {k: v for k, v in address.items() if v}
        for contact in seller.get("contacts", []):
            legal.setdefault("email" if "@" in contact else "phone", contact)
        item["seller"]["sellerLegalInfo"] = legal
    return item


def build_ebay(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    by_market: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_market[EBAY_MARKETPLACE_IDS[record["marketplace"]]].append(record)
    for market, items in sorted(by_market.items()):
        pages = chunks(items)
        for number, page in enumerate(pages):
            offset = number * PAGE_SIZE
            base = "https://api.ebay.com/buy/browse/v1/item_summary/search?q=demo"
            body: dict[str, Any] = {
                "href": f"{base}&limit={PAGE_SIZE}&offset={offset}",
                "total": len(items),
            }
            if number + 1 < len(pages):
                body["next"] = f"{base}&limit={PAGE_SIZE}&offset={offset + PAGE_SIZE}"
            if number:
                body["prev"] = f"{base}&limit={PAGE_SIZE}&offset={offset - PAGE_SIZE}"
            body |= {"limit": PAGE_SIZE, "offset": offset}
            body["itemSummaries"] = [
                ebay_item(r, full=False, seller=accounts[("ebay", r["account"])]) for r in page
            ]
            files[f"item_summary_search_{market}_page{number + 1}.json"] = body
    # getItem, for each seller with legal information: the first of its listings
    for username, items in by_account(records).items():
        seller = accounts[("ebay", username)]
        if seller.get("legal_name"):
            first = items[0]
            files[f"getItem_{first['external_id']}.json"] = ebay_item(
                first, full=True, seller=seller
            )
    return files


# ------------------------------------------------------------------ Etsy Open API v3
def etsy_shop(account: dict[str, Any]) -> dict[str, Any]:
    name = account["external_id"]
    shop: dict[str, Any] = {
        "shop_id": int(numeric_id("etsy-shop", name, 8, "4")),
        "shop_name": name,
        "url": account["links"][0] if account.get("links") else f"https://www.etsy.com/shop/{name}",
        "is_vacation": account.get("status") == "vacation",
    }
    if account.get("bio"):
        shop["title"] = account["bio"]
    if account.get("country"):
        shop["shop_location_country_iso"] = account["country"]
    if account.get("legal_name"):
        # Etsy has no structured trader fields in v3: the seller's own legal text is where
        # EU shops publish them.
        shop["policy_seller_info"] = "\n".join(
            part for part in (account.get("legal_name"), account.get("address")) if part
        )
    return shop


def etsy_listing(record: dict[str, Any], shop: dict[str, Any]) -> dict[str, Any]:
    listing_id = int(record["external_id"])
    listing: dict[str, Any] = {
        "listing_id": listing_id,
        "shop_id": shop["shop_id"],
        "title": record["title"],
        "description": record.get("text"),
        "state": "active",
        "url": record["url"],
        "tags": [f"{t}" for t in record.get("hashtags", [])],
    }
    if record.get("price") is not None:
        amount = int(Decimal(str(record["price"])) * 100)
        listing["price"] = {"amount": amount, "divisor": 100, "currency_code": record["currency"]}
    listing["shop"] = shop
    listing["images"] = [
        {
            "listing_id": listing_id,
            "listing_image_id": int(numeric_id("etsy-image", f"{listing_id}/{rank}", 10, "5")),
            "rank": rank,
            "url_fullxfull": image_url(image),
        }
        for rank, image in enumerate(record.get("images", []), start=1)
    ]
    return listing


def build_etsy(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    pages = chunks(records)
    for number, page in enumerate(pages):
        files[f"findAllListingsActive_includes-Shop-Images_page{number + 1}.json"] = {
            "count": len(records),
            "results": [etsy_listing(r, etsy_shop(accounts[("etsy", r["account"])])) for r in page],
        }
    return files


# ------------------------------------------------------------------ Amazon SP-API
def amazon_item(record: dict[str, Any]) -> dict[str, Any]:
    marketplace_id, language = AMAZON_MARKETPLACE_IDS[record["marketplace"]]
    attributes: dict[str, Any] = {
        "item_name": [
            {"value": record["title"], "language_tag": language, "marketplace_id": marketplace_id}
        ]
    }
    if record.get("text"):
        attributes["product_description"] = [
            {"value": record["text"], "language_tag": language, "marketplace_id": marketplace_id}
        ]
    if record.get("price") is not None:
        attributes["list_price"] = [
            {
                "currency": record["currency"],
                "value": record["price"],
                "marketplace_id": marketplace_id,
            }
        ]
    variants = ["MAIN", *(f"PT{n:02d}" for n in range(1, 9))]
    return {
        "asin": record["external_id"],
        "attributes": attributes,
        "images": [
            {
                "marketplaceId": marketplace_id,
                "images": [
                    {"variant": variant, "link": image_url(image)}
                    for variant, image in zip(variants, record.get("images", []), strict=False)
                ],
            }
        ],
        "summaries": [{"marketplaceId": marketplace_id, "itemName": record["title"]}],
    }


def build_amazon(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    by_market: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_market[record["marketplace"]].append(record)
    for market, items in sorted(by_market.items()):
        pages = chunks(items)
        for number, page in enumerate(pages):
            body: dict[str, Any] = {"numberOfResults": len(items), "pagination": {}}
            if number + 1 < len(pages):
                body["pagination"]["nextToken"] = f"demo-{market}-page{number + 2}"
            if number:
                body["pagination"]["previousToken"] = f"demo-{market}-page{number}"
            body["refinements"] = {"brands": [], "classifications": []}
            body["items"] = [amazon_item(r) for r in page]
            name = f"searchCatalogItems_{AMAZON_MARKETPLACE_IDS[market][0]}_page{number + 1}.json"
            files[name] = body
    return files


# ------------------------------------------------------------------ Shopify /products.json
def shopify_product(record: dict[str, Any], store: dict[str, Any]) -> dict[str, Any]:
    product_id = int(record["external_id"])
    handle = urlsplit(record["url"]).path.rstrip("/").rsplit("/", 1)[-1]
    variant_id = int(numeric_id("shopify-variant", record["external_id"], 14, "4"))
    price = money(record["price"]) if record.get("price") is not None else None
    return {
        "id": product_id,
        "title": record["title"],
        "handle": handle,
        "body_html": f"<p>{html.escape(record.get('text') or '', quote=False)}</p>",
        "vendor": store.get("display_name") or store["external_id"],
        "product_type": "",
        "tags": [],
        "variants": [
            {
                "id": variant_id,
                "title": "Default Title",
                "option1": "Default Title",
                "option2": None,
                "option3": None,
                "sku": "",
                "requires_shipping": True,
                "taxable": True,
                "featured_image": None,
                "available": True,
                "price": price,
                "grams": 0,
                "compare_at_price": None,
                "position": 1,
                "product_id": product_id,
            }
        ],
        "images": [
            {
                "id": int(numeric_id("shopify-image", f"{product_id}/{n}", 14, "3")),
                "position": n,
                "product_id": product_id,
                "variant_ids": [],
                "src": image_url(image),
            }
            for n, image in enumerate(record.get("images", []), start=1)
        ],
        "options": [{"name": "Title", "position": 1, "values": ["Default Title"]}],
    }


def build_shopify(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    for domain, items in by_account(records).items():
        store = accounts[("shopify", domain)]
        files[f"{domain}__products.json"] = {"products": [shopify_product(r, store) for r in items]}
    return files


# ------------------------------------------------------------------ web store pages
def _script_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("</", "<\\/")


def webstore_page(record: dict[str, Any], shop: dict[str, Any]) -> str:
    site = shop.get("display_name") or shop["external_id"]
    images = [image_url(i) for i in record.get("images", [])]
    organization: dict[str, Any] = {
        "@type": "Organization",
        "name": site,
        "url": shop["links"][0] if shop.get("links") else f"https://{shop['external_id']}/",
    }
    if shop.get("legal_name"):
        organization["legalName"] = shop["legal_name"]
    if shop.get("address") or shop.get("country"):
        organization["address"] = {
            "@type": "PostalAddress",
            **({"streetAddress": shop["address"]} if shop.get("address") else {}),
            **({"addressCountry": shop["country"]} if shop.get("country") else {}),
        }
    emails = [c for c in shop.get("contacts", []) if "@" in c]
    phones = [c for c in shop.get("contacts", []) if "@" not in c]
    if emails:
        organization["email"] = emails[0]
    if phones:
        organization["telephone"] = phones[0]
    product: dict[str, Any] = {
        "@type": "Product",
        "name": record["title"],
        "description": record.get("text"),
        "image": images,
        "url": record["url"],
    }
    price = None
    if record.get("price") is not None:
        price = money(record["price"])
        product["offers"] = {
            "@type": "Offer",
            "price": price,
            "priceCurrency": record["currency"],
            "seller": {"@type": "Organization", "name": site},
        }
    ld = {"@context": "https://schema.org", "@graph": [organization, product]}
    e = html.escape
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(record['title'])} – {e(site)}</title>",
        f'<link rel="canonical" href="{e(record["url"])}">',
        f'<meta property="og:site_name" content="{e(site)}">',
        '<meta property="og:type" content="product">',
        f'<meta property="og:title" content="{e(record["title"])}">',
        f'<meta property="og:url" content="{e(record["url"])}">',
        *(f'<meta property="og:image" content="{e(u)}">' for u in images),
    ]
    if price is not None:
        head += [
            f'<meta property="product:price:amount" content="{price}">',
            f'<meta property="product:price:currency" content="{e(record["currency"])}">',
        ]
    head += ['<script type="application/ld+json">', _script_json(ld), "</script>", "</head>"]
    body = ["<body>", f"<h1>{e(record['title'])}</h1>"]
    if price is not None:
        body.append(f'<p class="price">{e(record["currency"])} {price}</p>')
    body += [f'<img src="{e(u)}" alt="{e(record["title"])}">' for u in images]
    if record.get("text"):
        body.append(f'<div class="description"><p>{e(record["text"])}</p></div>')
    body += ["</body>", "</html>", ""]
    return "\n".join(head + body)


def webstore_file_name(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.strip("/").replace("/", "__")
    return f"{parts.hostname}__{path}.html" if path else f"{parts.hostname}.html"


def build_webstore(records: list[dict], accounts: dict) -> dict[str, Any]:
    return {
        webstore_file_name(r["url"]): webstore_page(r, accounts[("webstore", r["account"])])
        for r in records
    }


# ------------------------------------------------------------------ Instagram Graph API
def instagram_user_id(username: str) -> str:
    return numeric_id("ig-user", username, 17, "178414")


def build_instagram(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    posts = by_account(records)
    for account in accounts_of(accounts, "instagram"):
        username = account["external_id"]
        media = []
        for record in posts.get(username, []):
            images = [image_url(i) for i in record.get("images", [])]
            item: dict[str, Any] = {
                "id": record["external_id"],
                "caption": caption(record),
                "media_type": "CAROUSEL_ALBUM" if len(images) > 1 else "IMAGE",
                "media_product_type": "FEED",
                "permalink": record["url"],
                "username": username,
            }
            if len(images) == 1:
                item["media_url"] = images[0]
            elif images:
                item["media_url"] = images[0]
                item["children"] = {
                    "data": [
                        {
                            "id": numeric_id("ig-child", f"{record['external_id']}/{n}", 17, "179"),
                            "media_type": "IMAGE",
                            "media_url": url,
                        }
                        for n, url in enumerate(images, start=1)
                    ]
                }
            media.append(item)
        discovered: dict[str, Any] = {
            "id": instagram_user_id(username),
            "username": username,
            "name": account.get("display_name"),
            "biography": account.get("bio"),
        }
        if account.get("links"):
            discovered["website"] = account["links"][0]
        discovered["media_count"] = len(media)
        discovered["media"] = {"data": media}
        files[f"business_discovery_{username}.json"] = {
            "business_discovery": {k: v for k, v in discovered.items() if v is not None},
            "id": "17841400000000001",  # the asking business account (the brand's own)
        }
    return files


# ------------------------------------------------------------------ Facebook Graph API
def facebook_page_id(handle: str) -> str:
    return numeric_id("fb-page", handle, 15, "100")


def build_facebook(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    posts = by_account(records)
    for account in accounts_of(accounts, "facebook"):
        handle = account["external_id"]
        page_id = facebook_page_id(handle)
        page: dict[str, Any] = {
            "id": page_id,
            "username": handle,
            "name": account.get("display_name"),
            "about": account.get("bio"),
            "link": f"https://www.facebook.com/{handle}",
        }
        if account.get("links"):
            page["website"] = account["links"][0]
        files[f"{handle}__page.json"] = {k: v for k, v in page.items() if v is not None}
        feed = []
        for record in posts.get(handle, []):
            images = [image_url(i) for i in record.get("images", [])]
            post: dict[str, Any] = {
                "id": f"{page_id}_{record['external_id']}",
                "message": record.get("text"),
                "permalink_url": record["url"],
            }
            if images:
                post["full_picture"] = images[0]
            attachments = [
                {"type": "photo", "media": {"image": {"src": url}}} for url in images[1:]
            ]
            if record["kind"] == "listing":
                # A Marketplace item, shared to the feed: the Graph API has no Marketplace.
                share = {"type": "share", "title": record.get("title"), "url": record["url"]}
                if images:
                    share["media"] = {"image": {"src": images[0]}}
                attachments.insert(0, share)
            if attachments:
                post["attachments"] = {"data": attachments}
            feed.append(post)
        if feed:
            files[f"{handle}__feed.json"] = {"data": feed, "paging": {}}
    return files


# ------------------------------------------------------------------ Pinterest API v5
def build_pinterest(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    for username, pins in by_account(records).items():
        board_id = numeric_id("pin-board", username, 18, "9")
        items = []
        for record in pins:
            images = [image_url(i) for i in record.get("images", [])]
            media: dict[str, Any]
            if len(images) > 1:
                media = {
                    "media_type": "multiple_images",
                    "items": [{"images": {"1200x": {"url": u}}} for u in images],
                }
            else:
                sizes = {"1200x": {"url": images[0]}} if images else {}
                media = {"media_type": "image", "images": sizes}
            items.append(
                {
                    "id": record["external_id"],
                    "link": record["links"][0] if record.get("links") else None,
                    "title": record.get("title") or "",
                    "description": caption(record),
                    "board_id": board_id,
                    "board_owner": {"username": username},
                    "media": media,
                }
            )
        files[f"boards_{board_id}_pins_{username}.json"] = {"items": items, "bookmark": None}
    return files


# ------------------------------------------------------------------ X API v2
def x_user_id(username: str) -> str:
    return numeric_id("x-user", username, 19, "14")


def x_user(account: dict[str, Any]) -> dict[str, Any]:
    user: dict[str, Any] = {
        "id": x_user_id(account["external_id"]),
        "username": account["external_id"],
        "name": account.get("display_name") or account["external_id"],
        "description": account.get("bio") or "",
    }
    if account.get("links"):
        user["url"] = account["links"][0]
        user["entities"] = {
            "url": {"urls": [{"url": account["links"][0], "expanded_url": account["links"][0]}]}
        }
    if account.get("status") == "protected":
        user["protected"] = True
    return user


def build_x(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    pages = chunks(records)
    for number, page in enumerate(pages):
        data, media, authors = [], [], {}
        for record in page:
            tweet: dict[str, Any] = {
                "id": record["external_id"],
                "text": record.get("text") or "",
                "author_id": x_user_id(record["account"]),
                "edit_history_tweet_ids": [record["external_id"]],
            }
            keys = []
            for n, image in enumerate(record.get("images", []), start=1):
                key = f"3_{record['external_id']}{n}"
                keys.append(key)
                media.append({"media_key": key, "type": "photo", "url": image_url(image)})
            if keys:
                tweet["attachments"] = {"media_keys": keys}
            data.append(tweet)
            authors[record["account"]] = x_user(accounts[("x", record["account"])])
        ids = [record["external_id"] for record in page]
        meta: dict[str, Any] = {
            "newest_id": max(ids, key=int),
            "oldest_id": min(ids, key=int),
            "result_count": len(page),
        }
        if number + 1 < len(pages):
            meta["next_token"] = f"demo-page{number + 2}"
        files[f"search_recent_page{number + 1}.json"] = {
            "data": data,
            "includes": {"users": [authors[k] for k in sorted(authors)], "media": media},
            "meta": meta,
        }
    files["users_by_usernames.json"] = {
        "data": [x_user(account) for account in accounts_of(accounts, "x")]
    }
    return files


# ------------------------------------------------------------------ TikTok Research API
def build_tiktok(records: list[dict], accounts: dict) -> dict[str, Any]:
    files: dict[str, Any] = {}
    pages = chunks(records)
    search_id = numeric_id("tt-search", "demo", 19, "74")
    for number, page in enumerate(pages):
        videos = []
        for record in page:
            video: dict[str, Any] = {
                "id": int(record["external_id"]),
                "username": record["account"],
                "video_description": record.get("text") or "",
            }
            if record.get("hashtags"):
                video["hashtag_names"] = list(record["hashtags"])
            videos.append(video)
        files[f"video_query_page{number + 1}.json"] = {
            "data": {
                "videos": videos,
                "cursor": number * PAGE_SIZE + len(page),
                "has_more": number + 1 < len(pages),
                "search_id": search_id,
            },
            "error": {
                "code": "ok",
                "message": "",
                "log_id": f"2026120100000{numeric_id('tt-log', str(number), 19, '0')}",
            },
        }
    return files


README = """\
# The demo data in native formats

Generated by `samples/build_native.py` from `samples/listings.jsonl`; do not edit by hand
(`.venv/bin/python samples/build_native.py [--out DIR]` rebuilds it, byte for byte the same).
Each folder holds what that platform's API, or a saved page, would give for the demo records,
so that each channel parser (`hallmark import FILE --platform P`) reads the same demo data.
`tests/test_native_samples.py` parses every file with the catalogue's channel and checks it
against the canonical records, allowing for exactly the differences below.

Everything here is invented demo data. Images are URLs on
`https://demo.hallmark.invalid/img/<file>` (the files of `samples/img/`), because native
payloads carry image URLs, not local files. Ids that a format needs and the demo lacks
(numeric user, page, shop, image and variant ids) are derived from a sha256 of the demo key,
so they are stable. No dates are invented: the demo records have only `captured_at`, which
is not a listing date.

## All platforms

- `captured_at`: no native payload carries when it was captured; the import supplies it.
- `marketplace`: the parsers set it from the format (`etsy.com`, `instagram.com`, a shop's
  domain...), where the canonical record often has none.
- `aliexpress` has no native file yet: its channel (affiliate and dropshipping API) came later.

## amazon

`searchCatalogItems_<marketplaceId>_page<N>.json`: SP-API Catalog Items 2022-04-01
`searchCatalogItems` pages (`includedData=attributes,images,summaries`), 10 items a page.
- The catalogue describes products, not offers: **there is no seller**, so every listing's
  `account` is lost (None) and no Amazon account (display and legal name, address, country,
  status, links, contacts) comes out at all.
- The price is the `list_price` attribute (the parser marks it `extra.price_kind`), not an
  offer price.

## ebay

`item_summary_search_<EBAY_XX>_page<N>.json`: Browse API `item_summary/search` pages per
marketplace, 10 items a page; `getItem_<item>.json`: Browse API `getItem` for one listing of
each seller with legal information (all demo sellers have it), with `seller.sellerLegalInfo`.
- Ids come out as the canonical ids (`legacyItemId`, `itemId` = `v1|<id>|0`).
- Account `display_name`: the Browse API names a seller by username only.
- Account `status` and `links` (the `/str/` store page): not in the API; the parser gives
  the `/usr/` profile URL as `url`.
- The legal address is one string in the demo, so it goes whole into `addressLine1`.

## etsy

`findAllListingsActive_includes-Shop-Images_page<N>.json`: Open API v3
`findAllListingsActive` pages with `includes=Shop,Images`, 10 listings a page.
- Ids, titles, texts, prices (`amount`/`divisor`) and images come out as canonical.
- Shop `legal_name` and `address`: v3 has no trader fields; they are written into the
  shop's free text `policy_seller_info`, which the parser keeps as `extra.seller_info`.
- Shop `status` beyond vacation, and `links` (the shop URL is the account's `url`).

## shopify

`<domain>__products.json`: the storefront's public `/products.json`, one file per store
(the file name gives the parser the store's domain, which is the account).
- `price` and `currency`: `/products.json` names no currency, so the parser leaves both
  empty and keeps the variant price as `extra.price` (a decimal string).
- The account is the domain only: `display_name` (written as the products' `vendor`, kept in
  `extra.vendor`), `legal_name`, `address`, `country`, `status`, `links`, `contacts`.

## webstore

`<host>__<path>.html`: one saved product page per listing, with JSON-LD (`Organization` and
`Product` with an `Offer`), OpenGraph product tags and visible price text.
- `external_id`: the parser identifies a product without a sku by its canonical URL's host
  and path, so the id is `<host>/products/<slug>` where the demo has `<slug>`.
- The shop's `legal_name`, `address`, `country` and `contacts` are in the JSON-LD
  `Organization` (`legalName`, `address`, `email`), but the parser does not read them; its
  account is the domain and the `og:site_name`. `status` and `links` are not in a page.

## instagram

`business_discovery_<username>.json`: Graph API `business_discovery` of each account, with
its media.
- Account `external_id` is the numeric IG user id (the username is `handle`), so each post's
  `account` is that id.
- `contacts` and `status`: business discovery gives neither. `links`: one `website` only
  (no demo account has more than one).
- Hashtags exist only in the caption: a post's hashtags that its text lacks are appended
  to the caption as a last line, so `text` is the canonical text plus that line.
- Business discovery reads business and creator accounts only; the demo treats every
  account as one.

## facebook

`<username>__page.json`: the Page node (`id`, `username`, `name`, `about`, `link`);
`<username>__feed.json`: the Page's feed (`id`, `message`, `permalink_url`, `full_picture`,
`attachments`).
- A feed post's id is `<page-id>_<post-id>`, so `external_id` is the canonical id prefixed
  by the numeric page id; accounts are keyed by that page id (the username is `handle`).
- The three Marketplace listings: the Graph API has no Marketplace, so each is a feed post
  sharing the item: `kind` becomes `post`, the `title` is only the attachment's title
  (`extra.attachments`), and `price` and `currency` are lost.
- `status` and `contacts`; profiles of people are written as Pages.

## pinterest

`boards_<board-id>_pins_<username>.json`: API v5 board pins lists (`items`, `bookmark`).
- The account: a Pin names its board owner by username only, so `display_name`, `bio`,
  `status`, `links` and `contacts` are lost.
- Hashtags exist only in the description: missing ones are appended as for Instagram.

## x

`search_recent_page<N>.json`: API v2 recent search pages with `expansions=author_id,
attachments.media_keys` (`includes.users`, `includes.media`), 10 posts a page;
`users_by_usernames.json`: `GET /2/users/by` for every account.
- Account `external_id` is the numeric user id (the username is `handle`), so each post's
  `account` is that id.
- `status` (only `protected` exists) and `contacts`.

## tiktok

`video_query_page<N>.json`: Research API `POST /v2/research/video/query/` pages
(`data.videos`, `cursor`, `has_more`, `search_id`), 10 videos a page.
- `images`: a video query gives no cover or image URL.
- Accounts: a video names its creator by username only, and a Research API user info
  response does not name the user, so the catalogue's channel cannot key one; no account
  (`display_name`, `bio`, `links`) comes out, posts keep `account` = username.
"""

BUILDERS = {
    "amazon": build_amazon,
    "ebay": build_ebay,
    "etsy": build_etsy,
    "shopify": build_shopify,
    "webstore": build_webstore,
    "instagram": build_instagram,
    "facebook": build_facebook,
    "pinterest": build_pinterest,
    "x": build_x,
    "tiktok": build_tiktok,
}


# ------------------------------------------------------------------ writing
def render(content: Any) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    text = json.dumps(content, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def build(out: Path, source: Path = SOURCE) -> dict[str, int]:
    """Write every platform's native files under `out`; the number of files per platform."""
    items, accounts = load(source)
    counts: dict[str, int] = {}
    out.mkdir(parents=True, exist_ok=True)
    for platform in PLATFORMS:
        target = out / platform
        if target.exists():
            shutil.rmtree(target)
        target.mkdir()
        files = BUILDERS[platform](items.get(platform, []), accounts)
        for name in sorted(files):
            (target / name).write_bytes(render(files[name]))
        counts[platform] = len(files)
    (out / "README.md").write_text(README, "utf-8")
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "native", help="output folder")
    args = parser.parse_args(argv)
    counts = build(args.out)
    for platform, count in counts.items():
        print(f"{platform}: {count} files")


if __name__ == "__main__":
    main()
