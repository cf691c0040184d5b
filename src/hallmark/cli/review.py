"""`hallmark review [show|decide]` and `hallmark findings export`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hallmark.cli.context import get_app
from hallmark.domain import Level
from hallmark.review import BASES, VERDICTS, group_by_seller, highlight_spans
from hallmark.store.findings import (
    FindingRow,
    add_decisions,
    decisions_for,
    get_finding,
    query_findings,
)

app = typer.Typer(help="The review queue and decisions.", invoke_without_command=True)
findings_app = typer.Typer(help="Export findings.", no_args_is_help=True)
EXPORT_FIELDS = (
    "id",
    "platform",
    "external_id",
    "url",
    "account",
    "brand",
    "risk",
    "level",
    "explanation",
    "signals",
    "scored_at",
    "rules_version",
    "code_version",
    "thresholds",
    "exculpatory",
    "verdict",
    "basis",
)


@app.callback()
def queue(
    ctx: typer.Context,
    min_level: Annotated[
        str, typer.Option(help="Lowest level shown: low, medium or high.")
    ] = "medium",
    limit: Annotated[int, typer.Option(help="Most findings shown.")] = 50,
    all_: Annotated[bool, typer.Option("--all", help="Include decided findings.")] = False,
) -> None:
    """The queue: findings by risk, grouped by seller."""
    if ctx.invoked_subcommand is not None:
        return
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        rows = query_findings(
            conn,
            workspace,
            min_level=_level(min_level),
            undecided_only=not all_,
            rules_version=state.rules().version,
        )
    console = Console(markup=False)  # listing text is data, never markup
    if not rows:
        console.print(f"No findings at {min_level} or above to review in {workspace.name}.")
        return
    shown = 0
    for seller, items in group_by_seller(rows):
        if shown >= limit:
            break
        table = Table(
            title=f"{seller} — {len(items)} finding(s)", title_justify="left", expand=True
        )
        for column, ratio in (
            ("id", 1),
            ("level", 1),
            ("risk", 1),
            ("brand", 2),
            ("listing", 3),
            ("explanation", 8),
        ):
            table.add_column(column, ratio=ratio, overflow="fold")
        for row in items[: limit - shown]:
            table.add_row(
                str(row.id),
                row.level,
                f"{row.risk:.2f}",
                row.brand,
                f"{row.external_id}\n{row.title or ''}",
                row.explanation,
            )
            shown += 1
        console.print(table)


@app.command("show")
def show(
    ctx: typer.Context, finding_id: Annotated[int, typer.Argument(help="Finding id.")]
) -> None:
    """One finding with its evidence, the matched spans highlighted."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        row = get_finding(conn, workspace, finding_id)
        history = decisions_for(conn, workspace, finding_id)
    console = Console(markup=False)  # listing text is data, never markup
    console.print(
        Panel(row.explanation, title=f"Finding {row.id}: {row.brand}, {row.level} ({row.risk:.2f})")
    )
    console.print(f"{row.platform} {row.kind} {row.external_id}  {row.url or ''}")
    console.print(
        f"account: {row.account or '(unknown)'}   price: {row.price or '—'} {row.currency or ''}"
    )
    spans = highlight_spans(row)
    fields = {
        "title": row.title,
        "text": row.text,
        "hashtags": " ".join("#" + h.lstrip("#") for h in row.hashtags),
    }
    for name, value in fields.items():
        if value:
            console.print(
                Text(f"{name}: ", style="bold") + _highlighted(value, spans.get(name, []))
            )
    table = Table(title="Signals")
    for column in ("detector", "kind", "strength", "explanation"):
        table.add_column(column, overflow="fold")
    for signal in row.signals:
        table.add_row(
            signal["detector"], signal["kind"], f"{signal['strength']:.2f}", signal["explanation"]
        )
    console.print(table)
    console.print(
        f"scored {row.scored_at:%Y-%m-%d %H:%M:%S} UTC · rules {row.rules_version} · "
        f"code {row.code_version} · thresholds {row.thresholds}"
    )
    for decision in history:
        console.print(
            f"decision {decision['id']}: {decision['verdict']} ({decision['basis'] or '—'}) "
            f"{decision['decided_at']:%Y-%m-%d %H:%M} {decision['note'] or ''}"
        )


def _highlighted(value: str, spans: list[tuple[int, int, str]]) -> Text:
    text = Text(value)
    for start, end, _label in spans:
        text.stylize("bold black on yellow", start, end)
    return text


@app.command("decide")
def decide(
    ctx: typer.Context,
    finding_ids: Annotated[list[int], typer.Argument(help="Finding ids.")],
    verdict: Annotated[str, typer.Option(help=f"One of {', '.join(VERDICTS)}.")],
    basis: Annotated[str | None, typer.Option(help=f"One of {', '.join(BASES)}.")] = None,
    note: Annotated[str | None, typer.Option(help="Free text kept with the decision.")] = None,
) -> None:
    """Record a decision on one or more findings."""
    if verdict not in VERDICTS:
        raise typer.BadParameter(
            f"{verdict!r}: use one of {', '.join(VERDICTS)}", param_hint="--verdict"
        )
    if basis is not None and basis not in BASES:
        raise typer.BadParameter(f"{basis!r}: use one of {', '.join(BASES)}", param_hint="--basis")
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        add_decisions(
            conn, workspace, finding_ids, verdict=verdict, basis=basis, note=note, at=store.clock()
        )
    typer.echo(
        f"recorded {verdict} on {len(finding_ids)} finding(s): {', '.join(map(str, finding_ids))}"
    )


@findings_app.command("export")
def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="File to write; stdout when absent.")] = None,
    min_level: Annotated[str, typer.Option(help="Lowest level exported.")] = "low",
) -> None:
    """Every finding, one per line, at every level (or from --min-level up)."""
    if format_ not in ("jsonl", "csv"):
        raise typer.BadParameter(f"{format_!r}: use jsonl or csv", param_hint="--format")
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        rows = query_findings(
            conn, workspace, min_level=_level(min_level), rules_version=state.rules().version
        )
    if out is None:
        _write(sys.stdout, rows, format_)
        return
    with out.open("w", encoding="utf-8", newline="") as handle:
        _write(handle, rows, format_)
    Console(stderr=True).print(f"wrote {len(rows)} finding(s) to {out}")


def export_record(row: FindingRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "platform": row.platform,
        "external_id": row.external_id,
        "url": row.url,
        "account": row.account,
        "brand": row.brand,
        "risk": row.risk,
        "level": row.level,
        "explanation": row.explanation,
        "signals": row.signals,
        "scored_at": row.scored_at.isoformat().replace("+00:00", "Z"),
        "rules_version": row.rules_version,
        "code_version": row.code_version,
        "thresholds": row.thresholds,
        "exculpatory": row.exculpatory,
        "verdict": row.verdict,
        "basis": row.basis,
    }


def _write(handle: TextIO, rows: list[FindingRow], format_: str) -> None:
    if format_ == "jsonl":
        for row in rows:
            handle.write(json.dumps(export_record(row), ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(handle, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for row in rows:
        record = export_record(row)
        for key in ("signals", "thresholds", "exculpatory"):
            record[key] = json.dumps(record[key], ensure_ascii=False)
        writer.writerow(record)


def _level(text: str) -> Level:
    try:
        return Level.parse(text)
    except KeyError:
        raise typer.BadParameter(
            f"{text!r}: use low, medium or high", param_hint="--min-level"
        ) from None
