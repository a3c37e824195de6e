"""The administration screens (rules, accounts, backups) and the audit viewer in English, the source language."""

from __future__ import annotations

from pathlib import Path

from canbo_desktop.services.database import open_database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.dialogs.backup_dialog import BackupPanel
from canbo_desktop.ui.dialogs.users import UsersPanel
from canbo_desktop.ui.pages.admin_page import AdminPage
from canbo_desktop.ui.pages.audit_page import AuditDialog
from canbo_desktop.ui.tasks import TaskRunner


def test_the_admin_screens_in_english(qtbot, demo_db_path: Path) -> None:
    db = open_database(str(demo_db_path))
    i18n.install("en")
    try:
        tasks = TaskRunner(synchronous=True)
        page = AdminPage(db.uow("admin"), tasks, "admin")
        qtbot.addWidget(page)
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
            "Rules in force", "Users and permissions", "Backups"]
        assert page.save_button.text() == "Save as a new version…"
        users = UsersPanel(db.uow("admin"), tasks)
        qtbot.addWidget(users)
        assert users.table.horizontalHeaderItem(0).text() == "User name"
        roles = {users.table.item(i, 0).text(): users.table.item(i, 2).text() for i in range(users.table.rowCount())}
        assert roles["canbo"] == "Clerk" and roles["admin"] == "Administrator"
        backups = BackupPanel(db.uow("canbo"), tasks, "canbo")
        qtbot.addWidget(backups)
        assert backups.backup_button.text() == "Back up now" and backups.status.text() == "No backup yet."
        audit = AuditDialog(db, "admin", tasks)
        qtbot.addWidget(audit)
        assert audit.windowTitle() == "Audit log" and audit.page.source.itemText(0) == "This office"
        assert audit.page.status.text().startswith("Showing ")
    finally:
        i18n.install("vi")
        db.close()
