"""The messages of the services (errors, field messages, labels) follow the installed language: English (the
source) after ``i18n.install("en")``, the clerk's Vietnamese again after ``install("vi")``."""

from __future__ import annotations

import pytest

from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.services import audit, auth
from canbo_desktop.services.database import Database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.dialogs.login import LoginDialog


def _idle_lock_error(db: Database) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        auth.set_idle_lock_minutes(db.uow("admin"), 999)
    return err.value


def test_service_messages_follow_the_installed_language(qtbot, demo_db: Database) -> None:
    try:
        i18n.install("en")
        dlg = LoginDialog(demo_db, "xem")
        qtbot.addWidget(dlg)
        dlg.password.setText("wrong-password")
        assert not dlg.try_login()
        assert "Wrong user name or password." in dlg.error.text()
        err = _idle_lock_error(demo_db)
        assert err.message == "The auto-lock time must be from 0 (no lock) to 240 minutes."
        assert err.fields == {"minutes": "out of range"}
        assert audit.action_label("restore") == "Restore backup"
    finally:
        i18n.install("vi")
    err = _idle_lock_error(demo_db)
    assert err.message == "Thời gian tự khoá phải từ 0 (không khoá) đến 240 phút."
    assert err.fields == {"minutes": "ngoài khoảng"}
    assert audit.action_label("restore") == "Khôi phục sao lưu"
