"""An editable table over a list of row dataclasses (training, work history, family, salary…).

One model for every child table of the CV: columns are declared with their field, header and kind;
edits go through ``setData`` and are reported to an undo callback so that the editor can undo them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from canbo_desktop.domain.dates import format_date, format_iso_partial, parse_date, parse_partial_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.text import clean_line
from canbo_desktop.i18n import translate

_ROOT = QModelIndex()


@dataclass(frozen=True)
class Col:
    field: str
    header: str
    kind: str = "text"  # text | partial_date | date | int | float | choice
    choices: tuple[tuple[str, str], ...] = ()
    width_chars: int = 14


class RowsTableModel(QAbstractTableModel):
    def __init__(self, row_type: type[Any], columns: list[Col], rows: list[Any], parent: Any = None,
                 defaults: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.row_type = row_type
        self.columns = columns
        self.rows = [dataclasses.replace(r) for r in rows]
        self.defaults = defaults or {}
        self.on_edit: Callable[[int, str, Any, Any], None] | None = None  # row, field, old, new
        self.last_error = ""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def _display(self, col: Col, value: Any) -> str:
        if value is None:
            return ""
        if col.kind == "partial_date":
            try:
                return format_iso_partial(str(value))
            except ValidationError:
                return str(value)
        if col.kind == "choice":
            return str(dict(col.choices).get(str(value), str(value)))
        if col.kind == "float" and isinstance(value, float):
            return f"{value:.2f}".replace(".", ",")
        if isinstance(value, date):
            return format_date(value)
        return str(value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = getattr(self.rows[index.row()], col.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(col, value)
        if role == Qt.ItemDataRole.EditRole:
            if col.kind == "choice":
                return "" if value is None else str(value)
            return self._display(col, value)
        return None

    def parse(self, col: Col, text: str) -> Any:
        text = clean_line(text)
        if col.kind == "partial_date":
            p = parse_partial_date(text)
            return p.iso() if p else ""
        if col.kind == "date":
            return parse_date(text)
        if col.kind == "int":
            if not text:
                return None
            if not text.isdigit():
                raise ValidationError(translate("RowsTable", "“{text}” is not a whole number.").format(text=text))
            return int(text)
        if col.kind == "float":
            if not text:
                return None
            try:
                return round(float(text.replace(",", ".")), 2)
            except ValueError as exc:
                raise ValidationError(
                    translate("RowsTable", "“{text}” is not a number (for example 2,34).").format(text=text)) from exc
        return text

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        col = self.columns[index.column()]
        try:
            new = self.parse(col, str(value or ""))
        except ValidationError as exc:
            self.last_error = exc.message
            return False
        self.last_error = ""
        row = self.rows[index.row()]
        old = getattr(row, col.field)
        if old == new:
            return False
        if self.on_edit is not None:
            self.on_edit(index.row(), col.field, old, new)
        self.set_value(index.row(), col.field, new)
        return True

    def set_value(self, row: int, field: str, value: Any) -> None:
        setattr(self.rows[row], field, value)
        c = next(i for i, col in enumerate(self.columns) if col.field == field)
        idx = self.index(row, c)
        self.dataChanged.emit(idx, idx)

    def add_row(self) -> int:
        self.beginInsertRows(_ROOT, len(self.rows), len(self.rows))
        self.rows.append(self.row_type(**self.defaults))
        self.endInsertRows()
        return len(self.rows) - 1

    def remove_row(self, row: int) -> Any:
        if not 0 <= row < len(self.rows):
            return None
        self.beginRemoveRows(_ROOT, row, row)
        removed = self.rows.pop(row)
        self.endRemoveRows()
        return removed

    def insert_row(self, row: int, value: Any) -> None:
        self.beginInsertRows(_ROOT, row, row)
        self.rows.insert(row, value)
        self.endInsertRows()
