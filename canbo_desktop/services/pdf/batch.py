"""Many CVs at once: one PDF per person on a pool of processes (every core), or one merged PDF with a
bookmark per person. Made for a GUI worker: ``progress(fraction, message)`` is called from the calling
thread, and ``CancelToken.cancel()`` stops the work within about one CV.

Each process opens the database itself (``Database.target``), reads its people in one session with one
copy of the code lists, and draws with the fonts it registered once. The merged file is drawn by a single
process: reportlab cannot join finished PDFs, and one document is what gives the outline.
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

from canbo_desktop.db.documents import unit_by_code, unit_cadre_ids
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.text import fold

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
    """The people of the unit with that code (and of every unit below it), in name order."""
    with uowf() as uow:
        unit = unit_by_code(uow.session, unit_code)
        return unit_cadre_ids(uow.session, unit.id, subtree=subtree)


def record_export(uowf: UowFactory, document: str, cadre_ids: Sequence[str], target: str) -> None:
    """Printing personal data is an export: one audit entry names the people and the file or folder."""
    with uowf() as uow:
        uow.audit("export", "cadre", cadre_ids[0] if len(cadre_ids) == 1 else "",
                  {"document": document, "count": len(cadre_ids), "ids": list(cadre_ids), "target": target})
        uow.commit()


# ------------------------------------------------------------------------------------------- workers

_state: dict[str, Any] = {}


def _worker_init(db_target: str, form: str, counter: Any, stop: Any) -> None:
    from canbo_desktop.services.database import open_database

    db = open_database(db_target, migrate=False)
    _state.update(db=db, form=form, counter=counter, stop=stop, labels=None)


def _tick(counter: Any) -> None:
    with counter.get_lock():
        counter.value += 1


def _render_files(ids: Sequence[str], out_dir: str) -> list[tuple[str, str | None, str | None]]:
    """Worker: one PDF per person; stops early when the batch is cancelled."""
    from canbo_desktop.services.pdf.cv import cv_from_session, render_cv

    db, form, counter, stop = _state["db"], _state["form"], _state["counter"], _state["stop"]
    out: list[tuple[str, str | None, str | None]] = []
    with db.uow("batch")() as uow:
        if _state["labels"] is None:
            from canbo_desktop.services.pdf.cv import labels_for

            _state["labels"] = labels_for(uow.session)
        for cid in ids:
            if stop.is_set():
                break
            try:
                data = cv_from_session(uow.session, cid, form=form, labels=_state["labels"])
                path = os.path.join(out_dir, file_name(data.file.cadre.full_name, cid))
                tmp = path + ".part"
                render_cv(data, tmp)
                os.replace(tmp, path)  # a file is either complete or absent
                out.append((cid, path, None))
            except CanboError as exc:
                out.append((cid, None, exc.message))
            except Exception as exc:  # one bad record must not stop the other 999
                out.append((cid, None, f"Lỗi khi in: {exc}"))
            _tick(counter)
    return out


class _Stop(Exception):
    pass


def _render_merged(ids: Sequence[str], path: str) -> list[tuple[str, str | None, str | None]]:
    """Worker: every CV in one PDF, a bookmark and its own page numbers per person."""
    from canbo_desktop.services.pdf import nd30
    from canbo_desktop.services.pdf.cv import cv_from_session, cv_story, labels_for

    db, form, counter, stop = _state["db"], _state["form"], _state["counter"], _state["stop"]
    story: list[Any] = []
    out: list[tuple[str, str | None, str | None]] = []
    with db.uow("batch")() as uow:
        labels = labels_for(uow.session)
        for cid in ids:
            try:
                data = cv_from_session(uow.session, cid, form=form, labels=labels)
            except CanboError as exc:
                out.append((cid, None, exc.message))
                continue
            nd30.new_part(story, f"{len(out) + 1}. {data.file.cadre.full_name}", f"cv{len(out)}")
            story += cv_story(data)
            out.append((cid, path, None))

    def on_part(_index: int) -> None:
        if stop.is_set():
            raise _Stop
        _tick(counter)

    tmp = path + ".part"
    try:
        nd30.build(story, tmp, title="Sơ yếu lý lịch cán bộ, công chức", on_part=on_part)
    except _Stop:
        if os.path.exists(tmp):
            os.remove(tmp)
        return []
    os.replace(tmp, path)
    return out


# ------------------------------------------------------------------------------------------- the batch


def render_cv_batch(db_target: str, cadre_ids: Sequence[str], *, out_dir: str | Path | None = None,
                    merged: str | Path | None = None, form: str = "bnv", workers: int | None = None,
                    progress: Progress | None = None, cancel: CancelToken | None = None,
                    chunk: int = 8) -> BatchResult:
    """Write the CVs of ``cadre_ids``: one file each into ``out_dir``, or all in ``merged``.

    ``workers`` processes (default: every core; 0 = in this process) draw in parallel; ``progress`` gets
    (fraction done, Vietnamese message) about five times a second; ``cancel`` stops between CVs (files
    already written stay, and are listed)."""
    from canbo_desktop.services.pdf.cv import FORMS

    if form not in FORMS:
        raise ValidationError(f"Mẫu sơ yếu lý lịch «{form}» không có.", {"form": form})
    if (out_dir is None) == (merged is None):
        raise ValidationError("Chọn thư mục (mỗi người một tệp) hoặc một tệp gộp.")
    started = time.perf_counter()
    report = progress or (lambda f, m: None)
    ids = list(dict.fromkeys(cadre_ids))
    result = BatchResult(total=len(ids))
    if not ids:
        return result
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
    outcomes: list[tuple[str, str | None, str | None]] = []

    def poll() -> None:
        done = counter.value
        report(min(done, len(ids)) / len(ids), f"Đã in {done} / {len(ids)} sơ yếu lý lịch")
        if cancel is not None and cancel.cancelled:
            stop.set()

    if in_process:
        result.workers = 0
        saved = dict(_state)
        _worker_init(db_target, form, counter, stop)
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
                                 initargs=(db_target, form, counter, stop)) as pool:
            pending: set[Future[Any]] = {pool.submit(fn, *args) for fn, args in tasks}
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in finished:
                    if fut.cancelled():
                        continue
                    try:
                        outcomes += fut.result()
                    except BrokenProcessPool as exc:
                        raise CanboError("Tiến trình in sơ yếu lý lịch bị dừng bất thường (thiếu bộ nhớ hoặc bị "
                                         "hệ điều hành đóng). Hãy thử lại với ít người hơn.") from exc
                poll()
                if stop.is_set():
                    for fut in pending:
                        fut.cancel()
    poll()
    result.cancelled = stop.is_set()
    for cid, path, error in outcomes:
        if error is not None:
            result.failed.append((cid, error))
        elif path is not None:
            result.done += 1
            if path not in result.files:
                result.files.append(path)
    result.seconds = round(time.perf_counter() - started, 3)
    report(1.0 if not result.cancelled else result.done / len(ids),
           "Đã dừng theo yêu cầu." if result.cancelled else f"Xong: {result.done} sơ yếu lý lịch.")
    return result
