"""Nhập danh sách cán bộ từ Excel: file and sheet → columns → preview of every row → import.

Every step runs on a worker (reading a sheet of 10,000 rows, matching against the database); the
window stays responsive. Nothing is written before the last page; the import itself is one transaction
after an automatic backup, and the rows with problems can be saved as an XLSX report to fix and re-import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from canbo_desktop.domain import import_parse as ip
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import fit_window, text_size

MODES = (("upsert", QT_TRANSLATE_NOOP("ImportWizard", "Add new people and update existing ones")),
         ("insert", QT_TRANSLATE_NOOP("ImportWizard", "Only add new people")),
         ("update", QT_TRANSLATE_NOOP("ImportWizard", "Only update existing people")))
ACTION_LABELS = {"insert": QT_TRANSLATE_NOOP("ImportWizard", "New"),
                 "update": QT_TRANSLATE_NOOP("ImportWizard", "Update"),
                 "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Unchanged"),
                 "rejected": QT_TRANSLATE_NOOP("ImportWizard", "Error – skipped")}
ACTION_COLORS = {"insert": "#1b5e20", "update": "#0b4f8a", "unchanged": "#555555", "rejected": "#b00020"}
PREVIEW_ROWS = 2000  # rows listed in the preview table (the counts cover every row)


def action_label(action: str) -> str:
    return translate("ImportWizard", ACTION_LABELS[action]) if action in ACTION_LABELS else action


def _red(text: str) -> str:
    return f"<span style='color:#b00020'>{text}</span>"


def _svc() -> Any:
    from canbo_desktop.services import importing  # openpyxl loads when the wizard is used

    return importing


class ImportWizard(QWizard):
    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None, *, path: str = "") -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.table: Any = None  # services.importing.SheetTable
        self.mapping: Any = None  # ColumnMapping
        self.preview: Any = None  # ImportPreview
        self.result: Any = None  # ImportResult
        self.busy = False
        self.setWindowTitle(translate("ImportWizard", "Import cadres from Excel"))
        fit_window(self, *text_size(self, 138, 50))  # at most 90 % of the screen (1366×768 at 150 %)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, translate("ImportWizard", "Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("ImportWizard", "< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("ImportWizard", "Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("ImportWizard", "Finish"))
        self.file_page = _FilePage(self, path)
        self.columns_page = _ColumnsPage(self)
        self.preview_page = _PreviewPage(self)
        self.done_page = _DonePage(self)
        for page in (self.file_page, self.columns_page, self.preview_page, self.done_page):
            self.addPage(page)

    def run(self, fn: Any, on_done: Any, label: QLabel, message: str) -> None:
        """Work on the database lane; the page shows ``message`` meanwhile and the error if any."""
        self.busy = True
        label.setText(message)
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)

        def done(result: Any) -> None:
            self.busy = False
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            label.setText(_red(str(getattr(exc, "message", None) or exc)))

        self.tasks.run_db(fn, on_done=done, on_error=failed)


class _FilePage(QWizardPage):
    def __init__(self, wiz: ImportWizard, path: str) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("ImportWizard", "Step 1. Choose the Excel file"))
        self.setSubTitle(translate("ImportWizard", "An .xlsx file (Excel 2007 or later). An old .xls file: open it in "
                                                   "Excel and «Save as» .xlsx. TCVN3 (.VnTime), VNI and VISCII text is "
                                                   "converted to Unicode."))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(path)
        browse = QPushButton(translate("ImportWizard", "Choose file…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(translate("ImportWizard", "File"), row)
        self.sheet = QComboBox()
        form.addRow(translate("ImportWizard", "Sheet"), self.sheet)
        self.mode = QComboBox()
        for code, label in MODES:
            self.mode.addItem(translate("ImportWizard", label), code)
        form.addRow(translate("ImportWizard", "Import mode"), self.mode)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow("", self.status)
        self.path.editingFinished.connect(self.inspect)
        self._read_ok = False
        if path:
            self.inspect()

    def _browse(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, translate("ImportWizard", "Choose an Excel file"), "",
                                           translate("ImportWizard", "Excel files (*.xlsx *.xlsm);;All files (*)"))
        if f:
            self.path.setText(f)
            self.inspect()

    def inspect(self) -> None:
        p = Path(self.path.text().strip())
        if not str(p):
            return
        self.wiz.run(lambda: _svc().inspect_workbook(p), self._sheets, self.status,
                     translate("ImportWizard", "Checking the file…"))

    def _sheets(self, info: Any) -> None:
        self.sheet.clear()
        for s in info.sheets:
            self.sheet.addItem(translate("ImportWizard", "{sheet} (hidden)").format(sheet=s.name) if s.hidden
                               else s.name, s.name)
        self.status.setText(translate("ImportWizard", "{count} sheets, {size} KB.").format(
            count=len(info.sheets), size=f"{info.size / 1024:.0f}"))

    def validatePage(self) -> bool:  # noqa: N802
        if self._read_ok:
            self._read_ok = False
            return True
        if self.wiz.busy or self.sheet.count() == 0:
            if self.sheet.count() == 0 and not self.wiz.busy:
                self.status.setText(translate("ImportWizard", "Choose a valid Excel file first."))
            return False
        p, sheet, uowf = Path(self.path.text().strip()), self.sheet.currentData(), self.wiz.uowf

        def read() -> tuple[Any, Any]:
            svc = _svc()
            table = svc.read_sheet(p, sheet)
            return table, svc.suggest_mapping(uowf, table)

        def got(result: tuple[Any, Any]) -> None:
            self.wiz.table, self.wiz.mapping = result
            self.status.setText(translate("ImportWizard", "Read {count} rows.").format(count=len(result[0].rows)))
            self._read_ok = True
            self.wiz.next()

        self.wiz.run(read, got, self.status, translate("ImportWizard", "Reading the sheet…"))
        return False

    def mode_code(self) -> str:
        return str(self.mode.currentData())


class _ColumnsPage(QWizardPage):
    def __init__(self, wiz: ImportWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("ImportWizard", "Step 2. Match the columns to the record's fields"))
        self.setSubTitle(translate("ImportWizard", "The columns were matched by their names (with or without "
                                                   "diacritics). Correct them if needed; a column left at «(not "
                                                   "imported)» is skipped. The matching is remembered for next time."))
        v = QVBoxLayout(self)
        self.grid = QTableWidget(0, 3)
        self.grid.setHorizontalHeaderLabels([translate("ImportWizard", "Column in the file"),
                                             translate("ImportWizard", "Example"),
                                             translate("ImportWizard", "Field in the record")])
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        h = self.grid.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.grid.setColumnWidth(2, 280)
        v.addWidget(self.grid, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.combos: list[QComboBox] = []
        self._preview_ok = False

    def initializePage(self) -> None:  # noqa: N802
        table, mapping = self.wiz.table, self.wiz.mapping
        self.grid.setRowCount(len(mapping.columns))
        self.combos = []
        sample_row = table.rows[mapping.data_start] if mapping.data_start < len(table.rows) else []
        for j, field in enumerate(mapping.columns):
            self.grid.setItem(j, 0, QTableWidgetItem(mapping.label(j)))
            sample = sample_row[j] if j < len(sample_row) else ""
            self.grid.setItem(j, 1, QTableWidgetItem("" if sample is None else str(sample)))
            combo = QComboBox()
            combo.addItem(translate("ImportWizard", "(not imported)"), ip.IGNORE)
            for f in ip.FIELDS:
                if f.kind != "skip":
                    combo.addItem(f.label, f.key)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            self.grid.setCellWidget(j, 2, combo)
            self.combos.append(combo)
        header_at = mapping.header_rows[0] + 1 if mapping.header_rows else 0
        self.status.setText(translate("ImportWizard", "Header row: {header}. Data from row {first}.").format(
            header=header_at, first=mapping.data_start + 1))

    def columns(self) -> list[str]:
        return [str(c.currentData()) for c in self.combos]

    def validatePage(self) -> bool:  # noqa: N802
        if self._preview_ok:
            self._preview_ok = False
            return True
        if self.wiz.busy:
            return False
        self.wiz.mapping.columns = self.columns()
        self.wiz.mapping.source = "user"
        problems = self.wiz.mapping.problems()
        if problems:
            self.status.setText(_red(" ".join(problems)))
            return False
        svc = _svc()
        opts = svc.ImportOptions(mode=self.wiz.file_page.mode_code(), source_name=Path(self.wiz.table.file).name)
        table, mapping, uowf = self.wiz.table, self.wiz.mapping, self.wiz.uowf

        def got(preview: Any) -> None:
            self.wiz.preview = preview
            self._preview_ok = True
            self.wiz.next()

        self.wiz.run(lambda: svc.preview_import(uowf, table, mapping, opts), got, self.status,
                     translate("ImportWizard", "Comparing with the database…"))
        return False


class _PreviewPage(QWizardPage):
    def __init__(self, wiz: ImportWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("ImportWizard", "Step 3. Preview"))
        self.setSubTitle(translate("ImportWizard", "Nothing has been written yet. Rows with errors are skipped; you can "
                                                   "save the error report to fix them and import again."))
        v = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.grid = QTableWidget(0, 4)
        self.grid.setHorizontalHeaderLabels([translate("ImportWizard", "Row"), translate("ImportWizard", "Result"),
                                             translate("ImportWizard", "Full name"),
                                             translate("ImportWizard", "Problems / changes")])
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        h = self.grid.horizontalHeader()
        self.grid.setColumnWidth(0, 60)
        self.grid.setColumnWidth(1, 110)
        self.grid.setColumnWidth(2, 230)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.grid, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.report_button = QPushButton(translate("ImportWizard", "Save error report (Excel)…"))
        self.report_button.clicked.connect(self._save_report)
        row.addWidget(self.report_button)
        v.addLayout(row)
        self._applied = False

    def initializePage(self) -> None:  # noqa: N802
        p = self.wiz.preview
        counts = {a: p.count(a) for a in ACTION_LABELS}
        summary = (translate("ImportWizard", "<b>{inserted}</b> new people · <b>{updated}</b> updated · "
                                             "<b>{unchanged}</b> unchanged · <b style='color:#b00020'>{rejected}</b> "
                                             "rows with errors · {skipped} empty rows skipped") if p.skipped else
                   translate("ImportWizard", "<b>{inserted}</b> new people · <b>{updated}</b> updated · "
                                             "<b>{unchanged}</b> unchanged · <b style='color:#b00020'>{rejected}</b> "
                                             "rows with errors"))
        self.summary.setText(summary.format(inserted=counts["insert"], updated=counts["update"],
                                            unchanged=counts["unchanged"], rejected=counts["rejected"],
                                            skipped=len(p.skipped)))
        self.report_button.setEnabled(counts["rejected"] > 0)
        rows = p.rows[:PREVIEW_ROWS]
        self.grid.setRowCount(len(rows))
        for i, r in enumerate(rows):
            details = "; ".join((f"{x.cell}: " if x.cell else "") + x.reason for x in r.problems + r.warnings)
            if not details and r.changes:
                details = "; ".join(f"{k}: {a or '–'} → {b or '–'}" for k, (a, b) in list(r.changes.items())[:6])
            cells = [str(r.row_number), action_label(r.action), r.full_name, details]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 1:
                    item.setForeground(QColor(ACTION_COLORS.get(r.action, "#000")))
                if j == 3 and r.problems:
                    item.setForeground(QColor("#b00020"))
                self.grid.setItem(i, j, item)
        self.grid.resizeRowsToContents()
        self.status.setText(translate("ImportWizard", "Press «Next» to import (the database is backed up first).")
                            if counts["insert"] + counts["update"] else
                            translate("ImportWizard", "Nothing to write: every row is unchanged or has errors."))

    def _save_report(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, translate("ImportWizard", "Save the error report"),
                                                "bao-cao-loi-nhap.xlsx", translate("ImportWizard", "Excel files (*.xlsx)"))
        if target:
            self.save_report(target)

    def save_report(self, target: str) -> int:
        n = int(_svc().write_error_report(self.wiz.preview, Path(target), self.wiz.uowf))
        self.status.setText(translate("ImportWizard", "Saved {count} rows with errors to {path}.").format(
            count=n, path=target))
        return n

    def validatePage(self) -> bool:  # noqa: N802
        if self._applied:
            self._applied = False
            return True
        if self.wiz.busy:
            return False
        preview, uowf = self.wiz.preview, self.wiz.uowf

        def got(result: Any) -> None:
            self.wiz.result = result
            self._applied = True
            self.wiz.next()

        self.wiz.run(lambda: _svc().apply_import(uowf, preview), got, self.status,
                     translate("ImportWizard", "Backing up and writing to the database…"))
        return False


class _DonePage(QWizardPage):
    def __init__(self, wiz: ImportWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("ImportWizard", "Step 4. Result"))
        v = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.text)
        v.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        r = self.wiz.result
        backup = r.backup.path if r.backup and getattr(r.backup, "path", None) else ""
        text = (translate("ImportWizard", "Added <b>{inserted}</b> people, updated <b>{updated}</b>, unchanged "
                                          "<b>{unchanged}</b>; <b>{rejected}</b> rows with errors not imported.<br>"
                                          "Backup made before the import: {backup}") if backup else
                translate("ImportWizard", "Added <b>{inserted}</b> people, updated <b>{updated}</b>, unchanged "
                                          "<b>{unchanged}</b>; <b>{rejected}</b> rows with errors not imported."))
        self.text.setText(text.format(inserted=r.inserted, updated=r.updated, unchanged=r.unchanged,
                                      rejected=r.rejected_rows, backup=backup))
