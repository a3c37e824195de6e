"""Career decisions: what each kind of decision changes in a record (pure rules, no database).

A decision (number, date, issuer, effective date) is the single way a career event changes the current
state. ``plan_effects`` turns a decision into the field changes of the cadre and the history rows to
append; the service applies them and stores what was replaced, so that cancelling the decision can put
everything back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.i18n import translate

KIND_LABELS: dict[str, str] = {
    "tuyen_dung": "Tuyển dụng",
    "tiep_nhan": "Tiếp nhận",
    "bo_nhiem": "Bổ nhiệm",
    "bo_nhiem_lai": "Bổ nhiệm lại",
    "dieu_dong": "Điều động",
    "luan_chuyen": "Luân chuyển",
    "biet_phai": "Biệt phái",
    "mien_nhiem": "Miễn nhiệm",
    "nghi_huu": "Nghỉ hưu",
    "thoi_viec": "Thôi việc",
    "nang_ngach": "Chuyển/nâng ngạch",
    "nang_bac": "Nâng bậc lương",
    "khen_thuong": "Khen thưởng",
    "ky_luat": "Kỷ luật",
}
TRANSFER_KINDS = {"dieu_dong", "luan_chuyen", "tiep_nhan"}
APPOINT_KINDS = {"bo_nhiem", "bo_nhiem_lai"}
TERM_MONTHS = 60  # 5 years per appointment (the rules issue shortens it to retirement)


@dataclass
class DecisionInput:
    """What the clerk enters for a decision."""

    kind: str
    number: str
    signed_on: date | None
    issuer: str
    effective_date: date | None
    summary: str = ""
    unit_id: str | None = None  # transfer, rotation, appointment: the new unit
    unit_name: str = ""
    title_code: str = ""
    title_text: str = ""  # appointment: the post, e.g. "Trưởng phòng Nội vụ"
    grade_code: str = ""
    step: int | None = None
    coefficient: float | None = None
    end_date: date | None = None  # secondment end
    form_code: str = ""  # award / discipline form
    form_text: str = ""
    discipline_kind: str = "admin"


@dataclass
class Effects:
    """What a decision does: new cadre field values and rows to append to the history tables."""

    cadre: dict[str, Any] = field(default_factory=dict)
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (table, values)
    close_open_work: bool = False  # end the current work-history line the day before
    close_open_position: bool = False


def validate(d: DecisionInput) -> dict[str, str]:
    """Field → Vietnamese message for everything that is missing or wrong."""
    errors: dict[str, str] = {}
    if d.kind not in KIND_LABELS:
        errors["kind"] = translate("domain.decisions", "Choose the decision type.")
    if not d.number.strip():
        errors["number"] = translate("domain.decisions", "Enter the decision number (e.g. 12/QĐ-UBND).")
    if d.effective_date is None:
        errors["effective_date"] = translate("domain.decisions", "Enter the effective date.")
    if d.signed_on and d.effective_date and d.effective_date < d.signed_on - timedelta(days=366):
        errors["effective_date"] = translate("domain.decisions", "The effective date is more than a year before the signing date: check it.")
    if not d.issuer.strip():
        errors["issuer"] = translate("domain.decisions", "Enter the issuing body.")
    if d.kind in TRANSFER_KINDS and not d.unit_id:
        errors["unit_id"] = translate("domain.decisions", "Choose the destination unit.")
    if d.kind in APPOINT_KINDS and not (d.title_text.strip() or d.title_code):
        errors["title_text"] = translate("domain.decisions", "Enter the position appointed to.")
    if d.kind in ("nang_bac", "nang_ngach") and (d.step is None or d.coefficient is None):
        errors["step"] = translate("domain.decisions", "Enter the new salary step and coefficient.")
    if d.kind == "nang_ngach" and not d.grade_code:
        errors["grade_code"] = translate("domain.decisions", "Choose the new grade.")
    if d.kind == "biet_phai" and d.end_date and d.effective_date and d.end_date <= d.effective_date:
        errors["end_date"] = translate("domain.decisions", "The secondment end date must be after the effective date.")
    if d.kind in ("khen_thuong", "ky_luat") and not (d.form_code or d.form_text.strip()):
        errors["form_code"] = translate("domain.decisions", "Choose the form of commendation / discipline.")
    return errors


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def plan_effects(d: DecisionInput) -> Effects:
    """The changes a valid decision makes. Raises ValidationError listing what is wrong."""
    errors = validate(d)
    if errors:
        raise ValidationError(translate("domain.decisions", "The decision lacks information: {problems}").format(
            problems=" ".join(errors.values())), errors)
    assert d.effective_date is not None
    eff = Effects()
    when = d.effective_date
    label = KIND_LABELS[d.kind]
    if d.kind in TRANSFER_KINDS or d.kind == "tuyen_dung":
        if d.unit_id:
            eff.cadre["owner_unit_id"] = d.unit_id
        if d.kind == "tuyen_dung":
            eff.cadre["recruitment_date"] = when
        eff.cadre["status"] = "dang_cong_tac"
        eff.close_open_work = True
        title = d.title_text.strip() or "Chuyên viên"  # i18n: data
        eff.rows.append(("cadre_work_history", {"from_date": _month(when), "to_date": "",
                                                "description": f"{title}, {d.unit_name}".strip(", "), "unit_id": d.unit_id}))
        if d.title_text.strip():
            eff.cadre["current_position"] = d.title_text.strip()
    elif d.kind in APPOINT_KINDS:
        term_end = add_months(when, TERM_MONTHS) - timedelta(days=1)
        title = d.title_text.strip()
        eff.cadre.update(current_position=title, title_code=d.title_code, position_start_date=when, term_end_date=term_end)
        if d.unit_id:
            eff.cadre["owner_unit_id"] = d.unit_id
        eff.close_open_position = d.kind == "bo_nhiem"
        eff.close_open_work = d.kind == "bo_nhiem"
        eff.rows.append(("cadre_position", {"title_code": d.title_code, "title_text": title, "unit_id": d.unit_id,
                                            "start_date": when, "term_end": term_end}))
        if d.kind == "bo_nhiem":
            eff.rows.append(("cadre_work_history", {"from_date": _month(when), "to_date": "",
                                                    "description": f"{title}, {d.unit_name}".strip(", "), "unit_id": d.unit_id}))
    elif d.kind == "mien_nhiem":
        eff.cadre.update(current_position=d.title_text.strip() or "Chuyên viên", title_code="", position_start_date=None,  # i18n: data
                         term_end_date=None)
        eff.close_open_position = True
    elif d.kind == "biet_phai":
        eff.cadre["status"] = "biet_phai"
        eff.rows.append(("cadre_work_history", {"from_date": _month(when), "to_date": _month(d.end_date) if d.end_date else "",
                                                "description": f"Biệt phái đến {d.unit_name}".strip(), "unit_id": d.unit_id}))  # i18n: data
    elif d.kind in ("nghi_huu", "thoi_viec"):
        eff.cadre["status"] = "nghi_huu" if d.kind == "nghi_huu" else "thoi_viec"
        eff.close_open_work = True
        eff.close_open_position = True
    elif d.kind in ("nang_bac", "nang_ngach"):
        eff.cadre.update(salary_step=d.step, salary_coefficient=d.coefficient, salary_step_date=when)
        if d.kind == "nang_ngach":
            eff.cadre["grade_code"] = d.grade_code
        eff.rows.append(("cadre_salary", {"effective": _month(when), "grade_code": d.grade_code, "step": d.step,
                                          "coefficient": d.coefficient}))
    elif d.kind == "khen_thuong":
        eff.rows.append(("cadre_award", {"year": when.year, "form_code": d.form_code, "form_text": d.form_text,
                                         "issuer": d.issuer, "reason": d.summary}))
    elif d.kind == "ky_luat":
        eff.rows.append(("cadre_discipline", {"decided_on": when, "kind": d.discipline_kind, "form_code": d.form_code,
                                              "reason": d.summary, "issuer": d.issuer}))
    if not d.summary:
        d.summary = f"{label} {d.title_text or d.unit_name or ''}".strip()
    return eff


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a career as the timeline shows it."""

    year: int | None
    when: str  # dd/mm/yyyy, or "" when the decision has no effective date
    kind_label: str
    summary: str
    number: str
    issuer: str
    until: str  # the end of a term or secondment, dd/mm/yyyy
    cancelled: bool
    cancel_reason: str


def career_steps(decisions: Iterable[Any]) -> list[TimelineEntry]:
    """A person's decisions as career steps, oldest first (undated last); cancelled ones are kept and
    marked, because the clerk must see that a decision existed and was withdrawn."""
    from canbo_desktop.domain.dates import format_date

    def key(dec: Any) -> tuple[int, date, str]:
        eff = dec.effective_date or dec.signed_on
        return (0, eff, dec.number) if eff else (1, date.min, dec.number)

    out = []
    for dec in sorted(decisions, key=key):
        eff = dec.effective_date or dec.signed_on
        out.append(TimelineEntry(
            year=eff.year if eff else None,
            when=format_date(eff) if eff else "",
            kind_label=KIND_LABELS.get(dec.kind, dec.kind),
            summary=dec.summary,
            number=dec.number,
            issuer=dec.issuer,
            until=format_date(dec.end_date) if dec.end_date else "",
            cancelled=dec.status == "cancelled",
            cancel_reason=dec.cancel_reason,
        ))
    return out
