"""The CLI end to end with pictures: brand add fingerprints the references, import and scan
find a brand-free listing by its photo, and evidence export draws the located region."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from hallmark.cli.main import app
from hallmark.testing import brand_spec
from tests.vision.conftest import PICTURES


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HALLMARK_DATABASE_URL", raising=False)
    for name in ("logo.png", "official.jpg", "logo_scene.jpg", "stolen.jpg"):
        shutil.copy(PICTURES / name, tmp_path / name)
    spec = brand_spec(logos=["logo.png"])
    spec["products"][0]["photos"] = ["official.jpg"]
    (tmp_path / "cartier.yaml").write_text(json.dumps(spec), encoding="utf-8")
    records = [
        {"kind": "listing", "platform": "ebay", "external_id": str(i), "title": "Luxury bracelet",
         "url": f"https://www.ebay.com/itm/{i}", "account": "glamdeals", "price": "39",
         "currency": "USD", "captured_at": "2026-11-20T10:00:00Z", "images": [picture]}
        for i, picture in ((1, "logo_scene.jpg"), (2, "stolen.jpg"))
    ]  # fmt: skip
    (tmp_path / "l.jsonl").write_text("\n".join(map(json.dumps, records)) + "\n", "utf-8")
    return tmp_path


def test_brand_add_import_scan_export_with_pictures(folder: Path, models: object) -> None:
    cli = CliRunner()
    added = cli.invoke(app, ["brand", "add", str(folder / "cartier.yaml")])
    assert added.stdout == (
        "Cartier: added (version 1)\n  2 reference pictures, 2 fingerprinted now\n"
    )
    assert cli.invoke(app, ["import", str(folder / "l.jsonl")]).exit_code == 0
    scanned = cli.invoke(app, ["scan"])
    assert scanned.exit_code == 0
    assert "Pictures: 2 fingerprinted, 2 read by OCR, 0 refused" in scanned.stderr
    exported = cli.invoke(app, ["findings", "export", "--format", "jsonl"])
    rows = {r["external_id"]: r for r in map(json.loads, exported.stdout.splitlines())}
    assert {k: r["level"] for k, r in rows.items()} == {"1": "high", "2": "high"}
    assert rows["1"]["explanation"].startswith(
        "The Cartier logo (logo.png) appears in the first photo"
    )
    assert rows["2"]["explanation"].startswith("The first photo is the official photo of Cartier")

    out = folder / "case"
    result = cli.invoke(app, ["evidence", "export", "ebay", "1", "--out", str(out)])
    assert result.exit_code == 0, result.stdout
    [drawn] = list((out / "marked").iterdir())
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert f"marked/{drawn.name}" in [f["name"] for f in manifest["files"]]
    [logo] = [s for s in rows["1"]["signals"] if s["detector"] == "logo"]
    x, y = logo["evidence"]["region"][0]
    pixels = np.asarray(Image.open(drawn).convert("RGB")).astype(int)
    # the outline is drawn in red at the first corner of the located logo
    patch = pixels[int(y) - 2 : int(y) + 3, int(x) - 2 : int(x) + 3].reshape(-1, 3)
    assert any(r > 200 and g < 60 and b < 90 for r, g, b in patch)
