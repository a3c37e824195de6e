"""Hybrid logical clock: edits keep their order across offices even when a PC's clock is wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.hlc import HLC, receive, tick

from .vietnamese import PROPERTY

NOW = 1_732_200_000_000  # 21/11/2024, in ms
walls = st.integers(min_value=0, max_value=NOW * 2)
counters = st.integers(min_value=0, max_value=99_999)  # the encoded width: 5 digits
hlcs = st.builds(HLC, walls, counters)
# Clocks that still have room for one more event in the counter (the limit is tested on its own below).
hlcs_below_limit = st.builds(HLC, walls, st.integers(min_value=0, max_value=99_998))


def test_encode_is_fixed_width() -> None:
    assert HLC(NOW, 0).encode() == "0001732200000000-00000"
    assert HLC(NOW, 42).encode() == "0001732200000000-00042"


def test_decode_of_nothing_is_the_origin() -> None:
    assert HLC.decode("") == HLC(0, 0)
    assert HLC.decode(None) == HLC(0, 0)


@PROPERTY
@given(hlcs)
def test_encode_decode_round_trip(value: HLC) -> None:
    assert HLC.decode(value.encode()) == value


@PROPERTY
@given(hlcs, hlcs)
def test_encoded_strings_sort_like_clock_values(a: HLC, b: HLC) -> None:
    assert (a.encode() < b.encode()) == (a < b)
    assert (a.encode() == b.encode()) == (a == b)


@PROPERTY
@given(st.lists(walls, min_size=1, max_size=50))
def test_tick_strictly_increases_whatever_the_wall_clock_does(now_values: list[int]) -> None:
    last = HLC(0, 0)
    for now in now_values:
        nxt = tick(last, now)
        assert nxt > last
        assert nxt.encode() > last.encode()
        assert nxt.wall_ms >= now  # never behind the local clock
        last = nxt


def test_tick_after_the_clock_was_set_back() -> None:
    last = tick(HLC(0, 0), NOW)
    earlier = NOW - 3_600_000  # the PC's clock was moved back one hour
    a = tick(last, earlier)
    b = tick(a, earlier + 1)
    assert last < a < b
    assert a == HLC(NOW, 1) and b == HLC(NOW, 2)
    assert tick(b, NOW + 5) == HLC(NOW + 5, 0)


def test_order_survives_many_edits_while_the_clock_is_behind() -> None:
    # A PC with a dead CMOS battery boots in the past; the clock then stays behind the last stored
    # HLC and every edit only advances the counter. A bulk import easily makes 100,000 changes.
    # The stored (encoded) timestamps must still sort in edit order, or sync picks the older edit.
    last = HLC(NOW, 0)
    previous = last.encode()
    for i in range(100_010):
        last = tick(last, NOW - 86_400_000 + i // 1000)
        encoded = last.encode()
        assert encoded > previous, f"edit {i}: {encoded} sorts before {previous}"
        assert len(encoded) == len(previous)
        previous = encoded


@PROPERTY
@given(hlcs_below_limit, hlcs_below_limit, walls)
def test_receive_is_after_both_clocks(local: HLC, remote: HLC, now: int) -> None:
    result = receive(local, remote, now)
    assert result > local
    assert result > remote
    assert result.wall_ms >= now
    assert result.encode() > local.encode() and result.encode() > remote.encode()


@pytest.mark.parametrize(
    ("local", "remote", "now", "expected"),
    [
        (HLC(100, 3), HLC(100, 7), 50, HLC(100, 8)),
        (HLC(200, 3), HLC(100, 7), 50, HLC(200, 4)),
        (HLC(100, 3), HLC(200, 7), 50, HLC(200, 8)),
        (HLC(100, 3), HLC(200, 7), 300, HLC(300, 0)),
    ],
    ids=["same-wall", "local-ahead", "remote-ahead", "clock-ahead"],
)
def test_receive_examples(local: HLC, remote: HLC, now: int, expected: HLC) -> None:
    assert receive(local, remote, now) == expected


@pytest.mark.parametrize(
    ("local", "remote"),
    [(HLC(NOW, 99_999), HLC(NOW, 5)), (HLC(NOW, 5), HLC(NOW, 99_999)), (HLC(NOW, 99_999), HLC(NOW - 1, 0))],
    ids=["local-at-limit", "remote-at-limit", "local-at-limit-remote-behind"],
)
def test_receive_at_the_counter_limit_still_sorts_after_both(local: HLC, remote: HLC) -> None:
    # The local clock is behind (now < both walls), so only the counter can move on.
    result = receive(local, remote, NOW - 60_000)
    assert result > local and result > remote
    assert result.encode() > local.encode() and result.encode() > remote.encode()
