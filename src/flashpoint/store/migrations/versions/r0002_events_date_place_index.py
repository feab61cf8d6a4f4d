"""Index events on (date, lat, lon): a date range with a bounding box reads the index, not the table.

Revision ID: 0002_events_date_lat_lon
Revises: 0001_baseline
"""

from __future__ import annotations

from alembic import op

revision = "0002_events_date_lat_lon"
down_revision: str | None = "0001_baseline"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add ix_events_date_lat_lon."""
    op.create_index(op.f("ix_events_date_lat_lon"), "events", ["date", "lat", "lon"], unique=False)


def downgrade() -> None:
    """Drop ix_events_date_lat_lon."""
    op.drop_index(op.f("ix_events_date_lat_lon"), table_name="events")
