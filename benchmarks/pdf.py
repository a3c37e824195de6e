"""PDF benchmarks: one 2C CV, 1,000 CVs on a process pool, and the LibreOffice baseline.

``run_pdf_benchmark(db_path)`` returns ``{"results": [...], "cv_pages": …}``; each result has the keys the
other scenarios of ``benchmarks/__main__.py`` print (scenario, median_ms, budget_ms, floor, floor_ms,
ratio). Ratios are measured in the same run, because the machines are shared and noisy:

* one CV: median of 20 renders (data already read) and of 20 read + render; floor: one bare reportlab
  page with the same registered font and ~40 lines of text (what any PDF costs here);
* 1,000 CVs: wall time of ``render_cv_batch`` with one process per core, one file per person;
* baseline: the same CV written as a DOCX and converted by LibreOffice headless (``soffice --convert-to
  pdf``), the way a clerk's Word file becomes a PDF today; only when ``soffice`` is installed.

Run alone: ``python -m benchmarks.pdf DB_PATH``.
"""

from __future__ import annotations

import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.services.database import open_database
from canbo_desktop.services.pdf.batch import render_cv_batch
from canbo_desktop.services.pdf.cv import CvData, load_cv, render_cv


def _median_ms(fn: Any, repeat: int = 20, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _floor_page() -> None:
    """A bare reportlab page: the registered Vietnamese font, 40 lines, saved to memory."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from canbo_desktop.services.pdf.fonts import SERIF, register_fonts

    register_fonts()
    c = Canvas(io.BytesIO(), pagesize=A4, initialFontName=SERIF)
    c.setFont(SERIF, 12)
    for i in range(40):
        c.drawString(72, 800 - i * 18, f"{i + 1}) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN THỊ HỒNG NHUNG")
    c.showPage()
    c.save()


def _richest_person(db_path: str) -> str:
    """The person with the most CV rows (a realistic 3–4 page CV)."""
    db = open_database(db_path)
    try:
        with db.uow("bench")() as uow:
            s = uow.session
            name = s.scalars(select(m.CadreRecord.id).where(m.CadreRecord.full_name == "Công Tằng Tôn Nữ Thị Bích Ngọc")).first()
            if name:
                return name
            return s.scalars(select(m.CadreRecord.id).order_by(m.CadreRecord.name_sort_key).limit(1)).one()
    finally:
        db.close()


def _docx(data: CvData, path: Path) -> None:
    """The same CV as a Word file: the text of every item and the tables (a fair DOCX to convert)."""
    from canbo_desktop.services.pdf.cv import cv_story
    from canbo_desktop.services.pdf.layout import Grid, Inline

    def runs(f: Inline) -> str:
        if f._lines is None:
            f.wrap(460, 10_000)
        texts = [op[2] for line in (f._lines or []) for op in line if op[0] == "t"]
        return " ".join(texts)

    body: list[str] = []
    for f in cv_story(data):
        if isinstance(f, Inline):
            body.append(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(runs(f))}</w:t></w:r></w:p>")
        elif isinstance(f, Grid):
            rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{escape(runs(c))}</w:t></w:r></w:p></w:tc>" for c in r)
                           + "</w:tr>" for r in f.rows)
            body.append(f"<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/>"
                        f"</w:tblBorders></w:tblPr>{rows}</w:tbl><w:p/>")
    doc = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
           "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
           + "".join(body) + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" "
           "w:bottom=\"1134\" w:left=\"1701\"/></w:sectPr></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                   "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                   "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                   "wordprocessingml.document.main+xml\"/></Types>")
        z.writestr("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                   "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                   "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                   "</Relationships>")
        z.writestr("word/document.xml", doc)


def _libreoffice(data: CvData, runs: int = 5) -> dict[str, Any]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {"available": False, "reason": "soffice (LibreOffice) is not installed on this machine"}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.docx"
        _docx(data, src)
        profile = Path(tmp) / "profile"
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp,
               str(src)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)  # first start creates the profile
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, timeout=300)
            times.append(time.perf_counter() - t)
        ok = (Path(tmp) / "cv.pdf").exists()
    return {"available": ok, "median_ms": round(statistics.median(times) * 1000, 1), "runs": runs, "command": "soffice "
            "--headless --convert-to pdf (one process per document, warm user profile)"}


def run_pdf_benchmark(db_path: str, *, batch_size: int = 1000) -> dict[str, Any]:
    """Measure the PDF scenarios on the database at ``db_path`` (the district or province demo)."""
    cid = _richest_person(db_path)
    db = open_database(db_path)
    try:
        uowf = db.uow("bench")
        data = load_cv(uowf, cid)
        pages = render_cv(data, io.BytesIO())
        render = _median_ms(lambda: render_cv(data, io.BytesIO()))
        load_render = _median_ms(lambda: render_cv(load_cv(uowf, cid), io.BytesIO()))
        floor = _median_ms(_floor_page)
        with uowf() as uow:
            ids = list(uow.session.scalars(select(m.CadreRecord.id).where(m.CadreRecord.trashed_at.is_(None))
                                           .order_by(m.CadreRecord.name_sort_key).limit(batch_size)))
        target = db.target
    finally:
        db.close()
    with tempfile.TemporaryDirectory() as tmp:
        batch = render_cv_batch(target, ids, out_dir=tmp)
    office = _libreoffice(data)
    results: list[dict[str, Any]] = [
        {"scenario": f"PDF: one 2C CV ({pages} pages), data already read", "median_ms": round(render, 1),
         "budget_ms": 60, "floor": "bare reportlab page, same font, 40 lines", "floor_ms": round(floor, 2),
         "ratio": round(render / floor, 1) if floor else None, "read_and_render_ms": round(load_render, 1)},
        {"scenario": f"PDF: {len(ids)} CVs, one file each, process pool", "median_ms": round(batch.seconds * 1000, 0),
         "budget_ms": 60_000, "floor": f"{len(ids)} × one CV in one process", "floor_ms": round(len(ids) * load_render, 0),
         "ratio": round(batch.seconds * 1000 / (len(ids) * load_render), 2) if load_render else None,
         "workers": batch.workers, "written": batch.done, "failed": len(batch.failed)},
    ]
    if office.get("available"):
        results.append({"scenario": "PDF: same CV as DOCX → PDF by LibreOffice headless (baseline)",
                        "median_ms": office["median_ms"], "budget_ms": None, "floor": "our read + render of that CV",
                        "floor_ms": round(load_render, 1), "ratio": round(office["median_ms"] / load_render, 1),
                        "speedup": f"{office['median_ms'] / load_render:.0f}× faster than LibreOffice"})
    return {"results": results, "cv_pages": pages, "libreoffice": office}


if __name__ == "__main__":
    import json

    out = run_pdf_benchmark(sys.argv[1])
    print(json.dumps(out, ensure_ascii=False, indent=2))
