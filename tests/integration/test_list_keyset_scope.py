"""The cadre list of a user limited to one unit, page by page as the window scrolls it (issue 4).

The window asks each next page ``after`` the previous page's last ``list_position`` (main_window's loader).
For a scoped clerk, with or without filters, that keyset path must give exactly the pages the ``OFFSET``
path gives — the people of the clerk's subtree, each once, in name order — and on SQLite it must seek
(``search_rowid > ?``) instead of skipping rows: no page past the first may skip rows (``OFFSET`` 0), or
scrolling to the end of a large subtree costs the square of its length. On PostgreSQL (no list position)
the pages come by ``OFFSET`` and must still be the same people in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select

from canbo_desktop.db import models as m
from canbo_desktop.domain.cadre import CadreSummary, ListFilter
from canbo_desktop.services import auth
from canbo_desktop.services.cadres import count_cadres, list_cadres
from canbo_desktop.services.database import Database

PW = "mat-khau-thu-nghiem"
LIMIT = 7  # small pages: the subtree of the small demo spans several


@pytest.fixture
def clerk(demo_db: Database) -> tuple[str, str]:
    """A clerk limited to the unit below the top whose subtree holds the most people: (user, unit path)."""
    c, u = m.CadreRecord, m.OrgUnitRecord
    with demo_db.uow("t")() as uow:
        s = uow.session
        units = s.execute(select(u.id, u.path).where(u.parent_id.is_not(None), u.deleted.is_(False))).all()
        people = s.execute(select(u.path, func.count()).join(c, c.owner_unit_id == u.id)
                           .where(c.deleted.is_(False), c.trashed_at.is_(None)).group_by(u.path)).all()
    size = {uid: sum(n for p, n in people if p.startswith(path)) for uid, path in units}
    unit_id = max(size, key=lambda k: size[k])
    assert 3 * LIMIT < size[unit_id] < sum(n for _p, n in people)  # several pages, and not everyone
    auth.create_user(demo_db.uow("system"), username="clerk_x", password=PW, role="clerk", scope_unit_id=unit_id,
                     must_change_password=False)
    return "clerk_x", dict(units)[unit_id]


@pytest.fixture
def statements(demo_db: Database) -> Iterator[list[tuple[str, Any]]]:
    """Every SQL statement sent while the test runs, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(demo_db.engine, "before_cursor_execute", note)
    yield seen
    event.remove(demo_db.engine, "before_cursor_execute", note)


def expected(db: Database, path: str, f: ListFilter) -> list[str]:
    """The ids of the subtree's people matching ``f``, in the list's name order (read without the scope)."""
    c, u = m.CadreRecord, m.OrgUnitRecord
    q = (select(c.id).join(u, u.id == c.owner_unit_id)
         .where(c.deleted.is_(False), c.trashed_at.is_(None), u.path.startswith(path, autoescape=True))
         .order_by(c.name_sort_key, c.id))
    if f.sex:
        q = q.where(c.sex == f.sex)
    with db.uow("t")() as uow:
        return list(uow.session.scalars(q))


def by_keyset(db: Database, user: str, f: ListFilter) -> list[list[CadreSummary]]:
    """The pages as the window loads them: each one after the previous page's last position."""
    pages: list[list[CadreSummary]] = []
    after: int | None = None
    while True:
        rows = list_cadres(db.uow(user), f, offset=LIMIT * len(pages), limit=LIMIT, after=after)
        if rows:
            pages.append(rows)
        if len(rows) < LIMIT:
            return pages
        after = rows[-1].list_position


def by_offset(db: Database, user: str, f: ListFilter) -> list[list[CadreSummary]]:
    pages: list[list[CadreSummary]] = []
    while True:
        rows = list_cadres(db.uow(user), f, offset=LIMIT * len(pages), limit=LIMIT)
        if rows:
            pages.append(rows)
        if len(rows) < LIMIT:
            return pages


def ids(pages: list[list[CadreSummary]]) -> list[str]:
    return [r.id for page in pages for r in page]


@pytest.mark.parametrize("f", [ListFilter(), ListFilter(sex="F")], ids=["all", "women"])
def test_a_scoped_clerk_scrolls_by_keyset_and_sees_the_offset_pages(
        demo_db: Database, clerk: tuple[str, str], statements: list[tuple[str, Any]], f: ListFilter) -> None:
    user, path = clerk
    want = expected(demo_db, path, f)
    assert len(want) > 2 * LIMIT
    statements.clear()
    keyset = by_keyset(demo_db, user, f)
    sent = [(s, p) for s, p in statements if "FROM cadre" in s and "ORDER BY" in s]
    offset = by_offset(demo_db, user, f)

    assert ids(keyset) == ids(offset) == want  # the subtree's people, each once, in name order, same pages
    assert [len(p) for p in keyset] == [len(p) for p in offset]
    assert count_cadres(demo_db.uow(user), f) == len(want)
    assert {r.unit_id for r in rows_of(keyset)} <= units_below(demo_db, path)  # nobody from outside the unit

    if demo_db.engine.dialect.name == "sqlite":
        # one query per page, and every page after the first seeks past the previous one: nothing skipped
        assert len(sent) == len(keyset) + (len(ids(keyset)) % LIMIT == 0)
        for statement, params in sent[1:]:
            assert "search_rowid >" in statement
            assert params[-1] == 0, statement  # the OFFSET sqlite always renders, with nothing to skip
        positions = [r.list_position for r in rows_of(keyset)]
        assert None not in positions and positions == sorted(positions)


def test_the_whole_list_of_an_unscoped_user_is_paged_the_same_both_ways(demo_db: Database) -> None:
    keyset, offset = by_keyset(demo_db, "t", ListFilter()), by_offset(demo_db, "t", ListFilter())
    with demo_db.uow("t")() as uow:
        everyone = len(list(uow.session.scalars(select(m.CadreRecord.id).where(
            m.CadreRecord.deleted.is_(False), m.CadreRecord.trashed_at.is_(None)))))
    assert ids(keyset) == ids(offset) and len(set(ids(keyset))) == everyone


def rows_of(pages: list[list[CadreSummary]]) -> list[CadreSummary]:
    return [r for page in pages for r in page]


def units_below(db: Database, path: str) -> set[str]:
    u = m.OrgUnitRecord
    with db.uow("t")() as uow:
        return set(uow.session.scalars(select(u.id).where(u.path.startswith(path, autoescape=True))))
