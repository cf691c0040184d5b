"""Link-in-bio pages: a Linktree page's `__NEXT_DATA__` JSON, alone or inside the saved page.

The links are what the actors work uses to join a social account to the shops it sends its
audience to; contacts (mailto:, tel:) are kept apart from the links.
"""

from __future__ import annotations

import json
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from hallmark.domain.linkinbio import Link, LinkInBio
from hallmark.errors import PayloadError

_CONTACT_SCHEMES = ("mailto:", "tel:", "sms:")


def parse_linktree(payload: bytes, *, source: str) -> LinkInBio:
    """The Linktree page in `payload`; PayloadError when it is not one."""
    props = _page_props(_next_data(payload, source), source)
    found = props.get("account")
    account: dict[str, Any] = found if isinstance(found, dict) else {}
    username = props.get("username") or account.get("username")
    if not isinstance(username, str) or not username:
        raise PayloadError(source, "a Linktree page without a username")
    links, contacts = _links(props.get("links"), "type")
    social, social_contacts = _links(props.get("socialLinks"), "type")
    return LinkInBio(
        service="linktree",
        username=username,
        url=f"https://linktr.ee/{username}",
        title=_text(props.get("pageTitle") or account.get("pageTitle")),
        description=_text(props.get("description") or account.get("description")),
        links=links,
        social=social,
        contacts=contacts + social_contacts,
    )


def _next_data(payload: bytes, source: str) -> Any:
    text = payload.decode("utf-8", "replace").lstrip("\ufeff")
    if not text.lstrip().startswith("{"):
        script = LexborHTMLParser(text).css_first("script#__NEXT_DATA__")
        if script is None:
            raise PayloadError(source, "no __NEXT_DATA__ script: not a saved Linktree page")
        text = script.text()
    try:
        return json.loads(text)
    except ValueError as exc:
        raise PayloadError(source, f"__NEXT_DATA__ is not JSON: {exc}") from None


def _page_props(data: Any, source: str) -> dict[str, Any]:
    props = data.get("props", {}).get("pageProps") if isinstance(data, dict) else None
    if not isinstance(props, dict) or not ("links" in props or "account" in props):
        raise PayloadError(source, "not a Linktree page: no props.pageProps with links")
    return props


def _links(value: object, kind_key: str) -> tuple[tuple[Link, ...], tuple[str, ...]]:
    links: list[Link] = []
    contacts: list[str] = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        url = item.get("url")
        if not isinstance(url, str) or not url.strip():
            continue  # headers and dividers carry no target
        url = url.strip()
        if url.lower().startswith(_CONTACT_SCHEMES):
            contacts.append(url.split(":", 1)[1])
            continue
        links.append(Link(_text(item.get("title")), url, str(item.get(kind_key) or "LINK")))
    return tuple(links), tuple(contacts)


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
