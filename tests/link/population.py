"""A background population of accounts for linking tests: unrelated sellers and posters whose
noisy identifiers (a courier's phone, a marketplace's domain, a stock photo, the brand's own
photo, a common first name, a Linktree root) are each shared by many accounts."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from hallmark.domain import Account
from hallmark.store import Store, Workspace
from hallmark.store.accounts import upsert_accounts
from hallmark.store.brands import add_brand
from hallmark.store.listings import PreparedListing, upsert_listings
from hallmark.testing import brand_spec, make_listing
from tests.conftest import NOW

FIRST_NAMES = ("anna", "maria", "chen", "sofia", "james", "lucas", "emma", "noah")
PLATFORMS = ("amazon", "ebay", "etsy", "shopify", "webstore", "instagram", "tiktok", "x")
COURIER = "+18005550199"
STOCK = hashlib.sha256(b"stock photo").hexdigest()
OFFICIAL = hashlib.sha256(b"official photo").hexdigest()
NOISY = ("courier", "marketplace", "stock", "official", "name", "linktree")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Population:
    accounts: list[Account] = field(default_factory=list)
    listings: list[PreparedListing] = field(default_factory=list)
    holders: dict[str, list[str]] = field(default_factory=dict)
    """For each noisy identifier, the external ids of the accounts holding it."""


def background(n: int, seed: int = 7, prefix: str = "bg") -> Population:
    rng = random.Random(seed)
    found = Population(holders={k: [] for k in NOISY})
    for i in range(n):
        platform = PLATFORMS[i % len(PLATFORMS)]
        external = f"{prefix}{i:05d}"
        name = f"{rng.choice(FIRST_NAMES)}{rng.randrange(10, 99999)}"
        links: list[str] = [f"https://{prefix}-{i}-shop.com/"] if rng.random() < 0.3 else []
        contacts = [f"+1415{rng.randrange(10**6, 10**7)}"] if rng.random() < 0.5 else []
        pictures = [digest(f"{prefix}{i}-own-{k}") for k in range(rng.randrange(1, 4))]
        roll = i % 10
        if roll == 0:
            contacts.append(COURIER)
            found.holders["courier"].append(external)
        elif roll == 1:
            links.append(f"https://www.amazon.com/?tag={i}")
            links.append("https://www.dhl.com/track")
            found.holders["marketplace"].append(external)
        elif roll == 2:
            pictures.append(STOCK)
            found.holders["stock"].append(external)
        elif roll == 3:
            pictures.append(OFFICIAL)
            found.holders["official"].append(external)
        elif roll == 4:
            links.append("https://linktr.ee")
            links.append("https://linktr.ee/")
            found.holders["linktree"].append(external)
        if name.startswith("anna"):
            found.holders["name"].append(external)
        found.accounts.append(
            Account(
                platform,
                external,
                handle=name,
                display_name=name.title(),
                links=tuple(links),
                contacts=tuple(contacts),
            )
        )
        found.listings.append(listing(platform, external, f"{external}-L", pictures))
    return found


def listing(platform: str, account: str, external_id: str, pictures: list[str]) -> PreparedListing:
    item = make_listing("Gold bangle", platform=platform, external_id=external_id, account=account)
    return PreparedListing(item, [{"sha256": p} for p in pictures])


def store_population(store: Store, workspace: Workspace, population: Population) -> None:
    with store.transaction() as conn:
        upsert_accounts(conn, workspace, population.accounts, NOW)
        upsert_listings(conn, workspace, population.listings, NOW)


def add_official_brand(store: Store, workspace: Workspace) -> None:
    spec = brand_spec(
        products=[
            {
                "name": "Love bracelet",
                "category": "bracelet",
                "price_floor": {"USD": 2000},
                "photos": ["photos/love-1.jpg"],
            }
        ]
    )
    spec["files"] = {"photos/love-1.jpg": OFFICIAL}
    with store.transaction() as conn:
        add_brand(conn, workspace, spec, source="test", at=NOW)
