"""Migrations at start-up: back up the file, ``alembic upgrade head``, refuse a newer database.

Alembic (with Mako) costs about 0.3 s of imports; a database already at the head revision, the everyday case,
needs none of it: ``current_revision`` reads ``alembic_version`` with plain SQL and ``HEAD_REVISION`` names the
newest script (``tests/integration/test_migrations.py`` checks it against Alembic's own reading of ``db/versions``).
Alembic is imported only to upgrade, or to tell an older revision from a newer one.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from canbo_desktop import paths
from canbo_desktop.db.engine import enable_wal, sqlite_path, translate_errors
from canbo_desktop.db.peek import HEAD_REVISION as HEAD_REVISION  # newest script in db/versions (see peek.py)
from canbo_desktop.domain.errors import DatabaseError, SchemaTooNew
from canbo_desktop.i18n import translate

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


def head_revision() -> str:
    return HEAD_REVISION


def alembic_head_revision() -> str | None:
    """The head as Alembic reads the scripts (what ``HEAD_REVISION`` must equal)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in ``alembic_version`` (None: an empty or foreign database)."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
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
            translate("db.migrate", "This database was created by a newer version of Cán bộ Desktop (schema {cur}). Update the program; the data has not been changed.").format(cur=cur)
        )
    db_file = sqlite_path(engine.url)
    if cur is None:
        with engine.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        if tables:
            raise DatabaseError(
                translate("db.migrate", "This file is an SQLite database but not a Cán bộ Desktop one; the program does not modify it.")
            )
        action = "created"
    else:
        action = "upgraded"
        if backup and db_file is not None and db_file.exists():
            copy = backup_sqlite_file(db_file, f"truoc-nang-cap-{cur}")
            log.info("backup before migration: %s", copy)
    from alembic import command

    try:
        enable_wal(engine)
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise translate_errors(exc, str(db_file or engine.url)) from exc
    return action
