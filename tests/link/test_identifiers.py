"""Identifiers: each link, contact and name normalised so that one actor's accounts agree."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallmark.domain import Account
from hallmark.link.identifiers import (
    Identifier,
    Picture,
    account_identifiers,
    address_key,
    contact_identifiers,
    legal_name_key,
    normal_phone,
    url_identifiers,
    username_keys,
)


def keys(found: list[Identifier]) -> list[tuple[str, str]]:
    return [(i.kind, i.value) for i in found]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.amazon.com/shops/A2GILDSTEELCO", [("account", "amazon:A2GILDSTEELCO")]),
        (
            "https://www.amazon.de/sp?seller=a2gildsteelco&x=1",
            [("account", "amazon:A2GILDSTEELCO")],
        ),
        ("https://www.amazon.com/s?me=A2GILDSTEELCO", [("account", "amazon:A2GILDSTEELCO")]),
        (
            "https://www.amazon.co.uk/Gold-Screw-Bangle/dp/B0C1234567?ref=sr_1",
            [("product", "amazon:B0C1234567")],
        ),
        ("https://smile.amazon.com/gp/product/B0C1234567", [("product", "amazon:B0C1234567")]),
        ("https://www.ebay.com/usr/GlamDeals-2019", [("account", "ebay:glamdeals-2019")]),
        ("https://www.ebay.co.uk/str/bestluxe", [("account", "ebay:bestluxe")]),
        ("https://www.ebay.com/itm/gold-bangle/256123456789", [("product", "ebay:256123456789")]),
        (
            "https://www.ebay.com/sch/i.html?_ssn=shoe.palace.cn",
            [("account", "ebay:shoe.palace.cn")],
        ),
        ("https://www.etsy.com/shop/GoldLeafStudio", [("account", "etsy:goldleafstudio")]),
        ("https://www.etsy.com/listing/1234567/gold-ring", [("product", "etsy:1234567")]),
        ("https://www.aliexpress.com/store/1102972842", [("account", "aliexpress:1102972842")]),
        ("https://www.aliexpress.us/item/1005006.html", [("product", "aliexpress:1005006")]),
        (
            "https://maison-bijoux.myshopify.com/products/x",
            [("domain", "maison-bijoux.myshopify.com")],
        ),
        (
            "https://www.instagram.com/Luxe.Vault.Daily/",
            [("account", "instagram:luxe.vault.daily")],
        ),
        ("https://www.instagram.com/p/Cx12345/", []),
        ("https://www.tiktok.com/@gilded.drawer", [("account", "tiktok:gilded.drawer")]),
        ("https://twitter.com/dealsbot_77", [("account", "x:dealsbot_77")]),
        ("https://linktr.ee/GildedDrawer", [("link_page", "linktr.ee/gildeddrawer")]),
        ("https://linktr.ee", []),
        ("https://linktr.ee/", []),
        ("https://bit.ly/3xYzAb", [("short_link", "bit.ly/3xYzAb")]),
        ("https://bit.ly/", []),
        ("https://wa.me/85261234567", [("phone", "+85261234567")]),
        ("https://api.whatsapp.com/send?phone=85261234567", [("phone", "+85261234567")]),
        ("https://t.me/LuxeVault", [("messaging", "telegram:luxevault")]),
        ("https://line.me/ti/p/~luxe88", [("messaging", "line:luxe88")]),
        ("https://paypal.me/LuxeVault/25", [("payment", "paypal:luxevault")]),
        ("https://www.paypal.com/paypalme/LuxeVault", [("payment", "paypal:luxevault")]),
        ("https://venmo.com/u/Luxe-Vault", [("payment", "venmo:luxe-vault")]),
        ("https://cash.app/$LuxeVault", [("payment", "cashapp:luxevault")]),
        (
            "mailto:Sales@StudPumps-Outlet.com?subject=hi",
            [("email", "sales@studpumps-outlet.com"), ("domain", "studpumps-outlet.com")],
        ),
        ("tel:+852 6123 4567", [("phone", "+85261234567")]),
        (
            "https://shop.studpumps-outlet.co.uk/collections/all",
            [("domain", "studpumps-outlet.co.uk")],
        ),
        ("studpumps-outlet.com", [("domain", "studpumps-outlet.com")]),
        ("https://www.google.com/search?q=x", []),
        ("https://www.youtube.com/watch?v=1", []),
        ("https://localhost/x", []),
        ("not a url at all", []),
        ("https://[::1", []),
    ],
)
def test_links(url: str, expected: list[tuple[str, str]]) -> None:
    assert keys(url_identifiers(url, "bio link", None)) == expected


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("J.Doe.Shop+ig@GMail.com", [("email", "jdoeshop@gmail.com")]),
        ("jdoeshop@googlemail.com", [("email", "jdoeshop@gmail.com")]),
        ("gildsteel.cs@163.com", [("email", "gildsteel.cs@163.com")]),
        (
            "service@studpumps-outlet.com",
            [("email", "service@studpumps-outlet.com"), ("domain", "studpumps-outlet.com")],
        ),
        ("+852 6123 4567", [("phone", "+85261234567")]),
        ("0085261234567", [("phone", "+85261234567")]),
        ("WeChat: luxe_88a", [("messaging", "wechat:luxe_88a")]),
        ("微信：LuxeVault88", [("messaging", "wechat:luxevault88")]),
        ("https://wa.me/33612345678", [("phone", "+33612345678")]),
        ("call me maybe", []),
    ],
)
def test_contacts(contact: str, expected: list[tuple[str, str]]) -> None:
    assert keys(contact_identifiers(contact, "contact", "HK")) == expected


def test_national_numbers_take_the_accounts_country() -> None:
    assert normal_phone("06 12 34 56 78", "FR") == "+33612345678"
    assert normal_phone("(415) 555-0132", "US") == "+14155550132"
    assert normal_phone("12", "US") is None
    assert normal_phone("06 12 34 56 78", None) is None


def test_an_account_gives_its_own_identity_in_the_form_a_link_takes() -> None:
    amazon = Account("amazon", "a2gildsteelco", display_name="GildSteel Store")
    instagram = Account(
        "instagram",
        "1784140001",
        handle="gilded.drawer.daily",
        links=("https://www.amazon.com/shops/A2GILDSTEELCO",),
        bio="DM or WhatsApp +852 6123 4567",
    )
    own = set(keys(account_identifiers(amazon)))
    promoter = set(keys(account_identifiers(instagram)))
    assert own & promoter == {("account", "amazon:A2GILDSTEELCO")}
    assert ("account", "instagram:gilded.drawer.daily") in promoter
    assert ("phone", "+85261234567") in promoter
    store = Account("webstore", "studpumps-outlet.com", contacts=("service@studpumps-outlet.com",))
    assert ("domain", "studpumps-outlet.com") in keys(account_identifiers(store))


def test_pictures_are_known_by_perceptual_hash_else_by_content() -> None:
    account = Account("ebay", "seller1")
    found = account_identifiers(
        account, pictures=[Picture("a" * 64, "f0f0f0f0f0f0f0f0"), Picture("b" * 64)]
    )
    images = [(i.value, i.source) for i in found if i.kind == "image"]
    assert images == [("f0f0f0f0f0f0f0f0", "photo"), ("sha256:" + "b" * 64, "photo")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bestluxe_outlet88", ["bestluxeoutlet", "bestluxe"]),
        ("BestLuxe.Outlet", ["bestluxeoutlet", "bestluxe"]),
        ("gilded.drawer.daily", ["gildeddrawerdaily", "gildeddrawer"]),
        ("Gilded Drawer ✨", ["gildeddrawer"]),
        ("@anna_1987", ["anna"]),
        ("abc", []),
        ("1234", []),
        ("Ｌｕｘｅ Ｖａｕｌｔ", ["luxevault"]),
    ],
)
def test_usernames(name: str, expected: list[str]) -> None:
    assert username_keys(name) == expected


def test_legal_names_agree_however_the_company_form_is_written() -> None:
    a = legal_name_key("Shenzhen Gildsteel Trading Co., Ltd.")
    assert a == legal_name_key("SHENZHEN GILDSTEEL TRADING CO LTD")
    assert a == legal_name_key("Shenzhen Gildsteel Trading Company Limited")
    assert legal_name_key("Luxe Outlet Milano S.r.l.") == "luxe outlet milano srl"


def test_company_names_are_strong_and_peoples_names_are_not() -> None:
    company = Account("ebay", "x1", legal_name="Bargain Box Trading Ltd")
    person = Account("ebay", "x2", legal_name="Lin Wei")
    assert ("company", "bargain box trading ltd") in keys(account_identifiers(company))
    assert ("person", "lin wei") in keys(account_identifiers(person))


def test_addresses_agree_whatever_the_order_and_punctuation() -> None:
    a = address_key("Unit 4, 22 Cheetham Hill Road, Manchester M4 4EY", "GB")
    assert a == address_key("22 Cheetham Hill Road Unit 4 / Manchester, M4 4EY", "gb")
    assert address_key("Paris", "FR") == ""


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(names)
def test_username_keys_are_lowercase_words_unchanged_by_case_and_separators(name: str) -> None:
    found = username_keys(name)
    assert all(k == k.casefold() and k.isalnum() and len(k) >= 4 for k in found)
    assert username_keys(name.replace(".", "_")) == found


@given(names)
def test_legal_name_keys_are_stable(name: str) -> None:
    key = legal_name_key(name)
    assert legal_name_key(key) == key
    assert legal_name_key(name.upper()) == legal_name_key(name.lower()) or not name.isascii()


@given(st.text(max_size=80))
def test_any_text_as_a_link_gives_identifiers_or_nothing(text: str) -> None:
    for item in url_identifiers(text, "bio link", None):
        assert item.kind and item.value


@given(st.text(alphabet="+0123456789 ()-.", max_size=24), st.sampled_from([None, "US", "FR", "CN"]))
def test_phones_come_out_in_e164_or_not_at_all(raw: str, region: str | None) -> None:
    number = normal_phone(raw, region)
    assert number is None or re.fullmatch(r"\+[1-9]\d{6,14}", number)
