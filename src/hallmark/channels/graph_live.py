"""What the Facebook and Instagram Graph API live channels share."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from hallmark.channels.fetch import Fetched, redact
from hallmark.channels.live import CredentialsRefused, page_json
from hallmark.errors import FetchRefused

# an invalid or expired token (190), or session (102), sent with HTTP 400
TOKEN_ERRORS = (102, 190)


def graph_next(url: str, api: str, platform: str) -> str:
    """`paging.next` without its access_token, and only on the configured API."""
    parts = urlsplit(url)
    base = urlsplit(api)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(
        base.path + "/"
    ):
        raise FetchRefused(f"{platform}: paging.next leaves {api}; not followed")
    kept = [(k, v) for k, v in parse_qsl(parts.query) if k != "access_token"]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def refuse_graph_error(page: Fetched, setting: str, platform: str) -> None:
    """A Graph API error body as FetchRefused with its code and message; a token error as
    CredentialsRefused naming the setting."""
    error = page_json(page).get("error")
    if isinstance(error, dict):
        code = error.get("code", "?")
        if code in TOKEN_ERRORS:
            raise CredentialsRefused(
                f"{redact(page.url)}: Graph API error {code} (HTTP {page.status}); check {setting}"
            )
        message = error.get("message") or "no message"
        raise FetchRefused(f"{platform}: Graph API error {code}: {message} (HTTP {page.status})")
