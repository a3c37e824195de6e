"""Qt's translation system for the GUI: the language setting, the translators, the locale.

``install`` loads ``resources/i18n/canbo_<lang>.qm`` (our strings, compiled from the ``.ts`` catalogue by
``tools/i18n.py release``) and ``qtbase_<lang>.qm`` (the standard buttons and dialogs: Qt ships no Vietnamese
one, so ours is in ``resources/i18n/qtbase_vi.ts``), and routes ``canbo_desktop.i18n.translate`` through
``QCoreApplication.translate``. English is the source language: it installs no catalogue.

Dates are shown dd/MM/yyyy in both languages (the clerks' documents use it); numbers follow the language
(1.234,5 in Vietnamese).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from canbo_desktop import i18n, paths

log = logging.getLogger(__name__)

SETTING = "ui/language"
_installed: list[QTranslator] = []


def saved_language() -> str:
    value = QSettings().value(SETTING, i18n.DEFAULT_LANGUAGE)
    lang = str(value) if value else i18n.DEFAULT_LANGUAGE
    return lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    if lang not in i18n.LANGUAGES:
        raise ValueError(lang)
    QSettings().setValue(SETTING, lang)


def _translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def install(lang: str | None = None) -> str:
    """Installs the translators of ``lang`` (default: the saved setting, else Vietnamese); returns the language.
    Call after the QApplication exists and before any window is built."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QCoreApplication")
    lang = lang or saved_language()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    folder = paths.resource("i18n")
    if lang != "en":
        for name in (f"canbo_{lang}.qm", f"qtbase_{lang}.qm"):
            tr = QTranslator(app)
            if tr.load(str(folder / name)):
                app.installTranslator(tr)
                _installed.append(tr)
            else:
                log.warning("translation %s not found in %s", name, folder)
    i18n.set_hook(_translate)
    i18n.set_language(lang)
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return lang


def installed_files() -> list[str]:
    """The catalogues in use (the about dialog and the tests show them)."""
    return [tr.filePath() for tr in _installed]
