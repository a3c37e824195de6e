"""Documents from the cadre list: preview and print one person's CV, or write many on a worker.

One CV is drawn on the database lane (about 60 ms) into a temporary file and shown in the preview,
where the clerk prints it or saves a copy. Many CVs go through ``render_cv_batch`` (both cores, a
separate process each) with a progress bar and a Cancel button; the files already written stay.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # QtPdf is loaded with the first preview, not at start-up (benchmarks/startup.py)
    from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

# reportlab (and the PDF services) load on the first document, not with the main window

# (code, English label): shown as translate("Documents", label)
FORMS = (("bnv", QT_TRANSLATE_NOOP("Documents", "Form 2C-BNV/2008 (civil servants)")),
         ("tctw", QT_TRANSLATE_NOOP("Documents", "Form 2C/TCTW-98 (cadres, party members)")))
FORM_SHORT = {"bnv": "2C-BNV-2008", "tctw": "2C-TCTW-98"}


def form_label(form: str) -> str:
    return translate("Documents", dict(FORMS)[form])


def _scratch_dir() -> Path:
    d = Path(tempfile.gettempdir()) / "canbo-desktop-pdf"
    d.mkdir(parents=True, exist_ok=True)
    return d


def render_one(uowf: Any, cadre_id: str, form: str) -> tuple[str, str]:
    """Draw one CV into a scratch file (runs on the database lane). Returns (path, person's name)."""
    from canbo_desktop.services.pdf import batch as batch_svc
    from canbo_desktop.services.pdf import cv as cv_svc

    data = cv_svc.load_cv(uowf, cadre_id, form=form)
    name = cv_svc.cv_title(data)
    out = Path(tempfile.mkstemp(prefix=f"{FORM_SHORT[form]}-", suffix=".pdf", dir=_scratch_dir())[1])
    cv_svc.render_cv(data, out)
    batch_svc.record_export(uowf, f"cv_{form}", [cadre_id], str(out))
    return str(out), name


class DocumentActions:
    """The "In sơ yếu lý lịch" actions of the main window's Hồ sơ menu."""

    def __init__(self, window: Any, menu: QMenu) -> None:
        self.window = window
        self.previews: list[PdfPreviewDialog] = []
        menu.addSeparator()
        for form, _label in FORMS:
            act = QAction(translate("Documents", "Print CV — {form}…").format(form=form_label(form)), window)
            if form == "bnv":
                act.setShortcut(QKeySequence.StandardKey.Print)
            act.triggered.connect(lambda _c=False, f=form: self.preview_current(f))
            menu.addAction(act)
        act = QAction(translate("Documents", "Print CVs in &batch (the selected people)…"), window)
        act.setShortcut(QKeySequence("Ctrl+Shift+P"))
        act.triggered.connect(self.batch_selected)
        menu.addAction(act)

    def preview_current(self, form: str = "bnv") -> None:
        w = self.window
        row = w.model.row_at(w.table.currentIndex().row())
        if row is None:
            QMessageBox.information(w, translate("Documents", "No one selected"),
                                    translate("Documents", "Choose a person in the list to print the CV."))
            return
        self.preview(row.id, form)

    def preview(self, cadre_id: str, form: str = "bnv") -> None:
        w, uowf = self.window, self.window.uowf
        w.statusBar().showMessage(translate("Documents", "Making the CV…"), 3000)
        w.tasks.run_db(lambda: render_one(uowf, cadre_id, form), on_done=lambda r: self._show(r, form),
                       on_error=lambda exc: self._failed(exc))

    def _show(self, result: tuple[str, str], form: str) -> PdfPreviewDialog:
        path, name = result
        title = translate("Documents", "CV of {name} ({form})").format(name=name, form=form_label(form))
        file_name = f"Sơ yếu lý lịch {name} ({FORM_SHORT[form]}).pdf"  # i18n: data (the document's name)
        from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        dlg = PdfPreviewDialog(path, title, self.window, suggested_name=file_name)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda _o=None, d=dlg: self.previews.remove(d) if d in self.previews else None)
        self.previews.append(dlg)
        dlg.show()
        return dlg

    def _failed(self, exc: BaseException) -> None:
        from canbo_desktop.ui.main_window import show_error

        show_error(self.window, exc)

    def batch_selected(self) -> None:
        w = self.window
        rows = sorted({i.row() for i in w.table.selectionModel().selectedRows()})
        ids = [r.id for r in (w.model.row_at(i) for i in rows) if r is not None]
        if not ids:
            QMessageBox.information(w, translate("Documents", "No one selected"),
                                    translate("Documents", "Choose the people to print in the list "
                                                           "(Ctrl+A selects everyone shown)."))
            return
        dlg = CvBatchDialog(w.db.target, ids, w.tasks, w, actor=w.user)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()


class _Progress(QObject):
    moved = Signal(float, str)  # emitted from the worker thread, delivered on the GUI thread


class CvBatchDialog(QDialog):
    """Many CVs: one PDF per person in a folder, or one merged PDF with a bookmark per person."""

    def __init__(self, db_target: str, cadre_ids: list[str], tasks: TaskRunner, parent: QWidget | None = None, *,
                 actor: str = "batch") -> None:
        super().__init__(parent)
        self.db_target, self.ids, self.tasks = db_target, cadre_ids, tasks
        self.actor = actor  # the logged-in user: the batch is checked against and masked for that user
        self.cancel_token: Any = None  # services.pdf.batch.CancelToken while running
        self.result: Any = None  # services.pdf.batch.BatchResult when done
        self.setWindowTitle(translate("Documents", "Print CVs in batch"))
        self.resize(620, 300)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(translate("Documents", "<b>{count}</b> people selected.").format(count=len(cadre_ids))))
        form = QFormLayout()
        self.form = QComboBox()
        for code, _label in FORMS:
            self.form.addItem(form_label(code), code)
        form.addRow(translate("Documents", "Form"), self.form)
        self.one_per_person = QRadioButton(translate("Documents", "One PDF file per person (into a folder)"))
        self.merged = QRadioButton(translate("Documents", "One merged PDF file, with an index by name"))
        self.one_per_person.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_per_person)
        group.addButton(self.merged)
        choice = QVBoxLayout()
        choice.addWidget(self.one_per_person)
        choice.addWidget(self.merged)
        form.addRow(translate("Documents", "Output"), choice)
        where = QHBoxLayout()
        self.target = QLineEdit()
        self.target.setPlaceholderText(translate("Documents", "Folder or file to write"))
        browse = QPushButton(translate("Documents", "Choose…"))
        browse.clicked.connect(self._browse)
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        form.addRow(translate("Documents", "Write to"), where)
        v.addLayout(form)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        v.addWidget(self.bar)
        self.status = QLabel(translate("Documents", "Choose where to write, then click «Start»."))
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(translate("Documents", "Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(translate("Documents", "Stop"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = buttons.addButton(translate("Documents", "Close"),
                                              QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        v.addWidget(buttons)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)

    def _browse(self) -> None:
        if self.merged.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, translate("Documents", "Merged PDF file"), "so-yeu-ly-lich.pdf",
                                                  translate("Documents", "PDF files (*.pdf)"))
        else:
            path = QFileDialog.getExistingDirectory(self, translate("Documents", "Folder for the PDF files"))
        if path:
            self.target.setText(path)

    def start(self) -> None:
        target = self.target.text().strip()
        if not target:
            self.status.setText(translate("Documents", "Choose the folder (or the merged file) to write."))
            return
        merged = self.merged.isChecked()
        if merged and not target.lower().endswith(".pdf"):
            target += ".pdf"
        form = str(self.form.currentData())
        from canbo_desktop.services.pdf import batch as batch_svc

        token = self.cancel_token = batch_svc.CancelToken()
        emit = self._progress.moved.emit
        ids, db, actor = list(self.ids), self.db_target, self.actor
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(translate("Documents", "Making the files…"))

        def work() -> Any:
            return batch_svc.render_cv_batch(db, ids, out_dir=None if merged else target,
                                             merged=target if merged else None, form=form,
                                             progress=lambda f, m: emit(f, m), cancel=token, actor=actor)

        self.tasks.run(work, on_done=self._finished, on_error=self._failed)

    def cancel(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.status.setText(translate("Documents", "Stopping after the file being made…"))

    def _moved(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.status.setText(message)

    def _finished(self, result: Any) -> None:
        self.result = result
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(True)
        self.bar.setValue(1000 if not result.cancelled else self.bar.value())
        text = (translate("Documents", "Stopped: {done}/{total} CVs written.").format(done=result.done,
                                                                                      total=result.total)
                if result.cancelled
                else translate("Documents", "Done: {done}/{total} CVs in {seconds} seconds.")
                .format(done=result.done, total=result.total, seconds=f"{result.seconds:.1f}"))
        if result.failed:
            text += " " + translate("Documents", "{count} people could not be made: {errors}").format(
                count=len(result.failed), errors="; ".join(m for _i, m in result.failed[:3]))
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(True)
        self.status.setText(getattr(exc, "message", None)
                            or translate("Documents", "Could not make the files: {error}").format(error=exc))
