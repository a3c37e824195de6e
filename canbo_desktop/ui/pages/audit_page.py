"""The audit viewer (Tệp → Nhật ký thao tác…): who did what and when, filtered by person, action, kind of record and
dates; the selected entry's changes shown as "field: old → new"; and "Kiểm tra tính toàn vẹn", which walks the
hash chain (``services.audit.verify_chain``) and names the first row that was edited, deleted or inserted.

The source box picks whose log is shown: this office's own ("Văn phòng này"), or the trail an office sent with its
sync packages (``services.audit.list_received``; the same filters). For a received trail the integrity check is
``verify_received``: each stored file against its hash, then the sender's own chain.

Queries and the check run on the task runner's database thread, so a long log never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import audit as audit_svc
from canbo_desktop.services.audit import AuditEntry, AuditFacets, AuditFilter, AuditSource, VerifyResult
from canbo_desktop.services.database import Database
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import DateEdit

PAGE = 300
ENTITY_LABELS = {  # shown through translate("AuditPage", …)
    "cadre": QT_TRANSLATE_NOOP("AuditPage", "Cadre record"),
    "report": QT_TRANSLATE_NOOP("AuditPage", "Report"),
    "database": QT_TRANSLATE_NOOP("AuditPage", "Database"),
    "decision": QT_TRANSLATE_NOOP("AuditPage", "Decision"),
    "appointment_procedure": QT_TRANSLATE_NOOP("AuditPage", "Appointment procedure"),
    "evaluation_round": QT_TRANSLATE_NOOP("AuditPage", "Evaluation round"),
    "evaluation": QT_TRANSLATE_NOOP("AuditPage", "Evaluation result"),
    "app_user": QT_TRANSLATE_NOOP("AuditPage", "Account"),
    "setting": QT_TRANSLATE_NOOP("AuditPage", "Setting"),
    "org_unit": QT_TRANSLATE_NOOP("AuditPage", "Unit"),
}
ALL = QT_TRANSLATE_NOOP("AuditPage", "(all)")


def entity_label(entity: str) -> str:
    label = ENTITY_LABELS.get(entity)
    return translate("AuditPage", label) if label else entity


class AuditPage(QWidget):
    def __init__(self, db: Database, user: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user
        self.tasks = tasks
        self.entries: list[AuditEntry] = []
        self._filter = AuditFilter()
        self._source = audit_svc.LOCAL_SOURCE  # whose log the table shows ("" = this office's own)
        self.sources: list[AuditSource] = []

        self.source = QComboBox()
        self.source.setAccessibleName(translate("AuditPage", "Whose log"))
        self.source.addItem(translate("AuditPage", "This office"), audit_svc.LOCAL_SOURCE)
        self.source.setToolTip(translate("AuditPage", "This office's own log, or the log an office sent with its "
                                                      "sync packages"))
        self.source.setMinimumWidth(160)
        self.source.currentIndexChanged.connect(self._source_chosen)
        self.actor = QComboBox()
        self.action = QComboBox()
        self.entity = QComboBox()
        for box in (self.actor, self.action, self.entity):
            box.addItem(translate("AuditPage", ALL), "")
            box.setMinimumWidth(140)
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        self.apply_btn = QPushButton(translate("AuditPage", "&Filter"))
        self.apply_btn.clicked.connect(self.reload)
        self.verify_btn = QPushButton(translate("AuditPage", "Check &integrity"))
        self.verify_btn.setToolTip(translate("AuditPage", "Recompute the hash chain of the whole log: finds rows "
                                                          "that were edited, deleted or inserted"))
        self.verify_btn.clicked.connect(self.verify)
        self.more_btn = QPushButton(translate("AuditPage", "Show &more"))
        self.more_btn.clicked.connect(self.load_more)

        bar = QHBoxLayout()
        for label, w in ((translate("AuditPage", "Log of:"), self.source),
                         (translate("AuditPage", "Person:"), self.actor),
                         (translate("AuditPage", "Action:"), self.action),
                         (translate("AuditPage", "Record:"), self.entity),
                         (translate("AuditPage", "From:"), self.date_from),
                         (translate("AuditPage", "to:"), self.date_to)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addWidget(self.apply_btn)
        bar.addStretch(1)
        bar.addWidget(self.verify_btn)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            translate("AuditPage", "No."), translate("AuditPage", "Time"), translate("AuditPage", "Person"),
            translate("AuditPage", "Action"), translate("AuditPage", "Record"), translate("AuditPage", "ID")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(translate("AuditPage", "Choose a row to see what changed (old → new)."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_btn)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.verdict)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        self.load_sources()
        self.load_facets()
        self.reload()

    # -- data -----------------------------------------------------------------------------------
    def load_sources(self) -> None:
        uowf = self.db.uow(self.user)
        self.tasks.run_db(lambda: audit_svc.received_sources(uowf), self._set_sources, self._failed)

    def _set_sources(self, sources: list[AuditSource]) -> None:
        self.sources = sources
        current = self.source.currentData()
        self.source.blockSignals(True)
        while self.source.count() > 1:
            self.source.removeItem(1)
        for src in sources:
            self.source.addItem(src.name, src.node_id)
            self.source.setItemData(self.source.count() - 1, translate(
                "AuditPage", "The log {office} sent with its sync packages ({count} packages)").format(
                office=src.name, count=src.packages), Qt.ItemDataRole.ToolTipRole)
        self.source.setCurrentIndex(max(0, self.source.findData(current)))
        self.source.blockSignals(False)

    def select_source(self, node_id: str) -> None:
        """Show the log of ``node_id`` (``""``: this office's own)."""
        self.source.setCurrentIndex(max(0, self.source.findData(node_id)))

    def _source_chosen(self, _index: int) -> None:
        self._source = str(self.source.currentData() or "")
        self.verdict.setText("")
        self.verdict.setStyleSheet("")
        self.entries = []
        self.table.setRowCount(0)
        self.load_facets(then=self.reload)  # the filter boxes offer this log's values, then the list reloads

    def load_facets(self, then: Callable[[], None] | None = None) -> None:
        uowf, source = self.db.uow(self.user), self._source

        def done(f: AuditFacets) -> None:
            self._set_facets(f)
            if then is not None:
                then()

        if source:
            self.tasks.run_db(lambda: audit_svc.received_facets(uowf, source), done, self._failed)
        else:
            self.tasks.run_db(lambda: audit_svc.facets(uowf), done, self._failed)

    def _set_facets(self, f: AuditFacets) -> None:
        boxes: list[tuple[QComboBox, list[str], Callable[[str], str]]] = [
            (self.actor, f.actors, str), (self.action, f.actions, audit_svc.action_label),
            (self.entity, f.entities, entity_label)]
        for box, values, label in boxes:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(translate("AuditPage", ALL), "")
            for v in values:
                box.addItem(label(v), v)
            i = box.findData(current)
            box.setCurrentIndex(max(0, i))
            box.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        d_from, _ = self.date_from.value()
        d_to, _ = self.date_to.value()
        return AuditFilter(actor=str(self.actor.currentData() or ""), action=str(self.action.currentData() or ""),
                           entity=str(self.entity.currentData() or ""), date_from=d_from, date_to=d_to)

    def reload(self) -> None:
        try:
            self._filter = self.current_filter()
        except CanboError as exc:
            self.status.setText(exc.message)
            return
        self.entries = []
        self.table.setRowCount(0)
        self.load_more()

    def load_more(self) -> None:
        uowf, flt, offset, source = self.db.uow(self.user), self._filter, len(self.entries), self._source
        if source:
            self.tasks.run_db(lambda: audit_svc.list_received(uowf, source, flt, limit=PAGE, offset=offset),
                              self._append, self._failed)
        else:
            self.tasks.run_db(lambda: audit_svc.list_entries(uowf, flt, limit=PAGE, offset=offset),
                              self._append, self._failed)

    def _append(self, rows: list[AuditEntry]) -> None:
        start = len(self.entries)
        self.entries.extend(rows)
        self.table.setRowCount(len(self.entries))
        for i, e in enumerate(rows, start=start):
            values = [str(e.seq), e.at.strftime("%d/%m/%Y %H:%M:%S"), e.actor, audit_svc.action_label(e.action),
                      entity_label(e.entity), e.entity_id]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.more_btn.setEnabled(len(rows) == PAGE)
        if len(rows) == PAGE:
            self.status.setText(translate("AuditPage", "Showing {count} entries (more to load).").format(
                count=len(self.entries)))
        else:
            self.status.setText(translate("AuditPage", "Showing {count} entries.").format(count=len(self.entries)))

    def _show_detail(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows:
            self.detail.clear()
            return
        e = self.entries[min(rows)]
        head = (f"{audit_svc.action_label(e.action)} — {entity_label(e.entity)} {e.entity_id}\n"
                f"{e.at:%d/%m/%Y %H:%M:%S}, {e.actor}\n")
        self.detail.setPlainText(head + "\n".join(audit_svc.describe_changes(e, width=200)))

    # -- integrity ------------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_btn.setEnabled(False)
        self.verdict.setText(translate("AuditPage", "Checking the log's hash chain…"))
        uowf, source = self.db.uow(self.user), self._source
        if source:
            self.tasks.run_db(lambda: audit_svc.verify_received(uowf, source), self._verified, self._failed)
        else:
            self.tasks.run_db(lambda: audit_svc.verify_chain(uowf), self._verified, self._failed)

    def _verified(self, r: VerifyResult) -> None:
        self.verify_btn.setEnabled(True)
        self.verdict.setText(("✔ " if r.ok else "✘ ") + r.message)
        self.verdict.setStyleSheet("color: #1b5e20;" if r.ok else "color: #b00020; font-weight: bold;")
        self.last_verify = r

    def _failed(self, exc: BaseException) -> None:
        self.verify_btn.setEnabled(True)
        self.status.setText(exc.message if isinstance(exc, CanboError)
                            else translate("AuditPage", "Error: {error}").format(error=exc))


class AuditDialog(QDialog):
    """The viewer in its own window (opened from the menu)."""

    def __init__(self, db: Database, user: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AuditPage", "Audit log"))
        self.resize(1100, 680)
        self.page = AuditPage(db, user, tasks, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("AuditPage", "Close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.page)
        lay.addWidget(buttons)


def open_audit_dialog(window: Any) -> AuditDialog:
    """What the main window's menu action calls (``window`` has ``db``, ``user`` and ``tasks``)."""
    dlg = AuditDialog(window.db, window.user, window.tasks, window)
    dlg.show()
    return dlg
