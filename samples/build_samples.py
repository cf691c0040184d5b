"""Build the Hallmark demo data: samples/listings.jsonl and samples/expected.jsonl.

Deterministic: fixed seeds for ids (random.Random) and for filler (Faker). Every key scenario
record is hand-written below; Faker only fills names, addresses and a few handles of the
plain innocent records. Run:  .venv/bin/python samples/build_samples.py

The brands are the invented ones in samples/brands/*.yaml (Maison Vareille, Rostelli Milano,
Brevanne Horlogerie). Images are the files in samples/img/, referenced relative to the jsonl.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
RNG = random.Random(20261101)
FAKE = Faker(["en_US"])
Faker.seed(4711)

V, R, B = "Maison Vareille", "Rostelli Milano", "Brevanne Horlogerie"
ZWSP = "\u200b"

RECORDS: list[dict] = []
ACCOUNTS: dict[tuple[str, str], dict] = {}
EXPECTED: list[dict] = []
USED_IDS: set[tuple[str, str]] = set()


# ------------------------------------------------------------------ ids and urls
def _digits(n: int, first: str = "") -> str:
    return first + "".join(RNG.choice("0123456789") for _ in range(n - len(first)))


def _alnum(n: int, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return "-".join(s.split("-")[:8]) or "item"


AMZ_HOST = {
    "amazon.com": "www.amazon.com",
    "amazon.de": "www.amazon.de",
    "amazon.co.uk": "www.amazon.co.uk",
    "amazon.fr": "www.amazon.fr",
    "amazon.it": "www.amazon.it",
}
EBAY_HOST = {
    "ebay.com": "www.ebay.com",
    "ebay.fr": "www.ebay.fr",
    "ebay.it": "www.ebay.it",
    "ebay.de": "www.ebay.de",
    "ebay.co.uk": "www.ebay.co.uk",
}


def make_id_url(platform, account, title, marketplace):
    slug = _slug(title or "post")
    if platform == "amazon":
        eid = "B0" + _alnum(8)
        return eid, f"https://{AMZ_HOST[marketplace]}/dp/{eid}"
    if platform == "ebay":
        eid = _digits(12, "3" if RNG.random() < 0.5 else "2")
        return eid, f"https://{EBAY_HOST[marketplace]}/itm/{eid}"
    if platform == "etsy":
        eid = _digits(10, "1")
        return eid, f"https://www.etsy.com/listing/{eid}/{slug}"
    if platform == "aliexpress":
        eid = _digits(16, "1005")
        return eid, f"https://www.aliexpress.com/item/{eid}.html"
    if platform == "webstore":
        eid = slug
        return eid, f"https://{account}/products/{slug}"
    if platform == "shopify":
        eid = _digits(13, "8")
        return eid, f"https://{account}/products/{slug}"
    if platform == "instagram":
        eid = _digits(19, "3")
        code = _alnum(11, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        return eid, f"https://www.instagram.com/p/C{code[1:]}/"
    if platform == "tiktok":
        eid = _digits(19, "74")
        return eid, f"https://www.tiktok.com/@{account}/video/{eid}"
    if platform == "x":
        eid = _digits(19, "185")
        return eid, f"https://x.com/{account}/status/{eid}"
    if platform == "pinterest":
        eid = _digits(18, "9")
        return eid, f"https://www.pinterest.com/pin/{eid}/"
    if platform == "facebook":
        eid = _digits(16, "1")
        if marketplace == "facebook-marketplace":
            return eid, f"https://www.facebook.com/marketplace/item/{eid}/"
        return eid, f"https://www.facebook.com/{account}/posts/{eid}"
    raise ValueError(platform)


_CLOCK = [0]


def when(offset: str = "Z") -> str:
    _CLOCK[0] += 1
    minutes = RNG.randrange(0, 29 * 24 * 60)
    day, rem = divmod(minutes, 24 * 60)
    hh, mm = divmod(rem, 60)
    ss = RNG.randrange(60)
    return f"2026-11-{day + 1:02d}T{hh:02d}:{mm:02d}:{ss:02d}{offset}"


# ------------------------------------------------------------------ record builders
def account(
    platform,
    eid,
    *,
    display_name,
    handle=None,
    legal_name=None,
    address=None,
    country=None,
    status="active",
    bio=None,
    links=(),
    contacts=(),
):
    rec = {
        "kind": "account",
        "platform": platform,
        "external_id": eid,
        "handle": handle or eid,
        "display_name": display_name,
    }
    if legal_name is not None:
        rec.update(legal_name=legal_name, address=address, country=country)
    rec["status"] = status
    if bio is not None:
        rec["bio"] = bio
    rec["links"] = list(links)
    rec["contacts"] = list(contacts)
    ACCOUNTS[(platform, eid)] = rec
    return eid


def seller(platform, eid, display, legal, address, country, status="active", links=(), contacts=()):
    if not links:
        links = {
            "amazon": [f"https://www.amazon.com/shops/{eid}"],
            "ebay": [f"https://www.ebay.com/str/{eid}"],
            "etsy": [f"https://www.etsy.com/shop/{eid}"],
            "aliexpress": [f"https://www.aliexpress.com/store/{eid}"],
            "webstore": [f"https://{eid}/"],
            "shopify": [f"https://{eid}/"],
        }.get(platform, [])
    return account(
        platform,
        eid,
        display_name=display,
        legal_name=legal,
        address=address,
        country=country,
        status=status,
        links=links,
        contacts=contacts,
    )


def social(platform, handle, display, bio, links=(), contacts=()):
    return account(platform, handle, display_name=display, bio=bio, links=links, contacts=contacts)


def item(
    kind,
    platform,
    acct,
    *,
    title=None,
    text=None,
    price=None,
    currency=None,
    images=(),
    hashtags=None,
    links=(),
    marketplace=None,
    tz="Z",
    eid=None,
):
    assert (platform, acct) in ACCOUNTS, (platform, acct)
    mk = marketplace
    if platform == "amazon" and mk is None:
        mk = "amazon.com"
    if platform == "ebay" and mk is None:
        mk = "ebay.com"
    new_id, url = make_id_url(platform, acct, title or text, mk)
    eid = eid or new_id
    n = 2
    base = eid
    while (platform, eid) in USED_IDS:
        eid = f"{base}-{n}"
        n += 1
    if platform == "webstore":
        url = f"https://{acct}/products/{eid}"
    USED_IDS.add((platform, eid))
    rec = {"kind": kind, "platform": platform, "external_id": eid, "url": url}
    if mk and platform in ("amazon", "ebay", "facebook"):
        rec["marketplace"] = mk
    rec["account"] = acct
    if title is not None:
        rec["title"] = title
    if text is not None:
        rec["text"] = text
    if hashtags:
        rec["hashtags"] = list(hashtags)
    if price is not None:
        rec["price"] = price
        rec["currency"] = currency or "USD"
    rec["images"] = [f"img/{name}" for name in images]
    rec["links"] = list(links)
    rec["captured_at"] = when(tz)
    RECORDS.append(rec)
    return rec


def listing(platform, acct, **kw):
    return item("listing", platform, acct, **kw)


def post(platform, acct, **kw):
    return item("post", platform, acct, **kw)


def expect(rec, brand, case, mention, level, *, check=None, note=None, image=None):
    c = check or {}
    row = {
        "platform": rec["platform"],
        "external_id": rec["external_id"],
        "brand": brand,
        "case": case,
        "mention": mention,
        "wording": bool(c.get("wording")),
        "price": bool(c.get("price")),
        "seller": c.get("seller") == "unauth" and rec["kind"] == "listing",
        "infringing": level in ("medium", "high"),
        "expected_level": level,
    }
    if image:
        row["image"] = image  # the image detector that must give the brand away
    if note:
        row["note"] = note
    EXPECTED.append(row)


# ================================================================== accounts
# --- authorized sellers (ids exactly as in the brand files)
seller(
    "amazon",
    "A1VAREILLEOFFICIAL",
    "Maison Vareille",
    "Maison Vareille SAS",
    "18 rue de la Paix, 75002 Paris, France",
    "FR",
)
seller(
    "ebay",
    "vareille_official",
    "Maison Vareille Official",
    "Maison Vareille SAS",
    "18 rue de la Paix, 75002 Paris, France",
    "FR",
)
seller(
    "webstore",
    "vareille.com",
    "Maison Vareille",
    "Maison Vareille SAS",
    "18 rue de la Paix, 75002 Paris, France",
    "FR",
)
seller(
    "shopify",
    "vareille-tokyo.myshopify.com",
    "Maison Vareille Tokyo",
    "Vareille Japon K.K.",
    "5-7-12 Ginza, Chuo-ku, Tokyo 104-0061, Japan",
    "JP",
)
social(
    "instagram",
    "maisonvareille",
    "Maison Vareille",
    "Joaillier parisien depuis 1911 · Official account",
    ["https://vareille.com/"],
)
seller(
    "amazon",
    "A2ROSTELLIOFFICIAL",
    "Rostelli Milano",
    "Rostelli Milano S.p.A.",
    "Via Montenapoleone 21, 20121 Milano, Italy",
    "IT",
)
seller(
    "ebay",
    "rostelli_milano_official",
    "Rostelli Milano",
    "Rostelli Milano S.p.A.",
    "Via Montenapoleone 21, 20121 Milano, Italy",
    "IT",
)
seller(
    "webstore",
    "rostelli.com",
    "Rostelli Milano",
    "Rostelli Milano S.p.A.",
    "Via Montenapoleone 21, 20121 Milano, Italy",
    "IT",
)
seller(
    "shopify",
    "rostelli-us.myshopify.com",
    "Rostelli USA",
    "Rostelli USA Inc.",
    "712 Madison Avenue, New York, NY 10065, USA",
    "US",
)
seller(
    "amazon",
    "A3BREVANNEOFFICIAL",
    "Brevanne Horlogerie",
    "Brevanne Horlogerie SA",
    "Rue du Rhône 44, 1204 Genève, Switzerland",
    "CH",
)
seller(
    "ebay",
    "brevanne_certified_preowned",
    "Brevanne Certified Pre-Owned",
    "Brevanne Horlogerie SA",
    "Rue du Rhône 44, 1204 Genève, Switzerland",
    "CH",
)
seller(
    "webstore",
    "brevanne.ch",
    "Brevanne Horlogerie",
    "Brevanne Horlogerie SA",
    "Rue du Rhône 44, 1204 Genève, Switzerland",
    "CH",
)
seller(
    "shopify",
    "brevanne-boutique.myshopify.com",
    "Brevanne Boutique",
    "Brevanne Horlogerie SA",
    "Rue du Rhône 44, 1204 Genève, Switzerland",
    "CH",
)

# --- scenario 1 actor: Instagram + TikTok promoters, Amazon storefront
S1_IG, S1_TT, S1_AMZ = "gilded.drawer.daily", "gilded.drawer", "A2GILDSTEELCO"
S1_SHOP = f"https://www.amazon.com/shops/{S1_AMZ}"
social(
    "instagram",
    S1_IG,
    "Gilded Drawer ✨",
    "everyday luxe for less 💎 worldwide shipping 📦 shop 👉 link in bio",
    [S1_SHOP],
    ["gildeddrawer.shop@gmail.com"],
)
social("tiktok", S1_TT, "Gilded Drawer", "unboxings + stacks 💛 shop my bangle 👇", [S1_SHOP])
seller(
    "amazon",
    S1_AMZ,
    "GildSteel Store",
    "Shenzhen Gildsteel Trading Co., Ltd.",
    "Room 1507, Block B, Xinghe Century Building, Futian District, Shenzhen, Guangdong 518048, China",
    "CN",
    links=[S1_SHOP],
    contacts=["gildsteel.cs@163.com"],
)

# --- scenario 2 actor: design copy, Amazon account closed, now a web store
seller(
    "amazon",
    "A1STUDLUXEDIRECT",
    "StudLuxe Direct",
    "Dongguan Stud Luxe Footwear Co., Ltd.",
    "No. 88 Houjie Avenue, Houjie Town, Dongguan, Guangdong 523960, China",
    "CN",
    status="suspended",
    contacts=["service@studpumps-outlet.com"],
)
seller(
    "webstore",
    "studpumps-outlet.com",
    "Stud Pumps Outlet",
    "Dongguan Stud Luxe Footwear Co., Ltd.",
    "No. 88 Houjie Avenue, Houjie Town, Dongguan, Guangdong 523960, China",
    "CN",
    contacts=["service@studpumps-outlet.com"],
)

# --- counterfeit and grey sellers (marketplaces)
seller(
    "ebay",
    "glamdeals-2019",
    "glamdeals-2019",
    "Lin Wei",
    "Flat 12B, 88 Nathan Road, Tsim Sha Tsui, Kowloon, Hong Kong",
    "HK",
)
seller(
    "ebay",
    "bestluxe_outlet88",
    "Best Luxe Outlet",
    "Guangzhou Bestluxe E-commerce Co., Ltd.",
    "Room 302, 15 Huacheng Avenue, Tianhe District, Guangzhou 510623, China",
    "CN",
)
seller(
    "ebay",
    "shoe.palace.cn",
    "Shoe Palace",
    "Putian Xiedu Trading Co., Ltd.",
    "Building 6, Licheng District, Putian, Fujian 351100, China",
    "CN",
)
seller(
    "ebay",
    "ukbargainbox",
    "UK Bargain Box",
    "Bargain Box Trading Ltd",
    "Unit 4, 22 Cheetham Hill Road, Manchester M4 4EY, United Kingdom",
    "GB",
)
seller(
    "ebay",
    "topwatch_hk",
    "TopWatch HK",
    "Top Watch Trading Company",
    "Shop 210, 2/F, Sino Centre, 582 Nathan Road, Mong Kok, Hong Kong",
    "HK",
)
seller(
    "ebay",
    "bijoux_discount_fr",
    "Bijoux Discount",
    "SARL BDX Import",
    "14 rue du Faubourg Saint-Denis, 75010 Paris, France",
    "FR",
)
seller(
    "ebay",
    "jules_closet_paris",
    "Jules' Closet",
    "Julie Marchand",
    "27 avenue Parmentier, 75011 Paris, France",
    "FR",
)
seller(
    "ebay",
    "marta.usato.milano",
    "Marta usato di lusso",
    "Marta Colombo",
    "Via Paolo Sarpi 40, 20154 Milano, Italy",
    "IT",
)
seller(
    "ebay",
    "chronoswap_uk",
    "ChronoSwap",
    "ChronoSwap Ltd",
    "9 Hatton Garden, London EC1N 8AH, United Kingdom",
    "GB",
)
seller(
    "ebay",
    "giardino.facile",
    "Giardino Facile",
    "Giardino Facile S.r.l.",
    "Via Emilia 112, 40026 Imola (BO), Italy",
    "IT",
)
seller(
    "amazon",
    "A3MILANOLUXEHUB",
    "Milano Luxe Hub",
    "Milano Luxe Hub S.r.l.",
    "Corso Buenos Aires 54, 20124 Milano, Italy",
    "IT",
)
seller(
    "amazon",
    "A2QIANYUEJEWEL",
    "QianYue Jewelry",
    "Yiwu Qianyue Jewelry Co., Ltd.",
    "No. 1 Futian Road, International Trade City, Yiwu, Zhejiang 322000, China",
    "CN",
)
seller(
    "aliexpress",
    "1103418872",
    "Shinestar Jewelry Store",
    "Yiwu Shinestar Jewelry Co., Ltd.",
    "Building 3, Choujiang Street, Yiwu, Zhejiang 322000, China",
    "CN",
)
seller(
    "aliexpress",
    "1102996541",
    "Putian Walking Shoes Store",
    "Putian Walking Shoes Trading Co., Ltd.",
    "88 Shengli Road, Chengxiang District, Putian, Fujian 351100, China",
    "CN",
)
seller(
    "aliexpress",
    "1104120377",
    "GZ Time Master Store",
    "Guangzhou Time Master Watch Co., Ltd.",
    "Room 1802, 233 Zhanqian Road, Yuexiu District, Guangzhou 510010, China",
    "CN",
)
seller(
    "aliexpress",
    "1101872260",
    "Lucky Girl Accessories Store",
    "Shenzhen Lucky Girl Accessories Co., Ltd.",
    "12 Huaqiang North Road, Futian District, Shenzhen 518031, China",
    "CN",
)
seller(
    "etsy",
    "LuxeDupeHouse",
    "LuxeDupeHouse",
    "Dana Whitfield",
    "4410 W 38th Ave, Denver, CO 80212, USA",
    "US",
)
seller(
    "etsy",
    "GoldenThreadStudio",
    "GoldenThreadStudio",
    "Maya Patel",
    "215 Valencia St, San Francisco, CA 94103, USA",
    "US",
)
seller(
    "shopify",
    "glowgoods-co.myshopify.com",
    "GlowGoods Co",
    "GlowGoods LLC",
    "1209 N Orange St, Wilmington, DE 19801, USA",
    "US",
)
seller(
    "shopify",
    "maison-bijoux-outlet.myshopify.com",
    "Maison Bijoux Outlet",
    "MBO Commerce SAS",
    "3 rue du Bac, 69002 Lyon, France",
    "FR",
)
seller(
    "webstore",
    "luxe-outlet-milano.it",
    "Luxe Outlet Milano",
    "Luxe Outlet Milano S.r.l.",
    "Viale Monza 120, 20127 Milano, Italy",
    "IT",
)
seller(
    "webstore",
    "repwatch-store.com",
    "RepWatch Store",
    "Hong Kong RW Trading Limited",
    "Unit 1203, 12/F, Trend Centre, 29 Cheung Lee Street, Chai Wan, Hong Kong",
    "HK",
)

# --- social accounts
social(
    "instagram",
    "reps.atelier.vip",
    "Reps Atelier",
    "top quality 1:1 💯 worldwide ✈️ WhatsApp only",
    ["https://wa.me/85261234567"],
    ["+852 6123 4567"],
)
social("instagram", "camille.wears", "Camille ✿", "Paris · style & little joys", [])
social("instagram", "nyc.forkful", "Forkful NYC", "eating my way through NYC 🍝", [])
social(
    "instagram",
    "bijoux.secrets.paris",
    "Bijoux Secrets",
    "bijoux de luxe à petit prix · prix en dm ✉️",
    [],
    ["+33 6 12 34 56 78"],
)
social("instagram", "shoe.vault.es", "Shoe Vault ES", "zapatos de lujo 👠 envíos a toda España", [])
social("instagram", "sole.story.milano", "Sole Story", "scarpe, Milano e caffè ☕", [])
social("instagram", "breanne.bakes", "Breanne Bakes", "sourdough + pastries in Portland 🥐", [])
social("tiktok", "sole.sister.finds", "Sole Sister", "designer dupes + hauls 👠 not affiliated", [])
social("tiktok", "wristcheck.daily", "Wrist Check Daily", "watches I love ⌚", [])
social("tiktok", "lucky.haul.cn", "Lucky Haul", "好物分享 · 私信", [])
social("x", "dealsbot_77", "Deals Bot 77", "daily deals 🔥 DM for price", [])
social("x", "paulinereads", "Pauline Reads", "books, tea, more books 📚", [])
social("x", "lyon_in_transit", "Lyon in transit", "urbanisme, vélos et transports à Lyon", [])
social("x", "horology_ben", "Ben on Horology", "collector. opinions my own", [])
social("pinterest", "dreamyboards", "Dreamy Boards", "pins for the pretty things", [])
social("pinterest", "wishlist.luxe", "Wishlist Luxe", "dream pieces 💫", [])
social("pinterest", "hochzeit.ideen.de", "Hochzeit Ideen", "Inspiration für eure Hochzeit", [])
social("facebook", "mateo.garcia.1987", "Mateo García", "Sevilla · compro y vendo", [])
social(
    "facebook",
    "chicagonest.rentals",
    "Chicago Nest Rentals",
    "Apartments in Lincoln Park and Lakeview",
    [],
)
social(
    "facebook", "lacs.et.montagnes", "Lacs et Montagnes", "Randonnées en Savoie et Haute-Savoie", []
)
social("facebook", "hannah.k.berlin", "Hannah K.", "Berlin · Schmuck-Flohmarkt", [])
social("facebook", "luxe.drops.manila", "Luxe Drops", "1:1 luxury 💎 message for price", [])

# ================================================================== scenario 1: split act (Vareille)
r = post(
    "instagram",
    S1_IG,
    text="DM for price 💎 link in bio #vareillelove",
    hashtags=["vareillelove"],
    images=["s1-ig-bangle-1.jpg"],
    tz="-05:00",
)
expect(
    r, V, "s1_split_ig_post", "hashtag", "high",
    check=dict(wording={"off_platform": 1}), image="image_text",
)  # fmt: skip
r = post(
    "instagram",
    S1_IG,
    text="new drop ✨ stack it or wear it solo. DM for price 💎 link in bio "
    "#vareillelove #goldbangle #stackinspo",
    hashtags=["vareillelove", "goldbangle", "stackinspo"],
    images=["s1-ig-bangle-2.jpg"],
    tz="-05:00",
)
expect(
    r, V, "s1_split_ig_post", "hashtag", "high",
    check=dict(wording={"off_platform": 1}), image="image_text",
)  # fmt: skip
r = post(
    "instagram",
    S1_IG,
    text="the ring everyone asks about 💍 DM for price, link in bio #orbelle",
    hashtags=["orbelle", "ringstack"],
    images=["s1-ig-ring-1.jpg"],
    tz="-05:00",
)
expect(
    r, V, "s1_split_ig_post_ring", "hashtag", "high",
    check=dict(wording={"off_platform": 1}), image="image_text",
)  # fmt: skip
r = post(
    "tiktok",
    S1_TT,
    text="unboxing my fave gold bangle 💛 the screws!! link in bio",
    hashtags=["unboxing", "goldbangle", "jewelryhaul"],
    images=["s1-tt-bangle-1.jpg"],
    tz="-05:00",
)
expect(
    r,
    V,
    "s1_split_tiktok_nobrand",
    None,
    "medium",
    image="image_text",
    note="the brand only in the picture of a post that offers nothing: low alone; medium "
    "once linked (by the shop link) to the scenario-1 actor, whose Instagram posts are high",
)
r = listing(
    "amazon",
    S1_AMZ,
    title="Gold Screw Bangle Bracelet for Women, Stainless Steel",
    text="18K gold plated stainless steel bangle with screw motif. Hypoallergenic, tarnish resistant. "
    "Comes with screwdriver and gift box. Inner diameter 6.2 in.",
    price=29.99,
    currency="USD",
    images=["s1-amz-bangle-1.jpg"],
)
expect(
    r,
    V,
    "s1_split_amazon_nobrand",
    None,
    "high",
    check=dict(price=1),
    note="no brand word: none alone (tests/link/test_scenarios.py); linked to the Instagram "
    "promoter by its bio's storefront link, high with the path in the explanation",
)
r = listing(
    "amazon",
    S1_AMZ,
    title="Screw Bangle Bracelet Gold Plated Titanium Steel Cuff for Women Men",
    text="Classic screw design cuff bangle, 18K gold plated titanium steel, does not fade. "
    "Perfect gift for anniversary, birthday, Valentine's Day.",
    price=27.99,
    currency="USD",
    images=["s1-amz-bangle-2.jpg"],
)
expect(
    r,
    V,
    "s1_split_amazon_nobrand",
    None,
    "high",
    check=dict(price=1),
    note="no brand word: none alone (tests/link/test_scenarios.py); linked to the Instagram "
    "promoter by its bio's storefront link, high with the path in the explanation",
)
r = listing(
    "amazon",
    S1_AMZ,
    title="Beaded Band Ring 18K Gold Plated Stackable Ring for Women",
    text="Dainty beaded ring, gold plated stainless steel, sizes 5-10.",
    price=14.99,
    currency="USD",
    images=["s1-amz-ring-1.jpg"],
)
expect(
    r,
    V,
    "s1_split_amazon_nobrand",
    None,
    "high",
    check=dict(price=1),
    note="ring counterpart of the IG ring post: high once linked to the Instagram promoter",
)

# ================================================================== scenario 2: design copy (Rostelli)
r = listing(
    "webstore",
    "studpumps-outlet.com",
    title="Stud Pointed-Toe Pumps",
    text="Pointed-toe pumps with all-over pyramid studs, 100 mm heel, faux leather. Free shipping.",
    price=59.00,
    currency="USD",
    images=["s2-stud-pump-1.jpg", "s2-stud-pump-2.jpg"],
)
expect(
    r,
    R,
    "s2_design_copy_webstore",
    None,
    "high",
    check=dict(price=1, seller="unauth"),
    image="design",
    note="no mark in text, another model of the studded pump: the design detector",
)
r = listing(
    "webstore",
    "studpumps-outlet.com",
    title="Pyramid Stud Slingback Pumps",
    text="Slingback heels with pyramid studs, 80 mm.",
    price=55.00,
    currency="USD",
    images=["s2-stud-pump-2.jpg"],
)
expect(
    r,
    R,
    "s2_design_copy_webstore",
    None,
    "high",
    check=dict(price=1, seller="unauth"),
    image="design",
    note="design copy, no mark: design detector",
)

# ================================================================== scenario 3: names in disguise
# leetspeak
r = listing(
    "ebay",
    "glamdeals-2019",
    title="V@reille Clou screw bangle 18k gold 1:1 mirror quality",
    text="Top quality V@reille Clou bangle, 1:1 mirror quality, comes with box and screwdriver. Fast shipping from HK.",
    price=45.00,
    currency="USD",
    images=["fake-bangle-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    V,
    "pos_leetspeak_at",
    "leetspeak",
    "high",
    check=dict(wording={"quality_claim": 1}, price=1, seller="unauth"),
)
r = listing(
    "aliexpress",
    "1102996541",
    title="R0stell1 Stellastud dupe 1:1 AAA pointed toe studded pumps",
    text="R0stell1 Stellastud dupe 1:1 AAA. Genuine leather lining, heel 10cm, size 35-41.",
    price=32.50,
    currency="USD",
    images=["fake-pump-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    R,
    "pos_leetspeak_digits",
    "leetspeak",
    "high",
    check=dict(wording={"imitation": 1, "quality_claim": 1}, price=1, seller="unauth"),
)
r = listing(
    "aliexpress",
    "1104120377",
    title="BR3V4NN3 Abyssal 300 diver automatic AAA replica",
    text="BR3V4NN3 Abyssal 300 replica, automatic movement, sapphire glass, 300m. AAA grade.",
    price=129.00,
    currency="USD",
    images=["fake-watch-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    B,
    "pos_leetspeak_digits",
    "leetspeak",
    "high",
    check=dict(wording={"replica": 1, "quality_claim": 1}, price=1, seller="unauth"),
)
# spaced
r = listing(
    "ebay",
    "bestluxe_outlet88",
    title="V a r e i l l e screw bangle replica gold 16-19cm",
    text="V a r e i l l e style screw bangle, replica, 316L steel, gold colour.",
    price=39.00,
    currency="USD",
    images=["fake-bangle-2.jpg"],
    tz="+08:00",
)
expect(
    r,
    V,
    "pos_spaced_letters",
    "spaced",
    "high",
    check=dict(wording={"replica": 1}, price=1, seller="unauth"),
)
r = listing(
    "facebook",
    "mateo.garcia.1987",
    marketplace="facebook-marketplace",
    title="Zapatos R.o.s.t.e.l.l.i tachuelas copia",
    text="Zapatos de tachuelas R.o.s.t.e.l.l.i, réplica calidad espejo, talla 38. Entrego en Sevilla centro.",
    price=35,
    currency="EUR",
    images=["fake-pump-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    R,
    "pos_spaced_dots_es",
    "spaced",
    "high",
    check=dict(wording={"replica": 1, "quality_claim": 1}, price=1, seller="unauth"),
)
r = post(
    "instagram",
    "reps.atelier.vip",
    text="B💎R💎E💎V💎A💎N💎N💎E Abyssal diver AAA replica ⌚ DM for price, worldwide shipping",
    hashtags=["watchreps", "divewatch"],
    images=["fake-watch-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    B,
    "pos_spaced_emoji",
    "spaced",
    "high",
    check=dict(wording={"replica": 1, "quality_claim": 1, "off_platform": 1}),
)
# typo
r = listing(
    "ebay",
    "bijoux_discount_fr",
    marketplace="ebay.fr",
    title="Bracelet Vareillle Clou or jaune - réplique qualité miroir",
    text="Bracelet Vareillle Clou, réplique qualité miroir, acier plaqué or 18 carats. Envoi suivi depuis Paris.",
    price=39.00,
    currency="EUR",
    images=["fake-bangle-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    V,
    "pos_typo_doubled_fr",
    "typo",
    "high",
    check=dict(wording={"replica": 1, "quality_claim": 1}, price=1, seller="unauth"),
)
r = listing(
    "ebay",
    "shoe.palace.cn",
    title="Rosetlli studded pointed toe pumps dupe black 100mm",
    text="Rosetlli studded pumps dupe, same look for less. Sizes 35-42.",
    price=29.00,
    currency="USD",
    images=["fake-pump-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    R,
    "pos_typo_swapped",
    "typo",
    "high",
    check=dict(mstrength=0.8, wording={"imitation": 1}, price=1, seller="unauth"),
)
r = listing(
    "aliexpress",
    "1104120377",
    title="Brevanme Abyssal 300 Diver Watch Men AAA Automatic",
    text="Brevanme Abyssal 300 diver, AAA quality, 42mm steel case, luminous hands.",
    price=79.00,
    currency="USD",
    images=["fake-watch-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    B,
    "pos_typo_substitution",
    "typo",
    "high",
    check=dict(wording={"quality_claim": 0.7}, price=1, seller="unauth"),
)
# homoglyph: fullwidth, Cyrillic, zero-width
r = post(
    "instagram",
    "bijoux.secrets.paris",
    text="ｖａｒｅｉｌｌｅ clou ✨ qualité miroir, prix en dm 💌",
    hashtags=["bijoux", "bracelet"],
    images=["fake-bangle-2.jpg"],
    tz="+01:00",
)
expect(
    r,
    V,
    "pos_homoglyph_fullwidth",
    "homoglyph",
    "high",
    check=dict(wording={"quality_claim": 1, "off_platform": 1}),
)
r = listing(
    "ebay",
    "ukbargainbox",
    marketplace="ebay.co.uk",
    title="ＲＯＳＴＥＬＬＩ Stellastud studded court shoes 1:1 mirror quality",
    text="Studded pointed court shoes, 1:1 mirror quality, UK 3-8. Posted from Manchester.",
    price=19.00,
    currency="GBP",
    images=["fake-pump-1.jpg"],
)
expect(
    r,
    R,
    "pos_homoglyph_fullwidth_gbp",
    "homoglyph",
    "high",
    check=dict(wording={"quality_claim": 1}, price=1, seller="unauth"),
)
r = listing(
    "amazon",
    "A2QIANYUEJEWEL",
    title="Vаreille Style Screw Bangle Bracelet Gold Plated Inspired by Clou",
    text="Vаreille inspired screw bangle, 18K gold plated, inspired by the Clou bracelet.",
    price=24.99,
    currency="USD",
    images=["fake-bangle-1.jpg"],
)
expect(
    r,
    V,
    "pos_homoglyph_cyrillic_a",
    "homoglyph",
    "high",
    check=dict(wording={"imitation": 0.7}, price=1, seller="unauth"),
)
r = listing(
    "webstore",
    "repwatch-store.com",
    title="ВREVANNE Navigante Chronograph 42mm - Super Clone",
    text="ВREVANNE Navigante chronograph 42mm, replica with 7750 movement, box and papers included.",
    price=289.00,
    currency="USD",
    images=["fake-watch-1.jpg", "s5-watch-dial.jpg"],
    tz="+08:00",
    eid="brevanne-navigante-chronograph-42mm-super-clone",
)
expect(
    r,
    B,
    "pos_homoglyph_cyrillic_b",
    "homoglyph",
    "high",
    check=dict(wording={"replica": 1}, price=1, seller="unauth"),
)
r = listing(
    "facebook",
    "luxe.drops.manila",
    marketplace="facebook-marketplace",
    title=f"Rost{ZWSP}elli studded bag 1:1",
    text=f"Rost{ZWSP}elli Stellastud shoulder bag 1:1 quality, message for price or buy here.",
    price=49,
    currency="USD",
    images=["fake-bag-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    R,
    "pos_homoglyph_zero_width",
    "homoglyph",
    "high",
    check=dict(wording={"quality_claim": 1, "off_platform": 0.9}, price=1, seller="unauth"),
)
r = post(
    "x",
    "dealsbot_77",
    text=f"🔥 Var{ZWSP}eille Clou bangle replica restock, DM for price 🔥",
    images=["fake-bangle-2.jpg"],
)
expect(
    r,
    V,
    "pos_homoglyph_zero_width",
    "homoglyph",
    "high",
    check=dict(wording={"replica": 1, "off_platform": 1}),
)
# hashtag
r = post(
    "instagram",
    "bijoux.secrets.paris",
    text="gold everything ✨ #vareillelove replica, worldwide shipping",
    hashtags=["vareillelove", "goldjewelry"],
    images=["fake-bangle-1.jpg"],
    tz="+01:00",
)
expect(r, V, "pos_hashtag_replica", "hashtag", "high", check=dict(wording={"replica": 1}))
r = post(
    "tiktok",
    "sole.sister.finds",
    text="these look SO real for $30 😱 DM for price #rostelli #studdedheels",
    hashtags=["rostelli", "studdedheels", "haul"],
    images=["fake-pump-1.jpg"],
)
expect(r, R, "pos_hashtag_dm", "hashtag", "medium", check=dict(wording={"off_platform": 1}))
r = post(
    "pinterest",
    "wishlist.luxe",
    text="Dream diver 🌊 #brevanne #watchgoals",
    hashtags=["brevanne", "watchgoals"],
    images=["auth-brevanne-abyssal-1.jpg"],
)
expect(r, B, "low_hashtag_fan_pin", "hashtag", "low", check=dict())
# compound
r = listing(
    "etsy",
    "LuxeDupeHouse",
    title="vareillebracelet dupe - gold screw bangle, inspired by",
    text="Our best selling vareillebracelet dupe. Gold filled, screw detail, inspired by the icon.",
    price=34.00,
    currency="USD",
    images=["cheap-bangle.jpg"],
)
expect(
    r,
    V,
    "pos_compound_dupe",
    "compound",
    "high",
    check=dict(wording={"imitation": 1}, price=1, seller="unauth"),
)
r = listing(
    "shopify",
    "glowgoods-co.myshopify.com",
    title="rostellipumps look-alike studded heels",
    text="The rostellipumps look-alike everyone wants. Pyramid studs, pointed toe, unbranded.",
    price=28.00,
    currency="USD",
    images=["fake-pump-1.jpg"],
)
expect(
    r,
    R,
    "pos_compound_lookalike",
    "compound",
    "high",
    check=dict(wording={"imitation": 0.7, "concealment": 0.6}, price=1, seller="unauth"),
)
# alias
r = listing(
    "aliexpress",
    "1103418872",
    title="瓦蕾耶手镯 高仿 18K金 螺丝手镯",
    text="瓦蕾耶手镯 高仿，钛钢18K金，送螺丝刀和礼盒。",
    price=18.60,
    currency="USD",
    images=["fake-bangle-2.jpg"],
    tz="+08:00",
)
expect(
    r,
    V,
    "pos_alias_zh",
    "alias",
    "high",
    check=dict(wording={"replica": 1}, price=1, seller="unauth"),
)
r = listing(
    "aliexpress",
    "1102996541",
    title="罗斯特利 铆钉尖头高跟鞋 复刻版",
    text="罗斯特利铆钉高跟鞋 复刻，真皮内里，跟高10cm，35-41码。",
    price=26.90,
    currency="USD",
    images=["fake-pump-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    R,
    "pos_alias_zh",
    "alias",
    "high",
    check=dict(wording={"replica": 0.9}, price=1, seller="unauth"),
)
r = post("x", "horology_ben", text="東京のブティックでブレヴァンヌのアビサルを試着した。美しい。")
expect(r, B, "low_alias_ja_fan", "alias", "low", check=dict())
# mark glued to CJK (exact kind)
r = listing(
    "aliexpress",
    "1103418872",
    title="高仿VAREILLE手镯 螺丝钉款 玫瑰金",
    text="高仿VAREILLE手镯，一比一品质，钛钢不掉色。",
    price=21.50,
    currency="USD",
    images=["fake-bangle-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    V,
    "pos_exact_cjk_glued",
    "exact",
    "high",
    check=dict(wording={"replica": 1, "quality_claim": 1}, price=1, seller="unauth"),
)
r = post(
    "tiktok",
    "lucky.haul.cn",
    text="ROSTELLI铆钉鞋 复刻 私信下单 👠",
    hashtags=["铆钉鞋", "高跟鞋"],
    images=["fake-pump-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    R,
    "pos_exact_cjk_glued",
    "exact",
    "high",
    check=dict(wording={"replica": 0.9, "off_platform": 0.7}),
)

# counterfeit wording in it/de (exact mark + wording + price)
r = listing(
    "ebay",
    "bestluxe_outlet88",
    marketplace="ebay.it",
    title="Borsa Rostelli Stellastud imitazione borchie nera",
    text="Borsa a tracolla Rostelli Stellastud, imitazione di alta qualità, borchie piramidali.",
    price=59.00,
    currency="EUR",
    images=["fake-bag-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    R,
    "pos_exact_wording_it",
    "exact",
    "high",
    check=dict(wording={"imitation": 0.9}, price=1, seller="unauth"),
)
r = listing(
    "ebay",
    "topwatch_hk",
    marketplace="ebay.de",
    title="Brevanne Abyssal 300 Taucheruhr Nachbildung Automatik",
    text="Brevanne Abyssal 300 Nachbildung, Automatikwerk, Saphirglas, 300m wasserdicht.",
    price=149.00,
    currency="EUR",
    images=["fake-watch-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    B,
    "pos_exact_wording_de",
    "exact",
    "high",
    check=dict(wording={"imitation": 0.9}, price=1, seller="unauth"),
)
r = listing(
    "ebay",
    "bijoux_discount_fr",
    marketplace="ebay.fr",
    title="Bague Orbelle perlée or - contrefaçon qualité",
    text="Bague style Orbelle, contrefaçon de bonne qualité, plaqué or, taille 52-56.",
    price=22.00,
    currency="EUR",
    images=["earrings.jpg"],
    tz="+01:00",
)
expect(
    r,
    V,
    "pos_exact_wording_fr_orbelle",
    "exact",
    "high",
    check=dict(wording={"replica": 0.9}, price=1, seller="unauth"),
)
r = post(
    "facebook",
    "luxe.drops.manila",
    text="Vareille Clou bangle, logo hidden 🤫 ships in a plain box, 3 colours",
    images=["fake-bangle-2.jpg"],
    tz="+08:00",
)
expect(r, V, "pos_exact_concealment", "exact", "high", check=dict(wording={"concealment": 1}))

# ================================================================== price / seller cases
r = listing(
    "ebay",
    "bestluxe_outlet88",
    title="VAREILLE Clou Bracelet 18K Yellow Gold Screw Bangle Size 17",
    text="Vareille Clou bracelet in 18K yellow gold, size 17, with screwdriver. Ships in 2 days.",
    price=49.00,
    currency="USD",
    images=["fake-bangle-2.jpg"],
    tz="+08:00",
)
expect(
    r, V, "pos_exact_price_far_below_floor", "exact", "high", check=dict(price=1, seller="unauth")
)
r = listing(
    "ebay",
    "shoe.palace.cn",
    title="Rostelli Stellastud Pump 100mm Studded Pointed-Toe Black",
    text="Rostelli Stellastud pump, 100 mm heel, studded pointed toe, black leather, sizes 35-41.",
    price=32.00,
    currency="USD",
    images=["fake-pump-1.jpg"],
    tz="+08:00",
)
expect(
    r, R, "pos_exact_price_far_below_floor", "exact", "high", check=dict(price=1, seller="unauth")
)
r = listing(
    "ebay",
    "topwatch_hk",
    title="Brevanne Abyssal 300 Diver Watch Automatic 42mm Black",
    text="Brevanne Abyssal 300 diver, automatic, black dial, steel bracelet.",
    price=119.00,
    currency="USD",
    images=["fake-watch-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    B,
    "pos_exact_price_far_below_floor_brevanne",
    "exact",
    "medium",
    check=dict(price=1, seller="unauth"),
    note="Brevanne's high threshold is 0.75; exact + price + seller scores 0.745",
)
r = listing(
    "amazon",
    "A3MILANOLUXEHUB",
    marketplace="amazon.de",
    title="Rostelli Stellastud Pumps Damen, Schwarz, 100 mm",
    text="Original Rostelli Stellastud Pumps aus Leder, Absatz 100 mm. Neu mit Karton.",
    price=1050.00,
    currency="EUR",
    images=["auth-rostelli-pump-2.jpg"],
    tz="+01:00",
)
expect(
    r,
    R,
    "low_exact_list_price_unauthorized",
    "exact",
    "low",
    check=dict(seller="unauth", at_list=True),
)
r = listing(
    "shopify",
    "maison-bijoux-outlet.myshopify.com",
    title="Maison Vareille Clou Bracelet, Yellow Gold",
    text="Vareille Clou bracelet, 18K yellow gold, new.",
    price=6900.00,
    currency="USD",
    images=["auth-vareille-clou-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    V,
    "low_exact_list_price_unauthorized",
    "exact",
    "low",
    check=dict(seller="unauth", at_list=True),
)
r = listing(
    "ebay",
    "ukbargainbox",
    marketplace="ebay.co.uk",
    title="Vareille Orbelle ring gold beaded band",
    text="Vareille Orbelle beaded band ring, gold tone, size N. Bargain!",
    price=12.99,
    currency="GBP",
    images=["earrings.jpg"],
)
expect(
    r,
    V,
    "pos_exact_price_far_below_floor_gbp",
    "exact",
    "high",
    check=dict(price=1, seller="unauth"),
)

# ================================================================== scenario 4 / 5 / 7 extras (image-led)
r = listing(
    "ebay",
    "glamdeals-2019",
    title="Luxury gold screw bangle bracelet women",
    text="Luxury gold bangle, screw motif, gift box included.",
    price=38.00,
    currency="USD",
    images=["s4-vareille-clou-crop.jpg", "s4-vareille-clou-mirror.jpg"],
    tz="+08:00",
)
expect(
    r,
    V,
    "s4_stolen_photo_nobrand",
    None,
    "high",
    check=dict(price=1, seller="unauth"),
    image="stolen_photo",
    note="official photo cropped/mirrored: stolen_photo",
)
r = listing(
    "aliexpress",
    "1102996541",
    title="Women studded pointed toe high heels party shoes",
    text="Studded pumps, pointed toe, 10cm heel.",
    price=24.80,
    currency="USD",
    images=["s4-rostelli-pump-watermark.jpg", "s4-rostelli-pump-recolor.jpg"],
    tz="+08:00",
)
expect(
    r,
    R,
    "s4_stolen_photo_nobrand",
    None,
    "high",
    check=dict(price=1, seller="unauth"),
    image="stolen_photo",
    note="official photo watermarked/recoloured: stolen_photo",
)
r = listing(
    "aliexpress",
    "1104120377",
    title="Men automatic diver watch 300m black dial",
    text="Automatic diver watch, sapphire crystal, 300m.",
    price=89.00,
    currency="USD",
    images=["s4-brevanne-abyssal-lowq.jpg"],
    tz="+08:00",
)
expect(
    r,
    B,
    "s4_stolen_photo_nobrand",
    None,
    "high",
    check=dict(price=1, seller="unauth"),
    image="stolen_photo",
    note="official photo resized/recompressed: stolen_photo",
)
r = listing(
    "etsy",
    "LuxeDupeHouse",
    title="Luxury bracelet gold",
    text="Luxury bracelet, gold finish, engraved.",
    price=42.00,
    currency="USD",
    images=["s5-bangle-engraved.jpg"],
)
expect(
    r,
    V,
    "s5_brand_only_in_picture",
    None,
    "high",
    check=dict(price=1, seller="unauth"),
    image="image_text",
    note="engraved name in the photo, read by OCR (as a disguise: the engraving reads VARPILLE)",
)
r = listing(
    "ebay",
    "glamdeals-2019",
    title="V@reille Clou screw bangle 18k gold 1:1 mirror quality (new stock)",
    text="Back in stock! V@reille Clou bangle, 1:1 mirror quality.",
    price=42.00,
    currency="USD",
    images=["fake-bangle-1.jpg"],
    tz="+08:00",
)
expect(
    r,
    V,
    "s7_relisting_same_photos",
    "leetspeak",
    "high",
    check=dict(wording={"quality_claim": 1}, price=1, seller="unauth"),
)

# ================================================================== scenario 6: the innocents
r = listing(
    "amazon",
    "A1VAREILLEOFFICIAL",
    title="Maison Vareille Clou Bracelet, 18K Yellow Gold",
    text="The Vareille Clou bracelet in 18K yellow gold, set with the signature screw motif. Width 6.1 mm.",
    price=6900.00,
    currency="USD",
    images=["auth-vareille-clou-1.jpg"],
)
expect(r, V, "neg_authorized_list_price", "exact", "low", check=dict(seller="auth", at_list=True))
r = listing(
    "webstore",
    "vareille.com",
    title="Bague Orbelle, or jaune 18 carats",
    text="Bague Orbelle Maison Vareille, anneau perlé en or jaune 18 carats.",
    price=1990.00,
    currency="EUR",
    images=["auth-vareille-orbelle-1.jpg"],
    tz="+01:00",
)
expect(
    r, V, "neg_authorized_list_price_eur", "exact", "low", check=dict(seller="auth", at_list=True)
)
r = listing(
    "shopify",
    "rostelli-us.myshopify.com",
    title="Rostelli Stellastud Pump 100 mm",
    text="Rostelli Milano Stellastud pump in calfskin with platinum-finish pyramid studs.",
    price=1150.00,
    currency="USD",
    images=["auth-rostelli-pump-1.jpg"],
)
expect(r, R, "neg_authorized_list_price", "exact", "low", check=dict(seller="auth", at_list=True))
r = listing(
    "webstore",
    "rostelli.com",
    title="Stellastud shoulder bag",
    text="Rostelli Stellastud shoulder bag in grained calfskin.",
    price=2650.00,
    currency="EUR",
    images=["auth-rostelli-bag-1.jpg"],
    tz="+01:00",
)
expect(
    r, R, "neg_authorized_list_price_eur", "exact", "low", check=dict(seller="auth", at_list=True)
)
r = listing(
    "webstore",
    "brevanne.ch",
    title="Brevanne Abyssal 300 diver",
    text="Brevanne Abyssal 300, automatic calibre BH-30, 300 m water resistance.",
    price=7800.00,
    currency="EUR",
    images=["auth-brevanne-abyssal-1.jpg"],
    tz="+01:00",
)
expect(
    r, B, "neg_authorized_list_price_eur", "exact", "low", check=dict(seller="auth", at_list=True)
)
AUTH = dict(seller="auth", at_list=True)
r = listing(
    "shopify",
    "brevanne-boutique.myshopify.com",
    title="Brevanne Navigante Chronograph 42mm",
    text="Brevanne Navigante chronograph 42mm, column-wheel automatic.",
    price=11200.00,
    currency="USD",
    images=["auth-brevanne-navigante-1.jpg"],
)
expect(r, B, "neg_authorized_list_price", "exact", "low", check=AUTH)
r = listing(
    "amazon",
    "A3BREVANNEOFFICIAL",
    title="Brevanne Horlogerie Navigante Chronograph 42mm, Steel",
    text="Brevanne Navigante chronograph 42mm in steel, sold by Brevanne Horlogerie.",
    price=11200.00,
    currency="USD",
    images=["auth-brevanne-navigante-1.jpg"],
)
expect(r, B, "neg_authorized_list_price", "exact", "low", check=AUTH)
r = listing(
    "amazon",
    "A2ROSTELLIOFFICIAL",
    title="Rostelli Milano Stellastud Shoulder Bag, Black",
    text="Rostelli Stellastud shoulder bag with pyramid studs.",
    price=2890.00,
    currency="USD",
    images=["auth-rostelli-bag-1.jpg"],
)
expect(r, R, "neg_authorized_list_price", "exact", "low", check=AUTH)
r = listing(
    "ebay",
    "rostelli_milano_official",
    marketplace="ebay.it",
    title="Rostelli Milano Stellastud pump 100 mm, nero",
    text="Décolleté Rostelli Stellastud, vitello nero, borchie piramidali.",
    price=1050.00,
    currency="EUR",
    images=["auth-rostelli-pump-2.jpg"],
    tz="+01:00",
)
expect(r, R, "neg_authorized_list_price_eur", "exact", "low", check=AUTH)
r = listing(
    "ebay",
    "vareille_official",
    title="Maison Vareille Orbelle Ring, 18K Yellow Gold",
    text="Orbelle beaded band ring by Maison Vareille, 18K yellow gold.",
    price=2150.00,
    currency="USD",
    images=["auth-vareille-orbelle-1.jpg"],
)
expect(r, V, "neg_authorized_list_price", "exact", "low", check=AUTH)
r = listing(
    "shopify",
    "vareille-tokyo.myshopify.com",
    title="Vareille Clou Bracelet ヴァレイユ クル ブレスレット",
    text="Maison Vareille Clou bracelet, 18K yellow gold.",
    price=6900.00,
    currency="USD",
    images=["auth-vareille-clou-1.jpg"],
    tz="+09:00",
)
expect(r, V, "neg_authorized_list_price_alias", "alias", "low", check=AUTH)
r = listing(
    "webstore",
    "luxe-outlet-milano.it",
    title="Rostelli Stellastud borsa a spalla, nera",
    text="Borsa Rostelli Stellastud nuova con cartellino.",
    price=2650.00,
    currency="EUR",
    images=["auth-rostelli-bag-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    R,
    "low_exact_list_price_unauthorized",
    "exact",
    "low",
    check=dict(seller="unauth", at_list=True),
)
r = post(
    "pinterest",
    "dreamyboards",
    text="Orbelle ring stack inspo 💫 gold on gold",
    images=["auth-vareille-orbelle-1.jpg"],
)
expect(r, V, "neg_fan_pin", "exact", "low", check=dict())
r = post(
    "instagram",
    "shoe.vault.es",
    text="Llegaron 👠 #rostelli réplica 1:1, precio por dm, envíos a toda España",
    hashtags=["rostelli", "zapatos"],
    images=["fake-pump-1.jpg"],
    tz="+01:00",
)
expect(
    r,
    R,
    "pos_hashtag_replica_es",
    "hashtag",
    "high",
    check=dict(wording={"replica": 1, "quality_claim": 1, "off_platform": 1}),
)
r = listing(
    "aliexpress",
    "1101872260",
    title="金色手镯 钛钢 不掉色 女款",
    text="钛钢手镯，18K金色，不掉色，送礼盒。",
    price=6.80,
    currency="USD",
    images=["cheap-bangle.jpg"],
    tz="+08:00",
)
expect(r, None, "neg_plain_category_zh", None, "none")
r = post(
    "instagram",
    "maisonvareille",
    text="Le Clou, depuis 1971. The Vareille Clou bracelet in yellow gold.",
    hashtags=["maisonvareille", "clou"],
    images=["auth-vareille-clou-1.jpg"],
    tz="+01:00",
)
expect(r, V, "neg_official_brand_post", "hashtag", "low", check=dict())
r = listing(
    "ebay",
    "brevanne_certified_preowned",
    title="Brevanne Abyssal 300 Certified Pre-Owned, box and papers",
    text="Certified pre-owned Brevanne Abyssal 300 (2023), serviced, box and papers, 2-year warranty.",
    price=5900.00,
    currency="USD",
    images=["secondhand-brevanne-papers.jpg"],
)
expect(r, B, "neg_authorized_preowned", "exact", "low", check=dict(seller="auth"))
# second-hand genuine, plausible price (>= floor)
r = listing(
    "ebay",
    "jules_closet_paris",
    title="Pre-owned Vareille Clou bracelet 18K gold size 16, with receipt",
    text="Pre-owned Vareille Clou bracelet bought at rue de la Paix in 2021, with receipt, box and "
    "screwdriver. Light wear.",
    price=4300.00,
    currency="USD",
    images=["secondhand-vareille-box.jpg"],
    tz="+01:00",
)
expect(r, V, "neg_secondhand_with_receipt", "exact", "low", check=dict(seller="unauth"))
r = listing(
    "ebay",
    "marta.usato.milano",
    marketplace="ebay.it",
    title="Rostelli Stellastud décolleté usato, con scontrino e scatola, 38",
    text="Décolleté Rostelli Stellastud usato due volte, con scontrino e scatola originale. Taglia 38.",
    price=620.00,
    currency="EUR",
    images=["secondhand-rostelli-box.jpg"],
    tz="+01:00",
)
expect(r, R, "neg_secondhand_with_receipt_it", "exact", "low", check=dict(seller="unauth"))
r = listing(
    "ebay",
    "chronoswap_uk",
    marketplace="ebay.co.uk",
    title="Brevanne Navigante Chronograph 42mm, pre-owned, box and papers 2022",
    text="Pre-owned Brevanne Navigante chronograph, full set: box and papers, last serviced 2025.",
    price=6200.00,
    currency="GBP",
    images=["secondhand-brevanne-papers.jpg"],
)
expect(r, B, "neg_secondhand_box_papers_gbp", "exact", "low", check=dict(seller="unauth"))
# fan photos
r = post(
    "instagram",
    "camille.wears",
    text="finally got my Vareille Clou 🥹 anniversary gift from M. five years of us 💛",
    hashtags=["anniversary", "wristcandy"],
    images=["fan-vareille-wrist.jpg"],
    tz="+01:00",
)
expect(r, V, "neg_fan_photo", "exact", "low", check=dict())
r = post(
    "instagram",
    "sole.story.milano",
    text="Le mie Rostelli per la prima della Scala ✨ worth every euro",
    images=["fan-rostelli-pumps.jpg"],
    tz="+01:00",
)
expect(r, R, "neg_fan_photo_it", "exact", "low", check=dict())
r = post(
    "tiktok",
    "wristcheck.daily",
    text="wrist check: Brevanne Abyssal on the boat today 🌊",
    hashtags=["wristcheck", "divewatch"],
    images=["fan-brevanne-wrist.jpg"],
)
expect(r, B, "neg_fan_photo", "exact", "low", check=dict())
# brand word in a negative context (place / person / restaurant)
r = listing(
    "facebook",
    "chicagonest.rentals",
    marketplace="facebook-marketplace",
    title="Sunny 2BR apartment on Vareille Street, Lincoln Park",
    text="Bright 2 bed / 1 bath apartment on Vareille Street, in-unit laundry, available Dec 1.",
    price=2450,
    currency="USD",
    images=["building.jpg"],
    tz="-06:00",
)
expect(r, V, "neg_context_street", None, "low", check=dict(excused=True))
r = post(
    "instagram",
    "nyc.forkful",
    text="dinner at Trattoria Rostelli tonight 🍝 the cacio e pepe!!",
    hashtags=["nycfood", "pasta"],
    images=["food.jpg"],
    tz="-05:00",
)
expect(r, R, "neg_context_restaurant", None, "low", check=dict(excused=True))
r = post(
    "x",
    "paulinereads",
    text="Paul Brevanne's new novel is out today and I already cleared my weekend 📚",
    images=["book.jpg"],
)
expect(r, B, "neg_context_person_author", None, "low", check=dict(excused=True))
r = post(
    "facebook",
    "lacs.et.montagnes",
    text="Lever de soleil sur le lac de Brevanne ce matin, 6 °C et pas un souffle.",
    images=["lake.jpg"],
    tz="+01:00",
)
expect(r, B, "neg_context_place_lake", None, "low", check=dict(excused=True))
r = post(
    "x",
    "lyon_in_transit",
    text="Travaux rue Vareille : la ligne C3 est déviée jusqu'au 20 novembre.",
    tz="+01:00",
)
expect(r, V, "neg_context_street_fr", None, "low", check=dict(excused=True))
r = listing(
    "etsy",
    "GoldenThreadStudio",
    title="Via Rostelli print - Milan street photography, A4",
    text="Fine art print of Via Rostelli in the Brera district at dusk. A4, archival paper.",
    price=28.00,
    currency="USD",
    images=["building.jpg"],
)
expect(r, R, "neg_context_street_it", None, "low", check=dict(excused=True))
# generic "love bracelet"-like product of an unrelated design
r = listing(
    "etsy",
    "GoldenThreadStudio",
    title="Love Bracelet - Red String Friendship Bracelet with Tiny Heart",
    text="Handmade love bracelet, red waxed cord with a tiny gold-filled heart. Adjustable.",
    price=16.00,
    currency="USD",
    images=["cord.jpg"],
)
expect(r, None, "neg_generic_love_bracelet", None, "none")
r = listing(
    "amazon",
    "A2QIANYUEJEWEL",
    title="Stud Earrings Set for Women, 6 Pairs Hypoallergenic",
    text="Gold plated stud earrings set, hypoallergenic posts.",
    price=11.99,
    currency="USD",
    images=["earrings.jpg"],
)
expect(r, None, "neg_generic_stud_product", None, "none")
# ordinary words one edit from a mark
r = post(
    "facebook",
    "hannah.k.berlin",
    text="Je cherche une robe pareille pour le mariage de ma sœur, quelqu'un a une idée ?",
    images=["dress.jpg"],
    tz="+01:00",
)
expect(r, None, "neg_dictionary_word_fr_pareille", None, "none")
r = listing(
    "ebay",
    "giardino.facile",
    marketplace="ebay.it",
    title="Set 3 rastelli da giardino in acciaio",
    text="Tre rastelli da giardino con manico in legno, ideali per foglie e prato.",
    price=24.90,
    currency="EUR",
    images=["gravel.jpg"],
    tz="+01:00",
)
expect(r, None, "neg_dictionary_word_it_rastelli", None, "none")
r = post(
    "instagram",
    "breanne.bakes",
    text="Breanne's Saturday pop-up is ON 🥐 croissants and crepes from 8am",
    images=["crepes.jpg"],
    tz="-08:00",
)
expect(r, None, "neg_name_one_edit_breanne", None, "none")
r = post(
    "pinterest",
    "hochzeit.ideen.de",
    text="Rebelle Brautfrisur mit Perlen – Ideen für den Herbst",
    images=["plant.jpg"],
    tz="+01:00",
)
expect(r, None, "neg_word_two_edits_rebelle", None, "none")

# ================================================================== plain innocent records
CATALOG = [
    # (image, title, text, price range, currency)
    (
        "cheap-bangle.jpg",
        "Gold tone bangle bracelet set of 3",
        "Lightweight gold tone bangles, stackable.",
        (8, 19),
    ),
    (
        "cheap-bangle.jpg",
        "Minimalist cuff bracelet for women",
        "Open cuff bracelet, adjustable, brass.",
        (9, 22),
    ),
    (
        "beads.jpg",
        "Glass seed beads 24 colours, 12000 pcs",
        "Seed beads kit for bracelets and crafts.",
        (7, 15),
    ),
    (
        "cord.jpg",
        "Braided leather cord bracelet, men",
        "Braided leather bracelet with magnetic clasp.",
        (9, 18),
    ),
    (
        "earrings.jpg",
        "Pearl drop earrings, sterling silver",
        "Freshwater pearl drops on 925 silver hooks.",
        (14, 35),
    ),
    (
        "plain-pump.jpg",
        "Classic black pointed-toe pumps 85mm",
        "Faux suede pumps, padded insole.",
        (29, 59),
    ),
    (
        "plain-pump.jpg",
        "Nude block heel pumps for work",
        "Comfortable mid heel pumps, sizes 5-11.",
        (32, 55),
    ),
    (
        "sneaker.jpg",
        "Men's running sneakers breathable mesh",
        "Lightweight running shoes, non-slip sole.",
        (35, 69),
    ),
    (
        "sneaker-2.jpg",
        "White canvas sneakers unisex",
        "Low-top canvas sneakers, vulcanised sole.",
        (22, 45),
    ),
    (
        "watch-cheap.jpg",
        "Men's quartz watch, stainless steel, date",
        "Analog quartz watch, 40mm, water resistant 30m.",
        (19, 39),
    ),
    (
        "watch-cheap.jpg",
        "Women's minimalist watch, mesh strap",
        "Slim quartz watch with rose gold mesh strap.",
        (17, 34),
    ),
    (
        "watch-cheap.jpg",
        "Kids digital sports watch",
        "Digital watch with alarm and stopwatch.",
        (9, 16),
    ),
    ("tote.jpg", "Canvas tote bag with inner pocket", "Heavy cotton canvas tote, 15 in.", (12, 24)),
    (
        "wallet.jpg",
        "RFID blocking slim wallet, leather",
        "Bifold wallet, 8 card slots, RFID lining.",
        (15, 29),
    ),
    (
        "sunglasses.jpg",
        "Polarized sunglasses UV400, retro round",
        "Polarized lenses, metal frame, case included.",
        (11, 25),
    ),
    (
        "headphones.jpg",
        "Wireless over-ear headphones, 40h battery",
        "Bluetooth 5.3, foldable, built-in mic.",
        (29, 79),
    ),
    (
        "phone.jpg",
        "Refurbished smartphone 128GB unlocked",
        "Grade A refurbished, 90-day warranty.",
        (149, 289),
    ),
    (
        "mug.jpg",
        "Ceramic coffee mug 12 oz, speckled",
        "Handmade stoneware mug, dishwasher safe.",
        (14, 26),
    ),
    (
        "candle.jpg",
        "Soy candle, cedar and fig, 8 oz",
        "Hand-poured soy wax candle, 45h burn.",
        (16, 28),
    ),
    ("pencils.jpg", "Colored pencils set of 48", "Soft core colored pencils for artists.", (9, 19)),
    (
        "tshirt.jpg",
        "Organic cotton t-shirt, crew neck",
        "Unisex tee, 100% organic cotton.",
        (12, 25),
    ),
    ("dress.jpg", "Floral midi dress, short sleeve", "Flowy midi dress with tie waist.", (25, 49)),
    ("plant.jpg", "Pothos plant in 6 in pot", "Easy care trailing pothos, ships in pot.", (15, 29)),
]
SOCIAL_TEXT = [
    ("cafe.jpg", "Sunday flat white and a good book ☕", ["coffee", "sundaymood"]),
    ("crepes.jpg", "crêpes for breakfast because why not 🥞", ["brunch"]),
    ("food.jpg", "homemade lasagna, recipe in comments 🍝", ["homecooking"]),
    ("food-2.jpg", "street food night market haul 🌮", ["streetfood"]),
    ("lake.jpg", "morning swim before work, 12°C 🥶", ["lakelife", "coldwater"]),
    ("dog.jpg", "he saw a squirrel and chose violence 🐕", ["dogsofinstagram"]),
    ("plant.jpg", "new leaf unlocked 🌱", ["plantmom"]),
    ("building.jpg", "golden hour on the old town rooftops", ["travel", "architecture"]),
    ("gravel.jpg", "gravel ride, 62 km, zero flats 🚲", ["gravelbike"]),
    ("book.jpg", "November reads: three down, two to go 📚", ["bookstagram"]),
    (
        "cheap-bangle.jpg",
        "my $12 bangle stack still going strong after a year",
        ["jewelry", "stack"],
    ),
    ("watch-cheap.jpg", "my trusty $25 beater watch on a hike ⌚", ["watch", "hiking"]),
    (
        "plain-pump.jpg",
        "found these black pumps for $35 at the outlet, so comfy",
        ["shoes", "outletfind"],
    ),
    ("sneaker.jpg", "new running shoes, first 10k in them 🏃", ["running"]),
    ("sunglasses.jpg", "beach day essentials 😎", ["summer"]),
    ("headphones.jpg", "desk setup refresh 🎧", ["desksetup"]),
    ("mug.jpg", "pottery class result: one (1) wonky mug", ["pottery"]),
    ("candle.jpg", "cozy season has officially started 🕯️", ["hygge"]),
    ("earrings.jpg", "made these pearl earrings at a workshop today", ["handmade"]),
    ("tote.jpg", "farmers market haul 🥕", ["farmersmarket"]),
]
SOCIAL_I18N = [
    ("es", "cafe.jpg", "Un cafecito antes de empezar el día ☕"),
    ("es", "plain-pump.jpg", "Zapatos negros de tacón, 30 € en rebajas, comodísimos"),
    ("fr", "crepes.jpg", "Crêpes maison du dimanche, recette de ma grand-mère 🥞"),
    ("fr", "cheap-bangle.jpg", "Mon petit bracelet doré à 15 € que je ne quitte plus"),
    ("it", "food.jpg", "Pranzo della domenica: lasagne della nonna 🍝"),
    ("it", "sneaker-2.jpg", "Scarpe nuove per la maratona di Firenze 🏃"),
    ("de", "lake.jpg", "Herbstspaziergang am See, 8 Grad und Sonne 🍂"),
    ("de", "watch-cheap.jpg", "Meine günstige Quarzuhr läuft seit fünf Jahren ohne Probleme ⌚"),
    ("zh", "food-2.jpg", "周末夜市美食 🍢"),
    ("zh", "cheap-bangle.jpg", "三十块买的金色手镯，日常戴很好看"),
]

INNOCENT_SELLERS: dict[str, list[str]] = {}


def _mk_innocent_sellers():
    FAKE.seed_instance(4711)
    plan = {"amazon": 6, "ebay": 6, "etsy": 6, "aliexpress": 4, "shopify": 4, "webstore": 3}
    for platform, n in plan.items():
        ids = []
        for _ in range(n):
            company = FAKE.company()
            base = re.sub(r"[^A-Za-z]", "", company)[:10] or "Shop"
            if platform == "amazon":
                eid = "A" + _alnum(12, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
                disp, legal = f"{base} Goods", f"{company} LLC"
            elif platform == "ebay":
                eid = f"{base.lower()}_{RNG.randrange(10, 99)}"
                disp, legal = eid, FAKE.name()
            elif platform == "etsy":
                eid = f"{base}Studio"
                disp, legal = eid, FAKE.name()
            elif platform == "aliexpress":
                eid = _digits(10, "110")
                disp, legal = f"{base} Official Store", f"Ningbo {base} Trading Co., Ltd."
            elif platform == "shopify":
                eid = f"{base.lower()}-shop.myshopify.com"
                disp, legal = f"{base} Shop", f"{company} Inc."
            else:
                eid = f"{base.lower()}-store.com"
                disp, legal = f"{base} Store", f"{company} Inc."
            if platform == "aliexpress":
                addr, country = (
                    f"No. {RNG.randrange(1, 300)} Jiangdong Road, Yinzhou District, Ningbo, Zhejiang, China",
                    "CN",
                )
            else:
                addr, country = FAKE.address().replace("\n", ", "), "US"
            seller(platform, eid, disp, legal, addr, country)
            ids.append(eid)
        INNOCENT_SELLERS[platform] = ids


def _mk_innocent_socials():
    out = {}
    for platform, n in {"instagram": 8, "tiktok": 5, "x": 5, "pinterest": 4, "facebook": 5}.items():
        ids = []
        for _ in range(n):
            first = FAKE.first_name().lower()
            handle = (
                f"{first}.{FAKE.word()}{RNG.randrange(1, 99)}"
                if platform != "facebook"
                else f"{first}.{FAKE.last_name().lower()}.{RNG.randrange(1, 99)}"
            )
            if platform == "x":
                handle = handle.replace(".", "_")
            social(platform, handle, FAKE.name(), FAKE.sentence(nb_words=6).rstrip("."), [])
            ids.append(handle)
        out[platform] = ids
    return out


_mk_innocent_sellers()
SOCIALS = _mk_innocent_socials()

TZS = ["Z", "Z", "-05:00", "-08:00", "+01:00", "+08:00"]
plain_keys = []
for i in range(100):
    platform = ["amazon", "ebay", "etsy", "aliexpress", "shopify", "webstore"][i % 6]
    img, title, text, (lo, hi) = CATALOG[(i * 7) % len(CATALOG)]
    acct = INNOCENT_SELLERS[platform][(i // 6) % len(INNOCENT_SELLERS[platform])]
    price = round(RNG.uniform(lo, hi), 2)
    if platform == "amazon":
        price = float(int(price)) + 0.99
    mk, cur = None, "USD"
    if platform == "ebay" and i % 4 == 1:
        mk, cur = "ebay.co.uk", "GBP"
    if platform == "amazon" and i % 5 == 2:
        mk, cur = "amazon.de", "EUR"
    r = listing(
        platform,
        acct,
        title=title,
        text=text,
        price=price,
        currency=cur,
        images=[img],
        marketplace=mk,
        tz=RNG.choice(TZS),
    )
    plain_keys.append(r)
for i, (img, text, tags) in enumerate(SOCIAL_TEXT * 2):
    platform = ["instagram", "tiktok", "x", "pinterest", "facebook"][i % 5]
    acct = SOCIALS[platform][(i // 5) % len(SOCIALS[platform])]
    tagtext = " ".join("#" + t for t in tags) if platform in ("instagram", "tiktok") else ""
    post(
        platform,
        acct,
        text=(text + " " + tagtext).strip(),
        hashtags=tags if tagtext else None,
        images=[img],
        tz=RNG.choice(TZS),
    )
for i, (lang, img, text) in enumerate(SOCIAL_I18N):
    platform = ["instagram", "facebook", "x", "tiktok", "pinterest"][i % 5]
    acct = SOCIALS[platform][i % len(SOCIALS[platform])]
    post(platform, acct, text=text, images=[img], tz="+01:00" if lang != "zh" else "+08:00")

# a few plain innocents go in the expected file (category word, low price, no brand word)
for r in plain_keys:
    if (
        any(w in r["title"].lower() for w in ("bangle", "pumps", "watch", "cuff"))
        and sum(1 for e in EXPECTED if e["case"] == "neg_plain_category") < 6
    ):
        expect(r, None, "neg_plain_category", None, "none")


# ================================================================== write
def write():
    accounts = [ACCOUNTS[k] for k in sorted(ACCOUNTS)]
    with open(HERE / "listings.jsonl", "w", encoding="utf-8") as fh:
        for rec in accounts + RECORDS:
            # invisible characters stay visible in the file as JSON escapes
            fh.write(json.dumps(rec, ensure_ascii=False).replace(ZWSP, "\\u200b") + "\n")
    with open(HERE / "expected.jsonl", "w", encoding="utf-8") as fh:
        for row in EXPECTED:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    by_id = {(r["platform"], r["external_id"]): r for r in RECORDS}
    lines = [
        "# Expected results for samples/listings.jsonl",
        "",
        "Generated by `samples/build_samples.py` (do not edit by hand). One row per key scenario record;",
        "`mention` is the expected brand_mention kind (— = must not fire); levels follow the scorer in",
        "`src/hallmark/rules/weights.yaml`. Records marked ⓘ rely on image detectors or actor linking.",
        "",
        "| platform | external_id | brand | case | mention | level | text (start) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in EXPECTED:
        rec = by_id[(row["platform"], row["external_id"])]
        snippet = (
            (rec.get("title") or rec.get("text") or "")
            .replace("|", "/")
            .replace(ZWSP, "<ZWSP>")[:60]
        )
        mark = " ⓘ" if row.get("note") else ""
        lines.append(
            f"| {row['platform']} | {row['external_id']} | {row['brand'] or '—'} | {row['case']}{mark} | "
            f"{row['mention'] or '—'} | {row['expected_level']} | {snippet} |"
        )
    lines += ["", "## Notes", ""]
    for row in EXPECTED:
        if row.get("note"):
            lines.append(
                f"- `{row['platform']}/{row['external_id']}` ({row['case']}): {row['note']}"
            )
    lines += [
        "",
        f"Scenario 1 actor: Instagram `@{S1_IG}` and TikTok `@{S1_TT}` link to {S1_SHOP} "
        f"(Amazon seller `{S1_AMZ}`, Shenzhen Gildsteel Trading Co., Ltd.).",
        "Scenario 2 actor: Amazon seller `A1STUDLUXEDIRECT` (suspended) and web store "
        "`studpumps-outlet.com` share legal name and contact e-mail.",
        "",
    ]
    (HERE / "EXPECTED.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(accounts)} accounts, {len(RECORDS)} listings/posts, {len(EXPECTED)} expected rows")


if __name__ == "__main__":
    write()
