"""The targets dashboard and the statistics on a small hand-made tree where every answer is known,
created the way a clerk creates it (units, records with their training lines), in a real SQLite file.

The tree (leaders in brackets):

    Tỉnh Thử (40)
    ├── Sở Nội vụ (40.S01)            [Giám đốc: woman; Phó giám đốc: man, 38] + a woman on the staff
    │   └── Phòng Công chức (40.S01.P1) [Trưởng phòng: man]             + a Tày man on the staff
    └── Xã Tân Lập (40.X01)            [5 men: Chủ tịch (non-local), Bí thư, 3 Phó chủ tịch]
                                       + an Ê Đê woman, a retired woman leader, a woman leader in the trash

Women leaders: Sở Nội vụ's subtree 1/3 = 33,33%, Xã Tân Lập 0/5 = 0%. The province is 1/8 = 12,5%: NOT
met (≥ 15%), although the average of its two units' percentages (16,67%) would say it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from canbo_desktop.db import models as m
from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.repositories import ReferenceRepository
from canbo_desktop.domain.cadre import Cadre, CadreFile, ListFilter, TrainingRow
from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import NotFound, ValidationError
from canbo_desktop.domain.rules.targets import evaluate_targets
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.records import save_cadre_file, trash_cadres
from canbo_desktop.services.refdata import load_reference_data
from canbo_desktop.services.rules import rule_book

TODAY = date.today()


def born(age: int) -> date:
    """A birth date giving ``age`` completed years today (and half a year more)."""
    return add_months(TODAY, -12 * age - 6)


def month_ago(months: int) -> str:
    d = add_months(TODAY, -months)
    return f"{d.year:04d}-{d.month:02d}"


@dataclass
class Tree:
    db: Database
    units: dict[str, str]  # code → id
    people: dict[str, str]  # short name → id


UNITS = [("40", "Tỉnh Thử", "tinh", None), ("40.S01", "Sở Nội vụ", "so_nganh", "40"),
         ("40.S01.P1", "Phòng Công chức", "phong_ban", "40.S01"), ("40.X01", "Xã Tân Lập", "xa", "40")]

# short name: (unit, name, sex, age, title, education, political theory, update training months ago, ethnicity,
#              hometown, status)
PEOPLE = {
    "a1": ("40.S01", "Lê Thị Hoa", "F", 45, "giam_doc_so", "thac_si", "cao_cap", 6, "01", "40", "dang_cong_tac"),
    "a2": ("40.S01", "Trần Văn Bình", "M", 38, "pho_giam_doc_so", "dai_hoc", "trung_cap", None, "01", "40",
           "dang_cong_tac"),
    "a3": ("40.S01", "Phạm Thị Lan", "F", 30, "", "dai_hoc", "", None, "01", "40", "dang_cong_tac"),
    "p1": ("40.S01.P1", "Đỗ Văn Cường", "M", 50, "truong_phong_so", "dai_hoc", "so_cap", 40, "01", "40",
           "dang_cong_tac"),
    "p2": ("40.S01.P1", "Nông Văn Dũng", "M", 28, "", "cao_dang", "", None, "02", "40", "dang_cong_tac"),
    "b1": ("40.X01", "Nguyễn Văn Hải", "M", 42, "chu_tich_ubnd_xa", "dai_hoc", "trung_cap", 20, "01", "38",
           "dang_cong_tac"),
    "b2": ("40.X01", "Hoàng Văn Khánh", "M", 55, "bi_thu_dang_uy_xa", "cao_dang", "cao_cap", 50, "01", "40",
           "dang_cong_tac"),
    "b3": ("40.X01", "Vũ Văn Long", "M", 33, "pho_chu_tich_ubnd_xa", "dai_hoc", "so_cap", 12, "01", "40",
           "dang_cong_tac"),
    "b4": ("40.X01", "Bùi Văn Minh", "M", 47, "pho_chu_tich_ubnd_xa", "dai_hoc", "trung_cap", None, "01", "40",
           "dang_cong_tac"),
    "b5": ("40.X01", "Đặng Văn Nam", "M", 59, "pho_chu_tich_ubnd_xa", "", "trung_cap", -1, "01", "40",
           "dang_cong_tac"),  # no education recorded; an update training line without a date (-1)
    "b6": ("40.X01", "H Nhi Êban", "F", 35, "", "trung_cap", "", None, "11", "40", "dang_cong_tac"),
    "b7": ("40.X01", "Lò Thị Oanh", "F", 61, "pho_chu_tich_ubnd_xa", "dai_hoc", "trung_cap", 3, "01", "40",
           "nghi_huu"),
    "b8": ("40.X01", "Mai Thị Phương", "F", 40, "pho_chu_tich_ubnd_xa", "dai_hoc", "trung_cap", 3, "01", "40",
           "dang_cong_tac"),  # put in the trash
}


def build_tree(db: Database) -> Tree:
    uowf = db.uow("canbo")
    ids: dict[str, str] = {}
    with uowf() as uow:
        load_reference_data(uow)
        for code, name, kind, parent in UNITS:
            rec = m.OrgUnitRecord(code=code, name=name, kind=kind, parent_id=ids.get(parent or ""), path="", depth=0)
            uow.session.add(rec)
            uow.session.flush()
            above = uow.session.get(m.OrgUnitRecord, ids[parent]) if parent else None
            parent_path = above.path if above is not None else "/"
            rec.path = f"{parent_path}{rec.id}/"
            rec.depth = rec.path.count("/") - 2
            ids[code] = rec.id
        uow.commit()
    people: dict[str, str] = {}
    for short, (unit, name, sex, age, title, edu, pol, trained, eth, home, status) in PEOPLE.items():
        training = []
        if trained is not None:
            training.append(TrainingRow(school="Trường Chính trị tỉnh", major="Bồi dưỡng cập nhật kiến thức",
                                        kind="cap_nhat_kien_thuc", to_date="" if trained < 0 else month_ago(trained)))
        cadre = Cadre(owner_unit_id=ids[unit], full_name=name, sex=sex, birth_date=born(age), title_code=title,
                      education_level=edu, political_theory=pol, ethnicity_code=eth, hometown_province_code=home,
                      status=status, current_position="Chuyên viên" if not title else title)
        people[short], _ = save_cadre_file(uowf, CadreFile(cadre=cadre, training=training))
    trash_cadres(uowf, [people["b8"]])
    return Tree(db, ids, people)


@pytest.fixture
def tree(empty_db: Database) -> Iterator[Tree]:
    yield build_tree(empty_db)


def figures(report: reports_svc.r.TargetsReport, unit_id: str, code: str) -> tuple[int, int, float | None, bool | None]:
    row = report.row(unit_id, code)
    return row.numerator, row.denominator, row.value, row.met


def test_each_indicator_on_the_hand_made_tree(tree: Tree) -> None:
    report = reports_svc.targets_report(tree.db.uow("canbo"), unit_code="40")
    u = tree.units
    assert [x.code for x in report.units] == ["40", "40.S01", "40.S01.P1", "40.X01"]
    assert [row.level for row in report.for_unit(u["40.S01.P1"])][:1] == [2]
    # women leaders: summed, never averaged
    assert figures(report, u["40.S01"], "can_bo_nu") == (1, 3, 33.33, True)
    assert figures(report, u["40.S01.P1"], "can_bo_nu") == (0, 1, 0.0, False)
    assert figures(report, u["40.X01"], "can_bo_nu") == (0, 5, 0.0, False)
    assert figures(report, u["40"], "can_bo_nu") == (1, 8, 12.5, False)
    assert (33.33 + 0.0) / 2 >= 15  # what averaging the two units would have claimed
    # young leaders (under 40)
    assert figures(report, u["40"], "can_bo_tre") == (2, 8, 25.0, True)
    assert figures(report, u["40.X01"], "can_bo_tre") == (1, 5, 20.0, True)
    # university degree: the commune's vice-chairman without a recorded level is unknown, not a "no"
    assert figures(report, u["40.S01"], "trinh_do_dai_hoc") == (3, 3, 100.0, True)
    commune = report.row(u["40.X01"], "trinh_do_dai_hoc")
    assert (commune.numerator, commune.denominator, commune.unknown, commune.met) == (3, 5, 1, False)
    assert "1 người thiếu dữ liệu" in commune.message
    assert figures(report, u["40"], "trinh_do_dai_hoc") == (6, 8, 75.0, False)
    # political theory from trung cấp up
    assert figures(report, u["40.S01"], "llct_trung_cap") == (2, 3, 66.67, False)
    assert figures(report, u["40"], "llct_trung_cap") == (6, 8, 75.0, False)
    # knowledge update within 60 months: 50 months ago still counts; an undated line is unknown
    root_update = report.row(u["40"], "cap_nhat_kien_thuc")
    assert (root_update.numerator, root_update.denominator, root_update.unknown) == (5, 8, 1)
    # ethnic minorities among everyone in service (retired and trashed people are not counted)
    assert figures(report, u["40"], "dan_toc_thieu_so") == (2, 11, 18.18, None)
    assert figures(report, u["40.S01"], "dan_toc_thieu_so") == (1, 5, 20.0, None)
    # non-local key leaders: the chairman comes from another province, the party secretary does not
    assert figures(report, u["40.X01"], "chu_chot_khong_phai_nguoi_dia_phuong") == (1, 2, 50.0, None)
    assert figures(report, u["40.S01"], "chu_chot_khong_phai_nguoi_dia_phuong") == (0, 0, None, None)
    assert report.row(u["40.S01"], "chu_chot_khong_phai_nguoi_dia_phuong").message == "Không có đối tượng thuộc mẫu số."
    women = report.row(u["40"], "can_bo_nu")
    assert women.message.startswith("1/8 = 12,5%: chưa đạt (chỉ tiêu ≥ 15% đến 31/12/2025).")
    assert women.overdue == (TODAY > date(2025, 12, 31))


def test_the_dashboard_agrees_with_the_python_evaluator_for_every_unit(tree: Tree) -> None:
    uowf = tree.db.uow("canbo")
    report = reports_svc.targets_report(uowf, unit_code="40")
    book = rule_book(uowf)
    with uowf() as uow:
        refs = ReferenceRepository(uow.session)
        ranks, _names = refs.ranks_and_names()
        titles = refs.titles()
        for unit in report.units:
            people = FactsRepository(uow.session).people(ListFilter(unit_path=unit.path))
            for e in evaluate_targets(people, TODAY, book, ranks=ranks, titles=titles):
                row = report.row(unit.id, e.code)
                assert (row.numerator, row.denominator, row.unknown, row.value, row.met, row.message) == (
                    e.numerator, e.denominator, len(e.unknown_ids), e.percent, e.met, e.message)


def test_a_unit_report_is_its_subtree_of_the_whole(tree: Tree) -> None:
    uowf = tree.db.uow("canbo")
    whole = reports_svc.targets_report(uowf, unit_code="40")
    part = reports_svc.targets_report(uowf, unit_code="40.S01")
    assert [u.code for u in part.units] == ["40.S01", "40.S01.P1"] and part.root.code == "40.S01"
    for row in part.rows:
        same = whole.row(row.unit_id, row.indicator)
        assert (row.numerator, row.denominator, row.unknown, row.value) == (
            same.numerator, same.denominator, same.unknown, same.value)
        assert row.level == same.level - 1
    shallow = reports_svc.targets_report(uowf, unit_code="40", max_level=1)
    assert [u.code for u in shallow.units] == ["40", "40.S01", "40.X01"]
    assert shallow.row(tree.units["40"], "can_bo_nu").denominator == 8  # still the whole subtree


def test_drill_down_lists_the_people_behind_each_number(tree: Tree) -> None:
    uowf = tree.db.uow("canbo")
    p = tree.people

    def names(part: str, unit: str = "40", code: str = "can_bo_nu") -> set[str]:
        return {x.id for x in reports_svc.target_people(uowf, code, unit_code=unit, part=part)}

    assert names("numerator") == {p["a1"]}
    assert names("denominator") == {p[k] for k in ("a1", "a2", "p1", "b1", "b2", "b3", "b4", "b5")}
    assert names("not_met") == names("denominator") - {p["a1"]}
    assert names("denominator", unit="40.X01") == {p[k] for k in ("b1", "b2", "b3", "b4", "b5")}
    assert names("unknown", code="trinh_do_dai_hoc") == {p["b5"]}
    assert names("unknown", code="cap_nhat_kien_thuc") == {p["b5"]}
    assert names("excluded") == set()
    people = reports_svc.target_people(uowf, "dan_toc_thieu_so", unit_code="40", part="numerator")
    assert {(x.full_name, x.unit_code) for x in people} == {("Nông Văn Dũng", "40.S01.P1"), ("H Nhi Êban", "40.X01")}
    with pytest.raises(ValidationError, match="Không có phần"):
        reports_svc.target_people(uowf, "can_bo_nu", unit_code="40", part="tat_ca")
    with pytest.raises(NotFound, match="Không có chỉ tiêu"):
        reports_svc.target_people(uowf, "khong_co", unit_code="40")
    with pytest.raises(NotFound, match="Không tìm thấy đơn vị"):
        reports_svc.targets_report(uowf, unit_code="99.X99")


def test_statistics_on_the_hand_made_tree(tree: Tree) -> None:
    report = reports_svc.statistics_report(tree.db.uow("canbo"), unit_code="40", depth=2)
    q = report.table("so_luong_chat_luong")
    labels = [(row.stt, row.label, row.kind) for row in q.rows]
    assert labels == [("1", "Sở Nội vụ", "unit"), ("1.1", "Phòng Công chức", "unit"),
                      ("1.2", "Trực tiếp tại Sở Nội vụ", "direct"), ("2", "Xã Tân Lập", "unit"),
                      ("", "Tổng cộng", "total")]
    total = q.total()
    assert q.value(total, "total") == 11
    assert q.value(total, "female") == 3  # a1, a3, b6: the retired and the trashed women are not counted
    assert q.value(total, "minority") == 2
    assert q.value(total, "edu_ths") == 1 and q.value(total, "edu_dh") == 6 and q.value(total, "edu_cd") == 2
    assert q.value(total, "pol_cc") == 2 and q.value(total, "pol_tc") == 4 and q.value(total, "pol_sc") == 2
    assert q.value(total, "age_le_30") == 2  # 28 and 30
    assert q.value(total, "age_51_60") == 2 and q.value(total, "age_tren_60") == 0
    rows = {row.label: row for row in q.rows}
    # the rows under the department add up to it
    assert q.value(rows["Sở Nội vụ"], "total") == 5 == (q.value(rows["Phòng Công chức"], "total")
                                                          + q.value(rows["Trực tiếp tại Sở Nội vụ"], "total"))
    # a breakdown adds up to the total on every row, unrecorded values included
    for table in report.tables[1:]:
        for row in table.rows:
            assert sum(row.values[1:]) == row.values[0], (table.key, row.label)
    sex = report.table("sex")
    assert [c.label for c in sex.columns] == ["Tổng số", "Nam", "Nữ"]
    assert sex.total().values == (11, 8, 3)
    edu = report.table("education")
    assert "Chưa ghi" in [c.label for c in edu.columns] and edu.value(edu.total(), "not_recorded") == 1
    ethnic = report.table("ethnicity")
    assert [c.label for c in ethnic.columns][1:] == ["Kinh", "Tày", "Ê Đê"]
    shallow = reports_svc.statistics_report(tree.db.uow("canbo"), unit_code="40")
    assert [row.label for row in shallow.table("sex").rows] == ["Sở Nội vụ", "Xã Tân Lập", "Tổng cộng"]


def test_the_dashboard_of_the_demo_district_agrees_with_the_python_evaluator(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    report = reports_svc.targets_report(uowf)  # this office by default
    book = rule_book(uowf)
    with uowf() as uow:
        refs = ReferenceRepository(uow.session)
        ranks, _names = refs.ranks_and_names()
        people = FactsRepository(uow.session).people(ListFilter(unit_path=report.root.path))
        expected = evaluate_targets(people, TODAY, book, ranks=ranks, titles=refs.titles())
    assert report.root.code == "40.D01" and len(report.units) > 20
    for e in expected:
        row = report.row(report.root.id, e.code)
        assert (row.numerator, row.denominator, row.value, row.met) == (e.numerator, e.denominator, e.percent, e.met)
    viet = search_cadres(uowf, "Đặng Quốc Việt")[0]
    denominators = {x.id for x in reports_svc.target_people(uowf, "dan_toc_thieu_so", part="denominator")}
    assert viet.id in denominators
