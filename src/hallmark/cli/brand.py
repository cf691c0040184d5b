"""`hallmark brand add|list|show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.table import Table

from hallmark.cli.context import get_app
from hallmark.config import Settings
from hallmark.detect.pictures import require_vision
from hallmark.errors import BrandFileError, ImageRejected, NotConfigured
from hallmark.evidence.images import check_image
from hallmark.registry import load_brand_file
from hallmark.store import Store, Workspace
from hallmark.store.brands import StoredBrand, add_brand, current_brands, get_brand

app = typer.Typer(help="Register brands and read the registry.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Brand YAML files.")],
) -> None:
    """Add brands; adding a brand that exists stores a new version when it changed."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    for path in files:
        warnings: list[str] = []
        _brand, spec = load_brand_file(path, warnings)
        for warning in warnings:
            Console(stderr=True).print(
                f"[yellow]{warning}[/yellow]", highlight=False, soft_wrap=True
            )
        spec["files"] = _reference_files(store, path, spec, state.settings)
        with store.transaction() as conn:
            stored, outcome = add_brand(conn, workspace, spec, source=str(path), at=store.clock())
        typer.echo(f"{stored.brand.name}: {outcome} (version {stored.brand.version})")
        if spec["files"]:
            _fingerprint_references(state.settings, store, workspace, stored)


def _reference_files(
    store: Store, path: Path, spec: dict[str, Any], settings: Settings
) -> dict[str, str]:
    """Logos, official photos and design references, checked like any image and stored by
    hash; a refused picture is an error naming its field."""
    refs = [(f"logos.{i}", ref) for i, ref in enumerate(spec.get("logos", []))]
    for p, product in enumerate(spec.get("products", [])):
        for key in ("photos", "designs"):
            refs += [(f"products.{p}.{key}.{i}", ref) for i, ref in enumerate(product.get(key, []))]
    stored: dict[str, str] = {}
    for field, ref in refs:
        local = path.parent / ref
        try:
            if local.stat().st_size > settings.max_image_bytes:
                raise ImageRejected(f"{local.stat().st_size:,} bytes exceeds the limit")
            data = local.read_bytes()
            check_image(
                data, max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels
            )
        except ImageRejected as exc:
            raise BrandFileError(str(path), [(field, f"{ref}: {exc}")]) from None
        stored[ref] = store.blobs.put(data)
    return stored


def _fingerprint_references(
    settings: Settings, store: Store, workspace: Workspace, stored: StoredBrand
) -> None:
    """Fingerprint the brand's pictures now, so scans only look them up."""
    try:
        require_vision()
    except NotConfigured as exc:
        Console(stderr=True).print(
            f"[yellow]pictures stored but not fingerprinted: {exc}[/yellow]", highlight=False
        )
        return
    from hallmark.pipeline.pictures import PictureCounts, Pictures, reference_files

    counts = PictureCounts()
    files = reference_files([stored])
    Pictures(store, workspace, settings).get((f.sha256 for f in files), mirror=True, counts=counts)
    typer.echo(f"  {len(files)} reference pictures, {counts.fingerprinted} fingerprinted now")
    for reason in counts.refused:
        Console(stderr=True).print(f"  picture refused: {reason}", style="yellow", markup=False)


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
