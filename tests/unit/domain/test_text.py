"""Vietnamese text handling (domain.md §10, stack.md §7): normal forms, search folding, tone placement,
collation, list order, input cleaning and upper case."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.text import (
    canonical_tones,
    clean_line,
    clean_multiline,
    collation_key,
    fold,
    fold_words,
    name_sort_key,
    nfc,
    search_exact,
    title_case_name,
    upper,
)

from .vietnamese import (
    ALPHABET,
    PROPERTY,
    VIETNAMESE_LETTERS,
    ms_keyboard_form,
    nfd,
    vietnamese_text,
)


def _has_combining(text: str) -> bool:
    return any(unicodedata.combining(ch) for ch in text)


# --- the three input forms ------------------------------------------------------------------------


def test_the_strategy_covers_all_134_precomposed_letters() -> None:
    assert len(set(VIETNAMESE_LETTERS)) == 134
    assert set(VIETNAMESE_LETTERS) <= set(ALPHABET)
    assert "đ" in VIETNAMESE_LETTERS and "Đ" in VIETNAMESE_LETTERS


def test_ms_keyboard_form_keeps_shape_and_separates_tone() -> None:
    # "ệ" typed on the Microsoft keyboard is ê (U+00EA) followed by a combining dot below.
    assert ms_keyboard_form("ệ") == "\u00ea\u0323"
    assert ms_keyboard_form("Việt") == "Vi\u00ea\u0323t"
    assert ms_keyboard_form("ữ") == "\u01b0\u0303"
    assert ms_keyboard_form("ặ") == "\u0103\u0323"
    assert ms_keyboard_form("à") == "a\u0300"


@PROPERTY
@given(vietnamese_text)
def test_fold_is_the_same_for_nfc_nfd_and_keyboard_forms(text: str) -> None:
    expected = fold(nfc(text))
    assert fold(nfd(text)) == expected
    assert fold(ms_keyboard_form(text)) == expected


@PROPERTY
@given(vietnamese_text)
def test_fold_leaves_no_diacritic_and_no_d_stroke(text: str) -> None:
    folded = fold(text)
    assert not _has_combining(folded)
    assert "đ" not in folded and "Đ" not in folded
    assert folded == folded.lower()


@PROPERTY
@given(vietnamese_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@PROPERTY
@given(vietnamese_text)
def test_nfc_unifies_keyboard_and_nfd_input(text: str) -> None:
    assert nfc(ms_keyboard_form(text)) == nfc(text)
    assert nfc(nfd(text)) == nfc(text)
    assert unicodedata.is_normalized("NFC", nfc(ms_keyboard_form(text)))


@PROPERTY
@given(vietnamese_text)
def test_canonical_tones_is_idempotent_and_form_independent(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once
    assert canonical_tones(nfd(text)) == once
    assert canonical_tones(ms_keyboard_form(text)) == once
    assert unicodedata.is_normalized("NFC", once)


# --- folding, examples ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Thị Hồng Nhung", "nguyen thi hong nhung"),
        ("Đặng Quốc Việt", "dang quoc viet"),
        ("Phạm Hữu Đức", "pham huu duc"),
        ("Lê Văn Lưỡng", "le van luong"),
        ("ệ ữ ậ ặ ở Ệ Ữ Ậ Ặ Ở", "e u a a o e u a a o"),
        ("ĐOÀN THỊ HOÀ", "doan thi hoa"),
    ],
    ids=[
        "nguyen-thi-hong-nhung",
        "dang-quoc-viet",
        "pham-huu-duc",
        "le-van-luong",
        "two-mark-letters",
        "upper-case",
    ],
)
def test_fold_examples(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert fold(nfd(text)) == expected
    assert fold(ms_keyboard_form(text)) == expected


def test_fold_words_splits_a_query_into_folded_words() -> None:
    assert fold_words("  Đặng   Quốc-Việt ") == ["dang", "quoc", "viet"]


# --- tone placement ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("hòa", "hoà"),
        ("thủy", "thuỷ"),
        ("úy", "uý"),
        ("khỏe", "khoẻ"),
        ("Thúy", "Thuý"),
        ("HÒA", "HOÀ"),
        ("Nguyễn Thị Hòa", "Nguyễn Thị Hoà"),
    ],
    ids=["hoa", "thuy", "uy", "khoe", "Thuy-name", "HOA-upper", "full-name"],
)
def test_old_and_new_tone_placement_compare_equal(old_style: str, new_style: str) -> None:
    assert old_style != new_style  # different code points, same word
    assert canonical_tones(old_style) == canonical_tones(new_style)
    assert canonical_tones(nfd(old_style)) == canonical_tones(new_style)
    assert search_exact(old_style) == search_exact(new_style.upper())


@pytest.mark.parametrize(
    "word",
    ["hoàng", "người", "giữa", "quý", "gì", "nguyễn", "Quốc", "thuở", "rượu", "khuỷu", "mía", "của", "giếng"],
)
def test_correctly_placed_tones_are_left_alone(word: str) -> None:
    assert canonical_tones(word) == word


def test_search_exact_keeps_diacritics_but_not_case() -> None:
    assert search_exact("ĐẶNG Quốc Việt") == "đặng quốc việt"
    assert search_exact("Đặng") != search_exact("Dang")


# --- collation ----------------------------------------------------------------------------------------


def _shuffled(items: list[str]) -> list[str]:
    out = list(items)
    random.Random(20260101).shuffle(out)
    return out


def test_collation_follows_the_vietnamese_alphabet() -> None:
    # Alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
    # Letters are compared first (tones ignored), then tones in the order ngang < huyền < hỏi < ngã < sắc < nặng.
    # * An, Anh, Ánh, Ạnh: "an" is a prefix of "anh" so An comes first; Anh, Ánh, Ạnh have the same letters
    #   and differ only by tone: ngang < sắc < nặng.
    # * Ăn, Âu: ă and â come after every a-word (a < ă < â), and ă < â.
    # * Bùi: b after the a-letters.
    # * Dương before Đặng: d < đ, whatever follows.
    # * Nguyễn (n) before Ô, Ơ (o-letters: ô < ơ), then Phạm (p).
    # * U before Ư (u < ư), then Y (last letter).
    words = [
        "Bùi",
        "Âu",
        "Đặng",
        "Dương",
        "An",
        "Ăn",
        "Anh",
        "Nguyễn",
        "Phạm",
        "Ánh",
        "Ạnh",
        "Ô",
        "Ơ",
        "Ư",
        "U",
        "Y",
    ]
    expected = [
        "An",
        "Anh",
        "Ánh",
        "Ạnh",
        "Ăn",
        "Âu",
        "Bùi",
        "Dương",
        "Đặng",
        "Nguyễn",
        "Ô",
        "Ơ",
        "Phạm",
        "U",
        "Ư",
        "Y",
    ]
    assert sorted(words, key=collation_key) == expected
    assert sorted(_shuffled(words), key=collation_key) == expected


def test_tones_sort_ngang_huyen_hoi_nga_sac_nang() -> None:
    expected = ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ", "ẫ", "ấ", "ậ"]
    assert sorted(_shuffled(expected), key=collation_key) == expected


def test_letters_decide_before_tones() -> None:
    # Hải < Hàn (i < n) even though ả is a "later" tone than à; Hanh < Hạnh only by tone.
    expected = ["Hải", "Hàn", "Hanh", "Hạnh"]
    assert sorted(_shuffled(expected), key=collation_key) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("An", "Anh"),
        ("d", "đ"),
        ("đ", "e"),
        ("Dung", "Đăng"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("u", "ư"),
        ("ư", "v"),
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("e", "ê"),
        ("ê", "g"),
    ],
    ids=[
        "prefix-first",
        "d<đ",
        "đ<e",
        "Dung<Đăng",
        "o<ô",
        "ô<ơ",
        "u<ư",
        "ư<v",
        "a<ă",
        "ă<â",
        "â<b",
        "e<ê",
        "ê<g",
    ],
)
def test_collation_pairs(first: str, second: str) -> None:
    assert collation_key(first) < collation_key(second)


def test_collation_does_not_depend_on_the_input_form() -> None:
    for word in ["Nguyễn", "Đặng", "Việt", "Lưỡng"]:
        assert collation_key(nfd(word)) == collation_key(word)
        assert collation_key(ms_keyboard_form(word)) == collation_key(word)


def test_multi_word_names_sort_syllable_by_syllable() -> None:
    # Vietnam Lexicography Centre rule 4.3: polysyllables are compared syllable by syllable, left to right.
    # The first syllables "Hà" and "Hàm" differ and "Hà" is the shorter block, so every "Hà …" unit
    # comes before "Hàm Yên" (ICU's vi collation agrees: the space sorts before any letter).
    expected = ["Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hàm Yên"]
    assert sorted(_shuffled(expected), key=collation_key) == expected


# --- official list order -------------------------------------------------------------------------------

# (family, middle, given, birth date) in the order of an official list: given name, then middle name(s),
# then family name, then date of birth.
OFFICIAL_ORDER = [
    ("Trần", "Thị", "An", "1980-05-05"),  # An: middle Thị < Văn
    ("Nguyễn", "Văn", "An", "1970-01-01"),
    ("Bùi", "", "Anh", "1979"),  # An < Anh (prefix); no middle name comes first
    ("Hoàng", "Văn", "Anh", "1979-02-02"),
    ("Nguyễn", "Thị", "Ánh", "1988"),  # Ánh after Anh: same letters, sắc after ngang
    ("Vũ", "Đức", "Ân", "1991-10-10"),  # Ân after Ánh: letters first, a < â
    ("Lê", "Thị", "Hà", "1962-12-31"),  # same full name: the earlier birth date first
    ("Lê", "Thị", "Hà", "1975-03-02"),
    ("Phạm", "Thị", "Hà", "1960-01-01"),  # same given and middle: Lê < Phạm
    ("Nguyễn", "Văn", "Hà", "1968-09-09"),  # Thị < Văn
    ("Dương", "Quốc", "Việt", "1985-06-15"),  # same given and middle: Dương < Đặng (d < đ)
    ("Đặng", "Quốc", "Việt", "1985-06-15"),
]


def _name_key(person: tuple[str, str, str, str]) -> str:
    family, middle, given_name, birth = person
    return name_sort_key(given_name, middle, family, birth)


def test_name_sort_key_gives_the_official_list_order() -> None:
    assert sorted(_shuffled(OFFICIAL_ORDER), key=_name_key) == OFFICIAL_ORDER
    assert sorted(reversed(OFFICIAL_ORDER), key=_name_key) == OFFICIAL_ORDER


def test_name_sort_key_is_independent_of_the_input_form() -> None:
    assert name_sort_key(nfd("Việt"), nfd("Quốc"), nfd("Đặng"), "1985") == name_sort_key(
        "Việt", "Quốc", "Đặng", "1985"
    )
    assert name_sort_key(ms_keyboard_form("Hồng"), "Thị", "Nguyễn") == name_sort_key("Hồng", "Thị", "Nguyễn")


@PROPERTY
@given(st.lists(st.tuples(vietnamese_text, vietnamese_text), min_size=2, max_size=6))
def test_name_sort_key_orders_by_given_name_before_anything_else(people: list[tuple[str, str]]) -> None:
    # Whatever the family names, two people with different given names are ordered by the given name alone.
    for (given_a, family_a), (given_b, family_b) in zip(people, people[1:], strict=False):
        if collation_key(given_a) < collation_key(given_b):
            assert name_sort_key(given_a, "", family_a) < name_sort_key(given_b, "", family_b)


# --- cleaning input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Nguyễn   Văn\tAn  ", "Nguyễn Văn An"),
        ("Nguyễn\nVăn\r\nAn", "Nguyễn Văn An"),
        ("Nguyễn\x00 Văn\x07 An\x1b", "Nguyễn Văn An"),
        ("Nguy\u200bễn Văn An", "Nguyễn Văn An"),
        ("\ufeffNguyễn Văn An", "Nguyễn Văn An"),
        ("Nguyễn\u202e Văn An", "Nguyễn Văn An"),
        ("Nguyễn\u00a0Văn\u3000An", "Nguyễn Văn An"),
        (nfd("Nguyễn Văn An"), "Nguyễn Văn An"),
        (ms_keyboard_form("Nguyễn Văn An"), "Nguyễn Văn An"),
        (None, ""),
    ],
    ids=[
        "spaces-and-tab",
        "newlines",
        "c0-controls",
        "zero-width-space",
        "bom",
        "bidi-override",
        "nbsp-ideographic-space",
        "nfd",
        "ms-keyboard",
        "none",
    ],
)
def test_clean_line(raw: str | None, expected: str) -> None:
    cleaned = clean_line(raw)
    assert cleaned == expected
    assert unicodedata.is_normalized("NFC", cleaned)


@pytest.mark.parametrize(
    "invisible",
    ["\x85", "\x9b", "\u2060", "\u00ad", "\u2066"],
    ids=["c1-next-line", "c1-csi", "word-joiner", "soft-hyphen", "bidi-isolate"],
)
def test_clean_line_removes_other_invisible_characters(invisible: str) -> None:
    # Pasted from PDFs, Word or mis-decoded legacy files: invisible, but they break search and duplicates.
    cleaned = clean_line(f"Nguy{invisible}ễn Văn An")
    assert cleaned == "Nguyễn Văn An"
    assert fold_words(cleaned) == ["nguyen", "van", "an"]


@PROPERTY
@given(
    vietnamese_text,
    st.lists(
        st.tuples(
            st.integers(min_value=0), st.sampled_from(["\u200b", "\u200c", "\u200d", "\ufeff", "\u202e"])
        ),
        max_size=4,
    ),
)
def test_clean_line_output_is_nfc_even_with_invisible_characters_inside_nfd_text(
    text: str, insertions: list[tuple[int, str]]
) -> None:
    # NFD text (pasted from macOS or a PDF) with zero-width or bidi characters inside a letter's marks
    # must still be stored as the same NFC text.
    decomposed = list(nfd(text))
    for position, invisible in insertions:
        decomposed.insert(position % (len(decomposed) + 1), invisible)
    cleaned = clean_line("".join(decomposed))
    assert cleaned == clean_line(text)
    assert unicodedata.is_normalized("NFC", cleaned)


def test_clean_line_nfc_with_zero_width_space_between_letter_and_tone() -> None:
    assert clean_line("Vie\u0302\u200b\u0323t Nam") == "Việt Nam"


def test_clean_multiline_keeps_newlines_and_cleans_the_rest() -> None:
    raw = "  Dòng một\r\nDòng\x00 hai\u202e\rDòng ba\n\n" + nfd("Việt Nam") + "  \n"
    assert clean_multiline(raw) == "Dòng một\nDòng hai\nDòng ba\n\nViệt Nam"
    assert clean_multiline(None) == ""


# --- case ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đặng quốc việt", "ĐẶNG QUỐC VIỆT"),
        (nfd("nguyễn thị hồng nhung"), "NGUYỄN THỊ HỒNG NHUNG"),
        (ms_keyboard_form("lê văn lưỡng"), "LÊ VĂN LƯỠNG"),
    ],
    ids=["nfc", "nfd", "ms-keyboard"],
)
def test_upper_for_printing(text: str, expected: str) -> None:
    assert upper(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nguyễn VĂN an", "Nguyễn Văn An"),
        ("  đặng   quốc việt ", "Đặng Quốc Việt"),
        ("h'hen niê kdăm", "H'Hen Niê Kdăm"),
        (nfd("ĐOÀN thị HOÀ"), "Đoàn Thị Hoà"),
    ],
    ids=["mixed-case", "extra-spaces", "ede-apostrophe", "nfd"],
)
def test_title_case_name(text: str, expected: str) -> None:
    assert title_case_name(text) == expected
