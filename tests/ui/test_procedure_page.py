"""A whole appointment through the procedure screen, on a real demo database: start the procedure for the
demo's eligible candidate, record the policy with its deadlines, the five conference steps (one failing
first, then held again), tick the dossier, and record the decision; the person's record then shows the new
post and the end of its term. A clerk prepares; only the head completes; cancelling needs a reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.rules.terms import term_end
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.services import refdata
from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.services.database import Database
from canbo_desktop.services.rules import rule_book
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.pages.appointments_page import AppointmentsPage
from canbo_desktop.ui.pages.procedure_panel import ProcedurePanel
from canbo_desktop.ui.tasks import TaskRunner

TITLE = "pho_chu_tich_ubnd_xa"


def commune_ubnd(db: Database) -> str:
    """The People's Committee of the commune the demo plans its candidates for."""
    with db.uow("t")() as uow:
        return str(uow.session.scalars(select(m.OrgUnitRecord.id).where(
            m.OrgUnitRecord.code.like("%.X02.UBND"))).one())


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


def head_panel(qtbot, db: Database) -> ProcedurePanel:
    uowf = db.uow("truongphong")
    panel = ProcedurePanel(uowf, TaskRunner(synchronous=True), refdata.code_choices(uowf), "head")
    qtbot.addWidget(panel)
    panel.resize(1200, 680)
    panel.show()
    return panel


def cells(table, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def record_step(qtbot, panel: ProcedurePanel, no: int, held: str, convened: int, present: int,
                agree: int | None = None) -> None:
    dlg = panel.open_step()
    assert dlg is not None and dlg.step_no == no, "the next step to hold is the one chosen"
    dlg.held_on.setText(held)
    if agree is None:
        dlg.set_counts(convened=convened, present=present)
    else:
        dlg.set_counts(convened=convened, present=present, ballots_issued=present, ballots_returned=present,
                       ballots_valid=present, agree=agree, disagree=present - agree)
    dlg.minutes.setPlainText(f"Biên bản hội nghị bước {no}")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.error.text()


def test_a_whole_appointment_from_policy_to_decision(qtbot, window: MainWindow, demo_db: Database) -> None:
    page = window.show_section("appointments")
    assert isinstance(page, AppointmentsPage)
    clerk = page.procedures
    assert page.tabs.currentWidget() is clerk and clerk.start_button.isEnabled()
    assert "Chưa có quy trình nào" in clerk.title.text()
    viet = cadre_svc.search_cadres(demo_db.uow("t"), "Đặng Quốc Việt")[0]
    ubnd = commune_ubnd(demo_db)

    # start: the person, the title, the unit of the post
    dlg = clerk.open_start()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "Chọn người" in dlg.error.text() and dlg.isVisible()
    dlg.person.search.setText("dang quoc viet")
    dlg.person.find_now()
    assert dlg.person.cadre_id() == viet.id
    dlg.title.set_value(TITLE)
    dlg.unit.set_value(ubnd)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.error.text()
    view = clerk.view
    assert view is not None and view.cadre_id == viet.id and view.status_label == "Đang thực hiện"
    assert cells(clerk.list, 0) == ["Đặng Quốc Việt"] and cells(clerk.list, 1) == ["Phó Chủ tịch UBND xã"]
    assert "Bổ nhiệm Phó Chủ tịch UBND xã" in clerk.title.text() and "Nguồn nhân sự tại chỗ" in clerk.title.text()
    assert clerk.steps.rowCount() == 5 and cells(clerk.steps, 7) == ["Chưa thực hiện"] * 5
    assert cells(clerk.steps, 0)[0].startswith("1. Hội nghị tập thể lãnh đạo")
    assert clerk.docs.rowCount() == 10 and all(t.startswith("Thiếu") for t in cells(clerk.docs, 3))
    assert clerk.docs.item(0, 3).foreground().color().name() == "#b00020"
    assert "Chưa có chủ trương" in clerk.blockers.text()
    assert not clerk.complete_button.isEnabled() and "lãnh đạo phòng" in clerk.complete_button.toolTip()
    assert clerk.pdf_button.isEnabled()  # the dossier can be previewed at any stage
    clerk.on.setText("01/12/2026")
    clerk.refresh()
    assert clerk.view is not None and clerk.view.eligibility is not None
    assert "ĐỦ điều kiện" in clerk.elig_summary.text() and clerk.elig_table.rowCount() >= 8

    # a step before the policy is refused with the reason
    dlg2 = clerk.open_step()
    assert dlg2 is not None
    dlg2.held_on.setText("10/11/2026")
    dlg2.set_counts(convened=9, present=8)
    qtbot.mouseClick(dlg2.ok_button, Qt.MouseButton.LeftButton)
    assert "Chưa có chủ trương được phê duyệt" in dlg2.error.text()
    dlg2.reject()

    # the policy and its deadlines (15 working days to decide, 30 to finish)
    clerk.policy_ref.setText("Công văn số 120/UBND-NV")
    clerk.policy_submitted.setText("02/11/2026")
    clerk.policy_approved.setText("09/11/2026")
    qtbot.mouseClick(clerk.policy_button, Qt.MouseButton.LeftButton)
    assert "Đã lưu chủ trương" in clerk.status.text()
    assert "hạn quyết định chủ trương 23/11/2026" in clerk.policy_text.text()
    assert "Hạn hoàn thành quy trình nhân sự 21/12/2026" in clerk.policy_text.text()

    # the five steps; step 3 first fails (4 of 9 agree), is held again and passes
    record_step(qtbot, clerk, 1, "10/11/2026", 9, 8)
    record_step(qtbot, clerk, 2, "11/11/2026", 25, 22, agree=18)
    record_step(qtbot, clerk, 3, "12/11/2026", 9, 9, agree=4)
    assert cells(clerk.steps, 7)[2] == "Không đạt" and "không đạt" in clerk.step_text.text()
    assert clerk.steps.item(2, 7).foreground().color().name() == "#b00020"
    assert any("Bước 3" in b and "không đạt" in b for b in clerk.view.blockers)
    record_step(qtbot, clerk, 3, "13/11/2026", 9, 9, agree=7)
    assert cells(clerk.steps, 7)[:3] == ["Đã thực hiện", "Đã thực hiện", "Đạt"]
    assert "Đồng ý 7/9" in clerk.steps.item(2, 7).toolTip()
    record_step(qtbot, clerk, 4, "14/11/2026", 30, 27, agree=24)
    record_step(qtbot, clerk, 5, "16/11/2026", 9, 9, agree=8)
    assert cells(clerk.steps, 7) == ["Đã thực hiện", "Đã thực hiện", "Đạt", "Đã thực hiện", "Đạt"]
    assert cells(clerk.steps, 4)[1] == "22/22/22" and cells(clerk.steps, 4)[0] == "—"

    # the dossier: each item ticked with its date (typing a date ticks it)
    for r in range(clerk.docs.rowCount()):
        clerk.docs.item(r, 2).setText("17/11/2026")
    assert all(clerk.docs.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(10))
    assert cells(clerk.docs, 3)[-1].startswith("Còn giá trị đến 17/05/2027")
    assert clerk.view.blockers == () and "Đủ điều kiện kết thúc" in clerk.blockers.text()
    assert not clerk.complete_button.isEnabled()  # a clerk prepares, the head decides
    # untick one and tick it back: the blockers follow
    clerk.docs.item(6, 0).setCheckState(Qt.CheckState.Unchecked)
    assert "7. Kết luận về tiêu chuẩn chính trị" in clerk.blockers.text()
    clerk.docs.item(6, 0).setCheckState(Qt.CheckState.Checked)
    assert clerk.view.blockers == ()

    # the head records the decision
    head = head_panel(qtbot, demo_db)
    head.on.setText("01/12/2026")
    head.refresh()
    assert head.view is not None and head.view.id == view.id and head.complete_button.isEnabled()
    done = head.open_completion()
    assert done is not None and done.effective.text() == "01/12/2026"
    done.number.setText("25/QĐ-UBND")
    done.signed_on.setText("20/11/2026")
    done.issuer.setText("UBND huyện Vĩnh Tường")
    qtbot.mouseClick(done.ok_button, Qt.MouseButton.LeftButton)
    assert not done.isVisible(), done.error.text()
    QApplication.processEvents()
    assert head.view.status == "done" and "Đã có quyết định" in head.title.text()
    assert "Quyết định số 25/QĐ-UBND" in head.decision_text.text()
    assert not head.complete_button.isEnabled() and not head.cancel_button.isEnabled()
    assert "Đã ghi quyết định" in head.status.text()

    # the record shows the new post and the end of its term (5 years, or retirement when earlier)
    f = cadre_file(demo_db.uow("t"), viet.id)
    book = rule_book(demo_db.uow("t"))
    assert f.cadre.birth_date is not None
    retire_on = retirement(f.cadre.sex, f.cadre.birth_date, f.cadre.birth_precision or "day", book).retirement_date
    expected = term_end(date(2026, 12, 1), retire_on if retire_on >= date(2026, 12, 1) else None, book).end
    assert (f.cadre.title_code, f.cadre.owner_unit_id) == (TITLE, ubnd)
    assert f.cadre.current_position == "Phó Chủ tịch UBND xã"
    assert (f.cadre.position_start_date, f.cadre.term_end_date) == (date(2026, 12, 1), expected)
    assert expected == date(2031, 11, 30)
    post = [p for p in f.positions if p.title_code == TITLE][0]
    assert (post.start_date, post.term_end) == (date(2026, 12, 1), expected)

    # the clerk's list shows the procedure done
    clerk.reload()
    assert cells(clerk.list, 5) == ["Đã có quyết định"]

    # the dossier of the procedure opens in the preview
    clerk.open_procedure(view.id)
    assert clerk.pdf_button.isEnabled()
    qtbot.mouseClick(clerk.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(clerk.previews), timeout=10_000)
    preview = clerk.previews[-1]
    import subprocess

    text = " ".join(subprocess.run(["pdftotext", str(preview.pdf_path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert preview.page_count() >= 5
    assert "TỜ TRÌNH" in text and "QUYẾT ĐỊNH" in text and "ĐẶNG QUỐC VIỆT" in text
    preview.close()
    with demo_db.uow("t")() as uow:  # the dossier left the database: the audit log says who and whose
        from sqlalchemy import select

        from canbo_desktop.db.models import AuditRecord

        exports = uow.session.scalars(select(AuditRecord).where(AuditRecord.action == "export")).all()
        assert any(e.changes.get("document") == "appointment-dossier" and e.entity_id == view.cadre_id for e in exports)


def test_cancel_needs_the_head_and_a_reason(qtbot, window: MainWindow, demo_db: Database) -> None:
    page = window.show_section("appointments")
    assert isinstance(page, AppointmentsPage)
    clerk = page.procedures
    dlg = clerk.open_start()
    dlg.person.search.setText("Lê Văn Dục")
    dlg.person.find_now()
    dlg.title.set_value(TITLE)
    dlg.source.set_value("external")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.error.text()
    assert clerk.view is not None and clerk.steps.rowCount() == 3  # a candidate from elsewhere: 3 steps
    assert not clerk.cancel_button.isEnabled() and clerk.open_cancel() is None
    # a second procedure for the same person and title is refused
    again = clerk.open_start()
    again.person.search.setText("Lê Văn Dục")
    again.person.find_now()
    again.title.set_value(TITLE)
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert "đang thực hiện" in again.error.text()
    again.reject()

    head = head_panel(qtbot, demo_db)
    assert head.view is not None and head.cancel_button.isEnabled()
    reason = head.open_cancel()
    assert reason is not None
    qtbot.mouseClick(reason.ok_button, Qt.MouseButton.LeftButton)
    assert "Ghi lý do" in reason.error.text()
    reason.reason.setPlainText("Đơn vị sáp nhập, không còn nhu cầu")
    qtbot.mouseClick(reason.ok_button, Qt.MouseButton.LeftButton)
    assert not reason.isVisible()
    assert head.view.status == "cancelled" and "không còn nhu cầu" in head.decision_text.text()
    assert not head.step_button.isEnabled()
    head.filter.setCurrentIndex(1)  # every procedure, the cancelled one too
    assert cells(head.list, 5) == ["Đã huỷ"]


def test_the_eligibility_check_is_the_second_tab(qtbot, window: MainWindow) -> None:
    page = window.show_section("appointments")
    assert isinstance(page, AppointmentsPage)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Quy trình bổ nhiệm",
                                                                       "Kiểm tra điều kiện bổ nhiệm"]
    page.search.setText("dang quoc viet")
    page._find_people()
    page.title.set_value(TITLE)
    page.on.setText("01/12/2026")
    page.check()
    assert page.tabs.currentWidget() is page.check_tab
    assert page.report is not None and "ĐỦ điều kiện" in page.summary.text()
