"""The 12-digit personal ID (CCCD) and phone numbers, as clerks type or paste them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.validation import check_cccd, check_phone, normalise_cccd

from .vietnamese import PROPERTY

# --- CCCD -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "province", "sex", "birth_year"),
    [
        ("040075001234", "Nghệ An", "M", 1975),  # 040 Nghệ An · 0 = man born 19xx · 75
        ("079190001234", "TP Hồ Chí Minh", "F", 1990),  # 079 HCM · 1 = woman born 19xx · 90
        ("001205123456", "Hà Nội", "M", 2005),  # 2 = man born 20xx
        ("001305123456", "Hà Nội", "F", 2005),  # 3 = woman born 20xx
        ("096099999999", "Cà Mau", "M", 1999),
        ("040 075 001 234", "Nghệ An", "M", 1975),  # pasted with spaces
        ("040.075.001.234", "Nghệ An", "M", 1975),  # pasted with dots
    ],
    ids=[
        "nghe-an-man-1975",
        "hcm-woman-1990",
        "hanoi-man-2005",
        "hanoi-woman-2005",
        "ca-mau-1999",
        "spaces",
        "dots",
    ],
)
def test_valid_cccd(number: str, province: str, sex: str, birth_year: int) -> None:
    info, error = check_cccd(number)
    assert error is None
    assert info is not None
    assert (info.province, info.sex, info.birth_year) == (province, sex, birth_year)
    # The same number also passes when the cadre's sex and birth year are given and agree.
    info2, error2 = check_cccd(number, sex=sex, birth_year=birth_year)
    assert error2 is None and info2 == info


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("04007500123", "12 chữ số"),  # 11 digits
        ("0400750012345", "12 chữ số"),  # 13 digits
        ("04007500123A", "12 chữ số"),
        ("O40075001234", "12 chữ số"),  # letter O typed for zero
        ("", "12 chữ số"),
        ("099075001234", "mã tỉnh"),  # 099 is not a province code
        ("000075001234", "mã tỉnh"),
        ("040875001234", "Chữ số thứ tư"),  # 8 would be the 2300s
    ],
    ids=[
        "11-digits",
        "13-digits",
        "letter",
        "letter-O",
        "empty",
        "unknown-province-099",
        "province-000",
        "century-digit-8",
    ],
)
def test_invalid_cccd_is_explained_in_vietnamese(number: str, fragment: str) -> None:
    info, error = check_cccd(number)
    assert info is None
    assert error is not None and fragment in error


def test_cccd_sex_mismatch() -> None:
    info, error = check_cccd("040075001234", sex="F")  # 4th digit 0 = man
    assert info is None
    assert error is not None and "giới tính" in error
    info, error = check_cccd("001305123456", sex="M")  # 3 = woman born in the 2000s
    assert info is None and error is not None and "giới tính" in error


def test_cccd_birth_year_mismatch() -> None:
    info, error = check_cccd("040075001234", birth_year=1976)
    assert info is None
    assert error is not None and "1975" in error and "1976" in error
    # The century digit matters: 0 means 1900s, so 2075 does not match either.
    info, error = check_cccd("040075001234", birth_year=2075)
    assert info is None and error is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("079 0 65 001234", "079065001234"),
        ("079.065.001.234", "079065001234"),
        ("079-065-001-234", "079065001234"),
        (" 079065001234 ", "079065001234"),
        ("", ""),
    ],
    ids=["spaces", "dots", "hyphens", "outer-spaces", "empty"],
)
def test_normalise_cccd(raw: str, expected: str) -> None:
    assert normalise_cccd(raw) == expected


@pytest.mark.parametrize(
    "number",
    ["040\u00b275001234", "０４００７５００１２３４", "04007500123\u2075"],
    ids=["superscript-two", "fullwidth-digits", "superscript-five"],
)
def test_cccd_with_non_ascii_digits_is_rejected_not_crashing(number: str) -> None:
    # Text pasted from Word or a PDF can carry digit look-alikes; the clerk must get a message, not a crash.
    info, error = check_cccd(number)
    assert info is None
    assert error is not None


# What clerks paste into the field: ASCII digits and separators, plus look-alikes from Word, PDFs or other
# keyboards (superscripts, full-width and Arabic-Indic digits, the letter O).
_PASTED = list("0123456789") * 4 + list(" .-O") + ["\u00b2", "\u2075", "\uff10", "\uff14", "\u0663", "\u00a0"]


@PROPERTY
@given(st.sampled_from(["001", "040", "079", ""]), st.text(alphabet=st.sampled_from(_PASTED), max_size=14))
def test_check_cccd_answers_instead_of_crashing(prefix: str, rest: str) -> None:
    info, error = check_cccd(prefix + rest)
    assert (info is None) != (error is None)
    if info is not None:  # accepted numbers are exactly 12 ASCII digits once separators are removed
        digits = normalise_cccd(prefix + rest)
        assert len(digits) == 12 and all(c in "0123456789" for c in digits)


@PROPERTY
@given(
    st.sampled_from(["001", "040", "079", "096"]),
    st.integers(0, 3),
    st.integers(0, 99),
    st.integers(0, 999999),
)
def test_cccd_structure_decodes_sex_and_birth_year(province: str, g: int, yy: int, serial: int) -> None:
    info, error = check_cccd(f"{province}{g}{yy:02d}{serial:06d}")
    assert error is None and info is not None
    assert info.sex == ("M" if g % 2 == 0 else "F")
    assert info.birth_year == (1900 if g < 2 else 2000) + yy


# --- phone ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["0912345678", "+84912345678", "091 234 5678", "091.234.5678", "0387654321", "", "84912345678"],
    ids=["mobile", "plus-84", "spaces", "dots", "mobile-03x", "empty-is-optional", "84-without-plus"],
)
def test_valid_mobile_phone(number: str) -> None:
    assert check_phone(number) is None


@pytest.mark.parametrize(
    "number",
    ["(024) 3825 1234", "028 3821 2345", "0236 3822 123", "+84 24 3825 1234"],
    ids=["hanoi", "hcm", "da-nang", "hanoi-plus-84"],
)
def test_valid_office_landline(number: str) -> None:
    # Since the 2017 renumbering every landline is 0 + a 2x area code + subscriber = 11 digits
    # (Hà Nội 024, TP HCM 028, Đà Nẵng 0236). A cadre's office number must be accepted.
    assert check_phone(number) is None


@pytest.mark.parametrize(
    "number",
    ["12345", "09123456789", "091234567", "+8409123456789", "0912abc678", "912345678"],
    ids=["too-short", "11-digits", "9-digits", "plus-84-and-zero", "letters", "missing-leading-zero"],
)
def test_invalid_phone_is_explained_in_vietnamese(number: str) -> None:
    error = check_phone(number)
    assert error is not None
    assert "chữ số" in error and "bắt đầu bằng 0" in error
