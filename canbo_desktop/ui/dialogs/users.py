"""User management (admin): the accounts, their role, organisation scope and sensitive-data permission.

``UsersPanel`` is the "Người dùng" tab of the administration page; ``UserDialog`` adds or edits one account.
Every action goes through ``services.auth`` (admin only, checked again at flush by ``db/access.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.access import ROLE_LABELS, ROLES
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import auth
from canbo_desktop.ui.tasks import TaskRunner

HEADERS = [  # shown through translate("Users", …)
    QT_TRANSLATE_NOOP("Users", "User name"), QT_TRANSLATE_NOOP("Users", "Full name"), QT_TRANSLATE_NOOP("Users", "Role"),
    QT_TRANSLATE_NOOP("Users", "Scope"), QT_TRANSLATE_NOOP("Users", "Sees sensitive data"),
    QT_TRANSLATE_NOOP("Users", "Status"), QT_TRANSLATE_NOOP("Users", "Last login"),
]
# The roles as shown here (the Vietnamese catalogue gives domain.access.ROLE_LABELS' wording).
ROLE_NAMES = {
    "admin": QT_TRANSLATE_NOOP("Users", "Administrator"),
    "head": QT_TRANSLATE_NOOP("Users", "Head (head of office)"),
    "clerk": QT_TRANSLATE_NOOP("Users", "Clerk"),
    "viewer": QT_TRANSLATE_NOOP("Users", "View only"),
}


def role_name(role: str) -> str:
    label = ROLE_NAMES.get(role)
    return translate("Users", label) if label else ROLE_LABELS.get(role, role)


class UserDialog(QDialog):
    """Add (``user`` None) or edit an account."""

    def __init__(self, units: list[tuple[str, str, int]], user: auth.UserInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Users", "Edit account") if user else translate("Users", "Add account"))
        form = QFormLayout(self)
        self.username = QLineEdit(user.username if user else "")
        self.username.setEnabled(user is None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(role_name(r), r)
        self.role.setCurrentIndex(ROLES.index(user.role) if user else ROLES.index("clerk"))
        self.scope = QComboBox()
        self.scope.addItem(translate("Users", "The whole database"), None)
        for uid, name, depth in units:
            self.scope.addItem("    " * depth + name, uid)
        if user and user.scope_unit_id:
            idx = self.scope.findData(user.scope_unit_id)
            self.scope.setCurrentIndex(max(idx, 0))
        self.sensitive = QCheckBox(translate("Users", "May see ethnicity, religion, health, discipline, "
                                                      "personal history…"))
        self.sensitive.setChecked(bool(user and user.can_view_sensitive))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("Users", "User name:"), self.username)
        form.addRow(translate("Users", "Full name:"), self.full_name)
        form.addRow(translate("Users", "Role:"), self.role)
        form.addRow(translate("Users", "Unit scope:"), self.scope)
        form.addRow(translate("Users", "Sensitive data:"), self.sensitive)
        if user is None:
            form.addRow(translate("Users", "Temporary password (≥ 8 characters):"), self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Users", "Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Users", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"username": self.username.text().strip(), "full_name": self.full_name.text().strip(),
                "role": self.role.currentData(), "scope_unit_id": self.scope.currentData(),
                "can_view_sensitive": self.sensitive.isChecked(), "password": self.password.text()}


class UsersPanel(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.users: list[auth.UserInfo] = []
        self.units: list[tuple[str, str, int]] = []
        v = QVBoxLayout(self)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([translate("Users", h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(translate("Users", "Users"))
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.add_button = QPushButton(translate("Users", "Add account…"))
        self.edit_button = QPushButton(translate("Users", "Edit…"))
        self.reset_button = QPushButton(translate("Users", "Reset password…"))
        self.active_button = QPushButton(translate("Users", "Disable / enable"))
        for b, fn in ((self.add_button, self.add_user), (self.edit_button, self.edit_user),
                      (self.reset_button, self.reset_password), (self.active_button, self.toggle_active)):
            b.clicked.connect(fn)
            row.addWidget(b)
        v.addLayout(row)
        idle = QHBoxLayout()
        idle.addWidget(QLabel(translate("Users", "Lock the screen after (minutes, 0 = never):")))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setAccessibleName(translate("Users", "Minutes before the screen locks"))
        idle.addWidget(self.idle)
        save_idle = QPushButton(translate("Users", "Save"))
        save_idle.clicked.connect(lambda: self._act(lambda: auth.set_idle_lock_minutes(self.uowf, self.idle.value()),
                                                    translate("Users", "Saved the lock time.")))
        idle.addWidget(save_idle)
        idle.addStretch(1)
        v.addLayout(idle)
        self.buttons = [self.add_button, self.edit_button, self.reset_button, self.active_button, save_idle]
        self.reload()

    # -- data -------------------------------------------------------------------------------------
    def reload(self) -> None:
        uowf = self.uowf
        self.tasks.run_db(lambda: (auth.list_users(uowf), auth.scope_units(uowf), auth.idle_lock_minutes(uowf)),
                          on_done=self._loaded, on_error=self._refused)

    def _loaded(self, result: tuple[list[auth.UserInfo], list[tuple[str, str, int]], int]) -> None:
        self.users, self.units, minutes = result
        self.idle.setValue(minutes)
        for b in self.buttons:
            b.setEnabled(True)
        self.table.setRowCount(len(self.users))
        for i, u in enumerate(self.users):
            state = translate("Users", "in use") if u.active else translate("Users", "disabled")
            if u.active and u.locked_until is not None:
                state = translate("Users", "locked until {time}").format(time=f"{u.locked_until:%H:%M %d/%m/%Y}")
            cells = [u.username, u.full_name, role_name(u.role), u.scope_unit_name or translate("Users", "All"),
                     translate("Users", "yes") if u.can_view_sensitive else translate("Users", "no"), state,
                     f"{u.last_login_at:%d/%m/%Y %H:%M}" if u.last_login_at else ""]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def _refused(self, exc: BaseException) -> None:
        self.table.setRowCount(0)
        for b in self.buttons:
            b.setEnabled(False)
        self.status.setText(exc.message if isinstance(exc, CanboError)
                            else translate("Users", "Only an administrator manages the users."))

    def selected(self) -> auth.UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _act(self, fn: Any, done: str) -> None:
        def ok(_r: Any) -> None:
            self.status.setText(done)
            self.reload()

        self.tasks.run_db(fn, on_done=ok, on_error=lambda e: self.status.setText(
            e.message if isinstance(e, CanboError) else str(e)))

    # -- actions ----------------------------------------------------------------------------------
    def add_user(self) -> None:
        dlg = UserDialog(self.units, None, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.create_user(dlg.values())

    def create_user(self, v: dict[str, Any]) -> None:
        uowf = self.uowf
        self._act(lambda: auth.create_user(uowf, username=v["username"], password=v["password"], role=v["role"],
                                           full_name=v["full_name"], scope_unit_id=v["scope_unit_id"],
                                           can_view_sensitive=v["can_view_sensitive"]),
                  translate("Users", "Added the account “{user}” (the password must be changed at the first "
                                     "login).").format(user=v["username"]))

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            self.status.setText(translate("Users", "Choose an account in the list."))
            return
        dlg = UserDialog(self.units, user, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.save_user(user, dlg.values())

    def save_user(self, user: auth.UserInfo, v: dict[str, Any]) -> None:
        uowf = self.uowf
        self._act(lambda: auth.update_user(uowf, user.id, role=v["role"], full_name=v["full_name"],
                                           scope_unit_id=v["scope_unit_id"], clear_scope=v["scope_unit_id"] is None,
                                           can_view_sensitive=v["can_view_sensitive"]),
                  translate("Users", "Saved the account “{user}”.").format(user=user.username))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            self.status.setText(translate("Users", "Choose an account in the list."))
            return
        pw, ok = QInputDialog.getText(self, translate("Users", "Reset password"),
                                      translate("Users", "Temporary password for “{user}” (≥ 8 characters):").format(
                                          user=user.username),
                                      QLineEdit.EchoMode.Password)
        if ok:
            uowf = self.uowf
            self._act(lambda: auth.reset_password(uowf, user.id, pw),
                      translate("Users", "Set a temporary password for “{user}” (to be changed at the next "
                                         "login).").format(user=user.username))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            self.status.setText(translate("Users", "Choose an account in the list."))
            return
        uowf = self.uowf
        done = (translate("Users", "Disabled the account “{user}”.") if user.active
                else translate("Users", "Enabled the account “{user}” again.")).format(user=user.username)
        self._act(lambda: auth.update_user(uowf, user.id, active=not user.active), done)
