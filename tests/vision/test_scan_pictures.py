"""Scans with pictures, on both engines: brand-free listings found by their photos, the
authorized seller's official photos left alone, bad pictures reported, nothing done twice."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from hallmark.detect import build_detectors
from hallmark.pipeline.scan import scan
from hallmark.score import Rules
from hallmark.store import Store
from hallmark.store.base import Workspace
from hallmark.store.brands import add_brand
from hallmark.store.dialect import insert_rows
from hallmark.store.findings import query_findings
from hallmark.store.fingerprints import fingerprint_rows, save_fingerprints
from hallmark.store.listings import PreparedListing, upsert_listings
from hallmark.store.tables import image_fingerprints
from hallmark.testing import brand_spec, make_listing
from tests.conftest import NOW
from tests.vision.conftest import picture


def brand_with_pictures(store: Store, ws: Workspace) -> None:
    files = {
        "love.jpg": store.blobs.put(picture("official.jpg")),
        "logo.png": store.blobs.put(picture("logo.png")),
        "pump.png": store.blobs.put(picture("design.png")),
    }
    spec = brand_spec(
        logos=["logo.png"],
        products=[
            {
                "name": "Love bracelet",
                "category": "bracelet",
                "list_price": {"USD": 6900},
                "price_floor": {"USD": 2000},
                "photos": ["love.jpg"],
                "designs": ["pump.png"],
            }
        ],
    )
    spec["files"] = files
    with store.transaction() as conn:
        add_brand(conn, ws, spec, source="cartier.yaml", at=NOW)


def listings_with(store: Store, ws: Workspace, items: dict[str, tuple[str, str, bytes]]) -> None:
    """external id -> (title, account, picture bytes)"""
    prepared = []
    for external_id, (title, account, data) in items.items():
        digest = store.blobs.put(data)
        listing = make_listing(
            title, price="29", account=account, external_id=external_id, images=(digest,)
        )
        prepared.append(PreparedListing(listing, [{"sha256": digest}]))
    with store.transaction() as conn:
        upsert_listings(conn, ws, prepared, NOW)


def findings_by_listing(store: Store, ws: Workspace) -> dict[str, Any]:
    with store.transaction() as conn:
        rows = query_findings(conn, ws)
    return {row.external_id: row for row in rows}


def test_pictures_give_brand_free_listings_away(store: Store, rules: Rules) -> None:
    ws = store.workspace("acme")
    brand_with_pictures(store, ws)
    listings_with(
        store,
        ws,
        {
            "COPY": ("Gold bangle for women", "SHOP9", picture("stolen.jpg")),
            "OFFICIAL": ("Gold bangle for women", "A1OFFICIAL", picture("stolen.jpg")),
            "LOGO": ("Luxury bracelet", "SHOP9", picture("logo_scene.jpg")),
            "TEXT": ("Luxury bracelet", "SHOP9", picture("text_photo.jpg")),
            "DESIGN": ("Stud pointed-toe pumps", "SHOP9", picture("design_like.jpg")),
            "CAT": ("Cat poster", "SHOP9", picture("innocent.jpg")),
            "BROKEN": ("Bracelet", "SHOP9", picture("official.jpg")[:5000]),
        },
    )
    report = scan(store, ws, rules, build_detectors())
    assert report.failed == []
    assert report.pictures.fingerprinted == 3 + 5  # the references, then 5 distinct pictures
    [refused] = report.pictures.refused
    assert refused.split(": ", 1)[1].startswith("not a decodable image: image file is truncated")
    found = findings_by_listing(store, ws)
    assert sorted(found) == ["COPY", "DESIGN", "LOGO", "TEXT"]
    assert {k: v.level for k, v in found.items()} == {
        "COPY": "high",
        "DESIGN": "high",
        "LOGO": "high",
        "TEXT": "high",
    }
    detectors = {k: {s["detector"] for s in v.signals} for k, v in found.items()}
    assert detectors["COPY"] == {"stolen_photo", "price", "seller"}
    assert detectors["LOGO"] == {"logo", "price", "seller"}
    assert detectors["TEXT"] == {"image_text", "price", "seller"}
    assert detectors["DESIGN"] == {"design", "price", "seller"}
    assert found["COPY"].explanation.startswith(
        "The first photo is the official photo of Cartier Love bracelet (love.jpg), mirrored and cropped ("
    )
    [logo] = [s for s in found["LOGO"].signals if s["detector"] == "logo"]
    assert len(logo["evidence"]["region"]) == 4 and logo["evidence"]["inliers"] >= 12


def test_rescanning_fingerprints_nothing_again(store: Store, rules: Rules) -> None:
    ws = store.workspace("acme")
    brand_with_pictures(store, ws)
    listings_with(store, ws, {"LOGO": ("Luxury bracelet", "SHOP9", picture("logo_scene.jpg"))})
    first = scan(store, ws, rules, build_detectors())
    listings_with(store, ws, {"AGAIN": ("Luxury bracelet", "SHOP8", picture("logo_scene.jpg"))})
    second = scan(store, ws, rules, build_detectors())
    assert (first.pictures.fingerprinted, second.pictures.fingerprinted) == (3 + 1, 0)
    assert second.listings == 1 and second.findings["high"] == 1
    with store.transaction() as conn:
        rows = conn.execute(select(image_fingerprints.c.sha256)).all()
    assert len(rows) == 4  # three references and one listing picture


def test_ocr_is_skipped_when_the_words_already_name_every_brand(store: Store, rules: Rules) -> None:
    ws = store.workspace("acme")
    brand_with_pictures(store, ws)
    listings_with(
        store,
        ws,
        {
            "NAMED": ("Cartier Love bracelet", "SHOP9", picture("innocent.jpg")),
            "UNNAMED": ("Luxury bracelet", "SHOP9", picture("text_photo.jpg")),
        },
    )
    report = scan(store, ws, rules, build_detectors())
    assert report.pictures.read == 2  # the logo, whose lettering is read, and UNNAMED's picture
    with store.transaction() as conn:
        ocr = dict(
            conn.execute(select(image_fingerprints.c.sha256, image_fingerprints.c.ocr)).all()
        )
    assert ocr[store.blobs.put(picture("innocent.jpg"))] is None
    assert ocr[store.blobs.put(picture("official.jpg"))] is None
    assert ocr[store.blobs.put(picture("logo.png"))] is not None
    assert [line["text"] for line in ocr[store.blobs.put(picture("text_photo.jpg"))]] == ["CARTIER"]


def test_fingerprints_stay_in_their_workspace(store: Store, rules: Rules) -> None:
    acme, other = store.workspace("acme"), store.workspace("other")
    for ws in (acme, other):
        brand_with_pictures(store, ws)
        listings_with(store, ws, {"LOGO": ("Luxury bracelet", "SHOP9", picture("logo_scene.jpg"))})
    reports = [scan(store, ws, rules, build_detectors()) for ws in (acme, other)]
    assert [r.pictures.fingerprinted for r in reports] == [4, 4]
    with store.transaction() as conn:
        owners = conn.execute(select(image_fingerprints.c.workspace_id)).scalars().all()
    assert sorted(owners) == [acme.id] * 4 + [other.id] * 4


def test_a_fingerprint_stored_meanwhile_is_kept_not_a_failure(store: Store) -> None:
    ws = store.workspace("acme")
    row = {"sha256": "ab" * 32, "pipeline": "p1", "status": "refused", "reason": "first"}
    with store.transaction() as conn:
        save_fingerprints(conn, ws, [row], NOW)
    # a second scan that fingerprinted the same picture concurrently writes it again
    with store.transaction() as conn:
        again = {**row, "reason": "second", "workspace_id": ws.id, "created_at": NOW}
        insert_rows(conn, image_fingerprints, [again], skip_existing=True)
        stored = fingerprint_rows(conn, ws, [row["sha256"]], "p1")
    assert stored[row["sha256"]]["reason"] == "first"
