"""Opening the database: a SQLite file (WAL, foreign keys, busy timeout) or a PostgreSQL URL.

Every failure becomes a ``DatabaseError`` with a Vietnamese message; nothing here creates folders
or files the user did not ask for.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from canbo_desktop.domain.errors import DatabaseError
from canbo_desktop.i18n import translate


def _busy_timeout_ms() -> int:
    """How long a write waits for another program's lock before giving up (CANBO_BUSY_TIMEOUT_MS)."""
    try:
        return max(0, int(os.environ.get("CANBO_BUSY_TIMEOUT_MS", "5000")))
    except ValueError:
        return 5000


def _set_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The pysqlite driver's own transaction handling is replaced by SQLAlchemy's explicit BEGIN
    # so that BEGIN IMMEDIATE can be used for writes (no lock upgrade deadlocks between threads).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {_busy_timeout_ms()}")
        cur.execute("PRAGMA foreign_keys = ON")
        # journal_mode=WAL is persistent and rewrites the file header: it is set by the migration runner
        # once the file is known to be ours, never on a file we might refuse.
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA temp_store = MEMORY")
    finally:
        cur.close()


def _begin_sqlite(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def parse_database_url(target: str) -> URL:
    """Accept a file path or a SQLAlchemy URL (sqlite:///…, postgresql+psycopg://…)."""
    target = (target or "").strip()
    if not target:
        raise DatabaseError(translate("db.engine", "No database given (use --db or the CANBO_DB environment variable)."))
    if "://" not in target:
        path = Path(target).expanduser()
        return URL.create("sqlite", database=str(path))
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(
            translate("db.engine", "The database address “{target}” is not valid. Correct examples: sqlite:///C:/canbo/canbo.db or postgresql+psycopg://user@server:5432/canbo").format(target=target)
        ) from exc
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(translate("db.engine", "Database type “{backend}” is not supported (only SQLite or PostgreSQL).").format(backend=backend))
    if backend == "postgresql" and not url.database:
        raise DatabaseError(translate("db.engine", "The PostgreSQL address “{target}” lacks the database name.").format(target=target))
    if backend == "sqlite" and not url.database:
        raise DatabaseError(translate("db.engine", "An SQLite database must be a file (not an in-memory database)."))
    return url


def set_journal_mode(engine: Engine, mode: str) -> None:
    """Change the journal mode (outside any transaction; pooled connections are closed first)."""
    if engine.dialect.name != "sqlite":
        return
    engine.dispose()
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(f"PRAGMA journal_mode = {mode}")
        cur.close()
    finally:
        raw.close()
    engine.dispose()


def enable_wal(engine: Engine) -> None:
    """Switch a SQLite database (known to be ours) to WAL: readers never block the writer."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()  # outside any transaction: journal_mode cannot change inside one
    try:
        cur = raw.cursor()
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.close()
    finally:
        raw.close()


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database)
    return None


def make_engine(target: str | URL, *, must_exist: bool = False) -> Engine:
    """Create the engine. For SQLite, the folder must exist; with ``must_exist`` the file too."""
    url = target if isinstance(target, URL) else parse_database_url(target)
    path = sqlite_path(url)
    if path is not None:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise DatabaseError(translate("db.engine", "The folder “{folder}” does not exist. Create the folder first or choose another path.").format(folder=folder))
        if must_exist and not path.exists():
            raise DatabaseError(translate("db.engine", "Database file “{path}” not found.").format(path=path))
        if path.exists() and not os.access(path, os.R_OK):
            raise DatabaseError(translate("db.engine", "No permission to read the file “{path}”.").format(path=path))
        engine = create_engine(url, poolclass=NullPool if os.environ.get("CANBO_NULLPOOL") else None)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            translate("db.engine", "The PostgreSQL driver (psycopg) is not installed. Install it with: pip install 'canbo-desktop[postgres]'.")
        ) from exc


def describe_operational_error(exc: BaseException, target: str = "") -> str:
    """Vietnamese explanation of a driver error (locked, not a database, read-only…)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return translate("db.engine", "The database is locked by another program (perhaps another Cán bộ Desktop window is writing). Close that program and try again.")
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return translate("db.engine", "The file “{target}” is not a Cán bộ Desktop database or it is damaged.").format(target=target)
    if "readonly" in text or "read-only" in text:
        return translate("db.engine", "Cannot write to “{target}” (the file or folder is read-only).").format(target=target)
    if "unable to open" in text:
        return translate("db.engine", "Cannot open the database file “{target}”.").format(target=target)
    if "connection" in text or "could not connect" in text or "password" in text:
        return translate("db.engine", "Cannot connect to the database server: {exc}").format(exc=getattr(exc, 'orig', exc))
    return translate("db.engine", "Database error: {exc}").format(exc=getattr(exc, 'orig', exc))


def translate_errors(exc: BaseException, target: str = "") -> DatabaseError:
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, DBAPIError | sqlite3.DatabaseError):
        return DatabaseError(describe_operational_error(exc, target))
    return DatabaseError(translate("db.engine", "Database error: {exc}").format(exc=exc))
