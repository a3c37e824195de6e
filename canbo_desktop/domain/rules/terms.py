"""Appointment terms and the notices that hang on them (domain.md §3.2, §4, §12 items 3 and 7).

A leadership post is held for ``term_months`` per appointment (5 years: NĐ 170/2025), or until retirement
when that comes first. The reappointment notice is due ``reappointment_notice_working_days`` working days
before the term ends (QĐ 377-QĐ/TW: ≥ 90), counted on the office calendar (rule ``holidays``); the
retirement notice and decision are due 6 and 3 months before the retirement time. All four numbers are
rule ``appointment_term`` data, looked up for the date each one depends on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.calendar import add_working_days
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.i18n import translate

RULE_KEY = "appointment_term"
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class TermEnd:
    """The last day of an appointment term. ``full_term_end`` is where a whole term would end;
    ``until_retirement`` is True when retirement comes first and ``end`` is the retirement date."""

    start: date
    end: date
    full_term_end: date
    until_retirement: bool
    term_months: int
    legal_source: str


class RetirementNotices(NamedTuple):
    """The last days to notify the person of their retirement and to issue the retirement decision."""

    notice_by: date
    decision_by: date


def _months(params: Mapping[str, Any], name: str) -> int:
    value = params.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(translate("domain.rules.terms", "Rule «{RULE_KEY}»: «{name}» must be a non-negative integer.").format(RULE_KEY=RULE_KEY, name=name))
    return value


def _end_after(start: date, months: int) -> date:
    """Last day of a period of ``months`` months that begins on (and counts) ``start``: the day before the
    same day ``months`` later (15/03/2026 + 60 → 14/03/2031). When that month has no such day (start on
    29/02 or 31/01) the period runs to the month's last day, so no day of the term is lost."""
    nxt = add_months(start, months)
    return nxt if nxt.day < start.day else nxt - _ONE_DAY


def term_end(start: date, retirement_date: date | None, book: RuleBook) -> TermEnd:
    """End of the term of an appointment made on ``start``, under the rule in force on ``start``.

    Ends at the retirement date when that is earlier than the full term (people with less than a term
    left before retirement serve until they retire). A retirement date before ``start`` is an error.
    """
    version = book.version(RULE_KEY, start)
    months = _months(version.params, "term_months")
    if months == 0:
        raise ValidationError(translate("domain.rules.terms", "Rule «{RULE_KEY}»: «term_months» must be greater than 0.").format(RULE_KEY=RULE_KEY))
    full = _end_after(start, months)
    if retirement_date is not None and retirement_date < start:
        raise ValidationError(
            translate("domain.rules.terms", "The retirement date is before the appointment date: check the date of birth, the sex or the appointment date."),
            {"position_start_date": translate("domain.rules.terms", "The appointment date is after the retirement.")},
        )
    early = retirement_date is not None and retirement_date < full
    return TermEnd(
        start=start,
        end=retirement_date if early and retirement_date is not None else full,
        full_term_end=full,
        until_retirement=early,
        term_months=months,
        legal_source=version.legal_source,
    )


def reappointment_notice_date(term_end: date | TermEnd, book: RuleBook) -> date:
    """The last day to notify the cadre about reappointment: ``reappointment_notice_working_days`` working
    days before the term ends (the end day itself not counted), under the rule in force on the end date."""
    end = term_end.end if isinstance(term_end, TermEnd) else term_end
    days = _months(book.params(RULE_KEY, end), "reappointment_notice_working_days")
    return add_working_days(end, -days, book)


def _before(retirement_date: date, months: int) -> date:
    # The retirement time is the end of ``retirement_date`` (NĐ 135/2020 Đ.3.1), i.e. the start of the next
    # day; ``months`` whole months before that instant is the end of the day before: 30/06/2030 − 6 months
    # → 31/12/2029, so a month-end retirement gets a month-end deadline.
    return add_months(retirement_date + _ONE_DAY, -months) - _ONE_DAY


def retirement_notice_dates(retirement_date: date, book: RuleBook) -> RetirementNotices:
    """(notice by, decision by): ``notice_retirement_months`` and ``decision_retirement_months`` before the
    retirement time, under the rule in force on the retirement date."""
    params = book.params(RULE_KEY, retirement_date)
    return RetirementNotices(
        notice_by=_before(retirement_date, _months(params, "notice_retirement_months")),
        decision_by=_before(retirement_date, _months(params, "decision_retirement_months")),
    )
