"""Full-text search over cadres: an FTS5 index on SQLite, the folded column on PostgreSQL.

The index holds two texts per cadre (both computed in Python by ``domain.text`` and stored on the
cadre row, then mirrored into the index by triggers):

* ``fold``  — every diacritic stripped, đ → d (SQLite's tokenizer cannot fold đ, see stack.md §7);
* ``exact`` — lower case with diacritics, tones in canonical position (hoà = hòa).

A query matches when every folded word is a prefix of some indexed word. Ranking: rows where every
word typed with diacritics is a whole word with those diacritics first (``Đức`` before ``Dục``), then
rows where each folded word is a whole word, then prefix matches (those with the typed diacritics
first); ties in Vietnamese name order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from canbo_desktop.domain.text import fold_words, search_exact

FTS_TABLE = "cadre_fts"

SQLITE_DDL: tuple[str, ...] = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, exact, info, "
    "tokenize='unicode61 remove_diacritics 0', detail='column')",
    f"""CREATE TRIGGER cadre_search_ai AFTER INSERT ON cadre BEGIN
        INSERT INTO cadre_search(cadre_id) VALUES (new.id);
        INSERT INTO {FTS_TABLE}(rowid, name, exact, info)
            VALUES ((SELECT rowid FROM cadre_search WHERE cadre_id = new.id), new.search_fold, new.search_exact,
                    new.search_info);
    END""",
    f"""CREATE TRIGGER cadre_search_au AFTER UPDATE OF search_fold, search_exact, search_info ON cadre BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = (SELECT rowid FROM cadre_search WHERE cadre_id = old.id);
        INSERT INTO {FTS_TABLE}(rowid, name, exact, info)
            VALUES ((SELECT rowid FROM cadre_search WHERE cadre_id = new.id), new.search_fold, new.search_exact,
                    new.search_info);
    END""",
    f"""CREATE TRIGGER cadre_search_ad BEFORE DELETE ON cadre BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = (SELECT rowid FROM cadre_search WHERE cadre_id = old.id);
        DELETE FROM cadre_search WHERE cadre_id = old.id;
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


def rebuild_index(conn: Connection) -> None:
    """Re-create every index row from the cadre table (after a bulk load or a repair)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    conn.exec_driver_sql("DELETE FROM cadre_search")
    conn.exec_driver_sql("INSERT INTO cadre_search(cadre_id) SELECT id FROM cadre")
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(rowid, name, exact, info) SELECT s.rowid, c.search_fold, c.search_exact, c.search_info "
        "FROM cadre_search s JOIN cadre c ON c.id = s.cadre_id"
    )


@dataclass(frozen=True)
class SearchQuery:
    """A typed query split into what the index understands."""

    folded: tuple[str, ...]  # every word, folded
    exact: tuple[str, ...]  # the words typed with diacritics (canonical tones, lower case)

    @property
    def empty(self) -> bool:
        return not self.folded


def _has_diacritics(word: str) -> bool:
    return fold_words(word) != [word.lower()]


def parse_query(typed: str) -> SearchQuery:
    words = [w for w in typed.replace("'", " ").split() if w]
    folded: list[str] = []
    exact: list[str] = []
    for w in words:
        fw = fold_words(w)
        folded.extend(fw)
        if _has_diacritics(w):
            exact.extend(search_exact(x) for x in w.split() if x)
    return SearchQuery(tuple(folded), tuple(exact))


def _fts_phrase(words: Sequence[str], column: str, *, prefix: bool) -> str:
    star = "*" if prefix else ""
    return " AND ".join(f'{column}:"{w.replace(chr(34), "")}"{star}' for w in words)


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
    p.update(limit=limit, offset=offset)
    where = "c.deleted = 0 AND c.trashed_at IS NULL" if conn.dialect.name == "sqlite" else (
        "c.deleted = false AND c.trashed_at IS NULL"
    )
    if extra_where:
        where += f" AND ({extra_where})"
    if conn.dialect.name == "sqlite":
        p["m_prefix"] = _fts_phrase(q.folded, "{name info}", prefix=True)
        p["m_whole"] = _fts_phrase(q.folded, "{name info}", prefix=False)
        p["m_name_whole"] = _fts_phrase(q.folded, "name", prefix=False)
        p["m_name"] = _fts_phrase(q.folded, "name", prefix=True)

        def tier(param: str) -> str:
            return f"(f.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{param})) DESC"

        order = [tier("m_name_whole"), tier("m_name"), tier("m_whole")]
        if q.exact:
            p["m_exact_whole"] = _fts_phrase(q.exact, "exact", prefix=False)
            p["m_exact"] = _fts_phrase(q.exact, "exact", prefix=True)
            order = [tier("m_exact_whole"), tier("m_name_whole"), tier("m_exact"), tier("m_name"), tier("m_whole")]
        sql = f"""
            SELECT c.id FROM {FTS_TABLE} f
            JOIN cadre_search s ON s.rowid = f.rowid
            JOIN cadre c ON c.id = s.cadre_id
            WHERE {FTS_TABLE} MATCH :m_prefix AND {where}
            ORDER BY {", ".join(order)}, c.name_sort_key
            LIMIT :limit OFFSET :offset"""
        return [r[0] for r in conn.execute(text(sql), p)]
    # PostgreSQL: the folded column with word-prefix patterns (indexed with pg_trgm when installed).
    conds = []
    whole = []
    for i, w in enumerate(q.folded):
        p[f"w{i}"] = f"% {w}%"
        p[f"x{i}"] = f"% {w} %"
        conds.append(f"(' ' || c.search_fold || ' ' || c.search_info) LIKE :w{i}")
        whole.append(f"(' ' || c.search_fold || ' ') LIKE :x{i}")
    exact_terms = []
    for i, w in enumerate(q.exact):
        p[f"e{i}"] = f"% {w}%"
        exact_terms.append(f"(' ' || c.search_exact) LIKE :e{i}")
    exact_whole_terms = []
    for i, w in enumerate(q.exact):
        p[f"ew{i}"] = f"% {w} %"
        exact_whole_terms.append(f"(' ' || c.search_exact || ' ') LIKE :ew{i}")
    exact_rank = " AND ".join(exact_terms) if exact_terms else "false"
    exact_whole = " AND ".join(exact_whole_terms) if exact_whole_terms else "false"
    sql = f"""
        SELECT c.id FROM cadre c
        WHERE {" AND ".join(conds)} AND {where}
        ORDER BY ({exact_whole}) DESC, ({" AND ".join(whole)}) DESC, ({exact_rank}) DESC, c.name_sort_key
        LIMIT :limit OFFSET :offset"""
    return [r[0] for r in conn.execute(text(sql), p)]
