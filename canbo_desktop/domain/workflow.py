"""The cadre-work workflows as plain data: evaluation rounds, confidence votes, planning lists, training
courses and the appointment procedure (issue 6; domain.md §2–§3).

The services hand out the dataclasses below (never ORM rows), and the pure checks here decide what a
user sees: whether a conference step passed (quorum, threshold) and why, which dossier documents are
missing, what blocks completing a procedure, the deadlines of the policy (chủ trương), which level a
certificate states. Every number comes from the rule book (``appointment_procedure``,
``evaluation_regime``, ``holidays``); every message is Vietnamese.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from canbo_desktop.domain.dates import add_months, format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.calendar import add_working_days
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.eligibility import EligibilityReport
from canbo_desktop.domain.rules.evaluation import QuotaResult, Reason, TaskItem, TaskScore
from canbo_desktop.domain.rules.votes import VoteOutcome
from canbo_desktop.domain.text import clean_line, fold
from canbo_desktop.i18n import translate

# ======================================================================================== roles

ENTRY_ROLES = ("admin", "head", "clerk")
HEAD_ROLES = ("admin", "head")

# ======================================================================================== evaluation

ROUND_STATUS_LABELS = {"open": "Đang nhập kết quả", "approved": "Đã phê duyệt", "locked": "Đã khoá"}
REGIME_LABELS = {
    "nd90": "Bốn mức theo NĐ 90/2020/NĐ-CP (sửa bởi NĐ 48/2023/NĐ-CP)",
    "nd335": "Thang 100 điểm (30 + 70) theo NĐ 335/2025/NĐ-CP",
}
TASK_COMPONENTS = ("quantity_pct", "quality_pct", "timeliness_pct")
TASK_COMPONENT_LABELS = {"quantity_pct": "Số lượng (%)", "quality_pct": "Chất lượng (%)",
                         "timeliness_pct": "Tiến độ (%)"}
# What a correction of a locked result may change, with the label the history shows.
CORRECTABLE_FIELDS = {
    "level": "Mức xếp loại đề xuất",
    "score_general": "Điểm tiêu chí chung",
    "score_tasks": "Điểm kết quả thực hiện nhiệm vụ",
    "months_worked": "Số tháng công tác trong năm",
    "months_absent": "Số tháng nghỉ không làm việc",
    "veto_flags": "Điều kiện loại trừ",
    "self_assessment": "Tự đánh giá",
    "unit_comment": "Nhận xét của đơn vị",
}
# Labels of every field the correction history can show (a corrected input may change the result too).
CORRECTION_LABELS = {**CORRECTABLE_FIELDS, "result_level": "Kết quả xếp loại", "score_total": "Tổng điểm"}


@dataclass(frozen=True)
class EntryInput:
    """What is entered for one person in the round.

    ``level`` is the level proposed by the evaluating authority (years under NĐ 90; a level code such as
    ``tot``). Under NĐ 335 the result comes from the points: ``score_general`` (0–30) and the task points,
    given directly (``score_tasks``, 0–70), or as the three components in percent (``task_components``:
    quantity, quality, timeliness; a leader may add more), or computed from the person's products
    (``tasks_from_products``). ``veto_flags`` are the concluded veto conditions (codes of the rule).
    """

    level: str | None = None
    score_general: float | None = None
    score_tasks: float | None = None
    task_components: Mapping[str, float] | None = None
    tasks_from_products: bool = False
    months_worked: float = 12
    months_absent: float = 0
    maternity: bool = False
    veto_flags: tuple[str, ...] = ()
    self_assessment: str = ""
    unit_comment: str = ""


@dataclass(frozen=True)
class ProductInput:
    """Sản phẩm: what was delivered, with its measure; ``assigned``/``delivered`` in that measure."""

    description: str
    measure: str = ""
    assigned: float | None = None
    delivered: float | None = None
    quality_errors: int = 0
    delays: int = 0


@dataclass(frozen=True)
class ProductRow:
    id: str
    evaluation_id: str
    description: str
    measure: str
    assigned: float | None
    delivered: float | None
    quality_errors: int
    delays: int
    position: int


@dataclass(frozen=True)
class GridRow:
    """One person of an evaluation round: what is stored, and what the rules say about it now.

    ``level`` is the stored result; ``computed_level`` is what the rules give today for the stored inputs
    and the person's current facts (a discipline recorded later shows up here). ``reasons`` are the rules
    that limited or replaced the level (discipline, veto, short time, long absence), ``problems`` what must
    be fixed before approval.
    """

    evaluation_id: str
    cadre_id: str
    full_name: str
    birth_date: date | None
    current_position: str
    unit_name: str
    category: str
    is_leader: bool
    year: int
    regime: str
    level: str
    level_label: str
    proposed_level: str | None
    score_general: float | None
    score_tasks: float | None
    score_total: float | None
    task_components: Mapping[str, float]
    months_worked: float
    months_absent: float
    maternity: bool
    veto_flags: tuple[str, ...]
    self_assessment: str
    unit_comment: str
    products: tuple[ProductRow, ...]
    rev: int
    entered: bool = False
    computed_level: str = ""
    computed_label: str = ""
    computed_score: float | None = None
    reasons: tuple[Reason, ...] = ()
    problems: tuple[str, ...] = ()
    product_score: TaskScore | None = None
    tasks_from_products: bool = False  # the task points follow the products (recomputed when they change)


@dataclass(frozen=True)
class CorrectionRow:
    id: str
    evaluation_id: str
    full_name: str
    field: str
    field_label: str
    old_value: str
    new_value: str
    reason: str
    corrected_on: date
    by: str


@dataclass(frozen=True)
class RoundSummary:
    id: str
    unit_id: str
    unit_name: str
    year: int
    regime: str
    status: str
    status_label: str
    people: int


@dataclass(frozen=True)
class RoundView:
    id: str
    unit_id: str
    unit_name: str
    year: int
    regime: str
    regime_label: str
    legal_source: str
    status: str
    status_label: str
    opened_by: str
    opened_on: date | None
    approved_by: str
    approved_on: date | None
    locked_on: date | None
    rows: tuple[GridRow, ...]
    quota: QuotaResult
    level_counts: Mapping[str, int]
    problems: tuple[str, ...]  # what blocks approval, round-wide (quota, people not entered…)
    corrections: tuple[CorrectionRow, ...]
    veto_codes: Mapping[str, str]  # code → text, for the veto choice of the entry form
    level_labels: Mapping[str, str]

    @property
    def can_approve(self) -> bool:
        return self.status == "open" and not self.problems

    def row(self, cadre_id: str) -> GridRow:
        for r in self.rows:
            if r.cadre_id == cadre_id:
                return r
        raise KeyError(cadre_id)


def entry_from_row(row: GridRow) -> EntryInput:
    """The entry as stored for ``row``: the grid edits one cell with ``dataclasses.replace`` on this."""
    components = None if row.tasks_from_products else (dict(row.task_components) if row.task_components else None)
    return EntryInput(
        level=row.proposed_level, score_general=row.score_general,
        score_tasks=None if components or row.tasks_from_products else row.score_tasks, task_components=components,
        tasks_from_products=row.tasks_from_products,
        months_worked=row.months_worked, months_absent=row.months_absent, maternity=row.maternity,
        veto_flags=row.veto_flags, self_assessment=row.self_assessment, unit_comment=row.unit_comment,
    )


def products_to_tasks(products: Iterable[ProductRow | ProductInput]) -> list[TaskItem]:
    """Products as ND 335 task items: a product with ``assigned`` A and ``delivered`` D counts as D units
    completed (with its errors and delays) and A − D units not completed; without quantities it is one
    completed unit. Over-delivery counts as the assigned amount (quantity cannot pass 100%)."""
    items: list[TaskItem] = []
    for p in products:
        assigned = p.assigned if p.assigned is not None else None
        delivered = p.delivered if p.delivered is not None else None
        if assigned is None and delivered is None:
            items.append(TaskItem(1.0, True, p.quality_errors, p.delays))
            continue
        a = float(assigned if assigned is not None else delivered or 0)
        d = min(float(delivered if delivered is not None else a), a)
        if d > 0:
            items.append(TaskItem(d, True, p.quality_errors, p.delays))
        if a - d > 0:
            items.append(TaskItem(a - d, False))
    return items


def validate_product(p: ProductInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not clean_line(p.description):
        errors["description"] = translate("domain.workflow", "Describe the product.")
    for name, v, label in (("assigned", p.assigned, translate("domain.workflow", "Number assigned")), ("delivered", p.delivered, translate("domain.workflow", "Number completed"))):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or v < 0):
            errors[name] = translate("domain.workflow", "{label} must be a non-negative number.").format(label=label)
    for name, n, label in (("quality_errors", p.quality_errors, translate("domain.workflow", "Number of major errors")), ("delays", p.delays, translate("domain.workflow", "Number of delays"))):
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            errors[name] = translate("domain.workflow", "{label} must be a non-negative integer.").format(label=label)
    return errors


def component_score(components: Mapping[str, float], task_max: float, decimals: int) -> float:
    """Task points from the components in percent: mean × ``task_max`` / 100, rounded half up."""
    if not components:
        raise ValidationError(translate("domain.workflow", "No task score components yet."), {"task_components": translate("domain.workflow", "empty")})
    total = Fraction(0)
    for name, value in components.items():
        label = TASK_COMPONENT_LABELS.get(name, name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or not 0 <= value <= 100:
            raise ValidationError(translate("domain.workflow", "{label} must be between 0 and 100.").format(label=label), {"task_components": f"{label} sai"})
        total += Fraction(str(value))
    mean = total / len(components)
    raw = mean * Fraction(str(task_max)) / 100
    q = (Decimal(raw.numerator) / Decimal(raw.denominator)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return float(q)


def parse_number(value: Any, what: str) -> float | None:
    """A number typed the Vietnamese way ("85,5") or given as a number; empty → None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(translate("domain.workflow", "{what} must be a number.").format(what=what))
    if isinstance(value, int | float):
        f = float(value)
    else:
        text = str(value).strip().replace(" ", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            f = float(text)
        except ValueError:
            raise ValidationError(translate("domain.workflow", "{what} «{value}» is not a number.").format(what=what, value=value)) from None
    if not math.isfinite(f):
        raise ValidationError(translate("domain.workflow", "{what} must be a number.").format(what=what))
    return f


def display_value(value: Any) -> str:
    """How a stored value reads in the correction history."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"  # i18n: data (stored in the correction history)
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


# ======================================================================================== votes


@dataclass(frozen=True)
class VoteRowInput:
    """One person voted on: counts of ballots "tín nhiệm cao", "tín nhiệm", "tín nhiệm thấp"."""

    cadre_id: str
    high: int
    confidence: int
    low: int
    title_text: str = ""


@dataclass(frozen=True)
class VoteRowView:
    id: str
    cadre_id: str
    full_name: str
    title_text: str
    high: int
    confidence: int
    low: int
    outcome: VoteOutcome

    @property
    def dismiss(self) -> bool:
        return self.outcome.dismiss

    @property
    def remove_from_higher_planning(self) -> bool:
        return self.outcome.remove_from_higher_planning


@dataclass(frozen=True)
class VoteView:
    id: str
    unit_id: str
    unit_name: str
    held_on: date
    convened: int
    present: int
    quorum_ok: bool | None
    quorum_text: str
    note: str
    rows: tuple[VoteRowView, ...]
    legal_source: str


@dataclass(frozen=True)
class VoteSummary:
    id: str
    unit_id: str
    unit_name: str
    held_on: date
    convened: int
    present: int
    people: int


def _count(v: Any) -> bool:
    return not isinstance(v, bool) and isinstance(v, int) and v >= 0


def validate_vote(convened: int, present: int, rows: Sequence[VoteRowInput]) -> dict[str, str]:
    """Field → message: counts are whole numbers ≥ 0, present ≤ convened, each person's ballots ≤ present,
    nobody twice, somebody voted on."""
    errors: dict[str, str] = {}
    if not _count(convened) or convened == 0:
        errors["convened"] = translate("domain.workflow", "The number convened must be an integer greater than 0.")
    if not _count(present):
        errors["present"] = translate("domain.workflow", "The number present must be a non-negative integer.")
    elif _count(convened) and present > convened:
        errors["present"] = translate("domain.workflow", "The number present ({present}) is greater than the number convened ({convened}).").format(present=present, convened=convened)
    if not rows:
        errors["rows"] = translate("domain.workflow", "No people to vote on yet.")
    seen: set[str] = set()
    for i, r in enumerate(rows, 1):
        key = f"rows.{i}"
        if r.cadre_id in seen:
            errors[key] = translate("domain.workflow", "A person is entered twice.")
            continue
        seen.add(r.cadre_id)
        if not all(_count(x) for x in (r.high, r.confidence, r.low)):
            errors[key] = translate("domain.workflow", "The number of votes must be a non-negative integer.")
        elif _count(present) and r.high + r.confidence + r.low > present:
            errors[key] = (translate("domain.workflow", "The total of the votes ({total}) is greater than the number present ({present}).").format(total=r.high + r.confidence + r.low, present=present))
    return errors


# ======================================================================================== planning

PLANNING_TERMS = ("2020-2025", "2025-2030", "2026-2031")
PLANNING_TERM_YEARS = 5
_TERM_RE = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")


def parse_term(text: str) -> str:
    """A planning term as stored: "2025-2030". Accepts "2025–2030", "2025 - 2030"; the term is 5 years."""
    m = _TERM_RE.match(text or "")
    if not m:
        raise ValidationError(translate("domain.workflow", "Term «{text}» is not valid (write it as 2025-2030).").format(text=text), {"term": translate("domain.workflow", "wrong format")})
    start, end = int(m.group(1)), int(m.group(2))
    if end - start != PLANNING_TERM_YEARS or not 1990 <= start <= 2100:
        raise ValidationError(
            translate("domain.workflow", "Term «{text}» is not valid: a term is {PLANNING_TERM_YEARS} years (e.g. 2026-2031).").format(text=text, PLANNING_TERM_YEARS=PLANNING_TERM_YEARS),
            {"term": translate("domain.workflow", "wrong term")})
    return f"{start}-{end}"


@dataclass(frozen=True)
class PlanningWarning:
    """An eligibility condition (or a vote consequence) that a planned person does not meet today."""

    code: str
    name: str
    status: str  # fail | unknown
    reason: str
    legal_source: str


@dataclass(frozen=True)
class PlanningRow:
    id: str
    cadre_id: str
    full_name: str
    birth_date: date | None
    sex: str
    current_position: str
    person_unit_name: str
    term: str
    title_code: str
    title_name: str
    unit_id: str | None
    unit_name: str
    added_on: date
    added_ref: str
    removed_on: date | None
    removed_ref: str
    removal_reason: str
    warnings: tuple[PlanningWarning, ...] = ()

    @property
    def active(self) -> bool:
        return self.removed_on is None


# ======================================================================================== training

# training_kind → the code list of its levels → the person's qualification field it can raise.
QUALIFICATION_FIELDS = {"education_level": "education_level", "political_theory": "political_theory",
                        "state_mgmt": "state_mgmt"}
SHORT_COURSE_KINDS = {"quan_ly_nha_nuoc", "cap_nhat_kien_thuc", "quoc_phong_an_ninh", "boi_duong_khac"}
UPDATE_TRAINING_KIND = "cap_nhat_kien_thuc"


@dataclass(frozen=True)
class LevelItem:
    code: str
    name: str
    rank: int
    aliases: tuple[str, ...] = ()


def resolve_level(text: str, items: Sequence[LevelItem]) -> LevelItem | None:
    """The level a certificate states: the code, the name or an alias, compared without diacritics or
    case; otherwise the longest name/alias written inside the text ("Bằng tốt nghiệp Trung cấp lý luận
    chính trị – hành chính" → Trung cấp; "chuyên viên chính" beats "chuyên viên"). None if nothing fits."""
    t = " ".join(fold(text).replace("-", " ").split())
    if not t:
        return None
    best: tuple[int, LevelItem] | None = None
    for it in items:
        if t == it.code:
            return it
        for label in (it.name, *it.aliases):
            f = " ".join(fold(label).replace("-", " ").split())
            if not f:
                continue
            if f == t:
                return it
            if re.search(rf"(^|\W){re.escape(f)}(\W|$)", t) and (best is None or len(f) > best[0]):
                best = (len(f), it)
    return best[1] if best else None


@dataclass(frozen=True)
class CourseInput:
    """A course or class. ``certificate`` is what it awards; when it states a level of the kind's code
    list (political theory, state management, education) completing the course raises the person's
    qualification to it. ``level_code`` may be given instead of (or with) the certificate text."""

    name: str
    kind: str
    organiser: str = ""
    start_date: date | None = None
    end_date: date | None = None
    certificate: str = ""
    level_code: str = ""


@dataclass(frozen=True)
class Enrolment:
    training_id: str
    course_id: str
    cadre_id: str
    full_name: str
    unit_name: str
    completed_on: date | None
    certificate: str
    level_code: str

    @property
    def completed(self) -> bool:
        return self.completed_on is not None


@dataclass(frozen=True)
class CourseView:
    id: str
    name: str
    kind: str
    kind_label: str
    organiser: str
    start_date: date | None
    end_date: date | None
    certificate: str
    level_list: str  # the code list of the kind's levels ("" when the kind has none)
    level_code: str  # the level the certificate states ("" when none)
    level_name: str
    raises_field: str  # the person's field that completion raises ("" when none)
    enrolments: tuple[Enrolment, ...] = ()

    @property
    def enrolled(self) -> int:
        return len(self.enrolments)

    @property
    def completed(self) -> int:
        return sum(1 for e in self.enrolments if e.completed)


@dataclass(frozen=True)
class LeaderTraining:
    """A leader and their latest completed knowledge-update training."""

    cadre_id: str
    full_name: str
    current_position: str
    unit_name: str
    last_update_training: date | None
    due: bool  # no update training within the period


# ======================================================================================== appointment

PROCEDURE_KINDS = {"appointment": "Bổ nhiệm", "reappointment": "Bổ nhiệm lại", "dismissal": "Miễn nhiệm"}
PROCEDURE_SOURCES = {"internal": "Nguồn nhân sự tại chỗ", "external": "Nguồn nhân sự từ nơi khác"}
PROCEDURE_STATUS_LABELS = {"draft": "Nháp", "in_progress": "Đang thực hiện", "done": "Đã có quyết định",
                           "cancelled": "Đã huỷ"}
STEP_STATUS_LABELS = {"pending": "Chưa thực hiện", "pass": "Đạt", "fail": "Không đạt", "recorded": "Đã thực hiện"}
PROCEDURE_RULE = "appointment_procedure"
_BASES = {"convened": "số người được triệu tập", "present": "số người có mặt", "ballots_valid": "số phiếu hợp lệ"}


@dataclass(frozen=True)
class StepSpec:
    no: int
    name: str
    ballot: bool
    quorum: bool
    announce: bool
    threshold: Fraction | None
    basis: str  # convened | present | ballots_valid


@dataclass(frozen=True)
class ProcedureSpec:
    key: str  # appointment_internal | appointment_external | reappointment | dismissal
    name: str
    decision_kind: str
    policy_required: bool
    eligibility_blocking: tuple[str, ...]  # rule codes; "*" = every condition
    steps: tuple[StepSpec, ...]
    documents: tuple[str, ...]
    quorum_fraction: Fraction
    decision_working_days: int
    process_working_days: int
    legal_source: str
    valid_from: date

    def step(self, no: int) -> StepSpec:
        for s in self.steps:
            if s.no == no:
                return s
        raise ValidationError(translate("domain.workflow", "Procedure «{name}» has no step {no}.").format(name=self.name, no=no), {"step_no": translate("domain.workflow", "does not exist")})

    def blocks(self, rule_code: str) -> bool:
        return "*" in self.eligibility_blocking or rule_code in self.eligibility_blocking


def spec_key(kind: str, source: str) -> str:
    if kind not in PROCEDURE_KINDS:
        raise ValidationError(translate("domain.workflow", "Procedure type «{kind}» is not valid (appointment, reappointment, dismissal).").format(kind=kind),
                              {"kind": translate("domain.workflow", "not valid")})
    if source not in PROCEDURE_SOURCES:
        raise ValidationError(translate("domain.workflow", "Personnel source «{source}» is not valid (internal or from elsewhere).").format(source=source),
                              {"source": translate("domain.workflow", "not valid")})
    if kind == "appointment":
        return f"appointment_{source}"
    return kind


def _fraction(value: Any, what: str) -> Fraction:
    try:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError(value)
        f = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: «{what}» must be a fraction written «2/3».").format(PROCEDURE_RULE=PROCEDURE_RULE, what=what)) from None
    if not 0 <= f <= 1:
        raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: «{what}» must be between 0 and 1.").format(PROCEDURE_RULE=PROCEDURE_RULE, what=what))
    return f


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: «{what}» must be a non-negative integer.").format(PROCEDURE_RULE=PROCEDURE_RULE, what=what))
    return value


def procedure_spec(book: RuleBook, kind: str, source: str, on: date) -> ProcedureSpec:
    """The steps, thresholds, documents and deadlines of a procedure under the rule in force on ``on``."""
    key = spec_key(kind, source)
    version = book.version(PROCEDURE_RULE, on)
    p = version.params
    procs = p.get("procedures")
    if not isinstance(procs, Mapping) or not isinstance(procs.get(key), Mapping):
        raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}» has no procedure «{key}».").format(PROCEDURE_RULE=PROCEDURE_RULE, key=key))
    spec = procs[key]
    policy = p.get("policy") if isinstance(p.get("policy"), Mapping) else {}
    assert isinstance(policy, Mapping)
    raw_steps = spec.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: procedure «{key}» has no steps.").format(PROCEDURE_RULE=PROCEDURE_RULE, key=key))
    steps = []
    for i, s in enumerate(raw_steps, 1):
        if not isinstance(s, Mapping) or not isinstance(s.get("name"), str):
            raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: step {i} of «{key}» has the wrong format.").format(PROCEDURE_RULE=PROCEDURE_RULE, i=i, key=key))
        basis = str(s.get("threshold_basis") or "convened")
        if basis not in _BASES:
            raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: «threshold_basis» must be convened, present or ballots_valid.").format(PROCEDURE_RULE=PROCEDURE_RULE))
        threshold = None if s.get("threshold") is None else _fraction(s["threshold"], f"{key}.steps[{i}].threshold")
        steps.append(StepSpec(i, clean_line(str(s["name"])), bool(s.get("ballot")), bool(s.get("quorum")),
                              bool(s.get("announce", True)), threshold, basis))
    docs = spec.get("documents") or []
    blocking = spec.get("eligibility_blocking") or []
    if not isinstance(docs, list) or not isinstance(blocking, list):
        raise ValidationError(translate("domain.workflow", "Rule «{PROCEDURE_RULE}»: «documents», «eligibility_blocking» must be lists.").format(PROCEDURE_RULE=PROCEDURE_RULE))
    return ProcedureSpec(
        key=key, name=str(spec.get("name") or PROCEDURE_KINDS[kind]),
        decision_kind=str(spec.get("decision_kind") or "bo_nhiem"),
        policy_required=bool(spec.get("policy_required")), eligibility_blocking=tuple(str(x) for x in blocking),
        steps=tuple(steps), documents=tuple(str(x) for x in docs),
        quorum_fraction=_fraction(p.get("quorum_fraction"), "quorum_fraction"),
        decision_working_days=_whole(policy.get("decision_working_days", 0), "policy.decision_working_days"),
        process_working_days=_whole(policy.get("process_working_days", 0), "policy.process_working_days"),
        legal_source=version.legal_source, valid_from=version.valid_from,
    )


@dataclass(frozen=True)
class StepInput:
    """What the minutes of a conference say. Counts not asked by the step may stay None."""

    held_on: date | None
    convened: int | None = None
    present: int | None = None
    ballots_issued: int | None = None
    ballots_returned: int | None = None
    ballots_valid: int | None = None
    agree: int | None = None
    disagree: int | None = None
    minutes: str = ""
    announced: bool | None = None  # None: as the rule says for the step


@dataclass(frozen=True)
class StepView:
    step_no: int
    name: str
    ballot: bool
    held_on: date | None
    convened: int | None
    present: int | None
    ballots_issued: int | None
    ballots_returned: int | None
    ballots_valid: int | None
    agree: int | None
    disagree: int | None
    announced: bool
    minutes: str
    status: str  # pending | pass | fail | recorded
    status_label: str
    reasons: tuple[str, ...]


def _pct(f: Fraction) -> str:
    return f"{float(f * 100):.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _ratio(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def validate_step(spec: StepSpec, inp: StepInput) -> dict[str, str]:
    """Field → message for counts that cannot be: negative, more present than convened, more ballots
    than present, returned > issued, valid > returned, agree + disagree > valid; what the step needs."""
    errors: dict[str, str] = {}
    if inp.held_on is None:
        errors["held_on"] = translate("domain.workflow", "Enter the meeting date.")
    counts = {"convened": inp.convened, "present": inp.present, "ballots_issued": inp.ballots_issued,
              "ballots_returned": inp.ballots_returned, "ballots_valid": inp.ballots_valid, "agree": inp.agree,
              "disagree": inp.disagree}
    labels = {"convened": translate("domain.workflow", "Number convened"), "present": translate("domain.workflow", "Number present"), "ballots_issued": translate("domain.workflow", "Ballots issued"),
              "ballots_returned": translate("domain.workflow", "Ballots returned"), "ballots_valid": translate("domain.workflow", "Valid ballots"), "agree": translate("domain.workflow", "Votes in favour"),
              "disagree": translate("domain.workflow", "Votes against")}
    bad = {k: translate("domain.workflow", "{label} must be a non-negative integer.").format(label=labels[k]) for k, v in counts.items() if v is not None and not _count(v)}
    if bad:
        return errors | bad
    needed = ["convened", "present"] if spec.quorum else []
    if spec.ballot:
        needed += ["convened", "present", "ballots_issued", "ballots_returned", "ballots_valid", "agree", "disagree"]
    for k in dict.fromkeys(needed):
        if counts[k] is None:
            errors[k] = translate("domain.workflow", "Enter the {label}.").format(label=labels[k].lower())
    if spec.quorum and inp.convened == 0:
        errors["convened"] = translate("domain.workflow", "The number convened must be greater than 0.")

    def over(small: str, big: str) -> None:
        a, b = counts[small], counts[big]
        if a is not None and b is not None and a > b and small not in errors:
            errors[small] = translate("domain.workflow", "{label} ({a}) is greater than the {other_label} ({b}).").format(label=labels[small], a=a, other_label=labels[big].lower(), b=b)

    over("present", "convened")
    over("ballots_issued", "present")
    over("ballots_returned", "ballots_issued")
    over("ballots_valid", "ballots_returned")
    if inp.agree is not None and inp.disagree is not None and inp.ballots_valid is not None \
            and inp.agree + inp.disagree > inp.ballots_valid:
        errors["agree"] = (translate("domain.workflow", "The votes in favour and against ({total}) are more than the valid ballots ({ballots_valid}).").format(total=inp.agree + inp.disagree, ballots_valid=inp.ballots_valid))
    return errors


def assess_step(spec: StepSpec, inp: StepInput | None, quorum_fraction: Fraction) -> tuple[str, tuple[str, ...]]:
    """(status, reasons) of one step: ``pending`` until held; a conference without 2/3 present fails (its
    result cannot be used); a deciding ballot passes when agree > threshold × basis (strictly more); a step
    without a threshold is ``recorded``."""
    if inp is None or inp.held_on is None:
        return "pending", (translate("domain.workflow", "Not done yet."),)
    reasons = [translate("domain.workflow", "Meeting held on {held_on}.").format(held_on=format_date(inp.held_on))]
    if spec.quorum:
        if not inp.convened or inp.present is None:
            return "fail", (*reasons, translate("domain.workflow", "The numbers convened and present are not recorded."))
        att = Fraction(inp.present, inp.convened)
        ok = att >= quorum_fraction
        if ok:
            text = translate("domain.workflow", "Present {present}/{convened} of those convened ({share}); {quorum} or more required – valid.")
        else:
            text = translate("domain.workflow", "Present {present}/{convened} of those convened ({share}); {quorum} or more required – the meeting is not valid.")
        reasons.append(text.format(present=inp.present, convened=inp.convened, share=_pct(att), quorum=_ratio(quorum_fraction)))
        if not ok:
            return "fail", tuple(reasons)
    if spec.ballot and inp.ballots_issued is not None:
        reasons.append(translate("domain.workflow", "Ballots issued {ballots_issued}, returned {ballots_returned}, valid {ballots_valid}; in favour {agree}, against {disagree}.").format(ballots_issued=inp.ballots_issued, ballots_returned=inp.ballots_returned, ballots_valid=inp.ballots_valid, agree=inp.agree, disagree=inp.disagree))
    if spec.threshold is None or not spec.ballot:
        return "recorded", tuple(reasons)
    basis = {"convened": inp.convened, "present": inp.present, "ballots_valid": inp.ballots_valid}[spec.basis]
    if not basis or inp.agree is None:
        return "fail", (*reasons, translate("domain.workflow", "Not enough figures to compute the share in favour."))
    share = Fraction(inp.agree, basis)
    ok = share > spec.threshold
    if ok:
        text = translate("domain.workflow", "In favour {agree}/{basis} {of_what} ({share}); more than {threshold} required – passed.")
    else:
        text = translate("domain.workflow", "In favour {agree}/{basis} {of_what} ({share}); more than {threshold} required – not passed.")
    of_what = {"convened": translate("domain.workflow", "people convened"),
               "present": translate("domain.workflow", "people present"),
               "ballots_valid": translate("domain.workflow", "valid ballots")}[spec.basis]
    reasons.append(text.format(agree=inp.agree, basis=basis, of_what=of_what, share=_pct(share),
                               threshold=_ratio(spec.threshold)))
    return ("pass" if ok else "fail"), tuple(reasons)


@dataclass(frozen=True)
class PolicyView:
    """The policy (chủ trương): its reference and dates, and the deadlines counted in working days."""

    required: bool
    reference: str
    submitted_on: date | None
    approved_on: date | None
    decision_due: date | None  # submitted + decision_working_days
    process_due: date | None  # approved + process_working_days
    reasons: tuple[str, ...]
    late: bool
    late_reasons: tuple[str, ...] = ()  # those of ``reasons`` that say a deadline was missed


def policy_view(required: bool, reference: str, submitted_on: date | None, approved_on: date | None,
                spec: ProcedureSpec, book: RuleBook, *, last_step_on: date | None, on: date) -> PolicyView:
    """Deadlines of the policy: decided within ``decision_working_days`` of the submission, and the personnel
    process finished within ``process_working_days`` of the approval, or the unit reports why."""
    reasons: list[str] = []
    late_reasons: list[str] = []  # the reasons that say a deadline was missed (warnings of the procedure)
    late = False
    decision_due = process_due = None
    if submitted_on is not None and spec.decision_working_days:
        decision_due = add_working_days(submitted_on, spec.decision_working_days, book)
        if approved_on is not None:
            ok = approved_on <= decision_due
            late = late or not ok
            if ok:
                text = translate("domain.workflow", "Submitted on {submitted_on}; the policy decision is due by {decision_due} ({days} working days); approved on {approved_on} – on time.")
            else:
                text = translate("domain.workflow", "Submitted on {submitted_on}; the policy decision is due by {decision_due} ({days} working days); approved on {approved_on} – later than required.")
            text = text.format(submitted_on=format_date(submitted_on), decision_due=format_date(decision_due),
                               days=spec.decision_working_days, approved_on=format_date(approved_on))
            reasons.append(text)
            if not ok:
                late_reasons.append(text)
        else:
            reasons.append(translate("domain.workflow", "Submitted on {submitted_on}; the policy decision is due by {decision_due} ({decision_working_days} working days).").format(submitted_on=format_date(submitted_on), decision_due=format_date(decision_due), decision_working_days=spec.decision_working_days))
    if approved_on is not None and spec.process_working_days:
        process_due = add_working_days(approved_on, spec.process_working_days, book)
        finished = last_step_on
        if finished is not None:
            ok = finished <= process_due
            late = late or not ok
            if ok:
                text = translate("domain.workflow", "The personnel process is due by {process_due} ({days} working days from the policy); the last step met on {finished} – on time.")
            else:
                text = translate("domain.workflow", "The personnel process is due by {process_due} ({days} working days from the policy); the last step met on {finished} – overdue: the unit must report the reason.")
            text = text.format(process_due=format_date(process_due), days=spec.process_working_days,
                               finished=format_date(finished))
            reasons.append(text)
            if not ok:
                late_reasons.append(text)
        else:
            overdue = on > process_due
            late = late or overdue
            if overdue:
                text = translate("domain.workflow", "The personnel process is due by {process_due} ({days} working days from the policy) – overdue: the unit must report the reason.")
            else:
                text = translate("domain.workflow", "The personnel process is due by {process_due} ({days} working days from the policy).")
            text = text.format(process_due=format_date(process_due), days=spec.process_working_days)
            reasons.append(text)
            if overdue:
                late_reasons.append(text)
    if required and approved_on is None:
        reasons.append(translate("domain.workflow", "The policy has not been approved by the competent authority yet."))
    return PolicyView(required, reference, submitted_on, approved_on, decision_due, process_due, tuple(reasons), late,
                      tuple(late_reasons))


@dataclass(frozen=True)
class DocumentKind:
    """One item of the dossier (document_kind code list, domain.md §3.4)."""

    code: str
    name: str
    item_no: int
    max_age_months: int | None = None


@dataclass(frozen=True)
class DocumentState:
    present: bool
    doc_date: date | None
    note: str


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    item_no: int
    name: str
    required: bool
    present: bool
    doc_date: date | None
    note: str
    status: str  # present | missing | expired
    reason: str
    on_file: date | None  # the latest such document in the person's record, if any
    valid_until: date | None = None  # the end of a time-limited document's validity (the reason says it in words)
    undated: bool = False  # present, with a time limit, but no date recorded


def checklist(kinds: Sequence[DocumentKind], required: Iterable[str], states: Mapping[str, DocumentState],
              on_file: Mapping[str, date | None], on: date) -> list[ChecklistItem]:
    """The dossier items in their legal order, each present / missing / expired (older than its
    ``max_age_months`` on ``on``). Items the procedure does not require are listed but never block."""
    req = set(required)
    out = []
    for k in sorted(kinds, key=lambda x: (x.item_no, x.code)):
        st = states.get(k.code, DocumentState(False, None, ""))
        hint = on_file.get(k.code)
        valid_until: date | None = None
        undated = False
        if not st.present:
            status = "missing"
            reason = translate("domain.workflow", "Not in the appointment dossier yet.")
            if hint is not None:
                reason = translate("domain.workflow", "Not in the appointment dossier yet. The cadre's record has this document dated {hint}.").format(
                    hint=format_date(hint))
        elif k.max_age_months is not None and st.doc_date is not None:
            until = add_months(st.doc_date, k.max_age_months)
            valid_until = until
            if on > until:
                status, reason = "expired", (translate("domain.workflow", "Dated {doc_date}, older than {max_age_months} months (no longer valid from {until}).").format(doc_date=format_date(st.doc_date), max_age_months=k.max_age_months, until=format_date(until)))
            else:
                status, reason = "present", translate("domain.workflow", "Dated {doc_date}, valid until {until}.").format(doc_date=format_date(st.doc_date), until=format_date(until))
        elif k.max_age_months is not None:
            undated = True
            status, reason = "present", translate("domain.workflow", "Present, no date recorded (must be within {max_age_months} months).").format(max_age_months=k.max_age_months)
        else:
            status = "present"
            if st.doc_date:
                reason = translate("domain.workflow", "Present, dated {doc_date}.").format(doc_date=format_date(st.doc_date))
            else:
                reason = translate("domain.workflow", "Present.")
        out.append(ChecklistItem(k.code, k.item_no, k.name, k.code in req, st.present, st.doc_date, st.note, status,
                                 reason, hint, valid_until, undated))
    return out


@dataclass(frozen=True)
class DecisionInfo:
    id: str
    number: str
    signed_on: date | None
    issuer: str
    effective_date: date | None
    end_date: date | None
    status: str


@dataclass(frozen=True)
class ProcedureSummary:
    id: str
    cadre_id: str
    full_name: str
    title_code: str
    title_name: str
    kind: str
    kind_label: str
    source: str
    status: str
    status_label: str
    unit_id: str
    unit_name: str


@dataclass(frozen=True)
class ProcedureView:
    id: str
    cadre_id: str
    full_name: str
    current_position: str
    unit_id: str
    unit_name: str
    title_code: str
    title_name: str
    kind: str
    kind_label: str
    source: str
    source_label: str
    spec_name: str
    status: str
    status_label: str
    policy: PolicyView
    steps: tuple[StepView, ...]
    checklist: tuple[ChecklistItem, ...]
    eligibility: EligibilityReport | None
    eligibility_on: date
    overrides: tuple[Mapping[str, Any], ...]
    blockers: tuple[str, ...]
    warnings: tuple[str, ...]
    decision: DecisionInfo | None
    note: str
    legal_source: str
    rev: int

    @property
    def can_complete(self) -> bool:
        return self.status in ("draft", "in_progress") and not self.blockers

    @property
    def missing_documents(self) -> tuple[ChecklistItem, ...]:
        return tuple(c for c in self.checklist if c.required and c.status != "present")


def blockers_of(spec: ProcedureSpec, policy: PolicyView, steps: Sequence[StepView],
                items: Sequence[ChecklistItem], report: EligibilityReport | None) -> tuple[list[str], list[str]]:
    """(blockers, warnings) of completing a procedure, each a sentence a clerk can act on."""
    blockers: list[str] = []
    warnings: list[str] = []
    if spec.policy_required and policy.approved_on is None:
        blockers.append(translate("domain.workflow", "The policy has not been approved by the competent authority yet."))
    if policy.late:
        warnings.extend(policy.late_reasons)
    for s in steps:
        if s.status == "pending":
            blockers.append(translate("domain.workflow", "{name}: not done yet.").format(name=s.name))
        elif s.status == "fail":
            blockers.append(translate("domain.workflow", "{name}: not passed – {reason}").format(name=s.name, reason=s.reasons[-1]))
    missing = [c for c in items if c.required and c.status != "present"]
    if missing:
        listed = "; ".join(
            translate("domain.workflow", "{no}. {name} (expired)").format(no=c.item_no, name=c.name) if c.status == "expired"
            else f"{c.item_no}. {c.name}" for c in missing)
        blockers.append(translate("domain.workflow", "Dossier documents missing or no longer valid: {items}.").format(items=listed))
    if report is not None:
        for r in report.results:
            if r.status == "fail" and spec.blocks(r.code):
                blockers.append(translate("domain.workflow", "Condition «{name}» not met – {reason} A special case approved by the competent authority is needed.").format(name=r.name, reason=r.reason))
            elif r.status == "unknown" and spec.blocks(r.code):
                warnings.append(translate("domain.workflow", "Condition «{name}» undetermined: {reason}").format(name=r.name, reason=r.reason))
    return blockers, warnings


@dataclass(frozen=True)
class CompletionInput:
    """The decision that ends a procedure."""

    number: str
    signed_on: date | None
    issuer: str
    effective_date: date | None
    title_text: str = ""  # the post as the decision writes it; default: the title's name
    summary: str = ""
    new_position_text: str = ""  # dismissal: the position held afterwards ("Chuyên viên" by default)

