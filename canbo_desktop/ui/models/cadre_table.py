"""The cadre list model: lazily fetched pages, either the whole list (Vietnamese name order) or a search.

Pages come from the database lane of the ``TaskRunner``; the model never blocks the GUI thread. A
new query bumps a generation number so that late pages of an older query are dropped.

The rows are kept flat (one list of the cells' strings, one list of the rows' plain field values), not
as one object per row: 100,000 row objects are 100,000 objects for Python's garbage collector, whose
young-generation passes then froze the window for 40–50 ms every hundred pages while scrolling
(benchmarks/, issue 13). Strings, dates and ints are not tracked by the collector; a page adds nothing
for it to walk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal

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
_NCOLS = len(Column)
_NFIELDS = len(fields(CadreSummary))
_field_values = attrgetter(*(f.name for f in fields(CadreSummary)))
_F_ID, _F_BIRTH, _F_UNIT_CODE, _F_UNIT_NAME = 0, 3, 6, 7  # positions in CadreSummary's fields

# Plain ints: ``data()`` runs for every painted cell and every role (≈1,500 calls per screenful), so it
# compares ints and reads precomputed tuples instead of building enums and strings on the GUI thread.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SIZE_HINT = int(Qt.ItemDataRole.SizeHintRole)
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


# Values that repeat from row to row (a unit's id, code and name, a position, a status, a date shown)
# are kept once: the database hands out a new string for every row (100,000 rows scrolled: 286 → 229 MB,
# benchmarks/memory.py). Kept for the process, up to 200,000 values; setdefault is atomic under the GIL.
_SHARED: dict[Any, Any] = {}
_REPEATING = (2, 4, 5, 6, 7, 8, 9)  # sex, birth_precision, unit_id, unit_code, unit_name, current_position, status
_REPEATING_CELLS = frozenset((Column.BIRTH, Column.UNIT, Column.POSITION))


def _flatten(rows: list[CadreSummary]) -> tuple[int, list[Any], list[str]]:
    """A page as the model keeps it (on the worker thread): the row count, every row's field values
    one after the other, and every row's cells one after the other."""
    values: list[Any] = []
    cells: list[str] = []
    shared = _SHARED if len(_SHARED) < 200_000 else {}
    for r in rows:
        v = list(_field_values(r))
        for i in _REPEATING:
            v[i] = shared.setdefault(v[i], v[i])
        values.extend(v)
        cells.extend(shared.setdefault(x, x) if col in _REPEATING_CELLS else x for col, x in enumerate(display_cells(r)))
    return len(rows), values, cells


class CadreTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    load_failed = Signal(object)
    query_finished = Signal(int)  # rows known so far, after the first page of a query

    def __init__(self, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._count = 0
        self._values: list[Any] = []  # _NFIELDS per row: CadreSummary's fields in order
        self._cells: list[str] = []  # _NCOLS per row: what each column shows
        self._loader: PageLoader | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self._prefetch_from = _NEVER  # first row whose painting fetches the next page
        self._prefetch_queued = False
        self._inserting = False
        self._row_header_size: QSize | None = None

    def set_row_header_size(self, size: QSize) -> None:
        """The size of every row number in the vertical header. Given, the header does not measure
        the first and last hundred numbers again (≈1,200 calls into Python) each time a page arrives,
        and its width does not jump when the count gains a digit."""
        self._row_header_size = size

    # -- feeding ----------------------------------------------------------------------------------
    def set_loader(self, loader: PageLoader) -> None:
        """Show a new list: drop the rows and fetch its first page."""
        self._generation += 1
        self.beginResetModel()
        self._count = 0
        self._values = []
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
        gen, offset, loader = self._generation, self._count, self._loader
        self._tasks.run_db(
            lambda: _flatten(loader(offset, PAGE)),
            on_done=lambda page: self._page_arrived(gen, offset, *page),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(self, gen: int, offset: int, n: int, values: list[Any], cells: list[str]) -> None:
        if gen != self._generation or offset != self._count:
            return  # a newer query replaced this one
        self._loading = False
        self.loading_changed.emit(False)
        if n < PAGE:
            self._exhausted = True
        if n:
            self._inserting = True  # views and testers read rows inside these signals: no nested fetch
            try:
                self.beginInsertRows(QModelIndex(), self._count, self._count + n - 1)
                self._values.extend(values)
                self._cells.extend(cells)
                self._count += n
                self.endInsertRows()
            finally:
                self._inserting = False
        self._prefetch_from = _NEVER if self._exhausted else max(PAGE // 2, self._count - AHEAD)
        if offset == 0:
            self.query_finished.emit(self._count)

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
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else _NCOLS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if orientation == _VERTICAL:
            if role == _SIZE_HINT:
                return self._row_header_size
            return section + 1 if role == _DISPLAY else None
        if role != _DISPLAY:
            return None
        return HEADERS[Column(section)] if 0 <= section < _NCOLS else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        row = index.row()
        if role == _DISPLAY:
            if row >= self._prefetch_from:
                self._queue_prefetch()
            return self._cells[row * _NCOLS + index.column()] if 0 <= row < self._count else None
        if not (0 <= row < self._count):
            return None
        col = index.column()
        base = row * _NFIELDS
        if role == _ID:
            return self._values[base + _F_ID]
        if role == _SORT:
            if col == _BIRTH_COL:
                birth = self._values[base + _F_BIRTH]
                return birth.isoformat() if birth else ""
            return self._cells[row * _NCOLS + col]
        if role == _TOOLTIP and col == _UNIT_COL:
            return f"{self._values[base + _F_UNIT_NAME]} ({self._values[base + _F_UNIT_CODE]})"
        return None

    def row_at(self, row: int) -> CadreSummary | None:
        if not 0 <= row < self._count:
            return None
        return CadreSummary(*self._values[row * _NFIELDS:(row + 1) * _NFIELDS])

    @property
    def loading(self) -> bool:
        return self._loading
