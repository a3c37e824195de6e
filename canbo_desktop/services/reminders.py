"""Reminders of the home screen: retirements, terms, step raises, missing evaluations, weak performers,
incomplete dossiers — for the active cadres of this office's subtree on a date."""

from __future__ import annotations

from datetime import date

from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.rules.reminders import ReminderReport, compute_reminders
from canbo_desktop.services.rules import rule_book


def reminders(uowf: UowFactory, at: date | None = None, *, unit_path: str | None = None) -> ReminderReport:
    """Everything due on ``at`` (today by default) for the live cadres of ``unit_path`` (all if None)."""
    book = rule_book(uowf)
    with uowf() as uow:
        people = FactsRepository(uow.session).people(ListFilter(unit_path=unit_path))
    return compute_reminders(people, at or date.today(), book)
