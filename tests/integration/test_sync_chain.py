"""End to end (issue 10, Done-when): two communes and a district, a commune straight under the province;
edits in each; packages carried up two levels and acks down; the province holds exactly the union."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from canbo_desktop.db import models as m
from canbo_desktop.services.sync import peers
from tests.integration.sync_fixtures import Office, carry, clone, link, new_office, sync_trio  # noqa: F401

CONTENT_SKIP = {"path", "depth"}


def _same_rows(a: Office, b: Office, ids: set[str]) -> None:
    sa, sb = a.snapshot(("cadre",))["cadre"], b.snapshot(("cadre",))["cadre"]
    for i in ids:
        assert sa[i] == sb[i], i


@pytest.fixture
def offices(tmp_path: Path, small_demo_template: Path, empty_template: Path) -> dict[str, Office]:
    o = {
        "P": new_office(tmp_path, None, "P", code="40", title="Tỉnh Nghệ An", empty=empty_template),
        "D": new_office(tmp_path, small_demo_template, "D"),
        "A": new_office(tmp_path, None, "A", code="40.D01.X05", title="Xã An Phú", empty=empty_template),
        "B": new_office(tmp_path, None, "B", code="40.D01.X06", title="Xã Bình Minh", empty=empty_template),
        "C": new_office(tmp_path, None, "C", code="40.X0007", title="Xã Cẩm Sơn", empty=empty_template),
    }
    link(o["D"], o["A"])
    link(o["D"], o["B"])
    link(o["P"], o["D"])
    link(o["P"], o["C"])
    yield o
    for x in o.values():
        x.db.close()


def test_chain_commune_district_province_and_commune_province(offices: dict[str, Office]) -> None:
    P, D, A, B, C = (offices[k] for k in "PDABC")
    a1 = A.add_cadre("Nguyễn Thị Hồng", id_number="040185001111")
    a2 = A.add_cadre("Trần Văn Minh", id_number="040185002222")
    b1 = B.add_cadre("Lê Thị Mai", id_number="040185003333")
    c1 = C.add_cadre("Hoàng Văn Sơn", id_number="040185004444")
    p1 = P.add_cadre("Phạm Quốc Hùng", id_number="040185005555")
    d_own = sorted(D.cadre_ids())
    D.edit(m.CadreRecord, d_own[0], phone="0912345678")
    d1 = D.add_cadre("Vũ Thị Lan", id_number="040185006666")

    got_a = carry(A, D)
    assert got_a.counts["new"] >= 6 and got_a.counts["rejected"] == 0
    carry(B, D)
    got_d = carry(D, P)
    assert got_d.counts["rejected"] == 0
    # Provenance: the district's audit trail travelled with its package and names the commune's package.
    with P.uowf() as uow:
        rec = uow.session.get(m.SyncPackageRecord, got_d.package_id)
        assert rec is not None and rec.counts["audit_sha256"]
        trail = uow.session.get(m.AttachmentRecord, rec.counts["audit_sha256"])
        assert trail is not None and got_a.package_id.encode() in trail.data
    carry(C, P)

    # a second round: an edit in A goes up two levels
    A.edit(m.CadreRecord, a1, phone="0987000111", hometown="Nghệ An")
    carry(A, D)
    got_d2 = carry(D, P)
    assert got_d2.counts["changed"] >= 1
    assert P.get(m.CadreRecord, a1)["phone"] == "0987000111"

    # The province holds exactly the union, each row once, with the right owners and provenance.
    union = A.cadre_ids() | B.cadre_ids() | C.cadre_ids() | D.cadre_ids() | {p1}
    assert P.cadre_ids() == union
    with P.uowf() as uow:
        n = uow.session.scalar(select(func.count()).select_from(m.CadreRecord))
        assert n == len(union)
    for office, ids in ((A, {a1, a2}), (B, {b1}), (C, {c1}), (D, {d1})):
        _same_rows(office, P, ids)
        for i in ids:
            row = P.get(m.CadreRecord, i)
            assert row is not None
            assert row["origin_node"] == office.node_id()
            assert row["owner_unit_id"] == office.unit_id()
    assert P.get(m.CadreRecord, d_own[0])["phone"] == "0912345678"
    # the org tree at the province: the communes hang under the district, the district under the province
    assert P.get(m.OrgUnitRecord, A.unit_id())["parent_id"] == D.unit_id()
    assert P.get(m.OrgUnitRecord, D.unit_id())["parent_id"] == P.unit_id()
    assert P.get(m.OrgUnitRecord, C.unit_id())["parent_id"] == P.unit_id()
    # the search index knows the new people at the province
    from canbo_desktop.services.cadres import search_cadres

    hits = search_cadres(P.uowf, "nguyen thi hong")
    assert any(h.id == a1 for h in hits)

    # acks came down: nothing is "sent, not acknowledged" any more at A
    info = peers.list_peers(A.uowf)[0]
    assert info.relation == "parent" and info.last_acked_seq > 0 and info.unacked_rows == 0

    # Rows sent but not acknowledged go again in the next package: the province takes them once.
    A.edit(m.CadreRecord, a2, email="minh@xaanphu.vn")
    carry(A, D)
    first = D.export(receipt=True)
    assert first.rows >= 1 and first.receipt_pdf is not None
    text = subprocess.run(["pdftotext", "-layout", str(first.receipt_pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "BIÊN BẢN" in text and "Hồ sơ cán bộ" in text and f"Gói số {first.seq}" in text
    assert P.import_(first.path).status == "applied"
    second = D.export()  # before any ack: the same rows again
    assert second.rows == first.rows
    res = P.import_(second.path)
    assert res.status == "applied"
    assert res.counts["new"] == 0 and res.counts["changed"] == 0 and res.counts["unchanged"] == first.rows
    assert P.cadre_ids() == union
    assert P.get(m.CadreRecord, a2)["email"] == "minh@xaanphu.vn"


def test_a_restored_commune_sends_a_full_package(sync_trio: dict[str, Office], tmp_path: Path) -> None:  # noqa: F811
    """After a restore (a new epoch) the next export is forced full; the parent takes it as a new stream:
    the rows it already has stay once, the new ones arrive, an old-epoch delta is refused."""
    o = clone(sync_trio, tmp_path)
    d, a = o["D"], o["A"]
    x = sync_trio["A"].info
    old_delta = a.export()  # written before the restore, never imported
    with a.uowf() as uow:
        assert uow.node is not None
        uow.node.epoch += 1  # what restoring a backup does
        uow.commit()
    y = a.add_cadre("Đặng Quốc Việt", id_number="040175001234")
    a.edit(m.CadreRecord, x, phone="0900111222")
    full = a.export()
    assert full.kind == "full"
    res = d.import_(full.path)
    assert res.status == "applied", res.reason
    assert res.counts["new"] >= 3 and res.counts["changed"] == 1 and res.counts["rejected"] == 0
    assert d.get(m.CadreRecord, y) is not None and d.get(m.CadreRecord, x)["phone"] == "0900111222"
    assert d.cadre_ids() == a.cadre_ids()
    from canbo_desktop.services.cadres import search_cadres

    assert [h.id for h in search_cadres(d.uowf, "dang quoc viet")] == [y]  # placed in the district's search index
    late = d.import_(old_delta.path)
    assert late.status == "rejected" and "chuỗi cũ" in late.reason
    for x_ in o.values():
        x_.db.close()
