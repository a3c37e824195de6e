"""Reading a cadre list: header detection, auto-mapping, the cell parsers (hypothesis on dates), rows."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain import import_parse as ip
from canbo_desktop.domain.dates import PartialDate
from canbo_desktop.domain.text import fold
from tests.unit.domain.vietnamese import PROPERTY

CODELISTS = Path(__file__).resolve().parents[3] / "resources" / "codelists"


def _context() -> ip.ImportContext:
    indexes = {}
    for f in CODELISTS.glob("*.json"):
        data = json.loads(f.read_text(encoding="utf-8"))
        if "list" in data:
            indexes[data["list"]] = ip.CodeIndex(data["list"], [(i["code"], i["name"], i.get("aliases", []))
                                                               for i in data["items"]], data["list"])
    return ip.ImportContext(indexes, today=date(2026, 11, 21))


CTX = _context()


# --------------------------------------------------------------------------- headers


def test_header_row_is_found_below_the_title_block() -> None:
    rows = [
        ["UBND HUYỆN VĨNH TƯỜNG", None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["PHÒNG NỘI VỤ"],
        [],
        ["DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026"],
        ["STT", "Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Quê quán", "Số CCCD"],
        [1, "Nguyễn Văn An", "01/02/1980", "Nam", "Hà Nội", "001080012345"],
    ]
    layout = ip.detect_header(rows)
    assert layout is not None and layout.rows == (4,) and layout.data_start == 5
    assert ip.auto_map(layout.labels) == ["", "full_name", "birth_date", "sex", "hometown", "id_number"]


def test_headers_without_diacritics_in_capitals_or_numbered_map_the_same() -> None:
    labels = ["TT", "HO VA TEN", "ngay sinh", "GIỚI TÍNH", "15.2 Trình độ chuyên môn", "Trình độ LLCT",
              "Dan toc", "Ngày vào Đảng CSVN", "Số CMND/CCCD", "Đơn vị công tác", "Ghi chú"]
    assert ip.auto_map(labels) == ["", "full_name", "birth_date", "sex", "education_level", "political_theory",
                                   "ethnicity_code", "party_join_date", "id_number", "unit_name", ""]


def test_two_row_header_with_birth_dates_under_nam_and_nu() -> None:
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", None, "Trình độ", None],
        [None, None, "Nam", "Nữ", "Chuyên môn", "Lý luận chính trị"],
        [1, "Nguyễn Văn An", "12/03/1980", None, "Đại học", "Trung cấp"],
        [2, "Lê Thị Bình", None, "1985", "ĐH", "Sơ cấp"],
    ]
    layout = ip.detect_header(rows)
    assert layout is not None and layout.rows == (0, 1)
    cols = ip.auto_map(layout.labels)
    assert cols == ["", "full_name", "birth_male", "birth_female", "education_level", "political_theory"]
    a = ip.parse_row(3, rows[2], cols, CTX)
    b = ip.parse_row(4, rows[3], cols, CTX)
    assert (a.values["sex"], a.values["birth_date"]) == ("M", date(1980, 3, 12))
    assert (b.values["sex"], b.values["birth_date"], b.values["birth_precision"]) == ("F", date(1985, 1, 1), "year")
    assert b.values["education_level"] == "dai_hoc" and b.values["political_theory"] == "so_cap"


def test_a_field_is_taken_once_and_mapping_problems_are_named() -> None:
    assert ip.auto_map(["Họ và tên", "Họ tên", "Ngày sinh"]) == ["full_name", "", "birth_date"]
    assert "Chưa có cột họ và tên" in " ".join(ip.mapping_problems(["birth_date", "sex"]))
    assert "nhiều cột" in " ".join(ip.mapping_problems(["full_name", "sex", "sex"]))
    assert ip.mapping_problems(["", "full_name"]) == []


# --------------------------------------------------------------------------- dates

EPOCH = date(1899, 12, 30)


def _formats(d: date) -> list[tuple[object, PartialDate]]:
    full = PartialDate(d.year, d.month, d.day)
    return [
        (f"{d.day:02d}/{d.month:02d}/{d.year}", full), (f"{d.day}/{d.month}/{d.year}", full),
        (f"{d.day:02d}-{d.month:02d}-{d.year}", full), (f"{d.day:02d}.{d.month:02d}.{d.year}", full),
        (f" {d.day} / {d.month} / {d.year} ", full), (d.isoformat(), full),
        (f"ngày {d.day} tháng {d.month} năm {d.year}", full), (f"{d.day:02d}/{d.month:02d}/{d.year} 00:00:00", full),
        (datetime(d.year, d.month, d.day, 13, 5), full), (d, full),
        ((d - EPOCH).days, full), (float((d - EPOCH).days) + 0.25, full), (str((d - EPOCH).days), full),
        (f"{d.month}/{d.year}", PartialDate(d.year, d.month)), (f"{d.month:02d}/{d.year}", PartialDate(d.year, d.month)),
        (f"tháng {d.month} năm {d.year}", PartialDate(d.year, d.month)),
        (str(d.year), PartialDate(d.year)), (d.year, PartialDate(d.year)), (float(d.year), PartialDate(d.year)),
    ]


@PROPERTY
@given(st.dates(min_value=date(1907, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_agree_with_the_reference_in_every_format(d: date) -> None:
    """(A number from 1000 to 2200 is a year, so serials are tested from 1907 on: serial 2200 is 1906.)"""
    for value, expected in _formats(d):
        got, reason = ip.parse_date_value(value)
        assert reason is None, (value, reason)
        assert got == expected, value


@PROPERTY
@given(st.dates(min_value=date(1911, 1, 1), max_value=date(2100, 12, 31)))
def test_1904_workbooks(d: date) -> None:
    got, _ = ip.parse_date_value((d - date(1904, 1, 1)).days, epoch_1904=True)
    assert got == PartialDate(d.year, d.month, d.day)


@PROPERTY
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                 st.none(), st.datetimes(), st.dates(),
                 st.from_regex(r"\A\d{1,3}[/.-]\d{1,3}[/.-]\d{1,5}\Z"), st.from_regex(r"\A\d{1,2}/\d{1,5}\Z")))
def test_the_date_parser_never_crashes(value: object) -> None:
    got, reason = ip.parse_date_value(value)
    assert got is None or reason is None
    if reason is not None:
        assert isinstance(reason, str) and reason and got is None


@pytest.mark.parametrize(("value", "reason"), [
    ("31/02/1980", "không có trong lịch"), ("15/13/1980", "Tháng 13"), ("15/07/80", "4 chữ số"),
    ("hôm qua", "không phải là ngày"), ("1/1/1700", "không hợp lệ"), (True, "không phải là ngày"),
])
def test_bad_dates_say_why(value: object, reason: str) -> None:
    got, why = ip.parse_date_value(value)
    assert got is None and why is not None and reason in why


def test_excel_serial_dates_match_excel() -> None:
    assert ip.excel_serial_to_date(1) == date(1900, 1, 1)
    assert ip.excel_serial_to_date(59) == date(1900, 2, 28)
    assert ip.excel_serial_to_date(61) == date(1900, 3, 1)  # Excel's 60 is its non-existent 29/02/1900
    assert ip.excel_serial_to_date(25569) == date(1970, 1, 1)
    assert ip.excel_serial_to_date(0, epoch_1904=True) == date(1904, 1, 1)


# --------------------------------------------------------------------------- code lists


@pytest.mark.parametrize(("list_key", "typed", "code"), [
    ("ethnicity", "Khơ-me", "05"), ("ethnicity", "Khmer", "05"), ("ethnicity", "khome", "05"),
    ("ethnicity", "H'Mông", "08"), ("ethnicity", "Mông", "08"), ("ethnicity", "HMONG", "08"), ("ethnicity", "Kinh", "01"),
    ("ethnicity", "1", "01"), ("ethnicity", "01", "01"), ("ethnicity", "Ê-đê", "11"), ("ethnicity", "Stiêng", "22"),
    ("education_level", "ĐH", "dai_hoc"), ("education_level", "Đại học", "dai_hoc"), ("education_level", "dai hoc", "dai_hoc"),
    ("education_level", "TC", "trung_cap"), ("education_level", "Trung cấp", "trung_cap"), ("education_level", "ThS", "thac_si"),
    ("political_theory", "TC", "trung_cap"), ("political_theory", "Cao cấp LLCT", "cao_cap"),
    ("political_theory", "trung cap chinh tri hanh chinh", "trung_cap"),
    ("religion", "Thiên Chúa giáo", "cong_giao"), ("religion", "không", "khong"), ("state_mgmt", "CVC", "chuyen_vien_chinh"),
])
def test_code_lists_match_names_aliases_and_codes(list_key: str, typed: str, code: str) -> None:
    hit = CTX.code_lists[list_key].match(typed)
    assert hit is not None and hit.code == code


def test_a_level_followed_by_a_major() -> None:
    f = ip.FIELD_BY_KEY["education_level"]
    row = ip.parse_row(7, ["Đại học Luật"], ["education_level"], CTX)
    assert row.values["education_level"] == "dai_hoc" and row.values["education_major"] == "Luật"
    assert any("chuyên ngành “Luật”" in w.reason for w in row.warnings)
    row = ip.parse_row(7, ["Thạc sĩ Quản lý công", "Hành chính học"], ["education_level", "education_major"], CTX)
    assert row.values["education_major"] == "Hành chính học"  # the major column wins
    assert f.code_list == "education_level"


def test_unknown_code_names_the_list() -> None:
    row = ip.parse_row(9, ["Người Sao Hoả"], ["ethnicity_code"], CTX)
    assert row.problems and "không có trong danh mục" in row.problems[0].reason


# --------------------------------------------------------------------------- rows


COLS = ["full_name", "birth_date", "sex", "id_number", "phone", "ethnicity_code", "salary_coefficient"]


def test_a_good_row() -> None:
    row = ip.parse_row(5, ["  nguyễn  văn   an ", "15/07/1965", "nam", "001065012345", "0912 345 678", "Kinh", "2,34"],
                       COLS, CTX)
    assert row.ok, row.problems
    v = row.values
    assert (v["full_name"], v["family_name"], v["middle_name"], v["given_name"]) == ("nguyễn văn an", "nguyễn", "văn", "an")
    assert (v["birth_date"], v["birth_precision"], v["sex"]) == (date(1965, 7, 15), "day", "M")
    assert (v["id_number"], v["phone"], v["ethnicity_code"], v["salary_coefficient"]) == ("001065012345", "0912345678", "01", 2.34)


def test_excel_numbers_lose_leading_zeros_and_get_them_back() -> None:
    row = ip.parse_row(5, ["Lê Văn Bình", 1965, "Nam", 1065012345, 912345678], COLS, CTX)
    assert row.ok, row.problems
    assert row.values["id_number"] == "001065012345" and row.values["phone"] == "0912345678"
    assert any("thêm số 0" in w.reason for w in row.warnings)


def test_capital_names_are_written_in_title_case_and_nfd_becomes_nfc() -> None:
    row = ip.parse_row(5, [unicodedata.normalize("NFD", "ĐẶNG QUỐC VIỆT")], COLS, CTX)
    assert row.values["full_name"] == "Đặng Quốc Việt" and unicodedata.is_normalized("NFC", row.values["full_name"])
    assert row.warnings


@pytest.mark.parametrize(("cells", "column", "reason"), [
    (["Trần Văn 2"], 0, "chữ số"),
    (["Trần Văn A", "x"], 1, "không phải là ngày"),
    (["Trần Văn A", None, "Khác"], 2, "Giới tính"),
    (["Trần Văn A", None, None, "12345"], 3, "12 chữ số"),
    (["Trần Văn A", None, None, "999065012345"], 3, "mã tỉnh"),
    (["Trần Văn A", None, None, None, "12345"], 4, "điện thoại"),
    (["Trần Văn A", None, None, None, None, None, "hai phẩy ba"], 6, "không phải là số"),
    ([ip.FormulaCell("=CONCATENATE(A1,B1)")], 0, "công thức"),
    (["Trần Văn A", ip.ErrorCell("#VALUE!")], 1, "#VALUE!"),
])
def test_bad_cells_name_their_column_and_reason(cells: list[object], column: int, reason: str) -> None:
    row = ip.parse_row(12, cells, COLS, CTX)
    assert [p.column for p in row.problems] == [column]
    assert reason in row.problems[0].reason


def test_separate_name_columns() -> None:
    cols = ["family_middle", "given_name"]
    row = ip.parse_row(3, ["Công Tằng Tôn Nữ Thị Bích", "Ngọc"], cols, CTX)
    assert row.ok
    assert (row.values["family_name"], row.values["middle_name"], row.values["given_name"]) == ("Công Tằng Tôn Nữ", "Thị Bích", "Ngọc")
    assert row.values["full_name"] == "Công Tằng Tôn Nữ Thị Bích Ngọc"
    row = ip.parse_row(3, ["Nguyễn Văn", None], cols, CTX)
    assert row.problems and "Thiếu tên" in row.problems[0].reason


@PROPERTY
@given(st.lists(st.one_of(st.none(), st.text(max_size=20), st.integers(), st.floats(), st.dates()), max_size=10))
def test_a_row_never_crashes_the_parser(cells: list[object]) -> None:
    cols = ["full_name", "birth_date", "sex", "id_number", "ethnicity_code", "education_level", "phone", "email",
            "salary_step", "general_education"]
    row = ip.parse_row(2, cells, cols, CTX)
    for k, v in row.values.items():
        if isinstance(v, str):
            assert unicodedata.is_normalized("NFC", v), k


@PROPERTY
@given(st.text(max_size=30))
def test_fast_fold_is_fold(text: str) -> None:
    assert ip.fast_fold(text) == fold(text)


def test_birth_year_as_number_is_a_year_not_a_serial() -> None:
    got, _ = ip.parse_date_value(1975)
    assert got == PartialDate(1975)
    got, _ = ip.parse_date_value(27465)  # a serial: 12/03/1975
    assert got == PartialDate(1975, 3, 12)
    assert date(1899, 12, 30) + timedelta(days=27465) == date(1975, 3, 12)


def test_true_is_not_the_serial_number_one() -> None:
    ctx = _context()
    a = ip.parse_row(2, [1], ["recruitment_date"], ctx)  # a column whose values are parsed once each
    b = ip.parse_row(3, [True], ["recruitment_date"], ctx)
    assert a.ok and a.values["recruitment_date"] == date(1900, 1, 1)
    assert not b.ok and "không phải là ngày" in b.problems[0].reason
