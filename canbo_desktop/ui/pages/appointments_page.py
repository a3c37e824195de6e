"""Quy hoạch, bổ nhiệm: the appointment procedures (from the policy to the decision) and the eligibility
check — every condition with its result, reason and legal source; a failed condition can be recorded as a
special case approved by the competent level."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.rules.eligibility import EligibilityReport
from canbo_desktop.i18n import translate
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.services import eligibility as elig_svc
from canbo_desktop.ui.pages.procedure_eligibility import (
    KIND_TEXT,
    STATUS_COLOR,
    STATUS_ROLE,
    STATUS_TEXT,
    fill_eligibility_table,
    make_eligibility_table,
    summary_html,
)
from canbo_desktop.ui.pages.procedure_panel import ProcedurePanel
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit

__all__ = ["KIND_TEXT", "STATUS_COLOR", "STATUS_TEXT", "AppointmentsPage"]


class AppointmentsPage(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]], role: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.role = uowf, tasks, role
        self.report: EligibilityReport | None = None
        self.cadre_id: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs)
        self.procedures = ProcedurePanel(uowf, tasks, codes, role, self)
        self.tabs.addTab(self.procedures, translate("AppointmentsPage", "Appointment procedures"))
        self.check_tab = QWidget()
        self.tabs.addTab(self.check_tab, translate("AppointmentsPage", "Eligibility check"))
        v = QVBoxLayout(self.check_tab)
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("AppointmentsPage", "Find a person: name (with or without accents), ID number…"))
        self.search.setClearButtonEnabled(True)
        left.addWidget(self.search)
        self.people = QListWidget()
        self.people.setMaximumHeight(self.fontMetrics().height() * 8)
        left.addWidget(self.people)
        top.addLayout(left, 2)
        form = QFormLayout()
        self.title = CodeCombo(codes.get("title", []))
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        self.check_button = QPushButton(translate("AppointmentsPage", "Check"))
        self.check_button.clicked.connect(self.check)
        form.addRow(translate("AppointmentsPage", "Intended title"), self.title)
        form.addRow(translate("AppointmentsPage", "Intended appointment date"), self.on)
        form.addRow("", self.check_button)
        top.addLayout(form, 3)
        v.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.table = make_eligibility_table(self)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.override_button = QPushButton(translate("AppointmentsPage", "Record a special case…"))
        self.override_button.setToolTip(translate(
            "AppointmentsPage",
            "The competent level approved the selected unmet condition (the document number is needed)"))
        self.override_button.setEnabled(False)
        self.override_button.clicked.connect(self._ask_override)
        row.addWidget(self.override_button)
        v.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._find_people)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.people.currentItemChanged.connect(self._person_chosen)
        self.table.itemSelectionChanged.connect(self._row_chosen)

    # -- choosing -------------------------------------------------------------------------------
    def _find_people(self) -> None:
        typed, uowf = self.search.text().strip(), self.uowf
        if not typed:
            self.people.clear()
            return
        self.tasks.run_db(lambda: cadre_svc.search_cadres(uowf, typed, limit=20), on_done=self._show_people,
                          on_error=self._failed)

    def _show_people(self, rows: list[Any]) -> None:
        self.people.clear()
        for r in rows:
            born = format_date(r.birth_date) if r.birth_date else ""
            item = QListWidgetItem(f"{r.full_name} · {born} · {r.current_position or ''} · {r.unit_name}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.people.addItem(item)
        if rows:
            self.people.setCurrentRow(0)

    def _person_chosen(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        self.cadre_id = None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def set_person(self, cadre_id: str, label: str = "") -> None:
        self.people.clear()
        item = QListWidgetItem(label or cadre_id)
        item.setData(Qt.ItemDataRole.UserRole, cadre_id)
        self.people.addItem(item)
        self.people.setCurrentRow(0)

    # -- checking -------------------------------------------------------------------------------
    def check(self) -> None:
        try:
            if not self.cadre_id:
                raise ValidationError(translate("AppointmentsPage", "Choose the person to check."))
            title = self.title.value()
            if not title:
                raise ValidationError(translate("AppointmentsPage", "Choose the intended title."))
            on, _p = self.on.value()
            on = on or date.today()
        except CanboError as exc:
            self._failed(exc)
            return
        cid, uowf = self.cadre_id, self.uowf
        self.tabs.setCurrentWidget(self.check_tab)
        self.status.setText(translate("AppointmentsPage", "Checking…"))
        self.status.setStyleSheet("")
        self.tasks.run_db(lambda: elig_svc.eligibility(uowf, cid, title, on), on_done=self.show_report,
                          on_error=self._failed)

    def show_report(self, report: EligibilityReport) -> None:
        self.report = report
        self.summary.setText(summary_html(report))
        self.summary.setStyleSheet(f"color: {STATUS_COLOR.get(report.overall, '#000')};")
        fill_eligibility_table(self.table, report)
        self.status.setText("")
        self._row_chosen()

    def _row_chosen(self) -> None:
        item = self.table.item(self.table.currentRow(), 1)
        status = item.data(STATUS_ROLE) if item is not None else None
        self.override_button.setEnabled(self.role in elig_svc.OVERRIDE_ROLES and status in ("fail", "overridden"))

    def _ask_override(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        ref, ok = QInputDialog.getText(
            self, translate("AppointmentsPage", "Special case"),
            translate("AppointmentsPage",
                      "Condition «{condition}»: number and date of the competent level's approval:").format(
                condition=item.text()))
        if ok:
            self.record_override(str(item.data(Qt.ItemDataRole.UserRole)), ref)

    def record_override(self, rule_code: str, reference: str) -> None:
        if self.report is None or not self.cadre_id:
            return
        cid, title, on, uowf, role = self.cadre_id, self.report.title_code, self.report.on, self.uowf, self.role
        self.tasks.run_db(lambda: elig_svc.record_override(uowf, cid, title, rule_code, reference, role=role, on=on),
                          on_done=lambda _c: self.check(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(exc.message if isinstance(exc, CanboError)
                            else translate("AppointmentsPage", "Error: {error}").format(error=exc))
        self.status.setStyleSheet("color: #b00020;")
