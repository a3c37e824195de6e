"""The "Sao lưu" tab of the administration page: a backup made from the tab is listed; an administrator restores
one on a real SQLite file (what changed after the backup is gone, the old file is kept, the window closes); a clerk
sees "Phục hồi…" disabled and the service refuses the restore anyway; a PostgreSQL database is the server's."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox
from sqlalchemy import select

from canbo_desktop.db.models import CadreRecord
from canbo_desktop.domain.access import AccessDenied
from canbo_desktop.services.backup import MANUAL_REASON, backup_engine, restore_backup
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.ui.dialogs.backup_dialog import BackupPanel, BackupState
from canbo_desktop.ui.tasks import TaskRunner


@pytest.fixture
def locked_db(demo_db_path: Path) -> Iterator[Database]:
    """The demo database opened as the program opens it: with the write lock."""
    db = open_database(str(demo_db_path), lock=True)
    yield db
    db.close()


def _panel(qtbot, db: Database, user: str) -> tuple[QMainWindow, BackupPanel]:
    window = QMainWindow()
    panel = BackupPanel(db.uow(user), TaskRunner(synchronous=True), user)
    window.setCentralWidget(panel)
    qtbot.addWidget(window)
    window.show()
    return window, panel


def _phone(path: Path, cadre_id: str) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(con.execute("SELECT phone FROM cadre WHERE id = ?", (cadre_id,)).fetchone()[0] or "")
    finally:
        con.close()


def test_a_backup_made_from_the_tab_is_listed_and_an_admin_restores_it(qtbot, locked_db: Database,
                                                                      demo_db_path: Path) -> None:
    window, panel = _panel(qtbot, locked_db, "admin")
    assert panel.table.rowCount() == 0 and panel.status.text() == "Chưa có bản sao lưu nào."
    assert panel.backup_button.text() == "Sao lưu ngay" and panel.restore_button.text() == "Phục hồi…"
    panel.backup_button.click()
    assert panel.table.rowCount() == 1
    saved = panel.backups[0]
    assert saved.path.is_file() and saved.path.parent == demo_db_path.parent / "backups"
    assert panel.status.text() == f"Đã sao lưu vào “{saved.path}”."
    assert panel.table.item(0, 0).text() == "Sao lưu thủ công"
    assert panel.table.item(0, 1).text() == saved.at.strftime("%d/%m/%Y %H:%M")
    assert re.fullmatch(r"\d+,\d MB", panel.table.item(0, 2).text())  # Vietnamese decimal comma
    assert panel.table.item(0, 3).text() == saved.path.name

    # a change made after the backup
    with locked_db.uow("admin")() as uow:
        cadre = uow.session.scalars(select(CadreRecord).order_by(CadreRecord.id).limit(1)).one()
        cadre_id, before = cadre.id, cadre.phone or ""
        cadre.phone = "0999888777"
        uow.commit()
    assert _phone(demo_db_path, cadre_id) == "0999888777"

    # "Phục hồi…" asks first: the backup's date, where the current file is kept, the new sync epoch, the closing
    assert panel.restore_button.isEnabled()
    panel.restore_button.click()
    box = panel.confirm_box
    assert box is not None and box.isVisible()
    text = box.text()
    assert f"bản sao lưu lúc {saved.at:%d/%m/%Y %H:%M} (Sao lưu thủ công)" in text
    assert f"giữ lại trong thư mục “{demo_db_path.parent}”" in text and "demo-truoc-khoi-phuc-" in text
    assert "kỷ nguyên đồng bộ mới" in text and "chương trình sẽ đóng" in text
    buttons = {b.text(): b for b in box.buttons()}
    assert set(buttons) == {"Phục hồi", "Huỷ"}
    buttons["Phục hồi"].click()

    done = panel.done_box
    assert done is not None and done.isVisible(), panel.status.text()
    assert "Đã phục hồi cơ sở dữ liệu" in done.text() and "Kỷ nguyên đồng bộ mới: 2" in done.text()
    assert "Chương trình sẽ đóng" in done.text()
    assert not panel.backup_button.isEnabled() and not panel.restore_button.isEnabled()
    ok = done.button(QMessageBox.StandardButton.Ok)
    assert ok.text() == "Đóng chương trình"
    ok.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    locked_db.close()

    # the change made after the backup is gone; the database as it was is kept beside it
    assert _phone(demo_db_path, cadre_id) == before
    result = panel.restored_result
    assert result is not None and result.kept is not None and result.kept.parent == demo_db_path.parent
    assert result.kept.name.startswith("demo-truoc-khoi-phuc-") and str(result.kept) in done.text()
    assert _phone(result.kept, cadre_id) == "0999888777"
    con = sqlite3.connect(demo_db_path)
    try:
        assert con.execute("SELECT epoch FROM local_node").fetchone()[0] == 2
        assert con.execute("SELECT action, actor FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone() == (
            "restore", "admin")
    finally:
        con.close()


def test_cancelling_the_confirmation_changes_nothing(qtbot, locked_db: Database, demo_db_path: Path) -> None:
    backup_engine(locked_db.engine, MANUAL_REASON)
    _window, panel = _panel(qtbot, locked_db, "admin")
    panel.restore_button.click()
    box = panel.confirm_box
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Huỷ").click()
    assert panel.done_box is None and panel.restored_result is None
    assert not list(demo_db_path.parent.glob("demo-truoc-khoi-phuc-*.db"))


def test_a_clerk_cannot_restore(qtbot, locked_db: Database, demo_db_path: Path) -> None:
    saved = backup_engine(locked_db.engine, MANUAL_REASON)
    assert saved.path is not None
    _window, panel = _panel(qtbot, locked_db, "canbo")
    assert panel.table.rowCount() == 1 and panel.selected() is not None
    # the button is disabled, and says why; a clerk may still make a backup
    assert not panel.restore_button.isEnabled()
    assert panel.restore_button.toolTip() == "Chỉ quản trị viên được phục hồi cơ sở dữ liệu."
    assert panel.backup_button.isEnabled()
    # and the service refuses anyway: from the panel (the button bypassed) and called directly
    before = demo_db_path.read_bytes()
    panel.restore(panel.backups[0])
    assert "Chỉ quản trị viên được khôi phục" in panel.status.text() and panel.done_box is None
    with pytest.raises(AccessDenied):
        restore_backup(demo_db_path, saved.path, actor="canbo")
    assert demo_db_path.read_bytes() == before
    assert not list(demo_db_path.parent.glob("demo-truoc-khoi-phuc-*.db"))


def test_a_postgresql_database_is_backed_up_by_its_server(qtbot, locked_db: Database) -> None:
    _window, panel = _panel(qtbot, locked_db, "admin")
    panel._loaded(BackupState("admin", True, None, []))  # what load_state answers for a PostgreSQL database
    assert "máy chủ PostgreSQL" in panel.intro.text() and "pg_dump" in panel.intro.text()
    assert not panel.backup_button.isEnabled() and not panel.restore_button.isEnabled()
    assert panel.table.rowCount() == 0


def test_the_kinds_daily_weekly_monthly_and_before_an_operation(qtbot, locked_db: Database,
                                                                demo_db_path: Path) -> None:
    folder = demo_db_path.parent / "backups"
    folder.mkdir()
    daily = [datetime(2026, 3, d, 9, 0) for d in (31, 30, 29, 28, 27, 26, 25)]
    weekly = [datetime(2026, 3, 18, 9, 0), datetime(2026, 3, 10, 9, 0)]
    monthly = [datetime(2026, 2, 15, 9, 0), datetime(2026, 1, 15, 9, 0)]
    for at in daily + weekly + monthly:
        (folder / f"canbo-{at:%Y%m%d-%H%M%S}-hang-ngay.db").write_bytes(b"x" * 2_500_000)
    events = {"truoc-khi-nhap-excel": "Trước khi nhập Excel", "truoc-khi-nhap-goi-xa-an-phu-3": "Trước khi nhận gói đồng bộ",
              "truoc-nang-cap-0007": "Trước khi nâng cấp lược đồ"}
    for i, slug in enumerate(events):
        (folder / f"canbo-20260401-10000{i}-{slug}.db").write_bytes(b"x")
    _window, panel = _panel(qtbot, locked_db, "admin")
    shown = {panel.table.item(r, 3).text(): (panel.table.item(r, 0).text(), panel.table.item(r, 1).text(),
                                             panel.table.item(r, 2).text()) for r in range(panel.table.rowCount())}
    for ats, label in ((daily, "Hằng ngày"), (weekly, "Hằng tuần"), (monthly, "Hằng tháng")):
        for at in ats:
            assert shown[f"canbo-{at:%Y%m%d-%H%M%S}-hang-ngay.db"] == (label, f"{at:%d/%m/%Y} 09:00", "2,5 MB")
    for i, (slug, label) in enumerate(events.items()):
        assert shown[f"canbo-20260401-10000{i}-{slug}.db"][0] == label
    assert panel.table.item(0, 3).text().startswith("canbo-20260401-100002")  # newest first


def test_a_restore_waits_until_the_open_records_are_closed(qtbot, locked_db: Database, demo_db_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    backup_engine(locked_db.engine, MANUAL_REASON)
    window, panel = _panel(qtbot, locked_db, "admin")
    editor = QWidget()  # an open cadre record of the main window
    qtbot.addWidget(editor)
    editor.show()
    window.editors = [editor]  # type: ignore[attr-defined]
    panel.restore_button.click()
    assert panel.confirm_box is None
    assert panel.status.text() == "Hãy đóng các hồ sơ cán bộ đang mở trước (1 hồ sơ), rồi phục hồi."
    editor.close()
    panel.restore_button.click()
    assert panel.confirm_box is not None and panel.confirm_box.isVisible()
