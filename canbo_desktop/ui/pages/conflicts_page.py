"""Xung đột đồng bộ: the conflicts an import left for a person, and their resolution.

Left, the open conflicts (person, table, kind, package, date); right, the chosen one field by field: the
common base, this office's value and the received value side by side, the fields that differ first and
highlighted. "Giữ bản của mình" keeps the local row, "Lấy bản nhận về" takes the received one, "Sửa…" lets the
clerk type the right value of each disputed field. A resolution goes through the sync service: it is a
normal change (audited, and sent upward with the next package); the losing values stay in the conflict row.
The page says how many remain (``count_changed``: the main window's status bar follows it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.import_parse import FIELDS
from canbo_desktop.domain.sync import table_label
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo


class Translated(Mapping[str, str]):
    """A table of interface texts marked with QT_TRANSLATE_NOOP: a lookup gives the text in the current language
    (so that other modules reading the table, e.g. the sync import wizard, show it translated too)."""

    def __init__(self, context: str, source: dict[str, str]) -> None:
        self.context, self.source = context, source

    def __getitem__(self, key: str) -> str:
        return translate(self.context, self.source[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)


KIND_TEXT = Translated("ConflictsPage", {
    "soft": QT_TRANSLATE_NOOP("ConflictsPage", "Soft — merged, to be reviewed"),
    "hard": QT_TRANSLATE_NOOP("ConflictsPage", "Hard — awaiting a decision"),
    "cccd": QT_TRANSLATE_NOOP("ConflictsPage", "Same ID number — a transfer or a duplicate record?"),
})
KIND_SHORT = Translated("ConflictsPage", {
    "soft": QT_TRANSLATE_NOOP("ConflictsPage", "Soft"),
    "hard": QT_TRANSLATE_NOOP("ConflictsPage", "Hard"),
    "cccd": QT_TRANSLATE_NOOP("ConflictsPage", "Same ID number"),
})
KIND_COLOR = {"soft": "#8a6d00", "hard": "#b00020", "cccd": "#6a1b9a"}
KIND_HELP = Translated("ConflictsPage", {
    "soft": QT_TRANSLATE_NOOP("ConflictsPage", "The two sides changed different fields: both changes were merged. "
                                               "Check them, then press «Keep mine» to close the conflict."),
    "hard": QT_TRANSLATE_NOOP("ConflictsPage", "The two sides changed the same field differently (or one deleted the "
                                               "record and the other changed it): nothing was applied. Choose the "
                                               "right version or correct it."),
    "cccd": QT_TRANSLATE_NOOP("ConflictsPage", "A received record has the same ID number as a record of another "
                                               "unit: the person may have been transferred, or the two records are "
                                               "duplicates."),
})
EXTRA_LABELS = Translated("ConflictsPage", {
    "owner_unit_id": QT_TRANSLATE_NOOP("ConflictsPage", "Managing unit"),
    "deleted": QT_TRANSLATE_NOOP("ConflictsPage", "Deleted"),
    "title_code": QT_TRANSLATE_NOOP("ConflictsPage", "Title"),
    "birth_precision": QT_TRANSLATE_NOOP("ConflictsPage", "Birth date precision"),
    "other_allowance": QT_TRANSLATE_NOOP("ConflictsPage", "Other allowance"),
    "mass_org": QT_TRANSLATE_NOOP("ConflictsPage", "Socio-political organisation"),
    "strengths": QT_TRANSLATE_NOOP("ConflictsPage", "Work strengths"),
    "relation": QT_TRANSLATE_NOOP("ConflictsPage", "Relationship"),
    "birth_year": QT_TRANSLATE_NOOP("ConflictsPage", "Year of birth"),
    "details": QT_TRANSLATE_NOOP("ConflictsPage", "Details"),
    "name": QT_TRANSLATE_NOOP("ConflictsPage", "Name"),
    "code": QT_TRANSLATE_NOOP("ConflictsPage", "Code"),
})
DOMAIN_LABELS = {f.key: f.label for f in FIELDS}  # the import's field names (domain/import_parse.py)
HIDDEN_FIELDS = frozenset({"id", "rev", "hlc", "origin_node", "updated_by", "updated_at", "name_sort_key", "search_fold",
                           "search_exact", "search_info", "search_rowid", "__meta__"})
# bookkeeping a clerk does not decide on: listed only when they differ
QUIET_FIELDS = frozenset({"created_at", "name_family_last", "birth_precision", "path", "depth"})
UNKNOWN = QT_TRANSLATE_NOOP("ConflictsPage", "(unknown)")
DIFF_BG = QColor("#fff3c4")
CODE_FIELDS = {f.key: f.code_list for f in FIELDS if f.code_list} | {"owner_unit_id": "unit", "title_code": "title"}
SEX_TEXT = Translated("ConflictsPage", {"M": QT_TRANSLATE_NOOP("ConflictsPage", "Male"),
                                         "F": QT_TRANSLATE_NOOP("ConflictsPage", "Female")})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?$")


def _svc() -> Any:
    from canbo_desktop.services.sync import conflicts  # the sync engine is loaded when the page is used

    return conflicts


def table_of(c: Any) -> str:
    return str(getattr(c, "table_name", "") or getattr(c, "table", ""))


def field_label(key: str) -> str:
    if key in EXTRA_LABELS:
        return EXTRA_LABELS[key]
    return DOMAIN_LABELS.get(key, key)


def show_value(v: Any) -> str:
    """A stored value as a clerk reads it: dates dd/MM/yyyy, yes/no, "—" for nothing."""
    if v is None or v == "":
        return "—"
    if isinstance(v, bool):
        return translate("ConflictsPage", "Yes") if v else translate("ConflictsPage", "No")
    if isinstance(v, datetime):
        return format_date(v.date())
    if isinstance(v, date):
        return format_date(v)
    if isinstance(v, str) and _ISO_DATE.match(v):
        try:
            return format_date(date.fromisoformat(v[:10]))
        except ValueError:
            return v
    if isinstance(v, list | dict):
        return ", ".join(map(str, v)) if isinstance(v, list) else str(v)
    return str(v)


class Names:
    """Code values as their names ("dang_cong_tac" → "Đang công tác", a unit id → the unit's name)."""

    def __init__(self, codes: dict[str, list[tuple[str, str]]] | None = None) -> None:
        self.codes = codes or {}
        self._maps: dict[str, dict[str, str]] = {}

    def code_list(self, field: str) -> str:
        return CODE_FIELDS.get(field, "")

    def show(self, field: str, v: Any) -> str:
        if field == "sex" and v in SEX_TEXT:
            return SEX_TEXT[v]
        lst = CODE_FIELDS.get(field)
        if lst and isinstance(v, str) and v:
            if lst not in self._maps:
                self._maps[lst] = {code: name.strip() for code, name in self.codes.get(lst, [])}
            name = self._maps[lst].get(v)
            if name:
                return name
        return show_value(v)


def typed_like(text: str, model: Any) -> Any:
    """What the clerk typed, as the type of the value it replaces (numbers stay numbers, empty is nothing)."""
    t = text.strip()
    if not t:
        return None
    if isinstance(model, bool):
        return t.casefold() in {"có", "1", "true", "x", translate("ConflictsPage", "Yes").casefold()}  # i18n: data
    if isinstance(model, int):
        try:
            return int(t)
        except ValueError:
            return t
    if isinstance(model, float):
        try:
            return float(t.replace(",", "."))
        except ValueError:
            return t
    if isinstance(model, str) and _ISO_DATE.match(model):
        from canbo_desktop.domain.dates import parse_partial_date

        p = parse_partial_date(t)
        return p.first_day().isoformat() if p is not None else t
    return t


def conflict_fields(c: Any, *, every: bool = False) -> tuple[list[str], set[str]]:
    """The fields to show (the disputed ones, then those that differ; with ``every`` also the ones both sides
    agree on) and the set of those that differ."""
    local, incoming = c.local or {}, c.incoming or {}
    disputed = [f for f in (c.fields or []) if f not in HIDDEN_FIELDS]
    keys = (set(local) | set(incoming)) - HIDDEN_FIELDS
    differing = {k for k in keys if local.get(k) != incoming.get(k)}
    marked = set(disputed) | differing
    order = disputed + sorted(differing - set(disputed), key=field_label)
    if every:
        order += sorted((k for k in keys - marked if k not in QUIET_FIELDS), key=field_label)
    return order, marked


def conflict_title(c: Any) -> str:
    for attr in ("label", "title", "full_name"):
        v = getattr(c, attr, "")
        if v:
            return str(v)
    d = c.local or c.incoming or {}
    return str(d.get("full_name") or d.get("name") or c.row_id[:8])


class EditDialog(QDialog):
    """Type the right value of each disputed field (the local value is filled in; the received one is shown)."""

    def __init__(self, c: Any, fields: list[str], parent: QWidget | None = None, *, names: Names | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ConflictsPage", "Correct the values"))
        self.c = c
        self.names = names or Names()
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, CodeCombo] = {}
        v = QVBoxLayout(self)
        v.addWidget(QLabel(translate("ConflictsPage", "Type the right value of each field that differs. The old values "
                                                      "of both sides are kept.")))
        form = QFormLayout()
        for f in fields:
            local, incoming = (c.local or {}).get(f), (c.incoming or {}).get(f)
            tip = translate("ConflictsPage", "Ours: {local}\nReceived: {incoming}").format(
                local=self.names.show(f, local), incoming=self.names.show(f, incoming))
            choices = self.names.codes.get(self.names.code_list(f)) if self.names.code_list(f) else None
            if choices:  # a code list: choose among its names, never type a code
                combo = CodeCombo([(code, name.strip()) for code, name in choices])
                combo.set_value(None if local is None else str(local))
                combo.setToolTip(tip)
                form.addRow(field_label(f), combo)
                self.combos[f] = combo
                continue
            edit = QLineEdit("" if local is None else show_value(local) if show_value(local) != "—" else "")
            edit.setPlaceholderText(translate("ConflictsPage", "received: {value}").format(value=show_value(incoming)))
            edit.setToolTip(tip)
            form.addRow(field_label(f), edit)
            self.edits[f] = edit
        v.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ConflictsPage", "Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ConflictsPage", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: (combo.value() or None) for f, combo in self.combos.items()}
        for f, edit in self.edits.items():
            model = (self.c.local or {}).get(f)
            if model is None:
                model = (self.c.incoming or {}).get(f)
            out[f] = typed_like(edit.text(), model)
        return out


class ConflictsPage(QWidget):
    count_changed = Signal(int)

    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.conflicts: list[Any] = []
        self.current: Any = None
        self.names: Names | None = None  # the code lists, read with the first list
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.summary, 1)
        self.reload_button = QPushButton(translate("ConflictsPage", "Refresh"))
        self.reload_button.clicked.connect(self.reload)
        top.addWidget(self.reload_button)
        outer.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QTableWidget(0, 5)
        self.list.setHorizontalHeaderLabels([
            translate("ConflictsPage", "Person / record"), translate("ConflictsPage", "Content"),
            translate("ConflictsPage", "Kind"), translate("ConflictsPage", "From the package of"),
            translate("ConflictsPage", "Date")])
        self.list.verticalHeader().setVisible(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        fm = self.fontMetrics()
        for col, chars in enumerate((18, 12, 8, 10, 10)):
            self.list.setColumnWidth(col, fm.horizontalAdvance("n") * chars + 12)
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._chosen)
        split.addWidget(self.list)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 0, 0, 0)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setTextFormat(Qt.TextFormat.RichText)
        rv.addWidget(self.head)
        self.help = QLabel()
        self.help.setWordWrap(True)
        rv.addWidget(self.help)
        self.every = QCheckBox(translate("ConflictsPage", "Also show the fields both sides agree on"))
        self.every.toggled.connect(lambda _on: self._fill(self.current))
        rv.addWidget(self.every)
        self.detail = QTableWidget(0, 4)
        self.detail.setHorizontalHeaderLabels([
            translate("ConflictsPage", "Field"), translate("ConflictsPage", "Common base"),
            translate("ConflictsPage", "Ours"), translate("ConflictsPage", "Received")])
        self.detail.verticalHeader().setVisible(False)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.setWordWrap(True)
        h = self.detail.horizontalHeader()
        self.detail.setColumnWidth(0, fm.horizontalAdvance("n") * 14)
        for col in (1, 2, 3):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        # the rows as high as their wrapped values (a narrow window at 150 % wraps an address on two lines)
        self.detail.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col, tip in ((1, translate("ConflictsPage", "Common base: the value before both sides changed it")),
                         (2, translate("ConflictsPage", "Our version")),
                         (3, translate("ConflictsPage", "The received version"))):
            head = self.detail.horizontalHeaderItem(col)
            if head is not None:
                head.setToolTip(tip)
        rv.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton(translate("ConflictsPage", "Keep mine"))
        self.keep_button.setToolTip(translate("ConflictsPage", "Keep the record as it is in this office; the received "
                                                               "version is kept in the conflict"))
        self.take_button = QPushButton(translate("ConflictsPage", "Take the received one"))
        self.take_button.setToolTip(translate("ConflictsPage", "Write the received values into the record; the old "
                                                               "values are kept in the conflict"))
        self.edit_button = QPushButton(translate("ConflictsPage", "Edit…"))
        self.edit_button.setToolTip(translate("ConflictsPage", "Type the right value of the fields that differ"))
        self.keep_button.clicked.connect(lambda: self.resolve("keep"))
        self.take_button.clicked.connect(lambda: self.resolve("take"))
        self.edit_button.clicked.connect(self._edit)
        buttons.addStretch(1)
        for b in (self.keep_button, self.take_button, self.edit_button):
            buttons.addWidget(b)
        rv.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        rv.addWidget(self.status)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([fm.horizontalAdvance("n") * 76, fm.horizontalAdvance("n") * 80])  # the list keeps its names whole
        outer.addWidget(split, 1)
        self._enable(False)
        self.reload()

    # -- list -----------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        uowf = self.uowf
        keep = select or (self.current.id if self.current is not None else None)
        need_codes = self.names is None

        def load() -> tuple[list[Any], Any]:
            from canbo_desktop.services import refdata

            return _svc().list_conflicts(uowf), refdata.code_choices(uowf) if need_codes else None

        def got(data: tuple[list[Any], Any]) -> None:
            if data[1] is not None:
                self.names = Names(data[1])
            self._show(data[0], keep)

        self.tasks.run_db(load, on_done=got, on_error=self._failed)

    def _show(self, rows: list[Any], select: str | None) -> None:
        self.conflicts = list(rows)
        n = len(self.conflicts)
        self.summary.setText(translate("ConflictsPage", "<b>{count}</b> conflicts waiting to be resolved").format(count=n)
                             if n else translate("ConflictsPage",
                                                 "<span style='color:#1b5e20'><b>No conflicts left.</b></span>"))
        self.list.setRowCount(n)
        bold = QFont(self.font())
        bold.setBold(True)
        for i, c in enumerate(self.conflicts):
            created = getattr(c, "created_at", None)
            cells = [conflict_title(c), table_label(table_of(c)), KIND_SHORT.get(c.kind, c.kind),
                     str(getattr(c, "from_unit", "") or (c.package_id or "")[:8]),
                     format_date(created.date() if isinstance(created, datetime) else created) if created else ""]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setToolTip(translate("ConflictsPage", "Package ID: {id}").format(id=c.package_id) if j == 3 else text)
                if j == 2:
                    item.setForeground(QColor(KIND_COLOR.get(c.kind, "#000")))
                    item.setFont(bold)
                self.list.setItem(i, j, item)
        self.count_changed.emit(n)
        ids = [c.id for c in self.conflicts]
        if select in ids:
            self.list.selectRow(ids.index(select))
        elif n:
            self.list.selectRow(0)
        else:
            self.current = None
            self._fill(None)

    def _chosen(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        self.current = self.conflicts[rows[0].row()] if rows else None
        self._fill(self.current)

    def select(self, conflict_id: str) -> None:
        ids = [c.id for c in self.conflicts]
        if conflict_id in ids:
            self.list.selectRow(ids.index(conflict_id))

    # -- detail ---------------------------------------------------------------------------------
    def _fill(self, c: Any) -> None:
        self._enable(c is not None)
        self.status.setText("")
        if c is None:
            self.head.setText("")
            self.help.setText("")
            self.detail.setRowCount(0)
            return
        fields, marked = conflict_fields(c, every=self.every.isChecked())
        color = KIND_COLOR.get(c.kind, "#000")
        origin = getattr(c, "from_unit", "") or ""
        self.head.setText(f"<b>{conflict_title(c)}</b> · {table_label(table_of(c))} · "
                          f"<span style='color:{color}'><b>{KIND_TEXT.get(c.kind, c.kind)}</b></span>"
                          + (" · " + translate("ConflictsPage", "received in the package of {unit}").format(unit=origin)
                             if origin else ""))
        self.help.setText(KIND_HELP.get(c.kind, ""))
        self.detail.setRowCount(len(fields))
        base, local, incoming = c.base or {}, c.local or {}, c.incoming or {}
        for i, f in enumerate(fields):
            names = self.names or Names()
            cells = [field_label(f), names.show(f, base[f]) if f in base else translate("ConflictsPage", UNKNOWN), names.show(f, local.get(f)),
                     names.show(f, incoming.get(f))]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if f in marked:
                    item.setBackground(DIFF_BG)
                    if j == 0:
                        f0 = item.font()
                        f0.setBold(True)
                        item.setFont(f0)
                self.detail.setItem(i, j, item)
        self.detail.resizeRowsToContents()

    def disputed_fields(self) -> list[str]:
        if self.current is None:
            return []
        fields, marked = conflict_fields(self.current)
        return [f for f in fields if f in marked]

    def highlighted_rows(self) -> list[str]:
        """The labels of the rows shown as differing (what the clerk's eye is drawn to)."""
        out = []
        for i in range(self.detail.rowCount()):
            item = self.detail.item(i, 0)
            if item is not None and item.background().color() == DIFF_BG:
                out.append(item.text())
        return out

    def _enable(self, on: bool) -> None:
        for b in (self.keep_button, self.take_button, self.edit_button):
            b.setEnabled(on)

    # -- resolving ------------------------------------------------------------------------------
    def _edit(self) -> None:
        if self.current is None:
            return
        dlg = EditDialog(self.current, self.disputed_fields() or conflict_fields(self.current)[0][:8], self,
                         names=self.names)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.resolve("edit", dlg.values())

    def resolve(self, choice: str, values: dict[str, Any] | None = None) -> None:
        """Resolve the chosen conflict ("keep" | "take" | "edit" with the typed values) through the engine."""
        c = self.current
        if c is None:
            return
        cid, uowf = c.id, self.uowf
        self._enable(False)
        self.status.setStyleSheet("")
        self.status.setText(translate("ConflictsPage", "Saving…"))
        ids = [x.id for x in self.conflicts]
        following = ids[ids.index(cid) + 1] if cid in ids and ids.index(cid) + 1 < len(ids) else None

        def done(_r: Any) -> None:
            self.current = None
            self.reload(select=following)
            self.status.setText(translate("ConflictsPage", "Conflict resolved; the change goes up with the next "
                                                           "package."))

        self.tasks.run_db(lambda: _svc().resolve_conflict(uowf, cid, choice, values), on_done=done,
                          on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._enable(self.current is not None)
        self.status.setStyleSheet("color: #b00020")
        self.status.setText(getattr(exc, "message", None) or translate("ConflictsPage", "Error: {error}").format(error=exc))
