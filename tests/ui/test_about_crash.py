"""Help → About (version, build, licences, "Sao chép thông tin"), Help → "Mở thư mục nhật ký", and the crash
dialog an unexpected exception raises ("Sao chép chi tiết", the log path, the log folder)."""

from __future__ import annotations

import logging
import platform
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from canbo_desktop import __version__, paths
from canbo_desktop.app import setup_logging
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.dialogs.about import AboutDialog, app_icon, svg_icon_renders
from canbo_desktop.ui.dialogs.crash import CrashDialog, ExceptionHandler
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.tasks import TaskRunner


class UrlCatcher(QObject):
    """Receives the file:// URLs the program asks the desktop to open (Qt's own URL handler mechanism), so the
    test sees what Explorer / the file manager would be asked to show without starting one."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_urls() -> Iterator[list[QUrl]]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "handle")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def log_file() -> Iterator[Path]:
    """The real rotating log of the application (in the test's data folder)."""
    path = setup_logging()
    yield path
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(h)
        h.close()


def test_about_shows_version_build_and_every_licence(qtbot) -> None:
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    summary = dlg.summary.text()
    assert f"Cán bộ Desktop {__version__}" in summary
    assert f"Qt {qVersion()}" in summary and f"Python {platform.python_version()}" in summary
    assert "Ngày đóng gói: — (đang chạy từ mã nguồn" in summary  # not a frozen build here
    text = dlg.licences.toPlainText()
    # the font licence in full, from the bundled file
    assert "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007" in text
    assert "Reserved Font Name Liberation" in text
    for component, licence in (("PySide6", "GNU LGPL phiên bản 3"), ("ReportLab", "BSD"), ("SQLAlchemy", "MIT"),
                               ("openpyxl", "MIT"), ("cryptography", "Apache 2.0"), ("argon2-cffi", "MIT")):
        line = next((ln for ln in text.splitlines() if component in ln), "")
        assert line, f"{component} is not listed"
        assert licence in text
    assert "SQLAlchemy 2.1.9" in text  # installed versions are shown
    assert dlg.licences.verticalScrollBar().maximum() > 0  # a scrollable view, not a dialog taller than the screen
    assert not dlg.windowIcon().isNull()


def test_about_copies_its_information_to_the_clipboard(qtbot) -> None:
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[0] == f"Cán bộ Desktop {__version__}"
    assert f"Qt {qVersion()}" in copied and f"Python {platform.python_version()}" in copied
    assert dlg.copy_button.text() == "Đã sao chép"


def test_the_application_icon_is_the_drawn_svg_and_renders_at_any_size(qtbot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert svg_icon_renders()  # Qt's SVG icon engine drew the SVG itself, not the PNG fallback
    for side in (16, 32, 256):
        image = icon.pixmap(side, side).toImage()
        assert image.width() == side
        folder = image.pixelColor(int(side * 0.2), int(side * 0.75))  # the red folder front
        assert folder.red() > 150 and folder.green() < 100 and folder.blue() < 100, folder.name()
        star = image.pixelColor(side // 2, int(side * 0.625))  # the gold star on it
        assert star.red() > 200 and star.green() > 140 and star.blue() < 100, star.name()


def _help_action(window: MainWindow, text: str):
    for menu_action in window.menuBar().actions():
        if menu_action.text() == "Trợ &giúp":
            for act in menu_action.menu().actions():
                if act.text() == text:
                    return act
    raise AssertionError(f"no Help → {text}")


def test_help_menu_opens_the_log_folder_and_the_about_dialog(qtbot, demo_db: Database, opened_urls) -> None:
    with demo_db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(demo_db, office, "canbo", TaskRunner(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    _help_action(w, "Mở thư mục &nhật ký").trigger()
    assert [Path(u.toLocalFile()) for u in opened_urls] == [paths.log_dir()]
    assert paths.log_dir().is_dir()

    seen: list[str] = []

    def close_about() -> None:
        dlg = QApplication.activeModalWidget()
        seen.append(type(dlg).__name__)
        if dlg is not None:
            seen.append(dlg.windowTitle())
            dlg.close()

    QTimer.singleShot(0, close_about)
    _help_action(w, "&Giới thiệu").trigger()
    assert seen == ["AboutDialog", "Giới thiệu Cán bộ Desktop"]


def _raise_unexpected() -> None:
    {"khoá": 1}["không có"]  # a plain programming error: KeyError


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_exception_shows_the_crash_dialog(qtbot, log_file: Path, opened_urls, monkeypatch) -> None:
    handler = ExceptionHandler(log_file)
    monkeypatch.setattr(sys, "excepthook", handler)
    seen: dict[str, object] = {}

    def inspect_and_close() -> None:
        dlg = handler.dialog
        assert isinstance(dlg, CrashDialog)
        seen["message"] = dlg.message.text()
        seen["path"] = dlg.path_label.text()
        qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        dlg.folder_button.click()
        dlg.toggle_button.click()
        seen["details_visible"] = dlg.detail_view.isVisible()
        dlg.accept()

    QGuiApplication.clipboard().clear()
    QTimer.singleShot(0, _raise_unexpected)  # raised inside Qt's event loop, as a slot would
    QTimer.singleShot(50, inspect_and_close)
    qtbot.waitUntil(lambda: "clipboard" in seen and handler.dialog is None, timeout=5000)

    assert "Chương trình gặp lỗi không mong muốn" in str(seen["message"])
    assert seen["path"] == str(log_file)
    copied = str(seen["clipboard"])
    assert copied.startswith(f"Cán bộ Desktop {__version__}\n")
    assert f"Nhật ký: {log_file}" in copied
    assert "Traceback (most recent call last)" in copied and "KeyError: 'không có'" in copied
    assert "_raise_unexpected" in copied
    assert [Path(u.toLocalFile()) for u in opened_urls] == [log_file.parent]
    assert seen["details_visible"] is True
    for h in logging.getLogger().handlers:
        h.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in logged and "KeyError: 'không có'" in logged


def test_a_known_error_keeps_the_plain_warning(qtbot, monkeypatch, log_file: Path) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    handler = ExceptionHandler(log_file)
    err = CanboError("Số CCCD đã có trong hồ sơ khác.")
    handler(type(err), err, None)
    assert warnings == ["Số CCCD đã có trong hồ sơ khác."]
    assert handler.dialog is None


def test_crash_dialog_without_a_log_file_still_offers_the_details(qtbot) -> None:
    dlg = CrashDialog("Traceback (most recent call last):\nRuntimeError: hỏng\n", None)
    qtbot.addWidget(dlg)
    assert dlg.path_label.text() == "(chưa ghi được tệp nhật ký)"
    assert dlg.full_details().rstrip().endswith("RuntimeError: hỏng")


def test_the_smoke_self_test_passes_from_the_source(tmp_path: Path) -> None:
    """What CI runs on the frozen bundle, run here on the source: database, PDF, main window, SVG icon."""
    import os
    import subprocess

    env = {**os.environ, "CANBO_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "canbo_desktop.app", "--smoke"], capture_output=True, text=True,
                         env=env, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("smoke:"))
    assert "found=['Đặng Quốc Việt']" in line and "window=True" in line and "drivers=sqlite3" in line
    assert "platform=offscreen" in line
    assert (tmp_path / "logs" / "canbo-desktop.log").is_file()  # the rotating log was written
