"""Where the genuine platform samples are: HALLMARK_FIXTURES_REAL (CI sets it), else the
shared folder beside the repository. Tests using them fail when the variable is set and
the folder is missing, and skip only when neither exists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
OWN = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def fixtures_real() -> Path:
    configured = os.environ.get("HALLMARK_FIXTURES_REAL")
    if configured:
        path = Path(configured)
        if not path.is_dir():
            pytest.fail(f"HALLMARK_FIXTURES_REAL={configured} is not a folder")
        return path
    default = REPO.parent / "shared" / "fixtures-real"
    if not default.is_dir():
        pytest.skip("no genuine platform samples (set HALLMARK_FIXTURES_REAL)")
    return default


@pytest.fixture(scope="session")
def fixtures_own() -> Path:
    return OWN
