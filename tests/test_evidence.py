"""`evidence verify` finds a single flipped byte in a stored blob."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hallmark.cli.main import app
from tests.pipeline.test_import import GOOD, jpeg


def test_a_flipped_byte_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLMARK_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "a.jpg").write_bytes(jpeg((1, 2, 3)))
    (tmp_path / "b.jpg").write_bytes(jpeg((200, 100, 50)))
    data = tmp_path / "l.jsonl"
    data.write_text(json.dumps(dict(GOOD, images=["a.jpg", "b.jpg"])) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(data)]).exit_code == 0
    clean = runner.invoke(app, ["evidence", "verify"])
    assert (clean.exit_code, clean.stdout) == (0, "2 blob(s) checked, 0 mismatch(es)\n")
    [blob, _] = sorted((tmp_path / "data" / "blobs").glob("??/??/*"))
    content = bytearray(blob.read_bytes())
    content[len(content) // 2] ^= 0x01
    blob.write_bytes(bytes(content))
    dirty = runner.invoke(app, ["evidence", "verify"])
    assert dirty.exit_code == 1
    assert dirty.stdout == "2 blob(s) checked, 1 mismatch(es)\n"
    assert f"MISMATCH {blob}: stored as {blob.name}" in dirty.stderr
