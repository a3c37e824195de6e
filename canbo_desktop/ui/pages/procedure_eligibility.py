"""The eligibility table (every appointment condition with its result, reason and legal source), shared by
the eligibility check and the procedure screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.rules.eligibility import EligibilityReport
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

# English source strings; shown through translate("ProcedureEligibility", ...)
STATUS_TEXT = {
    "pass": QT_TRANSLATE_NOOP("ProcedureEligibility", "Met"),
    "fail": QT_TRANSLATE_NOOP("ProcedureEligibility", "Not met"),
    "unknown": QT_TRANSLATE_NOOP("ProcedureEligibility", "Not enough information"),
    "overridden": QT_TRANSLATE_NOOP("ProcedureEligibility", "Special case"),
}
STATUS_COLOR = {"pass": "#1b5e20", "fail": "#b00020", "unknown": "#8a6d00", "overridden": "#0b4f8a"}
KIND_TEXT = {
    "first": QT_TRANSLATE_NOOP("ProcedureEligibility", "first appointment"),
    "higher": QT_TRANSLATE_NOOP("ProcedureEligibility", "appointment to a higher post"),
    "equal": QT_TRANSLATE_NOOP("ProcedureEligibility", "appointment to an equivalent post"),
    "lower": QT_TRANSLATE_NOOP("ProcedureEligibility", "appointment to a lower post"),
    "unknown": QT_TRANSLATE_NOOP("ProcedureEligibility", "type of appointment not determined"),
}
OVERALL_TEXT = {
    "pass": QT_TRANSLATE_NOOP("ProcedureEligibility", "ELIGIBLE"),
    "fail": QT_TRANSLATE_NOOP("ProcedureEligibility", "NOT YET ELIGIBLE"),
    "unknown": QT_TRANSLATE_NOOP("ProcedureEligibility", "not enough information to conclude"),
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the result column keeps the status code ("fail", "overridden"…)


def status_text(status: str) -> str:
    """The result of a condition in the current language."""
    text = STATUS_TEXT.get(status)
    return status if text is None else translate("ProcedureEligibility", text)


def make_eligibility_table(parent: QWidget | None = None, *, source_chars: int = 34) -> QTableWidget:
    table = QTableWidget(0, 4, parent)
    table.setHorizontalHeaderLabels([translate("ProcedureEligibility", "Condition"),
                                     translate("ProcedureEligibility", "Result"),
                                     translate("ProcedureEligibility", "Reason"),
                                     translate("ProcedureEligibility", "Legal basis")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    fm = table.fontMetrics()
    table.setColumnWidth(0, fm.horizontalAdvance("n") * 30)
    table.setColumnWidth(1, fm.horizontalAdvance(status_text("overridden")) + 16)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(3, fm.horizontalAdvance("n") * source_chars)
    return table


def summary_html(report: EligibilityReport) -> str:
    overall = OVERALL_TEXT.get(report.overall)
    kind = KIND_TEXT.get(report.appointment_kind)
    return translate(
        "ProcedureEligibility",
        "<b>Conclusion: {overall}</b> ({kind}, as of {date}). Not met: {failed}; unclear: {unknown}; "
        "special cases: {overridden}.",
    ).format(overall=report.overall if overall is None else translate("ProcedureEligibility", overall),
             kind="" if kind is None else translate("ProcedureEligibility", kind), date=format_date(report.on),
             failed=len(report.failed), unknown=len(report.unknown), overridden=len(report.overridden))


def fill_eligibility_table(table: QTableWidget, report: EligibilityReport) -> None:
    """One row per applicable condition; the rule code is each item's UserRole, the status code the result's
    ``STATUS_ROLE``."""
    rows = [r for r in report.results if r.applicable]
    table.setRowCount(len(rows))
    for i, r in enumerate(rows):
        reason = r.reason + (f" — {r.override_reference}" if r.override_reference else "")
        for c, text in enumerate((r.name, status_text(r.status), reason, r.legal_source)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 1:
                item.setForeground(QColor(STATUS_COLOR.get(r.status, "#000")))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setData(STATUS_ROLE, r.status)
            item.setData(Qt.ItemDataRole.UserRole, r.code)
            table.setItem(i, c, item)
    table.resizeRowsToContents()
