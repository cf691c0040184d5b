"""Instagram: genuine Graph API and web-export samples, and our own fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hallmark.channels.instagram import InstagramChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)
REAL = "instagram/python-facebook__"


def parse(path: Path) -> list[Listing | Account | ImportRecordError]:
    return list(InstagramChannel().parse(path.read_bytes(), source=path.name, captured_at=AT))


def test_business_discovery_user_fields(fixtures_real: Path) -> None:
    [account] = parse(fixtures_real / f"{REAL}discovery_user_fields.json")
    assert isinstance(account, Account)
    assert account.platform == "instagram"
    assert account.external_id == "17841407673135339"
    assert account.handle == "facebookfordevelopers"
    assert account.display_name == "Facebook for Developers"
    assert account.url == "https://www.instagram.com/facebookfordevelopers/"
    assert (
        account.bio == "Follow us for updates on Facebook’s business tools, AI, AR, VR, and more."
    )
    assert account.extra["followers_count"] == 64976
    assert account.extra["media_count"] == 436


def test_user_fields(fixtures_real: Path) -> None:
    [account] = parse(fixtures_real / f"{REAL}users_user_fields.json")
    assert isinstance(account, Account)
    assert (account.external_id, account.handle) == ("17841407673135339", "facebookfordevelopers")
    assert account.extra["followers_count"] == 64363
    assert account.extra["media_count"] == 427


def test_business_discovery_media_page(fixtures_real: Path) -> None:
    records = parse(fixtures_real / f"{REAL}discovery_medias_p1.json")
    # The response names the account by id only, so no account record would add anything.
    assert all(isinstance(r, Listing) for r in records)
    posts = [r for r in records if isinstance(r, Listing)]
    assert [p.external_id for p in posts] == ["17885103395504675", "17886271043461692"]
    first = posts[0]
    assert first.kind == "post"
    assert first.account == "17841407673135339"
    assert first.url == "https://www.instagram.com/p/CSr71Gzlqo4/"
    assert first.text is not None and first.text.startswith("To attract new players")
    assert first.images[0].startswith(
        "https://scontent-nrt1-1.cdninstagram.com/v/t51.29350-15/238148161_"
    )
    assert first.extra == {
        "media_type": "IMAGE",
        "timestamp": "2021-08-17T19:00:42+00:00",
        "like_count": 87,
        "comments_count": 11,
    }
    assert (posts[1].extra["like_count"], posts[1].extra["comments_count"]) == (186, 16)


def test_hashtag_recent_media(fixtures_real: Path) -> None:
    records = parse(fixtures_real / f"{REAL}hashtags_hashtag_recent_medias_p1.json")
    assert [
        (r.external_id, r.extra["like_count"], r.extra["comments_count"])
        for r in records
        if isinstance(r, Listing)
    ] == [
        ("18088158883149835", 804, 8),
        ("17842849828991925", 1430, 44),
        ("17859234943725739", 448, 6),
        ("17846072587933764", 502, 57),
        ("17892931315460101", 165, 12),
    ]
    assert len(records) == 5


def test_carousel_media(fixtures_real: Path) -> None:
    [post] = parse(fixtures_real / f"{REAL}medias_media_default.json")
    assert isinstance(post, Listing)
    assert post.external_id == "17896129349106152"
    assert post.text == "ALBUM"
    assert post.url == "https://www.instagram.com/p/CRyZpmrjYC4/"
    assert post.account is None
    assert len(post.images) == 3  # two photos and the video's thumbnail
    assert post.images[2].startswith(
        "https://scontent-gmp1-1.cdninstagram.com/v/t51.29350-15/225731613_"
    )
    assert post.extra["media_type"] == "CAROUSEL_ALBUM"
    assert post.extra["timestamp"] == "2021-07-26T10:45:20+00:00"
    assert post.extra["children"] == ["17889214265226770", "17886719108286032", "17904922598025487"]
    assert post.extra["videos"][0].startswith("https://video-gmp1-1.cdninstagram.com/")
    assert (post.extra["like_count"], post.extra["comments_count"]) == (1, 0)


def test_product_tags(fixtures_real: Path) -> None:
    [product] = parse(fixtures_real / f"{REAL}medias_product_tags.json")
    assert isinstance(product, Listing)
    assert product.kind == "listing"
    assert product.external_id == "3231775643511089"
    assert product.title == "Gummy Bears"
    # "$" names several currencies, so the price stays as the text it was.
    assert (product.price, product.currency) == (None, None)
    assert product.extra == {
        "merchant_id": "90010177253934",
        "price_string": "$3.50",
        "stripped_price_string": "$3.50",
        "stripped_sale_price_string": "$3",
        "review_status": "approved",
        "is_checkout": True,
    }


def test_web_feed_item(fixtures_real: Path) -> None:
    account, post = parse(
        fixtures_real
        / "instagram"
        / "zeeschuimer-instagram-web__feed-item_miniaturwunderland.ndjson"
    )
    assert isinstance(account, Account)
    assert account.external_id == "306685255"
    assert account.handle == "miniaturwunderland"
    assert account.display_name == "Miniatur Wunderland"
    assert account.url == "https://www.instagram.com/miniaturwunderland/"
    assert account.extra["is_verified"] is True
    assert isinstance(post, Listing)
    assert post.external_id == "3805592983983260079"
    assert post.account == "306685255"
    assert post.url == "https://www.instagram.com/p/DTQLqfyCoGv/"
    assert post.hashtags == ("freiereintritt", "freeentry", "forfree")
    assert post.links == ("https://miwula.de/leisten",)
    assert post.text is not None and post.text.startswith("What‘s happening here?")
    assert len(post.images) == 1
    assert post.extra["media_type"] == "VIDEO"
    assert post.extra["product_type"] == "clips"
    assert post.extra["timestamp"] == "2026-01-08T14:21:28+00:00"
    assert (post.extra["like_count"], post.extra["comments_count"]) == (29082, 297)


def test_minimal_media(fixtures_own: Path) -> None:
    assert parse(fixtures_own / "instagram" / "media_minimal.json") == [
        Listing(
            kind="post",
            platform="instagram",
            external_id="17900000000000001",
            captured_at=AT,
            marketplace="instagram.com",
            extra={"media_type": "IMAGE"},
        )
    ]


def test_bad_item_in_hashtag_page(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "instagram" / "hashtag_recent_malformed.json")
    assert [getattr(r, "external_id", None) for r in records] == [
        "17900000000000101",
        None,
        "17900000000000103",
    ]
    error = records[1]
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (2, "id: required field is missing")


def test_bad_line_in_web_export(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "instagram" / "feed_malformed.ndjson")
    assert [type(r).__name__ for r in records] == [
        "Account",
        "Listing",
        "ImportRecordError",
        "Listing",
    ]
    error = records[2]
    assert isinstance(error, ImportRecordError)
    assert error.line == 2
    assert error.reason.startswith("not valid JSON: Expecting ',' delimiter")
    last = records[3]
    assert isinstance(last, Listing)
    assert (last.external_id, last.account, last.text) == (
        "3800000000000000003",
        "5123456789",
        None,
    )
    assert last.extra["media_type"] == "CAROUSEL_ALBUM"


def test_shop_business_discovery(fixtures_own: Path) -> None:
    account, reel, photo = parse(fixtures_own / "instagram" / "business_discovery_shop.json")
    assert isinstance(account, Account)
    assert account.external_id == "17841400000000777"
    assert account.links == ("https://acme-outlet.example/",)  # the link in bio
    assert account.extra["followers_count"] == 48211
    assert account.extra["follows_count"] == 312
    assert isinstance(reel, Listing) and isinstance(photo, Listing)
    assert reel.account == photo.account == "17841400000000777"
    assert reel.hashtags == ("acme", "trailrunning")
    assert reel.links == ("https://acme-outlet.example/runner",)
    assert reel.images == (
        "https://scontent.cdninstagram.com/v/t51.29350-15/acme_runner_thumb.jpg",
    )
    assert reel.extra["videos"] == ["https://scontent.cdninstagram.com/o1/v/t16/f1/acme_runner.mp4"]
    assert reel.extra["media_product_type"] == "REELS"
    assert photo.url == "https://www.instagram.com/p/C0AcMeStOcK/"


def test_product_tags_with_unambiguous_currency(fixtures_own: Path) -> None:
    runner, cap = parse(fixtures_own / "instagram" / "product_tags_eur.json")
    assert isinstance(runner, Listing) and isinstance(cap, Listing)
    assert (runner.external_id, runner.price, runner.currency) == (
        "8123456789012345",
        Decimal("129.00"),
        "EUR",
    )
    assert (cap.external_id, cap.price, cap.currency) == (
        "8123456789012346",
        Decimal("12.50"),
        "EUR",
    )


def test_graph_error_body_raises(fixtures_own: Path) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "instagram" / "error_unsupported_get.json")
    assert caught.value.reason == (
        "Graph API error 100 (GraphMethodException): Unsupported get request. Object with ID "
        "'17841400000099999' does not exist, cannot be loaded due to missing permissions, or "
        "does not support this operation. Please read the Graph API documentation at "
        "https://developers.facebook.com/docs/graph-api"
    )


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"not json", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b'"text"', "not an Instagram Graph API response"),
        (b'{"items": []}', "not an Instagram Graph API response"),
    ],
)
def test_not_an_instagram_response(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        list(InstagramChannel().parse(payload, source="x.json", captured_at=AT))
    assert caught.value.reason == reason
