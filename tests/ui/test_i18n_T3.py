"""The evaluation page, its votes and planning tabs follow the interface language: built in English, the grid,
its buttons and messages speak English, and the level is still typed as its number."""

from __future__ import annotations

from PySide6.QtCore import Qt

from canbo_desktop.services import refdata
from canbo_desktop.services.database import Database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.pages.evaluation_page import EvaluationPage
from canbo_desktop.ui.tasks import TaskRunner
from tests.ui.test_evaluation_page import commune


def head_page(qtbot, db: Database) -> EvaluationPage:
    uowf = db.uow("truongphong")
    page = EvaluationPage(uowf, TaskRunner(synchronous=True), refdata.code_choices(uowf), "head")
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_evaluation_page_built_in_english_speaks_english(qtbot, demo_db: Database) -> None:
    unit, _people = commune(demo_db)
    try:
        i18n.install("en")
        page = head_page(qtbot, demo_db)
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
            "Evaluation grid", "Confidence votes", "Planning"]
        page.select(unit, 2025)
        assert "There is no evaluation round of" in page.info.text() and page.open_button.text() == "Open round"
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        assert page.view is not None and page.view.regime == "nd90"
        assert page.approve_button.text() == "Approve" and page.lock_button.text() == "Lock"
        model = page.model
        headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        assert headers[:4] == ["Full name", "Position", "Proposed level", "Result"]
        assert page.bottom.tabText(1) == "Correction history"
        # the level's number typed on the grid still picks the level, shown by its English short name
        page.grid.setCurrentIndex(model.index(0, model.column_of("level")))
        page.grid.setFocus()
        qtbot.keyClick(page.grid, "1")
        assert model.rows[0].proposed_level == "xuat_sac"
        assert model.data(model.index(0, model.column_of("level"))) == "Excellent"
        assert page.status.text().startswith("Saved: ")
        page.refresh_summary()
        assert page.quota_label.text().startswith("Excellent: ")
        assert page.votes.new_button.text() == "Record a new vote…"
        assert page.planning.add_button.text() == "Add to planning…"
    finally:
        i18n.install("vi")
    page = head_page(qtbot, demo_db)
    page.select(unit, 2025)
    assert page.tabs.tabText(0) == "Bảng đánh giá, xếp loại" and page.approve_button.text() == "Phê duyệt"
    assert page.model.data(page.model.index(0, page.model.column_of("level"))) == "Xuất sắc"
    assert page.quota_label.text().startswith("Xuất sắc: ")
