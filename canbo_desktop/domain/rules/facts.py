"""What the rule engines know about a person: plain values gathered by the services from the record.

Engines never read the database; a service builds these facts (from the cadre, their decisions,
discipline, evaluations, planning entries, documents, votes) and passes them in. A fact that is not
known is ``None`` (or empty), and an engine then answers "unknown", not "fail".

The history facts are named tuples: a province gathers about a million of them at once, and a tuple
is several times cheaper to make than a frozen dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


class DisciplineFact(NamedTuple):
    decided_on: date
    form_code: str  # discipline_form code list: khien_trach, canh_cao, cach_chuc, dang_khien_trach…
    kind: str = "admin"  # admin | party


class EvaluationFact(NamedTuple):
    year: int
    level: str  # evaluation_level code: xuat_sac, tot, hoan_thanh, khong_hoan_thanh, khong_xep_loai
    score_total: float | None = None


class PlanningFact(NamedTuple):
    title_code: str
    term: str = ""  # e.g. "2026-2031"
    removed_on: date | None = None


class DocumentFact(NamedTuple):
    kind: str  # document_kind code: ke_khai_tai_san, giay_kham_suc_khoe, so_yeu_ly_lich…
    doc_date: date | None = None


class VoteFact(NamedTuple):
    year: int
    title_code: str = ""
    convened: int = 0
    present: int = 0
    high: int = 0
    confidence: int = 0
    low: int = 0


class TrainingFact(NamedTuple):
    kind: str  # training_kind code (chuyen_mon, llct, qlnn, boi_duong_cap_nhat…)
    to_date: date | None = None
    level_code: str = ""


@dataclass(slots=True)
class PersonFacts:
    """A person as the rules see them on a given date. Engines never change it (not frozen only because
    a frozen dataclass of this size costs seconds to build 100,000 times)."""

    cadre_id: str = ""
    full_name: str = ""
    sex: str = ""  # "M" | "F"
    birth_date: date | None = None
    birth_precision: str = "day"  # day | month | year
    status: str = "dang_cong_tac"
    category: str = "cong_chuc"
    ethnicity_code: str = "01"
    hometown_province_code: str = ""
    unit_id: str = ""
    unit_province_code: str = ""
    recruitment_date: date | None = None
    # current post
    title_code: str = ""
    position_start_date: date | None = None
    term_end_date: date | None = None
    # salary
    grade_code: str = ""
    salary_step: int | None = None
    salary_step_date: date | None = None
    beyond_scale_pct: int | None = None
    last_raise_early: bool = False
    # qualifications (code-list codes)
    education_level: str = ""
    political_theory: str = ""
    state_mgmt: str = ""
    # history
    disciplines: tuple[DisciplineFact, ...] = ()
    evaluations: tuple[EvaluationFact, ...] = ()
    planning: tuple[PlanningFact, ...] = ()
    documents: tuple[DocumentFact, ...] = ()
    votes: tuple[VoteFact, ...] = ()
    trainings: tuple[TrainingFact, ...] = ()
    party_member: bool = False
    photo_date: date | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)
