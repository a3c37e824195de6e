"""Peak memory of the GUI on the 100,000-cadre database, against the floor: a bare ``QApplication`` with
an empty ``QMainWindow`` shown. Each runs in its own process (offscreen); the peak is the kernel's high
water mark of the resident set (``VmHWM`` in ``/proc/self/status``; ``ru_maxrss`` elsewhere).

The GUI child does what a clerk's busy session does: the main window with its list, the whole list
scrolled to its last row (100,000 rows held), a record opened in the editor, then the Reports page
opened with its targets dashboard computed for the province.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, entry

BUDGET_MB = 400


def rss_mb() -> dict[str, float]:
    """Current and peak resident set of this process, in MB."""
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out["rss" if line.startswith("VmRSS") else "peak"] = int(line.split()[1]) / 1024
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out["peak"] = out["rss"] = peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {k: round(v, 1) for k, v in out.items()}


def child_floor() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1366, 768)
    w.show()
    for _ in range(5):
        app.processEvents()
    print("RESULT " + json.dumps({"phases": {"shown": rss_mb()}}), flush=True)
    os._exit(0)


def child_gui(db_path: str) -> None:
    from benchmarks.gui import make_window, pump, scroll_to_end, wait_until

    phases: dict[str, dict[str, float]] = {}
    app, w, tasks, _db = make_window(Path(db_path))
    wait_until(lambda: w.model.rowCount() > 0)
    phases["window and first page"] = rss_mb()
    scroll_to_end(app, w)
    phases[f"list scrolled to the end ({w.model.rowCount()} rows)"] = rss_mb()
    wait_until(lambda: bool(w.codes))
    row = w.model.row_at(w.model.rowCount() // 2)
    editor = w.open_cadre(row.id if row else None)
    wait_until(lambda: editor is not None and editor.file.cadre.id == (row.id if row else ""), 30_000)
    pump(300)
    phases["a record open in the editor"] = rss_mb()
    from canbo_desktop.ui.main_window import SECTIONS

    if "reports" in {key for key, _label in SECTIONS}:
        w.show_section("reports")
        pump(200)
        wait_until(lambda: tasks._db.activeThreadCount() == 0 and tasks._general.activeThreadCount() == 0, 60_000)
        pump(500)
        phases["reports page with the province's dashboard"] = rss_mb()
    print("RESULT " + json.dumps({"phases": phases}), flush=True)
    os._exit(0)


def _child(args: list[str]) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "benchmarks.memory", "--child", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[7:])
            return result
    raise RuntimeError(f"memory child {args[0]} did not report: {proc.stderr[-2000:]}")


def run_memory_benchmark(db_path: Path) -> list[dict[str, Any]]:
    floor = _child(["floor"])["phases"]["shown"]["peak"]
    phases = _child(["gui", str(db_path)])["phases"]
    peak = max(p["peak"] for p in phases.values())
    note = "; ".join(f"{name}: {p['rss']:.0f} MB" for name, p in phases.items())
    return [entry("peak memory of the GUI on 100k (scroll all, record, reports)", "memory", median=peak,
                  budget=BUDGET_MB, unit="MB", floor="bare QApplication + empty QMainWindow (peak RSS)",
                  floor_value=floor, phases=phases, note=f"RSS after each phase: {note}")]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        if argv[1] == "floor":
            child_floor()
        else:
            child_gui(argv[2])
        return 0
    from benchmarks.common import format_table, province_db

    print(format_table(run_memory_benchmark(Path(argv[0]) if argv else province_db())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
