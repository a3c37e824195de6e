"""Quy hoạch: who is planned for which title in which term, with what the appointment rules say about
each person today; put people in and take them out, each with its decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import planning as pl
from canbo_desktop.ui.dialogs.planning_dialogs import AddPlanningDialog, RemovePlanningDialog, term_combo
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit
from canbo_desktop.ui.widgets.screen import FlowLayout, pair

RED = "#b00020"
AMBER = "#8a5a00"
HEADERS = (QT_TRANSLATE_NOOP("PlanningPanel", "Full name"), QT_TRANSLATE_NOOP("PlanningPanel", "Born"),
           QT_TRANSLATE_NOOP("PlanningPanel", "Current position"), QT_TRANSLATE_NOOP("PlanningPanel", "Planned for"),
           QT_TRANSLATE_NOOP("PlanningPanel", "Term"), QT_TRANSLATE_NOOP("PlanningPanel", "Added"),
           QT_TRANSLATE_NOOP("PlanningPanel", "Removed"),
           QT_TRANSLATE_NOOP("PlanningPanel", "Warnings from the appointment conditions"))
WIDTHS = (20, 8, 19, 20, 10, 20, 16)


class PlanningPanel(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]], role: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.codes, self.role = uowf, tasks, codes, role
        self.rows: list[w.PlanningRow] = []
        self.dialog: Any = None
        v = QVBoxLayout(self)
        bar = FlowLayout()  # wraps on a narrow screen
        self.terms = pl.planning_terms()
        self.term = term_combo(("",) + self.terms, "")
        self.term.setCurrentIndex(0)  # every term
        edit = self.term.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(translate("PlanningPanel", "all"))
        self.term.setMinimumContentsLength(10)
        bar.addWidget(pair(QLabel(translate("PlanningPanel", "Term")), self.term))
        self.title = CodeCombo(codes.get("title", []))
        self.title.setItemText(0, translate("PlanningPanel", "all titles"))
        self.title.setMinimumContentsLength(24)
        bar.addWidget(pair(QLabel(translate("PlanningPanel", "Title")), self.title, stretch_last=True))
        self.include_removed = QCheckBox(translate("PlanningPanel", "Include people removed"))
        bar.addWidget(self.include_removed)
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        self.on.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.show_button = QPushButton(translate("PlanningPanel", "Show list"))
        self.show_button.clicked.connect(self.reload)
        bar.addWidget(pair(QLabel(translate("PlanningPanel", "Warnings as of")), self.on, self.show_button))
        v.addLayout(bar)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([translate("PlanningPanel", h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        fm = self.fontMetrics()
        for i, chars in enumerate(WIDTHS):
            self.table.setColumnWidth(i, fm.horizontalAdvance("n") * chars + 10)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.add_button = QPushButton(translate("PlanningPanel", "Add to planning…"))
        self.add_button.clicked.connect(self.open_add)
        self.remove_button = QPushButton(translate("PlanningPanel", "Remove from planning…"))
        self.remove_button.clicked.connect(self.open_remove)
        can = role in w.ENTRY_ROLES
        for b in (self.add_button, self.remove_button):
            b.setEnabled(can)
            if not can:
                b.setToolTip(translate("PlanningPanel", "Only a clerk, the head of the office or an administrator "
                                       "may update the planning lists."))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        v.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selection)
        self._loaded_once = False

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def reload(self) -> None:
        term = self.term.currentText().strip() or None
        title = self.title.value() or None
        removed = self.include_removed.isChecked()
        try:
            on = self.on.value()[0] or date.today()
        except CanboError as exc:
            self._failed(exc)
            return
        uowf = self.uowf
        self.status.setText(translate("PlanningPanel", "Loading…"))
        self.status.setStyleSheet("")
        self.tasks.run_db(lambda: pl.planning_list(uowf, term=term, title_code=title, include_removed=removed, on=on),
                          on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[w.PlanningRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            added = f"{format_date(r.added_on)} – {r.added_ref}"
            removed = f"{format_date(r.removed_on)} – {r.removed_ref}: {r.removal_reason}" if r.removed_on else ""
            warn = "\n".join(f"{x.name}: {x.reason}" for x in r.warnings)
            texts = (r.full_name, str(r.birth_date.year) if r.birth_date else "", r.current_position,
                     r.title_name + (f" ({r.unit_name})" if r.unit_name else ""), r.term, added, removed,
                     warn or ("" if not r.active else translate("PlanningPanel", "None")))
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == len(texts) - 1 and r.warnings:
                    fail = any(x.status == "fail" for x in r.warnings)
                    item.setForeground(QColor(RED if fail else AMBER))
                if not r.active:
                    item.setForeground(QColor("#777"))
                self.table.setItem(i, c, item)
        self.table.resizeRowsToContents()
        active = sum(1 for r in rows if r.active)
        warned = sum(1 for r in rows if r.active and r.warnings)
        self.status.setText(translate("PlanningPanel", "{active} people in planning; {warned} people with a "
                                      "condition not met or unclear.").format(active=active, warned=warned)
                            if rows else translate("PlanningPanel", "Nobody is in this list."))
        self.status.setStyleSheet("")
        self._selection()

    def current(self) -> w.PlanningRow | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _selection(self) -> None:
        r = self.current()
        self.remove_button.setEnabled(self.role in w.ENTRY_ROLES and r is not None and r.active)

    # -- changes --------------------------------------------------------------------------------------
    def open_add(self) -> AddPlanningDialog:
        dlg = AddPlanningDialog(self.uowf, self.tasks, self.codes, self.terms, self.term.currentText().strip(),
                                self.title.value(), self)
        dlg.submitted.connect(lambda values: self._add(dlg, values))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _add(self, dlg: AddPlanningDialog, v: dict[str, Any]) -> None:
        uowf, role = self.uowf, self.role

        def done(_r: Any) -> None:
            dlg.accept()
            self.reload()

        self.tasks.run_db(lambda: pl.add_to_planning(uowf, v["cadre_id"], v["term"], v["title_code"], v["reference"],
                                                     v["on"], role=role, unit_id=v["unit_id"]),
                          on_done=done, on_error=lambda exc: dlg.show_error(_message(exc)))

    def open_remove(self) -> RemovePlanningDialog | None:
        r = self.current()
        if r is None or not r.active:
            return None
        dlg = RemovePlanningDialog(r, self)
        dlg.submitted.connect(lambda values: self._remove(dlg, r.id, values))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _remove(self, dlg: RemovePlanningDialog, entry_id: str, v: dict[str, Any]) -> None:
        uowf, role = self.uowf, self.role

        def done(_r: Any) -> None:
            dlg.accept()
            self.reload()

        self.tasks.run_db(lambda: pl.remove_from_planning(uowf, entry_id, v["reference"], v["reason"], v["on"],
                                                          role=role),
                          on_done=done, on_error=lambda exc: dlg.show_error(_message(exc)))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_message(exc))
        self.status.setStyleSheet(f"color: {RED};")


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, CanboError) else translate("PlanningPanel", "Error: {error}").format(
        error=exc)

