"""The targets dashboard's per-unit counts, kept between views and brought up to date from the change log.

Counting the indicators of every person of a province is the dashboard's one cost that grows with the number
of people (~165 ms of SQLite on 100,000). The people of a unit change only through writes, and every write of
a synced table leaves a row in ``sync_change_log`` in the same transaction (the invariant the USB sync itself
rests on, ``sync.md``). So the grouped result of a counting query — unit id → how many people carry each
packed code (:meth:`canbo_desktop.db.reports.ReportsRepository.target_counts`) — is kept per engine and per
query (its SQL and parameters: the rules, the date, the subtree, the code lists' ranks all live there). On
the next view:

* nothing was logged since → the kept counts are the answer;
* a few rows were logged (a clerk's edits, a small import) → only the units of the people they touch are
  counted again: a person's own row, or a row of a table with a ``cadre_id`` (qualifications, trainings…);
* anything else → counted whole, as the first time: a logged row without its changed fields (a sync apply,
  a hard delete: the row's former unit is unknown), a person moved to another unit, a change to any other
  table (units, code lists, titles, rules), more than :data:`MAX_CHANGES` rows, or a change log that no
  longer holds the row the counts were made at (a restored backup, a rolled-back write whose sequence
  number was taken again: the row's HLC differs).

SQLite only: one writer at a time, so the sequence numbers are committed in order. PostgreSQL may commit a
lower number after a higher one has been read, so there every view counts whole.

The cache holds a few queries per engine (:data:`PER_ENGINE`). Disposing of the engine (a restore does, before
it replaces the file) forgets them. A write that bypasses the change log (a test's Core inserts, another
program editing the file) is not seen: such a writer calls :func:`clear`.
"""

from __future__ import annotations

import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.orm import Session

from canbo_desktop.db import models as m
from canbo_desktop.db.base import Base

# More logged rows than this since the counts were made: counting whole is about as quick.
MAX_CHANGES = 2000
# Queries kept per engine: the dashboard of a few subtrees at today's date.
PER_ENGINE = 8

UnitCodes = dict[str, Counter[str]]


@dataclass(frozen=True)
class _Entry:
    seq: int  # the last change-log row when the counts were made (0: the log was empty)
    hlc: str  # that row's HLC: the same sequence number reused by another write is told apart
    units: UnitCodes


_lock = threading.Lock()
_entries: weakref.WeakKeyDictionary[Engine, OrderedDict[Any, _Entry]] = weakref.WeakKeyDictionary()
# what the cache did on its last calls (for the tests and the benchmark): "kept", "recounted N units", "whole",
# "whole, not kept" (PostgreSQL)
last_outcome: list[str] = []


# the tables whose rows belong to one person (a ``cadre_id`` column): trainings, decisions, evaluations…
_CHILDREN = {name: table for name, table in Base.metadata.tables.items() if "cadre_id" in table.c}


def clear() -> None:
    """Forget every kept count (tests; the benchmark's first view)."""
    with _lock:
        _entries.clear()
        last_outcome.clear()


def _forget(conn: Any) -> None:
    with _lock:
        _entries.pop(conn.engine, None)


def _note(outcome: str) -> None:
    last_outcome.append(outcome)
    del last_outcome[:-20]


def _last_log_row(s: Session) -> tuple[int, str]:
    L = m.ChangeLogRecord
    row = s.execute(select(L.seq, L.hlc).order_by(L.seq.desc()).limit(1)).first()
    return (int(row.seq), str(row.hlc)) if row else (0, "")


def _touched_units(s: Session, entry: _Entry) -> set[str] | None:
    """The units whose people the rows logged after ``entry`` may have changed; None: count whole."""
    L = m.ChangeLogRecord
    if entry.seq:
        hlc = s.scalar(select(L.hlc).where(L.seq == entry.seq))
        if hlc != entry.hlc:
            return None
    rows = s.execute(select(L.table_name, L.row_id, L.op, L.changed_fields).where(L.seq > entry.seq)
                     .order_by(L.seq).limit(MAX_CHANGES + 1)).all()
    if len(rows) > MAX_CHANGES:
        return None
    people: set[str] = set()
    owned: dict[str, set[str]] = {}
    for table, row_id, op, fields in rows:
        if not fields:  # a sync apply or a hard delete: where the row was is not known
            return None
        if table == "cadre":
            if op != "I" and "owner_unit_id" in fields:  # moved: its former unit is not known
                return None
            people.add(row_id)
        elif table in _CHILDREN:
            owned.setdefault(table, set()).add(row_id)
        else:
            return None
    for table, ids in owned.items():
        t = _CHILDREN[table]
        found = s.execute(select(t.c.id, t.c.cadre_id).where(t.c.id.in_(ids))).all()
        if len(found) != len(ids):
            return None
        people.update(cadre_id for _id, cadre_id in found)
    if not people:
        return set()
    c = m.CadreRecord
    found_people = s.execute(select(c.id, c.owner_unit_id).where(c.id.in_(people))).all()
    if len(found_people) != len(people):
        return None
    return {unit_id for _id, unit_id in found_people}


def _key(query: Any) -> Any:
    """The query's structure and parameter values (SQLAlchemy's own statement cache key, a third of the cost
    of compiling the SQL text); None when it has none (then nothing is kept)."""
    ck = query._generate_cache_key()
    if ck is None:
        return None
    values = []
    for bp in ck.bindparams:
        v = bp.effective_value
        values.append(tuple(v) if isinstance(v, list) else v)
    return ck.key, tuple(values)


def unit_codes(s: Session, query: Any, unit_column: Any, count: Callable[[Any], UnitCodes]) -> UnitCodes:
    """``count(query)``, or the kept result of the same query brought up to date (see the module's text).
    ``count`` runs the grouped query (it may be restricted with ``unit_column.in_(…)``) and returns unit id →
    packed code → people. The result is shared: read it, do not change it."""
    bind = s.get_bind()
    engine: Engine = bind.engine if isinstance(bind, Connection) else bind
    if engine.dialect.name != "sqlite":
        _note("whole, not kept")
        return count(query)
    key = _key(query)
    seq, hlc = _last_log_row(s)  # before the counts: a write committed meanwhile is seen again next time
    with _lock:
        kept = _entries.get(engine, OrderedDict()).get(key) if key is not None else None
    if kept is not None and (kept.seq, kept.hlc) == (seq, hlc):
        _note("kept")
        return kept.units
    units: UnitCodes
    touched = _touched_units(s, kept) if kept is not None else None
    if touched is None:
        units = count(query)
        _note("whole")
    else:
        assert kept is not None
        units = dict(kept.units)
        for unit_id in touched:
            units.pop(unit_id, None)
        if touched:
            units.update(count(query.where(unit_column.in_(sorted(touched)))))
        _note(f"recounted {len(touched)} units")
    if key is None:
        return units
    with _lock:
        per = _entries.get(engine)
        if per is None:
            per = _entries[engine] = OrderedDict()
            # a restore puts another file under the same engine, after closing its connections: forget it all
            event.listen(engine, "engine_disposed", _forget)
        per[key] = _Entry(seq, hlc, units)
        per.move_to_end(key)
        while len(per) > PER_ENGINE:
            per.popitem(last=False)
    return units
