"""Shared strategies for the fuzzers (tests/unit/test_fuzz_*.py): the strings a hostile or careless source gives."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"


def fuzz_settings(ci_examples: int) -> settings:
    """``ci_examples`` in CI, the soak profile's count under ``make soak``; no deadline (the machine is shared)."""
    return settings(max_examples=settings().max_examples if SOAK else ci_examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


SPECIALS = [
    "", " ", "   ", "\t", "\n", "\r\n", "\x00", "\x07\x1b[31m", "\x7f", "\u00a0", "\u200b", "\ufeff",
    "\u202e", "\u200f", "\u202bمرحبا\u202c", "שלום עולם", "مرحبا بالعالم",
    "😀", "👨‍👩‍👧‍👦", "🇻🇳", "𝕹𝖌𝖚𝖞ễ𝖓",
    unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung"), unicodedata.normalize("NFD", "Đặng Việt Ánh"),
    "Nguyễn Văn A", "Y Moan Niê Kdăm", "H'Hen Niê", "Tôn Nữ Thị Ngọc",
    "A" * 300, "Ơ" * 5000, "x" * 70000,
    "=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "-2+3", "'; DROP TABLE cadre; --", "\" OR 1=1 --",
    "../../etc/passwd", "C:\\Windows\\system32", "\\\\server\\share", "%s%n%x", "{0}", "${HOME}",
    "31/02/1990", "00/00/0000", "1990-13-45", "9999", "0", "-1", "1e309", "NaN", "inf",
    "001090012345", "0010900123456789", "０１２３", "٠١٢٣٤٥٦٧٨٩٠١",
]

hostile_text = st.one_of(
    st.sampled_from(SPECIALS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=40),
    st.text(max_size=30).map(lambda s: unicodedata.normalize("NFD", s)),
    st.lists(st.sampled_from(SPECIALS), min_size=2, max_size=4).map("".join),
)

cell_value = st.one_of(
    hostile_text,
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
