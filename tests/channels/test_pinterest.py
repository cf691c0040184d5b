"""Pinterest API v5: no genuine sample exists, so these fixtures follow the v5 reference."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hallmark.channels.pinterest import PinterestChannel
from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError

AT = datetime(2026, 11, 24, tzinfo=UTC)


def parse(path: Path) -> list[Listing | Account | ImportRecordError]:
    return list(PinterestChannel().parse(path.read_bytes(), source=path.name, captured_at=AT))


def test_pins_list(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "pinterest" / "pins_list.json")
    assert [type(r).__name__ for r in records] == [
        "Account",
        "Listing",
        "Listing",
        "Account",
        "Listing",
    ]
    owner, image, video, fan, album = records
    assert owner == Account(
        platform="pinterest",
        external_id="acmeoutletdeals",
        handle="acmeoutletdeals",
        url="https://www.pinterest.com/acmeoutletdeals/",
    )
    assert isinstance(fan, Account) and fan.external_id == "stylefan_2026"
    assert isinstance(image, Listing)
    assert image.kind == "post"
    assert image.external_id == "813744226420795884"
    assert image.url == "https://www.pinterest.com/pin/813744226420795884/"
    assert image.marketplace == "pinterest.com"
    assert image.account == "acmeoutletdeals"
    assert image.title == "ACME Trail Runner v2 - 70% off"
    assert image.hashtags == ("acme", "trailrunning", "sale")
    assert image.links == ("https://acme-outlet.example/products/acme-trail-runner-v2",)
    assert image.images == (
        "https://i.pinimg.com/1200x/0d/f6/f1/0df6f1f0bfe7aaca849c1bbc3607a34b.jpg",
    )
    assert image.extra["created_at"] == "2026-10-02T09:14:51"
    assert image.extra["board_id"] == "549755885175"
    assert image.extra["pin_metrics"]["lifetime_metrics"]["impression"] == 2
    assert image.extra["has_been_promoted"] is False
    assert isinstance(video, Listing)
    assert video.images == (
        "https://i.pinimg.com/videos/thumbnails/originals/77/4f/4e/774f4e1cbd2cd3d7bd5e5c0cf3f1f3d1.0000000.jpg",
    )
    assert video.extra["videos"] == [
        "https://v1.pinimg.com/videos/mc/hls/77/4f/4e/774f4e1cbd2cd3d7bd5e5c0cf3f1f3d1.m3u8"
    ]
    assert isinstance(album, Listing)
    assert album.account == "stylefan_2026"
    assert album.links == ()
    assert album.images == (
        "https://i.pinimg.com/600x/aa/01/02/aa0102.jpg",
        "https://i.pinimg.com/1200x/bb/03/04/bb0304.jpg",
    )


def test_minimal_pin(fixtures_own: Path) -> None:
    assert parse(fixtures_own / "pinterest" / "pin_minimal.json") == [
        Listing(
            kind="post",
            platform="pinterest",
            external_id="813744226420799999",
            captured_at=AT,
            url="https://www.pinterest.com/pin/813744226420799999/",
            marketplace="pinterest.com",
            extra={
                "created_at": "2026-09-30T23:59:59",
                "board_id": "549755885175",
                "media_type": "image",
            },
        )
    ]


def test_bad_pin_loses_nothing_else(fixtures_own: Path) -> None:
    records = parse(fixtures_own / "pinterest" / "pins_list_malformed.json")
    assert [getattr(r, "external_id", None) for r in records] == [
        "acmeoutletdeals",
        "813744226420800001",
        None,
        "813744226420800003",
    ]
    error = records[2]
    assert isinstance(error, ImportRecordError)
    assert (error.line, error.reason) == (2, "id: 'pin-without-digits' is not a Pin id")


def test_error_body_raises(fixtures_own: Path) -> None:
    with pytest.raises(PayloadError) as caught:
        parse(fixtures_own / "pinterest" / "error_not_found.json")
    assert caught.value.reason == "Pinterest API error 50: Pin not found."


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (
            b"{",
            "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (b"[]", "not a Pinterest API v5 response"),
        (b'{"data": []}', "not a Pinterest API v5 pins list or Pin"),
    ],
)
def test_not_a_pinterest_response(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        list(PinterestChannel().parse(payload, source="x.json", captured_at=AT))
    assert caught.value.reason == reason


def test_no_genuine_sample_exists(fixtures_real: Path) -> None:
    # When one is added to fixtures-real, it must get a test here.
    assert not (fixtures_real / "pinterest").exists()
