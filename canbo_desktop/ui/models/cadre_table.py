"""The cadre list model: lazily fetched pages, either the whole list (Vietnamese name order) or a search.

Pages come from the database lane of the ``TaskRunner``; the model never blocks the GUI thread. A
new query bumps a generation number so that late pages of an older query (and pages read ahead for it)
are dropped. Once the clerk scrolls, the next pages are read ahead into memory, so that the view's
``fetchMore`` at the end of the table inserts rows at once instead of waiting for the database; and a
painted cell costs one call into Python (``multiData``), not one per role the delegate asks for.

The rows are kept flat (one list of the cells' strings, one list of the rows' plain field values), not
as one object per row: 100,000 row objects are 100,000 objects for Python's garbage collector, whose
young-generation passes then froze the window for 40–50 ms every hundred pages while scrolling
(benchmarks/, issue 13). Strings, dates and ints are not tracked by the collector; a page adds nothing
for it to walk.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import fields
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QWidget

from canbo_desktop.domain.cadre import SEX_LABELS, CadreSummary, birth_display
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.tasks import TaskRunner

PAGE = 200
# Reading ahead: when a row this close to the end of the first page is painted, the clerk is scrolling;
# from then on the next AHEAD_PAGES pages are kept in memory, read on the database lane while the clerk
# looks at the rows, so that reaching the end of the table only inserts rows that are already there
# (a step of the 100,000-row scroll waited 15–30 ms for its page before: benchmarks/gui.py). Two pages:
# with one, a step found its page still being read one time in two.
AHEAD = PAGE + 50
AHEAD_PAGES = 2
_NEVER = 1 << 62
_ROOT = QModelIndex()
IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

# What the list shows for a status code (English source; translated where shown, see status_label).
STATUS_LABELS = {
    "dang_cong_tac": QT_TRANSLATE_NOOP("CadreTable", "In service"),
    "nghi_huu": QT_TRANSLATE_NOOP("CadreTable", "Retired"),
    "chuyen_cong_tac": QT_TRANSLATE_NOOP("CadreTable", "Transferred out"),
    "thoi_viec": QT_TRANSLATE_NOOP("CadreTable", "Resigned"),
    "biet_phai": QT_TRANSLATE_NOOP("CadreTable", "Seconded"),
    "tu_tran": QT_TRANSLATE_NOOP("CadreTable", "Deceased"),
    "nghi_khong_luong": QT_TRANSLATE_NOOP("CadreTable", "Unpaid leave"),
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
    Column.NAME: QT_TRANSLATE_NOOP("CadreTable", "Full name"),
    Column.BIRTH: QT_TRANSLATE_NOOP("CadreTable", "Date of birth"),
    Column.SEX: QT_TRANSLATE_NOOP("CadreTable", "Sex"),
    Column.UNIT: QT_TRANSLATE_NOOP("CadreTable", "Unit"),
    Column.POSITION: QT_TRANSLATE_NOOP("CadreTable", "Position"),
    Column.ID_NUMBER: QT_TRANSLATE_NOOP("CadreTable", "ID number"),
    Column.STATUS: QT_TRANSLATE_NOOP("CadreTable", "Status"),
}


def status_label(code: str) -> str:
    """A status as the list shows it, in the interface language (the code itself when unknown)."""
    label = STATUS_LABELS.get(code)
    return translate("CadreTable", label) if label is not None else code


PageLoader = Callable[[int, int], list[CadreSummary]]  # (offset, limit) -> rows, run on the DB lane
Cells = tuple[str, ...]
_Page = tuple[int, list[Any], list[str]]  # (rows, their field values, their cells): see _flatten
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
_SERVED = frozenset((_TOOLTIP, _ID, _SORT))  # the roles data() answers besides the text
# What QStyledItemDelegate asks for each painted cell (Qt 6), none of which but the text is served here.
_DELEGATE_ROLES = tuple(int(r) for r in (
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole))
_DELEGATE_TEXT = _DELEGATE_ROLES.index(_DISPLAY)
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
        status_label(r.status),
    )


# Values that repeat from row to row (a unit's id, code and name, a position, a status, a date shown)
# are kept once: the database hands out a new string for every row (100,000 rows scrolled: 286 → 229 MB,
# benchmarks/memory.py). Kept for the process, up to 200,000 values; setdefault is atomic under the GIL.
_SHARED: dict[Any, Any] = {}


def _flatten(rows: list[CadreSummary]) -> _Page:
    """A page as the model keeps it (on the worker thread): the row count, every row's field values
    one after the other, and every row's cells one after the other (as ``display_cells``). Written for
    speed: the worker holds the interpreter lock meanwhile, which the GUI thread needs to paint."""
    values: list[Any] = []
    cells: list[str] = []
    shared = _SHARED if len(_SHARED) < 200_000 else {}
    keep = shared.setdefault
    shown_sex = {k: keep(v, v) for k, v in SEX_LABELS.items()}
    shown_status = {k: keep(label, label) for k in STATUS_LABELS if (label := status_label(k))}
    births: dict[Any, str] = {}  # (date, precision) → as shown, for this page
    for r in rows:
        (id_, name, sex, birth, precision, unit_id, unit_code, unit_name, position, status, id_number,
         list_position) = _field_values(r)
        sex, precision, unit_id, unit_code = keep(sex, sex), keep(precision, precision), keep(unit_id, unit_id), keep(unit_code, unit_code)
        unit_name, position, status = keep(unit_name, unit_name), keep(position, position), keep(status, status)
        values += (id_, name, sex, birth, precision, unit_id, unit_code, unit_name, position, status, id_number,
                   list_position)
        shown_birth = births.get((birth, precision))
        if shown_birth is None:
            shown_birth = births[birth, precision] = keep(b := birth_display(birth, precision), b)
        cells += (name, shown_birth, shown_sex.get(sex, sex), unit_name, position, id_number,
                  shown_status.get(status, status))
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
        self._ahead: deque[_Page] = deque()  # pages read ahead, not yet in the table
        self._ahead_rows = 0
        self._loader: PageLoader | None = None
        self._source_done = True  # the loader has given its last page (it may still wait in _ahead)
        self._loading = False
        self._wanted = False  # the view asked for rows while none were read ahead: insert the next page
        self._generation = 0
        self._prefetch_from = _NEVER  # first row whose painting starts reading ahead
        self._eager = False  # the clerk scrolls this list: keep AHEAD_PAGES pages read ahead
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
        self._ahead = deque()
        self._ahead_rows = 0
        self._prefetch_from = _NEVER
        self._eager = False
        self._loader = loader
        self._source_done = False
        self._loading = False
        self._wanted = True  # the first page goes straight into the table
        self.endResetModel()
        self._fetch_page()

    def _fetch_page(self) -> None:
        """Read the next page on the database lane (into the table if wanted, else ahead)."""
        if self._loader is None or self._loading or self._source_done:
            return
        self._loading = True
        self.loading_changed.emit(True)
        gen, offset, loader = self._generation, self._count + self._ahead_rows, self._loader
        self._tasks.run_db(
            lambda: _flatten(loader(offset, PAGE)),
            on_done=lambda page: self._page_arrived(gen, offset, page),
            on_error=lambda exc: self._page_failed(gen, exc),
        )

    def _page_arrived(self, gen: int, offset: int, page: _Page) -> None:
        if gen != self._generation or offset != self._count + self._ahead_rows:
            return  # a newer query replaced this one
        self._loading = False
        if page[0] < PAGE:
            self._source_done = True
        if page[0]:
            self._ahead.append(page)
            self._ahead_rows += page[0]
        if self._wanted and not self._inserting:
            self._wanted = False
            self._insert_ahead()
        self.loading_changed.emit(False)
        if offset == 0:
            self.query_finished.emit(self._count)
        self._read_ahead()

    def _insert_ahead(self) -> None:
        """Move the first page read ahead into the table (the view only lays it out and paints)."""
        if not self._ahead:
            return
        n, values, cells = self._ahead.popleft()
        self._ahead_rows -= n
        self._inserting = True  # views and testers read rows inside these signals: no nested insert
        try:
            self.beginInsertRows(_ROOT, self._count, self._count + n - 1)
            self._values.extend(values)
            self._cells.extend(cells)
            self._count += n
            self.endInsertRows()
        finally:
            self._inserting = False
        if not self._eager:
            self._prefetch_from = _NEVER if not self.canFetchMore() else max(PAGE // 2, self._count - AHEAD)

    def _read_ahead(self) -> None:
        """Once the clerk scrolls, keep the next pages in memory: a step to the end then only inserts.
        Not for a list whose window is closed (nobody will scroll it)."""
        if self._eager and len(self._ahead) < AHEAD_PAGES:
            owner = self.parent()
            if isinstance(owner, QWidget) and not owner.isVisible():
                return
            self._fetch_page()

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._loading = False
        self._source_done = True
        self._wanted = False
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    def _queue_prefetch(self) -> None:
        # Called while the view paints: the reading ahead (and its status signals) starts after the paint.
        self._prefetch_from = _NEVER
        if not self._prefetch_queued:
            self._prefetch_queued = True
            QTimer.singleShot(0, self, self._prefetch)

    def _prefetch(self) -> None:
        self._prefetch_queued = False
        self._eager = True
        self._read_ahead()

    # -- Qt lazy loading --------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and (bool(self._ahead) or not self._source_done)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:  # noqa: N802
        if parent.isValid() or self._inserting:
            return
        self._eager = True
        if self._ahead:
            self._insert_ahead()
            self._read_ahead()
        else:
            self._wanted = not self._source_done
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
        return translate("CadreTable", HEADERS[Column(section)]) if 0 <= section < _NCOLS else None

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

    def multiData(  # noqa: N802
        self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role a painted cell asks for, in one call into Python instead of one per role (the view's
        delegate asks for seven, of which only the text is served: 15–25 % less GUI-thread time per step
        of the 100,000-row scroll)."""
        # Indexing a span works (PySide 6.12) though its stubs do not say so.
        span: Any = QModelRoleDataSpan(roleDataSpan) if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        row = index.row()
        if not 0 <= row < self._count:
            return
        if row >= self._prefetch_from:
            self._queue_prefetch()
        n = span.size()
        if n == len(_DELEGATE_ROLES) and span[0].role() == _DELEGATE_ROLES[0] and span[_DELEGATE_TEXT].role() == _DISPLAY:
            # the item delegate's request (QStyledItemDelegate::initStyleOption): of its roles, only the text
            span[_DELEGATE_TEXT].setData(self._cells[row * _NCOLS + index.column()])
            return
        for i in range(n):
            item = span[i]
            role = item.role()
            if role == _DISPLAY:
                item.setData(self._cells[row * _NCOLS + index.column()])
            elif role in _SERVED:
                value = self.data(index, role)
                if value is not None:
                    item.setData(value)

    def row_at(self, row: int) -> CadreSummary | None:
        if not 0 <= row < self._count:
            return None
        return CadreSummary(*self._values[row * _NFIELDS:(row + 1) * _NFIELDS])

    @property
    def loading(self) -> bool:
        return self._loading
