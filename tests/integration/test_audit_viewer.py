"""The audit viewer (Tệp → Nhật ký thao tác…): filters, the old → new detail, and the integrity button."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from canbo_desktop.db.models import CadreRecord
from canbo_desktop.services.database import open_database
from canbo_desktop.ui.pages.audit_page import AuditDialog
from canbo_desktop.ui.tasks import TaskRunner


def test_viewer_filters_details_and_integrity(demo_db_path: Path, qtbot: QtBot) -> None:
    db = open_database(str(demo_db_path))
    try:
        with db.uow("thu-ky")() as uow:
            c = uow.session.scalars(select(CadreRecord).order_by(CadreRecord.id).limit(1)).one()
            old = c.phone
            c.phone = "0977111222"
            uow.commit()
        dlg = AuditDialog(db, "admin", TaskRunner(synchronous=True))
        qtbot.addWidget(dlg)
        page = dlg.page
        assert page.table.rowCount() > 10
        page.actor.setCurrentIndex(page.actor.findData("thu-ky"))
        page.action.setCurrentIndex(page.action.findData("update"))
        page.apply_btn.click()
        assert page.table.rowCount() == 1
        assert page.table.item(0, 2).text() == "thu-ky" and page.table.item(0, 3).text() == "Sửa"
        assert page.table.item(0, 4).text() == "Hồ sơ cán bộ"
        page.table.selectRow(0)
        assert f"phone: {old or '∅'} → 0977111222" in page.detail.toPlainText()
        page.date_to.setText("01/01/2000")
        page.apply_btn.click()
        assert page.table.rowCount() == 0

        page.verify_btn.click()
        assert page.verdict.text().startswith("✔") and "toàn vẹn" in page.verdict.text()
        con = sqlite3.connect(demo_db_path)
        con.execute("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 7")
        con.commit()
        con.close()
        page.verify_btn.click()
        assert page.verdict.text().startswith("✘") and "dòng số 7" in page.verdict.text()
    finally:
        db.close()
