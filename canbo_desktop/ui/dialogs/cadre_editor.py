"""The record editor: every section of 2C-BNV/2008 and the 2C/TCTW-98 extras, in tabs.

Fields are declared once (``SECTIONS``) with their label and kind; validation messages appear next
to the field they concern; every edit goes on the editor's undo stack; closing with unsaved changes
asks first. Saving and checking run on the database lane; the dialog never blocks on the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QKeySequence,
    QPalette,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.decisions import KIND_LABELS, DecisionInput, TimelineEntry, career_steps
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import records
from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.ui.dialogs.decision_dialog import DecisionDialog
from canbo_desktop.ui.models.rows_table import Col, RowsTableModel
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo, DateEdit
from canbo_desktop.ui.widgets.screen import fit_window, text_size


@dataclass(frozen=True)
class F:
    """A field of the form: cadre attribute, label (with its 2C item number), kind, code list."""

    name: str
    label: str
    kind: str = "line"  # line | text | date | birth | choice | int | float | sex | bool
    codes: str = ""
    wide: bool = False


SECTIONS: list[tuple[str, list[F]]] = [
    (QT_TRANSLATE_NOOP("CadreEditor", "Personal details"), [
        F("full_name", QT_TRANSLATE_NOOP("CadreEditor", "1. Full name at birth"), wide=True),
        F("family_name", QT_TRANSLATE_NOOP("CadreEditor", "Family name")),
        F("middle_name", QT_TRANSLATE_NOOP("CadreEditor", "Middle name")),
        F("given_name", QT_TRANSLATE_NOOP("CadreEditor", "Given name")),
        F("other_names", QT_TRANSLATE_NOOP("CadreEditor", "2. Other names")),
        F("sex", QT_TRANSLATE_NOOP("CadreEditor", "3. Sex"), "sex"),
        F("birth_date", QT_TRANSLATE_NOOP("CadreEditor", "Date of birth"), "birth"),
        F("birthplace", QT_TRANSLATE_NOOP("CadreEditor", "4. Place of birth"), wide=True),
        F("hometown", QT_TRANSLATE_NOOP("CadreEditor", "5. Home town"), wide=True),
        F("ethnicity_code", QT_TRANSLATE_NOOP("CadreEditor", "6. Ethnicity"), "choice", "ethnicity"),
        F("religion_code", QT_TRANSLATE_NOOP("CadreEditor", "7. Religion"), "choice", "religion"),
        F("permanent_address", QT_TRANSLATE_NOOP("CadreEditor", "8. Permanent residence"), wide=True),
        F("current_address", QT_TRANSLATE_NOOP("CadreEditor", "9. Current address"), wide=True),
        F("phone", QT_TRANSLATE_NOOP("CadreEditor", "Phone")),
        F("email", QT_TRANSLATE_NOOP("CadreEditor", "Email")),
        F("cadre_code", QT_TRANSLATE_NOOP("CadreEditor", "Civil servant number")),
        F("owner_unit_id", QT_TRANSLATE_NOOP("CadreEditor", "Managing unit"), "choice", "unit"),
        F("category", QT_TRANSLATE_NOOP("CadreEditor", "Staff category"), "choice", "cadre_category"),
        F("status", QT_TRANSLATE_NOOP("CadreEditor", "Status"), "choice", "cadre_status"),
    ]),
    (QT_TRANSLATE_NOOP("CadreEditor", "Work, salary"), [
        F("occupation_before", QT_TRANSLATE_NOOP("CadreEditor", "10. Occupation when recruited")),
        F("recruitment_date", QT_TRANSLATE_NOOP("CadreEditor", "11. Recruitment date"), "date"),
        F("recruiting_agency", QT_TRANSLATE_NOOP("CadreEditor", "Recruiting agency"), wide=True),
        F("current_position", QT_TRANSLATE_NOOP("CadreEditor", "12. Current position"), wide=True),
        F("title_code", QT_TRANSLATE_NOOP("CadreEditor", "Title (code list)"), "choice", "title"),
        F("position_start_date", QT_TRANSLATE_NOOP("CadreEditor", "Appointed on"), "date"),
        F("term_end_date", QT_TRANSLATE_NOOP("CadreEditor", "Appointment ends"), "date"),
        F("concurrent_positions", QT_TRANSLATE_NOOP("CadreEditor", "Concurrent positions"), wide=True),
        F("main_duties", QT_TRANSLATE_NOOP("CadreEditor", "13. Main duties"), "text"),
        F("grade_code", QT_TRANSLATE_NOOP("CadreEditor", "14. Grade"), "choice", "grade"),
        F("salary_step", QT_TRANSLATE_NOOP("CadreEditor", "Salary step"), "int"),
        F("salary_coefficient", QT_TRANSLATE_NOOP("CadreEditor", "Coefficient"), "float"),
        F("salary_step_date", QT_TRANSLATE_NOOP("CadreEditor", "Paid from"), "date"),
        F("position_allowance", QT_TRANSLATE_NOOP("CadreEditor", "Position allowance"), "float"),
        F("other_allowance", QT_TRANSLATE_NOOP("CadreEditor", "Other allowances")),
    ]),
    (QT_TRANSLATE_NOOP("CadreEditor", "Education"), [
        F("general_education", QT_TRANSLATE_NOOP("CadreEditor", "15.1 General education")),
        F("education_level", QT_TRANSLATE_NOOP("CadreEditor", "15.2 Highest qualification"), "choice", "education_level"),
        F("education_major", QT_TRANSLATE_NOOP("CadreEditor", "Major"), wide=True),
        F("academic_title", QT_TRANSLATE_NOOP("CadreEditor", "Academic title"), "choice", "academic_title"),
        F("political_theory", QT_TRANSLATE_NOOP("CadreEditor", "15.3 Political theory"), "choice", "political_theory"),
        F("state_mgmt", QT_TRANSLATE_NOOP("CadreEditor", "15.4 State management"), "choice", "state_mgmt"),
        F("foreign_language", QT_TRANSLATE_NOOP("CadreEditor", "15.5 Foreign languages")),
        F("it_level", QT_TRANSLATE_NOOP("CadreEditor", "15.6 IT skills")),
    ]),
    (QT_TRANSLATE_NOOP("CadreEditor", "Party, organisations"), [
        F("party_join_date", QT_TRANSLATE_NOOP("CadreEditor", "16. Joined the Party"), "date"),
        F("party_official_date", QT_TRANSLATE_NOOP("CadreEditor", "Full member since"), "date"),
        F("mass_org", QT_TRANSLATE_NOOP("CadreEditor", "17. Socio-political organisations"), wide=True),
        F("army_enlist_date", QT_TRANSLATE_NOOP("CadreEditor", "18. Enlisted"), "date"),
        F("army_discharge_date", QT_TRANSLATE_NOOP("CadreEditor", "Discharged"), "date"),
        F("army_rank", QT_TRANSLATE_NOOP("CadreEditor", "Highest military rank")),
        F("honorary_title", QT_TRANSLATE_NOOP("CadreEditor", "19. Honorary titles")),
        F("strengths", QT_TRANSLATE_NOOP("CadreEditor", "20. Work strengths"), wide=True),
        F("party_committee", QT_TRANSLATE_NOOP("CadreEditor", "Current Party committee (2C/TCTW)")),
        F("party_committee_concurrent", QT_TRANSLATE_NOOP("CadreEditor", "Concurrent Party committee")),
        F("revolution_join_date", QT_TRANSLATE_NOOP("CadreEditor", "Joined the revolution"), "date"),
        F("current_agency_join_date", QT_TRANSLATE_NOOP("CadreEditor", "Joined the current agency"), "date"),
        F("family_background", QT_TRANSLATE_NOOP("CadreEditor", "Family background")),
    ]),
    (QT_TRANSLATE_NOOP("CadreEditor", "Health, ID card"), [
        F("health_status", QT_TRANSLATE_NOOP("CadreEditor", "23. Health")),
        F("height_cm", QT_TRANSLATE_NOOP("CadreEditor", "Height (cm)"), "int"),
        F("weight_kg", QT_TRANSLATE_NOOP("CadreEditor", "Weight (kg)"), "int"),
        F("blood_group", QT_TRANSLATE_NOOP("CadreEditor", "Blood group"), "choice", "blood_group"),
        F("war_invalid_grade", QT_TRANSLATE_NOOP("CadreEditor", "24. War invalid grade")),
        F("policy_family", QT_TRANSLATE_NOOP("CadreEditor", "Policy family"), wide=True),
        F("id_number", QT_TRANSLATE_NOOP("CadreEditor", "25. ID card number (personal ID)")),
        F("id_issue_date", QT_TRANSLATE_NOOP("CadreEditor", "Issued on"), "date"),
        F("id_issue_place", QT_TRANSLATE_NOOP("CadreEditor", "Issued at"), wide=True),
        F("social_insurance_no", QT_TRANSLATE_NOOP("CadreEditor", "26. Social insurance number")),
    ]),
    (QT_TRANSLATE_NOOP("CadreEditor", "History, assessment"), [
        F("history_detention", QT_TRANSLATE_NOOP("CadreEditor", "29a. Arrest, prison; work under the former regime"), "text"),
        F("history_foreign_orgs", QT_TRANSLATE_NOOP("CadreEditor", "29b. Links with organisations abroad"), "text"),
        F("history_foreign_relatives", QT_TRANSLATE_NOOP("CadreEditor", "29c. Relatives abroad"), "text"),
        F("economic_salary", QT_TRANSLATE_NOOP("CadreEditor", "Economic situation: salary, income (2C/TCTW)"), "text"),
        F("economic_housing", QT_TRANSLATE_NOOP("CadreEditor", "Housing"), "text"),
        F("economic_land", QT_TRANSLATE_NOOP("CadreEditor", "Residential and farm land"), "text"),
        F("assessment", QT_TRANSLATE_NOOP("CadreEditor", "32. Agency's assessment"), "text"),
    ]),
]
# The tabs that also hold child tables (by their section title, the English source string).
PERSONAL, WORK, EDUCATION, PARTY = (title for title, _fields in SECTIONS[:4])
SEX_CHOICES = [("M", QT_TRANSLATE_NOOP("CadreEditor", "Male")), ("F", QT_TRANSLATE_NOOP("CadreEditor", "Female"))]

def timeline_html(steps: list[TimelineEntry]) -> str:
    """The career as a vertical timeline: a heading per year, a line per decision; cancelled decisions
    struck through with the reason, so nobody mistakes them for the current state."""
    if not steps:
        empty = translate("CadreEditor", "No decisions yet. Click «Record decision…» to add one.")
        return f"<p style='color:#666'>{escape(empty)}</p>"
    heading = escape(translate("CadreEditor", "Timeline"))
    parts = [f"<h3 style='margin:0'>{heading}</h3>"]
    unknown = escape(translate("CadreEditor", "Date unknown"))
    year: int | None = -1
    for st in steps:
        if st.year != year:
            year = st.year
            parts.append(f"<p style='margin:10px 0 2px 0; font-size:large; color:#0b4f8a'><b>{year or unknown}</b></p>")
        text = f"<b>{escape(st.kind_label)}</b>"
        if st.summary:
            text += f": {escape(st.summary)}"
        number = translate("CadreEditor", "Decision no. {number}").format(number=escape(st.number)) if st.number else ""
        meta = ", ".join(x for x in (number, escape(st.issuer)) if x)
        until = " " + translate("CadreEditor", "(until {date})").format(date=st.until) if st.until else ""
        line = f"{st.when or '—'}{until} · {text}" + (f"<br><span style='color:#555'>{meta}</span>" if meta else "")
        if st.cancelled:
            cancelled = (translate("CadreEditor", "Cancelled — reason: {reason}").format(reason=escape(st.cancel_reason))
                         if st.cancel_reason else translate("CadreEditor", "Cancelled"))
            line = f"<span style='color:#888'><s>{line}</s><br><i>{cancelled}</i></span>"
        parts.append(f"<p style='margin:2px 0 6px 12px'>{line}</p>")
    return "".join(parts)


def _table_specs(codes: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[str, type[Any], list[Col], dict[str, Any]]]:
    def c(key: str) -> tuple[tuple[str, str], ...]:
        return tuple(codes.get(key, []))

    return {
        "training": (translate("CadreEditor", "27. Training"), d.TrainingRow, [
            Col("school", translate("CadreEditor", "School"), width_chars=26),
            Col("major", translate("CadreEditor", "Major"), width_chars=20),
            Col("from_date", translate("CadreEditor", "From (mm/yyyy)"), "partial_date", width_chars=10),
            Col("to_date", translate("CadreEditor", "To"), "partial_date", width_chars=10),
            Col("mode", translate("CadreEditor", "Form"), "choice", c("training_mode"), width_chars=12),
            Col("certificate", translate("CadreEditor", "Degree, certificate"), width_chars=16),
            Col("kind", translate("CadreEditor", "Type"), "choice", c("training_kind"), width_chars=14),
        ], {"kind": "chuyen_mon"}),
        "work_history": (translate("CadreEditor", "28. Work history"), d.WorkHistoryRow, [
            Col("from_date", translate("CadreEditor", "From (mm/yyyy)"), "partial_date", width_chars=10),
            Col("to_date", translate("CadreEditor", "To"), "partial_date", width_chars=10),
            Col("description", translate("CadreEditor", "Title, position, unit"), width_chars=60),
        ], {}),
        "family_self": (translate("CadreEditor", "30a. Family – own side"), d.FamilyRow, [
            Col("relation", translate("CadreEditor", "Relation"), width_chars=10),
            Col("full_name", translate("CadreEditor", "Full name"), width_chars=20),
            Col("birth_year", translate("CadreEditor", "Born"), width_chars=8),
            Col("details", translate("CadreEditor", "Home town, occupation, position, residence…"), width_chars=50),
        ], {"side": "self"}),
        "family_spouse": (translate("CadreEditor", "30b. Family – spouse's side"), d.FamilyRow, [
            Col("relation", translate("CadreEditor", "Relation"), width_chars=10),
            Col("full_name", translate("CadreEditor", "Full name"), width_chars=20),
            Col("birth_year", translate("CadreEditor", "Born"), width_chars=8),
            Col("details", translate("CadreEditor", "Home town, occupation, position, residence…"), width_chars=50),
        ], {"side": "spouse"}),
        "salary": (translate("CadreEditor", "31. Salary history"), d.SalaryRow, [
            Col("effective", translate("CadreEditor", "Month/year"), "partial_date", width_chars=10),
            Col("grade_code", translate("CadreEditor", "Grade code"), width_chars=10),
            Col("step", translate("CadreEditor", "Step"), "int", width_chars=6),
            Col("coefficient", translate("CadreEditor", "Salary coefficient"), "float", width_chars=10),
        ], {}),
        "awards": (translate("CadreEditor", "21. Awards"), d.AwardRow, [
            Col("year", translate("CadreEditor", "Year"), "int", width_chars=6),
            Col("form_code", translate("CadreEditor", "Form"), "choice", c("award_form"), width_chars=28),
            Col("issuer", translate("CadreEditor", "Awarded by"), width_chars=20),
            Col("reason", translate("CadreEditor", "Reason"), width_chars=30),
        ], {"year": date.today().year}),
        "discipline": (translate("CadreEditor", "22. Discipline"), d.DisciplineRow, [
            Col("decided_on", translate("CadreEditor", "Date"), "date", width_chars=10),
            Col("form_code", translate("CadreEditor", "Form"), "choice", c("discipline_form"), width_chars=20),
            Col("issuer", translate("CadreEditor", "Decided by"), width_chars=20),
            Col("reason", translate("CadreEditor", "Reason"), width_chars=30),
        ], {}),
    }


class _FieldEdit(QUndoCommand):
    def __init__(self, editor: CadreEditor, apply: Callable[[Any], None], old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.apply, self.old, self.new, self.editor = apply, old, new, editor
        self.first = True

    def redo(self) -> None:
        if self.first:  # the widget already shows the new value
            self.first = False
            return
        self.editor._applying = True
        self.apply(self.new)
        self.editor._applying = False

    def undo(self) -> None:
        self.editor._applying = True
        self.apply(self.old)
        self.editor._applying = False


class LongCodeCombo(CodeCombo):
    """A ``CodeCombo`` for a long list (a province's 3,000 units): the names go in with one call and the
    codes stay in a Python list, instead of one ``addItem`` per entry (≈45 ms for 3,000 on each editor
    opened; benchmarks/record.py)."""

    FROM = 100

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None, *, allow_empty: bool = True) -> None:
        super().__init__([], parent, allow_empty=False)
        self._codes = ([""] if allow_empty else []) + [code for code, _name in choices]
        self._index = {code: i for i, code in enumerate(self._codes)}
        self.addItems((["—"] if allow_empty else []) + [name for _code, name in choices])

    def value(self) -> str:
        i = self.currentIndex()
        return self._codes[i] if 0 <= i < len(self._codes) else ""

    def set_value(self, code: str | None) -> None:
        i = self._index.get(code or "", -1)
        if i < 0 and code:
            self.addItem(translate("CadreEditor", "{code} (not in the list)").format(code=code))
            self._codes.append(code)
            i = self._index[code] = len(self._codes) - 1
        self.setCurrentIndex(max(i, 0))


class CadreEditor(QDialog):
    """Create or edit one person. ``saved`` carries the cadre id after a successful save."""

    saved = Signal(str)

    def __init__(self, uowf: Any, tasks: TaskRunner, codes: dict[str, list[tuple[str, str]]],
                 cadre_id: str | None = None, *, default_unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.codes = uowf, tasks, codes
        self.cadre_id = cadre_id
        self.setWindowTitle(translate("CadreEditor", "Personnel record"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._update_title)
        self._applying = False
        # The fields, error labels and tables of the tabs built so far (the ``widgets``, ``errors`` and ``models``
        # properties build the others first): only the first tab is built at open, the others on first view.
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._models: dict[str, RowsTableModel] = {}
        self._views: dict[str, QTableView] = {}
        self._pending: dict[int, Callable[[], None]] = {}  # tab index → builds that tab
        self._field_tab: dict[str, int] = {}  # field → index of its tab
        # field → its label in the interface language, translated once
        self.labels: dict[str, str] = {f.name: translate("CadreEditor", f.label) for _t, fs in SECTIONS for f in fs}
        self._values: dict[str, Any] = {}
        self.decision_dialog: DecisionDialog | None = None
        self.file = d.CadreFile(cadre=d.Cadre(owner_unit_id=default_unit, sex="M"))
        self._error_palette = QPalette(self.palette())
        self._error_palette.setColor(QPalette.ColorRole.WindowText, QColor("#b00020"))

        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        specs = _table_specs(codes)
        extra_tables = {WORK: ["work_history", "salary"], EDUCATION: ["training"], PARTY: ["awards", "discipline"]}
        for title, fields in SECTIONS:
            tables = [specs[k] + (k,) for k in extra_tables.get(title, [])]
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            i = self.tabs.addTab(scroll, translate("CadreEditor", title))
            self._field_tab.update((f.name, i) for f in fields)
            if title == PERSONAL:  # the tab shown at open
                self._form_tab(scroll, fields, tables, self._photo_panel())
            else:
                self._pending[i] = partial(self._form_tab, scroll, fields, tables)
            if title == PARTY:
                fam = QWidget()
                i = self.tabs.addTab(fam, translate("CadreEditor", "Family"))
                self._pending[i] = partial(self._family_tab, fam, specs)
        self.decisions_tab = QWidget()
        self._build_decisions_tab()
        self.tabs.addTab(self.decisions_tab, translate("CadreEditor", "Decisions"))

        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.undo_button = QPushButton(translate("CadreEditor", "Undo"))
        self.undo_button.clicked.connect(self.undo.undo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.save_button = QPushButton(translate("CadreEditor", "Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close_button = QPushButton(translate("CadreEditor", "Close"))
        close_button.clicked.connect(self.close)
        for b in (self.undo_button, self.save_button, close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        for seq, slot in ((QKeySequence.StandardKey.Save, self.save), (QKeySequence.StandardKey.Undo, self.undo.undo),
                          (QKeySequence.StandardKey.Redo, self.undo.redo)):
            act = QAction(self)
            act.setShortcut(seq)
            act.triggered.connect(slot)
            self.addAction(act)
        fit_window(self, *text_size(self, 148, 51))  # at most 90 % of the screen (1366×768 at 150 %)
        self.tabs.currentChanged.connect(self._build_tab)
        if cadre_id:
            self.tasks.run_db(lambda: cadre_file(uowf, cadre_id), on_done=self.load, on_error=self._failed)
        else:
            self.load(self.file)

    # -- building ---------------------------------------------------------------------------------
    def _make_widget(self, f: F) -> QWidget:
        w: QWidget
        if f.kind == "text":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setMinimumHeight(self.fontMetrics().height() * 3 + 12)
            w.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
            w.textChanged.connect(lambda f=f: self._changed(f))
        elif f.kind in ("date", "birth"):
            w = DateEdit(partial=f.kind == "birth")
            w.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
            w.editingFinished.connect(lambda f=f: self._changed(f))
        elif f.kind in ("choice", "sex"):
            choices = ([(code, translate("CadreEditor", name)) for code, name in SEX_CHOICES] if f.kind == "sex"
                       else self.codes.get(f.codes, []))
            combo = LongCodeCombo if len(choices) > LongCodeCombo.FROM else CodeCombo
            w = combo(choices, allow_empty=f.kind != "sex")
            # as narrow as 12 letters, not as wide as the longest name: the form fits 1366×768 at 150 %
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(12)
            w.currentIndexChanged.connect(lambda _i, f=f: self._changed(f))
        elif f.kind == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda _b, f=f: self._changed(f))
        else:
            w = QLineEdit()
            if f.kind in ("int", "float"):
                w.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10 + 16)
            w.editingFinished.connect(lambda f=f: self._changed(f))
        w.setAccessibleName(self.labels[f.name])
        return w

    def _form_tab(self, scroll: QScrollArea, fields: list[F], tables: list[tuple[Any, ...]],
                  side: QWidget | None = None) -> None:
        inner = QWidget()
        v = QVBoxLayout(inner)
        top = QHBoxLayout()
        v.addLayout(top)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        row = col = 0
        for f in fields:
            w = self._make_widget(f)
            self._widgets[f.name] = w
            err = QLabel()
            err.setPalette(self._error_palette)  # a palette, not a style sheet: ~70 labels per editor (benchmarks/record.py)
            err.setWordWrap(True)
            err.hide()
            self._errors[f.name] = err
            label = QLabel(self.labels[f.name])
            label.setBuddy(w)
            span_wide = f.wide or f.kind == "text"
            if span_wide and col == 1:
                row += 2
                col = 0
            grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(w, row, col * 2 + 1, 1, 3 if span_wide else 1)
            grid.addWidget(err, row + 1, col * 2 + 1, 1, 3 if span_wide else 1)
            if span_wide:
                row += 2
                col = 0
            else:
                col = 1 - col
                if col == 0:
                    row += 2
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        top.addLayout(grid, 1)
        if side is not None:
            top.addWidget(side, 0, Qt.AlignmentFlag.AlignTop)
        for spec in tables:
            v.addWidget(self._table_box(*spec))
        v.addStretch(1)
        scroll.setWidget(inner)
        inner.show()  # a scroll area already shown does not show the widget it is given

    def _family_tab(self, fam: QWidget, specs: dict[str, tuple[str, type[Any], list[Col], dict[str, Any]]]) -> None:
        fl = QVBoxLayout(fam)
        for key in ("family_self", "family_spouse"):
            box = self._table_box(*specs[key], key)
            fl.addWidget(box)
            box.show()

    def _build_tab(self, index: int) -> None:
        """Build a tab not built yet (on its first view, or when its fields are needed) and show the record in it."""
        build = self._pending.pop(index, None)
        if build is None:
            return
        widgets, models = set(self._widgets), set(self._models)
        build()
        # in the order of the form, whichever tab was built first (the first field in error is the one shown)
        self._widgets = {n: self._widgets[n] for n in self.labels if n in self._widgets}
        self._errors = {n: self._errors[n] for n in self.labels if n in self._errors}
        self._show_record([n for n in self._widgets if n not in widgets], [k for k in self._models if k not in models])

    def _build_all(self) -> None:
        for index in list(self._pending):
            self._build_tab(index)

    @property
    def widgets(self) -> dict[str, QWidget]:
        """Every field's widget, by cadre attribute (the tabs not built yet are built first)."""
        self._build_all()
        return self._widgets

    @property
    def errors(self) -> dict[str, QLabel]:
        """Every field's error label (the tabs not built yet are built first)."""
        self._build_all()
        return self._errors

    @property
    def models(self) -> dict[str, RowsTableModel]:
        """Every child table's model (the tabs not built yet are built first)."""
        self._build_all()
        return self._models

    def __getattr__(self, name: str) -> Any:
        """``view_<table>``: the view of a child table (its tab is built first)."""
        if name.startswith("view_"):
            self._build_all()
            view = self.__dict__.get("_views", {}).get(name[5:])
            if view is not None:
                return view
        raise AttributeError(name)

    def findChildren(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
        """Every child, those of the tabs not built yet included (they are built first)."""
        self._build_all()
        return super().findChildren(*args, **kwargs)

    def _table_box(self, title: str, row_type: type[Any], cols: list[Col], defaults: dict[str, Any], key: str) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 8, 0, 0)
        head = QHBoxLayout()
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        head.addWidget(heading)
        head.addStretch(1)
        add = QPushButton(translate("CadreEditor", "Add row"))
        remove = QPushButton(translate("CadreEditor", "Remove row"))
        head.addWidget(add)
        head.addWidget(remove)
        v.addLayout(head)
        model = RowsTableModel(row_type, cols, [], self, defaults=defaults)
        model.on_edit = lambda r, fld, old, new, m=model: self._table_edited(m, r, fld, old, new)
        self._models[key] = model
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        fm = self.fontMetrics()
        for i, c in enumerate(cols):  # wide enough for the data and for the whole header
            view.setColumnWidth(i, max(fm.horizontalAdvance("n") * c.width_chars, fm.horizontalAdvance(c.header) + 10) + 12)
        view.horizontalHeader().setSectionResizeMode(len(cols) - 1, QHeaderView.ResizeMode.Stretch)
        view.setMinimumHeight(fm.height() * 8)
        add.clicked.connect(lambda: self._add_row(model, view))
        remove.clicked.connect(lambda: self._remove_row(model, view))
        v.addWidget(view)
        self._views[key] = view
        return box

    def _photo_panel(self) -> QWidget:
        """The 4×6 photo of the CV, with the date it was taken (a dossier needs one under 6 months old)."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(12, 0, 0, 0)
        width = self.fontMetrics().height() * 7
        self.photo = QLabel(translate("CadreEditor", "4×6 photo"))
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFixedSize(width, width * 3 // 2)
        self.photo.setStyleSheet("border: 1px solid #888; background: #fafafa; color: #777;")
        v.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("CadreEditor", "Date taken")))
        self.photo_date = DateEdit()
        self.photo_date.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        row.addWidget(self.photo_date)
        v.addLayout(row)
        choose = QPushButton(translate("CadreEditor", "Choose photo…"))
        choose.clicked.connect(self._choose_photo)
        remove = QPushButton(translate("CadreEditor", "Remove photo"))
        remove.clicked.connect(lambda: self.set_photo(None))
        v.addWidget(choose)
        v.addWidget(remove)
        return box

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("CadreEditor", "Choose a 4×6 photo"), "",
                                              translate("CadreEditor", "Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff)"))
        if path:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                self._failed(ValidationError(translate("CadreEditor", "Cannot read the photo file: {error}")
                                             .format(error=exc.strerror or exc)))
                return
            self.set_photo(data)

    def set_photo(self, data: bytes | None) -> None:
        """Attach a photo (saved at once; the record must already be saved)."""
        if not self.cadre_id:
            self._failed(ValidationError(translate("CadreEditor", "Save the record before attaching a photo.")))
            return
        try:
            taken = self.photo_date.value()[0]
        except ValidationError as exc:
            self._failed(exc)
            return
        cid = self.cadre_id
        self.tasks.run_db(lambda: records.set_photo(self.uowf, cid, data, taken),
                          on_done=lambda _c: self._decision_done(translate("CadreEditor", "Photo updated.")), on_error=self._failed)

    def _show_photo(self, data: bytes | None) -> None:
        if not data:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(translate("CadreEditor", "4×6 photo"))
            return
        pix = QPixmap()
        pix.loadFromData(data)
        self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation))

    def _build_decisions_tab(self) -> None:
        v = QVBoxLayout(self.decisions_tab)
        v.addWidget(QLabel(translate("CadreEditor", "<b>Career by decision</b> (appointments, transfers, step raises, "
                                               "awards, discipline…)")))
        self.decisions_model = RowsTableModel(d.Decision, [
            Col("effective_date", translate("CadreEditor", "Effective"), width_chars=10),
            Col("kind", translate("CadreEditor", "Type"), "choice", tuple(KIND_LABELS.items()), width_chars=16),
            Col("number", translate("CadreEditor", "Decision no."), width_chars=14),
            Col("issuer", translate("CadreEditor", "Issued by"), width_chars=22),
            Col("summary", translate("CadreEditor", "Content"), width_chars=30),
            Col("status", translate("CadreEditor", "Status"), "choice",
                (("active", translate("CadreEditor", "In force")), ("cancelled", translate("CadreEditor", "Cancelled"))),
                width_chars=10),
        ], [], self)
        view = QTableView()
        view.setModel(self.decisions_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        for i, c in enumerate(self.decisions_model.columns):
            view.setColumnWidth(i, max(fm.horizontalAdvance("n") * c.width_chars, fm.horizontalAdvance(c.header) + 10) + 12)
        self.timeline = QTextBrowser()
        self.timeline.setAccessibleName(translate("CadreEditor", "Career timeline"))
        self.timeline.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(view)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        v.addWidget(split, 1)
        self.decisions_view = view
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_decision_button = QPushButton(translate("CadreEditor", "Record decision…"))
        self.add_decision_button.clicked.connect(self.add_decision)
        self.cancel_decision_button = QPushButton(translate("CadreEditor", "Cancel selected decision…"))
        self.cancel_decision_button.clicked.connect(self._ask_cancel_decision)
        row.addWidget(self.add_decision_button)
        row.addWidget(self.cancel_decision_button)
        v.addLayout(row)

    def add_decision(self) -> None:
        """Open the decision form (the record must be saved first: a decision changes it)."""
        if not self.cadre_id or self.dirty:
            self._failed(ValidationError(translate("CadreEditor", "Save the record before recording a decision.")))
            return
        dlg = DecisionDialog(self.codes, self)
        dlg.accepted.connect(lambda: self._record_decision(dlg.result_input))
        self.decision_dialog = dlg
        dlg.open()

    def _record_decision(self, inp: DecisionInput | None) -> None:
        if inp is None or not self.cadre_id:
            return
        cid = self.cadre_id
        self.tasks.run_db(lambda: records.record_decision(self.uowf, cid, inp),
                          on_done=lambda _r: self._decision_done(translate("CadreEditor", "Decision recorded.")), on_error=self._failed)

    def _ask_cancel_decision(self) -> None:
        row = self.decisions_view.currentIndex().row()
        if row < 0:
            self._failed(ValidationError(translate("CadreEditor", "Select the decision to cancel in the table.")))
            return
        dec = self.decisions_model.rows[row]
        reason, ok = QInputDialog.getText(
            self, translate("CadreEditor", "Cancel decision"),
            translate("CadreEditor", "Reason for cancelling decision no. {number}:").format(number=dec.number))
        if ok:
            self.cancel_decision(dec.id, reason)

    def cancel_decision(self, decision_id: str, reason: str) -> None:
        """Cancel a decision: what it changed in the record is put back."""
        self.tasks.run_db(lambda: records.cancel_decision(self.uowf, decision_id, reason),
                          on_done=lambda _r: self._decision_done(
                              translate("CadreEditor", "Decision cancelled; the record is back as it was.")),
                          on_error=self._failed)

    def _decision_done(self, message: str) -> None:
        cid = self.cadre_id
        assert cid is not None
        self.saved.emit(cid)

        def reloaded(f: d.CadreFile) -> None:
            self.load(f)
            self.status.setText(message)
            self.status.setStyleSheet("color: #1b5e20;")

        self.tasks.run_db(lambda: cadre_file(self.uowf, cid), on_done=reloaded, on_error=self._failed)

    # -- loading ----------------------------------------------------------------------------------
    def load(self, f: d.CadreFile) -> None:
        self.file = f
        self._values = {}
        self._show_record(list(self._widgets), list(self._models))  # the tabs not built yet: when they are
        self._applying = True
        c = f.cadre
        self.decisions_model.beginResetModel()
        self.decisions_model.rows = list(f.decisions)
        self.decisions_model.endResetModel()
        self.timeline.setHtml(timeline_html(career_steps(f.decisions)))
        self.photo_date.set_value(c.photo_date)
        sha = c.photo_sha256
        if sha:
            self.tasks.run_db(lambda: records.photo_bytes(self.uowf, sha), on_done=self._show_photo, on_error=self._failed)
        else:
            self._show_photo(None)
        self._applying = False
        self.undo.clear()
        self.undo.setClean()
        self._update_title()

    def _show_record(self, names: list[str], tables: list[str]) -> None:
        """Show ``self.file`` in these fields and tables (without undo entries)."""
        applying, self._applying = self._applying, True
        f = self.file
        for name in names:
            w = self._widgets[name]
            self._set_widget(name, w, getattr(f.cadre, name))
            self._values[name] = self._read_widget(name, w, quiet=True)
        for key in tables:
            model = self._models[key]
            model.beginResetModel()
            if key == "family_self":
                model.rows = [dataclasses.replace(r) for r in f.family if r.side == "self"]
            elif key == "family_spouse":
                model.rows = [dataclasses.replace(r) for r in f.family if r.side != "self"]
            else:
                model.rows = [dataclasses.replace(r) for r in getattr(f, key)]
            model.endResetModel()
        self._applying = applying

    def _set_widget(self, name: str, w: QWidget, value: Any) -> None:
        if isinstance(w, DateEdit):
            w.set_value(value, self.file.cadre.birth_precision if name == "birth_date" else "day")
        elif isinstance(w, CodeCombo):
            w.set_value(value or "")
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QLineEdit):
            if isinstance(value, float):
                w.setText(f"{value:.2f}".replace(".", ","))
            else:
                w.setText("" if value is None else str(value))

    def _read_widget(self, name: str, w: QWidget, *, quiet: bool = False) -> Any:
        try:
            if isinstance(w, DateEdit):
                return w.value()
            if isinstance(w, CodeCombo):
                return w.value()
            if isinstance(w, QPlainTextEdit):
                return nfc(w.toPlainText())
            if isinstance(w, QCheckBox):
                return w.isChecked()
            assert isinstance(w, QLineEdit)
            text = nfc(w.text()).strip()
            kind = self._kind(name)
            if kind == "int":
                if not text:
                    return None
                if not text.isdigit():
                    raise ValidationError(translate("CadreEditor", "Enter a whole number."))
                return int(text)
            if kind == "float":
                if not text:
                    return None
                try:
                    return round(float(text.replace(",", ".")), 2)
                except ValueError as exc:
                    raise ValidationError(translate("CadreEditor", "Enter a number, e.g. 2.34.")) from exc
            return text
        except ValidationError as exc:
            if quiet:
                return None
            raise ValidationError(exc.message, {name: exc.message}) from exc

    @staticmethod
    def _kind(name: str) -> str:
        for _title, fields in SECTIONS:
            for f in fields:
                if f.name == name:
                    return f.kind
        return "line"

    # -- editing and undo -------------------------------------------------------------------------
    def _changed(self, f: F) -> None:
        if self._applying:
            return
        w = self._widgets[f.name]
        try:
            new = self._read_widget(f.name, w)
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return
        self._errors[f.name].hide()
        old = self._values.get(f.name)
        if new == old:
            return
        self._values[f.name] = new

        def apply(value: Any, name: str = f.name, widget: QWidget = w) -> None:
            if isinstance(widget, DateEdit):
                widget.set_value(*(value if value else (None, "day")))
            else:
                self._set_widget(name, widget, value)
            self._values[name] = value

        self.undo.push(_FieldEdit(self, apply, old, new, self.labels[f.name]))
        if f.name == "full_name" and isinstance(new, str):
            self._split_name(new)

    def _split_name(self, full: str) -> None:
        from canbo_desktop.domain.names import parse_full_name

        n = parse_full_name(full)
        for name, value in (("family_name", n.family), ("middle_name", n.middle), ("given_name", n.given)):
            w = self._widgets[name]
            assert isinstance(w, QLineEdit)
            if w.text() != value:
                w.setText(value)
                self._values[name] = value

    def _table_edited(self, model: RowsTableModel, row: int, field: str, old: Any, new: Any) -> None:
        cmd = _FieldEdit(self, lambda v: model.set_value(row, field, v), old, new, field)
        self.undo.push(cmd)

    def _add_row(self, model: RowsTableModel, view: QTableView) -> None:
        r = model.add_row()
        row_value = model.rows[r]

        class AddRow(QUndoCommand):
            def __init__(self) -> None:
                super().__init__(translate("CadreEditor", "Add row"))
                self.first = True

            def redo(self) -> None:
                if self.first:
                    self.first = False
                    return
                model.insert_row(r, row_value)

            def undo(self) -> None:
                model.remove_row(r)

        self.undo.push(AddRow())
        view.setCurrentIndex(model.index(r, 0))
        view.edit(model.index(r, 0))

    def _remove_row(self, model: RowsTableModel, view: QTableView) -> None:
        r = view.currentIndex().row()
        if r < 0:
            return
        removed = model.remove_row(r)

        class RemoveRow(QUndoCommand):
            def __init__(self) -> None:
                super().__init__(translate("CadreEditor", "Remove row"))
                self.first = True

            def redo(self) -> None:
                if self.first:
                    self.first = False
                    return
                model.remove_row(r)

            def undo(self) -> None:
                model.insert_row(r, removed)

        self.undo.push(RemoveRow())

    # -- saving -----------------------------------------------------------------------------------
    def collect(self) -> d.CadreFile:
        """The edited record (raises ValidationError for fields that cannot even be read)."""
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name, w in self.widgets.items():  # every tab, built if not yet: each field is read and checked
            try:
                values[name] = self._read_widget(name, w)
            except ValidationError as exc:
                errors.update(exc.fields)
        if errors:
            raise ValidationError(translate("CadreEditor", "Some fields are not right."), errors)
        c = dataclasses.replace(self.file.cadre)
        for name, value in values.items():
            if name == "birth_date":
                c.birth_date, c.birth_precision = value
            elif name in ("recruitment_date", "position_start_date", "term_end_date", "salary_step_date",
                          "party_join_date", "party_official_date", "army_enlist_date", "army_discharge_date",
                          "revolution_join_date", "current_agency_join_date", "id_issue_date"):
                setattr(c, name, value[0])
            else:
                setattr(c, name, value)
        f = dataclasses.replace(self.file, cadre=c)
        f.training = list(self.models["training"].rows)
        f.work_history = list(self.models["work_history"].rows)
        f.family = list(self.models["family_self"].rows) + list(self.models["family_spouse"].rows)
        f.salary = list(self.models["salary"].rows)
        f.awards = list(self.models["awards"].rows)
        f.discipline = list(self.models["discipline"].rows)
        return f

    def show_errors(self, fields: dict[str, str]) -> None:
        for name in fields:  # the tabs of these fields, built if not yet
            self._build_tab(self._field_tab.get(name, -1))
        for name, label in self._errors.items():
            msg = fields.get(name)
            label.setText(msg or "")
            label.setVisible(bool(msg))
        if fields:
            first = next(iter(fields))
            for i in range(self.tabs.count()):
                tab = self.tabs.widget(i)
                if first in self._widgets and tab is not None and tab.isAncestorOf(self._widgets[first]):
                    self.tabs.setCurrentIndex(i)
                    self._widgets[first].setFocus()
                    break
            self.status.setText(translate("CadreEditor", "Not saved: {errors}").format(errors=" ".join(dict.fromkeys(fields.values()))))
            self.status.setStyleSheet("color: #b00020;")

    def save(self) -> None:
        try:
            f = self.collect()
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return
        self.save_button.setEnabled(False)
        self.status.setText(translate("CadreEditor", "Saving…"))
        self.status.setStyleSheet("")
        self.tasks.run_db(lambda: records.save_cadre_file(self.uowf, f), on_done=self._saved, on_error=self._save_failed)

    def _saved(self, result: tuple[str, Any]) -> None:
        cid, _changes = result
        self.cadre_id = cid
        self.save_button.setEnabled(True)
        self.show_errors({})
        self.status.setText(translate("CadreEditor", "Saved."))
        self.status.setStyleSheet("color: #1b5e20;")
        self.saved.emit(cid)
        self.tasks.run_db(lambda: cadre_file(self.uowf, cid), on_done=self.load, on_error=self._failed)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.fields:
            self.show_errors(exc.fields)
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        msg = exc.message if isinstance(exc, CanboError) else translate("CadreEditor", "Error: {error}").format(error=exc)
        self.status.setText(msg)
        self.status.setStyleSheet("color: #b00020;")

    # -- window ------------------------------------------------------------------------------------
    def _update_title(self, *_: Any) -> None:
        name = self.file.cadre.full_name or translate("CadreEditor", "New record")
        star = "" if self.undo.isClean() else " *"
        self.setWindowTitle(translate("CadreEditor", "Record: {name}").format(name=name) + star)
        unit = self.file.unit_name
        born = d.birth_display(self.file.cadre.birth_date, self.file.cadre.birth_precision)
        self.header.setText(f"<span style='font-size:14pt'><b>{name}</b></span>"  # i18n: data (name, birth, unit)
                            f"{'&nbsp;&nbsp;·&nbsp;&nbsp;' + born if born else ''}"
                            f"{'&nbsp;&nbsp;·&nbsp;&nbsp;' + unit if unit else ''}")

    @property
    def dirty(self) -> bool:
        return not self.undo.isClean()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.dirty:
            box = QMessageBox(QMessageBox.Icon.Question, translate("CadreEditor", "Unsaved record"),
                              translate("CadreEditor", "The record has unsaved changes. Do you want to save them?"),
                              parent=self)
            save = box.addButton(translate("CadreEditor", "Save"), QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton(translate("CadreEditor", "Don't save"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(translate("CadreEditor", "Go back"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            clicked = box.clickedButton()
            if clicked is save:
                self.save()
                event.ignore()
                return
            if clicked is not discard:
                event.ignore()
                return
        super().closeEvent(event)
