"""One writer per database (the lock file) and no database on a network share."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from canbo_desktop.cli.main import main
from canbo_desktop.services import locking
from canbo_desktop.services.database import open_database
from canbo_desktop.services.locking import (
    DatabaseLocked,
    NetworkShareRefused,
    current_holder,
    is_unc,
    lock_path_for,
    mount_fs_type,
    network_reason,
)

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//nas/canbo /mnt/nas cifs rw,vers=3.0,username=x 0 0
server:/export/hr /srv/hr nfs4 rw,relatime 0 0
/dev/sdb1 /srv/hr/local ext4 rw 0 0
//nas/share\\040two /mnt/share\\040two smb3 rw 0 0
/dev/sdc1 /media/usb vfat rw 0 0
"""


@pytest.mark.parametrize("path, expected", [
    (r"\\server\share\canbo.db", True),
    ("//server/share/canbo.db", True),
    (r"\\?\UNC\server\share\canbo.db", True),
    (r"\\?\C:\canbo\canbo.db", False),
    (r"\\.\PhysicalDrive0", False),
    (r"C:\canbo\canbo.db", False),
    ("/home/a/canbo.db", False),
    ("canbo.db", False),
])
def test_unc_paths(path: str, expected: bool) -> None:
    assert is_unc(path) is expected


@pytest.mark.parametrize("path, remote", [
    ("/mnt/nas/xa/canbo.db", "cifs"),
    ("/srv/hr/canbo.db", "nfs4"),
    ("/srv/hr/local/canbo.db", None),  # a local disk mounted inside the NFS tree
    ("/mnt/share two/canbo.db", "smb3"),  # \040 in /proc/mounts is a space
    ("/mnt/nasty/canbo.db", None),  # a prefix of the name only, not the mount point
    ("/media/usb/canbo.db", None),
    ("/home/a/canbo.db", None),
])
def test_linux_mounts(path: str, remote: str | None) -> None:
    reason = network_reason(path, windows=False, mounts_text=MOUNTS)
    if remote is None:
        assert reason is None
    else:
        assert reason is not None and remote in reason
    assert mount_fs_type("/srv/hr/local/x", MOUNTS) == "ext4"


@pytest.fixture(autouse=True)
def _trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI calls here test audit/backup/locking, not the login (tests/integration/test_cli*.py do)."""
    monkeypatch.setenv("CANBO_CLI_TRUST", "1")


def test_windows_mapped_drive_and_unc() -> None:
    kinds = {"Z:\\": locking.DRIVE_REMOTE, "C:\\": 3, "E:\\": 2}  # remote, fixed, removable
    assert network_reason(r"Z:\canbo\canbo.db", windows=True, drive_type=kinds.get) == "ổ đĩa mạng Z:"
    assert network_reason(r"z:/canbo/canbo.db", windows=True, drive_type=kinds.get) == "ổ đĩa mạng Z:"
    assert network_reason(r"C:\canbo\canbo.db", windows=True, drive_type=kinds.get) is None
    assert network_reason(r"E:\canbo.db", windows=True, drive_type=kinds.get) is None
    assert network_reason(r"\\may-chu\chung\canbo.db", windows=True, drive_type=kinds.get) == "đường dẫn mạng (UNC)"


def test_a_database_on_a_network_mount_is_refused(demo_db_path: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "mounts"
    folder = str(demo_db_path.parent.resolve())
    fake.write_text(f"/dev/sda1 / ext4 rw 0 0\n//nas/x {folder} cifs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(locking, "MOUNTS_FILE", fake)
    before = demo_db_path.read_bytes()
    with pytest.raises(NetworkShareRefused) as info:
        open_database(str(demo_db_path))
    msg = info.value.message
    assert "thư mục mạng (cifs)" in msg and "PostgreSQL" in msg and "hỏng" in msg
    assert demo_db_path.read_bytes() == before
    # the CLI says it too, with the database error exit code
    assert main(["--db", str(demo_db_path), "stats"]) == 4


HOLD = """
import sys, time
from canbo_desktop.services.database import open_database
db = open_database(sys.argv[1], lock=True)
print("ready", flush=True)
time.sleep(120)
"""


def test_a_second_writer_is_told_who_holds_the_database(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from canbo_desktop.services.backup import backup_engine

    db = open_database(str(demo_db_path))
    saved = backup_engine(db.engine, "thu cong")
    db.close()
    assert saved.path is not None
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(demo_db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseLocked) as info:
            open_database(str(demo_db_path), lock=True)
        msg = info.value.message
        assert f"tiến trình số {child.pid}" in msg and socket.gethostname() in msg and "đóng chương trình kia" in msg
        holder = current_holder(demo_db_path)
        assert holder is not None and holder.pid == child.pid
        before = demo_db_path.read_bytes()
        assert main(["--db", str(demo_db_path), "backup", "restore", saved.path.name, "--yes"]) == 4
        assert f"tiến trình số {child.pid}" in capsys.readouterr()[1]
        assert main(["--db", str(demo_db_path), "stats"]) == 0  # reading beside the open window is fine
        assert "cadre" in capsys.readouterr()[0]
        assert main(["--db", str(demo_db_path), "evaluation", "round", "--unit", "40.D01.PNV", "--year", "2026"]) == 4
        assert f"tiến trình số {child.pid}" in capsys.readouterr()[1]  # a command that writes is refused
        assert demo_db_path.read_bytes() == before
        # the holder dies without cleaning up (a crash, a power cut): its lock file stays, and is taken over
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert lock_path_for(demo_db_path.resolve()).exists()
        assert current_holder(demo_db_path) is None
        db = open_database(str(demo_db_path), lock=True)
        try:
            holder = current_holder(demo_db_path)
            assert holder is not None and holder.pid == os.getpid()
        finally:
            db.close()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_the_lock_is_reentrant_in_one_process_and_released(demo_db_path: Path) -> None:
    a = open_database(str(demo_db_path), lock=True)
    b = open_database(str(demo_db_path), lock=True)  # a background task of the same program
    b.close()
    assert current_holder(demo_db_path) is not None  # still held by a
    a.close()
    assert current_holder(demo_db_path) is None
    probe = subprocess.run([sys.executable, "-c", HOLD.replace("time.sleep(120)", ""), str(demo_db_path)],
                           capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "ready", probe.stderr


def test_a_garbage_lock_file_is_taken_over(demo_db_path: Path) -> None:
    lock_path_for(demo_db_path.resolve()).write_bytes(b"\xff\xfe garbage")
    t0 = time.monotonic()
    db = open_database(str(demo_db_path), lock=True)
    db.close()
    assert time.monotonic() - t0 < 10
