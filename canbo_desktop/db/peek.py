"""A look into the database file before the data layer is loaded, so that the login shows at once (issue 13).

SQLAlchemy and the 37 mapped classes take about half a second to import, twice what Qt takes to show a window.
When the file is a local SQLite database at the current schema revision with accounts, ``app.py`` shows the
login dialog first and loads the data layer while the clerk types the password. This module tells whether that
is so, with the standard library only (no SQLAlchemy, no Qt), reading the file read-only. Whenever it cannot
be sure (a PostgreSQL address, no file, an older or newer schema, no account yet, a file it cannot read), it
answers None and the application opens the database the usual way first, with its messages.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

HEAD_REVISION = "0003"  # the newest script in db/versions (a new revision changes this line too)


def peek_login(target: str) -> str | None:
    """The office's name, for the login dialog, when ``target`` is a local SQLite file at :data:`HEAD_REVISION`
    that has accounts and an office; None when unsure (the caller then takes the usual path). No dataclass here:
    ``dataclasses`` imports ``inspect``, 10 ms of the start."""
    if not target or "://" in target:
        return None
    try:
        path = Path(target).expanduser().resolve()
        if not path.is_file() or path.stat().st_size == 0:
            return None
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            if con.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD_REVISION,)]:
                return None
            if con.execute("SELECT 1 FROM app_user LIMIT 1").fetchone() is None:
                return None  # no account yet: no login (or the first-run wizard)
            row = con.execute("SELECT u.name FROM local_node AS n JOIN org_unit AS u ON u.id = n.unit_id "
                              "LIMIT 1").fetchone()
        finally:
            con.close()
    except (OSError, ValueError, sqlite3.Error):
        return None
    if row is None or not isinstance(row[0], str):
        return None
    return unicodedata.normalize("NFC", row[0])
