"""Instagram live: the Graph API's hashtag search and an account's media by business
discovery, on behalf of the Instagram Business or Creator account the token belongs to.

The Meta Platform Terms allow the Graph API only. Hashtag search gives public media of
the last 24 hours, and an account may query at most 30 unique hashtags in a rolling 7
days (a repeat within the 7 days is free and does not restart its clock); HashtagBudget
counts them, but only in this process, so queries made elsewhere or before a restart are
not seen. Business discovery shows other Business and Creator accounts only. The Graph API
has no lookup of a post by its url or shortcode. Every call counts against the account's
rate limit (about 200 an hour). Exported data imported with `hallmark import --platform
instagram` stays the main path.

The token goes in the Authorization header, never in the url; `paging.next` urls, which
the Graph API writes with `access_token=` in them, lose it before they are fetched and are
followed only on the configured API's own origin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import ClassVar
from urllib.parse import urlencode

from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.graph_live import graph_next, refuse_graph_error
from hallmark.channels.instagram import InstagramChannel
from hallmark.channels.live import Query, Retrying, TokenBucket, page_json
from hallmark.errors import FetchRefused, NotConfigured

_HASHTAG = re.compile(r"^\w{1,100}$")
_USERNAME = re.compile(r"^[A-Za-z0-9._]{1,30}$")
_PAGE = 50  # recent_media returns at most 50 a page
# The fields IG Hashtag recent_media allows (no owner or username).
_HASHTAG_MEDIA = (
    "id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,"
    "children{id,media_type,media_url}"
)
_PROFILE = (
    "id,username,name,biography,website,followers_count,follows_count,media_count,"
    "profile_picture_url"
)
_ACCOUNT_MEDIA = (
    "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,"
    "like_count,comments_count,children{id,media_type,media_url,thumbnail_url}"
)


class HashtagBudget:
    """The unique hashtags each Instagram account searched in the last 7 days, as this
    process saw them; the 31st is refused, saying when the oldest frees its place."""

    def __init__(
        self,
        limit: int = 30,
        window: timedelta = timedelta(days=7),
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._searched: dict[str, dict[str, datetime]] = {}

    def spend(self, ig_user: str, tag: str) -> None:
        """Counts `tag` for `ig_user`, or FetchRefused when it would be one too many."""
        now = self._clock()
        searched = self._searched.setdefault(ig_user, {})
        for old, when in list(searched.items()):
            if now - when >= self.window:
                del searched[old]
        if tag in searched:
            return
        if len(searched) >= self.limit:
            frees = min(searched.values()) + self.window
            raise FetchRefused(
                f"instagram: #{tag} would be unique hashtag {self.limit + 1} in 7 days for "
                f"account {ig_user}; the Graph API allows {self.limit}; the next place frees "
                f"at {frees:%Y-%m-%d %H:%M} UTC"
            )
        searched[tag] = now


_BUDGET = HashtagBudget()  # shared by every InstagramLive in this process


class InstagramLive(InstagramChannel):
    """Fetches Graph API responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_INSTAGRAM_TOKEN"
    user_setting: ClassVar[str] = "HALLMARK_INSTAGRAM_USER_ID"
    terms: ClassVar[str] = (
        "Meta Platform Terms: Graph API only, for a Business or Creator account; hashtag "
        "search covers 24 hours, at most 30 unique hashtags per account in 7 days; other "
        "accounts by business discovery only; no post by url"
    )

    def __init__(
        self,
        token: str | None,
        user_id: str | None,
        *,
        api_url: str = "https://graph.facebook.com/v21.0",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
        hashtags: HashtagBudget | None = None,
    ) -> None:
        if not token:
            raise NotConfigured(f"instagram: disabled, no {self.setting}")
        if not user_id:
            raise NotConfigured(f"instagram: disabled, no {self.user_setting}")
        if not user_id.strip().isdigit():
            raise NotConfigured(
                f"instagram: disabled, {self.user_setting} is not an Instagram user id (digits)"
            )
        self._token = token
        self._user = user_id.strip()
        self._api = api_url.rstrip("/")
        # Instagram's rate limit is per account, about 200 calls an hour
        self._bucket = bucket or TokenBucket(rate=200 / 3600, burst=10)
        self._retrying = retrying or Retrying()
        self._hashtags = hashtags or _BUDGET

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the answer, following the paging until `query.limit` media."""
        if query.kind == "url":
            raise FetchRefused(
                "instagram: the Graph API cannot look up a post by its url or shortcode; "
                "search its hashtag or its account instead"
            )
        if query.kind == "keyword":
            yield from self._hashtag(http, query)
        else:
            yield from self._account(http, query)

    def _hashtag(self, http: SafeClient, query: Query) -> Iterator[Fetched]:
        tag = query.value.strip().removeprefix("#").casefold()
        if not _HASHTAG.match(tag):
            raise FetchRefused(
                f"instagram: {query.value!r} is not a hashtag (letters, digits, _); "
                "the Graph API searches hashtags only"
            )
        self._hashtags.spend(self._user, tag)
        params = urlencode({"user_id": self._user, "q": tag})
        found = self._get(http, f"{self._api}/ig_hashtag_search?{params}")
        # not yielded: its {"data": [{"id": ...}]} would read as a media page
        refuse_graph_error(found, self.setting, "instagram")
        data = page_json(found).get("data")
        first = data[0] if isinstance(data, list) and data else None
        hashtag_id = first.get("id") if isinstance(first, dict) else None
        if not isinstance(hashtag_id, str) or not hashtag_id.isdigit():
            raise FetchRefused(f"instagram: no hashtag #{tag} (HTTP {found.status})")
        media = {
            "user_id": self._user,
            "fields": _HASHTAG_MEDIA,
            "limit": str(max(1, min(_PAGE, query.limit))),
        }
        url: str | None = f"{self._api}/{hashtag_id}/recent_media?{urlencode(media)}"
        seen = 0
        while url and seen < query.limit:
            page = self._get(http, url)
            refuse_graph_error(page, self.setting, "instagram")
            yield page
            document = page_json(page)
            items = document.get("data")
            got = len(items) if isinstance(items, list) else 0
            seen += got
            paging = document.get("paging")
            following = paging.get("next") if isinstance(paging, dict) else None
            if not got or seen >= query.limit or not isinstance(following, str):
                return
            url = self._next(following)
            if url == page.url:
                return

    def _account(self, http: SafeClient, query: Query) -> Iterator[Fetched]:
        name = query.value.strip().removeprefix("@")
        if not _USERNAME.match(name):
            raise FetchRefused(
                f"{query.value!r} is not an Instagram username (1-30 letters, digits, . and _)"
            )
        size = max(1, min(_PAGE, query.limit))
        after: str | None = None
        seen = 0
        while seen < query.limit:
            if after is None:  # the profile once, then media only
                wanted = f"{_PROFILE},media.limit({size}){{{_ACCOUNT_MEDIA}}}"
            else:
                wanted = f"id,media.after({after}).limit({size}){{{_ACCOUNT_MEDIA}}}"
            fields = f"business_discovery.username({name}){{{wanted}}}"
            page = self._get(http, f"{self._api}/{self._user}?{urlencode({'fields': fields})}")
            refuse_graph_error(page, self.setting, "instagram")
            account = page_json(page).get("business_discovery")
            if not isinstance(account, dict):
                raise FetchRefused(
                    f"instagram: no business or creator account @{name} (HTTP {page.status})"
                )
            yield page
            media = account.get("media")
            items = media.get("data") if isinstance(media, dict) else None
            got = len(items) if isinstance(items, list) else 0
            seen += got
            paging = media.get("paging") if isinstance(media, dict) else None
            cursors = paging.get("cursors") if isinstance(paging, dict) else None
            following = cursors.get("after") if isinstance(cursors, dict) else None
            if not got or not isinstance(following, str) or not following or following == after:
                return
            if not re.fullmatch(r"[A-Za-z0-9_\-=]+", following):
                raise FetchRefused("instagram: the paging cursor is not a Graph API cursor")
            after = following

    def _next(self, url: str) -> str:
        return graph_next(url, self._api, "instagram")

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )
