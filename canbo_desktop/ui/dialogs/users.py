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
from canbo_desktop.services import auth
from canbo_desktop.ui.tasks import TaskRunner

HEADERS = ["Tên đăng nhập", "Họ tên", "Vai trò", "Phạm vi", "Xem thông tin nhạy cảm", "Trạng thái", "Đăng nhập gần nhất"]


class UserDialog(QDialog):
    """Add (``user`` None) or edit an account."""

    def __init__(self, units: list[tuple[str, str, int]], user: auth.UserInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa tài khoản" if user else "Thêm tài khoản")
        form = QFormLayout(self)
        self.username = QLineEdit(user.username if user else "")
        self.username.setEnabled(user is None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for r in ROLES:
            self.role.addItem(ROLE_LABELS[r], r)
        self.role.setCurrentIndex(ROLES.index(user.role) if user else ROLES.index("clerk"))
        self.scope = QComboBox()
        self.scope.addItem("Toàn bộ cơ sở dữ liệu", None)
        for uid, name, depth in units:
            self.scope.addItem("    " * depth + name, uid)
        if user and user.scope_unit_id:
            idx = self.scope.findData(user.scope_unit_id)
            self.scope.setCurrentIndex(max(idx, 0))
        self.sensitive = QCheckBox("Được xem dân tộc, tôn giáo, sức khỏe, kỷ luật, lịch sử bản thân…")
        self.sensitive.setChecked(bool(user and user.can_view_sensitive))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Tên đăng nhập:", self.username)
        form.addRow("Họ tên:", self.full_name)
        form.addRow("Vai trò:", self.role)
        form.addRow("Phạm vi đơn vị:", self.scope)
        form.addRow("Thông tin nhạy cảm:", self.sensitive)
        if user is None:
            form.addRow("Mật khẩu tạm (≥ 8 ký tự):", self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Huỷ")
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
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName("Danh sách người dùng")
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.status, 1)
        self.add_button = QPushButton("Thêm tài khoản…")
        self.edit_button = QPushButton("Sửa…")
        self.reset_button = QPushButton("Đặt lại mật khẩu…")
        self.active_button = QPushButton("Vô hiệu hoá / kích hoạt")
        for b, fn in ((self.add_button, self.add_user), (self.edit_button, self.edit_user),
                      (self.reset_button, self.reset_password), (self.active_button, self.toggle_active)):
            b.clicked.connect(fn)
            row.addWidget(b)
        v.addLayout(row)
        idle = QHBoxLayout()
        idle.addWidget(QLabel("Tự khoá màn hình sau (phút, 0 = không khoá):"))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setAccessibleName("Số phút tự khoá màn hình")
        idle.addWidget(self.idle)
        save_idle = QPushButton("Lưu")
        save_idle.clicked.connect(lambda: self._act(lambda: auth.set_idle_lock_minutes(self.uowf, self.idle.value()),
                                                    "Đã lưu thời gian tự khoá."))
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
            state = "đang dùng" if u.active else "đã vô hiệu hoá"
            if u.active and u.locked_until is not None:
                state = f"tạm khoá đến {u.locked_until:%H:%M %d/%m/%Y}"
            cells = [u.username, u.full_name, u.role_label, u.scope_unit_name or "Toàn bộ",
                     "có" if u.can_view_sensitive else "không", state,
                     f"{u.last_login_at:%d/%m/%Y %H:%M}" if u.last_login_at else ""]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def _refused(self, exc: BaseException) -> None:
        self.table.setRowCount(0)
        for b in self.buttons:
            b.setEnabled(False)
        self.status.setText(exc.message if isinstance(exc, CanboError) else "Chỉ quản trị viên quản lý người dùng.")

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
                  f"Đã thêm tài khoản “{v['username']}” (phải đổi mật khẩu ở lần đăng nhập đầu).")

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            self.status.setText("Chọn một tài khoản trong danh sách.")
            return
        dlg = UserDialog(self.units, user, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.save_user(user, dlg.values())

    def save_user(self, user: auth.UserInfo, v: dict[str, Any]) -> None:
        uowf = self.uowf
        self._act(lambda: auth.update_user(uowf, user.id, role=v["role"], full_name=v["full_name"],
                                           scope_unit_id=v["scope_unit_id"], clear_scope=v["scope_unit_id"] is None,
                                           can_view_sensitive=v["can_view_sensitive"]),
                  f"Đã lưu tài khoản “{user.username}”.")

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            self.status.setText("Chọn một tài khoản trong danh sách.")
            return
        pw, ok = QInputDialog.getText(self, "Đặt lại mật khẩu", f"Mật khẩu tạm cho “{user.username}” (≥ 8 ký tự):",
                                      QLineEdit.EchoMode.Password)
        if ok:
            uowf = self.uowf
            self._act(lambda: auth.reset_password(uowf, user.id, pw),
                      f"Đã đặt mật khẩu tạm cho “{user.username}” (phải đổi ở lần đăng nhập tới).")

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            self.status.setText("Chọn một tài khoản trong danh sách.")
            return
        uowf = self.uowf
        self._act(lambda: auth.update_user(uowf, user.id, active=not user.active),
                  f"Đã {'vô hiệu hoá' if user.active else 'kích hoạt lại'} tài khoản “{user.username}”.")
