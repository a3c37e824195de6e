"""The per-person codes of the targets count (db/reports.py): what one person adds to the counts survives
packing several denominators into one integer, or into several when they do not fit in 62 bits."""

from __future__ import annotations

import random

from sqlalchemy import literal

from canbo_desktop.db.reports import _PACK_LIMIT, _decode_code, _packed_codes


def _encode(numbers: list[int], ranges: list[list[int]]) -> str:
    """What the database computes from ``_packed_codes``'s expression, in Python."""
    parts: list[str] = []
    it = iter(numbers)
    for spans in ranges:
        value, weight = 0, 1
        for span in spans:
            value += next(it) * weight
            weight *= span
        parts.append(str(value))
    return ":".join(parts)


def _expected(numbers: list[int], chunks: list[list[int]]) -> list[int]:
    """Per indicator: numerator, denominator, unknown, excluded, as the old per-indicator SUMs counted."""
    flat = [0] * (4 * sum(len(c) for c in chunks))
    for v, chunk in zip(numbers, chunks, strict=True):
        for pos, j in enumerate(chunk):
            if v == 0:
                flat[4 * j + 3] += 1
            elif v >= 2:
                flat[4 * j + 1] += 1
                state = ((v - 2) // 3 ** pos) % 3
                flat[4 * j] += state == 1
                flat[4 * j + 2] += state == 2
    return flat


def _counts(positions: list[int], width: int) -> list[int]:
    out = [0] * width
    for p in positions:
        out[p] += 1
    return out


def test_one_integer_for_the_shipped_rule_and_every_state_decoded() -> None:
    chunks = [[0, 1, 2, 3, 4], [5], [6]]  # the shipped rule: leaders (5 numerators), everyone, key leaders
    spans = [3 ** len(c) + 2 for c in chunks]
    _expr, ranges = _packed_codes([(literal(1), s) for s in spans])
    assert ranges == [spans]
    for numbers in ([0, 0, 0], [1, 1, 1], [2, 2, 2], [spans[0] - 1, 4, 3], [2 + 1 + 2 * 3 + 1 * 81, 3, 0]):
        got = _counts(_decode_code(_encode(numbers, ranges), ranges, chunks), 28)
        assert got == _expected(numbers, chunks)


def test_many_denominators_are_split_into_several_integers() -> None:
    rng = random.Random(13)
    chunks = [[j] for j in range(30)] + [list(range(30, 42))]  # 31 numbers, far beyond 64 bits together
    spans = [3 ** len(c) + 2 for c in chunks]
    expr, ranges = _packed_codes([(literal(1), s) for s in spans])
    assert len(ranges) > 1 and [s for group in ranges for s in group] == spans
    for group in ranges:
        size = 1
        for s in group:
            size *= s
        assert size < _PACK_LIMIT
    assert ":" in str(expr.compile(compile_kwargs={"literal_binds": True}))
    for _ in range(200):
        numbers = [rng.randrange(s) for s in spans]
        got = _counts(_decode_code(_encode(numbers, ranges), ranges, chunks), 4 * 42)
        assert got == _expected(numbers, chunks)
