"""Cadre records as the application sees them: plain dataclasses handed out by repositories.

Field names match the database columns one to one (the repository copies by name), and follow the
items of 2C-BNV/2008 (numbers in comments) plus the 2C/TCTW-98 extras.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from canbo_desktop.domain.text import clean_line, fold_words, search_exact
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

SEX_LABELS = {"M": "Nam", "F": "Nữ"}


@dataclass
class Cadre:
    id: str = ""
    owner_unit_id: str = ""
    cadre_code: str = ""
    category: str = "cong_chuc"
    status: str = "dang_cong_tac"
    # 1–3
    full_name: str = ""
    family_name: str = ""
    middle_name: str = ""
    given_name: str = ""
    name_family_last: bool = False
    other_names: str = ""
    sex: str = ""
    birth_date: date | None = None
    birth_precision: str = "day"
    # 4–9
    birthplace: str = ""
    hometown: str = ""
    hometown_province_code: str = ""
    ethnicity_code: str = "01"
    religion_code: str = "khong"
    permanent_address: str = ""
    current_address: str = ""
    phone: str = ""
    email: str = ""
    # 10–13
    occupation_before: str = ""
    recruitment_date: date | None = None
    recruiting_agency: str = ""
    current_position: str = ""
    title_code: str = ""
    position_start_date: date | None = None
    term_end_date: date | None = None
    concurrent_positions: str = ""
    main_duties: str = ""
    # 14
    grade_code: str = ""
    salary_step: int | None = None
    salary_coefficient: float | None = None
    salary_step_date: date | None = None
    position_allowance: float | None = None
    other_allowance: str = ""
    beyond_scale_pct: int | None = None
    # 15
    general_education: str = ""
    education_level: str = ""
    education_major: str = ""
    academic_title: str = ""
    political_theory: str = ""
    state_mgmt: str = ""
    foreign_language: str = ""
    it_level: str = ""
    # 16–20
    party_join_date: date | None = None
    party_official_date: date | None = None
    mass_org: str = ""
    army_enlist_date: date | None = None
    army_discharge_date: date | None = None
    army_rank: str = ""
    honorary_title: str = ""
    strengths: str = ""
    # 23–26
    health_status: str = ""
    height_cm: int | None = None
    weight_kg: int | None = None
    blood_group: str = ""
    war_invalid_grade: str = ""
    policy_family: str = ""
    id_number: str = ""
    id_issue_date: date | None = None
    id_issue_place: str = ""
    social_insurance_no: str = ""
    # 29, 32
    history_detention: str = ""
    history_foreign_orgs: str = ""
    history_foreign_relatives: str = ""
    assessment: str = ""
    # 2C/TCTW-98
    family_background: str = ""
    revolution_join_date: date | None = None
    current_agency_join_date: date | None = None
    party_committee: str = ""
    party_committee_concurrent: str = ""
    economic_salary: str = ""
    economic_housing: str = ""
    economic_land: str = ""
    photo_sha256: str | None = None
    photo_date: date | None = None
    trashed_at: datetime | None = None
    trashed_by: str = ""
    created_at: datetime | None = None
    rev: int = 0


@dataclass
class TrainingRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    course_id: str | None = None
    school: str = ""
    major: str = ""
    kind: str = "chuyen_mon"
    from_date: str = ""
    to_date: str = ""
    mode: str = ""
    certificate: str = ""
    level_code: str = ""


@dataclass
class WorkHistoryRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    from_date: str = ""
    to_date: str = ""
    description: str = ""
    unit_id: str | None = None
    decision_id: str | None = None


@dataclass
class FamilyRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    side: str = "self"
    relation: str = ""
    full_name: str = ""
    birth_year: str = ""
    details: str = ""


@dataclass
class SalaryRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    effective: str = ""
    grade_code: str = ""
    step: int | None = None
    coefficient: float | None = None
    decision_id: str | None = None


@dataclass
class AwardRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    year: int = 0
    form_code: str = ""
    form_text: str = ""
    issuer: str = ""
    reason: str = ""
    decision_id: str | None = None


@dataclass
class DisciplineRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    decided_on: date | None = None
    kind: str = "admin"
    form_code: str = ""
    reason: str = ""
    issuer: str = ""
    decision_id: str | None = None


@dataclass
class PositionRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    title_code: str = ""
    title_text: str = ""
    unit_id: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    term_end: date | None = None
    concurrent: bool = False
    decision_id: str | None = None


@dataclass
class DocumentRow:
    id: str = ""
    cadre_id: str = ""
    position: int = 0
    kind: str = ""
    doc_date: date | None = None
    reference: str = ""
    note: str = ""
    attachment_sha256: str | None = None


@dataclass
class Decision:
    id: str = ""
    cadre_id: str = ""
    kind: str = ""
    number: str = ""
    signed_on: date | None = None
    issuer: str = ""
    issuer_unit_id: str | None = None
    effective_date: date | None = None
    end_date: date | None = None
    summary: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    previous: dict[str, Any] = field(default_factory=dict)
    status: str = "active"
    cancelled_on: date | None = None
    cancel_reason: str = ""


@dataclass
class Evaluation:
    id: str = ""
    cadre_id: str = ""
    round_id: str | None = None
    year: int = 0
    regime: str = ""
    level: str = ""
    score_general: float | None = None
    score_tasks: float | None = None
    score_total: float | None = None
    self_assessment: str = ""
    unit_comment: str = ""


@dataclass
class CadreFile:
    """A person's whole record: the cadre and every table of the CV."""

    cadre: Cadre
    unit_code: str = ""
    unit_name: str = ""
    training: list[TrainingRow] = field(default_factory=list)
    work_history: list[WorkHistoryRow] = field(default_factory=list)
    family: list[FamilyRow] = field(default_factory=list)
    salary: list[SalaryRow] = field(default_factory=list)
    awards: list[AwardRow] = field(default_factory=list)
    discipline: list[DisciplineRow] = field(default_factory=list)
    positions: list[PositionRow] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)


@dataclass(frozen=True)
class CadreSummary:
    """One row of the cadre list."""

    id: str
    full_name: str
    sex: str
    birth_date: date | None
    birth_precision: str
    unit_id: str
    unit_code: str
    unit_name: str
    current_position: str
    status: str
    id_number: str
    # Where the row stands in the whole list's name order (SQLite's quick path): the next page starts
    # after it without counting past every row before it.
    list_position: int | None = None


AGE_BANDS: dict[str, tuple[int | None, int | None]] = {
    "duoi_30": (None, 29), "30_39": (30, 39), "40_49": (40, 49), "50_59": (50, 59), "tu_60": (60, None),
}
AGE_BAND_LABELS = {"duoi_30": "Dưới 30", "30_39": "30–39", "40_49": "40–49", "50_59": "50–59", "tu_60": "Từ 60"}


@dataclass(frozen=True)
class ListFilter:
    """Filters of the cadre list. ``unit_path`` restricts to a subtree of the organisation; the age band
    is counted on ``on`` (today unless given); ``None`` means "any"."""

    unit_path: str | None = None
    status: str | None = None
    sex: str | None = None
    age_band: str | None = None
    education_level: str | None = None
    party_member: bool | None = None
    in_planning: bool | None = None
    include_trash: bool = False
    on: date | None = None

    def birth_range(self) -> tuple[date | None, date | None]:
        """(born after, born on or before) for the age band: age in completed years on ``on``."""
        if not self.age_band:
            return None, None
        lo_age, hi_age = AGE_BANDS[self.age_band]
        on = self.on or date.today()

        def years_before(n: int) -> date:
            try:
                return on.replace(year=on.year - n)
            except ValueError:  # 29 February
                return on.replace(year=on.year - n, day=28)

        latest = years_before(lo_age) if lo_age is not None else None  # at least lo_age years old
        earliest = years_before(hi_age + 1) if hi_age is not None else None  # younger than hi_age + 1
        return earliest, latest


def search_texts(
    *,
    full_name: str,
    other_names: str = "",
    id_number: str = "",
    phone: str = "",
    birth_year: int | None = None,
    hometown: str = "",
    unit_name: str = "",
) -> tuple[str, str, str]:
    """Texts a cadre is found by: (names folded, names with diacritics, other facts folded).

    Names rank above the rest: "dang viet" should find Đặng Quốc Việt before a Đặng working in
    "Ủy ban MTTQ Việt Nam".
    """
    names = " ".join(clean_line(p) for p in (full_name, other_names) if p)
    info = " ".join(clean_line(p) for p in (id_number, phone, str(birth_year or ""), hometown, unit_name) if p)
    return " ".join(fold_words(names)), search_exact(names), " ".join(fold_words(info))


def birth_display(d: date | None, precision: str) -> str:
    if d is None:
        return ""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.month:02d}/{d.year:04d}"
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def validate_cadre(c: Cadre, *, today: date) -> dict[str, str]:
    """Field → Vietnamese message, shown next to the field in the editor (duplicates are checked by the service)."""
    from canbo_desktop.domain.validation import check_cccd, check_phone

    errors: dict[str, str] = {}
    if not (c.given_name or "").strip() and not (c.full_name or "").strip():
        errors["full_name"] = translate("domain.cadre", "Enter the full name.")
    if c.sex not in ("M", "F"):
        errors["sex"] = translate("domain.cadre", "Choose the sex.")
    if not c.owner_unit_id:
        errors["owner_unit_id"] = translate("domain.cadre", "Choose the managing unit.")
    if c.birth_date is None:
        errors["birth_date"] = translate("domain.cadre", "Enter the date of birth (or at least the year of birth).")
    elif not (today.year - 80 <= c.birth_date.year <= today.year - 15):
        errors["birth_date"] = translate("domain.cadre", "Year of birth {year} is not plausible for a cadre still managed.").format(year=c.birth_date.year)
    if c.id_number:
        birth_year = c.birth_date.year if c.birth_date else None
        _info, reason = check_cccd(c.id_number, sex=c.sex if c.sex in ("M", "F") else None, birth_year=birth_year)
        if reason:
            errors["id_number"] = reason
    if c.phone:
        reason = check_phone(c.phone)
        if reason:
            errors["phone"] = reason
    if c.email and ("@" not in c.email or " " in c.email.strip()):
        errors["email"] = translate("domain.cadre", "The email address is not valid.")
    # the labels are translated only for a message (an import validates 10,000 records: ~60,000 look-ups saved)
    for name, label in (("recruitment_date", QT_TRANSLATE_NOOP("domain.cadre", "Recruitment date")),
                        ("party_join_date", QT_TRANSLATE_NOOP("domain.cadre", "Party admission date")),
                        ("party_official_date", QT_TRANSLATE_NOOP("domain.cadre", "Official membership date")),
                        ("id_issue_date", QT_TRANSLATE_NOOP("domain.cadre", "ID card issue date"))):
        value = getattr(c, name)
        if value is not None and value > today:
            errors[name] = translate("domain.cadre", "{label} cannot be in the future.").format(
                label=translate("domain.cadre", label))
        if value is not None and c.birth_date is not None and value <= c.birth_date:
            errors[name] = translate("domain.cadre", "{label} must be after the date of birth.").format(
                label=translate("domain.cadre", label))
    if c.party_join_date and c.party_official_date and c.party_official_date < c.party_join_date:
        errors["party_official_date"] = translate("domain.cadre", "The official membership date must be after the Party admission date.")
    if c.army_enlist_date and c.army_discharge_date and c.army_discharge_date < c.army_enlist_date:
        errors["army_discharge_date"] = translate("domain.cadre", "The discharge date must be after the enlistment date.")
    for name, lo, hi, label in (("height_cm", 100, 230, QT_TRANSLATE_NOOP("domain.cadre", "Height")),
                                ("weight_kg", 25, 200, QT_TRANSLATE_NOOP("domain.cadre", "Weight"))):
        value = getattr(c, name)
        if value is not None and not lo <= value <= hi:
            errors[name] = translate("domain.cadre", "{label} {value} is not plausible.").format(
                label=translate("domain.cadre", label), value=value)
    if c.salary_step is not None and not 1 <= c.salary_step <= 20:
        errors["salary_step"] = translate("domain.cadre", "The salary step must be between 1 and 20.")
    return errors
