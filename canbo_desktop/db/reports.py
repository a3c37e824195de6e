"""Reports in SQL: the targets' filter language compiled to SQL, counted per unit with GROUP BY, and the
state of every person rebuilt at a past date from the history.

The Python evaluator (``domain/rules/targets.py``) stays the reference: :func:`filter_sql` follows
:func:`~canbo_desktop.domain.rules.targets.compile_filter` operator by operator, and SQL's NULL logic is the
same three-valued (Kleene) logic: a missing fact is NULL, ``AND``/``OR``/``NOT`` propagate it as the Python
``None`` does. A property test checks that both give the same counts on random populations.

**As of a date** (:func:`person_source` with ``as_of=True``), each person's state on day D is rebuilt:

* unit, title (hence leader / key leader), status and grade: from the career decisions (``decision``,
  active, not deleted). A field that a decision effective after D changed takes the value set by the last
  decision effective on or before D; without one, the value the first later decision replaced
  (``previous``); without that, no title (before a first appointment) or the current value. A field no
  decision changed after D keeps its current value;
* in service: recruited (``recruitment_date``) and entered (first recruitment / transfer-in decision) on
  or before D; status among the active ones on D (as above);
* qualifications (professional level, political theory, state management): lowered to the best level of
  the training lines of that kind ended by D, when the current level is attested only by a line ended
  after D (a level with no dated training line is taken as held already);
* age on D from the birth date; party member if admitted on or before D; trainings ended by D.

Not rebuilt (current values are used): category, ethnicity, religion, hometown, a change made by editing
the record without a decision (e.g. a status set by hand, a retirement without its decision), a unit
renamed or moved in the tree, training or party dates corrected later. Training dates are read in their
stored ISO forms ("1998", "1998-09", "1998-09-15"); other text counts as undated.

**Counting** (:meth:`ReportsRepository.target_counts`): the people are read once; per person each distinct
denominator is evaluated once and each numerator only for its members, packed into one integer per person;
the database lists these per unit (one ``group_concat``) and they are counted here, each distinct code decoded
once; the roll-up over the tree is done by the caller (``domain/reports.py``). The people are read from the
covering index ``ix_cadre_report`` (every column the reports read, status first), grouped by status and unit
in its order, so the GROUP BY streams instead of sorting 100,000 people; on a past date the people no decision
changed since are counted that way too, and the few rebuilt ones apart (``PersonSource.parts``). On the
100,000-cadre province the dashboard's count went from ~1.3 billion instructions (two sorted GROUP BYs) to
~0.63 billion. The SQL is portable: SQLite and PostgreSQL give the same figures (tested).
"""

from __future__ import annotations

import calendar
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Integer,
    SQLColumnExpression,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    not_,
    null,
    or_,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter, Case, False_, Null, True_, TypeCoerce

from canbo_desktop.db import count_cache
from canbo_desktop.db import models as m
from canbo_desktop.db.facts import ACTIVE_STATUSES
from canbo_desktop.domain import reports as r
from canbo_desktop.domain.cadre import CadreSummary
from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import NotFound, ValidationError
from canbo_desktop.domain.rules.eligibility import TitleInfo

# The filter language's own definitions, so that both evaluators read it the same way.
from canbo_desktop.domain.rules.targets import (
    _BOOL_FIELDS,
    _RANKED_FIELDS,
    _TEXT_FIELDS,
    FilterContext,
    _age_cutoff,
    _whole,
    compile_filter,
)
from canbo_desktop.i18n import translate

Expr = SQLColumnExpression[Any]
# Decisions that bring a person into the organisation: nobody is counted before the first of them.
ENTRY_KINDS = ("tuyen_dung", "tiep_nhan")
# Fields the decisions change that the reports read.
DECISION_FIELDS = ("owner_unit_id", "title_code", "status", "grade_code")
# Training kind → the qualification field its level code belongs to (training_kind.extra.level_list).
QUALIFICATION_KINDS = {"chuyen_mon": "education_level", "ly_luan_chinh_tri": "political_theory",
                       "quan_ly_nha_nuoc": "state_mgmt"}


# ---------------------------------------------------------------------------------------------- people


@dataclass
class PersonSource:
    """Where the people of a report come from and what each of their facts is, as SQL expressions: the
    current record, or the record as it stood on ``at`` (``as_of``). ``froms`` joined, ``where`` the live,
    in-service people of the subtree."""

    at: date
    as_of: bool
    froms: Any
    where: list[Expr]
    cols: dict[str, Expr]
    statuses: frozenset[str] = frozenset()  # the status of every person of the source is one of these
    # unit and status are the columns ``owner_unit_id`` and ``status`` (not rebuilt): grouping by them follows
    # the covering index ``ix_cadre_report``, no sort
    index_order: bool = False
    # the same people as disjoint sources that count faster one after the other (a past date: the people no
    # decision changed since, in index order, and the few rebuilt); () when the source is counted whole
    parts: tuple[PersonSource, ...] = ()
    # set on a part of the statistics (``everyone``) counted fast: its qualification columns in ``cols`` are
    # the CURRENT ones; the query lists the people of the part with a levelled training line ended after
    # ``at``: unit id, then per field of :data:`QUALIFICATION_KINDS` its value now, the best rank of its
    # lines and of those ended by ``at`` (:func:`_qualification_state`), with the code lists' ranks; the
    # counts of the part are corrected with it (:meth:`ReportsRepository.stat_counts`, the rule of
    # :func:`_qualification_joined`). None: ``cols`` are as on ``at``.
    requalified: tuple[Any, Mapping[str, Mapping[str, int]]] | None = None

    def __getitem__(self, name: str) -> Expr:
        return self.cols[name]


def _partial_ended_by(col: Expr, on: date) -> Expr:
    """``col`` (an ISO partial date "1998" / "1998-09" / "1998-09-15") ended on or before ``on``: its last
    day ≤ on, compared as text (portable: no date functions)."""
    last = calendar.monthrange(on.year, on.month)[1]
    month = on if on.day == last else on.replace(day=1) - timedelta(days=1)
    year = on.year if (on.month, on.day) == (12, 31) else on.year - 1
    n = func.length(col)
    return case((n == 10, col <= on.isoformat()), (n == 7, col <= f"{month.year:04d}-{month.month:02d}"),
                (n == 4, col <= f"{year:04d}"), else_=false())


def _partial_ends_from(col: Expr, start: date) -> Expr:
    """``col``'s last day ≥ ``start``."""
    n = func.length(col)
    return case((n == 10, col >= start.isoformat()), (n == 7, col >= f"{start.year:04d}-{start.month:02d}"),
                (n == 4, col >= f"{start.year:04d}"), else_=false())


def _dated(col: Expr) -> Expr:
    return func.length(col).in_((4, 7, 10))


def _rank_case(col: Expr, ranks: Mapping[str, int]) -> Expr:
    if not ranks:
        return null()
    return case({code: rank for code, rank in ranks.items()}, value=col, else_=null())


def _code_of_rank(col: Expr, ranks: Mapping[str, int]) -> Expr:
    """The code of a rank (the first code of the list with that rank)."""
    first: dict[int, str] = {}
    for code, rank in ranks.items():
        first.setdefault(rank, code)
    if not first:
        return literal("")
    return case({rank: code for rank, code in first.items()}, value=col, else_=literal(""))


# Ordering key of a decision: its effective date (10 characters) and its id padded to the column's 36, so
# that MAX/MIN of "key || value" picks the latest/earliest decision and the value starts at a known place.
_KEY_LEN = 10 + 36


def _decision_state(at: date) -> Any:
    """Per person with a decision effective after ``at``, one pass over their decisions: for each field of
    :data:`DECISION_FIELDS`, ``<f>_before`` = key‖value set by the last decision effective on or before
    ``at``, ``<f>_after`` = key‖("=" previous value, or "!" when not recorded) of the first decision after
    ``at`` that changed it; and the first entry date (recruitment or transfer in)."""
    D = m.DecisionRecord
    later = _later_decisions(at)
    key = cast(D.effective_date, String) + func.substr(D.id + " " * 36, 1, 36)
    out: list[Any] = [D.cadre_id]
    after = D.effective_date > at
    for f in DECISION_FIELDS:
        # records.py writes {"cadre": {field: value}}; bulk-loaded history may write {field: value}
        set_to = func.coalesce(D.changes[("cadre", f)].as_string(), D.changes[f].as_string())
        replaced = func.coalesce(D.previous[("cadre", f)].as_string(), D.previous[f].as_string())
        out.append(func.max(case((and_(~after, set_to.is_not(None)), key + set_to))).label(f"{f}_before"))
        out.append(func.min(case((and_(after, set_to.is_not(None)),
                                  key + func.coalesce(literal("=") + replaced, "!")))).label(f"{f}_after"))
    out.append(func.min(case((D.kind.in_(ENTRY_KINDS), D.effective_date))).label("entry"))
    q = (select(*out).where(D.status == "active", D.deleted.is_(False), D.cadre_id.in_(later))
         .group_by(D.cadre_id))
    return q.subquery("state")


def _decided(s: Any, f: str, current: Expr, fallback: Expr) -> Expr:
    """A field on the report's date: unchanged since (no later decision) → the current value; else the value
    set by the last decision by then; else what the first later decision replaced; else ``fallback``."""
    before, after = s.c[f"{f}_before"], s.c[f"{f}_after"]
    return case((after.is_(None), current), (before.is_not(None), func.substr(before, _KEY_LEN + 1)),
                (func.substr(after, _KEY_LEN + 1, 1) == "=", func.substr(after, _KEY_LEN + 2)), else_=fallback)


def _qualification_at(fld: str, kind: str, at: date, ranks: Mapping[str, int]) -> Expr:
    """The level of ``fld`` (professional level, political theory, state management) on ``at``: the current
    level, unless the only training lines of ``kind`` that attest it (a level ≥ it) ended after ``at`` —
    then the best level of the lines ended by ``at`` ("" when none). A correlated subquery, evaluated only
    where a filter reads the field (the leaders' numerators)."""
    c = m.CadreRecord
    t = aliased(m.TrainingRecord, name="q")
    current = getattr(c, fld)
    rank_t, rank_c = _rank_case(t.level_code, ranks), _rank_case(current, ranks)
    best_by = func.max(case((_partial_ended_by(t.to_date, at), rank_t)))
    lowered = and_(func.max(rank_t) >= rank_c, func.coalesce(best_by, -1) < rank_c)
    value = case((lowered, _code_of_rank(best_by, ranks)), else_=current)
    q = select(value).where(t.cadre_id == c.id, t.deleted.is_(False), t.kind == kind, t.level_code != "",
                            _dated(t.to_date))
    return q.scalar_subquery()


def _qualification_state(at: date, ranks: Mapping[str, Mapping[str, int]]) -> Any:
    """Per person with dated, levelled training lines (one grouped pass over them): for each qualification,
    the best rank of all such lines (``<f>_all``) and of those ended by ``at`` (``<f>_by``). Only the people
    with such a line ended after ``at`` are read: for the others both are the same, and the level is never
    lowered (on the province at 31/12 of last year, a few thousand people instead of 100,000)."""
    t = m.TrainingRecord
    L = aliased(m.TrainingRecord, name="later_line")  # an alias: the IN subquery must not correlate with ``t``
    levelled = (t.deleted.is_(False), t.kind.in_(tuple(QUALIFICATION_KINDS)), t.level_code != "", _dated(t.to_date))
    # a line ending after ``at`` is dated in its year or later: that text comparison first, the exact test on
    # the few lines it lets through
    later = select(L.cadre_id).where(L.to_date >= f"{at.year:04d}", L.deleted.is_(False),
                                     L.kind.in_(tuple(QUALIFICATION_KINDS)), L.level_code != "", _dated(L.to_date),
                                     not_(_partial_ended_by(L.to_date, at)))
    out: list[Any] = [t.cadre_id]
    ended = _partial_ended_by(t.to_date, at)
    for kind, fld in QUALIFICATION_KINDS.items():
        rank_t = _rank_case(t.level_code, ranks.get(fld, {}))
        out.append(func.max(case((t.kind == kind, rank_t))).label(f"{fld}_all"))
        out.append(func.max(case((and_(t.kind == kind, ended), rank_t))).label(f"{fld}_by"))
    q = select(*out).where(*levelled, t.cadre_id.in_(later)).group_by(t.cadre_id)
    return q.subquery("quals")


def _qualification_joined(q: Any, fld: str, ranks: Mapping[str, int]) -> Expr:
    """:func:`_qualification_at` from the joined :func:`_qualification_state` (for reports that read the
    qualifications of everyone: one pass over the training lines instead of a look-up per person)."""
    c = m.CadreRecord
    current = getattr(c, fld)
    rank_c = _rank_case(current, ranks)
    lowered = and_(q.c[f"{fld}_all"] >= rank_c, func.coalesce(q.c[f"{fld}_by"], -1) < rank_c)
    # most people have no line ended after the date (no row in ``q``): their level, without the rank look-ups
    return case((q.c.cadre_id.is_(None), current), (lowered, _code_of_rank(q.c[f"{fld}_by"], ranks)), else_=current)


def _in_subtree(unit_id: Expr, path: str) -> Expr:
    """``unit_id`` is a unit of the subtree at ``path`` (a semi-join: the unit ids are read once)."""
    o = aliased(m.OrgUnitRecord, name="sub")
    return unit_id.in_(select(o.id).where(o.path.startswith(path, autoescape=True)))


def person_source(at: date, *, as_of: bool, ranks: Mapping[str, Mapping[str, int]], root_path: str | None,
                  statuses: Sequence[str] = ACTIVE_STATUSES, everyone: bool = False) -> PersonSource:
    """The live people of the subtree at ``root_path`` (all when None) whose status is one of ``statuses``:
    as their record stands now, or (``as_of``) as it stood on ``at``. The unit is not joined (a join per
    person costs more than the rest of the count): the subtree is a semi-join on the unit ids.

    ``everyone``: the report reads the qualifications of every person (statistics); on a past date they
    then come from one grouped pass over the training lines, not from a look-up per person (which suits
    the targets, where only the leaders' qualifications are read)."""
    if not as_of:
        return _source(at, "current", ranks, root_path, statuses, everyone)
    whole = _source(at, "whole", ranks, root_path, statuses, everyone)
    whole.parts = (_source(at, "unchanged", ranks, root_path, statuses, everyone),
                   _source(at, "changed", ranks, root_path, statuses, everyone))
    return whole


def _later_decisions(at: date) -> Any:
    """The people with an active decision effective after ``at`` (an alias: the IN subquery must not
    correlate with the decisions of the outer query)."""
    L = aliased(m.DecisionRecord, name="later")
    return select(L.cadre_id).where(L.status == "active", L.deleted.is_(False), L.effective_date > at)


def _source(at: date, kind: str, ranks: Mapping[str, Mapping[str, int]], root_path: str | None,
            statuses: Sequence[str], everyone: bool) -> PersonSource:
    """:func:`person_source` of one ``kind``: "current" (the records as they are), "whole" (everyone as on
    ``at``), or its two disjoint parts: "unchanged" (no decision effective after ``at``: unit, status, title
    and grade are the current ones; party, qualifications and entry are still taken on ``at``) and
    "changed" (the others, rebuilt from their decisions)."""
    c = m.CadreRecord
    where: list[Expr] = [c.deleted.is_(False), c.trashed_at.is_(None)]
    cols: dict[str, Expr] = {
        "id": c.id, "sex": c.sex, "birth_date": c.birth_date,
        "birth_precision": func.coalesce(func.nullif(c.birth_precision, ""), "day"),
        "category": c.category, "ethnicity_code": c.ethnicity_code, "religion_code": c.religion_code,
        "hometown_province_code": c.hometown_province_code,
    }
    lowered: tuple[Any, list[Expr]] | None = None
    plain = {  # NOT NULL columns: read as they are
        "unit_id": c.owner_unit_id, "status": c.status, "title_code": c.title_code, "grade_code": c.grade_code,
    }
    if kind == "current":
        froms: Any = c.__table__
        cols.update(plain)
        cols.update({
            "education_level": c.education_level, "political_theory": c.political_theory, "state_mgmt": c.state_mgmt,
            "party": type_coerce(c.party_join_date.is_not(None), Boolean),
        })
    else:
        if kind == "unchanged":
            froms = c.__table__
            cols.update(plain)
            # no decision after ``at``: the entry decision, if any, is on or before it
            where.append(c.id.not_in(_later_decisions(at)))
        else:
            s = _decision_state(at)
            froms = (c.__table__.join(s, s.c.cadre_id == c.id) if kind == "changed"
                     else c.__table__.outerjoin(s, s.c.cadre_id == c.id))
            cols.update({
                "unit_id": _decided(s, "owner_unit_id", c.owner_unit_id, c.owner_unit_id),
                "status": _decided(s, "status", c.status, c.status),
                "title_code": _decided(s, "title_code", c.title_code, literal("")),  # no post before a first appointment
                "grade_code": _decided(s, "grade_code", c.grade_code, c.grade_code),
            })
            where.append(or_(s.c.entry.is_(None), s.c.entry <= at))
        # the few people rebuilt ("changed") look their qualifications up one by one
        quals = _qualification_state(at, ranks) if everyone and kind != "changed" else None
        cols["party"] = type_coerce(case((c.party_join_date <= at, true()), else_=false()), Boolean)
        where.insert(2, or_(c.recruitment_date.is_(None), c.recruitment_date <= at))
        if quals is not None and kind == "unchanged":
            # the statistics of the people no decision changed: counted with their current levels (no join
            # of 100,000 people with the grouped training lines), then corrected for the people whose level
            # on ``at`` was lower (those with a line ended after it: the grouped lines first, each person
            # then found by id)
            read: list[Expr] = []
            for fld in QUALIFICATION_KINDS.values():
                cols[fld] = getattr(c, fld)
                read += [cols[fld], quals.c[f"{fld}_all"], quals.c[f"{fld}_by"]]
            lowered = (quals.join(c.__table__, quals.c.cadre_id == c.id), read)
        elif quals is not None:
            froms = froms.outerjoin(quals, quals.c.cadre_id == c.id)
        for q_kind, fld in QUALIFICATION_KINDS.items():
            if fld not in cols:
                cols[fld] = (_qualification_at(fld, q_kind, at, ranks.get(fld, {})) if quals is None
                             else _qualification_joined(quals, fld, ranks.get(fld, {})))
    if statuses:
        where.append(cols["status"].in_(tuple(statuses)))
    if root_path:
        where.append(_in_subtree(cols["unit_id"], root_path))
    requalified = None
    if lowered is not None:
        joined, read = lowered
        requalified = (select(cols["unit_id"], *read).select_from(joined).where(*where),
                       {fld: ranks.get(fld, {}) for fld in QUALIFICATION_KINDS.values()})
    return PersonSource(at=at, as_of=kind != "current", froms=froms, where=where, cols=cols,
                        statuses=frozenset(statuses), index_order=kind in ("current", "unchanged"),
                        requalified=requalified)


# ---------------------------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class SqlContext:
    """What a filter compiles against: the Python context (date, ranks, titles, settings) and the province
    of each unit as an SQL expression on the person's unit path."""

    ctx: FilterContext
    unit_province: Expr
    # the province expression for another unit column (the parts of a source rebuild the unit differently);
    # None: ``unit_province`` does not depend on the unit (a constant)
    province_of: Callable[[Expr], Expr] | None = None

    def for_part(self, part: PersonSource) -> SqlContext | None:
        """The context for one part of a source; None when it cannot be had (counted whole then)."""
        if self.province_of is not None:
            return SqlContext(self.ctx, self.province_of(part["unit_id"]), self.province_of)
        return self if isinstance(self.unit_province, BindParameter) else None


def filter_sql(spec: Any, sctx: SqlContext, src: PersonSource, path: str = "") -> Expr:
    """Compile a filter of the targets' language to a three-valued SQL boolean (TRUE / FALSE / NULL =
    unknown) over ``src``. The filter is first compiled by the Python evaluator, so a malformed one raises
    the same Vietnamese :class:`ValidationError`."""
    compile_filter(spec, sctx.ctx, path)
    return _sql(spec, sctx, src)


def _b(value: bool) -> Expr:
    return true() if value else false()


def _sql(spec: Mapping[str, Any], sctx: SqlContext, src: PersonSource) -> Expr:
    ctx = sctx.ctx
    if "field" in spec:
        return _field_sql(spec, sctx, src)
    if "trained" in spec:
        return _trained_sql(spec, ctx, src)
    ((op, value),) = spec.items()
    if op in ("all", "any"):
        parts = [_sql(s, sctx, src) for s in value]
        # Kleene logic: FALSE decides an "all" and TRUE an "any" whatever the rest (even unknown); the other
        # constant changes nothing (e.g. the denominators' "active status", TRUE for every person counted)
        decisive, neutral = (False_, True_) if op == "all" else (True_, False_)
        if any(isinstance(p, decisive) for p in parts):
            return _b(op == "any")
        parts = [p for p in parts if not isinstance(p, neutral)]
        if not parts:
            return _b(op == "all")
        if len(parts) == 1:
            return parts[0]
        return and_(*parts) if op == "all" else or_(*parts)
    if op == "not":
        return not_(_sql(value, sctx, src))
    if op in ("age_lt", "age_gte"):
        cutoff = _age_cutoff(ctx.on, _whole(value, ctx, op))
        birth = src["birth_date"]
        return birth <= cutoff if op == "age_gte" else birth > cutoff
    if op in ("leader", "key_leader", "title_level_in"):
        if op == "title_level_in":
            levels = frozenset(value)
            flags = {code: t.level in levels for code, t in ctx.titles.items()}
            want = True
        else:
            want = bool(value)
            flags = {code: (t.is_leader if op == "leader" else t.key_leader) for code, t in ctx.titles.items()}
        return _title_sql(src["title_code"], flags, want)
    # non_local
    want = bool(value)
    home, prov = src["hometown_province_code"], sctx.unit_province
    return type_coerce(case((or_(home == "", prov == ""), null()), (home != prov, _b(want)), else_=_b(not want)),
                       Boolean)


def _title_sql(title: Expr, flags: Mapping[str, bool], want: bool) -> Expr:
    yes = sorted(code for code, f in flags.items() if f is want)
    no = sorted(code for code, f in flags.items() if f is not want)
    whens: list[tuple[Expr, Expr]] = [(title == "", _b(not want))]
    # an empty IN list would be rendered as a subquery evaluated for every row: leave the branch out
    if yes:
        whens.append((title.in_(yes), true()))
    if no:
        whens.append((title.in_(no), false()))
    return type_coerce(case(*whens, else_=null()), Boolean)


def _field_sql(spec: Mapping[str, Any], sctx: SqlContext, src: PersonSource) -> Expr:
    ctx = sctx.ctx
    name = spec["field"]
    (op,) = [k for k in spec if k != "field"]
    value = spec[op]
    if name in _BOOL_FIELDS:
        want = bool(value) is (op == "eq")
        if name == "party_member":
            return src["party"] if want else not_(src["party"])
        return _b(not want)  # last_raise_early: never set in the facts the Python evaluator reads
    if name == "status" and src.statuses:
        known = _status_known(op, value, src.statuses)
        if known is not None:
            return _b(known)
    special = {"cadre_id": src["id"], "unit_id": src["unit_id"], "unit_province_code": sctx.unit_province}
    col = special[name] if name in special else src[name]
    empty_unknown = _TEXT_FIELDS[name]  # an empty value is "not recorded": the comparison is unknown
    if op in ("rank_gte", "rank_lte"):
        ranks = dict(ctx.ranks.get(_RANKED_FIELDS[name]) or {})
        bound = ranks.get(value, 0)
        ok = sorted(code for code, rk in ranks.items() if (rk >= bound if op == "rank_gte" else rk <= bound))
        bad = sorted(code for code in ranks if code not in ok)
        whens = ([(col.in_(ok), true())] if ok else []) + ([(col.in_(bad), false())] if bad else [])
        return type_coerce(case(*whens, else_=null()), Boolean) if whens else type_coerce(null(), Boolean)
    values = sorted(value) if op in ("in", "not_in") else [value]
    test: Expr
    if not values:
        test = _b(op == "not_in")  # x IN () is false, x NOT IN () true, for any recorded x
    elif op in ("eq", "ne"):
        test = col == value if op == "eq" else col != value
    else:
        test = col.in_(values) if op == "in" else col.not_in(values)
    if not empty_unknown:
        return test
    return type_coerce(case((col == "", null()), else_=test), Boolean)


def _status_known(op: str, value: Any, domain: frozenset[str]) -> bool | None:
    """The value of a filter on ``status`` when every person's status is in ``domain`` (the people of a
    report are the active ones): the shipped denominators' "status in active statuses" is TRUE for all,
    and need not be evaluated for each person. None when it depends on the person."""
    if op in ("eq", "ne"):
        same = {value} >= domain  # everyone has exactly this status
        none = value not in domain
        if same or none:
            return same if op == "eq" else not same
        return None
    if op in ("in", "not_in"):
        listed = frozenset(value)
        if domain <= listed:
            return op == "in"
        if not (domain & listed):
            return op == "not_in"
    return None


def _trained_sql(spec: Mapping[str, Any], ctx: FilterContext, src: PersonSource) -> Expr:
    """A training of the kind ended within the window: TRUE; else an undated one: TRUE without a window,
    unknown with one; else FALSE. One look-up of the person's lines of that kind: 2 for a dated line in
    the window, 1 for an undated line (the largest wins)."""
    t = aliased(m.TrainingRecord, name="tr")
    kind = spec["trained"]
    on = ctx.on
    within = spec.get("within_months")
    start = add_months(on, -_whole(within, ctx, "within_months")) if within is not None else None
    window = _partial_ended_by(t.to_date, on)
    if start is not None:
        window = and_(window, _partial_ends_from(t.to_date, start))
    state = func.max(case((not_(_dated(t.to_date)), 1), (window, 2), else_=0))
    found = select(state).where(t.cadre_id == src["id"], t.deleted.is_(False), t.kind == kind,
                                not_(and_(t.course_id.is_not(None), t.to_date == ""))).scalar_subquery()
    undated = true() if start is None else null()
    return type_coerce(case({2: true(), 1: undated}, value=found, else_=false()), Boolean)


def _tri(expr: Expr) -> Expr:
    """A three-valued boolean as 1 (true), 0 (false) or 2 (unknown), evaluating it once."""
    return func.coalesce(cast(expr, Integer), 2)


def _branch(expr: Expr, if_true: Any, if_false: Any, if_unknown: Any) -> Expr:
    """``if_true`` / ``if_false`` / ``if_unknown`` after the three-valued boolean ``expr``, evaluating it
    once. The filters' CASEs whose outcomes are TRUE / FALSE / NULL (titles, ranked levels, "not recorded")
    get those values in their own branches instead of being cast, defaulted and compared again per person
    (on the province's dashboard about a fifth of the per-person work)."""
    if isinstance(expr, True_):
        return literal(if_true) if isinstance(if_true, int) else if_true
    if isinstance(expr, False_):
        return literal(if_false) if isinstance(if_false, int) else if_false
    if isinstance(expr, Null):
        return literal(if_unknown) if isinstance(if_unknown, int) else if_unknown
    if isinstance(expr, TypeCoerce) and isinstance(expr.clause, Case) and expr.clause.value is None:
        whens = expr.clause.whens
        outcomes = [v for _c, v in whens] + [expr.clause.else_ if expr.clause.else_ is not None else null()]
        # the value of a TRUE branch is written once per branch: only where there is one
        if sum(1 for v in outcomes if not isinstance(v, (False_, Null))) <= 1:
            return case(*[(cond, _branch(v, if_true, if_false, if_unknown)) for cond, v in whens],
                        else_=_branch(outcomes[-1], if_true, if_false, if_unknown))
    if (if_true, if_false, if_unknown) == (1, 0, 2):
        return _tri(expr)
    return case({1: if_true, 0: if_false}, value=_tri(expr), else_=if_unknown)


# Counters packed into one SUM in the statistics, (bits each, counters per SUM), narrowest first: the
# narrow ones are used while no unit has as many people as a counter can hold (a group's count() tells:
# every counter is at most its group's number of people), else the count is made again with the next.
# Both stay within 63 bits.
_WIDTHS = ((12, 5), (21, 3))

# Long code lists counted as their usual code plus the rare codes listed per unit (see stat_counts).
_MAJOR_CODES = {"ethnicity": "01", "religion": r.NO_RELIGION}
_SEP = "\x1f"  # between the listed codes (a control character no code contains)

# Numerators packed in one integer per person and denominator: 12 base-3 digits stay well inside a
# 32-bit integer on every database.
_DIGITS = 12
# Per-person numbers packed into one integer stay below 2**62 (a 64-bit integer everywhere); more of them
# (a rule with very many denominators) make several integers joined as text.
_PACK_LIMIT = 1 << 62
_CODE_SEP = ","


def _packed_codes(columns: Sequence[tuple[Expr, int]]) -> tuple[Expr, list[list[int]]]:
    """One expression per person holding every ``(number, range)`` of ``columns`` (mixed radix, the first
    column lowest), and the ranges of each packed integer. Usually one integer; when the product of the
    ranges passes :data:`_PACK_LIMIT`, several integers joined by ":" (text)."""
    groups: list[list[tuple[Expr, int]]] = [[]]
    size = 1
    for col, span in columns:
        if groups[-1] and size * span >= _PACK_LIMIT:
            groups.append([])
            size = 1
        groups[-1].append((col, span))
        size *= span
    exprs: list[Expr] = []
    for group in groups:
        packed: Any = None
        weight = 1
        for col, span in group:
            term = col if weight == 1 else col * weight
            packed = term if packed is None else packed + term
            weight *= span
        exprs.append(packed)
    ranges = [[span for _c, span in group] for group in groups]
    if len(exprs) == 1:
        return exprs[0], ranges
    text: Any = cast(exprs[0], String)
    for e in exprs[1:]:
        text = text + ":" + cast(e, String)
    return text, ranges


def _decode_code(value: str, ranges: Sequence[Sequence[int]], chunks: Sequence[Sequence[int]]) -> list[int]:
    """The positions of the flat counts (numerator, denominator, unknown, excluded per indicator) that one
    person with the packed ``value`` adds 1 to (the inverse of :func:`_packed_codes`)."""
    positions: list[int] = []
    numbers: list[int] = []
    for part, spans in zip(value.split(":"), ranges, strict=True):
        x = int(part)
        for span in spans:
            x, v = divmod(x, span)
            numbers.append(v)
    for v, chunk in zip(numbers, chunks, strict=True):
        if v == 0:  # the denominator is unknown: excluded from each indicator of the chunk
            positions += [4 * j + 3 for j in chunk]
        elif v >= 2:  # a member: in the denominator; each numerator met (1) or unknown (2)
            digits = v - 2
            for j in chunk:
                digits, state = divmod(digits, 3)
                positions.append(4 * j + 1)
                if state == 1:
                    positions.append(4 * j)
                elif state == 2:
                    positions.append(4 * j + 2)
    return positions


# ---------------------------------------------------------------------------------------------- repository


@dataclass(frozen=True)
class CompiledIndicator:
    code: str
    den_key: str
    denominator: Any  # the filter specs
    numerator: Any


class ReportsRepository:
    """Counts for the reports, grouped by unit in the database."""

    def __init__(self, session: Session) -> None:
        self.s = session

    # -- reference data ---------------------------------------------------------------------------
    @staticmethod
    def _unit_columns() -> Any:
        o = m.OrgUnitRecord
        return select(o.id, o.code, o.name, o.parent_id, o.path, o.depth, o.sort_order, o.geo_code)

    def units(self, root_path: str | None = None) -> list[r.UnitNode]:
        """The live units (of the subtree at ``root_path``), parents before their children."""
        o = m.OrgUnitRecord
        q = self._unit_columns().where(o.deleted.is_(False))
        if root_path:
            q = q.where(o.path.startswith(root_path, autoescape=True))
        return [r.UnitNode(*row) for row in self.s.execute(q.order_by(o.path)).all()]

    def unit(self, *, unit_id: str | None = None, code: str | None = None) -> r.UnitNode:
        o = m.OrgUnitRecord
        q = self._unit_columns().where(o.deleted.is_(False))
        q = q.where(o.id == unit_id) if unit_id else q.where(o.code == code)
        row = self.s.execute(q.limit(1)).first()
        if row is None:
            raise NotFound(translate("db.reports", "Unit «{unit}» not found.").format(unit=code or unit_id))
        return r.UnitNode(*row)

    def office_unit_id(self) -> str | None:
        """This installation's unit (the office), or the single root of the tree."""
        uid = self.s.scalars(select(m.LocalNodeRecord.unit_id).limit(1)).first()
        if uid:
            return uid
        o = m.OrgUnitRecord
        roots = self.s.scalars(select(o.id).where(o.parent_id.is_(None), o.deleted.is_(False)).limit(2)).all()
        return roots[0] if len(roots) == 1 else None

    def user_can_view_sensitive(self, username: str) -> bool:
        u = m.UserRecord
        flag = self.s.scalar(select(u.can_view_sensitive).where(u.username == username, u.active.is_(True)).limit(1))
        return bool(flag)

    def covers_everything(self, root: r.UnitNode) -> bool:
        """Whether every unit of the database is in ``root``'s subtree (then no subtree filter is needed)."""
        o = m.OrgUnitRecord
        outside = select(o.id).where(~o.path.startswith(root.path, autoescape=True)).limit(1)
        return self.s.execute(outside).first() is None

    def settings(self) -> dict[str, Any]:
        return {row.key: row.value for row in self.s.scalars(select(m.SettingRecord))}

    def code_labels(self) -> r.CodeLabels:
        """Names of the codes of every breakdown, in display order (levels highest first)."""
        ci = m.CodeItemRecord
        lists = {"ethnicity": ("ethnicity", False), "religion": ("religion", False),
                 "category": ("cadre_category", False), "education": ("education_level", True),
                 "political": ("political_theory", True), "state_mgmt": ("state_mgmt", True)}
        out: dict[str, list[tuple[str, str]]] = {}
        rows = self.s.execute(select(ci.list_key, ci.code, ci.name, ci.rank).where(ci.deleted.is_(False))).all()
        for dim, (key, descending) in lists.items():
            items = [(row.rank, row.code, row.name) for row in rows if row.list_key == key]
            items.sort(key=lambda x: (-x[0] if descending else x[0], x[1]))
            if dim == "ethnicity":
                items.sort(key=lambda x: x[1])
            out[dim] = [(code, name) for _rank, code, name in items]
        g = m.GradeRecord
        grades = {row.code: row.salary_class for row in self.s.execute(
            select(g.code, g.salary_class).where(g.deleted.is_(False)))}
        out["grade"] = [(code, code) for code in sorted(grades)]
        return r.CodeLabels(lists=out, grade_classes=grades)

    def province_codes(self, units: Sequence[r.UnitNode]) -> dict[str, str]:
        """unit id → the 2-digit province code of its topmost unit that names one (a 2-digit geo code, or an
        office code written "40.D01…"), as ``FactsRepository._province_codes`` computes it, for ``units`` (a
        subtree, parents first) — one pass down the tree, the subtree's ancestors read from its root's path."""
        if not units:
            return {}
        top = units[0]
        chain = [x for x in top.path.strip("/").split("/") if x and x != top.id]
        above = {row.id: row for row in self.s.execute(self._unit_columns().where(m.OrgUnitRecord.id.in_(chain)))}
        codes: dict[str, str] = {}
        ordered = [r.UnitNode(*above[uid]) for uid in chain if uid in above] + list(units)
        for u in ordered:
            inherited = codes.get(u.parent_id or "", "")
            if inherited:
                codes[u.id] = inherited
                continue
            g = (u.geo_code or "").strip()
            if len(g) == 2 and g.isdigit():
                codes[u.id] = g
            elif len(u.code) >= 2 and u.code[:2].isdigit() and u.code[2:3] in ("", "."):
                codes[u.id] = u.code[:2]
            else:
                codes[u.id] = ""
        return codes

    def province_expr(self, unit_id: Expr, units: Sequence[r.UnitNode]) -> Expr:
        """The province code of the unit ``unit_id`` (as the Python facts compute it) for the people of the
        subtree ``units`` (its root first): a constant when it lies in one province (the usual case)."""
        codes = self.province_codes(units)
        inside = {codes.get(u.id, "") for u in units}
        if len(inside) <= 1:
            return literal(next(iter(inside), ""))
        # the subtree of each topmost unit naming a province carries its code
        roots = [(u.path, codes[u.id]) for u in units if codes.get(u.id) and codes.get(u.parent_id or "", "") != codes[u.id]]
        return case(*[(_in_subtree(unit_id, p), code) for p, code in roots], else_=literal(""))

    def titles_and_ranks(self) -> tuple[dict[str, TitleInfo], dict[str, dict[str, int]]]:
        """Leadership titles and code-list ranks as the filters read them (Core rows: no ORM objects)."""
        t, ci = m.TitleRecord, m.CodeItemRecord
        titles = {row.code: TitleInfo(code=row.code, name=row.name, rank=row.rank, is_leader=row.is_leader,
                                      key_leader=row.key_leader, level=row.level)
                  for row in self.s.execute(select(t.code, t.name, t.rank, t.is_leader, t.key_leader, t.level)
                                            .where(t.deleted.is_(False)))}
        ranks: dict[str, dict[str, int]] = {}
        for row in self.s.execute(select(ci.list_key, ci.code, ci.rank).where(ci.deleted.is_(False))):
            ranks.setdefault(row.list_key, {})[row.code] = row.rank
        return titles, ranks

    # -- targets --------------------------------------------------------------------------------------
    def target_counts(self, src: PersonSource, sctx: SqlContext,
                      indicators: Sequence[CompiledIndicator]) -> dict[str, list[int]]:
        """unit id → the counts of the people attached to that unit itself: for each indicator in order,
        numerator, denominator, unknown, excluded (:func:`canbo_desktop.domain.reports.pack_counts`).

        As the Python evaluator does, each distinct denominator is evaluated once per person and a
        numerator only for the denominator's members. Per person and denominator (up to :data:`_DIGITS`
        numerators) one small number says 0 (denominator unknown), 1 (not a member) or, for a member,
        2 + the numerators' states as base-3 digits (0 not met, 1 met, 2 unknown); these numbers are packed
        into one integer per person (:func:`_packed_codes`). The database groups the people by unit and lists
        each unit's codes (``group_concat``: one aggregate per person, no per-indicator SUMs); here the codes
        are counted and each distinct code is decoded once. Grouped by status and unit, the current people
        come out of the covering index ``ix_cadre_report`` already in that order: the GROUP BY needs no sort
        (on the 100,000-cadre province the count went from ~1.3 to ~0.63 billion instructions)."""
        parts: list[tuple[PersonSource, SqlContext]] = []
        for part in src.parts:
            pctx = sctx.for_part(part)
            if pctx is None or part.requalified is not None:
                # a filter reads the unit's province and the context cannot follow the part; or the part's
                # qualifications are the current ones (a statistics source)
                parts = []
                break
            parts.append((part, pctx))
        width = 4 * len(indicators)
        out: dict[str, list[int]] = {}
        for part, pctx in parts or [(src, sctx)]:
            self._target_counts(part, pctx, indicators, out, width)
        return out

    def _target_counts(self, src: PersonSource, sctx: SqlContext, indicators: Sequence[CompiledIndicator],
                       out: dict[str, list[int]], width: int) -> None:
        dens: dict[str, Expr] = {}
        members: dict[str, list[int]] = {}
        for j, ind in enumerate(indicators):
            if ind.den_key not in dens:
                dens[ind.den_key] = filter_sql(ind.denominator, sctx, src, f"«{ind.code}».denominator")
                members[ind.den_key] = []
            members[ind.den_key].append(j)
        columns: list[tuple[Expr, int]] = []  # (per-person number, its range)
        chunks: list[list[int]] = []  # the indicators of each number, digit by digit
        for key, d in dens.items():
            idxs = members[key]
            for start in range(0, len(idxs), _DIGITS):
                chunk = idxs[start:start + _DIGITS]
                code: Any = None
                for pos, j in enumerate(chunk):
                    num = filter_sql(indicators[j].numerator, sctx, src, f"«{indicators[j].code}».numerator")
                    digit = _branch(num, 1, 0, 2) if pos == 0 else _branch(num, 1, 0, 2) * (3 ** pos)
                    code = digit if code is None else code + digit
                member = code + 2
                # a denominator every person of the source meets (the shipped "active status") is not evaluated
                number = _branch(d, member, 1, 0)
                columns.append((number, 3 ** len(chunk) + 2))
                chunks.append(chunk)
        sqlite = self.s.get_bind().dialect.name == "sqlite"
        codes, ranges = _packed_codes(columns)
        listed = func.group_concat(codes, _CODE_SEP) if sqlite else func.string_agg(cast(codes, String), _CODE_SEP)
        # the current people: grouped in the order of the covering index (status, unit), a streamed GROUP BY
        keys = [src["status"], src["unit_id"]] if src.index_order else [src["unit_id"]]
        q = select(src["unit_id"], listed).select_from(src.froms).where(*src.where).group_by(*keys)
        # today's people: the counts of the last view, brought up to date from the change log (count_cache)
        units = self._unit_codes(q) if src.as_of else count_cache.unit_codes(self.s, q, src["unit_id"], self._unit_codes)
        decoded: dict[str, list[int]] = {}
        for unit_id, unit_codes in units.items():
            acc = out.get(unit_id)
            if acc is None:
                acc = out[unit_id] = [0] * width
            for value, n in unit_codes.items():
                positions = decoded.get(value)
                if positions is None:
                    positions = decoded[value] = _decode_code(value, ranges, chunks)
                for at in positions:
                    acc[at] += n

    def _unit_codes(self, q: Any) -> count_cache.UnitCodes:
        """unit id → packed code → people, from the grouped query of :meth:`_target_counts` (a unit has one
        row per status when grouped in the index's order)."""
        out: count_cache.UnitCodes = {}
        for unit_id, text in self.s.execute(q).all():
            if text:
                out.setdefault(unit_id, Counter()).update(text.split(_CODE_SEP))
        return out

    def target_people(self, src: PersonSource, sctx: SqlContext, ind: CompiledIndicator, part: str) -> list[CadreSummary]:
        """The people behind one number: ``numerator`` (meeting it), ``denominator`` (counted),
        ``not_met`` (counted, not meeting it), ``unknown`` (counted, data missing to tell) or ``excluded``
        (data missing to tell whether they belong), in name order."""
        d = filter_sql(ind.denominator, sctx, src, f"«{ind.code}».denominator")
        if part == "excluded":
            cond: Expr = d.is_(None)
        else:
            num = filter_sql(ind.numerator, sctx, src, f"«{ind.code}».numerator")
            conds = {"denominator": d, "numerator": and_(d, num), "not_met": and_(d, not_(num)),
                     "unknown": and_(d, num.is_(None))}
            if part not in conds:
                raise ValidationError(translate("db.reports", "There is no part «{part}» (use: numerator, denominator, "
                                                              "not_met, unknown, excluded).").format(part=part))
            cond = type_coerce(case((conds[part], true()), else_=false()), Boolean)
        return self._people(src, cond)

    def _people(self, src: PersonSource, cond: Expr) -> list[CadreSummary]:
        # the people are chosen on the source's columns alone — for the current records, inside the covering
        # index ``ix_cadre_report``, without reading the 100,000 rows — and only the chosen ones' rows are read
        # for their names (drill-down of the province: ~180 → ~95 ms in SQLite)
        c = aliased(m.CadreRecord, name="c")
        u = aliased(m.OrgUnitRecord, name="u")
        p = (select(src["id"].label("id"), src["unit_id"].label("unit_id"), src["status"].label("status"))
             .select_from(src.froms).where(*src.where, cond).subquery("p"))
        q = (select(c.id, c.full_name, c.sex, c.birth_date, c.birth_precision, p.c.unit_id, u.code, u.name,
                    c.current_position, p.c.status, c.id_number)
             .select_from(p).join(c, c.id == p.c.id).join(u, u.id == p.c.unit_id)
             .order_by(c.name_sort_key, c.id))
        return [CadreSummary(*row) for row in self.s.execute(q).all()]

    # -- statistics -------------------------------------------------------------------------------------
    def stat_counts(self, src: PersonSource, labels: r.CodeLabels) -> dict[str, r.Counts]:
        """unit id → {"total", "dimension:value": people} for the people attached to the unit itself, in one
        GROUP BY. Each value of each breakdown is a counter; counters of several breakdowns share one SUM
        (:data:`_WIDTHS`: five of 12 bits, or three of 21 when a unit has 4,096 people or more; an SQLite
        aggregate step costs more than the arithmetic), "dimension:" counts the unrecorded. The parts of a
        source (a past date) are counted one after the other and added; a part counted with the current
        qualifications is corrected (:attr:`PersonSource.requalified`). On the 100,000-cadre province, as of
        31/12/2025: ~1.0-1.1 s CPU before (21 SUMs, the training lines outer-joined to everyone), ~0.86-0.90 s
        after."""
        out: dict[str, r.Counts] = {}
        for part in src.parts or (src,):
            self._stat_counts(part, labels, out)
            if part.requalified is not None:
                self._requalify(part.requalified, labels, out)
        return out

    def _requalify(self, requalified: tuple[Any, Mapping[str, Mapping[str, int]]], labels: r.CodeLabels,
                   out: dict[str, r.Counts]) -> None:
        """Move the people of :attr:`PersonSource.requalified`, counted with their current qualifications, to
        their levels on the report's date (:func:`_qualification_joined`: lowered to the best level ended by
        then when every line at or above the current level ended later). A code is counted when it is in the
        code list or not recorded (""), as :meth:`_stat_counts` does; a count that falls to 0 is removed."""
        query, ranks = requalified
        dims = [("education", "education_level"), ("political", "political_theory"), ("state_mgmt", "state_mgmt")]
        assert [f for _d, f in dims] == list(QUALIFICATION_KINDS.values())
        counted = {dim: {code for code, _name in labels.lists.get(dim, ())} | {""} for dim, _f in dims}
        first_code: dict[str, dict[int, str]] = {}  # the code of a rank, as _code_of_rank
        for _dim, fld in dims:
            first_code[fld] = {}
            for code, rank in ranks[fld].items():
                first_code[fld].setdefault(rank, code)
        for row in self.s.connection().execute(query).all():
            counts = None
            for i, (dim, fld) in enumerate(dims):
                now, best, best_by = row[1 + 3 * i], row[2 + 3 * i], row[3 + 3 * i]
                rank_now = ranks[fld].get(now) if now is not None else None
                if rank_now is None or best is None or best < rank_now:
                    continue
                if (best_by if best_by is not None else -1) >= rank_now:
                    continue
                then = first_code[fld].get(best_by, "") if best_by is not None else ""
                if then == now:
                    continue
                if counts is None:
                    counts = out[row[0]]
                if now in counted[dim]:
                    key = f"{dim}:{now}"
                    counts[key] -= 1
                    if not counts[key]:
                        del counts[key]
                if then in counted[dim]:
                    key = f"{dim}:{then}"
                    counts[key] = counts.get(key, 0) + 1

    def _stat_counts(self, src: PersonSource, labels: r.CodeLabels, out: dict[str, r.Counts]) -> None:
        names = ["unit_id", "sex", "birth_date", "party", "ethnicity_code", "religion_code", "category",
                 "education_level", "political_theory", "state_mgmt", "grade_code"]
        pc: dict[str, Expr]
        if not src.index_order:
            # each person's values once (a co-routine on SQLite: a rebuilt column is read by several SUMs)
            people: Any = select(*[src[n].label(n) for n in names]).select_from(src.froms).where(*src.where)
            if self.s.get_bind().dialect.name == "sqlite":
                people = people.limit(-1)
            sub = people.subquery("per_person")
            pc = {n: sub.c[n] for n in names}
            froms, where, grouping = sub, [], [sub.c.unit_id]
        else:
            # the current columns, read from the covering index ``ix_cadre_report`` in its order (status,
            # unit): the GROUP BY is streamed, not sorted; a unit met under two statuses is merged below
            pc = {n: src[n] for n in names}
            froms, where, grouping = src.froms, src.where, [src["status"], src["unit_id"]]
        sqlite = self.s.get_bind().dialect.name == "sqlite"
        # every counter: (its dimension, key, the value or condition that counts a person in it); a person
        # meets at most one counter of each dimension
        counters: list[tuple[int, str, Any]] = []
        searched: list[bool] = []  # per dimension: conditions in order (age bands), else values of ``value``
        values: list[Expr] = []

        def dimension(value: Expr, keys_values: Sequence[tuple[str, Any]], *, conditions: bool = False) -> None:
            counters.extend((len(values), k, v) for k, v in keys_values)
            values.append(value)
            searched.append(conditions)

        dimension(pc["sex"], [("sex:M", "M"), ("sex:F", "F"), ("sex:", "")])
        birth = pc["birth_date"]
        bands: list[tuple[str, Any]] = [("age:", birth.is_(None))]
        for key, _label, lo, hi in r.AGE_BANDS:  # each band whole: a SUM may hold only some of them
            conds: list[Any] = []
            if lo:
                conds.append(birth <= _age_cutoff(src.at, lo))
            if hi is not None:
                conds.append(birth > _age_cutoff(src.at, hi + 1))
            bands.append((f"age:{key}", and_(*conds)))
        dimension(birth, bands, conditions=True)
        dimension(cast(pc["party"], Integer), [("party:yes", 1), ("party:no", 0)])
        plain = {"ethnicity": "ethnicity_code", "religion": "religion_code", "category": "category",
                 "education": "education_level", "political": "political_theory", "state_mgmt": "state_mgmt",
                 "grade": "grade_code"}
        listed: list[tuple[str, Any]] = []  # (dimension, aggregate listing its rare codes per unit)
        for dim, col_name in plain.items():
            codes = [code for code, _name in labels.lists.get(dim, ()) if code]
            major = _MAJOR_CODES.get(dim)
            if major is not None and len(codes) > 2 * _WIDTHS[-1][1]:
                # a long list where nearly everyone has one code (54 ethnic groups, Kinh; religions, none):
                # that code and "not recorded" are counters, the rare codes are listed per unit (one
                # aggregate instead of many counters; NULL costs the aggregate almost nothing)
                col = pc[col_name]
                dimension(col, [(f"{dim}:{major}", major), (f"{dim}:", "")])
                rare = case((col.in_((major, "")), null()), else_=col)
                listed.append((dim, func.group_concat(rare, _SEP) if sqlite else func.string_agg(rare, _SEP)))
                continue
            dimension(pc[col_name], [(f"{dim}:{code}", code) for code in codes] + [(f"{dim}:", "")])

        def query(bits: int, per_sum: int) -> tuple[Any, list[list[str]]]:
            """The GROUP BY with ``per_sum`` counters of ``bits`` bits to a SUM (the counters of several
            dimensions share a SUM: one CASE per dimension, added; an aggregate step costs more than that)."""
            aggs: list[Any] = [func.count()]
            fields: list[list[str]] = []  # per SUM: the keys of its counters, lowest bits first
            for start in range(0, len(counters), per_sum):
                chunk = counters[start:start + per_sum]
                terms: list[Any] = []
                slot = 0
                while slot < len(chunk):
                    dim = chunk[slot][0]
                    run = [(i, c) for i, c in enumerate(chunk) if c[0] == dim]
                    if searched[dim]:
                        terms.append(case(*[(v, 1 << (bits * i)) for i, (_d, _k, v) in run], else_=0))
                    else:
                        terms.append(case({v: 1 << (bits * i) for i, (_d, _k, v) in run}, value=values[dim], else_=0))
                    slot = run[-1][0] + 1
                total = terms[0]
                for term in terms[1:]:
                    total = total + term
                aggs.append(func.sum(total))
                fields.append([k for _d, k, _v in chunk])
            aggs += [agg for _dim, agg in listed]
            return select(pc["unit_id"], *aggs).select_from(froms).where(*where).group_by(*grouping), fields

        for bits, per_sum in _WIDTHS:
            q, fields = query(bits, per_sum)
            rows = self.s.connection().execute(q).all()
            if all(int(row[1]) < (1 << bits) for row in rows):
                break
        mask = (1 << bits) - 1
        n_sums = len(fields)
        for row in rows:
            counts: r.Counts = out[row[0]] if row[0] in out else {"total": 0}
            counts["total"] += int(row[1])
            for total, keys in zip(row[2:2 + n_sums], fields, strict=True):
                v = int(total or 0)
                i = 0
                while v:  # up to the last counter met
                    n = v & mask
                    if n:
                        counts[keys[i]] = counts.get(keys[i], 0) + n
                    v >>= bits
                    i += 1
            for text, (dim, _agg) in zip(row[2 + n_sums:], listed, strict=True):  # the rare codes, one per person
                for code in text.split(_SEP) if text else ():
                    key = f"{dim}:{code}"
                    counts[key] = counts.get(key, 0) + 1
            out[row[0]] = counts


def compiled_indicators(params: Mapping[str, Any]) -> list[CompiledIndicator]:
    """The indicators of a ``targets`` rule version, keyed by denominator as the Python evaluator does."""
    from canbo_desktop.domain.rules.targets import _indicators

    return [CompiledIndicator(i.code, json.dumps(i.denominator, sort_keys=True, ensure_ascii=False), i.denominator,
                              i.numerator) for i in _indicators(params, "")]


def titles_and_ranks(session: Session) -> tuple[dict[str, TitleInfo], dict[str, dict[str, int]]]:
    """Leadership titles and code-list ranks (see :meth:`ReportsRepository.titles_and_ranks`)."""
    return ReportsRepository(session).titles_and_ranks()
