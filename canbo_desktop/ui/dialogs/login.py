"""The login dialog (shown by ``app.py`` when the database has accounts) and the password change dialog.

The dialog calls ``services.auth.login`` (Argon2id, lockout after 5 failures, audit). An account with a
temporary password (new, or reset by the admin) must choose its own before the main window opens.

At start-up the dialog can be shown before the data layer is loaded (``app.py``, issue 13): it is then given
``opening``, which waits for the database being opened in the background, and imports the services only when
the clerk signs in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop import APP_DISPLAY_NAME
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate

if TYPE_CHECKING:
    from canbo_desktop.services.auth import LoginSession
    from canbo_desktop.services.database import Database


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setAccessibleName(translate("Login", "Error message"))
    return label


class LoginDialog(QDialog):
    """User name and password; ``session`` holds the ``LoginSession`` once accepted.

    ``db`` None: ``opening`` gives the database when asked (waiting for it if it is still being opened) and
    raises the ``CanboError`` that kept it from opening."""

    def __init__(self, db: Database | None, default_user: str = "", parent: QWidget | None = None, *,
                 office_name: str = "", opening: Callable[[], Database] | None = None) -> None:
        super().__init__(parent)
        if db is None and opening is None:
            raise ValueError("LoginDialog needs a database or its opening")
        self.db = db
        self._opening = opening
        self.session: LoginSession | None = None
        self.setWindowTitle(translate("Login", "Sign in — {app}").format(app=APP_DISPLAY_NAME))
        v = QVBoxLayout(self)
        heading = f"<h3>{APP_DISPLAY_NAME}</h3>" + (f"<p>{office_name}</p>" if office_name else "")  # names only
        head = QLabel(heading)
        v.addWidget(head)
        form = QFormLayout()
        self.username = QLineEdit(default_user)
        self.username.setAccessibleName(translate("Login", "User name"))
        self.password = _password_field(translate("Login", "Password"))
        form.addRow(translate("Login", "User name:"), self.username)
        form.addRow(translate("Login", "Password:"), self.password)
        v.addLayout(form)
        self.error = _error_label()
        v.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("Login", "Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Login", "Exit"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        (self.password if default_user else self.username).setFocus()

    def try_login(self) -> bool:
        name = self.username.text().strip()
        if not name:
            self.error.setText(translate("Login", "Enter the user name."))
            return False
        try:
            if self.db is None:
                assert self._opening is not None
                self.db = self._opening()
            from canbo_desktop.services import auth

            session = auth.login(self.db.uow(name), name, self.password.text())
        except CanboError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return False
        if session.must_change_password:
            dlg = ChangePasswordDialog(self.db, name, self, forced=True, old_password=self.password.text())
            if dlg.exec() != QDialog.DialogCode.Accepted:
                self.error.setText(translate("Login", "Set a new password before starting work."))
                return False
        self.session = session
        self.accept()
        return True


class ChangePasswordDialog(QDialog):
    """Đổi mật khẩu: the old one, the new one twice (at least 8 characters)."""

    def __init__(self, db: Database, username: str, parent: QWidget | None = None, *, forced: bool = False,
                 old_password: str = "") -> None:
        super().__init__(parent)
        self.db, self.user = db, username
        self.setWindowTitle(translate("Login", "Change password"))
        v = QVBoxLayout(self)
        if forced:
            note = QLabel(translate("Login", "This account has a temporary password set by the administrator: "
                                             "please choose your own."))
            note.setWordWrap(True)
            v.addWidget(note)
        form = QFormLayout()
        self.old = _password_field(translate("Login", "Current password"))
        self.old.setText(old_password)
        self.new = _password_field(translate("Login", "New password"))
        self.again = _password_field(translate("Login", "New password again"))
        if not old_password:
            form.addRow(translate("Login", "Current password:"), self.old)
        form.addRow(translate("Login", "New password (at least 8 characters):"), self.new)
        form.addRow(translate("Login", "New password again:"), self.again)
        v.addLayout(form)
        self.error = _error_label()
        v.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Login", "Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Login", "Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def save(self) -> bool:
        if self.new.text() != self.again.text():
            self.error.setText(translate("Login", "The two new passwords do not match."))
            return False
        from canbo_desktop.services import auth

        try:
            auth.change_password(self.db.uow(self.user), self.user, self.old.text(), self.new.text())
        except CanboError as exc:
            self.error.setText(exc.message)
            return False
        self.accept()
        return True
