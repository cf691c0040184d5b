"""A content-addressed blob store: each blob lives at its sha256 under the data dir."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_DIGEST = re.compile(r"[0-9a-f]{64}")


def is_digest(ref: str) -> bool:
    """True when `ref` names a stored blob (a sha256 in hex), not a url or a path."""
    return _DIGEST.fullmatch(ref) is not None


class BlobStore:
    """Blobs by sha256; writing the same bytes twice stores them once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:4] / digest

    def put(self, data: bytes) -> str:
        """Store `data` and return its sha256 hex digest."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        # write then rename, so a crash never leaves a truncated blob under a valid name
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
        return digest

    def get(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def has(self, digest: str) -> bool:
        return self.path(digest).exists()
