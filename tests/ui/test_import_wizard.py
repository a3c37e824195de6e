"""The Excel import wizard, page by page, on a real file and the demo database."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWizard

from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database
from tests.ui.test_main_window import make_window

NFD_NAME = "Nguyễn Thị Ánh Tuyết"  # typed below in NFD: stored NFC


def make_file(path: Path) -> Path:
    import unicodedata

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Đơn vị"])
    ws.append([1, unicodedata.normalize("NFD", NFD_NAME), "03/04/1991", "Nữ", "Kinh", "040191000123", "Phòng Nội vụ"])
    ws.append([2, "Trần Văn Khởi", "1988", "Nam", "Tày", "", "Phòng Nội vụ"])
    ws.append([3, "Lê Thị Lỗi", "31/02/1990", "Nữ", "Kinh", "", "Phòng Nội vụ"])
    wb.save(path)
    return path


def test_import_a_file_through_the_wizard(qtbot, demo_db: Database, tmp_path: Path) -> None:
    w = make_window(qtbot, demo_db)
    before = w._total
    wiz = w.import_xlsx(str(make_file(tmp_path / "ds.xlsx")))
    assert wiz.file_page.sheet.currentData() == "Danh sách"
    wiz.next()  # reads the sheet and maps the columns
    assert wiz.currentPage() is wiz.columns_page
    assert wiz.columns_page.columns()[:3] == ["", "full_name", "birth_date"]  # STT is not imported
    assert "Dòng tiêu đề: 3" in wiz.columns_page.status.text()
    wiz.next()  # preview
    assert wiz.currentPage() is wiz.preview_page
    summary = wiz.preview_page.summary.text()
    assert "<b>2</b> người thêm mới" in summary and ">1</b> dòng lỗi" in summary
    bad = [wiz.preview_page.grid.item(r, 3).text() for r in range(wiz.preview_page.grid.rowCount())
           if wiz.preview_page.grid.item(r, 1).text() == "Lỗi – bỏ qua"]
    assert len(bad) == 1 and "31/02/1990" in bad[0]
    assert wiz.preview_page.save_report(str(tmp_path / "loi.xlsx")) == 1
    with demo_db.uow("t")() as uow:  # the rejected rows are personal data: their file is an audited export
        from sqlalchemy import select

        from canbo_desktop.db.models import AuditRecord

        [entry] = uow.session.scalars(select(AuditRecord).where(AuditRecord.action == "export")).all()
        assert entry.changes["document"] == "import-error-report" and entry.changes["rows"] == 1
        assert entry.entity_id == "ds.xlsx"
    wiz.next()  # backup, then one transaction
    assert wiz.currentPage() is wiz.done_page
    assert "Đã thêm <b>2</b> người" in wiz.done_page.text.text()
    found = search_cadres(demo_db.uow("t"), "anh tuyet", limit=3)
    assert found and found[0].full_name == NFD_NAME  # NFC, as typed in the test source
    wiz.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: w._total == before + 2, timeout=3000)
