"""A full package applied with set-based SQL (issue 13) decides exactly what the row-by-row path decides.

On an SQLite receiver the snapshot of a full package is ATTACHed and its new rows copied with ``INSERT … SELECT``
(``importer._snapshot_sql``); any other receiver (PostgreSQL) reads it row by row (``importer._snapshot_rows``).
The same package is applied both ways to two copies of the district, and everything a clerk could see is
compared: the rows, the change log the district forwards upward, the conflicts, the counts, and search.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db import sync as repo
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.sync import importer
from canbo_desktop.services.sync.export import EXPORT_TABLES
from tests.integration.sync_fixtures import Office, carry, checkpoint, clone, sync_trio  # noqa: F401 (fixture)
from tests.unit.domain.vietnamese import ms_keyboard_form, nfd


@pytest.fixture
def trio(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[dict[str, Office]]:  # noqa: F811
    o = clone(sync_trio, tmp_path)
    yield o
    for x in o.values():
        x.db.close()


def _content(office: Office) -> dict[str, Any]:
    with office.uowf() as uow:
        conn = uow.session.connection()
        rows = {t: {r["id"]: r for r in repo.iter_rows(conn, t)} for t in EXPORT_TABLES}
        log = sorted(conn.exec_driver_sql(
            "SELECT table_name, row_id, op, rev, base_rev, hlc, origin_node, changed_fields, actor "
            "FROM sync_change_log").all())
        conflicts = sorted((c.kind, c.table_name, c.row_id, c.status) for c in uow.session.scalars(
            select(m.SyncConflictRecord)))
        search = conn.exec_driver_sql("SELECT count(*) FROM cadre WHERE search_rowid IS NOT NULL").scalar()
    return {"rows": rows, "log": log, "conflicts": conflicts, "searchable": search}


def test_full_package_set_based_equals_row_by_row(trio: dict[str, Office], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    d, a, b = trio["D"], trio["A"], trio["B"]
    # B's person is at the district already; A now has a person with the same CCCD (a transfer?)
    b.add_cadre("Trần Văn Bình", id_number="040180007777")
    carry(b, d)
    a.add_cadre("Trần Văn Bình", id_number="040180007777")
    # A's person already at the district, edited since: classified, not copied
    a.edit(m.CadreRecord, a.info, phone="0912345678")
    # a tombstone, and text that is not NFC in A's file (an old client, a repair tool…)
    gone = a.add_cadre("Lò Văn Páo", id_number="040170003333")
    a.edit(m.CadreRecord, gone, deleted=True)
    odd = a.add_cadre("Hoàng Thị Thuỷ")
    checkpoint(a)
    con = sqlite3.connect(a.path)
    try:
        con.execute("UPDATE cadre SET full_name = ?, hometown = ? WHERE id = ?",
                    (nfd("Hoàng Thị Thuỷ"), ms_keyboard_form("Xã Quỳnh Lưu, tỉnh Nghệ An"), odd))
        con.execute("UPDATE cadre_family SET full_name = ? WHERE cadre_id = ?", (nfd("Lê Thị Mận"), odd))
        con.commit()
    finally:
        con.close()
    res = a.export(full=True)
    assert res.kind == "full"
    (tmp_path / "row-by-row").mkdir()
    d2 = clone({"D": d}, tmp_path / "row-by-row")["D"]
    try:
        calls: list[str] = []

        def spy(name: str, real: Any) -> Any:
            def wrapped(*args: Any, **kw: Any) -> Any:
                calls.append(name)
                return real(*args, **kw)
            return wrapped

        preview = d.import_(res.path, dry_run=True)  # the wizard's preview: the same counts, nothing written
        assert preview.status == "preview", preview.reason
        with monkeypatch.context() as mp:
            mp.setattr(importer, "_snapshot_sql", spy("sql", importer._snapshot_sql))
            mp.setattr(importer, "_snapshot_rows", spy("rows", importer._snapshot_rows))
            set_based = d.import_(res.path, ack_dir=d.stick)
            assert set_based.status == "applied", set_based.reason
            assert "sql" in calls and calls.count("rows") == 1, calls  # org_unit only (parents first, in Python)
            calls.clear()
            mp.setattr(repo.Snapshot, "attach", lambda self, conn: "")  # the PostgreSQL path: row by row
            row_by_row = d2.import_(res.path, ack_dir=d2.stick)
            assert row_by_row.status == "applied", row_by_row.reason
            assert "sql" not in calls and "rows" in calls, calls
        assert set_based.counts == row_by_row.counts == preview.counts
        assert set_based.counts["changed"] >= 1 and set_based.counts["deleted"] == 1
        assert set_based.counts["cccd"] == 1 and set_based.counts["new"] >= 3
        assert set_based.preview is not None and row_by_row.preview is not None
        assert set_based.preview.by_table == row_by_row.preview.by_table
        one, two = _content(d), _content(d2)
        assert one["rows"] == two["rows"]
        assert one["log"] == two["log"]
        assert one["conflicts"] == two["conflicts"] and ("cccd", "cadre") in {c[:2] for c in one["conflicts"]}
        assert one["searchable"] == two["searchable"]
        row = one["rows"]["cadre"][odd]
        assert row["full_name"] == "Hoàng Thị Thuỷ" and unicodedata.is_normalized("NFC", row["hometown"])
        assert {r["full_name"] for r in one["rows"]["cadre_family"].values() if r["cadre_id"] == odd} == {"Lê Thị Mận"}
        assert [c.full_name for c in search_cadres(d.uowf, "hoang thi thuy")] == ["Hoàng Thị Thuỷ"]
        # the snapshot is detached again: the next import on the same pooled connection starts clean
        with d.uowf() as uow:
            names = [r[1] for r in uow.session.connection().exec_driver_sql("PRAGMA database_list")]
        assert not any(n.startswith("snapin_") for n in names), names
    finally:
        d2.db.close()


@pytest.mark.parametrize(("values", "bad"), [
    (("abc", None, 3, "Nguyễn Thị Thuỷ"), 0),
    (("abc", nfd("Nguyễn")), 1),
    ((ms_keyboard_form("Quỳnh"),), 1),
    (("e", "\u0301x"), 0),  # each value NFC on its own: joining them must not make a composition
    ((b"\x00\xff", "Đặng – “a”"), 0),
    ((), 0),
])
def test_row_nfc_check(values: tuple[Any, ...], bad: int) -> None:
    assert repo._not_nfc(*values) == bad
    assert bad == int(any(isinstance(v, str) and not unicodedata.is_normalized("NFC", v) for v in values))


def test_every_column_the_orm_keeps_nfc_is_checked() -> None:
    from sqlalchemy.types import TypeDecorator

    for t in EXPORT_TABLES:
        cols = repo.synced_columns(t)
        checked = set(repo.nfc_columns(t, cols))
        assert {c.name for c in repo.table(t).c if isinstance(c.type, TypeDecorator) and c.name in cols} <= checked
