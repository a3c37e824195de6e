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

from canbo_desktop.domain.text import clean_line, fold, name_sort_key

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

_COMPOUND_FOLDED = sorted(((fold(n).split(), n) for n in COMPOUND_FAMILY_NAMES), key=lambda t: -len(t[0]))
_EDE_FOLDED = sorted(((fold(n).split(), n) for n in EDE_FAMILY_NAMES), key=lambda t: -len(t[0]))


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


def _starts_with(words: list[str], prefix: list[str]) -> bool:
    return len(words) > len(prefix) and words[: len(prefix)] == prefix


def _ends_with(words: list[str], suffix: list[str]) -> bool:
    return len(words) > len(suffix) and words[-len(suffix) :] == suffix


def parse_full_name(text: str) -> PersonName:
    """Split a typed full name. Always returns something sensible; one word becomes the given name."""
    words = clean_line(text).split(" ")
    words = [w for w in words if w]
    if not words:
        return PersonName("", "", "")
    folded = [fold(w) for w in words]
    if len(words) == 1:
        return PersonName("", "", words[0])

    # Ê Đê: "Y Moan Niê", "H'Hen Niê Kdăm", "Y Ngông Niê Kdăm"
    if folded[0] in ("y", "h'", "h’") or folded[0].startswith(("h'", "h’")):
        for fam_f, _name in _EDE_FOLDED:
            if _ends_with(folded, fam_f):
                n = len(fam_f)
                given_words = words[:-n]
                # The prefix (Y / H') and the personal name form the given name; nothing is "middle".
                return PersonName(" ".join(words[-n:]), "", " ".join(given_words), family_last=True)

    for fam_f, _name in _COMPOUND_FOLDED:
        if _starts_with(folded, fam_f):
            n = len(fam_f)
            rest = words[n:]
            return PersonName(" ".join(words[:n]), " ".join(rest[:-1]), rest[-1])

    return PersonName(words[0], " ".join(words[1:-1]), words[-1])


def join_name(family: str, middle: str, given: str, *, family_last: bool = False) -> str:
    return PersonName(clean_line(family), clean_line(middle), clean_line(given), family_last).full_name
