"""Image fingerprints: hashes, embeddings, keypoints and OCR text, one row per picture.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "image_fingerprints",
        sa.Column("id", _ID, nullable=False),
        sa.Column("workspace_id", _ID, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pipeline", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("phash", sa.String(length=16), nullable=True),
        sa.Column("phash_mirror", sa.String(length=16), nullable=True),
        sa.Column("dhash", sa.String(length=16), nullable=True),
        sa.Column("embeddings", sa.LargeBinary(), nullable=True),
        sa.Column("shape", sa.LargeBinary(), nullable=True),
        sa.Column("keypoints", sa.LargeBinary(), nullable=True),
        sa.Column("mirror_embedding", sa.LargeBinary(), nullable=True),
        sa.Column("mirror_keypoints", sa.LargeBinary(), nullable=True),
        sa.Column("ocr", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ocr_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_image_fingerprints_workspace_id_workspaces"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_image_fingerprints")),
        sa.UniqueConstraint("workspace_id", "sha256", "pipeline", name="uq_image_fingerprints_key"),
    )


def downgrade() -> None:
    op.drop_table("image_fingerprints")
