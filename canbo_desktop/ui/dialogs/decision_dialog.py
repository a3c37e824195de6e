"""Record a career decision (number, date, issuer, effective date and what it changes)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.decisions import APPOINT_KINDS, KIND_LABELS, TRANSFER_KINDS, DecisionInput, validate
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import translate
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit

# Which inputs each kind of decision needs (the others are hidden).
NEEDS: dict[str, set[str]] = {
    "unit_id": TRANSFER_KINDS | APPOINT_KINDS | {"tuyen_dung", "biet_phai"},
    "title_text": TRANSFER_KINDS | APPOINT_KINDS | {"mien_nhiem"},
    "title_code": APPOINT_KINDS,
    "grade_code": {"nang_ngach"},
    "step": {"nang_bac", "nang_ngach"},
    "coefficient": {"nang_bac", "nang_ngach"},
    "end_date": {"biet_phai"},
    "award_form": {"khen_thuong"},
    "discipline_form": {"ky_luat"},
}


class DecisionDialog(QDialog):
    def __init__(self, codes: dict[str, list[tuple[str, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("DecisionDialog", "Record decision"))
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}
        self.kind = CodeCombo(sorted(KIND_LABELS.items(), key=lambda kv: kv[1]), allow_empty=False)
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("DecisionDialog", "e.g. 12/QĐ-UBND"))
        self.signed_on = DateEdit()
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(translate("DecisionDialog", "e.g. UBND huyện Phú Xuân"))
        self.effective = DateEdit()
        self.unit = CodeCombo(codes.get("unit", []))
        self.title_text = QLineEdit()
        self.title_code = CodeCombo(codes.get("title", []))
        self.grade = CodeCombo(codes.get("grade", []))
        self.step = QLineEdit()
        self.coefficient = QLineEdit()
        self.end_date = DateEdit()
        self.award_form = CodeCombo(codes.get("award_form", []))
        self.discipline_form = CodeCombo(codes.get("discipline_form", []))
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        for key, label, w in (
            ("kind", translate("DecisionDialog", "Decision type"), self.kind),
            ("number", translate("DecisionDialog", "Decision no."), self.number),
            ("signed_on", translate("DecisionDialog", "Signed on"), self.signed_on),
            ("issuer", translate("DecisionDialog", "Issued by"), self.issuer),
            ("effective_date", translate("DecisionDialog", "Effective from"), self.effective),
            ("unit_id", translate("DecisionDialog", "Unit"), self.unit),
            ("title_text", translate("DecisionDialog", "Position"), self.title_text),
            ("title_code", translate("DecisionDialog", "Title (code list)"), self.title_code),
            ("grade_code", translate("DecisionDialog", "New grade"), self.grade),
            ("step", translate("DecisionDialog", "New step"), self.step),
            ("coefficient", translate("DecisionDialog", "New coefficient"), self.coefficient),
            ("end_date", translate("DecisionDialog", "Seconded until"), self.end_date),
            ("award_form", translate("DecisionDialog", "Award form"), self.award_form),
            ("discipline_form", translate("DecisionDialog", "Discipline form"), self.discipline_form),
            ("summary", translate("DecisionDialog", "Content, reason"), self.summary),
        ):
            lab = QLabel(label)
            form.addRow(lab, w)
            self.rows[key] = (lab, w)
        v.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        v.addWidget(self.error)
        buttons = QDialogButtonBox()
        buttons.addButton(translate("DecisionDialog", "Record decision"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("DecisionDialog", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.set_value("dieu_dong")
        self._kind_changed()
        self.result_input: DecisionInput | None = None

    def _kind_changed(self, *_: Any) -> None:
        kind = self.kind.value()
        for key, kinds in NEEDS.items():
            lab, w = self.rows[key]
            lab.setVisible(kind in kinds)
            w.setVisible(kind in kinds)

    def value(self) -> DecisionInput:
        """The decision as typed (raises ValidationError naming each wrong field)."""
        errors: dict[str, str] = {}

        def read_date(w: DateEdit, name: str) -> date | None:
            try:
                return w.value()[0]
            except ValidationError as exc:
                errors[name] = exc.message
                return None

        def read_num(w: QLineEdit, name: str, kind: type) -> Any:
            text = w.text().strip().replace(",", ".")
            if not text:
                return None
            try:
                return kind(text)
            except ValueError:
                errors[name] = translate("DecisionDialog", "Enter a number.")
                return None

        kind = self.kind.value()
        form = self.award_form.value() if kind == "khen_thuong" else self.discipline_form.value() if kind == "ky_luat" else ""
        form_text = ""
        if form:
            combo = self.award_form if kind == "khen_thuong" else self.discipline_form
            form_text = combo.currentText()
        inp = DecisionInput(
            kind=kind, number=nfc(self.number.text()), signed_on=read_date(self.signed_on, "signed_on"),
            issuer=nfc(self.issuer.text()), effective_date=read_date(self.effective, "effective_date"),
            summary=nfc(self.summary.toPlainText()),
            unit_id=self.unit.value() or None if kind in NEEDS["unit_id"] else None,
            title_text=nfc(self.title_text.text()) if kind in NEEDS["title_text"] else "",
            title_code=self.title_code.value() if kind in NEEDS["title_code"] else "",
            grade_code=self.grade.value() if kind in NEEDS["grade_code"] else "",
            step=read_num(self.step, "step", int) if kind in NEEDS["step"] else None,
            coefficient=read_num(self.coefficient, "coefficient", float) if kind in NEEDS["coefficient"] else None,
            end_date=read_date(self.end_date, "end_date") if kind in NEEDS["end_date"] else None,
            form_code=form, form_text=form_text,
        )
        errors.update({k: v for k, v in validate(inp).items() if k not in errors})
        if errors:
            raise ValidationError(" ".join(dict.fromkeys(errors.values())), errors)
        return inp

    def _accept(self) -> None:
        try:
            self.result_input = self.value()
        except ValidationError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
