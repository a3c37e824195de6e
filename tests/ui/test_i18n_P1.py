"""The cadre list in English (the source language): its headers and the statuses it shows."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from canbo_desktop.domain.cadre import CadreSummary
from canbo_desktop.ui import i18n
from canbo_desktop.ui.models.cadre_table import CadreTableModel, Column
from canbo_desktop.ui.tasks import TaskRunner


def test_the_list_in_english(qtbot: Any) -> None:
    people = [CadreSummary("id1", "Nguyễn Văn An", "M", date(1980, 1, 2), "day", "u1", "40.X01", "Xã Thanh Hà",
                           "Chuyên viên", "nghi_huu", "079000000001", 1)]
    try:
        i18n.install("en")
        model = CadreTableModel(TaskRunner(synchronous=True))
        model.set_loader(lambda off, lim: people[off:off + lim])
        assert model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Full name"
        assert model.headerData(Column.ID_NUMBER, Qt.Orientation.Horizontal) == "ID number"
        assert model.data(model.index(0, Column.STATUS)) == "Retired"
        assert model.data(model.index(0, Column.NAME)) == "Nguyễn Văn An"  # data stays as it is
    finally:
        i18n.install("vi")
    assert model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Họ và tên"
