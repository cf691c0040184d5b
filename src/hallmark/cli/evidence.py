"""`hallmark evidence verify`."""

from __future__ import annotations

import typer
from rich.console import Console

from hallmark.cli.context import get_app
from hallmark.evidence.verify import Mismatch, verify_blobs

app = typer.Typer(help="The evidence store.", no_args_is_help=True)


@app.command("verify")
def verify(ctx: typer.Context) -> None:
    """Re-hash every stored blob; list each one whose content no longer matches its hash."""
    state = get_app(ctx)
    store = state.store()
    err = Console(stderr=True)
    checked, bad = 0, 0
    for item in verify_blobs(store.blobs):
        if isinstance(item, Mismatch):
            bad += 1
            err.print(
                f"MISMATCH {item.path}: stored as {item.expected}, content hashes to {item.actual}",
                style="red",
                markup=False,
                soft_wrap=True,
            )
        else:
            checked = item
    typer.echo(f"{checked} blob(s) checked, {bad} mismatch(es)")
    raise typer.Exit(1 if bad else 0)
