"""The evaluation round through its page, on a real demo database: a clerk types a whole column of levels
with the keyboard, sees the quota of "Xuất sắc" exceeded, fixes it; the head approves and locks; edits are
refused afterwards; a correction with its reason appears in the history. Then the 100-point regime of 2026
with decimal commas, products and a veto condition; and the votes and planning tabs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from sqlalchemy import func, select

from canbo_desktop.db import models as m
from canbo_desktop.db.facts import ACTIVE_STATUSES
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.services import evaluation as ev
from canbo_desktop.services import refdata
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.models.evaluation_grid import EvaluationGridModel
from canbo_desktop.ui.pages.evaluation_page import EvaluationPage
from canbo_desktop.ui.tasks import TaskRunner


def commune(db: Database) -> tuple[str, int]:
    """(id, active people) of the demo commune with the most people."""
    with db.uow("t")() as uow:
        U, C = m.OrgUnitRecord, m.CadreRecord
        best: tuple[int, str] | None = None
        for u in uow.session.scalars(select(U).where(U.kind.in_(("xa", "phuong")))):
            n = uow.session.scalar(select(func.count()).select_from(C).join(U, U.id == C.owner_unit_id).where(
                U.path.startswith(u.path), C.status.in_(ACTIVE_STATUSES), C.trashed_at.is_(None),
                C.deleted.is_(False)))
            if best is None or int(n or 0) > best[0]:
                best = (int(n or 0), u.id)
        assert best is not None and best[0] >= 7, "the demo commune needs at least 7 people"
        return best[1], best[0]


@pytest.fixture
def window(qtbot, demo_db: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    with demo_db.uow("t")() as uow:
        office = office_info(uow)
    win = MainWindow(demo_db, office, "canbo", TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QSettings().clear()


def page_for(qtbot, db: Database, actor: str, role: str) -> EvaluationPage:
    uowf = db.uow(actor)
    page = EvaluationPage(uowf, TaskRunner(synchronous=True), refdata.code_choices(uowf), role)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def editor_of(page: EvaluationPage) -> QWidget | None:
    """The editor open in the grid now, if any."""
    QApplication.processEvents()
    found = [e for e in page.grid.viewport().findChildren(QWidget) if isinstance(e, QComboBox | QLineEdit)
             and e.isVisible()]
    return found[0] if found else None


def type_cell(qtbot, page: EvaluationPage, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the current cell as a clerk does (the first key opens the editor), then Enter or Down."""
    QApplication.processEvents()  # what a closed dialog left pending (focus, activation) is over
    win = page.window()
    if QApplication.activeWindow() is not win:  # after a dialog: the clerk is back in the grid's window
        win.activateWindow()
        qtbot.waitActive(win)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, text[0])
    editor = editor_of(page)
    assert editor is not None, "typing on a cell opens its editor"
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop
    QApplication.processEvents()


def type_level(qtbot, page: EvaluationPage, digit: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """On a level cell the level's number is saved as it is typed; Enter or Down goes to the next person."""
    qtbot.keyClick(page.grid, digit)
    assert editor_of(page) is None
    qtbot.keyClick(page.grid, key)


def go(page: EvaluationPage, row: int, key: str) -> None:
    page.grid.setCurrentIndex(page.model.index(row, page.model.column_of(key)))


def test_a_whole_round_typed_with_the_keyboard_approved_locked_and_corrected(qtbot, window: MainWindow,
                                                                              demo_db: Database) -> None:
    unit, people = commune(demo_db)
    clerk = window.show_section("evaluation")
    assert isinstance(clerk, EvaluationPage) and clerk.role == "clerk"
    clerk.select(unit, 2025)
    # no round yet: a clerk cannot open it, and is told why
    assert "Chưa có đợt đánh giá năm 2025" in clerk.info.text()
    assert not clerk.open_button.isEnabled() and "lãnh đạo phòng" in clerk.open_button.toolTip()

    head = page_for(qtbot, demo_db, "truongphong", "head")
    head.select(unit, 2025)
    assert head.open_button.isEnabled()
    qtbot.mouseClick(head.open_button, Qt.MouseButton.LeftButton)
    assert head.view is not None and head.view.regime == "nd90" and len(head.view.rows) == people
    assert "Đang nhập kết quả" in head.info.text()

    clerk.load()
    model = clerk.model
    assert isinstance(model, EvaluationGridModel) and model.rowCount() == people and clerk.editable()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[:4] == ["Họ và tên", "Chức vụ", "Mức đề xuất", "Kết quả"] and "Cần xử lý / lý do" in headers
    # the whole column by keyboard: 1 = Xuất sắc for the first four, 2 = Tốt, 3 = Hoàn thành for the last
    plan = ["1"] * 4 + ["2"] * (people - 5) + ["3"]
    go(clerk, 0, "level")
    for i, digit in enumerate(plan):
        assert clerk.grid.currentIndex().row() == i, "Enter moved down to the next person"
        type_level(qtbot, clerk, digit, Qt.Key.Key_Down if i == 1 else Qt.Key.Key_Return)
    proposed = [r.proposed_level for r in model.rows]
    assert proposed == ["xuat_sac"] * 4 + ["tot"] * (people - 5) + ["hoan_thanh"]
    assert model.data(model.index(0, model.column_of("level"))) == "Xuất sắc"
    assert "Đã lưu" in clerk.status.text()
    # the result follows the rules (a discipline can cap a proposed level); the quota is checked live
    levels = [r.level for r in model.rows]
    n_xs, n_tot = levels.count("xuat_sac"), levels.count("tot")
    assert n_xs >= 3 and n_xs > n_tot // 5
    qtbot.waitUntil(lambda: clerk.quota_label.text().startswith(f"Xuất sắc: {n_xs}/{n_tot} «Tốt»"), timeout=3000)
    assert "VƯỢT" in clerk.quota_label.text()
    assert "> 20%" in clerk.quota_label.text() and "#b00020" in clerk.quota_label.styleSheet()
    head.load()
    assert not head.approve_button.isEnabled() and "Chưa phê duyệt được" in head.approve_button.toolTip()

    # the head asks to keep one "Xuất sắc": the others are typed again as "Tốt"
    for row in [i for i, lv in enumerate(levels) if lv == "xuat_sac"][1:]:
        go(clerk, row, "level")
        type_level(qtbot, clerk, "2")
    clerk.refresh_summary()
    assert "đạt tỷ lệ" in clerk.quota_label.text() and "#1b5e20" in clerk.quota_label.styleSheet()
    assert clerk.view is not None and clerk.view.level_counts.get("xuat_sac") == 1
    assert not clerk.approve_button.isEnabled() and "lãnh đạo phòng" in clerk.approve_button.toolTip()

    head.load()
    assert head.approve_button.isEnabled()
    qtbot.mouseClick(head.approve_button, Qt.MouseButton.LeftButton)
    assert head.view is not None and head.view.status == "approved" and "Đã phê duyệt" in head.info.text()
    assert head.reopen_button.isEnabled() and head.lock_button.isEnabled()
    qtbot.mouseClick(head.lock_button, Qt.MouseButton.LeftButton)
    assert head.view.status == "locked" and "Đã khoá" in head.info.text()

    # locked: the grid refuses edits and says how a result can still change
    clerk.load()
    assert not clerk.editable()
    cell = model.index(people - 1, model.column_of("level"))
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    clerk.grid.setCurrentIndex(cell)
    qtbot.keyClick(clerk.grid, "1")
    assert editor_of(clerk) is None and "đính chính" in clerk.status.text().lower()
    assert not model.setData(cell, "xuat_sac")
    assert not clerk.correct_button.isEnabled()

    # the head corrects the last person's level, with the reason
    assert head.correct_button.isEnabled()
    last = head.view.rows[-1]
    dlg = head.open_correction()
    assert dlg is not None and dlg.isVisible()
    dlg.person.setCurrentIndex(dlg.person.findData(last.evaluation_id))
    dlg.set_field("level")
    assert "Hoàn thành nhiệm vụ" in dlg.old.text()
    dlg.new_level.setCurrentIndex(dlg.new_level.findData("tot"))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "lý do" in dlg.error.text() and dlg.isVisible()  # no reason: refused, the dialog stays
    dlg.reason.setPlainText("Phúc khảo theo đơn ngày 05/01/2026, kết luận của Hội đồng")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert head.view.row(last.cadre_id).level == "tot"
    history = [[head.corrections.item(r, c).text() for c in range(head.corrections.columnCount())]
               for r in range(head.corrections.rowCount())]
    assert history[0][1:3] == [last.full_name, "Mức xếp loại đề xuất"]
    assert history[0][3].startswith("Hoàn thành nhiệm vụ") and history[0][4] == "Hoàn thành tốt nhiệm vụ"
    assert history[0][5].startswith("Phúc khảo theo đơn") and history[0][6] == "truongphong"
    assert head.bottom.tabText(1) == f"Lịch sử đính chính ({len(history)})"
    assert ev.grid_row(demo_db.uow("t"), last.evaluation_id).level == "tot"


def test_scores_with_a_decimal_comma_products_and_a_veto(qtbot, demo_db: Database) -> None:
    unit, _people = commune(demo_db)
    head = page_for(qtbot, demo_db, "truongphong", "head")
    head.select(unit, 2026)
    head.open_round()
    clerk = page_for(qtbot, demo_db, "canbo", "clerk")
    clerk.select(unit, 2026)
    model = clerk.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[2:6] == ["Chung /30", "Nhiệm vụ /70", "Tổng", "Xếp loại"]

    go(clerk, 0, "score_general")
    type_cell(qtbot, clerk, "27,5", Qt.Key.Key_Down)
    assert clerk.grid.currentIndex().row() == 1  # Down saves the cell and goes to the next person
    row = model.rows[0]
    assert row.score_general == 27.5 and not row.entered  # the task points are still to come
    assert "Chưa nhập đủ điểm" in model.data(model.index(0, model.column_of("problems")))
    go(clerk, 0, "score_tasks")
    type_cell(qtbot, clerk, "63")
    row = model.rows[0]
    assert (row.score_total, row.level) == (90.5, "xuat_sac")
    assert model.data(model.index(0, model.column_of("total"))) == "90,5"
    assert model.data(model.index(0, model.column_of("result"))) == "Xuất sắc"

    # what cannot be a score is refused with a message, and the stored value stays
    go(clerk, 1, "score_general")
    type_cell(qtbot, clerk, "abc")
    assert "không phải là số" in clerk.status.text() and model.rows[1].score_general is None
    go(clerk, 1, "score_general")
    type_cell(qtbot, clerk, "31")
    assert "0–30" in clerk.status.text() and model.rows[1].score_general is None
    assert model.data(model.index(1, model.column_of("score_general"))) == ""

    # products of the second person give the task points
    go(clerk, 1, "name")
    dlg = clerk.open_product()
    assert dlg is not None
    dlg.description.setPlainText("Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất")
    dlg.measure.setText("hồ sơ")
    dlg.assigned.setText("120")
    dlg.delivered.setText("abc")
    dlg._submit()
    assert "không phải là số" in dlg.error.text()
    dlg.delivered.setText("114")
    dlg._submit()
    assert not dlg.isVisible() and clerk.products.rowCount() == 1
    assert clerk.products.item(0, 0).text().startswith("Giải quyết hồ sơ") and clerk.products.item(0, 3).text() == "114"
    assert "theo sản phẩm" in clerk.products_label.text()
    assert model.data(model.index(1, model.column_of("products"))) == "1"
    assert clerk.from_products.isEnabled()
    clerk.from_products.setChecked(True)
    clerk.save_details()
    go(clerk, 1, "score_general")
    type_cell(qtbot, clerk, "26")
    row = model.rows[1]
    assert row.product_score is not None and row.score_tasks == row.product_score.score and row.entered
    go(clerk, 1, "name")
    assert clerk.from_products.isChecked()  # typing the general points kept the task points from the products

    # a veto condition concluded for the first person: "Không hoàn thành nhiệm vụ", with the reason
    go(clerk, 0, "name")
    clerk._veto_boxes["suy_thoai"].setChecked(True)
    clerk.months_absent.setValue(0)
    clerk.save_details()
    row = model.rows[0]
    assert row.level == "khong_hoan_thanh" and row.veto_flags == ("suy_thoai",)
    assert "suy thoái" in model.data(model.index(0, model.column_of("problems")))
    assert "suy thoái" in clerk.detail_text.text()
    assert model.data(model.index(0, model.column_of("total"))) == "90,5"  # the points stay, the level is capped


def test_the_votes_and_planning_tabs(qtbot, demo_db: Database) -> None:
    unit, _people = commune(demo_db)
    page = page_for(qtbot, demo_db, "canbo", "clerk")
    page.select(unit, 2026)
    votes = page.votes
    assert votes.unit_id == unit and votes.new_button.isEnabled()
    votes.start_entry()
    assert votes.entry.rowCount() >= 3
    votes.held_on.setText("15/10/2026")
    votes.convened.setValue(30)
    votes.present.setValue(25)
    a, b = votes.people[0], votes.people[1]
    votes.set_ballots(a.id, 2, 5, 18)  # 18/25 low ≥ 2/3: dismissal
    votes.set_ballots(b.id, 20, 5, 0)
    votes.save()
    assert votes.view is not None and votes.view.quorum_ok and "Có mặt 25/30" in votes.quorum.text()
    texts = {votes.result.item(r, 0).text(): votes.result.item(r, 6).text() for r in range(votes.result.rowCount())}
    assert set(texts) == {a.full_name, b.full_name}
    assert texts[a.full_name].startswith("Từ 2/3 số phiếu tín nhiệm thấp") and "miễn nhiệm" in texts[a.full_name]
    assert texts[b.full_name].startswith("Không quá 1/2 số phiếu tín nhiệm thấp")
    row_a = next(r for r in range(votes.result.rowCount()) if votes.result.item(r, 0).text() == a.full_name)
    assert votes.result.item(row_a, 5).text() == "72%"
    assert votes.result.item(row_a, 6).foreground().color().name() == "#b00020"
    assert votes.list.count() == 1

    page.tabs.setCurrentWidget(page.planning)
    plan = page.planning
    viet = cadre_svc.search_cadres(demo_db.uow("t"), "Đặng Quốc Việt")[0]
    plan.reload()
    planned = [plan.table.item(r, 0).text() for r in range(plan.table.rowCount())]
    assert "Đặng Quốc Việt" in planned  # the demo plans him for Phó Chủ tịch UBND xã
    dlg = plan.open_add()
    dlg.person.search.setText("Đặng Quốc Việt")
    dlg.person.find_now()
    assert dlg.person.cadre_id() == viet.id
    dlg.term.setCurrentText("2026-2031")
    dlg.title.set_value("chu_tich_ubnd_xa")
    dlg.reference.setText("Nghị quyết 30-NQ/HU")
    dlg.on.setText(date(2026, 3, 1).strftime("%d/%m/%Y"))
    dlg._submit()
    assert not dlg.isVisible()
    rows = [r for r in plan.rows if r.cadre_id == viet.id and r.term == "2026-2031"]
    assert rows and rows[0].title_code == "chu_tich_ubnd_xa"
    i = plan.rows.index(rows[0])
    plan.table.selectRow(i)
    assert plan.remove_button.isEnabled()
    out = plan.open_remove()
    assert out is not None
    out.reference.setText("QĐ 45-QĐ/HU")
    out.reason.setPlainText("Điều chỉnh quy hoạch theo nghị quyết mới")
    out.on.setText("01/06/2026")
    out._submit()
    assert not out.isVisible()
    assert not any(r.active for r in plan.rows if r.cadre_id == viet.id and r.term == "2026-2031")
