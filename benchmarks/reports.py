"""Report benchmarks on the 100,000-cadre province: the targets dashboard (now and at a past date), the
statistics tables, a drill-down list.

The dashboard of today keeps its per-unit counts between views (``db/count_cache.py``): the first scenario
empties them before each run (everyone counted), the second opens it again with nothing changed. The dashboard
opened after a clerk's edit (the edited unit recounted) is measured by the growth table, on a copy it may edit.

``run_reports_benchmark(db_path)`` returns ``{"results": [...]}``; each result has the keys the other
scenarios of ``benchmarks/__main__.py`` print (scenario, median_ms, budget_ms, floor, floor_ms, ratio).
The floor is the bare ``GROUP BY`` count of the active cadres per unit, run through the same SQLite
library on the same file: the least any per-unit report costs. Floor and service runs are interleaved and
both medians come from the same run, because these machines are shared and noisy (CPU times are given too).

The database is opened read-only (``mode=ro&immutable=1``) with the application's connection settings. A
database behind the application's schema revision (the cache built before revision 0002 lacks the reports'
indexes: the count then reads the wide rows and sorts everyone by unit) is reported (``revision`` and a
warning); ``--upgrade`` brings it to the head first, as the application does when it opens a file (no other
benchmark may be reading the file meanwhile).

Run alone: ``python -m benchmarks.reports [--upgrade] [DB_PATH]`` (default: the cached province database).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event

from canbo_desktop.db import count_cache
from canbo_desktop.db.migrate import HEAD_REVISION
from canbo_desktop.db.uow import uow_factory
from canbo_desktop.services import reports as reports_svc

CACHE = Path(__file__).resolve().parent / ".cache" / "province-100k-seed1.db"
FLOOR_SQL = ("SELECT owner_unit_id, count(*) FROM cadre WHERE deleted = 0 AND trashed_at IS NULL AND status IN "
             "('dang_cong_tac', 'biet_phai', 'nghi_khong_luong') GROUP BY owner_unit_id")


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    # what db/engine.py sets on every connection of the application (sorts in memory)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _read_only_engine(path: str) -> Any:
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true")
    event.listen(engine, "connect", _pragmas)
    return engine


def schema_revision(path: str) -> str | None:
    """The revision stamped in the file (read-only)."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return str(row[0]) if row else None


def upgrade(path: str) -> str:
    """Bring the file to the application's head revision (what opening it in the application does)."""
    from canbo_desktop.db.engine import make_engine
    from canbo_desktop.db.migrate import ensure_schema

    engine = make_engine(path)
    try:
        return ensure_schema(engine, backup=False)
    finally:
        engine.dispose()


def _paired(service: Callable[[], Any], floor: Callable[[], Any], repeat: int, warmup: int = 1) -> dict[str, float]:
    """Medians (wall) and minimums (CPU) of ``service`` and ``floor``, run alternately."""
    for _ in range(warmup):
        floor()
        service()
    walls: dict[str, list[float]] = {"s": [], "f": []}
    cpus: dict[str, list[float]] = {"s": [], "f": []}
    for _ in range(repeat):
        for key, fn in (("f", floor), ("s", service)):
            c, w = time.process_time(), time.perf_counter()
            fn()
            walls[key].append(time.perf_counter() - w)
            cpus[key].append(time.process_time() - c)
    return {"median_ms": statistics.median(walls["s"]) * 1000, "floor_ms": statistics.median(walls["f"]) * 1000,
            "cpu_ms": min(cpus["s"]) * 1000, "floor_cpu_ms": min(cpus["f"]) * 1000}


def _result(scenario: str, budget: float, m: dict[str, float], **extra: Any) -> dict[str, Any]:
    return {"scenario": scenario, "median_ms": round(m["median_ms"], 1), "budget_ms": budget,
            "floor": "bare GROUP BY count of active cadres per unit (sqlite3)", "floor_ms": round(m["floor_ms"], 1),
            "ratio": round(m["median_ms"] / m["floor_ms"], 2) if m["floor_ms"] else None,
            "cpu_ms": round(m["cpu_ms"], 1), "floor_cpu_ms": round(m["floor_cpu_ms"], 1),
            "cpu_ratio": round(m["cpu_ms"] / m["floor_cpu_ms"], 2) if m["floor_cpu_ms"] else None, **extra}


def run_reports_benchmark(db_path: str, *, repeat: int = 9, at: date | None = None) -> dict[str, Any]:
    """The report scenarios on ``db_path`` (read-only). ``at``: the past date of the as-of scenarios
    (default 31/12 of last year)."""
    revision = schema_revision(db_path)
    if revision != HEAD_REVISION:
        print(f"warning: {db_path} is at schema revision {revision}, the application at {HEAD_REVISION}: the figures "
              "are those of a database not yet upgraded (python -m benchmarks.reports --upgrade)", file=sys.stderr)
    engine = _read_only_engine(db_path)
    uowf = uow_factory(engine, "bench")
    raw = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    raw.execute("PRAGMA temp_store = MEMORY")

    def floor() -> None:
        raw.execute(FLOOR_SQL).fetchall()

    past = at or date(date.today().year - 1, 12, 31)
    results = []
    report = reports_svc.targets_report(uowf)

    def first_view() -> None:
        count_cache.clear()
        reports_svc.targets_report(uowf)

    m = _paired(first_view, floor, repeat)
    results.append(_result("targets dashboard, whole province (3,000 units)", 300, m, rows=len(report.rows),
                           people=sum(r.denominator for r in report.for_unit(report.root.id)[-2:-1]),
                           revision=revision, counts="everyone counted (the first view, or the count made "
                                                     "ahead in the background after start)"))
    m = _paired(lambda: reports_svc.targets_report(uowf), floor, repeat)
    results.append(_result("targets dashboard opened again, nothing changed", 300, m, counts=count_cache.last_outcome[-1]))
    m = _paired(lambda: reports_svc.targets_report(uowf, at=past), floor, max(3, repeat // 2))
    results.append(_result(f"targets dashboard as of {past:%d/%m/%Y} (rebuilt)", 1000, m))
    m = _paired(lambda: reports_svc.statistics_report(uowf), floor, max(3, repeat // 2))
    results.append(_result("statistics tables, whole province", 1000, m))
    m = _paired(lambda: reports_svc.statistics_report(uowf, at=past), floor, max(3, repeat // 2))
    results.append(_result(f"statistics tables as of {past:%d/%m/%Y}", 1000, m))
    m = _paired(lambda: reports_svc.target_people(uowf, "can_bo_nu", part="numerator"), floor, max(3, repeat // 2))
    results.append(_result("drill-down: women leaders of the province (names)", 300, m))
    raw.close()
    engine.dispose()
    return {"results": results}


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "--upgrade"]
    path = args[0] if args else str(CACHE)
    if "--upgrade" in argv:
        print(f"{path}: {upgrade(path)}", file=sys.stderr)
    out = run_reports_benchmark(path)
    print(f"{'scenario':52} {'median':>9} {'budget':>7} {'floor':>8} {'ratio':>6} {'cpu':>8} {'cpu ratio':>9}")
    for r in out["results"]:
        ok = "ok" if r["median_ms"] <= r["budget_ms"] else "OVER"
        print(f"{r['scenario']:52} {r['median_ms']:>7.1f}ms {r['budget_ms']:>5}ms {r['floor_ms']:>6.1f}ms "
              f"{r['ratio']!s:>6} {r['cpu_ms']:>6.1f}ms {r['cpu_ratio']!s:>9} {ok}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
