"""Working days: the office calendar behind every deadline counted in "ngày làm việc".

Deadlines in the appointment rules (notify ≥ 90 working days before a term ends, decide the policy within
15 working days…) skip weekends, public holidays and the compensating days off the Government announces,
and count the Saturdays it declares working days. None of this is a constant here: rule ``holidays`` holds
``weekly_days_off`` (0 = Monday … 6 = Sunday), ``days_off`` and ``extra_working_days`` (ISO dates), and each
day is judged by the version in force on that day, so an office's edit for a year changes only that year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.i18n import translate

RULE_KEY = "holidays"

# A calendar with no working day for this many days in a row is a configuration error, not a long holiday;
# stopping here keeps add_working_days from running forever on such data.
_MAX_NON_WORKING_RUN = 400
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class _Calendar:
    weekly_days_off: frozenset[int]
    days_off: frozenset[date]
    extra_working_days: frozenset[date]

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_working_days:
            return True
        return d not in self.days_off and d.weekday() not in self.weekly_days_off


# Parsed calendars keyed by the id of their params mapping; the mapping itself is kept in the entry so the
# id cannot be reused by another object while the entry lives.
_CACHE: dict[int, tuple[Mapping[str, Any], _Calendar]] = {}
_CACHE_LIMIT = 64


def _dates(params: Mapping[str, Any], name: str) -> frozenset[date]:
    raw = params.get(name, [])
    if not isinstance(raw, list):
        raise ValidationError(translate("domain.rules.calendar", "Rule «{RULE_KEY}»: «{name}» must be a list of dates written YYYY-MM-DD.").format(RULE_KEY=RULE_KEY, name=name))
    out: set[date] = set()
    for item in raw:
        try:
            if not isinstance(item, str) or len(item) != 10:
                raise ValueError(item)
            out.add(date.fromisoformat(item))
        except ValueError as exc:
            raise ValidationError(
                translate("domain.rules.calendar", "Rule «{RULE_KEY}»: the date «{item}» in «{name}» is not valid (YYYY-MM-DD).").format(RULE_KEY=RULE_KEY, item=item, name=name)
            ) from exc
    return frozenset(out)


def _parse(params: Mapping[str, Any]) -> _Calendar:
    weekly = params.get("weekly_days_off", [5, 6])
    if not isinstance(weekly, list) or not all(isinstance(x, int) and 0 <= x <= 6 for x in weekly):
        raise ValidationError(
            translate("domain.rules.calendar", "Rule «{RULE_KEY}»: «weekly_days_off» must be a list of numbers 0–6 (0 = Monday, 6 = Sunday).").format(RULE_KEY=RULE_KEY)
        )
    return _Calendar(frozenset(weekly), _dates(params, "days_off"), _dates(params, "extra_working_days"))


def _calendar_on(d: date, book: RuleBook) -> _Calendar:
    params = book.params(RULE_KEY, d)
    hit = _CACHE.get(id(params))
    if hit is not None and hit[0] is params:
        return hit[1]
    cal = _parse(params)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[id(params)] = (params, cal)
    return cal


def is_working_day(d: date, book: RuleBook) -> bool:
    """True when ``d`` is a working day under the calendar in force on ``d``: a declared extra working day,
    or a day that is neither a listed day off nor a weekly day off. Raises ``RuleMissing`` outside the
    years the rule covers, rather than guessing that an unknown year has no holidays."""
    return _calendar_on(d, book).is_working_day(d)


def _step(d: date, direction: int) -> date:
    try:
        return d + _ONE_DAY if direction > 0 else d - _ONE_DAY
    except OverflowError as exc:
        raise ValidationError(translate("domain.rules.calendar", "The date is outside the range the calendar can compute.")) from exc


def add_working_days(d: date, n: int, book: RuleBook) -> date:
    """The ``n``-th working day after ``d`` (``n`` > 0) or before it (``n`` < 0); ``d`` itself is not
    counted, so ``add_working_days(d, -90)`` is the last day on which a notice still leaves 90 working days
    before ``d``. ``n`` = 0 returns ``d`` unchanged, working day or not."""
    if n == 0:
        return d
    direction = 1 if n > 0 else -1
    remaining = abs(n)
    cur = d
    run = 0
    while remaining:
        cur = _step(cur, direction)
        if is_working_day(cur, book):
            remaining -= 1
            run = 0
        else:
            run += 1
            if run > _MAX_NON_WORKING_RUN:
                raise ValidationError(
                    translate("domain.rules.calendar", "The working calendar (rule «{RULE_KEY}») has no working day in more than {_MAX_NON_WORKING_RUN} days in a row; check the configured days off.").format(RULE_KEY=RULE_KEY, _MAX_NON_WORKING_RUN=_MAX_NON_WORKING_RUN)
                )
    return cur


def working_days_between(a: date, b: date, book: RuleBook) -> int:
    """Working days passed going from ``a`` to ``b``: the end ``b`` is counted, the start ``a`` is not, and
    the result is negative when ``b`` is before ``a``. So ``working_days_between(d, add_working_days(d, n))``
    is ``n`` for every ``n``, which is what deadline checks rely on."""
    if a == b:
        return 0
    direction = 1 if b > a else -1
    count = 0
    cur = a
    while cur != b:
        cur = _step(cur, direction)
        if is_working_day(cur, book):
            count += 1
    return count * direction
