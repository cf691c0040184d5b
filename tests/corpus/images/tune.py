"""Choose the image thresholds (rules/vision.yaml) on the dev split: fingerprint dev once
(cached under /tmp), then score it under each candidate setting. Never run on holdout.

    python tests/corpus/images/tune.py [--cache /tmp/hallmark-dev-prints.pkl]
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
from pathlib import Path

from hallmark.pipeline.evaluate_images import (
    DETECTORS,
    corpus_context,
    fingerprint_corpus,
    fp_rate,
    read_labels,
    score_corpus,
)
from hallmark.score import load_rules

HERE = Path(__file__).parent
GRID = {
    "photo_min_inliers": [20, 25],
    "logo_min_inliers": [8, 10, 12],
    "lettered_min_inliers": [5, 6, 8],
    "lettered_min_agreement": [0.4, 0.5],
    "lettering_min_agreement": [0.6, 0.65, 0.7],
    "lettering_veto": [0.3, 0.45, 0.55],
    "logo_min_area": [0.005],
    "design_min_similarity": [0.84, 0.86, 0.9],
    "ocr_min_score": [0.5, 0.8],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, default=Path("/tmp/hallmark-dev-prints.pkl"))
    parser.add_argument("--once", action="store_true", help="Only the configured thresholds.")
    args = parser.parse_args()
    labels = read_labels(HERE, ["dev"])
    if args.cache.is_file():
        prints = pickle.loads(args.cache.read_bytes())
    else:
        prints = fingerprint_corpus(HERE, labels)
        args.cache.write_bytes(pickle.dumps(prints))
    rules = load_rules()
    index = corpus_context(HERE, rules)
    assert index.vision is not None
    base = index.vision.thresholds
    report("as configured", score_corpus(labels, prints, index))
    if args.once:
        return
    for name, values in GRID.items():
        for value in values:
            index.vision.thresholds = dataclasses.replace(base, **{name: value})
            report(f"{name}={value}", score_corpus(labels, prints, index))
        index.vision.thresholds = base


def report(title: str, result: object) -> None:
    parts = []
    for name in DETECTORS:
        tally = result.detectors[name]  # type: ignore[attr-defined]
        macro = result.macro_recall(name)  # type: ignore[attr-defined]
        parts.append(f"{name} R={tally.recall:.3f} macro={macro:.3f} FPR={fp_rate(tally):.3f}")
    print(f"{title:28} " + " | ".join(parts), flush=True)


if __name__ == "__main__":
    main()
