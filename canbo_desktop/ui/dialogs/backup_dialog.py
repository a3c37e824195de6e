"""Backups in the administration page ("Sao lưu" tab): the list of the database's backups, "Sao lưu ngay" and
"Phục hồi…" (``services/backup.py`` does the work; the CLI twin is ``canbo backup``).

* The list (kind, date dd/MM/yyyy HH:mm, size, file) and the role are read on the task runner's database lane;
  "Sao lưu ngay" runs SQLite's online backup on the general pool (consistent while the program keeps working).
* "Phục hồi…" is for administrators only (disabled for the other roles; ``restore_backup`` refuses them anyway). It
  asks first, naming the backup's date, where the current file is kept and the new sync epoch. The restore runs on
  the database lane after the pool's connections are closed (``engine.dispose``: none may stay on the file being
  replaced; the write lock the window holds is re-entrant). The program must not go on with what it loaded from the
  old file, so it then says it will close, and closes the main window.
* A PostgreSQL database is backed up by its server: the tab says so and offers nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.db.engine import sqlite_path
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import backup as backup_svc
from canbo_desktop.services import setup
from canbo_desktop.services.backup import BackupInfo, BackupResult, RestoreResult
from canbo_desktop.ui.tasks import TaskRunner

# The reason in a backup's file name (its slug, services/backup.py) → what a clerk reads.
KIND_LABELS: list[tuple[str, str]] = [
    ("hang-ngay", QT_TRANSLATE_NOOP("BackupDialog", "Daily")),
    ("thu-cong", QT_TRANSLATE_NOOP("BackupDialog", "Made by hand")),
    ("truoc-khi-nhap-excel", QT_TRANSLATE_NOOP("BackupDialog", "Before an Excel import")),
    ("truoc-khi-nhap-goi", QT_TRANSLATE_NOOP("BackupDialog", "Before a sync package")),
    ("truoc-dong-bo", QT_TRANSLATE_NOOP("BackupDialog", "Before a sync package")),
    ("truoc-nang-cap", QT_TRANSLATE_NOOP("BackupDialog", "Before a schema upgrade")),
    ("truoc-khoi-phuc", QT_TRANSLATE_NOOP("BackupDialog", "Before a restore")),
]


# A daily backup by what the rotation keeps it as (services.backup.daily_roles).
DAILY_ROLE_LABELS = {
    "daily": QT_TRANSLATE_NOOP("BackupDialog", "Daily"),
    "weekly": QT_TRANSLATE_NOOP("BackupDialog", "Weekly"),
    "monthly": QT_TRANSLATE_NOOP("BackupDialog", "Monthly"),
}


def kind_label(b: BackupInfo, roles: dict[Path, str] | None = None) -> str:
    """The backup's kind as a clerk reads it; ``roles``: what the rotation keeps each daily backup as."""
    if b.kind == "daily" and roles and roles.get(b.path) in DAILY_ROLE_LABELS:
        return translate("BackupDialog", DAILY_ROLE_LABELS[roles[b.path]])
    for prefix, label in KIND_LABELS:
        if b.reason == prefix or b.reason.startswith(prefix + "-"):
            return translate("BackupDialog", label)
    return b.reason.replace("-", " ")  # a reason typed at `canbo backup create --reason`: shown as written


def size_text(size: int) -> str:
    return f"{QLocale().toString(max(size, 1) / 1_000_000, 'f', 1)} MB"


def when_text(b: BackupInfo) -> str:
    return b.at.strftime("%d/%m/%Y %H:%M")


@dataclass(frozen=True)
class BackupState:
    role: str
    can_restore: bool
    db_file: Path | None  # None: a PostgreSQL database
    backups: list[BackupInfo]
    roles: dict[Path, str] = field(default_factory=dict)  # daily backups kept as daily / weekly / monthly


def load_state(uowf: Any, user: str) -> BackupState:
    """The role, the database file and its backups (on the database lane)."""
    with uowf() as uow:
        engine = uow.engine
    db_file = sqlite_path(engine.url) if engine.dialect.name == "sqlite" else None
    role = setup.user_role(uowf, user)
    can_restore = role == "admin" or not setup.needs_login(uowf)
    backups = backup_svc.list_backups(db_file) if db_file else []
    return BackupState(role, can_restore, db_file, backups, backup_svc.daily_roles(backups))


def restore_database(uowf: Any, db_file: Path, source: Path, user: str) -> RestoreResult:
    """Close the pool's connections to ``db_file``, then restore ``source`` over it (on the database lane)."""
    with uowf() as uow:
        engine = uow.engine
    engine.dispose()  # no connection of ours may stay on the file being replaced
    try:
        return backup_svc.restore_backup(db_file, source, actor=user)
    finally:
        engine.dispose()  # nor on the file kept aside: what opens next is the restored file


class BackupPanel(QWidget):
    """The "Sao lưu" tab of the administration page."""

    restored = Signal(object)  # RestoreResult, once the restore is done (the window closes next)

    def __init__(self, uowf: Any, tasks: TaskRunner, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks, self.user = uowf, tasks, user
        self.state: BackupState | None = None
        self.backups: list[BackupInfo] = []
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.done_box: QMessageBox | None = None
        self.restored_result: RestoreResult | None = None
        v = QVBoxLayout(self)
        self.intro = QLabel(translate(
            "BackupDialog",
            "The program backs up the database every day and before every Excel import, sync package and upgrade. "
            "Backups are kept in the “backups” folder beside the database file: 7 daily, 4 weekly and 6 monthly; "
            "backups made by hand are never deleted automatically."))
        self.intro.setWordWrap(True)
        v.addWidget(self.intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("BackupDialog", "Kind"), translate("BackupDialog", "Date"),
                                              translate("BackupDialog", "Size"), translate("BackupDialog", "File")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(3):  # kind, time, size: always as wide as their longest text (measured while hidden too)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(translate("BackupDialog", "Backups"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.status, 1)
        self.backup_button = QPushButton(translate("BackupDialog", "Back up now"))
        self.backup_button.setToolTip(translate("BackupDialog", "Make a copy of the database now (the program keeps "
                                                                "working meanwhile)"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(translate("BackupDialog", "Restore…"))
        self.restore_button.clicked.connect(self.ask_restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        v.addLayout(row)
        self._update_buttons()
        self.reload()

    # -- data -------------------------------------------------------------------------------------
    def reload(self, select: Path | None = None) -> None:
        uowf, user = self.uowf, self.user
        self.tasks.run_db(lambda: load_state(uowf, user), on_done=lambda s: self._loaded(s, select),
                          on_error=self._failed)

    def _loaded(self, state: BackupState, select: Path | None = None) -> None:
        self.state = state
        self.backups = state.backups
        if state.db_file is None:
            self.intro.setText(translate(
                "BackupDialog",
                "This database is on a PostgreSQL server: it is backed up by the server itself (pg_dump, the "
                "host's snapshots), not by this program. To restore it, ask the server's administrator."))
        self.table.setRowCount(len(self.backups))
        for i, b in enumerate(self.backups):
            cells = [kind_label(b, state.roles), when_text(b), size_text(b.size), b.path.name]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                if j == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        if self.backups:
            paths = [b.path for b in self.backups]
            self.table.selectRow(paths.index(select) if select in paths else 0)
        if state.db_file is not None and not self.backups and not self.status.text():
            self.status.setText(translate("BackupDialog", "No backup yet."))
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and rows[0].row() < len(self.backups) else None

    def _update_buttons(self) -> None:
        s = self.state
        on_file = s is not None and s.db_file is not None and self.restored_result is None
        self.backup_button.setEnabled(on_file and not self.busy)
        self.restore_button.setEnabled(on_file and s is not None and s.can_restore and not self.busy
                                       and self.selected() is not None)
        if s is not None and not s.can_restore:
            self.restore_button.setToolTip(translate("BackupDialog", "Only an administrator can restore the database."))
        else:
            self.restore_button.setToolTip(translate("BackupDialog", "Replace the database with the chosen backup "
                                                                     "(the current file is kept)"))

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        message = exc.message if isinstance(exc, CanboError) else translate("BackupDialog", "Error: {error}").format(
            error=exc)
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #1b5e20;")

    # -- back up ----------------------------------------------------------------------------------
    def backup_now(self) -> None:
        if self.busy:
            return
        self.busy = True
        self._update_buttons()
        self._say(translate("BackupDialog", "Backing up…"))
        uowf = self.uowf

        def work() -> BackupResult:
            with uowf() as uow:
                engine = uow.engine
            return backup_svc.backup_engine(engine, backup_svc.MANUAL_REASON)

        self.tasks.run(work, on_done=self._backed_up, on_error=self._failed)

    def _backed_up(self, result: BackupResult) -> None:
        self.busy = False
        if result.path is None:
            self._say(result.note)
        else:
            self._say(translate("BackupDialog", "Backed up to “{path}”.").format(path=result.path))
        self.reload(select=result.path)

    # -- restore ----------------------------------------------------------------------------------
    def ask_restore(self) -> None:
        b = self.selected()
        s = self.state
        if b is None or s is None or s.db_file is None or not s.can_restore or self.busy:
            return
        open_editors = [e for e in getattr(self.window(), "editors", []) if e.isVisible()]
        if open_editors:  # their unsaved changes would otherwise be saved into the restored database
            self._failed(CanboError(translate("BackupDialog", "Close the open cadre records first ({count} open), "
                                                              "then restore.").format(count=len(open_editors))))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, translate("BackupDialog", "Restore the database"),
                          self.confirm_text(b, s.db_file), QMessageBox.StandardButton.NoButton, self)
        yes = box.addButton(translate("BackupDialog", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(translate("BackupDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(lambda button: self.restore(b) if button is yes else None)
        self.confirm_box = box
        box.open()

    def confirm_text(self, b: BackupInfo, db_file: Path) -> str:
        return translate(
            "BackupDialog",
            "Replace the database with the backup of {date} ({kind})?\n\n"
            "The current database is kept in the folder “{folder}”, named “{name}-truoc-khoi-phuc-….db”.\n"
            "The restored database gets a new sync epoch: the next package sent to the parent office will be a "
            "full one.\n\n"
            "Everyone must stop working on this database. After the restore the program closes; open it again "
            "to work on the restored data.").format(
                date=when_text(b), kind=kind_label(b, self.state.roles if self.state else None),
                folder=db_file.parent, name=db_file.stem)

    def restore(self, b: BackupInfo) -> None:
        """Restore ``b`` (after the confirmation; the service checks the role again)."""
        s = self.state
        if s is None or s.db_file is None or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self._say(translate("BackupDialog", "Restoring from the backup of {date}…").format(date=when_text(b)))
        uowf, user, db_file = self.uowf, self.user, s.db_file
        self.tasks.run_db(lambda: restore_database(uowf, db_file, b.path, user),
                          on_done=lambda r: self._restored(r, b), on_error=self._failed)

    def _restored(self, result: RestoreResult, b: BackupInfo) -> None:
        self.busy = False
        self.restored_result = result
        self._update_buttons()
        kept = str(result.kept) if result.kept else translate("BackupDialog", "(none: there was no database)")
        text = translate(
            "BackupDialog",
            "The database was restored from the backup of {date}. The database as it was before is kept as "
            "“{kept}”. New sync epoch: {epoch} (the next package sent will be a full one).\n\n"
            "The program will now close: open it again to work on the restored data.").format(
                date=when_text(b), kept=kept, epoch=result.epoch)
        self._say(text)
        self.restored.emit(result)
        box = QMessageBox(QMessageBox.Icon.Information, translate("BackupDialog", "Restore the database"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText(translate("BackupDialog", "Close the program"))
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.finished.connect(self._close_window)
        self.done_box = box
        box.open()

    def _close_window(self, _result: int = 0) -> None:
        """The window loaded its data from the old file: it closes (the database is re-opened on the next start)."""
        window = self.window()
        if window is not None:
            window.close()
