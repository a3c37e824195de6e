"""The main window skeleton: the list of the demo office, search as you type, lazy loading."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.models.cadre_table import PAGE, CadreTableModel, Column
from canbo_desktop.ui.tasks import TaskRunner


def make_window(qtbot, db: Database, *, synchronous: bool = True) -> MainWindow:
    QSettings().clear()
    tasks = TaskRunner(synchronous=synchronous)
    with db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(db, office, "canbo", tasks)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def cell(w: MainWindow, row: int, col: Column) -> str:
    return w.model.data(w.model.index(row, col))


def test_list_shows_the_office_in_name_order(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    assert w.model.rowCount() == 122  # the small demo (120 generated + 2 showcase): one page, everything loaded
    given = [cell(w, r, Column.NAME).split()[-1] for r in range(10)]
    assert given[0].startswith(("A", "Á", "Ă", "Â"))  # Vietnamese order starts with A
    assert "Đơn vị: Huyện" in w.status_office.text()
    assert w.status_count.text() == "Tổng số: 122 cán bộ"
    assert w.model.headerData(0, Qt.Orientation.Horizontal) == "Họ và tên"


def test_search_filters_as_the_clerk_types(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    qtbot.keyClicks(w.search, "dang viet")
    qtbot.waitUntil(lambda: w.model.rowCount() >= 1 and cell(w, 0, Column.NAME) == "Đặng Quốc Việt", timeout=3000)
    assert cell(w, 0, Column.BIRTH) == "12/03/1975"
    assert cell(w, 0, Column.SEX) == "Nam"
    assert "Tìm thấy" in w.status_count.text()
    w.search.clear()
    qtbot.waitUntil(lambda: w.model.rowCount() == 122, timeout=3000)


def test_background_loading_does_not_block(qtbot, district_db: Database) -> None:
    w = make_window(qtbot, district_db, synchronous=False)
    qtbot.waitUntil(lambda: w.model.rowCount() == PAGE, timeout=5000)
    assert w.model.canFetchMore()
    w.table.scrollToBottom()  # the view asks for more as it scrolls
    qtbot.waitUntil(lambda: w.model.rowCount() >= 2 * PAGE, timeout=5000)
    qtbot.keyClicks(w.search, "nguyen thi hong nhung")
    qtbot.waitUntil(lambda: w.model.rowCount() >= 1 and cell(w, 0, Column.NAME) == "Nguyễn Thị Hồng Nhung", timeout=5000)
    w.tasks.wait()


def test_model_passes_qtmodeltester(qtmodeltester, district_db: Database) -> None:
    model = CadreTableModel(TaskRunner(synchronous=True))
    from canbo_desktop.domain.cadre import ListFilter
    from canbo_desktop.services.cadres import list_cadres

    uowf = district_db.uow("t")
    model.set_loader(lambda off, lim: list_cadres(uowf, ListFilter(), offset=off, limit=lim))
    assert model.rowCount() == PAGE
    qtmodeltester.check(model)


def test_filters_search_within_them_and_export_what_is_shown(qtbot, demo_db: Database, tmp_path) -> None:
    import openpyxl

    w = make_window(qtbot, demo_db)
    w.filters["sex"].set_value("F")
    assert w.model.rowCount() > 10
    assert {cell(w, r, Column.SEX) for r in range(w.model.rowCount())} == {"Nữ"}
    assert w.status_count.text().startswith("Tổng số:") and w._total == w.model.rowCount()
    qtbot.keyClicks(w.search, "nguyen")
    w.apply_search()
    shown = [cell(w, r, Column.NAME) for r in range(w.model.rowCount())]
    assert shown and all(n.startswith("Nguyễn") for n in shown[:3])
    assert {cell(w, r, Column.SEX) for r in range(w.model.rowCount())} == {"Nữ"}
    target = tmp_path / "danh-sach.xlsx"
    w.export_xlsx(str(target))
    ws = openpyxl.load_workbook(target).active
    names = [row[1] for row in ws.iter_rows(min_row=4, values_only=True)]
    assert names == shown
    assert ws.freeze_panes == "C4" and ws["B3"].value == "Họ và tên"
    assert f"Đã xuất {len(shown)} người" in w.status_count.text()


def test_unit_subtree_filter_and_column_chooser(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    combo = w.filters["unit"]
    commune = next(i for i in range(combo.count()) if combo.itemText(i).startswith(("Xã", "Phường")))
    combo.setCurrentIndex(commune)
    units = {cell(w, r, Column.UNIT) for r in range(w.model.rowCount())}
    place = combo.itemText(commune).split(" ", 1)[1]
    assert units and all(place in u for u in units)  # the commune's own bodies, nothing else
    header = w.table.horizontalHeader()
    header.setSectionHidden(Column.ID_NUMBER, True)
    assert header.isSectionHidden(Column.ID_NUMBER)


def test_the_window_fits_a_1366_pixel_screen_on_every_section(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    w.role = "admin"
    for key in ("records", "evaluation", "appointments", "reminders", "admin"):
        w.show_section(key)
        assert w.minimumSizeHint().width() <= 1366, key
        # and 1366×768 at 150 % (911×480 logical pixels under the taskbar): tests/ui/test_hidpi.py has the rest
        w.layout().invalidate()
        assert w.minimumSizeHint().width() <= 911 and w.minimumSizeHint().height() <= 480, key


def test_with_the_real_background_lane_the_list_comes_first_then_the_code_lists_and_the_role(qtbot,
                                                                                            demo_db: Database) -> None:
    """The first page is read before the code lists, unit paths, role and conflicts (which would otherwise compete
    with the window's first paint): the rows come, then the filters fill and the clerk's role applies."""
    w = make_window(qtbot, demo_db, synchronous=False)
    assert w.role == "viewer" and not w.codes  # nothing read yet: the least rights until the role is known
    qtbot.waitUntil(lambda: w.model.rowCount() == 122, timeout=10_000)
    qtbot.waitUntil(lambda: w.role == "clerk" and bool(w.codes), timeout=10_000)
    assert w._unit_paths  # the units' paths came with them
    w.tasks.wait()
