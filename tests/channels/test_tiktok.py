"""TikTok: the Research API doc examples, a genuine web item, and our own fixtures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hallmark.channels.tiktok import TiktokChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)
Parsed = Listing | Account | ImportRecordError


def parse(path: Path, username: str | None = None) -> list[Parsed]:
    channel = TiktokChannel(username=username)
    return list(channel.parse(path.read_bytes(), source=path.name, captured_at=AT))


def parse_bytes(payload: bytes) -> list[Parsed]:
    return list(TiktokChannel().parse(payload, source="payload.json", captured_at=AT))


def posts(records: list[Parsed]) -> list[Listing]:
    return [r for r in records if isinstance(r, Listing)]


def accounts(records: list[Parsed]) -> list[Account]:
    return [r for r in records if isinstance(r, Account)]


def test_video_query_doc_example(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "tiktok" / "traktok__example_resp_q_videos.json")
    # the doc example lists the same video twice; it is one post
    [video] = records
    assert isinstance(video, Listing)
    assert video.platform == "tiktok" and video.kind == "post"
    assert video.external_id == "702874395068494965"
    assert video.marketplace == "tiktok.com"
    assert video.account is None and video.url is None  # no username asked for
    assert video.text == "lol #pov #avengers"
    assert video.hashtags == ("avengers", "pov")
    assert video.captured_at == AT
    assert video.extra == {
        "created_at": "2021-10-09T23:59:59+00:00",
        "views": 1050,
        "comments": 2,
        "music_id": "703847506349838790",
        "region_code": "CA",
        "effect_ids": ["0"],
    }


def test_comments_are_posts(fixtures_real: Path) -> None:
    [comment] = parse(fixtures_real / "tiktok" / "traktok__example_resp_comments.json")
    assert isinstance(comment, Listing)
    assert comment.kind == "post"
    assert comment.external_id == "12345616934634134"
    assert comment.text == "AWEEEEEE 🥰🥰🥰"
    assert comment.account is None  # the documented comment object names no author
    assert comment.extra == {
        "comment_on": "1234563451201523412",
        "reply_to": "1234561201524010",
        "created_at": "2022-12-19T23:13:18+00:00",
        "likes": 50,
        "replies": 10,
    }


def test_user_info_needs_the_username_it_was_asked_for(fixtures_real: Path) -> None:
    path = fixtures_real / "tiktok" / "traktok__example_resp_q_user.json"
    [error] = parse(path)
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (
        1,
        "username: the response does not name the user; give the username it was asked for",
    )
    [user] = parse(path, username="joe123456")
    assert isinstance(user, Account)
    assert user.external_id == "joe123456" and user.handle == "joe123456"
    assert user.display_name == "my nick name"
    assert user.bio == "my_bio"
    assert user.url == "https://www.tiktok.com/@joe123456"
    assert user.extra == {
        "verified": False,
        "followers": 232,
        "following": 45,
        "likes": 27155089,
        "videos": 44,
        "avatar_url": "https://some_cdn.com/my_avatar",
    }


def test_web_explore_item(fixtures_real: Path) -> None:
    records = parse(fixtures_real / "tiktok" / "zeeschuimer-tiktok-web__explore-item_tfxtv.ndjson")
    assert [type(r) for r in records] == [Account, Listing]
    [author] = accounts(records)
    assert author.external_id == "tfxtv" and author.handle == "tfxtv"
    assert author.display_name == "TFX"
    assert author.bio == "Là pour que tu vives ta meilleure vie 🪩✨"
    assert author.url == "https://www.tiktok.com/@tfxtv"
    assert author.extra["user_id"] == "6630693757062037509"
    assert author.extra["sec_uid"].startswith("MS4wLjABAAAAZIQAFMAx8nXYZtUyzoF6vGCdycCAe")
    assert author.extra["verified"] is True
    assert (author.extra["followers"], author.extra["following"]) == (751600, 123)
    assert (author.extra["likes"], author.extra["videos"]) == (22600000, 1256)
    [video] = posts(records)
    assert video.external_id == "7592249711466253590"
    assert video.url == "https://www.tiktok.com/@tfxtv/video/7592249711466253590"
    assert video.account == "tfxtv"
    assert video.text is not None
    assert video.text.startswith("La cérémonie ne se passe pas comme prévue")
    assert video.text.endswith("@labataille_tfx")
    assert video.hashtags == (
        "labataille",
        "tfx",
        "onregardequoi",
        "tvrealite",
        "trahison",
        "clash",
        "embrouille",
    )
    assert len(video.images) == 1
    assert video.images[0].startswith(
        "https://p19-pu-sign-no.tiktokcdn-eu.com/tos-no1a-p-0037-no/oE0ltyAXEikuvlACoF0BdBsBrIkpSwAfwAwiBK"
    )
    assert video.links == ()
    extra = dict(video.extra)
    assert extra.pop("mentions") == [
        "tf1plus",
        "giovanni_prat",
        "vivianleshowman",
        "iam_thiaaa",
        "melmdc",
        "labataille_tfx",
    ]
    assert extra == {
        "created_at": "2026-01-08T08:00:00+00:00",
        "views": 2300000,
        "likes": 123100,
        "comments": 474,
        "shares": 4802,
        "favourites": 8390,
        "duration": 30,
        "music": "son original - TFX",
        "language": "fr",
        "is_ad": False,
    }


def test_missing_optional_fields(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "tiktok" / "video_query_missing_optional.json")
    bare, described = posts(records)
    assert len(records) == 2
    assert bare.external_id == "7440000000000000001"
    assert (bare.text, bare.account, bare.url, bare.hashtags, dict(bare.extra)) == (
        None,
        None,
        None,
        (),
        {},
    )
    assert described.hashtags == ("examplebrand",)  # from the text when hashtag_names is absent
    assert described.extra == {"created_at": "2024-11-24T00:00:00+00:00"}


def test_one_malformed_video_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "tiktok" / "video_query_one_malformed.json")
    errors = [(e.file, e.line, e.reason) for e in records if isinstance(e, ImportRecordError)]
    assert errors == [
        ("video_query_one_malformed.json", 2, "id: 'seven-four-four' is not a TikTok id")
    ]
    assert [p.external_id for p in posts(records)] == ["7440000000000000011", "7440000000000000013"]
    assert posts(records)[0].url == (
        "https://www.tiktok.com/@examplebrand.outlet/video/7440000000000000011"
    )


def test_video_query_all_fields(fixtures_own: Path) -> None:
    [video] = parse(fixtures_own / "tiktok" / "video_query_all_fields.json")
    assert isinstance(video, Listing)
    assert video.external_id == "7440000000000000021"
    assert video.account == "deals.example"
    assert video.url == "https://www.tiktok.com/@deals.example/video/7440000000000000021"
    assert video.hashtags == ("examplebrand", "dupe")
    assert video.links == ("https://shop.example.net/aurora",)
    assert video.price is None  # a price in the text is not read as an offer's price
    assert video.extra == {
        "created_at": "2024-11-26T00:00:00+00:00",
        "views": 250000,
        "likes": 5400,
        "comments": 130,
        "shares": 77,
        "favourites": 910,
        "duration": 21,
        "music_id": "7440000000000000500",
        "playlist_id": "7440000000000000600",
        "mentions": ["examplebrand"],
        "region_code": "GB",
        "effect_ids": ["0"],
        "voice_to_text": "same quality as the original, ships from the UK",
        "video_label": {"content": "Creator labeled as AI-generated"},
        "video_tag": {"type": "Sponsored"},
        "is_stem_verified": False,
    }


def test_user_info_all_fields(fixtures_own: Path) -> None:
    [user] = parse(fixtures_own / "tiktok" / "user_info_all_fields.json", username="deals.example")
    assert isinstance(user, Account)
    assert user.external_id == "deals.example"
    assert user.links == ("https://linktr.example/dealsoutlet",)
    assert user.extra["open_id"] == "0b1c2d3e-0000-4000-8000-000000000001"
    assert (user.extra["followers"], user.extra["private"]) == (48200, False)


def test_followers_are_accounts(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "tiktok" / "user_followers.json")
    assert [(a.external_id, a.display_name) for a in accounts(records)] == [
        ("deals.example", "Deals Outlet"),
        ("repbags.example", "Rep Bags"),
    ]


def test_web_items_ndjson_with_a_broken_line(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "tiktok" / "zeeschuimer_web_items.ndjson")
    assert [type(r) for r in records] == [Account, Listing, ImportRecordError, Listing]
    error = records[2]
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (
        2,
        "not valid JSON: Expecting ',' delimiter: line 1 column 128 (char 127)",
    )
    [seller] = accounts(records)  # one account, though both lines carry it
    assert seller.links == ("https://wa.example/447000000000",)  # the link in bio
    assert seller.extra["followers"] == 3100
    replica, photos = posts(records)
    assert replica.hashtags == ("examplebrand", "replica")
    assert replica.extra["location_created"] == "GB"
    assert photos.hashtags == ("examplebrand",)  # from challenges when textExtra is absent
    assert photos.images == (
        "https://p16-sign.tiktokcdn.example/photo/33-1.jpeg",
        "https://p16-sign.tiktokcdn.example/photo/33-2.jpeg",
    )


def test_research_api_error_raises(fixtures_own: Path) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "tiktok" / "error_invalid_params.json")
    assert str(caught.value) == (
        "error_invalid_params.json: TikTok error invalid_params: "
        "Invalid query: end_date must be no more than 30 days after start_date"
    )


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            b"\xff",
            "not JSON: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
        ),
        (b"[]", "not a TikTok response: a JSON object was expected"),
        (b'{"data": {"foo": 1}}', "not a TikTok Research API or web item response"),
        (
            b'{"statusCode": 10201, "statusMsg": "item not found"}',
            "TikTok web error 10201: item not found",
        ),
    ],
)
def test_not_tiktok_payloads_raise(payload: bytes, message: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_bytes(payload)
    assert caught.value.reason == message


def test_web_item_list_response() -> None:
    payload = (
        b'{"statusCode": 0, "hasMore": false, "itemList": [{"id": "7440000000000000041",'
        b' "desc": "hi", "createTime": 1732406400, "author": {"uniqueId": "shop.example"}}]}'
    )
    records = parse_bytes(payload)
    assert [
        (type(r).__name__, r.external_id) for r in records if not isinstance(r, ImportRecordError)
    ] == [
        ("Account", "shop.example"),
        ("Listing", "7440000000000000041"),
    ]
