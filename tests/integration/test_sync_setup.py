"""Set-up through the CLI (keys init / export / import / show), the province's recovery key as a second
recipient, reference data sent down and previewed, the conflicts command."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from canbo_desktop.cli.main import main
from canbo_desktop.db import models as m
from canbo_desktop.services.sync import container as C
from canbo_desktop.services.sync import keys, peers
from tests.integration.sync_fixtures import PASS, Office, carry, checkpoint, clone, sync_trio  # noqa: F401


@pytest.fixture
def o(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[dict[str, Office]]:  # noqa: F811
    offices = clone(sync_trio, tmp_path)
    yield offices
    for x in offices.values():
        x.db.close()


def cli(office: Office, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    checkpoint(office)
    os.environ["CANBO_SYNC_PASSPHRASE"] = PASS
    try:
        code = main(["--db", str(office.path), "--user", office.actor, "sync", *args, "--json"])
    finally:
        del os.environ["CANBO_SYNC_PASSPHRASE"]
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else captured.err)


def test_keys_exchange_by_the_cli(empty_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.integration.sync_fixtures import new_office

    p = new_office(tmp_path, None, "P", code="40", title="Tỉnh Nghệ An", empty=empty_template)
    c = new_office(tmp_path, None, "C", code="40.X0007", title="Xã Cẩm Sơn", empty=empty_template)
    code, again = cli(p, "keys", "init", capsys=capsys)
    assert code != 0 and "đã có khoá" in again  # keys exist (made by the fixture): not replaced silently
    code, kp = cli(p, "keys", "export", "--out", str(p.stick), capsys=capsys)
    assert code == 0 and Path(kp["path"]).is_file()
    assert len(kp["fingerprint"].split()) == 8
    code, kc = cli(c, "keys", "export", "--out", str(c.stick), capsys=capsys)
    code, reg = cli(c, "keys", "import", kp["path"], "--relation", "parent", capsys=capsys)
    assert code == 0 and reg["relation"] == "parent" and reg["fingerprint"] == kp["fingerprint"]
    code, reg2 = cli(p, "keys", "import", kc["path"], "--relation", "child", capsys=capsys)
    assert code == 0 and reg2["unit_code"] == "40.X0007" and reg2["fingerprint"] == kc["fingerprint"]
    code, shown = cli(c, "keys", "show", capsys=capsys)
    assert shown["local"]["fingerprint"] == kc["fingerprint"]
    assert [(x["relation"], x["unit_name"]) for x in shown["peers"]] == [("parent", "Tỉnh Nghệ An")]
    # and data flows: export by the CLI, import by the CLI
    c.add_cadre("Hoàng Văn Sơn", id_number="040185004444")
    code, exp = cli(c, "export", "--out", str(c.stick), capsys=capsys)
    assert code == 0 and exp["kind"] == "delta" and exp["counts"]["cadre"] == 1 and Path(exp["receipt_pdf"]).is_file()
    [parent] = peers.list_peers(c.uowf)
    assert parent.unacked_rows == parent.pending_rows == exp["rows"]  # "đã gửi, chưa xác nhận": what was sent
    code, imp = cli(p, "import", exp["path"], "--ack-dir", str(p.stick), capsys=capsys)
    assert code == 0 and imp["status"] == "applied" and imp["counts"]["new"] >= 3
    code, ack = cli(c, "import", imp["ack_path"], capsys=capsys)
    assert code == 0 and ack["status"] == "applied"
    [parent] = peers.list_peers(c.uowf)
    assert parent.unacked_rows == 0 and parent.pending_rows == 0


def test_recovery_key_is_a_second_recipient(o: dict[str, Office], tmp_path: Path) -> None:
    d, a = o["D"], o["A"]
    sealed, package, fp = peers.create_recovery_key(d.uowf, tmp_path / "safe", passphrase="khoa-khoi-phuc-tinh-2026")
    assert len(fp.split()) == 8
    got = peers.import_keys_package(a.uowf, package, relation="recovery")
    assert got.relation == "recovery" and got.fingerprint == fp
    assert peers.local_keys_info(a.uowf).has_recovery  # type: ignore[union-attr]
    a.add_cadre("Trần Văn Minh", id_number="040185002222")
    pkg = a.export()
    recovery = keys.open_keys(sealed.read_bytes(), "khoa-khoi-phuc-tinh-2026")
    known = {a.node_id(): keys.PublicKeys(a.node_id(), *_pub(a))}
    opened = C.open_package(pkg.path, me=recovery, known_senders=known, extract_to=tmp_path / "opened")
    assert (opened.root / "changes" / "cadre.ndjson").is_file()  # the province can read it without the district


def _pub(office: Office) -> tuple[str, str]:
    with office.uowf() as uow:
        pub = keys.local_public_keys(uow)
        assert pub is not None
        return pub.sign_public, pub.enc_public


def test_reference_data_goes_down_with_a_preview(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    d, a = o["D"], o["A"]
    with d.uowf() as uow:  # the district renames a code list item and adds a unit of its own
        item = uow.session.scalars(select(m.CodeItemRecord).where(m.CodeItemRecord.list_key == "ethnicity")).first()
        assert item is not None
        item_key = (item.list_key, item.code)
        item.name = item.name + " (đã chuẩn hoá)"
        uow.session.add(m.OrgUnitRecord(code="40.D01.PNV", name="Phòng Nội vụ", kind="phong_ban",
                                        parent_id=d.unit_id(), path="", depth=1))
        uow.commit()
    code, exp = cli(d, "refdata", "export", "--to", "40.D01.X05", "--out", str(d.stick), capsys=capsys)
    assert code == 0 and exp["counts"]["code_item"] > 50
    code, pre = cli(a, "refdata", "import", exp["path"], "--dry-run", capsys=capsys)
    assert code == 0 and pre["status"] == "preview" and pre["counts"]["changed"] >= 1
    code, done = cli(a, "refdata", "import", exp["path"], capsys=capsys)
    assert code == 0 and done["status"] == "applied"
    with a.uowf() as uow:
        got = uow.session.scalars(select(m.CodeItemRecord).where(
            m.CodeItemRecord.list_key == item_key[0], m.CodeItemRecord.code == item_key[1])).all()
        assert len(got) == 1 and got[0].name.endswith("(đã chuẩn hoá)")  # matched by code: no duplicate
        pnv = uow.session.scalars(select(m.OrgUnitRecord).where(m.OrgUnitRecord.code == "40.D01.PNV")).one()
        assert pnv.parent_id == d.unit_id()
        own = uow.session.get(m.OrgUnitRecord, a.unit_id())
        assert own is not None and own.name == "Xã An Phú"  # its own unit stays its own
    code, again = cli(a, "refdata", "import", exp["path"], capsys=capsys)
    assert code == 0 and again["status"] == "already_imported"


def test_conflicts_command(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    d, a = o["D"], o["A"]
    x = o["A"].info
    d.edit(m.CadreRecord, x, phone="0911000111")
    a.edit(m.CadreRecord, x, phone="0922000222")
    carry(a, d)
    code, listed = cli(d, "conflicts", capsys=capsys)
    assert code == 0 and listed["open"] == 1
    [c] = listed["conflicts"]
    assert c["kind"] == "hard" and c["fields"] == ["phone"] and c["incoming"]["phone"] == "0922000222"
    code, after = cli(d, "conflicts", "--resolve", c["id"], "--choice", "edit", "--set", "phone=0933000333",
                      capsys=capsys)
    assert code == 0 and after["open"] == 0
    assert d.get(m.CadreRecord, x)["phone"] == "0933000333"
