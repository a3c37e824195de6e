"""Vietnamese personal names: family name (họ), middle name(s) (tên đệm), given name (tên).

The default is Kinh order: the first word is the family name, the last word the given name, the
rest the middle name. Overrides:

* compound family names (Tôn Nữ, Tôn Thất, Âu Dương, Công Tằng Tôn Nữ, Rơ Mah …) take several words;
* Ê Đê / M'Nông names start with the male prefix ``Y`` or the female prefix ``H'`` and end with the
  family name (Y Moan Niê, H'Hen Niê Kdăm): the prefix belongs to the given name and the family name
  is at the end;
* Gia Rai names such as Ksor Nham, Rơ Châm Pơi, Siu Thị Hoa keep the family name first (the default).

A clerk can always correct the three parts by hand; ``full_name`` is then rebuilt in written order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from canbo_desktop.domain.text import clean_line, fold, name_sort_key, search_exact

# Multi-word family names, longest first when matching (compared folded, so spelling variants match).
COMPOUND_FAMILY_NAMES: tuple[str, ...] = (
    "Công Tằng Tôn Nữ", "Công Tôn Nữ", "Tôn Nữ", "Tôn Thất", "Âu Dương", "Tư Mã", "Gia Cát",
    "Hoàng Phủ", "Nguyễn Phúc", "Nguyễn Phước", "Thượng Quan", "Đoan Mộc", "Lệnh Hồ",
    "Rơ Mah", "Rơ Châm", "Rơ Lan", "Rơ Ô", "Rah Lan",
)
# Ê Đê / M'Nông: family names written at the end of the full name.
EDE_FAMILY_NAMES: tuple[str, ...] = (
    "Niê Kdăm", "Buôn Yă", "Niê", "Mlô", "Êban", "Ayun", "Byă", "Adrơng", "Ktla", "Kbuôr", "Knul",
    "Kdăm", "Mdrang", "Hđơk", "Êya", "Hmok", "Ksơr", "Ênuôl", "Bkrông", "Hwing", "Êung",
    "Alio", "Bdap", "Buôn Krông", "Arul", "Mjâo", "Bya",
)
EDE_PREFIXES: tuple[str, ...] = ("y", "h'", "h’")

_COMPOUND = sorted((n.split() for n in COMPOUND_FAMILY_NAMES), key=lambda t: -len(t))
_EDE = sorted((n.split() for n in EDE_FAMILY_NAMES), key=lambda t: -len(t))


@lru_cache(maxsize=16384)  # names repeat: an import of 10,000 rows asks it ~1 million times of ~1,000 words
def _same_word(typed: str, known: str) -> bool:
    """Typed without diacritics: compare folded (Ton Nu = Tôn Nữ). Typed with them: they must agree,
    so that Hoàng Phú Cường is not read as the family name Hoàng Phủ."""
    if fold(typed) == typed.lower():
        return fold(typed) == fold(known)
    return search_exact(typed) == search_exact(known)


def _matches(words: list[str], pattern: list[str]) -> bool:
    return len(words) == len(pattern) and all(_same_word(w, k) for w, k in zip(words, pattern, strict=True))


@dataclass(frozen=True)
class PersonName:
    family: str
    middle: str
    given: str
    family_last: bool = False  # True for Ê Đê order (family name written at the end)

    @property
    def full_name(self) -> str:
        if self.family_last:
            parts = [self.given, self.middle, self.family]
        else:
            parts = [self.family, self.middle, self.given]
        return " ".join(p for p in parts if p)

    def sort_key(self, birth_iso: str = "") -> str:
        return name_sort_key(self.given, self.middle, self.family, birth_iso)


def parse_full_name(text: str) -> PersonName:
    """Split a typed full name. Always returns something sensible; one word becomes the given name."""
    words = clean_line(text).split(" ")
    words = [w for w in words if w]
    if not words:
        return PersonName("", "", "")
    if len(words) == 1:
        return PersonName("", "", words[0])
    first = fold(words[0])

    # Ê Đê: "Y Moan Niê", "H'Hen Niê Kdăm", "Y Ngông Niê Kdăm"
    if first == "y" or first.startswith(("h'", "h’")):
        for fam in _EDE:
            n = len(fam)
            if len(words) > n and _matches(words[-n:], fam):
                # The prefix (Y / H') and the personal name form the given name; nothing is "middle".
                return PersonName(" ".join(words[-n:]), "", " ".join(words[:-n]), family_last=True)

    for fam in _COMPOUND:
        n = len(fam)
        if len(words) > n and _matches(words[:n], fam):
            rest = words[n:]
            return PersonName(" ".join(words[:n]), " ".join(rest[:-1]), rest[-1])

    return PersonName(words[0], " ".join(words[1:-1]), words[-1])


def join_name(family: str, middle: str, given: str, *, family_last: bool = False) -> str:
    return PersonName(clean_line(family), clean_line(middle), clean_line(given), family_last).full_name
