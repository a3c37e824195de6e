"""Printing from the list: one CV into the preview, many into a folder or one merged file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from canbo_desktop.services.database import Database
from canbo_desktop.ui.documents import CvBatchDialog
from tests.ui.test_main_window import make_window


def text_of(pdf: str | Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())  # names may wrap onto the next line of the form


def test_preview_of_the_current_person(qtbot, demo_db: Database) -> None:
    w = make_window(qtbot, demo_db)
    qtbot.keyClicks(w.search, "cong tang ton nu")
    w.apply_search()
    qtbot.waitUntil(lambda: w.model.rowCount() >= 1, timeout=3000)
    w.table.selectRow(0)
    w.documents.preview_current("bnv")
    qtbot.waitUntil(lambda: bool(w.documents.previews), timeout=10_000)
    dlg = w.documents.previews[-1]
    assert dlg.page_count() >= 2 and "Công Tằng Tôn Nữ Thị Bích Ngọc" in dlg.windowTitle()
    assert "CÔNG TẰNG TÔN NỮ THỊ BÍCH NGỌC" in text_of(dlg.pdf_path)
    dlg.close()


def test_batch_into_one_merged_file_and_into_a_folder(qtbot, demo_db: Database, tmp_path: Path) -> None:
    w = make_window(qtbot, demo_db)
    ids = [w.model.row_at(r).id for r in range(3)]
    dlg = CvBatchDialog(w.db.target, ids, w.tasks, w)
    qtbot.addWidget(dlg)
    dlg.merged.setChecked(True)
    dlg.target.setText(str(tmp_path / "ba-nguoi"))
    dlg.start()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=60_000)
    assert dlg.result.done == 3 and (tmp_path / "ba-nguoi.pdf").exists()
    assert "Xong: 3/3" in dlg.status.text() and dlg.close_button.isEnabled()
    names = [w.model.row_at(r).full_name.upper() for r in range(3)]
    merged = text_of(tmp_path / "ba-nguoi.pdf")
    assert all(n in merged for n in names)

    folder = CvBatchDialog(w.db.target, ids[:2], w.tasks, w)
    qtbot.addWidget(folder)
    folder.target.setText(str(tmp_path / "thu-muc"))
    folder.start()
    qtbot.waitUntil(lambda: folder.result is not None, timeout=60_000)
    assert len(list((tmp_path / "thu-muc").glob("*.pdf"))) == 2
