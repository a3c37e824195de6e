"""The audit log's hash chain: an edited, a deleted and an inserted row are each found and named; the viewer's
filters; ``canbo audit verify|list`` exit codes and JSON."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from canbo_desktop.cli.main import main
from canbo_desktop.db.models import CadreRecord
from canbo_desktop.db.uow import audit_hash
from canbo_desktop.services.audit import AuditFilter, describe_changes, facets, list_entries, verify_chain
from canbo_desktop.services.database import Database, open_database


@pytest.fixture(autouse=True)
def _trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI calls here test audit/backup/locking, not the login (tests/integration/test_cli*.py do)."""
    monkeypatch.setenv("CANBO_CLI_TRUST", "1")


def _edit_a_cadre(db: Database, phone: str) -> str:
    with db.uow("can-bo-a")() as uow:
        c = uow.session.scalars(select(CadreRecord).order_by(CadreRecord.id).limit(1)).one()
        c.phone = phone
        uow.commit()
        return c.id


def _chain_rows(path: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT seq, hash, prev_hash FROM audit_log ORDER BY seq").fetchall()
    finally:
        con.close()


def _sql(path: Path, *statements: tuple[str, tuple[Any, ...]]) -> None:
    con = sqlite3.connect(path)
    try:
        for sql, params in statements:
            con.execute(sql, params)
        con.commit()
    finally:
        con.close()


@pytest.fixture
def audited(demo_db_path: Path) -> Path:
    """The small demo with a few edits on top (so the chain has rows written by the unit of work)."""
    db = open_database(str(demo_db_path))
    try:
        for i in range(3):
            _edit_a_cadre(db, f"09120000{i:02d}")
        with db.uow("can-bo-a")() as uow:
            uow.audit("export", "cadre", "", {"file": "danh-sach.xlsx", "rows": 12})
            uow.commit()
    finally:
        db.close()
    return demo_db_path


def _verify(path: Path) -> Any:
    db = open_database(str(path))
    try:
        return verify_chain(db.uow("kiem-tra"))
    finally:
        db.close()


def test_an_untouched_chain_verifies(audited: Path) -> None:
    r = _verify(audited)
    rows = _chain_rows(audited)
    assert r.ok and r.kind == "" and r.checked == len(rows) > 10
    assert r.head_hash == rows[-1][1]
    assert "toàn vẹn" in r.message


def test_an_edited_row_is_named(audited: Path) -> None:
    _sql(audited, ("UPDATE audit_log SET actor = 'ke-gian' WHERE seq = 10", ()))
    r = _verify(audited)
    assert not r.ok and r.kind == "edited" and r.first_bad_seq == 10
    assert "dòng số 10" in r.message and "ke-gian" in r.message


def test_an_edit_with_its_hash_recomputed_is_still_found(audited: Path) -> None:
    con = sqlite3.connect(audited)
    row = con.execute("SELECT id, at, actor, node_id, action, entity, entity_id, changes, prev_hash FROM audit_log "
                      "WHERE seq = 12").fetchone()
    con.close()
    entry = {"id": row[0], "at": datetime.fromisoformat(row[1]).isoformat(), "actor": "ke-gian", "node_id": row[3],
             "action": row[4], "entity": row[5], "entity_id": row[6], "changes": json.loads(row[7])}
    forged = audit_hash(row[8], entry)
    _sql(audited, ("UPDATE audit_log SET actor = 'ke-gian', hash = ? WHERE seq = 12", (forged,)))
    r = _verify(audited)
    assert not r.ok and r.kind == "edited" and r.first_bad_seq == 12
    assert "dòng số 12" in r.message


def test_a_deleted_row_is_named(audited: Path) -> None:
    _sql(audited, ("DELETE FROM audit_log WHERE seq = 20", ()))
    r = _verify(audited)
    assert not r.ok and r.kind == "deleted" and r.first_bad_seq == 20
    assert "xoá dòng số 20" in r.message


def test_deleted_first_rows_are_found(audited: Path) -> None:
    _sql(audited, ("DELETE FROM audit_log WHERE seq <= 2", ()))
    r = _verify(audited)
    assert not r.ok and r.kind == "deleted" and r.first_bad_seq == 3


def test_an_inserted_row_is_named(audited: Path) -> None:
    rows = _chain_rows(audited)
    prev = dict((s, h) for s, h, _ in rows)[30]
    entry = {"id": "019b0000-0000-7000-8000-000000000000", "at": "2026-01-01T08:00:00", "actor": "ke-gian",
             "node_id": "", "action": "update", "entity": "cadre", "entity_id": "x", "changes": {"phone": ["1", "2"]}}
    con = sqlite3.connect(audited)
    try:
        for seq in sorted((s for s, _, _ in rows if s > 30), reverse=True):  # make room at 31
            con.execute("UPDATE audit_log SET seq = seq + 1 WHERE seq = ?", (seq,))
        con.execute("INSERT INTO audit_log (seq, id, at, actor, node_id, action, entity, entity_id, changes, prev_hash, "
                    "hash) VALUES (31, ?, '2026-01-01 08:00:00.000000', 'ke-gian', '', 'update', 'cadre', 'x', ?, ?, ?)",
                    (entry["id"], json.dumps(entry["changes"]), prev, audit_hash(prev, entry)))
        con.commit()
    finally:
        con.close()
    r = _verify(audited)
    assert not r.ok and r.kind == "inserted" and r.first_bad_seq == 31
    assert "chèn" in r.message and "dòng số 31" in r.message


def test_filters_and_readable_changes(audited: Path) -> None:
    db = open_database(str(audited))
    try:
        uowf = db.uow("xem")
        mine = list_entries(uowf, AuditFilter(actor="can-bo-a"))
        assert len(mine) == 4 and all(e.actor == "can-bo-a" for e in mine)
        assert mine[0].action == "export"  # newest first
        edits = list_entries(uowf, AuditFilter(actor="can-bo-a", action="update", entity="cadre"))
        assert len(edits) == 3
        lines = describe_changes(edits[0])
        assert "phone: 0912000001 → 0912000002" in lines
        today = date.today()
        assert len(list_entries(uowf, AuditFilter(actor="can-bo-a", date_from=today, date_to=today))) == 4
        assert list_entries(uowf, AuditFilter(actor="can-bo-a", date_to=date(2000, 1, 1))) == []
        f = facets(uowf)
        assert "can-bo-a" in f.actors and "export" in f.actions and "cadre" in f.entities and f.count > 10
    finally:
        db.close()


def test_cli_verify_and_list(audited: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(audited), "audit", "verify", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)["ok"] is True
    assert main(["--db", str(audited), "audit", "list", "--actor", "can-bo-a", "--action", "update", "--json"]) == 0
    out, _ = capsys.readouterr()
    listed = json.loads(out)
    assert len(listed) == 3 and listed[0]["changes"]["phone"] == ["0912000001", "0912000002"]
    assert main(["--db", str(audited), "audit", "list", "--from", "2026-02-30"]) == 2
    _, err = capsys.readouterr()
    assert "không hợp lệ" in err

    _sql(audited, ("DELETE FROM audit_log WHERE seq = 15", ()))
    assert main(["--db", str(audited), "audit", "verify"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "dòng số 15" in err
