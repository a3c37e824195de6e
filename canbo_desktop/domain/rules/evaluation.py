"""Annual evaluation and classification (đánh giá, xếp loại chất lượng) under two regimes, both as data.

* ``nd90`` (evaluation years up to 2025): NĐ 90/2020/NĐ-CP, amended by NĐ 48/2023/NĐ-CP. The level is the
  one proposed by the evaluating authority; the engine only applies the rules that cap or replace it
  (disciplined in the year → not completed; < 6 months worked → not rated; absent 3 to < 6 months → at
  most "completed"), and gives the label (for cán bộ/công chức level 3 reads "Hoàn thành nhiệm vụ nhưng
  còn hạn chế về năng lực").
* ``nd335`` (from 2026): Luật 80/2025/QH15 Đ.26 and NĐ 335/2025/NĐ-CP. 30 points of general criteria + 70
  points of task results; bands 90 / 70 / 50; veto conditions force "Không hoàn thành nhiệm vụ".

Which regime applies depends on the evaluation YEAR: the rule ``evaluation_regime`` is looked up on
31 December of that year (:func:`regime_date`). The evaluation is made at the end of the year it covers,
so a year is judged under the rules in force when it ends (2023 under NĐ 48/2023, in force 15/09/2023;
2025 under NĐ 90; 2026 under NĐ 335), even when the meeting is held late, in January.

Every number (bands, months, caps, quota, deductions) comes from the rule data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from canbo_desktop.domain.dates import MAX_YEAR, MIN_YEAR, format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook, RuleVersion
from canbo_desktop.domain.rules.facts import DisciplineFact
from canbo_desktop.i18n import translate

RULE_KEY = "evaluation_regime"
REGIMES = ("nd90", "nd335")


def regime_date(year: int) -> date:
    """The date on which the rule is looked up for an evaluation year: 31 December of that year."""
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(translate("domain.rules.evaluation", "Evaluation year «{year}» is not valid.").format(year=year))
    return date(year, 12, 31)


@dataclass(frozen=True)
class EvaluationInput:
    """What the classification needs for one person and one year.

    ``proposed_level`` is the level proposed by the evaluating authority (``nd90``); ``general_score``
    (0–30) and ``task_score`` (0–70) are the points (``nd335``). ``months_worked`` and ``months_absent``
    count months in the year; ``maternity`` says the short time or absence was maternity leave.
    ``disciplines`` may hold any decisions: only those decided in ``year`` count. (NĐ 48/2023: a later
    decision for a violation already reflected in an earlier year's rating must be left out by the caller.)
    ``veto_flags`` names the concluded veto conditions by their codes in the rule data (``suy_thoai``,
    ``don_vi_tham_nhung``…).
    """

    year: int
    category: str = "cong_chuc"  # cadre_category code: can_bo | cong_chuc | vien_chuc | …
    proposed_level: str | None = None
    general_score: float | None = None
    task_score: float | None = None
    months_worked: float = 12.0
    months_absent: float = 0.0
    maternity: bool = False
    disciplines: tuple[DisciplineFact, ...] = ()
    veto_flags: frozenset[str] = frozenset()
    is_leader: bool = False


@dataclass(frozen=True)
class Reason:
    """A rule that limited or replaced the level, with its Vietnamese explanation and legal source."""

    code: str
    text: str
    legal_source: str


@dataclass(frozen=True)
class Classification:
    year: int
    regime: str  # nd90 | nd335
    level: str  # evaluation_level code
    label: str
    rated: bool  # False for "Không xếp loại"
    score: float | None  # nd335 total (rounded as the rule says); None under nd90
    proposed_level: str | None
    capped_by: tuple[Reason, ...]
    legal_source: str
    rule_valid_from: date


@dataclass(frozen=True)
class TaskItem:
    """One assigned task or converted product (sản phẩm quy đổi) for the ND 335 task score.

    ``weight`` is its converted size; ``major_errors`` and ``delays`` each take the configured share
    (25%) off that item's quality / timeliness points, unless ``objective_cause`` is confirmed.
    """

    weight: float = 1.0
    completed: bool = True
    major_errors: int = 0
    delays: int = 0
    objective_cause: bool = False


@dataclass(frozen=True)
class TaskScore:
    quantity_pct: float
    quality_pct: float
    timeliness_pct: float
    mean_pct: float  # mean of the components (and of any extra components for leaders)
    score: float  # mean_pct × task_max / 100, rounded as the rule says
    legal_source: str


@dataclass(frozen=True)
class QuotaResult:
    year: int
    count_xuat_sac: int
    count_tot: int
    max_pct: float | None  # None when the regime has no quota
    allowed_max: int | None
    over_by: int
    ok: bool
    message: str
    legal_source: str


# ---------------------------------------------------------------------------------------------------
# Parameters


@dataclass(frozen=True)
class _Regime:
    version: RuleVersion
    regime: str
    levels: tuple[str, ...]  # best first
    labels: Mapping[str, str]
    label_overrides: Mapping[str, Any]
    not_rated_level: str
    fail_level: str
    params: Mapping[str, Any]

    def err(self, text: str) -> ValidationError:
        return ValidationError(translate("domain.rules.evaluation", "Rule «{RULE_KEY}» from {valid_from}: {text}").format(RULE_KEY=RULE_KEY, valid_from=format_date(self.version.valid_from), text=text))

    def source(self, code: str) -> str:
        sources = self.params.get("legal_sources") or {}
        v = sources.get(code) if isinstance(sources, Mapping) else None
        return str(v) if v else self.version.legal_source

    def order(self, level: str) -> int:
        """Position in the scale, 0 = best."""
        try:
            return self.levels.index(level)
        except ValueError:
            raise self.err(translate("domain.rules.evaluation", "the level «{level}» is not in the scale «levels».").format(level=level)) from None

    def label(self, level: str, category: str) -> str:
        over = self.label_overrides.get(category)
        if isinstance(over, Mapping) and isinstance(over.get(level), str):
            return str(over[level])
        return self.labels.get(level, level)

    def number(self, mapping: Mapping[str, Any], key: str) -> Fraction:
        v = mapping.get(key)
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise self.err(translate("domain.rules.evaluation", "the parameter «{key}» must be a number.").format(key=key))
        return Fraction(str(v))

    def optional_map(self, key: str) -> Mapping[str, Any] | None:
        v = self.params.get(key)
        if v is None:
            return None
        if not isinstance(v, Mapping):
            raise self.err(translate("domain.rules.evaluation", "the parameter «{key}» must be a table or null.").format(key=key))
        return v


def _regime(book: RuleBook, year: int) -> _Regime:
    version = book.version(RULE_KEY, regime_date(year))
    p = version.params
    where = translate("domain.rules.evaluation", "Rule «{RULE_KEY}» from {valid_from}").format(RULE_KEY=RULE_KEY, valid_from=format_date(version.valid_from))
    regime = p.get("regime")
    if regime not in REGIMES:
        raise ValidationError(translate("domain.rules.evaluation", "{where}: «regime» must be one of {REGIMES}.").format(where=where, REGIMES=', '.join(REGIMES)))
    levels = p.get("levels")
    if not isinstance(levels, list) or not levels or not all(isinstance(x, str) for x in levels):
        raise ValidationError(translate("domain.rules.evaluation", "{where}: the scale of levels «levels» is missing.").format(where=where))
    labels = p.get("labels")
    if not isinstance(labels, Mapping):
        raise ValidationError(translate("domain.rules.evaluation", "{where}: the names of the levels «labels» are missing.").format(where=where))
    overrides = p.get("label_overrides") or {}
    if not isinstance(overrides, Mapping):
        raise ValidationError(translate("domain.rules.evaluation", "{where}: «label_overrides» has the wrong format.").format(where=where))
    not_rated = p.get("not_rated_level")
    fail = p.get("fail_level")
    if not isinstance(not_rated, str) or not isinstance(fail, str) or fail not in levels:
        raise ValidationError(translate("domain.rules.evaluation", "{where}: «not_rated_level» or «fail_level» is missing.").format(where=where))
    return _Regime(version, str(regime), tuple(levels), labels, overrides, not_rated, fail, p)


def _check_number(value: float, what: str, low: Fraction, high: Fraction) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(translate("domain.rules.evaluation", "{what} must be a number.").format(what=what))
    f = Fraction(value)
    if not low <= f <= high:
        raise ValidationError(translate("domain.rules.evaluation", "{what} must be between {low} and {high} (got {f}).").format(what=what, low=_num(low), high=_num(high), f=_num(f)))
    return f


def _round(value: Fraction, decimals: int) -> Fraction:
    d = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )
    return Fraction(d)


def _num(value: Fraction | float | int) -> str:
    """A number the Vietnamese way: decimal comma, no useless zeros (89,5; 90; 2,25)."""
    f = Fraction(value) if not isinstance(value, Fraction) else value
    if f.denominator == 1:
        return str(f.numerator)
    text = f"{float(f):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _decimals(reg: _Regime) -> int:
    d = reg.params.get("score_decimals", 2)
    if not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 6:
        raise reg.err(translate("domain.rules.evaluation", "«score_decimals» must be an integer 0–6."))
    return d


# ---------------------------------------------------------------------------------------------------
# Classification


def level_for_score(score: float, year: int, book: RuleBook) -> str:
    """The ND 335 band of a total score (after the rule's rounding), vetoes not considered."""
    reg = _regime(book, year)
    if reg.regime != "nd335":
        raise ValidationError(translate("domain.rules.evaluation", "Year {year} is evaluated by the proposed level (ND 90/2020), not by score.").format(year=year))
    total_max = reg.number(reg.params, "general_max") + reg.number(reg.params, "task_max")
    s = _round(_check_number(score, translate("domain.rules.evaluation", "Total score"), Fraction(0), total_max), _decimals(reg))
    return _band(reg, s)


def _band(reg: _Regime, score: Fraction) -> str:
    bands = reg.params.get("bands")
    if not isinstance(bands, list) or not bands:
        raise reg.err(translate("domain.rules.evaluation", "the score bands «bands» are missing."))
    parsed: list[tuple[Fraction, str]] = []
    for b in bands:
        if not isinstance(b, Mapping) or not isinstance(b.get("level"), str):
            raise reg.err(translate("domain.rules.evaluation", "every band in «bands» needs «level» and «min»."))
        reg.order(str(b["level"]))
        parsed.append((reg.number(b, "min"), str(b["level"])))
    for minimum, level in sorted(parsed, reverse=True):
        if score >= minimum:
            return level
    return reg.fail_level


def classify(
    inputs: EvaluationInput, book: RuleBook, *, labels: Mapping[str, str] | None = None
) -> Classification:
    """Classify one person for one year under the regime in force on 31/12 of that year.

    ``labels`` maps discipline-form codes to names for the reasons (optional).

    Raises :class:`ValidationError` (Vietnamese) for impossible inputs: months outside 0–12, scores
    outside their scale, a missing proposal/score when one is needed, an unknown level or veto code.
    """
    reg = _regime(book, inputs.year)
    p = reg.params
    months_worked = _check_number(
        inputs.months_worked, translate("domain.rules.evaluation", "Months worked in the year"), Fraction(0), Fraction(12)
    )
    months_absent = _check_number(
        inputs.months_absent, translate("domain.rules.evaluation", "Months absent from work"), Fraction(0), Fraction(12)
    )
    unknown_flags = sorted(set(inputs.veto_flags) - set((reg.optional_map("vetoes") or {}).keys()))
    if unknown_flags:
        raise ValidationError(
            translate("domain.rules.evaluation", "Year {year}: there is no exclusion condition with the code {codes}.")
            .format(year=inputs.year, codes=", ".join(f"«{x}»" for x in unknown_flags))
        )
    maternity_exempt = bool(p.get("maternity_exempt", False)) and inputs.maternity

    def result(level: str, rated: bool, score: Fraction | None, reasons: list[Reason]) -> Classification:
        return Classification(
            year=inputs.year,
            regime=reg.regime,
            level=level,
            label=reg.label(level, inputs.category),
            rated=rated,
            score=None if score is None else float(score),
            proposed_level=inputs.proposed_level,
            capped_by=tuple(reasons),
            legal_source=reg.version.legal_source,
            rule_valid_from=reg.version.valid_from,
        )

    # 1. Too little time worked: not rated at all (maternity leave excepted).
    min_months = p.get("min_months_worked")
    if min_months is not None and not maternity_exempt:
        need = reg.number(p, "min_months_worked")
        if months_worked < need:
            why = Reason(
                "thoi_gian_cong_tac",
                translate("domain.rules.evaluation", "Worked {months_worked} months in {year}, fewer than {need}: no quality rating (the working time is still reviewed).").format(months_worked=_num(months_worked), year=inputs.year, need=_num(need)),
                reg.source("thoi_gian_cong_tac"),
            )
            return result(reg.not_rated_level, False, None, [why])

    # 2. Base level: the proposal (nd90) or the score band (nd335).
    reasons: list[Reason] = []
    forced = _forced_fail(reg, inputs, labels or {})
    score: Fraction | None = None
    level: str | None
    if reg.regime == "nd335":
        general_max = reg.number(p, "general_max")
        task_max = reg.number(p, "task_max")
        if inputs.general_score is None or inputs.task_score is None:
            if not forced:
                raise ValidationError(
                    translate("domain.rules.evaluation", "Year {year} is rated by score (ND 335/2025): the general criteria score and the task results score are needed.").format(year=inputs.year)
                )
            level = None
        else:
            g = _check_number(inputs.general_score, translate("domain.rules.evaluation", "General criteria score"), Fraction(0), general_max)
            t = _check_number(inputs.task_score, translate("domain.rules.evaluation", "Task results score"), Fraction(0), task_max)
            score = _round(g + t, _decimals(reg))
            level = _band(reg, score)
    else:
        level = inputs.proposed_level
        if level is None:
            if not forced:
                raise ValidationError(translate("domain.rules.evaluation", "Year {year}: the level proposed by the competent authority is needed.").format(year=inputs.year))
        else:
            reg.order(level)

    # 3. Rules that force "not completed".
    if forced:
        reasons.extend(forced)
        level = reg.fail_level
    assert level is not None

    # 4. Absence cap.
    cap = reg.optional_map("absence_cap")
    if cap is not None and not maternity_exempt:
        low, high = reg.number(cap, "min_months"), reg.number(cap, "max_months_exclusive")
        max_level = cap.get("max_level")
        if not isinstance(max_level, str):
            raise reg.err(translate("domain.rules.evaluation", "«absence_cap.max_level» must be a rating level code."))
        if low <= months_absent < high:
            reasons.append(
                Reason(
                    "nghi_khong_lam_viec",
                    translate("domain.rules.evaluation", "Absent from work {months_absent} months (from {low} to under {high} months): rated no higher than «{max_level}».").format(months_absent=_num(months_absent), low=_num(low), high=_num(high), max_level=reg.labels.get(max_level, max_level)),
                    reg.source("nghi_khong_lam_viec"),
                )
            )
            if reg.order(level) < reg.order(max_level):
                level = max_level
    return result(level, True, score, reasons)


def _forced_fail(reg: _Regime, inputs: EvaluationInput, labels: Mapping[str, str]) -> list[Reason]:
    out: list[Reason] = []
    disc = reg.optional_map("discipline")
    if disc is not None:
        forms = disc.get("forms")
        if forms is not None and (not isinstance(forms, list) or not all(isinstance(f, str) for f in forms)):
            raise reg.err(translate("domain.rules.evaluation", "«discipline.forms» must be a list of discipline form codes or null."))
        hits = [
            d
            for d in inputs.disciplines
            if d.decided_on.year == inputs.year and (forms is None or d.form_code in forms)
        ]
        if hits:
            listed = "; ".join(
                translate("domain.rules.evaluation", "{form_code} on {decided_on}").format(form_code=labels.get(d.form_code, d.form_code), decided_on=format_date(d.decided_on))
                for d in sorted(hits, key=_by_date)
            )
            out.append(
                Reason(
                    "ky_luat",
                    (translate("domain.rules.evaluation", "Disciplined in {year} ({listed}): rated «{level}».").format(
                        year=inputs.year, listed=listed, level=reg.labels.get(reg.fail_level, reg.fail_level))
                     + f" {disc.get('text') or ''}").strip(),
                    reg.source("ky_luat"),
                )
            )
    vetoes = reg.optional_map("vetoes") or {}
    for code in sorted(inputs.veto_flags):
        spec = vetoes[code]
        if not isinstance(spec, Mapping):
            raise reg.err(translate("domain.rules.evaluation", "the exclusion condition «{code}» has the wrong format.").format(code=code))
        if spec.get("leaders_only") and not inputs.is_leader:
            continue
        out.append(
            Reason(code, str(spec.get("text") or code), str(spec.get("legal_source") or reg.source(code)))
        )
    return out


def _by_date(d: DisciplineFact) -> date:
    return d.decided_on


# ---------------------------------------------------------------------------------------------------
# ND 335 task score


def task_score(
    items: Sequence[TaskItem], year: int, book: RuleBook, *, extra_percentages: Sequence[float] = ()
) -> TaskScore:
    """Task-result points (out of ``task_max`` = 70) from the tasks of a period or of the year.

    quantity % = completed weight / assigned weight; quality % and timeliness % = weighted item points,
    each item losing ``deduction_per_major_error_pct`` (25%) of its quality points per major error and
    ``deduction_per_delay_pct`` (25%) of its timeliness points per delay (not below 0; no deduction when
    the cause is objective and confirmed). The base of the quality and timeliness shares is set by
    ``component_base``: ``assigned`` (default) or ``completed``. Score = mean of the components ×
    task_max / 100. ``extra_percentages`` are further components averaged in (a leader's unit results).
    """
    reg = _regime(book, year)
    if reg.regime != "nd335":
        raise ValidationError(translate("domain.rules.evaluation", "Year {year} is evaluated under ND 90/2020: task results are not scored.").format(year=year))
    spec = reg.optional_map("task")
    if spec is None:
        raise reg.err(translate("domain.rules.evaluation", "the parameter «task» is missing."))
    per_error = reg.number(spec, "deduction_per_major_error_pct") / 100
    per_delay = reg.number(spec, "deduction_per_delay_pct") / 100
    base = spec.get("component_base", "assigned")
    if base not in ("assigned", "completed"):
        raise reg.err(translate("domain.rules.evaluation", "«task.component_base» must be «assigned» or «completed»."))
    if not items:
        raise ValidationError(translate("domain.rules.evaluation", "No assigned tasks or products to score yet."))
    assigned = done = quality = timely = Fraction(0)
    for i, item in enumerate(items, 1):
        w = _check_number(item.weight, translate("domain.rules.evaluation", "Weight of task {i}").format(i=i), Fraction(0), Fraction(10**6))
        for n, what in ((item.major_errors, translate("domain.rules.evaluation", "Number of errors")), (item.delays, translate("domain.rules.evaluation", "Number of delays"))):
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise ValidationError(translate("domain.rules.evaluation", "{what} of task {i} must be a non-negative integer.").format(what=what, i=i))
        assigned += w
        if not item.completed:
            continue
        done += w
        errors = 0 if item.objective_cause else item.major_errors
        delays = 0 if item.objective_cause else item.delays
        quality += w * max(Fraction(0), 1 - per_error * errors)
        timely += w * max(Fraction(0), 1 - per_delay * delays)
    if assigned == 0:
        raise ValidationError(translate("domain.rules.evaluation", "The total weight of the assigned tasks is 0."))
    q_base = assigned if base == "assigned" else done
    quantity_pct = done / assigned * 100
    quality_pct = quality / q_base * 100 if q_base else Fraction(0)
    timely_pct = timely / q_base * 100 if q_base else Fraction(0)
    components = [quantity_pct, quality_pct, timely_pct]
    for j, x in enumerate(extra_percentages, 1):
        components.append(_check_number(x, translate("domain.rules.evaluation", "Additional component {j}").format(j=j), Fraction(0), Fraction(100)))
    mean = sum(components, Fraction(0)) / len(components)
    decimals = _decimals(reg)
    score = _round(mean * reg.number(reg.params, "task_max") / 100, decimals)
    return TaskScore(
        quantity_pct=float(_round(quantity_pct, decimals)),
        quality_pct=float(_round(quality_pct, decimals)),
        timeliness_pct=float(_round(timely_pct, decimals)),
        mean_pct=float(_round(mean, decimals)),
        score=float(score),
        legal_source=reg.source("diem_nhiem_vu"),
    )


# ---------------------------------------------------------------------------------------------------
# Quota


def check_quota(
    levels: Sequence[str], year: int, book: RuleBook, *, outstanding_unit: bool = False
) -> QuotaResult:
    """Count of "Xuất sắc" against the cap (a share of the count of "Tốt") within ONE agency or group of
    similar tasks; the caller groups. ``allowed_max`` is the largest whole number not above the share
    (4 × "Tốt" at 20% allows 0). ``outstanding_unit`` uses the higher share allowed for outstanding units
    when the rule has one."""
    reg = _regime(book, year)
    quota = reg.optional_map("quota")
    n_xs = sum(1 for x in levels if x == "xuat_sac")
    n_tot = sum(1 for x in levels if x == "tot")
    source = reg.source("ty_le_xuat_sac")
    if quota is None:
        return QuotaResult(
            year,
            n_xs,
            n_tot,
            None,
            None,
            0,
            True,
            translate("domain.rules.evaluation", "Year {year}: the rules set no limit on the share of «Hoàn thành xuất sắc nhiệm vụ».").format(year=year),
            source,
        )
    pct = reg.number(quota, "max_pct_of_tot")
    if outstanding_unit and quota.get("outstanding_max_pct") is not None:
        pct = reg.number(quota, "outstanding_max_pct")
    allowed = math.floor(Fraction(n_tot) * pct / 100)
    over = max(0, n_xs - allowed)
    ok = over == 0
    if ok:
        msg = translate("domain.rules.evaluation", "{n_xs} «Hoàn thành xuất sắc nhiệm vụ» / {n_tot} «Hoàn thành tốt nhiệm vụ»: at most {pct}% of «Hoàn thành tốt» = {allowed} people; within the share.")
    else:
        msg = translate("domain.rules.evaluation", "{n_xs} «Hoàn thành xuất sắc nhiệm vụ» / {n_tot} «Hoàn thành tốt nhiệm vụ»: at most {pct}% of «Hoàn thành tốt» = {allowed} people; {over} too many.")
    msg = msg.format(n_xs=n_xs, n_tot=n_tot, pct=_num(pct), allowed=allowed, over=over)
    return QuotaResult(year, n_xs, n_tot, float(pct), allowed, over, ok, msg, source)
