"""`hallmark listings export`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from hallmark.cli.context import get_app
from hallmark.domain.listing import known_platform
from hallmark.store.listings import export_records

app = typer.Typer(help="Stored listings and accounts.", no_args_is_help=True)


@app.command("export")
def export(
    ctx: typer.Context,
    format_: Annotated[
        str, typer.Option("--format", help="jsonl (the canonical import format).")
    ] = "jsonl",
    platform: Annotated[str | None, typer.Option(help="Only this platform.")] = None,
    out: Annotated[Path | None, typer.Option(help="File to write; stdout when absent.")] = None,
) -> None:
    """The stored accounts and the latest version of each listing, in the canonical format,
    so what any channel parsed can be inspected, diffed and moved; importing it changes
    nothing (local images are written as sha256: references to this store's blobs)."""
    if format_ != "jsonl":
        raise typer.BadParameter(f"{format_!r}: only jsonl", param_hint="--format")
    if platform is not None:
        try:
            known_platform(platform)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--platform") from None
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    handle = sys.stdout if out is None else out.open("w", encoding="utf-8")
    count = 0
    try:
        with store.transaction() as conn:
            for record in export_records(conn, workspace, platform):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    finally:
        if out is not None:
            handle.close()
    if out is not None:
        Console(stderr=True).print(f"wrote {count} record(s) to {out}", markup=False)
