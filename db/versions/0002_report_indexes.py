"""report indexes

The reports' covering index on ``cadre`` (``ix_cadre_report``) was added to revision 0001 after databases had
been created from it: those lack it and their reports read the 1.4 kB rows and sort every person by unit.
This revision creates it where it is missing, and adds the covering index of the training lines that the
reports look up per person (``ix_cadre_training_report``: the leaders' "trained within N months", the
qualifications rebuilt at a past date) instead of reading each training row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 08:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the definitions in canbo_desktop/db/models.py at this revision.
CADRE_REPORT_COLUMNS = [
    "status", "owner_unit_id", "deleted", "trashed_at", "title_code", "sex", "birth_date", "birth_precision",
    "category", "ethnicity_code", "religion_code", "hometown_province_code", "grade_code", "education_level",
    "political_theory", "state_mgmt", "party_join_date", "recruitment_date", "id",
]
TRAINING_REPORT_COLUMNS = ["cadre_id", "kind", "deleted", "to_date", "course_id", "level_code"]


def upgrade() -> None:
    op.create_index("ix_cadre_report", "cadre", CADRE_REPORT_COLUMNS, unique=False, if_not_exists=True)
    op.create_index("ix_cadre_training_report", "cadre_training", TRAINING_REPORT_COLUMNS, unique=False,
                    if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_cadre_training_report", table_name="cadre_training")
