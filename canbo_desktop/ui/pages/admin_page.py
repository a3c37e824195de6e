"""Administration: the rules in force (effective-dated, with their legal source) and their edits; the
user accounts, roles and scopes (second tab, ``ui/dialogs/users.py``); the backups (third tab, "Sao lưu",
``ui/dialogs/backup_dialog.py``).

An admin edits a rule by saving a *new version* from a date; results for earlier dates keep the
version that was in force then, and every edit is in the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.rules import RuleVersion
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import translate
from canbo_desktop.services import rules as rules_svc
from canbo_desktop.services import setup
from canbo_desktop.services.rules import RuleInfo
from canbo_desktop.ui.pages.rule_labels import param_labels
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import DateEdit

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return translate("AdminPage", "yes") if value else translate("AdminPage", "no")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list) and all(not isinstance(v, Mapping | list) for v in value):
        return "; ".join(_show(v) for v in value)
    if value is None:
        return ""
    return str(value)


def _parse_scalar(text: str, like: Any) -> Any:
    t = nfc(text.strip())
    if isinstance(like, bool):
        yes, no = translate("AdminPage", "yes"), translate("AdminPage", "no")
        if t.lower() in ("có", "co", "true", "1", "đúng", "dung", "yes", yes.lower()):  # i18n: data (typed values)
            return True
        if t.lower() in ("không", "khong", "false", "0", "sai", "no", no.lower()):  # i18n: data (typed values)
            return False
        raise ValidationError(translate("AdminPage", "«{text}»: write «{yes}» or «{no}».").format(text=t, yes=yes, no=no))
    if isinstance(like, int | float) and not isinstance(like, bool):
        try:
            number = float(t.replace(",", "."))
        except ValueError as exc:
            raise ValidationError(translate("AdminPage", "«{text}» is not a number.").format(text=t)) from exc
        return int(number) if isinstance(like, int) and number.is_integer() else number
    if like is None and t == "":
        return None
    return t


KEY_ROLE = Qt.ItemDataRole.UserRole + 2


def params_to_model(params: Mapping[str, Any], model: QStandardItemModel,
                    names: Mapping[str, str] | None = None) -> None:
    """The parameters as a tree: groups open, values editable in the second column. Each parameter is
    shown by its Vietnamese name (``PARAM_LABELS``, or a code list's name for a code); the identifier the
    engines read is kept in the item and shown in the tooltip."""
    model.clear()
    model.setHorizontalHeaderLabels([translate("AdminPage", "Parameter"), translate("AdminPage", "Value")])
    known = {**(names or {}), **param_labels()}

    def add(parent: QStandardItem, key: str, value: Any) -> None:
        k = QStandardItem(known.get(key, key))
        k.setData(key, KEY_ROLE)
        k.setToolTip(key)
        k.setEditable(False)
        v = QStandardItem()
        v.setData(value, VALUE_ROLE)
        if isinstance(value, Mapping):
            v.setEditable(False)
            for ck, cv in value.items():
                add(k, str(ck), cv)
        elif isinstance(value, list) and any(isinstance(x, Mapping | list) for x in value):
            v.setEditable(False)
            for i, cv in enumerate(value, 1):
                add(k, f"[{i}]", cv)
        else:
            v.setText(_show(value))
            v.setToolTip(translate("AdminPage", "Double-click to edit; separate the values with ;")
                         if isinstance(value, list) else translate("AdminPage", "Double-click to edit"))
        parent.appendRow([k, v])

    root = model.invisibleRootItem()
    for key, value in params.items():
        add(root, str(key), value)


def model_to_params(model: QStandardItemModel) -> dict[str, Any]:
    """Read the edited tree back into parameters of the same shape (raises ValidationError)."""

    def read(key_item: QStandardItem, value_item: QStandardItem) -> Any:
        original = value_item.data(VALUE_ROLE)
        if isinstance(original, Mapping):
            return {key_item.child(i, 0).data(KEY_ROLE): read(key_item.child(i, 0), key_item.child(i, 1))
                    for i in range(key_item.rowCount())}
        if isinstance(original, list) and any(isinstance(x, Mapping | list) for x in original):
            return [read(key_item.child(i, 0), key_item.child(i, 1)) for i in range(key_item.rowCount())]
        text = value_item.text()
        if isinstance(original, list):
            like = original[0] if original else ""
            parts = [p for p in (x.strip() for x in text.split(";")) if p]
            return [_parse_scalar(p, like) for p in parts]
        try:
            return _parse_scalar(text, original)
        except ValidationError as exc:
            raise ValidationError(f"{key_item.text()}: {exc.message}") from exc

    root = model.invisibleRootItem()
    return {root.child(i, 0).data(KEY_ROLE): read(root.child(i, 0), root.child(i, 1)) for i in range(root.rowCount())}


class NewVersionDialog(QDialog):
    """Ask from when the edited values apply, and on what legal ground."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AdminPage", "New version: {title}").format(title=title))
        form = QFormLayout(self)
        self.valid_from = DateEdit()
        self.valid_from.setText(format_date(date.today()))
        self.legal_source = QLineEdit()
        self.legal_source.setPlaceholderText(translate("AdminPage", "For example: Decree No. …/2026/NĐ-CP of …"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(self.fontMetrics().height() * 4)
        form.addRow(translate("AdminPage", "Applies from"), self.valid_from)
        form.addRow(translate("AdminPage", "Legal basis"), self.legal_source)
        form.addRow(translate("AdminPage", "Note"), self.note)
        hint = QLabel(translate("AdminPage", "Results for the dates before it applies do not change."))
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("AdminPage", "Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("AdminPage", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())


class AdminPage(QWidget):
    def __init__(self, uowf: Any, tasks: TaskRunner, user: str, parent: QWidget | None = None,
                 codes: Mapping[str, list[tuple[str, str]]] | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.user = uowf, tasks, user
        # codes that appear as parameter names (discipline forms, titles, evaluation levels…) by their names
        self.code_names = {code: name.strip() for pairs in (codes or {}).values() for code, name in pairs}
        self.role = "viewer"
        self.catalog: list[RuleInfo] = []
        v = QVBoxLayout(self)
        v.addWidget(QLabel(translate("AdminPage", "<h2>Administration</h2>")))
        intro = QLabel(translate("AdminPage", "Each rule (retirement age, pay rise intervals, evaluation, appointment "
                                              "conditions, targets…) has its dates in force and its legal basis. "
                                              "Editing a rule adds a new version that applies from a date."))
        intro.setWordWrap(True)
        split = QSplitter()
        self.rule_list = QListWidget()
        self.rule_list.setAccessibleName(translate("AdminPage", "Rules"))
        self.rule_list.setWordWrap(True)
        self.rule_list.setSpacing(3)
        split.addWidget(self.rule_list)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.versions = QTableWidget(0, 4)
        self.versions.setHorizontalHeaderLabels([translate("AdminPage", "In force from"), translate("AdminPage", "Until"),
                                                  translate("AdminPage", "Legal basis"), translate("AdminPage", "Source")])
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.verticalHeader().setVisible(False)
        # each row as high as its wrapped legal reference, again whenever the column narrows (150 % scaling)
        self.versions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.versions.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.versions.setMaximumHeight(self.fontMetrics().height() * 9)
        rv.addWidget(self.versions)
        self.note = QLabel()
        self.note.setWordWrap(True)
        rv.addWidget(self.note)
        self.params_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.params_model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        rv.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.withdraw_button = QPushButton(translate("AdminPage", "Withdraw the edited version"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.save_button = QPushButton(translate("AdminPage", "Save as a new version…"))
        self.save_button.clicked.connect(self._ask_save)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.save_button)
        rv.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([340, 900])
        # Three tabs: the rules (above), the accounts (ui/dialogs/users.py, admin only), the backups
        # (ui/dialogs/backup_dialog.py: anyone backs up, an admin restores; a PostgreSQL database is the server's).
        rules_tab = QWidget()
        rt = QVBoxLayout(rules_tab)
        rt.addWidget(intro)
        rt.addWidget(split, 1)
        from canbo_desktop.ui.dialogs.backup_dialog import BackupPanel
        from canbo_desktop.ui.dialogs.users import UsersPanel

        self.users = UsersPanel(uowf, tasks, self)
        self.backups = BackupPanel(uowf, tasks, user, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(rules_tab, translate("AdminPage", "Rules in force"))
        self.tabs.addTab(self.users, translate("AdminPage", "Users and permissions"))
        self.tabs.addTab(self.backups, translate("AdminPage", "Backups"))
        v.addWidget(self.tabs, 1)
        self.rule_list.currentRowChanged.connect(self._rule_chosen)
        self.versions.itemSelectionChanged.connect(self._version_chosen)
        self._set_editable(False)
        self.reload()

    # -- data -------------------------------------------------------------------------------------
    def reload(self, select_key: str | None = None) -> None:
        uowf, user = self.uowf, self.user
        self.tasks.run_db(lambda: (setup.user_role(uowf, user), rules_svc.rule_catalog(uowf)),
                          on_done=lambda r: self._loaded(r[0], r[1], select_key), on_error=self._failed)

    def _loaded(self, role: str, catalog: list[RuleInfo], select_key: str | None) -> None:
        self.role, self.catalog = role, catalog
        current = select_key or self.current_key()
        self.rule_list.clear()
        for info in catalog:
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            item.setToolTip(info.key)
            self.rule_list.addItem(item)
        keys = [i.key for i in catalog]
        self.rule_list.setCurrentRow(keys.index(current) if current in keys else 0)
        self._set_editable(role == "admin")
        if role != "admin":
            self.status.setText(translate("AdminPage", "Only an administrator can edit the rules; you are viewing them."))

    def current_key(self) -> str | None:
        item = self.rule_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_info(self) -> RuleInfo | None:
        key = self.current_key()
        return next((i for i in self.catalog if i.key == key), None)

    def selected_version(self) -> RuleVersion | None:
        info = self.current_info()
        row = self.versions.currentRow()
        if info is None or row < 0:
            return None
        return info.versions[row]

    def _rule_chosen(self, _row: int) -> None:
        info = self.current_info()
        self.versions.setRowCount(0)
        if info is None:
            return
        today = date.today()
        in_force = max((v for v in info.versions if v.in_force(today)), key=lambda v: v.valid_from, default=None)
        for r, ver in enumerate(info.versions):
            self.versions.insertRow(r)
            cells = [format_date(ver.valid_from), format_date(ver.valid_to) if ver.valid_to else "",
                     ver.legal_source,
                     translate("AdminPage", "Edited by an administrator") if ver.id else translate("AdminPage", "Default")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if ver is in_force:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.versions.setItem(r, c, item)
        self.versions.resizeColumnsToContents()
        self.versions.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        row = info.versions.index(in_force) if in_force is not None else len(info.versions) - 1
        self.versions.selectRow(row)

    def _version_chosen(self) -> None:
        ver = self.selected_version()
        if ver is None:
            return
        params_to_model(ver.params, self.params_model, self.code_names)
        self.tree.expandToDepth(0)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.note.setText(ver.note)
        self.withdraw_button.setEnabled(self.role == "admin" and bool(ver.id))

    def _set_editable(self, on: bool) -> None:
        self.save_button.setEnabled(on)
        chosen = self.selected_version()
        self.withdraw_button.setEnabled(on and chosen is not None and bool(chosen.id))
        self.tree.setEditTriggers(
            (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
            if on else QAbstractItemView.EditTrigger.NoEditTriggers)

    # -- edits ------------------------------------------------------------------------------------
    def _ask_save(self) -> None:
        info = self.current_info()
        if info is None:
            return
        dlg = NewVersionDialog(info.title, self)
        dlg.accepted.connect(lambda: self._save_from_dialog(dlg))
        self.dialog = dlg
        dlg.open()

    def _save_from_dialog(self, dlg: NewVersionDialog) -> None:
        try:
            start, _p = dlg.valid_from.value()
            if start is None:
                raise ValidationError(translate("AdminPage", "Enter the date it applies from."))
            self.save_version(start, dlg.legal_source.text(), dlg.note.toPlainText())
        except CanboError as exc:
            self._failed(exc)

    def save_version(self, valid_from: date, legal_source: str, note: str = "") -> None:
        """Save the values in the tree as a new version of the chosen rule, in force from ``valid_from``."""
        key = self.current_key()
        if key is None:
            return
        params = model_to_params(self.params_model)
        uowf, role = self.uowf, self.role
        self.tasks.run_db(
            lambda: rules_svc.save_rule_version(uowf, key=key, valid_from=valid_from, params=params,
                                                legal_source=legal_source, note=note, role=role),
            on_done=lambda _r: self._done(translate("AdminPage", "Saved a new version, in force from {date}.").format(
                date=format_date(valid_from)), key),
            on_error=self._failed)

    def withdraw_selected(self) -> None:
        ver = self.selected_version()
        if ver is None or not ver.id:
            return
        uowf, role, key = self.uowf, self.role, ver.key
        self.tasks.run_db(lambda: rules_svc.withdraw_rule_version(uowf, ver.id, role=role),
                          on_done=lambda _r: self._done(translate("AdminPage", "Withdrew the edited version."), key),
                          on_error=self._failed)

    def _done(self, message: str, key: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #1b5e20;")
        self.reload(key)

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, CanboError) else translate("AdminPage", "Error: {error}").format(error=exc)
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")
