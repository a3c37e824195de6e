"""Hybrid logical clock: orders edits across offices even when a PC's clock is wrong.

An HLC value is ``(wall_ms, counter)``; encoded as a fixed-width string so that string order is
time order: ``"0001732200000000-00000"``. ``tick`` never goes backwards, even if the wall clock does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class HLC:
    wall_ms: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall_ms:016d}-{self.counter:05d}"

    @staticmethod
    def decode(value: str | None) -> HLC:
        if not value:
            return HLC(0, 0)
        wall, _, counter = value.partition("-")
        return HLC(int(wall), int(counter or 0))


MAX_COUNTER = 99_999  # five digits in the encoding; past it, borrow the next millisecond


def _bounded(h: HLC) -> HLC:
    return HLC(h.wall_ms + 1, 0) if h.counter > MAX_COUNTER else h


def tick(last: HLC, now_ms: int) -> HLC:
    """Next local timestamp after ``last``."""
    if now_ms > last.wall_ms:
        return HLC(now_ms, 0)
    return _bounded(HLC(last.wall_ms, last.counter + 1))


def receive(last: HLC, remote: HLC, now_ms: int) -> HLC:
    """Timestamp after seeing ``remote`` (from a sync package)."""
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        return _bounded(HLC(wall, max(last.counter, remote.counter) + 1))
    if wall == last.wall_ms:
        return _bounded(HLC(wall, last.counter + 1))
    if wall == remote.wall_ms:
        return _bounded(HLC(wall, remote.counter + 1))
    return HLC(wall, 0)
