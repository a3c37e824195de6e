"""Cold start: a new process until the main window is shown with the first page of the 100,000-cadre list
painted, against the floor: a new process showing a bare ``QApplication`` + empty ``QMainWindow``.

Both are timed the same way, from ``Popen`` in this process to the child's line on stdout written right
after the paint (so both include the interpreter's start and the import of PySide6). Offscreen platform.

The child runs the real ``canbo_desktop.app.main`` (``python -m benchmarks.startup --child app DB``) with
benchmark drivers patched in, no hook in the application itself. The drivers import PySide6 and the login
dialog's module before ``main()`` — which imports them first anyway on this database: a current file with
accounts shows its login before the data layer is loaded (``db/peek.py``, ``app._sign_in_while_opening``).

* the **login dialog**: when it is shown the driver notes the time, waits while the clerk types
  (:data:`TYPING_S`; the application goes on with its events: the data layer loads in the background and the
  main window's modules are imported), fills in the password (``CANBO_PASSWORD``, the demo's by default) and
  presses "Đăng nhập". What is counted is what the clerk waits for: the whole run less the nominal typing
  time and less the Argon2id check (deliberately slow; ``PasswordHasher.verify``/``hash``, wall and CPU,
  reported apart). Everything else is counted, the rest of the login included (the account's row, its
  counters, the audit entry). Each round also runs the app with the password entered the instant the
  login shows (reported as ``no_typing_ms``): then the data layer's load is all waited for.
* the **main window**: once its first list page has arrived and the table has been painted, the
  driver prints the times and leaves.

The children run with their bytecode cached (``PYTHONPYCACHEPREFIX`` in the scratch folder, written by
the warm-up runs), as an installed program has it: a shell or container that sets
``PYTHONDONTWRITEBYTECODE`` would otherwise make every start compile the whole package from source.

The app runs on a hard link to the cached database in a scratch folder beside it (same file, own
``backups/`` folder, own settings and logs); a marker there says today's backup is made, because
the first start of a day also copies the database in the background, which is not the start we time.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.common import CACHE, ROOT, entry

BUDGET_MS = 1500
RATIO_BUDGET = 2.0
TYPING_S = 1.5  # the clerk typing the password (9 characters): not counted, the application works meanwhile
DEMO_PASSWORD = "canbo2026"  # services/demo.DEMO_PASSWORD (not imported: this module must start fast)


# -- the children -----------------------------------------------------------------------------------
def _cpu() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_SELF)  # the child's CPU until now (all threads): less noisy than wall
    return ru.ru_utime + ru.ru_stime


def _report(**times: float) -> None:
    print("READY " + json.dumps({**times, "cpu_s": _cpu()}), flush=True)


def child_floor() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1366, 768)

    def done() -> None:
        _report()
        os._exit(0)

    class Painted(QObject):
        def eventFilter(self, obj: Any, ev: Any) -> bool:  # noqa: N802
            if ev.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, done)
            return False

    f = Painted()
    w.installEventFilter(f)
    w.show()
    app.exec()


def _install_drivers(marks: dict[str, float], durations: dict[str, float], keep: list[Any], typing_s: float) -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer

    from canbo_desktop.ui.dialogs import login as login_module

    def watch_main_window() -> None:
        from canbo_desktop.ui.main_window import MainWindow

        original_show = MainWindow.show

        def show_main(self: MainWindow) -> None:
            original_show(self)
            marks.setdefault("window_shown", time.perf_counter())

            class Painted(QObject):
                def eventFilter(self, obj: Any, ev: Any) -> bool:  # noqa: N802
                    if ev.type() == QEvent.Type.Paint and window.model.rowCount() > 0:
                        QTimer.singleShot(0, done)
                    return False

            def done() -> None:
                marks["painted"] = time.perf_counter()
                durations["shown_painted_thread_cpu_s"] = time.thread_time() - durations["login_done_thread_cpu_s"]
                _report(**{k: v - marks["t0"] for k, v in marks.items() if k != "t0"}, **durations,
                        rows=window.model.rowCount(), typing_s=typing_s)
                os._exit(0)

            window = self
            f = Painted()
            keep.append(f)
            self.table.viewport().installEventFilter(f)

        MainWindow.show = show_main  # type: ignore[method-assign,assignment]

    def time_password_hashing() -> None:
        # the Argon2 work (slow on purpose) is what is not counted: the rest of the login (the account's row,
        # its counters, the audit entry) is. Patched when the password is entered: importing argon2 earlier
        # would move its import into the start being timed.
        import argon2

        original_verify, original_hash = argon2.PasswordHasher.verify, argon2.PasswordHasher.hash

        def timed(fn: Any) -> Any:
            def run(*args: Any, **kwargs: Any) -> Any:
                t, c = time.perf_counter(), _cpu()
                try:
                    return fn(*args, **kwargs)
                finally:  # its CPU too: Argon2 hashes on several threads (parallelism 4)
                    durations["password_check_s"] = durations.get("password_check_s", 0.0) + time.perf_counter() - t
                    durations["password_cpu_s"] = durations.get("password_cpu_s", 0.0) + _cpu() - c
            return run

        argon2.PasswordHasher.verify = timed(original_verify)  # type: ignore[method-assign]
        argon2.PasswordHasher.hash = timed(original_hash)  # type: ignore[method-assign]

    def exec_login(self: login_module.LoginDialog) -> int:
        self.show()
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # painted
        marks["login_shown"] = time.perf_counter()
        if typing_s > 0:  # the clerk types the password: the application goes on with its events meanwhile
            # a precise timer: Qt's default for 1.5 s is a coarse one, which may fire up to 5 % (75 ms) early, and
            # the nominal pause is what is subtracted; never early, a late Enter (GUI thread busy) is counted
            pause = QEventLoop()
            timer = QTimer()
            timer.setSingleShot(True)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(pause.quit)
            timer.start(int(typing_s * 1000))
            pause.exec()
            durations["pause_s"] = time.perf_counter() - marks["login_shown"]
        marks["enter"] = time.perf_counter()
        time_password_hashing()
        self.password.setText(os.environ.get("CANBO_PASSWORD", DEMO_PASSWORD))
        ok = self.try_login()
        marks["login_done"] = time.perf_counter()
        durations["login_done_thread_cpu_s"] = time.thread_time()  # the GUI thread's own CPU (less noisy than wall)
        if ok:
            watch_main_window()
        return int(login_module.LoginDialog.DialogCode.Accepted if ok else login_module.LoginDialog.DialogCode.Rejected)

    login_module.LoginDialog.exec = exec_login  # type: ignore[method-assign,assignment]


def child_app(db_path: str) -> None:
    from canbo_desktop import app as app_module  # light: no Qt, no SQLAlchemy

    marks: dict[str, float] = {}  # times since t0 (the child's start of main())
    durations: dict[str, float] = {}
    keep: list[Any] = []
    # the drivers import PySide6 and the login dialog's module (no data layer), which main() imports first
    # anyway when it shows the login before the data layer (db/peek.py: a current file with accounts, as here)
    _install_drivers(marks, durations, keep, float(os.environ.get("CANBO_BENCH_TYPING_S", "0")))
    marks["t0"] = time.perf_counter()
    code = app_module.main(["--db", db_path, "--user", os.environ.get("CANBO_USER", "admin")])
    print(f"FAILED app exited with {code} before painting its list", flush=True)
    sys.exit(1)


# -- the parent -------------------------------------------------------------------------------------
def _scratch(db: Path) -> Path:
    """A folder beside the cache holding a hard link to ``db`` (copied when linking is impossible)."""
    folder = Path(tempfile.mkdtemp(prefix="startup-", dir=CACHE))
    link = folder / db.name
    try:
        os.link(db, link)
    except OSError:
        shutil.copy2(db, link)
    backups = folder / "backups"
    backups.mkdir()
    (backups / f"canbo-{datetime.now():%Y%m%d}-000000-hang-ngay.db").write_bytes(b"")  # today's backup is made
    return link


def _env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "CANBO_DATA_DIR": str(scratch / "data"),
                "XDG_CONFIG_HOME": str(scratch / "config"),
                "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
                # as installed: the modules' bytecode is compiled once (the warm-up runs write it here, outside
                # the source tree), not compiled from source at every start (0.15–0.4 s of CPU when
                # PYTHONDONTWRITEBYTECODE is set, as it is in some shells and containers)
                "PYTHONPYCACHEPREFIX": str(scratch / "pycache")})
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("CANBO_PASSWORD", DEMO_PASSWORD)
    return env


def _run(args: list[str], env: dict[str, str], timeout: float = 120) -> tuple[float, dict[str, Any]]:
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.startup", "--child", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    detail: dict[str, Any] = {}
    wall = -1.0
    try:
        for line in proc.stdout:
            if line.startswith("READY "):
                wall = time.perf_counter() - t
                detail = json.loads(line[6:])
                break
            if line.startswith("FAILED"):
                break
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if wall < 0:
        err = proc.stderr.read() if proc.stderr else ""
        raise RuntimeError(f"startup child {args[0]} did not report: {err[-2000:]}")
    return wall * 1000, detail


def run_startup_benchmark(db_path: Path, *, repeat: int = 9) -> list[dict[str, Any]]:
    link = _scratch(db_path)
    scratch = link.parent
    typed = {"CANBO_BENCH_TYPING_S": str(TYPING_S)}
    at_once = {"CANBO_BENCH_TYPING_S": "0"}
    try:
        env = _env(scratch)
        _run(["floor"], env)  # warm the file cache for both (Qt's libraries, the fonts, the database pages)
        _run(["app", str(link)], {**env, **at_once})
        floors, apps, serial, details, floor_cpu = [], [], [], [], []
        for _ in range(repeat):
            wall, d = _run(["floor"], env)
            floors.append(wall)
            floor_cpu.append(d["cpu_s"] * 1000)
            # the clerk's wait: everything but their typing and the Argon2 check (the nominal pause is subtracted:
            # if the application kept the GUI thread busy when the clerk pressed Enter, that delay is counted)
            wall, d = _run(["app", str(link)], {**env, **typed})
            apps.append(wall - (d.get("password_check_s", 0.0) + TYPING_S) * 1000)
            details.append({**d, "wall_ms": round(wall, 1)})
            wall, d = _run(["app", str(link)], {**env, **at_once})  # the password entered the instant it shows
            serial.append(wall - d.get("password_check_s", 0.0) * 1000)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    med, floor = statistics.median(apps), statistics.median(floors)
    last = details[-1]
    login = "login_shown" in last
    pw = statistics.median(d.get("password_check_s", 0) for d in details) * 1000
    shown = statistics.median(d["login_shown"] for d in details) * 1000 if login else 0.0
    after = statistics.median(d["painted"] - d["enter"] - d.get("password_check_s", 0) for d in details) * 1000 \
        if login else 0.0
    gui_cpu = statistics.median(d.get("shown_painted_thread_cpu_s", 0) for d in details) * 1000 if login else 0.0
    fcpu = statistics.median(floor_cpu)
    cpu = statistics.median(d["cpu_s"] * 1000 - d.get("password_cpu_s", 0) * 1000 for d in details)
    note = (f"the clerk waits: start → login shown {shown:.0f} ms (in-process), Enter → list painted {after:.0f} ms "
            f"(without the Argon2 check, {pw:.0f} ms, and the {TYPING_S:g} s of typing, during which the data layer "
            f"loads and the main window is built; after the check the GUI thread's own CPU is {gui_cpu:.0f} ms); password entered the instant the login shows: {statistics.median(serial):.0f} ms; "
            f"CPU {cpu:.0f} ms vs floor {fcpu:.0f} ms; ratio run by run: median "
            f"{statistics.median(a / f for a, f in zip(apps, floors, strict=True)):.2f}"
            if login else "no login (the database has no accounts)")
    return [entry("cold start to an interactive main window on 100k", "startup", median=round(med, 1),
                  budget=BUDGET_MS, floor="new process: bare QApplication + empty QMainWindow shown",
                  floor_value=round(floor, 1), ratio_budget=RATIO_BUDGET, note=note, runs_ms=[round(a, 1) for a in apps],
                  floor_runs_ms=[round(f, 1) for f in floors], password_check_ms=round(pw, 1), typing_s=TYPING_S,
                  pair_ratios=[round(a / f, 2) for a, f in zip(apps, floors, strict=True)],  # run by run
                  median_pair_ratio=round(statistics.median(a / f for a, f in zip(apps, floors, strict=True)), 2),
                  login_shown_ms=round(shown, 1), enter_to_painted_ms=round(after, 1),
                  after_login_gui_cpu_ms=round(gui_cpu, 1),
                  no_typing_ms=round(statistics.median(serial), 1), no_typing_runs_ms=[round(a, 1) for a in serial],
                  rows_painted=last.get("rows"), through_login=login, cpu_ms=round(cpu, 1),
                  floor_cpu_ms=round(fcpu, 1), cpu_ratio=round(cpu / fcpu, 2) if fcpu else None)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        if argv[1] == "floor":
            child_floor()
        else:
            child_app(argv[2])
        return 0
    from benchmarks.common import format_table, province_db

    print(format_table(run_startup_benchmark(Path(argv[0]) if argv else province_db())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
