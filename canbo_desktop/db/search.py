"""Full-text search over cadres: an FTS5 index on SQLite, the folded columns on PostgreSQL.

The index holds three texts per cadre, computed in Python by ``domain`` and stored on the cadre row,
then mirrored into the index by triggers:

* ``name``  — full and other names, every diacritic stripped, đ → d (SQLite cannot fold đ, stack.md §7);
* ``exact`` — the names in lower case with diacritics, tones in canonical position (hoà = hòa);
* ``info``  — CCCD, phone, birth year, home town and unit, folded.

**Order-preserving row ids.** A cadre's FTS row id (``cadre.search_rowid``) increases with its
Vietnamese name order. FTS5 returns matches in row-id order, so "the first 50 matches in name order"
is a ``LIMIT 50`` on the index itself, however many people are called Nguyễn: no sort of 38,000 rows
per keystroke. A new or renamed cadre takes a row id between its neighbours in name order; when a gap
is used up the ids are renumbered (rare: the gaps start at 2**40).

**Ranking** (``ranking_tiers``): names typed with diacritics that match as whole words first (``Đức``
before ``Dục``), then whole folded words of the name, then the typed diacritics as prefixes, then name
prefixes, then whole words anywhere, then prefixes anywhere (CCCD, year, places, unit). Within a tier,
name order. Every word typed must match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from canbo_desktop.domain.text import fold_words, search_exact

FTS_TABLE = "cadre_fts"
GAP = 1 << 40

SQLITE_DDL: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, exact, info, "
    "tokenize='unicode61 remove_diacritics 0', detail='column')",
    f"""CREATE TRIGGER cadre_search_ai AFTER INSERT ON cadre WHEN new.search_rowid IS NOT NULL BEGIN
        INSERT INTO {FTS_TABLE}(rowid, name, exact, info)
            VALUES (new.search_rowid, new.search_fold, new.search_exact, new.search_info);
    END""",
    f"""CREATE TRIGGER cadre_search_au AFTER UPDATE OF search_rowid, search_fold, search_exact, search_info ON cadre
    BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.search_rowid;
        INSERT INTO {FTS_TABLE}(rowid, name, exact, info)
            SELECT new.search_rowid, new.search_fold, new.search_exact, new.search_info
            WHERE new.search_rowid IS NOT NULL;
    END""",
    f"""CREATE TRIGGER cadre_search_ad AFTER DELETE ON cadre BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.search_rowid;
    END""",
)
SQLITE_DROP: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS cadre_search_ad",
    "DROP TRIGGER IF EXISTS cadre_search_au",
    "DROP TRIGGER IF EXISTS cadre_search_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)


def is_search_object(table_name: str) -> bool:
    return table_name == FTS_TABLE or table_name.startswith(FTS_TABLE + "_")


# --------------------------------------------------------------------------- keeping row ids in order


def place_in_name_order(
    session: Session, cadre_id: str, sort_key: str, current: int | None, pending: Sequence[tuple[str, int]] = ()
) -> int:
    """A search row id for a cadre whose sort key is ``sort_key``, between its neighbours' ids.

    ``pending`` holds (sort key, row id) of cadres placed in the same flush, not yet in the table.
    """
    conn = session.connection()
    params = {"k": sort_key, "id": cadre_id}
    lo = conn.execute(
        text(
            "SELECT max(search_rowid) FROM cadre WHERE name_sort_key <= :k AND id <> :id AND search_rowid IS NOT NULL"
            " AND name_sort_key = (SELECT max(name_sort_key) FROM cadre WHERE name_sort_key <= :k AND id <> :id"
            " AND search_rowid IS NOT NULL)"
        ),
        params,
    ).scalar()
    hi = conn.execute(
        text(
            "SELECT min(search_rowid) FROM cadre WHERE name_sort_key > :k AND id <> :id AND search_rowid IS NOT NULL"
            " AND name_sort_key = (SELECT min(name_sort_key) FROM cadre WHERE name_sort_key > :k AND id <> :id"
            " AND search_rowid IS NOT NULL)"
        ),
        params,
    ).scalar()
    lo_v = int(lo) if lo is not None else 0
    hi_v = int(hi) if hi is not None else None
    for key, rid in pending:
        if key <= sort_key:
            lo_v = max(lo_v, rid)
        elif hi_v is None or rid < hi_v:
            hi_v = rid
    if hi_v is None:
        hi_v = lo_v + 2 * GAP
    if current is not None and lo_v < current < hi_v:
        return current  # still in place: the index row need not move
    if hi_v - lo_v >= 2:
        return (lo_v + hi_v) // 2
    if pending:  # cannot renumber rows that are not in the table yet: flush them first
        raise RuntimeError("search row ids exhausted inside one flush")
    renumber(conn)
    return place_in_name_order(session, cadre_id, sort_key, None)


def renumber(conn: Connection) -> None:
    """Give every searchable cadre a fresh row id, GAP apart, in name order (after a bulk load)."""
    if conn.dialect.name != "sqlite":
        return
    # Two steps so that the UNIQUE constraint never sees two rows with the same id.
    conn.exec_driver_sql(
        "UPDATE cadre SET search_rowid = -search_rowid WHERE search_rowid IS NOT NULL"
    )
    conn.exec_driver_sql(
        f"""UPDATE cadre SET search_rowid = ranked.r * {GAP}
            FROM (SELECT id, row_number() OVER (ORDER BY name_sort_key, id) AS r FROM cadre
                  WHERE deleted = 0 AND trashed_at IS NULL) AS ranked
            WHERE cadre.id = ranked.id"""
    )


def renumber_and_rebuild(conn: Connection) -> None:
    """After a bulk load: row ids in name order and the index rebuilt in one pass (triggers off meanwhile;
    one bulk insert into FTS5 is several times cheaper than 100,000 trigger firings)."""
    if conn.dialect.name != "sqlite":
        return
    for stmt in SQLITE_DROP[:3]:
        conn.exec_driver_sql(stmt)
    renumber(conn)
    rebuild_index(conn)
    for stmt in SQLITE_DDL[1:]:
        conn.exec_driver_sql(stmt)


def rebuild_index(conn: Connection) -> None:
    """Re-create every index row from the cadre table (repair tool)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(rowid, name, exact, info) "
        "SELECT search_rowid, search_fold, search_exact, search_info FROM cadre WHERE search_rowid IS NOT NULL"
    )


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class SearchQuery:
    """A typed query: per word, its folded form and (when typed with diacritics) its exact form."""

    folded: tuple[str, ...]
    exact: tuple[str | None, ...]

    @property
    def empty(self) -> bool:
        return not self.folded

    @property
    def has_diacritics(self) -> bool:
        return any(e is not None for e in self.exact)


_WORD = re.compile(r"\w+")


def parse_query(typed: str) -> SearchQuery:
    folded: list[str] = []
    exact: list[str | None] = []
    for w in _WORD.findall(typed.replace("'", " ").replace("’", " ")):
        f = fold_words(w)
        if not f:
            continue
        folded.append(f[0])
        exact.append(search_exact(w) if f[0] != w.lower() else None)
    return SearchQuery(tuple(folded), tuple(exact))


def _term(column: str, word: str, prefix: bool) -> str:
    return f'{column}:"{word.replace(chr(34), "")}"' + ("*" if prefix else "")


def _all(terms: Sequence[str]) -> str:
    return " AND ".join(terms)


def ranking_tiers(q: SearchQuery) -> list[str]:
    """FTS5 match expressions of the ranking tiers, best first; every tier requires every word."""
    pairs = list(zip(q.folded, q.exact, strict=True))
    tiers = []
    if q.has_diacritics:  # words typed with diacritics must match them; the others as folded words
        tiers.append(_all([_term("exact", e, False) if e else _term("name", f, False) for f, e in pairs]))
    tiers.append(_all([_term("name", f, False) for f, _ in pairs]))
    if q.has_diacritics:
        tiers.append(_all([_term("exact", e, True) if e else _term("name", f, True) for f, e in pairs]))
    tiers.append(_all([_term("name", f, True) for f, _ in pairs]))
    tiers.append(_all([_term("{name info}", f, False) for f, _ in pairs]))
    tiers.append(_all([_term("{name info}", f, True) for f, _ in pairs]))
    return tiers


def search_ids(
    conn: Connection,
    typed: str,
    *,
    limit: int,
    offset: int = 0,
    extra_where: str = "",
    params: dict[str, object] | None = None,
) -> list[str]:
    """Ids of matching cadres (not trashed, not deleted), best first. ``extra_where`` filters on ``c``."""
    q = parse_query(typed)
    if q.empty:
        return []
    p: dict[str, object] = dict(params or {})
    if conn.dialect.name == "sqlite":
        return _sqlite_search(conn, q, limit=limit, offset=offset, extra_where=extra_where, params=p)
    return _postgres_search(conn, q, limit=limit, offset=offset, extra_where=extra_where, params=p)


def _sqlite_search(
    conn: Connection, q: SearchQuery, *, limit: int, offset: int, extra_where: str, params: dict[str, object]
) -> list[str]:
    """Fill the page tier by tier. Each tier is read in row-id (= name) order and stops at the page end.

    Rows already taken by a better tier are skipped; there are fewer of them than one page, because a
    tier that fills the page ends the search.
    """
    want = offset + limit
    out: list[str] = []
    taken: set[int] = set()
    where = f"AND ({extra_where})" if extra_where else ""
    for match in ranking_tiers(q):
        p = dict(params)
        p.update(m=match, n=want - len(out) + len(taken))
        sql = f"""SELECT f.rowid, c.id FROM {FTS_TABLE} f JOIN cadre c ON c.search_rowid = f.rowid
                  WHERE {FTS_TABLE} MATCH :m {where} ORDER BY f.rowid LIMIT :n"""
        for rowid, cid in conn.execute(text(sql), p):
            if rowid in taken:
                continue
            taken.add(rowid)
            out.append(cid)
            if len(out) >= want:
                return out[offset:want]
    return out[offset:want]


def _postgres_search(
    conn: Connection, q: SearchQuery, *, limit: int, offset: int, extra_where: str, params: dict[str, object]
) -> list[str]:
    """The folded columns with word-prefix patterns, the same tiers expressed as ORDER BY terms."""
    p = dict(params)
    p.update(limit=limit, offset=offset)
    where = "c.deleted = false AND c.trashed_at IS NULL" + (f" AND ({extra_where})" if extra_where else "")
    conds, name_whole, name_prefix, whole = [], [], [], []
    for i, w in enumerate(q.folded):
        p[f"w{i}"] = f"% {w}%"
        p[f"x{i}"] = f"% {w} %"
        conds.append(f"(' ' || c.search_fold || ' ' || c.search_info) LIKE :w{i}")
        name_whole.append(f"(' ' || c.search_fold || ' ') LIKE :x{i}")
        name_prefix.append(f"(' ' || c.search_fold) LIKE :w{i}")
        whole.append(f"(' ' || c.search_fold || ' ' || c.search_info || ' ') LIKE :x{i}")
    exact_whole, exact_prefix = [], []
    for i, w in enumerate(e for e in q.exact if e):
        p[f"e{i}"] = f"% {w}%"
        p[f"ew{i}"] = f"% {w} %"
        exact_prefix.append(f"(' ' || c.search_exact) LIKE :e{i}")
        exact_whole.append(f"(' ' || c.search_exact || ' ') LIKE :ew{i}")

    def all_of(terms: list[str]) -> str:
        return "(" + " AND ".join(terms) + ")"

    tiers = [exact_whole, name_whole, exact_prefix, name_prefix, whole]
    order = [all_of(t) for t in tiers if t]  # PostgreSQL refuses a constant in ORDER BY
    sql = f"""SELECT c.id FROM cadre c WHERE {" AND ".join(conds)} AND {where}
              ORDER BY {", ".join(o + " DESC" for o in order)}, c.name_sort_key
              LIMIT :limit OFFSET :offset"""
    return [r[0] for r in conn.execute(text(sql), p)]
