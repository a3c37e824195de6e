"""Idle lock: after N minutes without a key press or mouse use the window is covered and asks the password.

An event filter on the ``QApplication`` restarts a single-shot timer on every input event. When it fires,
an opaque ``LockOverlay`` covers the main window (the menus and the page underneath are disabled), other
windows of the app (an open record, a preview) are hidden until the unlock, and the password is checked
with ``services.auth.login``: wrong passwords count toward the account's lockout like any login.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate
from canbo_desktop.services import auth
from canbo_desktop.services.database import Database

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                    QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride})


class LockOverlay(QFrame):
    """What covers the window while it is locked."""

    def __init__(self, lock: IdleLock, window: QMainWindow) -> None:
        super().__init__(window)
        self.lock = lock
        self.setObjectName("idleLockOverlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#idleLockOverlay { background: #dfe6ee; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(460)
        v = QVBoxLayout(box)
        v.addWidget(QLabel(translate("IdleLock", "<h3>Screen locked</h3>")))
        note = QLabel(translate("IdleLock", "Nothing was done for a while, so the program locked itself to protect the "
                                            "records. Enter the password of “{user}” to continue.")
                      .format(user=lock.username))
        note.setWordWrap(True)
        v.addWidget(note)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("IdleLock", "Password to unlock"))
        self.password.returnPressed.connect(self.unlock)
        v.addWidget(self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        v.addWidget(self.error)
        row = QHBoxLayout()
        quit_button = QPushButton(translate("IdleLock", "Exit the program"))
        quit_button.clicked.connect(window.close)
        self.unlock_button = QPushButton(translate("IdleLock", "Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        row.addWidget(quit_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        v.addLayout(row)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(1)

    def unlock(self) -> bool:
        ok, message = self.lock.try_unlock(self.password.text())
        self.password.clear()
        if not ok:
            self.error.setText(message)
        return ok


class IdleLock(QObject):
    def __init__(self, window: QMainWindow, db: Database, username: str, minutes: int, *,
                 interval_ms: int | None = None) -> None:
        super().__init__(window)
        self.window, self.db, self.username = window, db, username
        self.overlay: LockOverlay | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # one timer: exact idle time, exact remainingTime()
        self.timer.timeout.connect(self.lock)
        ms = interval_ms if interval_ms is not None else minutes * 60_000
        self.enabled = ms > 0
        if self.enabled:
            self.timer.setInterval(ms)
            self.timer.start()
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        window.destroyed.connect(self._stop)

    @property
    def locked(self) -> bool:
        return self.overlay is not None

    def _stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self.overlay is None and event.type() in _INPUT:
            self.timer.start()
        elif self.overlay is not None and event.type() == QEvent.Type.Resize and watched is self.window:
            self.overlay.setGeometry(self.window.rect())
        return False

    def lock(self) -> None:
        if self.overlay is not None:
            return
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w is not self.window and w.isVisible() and w.isWindow()]
        for w in self._hidden:
            w.hide()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(False)
        self.window.menuBar().setEnabled(False)
        self.overlay = LockOverlay(self, self.window)
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self, password: str) -> tuple[bool, str]:
        try:
            auth.login(self.db.uow(self.username), self.username, password)
        except CanboError as exc:
            return False, exc.message
        self._unlock()
        return True, ""

    def _unlock(self) -> None:
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        self.window.menuBar().setEnabled(True)
        for w in self._hidden:
            w.show()
        self._hidden = []
        self.timer.start()
