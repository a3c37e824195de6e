"""The rule book in the database: shipped defaults, the admin's dated versions, who may edit, the audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.domain.errors import PermissionDenied, ValidationError
from canbo_desktop.services import rules as rules_svc
from canbo_desktop.services.database import Database


def test_every_shipped_rule_has_a_title_a_source_and_no_gap() -> None:
    """From its first version to 2035 a rule is always in force (a gap would stop every engine that uses it)."""
    from canbo_desktop.domain.dates import add_months

    book = rules_svc.shipped_book()
    assert {"retirement_age", "appointment_term", "holidays", "salary_steps", "evaluation_regime",
            "confidence_vote", "appointment_conditions", "targets"} <= set(book.keys())
    for key in book.keys():
        versions = book.versions(key)
        assert all(v.legal_source for v in versions), f"{key}: a version without its legal source"
        assert all(v.title and v.title != key for v in versions), f"{key}: no Vietnamese title"
        day = versions[0].valid_from
        while day <= date(2035, 12, 31):
            assert book.find(key, day) is not None, f"{key}: nothing in force on {day}"
            day = add_months(day, 1)


def test_an_admin_version_applies_from_its_date_only(demo_db: Database) -> None:
    uowf = demo_db.uow("admin")
    before = rules_svc.rule_book(uowf).params("appointment_term", date(2031, 1, 1))
    params = dict(before) | {"term_months": 48}
    new_id, changes = rules_svc.save_rule_version(
        uowf, key="appointment_term", valid_from=date(2031, 1, 1), params=params,
        legal_source="Nghi\u0323 đi\u0323nh thử 1/2031", role="admin")
    book = rules_svc.rule_book(uowf)
    assert book.params("appointment_term", date(2030, 12, 31))["term_months"] == before["term_months"]
    assert book.params("appointment_term", date(2031, 1, 1))["term_months"] == 48
    assert book.version("appointment_term", date(2031, 1, 1)).legal_source == "Nghị định thử 1/2031"  # NFC
    with uowf() as uow:
        actions = list(uow.session.scalars(select(m.AuditRecord.action).where(m.AuditRecord.entity_id == new_id)))
        logged = list(uow.session.scalars(select(m.ChangeLogRecord.table_name).where(m.ChangeLogRecord.row_id == new_id)))
    assert "rule.edit" in actions and logged == ["rule_set"]  # audited, and travels upward by sync
    rules_svc.withdraw_rule_version(uowf, new_id, role="admin")
    assert rules_svc.rule_book(uowf).params("appointment_term", date(2031, 1, 1))["term_months"] == before["term_months"]


@pytest.mark.parametrize("role", ["clerk", "viewer", "head"])
def test_only_an_admin_edits_rules(demo_db: Database, role: str) -> None:
    uowf = demo_db.uow("canbo")
    params = rules_svc.rule_book(uowf).params("appointment_term", date(2026, 1, 1))
    with pytest.raises(PermissionDenied, match="quản trị viên"):
        rules_svc.save_rule_version(uowf, key="appointment_term", valid_from=date(2027, 1, 1), params=params,
                                    legal_source="x", role=role)


@pytest.mark.parametrize(("change", "message"), [
    ({"term_months": "năm năm"}, "phải là một số"),
    ({"term_months": -5}, "không được âm"),
    ({"term_months": None}, "phải là một số"),
])
def test_a_wrong_value_is_refused_in_vietnamese_and_nothing_is_stored(demo_db: Database, change, message) -> None:
    uowf = demo_db.uow("admin")
    params = dict(rules_svc.rule_book(uowf).params("appointment_term", date(2026, 1, 1))) | change
    with pytest.raises(ValidationError, match=message):
        rules_svc.save_rule_version(uowf, key="appointment_term", valid_from=date(2027, 1, 1), params=params,
                                    legal_source="x", role="admin")
    with uowf() as uow:
        assert uow.session.scalar(select(m.RuleSetRecord.id)) is None


def test_missing_parameter_source_or_unknown_rule_is_refused(demo_db: Database) -> None:
    uowf = demo_db.uow("admin")
    params = dict(rules_svc.rule_book(uowf).params("appointment_term", date(2026, 1, 1)))
    with pytest.raises(ValidationError, match="thiếu tham số: term_months"):
        rules_svc.save_rule_version(uowf, key="appointment_term", valid_from=date(2027, 1, 1),
                                    params={k: v for k, v in params.items() if k != "term_months"},
                                    legal_source="x", role="admin")
    with pytest.raises(ValidationError, match="căn cứ pháp lý"):
        rules_svc.save_rule_version(uowf, key="appointment_term", valid_from=date(2027, 1, 1), params=params,
                                    legal_source="  ", role="admin")
    with pytest.raises(ValidationError, match="Không có quy định"):
        rules_svc.save_rule_version(uowf, key="khong_co", valid_from=date(2027, 1, 1), params=params,
                                    legal_source="x", role="admin")


def test_facts_gather_the_history_rules_need(demo_db: Database) -> None:
    with demo_db.uow("t")() as uow:
        people = FactsRepository(uow.session).people()
    assert people and all(p.status in ("dang_cong_tac", "biet_phai", "nghi_khong_luong") for p in people)
    viet = next(p for p in people if p.full_name == "Đặng Quốc Việt")
    assert viet.birth_date == date(1975, 3, 12) and viet.sex == "M"
    assert [e.year for e in viet.evaluations] == sorted(e.year for e in viet.evaluations) and viet.evaluations
    assert viet.unit_province_code  # the province the office belongs to, for "non-local" leaders
    leaders = [p for p in people if p.title_code]
    assert leaders and any(p.term_end_date for p in leaders)
    assert any(t.kind == "cap_nhat_kien_thuc" for p in leaders for t in p.trainings)


def test_reminders_in_a_separate_process_are_the_same(demo_db: Database) -> None:
    from canbo_desktop.services import reminders as reminders_svc

    at = date(2026, 11, 22)
    here = reminders_svc.reminders(demo_db.uow("t"), at)
    there = reminders_svc.reminders_in_process(demo_db.target, at)
    assert there.counts() == here.counts() and sum(there.counts().values()) > 0
    assert [(r.kind, r.cadre_id, r.due) for r in there.items] == [(r.kind, r.cadre_id, r.due) for r in here.items]
