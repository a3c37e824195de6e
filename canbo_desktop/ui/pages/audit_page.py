"""The audit viewer (Tệp → Nhật ký thao tác…): who did what and when, filtered by person, action, kind of record and
dates; the selected entry's changes shown as "field: old → new"; and "Kiểm tra tính toàn vẹn", which walks the
hash chain (``services.audit.verify_chain``) and names the first row that was edited, deleted or inserted.

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
from canbo_desktop.services import audit as audit_svc
from canbo_desktop.services.audit import AuditEntry, AuditFacets, AuditFilter, VerifyResult
from canbo_desktop.services.database import Database
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import DateEdit

PAGE = 300
ENTITY_LABELS = {
    "cadre": "Hồ sơ cán bộ",
    "report": "Báo cáo",
    "database": "Cơ sở dữ liệu",
    "decision": "Quyết định",
    "appointment_procedure": "Quy trình bổ nhiệm",
    "evaluation_round": "Đợt đánh giá",
    "evaluation": "Kết quả đánh giá",
    "app_user": "Tài khoản",
    "setting": "Cài đặt",
    "org_unit": "Đơn vị",
}
ALL = "(tất cả)"


class AuditPage(QWidget):
    def __init__(self, db: Database, user: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user
        self.tasks = tasks
        self.entries: list[AuditEntry] = []
        self._filter = AuditFilter()

        self.actor = QComboBox()
        self.action = QComboBox()
        self.entity = QComboBox()
        for box in (self.actor, self.action, self.entity):
            box.addItem(ALL, "")
            box.setMinimumWidth(140)
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        self.apply_btn = QPushButton("&Lọc")
        self.apply_btn.clicked.connect(self.reload)
        self.verify_btn = QPushButton("Kiểm tra tính &toàn vẹn")
        self.verify_btn.setToolTip("Tính lại chuỗi mã băm của toàn bộ nhật ký: phát hiện dòng bị sửa, xoá hoặc chèn")
        self.verify_btn.clicked.connect(self.verify)
        self.more_btn = QPushButton("Xem &thêm")
        self.more_btn.clicked.connect(self.load_more)

        bar = QHBoxLayout()
        for label, w in (("Người:", self.actor), ("Thao tác:", self.action), ("Đối tượng:", self.entity),
                         ("Từ ngày:", self.date_from), ("đến:", self.date_to)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addWidget(self.apply_btn)
        bar.addStretch(1)
        bar.addWidget(self.verify_btn)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["Số", "Thời điểm", "Người", "Thao tác", "Đối tượng", "Mã"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("Chọn một dòng để xem nội dung thay đổi (cũ → mới).")
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
        self.load_facets()
        self.reload()

    # -- data -----------------------------------------------------------------------------------
    def load_facets(self) -> None:
        uowf = self.db.uow(self.user)
        self.tasks.run_db(lambda: audit_svc.facets(uowf), self._set_facets, self._failed)

    def _set_facets(self, f: AuditFacets) -> None:
        def entity_label(e: str) -> str:
            return ENTITY_LABELS.get(e, e)

        boxes: list[tuple[QComboBox, list[str], Callable[[str], str]]] = [
            (self.actor, f.actors, str), (self.action, f.actions, audit_svc.action_label),
            (self.entity, f.entities, entity_label)]
        for box, values, label in boxes:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(ALL, "")
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
        uowf, flt, offset = self.db.uow(self.user), self._filter, len(self.entries)
        self.tasks.run_db(lambda: audit_svc.list_entries(uowf, flt, limit=PAGE, offset=offset), self._append, self._failed)

    def _append(self, rows: list[AuditEntry]) -> None:
        start = len(self.entries)
        self.entries.extend(rows)
        self.table.setRowCount(len(self.entries))
        for i, e in enumerate(rows, start=start):
            values = [str(e.seq), e.at.strftime("%d/%m/%Y %H:%M:%S"), e.actor, audit_svc.action_label(e.action),
                      ENTITY_LABELS.get(e.entity, e.entity), e.entity_id]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.more_btn.setEnabled(len(rows) == PAGE)
        self.status.setText(f"Đang hiện {len(self.entries)} mục" + (" (còn nữa)" if len(rows) == PAGE else "") + ".")

    def _show_detail(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows:
            self.detail.clear()
            return
        e = self.entries[min(rows)]
        head = (f"{audit_svc.action_label(e.action)} — {ENTITY_LABELS.get(e.entity, e.entity)} {e.entity_id}\n"
                f"{e.at:%d/%m/%Y %H:%M:%S}, {e.actor}\n")
        self.detail.setPlainText(head + "\n".join(audit_svc.describe_changes(e, width=200)))

    # -- integrity ------------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_btn.setEnabled(False)
        self.verdict.setText("Đang kiểm tra chuỗi mã băm của nhật ký…")
        uowf = self.db.uow(self.user)
        self.tasks.run_db(lambda: audit_svc.verify_chain(uowf), self._verified, self._failed)

    def _verified(self, r: VerifyResult) -> None:
        self.verify_btn.setEnabled(True)
        self.verdict.setText(("✔ " if r.ok else "✘ ") + r.message)
        self.verdict.setStyleSheet("color: #1b5e20;" if r.ok else "color: #b00020; font-weight: bold;")
        self.last_verify = r

    def _failed(self, exc: BaseException) -> None:
        self.verify_btn.setEnabled(True)
        self.status.setText(exc.message if isinstance(exc, CanboError) else f"Lỗi: {exc}")


class AuditDialog(QDialog):
    """The viewer in its own window (opened from the menu)."""

    def __init__(self, db: Database, user: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhật ký thao tác")
        self.resize(1100, 680)
        self.page = AuditPage(db, user, tasks, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.page)
        lay.addWidget(buttons)


def open_audit_dialog(window: Any) -> AuditDialog:
    """What the main window's menu action calls (``window`` has ``db``, ``user`` and ``tasks``)."""
    dlg = AuditDialog(window.db, window.user, window.tasks, window)
    dlg.show()
    return dlg
