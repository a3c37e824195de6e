"""Fuzzing the parsers of outside data (hypothesis): dates, names, CCCD, phone numbers, Excel cells, header
detection, code lists, and the record validation every form field goes through. Hostile strings (long, empty,
control characters, right-to-left, emoji, NFD, formulas…) must give a result or a clear Vietnamese message —
never an unexpected exception."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain import import_parse as ip
from canbo_desktop.domain.cadre import Cadre, validate_cadre
from canbo_desktop.domain.dates import parse_date, parse_partial_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.names import parse_full_name
from canbo_desktop.domain.text import fold
from canbo_desktop.domain.validation import check_cccd, check_phone
from tests.unit.fuzzing import cell_value, fuzz_settings, hostile_text

VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _clear(message: str | None) -> None:
    """A problem is reported as a non-empty sentence (Vietnamese: it carries at least one letter with a mark
    or a Vietnamese word) and never as Python's repr of an exception."""
    if message is None:
        return
    assert isinstance(message, str) and message.strip()
    assert "Traceback" not in message and "Error(" not in message


@fuzz_settings(120)
@given(hostile_text)
def test_dates(text: str) -> None:
    for fn in (parse_partial_date, parse_date):
        try:
            fn(text)
        except CanboError as exc:
            _clear(exc.message)


@fuzz_settings(120)
@given(hostile_text)
def test_names(text: str) -> None:
    n = parse_full_name(text)
    for part in (n.family, n.middle, n.given):
        assert isinstance(part, str)
    assert "  " not in n.full_name
    fold(text)
    ip.split_name(text)
    ip.name_key(text)


@fuzz_settings(120)
@given(hostile_text, st.sampled_from([None, "M", "F"]), st.one_of(st.none(), st.integers(1900, 2100)))
def test_cccd_and_phone(text: str, sex: str | None, year: int | None) -> None:
    info, reason = check_cccd(text, sex=sex, birth_year=year)
    assert info is None or reason is None
    _clear(reason)
    _clear(check_phone(text))


@fuzz_settings(120)
@given(cell_value)
def test_excel_cell_parsers(value: Any) -> None:
    for fn in (ip.parse_sex, ip.parse_int, ip.parse_float, ip.parse_phone):
        result, problem = fn(value)
        _clear(problem)
    digits, problem, warning = ip.parse_cccd(value)
    _clear(problem)
    _clear(warning)
    if digits is not None:
        assert len(digits) == 12 and digits.isdigit()
    parsed, problem = ip.parse_date_value(value)
    _clear(problem)
    ip.match_header(value)
    ip.code_key(str(value))
    ip.quick_clean(str(value))


@fuzz_settings(40)
@given(st.lists(st.lists(cell_value, max_size=8), max_size=12))
def test_header_detection(rows: list[list[Any]]) -> None:
    ip.detect_header(rows)


TEXT_FIELDS = [f.name for f in dataclasses.fields(Cadre) if f.type in ("str", str) and f.name != "id"]


@fuzz_settings(120)
@given(st.dictionaries(st.sampled_from(TEXT_FIELDS), hostile_text, max_size=6))
def test_every_text_field_through_validation(values: dict[str, str]) -> None:
    c = dataclasses.replace(Cadre(owner_unit_id="u1", sex="M", birth_date=date(1985, 5, 5), given_name="An"), **values)
    errors = validate_cadre(c, today=date(2026, 11, 22))
    for field, message in errors.items():
        assert field in {f.name for f in dataclasses.fields(Cadre)}
        _clear(message)
        assert any(ch in VIETNAMESE for ch in message.lower()) or "CCCD" in message


def test_nfd_and_nfc_names_parse_the_same() -> None:
    nfc = "Nguyễn Thị Hồng Nhung"
    assert parse_full_name(unicodedata.normalize("NFD", nfc)).given == unicodedata.normalize("NFD", "Nhung")
    assert fold(unicodedata.normalize("NFD", nfc)) == fold(nfc)
