"""Salary steps: NĐ 204/2004 scales, TT 02/2021 grades, TT 08/2013 as amended by TT 03/2021 (regular and early
raises, extensions), TT 04/2005 (beyond-scale allowance), NĐ 73/2024 (base salary). domain.md §5."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleMissing, RuleVersion
from canbo_desktop.domain.rules.facts import DisciplineFact, EvaluationFact, PersonFacts
from canbo_desktop.domain.rules.salary import (
    RULE_KEY,
    EarlyRaiseResult,
    base_salary,
    early_raise_candidates,
    next_regular_raise,
    salary_amount,
)

from ..vietnamese import PROPERTY
from .conftest import RULES_DIR

CODELIST = RULES_DIR.parent / "codelists" / "grades.json"


def person(
    grade: str = "01.003",
    step: int | None = 3,
    since: date | None = date(2024, 1, 1),
    *,
    pct: int | None = None,
    disciplines: tuple[DisciplineFact, ...] = (),
    evaluations: tuple[EvaluationFact, ...] = (),
    early: bool = False,
    cadre_id: str = "x",
) -> PersonFacts:
    return PersonFacts(
        cadre_id=cadre_id,
        full_name=f"Người {cadre_id}",
        grade_code=grade,
        salary_step=step,
        salary_step_date=since,
        beyond_scale_pct=pct,
        disciplines=disciplines,
        evaluations=evaluations,
        last_raise_early=early,
    )


def _edited(book: RuleBook, valid_from: date, change: Mapping[tuple[str, ...], Any]) -> RuleBook:
    """The book plus a version from ``valid_from`` whose params are the shipped ones with ``change``
    (keyed by the path of keys to the changed value)."""
    params = json.loads(json.dumps(dict(book.params(RULE_KEY, date(2026, 1, 1)))))
    for path, value in change.items():
        target = params
        *parents, leaf = path
        for p in parents:
            target = target[p]
        target[leaf] = value
    return book.with_versions(
        RuleVersion(key=RULE_KEY, valid_from=valid_from, params=params, legal_source="Sửa")
    )


# --- grade master -----------------------------------------------------------------------------------------


def test_nd204_2004_tt02_2021_grade_master_is_copied_from_the_grades_code_list(book: RuleBook) -> None:
    grades = book.params(RULE_KEY, date(2026, 1, 1))["grades"]
    items = json.loads(CODELIST.read_text(encoding="utf-8"))["items"]
    for item in items:
        g = grades[item["code"]]
        assert g["coefficients"] == item["coefficients"], item["code"]
        assert g["step_interval_months"] == item["step_interval_months"], item["code"]
        assert g["salary_class"] == item["salary_class"]


@pytest.mark.parametrize(
    ("grade", "step", "since", "due", "next_coef", "interval"),
    [
        ("01.001", 5, date(2024, 1, 1), date(2027, 1, 1), 8.0, 36),
        ("01.002", 7, date(2023, 7, 1), date(2026, 7, 1), 6.78, 36),
        ("01.003", 3, date(2024, 1, 1), date(2027, 1, 1), 3.33, 36),
        ("01.004", 2, date(2023, 5, 1), date(2026, 5, 1), 2.72, 36),
        ("01.005", 1, date(2024, 3, 1), date(2026, 3, 1), 2.06, 24),
        ("cb_xa_1", 1, date(2022, 1, 1), date(2027, 1, 1), 2.85, 60),
        ("chuyen_gia_cao_cap", 1, date(2022, 9, 1), date(2027, 9, 1), 9.4, 60),
    ],
    ids=[
        "tt03_2021_chuyen_vien_cao_cap_a3_36m",
        "tt03_2021_chuyen_vien_chinh_a2_36m",
        "tt03_2021_chuyen_vien_a1_36m",
        "tt03_2021_can_su_a0_36m",
        "tt03_2021_nhan_vien_b_24m",
        "nd92_2009_can_bo_xa_60m",
        "tt03_2021_chuyen_gia_cao_cap_60m",
    ],
)
def test_tt08_2013_tt03_2021_regular_raise_after_the_grade_interval(
    book: RuleBook, grade: str, step: int, since: date, due: date, next_coef: float, interval: int
) -> None:
    r = next_regular_raise(person(grade, step, since), book)
    assert r.kind == "step"
    assert (r.next_date, r.next_step, r.next_coefficient, r.interval_months) == (
        due,
        step + 1,
        next_coef,
        interval,
    )
    assert (r.regular_date, r.extension_months, r.extensions) == (due, 0, ())
    assert "03/2021" in r.legal_source
    assert r.due_date == r.next_date and r.summary == r.reason
    assert f"bậc {step + 1}" in r.reason


def test_tt03_2021_can_su_a0_interval_is_36_months_not_24(book: RuleBook) -> None:
    r = next_regular_raise(person("01.004", 1, date(2025, 2, 1)), book)
    assert r.interval_months == 36
    assert r.next_date == date(2028, 2, 1)
    assert r.next_coefficient == 2.41


def test_step_granted_before_tt03_2021_is_timed_with_the_oldest_shipped_rules(book: RuleBook) -> None:
    r = next_regular_raise(person("01.003", 2, date(2019, 5, 1)), book)
    assert r.next_date == date(2022, 5, 1)


# --- extensions -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "months"),
    [("khien_trach", 6), ("canh_cao", 6), ("ha_bac_luong", 12), ("giang_chuc", 12), ("cach_chuc", 12)],
)
def test_luat_cbcc_2008_art82_tt03_2021_discipline_in_the_period_extends(
    book: RuleBook, form: str, months: int
) -> None:
    r = next_regular_raise(person(disciplines=(DisciplineFact(date(2025, 3, 1), form),)), book)
    assert r.extension_months == months
    assert r.next_date == date(2027 + months // 12, 1 + months % 12, 1)
    assert r.regular_date == date(2027, 1, 1)
    (ext,) = r.extensions
    assert "01/03/2025" in ext.reason and f"{months} tháng" in ext.reason


def test_tt03_2021_each_failed_year_extends_12_months(book: RuleBook) -> None:
    r = next_regular_raise(
        person(
            evaluations=(
                EvaluationFact(2023, "khong_hoan_thanh"),  # before the step date: not counted
                EvaluationFact(2024, "khong_hoan_thanh"),
                EvaluationFact(2025, "khong_hoan_thanh"),
                EvaluationFact(2026, "hoan_thanh"),
            )
        ),
        book,
    )
    assert r.extension_months == 24
    assert [e.reason for e in r.extensions] == [
        "Năm 2024 không hoàn thành nhiệm vụ: kéo dài 12 tháng.",
        "Năm 2025 không hoàn thành nhiệm vụ: kéo dài 12 tháng.",
    ]
    assert r.next_date == date(2029, 1, 1)


def test_tt03_2021_discipline_and_failed_year_extensions_add_up(book: RuleBook) -> None:
    r = next_regular_raise(
        person(
            disciplines=(DisciplineFact(date(2025, 3, 1), "canh_cao"),),
            evaluations=(EvaluationFact(2025, "khong_hoan_thanh"),),
        ),
        book,
    )
    assert (r.extension_months, r.next_date) == (18, date(2028, 7, 1))


def test_an_extended_period_takes_in_what_happens_after_the_plain_due_date(book: RuleBook) -> None:
    # Failed 2026 → due 01/01/2028; a reprimand in 06/2027 is then inside the holding period too.
    r = next_regular_raise(
        person(
            disciplines=(DisciplineFact(date(2027, 6, 1), "khien_trach"),),
            evaluations=(EvaluationFact(2026, "khong_hoan_thanh"),),
        ),
        book,
    )
    assert (r.extension_months, r.next_date) == (18, date(2028, 7, 1))


@pytest.mark.parametrize(
    "fact",
    [
        DisciplineFact(date(2023, 12, 31), "canh_cao"),  # before the step date
        DisciplineFact(date(2027, 1, 1), "canh_cao"),  # on the due date: the period is over
        DisciplineFact(date(2025, 3, 1), "dang_khien_trach", "party"),  # Party discipline: not in the table
        EvaluationFact(2025, "hoan_thanh"),
        EvaluationFact(2025, "khong_xep_loai"),
    ],
)
def test_facts_outside_the_period_or_not_listed_do_not_extend(
    book: RuleBook, fact: DisciplineFact | EvaluationFact
) -> None:
    p = person(disciplines=(fact,)) if isinstance(fact, DisciplineFact) else person(evaluations=(fact,))
    r = next_regular_raise(p, book)
    assert (r.extension_months, r.next_date) == (0, date(2027, 1, 1))


# --- beyond-scale allowance -------------------------------------------------------------------------------


def test_tt04_2005_last_step_gets_5_percent_after_a_full_interval(book: RuleBook) -> None:
    r = next_regular_raise(person("01.003", 9, date(2022, 1, 1)), book)
    assert r.kind == "beyond_scale"
    assert (r.beyond_scale_pct, r.next_date, r.next_step, r.next_coefficient) == (
        5,
        date(2025, 1, 1),
        None,
        None,
    )
    assert "5%" in r.reason


@pytest.mark.parametrize(
    ("pct", "since", "nxt", "due"),
    [(5, date(2025, 1, 1), 6, date(2026, 1, 1)), (7, date(2025, 9, 1), 8, date(2026, 9, 1))],
)
def test_tt04_2005_then_1_percent_more_each_year(
    book: RuleBook, pct: int, since: date, nxt: int, due: date
) -> None:
    r = next_regular_raise(person("01.003", 9, since, pct=pct), book)
    assert (r.kind, r.beyond_scale_pct, r.next_date, r.interval_months) == ("beyond_scale", nxt, due, 12)


def test_tt04_2005_nhan_vien_last_step_waits_24_months_for_5_percent(book: RuleBook) -> None:
    r = next_regular_raise(person("01.005", 12, date(2024, 4, 1)), book)
    assert (r.beyond_scale_pct, r.next_date) == (5, date(2026, 4, 1))


def test_tt03_2021_discipline_extends_the_beyond_scale_allowance_too(book: RuleBook) -> None:
    r = next_regular_raise(
        person(
            "01.003",
            9,
            date(2025, 1, 1),
            pct=5,
            disciplines=(DisciplineFact(date(2025, 5, 1), "khien_trach"),),
        ),
        book,
    )
    assert (r.beyond_scale_pct, r.next_date, r.extension_months) == (6, date(2026, 7, 1), 6)


# --- unknown ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "why"),
    [
        (person(grade=""), "mã ngạch"),
        (person(grade="99.999"), "«99.999» không có"),
        (person(step=None), "bậc lương hiện hưởng"),
        (person(step=0), "Bậc 0 không có"),
        (person(step=10), "Bậc 10 không có"),
        (person(since=None), "ngày hưởng"),
        (person(since=date(1700, 1, 1)), "ngoài phạm vi"),
    ],
)
def test_missing_grade_step_or_step_date_is_unknown_with_a_vietnamese_reason(
    book: RuleBook, facts: PersonFacts, why: str
) -> None:
    r = next_regular_raise(facts, book)
    assert not r.known
    assert r.kind == "unknown" and r.next_date is None
    assert why in r.reason


# --- edits by date ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("interval", [48, 24])
def test_an_edited_interval_changes_only_raises_due_on_or_after_its_valid_from(
    book: RuleBook, interval: int
) -> None:
    start = date(2030, 1, 1)
    edited = _edited(book, start, {("grades", "01.003", "step_interval_months"): interval})
    changed = 0
    for year in range(2024, 2031):
        for month in (1, 3, 6, 9, 12):
            p = person("01.003", 3, date(year, month, 1))
            old, new = next_regular_raise(p, book), next_regular_raise(p, edited)
            assert old.next_date is not None and new.next_date is not None
            if old.next_date < start:
                assert new == old
            else:
                assert new.next_date >= start
                changed += new != old
    assert changed
    # Shorter interval: a raise already overdue under the new rule falls due on the rule's first day.
    if interval == 24:
        assert next_regular_raise(person("01.003", 3, date(2027, 3, 1)), edited).next_date == start


def test_base_salary_history_nd24_2023_nd73_2024(book: RuleBook) -> None:
    assert base_salary(date(2023, 6, 30), book) == 1_490_000
    assert base_salary(date(2023, 7, 1), book) == 1_800_000
    assert base_salary(date(2024, 6, 30), book) == 1_800_000
    assert base_salary(date(2024, 7, 1), book) == 2_340_000
    assert base_salary(date(2026, 3, 1), book) == 2_340_000


@pytest.mark.parametrize(
    ("coefficient", "on", "amount"),
    [
        (2.34, date(2024, 7, 1), 5_475_600),
        (2.34, date(2024, 6, 30), 4_212_000),
        (4.98, date(2025, 1, 1), 11_653_200),
        (0.3, date(2025, 1, 1), 702_000),  # a position allowance coefficient
        (0, date(2025, 1, 1), 0),
        (2.67, date(2022, 1, 1), 3_978_300),
    ],
)
def test_nd73_2024_salary_amount_is_coefficient_times_base_salary(
    book: RuleBook, coefficient: float, on: date, amount: int
) -> None:
    assert salary_amount(coefficient, on, book) == amount


def test_an_edited_base_salary_changes_only_amounts_on_or_after_its_valid_from(book: RuleBook) -> None:
    history = [
        *book.params(RULE_KEY, date(2026, 1, 1))["base_salary"],
        {"from": "2030-01-01", "amount": 3_000_000},
    ]
    edited = _edited(book, date(2030, 1, 1), {("base_salary",): history})
    assert salary_amount(2.34, date(2029, 12, 31), edited) == salary_amount(2.34, date(2029, 12, 31), book)
    assert salary_amount(2.34, date(2030, 1, 1), edited) == 7_020_000


def test_salary_amount_before_any_rule_is_missing_and_bad_coefficients_are_errors(book: RuleBook) -> None:
    with pytest.raises(RuleMissing):
        salary_amount(2.34, date(2020, 1, 1), book)
    with pytest.raises(ValidationError):
        salary_amount(-1.0, date(2025, 1, 1), book)
    with pytest.raises(ValidationError):
        salary_amount(float("nan"), date(2025, 1, 1), book)


# --- early raise ------------------------------------------------------------------------------------------


def _review(
    book: RuleBook, people: list[PersonFacts], payroll: int = 25, year: int = 2026
) -> EarlyRaiseResult:
    return early_raise_candidates(people, year, payroll, book)


@pytest.mark.parametrize(
    ("payroll", "quota"), [(0, 0), (9, 0), (10, 1), (25, 2), (29, 2), (30, 3), (137, 13)]
)
def test_tt08_2013_art3_early_raise_quota_is_10_percent_of_payroll_rounded_down(
    book: RuleBook, payroll: int, quota: int
) -> None:
    assert _review(book, [], payroll).quota == quota


@pytest.mark.parametrize(
    ("facts", "eligible", "short", "why"),
    [
        (person(since=date(2024, 3, 1)), True, 3, "còn thiếu 3 tháng"),  # due 01/03/2027
        (
            person(since=date(2024, 12, 31)),
            True,
            12,
            "còn thiếu 12 tháng",
        ),  # due 31/12/2027: exactly 12 months
        (person(since=date(2025, 1, 1)), False, 13, "hơn 12 tháng"),  # due 01/01/2028
        (person(since=date(2023, 11, 1)), False, None, "nâng bậc thường xuyên"),  # due 01/11/2026
        (person(since=date(2024, 1, 1)), True, 1, "01/01/2027"),  # due the day after the cutoff
        (person(step=9, since=date(2024, 3, 1)), False, None, "bậc cuối"),
        (person(since=date(2024, 3, 1), early=True), False, 3, "hai lần liên tiếp"),
        (
            person(since=date(2024, 3, 1), disciplines=(DisciplineFact(date(2025, 2, 1), "khien_trach"),)),
            False,
            9,
            "Không đạt tiêu chuẩn",
        ),
        (person(grade=""), False, None, "mã ngạch"),
    ],
)
def test_tt08_2013_art3_tt03_2021_early_raise_eligibility(
    book: RuleBook, facts: PersonFacts, eligible: bool, short: int | None, why: str
) -> None:
    (entry,) = _review(book, [facts]).entries
    assert entry.eligible is eligible
    assert entry.months_short == short
    assert why in entry.reason
    assert entry.cadre_id == facts.cadre_id and entry.full_name == facts.full_name


def test_early_raise_result_counts_eligible_against_the_quota(book: RuleBook) -> None:
    people = [person(since=date(2024, 3 + i, 1), cadre_id=str(i)) for i in range(4)]
    result = _review(book, people, payroll=25)
    assert result.cutoff == date(2026, 12, 31)
    assert result.max_months_early == 12
    assert len(result.eligible) == 4 and result.quota == 2 and result.over_quota
    assert not _review(book, people, payroll=40).over_quota
    assert "03/2021" in result.legal_source


@pytest.mark.parametrize("payroll", [-1, True])
def test_bad_payroll_is_a_validation_error(book: RuleBook, payroll: int) -> None:
    with pytest.raises(ValidationError):
        _review(book, [], payroll)


def test_an_edited_quota_changes_only_review_years_from_its_valid_from(book: RuleBook) -> None:
    edited = _edited(book, date(2030, 1, 1), {("early_raise", "quota_pct"): 20})
    assert _review(edited, [], 25, 2029).quota == _review(book, [], 25, 2029).quota == 2
    assert _review(edited, [], 25, 2030).quota == 5


# --- properties -------------------------------------------------------------------------------------------

GRADES = ["01.001", "01.002", "01.003", "01.004", "01.005", "cb_xa_1", "chuyen_gia_cao_cap", "", "zz"]
FORMS = [
    "khien_trach",
    "canh_cao",
    "ha_bac_luong",
    "giang_chuc",
    "cach_chuc",
    "dang_canh_cao",
    "khai_tru",
    "?",
]
LEVELS = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", "khong_xep_loai", ""]

# Mostly realistic values, so most draws reach the arithmetic, plus any date at all, so none can crash it.
near = st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31))
any_date = st.one_of(near, near, near, st.dates())
people_strategy = st.builds(
    PersonFacts,
    cadre_id=st.text(max_size=3),
    grade_code=st.one_of(st.sampled_from(GRADES[:7]), st.sampled_from(GRADES)),
    salary_step=st.one_of(
        st.integers(min_value=1, max_value=9), st.none(), st.integers(min_value=-1, max_value=14)
    ),
    salary_step_date=st.one_of(any_date, st.none()),
    beyond_scale_pct=st.one_of(st.none(), st.integers(min_value=-5, max_value=40)),
    last_raise_early=st.booleans(),
    disciplines=st.lists(
        st.builds(DisciplineFact, decided_on=any_date, form_code=st.sampled_from(FORMS)), max_size=6
    ).map(tuple),
    evaluations=st.lists(
        st.builds(
            EvaluationFact,
            year=st.one_of(
                st.integers(min_value=2000, max_value=2045), st.integers(min_value=1, max_value=9999)
            ),
            level=st.sampled_from(LEVELS),
        ),
        max_size=6,
    ).map(tuple),
)


@PROPERTY
@given(p=people_strategy)
def test_property_no_input_date_crashes_the_regular_raise(book: RuleBook, p: PersonFacts) -> None:
    r = next_regular_raise(p, book)
    if r.known:
        assert p.salary_step_date is not None and r.next_date is not None and r.regular_date is not None
        assert r.next_date >= r.regular_date > p.salary_step_date
        assert r.extension_months == sum(e.months for e in r.extensions)
        if r.kind == "step":
            assert r.next_step is not None and p.salary_step is not None and r.next_step == p.salary_step + 1
        else:
            assert r.beyond_scale_pct is not None and r.beyond_scale_pct >= 5
    else:
        assert r.reason


@PROPERTY
@given(
    people=st.lists(people_strategy, max_size=5),
    year=st.integers(min_value=2022, max_value=2060),
    payroll=st.integers(min_value=0, max_value=10_000),
)
def test_property_no_input_date_crashes_the_early_raise_review(
    book: RuleBook, people: list[PersonFacts], year: int, payroll: int
) -> None:
    result = early_raise_candidates(people, year, payroll, book)
    assert len(result.entries) == len(people)
    assert 0 <= result.quota <= payroll // 10
    for e in result.eligible:
        assert e.months_short is not None and 1 <= e.months_short <= 12


near_period = st.dates(min_value=date(2023, 6, 1), max_value=date(2030, 12, 31))


@PROPERTY
@given(
    disciplines=st.lists(
        st.builds(DisciplineFact, decided_on=near_period, form_code=st.sampled_from(FORMS)), max_size=4
    ),
    failed=st.lists(st.integers(min_value=2023, max_value=2030), max_size=4, unique=True),
    extra=st.builds(DisciplineFact, decided_on=near_period, form_code=st.sampled_from(FORMS)),
)
def test_property_extensions_add_up_and_more_facts_never_bring_a_raise_earlier(
    book: RuleBook, disciplines: list[DisciplineFact], failed: list[int], extra: DisciplineFact
) -> None:
    evaluations = tuple(EvaluationFact(y, "khong_hoan_thanh") for y in failed)
    r = next_regular_raise(person(disciplines=tuple(disciplines), evaluations=evaluations), book)
    assert r.regular_date == date(2027, 1, 1) and r.next_date is not None
    assert r.next_date == add_months(r.regular_date, r.extension_months)
    assert r.extension_months == sum(e.months for e in r.extensions)
    more = next_regular_raise(person(disciplines=(*disciplines, extra), evaluations=evaluations), book)
    assert more.next_date is not None and more.next_date >= r.next_date
