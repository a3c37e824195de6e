"""The sync page, the key set-up dialog and the sync import wizard in English (the source language), then in
Vietnamese again: the same screens follow the installed language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from canbo_desktop.services.database import Database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.dialogs.sync_import_wizard import STATUS_TEXT, SyncImportWizard, counts_html
from canbo_desktop.ui.dialogs.sync_setup import SyncSetupDialog
from canbo_desktop.ui.pages.sync_page import SyncPage
from canbo_desktop.ui.tasks import TaskRunner
from tests.ui.test_sync_page import link_offices


def _row(page: SyncPage) -> list[str]:
    return [page.peer_table.item(0, j).text() for j in range(6)]


def test_sync_screens_in_english(qtbot, demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    link_offices(demo_db, empty_db, tmp_path / "keys")
    uowf, tasks = empty_db.uow("quantri"), TaskRunner(synchronous=True)
    try:
        i18n.install("en")
        page = SyncPage(uowf, tasks, volumes=lambda: [])
        qtbot.addWidget(page)
        assert page.setup_button.text() == "Key set-up…"
        assert page.export_button.text() == "Write package to USB"
        assert page.tabs.tabText(0) == "Send and receive" and page.tabs.tabText(1).startswith("Conflicts")
        assert page.peer_table.horizontalHeaderItem(5).text() == "Sent, not acknowledged"
        assert _row(page)[0] == "Parent" and _row(page)[3] == "not sent yet" and _row(page)[4] == "not received yet"
        assert page.target.currentText().startswith("Parent — ")
        assert "key fingerprint:" in page.office.text()
        page.export_button.click()  # no stick, no folder
        assert "Plug in a USB drive and press «Refresh»" in page.export_status.text()

        setup = SyncSetupDialog(uowf, tasks)
        qtbot.addWidget(setup)
        assert setup.windowTitle() == "USB sync set-up — the unit's keys"
        assert [setup.tabs.tabText(i) for i in range(3)] == ["Our unit's keys", "Parent and child units",
                                                             "Recovery key (province)"]
        assert setup.relation.itemText(0) == "Parent unit (we send our packages to it)"
        assert setup.peer_table.item(0, 0).text() == "Parent"

        wiz = SyncImportWizard(uowf, tasks)
        qtbot.addWidget(wiz)
        wiz.show()
        assert wiz.windowTitle() == "Receive a sync package from USB"
        assert wiz.buttonText(QWizard.WizardButton.NextButton) == "Next >"
        assert wiz.file_page.title() == "Step 1. Choose the package on the USB drive"
        wiz.next()  # no file chosen
        assert wiz.file_page.status.text() == "Choose the package file (.cbpkg) on the USB drive."
        assert STATUS_TEXT["applied"] == "The package was applied."
        counts = {"new": 2, "changed": 1, "deleted": 0, "unchanged": 5, "rejected": 0}
        assert counts_html(counts).startswith("<b>2</b> new · <b>1</b> changed")
    finally:
        i18n.install("vi")
    page = SyncPage(uowf, tasks, volumes=lambda: [])
    qtbot.addWidget(page)
    assert page.setup_button.text() == "Cài đặt khoá…"
    assert _row(page)[0] == "Cấp trên" and _row(page)[3] == "chưa gửi"
    assert STATUS_TEXT["applied"] == "Đã áp dụng gói."
    assert counts_html(counts).startswith("<b>2</b> mới · <b>1</b> thay đổi")
