"""Register a brand file: validate it, store its pictures by hash, store the brand version,
and fingerprint the pictures so scans only look them up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hallmark.config import Settings
from hallmark.errors import BrandFileError, ImageRejected, NotConfigured
from hallmark.evidence.images import check_image
from hallmark.registry import load_brand_file
from hallmark.store import Store, Workspace
from hallmark.store.brands import StoredBrand, add_brand


@dataclass
class Registered:
    """What registering one brand file did."""

    stored: StoredBrand
    outcome: str
    """'added', 'changed' or 'unchanged'."""
    pictures: int = 0
    fingerprinted: int = 0
    refused: list[str] = field(default_factory=list)
    not_fingerprinted: str | None = None
    """Why the pictures were stored but not fingerprinted (the vision extra is missing)."""
    warnings: list[str] = field(default_factory=list)


def register_brand_file(
    store: Store, workspace: Workspace, path: Path, settings: Settings
) -> Registered:
    """Store the brand in `path` (a new version when it changed) with its pictures."""
    warnings: list[str] = []
    _brand, spec = load_brand_file(path, warnings)
    spec["files"] = reference_files(store, path, spec, settings)
    with store.transaction() as conn:
        stored, outcome = add_brand(conn, workspace, spec, source=str(path), at=store.clock())
    result = Registered(stored, outcome, pictures=len(spec["files"]), warnings=warnings)
    if spec["files"]:
        _fingerprint(store, workspace, settings, result)
    return result


def reference_files(
    store: Store, path: Path, spec: dict[str, Any], settings: Settings
) -> dict[str, str]:
    """Logos, official photos and design references, checked like any image and stored by
    hash; a refused picture is an error naming its field."""
    refs = [(f"logos.{i}", ref) for i, ref in enumerate(spec.get("logos", []))]
    for p, product in enumerate(spec.get("products", [])):
        for key in ("photos", "designs"):
            refs += [(f"products.{p}.{key}.{i}", ref) for i, ref in enumerate(product.get(key, []))]
    stored: dict[str, str] = {}
    for name, ref in refs:
        local = path.parent / ref
        try:
            if local.stat().st_size > settings.max_image_bytes:
                raise ImageRejected(f"{local.stat().st_size:,} bytes exceeds the limit")
            data = local.read_bytes()
            check_image(
                data, max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels
            )
        except ImageRejected as exc:
            raise BrandFileError(str(path), [(name, f"{ref}: {exc}")]) from None
        stored[ref] = store.blobs.put(data)
    return stored


def _fingerprint(
    store: Store, workspace: Workspace, settings: Settings, result: Registered
) -> None:
    from hallmark.detect.pictures import require_vision

    try:
        require_vision()
    except NotConfigured as exc:
        result.not_fingerprinted = str(exc)
        return
    from hallmark.pipeline.pictures import PictureCounts, Pictures
    from hallmark.pipeline.pictures import reference_files as brand_pictures

    counts = PictureCounts()
    files = brand_pictures([result.stored])
    logos = frozenset(f.sha256 for f in files if f.role == "logo")
    Pictures(store, workspace, settings).get(
        (f.sha256 for f in files), read=logos, mirror=True, counts=counts
    )
    result.fingerprinted = counts.fingerprinted
    result.refused = counts.refused
