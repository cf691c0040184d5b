"""Scaffolding shared by the live-channel tests: a loopback client and the parse of saved pages."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from hallmark.channels.base import Channel
from hallmark.channels.fetch import SafeClient
from hallmark.domain import Account, Listing

AT = datetime(2026, 11, 24, tzinfo=UTC)


def loopback_client(timeout: float = 5.0) -> SafeClient:
    """The safe client with loopback allowed, since the test servers listen on 127.0.0.1."""
    return SafeClient(allow_loopback=True, timeout=timeout)


def parsed_records(live: type[Channel], pages: list[bytes]) -> list[Listing | Account]:
    """Every record the channel parses from saved pages, without credentials to build it."""
    found: list[Listing | Account] = []
    for number, body in enumerate(pages):
        for record in live.parse(live.__new__(live), body, source=f"page{number}", captured_at=AT):
            assert isinstance(record, Listing | Account), record
            found.append(record)
    return found


def listing_ids(live: type[Channel], pages: list[bytes]) -> list[str]:
    return [r.external_id for r in parsed_records(live, pages) if isinstance(r, Listing)]


@contextmanager
def threaded_server() -> Iterator[HTTPServer]:
    """A local server that answers the retry while the stalled request still sleeps."""
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def stall(_: Request) -> Response:
    """A handler slower than the tests' 0.3 s client timeout."""
    time.sleep(1.0)
    return Response("late")
