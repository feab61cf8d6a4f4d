"""The nine claim stances of ../shared/CLAIMS.md: "negated" and "claimed_responsibility" join the seven.

The stance columns widen to 32 characters ("claimed_responsibility" has 22) and the claims check
constraint lists the nine.  Existing rows keep their values, all of which the new constraint allows.

Revision ID: 0003_nine_stances
Revises: 0002_events_date_lat_lon
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_nine_stances"
down_revision: str | None = "0002_events_date_lat_lon"
branch_labels: str | None = None
depends_on: str | None = None

_SEVEN = "'asserted', 'reported', 'alleged', 'threatened', 'denied', 'hypothetical', 'future'"
_NINE = (
    "'claimed_responsibility', 'denied', 'threatened', 'negated', 'hypothetical', 'future', "
    "'alleged', 'reported', 'asserted'"
)


def _stances(values: str, width: int) -> None:
    for table in ("events", "reports"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("stance", type_=sa.String(length=width), existing_nullable=True)
    with op.batch_alter_table("claims") as batch:
        batch.drop_constraint(op.f("ck_claims_stance"), type_="check")
        batch.alter_column("stance", type_=sa.String(length=width), existing_nullable=False)
        batch.create_check_constraint(op.f("ck_claims_stance"), f"stance IN ({values})")


def upgrade() -> None:
    """Widen the stance columns and allow the nine stances."""
    _stances(_NINE, 32)


def downgrade() -> None:
    """Back to the seven stances (fails while a claim holds one of the two new ones)."""
    _stances(_SEVEN, 16)
