"""Nhắc việc: what is due, by kind, each line opening the person's record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.rules.reminders import KINDS, SEVERE, Reminder, ReminderReport, kind_label
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import DateEdit

Index = QModelIndex | QPersistentModelIndex


class ReminderTableModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("RemindersPage", "Full name"), QT_TRANSLATE_NOOP("RemindersPage", "Date"),
               QT_TRANSLATE_NOOP("RemindersPage", "Details"))  # shown through translate()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Reminder] = []

    def set_rows(self, rows: list[Reminder]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return translate("RemindersPage", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (r.full_name, format_date(r.due) if r.due else "", r.detail)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return r.cadre_id
        return None


class RemindersPage(QWidget):
    open_cadre = Signal(str)
    computed = Signal(object)  # the ReminderReport, for the counts on the navigation

    def __init__(self, compute: Callable[[date], ReminderReport], tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        """``compute(at)`` returns the reminders on a date; it is slow on a province and runs off the GUI
        thread (the main window runs it in a separate process)."""
        super().__init__(parent)
        self.compute, self.tasks = compute, tasks
        self.report: ReminderReport | None = None
        v = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel(translate("RemindersPage", "<h2>Reminders</h2>")))
        head.addStretch(1)
        head.addWidget(QLabel(translate("RemindersPage", "As of")))
        self.at = DateEdit()
        self.at.setText(format_date(date.today()))
        self.at.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.at.returnPressed.connect(self.reload)
        head.addWidget(self.at)
        self.refresh_button = QPushButton(translate("RemindersPage", "Recalculate"))
        self.refresh_button.clicked.connect(self.reload)
        head.addWidget(self.refresh_button)
        v.addLayout(head)
        self.status = QLabel()
        v.addWidget(self.status)
        split = QSplitter()
        self.kinds = QListWidget()
        self.kinds.setAccessibleName(translate("RemindersPage", "Kinds of work to do"))
        self.kinds.setWordWrap(True)
        # air between the kinds as padding: a spacing makes Qt measure the wrapped labels wider than it paints
        # them (the last line cut with "…" in a narrow window)
        self.kinds.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        # the wrapped labels are measured again when the list narrows (a 911-px window) or their counts change
        self.kinds.setResizeMode(QListView.ResizeMode.Adjust)
        self.kinds.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap onto the line measured for it, no "…"
        for key in KINDS:
            item = QListWidgetItem(kind_label(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.kinds.addItem(item)
        split.addWidget(self.kinds)
        self.model = ReminderTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        fm = self.fontMetrics()
        self.table.setColumnWidth(0, fm.horizontalAdvance("n") * 26)
        self.table.setColumnWidth(1, fm.horizontalAdvance("00/00/00000") + 12)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        split.addWidget(self.table)
        split.setSizes([330, 900])
        v.addWidget(split, 1)
        hint = QLabel(translate("RemindersPage", "Double-click a row (or press Enter) to open the record."))
        hint.setStyleSheet("color: #555;")
        v.addWidget(hint)
        self.kinds.currentRowChanged.connect(lambda _r: self._show_kind())
        self.reload()

    def reload(self) -> None:
        try:
            at, _p = self.at.value()
        except CanboError as exc:
            self.status.setText(exc.message)
            return
        at = at or date.today()
        compute = self.compute
        self.status.setText(translate("RemindersPage", "Calculating…"))
        self.refresh_button.setEnabled(False)
        self.tasks.run(lambda: compute(at), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, report: ReminderReport) -> None:
        self.report = report
        self.computed.emit(report)
        self.refresh_button.setEnabled(True)
        counts = report.counts()
        for i in range(self.kinds.count()):
            item = self.kinds.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            n = counts.get(key, 0)
            item.setText(translate("RemindersPage", "{kind} ({count})").format(kind=kind_label(key), count=n))
            font = item.font()
            font.setBold(n > 0 and key in SEVERE)
            item.setFont(font)
        total = sum(counts.values())
        self.kinds.doItemsLayout()  # the counts made some labels a line longer
        self.status.setText(translate("RemindersPage", "Items to follow up: {count}, as of {date}.").format(
            count=total, date=format_date(report.at)))
        if self.kinds.currentRow() < 0:
            first = next((i for i, k in enumerate(KINDS) if counts.get(k)), 0)
            self.kinds.setCurrentRow(first)
        else:
            self._show_kind()

    def _show_kind(self) -> None:
        item = self.kinds.currentItem()
        if item is None or self.report is None:
            return
        self.model.set_rows(self.report.by_kind()[item.data(Qt.ItemDataRole.UserRole)])

    def _open(self, index: QModelIndex) -> None:
        cadre_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if cadre_id:
            self.open_cadre.emit(cadre_id)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(exc.message if isinstance(exc, CanboError)
                            else translate("RemindersPage", "Error: {error}").format(error=exc))
        self.status.setStyleSheet("color: #b00020;")
