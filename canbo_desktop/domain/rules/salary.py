"""Salary steps: next regular raise, beyond-scale allowance, early-raise candidates, amounts (domain.md §5).

The grade master (coefficients per step, step interval), the extension per discipline form and per failed
year, the beyond-scale allowance, the early-raise limits and the base-salary history are all rule
``salary_steps`` data (NĐ 204/2004, TT 02/2021, TT 08/2013 as amended by TT 03/2021, NĐ 73/2024).

Which version applies: the one in force on the day the raise falls due. The engine walks the periods
between version boundaries from the current step date on and takes the first period in which the due date
computed with that period's version falls; when a new version makes a raise due before the version itself
starts (a shorter interval), the raise is due on the version's first day. So an edit from 2030 never moves
a raise that fell due before 2030. A step granted before the oldest shipped version (TT 03/2021, from
15/08/2021) is timed with that oldest version: the book does not hold the earlier rules.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from canbo_desktop.domain.dates import MAX_YEAR, MIN_YEAR, add_months
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook, RuleMissing, RuleVersion, param_int, param_map
from canbo_desktop.domain.rules.facts import PersonFacts
from canbo_desktop.i18n import translate

RULE_KEY = "salary_steps"
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Extension:
    """One lengthening of the step interval and why (TT 08/2013 Đ.2 khoản 3 as amended by TT 03/2021)."""

    months: int
    reason: str


@dataclass(frozen=True)
class RaiseResult:
    """The next regular salary change.

    ``kind`` is ``"step"`` (next step and coefficient), ``"beyond_scale"`` (already at the last step: the
    beyond-scale allowance percent and its date) or ``"unknown"`` (``reason`` says which fact is missing).
    ``regular_date`` is the due date before extensions; ``next_date`` includes ``extension_months``, the sum
    of ``extensions`` (they add up).
    """

    kind: str
    reason: str
    next_date: date | None = None
    next_step: int | None = None
    next_coefficient: float | None = None
    beyond_scale_pct: int | None = None
    regular_date: date | None = None
    interval_months: int | None = None
    extension_months: int = 0
    extensions: tuple[Extension, ...] = ()
    grade_code: str = ""
    steps_in_grade: int | None = None
    legal_source: str = ""

    @property
    def known(self) -> bool:
        return self.kind != "unknown"

    @property
    def due_date(self) -> date | None:
        """Alias of ``next_date`` (the date the change falls due, extensions included)."""
        return self.next_date

    @property
    def summary(self) -> str:
        """Alias of ``reason``: one Vietnamese sentence for lists and reminders."""
        return self.reason


@dataclass(frozen=True)
class EarlyRaiseEntry:
    """One person's standing for an early raise (nâng bậc lương trước thời hạn) in the review year."""

    cadre_id: str
    full_name: str
    eligible: bool
    reason: str
    regular_date: date | None = None
    months_short: int | None = None


@dataclass(frozen=True)
class EarlyRaiseResult:
    """Who may be raised early in ``year`` and how many may be (``quota``). Choosing among the eligible, by
    the highest achievement, is the unit's decision under its own internal regulation; the list is not
    ranked here."""

    year: int
    cutoff: date
    payroll_size: int
    quota: int
    max_months_early: int
    entries: tuple[EarlyRaiseEntry, ...]
    legal_source: str

    @property
    def eligible(self) -> tuple[EarlyRaiseEntry, ...]:
        return tuple(e for e in self.entries if e.eligible)

    @property
    def over_quota(self) -> bool:
        return len(self.eligible) > self.quota


# --- parameters -------------------------------------------------------------------------------------------


def _param_int(value: Any, what: str, *, minimum: int = 0) -> int:
    return param_int(value, RULE_KEY, what, minimum=minimum)


def _bad(what: str) -> ValidationError:
    return ValidationError(translate("domain.rules.salary", "Rule «{RULE_KEY}»: {what}").format(RULE_KEY=RULE_KEY, what=what))


@dataclass(frozen=True)
class _Grade:
    code: str
    name: str
    interval: int
    coefficients: tuple[float, ...]


def _grade(params: Mapping[str, Any], code: str) -> _Grade | None:
    raw = param_map(params, "grades", RULE_KEY).get(code)
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise _bad(translate("domain.rules.salary", "grade «{code}» has the wrong format.").format(code=code))
    coefs = raw.get("coefficients")
    if (
        not isinstance(coefs, list)
        or not coefs
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coefs)
    ):
        raise _bad(translate("domain.rules.salary", "grade «{code}»: «coefficients» must be a list of coefficients.").format(code=code))
    return _Grade(
        code=code,
        name=str(raw.get("name") or code),
        interval=_param_int(raw.get("step_interval_months"), f"{code}.step_interval_months", minimum=1),
        coefficients=tuple(float(c) for c in coefs),
    )


# --- formatting -------------------------------------------------------------------------------------------


def _d(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def _coef(c: float) -> str:
    return f"{c:.2f}".replace(".", ",")


# --- regular raise ----------------------------------------------------------------------------------------


def _extensions(
    facts: PersonFacts, start: date, base_due: date, params: Mapping[str, Any]
) -> tuple[date, tuple[Extension, ...]]:
    """Extensions earned in the holding period [start, due): each discipline decided in it and each year
    whose 31 December falls in it with a failed evaluation. A later due date can take in more of them, so
    this runs to a fixed point (it only grows, and is bounded by the number of facts)."""
    months_by_form = param_map(params, "discipline_extension_months", RULE_KEY)
    names = param_map(params, "discipline_names", RULE_KEY)
    per_failed_year = _param_int(
        params.get("failed_year_extension_months", 0), "failed_year_extension_months"
    )
    failed_raw = params.get("failed_levels", [])
    failed_levels = {str(x) for x in failed_raw} if isinstance(failed_raw, list) else set()
    disciplines = sorted(facts.disciplines, key=lambda x: x.decided_on)
    evaluations = sorted(facts.evaluations, key=lambda x: x.year)
    due = base_due
    found: tuple[Extension, ...] = ()
    for _ in range(len(disciplines) + len(evaluations) + 2):
        items: list[Extension] = []
        for disc in disciplines:
            if disc.form_code not in months_by_form or not start <= disc.decided_on < due:
                continue
            months = _param_int(
                months_by_form[disc.form_code], f"discipline_extension_months.{disc.form_code}"
            )
            if months:
                label = str(names.get(disc.form_code) or disc.form_code)
                items.append(
                    Extension(
                        months,
                        translate("domain.rules.salary", "Disciplined ({label}) on {decided_on} while in this step: extended by {months} months.").format(label=label, decided_on=_d(disc.decided_on), months=months),
                    )
                )
        for ev in evaluations:
            if per_failed_year and ev.level in failed_levels and MIN_YEAR <= ev.year <= MAX_YEAR:
                if start <= date(ev.year, 12, 31) < due:
                    items.append(
                        Extension(
                            per_failed_year,
                            translate("domain.rules.salary", "Did not complete the tasks in {year}: extended by {per_failed_year} months.").format(year=ev.year, per_failed_year=per_failed_year),
                        )
                    )
        found = tuple(items)
        new_due = add_months(base_due, sum(e.months for e in found))
        if new_due == due:
            break
        due = new_due
    return due, found


def _unknown(reason: str, grade_code: str = "") -> RaiseResult:
    return RaiseResult(kind="unknown", reason=reason, grade_code=grade_code)


def _compute(facts: PersonFacts, version: RuleVersion) -> RaiseResult:
    """The next raise under one version's parameters, ignoring when that version is in force."""
    params = version.params
    code = facts.grade_code.strip()
    grade = _grade(params, code)
    if grade is None:
        return _unknown(translate("domain.rules.salary", "Grade code «{code}» is not in the rules' table of grades and salary steps.").format(code=code), code)
    step = facts.salary_step
    n = len(grade.coefficients)
    if step is None or not 1 <= step <= n:
        return _unknown(translate("domain.rules.salary", "Step {step} does not exist in grade {name} ({code}: {n} steps).").format(step=step, name=grade.name, code=code, n=n), code)
    start = facts.salary_step_date
    assert start is not None  # checked by the caller
    if step < n:
        base_due = add_months(start, grade.interval)
        due, exts = _extensions(facts, start, base_due, params)
        coef = grade.coefficients[step]
        return RaiseResult(
            kind="step",
            reason=translate("domain.rules.salary", "Raise to step {step}/{n} of grade {name} (coefficient {coef}) from {due}.").format(step=step + 1, n=n, name=grade.name, coef=_coef(coef), due=_d(due)),
            next_date=due,
            next_step=step + 1,
            next_coefficient=coef,
            regular_date=base_due,
            interval_months=grade.interval,
            extension_months=sum(e.months for e in exts),
            extensions=exts,
            grade_code=code,
            steps_in_grade=n,
            legal_source=version.legal_source,
        )
    beyond = param_map(params, "beyond_scale", RULE_KEY)
    first = _param_int(beyond.get("first_pct", 5), "beyond_scale.first_pct", minimum=1)
    inc = _param_int(beyond.get("increment_pct", 1), "beyond_scale.increment_pct")
    every = _param_int(
        beyond.get("increment_interval_months", 12), "beyond_scale.increment_interval_months", minimum=1
    )
    current = facts.beyond_scale_pct or 0
    if current < first:
        pct, interval = first, grade.interval
        what = translate("domain.rules.salary", "Receives the above-scale seniority allowance of {pct}% ({interval} months at the last step {n}/{n})").format(pct=pct, interval=interval, n=n)
    else:
        if inc == 0:
            return _unknown(
                translate("domain.rules.salary", "Already receives the above-scale seniority allowance of {current}%; the rules give no further increase.").format(current=current), code
            )
        pct, interval = current + inc, every
        what = translate("domain.rules.salary", "Above-scale seniority allowance rises from {current}% to {pct}%").format(current=current, pct=pct)
    base_due = add_months(start, interval)
    due, exts = _extensions(facts, start, base_due, params)
    return RaiseResult(
        kind="beyond_scale",
        reason=translate("domain.rules.salary", "{what} from {due}.").format(what=what, due=_d(due)),
        next_date=due,
        beyond_scale_pct=pct,
        regular_date=base_due,
        interval_months=interval,
        extension_months=sum(e.months for e in exts),
        extensions=exts,
        grade_code=code,
        steps_in_grade=n,
        legal_source=version.legal_source,
    )


def _periods(book: RuleBook, start: date) -> list[tuple[date, date | None, RuleVersion | None]]:
    """[from, to) periods from ``start`` on, each with the version in force through it (None in a gap).
    A period before the oldest version is given that oldest version (see the module docstring)."""
    versions = book.versions(RULE_KEY)
    if not versions:
        book.version(RULE_KEY, start)  # raises RuleMissing with the standard message
    bounds = {start}
    for v in versions:
        if v.valid_from > start:
            bounds.add(v.valid_from)
        if v.valid_to is not None and start <= v.valid_to < date.max:
            bounds.add(v.valid_to + _ONE_DAY)
    ordered = sorted(bounds)
    out: list[tuple[date, date | None, RuleVersion | None]] = []
    for i, s in enumerate(ordered):
        found = book.find(RULE_KEY, s)
        if found is None and i == 0 and versions[0].valid_from > s:
            found = versions[0]
        out.append((s, ordered[i + 1] if i + 1 < len(ordered) else None, found))
    return out


def next_regular_raise(facts: PersonFacts, book: RuleBook) -> RaiseResult:
    """The next regular step raise (nâng bậc lương thường xuyên), or at the last step the next beyond-scale
    allowance, of ``facts``: step date + the grade's interval, lengthened by every extension earned in the
    holding period (they add up). At the last step, ``salary_step_date`` is read as the date from which the
    current beyond-scale percent (if any) is paid. Missing grade, step or step date → ``kind="unknown"``."""
    code = facts.grade_code.strip()
    if not code:
        return _unknown(translate("domain.rules.salary", "No grade code yet, so the next salary raise cannot be computed."))
    if facts.salary_step is None:
        return _unknown(translate("domain.rules.salary", "No current salary step yet, so the next salary raise cannot be computed."), code)
    start = facts.salary_step_date
    if start is None:
        return _unknown(translate("domain.rules.salary", "No start date of the current salary step yet, so the next salary raise cannot be computed."), code)
    if not MIN_YEAR <= start.year <= MAX_YEAR - 100:
        return _unknown(translate("domain.rules.salary", "The start date of the salary step {start} is outside the range that can be computed.").format(start=_d(start)), code)
    for s, e, version in _periods(book, start):
        if version is None:
            continue
        result = _compute(facts, version)
        if not result.known or result.next_date is None:
            return result
        due = max(result.next_date, s)
        if e is None or due < e:
            return result if due == result.next_date else replace(result, next_date=due)
    raise RuleMissing(
        translate("domain.rules.salary", "No rule «{RULE_KEY}» applies to the salary raise after {start}. An administrator must add it under Administration › Rules.").format(RULE_KEY=RULE_KEY, start=_d(start))
    )


# --- early raise ------------------------------------------------------------------------------------------


def _cutoff(text: Any, year: int) -> date:
    try:
        month, day = (int(x) for x in str(text).split("-"))
        return date(year, month, day)
    except ValueError as exc:
        raise _bad(translate("domain.rules.salary", "«early_raise.cutoff» «{text}» must be written MM-DD (e.g. 12-31).").format(text=text)) from exc


def _quota(payroll_size: int, pct: Any) -> int:
    try:
        share = Decimal(str(pct))
    except InvalidOperation as exc:
        raise _bad(translate("domain.rules.salary", "«early_raise.quota_pct» must be a number.")) from exc
    if not share.is_finite() or share < 0:
        raise _bad(translate("domain.rules.salary", "«early_raise.quota_pct» must be a non-negative number."))
    return math.floor(Decimal(payroll_size) * share / 100)


def _months_short(cutoff: date, due: date) -> int:
    """Whole months from ``cutoff`` needed to reach ``due`` (a part month counts as one)."""
    k = max(0, (due.year - cutoff.year) * 12 + (due.month - cutoff.month) - 1)
    while add_months(cutoff, k) < due:
        k += 1
    return k


def early_raise_candidates(
    people: Sequence[PersonFacts], year: int, payroll_size: int, book: RuleBook
) -> EarlyRaiseResult:
    """Early-raise review for ``year`` (TT 08/2013 Đ.3 as amended by TT 03/2021).

    Eligible: the regular raise is known, both regular standards held through the holding period (no
    extension earned), not at the last step, the regular raise falls after the cutoff (31/12 of ``year``)
    and at most ``max_months_early`` months after it, and the last raise was not itself early. The quota is
    the whole part of ``quota_pct`` % of ``payroll_size`` (the staff on the agency's payroll).
    """
    if not MIN_YEAR <= year <= MAX_YEAR - 100:
        raise ValidationError(translate("domain.rules.salary", "Year considered {year} is not valid.").format(year=year))
    if isinstance(payroll_size, bool) or not isinstance(payroll_size, int) or payroll_size < 0:
        raise ValidationError(
            translate("domain.rules.salary", "The number of people on the payroll must be a non-negative integer."),
            {"payroll_size": translate("domain.rules.salary", "Enter the number of people on the agency's payroll.")},
        )
    probe = date(year, 12, 31)
    version = book.version(RULE_KEY, probe)
    rules = param_map(version.params, "early_raise", RULE_KEY)
    cutoff = _cutoff(rules.get("cutoff", "12-31"), year)
    max_early = _param_int(rules.get("max_months_early", 12), "early_raise.max_months_early")
    not_twice = bool(rules.get("not_twice_in_a_row", True))
    quota = _quota(payroll_size, rules.get("quota_pct", 10))
    latest = add_months(cutoff, max_early)
    entries: list[EarlyRaiseEntry] = []
    for p in people:
        r = next_regular_raise(p, book)

        def entry(ok: bool, why: str, *, person: PersonFacts = p, res: RaiseResult = r) -> EarlyRaiseEntry:
            due = res.next_date if res.kind == "step" else None
            short = _months_short(cutoff, due) if due is not None and due > cutoff else None
            return EarlyRaiseEntry(person.cadre_id, person.full_name, ok, why, due, short)

        if not r.known:
            entries.append(entry(False, r.reason))
        elif r.kind == "beyond_scale":
            entries.append(
                entry(False, translate("domain.rules.salary", "At the last step of the grade: an early salary raise is not considered."))
            )
        elif r.extensions:
            why = " ".join(x.reason for x in r.extensions)
            entries.append(
                entry(False, translate("domain.rules.salary", "Did not meet the standard for a regular raise while in this step. {why}").format(why=why))
            )
        elif not_twice and p.last_raise_early:
            entries.append(
                entry(
                    False,
                    translate("domain.rules.salary", "The previous salary raise was an early one: two in a row are not considered."),
                )
            )
        elif r.next_date is not None and r.next_date <= cutoff:
            entries.append(
                entry(
                    False,
                    translate("domain.rules.salary", "The regular raise is due on {next_date}, before {cutoff}: regular raise, no early raise considered.").format(next_date=_d(r.next_date), cutoff=_d(cutoff)),
                )
            )
        elif r.next_date is not None and r.next_date > latest:
            entries.append(
                entry(
                    False,
                    translate("domain.rules.salary", "More than {max_early} months short (due on {next_date}) as of {cutoff}.").format(max_early=max_early, next_date=_d(r.next_date), cutoff=_d(cutoff)),
                )
            )
        else:
            due = r.next_date
            assert due is not None
            entries.append(
                entry(
                    True,
                    translate("domain.rules.salary", "Eligible for consideration: {months} months short (due on {due}) as of {cutoff}.").format(months=_months_short(cutoff, due), due=_d(due), cutoff=_d(cutoff)),
                )
            )
    return EarlyRaiseResult(
        year=year,
        cutoff=cutoff,
        payroll_size=payroll_size,
        quota=quota,
        max_months_early=max_early,
        entries=tuple(entries),
        legal_source=version.legal_source,
    )


# --- amounts ----------------------------------------------------------------------------------------------


def base_salary(on: date, book: RuleBook) -> int:
    """The base salary (lương cơ sở, VND/month) in force on ``on``, from the history in rule ``salary_steps``."""
    history = book.params(RULE_KEY, on).get("base_salary")
    if not isinstance(history, list):
        raise _bad(translate("domain.rules.salary", "«base_salary» must be a list of {from, amount}."))
    best: tuple[date, int] | None = None
    for item in history:
        if not isinstance(item, Mapping):
            raise _bad(translate("domain.rules.salary", "«base_salary» must be a list of {from, amount}."))
        try:
            start = date.fromisoformat(str(item.get("from")))
        except ValueError as exc:
            raise _bad(translate("domain.rules.salary", "«base_salary»: the date «{value}» is not valid (YYYY-MM-DD).").format(value=item.get('from'))) from exc
        amount = _param_int(item.get("amount"), "base_salary.amount", minimum=1)
        if start <= on and (best is None or start >= best[0]):
            best = (start, amount)
    if best is None:
        raise RuleMissing(
            translate("domain.rules.salary", "No base salary applies on {on}. An administrator must add it under Administration › Rules.").format(on=_d(on))
        )
    return best[1]


def salary_amount(coefficient: float, on: date, book: RuleBook) -> int:
    """Monthly amount of ``coefficient`` × the base salary in force on ``on``, in VND rounded half up
    (e.g. 2,34 × 2.340.000 = 5.475.600). Used for salary and for allowances expressed as a coefficient."""
    if (
        isinstance(coefficient, bool)
        or not isinstance(coefficient, int | float)
        or not math.isfinite(coefficient)
    ):
        raise ValidationError(translate("domain.rules.salary", "The salary coefficient must be a number."), {"salary_coefficient": translate("domain.rules.salary", "Invalid coefficient.")})
    if coefficient < 0:
        raise ValidationError(translate("domain.rules.salary", "The salary coefficient must not be negative."), {"salary_coefficient": translate("domain.rules.salary", "The coefficient must not be negative.")})
    amount = Decimal(str(coefficient)) * base_salary(on, book)
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
