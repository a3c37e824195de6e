"""Opening a database for the app and the CLI: engine, migrations, the unit-of-work factory.

For a SQLite file, opening also: refuses a file on a network share (``services.locking``), takes the write
lock when asked (``lock=True``: the GUI and the commands that write), backs the file up before a migration,
and starts the daily backup when asked (``daily_backup=True``: the GUI) in a background thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from canbo_desktop import paths
from canbo_desktop.db import migrate as migrate_mod
from canbo_desktop.db.engine import make_engine, parse_database_url, sqlite_path, translate_errors
from canbo_desktop.db.migrate import ensure_schema
from canbo_desktop.db.uow import UowFactory, uow_factory
from canbo_desktop.domain.errors import DatabaseError
from canbo_desktop.i18n import translate
from canbo_desktop.services.backup import DAILY_REASON, BackupJob, backup_engine, needs_daily_backup
from canbo_desktop.services.locking import WriteLock, acquire_write_lock, refuse_network_share

MIGRATION_BACKUP_REASON = "truoc nang cap"


@dataclass
class Database:
    engine: Engine
    url: URL
    migration: str
    lock: WriteLock | None = field(default=None, repr=False)
    daily_job: BackupJob | None = field(default=None, repr=False)  # today's first backup, being made

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def display(self) -> str:
        f = self.file
        return str(f) if f is not None else self.url.render_as_string(hide_password=True)

    @property
    def target(self) -> str:
        """What ``open_database`` needs to open this database again (in another process)."""
        return self.url.render_as_string(hide_password=False)

    def uow(self, actor: str) -> UowFactory:
        return uow_factory(self.engine, actor)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def resolve_target(explicit: str | None) -> str:
    """--db, else CANBO_DB, else the default file in the user data directory."""
    return paths.database_target(explicit)


def open_database(
    target: str, *, create: bool = False, migrate: bool = True, lock: bool = False, daily_backup: bool = False
) -> Database:
    """Open (and migrate) a database. Without ``create`` a missing SQLite file is an error.

    ``lock``: take the file's write lock (``DatabaseLocked`` names who has it); ``daily_backup``: start the daily
    backup in the background when the newest is from before today. A file on a network share is refused."""
    url = parse_database_url(target)
    db_file = sqlite_path(url)
    held: WriteLock | None = None
    if db_file is not None:
        refuse_network_share(db_file)
        if lock and db_file.parent.is_dir():
            held = acquire_write_lock(db_file)
    try:
        engine = make_engine(url, must_exist=not create)
    except BaseException:
        if held is not None:
            held.release()
        raise
    try:
        if migrate:
            _backup_before_migration(engine)
            action = ensure_schema(engine, backup=False)
        else:
            action = "skipped"
    except BaseException:
        engine.dispose()
        if held is not None:
            held.release()
        raise
    db = Database(engine=engine, url=url, migration=action, lock=held)
    if daily_backup and db_file is not None and action != "created":
        if needs_daily_backup(db_file, date.today()):
            db.daily_job = BackupJob(engine, DAILY_REASON)
    return db


def _backup_before_migration(engine: Engine) -> None:
    """A backup (reason "trước nâng cấp") when the file holds an older schema that is about to be upgraded."""
    db_file = sqlite_path(engine.url)
    if db_file is None or not db_file.exists() or db_file.stat().st_size == 0:
        return
    cur = migrate_mod.current_revision(engine)
    if cur is None or cur == migrate_mod.head_revision() or cur not in migrate_mod.known_revisions():
        return  # new, current, or too new (refused by ensure_schema): nothing to upgrade
    backup_engine(engine, f"{MIGRATION_BACKUP_REASON} {cur}")


def require_file_absent_or_empty(target: str) -> None:
    url = parse_database_url(target)
    path = sqlite_path(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise DatabaseError(translate("services.database", "The file “{path}” already exists.").format(path=path))


def explain_error(exc: BaseException) -> str:
    """A Vietnamese sentence for an unexpected driver error (locked, not a database, no connection…)."""
    return translate_errors(exc).message
