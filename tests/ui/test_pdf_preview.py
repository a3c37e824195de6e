"""The PDF preview: shows every page, prints exactly the file, saves a copy."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from canbo_desktop.services.pdf.fonts import SERIF, register_fonts
from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog


def two_pages(path: Path) -> Path:
    register_fonts()
    c = Canvas(str(path), pagesize=A4, initialFontName=SERIF)
    for text in ("SƠ YẾU LÝ LỊCH", "Trang hai"):
        c.setFont(SERIF, 14)
        c.drawString(100, 700, text)
        c.showPage()
    c.save()
    return path


def test_preview_prints_and_saves(qtbot, tmp_path: Path) -> None:
    dlg = PdfPreviewDialog(two_pages(tmp_path / "cv.pdf"), "Sơ yếu lý lịch", suggested_name="Đặng Quốc Việt.pdf")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.page_count() == 2 and "2 trang" in dlg.pages.text()

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setResolution(100)  # quick in the test; a real printer gets its own resolution
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dlg.print_to(printer) == 2
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M)

    copy = dlg.save_to(tmp_path / "ban sao")
    assert copy.suffix == ".pdf" and copy.read_bytes() == (tmp_path / "cv.pdf").read_bytes()
