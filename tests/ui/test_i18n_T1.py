"""The shell follows the interface language; the clerk chooses it in Help; Qt's own buttons speak Vietnamese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from canbo_desktop.services.database import Database
from canbo_desktop.ui import i18n
from canbo_desktop.ui.dialogs.about import AboutDialog
from canbo_desktop.ui.dialogs.login import ChangePasswordDialog
from canbo_desktop.ui.main_window import MainWindow
from tests.ui.test_main_window import make_window


def menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def nav_labels(w: MainWindow) -> list[str]:
    return [w.nav.item(i).text().split(" (")[0] for i in range(w.nav.count())]


def test_the_main_window_built_in_english_speaks_english(qtbot, demo_db: Database) -> None:
    try:
        i18n.install("en")
        w = make_window(qtbot, demo_db)
        assert menu_titles(w) == ["&File", "&View", "&Records", "&Help"]
        assert nav_labels(w)[:3] == ["Cadre records", "Evaluation and rating", "Planning and appointments"]
        assert w.status_count.text() == "Total: 122 cadres"
        assert w.clear_filters_button.text() == "Clear filters"
        assert w.filters["sex"].itemText(0) == "Men and women" and w.filters["sex"].itemText(1) == "Male"
        assert w.search.accessibleName() == "Search cadres"
        about = AboutDialog(w)
        qtbot.addWidget(about)
        assert about.windowTitle() == "About Cán bộ Desktop" and about.copy_button.text() == "Copy information"
        assert "Third-party components and licences" in about.licences.toPlainText()
        dialog = ChangePasswordDialog(demo_db, "canbo", w)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Change password"
        w.close()
    finally:
        i18n.install("vi")
    w = make_window(qtbot, demo_db)
    assert menu_titles(w) == ["&Tệp", "&Xem", "&Hồ sơ", "Trợ &giúp"]
    assert nav_labels(w)[0] == "Hồ sơ cán bộ" and w.status_count.text() == "Tổng số: 122 cán bộ"


def test_help_language_saves_the_choice_for_the_next_start(qtbot, demo_db: Database,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text, *a: shown.append((title, text)))
    w = make_window(qtbot, demo_db)
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "Trợ &giúp")
    language = next(a.menu() for a in help_menu.actions() if a.text() == "Ngôn ngữ / Language")
    actions = {a.text(): a for a in language.actions()}
    assert list(actions) == ["Tiếng Việt", "English"]
    assert actions["Tiếng Việt"].isChecked() and not actions["English"].isChecked()
    try:
        actions["English"].trigger()
        assert QSettings().value(i18n.SETTING) == "en" and i18n.saved_language() == "en"
        assert actions["English"].isChecked() and not actions["Tiếng Việt"].isChecked()  # one at a time
        assert shown == [("Ngôn ngữ", "Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau.")]
        assert menu_titles(w)[0] == "&Tệp"  # this window keeps its language until the program opens again
        actions["Tiếng Việt"].trigger()
        assert QSettings().value(i18n.SETTING) == "vi" and len(shown) == 2
    finally:
        i18n.save_language("vi")
        QSettings().clear()


def standard_texts() -> tuple[str, str, str]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok).text()
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
    box = QMessageBox()
    box.setText("x")
    box.setDetailedText("details")
    details = [b.text() for b in box.findChildren(QPushButton) if "..." in b.text()]
    buttons.deleteLater()
    box.deleteLater()
    return ok, cancel, details[0] if details else ""


def test_qt_standard_buttons_follow_the_language(qtbot) -> None:
    assert any(path.endswith("qtbase_vi.qm") for path in i18n.installed_files())
    assert standard_texts() == ("OK", "Huỷ", "Xem chi tiết...")
    try:
        i18n.install("en")
        assert standard_texts() == ("OK", "Cancel", "Show Details...")
    finally:
        i18n.install("vi")
    assert standard_texts()[1] == "Huỷ"
