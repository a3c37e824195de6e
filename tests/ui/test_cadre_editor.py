"""The record editor as a clerk uses it: search, open, edit, save, see it in the list."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QMessageBox

from canbo_desktop.services.cadres import cadre_file, search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.dialogs.cadre_editor import CadreEditor
from canbo_desktop.ui.main_window import MainWindow
from canbo_desktop.ui.models.cadre_table import Column
from canbo_desktop.ui.tasks import TaskRunner


def window(qtbot, db: Database) -> MainWindow:
    QSettings().clear()
    with db.uow("t")() as uow:
        office = office_info(uow)
    w = MainWindow(db, office, "canbo", TaskRunner(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    return w


def open_first(qtbot, w: MainWindow, query: str) -> CadreEditor:
    qtbot.keyClicks(w.search, query)
    w.apply_search()
    w.table.setCurrentIndex(w.model.index(0, 0))
    w._open_current()
    editor = w.editors[-1]
    return editor


def set_line(editor: CadreEditor, name: str, text: str) -> None:
    widget = editor.widgets[name]
    assert isinstance(widget, QLineEdit)
    widget.setText(text)
    widget.editingFinished.emit()


def test_search_open_edit_save_and_the_list_shows_it(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    assert editor.widgets["full_name"].text() == "Đặng Quốc Việt"
    assert editor.widgets["birth_date"].text() == "12/03/1975"
    assert "*" not in editor.windowTitle()
    set_line(editor, "current_position", "Trưởng phòng Nội vụ")
    assert editor.dirty and editor.windowTitle().endswith("*")
    editor.save()
    assert editor.status.text() == "Đã lưu." and not editor.dirty
    assert w.model.data(w.model.index(0, Column.POSITION)) == "Trưởng phòng Nội vụ"


def test_typed_nfd_and_windows_keyboard_text_is_stored_nfc(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    set_line(editor, "birthplace", unicodedata.normalize("NFD", "Xã Nghĩa Đàn, tỉnh Nghệ An"))
    set_line(editor, "hometown", "Xa\u0303 Di\u00ea\u0303n Châu")  # ã as a + tilde; ễ as ê + combining tilde
    editor.save()
    f = cadre_file(demo_db.uow("t"), editor.cadre_id)
    assert f.cadre.birthplace == "Xã Nghĩa Đàn, tỉnh Nghệ An" and unicodedata.is_normalized("NFC", f.cadre.birthplace)
    assert f.cadre.hometown == "Xã Diễn Châu"
    with demo_db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT hometown FROM cadre WHERE id = ?", (editor.cadre_id,)).scalar()
    assert stored == "Xã Diễn Châu" and unicodedata.is_normalized("NFC", stored)


def test_add_a_work_history_row(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "nguyen thi hong nhung")
    model = editor.models["work_history"]
    before = model.rowCount()
    editor._add_row(model, editor.view_work_history)
    r = model.rowCount() - 1
    assert model.setData(model.index(r, 0), "01/2027")
    assert model.setData(model.index(r, 2), "Trưởng phòng Văn hóa - Xã hội")
    assert not model.setData(model.index(r, 1), "13/2027")  # an impossible month is refused
    assert "không hợp lệ" in model.last_error
    editor.save()
    rows = cadre_file(demo_db.uow("t"), editor.cadre_id).work_history
    assert len(rows) == before + 1 and rows[-1].from_date == "2027-01"
    assert rows[-1].description == "Trưởng phòng Văn hóa - Xã hội"


def test_wrong_fields_are_shown_next_to_them_and_nothing_is_saved(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    set_line(editor, "id_number", "040175001234")  # the 4th digit says a woman
    set_line(editor, "height_cm", "cao")
    editor.save()
    assert editor.errors["height_cm"].isVisibleTo(editor) and "số nguyên" in editor.errors["height_cm"].text()
    set_line(editor, "height_cm", "170")
    editor.save()
    assert "giới tính" in editor.errors["id_number"].text()
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "Sức khỏe, CCCD"  # taken to the field
    assert search_cadres(demo_db.uow("t"), "040175001234") == []
    editor.undo.setClean()  # let the test close the window without the "unsaved changes" question


def test_undo_within_the_editor(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    set_line(editor, "phone", "0987000111")
    set_line(editor, "email", "viet@example.vn")
    editor.undo.undo()
    assert editor.widgets["email"].text() == ""
    editor.undo.undo()
    assert editor.widgets["phone"].text() != "0987000111" and not editor.dirty


def test_closing_with_unsaved_changes_asks(qtbot, demo_db: Database, monkeypatch) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    set_line(editor, "phone", "0987000111")
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        box_buttons = {b.text(): b for b in box.buttons()}
        box.clickedButton = lambda: box_buttons["Quay lại"]  # type: ignore[method-assign]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    editor.close()
    assert asked and "chưa lưu" in asked[0]
    assert editor.isVisible()  # nothing lost
    asked.clear()
    w.close()  # closing the main window asks for the open record too
    assert asked and w.isVisible() and editor.isVisible()
    editor.undo.setClean()


def test_new_person_from_the_menu(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = w.open_cadre(None)
    set_line(editor, "full_name", "Lò Văn Pọm")
    assert editor.widgets["given_name"].text() == "Pọm" and editor.widgets["family_name"].text() == "Lò"
    editor.widgets["birth_date"].setText("1990")
    editor.widgets["birth_date"].editingFinished.emit()
    editor.save()
    found = search_cadres(demo_db.uow("t"), "lo van pom")
    assert [r.full_name for r in found] == ["Lò Văn Pọm"] and found[0].birth_date.year == 1990
    assert found[0].birth_precision == "year"
    assert w.model.rowCount() >= 1



def test_record_a_transfer_then_cancel_it(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "nguyen thi hong nhung")
    old_unit = editor.widgets["owner_unit_id"].value()
    history_before = [(r.from_date, r.to_date, r.description) for r in editor.models["work_history"].rows]
    target_id, target_name = next((code, name.strip()) for code, name in w.codes["unit"] if code != old_unit)

    editor.add_decision()
    dlg = editor.decision_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.kind.set_value("dieu_dong")
    dlg._accept()  # nothing filled in: stays open and says what is missing
    assert dlg.isVisible() and "số quyết định" in dlg.error.text()
    dlg.number.setText("45/QĐ-UBND")
    dlg.signed_on.setText("01/10/2026")
    dlg.effective.setText("01/10/2026")
    dlg.issuer.setText("UBND huyện Phú Xuân")
    dlg.unit.set_value(target_id)
    dlg.title_text.setText("Chuyên viên")
    dlg._accept()
    assert not dlg.isVisible()
    assert editor.widgets["owner_unit_id"].value() == target_id
    assert editor.models["work_history"].rows[-1].description == f"Chuyên viên, {target_name}"
    assert [r.number for r in editor.decisions_model.rows][-1] == "45/QĐ-UBND"
    assert w.model.data(w.model.index(0, Column.UNIT)) == target_name  # the list follows
    timeline = editor.timeline.toPlainText()
    assert "2026" in timeline and "01/10/2026 · Điều động" in timeline and "QĐ số 45/QĐ-UBND" in timeline

    decision = editor.decisions_model.rows[-1]
    editor.cancel_decision(decision.id, "Ghi nhầm người")
    assert editor.widgets["owner_unit_id"].value() == old_unit
    assert [(r.from_date, r.to_date, r.description) for r in editor.models["work_history"].rows] == history_before
    assert editor.decisions_model.rows[-1].status == "cancelled"
    assert "trở lại như trước" in editor.status.text()
    assert "Đã huỷ — lý do: Ghi nhầm người" in editor.timeline.toPlainText()


def test_a_decision_needs_a_saved_record(qtbot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "dang quoc viet")
    set_line(editor, "phone", "0987000111")
    editor.add_decision()
    assert editor.decision_dialog is None and "lưu hồ sơ" in editor.status.text()
    editor.undo.setClean()


def test_delete_restore_and_purge_from_the_trash(qtbot, demo_db: Database, monkeypatch) -> None:
    w = window(qtbot, demo_db)
    qtbot.keyClicks(w.search, "dang quoc viet")
    w.apply_search()
    w.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.trash_selected()
    assert w.model.rowCount() == 0  # gone from the list and the search
    trash = w.open_trash()
    assert [trash.model.data(trash.model.index(r, Column.NAME)) for r in range(trash.model.rowCount())] == ["Đặng Quốc Việt"]
    trash.view.selectRow(0)
    trash.restore(trash.selected_ids())
    assert trash.model.rowCount() == 0 and w.model.data(w.model.index(0, Column.NAME)) == "Đặng Quốc Việt"
    w.table.selectRow(0)
    w.trash_selected()
    trash.reload()
    trash.view.selectRow(0)
    ids = trash.selected_ids()
    trash.purge(ids, "XOÁ VĨNH VIỄN")  # the demo user "canbo" is a clerk: refused
    assert "quản trị viên" in trash.status.text() and trash.model.rowCount() == 1
    assert not trash.purge_button.isEnabled()
    trash.role, trash.uowf = "admin", demo_db.uow("admin")  # the service checks the logged-in user, not the role
    trash.purge(ids, "đồng ý")  # the wrong words: nothing happens
    assert "XOÁ VĨNH VIỄN" in trash.status.text() and trash.model.rowCount() == 1
    trash.purge(ids, "xoá vĩnh viễn")
    assert trash.model.rowCount() == 0 and "vĩnh viễn" in trash.status.text()
    trash.close()


def test_attach_a_photo(qtbot, demo_db: Database) -> None:
    import io

    from PIL import Image

    w = window(qtbot, demo_db)
    editor = open_first(qtbot, w, "hoang thi thuy")
    assert editor.photo.text() == "Ảnh 4×6"
    buf = io.BytesIO()
    Image.new("RGB", (800, 1200), (90, 120, 200)).save(buf, "JPEG")
    editor.photo_date.setText("01/09/2026")
    editor.set_photo(buf.getvalue())
    assert editor.status.text() == "Đã cập nhật ảnh."
    assert editor.photo.pixmap() is not None and not editor.photo.pixmap().isNull()
    assert cadre_file(demo_db.uow("t"), editor.cadre_id).cadre.photo_date.isoformat() == "2026-09-01"
    editor.set_photo(b"GIF89a-but-not-really")
    assert "không phải là ảnh" in editor.status.text()
