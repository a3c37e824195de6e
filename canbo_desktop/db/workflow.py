"""Repositories of the workflows: evaluation rounds, confidence votes, planning, training courses and the
appointment procedure. They hand out the dataclasses of ``domain/workflow.py`` (or the ORM row of one
record for a service that changes it inside its unit of work), and read a grid or a list in a few grouped
queries, never one query per person.

Reads are limited to the principal's organisation subtree (``db/access.py``): a round and a vote belong to
their unit, an evaluation to its round's unit (or its person's, outside a round), a procedure, a planning
entry and an enrolment to the person's current unit. Opening one outside the subtree raises
``AccessDenied``; lists leave them out. A system or whole-database principal sees everything.

Storage notes (no schema change was needed):

* ``evaluation.task_components`` keeps the entry's inputs beside the result: ``{"components": {quantity_pct,
  quality_pct, timeliness_pct…}, "source": "direct" | "components" | "products", "proposed_level": code,
  "maternity": bool}``. A row without ``proposed_level`` (imported, or older) takes its stored ``level`` as
  the proposal.
* A course's level is the one its ``certificate`` states (see ``domain.workflow.resolve_level``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db.facts import ACTIVE_STATUSES
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.access import Op
from canbo_desktop.domain.dates import stored_partial_end
from canbo_desktop.domain.errors import NotFound
from canbo_desktop.domain.rules.facts import DisciplineFact
from canbo_desktop.i18n import translate

_CHUNK = 900  # ids per IN (…): well under SQLite's variable limit on old builds too


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


class CodeListRepository:
    """Items of one code list with their rank, aliases and extra data."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def items(self, list_key: str) -> list[m.CodeItemRecord]:
        C = m.CodeItemRecord
        return list(self.s.scalars(select(C).where(C.list_key == list_key, C.deleted.is_(False)).order_by(C.rank, C.code)))

    def labels(self, list_key: str) -> dict[str, str]:
        return {r.code: r.name for r in self.items(list_key)}

    def level_items(self, list_key: str) -> list[w.LevelItem]:
        return [w.LevelItem(r.code, r.name, r.rank, tuple(r.aliases or ())) for r in self.items(list_key)]

    def title_names(self) -> dict[str, str]:
        T = m.TitleRecord
        return {code: name for code, name in self.s.execute(select(T.code, T.name).where(T.deleted.is_(False)))}

    def leader_titles(self) -> set[str]:
        T = m.TitleRecord
        return set(self.s.scalars(select(T.code).where(T.deleted.is_(False), T.is_leader.is_(True))))


def _in_scope(s: Session, path: Any) -> Any:
    """The WHERE clause keeping ``path`` (a unit path column) inside the principal's subtree, or None."""
    scope = access.scope_path(s)
    return path.startswith(scope, autoescape=True) if scope else None


def _cadre_unit(s: Session, cadre_id: str) -> str | None:
    c = s.get(m.CadreRecord, cadre_id)
    return c.owner_unit_id if c is not None else None


def _unit_name(s: Session, unit_id: str | None) -> str:
    if not unit_id:
        return ""
    u = s.get(m.OrgUnitRecord, unit_id)
    return u.name if u is not None else ""


def disciplines_of(s: Session, cadre_ids: Sequence[str]) -> dict[str, tuple[DisciplineFact, ...]]:
    """Discipline decisions of these people, grouped (one query per 900 people)."""
    D = m.DisciplineRecord
    out: dict[str, list[DisciplineFact]] = defaultdict(list)
    for chunk in _chunks(list(cadre_ids)):
        for cid, on, form, kind in s.execute(select(D.cadre_id, D.decided_on, D.form_code, D.kind).where(
                D.cadre_id.in_(chunk), D.deleted.is_(False))):
            out[cid].append(DisciplineFact(on, form, kind))
    return {k: tuple(v) for k, v in out.items()}


# ============================================================================================ evaluation


def entry_state(task_components: dict[str, Any] | None) -> tuple[dict[str, float], str | None, bool, str]:
    """(components, proposed level, maternity, source) from the stored ``task_components``."""
    tc = task_components or {}
    comps = tc.get("components") if isinstance(tc.get("components"), dict) else {}
    assert isinstance(comps, dict)
    clean = {str(k): float(v) for k, v in comps.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    proposed = tc.get("proposed_level")
    return clean, (str(proposed) if isinstance(proposed, str) and proposed else None), bool(tc.get("maternity")), \
        str(tc.get("source") or "")


class EvaluationRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # -- records the services change -----------------------------------------------------------
    def round_record(self, round_id: str) -> m.EvaluationRoundRecord:
        rec = self.s.get(m.EvaluationRoundRecord, round_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "Evaluation round not found."))
        access.require_scope(self.s, Op.READ, rec.unit_id)
        return rec

    def round_for(self, unit_id: str, year: int) -> m.EvaluationRoundRecord | None:
        R = m.EvaluationRoundRecord
        return self.s.scalars(select(R).where(R.unit_id == unit_id, R.year == year, R.deleted.is_(False))).first()

    def evaluation_record(self, evaluation_id: str) -> m.EvaluationRecord:
        rec = self.s.get(m.EvaluationRecord, evaluation_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "This person's evaluation was not found."))
        rnd = self.s.get(m.EvaluationRoundRecord, rec.round_id) if rec.round_id else None
        access.require_scope(self.s, Op.READ, rnd.unit_id if rnd is not None else _cadre_unit(self.s, rec.cadre_id))
        return rec

    def product_record(self, product_id: str) -> m.EvaluationProductRecord:
        rec = self.s.get(m.EvaluationProductRecord, product_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "This work product was not found."))
        return rec

    def products_of(self, evaluation_id: str) -> list[m.EvaluationProductRecord]:
        P = m.EvaluationProductRecord
        return list(self.s.scalars(select(P).where(P.evaluation_id == evaluation_id, P.deleted.is_(False))
                                   .order_by(P.position, P.id)))

    def active_people(self, unit_path: str) -> list[tuple[str, date | None]]:
        """(id, recruitment date) of the active, untrashed cadres of the subtree."""
        C, U = m.CadreRecord, m.OrgUnitRecord
        q = select(C.id, C.recruitment_date).join(U, U.id == C.owner_unit_id).where(
            U.path.startswith(unit_path, autoescape=True), C.deleted.is_(False), C.trashed_at.is_(None),
            C.status.in_(ACTIVE_STATUSES)).order_by(C.name_sort_key, C.id)
        return [(r[0], r[1]) for r in self.s.execute(q)]

    def evaluations_for(self, cadre_ids: Sequence[str], year: int) -> dict[str, m.EvaluationRecord]:
        E = m.EvaluationRecord
        out: dict[str, m.EvaluationRecord] = {}
        for chunk in _chunks(list(cadre_ids)):
            for rec in self.s.scalars(select(E).where(E.cadre_id.in_(chunk), E.year == year)):
                out[rec.cadre_id] = rec
        return out

    # -- what the grid shows -------------------------------------------------------------------
    def grid_rows(self, round_id: str, *, evaluation_id: str | None = None) -> list[w.GridRow]:
        """The stored rows of a round (or one of them), in Vietnamese name order, with their products;
        the computed fields are left for the service (it needs the rule book)."""
        E, C, U = m.EvaluationRecord, m.CadreRecord, m.OrgUnitRecord
        q = (select(E, C.full_name, C.birth_date, C.current_position, C.category, C.title_code, U.name)
             .join(C, C.id == E.cadre_id).join(U, U.id == C.owner_unit_id)
             .where(E.round_id == round_id, E.deleted.is_(False), C.deleted.is_(False))
             .order_by(C.name_sort_key, C.id))
        if evaluation_id is not None:
            q = q.where(E.id == evaluation_id)
        rows = self.s.execute(q).all()
        ids = [r[0].id for r in rows]
        products: dict[str, list[w.ProductRow]] = defaultdict(list)
        P = m.EvaluationProductRecord
        for chunk in _chunks(ids):
            for p in self.s.scalars(select(P).where(P.evaluation_id.in_(chunk), P.deleted.is_(False))
                                    .order_by(P.evaluation_id, P.position, P.id)):
                products[p.evaluation_id].append(w.ProductRow(p.id, p.evaluation_id, p.description, p.measure,
                                                              p.assigned, p.delivered, p.quality_errors, p.delays,
                                                              p.position))
        leaders = CodeListRepository(self.s).leader_titles()
        out = []
        for e, name, birth, position, category, title_code, unit_name in rows:
            comps, proposed, maternity, source = entry_state(e.task_components)
            if proposed is None and e.regime == "nd90" and e.level and e.level != "khong_xep_loai":
                proposed = e.level
            out.append(w.GridRow(
                evaluation_id=e.id, cadre_id=e.cadre_id, full_name=name, birth_date=birth,
                current_position=position or "", unit_name=unit_name or "", category=category or "cong_chuc",
                is_leader=bool(title_code) and title_code in leaders, year=e.year, regime=e.regime,
                level=e.level or "", level_label="", proposed_level=proposed, score_general=e.score_general,
                score_tasks=e.score_tasks, score_total=e.score_total, task_components=comps,
                months_worked=float(e.months_worked if e.months_worked is not None else 12),
                months_absent=float(e.months_absent or 0), maternity=maternity,
                veto_flags=tuple(str(x) for x in (e.veto_flags or [])), self_assessment=e.self_assessment or "",
                unit_comment=e.unit_comment or "", products=tuple(products.get(e.id, ())), rev=e.rev,
                tasks_from_products=source == "products",
            ))
        return out

    def corrections(self, round_id: str) -> list[w.CorrectionRow]:
        K, E, C = m.EvaluationCorrectionRecord, m.EvaluationRecord, m.CadreRecord
        q = (select(K, C.full_name).join(E, E.id == K.evaluation_id).join(C, C.id == E.cadre_id)
             .where(E.round_id == round_id, K.deleted.is_(False)).order_by(K.corrected_on, K.updated_at, K.id))
        return [w.CorrectionRow(k.id, k.evaluation_id, name, k.field, w.CORRECTION_LABELS.get(k.field, k.field),
                                k.old_value, k.new_value, k.reason, k.corrected_on, k.updated_by)
                for k, name in self.s.execute(q)]

    def rounds(self, unit_path: str | None = None) -> list[w.RoundSummary]:
        R, U, E = m.EvaluationRoundRecord, m.OrgUnitRecord, m.EvaluationRecord
        counts = (select(E.round_id, func.count().label("n")).where(E.deleted.is_(False), E.round_id.is_not(None))
                  .group_by(E.round_id).subquery())
        q = (select(R, U.name, counts.c.n).join(U, U.id == R.unit_id).outerjoin(counts, counts.c.round_id == R.id)
             .where(R.deleted.is_(False)).order_by(R.year.desc(), U.path))
        if unit_path:
            q = q.where(U.path.startswith(unit_path, autoescape=True))
        if (scoped := _in_scope(self.s, U.path)) is not None:
            q = q.where(scoped)
        return [w.RoundSummary(r.id, r.unit_id, name, r.year, r.regime, r.status,
                               w.ROUND_STATUS_LABELS.get(r.status, r.status), int(n or 0))
                for r, name, n in self.s.execute(q)]


# ============================================================================================ votes


class VoteRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, unit_id: str, held_on: date, convened: int, present: int, note: str,
            rows: Sequence[w.VoteRowInput]) -> str:
        vote = m.ConfidenceVoteRecord(unit_id=unit_id, held_on=held_on, convened=convened, present=present, note=note)
        self.s.add(vote)
        self.s.flush()
        for r in rows:
            self.s.add(m.ConfidenceVoteResultRecord(vote_id=vote.id, cadre_id=r.cadre_id, title_text=r.title_text,
                                                    high=r.high, confidence=r.confidence, low=r.low))
        self.s.flush()
        return vote.id

    def vote_record(self, vote_id: str) -> m.ConfidenceVoteRecord:
        rec = self.s.get(m.ConfidenceVoteRecord, vote_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "Confidence vote not found."))
        access.require_scope(self.s, Op.READ, rec.unit_id)
        return rec

    def result_rows(self, vote_id: str) -> list[Any]:
        """Rows (result, name, sex, birth date, birth precision, start in the current post, current post),
        in name order: what deciding "not voted on" and showing the person need."""
        R, C = m.ConfidenceVoteResultRecord, m.CadreRecord
        q = (select(R, C.full_name, C.sex, C.birth_date, C.birth_precision, C.position_start_date,
                    C.current_position)
             .join(C, C.id == R.cadre_id).where(R.vote_id == vote_id, R.deleted.is_(False))
             .order_by(C.name_sort_key, C.id))
        return list(self.s.execute(q).all())

    def votes(self, unit_path: str | None = None) -> list[w.VoteSummary]:
        V, U, R = m.ConfidenceVoteRecord, m.OrgUnitRecord, m.ConfidenceVoteResultRecord
        counts = (select(R.vote_id, func.count().label("n")).where(R.deleted.is_(False)).group_by(R.vote_id)
                  .subquery())
        q = (select(V, U.name, counts.c.n).join(U, U.id == V.unit_id).outerjoin(counts, counts.c.vote_id == V.id)
             .where(V.deleted.is_(False)).order_by(V.held_on.desc(), U.path))
        if unit_path:
            q = q.where(U.path.startswith(unit_path, autoescape=True))
        if (scoped := _in_scope(self.s, U.path)) is not None:
            q = q.where(scoped)
        return [w.VoteSummary(v.id, v.unit_id, name, v.held_on, v.convened, v.present, int(n or 0))
                for v, name, n in self.s.execute(q)]


# ============================================================================================ planning


class PlanningRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def record(self, entry_id: str) -> m.PlanningEntryRecord:
        rec = self.s.get(m.PlanningEntryRecord, entry_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "Planning entry not found."))
        access.require_scope(self.s, Op.READ, _cadre_unit(self.s, rec.cadre_id))
        return rec

    def active_entry(self, cadre_id: str, term: str, title_code: str) -> m.PlanningEntryRecord | None:
        P = m.PlanningEntryRecord
        return self.s.scalars(select(P).where(P.cadre_id == cadre_id, P.term == term, P.title_code == title_code,
                                              P.removed_on.is_(None), P.deleted.is_(False))).first()

    def rows(self, *, term: str | None = None, title_code: str | None = None, unit_path: str | None = None,
             include_removed: bool = False, cadre_id: str | None = None) -> list[w.PlanningRow]:
        """Planning entries with the person and the names of the title and units (one query). ``unit_path``
        keeps entries planned for a unit of that subtree, or of people working in it when no unit is set.
        Only people of the principal's subtree are listed."""
        P, C, U = m.PlanningEntryRecord, m.CadreRecord, m.OrgUnitRecord
        PU = m.OrgUnitRecord.__table__.alias("planned_unit")
        T = m.TitleRecord
        q = (select(P, C.full_name, C.birth_date, C.sex, C.current_position, U.name, PU.c.name, T.name)
             .join(C, C.id == P.cadre_id).join(U, U.id == C.owner_unit_id)
             .outerjoin(PU, PU.c.id == P.unit_id).outerjoin(T, T.code == P.title_code)
             .where(P.deleted.is_(False), C.deleted.is_(False), C.trashed_at.is_(None)))
        if term:
            q = q.where(P.term == term)
        if title_code:
            q = q.where(P.title_code == title_code)
        if cadre_id:
            q = q.where(P.cadre_id == cadre_id)
        if not include_removed:
            q = q.where(P.removed_on.is_(None))
        if unit_path:
            q = q.where((PU.c.path.startswith(unit_path, autoescape=True))
                        | (P.unit_id.is_(None) & U.path.startswith(unit_path, autoescape=True)))
        if (scoped := _in_scope(self.s, U.path)) is not None:
            q = q.where(scoped)
        q = q.order_by(P.term, T.rank.desc(), P.title_code, C.name_sort_key, P.id)
        return [w.PlanningRow(p.id, p.cadre_id, name, birth, sex, position or "", unit_name or "", p.term,
                              p.title_code, title_name or p.title_code, p.unit_id, planned_unit or "", p.added_on,
                              p.added_ref, p.removed_on, p.removed_ref, p.removal_reason)
                for p, name, birth, sex, position, unit_name, planned_unit, title_name in self.s.execute(q)]


# ============================================================================================ training


class TrainingRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def unit_names(self) -> dict[str, str]:
        return {uid: name for uid, name in self.s.execute(select(m.OrgUnitRecord.id, m.OrgUnitRecord.name))}

    def positions_and_sort_keys(self, cadre_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """{cadre id: (current position, name sort key)} for listing people in Vietnamese name order."""
        if not cadre_ids:
            return {}
        C = m.CadreRecord
        q = select(C.id, C.current_position, C.name_sort_key).where(C.id.in_(list(cadre_ids)))
        return {cid: (pos or "", key or "") for cid, pos, key in self.s.execute(q)}

    def course_record(self, course_id: str) -> m.TrainingCourseRecord:
        rec = self.s.get(m.TrainingCourseRecord, course_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "Training course not found."))
        return rec

    def training_record(self, training_id: str) -> m.TrainingRecord:
        rec = self.s.get(m.TrainingRecord, training_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "This trainee is not in the course."))
        access.require_scope(self.s, Op.READ, _cadre_unit(self.s, rec.cadre_id))
        return rec

    def courses(self, *, kind: str | None = None) -> list[m.TrainingCourseRecord]:
        K = m.TrainingCourseRecord
        q = select(K).where(K.deleted.is_(False)).order_by(K.start_date.desc(), K.name)
        if kind:
            q = q.where(K.kind == kind)
        return list(self.s.scalars(q))

    def enrolments(self, course_ids: Sequence[str]) -> dict[str, list[w.Enrolment]]:
        """Course id → the people enrolled of the principal's subtree, in name order (one query per 900
        courses)."""
        T, C, U = m.TrainingRecord, m.CadreRecord, m.OrgUnitRecord
        out: dict[str, list[w.Enrolment]] = defaultdict(list)
        scoped = _in_scope(self.s, U.path)
        for chunk in _chunks(list(course_ids)):
            q = (select(T, C.full_name, U.name).join(C, C.id == T.cadre_id).join(U, U.id == C.owner_unit_id)
                 .where(T.course_id.in_(chunk), T.deleted.is_(False), C.deleted.is_(False))
                 .order_by(C.name_sort_key, C.id))
            if scoped is not None:
                q = q.where(scoped)
            for t, name, unit_name in self.s.execute(q):
                assert t.course_id is not None
                out[t.course_id].append(w.Enrolment(t.id, t.course_id, t.cadre_id, name, unit_name or "",
                                                    stored_partial_end(t.to_date) if t.to_date else None,
                                                    t.certificate, t.level_code))
        return out

    def outside_scope(self, course_ids: Sequence[str]) -> set[str]:
        """The courses whose people are all outside the principal's subtree (another unit's training): every
        course with someone enrolled and nobody of the subtree. Empty for a whole-database principal."""
        if not access.scope_path(self.s):
            return set()
        T, C, U = m.TrainingRecord, m.CadreRecord, m.OrgUnitRecord
        scoped = _in_scope(self.s, U.path)
        inside = func.max(case((scoped, 1), else_=0))
        out: set[str] = set()
        for chunk in _chunks(list(course_ids)):
            q = (select(T.course_id).join(C, C.id == T.cadre_id).join(U, U.id == C.owner_unit_id)
                 .where(T.course_id.in_(chunk), T.deleted.is_(False), C.deleted.is_(False))
                 .group_by(T.course_id).having(inside == 0))
            out.update(cid for cid in self.s.scalars(q) if cid)
        return out

    def enrolled_ids(self, course_id: str) -> set[str]:
        T = m.TrainingRecord
        return set(self.s.scalars(select(T.cadre_id).where(T.course_id == course_id, T.deleted.is_(False))))

    def next_positions(self, cadre_ids: Sequence[str]) -> dict[str, int]:
        """The position after the last row of each person's training table."""
        T = m.TrainingRecord
        out: dict[str, int] = {}
        for chunk in _chunks(list(cadre_ids)):
            for cid, pos in self.s.execute(select(T.cadre_id, func.max(T.position)).where(
                    T.cadre_id.in_(chunk), T.deleted.is_(False)).group_by(T.cadre_id)):
                out[cid] = int(pos or 0) + 1
        return out


# ============================================================================================ appointment


class AppointmentRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def procedure_record(self, procedure_id: str) -> m.AppointmentProcedureRecord:
        rec = self.s.get(m.AppointmentProcedureRecord, procedure_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.workflow", "This appointment procedure was not found."))
        access.require_scope(self.s, Op.READ, _cadre_unit(self.s, rec.cadre_id))
        return rec

    def steps(self, procedure_id: str) -> dict[int, m.AppointmentStepRecord]:
        S = m.AppointmentStepRecord
        return {r.step_no: r for r in self.s.scalars(select(S).where(S.procedure_id == procedure_id,
                                                                     S.deleted.is_(False)))}

    def documents(self, procedure_id: str) -> dict[str, m.AppointmentDocumentRecord]:
        D = m.AppointmentDocumentRecord
        return {r.doc_kind: r for r in self.s.scalars(select(D).where(D.procedure_id == procedure_id,
                                                                      D.deleted.is_(False)))}

    def document_kinds(self) -> list[w.DocumentKind]:
        out = []
        for r in CodeListRepository(self.s).items("document_kind"):
            extra = r.extra or {}
            max_age = extra.get("max_age_months")
            if extra.get("max_age_applies_to"):
                max_age = None  # the limit is on something else (the photo): the eligibility check has it
            item = extra.get("dossier_item")
            out.append(w.DocumentKind(r.code, r.name, int(item) if isinstance(item, int) else r.rank,
                                      max_age if isinstance(max_age, int) and not isinstance(max_age, bool) else None))
        return out

    def on_file(self, cadre_id: str) -> dict[str, date | None]:
        """Document kind → the latest date of that document in the person's record."""
        D = m.CadreDocumentRecord
        out: dict[str, date | None] = {}
        for kind, latest in self.s.execute(select(D.kind, func.max(D.doc_date)).where(
                D.cadre_id == cadre_id, D.deleted.is_(False)).group_by(D.kind)):
            out[kind] = latest
        return out

    def summaries(self, *, status: str | None = None, cadre_id: str | None = None,
                  unit_path: str | None = None) -> list[w.ProcedureSummary]:
        P, C, U, T = m.AppointmentProcedureRecord, m.CadreRecord, m.OrgUnitRecord, m.TitleRecord
        q = (select(P, C.full_name, T.name, U.name).join(C, C.id == P.cadre_id).join(U, U.id == P.unit_id)
             .outerjoin(T, T.code == P.title_code).where(P.deleted.is_(False), C.deleted.is_(False))
             .order_by(P.updated_at.desc(), P.id))
        if status:
            q = q.where(P.status == status)
        if cadre_id:
            q = q.where(P.cadre_id == cadre_id)
        if unit_path:
            q = q.where(U.path.startswith(unit_path, autoescape=True))
        if access.scope_path(self.s):  # the person's current unit, as for opening the procedure
            CU = m.OrgUnitRecord.__table__.alias("person_unit")
            q = q.join(CU, CU.c.id == C.owner_unit_id).where(_in_scope(self.s, CU.c.path))
        return [w.ProcedureSummary(p.id, p.cadre_id, name, p.title_code, title or p.title_code, p.kind,
                                   w.PROCEDURE_KINDS.get(p.kind, p.kind), p.source, p.status,
                                   w.PROCEDURE_STATUS_LABELS.get(p.status, p.status), p.unit_id, unit_name or "")
                for p, name, title, unit_name in self.s.execute(q)]

    def decision(self, decision_id: str | None) -> w.DecisionInfo | None:
        if not decision_id:
            return None
        d = self.s.get(m.DecisionRecord, decision_id)
        if d is None:
            return None
        return w.DecisionInfo(d.id, d.number, d.signed_on, d.issuer, d.effective_date, d.end_date, d.status)

    def unit_name(self, unit_id: str | None) -> str:
        return _unit_name(self.s, unit_id)
