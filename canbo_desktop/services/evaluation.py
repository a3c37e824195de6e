"""Evaluation rounds (đánh giá, xếp loại chất lượng) for a unit and a year: open, enter, approve, lock,
and correct a locked result only by a recorded correction with its reason.

A round covers the unit and its sub-units (the agency with its departments). It follows the regime in
force on 31 December of its year (rule ``evaluation_regime``): the four proposed levels of NĐ 90/2020 and
NĐ 48/2023 up to 2025, the 30 + 70 points of NĐ 335/2025 from 2026. Every entry is classified by the
rule engine (``domain/rules/evaluation.py``) with the person's discipline decisions and the veto
conditions, so the grid shows the result, the rules that capped it and why; the quota (Xuất sắc at most
20% of the number of Tốt) is checked over the round.

States: ``open`` (clerk, head, admin enter) → ``approved`` (head/admin; entries refused, can be
reopened) → ``locked`` (head/admin; only :func:`correct` changes a result, and writes an
``evaluation_correction`` row). A viewer changes nothing. Every function is one transaction.

Reads stay in the user's organisation scope (``db/workflow.py``): the rounds listed are those of the
user's subtree, and opening a round or a row of another unit raises ``AccessDenied``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db.repositories import CadreRepository, OrgUnitRepository
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.db.workflow import CodeListRepository, EvaluationRepository, disciplines_of, entry_state
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.access import Op
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.evaluation import (
    RULE_KEY,
    EvaluationInput,
    check_quota,
    classify,
    regime_date,
    task_score,
)
from canbo_desktop.domain.rules.facts import DisciplineFact
from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.i18n import translate
from canbo_desktop.services.rules import rule_book

OPEN, APPROVED, LOCKED = "open", "approved", "locked"


# ------------------------------------------------------------------------------------------- helpers


def _need(role: str, roles: Sequence[str], message: str) -> None:
    """``message``: the whole refusal (who may do what), already translated."""
    if role not in roles:
        raise PermissionDenied(message)


def _params(book: RuleBook, year: int) -> Mapping[str, Any]:
    return book.params(RULE_KEY, regime_date(year))


def _label(params: Mapping[str, Any], level: str, category: str) -> str:
    if not level:
        return ""
    over = (params.get("label_overrides") or {}).get(category)
    if isinstance(over, Mapping) and isinstance(over.get(level), str):
        return str(over[level])
    labels = params.get("labels") or {}
    return str(labels.get(level, level)) if isinstance(labels, Mapping) else level


def _round_name(uow: UnitOfWork, rnd: m.EvaluationRoundRecord) -> str:
    unit = OrgUnitRepository(uow.session).get(rnd.unit_id)
    return translate("services.evaluation", "The {year} evaluation round of {unit}").format(year=rnd.year,
                                                                                          unit=unit.name)


def _refuse_unless_open(uow: UnitOfWork, rnd: m.EvaluationRoundRecord) -> None:
    if rnd.status == LOCKED:
        raise ValidationError(translate("services.evaluation", "{round} is locked: it can only be changed by a "
                                        "correction with a reason (head of office or administrator).").format(
            round=_round_name(uow, rnd)), {"round": translate("services.evaluation", "locked")})
    if rnd.status == APPROVED:
        raise ValidationError(translate("services.evaluation", "{round} has been approved: the head of office "
                                        "reopens the round before any change.").format(round=_round_name(uow, rnd)),
                              {"round": translate("services.evaluation", "approved")})


def _default_months(recruited: date | None, year: int) -> int:
    """Months worked in ``year`` by default: all 12, or from the recruitment month when recruited that
    year (a month counts when the person started on its first day)."""
    if recruited is None or recruited.year < year:
        return 12
    return 12 - recruited.month + (1 if recruited.day == 1 else 0)


# ------------------------------------------------------------------------------------------- rounds


def open_round(uowf: UowFactory, unit_id: str, year: int, *, role: str) -> tuple[str, ChangeSet]:
    """Open the round of ``unit_id`` (with its sub-units) for ``year`` with the regime of that year, and
    one evaluation row per active cadre. Results already recorded for that year (imported, or entered
    before) are kept and join the round; a person already in another unit's round for the year stays
    there. Returns (round id, changes)."""
    _need(role, w.HEAD_ROLES, translate(
        "services.evaluation", "Only the head of office or an administrator may open an evaluation "
        "round."))
    book = rule_book(uowf)
    regime = str(_params(book, year).get("regime"))
    with uowf() as uow:
        unit = OrgUnitRepository(uow.session).get(unit_id)
        repo = EvaluationRepository(uow.session)
        if repo.round_for(unit_id, year) is not None:
            raise Conflict(translate("services.evaluation", "{unit} already has an evaluation round for {year}."
                                     ).format(unit=unit.name, year=year))
        rnd = m.EvaluationRoundRecord(unit_id=unit_id, year=year, regime=regime, status=OPEN,
                                      opened_by=uow.actor, opened_on=uow.now().date())
        uow.session.add(rnd)
        uow.session.flush()
        _add_people(uow, repo, rnd, unit.path)
        uow.audit("evaluation.open", "evaluation_round", rnd.id, {"unit_id": unit_id, "year": year, "regime": regime})
        rid = rnd.id
        return rid, uow.commit()


def _add_people(uow: UnitOfWork, repo: EvaluationRepository, rnd: m.EvaluationRoundRecord, unit_path: str) -> int:
    people = [(cid, rec) for cid, rec in repo.active_people(unit_path) if rec is None or rec.year <= rnd.year]
    existing = repo.evaluations_for([cid for cid, _ in people], rnd.year)
    added = 0
    for cid, recruited in people:
        e = existing.get(cid)
        if e is not None:
            if e.deleted:
                e.deleted = False
                e.round_id = rnd.id
                added += 1
            elif e.round_id is None:
                e.round_id = rnd.id
                added += 1
            continue
        uow.session.add(m.EvaluationRecord(cadre_id=cid, round_id=rnd.id, year=rnd.year, regime=rnd.regime, level="",
                                           months_worked=_default_months(recruited, rnd.year), months_absent=0,
                                           task_components={}, veto_flags=[]))
        added += 1
    uow.session.flush()
    return added


def add_new_people(uowf: UowFactory, round_id: str, *, role: str) -> tuple[int, ChangeSet]:
    """Add the people who joined the unit since the round was opened (open rounds only).
    Returns (number added, changes)."""
    _need(role, w.HEAD_ROLES, translate(
        "services.evaluation", "Only the head of office or an administrator may add people to an evaluation "
        "round."))
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        rnd = repo.round_record(round_id)
        _refuse_unless_open(uow, rnd)
        unit = OrgUnitRepository(uow.session).get(rnd.unit_id)
        n = _add_people(uow, repo, rnd, unit.path)
        return n, uow.commit()


def find_round(uowf: UowFactory, unit_id: str, year: int) -> str | None:
    """The id of the round of ``unit_id`` for ``year``, if there is one."""
    with uowf() as uow:
        access.require_scope(uow.session, Op.READ, unit_id)
        rnd = EvaluationRepository(uow.session).round_for(unit_id, year)
        return rnd.id if rnd is not None else None


def find_round_by_code(uowf: UowFactory, unit_code: str, year: int) -> str | None:
    """The id of the round of the unit with code ``unit_code`` for ``year``; NotFound for an unknown code."""
    with uowf() as uow:
        unit = OrgUnitRepository(uow.session).by_code(clean_line(unit_code))
        if unit is None:
            raise NotFound(translate("services.evaluation", "There is no unit with code «{code}».").format(
                code=unit_code))
        access.require_scope(uow.session, Op.READ, unit.id)
        rnd = EvaluationRepository(uow.session).round_for(unit.id, year)
        return rnd.id if rnd is not None else None


def list_rounds(uowf: UowFactory, *, unit_path: str | None = None) -> list[w.RoundSummary]:
    """Every round (of the subtree ``unit_path``) of the user's organisation scope, latest year first."""
    with uowf() as uow:
        return EvaluationRepository(uow.session).rounds(unit_path)


def round_grid(uowf: UowFactory, round_id: str, *, outstanding_unit: bool = False) -> w.RoundView:
    """The round with every person's row: stored result, what the rules give now and why (discipline,
    veto, short time, long absence), products and the task score they give; the quota over the round and
    what blocks approval; the corrections made after locking. ``outstanding_unit`` applies the higher
    quota the rule allows an outstanding unit (NĐ 335: 25%)."""
    book = rule_book(uowf)
    with uowf() as uow:
        return _view(uow, book, round_id, outstanding_unit=outstanding_unit)


def grid_row(uowf: UowFactory, evaluation_id: str) -> w.GridRow:
    """One row as :func:`round_grid` shows it (to refresh a grid line after saving it)."""
    book = rule_book(uowf)
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        e = repo.evaluation_record(evaluation_id)
        if e.round_id is None:
            raise ValidationError(translate("services.evaluation", "This result belongs to no evaluation round."))
        rows = repo.grid_rows(e.round_id, evaluation_id=evaluation_id)
        labels = CodeListRepository(uow.session).labels("discipline_form")
        disc = disciplines_of(uow.session, [r.cadre_id for r in rows])
        status = repo.round_record(e.round_id).status
        return _computed(rows[0], book, disc.get(rows[0].cadre_id, ()), labels, status)


def _view(uow: UnitOfWork, book: RuleBook, round_id: str, *, outstanding_unit: bool = False) -> w.RoundView:
    repo = EvaluationRepository(uow.session)
    rnd = repo.round_record(round_id)
    unit = OrgUnitRepository(uow.session).get(rnd.unit_id)
    params = _params(book, rnd.year)
    version = book.version(RULE_KEY, regime_date(rnd.year))
    stored = repo.grid_rows(round_id)
    disc = disciplines_of(uow.session, [r.cadre_id for r in stored])
    labels = CodeListRepository(uow.session).labels("discipline_form")
    rows = tuple(_computed(r, book, disc.get(r.cadre_id, ()), labels, rnd.status) for r in stored)
    entered = [r.level for r in rows if r.entered]
    quota = check_quota(entered, rnd.year, book, outstanding_unit=outstanding_unit)
    counts: dict[str, int] = {}
    for lv in entered:
        counts[lv] = counts.get(lv, 0) + 1
    problems: list[str] = []
    if not quota.ok:
        problems.append(translate("services.evaluation", "Over the quota of «{level}»: {details} Basis: {source}."
                                  ).format(level="Hoàn thành xuất sắc nhiệm vụ",  # i18n: data (legal level name)
                                           details=quota.message, source=quota.legal_source))
    missing = [r.full_name for r in rows if not r.entered]
    if missing:
        problems.append(translate("services.evaluation", "{count} people still have no result: {names}.").format(
            count=len(missing), names=_names(missing)))
    differ = [r.full_name for r in rows if r.entered and r.computed_level and r.computed_level != r.level]
    if differ:
        problems.append(translate("services.evaluation", "{count} people have a stored level that differs from the "
                                  "level under the current rules: {names}.").format(count=len(differ),
                                                                                  names=_names(differ)))
    vetoes = params.get("vetoes") or {}
    veto_codes = {str(k): str(v.get("text") or k) for k, v in vetoes.items() if isinstance(v, Mapping)} \
        if isinstance(vetoes, Mapping) else {}
    level_labels = {lv: _label(params, lv, "") for lv in (params.get("levels") or [])}
    return w.RoundView(
        id=rnd.id, unit_id=rnd.unit_id, unit_name=unit.name, year=rnd.year, regime=rnd.regime,
        regime_label=w.REGIME_LABELS.get(rnd.regime, rnd.regime), legal_source=version.legal_source,
        status=rnd.status, status_label=w.ROUND_STATUS_LABELS.get(rnd.status, rnd.status),
        opened_by=rnd.opened_by, opened_on=rnd.opened_on, approved_by=rnd.approved_by, approved_on=rnd.approved_on,
        locked_on=rnd.locked_on, rows=rows, quota=quota, level_counts=counts, problems=tuple(problems),
        corrections=tuple(repo.corrections(round_id)), veto_codes=veto_codes, level_labels=level_labels,
    )


def _names(names: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    if len(names) <= limit:
        return shown
    return translate("services.evaluation", "{names} and {count} others").format(names=shown,
                                                                                count=len(names) - limit)


def _computed(row: w.GridRow, book: RuleBook, disciplines: tuple[DisciplineFact, ...], labels: Mapping[str, str],
              status: str) -> w.GridRow:
    params = _params(book, row.year)
    entered = bool(row.level)
    problems: list[str] = []
    computed_level, computed_label, computed_score = "", "", None
    reasons: tuple[Any, ...] = ()
    try:
        c = classify(_inputs(row, disciplines), book, labels=labels)
        computed_level, computed_label, computed_score, reasons = c.level, c.label, c.score, c.capped_by
    except ValidationError as exc:
        if entered:
            problems.append(exc.message)
    if not entered:
        half = row.regime == "nd335" and (row.score_general is not None or row.score_tasks is not None)
        if half and computed_level:
            text = translate("services.evaluation", "The general score and the task score are not both entered "
                             "(under the rules: «{level}»).")
        elif half:
            text = translate("services.evaluation", "The general score and the task score are not both entered.")
        elif computed_level:
            text = translate("services.evaluation", "No result entered (under the rules: «{level}»).")
        else:
            text = translate("services.evaluation", "No result entered.")
        problems.append(text.format(level=computed_label))
    elif computed_level and computed_level != row.level:
        if status == LOCKED:
            text = translate("services.evaluation", "The stored level «{stored}» differs from the level under the "
                             "current rules «{computed}»: a correction is needed.")
        else:
            text = translate("services.evaluation", "The stored level «{stored}» differs from the level under the "
                             "current rules «{computed}»: save this person's result again.")
        problems.append(text.format(stored=_label(params, row.level, row.category), computed=computed_label))
    product_score = None
    if row.regime == "nd335" and row.products:
        try:
            product_score = task_score(w.products_to_tasks(row.products), row.year, book)
        except ValidationError:
            product_score = None
    return dataclasses.replace(
        row, entered=entered, level_label=_label(params, row.level, row.category), computed_level=computed_level,
        computed_label=computed_label, computed_score=computed_score, reasons=tuple(reasons), problems=tuple(problems),
        product_score=product_score)


def _inputs(row: w.GridRow, disciplines: tuple[DisciplineFact, ...]) -> EvaluationInput:
    return EvaluationInput(
        year=row.year, category=row.category, proposed_level=row.proposed_level if row.regime == "nd90" else None,
        general_score=row.score_general, task_score=row.score_tasks, months_worked=row.months_worked,
        months_absent=row.months_absent, maternity=row.maternity, disciplines=disciplines,
        veto_flags=frozenset(row.veto_flags), is_leader=row.is_leader)


# ------------------------------------------------------------------------------------------- entry


def _stored_entry(e: m.EvaluationRecord) -> w.EntryInput:
    comps, proposed, maternity, source = entry_state(e.task_components)
    if proposed is None and e.regime == "nd90" and e.level and e.level != "khong_xep_loai":
        proposed = e.level
    return w.EntryInput(
        level=proposed, score_general=e.score_general,
        score_tasks=None if source in ("components", "products") else e.score_tasks,
        task_components=comps if source == "components" else None, tasks_from_products=source == "products",
        months_worked=float(e.months_worked if e.months_worked is not None else 12),
        months_absent=float(e.months_absent or 0), maternity=maternity, veto_flags=tuple(e.veto_flags or ()),
        self_assessment=e.self_assessment, unit_comment=e.unit_comment)


def _apply(uow: UnitOfWork, book: RuleBook, e: m.EvaluationRecord, entry: w.EntryInput) -> None:
    """Validate ``entry`` for the row's regime, classify it with the person's facts and store the result."""
    params = _params(book, e.year)
    cadre = CadreRepository(uow.session).record(e.cadre_id)
    errors: dict[str, str] = {}
    levels = [str(x) for x in (params.get("levels") or [])]
    vetoes = params.get("vetoes") or {}
    unknown = [v for v in entry.veto_flags if not isinstance(vetoes, Mapping) or v not in vetoes]
    if unknown:
        errors["veto_flags"] = translate("services.evaluation", "There is no exclusion condition: {codes}.").format(
            codes=", ".join(unknown))
    for name, v, message in (
            ("months_worked", entry.months_worked, translate(
                "services.evaluation", "The months worked in the year must be a whole number from 0 to 12.")),
            ("months_absent", entry.months_absent, translate(
                "services.evaluation", "The months off work must be a whole number from 0 to 12."))):
        if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 12 or v != int(v):
            errors[name] = message
    components: dict[str, float] = {}
    source = "direct"
    score_tasks = entry.score_tasks
    if e.regime == "nd90":
        if entry.level is not None and (entry.level not in levels or entry.level == params.get("not_rated_level")):
            errors["level"] = translate("services.evaluation", "Choose one of the levels: {levels}.").format(
                levels=", ".join(_label(params, x, cadre.category) for x in levels))
        if entry.score_general is not None or entry.score_tasks is not None or entry.task_components \
                or entry.tasks_from_products:
            errors["score_general"] = translate("services.evaluation", "In {year} the rating follows the proposed "
                                                "level (NĐ 90/2020), without scores.").format(year=e.year)
    else:
        if entry.level is not None:
            errors["level"] = translate("services.evaluation", "In {year} the rating follows the scores (NĐ "
                                        "335/2025): the total score decides the level.").format(year=e.year)
        general_max = float(params.get("general_max", 30))
        task_max = float(params.get("task_max", 70))
        decimals = int(params.get("score_decimals", 2))
        if entry.score_general is not None and not (isinstance(entry.score_general, int | float)
                                                    and 0 <= entry.score_general <= general_max):
            errors["score_general"] = translate("services.evaluation", "The general score must be between 0 and "
                                                "{maximum}.").format(maximum=f"{general_max:g}")
        if entry.tasks_from_products:
            products = EvaluationRepository(uow.session).products_of(e.id)
            if not products:
                errors["score_tasks"] = translate("services.evaluation", "There are no work products yet to compute "
                                                  "the task score from.")
            else:
                ts = task_score(w.products_to_tasks([w.ProductRow(p.id, p.evaluation_id, p.description, p.measure,
                                                                  p.assigned, p.delivered, p.quality_errors,
                                                                  p.delays, p.position) for p in products]),
                                e.year, book)
                components = {"quantity_pct": ts.quantity_pct, "quality_pct": ts.quality_pct,
                              "timeliness_pct": ts.timeliness_pct}
                score_tasks, source = ts.score, "products"
        elif entry.task_components:
            try:
                score_tasks = w.component_score(entry.task_components, task_max, decimals)
                components, source = {str(k): float(v) for k, v in entry.task_components.items()}, "components"
            except ValidationError as exc:
                errors.update(exc.fields or {"task_components": exc.message})
        elif score_tasks is not None and not (isinstance(score_tasks, int | float) and 0 <= score_tasks <= task_max):
            errors["score_tasks"] = translate("services.evaluation", "The task score must be between 0 and "
                                              "{maximum}.").format(maximum=f"{task_max:g}")
    if errors:
        raise ValidationError(translate("services.evaluation", "The result could not be saved: {problems}").format(
            problems=" ".join(errors.values())), errors)

    vetoes_given = tuple(dict.fromkeys(entry.veto_flags))
    nothing = (entry.level is None and entry.score_general is None and score_tasks is None and not vetoes_given)
    # Under NĐ 335 the grid is typed cell by cell: with one of the two scores still missing the row is kept
    # as typed, without a result, unless a discipline or veto decides it anyway.
    partial = e.regime == "nd335" and (entry.score_general is None) != (score_tasks is None)
    titles = CodeListRepository(uow.session).leader_titles()
    level, total = "", None
    if not nothing:
        disc = disciplines_of(uow.session, [e.cadre_id]).get(e.cadre_id, ())
        labels = CodeListRepository(uow.session).labels("discipline_form")
        try:
            c = classify(EvaluationInput(
                year=e.year, category=cadre.category, proposed_level=entry.level if e.regime == "nd90" else None,
                general_score=entry.score_general, task_score=score_tasks, months_worked=entry.months_worked,
                months_absent=entry.months_absent, maternity=entry.maternity, disciplines=disc,
                veto_flags=frozenset(vetoes_given), is_leader=bool(cadre.title_code) and cadre.title_code in titles,
            ), book, labels=labels)
            level, total = c.level, c.score
        except ValidationError:
            if not partial:
                raise
    e.level = level
    e.score_general = entry.score_general if e.regime == "nd335" else None
    e.score_tasks = score_tasks if e.regime == "nd335" else None
    e.score_total = total
    e.task_components = {"components": components, "source": source if e.regime == "nd335" else "",
                         "proposed_level": entry.level if e.regime == "nd90" else None, "maternity": entry.maternity}
    e.veto_flags = list(vetoes_given)
    e.months_worked = int(round(entry.months_worked))
    e.months_absent = int(round(entry.months_absent))
    e.self_assessment = clean_multiline(entry.self_assessment)
    e.unit_comment = clean_multiline(entry.unit_comment)


def save_entry(uowf: UowFactory, evaluation_id: str, entry: w.EntryInput, *, role: str,
               expected_rev: int | None = None) -> ChangeSet:
    """Save one person's entry in an open round (validated: level allowed by the regime, scores and
    components in range, veto codes known, months 0–12) and store the level the rules give. An empty
    entry clears the result. ``expected_rev`` (the row's ``rev`` when the grid read it) refuses to
    overwrite a change made meanwhile by someone else."""
    _need(role, w.ENTRY_ROLES, translate(
        "services.evaluation", "Only an officer or the head of office may enter evaluation "
        "results."))
    book = rule_book(uowf)
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        e = repo.evaluation_record(evaluation_id)
        if e.round_id is None:
            raise ValidationError(translate("services.evaluation", "This result belongs to no evaluation round: open "
                                            "the unit's evaluation round first."))
        _refuse_unless_open(uow, repo.round_record(e.round_id))
        if expected_rev is not None and e.rev != expected_rev:
            raise Conflict(translate("services.evaluation", "Someone else has just changed this person's result; "
                                     "reload the table to see the latest version."))
        _apply(uow, book, e, entry)
        return uow.commit()


# ------------------------------------------------------------------------------------------- products


def _product_values(p: w.ProductInput) -> dict[str, Any]:
    errors = w.validate_product(p)
    if errors:
        raise ValidationError(translate("services.evaluation", "The work product could not be saved: {problems}"
                                        ).format(problems=" ".join(errors.values())), errors)
    return {"description": clean_multiline(p.description), "measure": clean_line(p.measure),
            "assigned": None if p.assigned is None else float(p.assigned),
            "delivered": None if p.delivered is None else float(p.delivered),
            "quality_errors": p.quality_errors, "delays": p.delays}


def _after_products(uow: UnitOfWork, book: RuleBook, e: m.EvaluationRecord) -> None:
    """When the task points come from the products, a product change recomputes them."""
    entry = _stored_entry(e)
    if not entry.tasks_from_products:
        return
    uow.session.flush()
    if EvaluationRepository(uow.session).products_of(e.id):
        _apply(uow, book, e, entry)
    else:
        _apply(uow, book, e, dataclasses.replace(entry, tasks_from_products=False, score_tasks=None))


def add_product(uowf: UowFactory, evaluation_id: str, product: w.ProductInput, *, role: str) -> tuple[str, ChangeSet]:
    """Add a product (sản phẩm) to a person's evaluation in an open round. Returns (id, changes)."""
    _need(role, w.ENTRY_ROLES, translate(
        "services.evaluation", "Only an officer or the head of office may enter work "
        "products."))
    values = _product_values(product)
    book = rule_book(uowf)
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        e = repo.evaluation_record(evaluation_id)
        if e.round_id is not None:
            _refuse_unless_open(uow, repo.round_record(e.round_id))
        position = len(repo.products_of(evaluation_id))
        rec = m.EvaluationProductRecord(evaluation_id=evaluation_id, position=position, **values)
        uow.session.add(rec)
        uow.session.flush()
        _after_products(uow, book, e)
        pid = rec.id
        return pid, uow.commit()


def update_product(uowf: UowFactory, product_id: str, product: w.ProductInput, *, role: str) -> ChangeSet:
    """Change a product of an open round."""
    _need(role, w.ENTRY_ROLES, translate(
        "services.evaluation", "Only an officer or the head of office may edit work "
        "products."))
    values = _product_values(product)
    book = rule_book(uowf)
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        rec = repo.product_record(product_id)
        e = repo.evaluation_record(rec.evaluation_id)
        if e.round_id is not None:
            _refuse_unless_open(uow, repo.round_record(e.round_id))
        for k, v in values.items():
            if getattr(rec, k) != v:
                setattr(rec, k, v)
        _after_products(uow, book, e)
        return uow.commit()


def remove_product(uowf: UowFactory, product_id: str, *, role: str) -> ChangeSet:
    """Remove a product of an open round (a tombstone that syncs)."""
    _need(role, w.ENTRY_ROLES, translate(
        "services.evaluation", "Only an officer or the head of office may delete work "
        "products."))
    book = rule_book(uowf)
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        rec = repo.product_record(product_id)
        e = repo.evaluation_record(rec.evaluation_id)
        if e.round_id is not None:
            _refuse_unless_open(uow, repo.round_record(e.round_id))
        rec.deleted = True
        _after_products(uow, book, e)
        return uow.commit()


# ------------------------------------------------------------------------------------------- approve, lock


def approve_round(uowf: UowFactory, round_id: str, *, role: str, outstanding_unit: bool = False) -> ChangeSet:
    """Approve an open round (head/admin). Refused, with every reason, while someone has no result, the
    quota is exceeded, or a stored level differs from what the rules give now."""
    _need(role, w.HEAD_ROLES, translate(
        "services.evaluation", "Only the head of office or an administrator may approve the evaluation "
        "results."))
    book = rule_book(uowf)
    with uowf() as uow:
        view = _view(uow, book, round_id, outstanding_unit=outstanding_unit)
        rnd = EvaluationRepository(uow.session).round_record(round_id)
        if rnd.status != OPEN:
            raise ValidationError(translate("services.evaluation", "{round} is not open for entry ({status})."
                                            ).format(round=_round_name(uow, rnd),
                                                     status=w.ROUND_STATUS_LABELS.get(rnd.status, rnd.status)))
        if view.problems:
            raise ValidationError(translate("services.evaluation", "Cannot approve yet: {problems}").format(
                problems=" ".join(view.problems)), {"round": translate("services.evaluation", "conditions not met")})
        rnd.status = APPROVED
        rnd.approved_by = uow.actor
        rnd.approved_on = uow.now().date()
        uow.audit("evaluation.approve", "evaluation_round", rnd.id,
                  {"year": rnd.year, "counts": dict(view.level_counts), "quota": view.quota.message})
        return uow.commit()


def reopen_round(uowf: UowFactory, round_id: str, *, role: str) -> ChangeSet:
    """Take an approved (not locked) round back to entry (head/admin)."""
    _need(role, w.HEAD_ROLES, translate(
        "services.evaluation", "Only the head of office or an administrator may reopen an evaluation "
        "round."))
    with uowf() as uow:
        rnd = EvaluationRepository(uow.session).round_record(round_id)
        if rnd.status == LOCKED:
            raise ValidationError(translate("services.evaluation", "{round} is locked: it cannot be reopened, only "
                                            "each result corrected.").format(round=_round_name(uow, rnd)))
        if rnd.status != APPROVED:
            raise ValidationError(translate("services.evaluation", "{round} is open for entry, not approved yet."
                                            ).format(round=_round_name(uow, rnd)))
        rnd.status = OPEN
        rnd.approved_by = ""
        rnd.approved_on = None
        uow.audit("evaluation.reopen", "evaluation_round", rnd.id, {"year": rnd.year})
        return uow.commit()


def lock_round(uowf: UowFactory, round_id: str, *, role: str) -> ChangeSet:
    """Lock an approved round (head/admin): afterwards only :func:`correct` changes a result."""
    _need(role, w.HEAD_ROLES, translate(
        "services.evaluation", "Only the head of office or an administrator may lock an evaluation "
        "round."))
    with uowf() as uow:
        rnd = EvaluationRepository(uow.session).round_record(round_id)
        if rnd.status == LOCKED:
            raise ValidationError(translate("services.evaluation", "{round} was already locked.").format(
                round=_round_name(uow, rnd)))
        if rnd.status != APPROVED:
            raise ValidationError(translate("services.evaluation", "{round} is not approved: approve it before "
                                            "locking.").format(round=_round_name(uow, rnd)))
        rnd.status = LOCKED
        rnd.locked_on = uow.now().date()
        uow.audit("evaluation.lock", "evaluation_round", rnd.id, {"year": rnd.year})
        return uow.commit()


# ------------------------------------------------------------------------------------------- corrections


def _parse_value(field: str, value: Any, entry: w.EntryInput) -> w.EntryInput:
    label = w.CORRECTABLE_FIELDS[field]
    if field == "level":
        code = clean_line(str(value)) if value is not None else ""
        return dataclasses.replace(entry, level=code or None)
    if field in ("score_general", "score_tasks"):
        number = w.parse_number(value, label)
        if field == "score_tasks":
            return dataclasses.replace(entry, score_tasks=number, task_components=None, tasks_from_products=False)
        return dataclasses.replace(entry, score_general=number)
    if field in ("months_worked", "months_absent"):
        number = w.parse_number(value, label)
        if number is None:
            message = (translate("services.evaluation", "Enter the months worked in the year.")
                       if field == "months_worked" else
                       translate("services.evaluation", "Enter the months off work."))
            raise ValidationError(message, {field: translate("services.evaluation", "required")})
        if field == "months_worked":
            return dataclasses.replace(entry, months_worked=number)
        return dataclasses.replace(entry, months_absent=number)
    if field == "veto_flags":
        if isinstance(value, list | tuple):
            codes = tuple(clean_line(str(v)) for v in value if clean_line(str(v)))
        else:
            codes = tuple(x for x in (clean_line(p) for p in str(value or "").replace(";", ",").split(",")) if x)
        return dataclasses.replace(entry, veto_flags=codes)
    text = str(value or "")
    if field == "self_assessment":
        return dataclasses.replace(entry, self_assessment=text)
    return dataclasses.replace(entry, unit_comment=text)


def _snapshot(e: m.EvaluationRecord, field: str) -> str:
    if field == "level":
        return _stored_entry(e).level or ""
    if field == "result_level":
        return e.level
    return w.display_value(getattr(e, field))


def correct(uowf: UowFactory, evaluation_id: str, field: str, new_value: Any, reason: str, *, role: str,
            on: date | None = None) -> ChangeSet:
    """Correct one field of a result in a LOCKED round (head/admin), with the reason (required). The result
    is classified again; the correction (old → new, reason, date, who) is written to
    ``evaluation_correction``, and a second line records the level when the correction changes it.
    ``field`` is one of ``CORRECTABLE_FIELDS``; numbers may be typed with a decimal comma."""
    _need(role, w.HEAD_ROLES, translate(
        "services.evaluation", "Only the head of office or an administrator may correct an evaluation "
        "result."))
    why = clean_multiline(reason)
    if len(why) < 5:
        raise ValidationError(translate("services.evaluation", "Enter the reason for the correction (its basis, the "
                                        "document if any)."),
                              {"reason": translate("services.evaluation", "required")})
    if field not in w.CORRECTABLE_FIELDS:
        raise ValidationError(translate("services.evaluation", "The field «{field}» cannot be corrected.").format(
            field=field), {"field": translate("services.evaluation", "invalid")})
    book = rule_book(uowf)
    with uowf() as uow:
        repo = EvaluationRepository(uow.session)
        e = repo.evaluation_record(evaluation_id)
        if e.round_id is None:
            raise ValidationError(translate("services.evaluation", "This result belongs to no evaluation round."))
        rnd = repo.round_record(e.round_id)
        if rnd.status != LOCKED:
            raise ValidationError(translate("services.evaluation", "{round} is not locked: edit it directly in the "
                                            "table, no correction is needed.").format(round=_round_name(uow, rnd)))
        old = _snapshot(e, field)
        old_level = e.level
        entry = _parse_value(field, new_value, _stored_entry(e))
        _apply(uow, book, e, entry)
        new = _snapshot(e, field)
        if new == old:
            raise ValidationError(translate("services.evaluation", "The new value is the same as the stored one: "
                                            "there is nothing to correct."),
                                  {field: translate("services.evaluation", "unchanged")})
        day = on or uow.now().date()
        params = _params(book, e.year)
        cadre = CadreRepository(uow.session).record(e.cadre_id)

        def shown(f: str, v: str) -> str:
            return _label(params, v, cadre.category) if f in ("level", "result_level") and v else v

        uow.session.add(m.EvaluationCorrectionRecord(evaluation_id=e.id, field=field, old_value=shown(field, old),
                                                     new_value=shown(field, new), reason=why, corrected_on=day))
        if field != "level" and e.level != old_level:
            uow.session.add(m.EvaluationCorrectionRecord(
                evaluation_id=e.id, field="result_level", old_value=shown("result_level", old_level),
                new_value=shown("result_level", e.level), reason=why, corrected_on=day))
        uow.audit("evaluation.correct", "evaluation", e.id, {"field": field, "old": old, "new": new, "reason": why})
        return uow.commit()
