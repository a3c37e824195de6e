"""Reminders from facts and the shipped rules: what is due, when, and why (domain.md §3.2, §4, §5, §2)."""

from __future__ import annotations

from datetime import date

from canbo_desktop.domain.rules import RuleBook
from canbo_desktop.domain.rules.facts import EvaluationFact, PersonFacts, VoteFact
from canbo_desktop.domain.rules.reminders import compute_reminders, quarter_bounds

AT = date(2026, 11, 22)


def person(**kw: object) -> PersonFacts:
    base: dict[str, object] = {"cadre_id": "x", "full_name": "Người Thử", "sex": "M", "birth_date": date(1980, 5, 5),
                               "recruitment_date": date(2005, 1, 1),
                               "evaluations": (EvaluationFact(2025, "tot", None),)}
    base.update(kw)
    return PersonFacts(**base)  # type: ignore[arg-type]


def kinds(book: RuleBook, *people: PersonFacts, at: date = AT) -> dict[str, list[str]]:
    report = compute_reminders(people, at, book)
    return {k: [r.detail for r in rows] for k, rows in report.by_kind().items() if rows}


def test_nd135_2020_man_retiring_within_3_months_needs_the_decision(book: RuleBook) -> None:
    # born 15/07/1965: 2027 requires 61y9m, reached 15/04/2027 → retires 30/04/2027 (domain.md §4.2)
    got = kinds(book, person(sex="M", birth_date=date(1965, 7, 15),
                             evaluations=(EvaluationFact(2026, "tot", None),)), at=date(2027, 2, 1))
    assert list(got) == ["retirement_decision"]
    assert got["retirement_decision"][0].startswith("Nghỉ hưu từ 30/04/2027")


def test_nd135_2020_retirement_notice_six_months_ahead(book: RuleBook) -> None:
    got = kinds(book, person(sex="M", birth_date=date(1965, 7, 15)), at=date(2026, 11, 30))
    assert list(got) == ["retirement_notice"]
    assert "thông báo trước 31/10/2026" in got["retirement_notice"][0]


def test_no_retirement_reminder_long_before_or_after(book: RuleBook) -> None:
    assert "retirement_notice" not in kinds(book, person(sex="M", birth_date=date(1965, 7, 15)), at=date(2026, 6, 1))
    after = kinds(book, person(sex="M", birth_date=date(1965, 7, 15)), at=date(2027, 5, 1))
    assert not {"retirement_notice", "retirement_decision"} & set(after)


def test_qd377_term_ending_within_90_working_days(book: RuleBook) -> None:
    got = kinds(book, person(title_code="truong_phong_xa", position_start_date=date(2022, 1, 1),
                             term_end_date=date(2026, 12, 31)))
    assert "term_ending" in got and "31/12/2026" in got["term_ending"][0]
    later = kinds(book, person(title_code="truong_phong_xa", term_end_date=date(2027, 12, 31)))
    assert "term_ending" not in later


def test_tt03_2021_step_raise_due_this_quarter(book: RuleBook) -> None:
    # Chuyên viên (01.003), step 2 since 01/12/2023: next step after 36 months, 01/12/2026, in Q4 2026.
    got = kinds(book, person(grade_code="01.003", salary_step=2, salary_step_date=date(2023, 12, 1)))
    assert "salary_raise" in got and "01/12/2026" in got["salary_raise"][0]
    assert "salary_raise" not in kinds(book, person(grade_code="01.003", salary_step=2,
                                                    salary_step_date=date(2024, 6, 1)))


def test_missing_evaluation_for_last_year(book: RuleBook) -> None:
    got = kinds(book, person(evaluations=(EvaluationFact(2024, "tot", None),)))
    assert got["evaluation_missing"] == ["Chưa nhập kết quả đánh giá, xếp loại năm 2025."]
    recruited_late = person(evaluations=(), recruitment_date=date(2025, 9, 1))  # under 6 months in 2025
    assert "evaluation_missing" not in kinds(book, recruited_late)


def test_weak_performer_two_years_not_completed_or_two_thirds_low_votes(book: RuleBook) -> None:
    failed = person(evaluations=(EvaluationFact(2024, "khong_hoan_thanh", None),
                                 EvaluationFact(2025, "khong_hoan_thanh", None)))
    assert "hai năm liên tiếp (2024 và 2025)" in kinds(book, failed)["weak_performer"][0]
    apart = person(evaluations=(EvaluationFact(2023, "khong_hoan_thanh", None), EvaluationFact(2024, "tot", None),
                                EvaluationFact(2025, "khong_hoan_thanh", None)))
    assert "weak_performer" not in kinds(book, apart)
    recovered = person(evaluations=(EvaluationFact(2021, "khong_hoan_thanh", None),
                                    EvaluationFact(2022, "khong_hoan_thanh", None), EvaluationFact(2023, "tot", None),
                                    EvaluationFact(2024, "tot", None), EvaluationFact(2025, "tot", None)))
    assert "weak_performer" not in kinds(book, recovered)  # 2021–2022 is history by 2026
    low = person(votes=(VoteFact(2025, "", 30, 27, 2, 7, 18),))  # 18/27 = 2/3 exactly
    assert "2/3" in kinds(book, low)["weak_performer"][0]
    no_quorum = person(votes=(VoteFact(2025, "", 30, 19, 0, 1, 18),))  # 19 < 2/3 of 30: the vote is void
    assert "weak_performer" not in kinds(book, no_quorum)


def test_leaders_with_an_incomplete_dossier(book: RuleBook) -> None:
    got = kinds(book, person(title_code="truong_phong_xa"))
    assert "kê khai tài sản" in got["dossier_incomplete"][0] and "ảnh 4×6" in got["dossier_incomplete"][0]
    assert "dossier_incomplete" not in kinds(book, person())  # not a leader nor in planning


def test_quarter_bounds() -> None:
    assert quarter_bounds(date(2026, 11, 22)) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_bounds(date(2026, 1, 1)) == (date(2026, 1, 1), date(2026, 3, 31))


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_dates = st.one_of(st.none(), st.dates(min_value=date(1940, 1, 1), max_value=date(2045, 12, 31)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(birth=_dates, term_end=_dates, step_date=_dates, recruited=_dates,
       at=st.dates(min_value=date(2021, 1, 1), max_value=date(2040, 12, 31)),
       sex=st.sampled_from(["M", "F", ""]), precision=st.sampled_from(["day", "month", "year"]),
       grade=st.sampled_from(["", "01.003", "01.004", "khong_co"]), step=st.one_of(st.none(), st.integers(0, 15)),
       levels=st.lists(st.sampled_from(["tot", "khong_hoan_thanh", "hoan_thanh", ""]), max_size=6))
def test_no_facts_and_no_date_make_the_reminders_crash(book: RuleBook, birth, term_end, step_date, recruited, at, sex,
                                                       precision, grade, step, levels) -> None:
    p = person(sex=sex, birth_date=birth, birth_precision=precision, term_end_date=term_end, title_code="x" if term_end else "",
               grade_code=grade, salary_step=step, salary_step_date=step_date, recruitment_date=recruited,
               evaluations=tuple(EvaluationFact(2019 + i, lv, None) for i, lv in enumerate(levels)))
    report = compute_reminders([p], at, book)
    assert all(r.detail and r.kind in report.counts() for r in report.items)
