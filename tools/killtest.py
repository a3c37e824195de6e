"""Crash-safety harness: kill a process (SIGKILL) at a random moment of an operation, then check the database.

    python tools/killtest.py [--ops edit,import,backup] [--runs 200] [--seed 1] [--json]

For each operation a child process opens a copy of a small demo database as the application does and performs it
through the services:

* ``edit``   — one unit of work editing 60 cadres (phone, other names) with their audit and change-log rows;
* ``import`` — an Excel import of 300 new people (``services.importing.import_xlsx``: backup, preview, apply);
* ``backup`` — two backups of the database (``services.backup.backup_engine``, rotation included);
* ``restore``— a restore of a backup over the database (``services.backup.restore_backup``);
* ``sync``   — a district importing a commune's package of 40 new people with their family rows
  (``services.sync.importer.import_package``: checks, decryption, staging, backup, one transaction).

The parent waits until the child says it is about to start, sleeps a random time in [0, 1.15 × the operation's
measured duration] (half of the runs in its last 40 %, where it writes and commits) and sends SIGKILL. Then it opens the database as the next start of the program would (SQLite
recovers the WAL or a hot journal), runs ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``, and
compares a content hash of the tables the operation touches with the hashes taken before and after an
uninterrupted run: each run is **before**, **after**, **partial** (neither: half an operation saved) or **corrupt**.
A sync import is two steps by design — the package applied in one transaction, then the ack for the trip down
written in another ("the ack can be written again from the sync page"): a kill between them counts as **between**
(the data wholly applied, the ack pending), not as partial.
For ``backup``/``restore`` every file that looks like a whole backup must also be a whole, readable database.

Children come from a ``forkserver`` with the application preloaded, so a run costs the operation, not
Python's start-up. POSIX only (SIGKILL). ``make soak`` runs 200 per operation; the CI test runs a few.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OPS = ("edit", "import", "backup", "restore", "sync")
SYNC_PASS = "cum-mat-khau-kiem-thu"
SYNC_ROWS = 40
EDIT_ROWS = 60
IMPORT_ROWS = 300
# Preloaded in the fork server: every run uses the code the calibration run used (files edited meanwhile do not count).
PRELOAD = ["canbo_desktop.services.database", "canbo_desktop.services.importing", "canbo_desktop.services.backup",
           "canbo_desktop.services.sync.importer", "canbo_desktop.db.models", "openpyxl"]


@dataclass
class OpStats:
    op: str
    runs: int = 0
    before: int = 0
    after: int = 0
    partial: int = 0
    between: int = 0  # sync only: the package wholly applied, its ack not yet written (a designed, resumable step)
    corrupt: int = 0
    bad_backups: int = 0
    op_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.partial == 0 and self.corrupt == 0 and self.bad_backups == 0
                and self.before + self.after + self.between == self.runs)


# --------------------------------------------------------------------------- what the child does


def _child(op: str, db_path: str, extra: str, conn: Connection) -> None:
    from canbo_desktop.services.database import open_database

    if op == "restore":
        from canbo_desktop.services.backup import restore_backup

        conn.send("ready")
        restore_backup(Path(db_path), Path(extra), actor="killtest")
        conn.send("done")
        return
    db = open_database(db_path, lock=True)
    try:
        if op == "edit":
            from sqlalchemy import select

            from canbo_desktop.db.models import CadreRecord

            conn.send("ready")
            with db.uow("killtest")() as uow:
                rows = uow.session.scalars(select(CadreRecord).order_by(CadreRecord.id).limit(EDIT_ROWS)).all()
                for i, c in enumerate(rows):
                    c.phone = f"09{i:08d}"
                    c.other_names = f"Tên gọi khác {i}"
                uow.commit()
        elif op == "import":
            from canbo_desktop.services.importing import import_xlsx

            conn.send("ready")
            import_xlsx(db.uow("killtest"), Path(extra))
        elif op == "sync":
            from canbo_desktop.services.sync import importer

            conn.send("ready")
            res = importer.import_package(db.uow("killtest"), Path(extra), passphrase=SYNC_PASS, backup=True)
            if res.status != "applied":
                raise RuntimeError(f"sync import: {res.status} {res.reason}")
        elif op == "backup":
            from canbo_desktop.services.backup import MANUAL_REASON, backup_engine

            conn.send("ready")
            backup_engine(db.engine, MANUAL_REASON)
            backup_engine(db.engine, MANUAL_REASON)
        conn.send("done")
    finally:
        db.close()


# --------------------------------------------------------------------------- checking a database


def integrity(path: Path) -> str:
    try:
        con = sqlite3.connect(str(path), timeout=30)
        try:
            ok = str(con.execute("PRAGMA integrity_check").fetchone()[0])
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return f"error: {exc}"
    if ok != "ok":
        return ok
    return "ok" if not fk else f"foreign keys: {fk[:3]}"


def state(path: Path, op: str) -> str:
    """A hash of what the operation changes (not ids or clocks, which differ from run to run)."""
    con = sqlite3.connect(str(path), timeout=30)
    try:
        parts: list[Any] = []
        if op in ("edit", "backup"):
            parts.append(con.execute("SELECT id, phone, other_names, rev FROM cadre ORDER BY id").fetchall())
        if op == "import":
            parts.append(con.execute("SELECT full_name, birth_date, id_number, owner_unit_id FROM cadre "
                                     "ORDER BY full_name, id_number").fetchall())
            parts.append(con.execute("SELECT key FROM setting ORDER BY key").fetchall())
        if op == "sync":  # the apply transaction; the ack that follows is a step of its own (see ``ack_state``)
            parts.append(con.execute("SELECT id, full_name, rev, origin_node FROM cadre ORDER BY id").fetchall())
            parts.append(con.execute("SELECT id, cadre_id, full_name FROM cadre_family ORDER BY id").fetchall())
            parts.append(con.execute("SELECT count(*) FROM sync_package WHERE direction = 'in'").fetchone())
            parts.append(con.execute("SELECT count(*) FROM sync_conflict").fetchone())
            parts.append(con.execute("SELECT count(*) FROM audit_log WHERE action = 'sync_import'").fetchone())
            parts.append(con.execute("SELECT count(*) FROM sync_change_log").fetchone())
            return hashlib.sha256(repr(parts).encode()).hexdigest()
        if op == "restore":
            parts.append(con.execute("SELECT id, phone, rev FROM cadre ORDER BY id").fetchall())
            parts.append(con.execute("SELECT epoch FROM local_node").fetchall())
        parts.append(con.execute("SELECT count(*) FROM audit_log").fetchone())
        parts.append(con.execute("SELECT count(*) FROM sync_change_log").fetchone())
    finally:
        con.close()
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def ack_state(path: Path) -> tuple[int, int]:
    """After a sync import has applied a package, it writes the ack for the trip down in a second transaction
    (``services/sync/importer.py``: "the data is in; the ack can be written again from the sync page"): the
    outgoing packages and the audit length tell whether that step happened."""
    con = sqlite3.connect(str(path), timeout=30)
    try:
        out = con.execute("SELECT count(*) FROM sync_package WHERE direction = 'out'").fetchone()[0]
        audit = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        con.close()
    return int(out), int(audit)


def audit_chain(path: Path) -> str:
    """"" when the database's audit hash chain verifies, else the verifier's message."""
    from canbo_desktop.services.audit import verify_chain
    from canbo_desktop.services.database import open_database

    db = open_database(str(path), migrate=False)
    try:
        r = verify_chain(db.uow("killtest"))
    finally:
        db.close()
    return "" if r.ok else r.message


COUNTED = ("cadre", "cadre_family", "audit_log", "sync_change_log", "sync_package", "sync_conflict", "setting")


def counts(path: Path) -> dict[str, int]:
    """Row counts of the tables the operations touch (to describe a partial state)."""
    con = sqlite3.connect(str(path), timeout=30)
    try:
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED}
    finally:
        con.close()


def bad_backups(folder: Path, reference: Path | None = None) -> list[str]:
    """Files named as whole backups that are not whole databases (``.part`` files are not backups)."""
    bad: list[str] = []
    if not folder.is_dir():
        return bad
    for p in sorted(folder.glob("canbo-*.db")):
        verdict = integrity(p)
        if verdict != "ok":
            bad.append(f"{p.name}: {verdict}")
            continue
        if reference is not None and state(p, "edit") != state(reference, "edit"):
            bad.append(f"{p.name}: nội dung khác cơ sở dữ liệu")
    return bad


# --------------------------------------------------------------------------- fixtures


def _names(n: int, seed: int) -> list[tuple[str, str, str, str]]:
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Đức", "Ngọc", "Quang"]
    givens = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Khánh", "Lan", "Linh",
              "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"]
    rng = random.Random(seed)
    out: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    while len(out) < n:
        fam, mid, giv = rng.choice(families), rng.choice(middles), rng.choice(givens)
        female = mid == "Thị" or rng.random() < 0.3
        year = rng.randint(1965, 2000)
        day = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"
        cccd = f"001{(1 if female else 0)}{year % 100:02d}{rng.randint(0, 999999):06d}"
        name = f"{fam} {mid} {giv}"
        if cccd in seen:
            continue
        seen.add(cccd)
        out.append((name, day, "Nữ" if female else "Nam", cccd))
    return out


def make_xlsx(path: Path, unit_code: str, n: int = IMPORT_ROWS, seed: int = 5) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH CÁN BỘ BỔ SUNG"])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Nơi sinh", "Số CCCD", "Mã đơn vị"])
    for i, (name, day, sex, cccd) in enumerate(_names(n, seed), start=1):
        ws.append([i, name, day, sex, "Hà Nội", cccd, unit_code])
    wb.save(path)
    return path


def make_template(folder: Path) -> Path:
    from canbo_desktop.services.database import open_database
    from canbo_desktop.services.demo import create_demo_database

    path = folder / "template.db"
    db = open_database(str(path), create=True)
    try:
        create_demo_database(db, size="small", seed=7)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path


def make_sync_pair(folder: Path) -> tuple[Path, Path]:
    """A district (its database file) and a package from one of its communes with ``SYNC_ROWS`` new people, made
    with the real set-up, keys and export services."""
    from datetime import date

    from canbo_desktop.db import models as m
    from canbo_desktop.services.database import open_database
    from canbo_desktop.services.setup import init_office
    from canbo_desktop.services.sync import export, peers

    sync_dir = folder / "sync"
    sync_dir.mkdir(exist_ok=True)
    dbs = {}
    for name, code, title in (("D", "40.D01", "Huyện Thanh Hà"), ("A", "40.D01.X05", "Xã An Phú")):
        db = open_database(str(sync_dir / f"{name}.db"), create=True)
        init_office(db.uow("setup"), office_code=code, office_name=title, admin_user="quantri", password="matkhau123")
        peers.init_node_keys(db.uow("quantri"), SYNC_PASS)
        dbs[name] = db
    d, a = dbs["D"], dbs["A"]
    kd = peers.export_keys_package(d.uow("quantri"), sync_dir, passphrase=SYNC_PASS)
    ka = peers.export_keys_package(a.uow("quantri"), sync_dir, passphrase=SYNC_PASS)
    peers.import_keys_package(a.uow("quantri"), kd.path, relation="parent")
    peers.import_keys_package(d.uow("quantri"), ka.path, relation="child")
    with a.uow("quantri")() as uow:
        assert uow.node is not None
        unit = uow.node.unit_id
        for i, (name, day, sex, cccd) in enumerate(_names(SYNC_ROWS, 9)):
            family, _, rest = name.partition(" ")
            middle, _, given = rest.rpartition(" ")
            rec = m.CadreRecord(owner_unit_id=unit, full_name=name, family_name=family, middle_name=middle,
                                given_name=given, sex="F" if sex == "Nữ" else "M",
                                birth_date=date(int(day[6:]), int(day[3:5]), int(day[:2])), id_number=cccd)
            uow.session.add(rec)
            uow.session.flush()
            uow.session.add(m.FamilyMemberRecord(cadre_id=rec.id, relation="Mẹ", full_name=f"Lê Thị Mẹ {i}"))
        uow.commit()
    pkg = export.export_package(a.uow("quantri"), out_dir=sync_dir, passphrase=SYNC_PASS).path
    for db in dbs.values():
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    return sync_dir / "D.db", pkg


def _fresh(template: Path, work: Path) -> Path:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    db = work / "canbo.db"
    shutil.copyfile(template, db)
    return db


# --------------------------------------------------------------------------- the harness


class Harness:
    def __init__(self, folder: Path, template: Path | None = None, seed: int = 1) -> None:
        self.folder = folder
        self.rng = random.Random(seed)
        self.ctx = multiprocessing.get_context("forkserver")
        self.ctx.set_forkserver_preload(PRELOAD)
        self.template = template or make_template(folder)
        con = sqlite3.connect(str(self.template))
        unit = con.execute("SELECT code FROM org_unit WHERE depth > 0 ORDER BY code LIMIT 1").fetchone()[0]
        con.close()
        self.xlsx = make_xlsx(folder / "nhap.xlsx", str(unit))
        self.backup_src: Path | None = None
        self.sync_pair: tuple[Path, Path] | None = None
        self.counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.after_ack: tuple[int, int] = (0, 0)

    def _prepare(self, op: str) -> tuple[Path, str]:
        if op == "sync":
            if self.sync_pair is None:
                self.sync_pair = make_sync_pair(self.folder)
            return _fresh(self.sync_pair[0], self.folder / "work"), str(self.sync_pair[1])
        db = _fresh(self.template, self.folder / "work")
        extra = str(self.xlsx)
        if op == "restore":
            src = self.folder / "restore-src.db"
            if not src.exists():  # a backup holding different content from the template (a few edited phones)
                shutil.copyfile(self.template, src)
                con = sqlite3.connect(str(src))
                con.execute("UPDATE cadre SET phone = '0900000000', rev = rev + 1 WHERE rowid IN "
                            "(SELECT rowid FROM cadre ORDER BY id LIMIT 5)")
                con.commit()
                con.close()
            extra = str(src)
        return db, extra

    def _spawn(self, op: str, db: Path, extra: str) -> tuple[Any, Connection]:
        parent, child = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_child, args=(op, str(db), extra, child), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def calibrate(self, op: str) -> tuple[str, str, float]:
        """The before and after states and the operation's duration, from an uninterrupted run."""
        db, extra = self._prepare(op)
        before = state(db, op)
        count_before = counts(db)
        proc, conn = self._spawn(op, db, extra)
        if conn.poll(120) and conn.recv() != "ready":
            raise RuntimeError(f"{op}: the child did not start")
        t0 = time.perf_counter()
        msg = conn.recv() if conn.poll(300) else "timeout"
        dt = time.perf_counter() - t0
        proc.join(60)
        if msg != "done" or proc.exitcode != 0:
            raise RuntimeError(f"{op}: the uninterrupted run failed (exit {proc.exitcode}, {msg})")
        after = state(db, op)
        self.after_ack = ack_state(db)
        self.counts = (count_before, counts(db))
        chain = audit_chain(db)
        if chain:
            raise RuntimeError(f"{op}: the audit chain does not verify after the operation: {chain}")
        if after == before and op != "backup":  # a backup leaves the database as it is; its files are checked
            raise RuntimeError(f"{op}: the operation changed nothing; the check would prove nothing")
        return before, after, dt

    def run(self, op: str, runs: int) -> OpStats:
        before, after, duration = self.calibrate(op)
        stats = OpStats(op, op_seconds=round(duration, 3))
        for i in range(runs):
            db, extra = self._prepare(op)
            proc, conn = self._spawn(op, db, extra)
            if not conn.poll(120):
                proc.kill()
                raise RuntimeError(f"{op}: the child did not start")
            conn.recv()
            # half the kills anywhere, half in the last part of the operation, where it writes and commits
            lo = 0.0 if self.rng.random() < 0.5 else 0.6 * duration
            time.sleep(self.rng.uniform(lo, duration * 1.15))
            proc.kill()  # SIGKILL
            proc.join(60)
            conn.close()
            stats.runs += 1
            verdict = integrity(db)
            if verdict != "ok":
                stats.corrupt += 1
                stats.failures.append(f"run {i}: {verdict}")
                continue
            now = state(db, op)
            if now == before:
                stats.before += 1
            elif now == after and (op != "sync" or ack_state(db) == self.after_ack):
                stats.after += 1
            elif now == after:
                stats.between += 1
            else:
                stats.partial += 1
                stats.failures.append(f"run {i}: partial {counts(db)} (before {self.counts[0]}, after {self.counts[1]})")
            if op in ("backup", "import", "restore", "sync"):
                bad = bad_backups(db.parent / "backups", db if op == "backup" else None)
                for kept in db.parent.glob("canbo-truoc-khoi-phuc-*.db"):
                    if integrity(kept) != "ok":
                        bad.append(kept.name)
                if bad:
                    stats.bad_backups += 1
                    stats.failures.append(f"run {i}: {bad[:2]}")
        return stats


def run_killtest(ops: list[str], runs: int, seed: int = 1, folder: Path | None = None,
                 template: Path | None = None) -> list[OpStats]:
    tmp = None
    if folder is None:
        tmp = tempfile.TemporaryDirectory(prefix="canbo-killtest-")
        folder = Path(tmp.name)
    try:
        h = Harness(folder, template, seed)
        return [h.run(op, runs) for op in ops]
    finally:
        if tmp is not None:
            tmp.cleanup()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="SIGKILL tại thời điểm ngẫu nhiên rồi kiểm tra cơ sở dữ liệu")
    p.add_argument("--ops", default=",".join(OPS))
    p.add_argument("--runs", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    ops = [o.strip() for o in args.ops.split(",") if o.strip()]
    unknown = [o for o in ops if o not in OPS]
    if unknown:
        p.error(f"không có thao tác {unknown}; chọn trong {OPS}")
    t0 = time.perf_counter()
    results = run_killtest(ops, args.runs, args.seed)
    elapsed = time.perf_counter() - t0
    if args.json:
        print(json.dumps({"seconds": round(elapsed, 1), "ops": [asdict(s) | {"ok": s.ok} for s in results]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{'thao tác':10} {'lần':>5} {'trước':>6} {'sau':>6} {'chờ xác nhận':>13} {'dở dang':>8} {'hỏng':>5} "
              f"{'sao lưu hỏng':>13} {'thời gian':>10}")
        for s in results:
            print(f"{s.op:10} {s.runs:>5} {s.before:>6} {s.after:>6} {s.between:>13} {s.partial:>8} {s.corrupt:>5} "
                  f"{s.bad_backups:>13} {s.op_seconds:>9.3f}s")
            for f in s.failures[:5]:
                print(f"    {f}")
        print(f"tổng thời gian {elapsed:.1f} s")
    return 0 if all(s.ok for s in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
