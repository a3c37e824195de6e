"""Reminders of the home screen: retirements, terms, step raises, missing evaluations, weak performers,
incomplete dossiers — for the active cadres of this office's subtree on a date.

Only the people of the user's organisation scope are looked at (``FactsRepository.people`` applies it): the
counting process opens the database as the same user (``actor``)."""

from __future__ import annotations

import logging
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


def _lower_priority() -> None:
    """Background counting yields the processor to the window the clerk is using (2-core machines)."""
    import os
    import sys

    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(10)
    except OSError as exc:  # not allowed here: count at normal priority
        logging.getLogger(__name__).debug("priority not lowered: %s", exc)


def _reminders_worker(target: str, at: date | None, unit_path: str | None, actor: str = "system") -> ReminderReport:
    from canbo_desktop.services.database import open_database

    _lower_priority()
    db = open_database(target, migrate=False)
    try:
        return reminders(db.uow(actor), at, unit_path=unit_path)
    finally:
        db.close()


def reminders_in_process(target: str, at: date | None = None, *, unit_path: str | None = None,
                         actor: str = "system") -> ReminderReport:
    """The same reminders, computed in a separate process. On a province (100,000 people) the work is
    many seconds of pure Python; in the application's own process it would compete with the window for
    the interpreter lock and make typing and scrolling stutter. The caller's thread only waits. ``actor``: the
    logged-in user, whose organisation scope limits the people counted (the default, the system, sees all)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_reminders_worker, target, at, unit_path, actor).result()
