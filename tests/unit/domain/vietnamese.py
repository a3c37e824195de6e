"""Shared helpers for the domain tests: the Vietnamese alphabet, hypothesis strategies, keyboard forms."""

from __future__ import annotations

import string
import unicodedata

from hypothesis import settings
from hypothesis import strategies as st

# No example database: the tests must not write a .hypothesis folder into the project.
PROPERTY = settings(database=None, deadline=None, max_examples=300)

TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền, hỏi, ngã, sắc, nặng
SHAPE_MARKS = ("\u0302", "\u0306", "\u031b")  # circumflex (â ê ô), breve (ă), horn (ơ ư)

_VOWELS = "aăâeêioôơuưy"


def _precomposed_lowercase() -> list[str]:
    letters = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in TONE_MARKS]
    letters += list("ăâêôơưđ")
    return letters


LOWER_VIETNAMESE = _precomposed_lowercase()  # 67 letters
UPPER_VIETNAMESE = [c.upper() for c in LOWER_VIETNAMESE]
VIETNAMESE_LETTERS = LOWER_VIETNAMESE + UPPER_VIETNAMESE  # the 134 precomposed letters
LOWER_LETTERS = LOWER_VIETNAMESE + list(string.ascii_lowercase)
ALPHABET = VIETNAMESE_LETTERS + list(string.ascii_letters + string.digits) + list(" .,;:-'()/?!\"")

vietnamese_text = st.text(alphabet=st.sampled_from(ALPHABET), max_size=40)

# A capitalised word: one letter (any case handled by capitalising) followed by lower-case letters.
vietnamese_word = st.builds(
    lambda first, rest: first.upper() + rest,
    st.sampled_from(LOWER_LETTERS),
    st.text(alphabet=st.sampled_from(LOWER_LETTERS), max_size=7),
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def ms_keyboard_form(text: str) -> str:
    """The Microsoft Vietnamese keyboard's mixed form.

    Every letter is decomposed, then its base letter is recomposed with its shape mark (ê, ă, ơ …)
    while the tone mark stays a separate combining character: "ệ" → "ê" + U+0323.
    """
    out: list[str] = []
    cluster_base = ""
    shapes: list[str] = []
    tones: list[str] = []

    def flush() -> None:
        if cluster_base or shapes or tones:
            out.append(unicodedata.normalize("NFC", cluster_base + "".join(shapes)) + "".join(tones))

    for ch in nfd(text):
        if unicodedata.combining(ch):
            (shapes if ch in SHAPE_MARKS else tones).append(ch)
            continue
        flush()
        cluster_base, shapes, tones = ch, [], []
    flush()
    return "".join(out)
