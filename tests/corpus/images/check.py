#!/usr/bin/env python3
"""Validate Hallmark's frozen image corpus (standard library + Pillow only).

Checks: every label's file exists with the recorded sha256 and decodes; no image is larger
than 640 px; labels are sorted, complete and typed; the split is stratified (within each
(detector, case) group dev = round(60 %)); every detector has at least 2 negatives per
positive; positives carry a reference where required and it exists; logo quads lie inside the
image; image_text `legible` follows the rule; dev.jsonl / holdout.jsonl hold one listing per
image of that split with an image path inside this folder; brand files parse as YAML (PyYAML,
when importable, and Hallmark's own loader when importable) and every picture they name exists;
nothing in images/ or refs/ is unlabelled; the folder is at most 25 MB.

``--regenerate`` also runs generate.py into a temporary folder (needs the generation
requirements listed at the top of generate.py) and compares every file's sha256.
Exit status 1 on any problem.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
DETECTORS = {"stolen_photo", "logo", "image_text", "design"}
TRANSFORMS = {
    "resize50",
    "jpeg30",
    "crop90",
    "crop70_offcentre",
    "crop50_offcentre",
    "mirror",
    "watermark_text",
    "hue60",
    "greyscale",
    "brightness_contrast",
    "rotate5",
    "rotate20",
    "border_frame",
    "listing_canvas",
    "collage_tile",
    "crop80_mirror_watermark_jpeg50",
}
LOGO_KINDS = {"emblem", "wordmark", "monogram", "packaging", "small"}
PLATFORMS = {"amazon", "ebay", "etsy", "aliexpress", "webstore"}
MAX_BYTES = 25_000_000
PROBLEMS: list[str] = []


def bad(msg: str) -> None:
    PROBLEMS.append(msg)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_labels(root: Path) -> list[dict]:
    labels = []
    for n, line in enumerate((root / "labels.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        try:
            labels.append(json.loads(line))
        except json.JSONDecodeError as exc:
            bad(f"labels.jsonl:{n}: {exc}")
    files = [lab.get("file") for lab in labels]
    if files != sorted(files) or len(set(files)) != len(files):
        bad("labels.jsonl: not sorted by file or has duplicates")
    for lab in labels:
        f = lab.get("file", "?")
        for key in (
            "file",
            "split",
            "detector",
            "positive",
            "brand",
            "reference",
            "case",
            "sha256",
        ):
            if key not in lab:
                bad(f"{f}: missing key {key}")
        if lab.get("detector") not in DETECTORS:
            bad(f"{f}: unknown detector {lab.get('detector')!r}")
        if lab.get("split") not in ("dev", "holdout"):
            bad(f"{f}: bad split")
        path = root / f
        if not path.is_file():
            bad(f"{f}: missing file")
            continue
        if sha(path) != lab.get("sha256"):
            bad(f"{f}: sha256 differs from the label")
        try:
            with Image.open(path) as im:
                im.load()
                if max(im.size) > 640:
                    bad(f"{f}: {im.size} is over 640 px")
                size = im.size
        except Exception as exc:
            bad(f"{f}: does not decode: {exc}")
            continue
        det, pos = lab.get("detector"), lab.get("positive")
        if pos:
            if not lab.get("brand"):
                bad(f"{f}: positive without brand")
            if det in ("stolen_photo", "logo", "design"):
                ref = lab.get("reference")
                if not ref or not (root / ref).is_file():
                    bad(f"{f}: reference {ref!r} missing")
        elif lab.get("brand") is not None or lab.get("reference") is not None:
            bad(f"{f}: negative with brand or reference")
        if det == "stolen_photo":
            if lab.get("transform") not in TRANSFORMS:
                bad(f"{f}: bad transform")
            if pos and lab.get("case") != lab.get("transform"):
                bad(f"{f}: case != transform")
        if det == "logo":
            for key in (
                ("logo_kind", "width_frac", "rotation", "occluded", "quad")
                if pos
                else ("logo_kind",)
            ):
                if key not in lab:
                    bad(f"{f}: logo label without {key}")
            if pos:
                if lab["logo_kind"] not in LOGO_KINDS or lab["case"] != lab["logo_kind"]:
                    bad(f"{f}: bad logo_kind")
                if lab["width_frac"] not in (0.10, 0.15, 0.20, 0.30, 0.40):
                    bad(f"{f}: width_frac {lab['width_frac']}")
                if (lab["width_frac"] < 0.15) != (lab["logo_kind"] == "small"):
                    bad(f"{f}: small iff width_frac < 0.15")
                if abs(lab["rotation"]) > 40:
                    bad(f"{f}: rotation over 40")
                if lab["occluded"] and not 0 < lab.get("occluded_frac", 0) <= 0.20:
                    bad(f"{f}: occluded_frac out of (0, 0.2]")
            quad = lab.get("quad")
            if quad is not None:
                if len(quad) != 4 or any(
                    not (-1 <= x <= size[0] + 1 and -1 <= y <= size[1] + 1) for x, y in quad
                ):
                    bad(f"{f}: quad outside the image")
        if det == "image_text":
            if pos:
                for key in ("text", "cap_height_px", "rotation", "legible"):
                    if key not in lab:
                        bad(f"{f}: image_text label without {key}")
                want = lab["cap_height_px"] >= 20 and abs(lab["rotation"]) <= 30
                if lab.get("legible") != want:
                    bad(f"{f}: legible should be {want}")
                if lab["case"] not in ("rendered", "engraved"):
                    bad(f"{f}: bad case")
    # stratified split
    groups = collections.defaultdict(list)
    for lab in labels:
        groups[(lab.get("detector"), lab.get("case"))].append(lab)
    for key, g in sorted(groups.items(), key=lambda kv: str(kv[0])):
        dev = sum(lab.get("split") == "dev" for lab in g)
        if dev != round(0.6 * len(g)):
            bad(f"split of {key}: {dev} dev of {len(g)}, expected {round(0.6 * len(g))}")
    # negatives per positive
    for det in sorted(DETECTORS):
        p = sum(1 for lab in labels if lab.get("detector") == det and lab.get("positive"))
        n = sum(1 for lab in labels if lab.get("detector") == det and not lab.get("positive"))
        if p == 0 or n < 2 * p:
            bad(f"{det}: {p} positives, {n} negatives (need >= 2 per positive)")
    # no stray files
    labelled = set(files)
    for p in sorted((root / "images").iterdir()):
        if f"images/{p.name}" not in labelled:
            bad(f"images/{p.name}: not in labels.jsonl")
    return labels


def check_listings(root: Path, labels: list[dict]) -> None:
    by_split = collections.defaultdict(set)
    for lab in labels:
        by_split[lab["split"]].add(lab["file"])
    for split in ("dev", "holdout"):
        seen = set()
        path = root / f"{split}.jsonl"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            where = f"{split}.jsonl:{n}"
            if rec.get("kind") != "listing" or rec.get("platform") not in PLATFORMS:
                bad(f"{where}: kind/platform")
            for key in (
                "external_id",
                "url",
                "captured_at",
                "title",
                "account",
                "price",
                "currency",
                "images",
            ):
                if key not in rec:
                    bad(f"{where}: missing {key}")
            imgs = rec.get("images", [])
            if len(imgs) != 1:
                bad(f"{where}: needs exactly one image")
                continue
            img = imgs[0]
            full = (root / img).resolve()
            if not full.is_relative_to(root.resolve()) or not full.is_file():
                bad(f"{where}: image {img!r} outside the folder or missing")
            if Path(img).stem != rec.get("external_id"):
                bad(f"{where}: external_id is not the image stem")
            if rec.get("account", "").startswith("A1AUTH"):
                bad(f"{where}: account is an authorized seller")
            seen.add(img)
        if seen != by_split[split]:
            bad(
                f"{split}.jsonl: images differ from the {split} labels ({len(seen)} vs {len(by_split[split])})"
            )


def check_brands(root: Path) -> None:
    try:
        import yaml
    except ImportError:
        yaml = None
        print("note: PyYAML not importable; brand files checked for referenced paths only")
    referenced = set()
    for path in sorted((root / "brands").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        refs = []
        if yaml is not None:
            try:
                spec = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                bad(f"{path.name}: {exc}")
                continue
            for key in ("name", "marks", "products", "authorized_sellers"):
                if key not in spec:
                    bad(f"{path.name}: missing {key}")
            refs += spec.get("logos", [])
            for prod in spec.get("products", []):
                refs += prod.get("photos", []) + prod.get("designs", [])
        else:
            refs += [
                tok.strip(" -[],")
                for tok in text.split()
                if tok.strip(" -[],").startswith("../refs/")
            ]
        for ref in refs:
            full = (path.parent / ref).resolve()
            if not full.is_file():
                bad(f"{path.name}: {ref} not found")
            referenced.add(full)
        try:
            from hallmark.registry.loader import load_brand_file  # type: ignore
        except ImportError:
            continue
        try:
            load_brand_file(path)
        except Exception as exc:
            bad(f"{path.name}: Hallmark's loader refused it: {exc}")
    for p in sorted((root / "refs").iterdir()):
        if p.resolve() not in referenced:
            bad(f"refs/{p.name}: not named by any brand file")


def check_size(root: Path) -> None:
    total = sum(
        p.stat().st_size for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    if total > MAX_BYTES:
        bad(f"folder is {total / 1e6:.1f} MB, over {MAX_BYTES / 1e6:.0f} MB")
    print(f"size: {total / 1e6:.2f} MB")


def regenerate(root: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, str(root / "generate.py"), "--out", tmp],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "123"},
        )
        mine = {
            p.relative_to(root).as_posix(): sha(p)
            for p in root.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
        }
        new = {p.relative_to(tmp).as_posix(): sha(p) for p in Path(tmp).rglob("*") if p.is_file()}
        for rel in sorted(set(mine) | set(new)):
            if mine.get(rel) != new.get(rel):
                bad(f"regenerated {rel}: differs")


def main() -> int:
    ap = argparse.ArgumentParser(description="Validate the image corpus.")
    ap.add_argument(
        "--regenerate", action="store_true", help="rerun generate.py and compare all digests"
    )
    ap.add_argument("--root", type=Path, default=HERE)
    args = ap.parse_args()
    root = args.root.resolve()
    labels = check_labels(root)
    check_listings(root, labels)
    check_brands(root)
    check_size(root)
    if args.regenerate:
        regenerate(root)
    counts = collections.Counter((lab["detector"], lab["positive"]) for lab in labels)
    for det in sorted(DETECTORS):
        print(f"{det}: {counts[(det, True)]} positive, {counts[(det, False)]} negative")
    for p in PROBLEMS:
        print("PROBLEM:", p)
    print(f"{len(labels)} images checked, {len(PROBLEMS)} problems")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
