"""The conflicts page: a real conflict from a real package, shown field by field, resolved through the engine;
the status-bar counter follows until zero."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from canbo_desktop.services.cadres import cadre_file, search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.sync import importer
from canbo_desktop.ui.pages.conflicts_page import ConflictsPage, EditDialog, Names, show_value, typed_like
from canbo_desktop.ui.tasks import TaskRunner
from tests.ui.test_main_window import make_window
from tests.ui.test_sync_page import (
    DISTRICT_PASS,
    add_people,
    export_from_commune,
    link_offices,
    set_phone,
)


def district_with_a_conflict(demo_db: Database, empty_db: Database, tmp_path: Path) -> str:
    """The commune's people reach the district; both offices then change the same person's phone
    differently; the commune's next package brings a hard conflict. Returns the person's id."""
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    ids = add_people(empty_db, office)
    first = export_from_commune(empty_db, tmp_path / "usb1")
    r = importer.import_package(demo_db.uow("canbo"), first, passphrase=DISTRICT_PASS, ack_dir=tmp_path / "acks",
                                backup=False)
    assert r.status == "applied", r.reason
    set_phone(demo_db, "canbo", ids[0], "0911 111 111")
    set_phone(empty_db, "quantri", ids[0], "0922 222 222")
    second = export_from_commune(empty_db, tmp_path / "usb2")
    r = importer.import_package(demo_db.uow("canbo"), second, passphrase=DISTRICT_PASS, ack_dir=tmp_path / "acks",
                                backup=False)
    assert r.status == "applied", r.reason
    return ids[0]


def click(widget) -> None:
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QApplication.sendEvent(widget, QMouseEvent(kind, QPointF(3, 3), QPointF(3, 3), Qt.MouseButton.LeftButton,
                                                   Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def test_a_hard_conflict_is_shown_side_by_side_and_taken_from_the_package(qtbot, demo_db: Database, empty_db: Database,
                                                                          tmp_path: Path) -> None:
    cid = district_with_a_conflict(demo_db, empty_db, tmp_path)
    w = make_window(qtbot, demo_db)
    assert w.status_conflicts.text() == "Xung đột: 1"
    click(w.status_conflicts)  # the counter opens the conflicts
    assert w.section() == "sync"
    page: ConflictsPage = w.pages["sync"].conflicts  # type: ignore[attr-defined]
    assert page.isVisible() and page.list.rowCount() == 1
    assert page.list.item(0, 0).text() == "Lò Thị Hoa" and page.list.item(0, 2).text() == "Cứng"
    assert "chờ quyết định" in page.head.text()
    rows = {page.detail.item(i, 0).text(): [page.detail.item(i, j).text() for j in (1, 2, 3)]
            for i in range(page.detail.rowCount())}
    assert rows["Điện thoại"] == ["—", "0911 111 111", "0922 222 222"]  # base, this office, received
    assert page.highlighted_rows()[0] == "Điện thoại"
    assert "Họ và tên" not in page.highlighted_rows()  # the same on both sides: not highlighted
    page.take_button.click()
    assert page.list.rowCount() == 0 and "Không còn xung đột" in page.summary.text()
    assert w.status_conflicts.text() == "Xung đột: 0"
    assert cadre_file(demo_db.uow("t"), cid).cadre.phone == "0922 222 222"


def test_keep_and_edit_resolve_through_the_engine(qtbot, demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    cid = district_with_a_conflict(demo_db, empty_db, tmp_path)
    page = ConflictsPage(demo_db.uow("canbo"), TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    counts: list[int] = []
    page.count_changed.connect(counts.append)
    page.reload()
    assert counts[-1] == 1 and page.disputed_fields() == ["phone"]
    dlg = EditDialog(page.current, page.disputed_fields(), page)  # "Sửa…": the local value filled in
    qtbot.addWidget(dlg)
    assert dlg.edits["phone"].text() == "0911 111 111" and "0922 222 222" in dlg.edits["phone"].placeholderText()
    dlg.edits["phone"].setText("0933 333 333")
    page.resolve("edit", dlg.values())
    assert counts[-1] == 0
    assert cadre_file(demo_db.uow("t"), cid).cadre.phone == "0933 333 333"
    assert search_cadres(demo_db.uow("t"), "lo thi hoa")


def test_values_read_as_a_clerk_reads_them() -> None:
    assert show_value("1990-05-02") == "02/05/1990"
    assert show_value(None) == "—" and show_value(True) == "Có"
    assert typed_like("02/05/1991", "1990-05-02") == "1991-05-02"
    assert typed_like("3", 2) == 3 and typed_like("2,34", 1.0) == 2.34 and typed_like("", "x") is None


def test_codes_are_shown_by_their_names(demo_db: Database) -> None:
    from canbo_desktop.services import refdata
    from canbo_desktop.services.setup import office_info

    names = Names(refdata.code_choices(demo_db.uow("t")))
    with demo_db.uow("t")() as uow:
        office = office_info(uow)
    assert office is not None
    assert names.show("status", "dang_cong_tac") == "Đang công tác"
    assert names.show("owner_unit_id", office.unit_id) == office.unit_name
    assert names.show("sex", "F") == "Nữ"
    assert names.show("phone", "0911 111 111") == "0911 111 111"
    assert names.show("status", "ma_la") == "ma_la"  # an unknown code stays visible as it is
