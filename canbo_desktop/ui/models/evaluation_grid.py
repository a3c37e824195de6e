"""The evaluation round grid: one row per person of the round, the regime's columns, edited in place.

The model holds the ``GridRow`` dataclasses of ``services.evaluation.round_grid``. An edit is parsed here
(a level code, a number typed with a decimal comma, a text), shown at once, and handed to the page as the
whole ``EntryInput`` of the person (``entry_from_row`` with the one field replaced); the page saves it and
puts back the row the service computes (``grid_row``). The view moves down the same column on Enter or
Down, so that a clerk types a whole column without the mouse.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.evaluation import QuotaResult
from canbo_desktop.domain.text import clean_line, fold, nfc
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
RED = "#b00020"
AMBER = "#8a5a00"
GREEN = "#1b5e20"
READ_ONLY_BG = "#f3f4f6"
# Short names of the levels for the grid (the full legal name is in the tooltip and the detail panel).
SHORT_LEVELS = {"xuat_sac": QT_TRANSLATE_NOOP("EvaluationGrid", "Excellent"),
                "tot": QT_TRANSLATE_NOOP("EvaluationGrid", "Good"),
                "hoan_thanh": QT_TRANSLATE_NOOP("EvaluationGrid", "Completed"),
                "khong_hoan_thanh": QT_TRANSLATE_NOOP("EvaluationGrid", "Not completed"),
                "khong_xep_loai": QT_TRANSLATE_NOOP("EvaluationGrid", "Not classified")}
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GridColumn:
    key: str
    header: str
    editable: bool = False
    width_chars: int = 12
    numeric: bool = False
    tooltip: str = ""


def columns_for(regime: str) -> list[GridColumn]:
    """The grid's columns under the regime of the round's year."""
    head = [GridColumn("name", translate("EvaluationGrid", "Full name"), width_chars=19),
            GridColumn("position", translate("EvaluationGrid", "Position"), width_chars=14)]
    if regime == "nd335":
        mid = [GridColumn("score_general", translate("EvaluationGrid", "General /30"), True, 8, True,
                          translate("EvaluationGrid", "Points for the general criteria (0–30); type decimals with "
                                    "a comma: 27,5")),
               GridColumn("score_tasks", translate("EvaluationGrid", "Tasks /70"), True, 10, True,
                          translate("EvaluationGrid", "Points for the results of the tasks (0–70); leave empty if "
                                    "they come from the products")),
               GridColumn("total", translate("EvaluationGrid", "Total"), False, 5, True,
                          translate("EvaluationGrid", "Total points (/100)")),
               GridColumn("result", translate("EvaluationGrid", "Level"), False, 11, False,
                          translate("EvaluationGrid", "The level from the total points and the rules"))]
    else:
        mid = [GridColumn("level", translate("EvaluationGrid", "Proposed level"), True, 13, False,
                          translate("EvaluationGrid", "The level proposed by the competent authority: type "
                                    "1 (Excellent), 2 (Good), 3 (Completed), 4 (Not completed); Delete clears it")),
               GridColumn("result", translate("EvaluationGrid", "Result"), False, 12, False,
                          translate("EvaluationGrid", "The level after the rules are applied"))]
    tail = [GridColumn("self_assessment", translate("EvaluationGrid", "Self-assessment"), True, 12, False,
                       translate("EvaluationGrid", "A summary of this person's self-assessment")),
            GridColumn("unit_comment", translate("EvaluationGrid", "Unit's comments"), True, 14, False,
                       translate("EvaluationGrid", "The unit's comments and assessment")),
            GridColumn("products", translate("EvaluationGrid", "Pr."), False, 3, True,
                       translate("EvaluationGrid", "Number of products recorded (see Products below)")),
            GridColumn("problems", translate("EvaluationGrid", "To fix / reasons"), False, 24, False,
                       translate("EvaluationGrid", "What is wrong with this row and the rules that limited "
                                 "its level"))]
    return head + mid + tail


def short_level(code: str, label: str = "") -> str:
    """The short name of a level shown in the grid (translated); a level without one shows its legal name."""
    short = SHORT_LEVELS.get(code)
    return translate("EvaluationGrid", short) if short else label or code


def number_text(value: float | None) -> str:
    """A score the Vietnamese way: 27,5 (no trailing zeros)."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent_text(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def quota_text(q: QuotaResult) -> tuple[str, bool]:
    """The quota line above the grid and whether it is exceeded, e.g.
    "Xuất sắc: 3/12 «Tốt» = 25% > 20% số «Tốt» (tối đa 2 người) – VƯỢT 1 người: …"."""
    if q.max_pct is None:
        return q.message, False
    values = {"excellent": q.count_xuat_sac, "good": q.count_tot, "max_pct": percent_text(q.max_pct),
              "allowed": q.allowed_max, "over": q.over_by}
    if q.count_tot:
        share = percent_text(q.count_xuat_sac * 100 / q.count_tot)
        if q.ok:
            text = translate("EvaluationGrid", "Excellent: {excellent}/{good} «Good» = {share} ≤ {max_pct} of «Good» "
                             "(at most {allowed} people) – within the quota.")
        else:
            text = translate("EvaluationGrid", "Excellent: {excellent}/{good} «Good» = {share} > {max_pct} of «Good» "
                             "(at most {allowed} people) – {over} people OVER: lower some levels or review them "
                             "before approval.")
        return text.format(share=share, **values), not q.ok
    if q.ok:
        text = translate("EvaluationGrid", "Excellent: {excellent}, nobody «Good» yet – at most {max_pct} of «Good» "
                         "(at most {allowed} people) – within the quota.")
    else:
        text = translate("EvaluationGrid", "Excellent: {excellent}, nobody «Good» yet – at most {max_pct} of «Good» "
                         "(at most {allowed} people) – {over} people OVER: lower some levels or review them before "
                         "approval.")
    return text.format(**values), not q.ok


def products_from_score(row: w.GridRow) -> bool:
    """Whether the row's task points are computed from its products (stored with the entry)."""
    return row.regime == "nd335" and row.tasks_from_products


def entry_of(row: w.GridRow) -> w.EntryInput:
    """The entry as stored for ``row`` (task points that come from products keep coming from them)."""
    return w.entry_from_row(row)


def level_choices(level_labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """(code, "1. Xuất sắc") for the level editor: typing the digit picks the level."""
    return [(code, f"{i}. {short_level(code, label)}") for i, (code, label) in enumerate(level_labels.items(), 1)]


def parse_level(value: Any, level_labels: Mapping[str, str]) -> str | None:
    """A level typed or chosen: its code, its number in the list (1–4), its short or full name; empty → None."""
    text = clean_line(str(value or ""))
    if not text or text in ("—", "-"):
        return None
    codes = list(level_labels)
    if text in codes:
        return text
    head = text.split(".")[0].strip()
    if head.isdigit() and 1 <= int(head) <= len(codes):
        return codes[int(head) - 1]
    folded = fold(text)
    for code, label in level_labels.items():
        if folded in (fold(label), fold(short_level(code, label)), fold(SHORT_LEVELS.get(code, label))):
            return code
    choices = ", ".join(f"{i} ({short_level(c, level_labels[c])})" for i, c in enumerate(codes, 1))
    raise ValidationError(translate("EvaluationGrid", "There is no level «{text}»: type {choices}.").format(
        text=text, choices=choices), {"level": translate("EvaluationGrid", "no such level")})


class EvaluationGridModel(QAbstractTableModel):
    """The rows of a round. ``edited(row, entry)`` asks the page to save a person's entry; ``rejected``
    carries the message of an edit that could not be read (a letter in a score)."""

    edited = Signal(object, object)  # GridRow as before the edit, EntryInput to save
    rejected = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[w.GridRow] = []
        self.columns: list[GridColumn] = columns_for("nd335")
        self.regime = "nd335"
        self.level_labels: dict[str, str] = {}
        self.editable = False

    # -- loading ------------------------------------------------------------------------------------
    def set_view(self, view: w.RoundView | None, *, editable: bool) -> None:
        self.beginResetModel()
        self.rows = list(view.rows) if view is not None else []
        self.regime = view.regime if view is not None else "nd335"
        self.columns = columns_for(self.regime)
        self.level_labels = dict(view.level_labels) if view is not None else {}
        self.editable = editable
        self.endResetModel()

    def update_rows(self, rows: Sequence[w.GridRow], *, keep: Callable[[str], bool] = lambda _eid: False) -> None:
        """Take fresh rows of the same round without resetting the view (the current cell and an open
        editor stay); rows for which ``keep(evaluation_id)`` is true keep what is shown (a save is on its way)."""
        if [r.evaluation_id for r in rows] != [r.evaluation_id for r in self.rows]:
            self.beginResetModel()
            self.rows = list(rows)
            self.endResetModel()
            return
        for i, r in enumerate(rows):
            if not keep(r.evaluation_id) and r != self.rows[i]:
                self.rows[i] = r
                self._row_changed(i)

    def replace_row(self, row: w.GridRow) -> None:
        for i, r in enumerate(self.rows):
            if r.evaluation_id == row.evaluation_id:
                self.rows[i] = row
                self._row_changed(i)
                return

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def _row_changed(self, i: int) -> None:
        # a range of several cells: an open editor on that row keeps what is being typed
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def row_at(self, i: int) -> w.GridRow | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def row_of(self, evaluation_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.evaluation_id == evaluation_id), -1)

    def column_of(self, key: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # -- Qt model -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return col.tooltip or col.header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self.columns[index.column()].editable:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def display(self, row: w.GridRow, key: str) -> str:
        if key == "name":
            return row.full_name
        if key == "position":
            return row.current_position
        if key == "level":
            return short_level(row.proposed_level, self.level_labels.get(row.proposed_level, "")) \
                if row.proposed_level else ""
        if key == "result":
            return short_level(row.level, row.level_label) if row.level else ""
        if key == "score_general":
            return number_text(row.score_general)
        if key == "score_tasks":
            return number_text(row.score_tasks)
        if key == "total":
            return number_text(row.score_total)
        if key == "self_assessment":
            return " ".join(row.self_assessment.split())
        if key == "unit_comment":
            return " ".join(row.unit_comment.split())
        if key == "products":
            return str(len(row.products)) if row.products else ""
        if key == "problems":
            if row.problems:
                return " ".join(row.problems)
            return " ".join(r.text for r in row.reasons)
        return ""

    def tooltip(self, row: w.GridRow, key: str) -> str:
        if key in ("name", "position"):
            return f"{row.full_name} – {row.current_position}, {row.unit_name}".strip(", –")
        if key == "result":
            lines = [row.level_label or translate("EvaluationGrid", "No result yet")]
            if row.computed_level and row.computed_level != row.level:
                lines.append(translate("EvaluationGrid", "Under the current rules: {level}").format(
                    level=row.computed_label))
            lines += [f"• {r.text} ({r.legal_source})" for r in row.reasons]
            return "\n".join(lines)
        if key == "level" and row.proposed_level:
            return self.level_labels.get(row.proposed_level, row.proposed_level)
        if key == "score_tasks" and products_from_score(row):
            return translate("EvaluationGrid", "Computed from the products")
        if key == "problems":
            lines = [f"• {p}" for p in row.problems] + [f"• {r.text} ({r.legal_source})" for r in row.reasons]
            return "\n".join(lines)
        if key in ("self_assessment", "unit_comment"):
            return getattr(row, key) or ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col.key)
        if role == Qt.ItemDataRole.EditRole:
            if col.key == "level":
                return row.proposed_level or ""
            if col.key in ("self_assessment", "unit_comment"):
                return getattr(row, col.key)
            return self.display(row, col.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col.key) or None
        if role == LEVEL_ROLE:
            return row.level
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col.key == "problems":
                return QBrush(QColor(RED if row.problems else AMBER))
            if col.key == "result" and row.computed_level and row.computed_level != row.level:
                return QBrush(QColor(RED))
            if col.key == "result" and row.reasons:
                return QBrush(QColor(AMBER))
        if role == Qt.ItemDataRole.FontRole and col.key in ("result", "total"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.editable and not col.editable:
            return QBrush(QColor(READ_ONLY_BG))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        i = index.row()
        row = self.rows[i]
        col = self.columns[index.column()]
        if not col.editable:
            return False
        entry = entry_of(row)
        try:
            if col.key == "level":
                code = parse_level(value, self.level_labels)
                if code == row.proposed_level:
                    return False
                new_row = dataclasses.replace(row, proposed_level=code)
                entry = dataclasses.replace(entry, level=code)
            elif col.key == "score_general":
                number = w.parse_number(value, translate("EvaluationGrid", "Points for the general criteria"))
                if number == row.score_general:
                    return False
                new_row = dataclasses.replace(row, score_general=number)
                entry = dataclasses.replace(entry, score_general=number)
            elif col.key == "score_tasks":
                number = w.parse_number(value, translate("EvaluationGrid", "Points for the results of the tasks"))
                if number == row.score_tasks and not entry.task_components and not entry.tasks_from_products:
                    return False
                new_row = dataclasses.replace(row, score_tasks=number, task_components={})
                entry = dataclasses.replace(entry, score_tasks=number, task_components=None, tasks_from_products=False)
            else:  # self_assessment, unit_comment
                text = nfc(str(value or "")).strip()
                if text == getattr(row, col.key):
                    return False
                if col.key == "self_assessment":
                    new_row = dataclasses.replace(row, self_assessment=text)
                    entry = dataclasses.replace(entry, self_assessment=text)
                else:
                    new_row = dataclasses.replace(row, unit_comment=text)
                    entry = dataclasses.replace(entry, unit_comment=text)
        except ValidationError as exc:
            self.rejected.emit(exc.message)
            return False
        self.rows[i] = new_row
        self._row_changed(i)
        self.edited.emit(row, entry)
        return True


class GridDelegate(QStyledItemDelegate):
    """Editors of the grid: a list of the levels (type its number), a line for numbers and texts.
    Down / Up in an editor saves the cell and moves to the next / previous person."""

    move = Signal(int)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        model = index.model()
        if isinstance(model, EvaluationGridModel) and model.columns[index.column()].key == "level":
            combo = QComboBox(parent)
            combo.addItem("—", "")
            for code, label in level_choices(model.level_labels):
                combo.addItem(label, code)
                combo.setItemData(combo.count() - 1, model.level_labels[code], Qt.ItemDataRole.ToolTipRole)
            combo.setAccessibleName(translate("EvaluationGrid", "Proposed level"))
            return combo
        edit = QLineEdit(parent)
        edit.setFrame(False)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            i = editor.findData(value or "")
            editor.setCurrentIndex(max(i, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(obj, QWidget)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
                and not event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(obj, event)


class GridView(QTableView):
    """Spreadsheet keys: typing starts editing, Enter saves and goes down the column, Delete clears a cell;
    on a level cell the level's number (1–4) is saved at once, Enter or Down then goes to the next person.
    ``refused`` tells the page that someone tried to edit a grid that cannot change now."""

    refused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.move.connect(self.move_by)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAccessibleName(translate("EvaluationGrid", "Evaluation grid"))

    def move_by(self, delta: int) -> None:
        cur = self.currentIndex()
        model = self.model()
        if not cur.isValid() or model is None:
            return
        row = min(max(cur.row() + delta, 0), model.rowCount() - 1)
        nxt = model.index(row, cur.column())
        self.setCurrentIndex(nxt)
        self.scrollTo(nxt)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: saved, next person
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_by(1)
            return
        super().closeEditor(editor, hint)

    def _read_only_cell(self) -> bool:
        model, cur = self.model(), self.currentIndex()
        return (isinstance(model, EvaluationGridModel) and cur.isValid() and not model.editable
                and bool(model.rows) and model.columns[cur.column()].editable)

    def mouseDoubleClickEvent(self, event: Any) -> None:  # noqa: N802
        super().mouseDoubleClickEvent(event)
        if self._read_only_cell():
            self.refused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._read_only_cell() and (event.text().strip() or event.key() in (
                Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2)):
            self.refused.emit()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            model, cur = self.model(), self.currentIndex()
            if (isinstance(model, EvaluationGridModel) and cur.isValid() and model.editable
                    and model.columns[cur.column()].key == "level" and event.text().strip().isdigit()):
                model.setData(cur, event.text().strip(), Qt.ItemDataRole.EditRole)  # the level's number: saved at once
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_by(1)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                cur = self.currentIndex()
                model = self.model()
                if cur.isValid() and model is not None and model.flags(cur) & Qt.ItemFlag.ItemIsEditable:
                    model.setData(cur, "", Qt.ItemDataRole.EditRole)
                    return
        super().keyPressEvent(event)
