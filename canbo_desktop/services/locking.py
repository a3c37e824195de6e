"""One writer per database file, and no database on a network share.

**Lock file.** ``<db>.lock`` beside the database holds, in its first bytes, who opened the database for writing
(computer, user, process id, time) and is locked by the operating system while that process runs
(``fcntl.flock`` on Linux/macOS, ``msvcrt.locking`` on Windows, on a byte far past the holder's text so that a
second copy can still read whom to name). The OS drops the lock when the process ends, however it ends (a crash,
SIGKILL, a power cut): a lock file left behind by a dead process is simply taken over, without guessing from a
pid that may have been reused. Within one process the lock is re-entrant (counted), so the GUI's background tasks
and a test that opens the same file twice do not lock themselves out.

We do not use the ``filelock`` package: it is not among the pinned dependencies, it cannot leave the holder's
name readable while the file is locked on Windows (it locks from byte 0), and the whole mechanism is the two
system calls below.

**Network shares.** SQLite's locking does not work over SMB/CIFS or NFS (the file gets corrupted when two PCs
write, and WAL needs shared memory on one machine). A database on a UNC path (``\\\\server\\share\\…``), on a mapped
network drive (Windows ``GetDriveTypeW`` = ``DRIVE_REMOTE``) or on an NFS/CIFS/SMB mount (Linux ``/proc/mounts``) is
refused with the explanation; a shared office uses PostgreSQL instead.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from canbo_desktop.domain.errors import DatabaseError
from canbo_desktop.i18n import translate

LOCK_OFFSET = 1 << 20  # the OS lock sits on this byte; the holder's text lives before it and stays readable
REMOTE_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.rclone", "davfs", "fuse.davfs2", "lustre", "gpfs",
})
DRIVE_REMOTE = 4
MOUNTS_FILE = Path("/proc/mounts")  # replaced by a fake file in tests


class DatabaseLocked(DatabaseError):
    """Another running copy of the program (or the command line) is writing this database."""


class NetworkShareRefused(DatabaseError):
    """The database file is on a network share: SQLite over SMB/NFS corrupts."""


# --------------------------------------------------------------------------- network shares


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, filesystem type) pairs from ``/proc/mounts`` text (octal escapes such as ``\\040`` decoded)."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1]
        for code, ch in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
            point = point.replace(code, ch)
        out.append((point, parts[2]))
    return out


def mount_fs_type(path: str, mounts_text: str) -> str:
    """The filesystem type of the deepest mount point containing ``path`` (an absolute POSIX path)."""
    best, fstype = "", ""
    for point, kind in parse_mounts(mounts_text):
        p = point.rstrip("/") or "/"
        if (path == p or path.startswith(p if p.endswith("/") else p + "/")) and len(p) >= len(best):
            best, fstype = p, kind
    return fstype


def is_unc(path: str) -> bool:
    """``\\\\server\\share\\…`` or ``//server/share/…`` (and ``\\\\?\\UNC\\…``); not ``\\\\?\\C:\\`` or ``\\\\.\\`` devices."""
    p = path.replace("/", "\\")
    if p.upper().startswith("\\\\?\\UNC\\"):
        return True
    if p.startswith("\\\\?\\") or p.startswith("\\\\.\\"):
        return False
    if not p.startswith("\\\\"):
        return False
    rest = [x for x in p[2:].split("\\") if x]
    return len(rest) >= 1


def network_reason(
    path: str,
    *,
    windows: bool | None = None,
    mounts_text: str | None = None,
    drive_type: Any = None,
) -> str | None:
    """Why ``path`` is on a network share (a short Vietnamese phrase), or None when it is on a local disk.

    The keyword arguments exist for tests: ``windows`` picks the rules, ``mounts_text`` replaces
    ``/proc/mounts``, ``drive_type`` replaces ``GetDriveTypeW`` (a function of the drive root, e.g. ``"Z:\\\\"``)."""
    win = (os.name == "nt") if windows is None else windows
    if is_unc(path):
        return translate("services.locking", "a network path (UNC)")
    if win:
        p = path.replace("/", "\\")
        if len(p) >= 2 and p[1] == ":" and p[0].isalpha():
            get = drive_type if drive_type is not None else _windows_drive_type
            if get(p[0].upper() + ":\\") == DRIVE_REMOTE:
                return translate("services.locking", "the network drive {drive}:").format(drive=p[0].upper())
        return None
    if mounts_text is None:
        try:
            mounts_text = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # macOS and others: no /proc; trust the local disk
    kind = mount_fs_type(path, mounts_text)
    if kind in REMOTE_FS_TYPES or kind.startswith("fuse.smb") or kind.startswith("nfs"):
        return translate("services.locking", "a network folder ({kind})").format(kind=kind)
    return None


def _windows_drive_type(root: str) -> int:
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(root))


def refuse_network_share(db_file: Path) -> None:
    """Raise ``NetworkShareRefused`` when the database file is on a network share."""
    raw = str(db_file)
    resolved = raw if is_unc(raw) else str(Path(raw).expanduser().resolve())
    reason = network_reason(resolved)
    if reason is not None:
        raise NetworkShareRefused(
            translate("services.locking", "The database “{file}” is on {reason}. SQLite is not safe to write over a "
                      "network (SMB/NFS): the data can be damaged when two computers write at once or the network "
                      "drops. Copy the file to a disk of this computer, or use a PostgreSQL server if several "
                      "computers in the office need to share one database.").format(file=db_file, reason=reason)
        )


# --------------------------------------------------------------------------- the lock file


@dataclass(frozen=True)
class LockHolder:
    host: str
    user: str
    pid: int
    since: str
    program: str = ""

    def describe(self) -> str:
        when = self.since
        try:
            at = datetime.fromisoformat(self.since)
            when = translate("services.locking", "{time} on {date}").format(time=at.strftime("%H:%M"),
                                                                           date=at.strftime("%d/%m/%Y"))
        except ValueError:
            pass
        return translate("services.locking", "computer “{host}”, user “{user}”, process {pid}, open since {when}"
                         ).format(host=self.host, user=self.user, pid=self.pid, when=when)


def lock_path_for(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".lock")


def _me(program: str) -> LockHolder:
    try:
        user = getpass.getuser()
    except Exception:  # no login name (a service account without USERNAME)
        user = "?"
    return LockHolder(socket.gethostname(), user, os.getpid(), datetime.now().replace(microsecond=0).isoformat(), program)


def read_holder(lock_file: Path) -> LockHolder | None:
    """Who wrote the lock file (it may be stale: only the OS lock says whether they still run)."""
    try:
        with open(lock_file, "rb") as f:
            raw = f.read(4096)
        data = json.loads(raw.split(b"\0", 1)[0].decode("utf-8"))
        return LockHolder(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]), str(data.get("program", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _os_lock(f: IO[bytes]) -> bool:
    """Try to take the OS lock on ``f`` without waiting."""
    if sys.platform == "win32":
        import msvcrt

        f.seek(LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(f: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        f.seek(LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(f.fileno(), fcntl.LOCK_UN)


class _Held:
    def __init__(self, handle: IO[bytes], path: Path) -> None:
        self.handle = handle
        self.path = path
        self.count = 1


_held: dict[str, _Held] = {}
_guard = threading.Lock()


class WriteLock:
    """The lock on one database file for this process (``release()`` once per ``acquire_write_lock``)."""

    def __init__(self, key: str, lock_file: Path) -> None:
        self._key = key
        self.path = lock_file
        self._released = False

    def release(self) -> None:
        with _guard:
            if self._released:
                return
            self._released = True
            held = _held.get(self._key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[self._key]
            try:
                _os_unlock(held.handle)
            finally:
                held.handle.close()
            # The file is left in place: deleting it could race with another process that has just opened it.

    def __enter__(self) -> WriteLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire_write_lock(db_file: Path, *, program: str = "") -> WriteLock:
    """Take the write lock of ``db_file`` or raise ``DatabaseLocked`` naming who holds it."""
    db_file = Path(db_file).expanduser().resolve()
    lock_file = lock_path_for(db_file)
    key = os.path.normcase(str(lock_file))
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return WriteLock(key, lock_file)
        try:
            handle = open(lock_file, "a+b")  # noqa: SIM115 - kept open while the lock is held
        except OSError as exc:
            raise DatabaseError(translate("services.locking", "Could not create the lock file “{file}”: {error}."
                                          ).format(file=lock_file, error=exc)) from exc
        if not _os_lock(handle):
            handle.close()
            holder = read_holder(lock_file)
            who = holder.describe() if holder else translate("services.locking", "another program")
            raise DatabaseLocked(
                translate("services.locking", "The database “{name}” is open for writing by {who}. Two programs "
                          "writing one file can lose data: close the other program, then open it again.").format(
                    name=db_file.name, who=who)
            )
        me = _me(program or Path(sys.argv[0] or "canbo").name)
        text = json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
        try:
            handle.seek(0)
            handle.truncate(0)
            handle.write(text + b"\0")
            handle.flush()
        except OSError:
            pass  # the OS lock is what counts; the text only names the holder
        _held[key] = _Held(handle, lock_file)
        return WriteLock(key, lock_file)


def current_holder(db_file: Path) -> LockHolder | None:
    """Who holds the write lock now (None when nobody runs: a left-over lock file is stale)."""
    db_file = Path(db_file).expanduser().resolve()
    lock_file = lock_path_for(db_file)
    if not lock_file.exists():
        return None
    key = os.path.normcase(str(lock_file))
    with _guard:
        if key in _held:
            return read_holder(lock_file)
    try:
        with open(lock_file, "a+b") as f:
            if _os_lock(f):
                _os_unlock(f)
                return None
    except OSError:
        return None
    return read_holder(lock_file)


__all__ = [
    "DatabaseLocked",
    "LockHolder",
    "NetworkShareRefused",
    "WriteLock",
    "acquire_write_lock",
    "current_holder",
    "is_unc",
    "lock_path_for",
    "mount_fs_type",
    "network_reason",
    "parse_mounts",
    "read_holder",
    "refuse_network_share",
]
