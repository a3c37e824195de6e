"""Many CVs at once: one PDF per person on a pool of processes (every core), or one merged PDF with a
bookmark per person. Made for a GUI worker: ``progress(fraction, message)`` is called from the calling
thread, and ``CancelToken.cancel()`` stops the work within about one CV.

Each process opens the database itself (``Database.target``), reads its people in one session with one
copy of the code lists, and draws with the fonts it registered once. The merged file is drawn by a single
process: reportlab cannot join finished PDFs, and one document is what gives the outline.

The batch acts for a user (``actor``): a batch with anyone outside the user's organisation scope is refused
whole, before any file is written (the message says how many); the CVs are masked like the user's own
(``CadreRepository.file``), and every CV printed with sensitive data is written to the audit log
(``view_sensitive``, purpose ``print``) once the batch is over.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db.documents import unit_by_code, unit_cadre_ids
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.access import AccessDenied, Op, allows, denial
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.text import fold
from canbo_desktop.i18n import language, set_language, translate

Progress = Callable[[float, str], None]
IN_PROCESS_BELOW = 12  # starting processes (≈ 0.5 s each) costs more than it saves for a handful


class Cancelled(CanboError):
    """The user stopped the batch."""


class CancelToken:
    """Set from the GUI thread (the Cancel button), read by the batch between CVs."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@dataclass
class BatchResult:
    files: list[str] = field(default_factory=list)
    done: int = 0
    total: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (cadre id, Vietnamese message)
    cancelled: bool = False
    seconds: float = 0.0
    workers: int = 0


def file_name(full_name: str, cadre_id: str) -> str:
    """"dang-quoc-viet-1a2b3c4d.pdf": readable on every file system, unique by the id's random tail."""
    slug = "-".join(w for w in "".join(ch if ch.isalnum() else " " for ch in fold(full_name)).split() if w)
    return f"{slug or 'can-bo'}-{cadre_id.replace('-', '')[-8:]}.pdf"


def unit_ids(uowf: UowFactory, unit_code: str, *, subtree: bool = True) -> list[str]:
    """The people of the unit with that code (and of every unit below it), in name order; a unit outside the
    user's organisation scope raises ``AccessDenied``."""
    with uowf() as uow:
        unit = unit_by_code(uow.session, unit_code)
        access.require_scope(uow.session, Op.PRINT, unit.id)
        return unit_cadre_ids(uow.session, unit.id, subtree=subtree)


def record_export(uowf: UowFactory, document: str, cadre_ids: Sequence[str], target: str) -> None:
    """Printing personal data is an export: one audit entry names the people and the file or folder."""
    with uowf() as uow:
        uow.audit("export", "cadre", cadre_ids[0] if len(cadre_ids) == 1 else "",
                  {"document": document, "count": len(cadre_ids), "ids": list(cadre_ids), "target": target})
        uow.commit()


# ------------------------------------------------------------------------------------------- workers

_state: dict[str, Any] = {}


def _worker_init(db_target: str, form: str, counter: Any, stop: Any, actor: str = "batch",
                 lang: str | None = None) -> None:
    from canbo_desktop.services.database import open_database

    if lang is not None:  # a spawned worker: its messages in the language of the program that started it
        set_language(lang)

    db = open_database(db_target, migrate=False)
    _state.update(db=db, form=form, counter=counter, stop=stop, labels=None, actor=actor)


def _viewed(session: Any) -> bool:
    """Whether the CV just read handed out sensitive data unmasked (``CadreRepository.file`` notes it)."""
    from canbo_desktop.services.cadres import pending_views

    return bool(pending_views(session))


def _tick(counter: Any) -> None:
    with counter.get_lock():
        counter.value += 1


Outcome = tuple[str, str | None, str | None, bool]  # (cadre id, file, error, sensitive data printed)


def _render_files(ids: Sequence[str], out_dir: str) -> list[Outcome]:
    """Worker: one PDF per person; stops early when the batch is cancelled."""
    from canbo_desktop.services.pdf.cv import cv_from_session, render_cv

    db, form, counter, stop = _state["db"], _state["form"], _state["counter"], _state["stop"]
    out: list[Outcome] = []
    with db.uow(_state["actor"])() as uow:
        if _state["labels"] is None:
            from canbo_desktop.services.pdf.cv import labels_for

            _state["labels"] = labels_for(uow.session)
        for cid in ids:
            if stop.is_set():
                break
            try:
                data = cv_from_session(uow.session, cid, form=form, labels=_state["labels"])
                viewed = _viewed(uow.session)
                path = os.path.join(out_dir, file_name(data.file.cadre.full_name, cid))
                tmp = path + ".part"
                render_cv(data, tmp)
                os.replace(tmp, path)  # a file is either complete or absent
                out.append((cid, path, None, viewed))
            except CanboError as exc:
                out.append((cid, None, exc.message, False))
            except Exception as exc:  # one bad record must not stop the other 999
                out.append((cid, None, translate("services.pdf.batch", "Printing failed: {error}").format(error=exc),
                            False))
            _tick(counter)
    return out


class _Stop(Exception):
    pass


def _render_merged(ids: Sequence[str], path: str) -> list[Outcome]:
    """Worker: every CV in one PDF, a bookmark and its own page numbers per person."""
    from canbo_desktop.services.pdf import nd30
    from canbo_desktop.services.pdf.cv import cv_from_session, cv_story, labels_for

    db, form, counter, stop = _state["db"], _state["form"], _state["counter"], _state["stop"]
    story: list[Any] = []
    out: list[Outcome] = []
    with db.uow(_state["actor"])() as uow:
        labels = labels_for(uow.session)
        for cid in ids:
            try:
                data = cv_from_session(uow.session, cid, form=form, labels=labels)
            except CanboError as exc:
                out.append((cid, None, exc.message, False))
                continue
            nd30.new_part(story, f"{len(out) + 1}. {data.file.cadre.full_name}", f"cv{len(out)}")
            story += cv_story(data)
            out.append((cid, path, None, _viewed(uow.session)))

    def on_part(_index: int) -> None:
        if stop.is_set():
            raise _Stop
        _tick(counter)

    tmp = path + ".part"
    try:
        nd30.build(story, tmp, title="Sơ yếu lý lịch cán bộ, công chức", on_part=on_part)  # i18n: data
    except _Stop:
        if os.path.exists(tmp):
            os.remove(tmp)
        return []
    os.replace(tmp, path)
    return out


# ------------------------------------------------------------------------------------------- the batch


def _check_scope(db_target: str, actor: str, ids: Sequence[str]) -> None:
    """Refuse the whole batch when the user may not print someone of it (another unit's people)."""
    from canbo_desktop.services.database import open_database

    db = open_database(db_target, migrate=False)
    try:
        with db.uow(actor)() as uow:
            principal = access.session_principal(uow.session)
            if principal.system:
                return
            if not allows(principal, Op.PRINT):
                raise denial(principal, Op.PRINT)
            C, U = m.CadreRecord, m.OrgUnitRecord
            outside = 0
            for start in range(0, len(ids), 900):
                part = list(ids[start:start + 900])
                for (path,) in uow.session.execute(select(U.path).join(C, C.owner_unit_id == U.id).where(
                        C.id.in_(part), C.deleted.is_(False))):
                    outside += not allows(principal, Op.PRINT, path)
    finally:
        db.close()
    if outside:
        if principal.scope_name:
            text = translate("services.pdf.batch", "Cannot print: {outside}/{total} of the chosen people belong to "
                             "units outside your scope ({scope}). Leave them out and print again; no file was "
                             "created.")
        else:
            text = translate("services.pdf.batch", "Cannot print: {outside}/{total} of the chosen people belong to "
                             "units outside your scope. Leave them out and print again; no file was created.")
        raise AccessDenied(text.format(outside=outside, total=len(ids), scope=principal.scope_name))


def _audit_views(db_target: str, actor: str, cadre_ids: Sequence[str]) -> None:
    """One ``view_sensitive`` audit entry (purpose ``print``) per CV printed with sensitive data."""
    if not cadre_ids:
        return
    from canbo_desktop.services.database import open_database

    db = open_database(db_target, migrate=False)
    try:
        with db.uow(actor)() as uow:
            for cid in dict.fromkeys(cadre_ids):
                uow.audit("view_sensitive", "cadre", cid, {"purpose": "print"})
            uow.commit()
    finally:
        db.close()


def render_cv_batch(db_target: str, cadre_ids: Sequence[str], *, out_dir: str | Path | None = None,
                    merged: str | Path | None = None, form: str = "bnv", workers: int | None = None,
                    progress: Progress | None = None, cancel: CancelToken | None = None,
                    chunk: int = 8, actor: str = "batch") -> BatchResult:
    """Write the CVs of ``cadre_ids``: one file each into ``out_dir``, or all in ``merged``.

    ``workers`` processes (default: every core; 0 = in this process) draw in parallel; ``progress`` gets
    (fraction done, Vietnamese message) about five times a second; ``cancel`` stops between CVs (files
    already written stay, and are listed). ``actor``: the logged-in user the batch prints for (see the module
    docstring); anyone outside the user's scope refuses the whole batch with ``AccessDenied``."""
    from canbo_desktop.services.pdf.cv import FORMS

    if form not in FORMS:
        raise ValidationError(translate("services.pdf.batch", "There is no CV form «{form}».").format(form=form),
                              {"form": form})
    if (out_dir is None) == (merged is None):
        raise ValidationError(translate("services.pdf.batch", "Choose a folder (one file per person) or one merged "
                                        "file."))
    started = time.perf_counter()
    report = progress or (lambda f, m: None)
    ids = list(dict.fromkeys(cadre_ids))
    result = BatchResult(total=len(ids))
    if not ids:
        return result
    _check_scope(db_target, actor, ids)
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    else:
        Path(str(merged)).parent.mkdir(parents=True, exist_ok=True)
    ctx = multiprocessing.get_context("spawn")
    n_workers = (os.cpu_count() or 2) if workers is None else workers
    if merged is not None:
        n_workers = min(n_workers, 1)
    in_process = n_workers == 0 or len(ids) < IN_PROCESS_BELOW
    counter = ctx.Value("i", 0)
    stop = ctx.Event()
    tasks: list[tuple[Callable[..., Any], tuple[Any, ...]]]
    if merged is not None:
        tasks = [(_render_merged, (ids, str(merged)))]
    else:
        tasks = [(_render_files, (ids[i:i + chunk], str(out_dir))) for i in range(0, len(ids), chunk)]
    outcomes: list[Outcome] = []

    def poll() -> None:
        done = counter.value
        report(min(done, len(ids)) / len(ids), translate("services.pdf.batch", "Printed {done} / {total} CVs").format(
            done=done, total=len(ids)))
        if cancel is not None and cancel.cancelled:
            stop.set()

    if in_process:
        result.workers = 0
        saved = dict(_state)
        _worker_init(db_target, form, counter, stop, actor)
        try:
            for fn, args in tasks:
                poll()
                if stop.is_set():
                    break
                outcomes += fn(*args)
        finally:
            _state["db"].close()
            _state.clear()
            _state.update(saved)
    else:
        result.workers = min(n_workers, len(tasks))
        with ProcessPoolExecutor(max_workers=result.workers, mp_context=ctx, initializer=_worker_init,
                                 initargs=(db_target, form, counter, stop, actor, language())) as pool:
            pending: set[Future[Any]] = {pool.submit(fn, *args) for fn, args in tasks}
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in finished:
                    if fut.cancelled():
                        continue
                    try:
                        outcomes += fut.result()
                    except BrokenProcessPool as exc:
                        raise CanboError(translate("services.pdf.batch", "The CV printing process stopped abnormally "
                                                   "(out of memory or closed by the operating system). Try again "
                                                   "with fewer people.")) from exc
                poll()
                if stop.is_set():
                    for fut in pending:
                        fut.cancel()
    poll()
    result.cancelled = stop.is_set()
    printed: list[str] = []
    for cid, path, error, viewed in outcomes:
        if error is not None:
            result.failed.append((cid, error))
        elif path is not None:
            result.done += 1
            if viewed and os.path.exists(path):
                printed.append(cid)
            if path not in result.files:
                result.files.append(path)
    _audit_views(db_target, actor, printed)
    result.seconds = round(time.perf_counter() - started, 3)
    report(1.0 if not result.cancelled else result.done / len(ids),
           translate("services.pdf.batch", "Stopped as requested.") if result.cancelled else
           translate("services.pdf.batch", "Done: {count} CVs.").format(count=result.done))
    return result
