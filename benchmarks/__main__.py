"""Run the benchmarks on the cached 100,000-cadre province database.

Each scenario prints its median, its budget and its ratio to a floor measured in the same run (the
same work done by the bare library), because these machines are shared and noisy: ratios travel
between runs, absolute times do not. Results are also written to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from canbo_desktop.db import search as fts
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.text import name_sort_key
from canbo_desktop.services.cadres import list_cadres, search_cadres
from canbo_desktop.services.database import open_database
from canbo_desktop.services.demo import GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, create_demo_database

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
QUERIES = ["nguyen", "dang viet", "nguyen thi hong", "Đức", "0790", "hoa", "tran van", "1975", "le thi thu"]


def median_ms(fn: Callable[[], Any], repeat: int = 9, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def district_db() -> Path:
    """The 2,000-cadre demo (the PDFs need the showcase people's full records, not 100k of them)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "district-seed1.db"
    if not path.exists():
        tmp = path.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        db = open_database(str(tmp), create=True)
        create_demo_database(db, size="district", seed=1)
        db.close()
        tmp.rename(path)
    return path


def province_db() -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "province-100k-seed1.db"
    if not path.exists():
        print("building the 100,000-cadre database once (cached in benchmarks/.cache) …", file=sys.stderr)
        tmp = path.with_suffix(".tmp.db")
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        db = open_database(str(tmp), create=True)
        info = create_demo_database(db, size="province", seed=1)
        db.close()
        tmp.rename(path)
        print(f"  built in {info['seconds']} s", file=sys.stderr)
    return path


def bench_search(path: Path) -> dict[str, Any]:
    db = open_database(str(path))
    uowf = db.uow("bench")
    raw = sqlite3.connect(path)
    rows = []
    for q in QUERIES:
        service = median_ms(lambda q=q: search_cadres(uowf, q, limit=50))
        match = fts.ranking_tiers(fts.parse_query(q))[-3]  # plain folded-name prefixes, unranked
        floor = median_ms(lambda m=match: raw.execute(
            f"SELECT rowid FROM {fts.FTS_TABLE} WHERE {fts.FTS_TABLE} MATCH ? LIMIT 50", (m,)).fetchall())
        rows.append({"query": q, "service_ms": round(service, 2), "floor_ms": round(floor, 3)})
    raw.close()
    db.close()
    med_service = statistics.median(r["service_ms"] for r in rows)
    med_floor = statistics.median(r["floor_ms"] for r in rows)
    return {"scenario": "search as you type, first 50 results", "median_ms": med_service, "budget_ms": 20,
            "floor": "raw FTS5 name-prefix MATCH … LIMIT 50", "floor_ms": med_floor,
            "ratio": round(med_service / med_floor, 1) if med_floor else None, "detail": rows}


def bench_sort_keys() -> dict[str, Any]:
    rng = random.Random(5)
    from canbo_desktop.services.demo import FAMILY_NAMES

    fams = [f for f, _ in FAMILY_NAMES]
    names = [(rng.choice(GIVEN_M + GIVEN_F), rng.choice(MIDDLE_M + MIDDLE_F), rng.choice(fams),
              f"19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}") for _ in range(100_000)]

    def ours() -> None:
        from canbo_desktop.domain import text

        text.word_key.cache_clear()
        text._CHAR_KEYS.clear()
        for n in names:
            name_sort_key(*n)

    def floor() -> None:  # the bare minimum: joining the same strings
        for n in names:
            " ".join(n)

    t = median_ms(ours, repeat=3, warmup=1)
    f = median_ms(floor, repeat=3, warmup=1)
    return {"scenario": "sort keys for 100,000 names (cold caches)", "median_ms": round(t, 1), "budget_ms": 1000,
            "floor": "str.join of the same parts", "floor_ms": round(f, 1), "ratio": round(t / f, 1)}


def bench_list_scroll(path: Path) -> dict[str, Any]:
    db = open_database(str(path))
    uowf = db.uow("bench")
    raw = sqlite3.connect(path)
    offsets = list(range(0, 100_000, 9_973))
    steps = []
    for off in offsets:
        steps.append(median_ms(lambda off=off: list_cadres(uowf, ListFilter(), offset=off, limit=200), repeat=3, warmup=1))
    floor = statistics.median(
        median_ms(lambda off=off: raw.execute(
            "SELECT id, full_name FROM cadre ORDER BY name_sort_key LIMIT 200 OFFSET ?", (off,)).fetchall(), repeat=3, warmup=1)
        for off in offsets)
    raw.close()
    db.close()
    return {"scenario": "cadre list: page of 200 rows anywhere in 100k", "median_ms": round(statistics.median(steps), 2),
            "max_ms": round(max(steps), 2), "budget_ms": 50, "floor": "bare SELECT … ORDER BY name_sort_key LIMIT/OFFSET",
            "floor_ms": round(floor, 2), "ratio": round(statistics.median(steps) / floor, 1) if floor else None}


STEP_LOG: list[tuple[int, float]] = []  # (rows before the step, ms): for looking at the slow steps


def bench_gui(path: Path) -> dict[str, Any]:
    """The real main window on 100k rows: type a query key by key and scroll to the end of the list,
    measuring the longest time the GUI thread did not answer (a 5 ms timer's largest gap)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from canbo_desktop.app import tune_gc
    from canbo_desktop.services.setup import office_info
    from canbo_desktop.ui.main_window import MainWindow
    from canbo_desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    tune_gc()  # as the application does at start-up
    db = open_database(str(path))
    with db.uow("bench")() as uow:
        office = office_info(uow)
    tasks = TaskRunner()
    w = MainWindow(db, office, "bench", tasks)
    w.resize(1366, 768)
    w.show()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)

    def pump(ms: int) -> None:
        end = clock.elapsed() + ms
        while clock.elapsed() < end:
            app.processEvents()
            time.sleep(0.001)

    pump(500)
    for ch in "nguyen thi hong":
        w.search.setText(w.search.text() + ch)
        pump(80)
    pump(500)
    typing_gaps = gaps[:]
    w.search.setText("")
    pump(800)
    gaps.clear()
    page_times: list[float] = []
    while w.model.rowCount() < 100_000 and clock.elapsed() < 600_000:
        before = w.model.rowCount()
        t = time.perf_counter()
        w.table.scrollToBottom()
        while w.model.rowCount() == before and w.model.canFetchMore() is False and w.model.loading:
            app.processEvents()
        while w.model.rowCount() == before:
            app.processEvents()
            if not w.model.canFetchMore() and not w.model.loading:
                break
        page_times.append((time.perf_counter() - t) * 1000)
        STEP_LOG.append((before, page_times[-1]))
        if w.model.rowCount() == before:
            break
    timer.stop()
    rows = w.model.rowCount()
    tasks.wait()
    w.close()
    db.close()
    stall = max(typing_gaps + gaps)
    return {"scenario": "GUI: type a query and scroll 100k rows", "median_ms": round(statistics.median(page_times), 2),
            "max_ms": round(max(page_times), 2), "budget_ms": 50, "floor": "none (the whole app)",
            "floor_ms": 0.0, "ratio": None, "rows_scrolled": rows, "pages": len(page_times), "longest_stall_ms": stall,
            "p90_ms": round(sorted(page_times)[int(len(page_times) * 0.9)], 2),
            "steps_over_budget": sum(t > 50 for t in page_times),
            "stall_while_typing_ms": max(typing_gaps), "stall_while_scrolling_ms": max(gaps)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    scenarios = ["search", "sort", "list", "gui", "pdf", "import", "reports"]
    ap.add_argument("--only", choices=scenarios, nargs="*")
    args = ap.parse_args()
    want = set(args.only or scenarios)
    results = []
    path = province_db() if want & {"search", "list", "gui"} else None
    if "search" in want and path:
        results.append(bench_search(path))
    if "sort" in want:
        results.append(bench_sort_keys())
    if "list" in want and path:
        results.append(bench_list_scroll(path))
    if "gui" in want and path:
        results.append(bench_gui(path))
    if "reports" in want:
        from benchmarks.reports import run_reports_benchmark

        results.extend(run_reports_benchmark(str(province_db()))["results"])
    if "import" in want:
        from benchmarks.importing import run_import_benchmark

        imp = run_import_benchmark(str(province_db()))
        # one row for the table: total wall time against its budget; the ratio is our check ÷ openpyxl's parse
        results.append({**imp, "median_ms": imp["total_s"] * 1000, "budget_ms": imp["budget_s"] * 1000,
                        "floor_ms": imp["floor_s"] * 1000})
    if "pdf" in want:
        from benchmarks.pdf import run_pdf_benchmark

        pdf = run_pdf_benchmark(str(district_db()))
        results.extend(pdf["results"])
    print(f"{'scenario':48} {'median':>10} {'budget':>8} {'floor':>10} {'ratio':>7}")
    for r in results:
        ok = "ok" if r["median_ms"] <= r["budget_ms"] else "OVER"
        print(f"{r['scenario']:48} {r['median_ms']:>8.2f}ms {r['budget_ms']:>6}ms {r['floor_ms']:>8.3f}ms {r['ratio']!s:>7} {ok}")
        if "longest_stall_ms" in r:
            print(f"    {r['rows_scrolled']} rows in {r['pages']} pages, p90 {r['p90_ms']} ms, {r['steps_over_budget']} over 50 ms, "
                  f"slowest page {r['max_ms']} ms; longest GUI-thread "
                  f"stall {r['longest_stall_ms']} ms (typing {r['stall_while_typing_ms']} ms), budget 100 ms")
    out = HERE / "results" / "latest.json"
    out.write_text(json.dumps({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": platform.platform(),
                               "cpus": os.cpu_count(), "results": results}, ensure_ascii=False, indent=2))
    print(f"written {out}")
    sys.stdout.flush()
    if "gui" in want:
        # PySide6 objects torn down by the interpreter's final garbage collection can crash at exit;
        # the results are written, so leave without that teardown.
        os._exit(0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
