"""The row parser's shortcuts (issue 13) change nothing: a value parsed once per column and replayed gives the
row it gives when parsed afresh, and the quick name, CCCD and phone paths agree with the general ones."""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

import pytest

from canbo_desktop.domain import import_parse as ip
from canbo_desktop.domain.text import clean_line, title_case_name
from canbo_desktop.domain.validation import check_cccd, check_phone, normalise_cccd, normalise_phone

NAMES = ["Nguyễn Văn An", "NGUYỄN VĂN AN", "Lê Thị O'Hara", "Trần-Văn B.", "Ng2yen", "A", "AB", "ǅemal Xy", "Phạm  Thị   Hà",
         " Hà ", "Nguyễn\tVăn", "李 小龍", "ÀÁ", "Đỗ", "x" * 170, "Võ Văn #1", "Lê_Văn", "Trần ², An", "Đặng Ⅻ", 12, 3.0,
         "NGUYEN VAN A", "Hoàng Thị\u00a0Lan", "Nguye\u0303n Văn", "H'Hen Niê", "ÉÉ", "É", "Mc Đ'ARC", "Σ Σ"]
CCCD = ["040199123456", "040 199 123 456", "040.199.123.456", "４０４", "12345", 40199123456, 40199123456.0, 4.5,
        "001087000001", "0401991234567", "abc", "079065001234", "²40199123456", True, " 040199123456 "]
PHONE = ["0912345678", "091 234 5678", "091.234.5678", "(091) 2345678", 912345678, 912345678.0, "+84912345678", "12",
         "０９１２３４５６７８", "abc", "02431234567"]
DATES = [date(1970, 1, 2), datetime(1980, 5, 6, 7, 8), "12/03/1975", "1965", 1965, "03/1970", "31/02/1970", 25000,
         "ngày 5 tháng 7 năm 1965", 25000.5, "abc", "12/03/75", -1, True, "2001-02-03"]
CODES = ["Kinh", "kinh", "Khơ-me", "Mông", "ĐH", "Đại học", "Đại học Luật", "Thạc sĩ", "TC", "Trung cấp", "CV",
         "Chuyên viên", "01", 1, 1.0, "xyz", "Không", "Phật giáo", "01.003", 1.003]
TEXTS = ["Xã Thanh Hà", "  a  b ", "x" * 300, 12, 1.5, "Hà\nNội", "Chuyên viên", "Luật"]
POOL: dict[str, list[Any]] = {
    "full_name": NAMES, "family_middle": NAMES, "given_name": NAMES, "family_name": NAMES, "middle_name": NAMES,
    "birth_date": DATES, "birth_male": DATES, "birth_female": DATES, "party_join_date": DATES, "id_issue_date": DATES,
    "sex": ["Nam", "Nữ", "nam", "NỮ", "x", 1, "Nu", "F", True], "id_number": CCCD, "phone": PHONE,
    "ethnicity_code": CODES, "religion_code": CODES, "education_level": CODES, "political_theory": CODES,
    "state_mgmt": CODES, "grade_code": CODES, "birthplace": TEXTS, "current_position": TEXTS, "education_major": TEXTS,
    "main_duties": [*TEXTS, "a\r\nb"], "email": ["a@b.vn", "a b@c", "abc", 5], "salary_step": [1, 2.0, "3", "x", 2.5, True],
    "salary_coefficient": [1.5, "2,34", "3.456", "x", float("nan"), True], "general_education": [12, 9.0, "12/12", 13, True],
    "unit_code": ["U01", "u01", 101, 101.0], "unit_name": [" Sở Nội vụ ", "UBND"], "height_cm": [170, "x", 99], "stt": [1],
}
MARKERS = [None, "", "   ", ip.FormulaCell("=A1"), ip.ErrorCell("#N/A")]
LISTS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {"ethnicity": [("01", "Kinh", ()), ("02", "Khơ-me", ("Khmer",)), ("03", "Mông", ("H'Mông",))],
         "religion": [("00", "Không", ()), ("01", "Phật giáo", ())],
         "education_level": [("dh", "Đại học", ("ĐH",)), ("ths", "Thạc sĩ", ())],
         "political_theory": [("tc", "Trung cấp", ("TC",)), ("cc", "Cao cấp", ())],
         "state_mgmt": [("cv", "Chuyên viên", ("CV",)), ("cvc", "Chuyên viên chính", ())],
         "grade": [("01.003", "Chuyên viên", ()), ("01.002", "Chuyên viên chính", ())]}


def _context() -> ip.ImportContext:
    return ip.ImportContext({k: ip.CodeIndex(k, v, k) for k, v in LISTS.items()}, date(2026, 11, 22))


def _dump(pr: ip.ParsedRow) -> tuple[Any, ...]:
    return (pr.row_number, [(k, type(v).__name__, repr(v)) for k, v in pr.values.items()], list(pr.sources.items()),
            pr.unit_code, pr.unit_name, pr.problems, pr.warnings, pr.filled)


def _direct(out: ip.ParsedRow, j: int, f: ip.ImportField, v: Any, ctx: ip.ImportContext, handler: ip.Handler) -> None:
    handler(out, j, f, v, ctx, {})  # every cell parsed where it stands: nothing remembered, nothing replayed


@pytest.mark.parametrize("seed", range(6))
def test_values_parsed_once_per_column_replay_exactly(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    grids = []
    for _grid in range(25):
        columns = rng.sample(sorted(POOL), rng.randint(3, len(POOL)))
        columns = [c if rng.random() < 0.9 else "" for c in columns]
        rows = [[rng.choice(MARKERS) if rng.random() < 0.1 else (rng.choice(POOL[c]) if c else "bỏ qua")
                 for c in columns] for _r in range(40)]
        grids.append((columns, rows))
    remembered = []
    for columns, rows in grids:
        shared = _context()  # remembers every value it parsed
        remembered.append([_dump(ip.parse_row(r, cells, columns, shared)) for r, cells in enumerate(rows)])
    monkeypatch.setattr(ip, "_run_memo", _direct)
    direct = [[_dump(ip.parse_row(r, cells, columns, _context())) for r, cells in enumerate(rows)] for columns, rows in grids]
    assert remembered == direct


def _name_reference(text: str) -> tuple[str, str | None]:
    """The name checks written out character by character (as they were before the shortcut)."""
    if any(ch.isdigit() for ch in text):
        return "digits", None
    odd = sorted({ch for ch in text if not (ch.isalpha() or ch in " '’-.")})
    if odd:
        return "odd " + " ".join(odd), None
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "capitals", title_case_name(text)
    return "ok", text


@pytest.mark.parametrize("value", NAMES + ["ÆØÅ", "ǄǅǆƏ", "ᾈ ᾉ", "ß", "İstanbul", "ＡＢ", "ÅÅ", "Ⅻ", "’O-N.", "-", "ﬁ", "ﬃ AB"])
def test_the_quick_name_checks_agree_with_the_full_ones(value: Any) -> None:
    out = ip.ParsedRow(1)
    parts: dict[str, str] = {}
    ip.parse_row(1, [value], ["full_name"], _context())  # a whole row, for coverage
    ip._cell_name(out, 0, ip.FIELD_BY_KEY["full_name"], value, _context(), parts)
    text = ip.quick_clean(value if isinstance(value, str) else ip._number_text(value))
    verdict, fixed = _name_reference(text)
    if verdict == "ok" or verdict == "capitals":
        assert len(out.problems) == (1 if len(fixed or "") > 160 else 0)
        assert bool(out.warnings) == (verdict == "capitals")
        if not out.problems:
            assert parts["full_name"] == fixed
    else:
        assert len(out.problems) == 1 and not parts
        assert ("chữ số" in out.problems[0].reason or "digits" in out.problems[0].reason) == (verdict == "digits")


@pytest.mark.parametrize("value", CCCD + PHONE + ["", "  ", "0", "00000000000000000000", "٠١٢٣٤٥٦٧٨٩٠١"])
def test_the_quick_cccd_and_phone_paths_agree_with_the_full_ones(value: Any) -> None:
    if isinstance(value, str) and value.strip():
        digits = normalise_cccd(clean_line(value))
        _info, reason = check_cccd(digits)
        assert ip.parse_cccd(value) == ((None, reason, None) if reason else (digits, None, None))
        phone = normalise_phone(clean_line(value))
        reason = check_phone(phone)
        assert ip.parse_phone(value) == ((None, reason) if reason else (phone, None))
    else:
        ip.parse_cccd(value)
        ip.parse_phone(value)
