"""Reading a test database back the same way on SQLite and on PostgreSQL (`CANBO_TEST_BACKEND`).

A test states what a clerk would see in the data; these helpers make that statement independent of the
backend: rows come back with dates as ISO text (SQLite stores them so, PostgreSQL hands out ``date``), and a
"nothing changed" check hashes every row of every table (plus, on SQLite, the file's bytes).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from canbo_desktop.services.database import Database


def is_sqlite(db: Database) -> bool:
    return db.engine.dialect.name == "sqlite"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def rows(db: Database, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """``sql`` with ``?`` placeholders, on either backend; dates as ISO text."""
    names = {f"p{i}": p for i, p in enumerate(params)}
    parts = sql.split("?")
    assert len(parts) == len(params) + 1, "one parameter per placeholder"
    bound = parts[0] + "".join(f":p{i}{rest}" for i, rest in enumerate(parts[1:]))
    with db.engine.connect() as conn:
        return [tuple(_plain(v) for v in r) for r in conn.execute(text(bound), names)]


def table_hash(db: Database) -> str:
    """A hash of every row of every table (the data, whatever the storage layout)."""
    h = hashlib.sha256()
    with db.engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            h.update(name.encode())
            for line in sorted(repr(tuple(_plain(v) for v in r)) for r in conn.execute(text(f'SELECT * FROM "{name}"'))):
                h.update(line.encode())
    return h.hexdigest()


def snapshot(db: Database) -> str:
    """The strongest "unchanged" witness the backend allows: the file's bytes on SQLite, every row elsewhere."""
    if db.file is not None:
        return hashlib.sha256(Path(db.file).read_bytes()).hexdigest()
    return table_hash(db)


def backup_files(db: Database) -> list[Path]:
    """The backup copies next to a SQLite file ([] on PostgreSQL: its server keeps the backups)."""
    if db.file is None:
        return []
    folder = Path(db.file).parent / "backups"
    return sorted(folder.iterdir()) if folder.exists() else []
