"""Input widgets for the record editor: dates as dd/mm/yyyy (or only the year), code-list choices."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from canbo_desktop.domain.access import MASK
from canbo_desktop.domain.dates import PartialDate, format_date, parse_partial_date
from canbo_desktop.domain.text import nfc
from canbo_desktop.i18n import translate


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy; with ``partial`` also mm/yyyy or yyyy (birth year only)."""

    def __init__(self, parent: QWidget | None = None, *, partial: bool = False) -> None:
        super().__init__(parent)
        self.partial = partial
        self.setPlaceholderText(translate("Fields", "dd/mm/yyyy or yyyy") if partial
                                else translate("Fields", "dd/mm/yyyy"))
        self.setMaxLength(10)

    def value(self) -> tuple[date | None, str]:
        """(date, precision); raises ValidationError with a Vietnamese message."""
        p = parse_partial_date(self.text())
        if p is None:
            return None, "day"
        if not self.partial and p.precision != "day":
            from canbo_desktop.domain.errors import ValidationError

            raise ValidationError(translate("Fields", "Enter the full day, month and year (dd/mm/yyyy)."))
        return p.first_day(), p.precision

    def set_value(self, d: date | None, precision: str = "day") -> None:
        if d is None:
            self.setText("")
        elif precision == "year":
            self.setText(f"{d.year:04d}")  # i18n: data (a year)
        elif precision == "month":
            self.setText(PartialDate(d.year, d.month).display())
        else:
            self.setText(format_date(d))


class CodeCombo(QComboBox):
    """Choose a code from a code list; shows names, stores codes; an empty first entry means "not set"."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None, *, allow_empty: bool = True) -> None:
        super().__init__(parent)
        if allow_empty:
            self.addItem("—", "")
        for code, name in choices:
            self.addItem(name, code)
        self.setMaxVisibleItems(20)

    def value(self) -> str:
        data = self.currentData()
        return "" if data is None else str(data)

    def set_value(self, code: str | None) -> None:
        i = self.findData(code or "")
        if i < 0 and code == MASK:  # sensitive data this account may not see (domain/access.py): say so, lock it
            self.addItem(translate("Fields", "*** (sensitive, not shown to this account)"), code)
            self.setToolTip(translate("Fields", "Sensitive information (Personal Data Protection Law 2025): "
                                                "this account may not see it."))
            self.setEnabled(False)
            i = self.count() - 1
        elif i < 0 and code:
            self.addItem(translate("Fields", "{code} (not in the code list)").format(code=code), code)
            i = self.count() - 1
        self.setCurrentIndex(max(i, 0))


class NfcLineEdit(QLineEdit):
    """A line edit whose text reaches the program in NFC whatever keyboard or paste produced it."""

    text_changed_nfc = Signal(str)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.textChanged.connect(lambda t: self.text_changed_nfc.emit(nfc(t)))

    def value(self) -> str:
        return nfc(self.text())
