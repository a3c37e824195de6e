"""Working-day calendar: BLLĐ 2019 Đ.111–112 holidays, weekends, Government day swaps (rule "holidays")."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from datetime import date, timedelta
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleMissing, RuleVersion
from canbo_desktop.domain.rules.calendar import (
    RULE_KEY,
    add_working_days,
    is_working_day,
    working_days_between,
)

from ..vietnamese import PROPERTY
from .conftest import RULES_DIR

ROOT = RULES_DIR.parents[1]


def _shipped_doc() -> dict[str, object]:
    doc: dict[str, object] = json.loads((RULES_DIR / "holidays.json").read_text(encoding="utf-8"))
    return doc


@pytest.mark.parametrize(
    ("d", "working"),
    [
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 3, 9), True),  # Monday
        (date(2026, 3, 13), True),  # Friday
        (date(2031, 6, 14), False),  # Saturday
    ],
)
def test_qd188_1999_saturday_and_sunday_are_weekly_days_off(book: RuleBook, d: date, working: bool) -> None:
    assert is_working_day(d, book) is working


@pytest.mark.parametrize("day", [16, 17, 18, 19, 20])
def test_bllđ_2019_art112_tet_2026_is_16_to_20_february(book: RuleBook, day: int) -> None:
    assert not is_working_day(date(2026, 2, day), book)


def test_bllđ_2019_art112_tet_nguyen_dan_2026_falls_on_17_february(book: RuleBook) -> None:
    names = book.params(RULE_KEY, date(2026, 2, 17))["day_names"]
    assert names["2026-02-17"] == "Tết Nguyên Đán"
    assert is_working_day(date(2026, 2, 13), book)
    assert is_working_day(date(2026, 2, 23), book)
    assert add_working_days(date(2026, 2, 13), 1, book) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 23), -1, book) == date(2026, 2, 13)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23), book) == 1


@pytest.mark.parametrize(
    ("d", "working"),
    [
        (date(2025, 4, 30), False),
        (date(2025, 5, 1), False),
        (date(2025, 5, 2), False),  # swapped day off …
        (date(2025, 4, 26), True),  # … worked on this Saturday
        (date(2026, 4, 27), False),  # Giỗ Tổ 26/04/2026 is a Sunday: nghỉ bù on Monday (Đ.111.3)
        (date(2026, 4, 30), False),
        (date(2026, 5, 1), False),
        (date(2026, 4, 29), True),
        (date(2024, 4, 29), False),  # 2024 swap: off on Monday 29/04 …
        (date(2024, 5, 4), True),  # … worked on Saturday 04/05
    ],
)
def test_bllđ_2019_art112_30_april_1_may_with_swaps(book: RuleBook, d: date, working: bool) -> None:
    assert is_working_day(d, book) is working


@pytest.mark.parametrize(
    ("d", "working"),
    [
        (date(2020, 9, 2), False),
        (date(2020, 9, 3), True),  # BLLĐ 2012: one day only
        (date(2021, 9, 2), False),
        (date(2021, 9, 3), False),  # BLLĐ 2019: 2/9 and an adjacent day
        (date(2025, 9, 1), False),
        (date(2025, 9, 2), False),
        (date(2026, 8, 31), False),
        (date(2026, 9, 1), False),
        (date(2026, 9, 2), False),
        (date(2026, 8, 22), True),  # Saturday worked for the 31/08/2026 swap
        (date(2026, 9, 3), True),
    ],
)
def test_bllđ_2019_art112_national_day_2_september_and_the_adjacent_day(
    book: RuleBook, d: date, working: bool
) -> None:
    assert is_working_day(d, book) is working


def test_new_year_1_january_is_a_day_off(book: RuleBook) -> None:
    assert not is_working_day(date(2027, 1, 1), book)
    assert not is_working_day(date(2023, 1, 2), book)  # 01/01/2023 was a Sunday: nghỉ bù


def test_vietnam_culture_day_24_11_is_not_shipped_until_the_labour_code_is_amended(book: RuleBook) -> None:
    assert is_working_day(date(2026, 11, 24), book)
    for v in book.versions(RULE_KEY):
        assert not any(d.endswith("-11-24") for d in v.params["days_off"])


def test_shipped_data_covers_2020_to_2040_with_legal_sources_and_the_yearly_duty(book: RuleBook) -> None:
    versions = book.versions(RULE_KEY)
    assert [v.valid_from for v in versions] == [date(2020, 1, 1), date(2021, 1, 1)]
    assert versions[-1].valid_to == date(2040, 12, 31)
    assert "Bộ luật Lao động 2019 Đ.112" in versions[-1].legal_source
    assert "2012" in versions[0].legal_source
    for v in versions:
        assert "bổ sung" in v.note and "hằng năm" in v.note.lower()
        assert v.params["weekly_days_off"] == [5, 6]
        years = Counter(date.fromisoformat(d).year for d in v.params["days_off"])
        assert all(v.valid_from.year <= y <= (v.valid_to or date.max).year for y in years)
        # 10 legal days a year under BLLĐ 2012, 11 under BLLĐ 2019 (plus compensating days)
        for y in range(v.valid_from.year, (v.valid_to or v.valid_from).year + 1):
            assert years[y] >= (10 if y == 2020 else 11), y


def test_outside_the_shipped_years_the_calendar_is_missing_not_guessed(book: RuleBook) -> None:
    with pytest.raises(RuleMissing):
        is_working_day(date(2019, 12, 31), book)
    with pytest.raises(RuleMissing):
        is_working_day(date(2041, 1, 2), book)


def test_negative_n_counts_back_and_zero_is_the_same_day(book: RuleBook) -> None:
    # 90 working days before Friday 05/06/2026 (30/4, 1/5 and Giỗ Tổ 27/4 fall inside).
    d = date(2026, 6, 5)
    back = add_working_days(d, -90, book)
    assert working_days_between(back, d, book) == 90  # start not counted, the (working) end counted
    assert working_days_between(d, back, book) == -90
    assert add_working_days(date(2026, 3, 7), 0, book) == date(2026, 3, 7)
    assert add_working_days(date(2026, 3, 9), -5, book) == date(2026, 3, 2)
    assert add_working_days(date(2026, 3, 9), 5, book) == date(2026, 3, 16)
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 16), book) == 5
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 9), book) == 0


def test_an_edited_calendar_changes_only_days_on_or_after_its_valid_from(book: RuleBook) -> None:
    six_day_week = RuleVersion(
        key=RULE_KEY,
        valid_from=date(2030, 1, 1),
        valid_to=date(2030, 12, 31),
        params={"weekly_days_off": [6], "days_off": ["2030-01-01"], "extra_working_days": []},
    )
    edited = book.with_versions(six_day_week)
    d = date(2029, 1, 1)
    while d < date(2030, 1, 1):
        assert is_working_day(d, edited) == is_working_day(d, book)
        d += timedelta(days=1)
    assert not is_working_day(date(2029, 12, 29), edited)  # Saturday, old rule
    assert is_working_day(date(2030, 1, 5), edited)  # Saturday, edited rule
    assert not is_working_day(date(2030, 1, 1), edited)  # the edit's own day off
    assert is_working_day(date(2031, 1, 4), edited) is False  # back to the shipped rule


@pytest.mark.parametrize(
    "params",
    [
        {"weekly_days_off": [7]},
        {"weekly_days_off": "5,6"},
        {"days_off": ["2030-02-30"]},
        {"days_off": "2030-01-01"},
        {"extra_working_days": [20300101]},
    ],
)
def test_malformed_calendar_data_is_a_validation_error(book: RuleBook, params: dict[str, object]) -> None:
    bad = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    with pytest.raises(ValidationError, match="holidays"):
        is_working_day(date(2030, 1, 2), bad)


def test_a_calendar_without_working_days_stops_with_an_error(book: RuleBook) -> None:
    none = book.with_versions(
        RuleVersion(
            key=RULE_KEY, valid_from=date(2030, 1, 1), params={"weekly_days_off": [0, 1, 2, 3, 4, 5, 6]}
        )
    )
    with pytest.raises(ValidationError, match="không có ngày làm việc"):
        add_working_days(date(2030, 1, 1), 1, none)


# ±250 working days is about a year: stay a year inside the shipped 2020–2040 data.
in_range = st.dates(min_value=date(2021, 2, 1), max_value=date(2039, 11, 30))


@settings(PROPERTY, max_examples=150)
@given(d=in_range, n=st.integers(min_value=-250, max_value=250))
def test_property_round_trip_add_then_count(book: RuleBook, d: date, n: int) -> None:
    e = add_working_days(d, n, book)
    assert working_days_between(d, e, book) == n
    if n:
        assert is_working_day(e, book)
        assert (e > d) == (n > 0)


@settings(PROPERTY, max_examples=100)
@given(a=in_range, b=in_range)
def test_property_counting_is_additive(book: RuleBook, a: date, b: date) -> None:
    lo, hi = sorted((a, b))
    mid = lo + (hi - lo) / 2
    assert working_days_between(lo, hi, book) == working_days_between(lo, mid, book) + working_days_between(
        mid, hi, book
    )


def _generator() -> ModuleType:
    path = ROOT / "tools" / "gen_holidays.py"
    spec = importlib.util.spec_from_file_location("gen_holidays", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_holidays_json_is_what_tools_gen_holidays_py_writes() -> None:
    holidays = pytest.importorskip("holidays")
    assert holidays.__version__ == "0.108"
    tet_2026 = holidays.country_holidays("VN", years=2026)
    assert date(2026, 2, 17) in tet_2026
    assert (ROOT / "resources" / "rules" / "holidays.json").read_text(
        encoding="utf-8"
    ) == _generator().render()


def test_shipped_file_parses_and_names_every_day(book: RuleBook) -> None:
    doc = _shipped_doc()
    assert doc["key"] == RULE_KEY
    for v in book.versions(RULE_KEY):
        names = v.params["day_names"]
        assert set(v.params["days_off"]) | set(v.params["extra_working_days"]) == set(names)
        assert not set(v.params["days_off"]) & set(v.params["extra_working_days"])
