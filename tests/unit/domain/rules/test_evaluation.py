"""Evaluation and classification: NĐ 90/2020 + NĐ 48/2023 (years ≤ 2025) and NĐ 335/2025 (from 2026)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleMissing, RuleVersion
from canbo_desktop.domain.rules.evaluation import (
    RULE_KEY,
    EvaluationInput,
    TaskItem,
    check_quota,
    classify,
    level_for_score,
    regime_date,
    task_score,
)
from canbo_desktop.domain.rules.facts import DisciplineFact

from ..vietnamese import PROPERTY

RANK = {"khong_xep_loai": 0, "khong_hoan_thanh": 1, "hoan_thanh": 2, "tot": 3, "xuat_sac": 4}
CBCC_LEVEL_3 = "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"


def nd335(general: float, task: float, **kw: object) -> EvaluationInput:
    return EvaluationInput(2026, general_score=general, task_score=task, **kw)  # type: ignore[arg-type]


# --- which regime applies -------------------------------------------------------------------------


def test_regime_is_looked_up_on_31_december_of_the_evaluation_year() -> None:
    assert regime_date(2025) == date(2025, 12, 31)
    with pytest.raises(ValidationError):
        regime_date(0)


@pytest.mark.parametrize(
    ("year", "regime", "valid_from"),
    [
        (2021, "nd90", date(2020, 8, 13)),
        (2022, "nd90", date(2020, 8, 13)),
        (2023, "nd90", date(2023, 9, 15)),  # NĐ 48/2023 in force 15/09/2023 governs the 2023 evaluation
        (2025, "nd90", date(2023, 9, 15)),
        (2026, "nd335", date(2026, 1, 1)),
        (2031, "nd335", date(2026, 1, 1)),
    ],
)
def test_nd90_2020_to_2025_then_nd335_2025_from_2026(
    book: RuleBook, year: int, regime: str, valid_from: date
) -> None:
    inp = (
        EvaluationInput(year, proposed_level="tot")
        if regime == "nd90"
        else EvaluationInput(year, general_score=25, task_score=55)
    )
    c = classify(inp, book)
    assert (c.regime, c.rule_valid_from, c.level) == (regime, valid_from, "tot")
    assert c.legal_source


def test_year_without_a_rule_is_rule_missing(book: RuleBook) -> None:
    with pytest.raises(RuleMissing, match="evaluation_regime"):
        classify(EvaluationInput(2019, proposed_level="tot"), book)


# --- NĐ 90/2020 + NĐ 48/2023 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "level", "label"),
    [
        ("vien_chuc", "xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
        ("vien_chuc", "tot", "Hoàn thành tốt nhiệm vụ"),
        ("vien_chuc", "hoan_thanh", "Hoàn thành nhiệm vụ"),
        ("vien_chuc", "khong_hoan_thanh", "Không hoàn thành nhiệm vụ"),
        ("cong_chuc", "hoan_thanh", CBCC_LEVEL_3),
        ("can_bo", "hoan_thanh", CBCC_LEVEL_3),
        ("cong_chuc", "tot", "Hoàn thành tốt nhiệm vụ"),
    ],
)
def test_nd90_2020_four_levels_and_cbcc_label_for_level_3(
    book: RuleBook, category: str, level: str, label: str
) -> None:
    c = classify(EvaluationInput(2024, category=category, proposed_level=level), book)
    assert (c.level, c.label, c.rated, c.capped_by) == (level, label, True, ())


def test_nd335_2025_level_3_label_is_plain_hoan_thanh_for_cong_chuc(book: RuleBook) -> None:
    c = classify(nd335(20, 40, category="cong_chuc"), book)
    assert (c.level, c.label) == ("hoan_thanh", "Hoàn thành nhiệm vụ")


@pytest.mark.parametrize("year", [2023, 2024, 2025])
@pytest.mark.parametrize("form", ["khien_trach", "canh_cao", "dang_khien_trach", "dang_canh_cao"])
def test_nd48_2023_disciplined_in_year_is_not_completed(book: RuleBook, year: int, form: str) -> None:
    d = DisciplineFact(date(year, 6, 1), form, "party" if form.startswith("dang") else "admin")
    c = classify(EvaluationInput(year, proposed_level="xuat_sac", disciplines=(d,)), book)
    assert c.level == "khong_hoan_thanh"
    assert [r.code for r in c.capped_by] == ["ky_luat"]
    assert "01/06" in c.capped_by[0].text and "NĐ 48/2023" in c.capped_by[0].legal_source


def test_nd48_2023_discipline_of_another_year_does_not_count(book: RuleBook) -> None:
    d = DisciplineFact(date(2023, 12, 31), "canh_cao")
    c = classify(EvaluationInput(2024, proposed_level="tot", disciplines=(d,)), book)
    assert (c.level, c.capped_by) == ("tot", ())


def test_nd48_2023_disciplined_needs_no_proposal(book: RuleBook) -> None:
    d = DisciplineFact(date(2024, 3, 1), "khien_trach")
    assert classify(EvaluationInput(2024, disciplines=(d,)), book).level == "khong_hoan_thanh"
    with pytest.raises(ValidationError, match="đề xuất"):
        classify(EvaluationInput(2024), book)


def test_nd90_2020_before_nd48_party_discipline_alone_does_not_fail(book: RuleBook) -> None:
    party = DisciplineFact(date(2022, 5, 1), "dang_khien_trach", "party")
    admin = DisciplineFact(date(2022, 5, 1), "khien_trach")
    assert classify(EvaluationInput(2022, proposed_level="tot", disciplines=(party,)), book).level == "tot"
    assert classify(EvaluationInput(2022, proposed_level="tot", disciplines=(admin,)), book).level == (
        "khong_hoan_thanh"
    )


@pytest.mark.parametrize(
    ("months_worked", "maternity", "level", "rated"),
    [
        (5.9, False, "khong_xep_loai", False),
        (0, False, "khong_xep_loai", False),
        (6, False, "tot", True),  # exactly 6 months: rated
        (12, False, "tot", True),
        (4, True, "tot", True),  # maternity leave excepted
    ],
)
def test_nd48_2023_under_6_months_worked_not_rated_maternity_excepted(
    book: RuleBook, months_worked: float, maternity: bool, level: str, rated: bool
) -> None:
    c = classify(
        EvaluationInput(2024, proposed_level="tot", months_worked=months_worked, maternity=maternity), book
    )
    assert (c.level, c.rated) == (level, rated)
    if not rated:
        assert c.label == "Không xếp loại chất lượng" and c.capped_by[0].code == "thoi_gian_cong_tac"


def test_nd90_2020_before_nd48_short_year_still_rated(book: RuleBook) -> None:
    assert classify(EvaluationInput(2022, proposed_level="tot", months_worked=3), book).level == "tot"


@pytest.mark.parametrize(
    ("absent", "maternity", "proposed", "level"),
    [
        (2.9, False, "xuat_sac", "xuat_sac"),
        (3, False, "xuat_sac", "hoan_thanh"),  # exactly 3 months: capped
        (5.9, False, "tot", "hoan_thanh"),
        (6, False, "tot", "tot"),  # the rule reads "3 to under 6 months"
        (4, False, "hoan_thanh", "hoan_thanh"),
        (4, False, "khong_hoan_thanh", "khong_hoan_thanh"),  # a cap never raises
        (4, True, "tot", "tot"),  # maternity leave excepted
    ],
)
def test_nd48_2023_absent_3_to_6_months_at_most_completed(
    book: RuleBook, absent: float, maternity: bool, proposed: str, level: str
) -> None:
    c = classify(
        EvaluationInput(2025, proposed_level=proposed, months_absent=absent, maternity=maternity), book
    )
    assert c.level == level
    assert ("nghi_khong_lam_viec" in [r.code for r in c.capped_by]) == (3 <= absent < 6 and not maternity)


def test_nd90_2020_unknown_proposed_level_is_an_error(book: RuleBook) -> None:
    with pytest.raises(ValidationError, match="gioi"):
        classify(EvaluationInput(2024, proposed_level="gioi"), book)


# --- NĐ 335/2025 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("general", "task", "level"),
    [
        (30, 70, "xuat_sac"),
        (30, 60, "xuat_sac"),  # exactly 90
        (29.99, 60, "tot"),
        (25, 45, "tot"),  # exactly 70
        (25, 44.99, "hoan_thanh"),
        (20, 30, "hoan_thanh"),  # exactly 50
        (20, 29.99, "khong_hoan_thanh"),
        (0, 0, "khong_hoan_thanh"),
    ],
)
def test_nd335_2025_bands_90_70_50(book: RuleBook, general: float, task: float, level: str) -> None:
    c = classify(nd335(general, task), book)
    assert c.level == level
    assert c.score == pytest.approx(general + task)


def test_nd335_2025_total_rounded_to_two_decimals_before_banding(book: RuleBook) -> None:
    # 29.995 + 60 = 89.995 → 90.00 (ROUND_HALF_UP, score_decimals = 2)
    # [U] the rounding is a configured assumption, not read in ND 335
    assert classify(nd335(29.995, 60), book).level == "xuat_sac"
    assert classify(nd335(29.994, 60), book).level == "tot"
    assert level_for_score(89.995, 2026, book) == "xuat_sac"


@pytest.mark.parametrize(
    ("flags", "is_leader", "level"),
    [
        (frozenset({"suy_thoai"}), False, "khong_hoan_thanh"),
        (frozenset({"don_vi_tham_nhung"}), True, "khong_hoan_thanh"),
        (frozenset({"don_vi_tham_nhung"}), False, "xuat_sac"),  # only a leader answers for the unit
        (frozenset(), True, "xuat_sac"),
    ],
)
def test_nd335_2025_veto_conditions_force_not_completed(
    book: RuleBook, flags: frozenset[str], is_leader: bool, level: str
) -> None:
    c = classify(nd335(30, 68, veto_flags=flags, is_leader=is_leader), book)
    assert c.level == level
    assert c.score == 98
    if level == "khong_hoan_thanh":
        assert c.capped_by and "NĐ 335/2025" in c.capped_by[0].legal_source


@pytest.mark.parametrize(
    ("form", "level"),
    [
        ("khien_trach", "khong_hoan_thanh"),
        ("cach_chuc", "khong_hoan_thanh"),
        ("dang_khien_trach", "tot"),  # [U] party discipline not counted automatically under ND 335
    ],
)
def test_nd335_2025_disciplined_reprimand_or_above_is_not_completed(
    book: RuleBook, form: str, level: str
) -> None:
    d = DisciplineFact(date(2026, 2, 1), form)
    assert classify(nd335(25, 55, disciplines=(d,)), book).level == level


def test_nd335_2025_veto_without_scores_and_scores_required_otherwise(book: RuleBook) -> None:
    c = classify(EvaluationInput(2026, veto_flags=frozenset({"suy_thoai"})), book)
    assert (c.level, c.score) == ("khong_hoan_thanh", None)
    with pytest.raises(ValidationError, match="điểm"):
        classify(EvaluationInput(2026), book)


def test_unknown_veto_code_is_an_error(book: RuleBook) -> None:
    with pytest.raises(ValidationError, match="khong_co"):
        classify(nd335(20, 50, veto_flags=frozenset({"khong_co"})), book)


@pytest.mark.parametrize(
    ("general", "task"),
    [(31, 50), (-1, 50), (20, 70.01), (20, -0.5), (math.nan, 50), (20, math.inf)],
)
def test_nd335_2025_scores_outside_the_scale_are_rejected(
    book: RuleBook, general: float, task: float
) -> None:
    with pytest.raises(ValidationError):
        classify(nd335(general, task), book)


def test_nd335_2025_absence_cap_applies_to_score_band(book: RuleBook) -> None:
    c = classify(nd335(30, 65, months_absent=4), book)
    assert c.level == "hoan_thanh" and c.score == 95


# --- ND 335 task score ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "quantity", "quality", "timeliness", "score"),
    [
        ([TaskItem()] * 4, 100, 100, 100, 70),
        ([TaskItem()] * 3 + [TaskItem(completed=False)], 75, 75, 75, 52.5),
        # 10 tasks, 2 not done, one with a major error and a delay: (80 + 77.5 + 77.5) / 3 × 0.7
        (
            [TaskItem()] * 7 + [TaskItem(major_errors=1, delays=1)] + [TaskItem(completed=False)] * 2,
            80,
            77.5,
            77.5,
            54.83,
        ),
        ([TaskItem(major_errors=2)], 100, 50, 100, 58.33),  # −25% per major error
        ([TaskItem(delays=3)], 100, 100, 25, 52.5),  # −25% per delay
        ([TaskItem(major_errors=5, delays=9)], 100, 0, 0, 23.33),  # never below 0
        ([TaskItem(major_errors=2, delays=2, objective_cause=True)], 100, 100, 100, 70),
        ([TaskItem(weight=3), TaskItem(weight=1, completed=False)], 75, 75, 75, 52.5),
    ],
)
def test_nd335_2025_task_score_quantity_quality_timeliness_minus_25_percent(
    book: RuleBook, items: list[TaskItem], quantity: float, quality: float, timeliness: float, score: float
) -> None:
    t = task_score(items, 2026, book)
    assert (t.quantity_pct, t.quality_pct, t.timeliness_pct) == (quantity, quality, timeliness)
    assert t.score == pytest.approx(score)
    assert "NĐ 335/2025" in t.legal_source


def test_nd335_2025_leader_task_score_averages_extra_components(book: RuleBook) -> None:
    t = task_score([TaskItem()] * 2, 2026, book, extra_percentages=[40, 40, 40])
    assert t.mean_pct == 70 and t.score == 49


def test_nd335_2025_task_score_component_base_is_data(book: RuleBook) -> None:
    v = book.version(RULE_KEY, date(2026, 12, 31))
    params = dict(v.params)
    params["task"] = {**params["task"], "component_base": "completed"}
    changed = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    items = [TaskItem(), TaskItem(completed=False)]
    assert task_score(items, 2029, changed, extra_percentages=()).quality_pct == 50
    assert task_score(items, 2030, changed).quality_pct == 100


@pytest.mark.parametrize(
    "items",
    [
        [],
        [TaskItem(weight=0)],
        [TaskItem(weight=-1)],
        [TaskItem(major_errors=-1)],
        [TaskItem(weight=math.nan)],
    ],
)
def test_task_score_rejects_impossible_items(book: RuleBook, items: list[TaskItem]) -> None:
    with pytest.raises(ValidationError):
        task_score(items, 2026, book)


def test_nd90_2020_has_no_task_score(book: RuleBook) -> None:
    with pytest.raises(ValidationError, match="NĐ 90"):
        task_score([TaskItem()], 2025, book)
    with pytest.raises(ValidationError):
        level_for_score(80, 2025, book)


# --- quota ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n_tot", "n_xs", "allowed", "over"),
    [
        (10, 2, 2, 0),  # exactly 20%
        (10, 3, 2, 1),
        (4, 1, 0, 1),  # 20% of 4 is 0.8: no whole person allowed
        (5, 1, 1, 0),
        (0, 1, 0, 1),
        (0, 0, 0, 0),
        (100, 20, 20, 0),
    ],
)
def test_nd335_2025_xuat_sac_quota_20_percent_of_tot(
    book: RuleBook, n_tot: int, n_xs: int, allowed: int, over: int
) -> None:
    levels = ["tot"] * n_tot + ["xuat_sac"] * n_xs + ["hoan_thanh"] * 7
    q = check_quota(levels, 2026, book)
    assert (q.count_tot, q.count_xuat_sac, q.allowed_max, q.over_by, q.ok) == (
        n_tot,
        n_xs,
        allowed,
        over,
        over == 0,
    )
    assert q.max_pct == 20 and ("vượt" in q.message) == (over > 0)


def test_nd335_2025_outstanding_unit_quota_25_percent(book: RuleBook) -> None:
    levels = ["tot"] * 4 + ["xuat_sac"]
    assert not check_quota(levels, 2026, book).ok
    assert check_quota(levels, 2026, book, outstanding_unit=True).ok


def test_nd48_2023_quota_and_none_before(book: RuleBook) -> None:
    levels = ["tot"] * 4 + ["xuat_sac"] * 3
    assert check_quota(levels, 2024, book).over_by == 3
    q = check_quota(levels, 2022, book)
    assert q.ok and q.allowed_max is None and "không giới hạn" in q.message


# --- versions: a new version changes results only from its valid_from ------------------------------


def test_new_version_changes_bands_only_from_its_year(book: RuleBook) -> None:
    params = dict(book.version(RULE_KEY, date(2026, 12, 31)).params)
    params["bands"] = [
        {"level": "xuat_sac", "min": 95},
        {"level": "tot", "min": 80},
        {"level": "hoan_thanh", "min": 60},
    ]
    params["quota"] = {"max_pct_of_tot": 50, "outstanding_max_pct": None}
    changed = book.with_versions(RuleVersion(key=RULE_KEY, valid_from=date(2030, 1, 1), params=params))
    for year, expected in [(2026, "xuat_sac"), (2029, "xuat_sac"), (2030, "tot"), (2031, "tot")]:
        assert classify(EvaluationInput(year, general_score=28, task_score=64), changed).level == expected
    assert check_quota(["tot"] * 4 + ["xuat_sac"] * 2, 2029, changed).over_by == 2
    assert check_quota(["tot"] * 4 + ["xuat_sac"] * 2, 2030, changed).ok


def test_new_nd90_style_version_changes_absence_cap_only_from_its_year(book: RuleBook) -> None:
    params = dict(book.version(RULE_KEY, date(2025, 12, 31)).params)
    params["absence_cap"] = None
    changed = book.with_versions(
        RuleVersion(key=RULE_KEY, valid_from=date(2025, 1, 1), valid_to=date(2025, 12, 31), params=params)
    )
    assert (
        classify(EvaluationInput(2024, proposed_level="tot", months_absent=4), changed).level == "hoan_thanh"
    )
    assert classify(EvaluationInput(2025, proposed_level="tot", months_absent=4), changed).level == "tot"


# --- properties -----------------------------------------------------------------------------------

_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=-(10**6), max_value=10**6)
)


@PROPERTY
@given(
    year=st.integers(min_value=-5, max_value=10_000),
    proposed=st.sampled_from([None, "xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", "x"]),
    general=st.one_of(st.none(), _numbers),
    task=st.one_of(st.none(), _numbers),
    worked=_numbers,
    absent=_numbers,
    maternity=st.booleans(),
    discipline_day=st.one_of(st.none(), st.dates()),
    flags=st.frozensets(st.sampled_from(["suy_thoai", "don_vi_tham_nhung", "x"]), max_size=2),
    category=st.sampled_from(["can_bo", "cong_chuc", "vien_chuc", "", "hop_dong"]),
)
def test_no_input_crashes_classify(
    book: RuleBook,
    year: int,
    proposed: str | None,
    general: float | None,
    task: float | None,
    worked: float,
    absent: float,
    maternity: bool,
    discipline_day: date | None,
    flags: frozenset[str],
    category: str,
) -> None:
    disciplines = () if discipline_day is None else (DisciplineFact(discipline_day, "khien_trach"),)
    inp = EvaluationInput(
        year, category, proposed, general, task, worked, absent, maternity, disciplines, flags, is_leader=True
    )
    try:
        c = classify(inp, book)
    except CanboError as exc:
        assert exc.message
        return
    assert c.level in RANK and c.label
    assert c.rated == (c.level != "khong_xep_loai")


@PROPERTY
@given(
    year=st.integers(min_value=2026, max_value=2100),
    a=st.tuples(st.floats(0, 30), st.floats(0, 70)),
    b=st.tuples(st.floats(0, 30), st.floats(0, 70)),
    absent=st.sampled_from([0, 4]),
    vetoed=st.booleans(),
)
def test_nd335_2025_classification_is_monotone_in_score(
    book: RuleBook, year: int, a: tuple[float, float], b: tuple[float, float], absent: int, vetoed: bool
) -> None:
    flags = frozenset({"suy_thoai"}) if vetoed else frozenset()
    lo, hi = sorted([a, b], key=lambda s: s[0] + s[1])
    c_lo = classify(
        EvaluationInput(year, general_score=lo[0], task_score=lo[1], months_absent=absent, veto_flags=flags),
        book,
    )
    c_hi = classify(
        EvaluationInput(year, general_score=hi[0], task_score=hi[1], months_absent=absent, veto_flags=flags),
        book,
    )
    assert c_lo.score is not None and c_hi.score is not None and c_lo.score <= c_hi.score
    assert RANK[c_lo.level] <= RANK[c_hi.level]
    if vetoed:
        assert c_lo.level == c_hi.level == "khong_hoan_thanh"


@PROPERTY
@given(
    items=st.lists(
        st.builds(
            TaskItem,
            weight=st.one_of(st.floats(min_value=-1, max_value=1e7), st.just(math.nan), st.integers(-3, 100)),
            completed=st.booleans(),
            major_errors=st.integers(-1, 10),
            delays=st.integers(-1, 10),
            objective_cause=st.booleans(),
        ),
        max_size=8,
    ),
    extra=st.lists(st.floats(allow_nan=True), max_size=3),
)
def test_no_input_crashes_task_score_and_score_stays_in_range(
    book: RuleBook, items: list[TaskItem], extra: list[float]
) -> None:
    try:
        t = task_score(items, 2026, book, extra_percentages=extra)
    except ValidationError:
        return
    assert 0 <= t.score <= 70
    assert 0 <= t.quantity_pct <= 100 and 0 <= t.quality_pct <= 100 and 0 <= t.timeliness_pct <= 100


@PROPERTY
@given(
    levels=st.lists(st.sampled_from(["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", "?"]), max_size=60)
)
def test_quota_allowed_never_exceeds_20_percent_of_tot(book: RuleBook, levels: list[str]) -> None:
    q = check_quota(levels, 2026, book)
    assert q.allowed_max is not None and q.allowed_max * 5 <= q.count_tot < (q.allowed_max + 1) * 5
    assert q.ok == (q.count_xuat_sac <= q.allowed_max)
