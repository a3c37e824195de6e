"""The database side of USB sync: the change log, peers, packages, conflicts, and rows read or written in bulk.

Rows travel as JSON-ready dictionaries (dates and times as ISO text, JSON columns as values, booleans as
booleans). ``iter_rows`` reads them (the SQLite driver directly for a full export of millions of rows);
``decode_row`` turns an incoming dictionary back into Python values for ``write_rows``, which writes
around the ORM (like ``db/importing.py``) keeping the sender's rev, HLC and origin node, and logs each
written row in ``sync_change_log`` so that an office forwards its children's rows to its own parent.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    Table,
    bindparam,
    func,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from canbo_desktop.db import models as m
from canbo_desktop.db.base import Base
from canbo_desktop.db.bulk import bulk_insert
from canbo_desktop.domain.sync import LOCAL_COLUMNS, LogEntry

CHUNK = 900


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i: i + size]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def synced_columns(name: str) -> list[str]:
    """Columns of a synced table that travel: everything but the locally computed ones."""
    return [c.name for c in table(name).c if c.name not in LOCAL_COLUMNS]


# --------------------------------------------------------------------------- encoding values


def _encoder(col: Any, raw_sqlite: bool) -> Callable[[Any], Any] | None:
    t = col.type
    if isinstance(t, JSON):
        if raw_sqlite:
            return lambda v: None if v is None else json.loads(v)
        return None
    if isinstance(t, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(t, DateTime | Date):
        if raw_sqlite:
            return None  # already ISO text as stored
        return lambda v: v.isoformat() if isinstance(v, date | datetime) else v
    if isinstance(t, Numeric) and not isinstance(t, Float):
        return lambda v: None if v is None else float(v)
    return None


def _nfc(v: Any) -> Any:
    """Text as stored here: NFC, whatever form the sender's file held (``NFCString`` guards what the ORM writes;
    rows that come by USB are written with Core and pass through here)."""
    if isinstance(v, str) and not v.isascii() and not unicodedata.is_normalized("NFC", v):
        return unicodedata.normalize("NFC", v)
    return v


def _decoder(col: Any) -> Callable[[Any], Any] | None:
    t = col.type
    if isinstance(t, TypeDecorator):  # NFCString / NFCText: judge by what they store
        t = t.impl_instance
    if isinstance(t, DateTime):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) and v else (None if v in ("", None) else v)
    if isinstance(t, Date):
        return lambda v: date.fromisoformat(v[:10]) if isinstance(v, str) and v else (None if v in ("", None) else v)
    if isinstance(t, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(t, Integer):
        return lambda v: None if v is None else int(v)
    if isinstance(t, Numeric | Float):
        return lambda v: None if v is None else float(v)
    if isinstance(t, String):
        return _nfc
    return None


_DECODERS: dict[str, list[tuple[str, Callable[[Any], Any]]]] = {}


def decode_row(name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """An incoming row image as Python values (unknown columns dropped: a newer sender's extra fields)."""
    decs = _DECODERS.get(name)
    if decs is None:
        decs = _DECODERS[name] = []
        for c in table(name).c:
            if c.name in LOCAL_COLUMNS:
                continue
            f = _decoder(c)
            decs.append((c.name, f if f is not None else (lambda v: v)))
    out: dict[str, Any] = {}
    for key, f in decs:
        if key in row:
            try:
                out[key] = f(row[key])
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{name}.{key}: {row[key]!r}") from exc
    return out


def iter_rows(conn: Connection, name: str, ids: Sequence[str] | None = None, *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """JSON-ready row images of ``name`` (all rows, or those whose id is in ``ids``)."""
    cols = synced_columns(name)
    t = table(name)
    if conn.dialect.name == "sqlite":
        encs = [(i, f) for i, f in enumerate(_encoder(t.c[c], True) for c in cols) if f is not None]
        raw = conn.connection.driver_connection
        sql = f"SELECT {', '.join(cols)} FROM {name}"
        parts: Iterable[Sequence[str] | None] = [None] if ids is None else list(_chunks(list(ids)))
        for part in parts:
            cur = raw.cursor()  # type: ignore[union-attr]
            try:
                if part is None:
                    cur.execute(sql)
                else:
                    cur.execute(sql + f" WHERE id IN ({','.join('?' * len(part))})", tuple(part))
                while True:
                    rows = cur.fetchmany(batch)
                    if not rows:
                        break
                    for r in rows:
                        vals = list(r)
                        for i, f in encs:
                            vals[i] = f(vals[i])
                        yield dict(zip(cols, vals, strict=True))
            finally:
                cur.close()
        return
    encs2 = [(i, f) for i, f in enumerate(_encoder(t.c[c], False) for c in cols) if f is not None]
    q = select(*[t.c[c] for c in cols])
    parts2: Iterable[Sequence[str] | None] = [None] if ids is None else list(_chunks(list(ids)))
    for part in parts2:
        qq = q if part is None else q.where(t.c.id.in_(part))
        for row in conn.execute(qq):
            vals = list(row)
            for i, f in encs2:
                vals[i] = f(vals[i])
            yield dict(zip(cols, vals, strict=True))


# --------------------------------------------------------------------------- the change log


def max_change_seq(conn: Connection) -> int:
    return int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM sync_change_log")).scalar() or 0)


def change_entries(conn: Connection, after_seq: int, up_to: int) -> list[tuple[int, str, str, str, int, list[str]]]:
    """(seq, table, row_id, op, base_rev, changed fields) of the change log in (after_seq, up_to], in order."""
    out: list[tuple[int, str, str, str, int, list[str]]] = []
    rows = conn.execute(
        text("SELECT seq, table_name, row_id, op, base_rev, changed_fields FROM sync_change_log "
             "WHERE seq > :a AND seq <= :b ORDER BY seq"), {"a": after_seq, "b": up_to})
    for seq, tname, row_id, op, base_rev, fields in rows:
        parsed = json.loads(fields) if isinstance(fields, str) else (fields or [])
        out.append((int(seq), str(tname), str(row_id), str(op), int(base_rev), list(parsed)))
    return out


def unacked_rows(conn: Connection, after_seq: int, tables: Sequence[str] | None = None, exclude_actor: str = "",
                 up_to: int | None = None) -> int:
    """Distinct rows changed in the change log after ``after_seq`` (and up to ``up_to``), in ``tables``, not
    counting what ``exclude_actor`` wrote (the rows the parent itself sent down)."""
    sql = "SELECT count(DISTINCT table_name || '/' || row_id) FROM sync_change_log WHERE seq > :a AND actor <> :x"
    params: dict[str, Any] = {"a": after_seq, "x": exclude_actor}
    if up_to is not None:
        sql += " AND seq <= :b"
        params["b"] = up_to
    if tables is not None:
        sql += f" AND table_name IN ({', '.join(':t' + str(i) for i in range(len(tables)))})"
        params.update({"t" + str(i): t for i, t in enumerate(tables)})
    return int(conn.execute(text(sql), params).scalar() or 0)


def row_history(conn: Connection, name: str, ids: Sequence[str]) -> dict[str, list[LogEntry]]:
    """The change-log entries of each row (in order): what ``domain.sync.local_changes`` reads."""
    out: dict[str, list[LogEntry]] = {}
    for part in _chunks(sorted(set(ids))):
        q = text(f"SELECT row_id, seq, rev, hlc, actor, op, changed_fields FROM sync_change_log WHERE table_name = :t "
                 f"AND row_id IN ({','.join(':i' + str(k) for k in range(len(part)))}) ORDER BY seq")
        params: dict[str, Any] = {"t": name}
        params.update({"i" + str(k): v for k, v in enumerate(part)})
        for row_id, seq, rev, h, actor, op, fields in conn.execute(q, params):
            parsed = json.loads(fields) if isinstance(fields, str) else (fields or [])
            out.setdefault(row_id, []).append(LogEntry(int(seq), int(rev), str(h), str(actor), str(op), tuple(parsed)))
    return out


def local_states(conn: Connection, name: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Local row images (JSON-ready) of the given ids."""
    return {r["id"]: r for r in iter_rows(conn, name, ids)}


def lookup(conn: Connection, name: str, column: str, ids: Iterable[str]) -> dict[str, Any]:
    """``id → column`` for the given ids of a table."""
    t = table(name)
    out: dict[str, Any] = {}
    for part in _chunks(sorted(set(ids))):
        for rid, val in conn.execute(select(t.c.id, t.c[column]).where(t.c.id.in_(part))):
            out[rid] = val
    return out


@dataclass(frozen=True)
class UnitRow:
    id: str
    code: str
    name: str
    parent_id: str | None
    path: str


def units(conn: Connection) -> dict[str, UnitRow]:
    t = m.OrgUnitRecord
    q = select(t.id, t.code, t.name, t.parent_id, t.path)
    return {r[0]: UnitRow(*r) for r in conn.execute(q)}


def unit_by_code(conn: Connection, code: str) -> UnitRow | None:
    t = m.OrgUnitRecord
    r = conn.execute(select(t.id, t.code, t.name, t.parent_id, t.path).where(t.code == code, t.deleted.is_(False))).first()
    return UnitRow(*r) if r else None


def subtree_ids(conn: Connection, root_id: str) -> set[str]:
    t = m.OrgUnitRecord
    return {r[0] for r in conn.execute(select(t.id).where(t.path.like(f"%/{root_id}/%")))} | {root_id}


def recompute_paths(conn: Connection) -> None:
    """Rebuild every unit's materialised path and depth from the parent links (after units arrived)."""
    t = m.OrgUnitRecord
    rows = {r[0]: r[1] for r in conn.execute(select(t.id, t.parent_id))}
    paths: dict[str, tuple[str, int]] = {}

    def path_of(uid: str, guard: int = 0) -> tuple[str, int]:
        if uid in paths:
            return paths[uid]
        parent = rows.get(uid)
        if parent is None or parent not in rows or guard > 64:
            res = (f"/{uid}/", 0)
        else:
            pp, pd = path_of(parent, guard + 1)
            res = (f"{pp}{uid}/", pd + 1)
        paths[uid] = res
        return res

    current = {r[0]: (r[1], r[2]) for r in conn.execute(select(t.id, t.path, t.depth))}
    params = []
    for uid in rows:
        p, d = path_of(uid)
        if current.get(uid) != (p, d):
            params.append({"b_id": uid, "path": p, "depth": d})
    if params:
        ut = table("org_unit")
        conn.execute(update(ut).where(ut.c.id == bindparam("b_id")), params)


# --------------------------------------------------------------------------- writing incoming rows


_DEFAULTS: dict[str, dict[str, Any]] = {}


def column_defaults(name: str) -> dict[str, Any]:
    """Python-side defaults of a table's columns (a raw insert must give every NOT NULL column a value)."""
    out = _DEFAULTS.get(name)
    if out is None:
        out = {}
        for c in table(name).c:
            d = c.default
            if d is None:
                continue
            if getattr(d, "is_scalar", False):
                out[c.name] = d.arg  # type: ignore[attr-defined]
            elif getattr(d, "is_callable", False) and c.name != "id":
                out[c.name] = d.arg(None)  # type: ignore[attr-defined]
        _DEFAULTS[name] = out
    return dict(out)


def write_rows(
    conn: Connection,
    name: str,
    inserts: Sequence[dict[str, Any]],
    updates: Sequence[dict[str, Any]],
) -> None:
    """Insert and update decoded rows (every column present is written; ids are the rows' own)."""
    t = table(name)
    if inserts:
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        defaults = column_defaults(name)
        for r0 in inserts:
            r = {**defaults, **r0} if defaults.keys() - r0.keys() else r0
            cols = tuple(r)
            groups.setdefault(cols, []).append(tuple(r[c] for c in cols))
        for cols, rows in groups.items():
            bulk_insert(conn, name, cols, rows)
    if updates:
        stmt = update(t).where(t.c.id == bindparam("b_id"))
        ugroups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for r in updates:
            p = {k: v for k, v in r.items() if k != "id"}
            p["b_id"] = r["id"]
            ugroups.setdefault(tuple(sorted(p)), []).append(p)
        for params in ugroups.values():
            conn.execute(stmt, params)


def log_changes(conn: Connection, rows: Sequence[tuple[str, str, str, int, int, str, str, list[str], str]]) -> None:
    """Change-log rows ``(table, row_id, op, rev, base_rev, hlc, origin_node, fields, actor)``."""
    bulk_insert(conn, "sync_change_log", ("table_name", "row_id", "op", "rev", "base_rev", "hlc", "origin_node",
                                          "changed_fields", "actor"), rows)


def count_rows(conn: Connection, name: str) -> int:
    return int(conn.execute(select(func.count()).select_from(table(name))).scalar() or 0)


def foreign_key_problems(conn: Connection, tables: Sequence[str]) -> int:
    """Rows of ``tables`` whose foreign key points nowhere (SQLite ``PRAGMA foreign_key_check``; 0 elsewhere)."""
    if conn.dialect.name != "sqlite":
        return 0
    known = Base.metadata.tables
    return sum(len(conn.exec_driver_sql(f"PRAGMA foreign_key_check({t})").fetchall()) for t in tables if t in known)


# --------------------------------------------------------------------------- peers and packages


@dataclass(frozen=True)
class Peer:
    node_id: str
    unit_id: str | None
    relation: str
    name: str
    sign_public_key: str
    enc_public_key: str
    epoch: int
    last_sent_seq: int
    last_acked_seq: int
    next_out_package: int
    last_in_package: int
    last_in_sha256: str


def _peer(r: m.SyncPeerRecord) -> Peer:
    return Peer(r.node_id, r.unit_id, r.relation, r.name, r.sign_public_key, r.enc_public_key, r.epoch,
                r.last_sent_seq, r.last_acked_seq, r.next_out_package, r.last_in_package, r.last_in_sha256)


def list_peers(session: Session) -> list[Peer]:
    return [_peer(r) for r in session.scalars(select(m.SyncPeerRecord).order_by(m.SyncPeerRecord.relation, m.SyncPeerRecord.name))]


def get_peer(session: Session, node_id: str) -> Peer | None:
    r = session.get(m.SyncPeerRecord, node_id)
    return _peer(r) if r is not None else None


def update_peer(session: Session, node_id: str, **values: Any) -> None:
    r = session.get(m.SyncPeerRecord, node_id)
    assert r is not None
    for k, v in values.items():
        setattr(r, k, v)


@dataclass(frozen=True)
class PackageRow:
    package_id: str
    direction: str
    peer_node_id: str
    kind: str
    epoch: int
    seq: int
    sha256: str
    status: str
    at: datetime
    counts: dict[str, Any]
    file_name: str


def _pkg(r: m.SyncPackageRecord) -> PackageRow:
    return PackageRow(r.package_id, r.direction, r.peer_node_id, r.kind, r.epoch, r.seq, r.sha256, r.status, r.at,
                      dict(r.counts or {}), r.file_name)


def get_package(session: Session, package_id: str) -> PackageRow | None:
    r = session.get(m.SyncPackageRecord, package_id)
    return _pkg(r) if r is not None else None


def last_package(session: Session, peer_node_id: str, direction: str, kinds: Sequence[str] | None = None) -> PackageRow | None:
    t = m.SyncPackageRecord
    q = select(t).where(t.peer_node_id == peer_node_id, t.direction == direction)
    if kinds:
        q = q.where(t.kind.in_(kinds))
    r = session.scalars(q.order_by(t.at.desc(), t.seq.desc()).limit(1)).first()
    return _pkg(r) if r is not None else None


def last_out_data_package(session: Session, peer_node_id: str, epoch: int) -> PackageRow | None:
    t = m.SyncPackageRecord
    q = select(t).where(t.peer_node_id == peer_node_id, t.direction == "out", t.epoch == epoch,
                        t.kind.in_(("delta", "full"))).order_by(t.seq.desc()).limit(1)
    r = session.scalars(q).first()
    return _pkg(r) if r is not None else None


@dataclass(frozen=True)
class ConflictRow:
    id: str
    table_name: str
    row_id: str
    kind: str
    fields: list[str]
    base: dict[str, Any]
    local: dict[str, Any]
    incoming: dict[str, Any]
    package_id: str
    status: str
    created_at: datetime
    resolved_by: str
    resolved_at: datetime | None
    resolution: str


def _conflict(r: m.SyncConflictRecord) -> ConflictRow:
    return ConflictRow(r.id, r.table_name, r.row_id, r.kind, list(r.fields or []), dict(r.base or {}), dict(r.local or {}),
                       dict(r.incoming or {}), r.package_id, r.status, r.created_at, r.resolved_by, r.resolved_at,
                       r.resolution)


def conflicts(session: Session, status: str | None = "open") -> list[ConflictRow]:
    t = m.SyncConflictRecord
    q = select(t)
    if status is not None:
        q = q.where(t.status == status)
    return [_conflict(r) for r in session.scalars(q.order_by(t.created_at, t.id))]


def count_open_conflicts(session: Session) -> int:
    t = m.SyncConflictRecord
    return int(session.scalar(select(func.count()).select_from(t).where(t.status == "open")) or 0)


def base_values(conn: Connection, name: str, row_id: str, fields: Iterable[str]) -> dict[str, Any]:
    """The value each field had before its first edit recorded here (the audit log keeps old → new)."""
    wanted = set(fields)
    out: dict[str, Any] = {}
    q = text("SELECT changes FROM audit_log WHERE entity = :t AND entity_id = :i AND action = 'update' ORDER BY seq")
    for (changes,) in conn.execute(q, {"t": name, "i": row_id}):
        parsed = json.loads(changes) if isinstance(changes, str) else (changes or {})
        for f, pair in parsed.items():
            if f in wanted and f not in out and isinstance(pair, list) and pair:
                out[f] = pair[0]
    return out


# --------------------------------------------------------------------------- settings


def get_setting(session: Session, key: str) -> Any:
    rec = session.get(m.SettingRecord, key)
    return None if rec is None else rec.value


def put_setting(session: Session, key: str, value: Any) -> None:
    rec = session.get(m.SettingRecord, key)
    if rec is None:
        session.add(m.SettingRecord(key=key, value=value))
    else:
        rec.value = value


# --------------------------------------------------------------------------- full packages as an SQLite snapshot

SNAPSHOT_NAME = "snapshot.sqlite"
# Page cache of the connection applying a full package (KiB, negative as SQLite wants it): the new rows' index
# pages stay in memory instead of being spilled to the WAL and read back again and again. Restored afterwards.
APPLY_CACHE_KIB = -262144
# Derived columns a snapshot also carries (computed from the row by the same code at the sender): the receiver
# of 100,000 new people then only places them in its search index instead of recomputing every search text.
SNAPSHOT_EXTRA: dict[str, tuple[str, ...]] = {"cadre": ("name_sort_key", "search_fold", "search_exact", "search_info")}
# How an owned row is found in SQL, by the kind of its owner (see ``domain.sync.OWNER_PATH``). The owners are
# materialised once per export in temp tables with a primary key (``_SCOPE_FILL``), and the unary ``+`` keeps
# SQLite from walking the owner column's index row by row: each table is read once in storage order and each
# owner looked up in the small temp table (on the 100,000-cadre province: 5 s instead of 26 s, most of which was
# the evaluation join re-run for every empty table below it).
_OWNED_SQL = {
    "unit": "+{col} IN (SELECT id FROM temp.scope_units)",
    "cadre": "+{col} IN (SELECT id FROM temp.scope_cadres)",
    "evaluation": "+{col} IN (SELECT id FROM temp.scope_evaluations)",
    "procedure": "+{col} IN (SELECT id FROM temp.scope_procedures)",
}
# The temp table of each owner kind, filled on first use (only when a table of that kind has rows).
_SCOPE_FILL = {
    "cadre": "INSERT INTO temp.scope_cadres SELECT id FROM main.cadre WHERE +owner_unit_id IN "
             "(SELECT id FROM temp.scope_units)",
    "evaluation": "INSERT INTO temp.scope_evaluations SELECT id FROM main.evaluation WHERE +cadre_id IN "
                  "(SELECT id FROM temp.scope_cadres)",
    "procedure": "INSERT INTO temp.scope_procedures SELECT id FROM main.appointment_procedure WHERE +cadre_id IN "
                 "(SELECT id FROM temp.scope_cadres)",
}


def write_snapshot(db_file: Path, snap: Path, tables: Sequence[tuple[str, tuple[str, str] | None]],
                   scope_units: set[str] | None) -> tuple[dict[str, int], int, set[str]]:
    """Copy the owned rows of ``tables`` (``(name, owner path or None for every row)``) into a new SQLite file,
    in SQLite itself (no row passes through Python), as one consistent read of the database.

    ``scope_units`` None: every row. Returns (rows per table, the change-log position of the copy, the
    attachment hashes the copied rows refer to)."""
    con = sqlite3.connect(str(db_file), isolation_level=None)
    try:
        con.execute("PRAGMA temp_store = MEMORY")
        con.execute("ATTACH DATABASE ? AS snap", (str(snap),))
        con.execute("PRAGMA snap.journal_mode = OFF")
        con.execute("PRAGMA snap.synchronous = OFF")
        for kind in ("units", "cadres", "evaluations", "procedures"):
            con.execute(f"CREATE TEMP TABLE scope_{kind} (id TEXT PRIMARY KEY) WITHOUT ROWID")
        con.execute("BEGIN")
        if scope_units is not None:
            con.executemany("INSERT INTO temp.scope_units VALUES (?)", [(u,) for u in scope_units])
        up_to = int(con.execute("SELECT coalesce(max(seq), 0) FROM main.sync_change_log").fetchone()[0])
        counts: dict[str, int] = {}
        filled: set[str] = set()

        def fill(kind: str) -> None:
            if kind in filled or kind == "unit":
                return
            if kind in ("evaluation", "procedure"):
                fill("cadre")
            con.execute(_SCOPE_FILL[kind])
            filled.add(kind)

        for name, how in tables:
            cols = ", ".join([*synced_columns(name), *SNAPSHOT_EXTRA.get(name, ())])
            where = ""
            if scope_units is not None and how is not None and con.execute(f"SELECT 1 FROM main.{name} LIMIT 1").fetchone():
                fill(how[0])
                where = " WHERE " + _OWNED_SQL[how[0]].format(col=how[1])
            con.execute(f"CREATE TABLE snap.{name} AS SELECT {cols} FROM main.{name}{where}")
            counts[name] = int(con.execute(f"SELECT count(*) FROM snap.{name}").fetchone()[0])
        shas: set[str] = set()
        if "cadre" in counts:
            shas.update(r[0] for r in con.execute("SELECT DISTINCT photo_sha256 FROM snap.cadre WHERE photo_sha256 <> ''"))
        if "cadre_document" in counts:
            shas.update(r[0] for r in con.execute(
                "SELECT DISTINCT attachment_sha256 FROM snap.cadre_document WHERE attachment_sha256 <> ''"))
        con.execute("COMMIT")
        con.execute("DETACH DATABASE snap")
        return counts, up_to, {s for s in shas if s}
    finally:
        con.close()


class Snapshot:
    """Reading a received snapshot (read only, a separate connection: it is another file).

    On an SQLite receiver the snapshot is also ATTACHed to the apply connection (``attach``), so that its rows
    are classified and copied by set-based SQL (``INSERT … SELECT``) instead of passing through Python one by
    one; ``detach`` must be called once the transaction has ended (SQLite refuses to detach inside it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.schema = ""
        self._raw: Any = None
        self._cache_size: int | None = None

    def attach(self, conn: Connection) -> str:
        """ATTACH the snapshot to ``conn`` (SQLite) under a fresh schema name; also registers ``canbo_nfc`` and
        gives the apply transaction a page cache the size of a province's indexes (restored by ``detach``)."""
        raw = conn.connection.driver_connection
        assert raw is not None
        self.schema = "snapin_" + uuid.uuid4().hex[:12]
        raw.execute(f"ATTACH DATABASE ? AS {self.schema}", (str(self.path),))
        raw.create_function("canbo_nfc", 1, _nfc, deterministic=True)
        raw.create_function("canbo_not_nfc", -1, _not_nfc, deterministic=True)
        self._cache_size = int(raw.execute("PRAGMA main.cache_size").fetchone()[0])
        raw.execute(f"PRAGMA main.cache_size = {APPLY_CACHE_KIB}")
        self._raw = raw
        return self.schema

    def detach(self) -> None:
        """Undo ``attach`` (after the transaction: commit or rollback). A connection closed meanwhile is fine."""
        raw, self._raw = self._raw, None
        if raw is None:
            return
        with contextlib.suppress(sqlite3.Error):
            if self._cache_size is not None:
                raw.execute(f"PRAGMA main.cache_size = {self._cache_size}")
            raw.execute(f"DETACH DATABASE {self.schema}")

    def tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, name: str) -> list[str]:
        return [r[1] for r in self.con.execute(f"PRAGMA table_info({name})")]

    def count(self, name: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])

    def batches(self, name: str, cols: Sequence[str], size: int = 5000) -> Iterator[list[tuple[Any, ...]]]:
        cur = self.con.execute(f"SELECT {', '.join(cols)} FROM {name}")
        while True:
            rows = cur.fetchmany(size)
            if not rows:
                return
            yield rows

    def close(self) -> None:
        self.con.close()


def existing_ids(conn: Connection, name: str, ids: Sequence[str]) -> set[str]:
    t = table(name)
    out: set[str] = set()
    for part in _chunks(list(ids)):
        out.update(r[0] for r in conn.execute(select(t.c.id).where(t.c.id.in_(part))))
    return out


def insert_raw(conn: Connection, name: str, cols: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows already in SQLite's storage form (from a snapshot), filling missing NOT NULL columns.

    Into SQLite they go as they are (the fast path of a full package). Any other receiver (a district on
    PostgreSQL) gets them as Python values through the same decoding as a delta's rows: SQLite's 0/1 booleans,
    ISO dates and JSON text are not PostgreSQL's types."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        values = [decode_row(name, raw_to_json(name, cols, r)) for r in rows]
        derived = [(i, c) for i, c in enumerate(cols) if c in SNAPSHOT_EXTRA.get(name, ())]  # computed by the sender
        defaults = column_defaults(name)
        for v, r in zip(values, rows, strict=True):
            for i, c in derived:
                v[c] = _nfc(r[i])
            for c, d in defaults.items():
                v.setdefault(c, d)
        conn.execute(table(name).insert(), values)
        return
    defaults = column_defaults(name)
    extra = [c for c in defaults if c not in cols and c not in ("id",)]
    if extra:
        fixed = []
        for c in extra:
            v = defaults[c]
            fixed.append(json.dumps(v) if isinstance(v, dict | list) else int(v) if isinstance(v, bool) else v)
        tail = tuple(fixed)
        rows = [r + tail for r in rows]
    all_cols = [*cols, *extra]
    sql = f"INSERT INTO {name} ({', '.join(all_cols)}) VALUES ({', '.join('?' * len(all_cols))})"
    conn.exec_driver_sql(sql, [tuple(map(_nfc, r)) for r in rows])


def raw_to_json(name: str, cols: Sequence[str], row: tuple[Any, ...]) -> dict[str, Any]:
    """A snapshot row (SQLite storage form) as the JSON-ready dictionary ``iter_rows`` gives."""
    t = table(name)
    out: dict[str, Any] = {}
    for c, v in zip(cols, row, strict=True):
        if c in t.c:
            f = _encoder(t.c[c], True)
            out[c] = f(v) if f is not None else v
    return out


# --------------------------------------------------------------------------- applying an ATTACHed snapshot (SQLite)


def nfc_columns(name: str, cols: Sequence[str]) -> list[str]:
    """The columns of ``cols`` whose text must arrive NFC: those the ORM keeps NFC here (``NFCString`` /
    ``NFCText``), JSON, the derived search texts a snapshot carries, and any column this version does not know.
    The other text columns hold ids and codes (ASCII), which the ORM does not normalise either."""
    t = table(name)
    out = []
    for c in cols:
        col = t.c[c] if c in t.c else None
        if col is None or isinstance(col.type, TypeDecorator | JSON) or c in SNAPSHOT_EXTRA.get(name, ()):
            out.append(c)
    return out


def _not_nfc(*values: Any) -> int:
    """``canbo_not_nfc(v1, v2, …)`` in SQL: 1 when some text value is not NFC. One call per row, all values
    joined by U+001F (a starter that composes with nothing, so the joined text is NFC exactly when every value
    is): calling Python once per value cost 3× the insert itself on a province."""
    try:
        joined = "\x1f".join(filter(None, values))
    except TypeError:  # a number or a blob in a text column
        joined = "\x1f".join(v for v in values if isinstance(v, str))
    return 0 if joined.isascii() or unicodedata.is_normalized("NFC", joined) else 1


def nfc_select(name: str, cols: Sequence[str], alias: str = "s") -> list[str]:
    """SELECT expressions for ``cols`` of a snapshot table with the text of ``nfc_columns`` normalised to NFC
    (``canbo_nfc``, registered by ``Snapshot.attach``; ASCII text is left to SQLite)."""
    checked = set(nfc_columns(name, cols))
    out = []
    for c in cols:
        v = f"{alias}.{c}"
        out.append(f"CASE WHEN typeof({v}) = 'text' AND length(CAST({v} AS BLOB)) <> length({v}) "
                   f"THEN canbo_nfc({v}) ELSE {v} END" if c in checked else v)
    return out


def raw_defaults(name: str, cols: Sequence[str]) -> tuple[list[str], list[Any]]:
    """Columns missing from ``cols`` that need a value, with their default in SQLite's storage form."""
    defaults = column_defaults(name)
    extra = [c for c in defaults if c not in cols and c != "id"]
    values = [json.dumps(defaults[c]) if isinstance(defaults[c], dict | list)
              else int(defaults[c]) if isinstance(defaults[c], bool) else defaults[c] for c in extra]
    return extra, values


def insert_from_snapshot(conn: Connection, schema: str, name: str, cols: Sequence[str], where: str) -> int:
    """``INSERT INTO main.<name> … SELECT … FROM <schema>.<name> s WHERE <where>`` (text NFC, defaults filled).

    The rows with text that is not NFC (none, from this program) are found first, one ``canbo_not_nfc`` call per
    row, and copied through ``nfc_select``; the others are copied as they are."""
    extra, values = raw_defaults(name, cols)
    target = f"INSERT INTO main.{name} ({', '.join([*cols, *extra])}) SELECT "
    source = f" FROM {schema}.{name} s WHERE {where}"
    params = ", ".join("?" * len(extra))
    plain = ", ".join([*(f"s.{c}" for c in cols), *([params] if extra else [])])
    checked = nfc_columns(name, cols)
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.sync_not_nfc")
    conn.exec_driver_sql("CREATE TEMP TABLE sync_not_nfc (rid INTEGER PRIMARY KEY)")
    if checked:
        calls = " OR ".join(f"canbo_not_nfc({', '.join('s.' + c for c in checked[i: i + 100])})"
                            for i in range(0, len(checked), 100))  # SQLite passes at most 127 arguments
        conn.exec_driver_sql(f"INSERT INTO temp.sync_not_nfc SELECT s.rowid{source} AND ({calls})")
    bad = int(conn.exec_driver_sql("SELECT count(*) FROM temp.sync_not_nfc").scalar() or 0)
    if not bad:
        n = conn.exec_driver_sql(target + plain + source, tuple(values)).rowcount
    else:
        n = conn.exec_driver_sql(target + plain + source + " AND s.rowid NOT IN (SELECT rid FROM temp.sync_not_nfc)",
                                 tuple(values)).rowcount
        fixed = ", ".join([*nfc_select(name, cols), *([params] if extra else [])])
        n += conn.exec_driver_sql(target + fixed + source + " AND s.rowid IN (SELECT rid FROM temp.sync_not_nfc)",
                                  tuple(values)).rowcount
    conn.exec_driver_sql("DROP TABLE temp.sync_not_nfc")
    return int(n or 0)


def log_from_snapshot(conn: Connection, schema: str, name: str, has_deleted: bool, actor: str, where: str) -> None:
    """One change-log row per snapshot row matching ``where`` (as ``log_changes`` writes for inserted rows)."""
    op = "CASE WHEN s.deleted THEN 'D' ELSE 'I' END" if has_deleted else "'I'"
    log = ("table_name", "row_id", "op", "rev", "base_rev", "hlc", "origin_node", "changed_fields", "actor")
    extra, values = raw_defaults("sync_change_log", log)
    extra_sel = ["?"] * len(extra)
    sql = (f"INSERT INTO main.sync_change_log ({', '.join([*log, *extra])}) "
           f"SELECT ?, s.id, {op}, s.rev, 0, s.hlc, s.origin_node, '[]', ?{''.join(', ' + e for e in extra_sel)} "
           f"FROM {schema}.{name} s WHERE {where}")
    conn.exec_driver_sql(sql, (name, actor, *values))


# -- the set-based apply of an ATTACHed snapshot (SQLite receivers; services/sync/importer.py decides) --------------
# Owner sets: temp.sync_own_<kind> holds the ids of the units / cadres / evaluations / procedures in the sender's
# subtree, so that an owned-row test is one IN over a small primary key. Rows of the table being applied are split
# into temp.sync_fresh (new here) and temp.sync_again (already here) by their rowid in the snapshot.
OWNER_KINDS = ("unit", "cadre", "evaluation", "procedure")
# kind → (its table, the column naming its owner, the owner's kind)
OWNER_LINKS = {"cadre": ("cadre", "owner_unit_id", "unit"), "evaluation": ("evaluation", "cadre_id", "cadre"),
               "procedure": ("appointment_procedure", "cadre_id", "cadre")}
FRESH = "s.rowid IN (SELECT rid FROM temp.sync_fresh)"  # a condition on snapshot row ``s``: new here


def owned_condition(kind: str, col: str) -> str:
    """A condition on snapshot row ``s``: its ``col`` names an owner in ``temp.sync_own_<kind>``. The unary ``+``
    keeps SQLite from walking the column's index: the table is read in storage order."""
    return f"coalesce(+s.{col} IN (SELECT id FROM temp.sync_own_{kind}), 0)"


def fill_owner_units(conn: Connection, unit_ids: Sequence[str]) -> None:
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.sync_own_unit")
    conn.exec_driver_sql("CREATE TEMP TABLE sync_own_unit (id TEXT PRIMARY KEY) WITHOUT ROWID")
    if unit_ids:
        conn.exec_driver_sql("INSERT INTO temp.sync_own_unit VALUES (?)", [(u,) for u in unit_ids])


def fill_owner_rows(conn: Connection, kind: str, schema: str, in_snapshot: bool) -> None:
    """``temp.sync_own_<kind>``: the rows whose owner is in the owner kind's set, the package's link winning over
    the one stored here (``in_snapshot``: the snapshot ``schema`` carries that table). The owner kind's set must
    be filled first."""
    table, col, parent = OWNER_LINKS[kind]
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.sync_own_{kind}")
    conn.exec_driver_sql(f"CREATE TEMP TABLE sync_own_{kind} (id TEXT PRIMARY KEY) WITHOUT ROWID")
    owned = f"+{col} IN (SELECT id FROM temp.sync_own_{parent})"
    local = f"INSERT OR IGNORE INTO temp.sync_own_{kind} SELECT id FROM main.{table} WHERE {owned}"
    if in_snapshot:
        conn.exec_driver_sql(f"INSERT INTO temp.sync_own_{kind} SELECT id FROM {schema}.{table} "
                             f"WHERE {owned} AND id IS NOT NULL")
        local += f" AND id NOT IN (SELECT id FROM {schema}.{table} WHERE id IS NOT NULL)"
    conn.exec_driver_sql(local)


def drop_owner_sets(conn: Connection) -> None:
    for kind in OWNER_KINDS:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.sync_own_{kind}")


def has_row_without_id(conn: Connection, src: str) -> bool:
    return conn.exec_driver_sql(f"SELECT 1 FROM {src} WHERE id IS NULL LIMIT 1").first() is not None


def split_snapshot_rows(conn: Connection, src: str, name: str, owned: str, has_deleted: bool) -> tuple[int, int, int]:
    """Fills ``temp.sync_fresh`` / ``temp.sync_again`` with the owned rows of snapshot table ``src`` new here /
    already here (``name`` in this database); returns (new, of which deletions, already here)."""
    for temp in ("sync_fresh", "sync_again"):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{temp}")
        conn.exec_driver_sql(f"CREATE TEMP TABLE {temp} (rid INTEGER PRIMARY KEY)")
    conn.exec_driver_sql(f"INSERT INTO temp.sync_fresh SELECT s.rowid FROM {src} s "
                         f"WHERE {owned} AND s.id NOT IN (SELECT id FROM main.{name})")
    conn.exec_driver_sql(f"INSERT INTO temp.sync_again SELECT s.rowid FROM {src} s "
                         f"WHERE {owned} AND s.id IN (SELECT id FROM main.{name})")
    deleted = "coalesce(sum(CASE WHEN s.deleted THEN 1 ELSE 0 END), 0)" if has_deleted else "0"
    fresh, n_deleted = conn.exec_driver_sql(f"SELECT count(*), {deleted} FROM {src} s WHERE {FRESH}").one()
    again = conn.exec_driver_sql("SELECT count(*) FROM temp.sync_again").scalar()
    return int(fresh), int(n_deleted), int(again or 0)


def drop_split(conn: Connection) -> None:
    for temp in ("sync_fresh", "sync_again"):
        conn.exec_driver_sql(f"DROP TABLE temp.{temp}")


def unplaced_ids(conn: Connection, src: str, limit: int) -> list[str]:
    """Ids of snapshot rows in neither set (not owned: rejected), in snapshot order."""
    q = (f"SELECT s.id FROM {src} s WHERE s.rowid NOT IN (SELECT rid FROM temp.sync_fresh) "
         f"AND s.rowid NOT IN (SELECT rid FROM temp.sync_again) ORDER BY s.rowid LIMIT ?")
    return [str(rid) for (rid,) in conn.exec_driver_sql(q, (limit,))]


def fresh_names(conn: Connection, src: str, limit: int) -> list[tuple[Any, Any]]:
    """(id, full name NFC, or None) of the first new cadres of the snapshot."""
    q = f"SELECT s.id, s.full_name FROM {src} s WHERE {FRESH} ORDER BY s.rowid LIMIT ?"
    return [(rid, _nfc(name)) for rid, name in conn.exec_driver_sql(q, (limit,))]


def again_rows(conn: Connection, src: str, cols: Sequence[str], after: int, limit: int) -> list[Any]:
    """(rowid, *cols) of the next rows already here, after snapshot rowid ``after``."""
    q = (f"SELECT s.rowid, {', '.join('s.' + c for c in cols)} FROM {src} s "
         f"WHERE s.rowid IN (SELECT rid FROM temp.sync_again WHERE rid > ? ORDER BY rid LIMIT ?)")
    return list(conn.exec_driver_sql(q, (after, limit)).all())


def fresh_max_hlc(conn: Connection, src: str) -> str:
    return str(conn.exec_driver_sql(f"SELECT max(s.hlc) FROM {src} s WHERE {FRESH}").scalar())


def fresh_ids(conn: Connection, src: str) -> list[str]:
    return [str(r[0]) for r in conn.exec_driver_sql(f"SELECT s.id FROM {src} s WHERE {FRESH}")]


def cccd_pairs(conn: Connection, src: str) -> list[Any]:
    """The new cadres of snapshot ``src`` whose CCCD is held by a person of another unit, here already or earlier
    in the same snapshot: (rowid, id, id_number, full_name, birth_date, owner_unit_id, other's id, id_number,
    full_name, owner_unit_id), in snapshot order."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.sync_cccd")
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE sync_cccd AS SELECT s.rowid AS rid, s.id, s.id_number, s.full_name, s.birth_date, "
        f"s.owner_unit_id, s.deleted FROM {src} s WHERE {FRESH} AND coalesce(s.id_number, '') <> ''")
    conn.exec_driver_sql("CREATE INDEX temp.sync_cccd_number ON sync_cccd (id_number, rid)")
    pairs = conn.exec_driver_sql(
        "SELECT s.rid, s.id, s.id_number, s.full_name, s.birth_date, s.owner_unit_id, c.id, c.id_number, "
        "c.full_name, c.owner_unit_id FROM temp.sync_cccd s JOIN main.cadre c ON c.id_number = s.id_number "
        "WHERE c.deleted = 0 AND c.id <> s.id AND c.owner_unit_id IS NOT s.owner_unit_id "
        "UNION ALL "
        "SELECT s.rid, s.id, s.id_number, s.full_name, s.birth_date, s.owner_unit_id, o.id, o.id_number, "
        "o.full_name, o.owner_unit_id FROM temp.sync_cccd s JOIN temp.sync_cccd o "
        "ON o.id_number = s.id_number AND o.rid < s.rid "
        "WHERE NOT o.deleted AND o.id <> s.id AND o.owner_unit_id IS NOT s.owner_unit_id ORDER BY 1").all()
    conn.exec_driver_sql("DROP TABLE temp.sync_cccd")
    return list(pairs)
