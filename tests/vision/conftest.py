"""Vision fixtures: the models load once per test session; pictures from tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallmark.vision.embed import Embedder, embedder
from hallmark.vision.fingerprint import Limits
from hallmark.vision.ocr import Reader, reader

PICTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pictures"
LIMITS = Limits(20_000_000, 40_000_000)


@pytest.fixture(scope="session")
def models() -> tuple[Embedder, Reader]:
    """The embedding model and the OCR engine, loaded once for the session."""
    return embedder(), reader()


def picture(name: str) -> bytes:
    return (PICTURES / name).read_bytes()
