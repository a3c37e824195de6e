"""A district office on PostgreSQL (several clerks on the LAN) receives its communes' packages like any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from canbo_desktop.db import models as m
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import init_office
from canbo_desktop.services.sync import peers
from tests.integration.sync_fixtures import PASS, Office, carry, link, new_office

pytestmark = pytest.mark.postgres


def test_a_district_on_postgresql_receives_delta_and_full_packages(pg_db: Database, tmp_path: Path,
                                                                    empty_template: Path) -> None:
    init_office(pg_db.uow("setup"), office_code="40.D01", office_name="Huyện Thanh Hà", admin_user="quantri",
                password="matkhau123")
    (tmp_path / "usb-D").mkdir()
    d = Office("D", pg_db, tmp_path / "khong-co-tep", tmp_path / "usb-D", actor="quantri")
    d.info = peers.init_node_keys(d.uowf, PASS)
    a = new_office(tmp_path, None, "A", code="40.D01.X05", title="Xã An Phú", empty=empty_template)
    try:
        link(d, a)
        x = a.add_cadre("Nguyễn Thị Hồng", id_number="040185001111")
        got = carry(a, d)  # a delta (NDJSON) into PostgreSQL, the ack back down
        assert got.counts["new"] >= 1
        row = d.get(m.CadreRecord, x)
        assert row is not None and row["full_name"] == "Nguyễn Thị Hồng" and row["origin_node"] == a.node_id()
        assert [c.full_name for c in search_cadres(d.uowf, "nguyen thi hong")] == ["Nguyễn Thị Hồng"]

        a.edit(m.CadreRecord, x, phone="0911000111")
        y = a.add_cadre("Trần Văn Bền", id_number="040090003333")
        full = a.export(full=True)  # a full package from a SQLite office travels as a snapshot
        again = d.import_(full.path, ack_dir=d.stick)
        assert again.status == "applied", (again.reason, again.checks)
        assert d.get(m.CadreRecord, x)["phone"] == "0911000111"
        assert d.get(m.CadreRecord, y)["full_name"] == "Trần Văn Bền"
        assert len(search_cadres(d.uowf, "tran van ben")) == 1
    finally:
        a.db.close()
