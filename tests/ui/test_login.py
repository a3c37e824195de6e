"""Login dialog, forced password change, the idle lock and user management, on the small demo database."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QWidget

from canbo_desktop.services import auth
from canbo_desktop.services.database import Database
from canbo_desktop.services.demo import DEMO_PASSWORD
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.dialogs.login import ChangePasswordDialog, LoginDialog
from canbo_desktop.ui.dialogs.users import UsersPanel
from canbo_desktop.ui.idle_lock import IdleLock
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.tasks import TaskRunner


def test_login_dialog_accepts_the_right_password_only(qtbot, demo_db: Database) -> None:
    dlg = LoginDialog(demo_db, "xem")
    qtbot.addWidget(dlg)
    assert dlg.username.text() == "xem"
    dlg.password.setText("sai-mat-khau")
    assert not dlg.try_login()
    assert "Sai tên đăng nhập hoặc mật khẩu" in dlg.error.text() and dlg.password.text() == ""
    dlg.password.setText(DEMO_PASSWORD)
    assert dlg.try_login()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.session is not None and dlg.session.principal.role == "viewer"


def test_a_temporary_password_must_be_changed_before_work(qtbot, demo_db: Database, monkeypatch) -> None:
    admin = demo_db.uow("admin")
    uid = auth.create_user(admin, username="moi", password="tam-thoi-123", role="clerk")  # must change it
    seen: list[ChangePasswordDialog] = []

    def fill_and_save(self: ChangePasswordDialog) -> int:
        seen.append(self)
        self.new.setText("mat-khau-rieng-2026")
        self.again.setText("mat-khau-khac")
        assert not self.save() and "không khớp" in self.error.text()
        self.again.setText("mat-khau-rieng-2026")
        return int(QDialog.DialogCode.Accepted) if self.save() else int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ChangePasswordDialog, "exec", fill_and_save)
    dlg = LoginDialog(demo_db, "moi")
    qtbot.addWidget(dlg)
    dlg.password.setText("tam-thoi-123")
    assert dlg.try_login() and seen
    assert auth.login(demo_db.uow("moi"), "moi", "mat-khau-rieng-2026").must_change_password is False
    assert [u.id for u in auth.list_users(admin) if u.username == "moi"] == [uid]


def test_the_window_locks_after_idle_time_and_unlocks_with_the_password(qtbot, demo_db: Database) -> None:
    with demo_db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(demo_db, office, "canbo", TaskRunner(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    other = QWidget()  # another window of the app (an open record)
    qtbot.addWidget(other)
    other.show()
    lock = IdleLock(w, demo_db, "canbo", 10, interval_ms=60_000)
    # any input, in any window of the app, starts the idle time again
    qtbot.wait(300)
    before = lock.timer.remainingTime()
    assert 0 < before <= 59_750
    qtbot.keyClick(other, Qt.Key.Key_Shift)
    assert lock.timer.remainingTime() > before + 200 and not lock.locked
    before = lock.timer.remainingTime()
    qtbot.wait(300)
    qtbot.mouseMove(other, QPoint(7, 9))
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert lock.timer.remainingTime() > before - 100
    # no input for the idle time: locked
    lock.timer.setInterval(100)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    overlay = lock.overlay
    assert overlay is not None and overlay.isVisible() and overlay.geometry() == w.rect()
    assert not w.centralWidget().isEnabled() and not w.menuBar().isEnabled() and not other.isVisible()
    overlay.password.setText("sai-mat-khau")
    assert not overlay.unlock()
    assert "Sai tên đăng nhập hoặc mật khẩu" in overlay.error.text() and lock.locked
    overlay.password.setText(DEMO_PASSWORD)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not lock.locked and w.centralWidget().isEnabled() and w.menuBar().isEnabled() and other.isVisible()


def test_the_admin_manages_users_in_the_admin_page(qtbot, demo_db: Database) -> None:
    panel = UsersPanel(demo_db.uow("admin"), TaskRunner(synchronous=True))
    qtbot.addWidget(panel)
    names = [panel.table.item(i, 0).text() for i in range(panel.table.rowCount())]
    assert names == ["admin", "canbo", "canboxa", "truongphong", "xem"]
    row = names.index("canboxa")
    assert panel.table.item(row, 2).text() == "Chuyên viên" and panel.table.item(row, 3).text().startswith(("Xã", "Phường"))
    scope = next(uid for uid, _name, depth in panel.units if depth == 1)
    panel.create_user({"username": "thuky", "full_name": "Thư ký", "role": "viewer", "scope_unit_id": scope,
                       "can_view_sensitive": False, "password": "thu-ky-2026"})
    assert "Đã thêm tài khoản “thuky”" in panel.status.text()
    assert "thuky" in [panel.table.item(i, 0).text() for i in range(panel.table.rowCount())]
    panel.table.selectRow([u.username for u in panel.users].index("thuky"))
    panel.toggle_active()
    assert "Đã vô hiệu hoá" in panel.status.text()
    assert not next(u for u in panel.users if u.username == "thuky").active
    # a clerk sees the tab refuse, with the reason
    clerk = UsersPanel(demo_db.uow("canbo"), TaskRunner(synchronous=True))
    qtbot.addWidget(clerk)
    assert clerk.table.rowCount() == 0 and not clerk.add_button.isEnabled()
    assert "quản lý người dùng" in clerk.status.text()
