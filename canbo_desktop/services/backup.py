"""Backups of the SQLite file: automatic (before an import, a sync apply, a migration, a restore; daily), by hand,
rotated, and restored.

The copy is made with SQLite's online backup API (``sqlite3.Connection.backup``, all pages in one step):
a consistent snapshot of the database as committed, WAL included, taken while the application keeps its
connections open. (``VACUUM INTO`` gives the same snapshot but rebuilds every index: 6.4 s against 4.5 s
for the 1.2 GB 100,000-cadre benchmark database.) It is written as ``….db.part`` and renamed when whole, so a
crash or a pulled plug never leaves half a backup that looks whole. It lands in ``paths.backup_dir_for(db_file)``
as ``canbo-YYYYMMDD-HHMMSS-<reason>.db``. A PostgreSQL database is backed up by its server (pg_dump, the host's
snapshots): the function then makes no copy and says so.

**Rotation** (after every new backup, by the time in the file names): the daily backups (``hang-ngay``) keep the
newest of each of the last 7 days that have one, of the last 4 ISO weeks and of the last 6 months; the backups
made before an operation (``truoc-…``: import, sync, migration, restore) keep the 20 newest of each kind; the
ones made by hand are never deleted automatically.

**Restore** (``restore_backup``) takes the database's write lock (no other copy of the program may have it open),
keeps the current file as ``<name>-truoc-khoi-phuc-<time>.db`` beside it, puts the backup in place with one atomic
rename, and gives the restored database a new sync epoch (its parent then expects a full package) with an audit
entry saying so.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from canbo_desktop import paths
from canbo_desktop.db.engine import make_engine, sqlite_path
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain.access import AccessDenied, role_label
from canbo_desktop.domain.errors import CanboError, DatabaseError, NotFound
from canbo_desktop.domain.text import fold
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

DAILY_REASON = "hang ngay"
MANUAL_REASON = "thu cong"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
KEEP_PER_EVENT = 20
log = logging.getLogger(__name__)
_NAME = re.compile(r"^canbo-(\d{8})-(\d{6})-([a-z0-9-]+)\.db$")


@dataclass(frozen=True)
class BackupResult:
    path: Path | None  # None: no file copy was made (PostgreSQL)
    note: str  # a Vietnamese sentence for the clerk
    mark: tuple[int, int] | None = None  # where the change and audit logs stood in the copy

    def covers(self, mark: tuple[int, int]) -> bool:
        """True when the copy holds exactly the database whose logs stand at ``mark`` (nothing written since)."""
        return self.path is None or self.mark == mark


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(reason)).strip("-")[:40] or "sao-luu"


def backup_engine(engine: Engine, reason: str, *, now: datetime | None = None, rotate: bool = True) -> BackupResult:
    """Copy the database behind ``engine`` into its backups folder; returns where. Old backups are then rotated."""
    db_file = sqlite_path(engine.url)
    if engine.dialect.name != "sqlite" or db_file is None:
        return BackupResult(None, translate("services.backup", "A PostgreSQL database is backed up on the server "
                                            "(pg_dump): the program makes no file copy."))
    folder = paths.backup_dir_for(db_file.resolve())
    when = now or datetime.now()
    stamp = when.strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"canbo-{stamp}-{_slug(reason)}.db"
        n = 2
        while target.exists():
            target = folder / f"canbo-{stamp}-{_slug(reason)}-{n}.db"
            n += 1
        part = target.with_name(target.name + ".part")
        raw = engine.raw_connection()
        try:
            dst = sqlite3.connect(str(part))
            try:
                raw.driver_connection.backup(dst)  # type: ignore[union-attr]
                # One self-contained file (no -wal beside it): what an admin copies or restores.
                dst.execute("PRAGMA journal_mode = DELETE")
                mark = _mark(dst)
            finally:
                dst.close()
            _fsync(part)
            os.replace(part, target)  # whole or absent: never half a backup that looks whole
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        finally:
            raw.close()
    except Exception as exc:  # disk full, no permission, a locked file: the caller must not go on
        raise CanboError(translate("services.backup", "Could not back up the database to “{folder}”: {error}. The "
                                   "operation stopped; the data is unchanged.").format(folder=folder, error=exc)) from exc
    if rotate:
        try:
            rotate_backups(folder, today=when.date())
        except OSError:
            pass  # a backup that cannot be deleted now is deleted next time; the new one is whole
    return BackupResult(target, translate("services.backup", "Database backed up to “{target}”.").format(target=target),
                        mark)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and Windows on a read-only handle) refuse; the rename still orders the write
    finally:
        os.close(fd)


def _mark(con: sqlite3.Connection) -> tuple[int, int]:
    a = con.execute("SELECT max(seq) FROM sync_change_log").fetchone()[0]
    b = con.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    return int(a or 0), int(b or 0)


class BackupJob:
    """A backup made in a thread while the clerk looks at a preview (SQLite copies without holding the GIL).

    ``result()`` waits and returns the ``BackupResult`` or raises what the backup raised."""

    def __init__(self, engine: Engine, reason: str) -> None:
        self._result: BackupResult | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(engine, reason), name="canbo-backup", daemon=True)
        self._thread.start()

    def _run(self, engine: Engine, reason: str) -> None:
        try:
            self._result = backup_engine(engine, reason)
        except BaseException as exc:  # handed to the caller of result()
            self._error = exc
            log.warning("backup %r failed: %s", reason, exc)

    def result(self) -> BackupResult:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


def start_backup(uowf: UowFactory, reason: str) -> BackupJob:
    """Start a backup in the background (see ``BackupJob``)."""
    with uowf() as uow:
        engine = uow.engine
    return BackupJob(engine, reason)


def backup_database(uowf: UowFactory, reason: str) -> BackupResult:
    """Back up the database the services work on (found through a unit of work), named with ``reason``."""
    with uowf() as uow:
        engine = uow.engine
    return backup_engine(engine, reason)


# --------------------------------------------------------------------------- listing and rotation


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    at: datetime
    reason: str  # the slug in the file name ("hang-ngay", "truoc-khi-nhap-excel", "thu-cong"…)
    kind: str  # "daily" | "event" | "manual"
    size: int

    @property
    def label(self) -> str:
        """The reason as a clerk reads it."""
        labels = {
            "hang-ngay": QT_TRANSLATE_NOOP("services.backup", "Daily"),
            "thu-cong": QT_TRANSLATE_NOOP("services.backup", "Manual backup"),
            "truoc-khi-nhap-excel": QT_TRANSLATE_NOOP("services.backup", "Before an Excel import"),
            "truoc-nang-cap": QT_TRANSLATE_NOOP("services.backup", "Before a schema upgrade"),
            "truoc-dong-bo": QT_TRANSLATE_NOOP("services.backup", "Before receiving a sync package"),
            "truoc-khoi-phuc": QT_TRANSLATE_NOOP("services.backup", "Before a restore"),
        }
        label = labels.get(_family(self.reason))
        return translate("services.backup", label) if label else self.reason.replace("-", " ")


def _family(slug: str) -> str:
    """The reason without the ``-2``, ``-3`` given to backups made in the same second."""
    return re.sub(r"-\d+$", "", slug)


def _kind(slug: str) -> str:
    fam = _family(slug)
    if fam == _slug(DAILY_REASON):
        return "daily"
    if fam.startswith("truoc-"):
        return "event"
    return "manual"


def parse_backup_name(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    try:
        at = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, at, m.group(3), _kind(m.group(3)), size)


def list_backups_in(folder: Path) -> list[BackupInfo]:
    """Whole backups in ``folder``, newest first (``.part`` files being written are not backups)."""
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := parse_backup_name(p)) is not None]
    return sorted(found, key=lambda b: (b.at, b.path.name), reverse=True)


def list_backups(db_file: Path) -> list[BackupInfo]:
    """The backups of the database file ``db_file``, newest first."""
    return list_backups_in(paths.backup_dir_for(Path(db_file).resolve()))


def rotation_plan(backups: list[BackupInfo]) -> tuple[list[BackupInfo], list[BackupInfo]]:
    """(keep, delete) under the policy of the module docstring. Pure: decided from the names' times only."""
    newest_first = sorted(backups, key=lambda b: (b.at, b.path.name), reverse=True)
    keep: set[Path] = set()
    daily = [b for b in newest_first if b.kind == "daily"]
    buckets: list[tuple[int, Callable[[datetime], object]]] = [
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ]
    for limit, key in buckets:
        seen: set[object] = set()
        for b in daily:
            k = key(b.at)
            if k in seen:
                continue
            seen.add(k)
            if len(seen) > limit:
                break
            keep.add(b.path)  # the newest of its day / week / month
    per_event: dict[str, int] = {}
    for b in newest_first:
        if b.kind == "event":
            fam = _family(b.reason)
            per_event[fam] = per_event.get(fam, 0) + 1
            if per_event[fam] <= KEEP_PER_EVENT:
                keep.add(b.path)
        elif b.kind == "manual":
            keep.add(b.path)
    kept = [b for b in newest_first if b.path in keep]
    dropped = [b for b in newest_first if b.path not in keep]
    return kept, dropped


def daily_roles(backups: list[BackupInfo]) -> dict[Path, str]:
    """Why the rotation keeps each daily backup: "daily" (the newest of one of the last 7 days that have one), else
    "weekly" (of one of the last 4 ISO weeks), else "monthly" (of one of the last 6 months); a daily backup the next
    rotation deletes gets none. The viewer shows it as the backup's kind."""
    daily = sorted((b for b in backups if b.kind == "daily"), key=lambda b: (b.at, b.path.name), reverse=True)
    roles: dict[Path, str] = {}
    buckets: list[tuple[str, int, Callable[[datetime], object]]] = [
        ("daily", KEEP_DAILY, lambda t: t.date()),
        ("weekly", KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        ("monthly", KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ]
    for role, limit, key in buckets:
        seen: set[object] = set()
        for b in daily:
            k = key(b.at)
            if k in seen:
                continue
            seen.add(k)
            if len(seen) > limit:
                break
            roles.setdefault(b.path, role)
    return roles


def rotate_backups(folder: Path, *, today: date | None = None) -> list[Path]:
    """Delete the backups the policy no longer keeps (and ``.part`` leftovers of a crash); returns what went."""
    _ = today  # the policy counts days that have a backup, not calendar days: a PC off for a month keeps its history
    gone: list[Path] = []
    _kept, dropped = rotation_plan(list_backups_in(folder))
    for b in dropped:
        b.path.unlink(missing_ok=True)
        gone.append(b.path)
    if folder.is_dir():
        for part in folder.glob("canbo-*.db.part"):
            try:
                if datetime.now().timestamp() - part.stat().st_mtime > 3600:  # not one being written right now
                    part.unlink()
                    gone.append(part)
            except OSError:
                pass
    return gone


def needs_daily_backup(db_file: Path, today: date) -> bool:
    """True when the newest daily backup of ``db_file`` is older than ``today`` (or there is none)."""
    return not any(b.kind == "daily" and b.at.date() >= today for b in list_backups(db_file))


def daily_backup_if_due(engine: Engine, *, now: datetime | None = None) -> BackupResult | None:
    """The daily backup, made when the newest one is from before today (called when the database is opened)."""
    db_file = sqlite_path(engine.url)
    if engine.dialect.name != "sqlite" or db_file is None:
        return None
    when = now or datetime.now()
    if not needs_daily_backup(db_file, when.date()):
        return None
    return backup_engine(engine, DAILY_REASON, now=when)


# --------------------------------------------------------------------------- restore


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    kept: Path | None  # the database as it was before the restore
    epoch: int  # the restored database's new sync epoch
    note: str


def check_backup_file(path: Path) -> None:
    """Raise unless ``path`` is a whole, readable Cán bộ Desktop database."""
    if not path.is_file():
        raise NotFound(translate("services.backup", "Backup file “{path}” not found.").format(path=path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(translate("services.backup", "The file “{name}” is not a database or is damaged ({error}); "
                                      "nothing restored.").format(name=path.name, error=exc)) from exc
    if ok != "ok":
        raise DatabaseError(translate("services.backup", "The backup file “{name}” is damaged (integrity check: "
                                      "{result}); nothing restored.").format(name=path.name, result=ok))
    if not {"alembic_version", "local_node", "audit_log", "cadre"} <= tables:
        raise DatabaseError(translate("services.backup", "The file “{name}” is not a Cán bộ Desktop backup; nothing "
                                      "restored.").format(name=path.name))


def _epoch(path: Path) -> int:
    if not path.exists():
        return 0
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT max(epoch) FROM local_node").fetchone()
    except sqlite3.DatabaseError:
        return 0
    finally:
        con.close()
    return int(row[0] or 0) if row else 0


def _copy_sqlite(src_path: Path, dst_path: Path) -> None:
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(dst_path))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(dst_path)


def resolve_backup(db_file: Path, name_or_path: str) -> Path:
    """A backup given by its file name (in the database's backups folder) or by a path."""
    def there(path: Path) -> bool:
        try:
            return path.exists()
        except OSError:  # a name no file system takes (too long, a reserved character): not a backup of ours
            return False

    p = Path(name_or_path).expanduser()
    if there(p):
        return p.resolve()
    candidate = paths.backup_dir_for(Path(db_file).resolve()) / name_or_path
    if there(candidate):
        return candidate
    raise NotFound(translate("services.backup", "Backup “{name}” not found (list them with: canbo backup list)."
                             ).format(name=name_or_path))


def _require_admin(db_file: Path, actor: str) -> None:
    """Restoring replaces everybody's data: the admin role of ``actor`` in the current database."""
    if not db_file.exists():
        return
    from canbo_desktop.db.access import principal_of

    engine = make_engine(str(db_file), must_exist=True)
    try:
        with UnitOfWork(engine, actor) as uow:
            principal = principal_of(uow)
    except (SQLAlchemyError, sqlite3.Error):
        return  # a damaged file nobody can log in to: restoring it is the way back (anyone could copy the file)
    finally:
        engine.dispose()
    if principal.system or (principal.active and principal.role == "admin"):
        return
    role = role_label(principal.role)
    if not principal.active:
        raise AccessDenied(translate("services.backup", "Only an administrator may restore the database from a "
                                     "backup: the account “{user}” is locked. The database is unchanged.").format(
            user=principal.username))
    raise AccessDenied(translate("services.backup", "Only an administrator may restore the database from a backup: "
                                 "the account “{user}” has the role «{role}». The database is unchanged.").format(
        user=principal.username, role=role))


def restore_backup(db_file: Path, source: Path, *, actor: str = "system", now: datetime | None = None) -> RestoreResult:
    """Replace the database ``db_file`` with the backup ``source`` (see the module docstring).

    Nobody may have the database open for writing meanwhile (its write lock is taken, else ``DatabaseLocked``).
    Only an administrator of the current database (or the system, before any account exists) may restore:
    ``actor`` is checked against its users first, else ``AccessDenied`` and nothing is touched."""
    from canbo_desktop.db.models import LocalNodeRecord
    from canbo_desktop.services.locking import acquire_write_lock

    db_file = Path(db_file).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    if source == db_file:
        raise CanboError(translate("services.backup", "The backup file is the database in use; choose another "
                                   "backup."))
    check_backup_file(source)
    _require_admin(db_file, actor)
    when = (now or datetime.now()).replace(microsecond=0)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    with acquire_write_lock(db_file, program="canbo backup restore"):
        part = db_file.with_name(db_file.name + ".restore-part")
        kept: Path | None = None
        try:
            # 1. The restored copy, whole, with its new epoch and the audit entry, before anything is touched.
            _copy_sqlite(source, part)
            old_epoch = max(_epoch(part), _epoch(db_file))
            new_epoch = old_epoch + 1
            engine = make_engine(str(part), must_exist=True)
            try:
                uow = UnitOfWork(engine, actor)
                with uow:
                    node = uow.session.query(LocalNodeRecord).first()
                    if node is not None:
                        node.epoch = new_epoch
                    uow.audit("restore", "database", "", {
                        "from": source.name, "at": when.isoformat(), "epoch": [old_epoch, new_epoch],
                        "kept": f"{db_file.stem}-truoc-khoi-phuc-{stamp}.db" if db_file.exists() else ""})
                    uow.commit()
            finally:
                engine.dispose()
            _fsync(part)
            # 2. Keep the current database (checkpointed: its -wal holds nothing afterwards).
            if db_file.exists():
                kept = db_file.with_name(f"{db_file.stem}-truoc-khoi-phuc-{stamp}.db")
                n = 2
                while kept.exists():
                    kept = db_file.with_name(f"{db_file.stem}-truoc-khoi-phuc-{stamp}-{n}.db")
                    n += 1
                cur = sqlite3.connect(str(db_file))
                try:
                    cur.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls back a hot journal if any
                    cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    cur.close()
                kept_part = kept.with_name(kept.name + ".part")
                _copy_sqlite(db_file, kept_part)
                os.replace(kept_part, kept)
            # 3. Swap: the old -wal/-shm must not be applied to the new file.
            for suffix in ("-wal", "-shm", "-journal"):
                db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
            os.replace(part, db_file)
        except CanboError:
            part.unlink(missing_ok=True)
            raise
        except (OSError, sqlite3.Error) as exc:
            part.unlink(missing_ok=True)
            raise DatabaseError(translate("services.backup", "Could not restore from “{name}”: {error}. The current "
                                          "database is unchanged.").format(name=source.name, error=exc)) from exc
    note = (translate("services.backup", "Database restored from “{name}”. The database as it was before is kept at "
                      "“{kept}”. New sync epoch: {epoch} (the next send will be a full package).").format(
                name=source.name, kept=kept, epoch=new_epoch) if kept else
            translate("services.backup", "Database restored from “{name}”. New sync epoch: {epoch}.").format(
                name=source.name, epoch=new_epoch))
    return RestoreResult(db_file, source, kept, new_epoch, note)
