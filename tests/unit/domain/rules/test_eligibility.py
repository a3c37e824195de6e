"""Appointment eligibility: QĐ 80-QĐ/TW Đ.18 conditions, each reported with status, reason and source."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleMissing, RuleVersion
from canbo_desktop.domain.rules.eligibility import (
    RULE_KEY,
    EligibilityReport,
    TitleInfo,
    appointment_kind,
    check_eligibility,
    labels_from_codelist,
    months_completed,
    rank_map_from_codelist,
    title_infos_from_codelist,
)
from canbo_desktop.domain.rules.facts import (
    DisciplineFact,
    DocumentFact,
    EvaluationFact,
    PersonFacts,
    PlanningFact,
)

from ..vietnamese import PROPERTY

CODELISTS = Path(__file__).resolve().parents[4] / "resources" / "codelists"
ON = date(2026, 3, 1)
RETIRES = date(2045, 6, 30)


@cache
def _codelist(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CODELISTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


TITLES = title_infos_from_codelist(_codelist("titles"))
RANKS = {
    n: rank_map_from_codelist(_codelist(n))
    for n in ("education_level", "political_theory", "state_mgmt", "evaluation_level")
}
LABELS = {
    k: v
    for n in ("education_level", "political_theory", "state_mgmt", "evaluation_level", "discipline_form")
    for k, v in labels_from_codelist(_codelist(n)).items()
}
TARGET = TITLES["truong_phong_so"]  # rank 60, needs đại học, LLCT trung cấp, QLNN chuyên viên

# A candidate who meets every condition on ON: deputy head of office (rank 50) → head of office (60).
GOOD = PersonFacts(
    cadre_id="cb-1",
    full_name="Nguyễn Thị Hoa",
    sex="F",
    birth_date=date(1985, 6, 15),
    title_code="pho_truong_phong_so",
    position_start_date=date(2023, 1, 1),
    education_level="thac_si",
    political_theory="trung_cap",
    state_mgmt="chuyen_vien",
    planning=(PlanningFact("truong_phong_so", "2021-2026"),),
    evaluations=(
        EvaluationFact(2023, "tot"),
        EvaluationFact(2024, "xuat_sac"),
        EvaluationFact(2025, "hoan_thanh"),
    ),
    documents=(
        DocumentFact("ke_khai_tai_san", date(2025, 12, 15)),
        DocumentFact("giay_kham_suc_khoe", date(2026, 1, 10)),
    ),
    photo_date=date(2026, 1, 5),
)


def check(
    book: RuleBook,
    person: PersonFacts = GOOD,
    *,
    title: TitleInfo = TARGET,
    on: date = ON,
    retirement_date: date | None = RETIRES,
    overrides: dict[str, str] | None = None,
) -> EligibilityReport:
    return check_eligibility(
        person,
        title,
        on,
        book,
        titles=TITLES,
        retirement_date=retirement_date,
        ranks=RANKS,
        labels=LABELS,
        overrides=overrides,
    )


def with_(**changes: Any) -> PersonFacts:
    return dataclasses.replace(GOOD, **changes)


def test_qd80_2022_good_candidate_passes_every_rule(book: RuleBook) -> None:
    r = check(book)
    assert r.overall == "pass" and r.appointment_kind == "higher"
    assert [x.code for x in r.results] == [
        "tieu_chuan_chuyen_mon",
        "tieu_chuan_llct",
        "tieu_chuan_qlnn",
        "quy_hoach",
        "thoi_gian_giu_chuc_vu",
        "tuoi_bo_nhiem",
        "thoi_han_ky_luat",
        "ket_qua_danh_gia",
        "ke_khai_tai_san",
        "giay_kham_suc_khoe",
        "anh_4x6",
    ]
    assert all(x.status == "pass" and x.reason and x.legal_source for x in r.results)
    assert "Thạc sĩ" in r.result("tieu_chuan_chuyen_mon").reason
    assert r.rule_valid_from == date(2022, 8, 18)


@pytest.mark.parametrize(
    ("changes", "code", "status", "text"),
    [
        # 1. title standards, compared by code-list rank
        ({"education_level": "cao_dang"}, "tieu_chuan_chuyen_mon", "fail", "Cao đẳng"),
        ({"education_level": "dai_hoc"}, "tieu_chuan_chuyen_mon", "pass", "Đại học"),
        ({"education_level": ""}, "tieu_chuan_chuyen_mon", "unknown", "chưa ghi"),
        ({"education_level": "bang_la"}, "tieu_chuan_chuyen_mon", "unknown", "bang_la"),
        ({"political_theory": "so_cap"}, "tieu_chuan_llct", "fail", "Sơ cấp"),
        ({"political_theory": "cao_cap"}, "tieu_chuan_llct", "pass", "Cao cấp"),
        ({"political_theory": "cu_nhan"}, "tieu_chuan_llct", "pass", "Cử nhân"),
        ({"state_mgmt": "can_su"}, "tieu_chuan_qlnn", "fail", "Cán sự"),
        # 2. planning for the title or an equal/higher one, not removed
        ({"planning": ()}, "quy_hoach", "fail", "Không có trong quy hoạch"),
        (
            {"planning": (PlanningFact("truong_phong_so", removed_on=date(2025, 6, 1)),)},
            "quy_hoach",
            "fail",
            "đưa ra",
        ),
        ({"planning": (PlanningFact("truong_phong_so", removed_on=ON),)}, "quy_hoach", "fail", "đưa ra"),
        (
            {"planning": (PlanningFact("truong_phong_so", removed_on=ON + timedelta(1)),)},
            "quy_hoach",
            "pass",
            "",
        ),
        ({"planning": (PlanningFact("pho_truong_phong_so"),)}, "quy_hoach", "fail", ""),  # lower rank
        ({"planning": (PlanningFact("pho_giam_doc_so"),)}, "quy_hoach", "pass", "Phó Giám đốc Sở"),
        ({"planning": (PlanningFact("truong_phong_xa"),)}, "quy_hoach", "fail", ""),  # rank 50 < 60
        ({"planning": (PlanningFact("chuc_danh_cu"),)}, "quy_hoach", "unknown", "chuc_danh_cu"),
        # 3. ≥ 24 months in the current post
        (
            {"position_start_date": date(2024, 3, 1)},
            "thoi_gian_giu_chuc_vu",
            "pass",
            "24 tháng",
        ),  # exactly 24
        ({"position_start_date": date(2024, 3, 2)}, "thoi_gian_giu_chuc_vu", "fail", "02/03/2026"),
        ({"position_start_date": None}, "thoi_gian_giu_chuc_vu", "unknown", "chưa ghi"),
        ({"position_start_date": date(2027, 1, 1)}, "thoi_gian_giu_chuc_vu", "fail", "0 tháng"),
        # 7. discipline bans: 12 / 30 / 60 months
        (
            {"disciplines": (DisciplineFact(date(2025, 3, 1), "khien_trach"),)},
            "thoi_han_ky_luat",
            "pass",
            "hết ngày 01/03/2026",
        ),
        (
            {"disciplines": (DisciplineFact(date(2025, 3, 2), "khien_trach"),)},
            "thoi_han_ky_luat",
            "fail",
            "Đang trong thời hạn",
        ),
        (
            {"disciplines": (DisciplineFact(date(2023, 9, 1), "canh_cao"),)},
            "thoi_han_ky_luat",
            "pass",
            "30 tháng",
        ),
        (
            {"disciplines": (DisciplineFact(date(2023, 9, 2), "canh_cao"),)},
            "thoi_han_ky_luat",
            "fail",
            "30 tháng",
        ),
        (
            {"disciplines": (DisciplineFact(date(2021, 3, 2), "cach_chuc"),)},
            "thoi_han_ky_luat",
            "fail",
            "60 tháng",
        ),
        (
            {"disciplines": (DisciplineFact(date(2021, 3, 1), "dang_cach_chuc", "party"),)},
            "thoi_han_ky_luat",
            "pass",
            "",
        ),
        (
            {"disciplines": (DisciplineFact(date(2025, 6, 1), "dang_khien_trach", "party"),)},
            "thoi_han_ky_luat",
            "fail",
            "Khiển trách (Đảng)",
        ),
        (
            {"disciplines": (DisciplineFact(date(2010, 1, 1), "buoc_thoi_viec"),)},
            "thoi_han_ky_luat",
            "fail",
            "không áp dụng thời hạn",
        ),
        (
            {"disciplines": (DisciplineFact(date(2025, 1, 1), "hinh_thuc_moi"),)},
            "thoi_han_ky_luat",
            "unknown",
            "hinh_thuc_moi",
        ),
        (
            {"disciplines": (DisciplineFact(date(2026, 6, 1), "cach_chuc"),)},
            "thoi_han_ky_luat",
            "pass",
            "Không có",
        ),  # after ON
        # evaluation history: last 3 years at least "hoan_thanh" [U]
        (
            {
                "evaluations": (
                    EvaluationFact(2023, "tot"),
                    EvaluationFact(2024, "khong_hoan_thanh"),
                    EvaluationFact(2025, "tot"),
                )
            },
            "ket_qua_danh_gia",
            "fail",
            "2024",
        ),
        (
            {"evaluations": (EvaluationFact(2024, "tot"), EvaluationFact(2025, "tot"))},
            "ket_qua_danh_gia",
            "unknown",
            "2023",
        ),
        (
            {
                "evaluations": (
                    EvaluationFact(2023, "khong_xep_loai"),
                    EvaluationFact(2024, "tot"),
                    EvaluationFact(2025, "tot"),
                )
            },
            "ket_qua_danh_gia",
            "pass",
            "không tính",
        ),
        # dossier documents with a maximum age
        (
            {
                "documents": (
                    DocumentFact("ke_khai_tai_san", date(2025, 3, 1)),
                    DocumentFact("giay_kham_suc_khoe", date(2025, 9, 1)),
                )
            },
            "giay_kham_suc_khoe",
            "pass",
            "01/03/2026",
        ),  # exactly 6 months
        (
            {
                "documents": (
                    DocumentFact("ke_khai_tai_san", date(2025, 3, 1)),
                    DocumentFact("giay_kham_suc_khoe", date(2025, 8, 31)),
                )
            },
            "giay_kham_suc_khoe",
            "fail",
            "quá hạn",
        ),
        (
            {"documents": (DocumentFact("ke_khai_tai_san", date(2025, 3, 1)),)},
            "giay_kham_suc_khoe",
            "fail",
            "Chưa có",
        ),
        (
            {
                "documents": (
                    DocumentFact("ke_khai_tai_san", date(2025, 12, 1)),
                    DocumentFact("giay_kham_suc_khoe", None),
                )
            },
            "giay_kham_suc_khoe",
            "unknown",
            "chưa ghi ngày",
        ),
        (
            {"documents": (DocumentFact("giay_kham_suc_khoe", date(2026, 4, 1)),)},
            "giay_kham_suc_khoe",
            "fail",
            "sau ngày xét",
        ),
        (
            {"documents": (DocumentFact("ke_khai_tai_san", date(2025, 3, 1)),)},
            "ke_khai_tai_san",
            "pass",
            "12 tháng",
        ),
        (
            {"documents": (DocumentFact("ke_khai_tai_san", date(2025, 2, 28)),)},
            "ke_khai_tai_san",
            "fail",
            "quá hạn",
        ),
        ({"documents": ()}, "ke_khai_tai_san", "fail", "Chưa có"),
        ({"photo_date": None}, "anh_4x6", "fail", "Chưa có"),
        ({"photo_date": date(2025, 9, 1)}, "anh_4x6", "pass", ""),
        ({"photo_date": date(2025, 8, 31)}, "anh_4x6", "fail", "quá hạn"),
    ],
)
def test_qd80_2022_each_condition_from_its_fact(
    book: RuleBook, changes: dict[str, Any], code: str, status: str, text: str
) -> None:
    r = check(book, with_(**changes))
    res = r.result(code)
    assert res.status == status, res.reason
    assert text in res.reason
    assert res.legal_source
    expected_overall = "fail" if status == "fail" else "unknown" if status == "unknown" else None
    if expected_overall is not None:
        assert r.overall == expected_overall
        assert res in (r.failed if status == "fail" else r.unknown)


@pytest.mark.parametrize(
    ("retirement", "status"),
    [
        (add_months(ON, 60) - timedelta(1), "pass"),  # retires on the last day of the 5-year term
        (add_months(ON, 60) - timedelta(2), "fail"),
        (date(2029, 12, 31), "fail"),
        (None, "unknown"),
    ],
)
def test_qd80_2022_age_allows_a_full_5_year_term_for_higher_post(
    book: RuleBook, retirement: date | None, status: str
) -> None:
    res = check(book, retirement_date=retirement).result("tuoi_bo_nhiem")
    assert res.status == status and res.applicable
    if retirement is not None:
        assert "28/02/2031" in res.reason


@pytest.mark.parametrize(
    ("current", "target", "kind"),
    [
        ("", "truong_phong_so", "first"),
        ("pho_truong_phong_so", "truong_phong_so", "higher"),
        ("truong_phong_so", "truong_phong_so", "equal"),
        ("chu_tich_hdnd_xa", "chu_tich_ubnd_xa", "equal"),  # equal rank
        ("giam_doc_so", "truong_phong_so", "lower"),
        ("khong_ro", "truong_phong_so", "unknown"),
    ],
)
def test_appointment_kind_from_current_title_rank(current: str, target: str, kind: str) -> None:
    assert appointment_kind(with_(title_code=current), TITLES[target], TITLES) == kind


def test_qd80_2022_first_appointment_needs_no_time_in_post(book: RuleBook) -> None:
    r = check(book, with_(title_code="", position_start_date=None))
    assert r.appointment_kind == "first" and r.overall == "pass"
    res = r.result("thoi_gian_giu_chuc_vu")
    assert res.status == "pass" and not res.applicable and "Không áp dụng" in res.reason
    assert r.result("tuoi_bo_nhiem").applicable  # but the age rule does apply


def test_qd80_2022_equal_or_lower_post_has_no_age_or_discipline_rule(book: RuleBook) -> None:
    person = with_(
        title_code="giam_doc_so",
        disciplines=(DisciplineFact(date(2026, 1, 1), "canh_cao"),),
        planning=(),
    )
    r = check(book, person, retirement_date=date(2027, 1, 31))
    assert r.appointment_kind == "lower"
    for code in ("tuoi_bo_nhiem", "thoi_han_ky_luat", "quy_hoach", "thoi_gian_giu_chuc_vu"):
        assert r.result(code).status == "pass" and not r.result(code).applicable
    assert r.overall == "pass"
    same = check(book, with_(title_code="truong_phong_so", planning=()), retirement_date=date(2027, 1, 31))
    assert same.appointment_kind == "equal"
    assert same.result("tuoi_bo_nhiem").status == "pass" and same.result("quy_hoach").status == "fail"


def test_unknown_current_title_makes_kind_dependent_rules_unknown(book: RuleBook) -> None:
    r = check(book, with_(title_code="chuc_vu_cu"))
    assert r.appointment_kind == "unknown"
    assert r.result("tuoi_bo_nhiem").status == "unknown"
    assert r.result("tieu_chuan_chuyen_mon").status == "pass"
    assert r.overall == "unknown"


def test_overall_fail_beats_unknown(book: RuleBook) -> None:
    r = check(book, with_(education_level="", political_theory="so_cap"))
    assert r.overall == "fail"
    assert [x.code for x in r.failed] == ["tieu_chuan_llct"]
    assert [x.code for x in r.unknown] == ["tieu_chuan_chuyen_mon"]


def test_special_case_override_turns_fail_into_overridden(book: RuleBook) -> None:
    person = with_(position_start_date=date(2025, 1, 1), political_theory="")
    ref = "Văn bản số 123-CV/TU ngày 10/02/2026"
    r = check(book, person, overrides={"thoi_gian_giu_chuc_vu": ref, "tieu_chuan_llct": "không dùng"})
    res = r.result("thoi_gian_giu_chuc_vu")
    assert res.status == "overridden" and res.override_reference == ref and ref in res.reason
    assert "Trường hợp đặc biệt" in res.reason
    assert r.result("tieu_chuan_llct").status == "unknown"  # only a failure can be overridden
    assert r.overall == "unknown" and r.overridden == (res,)
    assert (
        check(
            book, with_(position_start_date=date(2025, 1, 1)), overrides={"thoi_gian_giu_chuc_vu": ref}
        ).overall
        == "pass"
    )


def test_override_of_unknown_rule_code_is_an_error(book: RuleBook) -> None:
    with pytest.raises(ValidationError, match="khong_co"):
        check(book, overrides={"khong_co": "x"})


def test_months_completed_counts_like_age_on() -> None:
    assert months_completed(date(2024, 3, 1), date(2026, 3, 1)) == 24
    assert months_completed(date(2024, 3, 2), date(2026, 3, 1)) == 23
    assert months_completed(date(2024, 1, 31), date(2024, 2, 29)) == 1  # month end
    assert months_completed(date(2026, 3, 1), date(2024, 3, 1)) == -24


def test_before_qd80_2022_there_is_no_rule(book: RuleBook) -> None:
    with pytest.raises(RuleMissing):
        check(book, on=date(2022, 8, 17))


def test_new_version_changes_results_only_from_its_valid_from(book: RuleBook) -> None:
    params = dict(book.version(RULE_KEY, ON).params)
    params["months_in_post"] = 36
    params["discipline_ban_months"] = {**params["discipline_ban_months"], "khien_trach": 24}
    changed = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    person = with_(
        position_start_date=date(2027, 6, 1),
        disciplines=(DisciplineFact(date(2028, 6, 1), "khien_trach"),),
        documents=(
            DocumentFact("ke_khai_tai_san", date(2029, 12, 1)),
            DocumentFact("giay_kham_suc_khoe", date(2029, 12, 1)),
        ),
        photo_date=date(2029, 12, 1),
        evaluations=tuple(EvaluationFact(y, "tot") for y in range(2026, 2030)),
    )
    before = check(changed, person, on=date(2029, 12, 31))
    after = check(changed, person, on=date(2030, 1, 1))
    assert before.result("thoi_gian_giu_chuc_vu").status == "pass"
    assert before.result("thoi_han_ky_luat").status == "pass"
    assert (
        after.result("thoi_gian_giu_chuc_vu").status == "fail"
        and "36 tháng" in after.result("thoi_gian_giu_chuc_vu").reason
    )
    assert (
        after.result("thoi_han_ky_luat").status == "fail"
        and "24 tháng" in after.result("thoi_han_ky_luat").reason
    )
    assert (before.rule_valid_from, after.rule_valid_from) == (date(2022, 8, 18), date(2030, 1, 1))


def test_title_infos_from_codelist_reads_standards() -> None:
    t = TITLES["bi_thu_dang_uy_xa"]
    assert (t.rank, t.is_leader, t.key_leader, t.level) == (75, True, True, "xa")
    assert t.standards == {
        "education_min": "dai_hoc",
        "political_theory_min": "trung_cap",
        "state_mgmt_min": None,
    }
    with pytest.raises(ValidationError):
        title_infos_from_codelist({"items": [{"code": "x"}]})


_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@PROPERTY
@given(
    on=st.dates(),
    start=st.one_of(st.none(), st.dates()),
    retirement=st.one_of(st.none(), st.dates()),
    disc=st.lists(
        st.tuples(st.dates(), st.sampled_from(["khien_trach", "cach_chuc", "khai_tru", "x"])), max_size=3
    ),
    docs=st.lists(
        st.tuples(
            st.sampled_from(["ke_khai_tai_san", "giay_kham_suc_khoe"]), st.one_of(st.none(), st.dates())
        ),
        max_size=3,
    ),
    photo=st.one_of(st.none(), st.dates()),
    evals=st.lists(
        st.tuples(st.integers(1, 9999), st.sampled_from(["tot", "khong_xep_loai", "?"])), max_size=4
    ),
    current=st.sampled_from(["", "pho_truong_phong_so", "giam_doc_so", "?"]),
    target=st.sampled_from(sorted(TITLES)),
)
def test_no_input_date_crashes_check_eligibility(
    book: RuleBook,
    on: date,
    start: date | None,
    retirement: date | None,
    disc: list[tuple[date, str]],
    docs: list[tuple[str, date | None]],
    photo: date | None,
    evals: list[tuple[int, str]],
    current: str,
    target: str,
) -> None:
    person = with_(
        title_code=current,
        position_start_date=start,
        disciplines=tuple(DisciplineFact(d, f) for d, f in disc),
        documents=tuple(DocumentFact(k, d) for k, d in docs),
        photo_date=photo,
        evaluations=tuple(EvaluationFact(y, lv) for y, lv in evals),
    )
    try:
        r = check(book, person, title=TITLES[target], on=on, retirement_date=retirement)
    except CanboError as exc:
        assert isinstance(exc, RuleMissing) and on < date(2022, 8, 18)
        return
    assert len(r.results) == 11
    assert r.overall in ("pass", "fail", "unknown")
    assert all(x.status in ("pass", "fail", "unknown") and x.reason for x in r.results)
