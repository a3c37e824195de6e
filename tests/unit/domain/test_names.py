"""Splitting a typed full name into family name (họ), middle name(s) (tên đệm) and given name (tên)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.names import PersonName, join_name, parse_full_name
from canbo_desktop.domain.text import clean_line, name_sort_key

from .vietnamese import PROPERTY, ms_keyboard_form, nfd, vietnamese_word


def _parts(name: PersonName) -> tuple[str, str, str]:
    return name.family, name.middle, name.given


@pytest.mark.parametrize(
    ("text", "family", "middle", "given_name"),
    [
        ("Nguyễn Văn An", "Nguyễn", "Văn", "An"),
        ("Nguyễn Thị Hồng Nhung", "Nguyễn", "Thị Hồng", "Nhung"),
        ("Lê Lợi", "Lê", "", "Lợi"),
        ("Hà", "", "", "Hà"),
        ("  Đặng   Quốc  Việt ", "Đặng", "Quốc", "Việt"),
        ("Hoàng Phú Cường", "Hoàng", "Phú", "Cường"),
    ],
    ids=["kinh-3-words", "kinh-4-words", "kinh-2-words", "one-word", "extra-spaces", "phu-is-a-middle-name"],
)
def test_kinh_names(text: str, family: str, middle: str, given_name: str) -> None:
    name = parse_full_name(text)
    assert _parts(name) == (family, middle, given_name)
    assert name.family_last is False
    assert name.full_name == clean_line(text)


@pytest.mark.parametrize(
    ("text", "family", "middle", "given_name"),
    [
        ("Tôn Nữ Thị Hà", "Tôn Nữ", "Thị", "Hà"),
        ("Âu Dương Phong", "Âu Dương", "", "Phong"),
        ("Công Tằng Tôn Nữ Thị Bích", "Công Tằng Tôn Nữ", "Thị", "Bích"),
        ("Tôn Thất Thuyết", "Tôn Thất", "", "Thuyết"),
        ("Rơ Châm Pơi", "Rơ Châm", "", "Pơi"),
        ("Ton Nu Thi Ha", "Ton Nu", "Thi", "Ha"),
    ],
    ids=["ton-nu", "au-duong", "cong-tang-ton-nu", "ton-that", "gia-rai-ro-cham", "typed-without-accents"],
)
def test_compound_family_names(text: str, family: str, middle: str, given_name: str) -> None:
    name = parse_full_name(text)
    assert _parts(name) == (family, middle, given_name)
    assert name.full_name == text


@pytest.mark.parametrize(
    ("text", "family", "given_name"),
    [
        ("Y Moan Niê", "Niê", "Y Moan"),
        ("H'Hen Niê Kdăm", "Niê Kdăm", "H'Hen"),
        ("Y Ngông Niê Kdăm", "Niê Kdăm", "Y Ngông"),
        ("H’Bia Mlô", "Mlô", "H’Bia"),
    ],
    ids=["y-moan-nie", "hhen-nie-kdam", "y-ngong-nie-kdam", "typographic-apostrophe"],
)
def test_ede_names_have_the_family_name_last(text: str, family: str, given_name: str) -> None:
    name = parse_full_name(text)
    assert _parts(name) == (family, "", given_name)
    assert name.family_last is True
    assert name.full_name == text  # rebuilt in written order, not Kinh order


@pytest.mark.parametrize(
    ("text", "family", "middle", "given_name"),
    [("Ksor Nham", "Ksor", "", "Nham"), ("Siu Thị Hoa", "Siu", "Thị", "Hoa")],
    ids=["ksor-nham", "siu-thi-hoa"],
)
def test_gia_rai_names_keep_the_family_name_first(
    text: str, family: str, middle: str, given_name: str
) -> None:
    name = parse_full_name(text)
    assert _parts(name) == (family, middle, given_name)
    assert name.family_last is False


@pytest.mark.parametrize("text", ["", "   ", "\u200b"], ids=["empty", "spaces", "zero-width"])
def test_empty_input_gives_an_empty_name(text: str) -> None:
    assert parse_full_name(text) == PersonName("", "", "")
    assert parse_full_name(text).full_name == ""


@pytest.mark.parametrize("convert", [nfd, ms_keyboard_form], ids=["nfd", "ms-keyboard"])
def test_decomposed_input_gives_nfc_parts(convert: Callable[[str], str]) -> None:
    name = parse_full_name(convert("Nguyễn Thị Hồng Nhung"))
    assert _parts(name) == ("Nguyễn", "Thị Hồng", "Nhung")
    for part in _parts(name):
        assert unicodedata.is_normalized("NFC", part)
    ede = parse_full_name(convert("H'Hen Niê Kdăm"))
    assert _parts(ede) == ("Niê Kdăm", "", "H'Hen")


@PROPERTY
@given(st.lists(vietnamese_word, min_size=1, max_size=5), st.sampled_from([str, nfd, ms_keyboard_form]))
def test_parsing_keeps_the_written_name(words: list[str], convert: Callable[[str], str]) -> None:
    text = convert(" ".join(words))
    name = parse_full_name(text)
    assert name.full_name == clean_line(text)
    for part in _parts(name):
        assert unicodedata.is_normalized("NFC", part)
    assert name.given  # there is always a given name
    # Editing the three parts and joining them again gives the same written name.
    assert join_name(name.family, name.middle, name.given, family_last=name.family_last) == name.full_name


def test_join_name_cleans_each_part() -> None:
    assert join_name(" Nguyễn ", "", nfd("Hồng  Nhung")) == "Nguyễn Hồng Nhung"
    assert join_name("Niê", "", "Y Moan", family_last=True) == "Y Moan Niê"


def test_sort_key_uses_given_middle_family_and_birth() -> None:
    name = parse_full_name("Nguyễn Thị Hồng Nhung")
    assert name.sort_key("1980-01-02") == name_sort_key("Nhung", "Thị Hồng", "Nguyễn", "1980-01-02")
    ede = parse_full_name("Y Moan Niê")
    assert ede.sort_key() == name_sort_key("Y Moan", "", "Niê")
