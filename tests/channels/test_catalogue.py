"""The channel catalogue: each channel has its tests, its own fixtures with a README naming
the documentation they follow, and a line in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallmark.channels.catalogue import build_channel, channel_classes
from hallmark.domain import PLATFORMS
from hallmark.errors import PluginError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("platform", sorted(channel_classes()))
def test_each_channel_has_tests_fixtures_and_docs(platform: str) -> None:
    cls = channel_classes()[platform]
    assert platform in PLATFORMS
    assert cls.formats, f"{platform} names no format"
    assert (ROOT / "tests" / "channels" / f"test_{platform}.py").is_file()
    readme = ROOT / "tests" / "fixtures" / platform / "README.md"
    assert readme.is_file()
    assert len([p for p in readme.parent.iterdir() if p.name != "README.md"]) >= 3
    assert f"| `{platform}` |" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_unknown_platform_is_an_error() -> None:
    with pytest.raises(PluginError, match="no channel reads 'myspace' payloads"):
        build_channel("myspace")
