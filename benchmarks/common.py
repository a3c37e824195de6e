"""What every scenario shares: the cached demo databases, timing helpers, the result entry and the
JSON file of results (one entry per scenario, each with the commit and the machine it was measured on).

Ratios travel between runs and machines, absolute times do not: each scenario measures its floor (the
same work done by the bare library) in the same run, interleaved with its own runs where it can.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
RESULTS = HERE / "results" / "latest.json"
FORMAT = 2  # of the JSON file; format 1 (a plain "results" list) is still read by --compare

# demo sizes (services/demo.py) and their cached files; 1k and 10k share the province's unit tree
SIZES = {1_000: "province-1k", 10_000: "province-10k", 100_000: "province"}


def median_ms(fn: Callable[[], Any], repeat: int = 9, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def paired_ms(service: Callable[[], Any], floor: Callable[[], Any], repeat: int = 9, warmup: int = 2) -> tuple[float, float]:
    """Medians (ms) of ``service`` and ``floor`` run alternately, so that both see the same machine load."""
    for _ in range(warmup):
        floor()
        service()
    s_times, f_times = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        floor()
        f_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        service()
        s_times.append(time.perf_counter() - t)
    return statistics.median(s_times) * 1000, statistics.median(f_times) * 1000


def ratio(value: float | None, floor: float | None) -> float | None:
    return round(value / floor, 2) if value is not None and floor else None


def _build(path: Path, size: str) -> Path:
    from canbo_desktop.services.database import open_database
    from canbo_desktop.services.demo import create_demo_database

    print(f"building the {size} demo database once (cached in benchmarks/.cache) …", file=sys.stderr)
    tmp = path.with_suffix(".tmp.db")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    db = open_database(str(tmp), create=True)
    info = create_demo_database(db, size=size, seed=1)
    db.close()
    tmp.rename(path)
    print(f"  built in {info['seconds']} s", file=sys.stderr)
    return path


def district_db() -> Path:
    """The 2,000-cadre demo (the PDFs need the showcase people's full records, not 100k of them)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "district-seed1.db"
    return path if path.exists() else _build(path, "district")


def province_db() -> Path:
    """The 100,000-cadre province (built once: minutes; never rebuilt while the file exists)."""
    return sized_db(100_000)


def sized_db(cadres: int) -> Path:
    """The province tree with 1,000, 10,000 or 100,000 cadres (seed 1), cached."""
    CACHE.mkdir(exist_ok=True)
    name = "province-100k-seed1.db" if cadres == 100_000 else f"province-{cadres // 1000}k-seed1.db"
    path = CACHE / name
    return path if path.exists() else _build(path, SIZES[cadres])


def git_commit() -> dict[str, Any]:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {"commit": git("rev-parse", "HEAD") or None, "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}


def machine_info() -> dict[str, Any]:
    mem_gb = None
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            mem_gb = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = round(os.getloadavg()[0], 2)
    except OSError:
        load = None
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    return {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
            "cpu": cpu, "memory_gb": mem_gb, "load_1min": load}


def entry(scenario: str, group: str, *, median: float | None, budget: float | None, floor: str, floor_value: float | None,
          unit: str = "ms", ratio_budget: float | None = None, **extra: Any) -> dict[str, Any]:
    """One result: the scenario's median, budget and floor in ``unit`` ("ms" or "MB") and their ratio."""
    r: dict[str, Any] = {"scenario": scenario, "group": group, "unit": unit, "median": median, "budget": budget,
                         "floor": floor, "floor_value": floor_value, "ratio": ratio(median, floor_value)}
    if ratio_budget is not None:
        r["ratio_budget"] = ratio_budget
    r.update(extra)
    return r


def normalise(r: dict[str, Any], group: str) -> dict[str, Any]:
    """A result in the older shape (median_ms, budget_ms, floor_ms) as an ``entry``; others as they are."""
    if "median" in r and "unit" in r:
        return {"group": group, **r}
    out = {k: v for k, v in r.items() if k not in ("median_ms", "budget_ms", "floor_ms")}
    out.update({"group": r.get("group", group), "unit": "ms", "median": r.get("median_ms"), "budget": r.get("budget_ms"),
                "floor_value": r.get("floor_ms")})
    out.setdefault("floor", "")
    out.setdefault("ratio", ratio(out["median"], out["floor_value"]))
    return out


def verdict(r: dict[str, Any]) -> str:
    over = []
    if r.get("budget") is not None and r.get("median") is not None and r["median"] > r["budget"]:
        over.append("OVER")
    if r.get("ratio_budget") is not None and r.get("ratio") is not None and r["ratio"] > r["ratio_budget"]:
        over.append("RATIO OVER")
    if r.get("steps_over_budget"):
        over.append(f"{r['steps_over_budget']} steps over")
    return " ".join(over) or "ok"


def _num(v: Any, width: int, unit: str) -> str:
    if v is None:
        return "—".rjust(width + len(unit))
    return f"{v:>{width}.{1 if abs(v) >= 100 else 2}f}{unit}"


def format_table(results: list[dict[str, Any]]) -> str:
    lines = [f"{'scenario':58} {'median':>11} {'budget':>11} {'floor':>11} {'ratio':>6}  verdict"]
    for r in results:
        u = "MB" if r["unit"] == "MB" else "ms"
        rb = f"≤{r['ratio_budget']}" if r.get("ratio_budget") else ""
        ratio_s = f"{r['ratio']}" if r.get("ratio") is not None else "—"
        lines.append(f"{r['scenario'][:58]:58} {_num(r['median'], 9, u)} {_num(r['budget'], 9, u)} "
                     f"{_num(r['floor_value'], 9, u)} {ratio_s:>6}{rb:>4}  {verdict(r)}")
        if r.get("note"):
            lines.append(f"    {r['note']}")
    return "\n".join(lines)


def load_results(path: Path) -> dict[str, dict[str, Any]]:
    """The entries of a results file by scenario name (format 2, or format 1's list)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(data.get("scenarios"), dict):
        return {k: normalise(v, v.get("group", "")) for k, v in data["scenarios"].items()}
    out = {}
    for r in data.get("results", []):
        n = normalise(r, "")
        out[n["scenario"]] = n
    return out


def write_results(results: list[dict[str, Any]], path: Path = RESULTS, *, growth: dict[str, Any] | None = None) -> Path:
    """Merge ``results`` into the file: each scenario keeps one entry, the newest, stamped with the commit,
    the time and the machine; scenarios not run this time keep their earlier entry."""
    stamp = {**git_commit(), "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info()}
    data: dict[str, Any] = {"format": FORMAT, "scenarios": {}}
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            if old.get("format") == FORMAT:
                data = old
            elif isinstance(old.get("results"), list):  # format 1: keep its entries, stamped as they were
                stamp1 = {"commit": None, "when": old.get("when"), "machine": {"platform": old.get("machine"), "cpus": old.get("cpus")}}
                data["scenarios"] = {n: {**r, **stamp1} for n, r in load_results(path).items()}
        except (OSError, ValueError):
            pass
    for r in results:
        data["scenarios"][r["scenario"]] = {**r, **stamp}
    if growth is not None:
        data["growth"] = {**growth, **stamp}
    data["updated"] = stamp["when"]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    tmp.replace(path)
    return path


def compare(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> str:
    """The change of each scenario present in both: median and ratio, old → new."""
    lines = [f"{'scenario':58} {'old':>10} {'new':>10} {'change':>8} {'ratio old→new':>16}"]
    for name, n in new.items():
        o = old.get(name)
        if o is None or o.get("median") is None or n.get("median") is None:
            continue
        u = "MB" if n.get("unit") == "MB" else "ms"
        change = (n["median"] - o["median"]) / o["median"] * 100 if o["median"] else 0.0
        ratios = f"{o.get('ratio')!s} → {n.get('ratio')!s}"
        lines.append(f"{name[:58]:58} {_num(o['median'], 8, u)} {_num(n['median'], 8, u)} {change:>+7.1f}% {ratios:>16}")
    only_old = sorted(set(old) - set(new))
    if only_old:
        lines.append("not in the new results: " + "; ".join(only_old))
    return "\n".join(lines)
