"""Backups: an exact restore round trip (every table's rows), the kept file, the new sync epoch; the rotation
policy with a fake clock; the daily backup on open; the backup before a migration; ``canbo backup …``."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from canbo_desktop.cli.main import main
from canbo_desktop.db import migrate
from canbo_desktop.db.models import CadreRecord
from canbo_desktop.domain.errors import DatabaseError
from canbo_desktop.services.audit import verify_chain
from canbo_desktop.services.backup import (
    MANUAL_REASON,
    backup_engine,
    daily_backup_if_due,
    list_backups,
    restore_backup,
)
from canbo_desktop.services.database import open_database
from canbo_desktop.services.locking import DatabaseLocked


@pytest.fixture(autouse=True)
def _trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI calls here test audit/backup/locking, not the login (tests/integration/test_cli*.py do)."""
    monkeypatch.setenv("CANBO_CLI_TRUST", "1")


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def _edit(path: Path) -> None:
    db = open_database(str(path))
    try:
        with db.uow("can-bo-a")() as uow:
            for c in uow.session.scalars(select(CadreRecord).order_by(CadreRecord.id).limit(5)):
                c.phone = "0988000111"
            uow.commit()
        with db.uow("can-bo-a")() as uow:
            c = uow.session.scalars(select(CadreRecord).order_by(CadreRecord.id.desc()).limit(1)).one()
            c.other_names = "Tên khác"
            uow.commit()
    finally:
        db.close()


def test_restore_round_trip_is_exact(demo_db_path: Path) -> None:
    db = open_database(str(demo_db_path))
    try:
        saved = backup_engine(db.engine, MANUAL_REASON)
    finally:
        db.close()
    assert saved.path is not None
    at_backup = dump(demo_db_path)
    _edit(demo_db_path)
    edited = dump(demo_db_path)
    assert edited["cadre"] != at_backup["cadre"]

    result = restore_backup(demo_db_path, saved.path, actor="quan-tri")
    restored = dump(demo_db_path)
    for table, rows in at_backup.items():
        if table in ("local_node", "audit_log"):
            continue
        assert restored[table] == rows, f"bảng {table} khác sau khi khôi phục"
    # the one change a restore makes: a new epoch and its audit entry at the end of the chain
    node_before, node_after = at_backup["local_node"], restored["local_node"]
    assert len(node_after) == 1 and result.epoch == 2
    con = sqlite3.connect(demo_db_path)
    epoch = con.execute("SELECT epoch FROM local_node").fetchone()[0]
    last = con.execute("SELECT action, actor, changes FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    con.close()
    assert epoch == 2 and node_after != node_before
    added = set(restored["audit_log"]) - set(at_backup["audit_log"])
    assert set(at_backup["audit_log"]) <= set(restored["audit_log"]) and len(added) == 1
    assert len(restored["audit_log"]) == len(at_backup["audit_log"]) + 1
    assert last[0] == "restore" and last[1] == "quan-tri" and json.loads(last[2])["epoch"] == [1, 2]
    # the database as it was before the restore is kept beside it, whole
    assert result.kept is not None and result.kept.name.startswith("demo-truoc-khoi-phuc-")
    assert dump(result.kept) == edited
    # the restored file opens, its audit chain holds, and no stale -wal came with it
    db = open_database(str(demo_db_path))
    try:
        assert verify_chain(db.uow("kiem-tra")).ok
    finally:
        db.close()


def test_restore_is_refused_while_the_database_is_open_for_writing(demo_db_path: Path) -> None:
    db = open_database(str(demo_db_path))
    saved = backup_engine(db.engine, MANUAL_REASON)
    db.close()
    assert saved.path is not None
    _edit(demo_db_path)
    before = dump(demo_db_path)
    holder = open_database(str(demo_db_path), lock=True)
    try:
        # a second program: the lock is re-entrant inside one process, so ask from a child process
        import subprocess
        import sys

        code = ("import sys; from pathlib import Path; from canbo_desktop.services.backup import restore_backup\n"
                "from canbo_desktop.domain.errors import CanboError\n"
                f"try:\n    restore_backup(Path({str(demo_db_path)!r}), Path({str(saved.path)!r}))\n"
                "except CanboError as e:\n    print(type(e).__name__, e.message); sys.exit(3)\n")
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert p.returncode == 3, p.stderr
        assert p.stdout.startswith(DatabaseLocked.__name__) and "đang được mở để ghi" in p.stdout
    finally:
        holder.close()
    assert dump(demo_db_path) == before


def test_a_damaged_or_foreign_file_is_not_restored(demo_db_path: Path, tmp_path: Path) -> None:
    before = dump(demo_db_path)
    junk = tmp_path / "canbo-20260101-000000-thu-cong.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    for bad in (junk, other, tmp_path / "absent.db"):
        with pytest.raises(Exception) as info:
            restore_backup(demo_db_path, bad)
        assert getattr(info.value, "message", "")  # a Vietnamese sentence, not a traceback
    assert dump(demo_db_path) == before


def _touch(folder: Path, at: datetime, slug: str) -> None:
    (folder / f"canbo-{at:%Y%m%d-%H%M%S}-{slug}.db").write_bytes(b"")


def test_rotation_keeps_7_daily_4_weekly_6_monthly_with_a_fake_clock(empty_db_path: Path) -> None:
    folder = empty_db_path.parent / "backups"
    folder.mkdir()
    start = datetime(2026, 1, 1, 9)
    for i in range(99):  # 1 January → 9 April 2026, one a day, two on some days (the names carry the time)
        _touch(folder, start + timedelta(days=i), "hang-ngay")
        if i % 10 == 0:
            _touch(folder, start + timedelta(days=i, hours=8), "hang-ngay")
    for i in range(25):
        _touch(folder, datetime(2026, 2, 1, 10, 0, i), "truoc-khi-nhap-excel")
    for i in range(3):
        _touch(folder, datetime(2025, 6, 1 + i, 10), "thu-cong")
    (folder / "canbo-20260101-000000-hang-ngay.db.part").write_bytes(b"")  # a crash's leftover
    os.utime(folder / "canbo-20260101-000000-hang-ngay.db.part", (0, 0))
    db = open_database(str(empty_db_path))
    try:  # the 100th day's backup, made for real, rotates the folder
        made = daily_backup_if_due(db.engine, now=datetime(2026, 4, 10, 9))
    finally:
        db.close()
    assert made is not None and made.path is not None and made.path.stat().st_size > 0
    kept = list_backups(empty_db_path)
    daily = sorted(b.at.date().isoformat() for b in kept if b.kind == "daily")
    assert daily == sorted([f"2026-04-{d:02d}" for d in range(4, 11)]  # 7 days
                           + ["2026-03-22", "2026-03-29"]  # the newest of ISO weeks 12 and 13 (14, 15 above)
                           + ["2026-03-31", "2026-02-28", "2026-01-31"])  # the newest of each month
    assert len([b for b in kept if b.kind == "event"]) == 20  # the 20 newest imports
    assert min(b.at for b in kept if b.kind == "event") == datetime(2026, 2, 1, 10, 0, 5)
    assert len([b for b in kept if b.kind == "manual"]) == 3  # never deleted automatically
    assert not list(folder.glob("*.part"))
    assert len(list(folder.iterdir())) == len(kept)


def test_daily_backup_once_a_day(empty_db_path: Path) -> None:
    db = open_database(str(empty_db_path))
    try:
        t = datetime(2026, 11, 22, 8, 0)
        first = daily_backup_if_due(db.engine, now=t)
        assert first is not None and first.path is not None and first.path.exists()
        assert daily_backup_if_due(db.engine, now=t + timedelta(hours=9)) is None
        again = daily_backup_if_due(db.engine, now=t + timedelta(days=1))
        assert again is not None and again.path != first.path
    finally:
        db.close()


def test_opening_for_the_app_starts_the_daily_backup(demo_db_path: Path) -> None:
    db = open_database(str(demo_db_path), lock=True, daily_backup=True)
    try:
        assert db.daily_job is not None
        made = db.daily_job.result()
        assert made.path is not None and made.path.name.endswith("-hang-ngay.db")
        assert dump(made.path)["cadre"] == dump(demo_db_path)["cadre"]
    finally:
        db.close()
    db = open_database(str(demo_db_path), lock=True, daily_backup=True)
    try:
        assert db.daily_job is None  # today's is there
    finally:
        db.close()


def test_a_migration_is_preceded_by_a_backup(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_upgrade(cfg: object, target: str) -> None:
        seen["backups"] = [b.path.name for b in list_backups(demo_db_path)]

    real_head = migrate.head_revision()  # the file is at the real head; pretend a newer revision exists
    known = migrate.known_revisions() | {"9999_next"}
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_next")
    monkeypatch.setattr(migrate, "known_revisions", lambda: known)
    import alembic.command  # imported by db/migrate.py only when an upgrade is due

    monkeypatch.setattr(alembic.command, "upgrade", fake_upgrade)
    db = open_database(str(demo_db_path))
    db.close()
    assert db.migration == "upgraded"
    assert len(seen["backups"]) == 1 and f"-truoc-nang-cap-{real_head}" in seen["backups"][0]


def test_cli_create_list_restore(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo_db_path)
    assert main(["--db", db, "backup", "create", "--json"]) == 0
    made = json.loads(capsys.readouterr()[0])
    assert Path(made["path"]).exists()
    assert main(["--db", db, "backup", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr()[0])
    assert [b["name"] for b in listed] == [Path(made["path"]).name] and listed[0]["kind"] == "manual"
    _edit(demo_db_path)
    edited = dump(demo_db_path)
    # no terminal and no --yes: refused, nothing changes
    assert main(["--db", db, "backup", "restore", listed[0]["name"]]) == 2
    assert "--yes" in capsys.readouterr()[1]
    assert dump(demo_db_path) == edited
    assert main(["--db", db, "backup", "restore", listed[0]["name"], "--yes", "--json"]) == 0
    out = json.loads(capsys.readouterr()[0])
    assert out["epoch"] == 2 and Path(out["kept"]).exists()
    assert dump(demo_db_path)["cadre"] == dump(Path(made["path"]))["cadre"]
    assert main(["--db", db, "backup", "restore", "khong-co.db", "--yes"]) == 3
    assert "Không tìm thấy" in capsys.readouterr()[1]


def test_backup_of_a_missing_folder_is_a_clear_error(demo_db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        open_database(str(tmp_path / "khong-co" / "x.db"))


def test_a_backup_name_no_file_system_takes_is_simply_not_found(demo_db_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the CLI fuzzer: a 300-letter name made the OS refuse the look-up (ENAMETOOLONG) and the clerk saw
    a raw "[Errno 36]" database error."""
    assert main(["--db", str(demo_db_path), "backup", "restore", "A" * 300, "--yes"]) == 3
    err = capsys.readouterr()[1]
    assert "Không tìm thấy bản sao lưu" in err and "Errno" not in err
