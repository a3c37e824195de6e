"""Retirement date: BLLĐ 2019 Đ.169 + NĐ 135/2020/NĐ-CP Đ.3–4, the year test of domain.md §4.2."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleMissing, RuleVersion
from canbo_desktop.domain.rules.retirement import RULE_KEY, birth_for_rules, required_age, retirement

from ..vietnamese import PROPERTY


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# domain.md §4.2, one row per line: sex, first birth month, last birth month, age (years, months),
# first retirement month, last retirement month. Open-ended rows get a far end checked separately.
TABLE_42 = [
    ("M", (1961, 1), (1961, 9), (60, 3), (2021, 4), (2021, 12)),
    ("M", (1961, 10), (1962, 6), (60, 6), (2022, 4), (2022, 12)),
    ("M", (1962, 7), (1963, 3), (60, 9), (2023, 4), (2023, 12)),
    ("M", (1963, 4), (1963, 12), (61, 0), (2024, 4), (2024, 12)),
    ("M", (1964, 1), (1964, 9), (61, 3), (2025, 4), (2025, 12)),
    ("M", (1964, 10), (1965, 6), (61, 6), (2026, 4), (2026, 12)),
    ("M", (1965, 7), (1966, 3), (61, 9), (2027, 4), (2027, 12)),
    ("F", (1966, 1), (1966, 8), (55, 4), (2021, 5), (2021, 12)),
    ("F", (1966, 9), (1967, 4), (55, 8), (2022, 5), (2022, 12)),
    ("F", (1967, 5), (1967, 12), (56, 0), (2023, 5), (2023, 12)),
    ("F", (1968, 1), (1968, 8), (56, 4), (2024, 5), (2024, 12)),
    ("F", (1968, 9), (1969, 4), (56, 8), (2025, 5), (2025, 12)),
    ("F", (1969, 5), (1969, 12), (57, 0), (2026, 5), (2026, 12)),
    ("F", (1970, 1), (1970, 8), (57, 4), (2027, 5), (2027, 12)),
    ("F", (1970, 9), (1971, 4), (57, 8), (2028, 5), (2028, 12)),
    ("F", (1971, 5), (1971, 12), (58, 0), (2029, 5), (2029, 12)),
    ("F", (1972, 1), (1972, 8), (58, 4), (2030, 5), (2030, 12)),
    ("F", (1972, 9), (1973, 4), (58, 8), (2031, 5), (2031, 12)),
    ("F", (1973, 5), (1973, 12), (59, 0), (2032, 5), (2032, 12)),
    ("F", (1974, 1), (1974, 8), (59, 4), (2033, 5), (2033, 12)),
    ("F", (1974, 9), (1975, 4), (59, 8), (2034, 5), (2034, 12)),
]


def _ends() -> list[tuple[str, tuple[int, int], tuple[int, int], tuple[int, int]]]:
    rows = []
    for sex, first, last, age, r_first, r_last in TABLE_42:
        rows.append((sex, first, age, r_first))
        rows.append((sex, last, age, r_last))
    return rows


@pytest.mark.parametrize(
    ("sex", "born", "age", "retires"),
    _ends(),
    ids=[f"{s}-{b[1]:02d}/{b[0]}" for s, b, _, _ in _ends()],
)
@pytest.mark.parametrize("day", [1, 28])
def test_nd135_2020_art4_phu_luc_i_table_both_ends_of_each_birth_range(
    book: RuleBook, sex: str, born: tuple[int, int], age: tuple[int, int], retires: tuple[int, int], day: int
) -> None:
    r = retirement(sex, date(born[0], born[1], day), "day", book)
    assert (r.age_years, r.age_months) == age
    assert r.retirement_date == _last_day(*retires)
    assert r.pension_start == r.retirement_date + timedelta(days=1)
    assert "135/2020" in r.legal_source


@pytest.mark.parametrize(
    ("sex", "born", "retires", "age"),
    [
        ("M", date(1960, 12, 31), date(2020, 12, 31), (60, 0)),
        ("M", date(1960, 12, 1), date(2020, 12, 31), (60, 0)),
        ("M", date(1955, 1, 15), date(2015, 1, 31), (60, 0)),
        ("M", date(1940, 6, 1), date(2000, 6, 30), (60, 0)),
        ("F", date(1965, 12, 31), date(2020, 12, 31), (55, 0)),
        ("F", date(1965, 1, 1), date(2020, 1, 31), (55, 0)),
        ("F", date(1950, 3, 10), date(2005, 3, 31), (55, 0)),
    ],
)
def test_bllđ_2012_art187_old_law_rows_men_le_12_1960_women_le_12_1965(
    book: RuleBook, sex: str, born: date, retires: date, age: tuple[int, int]
) -> None:
    r = retirement(sex, born, "day", book)
    assert r.retirement_date == retires
    assert (r.age_years, r.age_months) == age
    assert "2012" in r.legal_source


@pytest.mark.parametrize(
    ("sex", "born", "retires"),
    [
        ("M", date(1966, 4, 1), date(2028, 4, 30)),
        ("M", date(1966, 4, 30), date(2028, 4, 30)),
        ("M", date(1970, 1, 1), date(2032, 1, 31)),
        ("M", date(1990, 12, 31), date(2052, 12, 31)),
        ("F", date(1975, 5, 1), date(2035, 5, 31)),
        ("F", date(1975, 5, 31), date(2035, 5, 31)),
        ("F", date(1980, 1, 1), date(2040, 1, 31)),
        ("F", date(1995, 12, 31), date(2055, 12, 31)),
    ],
)
def test_nd135_2020_art4_capped_rows_men_ge_04_1966_at_62_women_ge_05_1975_at_60(
    book: RuleBook, sex: str, born: date, retires: date
) -> None:
    r = retirement(sex, born, "day", book)
    assert r.retirement_date == retires
    assert (r.age_years, r.age_months) == ((62, 0) if sex == "M" else (60, 0))


def test_nd135_2020_art4_worked_example_man_15_07_1965_retires_30_04_2027_not_10_2026(book: RuleBook) -> None:
    r = retirement("M", date(1965, 7, 15), "day", book)
    assert r.retirement_date == date(2027, 4, 30)
    assert r.pension_start == date(2027, 5, 1)
    assert (r.age_years, r.age_months) == (61, 9)
    assert r.reached_on == date(2027, 4, 15)
    assert r.age_text == "61 tuổi 9 tháng"


@pytest.mark.parametrize(
    ("sex", "born", "retires", "pension", "age"),
    [
        ("F", date(1972, 2, 20), date(2030, 6, 30), date(2030, 7, 1), (58, 4)),
        ("M", date(1961, 10, 3), date(2022, 4, 30), date(2022, 5, 1), (60, 6)),
        ("F", date(1966, 9, 1), date(2022, 5, 31), date(2022, 6, 1), (55, 8)),
        ("M", date(1980, 5, 5), date(2042, 5, 31), date(2042, 6, 1), (62, 0)),
    ],
)
def test_nd135_2020_art3_art4_worked_examples(
    book: RuleBook, sex: str, born: date, retires: date, pension: date, age: tuple[int, int]
) -> None:
    r = retirement(sex, born, "day", book)
    assert (r.retirement_date, r.pension_start, (r.age_years, r.age_months)) == (retires, pension, age)


def test_nd135_2020_art4_woman_born_05_1966_is_55y4m_not_the_common_wrong_55y8m(book: RuleBook) -> None:
    # 05/1966 + 55y4m = 09/2021, a month of 2021, the year that requires 55y4m.
    r = retirement("F", date(1966, 5, 10), "day", book)
    assert (r.age_years, r.age_months) == (55, 4)
    assert r.retirement_date == date(2021, 9, 30)


@pytest.mark.parametrize(
    ("year", "men", "women"),
    [
        (2020, (60, 0), (55, 0)),
        (2021, (60, 3), (55, 4)),
        (2022, (60, 6), (55, 8)),
        (2023, (60, 9), (56, 0)),
        (2024, (61, 0), (56, 4)),
        (2025, (61, 3), (56, 8)),
        (2026, (61, 6), (57, 0)),
        (2027, (61, 9), (57, 4)),
        (2028, (62, 0), (57, 8)),
        (2029, (62, 0), (58, 0)),
        (2030, (62, 0), (58, 4)),
        (2034, (62, 0), (59, 8)),
        (2035, (62, 0), (60, 0)),
        (2050, (62, 0), (60, 0)),
    ],
)
def test_nd135_2020_art4_year_table(
    book: RuleBook, year: int, men: tuple[int, int], women: tuple[int, int]
) -> None:
    assert required_age("M", year, book) == men
    assert required_age("F", year, book) == women


@pytest.mark.parametrize(
    ("sex", "years", "first_month"),
    [("M", range(2022, 2029), 4), ("F", range(2022, 2036), 5)],
    ids=["men-2022-2028-from-April", "women-2022-2035-from-May"],
)
def test_nd135_2020_art4_gaps_no_man_retires_jan_to_mar_no_woman_jan_to_apr_during_the_roadmap(
    book: RuleBook, sex: str, years: range, first_month: int
) -> None:
    seen: set[int] = set()
    for born_year in range(1955, 1980):
        for month in range(1, 13):
            r = retirement(sex, date(born_year, month, 15), "day", book)
            if r.retirement_date.year in years:
                assert r.retirement_date.month >= first_month, (born_year, month, r)
                seen.add(r.retirement_date.year)
    assert seen == set(years)


@pytest.mark.parametrize(
    ("precision", "born", "used"),
    [
        ("day", date(1965, 7, 15), date(1965, 7, 15)),
        ("month", date(1965, 7, 15), date(1965, 7, 1)),
        ("year", date(1965, 7, 15), date(1965, 1, 1)),
    ],
)
def test_nd135_2020_art3_3_unknown_day_or_month_counts_from_day_1_or_1_january(
    book: RuleBook, precision: str, born: date, used: date
) -> None:
    assert birth_for_rules(born, precision) == used
    assert retirement("M", born, precision, book).birth_used == used


def test_nd135_2020_art3_3_birth_year_only_man_1965_is_treated_as_01_01_1965(book: RuleBook) -> None:
    # 01/1965 + 61y6m = 07/2026, in 2026 which requires 61y6m.
    r = retirement("M", date(1965, 9, 9), "year", book)
    assert r.retirement_date == date(2026, 7, 31)
    assert (r.age_years, r.age_months) == (61, 6)


@pytest.mark.parametrize("sex", ["", "X", "nam", "male", "MF"])
def test_bad_sex_is_a_validation_error_in_vietnamese(book: RuleBook, sex: str) -> None:
    with pytest.raises(ValidationError) as exc:
        retirement(sex, date(1970, 1, 1), "day", book)
    assert "Giới tính" in exc.value.message
    assert "sex" in exc.value.fields


def test_lower_case_sex_is_accepted(book: RuleBook) -> None:
    assert retirement("f", date(1972, 2, 20), "day", book).retirement_date == date(2030, 6, 30)


def test_bad_precision_is_a_validation_error(book: RuleBook) -> None:
    with pytest.raises(ValidationError, match="Độ chính xác"):
        retirement("M", date(1970, 1, 1), "week", book)


def test_birth_before_the_first_rule_raises_rule_missing_not_a_guess(book: RuleBook) -> None:
    # A woman born 1930 reached 55 in 1985; the book starts in 1995.
    with pytest.raises(RuleMissing):
        retirement("F", date(1930, 1, 1), "day", book)


def test_empty_book_raises_rule_missing() -> None:
    with pytest.raises(RuleMissing):
        retirement("M", date(1970, 1, 1), "day", RuleBook())


ROADMAP_2030 = RuleVersion(
    key=RULE_KEY,
    valid_from=date(2030, 1, 1),
    params={
        "M": {"start_year": 2030, "start_months": 780, "step_months_per_year": 0, "cap_months": 780},
        "F": {"start_year": 2030, "start_months": 720, "step_months_per_year": 0, "cap_months": 720},
    },
    legal_source="Giả định: 65 tuổi từ 2030",
)


def test_edited_roadmap_changes_only_retirements_on_or_after_its_valid_from(book: RuleBook) -> None:
    edited = book.with_versions(ROADMAP_2030)
    changed = 0
    for sex in ("M", "F"):
        for year in range(1955, 1990):
            for month in (1, 4, 7, 10):
                born = date(year, month, 20)
                old = retirement(sex, born, "day", book)
                new = retirement(sex, born, "day", edited)
                if old.retirement_date < ROADMAP_2030.valid_from:
                    assert new == old
                elif new != old:
                    changed += 1
                    assert new.retirement_date >= ROADMAP_2030.valid_from
    assert changed > 0
    r = retirement("M", date(1980, 5, 5), "day", edited)
    assert (r.retirement_date, r.age_years, r.legal_source) == (
        date(2045, 5, 31),
        65,
        "Giả định: 65 tuổi từ 2030",
    )


def test_a_lowered_roadmap_retires_those_already_past_it_in_its_first_month(book: RuleBook) -> None:
    lowered = book.with_versions(
        RuleVersion(
            key=RULE_KEY,
            valid_from=date(2030, 1, 1),
            params={
                "M": {"start_year": 2030, "start_months": 720, "step_months_per_year": 0, "cap_months": 720},
                "F": {"start_year": 2030, "start_months": 660, "step_months_per_year": 0, "cap_months": 660},
            },
        )
    )
    # Born 06/1968: 62 in 06/2030 under the shipped rule; 60 already in 06/2028, when 62 was required.
    r = retirement("M", date(1968, 6, 1), "day", lowered)
    assert r.retirement_date == date(2030, 1, 31)
    assert (r.age_years, r.age_months) == (61, 7)


births = st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31))
sexes = st.sampled_from(["M", "F"])
precisions = st.sampled_from(["day", "month", "year"])


@PROPERTY
@given(sex=sexes, born=births, precision=precisions)
def test_property_every_birth_1940_2010_gives_a_month_end_and_next_day_pension(
    book: RuleBook, sex: str, born: date, precision: str
) -> None:
    r = retirement(sex, born, precision, book)
    d = r.retirement_date
    assert d == _last_day(d.year, d.month)
    assert r.pension_start == d + timedelta(days=1)
    assert r.pension_start.day == 1
    assert r.reached_on <= d
    assert (r.reached_on.year, r.reached_on.month) == (d.year, d.month)
    low, high = ((60, 0), (62, 0)) if sex == "M" else ((55, 0), (60, 0))
    assert low <= (r.age_years, r.age_months) <= high


@PROPERTY
@given(sex=sexes, a=births, b=births)
def test_property_retirement_is_monotone_non_decreasing_in_birth_date(
    book: RuleBook, sex: str, a: date, b: date
) -> None:
    early, late = sorted((a, b))
    assert (
        retirement(sex, early, "day", book).retirement_date
        <= retirement(sex, late, "day", book).retirement_date
    )
