"""A throw-away PostgreSQL server for the tests that need one (real server, never a mock).

``CANBO_TEST_DB_URL`` wins when set (CI may start its own). Otherwise the Debian/Ubuntu server binaries
(``postgresql`` package) are used to start a private instance in a temporary folder; as root the
server runs as the ``postgres`` user, because initdb refuses root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    if found:
        return Path(found[-1])
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempPostgres:
    def __init__(self) -> None:
        self.url = os.environ.get("CANBO_TEST_DB_URL", "")
        self.dir: Path | None = None
        self.bin: Path | None = None

    def start(self) -> str:
        if self.url:
            return self.url
        self.bin = _bin_dir()
        if self.bin is None:
            raise RuntimeError(
                "Cần máy chủ PostgreSQL cho các kiểm thử PostgreSQL: cài gói 'postgresql' "
                "(sudo apt-get install -y postgresql) hoặc đặt CANBO_TEST_DB_URL."
            )
        self.dir = Path(tempfile.mkdtemp(prefix="canbo-pg-"))
        port = _free_port()
        as_root = os.geteuid() == 0
        prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
        if as_root:
            shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir / "data"
        subprocess.run(prefix + [str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                 "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        subprocess.run(prefix + [str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "server.log"), "-w",
                                 "-t", "60", "-o", f"-k {self.dir} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
                                 "-c synchronous_commit=off -c full_page_writes=off", "start"], check=True, capture_output=True)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        return self.url

    def stop(self) -> None:
        if self.dir is None or self.bin is None:
            return
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + [str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
