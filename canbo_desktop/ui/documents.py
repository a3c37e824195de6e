"""Documents from the cadre list: preview and print one person's CV, or write many on a worker.

One CV is drawn on the database lane (about 60 ms) into a temporary file and shown in the preview,
where the clerk prints it or saves a copy. Many CVs go through ``render_cv_batch`` (both cores, a
separate process each) with a progress bar and a Cancel button; the files already written stay.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

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

from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from canbo_desktop.ui.tasks import TaskRunner

# reportlab (and the PDF services) load on the first document, not with the main window

FORMS = (("bnv", "Mẫu 2C-BNV/2008 (công chức)"), ("tctw", "Mẫu 2C/TCTW-98 (cán bộ, đảng viên)"))
FORM_SHORT = {"bnv": "2C-BNV-2008", "tctw": "2C-TCTW-98"}


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
        for form, label in FORMS:
            act = QAction(f"In sơ yếu lý lịch — {label}…", window)
            if form == "bnv":
                act.setShortcut(QKeySequence.StandardKey.Print)
            act.triggered.connect(lambda _c=False, f=form: self.preview_current(f))
            menu.addAction(act)
        act = QAction("In sơ yếu lý lịch &hàng loạt (những người đã chọn)…", window)
        act.setShortcut(QKeySequence("Ctrl+Shift+P"))
        act.triggered.connect(self.batch_selected)
        menu.addAction(act)

    def preview_current(self, form: str = "bnv") -> None:
        w = self.window
        row = w.model.row_at(w.table.currentIndex().row())
        if row is None:
            QMessageBox.information(w, "Chưa chọn người", "Chọn một người trong danh sách để in sơ yếu lý lịch.")
            return
        self.preview(row.id, form)

    def preview(self, cadre_id: str, form: str = "bnv") -> None:
        w, uowf = self.window, self.window.uowf
        w.statusBar().showMessage("Đang tạo sơ yếu lý lịch…", 3000)
        w.tasks.run_db(lambda: render_one(uowf, cadre_id, form), on_done=lambda r: self._show(r, form),
                       on_error=lambda exc: self._failed(exc))

    def _show(self, result: tuple[str, str], form: str) -> PdfPreviewDialog:
        path, name = result
        dlg = PdfPreviewDialog(path, f"Sơ yếu lý lịch {name} ({dict(FORMS)[form]})", self.window,
                               suggested_name=f"Sơ yếu lý lịch {name} ({FORM_SHORT[form]}).pdf")
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
            QMessageBox.information(w, "Chưa chọn người", "Chọn những người cần in trong danh sách "
                                    "(Ctrl+A chọn tất cả những người đang hiện).")
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
        self.setWindowTitle("In sơ yếu lý lịch hàng loạt")
        self.resize(620, 300)
        v = QVBoxLayout(self)
        v.addWidget(QLabel(f"<b>{len(cadre_ids)}</b> người đã chọn."))
        form = QFormLayout()
        self.form = QComboBox()
        for code, label in FORMS:
            self.form.addItem(label, code)
        form.addRow("Mẫu", self.form)
        self.one_per_person = QRadioButton("Mỗi người một tệp PDF (vào một thư mục)")
        self.merged = QRadioButton("Một tệp PDF gộp, có mục lục theo tên")
        self.one_per_person.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_per_person)
        group.addButton(self.merged)
        choice = QVBoxLayout()
        choice.addWidget(self.one_per_person)
        choice.addWidget(self.merged)
        form.addRow("Cách ghi", choice)
        where = QHBoxLayout()
        self.target = QLineEdit()
        self.target.setPlaceholderText("Thư mục hoặc tệp sẽ ghi")
        browse = QPushButton("Chọn…")
        browse.clicked.connect(self._browse)
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        form.addRow("Ghi vào", where)
        v.addLayout(form)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        v.addWidget(self.bar)
        self.status = QLabel("Chọn nơi ghi rồi bấm «Bắt đầu».")
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton("Bắt đầu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("Dừng", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        v.addWidget(buttons)
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)

    def _browse(self) -> None:
        if self.merged.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, "Tệp PDF gộp", "so-yeu-ly-lich.pdf", "Tệp PDF (*.pdf)")
        else:
            path = QFileDialog.getExistingDirectory(self, "Thư mục ghi các tệp PDF")
        if path:
            self.target.setText(path)

    def start(self) -> None:
        target = self.target.text().strip()
        if not target:
            self.status.setText("Chọn thư mục (hoặc tệp gộp) sẽ ghi.")
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
        self.status.setText("Đang tạo…")

        def work() -> Any:
            return batch_svc.render_cv_batch(db, ids, out_dir=None if merged else target,
                                             merged=target if merged else None, form=form,
                                             progress=lambda f, m: emit(f, m), cancel=token, actor=actor)

        self.tasks.run(work, on_done=self._finished, on_error=self._failed)

    def cancel(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.status.setText("Đang dừng sau tệp đang tạo…")

    def _moved(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        self.status.setText(message)

    def _finished(self, result: Any) -> None:
        self.result = result
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(True)
        self.bar.setValue(1000 if not result.cancelled else self.bar.value())
        text = (f"Đã dừng: ghi được {result.done}/{result.total} sơ yếu lý lịch." if result.cancelled
                else f"Xong: {result.done}/{result.total} sơ yếu lý lịch trong {result.seconds:.1f} giây.")
        if result.failed:
            text += f" {len(result.failed)} người không tạo được: " + "; ".join(m for _i, m in result.failed[:3])
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.start_button.setEnabled(True)
        self.status.setText(getattr(exc, "message", None) or f"Không tạo được: {exc}")
