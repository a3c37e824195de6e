"""The database side of importing a cadre list: matching in bulk and writing in bulk.

Matching reads only the key columns of the people a file can match (by CCCD, and by birth date for the
name + birth date + birthplace rule), a few thousand values per query, never one query per row.

Writing goes around the ORM for speed (10,000 people in one transaction) but leaves exactly what the
unit of work would have left (``db/uow.py``): every person's derived columns (full name, sort key,
search texts, a search row id in name order so the FTS5 index stays sorted), the sync stamps (rev, HLC,
origin node), one change-log row per person, and one chained audit row per person plus one for the
import itself. The caller's unit of work provides the transaction, the node and the change set.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.orm import Session

from canbo_desktop.db import models as m
from canbo_desktop.db import search as fts
from canbo_desktop.db.base import Base, new_id
from canbo_desktop.db.bulk import bulk_insert
from canbo_desktop.db.uow import UnitOfWork, audit_hash
from canbo_desktop.domain import hlc as hlc_mod
from canbo_desktop.domain.cadre import Cadre, search_texts
from canbo_desktop.domain.names import PersonName

CHUNK = 900  # values per IN (…): well under every driver's parameter limit

# Content columns of a cadre row that an import writes (the dataclass fields; ``rev`` is a sync stamp).
CONTENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Cadre) if f.name != "rev")
_FIELDS = tuple(f.name for f in dataclasses.fields(Cadre))


def _values(c: Cadre) -> dict[str, Any]:
    return {k: getattr(c, k) for k in _FIELDS}  # dataclasses.asdict deep-copies: ten times slower
_SYNC_COLUMNS = ("rev", "hlc", "origin_node", "updated_by", "updated_at", "deleted")
# The fields the derived columns (full name, sort key, search texts) are computed from.
AFFECTS_DERIVED = frozenset({"full_name", "family_name", "middle_name", "given_name", "name_family_last", "other_names",
                             "id_number", "phone", "birth_date", "hometown", "owner_unit_id"})
_DERIVED = ("name_sort_key", "search_fold", "search_exact", "search_info", "search_rowid")


@dataclass(frozen=True)
class MatchCandidate:
    """The key columns of a person a file row may match."""

    id: str
    id_number: str
    full_name: str
    birth_date: date | None
    birth_precision: str
    birthplace: str
    owner_unit_id: str
    rev: int
    trashed: bool


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i: i + size]


def _candidates(session: Session, where: Any, values: Collection[Any]) -> list[MatchCandidate]:
    out: list[MatchCandidate] = []
    ordered = sorted(values)
    for part in _chunks(ordered):
        out.extend(_fetch(session, where.in_(part)))
    return out


def _fetch(session: Session, *conditions: Any) -> list[MatchCandidate]:
    c = m.CadreRecord
    q = select(c.id, c.id_number, c.full_name, c.birth_date, c.birth_precision, c.birthplace, c.owner_unit_id, c.rev,
               c.trashed_at.is_not(None)).where(c.deleted.is_(False), *conditions)
    return [MatchCandidate(*r) for r in session.execute(q)]


def candidates_by_id_number(session: Session, numbers: Collection[str]) -> list[MatchCandidate]:
    """Live people (trashed included) whose CCCD is one of ``numbers``."""
    return _candidates(session, m.CadreRecord.id_number, {n for n in numbers if n})


def candidates_by_ids(session: Session, ids: Collection[str]) -> list[MatchCandidate]:
    return _candidates(session, m.CadreRecord.id, set(ids))


def names_born_on(session: Session, dates: Collection[date], *, without_cccd: bool = False) -> list[tuple[str, str, str, str]]:
    """(id, folded names, full name when the person also has other names else "", birth precision) of the live
    people born on one of ``dates``: few columns, because a province has tens of thousands of such people.
    ``without_cccd``: only people with no CCCD on record (the index on the CCCD finds those few)."""
    c = m.CadreRecord
    out: list[tuple[str, str, str, str]] = []
    for part in _chunks(sorted(set(dates))):
        q = select(c.id, c.search_fold, c.other_names, c.full_name, c.birth_precision).where(
            c.deleted.is_(False), c.birth_date.in_(part))
        if without_cccd:
            q = q.where(c.id_number == "")
        out.extend((r[0], r[1], r[3] if r[2] else "", r[4]) for r in session.execute(q))
    return out


def candidates_by_folded_name(session: Session, names: Collection[str]) -> list[MatchCandidate]:
    """Live people whose names, folded (``search_fold``: no diacritics, lower case), are one of ``names``."""
    return _candidates(session, m.CadreRecord.search_fold, {n for n in names if n})


def search_order(conn: Connection) -> tuple[list[str], list[int]]:
    """(sort keys, search row ids) of every searchable person, in name order (SQLite's search index order)."""
    raw = conn.connection.driver_connection  # plain tuples: 100,000 rows in a fraction of the time of Row objects
    cur = raw.cursor()  # type: ignore[union-attr]
    try:
        rows = cur.execute("SELECT name_sort_key, search_rowid FROM cadre WHERE search_rowid IS NOT NULL "
                           "ORDER BY search_rowid").fetchall()
    finally:
        cur.close()
    return [r[0] for r in rows], [int(r[1]) for r in rows]


def candidates_with_partial_birth(session: Session, years: Collection[int]) -> list[MatchCandidate]:
    """Live people born in one of ``years`` whose record knows only the year or the month of birth (stored as
    its first day: the index on the birth date finds them among the people born on a 1st)."""
    c = m.CadreRecord
    firsts = [date(y, mo, 1) for y in sorted(set(years)) for mo in range(1, 13)]
    out: list[MatchCandidate] = []
    for part in _chunks(firsts):
        out.extend(_fetch(session, c.birth_date.in_(part), c.birth_precision != "day"))
    return out


def load_cadres(session: Session, ids: Collection[str]) -> dict[str, Cadre]:
    """Full records by id, in chunks."""
    out: dict[str, Cadre] = {}
    table = Base.metadata.tables["cadre"]
    cols = [table.c[name] for name in _FIELDS]  # Core rows: an ORM object per person costs five times more
    for part in _chunks(sorted(ids)):
        for row in session.execute(select(*cols).where(table.c.id.in_(part))):
            out[row[0]] = Cadre(*row)
    return out


@dataclass(frozen=True)
class CodeRow:
    list_key: str
    code: str
    name: str
    aliases: tuple[str, ...]


def code_rows(session: Session) -> list[CodeRow]:
    """Every live code-list item with its aliases, plus the grades (list "grade": code, name)."""
    r = m.CodeItemRecord
    rows = [CodeRow(x.list_key, x.code, x.name, tuple(x.aliases or ()))
            for x in session.scalars(select(r).where(r.deleted.is_(False)).order_by(r.list_key, r.rank, r.code))]
    g = m.GradeRecord
    for code, name in session.execute(select(g.code, g.name).where(g.deleted.is_(False)).order_by(g.code)):
        rows.append(CodeRow("grade", code, name, (f"{code} {name}", f"{code} - {name}")))
    return rows


def get_setting(session: Session, key: str) -> Any:
    rec = session.get(m.SettingRecord, key)
    return None if rec is None else rec.value


def data_mark(session: Session) -> tuple[int, int]:
    """Where the change log and the audit log stand: any write through the application moves one of them."""
    conn = session.connection()
    a = conn.execute(text("SELECT max(seq) FROM sync_change_log")).scalar()
    b = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar()
    return int(a or 0), int(b or 0)


def lock_for_import(session: Session) -> None:
    """Take the write lock now, so that what the import reads cannot change before it writes."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("UPDATE local_node SET last_hlc = last_hlc")  # starts the write transaction
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE cadre IN SHARE ROW EXCLUSIVE MODE")


# --------------------------------------------------------------------------- writing


@dataclass
class CadreUpdate:
    """An existing person and the values the import gives them (``diff``: field → (old, new))."""

    id: str
    base_rev: int
    new: Cadre
    diff: dict[str, tuple[Any, Any]]


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


class _Stamper:
    """Sync stamps and the audit chain for rows written in bulk, as ``UnitOfWork`` would write them."""

    def __init__(self, uow: UnitOfWork, conn: Connection) -> None:
        self.uow = uow
        node = uow.node
        self.node = node
        self.node_id = node.node_id if node is not None else ""
        self.last = hlc_mod.HLC.decode(node.last_hlc if node is not None else "")
        self.now = uow.now()
        self.actor = uow.actor
        prev = conn.execute(text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar()
        self.prev_hash = str(prev or "")
        self.audit_rows: list[tuple[Any, ...]] = []
        self.log_rows: list[tuple[Any, ...]] = []

    def tick(self) -> str:
        self.last = hlc_mod.tick(self.last, int(time.time() * 1000))
        return self.last.encode()

    def audit(self, action: str, entity: str, entity_id: str, changes: dict[str, Any]) -> None:
        entry = {"id": new_id(), "at": self.now.isoformat(), "actor": self.actor, "node_id": self.node_id,
                 "action": action, "entity": entity, "entity_id": entity_id, "changes": changes}
        digest = audit_hash(self.prev_hash, entry)
        self.audit_rows.append((entry["id"], self.now, self.actor, self.node_id, action, entity, entity_id, changes,
                                self.prev_hash, digest))
        self.prev_hash = digest

    def change(self, row_id: str, op: str, rev: int, base_rev: int, hlc: str, fields: list[str]) -> None:
        self.log_rows.append(("cadre", row_id, op, rev, base_rev, hlc, self.node_id, fields, self.actor))

    def flush(self, conn: Connection) -> None:
        bulk_insert(conn, "audit_log", ("id", "at", "actor", "node_id", "action", "entity", "entity_id", "changes",
                                        "prev_hash", "hash"), self.audit_rows)
        bulk_insert(conn, "sync_change_log", ("table_name", "row_id", "op", "rev", "base_rev", "hlc", "origin_node",
                                              "changed_fields", "actor"), self.log_rows)
        self.audit_rows, self.log_rows = [], []
        if self.node is not None:
            self.node.last_hlc = self.last.encode()


def _derived(c: Cadre, unit_names: dict[str, str]) -> tuple[str, str, str, str, str]:
    """(full name, sort key, search fold, search exact, search info) as ``UnitOfWork._derive_cadre`` makes them."""
    name = PersonName(c.family_name or "", c.middle_name or "", c.given_name or "", bool(c.name_family_last))
    full = name.full_name or c.full_name
    key = name.sort_key(c.birth_date.isoformat() if c.birth_date else "")
    fold_text, exact, info = search_texts(full_name=full, other_names=c.other_names or "", id_number=c.id_number or "",
                                          phone=c.phone or "", birth_year=c.birth_date.year if c.birth_date else None,
                                          hometown=c.hometown or "", unit_name=unit_names.get(c.owner_unit_id, ""))
    return full, key, fold_text, exact, info


def _place(conn: Connection, wanted: list[tuple[str, str]]) -> dict[str, int] | None:
    """Search row ids for (sort key, cadre id) pairs, each strictly between its neighbours in name order.

    Returns None when some gap is too narrow (then the caller renumbers everything after writing)."""
    if not wanted:
        return {}
    keys, rowids = search_order(conn)
    groups: dict[int, list[str]] = {}
    for key, cid in sorted(wanted):
        groups.setdefault(bisect.bisect_right(keys, key), []).append(cid)
    out: dict[str, int] = {}
    for pos, ids in groups.items():
        lo = rowids[pos - 1] if pos > 0 else 0
        hi = rowids[pos] if pos < len(rowids) else lo + 2 * fts.GAP
        step = (hi - lo) // (len(ids) + 1)
        if step < 1:
            return None
        for k, cid in enumerate(ids, start=1):
            out[cid] = lo + k * step
    return out


def write_import(
    uow: UnitOfWork,
    inserts: Sequence[Cadre],
    updates: Sequence[CadreUpdate],
    *,
    summary: dict[str, Any],
    settings: dict[str, Any] | None = None,
    progress: Callable[[float], None] | None = None,
    batch: int = 1000,
) -> list[str]:
    """Insert ``inserts`` and apply ``updates`` in the caller's transaction; returns the new ids.

    ``progress(fraction)`` is called between batches and may raise to stop (the caller rolls back).
    """
    conn = uow.session.connection()
    sqlite = conn.dialect.name == "sqlite"
    stamp = _Stamper(uow, conn)
    unit_names = {r[0]: r[1] for r in conn.execute(text("SELECT id, name FROM org_unit"))}
    content = [c for c in CONTENT_COLUMNS]
    now = stamp.now

    # Derived columns and the name order first (placement needs every new key at once).
    ids = [new_id() for _ in inserts]
    new_rows: list[tuple[Cadre, str, tuple[str, str, str, str, str]]] = []
    for cid, c in zip(ids, inserts, strict=True):
        new_rows.append((c, cid, _derived(c, unit_names)))
    moved: list[tuple[CadreUpdate, tuple[str, str, str, str, str] | None]] = [
        (u, _derived(u.new, unit_names) if set(u.diff) & AFFECTS_DERIVED else None) for u in updates]
    old_keys = {}
    if updates:
        for part in _chunks([u.id for u in updates]):
            q = select(m.CadreRecord.id, m.CadreRecord.name_sort_key, m.CadreRecord.search_rowid).where(m.CadreRecord.id.in_(part))
            old_keys.update({r[0]: (r[1], r[2]) for r in uow.session.execute(q)})
    placement: dict[str, int] | None = {}
    if sqlite:
        wanted = [(d[1], cid) for _c, cid, d in new_rows]
        wanted += [(d[1], u.id) for u, d in moved
                   if d is not None and old_keys.get(u.id, ("", None))[0] != d[1] and not u.new.trashed_at]
        placement = _place(conn, wanted)

    total = max(1, len(new_rows) + len(moved))
    done = 0
    others = [c for c in content if c != "id"]
    i_full, i_created = others.index("full_name"), others.index("created_at")
    columns = ["id", *others, *_DERIVED, *_SYNC_COLUMNS]
    for start in range(0, len(new_rows), batch):
        rows = []
        for c, cid, (full, key, fold_text, exact, info) in new_rows[start: start + batch]:
            vals = [getattr(c, k) for k in others]
            vals[i_full] = full
            if vals[i_created] is None:
                vals[i_created] = now
            hlc = stamp.tick()
            rowid = placement.get(cid) if (sqlite and placement is not None) else None
            rows.append((cid, *vals, key, fold_text, exact, info, rowid, 1, hlc, stamp.node_id, stamp.actor, now, False))
            # What the unit of work logs for an insert: every value that is not None or "" (False included).
            logged: dict[str, Any] = {"id": [None, cid]}
            for k, v in zip(others, vals, strict=True):
                if v is not None and v != "":
                    logged[k] = [None, v.isoformat() if isinstance(v, date) else v]
            stamp.change(cid, "I", 1, 0, hlc, sorted(k for k in logged if k != "id"))
            stamp.audit("insert", "cadre", cid, logged)
            uow.changes.add("created", "cadre", cid)
        bulk_insert(conn, "cadre", columns, rows)
        done += len(rows)
        if progress:
            progress(done / total)

    if moved:
        table = Base.metadata.tables["cadre"]
        stmt = update(table).where(table.c.id == bindparam("b_id"))  # SET: the keys of the parameter sets
        for start in range(0, len(moved), batch):
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for u, derived in moved[start: start + batch]:
                hlc = stamp.tick()
                p: dict[str, Any] = {c: getattr(u.new, c) for c in u.diff}
                if derived is not None:  # a change the search texts or the name order depend on
                    full, key, fold_text, exact, info = derived
                    p.update(full_name=full, search_fold=fold_text, search_exact=exact, search_info=info)
                    old_key, old_rowid = old_keys.get(u.id, ("", None))
                    if old_key != key:
                        p["name_sort_key"] = key
                        if sqlite and u.new.trashed_at is None:
                            p["search_rowid"] = placement.get(u.id) if placement is not None else None
                p.update(b_id=u.id, rev=u.base_rev + 1, hlc=hlc, origin_node=stamp.node_id, updated_by=stamp.actor,
                         updated_at=now)
                groups.setdefault(tuple(sorted(p)), []).append(p)
                diff = {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in sorted(u.diff.items())}
                stamp.change(u.id, "U", u.base_rev + 1, u.base_rev, hlc, sorted(diff))
                stamp.audit("update", "cadre", u.id, diff)
                uow.changes.add("updated", "cadre", u.id)
            for params in groups.values():  # one statement per set of changed columns: few, in a list
                conn.execute(stmt, params)
                done += len(params)
            if progress:
                progress(done / total)

    if sqlite and placement is None:
        fts.renumber_and_rebuild(conn)  # a gap in the name order was used up: renumber once, after writing
    for key_, value in (settings or {}).items():
        old = conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": key_}).scalar()
        old_value = json.loads(old) if isinstance(old, str) else old
        if old is not None and old_value == value:
            continue
        conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": key_})
        bulk_insert(conn, "setting", ("key", "value"), [(key_, value)])
        if old is None:
            stamp.audit("insert", "setting", key_, {"key": [None, key_], "value": [None, value]})
        else:
            stamp.audit("update", "setting", key_, {"value": [old_value, value]})
    stamp.audit("import", "cadre", "", summary)
    stamp.flush(conn)
    return ids
