"""Progress bars and summaries, always on stderr so stdout stays machine-readable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

if TYPE_CHECKING:
    from hallmark.pipeline.evaluate import EvalResult
    from hallmark.pipeline.evaluate_images import ImageEvalResult
    from hallmark.pipeline.scan import ScanReport


class Advance:
    """Callable that moves a progress bar on; `set_total` fixes its length."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress = progress
        self._task = task

    def __call__(self, amount: int) -> None:
        self._progress.advance(self._task, amount)

    def set_total(self, total: int) -> None:
        self._progress.update(self._task, total=total)


@contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Advance]:
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=not console.is_terminal,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task(label, total=total)
        yield Advance(progress, task)


def scan_summary(console: Console, report: ScanReport) -> None:
    table = Table(title="Scan")
    for column in ("brands", "listings scored", "batches", "new high", "new medium", "new low"):
        table.add_column(column, justify="right")
    table.add_row(
        str(report.brands),
        str(report.listings),
        str(report.batches),
        str(report.findings["high"]),
        str(report.findings["medium"]),
        str(report.findings["low"]),
    )
    console.print(table)
    linked = report.linked
    if linked is not None:
        a = linked.actors
        how = "full relink" if linked.full else "incremental"
        console.print(
            f"Actors ({how}): {linked.accounts} account(s) linked; {a['created']} actor(s) "
            f"created, {a['changed']} changed, {a['dissolved']} dissolved",
            highlight=False,
        )
    lifted = report.actor_rescored
    if any(lifted.values()):
        console.print(
            f"Scored again for their actor: {lifted.get('created', 0)} new finding(s), "
            f"{lifted.get('rescored', 0)} rescored, {lifted.get('lowered', 0)} lowered",
            highlight=False,
        )
    counts = report.pictures
    if counts is not None:
        console.print(
            f"Pictures: {counts.fingerprinted} fingerprinted, {counts.read} read by OCR, "
            f"{len(counts.refused)} refused",
            highlight=False,
        )
        for reason in counts.refused[:20]:
            console.print(f"  picture refused: {reason}", style="yellow", markup=False)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def eval_tables(console: Console, result: EvalResult, splits: list[str]) -> None:
    title = f"split: {', '.join(splits)} ({result.records} records)"
    detectors = Table(title=f"Detectors — {title}")
    for column in ("detector", "precision", "recall", "tp", "fp", "fn"):
        detectors.add_column(column)
    for name, tally in sorted(result.detectors.items()):
        detectors.add_row(
            name,
            _pct(tally.precision),
            _pct(tally.recall),
            str(tally.tp),
            str(tally.fp),
            str(tally.fn),
        )
    console.print(detectors)
    kinds = Table(title="brand_mention by disguise kind (kind named first)")
    for column in ("kind", "precision", "recall", "found with kind listed", "tp", "fp", "fn"):
        kinds.add_column(column)
    for name, tally in sorted(result.kinds.items()):
        named, total = result.kind_named[name]
        kinds.add_row(
            name,
            _pct(tally.precision),
            _pct(tally.recall),
            f"{named}/{total}",
            str(tally.tp),
            str(tally.fp),
            str(tally.fn),
        )
    console.print(kinds)
    levels = Table(title="Risk levels (finding at or above the level vs label)")
    for column in ("level", "precision", "recall", "tp", "fp", "fn"):
        levels.add_column(column)
    for name, tally in sorted(result.levels.items()):
        levels.add_row(
            name,
            _pct(tally.precision),
            _pct(tally.recall),
            str(tally.tp),
            str(tally.fp),
            str(tally.fn),
        )
    console.print(levels)


def image_eval_tables(console: Console, result: ImageEvalResult, splits: list[str]) -> None:
    from hallmark.pipeline.evaluate_images import DETECTORS, fp_rate

    title = f"split: {', '.join(splits)} ({result.images} images)"
    table = Table(title=f"Image detectors — {title}")
    for column in ("detector", "recall", "macro recall", "false-positive rate", "precision",
                   "tp", "fp", "fn", "tn"):  # fmt: skip
        table.add_column(column)
    for name in DETECTORS:
        tally = result.detectors[name]
        table.add_row(
            name, _pct(tally.recall), _pct(result.macro_recall(name)), _pct(fp_rate(tally)),
            _pct(tally.precision), str(tally.tp), str(tally.fp), str(tally.fn), str(tally.tn),
        )  # fmt: skip
    console.print(table)
    cases = Table(title="Per case (+ positives: recall; - negatives: false-positive rate)")
    for column in ("detector", "case", "images", "recall / FP rate"):
        cases.add_column(column)
    for name in DETECTORS:
        for case, tally in sorted(result.cases[name].items()):
            value = tally.recall if case.startswith("+") else fp_rate(tally)
            count = tally.tp + tally.fn if case.startswith("+") else tally.fp + tally.tn
            cases.add_row(name, case, str(count), _pct(value))
    console.print(cases)
