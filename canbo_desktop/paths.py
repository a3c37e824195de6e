"""Where the application's files are: bundled resources, Alembic scripts, user data, logs, backups.

No Qt and no SQLAlchemy here: every layer may use it. Three layouts are supported:
a source checkout (``resources/`` and ``db/`` beside the package), an installed wheel (they are
carried inside the package as ``canbo_desktop/_bundled``), and a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from canbo_desktop import APP_NAME

_PKG_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


def _bundle_root() -> Path | None:
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else None


def resources_dir() -> Path:
    """The folder holding fonts/, codelists/, rules/, icons/, translations/."""
    root = _bundle_root()
    if root is not None:
        return root / "resources"
    return _first_existing(_PKG_DIR.parent / "resources", _PKG_DIR / "_bundled" / "resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic script location (env.py + versions/)."""
    root = _bundle_root()
    if root is not None:
        return root / "db"
    return _first_existing(_PKG_DIR.parent / "db", _PKG_DIR / "_bundled" / "db")


def user_data_dir() -> Path:
    override = os.environ.get("CANBO_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / "canbo.db"


def database_target(explicit: str | None) -> str:
    """--db, else CANBO_DB, else the default file in the user data directory."""
    return explicit or os.environ.get("CANBO_DB") or str(default_database_path())


def log_dir() -> Path:
    override = os.environ.get("CANBO_DATA_DIR")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def backup_dir_for(db_file: Path) -> Path:
    """Backups sit beside the database in a ``backups`` folder (same disk, found by the admin)."""
    return db_file.parent / "backups"
