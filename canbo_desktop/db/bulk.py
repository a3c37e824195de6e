"""Bulk loading for large generated or imported data sets (the demo province, benchmarks).

The unit of work tracks rows one by one, which is right for edits and too slow for 2 million rows.
A bulk load writes rows with the driver's ``executemany`` and then writes the tracking rows the unit
of work would have written — one change-log row per synced row and one audit row for the load — with
``INSERT … SELECT`` in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Table, text

from canbo_desktop.db.base import Base


def _converter(col: Any) -> Any:
    t = col.type
    if isinstance(t, JSON):
        return lambda v: None if v is None else ("{}" if v == {} else "[]" if v == [] else json.dumps(v, ensure_ascii=False))
    if isinstance(t, Boolean):
        return lambda v: None if v is None else int(bool(v))
    if isinstance(t, DateTime):
        # SQLAlchemy's SQLite storage format; isoformat is several times faster than strftime.
        return lambda v: v.isoformat(" ", "microseconds") if isinstance(v, datetime) else v
    if isinstance(t, Date):
        return lambda v: v.isoformat() if isinstance(v, date) else v
    return None


def bulk_insert(conn: Connection, table_name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert tuples (in ``columns`` order). Values are Python values; NFC is the caller's duty here."""
    table: Table = Base.metadata.tables[table_name]
    rows = list(rows)
    if not rows:
        return 0
    if conn.dialect.name == "sqlite":
        convs = [_converter(table.c[c]) for c in columns]
        idx = [(i, f) for i, f in enumerate(convs) if f is not None]
        if idx:
            fixed = []
            for r in rows:
                lr = list(r)
                for i, f in idx:
                    lr[i] = f(lr[i])
                fixed.append(tuple(lr))
            rows = fixed
        sql = f"INSERT INTO {table_name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        conn.exec_driver_sql(sql, rows)
    else:
        conn.execute(table.insert(), [dict(zip(columns, r, strict=True)) for r in rows])
    return len(rows)


def log_bulk_changes(conn: Connection, table_name: str, actor: str, *, only_untracked: bool = True) -> None:
    """One 'I' change-log row for every row of ``table_name`` that has none yet.

    ``only_untracked=False`` skips that check: for a load into an empty database, where no row can
    have a change-log entry yet (the check is most of the cost at 2 million rows).
    """
    if table_name not in Base.metadata.tables:
        raise ValueError(table_name)
    where = (
        "WHERE NOT EXISTS (SELECT 1 FROM sync_change_log l WHERE l.table_name = :tname AND l.row_id = t.id)"
        if only_untracked
        else ""
    )
    conn.execute(
        text(
            "INSERT INTO sync_change_log (table_name, row_id, op, rev, base_rev, hlc, origin_node, changed_fields, actor) "
            f"SELECT :tname, t.id, 'I', t.rev, 0, t.hlc, t.origin_node, '[]', :actor FROM {table_name} t {where}"
        ),
        {"tname": table_name, "actor": actor},
    )


def tune_for_bulk(conn: Connection) -> None:
    """A large page cache for this connection: index-heavy inserts stop thrashing (SQLite only)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB


@contextmanager
def deferred_indexes(conn: Connection, table_names: Iterable[str]) -> Iterator[None]:
    """Drop the secondary indexes of ``table_names`` for a bulk load and build them again afterwards.

    Building an index once over the loaded rows is far cheaper than maintaining it row by row. Runs in
    the caller's transaction (SQLite DDL is transactional), so a failed load leaves the schema intact.
    """
    indexes = [ix for name in table_names for ix in Base.metadata.tables[name].indexes]
    for ix in indexes:
        ix.drop(conn)
    yield
    for ix in indexes:
        ix.create(conn)
