"""Confidence votes (lấy phiếu tín nhiệm, QĐ 96-QĐ/TW 2023): record a conference and its ballots per
person; read back the quorum and each person's consequence from the rule engine (``domain/rules/votes``).

People appointed or elected in the voting year, and those already notified of retirement, are not voted
on (QĐ 96). "Notified of retirement" is taken as: the vote is held on or after the last day to notify
the person (``appointment_term``: 6 months before the retirement date), computed from the birth date.
"""

from __future__ import annotations

from datetime import date

from canbo_desktop.db.repositories import CadreRepository, OrgUnitRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.db.workflow import VoteRepository
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.errors import CanboError, PermissionDenied, ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.facts import VoteFact
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.rules.terms import retirement_notice_dates
from canbo_desktop.domain.rules.votes import RULE_KEY, assess_vote
from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.i18n import translate
from canbo_desktop.services.rules import rule_book


def record_vote(uowf: UowFactory, unit_id: str, held_on: date, convened: int, present: int,
                rows: list[w.VoteRowInput], *, role: str, note: str = "") -> tuple[str, ChangeSet]:
    """Record one confidence-vote conference of ``unit_id``: convened, present, and per person the
    ballots "tín nhiệm cao / tín nhiệm / tín nhiệm thấp". Validated (present ≤ convened, each person's
    ballots ≤ present, nobody twice, every person on file). Returns (vote id, changes); read the quorum
    and the consequences with :func:`vote_view`."""
    if role not in w.ENTRY_ROLES:
        raise PermissionDenied(translate("services.votes", "Only an officer, the head of office or an administrator "
                                         "may record the results of a confidence vote."))
    errors = w.validate_vote(convened, present, rows)
    if held_on is None:
        errors["held_on"] = translate("services.votes", "Enter the date of the vote.")
    if errors:
        raise ValidationError(translate("services.votes", "The vote results could not be saved: {problems}").format(
            problems=" ".join(errors.values())), errors)
    with uowf() as uow:
        OrgUnitRepository(uow.session).get(unit_id)
        cadres = CadreRepository(uow.session)
        clean = []
        for r in rows:
            c = cadres.record(r.cadre_id)
            clean.append(w.VoteRowInput(r.cadre_id, r.high, r.confidence, r.low,
                                        clean_line(r.title_text) or c.current_position))
        vid = VoteRepository(uow.session).add(unit_id, held_on, convened, present, clean_multiline(note), clean)
        uow.audit("vote.record", "confidence_vote", vid, {"unit_id": unit_id, "held_on": held_on.isoformat(),
                                                          "convened": convened, "present": present,
                                                          "people": len(clean)})
        return vid, uow.commit()


def _notified(sex: str, birth: date | None, precision: str, held_on: date, book: RuleBook) -> bool:
    if birth is None or sex not in ("M", "F"):
        return False
    try:
        retire_on = retirement(sex, birth, precision or "day", book).retirement_date
        return held_on >= retirement_notice_dates(retire_on, book).notice_by
    except CanboError:
        return False


def vote_view(uowf: UowFactory, vote_id: str) -> w.VoteView:
    """The conference with each person's outcome: quorum (≥ 2/3 of those convened), the share of "low"
    ballots, the consequence (> 1/2 low: out of planning for higher posts and considered for release;
    ≥ 2/3 low: dismissal without waiting for the term) with the figures used."""
    book = rule_book(uowf)
    with uowf() as uow:
        repo = VoteRepository(uow.session)
        v = repo.vote_record(vote_id)
        unit = OrgUnitRepository(uow.session).get(v.unit_id)
        vid, held_on, convened, present, note = v.id, v.held_on, v.convened, v.present, v.note
        raw = [(r.id, r.cadre_id, r.title_text, r.high, r.confidence, r.low, tuple(rest))
               for r, *rest in repo.result_rows(vote_id)]
    rows = []
    for rid, cid, title_text, high, mid, low, (name, sex, birth, precision, start, position) in raw:
        fact = VoteFact(held_on.year, "", convened, present, high, mid, low)
        outcome = assess_vote(fact, book, appointed_on=start, held_on=held_on,
                              retirement_notified=_notified(sex, birth, precision, held_on, book))
        rows.append(w.VoteRowView(rid, cid, name, title_text or position or "", high, mid, low, outcome))
    quorum_ok = None
    quorum_text = ""
    voted = [r.outcome for r in rows if r.outcome.subject_to_vote]
    if voted:
        quorum_ok = voted[0].quorum_ok
        quorum_text = voted[0].reasons[0] if voted[0].reasons else ""
    else:
        version = book.version(RULE_KEY, held_on)
        quorum_text = translate("services.votes", "{present}/{convened} convened people present (minimum "
                                "{minimum}); nobody is subject to the vote.").format(
            present=present, convened=convened, minimum=version.params.get('quorum_fraction'))
    return w.VoteView(vid, unit.id, unit.name, held_on, convened, present, quorum_ok, quorum_text, note,
                      tuple(rows), book.version(RULE_KEY, held_on).legal_source)


def list_votes(uowf: UowFactory, *, unit_path: str | None = None) -> list[w.VoteSummary]:
    """Every recorded vote (of the subtree ``unit_path``), latest first."""
    with uowf() as uow:
        return VoteRepository(uow.session).votes(unit_path)
