"""`hallmark evidence verify | show | export`."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from hallmark.cli.context import get_app
from hallmark.errors import NotFound
from hallmark.evidence.capture import warc_root
from hallmark.evidence.marks import Region, marked
from hallmark.evidence.verify import Mismatch, Progress, verify, verify_warc
from hallmark.evidence.warc import read_span
from hallmark.store.captures import Capture, ListingEvidence, captures_for_listing
from hallmark.store.findings import query_findings

app = typer.Typer(help="The evidence store.", no_args_is_help=True)


@app.command("verify")
def verify_cmd(ctx: typer.Context) -> None:
    """Re-hash every stored blob and every WARC record; list each one that no longer matches."""
    state = get_app(ctx)
    store = state.store()
    err = Console(stderr=True)
    progress, bad = Progress(0, 0, 0), 0
    for item in verify(store.blobs, warc_root(store)):
        if isinstance(item, Progress):
            progress = item
            continue
        bad += 1
        if isinstance(item, Mismatch):
            message = (
                f"MISMATCH {item.path}: stored as {item.expected}, content hashes to {item.actual}"
            )
        else:
            what = f" ({item.record_type} {item.uri})" if item.record_type else ""
            message = f"MISMATCH {item.path} at offset {item.offset}{what}: {item.problem}"
        err.print(message, style="red", markup=False, soft_wrap=True, highlight=False)
    warcs = ""
    if progress.warc_files:
        warcs = f" and {progress.warc_records} WARC record(s) in {progress.warc_files} file(s)"
    typer.echo(f"{progress.blobs} blob(s){warcs} checked, {bad} mismatch(es)")
    raise typer.Exit(1 if bad else 0)


Platform = Annotated[str, typer.Argument(help="The listing's platform.")]
ExternalId = Annotated[str, typer.Argument(help="The listing's id on the platform.")]


@app.command("show")
def show(ctx: typer.Context, platform: Platform, external_id: ExternalId) -> None:
    """The captures of a listing: fetches of its url (or of a url holding its id) on its
    platform, each with time, status, payload sha256 and where its WARC records lie."""
    evidence = _evidence(ctx, platform, external_id)
    if not evidence.captures:
        typer.echo(f"no captures of {platform} {external_id}")
    for capture in evidence.captures:
        typer.echo(_describe(capture))
    for digest in evidence.image_sha256s:
        typer.echo(f"image sha256:{digest}")


@app.command("export")
def export(
    ctx: typer.Context,
    platform: Platform,
    external_id: ExternalId,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the evidence into.")],
) -> None:
    """Write a listing's evidence to a folder: one WARC file of its captures' records, its
    images named by sha256, a copy of each picture with the regions the image detectors
    located drawn on it (marked/), and manifest.json with the sha256 of every file."""
    state = get_app(ctx)
    store = state.store()
    evidence = _evidence(ctx, platform, external_id)
    out.mkdir(parents=True, exist_ok=True)
    root = warc_root(store)
    files: list[dict[str, Any]] = []
    captures: list[dict[str, Any]] = []
    if evidence.captures:
        name = f"{_safe(platform)}-{_safe(external_id)}.warc.gz"
        offset = 0
        with (out / name).open("wb") as handle:
            for capture in evidence.captures:
                span = read_span(root, capture.warc_file, capture.warc_offset, capture.warc_length)
                handle.write(span)
                captures.append(
                    {
                        **_manifest_capture(capture),
                        "export_offset": offset,
                        "export_length": len(span),
                    }
                )
                offset += len(span)
        files.append(_file_entry(out, name))
        damaged = [m for m in verify_warc(out / name) if m is not None]
        if damaged:
            for m in damaged:
                typer.echo(f"MISMATCH {m.path} at offset {m.offset}: {m.problem}", err=True)
            raise typer.Exit(1)
    missing: list[str] = []
    for digest in evidence.image_sha256s:
        if not store.blobs.has(digest):
            missing.append(digest)
            continue
        data = store.blobs.get(digest)
        if hashlib.sha256(data).hexdigest() != digest:
            typer.echo(f"MISMATCH image {digest}: its content no longer has that hash", err=True)
            raise typer.Exit(1)
        (out / "images").mkdir(exist_ok=True)
        (out / "images" / digest).write_bytes(data)
        files.append(_file_entry(out, f"images/{digest}"))
    files += _marked_pictures(ctx, platform, external_id, out)
    manifest = {
        "workspace": state.workspace_name,
        "listing": {"platform": platform, "external_id": external_id, "urls": evidence.urls},
        "captures": captures,
        "files": files,
        "missing_images": missing,
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    typer.echo(
        f"{len(captures)} capture(s), {len(files) - (1 if captures else 0)} image(s) "
        f"written to {out}"
    )


def _marked_pictures(
    ctx: typer.Context, platform: str, external_id: str, out: Path
) -> list[dict[str, Any]]:
    """A copy of each picture in which an image detector located something, the regions
    drawn on it, named marked/<sha256>.png."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        rows = [
            r
            for r in query_findings(conn, workspace)
            if (r.platform, r.external_id) == (platform, external_id)
        ]
    regions: dict[str, list[Region]] = {}
    for row in rows:
        for signal in row.signals:
            found = signal["evidence"]
            if "region" in found and "size" in found:
                label = f"{signal['detector']}: {found.get('reference') or found.get('text', '')}"
                regions.setdefault(found["image"], []).append(
                    Region(signal["detector"], label, found["region"], found["size"])
                )
    files = []
    for digest, drawn in sorted(regions.items()):
        if not store.blobs.has(digest):
            continue
        (out / "marked").mkdir(exist_ok=True)
        (out / "marked" / f"{digest}.png").write_bytes(marked(store.blobs.get(digest), drawn))
        files.append(_file_entry(out, f"marked/{digest}.png"))
    return files


def _evidence(ctx: typer.Context, platform: str, external_id: str) -> ListingEvidence:
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    try:
        with store.transaction() as conn:
            return captures_for_listing(conn, workspace, platform, external_id)
    except NotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _describe(capture: Capture) -> str:
    status = "-" if capture.status is None else str(capture.status)
    return (
        f"capture {capture.id}  {capture.kind}  {capture.captured_at.isoformat()}  {status}  "
        f"{capture.url_or_path}  sha256:{capture.sha256}  "
        f"{capture.warc_file}@{capture.warc_offset}+{capture.warc_length}  by {capture.actor}"
    )


def _manifest_capture(capture: Capture) -> dict[str, Any]:
    return {
        "id": capture.id,
        "kind": capture.kind,
        "url_or_path": capture.url_or_path,
        "captured_at": capture.captured_at.isoformat(),
        "status": capture.status,
        "channel": capture.channel,
        "sha256": capture.sha256,
        "image_sha256s": list(capture.image_sha256s),
        "actor": capture.actor,
    }


def _file_entry(out: Path, name: str) -> dict[str, Any]:
    data = (out / name).read_bytes()
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:100] or "_"
