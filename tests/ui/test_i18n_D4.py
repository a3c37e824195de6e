"""The sync import/export messages (the import wizard's check list, the preview summary, the payload errors)
follow the installed language: English (the source) after ``i18n.install("en")``, the clerk's Vietnamese
again after ``install("vi")``."""

from __future__ import annotations

from pathlib import Path

import pytest

from canbo_desktop.services.sync import importer
from canbo_desktop.services.sync.payload import PayloadError, PayloadReader
from canbo_desktop.ui import i18n


def _summary() -> str:
    p = importer.Preview()
    p.add_many("cadre", "new", 3)
    p.add_many("cadre", "rejected", 1)
    return importer._summary_sentence(p)


def _bad_json_error(root: Path) -> str:
    (root / "ack.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PayloadError) as err:
        PayloadReader(root).json_file("ack.json")
    return err.value.message


def test_sync_messages_follow_the_installed_language(qapp, tmp_path: Path) -> None:
    try:
        i18n.install("en")
        assert _summary() == "Records: 3 new, 0 changed, 0 deleted, 0 unchanged, 1 rejected."
        assert _bad_json_error(tmp_path) == "The file ack.json in the package is not valid. Nothing was imported."
    finally:
        i18n.install("vi")
    assert _summary() == "Bản ghi: 3 mới, 0 thay đổi, 0 xoá, 0 không đổi, 1 bị từ chối."
    assert _bad_json_error(tmp_path) == "Tệp ack.json trong gói không hợp lệ. Không nhập gì."
