"""Index events on (date, lat, lon, id): the map's page of a date range and a box is read from the index alone.

The (date, lat, lon) index of 0002 still sent every matching row to the table for its id; with the id in
the index SQLite answers the page (`flashpoint.api.search.find_events`) without touching the table
(`bench/scale.py`: on a million events the page step fell from ~24 ms to ~1 ms). It replaces 0002's index.

Revision ID: 0005_events_page_index
Revises: 0004_report_places
"""

from __future__ import annotations

from alembic import op

revision = "0005_events_page_index"
down_revision: str | None = "0004_report_places"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Replace ix_events_date_lat_lon with ix_events_date_lat_lon_id."""
    op.create_index(op.f("ix_events_date_lat_lon_id"), "events", ["date", "lat", "lon", "id"], unique=False)
    op.drop_index(op.f("ix_events_date_lat_lon"), table_name="events")


def downgrade() -> None:
    """Put 0002's index back."""
    op.create_index(op.f("ix_events_date_lat_lon"), "events", ["date", "lat", "lon"], unique=False)
    op.drop_index(op.f("ix_events_date_lat_lon_id"), table_name="events")
