"""The record editor and its dialogs follow the interface language: built in English, they speak English."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from canbo_desktop.ui import i18n
from canbo_desktop.ui.dialogs.cadre_editor import CadreEditor
from canbo_desktop.ui.dialogs.decision_dialog import DecisionDialog
from canbo_desktop.ui.tasks import TaskRunner


def test_the_editor_built_in_english_shows_english_tabs_labels_and_undo_texts(qtbot) -> None:
    try:
        i18n.install("en")
        editor = CadreEditor(None, TaskRunner(synchronous=True), {})  # a new record: no database needed
        qtbot.addWidget(editor)
        tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
        assert tabs[0] == "Personal details" and "Health, ID card" in tabs and tabs[-1] == "Decisions"
        labels = {lab.text() for lab in editor.findChildren(QLabel)}
        assert "1. Full name at birth" in labels and "25. ID card number (personal ID)" in labels
        assert editor.widgets["full_name"].accessibleName() == "1. Full name at birth"
        assert editor.windowTitle() == "Record: New record"
        phone = editor.widgets["phone"]
        assert isinstance(phone, QLineEdit)
        phone.setText("0987000111")
        phone.editingFinished.emit()
        assert editor.undo.undoText() == "Phone"
        editor.undo.setClean()
        dialog = DecisionDialog({})
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Record decision" and dialog.rows["number"][0].text() == "Decision no."
    finally:
        i18n.install("vi")
    editor = CadreEditor(None, TaskRunner(synchronous=True), {})
    qtbot.addWidget(editor)
    assert editor.tabs.tabText(0) == "Sơ yếu" and editor.widgets["full_name"].accessibleName() == "1. Họ và tên khai sinh"
