"""The cadre list model: lazily fetched pages, either the whole list (Vietnamese name order) or a search.

Pages come from the database lane of the ``TaskRunner``; the model never blocks the GUI thread. A
new query bumps a generation number so that late pages of an older query are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from canbo_desktop.domain.cadre import SEX_LABELS, CadreSummary, birth_display
from canbo_desktop.ui.tasks import TaskRunner

PAGE = 200
# Keep one page ahead: when a row this close to the end is painted, the next page is fetched, so the
# rows are usually there before the clerk scrolls to them (not only when the scroll bar hits bottom).
AHEAD = PAGE + 50
_NEVER = 1 << 62
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
Cells = tuple[str, ...]

# Plain ints: ``data()`` runs for every painted cell and every role (≈1,500 calls per screenful), so it
# compares ints and reads precomputed tuples instead of building enums and strings on the GUI thread.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID = int(IdRole)
_SORT = int(SortRole)
_VERTICAL = Qt.Orientation.Vertical
_UNIT_COL = int(Column.UNIT)
_BIRTH_COL = int(Column.BIRTH)


def display_cells(r: CadreSummary) -> Cells:
    """The row as the list shows it, column by column (computed on the worker thread)."""
    return (
        r.full_name,
        birth_display(r.birth_date, r.birth_precision),
        SEX_LABELS.get(r.sex, r.sex),
        r.unit_name,
        r.current_position,
        r.id_number,
        STATUS_LABELS.get(r.status, r.status),
    )


def _with_cells(rows: list[CadreSummary]) -> tuple[list[CadreSummary], list[Cells]]:
    return rows, [display_cells(r) for r in rows]


class CadreTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    load_failed = Signal(object)
    query_finished = Signal(int)  # rows known so far, after the first page of a query

    def __init__(self, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._rows: list[CadreSummary] = []
        self._cells: list[Cells] = []
        self._loader: PageLoader | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self._prefetch_from = _NEVER  # first row whose painting fetches the next page
        self._prefetch_queued = False
        self._inserting = False

    # -- feeding ----------------------------------------------------------------------------------
    def set_loader(self, loader: PageLoader) -> None:
        """Show a new list: drop the rows and fetch its first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._cells = []
        self._prefetch_from = _NEVER
        self._loader = loader
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._fetch_page()

    def _fetch_page(self) -> None:
        if self._loader is None or self._loading or self._exhausted or self._inserting:
            return
        self._loading = True
        self.loading_changed.emit(True)
        gen, offset, loader = self._generation, len(self._rows), self._loader
        self._tasks.run_db(
            lambda: _with_cells(loader(offset, PAGE)),
            on_done=lambda page: self._page_arrived(gen, offset, *page),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(self, gen: int, offset: int, rows: list[CadreSummary], cells: list[Cells]) -> None:
        if gen != self._generation or offset != len(self._rows):
            return  # a newer query replaced this one
        self._loading = False
        self.loading_changed.emit(False)
        if len(rows) < PAGE:
            self._exhausted = True
        if rows:
            self._inserting = True  # views and testers read rows inside these signals: no nested fetch
            try:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
                self._rows.extend(rows)
                self._cells.extend(cells)
                self.endInsertRows()
            finally:
                self._inserting = False
        self._prefetch_from = _NEVER if self._exhausted else max(PAGE // 2, len(self._rows) - AHEAD)
        if offset == 0:
            self.query_finished.emit(len(self._rows))

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    def _queue_prefetch(self) -> None:
        # Called while the view paints: the fetch (and its status signals) starts after the paint.
        self._prefetch_from = _NEVER
        if not self._prefetch_queued:
            self._prefetch_queued = True
            QTimer.singleShot(0, self, self._prefetch)

    def _prefetch(self) -> None:
        self._prefetch_queued = False
        self._fetch_page()

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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role != _DISPLAY:
            return None
        if orientation == _VERTICAL:
            return section + 1
        return HEADERS[Column(section)] if 0 <= section < len(Column) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        row = index.row()
        if role == _DISPLAY:
            if row >= self._prefetch_from:
                self._queue_prefetch()
            cells = self._cells
            return cells[row][index.column()] if 0 <= row < len(cells) else None
        if not (0 <= row < len(self._rows)):
            return None
        col = index.column()
        if role == _ID:
            return self._rows[row].id
        if role == _SORT:
            if col == _BIRTH_COL:
                birth = self._rows[row].birth_date
                return birth.isoformat() if birth else ""
            return self._cells[row][col]
        if role == _TOOLTIP and col == _UNIT_COL:
            r = self._rows[row]
            return f"{r.unit_name} ({r.unit_code})"
        return None

    def row_at(self, row: int) -> CadreSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loading(self) -> bool:
        return self._loading
