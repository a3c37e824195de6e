"""The main window's sections: a navigation with keyboard shortcuts, remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItemModel

from canbo_desktop.services import rules as rules_svc
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.main_window import SECTIONS, MainWindow, section_label
from canbo_desktop.ui.pages.admin_page import KEY_ROLE, AdminPage, model_to_params, params_to_model
from canbo_desktop.ui.pages.sync_page import SyncPage
from canbo_desktop.ui.tasks import TaskRunner


def make_window(qtbot, db: Database, user: str = "canbo", *, clear: bool = True) -> MainWindow:
    if clear:
        QSettings().clear()
    with db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(db, office, user, TaskRunner(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_seven_sections_with_ctrl_number_shortcuts(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    labels = [w.nav.item(i).text().split(" (")[0] for i in range(w.nav.count())]  # "Nhắc việc (42)"
    assert labels == ["Hồ sơ cán bộ", "Đánh giá, xếp loại", "Quy hoạch, bổ nhiệm", "Nhắc việc",
                      "Báo cáo, chỉ tiêu", "Đồng bộ USB", "Quản trị"]
    assert w.section() == "records" and w.stack.currentWidget() is w.records_page
    view_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Xem")
    shortcuts = {a.text(): a.shortcut().toString() for a in view_menu.actions() if a.text()}
    for i, (key, _label) in enumerate(SECTIONS):
        assert shortcuts[section_label(key)] == f"Ctrl+{i + 1}"
    sync_action = next(a for a in view_menu.actions() if a.text() == "Đồng bộ USB")
    sync_action.trigger()
    assert w.section() == "sync"
    page = w.stack.currentWidget()
    assert isinstance(page, SyncPage) and page.tabs.tabText(0) == "Gửi và nhận"


def test_the_last_section_is_remembered(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    w.show_section("reports")
    w.close()
    again = make_window(qtbot, demo_db, clear=False)
    assert again.section() == "reports"
    QSettings().clear()


def test_params_tree_round_trip_keeps_types() -> None:
    params = {"term_months": 60, "rate": 0.1, "on": True, "name": "Tiếng Việt",
              "steps": [2.34, 2.67], "groups": {"men": {"start": 720}}, "items": [{"code": "a", "n": 1}]}
    model = QStandardItemModel()
    params_to_model(params, model)
    assert model_to_params(model) == params


def test_admin_edits_a_rule_from_a_date(qtbot, demo_db: Database) -> None:
    """Changing a value in the admin screen adds a version from its date; earlier dates keep the old one."""
    w = make_window(qtbot, demo_db, user="admin")
    page = w.show_section("admin")
    assert isinstance(page, AdminPage)
    assert page.role == "admin" and page.save_button.isEnabled()
    keys = [page.rule_list.item(i).data(256) for i in range(page.rule_list.count())]
    assert "appointment_term" in keys
    page.rule_list.setCurrentRow(keys.index("appointment_term"))
    root = page.params_model.invisibleRootItem()
    row = next(i for i in range(root.rowCount()) if root.child(i, 0).data(KEY_ROLE) == "term_months")
    assert root.child(row, 1).text() == "60"
    assert root.child(row, 0).text() == "Thời hạn mỗi lần bổ nhiệm (tháng)"  # named in Vietnamese
    root.child(row, 1).setText("48")
    from datetime import date

    page.save_version(date(2030, 1, 1), "Nghị định giả định số 1/2030/NĐ-CP")
    assert "áp dụng từ 01/01/2030" in page.status.text()
    book = rules_svc.rule_book(w.uowf)
    assert book.params("appointment_term", date(2029, 12, 31))["term_months"] == 60
    assert book.params("appointment_term", date(2030, 1, 1))["term_months"] == 48
    from canbo_desktop.domain.rules.terms import term_end

    # the engine answers with the new value only for appointments from 01/01/2030
    assert term_end(date(2029, 6, 1), None, book).end == date(2034, 5, 31)
    assert term_end(date(2030, 6, 1), None, book).end == date(2034, 5, 31)
    assert page.versions.rowCount() >= 2 and page.versions.item(page.versions.rowCount() - 1, 3).text() == "Quản trị viên sửa"


def test_a_clerk_sees_the_rules_but_cannot_edit_them(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db, user="canbo")
    page = w.show_section("admin")
    assert isinstance(page, AdminPage)
    assert not page.save_button.isEnabled()
    assert "Chỉ quản trị viên" in page.status.text()


def test_reminders_page_counts_and_opens_the_person(qtbot, demo_db: Database) -> None:
    from canbo_desktop.ui.pages.reminders_page import RemindersPage

    w = make_window(qtbot, demo_db)
    page = w.show_section("reminders")
    assert isinstance(page, RemindersPage)
    page.at.setText("22/11/2026")
    page.reload()
    assert page.report is not None and "tính đến ngày 22/11/2026" in page.status.text()
    labels = [page.kinds.item(i).text() for i in range(page.kinds.count())]
    assert labels[1].startswith("Nghỉ hưu trong 6 tháng: thông báo nghỉ hưu (")
    page.kinds.setCurrentRow(1)
    names = [page.model.rows[i].full_name for i in range(page.model.rowCount())]
    assert "Vũ Văn Lưỡng" in names
    page._open(page.model.index(names.index("Vũ Văn Lưỡng"), 0))
    editor = w.editors[-1]
    assert editor.widgets["full_name"].text() == "Vũ Văn Lưỡng"
    editor.close()


def test_the_navigation_counts_what_is_due(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    label = w.nav.item(3).text()
    assert label.startswith("Nhắc việc (") and int(label[len("Nhắc việc ("):-1]) > 0


def test_eligibility_check_from_the_appointments_page(qtbot, demo_db: Database, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from canbo_desktop.ui.pages.appointments_page import AppointmentsPage

    w = make_window(qtbot, demo_db, user="admin")
    page = w.show_section("appointments")
    assert isinstance(page, AppointmentsPage)
    page.check()
    assert "Chọn người" in page.status.text()
    qtbot.keyClicks(page.search, "dang quoc viet")
    page._find_people()
    assert page.people.count() >= 1 and page.people.item(0).text().startswith("Đặng Quốc Việt")
    page.title.set_value("chu_tich_ubnd_xa")
    page.on.setText("01/12/2026")
    page.check()
    assert page.report is not None and "CHƯA ĐỦ điều kiện" in page.summary.text()
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    row = next(i for i, code in enumerate(page.table.item(r, 0).data(256) for r in range(page.table.rowCount()))
               if code == "quy_hoach")
    assert page.table.item(row, 1).text() == "Không đạt" and len(names) >= 8
    page.table.selectRow(row)
    assert page.override_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Thông báo số 12-TB/TU ngày 20/11/2026", True))
    page._ask_override()
    row = next(i for i in range(page.table.rowCount()) if page.table.item(i, 0).data(256) == "quy_hoach")
    assert page.table.item(row, 1).text() == "Trường hợp đặc biệt"
    assert "12-TB/TU" in page.table.item(row, 2).text()


def test_reminder_count_arrives_from_the_background_process(qtbot, demo_db: Database, monkeypatch) -> None:
    import canbo_desktop.ui.main_window as mw

    monkeypatch.setattr(mw, "REMINDER_COUNT_DELAY_MS", 10)
    QSettings().clear()
    with demo_db.uow("t")() as uow:
        office = office_info(uow)
    tasks = TaskRunner(synchronous=False)
    w = MainWindow(demo_db, office, "canbo", tasks)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.nav.item(3).text().startswith("Nhắc việc ("), timeout=30_000)
    tasks.wait()
