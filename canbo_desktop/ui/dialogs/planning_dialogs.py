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
from canbo_desktop.ui.dialogs.procedure_dialogs import PersonPicker, read_date
from canbo_desktop.ui.dialogs.submit_dialog import SubmitDialog
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit


def term_combo(terms: tuple[str, ...], current: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(terms))
    combo.setCurrentText(current or (terms[-1] if terms else ""))
    combo.setToolTip("Nhiệm kỳ dạng 2026-2031 (5 năm)")
    return combo


class AddPlanningDialog(SubmitDialog):
    """Đưa vào quy hoạch: person, term, title, the unit of the post (optional), decision and its date."""

    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]], terms: tuple[str, ...],
                 term: str = "", title_code: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Đưa vào quy hoạch")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 84)
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.person = PersonPicker(uowf, tasks)
        self.term = term_combo(terms, term)
        self.title = CodeCombo(codes.get("title", []))
        self.title.set_value(title_code)
        self.unit = CodeCombo(codes.get("unit", []))
        self.unit.setItemText(0, "— không ghi —")
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("ví dụ Nghị quyết số 215-NQ/HU ngày 10/03/2025")
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        form.addRow("Người", self.person)
        form.addRow("Nhiệm kỳ", self.term)
        form.addRow("Quy hoạch chức danh", self.title)
        form.addRow("Đơn vị có chức danh", self.unit)
        form.addRow("Văn bản phê duyệt", self.reference)
        form.addRow("Ngày phê duyệt", self.on)
        v.addLayout(form)
        self._finish(v, "Đưa vào quy hoạch")

    def collect(self) -> dict[str, Any]:
        errors: dict[str, str] = {}
        on = read_date(self.on, "on", errors)
        if not self.person.cadre_id():
            errors["cadre_id"] = "Chọn người (gõ tên để tìm)."
        if not self.title.value():
            errors["title_code"] = "Chọn chức danh quy hoạch."
        try:
            term = w.parse_term(self.term.currentText())
        except ValidationError as exc:
            errors["term"] = exc.message
            term = ""
        if on is None and "on" not in errors:
            errors["on"] = "Nhập ngày phê duyệt."
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        return {"cadre_id": self.person.cadre_id(), "term": term, "title_code": self.title.value(),
                "unit_id": self.unit.value() or None, "reference": nfc(self.reference.text()).strip(), "on": on}


class RemovePlanningDialog(SubmitDialog):
    """Đưa ra khỏi quy hoạch: the decision, its date and the reason."""

    def __init__(self, row: w.PlanningRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Đưa ra khỏi quy hoạch")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 70)
        v = QVBoxLayout(self)
        head = QLabel(f"<b>{row.full_name}</b> – quy hoạch {row.title_name}, nhiệm kỳ {row.term} "
                      f"(từ {format_date(row.added_on)}, {row.added_ref})")
        head.setWordWrap(True)
        v.addWidget(head)
        form = QFormLayout()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("số, ký hiệu văn bản đưa ra khỏi quy hoạch")
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.reason.setPlaceholderText("ví dụ: trên 1/2 phiếu tín nhiệm thấp; bị kỷ luật; không hoàn thành nhiệm vụ…")
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        form.addRow("Văn bản", self.reference)
        form.addRow("Lý do", self.reason)
        form.addRow("Ngày", self.on)
        v.addLayout(form)
        self._finish(v, "Đưa ra khỏi quy hoạch")

    def collect(self) -> dict[str, Any]:
        errors: dict[str, str] = {}
        on = read_date(self.on, "on", errors)
        if on is None and "on" not in errors:
            errors["on"] = "Nhập ngày."
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        return {"reference": nfc(self.reference.text()).strip(), "reason": nfc(self.reason.toPlainText()).strip(),
                "on": on}
