"""The labelled corpus: valid and reproducible, and the detectors keep their measured quality."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hallmark.pipeline.evaluate import EvalResult, evaluate
from hallmark.score import Rules

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def holdout(rules: Rules) -> EvalResult:
    return evaluate(CORPUS, ["holdout"], rules)


def test_generator_reproduces_the_committed_corpus() -> None:
    done = subprocess.run(
        [sys.executable, str(CORPUS / "check.py")], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


# Floors a little under the figures in the README, so a regression fails and noise does not.
FLOORS = {
    "brand_mention": (0.97, 0.93),
    "wording": (0.95, 0.95),
    "price": (0.97, 0.95),
    "seller": (0.85, 0.95),
}


@pytest.mark.parametrize("detector", sorted(FLOORS))
def test_detector_quality_on_the_holdout_split(holdout: EvalResult, detector: str) -> None:
    tally = holdout.detectors[detector]
    precision, recall = FLOORS[detector]
    assert tally.precision is not None and tally.precision >= precision
    assert tally.recall is not None and tally.recall >= recall


def test_levels_on_the_holdout_split(holdout: EvalResult) -> None:
    flagged, high = holdout.levels["medium+"], holdout.levels["high"]
    assert (flagged.precision or 0) >= 0.97 and (flagged.recall or 0) >= 0.92
    assert (high.precision or 0) >= 0.97 and (high.recall or 0) >= 0.9
    assert holdout.records == 245
