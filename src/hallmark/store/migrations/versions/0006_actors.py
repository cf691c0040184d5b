"""Actors: account identifiers, the edges between accounts, actors and their members, people's
linking decisions, and the link watermark.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 09:06:28.706959
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "actors",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_actors_workspace_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    op.create_table(
        "link_progress",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("rules_version", sa.String(length=64), nullable=False),
        sa.Column(
            "last_event_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_link_progress_workspace_id_workspaces"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_progress")),
        sa.UniqueConstraint("workspace_id", name="uq_link_progress_key"),
    )
    op.create_table(
        "account_identifiers",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_account_identifiers_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_account_identifiers_workspace_id_workspaces"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_identifiers")),
        sa.UniqueConstraint(
            "workspace_id", "account_id", "kind", "value", name="uq_account_identifiers_key"
        ),
    )
    with op.batch_alter_table("account_identifiers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_account_identifiers_value", ["workspace_id", "kind", "value"], unique=False
        )

    op.create_table(
        "actor_context",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("rules_version", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_actor_context_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_actor_context_workspace_id_workspaces"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_context")),
        sa.UniqueConstraint(
            "workspace_id", "account_id", "rules_version", name="uq_actor_context_key"
        ),
    )
    op.create_table(
        "actor_decisions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "account_a", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "account_b", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_a"], ["accounts.id"], name=op.f("fk_actor_decisions_account_a_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["account_b"], ["accounts.id"], name=op.f("fk_actor_decisions_account_b_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_actor_decisions_workspace_id_workspaces"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_decisions")),
    )
    with op.batch_alter_table("actor_decisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_actor_decisions_pair", ["workspace_id", "account_a", "account_b"], unique=False
        )

    op.create_table(
        "actor_edges",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "account_a", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "account_b", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("shared", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_a"], ["accounts.id"], name=op.f("fk_actor_edges_account_a_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["account_b"], ["accounts.id"], name=op.f("fk_actor_edges_account_b_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_actor_edges_workspace_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_edges")),
        sa.UniqueConstraint("workspace_id", "account_a", "account_b", name="uq_actor_edges_key"),
    )
    with op.batch_alter_table("actor_edges", schema=None) as batch_op:
        batch_op.create_index("ix_actor_edges_b", ["workspace_id", "account_b"], unique=False)

    op.create_table(
        "actor_members",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("actor_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_actor_members_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_actor_members_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_actor_members_workspace_id_workspaces"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_members")),
        sa.UniqueConstraint("workspace_id", "account_id", name="uq_actor_members_key"),
    )
    with op.batch_alter_table("actor_members", schema=None) as batch_op:
        batch_op.create_index("ix_actor_members_actor", ["workspace_id", "actor_id"], unique=False)
    op.create_table(
        "link_stats",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "workspace_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("values_count", sa.BigInteger(), nullable=False),
        sa.Column("shared_count", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_link_stats_workspace_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_stats")),
        sa.UniqueConstraint("workspace_id", "kind", name="uq_link_stats_key"),
    )


def downgrade() -> None:
    op.drop_table("link_stats")

    with op.batch_alter_table("actor_members", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_members_actor")

    op.drop_table("actor_members")
    with op.batch_alter_table("actor_edges", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_edges_b")

    op.drop_table("actor_edges")
    with op.batch_alter_table("actor_decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_actor_decisions_pair")

    op.drop_table("actor_decisions")
    op.drop_table("actor_context")
    with op.batch_alter_table("account_identifiers", schema=None) as batch_op:
        batch_op.drop_index("ix_account_identifiers_value")

    op.drop_table("account_identifiers")
    op.drop_table("link_progress")
    op.drop_table("actors")
