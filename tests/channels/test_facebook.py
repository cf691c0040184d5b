"""Facebook Graph API: genuine page, page search and feed samples, and our own fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hallmark.channels.facebook import FacebookChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)


def parse(path: Path) -> list[Listing | Account | ImportRecordError]:
    return list(FacebookChannel().parse(path.read_bytes(), source=path.name, captured_at=AT))


def test_page_search_gives_one_account_per_page(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "facebook" / "python-facebook__pages_search_pages.json")
    assert all(isinstance(r, Account) for r in records)
    assert [(r.external_id, r.display_name) for r in records if isinstance(r, Account)] == [
        ("108824017345866", "Facebook"),
        ("20531316728", "Facebook App"),
        ("185150934832623", "Facebook"),
        ("126320487382225", "T.Rextasy (Marc Bolan Tribute) Official Facebook Page"),
        ("196822497403119", "Facebook Direct Support"),
    ]
    assert records[4].url == "https://www.facebook.com/196822497403119"  # type: ignore[union-attr]


def test_single_page(fixtures_real: Path) -> None:
    [page] = parse(fixtures_real / "facebook" / "python-facebook__pages_single_default_page.json")
    assert isinstance(page, Account)
    assert page.platform == "facebook"
    assert page.external_id == "20531316728"
    assert page.handle == "facebookapp"
    assert page.display_name == "Facebook"
    assert page.url == "https://www.facebook.com/facebookapp/"
    assert page.links == ("http://www.facebook.com",)
    assert page.bio is not None and page.bio.startswith("The Facebook Page celebrates")
    assert page.extra["fan_count"] == 214507731
    assert page.extra["talking_about_count"] == 652404
    assert page.extra["were_here_count"] == 143680
    assert page.extra["verification_status"] == "blue_verified"
    assert page.extra["categories"] == ["网站", "公司"]
    assert page.extra["global_brand_root_id"] == "1499730620315598"


def test_page_feed(fixtures_real: Path) -> None:
    records = parse(
        fixtures_real / "facebook" / "python-facebook__posts_feeds_default_fields_p1.json"
    )
    assert len(records) == 5
    posts = [r for r in records if isinstance(r, Listing)]
    assert [p.external_id for p in posts] == [
        "19292868552_10158349356748553",
        "19292868552_10158347294088553",
        "19292868552_10158345715593553",
        "19292868552_10158343840773553",
        "19292868552_10158333323653553",
    ]
    first = posts[0]
    assert first.kind == "post"
    assert first.account == "19292868552"
    assert first.marketplace == "facebook.com"
    assert first.url == "https://www.facebook.com/19292868552/posts/10158349356748553/"
    assert first.text is not None and first.text.startswith("Singaporean logistics company")
    assert first.links == ("https://fb.me/Ninja-Van-Success-Story",)
    assert first.images[0].startswith(
        "https://scontent-ssn1-1.xx.fbcdn.net/v/t1.6435-9/p720x720/211801276_"
    )
    assert first.captured_at == AT
    assert first.extra["created_time"] == "2021-07-09T19:09:52+00:00"
    assert first.extra["updated_time"] == "2021-07-12T01:03:23+00:00"
    assert (first.extra["shares"], first.extra["comments"], first.extra["reactions"]) == (
        10,
        13,
        125,
    )
    assert (first.extra["like"], first.extra["love"]) == (119, 6)
    assert first.extra["mentions"][0] == {
        "id": "957138134486129",
        "name": "Ninja Van Singapore",
        "type": "page",
    }
    # The shared link's real target, not Facebook's l.php redirect.
    assert posts[1].links == (
        "https://fb.me/Facebook-Peering-automation",
        "https://engineering.fb.com/2021/05/20/networking-traffic/peering-automation/?utm_source=social-facebook&utm_medium=fb4d&utm_campaign=organic&utm_content=post-url&utm_offering=engineering&utm_product=Peering-automation-at-Facebook_07082021&eventSource=OrganicSocialFB4D&content_id=Py4ExKngmEFlnJN",
    )
    assert posts[1].extra["attachments"][0]["title"] == (
        "Peering automation at Facebook - Facebook Engineering"
    )
    assert posts[4].extra["status_type"] == "added_video"
    assert posts[4].extra["comments"] == 49


def test_minimal_page(fixtures_own: Path) -> None:
    assert parse(fixtures_own / "facebook" / "page_minimal.json") == [
        Account(
            platform="facebook",
            external_id="100064761234567",
            display_name="ACME Outlet Deals",
            url="https://www.facebook.com/100064761234567",
        )
    ]


def test_shop_page_with_location_and_contacts(fixtures_own: Path) -> None:
    [page] = parse(fixtures_own / "facebook" / "page_shop_location.json")
    assert isinstance(page, Account)
    assert page.handle == "acmestoreberlin"
    assert page.address == "Tauentzienstraße 9, Berlin, 10789"
    assert page.country == "Germany"
    assert page.links == ("https://acme.example/de",)
    assert page.contacts == ("+49 30 1234567", "store.berlin@acme.example")
    assert page.extra == {
        "fan_count": 15230,
        "followers_count": 16011,
        "verification_status": "not_verified",
        "category": "Shopping & retail",
        "categories": ["Shopping & retail"],
    }


def test_bad_post_in_feed_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "facebook" / "feed_malformed.json")
    assert [type(r).__name__ for r in records] == [
        "Account",
        "Listing",
        "ImportRecordError",
        "Listing",
    ]
    author, first, error, third = records
    assert isinstance(author, Account) and author.display_name == "ACME Official Store Berlin"
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (2, "id: required field is missing")
    assert isinstance(first, Listing)
    assert first.account == "104512345678901"
    assert first.hashtags == ("acme", "blackfriday")
    assert first.links == ("https://acme.example/de/bf",)
    assert isinstance(third, Listing)
    assert third.images == (
        "https://scontent.xx.fbcdn.net/v/t39.30808-6/hours1.jpg",
        "https://scontent.xx.fbcdn.net/v/t39.30808-6/hours2.jpg",
    )


def test_graph_error_body_raises(fixtures_own: Path) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "facebook" / "error_alias.json")
    assert caught.value.reason == (
        "Graph API error 803 (OAuthException): (#803) Some of the aliases you requested "
        "do not exist: acme-no-such-page"
    )


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"<html></html>", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"[1, 2]", "not a Facebook Graph API page, search or feed response"),
        (b'{"items": []}', "not a Facebook Graph API page, search or feed response"),
    ],
)
def test_not_a_graph_response(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        list(FacebookChannel().parse(payload, source="x.json", captured_at=AT))
    assert caught.value.reason == reason
