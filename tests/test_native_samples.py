"""The demo data in each platform's native format (samples/native/, built by
samples/build_native.py) parses with that platform's channel into the canonical records of
samples/listings.jsonl, less what samples/native/README.md says each format cannot carry."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from hallmark.channels.catalogue import build_channel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NATIVE = SAMPLES / "native"
BUILD = SAMPLES / "build_native.py"
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
CAPTURED = datetime(2026, 12, 1, tzinfo=UTC)
IMAGE_BASE = "https://demo.hallmark.invalid/img/"
# Formats that carry no price (Shopify: no currency in /products.json; social formats: none).
PRICED = {"amazon", "ebay", "etsy", "webstore"}
# Formats whose accounts are keyed by a numeric platform id rather than the handle.
NUMERIC_ACCOUNTS = {"instagram", "facebook", "x"}


def _canonical() -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    items: dict[str, list[dict[str, Any]]] = {p: [] for p in PLATFORMS}
    accounts: dict[str, list[dict[str, Any]]] = {p: [] for p in PLATFORMS}
    for line in (SAMPLES / "listings.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if record["platform"] in PLATFORMS:
            target = accounts if record["kind"] == "account" else items
            target[record["platform"]].append(record)
    return items, accounts


ITEMS, ACCOUNTS = _canonical()


def _parse(platform: str) -> Iterator[Listing | Account | ImportRecordError]:
    channel = build_channel(platform)
    files = sorted(p for p in (NATIVE / platform).iterdir() if p.is_file())
    assert files, f"no native files for {platform}"
    for path in files:
        yield from channel.parse(path.read_bytes(), source=str(path), captured_at=CAPTURED)


@pytest.fixture(scope="module", params=PLATFORMS)
def parsed(request: pytest.FixtureRequest) -> tuple[str, list[Listing], list[Account]]:
    platform: str = request.param
    records = list(_parse(platform))  # a PayloadError fails the test here
    errors = [r for r in records if isinstance(r, ImportRecordError)]
    assert errors == []
    listings = [r for r in records if isinstance(r, Listing)]
    accounts = [r for r in records if isinstance(r, Account)]
    assert {r.platform for r in listings + accounts} <= {platform}
    return platform, listings, accounts


def _native_id(record: dict[str, Any]) -> str:
    """The canonical external_id as the native format spells it (README: ids)."""
    if record["platform"] == "webstore":
        parts = urlsplit(record["url"])
        return f"{parts.hostname}{parts.path}"
    return str(record["external_id"])


def _base_id(listing: Listing) -> str:
    # a Facebook feed post id is "{page-id}_{post-id}"
    if listing.platform == "facebook":
        return listing.external_id.partition("_")[2]
    return listing.external_id


def _by_id(listings: list[Listing]) -> dict[str, Listing]:
    found: dict[str, Listing] = {}
    for listing in listings:
        # eBay's getItem files repeat one listing of each seller; it must come out the same
        if listing.external_id in found:
            assert found[listing.external_id].title == listing.title
            assert found[listing.external_id].price == listing.price
        found[listing.external_id] = listing
    return found


def test_ids_and_titles(parsed: tuple[str, list[Listing], list[Account]]) -> None:
    platform, listings, _ = parsed
    native = _by_id(listings)
    canonical = {_native_id(r): r for r in ITEMS[platform]}
    assert {(n.platform, _base_id(n)) for n in native.values()} == {
        (platform, i) for i in canonical
    }
    for listing in native.values():
        record = canonical[_base_id(listing)]
        if platform == "facebook" and record["kind"] == "listing":
            # a Marketplace item comes as a feed post; its title is the shared attachment's
            assert listing.title is None
            assert listing.kind == "post"
            titles = [a.get("title") for a in listing.extra["attachments"]]
            assert record["title"] in titles
        else:
            assert listing.title == record.get("title")
            assert listing.kind == record["kind"]


def test_fields_carried(parsed: tuple[str, list[Listing], list[Account]]) -> None:
    platform, listings, _ = parsed
    canonical = {_native_id(r): r for r in ITEMS[platform]}
    for listing in _by_id(listings).values():
        record = canonical[_base_id(listing)]
        images = tuple(IMAGE_BASE + quote(Path(i).name) for i in record.get("images", []))
        assert listing.url == record["url"]
        if platform != "tiktok":  # the Research API gives no image or cover URL
            assert listing.images == images
        text = record.get("text")
        if platform in ("instagram", "pinterest") and listing.text != text:
            # hashtags the text lacks are appended as its last line
            assert listing.text is not None and listing.text.startswith(text or "")
        else:
            assert listing.text == text
        if platform in ("instagram", "pinterest", "tiktok"):
            assert listing.hashtags == tuple(record.get("hashtags", []))
        if platform in PRICED:
            assert listing.price == Decimal(str(record["price"]))
            assert listing.currency == record["currency"]
        if platform == "shopify":
            assert listing.price is None
            assert Decimal(listing.extra["price"]) == Decimal(str(record["price"]))
        if platform in ("ebay", "amazon"):
            assert listing.marketplace == record["marketplace"]
        if platform not in NUMERIC_ACCOUNTS | {"amazon"}:
            assert listing.account == record["account"]
        if platform == "amazon":
            assert listing.account is None  # the catalogue has no seller


def test_accounts(parsed: tuple[str, list[Listing], list[Account]]) -> None:
    platform, listings, accounts = parsed
    canonical = {a["external_id"]: a for a in ACCOUNTS[platform]}
    if platform in ("amazon", "tiktok"):
        assert accounts == []  # README: no seller / no user info parsed from video queries
        if platform == "tiktok":
            assert {n.account for n in listings} <= canonical.keys()
        return
    # the fullest record of each account (eBay's getItem adds the seller's legal details)
    by_handle = {a.handle: a for a in sorted(accounts, key=lambda a: a.legal_name is not None)}
    assert len(by_handle) == len({a.external_id for a in accounts})
    if platform in ("ebay", "etsy", "shopify", "webstore", "pinterest"):
        assert (
            {a.external_id for a in accounts}
            == {r["account"] for r in ITEMS[platform]}
            == canonical.keys() & {r["account"] for r in ITEMS[platform]}
        )
    else:
        assert by_handle.keys() == canonical.keys()
        ids = {a.external_id: a.handle for a in accounts}
        for listing in listings:
            assert ids[listing.account] == canonical_account(platform, listing)
    for handle, account in by_handle.items():
        record = canonical[handle]
        if platform in ("instagram", "facebook", "x", "webstore"):
            assert account.display_name == record["display_name"]
        if platform in ("instagram", "facebook", "x"):
            assert account.bio == record.get("bio")
        if platform == "instagram":
            assert account.links == tuple(record["links"][:1])
        if platform == "ebay":
            assert account.legal_name == record.get("legal_name")
            assert account.address == record.get("address")
            assert account.country == record.get("country")
        if platform == "etsy":
            assert account.country == record.get("country")
            assert record["legal_name"] in account.extra["seller_info"]


def canonical_account(platform: str, listing: Listing) -> str:
    canonical = {_native_id(r): r for r in ITEMS[platform]}
    return str(canonical[_base_id(listing)]["account"])


def test_readme_names_every_platform() -> None:
    readme = (NATIVE / "README.md").read_text("utf-8")
    for platform in PLATFORMS:
        assert f"## {platform}" in readme


def test_generator_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        out = tmp_path / run
        subprocess.run([sys.executable, str(BUILD), "--out", str(out)], check=True, cwd=ROOT)
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]
    committed = {p.relative_to(NATIVE): p.read_bytes() for p in NATIVE.rglob("*") if p.is_file()}
    assert outputs[0] == committed, "samples/native is stale: run samples/build_native.py"
