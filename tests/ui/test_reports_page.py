"""The reports page on the hand-made tree of the report tests (tests/integration/test_reports.py), where
every answer is known: the dashboard's cells and colours, the charts, the drill-down to the people and to
their record, a past date, the exports read back (openpyxl, pdftotext), the statistics tab and the masking
of sensitive breakdowns for a user without the permission."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication

from canbo_desktop.db import models as m
from canbo_desktop.domain.dates import add_months, format_date
from canbo_desktop.services.database import Database
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.models.targets_model import MET_BG, NO_DATA_BG, NOT_MET_BG, STATE_ROLE
from canbo_desktop.ui.pages.reports_page import ReportsPage
from canbo_desktop.ui.tasks import TaskRunner
from tests.integration.test_pdf_cv import pdftext
from tests.integration.test_reports import Tree, build_tree

INDICATORS = ["can_bo_tre", "can_bo_nu", "trinh_do_dai_hoc", "llct_trung_cap", "cap_nhat_kien_thuc",
              "dan_toc_thieu_so", "chu_chot_khong_phai_nguoi_dia_phuong"]


def add_user(db: Database, username: str, *, sensitive: bool) -> None:
    with db.uow("t")() as uow:
        uow.session.add(m.UserRecord(username=username, full_name=username, password_hash="x", role="head",
                                     can_view_sensitive=sensitive, created_at=datetime.now()))
        uow.commit()


@pytest.fixture
def tree(empty_db: Database) -> Iterator[Tree]:
    t = build_tree(empty_db)
    add_user(empty_db, "truongphong", sensitive=True)
    add_user(empty_db, "vanthu", sensitive=False)
    yield t


def make_page(qtbot, tree: Tree, user: str = "truongphong") -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage(tree.db.uow(user), TaskRunner(synchronous=True), user)
    qtbot.addWidget(page)
    page.resize(1160, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def cell(page: ReportsPage, unit_id: str, code: str) -> QModelIndex:
    assert page.targets is not None
    col = 1 + [i.code for i in page.targets.indicators].index(code)
    return page.model.unit_index(unit_id, col)


def text(page: ReportsPage, unit_id: str, code: str) -> str:
    return str(page.model.data(cell(page, unit_id, code)))


def click(qtbot, page: ReportsPage, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    page.tree.scrollTo(index)
    rect = page.tree.visualRect(index)
    assert rect.isValid() and not rect.isEmpty()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_dashboard_shows_each_unit_summed_over_its_subtree_in_colour(qtbot, tree: Tree) -> None:
    page = make_page(qtbot, tree)
    u = tree.units
    assert page.targets is not None and page.targets.root.id == u["40"]  # the tree's only root by default
    assert page.unit.currentData() == u["40"] and page.at.text() == format_date(date.today())
    # the tree: the province, its two units, the department's office under the department
    root = page.model.index(0, 0)
    assert page.model.data(root) == "Tỉnh Thử" and page.model.rowCount(root) == 2
    dept = page.model.index(0, 0, root)
    assert page.model.data(dept) == "Sở Nội vụ" and page.model.data(page.model.index(0, 0, dept)) == "Phòng Công chức"
    assert page.model.columnCount() == 1 + len(INDICATORS)
    heads = [str(page.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(1, page.model.columnCount())]
    assert heads[1] == "Cán bộ nữ\n≥ 15%" and heads[5].endswith("theo dõi")
    # women leaders: the province 1/8 (not met although the average of its units would be 16,67%)
    assert text(page, u["40"], "can_bo_nu") == "1/8 = 12,5%"
    assert text(page, u["40.S01"], "can_bo_nu") == "1/3 = 33,33%"
    assert text(page, u["40.X01"], "can_bo_nu") == "0/5 = 0%"
    assert text(page, u["40"], "can_bo_tre") == "2/8 = 25%"
    assert text(page, u["40"], "dan_toc_thieu_so") == "2/11 = 18,18%"
    assert text(page, u["40.S01"], "chu_chot_khong_phai_nguoi_dia_phuong") == "—"
    bg = Qt.ItemDataRole.BackgroundRole
    women_root = cell(page, u["40"], "can_bo_nu")
    assert page.model.data(women_root, STATE_ROLE) == "not_met"
    assert page.model.data(women_root, bg).color() == NOT_MET_BG
    assert page.model.data(cell(page, u["40.S01"], "can_bo_nu"), bg).color() == MET_BG
    assert page.model.data(cell(page, u["40"], "can_bo_tre"), bg).color() == MET_BG
    assert page.model.data(cell(page, u["40.S01"], "chu_chot_khong_phai_nguoi_dia_phuong"), bg).color() == NO_DATA_BG
    assert page.model.data(cell(page, u["40"], "dan_toc_thieu_so"), bg) is None  # no threshold: no verdict
    tip = str(page.model.data(women_root, Qt.ItemDataRole.ToolTipRole))
    assert "1/8 = 12,5%: chưa đạt" in tip and "Ngưỡng: ≥ 15% đến 31/12/2025" in tip and "Hạn: 31/12/2025" in tip
    # the chart of the selected indicator: a bar per unit below the selected one, the threshold across
    page.tree.setCurrentIndex(women_root)
    assert page.bar_chart.labels == ["Sở Nội vụ", "Xã Tân Lập"]
    assert page.bar_chart.values == [33.33, 0.0] and page.bar_chart.threshold == 15.0
    page.tree.setCurrentIndex(cell(page, u["40.S01"], "trinh_do_dai_hoc"))
    assert page.bar_chart.labels == ["Phòng Công chức"] and page.bar_chart.values == [100.0]
    # the trend: five past years then today, the last point being today's figure
    assert len(page.trend_chart.labels) == 6 and page.trend_chart.labels[0] == str(date.today().year - 5)
    assert page.trend_chart.values[-1] == 100.0 and not page.trend_pending
    assert not page.busy.isVisible()


def test_clicking_a_number_lists_the_people_counted_and_opens_their_record(qtbot, tree: Tree) -> None:
    QSettings().clear()
    win = MainWindow(tree.db, None, "truongphong", TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    page = win.show_section("reports")
    assert isinstance(page, ReportsPage)
    u, p = tree.units, tree.people
    click(qtbot, page, cell(page, u["40"], "can_bo_nu"))
    drill = page.drill
    assert drill is not None and drill.isVisible()
    assert [x.full_name for x in drill.people] == ["Lê Thị Hoa"] and drill.count.text() == "1 người"
    assert "1/8 = 12,5%" in drill.heading.text()
    drill.part.setCurrentIndex(drill.part.findData("denominator"))
    assert {x.id for x in drill.people} == {p[k] for k in ("a1", "a2", "p1", "b1", "b2", "b3", "b4", "b5")}
    assert drill.model.rowCount() == 8
    # another number of the commune: the list follows
    click(qtbot, page, cell(page, u["40.X01"], "trinh_do_dai_hoc"))
    assert drill.part.currentData() == "numerator" and drill.model.rowCount() == 3
    drill.part.setCurrentIndex(drill.part.findData("unknown"))
    assert [x.id for x in drill.people] == [p["b5"]]
    assert drill.model.text(0, 0) == "Đặng Văn Nam" and "Xã Tân Lập" in drill.model.text(0, 3)
    # Enter on the person opens the record in the main window
    drill.table.setFocus()
    drill.table.setCurrentIndex(drill.model.index(0, 0))
    with qtbot.waitSignal(page.open_cadre, timeout=2000) as opened:
        qtbot.keyClick(drill.table, Qt.Key.Key_Return)
    assert opened.args == [p["b5"]]
    assert win.editors and win.editors[-1].cadre_id == p["b5"]
    for editor in list(win.editors):
        editor.undo.setClean()
        editor.close()
    drill.close()
    QSettings().clear()


def test_a_past_date_computes_the_figures_as_of_that_date(qtbot, tree: Tree) -> None:
    page = make_page(qtbot, tree)
    u = tree.units
    assert text(page, u["40"], "can_bo_tre") == "2/8 = 25%"
    past = add_months(date.today(), -60)
    page.at.setText(format_date(past))
    page.reload()
    assert page.targets is not None and page.targets.at == past and page.targets.reconstructed
    # five years younger: the 38-year-old, the 42-year-old and the 33-year-old leaders were under 40
    assert text(page, u["40"], "can_bo_tre") == "3/8 = 37,5%"
    assert "dựng lại từ lịch sử" in page.status.text() and "quyết định" in page.status.toolTip()
    page.at.setText("31/02/2026")
    page.reload()
    assert page.status.text() and "color: #b00020" in page.status.styleSheet()
    assert page.targets.at == past  # the last figures stay


def test_the_export_buttons_write_the_workbook_and_the_pdf_of_what_is_shown(qtbot, tree: Tree, tmp_path: Path) -> None:
    page = make_page(qtbot, tree)
    assert page.xlsx_button.isEnabled() and page.pdf_button.isEnabled()
    page.export_xlsx(str(tmp_path / "chi-tieu"))  # the suffix is added
    out = tmp_path / "chi-tieu.xlsx"
    assert out.exists() and str(out) in page.status.text()
    wb = load_workbook(out)
    ws = wb["Chỉ tiêu"]
    women = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[1] == "40" and r[3] == "Tỷ lệ cán bộ nữ")
    assert (women[4], women[5], women[9]) == (1, 8, "Chưa đạt")
    assert "Xu hướng" in wb.sheetnames  # the trend computed on the page goes with it
    trend = wb["Xu hướng"]
    assert trend.cell(row=4, column=4 + 5).value.date() == date.today()
    page.export_pdf(str(tmp_path / "chi-tieu.pdf"))
    pdf = " ".join(pdftext(tmp_path / "chi-tieu.pdf").split())
    assert "Tỉnh Thử: 1/8 = 12,5%: chưa đạt (chỉ tiêu ≥ 15% đến 31/12/2025)." in pdf and "BÁO CÁO" in pdf
    # the statistics tab exports the statistics
    page.tabs.setCurrentIndex(1)
    assert page.stats is not None
    page.export_xlsx(str(tmp_path / "thong-ke.xlsx"))
    wb = load_workbook(tmp_path / "thong-ke.xlsx")
    assert wb.sheetnames[0] == "SL-CL" and "Dân tộc" in wb.sheetnames
    q = page.stats.tables[0]
    assert wb["SL-CL"].cell(row=7 + len(q.rows), column=3).value == 11
    page.export_pdf(str(tmp_path / "thong-ke.pdf"))
    pdf = " ".join(pdftext(tmp_path / "thong-ke.pdf").split())
    assert "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC" in pdf and "Xã Tân Lập" in pdf
    with tree.db.uow("t")() as uow:
        from sqlalchemy import select

        logged = [(a.actor, a.changes["report"], a.changes["file"]) for a in uow.session.scalars(
            select(m.AuditRecord).where(m.AuditRecord.action == "export").order_by(m.AuditRecord.seq))]
    assert logged == [("truongphong", "targets", "chi-tieu.xlsx"), ("truongphong", "targets", "chi-tieu.pdf"),
                      ("truongphong", "statistics", "thong-ke.xlsx"), ("truongphong", "statistics", "thong-ke.pdf")]


def test_the_statistics_tab_and_its_chart(qtbot, tree: Tree) -> None:
    page = make_page(qtbot, tree)
    page.tabs.setCurrentIndex(1)
    assert page.stats is not None
    keys = page.stat_keys()
    assert keys[0] == "so_luong_chat_luong" and {"sex", "age", "ethnicity", "religion", "grade", "education",
                                                  "political", "state_mgmt", "party"} <= set(keys)
    t = page.stat_model
    assert page.stat_table.model() is t
    heads = t.headers
    assert heads[:3] == ["STT", "Đơn vị", "Tổng số"] and "Trong đó\nNữ" in heads
    rows = {t.text(i, 1).strip(): i for i in range(t.rowCount())}
    assert set(rows) == {"Sở Nội vụ", "Xã Tân Lập", "Tổng cộng"}
    assert t.text(rows["Tổng cộng"], 2) == "11" and t.text(rows["Sở Nội vụ"], 2) == "5"
    assert t.data(t.index(rows["Tổng cộng"], 1), Qt.ItemDataRole.FontRole).bold()
    assert page.stat_chart.labels == ["Sở Nội vụ", "Xã Tân Lập"] and page.stat_chart.values == [5, 6]
    page.select_stat_table("sex")
    assert t.headers == ["STT", "Đơn vị", "Tổng số", "Nam", "Nữ"]
    assert [t.text(t.rowCount() - 1, c) for c in (2, 3, 4)] == ["11", "8", "3"]
    assert page.stat_chart.labels == ["Nam", "Nữ"] and page.stat_chart.values == [8, 3]
    page.select_stat_table("ethnicity")
    assert page.stat_stack.currentWidget() is page.stat_table
    assert "Ê Đê" in t.headers
    # two levels of units: the department's office and the people attached to the department itself
    page.levels.setValue(2)
    page.select_stat_table("so_luong_chat_luong")
    labels = [t.text(i, 1).strip() for i in range(t.rowCount())]
    assert labels == ["Sở Nội vụ", "Phòng Công chức", "Trực tiếp tại Sở Nội vụ", "Xã Tân Lập", "Tổng cộng"]


def test_a_user_without_the_permission_sees_sensitive_breakdowns_masked(qtbot, tree: Tree, tmp_path: Path) -> None:
    page = make_page(qtbot, tree, "vanthu")
    assert not page.can_view_sensitive
    page.tabs.setCurrentIndex(1)
    assert page.stats is not None
    heads = " ".join(page.stat_model.headers)
    assert "Nữ" in heads and "Dân tộc thiểu số" not in heads and "Tôn giáo" not in heads
    page.select_stat_table("ethnicity")
    assert page.stat_stack.currentWidget() is page.masked_label and "Không có quyền xem" in page.masked_label.text()
    assert page.stat_chart.values == []
    item = page.table_list.currentItem()
    assert item is not None and "không có quyền xem" in item.text()
    page.export_xlsx(str(tmp_path / "thong-ke.xlsx"))
    names = load_workbook(tmp_path / "thong-ke.xlsx").sheetnames
    assert "Dân tộc" not in names and "Tôn giáo" not in names and "Giới tính" in names
    # the people behind the ethnic-minority figure are not listed either (the figure itself is shown)
    page.tabs.setCurrentIndex(0)
    u = tree.units
    assert text(page, u["40"], "dan_toc_thieu_so") == "2/11 = 18,18%"
    page._cell_clicked(cell(page, u["40"], "dan_toc_thieu_so"))
    assert page.drill is not None and page.drill.people == [] and page.drill.status.text() == (
        "Không có quyền xem danh sách này (dữ liệu nhạy cảm: dân tộc, tôn giáo).")
    page._cell_clicked(cell(page, u["40"], "can_bo_nu"))
    assert [x.full_name for x in page.drill.people] == ["Lê Thị Hoa"]
    page.drill.close()


def test_the_page_fits_a_1366_by_768_screen(qtbot, tree: Tree) -> None:
    QSettings().clear()
    win = MainWindow(tree.db, None, "truongphong", TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    page = win.show_section("reports")
    assert isinstance(page, ReportsPage)
    QApplication.processEvents()
    assert win.width() <= 1366 and win.height() <= 768
    for w in (page.xlsx_button, page.pdf_button, page.view_button, page.at):
        assert w.isVisible() and w.visibleRegion().boundingRect().width() == w.width(), w
        assert w.mapTo(win, w.rect().topRight()).x() <= win.width()
    assert page.tree.height() > 200 and page.bar_chart.height() > 170
    QSettings().clear()


@pytest.fixture
def office_window(qtbot, tree: Tree) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window of the office (as "truongphong") with the real background lanes, no counts kept yet."""
    from canbo_desktop.db import count_cache
    from canbo_desktop.services.setup import office_info

    QSettings().clear()
    count_cache.clear()
    with tree.db.uow("t")() as uow:
        office = office_info(uow)
    win = MainWindow(tree.db, office, "truongphong", TaskRunner(synchronous=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.tasks.wait()
    count_cache.clear()
    QSettings().clear()


def test_the_dashboard_counted_ahead_in_the_background_opens_from_the_kept_counts(qtbot, tree: Tree,
                                                                                 office_window: MainWindow) -> None:
    """Once the clerk pauses, the main window counts the dashboard off the database lane; opening it then, after
    a clerk's edit, recounts only the edited person's unit, and shows the edit."""
    from canbo_desktop.db import count_cache
    from canbo_desktop.services.cadres import cadre_file
    from canbo_desktop.services.records import save_cadre_file

    win = office_window
    win.warm_dashboard()  # what the timer does once the clerk has paused WARM_DASHBOARD_MS
    qtbot.waitUntil(lambda: count_cache.last_outcome == ["whole"], timeout=10_000)
    uowf = tree.db.uow("canbo")
    f = cadre_file(uowf, tree.people["b3"])
    save_cadre_file(uowf, replace(f, cadre=replace(f.cadre, sex="F", full_name="Vũ Thị Long")))
    page = win.show_section("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.targets is not None, timeout=10_000)
    assert page.targets is not None
    assert count_cache.last_outcome[:2] == ["whole", "recounted 1 units"]
    row = page.targets.row(tree.units["40"], "can_bo_nu")
    assert (row.numerator, row.denominator) == (2, 8)  # the edit is in the figures
    qtbot.waitUntil(lambda: not page.trend_pending, timeout=20_000)  # the trend's past years (not kept: rebuilt)
    win.warm_dashboard()  # once the dashboard is open it is not counted ahead again
    win.tasks.wait()
    assert count_cache.last_outcome[:2] == ["whole", "recounted 1 units"] and len(count_cache.last_outcome) == 2


def test_the_dashboard_is_counted_ahead_only_once_the_clerk_pauses(qtbot, office_window: MainWindow) -> None:
    """Not while the clerk types in the search box: its Python parts would share the interpreter with them."""
    from canbo_desktop.db import count_cache

    win = office_window
    qtbot.waitUntil(lambda: win._warm_timer is not None, timeout=10_000)  # the code lists are in
    assert win._warm_timer is not None and count_cache.last_outcome == []
    win._warm_timer.setInterval(400)  # a pause of 0.4 s instead of WARM_DASHBOARD_MS (restarts it)
    for ch in "nguyen van":  # a key every 150 ms for 1.5 s: each restarts the wait
        win.search.setText(win.search.text() + ch)
        qtbot.wait(150)
        assert count_cache.last_outcome == []
    win.search.clear()
    qtbot.waitUntil(lambda: count_cache.last_outcome == ["whole"], timeout=10_000)
    assert win._warm_timer is None
