"""Composition root of the GUI (``canbo-desktop``): paths, logging, excepthook, database, Qt, main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from canbo_desktop import APP_DISPLAY_NAME, APP_NAME, __version__, paths
from canbo_desktop.domain.errors import CanboError

log = logging.getLogger("canbo_desktop")


def tune_gc() -> None:
    """Collect garbage less often. The cadre list keeps up to 100,000 row objects alive; with the default
    thresholds a full collection walks them all every few pages and freezes the window for 100–150 ms
    while scrolling (benchmarks/: stall 149 ms → 86 ms). Objects made at start-up are frozen out of it.
    ``main()`` turns collection off while it imports (some 190 collections over the new modules' objects, which
    all stay alive: 80–100 ms of CPU at every start, issue 13); it is back on from here."""
    import gc

    gc.set_threshold(50_000, 20, 1000)
    gc.freeze()
    gc.enable()


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
    p.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ giao diện (mặc định: theo cài đặt, hoặc tiếng Việt)")
    p.add_argument("--smoke", action="store_true", help="tự kiểm tra (CSDL, phông, PDF, cửa sổ) rồi thoát")
    return p.parse_args(argv)


def import_data_layer() -> None:
    """Import the database layer (SQLAlchemy, the models, the services of the first screens) before Qt.

    PySide6's import hook reads the source text of every module imported after it, looking for "PySide6"
    (``shibokensupport/feature.py``, for its ``__feature__`` switches, which we do not use): some 230 modules
    of SQLAlchemy and ours, 0.1–0.15 s of every start (issue 13). Modules imported before PySide6 are not read.
    """
    import sqlalchemy.dialects.sqlite  # noqa: F401  (the engine's dialect, otherwise loaded by create_engine)

    import canbo_desktop.services.auth  # noqa: F401  (the login)
    import canbo_desktop.services.cadres  # noqa: F401  (the list)
    import canbo_desktop.services.database  # noqa: F401
    import canbo_desktop.services.maintenance  # noqa: F401  (the conflicts counter)
    import canbo_desktop.services.refdata  # noqa: F401  (the code lists of the filters)
    import canbo_desktop.services.setup  # noqa: F401


class _Opening(threading.Thread):
    """The data layer's import and the database's opening (write lock, schema check, daily backup, the office),
    in the background while the login dialog waits for the password (issue 13: the clerk sees the login in a
    third of the time; the half second SQLAlchemy and the models take to import passes while they type)."""

    def __init__(self, target: str, user: str) -> None:
        super().__init__(name="canbo-opening", daemon=True)
        self.target, self.user = target, user
        self.db: Any = None  # services.database.Database (not imported here: that is the point)
        self.office: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        start = time.perf_counter()
        try:
            import_data_layer()
            from canbo_desktop.services.database import open_database
            from canbo_desktop.services.setup import office_info

            db = open_database(self.target, lock=True, daily_backup=True)  # services/locking, backup
            try:
                with db.uow(self.user)() as uow:
                    self.office = office_info(uow)
            except BaseException:
                db.close()
                raise
            self.db = db
            log.info("database opened behind the login in %.0f ms", (time.perf_counter() - start) * 1000)
        except BaseException as exc:  # handed to the GUI thread (database(), or the dialog's poll)
            self.error = exc

    def database(self) -> Any:
        """The opened database, waiting for it; raises what kept it from opening."""
        self.join()
        if self.error is not None:
            raise self.error
        return self.db


def _add_fonts() -> None:
    """The shipped fonts (Liberation: the documents' and the monospace fields'), for the windows and previews."""
    from PySide6.QtGui import QFontDatabase

    for ttf in sorted(paths.resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))


def _after_opening() -> None:
    """On the GUI thread once the data layer is in: collection back on, and the main window's modules imported
    while the clerk is still typing."""
    if getattr(_after_opening, "done", False):
        return
    _after_opening.done = True  # type: ignore[attr-defined]
    tune_gc()
    import canbo_desktop.ui.idle_lock  # noqa: F401
    import canbo_desktop.ui.main_window  # noqa: F401
    import canbo_desktop.ui.tasks  # noqa: F401


class _Prepared:
    """The main window built while the clerk types, for the user name the login was opened with: hidden, its
    first page read on the database lane. Used if that user signs in; closed otherwise."""

    def __init__(self) -> None:
        self.window: Any = None
        self.tasks: Any = None
        self.user = ""

    def build(self, db: Any, office: Any, user: str) -> None:
        if self.window is not None or not user:
            return
        from canbo_desktop.ui.main_window import MainWindow
        from canbo_desktop.ui.tasks import TaskRunner

        start = time.perf_counter()
        self.tasks, self.user = TaskRunner(), user
        self.window = MainWindow(db, office, user, self.tasks)
        self.window.model.query_finished.connect(self._rehearse)
        log.info("main window built behind the login in %.0f ms", (time.perf_counter() - start) * 1000)

    def _rehearse(self, _rows: int) -> None:
        """Paint the hidden window once into an image when its first page is in: the layout, the style's and
        the fonts' caches are then ready for its first paint on screen. Then hand each of its objects to Python
        once: the first object of a class PySide6 does not wrap (Qt's private ones: the window's animation
        timer, the first the idle lock's event filter sees) makes PySide6 create the Python enums of some 120
        classes, ~20–40 ms, which would otherwise fall in that first paint."""
        window = self.window
        if window is not None and not window.isVisible():
            from PySide6.QtCore import QObject

            start = time.perf_counter()
            window.model.query_finished.disconnect(self._rehearse)
            window.grab()
            window.findChildren(QObject)
            log.info("main window painted behind the login in %.0f ms", (time.perf_counter() - start) * 1000)

    def take(self, user: str) -> tuple[Any, Any]:
        """(window, tasks) when built for ``user``; else (None, None), the other window closed."""
        if self.window is not None and self.user == user:
            return self.window, self.tasks
        if self.window is not None:
            log.info("main window built for another user closed unused")
        self.discard()
        return None, None

    def discard(self) -> None:
        if self.window is not None:
            self.window.close()
            self.tasks.wait()
            self.window.deleteLater()
            self.window = self.tasks = None


def _sign_in_while_opening(app: Any, target: str, user: str, office_name: str,
                           prepared: _Prepared) -> tuple[Any, Any, str] | int:
    """The login dialog shown at once, the database opened behind it: (database, office, user) once signed in,
    or the exit code (cancelled, or the database could not be opened: its message is shown). Once the database
    is open, the main window for ``user`` is built behind the login too (``prepared``; issue 13: after Enter
    only its first paint is left)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from canbo_desktop.ui.dialogs.login import LoginDialog

    opening = _Opening(target, user)
    login = LoginDialog(None, user, office_name=office_name, opening=opening.database)
    failed: list[int] = []

    def poll() -> None:
        if opening.is_alive():
            return
        timer.stop()
        exc = opening.error
        if exc is None:
            _after_opening()
            # the next turn of the event loop: a key the clerk typed meanwhile is echoed first
            QTimer.singleShot(0, login, lambda: prepared.build(opening.db, opening.office, user)
                              if login.isVisible() and login.username.text().strip() == user else None)
            return
        if isinstance(exc, CanboError):
            QMessageBox.critical(login, APP_DISPLAY_NAME, exc.message)
            failed.append(exc.exit_code)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            failed.append(1)
        login.reject()

    timer = QTimer(login)
    timer.setInterval(20)
    timer.timeout.connect(poll)
    login.show()
    app.processEvents()  # painted before the background work starts competing for the interpreter
    opening.start()
    timer.start()
    accepted = login.exec() == LoginDialog.DialogCode.Accepted and login.session is not None
    timer.stop()
    opening.join()
    if not accepted or opening.error is not None:
        prepared.discard()
        if opening.db is not None:
            opening.db.close()
        return failed[0] if failed else (opening.error.exit_code if isinstance(opening.error, CanboError) else 0)
    _after_opening()
    assert login.session is not None
    return opening.db, opening.office, login.session.username


def _await_first_page(window: Any, limit_ms: int = 400) -> None:
    """Wait (at most ``limit_ms``) for the list's first page before the window is first shown, so that the clerk
    does not see an empty table for a moment: shown at once, the window paints itself empty while the page (~5 ms
    to read) waits in the queue behind that paint. (The list is not there sooner: the first paint then costs what
    the two did.)"""
    from PySide6.QtCore import QEventLoop, QTimer

    if not window.model.loading:  # already in (the window was built while the clerk typed)
        return
    loop = QEventLoop()
    window.model.query_finished.connect(loop.quit)  # queued from the database lane: not before exec()
    window.model.load_failed.connect(loop.quit)
    QTimer.singleShot(limit_ms, loop.quit)
    loop.exec()
    window.model.query_finished.disconnect(loop.quit)
    window.model.load_failed.disconnect(loop.quit)


def _crash_handler(logfile: Path) -> Any:
    """``sys.excepthook``: the crash dialog's module is imported at the first error, not at every start."""
    handler: list[Any] = []

    def hook(etype: type[BaseException], value: BaseException, tb: Any) -> None:
        if not handler:
            from canbo_desktop.ui.dialogs.crash import ExceptionHandler

            handler.append(ExceptionHandler(logfile))
        handler[0](etype, value, tb)

    return hook


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logfile = setup_logging()
    log.info("%s %s starting", APP_NAME, __version__)
    import gc

    gc.disable()  # while the modules are imported; tune_gc() turns it on again
    target = paths.database_target(args.db)
    peek = None
    if not args.smoke:  # (--demo: a missing file is created the usual way; the peek says None for it)
        from canbo_desktop.db.peek import peek_login

        peek = peek_login(target)  # a current local file with accounts: the login first, the data layer behind it
    if peek is None:
        import_data_layer()  # before PySide6 (see there)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    import canbo_desktop.ui  # noqa: F401  (before any Qt call: guards None against PySide6 6.12 on 3.11)
    from canbo_desktop.ui.app_icon import app_icon

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    # High DPI: Qt 6 scales by the screen's factor; keep fractional factors (125 %, 150 %) exact, not rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QGuiApplication.setWindowIcon(app_icon())
    from canbo_desktop.ui import i18n as ui_i18n

    ui_i18n.install(args.lang)  # Vietnamese unless English was chosen (Trợ giúp → Ngôn ngữ)
    # before any text is laid out: fonts added later invalidate Qt's font caches, and the main window's first
    # paint then pays for building them again (measured: +60–100 ms after the login, issue 13)
    _add_fonts()
    if peek is None:
        tune_gc()  # (the early login turns it on once the data layer is in, while the clerk types)

    sys.excepthook = _crash_handler(logfile)  # CanboError: a plain warning; anything else: the crash dialog

    if args.smoke:
        return _smoke(app)

    prepared = _Prepared()
    if peek is not None:
        signed_in = _sign_in_while_opening(app, target, args.user, peek, prepared)
        if isinstance(signed_in, int):
            return signed_in
        db, office, user = signed_in
    else:
        from canbo_desktop.services.database import open_database
        from canbo_desktop.services.setup import office_info

        try:
            if args.demo and "://" not in target and not Path(target).exists():
                from canbo_desktop.services.demo import create_demo_database

                Path(target).parent.mkdir(parents=True, exist_ok=True)
                log.info("creating the demo database at %s", target)
                db = open_database(target, create=True, lock=True)
                create_demo_database(db, size="district", seed=1)
            else:
                first_run = "://" not in target and not Path(target).exists()
                if first_run:
                    Path(target).parent.mkdir(parents=True, exist_ok=True)
                db = open_database(target, create=first_run, lock=True, daily_backup=True)  # services/locking, backup
            with db.uow(args.user)() as uow:
                office = office_info(uow)
        except CanboError as exc:
            QMessageBox.critical(None, APP_DISPLAY_NAME, exc.message)
            return exc.exit_code
        user = args.user
        if office is not None:  # accounts exist: log in (ui/dialogs/login.py), pre-filled with --user / CANBO_USER
            from canbo_desktop.services.setup import needs_login
            from canbo_desktop.ui.dialogs.login import LoginDialog

            if needs_login(db.uow(user)):
                login = LoginDialog(db, user, office_name=office.unit_name)
                if login.exec() != LoginDialog.DialogCode.Accepted or login.session is None:
                    db.close()
                    return 0
                user = login.session.username
    if office is None:  # an empty database: the first-run wizard
        from canbo_desktop.services.setup import office_info
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

    window, tasks = prepared.take(user)
    if window is None:
        tasks = TaskRunner()
        window = MainWindow(db, office, user, tasks)
    from canbo_desktop.services.auth import idle_lock_minutes
    from canbo_desktop.ui.idle_lock import IdleLock

    window.idle_lock = IdleLock(window, db, user, idle_lock_minutes(db.uow(user)))
    _await_first_page(window)
    window.show()
    code = app.exec()
    tasks.wait()
    db.close()
    return int(code)


def _smoke(app: Any) -> int:
    """``--smoke``: the frozen build's self-test (database, fonts, PDF, a main window), then exit."""
    import shutil

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from canbo_desktop.services.database import open_database
    from canbo_desktop.services.setup import office_info
    from canbo_desktop.services.smoke import run_smoke
    from canbo_desktop.ui.app_icon import svg_icon_renders
    from canbo_desktop.ui.dialogs.about import build_date

    result = run_smoke()
    QCoreApplication.setApplicationName(f"{APP_NAME}-smoke")  # the smoke window keeps its settings apart
    from canbo_desktop.ui.main_window import MainWindow  # built once on the smoke database, then closed
    from canbo_desktop.ui.tasks import TaskRunner

    smoke_db = open_database(result["path"])
    with smoke_db.uow("admin")() as uow:
        window = MainWindow(smoke_db, office_info(uow), "admin", TaskRunner(synchronous=True))
    window.show()
    app.processEvents()
    shown = window.isVisible() and svg_icon_renders()
    window.close()
    smoke_db.close()
    shutil.rmtree(Path(result["path"]).parent, ignore_errors=True)
    print(f"smoke: database={result['database']} found={result['found'][:1]} pdf_bytes={result['pdf_bytes']} "
          f"window={shown} drivers={','.join(result['drivers'])} built={build_date()} "
          f"platform={QApplication.platformName()}")
    return 0 if result["found"] and result["pdf_bytes"] > 1000 and shown else 1


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the frozen build starts the demo generator process through this
    raise SystemExit(main())
