"""Benchmark: USB sync on the 100,000-cadre province database (issue 10, Speed).

``run(db_path)`` works on a copy of the cached province database (the sender) and a new office above it
(the receiver, set up with the real services, keys exchanged through keys packages), then times:

* full export (every row of the subtree copied by SQLite into a snapshot file, deflate, sign, encrypt, write,
  read back) — budget 30 s;
* full import at the receiver (verify, decrypt, backup, the snapshot ATTACHed and its rows copied with
  ``INSERT … SELECT`` in one transaction, search index rebuilt) — budget 60 s;
* a 200-change incremental round trip (export, import, ack written, ack imported) — budget 2 s.

Floor (same run): the same rows bulk-inserted with plain SQL (``executemany`` into the same schema, rows already
in memory), so ``ratio`` = our time ÷ the bare insert of what we moved.
Run: ``python -m benchmarks --only sync`` or ``python -m benchmarks.sync [DB]``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("CANBO_FAST_HASH", "1")  # key sealing cost is not what is measured here

PASS = "cum-mat-khau-benchmark"


def _floor(src: Path, empty: Path, tables: list[str], only_ids: dict[str, list[str]] | None = None) -> tuple[float, int, float]:
    """Seconds to executemany-insert the rows of ``tables`` (read beforehand, not timed) into an empty schema."""
    con_src = sqlite3.connect(src)
    con = sqlite3.connect(empty)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("PRAGMA synchronous = NORMAL")
    total = cpu = 0.0
    n = 0
    try:
        for t in tables:
            cols = [r[1] for r in con_src.execute(f"PRAGMA table_info({t})")]
            sql = f"SELECT {', '.join(cols)} FROM {t}"
            if only_ids is not None:
                ids = only_ids.get(t, [])
                if not ids:
                    continue
                sql += f" WHERE id IN ({','.join('?' * len(ids))})"
                rows = con_src.execute(sql, ids).fetchall()
            else:
                rows = con_src.execute(sql).fetchall()
            ins = f"INSERT OR REPLACE INTO {t} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            t0 = time.perf_counter()
            c0 = time.process_time()
            with con:
                con.executemany(ins, rows)
            total += time.perf_counter() - t0
            cpu += time.process_time() - c0
            n += len(rows)
            del rows
    finally:
        con.close()
        con_src.close()
    return total, n, cpu


def run(db_path: str | Path) -> list[dict[str, Any]]:
    from canbo_desktop.db import models as m
    from canbo_desktop.services.database import open_database
    from canbo_desktop.services.setup import init_office
    from canbo_desktop.services.sync import export, importer, peers
    from canbo_desktop.services.sync.export import EXPORT_TABLES

    work = Path(tempfile.mkdtemp(prefix="canbo-bench-sync-"))
    try:
        sender_path = work / "province.db"
        shutil.copyfile(db_path, sender_path)
        src = open_database(str(sender_path))
        top_path = work / "national.db"
        top = open_database(str(top_path), create=True)
        empty_path = work / "floor.db"
        open_database(str(empty_path), create=True).close()  # migrated, empty: the floor's target
        init_office(top.uow("setup"), office_code="VN", office_name="Bộ Nội vụ", admin_user="quantri",
                    password="matkhau123")
        s_uow, t_uow = src.uow("admin"), top.uow("quantri")
        peers.init_node_keys(s_uow, PASS)
        peers.init_node_keys(t_uow, PASS)
        stick = work / "usb"
        stick.mkdir()
        kt = peers.export_keys_package(t_uow, stick, passphrase=PASS)
        ks = peers.export_keys_package(s_uow, stick, passphrase=PASS)
        peers.import_keys_package(s_uow, kt.path, relation="parent")
        peers.import_keys_package(t_uow, ks.path, relation="child")

        t0, c0 = time.perf_counter(), time.process_time()
        full = export.export_package(s_uow, out_dir=stick, passphrase=PASS, full=True, receipt=False)
        t_export, c_export = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        got = importer.import_package(t_uow, full.path, passphrase=PASS, ack_dir=stick, backup=True)
        t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
        assert got.status == "applied", got.reason
        assert got.ack_path is not None
        back = importer.import_package(s_uow, got.ack_path, passphrase=PASS)
        assert back.status == "applied", back.reason
        floor_full, n_full, floor_cpu = _floor(sender_path, empty_path, list(EXPORT_TABLES))

        # 200 edits at the sender (not timed), then the incremental round trip.
        with s_uow() as uow:
            ids = [r[0] for r in uow.session.execute(
                m.CadreRecord.__table__.select().with_only_columns(m.CadreRecord.id).limit(200))]  # type: ignore[attr-defined]
        with s_uow() as uow:
            for i, cid in enumerate(ids):
                rec = uow.session.get(m.CadreRecord, cid)
                assert rec is not None
                rec.phone = f"09{i:08d}"
            uow.commit()
        t0, c0 = time.perf_counter(), time.process_time()
        delta = export.export_package(s_uow, out_dir=stick, passphrase=PASS, receipt=False)
        inc = importer.import_package(t_uow, delta.path, passphrase=PASS, ack_dir=stick, backup=False)
        assert inc.status == "applied" and inc.ack_path is not None, inc.reason
        ack = importer.import_package(s_uow, inc.ack_path, passphrase=PASS)
        t_round, c_round = time.perf_counter() - t0, time.process_time() - c0
        assert ack.status == "applied"
        assert inc.counts["changed"] >= 200, inc.counts
        floor_inc, _, floor_inc_cpu = _floor(sender_path, empty_path, ["cadre"], {"cadre": ids})
        src.close()
        top.close()
        mb = full.size / 1e6
        return [
            {"scenario": f"sync: full export of 100k cadres ({n_full:,} rows, {mb:.0f} MB package)",
             "median_ms": round(t_export * 1000), "budget_ms": 30_000, "floor_ms": round(floor_full * 1000),
             "floor": "plain SQL executemany of the same rows", "cpu_s": round(c_export, 1),
             "floor_cpu_s": round(floor_cpu, 1), "load": os.getloadavg()[0]},
            {"scenario": "sync: full import at the parent (verify, decrypt, stage, apply, backup)",
             "median_ms": round(t_import * 1000), "budget_ms": 60_000, "floor_ms": round(floor_full * 1000),
             "floor": "plain SQL executemany of the same rows", "cpu_s": round(c_import, 1),
             "floor_cpu_s": round(floor_cpu, 1), "load": os.getloadavg()[0]},
            {"scenario": "sync: 200-change round trip (export, import, ack, ack import)",
             "median_ms": round(t_round * 1000), "budget_ms": 2_000, "floor_ms": round(floor_inc * 1000, 1),
             "floor": "plain SQL executemany of the 200 rows", "cpu_s": round(c_round, 2),
             "floor_cpu_s": round(floor_inc_cpu, 3), "load": os.getloadavg()[0]},
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    from benchmarks.common import province_db

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else province_db()
    for r in run(target):
        print(r)
