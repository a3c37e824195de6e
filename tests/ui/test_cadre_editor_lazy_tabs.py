"""The record editor builds only the tab shown at open (issue 13: open a record in ≤ 100 ms); the other tabs
are built on first view, and nothing the clerk typed or the record holds is lost on the tabs never opened."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QLineEdit

from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.services.database import Database
from canbo_desktop.ui.dialogs.cadre_editor import CadreEditor
from tests.ui.test_cadre_editor import open_first, window


def first_tab_line(editor: CadreEditor, label: str) -> QLineEdit:
    """A text field of the first tab, found by its label without asking for the other tabs."""
    tab = editor.tabs.widget(0)
    return next(w for w in tab.findChildren(QLineEdit) if w.accessibleName() == label)


def test_a_tab_opened_later_shows_the_record_and_its_tables(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "nguyen thi hong nhung")
    stored = cadre_file(demo_db.uow("t"), editor.cadre_id)
    health = next(i for i in range(editor.tabs.count()) if editor.tabs.tabText(i) == "Sức khỏe, CCCD")
    assert editor.tabs.widget(health).widget() is None  # not built at open: the editor opens sooner
    editor.tabs.setCurrentIndex(health)
    assert editor.tabs.widget(health).widget().isVisible()
    assert editor.widgets["id_number"].text() == (stored.cadre.id_number or "")
    assert [r.description for r in editor.models["work_history"].rows] == [r.description for r in stored.work_history]
    assert editor.view_work_history.model() is editor.models["work_history"]
    assert "*" not in editor.windowTitle() and not editor.dirty


def test_saving_without_opening_the_other_tabs_keeps_what_they_hold(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "nguyen thi hong nhung")
    before = cadre_file(demo_db.uow("t"), editor.cadre_id)
    phone = first_tab_line(editor, "Điện thoại")
    phone.setText("0987000222")
    phone.editingFinished.emit()
    assert editor.dirty
    editor.save()
    assert editor.status.text() == "Đã lưu." and not editor.dirty
    after = cadre_file(demo_db.uow("t"), editor.cadre_id)
    assert after.cadre.phone == "0987000222"
    keep = {"phone", "rev", "updated_at"}
    changed = {k for k, v in dataclasses.asdict(before.cadre).items() if dataclasses.asdict(after.cadre)[k] != v} - keep
    assert changed == set()
    for table in ("training", "work_history", "family", "salary", "awards", "discipline"):
        assert len(getattr(after, table)) == len(getattr(before, table)), table


def test_edits_on_several_tabs_undo_and_the_close_question_still_asks(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    phone = first_tab_line(editor, "Điện thoại")
    phone.setText("0987000111")
    phone.editingFinished.emit()
    editor.tabs.setCurrentIndex(editor.tabs.count() - 3)  # a tab built only now
    height = editor.widgets["height_cm"]
    assert isinstance(height, QLineEdit)
    height.setText("171")
    height.editingFinished.emit()
    assert editor.dirty and phone.text() == "0987000111"  # the first edit survives building the other tabs
    editor.undo.undo()
    assert height.text() != "171" and phone.text() == "0987000111"
    editor.undo.undo()
    assert not editor.dirty


def test_an_error_on_a_tab_not_built_yet_is_shown_there(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    editor.show_errors({"id_number": "Số CCCD không khớp giới tính."})  # as the save service answers
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "Sức khỏe, CCCD"
    assert editor.errors["id_number"].isVisibleTo(editor) and "giới tính" in editor.errors["id_number"].text()
    assert "giới tính" in editor.status.text()
