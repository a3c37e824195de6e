"""Background work: one lane for the database (serialised), one pool for everything else.

Results and errors reach the GUI thread only through a queued signal; no widget is touched from a
worker. ``synchronous=True`` (tests) runs the work inline, which keeps pytest-qt tests deterministic.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    # One Python object per emission. Passing ``None`` itself through a queued ``Signal(object)`` argument
    # can drop a reference to ``None`` too many (seen here as "Fatal Python error: none_dealloc" after a few
    # hundred pages on Python 3.11); a tuple that holds the ``None`` is converted as any other object.
    finished = Signal(object)  # (result, error, on_done, on_error)

    @Slot(object)
    def deliver_packed(self, packed: tuple[Any, Any, Any, Any]) -> None:
        self.deliver(*packed)

    def deliver(self, result: Any, error: Any, on_done: Any, on_error: Any) -> None:
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("background task failed: %s", error)
        elif on_done is not None:
            on_done(result)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Done | None, on_error: Failed | None) -> None:
        super().__init__()
        self.fn, self.relay, self.on_done, self.on_error = fn, relay, on_done, on_error

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread's error funnel
            log.debug("task error\n%s", traceback.format_exc())
            self._emit((None, exc, self.on_done, self.on_error))
            return
        self._emit((result, None, self.on_done, self.on_error))

    def _emit(self, packed: tuple[Any, Any, Any, Any]) -> None:
        try:
            self.relay.finished.emit(packed)
        except RuntimeError:  # the window that asked (and its runner) closed meanwhile: nobody is left to tell
            log.debug("background task finished after its window closed")


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        # The pools first: Qt deletes children in creation order, and a pool waits for its running jobs when it
        # is deleted, so a job still running at close emits to a relay that is still there.
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)  # SQLite has one writer: serialise all database work
        self._general = QThreadPool(self)
        self._general.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._relay = _Relay(self)
        self._relay.finished.connect(self._relay.deliver_packed)

    def run_db(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._submit(self._db, fn, on_done, on_error)

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._submit(self._general, fn, on_done, on_error)

    def _submit(self, pool: QThreadPool, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None) -> None:
        if self.synchronous:
            try:
                result = fn()
            except BaseException as exc:
                self._relay.deliver(None, exc, on_done, on_error)
                return
            self._relay.deliver(result, None, on_done, on_error)
            return
        pool.start(_Job(fn, self._relay, on_done, on_error))

    def wait(self, msecs: int = 10_000) -> None:
        self._db.waitForDone(msecs)
        self._general.waitForDone(msecs)
