"""Translation of user-visible text.

Source strings are English, written in the code as ``translate("Context", "English text")`` (or marked with
``QT_TRANSLATE_NOOP`` where the text is defined before a translator exists, and translated where it is shown).
Qt's ``pyside6-lupdate`` extracts them into ``resources/i18n/canbo_vi.ts``, the Vietnamese catalogue, which Qt
Linguist edits and ``pyside6-lrelease`` compiles to ``canbo_vi.qm``. Vietnamese is the default language;
English is the source text and needs no catalogue (``tools/i18n.py`` builds and checks all of it).

In the GUI every lookup goes through Qt's translators: ``canbo_desktop.ui.i18n.install`` points the hook below
at ``QCoreApplication.translate`` and installs ``canbo_vi.qm`` and ``qtbase_vi.qm``. Without Qt (the ``canbo``
command line) the same catalogue is read from the ``.ts`` file with the standard library, so that this module
stays pure Python and the layers below the UI can use it.

Placeholders are ``{name}`` fields for ``str.format``; the catalogue check makes sure a translation keeps
exactly the placeholders of its source.
"""

from __future__ import annotations

import functools
import os
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"

TranslateHook = Callable[[str, str, "str | None", int], str]

_hook: TranslateHook | None = None
_language = os.environ.get("CANBO_LANG", DEFAULT_LANGUAGE)
_catalogues: dict[str, dict[tuple[str, str], str]] = {}
_lock = threading.Lock()
_local = threading.local()


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate looks for)
    """Marks ``text`` for extraction under ``context`` and returns it unchanged; translate it where it is shown."""
    return text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language (NFC). In the GUI this is ``QCoreApplication.translate``; inside
    :func:`document_language` it is the document's language, whatever the interface speaks."""
    forced = getattr(_local, "language", None)
    if forced is not None:
        return text if forced == "en" else _ts_catalogue(forced).get((context, text), text)
    if _hook is not None:
        return _hook(context, text, disambiguation, n)
    if _language == "en":
        return text
    return _ts_catalogue(_language).get((context, text), text)


@contextmanager
def document_language(lang: str = "vi") -> Iterator[None]:
    """Texts made inside this block (on this thread) are in ``lang``: the documents the office signs or sends
    (PDF reports, Excel reports, the import error report) are Vietnamese even when the interface is English."""
    old = getattr(_local, "language", None)
    _local.language = lang
    try:
        yield
    finally:
        _local.language = old


def vietnamese_document(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorates a function that loads or writes a document: it runs in :func:`document_language` ("vi")."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with document_language("vi"):
            return fn(*args, **kwargs)

    return wrapper


def set_hook(hook: TranslateHook | None) -> None:
    """The GUI routes every lookup through Qt's installed translators (``ui/i18n.py``)."""
    global _hook
    _hook = hook


def hook() -> TranslateHook | None:
    """The installed lookup (the GUI's Qt translators), if any."""
    return _hook


def language() -> str:
    return _language


def set_language(lang: str) -> None:
    """For the command line (and tests): the language of ``translate`` when no Qt translator is installed."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    with _lock:
        _language = lang
        _catalogues.clear()


def catalogue_path(lang: str, resources: Path | None = None) -> Path:
    if resources is None:
        from canbo_desktop import paths

        resources = paths.resources_dir()
    return resources / "i18n" / f"canbo_{lang}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of a Qt Linguist ``.ts`` file: (context, source) → translation (NFC)."""
    import xml.etree.ElementTree as ET  # noqa: N817  (stdlib; the file is ours, shipped with the program)

    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            text = tr.text or ""
            if text:
                out[(name, source)] = unicodedata.normalize("NFC", text)
    return out


def _ts_catalogue(lang: str) -> dict[tuple[str, str], str]:
    found = _catalogues.get(lang)  # read without the lock once loaded: a validation asks ~6 times per row
    if found is not None:
        return found
    with _lock:
        found = _catalogues.get(lang)
        if found is None:
            path = catalogue_path(lang)
            found = read_ts(path) if path.exists() else {}
            _catalogues[lang] = found
        return found
