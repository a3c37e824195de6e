"""The cadre list model: lazily fetched pages, either the whole list (Vietnamese name order) or a search.

Pages come from the database lane of the ``TaskRunner``; the model never blocks the GUI thread. A
new query bumps a generation number so that late pages of an older query are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from canbo_desktop.domain.cadre import SEX_LABELS, CadreSummary, birth_display
from canbo_desktop.ui.tasks import TaskRunner

PAGE = 200
_ROOT = QModelIndex()
IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

STATUS_LABELS = {
    "dang_cong_tac": "Đang công tác",
    "nghi_huu": "Nghỉ hưu",
    "chuyen_cong_tac": "Đã chuyển công tác",
    "thoi_viec": "Thôi việc",
    "biet_phai": "Biệt phái",
    "tu_tran": "Từ trần",
    "nghi_khong_luong": "Nghỉ không lương",
}


class Column(IntEnum):
    NAME = 0
    BIRTH = 1
    SEX = 2
    UNIT = 3
    POSITION = 4
    ID_NUMBER = 5
    STATUS = 6


HEADERS = {
    Column.NAME: "Họ và tên",
    Column.BIRTH: "Ngày sinh",
    Column.SEX: "Giới tính",
    Column.UNIT: "Đơn vị",
    Column.POSITION: "Chức vụ",
    Column.ID_NUMBER: "Số CCCD",
    Column.STATUS: "Trạng thái",
}

PageLoader = Callable[[int, int], list[CadreSummary]]  # (offset, limit) -> rows, run on the DB lane


class CadreTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    load_failed = Signal(object)
    query_finished = Signal(int)  # rows known so far, after the first page of a query

    def __init__(self, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._rows: list[CadreSummary] = []
        self._loader: PageLoader | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0

    # -- feeding ----------------------------------------------------------------------------------
    def set_loader(self, loader: PageLoader) -> None:
        """Show a new list: drop the rows and fetch its first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._loader = loader
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._fetch_page()

    def _fetch_page(self) -> None:
        if self._loader is None or self._loading or self._exhausted:
            return
        self._loading = True
        self.loading_changed.emit(True)
        gen, offset, loader = self._generation, len(self._rows), self._loader
        self._tasks.run_db(
            lambda: loader(offset, PAGE),
            on_done=lambda rows: self._page_arrived(gen, offset, rows),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(self, gen: int, offset: int, rows: list[CadreSummary]) -> None:
        if gen != self._generation or offset != len(self._rows):
            return  # a newer query replaced this one
        self._loading = False
        self.loading_changed.emit(False)
        if len(rows) < PAGE:
            self._exhausted = True
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if offset == 0:
            self.query_finished.emit(len(self._rows))

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    # -- Qt lazy loading --------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:  # noqa: N802
        if not parent.isValid():
            self._fetch_page()

    # -- model ------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return HEADERS[Column(section)]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == IdRole:
            return r.id
        if role == SortRole:
            if col == Column.BIRTH:
                return r.birth_date.isoformat() if r.birth_date else ""
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.UNIT:
            return f"{r.unit_name} ({r.unit_code})"
        return None

    @staticmethod
    def _display(r: CadreSummary, col: Column) -> str:
        if col == Column.NAME:
            return r.full_name
        if col == Column.BIRTH:
            return birth_display(r.birth_date, r.birth_precision)
        if col == Column.SEX:
            return SEX_LABELS.get(r.sex, r.sex)
        if col == Column.UNIT:
            return r.unit_name
        if col == Column.POSITION:
            return r.current_position
        if col == Column.ID_NUMBER:
            return r.id_number
        return STATUS_LABELS.get(r.status, r.status)

    def row_at(self, row: int) -> CadreSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loading(self) -> bool:
        return self._loading
