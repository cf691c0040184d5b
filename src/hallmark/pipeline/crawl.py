"""A bounded, polite, resumable crawl of one web store.

From a start URL the crawl follows every `<a href>` on the same site (the same host and
port as the start URL, over http or https), breadth first: the pages the start page links
to, then the pages those link to, each depth in the order the links were met. Each page is
fetched with the safe client, captured as evidence, parsed with the webstore channel and
imported like an import would; pages without products (categories, listings, the home
page) are not errors, their links are followed all the same.

The frontier lives in the store (`store.crawls`), keyed by the workspace and the start URL's
origin, so a second run with the same start URL resumes the first: done urls are never
fetched again, and a page fetched and captured just before a kill is imported from its
blob on the next run rather than fetched a second time.

Politeness: robots.txt is followed (a disallowed url is marked skipped with the reason),
and at least `delay` seconds pass between the end of one request to a host and the start
of the next, counting the last request of an earlier run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from hallmark.channels.base import Parsed
from hallmark.channels.fetch import Fetched, SafeClient, redact
from hallmark.channels.webstore import WebstoreChannel
from hallmark.config import Settings
from hallmark.domain import Listing
from hallmark.errors import FetchRefused, PayloadError
from hallmark.evidence.capture import capture_fetch
from hallmark.pipeline.importer import ImportReport, import_parsed
from hallmark.store import Store, Workspace
from hallmark.store.base import record_events
from hallmark.store.crawls import (
    FrontierUrl,
    enqueue,
    fetched_count,
    last_fetched_at,
    latest_fetch_capture,
    mark,
    next_pending,
)

MAX_URL = 2000
"""Longer urls are not followed (they are rarely pages, and they bloat the frontier)."""
MAX_LINKS_PER_PAGE = 10_000
HTML_TYPES = ("text/html", "application/xhtml+xml")
_PORTS = {"http": 80, "https": 443}
_SAFE = "/%:@!$&'()*+,;=-._~"
_ACCEPT = {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}


@dataclass(frozen=True, slots=True)
class PageResult:
    """What became of one url: `done`, `failed` or `skipped`, and why."""

    url: str
    depth: int
    state: str
    reason: str | None = None
    status: int | None = None
    report: ImportReport | None = None
    new_links: int = 0


@dataclass
class CrawlReport:
    """One run of a crawl: what it fetched, what it imported, and why it stopped."""

    crawl_key: str
    fetched: int = 0
    """Requests made for pages in this run."""
    total_fetched: int = 0
    """Requests made for pages over every run of this crawl (what the bound counts)."""
    done: int = 0
    failed: int = 0
    skipped: int = 0
    queued: int = 0
    """Urls met for the first time in this run."""
    stopped: str = ""
    imported: ImportReport = field(default_factory=ImportReport)

    def summary(self) -> str:
        return (
            f"{self.fetched} pages fetched ({self.total_fetched} in all for {self.crawl_key}), "
            f"{self.done} done, {self.failed} failed, {self.skipped} skipped; "
            f"stopped: {self.stopped}; {self.imported.summary()}"
        )


def normalise(href: str, base: str | None = None) -> str | None:
    """The absolute http(s) url `href` names (relative to `base`), in one spelling: lower-case
    scheme and host, no default port, no fragment, unsafe characters percent-encoded; None
    when it is not an http(s) url, carries credentials, or is longer than MAX_URL."""
    href = href.strip()
    if not href:
        return None
    try:
        parts = urlsplit(urljoin(base, href) if base else href)
        port = parts.port
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    if scheme not in _PORTS or not host or parts.username is not None:
        return None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _PORTS[scheme]) else f"{host}:{port}"
    path = quote(parts.path or "/", safe=_SAFE)
    query = quote(parts.query, safe=_SAFE + "?")
    url = urlunsplit((scheme, netloc, path, query, ""))
    return url if len(url) <= MAX_URL else None


def site_of(url: str) -> str:
    """The site a normalised url belongs to: its host and port."""
    return urlsplit(url).netloc


def crawl_key(start_url: str) -> str:
    """The key of the crawl from `start_url`: the origin of its normalised form."""
    url = _start(start_url)
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def links(body: bytes, base: str) -> list[str]:
    """The normalised targets of the page's `<a href>`s, in page order, once each; a
    `<base href>` changes what relative links are relative to."""
    tree = LexborHTMLParser(_decode(body))
    tag = tree.css_first("base[href]")
    if tag is not None:
        base = normalise(tag.attributes.get("href") or "", base) or base
    found: dict[str, None] = {}
    for anchor in tree.css("a[href]"):
        url = normalise(anchor.attributes.get("href") or "", base)
        if url is not None:
            found[url] = None
            if len(found) >= MAX_LINKS_PER_PAGE:
                break
    return list(found)


_ATTEMPTS = 3  # a 429 or 5xx is asked again twice before the page counts as failed


class _Politeness:
    """At least `delay` seconds from the end of one request to a host to the next."""

    def __init__(
        self, delay: float, sleep: Callable[[float], None], clock: Callable[[], float]
    ) -> None:
        self.delay = delay
        self.sleep = sleep
        self.clock = clock
        self.last: dict[str, float] = {}

    def seed(self, host: str, seconds_ago: float) -> None:
        self.last[host] = self.clock() - max(seconds_ago, 0.0)

    def wait(self, host: str) -> None:
        last = self.last.get(host)
        if last is None:
            return
        gap = last + self.delay - self.clock()
        if gap > 0:
            self.sleep(gap)

    def done(self, host: str) -> None:
        self.last[host] = self.clock()


def crawl(
    store: Store,
    workspace: Workspace,
    start_url: str,
    *,
    max_pages: int,
    http: SafeClient,
    channel: WebstoreChannel,
    settings: Settings,
    delay: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    on_page: Callable[[str, PageResult], None] = lambda url, report: None,
    after_page: Callable[[int], None] = lambda n: None,
    actor: str | None = None,
) -> CrawlReport:
    """Crawl the site of `start_url` until `max_pages` pages have been fetched in total for
    this crawl, over all its runs (a crawl resumed with the same start URL counts what the
    earlier runs fetched), or until the frontier is empty.

    Every request for a page counts toward the bound, whatever its answer (refusals and
    error statuses included); urls robots.txt disallows are never requested and do not
    count, nor do the robots.txt requests themselves. `on_page(url, result)` is told what
    became of each url; `after_page(n)` is called once the n-th page of the crawl is
    committed (an exception from it stops the crawl there, as a kill would). `clock` and
    `sleep` measure and wait out the politeness delay (seconds, injected for tests).
    """
    if max_pages < 0:
        raise ValueError("max_pages must not be negative")
    start = _start(start_url)
    run = _Run(store, workspace, start, http, channel, settings, actor, on_page)
    run.sleep = sleep
    politeness = _Politeness(delay, sleep, clock)
    with store.transaction() as conn:
        run.report.queued += enqueue(conn, workspace, run.key, [start], 0, at=store.clock())
        run.report.total_fetched = fetched_count(conn, workspace, run.key)
        last = last_fetched_at(conn, workspace, run.key)
    host = urlsplit(start).hostname or ""
    if last is not None:
        politeness.seed(host, (store.clock() - last).total_seconds())
    robots_checked: set[str] = set()
    while True:
        with store.transaction() as conn:
            row = next_pending(conn, workspace, run.key)
        if row is None:
            run.report.stopped = "the frontier is empty"
            break
        if row.state == "fetched":
            run.finish(row, None)  # fetched and captured before a kill: no new request
            continue
        if run.report.total_fetched >= max_pages:
            run.report.stopped = f"the bound of {max_pages} pages is reached"
            break
        parts = urlsplit(row.url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in robots_checked:
            politeness.wait(parts.hostname or "")  # robots.txt is a request to the host too
        allowed = http.allowed_by_robots(row.url)
        if origin not in robots_checked:
            politeness.done(parts.hostname or "")
            robots_checked.add(origin)
        if not allowed:
            run.settle(row, "skipped", "robots.txt disallows it")
            continue
        politeness.wait(parts.hostname or "")
        run.fetch(row, partial(politeness.done, parts.hostname or ""))
        after_page(run.report.total_fetched)
    with store.transaction() as conn:
        record_events(
            conn,
            workspace,
            store.clock(),
            [
                (
                    "crawl.finished",
                    "workspace",
                    workspace.id,
                    {
                        "crawl_key": run.key,
                        "start": redact(start),
                        "fetched": run.report.fetched,
                        "total_fetched": run.report.total_fetched,
                        "stopped": run.report.stopped,
                    },
                )
            ],
        )
    return run.report


@dataclass(frozen=True, slots=True)
class _Page:
    body: bytes
    source: str
    at: datetime
    status: int | None


class _Run:
    """The state of one run: what to crawl with, and what it has done so far."""

    def __init__(
        self,
        store: Store,
        workspace: Workspace,
        start: str,
        http: SafeClient,
        channel: WebstoreChannel,
        settings: Settings,
        actor: str | None,
        on_page: Callable[[str, PageResult], None],
    ) -> None:
        self.store = store
        self.workspace = workspace
        self.site = site_of(start)
        self.key = f"{urlsplit(start).scheme}://{self.site}"
        self.http = http
        self.channel = channel
        self.settings = settings
        self.actor = actor
        self.on_page = on_page
        self.report = CrawlReport(self.key)
        self.sleep: Callable[[float], None] = time.sleep

    def fetch(self, row: FrontierUrl, answered: Callable[[], None]) -> None:
        """Request the page (`answered` is told when the request is over), then capture,
        import or settle it."""
        at = self.store.clock()
        self.report.fetched += 1
        self.report.total_fetched += 1
        try:
            fetched = self._get(row.url)
        except FetchRefused as exc:
            answered()
            self.settle(row, "failed", str(exc), fetched_at=at)
            return
        answered()
        final = normalise(fetched.url) or fetched.url
        kind = fetched.headers.get("content-type", "").split(";")[0].strip().lower()
        if fetched.status >= 400:
            reason = f"HTTP {fetched.status}"
            self.settle(row, "failed", reason, fetched_at=at, status=fetched.status)
        elif site_of(final) != self.site:
            reason = f"redirected off the site, to {redact(final)}"
            self.settle(row, "skipped", reason, fetched_at=at, status=fetched.status)
        elif kind and kind not in HTML_TYPES:
            reason = f"not an HTML page ({kind})"
            self.settle(row, "skipped", reason, fetched_at=at, status=fetched.status)
        else:
            capture = capture_fetch(
                self.store, self.workspace, fetched, self.channel.platform, at, actor=self.actor
            )
            with self.store.transaction() as conn:
                mark(conn, self.workspace, row.id, "fetched", fetched_at=at, sha256=capture.sha256)
            self.finish(row, _Page(fetched.body, final, at, fetched.status))

    def _get(self, url: str) -> Fetched:
        """The page, asked again after a 429 or 5xx (waiting as Retry-After says, at most a
        minute) up to three times; the last answer is kept whatever it is."""
        for attempt in range(_ATTEMPTS):
            fetched = self.http.get(url, headers=_ACCEPT)
            if attempt + 1 == _ATTEMPTS or not (fetched.status == 429 or fetched.status >= 500):
                return fetched
            after = fetched.headers.get("retry-after", "").strip()
            self.sleep(min(float(after), 60.0) if after.isdigit() else 2.0 * 2**attempt)
        raise AssertionError("unreachable")

    def finish(self, row: FrontierUrl, page: _Page | None) -> None:
        """Import a fetched page, queue its links, and mark it done (in that order, so a
        kill before the mark imports it again, idempotently, from its blob)."""
        if page is None:
            assert row.sha256 is not None and row.fetched_at is not None
            with self.store.transaction() as conn:
                source, status = latest_fetch_capture(conn, self.workspace, row.sha256, row.url)
            page = _Page(
                self.store.blobs.get(row.sha256),
                normalise(source) or row.url,
                row.fetched_at,
                status,
            )
        body, source, at, status = page.body, page.source, page.at, page.status
        reason: str | None = None
        try:
            parsed = list(self.channel.parse(body, source=source, captured_at=at))
        except PayloadError as exc:
            parsed, reason = [], exc.reason  # a page without products: a category, a home page
        imported = import_parsed(
            self.store,
            self.workspace,
            _remote_images_only(parsed),
            Path(f"webstore-crawl-{row.id}.html"),
            self.settings,
        )
        self.report.imported.counts.add(imported.counts)
        self.report.imported.rejected += imported.rejected
        found = [url for url in links(body, source) if site_of(url) == self.site]
        with self.store.transaction() as conn:
            new = enqueue(
                conn, self.workspace, self.key, found, row.depth + 1, at=self.store.clock()
            )
            mark(conn, self.workspace, row.id, "done", reason=reason)
        self.report.queued += new
        self.report.done += 1
        self.on_page(row.url, PageResult(row.url, row.depth, "done", reason, status, imported, new))

    def settle(
        self,
        row: FrontierUrl,
        state: str,
        reason: str,
        *,
        fetched_at: datetime | None = None,
        status: int | None = None,
    ) -> None:
        with self.store.transaction() as conn:
            mark(conn, self.workspace, row.id, state, reason=reason, fetched_at=fetched_at)
        if state == "failed":
            self.report.failed += 1
        else:
            self.report.skipped += 1
        self.on_page(row.url, PageResult(row.url, row.depth, state, reason, status))


def _start(start_url: str) -> str:
    start = normalise(start_url)
    if start is None:
        raise FetchRefused(f"refused: {redact(start_url)!r} is not an http(s) url to crawl")
    return start


def _remote_images_only(parsed: Iterable[Parsed]) -> Iterator[Parsed]:
    """A crawled page never names a local file: only http(s) image urls are kept."""
    for item in parsed:
        if isinstance(item, Listing) and any(
            not ref.startswith(("http://", "https://")) for ref in item.images
        ):
            kept = tuple(r for r in item.images if r.startswith(("http://", "https://")))
            yield replace(item, images=kept)
        else:
            yield item


def _decode(body: bytes) -> str:
    # hrefs are ASCII in practice; the channel reads the text with its declared charset
    return body.decode("utf-8", "replace")
