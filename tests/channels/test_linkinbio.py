"""Linktree pages parse into the links and contacts an account sends its audience to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hallmark.channels.linkinbio import parse_linktree
from hallmark.domain.linkinbio import Link
from hallmark.errors import PayloadError

SAMPLE = "linktree/linktree-scraper__example_data__NEXT_DATA.json"


def test_the_genuine_sample(fixtures_real: Path) -> None:
    page = parse_linktree((fixtures_real / SAMPLE).read_bytes(), source=SAMPLE)
    assert (page.service, page.username, page.url) == (
        "linktree",
        "kaiserlol",
        "https://linktr.ee/kaiserlol",
    )
    assert (page.title, page.description) == ("My Title", "My Bio")
    assert page.links == (
        Link("Blog", "https://blog.kaiser.lol/", "CLASSIC"),
        Link("Kaiser LOL", "https://kaiser.lol/", "CLASSIC"),
    )
    assert page.social == (
        Link(None, "https://facebook.com/myprofile", "FACEBOOK"),
        Link(None, "https://twitter.com/sometwitteruser", "TWITTER"),
        Link(None, "https://instagram.com/someinstagramuser", "INSTAGRAM"),
    )
    assert page.contacts == ("someemail@somedomain.com",)


def test_the_same_data_inside_a_saved_page(fixtures_real: Path) -> None:
    data = (fixtures_real / SAMPLE).read_text(encoding="utf-8")
    html = f'<html><head></head><body><script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>'
    page = parse_linktree(html.encode(), source="kaiserlol.html")
    assert [link.url for link in page.links] == ["https://blog.kaiser.lol/", "https://kaiser.lol/"]


def test_a_shop_link_and_a_phone_contact() -> None:
    data = {
        "props": {
            "pageProps": {
                "username": "luxe.vault",
                "links": [
                    {
                        "title": "Shop 👉",
                        "url": "https://www.amazon.com/shops/A2GLAMSTEEL",
                        "type": "CLASSIC",
                    },
                    {"title": "WhatsApp", "url": "tel:+14155550100", "type": "CLASSIC"},
                    {"title": "", "url": "", "type": "HEADER"},
                ],
            }
        }
    }
    page = parse_linktree(json.dumps(data).encode(), source="x.json")
    assert page.links == (Link("Shop 👉", "https://www.amazon.com/shops/A2GLAMSTEEL", "CLASSIC"),)
    assert (page.title, page.social, page.contacts) == (None, (), ("+14155550100",))


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (
            b"<html><body>no data</body></html>",
            "x: no __NEXT_DATA__ script: not a saved Linktree page",
        ),
        (
            b'{"props": {"pageProps": {"title": "a blog"}}}',
            "x: not a Linktree page: no props.pageProps with links",
        ),
        (
            b"{broken",
            "x: __NEXT_DATA__ is not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (b'{"props": {"pageProps": {"links": []}}}', "x: a Linktree page without a username"),
    ],
)
def test_what_is_not_a_linktree_page(payload: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_linktree(payload, source="x")
    assert str(caught.value) == reason
