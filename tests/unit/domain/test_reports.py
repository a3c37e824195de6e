"""Report arithmetic on the tree (pure): subtree figures are summed counts, never averaged percentages;
thresholds are judged exactly; statistics rows add up as the forms require."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain import reports as r

from .vietnamese import PROPERTY

ON = date(2025, 6, 30)
WOMEN = r.IndicatorInfo("can_bo_nu", "Tỷ lệ cán bộ nữ", 15.0, ">=", date(2025, 12, 31), "KH 177", "")
AT_MOST = r.IndicatorInfo("qua_tuoi", "Tỷ lệ quá tuổi", 10.0, "<=", None, "", "")
INFO = r.IndicatorInfo("dan_toc", "Tỷ lệ dân tộc thiểu số", None, ">=", None, "", "")


def unit(uid: str, parent: str | None, path: str, code: str = "", order: int = 0) -> r.UnitNode:
    return r.UnitNode(uid, code or uid.upper(), f"Đơn vị {uid}", parent, path, path.count("/") - 2, order)


# province P with a department D (and its office O) and a commune X
P = unit("p", None, "/p/")
D = unit("d", "p", "/p/d/", "40.S01")
OFFICE = unit("o", "d", "/p/d/o/", "40.S01.P1")
X = unit("x", "p", "/p/x/", "40.X01")
TREE = [X, OFFICE, P, D]  # any order


def counts(**per_unit: tuple[int, int]) -> dict[str, list[int]]:
    return {u: r.pack_counts([WOMEN], {"can_bo_nu": r.TargetCount(n, d)}) for u, (n, d) in per_unit.items()}


def test_a_subtree_sums_numerators_and_denominators_it_never_averages() -> None:
    report = r.build_targets_report(ON, False, P, TREE, [WOMEN], counts(d=(1, 2), x=(0, 10)))
    assert report.row("d", "can_bo_nu").value == 50.0 and report.row("x", "can_bo_nu").value == 0.0
    province = report.row("p", "can_bo_nu")
    assert (province.numerator, province.denominator, province.value) == (1, 12, 8.33)
    assert province.met is False  # the average of 50% and 0% (25%) would have said "met"
    assert report.row("o", "can_bo_nu").denominator == 0 and report.row("o", "can_bo_nu").value is None


def test_people_of_a_parent_unit_itself_count_in_its_subtree() -> None:
    report = r.build_targets_report(ON, False, P, TREE, [WOMEN], counts(p=(1, 1), d=(1, 3), o=(2, 2)))
    assert report.row("d", "can_bo_nu")[6:8] == (3, 5)
    assert report.row("p", "can_bo_nu")[6:8] == (4, 6)


def test_rows_follow_the_tree_order_and_levels() -> None:
    report = r.build_targets_report(ON, False, P, TREE, [WOMEN, INFO], {})
    assert [u.id for u in report.units] == ["p", "d", "o", "x"]
    assert [(row.unit_id, row.level, row.indicator) for row in report.rows[:3]] == [
        ("p", 0, "can_bo_nu"), ("p", 0, "dan_toc"), ("d", 1, "can_bo_nu")]
    sub = r.build_targets_report(ON, False, D, TREE, [WOMEN], {}, max_level=0)
    assert [u.id for u in sub.units] == ["d"]
    assert [row.unit_id for row in sub.for_unit("d")] == ["d"]


def test_a_cell_asked_for_alone_is_the_row_of_the_whole_report() -> None:
    """The dashboard asks for the cells it shows (row, for_unit) without making every row of the province;
    each is the row the exports read from ``rows``, and an unknown unit or indicator is a KeyError."""
    report = r.build_targets_report(date(2026, 1, 1), False, P, TREE, [WOMEN, AT_MOST, INFO],
                                    {u: [1, 2, 0, 1, 0, 3, 1, 0, 2, 2, 0, 0] for u in ("p", "d", "o", "x")})
    cells = [report.row(u.id, i.code) for u in report.units for i in report.indicators]
    assert "rows" not in report.__dict__  # nothing made in advance
    assert cells == list(report.rows)
    assert report.for_unit("d") == [x for x in report.rows if x.unit_id == "d"]
    women = report.row("p", "can_bo_nu")  # the whole subtree: 4 women of 8
    assert (women.numerator, women.denominator, women.met, women.overdue) == (4, 8, True, False)
    assert report.for_unit("nowhere") == []
    for bad in (("nowhere", "can_bo_nu"), ("p", "no_such_indicator")):
        try:
            report.row(*bad)
        except KeyError:
            continue
        raise AssertionError(f"{bad} gave a row")


def test_thresholds_are_judged_exactly_not_on_rounded_percentages() -> None:
    def met(n: int, d: int, threshold: float, comparison: str = ">=") -> tuple[float | None, bool | None]:
        ind = r.IndicatorInfo("t", "t", threshold, comparison, None, "", "")
        row = r.target_row(ind, P, 0, r.TargetCount(n, d), ON)
        return row.value, row.met

    assert met(3, 20, 15) == (15.0, True)  # exactly at the threshold
    assert met(1, 7, 14.29) == (14.29, False)  # 14.2857…% shows as 14,29% but is below 14,29%
    assert met(1, 7, 14.28) == (14.29, True)
    assert met(1, 10, 10, "<=") == (10.0, True) and met(2, 10, 10, "<=") == (20.0, False)
    assert met(0, 0, 15) == (None, None)


def test_the_sentence_under_each_number() -> None:
    late = r.target_row(WOMEN, P, 0, r.TargetCount(1, 12, unknown=2, excluded=1), date(2026, 3, 1))
    assert late.message == ("1/12 = 8,33%: chưa đạt (chỉ tiêu ≥ 15% đến 31/12/2025). Đã quá hạn. 2 người thiếu dữ "
                            "liệu, chưa tính vào tử số. 1 người thiếu dữ liệu để xác định mẫu số, chưa tính.")
    assert late.overdue and not r.target_row(WOMEN, P, 0, r.TargetCount(1, 12), ON).overdue
    assert r.target_row(INFO, P, 0, r.TargetCount(2, 11), ON).message == "2/11 = 18,18% (chỉ tiêu theo dõi, không có ngưỡng)."
    assert r.verdict(True, 15) == "Đạt" and r.verdict(False, 15) == "Chưa đạt" and r.verdict(None, None) == "Theo dõi"
    assert r.percent_text(12.5) == "12,5%" and r.percent_text(100) == "100%"


def test_trend_dates_are_year_ends_then_the_day_itself() -> None:
    assert r.trend_dates(date(2026, 11, 22), 3) == [date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31),
                                                    date(2026, 11, 22)]


@PROPERTY
@given(parents=st.lists(st.integers(0, 30), max_size=25), data=st.data())
def test_every_unit_is_the_sum_of_its_own_people_and_its_subunits(parents: list[int], data: st.DataObject) -> None:
    units = [unit("u0", None, "/u0/")]
    for i, p in enumerate(parents, start=1):
        parent = units[p % len(units)]
        units.append(unit(f"u{i}", parent.id, f"{parent.path}u{i}/"))
    own = {u.id: data.draw(st.integers(0, 9)) for u in units}
    total = r.roll_up(units, own, 0, lambda a, b: a + b)
    for u in units:
        below = [v for v in units if v.path.startswith(u.path)]
        assert total[u.id] == sum(own[v.id] for v in below)


def labels() -> r.CodeLabels:
    return r.CodeLabels(lists={"ethnicity": [("01", "Kinh"), ("02", "Tày"), ("11", "Ê Đê"), ("55", "Người nước ngoài")],
                               "religion": [("khong", "Không"), ("phat_giao", "Phật giáo")],
                               "education": [("tien_si_khoa_hoc", "Tiến sĩ khoa học"), ("tien_si", "Tiến sĩ"),
                                             ("thac_si", "Thạc sĩ"), ("dai_hoc", "Đại học")],
                               "category": [("cong_chuc", "Công chức")], "political": [], "state_mgmt": []},
                        grade_classes={"01.001": "A3.1", "01.002": "A2.1", "01.003": "A1", "01.004": "A0",
                                       "01.005": "B", "cb_xa_1": "CBX1"})


def test_statistics_rows_add_up_and_follow_the_form() -> None:
    direct = {
        "d": {"total": 3, "sex:F": 2, "sex:M": 1, "ethnicity:01": 2, "ethnicity:02": 1, "education:tien_si": 1,
              "education:tien_si_khoa_hoc": 1, "education:": 1, "grade:01.002": 1, "grade:cb_xa_1": 1, "grade:": 1,
              "religion:khong": 2, "religion:phat_giao": 1, "party:yes": 1, "party:no": 2, "age:le_30": 3},
        "o": {"total": 1, "sex:M": 1, "ethnicity:11": 1, "education:dai_hoc": 1, "grade:01.003": 1,
              "religion:khong": 1, "party:no": 1, "age:51_60": 1},
        "x": {"total": 2, "sex:F": 2, "ethnicity:01": 1, "ethnicity:": 1, "education:thac_si": 2, "grade:ma_la": 2,
              "religion:khong": 2, "party:yes": 2, "age:": 2},
    }
    report = r.build_statistics(ON, False, P, TREE, direct, labels(), depth=2)
    form = report.table("so_luong_chat_luong")
    assert [(row.stt, row.label, row.level) for row in form.rows] == [
        ("1", "Đơn vị d", 0), ("1.1", "Đơn vị o", 1), ("1.2", "Trực tiếp tại Đơn vị d", 1), ("2", "Đơn vị x", 0),
        ("", "Tổng cộng", 0)]
    total = form.total()
    assert form.value(total, "total") == 6 and form.value(total, "female") == 4
    assert form.value(total, "minority") == 2  # Tày and Ê Đê; the unrecorded one is not counted
    assert form.value(total, "religion") == 1
    assert form.value(total, "edu_ts") == 2  # Tiến sĩ khoa học counts with Tiến sĩ
    assert form.value(total, "grade_cvc") == 1 and form.value(total, "grade_cv") == 1
    grade = report.table("grade")
    assert grade.value(grade.total(), "other") == 3 and grade.value(grade.total(), "not_recorded") == 1
    ethnic = report.table("ethnicity")
    assert [c.label for c in ethnic.columns] == ["Tổng số", "Kinh", "Tày", "Ê Đê", "Chưa ghi"]  # present ones only
    for table in report.tables[1:]:
        for row in table.rows:
            assert sum(row.values[1:]) == row.values[0], (table.key, row.label)
    shallow = r.build_statistics(ON, False, P, TREE, direct, labels())
    assert [row.label for row in shallow.table("sex").rows] == ["Đơn vị d", "Đơn vị x", "Tổng cộng"]


def test_grade_groups_follow_the_salary_class() -> None:
    assert [r.grade_group(c) for c in ("A3.1", "A3.2", "A2.2", "A1", "A0", "B", "C", "CBX1", "")] == [
        "cvcc", "cvcc", "cvc", "cv", "cs", "nv", "nv", "", ""]
