"""Vietnamese text: NFC at every boundary, folding for search, tone placement, collation keys.

Facts behind these rules: ``shared/reference/domain.md`` §10 and ``stack.md`` §7.

* Everything stored is NFC. Input arrives as NFC, NFD, or the Microsoft keyboard's mixed form
  (a precomposed ê/ă/ơ… followed by a combining tone mark); ``nfc`` unifies all three.
* ``fold`` is the search key: lower case, every diacritic removed (also the two-mark letters ệ, ữ…),
  đ/Đ → d. Old and new tone placement (hoà/hòa) fold to the same string by construction.
* ``canonical_tones`` moves each syllable's tone mark to one canonical vowel ("kiểu mới" placement),
  so an exact-diacritic comparison does not depend on the typist's style.
* ``collation_key`` implements the Vietnamese alphabet order (a ă â b c d đ e ê …) with letters compared
  first and tones second (ngang, huyền, hỏi, ngã, sắc, nặng), as a plain ASCII string that any database
  orders correctly with a binary comparison.

Why not ICU: PyICU has no Windows wheels and icupy installs from no wheel here; the only packaged
alternative (vn-collate 0.1.0) is a month-old, unvetted project. The rule is short and fully tested.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks that carry the tone (thanh điệu), in the collation order of the Vietnam
# Lexicography Centre: ngang (none), huyền, hỏi, ngã, sắc, nặng.
GRAVE, HOOK, TILDE, ACUTE, DOT_BELOW = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONE_MARKS = (GRAVE, HOOK, TILDE, ACUTE, DOT_BELOW)
_TONE_RANK = {GRAVE: 1, HOOK: 2, TILDE: 3, ACUTE: 4, DOT_BELOW: 5}
# Marks that make a different letter (ă â ê ô ơ ư): breve, circumflex, horn.
SHAPE_MARKS = ("\u0306", "\u0302", "\u031b")

# C0/C1 controls (except tab, newline, CR), soft hyphen, zero-width and bidi controls, BOM.
_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")


def nfc(text: str) -> str:
    """Normalise to NFC (the form every stored string takes)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def clean_line(text: str | None) -> str:
    """One-line input as a clerk typed or pasted it: NFC, no control or bidi characters, single spaces."""
    if text is None:
        return ""
    # Invisible characters go first: one between a letter and its tone mark would block composition.
    text = _CONTROL_RE.sub("", text).replace("\r", " ").replace("\n", " ")
    return nfc(_SPACES_RE.sub(" ", text).strip())


def clean_multiline(text: str | None) -> str:
    """Multi-line input: NFC, Windows line ends unified, control characters removed, outer blanks trimmed."""
    if text is None:
        return ""
    text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return nfc(text).strip()


def fold(text: str) -> str:
    """Search key: lower case, no diacritics at all, đ → d. Same result for NFC, NFD and mixed input."""
    decomposed = unicodedata.normalize("NFD", text)
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch in "đĐ":  # i18n: data
            ch = "d"
        out.append(ch)
    return "".join(out).lower()


_WORD_RE = re.compile(r"\w+", re.UNICODE)


def fold_words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits), for search queries and index rows."""
    return _WORD_RE.findall(fold(text))


# --- tone placement ---------------------------------------------------------------------------

_VOWELS = set("aăâeêioôơuưy")


def _split_tone(syllable: str) -> tuple[str, str | None]:
    """Return the syllable without its tone mark (NFC) and the tone mark (or None)."""
    tone: str | None = None
    kept = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONE_MARKS:
            tone = ch
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _tone_position(base: str) -> int | None:
    """Index in ``base`` (a toneless NFC syllable) of the vowel that carries the tone, new style."""
    low = base.lower()
    start = 0
    # "qu" and "gi" + vowel: the u / i belong to the initial consonant.
    if low.startswith("qu") and len(low) > 2:
        start = 2
    elif low.startswith("gi") and len(low) > 2 and low[2] in _VOWELS:
        start = 2
    idx = [i for i in range(start, len(low)) if low[i] in _VOWELS]
    if not idx:
        # "gi" alone (gì, gỉ) keeps the tone on i.
        idx = [i for i in range(len(low)) if low[i] in _VOWELS]
        if not idx:
            return None
    # The vowel nucleus is the first contiguous run of vowels.
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            break
    for i in run:  # a vowel with its own mark takes the tone (ươ → ơ)
        if low[i] in "ăâêôơư":  # i18n: data
            marked = [j for j in run if low[j] in "ăâêôơư"]  # i18n: data
            return marked[-1]
    if len(run) == 1:
        return run[0]
    if run[-1] < len(low) - 1:  # the nucleus is followed by a final consonant: hoàng, khuỳnh
        return run[-1]
    if low[run[0]] + low[run[1]] in ("oa", "oe", "uy"):  # new style: hoà, khoẻ, thuỷ, ngoài
        return run[1]
    if len(run) >= 3:  # ngoẹo
        return run[1]
    return run[0]


@lru_cache(maxsize=65536)
def _canonical_word(word: str) -> str:
    base, tone = _split_tone(word)
    if tone is None:
        return word
    pos = _tone_position(base)
    if pos is None:
        return word
    return nfc(base[: pos + 1] + tone + base[pos + 1 :])


def canonical_tones(text: str) -> str:
    """Move every syllable's tone to its canonical vowel, so hoà/hòa and thuỷ/thủy compare equal."""
    return _WORD_RE.sub(lambda m: _canonical_word(m.group(0)), nfc(text))


def search_exact(text: str) -> str:
    """Lower case with diacritics kept and tones canonicalised: the "exact" search column."""
    return canonical_tones(nfc(text)).lower()


# --- collation --------------------------------------------------------------------------------

_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODE = {ch: chr(0x40 + i) for i, ch in enumerate(_ALPHABET)}
_UNKNOWN_CODE = "~"


def _letter_and_tone(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for c in decomposed:
        if c in _TONE_RANK:
            tone = _TONE_RANK[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)).lower(), tone


_CHAR_KEYS: dict[str, tuple[str, str]] = {}


def _char_key(ch: str) -> tuple[str, str]:
    """(primary code(s), tone digit(s)) of one character; cached, since names reuse few letters."""
    hit = _CHAR_KEYS.get(ch)
    if hit is None:
        if ch.isspace():
            hit = ("#", "0")  # word boundary: below every letter, above the end of the field (Hà Nam < Hàm Yên)
        elif not ch.isalnum():
            hit = ("", "")  # hyphens and apostrophes (H'Mông) do not count at the first level
        else:
            letter, tone = _letter_and_tone(ch)
            hit = ("".join(_LETTER_CODE.get(sub, _UNKNOWN_CODE) for sub in letter), str(tone) * len(letter))
        _CHAR_KEYS[ch] = hit
    return hit


@lru_cache(maxsize=65536)
def word_key(text: str) -> str:
    """Collation key of one field: letters first (syllable by syllable), then after ``!`` the tones."""
    primary: list[str] = []
    tones: list[str] = []
    for ch in nfc(text):
        p, t = _char_key(ch)
        primary.append(p)
        tones.append(t)
    return "".join(primary) + "!" + "".join(tones)


def collation_key(text: str) -> str:
    """Key for a single string (e.g. a unit name) in Vietnamese alphabetical order."""
    return word_key(text)


def name_sort_key(given: str, middle: str, family: str, birth_iso: str = "") -> str:
    """Official list order: given name, then middle name(s), then family name, then date of birth."""
    return " ".join((word_key(given), word_key(middle), word_key(family), birth_iso))


def title_case_name(text: str) -> str:
    """``nguyễn VĂN an`` → ``Nguyễn Văn An``; keeps the apostrophe forms H'Mông, H'Hen."""
    words = clean_line(text).split(" ")
    out = []
    for w in words:
        if not w:
            continue
        parts = re.split(r"(['’\-])", w)
        out.append("".join(p[:1].upper() + p[1:].lower() if p not in ("'", "’", "-") else p for p in parts))
    return " ".join(out)


def upper(text: str) -> str:
    """Upper case for printing (the CV's "viết chữ in hoa"); correct for NFC Vietnamese (đ → Đ)."""
    return nfc(text).upper()
