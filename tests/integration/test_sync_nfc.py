"""Text that arrives by USB is stored NFC (issue 3, item 1: "typed, imported or synced").

The sending office's file is edited behind the application's back (an old client, a repair tool, a hostile
sender with a valid key) so that its rows hold NFD and the Windows keyboard's mixed form; whatever way the rows
travel (a delta package as NDJSON, a full package as a SQLite snapshot), the receiving office stores NFC.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from canbo_desktop.db import models as m
from tests.integration.sync_fixtures import Office, checkpoint, clone, sync_trio  # noqa: F401 (fixture)
from tests.unit.domain.vietnamese import ms_keyboard_form, nfd

NAME = "Nguyễn Thị Thuỷ Tiên"
HOMETOWN = "Xã Quỳnh Lưu, tỉnh Nghệ An"


@pytest.fixture
def trio(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[dict[str, Office]]:  # noqa: F811
    o = clone(sync_trio, tmp_path)
    yield o
    for x in o.values():
        x.db.close()


def _decompose_behind_the_apps_back(office: Office, cadre_id: str) -> None:
    checkpoint(office)
    con = sqlite3.connect(office.path)
    try:
        con.execute("UPDATE cadre SET full_name = ?, hometown = ?, given_name = ? WHERE id = ?",
                    (nfd(NAME), ms_keyboard_form(HOMETOWN), nfd("Tiên"), cadre_id))
        con.execute("UPDATE cadre_family SET full_name = ? WHERE cadre_id = ?", (ms_keyboard_form("Lê Thị Mận"), cadre_id))
        con.commit()
        stored = con.execute("SELECT full_name, hometown FROM cadre WHERE id = ?", (cadre_id,)).fetchone()
    finally:
        con.close()
    assert not unicodedata.is_normalized("NFC", stored[0]) and not unicodedata.is_normalized("NFC", stored[1])


@pytest.mark.parametrize("full", [False, True], ids=["delta-ndjson", "full-snapshot"])
def test_synced_text_is_stored_nfc(trio: dict[str, Office], full: bool) -> None:
    d, a = trio["D"], trio["A"]
    cid = a.add_cadre(NAME, id_number="040190002222")
    _decompose_behind_the_apps_back(a, cid)
    res = a.export(full=full)
    got = d.import_(res.path, ack_dir=d.stick)
    assert got.status == "applied", (got.status, got.reason)
    row = d.get(m.CadreRecord, cid)
    assert row is not None
    assert row["full_name"] == NAME and unicodedata.is_normalized("NFC", row["full_name"])
    assert row["hometown"] == HOMETOWN and row["given_name"] == "Tiên"
    with d.uowf() as uow:
        family = [f.full_name for f in uow.session.query(m.FamilyMemberRecord).filter_by(cadre_id=cid)]
    assert family == ["Lê Thị Mận"]
    # and the district finds her by typing without diacritics
    from canbo_desktop.services.cadres import search_cadres

    assert [c.full_name for c in search_cadres(d.uowf, "thuy tien")] == [NAME]
