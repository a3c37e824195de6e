"""Legacy Vietnamese encodings (TCVN3, VNI, VISCII): tables, the .VnTimeH capitals, per-cell detection."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain import legacy_text as lt
from tests.unit.domain.vietnamese import LOWER_VIETNAMESE, PROPERTY, UPPER_VIETNAMESE, VIETNAMESE_LETTERS

LOWER_TEXT = st.text(alphabet=st.sampled_from(LOWER_VIETNAMESE + list("abcdefghiklmnopqrstuvxy0123456789 ,.-/()")),
                     max_size=40)
ANY_CASE_TEXT = st.text(alphabet=st.sampled_from(VIETNAMESE_LETTERS + list("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY 0123456789,.-")),
                        max_size=40)


def test_every_vietnamese_letter_is_in_every_table() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    for enc in lt.ENCODINGS:
        for letter in LOWER_VIETNAMESE:
            assert lt.decode_bytes(lt.encode_bytes(letter, enc), enc) == letter, (enc, letter)
        for letter in UPPER_VIETNAMESE:
            if enc == "tcvn3":  # no capital accented letters: the typist used an "H" font
                assert lt.decode_bytes(lt.encode_bytes(letter, enc), enc, capitals=True) == letter
            else:
                assert lt.decode_bytes(lt.encode_bytes(letter, enc), enc) == letter, (enc, letter)


@PROPERTY
@given(LOWER_TEXT)
def test_tcvn3_round_trip_lowercase(text: str) -> None:
    assert lt.decode_bytes(lt.encode_bytes(text, "tcvn3"), "tcvn3") == unicodedata.normalize("NFC", text)


@PROPERTY
@given(ANY_CASE_TEXT)
def test_tcvn3_capitals_come_from_the_h_font(text: str) -> None:
    """A heading typed in .VnTimeH: the bytes are the small letters, the font draws capitals."""
    surface = lt.encode_surface(text.lower(), "tcvn3")
    got = lt.decode_cell(surface, ".VnTimeH")
    assert got.text == unicodedata.normalize("NFC", text.upper())
    assert got.capitals


@PROPERTY
@given(ANY_CASE_TEXT, st.sampled_from(["vni", "viscii"]))
def test_vni_and_viscii_round_trip_any_case(text: str, enc: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert lt.decode_bytes(lt.encode_bytes(text, enc), enc) == nfc
    assert unicodedata.is_normalized("NFC", lt.decode_bytes(lt.encode_bytes(text, enc), enc))


@pytest.mark.parametrize(("enc", "iconv_name"), [("viscii", "VISCII"), ("tcvn3", "TCVN5712-1")])
def test_tables_agree_with_glibc_iconv(enc: str, iconv_name: str) -> None:
    """VISCII byte for byte; TCVN3 (VN3) on the letters it shares with TCVN 5712 VN1 (all but VN1's capitals)."""
    for b in range(0x20, 0x100):
        if enc == "tcvn3" and b not in lt._TCVN3_BYTES:
            continue
        ref = subprocess.run(["iconv", "-f", iconv_name, "-t", "UTF-8"], input=bytes([b]), capture_output=True,
                             check=True).stdout.decode("utf-8")
        assert lt.decode_bytes(bytes([b]), enc) == unicodedata.normalize("NFC", ref), hex(b)


@pytest.mark.parametrize(("surface", "font", "expected", "encoding"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", None, "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    ("ThËt kh«ng thÓ tin næi", "Times New Roman", "Thật không thể tin nổi", "tcvn3"),  # domain.md §10's sample
    ("Nguyeãn Vaên Bình", "VNI-Times", "Nguyễn Văn Bình", "vni"),
    ("Nguyeãn Vaên Bình", None, "Nguyễn Văn Bình", "vni"),
    ("NGUYEÃN THÒ HOÀNG NHUNG", None, "NGUYỄN THỊ HỒNG NHUNG", "vni"),
    ("Hoà Bình", None, "Hoà Bình", "unicode"),  # Latin-1 letters only, and good Vietnamese as it is
    ("Lê Thái Tô", None, "Lê Thái Tô", "unicode"),
    ("Nguyễn Thị Hồng Nhung", ".VnTime", "Nguyễn Thị Hồng Nhung", "unicode"),  # not byte text: already Unicode
    ("Phong To chuc", ".VnTime", "Phong To chuc", "ascii"),
    ("Phong To chuc", ".VnTimeH", "PHONG TO CHUC", "ascii"),
    ("Crème brûlée", None, "Crème brûlée", "unicode"),  # French stays French: no reading is better Vietnamese
])
def test_decode_cell(surface: str, font: str | None, expected: str, encoding: str) -> None:
    got = lt.decode_cell(surface, font)
    assert got.text == expected
    assert got.encoding == encoding


def test_windows_punctuation_passes_through_tcvn3_and_vni() -> None:
    for enc in ("tcvn3", "vni"):
        surface = lt.encode_surface("Phòng Tổ chức – Nội vụ “huyện”", enc)
        assert lt.decode_cell(surface).text == "Phòng Tổ chức – Nội vụ “huyện”"


def test_viscii_is_found_by_its_bytes() -> None:
    surface = lt.encode_surface("Nguyễn Văn Bình, xã Đông Hưng, tỉnh Thái Bình", "viscii")
    assert surface != "Nguyễn Văn Bình, xã Đông Hưng, tỉnh Thái Bình"
    got = lt.decode_cell(surface)
    assert (got.text, got.encoding) == ("Nguyễn Văn Bình, xã Đông Hưng, tỉnh Thái Bình", "viscii")


@pytest.mark.parametrize(("font", "expected"), [
    (".VnTime", ("tcvn3", False)), (".VnTimeH", ("tcvn3", True)), (".VnArialH", ("tcvn3", True)),
    (".VnArial NarrowH", ("tcvn3", True)), ("VNI-Times", ("vni", False)), ("VNI-Helve", ("vni", False)),
    ("VISCII Times", ("viscii", False)), ("Times New Roman", (None, False)), ("Arial", (None, False)), (None, (None, False)),
])
def test_font_names(font: str | None, expected: tuple[str | None, bool]) -> None:
    assert lt.font_encoding(font) == expected


@PROPERTY
@given(st.text(max_size=60), st.sampled_from([None, ".VnTime", ".VnTimeH", "VNI-Times", "Calibri"]))
def test_decode_cell_never_fails_and_gives_nfc(text: str, font: str | None) -> None:
    got = lt.decode_cell(text, font)
    assert unicodedata.is_normalized("NFC", got.text)
    if got.encoding == "unicode" and not lt.is_byte_text(text):
        assert got.text == unicodedata.normalize("NFC", text)  # real Unicode is never "converted"


@PROPERTY
@given(st.lists(st.sampled_from(["Nguyễn", "Thị", "Hồng", "Nhung", "Phạm", "Hữu", "Đức", "Lưỡng", "xã", "huyện",
                                 "tỉnh", "Nghệ", "An", "Quảng", "Trị", "Điện", "Biên", "Hoà", "Thuỷ"]), min_size=2, max_size=8),
       st.sampled_from(lt.ENCODINGS))
def test_statistics_find_the_encoding_of_real_words(words: list[str], enc: str) -> None:
    """Without a legacy font, the bytes alone tell which table a line of Vietnamese was typed in."""
    text = " ".join(words)
    surface = lt.encode_surface(text, enc)
    got = lt.decode_cell(surface)
    plausible = {t for t in (lt.decode(surface, e) for e in lt.ENCODINGS) if lt.reads_as_vietnamese(t)}
    if lt.reads_as_vietnamese(surface):
        # VNI "Thò" is also the Unicode word "thò": with no font to say otherwise, the cell stays as typed
        assert got.text == surface
    elif plausible == {text}:
        assert got.text == text
    else:  # "Th¸" is TCVN3 "Thá" and VISCII "Thị": both plausible, the font must decide
        assert got.text in plausible


@pytest.mark.parametrize("enc", lt.ENCODINGS)
@pytest.mark.parametrize("text", ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Nguyễn Thị Hồng Nhung, xã Đông Hưng, tỉnh Thái Bình",
                                  "Phòng Tổ chức - Nội vụ huyện Vĩnh Tường", "Trần Thị Thuỷ"])
def test_a_real_line_is_recognised_in_every_table(text: str, enc: str) -> None:
    assert lt.decode_cell(lt.encode_surface(text, enc)).text == text


def test_syllables() -> None:
    for w in ["nguyễn", "thị", "khuỷu", "nghiêng", "gì", "quốc", "giữa", "Đặng", "ươi", "thuở", "hoà", "hòa"]:
        assert lt.is_vietnamese_syllable(w), w
    for w in ["nguyeãn", "céng", "hå", "ngäc", "thËt", "brûlée", "ỉuu"]:
        assert not lt.is_vietnamese_syllable(w), w
