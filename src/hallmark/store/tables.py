"""The tables. Every one carries the workspace; events are append-only."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Id = BigInteger().with_variant(Integer(), "sqlite")


def _ws() -> Column[int]:
    return Column("workspace_id", Id, ForeignKey("workspaces.id"), nullable=False)


def _at(name: str, nullable: bool = False) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=nullable)


workspaces = Table(
    "workspaces",
    metadata,
    Column("id", Id, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    _at("created_at"),
)

brands = Table(
    "brands",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("name", String(200), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("spec", JSON, nullable=False),
    Column("source", Text),
    _at("created_at"),
    UniqueConstraint("workspace_id", "name", "version", name="uq_brands_key"),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("platform", String(20), nullable=False),
    Column("external_id", String(300), nullable=False),
    Column("handle", String(300)),
    Column("display_name", Text),
    Column("legal_name", Text),
    Column("address", Text),
    Column("country", String(60)),
    Column("status", String(40)),
    Column("bio", Text),
    Column("links", JSON, nullable=False),
    Column("contacts", JSON, nullable=False),
    Column("url", Text),
    Column("extra", JSON),
    Column("content_hash", String(64), nullable=False),
    _at("first_seen"),
    _at("last_seen"),
    UniqueConstraint("workspace_id", "platform", "external_id", name="uq_accounts_key"),
)

listings = Table(
    "listings",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("platform", String(20), nullable=False),
    Column("external_id", String(300), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("current_version", Integer, nullable=False),
    Column("current_hash", String(64), nullable=False),
    _at("first_seen"),
    _at("last_seen"),
    UniqueConstraint("workspace_id", "platform", "external_id", name="uq_listings_key"),
)

listing_versions = Table(
    "listing_versions",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("listing_id", Id, ForeignKey("listings.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("url", Text),
    Column("marketplace", String(100)),
    Column("account", String(300)),
    Column("title", Text),
    Column("text", Text),
    Column("hashtags", JSON, nullable=False),
    Column("price", String(40)),
    Column("currency", String(3)),
    Column("images", JSON, nullable=False),
    Column("links", JSON, nullable=False),
    Column("extra", JSON),
    _at("captured_at"),
    UniqueConstraint("listing_id", "version", name="uq_listing_versions_key"),
)

images = Table(
    "images",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("sha256", String(64), nullable=False),
    Column("bytes", Integer, nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("format", String(10), nullable=False),
    _at("created_at"),
    UniqueConstraint("workspace_id", "sha256", name="uq_images_key"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("listing_id", Id, ForeignKey("listings.id"), nullable=False),
    Column("listing_version_id", Id, ForeignKey("listing_versions.id"), nullable=False),
    Column("brand_id", Id, ForeignKey("brands.id"), nullable=False),
    Column("brand_name", String(200), nullable=False),
    Column("rules_version", String(64), nullable=False),
    Column("code_version", String(40), nullable=False),
    Column("risk", Float, nullable=False),
    Column("level", String(10), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("signals", JSON, nullable=False),
    Column("exculpatory", JSON, nullable=False),
    Column("thresholds", JSON, nullable=False),
    _at("scored_at"),
    UniqueConstraint(
        "workspace_id", "listing_version_id", "brand_id", "rules_version", name="uq_findings_key"
    ),
)
Index("ix_findings_queue", findings.c.workspace_id, findings.c.level, findings.c.risk)

scan_progress = Table(
    "scan_progress",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("brand_id", Id, ForeignKey("brands.id"), nullable=False),
    Column("rules_version", String(64), nullable=False),
    Column("last_listing_version_id", Id, nullable=False),
    UniqueConstraint("workspace_id", "brand_id", "rules_version", name="uq_scan_progress_key"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("finding_id", Id, ForeignKey("findings.id"), nullable=False),
    Column("verdict", String(20), nullable=False),
    Column("basis", String(20)),
    Column("note", Text),
    _at("decided_at"),
)

events = Table(
    "events",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("name", String(60), nullable=False),
    Column("subject_type", String(30), nullable=False),
    Column("subject_id", Id, nullable=False),
    Column("payload", JSON, nullable=False),
    _at("at"),
)
Index("ix_events_subject", events.c.workspace_id, events.c.subject_type, events.c.subject_id)

captures = Table(
    "captures",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("kind", String(10), nullable=False),
    Column("url_or_path", Text, nullable=False),
    _at("captured_at"),
    Column("status", Integer),
    Column("headers", JSON),
    Column("channel", String(20), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("image_sha256s", JSON, nullable=False),
    Column("warc_file", String(200), nullable=False),
    Column("warc_offset", BigInteger, nullable=False),
    Column("warc_length", BigInteger, nullable=False),
    Column("actor", String(200), nullable=False),
    _at("created_at"),
)
Index("ix_captures_key", captures.c.workspace_id, captures.c.kind, captures.c.sha256)

crawl_frontier = Table(
    "crawl_frontier",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("crawl_key", String(300), nullable=False),
    Column("url", Text, nullable=False),
    Column("depth", Integer, nullable=False),
    Column("state", String(10), nullable=False),
    Column("reason", Text),
    _at("fetched_at", nullable=True),
    Column("sha256", String(64)),
    _at("created_at"),
    UniqueConstraint("workspace_id", "crawl_key", "url", name="uq_crawl_frontier_key"),
)
Index(
    "ix_crawl_frontier_next",
    crawl_frontier.c.workspace_id,
    crawl_frontier.c.crawl_key,
    crawl_frontier.c.state,
    crawl_frontier.c.depth,
    crawl_frontier.c.id,
)

image_fingerprints = Table(
    "image_fingerprints",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("sha256", String(64), nullable=False),
    Column("pipeline", String(40), nullable=False),
    Column("status", String(10), nullable=False),
    Column("reason", Text),
    Column("width", Integer),
    Column("height", Integer),
    Column("phash", String(16)),
    Column("phash_mirror", String(16)),
    Column("dhash", String(16)),
    Column("embeddings", LargeBinary),
    Column("shape", LargeBinary),
    Column("keypoints", LargeBinary),
    Column("mirror_embedding", LargeBinary),
    Column("mirror_keypoints", LargeBinary),
    Column("ocr", JSON),
    Column("grey", LargeBinary),
    _at("created_at"),
    _at("ocr_at", nullable=True),
    UniqueConstraint("workspace_id", "sha256", "pipeline", name="uq_image_fingerprints_key"),
)

account_identifiers = Table(
    "account_identifiers",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("account_id", Id, ForeignKey("accounts.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("value", String(500), nullable=False),
    Column("source", String(40), nullable=False),
    UniqueConstraint(
        "workspace_id", "account_id", "kind", "value", name="uq_account_identifiers_key"
    ),
)
Index(
    "ix_account_identifiers_value",
    account_identifiers.c.workspace_id,
    account_identifiers.c.kind,
    account_identifiers.c.value,
)

actors = Table(
    "actors",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    _at("created_at"),
    _at("updated_at"),
)

actor_members = Table(
    "actor_members",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("actor_id", Id, ForeignKey("actors.id"), nullable=False),
    Column("account_id", Id, ForeignKey("accounts.id"), nullable=False),
    UniqueConstraint("workspace_id", "account_id", name="uq_actor_members_key"),
)
Index("ix_actor_members_actor", actor_members.c.workspace_id, actor_members.c.actor_id)

actor_edges = Table(
    "actor_edges",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("account_a", Id, ForeignKey("accounts.id"), nullable=False),
    Column("account_b", Id, ForeignKey("accounts.id"), nullable=False),
    Column("weight", Float, nullable=False),
    Column("shared", JSON, nullable=False),
    UniqueConstraint("workspace_id", "account_a", "account_b", name="uq_actor_edges_key"),
)
Index("ix_actor_edges_b", actor_edges.c.workspace_id, actor_edges.c.account_b)

actor_decisions = Table(
    "actor_decisions",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("account_a", Id, ForeignKey("accounts.id"), nullable=False),
    Column("account_b", Id, ForeignKey("accounts.id"), nullable=False),
    Column("verdict", String(10), nullable=False),
    Column("note", Text),
    _at("decided_at"),
)
Index(
    "ix_actor_decisions_pair",
    actor_decisions.c.workspace_id,
    actor_decisions.c.account_a,
    actor_decisions.c.account_b,
)

link_progress = Table(
    "link_progress",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("rules_version", String(64), nullable=False),
    Column("last_event_id", Id, nullable=False),
    UniqueConstraint("workspace_id", name="uq_link_progress_key"),
)

actor_context = Table(
    "actor_context",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("account_id", Id, ForeignKey("accounts.id"), nullable=False),
    Column("rules_version", String(64), nullable=False),
    Column("digest", String(64), nullable=False),
    UniqueConstraint("workspace_id", "account_id", "rules_version", name="uq_actor_context_key"),
)

link_stats = Table(
    "link_stats",
    metadata,
    Column("id", Id, primary_key=True),
    _ws(),
    Column("kind", String(20), nullable=False),
    Column("values_count", BigInteger, nullable=False),
    Column("shared_count", BigInteger, nullable=False),
    UniqueConstraint("workspace_id", "kind", name="uq_link_stats_key"),
)
