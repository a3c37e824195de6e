"""Repositories: typed queries that hand out domain dataclasses, never ORM rows."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db import search as fts
from canbo_desktop.db.base import Base
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.access import Op, has_sensitive, mask_file
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.errors import NotFound
from canbo_desktop.domain.rules import RuleVersion
from canbo_desktop.domain.rules.eligibility import TitleInfo
from canbo_desktop.i18n import translate

T = TypeVar("T")


def to_dataclass(record: Any, cls: type[T]) -> T:
    """Copy same-named attributes from an ORM row into a dataclass."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return cls(**{n: getattr(record, n) for n in names if hasattr(record, n)})


@dataclass(frozen=True)
class OrgUnit:
    id: str
    code: str
    name: str
    kind: str
    parent_id: str | None
    path: str
    depth: int
    place_name: str
    doc_symbol: str
    valid_from: date | None
    valid_to: date | None


class OrgUnitRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def get(self, unit_id: str) -> OrgUnit:
        rec = self.s.get(m.OrgUnitRecord, unit_id)
        if rec is None:
            raise NotFound(translate("db.repositories", "Unit “{unit_id}” not found.").format(unit_id=unit_id))
        return to_dataclass(rec, OrgUnit)

    def by_code(self, code: str) -> OrgUnit | None:
        rec = self.s.scalars(
            select(m.OrgUnitRecord).where(m.OrgUnitRecord.code == code, m.OrgUnitRecord.deleted.is_(False))
        ).first()
        return to_dataclass(rec, OrgUnit) if rec else None

    def all(self) -> list[OrgUnit]:
        """The live units in tree order, read as plain rows (a province's 3,000 units without an ORM object each)."""
        u = m.OrgUnitRecord
        cols = [getattr(u, f.name) for f in dataclasses.fields(OrgUnit)]
        return [OrgUnit(*r) for r in self.s.execute(select(*cols).where(u.deleted.is_(False)).order_by(u.path))]

    def count(self) -> int:
        return int(self.s.scalar(select(func.count()).select_from(m.OrgUnitRecord)) or 0)


class CadreRepository:
    """Cadres as the session's principal may see them (``db/access.py``): lists, search and records are
    limited to the principal's organisation subtree (opening a record outside it raises ``AccessDenied``),
    and ``file`` masks the sensitive items for a principal without that permission."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def record(self, cadre_id: str) -> m.CadreRecord:
        rec = self.s.get(m.CadreRecord, cadre_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.repositories", "No person with the id “{cadre_id}”.").format(cadre_id=cadre_id))
        access.require_scope(self.s, Op.READ, rec.owner_unit_id)
        return rec

    def get(self, cadre_id: str) -> d.Cadre:
        return to_dataclass(self.record(cadre_id), d.Cadre)

    def file(self, cadre_id: str) -> d.CadreFile:
        """The whole record as the principal may see it: masked without the sensitive-data permission;
        with it, the view is noted in ``session.info["sensitive_views"]`` (the service audits it)."""
        f = self.full_file(cadre_id)
        if not access.may_view_sensitive(self.s):
            return mask_file(f)
        if has_sensitive(f):
            self.s.info.setdefault("sensitive_views", []).append(cadre_id)
        return f

    def full_file(self, cadre_id: str) -> d.CadreFile:
        """The whole record with every table, in the order the CV prints them (unmasked)."""
        rec = self.record(cadre_id)
        unit = self.s.get(m.OrgUnitRecord, rec.owner_unit_id)

        def rows(model: type[Any], cls: type[T], *order: Any) -> list[T]:
            q = select(model).where(model.cadre_id == cadre_id, model.deleted.is_(False)).order_by(*order)
            return [to_dataclass(r, cls) for r in self.s.scalars(q)]

        return d.CadreFile(
            cadre=to_dataclass(rec, d.Cadre),
            unit_code=unit.code if unit else "",
            unit_name=unit.name if unit else "",
            training=rows(m.TrainingRecord, d.TrainingRow, m.TrainingRecord.position, m.TrainingRecord.from_date),
            work_history=rows(m.WorkHistoryRecord, d.WorkHistoryRow, m.WorkHistoryRecord.from_date, m.WorkHistoryRecord.position),
            family=rows(m.FamilyMemberRecord, d.FamilyRow, m.FamilyMemberRecord.side, m.FamilyMemberRecord.position),
            salary=rows(m.SalaryHistoryRecord, d.SalaryRow, m.SalaryHistoryRecord.effective),
            awards=rows(m.AwardRecord, d.AwardRow, m.AwardRecord.year),
            discipline=rows(m.DisciplineRecord, d.DisciplineRow, m.DisciplineRecord.decided_on),
            positions=rows(m.PositionHistoryRecord, d.PositionRow, m.PositionHistoryRecord.start_date),
            documents=rows(m.CadreDocumentRecord, d.DocumentRow, m.CadreDocumentRecord.kind),
            decisions=rows(m.DecisionRecord, d.Decision, m.DecisionRecord.effective_date),
            evaluations=rows(m.EvaluationRecord, d.Evaluation, m.EvaluationRecord.year),
        )

    # -- lists ------------------------------------------------------------------------------------
    def _summary_select(self) -> Any:
        c, u = m.CadreRecord, m.OrgUnitRecord
        q = select(
            c.id, c.full_name, c.sex, c.birth_date, c.birth_precision, c.owner_unit_id,
            u.code, u.name, c.current_position, c.status, c.id_number,
        ).join(u, u.id == c.owner_unit_id)
        return q

    @staticmethod
    def _summaries(rows: Sequence[Any]) -> list[d.CadreSummary]:
        return [d.CadreSummary(*r) for r in rows]

    def _apply_filter(self, q: Select[Any], f: ListFilter) -> Select[Any]:
        c, u = m.CadreRecord, m.OrgUnitRecord
        q = q.where(c.deleted.is_(False))
        scope = access.scope_path(self.s)
        if scope:
            q = q.where(u.path.startswith(scope, autoescape=True))
        if not f.include_trash:
            q = q.where(c.trashed_at.is_(None))
        if f.unit_path:
            q = q.where(u.path.startswith(f.unit_path, autoescape=True))
        if f.status:
            q = q.where(c.status == f.status)
        if f.sex:
            q = q.where(c.sex == f.sex)
        earliest, latest = f.birth_range()
        if earliest is not None:
            q = q.where(c.birth_date > earliest)
        if latest is not None:
            q = q.where(c.birth_date <= latest)
        if f.education_level:
            q = q.where(c.education_level == f.education_level)
        if f.party_member is not None:
            q = q.where(c.party_join_date.is_not(None) if f.party_member else c.party_join_date.is_(None))
        if f.in_planning is not None:
            planned = select(m.PlanningEntryRecord.cadre_id).where(
                m.PlanningEntryRecord.removed_on.is_(None), m.PlanningEntryRecord.deleted.is_(False))
            q = q.where(c.id.in_(planned) if f.in_planning else c.id.not_in(planned))
        return q

    def filter_sql(self, f: ListFilter) -> tuple[str, dict[str, object]]:
        """The same filter as SQL on ``c`` (the cadre), for the full-text search query."""
        ids = self._apply_filter(select(m.CadreRecord.id).join(
            m.OrgUnitRecord, m.OrgUnitRecord.id == m.CadreRecord.owner_unit_id), f)
        # Named parameters (":x"), whatever the driver's own style, so the text can be embedded in text().
        named = type(self.s.get_bind().dialect)(paramstyle="named")  # type: ignore[call-arg]
        compiled = ids.compile(dialect=named, compile_kwargs={"render_postcompile": True})
        return f"c.id IN ({compiled})", dict(compiled.params)

    def list_page(self, f: ListFilter, *, offset: int, limit: int, after: int | None = None) -> list[d.CadreSummary]:
        """A page of the list in name order. ``after`` (the ``list_position`` of the previous page's last
        row) seeks straight to the page instead of skipping ``offset`` rows: scrolling to the end of
        100,000 rows reads each row once, not the rows before it again on every page.

        On SQLite, ``search_rowid`` is set exactly for live, untrashed cadres and increases in name order
        (db/search.py): the list walks that index, whatever the principal's scope and the filters (a
        filter or a scope only skips rows of the walk), and each row carries its position. Elsewhere
        (PostgreSQL, or the trash, whose rows are out of the index) it is ``ORDER BY`` the sort key with
        ``OFFSET``.
        """
        c = m.CadreRecord
        if self.s.get_bind().dialect.name == "sqlite" and not f.include_trash:
            plain = f == ListFilter() and not access.scope_path(self.s)
            if plain and after is None and offset:
                # A page deep in the whole list without its position: the ids come off the index alone
                # (skipping rows there reads no table row), then the page's rows by id.
                keyed = self.s.execute(select(c.id).where(c.search_rowid.is_not(None))
                                       .order_by(c.search_rowid).offset(offset).limit(limit)).scalars().all()
                page = self._summary_select().add_columns(c.search_rowid).where(c.id.in_(keyed))
                by_id = {r[0]: r for r in self.s.execute(page).all()}
                return [d.CadreSummary(*by_id[i]) for i in keyed if i in by_id]
            q = self._summary_select().add_columns(c.search_rowid).where(c.search_rowid.is_not(None))
            if not plain:
                q = self._apply_filter(q, f)
            q = q.where(c.search_rowid > after) if after is not None else q.offset(offset)
            return self._summaries(self.s.execute(q.order_by(c.search_rowid).limit(limit)).all())
        q = self._apply_filter(self._summary_select(), f).order_by(c.name_sort_key, c.id)
        return self._summaries(self.s.execute(q.offset(offset).limit(limit)).all())

    def count(self, f: ListFilter) -> int:
        c, u = m.CadreRecord, m.OrgUnitRecord
        q = select(func.count()).select_from(c).join(u, u.id == c.owner_unit_id)
        return int(self.s.scalar(self._apply_filter(q, f)) or 0)

    def search(self, typed: str, *, limit: int = 50, offset: int = 0, f: ListFilter | None = None) -> list[d.CadreSummary]:
        """The folding search, best matches first (see ``db/search.py``), within the list's filters."""
        unfiltered = (f is None or f == ListFilter()) and not access.scope_path(self.s)
        where, params = ("", {}) if unfiltered else self.filter_sql(f or ListFilter())
        ids = fts.search_ids(self.s.connection(), typed, limit=limit, offset=offset, extra_where=where, params=params)
        if not ids:
            return []
        q = self._summary_select().where(m.CadreRecord.id.in_(ids))
        by_id = {r[0]: r for r in self.s.execute(q).all()}
        return self._summaries([by_id[i] for i in ids if i in by_id])

    def find_by_id_number(self, id_number: str, *, exclude_id: str | None = None) -> list[d.CadreSummary]:
        q = self._summary_select().where(m.CadreRecord.id_number == id_number, m.CadreRecord.deleted.is_(False))
        if exclude_id:
            q = q.where(m.CadreRecord.id != exclude_id)
        return self._summaries(self.s.execute(q).all())


class StatsRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def table_counts(self) -> dict[str, int]:
        """Row counts of every table of the model (live rows only where there is a tombstone)."""
        out: dict[str, int] = {}
        for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
            q = select(func.count()).select_from(table)
            if "deleted" in table.c:
                q = q.where(table.c.deleted.is_(False))
            out[table.name] = int(self.s.scalar(q) or 0)
        return out

    def integrity(self) -> dict[str, Any]:
        """SQLite integrity and foreign-key check (PostgreSQL enforces both itself)."""
        conn = self.s.connection()
        if conn.dialect.name != "sqlite":
            return {"integrity": "ok", "foreign_key_violations": 0}
        integrity = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        fk = conn.execute(text("PRAGMA foreign_key_check")).all()
        fts_ok = True
        try:
            conn.execute(text(f"INSERT INTO {fts.FTS_TABLE}({fts.FTS_TABLE}) VALUES('integrity-check')"))
            indexed = conn.execute(text(f"SELECT count(*) FROM {fts.FTS_TABLE}")).scalar()
            searchable = conn.execute(text("SELECT count(*) FROM cadre WHERE search_rowid IS NOT NULL")).scalar()
            fts_ok = indexed == searchable
        except Exception:
            fts_ok = False
        return {
            "integrity": "ok" if integrity == ["ok"] else "; ".join(integrity[:20]),
            "foreign_key_violations": len(fk),
            "search_index": "ok" if fts_ok else "hỏng",
        }


class RuleSetRepository:
    """The admin's edits of the rules (the shipped defaults live in resources/rules)."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def versions(self) -> list[RuleVersion]:
        r = m.RuleSetRecord
        rows = self.s.scalars(select(r).where(r.deleted.is_(False)).order_by(r.updated_at, r.id))
        return [
            RuleVersion(key=x.rule_key, valid_from=x.valid_from, valid_to=x.valid_to, params=dict(x.params),
                        legal_source=x.legal_source, note=x.note, id=x.id)
            for x in rows
        ]

    def add(self, v: RuleVersion) -> str:
        rec = m.RuleSetRecord(rule_key=v.key, valid_from=v.valid_from, valid_to=v.valid_to,
                              legal_source=v.legal_source, params=dict(v.params), note=v.note)
        self.s.add(rec)
        self.s.flush()
        return rec.id

    def withdraw(self, version_id: str) -> None:
        rec = self.s.get(m.RuleSetRecord, version_id)
        if rec is None or rec.deleted:
            raise NotFound(translate("db.repositories", "This version of the rule was not found."))
        rec.deleted = True


class ReferenceRepository:
    """Titles and code-list ranks as the rule engines need them."""

    def __init__(self, session: Session) -> None:
        self.s = session

    def titles(self) -> dict[str, TitleInfo]:
        return {
            t.code: TitleInfo(code=t.code, name=t.name, rank=t.rank, is_leader=t.is_leader, key_leader=t.key_leader,
                              level=t.level, standards={str(k): (None if v is None else str(v))
                                                        for k, v in (t.standards or {}).items()})
            for t in self.s.scalars(select(m.TitleRecord).where(m.TitleRecord.deleted.is_(False)))
        }

    def ranks_and_names(self) -> tuple[dict[str, dict[str, int]], dict[str, str]]:
        """(list → code → rank, code → name) over every code list."""
        ranks: dict[str, dict[str, int]] = {}
        names: dict[str, str] = {}
        for r in self.s.scalars(select(m.CodeItemRecord).where(m.CodeItemRecord.deleted.is_(False))):
            ranks.setdefault(r.list_key, {})[r.code] = r.rank
            names.setdefault(r.code, r.name)
        return ranks, names


class ProcedureRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def open_for(self, cadre_id: str, title_code: str) -> m.AppointmentProcedureRecord | None:
        """The person's procedure for that title that is neither done nor cancelled (the latest)."""
        P = m.AppointmentProcedureRecord
        return self.s.scalars(select(P).where(
            P.cadre_id == cadre_id, P.title_code == title_code, P.deleted.is_(False),
            P.status.not_in(("done", "cancelled"))).order_by(P.updated_at.desc())).first()

    def set_override(self, cadre_id: str, title_code: str, unit_id: str, entry: dict[str, Any]) -> str:
        """Keep ``entry`` (one overridden rule) on the open procedure, replacing an earlier one for the same
        rule; a draft procedure is started when there is none. Returns the procedure's id."""
        proc = self.open_for(cadre_id, title_code)
        if proc is None:
            proc = m.AppointmentProcedureRecord(cadre_id=cadre_id, title_code=title_code, unit_id=unit_id,
                                                status="draft", overrides=[])
            self.s.add(proc)
        proc.overrides = [o for o in proc.overrides if o.get("rule") != entry["rule"]] + [entry]
        self.s.flush()
        return proc.id
