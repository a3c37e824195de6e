"""The import wizard, the USB picker and the conflicts page in English (the source language), then in Vietnamese
again: the same screens follow the installed language."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from canbo_desktop.services.database import Database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.dialogs.import_wizard import ImportWizard
from canbo_desktop.ui.pages.conflicts_page import ConflictsPage, show_value, typed_like
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.usb import UsbPicker, Volume


def test_screens_in_english(qtbot, demo_db: Database) -> None:
    try:
        i18n.install("en")
        wiz = ImportWizard(None, TaskRunner(synchronous=True))
        qtbot.addWidget(wiz)
        assert wiz.windowTitle() == "Import cadres from Excel"
        assert wiz.buttonText(QWizard.WizardButton.NextButton) == "Next >"
        assert wiz.file_page.title() == "Step 1. Choose the Excel file"
        assert wiz.file_page.mode.itemText(0) == "Add new people and update existing ones"

        usb = UsbPicker(lister=lambda: [])
        qtbot.addWidget(usb)
        assert usb.refresh_button.text() == "Refresh"
        assert usb.combo.currentText() == "No USB drive found — plug one in and press «Refresh»"
        vol = Volume(root="/media/ha/KINGSTON", name="KINGSTON", removable=True, free_bytes=3 * 1024**3,
                     total_bytes=8 * 1024**3)
        assert vol.label() == "USB · KINGSTON — 3.0 GB free of 8.0 GB (/media/ha/KINGSTON)"

        page = ConflictsPage(demo_db.uow("canbo"), TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        assert page.keep_button.text() == "Keep mine"
        assert page.detail.horizontalHeaderItem(1).text() == "Common base"
        assert "No conflicts left." in page.summary.text()
        assert show_value(True) == "Yes" and typed_like("yes", False) is True
    finally:
        i18n.install("vi")
    usb = UsbPicker(lister=lambda: [])
    qtbot.addWidget(usb)
    assert usb.refresh_button.text() == "Làm mới"
    assert Volume(root="/media/ha/K", name="K", removable=True, free_bytes=3 * 1024**3,
                  total_bytes=8 * 1024**3).label() == "USB · K — trống 3,0 GB / 8,0 GB (/media/ha/K)"
    assert show_value(True) == "Có"
