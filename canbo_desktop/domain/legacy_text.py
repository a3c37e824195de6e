"""Legacy Vietnamese 8-bit text (TCVN3, VNI, VISCII) in spreadsheet cells, converted to Unicode NFC.

Facts: ``shared/reference/domain.md`` §10. Old district lists were typed with the ABC (TCVN3) or VNI
keyboards into cells set in ``.VnTime`` / ``VNI-Times`` fonts. Excel keeps each byte as the Windows
code-page character it stands for (0xB5 → "µ"), so a cell holds a *surface* string: one Latin-1 (or
cp1252) character per legacy byte. Converting means reading those bytes through the right table.

* **TCVN3 (ABC, TCVN 5712:1993 VN3)**: one byte per letter. It has no capital accented letters apart from
  Ă Â Ê Ô Ơ Ư Đ: headings are typed with the lower-case bytes in a ``.VnTimeH`` / ``.VnArialH`` font that
  draws every letter as a capital. The case is therefore recovered from the font name.
* **VNI (VNI-Windows)**: a letter is a base letter followed by one mark character (``a`` + ``ø`` = à,
  ``a`` + ``á`` = ấ); i-family letters, ơ, ư, đ and ỵ are single characters.
* **VISCII 1.1 (RFC 1456)**: one byte per letter, capitals included (some in the C0/C1 control ranges).

Why our own tables: the maintained PyPI package that has such tables (``viparse`` 0.1.31, a document
loader for retrieval pipelines) documents its VNI table as incomplete (no ẳ ẵ, and a guessed Ỵ) and does
not recover ``.VnTimeH`` capitals. The tables below are the published layouts: TCVN3 and VISCII agree
byte for byte with glibc's ``iconv`` (TCVN5712-1 lower-case half, VISCII), which the tests check; VNI is
the VNI-Windows table as published with the xvnkb keyboard (Đào Hải Lâm, 2002), and the tests check that
every one of the 134 Vietnamese letters goes through each table and back.

Detection (``decode_cell``): the cell's font decides first (``.Vn…`` → TCVN3, ``VNI-…`` → VNI, a name with
"VISCII" → VISCII; a trailing capital ``H`` → all capitals). Without such a font, a cell whose text could be
legacy bytes is read through every table and the reading with the most well-formed Vietnamese syllables
wins; on a tie the text is left as it is. Plain ASCII is ASCII, and text with any character outside the
one-byte range is already Unicode, whatever its font says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ENCODINGS = ("tcvn3", "vni", "viscii")
ENCODING_LABELS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "unicode": "Unicode"}

# --------------------------------------------------------------------------- the tables

# TCVN3: byte → letter. Bytes not listed are the same character as in Latin-1 (ASCII, punctuation).
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
}
# Rows of (grave, hook, tilde, acute, dot below) in byte order of each vowel's block.
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6), "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1), "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9), "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4), "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền, hỏi, ngã, sắc, nặng
for _base, _codes in _TCVN3_TONED.items():
    for _tone, _code in zip(_TONES, _codes, strict=True):
        _TCVN3_BYTES[_code] = unicodedata.normalize("NFC", _base + _tone)

# VISCII 1.1: the upper half in byte order, and the six capitals placed in C0 control positions.
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ" "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ" "Õắằặấầẩậẽẹếềểễệố" "ồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ" "ĐứÒÓÔạỷừửÙÚỹỵÝỡư" "àáâãảăữẫèéêẻìíĩỉ" "đựòóôõỏọụùúũủýợỮ"
)
_VISCII_BYTES: dict[int, str] = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_BYTES.update({0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH) if ord(ch) != 0x80 + i})

# VNI-Windows: each row is (plain, sắc, huyền, hỏi, ngã, nặng) as surface sequences.
_VNI_ROWS_LOWER = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"), "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"), "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"), "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"), "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"), "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"), "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}
_VNI_TONE_ORDER = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # as in the rows above


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {"ñ": "đ", "Ñ": "Đ"}  # i18n: data
    for base, row in _VNI_ROWS_LOWER.items():
        for tone, seq in zip(_VNI_TONE_ORDER, row, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            if seq != letter:
                table[seq] = letter
            upper_seq, upper_letter = seq.upper(), letter.upper()
            if upper_seq != upper_letter:
                table[upper_seq] = upper_letter
            # A capital base with a small mark (a capitalised word typed with Shift on the first key only).
            if len(seq) == 2:
                table.setdefault(seq[0].upper() + seq[1], upper_letter)
    return table


_VNI_TABLE = _vni_table()
_VNI_RE = re.compile("|".join(re.escape(s) for s in sorted(_VNI_TABLE, key=len, reverse=True)))

# Surface characters: a byte b is chr(b) (Latin-1) or, for 0x80–0x9F, the cp1252 character Windows shows.
_CP1252_OF_BYTE: dict[int, str] = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_OF_BYTE[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        pass
_BYTE_OF_CP1252 = {ch: b for b, ch in _CP1252_OF_BYTE.items()}
_CP1252_RE = re.compile("[" + re.escape("".join(_BYTE_OF_CP1252)) + "]")


def _translation(byte_table: dict[int, str]) -> dict[int, str]:
    out = {b: ch for b, ch in byte_table.items()}
    for b, ch in byte_table.items():
        if b in _CP1252_OF_BYTE:
            out[ord(_CP1252_OF_BYTE[b])] = ch
    return out


_TCVN3_TRANSLATE = _translation(_TCVN3_BYTES)
_VISCII_TRANSLATE = _translation(_VISCII_BYTES)
# Every byte that holds a letter, identity positions included (VISCII 0xE0 is "à" as in Latin-1).
_TCVN3_LETTER_BYTES = dict(_TCVN3_BYTES)
_VISCII_LETTER_BYTES = {0x80 + i: ch for i, ch in enumerate(_VISCII_HIGH)} | {
    b: ch for b, ch in _VISCII_BYTES.items() if b < 0x80}
_TCVN3_ENCODE = {ch: b for b, ch in _TCVN3_LETTER_BYTES.items()}
_VISCII_ENCODE = {ch: b for b, ch in _VISCII_LETTER_BYTES.items()}
_VNI_ENCODE: dict[str, str] = {}
for _seq, _letter in sorted(_VNI_TABLE.items(), key=lambda kv: (len(kv[0]), kv[0])):
    if not (_seq[0].isupper() and _seq[1:].islower() and len(_seq) == 2):  # not the Shift-first variant
        _VNI_ENCODE.setdefault(_letter, _seq)


# --------------------------------------------------------------------------- conversion


def may_be_legacy(text: str) -> bool:
    """False for text that is surely Unicode or ASCII already (the common case, decided without a font)."""
    if text.isascii():
        return False
    return max(text) <= "\xff" or _CP1252_RE.search(text) is not None


def is_byte_text(text: str) -> bool:
    """True when every character can be one legacy byte (Latin-1, or cp1252 for 0x80–0x9F)."""
    try:
        text.encode("latin-1")
        return True
    except UnicodeEncodeError:
        return all(ord(ch) < 0x100 or ch in _BYTE_OF_CP1252 for ch in text)


def decode(surface: str, encoding: str, *, capitals: bool = False) -> str:
    """Read a cell's surface text as ``encoding`` bytes; NFC. ``capitals``: drawn by an all-capitals font."""
    if encoding == "tcvn3":
        out = surface.translate(_TCVN3_TRANSLATE)
    elif encoding == "viscii":
        out = surface.translate(_VISCII_TRANSLATE)
    elif encoding == "vni":
        out = _VNI_RE.sub(lambda m: _VNI_TABLE[m.group(0)], surface)
    elif encoding in ("unicode", "ascii"):
        out = surface
    else:
        raise ValueError(encoding)
    if capitals:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


def decode_bytes(data: bytes, encoding: str, *, capitals: bool = False) -> str:
    """Legacy bytes (from a file or a test) → Unicode NFC."""
    return decode(data.decode("latin-1"), encoding, capitals=capitals)


def encode_bytes(text: str, encoding: str) -> bytes:
    """Unicode → legacy bytes. TCVN3 writes capital accented letters as their small forms (the caller sets an
    ``H`` font, as a typist did); a character the table cannot hold raises ``ValueError``."""
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    if encoding == "vni":
        for ch in text:
            seq = _VNI_ENCODE.get(ch)
            if seq is None:
                seq = ch
            out.extend(_surface_to_bytes(seq, ch))
        return bytes(out)
    table, used = {"tcvn3": (_TCVN3_ENCODE, _TCVN3_LETTER_BYTES),
                   "viscii": (_VISCII_ENCODE, _VISCII_LETTER_BYTES)}[encoding]
    for ch in text:
        b = table.get(ch)
        if b is None and encoding == "tcvn3" and ch.lower() in table:
            b = table[ch.lower()]
        if b is None:
            # Other characters keep their byte only where no letter lives (ASCII, some punctuation).
            if ord(ch) < 0x100 and ord(ch) not in used:
                b = ord(ch)
            elif ch in _BYTE_OF_CP1252 and _BYTE_OF_CP1252[ch] not in used:
                b = _BYTE_OF_CP1252[ch]  # “ ” – … typed through the Windows code page
            else:
                raise ValueError(f"{ch!r} cannot be written in {encoding}")
        out.append(b)
    return bytes(out)


def encode_surface(text: str, encoding: str) -> str:
    """Unicode → the cell text Excel would hold for it in a legacy font (bytes shown as cp1252/Latin-1)."""
    data = encode_bytes(text, encoding)
    return "".join(_CP1252_OF_BYTE.get(b, chr(b)) for b in data)


def _surface_to_bytes(seq: str, original: str) -> bytes:
    try:
        return seq.encode("latin-1")
    except UnicodeEncodeError:
        if len(seq) == 1 and seq in _BYTE_OF_CP1252:
            return bytes([_BYTE_OF_CP1252[seq]])
        raise ValueError(f"{original!r} cannot be written in vni") from None


# --------------------------------------------------------------------------- detection


@lru_cache(maxsize=512)
def font_encoding(font_name: str | None) -> tuple[str | None, bool]:
    """(encoding, capitals) that a legacy font name implies, or (None, False) for a Unicode font."""
    if not font_name:
        return None, False
    name = font_name.strip()
    low = name.lower()
    capitals = len(name) > 4 and name.endswith("H") and not name[-2].isspace()
    if low.startswith(".vn"):
        return "tcvn3", capitals
    if low.startswith(("vni-", "vni ")):
        return "vni", capitals
    if "viscii" in low:
        return "viscii", capitals
    return None, False


_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
             "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu".split()
)
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
_SYLLABLE_RE = re.compile(
    "^(" + "|".join(sorted((i for i in _INITIALS if i), key=len, reverse=True)) + ")?"
    "([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$"
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_TONE_SET = frozenset(_TONES)


@lru_cache(maxsize=32768)
def is_vietnamese_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (one tone mark at most, a known vowel nucleus)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_SET)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_SET))
    m = _SYLLABLE_RE.match(base)
    if m is None:
        return False
    initial, nucleus = m.group(1) or "", m.group(2)
    if initial == "gi" and nucleus[0] not in "aăâeêoôơuư":  # i18n: data
        return False
    # Spelling: k, gh, ngh before e ê i (y); c, g, ng before the other vowels.
    if initial in ("c", "g", "ng") and nucleus[0] in "eêi" and not (initial == "g" and nucleus[0] == "i"):  # i18n: data
        return False  # (g + i is the initial gi with its own i: gì, gìn)
    if initial in ("k", "gh", "ngh") and nucleus[0] not in "eêiy":  # i18n: data
        return False
    return nucleus in _NUCLEI


def vietnamese_score(text: str) -> int:
    """How much ``text`` reads as Vietnamese: well-formed syllables count up, malformed words and stray
    symbols count down. ASCII words are neutral (names of places, English words, codes)."""
    score = 0
    for w in _WORD_RE.findall(text):
        if w.isascii():
            continue
        cased = w.islower() or w.isupper() or w.istitle()  # "TrƠn" is a misread, "Trơn" a word
        score += 2 if cased and is_vietnamese_syllable(w) else -3
    for ch in text:
        o = ord(ch)
        if 0x80 <= o < 0x100 and not ch.isalpha() and ch not in "\u00a0«»°":
            score -= 2
    return score


def reads_as_vietnamese(text: str) -> bool:
    """Every non-ASCII word a well-formed syllable and no stray symbol: the best score already."""
    for ch in text:
        if 0x80 <= ord(ch) < 0x100 and not ch.isalpha() and ch not in "\u00a0«»°":
            return False
    return all(w.isascii() or ((w.islower() or w.isupper() or w.istitle()) and is_vietnamese_syllable(w))
               for w in _WORD_RE.findall(text))


@dataclass(frozen=True)
class DecodedCell:
    text: str
    encoding: str  # "ascii", "unicode", "tcvn3", "vni" or "viscii"
    capitals: bool = False
    by_font: bool = False

    @property
    def converted(self) -> bool:
        return self.encoding in ENCODINGS


def decode_cell(text: str, font_name: str | None = None) -> DecodedCell:
    """Unicode NFC text of a cell, converting legacy bytes as the font or the statistics say."""
    encoding, capitals = font_encoding(font_name)
    if text.isascii():
        return DecodedCell(text.upper() if capitals else text, "ascii", capitals, encoding is not None)
    if max(text) > "\xff" and not (_CP1252_RE.search(text) and is_byte_text(text)):
        return DecodedCell(unicodedata.normalize("NFC", text), "unicode")
    if encoding is not None:
        return DecodedCell(decode(text, encoding, capitals=capitals), encoding, capitals, True)
    if reads_as_vietnamese(text):
        return DecodedCell(unicodedata.normalize("NFC", text), "unicode")  # no legacy reading can score higher
    best_text, best_enc = text, "unicode"
    best_score = vietnamese_score(text)
    for enc in ENCODINGS:
        candidate = decode(text, enc)
        s = vietnamese_score(candidate)
        if s > best_score:
            best_text, best_enc, best_score = candidate, enc, s
    return DecodedCell(unicodedata.normalize("NFC", best_text), best_enc)
