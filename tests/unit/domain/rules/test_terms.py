"""Appointment terms and notices: NĐ 170/2025 (5 years), QĐ 377-QĐ/TW (≥ 90 working days), domain.md §4."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleVersion
from canbo_desktop.domain.rules.calendar import is_working_day, working_days_between
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.rules.terms import (
    RULE_KEY,
    RetirementNotices,
    TermEnd,
    reappointment_notice_date,
    retirement_notice_dates,
    term_end,
)

from ..vietnamese import PROPERTY


@pytest.mark.parametrize(
    ("start", "end", "source"),
    [
        (date(2026, 3, 15), date(2031, 3, 14), "170/2025"),
        (date(2026, 1, 1), date(2030, 12, 31), "170/2025"),
        (date(2025, 7, 1), date(2030, 6, 30), "170/2025"),
        (date(2025, 6, 30), date(2030, 6, 29), "138/2020"),
        (date(2024, 1, 31), date(2029, 1, 30), "138/2020"),
        (date(2024, 2, 29), date(2029, 2, 28), "138/2020"),  # no 29/02/2029: the term keeps its last day
        (date(2021, 12, 31), date(2026, 12, 30), "138/2020"),
    ],
)
def test_nd170_2025_term_is_5_years_from_the_appointment_day(
    book: RuleBook, start: date, end: date, source: str
) -> None:
    t = term_end(start, None, book)
    assert (t.end, t.full_term_end, t.until_retirement, t.term_months) == (end, end, False, 60)
    assert source in t.legal_source


def test_nd170_2025_term_ends_at_retirement_when_less_than_a_term_is_left(book: RuleBook) -> None:
    retire = retirement("M", date(1965, 7, 15), "day", book).retirement_date  # 30/04/2027
    t = term_end(date(2026, 3, 15), retire, book)
    assert t == TermEnd(
        start=date(2026, 3, 15),
        end=date(2027, 4, 30),
        full_term_end=date(2031, 3, 14),
        until_retirement=True,
        term_months=60,
        legal_source=t.legal_source,
    )


def test_retirement_on_or_after_the_full_term_does_not_shorten_it(book: RuleBook) -> None:
    assert not term_end(date(2026, 3, 15), date(2031, 3, 14), book).until_retirement
    t = term_end(date(2026, 3, 15), date(2042, 5, 31), book)
    assert (t.end, t.until_retirement) == (date(2031, 3, 14), False)


def test_retirement_before_the_appointment_is_a_validation_error(book: RuleBook) -> None:
    with pytest.raises(ValidationError, match="Ngày nghỉ hưu trước ngày bổ nhiệm"):
        term_end(date(2026, 3, 15), date(2026, 3, 14), book)


def test_qd377_reappointment_notice_is_90_working_days_before_term_end_hand_counted(book: RuleBook) -> None:
    # [12/02/2026, 30/06/2026): Feb 7 (Tết 16–20 off), Mar 22, Apr 20 (27/4 nghỉ bù, 30/4), May 20 (1/5), Jun 21 = 90.
    assert reappointment_notice_date(date(2026, 6, 30), book) == date(2026, 2, 12)


def test_qd377_reappointment_notice_accepts_a_term_end_result(book: RuleBook) -> None:
    t = term_end(date(2021, 7, 1), None, book)  # ends 30/06/2026
    assert reappointment_notice_date(t, book) == date(2026, 2, 12)


@pytest.mark.parametrize(
    ("retire", "notice", "decision"),
    [
        (date(2030, 6, 30), date(2029, 12, 31), date(2030, 3, 31)),
        (date(2027, 4, 30), date(2026, 10, 31), date(2027, 1, 31)),
        (date(2022, 5, 31), date(2021, 11, 30), date(2022, 2, 28)),
        (date(2027, 2, 28), date(2026, 8, 31), date(2026, 11, 30)),
        (date(2028, 8, 31), date(2028, 2, 29), date(2028, 5, 31)),
    ],
)
def test_nd46_2010_nd170_2025_retirement_notice_6_months_and_decision_3_months_before(
    book: RuleBook, retire: date, notice: date, decision: date
) -> None:
    notice_by, decision_by = retirement_notice_dates(retire, book)
    assert (notice_by, decision_by) == (notice, decision)
    assert retirement_notice_dates(retire, book) == RetirementNotices(notice, decision)


EDIT_2030 = RuleVersion(
    key=RULE_KEY,
    valid_from=date(2030, 1, 1),
    params={
        "term_months": 36,
        "reappointment_notice_working_days": 60,
        "notice_retirement_months": 12,
        "decision_retirement_months": 6,
    },
    legal_source="Giả định 2030",
)


def test_an_edited_term_rule_changes_only_dates_on_or_after_its_valid_from(book: RuleBook) -> None:
    edited = book.with_versions(EDIT_2030)
    for start in (date(2025, 7, 1), date(2028, 5, 5), date(2029, 12, 31)):
        assert term_end(start, None, edited) == term_end(start, None, book)
    t = term_end(date(2030, 1, 1), None, edited)
    assert (t.end, t.legal_source) == (date(2032, 12, 31), "Giả định 2030")
    for end in (date(2029, 6, 30), date(2029, 12, 31)):
        assert reappointment_notice_date(end, edited) == reappointment_notice_date(end, book)
    end = date(2030, 12, 31)
    assert working_days_between(reappointment_notice_date(end, edited), end, edited) == 60
    for retire in (date(2029, 12, 31), date(2027, 4, 30)):
        assert retirement_notice_dates(retire, edited) == retirement_notice_dates(retire, book)
    assert retirement_notice_dates(date(2030, 6, 30), edited) == (date(2029, 6, 30), date(2029, 12, 31))


@pytest.mark.parametrize(
    "params",
    [
        {"term_months": "60"},
        {"term_months": 0},
        {"term_months": -1},
        {"term_months": True},
    ],
)
def test_malformed_term_rule_is_a_validation_error(book: RuleBook, params: dict[str, object]) -> None:
    bad = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    with pytest.raises(ValidationError, match="appointment_term"):
        term_end(date(2030, 2, 1), None, bad)


starts = st.dates(min_value=date(2003, 1, 1), max_value=date(2035, 12, 31))


@PROPERTY
@given(start=starts, extra_days=st.one_of(st.none(), st.integers(min_value=0, max_value=4000)))
def test_property_term_end_is_within_the_full_term_and_retirement(
    book: RuleBook, start: date, extra_days: int | None
) -> None:
    retire = None if extra_days is None else start + timedelta(days=extra_days)
    t = term_end(start, retire, book)
    assert start <= t.end <= t.full_term_end
    assert add_months(start, 60) - timedelta(days=1) <= t.full_term_end <= add_months(start, 60)
    assert t.until_retirement == (retire is not None and retire < t.full_term_end)
    if t.until_retirement:
        assert t.end == retire


@PROPERTY
@given(end=st.dates(min_value=date(2021, 1, 1), max_value=date(2040, 12, 31)))
def test_property_reappointment_notice_leaves_exactly_90_working_days(book: RuleBook, end: date) -> None:
    d = reappointment_notice_date(end, book)
    assert is_working_day(d, book)
    # working days in [d, end): the notice day counts, the end day does not
    assert working_days_between(end, d, book) == -90
