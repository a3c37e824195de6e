"""Migrations at start-up: back up the file, ``alembic upgrade head``, refuse a newer database."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from canbo_desktop import paths
from canbo_desktop.db.engine import enable_wal, sqlite_path, translate_errors
from canbo_desktop.domain.errors import DatabaseError, SchemaTooNew

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:  # driver errors: locked, not a database…
        raise translate_errors(exc, str(engine.url.database or "")) from exc


def backup_sqlite_file(db_file: Path, reason: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe while WAL has pending frames)."""
    folder = paths.backup_dir_for(db_file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_file.stem}-{reason}-{stamp}.db"
    src = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def ensure_schema(engine: Engine, *, backup: bool = True) -> str:
    """Bring the database to the head revision. Returns what was done ("created", "upgraded", "current")."""
    cur = current_revision(engine)
    head = head_revision()
    if cur == head:
        enable_wal(engine)
        return "current"
    if cur is not None and cur not in known_revisions():
        raise SchemaTooNew(
            "Cơ sở dữ liệu này được tạo bởi phiên bản Cán bộ Desktop mới hơn "
            f"(lược đồ {cur}). Hãy cập nhật chương trình; dữ liệu không bị thay đổi."
        )
    db_file = sqlite_path(engine.url)
    if cur is None:
        with engine.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        if tables:
            raise DatabaseError(
                "Tệp này là một cơ sở dữ liệu SQLite nhưng không phải của Cán bộ Desktop; chương trình không sửa nó."
            )
        action = "created"
    else:
        action = "upgraded"
        if backup and db_file is not None and db_file.exists():
            copy = backup_sqlite_file(db_file, f"truoc-nang-cap-{cur}")
            log.info("backup before migration: %s", copy)
    try:
        enable_wal(engine)
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise translate_errors(exc, str(db_file or engine.url)) from exc
    return action
