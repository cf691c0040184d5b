"""The link service on a real store: actors found, noisy identifiers refused, people's
decisions kept, and incremental linking that touches only what a new account shares."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pytest
from sqlalchemy import select

from hallmark.domain import Account
from hallmark.link.service import LinkService
from hallmark.score import Rules
from hallmark.store import Store, Workspace
from hallmark.store.accounts import upsert_accounts
from hallmark.store.actors import (
    add_decision,
    members_of,
)
from hallmark.store.identifiers import (
    account_id_named,
)
from hallmark.store.listings import PreparedListing, upsert_listings
from hallmark.store.tables import captures
from tests.conftest import NOW
from tests.link.population import (
    NOISY,
    add_official_brand,
    background,
    digest,
    listing,
    store_population,
)


def service(store: Store, workspace: Workspace, rules: Rules) -> LinkService:
    return LinkService(store, workspace, rules.link, rules.version)


def actors_by_name(store: Store, workspace: Workspace) -> dict[str, int]:
    """Each linked account's actor, by platform:external_id."""
    from hallmark.store.identifiers import (
        accounts_by_id,
    )

    with store.transaction() as conn:
        groups = members_of(conn, workspace)
        rows = accounts_by_id(conn, workspace, {m for g in groups.values() for m in g})
    return {
        f"{rows[m].platform}:{rows[m].external_id}": actor
        for actor, members in groups.items()
        for m in members
    }


def add(store: Store, workspace: Workspace, accounts: list[Account], listings: list = ()) -> None:  # type: ignore[assignment]
    with store.transaction() as conn:
        upsert_accounts(conn, workspace, accounts, NOW)
        if listings:
            upsert_listings(conn, workspace, list(listings), NOW)


def test_noisy_identifiers_never_join_unrelated_sellers(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    population = background(1200)
    for name in NOISY:
        assert len(population.holders[name]) >= 20, name
    add_official_brand(store, workspace)
    store_population(store, workspace, population)
    # a true actor inside the population: two stores and a promoter, one phone, one bio link
    add(
        store,
        workspace,
        [
            Account("ebay", "real_actor_shop", contacts=("+852 6123 4567",)),
            Account("webstore", "real-actor.example", contacts=("+85261234567",)),
            Account("instagram", "real.actor", links=("https://www.ebay.com/usr/real_actor_shop",)),
            # two accounts sharing two photos of their own, and two sharing only one
            Account("etsy", "twophotos_a"),
            Account("etsy", "twophotos_b"),
            Account("etsy", "onephoto_a"),
            Account("etsy", "onephoto_b"),
        ],
        [
            listing("etsy", "twophotos_a", "tp-a", [digest("p1"), digest("p2")]),
            listing("etsy", "twophotos_b", "tp-b", [digest("p1"), digest("p2")]),
            listing("etsy", "onephoto_a", "op-a", [digest("p3")]),
            listing("etsy", "onephoto_b", "op-b", [digest("p3")]),
        ],
    )
    report = service(store, workspace, rules).link()
    assert report.full
    actor = actors_by_name(store, workspace)
    for name in NOISY:
        holders = population.holders[name]
        for a, b in combinations(holders[:20], 2):
            key_a, key_b = f"{_platform(population, a)}:{a}", f"{_platform(population, b)}:{b}"
            assert actor.get(key_a) is None or actor.get(key_a) != actor.get(key_b), (name, a, b)
    assert not any(k.split(":", 1)[1].startswith("bg") for k in actor), sorted(actor)[:10]
    real = {
        actor.get(k)
        for k in ("ebay:real_actor_shop", "webstore:real-actor.example", "instagram:real.actor")
    }
    assert len(real) == 1 and None not in real
    assert actor["etsy:twophotos_a"] == actor["etsy:twophotos_b"]
    assert "etsy:onephoto_a" not in actor and "etsy:onephoto_b" not in actor


def _platform(population: object, external: str) -> str:
    return next(a.platform for a in population.accounts if a.external_id == external)  # type: ignore[attr-defined]


def test_an_account_sharing_every_noisy_identifier_at_once_joins_no_one(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    population = background(1000)
    add_official_brand(store, workspace)
    store_population(store, workspace, population)
    service(store, workspace, rules).link()
    from tests.link.population import COURIER, OFFICIAL, STOCK

    everything = Account(
        "ebay",
        "anna_noisy",
        handle="anna12",
        contacts=(COURIER,),
        links=("https://www.dhl.com/track", "https://linktr.ee", "https://www.amazon.com/"),
    )
    add(
        store,
        workspace,
        [everything],
        [listing("ebay", "anna_noisy", "noisy-1", [STOCK, OFFICIAL])],
    )
    report = service(store, workspace, rules).link()
    assert not report.full
    assert "ebay:anna_noisy" not in actors_by_name(store, workspace)


def test_linking_one_more_account_touches_only_what_it_shares(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    """Adding one account to 1,000 and to 10,000 does the same work: its identifiers, their
    holders, the pairs among them and the actors those belong to."""
    work = {}
    for size in (1000, 10000):
        if size == 10000 and store.engine.dialect.name != "sqlite":
            pytest.skip("10,000 accounts once, on SQLite, is enough to show the bound")
        ws = store.workspace(f"size{size}")
        store_population(store, ws, background(size, prefix=f"s{size}x"))
        add(
            store,
            ws,
            [Account("ebay", "old_shop", contacts=("+85261234567",), legal_name="Old Shop Ltd")],
        )
        assert service(store, ws, rules).link().full
        add(
            store,
            ws,
            [
                Account(
                    "webstore",
                    "new-shop.example",
                    contacts=("+852 6123 4567",),
                    legal_name="Old Shop Ltd",
                )
            ],
        )
        report = service(store, ws, rules).link()
        assert not report.full and report.accounts == 1
        assert report.actors["created"] == 1
        work[size] = dict(report.work)
        again = service(store, ws, rules).link()
        assert again.accounts == 0 and again.actors == {"created": 0, "changed": 0, "dissolved": 0}
    assert work[1000] == work[10000], work
    assert work[10000]["pairs"] == 1 and work[10000]["holders"] <= 6


def test_people_decisions_override_the_graph_and_survive_a_relink(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    add(
        store,
        workspace,
        [
            Account("ebay", "shop_a", contacts=("+85261234567",)),
            Account("webstore", "shop-b.example", contacts=("+85261234567",)),
            Account("etsy", "unrelated_c"),
        ],
    )
    links = service(store, workspace, rules)
    links.link()
    assert len(set(actors_by_name(store, workspace).values())) == 1
    with store.transaction() as conn:
        a = account_id_named(conn, workspace, "ebay", "shop_a")
        b = account_id_named(conn, workspace, "webstore", "shop-b.example")
        c = account_id_named(conn, workspace, "etsy", "unrelated_c")
    assert a and b and c
    links.decide(
        lambda conn: (add_decision(conn, workspace, a, b, "different", "two tenants", NOW), [a, b])[
            1
        ]
    )
    assert actors_by_name(store, workspace) == {}
    links.decide(lambda conn: (add_decision(conn, workspace, a, c, "same", None, NOW), [a, c])[1])
    assert set(actors_by_name(store, workspace)) == {"ebay:shop_a", "etsy:unrelated_c"}
    links.link(full=True)
    assert set(actors_by_name(store, workspace)) == {"ebay:shop_a", "etsy:unrelated_c"}


def test_actor_ids_stay_as_actors_grow_and_a_changed_account_leaves(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    add(
        store,
        workspace,
        [
            Account("ebay", "shop_a", contacts=("shop@acme-replicas.com",)),
            Account("webstore", "acme-replicas.com"),
        ],
    )
    links = service(store, workspace, rules)
    links.link()
    [first] = set(actors_by_name(store, workspace).values())
    add(
        store, workspace, [Account("instagram", "acme.reps", links=("https://acme-replicas.com/",))]
    )
    links.link()
    grown = actors_by_name(store, workspace)
    assert set(grown.values()) == {first} and len(grown) == 3
    add(store, workspace, [Account("ebay", "shop_a", contacts=("help@elsewhere.com",))])
    report = links.link()
    assert report.accounts == 1
    after = actors_by_name(store, workspace)
    assert "ebay:shop_a" not in after and set(after.values()) == {first}


def test_renamed_store_stays_the_same_node(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    add(store, workspace, [Account("amazon", "A2GILDSTEELCO", display_name="GildSteel Store")])
    add(
        store,
        workspace,
        [Account("instagram", "gd", links=("https://www.amazon.com/shops/A2GILDSTEELCO",))],
    )
    links = service(store, workspace, rules)
    links.link()
    before = actors_by_name(store, workspace)
    add(store, workspace, [Account("amazon", "A2GILDSTEELCO", display_name="Golden Steel Direct")])
    links.link()
    assert actors_by_name(store, workspace) == before
    members = defaultdict(list)
    for key, actor in before.items():
        members[actor].append(key)
    assert sorted(next(iter(members.values()))) == ["amazon:A2GILDSTEELCO", "instagram:gd"]


def test_one_workspace_never_links_or_sees_anothers_accounts(store: Store, rules: Rules) -> None:
    first, second = store.workspace("first"), store.workspace("second")
    shared_phone = ("+85261234567",)
    add(store, first, [Account("ebay", "shop_a", contacts=shared_phone)])
    add(store, second, [Account("webstore", "shop-b.com", contacts=shared_phone)])
    add(store, second, [Account("etsy", "shop_c", contacts=shared_phone)])
    service(store, first, rules).link()
    service(store, second, rules).link()
    assert actors_by_name(store, first) == {}
    assert set(actors_by_name(store, second)) == {"webstore:shop-b.com", "etsy:shop_c"}


def test_captured_link_pages_and_short_links_are_followed(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    import json

    from hallmark.channels.fetch import Fetched
    from hallmark.evidence.capture import capture_fetch

    page = {
        "props": {
            "pageProps": {
                "username": "luxe.vault",
                "links": [
                    {"title": "Shop", "url": "https://luxevault-shop.com/", "type": "CLASSIC"},
                    {"title": "WhatsApp", "url": "tel:+85261234567", "type": "CLASSIC"},
                ],
            }
        }
    }
    body = json.dumps(page).encode()
    capture_fetch(
        store,
        workspace,
        Fetched("https://linktr.ee/luxe.vault", 200, {}, body, len(body)),
        "webstore",
        NOW,
    )
    capture_fetch(
        store,
        workspace,
        Fetched(
            "https://bit.ly/3glam",
            301,
            {"Location": "https://www.amazon.com/shops/A2GLAMSTEEL"},
            b"",
            0,
        ),
        "webstore",
        NOW,
    )
    add(
        store,
        workspace,
        [
            Account("instagram", "luxe.vault", links=("https://linktr.ee/luxe.vault/",)),
            Account("webstore", "luxevault-shop.com"),
            Account("tiktok", "glam.tok", links=("https://bit.ly/3glam",)),
            Account("amazon", "A2GLAMSTEEL"),
            Account("x", "no_capture", links=("https://linktr.ee/somebody.else",)),
        ],
    )
    service(store, workspace, rules).link()
    actor = actors_by_name(store, workspace)
    assert actor["instagram:luxe.vault"] == actor["webstore:luxevault-shop.com"]
    assert actor["tiktok:glam.tok"] == actor["amazon:A2GLAMSTEEL"]
    assert actor["instagram:luxe.vault"] != actor["amazon:A2GLAMSTEEL"]
    assert "x:no_capture" not in actor
    from hallmark.store.actors import (
        edges_touching,
    )

    with store.transaction() as conn:
        ids = [account_id_named(conn, workspace, "instagram", "luxe.vault")]
        shared = [s for _, rows in edges_touching(conn, workspace, ids).values() for s in rows]
    assert {(s["kind"], s["value"], s["sources"][0]) for s in shared} == {
        ("domain", "luxevault-shop.com", "link-in-bio page")
    }


def test_a_fetched_short_link_is_recorded_hop_by_hop_and_followed(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    from hallmark.channels.fetch import SafeClient
    from hallmark.evidence.capture import capture_fetch
    from hallmark.store.captures import latest_fetches
    from tests.rawhttp import RawServer, response

    def handler(request: bytes) -> bytes:
        if request.startswith(b"GET /3glam "):
            return response("301 Moved Permanently", b"", {"Location": f"{shop}/"})
        return response(body=b"<html>GildSteel</html>", headers={"Content-Type": "text/html"})

    server = RawServer(handler)
    # both names reach the loopback server; the client screens them like any other name
    short, shop = (f"http://{h}:{server.port}" for h in ("bit.ly", "gildsteel-shop.com"))
    try:
        with SafeClient(allow_loopback=True, resolver=lambda host, port: ["127.0.0.1"]) as client:
            first = client.get(f"{short}/3glam")
            again = client.get(f"{short}/3glam")
    finally:
        server.close()
    assert (first.url, first.redirects) == (f"{shop}/", (f"{short}/3glam",))
    for fetched in (first, again):
        capture_fetch(store, workspace, fetched, "webstore", NOW)
    with store.transaction() as conn:
        seen = latest_fetches(conn, workspace, [f"{short}/3glam", f"{shop}/"])
        hops = conn.execute(
            select(captures.c.id).where(captures.c.url_or_path == f"{short}/3glam")
        ).all()
    assert len(hops) == 1  # fetched twice, the same redirect: recorded once
    hop = seen[f"{short}/3glam"]
    assert (hop.status, hop.headers["location"]) == (301, f"{shop}/")
    assert seen[f"{shop}/"].status == 200
    add(
        store,
        workspace,
        [
            Account("tiktok", "gild.tok", links=(f"{short}/3glam",)),
            Account("webstore", "gildsteel-shop.com"),
        ],
    )
    service(store, workspace, rules).link()
    actor = actors_by_name(store, workspace)
    assert actor["tiktok:gild.tok"] == actor["webstore:gildsteel-shop.com"]


def test_the_actor_context_reads_only_actors_with_a_source(
    store: Store, workspace: Workspace, rules: Rules
) -> None:
    from hallmark.detect import build_detectors
    from hallmark.pipeline.actors import actor_context
    from hallmark.pipeline.scan import scan
    from hallmark.store.brands import add_brand
    from hallmark.testing import brand_spec, make_listing

    with store.transaction() as conn:
        add_brand(conn, workspace, brand_spec(), source="cartier.yaml", at=NOW)
    accounts, items = [], []
    for n in range(60):  # 60 two-account actors, each joined by a phone only its pair holds
        phone = (f"+8526{n:07d}",)
        accounts += [Account("ebay", f"seller{n}", contacts=phone)]
        accounts += [Account("instagram", f"promo{n}", contacts=phone)]
        title = "Cartier Love bracelet replica 1:1" if n == 7 else f"Plain oak side table {n}"
        items.append(
            make_listing(
                title, price="29", platform="ebay", account=f"seller{n}", external_id=f"L{n}"
            )
        )
    add(store, workspace, accounts, [PreparedListing(i, []) for i in items])
    report = scan(store, workspace, rules, build_detectors())
    assert report.findings["high"] == 1
    with store.transaction() as conn:
        context = actor_context(conn, workspace, rules.version)
    assert context.actors_read == 1  # of 60
    assert [link.brand for link in context.links[("instagram", "promo7")]] == ["Cartier"]
    assert len(actors_by_name(store, workspace)) == 120
