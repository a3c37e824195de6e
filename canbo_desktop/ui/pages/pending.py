"""A section whose screens are not built yet: says so plainly, and where to do the work meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from canbo_desktop.i18n import translate


class PendingPage(QWidget):
    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        heading = f"<h2>{title}</h2>"  # the title comes translated
        head = QLabel(heading)
        v.addWidget(head)
        body = QLabel(translate("Pending", "<p>This screen is not in the current version yet.</p>")
                      + "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        v.addWidget(body)
        v.addStretch(1)
