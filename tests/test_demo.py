"""The demo data: every scenario record scores as samples/expected.jsonl says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hallmark.config import Settings
from hallmark.detect import build_detectors
from hallmark.pipeline.brands import register_brand_file
from hallmark.pipeline.importer import import_file
from hallmark.pipeline.scan import scan
from hallmark.score import Rules
from hallmark.store import Store
from hallmark.store.findings import FindingRow, query_findings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = [
    json.loads(line) for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines()
]


@pytest.fixture(scope="module")
def demo(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory, rules: Rules
) -> dict[tuple[str, str, str], FindingRow]:
    from tests.conftest import _sqlite_store

    store: Store = _sqlite_store(sqlite_template, tmp_path_factory.mktemp("demo"))
    ws = store.workspace("demo")
    for path in sorted((SAMPLES / "brands").glob("*.yaml")):
        register_brand_file(store, ws, path, Settings())
    report = import_file(store, ws, SAMPLES / "listings.jsonl", Settings())
    assert report.rejected == []
    scan(store, ws, rules, build_detectors())
    with store.transaction() as conn:
        rows = query_findings(conn, ws)
    store.dispose()
    return {(r.platform, r.external_id, r.brand): r for r in rows}


@pytest.mark.parametrize(
    "case", EXPECTED, ids=[f"{e['case']}-{e['external_id']}" for e in EXPECTED]
)
def test_scenario_record(
    demo: dict[tuple[str, str, str], FindingRow], case: dict[str, object]
) -> None:
    found = [
        r for (p, x, _b), r in demo.items() if (p, x) == (case["platform"], case["external_id"])
    ]
    if case["brand"] is not None:
        found = [r for r in found if r.brand == case["brand"]]
    level = max((r.level for r in found), key=["low", "medium", "high"].index, default="none")
    assert level == case["expected_level"], [r.explanation for r in found]
    kinds = {
        s["kind"]
        for r in found
        for s in r.signals
        if s["detector"] == "brand_mention" and s["strength"] > 0
    }
    if case["mention"] is not None:
        first = next(
            k
            for k in (
                "homoglyph",
                "leetspeak",
                "spaced",
                "typo",
                "alias",
                "compound",
                "hashtag",
                "exact",
            )
            if k in kinds
        )
        assert first == case["mention"]
    for row in found:
        assert row.explanation
    if case.get("image"):
        [picture] = [s for r in found for s in r.signals if s["detector"] == case["image"]][:1]
        evidence = picture["evidence"]
        assert evidence["image"] and evidence["position"] >= 0
        assert evidence.get("reference") or evidence.get("text")
        if (
            case["image"] in ("logo", "image_text", "stolen_photo")
            and evidence["how"] != "perceptual hash"
        ):
            assert len(evidence["region"]) == 4


def test_the_innocent_stay_low_with_their_pictures(
    demo: dict[tuple[str, str, str], FindingRow],
) -> None:
    """Scenario 6: the authorized seller's official photos and the fan photos add nothing."""
    innocent = [e for e in EXPECTED if e["case"].startswith(("neg_authorized", "neg_fan"))]
    assert len(innocent) >= 5
    for case in innocent:
        rows = [
            r for (p, x, _b), r in demo.items() if (p, x) == (case["platform"], case["external_id"])
        ]
        assert all(r.level == "low" for r in rows), [r.explanation for r in rows]


def test_innocents_say_why(demo: dict[tuple[str, str, str], FindingRow]) -> None:
    innocents = [e for e in EXPECTED if e["expected_level"] == "low"]
    assert len(innocents) >= 10
    for case in innocents:
        [row] = [
            r
            for (p, x, b), r in demo.items()
            if (p, x, b) == (case["platform"], case["external_id"], case["brand"])
        ]
        excuses = {s["kind"] for s in row.signals if s["strength"] == 0} | {"none"}
        assert row.level == "low" and (
            row.exculpatory
            or excuses
            & {
                "negative_context",
                "person_name",
                "place_name",
                "authorized",
                "above_floor",
                "at_or_above_list",
                "no_price",
                "provenance",
            }
        ), row.explanation
