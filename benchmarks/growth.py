"""How each cost grows from 1,000 to 10,000 to 100,000 cadres (the province tree of 3,000 units each time,
demo seed 1, cached in ``benchmarks/.cache``).

Interactive operations should stay flat; batch operations per unit of work (per 1,000 imported rows, per
CV) should not grow faster than the database. The *exponent* is the slope on a log-log scale from 1k to
100k: 0 is flat, 1 is linear (cost × 100 for 100 × the people), above 1 is worse than linear.

* search: ``search_cadres`` first 50, median over the queries of the search scenario;
* list page: a page of 200 in name order from the middle of the list (``list_cadres`` with the position
  of the previous page, as the list model asks);
* open record: ``cadre_file`` for nine random people (as the clerk ``canbo``);
* dashboard, first view: the targets report of the whole province (``services.reports.targets_report``)
  with nobody's counts kept (``db/count_cache.py``): what the main window does once in the background
  shortly after start (``MainWindow.warm_dashboard``), and a clerk who opens the dashboard before that waits
  for. Listed as background work: not flat (it counts everyone), at most linear;
* dashboard after an edit: the same report opened again after a clerk saved one person's record (a
  different person each time, on the copy the import uses): the kept counts, the edited unit recounted;
* import per 1k rows: a 1,000-row Excel list (800 new people, 200 known) into a copy of the database,
  the whole ``import_xlsx`` (its safety backup of the database included, which is why it follows the
  database's size), and the check alone (read + map + preview);
* PDF per CV: read and render the 2C CV of five random people.
"""

from __future__ import annotations

import io
import math
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import CACHE, median_ms, sized_db

COUNTS = (1_000, 10_000, 100_000)
QUERIES = ["nguyen", "dang viet", "nguyen thi hong", "Đức", "0790", "hoa", "tran van", "1975", "le thi thu"]
INTERACTIVE = {"search, first 50", "list page of 200", "open record (service)", "targets dashboard after an edit"}
BACKGROUND = {"targets dashboard, first view"}


def _interactive(path: Path) -> dict[str, float]:
    from benchmarks.record import pick_people
    from canbo_desktop.db import count_cache
    from canbo_desktop.domain.cadre import ListFilter
    from canbo_desktop.services import reports as reports_svc
    from canbo_desktop.services.cadres import cadre_file, list_cadres, search_cadres
    from canbo_desktop.services.database import open_database

    db = open_database(str(path))
    try:
        uowf = db.uow("bench")
        reader = db.uow("canbo")
        out: dict[str, float] = {}
        out["search, first 50"] = statistics.median(
            median_ms(lambda q=q: search_cadres(uowf, q, limit=50), repeat=5, warmup=1) for q in QUERIES)
        middle = _count(uowf) // 2
        before = list_cadres(uowf, ListFilter(), offset=middle - 1, limit=1)  # the row before the page
        last = before[0].list_position if before else None
        out["list page of 200"] = median_ms(
            lambda: list_cadres(uowf, ListFilter(), offset=middle, limit=200, after=last), repeat=9, warmup=2)
        people = pick_people(path, 9)
        out["open record (service)"] = statistics.median(
            median_ms(lambda c=c: cadre_file(reader, c), repeat=3, warmup=1) for c in people)
        out["targets dashboard, first view"] = median_ms(
            lambda: (count_cache.clear(), reports_svc.targets_report(uowf)), repeat=3, warmup=1)
        out["PDF per CV (read + render)"] = _pdf(uowf, people[:5])
    finally:
        db.close()
    return out


def _count(uowf: Any) -> int:
    from canbo_desktop.domain.cadre import ListFilter
    from canbo_desktop.services.cadres import count_cadres

    return count_cadres(uowf, ListFilter())


def _pdf(uowf: Any, people: list[str]) -> float:
    from canbo_desktop.services.pdf.cv import load_cv, render_cv

    return statistics.median(
        median_ms(lambda c=c: render_cv(load_cv(uowf, c), io.BytesIO()), repeat=3, warmup=1) for c in people)


def _import(path: Path) -> dict[str, float]:
    from benchmarks.importing import build_file
    from benchmarks.record import pick_people
    from canbo_desktop.services import importing as imp
    from canbo_desktop.services.database import open_database

    with tempfile.TemporaryDirectory(prefix="growth-", dir=CACHE) as tmp:
        work = Path(tmp) / "work.db"
        shutil.copyfile(path, work)
        xlsx = Path(tmp) / "danh-sach.xlsx"
        build_file(xlsx, work, rows=1000, existing=200)
        db = open_database(str(work))
        try:
            uowf = db.uow("bench")
            edited = _dashboard_after_edits(uowf, pick_people(work, 4))
            t = time.perf_counter()
            table = imp.read_sheet(xlsx)
            imp.preview_import(uowf, table, imp.suggest_mapping(uowf, table))
            check = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            imp.import_xlsx(uowf, xlsx)
            total = (time.perf_counter() - t) * 1000
        finally:
            db.close()
    return {"targets dashboard after an edit": edited, "import 1k rows: check (read, map, preview)": check,
            "import 1k rows: whole import (with backup)": total}


def _dashboard_after_edits(uowf: Any, people: list[str]) -> float:
    """Median ms of the dashboard opened after each of ``people[1:]`` had a field of the record saved (the
    first edit and view only warm up)."""
    from dataclasses import replace

    from canbo_desktop.db import count_cache
    from canbo_desktop.services import reports as reports_svc
    from canbo_desktop.services.cadres import cadre_file
    from canbo_desktop.services.records import save_cadre_file

    count_cache.clear()
    reports_svc.targets_report(uowf)
    times = []
    for cid in people:
        f = cadre_file(uowf, cid)
        save_cadre_file(uowf, replace(f, cadre=replace(f.cadre, phone="0912345678" if f.cadre.phone != "0912345678"
                                                       else "0987654321")))
        t = time.perf_counter()
        reports_svc.targets_report(uowf)
        times.append((time.perf_counter() - t) * 1000)
        if not count_cache.last_outcome[-1].startswith("recounted"):
            raise RuntimeError(f"the dashboard after an edit was {count_cache.last_outcome[-1]!r}, not recounted")
    return statistics.median(times[1:])


def exponent(values: dict[int, float]) -> float | None:
    lo, hi = values.get(COUNTS[0]), values.get(COUNTS[-1])
    if not lo or not hi or lo <= 0 or hi <= 0:
        return None
    return round(math.log(hi / lo) / math.log(COUNTS[-1] / COUNTS[0]), 2)


def run_growth_benchmark(counts: tuple[int, ...] = COUNTS) -> dict[str, Any]:
    table: dict[str, dict[int, float]] = {}
    try:  # once, unmeasured: the first import of a process pays for loading openpyxl and the import's tables
        _import(sized_db(counts[0]))
    except Exception:
        pass
    for n in counts:
        path = sized_db(n)
        print(f"  growth: {n:,} cadres …", file=sys.stderr, flush=True)
        try:
            imported = _import(path)
        except Exception as exc:  # the import is another team's work in progress: keep the rest of the table
            print(f"  growth: import at {n:,} failed: {exc!r}", file=sys.stderr, flush=True)
            imported = {}
        for op, ms in {**_interactive(path), **imported}.items():
            table.setdefault(op, {})[n] = round(ms, 2)
    rows = []
    for op, values in table.items():
        e = exponent(values)
        kind = "interactive" if op in INTERACTIVE else "background" if op in BACKGROUND else "batch"
        ok = e is None or (e <= 0.25 if kind == "interactive" else e <= 1.1)
        rows.append({"operation": op, "kind": kind, "ms": {str(k): v for k, v in values.items()}, "exponent": e,
                     "verdict": "ok" if ok else ("grows" if kind == "interactive" else "worse than linear")})
    return {"counts": list(counts), "rows": rows,
            "note": "exponent = log(cost at 100k / cost at 1k) / log(100): 0 flat, 1 linear"}


def format_growth(g: dict[str, Any]) -> str:
    counts = g["counts"]
    head = f"{'operation (ms)':46}" + "".join(f"{f'{c // 1000}k':>11}" for c in counts) + f"{'exponent':>10}  verdict"
    lines = [head]
    for r in g["rows"]:
        cells = "".join(f"{r['ms'].get(str(c), float('nan')):>11.2f}" for c in counts)
        lines.append(f"{r['operation'][:46]:46}{cells}{r['exponent']!s:>10}  {r['kind']}: {r['verdict']}")
    lines.append(g["note"])
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    counts = tuple(int(a) for a in argv) if argv else COUNTS
    print(format_growth(run_growth_benchmark(counts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
