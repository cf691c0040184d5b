"""Image fingerprints keep a small grey copy, which a located logo's appearance is checked
against.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("image_fingerprints") as batch:
        batch.add_column(sa.Column("grey", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("image_fingerprints") as batch:
        batch.drop_column("grey")
