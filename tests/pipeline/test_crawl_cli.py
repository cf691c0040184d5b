"""`hallmark fetch --platform webstore --start URL` crawls a real loopback site end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from hallmark.cli.main import app

PRODUCT = """<html><head><link rel="canonical" href="{base}/products/clou-bangle">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Product",
"name": "VAREILLE Clou bangle replica", "sku": "CB-1",
"offers": {{"@type": "Offer", "price": "39.00", "priceCurrency": "USD"}}}}</script>
</head><body><h1>Clou bangle</h1></body></html>"""


def test_crawl_imports_the_products_it_finds(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data(
        '<html><body><a href="/products/clou-bangle">bangle</a></body></html>',
        content_type="text/html",
    )
    httpserver.expect_request("/products/clou-bangle").respond_with_data(
        PRODUCT.format(base=base), content_type="text/html"
    )
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HALLMARK_ALLOW_LOOPBACK", "true")
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "fetch",
            "--platform",
            "webstore",
            "--start",
            base + "/",
            "--max-pages",
            "5",
            "--delay",
            "0",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 pages fetched")
    records = [
        json.loads(line) for line in runner.invoke(app, ["listings", "export"]).stdout.splitlines()
    ]
    listings = [r for r in records if r["kind"] == "listing"]
    assert [(r["title"], r["price"], r["currency"]) for r in listings] == [
        ("VAREILLE Clou bangle replica", "39.00", "USD")
    ]
    again = runner.invoke(
        app,
        [
            "fetch",
            "--platform",
            "webstore",
            "--start",
            base + "/",
            "--max-pages",
            "5",
            "--delay",
            "0",
        ],
    )
    assert again.stdout.startswith("0 pages fetched")


def test_a_busy_page_is_asked_again(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkzeug import Request, Response

    base = httpserver.url_for("").rstrip("/")
    answers = [
        Response("busy", status=429, headers={"Retry-After": "0"}),
        Response("oops", status=503),
    ]

    def page(_: Request) -> Response:
        if answers:
            return answers.pop(0)
        return Response(PRODUCT.format(base=base), content_type="text/html")

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_handler(page)
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HALLMARK_ALLOW_LOOPBACK", "true")
    result = CliRunner().invoke(
        app,
        [
            "fetch",
            "--platform",
            "webstore",
            "--start",
            base + "/",
            "--max-pages",
            "1",
            "--delay",
            "0",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 pages fetched") and " 1 done, 0 failed" in result.stdout, (
        result.output
    )
    assert answers == []
