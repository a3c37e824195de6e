"""Nothing clipped on a small or scaled screen: a 1366×768 laptop at 150 % leaves 911×512 logical pixels (about
911×480 under the taskbar). Every section and every dialog must fit that, and open no larger than the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget, QWizard

from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import SMALL_SCREEN, FlowLayout, available_area, fit_window

ROOT = Path(__file__).resolve().parents[2]
MY_SECTIONS = ("records", "evaluation", "appointments", "reminders", "admin")


def window(qtbot, db: Database) -> MainWindow:
    QSettings().clear()
    with db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(db, office, "canbo", TaskRunner(synchronous=True))
    qtbot.addWidget(w)
    w.role = "admin"
    w.show()
    qtbot.waitExposed(w)
    return w


def least(widget: QWidget) -> QSize:
    """The smallest size the widget's layout allows now (QMainWindow caches its hint: recompute it)."""
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()
        layout.activate()
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def fits_small_screen(size: QSize) -> bool:
    return size.width() <= SMALL_SCREEN.width() and size.height() <= SMALL_SCREEN.height()


def within_screen(widget: QWidget) -> bool:
    area = available_area(widget)
    return widget.width() <= area.width() and widget.height() <= area.height()


def open_round(db: Database) -> tuple[str, int]:
    """An evaluation round of a commune, so the page shows its grid, details and veto conditions."""
    from sqlalchemy import select

    from canbo_desktop.db import models as m
    from canbo_desktop.services import evaluation as ev

    uowf = db.uow("admin")
    with uowf() as uow:
        unit = uow.session.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.kind == "xa")).first()
    assert unit is not None
    ev.open_round(uowf, unit, 2026, role="admin")
    return unit, 2026


def test_every_section_fits_911_by_480(qtbot, demo_db: Database) -> None:
    unit, year = open_round(demo_db)
    w = window(qtbot, demo_db)
    for key in MY_SECTIONS:
        page = w.show_section(key)
        if key == "evaluation":
            page.select(unit, year)  # type: ignore[attr-defined]
            page.grid.setCurrentIndex(page.model.index(0, 1))  # type: ignore[attr-defined]
            assert page._veto_boxes  # type: ignore[attr-defined]  # the long veto conditions are on screen
        QApplication.processEvents()
        assert fits_small_screen(least(page)), (key, least(page))
        assert fits_small_screen(least(w)), (key, least(w))  # the pages seen so far, with navigation and menus
    w.resize(SMALL_SCREEN)  # and the window really goes down to it (Qt keeps no stale, larger minimum)
    QApplication.processEvents()
    assert w.size() == SMALL_SCREEN


def test_the_filters_wrap_and_show_what_is_in_use(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    w.resize(SMALL_SCREEN)
    QApplication.processEvents()
    bar = w.filter_bar
    assert isinstance(bar, FlowLayout) and bar.lines() == 2  # seven filters and "Xoá lọc" on two lines at 911 px
    right = w.centralWidget().mapTo(w, w.centralWidget().rect().topRight()).x()
    for key, combo in w.filters.items():
        box = combo.geometry()
        edge = combo.parentWidget().mapTo(w, box.topRight()).x()
        assert combo.isVisible() and edge <= right, key  # every filter in sight, none cut off on the right
        assert box.width() >= combo.minimumSizeHint().width(), key
    assert w.clear_filters_button.text() == "Xoá lọc" and not w.clear_filters_button.isEnabled()
    everyone = w.model.rowCount()
    w.filters["sex"].set_value("F")
    w.filters["party"].set_value("1")
    assert w.active_filters() == ["sex", "party"]
    assert w.clear_filters_button.text() == "Xoá lọc (2)" and w.clear_filters_button.isEnabled()
    assert w.filters["sex"].font().bold() and not w.filters["unit"].font().bold()
    assert 0 < w.model.rowCount() < everyone
    w.clear_filters_button.click()
    assert w.active_filters() == [] and w.clear_filters_button.text() == "Xoá lọc"
    assert w.model.rowCount() == everyone and not w.filters["sex"].font().bold()
    w.resize(1366, 700)  # on a 1366-px screen at 100 % the filters stay on one line
    QApplication.processEvents()
    assert bar.lines() == 1


def a4_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4)
    c.drawString(100, 700, "SO YEU LY LICH")
    c.showPage()
    c.save()
    return path


def test_dialogs_fit_and_open_within_the_screen(qtbot, demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    from canbo_desktop.ui.dialogs.about import AboutDialog
    from canbo_desktop.ui.dialogs.first_run import FirstRunWizard
    from canbo_desktop.ui.dialogs.import_wizard import ImportWizard
    from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
    from canbo_desktop.ui.dialogs.trash_dialog import TrashDialog

    w = window(qtbot, demo_db)
    tasks = TaskRunner(synchronous=True)
    editor = w.open_cadre(None)
    assert editor is not None
    dialogs: dict[str, QWidget] = {
        "editor": editor,
        "import": ImportWizard(w.uowf, tasks, w),
        "trash": TrashDialog(w.uowf, tasks, "admin", w),
        "first_run": FirstRunWizard(empty_db),
        "pdf": PdfPreviewDialog(a4_pdf(tmp_path / "cv.pdf"), "Sơ yếu lý lịch"),
        "about": AboutDialog(w),
    }
    area = available_area(w)
    for name, dlg in dialogs.items():
        qtbot.addWidget(dlg)
        dlg.show()
        QApplication.processEvents()
        assert within_screen(dlg), (name, dlg.size(), area)
        # it opens at most 90 % of the screen, and the screen here (800×800) is smaller than its old fixed size
        assert dlg.width() <= area.width() * 0.9 + 1 and dlg.height() <= area.height() * 0.9 + 1, name
        pages = [dlg.page(i) for i in dlg.pageIds()] if isinstance(dlg, QWizard) else [dlg]
        for page in pages:
            assert fits_small_screen(least(page)), (name, type(page).__name__, least(page))
        assert fits_small_screen(least(dlg)), (name, least(dlg))
        if name == "editor":
            # the editor opens at 90 % of 911 px at 150 %: its forms scroll down, never sideways
            sideways = int(SMALL_SCREEN.width() * 0.9) - 50  # less the dialog's and the tab's frames
            for i in range(editor.tabs.count()):
                editor.tabs.setCurrentIndex(i)
                assert fits_small_screen(least(editor)), (editor.tabs.tabText(i), least(editor))
                tab = editor.tabs.widget(i)
                form = tab.widget() if isinstance(tab, QScrollArea) else tab
                assert form.minimumSizeHint().width() <= sideways, (editor.tabs.tabText(i), form.minimumSizeHint())
        dlg.hide()


def test_fit_window_takes_the_content_size_capped_by_the_screen(qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    QVBoxLayout(box).addWidget(QLabel("Hồ sơ cán bộ " * 3))
    small = fit_window(box)
    assert small == box.size() and small.width() >= box.minimumSizeHint().width()
    area = available_area(box)
    huge = fit_window(box, area.width() * 3, area.height() * 3)
    assert huge.width() == int(area.width() * 0.9) and huge.height() == int(area.height() * 0.9)


RENDER = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    QCoreApplication.setOrganizationName("CanBoHidpiTest")
    app = QApplication([])
    QSettings().clear()
    from canbo_desktop.services.database import open_database
    from canbo_desktop.services.setup import office_info
    from canbo_desktop.ui.main_window import MainWindow
    from canbo_desktop.ui.tasks import TaskRunner
    db = open_database(sys.argv[1])
    with db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(db, office, "canbo", TaskRunner(synchronous=True))
    w.role = "admin"
    w.show()
    app.processEvents()
    screen = w.screen()
    out = {"screen": [screen.availableGeometry().width(), screen.availableGeometry().height()],
           "ratio": w.devicePixelRatioF(), "shots": {}}
    for key in sys.argv[2].split(","):
        w.show_section(key)
        app.processEvents()
        w.layout().invalidate(); w.layout().activate(); app.processEvents()
        image = w.grab().toImage()
        out["shots"][key] = [image.width(), image.height(), w.width(), w.height()]
    editor = w.open_cadre(None)
    app.processEvents()
    out["editor"] = [editor.grab().toImage().width(), editor.grab().toImage().height()]
    editor.undo.setClean()
    editor.close()
    w.close()
    db.close()
    print(json.dumps(out))
""")


def test_main_window_rendered_at_150_percent_fits_a_1366_by_768_screen(demo_db_path: Path, tmp_path: Path) -> None:
    """A real render in a separate process: Qt scaled by 1.5 on a 1366×768 screen (offscreen), as on a laptop
    set to 150 %. The grabbed pictures are in device pixels: they must fit the screen's 1366×768."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               CANBO_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", RENDER, str(demo_db_path), ",".join(MY_SECTIONS)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["screen"] == [911, 512] and out["ratio"] == pytest.approx(1.5)
    for key, (width, height, logical_w, logical_h) in out["shots"].items():
        assert width <= 1366 and height <= 768, (key, width, height)
        assert logical_w <= 911 and logical_h <= 512, key
    assert out["editor"][0] <= 1366 and out["editor"][1] <= 768, out["editor"]


# -- the reports, sync and administration screens (hidpi2) ---------------------------------------------------
MORE_SECTIONS = ("reports", "sync", "admin")


def clipped_sideways(area: QScrollArea) -> bool:
    """A scroll area that does not scroll sideways cuts its content when the content is wider than it."""
    content = area.widget()
    return content.minimumSizeHint().width() > area.viewport().width()


def test_reports_sync_and_admin_fit_911_by_480(qtbot, demo_db: Database) -> None:
    from canbo_desktop.ui.pages.reports_page import ReportsPage
    from canbo_desktop.ui.pages.sync_page import SyncPage

    w = window(qtbot, demo_db)
    for key in MORE_SECTIONS:
        page = w.show_section(key)
        QApplication.processEvents()
        assert fits_small_screen(least(page)), (key, least(page))
        assert fits_small_screen(least(w)), (key, least(w))
    reports = w.show_section("reports")
    assert isinstance(reports, ReportsPage)
    reports.tabs.setCurrentIndex(1)  # the statistics: list, table and chart side by side
    QApplication.processEvents()
    assert fits_small_screen(least(reports)) and fits_small_screen(least(w))
    sync = w.show_section("sync")
    assert isinstance(sync, SyncPage)
    sync.tabs.setCurrentIndex(1)  # the conflicts
    QApplication.processEvents()
    assert fits_small_screen(least(sync)) and fits_small_screen(least(w))
    sync.tabs.setCurrentIndex(0)
    w.resize(SMALL_SCREEN)
    for key in MORE_SECTIONS:
        page = w.show_section(key)
        QApplication.processEvents()
        assert w.size() == SMALL_SCREEN, key
        for area in page.findChildren(QScrollArea):
            if area.isVisible() and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff \
                    and area.widget() is not None:
                assert not clipped_sideways(area), (key, area.widget().minimumSizeHint(), area.viewport().size())
    # the top row of the reports wraps onto two lines and every button stays in the window
    reports = w.show_section("reports")
    QApplication.processEvents()
    assert isinstance(reports, ReportsPage)
    right = w.centralWidget().mapTo(w, w.centralWidget().rect().topRight()).x()
    for button in (reports.xlsx_button, reports.pdf_button, reports.view_button, reports.at, reports.unit):
        assert button.isVisible() and button.mapTo(w, button.rect().topRight()).x() <= right, button
    # the charts keep a readable height: the tab scrolls down to them instead of squeezing them
    lines = reports.fontMetrics().height()
    assert reports.trend_chart.height() >= lines * 15 and reports.bar_scroll.height() >= lines * 15


def test_sync_and_report_dialogs_open_within_the_screen(qtbot, demo_db: Database) -> None:
    from canbo_desktop.ui.dialogs.sync_import_wizard import SyncImportWizard
    from canbo_desktop.ui.dialogs.sync_setup import SyncSetupDialog
    from canbo_desktop.ui.pages.reports_page import ReportsPage

    w = window(qtbot, demo_db)
    tasks = TaskRunner(synchronous=True)
    reports = w.show_section("reports")
    assert isinstance(reports, ReportsPage) and reports.targets is not None
    rep = reports.targets
    ind = rep.indicators[0]
    drill = reports.show_people(rep.root, ind, rep.row(rep.root.id, ind.code))
    dialogs: dict[str, QWidget] = {
        "sync_setup": SyncSetupDialog(w.uowf, tasks, w),
        "sync_import": SyncImportWizard(w.uowf, tasks, w),
        "drill": drill,
    }
    area = available_area(w)
    for name, dlg in dialogs.items():
        qtbot.addWidget(dlg)
        dlg.show()
        QApplication.processEvents()
        assert within_screen(dlg), (name, dlg.size(), area)
        # 800×800 here: the old fixed sizes (1100×700, 960×660, 900×520) were larger than 90 % of it
        assert dlg.width() <= area.width() * 0.9 + 1 and dlg.height() <= area.height() * 0.9 + 1, name
        pages = [dlg.page(i) for i in dlg.pageIds()] if isinstance(dlg, QWizard) else [dlg]
        for page in pages:
            assert fits_small_screen(least(page)), (name, type(page).__name__, least(page))
        assert fits_small_screen(least(dlg)), (name, least(dlg))
    setup = dialogs["sync_setup"]
    assert isinstance(setup, SyncSetupDialog)
    sideways = int(SMALL_SCREEN.width() * 0.9) - 50  # the dialog at 90 % of 911 px, less its frames
    for i in range(setup.tabs.count()):
        tab = setup.tabs.widget(i)
        assert isinstance(tab, QScrollArea), setup.tabs.tabText(i)  # a short screen scrolls the tab
        assert tab.widget().minimumSizeHint().width() <= sideways, (setup.tabs.tabText(i), tab.widget().minimumSizeHint())
    for dlg in dialogs.values():
        dlg.hide()


NAMES = ["UBND huyện Phú Xuân", "Phường Can Lộc", "Xã Hải Xuân", "Xã Bình Minh", "Xã An Lạc", "Xã Triệu Sơn",
         "Phường Quang Trung", "Xã Xuân Trường", "Xã Đông Sơn", "Xã Yên Thế", "Xã Cẩm Phả", "Phường Tiên Lãng",
         "Xã Diễn Châu", "Xã Như Xuân", "Xã Thượng Lâm", "Xã Ngọc Lặc", "Phường Thanh Hà", "Xã Lạc Thủy",
         "Xã Nông Cống", "Xã Hưng Đạo", "Xã Đồng Tâm"]


def ink_below_plot(chart: QWidget) -> int:
    """Dark pixels under the plot area of a chart: the names written under the bars."""
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    plot = chart.chart_.plotArea()  # type: ignore[attr-defined]
    top = int((plot.bottom() + 3) * ratio)
    dark = 0
    for y in range(top, image.height() - 2, 2):
        for x in range(int(plot.left() * ratio), int(plot.right() * ratio), 2):
            if QColor(image.pixel(x, y)).lightness() < 110:
                dark += 1
    return dark


def test_chart_labels_stay_readable_on_a_narrow_chart(qtbot) -> None:
    from canbo_desktop.ui.widgets.charts import TrendChart, UnitBarChart, compact_name

    bars = UnitBarChart()
    qtbot.addWidget(bars)
    bars.resize(330, 260)  # half of a 911-px page at 150 %
    bars.show()
    bars.show_units("Cán bộ nữ", NAMES, [40.0] * len(NAMES), [True] * len(NAMES), 15.0)
    QApplication.processEvents()
    shown = bars.axis_labels()
    assert len(shown) == len(NAMES) and len(set(bars.category_axis.categories())) == len(NAMES)  # type: ignore[union-attr]
    assert bars.labels_angle() == -90  # 21 names do not lie flat under 15-px bars: they stand up
    for full, label in zip(NAMES, shown, strict=True):
        assert label == compact_name(full, len(label) if label.endswith("…") else 40), (full, label)
        assert len(label) >= 6 and label != "…"  # never cut to nothing (QtCharts' own labels were "…")
    assert "Hải Xuân" in shown and "Quang Trung" in shown
    # the bars keep room for their names: the chart asks for a width the page scrolls
    assert bars.minimumWidth() >= len(NAMES) * bars.fontMetrics().height()
    assert ink_below_plot(bars) > 50  # the names are really drawn under the plot
    bars.resize(900, 300)  # a wide chart of a commune's few units: the names lie flat, in full
    bars.show_units("Cán bộ nữ", NAMES[:6], [40.0] * 6, [True] * 6, 15.0)
    QApplication.processEvents()
    assert bars.labels_angle() == 0 and bars.axis_labels() == [compact_name(n, 40) for n in NAMES[:6]]
    assert ink_below_plot(bars) > 50

    trend = TrendChart()
    qtbot.addWidget(trend)
    trend.resize(260, 260)
    trend.show()
    labels = ["2021", "2022", "2023", "2024", "2025", "22/11/2026"]
    trend.show_trend("Cán bộ nữ", labels, [45.6, 50.5, 46.8, 47.5, 47.2, 46.1], 15.0)
    QApplication.processEvents()
    assert trend.axis_labels() == labels  # the date in full, never "22/1…"
    assert trend.labels_angle() == -90 and ink_below_plot(trend) > 30
    trend.resize(700, 300)
    QApplication.processEvents()
    assert trend.axis_labels() == labels and trend.labels_angle() == 0


def test_rule_versions_rows_follow_the_wrapped_legal_reference(qtbot, demo_db: Database) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    w = window(qtbot, demo_db)
    w.resize(SMALL_SCREEN)
    page = w.show_section("admin")
    keys = [page.rule_list.item(i).data(256) for i in range(page.rule_list.count())]  # type: ignore[attr-defined]
    page.rule_list.setCurrentRow(keys.index("retirement_age"))  # type: ignore[attr-defined]
    QApplication.processEvents()
    table = page.versions  # type: ignore[attr-defined]
    assert table.rowCount() >= 1
    width = table.columnWidth(2)
    wrapped = False
    for row in range(table.rowCount()):
        item = table.item(row, 2)
        fm = QFontMetrics(item.font())
        needed = fm.boundingRect(QRect(0, 0, width - 8, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()).height()
        wrapped = wrapped or needed > fm.height() * 1.5
        assert table.rowHeight(row) >= needed, (row, item.text(), table.rowHeight(row), needed)
    assert wrapped  # at 911 px the long reference does wrap (else the test would prove nothing)


def test_reports_and_sync_rendered_at_150_percent_fit_a_1366_by_768_screen(demo_db_path: Path, tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               CANBO_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", RENDER, str(demo_db_path), ",".join(MORE_SECTIONS)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["screen"] == [911, 512] and out["ratio"] == pytest.approx(1.5)
    assert set(out["shots"]) == set(MORE_SECTIONS)
    for key, (width, height, logical_w, logical_h) in out["shots"].items():
        assert width <= 1366 and height <= 768, (key, width, height)
        assert logical_w <= 911 and logical_h <= 512, key
