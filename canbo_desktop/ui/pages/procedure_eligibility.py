"""The eligibility table (every appointment condition with its result, reason and legal source), shared by
the eligibility check and the procedure screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.rules.eligibility import EligibilityReport

STATUS_TEXT = {"pass": "Đạt", "fail": "Không đạt", "unknown": "Chưa đủ thông tin", "overridden": "Trường hợp đặc biệt"}
STATUS_COLOR = {"pass": "#1b5e20", "fail": "#b00020", "unknown": "#8a6d00", "overridden": "#0b4f8a"}
KIND_TEXT = {"first": "bổ nhiệm lần đầu", "higher": "bổ nhiệm chức vụ cao hơn", "equal": "bổ nhiệm chức vụ tương đương",
             "lower": "bổ nhiệm chức vụ thấp hơn", "unknown": "chưa xác định được loại bổ nhiệm"}
OVERALL_TEXT = {"pass": "ĐỦ điều kiện", "fail": "CHƯA ĐỦ điều kiện", "unknown": "chưa đủ thông tin để kết luận"}


def make_eligibility_table(parent: QWidget | None = None, *, source_chars: int = 34) -> QTableWidget:
    table = QTableWidget(0, 4, parent)
    table.setHorizontalHeaderLabels(["Điều kiện", "Kết quả", "Lý do", "Căn cứ"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    fm = table.fontMetrics()
    table.setColumnWidth(0, fm.horizontalAdvance("n") * 30)
    table.setColumnWidth(1, fm.horizontalAdvance("Trường hợp đặc biệt") + 16)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(3, fm.horizontalAdvance("n") * source_chars)
    return table


def summary_html(report: EligibilityReport) -> str:
    return (f"<b>Kết luận: {OVERALL_TEXT.get(report.overall, report.overall)}</b> "
            f"({KIND_TEXT.get(report.appointment_kind, '')}, tính đến ngày {format_date(report.on)}). "
            f"Không đạt: {len(report.failed)}; chưa rõ: {len(report.unknown)}; "
            f"trường hợp đặc biệt: {len(report.overridden)}.")


def fill_eligibility_table(table: QTableWidget, report: EligibilityReport) -> None:
    """One row per applicable condition; the rule code is each item's UserRole."""
    rows = [r for r in report.results if r.applicable]
    table.setRowCount(len(rows))
    for i, r in enumerate(rows):
        reason = r.reason + (f" — {r.override_reference}" if r.override_reference else "")
        for c, text in enumerate((r.name, STATUS_TEXT.get(r.status, r.status), reason, r.legal_source)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 1:
                item.setForeground(QColor(STATUS_COLOR.get(r.status, "#000")))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, r.code)
            table.setItem(i, c, item)
    table.resizeRowsToContents()
