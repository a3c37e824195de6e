"""Dialogs of the appointment procedure: start a procedure, record a conference step, record the decision
that ends it; and the person picker they share with the planning dialogs.

Each dialog checks its fields, then emits ``submitted``; the page runs the service and closes the dialog,
or shows the service's message in it (what was typed stays).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.ui.dialogs.submit_dialog import SubmitDialog
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit

RED = "#b00020"


def read_date(edit: DateEdit, key: str, errors: dict[str, str]) -> date | None:
    try:
        return edit.value()[0]
    except ValidationError as exc:
        errors[key] = exc.message
        return None


class PersonPicker(QWidget):
    """Find a person by typing (name with or without diacritics, CCCD…) and pick one from the list."""

    chosen = Signal(object)  # CadreSummary | None

    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.rows: list[Any] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("ProcedureDialogs", "Find a person: name (with or without accents), ID number…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("ProcedureDialogs", "Find a person"))
        v.addWidget(self.search)
        self.list = QListWidget()
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        v.addWidget(self.list)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.find_now)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.find_now)
        self.list.currentRowChanged.connect(self._row_changed)

    def find_now(self) -> None:
        self._timer.stop()
        typed, uowf = self.search.text().strip(), self.uowf
        if not typed:
            self._show([])
            return
        self.tasks.run_db(lambda: cadre_svc.search_cadres(uowf, typed, limit=20), on_done=self._show,
                          on_error=lambda _exc: self._show([]))

    def _show(self, rows: list[Any]) -> None:
        self.rows = rows
        self.list.clear()
        for r in rows:
            born = format_date(r.birth_date) if r.birth_date else ""
            item = QListWidgetItem(" · ".join(x for x in (r.full_name, born, r.current_position, r.unit_name) if x))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        else:
            self.chosen.emit(None)

    def _row_changed(self, i: int) -> None:
        self.chosen.emit(self.rows[i] if 0 <= i < len(self.rows) else None)

    def cadre_id(self) -> str:
        i = self.list.currentRow()
        return self.rows[i].id if 0 <= i < len(self.rows) else ""

    def current(self) -> Any:
        i = self.list.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None


class StartProcedureDialog(SubmitDialog):
    """Bắt đầu quy trình: the person, the title, the kind (appointment, re-appointment, dismissal), the
    source of the candidate (the unit's own staff: 5 steps; from elsewhere: 3 steps) and the unit of the post."""

    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ProcedureDialogs", "Start an appointment procedure"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 86)
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.person = PersonPicker(uowf, tasks)
        self.title = CodeCombo(codes.get("title", []))
        self.kind = CodeCombo(list(w.PROCEDURE_KINDS.items()), allow_empty=False)
        self.source = CodeCombo(list(w.PROCEDURE_SOURCES.items()), allow_empty=False)
        self.unit = CodeCombo(codes.get("unit", []))
        self.unit.setItemText(0, translate("ProcedureDialogs", "— the appointee's unit —"))
        self.note = QLineEdit()
        form.addRow(translate("ProcedureDialogs", "Person"), self.person)
        form.addRow(translate("ProcedureDialogs", "Title"), self.title)
        form.addRow(translate("ProcedureDialogs", "Procedure type"), self.kind)
        form.addRow(translate("ProcedureDialogs", "Candidate source"), self.source)
        form.addRow(translate("ProcedureDialogs", "Unit of the post"), self.unit)
        form.addRow(translate("ProcedureDialogs", "Note"), self.note)
        v.addLayout(form)
        hint = QLabel(translate(
            "ProcedureDialogs",
            "Appointment of a candidate from the unit: 5 steps; from elsewhere: 3 steps; reappointment and dismissal "
            "follow their own rules. The steps, shares and documents come from the rule «appointment_procedure»."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        v.addWidget(hint)
        self._finish(v, translate("ProcedureDialogs", "Start"))
        self.kind.currentIndexChanged.connect(lambda _i: self.source.setEnabled(self.kind.value() == "appointment"))

    def collect(self) -> dict[str, Any]:
        errors: dict[str, str] = {}
        if not self.person.cadre_id():
            errors["cadre_id"] = translate("ProcedureDialogs", "Choose the person (type a name to find them).")
        if not self.title.value():
            errors["title_code"] = translate("ProcedureDialogs", "Choose the title.")
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        kind = self.kind.value()
        return {"cadre_id": self.person.cadre_id(), "title_code": self.title.value(), "kind": kind,
                "source": self.source.value() if kind == "appointment" else "internal",
                "unit_id": self.unit.value() or None, "note": nfc(self.note.text())}


def _count_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 99_999)
    box.setSpecialValueText("—")  # -1: not recorded
    box.setValue(-1)
    box.setAccelerated(True)
    return box


class StepDialog(SubmitDialog):
    """Ghi kết quả một bước: date, convened, present, ballots issued / returned / valid, agree, disagree,
    minutes. The counts a step does not ask for can stay "—"."""

    COUNTS = (("convened", QT_TRANSLATE_NOOP("ProcedureDialogs", "Convened")),
              ("present", QT_TRANSLATE_NOOP("ProcedureDialogs", "Present")),
              ("ballots_issued", QT_TRANSLATE_NOOP("ProcedureDialogs", "Ballots issued")),
              ("ballots_returned", QT_TRANSLATE_NOOP("ProcedureDialogs", "Ballots returned")),
              ("ballots_valid", QT_TRANSLATE_NOOP("ProcedureDialogs", "Valid ballots")),
              ("agree", QT_TRANSLATE_NOOP("ProcedureDialogs", "Agree")),
              ("disagree", QT_TRANSLATE_NOOP("ProcedureDialogs", "Disagree")))  # shown through translate()

    def __init__(self, step: w.StepView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_no = step.step_no
        self.setWindowTitle(translate("ProcedureDialogs", "Record the result of step {no}").format(no=step.step_no))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 80)
        v = QVBoxLayout(self)
        name = QLabel(f"<b>{step.name}</b>")  # i18n: data (the name of the step, from the rule)
        name.setWordWrap(True)
        v.addWidget(name)
        grid = QGridLayout()
        self.held_on = DateEdit()
        self.held_on.set_value(step.held_on)
        grid.addWidget(QLabel(translate("ProcedureDialogs", "Meeting date")), 0, 0)
        grid.addWidget(self.held_on, 0, 1)
        self.counts: dict[str, QSpinBox] = {}
        for i, (key, source) in enumerate(self.COUNTS):
            label = translate("ProcedureDialogs", source)
            box = _count_box()
            value = getattr(step, key)
            box.setValue(-1 if value is None else int(value))
            box.setAccessibleName(label)
            self.counts[key] = box
            r, c = 1 + i // 2, (i % 2) * 2
            if not step.ballot and key not in ("convened", "present"):
                box.setEnabled(False)
            grid.addWidget(QLabel(label), r, c)
            grid.addWidget(box, r, c + 1)
        v.addLayout(grid)
        self.minutes = QPlainTextEdit()
        self.minutes.setPlaceholderText(translate("ProcedureDialogs", "Minutes: number, main points…"))
        self.minutes.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.minutes.setPlainText(step.minutes)
        v.addWidget(QLabel(translate("ProcedureDialogs", "Minutes, notes")))
        v.addWidget(self.minutes)
        if not step.ballot:
            note = QLabel(translate(
                "ProcedureDialogs",
                "This step has no vote: record the meeting date and the numbers convened and present."))
            note.setStyleSheet("color: #555;")
            v.addWidget(note)
        self._finish(v, translate("ProcedureDialogs", "Record result"))

    def set_counts(self, **values: int | None) -> None:
        for key, value in values.items():
            self.counts[key].setValue(-1 if value is None else value)

    def collect(self) -> w.StepInput:
        errors: dict[str, str] = {}
        held = read_date(self.held_on, "held_on", errors)
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        n = {k: (None if b.value() < 0 or not b.isEnabled() else b.value()) for k, b in self.counts.items()}
        return w.StepInput(held, n["convened"], n["present"], n["ballots_issued"], n["ballots_returned"],
                           n["ballots_valid"], n["agree"], n["disagree"], nfc(self.minutes.toPlainText()))


class CompletionDialog(SubmitDialog):
    """Kết thúc, ghi quyết định: number, signed on, issuer, effective date (and the post as written)."""

    def __init__(self, view: w.ProcedureView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ProcedureDialogs", "Complete the procedure, record the decision"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 74)
        v = QVBoxLayout(self)
        head = QLabel(  # the person and the post
            f"<b>{view.full_name}</b> – {view.kind_label.lower()} {view.title_name}, {view.unit_name}")  # i18n: data
        head.setWordWrap(True)
        v.addWidget(head)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("ProcedureDialogs", "e.g. 25/QĐ-UBND"))
        self.signed_on = DateEdit()
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(translate("ProcedureDialogs", "e.g. UBND huyện Vĩnh Tường"))
        self.effective = DateEdit()
        self.title_text = QLineEdit()
        self.title_text.setPlaceholderText(view.title_name if view.kind != "dismissal" else "Chuyên viên")  # i18n: data
        form.addRow(translate("ProcedureDialogs", "Decision number"), self.number)
        form.addRow(translate("ProcedureDialogs", "Signed on"), self.signed_on)
        form.addRow(translate("ProcedureDialogs", "Issued by"), self.issuer)
        form.addRow(translate("ProcedureDialogs", "Effective date"), self.effective)
        form.addRow(translate("ProcedureDialogs", "Position after the decision") if view.kind == "dismissal"
                    else translate("ProcedureDialogs", "Position written in the decision"), self.title_text)
        v.addLayout(form)
        self.kind = view.kind
        hint = QLabel(translate(
            "ProcedureDialogs",
            "The decision is written into the record (position, work history) and the term in the post follows the "
            "rule «appointment_term» (5 years, or until retirement if earlier)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        v.addWidget(hint)
        self._finish(v, translate("ProcedureDialogs", "Record decision"))

    def collect(self) -> w.CompletionInput:
        errors: dict[str, str] = {}
        signed = read_date(self.signed_on, "signed_on", errors)
        effective = read_date(self.effective, "effective_date", errors)
        if not self.number.text().strip():
            errors["number"] = translate("ProcedureDialogs", "Enter the decision number.")
        if not self.issuer.text().strip():
            errors["issuer"] = translate("ProcedureDialogs", "Enter the issuing body.")
        if effective is None and "effective_date" not in errors:
            errors["effective_date"] = translate("ProcedureDialogs", "Enter the effective date.")
        if errors:
            raise ValidationError(" ".join(errors.values()), errors)
        text = nfc(self.title_text.text()).strip()
        return w.CompletionInput(nfc(self.number.text()).strip(), signed, nfc(self.issuer.text()).strip(), effective,
                                 title_text="" if self.kind == "dismissal" else text,
                                 new_position_text=text if self.kind == "dismissal" else "")


class ReasonDialog(SubmitDialog):
    """A reason in words (cancel a procedure)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("n") * 60)
        v = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        v.addWidget(label)
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        v.addWidget(self.reason)
        self._finish(v, translate("ProcedureDialogs", "OK"))

    def collect(self) -> str:
        text = nfc(self.reason.toPlainText()).strip()
        if len(text) < 5:
            raise ValidationError(translate("ProcedureDialogs", "Write the reason."),
                                  {"reason": translate("ProcedureDialogs", "required")})
        return text


