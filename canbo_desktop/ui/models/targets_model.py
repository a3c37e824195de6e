"""The targets dashboard as a tree: a row per unit (its children below it), a column per indicator; each
cell "numerator/denominator = value%" coloured met (green), not met (red) or no data (grey)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from canbo_desktop.domain import reports as r
from canbo_desktop.domain.dates import format_date
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole  # the TargetRow of a cell, the UnitNode of the name column
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "met" | "not_met" | "no_data" | "info" for an indicator cell

MET_BG, MET_FG = QColor("#dcefdc"), QColor("#1b5e20")
NOT_MET_BG, NOT_MET_FG = QColor("#f9dede"), QColor("#b71c1c")
NO_DATA_BG, NO_DATA_FG = QColor("#ececec"), QColor("#707070")

# Short column headings of the shipped indicators (the full name is the heading's tooltip).
SHORT_NAMES = {
    "can_bo_tre": QT_TRANSLATE_NOOP("TargetsModel", "Young cadres"),
    "can_bo_nu": QT_TRANSLATE_NOOP("TargetsModel", "Women cadres"),
    "trinh_do_dai_hoc": QT_TRANSLATE_NOOP("TargetsModel", "University degree+"),
    "llct_trung_cap": QT_TRANSLATE_NOOP("TargetsModel", "Political theory, intermediate+"),
    "cap_nhat_kien_thuc": QT_TRANSLATE_NOOP("TargetsModel", "Refresher training"),
    "dan_toc_thieu_so": QT_TRANSLATE_NOOP("TargetsModel", "Ethnic minorities"),
    "chu_chot_khong_phai_nguoi_dia_phuong": QT_TRANSLATE_NOOP("TargetsModel", "Key posts from elsewhere"),
}


def short_name(ind: r.IndicatorInfo) -> str:
    if ind.code in SHORT_NAMES:
        return translate("TargetsModel", SHORT_NAMES[ind.code])
    name = ind.name.removeprefix("Tỷ lệ ").strip()  # i18n: data (the indicator's name in the database)
    return name[:1].upper() + name[1:] if len(name) <= 24 else name[:23].rstrip() + "…"


def threshold_text(ind: r.IndicatorInfo) -> str:
    """"≥ 15%", or "theo dõi" (monitored) for an indicator without a threshold."""
    if ind.threshold is None:
        return translate("TargetsModel", "monitored")
    return f"{'≥' if ind.comparison == '>=' else '≤'} {r.percent_text(ind.threshold)}"


def target_text(ind: r.IndicatorInfo) -> str:
    """"≥ 15% đến 31/12/2025", or "theo dõi" for an indicator without a threshold."""
    if ind.threshold is None or not ind.deadline:
        return threshold_text(ind)
    return translate("TargetsModel", "{threshold} by {deadline}").format(threshold=threshold_text(ind),
                                                                         deadline=format_date(ind.deadline))


def cell_text(row: r.TargetRow) -> str:
    """"1.234/5.678 = 21,73%" (Vietnamese separators); "—" when nobody is in the denominator."""
    if not row.denominator:
        return "—"
    return (f"{r.number_text(row.numerator)}/{r.number_text(row.denominator)} = "
            f"{r.percent_text(row.value or 0.0)}")


def cell_state(row: r.TargetRow) -> str:
    if not row.denominator:
        return "no_data"
    if row.threshold is None:
        return "info"
    return "met" if row.met else "not_met"


class TargetsTreeModel(QAbstractItemModel):
    """Column 0 is the unit; column 1 + i the i-th indicator of the report. The internal id of an index is
    the position of its unit in ``report.units`` (plain integers: no Python object behind a pointer)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: r.TargetsReport | None = None
        self.units: list[r.UnitNode] = []
        self._pos: dict[str, int] = {}
        self._children: dict[int, list[int]] = {}  # unit position → its children's positions (-1: the top)
        self._row_in_parent: list[int] = []
        self._parent: list[int] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_report(self, report: r.TargetsReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.units = list(report.units) if report else []
        self._pos = {u.id: i for i, u in enumerate(self.units)}
        self._children = {-1: []}
        self._parent = []
        self._row_in_parent = []
        for i, u in enumerate(self.units):
            p = self._pos.get(u.parent_id or "", -1) if i else -1
            self._parent.append(p)
            kids = self._children.setdefault(p, [])
            self._row_in_parent.append(len(kids))
            kids.append(i)
        self.endResetModel()

    # -- structure --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        p = parent.internalId() if parent.isValid() else -1
        kids = self._children.get(p, [])
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if not 0 <= row < len(kids) or not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self._parent[index.internalId()]
        if p < 0:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[p], 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._children.get(-1, []))
        if parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId(), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1 + (len(self.report.indicators) if self.report else 0)

    def unit_index(self, unit_id: str, column: int = 0) -> QModelIndex:
        i = self._pos.get(unit_id)
        if i is None:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[i], column, i)

    def unit_at(self, index: Index) -> r.UnitNode | None:
        return self.units[index.internalId()] if index.isValid() else None

    def indicator_at(self, index: Index) -> r.IndicatorInfo | None:
        if not index.isValid() or self.report is None or index.column() < 1:
            return None
        return self.report.indicators[index.column() - 1]

    def row_at(self, index: Index) -> r.TargetRow | None:
        unit, ind = self.unit_at(index), self.indicator_at(index)
        if unit is None or ind is None or self.report is None:
            return None
        return self.report.row(unit.id, ind.code)

    def children_of(self, unit_id: str) -> list[r.UnitNode]:
        i = self._pos.get(unit_id)
        return [] if i is None else [self.units[k] for k in self._children.get(i, [])]

    # -- contents ---------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.report is None:
            return None
        if section == 0:
            return translate("TargetsModel", "Unit") if role == Qt.ItemDataRole.DisplayRole else None
        ind = self.report.indicators[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{short_name(ind)}\n{threshold_text(ind)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if ind.source:
                return translate("TargetsModel", "{name}\nTarget: {target}\nBasis: {source}").format(
                    name=ind.name, target=target_text(ind), source=ind.source)
            return translate("TargetsModel", "{name}\nTarget: {target}").format(name=ind.name,
                                                                                target=target_text(ind))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        unit = self.units[index.internalId()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return unit.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("TargetsModel", "{name} ({code}): the figures include the units below it").format(
                    name=unit.name, code=unit.code)
            if role == Qt.ItemDataRole.FontRole and index.internalId() == 0:
                return self._bold
            if role == ROW_ROLE:
                return unit
            return None
        row = self.row_at(index)
        if row is None:
            return None
        state = cell_state(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            bg = {"met": MET_BG, "not_met": NOT_MET_BG, "no_data": NO_DATA_BG}.get(state)
            return QBrush(bg) if bg is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            fg = {"met": MET_FG, "not_met": NOT_MET_FG, "no_data": NO_DATA_FG}.get(state)
            return QBrush(fg) if fg is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            ind = self.report.indicators[index.column() - 1]
            threshold = (translate("TargetsModel", "none (a monitored indicator)") if ind.threshold is None
                         else target_text(ind))
            deadline = format_date(ind.deadline) if ind.deadline else translate("TargetsModel", "not set")
            return translate("TargetsModel", "{indicator} — {unit}\n{message}\nThreshold: {threshold}\n"
                                             "Deadline: {deadline}\nClick the cell to list the people counted.").format(
                indicator=ind.name, unit=unit.name, message=row.message, threshold=threshold, deadline=deadline)
        if role == ROW_ROLE:
            return row
        if role == STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.FontRole and row.overdue:
            return self._bold
        return None


class TextTableModel(QAbstractTableModel):
    """A read-only table of text cells (the statistics forms, the drill-down list): one model reset per
    report, whatever its size, instead of a widget item per cell."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.header_tips: list[str] = []
        self.rows: list[tuple[str, ...]] = []
        self.keys: list[str] = []  # per row: what the row stands for (a person's id…)
        self.bold_rows: set[int] = set()
        self.dim_rows: set[int] = set()
        self.right_from = 0  # columns from this one are right-aligned (numbers)
        self.center_cols: set[int] = set()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, headers: list[str], rows: list[tuple[str, ...]], *, keys: list[str] | None = None,
                 header_tips: list[str] | None = None, bold_rows: set[int] | None = None,
                 dim_rows: set[int] | None = None, right_from: int = 0, center_cols: set[int] | None = None) -> None:
        self.beginResetModel()
        self.headers, self.rows = list(headers), list(rows)
        self.keys = list(keys or [])
        self.header_tips = list(header_tips or headers)
        self.bold_rows, self.dim_rows = set(bold_rows or ()), set(dim_rows or ())
        self.right_from, self.center_cols = right_from, set(center_cols or ())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def text(self, row: int, column: int) -> str:
        return self.rows[row][column]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[row][col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in self.center_cols:
                return int(Qt.AlignmentFlag.AlignCenter)
            horizontal = Qt.AlignmentFlag.AlignRight if self.right_from and col >= self.right_from \
                else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (row in self.bold_rows or (self.right_from and col == self.right_from)):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row in self.dim_rows:
            return QBrush(NO_DATA_FG)
        if role == Qt.ItemDataRole.UserRole and row < len(self.keys):
            return self.keys[row]
        return None
