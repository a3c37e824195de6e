"""The translation layer without Qt (canbo_desktop/i18n.py): the Vietnamese catalogue by default, English on
request, documents in Vietnamese whatever the interface speaks, and the catalogue's own consistency."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest

from canbo_desktop import i18n

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")  # str.format fields


@pytest.fixture(autouse=True)
def restore_language() -> Iterator[None]:
    lang, qt = i18n.language(), i18n.hook()  # a UI test earlier in this process may have installed Qt's
    yield
    i18n.set_hook(qt)
    i18n.set_language(lang)


def test_vietnamese_is_the_default_and_english_the_source() -> None:
    i18n.set_hook(None)
    i18n.set_language("vi")
    assert i18n.translate("SubmitDialog", "Cancel") == "Huỷ bỏ"
    i18n.set_language("en")
    assert i18n.translate("SubmitDialog", "Cancel") == "Cancel"
    assert i18n.translate("NoSuchContext", "Some text") == "Some text"  # unknown text: the source, not a crash
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_documents_stay_vietnamese_when_the_interface_is_english() -> None:
    calls: list[str] = []

    def english_qt(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        calls.append(text)
        return text  # an English interface: Qt returns the source

    i18n.set_hook(english_qt)
    assert i18n.translate("SubmitDialog", "Cancel") == "Cancel"
    with i18n.document_language():
        assert i18n.translate("SubmitDialog", "Cancel") == "Huỷ bỏ"
    assert i18n.translate("SubmitDialog", "Cancel") == "Cancel"
    assert calls == ["Cancel", "Cancel"]  # the document's text did not ask the interface's translator


def test_the_catalogue_is_nfc_keeps_placeholders_and_has_no_empty_translation() -> None:
    table = i18n.read_ts(i18n.catalogue_path("vi"))
    assert len(table) > 1000
    for (context, source), text in table.items():
        assert text.strip(), (context, source)
        assert unicodedata.normalize("NFC", text) == text, (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source, text)
