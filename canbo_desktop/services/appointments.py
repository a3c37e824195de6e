"""The appointment procedure (quy trình bổ nhiệm) from the policy to the decision; re-appointment and
dismissal follow the same pattern (domain.md §3.3–§3.4).

A procedure is started for a person, a title and a kind (appointment from the unit's own staff — 5 steps —
or from elsewhere — 3 steps; re-appointment; dismissal). The steps, the quorum (2/3 of those convened),
the pass threshold (more than half of the leadership collective), the policy deadlines (15 and 30 working
days) and the dossier items come from rule ``appointment_procedure``; the dossier items' names and legal
order from the ``document_kind`` code list. :func:`procedure_view` shows everything, with the eligibility
report (``services/eligibility``) and what still blocks completion; :func:`complete_procedure` refuses
while anything blocks, else records the decision through ``services/records.record_decision`` — in the
same transaction — with the term from rule ``appointment_term`` (shortened to the retirement date).

Roles: a clerk prepares (start, policy, steps, documents); completing and cancelling is for the head of
the office or an admin; a viewer changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from canbo_desktop.db import models as m
from canbo_desktop.db.repositories import CadreRepository, OrgUnitRepository, ProcedureRepository
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.db.workflow import AppointmentRepository, CodeListRepository
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.decisions import DecisionInput
from canbo_desktop.domain.errors import CanboError, Conflict, NotFound, PermissionDenied, ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.rules.terms import term_end
from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.i18n import translate
from canbo_desktop.services import records
from canbo_desktop.services.eligibility import eligibility
from canbo_desktop.services.rules import rule_book

OPEN_STATUSES = ("draft", "in_progress")


def _need(role: str, roles: tuple[str, ...], message: str) -> None:
    """``message``: the whole refusal (who may do what), already translated."""
    if role not in roles:
        raise PermissionDenied(message)


def _open(rec: m.AppointmentProcedureRecord) -> None:
    if rec.status not in OPEN_STATUSES:
        raise ValidationError(translate("services.appointments", "This procedure is {status}: it can no longer be "
                                        "changed.").format(
            status=w.PROCEDURE_STATUS_LABELS.get(rec.status, rec.status).lower()), {"status": rec.status})


# --------------------------------------------------------------------------------------------- start


def start_procedure(uowf: UowFactory, cadre_id: str, title_code: str, *, role: str, kind: str = "appointment",
                    source: str = "internal", unit_id: str | None = None, note: str = "",
                    on: date | None = None) -> tuple[str, ChangeSet]:
    """Start a procedure for ``cadre_id`` and ``title_code``: ``kind`` appointment | reappointment | dismissal,
    ``source`` internal | external (appointments only), ``unit_id`` the unit of the post (default: the
    person's unit). Creates its steps and its dossier checklist. A draft left by a special-case approval
    (``services.eligibility.record_override``) is taken over with its overrides; a procedure already under
    way for that person and title is refused. Returns (procedure id, changes)."""
    _need(role, w.ENTRY_ROLES, translate("services.appointments", "Only an officer, the head of office or an "
                                         "administrator may start an appointment procedure."))
    if kind != "appointment":
        source = "internal"
    book = rule_book(uowf)
    with uowf() as uow:
        today = on or uow.now().date()
        spec = w.procedure_spec(book, kind, source, today)
        cadre = CadreRepository(uow.session).record(cadre_id)
        if cadre.trashed_at is not None:
            raise ValidationError(translate("services.appointments", "The record is in the trash: restore it before "
                                            "starting a procedure."))
        if title_code not in CodeListRepository(uow.session).title_names():
            raise NotFound(translate("services.appointments", "There is no title «{code}» in the code list.").format(
                code=title_code))
        if kind in ("reappointment", "dismissal") and cadre.title_code != title_code:
            message = (translate("services.appointments", "{name} does not hold this title, so cannot be "
                                 "reappointed.") if kind == "reappointment" else
                       translate("services.appointments", "{name} does not hold this title, so cannot be "
                                 "dismissed."))
            raise ValidationError(message.format(name=cadre.full_name),
                                  {"title_code": translate("services.appointments", "not the current title")})
        unit = unit_id or cadre.owner_unit_id
        OrgUnitRepository(uow.session).get(unit)
        rec = ProcedureRepository(uow.session).open_for(cadre_id, title_code)
        if rec is not None and AppointmentRepository(uow.session).steps(rec.id):
            raise Conflict(translate("services.appointments", "{name} already has a {kind} procedure for this title "
                                     "under way.").format(name=cadre.full_name,
                                                          kind=w.PROCEDURE_KINDS.get(rec.kind, rec.kind).lower()))
        if rec is None:
            rec = m.AppointmentProcedureRecord(cadre_id=cadre_id, title_code=title_code, overrides=[])
            uow.session.add(rec)
        rec.kind, rec.source, rec.unit_id, rec.status = kind, source, unit, "in_progress"
        rec.note = clean_multiline(note) or rec.note or ""
        uow.session.flush()
        for s in spec.steps:
            uow.session.add(m.AppointmentStepRecord(procedure_id=rec.id, step_no=s.no, name=s.name,
                                                    announced=s.announce))
        for code in spec.documents:
            uow.session.add(m.AppointmentDocumentRecord(procedure_id=rec.id, doc_kind=code, present=False))
        uow.audit("appointment.start", "appointment_procedure", rec.id,
                  {"cadre_id": cadre_id, "title_code": title_code, "kind": kind, "source": source})
        pid = rec.id
        return pid, uow.commit()


# --------------------------------------------------------------------------------------------- policy


def set_policy(uowf: UowFactory, procedure_id: str, reference: str, submitted_on: date | None,
               approved_on: date | None, *, role: str) -> ChangeSet:
    """Record the policy (chủ trương): the reference of the submission/approval, when it was submitted and
    when the competent authority approved it (None while waiting). The view shows the deadlines."""
    _need(role, w.ENTRY_ROLES, translate("services.appointments", "Only an officer, the head of office or an "
                                         "administrator may record the policy."))
    ref = clean_line(reference)
    errors: dict[str, str] = {}
    if submitted_on is None:
        errors["submitted_on"] = translate("services.appointments", "Enter the date the policy was submitted.")
    if approved_on is not None and submitted_on is not None and approved_on < submitted_on:
        errors["approved_on"] = translate("services.appointments", "The approval date is before the submission "
                                          "date.")
    if approved_on is not None and len(ref) < 3:
        errors["reference"] = translate("services.appointments", "Enter the number and symbol of the document "
                                        "approving the policy.")
    if errors:
        raise ValidationError(translate("services.appointments", "The policy could not be saved: {problems}").format(
            problems=" ".join(errors.values())), errors)
    with uowf() as uow:
        repo = AppointmentRepository(uow.session)
        rec = repo.procedure_record(procedure_id)
        _open(rec)
        held = [s.held_on for s in repo.steps(procedure_id).values() if s.held_on is not None]
        if approved_on is not None and held and min(held) < approved_on:
            raise ValidationError(translate("services.appointments", "A step was already held on {date}, before the "
                                            "policy's approval date.").format(date=format_date(min(held))),
                                  {"approved_on": translate("services.appointments", "after a held step")})
        rec.policy_ref, rec.policy_submitted_on, rec.policy_approved_on = ref, submitted_on, approved_on
        return uow.commit()


# --------------------------------------------------------------------------------------------- steps


@dataclass(frozen=True)
class _Proc:
    """What the checks read of a procedure row, copied out of the session (rows expire when it closes)."""

    id: str
    cadre_id: str
    kind: str
    source: str
    title_code: str
    unit_id: str
    status: str
    policy_ref: str
    policy_submitted_on: date | None
    policy_approved_on: date | None
    decision_id: str | None
    overrides: tuple[dict[str, Any], ...]
    note: str
    rev: int

    @staticmethod
    def of(rec: m.AppointmentProcedureRecord) -> _Proc:
        return _Proc(rec.id, rec.cadre_id, rec.kind, rec.source, rec.title_code, rec.unit_id, rec.status,
                     rec.policy_ref, rec.policy_submitted_on, rec.policy_approved_on, rec.decision_id,
                     tuple(dict(o) for o in (rec.overrides or ())), rec.note, rec.rev)


@dataclass(frozen=True)
class _Step:
    no: int
    name: str
    inp: w.StepInput

    @staticmethod
    def of(s: m.AppointmentStepRecord) -> _Step:
        return _Step(s.step_no, s.name, w.StepInput(s.held_on, s.convened, s.present, s.ballots_issued,
                                                    s.ballots_returned, s.ballots_valid, s.agree, s.disagree,
                                                    s.minutes, s.announced))


def _step_view(book: RuleBook, kind: str, source: str, st: _Step, fallback: date) -> w.StepView:
    inp = st.inp
    spec = w.procedure_spec(book, kind, source, inp.held_on or fallback)
    try:
        step = spec.step(st.no)
    except ValidationError:
        step = w.StepSpec(st.no, st.name, inp.ballots_issued is not None, inp.convened is not None,
                          bool(inp.announced), None, "convened")
    status, reasons = w.assess_step(step, inp, spec.quorum_fraction)
    return w.StepView(st.no, st.name, step.ballot, inp.held_on, inp.convened, inp.present, inp.ballots_issued,
                      inp.ballots_returned, inp.ballots_valid, inp.agree, inp.disagree, bool(inp.announced),
                      inp.minutes, status, w.STEP_STATUS_LABELS[status], reasons)


def record_step(uowf: UowFactory, procedure_id: str, step_no: int, inp: w.StepInput, *,
                role: str) -> tuple[w.StepView, ChangeSet]:
    """Record a conference step: date, convened, present, ballots issued / returned / valid, agree /
    disagree, minutes. Steps go in order (a step after a failed one is refused, and so is a date before
    the policy's approval or the previous step). Returns the step as assessed — pass / fail / recorded with
    the quorum and the threshold of the rule, and why — and the changes. A step may be recorded again
    (corrected) while the procedure is open."""
    _need(role, w.ENTRY_ROLES, translate("services.appointments", "Only an officer, the head of office or an "
                                         "administrator may record the results of the steps."))
    book = rule_book(uowf)
    with uowf() as uow:
        repo = AppointmentRepository(uow.session)
        rec = repo.procedure_record(procedure_id)
        _open(rec)
        steps = repo.steps(procedure_id)
        if step_no not in steps:
            raise ValidationError(translate("services.appointments", "This procedure has no step {no}.").format(
                no=step_no), {"step_no": translate("services.appointments", "does not exist")})
        day = inp.held_on or uow.now().date()
        spec = w.procedure_spec(book, rec.kind, rec.source, day)
        step = spec.step(step_no)
        errors = w.validate_step(step, inp)
        if errors:
            raise ValidationError(translate("services.appointments", "Step {no} could not be saved: {problems}"
                                            ).format(no=step_no, problems=" ".join(errors.values())), errors)
        assert inp.held_on is not None
        if spec.policy_required and rec.policy_approved_on is None:
            raise ValidationError(translate("services.appointments", "There is no approved policy yet: record the "
                                            "policy before carrying out the steps."),
                                  {"policy": translate("services.appointments", "not approved")})
        if rec.policy_approved_on is not None and inp.held_on < rec.policy_approved_on:
            raise ValidationError(translate("services.appointments", "The meeting date is before the policy's "
                                            "approval date ({date}).").format(date=format_date(rec.policy_approved_on)),
                                  {"held_on": translate("services.appointments", "before the policy")})
        for no in sorted(steps):
            other = steps[no]
            if no < step_no:
                if other.held_on is None:
                    raise ValidationError(translate("services.appointments", "Step {no} has not been carried out: "
                                                    "the steps go in order.").format(no=no),
                                          {"step_no": translate("services.appointments", "not this step yet")})
                if inp.held_on < other.held_on:
                    raise ValidationError(translate("services.appointments", "The meeting date is before the date of "
                                                    "step {no} ({date}).").format(no=no,
                                                                                  date=format_date(other.held_on)),
                                          {"held_on": translate("services.appointments", "before the previous step")})
                if _step_view(book, rec.kind, rec.source, _Step.of(other), day).status == "fail":
                    raise ValidationError(translate("services.appointments", "Step {no} failed: the procedure cannot "
                                                    "go on (cancel it, or record step {no} again if it was held "
                                                    "again).").format(no=no),
                                          {"step_no": translate("services.appointments", "a previous step failed")})
            elif no > step_no and other.held_on is not None and inp.held_on > other.held_on:
                raise ValidationError(translate("services.appointments", "The meeting date is after the date of step "
                                                "{no} ({date}).").format(no=no, date=format_date(other.held_on)),
                                      {"held_on": translate("services.appointments", "after the next step")})
        s = steps[step_no]
        s.held_on, s.convened, s.present = inp.held_on, inp.convened, inp.present
        s.ballots_issued, s.ballots_returned, s.ballots_valid = inp.ballots_issued, inp.ballots_returned, inp.ballots_valid
        s.agree, s.disagree = inp.agree, inp.disagree
        s.minutes = clean_multiline(inp.minutes)
        s.announced = step.announce if inp.announced is None else bool(inp.announced)
        if rec.status == "draft":
            rec.status = "in_progress"
        view = _step_view(book, rec.kind, rec.source, _Step.of(s), day)
        uow.audit("appointment.step", "appointment_procedure", rec.id, {"step_no": step_no, "status": view.status})
        return view, uow.commit()


# --------------------------------------------------------------------------------------------- documents


def set_document(uowf: UowFactory, procedure_id: str, doc_kind: str, present: bool, *, role: str,
                 doc_date: date | None = None, note: str = "") -> ChangeSet:
    """Tick a dossier item present (with its date, which matters for the health certificate) or not."""
    _need(role, w.ENTRY_ROLES, translate("services.appointments", "Only an officer, the head of office or an "
                                         "administrator may update the appointment dossier."))
    with uowf() as uow:
        repo = AppointmentRepository(uow.session)
        rec = repo.procedure_record(procedure_id)
        _open(rec)
        kinds = {k.code: k for k in repo.document_kinds()}
        if doc_kind not in kinds:
            raise ValidationError(translate("services.appointments", "There is no dossier item «{kind}».").format(
                kind=doc_kind), {"doc_kind": translate("services.appointments", "does not exist")})
        if doc_date is not None and doc_date > uow.now().date():
            raise ValidationError(translate("services.appointments", "The document's date is in the future."),
                                  {"doc_date": translate("services.appointments", "after today")})
        doc = repo.documents(procedure_id).get(doc_kind)
        if doc is None:
            doc = m.AppointmentDocumentRecord(procedure_id=procedure_id, doc_kind=doc_kind)
            uow.session.add(doc)
        doc.present = bool(present)
        doc.doc_date = doc_date if present else None
        doc.note = clean_multiline(note)
        return uow.commit()


# --------------------------------------------------------------------------------------------- view


def procedure_view(uowf: UowFactory, procedure_id: str, *, on: date | None = None) -> w.ProcedureView:
    """Everything about a procedure on ``on`` (today by default; the expected appointment date): policy and
    its deadlines, each step assessed, the dossier checklist (present / missing / expired), the eligibility
    report with the overrides recorded for it (appointment and re-appointment, while open), and the list of
    what blocks completion (with warnings that do not)."""
    book = rule_book(uowf)
    with uowf() as uow:
        repo = AppointmentRepository(uow.session)
        rec = repo.procedure_record(procedure_id)
        day = on or uow.now().date()
        proc = _Proc.of(rec)
        data = _gather(uow, repo, rec)
    report = None
    if proc.kind != "dismissal" and proc.status in OPEN_STATUSES:
        report = eligibility(uowf, proc.cadre_id, proc.title_code, day)
    return _compose(book, proc, data, day, report)


def _gather(uow: UnitOfWork, repo: AppointmentRepository, rec: m.AppointmentProcedureRecord) -> dict[str, Any]:
    cadre = CadreRepository(uow.session).record(rec.cadre_id)
    return {
        "full_name": cadre.full_name, "current_position": cadre.current_position,
        "unit_name": repo.unit_name(rec.unit_id),
        "title_name": CodeListRepository(uow.session).title_names().get(rec.title_code, rec.title_code),
        "steps": [_Step.of(v) for _, v in sorted(repo.steps(rec.id).items())],
        "documents": {k: w.DocumentState(d.present, d.doc_date, d.note) for k, d in repo.documents(rec.id).items()},
        "kinds": repo.document_kinds(), "on_file": repo.on_file(rec.cadre_id),
        "decision": repo.decision(rec.decision_id),
    }


def _compose(book: RuleBook, rec: _Proc, data: dict[str, Any], day: date, report: Any) -> w.ProcedureView:
    raw: list[_Step] = data["steps"]
    spec = w.procedure_spec(book, rec.kind, rec.source, rec.policy_submitted_on or day)
    steps = tuple(_step_view(book, rec.kind, rec.source, s, day) for s in raw)
    held = [s.inp.held_on for s in raw if s.inp.held_on is not None]
    last = max(held) if held and len(held) == len(raw) else None
    policy = w.policy_view(spec.policy_required, rec.policy_ref, rec.policy_submitted_on, rec.policy_approved_on,
                           spec, book, last_step_on=last, on=day)
    items = tuple(w.checklist(data["kinds"], spec.documents, data["documents"], data["on_file"], day))
    blockers, warnings = w.blockers_of(spec, policy, steps, items, report)
    if rec.status not in OPEN_STATUSES:
        blockers = [translate("services.appointments", "The procedure is {status}.").format(
            status=w.PROCEDURE_STATUS_LABELS.get(rec.status, rec.status).lower())]
    return w.ProcedureView(
        id=rec.id, cadre_id=rec.cadre_id, full_name=data["full_name"], current_position=data["current_position"],
        unit_id=rec.unit_id, unit_name=data["unit_name"], title_code=rec.title_code, title_name=data["title_name"],
        kind=rec.kind, kind_label=w.PROCEDURE_KINDS.get(rec.kind, rec.kind), source=rec.source,
        source_label=w.PROCEDURE_SOURCES.get(rec.source, rec.source), spec_name=spec.name, status=rec.status,
        status_label=w.PROCEDURE_STATUS_LABELS.get(rec.status, rec.status), policy=policy, steps=steps,
        checklist=items, eligibility=report, eligibility_on=day, overrides=rec.overrides,
        blockers=tuple(blockers), warnings=tuple(warnings), decision=data["decision"], note=rec.note,
        legal_source=spec.legal_source, rev=rec.rev,
    )


def title_names(uowf: UowFactory) -> dict[str, str]:
    """Title code → name (the ``titles`` list), for screens and the CLI."""
    with uowf() as uow:
        return CodeListRepository(uow.session).title_names()


def list_procedures(uowf: UowFactory, *, status: str | None = None, cadre_id: str | None = None,
                    unit_path: str | None = None) -> list[w.ProcedureSummary]:
    """Procedures (filtered by status, person or subtree), most recently changed first."""
    with uowf() as uow:
        return AppointmentRepository(uow.session).summaries(status=status, cadre_id=cadre_id, unit_path=unit_path)


# --------------------------------------------------------------------------------------------- complete


def complete_procedure(uowf: UowFactory, procedure_id: str, decision: w.CompletionInput, *,
                       role: str) -> tuple[str, ChangeSet]:
    """Record the decision that ends the procedure (head/admin). Refused, listing every reason, while the
    policy is missing, a step is missing or failed, a required document is missing or expired, or an
    eligibility condition fails without a special-case approval — checked on the decision's effective
    date. Otherwise, in one transaction: the decision is recorded by ``records.record_decision`` (it updates
    the record, the post, the work history), the term ends per rule ``appointment_term`` (5 years, or the
    retirement date when earlier), and the procedure is marked done. Returns (decision id, changes)."""
    _need(role, w.HEAD_ROLES, translate("services.appointments", "Only the head of office or an administrator may "
                                        "record the decision that completes the procedure."))
    number, issuer = clean_line(decision.number), clean_line(decision.issuer)
    errors: dict[str, str] = {}
    if not number:
        errors["number"] = translate("services.appointments", "Enter the decision number (e.g. 12/QĐ-UBND).")
    if not issuer:
        errors["issuer"] = translate("services.appointments", "Enter the issuing authority.")
    if decision.effective_date is None:
        errors["effective_date"] = translate("services.appointments", "Enter the effective date.")
    if errors:
        raise ValidationError(translate("services.appointments", "The decision is incomplete: {problems}").format(
            problems=" ".join(errors.values())), errors)
    assert decision.effective_date is not None
    view = procedure_view(uowf, procedure_id, on=decision.effective_date)
    if view.blockers:
        raise ValidationError(translate("services.appointments", "The procedure cannot be completed yet: {problems}"
                                        ).format(problems=" ".join(view.blockers)),
                              {"procedure": translate("services.appointments", "incomplete")})
    last = max((s.held_on for s in view.steps if s.held_on), default=None)
    signed = decision.signed_on or decision.effective_date
    if last is not None and signed < last:
        raise ValidationError(translate("services.appointments", "The decision's signing date is before the meeting "
                                        "of the last step ({date}).").format(date=format_date(last)),
                              {"signed_on": translate("services.appointments", "before the last step")})
    book = rule_book(uowf)
    with uowf() as uow:
        repo = AppointmentRepository(uow.session)
        rec = repo.procedure_record(procedure_id)
        _open(rec)
        if rec.rev != view.rev:
            raise Conflict(translate("services.appointments", "Someone else has just changed the procedure; open it "
                                     "again to see the latest version."))
        spec = w.procedure_spec(book, rec.kind, rec.source, decision.effective_date)
        dismissal = spec.decision_kind == "mien_nhiem"
        title_text = clean_line(decision.title_text) or view.title_name
        inp = DecisionInput(
            kind=spec.decision_kind, number=number, signed_on=signed, issuer=issuer,
            effective_date=decision.effective_date, unit_id=None if dismissal else rec.unit_id,
            title_code="" if dismissal else rec.title_code,
            title_text=(clean_line(decision.new_position_text) or "Chuyên viên") if dismissal  # i18n: data
            else title_text,
            summary=clean_multiline(decision.summary) or f"{view.kind_label} {title_text}, {view.unit_name}".strip(", "),
        )
        decision_id = records.apply_decision(uow, rec.cadre_id, inp)
        if not dismissal:
            _apply_term(uow, book, decision_id, rec.cadre_id, decision.effective_date)
        rec.status = "done"
        rec.decision_id = decision_id
        uow.audit("appointment.complete", "appointment_procedure", rec.id,
                  {"decision_id": decision_id, "number": number, "effective_date": decision.effective_date.isoformat()})
        return decision_id, uow.commit()


def _apply_term(uow: UnitOfWork, book: RuleBook, decision_id: str, cadre_id: str, start: date) -> None:
    """Make the term of the new post end as rule ``appointment_term`` says: the decision records a full
    term; when the person retires earlier the term ends at the retirement date."""
    cadre = CadreRepository(uow.session).record(cadre_id)
    retire_on = None
    if cadre.birth_date is not None and cadre.sex in ("M", "F"):
        try:
            retire_on = retirement(cadre.sex, cadre.birth_date, cadre.birth_precision or "day", book).retirement_date
        except CanboError:
            retire_on = None
    end = term_end(start, retire_on if retire_on is None or retire_on >= start else None, book).end
    dec = uow.session.get(m.DecisionRecord, decision_id)
    assert dec is not None
    cadre.term_end_date = end
    dec.end_date = end
    changes = dict(dec.changes or {})
    cadre_changes = dict(changes.get("cadre") or {})
    cadre_changes["term_end_date"] = end.isoformat()
    changes["cadre"] = cadre_changes
    dec.changes = changes
    for table, row_id in changes.get("created", []):
        if table == "cadre_position":
            pos = uow.session.get(m.PositionHistoryRecord, row_id)
            if pos is not None:
                pos.term_end = end
    uow.session.flush()


def cancel_procedure(uowf: UowFactory, procedure_id: str, reason: str, *, role: str) -> ChangeSet:
    """Cancel a procedure that has no decision yet (head/admin), keeping the reason in its note."""
    _need(role, w.HEAD_ROLES, translate("services.appointments", "Only the head of office or an administrator may "
                                        "cancel the procedure."))
    why = clean_multiline(reason)
    if len(why) < 5:
        raise ValidationError(translate("services.appointments", "Enter the reason for cancelling the procedure."),
                              {"reason": translate("services.appointments", "required")})
    with uowf() as uow:
        rec = AppointmentRepository(uow.session).procedure_record(procedure_id)
        _open(rec)
        rec.status = "cancelled"
        line = f"Huỷ ngày {format_date(uow.now().date())}: {why}"  # i18n: data (kept in the record's note)
        rec.note = f"{rec.note}\n{line}".strip()
        uow.audit("appointment.cancel", "appointment_procedure", rec.id, {"reason": why})
        return uow.commit()
