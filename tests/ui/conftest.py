"""UI tests: a modal dialog nobody expected fails the test at once instead of waiting forever offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        texts = [a for a in args if isinstance(a, str)]
        box_text = args[0].text() if args and isinstance(args[0], QMessageBox) else ""
        raise AssertionError(f"unexpected modal dialog: {box_text or texts}")

    for name in ("exec", "question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    yield


@pytest.fixture(scope="session", autouse=True)
def vietnamese_ui(qapp: object) -> None:
    """The interface in Vietnamese, as the clerks see it (canbo_desktop/ui/i18n.py)."""
    from canbo_desktop.ui import i18n

    i18n.install("vi")
