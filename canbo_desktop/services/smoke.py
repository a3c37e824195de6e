"""Self-test of an installed or frozen build: database, migrations, fonts, one PDF (no Qt here)."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import open_database
from canbo_desktop.services.demo import create_demo_database
from canbo_desktop.services.pdf.fonts import SERIF, SERIF_BOLD, register_fonts

SAMPLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Nguyễn Thị Hồng Nhung, Đặng Quốc Việt"


def run_smoke(folder: Path | None = None) -> dict[str, Any]:
    """Create a small demo database, migrate it, search it and render a one-page PDF."""
    work = Path(folder or tempfile.mkdtemp(prefix="canbo-smoke-"))
    db = open_database(str(work / "smoke.db"), create=True)
    try:
        create_demo_database(db, size="small", seed=3)
        found = search_cadres(db.uow("smoke"), "dang viet", limit=5)
    finally:
        db.close()
    register_fonts()
    pdf = work / "smoke.pdf"
    c = Canvas(str(pdf), pagesize=A4, initialFontName=SERIF)
    c.setFont(SERIF_BOLD, 13)
    c.drawString(72, 780, unicodedata.normalize("NFC", SAMPLE))
    c.setFont(SERIF, 12)
    c.drawString(72, 760, f"Tìm thấy: {found[0].full_name if found else '—'}")
    c.save()
    return {"database": db.migration, "found": [r.full_name for r in found], "pdf": str(pdf), "pdf_bytes": pdf.stat().st_size}
