"""Baseline: the schema as it stood when migrations began (store schema version 2).

Creates every store table with its indexes and constraints, records schema_version 2 in `meta`, and the
tables other modules keep in the same database (`api_tokens`, `feeds`, `feed_items`) unless a module
already created them on first use.  A database made before migrations (schema_version 2, no
alembic_version table) is stamped at this revision instead of running it.

Revision ID: 0001_baseline
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _exists(table: str) -> bool:
    return sa.inspect(op.get_bind()).has_table(table)


def upgrade() -> None:
    """Create the version-2 schema."""
    op.create_table(
        "alert_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("alert_id", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_outbox")),
    )
    op.create_index(
        op.f("ix_alert_outbox_sent_at_next_attempt_at"),
        "alert_outbox",
        ["sent_at", "next_attempt_at"],
        unique=False,
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("actor_a", sa.String(length=8), nullable=False),
        sa.Column("actor_b", sa.String(length=8), nullable=False),
        sa.Column("place_id", sa.Text(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("trend", sa.String(length=16), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=True),
        sa.Column("last_date", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_alerts_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    op.create_index(op.f("ix_alerts_updated_at"), "alerts", ["updated_at"], unique=False)
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("origin_id", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("hash", name=op.f("uq_documents_hash")),
    )
    op.create_index(op.f("ix_documents_origin_id"), "documents", ["origin_id"], unique=False)
    op.create_index(op.f("ix_documents_published"), "documents", ["published"], unique=False)
    op.create_index(op.f("ix_documents_ref"), "documents", ["ref"], unique=False)
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("feature_class", sa.String(length=4), nullable=True),
        sa.Column("feature_code", sa.String(length=16), nullable=True),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name=op.f("ck_places_coordinates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejections")),
    )
    op.create_index(op.f("ix_rejections_at"), "rejections", ["at"], unique=False)
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("actor_country", sa.String(length=8), nullable=True),
        sa.Column("actor_sector", sa.String(length=16), nullable=True),
        sa.Column("actor_name", sa.Text(), nullable=True),
        sa.Column("actor_text", sa.Text(), nullable=True),
        sa.Column("recipient_country", sa.String(length=8), nullable=True),
        sa.Column("recipient_sector", sa.String(length=16), nullable=True),
        sa.Column("recipient_name", sa.Text(), nullable=True),
        sa.Column("recipient_text", sa.Text(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("aux_modes", sa.Text(), nullable=False),
        sa.Column("happened", sa.Boolean(), nullable=False),
        sa.Column("place_id", sa.String(length=64), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_surface", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.Column("place_country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("cameo_root", sa.String(length=4), nullable=True),
        sa.Column("quad_class", sa.Integer(), nullable=True),
        sa.Column("goldstein", sa.Float(), nullable=True),
        sa.Column("acled_event_type", sa.Text(), nullable=True),
        sa.Column("acled_sub_event_type", sa.Text(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("cluster_date", sa.Date(), nullable=True),
        sa.Column("origins", sa.Integer(), nullable=False),
        sa.Column("stance", sa.String(length=16), nullable=True),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')",
            name=op.f("ck_events_date_precision"),
        ),
        sa.CheckConstraint("fatalities IS NULL OR fatalities >= 0", name=op.f("ck_events_fatalities")),
        sa.CheckConstraint("lat IS NULL OR lat BETWEEN -90 AND 90", name=op.f("ck_events_lat")),
        sa.CheckConstraint("lon IS NULL OR lon BETWEEN -180 AND 180", name=op.f("ck_events_lon")),
        sa.CheckConstraint("precision IS NULL OR precision IN (1, 2, 3)", name=op.f("ck_events_precision")),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_events_place_id_places")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_actor_country"), "events", ["actor_country"], unique=False)
    op.create_index(op.f("ix_events_cluster_date"), "events", ["cluster_date"], unique=False)
    op.create_index(op.f("ix_events_date"), "events", ["date"], unique=False)
    op.create_index(op.f("ix_events_lat_lon"), "events", ["lat", "lon"], unique=False)
    op.create_index(op.f("ix_events_place_country"), "events", ["place_country"], unique=False)
    op.create_index(op.f("ix_events_recipient_country"), "events", ["recipient_country"], unique=False)
    op.create_index(op.f("ix_events_type"), "events", ["type"], unique=False)
    op.create_table(
        "lsh_bands",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_lsh_bands_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "document_id", name=op.f("pk_lsh_bands")),
    )
    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=False),
        sa.Column("place_id", sa.String(length=64), nullable=True),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("demonym", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "precision IS NULL OR precision IN (1, 2, 3)", name=op.f("ck_place_mentions_precision")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_place_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_place_mentions_place_id_places")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_mentions")),
    )
    op.create_index(op.f("ix_place_mentions_document_id"), "place_mentions", ["document_id"], unique=False)
    op.create_index(op.f("ix_place_mentions_place_id"), "place_mentions", ["place_id"], unique=False)
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("handle", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_posts_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
    )
    op.create_index(op.f("ix_posts_document_id"), "posts", ["document_id"], unique=False)
    op.create_table(
        "sentences",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_sentences_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "index", name=op.f("pk_sentences")),
    )
    op.create_table(
        "signatures",
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_signatures_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_signatures")),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("own_id", sa.String(length=32), nullable=True),
        sa.Column("origin_key", sa.Text(), nullable=True),
        sa.Column("stance", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_reports_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_reports_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.UniqueConstraint(
            "event_id",
            "document_id",
            "sentence",
            "trigger_start",
            name=op.f("uq_reports_event_id_document_id_sentence_trigger_start"),
        ),
    )
    op.create_index(op.f("ix_reports_document_id"), "reports", ["document_id"], unique=False)
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("claimant_country", sa.String(length=8), nullable=True),
        sa.Column("claimant_sector", sa.String(length=16), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("quote_end", sa.Integer(), nullable=True),
        sa.Column("chain", sa.Text(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "stance IN ('asserted', 'reported', 'alleged', 'threatened', 'denied', 'hypothetical', 'future')",
            name=op.f("ck_claims_stance"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_claims_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_claims_report_id_reports"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_event_id"), "claims", ["event_id"], unique=False)
    op.create_index(op.f("ix_claims_report_id"), "claims", ["report_id"], unique=False)
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "schema_version", "value": "2"}])
    # Tables the API and the feed monitor own; they may exist already (created on first use).
    if not _exists("api_tokens"):
        op.create_table(
            "api_tokens",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("name", sa.Text(), nullable=False),
            sa.Column("hash", sa.String(length=64), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("hash"),
            sa.UniqueConstraint("name"),
        )
    if not _exists("feed_items"):
        op.create_table(
            "feed_items",
            sa.Column("key", sa.Text(), nullable=False),
            sa.Column("feed_url", sa.Text(), nullable=False),
            sa.Column("document_hash", sa.String(length=64), nullable=True),
            sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        )
    if not _exists("feeds"):
        op.create_table(
            "feeds",
            sa.Column("url", sa.Text(), nullable=False),
            sa.Column("etag", sa.Text(), nullable=True),
            sa.Column("last_modified", sa.Text(), nullable=True),
            sa.Column("last_polled", sa.DateTime(timezone=True), nullable=True),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("next_poll", sa.DateTime(timezone=True), nullable=True),
            sa.Column("last_error", sa.Text(), nullable=True),
            sa.Column("added_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("url"),
        )


def downgrade() -> None:
    """Drop every table the baseline created (all data is lost)."""
    for table in (
        "feed_items",
        "feeds",
        "api_tokens",
        "claims",
        "reports",
        "signatures",
        "sentences",
        "posts",
        "place_mentions",
        "lsh_bands",
        "events",
        "rejections",
        "places",
        "meta",
        "documents",
        "alerts",
        "alert_outbox",
    ):
        op.drop_table(table)
