"""Gather what the rule engines need about many people in a few grouped queries.

The reminders and the targets look at every active cadre of a subtree (100,000 on a province), so
each child table is read once and grouped by person, never queried person by person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from canbo_desktop.db import models as m
from canbo_desktop.db.repositories import CadreRepository
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.dates import stored_partial_end
from canbo_desktop.domain.rules.facts import (
    DisciplineFact,
    DocumentFact,
    EvaluationFact,
    PersonFacts,
    PlanningFact,
    TrainingFact,
    VoteFact,
)

ACTIVE_STATUSES = ("dang_cong_tac", "biet_phai", "nghi_khong_luong")


class FactsRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _province_codes(self) -> dict[str, str]:
        """unit id → the 2-digit province code of its top unit (its geo code, or a unit code that
        starts with the province's two digits)."""
        units = {r.id: r for r in self.s.execute(
            select(m.OrgUnitRecord.id, m.OrgUnitRecord.parent_id, m.OrgUnitRecord.code, m.OrgUnitRecord.geo_code))}
        out: dict[str, str] = {}
        for uid in units:
            cur: Any = units[uid]
            code = ""
            seen = 0
            while cur is not None and seen < 64:
                g = (cur.geo_code or "").strip()
                if len(g) == 2 and g.isdigit():
                    code = g
                elif len(cur.code) >= 2 and cur.code[:2].isdigit() and cur.code[2:3] in ("", "."):
                    code = cur.code[:2]  # office codes written as "40.D01…" start with the province
                cur = units.get(cur.parent_id) if cur.parent_id else None
                seen += 1
            out[uid] = code
        return out

    def people(self, f: ListFilter | None = None, *, ids: Iterable[str] | None = None,
               statuses: tuple[str, ...] = ACTIVE_STATUSES) -> list[PersonFacts]:
        """Facts for the live cadres matching ``f`` (or exactly ``ids``) whose status is in ``statuses``."""
        c, u = m.CadreRecord, m.OrgUnitRecord
        q: Any = select(
            c.id, c.full_name, c.sex, c.birth_date, c.birth_precision, c.status, c.category, c.ethnicity_code,
            c.hometown_province_code, c.owner_unit_id, c.title_code, c.position_start_date, c.term_end_date,
            c.grade_code, c.salary_step, c.salary_step_date, c.beyond_scale_pct, c.education_level,
            c.political_theory, c.state_mgmt, c.party_join_date, c.photo_date, c.recruitment_date,
        ).join(u, u.id == c.owner_unit_id)
        q = CadreRepository(self.s)._apply_filter(q, f or ListFilter())
        if statuses:
            q = q.where(c.status.in_(statuses))
        if ids is not None:
            wanted = list(ids)
            q = q.where(c.id.in_(wanted))
        rows = self.s.connection().execute(q).all()
        keep = {r.id for r in rows}
        if not keep:
            return []

        conn = self.s.connection()  # Core rows: a million of them are too many for the ORM's loading

        def grouped(stmt: Any, make: Callable[[Any], Any]) -> dict[str, list[Any]]:
            """Rows of a child table as facts, grouped by person (only the people asked for)."""
            out: dict[str, list[Any]] = defaultdict(list)
            for r in conn.execute(stmt).fetchall():
                if r[0] in keep:
                    out[r[0]].append(make(r))
            return out

        D, E, P, Doc, T = (m.DisciplineRecord, m.EvaluationRecord, m.PlanningEntryRecord, m.CadreDocumentRecord,
                           m.TrainingRecord)
        disc = grouped(select(D.cadre_id, D.decided_on, D.form_code, D.kind)
                       .where(D.deleted.is_(False), D.decided_on.is_not(None)),
                       lambda r: DisciplineFact(r[1], r[2], r[3]))
        evals = grouped(select(E.cadre_id, E.year, E.level, E.score_total).where(E.deleted.is_(False))
                        .order_by(E.year), lambda r: EvaluationFact(r[1], r[2], r[3]))
        plans = grouped(select(P.cadre_id, P.title_code, P.term, P.removed_on).where(P.deleted.is_(False)),
                        lambda r: PlanningFact(r[1], r[2], r[3]))
        docs = grouped(select(Doc.cadre_id, Doc.kind, Doc.doc_date).where(Doc.deleted.is_(False)),
                       lambda r: DocumentFact(r[1], r[2]))
        # an enrolment in a course that has not ended yet (course set, no end) is not training received
        trains = grouped(select(T.cadre_id, T.kind, T.to_date, T.level_code)
                         .where(T.deleted.is_(False), ~(T.course_id.is_not(None) & (T.to_date == ""))),
                         lambda r: TrainingFact(r[1], stored_partial_end(r[2]), r[3] or ""))
        V, R = m.ConfidenceVoteRecord, m.ConfidenceVoteResultRecord
        votes = grouped(select(R.cadre_id, V.held_on, V.convened, V.present, R.high, R.confidence, R.low)
                        .join(V, V.id == R.vote_id).where(R.deleted.is_(False), V.deleted.is_(False)),
                        lambda r: VoteFact(r[1].year, "", r[2], r[3], r[4], r[5], r[6]))
        provinces = self._province_codes()
        out: list[PersonFacts] = []
        for r in rows:
            out.append(PersonFacts(
                cadre_id=r.id, full_name=r.full_name, sex=r.sex, birth_date=r.birth_date,
                birth_precision=r.birth_precision or "day", status=r.status, category=r.category,
                ethnicity_code=r.ethnicity_code or "", hometown_province_code=r.hometown_province_code or "",
                unit_id=r.owner_unit_id, unit_province_code=provinces.get(r.owner_unit_id, ""),
                recruitment_date=r.recruitment_date,
                title_code=r.title_code or "", position_start_date=r.position_start_date,
                term_end_date=r.term_end_date, grade_code=r.grade_code or "", salary_step=r.salary_step,
                salary_step_date=r.salary_step_date, beyond_scale_pct=r.beyond_scale_pct,
                education_level=r.education_level or "", political_theory=r.political_theory or "",
                state_mgmt=r.state_mgmt or "",
                disciplines=tuple(disc.get(r.id, ())), evaluations=tuple(evals.get(r.id, ())),
                planning=tuple(plans.get(r.id, ())), documents=tuple(docs.get(r.id, ())),
                votes=tuple(votes.get(r.id, ())), trainings=tuple(trains.get(r.id, ())),
                party_member=r.party_join_date is not None,
                photo_date=r.photo_date,
            ))
        return out
