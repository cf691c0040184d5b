"""The web-store crawl: one site only, breadth first, robots.txt and a delay per host,
bounded by pages fetched, and resumable after a kill without fetching any page twice.

The site is served by a real socket on 127.0.0.1 (RawServer); a second server plays an
external site that must never be asked for anything.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from hallmark.channels.base import Parsed
from hallmark.channels.fetch import SafeClient
from hallmark.channels.webstore import WebstoreChannel
from hallmark.config import Settings
from hallmark.errors import FetchRefused
from hallmark.pipeline.crawl import CrawlReport, PageResult, crawl, crawl_key, links, normalise
from hallmark.store import Store, Workspace
from hallmark.store.crawls import frontier_urls
from hallmark.store.tables import captures, listings
from tests.channels.test_fetch import RawServer, response

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def product(name: str, sku: str, price: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "sku": sku,
        "offers": {"@type": "Offer", "price": price, "priceCurrency": "EUR"},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def page(title: str, hrefs: list[str], extra: str = "") -> bytes:
    anchors = "".join(f'<a href="{h}">{h}</a>\n' for h in hrefs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{extra}</head>"
        f"<body><h1>{title}</h1>{anchors}</body></html>"
    ).encode()


class Site:
    """Six HTML pages (a home, two categories, three products), a disallowed page, a
    missing page and a PDF, with links to an external site and in odd spellings."""

    def __init__(self, external: str) -> None:
        self.pages: dict[str, bytes] = {
            "/": page(
                "Home",
                [
                    "/c/bags",
                    "/c/shoes",
                    "/private/admin",
                    f"{external}/p/fake",
                    "mailto:shop@example.com",
                    "javascript:void(0)",
                    "/c/bags#top",
                ],
            ),
            "/c/bags": page("Bags", ["/p/tote", "p/../../p/wallet", "/"]),
            "/c/shoes": page("Shoes", ["/p/boot", "/p/tote#reviews", "/c/bags"]),
            "/p/tote": page("Tote", ["/c/bags"], product("Aurora Tote", "T-1", "129.00")),
            "/p/wallet": page("Wallet", ["/p/gone"], product("Aurora Wallet", "W-1", "59.00")),
            "/p/boot": page("Boot", ["/files/sizes.pdf"], product("Aurora Boot", "B-1", "199.00")),
            "/private/admin": page("Admin", ["/private/secret"]),
        }
        self.paths: list[str] = []

    def handle(self, request: bytes) -> bytes:
        path = request.split(b" ", 2)[1].decode()
        self.paths.append(path)
        if path == "/robots.txt":
            return response(body=ROBOTS, headers={"Content-Type": "text/plain"})
        if path == "/files/sizes.pdf":
            return response(body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
        if path in self.pages:
            return response(
                body=self.pages[path], headers={"Content-Type": "text/html; charset=utf-8"}
            )
        return response("404 Not Found", b"not here", {"Content-Type": "text/html"})

    def count(self) -> Counter[str]:
        return Counter(self.paths)


ORDER = [
    ("/", "done"),
    ("/c/bags", "done"),
    ("/c/shoes", "done"),
    ("/private/admin", "skipped"),
    ("/p/tote", "done"),
    ("/p/wallet", "done"),
    ("/p/boot", "done"),
    ("/p/gone", "failed"),
    ("/files/sizes.pdf", "skipped"),
]
FETCHED = [p for p, _ in ORDER if p != "/private/admin"]


class Killed(Exception):
    """Stands for a kill of the process."""


class FakeTime:
    """A clock that only moves when the crawl sleeps (or a test moves it)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def external() -> Iterator[RawServer]:
    server = RawServer(lambda _: response(body=b"<html>elsewhere</html>"))
    yield server
    server.close()


@pytest.fixture
def site(external: RawServer) -> Iterator[tuple[Site, RawServer]]:
    shop = Site(external.url)
    server = RawServer(shop.handle)
    yield shop, server
    server.close()


class Crawler:
    """Runs crawls of the test site, recording what became of each url."""

    def __init__(self, store: Store, workspace: Workspace, start: str) -> None:
        self.store = store
        self.workspace = workspace
        self.start = start
        self.results: list[PageResult] = []
        self.time = FakeTime()

    def __call__(self, **kwargs: Any) -> CrawlReport:
        self.time = FakeTime()
        options: dict[str, Any] = {
            "max_pages": 100,
            "channel": WebstoreChannel(),
            "settings": Settings(),
            "delay": 1.0,
            "sleep": self.time.sleep,
            "clock": self.time.clock,
            "on_page": lambda url, result: self.results.append(result),
            "actor": "tester",
            **kwargs,
        }
        with SafeClient(allow_loopback=True) as http:
            return crawl(self.store, self.workspace, self.start, http=http, **options)

    def seen(self) -> list[tuple[str, str]]:
        return [(_path(r.url), r.state) for r in self.results]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.fixture
def crawler(store: Store, workspace: Workspace, site: tuple[Site, RawServer]) -> Crawler:
    return Crawler(store, workspace, site[1].url + "/")


def _count(store: Store, table: Any, workspace: Workspace) -> int:
    with store.transaction() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(table).where(table.c.workspace_id == workspace.id)
            ).scalar_one()
        )


def test_the_whole_site_is_crawled_breadth_first_on_the_site_only(
    crawler: Crawler,
    site: tuple[Site, RawServer],
    external: RawServer,
    store: Store,
    workspace: Workspace,
) -> None:
    shop, server = site
    report = crawler()

    assert crawler.seen() == ORDER
    assert shop.paths == ["/robots.txt", *FETCHED]
    assert external.requests == []
    assert report.fetched == report.total_fetched == len(FETCHED)
    assert (report.done, report.failed, report.skipped) == (6, 1, 2)
    assert report.stopped == "the frontier is empty"
    assert report.imported.counts.new == 3
    assert _count(store, listings, workspace) == 3
    assert _count(store, captures, workspace) == 6  # the HTML pages, as evidence
    reasons = {_path(r.url): r.reason for r in crawler.results if r.state != "done"}
    assert reasons == {
        "/private/admin": "robots.txt disallows it",
        "/p/gone": "HTTP 404",
        "/files/sizes.pdf": "not an HTML page (application/pdf)",
    }
    with store.transaction() as conn:
        frontier = frontier_urls(conn, workspace, crawl_key(server.url))
    assert [(_path(u.url), u.depth) for u in frontier] == [
        ("/", 0),
        ("/c/bags", 1),
        ("/c/shoes", 1),
        ("/private/admin", 1),
        ("/p/tote", 2),
        ("/p/wallet", 2),
        ("/p/boot", 2),
        ("/p/gone", 3),
        ("/files/sizes.pdf", 3),
    ]
    assert all(u.fetched_at is not None for u in frontier if _path(u.url) in FETCHED)
    assert frontier[3].fetched_at is None  # disallowed: never requested


def test_a_second_run_fetches_nothing_again(crawler: Crawler, site: tuple[Site, RawServer]) -> None:
    crawler()
    before = len(site[0].paths)
    report = crawler()
    assert report.fetched == 0
    assert report.stopped == "the frontier is empty"
    assert len(site[0].paths) == before


def test_the_bound_counts_pages_fetched_over_every_run(
    crawler: Crawler, site: tuple[Site, RawServer]
) -> None:
    shop, _ = site
    first = crawler(max_pages=3)
    assert first.fetched == 3
    assert first.stopped == "the bound of 3 pages is reached"
    assert shop.paths == ["/robots.txt", "/", "/c/bags", "/c/shoes"]

    again = crawler(max_pages=3)
    assert (again.fetched, again.total_fetched) == (0, 3)
    assert len(shop.paths) == 4  # not even robots.txt

    more = crawler(max_pages=5)  # the disallowed url is passed over without counting
    assert (more.fetched, more.total_fetched) == (2, 5)
    assert shop.paths[4:] == ["/robots.txt", "/p/tote", "/p/wallet"]


def test_a_kill_after_page_two_resumes_without_fetching_any_page_twice(
    crawler: Crawler, site: tuple[Site, RawServer]
) -> None:
    shop, _ = site

    def kill(n: int) -> None:
        if n == 2:
            raise Killed

    with pytest.raises(Killed):
        crawler(after_page=kill)
    assert shop.paths == ["/robots.txt", "/", "/c/bags"]

    report = crawler()
    assert report.fetched == len(FETCHED) - 2
    assert report.total_fetched == len(FETCHED)
    counts = shop.count()
    assert counts.pop("/robots.txt") == 2  # once a run
    assert counts == Counter(FETCHED)
    assert crawler.seen() == ORDER  # the same order as one uninterrupted run


class DiesOnce(WebstoreChannel):
    """Dies while parsing one page, after it was fetched and captured: a kill mid-page."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.died = False

    def parse(self, payload: bytes, *, source: str, captured_at: datetime) -> Iterator[Parsed]:
        if source.endswith(self.path) and not self.died:
            self.died = True
            raise Killed
        return super().parse(payload, source=source, captured_at=captured_at)


def test_a_kill_between_capture_and_import_imports_from_the_blob(
    crawler: Crawler, site: tuple[Site, RawServer], store: Store, workspace: Workspace
) -> None:
    shop, _ = site
    with pytest.raises(Killed):
        crawler(channel=DiesOnce("/p/tote"))
    assert shop.paths[-1] == "/p/tote"
    assert _count(store, listings, workspace) == 0

    report = crawler()
    assert shop.count() == Counter({"/robots.txt": 2, **dict.fromkeys(FETCHED, 1)})
    assert report.fetched == len(FETCHED) - 4  # tote was fetched by the first run
    assert _count(store, listings, workspace) == 3
    assert _count(store, captures, workspace) == 6
    assert crawler.seen() == ORDER


def test_politeness_waits_the_delay_between_requests_to_the_host(
    crawler: Crawler, site: tuple[Site, RawServer]
) -> None:
    crawler(delay=2.5)
    # robots.txt goes first without a wait; every page after a request waits the delay
    assert crawler.time.sleeps == [2.5] * len(FETCHED)


def test_time_spent_between_requests_counts_toward_the_delay(
    crawler: Crawler, site: tuple[Site, RawServer]
) -> None:
    def busy(url: str, result: PageResult) -> None:
        crawler.results.append(result)
        crawler.time.now += 0.75  # importing took a while

    crawler(on_page=busy, max_pages=3)
    assert crawler.time.sleeps == [1.0, 0.25, 0.25]


def test_a_resumed_crawl_waits_out_the_delay_after_the_last_run(
    crawler: Crawler, site: tuple[Site, RawServer]
) -> None:
    crawler(max_pages=2)
    crawler(max_pages=4)
    # the store's clock stands still in tests: the last request was "just now"
    assert crawler.time.sleeps == [1.0, 1.0, 1.0]


def test_the_frontier_belongs_to_one_workspace(
    crawler: Crawler, site: tuple[Site, RawServer], store: Store, workspace: Workspace
) -> None:
    shop, server = site
    crawler(max_pages=2)
    other = store.workspace("globex")
    key = crawl_key(server.url)
    with store.transaction() as conn:
        assert frontier_urls(conn, other, key) == []
        mine = frontier_urls(conn, workspace, key)

    report = Crawler(store, other, server.url + "/")(max_pages=2)
    assert report.total_fetched == 2  # nothing of acme's crawl counted
    assert shop.count()["/"] == 2  # each workspace fetches its own evidence
    with store.transaction() as conn:
        assert frontier_urls(conn, workspace, key) == mine
        assert len(frontier_urls(conn, other, key)) == len(mine)
    assert _count(store, listings, other) == 0


def test_a_start_url_that_is_not_http_is_refused(store: Store, workspace: Workspace) -> None:
    with pytest.raises(FetchRefused, match="not an http"):
        Crawler(store, workspace, "file:///etc/passwd")()


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("HTTP://Shop.EXAMPLE:80/a?b=1#frag", "http://shop.example/a?b=1"),
        ("https://shop.example:443", "https://shop.example/"),
        ("https://shop.example:8443/x", "https://shop.example:8443/x"),
        ("/p/a b", "https://base.example/p/a%20b"),
        ("../up", "https://base.example/up"),
        ("?page=2", "https://base.example/c/list?page=2"),
        ("//cdn.example/x", "https://cdn.example/x"),
        ("mailto:a@b.example", None),
        ("javascript:alert(1)", None),
        ("ftp://base.example/f", None),
        ("https://user:pw@base.example/", None),
        ("https://base.example:99999/", None),
        ("#top", "https://base.example/c/list"),
        ("", None),
        ("/" + "a" * 3000, None),
    ],
)
def test_urls_are_normalised(href: str, expected: str | None) -> None:
    assert normalise(href, "https://base.example/c/list") == expected


def test_links_respect_base_href_and_come_once_in_page_order() -> None:
    body = (
        b'<html><head><base href="https://shop.example/en/"></head><body>'
        b'<a href="b">B</a><a href="a">A</a><a href="b#x">B again</a><a>no href</a>'
        b"</body></html>"
    )
    assert links(body, "https://shop.example/") == [
        "https://shop.example/en/b",
        "https://shop.example/en/a",
    ]


def test_a_refused_fetch_is_marked_failed_and_the_crawl_goes_on(
    store: Store, workspace: Workspace, external: RawServer
) -> None:
    pages = {
        "/": page("Home", ["/p/broken", f"{external.url}/", "/go-away", "/p/ok"]),
        "/p/ok": page("Ok", [], product("Aurora Ring", "R-1", "10.00")),
    }

    def handle(request: bytes) -> bytes:
        path = request.split(b" ", 2)[1].decode()
        if path == "/p/broken":
            return b"this is not HTTP\r\n\r\n"
        if path == "/go-away":
            return response("302 Found", b"", {"Location": f"{external.url}/landing"})
        if path in pages:
            return response(body=pages[path], headers={"Content-Type": "text/html"})
        return response("404 Not Found", b"")

    server = RawServer(handle)
    try:
        crawler = Crawler(store, workspace, server.url)
        report = crawler()
    finally:
        server.close()
    outcome = {_path(r.url): (r.state, r.reason) for r in crawler.results}
    assert outcome["/p/broken"][0] == "failed"
    assert (outcome["/p/broken"][1] or "").startswith("could not fetch")
    assert outcome["/p/ok"] == ("done", None)
    # the safe client follows redirects itself, so the off-site page was requested once;
    # the crawl neither imports it nor follows its links
    assert outcome["/go-away"] == ("skipped", f"redirected off the site, to {external.url}/landing")
    assert [r.split(b" ", 2)[1] for r in external.requests] == [b"/landing"]
    assert (report.done, report.failed, report.skipped) == (2, 1, 1)
    assert _count(store, listings, workspace) == 1
