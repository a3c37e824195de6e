"""index of the folded names

An Excel import matches the rows that give only a year (or a month) of birth against the people of the same
name, folded (``cadre.search_fold``, no diacritics, lower case). Without an index that read every person of the
database (0.14 s of a 10,000-row import's check on 100,000 people, issue 13); with it, a look-up per name.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 12:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cadre_search_fold", "cadre", ["search_fold"], unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_cadre_search_fold", table_name="cadre")
