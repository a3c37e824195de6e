"""The statistics' counting shortcuts give the figures of the plain count: counters packed several to a SUM
(narrow counters, counted again wider when a unit has more people than they hold), and on a past date the
people no decision changed since counted with their current levels, then corrected for those whose level
was lower on that date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from canbo_desktop.db import reports as db_reports
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.database import Database

PAST = [date(date.today().year - 1, 12, 31), date(date.today().year - 3, 6, 30), date(date.today().year - 5, 1, 1)]


def test_narrow_counters_too_small_for_a_unit_are_counted_again_wider(demo_db: Database,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    uowf = demo_db.uow("canbo")
    with uowf() as uow:
        setup = reports_svc._Setup(uow, None, None)
        labels = setup.repo.code_labels()
        for on, as_of in [(date.today(), False), (PAST[0], True)]:
            src = setup.source(on, as_of, everyone=True)
            expected = setup.repo.stat_counts(src, labels)
            # 2-bit counters hold 3 people: every unit of more is counted again with the 21-bit ones
            monkeypatch.setattr(db_reports, "_WIDTHS", ((2, 30), (21, 3)))
            assert setup.repo.stat_counts(src, labels) == expected
            monkeypatch.setattr(db_reports, "_WIDTHS", ((21, 3),))
            assert setup.repo.stat_counts(src, labels) == expected
            monkeypatch.undo()
            assert max(c["total"] for c in expected.values()) > 3


def test_the_levels_lowered_at_a_past_date_are_corrected(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    corrected = lowered = 0
    with uowf() as uow:
        setup = reports_svc._Setup(uow, None, None)
        labels = setup.repo.code_labels()
        for on in PAST:
            src = setup.source(on, True, everyone=True)
            unchanged = src.parts[0]
            assert unchanged.requalified is not None and src.requalified is None
            corrected += len(uow.session.execute(unchanged.requalified[0]).all())
            # the whole source reads every level as on the date (joined), the part counts and corrects
            stats = setup.repo.stat_counts(src, labels)
            assert stats == setup.repo.stat_counts(replace(src, parts=()), labels)
            # without the correction the part would count today's levels: somebody's was lower on a date
            uncorrected = replace(src, parts=(replace(unchanged, requalified=None), *src.parts[1:]))
            lowered += setup.repo.stat_counts(uncorrected, labels) != stats
            # a source of targets (leaders' levels looked up one by one) is not corrected
            assert setup.source(on, True).parts[0].requalified is None
    assert corrected > 0 and lowered > 0  # somebody had a line ended after a date, and a lower level
