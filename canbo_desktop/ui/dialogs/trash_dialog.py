"""The trash: restore records, or (admin only) delete them for good after typing a confirmation."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate
from canbo_desktop.services import records
from canbo_desktop.ui.models.cadre_table import CadreTableModel, Column
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import fit_window, text_size

CONFIRM_WORDS = "XOÁ VĨNH VIỄN"  # i18n: data (the words services/records.py checks)


class TrashDialog(QDialog):
    def __init__(self, uowf: Any, tasks: TaskRunner, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.role = uowf, tasks, role
        self.setWindowTitle(translate("TrashDialog", "Trash"))
        v = QVBoxLayout(self)
        note = QLabel(translate("TrashDialog", "Records moved to the trash no longer appear in the list, searches "
                                               "or reports. They can be restored at any time."))
        note.setWordWrap(True)
        v.addWidget(note)
        self.model = CadreTableModel(tasks, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(Column.UNIT, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(Column.NAME, self.fontMetrics().horizontalAdvance("n") * 26)
        v.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        self.restore_button = QPushButton(translate("TrashDialog", "Restore"))
        self.restore_button.clicked.connect(lambda: self.restore(self.selected_ids()))
        self.purge_button = QPushButton(translate("TrashDialog", "Delete for good…"))
        self.purge_button.setEnabled(role == "admin")
        self.purge_button.setToolTip(translate("TrashDialog", "Administrators only") if role != "admin" else "")
        self.purge_button.clicked.connect(self._ask_purge)
        close = QPushButton(translate("TrashDialog", "Close"))
        close.clicked.connect(self.close)
        for b in (self.restore_button, self.purge_button, close):
            row.addWidget(b)
        v.addLayout(row)
        fit_window(self, *text_size(self, 122, 37))  # at most 90 % of the screen (1366×768 at 150 %)
        self.reload()

    def reload(self) -> None:
        uowf = self.uowf
        self.model.set_loader(lambda off, lim: records.list_trash(uowf)[off: off + lim])

    def selected_ids(self) -> list[str]:
        out = []
        for idx in self.view.selectionModel().selectedRows():
            row = self.model.row_at(idx.row())
            if row is not None:
                out.append(row.id)
        return out

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self.reload()
        parent = self.parent()
        refresh = getattr(parent, "refresh", None)
        if callable(refresh):
            refresh()

    def _error(self, exc: BaseException) -> None:
        self.status.setText(exc.message if isinstance(exc, CanboError) else str(exc))

    def restore(self, ids: list[str]) -> None:
        if ids:
            self.tasks.run_db(lambda: records.restore_cadres(self.uowf, ids),
                              on_done=lambda _c: self._done(translate("TrashDialog", "Restored {count} records.").format(count=len(ids))),
                              on_error=self._error)

    def _ask_purge(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        text, ok = QInputDialog.getText(
            self, translate("TrashDialog", "Delete for good"),
            translate("TrashDialog", "Delete {count} records for good? They cannot be restored.\n"
                                     "Type “{words}” to confirm:").format(count=len(ids), words=CONFIRM_WORDS))
        if ok:
            self.purge(ids, text)

    def purge(self, ids: list[str], typed: str) -> None:
        self.tasks.run_db(lambda: records.purge_cadres(self.uowf, ids, role=self.role, typed_confirmation=typed),
                          on_done=lambda _c: self._done(
                              translate("TrashDialog", "Deleted {count} records for good.").format(count=len(ids))),
                          on_error=self._error)
