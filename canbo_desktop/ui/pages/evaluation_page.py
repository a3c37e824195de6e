"""Đánh giá, xếp loại: the evaluation round of a unit for a year, entered in a grid.

Choose the unit and the year; the head of the office opens the round (one row per active person, the
regime of that year: the four levels of NĐ 90/2020 and NĐ 48/2023 up to 2025, the 30 + 70 points of
NĐ 335/2025 from 2026). Clerks type down a column; each cell is saved at once and the row comes back
as the rules classify it (discipline, veto conditions, time worked), with the quota of "Xuất sắc" and
what blocks approval shown above the grid. The head approves and locks; a locked round changes only by a
recorded correction with its reason. Two more tabs: confidence votes and planning lists.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import evaluation as ev
from canbo_desktop.services import refdata
from canbo_desktop.ui.dialogs.evaluation_dialogs import CorrectionDialog, ProductDialog, veto_label
from canbo_desktop.ui.models.evaluation_grid import (
    GREEN,
    RED,
    EvaluationGridModel,
    GridView,
    entry_of,
    number_text,
    percent_text,
    products_from_score,
    quota_text,
    short_level,
)
from canbo_desktop.ui.pages.planning_panel import PlanningPanel
from canbo_desktop.ui.pages.vote_panel import VotePanel
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo
from canbo_desktop.ui.widgets.screen import FlowLayout, pair, scrolling
from canbo_desktop.ui.widgets.usb import on_click

SUMMARY_DELAY_MS = 400  # after the last save, the quota and the round's problems are read again
PRODUCT_HEADERS = (QT_TRANSLATE_NOOP("EvaluationPage", "Product"), QT_TRANSLATE_NOOP("EvaluationPage", "Measure"),
                   QT_TRANSLATE_NOOP("EvaluationPage", "Assigned"), QT_TRANSLATE_NOOP("EvaluationPage", "Done"),
                   QT_TRANSLATE_NOOP("EvaluationPage", "Errors"), QT_TRANSLATE_NOOP("EvaluationPage", "Late"))
CORRECTION_HEADERS = (QT_TRANSLATE_NOOP("EvaluationPage", "Date"), QT_TRANSLATE_NOOP("EvaluationPage", "Person"),
                      QT_TRANSLATE_NOOP("EvaluationPage", "Item"), QT_TRANSLATE_NOOP("EvaluationPage", "Old value"),
                      QT_TRANSLATE_NOOP("EvaluationPage", "New value"), QT_TRANSLATE_NOOP("EvaluationPage", "Reason"),
                      QT_TRANSLATE_NOOP("EvaluationPage", "Corrected by"))


def default_year(today: date | None = None) -> int:
    """The year being evaluated: this year from October (rounds are held at the year's end), else last year."""
    t = today or date.today()
    return t.year if t.month >= 10 else t.year - 1


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, CanboError) else translate("EvaluationPage", "Error: {error}").format(
        error=exc)


def _item(text: str, *, right: bool = False, color: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if color:
        item.setForeground(QColor(color))
    return item


class _StatusLabel(QLabel):
    """A message line that takes no room while it is empty."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))


class EvaluationPage(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]], role: str,
                 parent: QWidget | None = None, *, default_unit: str = "") -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.codes, self.role = uowf, tasks, codes, role
        self.view: w.RoundView | None = None
        self.rounds: list[w.RoundSummary] = []
        self.unit_paths: dict[str, str] = {}
        self.dialog: Any = None  # the dialog open now (tests reach it here)
        self._gen = 0  # loads answered after the unit or year changed again are dropped
        self._inflight: dict[str, int] = {}  # evaluation id → saves on their way
        self._revs: dict[str, int] = {}  # evaluation id → rev; read and written only by database jobs
        self._veto_boxes: dict[str, QCheckBox] = {}
        fm = self.fontMetrics()

        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        top = FlowLayout()  # one line on a wide screen, two on 1366×768 at 150 %
        heading = translate("EvaluationPage", "Evaluation and classification")
        heading = f"<b style='font-size: 13pt'>{heading}</b>"
        top.addWidget(QLabel(heading))
        self.unit = CodeCombo(codes.get("unit", []))
        self.unit.setItemText(0, translate("EvaluationPage", "— choose a unit —"))
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(30)
        self.unit.setAccessibleName(translate("EvaluationPage", "Unit evaluated"))
        top.addWidget(pair(QLabel(translate("EvaluationPage", "Unit")), self.unit, stretch_last=True))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(default_year())
        self.year.setAccessibleName(translate("EvaluationPage", "Year evaluated"))
        self.open_button = QPushButton(translate("EvaluationPage", "Open round"))
        self.open_button.clicked.connect(self.open_round)
        top.addWidget(pair(QLabel(translate("EvaluationPage", "Year")), self.year, self.open_button))
        self.round_list = QComboBox()
        self.round_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_list.setMinimumContentsLength(18)
        top.addWidget(pair(QLabel(translate("EvaluationPage", "Rounds opened")), self.round_list, stretch_last=True))
        v.addLayout(top)

        self.tabs = QTabWidget()
        v.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_grid_tab(fm), translate("EvaluationPage", "Evaluation grid"))
        self.votes = VotePanel(uowf, tasks, role, self)
        self.tabs.addTab(self.votes, translate("EvaluationPage", "Confidence votes"))
        self.planning = PlanningPanel(uowf, tasks, codes, role, self)
        self.tabs.addTab(self.planning, translate("EvaluationPage", "Planning"))

        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self.refresh_summary)
        self.unit.currentIndexChanged.connect(lambda _i: self._target_changed())
        self.year.valueChanged.connect(lambda _v: self._target_changed())
        self.round_list.activated.connect(self._round_chosen)
        self._show(None)
        if default_unit:
            self.unit.blockSignals(True)
            self.unit.set_value(default_unit)
            self.unit.blockSignals(False)
        uowf_ = uowf
        self.tasks.run_db(lambda: (refdata.unit_paths(uowf_), None if codes.get("unit") else refdata.code_choices(uowf_)),
                          on_done=self._refdata, on_error=self._failed)
        self.reload_rounds(select_latest=True)

    # -- building -----------------------------------------------------------------------------------
    def _build_grid_tab(self, fm: Any) -> QWidget:
        tab = QWidget()
        v = QVBoxLayout(tab)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(3)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.info)
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)
        self.quota_label.setAccessibleName(translate("EvaluationPage", "Share of Excellent"))
        v.addWidget(self.quota_label)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems_label.setStyleSheet(f"color: {RED};")
        v.addWidget(self.problems_label)
        bar = FlowLayout()  # the buttons wrap on a narrow screen
        self.approve_button = QPushButton(translate("EvaluationPage", "Approve"))
        self.approve_button.clicked.connect(self.approve)
        self.lock_button = QPushButton(translate("EvaluationPage", "Lock"))
        self.lock_button.clicked.connect(self.lock)
        self.reopen_button = QPushButton(translate("EvaluationPage", "Reopen"))
        self.reopen_button.clicked.connect(self.reopen)
        self.correct_button = QPushButton(translate("EvaluationPage", "Correction…"))
        self.correct_button.clicked.connect(lambda: self.open_correction())
        self.add_people_button = QPushButton(translate("EvaluationPage", "Add new people"))
        self.add_people_button.setToolTip(translate("EvaluationPage", "Add to the round the people who joined the "
                                                    "unit after it was opened"))
        self.add_people_button.clicked.connect(self.add_people)
        self.outstanding = QCheckBox(translate("EvaluationPage", "Excellent unit (higher share)"))
        self.outstanding.setToolTip(translate("EvaluationPage", "The agency or unit was rated «Hoàn thành xuất sắc "
                                              "nhiệm vụ» by the competent authority: the rules allow a higher share "
                                              "of «Excellent»"))
        self.outstanding.toggled.connect(lambda _on: self.refresh_summary())
        for b in (self.approve_button, self.lock_button, self.reopen_button, self.correct_button,
                  self.add_people_button):
            bar.addWidget(b)
        bar.addWidget(self.outstanding)
        v.addLayout(bar)
        self.status = _StatusLabel()  # under the buttons, taking a line only when it has something to say
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        v.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Vertical)
        self.model = EvaluationGridModel(self)
        self.grid = GridView()
        self.grid.setModel(self.model)
        self.grid.setAlternatingRowColors(False)
        self.grid.verticalHeader().setDefaultSectionSize(fm.height() + 10)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.refused.connect(self._edit_refused)
        self.model.edited.connect(self._save_entry)
        self.model.rejected.connect(self._failed_text)
        self.grid.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_selected(cur))
        split.addWidget(self.grid)

        bottom = QTabWidget()
        self.bottom = bottom
        details = QWidget()
        dh = QHBoxLayout(details)
        dh.setContentsMargins(4, 4, 4, 4)
        left = QVBoxLayout()
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        left.addWidget(self.detail_title)
        self.detail_text = QLabel()
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.detail_text)
        form = QGridLayout()
        self.months_worked = QSpinBox()
        self.months_worked.setRange(0, 12)
        self.months_absent = QSpinBox()
        self.months_absent.setRange(0, 12)
        self.maternity = QCheckBox(translate("EvaluationPage", "Maternity leave"))
        form.addWidget(QLabel(translate("EvaluationPage", "Months worked")), 0, 0)
        form.addWidget(self.months_worked, 0, 1)
        form.addWidget(QLabel(translate("EvaluationPage", "Months off")), 0, 2)
        form.addWidget(self.months_absent, 0, 3)
        form.addWidget(self.maternity, 1, 0, 1, 4)  # a line of its own: the tab fits a 911-px window
        left.addLayout(form)
        self.veto_box = QVBoxLayout()
        self.veto_box.setSpacing(0)
        left.addLayout(self.veto_box)
        row = QHBoxLayout()
        self.from_products = QCheckBox(translate("EvaluationPage", "Task points computed from the products"))
        row.addWidget(self.from_products)
        row.addStretch(1)
        self.save_details_button = QPushButton(translate("EvaluationPage", "Save details"))
        self.save_details_button.clicked.connect(self.save_details)
        row.addWidget(self.save_details_button)
        left.addLayout(row)
        left.addStretch(1)
        dh.addLayout(left, 5)
        right = QVBoxLayout()
        self.products_label = QLabel()
        self.products_label.setWordWrap(True)
        right.addWidget(self.products_label)
        self.products = QTableWidget(0, len(PRODUCT_HEADERS))
        self.products.setHorizontalHeaderLabels([translate("EvaluationPage", h) for h in PRODUCT_HEADERS])
        self.products.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.products.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.products.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.products.verticalHeader().setVisible(False)
        self.products.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i, chars in enumerate((0, 9, 5, 5, 4, 5)):
            if chars:
                self.products.setColumnWidth(i, fm.horizontalAdvance("n") * chars + 8)
        self.products.doubleClicked.connect(lambda _i: self.open_product(edit=True))
        right.addWidget(self.products, 1)
        pb = QHBoxLayout()
        pb.addStretch(1)
        self.add_product_button = QPushButton(translate("EvaluationPage", "Add product…"))
        self.add_product_button.clicked.connect(lambda: self.open_product())
        self.edit_product_button = QPushButton(translate("EvaluationPage", "Edit…"))
        self.edit_product_button.clicked.connect(lambda: self.open_product(edit=True))
        self.remove_product_button = QPushButton(translate("EvaluationPage", "Delete"))
        self.remove_product_button.clicked.connect(self.remove_product)
        for b in (self.add_product_button, self.edit_product_button, self.remove_product_button):
            pb.addWidget(b)
        right.addLayout(pb)
        dh.addLayout(right, 6)
        # the details scroll when the window is short
        bottom.addTab(scrolling(details), translate("EvaluationPage", "Details, products"))
        self.corrections = QTableWidget(0, len(CORRECTION_HEADERS))
        self.corrections.setHorizontalHeaderLabels([translate("EvaluationPage", h) for h in CORRECTION_HEADERS])
        self.corrections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.corrections.verticalHeader().setVisible(False)
        self.corrections.setWordWrap(True)
        for i, chars in enumerate((10, 20, 22, 18, 18, 0, 12)):
            if chars:
                self.corrections.setColumnWidth(i, fm.horizontalAdvance("n") * chars)
        self.corrections.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.corrections.horizontalHeader().sectionResized.connect(
            lambda *_a: self.corrections.resizeRowsToContents())
        bottom.addTab(self.corrections, translate("EvaluationPage", "Correction history"))
        bottom.currentChanged.connect(lambda _i: self.corrections.resizeRowsToContents())
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split
        v.addWidget(split, 1)
        return tab

    def _refdata(self, data: tuple[dict[str, str], dict[str, list[tuple[str, str]]] | None]) -> None:
        self.unit_paths = data[0]
        if data[1] is not None and self.unit.count() <= 1:
            self.codes = data[1]
            current = self.unit.value()
            self.unit.blockSignals(True)
            for code, name in data[1].get("unit", []):
                self.unit.addItem(name, code)
            self.unit.set_value(current)
            self.unit.blockSignals(False)
        self._set_vote_unit()

    # -- choosing the round -----------------------------------------------------------------------------
    def reload_rounds(self, *, select_latest: bool = False) -> None:
        uowf = self.uowf
        self.tasks.run_db(lambda: ev.list_rounds(uowf), on_done=lambda rows: self._show_rounds(rows, select_latest),
                          on_error=self._failed)

    def _show_rounds(self, rows: list[w.RoundSummary], select_latest: bool) -> None:
        self.rounds = rows
        self.round_list.blockSignals(True)
        self.round_list.clear()
        self.round_list.addItem(translate("EvaluationPage", "{count} rounds").format(count=len(rows)) if rows
                                else translate("EvaluationPage", "no rounds yet"), "")
        for r in rows:
            self.round_list.addItem(translate("EvaluationPage", "{year} – {unit} ({status}, {count} people)").format(
                year=r.year, unit=r.unit_name, status=r.status_label.lower(), count=r.people), r.id)
        self.round_list.blockSignals(False)
        if select_latest:  # the latest round, else the office's own unit
            if rows:
                self._round_chosen(1)
            else:
                self._target_changed()

    def _round_chosen(self, i: int) -> None:
        rid = self.round_list.itemData(i)
        r = next((x for x in self.rounds if x.id == rid), None)
        if r is None:
            return
        self.select(r.unit_id, r.year)

    def select(self, unit_id: str, year: int) -> None:
        """Show the round of ``unit_id`` for ``year`` (or offer to open it)."""
        for wdg in (self.unit, self.year):
            wdg.blockSignals(True)
        self.unit.set_value(unit_id)
        self.year.setValue(year)
        for wdg in (self.unit, self.year):
            wdg.blockSignals(False)
        self._target_changed()

    def _target_changed(self) -> None:
        self._set_vote_unit()
        self.load()

    def _set_vote_unit(self) -> None:
        unit = self.unit.value()
        if unit != self.votes.unit_id or (unit and not self.votes.unit_path and self.unit_paths):
            self.votes.set_unit(unit, self.unit_paths.get(unit, ""), self.unit.currentText())

    def load(self) -> None:
        """Read the round of the chosen unit and year again (all rows, the quota, the corrections)."""
        self._gen += 1
        gen, unit, year = self._gen, self.unit.value(), self.year.value()
        if not unit:
            self._show(None)
            return
        uowf, revs, outstanding = self.uowf, self._revs, self.outstanding.isChecked()

        def job() -> w.RoundView | None:
            rid = ev.find_round(uowf, unit, year)
            if rid is None:
                return None
            view = ev.round_grid(uowf, rid, outstanding_unit=outstanding)
            revs.clear()
            revs.update({r.evaluation_id: r.rev for r in view.rows})
            return view

        self.tasks.run_db(job, on_done=lambda view: self._show(view) if gen == self._gen else None,
                          on_error=self._failed)

    # -- showing ------------------------------------------------------------------------------------------
    def editable(self) -> bool:
        return self.view is not None and self.view.status == ev.OPEN and self.role in w.ENTRY_ROLES

    def _show(self, view: w.RoundView | None) -> None:
        self.view = view
        self._inflight.clear()
        current = self.grid.currentIndex()
        self.model.set_view(view, editable=self.editable())
        self._set_widths()
        if view is not None and self.model.rowCount():
            row = min(max(current.row(), 0), self.model.rowCount() - 1)
            col = current.column() if current.isValid() else self._first_editable_column()
            self.grid.setCurrentIndex(self.model.index(row, max(col, 0)))
        self._show_header()
        self._show_corrections()
        self._row_selected(self.grid.currentIndex())
        self.bottom.setVisible(view is not None)

    def _first_editable_column(self) -> int:
        return next((i for i, c in enumerate(self.model.columns) if c.editable), 0)

    def _set_widths(self) -> None:
        n = self.fontMetrics().horizontalAdvance("n")
        for i, col in enumerate(self.model.columns):
            self.grid.setColumnWidth(i, n * col.width_chars + 14)

    def _show_header(self) -> None:
        v = self.view
        can_head = self.role in w.HEAD_ROLES
        unit_name = self.unit.currentText().strip()
        self.outstanding.setVisible(v is not None and v.regime == "nd335")
        if v is None:
            year = self.year.value()
            if self.unit.value():
                if can_head:
                    text = translate("EvaluationPage", "<b>There is no evaluation round of {unit} for {year} yet.</b> "
                                     "Click «Open round» to set up the grid for everyone working in the unit.")
                else:
                    text = translate("EvaluationPage", "<b>There is no evaluation round of {unit} for {year} yet.</b> "
                                     "Only the head of the office or an administrator may open a round. Ask the "
                                     "head of the office to open it; the clerks then enter the results.")
                self.info.setText(text.format(unit=unit_name, year=year))
            else:
                self.info.setText(translate("EvaluationPage", "Choose the unit and the year, or a round already "
                                            "opened."))
            self.quota_label.clear()
            self.problems_label.clear()
            self.problems_label.setVisible(False)
        else:
            dates = [translate("EvaluationPage", "opened on {date}").format(date=format_date(v.opened_on))
                     if v.opened_on else "",
                     translate("EvaluationPage", "approved on {date} ({by})").format(
                         date=format_date(v.approved_on), by=v.approved_by) if v.approved_on else "",
                     translate("EvaluationPage", "locked on {date}").format(date=format_date(v.locked_on))
                     if v.locked_on else ""]
            entered = sum(1 for r in v.rows if r.entered)
            counts = ", ".join(f"{short_level(code, v.level_labels.get(code, ''))} {n}"
                               for code, n in sorted(v.level_counts.items(),
                                                     key=lambda kv: list(v.level_labels).index(kv[0])
                                                     if kv[0] in v.level_labels else 99))
            color = {"open": "#0b4f8a", "approved": GREEN, "locked": "#444"}.get(v.status, "#000")
            if counts:
                info = translate("EvaluationPage", "<b>Evaluation round {year} – {unit}</b> · {regime} · {status} "
                                 "({dates}) · Results for {entered}/{total} people: {counts}.")
            else:
                info = translate("EvaluationPage", "<b>Evaluation round {year} – {unit}</b> · {regime} · {status} "
                                 "({dates}) · Results for {entered}/{total} people.")
            self.info.setText(info.format(
                year=v.year, unit=v.unit_name, regime=v.regime_label,
                status=f"<b style='color:{color}'>{v.status_label}</b>", dates=", ".join(d for d in dates if d),
                entered=entered, total=len(v.rows), counts=counts))
            self.info.setToolTip(translate("EvaluationPage", "Legal basis: {source}").format(source=v.legal_source))
            text, over = quota_text(v.quota)
            self.quota_label.setText(text)
            self.quota_label.setToolTip(translate("EvaluationPage", "{message}\nLegal basis: {source}").format(
                message=v.quota.message, source=v.quota.legal_source))
            self.quota_label.setStyleSheet(f"color: {RED if over else GREEN}; font-weight: bold;")
            shown = [p for p in v.problems if v.quota.message not in p]  # the quota has its own line
            more = translate("EvaluationPage", "… and {count} more").format(count=len(shown) - 3)
            text = "<br>".join(f"• {p}" for p in shown[:3]) + (f"<br>{more}" if len(shown) > 3 else "")
            if v.status == ev.LOCKED:
                text = "<span style='color:#444'>{}</span>".format(translate(
                    "EvaluationPage", "The round is locked: results change only by «Correction…» with a reason (the "
                    "head of the office or an administrator); every correction is recorded in the history."))
            elif v.status == ev.APPROVED:
                text = "<span style='color:#444'>{}</span>".format(translate(
                    "EvaluationPage", "Approved: «Lock» to settle the results, or «Reopen» to change them."))
            self.problems_label.setText(text)
            self.problems_label.setVisible(bool(text))
        has = v is not None
        status = v.status if v is not None else ""
        self.open_button.setEnabled(not has and bool(self.unit.value()) and can_head)
        self.open_button.setToolTip("" if can_head else translate(
            "EvaluationPage", "Only the head of the office or an administrator may open a round."))
        self.open_button.setVisible(not has)
        self._enable(self.approve_button, has and status == ev.OPEN and v is not None and v.can_approve and can_head,
                     translate("EvaluationPage", "Only the head of the office or an administrator may approve the "
                               "results."),
                     translate("EvaluationPage", "Cannot be approved yet: there is still something to fix (the red "
                               "lines above).") if v is not None and v.problems else
                     translate("EvaluationPage", "Only a round whose results are being entered can be approved."))
        self._enable(self.lock_button, status == ev.APPROVED and can_head,
                     translate("EvaluationPage", "Only the head of the office or an administrator may lock the "
                               "round."),
                     translate("EvaluationPage", "Approve before locking."))
        self._enable(self.reopen_button, status == ev.APPROVED and can_head,
                     translate("EvaluationPage", "Only the head of the office or an administrator may reopen the "
                               "round."),
                     translate("EvaluationPage", "Only an approved round that is not locked can be reopened."))
        self._enable(self.correct_button, status == ev.LOCKED and can_head,
                     translate("EvaluationPage", "Only the head of the office or an administrator may correct the "
                               "results."),
                     translate("EvaluationPage", "The round is not locked: change it directly in the grid."))
        self._enable(self.add_people_button, status == ev.OPEN and can_head,
                     translate("EvaluationPage", "Only the head of the office or an administrator may add people "
                               "to the round."),
                     translate("EvaluationPage", "People can be added only while the results are being entered."))
        for b in (self.approve_button, self.lock_button, self.reopen_button, self.correct_button,
                  self.add_people_button):
            b.setVisible(has)
        self.bottom.setTabText(1, translate("EvaluationPage", "Correction history ({count})").format(
            count=len(v.corrections)) if v is not None and v.corrections
            else translate("EvaluationPage", "Correction history"))

    def _enable(self, button: QPushButton, on: bool, head_only: str, why: str) -> None:
        """``head_only``: the tooltip for a role that may not do it; ``why``: for the head, when it cannot be
        done now."""
        button.setEnabled(on)
        if on:
            button.setToolTip("")
        elif self.role not in w.HEAD_ROLES:
            button.setToolTip(head_only)
        else:
            button.setToolTip(why)

    def _show_corrections(self) -> None:
        rows = self.view.corrections if self.view is not None else ()
        self.corrections.setRowCount(len(rows))
        for i, c in enumerate(rows):
            for j, text in enumerate((format_date(c.corrected_on), c.full_name, c.field_label, c.old_value, c.new_value,
                                      c.reason, c.by)):
                self.corrections.setItem(i, j, _item(text))
        self.corrections.resizeRowsToContents()

    def current_row(self) -> w.GridRow | None:
        return self.model.row_at(self.grid.currentIndex().row())

    def _row_selected(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        self._show_details(row)

    def _show_details(self, row: w.GridRow | None) -> None:
        v = self.view
        editable = self.editable() and row is not None
        if v is not None and set(v.veto_codes) != set(self._veto_boxes):
            while self.veto_box.count():
                item = self.veto_box.takeAt(0)
                old = item.widget() if item is not None else None
                if old is not None:
                    old.deleteLater()
            self._veto_boxes = {}
            for code, text in v.veto_codes.items():
                # the condition wraps beside its box (a box 80 letters wide would not fit 1366×768 at 150 %)
                box = QCheckBox()
                box.setToolTip(text)
                box.setAccessibleName(veto_label(text, 80))
                condition = QLabel(veto_label(text, 160))
                condition.setWordWrap(True)
                condition.setToolTip(text)

                def toggle(b: QCheckBox = box) -> None:
                    if b.isEnabled():
                        b.toggle()

                on_click(condition, toggle)
                line = QWidget()
                lh = QHBoxLayout(line)
                lh.setContentsMargins(0, 0, 0, 0)
                lh.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
                lh.addWidget(condition, 1)
                self._veto_boxes[code] = box
                self.veto_box.addWidget(line)
        for wdg in (self.months_worked, self.months_absent, self.maternity, self.save_details_button,
                    *self._veto_boxes.values()):
            wdg.setEnabled(editable)
        nd335 = v is not None and v.regime == "nd335"
        self.from_products.setVisible(nd335)
        self.from_products.setEnabled(editable and row is not None and bool(row.products))
        for b in (self.add_product_button,):
            b.setEnabled(editable)
        if row is None:
            self.detail_title.setText(translate("EvaluationPage", "Choose a person in the grid.") if v is not None
                                      else "")
            self.detail_text.clear()
            self.products.setRowCount(0)
            self.products_label.setText(translate("EvaluationPage", "Products"))
            self.edit_product_button.setEnabled(False)
            self.remove_product_button.setEnabled(False)
            return
        position = row.current_position or translate("EvaluationPage", "no position recorded")
        title = f"<b>{row.full_name}</b> – {position}, {row.unit_name}"
        self.detail_title.setText(title)
        lines = []
        if row.entered:
            if row.score_total is not None:
                lines.append(translate("EvaluationPage", "Result: <b>{level}</b> ({points} points)").format(
                    level=row.level_label, points=number_text(row.score_total)))
            else:
                lines.append(translate("EvaluationPage", "Result: <b>{level}</b>").format(level=row.level_label))
        for r in row.reasons:
            lines.append(f"<span style='color:#8a5a00'>• {r.text} <i>({r.legal_source})</i></span>")
        for problem in row.problems:
            lines.append(f"<span style='color:{RED}'>• {problem}</span>")
        self.detail_text.setText("<br>".join(lines) or translate("EvaluationPage", "No result yet."))
        self.months_worked.setValue(int(row.months_worked))
        self.months_absent.setValue(int(row.months_absent))
        self.maternity.setChecked(row.maternity)
        for code, box in self._veto_boxes.items():
            box.setChecked(code in row.veto_flags)
        self.from_products.setChecked(products_from_score(row))
        self.products.setRowCount(len(row.products))
        for i, p in enumerate(row.products):
            for j, (text, right) in enumerate(((p.description, False), (p.measure, False),
                                               (number_text(p.assigned), True), (number_text(p.delivered), True),
                                               (str(p.quality_errors), True), (str(p.delays), True))):
                self.products.setItem(i, j, _item(text, right=right))
        ps = row.product_score
        if ps is None:
            label = translate("EvaluationPage", "<b>Products ({count})</b>").format(count=len(row.products))
        else:
            label = translate("EvaluationPage", "<b>Products ({count})</b> – from the products: quantity {quantity}, "
                              "quality {quality}, timeliness {timeliness} → {score}/70 task points").format(
                count=len(row.products), quantity=percent_text(ps.quantity_pct), quality=percent_text(ps.quality_pct),
                timeliness=percent_text(ps.timeliness_pct), score=number_text(ps.score))
        self.products_label.setText(label)
        has_products = bool(row.products)
        self.edit_product_button.setEnabled(editable and has_products)
        self.remove_product_button.setEnabled(editable and has_products)

    # -- saving a cell ------------------------------------------------------------------------------------
    def _save_entry(self, before: w.GridRow, entry: w.EntryInput) -> None:
        eid = before.evaluation_id
        self._inflight[eid] = self._inflight.get(eid, 0) + 1
        uowf, role, revs, fallback = self.uowf, self.role, self._revs, before.rev

        def job() -> w.GridRow:
            ev.save_entry(uowf, eid, entry, role=role, expected_rev=revs.get(eid, fallback))
            fresh = ev.grid_row(uowf, eid)
            revs[eid] = fresh.rev
            return fresh

        self.status.setText(translate("EvaluationPage", "Saving: {name}…").format(name=before.full_name))
        self.status.setStyleSheet("")
        self.tasks.run_db(job, on_done=self._saved, on_error=lambda exc: self._save_failed(before, exc))

    def _done_saving(self, eid: str) -> bool:
        n = self._inflight.get(eid, 0) - 1
        if n <= 0:
            self._inflight.pop(eid, None)
            return True
        self._inflight[eid] = n
        return False

    def _saved(self, fresh: w.GridRow) -> None:
        if self._done_saving(fresh.evaluation_id):
            self._put_row(fresh)
        if fresh.entered:
            self.status.setText(translate("EvaluationPage", "Saved: {name} – {level}.").format(
                name=fresh.full_name, level=fresh.level_label))
        else:
            self.status.setText(translate("EvaluationPage", "Saved: {name}.").format(name=fresh.full_name))
        self.status.setStyleSheet(f"color: {GREEN};")
        self._summary_timer.start()

    def _put_row(self, fresh: w.GridRow) -> None:
        self.model.replace_row(fresh)
        if self.view is not None:
            self.view = dataclasses.replace(self.view, rows=tuple(self.model.rows))
        cur = self.current_row()
        if cur is not None and cur.evaluation_id == fresh.evaluation_id:
            self._show_details(fresh)

    def _save_failed(self, before: w.GridRow, exc: BaseException) -> None:
        self._done_saving(before.evaluation_id)
        self._failed(exc)
        eid, uowf, revs = before.evaluation_id, self.uowf, self._revs

        def job() -> w.GridRow:
            fresh = ev.grid_row(uowf, eid)
            revs[eid] = fresh.rev
            return fresh

        # show what is stored again (the typed value was not saved)
        self.tasks.run_db(job, on_done=self._put_row, on_error=lambda _e: self.load())
        self._summary_timer.start()

    def refresh_summary(self) -> None:
        """Read the round again for the quota, the problems and the corrections; rows being saved keep
        what is typed."""
        if self.view is None:
            return
        self._summary_timer.stop()
        gen, rid, uowf, revs = self._gen, self.view.id, self.uowf, self._revs
        outstanding = self.outstanding.isChecked()

        def job() -> w.RoundView:
            view = ev.round_grid(uowf, rid, outstanding_unit=outstanding)
            for r in view.rows:
                revs[r.evaluation_id] = r.rev
            return view

        def done(view: w.RoundView) -> None:
            if gen != self._gen:
                return
            if self.view is not None and view.status != self.view.status:
                self._show(view)
                return
            self.view = view
            self.model.update_rows(view.rows, keep=lambda eid: eid in self._inflight)
            self._show_header()
            self._show_corrections()
            self._show_details(self.current_row())

        self.tasks.run_db(job, on_done=done, on_error=self._failed)

    def _edit_refused(self) -> None:
        v = self.view
        if v is None:
            return
        if v.status == ev.LOCKED:
            msg = translate("EvaluationPage", "The round is locked: results change only by «Correction…» with a "
                            "reason.")
        elif v.status == ev.APPROVED:
            msg = translate("EvaluationPage", "The round is approved: the head of the office must «Reopen» it before "
                            "any change.")
        else:
            msg = translate("EvaluationPage", "You may only view the evaluation results.")
        self._failed_text(msg)

    # -- the person's details and products ------------------------------------------------------------
    def save_details(self) -> None:
        row = self.current_row()
        if row is None or not self.editable():
            return
        entry = dataclasses.replace(
            entry_of(row), months_worked=float(self.months_worked.value()),
            months_absent=float(self.months_absent.value()), maternity=self.maternity.isChecked(),
            veto_flags=tuple(code for code, box in self._veto_boxes.items() if box.isChecked()))
        if row.regime == "nd335":
            if self.from_products.isChecked():
                entry = dataclasses.replace(entry, tasks_from_products=True, score_tasks=None, task_components=None)
            elif entry.tasks_from_products:  # keep the points, typed from now on
                entry = dataclasses.replace(entry, tasks_from_products=False, score_tasks=row.score_tasks,
                                            task_components=None)
        self._save_entry(row, entry)

    def selected_product(self) -> w.ProductRow | None:
        row = self.current_row()
        i = self.products.currentRow()
        if row is None or not 0 <= i < len(row.products):
            return None
        return row.products[i]

    def open_product(self, *, edit: bool = False) -> ProductDialog | None:
        row = self.current_row()
        if row is None or not self.editable():
            return None
        product = self.selected_product() if edit else None
        if edit and product is None:
            return None
        dlg = ProductDialog(row.full_name, product, self)
        dlg.submitted.connect(lambda p: self._save_product(dlg, row.evaluation_id, product, p))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _save_product(self, dlg: ProductDialog, eid: str, old: w.ProductRow | None, p: w.ProductInput) -> None:
        uowf, role, revs = self.uowf, self.role, self._revs

        def job() -> w.GridRow:
            if old is None:
                ev.add_product(uowf, eid, p, role=role)
            else:
                ev.update_product(uowf, old.id, p, role=role)
            fresh = ev.grid_row(uowf, eid)
            revs[eid] = fresh.rev
            return fresh

        def done(fresh: w.GridRow) -> None:
            dlg.accept()
            self._saved(fresh)

        def failed(exc: BaseException) -> None:
            self._done_saving(eid)
            dlg.show_error(_message(exc))

        self._inflight[eid] = self._inflight.get(eid, 0) + 1
        self.tasks.run_db(job, on_done=done, on_error=failed)

    def remove_product(self) -> None:
        row, product = self.current_row(), self.selected_product()
        if row is None or product is None or not self.editable():
            return
        eid, pid, uowf, role, revs = row.evaluation_id, product.id, self.uowf, self.role, self._revs

        def job() -> w.GridRow:
            ev.remove_product(uowf, pid, role=role)
            fresh = ev.grid_row(uowf, eid)
            revs[eid] = fresh.rev
            return fresh

        def failed(exc: BaseException) -> None:
            self._done_saving(eid)
            self._failed(exc)

        self._inflight[eid] = self._inflight.get(eid, 0) + 1
        self.tasks.run_db(job, on_done=self._saved, on_error=failed)

    # -- the round's life -----------------------------------------------------------------------------
    def _run(self, fn: Any, done_text: str) -> None:
        def done(_r: Any) -> None:
            self.load()
            self.reload_rounds()
            self.status.setText(done_text)
            self.status.setStyleSheet(f"color: {GREEN};")

        self.tasks.run_db(fn, on_done=done, on_error=self._failed)

    def open_round(self) -> None:
        unit, year, uowf, role = self.unit.value(), self.year.value(), self.uowf, self.role
        if not unit:
            self._failed_text(translate("EvaluationPage", "Choose a unit."))
            return
        self._run(lambda: ev.open_round(uowf, unit, year, role=role),
                  translate("EvaluationPage", "Opened the evaluation round of {year}.").format(year=year))

    def approve(self) -> None:
        if self.view is None:
            return
        rid, uowf, role, outstanding = self.view.id, self.uowf, self.role, self.outstanding.isChecked()
        self._run(lambda: ev.approve_round(uowf, rid, role=role, outstanding_unit=outstanding),
                  translate("EvaluationPage", "The evaluation results are approved."))

    def lock(self) -> None:
        if self.view is None:
            return
        rid, uowf, role = self.view.id, self.uowf, self.role
        self._run(lambda: ev.lock_round(uowf, rid, role=role),
                  translate("EvaluationPage", "Locked: from now on results change only by a correction with a "
                            "reason."))

    def reopen(self) -> None:
        if self.view is None:
            return
        rid, uowf, role = self.view.id, self.uowf, self.role
        self._run(lambda: ev.reopen_round(uowf, rid, role=role),
                  translate("EvaluationPage", "The evaluation round is reopened for changes."))

    def add_people(self) -> None:
        if self.view is None:
            return
        rid, uowf, role = self.view.id, self.uowf, self.role

        def job() -> int:
            n, _c = ev.add_new_people(uowf, rid, role=role)
            return n

        def done(n: int) -> None:
            self.load()
            self.status.setText(translate("EvaluationPage", "Added {count} people.").format(count=n) if n
                                else translate("EvaluationPage", "Nobody new has joined the unit."))
            self.status.setStyleSheet(f"color: {GREEN};")

        self.tasks.run_db(job, on_done=done, on_error=self._failed)

    def open_correction(self) -> CorrectionDialog | None:
        if self.view is None or self.view.status != ev.LOCKED:
            return None
        dlg = CorrectionDialog(self.view, self.current_row(), self)
        dlg.submitted.connect(lambda eid, field, value, reason, on: self._correct(dlg, eid, field, value, reason, on))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _correct(self, dlg: CorrectionDialog, eid: str, field: str, value: Any, reason: str, on: date | None) -> None:
        uowf, role = self.uowf, self.role

        def done(_c: Any) -> None:
            dlg.accept()
            self.load()
            self.bottom.setCurrentIndex(1)
            self.status.setText(translate("EvaluationPage", "The correction is recorded."))
            self.status.setStyleSheet(f"color: {GREEN};")

        self.tasks.run_db(lambda: ev.correct(uowf, eid, field, value, reason, role=role, on=on), on_done=done,
                          on_error=lambda exc: dlg.show_error(_message(exc)))

    # -- messages -------------------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self._failed_text(_message(exc))

    def _failed_text(self, message: str) -> None:
        self.status.setText(message)
        self.status.setToolTip(message)
        self.status.setStyleSheet(f"color: {RED};")
