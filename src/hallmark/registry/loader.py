"""Read and validate brand files; errors name the file, the field path and the problem."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from hallmark.domain.brand import (
    AuthorizedSeller,
    Brand,
    Mark,
    ProtectedProduct,
    Registration,
    Thresholds,
)
from hallmark.errors import BrandFileError
from hallmark.registry.schema import BrandSpec


def load_brand_file(path: Path, warnings: list[str] | None = None) -> tuple[Brand, dict[str, Any]]:
    """The brand in `path` and its normalised spec (for storage), or BrandFileError.

    Fields the format does not know are left out and reported in `warnings` (a file written
    for a newer Hallmark still loads); any other problem is an error.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BrandFileError(str(path), [("(file)", "no such file")]) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BrandFileError(str(path), [("(file)", f"not valid YAML: {exc}")]) from None
    if not isinstance(raw, dict):
        raise BrandFileError(str(path), [("(file)", "must be a mapping with a 'name' and 'marks'")])
    brand, spec = parse_brand(raw, source=str(path), warnings=warnings)
    _check_files(path, spec)
    return brand, spec


def parse_brand(
    raw: dict[str, Any], *, source: str, warnings: list[str] | None = None
) -> tuple[Brand, dict[str, Any]]:
    try:
        spec = BrandSpec.model_validate(raw)
    except ValidationError as exc:
        unknown = [e["loc"] for e in exc.errors() if e["type"] == "extra_forbidden"]
        if len(unknown) < len(exc.errors()):
            raise BrandFileError(source, _problems(exc)) from None
        trimmed = copy.deepcopy(raw)
        for loc in unknown:
            _drop(trimmed, loc)
            if warnings is not None:
                warnings.append(f"{source}: {'.'.join(map(str, loc))}: unknown field, ignored")
        spec = BrandSpec.model_validate(trimmed)
    data = spec.model_dump(mode="json")
    return brand_from_spec(data), data


def brand_from_spec(data: dict[str, Any], *, version: int = 1, id: int | None = None) -> Brand:
    # "files" maps the referenced pictures to their stored hashes; it is not part of the format
    spec = BrandSpec.model_validate({k: v for k, v in data.items() if k != "files"})
    return Brand(
        name=spec.name,
        marks=tuple(
            Mark(
                text=m.text,
                registrations=tuple(
                    Registration(r.office, r.number, r.jurisdiction, tuple(r.classes), r.expiry)
                    for r in m.registrations
                ),
                aliases=tuple(m.aliases),
                generic=m.generic,
            )
            for m in spec.marks
        ),
        logos=tuple(spec.logos),
        negative_contexts=tuple(spec.negative_contexts),
        products=tuple(
            ProtectedProduct(
                name=p.name,
                category=p.category,
                keywords=tuple(p.keywords),
                list_price=dict(p.list_price),
                price_floor=dict(p.price_floor),
                photos=tuple(p.photos),
                designs=tuple(p.designs),
            )
            for p in spec.products
        ),
        authorized_sellers=tuple(
            AuthorizedSeller(s.platform, s.account) for s in spec.authorized_sellers
        ),
        thresholds=(
            Thresholds(spec.thresholds.medium, spec.thresholds.high) if spec.thresholds else None
        ),
        version=version,
        id=id,
    )


def _drop(data: Any, loc: tuple[str | int, ...]) -> None:
    for part in loc[:-1]:
        data = data[part]
    data.pop(loc[-1], None)


def brand_content_hash(spec: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()


def _problems(exc: ValidationError) -> list[tuple[str, str]]:
    problems = []
    for error in exc.errors():
        path = ".".join(str(part) for part in error["loc"]) or "(top)"
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif error["type"] == "missing":
            message = "required field is missing"
        problems.append((path, message))
    return problems


def _check_files(path: Path, spec: dict[str, Any]) -> None:
    base = path.parent
    problems = []
    for i, logo in enumerate(spec["logos"]):
        if not (base / logo).is_file():
            problems.append((f"logos.{i}", f"file not found: {logo}"))
    for p, product in enumerate(spec["products"]):
        for key in ("photos", "designs"):
            for i, ref in enumerate(product[key]):
                if not (base / ref).is_file():
                    problems.append((f"products.{p}.{key}.{i}", f"file not found: {ref}"))
    if problems:
        raise BrandFileError(str(path), problems)
