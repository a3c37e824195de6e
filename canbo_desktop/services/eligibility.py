"""Appointment eligibility: every condition for (person, title, date), with overrides that carry the
competent authority's reference and are audited."""

from __future__ import annotations

from datetime import date

from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.repositories import CadreRepository, ProcedureRepository, ReferenceRepository
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from canbo_desktop.domain.rules.eligibility import EligibilityReport, TitleInfo, check_eligibility
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.text import clean_line
from canbo_desktop.i18n import translate
from canbo_desktop.services.rules import rule_book

OVERRIDE_ROLES = ("admin", "head")


def _reference_data(uow: UnitOfWork) -> tuple[dict[str, TitleInfo], dict[str, dict[str, int]], dict[str, str]]:
    refs = ReferenceRepository(uow.session)
    titles = refs.titles()
    ranks, labels = refs.ranks_and_names()
    labels.update({code: t.name for code, t in titles.items()})
    return titles, ranks, labels


def eligibility(uowf: UowFactory, cadre_id: str, title_code: str, on: date) -> EligibilityReport:
    """Every appointment condition for the person and title on ``on``, with the overrides already
    recorded on this person's open procedure for that title."""
    book = rule_book(uowf)
    with uowf() as uow:
        CadreRepository(uow.session).record(cadre_id)  # outside the user's scope: AccessDenied, naming the unit
        titles, ranks, labels = _reference_data(uow)
        title = titles.get(title_code)
        if title is None:
            raise NotFound(translate("services.eligibility", "There is no title «{code}» in the code list.").format(
                code=title_code))
        people = FactsRepository(uow.session).people(ids=[cadre_id], statuses=())
        if not people:
            raise NotFound(translate("services.eligibility", "This person's record was not found."))
        person = people[0]
        proc = ProcedureRepository(uow.session).open_for(cadre_id, title_code)
        overrides = {o["rule"]: o["reference"] for o in (proc.overrides if proc else [])}
    retire_on = None
    if person.birth_date is not None and person.sex in ("M", "F"):
        retire_on = retirement(person.sex, person.birth_date, person.birth_precision, book).retirement_date
    return check_eligibility(person, title, on, book, titles=titles, retirement_date=retire_on, ranks=ranks,
                             labels=labels, overrides=overrides)


def record_override(uowf: UowFactory, cadre_id: str, title_code: str, rule_code: str, reference: str, *,
                    role: str, on: date) -> ChangeSet:
    """Record that the competent authority accepted a special case for one failed condition. The
    reference (document number and date) is required; the override is kept on the person's open
    procedure for that title (created as a draft if there is none) and written to the audit log."""
    if role not in OVERRIDE_ROLES:
        raise PermissionDenied(translate("services.eligibility", "Only the head of office or an administrator may "
                                         "record a special case."))
    ref = clean_line(reference)
    if len(ref) < 4:
        raise ValidationError(translate("services.eligibility", "Enter the number and date of the competent "
                                        "authority's document approving the special case."),
                              {"reference": translate("services.eligibility", "required")})
    report = eligibility(uowf, cadre_id, title_code, on)
    codes = {r.code: r for r in report.results}
    if rule_code not in codes:
        raise ValidationError(translate("services.eligibility", "There is no condition «{code}».").format(
            code=rule_code))
    if codes[rule_code].status not in ("fail", "overridden"):
        raise ValidationError(translate("services.eligibility", "The condition «{name}» is not failed: no special "
                                        "case is needed.").format(name=codes[rule_code].name))
    with uowf() as uow:
        cadre = CadreRepository(uow.session).get(cadre_id)
        entry = {"rule": rule_code, "reference": ref, "by": uow.actor, "at": uow.now().isoformat()}
        proc_id = ProcedureRepository(uow.session).set_override(cadre_id, title_code, cadre.owner_unit_id, entry)
        uow.audit("eligibility.override", "appointment_procedure", proc_id,
                  {"cadre_id": cadre_id, "title_code": title_code, "rule": rule_code, "reference": ref})
        return uow.commit()
