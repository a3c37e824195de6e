"""Quy trình bổ nhiệm: the procedures under way (person, title, kind, status) and the screen of one —
the policy (chủ trương) with its deadlines, the steps with their counts and why each passed or failed
(quorum 2/3, the pass threshold of the rule), the 10-document dossier, the eligibility panel, what still
blocks completion, and the decision that ends it."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.dates import format_date, parse_date
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import appointments as ap
from canbo_desktop.ui.dialogs.procedure_dialogs import (
    CompletionDialog,
    ReasonDialog,
    StartProcedureDialog,
    StepDialog,
)
from canbo_desktop.ui.pages.procedure_eligibility import (
    fill_eligibility_table,
    make_eligibility_table,
    summary_html,
)
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import DateEdit
from canbo_desktop.ui.widgets.screen import FlowLayout, pair, scrolling

RED = "#b00020"
GREEN = "#1b5e20"
AMBER = "#8a5a00"
BLUE = "#0b4f8a"
GREY = "#666"
STEP_COLOR = {"pass": GREEN, "fail": RED, "recorded": BLUE, "pending": GREY}
# column headers: English source strings, shown through translate("ProcedurePanel", ...)
LIST_HEADERS = (
    QT_TRANSLATE_NOOP("ProcedurePanel", "Full name"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Title"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Type"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Source"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Unit"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Status"),
)
STEP_HEADERS = (
    QT_TRANSLATE_NOOP("ProcedurePanel", "Step"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Meeting\ndate"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Con-\nvened"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Pre-\nsent"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Ballots\nout/in/valid"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Agree"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Dis-\nagree"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Result"),
)
DOC_HEADERS = (
    QT_TRANSLATE_NOOP("ProcedurePanel", "Has"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Dossier document"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Date"),
    QT_TRANSLATE_NOOP("ProcedurePanel", "Status"),
)


def _message(exc: BaseException) -> str:
    if isinstance(exc, CanboError):
        return exc.message
    return translate("ProcedurePanel", "Error: {error}").format(error=exc)


def _n(value: int | None) -> str:
    return "" if value is None else str(value)


def short_step(name: str) -> str:
    """"3. Hội nghị tập thể lãnh đạo (lần 2)" of "Bước 3: Hội nghị tập thể lãnh đạo (lần 2) – lựa chọn…" (the
    whole name is in the tooltip)."""
    head = name.split(" – ")[0].strip()
    m = re.match(r"^Bước\s+(\d+)\s*[:.]\s*(.*)$", head)  # i18n: data (step names come from the rule)
    return f"{m.group(1)}. {m.group(2)}" if m else head


def _item(text: str, *, color: str = "", tip: str = "", right: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(tip or text)
    if color:
        item.setForeground(QColor(color))
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def fit_height(table: QTableWidget, min_rows: int = 3) -> None:
    """Let a short table be as tall as its rows (no empty band under them); it may shrink to ``min_rows``
    rows, with a scroll bar, when the screen is short."""
    rows = sum(table.rowHeight(i) for i in range(table.rowCount()))
    head = table.horizontalHeader().height() if table.horizontalHeader().isVisible() else 0
    frame = 2 * table.frameWidth() + 2
    table.setMaximumHeight(head + rows + frame)
    few = sum(table.rowHeight(i) for i in range(min(min_rows, table.rowCount())))
    table.setMinimumHeight(head + frame + max(few, table.fontMetrics().height() * 2))


def _table(headers: tuple[str, ...]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels([translate("ProcedurePanel", h) for h in headers])
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(True)
    return t


class ProcedurePanel(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]], role: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.codes, self.role = uowf, tasks, codes, role
        self.summaries: list[w.ProcedureSummary] = []
        self.view: w.ProcedureView | None = None
        self.procedure_id: str | None = None
        self.dialog: Any = None
        self._filling = False
        fm = self.fontMetrics()
        n = fm.horizontalAdvance("n")
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("ProcedurePanel", "Show")))
        self.filter = QComboBox()
        self.filter.addItem(translate("ProcedurePanel", "Procedures under way"), "open")
        self.filter.addItem(translate("ProcedurePanel", "All procedures"), "")
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.filter)
        self.start_button = QPushButton(translate("ProcedurePanel", "Start procedure…"))
        self.start_button.clicked.connect(lambda: self.open_start())
        self.start_button.setEnabled(role in w.ENTRY_ROLES)
        if role not in w.ENTRY_ROLES:
            self.start_button.setToolTip(translate(
                "ProcedurePanel",
                "Only a specialist, the head of office or an administrator can start an appointment procedure."))
        bar.addWidget(self.start_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.status, 1)
        v.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        self.list = _table(LIST_HEADERS)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, chars in enumerate((22, 22, 11, 20, 30)):
            self.list.setColumnWidth(i, n * chars)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.verticalHeader().setDefaultSectionSize(fm.height() + 8)
        self.list.itemSelectionChanged.connect(self._procedure_chosen)
        split.addWidget(self.list)
        split.addWidget(self._build_detail(fm))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 5)
        split.setSizes([fm.height() * 5, 600])
        self.splitter = split
        v.addWidget(split, 1)
        self._show(None)
        self.reload()

    # -- building -------------------------------------------------------------------------------------
    def _build_detail(self, fm: Any) -> QWidget:
        n = fm.horizontalAdvance("n")
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(3)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(translate("ProcedurePanel", "Intended appointment date")))
        self.on = DateEdit()
        self.on.setText(format_date(date.today()))
        self.on.setFixedWidth(fm.horizontalAdvance("00/00/00000") + 16)
        self.on.setToolTip(translate("ProcedurePanel", "Conditions and document validity are assessed on this date"))
        self.on.returnPressed.connect(self.refresh)
        head.addWidget(self.on)
        v.addLayout(head)
        self.inner = QTabWidget()
        v.addWidget(self.inner, 1)

        work = QWidget()
        wh = QHBoxLayout(work)
        wh.setContentsMargins(4, 4, 4, 4)
        left = QVBoxLayout()
        left.setSpacing(3)
        pol = FlowLayout()  # the dates go under the document number on a narrow window
        self.policy_ref = QLineEdit()
        self.policy_ref.setPlaceholderText(translate("ProcedurePanel", "number and code of the policy approval"))
        self.policy_ref.setMinimumWidth(n * 22)
        pol.addWidget(pair(QLabel(translate("ProcedurePanel", "<b>Policy</b>")), self.policy_ref, stretch_last=True))
        self.policy_submitted = DateEdit()
        self.policy_submitted.setFixedWidth(fm.horizontalAdvance("00/00/00000") + 16)
        self.policy_approved = DateEdit()
        self.policy_approved.setFixedWidth(fm.horizontalAdvance("00/00/00000") + 16)
        self.policy_button = QPushButton(translate("ProcedurePanel", "Save"))
        self.policy_button.setToolTip(translate("ProcedurePanel", "Save the policy"))
        self.policy_button.clicked.connect(self.save_policy)
        pol.addWidget(pair(QLabel(translate("ProcedurePanel", "Submitted")), self.policy_submitted,
                           QLabel(translate("ProcedurePanel", "Approved")), self.policy_approved,
                           self.policy_button))
        left.addLayout(pol)
        self.policy_text = QLabel()
        self.policy_text.setWordWrap(True)
        left.addWidget(self.policy_text)
        self.steps = _table(STEP_HEADERS)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, chars in enumerate((28, 10, 5, 5, 9, 5, 6)):
            self.steps.setColumnWidth(i, n * chars + 8)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.itemSelectionChanged.connect(self._step_chosen)
        self.steps.doubleClicked.connect(lambda _i: self.open_step())
        left.addWidget(self.steps)
        self.step_text = QLabel()
        self.step_text.setWordWrap(True)
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.step_text)
        sb = QHBoxLayout()
        sb.addStretch(1)
        self.step_button = QPushButton(translate("ProcedurePanel", "Record step result…"))
        self.step_button.clicked.connect(lambda: self.open_step())
        sb.addWidget(self.step_button)
        left.addLayout(sb)
        self.blockers = QLabel()
        self.blockers.setWordWrap(True)
        self.blockers.setTextFormat(Qt.TextFormat.RichText)
        self.blockers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidget(self.blockers)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(scroll, 1)
        wh.addLayout(left, 3)
        right = QVBoxLayout()
        right.setSpacing(3)
        self.docs_label = QLabel(translate("ProcedurePanel", "<b>Appointment dossier</b>"))
        right.addWidget(self.docs_label)
        self.docs = _table(DOC_HEADERS)
        self.docs.setColumnWidth(0, n * 3 + 8)
        self.docs.setColumnWidth(1, n * 27)
        self.docs.setColumnWidth(2, fm.horizontalAdvance("00/00/00000") + 8)
        self.docs.horizontalHeader().setStretchLastSection(True)
        self.docs.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.docs.itemChanged.connect(self._doc_changed)
        right.addWidget(self.docs)
        right.addStretch(1)
        wh.addLayout(right, 2)
        # scrolls on a short screen (1366×768 at 150 %) instead of squeezing the tables
        self.inner.addTab(scrolling(work), translate("ProcedurePanel", "Policy, steps, dossier"))

        elig = QWidget()
        ev = QVBoxLayout(elig)
        self.elig_summary = QLabel()
        self.elig_summary.setWordWrap(True)
        ev.addWidget(self.elig_summary)
        self.elig_table = make_eligibility_table(source_chars=30)
        ev.addWidget(self.elig_table, 1)
        self.inner.addTab(elig, translate("ProcedurePanel", "Eligibility"))

        buttons = QHBoxLayout()
        self.complete_button = QPushButton(translate("ProcedurePanel", "Complete, record decision…"))
        self.complete_button.clicked.connect(lambda: self.open_completion())
        self.cancel_button = QPushButton(translate("ProcedurePanel", "Cancel procedure…"))
        self.cancel_button.clicked.connect(lambda: self.open_cancel())
        self.pdf_button = QPushButton(translate("ProcedurePanel", "Appointment dossier (PDF)…"))
        self.pdf_button.setEnabled(False)
        self.pdf_button.setToolTip(translate(
            "ProcedurePanel",
            "Submission, résumé, 3-year evaluation, minutes of the steps, document list and draft decision "
            "(a preview, not yet numbered)"))
        self.pdf_button.clicked.connect(lambda: self.open_dossier())
        self.previews: list[Any] = []
        self.decision_text = QLabel()
        self.decision_text.setWordWrap(True)
        buttons.addWidget(self.decision_text, 1)
        for b in (self.pdf_button, self.cancel_button, self.complete_button):
            buttons.addWidget(b)
        v.addLayout(buttons)
        return box

    # -- the list ----------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        uowf, only_open = self.uowf, self.filter.currentData() == "open"
        keep = select or self.procedure_id

        def job() -> list[w.ProcedureSummary]:
            rows = ap.list_procedures(uowf)
            return [r for r in rows if r.status in ap.OPEN_STATUSES or r.id == keep] if only_open else rows

        self.tasks.run_db(job, on_done=lambda rows: self._show_list(rows, keep), on_error=self._failed)

    def _show_list(self, rows: list[w.ProcedureSummary], select: str | None) -> None:
        self.summaries = rows
        self.list.blockSignals(True)
        self.list.setRowCount(len(rows))
        for i, r in enumerate(rows):
            color = {"done": GREEN, "cancelled": GREY}.get(r.status, "")
            texts = (r.full_name, r.title_name, r.kind_label, w.PROCEDURE_SOURCES.get(r.source, r.source), r.unit_name,
                     r.status_label)
            for c, text in enumerate(texts):
                self.list.setItem(i, c, _item(text, color=color if c == 5 else ""))
        ids = [r.id for r in rows]
        if select in ids:
            self.list.selectRow(ids.index(select))
        elif rows and (self.procedure_id is None or self.procedure_id not in ids):
            self.list.selectRow(0)
        self.list.blockSignals(False)
        if not rows:
            self.procedure_id = None
            self._show(None)
        self._procedure_chosen()

    def _procedure_chosen(self) -> None:
        i = self.list.currentRow()
        if not 0 <= i < len(self.summaries):
            return
        pid = self.summaries[i].id
        if pid != self.procedure_id or self.view is None:
            self.open_procedure(pid)

    def open_procedure(self, procedure_id: str) -> None:
        self.procedure_id = procedure_id
        self.refresh()

    def on_date(self) -> date | None:
        try:
            return self.on.value()[0]
        except CanboError as exc:
            self._failed(exc)
            return None

    def refresh(self) -> None:
        """Read the procedure again (assessed on the expected appointment date)."""
        if not self.procedure_id:
            return
        pid, uowf, on = self.procedure_id, self.uowf, self.on_date()
        self.tasks.run_db(lambda: ap.procedure_view(uowf, pid, on=on), on_done=self._show, on_error=self._failed)

    def open_dossier(self) -> None:
        """The appointment dossier as of the expected date, drawn on the database lane, in the preview."""
        if not self.procedure_id:
            return
        pid, uowf, on = self.procedure_id, self.uowf, self.on_date()

        def draw() -> tuple[str, str]:
            import tempfile

            from canbo_desktop.services.pdf import dossier
            from canbo_desktop.services.pdf.batch import record_export

            data = dossier.load_dossier(uowf, pid, on=on)
            fd, path = tempfile.mkstemp(prefix="ho-so-bo-nhiem-", suffix=".pdf")
            with open(fd, "wb") as out:
                dossier.render_dossier(data, out)
            # a dossier drawn for the clerk is personal data leaving the database (printed or saved from the preview)
            record_export(uowf, "appointment-dossier", [data.procedure.cadre_id],
                          "xem trước trong chương trình")  # i18n: data (the audit log)
            return path, dossier.dossier_title(data)

        self.tasks.run_db(draw, on_done=self._show_dossier, on_error=self._failed)

    def _show_dossier(self, result: tuple[str, str]) -> None:
        from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        path, title = result
        name = self.view.full_name if self.view else ""
        suggested = translate("ProcedurePanel", "Appointment dossier {name}.pdf").format(name=name)
        dlg = PdfPreviewDialog(path, title, self, suggested_name=suggested)
        self.previews.append(dlg)
        dlg.show()

    # -- showing ------------------------------------------------------------------------------------------
    def _show(self, view: w.ProcedureView | None) -> None:
        self.view = view
        is_open = view is not None and view.status in ap.OPEN_STATUSES
        can_enter = is_open and self.role in w.ENTRY_ROLES
        can_head = self.role in w.HEAD_ROLES
        for wdg in (self.policy_ref, self.policy_submitted, self.policy_approved, self.policy_button,
                    self.step_button):
            wdg.setEnabled(can_enter)
        self.inner.setEnabled(view is not None)
        if view is None:
            self.title.setText(translate("ProcedurePanel", "No procedure yet: click «Start procedure…».")
                               if not self.summaries
                               else translate("ProcedurePanel", "Choose a procedure in the list."))
            self.policy_text.clear()
            self.steps.setRowCount(0)
            self.docs.setRowCount(0)
            self.blockers.clear()
            self.step_text.clear()
            self.decision_text.clear()
            self.elig_summary.clear()
            self.elig_table.setRowCount(0)
            self.complete_button.setEnabled(False)
            self.cancel_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            return
        self.pdf_button.setEnabled(True)
        status_color = {"done": GREEN, "cancelled": GREY}.get(view.status, BLUE)
        no_position = translate("ProcedurePanel", "no position recorded")
        self.title.setText(
            f"<b style='font-size: 12pt'>{view.full_name}</b> "  # i18n: data (the record's names and labels)
            f"({view.current_position or no_position}) – <b>{view.kind_label} {view.title_name}</b>, "
            f"{view.unit_name} · {view.source_label} · "
            f"<b style='color:{status_color}'>{view.status_label}</b>")
        basis = translate("ProcedurePanel", "Legal basis: {source}").format(source=view.legal_source)
        self.title.setToolTip(f"{view.spec_name}\n{basis}")  # i18n: data (the rule name, then the basis)
        self._show_policy(view)
        self._show_steps(view)
        self._show_docs(view)
        self._show_blockers(view)
        self._show_eligibility(view)
        if view.decision is not None:
            d = view.decision
            text = (translate("ProcedurePanel", "Decision no. {number} of {signed} by {issuer}, effective from "
                                                "{effective}, term until {end}.") if d.end_date else
                    translate("ProcedurePanel", "Decision no. {number} of {signed} by {issuer}, effective from "
                                                "{effective}."))
            self.decision_text.setText(text.format(
                number=d.number, signed=format_date(d.signed_on), issuer=d.issuer,
                effective=format_date(d.effective_date), end=format_date(d.end_date) if d.end_date else ""))
            self.decision_text.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
        else:
            self.decision_text.setText(view.note.splitlines()[-1] if view.status == "cancelled" and view.note else "")
            self.decision_text.setStyleSheet(f"color: {GREY};")
        self.complete_button.setEnabled(view.can_complete and can_head)
        if not can_head:
            self.complete_button.setToolTip(translate(
                "ProcedurePanel",
                "Only the head of office or an administrator can record the decision that completes the procedure."))
        elif not view.can_complete:
            self.complete_button.setToolTip(translate("ProcedurePanel", "Cannot be completed yet:") + "\n"
                                            + "\n".join(f"• {b}" for b in view.blockers))
        else:
            self.complete_button.setToolTip(
                translate("ProcedurePanel", "Record the appointment decision; the record and the term are updated"))
        self.cancel_button.setEnabled(is_open and can_head)
        self.cancel_button.setToolTip("" if can_head else translate(
            "ProcedurePanel", "Only the head of office or an administrator can cancel the procedure."))

    def _show_policy(self, view: w.ProcedureView) -> None:
        p = view.policy
        self.policy_ref.setText(p.reference)
        self.policy_submitted.set_value(p.submitted_on)
        self.policy_approved.set_value(p.approved_on)
        lines = list(p.reasons)
        if not p.required and not lines:
            lines = [translate("ProcedurePanel", "This procedure needs no policy.")]
        elif p.required and p.submitted_on is None:
            lines = [translate("ProcedurePanel", "The policy is not submitted yet: record the submission date to follow the "
                                                "decision deadline (15 working days).")]
        self.policy_text.setText("\n".join(lines))
        self.policy_text.setStyleSheet(f"color: {RED if p.late else GREY if not p.approved_on else GREEN};")

    def _show_steps(self, view: w.ProcedureView) -> None:
        current = self.steps.currentRow()
        self.steps.blockSignals(True)
        self.steps.setRowCount(len(view.steps))
        for i, s in enumerate(view.steps):
            ballots = "/".join(_n(x) for x in (s.ballots_issued, s.ballots_returned, s.ballots_valid)) \
                if s.ballots_issued is not None else ("" if s.ballot else "—")
            color = STEP_COLOR.get(s.status, "")
            cells = (
                _item(short_step(s.name), tip=s.name),
                _item(format_date(s.held_on) if s.held_on else ""),
                _item(_n(s.convened), right=True), _item(_n(s.present), right=True),
                _item(ballots, right=True, tip=translate("ProcedurePanel", "No vote") if not s.ballot else ballots),
                _item(_n(s.agree), right=True), _item(_n(s.disagree), right=True),
                _item(s.status_label, color=color, bold=True, tip="\n".join(s.reasons)),
            )
            for c, item in enumerate(cells):
                self.steps.setItem(i, c, item)
        self.steps.blockSignals(False)
        self.steps.resizeRowsToContents()
        fit_height(self.steps, len(view.steps))
        nxt = next((i for i, s in enumerate(view.steps) if s.status == "pending"), len(view.steps) - 1)
        self.steps.selectRow(current if 0 <= current < len(view.steps) and view.steps[current].status == "fail"
                             else nxt)
        self._step_chosen()

    def _step_chosen(self) -> None:
        s = self.current_step()
        if s is None:
            self.step_text.clear()
            return
        minutes = translate("ProcedurePanel", "<i>Minutes: {minutes}</i>").format(minutes=s.minutes) if s.minutes else ""
        self.step_text.setText("<br>".join([f"<b>{s.name}</b>", *s.reasons, *([minutes] if minutes else [])]))
        self.step_text.setStyleSheet(f"color: {RED};" if s.status == "fail" else "")
        self.step_button.setText(translate("ProcedurePanel", "Record step {no} result…").format(no=s.step_no))

    def current_step(self) -> w.StepView | None:
        i = self.steps.currentRow()
        if self.view is None or not 0 <= i < len(self.view.steps):
            return None
        return self.view.steps[i]

    def _show_docs(self, view: w.ProcedureView) -> None:
        self._filling = True
        editable = view.status in ap.OPEN_STATUSES and self.role in w.ENTRY_ROLES
        self.docs.setRowCount(len(view.checklist))
        for i, c in enumerate(view.checklist):
            check = QTableWidgetItem("")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if editable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            check.setFlags(flags)
            check.setCheckState(Qt.CheckState.Checked if c.present else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, c.code)
            check.setToolTip(translate("ProcedurePanel", "Tick when this document is in the appointment dossier"))
            tip = c.name if c.required else translate("ProcedurePanel", "{name} (not required for this procedure)") \
                .format(name=c.name)
            name = _item(f"{c.item_no}. {c.name}", tip=tip)
            when = QTableWidgetItem(format_date(c.doc_date) if c.doc_date else "")
            when.setToolTip(translate(
                "ProcedurePanel", "Date of the document (dd/mm/yyyy); a health certificate is valid for 6 months"))
            if not editable:
                when.setFlags(when.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if not c.required:
                state, color = translate("ProcedurePanel", "not required"), GREY
            elif c.status == "present":
                # a plain "Có, ngày …" repeats the date column; a time limit is kept
                if c.valid_until:
                    state = translate("ProcedurePanel", "Valid until {date}").format(date=format_date(c.valid_until))
                elif c.undated:
                    state = translate("ProcedurePanel", "Yes, no date recorded")
                else:
                    state = translate("ProcedurePanel", "Yes")
                color = GREEN
            elif c.status == "expired":
                state, color = translate("ProcedurePanel", "Expired: {reason}").format(reason=c.reason), RED
            else:
                state = translate("ProcedurePanel", "Missing (the record has a copy dated {date})").format(
                    date=format_date(c.on_file)) if c.on_file else translate("ProcedurePanel", "Missing")
                color = RED
            status = _item(state, color=color, bold=c.required and c.status != "present", tip=c.reason)
            if c.required and c.status != "present":
                name.setForeground(QColor(RED))
            for col, item in enumerate((check, name, when, status)):
                self.docs.setItem(i, col, item)
        self.docs.resizeRowsToContents()
        fit_height(self.docs, len(view.checklist))
        missing = len(view.missing_documents)
        required = sum(1 for c in view.checklist if c.required)
        text = translate("ProcedurePanel", "<b>Appointment dossier</b>: {have}/{required} required documents – "
                                           "<span style='color:{color}'>{missing} missing</span>") if missing else \
            translate("ProcedurePanel", "<b>Appointment dossier</b>: {have}/{required} required documents")
        self.docs_label.setText(text.format(have=required - missing, required=required, missing=missing, color=RED))
        self._filling = False

    def _show_blockers(self, view: w.ProcedureView) -> None:
        lines = []
        if view.blockers and view.status in ap.OPEN_STATUSES:
            head = translate("ProcedurePanel", "The procedure cannot be completed yet:")
            lines.append(f"<b style='color:{RED}'>{head}</b>")
            lines += [f"<span style='color:{RED}'>• {b}</span>" for b in view.blockers]
        elif view.status in ap.OPEN_STATUSES:
            ready = translate("ProcedurePanel", "Ready to complete: record the appointment decision.")
            lines.append(f"<b style='color:{GREEN}'>{ready}</b>")
        lines += [f"<span style='color:{AMBER}'>• {x}</span>" for x in view.warnings]
        self.blockers.setText("<br>".join(lines))

    def _show_eligibility(self, view: w.ProcedureView) -> None:
        report = view.eligibility
        if report is None:
            self.elig_summary.setText(
                translate("ProcedurePanel", "No eligibility check for this procedure.") if view.kind == "dismissal"
                else translate("ProcedurePanel", "The procedure has ended: the conditions are not checked again."))
            self.elig_table.setRowCount(0)
            self.inner.setTabText(1, translate("ProcedurePanel", "Eligibility"))
            return
        self.elig_summary.setText(summary_html(report))
        fill_eligibility_table(self.elig_table, report)
        failed = len(report.failed)
        self.inner.setTabText(1, translate("ProcedurePanel", "Eligibility ({failed} not met)").format(failed=failed)
                              if failed else translate("ProcedurePanel", "Eligibility"))

    # -- changes -------------------------------------------------------------------------------------
    def _run(self, fn: Any, done_text: str, *, dialog: Any = None, reload_list: bool = False) -> None:
        def done(_r: Any) -> None:
            if dialog is not None:
                dialog.accept()
            self.status.setText(done_text)
            self.status.setStyleSheet(f"color: {GREEN};")
            if reload_list:
                self.reload()
            self.refresh()

        def failed(exc: BaseException) -> None:
            if dialog is not None:
                dialog.show_error(_message(exc))
            else:
                self._failed(exc)

        self.tasks.run_db(fn, on_done=done, on_error=failed)

    def open_start(self) -> StartProcedureDialog:
        dlg = StartProcedureDialog(self.uowf, self.tasks, self.codes, self)
        dlg.submitted.connect(lambda values: self._start(dlg, values))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _start(self, dlg: StartProcedureDialog, v: dict[str, Any]) -> None:
        uowf, role = self.uowf, self.role

        def job() -> str:
            pid, _c = ap.start_procedure(uowf, v["cadre_id"], v["title_code"], role=role, kind=v["kind"],
                                         source=v["source"], unit_id=v["unit_id"], note=v["note"])
            return pid

        def done(pid: str) -> None:
            dlg.accept()
            self.procedure_id = pid
            self.view = None
            self.status.setText(
                translate("ProcedurePanel", "Procedure started: record the policy, then the result of each step."))
            self.status.setStyleSheet(f"color: {GREEN};")
            self.reload(select=pid)

        self.tasks.run_db(job, on_done=done, on_error=lambda exc: dlg.show_error(_message(exc)))

    def save_policy(self) -> None:
        if self.view is None:
            return
        try:
            submitted = self.policy_submitted.value()[0]
            approved = self.policy_approved.value()[0]
        except CanboError as exc:
            self._failed(exc)
            return
        pid, uowf, role, ref = self.view.id, self.uowf, self.role, nfc(self.policy_ref.text())
        self._run(lambda: ap.set_policy(uowf, pid, ref, submitted, approved, role=role),
                  translate("ProcedurePanel", "Policy saved."))

    def open_step(self, step_no: int | None = None) -> StepDialog | None:
        if self.view is None or self.view.status not in ap.OPEN_STATUSES or self.role not in w.ENTRY_ROLES:
            return None
        step = self.current_step() if step_no is None else next((s for s in self.view.steps if s.step_no == step_no),
                                                                 None)
        if step is None:
            return None
        dlg = StepDialog(step, self)
        pid = self.view.id
        dlg.submitted.connect(lambda inp: self._record_step(dlg, pid, step.step_no, inp))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _record_step(self, dlg: StepDialog, pid: str, no: int, inp: w.StepInput) -> None:
        uowf, role = self.uowf, self.role

        def job() -> w.StepView:
            view, _c = ap.record_step(uowf, pid, no, inp, role=role)
            return view

        def done(step: w.StepView) -> None:
            dlg.accept()
            self.status.setText(translate("ProcedurePanel", "Step {no}: {status}. {reason}").format(
                no=no, status=step.status_label.lower(), reason=step.reasons[-1]))
            self.status.setStyleSheet(f"color: {STEP_COLOR.get(step.status, '')};")
            self.reload()
            self.refresh()

        self.tasks.run_db(job, on_done=done, on_error=lambda exc: dlg.show_error(_message(exc)))

    def _doc_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.view is None or item.column() not in (0, 2):
            return
        row = item.row()
        check, when = self.docs.item(row, 0), self.docs.item(row, 2)
        if check is None or when is None or not 0 <= row < len(self.view.checklist):
            return
        c = self.view.checklist[row]
        present = check.checkState() == Qt.CheckState.Checked
        try:
            day = parse_date(when.text().strip()) if when.text().strip() else None
        except ValidationError as exc:
            self._failed(exc)
            self._show_docs(self.view)
            return
        if item.column() == 2 and day is not None:
            present = True
        if present and day is None and c.on_file is not None:
            day = c.on_file  # the record already holds this document
        self.set_document(c.code, present, day)

    def set_document(self, code: str, present: bool, doc_date: date | None = None) -> None:
        if self.view is None:
            return
        pid, uowf, role = self.view.id, self.uowf, self.role
        name = next((c.name for c in self.view.checklist if c.code == code), code)
        self._run(lambda: ap.set_document(uowf, pid, code, present, role=role, doc_date=doc_date),
                  (translate("ProcedurePanel", "Dossier updated: {name}.") if present
                   else translate("ProcedurePanel", "Unticked: {name}.")).format(name=name))

    def open_completion(self) -> CompletionDialog | None:
        view = self.view
        if view is None or not view.can_complete or self.role not in w.HEAD_ROLES:
            return None
        dlg = CompletionDialog(view, self)
        on = self.on_date()
        if on is not None:
            dlg.effective.set_value(on)
        dlg.submitted.connect(lambda inp: self._complete(dlg, view.id, inp))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _complete(self, dlg: CompletionDialog, pid: str, inp: w.CompletionInput) -> None:
        uowf, role = self.uowf, self.role
        self._run(lambda: ap.complete_procedure(uowf, pid, inp, role=role),
                  translate("ProcedurePanel", "Decision recorded: the record, the position and the term in the post are "
                                    "updated."), dialog=dlg,
                  reload_list=True)

    def open_cancel(self) -> ReasonDialog | None:
        view = self.view
        if view is None or view.status not in ap.OPEN_STATUSES or self.role not in w.HEAD_ROLES:
            return None
        dlg = ReasonDialog(translate("ProcedurePanel", "Cancel procedure"),
                           translate("ProcedurePanel", "Cancel the procedure ({kind} {title}) of {name}. Reason:")
                           .format(kind=view.kind_label.lower(), title=view.title_name, name=view.full_name), self)
        dlg.submitted.connect(lambda reason: self._cancel(dlg, view.id, reason))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _cancel(self, dlg: ReasonDialog, pid: str, reason: str) -> None:
        uowf, role = self.uowf, self.role
        self._run(lambda: ap.cancel_procedure(uowf, pid, reason, role=role),
                  translate("ProcedurePanel", "Procedure cancelled."), dialog=dlg,
                  reload_list=True)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_message(exc))
        self.status.setToolTip(_message(exc))
        self.status.setStyleSheet(f"color: {RED};")

