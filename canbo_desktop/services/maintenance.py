"""Counts and health checks of a database."""

from __future__ import annotations

from typing import Any

from canbo_desktop.db.migrate import current_revision, head_revision
from canbo_desktop.db.repositories import StatsRepository
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info


def table_counts(db: Database) -> dict[str, int]:
    """Rows per table (live rows: tombstones are not counted)."""
    with db.uow("system")() as uow:
        return StatsRepository(uow.session).table_counts()


def check_database(db: Database) -> dict[str, Any]:
    """Integrity, foreign keys, search index and schema version; ``ok`` is False if anything is wrong."""
    with db.uow("system")() as uow:
        result = StatsRepository(uow.session).integrity()
        office = office_info(uow)
    cur = current_revision(db.engine)
    head = head_revision()
    result.update(
        schema_version=cur,
        app_schema_version=head,
        backend=db.engine.dialect.name,
        database=db.display,
        office=None if office is None else {"code": office.unit_code, "name": office.unit_name},
    )
    result["ok"] = (
        result["integrity"] == "ok"
        and result["foreign_key_violations"] == 0
        and result.get("search_index", "ok") == "ok"
        and cur == head
    )
    return result


def open_conflicts(db_uowf: Any) -> int:
    """How many sync conflicts wait for a person (shown in the status bar until zero)."""
    from sqlalchemy import func, select

    from canbo_desktop.db.models import SyncConflictRecord

    with db_uowf() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(SyncConflictRecord)
                                      .where(SyncConflictRecord.status == "open")) or 0)
