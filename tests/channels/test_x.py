"""X API v2: the genuine tweepy and twarc samples, and our own reference-built fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hallmark.channels.x import XChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)
Parsed = Listing | Account | ImportRecordError


def parse(path: Path) -> list[Parsed]:
    return list(XChannel().parse(path.read_bytes(), source=path.name, captured_at=AT))


def parse_bytes(payload: bytes) -> list[Parsed]:
    return list(XChannel().parse(payload, source="payload.json", captured_at=AT))


def posts(records: list[Parsed]) -> list[Listing]:
    return [r for r in records if isinstance(r, Listing)]


def accounts(records: list[Parsed]) -> list[Account]:
    return [r for r in records if isinstance(r, Account)]


def test_twarc_lookup_with_expansions(fixtures_real: Path) -> None:
    path = fixtures_real / "x-twitter" / "twarc-csv__verified_type_tweet_lookup_expansions.jsonl"
    records = parse(path)
    assert len(records) == 2  # the author, and the post once although includes.tweets repeats it
    [author] = accounts(records)
    assert author.platform == "x"
    assert author.external_id == "2244994945"
    assert author.handle == "TwitterDev"
    assert author.display_name == "Twitter Dev"
    assert author.url == "https://x.com/TwitterDev"
    assert author.links == ("https://developer.twitter.com/en/community",)
    assert author.bio is not None and author.bio.startswith("The voice of the #TwitterDev team")
    assert author.extra == {
        "followers": 556601,
        "following": 1961,
        "posts": 4053,
        "listed": 2108,
        "verified": True,
        "verified_type": "business",
        "created_at": "2013-12-14T04:35:55.000Z",
        "location": "127.0.0.1",
        "profile_image_url": "https://pbs.twimg.com/profile_images/1445764922474827784/W2zEPN7U_normal.jpg",
    }
    [post] = posts(records)
    assert post.kind == "post"
    assert post.external_id == "1603823063690199040"
    assert post.account == "2244994945"
    assert post.url == "https://x.com/TwitterDev/status/1603823063690199040"
    assert post.marketplace == "x.com"
    assert post.captured_at == AT
    assert post.text is not None and post.text.startswith("Testing… Testing… Twitter Dev is back")
    assert post.hashtags == () and post.links == () and post.images == ()
    assert post.price is None and post.currency is None
    assert post.extra["created_at"] == "2022-12-16T18:43:10.000Z"
    assert post.extra["lang"] == "en"
    assert (post.extra["views"], post.extra["likes"], post.extra["reposts"]) == (139075, 745, 104)
    assert (post.extra["replies"], post.extra["quotes"]) == (37, 24)
    assert "Brand: Twitter" in post.extra["context"]
    assert post.extra["context"][0] == "Business Taxonomy: Technology Business"


def test_tweets_by_ids_default_fields(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "x-twitter" / "tweepy-cassette__get_tweets_by_ids.json")
    assert [type(r) for r in records] == [Listing, Listing]
    first, second = posts(records)
    assert first.external_id == "1293593516040269825"
    assert first.account is None  # default fields carry no author_id
    assert first.url == "https://x.com/i/web/status/1293593516040269825"
    assert first.text is not None and first.text.startswith("It’s finally here! \U0001f941 Say")
    assert first.hashtags == ("TwitterAPI",)
    assert first.links == ("https://t.co/32VrwpGaJw", "https://t.co/KaFSbjWUA8")
    assert first.extra == {"edit_history_tweet_ids": ["1293593516040269825"]}
    assert second.external_id == "1293595870563381249"
    assert second.hashtags == ("TwitterAPI", "EarlyAccess", "VersionBump")
    assert second.links == ("https://t.co/g7v3aeIbtQ",)


def test_users_by_usernames_are_accounts(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "x-twitter" / "tweepy-cassette__get_users_by_usernames.json")
    assert [(a.external_id, a.handle, a.display_name, a.url) for a in accounts(records)] == [
        ("783214", "Twitter", "Twitter", "https://x.com/Twitter"),
        ("2244994945", "TwitterDev", "Twitter Dev", "https://x.com/TwitterDev"),
    ]
    assert len(records) == 2


def test_user_timeline(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "x-twitter" / "tweepy-cassette__get_users_tweets_783214.json")
    assert [p.external_id for p in posts(records)] == ["1577730467436138524", "1565318587736285184"]
    assert len(records) == 2
    whoa, edited = posts(records)
    assert whoa.links == ("https://t.co/3OQ4eGsUku", "https://t.co/LVVolAQPZi")
    assert edited.text == (
        "if you see an edited Tweet it's because we're testing the edit button\n\n"
        "this is happening and you'll be okay"
    )
    assert edited.links == () and edited.hashtags == ()


def test_missing_optional_fields(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "x" / "search_recent_default_fields.json")
    assert len(records) == 2
    bare, with_author = posts(records)
    assert bare.external_id == "1861000000000000001"
    assert bare.account is None and bare.hashtags == ("sale",)
    assert with_author.account == "1500000000000000009"
    # the author is not in includes: the store makes a stub account from the id
    assert with_author.url == "https://x.com/i/web/status/1861000000000000002"
    assert with_author.extra == {"edit_history_tweet_ids": ["1861000000000000002"]}


def test_one_malformed_item_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "x" / "tweets_lookup_one_malformed.json")
    errors = [r for r in records if isinstance(r, ImportRecordError)]
    assert [(e.file, e.line, e.reason) for e in errors] == [
        ("tweets_lookup_one_malformed.json", 2, "id: 'not-an-id' is not an X id")
    ]
    assert [p.external_id for p in posts(records)] == ["1861000000000000011", "1861000000000000014"]
    assert [a.handle for a in accounts(records)] == ["examplebrand_outlet"]
    assert posts(records)[0].url == "https://x.com/examplebrand_outlet/status/1861000000000000011"


def test_expansions_media_links_and_long_text(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "x" / "search_recent_expansions_media.json")
    assert [type(r) for r in records] == [Account, Account, Listing, Listing]
    seller, brand = accounts(records)
    assert seller.external_id == "1500000000000000002"
    assert seller.links == ("https://shop.example.net", "https://linktr.example/dealsoutlet")
    assert seller.extra["followers"] == 1204 and seller.extra["location"] == "Shenzhen"
    assert brand.extra == {"verified": True, "verified_type": "business"}
    offer, quoted = posts(records)
    assert offer.external_id == "1861000000000000021"
    assert offer.text is not None and offer.text.endswith("order before midnight.")
    assert offer.hashtags == ("ExampleBrand", "sale")
    # the unwound target; the link to the post's own photo is not outbound
    assert offer.links == ("https://shop.example.net/aurora-tote?ref=x",)
    assert offer.images == (
        "https://pbs.twimg.com/media/ExampleAuroraTote1.jpg",
        "https://pbs.twimg.com/ext_tw_video_thumb/1861000000000000101/pu/img/ExampleAurora.jpg",
    )
    assert offer.extra["views"] == 5021 and offer.extra["bookmarks"] == 7
    assert offer.extra["mentions"] == ["examplebrand"] and offer.extra["cashtags"] == ["EXB"]
    assert offer.extra["referenced_tweets"] == [{"type": "quoted", "id": "1861000000000000020"}]
    assert offer.extra["media"][1] == {
        "media_key": "7_1861000000000000101",
        "type": "video",
        "views": 2300,
    }
    assert quoted.external_id == "1861000000000000020"
    assert quoted.account == "1500000000000000001"
    assert quoted.url == "https://x.com/examplebrand/status/1861000000000000020"


def test_twarc_jsonl_flattened_posts_pages_and_bad_lines(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "x" / "twarc2_flattened_and_pages.jsonl")
    errors = [(e.line, e.reason) for e in records if isinstance(e, ImportRecordError)]
    assert errors == [
        (2, "not valid JSON: Expecting ',' delimiter: line 1 column 338 (char 337)"),
        (4, "X API error 429 Too Many Requests: Too Many Requests"),
    ]
    assert [p.external_id for p in posts(records)] == ["1861000000000000031", "1861000000000000033"]
    assert [a.handle for a in accounts(records)] == ["rep_bags_example", "customer_example"]
    flattened = posts(records)[0]
    assert flattened.url == "https://x.com/rep_bags_example/status/1861000000000000031"
    assert flattened.extra["views"] == 310
    assert accounts(records)[0].extra["followers"] == 87


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("error_unauthorized.json", "X API error 401 Unauthorized: Unauthorized"),
        (
            "error_not_found.json",
            "X API error: Not Found Error: Could not find tweet with ids: [1861000000000000999].",
        ),
    ],
)
def test_error_bodies_raise(fixtures_own: Path, name: str, message: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "x" / name)
    assert caught.value.reason == message
    assert str(caught.value) == f"{name}: {message}"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"<html>", "not JSON: Expecting value: line 1 column 1 (char 0)"),
        (b"[1, 2]", "not an X API v2 response: a JSON object was expected"),
        (b'{"foo": 1}', "not an X API v2 response: no data, errors or meta"),
    ],
)
def test_not_x_payloads_raise(payload: bytes, message: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_bytes(payload)
    assert caught.value.reason == message


def test_empty_page_yields_nothing() -> None:
    assert parse_bytes(b'{"meta": {"result_count": 0}}') == []


def test_single_post_lookup_and_missing_text() -> None:
    [post] = parse_bytes(b'{"data": {"id": "20", "text": "just setting up my twttr"}}')
    assert isinstance(post, Listing) and post.external_id == "20"
    [error] = parse_bytes(b'{"data": [{"id": "21"}]}')
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (1, "text: required field is missing")


def test_long_ids_stay_exact() -> None:
    [post] = parse_bytes(b'{"data": [{"id": 1861000000000000123, "text": "numeric id"}]}')
    assert isinstance(post, Listing) and post.external_id == "1861000000000000123"
