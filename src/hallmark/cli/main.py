"""The `hallmark` command line."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from hallmark.cli import actors as actors_cli
from hallmark.cli import brand as brand_cli
from hallmark.cli import evidence as evidence_cli
from hallmark.cli import listings as listings_cli
from hallmark.cli import review as review_cli
from hallmark.cli.context import App, get_app
from hallmark.config import Settings
from hallmark.errors import HallmarkError

app = typer.Typer(
    name="hallmark",
    help="Find counterfeits and infringements of your brands, explained, ready for review.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(brand_cli.app, name="brand")
app.add_typer(review_cli.app, name="review")
app.add_typer(review_cli.findings_app, name="findings")
app.add_typer(listings_cli.app, name="listings")
app.add_typer(evidence_cli.app, name="evidence")
app.add_typer(actors_cli.app, name="actors")
err = Console(stderr=True)


@app.callback()
def main(
    ctx: typer.Context,
    workspace: Annotated[
        str, typer.Option("--workspace", "-w", help="Workspace (tenant) to work in.")
    ] = "default",
) -> None:
    """Hallmark: brand protection you can run yourself."""
    ctx.obj = App(Settings(), workspace)


@app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="JSON Lines (.jsonl) or CSV files.")],
    platform: Annotated[
        str | None,
        typer.Option(help="Read each file in this platform's own format (API response, page)."),
    ] = None,
) -> None:
    """Import listings, posts and accounts. Only imports: `hallmark scan` scores."""
    from hallmark.channels.catalogue import build_channel
    from hallmark.cli.progress import progress_bar
    from hallmark.evidence.capture import capture_import
    from hallmark.pipeline.importer import import_file, import_native

    state = get_app(ctx)
    channel = build_channel(platform) if platform else None
    store, workspace = state.store(), state.workspace()
    failed = False

    def report_error(error: Exception) -> None:
        err.print(str(error), style="yellow", highlight=False, soft_wrap=True, markup=False)

    for path in files:
        if not path.is_file():
            err.print(f"{path}: no such file", style="red", markup=False)
            failed = True
            continue
        with progress_bar(f"importing {path.name}", total=None) as advance:
            if channel is None:
                report = import_file(
                    store,
                    workspace,
                    path,
                    state.settings,
                    on_error=report_error,
                    on_progress=advance,
                )
            else:
                report = import_native(
                    store,
                    workspace,
                    path,
                    channel,
                    state.settings,
                    on_error=report_error,
                    on_progress=advance,
                )
        capture_import(store, workspace, path, platform or "canonical", store.clock(), _actor())
        typer.echo(report.summary())
        failed = failed or bool(report.rejected)
    raise typer.Exit(1 if failed else 0)


def _actor() -> str:
    """Who ran the command, for the chain of custody."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@app.command()
def fetch(
    ctx: typer.Context,
    platform: Annotated[str, typer.Option(help="Platform to fetch from.")],
    query: Annotated[str | None, typer.Option(help="Keyword or hashtag to search.")] = None,
    seller: Annotated[str | None, typer.Option(help="Seller or account to list.")] = None,
    url: Annotated[str | None, typer.Option(help="One listing url.")] = None,
    limit: Annotated[int, typer.Option(help="Most items to fetch.")] = 200,
    start: Annotated[
        str | None, typer.Option(help="webstore: the page a crawl starts from.")
    ] = None,
    max_pages: Annotated[int, typer.Option(help="webstore: most pages a crawl fetches.")] = 50,
    images: Annotated[
        bool, typer.Option("--images", help="Download each listing's images (checked, by hash).")
    ] = False,
    delay: Annotated[
        float, typer.Option(help="webstore: seconds between requests to the site.")
    ] = 1.0,
    scan_after: Annotated[bool, typer.Option("--scan", help="Scan what came in.")] = False,
) -> None:
    """Fetch listings live from a platform's API and import them like an import would; for
    `webstore`, crawl one site from --start, breadth first, politely, resumably."""
    if platform == "webstore":
        _crawl(ctx, start, max_pages, delay)
        if scan_after:
            ctx.invoke(scan, ctx=ctx)
        return
    from hallmark.channels.catalogue import build_live
    from hallmark.channels.fetch import SafeClient
    from hallmark.channels.live import Query
    from hallmark.evidence.capture import capture_fetch
    from hallmark.pipeline.importer import ImportReport, import_parsed

    chosen = [
        (kind, value)
        for kind, value in (("keyword", query), ("seller", seller), ("url", url))
        if value
    ]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --query, --seller, --url")
    state = get_app(ctx)
    channel = build_live(platform, state.settings)
    err.print(f"{platform}: enabled ({channel.terms})", markup=False, highlight=False)
    store, workspace = state.store(), state.workspace()
    total = ImportReport()
    kind, value = chosen[0]
    with SafeClient(allow_loopback=state.settings.allow_loopback) as http:
        for number, page in enumerate(channel.fetch(Query(kind, value, limit), http), 1):  # type: ignore[arg-type]
            captured_at = store.clock()
            capture_fetch(store, workspace, page, platform, captured_at, actor=_actor())
            parsed = channel.parse(page.body, source=page.url, captured_at=captured_at)
            report = import_parsed(
                store,
                workspace,
                parsed,
                Path(f"{platform}-page-{number}.json"),
                state.settings,
                images_from=http if images else None,
                on_error=lambda e: err.print(str(e), style="yellow", markup=False, soft_wrap=True),
            )
            total.counts.add(report.counts)
            total.rejected += report.rejected
    typer.echo(total.summary())
    if scan_after:
        ctx.invoke(scan, ctx=ctx)
    raise typer.Exit(1 if total.rejected else 0)


def _crawl(ctx: typer.Context, start: str | None, max_pages: int, delay: float) -> None:
    from hallmark.channels.fetch import SafeClient
    from hallmark.channels.webstore import WebstoreChannel
    from hallmark.pipeline.crawl import PageResult, crawl

    if not start:
        raise typer.BadParameter("a webstore crawl needs --start URL", param_hint="--start")
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()

    def progress(url: str, page: PageResult) -> None:
        why = f" ({page.reason})" if page.reason else ""
        err.print(f"{page.state:8} {url}{why}", markup=False, highlight=False, soft_wrap=True)

    with SafeClient(allow_loopback=state.settings.allow_loopback) as http:
        report = crawl(
            store,
            workspace,
            start,
            max_pages=max_pages,
            http=http,
            channel=WebstoreChannel(),
            settings=state.settings,
            delay=delay,
            on_page=progress,
            actor=_actor(),
        )
    typer.echo(report.summary())


@app.command()
def scan(
    ctx: typer.Context,
    batch_size: Annotated[int | None, typer.Option(help="Listings per committed batch.")] = None,
) -> None:
    """Link what came in into actors, then score every listing version not yet scored against
    every brand (and again the listings whose actor's context changed)."""
    from hallmark.cli.progress import progress_bar, scan_summary
    from hallmark.detect import build_detectors
    from hallmark.pipeline.scan import scan as run_scan

    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    disabled: dict[str, str] = {}
    detectors = build_detectors(disabled=disabled)
    err.print("Enabled detectors: " + ", ".join(d.name for d in detectors))
    for name, reason in disabled.items():
        err.print(f"Disabled detector {name}: {reason}", style="yellow", markup=False)
    hook = _crash_hook()
    with progress_bar("scanning", total=None) as advance:
        report = run_scan(
            store,
            workspace,
            state.rules(),
            detectors,
            settings=state.settings,
            batch_size=batch_size or state.settings.scan_batch_size,
            on_total=advance.set_total,
            on_progress=advance,
            after_batch=hook,
        )
    if report.brands == 0:
        err.print(
            "[yellow]No brands in this workspace: add one with `hallmark brand add FILE`.[/yellow]"
        )
    scan_summary(err, report)
    for failure in report.failed:
        err.print(f"not scored: {failure}", style="yellow", markup=False, highlight=False)


def _crash_hook() -> Callable[[int], None]:
    """Test-only: HALLMARK_TEST_CRASH_AFTER_BATCHES=N kills the process after batch N commits."""
    value = os.environ.get("HALLMARK_TEST_CRASH_AFTER_BATCHES")
    if not value:
        return lambda n: None
    limit = int(value)

    def hook(done: int) -> None:
        if done >= limit:
            sys.stderr.flush()
            os._exit(137)

    return hook


@app.command("eval")
def eval_(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Corpus folder (brands/, <split>/).")] = Path(
        "tests/corpus"
    ),
    split: Annotated[list[str] | None, typer.Option(help="Split(s) to report.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    misses: Annotated[int, typer.Option(help="Also list this many misclassified records.")] = 0,
    sample: Annotated[
        int | None, typer.Option(help="Image corpus: a fixed stratified sample of this size.")
    ] = None,
) -> None:
    """Precision and recall per detector, per disguise kind and per risk level; on an image
    corpus (a folder with labels.jsonl), recall and false-positive rate per image detector,
    per transform, logo kind, logo size and legibility."""
    import json

    from hallmark.cli.progress import eval_tables
    from hallmark.pipeline.evaluate import evaluate

    state = get_app(ctx)
    if (corpus / "labels.jsonl").is_file():
        _eval_images(corpus, split or ["holdout"], state.rules(), as_json, misses, sample)
        return
    result = evaluate(corpus, split or ["holdout"], state.rules())
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        eval_tables(Console(), result, split or ["holdout"])
    for miss in result.misses[:misses]:
        typer.echo(json.dumps(miss, ensure_ascii=False))


def _eval_images(
    corpus: Path, splits: list[str], rules: Any, as_json: bool, misses: int, sample: int | None
) -> None:
    import json

    from hallmark.cli.progress import image_eval_tables, progress_bar
    from hallmark.detect.pictures import require_vision
    from hallmark.pipeline.evaluate_images import evaluate_images, read_labels

    require_vision()
    total = len(read_labels(corpus, splits, sample))
    with progress_bar("fingerprinting", total=total) as advance:
        result = evaluate_images(corpus, splits, rules, sample=sample, on_progress=advance)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        image_eval_tables(Console(), result, splits)
    for miss in result.misses[:misses]:
        typer.echo(json.dumps(miss, ensure_ascii=False))


def run() -> None:
    try:
        app()
    except HallmarkError as exc:
        err.print(f"error: {exc}", style="red", highlight=False, soft_wrap=True, markup=False)
        raise SystemExit(2) from None


__all__ = ["App", "app", "run"]
