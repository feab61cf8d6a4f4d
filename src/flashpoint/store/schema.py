"""The database schema: one SQLAlchemy `metadata` (so Alembic can autogenerate migrations from it).

Portable Core types only, so the same tables work on SQLite and PostgreSQL.  Events are keyed by a stable
id (see `flashpoint.store.ids`); a report ties an event to the document and sentence that state it, and a
claim hangs off a report.  An `events` row is an event *cluster*: corroboration
(`flashpoint.corroborate`) links every report of the same happening to one row, which keeps the id of its
first report.  `signatures` and `lsh_bands` hold the MinHash state that syndication compares new documents
against; `alerts` and `alert_outbox` hold flashpoint alerts and the webhook deliveries waiting to be sent.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
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

from flashpoint.records import STANCES

__all__ = [
    "SCHEMA_VERSION",
    "STANCE_CHECK",
    "alert_outbox",
    "alerts",
    "claims",
    "documents",
    "events",
    "lsh_bands",
    "meta",
    "metadata",
    "place_mentions",
    "places",
    "posts",
    "rejections",
    "reports",
    "sentences",
    "signatures",
]

STANCE_CHECK = "stance IN (" + ", ".join(f"'{s}'" for s in STANCES) + ")"

# 2: clusters, origin ids, MinHash state, alerts.  Later changes are Alembic revisions (migrations/).
SCHEMA_VERSION = "2"

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # "doc_" + 16 hex of the content hash
    Column("ref", Text, nullable=False),  # the id the document had in the pipeline (Document.id)
    Column("hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("origin", Text),
    Column("origin_id", Text),  # the syndication group: see flashpoint.corroborate.syndication
    Column("published", Date),
    Column("url", Text),
    Column("source", Text),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index(None, documents.c.ref)
Index(None, documents.c.published)
Index(None, documents.c.origin_id)

posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("author", Text),
    Column("handle", Text),
    Column("published", Date),
    Column("url", Text),
)
Index(None, posts.c.document_id)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("index", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", String(64), primary_key=True),  # geonameid or "fp:…"
    Column("name", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("feature_class", String(4)),
    Column("feature_code", String(16)),
    Column("population", Integer, nullable=False, default=0),
    CheckConstraint("lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180", name="coordinates"),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("place_id", ForeignKey("places.id")),
    Column("precision", Integer),
    Column("score", Float, nullable=False, default=0.0),
    Column("sentence", Integer, nullable=False, default=-1),
    Column("demonym", Boolean, nullable=False, default=False),
    CheckConstraint("precision IS NULL OR precision IN (1, 2, 3)", name="precision"),
)
Index(None, place_mentions.c.document_id)
Index(None, place_mentions.c.place_id)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),  # "ev_" + 16 hex, stable across re-runs
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("actor_country", String(8)),
    Column("actor_sector", String(16)),
    Column("actor_name", Text),
    Column("actor_text", Text),
    Column("recipient_country", String(8)),
    Column("recipient_sector", String(16)),
    Column("recipient_name", Text),
    Column("recipient_text", Text),
    Column("negated", Boolean, nullable=False, default=False),
    Column("aux_modes", Text, nullable=False, default=""),  # comma-separated PLOVER auxiliary modes
    Column("happened", Boolean, nullable=False, default=True),
    Column("place_id", ForeignKey("places.id")),
    Column("place_name", Text),
    Column("place_surface", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", Integer),
    Column("place_country", String(8)),
    Column("admin1", Text),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("cameo_root", String(4)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("fatalities", Integer),
    # corroboration: the date clustering compares (the event's, else its document's), independent origins
    # among the reports, and the strongest stance among their claims
    Column("cluster_date", Date),
    Column("origins", Integer, nullable=False, default=1),
    Column("stance", String(32)),
    Column("co_actors", Text),  # migration 0004: other members of a compound initiating actor, "; "-joined
    CheckConstraint("lat IS NULL OR lat BETWEEN -90 AND 90", name="lat"),
    CheckConstraint("lon IS NULL OR lon BETWEEN -180 AND 180", name="lon"),
    CheckConstraint("precision IS NULL OR precision IN (1, 2, 3)", name="precision"),
    CheckConstraint(
        "date_precision IS NULL OR date_precision IN ('day', 'week', 'month', 'year')", name="date_precision"
    ),
    CheckConstraint("fatalities IS NULL OR fatalities >= 0", name="fatalities"),
)
Index(None, events.c.date)
Index(None, events.c.type)
Index(None, events.c.actor_country)
Index(None, events.c.recipient_country)
Index(None, events.c.place_country)
Index(None, events.c.lat, events.c.lon)
# migration 0005: a date range and a bounding box, the page of ids read from the index alone
Index(None, events.c.date, events.c.lat, events.c.lon, events.c.id)
Index(None, events.c.cluster_date)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("own_id", String(32)),  # the id this report's event would have on its own (flashpoint.store.ids)
    Column("origin_key", Text),  # its independent source: the document's origin id, or "post:@handle"
    Column("stance", String(32)),  # the strongest stance among its claims ("asserted" when it has none)
    # migration 0004: the place this report gives the event (the cluster's place is the first report's)
    Column("place_id", String(64)),
    Column("place_name", Text),
    Column("place_surface", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", Integer),
    UniqueConstraint("event_id", "document_id", "sentence", "trigger_start"),
)
Index(None, reports.c.document_id)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("claimant", Text),
    Column("claimant_country", String(8)),
    Column("claimant_sector", String(16)),
    Column("channel", Text),
    Column("stance", String(32), nullable=False),
    Column("quote", Text),
    Column("quote_start", Integer),
    Column("quote_end", Integer),
    Column("chain", Text, nullable=False, default="[]"),  # JSON list, outermost claimant first
    Column("anonymous", Boolean, nullable=False, default=False),
    CheckConstraint(STANCE_CHECK, name="stance"),  # migration 0003: the nine stances
)
Index(None, claims.c.event_id)
Index(None, claims.c.report_id)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index(None, rejections.c.at)

signatures = Table(
    "signatures",
    metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),  # the MinHash hash values, little-endian uint64
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("key", String(32), primary_key=True),  # two digits of band number, then 16 hex of its hash
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(32), primary_key=True),  # "al_" + 16 hex of the actor pair and the place
    Column("status", String(8), nullable=False),
    Column("actor_a", String(8), nullable=False),
    Column("actor_b", String(8), nullable=False),
    Column("place_id", Text),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("severity", String(8), nullable=False),
    Column("score", Float, nullable=False),
    Column("trend", String(16), nullable=False),
    Column("first_date", Date),
    Column("last_date", Date),
    Column("evidence", Text, nullable=False),  # JSON: the Flashpoint record's evidence
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
    CheckConstraint("status IN ('open', 'closed')", name="status"),
)
Index(None, alerts.c.updated_at)

alert_outbox = Table(
    "alert_outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", String(32), nullable=False),
    Column("payload", Text, nullable=False),  # the JSON body to POST
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    Column("last_error", Text),
)
Index(None, alert_outbox.c.sent_at, alert_outbox.c.next_attempt_at)
