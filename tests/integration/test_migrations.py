"""Migrations: the one revision creates exactly the models (no drift); start-up rules hold."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from canbo_desktop.db.base import Base
from canbo_desktop.db.engine import make_engine
from canbo_desktop.db.migrate import ensure_schema, head_revision
from canbo_desktop.db.search import is_search_object
from canbo_desktop.domain.errors import DatabaseError, SchemaTooNew
from canbo_desktop.services.database import open_database


def _include_name(name: str | None, type_: str, _parent: object) -> bool:
    return not (type_ == "table" and name is not None and (is_search_object(name) or name == "alembic_version"))


def test_schema_from_empty_matches_models(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "fresh.db"), create=True)
    try:
        assert db.migration == "created"
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": _include_name, "target_metadata": Base.metadata}
            )
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        db.close()


@pytest.mark.sqlite_only  # FTS5 and SQLite row ids (PostgreSQL: test_postgres.py)
def test_search_objects_exist_and_sqlite_pragmas(empty_db) -> None:
    with empty_db.engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert {"cadre_fts", "cadre_search_ai", "cadre_search_au", "cadre_search_ad"} <= names
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_reopening_is_a_no_op(empty_db_path: Path) -> None:
    db = open_database(str(empty_db_path))
    assert db.migration == "current"
    db.close()


def test_newer_database_is_refused_and_unchanged(empty_db_path: Path) -> None:
    con = sqlite3.connect(empty_db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = empty_db_path.read_bytes()
    with pytest.raises(SchemaTooNew) as err:
        open_database(str(empty_db_path))
    assert "phiên bản Cán bộ Desktop mới hơn" in err.value.message
    assert empty_db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    con.commit()
    con.close()
    before = other.read_bytes()
    engine = make_engine(str(other))
    with pytest.raises(DatabaseError) as err:
        ensure_schema(engine)
    engine.dispose()
    assert "không phải của Cán bộ Desktop" in err.value.message
    assert other.read_bytes() == before


def test_upgrade_backs_up_the_file_first(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the app's head is newer than the file, a consistent copy exists before Alembic runs."""
    from canbo_desktop.db import migrate

    seen: dict[str, object] = {}

    def fake_upgrade(cfg: object, target: str) -> None:
        backups = list((demo_db_path.parent / "backups").glob("*.db"))
        seen["backups"] = backups
        con = sqlite3.connect(backups[0])
        seen["cadres"] = con.execute("SELECT count(*) FROM cadre").fetchone()[0]
        con.close()

    # the file is at the real head; pretend a newer revision exists
    known = migrate.known_revisions() | {"9999_next"}
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_next")
    monkeypatch.setattr(migrate, "known_revisions", lambda: known)
    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", fake_upgrade)
    engine = make_engine(str(demo_db_path))
    try:
        assert ensure_schema(engine) == "upgraded"
    finally:
        engine.dispose()
    assert len(seen["backups"]) == 1  # type: ignore[arg-type]
    assert seen["cadres"] == 122
    assert head_revision() == migrate.HEAD_REVISION


def test_the_head_named_in_the_code_is_alembics_head() -> None:
    """Opening a current database reads no migration script (start-up time): the constant must not drift."""
    from canbo_desktop.db import migrate

    assert migrate.HEAD_REVISION == migrate.alembic_head_revision()
    assert migrate.HEAD_REVISION in migrate.known_revisions()


def test_opening_a_current_database_does_not_import_alembic(demo_db_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from canbo_desktop.services.database import open_database; "
            f"db = open_database({str(demo_db_path)!r}); db.close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako', 'openpyxl')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
