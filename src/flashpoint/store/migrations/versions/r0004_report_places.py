"""Each report keeps its own place (beside the cluster's place), and each event its associated actors.

An event cluster has one place (its first report's), but each report may place the event elsewhere (the
convoy "stopped around Kafr Halab" while the cluster sits at Idlib).  Adds to `reports`: place_id,
place_name, place_surface, lat, lon and precision, all nullable.  Reports stored before this revision have
no place of their own (NULL): their documents would have to be parsed again to know it.

Adds to `events`: co_actors, the other members of a compound initiating actor ("Jordan and Britain"),
"; "-separated (ACLED's assoc_actor_1); NULL for events stored before.

Revision ID: 0004_report_places
Revises: 0003_nine_stances
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_report_places"
down_revision: str | None = "0003_nine_stances"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = (
    ("place_id", sa.String(length=64)),
    ("place_name", sa.Text()),
    ("place_surface", sa.Text()),
    ("lat", sa.Float()),
    ("lon", sa.Float()),
    ("precision", sa.Integer()),
)


def upgrade() -> None:
    """Add the report's own place columns and the event's co-actors."""
    with op.batch_alter_table("reports") as batch:
        for name, kind in _COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("co_actors", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop the report's own place columns and the event's co-actors."""
    with op.batch_alter_table("events") as batch:
        batch.drop_column("co_actors")
    with op.batch_alter_table("reports") as batch:
        for name, _kind in reversed(_COLUMNS):
            batch.drop_column(name)
