"""Training: courses, enrolment into the CV's training table, completion with the certificate, and the
completed training feeding the qualification standards and the targets."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.repositories import ReferenceRepository
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.errors import PermissionDenied, ValidationError
from canbo_desktop.domain.rules.targets import evaluate_targets
from canbo_desktop.services import eligibility as elig
from canbo_desktop.services import rules as rules_svc
from canbo_desktop.services import training as tr
from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.services.database import Database
from canbo_desktop.services.records import save_cadre_file

ON = date(2026, 11, 20)


def person(db: Database, name: str, political_theory: str, *, leader: bool = True) -> str:
    with db.uow("t")() as uow:
        unit = str(uow.session.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.kind == "xa")).first())
    c = d.Cadre(owner_unit_id=unit, full_name=name, sex="M", birth_date=date(1982, 3, 4),
                title_code="truong_phong_xa" if leader else "", position_start_date=date(2020, 1, 1) if leader else None,
                current_position="Trưởng phòng" if leader else "Chuyên viên", education_level="dai_hoc",
                political_theory=political_theory, state_mgmt="chuyen_vien")
    cid, _ = save_cadre_file(db.uow("t"), d.CadreFile(cadre=c), today=ON)
    return cid


def targets(db: Database, ids: list[str], on: date) -> dict[str, tuple[set[str], set[str]]]:
    """indicator → (numerator ids, denominator ids) over these people."""
    with db.uow("t")() as uow:
        people = FactsRepository(uow.session).people(ids=ids)
        refs = ReferenceRepository(uow.session)
        ranks, _ = refs.ranks_and_names()
        titles = refs.titles()
    results = evaluate_targets(people, on, rules_svc.rule_book(db.uow("t")), ranks=ranks, titles=titles)
    return {r.code: (set(r.numerator_ids), set(r.denominator_ids)) for r in results}


def test_a_political_theory_course_raises_the_qualification_and_feeds_standards_and_targets(
        demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    low, high, none = (person(demo_db, "Nguyễn Văn Sơ Cấp", "so_cap"), person(demo_db, "Trần Văn Cao Cấp", "cao_cap"),
                       person(demo_db, "Lê Thị Chưa Học", "", leader=False))
    assert elig.eligibility(uowf, low, "chu_tich_ubnd_xa", ON).result("tieu_chuan_llct").status == "fail"
    assert low not in targets(demo_db, [low, high], ON)["llct_trung_cap"][0]

    cid, _ = tr.create_course(uowf, w.CourseInput(
        "Lớp Trung cấp lý luận chính trị – hành chính K45", "ly_luan_chinh_tri", "Trường Chính trị tỉnh Nghệ An",
        date(2026, 1, 5), date(2026, 10, 30), "Bằng tốt nghiệp Trung cấp lý luận chính trị - hành chính"),
        role="clerk")
    course = tr.course_view(uowf, cid)
    assert (course.kind_label, course.level_code, course.level_name, course.raises_field) == (
        "Lý luận chính trị", "trung_cap", "Trung cấp", "political_theory")
    tr.enrol(uowf, cid, [low, high, none], role="clerk")
    with pytest.raises(ValidationError, match="Đã có trong khoá học: Nguyễn Văn Sơ Cấp"):
        tr.enrol(uowf, cid, [low], role="clerk")
    course = tr.course_view(uowf, cid)
    assert (course.enrolled, course.completed) == (3, 0)
    line = [t for t in cadre_file(uowf, low).training if t.course_id == cid][0]  # the CV's table has the line
    assert (line.school, line.kind, line.from_date, line.to_date) == (
        "Trường Chính trị tỉnh Nghệ An", "ly_luan_chinh_tri", "2026-01", "")
    assert cadre_file(uowf, low).cadre.political_theory == "so_cap"  # enrolled is not trained

    by = {e.cadre_id: e.training_id for e in course.enrolments}
    with pytest.raises(ValidationError, match="trước ngày khai giảng"):
        tr.complete_training(uowf, [by[low]], date(2025, 12, 1), role="clerk")
    tr.complete_training(uowf, [by[low], by[high], by[none]], date(2026, 10, 30), role="clerk")
    assert cadre_file(uowf, low).cadre.political_theory == "trung_cap"
    assert cadre_file(uowf, high).cadre.political_theory == "cao_cap"  # training never lowers a qualification
    assert cadre_file(uowf, none).cadre.political_theory == "trung_cap"
    line = [t for t in cadre_file(uowf, low).training if t.course_id == cid][0]
    assert (line.to_date, line.level_code) == ("2026-10-30", "trung_cap")
    assert line.certificate.startswith("Bằng tốt nghiệp Trung cấp")
    assert tr.course_view(uowf, cid).completed == 3
    assert elig.eligibility(uowf, low, "chu_tich_ubnd_xa", ON).result("tieu_chuan_llct").status == "pass"
    num, den = targets(demo_db, [low, high, none], ON)["llct_trung_cap"]
    assert {low, high} <= num and den == {low, high}  # leaders only in the denominator
    with pytest.raises(ValidationError, match="đã hoàn thành"):
        tr.withdraw(uowf, by[low], role="clerk")


def test_knowledge_update_training_of_leaders(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    a, b = person(demo_db, "Phan Văn Cập Nhật", "trung_cap"), person(demo_db, "Võ Văn Chưa Cập Nhật", "trung_cap")
    due = {x.cadre_id: x for x in tr.leaders_update_training(uowf, ON)}
    assert due[a].due and due[a].last_update_training is None and due[a].current_position == "Trưởng phòng"
    cid, _ = tr.create_course(uowf, w.CourseInput("Bồi dưỡng cập nhật kiến thức cho lãnh đạo cấp phòng 2026",
                                                  "cap_nhat_kien_thuc", "Trường Chính trị tỉnh", date(2026, 5, 4),
                                                  date(2026, 5, 8), "Giấy chứng nhận"), role="clerk")
    course = tr.course_view(uowf, cid)
    assert course.level_code == "" and course.raises_field == ""  # a knowledge update changes no qualification
    tr.enrol(uowf, cid, [a, b], role="clerk")
    enrolled = {e.cadre_id: e.training_id for e in tr.course_view(uowf, cid).enrolments}
    assert a not in targets(demo_db, [a, b], ON)["cap_nhat_kien_thuc"][0]
    tr.complete_training(uowf, [enrolled[a]], date(2026, 5, 8), role="clerk")
    tr.withdraw(uowf, enrolled[b], role="clerk")  # b did not attend: the line leaves the CV
    assert [t for t in cadre_file(uowf, b).training if t.course_id == cid] == []
    rows = {x.cadre_id: x for x in tr.leaders_update_training(uowf, ON)}
    assert not rows[a].due and rows[a].last_update_training == date(2026, 5, 8)
    assert rows[b].due
    assert b in {x.cadre_id for x in tr.leaders_update_training(uowf, ON, only_due=True)}
    assert a in targets(demo_db, [a, b], ON)["cap_nhat_kien_thuc"][0]
    # five years later the update is due again (the target counts the last 60 months)
    assert {x.cadre_id: x.due for x in tr.leaders_update_training(uowf, date(2031, 5, 9))}[a]


def test_courses_are_validated(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    with pytest.raises(ValidationError) as err:
        tr.create_course(uowf, w.CourseInput(" ", "khong_co", start_date=date(2026, 5, 1), end_date=date(2026, 4, 1)),
                         role="clerk")
    assert set(err.value.fields) == {"name", "kind", "end_date"}
    with pytest.raises(ValidationError, match="ghi trình độ «Sơ cấp», khác trình độ đã chọn «Cao cấp»"):
        tr.create_course(uowf, w.CourseInput("Lớp LLCT", "ly_luan_chinh_tri", certificate="Sơ cấp LLCT",
                                             level_code="cao_cap"), role="clerk")
    cid, _ = tr.create_course(uowf, w.CourseInput("Bồi dưỡng ngạch chuyên viên chính", "quan_ly_nha_nuoc",
                                                  level_code="chuyen_vien_chinh"), role="clerk")
    v = tr.course_view(uowf, cid)
    assert (v.certificate, v.level_code, v.raises_field) == ("Chuyên viên chính", "chuyen_vien_chinh", "state_mgmt")
    assert [c.id for c in tr.list_courses(uowf, kind="quan_ly_nha_nuoc")] == [cid]
    with pytest.raises(PermissionDenied):
        tr.create_course(demo_db.uow("xem"), w.CourseInput("Lớp", "tin_hoc"), role="viewer")
    with pytest.raises(ValidationError, match="Chưa chọn người học"):
        tr.enrol(uowf, cid, [], role="clerk")
