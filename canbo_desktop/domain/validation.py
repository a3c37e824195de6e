"""Validation of identifiers clerks type: the 12-digit personal ID (CCCD) and phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from canbo_desktop.i18n import translate

# Province codes of the 12-digit personal ID (the registration province; the pre-2025 63 provinces).
# Citizens keep their number after the 2025 mergers, so the old list stays valid.
CCCD_PROVINCES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu",
    "079": "TP Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh",
    "086": "Vĩnh Long", "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}


@dataclass(frozen=True)
class CccdInfo:
    province_code: str
    province: str
    sex: str  # "M" / "F"
    century_start: int  # 1900, 2000, …
    year_2digits: int

    @property
    def birth_year(self) -> int:
        return self.century_start + self.year_2digits


_CCCD_SEPARATORS = re.compile(r"[\s.\-]")
_CCCD_DIGITS = re.compile(r"[0-9]{12}")


def normalise_cccd(text: str) -> str:
    """Digits only (clerks paste "079 0 65 001234" or "079.065.001.234")."""
    return _CCCD_SEPARATORS.sub("", text or "")


def check_cccd(text: str, *, sex: str | None = None, birth_year: int | None = None) -> tuple[CccdInfo | None, str | None]:
    """Return (info, None) when valid, else (None, Vietnamese reason).

    Structure: 3 digits province · 1 digit century/sex (0/1 = 1900s man/woman, 2/3 = 2000s, …)
    · 2 digits of the birth year · 6 random digits.
    """
    digits = normalise_cccd(text)
    if not _CCCD_DIGITS.fullmatch(digits):  # str.isdigit() would accept ² and other scripts' digits
        return None, translate("domain.validation", "The personal ID number (CCCD) must have exactly 12 digits.")
    prov = digits[:3]
    if prov not in CCCD_PROVINCES:
        return None, translate("domain.validation", "The first three digits “{prov}” are not the code of a province of birth registration.").format(prov=prov)
    g = int(digits[3])
    century_start = 1900 + 100 * (g // 2)
    if century_start > 2100:
        return None, translate("domain.validation", "The fourth digit “{g}” (century and sex) is not valid.").format(g=g)
    info = CccdInfo(prov, CCCD_PROVINCES[prov], "M" if g % 2 == 0 else "F", century_start, int(digits[4:6]))
    if sex in ("M", "F") and sex != info.sex:
        return None, translate("domain.validation", "The fourth digit of the CCCD does not match the sex.")
    if birth_year is not None and birth_year != info.birth_year:
        return None, translate("domain.validation", "Digits 4–6 of the CCCD give the year of birth {cccd_year}, which does not match the year of birth {birth_year}.").format(cccd_year=info.birth_year, birth_year=birth_year)
    return info, None


# Mobiles: 10 digits (03x, 05x, 07x, 08x, 09x); landlines since 2017: 11 digits starting 02 (024 Hà Nội…).
_PHONE_RE = re.compile(r"^(?:\+?84|0)(?:[35789][0-9]{8}|2[0-9]{9})$")


def normalise_phone(text: str) -> str:
    return re.sub(r"[\s.\-()]", "", text or "")


def check_phone(text: str) -> str | None:
    """Vietnamese mobile (10 digits) or landline (11 digits, 02…) numbers. Returns a reason or None."""
    digits = normalise_phone(text)
    if not digits:
        return None
    if not _PHONE_RE.match(digits):
        return translate("domain.validation", "Invalid phone number: mobile 10 digits, landline 11 digits, starting with 0 (or +84).")
    return None
