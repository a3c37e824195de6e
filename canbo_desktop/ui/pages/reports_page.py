"""Báo cáo, chỉ tiêu: the targets dashboard and the statistics tables of a unit and its subtree.

The top bar chooses the unit (this office by default) and the date ("Tại ngày": a past date rebuilds the
figures from the history) and exports what the current tab shows to Excel or PDF. Tab "Chỉ tiêu": a tree
of the units with every indicator as "numerator/denominator = value%" coloured met / not met / no data;
below it the selected indicator per unit below the selected one (bars, with the threshold) and over the
last five years (a line whose points arrive one by one: each past year is rebuilt from the history).
Clicking a number lists the people counted (the drill-down); opening one opens the record. Tab "Thống kê":
the quantity-and-quality form and one table per breakdown, with a chart of the selected table.

Every computation runs on the database lane of the task runner; answers that arrive after the unit or the
date changed again are dropped. Sensitive breakdowns (ethnic group, religion) are masked for a user
without the permission (``UserRecord.can_view_sensitive``, read once when the page opens).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import reports as r
from canbo_desktop.domain.cadre import CadreSummary
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.ui.models.targets_model import (
    TargetsTreeModel,
    TextTableModel,
    cell_text,
    short_name,
    target_text,
)
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.charts import BreakdownChart, TrendChart, UnitBarChart
from canbo_desktop.ui.widgets.fields import DateEdit
from canbo_desktop.ui.widgets.screen import FlowLayout, fit_window, pair, scrolling, text_size

TREND_YEARS = 5
SEX_LABELS = {"M": QT_TRANSLATE_NOOP("ReportsPage", "Male"), "F": QT_TRANSLATE_NOOP("ReportsPage", "Female")}
PEOPLE_HEADERS = (QT_TRANSLATE_NOOP("ReportsPage", "Full name"), QT_TRANSLATE_NOOP("ReportsPage", "Date of birth"),
                  QT_TRANSLATE_NOOP("ReportsPage", "Sex"), QT_TRANSLATE_NOOP("ReportsPage", "Unit"),
                  QT_TRANSLATE_NOOP("ReportsPage", "Position"))
MASKED_LIST = QT_TRANSLATE_NOOP("ReportsPage", "No permission to view this list (sensitive data: ethnic group, "
                                               "religion).")
# the parts of a number the drill-down lists (services/reports.py PARTS)
PART_TEXT = {
    "numerator": QT_TRANSLATE_NOOP("ReportsPage", "People meeting the criterion (numerator)"),
    "denominator": QT_TRANSLATE_NOOP("ReportsPage", "People in the denominator"),
    "not_met": QT_TRANSLATE_NOOP("ReportsPage", "People not meeting the criterion"),
    "unknown": QT_TRANSLATE_NOOP("ReportsPage", "People lacking the data to decide the numerator"),
    "excluded": QT_TRANSLATE_NOOP("ReportsPage", "People lacking the data to decide the denominator"),
}


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, CanboError) else translate("ReportsPage", "Error: {error}").format(error=exc)


def _part_text(key: str) -> str:
    if key in PART_TEXT:
        return translate("ReportsPage", PART_TEXT[key])
    return f"Những người {reports_svc.PART_LABELS[key]}"  # i18n: data (a part the services added later)


def _people_headers() -> list[str]:
    return [translate("ReportsPage", h) for h in PEOPLE_HEADERS]


def _birth(p: CadreSummary) -> str:
    if p.birth_date is None:
        return ""
    if p.birth_precision == "year":
        return str(p.birth_date.year)
    if p.birth_precision == "month":
        return f"{p.birth_date.month:02d}/{p.birth_date.year:04d}"
    return format_date(p.birth_date)


def _slug(text: str) -> str:
    from canbo_desktop.domain.text import fold_words

    return "-".join(fold_words(text))[:40] or "bao-cao"


class DrillDownDialog(QDialog):
    """The people behind one number of the dashboard; double-click or Enter opens a record."""

    open_cadre = Signal(str)

    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.setWindowTitle(translate("ReportsPage", "People counted"))
        self.people: list[CadreSummary] = []
        self.key: tuple[str, str, date, str] | None = None  # unit id, indicator, date, part
        self.unit: r.UnitNode | None = None
        self.indicator: r.IndicatorInfo | None = None
        self.at: date = date.today()
        self.masked = False
        self._gen = 0
        v = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.heading)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ReportsPage", "Show")))
        self.part = QComboBox()
        for key in reports_svc.PARTS:
            self.part.addItem(_part_text(key), key)
        self.part.setAccessibleName(translate("ReportsPage", "Part of the number"))
        self.part.currentIndexChanged.connect(lambda _i: self._load())
        row.addWidget(self.part, 1)
        self.count = QLabel()
        row.addWidget(self.count)
        v.addLayout(row)
        self.model = TextTableModel(self)
        self.model.set_rows(_people_headers(), [])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        for col, chars in ((0, 24), (1, 11), (2, 8), (4, 22)):
            self.table.setColumnWidth(col, fm.horizontalAdvance("n") * chars + 12)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_current)
        enter2 = QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, context=Qt.ShortcutContext.WidgetShortcut)
        enter2.activated.connect(self.open_current)
        v.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(translate("ReportsPage", "Open record"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_current)
        self.export_button = buttons.addButton(translate("ReportsPage", "Export Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        close = buttons.addButton(translate("ReportsPage", "Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        v.addWidget(buttons)
        fit_window(self, *text_size(self, 112, 30))  # at most 90 % of the screen (1366×768 at 150 %)

    def show_number(self, unit: r.UnitNode, indicator: r.IndicatorInfo, row: r.TargetRow, at: date, *,
                    masked: bool = False, part: str = "numerator") -> None:
        """List the people behind ``indicator`` of ``unit`` on ``at`` (``part``: see target_people)."""
        self.unit, self.indicator, self.at, self.masked = unit, indicator, at, masked
        self.heading.setText(translate("ReportsPage", "<b>{indicator}</b> — {unit} ({code}), on {date}<br>{message}")
                             .format(indicator=indicator.name, unit=unit.name, code=unit.code, date=format_date(at),
                                     message=row.message))
        self.part.blockSignals(True)
        self.part.setCurrentIndex(max(0, self.part.findData(part)))
        self.part.blockSignals(False)
        self._load()

    def _load(self) -> None:
        if self.unit is None or self.indicator is None:
            return
        part = str(self.part.currentData())
        key = (self.unit.id, self.indicator.code, self.at, part)
        if key == self.key:
            return
        self.key = key
        self._gen += 1
        gen = self._gen
        if self.masked:
            self._set_people(gen, [])
            self.status.setText(translate("ReportsPage", MASKED_LIST))
            return
        self.status.setText(translate("ReportsPage", "Loading the list…"))
        uowf, unit_id, code, at = self.uowf, self.unit.id, self.indicator.code, self.at
        self.tasks.run_db(lambda: reports_svc.target_people(uowf, code, unit_id=unit_id, at=at, part=part),
                          on_done=lambda people: self._set_people(gen, people),
                          on_error=lambda exc: self.status.setText(_message(exc)))

    def _set_people(self, gen: int, people: list[CadreSummary]) -> None:
        if gen != self._gen:
            return
        self.people = people
        self.model.set_rows(_people_headers(), [
            (p.full_name, _birth(p), translate("ReportsPage", SEX_LABELS[p.sex]) if p.sex in SEX_LABELS else p.sex, f"{p.unit_name} ({p.unit_code})", p.current_position)
            for p in people], keys=[p.id for p in people], center_cols={1, 2})
        self.count.setText(translate("ReportsPage", "{count} people").format(count=r.number_text(len(people))))
        self.status.setText(translate("ReportsPage", "Double-click (or Enter) to open the record.") if people else
                            ("" if self.masked else translate("ReportsPage", "Nobody.")))
        self.export_button.setEnabled(bool(people))
        self.open_button.setEnabled(bool(people))
        if people:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def open_current(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.people):
            self.open_cadre.emit(self.people[row].id)

    def export_xlsx(self, path: str | None = None) -> None:
        if not self.people or self.indicator is None or self.unit is None:
            return
        if path is None:
            name = f"danh-sach-{_slug(short_name(self.indicator))}-{self.unit.code}.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, translate("ReportsPage", "Export the list to Excel"), name, "Excel (*.xlsx)")
            if not path:
                return
        from canbo_desktop.services.reports_xlsx import write_people_xlsx

        target, people, ind, unit, at = Path(path), list(self.people), self.indicator, self.unit, self.at
        part = str(self.part.currentData())
        title = f"Danh sách {reports_svc.PART_LABELS[part]}: {ind.name}"  # i18n: data (the document's title)
        subtitle = f"{unit.name} — tại ngày {format_date(at)}"  # i18n: data

        def work() -> Path:
            write_people_xlsx(people, target, title=title, subtitle=subtitle)
            reports_svc.record_report_export(self.uowf, "people", target, unit=unit, at=at,
                                             extra={"indicator": ind.code, "part": part})
            return target

        self.status.setText(translate("ReportsPage", "Exporting to Excel…"))
        self.tasks.run_db(work, on_done=lambda p: self.status.setText(
                              translate("ReportsPage", "Exported {count} people to {path}").format(count=len(people),
                                                                                                   path=p)),
                          on_error=lambda exc: self.status.setText(_message(exc)))


class ReportsPage(QWidget):
    open_cadre = Signal(str)

    def __init__(self, uowf: Any, tasks: TaskRunner, user: str, parent: QWidget | None = None, *,
                 default_unit: str = "") -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.user = uowf, tasks, user
        self.default_unit = default_unit
        self.units: list[r.UnitNode] = []
        self.can_view_sensitive = False
        self.targets: r.TargetsReport | None = None
        self.stats: r.StatisticsReport | None = None
        self.trend: dict[date, r.TargetsReport] = {}
        self.trend_pending: list[date] = []
        self.selected_unit: str = ""
        self.selected_indicator: str = ""
        self.drill: DrillDownDialog | None = None
        self._gen = 0  # answers for an older unit/date are dropped
        self._busy = 0
        self._loaded: dict[str, tuple[Any, ...]] = {}  # tab → the (unit, date, depth) it shows
        self._ready = False

        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        top = FlowLayout()  # one line on a wide screen, two on 1366×768 at 150 %
        top.addWidget(QLabel(translate("ReportsPage", "<b style='font-size: 13pt'>Reports and targets</b>")))
        self.unit = QComboBox()
        self.unit.setAccessibleName(translate("ReportsPage", "Reporting unit"))
        self.unit.setToolTip(translate("ReportsPage", "Reporting unit (the figures include the units below it)"))
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(22)
        self.unit.setMaxVisibleItems(25)
        self.unit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        top.addWidget(pair(QLabel(translate("ReportsPage", "Unit")), self.unit, stretch_last=True))
        self.at = DateEdit()
        self.at.setText(format_date(date.today()))
        self.at.setAccessibleName(translate("ReportsPage", "As of"))
        self.at.setToolTip(translate("ReportsPage", "The report's date; a past date is rebuilt from the history of "
                                                    "decisions and training"))
        self.at.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.at.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # the row keeps it by its label
        self.at.returnPressed.connect(self.reload)
        self.view_button = QPushButton(translate("ReportsPage", "Show"))
        self.view_button.setToolTip(translate("ReportsPage", "Compute the report again for the chosen unit and date"))
        self.view_button.clicked.connect(self.reload)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(80)
        self.busy.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(translate("ReportsPage", "Computing"))
        keep = self.busy.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the row does not reflow each time a computation starts
        self.busy.setSizePolicy(keep)
        top.addWidget(pair(QLabel(translate("ReportsPage", "As of")), self.at, self.view_button, self.busy))
        self.xlsx_button = QPushButton(translate("ReportsPage", "Export Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.pdf_button = QPushButton(translate("ReportsPage", "Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        top.addWidget(pair(self.xlsx_button, self.pdf_button))
        v.addLayout(top)
        self.status = QLabel(translate("ReportsPage", "Loading the units…"))
        self.status.setWordWrap(False)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.status)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_targets_tab(), translate("ReportsPage", "Targets"))
        self.tabs.addTab(self._build_stats_tab(), translate("ReportsPage", "Statistics"))
        self.tabs.currentChanged.connect(lambda _i: self._load_current_tab())
        v.addWidget(self.tabs, 1)
        self.unit.currentIndexChanged.connect(lambda _i: self.reload() if self._ready else None)
        self._set_buttons()
        uowf = self.uowf
        self._start()
        tasks.run_db(lambda: (reports_svc.report_units(uowf), reports_svc.can_view_sensitive(uowf, user)),
                     on_done=self._set_units, on_error=self._failed)

    # -- layout -----------------------------------------------------------------------------------
    def _build_targets_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(2, 4, 2, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = TargetsTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(translate("ReportsPage", "Targets by unit"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMouseTracking(True)
        header = self.tree.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setStretchLastSection(False)
        header.setMinimumHeight(self.fontMetrics().height() * 2 + 10)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)  # kept across model resets
        self.tree.clicked.connect(self._cell_clicked)
        self.tree.activated.connect(self._cell_clicked)
        split.addWidget(self.tree)
        charts = QSplitter(Qt.Orientation.Horizontal)
        self.bar_chart = UnitBarChart()
        self.trend_chart = TrendChart()
        # many units on a narrow chart: the bars keep room for their standing names and scroll sideways
        self.bar_scroll = scrolling(self.bar_chart)
        self.bar_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        charts.addWidget(self.bar_scroll)
        charts.addWidget(self.trend_chart)
        charts.setSizes([540, 540])
        charts.setChildrenCollapsible(False)
        split.addWidget(charts)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 260])
        v.addWidget(split, 1)
        legend = QLabel(translate("ReportsPage", "<span style='background:#dcefdc;color:#1b5e20'>&nbsp;Met&nbsp;</span> "
                                  "<span style='background:#f9dede;color:#b71c1c'>&nbsp;Not met&nbsp;</span> "
                                  "<span style='background:#ececec;color:#707070'>&nbsp;No data&nbsp;</span> "
                                  "&nbsp;A unit's rate counts the units below it too (their numerators and "
                                  "denominators are added). Click a cell to list the people counted."))
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)  # two lines on a narrow window
        v.addWidget(legend)
        # on a short screen (1366×768 at 150 %) the table and the charts keep the height they need to be
        # read (the labels of a squeezed chart are cut to "…") and the tab scrolls down to the charts
        lines = self.fontMetrics().height()
        self.tree.setMinimumHeight(lines * 11)
        for chart in (self.bar_scroll, self.trend_chart):
            chart.setMinimumHeight(lines * 15)
        return scrolling(w, horizontal=False)

    def _build_stats_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(2, 4, 2, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ReportsPage", "Break down by unit to")))
        self.levels = QSpinBox()
        self.levels.setRange(1, 4)
        self.levels.setValue(1)
        self.levels.setSuffix(translate("ReportsPage", " levels"))
        self.levels.setAccessibleName(translate("ReportsPage", "Unit levels"))
        self.levels.valueChanged.connect(lambda _v: self._load_current_tab())
        row.addWidget(self.levels)
        row.addStretch(1)
        v.addLayout(row)
        self.stats_note = QLabel()
        self.stats_note.setWordWrap(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self.stats_note.setFont(small)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table_list = QListWidget()
        self.table_list.setAccessibleName(translate("ReportsPage", "Statistics tables"))
        self.table_list.currentRowChanged.connect(lambda _i: self._show_stat_table())
        split.addWidget(self.table_list)
        self.stat_stack = QStackedWidget()
        self.stat_model = TextTableModel(self)
        self.stat_table = QTableView()
        self.stat_table.setModel(self.stat_model)
        self.stat_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stat_table.verticalHeader().setVisible(False)
        self.stat_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.stat_table.setWordWrap(False)
        self.stat_table.setAccessibleName(translate("ReportsPage", "Statistics table"))
        self.stat_table.horizontalHeader().setMinimumHeight(self.fontMetrics().height() * 2 + 10)
        self.stat_stack.addWidget(self.stat_table)
        self.masked_label = QLabel(translate("ReportsPage", "<b>No permission to view.</b><br>This table counts "
                                                            "sensitive data (ethnic group, religion); your account has "
                                                            "not been given the right to see it. Please ask the "
                                                            "administrator."))
        self.masked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.masked_label.setWordWrap(True)
        self.stat_stack.addWidget(self.masked_label)
        split.addWidget(self.stat_stack)
        self.stat_chart = BreakdownChart()
        self.stat_scroll = scrolling(self.stat_chart, horizontal=False)  # many units: the bars scroll down
        split.addWidget(self.stat_scroll)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        n = self.fontMetrics().horizontalAdvance("n")
        self.table_list.setMinimumWidth(n * 14)
        self.table_list.setWordWrap(True)
        split.setSizes([n * 24, n * 52, n * 54])
        v.addWidget(split, 1)
        v.addWidget(self.stats_note)
        return w

    # -- loading ----------------------------------------------------------------------------------
    def _start(self) -> None:
        self._busy += 1
        self.busy.setVisible(True)

    def _finish(self) -> None:
        self._busy = max(0, self._busy - 1)
        self.busy.setVisible(self._busy > 0)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self._set_status(_message(exc), error=True)

    def _set_status(self, text: str, *, error: bool = False, tip: str = "") -> None:
        self.status.setText(text)
        self.status.setToolTip(tip)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def _set_units(self, data: tuple[tuple[list[r.UnitNode], str | None], bool]) -> None:
        self._finish()
        (units, office), self.can_view_sensitive = data
        self.units = units
        self.unit.blockSignals(True)
        self.unit.clear()
        top = min((u.depth for u in units), default=0)
        for u in units:
            self.unit.addItem("   " * (u.depth - top) + u.name, u.id)
        want = self.default_unit or office or (units[0].id if units else "")
        self.unit.setCurrentIndex(max(0, self.unit.findData(want)))
        self.unit.blockSignals(False)
        self._ready = True
        if not units:
            self._set_status(translate("ReportsPage", "There are no units in the database yet."), error=True)
            return
        self.reload()

    def unit_id(self) -> str:
        data = self.unit.currentData()
        return "" if data is None else str(data)

    def report_date(self) -> date:
        """The date typed in "Tại ngày" (today when empty); raises ValidationError in Vietnamese."""
        d, _p = self.at.value()
        return d or date.today()

    def select_unit(self, unit_id: str) -> None:
        """Choose the report's unit (and compute the report)."""
        i = self.unit.findData(unit_id)
        if i >= 0:
            self.unit.setCurrentIndex(i)

    def reload(self) -> None:
        """Compute the current tab again for the chosen unit and date (the other tab when it is shown)."""
        if not self._ready:
            return
        self._loaded.clear()
        self._gen += 1
        self._load_current_tab()

    def _key(self, tab: str) -> tuple[Any, ...] | None:
        try:
            at = self.report_date()
        except CanboError as exc:
            self._set_status(exc.message, error=True)
            return None
        unit = self.unit_id()
        if not unit:
            return None
        return (unit, at) if tab == "targets" else (unit, at, self.levels.value())

    def _load_current_tab(self) -> None:
        if not self._ready:
            return
        tab = "targets" if self.tabs.currentIndex() == 0 else "stats"
        key = self._key(tab)
        if key is None or self._loaded.get(tab) == key:
            self._set_buttons()
            return
        self._loaded[tab] = key
        gen, uowf = self._gen, self.uowf
        unit_id, at = key[0], key[1]
        self._start()
        self._set_status(translate("ReportsPage", "Computing the report…"))
        if tab == "targets":
            self.trend, self.trend_pending = {}, []
            self.tasks.run_db(lambda: reports_svc.targets_report(uowf, unit_id=unit_id, at=at),
                              on_done=lambda rep: self._targets_done(gen, rep),
                              on_error=lambda exc: self._tab_failed(gen, "targets", exc))
        else:
            depth = key[2]
            self.tasks.run_db(lambda: reports_svc.statistics_report(uowf, unit_id=unit_id, at=at, depth=depth),
                              on_done=lambda rep: self._stats_done(gen, rep),
                              on_error=lambda exc: self._tab_failed(gen, "stats", exc))

    def _tab_failed(self, gen: int, tab: str, exc: BaseException) -> None:
        self._finish()
        if gen == self._gen:
            self._loaded.pop(tab, None)
            self._set_status(_message(exc), error=True)

    def _report_status(self, at: date, reconstructed: bool, notes: tuple[str, ...], what: str) -> None:
        unit = self.unit.currentText().strip()
        text = (translate("ReportsPage", "{what}: {unit}, on {date} — figures rebuilt from the history (hover to see "
                                         "the scope)") if reconstructed else
                translate("ReportsPage", "{what}: {unit}, on {date}"))
        self._set_status(text.format(what=what, unit=unit, date=format_date(at)), tip="\n".join(notes))

    # -- targets ----------------------------------------------------------------------------------
    def _targets_done(self, gen: int, report: r.TargetsReport) -> None:
        self._finish()
        if gen != self._gen:
            return
        self.targets = report
        self.model.set_report(report)
        self.tree.expandToDepth(0)
        header = self.tree.header()
        fm = self.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, fm.horizontalAdvance("n") * 26 + 40)
        # the widest cell: the root's counts are its whole subtree's, the largest of the report (the rows of a
        # province's 3,000 units are not all made for this), with the longest percentage
        top = report.for_unit(report.root.id)
        sample = cell_text(top[0]._replace(numerator=max(x.numerator for x in top), value=88.88,
                                           denominator=max(x.denominator for x in top) or 1)) if top else ""
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            head = str(self.model.headerData(col, Qt.Orientation.Horizontal)).split("\n")
            self.tree.setColumnWidth(col, max([fm.horizontalAdvance(sample)] + [fm.horizontalAdvance(x) for x in head])
                                     + 18)
        if self.selected_unit not in {u.id for u in report.units}:
            self.selected_unit = report.root.id
        if self.selected_indicator not in {i.code for i in report.indicators}:
            self.selected_indicator = report.indicators[0].code if report.indicators else ""
        col = 1 + [i.code for i in report.indicators].index(self.selected_indicator) if self.selected_indicator else 0
        self.tree.setCurrentIndex(self.model.unit_index(self.selected_unit, col))
        self._report_status(report.at, report.reconstructed, report.notes, translate("ReportsPage", "Targets"))
        if not report.indicators:
            self._set_status(" ".join(report.notes), error=True)
        self._set_buttons()
        self._update_charts()
        self._start_trend(gen, report)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.model.unit_at(current)
        if unit is None:
            return
        self.selected_unit = unit.id
        ind = self.model.indicator_at(current)
        if ind is not None:
            self.selected_indicator = ind.code
        self._update_charts()

    def _cell_clicked(self, index: QModelIndex) -> None:
        """A number was clicked (or Enter pressed on it): list the people behind it."""
        self._current_changed(index, QModelIndex())
        row = self.model.row_at(index)
        unit, ind = self.model.unit_at(index), self.model.indicator_at(index)
        if row is None or unit is None or ind is None or self.targets is None:
            return
        self.show_people(unit, ind, row)

    def show_people(self, unit: r.UnitNode, ind: r.IndicatorInfo, row: r.TargetRow, part: str = "numerator") -> DrillDownDialog:
        if self.drill is None:
            self.drill = DrillDownDialog(self.uowf, self.tasks, self)
            self.drill.open_cadre.connect(self.open_cadre)
        at = self.targets.at if self.targets else date.today()
        self.drill.show_number(unit, ind, row, at, masked=ind.sensitive and not self.can_view_sensitive, part=part)
        self.drill.show()
        self.drill.raise_()
        return self.drill

    def _indicator(self) -> r.IndicatorInfo | None:
        if self.targets is None:
            return None
        return next((i for i in self.targets.indicators if i.code == self.selected_indicator), None)

    def _update_charts(self) -> None:
        rep, ind = self.targets, self._indicator()
        if rep is None or ind is None:
            self.bar_chart.show_units(translate("ReportsPage", "Chart by unit"), [], [], [], None)
            self.trend_chart.show_trend(translate("ReportsPage", "Trend"), [], [], None)
            return
        unit = next((u for u in rep.units if u.id == self.selected_unit), rep.root)
        below = self.model.children_of(unit.id) or [unit]
        rows = [rep.row(u.id, ind.code) for u in below]
        title = (translate("ReportsPage", "{indicator} ({target}) — the units under {unit}") if below != [unit]
                 else "{indicator} ({target}) — {unit}")
        self.bar_chart.show_units(title.format(indicator=short_name(ind).replace(chr(10), " "), target=target_text(ind),
                                               unit=unit.name),
                                  [u.name for u in below], [x.value for x in rows], [x.met for x in rows],
                                  ind.threshold)
        self._update_trend_chart()

    def _update_trend_chart(self) -> None:
        rep, ind = self.targets, self._indicator()
        if rep is None or ind is None:
            return
        unit = next((u for u in rep.units if u.id == self.selected_unit), rep.root)
        points = sorted(self.trend.items()) + [(rep.at, rep)]
        labels, values = [], []
        for on, point in points:
            labels.append(str(on.year) if (on.month, on.day) == (12, 31) and on != rep.at else format_date(on))
            try:
                values.append(point.row(unit.id, ind.code).value)
            except KeyError:  # the unit did not exist then
                values.append(None)
        title = translate("ReportsPage", "{indicator} — {unit} over the years").format(
            indicator=short_name(ind).replace(chr(10), " "), unit=unit.name)
        self.trend_chart.show_trend(title, labels, values, ind.threshold, pending=len(self.trend_pending))

    def _start_trend(self, gen: int, report: r.TargetsReport) -> None:
        """The past years of the trend, one date at a time (newest first), each shown as it arrives."""
        self.trend_pending = list(reversed(r.trend_dates(report.at, TREND_YEARS)[:-1]))
        self._next_trend(gen, report.root.id)

    def _next_trend(self, gen: int, unit_id: str) -> None:
        if gen != self._gen or not self.trend_pending:
            return
        on, uowf = self.trend_pending[0], self.uowf

        def done(rep: r.TargetsReport) -> None:
            if gen != self._gen or not shiboken6.isValid(self.trend_chart):  # the page was closed meanwhile
                return
            self.trend[on] = rep
            if self.trend_pending and self.trend_pending[0] == on:
                self.trend_pending.pop(0)
            self._update_trend_chart()
            self._set_buttons()
            self._next_trend(gen, unit_id)

        def failed(exc: BaseException) -> None:
            if gen == self._gen and shiboken6.isValid(self.trend_chart):
                self.trend_pending = []
                self._update_trend_chart()
                self._set_status(translate("ReportsPage", "Could not compute the trend: {error}").format(
                    error=_message(exc)), error=True)

        self.tasks.run_db(lambda: reports_svc.targets_report(uowf, unit_id=unit_id, at=on), on_done=done,
                          on_error=failed)

    def trend_points(self) -> list[r.TrendPoint]:
        """The trend computed so far (oldest first, the report's date last), for the exports."""
        if self.targets is None:
            return []
        return [r.TrendPoint(on, rep.rows) for on, rep in sorted(self.trend.items())] + [
            r.TrendPoint(self.targets.at, self.targets.rows)]

    # -- statistics -------------------------------------------------------------------------------
    def _stats_done(self, gen: int, report: r.StatisticsReport) -> None:
        self._finish()
        if gen != self._gen:
            return
        if not self.can_view_sensitive:
            report = r.without_sensitive(report)
        self.stats = report
        current = self.table_list.currentRow()
        self.table_list.blockSignals(True)
        self.table_list.clear()
        shown = {t.key for t in report.tables}
        entries: list[tuple[str, str, bool]] = [(t.key, translate("ReportsPage", "Quantity and quality"), False)
                                                for t in report.tables[:1]]
        for key, title in r.DIMENSIONS:
            if key in shown:
                entries.append((key, title, False))
            elif key in r.SENSITIVE_TABLES:
                entries.append((key, translate("ReportsPage", "{table} (no permission to view)").format(table=title),
                                True))
        for key, title, masked in entries:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(title)
            if masked:
                item.setForeground(QColor("#808080"))
            self.table_list.addItem(item)
        self.table_list.blockSignals(False)
        self.table_list.setCurrentRow(current if 0 <= current < len(entries) else 0)
        self._show_stat_table()
        self._report_status(report.at, report.reconstructed, report.notes, translate("ReportsPage", "Statistics"))
        self._set_buttons()

    def stat_keys(self) -> list[str]:
        return [str(self.table_list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.table_list.count())]

    def select_stat_table(self, key: str) -> None:
        keys = self.stat_keys()
        if key in keys:
            self.table_list.setCurrentRow(keys.index(key))

    def _show_stat_table(self) -> None:
        item = self.table_list.currentItem()
        if item is None or self.stats is None:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            table = self.stats.table(key)
        except KeyError:  # a masked breakdown
            self.stat_stack.setCurrentWidget(self.masked_label)
            self.stat_chart.show_counts(translate("ReportsPage", "No permission to view"), [], [])
            self.stats_note.setText("")
            return
        self.stat_stack.setCurrentWidget(self.stat_table)
        self._fill_stat_table(table)
        self.stats_note.setText(table.note)
        self.stats_note.setToolTip(table.note)
        total = table.total()
        if table.key == "so_luong_chat_luong":  # the quantity per unit
            units = [row for row in table.rows if row.kind != "total" and row.level == 0]
            self.stat_chart.show_counts(translate("ReportsPage", "Quantity by unit ({total} in all)").format(
                                            total=r.number_text(total.values[0])),
                                        [row.label for row in units], [row.values[0] for row in units])
            return
        cols = [(c, v) for c, v in zip(table.columns, total.values, strict=True) if c.key != "total"]
        self.stat_chart.show_counts(translate("ReportsPage", "{table} ({total} in all)").format(
                                        table=table.title[:1].upper() + table.title[1:],
                                        total=r.number_text(total.values[0])), [c.label for c, _v in cols],
                                    [v for _c, v in cols])

    def _fill_stat_table(self, table: r.StatTable) -> None:
        heads = [translate("ReportsPage", "No."), translate("ReportsPage", "Unit")]
        tips = [translate("ReportsPage", "Row number"), translate("ReportsPage", "Unit (including the units below it)")]
        for c in table.columns:
            group = "" if c.group in ("", table.title.replace("Thống kê theo ", "")) else c.group  # i18n: data
            heads.append(f"{group}\n{c.label}" if group and group.lower() not in table.title.lower() else c.label)
            tips.append(f"{c.group}: {c.label}" if c.group else c.label)
        rows = [(row.stt, ("    " * row.level) + row.label, *(r.number_text(v) for v in row.values))
                for row in table.rows]
        self.stat_model.set_rows(heads, rows, keys=[row.unit_code for row in table.rows], header_tips=tips,
                                 bold_rows={i for i, row in enumerate(table.rows) if row.kind == "total"},
                                 dim_rows={i for i, row in enumerate(table.rows) if row.kind == "direct"},
                                 right_from=2, center_cols={0})
        t = self.stat_table
        fm = self.fontMetrics()
        t.setColumnWidth(0, fm.horizontalAdvance("0.00") + 20)
        t.setColumnWidth(1, fm.horizontalAdvance("n") * 28 + 16)
        for col in range(2, len(heads)):
            t.setColumnWidth(col, max(fm.horizontalAdvance("99.999") + 16,
                                      min(150, max(fm.horizontalAdvance(x) for x in heads[col].split("\n")) + 16)))

    # -- export -----------------------------------------------------------------------------------
    def _set_buttons(self) -> None:
        ready = (self.targets is not None) if self.tabs.currentIndex() == 0 else (self.stats is not None)
        self.xlsx_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        if self.tabs.currentIndex() == 0:
            self.xlsx_button.setToolTip(translate("ReportsPage", "Export the targets table to an Excel file"))
            self.pdf_button.setToolTip(translate("ReportsPage", "Export the targets table to a PDF file (Decree "
                                                                "30/2020 format)"))
        else:
            self.xlsx_button.setToolTip(translate("ReportsPage", "Export the statistics tables to an Excel file"))
            self.pdf_button.setToolTip(translate("ReportsPage", "Export the statistics tables to a PDF file (Decree "
                                                                "30/2020 format)"))

    def _file_name(self, kind: str, suffix: str) -> str:
        rep: Any = self.targets if kind == "targets" else self.stats
        if rep is None:
            return f"bao-cao{suffix}"
        prefix = "chi-tieu" if kind == "targets" else "thong-ke"
        return f"{prefix}-{rep.root.code or _slug(rep.root.name)}-{rep.at:%Y%m%d}{suffix}"

    def _ask_path(self, title: str, name: str, filt: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, filt)
        return path

    def export_xlsx(self, path: str | None = None) -> None:
        """Write what the current tab shows to an Excel file (asks where unless ``path`` is given)."""
        self._export("xlsx", path)

    def export_pdf(self, path: str | None = None) -> None:
        """Write what the current tab shows to a PDF file (asks where unless ``path`` is given)."""
        self._export("pdf", path)

    def _export(self, fmt: str, path: str | None) -> None:
        kind = "targets" if self.tabs.currentIndex() == 0 else "stats"
        report: Any = self.targets if kind == "targets" else self.stats
        if report is None:
            return
        suffix = f".{fmt}"
        if path is None:
            title = (translate("ReportsPage", "Export the report to Excel") if fmt == "xlsx"
                     else translate("ReportsPage", "Export the report to PDF"))
            path = self._ask_path(title, self._file_name(kind, suffix), "Excel (*.xlsx)" if fmt == "xlsx"
                                  else "PDF (*.pdf)")
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        trend = self.trend_points() if kind == "targets" and len(self.trend) > 0 else None
        uowf = self.uowf
        work: Callable[[], Any]
        if kind == "targets":
            def work() -> Path:
                if fmt == "xlsx":
                    from canbo_desktop.services.reports_xlsx import write_targets_xlsx

                    write_targets_xlsx(report, target, trend=trend)
                else:
                    from canbo_desktop.services.pdf.report import render_targets_pdf

                    render_targets_pdf(report, str(target), trend=trend)
                reports_svc.record_report_export(uowf, "targets", target, unit=report.root, at=report.at)
                return target
        else:
            def work() -> Path:
                if fmt == "xlsx":
                    from canbo_desktop.services.reports_xlsx import write_statistics_xlsx

                    write_statistics_xlsx(report, target)
                else:
                    from canbo_desktop.services.pdf.report import render_statistics_pdf

                    render_statistics_pdf(report, str(target))
                reports_svc.record_report_export(uowf, "statistics", target, unit=report.root, at=report.at)
                return target

        self._start()
        self._set_status(translate("ReportsPage", "Exporting to Excel…") if fmt == "xlsx"
                         else translate("ReportsPage", "Exporting to PDF…"))

        def done(p: Path) -> None:
            self._finish()
            self._set_status(translate("ReportsPage", "Exported the report to {path}").format(path=p))

        self.tasks.run_db(work, on_done=done, on_error=self._failed)
