"""Appointments, procedures and reminders follow the interface language: built in English they speak English
(headers, buttons, the eligibility verdict, the names of the rule parameters); back in Vietnamese the clerk
reads the words she knows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from canbo_desktop.domain.rules.reminders import Reminder, ReminderReport
from canbo_desktop.services import refdata
from canbo_desktop.services.database import Database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.pages.appointments_page import AppointmentsPage
from canbo_desktop.ui.pages.reminders_page import RemindersPage
from canbo_desktop.ui.pages.rule_labels import param_label, param_labels
from canbo_desktop.ui.tasks import TaskRunner


def report(at: date) -> ReminderReport:
    return ReminderReport(at, [Reminder("retirement_notice", "c1", "Vũ Văn Lưỡng", date(2027, 3, 1), "…")])


def headers(page: RemindersPage) -> list[str]:
    return [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]


def test_reminders_in_english_then_in_vietnamese(qtbot) -> None:
    try:
        i18n.install("en")
        page = RemindersPage(report, TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        page.at.setText("22/11/2026")
        page.reload()
        assert page.refresh_button.text() == "Recalculate"
        assert headers(page) == ["Full name", "Date", "Details"]
        assert page.status.text() == "Items to follow up: 1, as of 22/11/2026."
    finally:
        i18n.install("vi")
    page = RemindersPage(report, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.at.setText("22/11/2026")
    page.reload()
    assert page.refresh_button.text() == "Tính lại"
    assert headers(page) == ["Họ và tên", "Ngày", "Nội dung"]
    assert page.status.text() == "1 việc cần theo dõi, tính đến ngày 22/11/2026."


def test_the_appointments_page_in_english(qtbot, demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    try:
        i18n.install("en")
        page = AppointmentsPage(uowf, TaskRunner(synchronous=True), refdata.code_choices(uowf), "clerk")
        qtbot.addWidget(page)
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Appointment procedures",
                                                                           "Eligibility check"]
        panel = page.procedures
        assert panel.start_button.text() == "Start procedure…"
        assert panel.inner.tabText(0) == "Policy, steps, dossier"
        assert [panel.list.horizontalHeaderItem(i).text() for i in range(2)] == ["Full name", "Title"]
        assert page.table.horizontalHeaderItem(0).text() == "Condition"
        page.check()
        assert page.status.text() == "Choose the person to check."
        page.search.setText("dang quoc viet")
        page._find_people()
        page.title.set_value("pho_chu_tich_ubnd_xa")
        page.on.setText("01/12/2026")
        page.check()
        assert page.report is not None and page.summary.text().startswith("<b>Conclusion: ELIGIBLE</b>")
        assert {page.table.item(r, 1).text() for r in range(page.table.rowCount())} <= {
            "Met", "Not met", "Not enough information", "Special case"}
        assert param_label("term_months") == "Term of each appointment (months)"
    finally:
        i18n.install("vi")
    assert param_label("term_months") == "Thời hạn mỗi lần bổ nhiệm (tháng)"
    assert param_labels()["M"] == "Nam" and param_label("unknown_key") == "unknown_key"
    page = AppointmentsPage(uowf, TaskRunner(synchronous=True), refdata.code_choices(uowf), "clerk")
    qtbot.addWidget(page)
    assert page.tabs.tabText(1) == "Kiểm tra điều kiện bổ nhiệm"
    assert page.procedures.start_button.text() == "Bắt đầu quy trình…"
