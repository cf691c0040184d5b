"""The command line end to end on a real SQLite store: brand, import, scan, review, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hallmark.cli.main import app
from hallmark.testing import brand_spec

LISTINGS = [
    {
        "kind": "listing",
        "platform": "ebay",
        "external_id": "1",
        "url": "https://www.ebay.com/itm/1",
        "account": "cheap",
        "title": "Сartier Love bracelet replica",
        "price": "29.99",
        "currency": "USD",
        "captured_at": "2026-11-01T12:00:00Z",
    },
    {
        "kind": "listing",
        "platform": "amazon",
        "external_id": "B1",
        "url": "https://www.amazon.com/dp/B1",
        "account": "A1OFFICIAL",
        "title": "Cartier Love bracelet",
        "price": "6900",
        "currency": "USD",
        "captured_at": "2026-11-01T12:00:00Z",
    },
    {
        "kind": "listing",
        "platform": "amazon",
        "external_id": "B2",
        "url": "https://www.amazon.com/dp/B2",
        "account": "A2GLAMSTEEL",
        "title": "Gold Screw Bangle Bracelet",
        "price": "29.99",
        "currency": "USD",
        "captured_at": "2026-11-01T12:00:00Z",
    },
]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HALLMARK_DATABASE_URL", raising=False)
    runner = CliRunner()
    brand = tmp_path / "cartier.yaml"
    brand.write_text(json.dumps(brand_spec()), encoding="utf-8")
    data = tmp_path / "l.jsonl"
    data.write_text("\n".join(json.dumps(x) for x in LISTINGS) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["brand", "add", str(brand)]).stdout == "Cartier: added (version 1)\n"
    assert (
        runner.invoke(app, ["brand", "add", str(brand)]).stdout
        == "Cartier: unchanged (version 1)\n"
    )
    assert (
        runner.invoke(app, ["import", str(data)]).stdout
        == "3 new, 0 changed, 0 unchanged, 0 rejected\n"
    )
    assert runner.invoke(app, ["scan"]).exit_code == 0
    return runner


def test_export_jsonl_is_one_finding_per_line_and_nothing_else(cli: CliRunner) -> None:
    result = cli.invoke(app, ["findings", "export"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["external_id"], r["level"]) for r in rows] == [("1", "high"), ("B1", "low")]
    required = {
        "id",
        "platform",
        "external_id",
        "url",
        "account",
        "brand",
        "risk",
        "level",
        "explanation",
        "signals",
        "scored_at",
        "rules_version",
    }
    assert required <= set(rows[0])
    assert {"detector", "kind", "strength", "explanation", "evidence"} <= set(rows[0]["signals"][0])
    assert rows[0]["scored_at"].endswith("Z")


def test_export_csv_and_min_level(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    result = cli.invoke(
        app, ["findings", "export", "--format", "csv", "--min-level", "high", "--out", str(out)]
    )
    assert result.exit_code == 0 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["external_id"], r["level"]) for r in rows] == [("1", "high")]
    assert json.loads(rows[0]["signals"])[0]["detector"] == "brand_mention"


def test_review_decide_and_show(cli: CliRunner) -> None:
    queue = cli.invoke(app, ["review"], env={"COLUMNS": "200"})
    assert "ebay:cheap" in queue.stdout and "amazon:A1OFFICIAL" not in queue.stdout
    decided = cli.invoke(
        app,
        [
            "review",
            "decide",
            "1",
            "2",
            "--verdict",
            "infringing",
            "--basis",
            "counterfeit",
            "--note",
            "checked",
        ],
    )
    assert decided.stdout == "recorded infringing on 2 finding(s): 1, 2\n"
    shown = cli.invoke(app, ["review", "show", "1"], env={"COLUMNS": "200"})
    assert "decision 1: infringing (counterfeit)" in shown.stdout
    assert "Сartier Love bracelet replica" in shown.stdout
    assert "No findings" in cli.invoke(app, ["review"]).stdout
    bad = cli.invoke(app, ["review", "decide", "1", "--verdict", "guilty"])
    assert bad.exit_code == 2


def test_workspaces_are_separate(cli: CliRunner) -> None:
    assert cli.invoke(app, ["--workspace", "other", "findings", "export"]).stdout == ""
    assert "Cartier" not in cli.invoke(app, ["--workspace", "other", "brand", "list"]).stdout


def test_brand_errors_name_file_and_field(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: X\nmarks: []\n", encoding="utf-8")
    from hallmark.errors import BrandFileError

    result = cli.invoke(app, ["brand", "add", str(bad)])
    assert isinstance(result.exception, BrandFileError)
    assert (
        str(result.exception)
        == f"{bad}: marks: List should have at least 1 item after validation, not 0"
    )


def test_listing_text_is_never_taken_for_markup(cli: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "m.jsonl"
    record = dict(LISTINGS[0], external_id="M1", account="[/x]", title="[bold]Сartier[/] replica")
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert cli.invoke(app, ["import", str(data)]).exit_code == 0
    assert cli.invoke(app, ["scan"]).exit_code == 0
    queue = cli.invoke(app, ["review"], env={"COLUMNS": "200"})
    assert queue.exit_code == 0 and "[/x]" in queue.stdout
    [row] = [
        json.loads(x)
        for x in cli.invoke(app, ["findings", "export"]).stdout.splitlines()
        if '"M1"' in x
    ]
    shown = cli.invoke(app, ["review", "show", str(row["id"])], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "[bold]Сartier[/] replica" in shown.stdout


def test_brand_pictures_are_checked_like_any_image(cli: CliRunner, tmp_path: Path) -> None:
    from hallmark.errors import BrandFileError
    from tests.pipeline.test_import import png_bomb

    (tmp_path / "logo.png").write_bytes(png_bomb(9000, 9000))
    brand = tmp_path / "bomb.yaml"
    brand.write_text(json.dumps(brand_spec(name="Bomb", logos=["logo.png"])), encoding="utf-8")
    result = cli.invoke(app, ["brand", "add", str(brand)])
    assert isinstance(result.exception, BrandFileError)
    assert str(result.exception) == (
        f"{brand}: logos.0: logo.png: 9000x9000 = 81,000,000 pixels exceeds the limit of 40,000,000"
    )
