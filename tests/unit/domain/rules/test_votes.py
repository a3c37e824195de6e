"""Confidence votes: QĐ 96-QĐ/TW (02/02/2023), exact fractions for 1/2 and 2/3."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleMissing, RuleVersion
from canbo_desktop.domain.rules.facts import VoteFact
from canbo_desktop.domain.rules.votes import NO_BALLOTS, NO_QUORUM, NOT_VOTED, RULE_KEY, assess_vote

from ..vietnamese import PROPERTY


def vote(
    low: int, total: int = 30, *, convened: int = 30, present: int | None = None, year: int = 2024
) -> VoteFact:
    """``total`` ballots: ``low`` low, the rest split between high and confidence."""
    rest = total - low
    return VoteFact(
        year,
        "chu_tich_ubnd_xa",
        convened=convened,
        present=total if present is None else present,
        high=rest // 2,
        confidence=rest - rest // 2,
        low=low,
    )


@pytest.mark.parametrize(
    ("convened", "present", "ok"),
    [
        (30, 20, True),
        (30, 19, False),
        (30, 30, True),
        (3, 2, True),
        (3, 1, False),
        (300_000, 200_000, True),
        (300_000, 199_999, False),
    ],
)
def test_qd96_2023_quorum_two_thirds_of_convened(
    book: RuleBook, convened: int, present: int, ok: bool
) -> None:
    o = assess_vote(vote(0, present, convened=convened, present=present), book)
    assert o.quorum_ok is ok
    assert o.attendance == Fraction(present, convened)
    if not ok:
        assert o.consequence_code == NO_QUORUM and o.low_share is None and not o.dismiss
        assert "không hợp lệ" in o.reasons[0]


@pytest.mark.parametrize(
    ("low", "total", "code", "dismiss", "planning"),
    [
        (20, 30, "mien_nhiem", True, True),  # exactly 2/3
        (30, 30, "mien_nhiem", True, True),
        (200_000, 300_000, "mien_nhiem", True, True),  # exactly 2/3 with large counts (no float rounding)
        (2, 3, "mien_nhiem", True, True),
    ],
)
def test_qd96_2023_two_thirds_low_dismissed(
    book: RuleBook, low: int, total: int, code: str, dismiss: bool, planning: bool
) -> None:
    o = assess_vote(vote(low, total, convened=total), book)
    assert (o.consequence_code, o.dismiss, o.remove_from_higher_planning) == (code, dismiss, planning)
    assert o.low_share == Fraction(2, 3) or o.low_share == 1
    assert "không chờ hết nhiệm kỳ" in o.consequence_text and "QĐ 96-QĐ/TW" in o.legal_source


@pytest.mark.parametrize(
    ("low", "total", "code"),
    [
        (16, 30, "xem_xet_thoi_giu_chuc_vu"),  # just above 1/2
        (19, 30, "xem_xet_thoi_giu_chuc_vu"),  # just under 2/3
        (199_999, 300_000, "xem_xet_thoi_giu_chuc_vu"),
        (15, 30, "binh_thuong"),  # exactly 1/2 is not "more than half"
        (150_001, 300_000, "xem_xet_thoi_giu_chuc_vu"),
        (0, 30, "binh_thuong"),
    ],
)
def test_qd96_2023_more_than_half_low_removed_from_higher_planning(
    book: RuleBook, low: int, total: int, code: str
) -> None:
    o = assess_vote(vote(low, total, convened=total), book)
    assert o.consequence_code == code
    assert o.remove_from_higher_planning == (code != "binh_thuong")
    assert not o.dismiss
    if code != "binh_thuong":
        assert "không quy hoạch vào chức danh cao hơn" in o.consequence_text


def test_qd96_2023_share_and_reasons(book: RuleBook) -> None:
    o = assess_vote(vote(16, 30), book)
    assert o.low_share == Fraction(16, 30)
    assert o.low_share_percent == pytest.approx(53.333, abs=1e-3)
    assert any("16/30" in r for r in o.reasons)


@pytest.mark.parametrize(
    ("appointed_on", "notified", "voted"),
    [
        (date(2024, 1, 2), False, False),  # appointed in the voting year
        (date(2024, 12, 31), False, False),
        (date(2023, 12, 31), False, True),
        (None, True, False),  # notified of retirement
        (None, False, True),
    ],
)
def test_qd96_2023_not_voted_appointed_in_year_or_retirement_notified(
    book: RuleBook, appointed_on: date | None, notified: bool, voted: bool
) -> None:
    o = assess_vote(vote(25, 30), book, appointed_on=appointed_on, retirement_notified=notified)
    assert o.subject_to_vote is voted
    if not voted:
        assert o.consequence_code == NOT_VOTED and not o.dismiss and o.low_share is None
    else:
        assert o.consequence_code == "mien_nhiem"


def test_qd96_2023_unknown_convened_still_reports_share(book: RuleBook) -> None:
    o = assess_vote(VoteFact(2024, convened=0, present=10, high=2, confidence=2, low=6), book)
    assert o.quorum_ok is None and o.consequence_code == "xem_xet_thoi_giu_chuc_vu"
    assert "Chưa ghi số người được triệu tập" in o.reasons[0]


def test_qd96_2023_no_ballots(book: RuleBook) -> None:
    o = assess_vote(VoteFact(2024, convened=10, present=10), book)
    assert (o.quorum_ok, o.consequence_code, o.low_share) == (True, NO_BALLOTS, None)


@pytest.mark.parametrize(
    "fact",
    [
        VoteFact(2024, convened=10, present=11),
        VoteFact(2024, convened=10, present=8, high=5, confidence=3, low=1),
        VoteFact(2024, convened=-1),
        VoteFact(2024, low=-2),
        VoteFact(0),
    ],
)
def test_impossible_counts_are_rejected(book: RuleBook, fact: VoteFact) -> None:
    with pytest.raises(ValidationError):
        assess_vote(fact, book)


def test_vote_before_qd96_2023_has_no_rule(book: RuleBook) -> None:
    with pytest.raises(RuleMissing):
        assess_vote(vote(0), book, held_on=date(2023, 2, 1))
    assert assess_vote(vote(0), book, held_on=date(2023, 2, 2)).consequence_code == "binh_thuong"


def test_new_version_changes_thresholds_only_from_its_valid_from(book: RuleBook) -> None:
    params = dict(book.version(RULE_KEY, date(2024, 1, 1)).params)
    params["quorum_fraction"] = "3/4"
    params["bands"] = [{**params["bands"][0], "min": "3/5"}, *params["bands"][1:]]
    changed = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    f = vote(18, 21, convened=30)  # 21/30 present (70%), 18/21 low
    assert assess_vote(f, changed, held_on=date(2029, 12, 31)).quorum_ok is True
    assert assess_vote(f, changed, held_on=date(2030, 1, 1)).consequence_code == NO_QUORUM
    g = vote(19, 30)  # 19/30 low: under 2/3, over 3/5
    assert assess_vote(g, changed, held_on=date(2029, 6, 1)).consequence_code == "xem_xet_thoi_giu_chuc_vu"
    assert assess_vote(g, changed, held_on=date(2030, 6, 1)).consequence_code == "mien_nhiem"
    # Without held_on the vote year picks the version (31/12 of the year).
    assert assess_vote(VoteFact(2030, "", 30, 30, 5, 6, 19), changed).dismiss


@PROPERTY
@given(
    year=st.integers(min_value=-10, max_value=10_000),
    counts=st.tuples(*[st.integers(min_value=-5, max_value=10**7)] * 5),
    appointed=st.one_of(st.none(), st.dates()),
    notified=st.booleans(),
)
def test_no_input_crashes_assess_vote(
    book: RuleBook, year: int, counts: tuple[int, int, int, int, int], appointed: date | None, notified: bool
) -> None:
    convened, present, high, mid, low = counts
    try:
        o = assess_vote(
            VoteFact(year, "", convened, present, high, mid, low),
            book,
            appointed_on=appointed,
            retirement_notified=notified,
        )
    except (ValidationError, RuleMissing) as exc:
        assert exc.message
        return
    assert o.consequence_text


@PROPERTY
@given(
    convened=st.integers(min_value=1, max_value=500),
    data=st.data(),
)
def test_qd96_2023_consequence_follows_exact_low_share(
    book: RuleBook, convened: int, data: st.DataObject
) -> None:
    present = data.draw(st.integers(min_value=0, max_value=convened))
    low = data.draw(st.integers(min_value=0, max_value=present))
    high = data.draw(st.integers(min_value=0, max_value=present - low))
    o = assess_vote(VoteFact(2025, "", convened, present, high, present - low - high, low), book)
    if 3 * present < 2 * convened:
        assert o.consequence_code == NO_QUORUM
    elif present == 0:
        assert o.consequence_code == NO_BALLOTS
    else:
        assert o.dismiss == (3 * low >= 2 * present)
        assert o.remove_from_higher_planning == (2 * low > present)
