"""Self-test of an installed or frozen build: database, migrations, fonts, one PDF (no Qt here).

``canbo-desktop --smoke`` runs this, then builds the main window once on the database it made. CI runs it on
the frozen bundle, so a missing data file, hidden import or Qt plugin fails the build instead of a clerk's day.
"""

from __future__ import annotations

import importlib
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from canbo_desktop import paths
from canbo_desktop.i18n import translate
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import open_database
from canbo_desktop.services.demo import create_demo_database
from canbo_desktop.services.pdf.fonts import SERIF, SERIF_BOLD, register_fonts

SAMPLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Nguyễn Thị Hồng Nhung, Đặng Quốc Việt"  # i18n: data (PDF text)
# Data folders the program reads at run time; a build without one of them is broken.
REQUIRED_RESOURCES = ("fonts/LiberationSerif-Regular.ttf", "fonts/OFL-Liberation.txt", "codelists/titles.json",
                      "rules/retirement_age.json", "icons/canbo-desktop.svg", "icons/canbo-desktop.png")


def database_drivers() -> list[str]:
    """The database drivers this build can load: always sqlite3; psycopg when PostgreSQL support is bundled."""
    found = []
    for name in ("sqlite3", "psycopg"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if name == "psycopg":  # the binary implementation (libpq inside psycopg_binary) must load too
            found.append(f"psycopg-{module.pq.__impl__}")
        else:
            found.append(name)
    return found


def missing_resources() -> list[str]:
    return [rel for rel in REQUIRED_RESOURCES if not paths.resource(*rel.split("/")).is_file()]


def run_smoke(folder: Path | None = None) -> dict[str, Any]:
    """Create a small demo database, migrate it, search it and render a one-page PDF.

    The database stays in ``folder`` (a new temporary folder by default) for the caller to open; its path is
    ``result["path"]``."""
    missing = missing_resources()
    if missing:
        raise FileNotFoundError(translate("services.smoke", "Program data files are missing: {files} (in {folder})"
                                          ).format(files=", ".join(missing), folder=paths.resources_dir()))
    work = Path(folder or tempfile.mkdtemp(prefix="canbo-smoke-"))
    db_path = work / "smoke.db"
    db = open_database(str(db_path), create=True)
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
    c.drawString(72, 760, f"Tìm thấy: {found[0].full_name if found else '—'}")  # i18n: data (PDF text)
    c.save()
    return {
        "database": db.migration,
        "path": str(db_path),
        "found": [r.full_name for r in found],
        "pdf": str(pdf),
        "pdf_bytes": pdf.stat().st_size,
        "drivers": database_drivers(),
    }
