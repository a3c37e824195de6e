"""On a past date the people are counted in two parts (those no decision changed since, grouped in the
covering index's order, and those rebuilt from their decisions): the figures are those of the whole source
counted at once, for the targets and for the statistics, and everyone is in exactly one part."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select

from canbo_desktop.db.reports import person_source
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.database import Database
from canbo_desktop.services.rules import rule_book

PAST = [date(date.today().year - 1, 12, 31), date(date.today().year - 3, 6, 30), date(date.today().year - 5, 1, 1)]


def test_the_parts_count_as_the_whole_source(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    book = rule_book(uowf)
    with uowf() as uow:
        setup = reports_svc._Setup(uow, None, None)
        labels = setup.repo.code_labels()
        checked = 0
        for on in PAST:
            _infos, compiled, _source = reports_svc._indicator_infos(book, on)
            src = setup.source(on, True)
            assert len(src.parts) == 2
            sctx = setup.sql_context(on, src, [x for c in compiled for x in (c.numerator, c.denominator)])
            whole = replace(src, parts=())
            assert setup.repo.target_counts(src, sctx, compiled) == setup.repo.target_counts(whole, sctx, compiled)
            everyone = setup.source(on, True, everyone=True)
            stats = setup.repo.stat_counts(everyone, labels)
            assert stats == setup.repo.stat_counts(replace(everyone, parts=()), labels)
            # each person in one part only
            counted = [uow.session.scalar(select(func.count()).select_from(p.froms).where(*p.where))
                       for p in (*everyone.parts, everyone)]
            assert counted[0] + counted[1] == counted[2] == sum(c["total"] for c in stats.values())
            checked += counted[1]
        assert checked > 0  # somebody was rebuilt from the decisions


def test_a_source_of_today_is_not_split(demo_db: Database) -> None:
    src = person_source(date.today(), as_of=False, ranks={}, root_path=None)
    assert src.parts == () and src.index_order
