"""The crash dialog: what the clerk sees when the program meets an error nobody planned for.

Known errors (``CanboError``) keep their plain Vietnamese warning; anything else is logged with its traceback
and shown here with the log file's path, "Sao chép chi tiết" (version + environment + traceback to the
clipboard, ready to paste into an e-mail) and "Mở thư mục nhật ký".
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop import APP_DISPLAY_NAME, paths
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate
from canbo_desktop.ui.dialogs.about import environment_lines, fit_to_screen

log = logging.getLogger(__name__)


def open_log_folder(folder: Path | None = None) -> bool:
    """Open the log folder in the system's file manager (Explorer on Windows). False if it could not."""
    target = folder or paths.log_dir()
    target.mkdir(parents=True, exist_ok=True)
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))))


class CrashDialog(QDialog):
    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.log_file = log_file
        self.setWindowTitle(translate("Crash", "{app} — unexpected error").format(app=APP_DISPLAY_NAME))
        v = self.main_layout = QVBoxLayout(self)
        head = QHBoxLayout()
        icon = QLabel()
        side = self.fontMetrics().height() * 2
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(side, side))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(icon)
        where = str(log_file) if log_file else translate("Crash", "(the log file could not be written)")
        self.message = QLabel(translate(
            "Crash",
            "<b>The program met an unexpected error.</b><br>"
            "What you just did may not be complete; data saved before is not affected. "
            "Check what you just did. If the error comes back, click “Copy details” and send the text "
            "to technical support.<br><br>The details were written to the log file:"
        ))
        self.message.setWordWrap(True)
        self.path_label = QLabel(where)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.path_label)
        head.addLayout(text, 1)
        v.addLayout(head)
        self.detail_view = QPlainTextEdit(self.full_details())
        self.detail_view.setReadOnly(True)
        self.detail_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.detail_view.setVisible(False)
        v.addWidget(self.detail_view, 1)
        row = QHBoxLayout()
        self.toggle_button = QPushButton(translate("Crash", "Show details"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self._toggle)
        self.copy_button = QPushButton(translate("Crash", "Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton(translate("Crash", "Open log folder"))
        self.folder_button.clicked.connect(self.open_folder)
        close = QPushButton(translate("Crash", "Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        for b in (self.toggle_button, self.copy_button, self.folder_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        v.addLayout(row)
        fit_to_screen(self, self.fontMetrics().horizontalAdvance("n") * 80, self.sizeHint().height())

    def full_details(self) -> str:
        log_line = translate("Crash", "Log: {path}").format(path=self.log_file or "—")
        return "\n".join([*environment_lines(), log_line, "", self.details.rstrip()]) + "\n"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.full_details())
        self.copy_button.setText(translate("Crash", "Copied"))

    def open_folder(self) -> None:
        folder = self.log_file.parent if self.log_file else None
        if not open_log_folder(folder):
            self.path_label.setText(translate("Crash", "{path} (the folder could not be opened; open it by hand)")
                                    .format(path=self.log_file))

    def _toggle(self, shown: bool) -> None:
        self.detail_view.setVisible(shown)
        self.toggle_button.setText(translate("Crash", "Hide details") if shown else translate("Crash", "Show details"))
        lines = self.fontMetrics().height() * (16 if shown else 0)
        fit_to_screen(self, self.width(), self.main_layout.sizeHint().height() + lines)


class ExceptionHandler:
    """``sys.excepthook`` of the GUI. One crash dialog at a time: an error raised while it is open is only logged."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.dialog: CrashDialog | None = None

    def __call__(self, etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(etype, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        details = "".join(traceback.format_exception(etype, value, tb))
        if isinstance(value, CanboError):
            log.warning("%s", value.message)
            QMessageBox.warning(QApplication.activeWindow(), APP_DISPLAY_NAME, value.message)
            return
        log.error("uncaught exception\n%s", details)
        if self.dialog is not None:
            return
        self.dialog = CrashDialog(details, self.log_file, QApplication.activeWindow())
        try:
            self.dialog.exec()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
