"""Composition root of the GUI (``canbo-desktop``): paths, logging, excepthook, database, Qt, main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from canbo_desktop import APP_DISPLAY_NAME, APP_NAME, __version__, paths
from canbo_desktop.domain.errors import CanboError

log = logging.getLogger("canbo_desktop")


def tune_gc() -> None:
    """Collect garbage less often. The cadre list keeps up to 100,000 row objects alive; with the default
    thresholds a full collection walks them all every few pages and freezes the window for 100–150 ms
    while scrolling (benchmarks/: stall 149 ms → 86 ms). Objects made at start-up are frozen out of it."""
    import gc

    gc.set_threshold(50_000, 20, 1000)
    gc.freeze()


def setup_logging() -> Path:
    """A rotating log file in the platform log directory (and stderr when run from a console)."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    logfile = folder / "canbo-desktop.log"
    handler = logging.handlers.RotatingFileHandler(logfile, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return logfile


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="canbo-desktop", description=f"{APP_DISPLAY_NAME} {__version__}")
    p.add_argument("--db", help="tệp SQLite hoặc URL PostgreSQL (mặc định: CANBO_DB hoặc tệp trong thư mục dữ liệu)")
    p.add_argument("--user", default=os.environ.get("CANBO_USER", "admin"))
    p.add_argument("--demo", action="store_true", help="tạo cơ sở dữ liệu mẫu nếu chưa có")
    p.add_argument("--smoke", action="store_true", help="tự kiểm tra (CSDL, phông, PDF, cửa sổ) rồi thoát")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logfile = setup_logging()
    log.info("%s %s starting", APP_NAME, __version__)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication, QMessageBox

    from canbo_desktop.services.database import open_database, resolve_target
    from canbo_desktop.services.setup import office_info

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for ttf in sorted(paths.resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    tune_gc()

    def excepthook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(etype, value, tb))
        log.error("uncaught exception\n%s", details)
        if isinstance(value, CanboError):
            QMessageBox.warning(None, APP_DISPLAY_NAME, value.message)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, APP_DISPLAY_NAME,
                          f"Chương trình gặp lỗi không mong muốn. Chi tiết đã được ghi vào:\n{logfile}")
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = excepthook

    if args.smoke:
        from canbo_desktop.services.smoke import run_smoke

        result = run_smoke()
        print(f"smoke: database={result['database']} found={result['found'][:1]} pdf_bytes={result['pdf_bytes']} "
              f"platform={QApplication.platformName()}")
        return 0 if result["found"] and result["pdf_bytes"] > 1000 else 1

    target = resolve_target(args.db)
    try:
        if args.demo and "://" not in target and not Path(target).exists():
            from canbo_desktop.services.demo import create_demo_database

            Path(target).parent.mkdir(parents=True, exist_ok=True)
            log.info("creating the demo database at %s", target)
            db = open_database(target, create=True)
            create_demo_database(db, size="district", seed=1)
        else:
            first_run = "://" not in target and not Path(target).exists()
            if first_run:
                Path(target).parent.mkdir(parents=True, exist_ok=True)
            db = open_database(target, create=first_run)
        with db.uow(args.user)() as uow:
            office = office_info(uow)
    except CanboError as exc:
        QMessageBox.critical(None, APP_DISPLAY_NAME, exc.message)
        return exc.exit_code
    user = args.user
    if office is None:  # an empty database: the first-run wizard
        from canbo_desktop.ui.dialogs.first_run import FirstRunWizard

        wizard = FirstRunWizard(db)
        if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
            db.close()
            return 0
        user = wizard.user
        with db.uow(user)() as uow:
            office = office_info(uow)

    from canbo_desktop.ui.main_window import MainWindow
    from canbo_desktop.ui.tasks import TaskRunner

    tasks = TaskRunner()
    window = MainWindow(db, office, user, tasks)
    window.show()
    code = app.exec()
    tasks.wait()
    db.close()
    return int(code)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the frozen build starts the demo generator process through this
    raise SystemExit(main())
