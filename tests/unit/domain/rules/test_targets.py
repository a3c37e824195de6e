"""Structure indicators from KH 177/KH-UBND / NQ 04-NQ/TU (unverified figures), as data."""

from __future__ import annotations

import dataclasses
import json
import random
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.dates import age_on
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleVersion
from canbo_desktop.domain.rules.eligibility import rank_map_from_codelist, title_infos_from_codelist
from canbo_desktop.domain.rules.facts import PersonFacts, TrainingFact
from canbo_desktop.domain.rules.targets import (
    RULE_KEY,
    FilterContext,
    IndicatorResult,
    compile_filter,
    evaluate_targets,
    validate_filter,
    validate_targets,
)

from ..vietnamese import PROPERTY

ROOT = Path(__file__).resolve().parents[4]
CODELISTS = ROOT / "resources" / "codelists"
ON = date(2025, 12, 31)


@cache
def _codelist(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CODELISTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


TITLES = title_infos_from_codelist(_codelist("titles"))
RANKS = {
    n: rank_map_from_codelist(_codelist(n)) for n in ("education_level", "political_theory", "state_mgmt")
}
CTX = FilterContext(ON, RANKS, TITLES, {})

LEADER = PersonFacts(
    cadre_id="",
    sex="M",
    birth_date=date(1975, 1, 1),
    status="dang_cong_tac",
    ethnicity_code="01",
    hometown_province_code="01",
    unit_province_code="01",
    title_code="truong_phong_so",
    education_level="dai_hoc",
    political_theory="trung_cap",
    trainings=(TrainingFact("cap_nhat_kien_thuc", date(2023, 5, 1)),),
)


def people(n: int, **changes: Any) -> list[PersonFacts]:
    return [dataclasses.replace(LEADER, **changes) for _ in range(n)]


def numbered(persons: list[PersonFacts]) -> list[PersonFacts]:
    return [dataclasses.replace(p, cadre_id=f"cb-{i}") for i, p in enumerate(persons)]


def run(
    book: RuleBook, persons: list[PersonFacts], on: date = ON, settings: dict[str, Any] | None = None
) -> dict[str, IndicatorResult]:
    results = evaluate_targets(
        numbered(persons), on, book, ranks=RANKS, titles=TITLES, settings=settings or {}
    )
    return {r.code: r for r in results}


def test_kh177_2021_shipped_indicators_are_valid_and_documented(book: RuleBook) -> None:
    v = book.version(RULE_KEY, ON)
    validate_targets(v.params)
    assert "chưa" in v.note and "177/KH-UBND" in v.legal_source
    assert [i["code"] for i in v.params["indicators"]] == [
        "can_bo_tre",
        "can_bo_nu",
        "trinh_do_dai_hoc",
        "llct_trung_cap",
        "cap_nhat_kien_thuc",
        "dan_toc_thieu_so",
        "chu_chot_khong_phai_nguoi_dia_phuong",
    ]


@pytest.mark.parametrize(("young", "met"), [(3, True), (2, False), (20, True)])
def test_kh177_2021_young_cadres_at_least_15_percent(book: RuleBook, young: int, met: bool) -> None:
    # born 02/01/1986 is 39 on 31/12/2025 (young, < 40); born 31/12/1985 is exactly 40 (not young)
    persons = people(young, birth_date=date(1986, 1, 2)) + people(20 - young, birth_date=date(1985, 12, 31))
    r = run(book, persons)["can_bo_tre"]
    assert (r.numerator, r.denominator, r.met, r.threshold, r.comparison) == (young, 20, met, 15.0, ">=")
    assert r.percent == pytest.approx(young * 5)
    assert r.deadline == date(2025, 12, 31)
    assert r.numerator_ids == tuple(f"cb-{i}" for i in range(young))
    assert ("chưa đạt" in r.message) == (not met)


def test_kh177_2021_young_age_is_a_setting(book: RuleBook) -> None:
    persons = people(1, birth_date=date(1990, 6, 1)) + people(1, birth_date=date(1975, 1, 1))
    assert run(book, persons)["can_bo_tre"].numerator == 1
    assert run(book, persons, settings={"young_age": 35})["can_bo_tre"].numerator == 0
    assert run(book, persons, settings={"young_age": 55})["can_bo_tre"].numerator == 2


@pytest.mark.parametrize(("women", "met"), [(3, True), (2, False)])
def test_kh177_2021_women_at_least_15_percent(book: RuleBook, women: int, met: bool) -> None:
    r = run(book, people(women, sex="F") + people(20 - women, sex="M"))["can_bo_nu"]
    assert (r.numerator, r.denominator, r.met) == (women, 20, met)


@pytest.mark.parametrize(
    ("level", "counted"),
    [("dai_hoc", True), ("thac_si", True), ("tien_si_khoa_hoc", True), ("cao_dang", False), ("", None)],
)
def test_kh177_2021_university_degree_100_percent(book: RuleBook, level: str, counted: bool | None) -> None:
    r = run(book, people(9) + people(1, education_level=level))["trinh_do_dai_hoc"]
    assert r.denominator == 10
    assert r.met is bool(counted)
    assert r.numerator == (10 if counted else 9)
    assert r.unknown_ids == (() if counted is not None else ("cb-9",))


@pytest.mark.parametrize(
    ("level", "counted"),
    [("trung_cap", True), ("cao_cap", True), ("cu_nhan", True), ("so_cap", False), ("chua_dao_tao", False)],
)
def test_kh177_2021_political_theory_trung_cap_or_above_100_percent(
    book: RuleBook, level: str, counted: bool
) -> None:
    r = run(book, people(1, political_theory=level))["llct_trung_cap"]
    assert r.met is counted


@pytest.mark.parametrize(
    ("trainings", "counted"),
    [
        ((TrainingFact("cap_nhat_kien_thuc", date(2021, 1, 1)),), True),  # within 60 months of 31/12/2025
        ((TrainingFact("cap_nhat_kien_thuc", date(2020, 12, 31)),), True),  # exactly 60 months
        ((TrainingFact("cap_nhat_kien_thuc", date(2020, 12, 30)),), False),
        ((TrainingFact("cap_nhat_kien_thuc", date(2026, 1, 1)),), False),  # not yet finished on the date
        ((TrainingFact("ly_luan_chinh_tri", date(2024, 1, 1)),), False),
        ((TrainingFact("cap_nhat_kien_thuc", None),), None),  # no end date: unknown
        ((), False),
    ],
)
def test_kh177_2021_leaders_with_knowledge_update_training(
    book: RuleBook, trainings: tuple[TrainingFact, ...], counted: bool | None
) -> None:
    r = run(book, people(1, trainings=trainings))["cap_nhat_kien_thuc"]
    assert r.numerator == (1 if counted else 0)
    assert len(r.unknown_ids) == (1 if counted is None else 0)


def test_kh177_2021_non_leaders_are_outside_the_leader_denominators(book: RuleBook) -> None:
    persons = people(2) + people(3, title_code="") + people(1, status="nghi_huu")
    r = run(book, persons)
    assert r["can_bo_nu"].denominator == 2
    assert r["dan_toc_thieu_so"].denominator == 5  # all active staff


def test_ethnic_minority_share_is_informational(book: RuleBook) -> None:
    persons = people(3, ethnicity_code="02") + people(6) + people(1, ethnicity_code="55")
    r = run(book, persons)["dan_toc_thieu_so"]
    assert (r.numerator, r.denominator, r.met, r.threshold) == (3, 10, None, None)
    assert r.percent == 30.0 and "theo dõi" in r.message


def test_non_local_key_leaders(book: RuleBook) -> None:
    persons = (
        people(1, title_code="chu_tich_ubnd_xa", hometown_province_code="38", unit_province_code="01")
        + people(1, title_code="bi_thu_dang_uy_xa")
        + people(1, title_code="bi_thu_dang_uy_xa", hometown_province_code="")
        + people(2, title_code="pho_chu_tich_ubnd_xa", hometown_province_code="38")  # not key leaders
    )
    r = run(book, persons)["chu_chot_khong_phai_nguoi_dia_phuong"]
    assert (r.numerator, r.denominator, r.numerator_ids, r.unknown_ids) == (1, 3, ("cb-0",), ("cb-2",))


def test_missing_denominator_fact_excludes_and_lists_the_person(book: RuleBook) -> None:
    persons = people(2) + people(1, title_code="chuc_danh_khong_co") + people(1, birth_date=None)
    r = run(book, persons)
    assert r["can_bo_nu"].excluded_unknown_ids == ("cb-2",)
    assert r["can_bo_nu"].denominator == 3
    assert r["can_bo_tre"].unknown_ids == ("cb-3",)
    assert "thiếu dữ liệu" in r["can_bo_tre"].message


def test_empty_denominator_has_no_percent(book: RuleBook) -> None:
    r = run(book, [])["can_bo_nu"]
    assert (r.numerator, r.denominator, r.percent, r.met) == (0, 0, None, None)


def test_new_version_changes_targets_only_from_its_valid_from(book: RuleBook) -> None:
    params = json.loads(json.dumps(book.version(RULE_KEY, ON).params))
    params["indicators"][1]["threshold"] = {"percent": 30, "comparison": ">="}
    params["indicators"][1]["deadline"] = "2030-12-31"
    changed = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    persons = people(5, sex="F") + people(15)
    before = run(changed, persons, on=date(2029, 12, 31))["can_bo_nu"]
    after = run(changed, persons, on=date(2030, 1, 1))["can_bo_nu"]
    assert (before.threshold, before.met) == (15, True)
    assert (after.threshold, after.met, after.deadline) == (30, False, date(2030, 12, 31))


def test_at_most_comparison(book: RuleBook) -> None:
    params = {
        "indicators": [
            {
                "code": "x",
                "name": "Tỷ lệ nam",
                "numerator": {"field": "sex", "eq": "M"},
                "threshold": {"percent": 50, "comparison": "≤"},
            }
        ]
    }
    changed = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    res = evaluate_targets(
        numbered(people(1) + people(1, sex="F")), date(2030, 1, 1), changed, ranks=RANKS, titles=TITLES
    )
    assert res[0].met is True and res[0].comparison == "<=" and res[0].denominator == 2


# --- the filter language ---------------------------------------------------------------------------


T, F, U = (
    {"field": "sex", "eq": "M"},
    {"field": "sex", "eq": "F"},
    {"field": "hometown_province_code", "eq": "01"},
)
NOBODY_HOME = dataclasses.replace(LEADER, hometown_province_code="")


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"all": []}, True),
        ({"any": []}, False),
        ({"all": [T, U]}, None),
        ({"all": [F, U]}, False),
        ({"all": [T, T, U]}, None),
        ({"all": [U, F, T]}, False),
        ({"any": [T, U]}, True),
        ({"any": [F, U]}, None),
        ({"any": [F, F]}, False),
        ({"not": U}, None),
        ({"not": T}, False),
        ({"not": {"not": T}}, True),
        ({"field": "sex", "ne": "F"}, True),
        ({"field": "sex", "in": ["F", "M"]}, True),
        ({"field": "sex", "not_in": ["M"]}, False),
        ({"field": "party_member", "eq": False}, True),
        ({"field": "title_code", "eq": ""}, False),
        ({"field": "political_theory", "rank_lte": "trung_cap"}, True),
        ({"field": "state_mgmt", "rank_gte": "chuyen_vien"}, None),  # not recorded
        ({"leader": True}, True),
        ({"leader": False}, False),
        ({"key_leader": True}, False),
        ({"title_level_in": ["so", "phong"]}, True),
        ({"age_gte": 50}, True),  # born 01/01/1975: 50 on 31/12/2025
        ({"age_gte": 51}, False),
        ({"age_lt": {"setting": "nope", "default": 60}}, True),
        ({"trained": "cap_nhat_kien_thuc"}, True),
        ({"trained": "cap_nhat_kien_thuc", "within_months": 12}, False),
        ({"non_local": False}, None),
    ],
)
def test_filter_language_three_valued(spec: dict[str, Any], expected: bool | None) -> None:
    validate_filter(spec)
    assert compile_filter(spec, CTX)(NOBODY_HOME) is expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"tuoi_nho_hon": 40}, "toán tử «tuoi_nho_hon» không được hỗ trợ"),
        ({"field": "luong", "eq": "x"}, "trường «luong» không được hỗ trợ"),
        ({"field": "sex", "like": "F"}, "đúng một phép so sánh"),
        ({"field": "sex", "eq": "F", "ne": "M"}, "đúng một phép so sánh"),
        ({"field": "sex", "rank_gte": "F"}, "không có thứ bậc"),
        ({"field": "education_level", "rank_gte": "bang_vang"}, "«bang_vang» không có trong danh mục"),
        ({"field": "party_member", "in": [True]}, "chỉ dùng «eq»"),
        ({"field": "sex", "eq": 1}, "phải là một chuỗi"),
        ({"all": {"field": "sex", "eq": "F"}}, "phải là danh sách"),
        ({"leader": "có"}, "true hoặc false"),
        ({"age_lt": -1}, "không âm"),
        ({"age_lt": 40.5}, "số nguyên"),
        ({"age_lt": {"setting": "young_age"}}, "chưa có giá trị"),
        ({"age_lt": {"name": "young_age"}}, "setting"),
        ({"trained": ""}, "training_kind"),
        ({"trained": "x", "within": 3}, "không hỗ trợ"),
        ({"leader": True, "key_leader": True}, "một toán tử"),
        ([], "một bảng"),
        ({}, "một bảng"),
        ({"not": {"any": [{"field": "sex", "eq": "F"}, {"bogus": 1}]}}, "not.any[1]"),
    ],
)
def test_invalid_filter_is_a_vietnamese_validation_error(spec: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[").replace("]", r"\]")) as exc:
        compile_filter(spec, CTX)
    assert exc.value.message.startswith("Bộ lọc chỉ tiêu")
    assert unicodedata.is_normalized("NFC", exc.value.message)


def test_validate_filter_checks_shape_without_code_lists() -> None:
    validate_filter({"field": "education_level", "rank_gte": "bat_ky"})
    validate_filter({"age_lt": {"setting": "young_age"}})
    with pytest.raises(ValidationError):
        validate_filter({"field": "education_level", "rank_gte": 3})


@pytest.mark.parametrize(
    "indicators",
    [
        None,
        [{"code": "a"}],
        [{"code": "a", "name": "A", "threshold": {"percent": 120}}],
        [{"code": "a", "name": "A", "threshold": {"percent": 10, "comparison": ">"}}],
        [{"code": "a", "name": "A", "deadline": "31/12/2025"}],
        [{"code": "a", "name": "A"}, {"code": "a", "name": "B"}],
    ],
)
def test_invalid_indicator_is_rejected(indicators: Any) -> None:
    with pytest.raises(ValidationError):
        validate_targets({"indicators": indicators})


@PROPERTY
@given(
    birth=st.dates(min_value=date(1850, 1, 1)),
    on=st.dates(min_value=date(1900, 1, 1)),
    years=st.integers(0, 80),
)
def test_age_filters_agree_with_age_on(birth: date, on: date, years: int) -> None:
    ctx = FilterContext(on, {}, {}, {})
    person = PersonFacts(birth_date=birth)
    expected = birth <= on and age_on(birth, on)[0] >= years
    assert compile_filter({"age_gte": years}, ctx)(person) is expected
    assert compile_filter({"age_lt": years}, ctx)(person) is (not expected)


@PROPERTY
@given(
    birth=st.one_of(st.none(), st.dates()),
    on=st.dates(min_value=date(1900, 1, 1)),
    sex=st.sampled_from(["", "M", "F", "x"]),
    edu=st.sampled_from(["", "dai_hoc", "cao_dang", "??"]),
    title=st.sampled_from(["", "truong_phong_so", "bi_thu_dang_uy_xa", "??"]),
    training=st.one_of(st.none(), st.dates()),
)
def test_no_person_crashes_the_shipped_indicators(
    book: RuleBook, birth: date | None, on: date, sex: str, edu: str, title: str, training: date | None
) -> None:
    p = dataclasses.replace(
        LEADER,
        birth_date=birth,
        sex=sex,
        education_level=edu,
        title_code=title,
        trainings=(TrainingFact("cap_nhat_kien_thuc", training),),
    )
    on = max(on, date(2021, 5, 31))
    for r in evaluate_targets([p], on, book, ranks=RANKS, titles=TITLES, settings={}):
        assert r.numerator <= r.denominator <= 1
        assert len(r.numerator_ids) + len(r.unknown_ids) <= len(r.denominator_ids)


# --- performance -----------------------------------------------------------------------------------


def _population(n: int) -> list[PersonFacts]:
    rng = random.Random(20260101)
    titles = [*TITLES, "", "", "", ""]
    edu = [*RANKS["education_level"], ""]
    llct = [*RANKS["political_theory"], ""]
    out = []
    for i in range(n):
        out.append(
            PersonFacts(
                cadre_id=f"cb-{i}",
                sex=rng.choice("MF"),
                birth_date=None
                if i % 97 == 0
                else date(rng.randint(1962, 2003), rng.randint(1, 12), rng.randint(1, 28)),
                status=rng.choice(["dang_cong_tac", "dang_cong_tac", "biet_phai", "nghi_huu"]),
                ethnicity_code=rng.choice(["01", "01", "01", "02", "05"]),
                hometown_province_code=rng.choice(["01", "38", ""]),
                unit_province_code="01",
                title_code=rng.choice(titles),
                education_level=rng.choice(edu),
                political_theory=rng.choice(llct),
                trainings=(TrainingFact("cap_nhat_kien_thuc", date(rng.randint(2015, 2025), 6, 1)),)
                if i % 3
                else (),
            )
        )
    return out


@pytest.mark.slow
def test_100000_people_are_evaluated(book: RuleBook) -> None:
    """A province-sized population goes through every indicator (its speed is measured in benchmarks/,
    never as a timed test: these machines are shared)."""
    population = _population(100_000)
    results = evaluate_targets(population, ON, book, ranks=RANKS, titles=TITLES, settings={"young_age": 40})
    assert len(results) == 7 and results[1].denominator > 10_000
