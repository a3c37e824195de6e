"""Opening a database for the app and the CLI: engine, migrations, the unit-of-work factory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from canbo_desktop import paths
from canbo_desktop.db.engine import make_engine, parse_database_url, sqlite_path, translate_errors
from canbo_desktop.db.migrate import ensure_schema
from canbo_desktop.db.uow import UowFactory, uow_factory
from canbo_desktop.domain.errors import DatabaseError


@dataclass
class Database:
    engine: Engine
    url: URL
    migration: str

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


def resolve_target(explicit: str | None) -> str:
    """--db, else CANBO_DB, else the default file in the user data directory."""
    if explicit:
        return explicit
    env = os.environ.get("CANBO_DB")
    if env:
        return env
    return str(paths.default_database_path())


def open_database(target: str, *, create: bool = False, migrate: bool = True) -> Database:
    """Open (and migrate) a database. Without ``create`` a missing SQLite file is an error."""
    url = parse_database_url(target)
    engine = make_engine(url, must_exist=not create)
    try:
        action = ensure_schema(engine) if migrate else "skipped"
    except Exception:
        engine.dispose()
        raise
    return Database(engine=engine, url=url, migration=action)


def require_file_absent_or_empty(target: str) -> None:
    url = parse_database_url(target)
    path = sqlite_path(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise DatabaseError(f"Tệp “{path}” đã tồn tại.")


def explain_error(exc: BaseException) -> str:
    """A Vietnamese sentence for an unexpected driver error (locked, not a database, no connection…)."""
    return translate_errors(exc).message
