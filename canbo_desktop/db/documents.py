"""What the printed documents need from the database, read-only, plus the document-number counter.

The PDF services gather everything here in one session (``services/pdf``): the organisation chain of
a unit (issuing body, its parent, place name, document symbol), the code lists with their labels and
extra data, an appointment procedure with its steps and dossier checklist, a person's last
evaluations, the holder of a unit's head post. ``next_number`` is the only write: the per-issuer,
per-kind, per-year counter behind "Số: 05/QĐ-UBND", run inside the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canbo_desktop.db import models as m
from canbo_desktop.db.repositories import to_dataclass
from canbo_desktop.domain.cadre import Evaluation
from canbo_desktop.domain.errors import NotFound, ValidationError
from canbo_desktop.i18n import translate


@dataclass(frozen=True)
class UnitInfo:
    id: str
    code: str
    name: str
    short_name: str
    kind: str
    parent_id: str | None
    place_name: str
    parent_body_name: str
    doc_symbol: str
    depth: int


@dataclass(frozen=True)
class CodeItem:
    code: str
    name: str
    rank: int
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProcedureInfo:
    id: str
    cadre_id: str
    kind: str
    source: str
    title_code: str
    unit_id: str
    policy_ref: str
    policy_submitted_on: date | None
    policy_approved_on: date | None
    status: str
    decision_id: str | None
    note: str


@dataclass(frozen=True)
class StepInfo:
    step_no: int
    name: str
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


@dataclass(frozen=True)
class ChecklistEntry:
    doc_kind: str
    present: bool
    doc_date: date | None
    note: str


@dataclass(frozen=True)
class ProcedureBundle:
    procedure: ProcedureInfo
    steps: list[StepInfo]
    checklist: list[ChecklistEntry]


def unit_chain(session: Session, unit_id: str | None) -> list[UnitInfo]:
    """The unit and its ancestors, from the unit up to the root (empty for an unknown id)."""
    out: list[UnitInfo] = []
    seen: set[str] = set()
    current = unit_id
    while current and current not in seen:
        seen.add(current)
        rec = session.get(m.OrgUnitRecord, current)
        if rec is None:
            break
        out.append(to_dataclass(rec, UnitInfo))
        current = rec.parent_id
    return out


def code_items(session: Session) -> dict[str, dict[str, CodeItem]]:
    """Every code list: list key → code → item; grades under ``grade`` and titles under ``title``."""
    out: dict[str, dict[str, CodeItem]] = {}
    for r in session.scalars(select(m.CodeItemRecord).where(m.CodeItemRecord.deleted.is_(False))):
        out.setdefault(r.list_key, {})[r.code] = CodeItem(r.code, r.name, r.rank, dict(r.extra or {}))
    out["grade"] = {g.code: CodeItem(g.code, g.name, 0, {"salary_class": g.salary_class})
                    for g in session.scalars(select(m.GradeRecord).where(m.GradeRecord.deleted.is_(False)))}
    out["title"] = {t.code: CodeItem(t.code, t.name, t.rank, {"level": t.level, "is_leader": t.is_leader})
                    for t in session.scalars(select(m.TitleRecord).where(m.TitleRecord.deleted.is_(False)))}
    return out


def code_lists_version(session: Session) -> tuple[Any, ...]:
    """A cheap fingerprint of the code lists, grades and titles (row count, latest clock, revisions): a
    cached copy of ``code_items`` stays valid while it does not change."""
    out: list[Any] = []
    for model in (m.CodeItemRecord, m.GradeRecord, m.TitleRecord):
        out.extend(session.execute(select(func.count(), func.max(model.hlc), func.sum(model.rev))).one())
    return tuple(out)


def attachment_bytes(session: Session, sha256: str | None) -> bytes | None:
    if not sha256:
        return None
    att = session.get(m.AttachmentRecord, sha256)
    return bytes(att.data) if att is not None else None


def procedure_bundle(session: Session, procedure_id: str) -> ProcedureBundle:
    """An appointment procedure with its steps (in order) and its dossier checklist rows."""
    rec = session.get(m.AppointmentProcedureRecord, procedure_id)
    if rec is None or rec.deleted:
        raise NotFound(translate("db.documents", "No appointment procedure with the code “{procedure_id}” was found.").format(procedure_id=procedure_id))
    S, D = m.AppointmentStepRecord, m.AppointmentDocumentRecord
    steps = [to_dataclass(s, StepInfo) for s in session.scalars(
        select(S).where(S.procedure_id == procedure_id, S.deleted.is_(False)).order_by(S.step_no, S.id))]
    docs = [to_dataclass(d, ChecklistEntry) for d in session.scalars(
        select(D).where(D.procedure_id == procedure_id, D.deleted.is_(False)).order_by(D.doc_kind, D.id))]
    return ProcedureBundle(to_dataclass(rec, ProcedureInfo), steps, docs)


def last_evaluations(session: Session, cadre_id: str, *, count: int = 3, up_to_year: int | None = None) -> list[Evaluation]:
    """The person's ``count`` latest yearly results (up to ``up_to_year``), oldest first."""
    E = m.EvaluationRecord
    q = select(E).where(E.cadre_id == cadre_id, E.deleted.is_(False))
    if up_to_year is not None:
        q = q.where(E.year <= up_to_year)
    rows = [to_dataclass(r, Evaluation) for r in session.scalars(q.order_by(E.year.desc()).limit(count))]
    return sorted(rows, key=lambda e: e.year)


def head_of_unit(session: Session, unit_id: str) -> tuple[str, str] | None:
    """(full name, post) of whoever holds the unit's head post now (an open, non-deputy position)."""
    P, C = m.PositionHistoryRecord, m.CadreRecord
    rows = session.execute(
        select(C.full_name, P.title_text).join(C, C.id == P.cadre_id).where(
            P.unit_id == unit_id, P.end_date.is_(None), P.deleted.is_(False), P.concurrent.is_(False),
            C.deleted.is_(False), C.trashed_at.is_(None), C.status == "dang_cong_tac",
        ).order_by(P.start_date.desc())
    ).all()
    for name, title in rows:
        if not title.lower().startswith(("phó", "pho ")):  # i18n: data
            return name, title
    return None


def unit_by_code(session: Session, code: str) -> UnitInfo:
    rec = session.scalars(select(m.OrgUnitRecord).where(m.OrgUnitRecord.code == code,
                                                       m.OrgUnitRecord.deleted.is_(False))).first()
    if rec is None:
        raise NotFound(translate("db.documents", "There is no unit with the code «{code}».").format(code=code))
    return to_dataclass(rec, UnitInfo)


def unit_cadre_ids(session: Session, unit_id: str, *, subtree: bool = True) -> list[str]:
    """The people (in service or not, not in the trash) of a unit, or of its whole subtree, in name order."""
    C, U = m.CadreRecord, m.OrgUnitRecord
    q = select(C.id).join(U, U.id == C.owner_unit_id).where(C.deleted.is_(False), C.trashed_at.is_(None))
    if subtree:
        unit = session.get(U, unit_id)
        if unit is None:
            raise NotFound(translate("db.documents", "Unit “{unit_id}” not found.").format(unit_id=unit_id))
        q = q.where(U.path.startswith(unit.path, autoescape=True))
    else:
        q = q.where(C.owner_unit_id == unit_id)
    return list(session.scalars(q.order_by(C.name_sort_key, C.id)))


def next_number(session: Session, issuer_unit_id: str, kind: str, year: int) -> int:
    """Take the next document number of ``kind`` (QĐ, TTr…) for the issuer in ``year``: 1, 2, 3… from
    1 January. One atomic upsert, so two clerks printing at once never get the same number; the number is
    consumed only if the caller's transaction commits."""
    if not kind or len(kind) > 20:
        raise ValidationError(translate("db.documents", "Invalid document type symbol."), {"kind": kind})
    if session.get(m.OrgUnitRecord, issuer_unit_id) is None:
        raise NotFound(translate("db.documents", "Issuing body “{issuer_unit_id}” not found.").format(issuer_unit_id=issuer_unit_id))
    C = m.DocCounterRecord
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(C)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(C)
    stmt = stmt.values(issuer_unit_id=issuer_unit_id, doc_kind=kind, year=year, last_number=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=["issuer_unit_id", "doc_kind", "year"], set_={"last_number": C.last_number + 1},
    ).returning(C.last_number)
    return int(session.execute(stmt).scalar_one())
