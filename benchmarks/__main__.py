"""Run the benchmarks on the cached 100,000-cadre province database (issue 13; see benchmarks/README.md).

Each scenario prints its median, its budget and its ratio to a floor measured in the same run (the
same work done by the bare library), because these machines are shared and noisy: ratios travel
between runs, absolute times do not. Results are merged into benchmarks/results/latest.json (one entry
per scenario, with the commit and the machine); --compare OLD.json prints the change.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import (
    RESULTS,
    compare,
    district_db,
    format_table,
    load_results,
    median_ms,
    normalise,
    paired_ms,
    province_db,
    write_results,
)
from canbo_desktop.db import search as fts
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.text import name_sort_key
from canbo_desktop.services.cadres import list_cadres, search_cadres
from canbo_desktop.services.database import open_database
from canbo_desktop.services.demo import GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M

QUERIES = ["nguyen", "dang viet", "nguyen thi hong", "Đức", "0790", "hoa", "tran van", "1975", "le thi thu"]


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
    """A page of 200 anywhere in the list, as the list model asks for it while scrolling: after the last row
    of the page before (a seek on the name order, not a skip of ``offset`` rows)."""
    db = open_database(str(path))
    uowf = db.uow("bench")
    raw = sqlite3.connect(path)
    offsets = list(range(200, 100_000, 9_973))
    steps, floors = [], []
    for off in offsets:
        before = list_cadres(uowf, ListFilter(), offset=off - 1, limit=1)[0].list_position
        s, f = paired_ms(lambda off=off, b=before: list_cadres(uowf, ListFilter(), offset=off, limit=200, after=b),
                         lambda b=before: raw.execute(
                             "SELECT c.id, c.full_name, c.sex, c.birth_date, c.owner_unit_id, u.code, u.name, c.current_position, "
                             "c.status, c.id_number FROM cadre c JOIN org_unit u ON u.id = c.owner_unit_id "
                             "WHERE c.search_rowid > ? ORDER BY c.search_rowid LIMIT 200", (b,)).fetchall(), repeat=3, warmup=1)
        steps.append(s)
        floors.append(f)
    raw.close()
    db.close()
    med, floor = statistics.median(steps), statistics.median(floors)
    return {"scenario": "cadre list: next page of 200 rows anywhere in 100k", "median_ms": round(med, 2),
            "max_ms": round(max(steps), 2), "budget_ms": 50,
            "floor": "bare SELECT of the same columns after the previous page (search_rowid > ? LIMIT 200)",
            "floor_ms": round(floor, 2), "ratio": round(med / floor, 1) if floor else None}


def _imported(module: str, fn: str, *args: Any) -> Any:
    import importlib

    return getattr(importlib.import_module(module), fn)(*args)


def _import_rows() -> list[dict[str, Any]]:
    imp = _imported("benchmarks.importing", "run_import_benchmark", str(province_db()))
    # one row: the whole import's wall time against its budget; the ratio is our check ÷ openpyxl's parse
    return [{**imp, "median_ms": imp["total_s"] * 1000, "budget_ms": imp["budget_s"] * 1000, "floor_ms": imp["floor_s"] * 1000,
             "ratio": round(imp["check_s"] / imp["floor_s"], 2) if imp["floor_s"] else None}]


# name → what runs it (a list of results). Another scenario registers with one line here.
SCENARIOS: dict[str, Callable[[], list[dict[str, Any]]]] = {
    "startup": lambda: _imported("benchmarks.startup", "run_startup_benchmark", province_db()),
    "search": lambda: [bench_search(province_db())],
    "record": lambda: _imported("benchmarks.record", "run_record_benchmark", district_db(), province_db()),
    "sort": lambda: [bench_sort_keys()],
    "list": lambda: [bench_list_scroll(province_db())],
    "gui": lambda: _imported("benchmarks.gui", "bench_gui", province_db()),
    "reports": lambda: _imported("benchmarks.reports", "run_reports_benchmark", str(province_db()))["results"],
    "pdf": lambda: _imported("benchmarks.pdf", "run_pdf_benchmark", str(district_db()))["results"],
    "import": _import_rows,
    "memory": lambda: _imported("benchmarks.memory", "run_memory_benchmark", province_db()),
    "sync": lambda: _imported("benchmarks.sync", "run", province_db()),
}
QT_IN_PROCESS = {"gui", "record"}  # PySide6 objects torn down at the interpreter's exit can crash it


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=[*SCENARIOS, "growth"], nargs="*", metavar="SCENARIO",
                    help=f"run only these ({', '.join([*SCENARIOS, 'growth'])}); default: all but growth")
    ap.add_argument("--growth", action="store_true", help="also the 1k / 10k / 100k growth table (builds two more demos once)")
    ap.add_argument("--compare", metavar="OLD.json", type=Path,
                    help="print the change from OLD.json to the results (alone: to the current latest.json, nothing run)")
    ap.add_argument("--results", metavar="FILE.json", type=Path, default=RESULTS, help=f"results file (default {RESULTS})")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from canbo_desktop.app import tune_gc

    tune_gc()  # the collector as the application sets it (its services run in the GUI process with these thresholds)
    if args.compare is not None and args.only is None and not args.growth:
        print(compare(load_results(args.compare), load_results(args.results)))
        return 0
    want = list(args.only) if args.only is not None else list(SCENARIOS)
    growth_wanted = args.growth or "growth" in want
    want = [w for w in want if w != "growth"]
    results: list[dict[str, Any]] = []
    failed: list[str] = []
    for name in want:
        print(f"… {name}", file=sys.stderr, flush=True)
        try:
            got = [normalise(r, name) for r in SCENARIOS[name]()]
        except Exception:  # one broken scenario must not lose the others' figures
            traceback.print_exc()
            failed.append(name)
            continue
        results.extend(got)
        write_results(got, args.results)  # as they come: a later crash keeps these
        print(format_table(got), file=sys.stderr, flush=True)
    growth = None
    if growth_wanted:
        from benchmarks.growth import format_growth, run_growth_benchmark

        growth = run_growth_benchmark()
    if results:
        print(format_table(results))
    if growth is not None:
        print()
        print(format_growth(growth))
    out = write_results([], args.results, growth=growth)  # the scenarios were written as they finished
    print(f"written {out}")
    if failed:
        print(f"FAILED (see the tracebacks above): {', '.join(failed)}")
    if args.compare is not None:
        print()
        print(compare(load_results(args.compare), load_results(out)))
    sys.stdout.flush()
    code = 1 if failed else 0
    if QT_IN_PROCESS & set(want):
        os._exit(code)  # the results are written; skip the PySide6 teardown
    return code


if __name__ == "__main__":
    raise SystemExit(main())
