"""Lấy phiếu tín nhiệm (QĐ 96-QĐ/TW): the conferences of a unit, and recording one — convened, present,
and per person the ballots "tín nhiệm cao / tín nhiệm / tín nhiệm thấp" — with the quorum and each
person's consequence read back from the rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.services import votes as vs
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import DateEdit

RED = "#b00020"
GREEN = "#1b5e20"
AMBER = "#8a5a00"
VIEW_HEADERS = (QT_TRANSLATE_NOOP("VotePanel", "Full name"), QT_TRANSLATE_NOOP("VotePanel", "Position"),
                QT_TRANSLATE_NOOP("VotePanel", "High"), QT_TRANSLATE_NOOP("VotePanel", "Confidence"),
                QT_TRANSLATE_NOOP("VotePanel", "Low"), QT_TRANSLATE_NOOP("VotePanel", "Low share"),
                QT_TRANSLATE_NOOP("VotePanel", "Consequence"))
ENTRY_HEADERS = (QT_TRANSLATE_NOOP("VotePanel", "Full name"), QT_TRANSLATE_NOOP("VotePanel", "Position"),
                 QT_TRANSLATE_NOOP("VotePanel", "High confidence"), QT_TRANSLATE_NOOP("VotePanel", "Confidence"),
                 QT_TRANSLATE_NOOP("VotePanel", "Low confidence"))


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


class VotePanel(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.role = uowf, tasks, role
        self.unit_id = ""
        self.unit_path = ""
        self.unit_name = ""
        self.votes: list[w.VoteSummary] = []
        self.view: w.VoteView | None = None
        self.people: list[Any] = []
        v = QVBoxLayout(self)
        split = QSplitter()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.unit_label = QLabel()
        self.unit_label.setWordWrap(True)
        lv.addWidget(self.unit_label)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("VotePanel", "Confidence votes held"))
        lv.addWidget(self.list, 1)
        self.new_button = QPushButton(translate("VotePanel", "Record a new vote…"))
        self.new_button.clicked.connect(self.start_entry)
        lv.addWidget(self.new_button)
        split.addWidget(left)
        self.stack = QStackedWidget()
        # the result of a vote
        shown = QWidget()
        sv = QVBoxLayout(shown)
        sv.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        sv.addWidget(self.title)
        self.quorum = QLabel()
        self.quorum.setWordWrap(True)
        sv.addWidget(self.quorum)
        self.result = QTableWidget(0, len(VIEW_HEADERS))
        self.result.setHorizontalHeaderLabels([translate("VotePanel", h) for h in VIEW_HEADERS])
        self.result.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result.verticalHeader().setVisible(False)
        self.result.setWordWrap(True)
        fm = self.fontMetrics()
        for i, chars in enumerate((22, 20, 5, 8, 5, 9)):
            self.result.setColumnWidth(i, fm.horizontalAdvance("n") * chars)
        self.result.horizontalHeader().setSectionResizeMode(len(VIEW_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        sv.addWidget(self.result, 1)
        self.stack.addWidget(shown)
        self.shown_page = shown
        # the entry form
        entry = QWidget()
        ev = QVBoxLayout(entry)
        ev.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.held_on = DateEdit()
        self.held_on.setText(format_date(date.today()))
        self.convened = QSpinBox()
        self.convened.setRange(0, 99_999)
        self.present = QSpinBox()
        self.present.setRange(0, 99_999)
        self.note = QLineEdit()
        form.addRow(translate("VotePanel", "Date of the vote"), self.held_on)
        form.addRow(translate("VotePanel", "People convened"), self.convened)
        form.addRow(translate("VotePanel", "People present"), self.present)
        form.addRow(translate("VotePanel", "Note"), self.note)
        ev.addLayout(form)
        hint = QLabel(translate("VotePanel", "Enter the ballots of each person voted on; empty rows are not "
                                "recorded."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)  # never wider than a small screen
        ev.addWidget(hint)
        self.entry = QTableWidget(0, len(ENTRY_HEADERS))
        self.entry.setHorizontalHeaderLabels([translate("VotePanel", h) for h in ENTRY_HEADERS])
        self.entry.verticalHeader().setVisible(False)
        for i, chars in enumerate((24, 26, 12, 10)):
            self.entry.setColumnWidth(i, fm.horizontalAdvance("n") * chars)
        self.entry.horizontalHeader().setSectionResizeMode(len(ENTRY_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        ev.addWidget(self.entry, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(translate("VotePanel", "Record results"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(translate("VotePanel", "Cancel"))
        self.cancel_button.clicked.connect(lambda: self.stack.setCurrentWidget(self.shown_page))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        ev.addLayout(buttons)
        self.stack.addWidget(entry)
        self.entry_page = entry
        split.addWidget(self.stack)
        split.setSizes([300, 800])
        v.addWidget(split, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.list.currentRowChanged.connect(self._vote_chosen)
        can = role in w.ENTRY_ROLES
        self.new_button.setEnabled(False)
        if not can:
            self.new_button.setToolTip(translate("VotePanel", "Only a clerk, the head of the office or an "
                                                 "administrator may record the results of a vote."))

    # -- the unit ---------------------------------------------------------------------------------------
    def set_unit(self, unit_id: str, unit_path: str, unit_name: str) -> None:
        self.unit_id, self.unit_path, self.unit_name = unit_id, unit_path, unit_name.strip()
        self.new_button.setEnabled(bool(unit_id) and self.role in w.ENTRY_ROLES)
        name = f"<b>{self.unit_name}</b>"
        self.unit_label.setText(name if unit_id else translate("VotePanel", "Choose a unit above."))
        self.stack.setCurrentWidget(self.shown_page)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        if not self.unit_id:
            self._show_list([], None)
            return
        uowf, path = self.uowf, self.unit_path or None
        self.tasks.run_db(lambda: vs.list_votes(uowf, unit_path=path), on_done=lambda rows: self._show_list(rows, select),
                          on_error=self._failed)

    def _show_list(self, rows: list[w.VoteSummary], select: str | None) -> None:
        self.votes = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            item = QListWidgetItem(translate("VotePanel", "{date} – {unit}\n{present}/{convened} present, {people} "
                                             "people voted on").format(
                date=format_date(r.held_on), unit=r.unit_name, present=r.present, convened=r.convened,
                people=r.people))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not rows:
            self.title.setText(translate("VotePanel", "This unit has held no confidence vote yet.") if self.unit_id
                               else "")
            self.quorum.clear()
            self.result.setRowCount(0)
            return
        ids = [r.id for r in rows]
        self.list.setCurrentRow(ids.index(select) if select in ids else 0)

    def _vote_chosen(self, i: int) -> None:
        if not 0 <= i < len(self.votes):
            return
        vid, uowf = self.votes[i].id, self.uowf
        self.tasks.run_db(lambda: vs.vote_view(uowf, vid), on_done=self.show_vote, on_error=self._failed)

    def show_vote(self, view: w.VoteView) -> None:
        self.view = view
        self.stack.setCurrentWidget(self.shown_page)
        if view.note:
            title = translate("VotePanel", "<b>Confidence vote of {date}</b> – {unit}. {note}<br><small>Legal basis: "
                              "{source}</small>")
        else:
            title = translate("VotePanel", "<b>Confidence vote of {date}</b> – {unit}<br><small>Legal basis: "
                              "{source}</small>")
        self.title.setText(title.format(date=format_date(view.held_on), unit=view.unit_name, note=view.note,
                                        source=view.legal_source))
        ok = view.quorum_ok
        self.quorum.setText(view.quorum_text)
        self.quorum.setStyleSheet(f"color: {GREEN if ok else RED if ok is False else AMBER}; font-weight: bold;")
        self.result.setRowCount(len(view.rows))
        for i, r in enumerate(view.rows):
            o = r.outcome
            consequence = o.consequence_text
            texts = (r.full_name, r.title_text, str(r.high), str(r.confidence), str(r.low), _pct(o.low_share_percent),
                     consequence)
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join((consequence, *o.reasons)) if c == 6 else text)
                if c in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 6 and (r.dismiss or r.remove_from_higher_planning):
                    item.setForeground(QColor(RED))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.result.setItem(i, c, item)
        self.result.resizeRowsToContents()

    # -- recording --------------------------------------------------------------------------------------
    def start_entry(self) -> None:
        """Show the form with the unit's people (active), counts empty."""
        if not self.unit_id:
            return
        uowf, path = self.uowf, self.unit_path
        self.tasks.run_db(lambda: cadre_svc.list_cadres(uowf, ListFilter(unit_path=path, status="dang_cong_tac"),
                                                        limit=500),
                          on_done=self._entry_people, on_error=self._failed)

    def _entry_people(self, people: list[Any]) -> None:
        self.people = people
        self.entry.setRowCount(len(people))
        for i, p in enumerate(people):
            for c, text in enumerate((p.full_name, p.current_position)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.entry.setItem(i, c, item)
            for c in (2, 3, 4):
                item = QTableWidgetItem("")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.entry.setItem(i, c, item)
        self.stack.setCurrentWidget(self.entry_page)
        self.status.setText(translate("VotePanel", "Recording the vote of {unit}.").format(unit=self.unit_name))
        self.status.setStyleSheet("")

    def set_ballots(self, cadre_id: str, high: int, confidence: int, low: int) -> None:
        i = next(i for i, p in enumerate(self.people) if p.id == cadre_id)
        for c, n in zip((2, 3, 4), (high, confidence, low), strict=True):
            self._cell(i, c).setText(str(n))

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.entry.item(row, col)
        if item is None:
            item = QTableWidgetItem("")
            self.entry.setItem(row, col, item)
        return item

    def rows_typed(self) -> list[w.VoteRowInput]:
        out = []
        for i, p in enumerate(self.people):
            texts = [self._cell(i, c).text().strip() for c in (2, 3, 4)]
            if not any(texts):
                continue
            try:
                high, mid, low = (int(t or "0") for t in texts)
            except ValueError:
                message = translate("VotePanel", "{name}: the ballot counts must be whole numbers.")
                raise ValidationError(message.format(name=p.full_name), {"rows": p.full_name}) from None
            out.append(w.VoteRowInput(p.id, high, mid, low))
        return out

    def save(self) -> None:
        try:
            held = self.held_on.value()[0]
            if held is None:
                raise ValidationError(translate("VotePanel", "Enter the date of the vote."))
            rows = self.rows_typed()
        except CanboError as exc:
            self._failed(exc)
            return
        uowf, role, unit = self.uowf, self.role, self.unit_id
        convened, present, note = self.convened.value(), self.present.value(), nfc(self.note.text())

        def job() -> str:
            vid, _c = vs.record_vote(uowf, unit, held, convened, present, rows, role=role, note=note)
            return vid

        def done(vid: str) -> None:
            self.status.setText(translate("VotePanel", "The results of the vote are recorded."))
            self.status.setStyleSheet(f"color: {GREEN};")
            self.reload(select=vid)

        self.tasks.run_db(job, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(exc.message if isinstance(exc, CanboError)
                            else translate("VotePanel", "Error: {error}").format(error=exc))
        self.status.setStyleSheet(f"color: {RED};")
