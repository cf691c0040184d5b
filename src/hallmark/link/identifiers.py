"""Identifiers: what an account, its listings and its posts say about who runs them, normalised
so that two accounts of one actor produce equal values.

Each identifier has a kind (see KINDS), a value and the place it was found (its `source`), so
an edge can say "its bio links to this storefront" rather than "shared store id". Parsing is
pure: the caller passes the account, its listings' links and text, and its pictures' hashes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

import phonenumbers
import tldextract
import yaml

from hallmark.domain import Account

KINDS: tuple[str, ...] = (
    "account",  # a platform account: its own id, or a link to its profile or storefront
    "product",  # a marketplace product page (ASIN, eBay item id, ...)
    "domain",  # a registrable domain of its own (web store, e-mail domain, outbound link)
    "link_page",  # a link-in-bio page of one user (the service's root is not one)
    "short_link",  # a short link, kept as such
    "phone",
    "email",
    "messaging",  # Telegram, WeChat, Line handles (WhatsApp numbers are phones)
    "payment",  # PayPal.me, Venmo, Cash App
    "company",  # a legal name with a company form
    "person",  # a legal name without one
    "address",
    "username",  # a handle or display name, normalised
    "image",  # a picture's perceptual hash (or content hash when none)
)


class Identifier(NamedTuple):
    """One normalised identifier of an account and where it was found."""

    kind: str
    value: str
    source: str


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture the account showed: its content hash and perceptual hash when known."""

    sha256: str
    phash: str | None = None


_KNOWN: dict[str, list[str]] = yaml.safe_load(
    (resources.files("hallmark.link") / "known.yaml").read_text(encoding="utf-8")
)
_EXTRACT = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
)

# Domains that name a platform, a link service or a mail provider: they say nothing about who
# runs an account (how many accounts share any other domain is learned from the data).
_PLATFORM_DOMAINS = frozenset(_KNOWN["platform_domains"])
_WEBMAIL = frozenset(_KNOWN["webmail"])
_LINK_PAGES = frozenset(_KNOWN["link_pages"])
_SHORTENERS = frozenset(_KNOWN["shorteners"])
_PROFILE_HOSTS = {
    "instagram.com": "instagram",
    "tiktok.com": "tiktok",
    "x.com": "x",
    "twitter.com": "x",
    "pinterest.com": "pinterest",
    "facebook.com": "facebook",
    "fb.com": "facebook",
}
_SOCIAL = frozenset(_PROFILE_HOSTS.values())
# platforms whose account id is a name the seller chose (Amazon's and AliExpress's are not)
_NAMED_BY_ID = frozenset({"ebay", "etsy", "instagram", "tiktok", "x", "pinterest", "facebook"})
_PROFILE_RESERVED = frozenset(_KNOWN["profile_reserved"])
_COMPANY_FORMS = frozenset(_KNOWN["company_forms"])
_FILLER = frozenset(_KNOWN["filler"])
_NON_ALNUM = re.compile(r"[\W_]+")
_NOT_DIGIT = re.compile(r"\D+")
_LETTER = re.compile(r"[^\W\d_]")
_TRAILING_DIGITS = re.compile(r"\d+$")
_NOT_WORD = re.compile(r"[^\w]+")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_DIGITS = re.compile(r"\d")
_PHONE_CHARS = re.compile(r"[\s().\-/]")
_E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')]+", re.IGNORECASE)
_HANDLE_IN_TEXT = re.compile(
    r"\b(wechat|weixin|微信|line|telegram|tg|kakao(?:talk)?)\s*(?:id)?\s*[:：]?\s*@?([A-Za-z][\w.\-]{3,30})",
    re.IGNORECASE,
)
_MESSAGING_NAMES = {"weixin": "wechat", "微信": "wechat", "tg": "telegram", "kakaotalk": "kakao"}
_AMAZON_ID = re.compile(r"^[A-Z0-9]{10,16}$")
_ASIN = re.compile(r"^[A-Z0-9]{10}$")
_MIN_NAME = 4


def account_identifiers(
    account: Account,
    *,
    links: Iterable[str] = (),
    texts: Iterable[str] = (),
    pictures: Iterable[Picture] = (),
) -> list[Identifier]:
    """Every identifier of one account: its own id and names, its bio, links and contacts, and
    what its listings and posts link to, say and show (`links`, `texts`, `pictures`)."""
    region = region_of(account.country)
    found: list[Identifier] = own_identifiers(account)
    found += _names(account)
    for url in account.links:
        found += url_identifiers(url, "bio link", region)
    for contact in account.contacts:
        found += contact_identifiers(contact, "contact", region)
    if account.bio:
        found += text_identifiers(account.bio, "bio", region)
    for url in links:
        found += url_identifiers(url, "listing link", region)
    for text in texts:
        found += text_identifiers(text, "listing text", region)
    unique: dict[tuple[str, str], Identifier] = {}
    for item in found:
        unique.setdefault(item[:2], item)
    images = dict.fromkeys(p.phash or "sha256:" + p.sha256 for p in pictures)
    return [*unique.values(), *[Identifier("image", value, "photo") for value in images]]


def own_identifiers(account: Account) -> list[Identifier]:
    """The account's own identity, in the form a link to it takes."""
    platform, key = account.platform, account.external_id
    own = [Identifier("account", f"{platform}:{_account_key(platform, key)}", "own account")]
    if account.handle and platform in _SOCIAL:
        handle = account.handle.lstrip("@").casefold()
        own.append(Identifier("account", f"{platform}:{handle}", "own account"))
    urls = [account.url] if account.url else []
    if platform in ("webstore", "shopify"):
        parts = None if "/" in key else _domain_parts(key.casefold().removeprefix("www."))
        if parts is not None:
            own.append(Identifier("domain", parts[1], "own storefront"))
        else:
            urls.append(key)
    for url in urls:
        own += [
            Identifier(i.kind, i.value, "own storefront")
            for i in url_identifiers(url if "/" in url else "https://" + url, "", None)
            if i.kind in ("account", "domain")
        ]
    return own


def _account_key(platform: str, key: str) -> str:
    # Amazon seller ids are upper case wherever they appear; other platforms' names are not
    # case-sensitive either.
    return key.upper() if platform == "amazon" else key.casefold()


def url_identifiers(url: str, source: str, region: str | None) -> list[Identifier]:
    """The identifiers a link gives: a store, a product, a profile, a link page, a short link, a
    payment or messaging handle, a phone or e-mail, else its registrable domain."""
    url = url.strip()
    lowered = url.casefold()
    if lowered.startswith("mailto:"):
        return _email(url[7:].split("?")[0], source)
    if lowered.startswith(("tel:", "sms:")):
        return _phone(url[4:], source, region)
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").casefold().rstrip(".")
    except ValueError:
        return []
    if not host or "." not in host:
        return []
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("smile.")
    path = unquote(parts.path) if "%" in parts.path else parts.path
    segments = [s for s in path.split("/") if s]
    query = parse_qs(parts.query) if parts.query else {}
    extracted = _domain_parts(host)
    if extracted is None:
        return []
    name, registrable = extracted
    found = _platform_identifiers(name, host, registrable, segments, query, source, region)
    if found is not None:
        return found
    if name in _PLATFORM_DOMAINS:
        return []
    return [Identifier("domain", registrable, source)]


@lru_cache(maxsize=65536)
def _domain_parts(host: str) -> tuple[str, str] | None:
    result = _EXTRACT(host)
    if not result.domain or not result.suffix:
        return None
    registrable = f"{result.domain}.{result.suffix}"
    if result.is_private and result.suffix == "myshopify.com":
        return "myshopify", registrable
    return result.domain, registrable


def _platform_identifiers(
    name: str,
    host: str,
    registrable: str,
    segments: list[str],
    query: dict[str, list[str]],
    source: str,
    region: str | None,
) -> list[Identifier] | None:
    """Identifiers of a link to a known platform; None when the host is not one."""
    first = segments[0] if segments else ""
    if name in ("amazon",):
        return _amazon(segments, query, source)
    if name == "ebay":
        return _ebay(segments, query, source)
    if name == "etsy":
        if first == "shop" and len(segments) > 1:
            return [Identifier("account", f"etsy:{segments[1].casefold()}", source)]
        if first == "listing" and len(segments) > 1 and segments[1].isdigit():
            return [Identifier("product", f"etsy:{segments[1]}", source)]
        return []
    if name == "aliexpress":
        if first == "store" and len(segments) > 1 and segments[1].isdigit():
            return [Identifier("account", f"aliexpress:{segments[1]}", source)]
        if first == "item" and len(segments) > 1:
            item = segments[1].removesuffix(".html")
            return [Identifier("product", f"aliexpress:{item}", source)] if item.isdigit() else []
        return []
    if name == "myshopify":
        return [Identifier("domain", registrable, source)]
    if registrable in _PROFILE_HOSTS:
        return _profile(_PROFILE_HOSTS[registrable], segments, source)
    if registrable in _LINK_PAGES or host.endswith(".carrd.co"):
        if host.endswith(".carrd.co"):
            return [Identifier("link_page", host, source)]
        if first:
            return [
                Identifier("link_page", f"{registrable}/{first.lstrip('@').casefold()}", source)
            ]
        return []
    if host in _SHORTENERS or registrable in _SHORTENERS:
        return [Identifier("short_link", f"{host}/{'/'.join(segments)}", source)] if first else []
    return _contact_link(registrable, segments, query, source, region)


def _contact_link(
    registrable: str,
    segments: list[str],
    query: dict[str, list[str]],
    source: str,
    region: str | None,
) -> list[Identifier] | None:
    first = segments[0] if segments else ""
    if registrable == "wa.me":
        return _phone("+" + first, source, region) if first.isdigit() else []
    if registrable == "whatsapp.com":
        phone = query.get("phone", [""])[0]
        return _phone("+" + phone.lstrip("+"), source, region) if phone else []
    if registrable in ("t.me", "telegram.me"):
        handle = first.lstrip("@").casefold()
        return [Identifier("messaging", f"telegram:{handle}", source)] if handle else []
    if registrable == "line.me":
        handle = segments[-1].lstrip("~@").casefold() if segments else ""
        return [Identifier("messaging", f"line:{handle}", source)] if handle else []
    if registrable == "paypal.me" or (registrable == "paypal.com" and first == "paypalme"):
        user = (segments[1] if first == "paypalme" and len(segments) > 1 else first).casefold()
        return [Identifier("payment", f"paypal:{user}", source)] if user else []
    if registrable == "venmo.com":
        user = (segments[1] if first == "u" and len(segments) > 1 else first).casefold()
        return [Identifier("payment", f"venmo:{user}", source)] if user else []
    if registrable == "cash.app":
        tag = first.lstrip("$").casefold()
        return [Identifier("payment", f"cashapp:{tag}", source)] if tag else []
    return None


def _amazon(segments: list[str], query: dict[str, list[str]], source: str) -> list[Identifier]:
    found: list[Identifier] = []
    for key in ("seller", "me", "merchant"):
        for value in query.get(key, []):
            if _AMAZON_ID.match(value.upper()):
                found.append(Identifier("account", f"amazon:{value.upper()}", source))
    for i, segment in enumerate(segments[:-1]):
        following = segments[i + 1].upper()
        if segment == "shops" and _AMAZON_ID.match(following):
            found.append(Identifier("account", f"amazon:{following}", source))
        if segment in ("dp", "product") and _ASIN.match(following):
            found.append(Identifier("product", f"amazon:{following}", source))
    return found


def _ebay(segments: list[str], query: dict[str, list[str]], source: str) -> list[Identifier]:
    first = segments[0] if segments else ""
    if first in ("usr", "str") and len(segments) > 1:
        return [Identifier("account", f"ebay:{segments[1].casefold()}", source)]
    if first == "itm":
        item = next((s for s in reversed(segments[1:]) if s.isdigit()), None)
        return [Identifier("product", f"ebay:{item}", source)] if item else []
    return [
        Identifier("account", f"ebay:{value.casefold()}", source) for value in query.get("_ssn", [])
    ]


def _profile(platform: str, segments: list[str], source: str) -> list[Identifier]:
    if not segments:
        return []
    user = segments[0].lstrip("@").casefold()
    if platform == "facebook" and user == "profile.php":
        return []
    if not user or user in _PROFILE_RESERVED:
        return []
    return [Identifier("account", f"{platform}:{user}", source)]


def contact_identifiers(contact: str, source: str, region: str | None) -> list[Identifier]:
    """A contact as written on a profile: an e-mail, a phone, a link or a messaging handle."""
    contact = contact.strip()
    if "@" in contact and _EMAIL.fullmatch(contact):
        return _email(contact, source)
    if "://" in contact or contact.casefold().startswith(("mailto:", "tel:", "www.")):
        return url_identifiers(contact, source, region)
    if len(_NOT_DIGIT.sub("", contact)) >= 7 and not _LETTER.search(contact):
        return _phone(contact, source, region)
    return list(text_identifiers(contact, source, region))


def text_identifiers(text: str, source: str, region: str | None) -> Iterator[Identifier]:
    """E-mails, links, phones and messaging handles written in free text."""
    for email in _EMAIL.findall(text):
        yield from _email(email, source)
    for url in _URL.findall(text):
        yield from url_identifiers(url.rstrip(".,;!?"), source, region)
    for match in _HANDLE_IN_TEXT.finditer(text):
        app = match.group(1).casefold()
        app = _MESSAGING_NAMES.get(app, app)
        yield Identifier("messaging", f"{app}:{match.group(2).casefold()}", source)
    if len(_DIGITS.findall(text)) >= 7:
        for found in phonenumbers.PhoneNumberMatcher(text, region or "US"):
            number = phonenumbers.format_number(found.number, phonenumbers.PhoneNumberFormat.E164)
            yield Identifier("phone", number, source)


def _email(raw: str, source: str) -> list[Identifier]:
    address = raw.strip().casefold()
    if not _EMAIL.fullmatch(address):
        return []
    local, domain = address.rsplit("@", 1)
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    found = [Identifier("email", f"{local}@{domain}", source)]
    if domain not in _WEBMAIL:
        parts = _domain_parts(domain)
        if parts is not None and parts[0] not in _PLATFORM_DOMAINS:
            found.append(Identifier("domain", parts[1], source))
    return found


def _phone(raw: str, source: str, region: str | None) -> list[Identifier]:
    number = normal_phone(raw, region)
    return [Identifier("phone", number, source)] if number else []


def normal_phone(raw: str, region: str | None) -> str | None:
    """A phone number in E.164, or None when it is not one; numbers written without a country
    code take the account's country."""
    compact = _PHONE_CHARS.sub("", raw.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if _E164.match(compact):
        return compact
    try:
        parsed = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def region_of(country: str | None) -> str | None:
    """The account's country as a phone region (two letters), else None."""
    if country and len(country) == 2 and country.isalpha():
        return country.upper()
    return None


def _names(account: Account) -> list[Identifier]:
    names = [account.handle, account.display_name]
    if account.platform in _NAMED_BY_ID:
        names.append(account.external_id)
    keys: dict[str, None] = {}
    for name in names:
        if name:
            keys.update(dict.fromkeys(username_keys(name)))
    found = [Identifier("username", key, "name") for key in keys]
    if account.legal_name:
        key = legal_name_key(account.legal_name)
        if key:
            kind = "company" if _COMPANY_FORMS & set(key.split()) else "person"
            found.append(Identifier(kind, key, "legal name"))
    if account.address:
        key = address_key(account.address, account.country)
        if key:
            found.append(Identifier("address", key, "address"))
    return found


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def username_keys(name: str) -> list[str]:
    """A handle or display name as comparable keys: case, separators and trailing digits
    dropped, and again without filler words ("official", "store", "daily")."""
    tokens = [t for t in _NON_ALNUM.split(_fold(name)) if t and not t.isdigit()]
    if not tokens:
        return []
    tokens[-1] = _TRAILING_DIGITS.sub("", tokens[-1]) or tokens[-1]
    keys = ["".join(tokens)]
    kept = [t for t in tokens if t not in _FILLER]
    if kept and len(kept) < len(tokens):
        keys.append("".join(kept))
    return [k for k in dict.fromkeys(keys) if len(k) >= _MIN_NAME]


def legal_name_key(name: str) -> str:
    """A legal name folded, punctuation dropped, company forms spelled one way ("Co., Ltd." and
    "Co Ltd" agree; "S.r.l." is "srl")."""
    words = _NOT_WORD.sub(" ", _fold(name)).split()
    joined: list[str] = []
    letters: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            letters.append(word)
            continue
        if letters:
            joined.append("".join(letters) if len(letters) > 1 else letters[0])
            letters = []
        if word:
            joined.append(_SPELLINGS.get(word, word))
    return " ".join(joined)


_SPELLINGS = {
    "limited": "ltd",
    "company": "co",
    "corporation": "corp",
    "incorporated": "inc",
    "e-commerce": "ecommerce",
}


def address_key(address: str, country: str | None) -> str:
    """An address as its sorted words, so that order and punctuation do not matter."""
    words = sorted(set(_NOT_WORD.sub(" ", _fold(address)).split()))
    if len(words) < 3:
        return ""
    return " ".join(words) + (f" |{country.upper()}" if country else "")
