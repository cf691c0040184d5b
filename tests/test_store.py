"""Storage on both engines: isolation between workspaces, append-only events, brand versions."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from hallmark.errors import NotFound
from hallmark.store import Store
from hallmark.store.brands import add_brand, current_brands, get_brand
from hallmark.store.findings import add_decisions, query_findings
from hallmark.store.listings import PreparedListing, upsert_listings
from hallmark.store.tables import events
from hallmark.testing import brand_spec, make_listing
from tests.conftest import NOW


def test_brand_versions(store: Store) -> None:
    ws = store.workspace("acme")
    with store.transaction() as conn:
        first, outcome1 = add_brand(conn, ws, brand_spec(), source="a.yaml", at=NOW)
        same, outcome2 = add_brand(conn, ws, brand_spec(), source="a.yaml", at=NOW)
        changed, outcome3 = add_brand(
            conn, ws, brand_spec(negative_contexts=["cartier street"]), source="a.yaml", at=NOW
        )
        names = [b.brand.name for b in current_brands(conn, ws)]
        log = list(conn.execute(select(events.c.name).order_by(events.c.id)).scalars())
    assert (outcome1, outcome2, outcome3) == ("added", "unchanged", "changed")
    assert (first.brand.version, same.id, changed.brand.version) == (1, first.id, 2)
    assert names == ["Cartier"]
    assert log == ["brand.added", "brand.changed"]


def test_one_workspace_never_sees_another(store: Store) -> None:
    acme, rival = store.workspace("acme"), store.workspace("rival")
    with store.transaction() as conn:
        add_brand(conn, acme, brand_spec(), source="a.yaml", at=NOW)
        upsert_listings(conn, acme, [PreparedListing(make_listing("Cartier bracelet"))], NOW)
        counts = upsert_listings(
            conn, rival, [PreparedListing(make_listing("Cartier bracelet"))], NOW
        )
    assert counts.new == 1  # the same key in another workspace is another listing
    with store.transaction() as conn:
        assert current_brands(conn, rival) == []
        with pytest.raises(NotFound, match="no brand called 'Cartier' in workspace 'rival'"):
            get_brand(conn, rival, "Cartier")
        assert query_findings(conn, rival) == []


def test_decisions_refuse_findings_of_another_workspace(store: Store) -> None:
    rival = store.workspace("rival")
    with (
        store.transaction() as conn,
        pytest.raises(NotFound, match="no finding 1 in workspace 'rival'"),
    ):
        add_decisions(conn, rival, [1], verdict="infringing", basis=None, note=None, at=NOW)


def test_events_are_append_only(store: Store) -> None:
    ws = store.workspace("acme")
    with store.transaction() as conn:
        add_brand(conn, ws, brand_spec(), source="a.yaml", at=NOW)
    for statement in (update(events).values(name="tampered"), delete(events)):
        with pytest.raises(DBAPIError, match="append-only"), store.transaction() as conn:
            conn.execute(statement)
    with store.transaction() as conn:
        assert list(conn.execute(select(events.c.name)).scalars()) == ["brand.added"]


def test_upsert_handles_a_key_twice_in_one_batch(store: Store) -> None:
    ws = store.workspace("acme")
    first = PreparedListing(make_listing("Cartier bracelet", price="10"))
    second = PreparedListing(make_listing("Cartier bracelet", price="12"))
    with store.transaction() as conn:
        counts = upsert_listings(conn, ws, [first, second, second], NOW)
    assert (counts.new, counts.changed, counts.unchanged) == (1, 1, 1)


def test_brand_names_compare_without_case(store: Store) -> None:
    ws = store.workspace("acme")
    with store.transaction() as conn:
        add_brand(conn, ws, brand_spec(name="Éclat"), source="e.yaml", at=NOW)
        _, outcome = add_brand(conn, ws, brand_spec(name="ÉCLAT"), source="e.yaml", at=NOW)
        names = [(b.brand.name, b.brand.version) for b in current_brands(conn, ws)]
    assert outcome == "changed"
    assert names == [("ÉCLAT", 2)]
