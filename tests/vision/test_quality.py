"""Image detector quality on a fixed stratified sample of the held-back corpus split: the
figures must not fall more than 2 points below those the README states for this sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hallmark.pipeline.evaluate_images import evaluate_images, fp_rate
from hallmark.score import Rules

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "images"
SAMPLE = 100
# fingerprinting and reading 103 pictures takes one to two minutes on this machine
pytestmark = pytest.mark.timeout(900)
_ROW = re.compile(r"^\| `(\w+)` \(CI sample\) \| ([\d.]+) \| ([\d.]+) \|", re.MULTILINE)


def readme_figures() -> dict[str, tuple[float, float]]:
    """detector -> (recall, false-positive rate) from the README's CI-sample rows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {m[1]: (float(m[2]), float(m[3])) for m in _ROW.finditer(text)}


@pytest.fixture(scope="module")
def sample_result(rules: Rules, models: object):  # type: ignore[no-untyped-def]
    return evaluate_images(CORPUS, ["holdout"], rules, sample=SAMPLE)


def test_the_sample_is_stratified_and_at_most_100_images(sample_result) -> None:  # type: ignore[no-untyped-def]
    assert 90 <= sample_result.images <= SAMPLE + 10
    assert set(sample_result.cases) == {"stolen_photo", "logo", "image_text", "design"}


@pytest.mark.parametrize("detector", ["stolen_photo", "logo", "image_text", "design"])
def test_recall_holds_the_readme_figures(sample_result, detector: str) -> None:  # type: ignore[no-untyped-def]
    recall, false_positives = readme_figures()[detector]
    tally = sample_result.detectors[detector]
    assert tally.recall >= recall - 0.02, (detector, tally.as_dict())
    assert fp_rate(tally) <= false_positives + 0.02, (detector, tally.as_dict())
