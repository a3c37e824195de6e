"""Planning lists (quy hoạch): add and remove with the decision, who is planned for what, and the
eligibility warnings of each planned person, read in grouped queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, select

from canbo_desktop.db import models as m
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from canbo_desktop.services import eligibility as elig
from canbo_desktop.services import planning as pl
from canbo_desktop.services import records
from canbo_desktop.services import votes as vs
from canbo_desktop.services.database import Database

ON = date(2026, 12, 1)
TERM = "2026-2031"
TITLE = "chu_tich_ubnd_xa"


def some_unit(db: Database) -> str:
    with db.uow("t")() as uow:
        return str(uow.session.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.kind == "xa")).first())


def person(db: Database, name: str, sex: str, birth: date, *, discipline: list[d.DisciplineRow] | None = None) -> str:
    """A head of a commune department since 2020, qualified for the commune chairman's post."""
    c = d.Cadre(owner_unit_id=some_unit(db), full_name=name, sex=sex, birth_date=birth, title_code="truong_phong_xa",
                current_position="Trưởng phòng Kinh tế", position_start_date=date(2020, 7, 1),
                education_level="dai_hoc", political_theory="trung_cap", state_mgmt="chuyen_vien")
    cid, _ = records.save_cadre_file(db.uow("t"), d.CadreFile(cadre=c, discipline=discipline or []), today=ON)
    with db.uow("t")() as uow:  # rated "Tốt" the three years before
        for year in (2023, 2024, 2025):
            uow.session.add(m.EvaluationRecord(cadre_id=cid, year=year, regime="nd90", level="tot"))
        uow.commit()
    return cid


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, sql, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(sql)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_add_list_and_remove_with_the_decision(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid = person(demo_db, "Nguyễn Văn Quy Hoạch", "M", date(1980, 5, 20))
    assert elig.eligibility(uowf, cid, TITLE, ON).result("quy_hoach").status == "fail"
    eid, _ = pl.add_to_planning(uowf, cid, "2026 – 2031", TITLE, "Quyết định 15-QĐ/HU", date(2026, 3, 1),
                                role="clerk")
    rows = pl.planning_list(uowf, term=TERM, on=ON)
    mine = [r for r in rows if r.cadre_id == cid]
    assert [(r.id, r.term, r.title_name, r.added_ref, r.active) for r in mine] == [
        (eid, TERM, "Chủ tịch UBND xã", "Quyết định 15-QĐ/HU", True)]
    assert mine[0].warnings == ()  # qualified, young enough, no discipline; dossier papers are not asked here
    report = elig.eligibility(uowf, cid, TITLE, ON)
    assert report.result("quy_hoach").status == "pass" and "nhiệm kỳ 2026-2031" in report.result("quy_hoach").reason

    with pytest.raises(ValidationError, match="đã có trong quy hoạch"):
        pl.add_to_planning(uowf, cid, TERM, TITLE, "QĐ 16-QĐ/HU", date(2026, 4, 1), role="clerk")
    with pytest.raises(ValidationError, match="lý do"):
        pl.remove_from_planning(uowf, eid, "QĐ 40-QĐ/HU", "", date(2026, 10, 1), role="clerk")
    with pytest.raises(ValidationError, match="trước ngày đưa vào"):
        pl.remove_from_planning(uowf, eid, "QĐ 40-QĐ/HU", "Kỷ luật", date(2026, 1, 1), role="clerk")
    pl.remove_from_planning(uowf, eid, "QĐ 40-QĐ/HU", "Trên 1/2 phiếu tín nhiệm thấp", date(2026, 10, 1),
                            role="clerk")
    assert [r for r in pl.planning_list(uowf, term=TERM, on=ON) if r.cadre_id == cid] == []
    removed = [r for r in pl.planning_list(uowf, term=TERM, include_removed=True, on=ON) if r.cadre_id == cid][0]
    assert (removed.removed_on, removed.removed_ref, removed.removal_reason) == (
        date(2026, 10, 1), "QĐ 40-QĐ/HU", "Trên 1/2 phiếu tín nhiệm thấp")
    assert "1 mục quy hoạch đã bị đưa ra" in elig.eligibility(uowf, cid, TITLE, ON).result("quy_hoach").reason
    with pytest.raises(ValidationError, match="đã được đưa ra"):
        pl.remove_from_planning(uowf, eid, "QĐ 41-QĐ/HU", "Lần nữa", date(2026, 10, 2), role="clerk")
    # planned again later: a new entry, the old one stays in the history
    pl.add_to_planning(uowf, cid, TERM, TITLE, "QĐ 55-QĐ/HU", date(2026, 11, 1), role="clerk")
    assert len([r for r in pl.planning_list(uowf, cadre_id=cid, include_removed=True)]) == 2


def test_wrong_input_is_refused_in_vietnamese(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid = person(demo_db, "Trần Văn Sai", "M", date(1982, 1, 2))
    with pytest.raises(ValidationError, match="một nhiệm kỳ là 5 năm"):
        pl.add_to_planning(uowf, cid, "2026-2030", TITLE, "QĐ 1-QĐ/HU", ON, role="clerk")
    with pytest.raises(NotFound, match="Không có chức danh"):
        pl.add_to_planning(uowf, cid, TERM, "vua", "QĐ 1-QĐ/HU", ON, role="clerk")
    with pytest.raises(ValidationError, match="văn bản phê duyệt"):
        pl.add_to_planning(uowf, cid, TERM, TITLE, "", ON, role="clerk")
    with pytest.raises(PermissionDenied):
        pl.add_to_planning(demo_db.uow("xem"), cid, TERM, TITLE, "QĐ 1-QĐ/HU", ON, role="viewer")
    assert pl.planning_terms() == ("2020-2025", "2025-2030", "2026-2031")


def test_each_planned_person_shows_what_the_rules_say_today(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    old = person(demo_db, "Lê Văn Cao Tuổi", "M", date(1966, 5, 20))  # retires 31/05/2028
    punished = person(demo_db, "Phạm Văn Kỷ Luật", "M", date(1979, 2, 3), discipline=[
        d.DisciplineRow(decided_on=date(2025, 4, 1), kind="admin", form_code="canh_cao", reason="Vi phạm")])
    voted = person(demo_db, "Đỗ Thị Tín Nhiệm", "F", date(1981, 8, 9))
    for cid in (old, punished, voted):
        pl.add_to_planning(uowf, cid, TERM, TITLE, "QĐ 15-QĐ/HU", date(2026, 3, 1), role="clerk")
    with demo_db.uow("t")() as uow:
        unit_id = uow.session.get(m.CadreRecord, voted).owner_unit_id  # type: ignore[union-attr]
    vs.record_vote(uowf, unit_id, date(2026, 9, 1), 30, 30, [w.VoteRowInput(voted, 5, 8, 17)], role="clerk")
    rows = {r.cadre_id: r for r in pl.planning_list(uowf, term=TERM, title_code=TITLE, on=ON)}
    assert [x.code for x in rows[old].warnings] == ["tuoi_bo_nhiem"]
    assert "31/05/2028" in rows[old].warnings[0].reason and "không đủ" in rows[old].warnings[0].reason
    assert [x.code for x in rows[punished].warnings] == ["thoi_han_ky_luat"]
    assert "Cảnh cáo ngày 01/04/2025: 30 tháng, hết ngày 01/10/2027" in rows[punished].warnings[0].reason
    assert [x.code for x in rows[voted].warnings] == ["phieu_tin_nhiem"]
    assert "không quy hoạch vào chức danh cao hơn" in rows[voted].warnings[0].reason
    assert all(x.legal_source for r in rows.values() for x in r.warnings)
    # the list of a unit's subtree keeps the people of that subtree
    with demo_db.uow("t")() as uow:
        path = uow.session.get(m.OrgUnitRecord, unit_id).path  # type: ignore[union-attr]
    assert {old, punished, voted} <= {r.cadre_id for r in pl.planning_list(uowf, unit_path=path, on=ON)}


def test_a_list_of_a_hundred_is_checked_in_grouped_queries(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    with demo_db.uow("t")() as uow:
        ids = list(uow.session.scalars(select(m.CadreRecord.id).where(m.CadreRecord.status == "dang_cong_tac")
                                       .limit(100)))
    assert len(ids) == 100
    for cid in ids:
        pl.add_to_planning(uowf, cid, TERM, "pho_chu_tich_ubnd_xa", "QĐ 15-QĐ/HU", date(2026, 3, 1), role="clerk")
    with statements(demo_db) as seen:
        rows = pl.planning_list(uowf, term=TERM, on=ON)
    assert len(rows) == 100 and all(r.title_name == "Phó Chủ tịch UBND xã" for r in rows)
    assert sum(1 for r in rows if r.warnings) > 0  # the demo has people short of the standards
    assert len(seen) < 30, f"{len(seen)} statements for 100 planned people"
