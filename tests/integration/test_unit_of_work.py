"""Every mutation of every synced table writes its change-log and audit rows in the same transaction.

The tables are enumerated from the metadata: a new synced table that the unit of work does not track
makes this test fail until it does.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, Table, select

from canbo_desktop.db.base import Base, synced_tables
from canbo_desktop.db.models import AuditRecord, CadreRecord, ChangeLogRecord
from canbo_desktop.db.uow import UnitOfWork, audit_hash
from canbo_desktop.services.database import Database
from tests.dbcheck import rows as sql_rows


def _model_for(table: Table) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_
    raise LookupError(table.name)


def _value(col: Any, n: int) -> Any:
    t = col.type
    if isinstance(t, DateTime):
        return datetime(2026, 1, 2, 3, 4, 5)
    if isinstance(t, Date):
        return date(2020, 1, 1 + n % 28)
    if isinstance(t, Boolean):
        return False
    if isinstance(t, Integer):
        return 1 + n
    if isinstance(t, Numeric | Float):
        return 2.34
    if isinstance(t, JSON):
        return {}
    length = getattr(t, "length", None) or 20
    return f"v{n}"[:length]


def make_row(uow: UnitOfWork, table_name: str, cache: dict[str, str], n: int = 0) -> Any:
    """A minimal valid row of ``table_name`` (creating its required parents first)."""
    table = Base.metadata.tables[table_name]
    model = _model_for(table)
    values: dict[str, Any] = {}
    for col in table.columns:
        if col.primary_key or col.name in ("rev", "hlc", "origin_node", "updated_by", "updated_at", "deleted"):
            continue
        fks = list(col.foreign_keys)
        if fks:
            if col.nullable:
                continue
            parent = fks[0].column.table.name
            if parent not in cache:
                cache[parent] = make_row(uow, parent, cache, n + 1).id
            values[col.name] = cache[parent]
            continue
        if col.nullable or col.default is not None:
            continue
        values[col.name] = _value(col, n)
    if table_name == "cadre":
        values.update(full_name="Nguyễn Văn An", family_name="Nguyễn", given_name="An", sex="M")
    row = model(**values)
    uow.session.add(row)
    uow.session.flush()
    return row


def _content_column(table: Table) -> str:
    skip = {"id", "rev", "hlc", "origin_node", "updated_by", "updated_at", "deleted", "name_sort_key",
            "search_fold", "search_exact", "search_info"}
    for col in table.columns:
        if col.name in skip or col.foreign_keys or col.primary_key:
            continue
        if isinstance(col.type, DateTime | Date | Boolean | JSON | Integer | Numeric | Float):
            continue
        return col.name
    raise LookupError(table.name)


def test_synced_tables_are_enumerated() -> None:
    names = synced_tables()
    assert {"cadre", "decision", "evaluation", "org_unit", "cadre_training", "cadre_family"} <= set(names)
    for name in names:
        cols = Base.metadata.tables[name].c
        for c in ("id", "rev", "hlc", "origin_node", "updated_by", "deleted"):
            assert c in cols, f"{name} lacks {c}"


@pytest.mark.parametrize("table_name", synced_tables())
def test_insert_update_delete_are_tracked(empty_db: Database, table_name: str) -> None:
    uowf = empty_db.uow("chuyenvien1")
    with uowf() as uow:
        row = make_row(uow, table_name, {})
        row_id = row.id
        changes = uow.commit()
    assert row_id in changes.created[table_name]

    with uowf() as uow:
        logs = uow.session.scalars(select(ChangeLogRecord).where(ChangeLogRecord.row_id == row_id)).all()
        assert [(log.table_name, log.op, log.rev, log.base_rev) for log in logs] == [(table_name, "I", 1, 0)]
        assert logs[0].actor == "chuyenvien1"
        audit = uow.session.scalars(select(AuditRecord).where(AuditRecord.entity_id == row_id)).all()
        assert [a.action for a in audit] == ["insert"]

    column = _content_column(Base.metadata.tables[table_name])
    with uowf() as uow:
        rec = uow.session.get(_model_for(Base.metadata.tables[table_name]), row_id)
        old = getattr(rec, column)
        setattr(rec, column, "Đã sửa")
        uow.commit()
    with uowf() as uow:
        rec = uow.session.get(_model_for(Base.metadata.tables[table_name]), row_id)
        assert rec.rev == 2 and rec.updated_by == "chuyenvien1" and rec.hlc
        last = uow.session.scalars(
            select(ChangeLogRecord).where(ChangeLogRecord.row_id == row_id).order_by(ChangeLogRecord.seq.desc())
        ).first()
        assert (last.op, last.rev, last.base_rev, last.changed_fields) == ("U", 2, 1, [column])
        audit = uow.session.scalars(
            select(AuditRecord).where(AuditRecord.entity_id == row_id).order_by(AuditRecord.seq.desc())
        ).first()
        assert audit.action == "update" and audit.changes[column] == [old, "Đã sửa"]
        rec.deleted = True
        uow.commit()
    with uowf() as uow:
        last = uow.session.scalars(
            select(ChangeLogRecord).where(ChangeLogRecord.row_id == row_id).order_by(ChangeLogRecord.seq.desc())
        ).first()
        assert (last.op, last.rev) == ("D", 3)


def test_rollback_leaves_neither_row_nor_tracking(empty_db: Database) -> None:
    uowf = empty_db.uow("a")
    with pytest.raises(RuntimeError):
        with uowf() as uow:
            make_row(uow, "cadre", {})
            raise RuntimeError("power cut")
    with uowf() as uow:
        assert uow.session.scalar(select(CadreRecord.id)) is None
        assert uow.session.scalar(select(ChangeLogRecord.seq)) is None
        assert uow.session.scalar(select(AuditRecord.seq)) is None


def test_text_is_stored_nfc_and_search_fields_follow(empty_db: Database) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    mixed = "Nguy\u00ea\u0303n Th\u1ecb H\u00f4\u0300ng Nhung"  # Windows keyboard: ê + combining tilde
    uowf = empty_db.uow("a")
    ids = []
    for name in (nfd, mixed):
        with uowf() as uow:
            row = make_row(uow, "cadre", {})
            row.full_name = name
            row.family_name, row.middle_name, row.given_name = "", "", ""
            row.hometown = unicodedata.normalize("NFD", "Thanh Hoá")
            ids.append(row.id)
            uow.commit()
    for cid in ids:
        full, home, fold = sql_rows(empty_db, "SELECT full_name, hometown, search_fold FROM cadre WHERE id = ?", cid)[0]
        assert full == "Nguyễn Thị Hồng Nhung" and unicodedata.is_normalized("NFC", full)
        assert unicodedata.is_normalized("NFC", home)
        assert fold == "nguyen thi hong nhung"


def test_audit_rows_form_a_hash_chain(empty_db: Database) -> None:
    uowf = empty_db.uow("a")
    for _ in range(3):
        with uowf() as uow:
            make_row(uow, "cadre", {})
            uow.commit()
    with uowf() as uow:
        rows = uow.session.scalars(select(AuditRecord).order_by(AuditRecord.seq)).all()
        uow.session.expunge_all()
    prev = ""
    assert len(rows) >= 3
    for r in rows:
        assert r.prev_hash == prev
        entry = {"id": r.id, "at": r.at.isoformat(), "actor": r.actor, "node_id": r.node_id, "action": r.action,
                 "entity": r.entity, "entity_id": r.entity_id, "changes": r.changes}
        assert r.hash == audit_hash(prev, entry)
        prev = r.hash
