"""Facebook live: the Graph API's pages search by keyword, a Page and its posts, or one
post by its url, with an access token.

The Meta Platform Terms allow the Graph API only. Pages search needs the Page Public
Metadata Access feature, and reading Pages the token's user does not manage (their
fields and their posts) needs Page Public Metadata Access and Page Public Content Access,
each granted by App Review; without them the Graph API answers with an error that is
shown as it came. Every call counts against the app's rate limit (about 200 an hour per
user). Exported data imported with `hallmark import --platform facebook` stays the main
path.

A post url gives its post id only as `/{page}/posts/{number}` or `story_fbid={number}`
(with `id={page}`); the Graph API names a Page's post `{page-id}_{post-id}`, so a Page
named by its username is looked up first. Share links and `pfbid` ids are not read.

The token goes in the Authorization header, never in the url; `paging.next` urls, which
the Graph API writes with `access_token=` in them, lose it before they are fetched and are
followed only on the configured API's own origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import parse_qs, urlencode, urlsplit

from hallmark.channels.facebook import FacebookChannel
from hallmark.channels.fetch import Fetched, SafeClient
from hallmark.channels.graph_live import graph_next, refuse_graph_error
from hallmark.channels.live import Query, Retrying, TokenBucket, page_json
from hallmark.errors import FetchRefused, NotConfigured

_PAGE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.]{0,49}$")
_NUMBER = re.compile(r"^\d{1,25}$")
_POST_PATH = re.compile(r"^/([^/]+)/posts/([^/]+)/?$")
_PAGE = 100  # a Page's posts return at most 100 a page
_SEARCH_FIELDS = "id,name,link,location,verification_status"
_PAGE_FIELDS = (
    "id,name,username,link,about,description,website,phone,emails,location,category,"
    "category_list,fan_count,followers_count,verification_status,picture"
)
_POST_FIELDS = (
    "id,message,story,created_time,updated_time,permalink_url,full_picture,status_type,"
    "from{id,name,link},message_tags,shares,"
    "attachments{type,title,url,unshimmed_url,media,subattachments},"
    "comments.limit(0).summary(true),reactions.limit(0).summary(true)"
)


class FacebookLive(FacebookChannel):
    """Fetches Graph API responses and parses them like imported ones."""

    setting: ClassVar[str] = "HALLMARK_FACEBOOK_TOKEN"
    terms: ClassVar[str] = (
        "Meta Platform Terms: Graph API only; pages search needs Page Public Metadata "
        "Access, other Pages' fields and posts need Page Public Metadata and Page Public "
        "Content Access (App Review); calls count against the app's rate limit"
    )

    def __init__(
        self,
        token: str | None,
        *,
        api_url: str = "https://graph.facebook.com/v21.0",
        bucket: TokenBucket | None = None,
        retrying: Retrying | None = None,
    ) -> None:
        if not token:
            raise NotConfigured(f"facebook: disabled, no {self.setting}")
        self._token = token
        self._api = api_url.rstrip("/")
        # the Graph API's platform rate limit is about 200 calls an hour per user
        self._bucket = bucket or TokenBucket(rate=200 / 3600, burst=10)
        self._retrying = retrying or Retrying()

    def fetch(self, query: Query, http: SafeClient) -> Iterator[Fetched]:
        """Each page of the answer, following paging.next until `query.limit` items."""
        if query.kind == "url":
            yield self._post(http, query.value)
        elif query.kind == "keyword":
            params = urlencode({"q": query.value, "fields": _SEARCH_FIELDS})
            yield from self._pages(http, f"{self._api}/pages/search?{params}", query.limit)
        else:
            yield from self._page_and_posts(http, query)

    def _page_and_posts(self, http: SafeClient, query: Query) -> Iterator[Fetched]:
        name = query.value.strip().removeprefix("@")
        if not _PAGE_NAME.match(name):
            raise FetchRefused(
                f"{query.value!r} is not a Facebook Page id or username (letters, digits, .)"
            )
        page = self._get(http, f"{self._api}/{name}?{urlencode({'fields': _PAGE_FIELDS})}")
        page_id = self._page_id(page, name)
        yield page  # the Page itself: its name, location, website and verification
        posts = {"fields": _POST_FIELDS, "limit": str(max(1, min(_PAGE, query.limit)))}
        yield from self._pages(http, f"{self._api}/{page_id}/posts?{urlencode(posts)}", query.limit)

    def _post(self, http: SafeClient, url: str) -> Fetched:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").casefold()
        if parts.scheme not in ("http", "https") or not (
            host == "facebook.com" or host.endswith(".facebook.com")
        ):
            raise FetchRefused(f"{url!r} is not a Facebook url")
        params = parse_qs(parts.query)
        story = params.get("story_fbid", [""])[0]
        owner = params.get("id", [""])[0]
        path = _POST_PATH.match(parts.path)
        if story or owner:
            if not (_NUMBER.match(story) and _NUMBER.match(owner)):
                raise FetchRefused(
                    f"{url!r}: story_fbid and id must both be numbers to name a post"
                )
            post_id = f"{owner}_{story}"
        elif path and _NUMBER.match(path.group(2)):
            page, number = path.groups()
            if not _NUMBER.match(page):
                if not _PAGE_NAME.match(page):
                    raise FetchRefused(f"{url!r}: {page!r} is not a Facebook Page username")
                found = self._get(http, f"{self._api}/{page}?{urlencode({'fields': 'id'})}")
                page = self._page_id(found, page)  # not yielded: it is no post
            post_id = f"{page}_{number}"
        else:
            raise FetchRefused(
                f"{url!r} has no numeric post id (/{{page}}/posts/<number> or "
                "story_fbid=<number>&id=<page>); share links and pfbid ids are not read"
            )
        fetched = self._get(http, f"{self._api}/{post_id}?{urlencode({'fields': _POST_FIELDS})}")
        refuse_graph_error(fetched, self.setting, "facebook")
        return fetched

    def _page_id(self, page: Fetched, name: str) -> str:
        refuse_graph_error(page, self.setting, "facebook")
        page_id = page_json(page).get("id")
        if not isinstance(page_id, str) or not _NUMBER.match(page_id):
            raise FetchRefused(f"facebook: no Page {name} (HTTP {page.status})")
        return page_id

    def _pages(self, http: SafeClient, first: str, limit: int) -> Iterator[Fetched]:
        url: str | None = first
        seen = 0
        while url and seen < limit:
            page = self._get(http, url)
            refuse_graph_error(page, self.setting, "facebook")
            yield page
            document = page_json(page)
            items = document.get("data")
            got = len(items) if isinstance(items, list) else 0
            seen += got
            paging = document.get("paging")
            following = paging.get("next") if isinstance(paging, dict) else None
            if not got or seen >= limit or not isinstance(following, str):
                return
            url = self._next(following)
            if url == page.url:
                return

    def _next(self, url: str) -> str:
        return graph_next(url, self._api, "facebook")

    def _get(self, http: SafeClient, url: str) -> Fetched:
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        return self._retrying.get(
            http, url, headers=headers, bucket=self._bucket, setting=self.setting
        )
