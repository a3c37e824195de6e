"""The pure side of the workflows: procedure steps (quorum, threshold), the policy deadlines, the dossier
checklist, what blocks completion, planning terms, certificate levels, products as task items, votes."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleVersion
from canbo_desktop.domain.rules.eligibility import EligibilityReport, RuleResult
from canbo_desktop.domain.rules.evaluation import task_score

from .rules.conftest import load_shipped_book
from .vietnamese import PROPERTY

BOOK = load_shipped_book()
ON = date(2026, 11, 2)


def internal() -> w.ProcedureSpec:
    return w.procedure_spec(BOOK, "appointment", "internal", ON)


def meeting(convened: int = 9, present: int = 8, agree: int = 5, valid: int | None = None) -> w.StepInput:
    v = present if valid is None else valid
    return w.StepInput(ON, convened, present, present, present, v, agree, max(0, v - agree))


# ------------------------------------------------------------------------------------------ the rule


def test_shipped_procedures_have_the_steps_of_domain_md() -> None:
    spec = internal()
    assert len(spec.steps) == 5 and spec.policy_required and spec.blocks("quy_hoach")
    assert [s.ballot for s in spec.steps] == [False, True, True, True, True]
    assert [s.threshold for s in spec.steps] == [None, None, Fraction(1, 2), None, Fraction(1, 2)]
    assert "không công bố" in spec.steps[1].name and not spec.steps[1].announce and spec.steps[2].announce
    assert spec.quorum_fraction == Fraction(2, 3)
    assert (spec.decision_working_days, spec.process_working_days) == (15, 30)
    assert len(spec.documents) == 10 and spec.decision_kind == "bo_nhiem"
    external = w.procedure_spec(BOOK, "appointment", "external", ON)
    assert len(external.steps) == 3 and external.steps[-1].threshold == Fraction(1, 2)
    re = w.procedure_spec(BOOK, "reappointment", "internal", ON)
    assert re.decision_kind == "bo_nhiem_lai" and not re.policy_required
    assert not re.blocks("quy_hoach") and re.blocks("ket_qua_danh_gia")
    dismissal = w.procedure_spec(BOOK, "dismissal", "internal", ON)
    assert dismissal.decision_kind == "mien_nhiem" and dismissal.eligibility_blocking == ()
    assert all(s.legal_source for s in (spec, external, re, dismissal))


def test_unknown_kind_or_source_is_refused_in_vietnamese() -> None:
    with pytest.raises(ValidationError, match="Loại quy trình"):
        w.procedure_spec(BOOK, "promotion", "internal", ON)
    with pytest.raises(ValidationError, match="Nguồn nhân sự"):
        w.procedure_spec(BOOK, "appointment", "abroad", ON)
    with pytest.raises(ValidationError, match="không có bước 6"):
        internal().step(6)


def test_an_admin_edit_of_the_threshold_applies_from_its_date() -> None:
    shipped = BOOK.version(w.PROCEDURE_RULE, ON)
    params = dict(shipped.params)
    procs = dict(params["procedures"])
    spec = dict(procs["appointment_internal"])
    spec["steps"] = [dict(s, threshold="2/3") if s["threshold"] else s for s in spec["steps"]]
    procs["appointment_internal"] = spec
    params["procedures"] = procs
    book = BOOK.with_versions(RuleVersion(w.PROCEDURE_RULE, date(2027, 1, 1), params, legal_source="QĐ thử"))
    assert w.procedure_spec(book, "appointment", "internal", date(2026, 12, 31)).steps[2].threshold == Fraction(1, 2)
    assert w.procedure_spec(book, "appointment", "internal", date(2027, 1, 1)).steps[2].threshold == Fraction(2, 3)


# ------------------------------------------------------------------------------------------ steps


@pytest.mark.parametrize(("convened", "present", "agree", "status"), [
    (9, 6, 5, "pass"),  # 6/9 present = exactly 2/3: valid; 5/9 > 1/2
    (9, 5, 5, "fail"),  # 5/9 present: the conference is not valid, whatever the votes
    (10, 10, 5, "fail"),  # exactly half of the collective is not "more than half"
    (10, 10, 6, "pass"),
    (10, 7, 6, "pass"),  # the basis is the members convened, not those present: 6/10
    (10, 7, 5, "fail"),  # 5/7 of those present would pass, 5/10 does not
])
def test_a_deciding_step_needs_two_thirds_present_and_more_than_half_of_the_collective(
        convened: int, present: int, agree: int, status: str) -> None:
    step = internal().step(3)
    got, reasons = w.assess_step(step, meeting(convened, present, agree), Fraction(2, 3))
    assert got == status
    assert f"{present}/{convened}" in reasons[1]
    if status == "fail" and present * 3 < convened * 2:
        assert "không hợp lệ" in reasons[-1]
    elif status == "fail":
        assert reasons[-1].endswith("không đạt.") and f"Đồng ý {agree}/{convened}" in reasons[-1]


def test_a_nomination_step_is_recorded_and_a_missing_step_is_pending() -> None:
    step = internal().step(2)  # results not announced, no threshold
    assert w.assess_step(step, meeting(agree=1), Fraction(2, 3))[0] == "recorded"
    assert w.assess_step(step, None, Fraction(2, 3)) == ("pending", ("Chưa thực hiện.",))
    assert w.assess_step(step, meeting(present=5), Fraction(2, 3))[0] == "fail"


@given(convened=st.integers(1, 500), present=st.integers(0, 500), agree=st.integers(0, 500))
@PROPERTY
def test_step_outcome_is_exact_arithmetic(convened: int, present: int, agree: int) -> None:
    present = min(present, convened)
    agree = min(agree, present)
    status, _ = w.assess_step(internal().step(5), meeting(convened, present, agree), Fraction(2, 3))
    quorum = 3 * present >= 2 * convened
    assert status == ("pass" if quorum and 2 * agree > convened else "fail")


def test_impossible_counts_are_named_field_by_field() -> None:
    step = internal().step(3)
    errors = w.validate_step(step, w.StepInput(ON, 9, 10, 10, 11, 12, 8, 5))
    assert errors["present"].startswith("Số người có mặt (10) lớn hơn")
    assert "ballots_issued" not in errors and errors["ballots_returned"].startswith("Số phiếu thu vào (11)")
    assert errors["ballots_valid"].startswith("Số phiếu hợp lệ (12)")
    assert "agree" in errors
    missing = w.validate_step(step, w.StepInput(None, 9, 8))
    assert {"held_on", "ballots_issued", "agree"} <= set(missing)
    assert w.validate_step(internal().step(1), w.StepInput(ON, 9, 8)) == {}  # no ballot at step 1
    assert "convened" in w.validate_step(step, w.StepInput(ON, -1, 0, 0, 0, 0, 0, 0))


# ------------------------------------------------------------------------------------------ policy


def test_policy_deadlines_are_counted_in_working_days() -> None:
    spec = internal()
    # Monday 02/11/2026 + 15 working days = Monday 23/11/2026; approved 10/11 + 30 working days = 22/12/2026
    v = w.policy_view(True, "CV 120", date(2026, 11, 2), date(2026, 11, 10), spec, BOOK,
                      last_step_on=date(2026, 11, 20), on=date(2026, 11, 21))
    assert (v.decision_due, v.process_due, v.late) == (date(2026, 11, 23), date(2026, 12, 22), False)
    assert "23/11/2026" in v.reasons[0] and "đúng hạn" in v.reasons[1]
    late = w.policy_view(True, "CV 120", date(2026, 11, 2), date(2026, 11, 30), spec, BOOK,
                         last_step_on=None, on=date(2027, 2, 1))
    assert late.late and "chậm" in late.reasons[0] and "báo cáo lý do" in late.reasons[1]
    waiting = w.policy_view(True, "", None, None, spec, BOOK, last_step_on=None, on=ON)
    assert waiting.reasons == ("Chưa có chủ trương được cấp có thẩm quyền phê duyệt.",)


# ------------------------------------------------------------------------------------------ checklist, blockers

KINDS = [w.DocumentKind("to_trinh", "Tờ trình đề nghị bổ nhiệm", 1),
         w.DocumentKind("giay_kham_suc_khoe", "Giấy chứng nhận sức khỏe", 10, 6),
         w.DocumentKind("ke_khai_tai_san", "Bản kê khai tài sản, thu nhập", 8)]


def test_the_checklist_in_legal_order_with_expiry_and_the_record_hint() -> None:
    states = {"giay_kham_suc_khoe": w.DocumentState(True, date(2026, 5, 1), "")}
    items = w.checklist(KINDS, ["to_trinh", "giay_kham_suc_khoe"], states,
                        {"ke_khai_tai_san": date(2026, 2, 15)}, date(2026, 11, 2))
    assert [i.item_no for i in items] == [1, 8, 10]
    by = {i.code: i for i in items}
    assert by["to_trinh"].status == "missing" and by["to_trinh"].required
    assert by["ke_khai_tai_san"].status == "missing" and not by["ke_khai_tai_san"].required
    assert "15/02/2026" in by["ke_khai_tai_san"].reason  # the record has one: the clerk is told
    assert by["giay_kham_suc_khoe"].status == "expired" and "01/11/2026" in by["giay_kham_suc_khoe"].reason
    fresh = w.checklist(KINDS, [], {"giay_kham_suc_khoe": w.DocumentState(True, date(2026, 5, 2), "")}, {},
                        date(2026, 11, 2))
    assert {i.code: i.status for i in fresh}["giay_kham_suc_khoe"] == "present"


def _report(*results: RuleResult) -> EligibilityReport:
    return EligibilityReport("c1", "chu_tich_ubnd_xa", ON, "higher", results, "fail", date(2022, 8, 18), "QĐ 80")


def test_what_blocks_completion_is_listed_and_overridden_or_unknown_conditions_do_not_block() -> None:
    spec = internal()
    policy = w.policy_view(True, "", None, None, spec, BOOK, last_step_on=None, on=ON)
    steps = [w.StepView(1, "Bước 1", False, ON, 9, 8, None, None, None, None, None, True, "", "recorded",
                        "Đã thực hiện", ("x",)),
             w.StepView(3, "Bước 3", True, ON, 10, 10, 10, 10, 10, 5, 5, True, "", "fail", "Không đạt",
                        ("Đồng ý 5/10 – không đạt.",)),
             w.StepView(5, "Bước 5", True, None, None, None, None, None, None, None, None, True, "", "pending",
                        "Chưa thực hiện", ("Chưa thực hiện.",))]
    items = w.checklist(KINDS, spec.documents, {}, {}, ON)
    report = _report(RuleResult("quy_hoach", "Quy hoạch", "fail", "Không có trong quy hoạch."),
                     RuleResult("tuoi_bo_nhiem", "Tuổi", "overridden", "Thiếu tuổi. Trường hợp đặc biệt: 12/TB"),
                     RuleResult("ket_qua_danh_gia", "Đánh giá", "unknown", "Chưa có kết quả năm 2025."))
    blockers, warnings = w.blockers_of(spec, policy, steps, items, report)
    text = "\n".join(blockers)
    assert "chủ trương" in blockers[0]
    assert "Bước 3: không đạt – Đồng ý 5/10" in text and "Bước 5: chưa thực hiện." in text
    assert "Bước 1" not in text
    assert "1. Tờ trình" in text and "10. Giấy chứng nhận sức khỏe" in text
    assert "«Quy hoạch» chưa đạt" in text and "Tuổi" not in text
    assert any("«Đánh giá» chưa xác định" in x for x in warnings)
    re = w.procedure_spec(BOOK, "reappointment", "internal", ON)
    blockers, _ = w.blockers_of(re, w.policy_view(False, "", None, None, re, BOOK, last_step_on=None, on=ON), [],
                                [], report)
    assert blockers == []  # planning is not a condition of re-appointment, and no policy is needed


# ------------------------------------------------------------------------------------------ planning terms


@pytest.mark.parametrize(("typed", "stored"), [("2025-2030", "2025-2030"), ("2026 – 2031", "2026-2031"),
                                                ("2020—2025", "2020-2025"), (" 2030/2035 ", "2030-2035")])
def test_planning_terms_are_stored_one_way(typed: str, stored: str) -> None:
    assert w.parse_term(typed) == stored


@pytest.mark.parametrize("typed", ["2025-2031", "2025", "nhiệm kỳ 2025-2030", "", "2030-2025"])
def test_a_term_that_is_not_five_years_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as err:
        w.parse_term(typed)
    assert "term" in err.value.fields and "Nhiệm kỳ" in err.value.message


@given(st.text(max_size=30))
@PROPERTY
def test_parse_term_never_crashes_and_round_trips(text: str) -> None:
    try:
        t = w.parse_term(text)
    except ValidationError:
        return
    assert w.parse_term(t) == t and int(t[5:]) - int(t[:4]) == 5


# ------------------------------------------------------------------------------------------ certificate levels

LLCT = [w.LevelItem("so_cap", "Sơ cấp", 1, ("Sơ cấp LLCT",)), w.LevelItem("trung_cap", "Trung cấp", 2,
                                                                         ("Trung cấp LLCT", "TCCT")),
        w.LevelItem("cao_cap", "Cao cấp", 3, ("Cao cấp LLCT",)), w.LevelItem("cu_nhan", "Cử nhân", 4, ())]
QLNN = [w.LevelItem("chuyen_vien", "Chuyên viên", 2), w.LevelItem("chuyen_vien_chinh", "Chuyên viên chính", 3),
        w.LevelItem("chuyen_vien_cao_cap", "Chuyên viên cao cấp", 4)]


@pytest.mark.parametrize(("text", "items", "code"), [
    ("Bằng tốt nghiệp Trung cấp lý luận chính trị - hành chính", LLCT, "trung_cap"),
    ("trung cap llct", LLCT, "trung_cap"),
    ("TCCT", LLCT, "trung_cap"),
    ("CAO CẤP", LLCT, "cao_cap"),
    ("cao_cap", LLCT, "cao_cap"),
    ("Chứng chỉ bồi dưỡng ngạch chuyên viên chính", QLNN, "chuyen_vien_chinh"),
    ("Chứng chỉ chương trình chuyên viên cao cấp", QLNN, "chuyen_vien_cao_cap"),
    ("Chứng chỉ chuyên viên", QLNN, "chuyen_vien"),
    ("Giấy chứng nhận", LLCT, None),
    ("", LLCT, None),
])
def test_the_level_a_certificate_states(text: str, items: list[w.LevelItem], code: str | None) -> None:
    got = w.resolve_level(text, items)
    assert (got.code if got else None) == code


# ------------------------------------------------------------------------------------------ products, scores


def test_products_become_task_items_with_their_shortfall() -> None:
    items = w.products_to_tasks([
        w.ProductInput("Hồ sơ cấp phép", "hồ sơ", assigned=10, delivered=8, quality_errors=1),
        w.ProductInput("Báo cáo quý", "báo cáo", assigned=4, delivered=5, delays=1),
        w.ProductInput("Đề án sắp xếp thôn"),
    ])
    assert [(i.weight, i.completed, i.major_errors, i.delays) for i in items] == [
        (8.0, True, 1, 0), (2.0, False, 0, 0), (4.0, True, 0, 1), (1.0, True, 0, 0)]
    score = task_score(items, 2026, BOOK)
    assert score.quantity_pct == pytest.approx(13 / 15 * 100, abs=0.01)


def test_component_score_and_numbers_typed_the_vietnamese_way() -> None:
    assert w.component_score({"quantity_pct": 100, "quality_pct": 90, "timeliness_pct": 80}, 70, 2) == 63.0
    assert w.component_score({"quantity_pct": 100, "quality_pct": 100, "timeliness_pct": 95}, 70, 2) == 68.83
    with pytest.raises(ValidationError, match="Chất lượng"):
        w.component_score({"quality_pct": 120}, 70, 2)
    assert w.parse_number("85,5", "Điểm") == 85.5 and w.parse_number(" ", "Điểm") is None
    assert w.parse_number(12, "Điểm") == 12.0
    with pytest.raises(ValidationError, match="không phải là số"):
        w.parse_number("tám", "Điểm")


@given(st.one_of(st.none(), st.text(max_size=12), st.floats(allow_nan=True), st.integers()))
@PROPERTY
def test_parse_number_gives_a_finite_number_none_or_a_vietnamese_error(value: object) -> None:
    try:
        got = w.parse_number(value, "Điểm")
    except ValidationError as exc:
        assert exc.message.startswith("Điểm")
        return
    assert got is None or got == got and got not in (float("inf"), float("-inf"))


def test_product_validation_says_what_is_wrong() -> None:
    errors = w.validate_product(w.ProductInput(" ", assigned=-1, quality_errors=-2))
    assert set(errors) == {"description", "assigned", "quality_errors"}


# ------------------------------------------------------------------------------------------ votes


def test_vote_counts_are_checked_per_person() -> None:
    rows = [w.VoteRowInput("a", 10, 5, 3), w.VoteRowInput("b", 10, 5, 6), w.VoteRowInput("a", 1, 1, 1)]
    errors = w.validate_vote(30, 20, rows)
    assert errors["rows.2"] == "Tổng số phiếu (21) lớn hơn số người có mặt (20)."
    assert errors["rows.3"] == "Một người được ghi hai lần." and "rows.1" not in errors
    errors = w.validate_vote(20, 25, [])
    assert errors["present"].startswith("Số người có mặt (25) lớn hơn") and "rows" in errors
    assert "convened" in w.validate_vote(0, 0, rows[:1])
