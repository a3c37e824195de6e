"""Retirement age and date: BLLĐ 2019 Đ.169 and NĐ 135/2020/NĐ-CP Đ.3–4 (before 2021: 60 / 55).

The roadmap is data (rule ``retirement_age``): per sex, the age in months required in ``start_year``, the
months added each later calendar year, and the cap. The age that applies is the one set for the *calendar
year in which it is reached* (NĐ 135/2020 Đ.4 and its Phụ lục I), which is why a plain "birth date +
required age" is wrong: a man born 15/07/1965 would reach 61y3m in 10/2026, but 2026 requires 61y6m, which he
reaches in 2027, when 61y9m is required; he retires on 30/04/2027. See domain.md §4.2.
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from canbo_desktop.domain.dates import MAX_YEAR, MIN_YEAR, add_months
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook, RuleMissing, RuleVersion, param_int
from canbo_desktop.i18n import translate

RULE_KEY = "retirement_age"
SEXES = ("M", "F")
PRECISIONS = ("day", "month", "year")
# Candidate years searched after the birth year: wide enough for any roadmap an admin could configure.
_FIRST_OFFSET, _LAST_OFFSET = 15, 100


@dataclass(frozen=True)
class RetirementResult:
    """When a person retires under normal conditions (NĐ 135/2020 Đ.3–4).

    ``retirement_date`` is the last day of the month in which the required age is reached (Đ.3.1);
    ``pension_start`` the first day of the next month (Đ.3.2); ``reached_on`` the day the age is reached,
    counted from the birth date actually used (01/01 of the year when only the year is known, Đ.3.3).
    """

    retirement_date: date
    pension_start: date
    age_years: int
    age_months: int
    reached_on: date
    birth_used: date
    legal_source: str

    @property
    def age_text(self) -> str:
        """``61 tuổi 9 tháng`` / ``62 tuổi``, as written in decisions."""
        return f"{self.age_years} tuổi" + (f" {self.age_months} tháng" if self.age_months else "")  # i18n: data


def _required_months(params: Mapping[str, Any], sex: str, year: int) -> int:
    """Age required, in months, of a person of ``sex`` who reaches it in calendar ``year``."""
    road = params.get(sex)
    if not isinstance(road, Mapping):
        if sex == "F":
            text = translate("domain.rules.retirement", "Rule «{rule}»: the retirement age roadmap for women («{sex}») is missing.")
        else:
            text = translate("domain.rules.retirement", "Rule «{rule}»: the retirement age roadmap for men («{sex}») is missing.")
        raise ValidationError(text.format(rule=RULE_KEY, sex=sex))
    start_year = param_int(road.get("start_year"), RULE_KEY, f"{sex}.start_year", minimum=None)
    start = param_int(road.get("start_months"), RULE_KEY, f"{sex}.start_months", minimum=None)
    step = param_int(
        road.get("step_months_per_year", 0), RULE_KEY, f"{sex}.step_months_per_year", minimum=None
    )
    cap = param_int(road.get("cap_months", start), RULE_KEY, f"{sex}.cap_months", minimum=None)
    months = start + step * max(0, year - start_year)
    return min(months, cap) if step >= 0 else max(months, cap)


def _check_sex(sex: str) -> str:
    s = sex.strip().upper() if isinstance(sex, str) else ""
    if s not in SEXES:
        raise ValidationError(
            translate("domain.rules.retirement", "Sex «{sex}» is not valid: it must be «M» (male) or «F» (female) to compute the retirement age.").format(sex=sex),
            {"sex": translate("domain.rules.retirement", "Choose the sex.")},
        )
    return s


def birth_for_rules(birth: date, precision: str) -> date:
    """The birth date the law counts from: 01/01 when only the year is known, day 1 when only the month is
    (NĐ 135/2020 Đ.3.3). Raises ``ValidationError`` for an unknown precision."""
    if precision == "day":
        return birth
    if precision == "month":
        return birth.replace(day=1)
    if precision == "year":
        return date(birth.year, 1, 1)
    raise ValidationError(
        translate("domain.rules.retirement", "Date of birth precision «{precision}» is not valid (day, month or year).").format(precision=precision),
        {"birth_precision": translate("domain.rules.retirement", "Invalid precision.")},
    )


def _version_for_year(book: RuleBook, year: int) -> RuleVersion | None:
    # The roadmap is set per calendar year, so the version in force on 1 January decides the whole year.
    return book.find(RULE_KEY, date(year, 1, 1))


def required_age(sex: str, year: int, book: RuleBook) -> tuple[int, int]:
    """(years, months) required of a person of ``sex`` who reaches the age in ``year`` — the table of
    NĐ 135/2020 Đ.4 (2021: 60y3m / 55y4m … 2028: 62y, 2035: 60y)."""
    s = _check_sex(sex)
    params = book.params(RULE_KEY, date(year, 1, 1))
    return divmod(_required_months(params, s, year), 12)


def retirement(sex: str, birth: date, precision: str, book: RuleBook) -> RetirementResult:
    """Retirement under normal working conditions, by the year test of domain.md §4.2.

    For each calendar year ``y`` after birth, in order, the version in force on 01/01/``y`` gives the age
    required of those who reach it in ``y``; the first ``y`` in which that age is actually reached decides.
    If a year's required age was already passed when the year began (only possible with a roadmap that
    goes down, which the law never did), the person retires in that year's first month, unless one of the
    years since the age was reached has no version in the book: then the answer could lie in that gap and
    ``RuleMissing`` is raised rather than a guess.
    """
    s = _check_sex(sex)
    if not MIN_YEAR <= birth.year <= MAX_YEAR - _LAST_OFFSET:
        raise ValidationError(translate("domain.rules.retirement", "Year of birth {year} is outside the range for computing the retirement age.").format(year=birth.year))
    born = birth_for_rules(birth, precision)
    b = born.year * 12 + (born.month - 1)
    gaps: list[int] = []
    for y in range(born.year + _FIRST_OFFSET, born.year + _LAST_OFFSET + 1):
        version = _version_for_year(book, y)
        if version is None:
            gaps.append(y)
            continue
        req = _required_months(version.params, s, y)
        t = b + req
        if t // 12 == y:
            return _result(born, t, req, version)
        if t // 12 < y:
            if any(t // 12 <= g < y for g in gaps):
                break  # the age was reached in a year the book has no rule for
            t = y * 12
            return _result(born, t, t - b, version)
    if s == "F":
        text = translate("domain.rules.retirement", "The rule «{rule}» is not complete enough to compute the retirement age of a woman born in {year}. An administrator must add it under Administration › Rules.")
    else:
        text = translate("domain.rules.retirement", "The rule «{rule}» is not complete enough to compute the retirement age of a man born in {year}. An administrator must add it under Administration › Rules.")
    raise RuleMissing(text.format(rule=RULE_KEY, year=born.year))


def _result(born: date, month_index: int, age_months: int, version: RuleVersion) -> RetirementResult:
    y, m0 = divmod(month_index, 12)
    last = date(y, m0 + 1, _cal.monthrange(y, m0 + 1)[1])
    years, months = divmod(age_months, 12)
    return RetirementResult(
        retirement_date=last,
        pension_start=last + timedelta(days=1),
        age_years=years,
        age_months=months,
        reached_on=add_months(born, age_months),
        birth_used=born,
        legal_source=version.legal_source,
    )
