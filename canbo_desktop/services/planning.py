"""Planning lists (quy hoạch) per term and title: add and remove with the decision ("động và mở"),
who is planned for what, and for each planned person what the appointment rules say today.

The warnings of a list are the eligibility conditions (``domain/rules/eligibility``) for the planned
title that fail or cannot be decided on the date asked, except the dossier documents (health
certificate, photo, asset declaration are only due when a dossier is made), plus the consequence of the
person's latest confidence vote when it removes them from planning for higher posts (QĐ 96). The facts of
the whole list are read in one grouped pass, so a list of a hundred people costs one query per table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any

from canbo_desktop.db import models as m
from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.repositories import CadreRepository, OrgUnitRepository, ReferenceRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.db.workflow import PlanningRepository
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.errors import CanboError, NotFound, PermissionDenied, ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.eligibility import RULE_KEY as CONDITIONS_KEY
from canbo_desktop.domain.rules.eligibility import RULE_PLANNING, TitleInfo, check_eligibility
from canbo_desktop.domain.rules.facts import PersonFacts
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.rules.votes import assess_vote
from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.i18n import translate
from canbo_desktop.services.rules import rule_book


def planning_terms() -> tuple[str, ...]:
    """The terms offered in the lists (others may be typed as "YYYY-YYYY", five years)."""
    return w.PLANNING_TERMS


def _need(role: str) -> None:
    if role not in w.ENTRY_ROLES:
        raise PermissionDenied(translate("services.planning", "Only an officer, the head of office or an "
                                         "administrator may update the planning."))


def add_to_planning(uowf: UowFactory, cadre_id: str, term: str, title_code: str, reference: str, on: date, *,
                    role: str, unit_id: str | None = None) -> tuple[str, ChangeSet]:
    """Put a person in the planning list of ``title_code`` for ``term`` (e.g. "2026-2031") by the decision
    ``reference`` of ``on``; ``unit_id`` is the unit whose post it is (optional). A person already planned
    for that title in that term is refused. Returns (entry id, changes)."""
    _need(role)
    norm = w.parse_term(term)
    ref = clean_line(reference)
    errors: dict[str, str] = {}
    if len(ref) < 3:
        errors["reference"] = translate("services.planning", "Enter the number and symbol of the document "
                                        "approving the planning.")
    if on is None:
        errors["on"] = translate("services.planning", "Enter the approval date.")
    if errors:
        raise ValidationError(translate("services.planning", "Could not add to the planning: {problems}").format(
            problems=" ".join(errors.values())), errors)
    with uowf() as uow:
        cadre = CadreRepository(uow.session).record(cadre_id)
        titles = ReferenceRepository(uow.session).titles()
        if title_code not in titles:
            raise NotFound(translate("services.planning", "There is no title «{code}» in the code list.").format(
                code=title_code))
        if unit_id:
            OrgUnitRepository(uow.session).get(unit_id)
        repo = PlanningRepository(uow.session)
        if repo.active_entry(cadre_id, norm, title_code) is not None:
            raise ValidationError(translate("services.planning", "{name} is already in the planning for the title "
                                            "«{title}», term {term}.").format(
                name=cadre.full_name, title=titles[title_code].name, term=norm),
                {"title_code": translate("services.planning", "already there")})
        rec = m.PlanningEntryRecord(cadre_id=cadre_id, term=norm, title_code=title_code, unit_id=unit_id or None,
                                    added_on=on, added_ref=ref)
        uow.session.add(rec)
        uow.session.flush()
        uow.audit("planning.add", "planning_entry", rec.id,
                  {"cadre_id": cadre_id, "term": norm, "title_code": title_code, "reference": ref})
        eid = rec.id
        return eid, uow.commit()


def remove_from_planning(uowf: UowFactory, entry_id: str, reference: str, reason: str, on: date, *,
                         role: str) -> ChangeSet:
    """Take a person out of a planning list by the decision ``reference`` of ``on``, keeping the reason
    (e.g. more than half "low confidence" ballots, discipline, failed tasks). The entry stays, marked."""
    _need(role)
    ref, why = clean_line(reference), clean_multiline(reason)
    errors: dict[str, str] = {}
    if len(ref) < 3:
        errors["reference"] = translate("services.planning", "Enter the number and symbol of the document "
                                        "removing from the planning.")
    if len(why) < 3:
        errors["reason"] = translate("services.planning", "Enter the reason for removing from the planning.")
    if errors:
        raise ValidationError(translate("services.planning", "Could not remove from the planning: {problems}"
                                        ).format(problems=" ".join(errors.values())), errors)
    with uowf() as uow:
        rec = PlanningRepository(uow.session).record(entry_id)
        if rec.removed_on is not None:
            raise ValidationError(translate("services.planning", "This person was already removed from the "
                                            "planning."), {"entry": translate("services.planning", "already removed")})
        if on < rec.added_on:
            raise ValidationError(translate("services.planning", "The removal date is before the date of entry into "
                                            "the planning."),
                                  {"on": translate("services.planning", "before the entry date")})
        rec.removed_on, rec.removed_ref, rec.removal_reason = on, ref, why
        uow.audit("planning.remove", "planning_entry", rec.id, {"reference": ref, "reason": why})
        return uow.commit()


def planning_list(uowf: UowFactory, *, term: str | None = None, title_code: str | None = None,
                  unit_path: str | None = None, cadre_id: str | None = None, include_removed: bool = False,
                  on: date | None = None) -> list[w.PlanningRow]:
    """Who is planned for what (filters optional), each active entry with its warnings on ``on`` (today
    by default): the appointment conditions for the planned title that fail or are unknown, and a vote
    result that removes the person from planning for higher posts."""
    day = on or date.today()
    norm = w.parse_term(term) if term else None
    book = rule_book(uowf)
    with uowf() as uow:
        rows = PlanningRepository(uow.session).rows(term=norm, title_code=title_code, unit_path=unit_path,
                                                    include_removed=include_removed, cadre_id=cadre_id)
        ids = sorted({r.cadre_id for r in rows if r.active})
        people = {p.cadre_id: p for p in FactsRepository(uow.session).people(ids=ids, statuses=())} if ids else {}
        refs = ReferenceRepository(uow.session)
        titles = refs.titles()
        ranks, labels = refs.ranks_and_names()
        labels.update({code: t.name for code, t in titles.items()})
    documents = _document_codes(book, day)
    out = []
    for r in rows:
        person = people.get(r.cadre_id)
        title = titles.get(r.title_code)
        if not r.active or person is None or title is None:
            out.append(r)
            continue
        warnings = _warnings(person, title, day, book, titles, ranks, labels, documents)
        out.append(dataclasses.replace(r, warnings=tuple(warnings)))
    return out


def _document_codes(book: RuleBook, on: date) -> set[str]:
    v = book.find(CONDITIONS_KEY, on)
    if v is None:
        return set()
    return {str(d.get("code")) for d in (v.params.get("documents") or []) if isinstance(d, Mapping)}


def _warnings(person: PersonFacts, title: TitleInfo, on: date, book: RuleBook, titles: dict[str, TitleInfo],
              ranks: dict[str, dict[str, int]], labels: dict[str, str], documents: set[str]) -> list[w.PlanningWarning]:
    out: list[w.PlanningWarning] = []
    try:
        retire_on = None
        if person.birth_date is not None and person.sex in ("M", "F"):
            retire_on = retirement(person.sex, person.birth_date, person.birth_precision, book).retirement_date
        report = check_eligibility(person, title, on, book, titles=titles, retirement_date=retire_on, ranks=ranks,
                                   labels=labels)
    except CanboError as exc:
        return [w.PlanningWarning("loi_quy_dinh", translate("services.planning", "Conditions could not be checked"),
                                  "unknown", exc.message, "")]
    for res in report.results:
        if res.code in documents or res.code == RULE_PLANNING or res.status not in ("fail", "unknown"):
            continue
        out.append(w.PlanningWarning(res.code, res.name, res.status, res.reason, res.legal_source))
    if person.votes:
        latest = max(person.votes, key=lambda v: v.year)
        try:
            outcome: Any = assess_vote(latest, book)
        except CanboError:
            outcome = None
        if outcome is not None and outcome.remove_from_higher_planning:
            out.append(w.PlanningWarning("phieu_tin_nhiem", "Kết quả lấy phiếu tín nhiệm", "fail",  # i18n: data
                                         translate("services.planning", "In {year}: {consequence}").format(
                                             year=latest.year, consequence=outcome.consequence_text),
                                         outcome.legal_source))
    return out
