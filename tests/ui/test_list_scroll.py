"""The cadre list while the clerk scrolls it: the next page is read ahead, so reaching the end of the table
takes rows already in memory; a painted cell is served in one call (multiData) with what data() gives."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtWidgets import QTableView

from canbo_desktop.domain.cadre import CadreSummary
from canbo_desktop.ui.models.cadre_table import AHEAD_PAGES, PAGE, CadreTableModel, Column, IdRole, SortRole
from canbo_desktop.ui.tasks import TaskRunner

PEOPLE = [CadreSummary(f"id{i}", f"Nguyễn Văn {i}", "M", date(1980, 1, 1 + i % 28), "day", "u1", "40.X01",
                       "Xã Thanh Hà", "Chuyên viên", "dang_cong_tac", f"0790{i:08d}", i) for i in range(5 * PAGE + 17)]


class Loader:
    """The pages of PEOPLE, noting which offsets were asked for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(self, offset: int, limit: int) -> list[CadreSummary]:
        self.asked.append(offset)
        return PEOPLE[offset:offset + limit]


@pytest.fixture
def view(qtbot: Any) -> tuple[QTableView, CadreTableModel, Loader]:
    model = CadreTableModel(TaskRunner(synchronous=True))
    table = QTableView()
    table.setModel(model)
    table.resize(900, 500)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    loader = Loader()
    model.set_loader(loader)
    return table, model, loader


def test_scrolling_to_the_end_takes_the_page_read_ahead_at_once(qtbot: Any, view: Any) -> None:
    table, model, loader = view
    assert model.rowCount() == PAGE and loader.asked == [0]  # nothing read ahead before the clerk scrolls
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE)  # the end reached: the next page came in
    qtbot.waitUntil(lambda: len(loader.asked) == 2 + AHEAD_PAGES)  # and the following ones are read ahead
    for step in range(3, 6):
        asked = len(loader.asked)
        table.scrollToBottom()  # the rows are there within the call: nothing to wait for
        assert model.rowCount() == min(step * PAGE, len(PEOPLE))
        assert len(loader.asked) in (asked, asked + 1)  # at most one more page read per page shown
    while model.canFetchMore():
        table.scrollToBottom()
        qtbot.wait(1)
    assert model.rowCount() == len(PEOPLE)
    assert sorted(loader.asked) == list(range(0, len(PEOPLE), PAGE))  # each page read once
    assert [model.data(model.index(r, Column.NAME), IdRole) for r in range(len(PEOPLE))] == [p.id for p in PEOPLE]
    assert model.row_at(len(PEOPLE) - 1) == PEOPLE[-1]


def test_a_new_query_drops_the_pages_read_ahead(qtbot: Any, view: Any) -> None:
    table, model, loader = view
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE and len(loader.asked) == 2 + AHEAD_PAGES)
    few = PEOPLE[:5]
    model.set_loader(lambda off, lim: few[off:off + lim])
    assert model.rowCount() == 5 and not model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 5


def test_a_painted_cell_gets_every_role_in_one_call(view: Any) -> None:
    _table, model, _loader = view
    roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
             Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
             Qt.ItemDataRole.BackgroundRole]  # what the item delegate asks for
    for col in Column:
        index = model.index(7, col)
        items = [QModelRoleData(int(r)) for r in roles]
        for item in items:
            model.multiData(index, QModelRoleDataSpan(item))
        assert [i.data() for i in items] == [model.data(index, r) for r in roles]
        assert items[5].data() == model.data(index)
        assert items[5].data() not in (None, "")
    # the roles of our own, one by one or several at once
    index = model.index(7, Column.BIRTH)
    for role, want in ((IdRole, "id7"), (SortRole, "1980-01-08"), (Qt.ItemDataRole.DisplayRole, "08/01/1980")):
        item = QModelRoleData(int(role))
        model.multiData(index, QModelRoleDataSpan(item))
        assert item.data() == want
    tip = QModelRoleData(int(Qt.ItemDataRole.ToolTipRole))
    model.multiData(model.index(7, Column.UNIT), tip)
    assert tip.data() == "Xã Thanh Hà (40.X01)"
    outside = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(model.index(model.rowCount() + 3, 0), QModelRoleDataSpan(outside))
    assert outside.data() is None


def test_the_list_shows_its_headers_and_statuses_in_the_clerks_language(view: Any) -> None:
    _table, model, _loader = view
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ", "Số CCCD", "Trạng thái"]
    assert model.data(model.index(3, Column.STATUS)) == "Đang công tác"
