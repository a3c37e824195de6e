"""The audit trails received with sync packages: a commune's entries listed at the district (by source, with the
viewer's filters), and their verification: a byte changed in the stored file, or an entry rewritten with a
consistent file hash, is reported."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.services.audit import (
    AuditFilter,
    list_entries,
    list_received,
    received_facets,
    received_sources,
    verify_chain,
    verify_received,
)
from canbo_desktop.ui.pages.audit_page import PAGE, AuditDialog
from canbo_desktop.ui.tasks import TaskRunner
from tests.integration.sync_fixtures import Office, carry, checkpoint, clone, sync_trio  # noqa: F401 (fixture)


@pytest.fixture
def offices(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[dict[str, Office]]:  # noqa: F811
    out = clone(sync_trio, tmp_path)
    yield out
    for o in out.values():
        o.db.close()


def _stored_files(d: Office) -> list[tuple[str, str]]:
    """(package id, audit_sha256) of the packages the district received, in the order received."""
    with d.uowf() as uow:
        rows = uow.session.scalars(select(m.SyncPackageRecord).where(m.SyncPackageRecord.direction == "in")
                                   .order_by(m.SyncPackageRecord.at, m.SyncPackageRecord.seq)).all()
        return [(r.package_id, str(r.counts.get("audit_sha256") or "")) for r in rows
                if r.counts.get("audit_sha256")]


def _send_an_edit(offices: dict[str, Office]) -> tuple[Office, Office, str]:
    d, a = offices["D"], offices["A"]
    a.edit(m.CadreRecord, a.info, phone="0912345678")
    carry(a, d)
    return d, a, a.node_id()


def test_the_district_lists_the_communes_entries_with_the_filters(offices: dict[str, Office]) -> None:
    d, a, node = _send_an_edit(offices)
    sources = received_sources(d.uowf)
    assert [(s.node_id, s.name) for s in sources] == [(node, "Xã An Phú")]  # B sent nothing yet
    assert sources[0].packages == 2  # the set-up's package and this one
    got = list_received(d.uowf, node, limit=10_000)
    assert got and all(e.node_id == node for e in got)
    assert [e.seq for e in got] == sorted((e.seq for e in got), reverse=True)  # newest first
    # exactly the commune's own log up to what it sent (its entries since are not here yet)
    own = {e.seq: e for e in list_entries(a.uowf, limit=100_000)}
    assert [(e.id, e.hash) for e in got] == [(own[e.seq].id, own[e.seq].hash) for e in got]
    assert [e.seq for e in reversed(got)] == list(range(1, len(got) + 1))
    # the same filters as the local log
    updates = list_received(d.uowf, node, AuditFilter(action="update", entity="cadre", entity_id=a.info))
    assert len(updates) == 1 and updates[0].changes["phone"][1] == "0912345678"
    assert all(e.actor == "quantri" for e in updates)
    assert list_received(d.uowf, node, AuditFilter(actor="khong-ai")) == []
    f = received_facets(d.uowf, node)
    assert "quantri" in f.actors and "update" in f.actions and "cadre" in f.entities and f.count == len(got)
    # the district's own log is untouched by them, and both chains hold
    assert not any(e.node_id == node for e in list_entries(d.uowf, limit=100_000))
    assert verify_chain(d.uowf).ok
    r = verify_received(d.uowf, node)
    assert r.ok and r.checked == len(got) and r.head_hash == got[0].hash
    assert "Xã An Phú" in r.message and "toàn vẹn" in r.message


def test_a_byte_flipped_in_the_stored_file_is_reported(offices: dict[str, Office]) -> None:
    d, _a, node = _send_an_edit(offices)
    _pkg, sha = _stored_files(d)[-1]
    checkpoint(d)
    con = sqlite3.connect(d.path)
    try:
        data = bytearray(con.execute("SELECT data FROM attachment WHERE sha256 = ?", (sha,)).fetchone()[0])
        i = data.index(b"0912345678")
        data[i + 9] ^= 0x01  # "…678" becomes "…679": the file still reads, the hash no longer matches
        con.execute("UPDATE attachment SET data = ? WHERE sha256 = ?", (bytes(data), sha))
        con.commit()
    finally:
        con.close()
    r = verify_received(d.uowf, node)
    assert not r.ok and r.kind == "file"
    assert "Xã An Phú" in r.message and "đã bị sửa" in r.message and "gói số" in r.message


def test_an_entry_rewritten_with_a_consistent_file_hash_breaks_the_senders_chain(offices: dict[str, Office]) -> None:
    """Someone who rewrites an entry and re-files it under its new hash still breaks the sender's hash chain."""
    d, _a, node = _send_an_edit(offices)
    pkg, sha = _stored_files(d)[-1]
    checkpoint(d)
    con = sqlite3.connect(d.path)
    try:
        data = con.execute("SELECT data FROM attachment WHERE sha256 = ?", (sha,)).fetchone()[0]
        lines = data.decode("utf-8").splitlines()
        k = next(i for i, line in enumerate(lines) if "0912345678" in line)
        entry = json.loads(lines[k])
        entry["actor"] = "nguoi-khac"
        lines[k] = json.dumps(entry, ensure_ascii=False)
        forged = ("\n".join(lines) + "\n").encode("utf-8")
        new_sha = hashlib.sha256(forged).hexdigest()
        con.execute("UPDATE attachment SET data = ?, sha256 = ?, size = ? WHERE sha256 = ?",
                    (forged, new_sha, len(forged), sha))
        counts = json.loads(con.execute("SELECT counts FROM sync_package WHERE package_id = ?", (pkg,)).fetchone()[0])
        counts["audit_sha256"] = new_sha
        con.execute("UPDATE sync_package SET counts = ? WHERE package_id = ?", (json.dumps(counts), pkg))
        con.commit()
    finally:
        con.close()
    r = verify_received(d.uowf, node)
    assert not r.ok and r.kind == "edited" and r.first_bad_seq == entry["seq"]
    assert f"dòng số {entry['seq']}" in r.message and "nguoi-khac" in r.message


def test_the_viewer_shows_a_received_log_and_its_verification(offices: dict[str, Office], qtbot: QtBot) -> None:
    from canbo_desktop.ui import i18n

    i18n.install("vi")  # the interface as the clerks see it
    d, _a, node = _send_an_edit(offices)
    dlg = AuditDialog(d.db, "quantri", TaskRunner(synchronous=True))
    qtbot.addWidget(dlg)
    page = dlg.page
    assert [page.source.itemText(i) for i in range(page.source.count())] == ["Văn phòng này", "Xã An Phú"]
    local_rows = page.table.rowCount()
    page.select_source(node)
    expected = list_received(d.uowf, node, limit=10_000)
    assert len(expected) > PAGE  # the set-up alone writes a few hundred entries: shown a page at a time
    assert page.table.rowCount() == PAGE and page.status.text() == f"Đang hiện {PAGE} mục (còn nữa)."
    assert page.table.item(0, 0).text() == str(expected[0].seq)
    page.more_btn.click()
    assert page.table.rowCount() == len(expected) and page.status.text() == f"Đang hiện {len(expected)} mục."
    assert not page.more_btn.isEnabled()
    # the filters apply to the received log
    page.action.setCurrentIndex(page.action.findData("update"))
    page.entity.setCurrentIndex(page.entity.findData("cadre"))
    page.apply_btn.click()
    rows = [page.table.item(i, 5).text() for i in range(page.table.rowCount())]
    assert offices["A"].info in rows
    assert page.table.item(0, 2).text() == "quantri" and page.table.item(0, 4).text() == "Hồ sơ cán bộ"
    page.table.selectRow(rows.index(offices["A"].info))
    assert "0912345678" in page.detail.toPlainText()
    page.verify_btn.click()
    assert page.verdict.text().startswith("✔") and "Xã An Phú" in page.verdict.text()
    # tampering with the stored file shows in the viewer
    _pkg, sha = _stored_files(d)[-1]
    checkpoint(d)
    con = sqlite3.connect(d.path)
    con.execute("UPDATE attachment SET data = CAST(replace(CAST(data AS TEXT), '0912345678', '0912345679') AS BLOB) "
                "WHERE sha256 = ?", (sha,))
    con.commit()
    con.close()
    page.verify_btn.click()
    assert page.verdict.text().startswith("✘") and "đã bị sửa" in page.verdict.text()
    # back to this office's own log: its own chain is checked
    page.select_source("")  # the filters chosen stay where this log has the value
    assert page.action.currentData() == "update"
    assert page.table.rowCount() == len(list_entries(d.uowf, page.current_filter(), limit=PAGE))
    page.action.setCurrentIndex(0)
    page.entity.setCurrentIndex(0)
    page.apply_btn.click()
    assert page.table.rowCount() == local_rows
    page.verify_btn.click()
    assert page.verdict.text().startswith("✔") and "Nhật ký thao tác toàn vẹn" in page.verdict.text()


def test_the_cli_lists_and_verifies_a_received_trail(offices: dict[str, Office],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from canbo_desktop.cli.main import main

    d, a, node = _send_an_edit(offices)
    db = ["--db", str(d.path), "--user", "quantri"]
    capsys.readouterr()
    assert main([*db, "audit", "sources", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"node_id": node, "name": "Xã An Phú", "packages": 2}]
    # by name, without accents or case
    assert main([*db, "audit", "list", "--office", "xa an phu", "--action", "update", "--entity", "cadre",
                 "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["entity_id"], r["node_id"], r["changes"]["phone"][1]) for r in rows] == [(a.info, node, "0912345678")]
    assert main([*db, "audit", "verify", "--office", "Xã An Phú", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main([*db, "audit", "verify", "--office", "Xã Không Có"]) == 2
    assert "Không có nhật ký nào nhận từ “Xã Không Có”. Đã nhận từ: “Xã An Phú”." in capsys.readouterr().err
    _pkg, sha = _stored_files(d)[-1]
    checkpoint(d)
    con = sqlite3.connect(d.path)
    con.execute("UPDATE attachment SET data = CAST(replace(CAST(data AS TEXT), '0912345678', '0912345679') AS BLOB) "
                "WHERE sha256 = ?", (sha,))
    con.commit()
    con.close()
    assert main([*db, "audit", "verify", "--office", node]) == 1
    assert "đã bị sửa sau khi nhận" in capsys.readouterr().err
