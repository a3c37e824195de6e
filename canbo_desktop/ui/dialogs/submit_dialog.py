"""A small form dialog: an error line under the fields and OK/Cancel; OK emits ``submitted`` with what
``collect()`` returns, or shows the Vietnamese message of the error it raises (the dialog stays open)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate

RED = "#b00020"


class SubmitDialog(QDialog):
    """Error line and the two buttons; ``collect()`` returns what ``submitted`` carries."""

    submitted = Signal(object)

    def _finish(self, v: QVBoxLayout, ok_text: str) -> None:
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {RED};")
        self.error.setWordWrap(True)
        v.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("SubmitDialog", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def collect(self) -> Any:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _submit(self) -> None:
        try:
            value = self.collect()
        except CanboError as exc:
            self.show_error(exc.message)
            return
        self.error.clear()
        self.submitted.emit(value)
