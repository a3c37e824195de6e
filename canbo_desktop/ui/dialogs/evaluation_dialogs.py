"""Dialogs of the evaluation page: a recorded correction of a locked result, and a product (sản phẩm).

Each dialog checks what it can, then emits ``submitted``; the page calls the service and either closes the
dialog or shows the service's message in it (the dialog stays open with what was typed).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import translate
from canbo_desktop.ui.dialogs.submit_dialog import SubmitDialog
from canbo_desktop.ui.models.evaluation_grid import level_choices, number_text
from canbo_desktop.ui.widgets.fields import DateEdit

RED = "#b00020"
FIELDS_BY_REGIME = {
    "nd90": ("level", "months_worked", "months_absent", "veto_flags", "self_assessment", "unit_comment"),
    "nd335": ("score_general", "score_tasks", "months_worked", "months_absent", "veto_flags", "self_assessment",
              "unit_comment"),
}


def veto_label(text: str, limit: int = 90) -> str:
    """A veto condition in a line: the part before its consequence, cut at a word."""
    head = text.split(":")[0].strip()
    if len(head) <= limit:
        return head
    return head[:limit].rsplit(" ", 1)[0] + "…"


def current_value(row: w.GridRow, field: str, view: w.RoundView) -> str:
    """The value a correction starts from, as the history shows it."""
    if field == "level":
        return view.level_labels.get(row.proposed_level or "", "") if row.proposed_level else translate(
            "EvaluationDialogs", "(not yet)")
    if field in ("score_general", "score_tasks"):
        return number_text(getattr(row, field)) or translate("EvaluationDialogs", "(not yet)")
    if field in ("months_worked", "months_absent"):
        return number_text(getattr(row, field))
    if field == "veto_flags":
        return "; ".join(veto_label(view.veto_codes.get(c, c), 50) for c in row.veto_flags) or translate(
            "EvaluationDialogs", "(none)")
    return getattr(row, field) or translate("EvaluationDialogs", "(empty)")


class CorrectionDialog(QDialog):
    """Đính chính: one field of one person's locked result, the new value and the reason (required)."""

    submitted = Signal(str, str, object, str, object)  # evaluation id, field, new value, reason, date

    def __init__(self, view: w.RoundView, current: w.GridRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(translate("EvaluationDialogs", "Correct a locked evaluation result"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 80)
        v = QVBoxLayout(self)
        intro = QLabel(translate("EvaluationDialogs", "{unit}, year {year} – the evaluation round is locked. Each "
                                 "correction is recorded (old value, new value, reason, date, who made it) and the "
                                 "level is classified again by the rules.").format(unit=view.unit_name,
                                                                                  year=view.year))
        intro.setWordWrap(True)
        v.addWidget(intro)
        form = QFormLayout()
        self.person = QComboBox()
        for r in view.rows:
            name = f"{r.full_name} – {r.current_position}".strip(" –")
            self.person.addItem(name, r.evaluation_id)
        if current is not None:
            self.person.setCurrentIndex(max(self.person.findData(current.evaluation_id), 0))
        self.field = QComboBox()
        for key in FIELDS_BY_REGIME.get(view.regime, tuple(w.CORRECTABLE_FIELDS)):
            self.field.addItem(w.CORRECTABLE_FIELDS[key], key)
        self.old = QLabel()
        self.old.setWordWrap(True)
        self.new_text = QLineEdit()
        self.new_level = QComboBox()
        self.new_level.addItem(translate("EvaluationDialogs", "— (none proposed)"), "")
        for code, label in level_choices(view.level_labels):
            choice = f"{label} – {view.level_labels[code]}"
            self.new_level.addItem(choice, code)
        self.new_veto = QListWidget()
        self.new_veto.setMaximumHeight(self.fontMetrics().height() * 5)
        for code, text in view.veto_codes.items():
            item = QListWidgetItem(veto_label(text))
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.new_veto.addItem(item)
        self.new_value = QStackedWidget()
        for widget in (self.new_text, self.new_level, self.new_veto):
            self.new_value.addWidget(widget)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(translate("EvaluationDialogs", "Basis of the correction: the appeal, the "
                                                 "conclusion, their number and date…"))
        self.reason.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        form.addRow(translate("EvaluationDialogs", "Person"), self.person)
        form.addRow(translate("EvaluationDialogs", "Item corrected"), self.field)
        form.addRow(translate("EvaluationDialogs", "Value stored"), self.old)
        form.addRow(translate("EvaluationDialogs", "New value"), self.new_value)
        form.addRow(translate("EvaluationDialogs", "Reason (required)"), self.reason)
        form.addRow(translate("EvaluationDialogs", "Date of correction"), self.on)
        v.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)
        v.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(translate("EvaluationDialogs", "Record correction"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("EvaluationDialogs", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.person.currentIndexChanged.connect(lambda _i: self._refresh())
        self.field.currentIndexChanged.connect(lambda _i: self._refresh())
        self._refresh()

    def row(self) -> w.GridRow:
        eid = self.person.currentData()
        return next(r for r in self.view.rows if r.evaluation_id == eid)

    def set_field(self, key: str) -> None:
        self.field.setCurrentIndex(max(self.field.findData(key), 0))

    def _refresh(self) -> None:
        if self.person.count() == 0:
            return
        row, key = self.row(), str(self.field.currentData())
        self.old.setText(current_value(row, key, self.view))
        if key == "level":
            self.new_value.setCurrentWidget(self.new_level)
            self.new_level.setCurrentIndex(max(self.new_level.findData(row.proposed_level or ""), 0))
        elif key == "veto_flags":
            self.new_value.setCurrentWidget(self.new_veto)
            for i in range(self.new_veto.count()):
                item = self.new_veto.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in row.veto_flags
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        else:
            self.new_value.setCurrentWidget(self.new_text)
            self.new_text.setPlaceholderText(translate("EvaluationDialogs", "a number, with a decimal comma: 50,5")
                                             if key in ("score_general", "score_tasks", "months_worked",
                                                        "months_absent") else "")
            self.new_text.clear()

    def value(self) -> tuple[str, str, Any, str, date | None]:
        key = str(self.field.currentData())
        new: Any
        if key == "level":
            new = self.new_level.currentData() or ""
        elif key == "veto_flags":
            new = [self.new_veto.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.new_veto.count())
                   if self.new_veto.item(i).checkState() == Qt.CheckState.Checked]
        else:
            new = nfc(self.new_text.text())
        on, _p = self.on.value()
        return str(self.person.currentData()), key, new, nfc(self.reason.toPlainText()), on

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _submit(self) -> None:
        try:
            values = self.value()
        except ValidationError as exc:
            self.show_error(exc.message)
            return
        self.error.clear()
        self.submitted.emit(*values)


def _read_number(edit: QLineEdit, what: str, errors: dict[str, str], key: str) -> float | None:
    try:
        return w.parse_number(edit.text(), what)
    except ValidationError as exc:
        errors[key] = exc.message
        return None


class ProductDialog(SubmitDialog):
    """Sản phẩm: what was delivered, its measure, the amounts assigned and delivered, errors and delays.
    ``submitted`` carries the ProductInput."""

    def __init__(self, person: str, product: w.ProductRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EvaluationDialogs", "Edit product") if product
                            else translate("EvaluationDialogs", "Add product"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 70)
        v = QVBoxLayout(self)
        name = f"<b>{person}</b>"
        v.addWidget(QLabel(name))
        form = QFormLayout()
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.description.setPlaceholderText(translate("EvaluationDialogs", "e.g. Handling applications for land use "
                                                      "right certificates"))
        self.measure = QLineEdit()
        self.measure.setPlaceholderText(translate("EvaluationDialogs", "measure: applications, reports, "
                                                  "documents…"))
        self.assigned = QLineEdit()
        self.delivered = QLineEdit()
        self.errors = QSpinBox()
        self.errors.setRange(0, 9999)
        self.delays = QSpinBox()
        self.delays.setRange(0, 9999)
        form.addRow(translate("EvaluationDialogs", "Product"), self.description)
        form.addRow(translate("EvaluationDialogs", "Measure"), self.measure)
        form.addRow(translate("EvaluationDialogs", "Number assigned"), self.assigned)
        form.addRow(translate("EvaluationDialogs", "Number completed"), self.delivered)
        form.addRow(translate("EvaluationDialogs", "Major quality errors"), self.errors)
        form.addRow(translate("EvaluationDialogs", "Times behind schedule"), self.delays)
        v.addLayout(form)
        if product is not None:
            self.description.setPlainText(product.description)
            self.measure.setText(product.measure)
            self.assigned.setText(number_text(product.assigned))
            self.delivered.setText(number_text(product.delivered))
            self.errors.setValue(product.quality_errors)
            self.delays.setValue(product.delays)
        self._finish(v, translate("EvaluationDialogs", "Save product"))

    def collect(self) -> w.ProductInput:
        errors: dict[str, str] = {}
        assigned = _read_number(self.assigned, translate("EvaluationDialogs", "Number assigned"), errors, "assigned")
        delivered = _read_number(self.delivered, translate("EvaluationDialogs", "Number completed"), errors,
                                 "delivered")
        p = w.ProductInput(nfc(self.description.toPlainText()).strip(), nfc(self.measure.text()).strip(), assigned,
                           delivered, self.errors.value(), self.delays.value())
        errors.update({k: v for k, v in w.validate_product(p).items() if k not in errors})
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        return p
