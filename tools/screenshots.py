"""Render the main screens on the demo database to PNG files (offscreen), for people to look at.

Usage: python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CANBO_DATA_DIR", tempfile.mkdtemp(prefix="canbo-shots-"))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtGui import QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from canbo_desktop import paths  # noqa: E402
from canbo_desktop.services.database import open_database  # noqa: E402
from canbo_desktop.services.demo import create_demo_database  # noqa: E402
from canbo_desktop.services.setup import office_info  # noqa: E402
from canbo_desktop.ui.main_window import MainWindow  # noqa: E402
from canbo_desktop.ui.tasks import TaskRunner  # noqa: E402

SIZE = (1366, 768)


def demo_database(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / "district-demo.db"
    if not path.exists():
        db = open_database(str(path), create=True)
        create_demo_database(db, size="district", seed=1)
        db.close()
    return path


def slug(text: str) -> str:
    from canbo_desktop.domain.text import fold_words

    return "-".join(fold_words(text))


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("CanBoDesktopScreens")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for ttf in sorted(paths.resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    QSettings().clear()
    # the first-run wizard on an empty database
    empty = Path(tempfile.mkdtemp(prefix="canbo-first-run-")) / "new.db"
    from canbo_desktop.ui.dialogs.first_run import FirstRunWizard

    fresh = open_database(str(empty), create=True)
    wiz = FirstRunWizard(fresh)
    wiz.show()
    for step in range(3):
        if step == 1:
            wiz.office.code.setText("40123")
            wiz.office.name.setText("Ủy ban nhân dân xã Thanh Hà")
            wiz.office.place.setText("Thanh Hà")
            wiz.office.symbol.setText("UBND")
        app.processEvents()
        wiz.grab().save(str(out / f"first-run-{step + 1}.png"))
        print(out / f"first-run-{step + 1}.png")
        wiz.next()
    wiz.close()
    fresh.close()
    db = open_database(str(demo_database(Path("build/screenshots-cache"))))
    with db.uow("canbo")() as uow:
        office = office_info(uow)
    w = MainWindow(db, office, "canbo", TaskRunner(synchronous=True))
    w.resize(*SIZE)
    w.show()
    app.processEvents()
    shots = {"main-window-list.png": ""}
    shots["main-window-search.png"] = "nguyen thi hong"
    for name, query in shots.items():
        w.search.setText(query)
        w.apply_search()
        app.processEvents()
        w.grab().save(str(out / name))
        print(out / name)
    # every section of the navigation
    from canbo_desktop.ui.main_window import SECTIONS

    for key, _label in SECTIONS:
        page = w.show_section(key)
        if key == "reminders":
            page.at.setText("22/11/2026")  # type: ignore[attr-defined]
            page.reload()  # type: ignore[attr-defined]
            page.kinds.setCurrentRow(1)  # type: ignore[attr-defined]
        elif key == "appointments":
            page.search.setText("dang quoc viet")  # type: ignore[attr-defined]
            page._find_people()  # type: ignore[attr-defined]
            page.title.set_value("chu_tich_ubnd_xa")  # type: ignore[attr-defined]
            page.on.setText("01/12/2026")  # type: ignore[attr-defined]
            page.check()  # type: ignore[attr-defined]
        elif key == "admin":
            keys = [page.rule_list.item(i).data(256) for i in range(page.rule_list.count())]  # type: ignore[attr-defined]
            page.rule_list.setCurrentRow(keys.index("retirement_age"))  # type: ignore[attr-defined]
        app.processEvents()
        name = f"section-{list(dict(SECTIONS)).index(key) + 1}-{key}.png"
        w.grab().save(str(out / name))
        print(out / name)
    w.show_section("records")
    # the record editor, one picture per tab, on the showcase person
    w.search.setText("dang quoc viet")
    w.apply_search()
    w.table.setCurrentIndex(w.model.index(0, 0))
    w._open_current()
    editor = w.editors[-1]
    editor.resize(*SIZE)
    if not editor.file.cadre.photo_sha256:  # a drawn placeholder portrait, so the 4×6 box shows a photo
        import io

        from PIL import Image, ImageDraw

        img = Image.new("RGB", (400, 600), (70, 110, 170))
        draw = ImageDraw.Draw(img)
        draw.ellipse((120, 110, 280, 300), fill=(235, 205, 180))
        draw.rectangle((80, 330, 320, 600), fill=(245, 245, 245))
        buf = io.BytesIO()
        img.save(buf, "JPEG")
        editor.photo_date.setText("01/09/2026")
        editor.set_photo(buf.getvalue())
    app.processEvents()
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        app.processEvents()
        name = f"editor-{i + 1:02d}-{slug(editor.tabs.tabText(i))}.png"
        editor.grab().save(str(out / name))
        print(out / name)
    editor.undo.setClean()
    editor.close()
    w.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
