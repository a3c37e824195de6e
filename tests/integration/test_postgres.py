"""The same application code on a real PostgreSQL server (what a multi-clerk office or a province runs)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from canbo_desktop.db.base import Base, synced_tables
from canbo_desktop.db.models import AuditRecord, CadreRecord, ChangeLogRecord
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.demo import create_demo_database
from canbo_desktop.services.maintenance import check_database, table_counts
from tests.integration.test_unit_of_work import make_row

pytestmark = pytest.mark.postgres


def test_migration_creates_the_models_on_postgres(pg_db) -> None:
    assert pg_db.engine.dialect.name == "postgresql"
    with pg_db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "target_metadata": Base.metadata,
                                                     "include_name": lambda n, t, p: n != "alembic_version"})
        assert compare_metadata(ctx, Base.metadata) == []


@pytest.mark.parametrize("table_name", ["cadre", "decision", "evaluation", "org_unit", "cadre_family", "rule_set"])
def test_tracking_on_postgres(pg_db, table_name: str) -> None:
    assert table_name in synced_tables()
    uowf = pg_db.uow("chuyenvien")
    with uowf() as uow:
        row = make_row(uow, table_name, {})
        rid = row.id
        uow.commit()
    with uowf() as uow:
        logs = uow.session.scalars(select(ChangeLogRecord).where(ChangeLogRecord.row_id == rid)).all()
        assert [(x.op, x.rev) for x in logs] == [("I", 1)]
        assert uow.session.scalars(select(AuditRecord.action).where(AuditRecord.entity_id == rid)).all() == ["insert"]


def test_demo_search_and_check_on_postgres(pg_db) -> None:
    create_demo_database(pg_db, size="small", seed=7)
    counts = table_counts(pg_db)
    assert counts["cadre"] == 122 and counts["evaluation"] > 400
    uowf = pg_db.uow("t")
    assert search_cadres(uowf, "dang viet")[0].full_name == "Đặng Quốc Việt"
    assert search_cadres(uowf, "Nguyễn Thị Hồng Nhung")[0].full_name == "Nguyễn Thị Hồng Nhung"
    assert [r.full_name for r in search_cadres(uowf, "0790")] == ["Phạm Hữu Đức"]
    hoa = [r.full_name for r in search_cadres(uowf, "Hòa", limit=200)]
    assert "Trần Thị Hoà" in hoa and "Bùi Thị Hòa" in hoa
    result = check_database(pg_db)
    assert result["ok"] and result["backend"] == "postgresql"
    with uowf() as uow:
        assert uow.session.scalar(select(CadreRecord.full_name).where(CadreRecord.id_number == "040075001234")) == "Đặng Quốc Việt"
