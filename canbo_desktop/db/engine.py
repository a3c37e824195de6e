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
        raise DatabaseError("Chưa chỉ định cơ sở dữ liệu (dùng --db hoặc biến môi trường CANBO_DB).")
    if "://" not in target:
        path = Path(target).expanduser()
        return URL.create("sqlite", database=str(path))
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(
            f"Địa chỉ cơ sở dữ liệu “{target}” không hợp lệ. Ví dụ đúng: sqlite:///C:/canbo/canbo.db "
            "hoặc postgresql+psycopg://nguoidung@may-chu:5432/canbo"
        ) from exc
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"Không hỗ trợ loại cơ sở dữ liệu “{backend}” (chỉ SQLite hoặc PostgreSQL).")
    if backend == "postgresql" and not url.database:
        raise DatabaseError(f"Địa chỉ PostgreSQL “{target}” thiếu tên cơ sở dữ liệu.")
    if backend == "sqlite" and not url.database:
        raise DatabaseError("Cơ sở dữ liệu SQLite phải là một tệp (không dùng bộ nhớ tạm).")
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
            raise DatabaseError(f"Thư mục “{folder}” không tồn tại. Hãy tạo thư mục trước hoặc chọn đường dẫn khác.")
        if must_exist and not path.exists():
            raise DatabaseError(f"Không tìm thấy tệp cơ sở dữ liệu “{path}”.")
        if path.exists() and not os.access(path, os.R_OK):
            raise DatabaseError(f"Không có quyền đọc tệp “{path}”.")
        engine = create_engine(url, poolclass=NullPool if os.environ.get("CANBO_NULLPOOL") else None)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            "Chưa cài trình điều khiển PostgreSQL (psycopg). Cài bằng: pip install 'canbo-desktop[postgres]'."
        ) from exc


def describe_operational_error(exc: BaseException, target: str = "") -> str:
    """Vietnamese explanation of a driver error (locked, not a database, read-only…)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return "Cơ sở dữ liệu đang bị khoá bởi một chương trình khác (có thể một cửa sổ Cán bộ Desktop khác đang ghi). Hãy đóng chương trình đó rồi thử lại."
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"Tệp “{target}” không phải là cơ sở dữ liệu Cán bộ Desktop hoặc đã bị hỏng."
    if "readonly" in text or "read-only" in text:
        return f"Không ghi được vào “{target}” (tệp hoặc thư mục chỉ đọc)."
    if "unable to open" in text:
        return f"Không mở được tệp cơ sở dữ liệu “{target}”."
    if "connection" in text or "could not connect" in text or "password" in text:
        return f"Không kết nối được tới máy chủ cơ sở dữ liệu: {getattr(exc, 'orig', exc)}"
    return f"Lỗi cơ sở dữ liệu: {getattr(exc, 'orig', exc)}"


def translate_errors(exc: BaseException, target: str = "") -> DatabaseError:
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, DBAPIError | sqlite3.DatabaseError):
        return DatabaseError(describe_operational_error(exc, target))
    return DatabaseError(f"Lỗi cơ sở dữ liệu: {exc}")
