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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", choices=["search", "sort", "list"], nargs="*")
    args = ap.parse_args()
    want = set(args.only or ["search", "sort", "list"])
    results = []
    path = province_db() if want & {"search", "list"} else None
    if "search" in want and path:
        results.append(bench_search(path))
    if "sort" in want:
        results.append(bench_sort_keys())
    if "list" in want and path:
        results.append(bench_list_scroll(path))
    print(f"{'scenario':48} {'median':>10} {'budget':>8} {'floor':>10} {'ratio':>7}")
    for r in results:
        ok = "ok" if r["median_ms"] <= r["budget_ms"] else "OVER"
        print(f"{r['scenario']:48} {r['median_ms']:>8.2f}ms {r['budget_ms']:>6}ms {r['floor_ms']:>8.3f}ms {r['ratio']!s:>7} {ok}")
    out = HERE / "results" / "latest.json"
    out.write_text(json.dumps({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": platform.platform(),
                               "cpus": os.cpu_count(), "results": results}, ensure_ascii=False, indent=2))
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
