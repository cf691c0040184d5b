"""Re-hash stored evidence and report anything that no longer matches its address."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hallmark.evidence.blobs import BlobStore


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A stored file whose content no longer has the hash it is stored under."""

    path: Path
    expected: str
    actual: str


def verify_blobs(blobs: BlobStore) -> Iterator[Mismatch | int]:
    """Each mismatching blob, and the running count of blobs checked (ints) for progress."""
    if not blobs.root.is_dir():
        return
    checked = 0
    for path in sorted(blobs.root.glob("??/??/*")):
        if path.name.startswith(".tmp-") or not path.is_file():
            continue
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != path.name:
            yield Mismatch(path, path.name, digest.hexdigest())
        checked += 1
        yield checked
