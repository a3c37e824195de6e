"""The start of the program (``canbo_desktop.app.main``) in a real process: on a current database with accounts
the login dialog shows before the data layer is loaded, and the database opens behind it while the clerk types
(issue 13); whatever keeps the database from opening is told in Vietnamese and nothing opens; a database the
quick look cannot vouch for (older schema, not a database) takes the usual path.

The child runs the real ``main()`` with three drivers: the login dialog types the given passwords one after
the other, each after a pause, in its real event loop; message boxes print their text; the main window prints
its user and its first rows, then leaves."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from canbo_desktop.db.peek import HEAD_REVISION, peek_login
from canbo_desktop.services.demo import DEMO_PASSWORD
from canbo_desktop.services.locking import acquire_write_lock

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent('''
    import json, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from canbo_desktop import app
    from canbo_desktop.ui.dialogs import login as login_module

    def say(kind, **data):
        print(kind + " " + json.dumps(data, ensure_ascii=False), flush=True)

    def critical(parent, title, text, *args, **kwargs):
        say("CRITICAL", text=text)
        return QMessageBox.StandardButton.Ok

    QMessageBox.critical = staticmethod(critical)
    original_init, original_exec = login_module.LoginDialog.__init__, login_module.LoginDialog.exec

    def init(self, *args, **kwargs):
        say("LOGIN", data_layer_loaded="sqlalchemy" in sys.modules, office=kwargs.get("office_name", ""),
            user=args[1] if len(args) > 1 else "")
        original_init(self, *args, **kwargs)

    def exec_(self):
        passwords = json.loads(os.environ["TEST_PASSWORDS"])

        def attempt():
            if not passwords:
                return
            if os.environ.get("TEST_WAIT_PREPARED") and not rehearsed:  # the clerk types slowly: until it is ready
                QTimer.singleShot(100, attempt)
                return
            if os.environ.get("TEST_USERNAME"):  # the clerk signs in under another name than the one filled in
                self.username.setText(os.environ["TEST_USERNAME"])
            self.password.setText(passwords.pop(0))
            if not self.try_login():
                say("REFUSED", text=self.error.text())
                QTimer.singleShot(200, attempt)

        QTimer.singleShot(int(float(os.environ.get("TEST_TYPING_S", "0.3")) * 1000), attempt)
        result = original_exec(self)
        if result == login_module.LoginDialog.DialogCode.Accepted:
            watch_main_window()  # imported once signed in (importing it earlier would load the data layer)
        return result

    login_module.LoginDialog.__init__ = init
    login_module.LoginDialog.exec = exec_
    rehearsed = []
    original_rehearse = app._Prepared._rehearse

    def rehearse(self, rows):
        original_rehearse(self, rows)
        rehearsed.append(True)

    app._Prepared._rehearse = rehearse

    def watch_main_window():
        from canbo_desktop.ui.main_window import MainWindow
        original_show = MainWindow.show

        def show(self):
            original_show(self)
            waited = [0]

            def check():
                waited[0] += 1
                if self.model.rowCount() > 0 or waited[0] > 400:
                    name = self.model.row_at(0).full_name if self.model.rowCount() else ""
                    say("MAIN", user=self.user, rows=self.model.rowCount(), first=name)
                    os._exit(0)
                QTimer.singleShot(25, check)

            check()

        MainWindow.show = show

    code = app.main(sys.argv[1:])
    say("EXIT", code=code)
    sys.exit(code)
''')


def run_app(db: Path, tmp_path: Path, passwords: list[str], *, user: str = "admin", typing_s: float = 0.3,
            timeout: float = 120, sign_in_as: str = "",
            wait_prepared: bool = False) -> tuple[int, list[tuple[str, dict[str, Any]]], str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "CANBO_DATA_DIR": str(tmp_path / "data"),
                "XDG_CONFIG_HOME": str(tmp_path / "config"), "TEST_PASSWORDS": json.dumps(passwords),
                "TEST_TYPING_S": str(typing_s), "TEST_USERNAME": sign_in_as,
                "TEST_WAIT_PREPARED": "1" if wait_prepared else "",
                "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")})
    env.pop("CANBO_DB", None)
    proc = subprocess.run([sys.executable, "-c", DRIVER, "--db", str(db), "--user", user], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    events = []
    for line in proc.stdout.splitlines():
        kind, _, data = line.partition(" ")
        if kind in {"LOGIN", "REFUSED", "CRITICAL", "MAIN", "EXIT"}:
            events.append((kind, json.loads(data)))
    return proc.returncode, events, proc.stderr


def office_name(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("SELECT u.name FROM local_node n JOIN org_unit u ON u.id = n.unit_id").fetchone()[0])
    finally:
        con.close()


def test_the_login_shows_before_the_data_layer_and_the_list_opens_behind_it(demo_db_path: Path, tmp_path: Path) -> None:
    code, events, err = run_app(demo_db_path, tmp_path, ["sai-mat-khau", DEMO_PASSWORD])
    kinds = [k for k, _ in events]
    assert kinds == ["LOGIN", "REFUSED", "MAIN"], (events, err[-3000:])
    login, refused, main = (d for _, d in events)
    assert login == {"data_layer_loaded": False, "office": office_name(demo_db_path), "user": "admin"}
    assert "Sai tên đăng nhập hoặc mật khẩu" in refused["text"]
    assert main["user"] == "admin" and main["rows"] > 0 and main["first"]
    assert code == 0


def test_a_clerk_who_types_before_the_database_is_open_waits_for_it_and_gets_in(demo_db_path: Path,
                                                                                tmp_path: Path) -> None:
    code, events, err = run_app(demo_db_path, tmp_path, [DEMO_PASSWORD], user="canbo", typing_s=0)
    assert [k for k, _ in events] == ["LOGIN", "MAIN"], (events, err[-3000:])
    assert events[1][1]["user"] == "canbo" and code == 0


def app_log(tmp_path: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "data").rglob("*.log"))


def audit_rows(db: Path, actor: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM audit_log WHERE actor = ?", (actor,)).fetchone()[0])
    finally:
        con.close()


def test_while_the_clerk_types_the_main_window_is_built_and_painted_behind_the_login(demo_db_path: Path,
                                                                                    tmp_path: Path) -> None:
    code, events, err = run_app(demo_db_path, tmp_path, [DEMO_PASSWORD], wait_prepared=True)
    assert [k for k, _ in events] == ["LOGIN", "MAIN"], (events, err[-3000:])
    assert events[1][1]["user"] == "admin" and events[1][1]["rows"] > 0 and code == 0
    log = app_log(tmp_path)
    assert "main window built behind the login" in log and "main window painted behind the login" in log, log
    assert "closed unused" not in log


def test_a_clerk_who_signs_in_under_another_name_gets_a_window_of_their_own(demo_db_path: Path,
                                                                           tmp_path: Path) -> None:
    """The window built for the name filled in (admin) is closed unused: canbo's opens, and nothing was done
    in admin's name."""
    admin_before = audit_rows(demo_db_path, "admin")
    code, events, err = run_app(demo_db_path, tmp_path, [DEMO_PASSWORD], sign_in_as="canbo", wait_prepared=True)
    assert [k for k, _ in events] == ["LOGIN", "MAIN"], (events, err[-3000:])
    assert events[0][1]["user"] == "admin" and events[1][1]["user"] == "canbo" and events[1][1]["rows"] > 0
    log = app_log(tmp_path)
    assert "main window built behind the login" in log and "main window built for another user closed unused" in log
    assert audit_rows(demo_db_path, "admin") == admin_before and code == 0


def test_a_database_another_program_is_writing_is_named_and_nothing_opens(demo_db_path: Path, tmp_path: Path) -> None:
    held = acquire_write_lock(demo_db_path, program="kiểm thử")
    try:
        code, events, err = run_app(demo_db_path, tmp_path, [DEMO_PASSWORD], typing_s=3)
    finally:
        held.release()
    kinds = [k for k, _ in events]
    assert kinds[0] == "LOGIN" and "CRITICAL" in kinds and "MAIN" not in kinds, (events, err[-3000:])
    text = dict(events)["CRITICAL"]["text"]
    assert "đang được mở để ghi" in text and "tiến trình số" in text, text  # who holds it, in Vietnamese
    assert code == dict(events)["EXIT"]["code"] != 0


def test_an_older_schema_is_upgraded_the_usual_way_before_the_login(demo_db_path: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_db_path)
    con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.commit()
    con.close()
    assert peek_login(str(demo_db_path)) is None
    code, events, err = run_app(demo_db_path, tmp_path, [DEMO_PASSWORD])
    assert [k for k, _ in events] == ["LOGIN", "MAIN"], (events, err[-3000:])
    assert events[0][1]["data_layer_loaded"] is True  # opened (and upgraded) first, then the login
    con = sqlite3.connect(demo_db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]
    con.close()
    assert any("nang-cap" in p.name or "nâng" in p.name or "cap" in p.name
               for p in (demo_db_path.parent / "backups").iterdir())  # the backup before the upgrade
    assert code == 0


def test_a_file_that_is_not_a_database_is_refused_in_vietnamese(tmp_path: Path) -> None:
    bad = tmp_path / "hong.db"
    bad.write_bytes(b"day khong phai la co so du lieu SQLite" * 200)
    before = bad.read_bytes()
    code, events, err = run_app(bad, tmp_path, [DEMO_PASSWORD])
    assert [k for k, _ in events] == ["CRITICAL", "EXIT"], (events, err[-3000:])
    assert "không phải là cơ sở dữ liệu" in events[0][1]["text"]
    assert code == events[1][1]["code"] != 0 and bad.read_bytes() == before


# -- the quick look itself ----------------------------------------------------------------------------------

def test_the_quick_look_vouches_only_for_a_current_local_file_with_accounts(demo_db_path: Path, empty_db_path: Path,
                                                                          tmp_path: Path) -> None:
    assert peek_login(str(demo_db_path)) == office_name(demo_db_path)
    assert peek_login(str(empty_db_path)) is None  # no account yet: the first-run wizard
    assert peek_login(str(tmp_path / "khong-co.db")) is None
    assert peek_login("postgresql+psycopg://canbo@may-chu/canbo") is None
    assert peek_login("") is None
    (tmp_path / "rong.db").write_bytes(b"")
    assert peek_login(str(tmp_path / "rong.db")) is None
    (tmp_path / "rac.db").write_bytes(os.urandom(8192))
    assert peek_login(str(tmp_path / "rac.db")) is None
    newer = shutil.copyfile(demo_db_path, tmp_path / "moi-hon.db")
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert peek_login(str(newer)) is None  # a newer program's file: the usual path refuses it with its message
    assert (tmp_path / "khong-co.db").exists() is False  # looking never creates a file
