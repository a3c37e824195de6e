"""The messages of the layers below the UI follow the language (issue 12): Vietnamese by default (the catalogue),
English source text with ``CANBO_LANG=en`` / ``set_language("en")``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from canbo_desktop import i18n
from canbo_desktop.domain.access import Op, Principal, denial
from canbo_desktop.domain.dates import parse_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.validation import check_phone


@pytest.fixture
def english() -> Iterator[None]:
    """English without Qt (as the command line): a UI test run earlier in this process may have installed Qt's
    translators as the hook; they are set aside for the test."""
    before, qt = i18n.language(), i18n.hook()
    i18n.set_hook(None)
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language(before)
        i18n.set_hook(qt)


def test_vietnamese_by_default() -> None:
    with pytest.raises(ValidationError) as err:
        parse_date("31/02/2024")
    assert err.value.message == "Ngày 31/02/2024 không có trong lịch."
    assert check_phone("12") == ("Số điện thoại không hợp lệ: di động 10 chữ số, cố định 11 chữ số, "
                                 "bắt đầu bằng 0 (hoặc +84).")


def test_english_messages(english: None) -> None:
    with pytest.raises(ValidationError) as err:
        parse_date("31/02/2024")
    assert err.value.message == "The date 31/02/2024 does not exist in the calendar."
    assert (check_phone("12") or "").startswith("Invalid phone number")


def test_refusal_is_one_sentence_in_each_language(english: None) -> None:
    viewer = Principal(username="an", role="viewer")
    assert denial(viewer, Op.WRITE).message == "You may not change: account “an” has the role «View only»."
    i18n.set_language("vi")
    assert denial(viewer, Op.WRITE).message == ("Bạn không có quyền thay đổi: tài khoản “an” có vai trò "
                                                "«Chỉ xem».")


def test_day_is_the_domain_date() -> None:
    assert parse_date("05/02/2026") == date(2026, 2, 5)
