"""Stored image fingerprints, by workspace, picture digest and fingerprint recipe."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from hallmark.store.base import Workspace
from hallmark.store.dialect import insert_rows
from hallmark.store.tables import image_fingerprints

_CHUNK = 500


def fingerprint_rows(
    conn: Connection, workspace: Workspace, digests: Iterable[str], pipeline: str
) -> dict[str, Mapping[str, Any]]:
    """The stored rows for the digests that have one, by digest."""
    wanted = sorted(set(digests))
    found: dict[str, Mapping[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(image_fingerprints).where(
                image_fingerprints.c.workspace_id == workspace.id,
                image_fingerprints.c.pipeline == pipeline,
                image_fingerprints.c.sha256.in_(wanted[start : start + _CHUNK]),
            )
        ).mappings()
        found.update({row["sha256"]: row for row in rows})
    return found


def save_fingerprints(
    conn: Connection, workspace: Workspace, rows: list[dict[str, Any]], at: datetime
) -> None:
    """Insert new fingerprint rows; a digest stored meanwhile (by another scan) is left as
    it is."""
    if not rows:
        return
    present = fingerprint_rows(conn, workspace, (r["sha256"] for r in rows), rows[0]["pipeline"])
    fresh = [
        {**row, "workspace_id": workspace.id, "created_at": at}
        for row in rows
        if row["sha256"] not in present
    ]
    insert_rows(conn, image_fingerprints, fresh, skip_existing=True)


def save_text(
    conn: Connection,
    workspace: Workspace,
    sha256: str,
    pipeline: str,
    ocr: list[dict[str, Any]],
    at: datetime,
) -> None:
    """Record the OCR lines of a stored fingerprint."""
    _update(conn, workspace, sha256, pipeline, ocr=ocr, ocr_at=at)


def save_mirror(
    conn: Connection,
    workspace: Workspace,
    sha256: str,
    pipeline: str,
    embedding: bytes,
    keypoints: bytes,
) -> None:
    """Record the mirror view of a stored fingerprint (pictures used as references)."""
    _update(
        conn, workspace, sha256, pipeline, mirror_embedding=embedding, mirror_keypoints=keypoints
    )


def _update(
    conn: Connection, workspace: Workspace, sha256: str, pipeline: str, **values: Any
) -> None:
    conn.execute(
        update(image_fingerprints)
        .where(
            image_fingerprints.c.workspace_id == workspace.id,
            image_fingerprints.c.sha256 == sha256,
            image_fingerprints.c.pipeline == pipeline,
        )
        .values(**values)
    )
