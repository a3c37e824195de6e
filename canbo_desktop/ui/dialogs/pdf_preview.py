"""Preview a generated PDF, print it, or save a copy: what a clerk does with every dossier.

The PDF is shown with QtPdf's ``QPdfView`` (all pages, fit to width). Printing renders each page at the
printer's resolution into the ``QPrinter``, so what prints is exactly the previewed file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.i18n import translate
from canbo_desktop.ui.widgets.screen import fit_window, text_size


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf_path: str | Path, title: str, parent: QWidget | None = None, *,
                 suggested_name: str = "") -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.suggested_name = suggested_name or self.pdf_path.name
        self.setWindowTitle(title)
        # an A4 page wide, as tall as the screen allows (90 % of it at most: 1366×768 at 150 % is 911×512)
        fit_window(self, *text_size(self, 112, 200))
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = QAction(translate("PdfPreview", "Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_dialog)
        self.save_action = QAction(translate("PdfPreview", "Save as a file…"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_dialog)
        zoom_in = QAction(translate("PdfPreview", "Zoom in"), self)
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self._zoom(1.25))
        zoom_out = QAction(translate("PdfPreview", "Zoom out"), self)
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self._zoom(0.8))
        fit = QAction(translate("PdfPreview", "Fit width"), self)
        fit.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        for a in (self.print_action, self.save_action):
            bar.addAction(a)
        bar.addSeparator()
        for a in (zoom_out, zoom_in, fit):
            bar.addAction(a)
        self.pages = QLabel(self)
        bar.addSeparator()
        bar.addWidget(self.pages)
        self.pages.setText("  " + translate("PdfPreview", "{count} pages").format(count=self.document.pageCount()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    # ------------------------------------------------------------------ save

    def save_dialog(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, translate("PdfPreview", "Save the PDF file"), self.suggested_name,
                                                translate("PdfPreview", "PDF files (*.pdf)"))
        if target:
            self.save_to(target)

    def save_to(self, target: str | Path) -> Path:
        out = Path(target)
        if out.suffix.lower() != ".pdf":
            out = out.with_suffix(".pdf")
        try:
            shutil.copyfile(self.pdf_path, out)
        except OSError as exc:
            QMessageBox.warning(self, translate("PdfPreview", "Not saved"),
                                translate("PdfPreview", "Could not write the file {path}:\n{error}")
                                .format(path=out, error=exc.strerror or exc))
            raise
        return out

    # ------------------------------------------------------------------ print

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(300)  # sharp text; 1200 dpi would send ~35 MB per page to the printer
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("PdfPreview", "Print the document"))
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages the printer asks for (all by default); returns how many were printed."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, self.page_count()
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, translate("PdfPreview", "Not printed"),
                                translate("PdfPreview", "The printer is not ready."))
            return 0
        printed = 0
        try:
            for page in range(first - 1, min(last, self.page_count())):
                if printed:
                    printer.newPage()
                rect = painter.viewport()
                size_pt = self.document.pagePointSize(page)
                scale = min(rect.width() / size_pt.width(), rect.height() / size_pt.height())
                target = QSize(int(size_pt.width() * scale), int(size_pt.height() * scale))
                image = self.document.render(page, target)
                painter.drawImage(QPointF(0, 0), image)
                printed += 1
        finally:
            painter.end()
        return printed
