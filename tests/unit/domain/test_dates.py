"""Dates as Vietnamese offices write them: dd/mm/yyyy, partial dates, ages, month arithmetic, ND 30 style."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.dates import (
    MAX_YEAR,
    MIN_YEAR,
    PartialDate,
    add_months,
    age_on,
    format_date,
    format_iso_partial,
    parse_date,
    parse_partial_date,
    vn_long_date,
)
from canbo_desktop.domain.errors import ValidationError

from .vietnamese import PROPERTY

valid_dates = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    d = draw(valid_dates)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(d.year)
    if precision == "month":
        return PartialDate(d.year, d.month)
    return PartialDate(d.year, d.month, d.day)


# --- parsing ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "display"),
    [
        ("15/07/1965", PartialDate(1965, 7, 15), "15/07/1965"),
        ("5/7/1965", PartialDate(1965, 7, 5), "05/07/1965"),
        ("15.07.1965", PartialDate(1965, 7, 15), "15/07/1965"),
        ("15-07-1965", PartialDate(1965, 7, 15), "15/07/1965"),
        (" 15 / 07 / 1965 ", PartialDate(1965, 7, 15), "15/07/1965"),
        ("7/1965", PartialDate(1965, 7), "07/1965"),
        ("09/1998", PartialDate(1998, 9), "09/1998"),
        ("1965", PartialDate(1965), "1965"),
        ("1965-07", PartialDate(1965, 7), "07/1965"),
        ("1965-07-15", PartialDate(1965, 7, 15), "15/07/1965"),
        ("29/02/2024", PartialDate(2024, 2, 29), "29/02/2024"),
    ],
    ids=[
        "dd/mm/yyyy",
        "d/m/yyyy",
        "dots",
        "hyphens",
        "spaces",
        "m/yyyy",
        "mm/yyyy",
        "yyyy",
        "iso-month",
        "iso-day",
        "leap-day",
    ],
)
def test_parse_partial_date(text: str, expected: PartialDate, display: str) -> None:
    parsed = parse_partial_date(text)
    assert parsed == expected
    assert parsed is not None and parsed.display() == display


@pytest.mark.parametrize("text", ["", "   ", None], ids=["empty", "blank", "none"])
def test_empty_date_is_none(text: str | None) -> None:
    assert parse_partial_date(text) is None
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31/02/2020", "không có trong lịch"),
        ("29/02/2023", "không có trong lịch"),
        ("31/04/2020", "không có trong lịch"),
        ("00/01/2020", "không có trong lịch"),
        ("13/2020", "Tháng 13"),
        ("2020-13", "Tháng 13"),
        ("07/15/1965", "Tháng 15"),  # month/day swapped (US order)
        ("abc", "không phải là ngày hợp lệ"),
        ("15/07/65", "không phải là ngày hợp lệ"),  # two-digit year
        ("1700", "Năm 1700"),
        ("15/07/1700", "Năm 1700"),
        ("9999", "Năm 9999"),
    ],
    ids=[
        "31-feb",
        "29-feb-2023",
        "31-apr",
        "day-zero",
        "month-13",
        "iso-month-13",
        "us-order",
        "letters",
        "two-digit-year",
        "year-1700",
        "date-in-1700",
        "year-9999",
    ],
)
def test_invalid_dates_raise_a_vietnamese_message(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_partial_date(text)
    assert fragment in excinfo.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15/07/1965", date(1965, 7, 15)), ("1965-07-15", date(1965, 7, 15))],
    ids=["dmy", "iso"],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["7/1965", "1965"], ids=["month-year", "year"])
def test_parse_date_rejects_a_partial_date(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_date(text)
    assert "dd/mm/yyyy" in excinfo.value.message


# --- display and storage -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso", "display", "first_day"),
    [
        (PartialDate(1965, 7, 5), "1965-07-05", "05/07/1965", date(1965, 7, 5)),
        (PartialDate(1998, 9), "1998-09", "09/1998", date(1998, 9, 1)),
        (PartialDate(1965), "1965", "1965", date(1965, 1, 1)),
    ],
    ids=["day", "month", "year"],
)
def test_partial_date_forms(value: PartialDate, iso: str, display: str, first_day: date) -> None:
    assert value.iso() == iso
    assert value.display() == display
    assert value.first_day() == first_day
    assert format_iso_partial(iso) == display


def test_format_date() -> None:
    assert format_date(date(2026, 2, 5)) == "05/02/2026"
    assert format_date(None) == ""
    assert format_iso_partial("") == "" and format_iso_partial(None) == ""


def test_partial_dates_sort_chronologically_whatever_their_precision() -> None:
    # A CV's work history mixes "1998", "9/1998" and "15/09/1998"; the list must still sort, as the ISO
    # text it is stored as does ("1998" < "1998-09" < "1998-09-15").
    expected = [
        PartialDate(1964, 12),
        PartialDate(1965),
        PartialDate(1965, 1),
        PartialDate(1965, 7),
        PartialDate(1965, 7, 15),
        PartialDate(1965, 8, 1),
        PartialDate(1966),
    ]
    shuffled = list(expected)
    random.Random(1965).shuffle(shuffled)
    assert sorted(shuffled) == expected
    assert sorted(shuffled, key=PartialDate.iso) == expected


def test_same_precision_partial_dates_compare() -> None:
    assert PartialDate(1965, 7, 15) < PartialDate(1965, 7, 16) < PartialDate(1965, 8, 1)
    assert PartialDate(1965, 12) < PartialDate(1966, 1)
    assert PartialDate(1965) < PartialDate(1966)


@PROPERTY
@given(partial_dates(), partial_dates())
def test_partial_date_order_matches_the_stored_iso_text(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) == (a.iso() < b.iso())
    assert (a == b) == (a.iso() == b.iso())


@PROPERTY
@given(valid_dates)
def test_format_then_parse_round_trips(d: date) -> None:
    parsed = parse_partial_date(format_date(d))
    assert parsed is not None and parsed.first_day() == d
    assert parse_date(format_date(d)) == d


@PROPERTY
@given(valid_dates)
def test_iso_round_trips(d: date) -> None:
    value = PartialDate.from_date(d)
    assert parse_partial_date(value.iso()) == value
    assert parse_partial_date(value.iso()).first_day() == d  # type: ignore[union-attr]


@PROPERTY
@given(partial_dates())
def test_partial_date_display_and_iso_round_trip(value: PartialDate) -> None:
    assert parse_partial_date(value.display()) == value
    assert parse_partial_date(value.iso()) == value


# --- age and month arithmetic ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "expected"),
    [
        (date(1965, 7, 15), date(2025, 7, 15), (60, 0)),  # the birthday itself: 60 completed
        (date(1965, 7, 15), date(2025, 7, 14), (59, 11)),
        (date(1965, 7, 15), date(2025, 8, 15), (60, 1)),
        (date(1965, 7, 15), date(2025, 8, 14), (60, 0)),
        (date(1965, 7, 15), date(1965, 7, 15), (0, 0)),
        (date(1965, 7, 15), date(1960, 1, 1), (0, 0)),  # before birth: no negative age
        (date(1970, 12, 31), date(2026, 1, 1), (55, 0)),
    ],
    ids=[
        "birthday",
        "day-before",
        "month-after",
        "day-before-month",
        "birth-day",
        "before-birth",
        "year-end",
    ],
)
def test_age_on(birth: date, on: date, expected: tuple[int, int]) -> None:
    assert age_on(birth, on) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(1965, 7, 15), 60 * 12 + 3, date(2025, 10, 15)),
        (date(2025, 11, 30), 2, date(2026, 1, 30)),
    ],
    ids=["31-jan-2023", "31-jan-leap", "31-mar", "leap-day-plus-year", "minus-one", "60y3m", "over-year-end"],
)
def test_add_months_clamps_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@PROPERTY
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 12 * 70))
def test_age_on_agrees_with_add_months(birth: date, months: int) -> None:
    # On the day that add_months gives (the month's last day when the birth day does not exist in it,
    # as the Civil Code 2015 Art. 148 counts month periods) exactly `months` months are completed.
    on = add_months(birth, months)
    assert age_on(birth, on) == divmod(months, 12)


def test_age_on_month_end_birthday() -> None:
    # Born 31/08/1965: 60 years and 1 month are completed on 30/09/2025, the last day of September.
    assert age_on(date(1965, 8, 31), date(2025, 9, 30)) == (60, 1)
    assert age_on(date(1964, 2, 29), date(2025, 2, 28)) == (61, 0)


# --- ND 30/2020 long date ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 10), "ngày 10 tháng 01 năm 2026"),
        (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (date(2026, 12, 5), "ngày 05 tháng 12 năm 2026"),
        (date(2026, 10, 31), "ngày 31 tháng 10 năm 2026"),
    ],
    ids=["5-feb", "10-jan", "15-mar", "5-mar", "5-dec", "31-oct"],
)
def test_vn_long_date(d: date, expected: str) -> None:
    assert vn_long_date(d) == expected


def test_vn_long_date_with_place() -> None:
    assert vn_long_date(date(2026, 2, 5), "Hà Nội") == "Hà Nội, ngày 05 tháng 02 năm 2026"


@pytest.mark.parametrize(("stored", "end"), [
    ("1998", date(1998, 12, 31)), ("1998-09", date(1998, 9, 30)), ("2024-02", date(2024, 2, 29)),
    ("1998-09-15", date(1998, 9, 15)), ("09/1998", date(1998, 9, 30)), ("", None), (None, None),
    ("1998-13", None), ("không rõ", None),
])
def test_stored_partial_end_is_the_last_day_it_can_mean(stored, end) -> None:
    from canbo_desktop.domain.dates import stored_partial_end

    assert stored_partial_end(stored) == end
