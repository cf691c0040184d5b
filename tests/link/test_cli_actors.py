"""`hallmark actors`: link, list, show, merge, split and export on a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hallmark.cli.main import app

ACCOUNTS = [
    {
        "kind": "account",
        "platform": "amazon",
        "external_id": "A2GLAMSTEEL",
        "display_name": "GlamSteel Store",
        "legal_name": "Shenzhen Glamsteel Trading Co., Ltd.",
        "links": ["https://www.amazon.com/shops/A2GLAMSTEEL"],
    },
    {
        "kind": "account",
        "platform": "instagram",
        "external_id": "luxe.vault.daily",
        "handle": "luxe.vault.daily",
        "links": ["https://www.amazon.com/shops/A2GLAMSTEEL"],
        "contacts": ["+852 6123 4567"],
    },
    {
        "kind": "account",
        "platform": "webstore",
        "external_id": "luxevault-shop.com",
        "contacts": ["+85261234567"],
    },
    {"kind": "account", "platform": "ebay", "external_id": "unrelated_seller"},
]
ENV = {"COLUMNS": "240"}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HALLMARK_DATABASE_URL", raising=False)
    data = tmp_path / "accounts.jsonl"
    data.write_text("".join(json.dumps(a) + "\n" for a in ACCOUNTS), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(data)]).exit_code == 0
    done = runner.invoke(app, ["actors", "link"])
    assert done.exit_code == 0, done.output
    assert "Linked (full relink): 4 account(s) read" in done.output
    assert "actors 1 created" in done.output
    return runner


def exported(cli: CliRunner) -> dict[str, object]:
    result = cli.invoke(app, ["actors", "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def members(cli: CliRunner) -> list[list[str]]:
    body = exported(cli)
    return sorted(
        sorted(f"{m['platform']}:{m['external_id']}" for m in actor["members"])
        for actor in body["actors"]  # type: ignore[attr-defined]
    )


def test_list_and_show_name_members_and_why(cli: CliRunner) -> None:
    listed = cli.invoke(app, ["actors", "list"], env=ENV)
    assert listed.exit_code == 0
    assert "Actors (1)" in listed.stdout and "amazon, instagram, webstore" in listed.stdout
    shown = cli.invoke(app, ["actors", "show", "1"], env=ENV)
    assert shown.exit_code == 0, shown.output
    assert "A2GLAMSTEEL" in shown.stdout and "luxevault-shop.com" in shown.stdout
    assert "its bio links to this storefront" in shown.stdout
    assert "same phone +85261234567" in shown.stdout
    missing = cli.invoke(app, ["actors", "show", "99"])
    assert missing.exit_code == 1 and "no actor 99" in missing.output


def test_export_formats(cli: CliRunner, tmp_path: Path) -> None:
    assert members(cli) == [
        ["amazon:A2GLAMSTEEL", "instagram:luxe.vault.daily", "webstore:luxevault-shop.com"]
    ]
    rows = list(
        csv.DictReader(io.StringIO(cli.invoke(app, ["actors", "export", "--format", "csv"]).stdout))
    )
    assert {(r["source"], r["target"]) for r in rows} == {
        ("amazon:A2GLAMSTEEL", "instagram:luxe.vault.daily"),
        ("instagram:luxe.vault.daily", "webstore:luxevault-shop.com"),
    }
    out = tmp_path / "actors.graphml"
    done = cli.invoke(app, ["actors", "export", "--format", "graphml", "--out", str(out)])
    assert done.exit_code == 0 and "1 actor(s), 3 account(s), 2 edge(s)" in done.output
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(out).getroot().find("g:graph", ns)
    assert graph is not None
    assert len(graph.findall("g:node", ns)) == 3 and len(graph.findall("g:edge", ns)) == 2
    bad = cli.invoke(app, ["actors", "export", "--format", "dot"])
    assert bad.exit_code != 0 and "one of graphml, json, csv" in bad.output


def test_split_and_merge_are_kept_across_relinks(cli: CliRunner) -> None:
    done = cli.invoke(
        app, ["actors", "split", "1", "webstore:luxevault-shop.com", "--note", "a reseller"]
    )
    assert done.exit_code == 0, done.output
    assert members(cli) == [["amazon:A2GLAMSTEEL", "instagram:luxe.vault.daily"]]
    done = cli.invoke(app, ["actors", "merge", "ebay:unrelated_seller", "amazon:A2GLAMSTEEL"])
    assert done.exit_code == 0, done.output
    assert members(cli) == [
        ["amazon:A2GLAMSTEEL", "ebay:unrelated_seller", "instagram:luxe.vault.daily"]
    ]
    assert cli.invoke(app, ["actors", "link", "--full"]).exit_code == 0
    assert members(cli) == [
        ["amazon:A2GLAMSTEEL", "ebay:unrelated_seller", "instagram:luxe.vault.daily"]
    ]
    wrong = cli.invoke(app, ["actors", "merge", "ebay:nobody", "amazon:A2GLAMSTEEL"])
    assert wrong.exit_code != 0 and "no account 'ebay:nobody'" in wrong.output
    everyone = cli.invoke(
        app,
        [
            "actors",
            "split",
            "1",
            "amazon:A2GLAMSTEEL",
            "ebay:unrelated_seller",
            "instagram:luxe.vault.daily",
        ],
    )
    assert everyone.exit_code != 0 and "every member" in everyone.output
