"""`hallmark brand add|list|show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.table import Table

from hallmark.cli.context import get_app
from hallmark.pipeline.brands import register_brand_file
from hallmark.store.brands import current_brands, get_brand

app = typer.Typer(help="Register brands and read the registry.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Brand YAML files.")],
) -> None:
    """Add brands; adding a brand that exists stores a new version when it changed. Its
    logos, official photos and design references are fingerprinted now."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    err = Console(stderr=True)
    for path in files:
        result = register_brand_file(store, workspace, path, state.settings)
        for warning in result.warnings:
            err.print(f"[yellow]{warning}[/yellow]", highlight=False, soft_wrap=True)
        brand = result.stored.brand
        typer.echo(f"{brand.name}: {result.outcome} (version {brand.version})")
        if result.not_fingerprinted:
            err.print(
                f"[yellow]pictures stored but not fingerprinted: {result.not_fingerprinted}[/yellow]",
                highlight=False,
            )
        elif result.pictures:
            typer.echo(
                f"  {result.pictures} reference pictures, {result.fingerprinted} fingerprinted now"
            )
        for reason in result.refused:
            err.print(f"  picture refused: {reason}", style="yellow", markup=False)


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """The brands of the workspace, newest version of each."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        stored = current_brands(conn, workspace)
    table = Table(title=f"Brands in {workspace.name}")
    for column in ("name", "version", "marks", "products", "authorized sellers", "added"):
        table.add_column(column)
    for item in stored:
        brand = item.brand
        table.add_row(
            brand.name,
            str(brand.version),
            ", ".join(m.text for m in brand.marks),
            str(len(brand.products)),
            str(len(brand.authorized_sellers)),
            item.created_at.strftime("%Y-%m-%d %H:%M UTC"),
        )
    Console(markup=False).print(table)


@app.command("show")
def show(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Brand name.")]) -> None:
    """One brand as registered (newest version), in the brand file format."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        stored = get_brand(conn, workspace, name)
    spec = _pruned({k: v for k, v in stored.spec.items() if k != "files"})
    typer.echo(f"# {stored.brand.name}, version {stored.brand.version}, from {stored.source}")
    typer.echo(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True).rstrip())


def _pruned(value: object) -> object:
    """The spec without empty or unset fields, as a person would write it."""
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value
