"""Structure indicators (chỉ tiêu cơ cấu đội ngũ): % young, % women, % with a degree… as data.

Each indicator of the rule ``targets`` has a numerator filter, a denominator filter, a threshold (percent
with ``>=`` or ``<=``, or none for an informational indicator), a deadline and its source. Filters are a
small declarative language over :class:`PersonFacts`:

``{"field": F, "eq"|"ne": v}``, ``{"field": F, "in"|"not_in": [...]}``,
``{"field": F, "rank_gte"|"rank_lte": code}`` (F ∈ education_level, political_theory, state_mgmt),
``{"age_lt"|"age_gte": n}`` (n a number or ``{"setting": name, "default": n}``),
``{"leader": bool}``, ``{"key_leader": bool}``, ``{"title_level_in": [...]}`` (from the titles list),
``{"trained": kind, "within_months": n}`` (a training of that kind ended within n months before the date;
``within_months`` optional), ``{"non_local": bool}`` (hometown province ≠ unit province),
``{"all": [...]}``, ``{"any": [...]}``, ``{"not": filter}``.

Filters are three-valued: a fact that is missing (no birth date, no province) gives "unknown", and
``all``/``any``/``not`` follow Kleene logic. A person whose denominator filter is unknown is left out and
listed; one in the denominator whose numerator filter is unknown counts in the denominator only and is
listed in ``unknown_ids``, so the drill-down shows whose data to complete.

Filters are compiled once into closures (no re-interpretation per person); each distinct denominator
is evaluated once per person, and a numerator only over its denominator's members (100,000 people and
the seven shipped indicators: about 0.7 s).
"""

from __future__ import annotations

import calendar
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from operator import attrgetter
from typing import Any

from canbo_desktop.domain.dates import add_months, format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.eligibility import TitleInfo
from canbo_desktop.domain.rules.facts import PersonFacts
from canbo_desktop.i18n import translate

RULE_KEY = "targets"

Tri = bool | None
Predicate = Callable[[PersonFacts], Tri]

# Text fields a filter may name, and whether an empty value means "not recorded" (unknown) rather than a
# real "none" (no title, no grade).
_TEXT_FIELDS: dict[str, bool] = {
    "cadre_id": False,
    "sex": True,
    "status": True,
    "category": True,
    "ethnicity_code": True,
    "hometown_province_code": True,
    "unit_id": False,
    "unit_province_code": True,
    "title_code": False,
    "grade_code": False,
    "education_level": True,
    "political_theory": True,
    "state_mgmt": True,
    "birth_precision": True,
}
_BOOL_FIELDS = {"party_member", "last_raise_early"}
_RANKED_FIELDS = {
    "education_level": "education_level",
    "political_theory": "political_theory",
    "state_mgmt": "state_mgmt",
}
_FIELD_OPS = ("eq", "ne", "in", "not_in", "rank_gte", "rank_lte")
_OPERATORS = (
    "all",
    "any",
    "not",
    "field",
    "age_lt",
    "age_gte",
    "leader",
    "key_leader",
    "title_level_in",
    "trained",
    "non_local",
)


@dataclass(frozen=True)
class FilterContext:
    """What a filter is compiled against. ``check_codes`` is False when only the shape is validated."""

    on: date
    ranks: Mapping[str, Mapping[str, int]]
    titles: Mapping[str, TitleInfo]
    settings: Mapping[str, Any]
    check_codes: bool = True


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    numerator: int
    denominator: int
    percent: float | None  # None when the denominator is empty
    threshold: float | None  # None: informational
    comparison: str  # ">=" | "<="
    met: bool | None  # None: informational, or nobody in the denominator
    deadline: date | None
    source: str
    note: str
    message: str
    numerator_ids: tuple[str, ...]
    denominator_ids: tuple[str, ...]
    unknown_ids: tuple[str, ...]  # in the denominator, numerator unknown (counted as not meeting it)
    excluded_unknown_ids: tuple[str, ...]  # denominator unknown (not counted)


# ---------------------------------------------------------------------------------------------------
# Compiling filters


def _err(path: str, text: str) -> ValidationError:
    if path:
        return ValidationError(translate("domain.rules.targets", "Indicator filter {path}: {text}").format(path=path, text=text))
    return ValidationError(translate("domain.rules.targets", "Indicator filter: {text}").format(text=text))


def _number(value: Any, ctx: FilterContext, path: str) -> float:
    if isinstance(value, Mapping):
        name = value.get("setting")
        extra = set(value) - {"setting", "default"}
        if not isinstance(name, str) or extra:
            raise _err(path, translate("domain.rules.targets", "a parameter value must be written {\"setting\": name, \"default\": number}."))
        value = ctx.settings.get(name, value.get("default"))
        if value is None:
            raise _err(path, translate("domain.rules.targets", "the parameter «{name}» has no value yet.").format(name=name))
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise _err(path, translate("domain.rules.targets", "«{value}» is not a non-negative number.").format(value=value))
    return float(value)


def _whole(value: Any, ctx: FilterContext, path: str) -> int:
    n = _number(value, ctx, path)
    if n != int(n):
        raise _err(path, translate("domain.rules.targets", "a number of months/years must be an integer (got {n}).").format(n=n))
    return int(n)


def _bool(value: Any, path: str, op: str) -> bool:
    if not isinstance(value, bool):
        raise _err(path, translate("domain.rules.targets", "«{op}» must be true or false.").format(op=op))
    return value


def _str_list(value: Any, path: str, op: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise _err(path, translate("domain.rules.targets", "«{op}» must be a list of codes.").format(op=op))
    return frozenset(value)


def _age_cutoff(on: date, years: int) -> date:
    """Latest birth date of someone who is at least ``years`` old on ``on`` (as :func:`age_on` counts:
    a month is complete on the same day, or on the month's last day)."""
    cutoff = add_months(on, -12 * years)
    if on.day == calendar.monthrange(on.year, on.month)[1]:
        cutoff = cutoff.replace(day=calendar.monthrange(cutoff.year, cutoff.month)[1])
    return cutoff


def compile_filter(spec: Any, ctx: FilterContext, path: str = "") -> Predicate:
    """Compile a filter into a closure ``PersonFacts -> True | False | None``. Raises
    :class:`ValidationError` (Vietnamese) for an unknown operator or field, or a malformed value."""
    if not isinstance(spec, Mapping) or not spec:
        raise _err(path, translate("domain.rules.targets", "every condition must be a table { operator: value }."))
    keys = set(spec)
    if "field" in keys:
        return _compile_field(spec, ctx, path)
    if "trained" in keys:
        extra = keys - {"trained", "within_months"}
        if extra:
            raise _err(path, translate("domain.rules.targets", "unsupported keys: {extra}.").format(extra=', '.join(sorted(extra))))
        return _compile_trained(spec, ctx, path)
    if len(keys) != 1:
        raise _err(path, translate("domain.rules.targets", "every condition has only one operator (use «all»/«any» to combine them)."))
    (op,) = keys
    value = spec[op]
    here = f"{path}.{op}" if path else op
    if op not in _OPERATORS:
        raise _err(path, translate("domain.rules.targets", "the operator «{op}» is not supported (use: {_OPERATORS}).").format(op=op, _OPERATORS=', '.join(_OPERATORS)))
    if op in ("all", "any"):
        if not isinstance(value, list):
            raise _err(here, translate("domain.rules.targets", "must be a list of conditions."))
        parts = [compile_filter(s, ctx, f"{here}[{i}]") for i, s in enumerate(value)]
        return _all(parts) if op == "all" else _any(parts)
    if op == "not":
        inner = compile_filter(value, ctx, here)

        def negate(p: PersonFacts) -> Tri:
            r = inner(p)
            return None if r is None else not r

        return negate
    if op in ("age_lt", "age_gte"):
        cutoff = _age_cutoff(ctx.on, _whole(value, ctx, here))
        if op == "age_gte":

            def age_gte(p: PersonFacts) -> Tri:
                b = p.birth_date
                return None if b is None else b <= cutoff

            return age_gte

        def age_lt(p: PersonFacts) -> Tri:
            b = p.birth_date
            return None if b is None else b > cutoff

        return age_lt
    if op in ("leader", "key_leader"):
        want = _bool(value, here, op)
        flags: dict[str, bool] = {
            code: (t.is_leader if op == "leader" else t.key_leader) for code, t in ctx.titles.items()
        }
        return _title_flag(flags, want)
    if op == "title_level_in":
        levels = _str_list(value, here, op)
        flags = {code: t.level in levels for code, t in ctx.titles.items()}
        return _title_flag(flags, True)
    # non_local
    want = _bool(value, here, op)

    def non_local(p: PersonFacts) -> Tri:
        a, b = p.hometown_province_code, p.unit_province_code
        if not a or not b:
            return None
        return (a != b) is want

    return non_local


def _title_flag(flags: Mapping[str, bool], want: bool) -> Predicate:
    def by_title(p: PersonFacts) -> Tri:
        code = p.title_code
        if not code:
            return not want
        f = flags.get(code)
        return None if f is None else f is want

    return by_title


def _all(parts: Sequence[Predicate]) -> Predicate:
    if not parts:
        return lambda p: True
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts

        def all2(p: PersonFacts) -> Tri:
            x = a(p)
            if x is False:
                return False
            y = b(p)
            if x is True:
                return y
            return False if y is False else None

        return all2

    def all_n(p: PersonFacts) -> Tri:
        unknown = False
        for f in parts:
            r = f(p)
            if r is False:
                return False
            if r is None:
                unknown = True
        return None if unknown else True

    return all_n


def _any(parts: Sequence[Predicate]) -> Predicate:
    if not parts:
        return lambda p: False
    if len(parts) == 1:
        return parts[0]

    def any_n(p: PersonFacts) -> Tri:
        unknown = False
        for f in parts:
            r = f(p)
            if r is True:
                return True
            if r is None:
                unknown = True
        return None if unknown else False

    return any_n


def _compile_field(spec: Mapping[str, Any], ctx: FilterContext, path: str) -> Predicate:
    name = spec.get("field")
    ops = [k for k in spec if k != "field"]
    if not isinstance(name, str):
        raise _err(path, translate("domain.rules.targets", "«field» must be a field name."))
    if len(ops) != 1 or ops[0] not in _FIELD_OPS:
        raise _err(path, translate("domain.rules.targets", "the field «{name}» needs exactly one comparison among: {_FIELD_OPS}.").format(name=name, _FIELD_OPS=', '.join(_FIELD_OPS)))
    op = ops[0]
    value = spec[op]
    here = f"{path}.{name}" if path else name
    get = attrgetter(name)
    if name in _BOOL_FIELDS:
        if op not in ("eq", "ne"):
            raise _err(here, translate("domain.rules.targets", "a yes/no field only uses «eq» or «ne», not «{op}».").format(op=op))
        want = _bool(value, here, op) is (op == "eq")

        def bool_field(p: PersonFacts) -> Tri:
            return bool(get(p)) is want

        return bool_field
    if name not in _TEXT_FIELDS:
        allowed = sorted(set(_TEXT_FIELDS) | _BOOL_FIELDS)
        raise _err(path, translate("domain.rules.targets", "the field «{name}» is not supported (use: {allowed}).").format(name=name, allowed=', '.join(allowed)))
    empty_unknown = _TEXT_FIELDS[name]
    if op in ("rank_gte", "rank_lte"):
        list_name = _RANKED_FIELDS.get(name)
        if list_name is None:
            raise _err(here, translate("domain.rules.targets", "the field «{name}» has no ranking to compare with «{op}».").format(name=name, op=op))
        if not isinstance(value, str):
            raise _err(here, translate("domain.rules.targets", "«{op}» must be a code in the code list «{list_name}».").format(op=op, list_name=list_name))
        ranks = dict(ctx.ranks.get(list_name) or {})
        if ctx.check_codes:
            if not ranks:
                raise _err(here, translate("domain.rules.targets", "the ranking of the code list «{list_name}» is missing.").format(list_name=list_name))
            if value not in ranks:
                raise _err(here, translate("domain.rules.targets", "the code «{value}» is not in the code list «{list_name}».").format(value=value, list_name=list_name))
        bound = ranks.get(value, 0)
        if op == "rank_gte":
            ok = {code: r >= bound for code, r in ranks.items()}
        else:
            ok = {code: r <= bound for code, r in ranks.items()}

        def ranked(p: PersonFacts) -> Tri:
            return ok.get(get(p))  # None when not recorded or not in the list

        return ranked
    if op in ("eq", "ne"):
        if not isinstance(value, str):
            raise _err(here, translate("domain.rules.targets", "«{op}» must be a text.").format(op=op))
        want_eq = op == "eq"

        def compare(p: PersonFacts) -> Tri:
            v = get(p)
            if not v and empty_unknown:
                return None
            return (v == value) is want_eq

        return compare
    values = _str_list(value, here, op)
    want_in = op == "in"

    def member(p: PersonFacts) -> Tri:
        v = get(p)
        if not v and empty_unknown:
            return None
        return (v in values) is want_in

    return member


def _compile_trained(spec: Mapping[str, Any], ctx: FilterContext, path: str) -> Predicate:
    kind = spec.get("trained")
    if not isinstance(kind, str) or not kind:
        raise _err(path, translate("domain.rules.targets", "«trained» must be a training kind code (code list training_kind)."))
    on = ctx.on
    start: date | None = None
    if spec.get("within_months") is not None:
        start = add_months(on, -_whole(spec["within_months"], ctx, f"{path}.within_months"))

    def trained(p: PersonFacts) -> Tri:
        undated = False
        for t in p.trainings:
            if t.kind != kind:
                continue
            d = t.to_date
            if d is None:
                undated = True
            elif d <= on and (start is None or d >= start):
                return True
        if undated and start is None:
            return True
        return None if undated else False

    return trained


def validate_filter(spec: Any) -> None:
    """Check a filter's shape (operators, fields, value types) without code lists. Raises
    :class:`ValidationError` with a Vietnamese message."""
    compile_filter(spec, FilterContext(date(2000, 1, 1), {}, {}, _AnySetting(), check_codes=False))


class _AnySetting(dict[str, Any]):
    """Settings for shape-only validation: every named setting has a harmless value."""

    def get(self, key: str, default: Any = None) -> Any:
        return 1 if default is None else default


# ---------------------------------------------------------------------------------------------------
# Indicators


@dataclass(frozen=True)
class _Indicator:
    code: str
    name: str
    numerator: Any
    denominator: Any
    threshold: Fraction | None
    comparison: str
    deadline: date | None
    source: str
    note: str


def _indicators(params: Mapping[str, Any], default_source: str) -> list[_Indicator]:
    raw = params.get("indicators")
    if not isinstance(raw, list):
        raise ValidationError(translate("domain.rules.targets", "Rule «{RULE_KEY}»: the list «indicators» is missing.").format(RULE_KEY=RULE_KEY))
    out: list[_Indicator] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, 1):
        where = translate("domain.rules.targets", "Rule «{RULE_KEY}», indicator {i}").format(RULE_KEY=RULE_KEY, i=i)
        if not isinstance(item, Mapping) or not isinstance(item.get("code"), str) or not item.get("name"):
            raise ValidationError(translate("domain.rules.targets", "{where}: «code» and «name» are needed.").format(where=where))
        code = str(item["code"])
        if code in seen:
            raise ValidationError(translate("domain.rules.targets", "{where}: the code «{code}» is duplicated.").format(where=where, code=code))
        seen.add(code)
        threshold = item.get("threshold")
        pct: Fraction | None = None
        comparison = ">="
        if threshold is not None:
            if not isinstance(threshold, Mapping):
                raise ValidationError(
                    translate("domain.rules.targets", "{where}: «threshold» must be written {{\"percent\": number, \"comparison\": \">=\"}}.").format(where=where)
                )
            value = threshold.get("percent")
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
                raise ValidationError(translate("domain.rules.targets", "{where}: «threshold.percent» must be a number between 0 and 100.").format(where=where))
            pct = Fraction(str(value))
            comparison = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<="}.get(
                str(threshold.get("comparison", ">=")), ""
            )
            if not comparison:
                raise ValidationError(translate("domain.rules.targets", "{where}: «threshold.comparison» must be «>=» or «<=».").format(where=where))
        deadline = item.get("deadline")
        try:
            due = date.fromisoformat(deadline) if isinstance(deadline, str) and deadline else None
        except ValueError as exc:
            raise ValidationError(translate("domain.rules.targets", "{where}: the deadline «{deadline}» is not valid (YYYY-MM-DD).").format(where=where, deadline=deadline)) from exc
        out.append(
            _Indicator(
                code=code,
                name=str(item["name"]),
                numerator=item.get("numerator"),
                denominator=item.get("denominator", {"all": []}),
                threshold=pct,
                comparison=comparison,
                deadline=due,
                source=str(item.get("source") or default_source),
                note=str(item.get("note") or ""),
            )
        )
    return out


def validate_targets(params: Mapping[str, Any]) -> None:
    """Validate the ``targets`` rule parameters (shape of every indicator and filter)."""
    for ind in _indicators(params, ""):
        validate_filter(ind.numerator)
        validate_filter(ind.denominator)


def _pct_text(f: Fraction) -> str:
    text = f"{float(f):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def evaluate_targets(
    people: Iterable[PersonFacts],
    on: date,
    book: RuleBook,
    *,
    ranks: Mapping[str, Mapping[str, int]],
    titles: Mapping[str, TitleInfo],
    settings: Mapping[str, Any] | None = None,
) -> list[IndicatorResult]:
    """Every indicator of the ``targets`` rule in force on ``on``, over ``people`` (already limited by the
    caller to the org subtree / management category wanted)."""
    version = book.version(RULE_KEY, on)
    indicators = _indicators(version.params, version.legal_source)
    ctx = FilterContext(on, ranks, titles, settings or {})
    persons = list(people)

    # Each distinct denominator is evaluated once; numerators only over its members.
    denominators: dict[str, tuple[list[PersonFacts], list[str]]] = {}
    out: list[IndicatorResult] = []
    for ind in indicators:
        key = json.dumps(ind.denominator, sort_keys=True, ensure_ascii=False)
        if key not in denominators:
            den = compile_filter(ind.denominator, ctx, f"«{ind.code}».denominator")
            flags = [den(p) for p in persons]
            members = [p for p, v in zip(persons, flags, strict=True) if v]
            excluded = [p.cadre_id for p, v in zip(persons, flags, strict=True) if v is None]
            denominators[key] = (members, excluded)
        members, excluded = denominators[key]
        num = compile_filter(ind.numerator, ctx, f"«{ind.code}».numerator")
        values = [num(p) for p in members]
        num_ids = [p.cadre_id for p, v in zip(members, values, strict=True) if v]
        unknown_ids = [p.cadre_id for p, v in zip(members, values, strict=True) if v is None]
        den_ids = [p.cadre_id for p in members]
        out.append(_result(ind, num_ids, den_ids, unknown_ids, excluded, on))
    return out


def _result(
    ind: _Indicator,
    num_ids: list[str],
    den_ids: list[str],
    unknown_ids: list[str],
    excluded: list[str],
    on: date,
) -> IndicatorResult:
    n, d = len(num_ids), len(den_ids)
    share = Fraction(n * 100, d) if d else None
    met: bool | None = None
    sign = "≥" if ind.comparison == ">=" else "≤"
    if d == 0:
        message = translate("domain.rules.targets", "No subjects in the denominator.")
    else:
        assert share is not None
        ratio = f"{n}/{d} = {_pct_text(share)}"
        if ind.threshold is None:
            message = translate("domain.rules.targets", "{ratio} (monitored indicator, no threshold).").format(ratio=ratio)
        else:
            met = share >= ind.threshold if ind.comparison == ">=" else share <= ind.threshold
            if ind.deadline is not None:
                target = translate("domain.rules.targets", "target {sign} {threshold} by {deadline}")
            else:
                target = translate("domain.rules.targets", "target {sign} {threshold}")
            target = target.format(sign=sign, threshold=_pct_text(ind.threshold),
                                   deadline=format_date(ind.deadline) if ind.deadline is not None else "")
            if met:
                message = translate("domain.rules.targets", "{ratio}: met ({target}).")
            else:
                message = translate("domain.rules.targets", "{ratio}: not met ({target}).")
            message = message.format(ratio=ratio, target=target)
            if not met and ind.deadline is not None and on > ind.deadline:
                message += " " + translate("domain.rules.targets", "Overdue.")
    if unknown_ids:
        message += " " + translate("domain.rules.targets", "{count} people lack data and are not counted in the numerator.").format(
            count=len(unknown_ids))
    if excluded:
        message += " " + translate("domain.rules.targets", "{count} people lack the data to place them in the denominator and are not counted.").format(
            count=len(excluded))
    return IndicatorResult(
        code=ind.code,
        name=ind.name,
        numerator=n,
        denominator=d,
        percent=None if share is None else round(float(share), 2),
        threshold=None if ind.threshold is None else float(ind.threshold),
        comparison=ind.comparison,
        met=met,
        deadline=ind.deadline,
        source=ind.source,
        note=ind.note,
        message=message,
        numerator_ids=tuple(num_ids),
        denominator_ids=tuple(den_ids),
        unknown_ids=tuple(unknown_ids),
        excluded_unknown_ids=tuple(excluded),
    )
