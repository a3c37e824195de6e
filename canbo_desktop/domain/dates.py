"""Dates as Vietnamese offices write them: dd/mm/yyyy, and partial dates (year only, month/year).

A 2C CV often knows only a birth year, or "từ 9/1998 đến 6/2002". A ``PartialDate`` keeps what is
known; it is stored as ISO text of its own precision ("1998", "1998-09", "1998-09-15"), which sorts
correctly as text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import total_ordering

from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.i18n import translate

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_MY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_Y = re.compile(r"^\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*$")

MIN_YEAR = 1850
MAX_YEAR = 2200


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date of which only the year, or the month and year, may be known. Orders chronologically,
    a less precise date first (1998 < 09/1998 < 15/09/1998)."""

    year: int
    month: int | None = None
    day: int | None = None

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __post_init__(self) -> None:
        if not (MIN_YEAR <= self.year <= MAX_YEAR):
            raise ValidationError(translate("domain.dates", "Year {year} is not valid (it must be between {MIN_YEAR} and {MAX_YEAR}).").format(year=self.year, MIN_YEAR=MIN_YEAR, MAX_YEAR=MAX_YEAR))
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValidationError(translate("domain.dates", "Month {month} is not valid.").format(month=self.month))
        if self.day is not None:
            if self.month is None:
                raise ValidationError(translate("domain.dates", "A day is given but the month is missing."))
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValidationError(translate("domain.dates", "The date {day}/{month:02d}/{year} does not exist in the calendar.").format(day=self.day, month=self.month, year=self.year))

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def iso(self) -> str:
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """dd/MM/yyyy, MM/yyyy or yyyy."""
        if self.day is not None and self.month is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"
        if self.month is not None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.year:04d}"

    def first_day(self) -> date:
        """The date used in calculations when only part is known (birth year only → 1 January)."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest date it can mean ("to 1998" → 31/12/1998, "to 09/1998" → 30/09/1998)."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @staticmethod
    def from_date(d: date) -> PartialDate:
        return PartialDate(d.year, d.month, d.day)


def parse_partial_date(text: str | None) -> PartialDate | None:
    """Parse ``15/07/1965``, ``7/1965``, ``1965`` or ISO forms; empty → None; nonsense → ValidationError."""
    if text is None:
        return None
    t = text.strip()
    if not t:
        return None
    m = _DMY.match(t)
    if m:
        return PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _MY.match(t)
    if m:
        return PartialDate(int(m.group(2)), int(m.group(1)))
    m = _Y.match(t)
    if m:
        return PartialDate(int(m.group(1)))
    m = _ISO.match(t)
    if m:
        return PartialDate(
            int(m.group(1)),
            int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None,
        )
    raise ValidationError(translate("domain.dates", "“{text}” is not a valid date (write dd/mm/yyyy, mm/yyyy or yyyy).").format(text=text))


def stored_partial_end(text: str | None) -> date | None:
    """The last day a stored partial date ("1998", "1998-09", "1998-09-15") can mean, or None.

    Reading a province's history calls this a few hundred thousand times: the stored ISO form is split
    directly, and only text in another form goes through the tolerant parser."""
    if not text:
        return None
    parts = text.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        return date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, IndexError):
        try:
            p = parse_partial_date(text)
        except ValidationError:
            return None
        return None if p is None else p.last_day()


def parse_date(text: str | None) -> date | None:
    """A full date (dd/mm/yyyy or ISO). A partial date is an error here."""
    p = parse_partial_date(text)
    if p is None:
        return None
    if p.precision != "day":
        raise ValidationError(translate("domain.dates", "“{text}” lacks the day or the month (dd/mm/yyyy is needed).").format(text=text))
    return p.first_day()


def format_date(d: date | None) -> str:
    """dd/MM/yyyy, or an empty string."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_iso_partial(value: str | None) -> str:
    """Display an ISO partial date stored in the database ("1998-09" → "09/1998")."""
    if not value:
        return ""
    p = parse_partial_date(value)
    return "" if p is None else p.display()


def age_on(birth: date, on: date) -> tuple[int, int]:
    """Completed (years, months) of age on a date."""
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    # A month is complete on the same day of the month, or on the month's last day when it has no such
    # day (Civil Code 2015 art. 148): born 31/08 → one month on 30/09.
    if on.day < birth.day and on.day != calendar.monthrange(on.year, on.month)[1]:
        months -= 1
    return divmod(max(months, 0), 12)


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31/01 + 1 month → 28/02 or 29/02)."""
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    last = calendar.monthrange(y, m + 1)[1]
    return date(y, m + 1, min(d.day, last))


def vn_long_date(d: date, place: str = "") -> str:
    """ND 30/2020 style: ``Hà Nội, ngày 05 tháng 02 năm 2026`` (zero-pad day < 10 and months 1–2)."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    core = f"ngày {day} tháng {month} năm {d.year}"  # i18n: data
    return f"{place}, {core}" if place else core
