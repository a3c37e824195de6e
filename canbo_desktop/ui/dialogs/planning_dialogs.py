"""Dialogs of the planning lists (quy hoạch): put a person in a list, take a person out, each with the
decision that does it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import translate
from canbo_desktop.ui.dialogs.procedure_dialogs import PersonPicker, read_date
from canbo_desktop.ui.dialogs.submit_dialog import SubmitDialog
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit


def term_combo(terms: tuple[str, ...], current: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(terms))
    combo.setCurrentText(current or (terms[-1] if terms else ""))
    combo.setToolTip(translate("PlanningDialogs", "A term such as 2026-2031 (5 years)"))
    return combo


class AddPlanningDialog(SubmitDialog):
    """Đưa vào quy hoạch: person, term, title, the unit of the post (optional), decision and its date."""

    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]], terms: tuple[str, ...],
                 term: str = "", title_code: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PlanningDialogs", "Add to planning"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 84)
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.person = PersonPicker(uowf, tasks)
        self.term = term_combo(terms, term)
        self.title = CodeCombo(codes.get("title", []))
        self.title.set_value(title_code)
        self.unit = CodeCombo(codes.get("unit", []))
        self.unit.setItemText(0, translate("PlanningDialogs", "— none —"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(translate("PlanningDialogs", "e.g. Resolution No. 215-NQ/HU of "
                                                    "10/03/2025"))
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        form.addRow(translate("PlanningDialogs", "Person"), self.person)
        form.addRow(translate("PlanningDialogs", "Term"), self.term)
        form.addRow(translate("PlanningDialogs", "Planned for title"), self.title)
        form.addRow(translate("PlanningDialogs", "Unit of the title"), self.unit)
        form.addRow(translate("PlanningDialogs", "Approving document"), self.reference)
        form.addRow(translate("PlanningDialogs", "Date approved"), self.on)
        v.addLayout(form)
        self._finish(v, translate("PlanningDialogs", "Add to planning"))

    def collect(self) -> dict[str, Any]:
        errors: dict[str, str] = {}
        on = read_date(self.on, "on", errors)
        if not self.person.cadre_id():
            errors["cadre_id"] = translate("PlanningDialogs", "Choose the person (type a name to search).")
        if not self.title.value():
            errors["title_code"] = translate("PlanningDialogs", "Choose the title planned for.")
        try:
            term = w.parse_term(self.term.currentText())
        except ValidationError as exc:
            errors["term"] = exc.message
            term = ""
        if on is None and "on" not in errors:
            errors["on"] = translate("PlanningDialogs", "Enter the date of approval.")
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        return {"cadre_id": self.person.cadre_id(), "term": term, "title_code": self.title.value(),
                "unit_id": self.unit.value() or None, "reference": nfc(self.reference.text()).strip(), "on": on}


class RemovePlanningDialog(SubmitDialog):
    """Đưa ra khỏi quy hoạch: the decision, its date and the reason."""

    def __init__(self, row: w.PlanningRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PlanningDialogs", "Remove from planning"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 70)
        v = QVBoxLayout(self)
        head = QLabel(translate("PlanningDialogs", "<b>{name}</b> – planned for {title}, term {term} "
                                "(since {date}, {reference})").format(
            name=row.full_name, title=row.title_name, term=row.term, date=format_date(row.added_on),
            reference=row.added_ref))
        head.setWordWrap(True)
        v.addWidget(head)
        form = QFormLayout()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(translate("PlanningDialogs", "number and code of the document removing "
                                                    "the person"))
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.reason.setPlaceholderText(translate("PlanningDialogs", "e.g. over 1/2 low-confidence ballots; "
                                                 "disciplined; tasks not completed…"))
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        form.addRow(translate("PlanningDialogs", "Document"), self.reference)
        form.addRow(translate("PlanningDialogs", "Reason"), self.reason)
        form.addRow(translate("PlanningDialogs", "Date"), self.on)
        v.addLayout(form)
        self._finish(v, translate("PlanningDialogs", "Remove from planning"))

    def collect(self) -> dict[str, Any]:
        errors: dict[str, str] = {}
        on = read_date(self.on, "on", errors)
        if on is None and "on" not in errors:
            errors["on"] = translate("PlanningDialogs", "Enter the date.")
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        return {"reference": nfc(self.reference.text()).strip(), "reason": nfc(self.reason.toPlainText()).strip(),
                "on": on}
