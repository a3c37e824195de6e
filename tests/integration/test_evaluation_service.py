"""Evaluation rounds on a real demo database: open, enter, the quota and the veto conditions checked live,
approve, lock, and a locked result changed only by a recorded correction."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, func, select

from canbo_desktop.db import models as m
from canbo_desktop.db.facts import ACTIVE_STATUSES
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.decisions import DecisionInput
from canbo_desktop.domain.errors import Conflict, PermissionDenied, ValidationError
from canbo_desktop.services import evaluation as ev
from canbo_desktop.services import records
from canbo_desktop.services.database import Database


def commune(db: Database) -> m.OrgUnitRecord:
    """The demo commune with the most people (a commune is a unit with sub-units)."""
    with db.uow("t")() as uow:
        U, C = m.OrgUnitRecord, m.CadreRecord
        best = None
        for u in uow.session.scalars(select(U).where(U.kind.in_(("xa", "phuong")))):
            n = uow.session.scalar(select(func.count()).select_from(C).join(U, U.id == C.owner_unit_id).where(
                U.path.startswith(u.path), C.status.in_(ACTIVE_STATUSES), C.trashed_at.is_(None)))
            if best is None or n > best[0]:
                best = (n, u)
        assert best is not None and best[0] >= 7, "the demo commune needs at least 7 people"
        uow.session.expunge(best[1])
        return best[1]


def active_count(db: Database, path: str) -> int:
    with db.uow("t")() as uow:
        U, C = m.OrgUnitRecord, m.CadreRecord
        return int(uow.session.scalar(select(func.count()).select_from(C).join(U, U.id == C.owner_unit_id).where(
            U.path.startswith(path), C.status.in_(ACTIVE_STATUSES), C.trashed_at.is_(None), C.deleted.is_(False))))


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, sql, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(sql)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def score(general: float, tasks: float) -> w.EntryInput:
    return w.EntryInput(score_general=general, score_tasks=tasks)


def test_a_round_has_every_active_person_of_the_unit_and_the_regime_of_its_year(demo_db: Database) -> None:
    unit = commune(demo_db)
    head = demo_db.uow("truongphong")
    with pytest.raises(PermissionDenied, match="lãnh đạo phòng"):
        ev.open_round(demo_db.uow("canbo"), unit.id, 2026, role="clerk")
    rid, changes = ev.open_round(head, unit.id, 2026, role="head")
    v = ev.round_grid(head, rid)
    assert v.regime == "nd335" and "NĐ 335/2025" in v.legal_source and v.status_label == "Đang nhập kết quả"
    assert len(v.rows) == active_count(demo_db, unit.path) == len(changes.created["evaluation"])
    assert not any(r.entered for r in v.rows) and all("Chưa nhập kết quả." in r.problems for r in v.rows)
    assert v.problems[0].startswith(f"Còn {len(v.rows)} người chưa có kết quả")
    assert not v.can_approve
    with pytest.raises(Conflict, match="đã có đợt đánh giá năm 2026"):
        ev.open_round(head, unit.id, 2026, role="head")
    assert ev.find_round(head, unit.id, 2026) == rid
    assert [(s.year, s.people) for s in ev.list_rounds(head)] == [(2026, len(v.rows))]

    # 2025 follows NĐ 90/48: the results the demo already holds for 2025 join the round as they are
    with demo_db.uow("t")() as uow:
        held = dict(uow.session.execute(select(m.EvaluationRecord.cadre_id, m.EvaluationRecord.level).where(
            m.EvaluationRecord.year == 2025)).all())
    rid25, _ = ev.open_round(head, unit.id, 2025, role="head")
    v25 = ev.round_grid(head, rid25)
    assert v25.regime == "nd90" and len(v25.rows) == len(v.rows)
    kept = [r for r in v25.rows if r.cadre_id in held]
    assert kept and all(r.entered and r.level == held[r.cadre_id] for r in kept)
    labels = {r.level: r.level_label for r in v25.rows}
    if "hoan_thanh" in labels:  # level 3 reads the civil-servant way under NĐ 90
        assert labels["hoan_thanh"] == "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"


def test_a_whole_round_enter_quota_warning_approve_lock_correct(demo_db: Database) -> None:
    unit = commune(demo_db)
    clerk, head = demo_db.uow("canbo"), demo_db.uow("truongphong")
    rid, _ = ev.open_round(head, unit.id, 2026, role="head")
    rows = ev.round_grid(clerk, rid).rows
    # Enter down the grid: two "Xuất sắc" (≥ 90), the rest "Tốt" (70–<90) and one "Hoàn thành"
    plan = [(28, 64), (27, 65)] + [(25, 55)] * (len(rows) - 3) + [(20, 40)]
    for row, (g, t) in zip(rows, plan, strict=True):
        ev.save_entry(clerk, row.evaluation_id, dataclasses.replace(w.entry_from_row(row), score_general=g,
                                                                    score_tasks=t), role="clerk")
    v = ev.round_grid(clerk, rid)
    n_tot = len(rows) - 3
    assert v.level_counts == {"xuat_sac": 2, "tot": n_tot, "hoan_thanh": 1}
    assert v.rows[0].score_total == 92 and v.rows[0].level_label == "Hoàn thành xuất sắc nhiệm vụ"
    assert not v.quota.ok and v.quota.allowed_max == n_tot * 20 // 100
    assert any("Vượt tỷ lệ «Hoàn thành xuất sắc nhiệm vụ»" in p and "20%" in p for p in v.problems)
    with pytest.raises(ValidationError, match="Chưa phê duyệt được: Vượt tỷ lệ"):
        ev.approve_round(head, rid, role="head")

    # The head brings the second "Xuất sắc" down to 89: one of them remains, within 20% of the "Tốt"
    second = v.rows[1]
    ev.save_entry(clerk, second.evaluation_id, dataclasses.replace(w.entry_from_row(second), score_tasks=61),
                  role="clerk", expected_rev=second.rev)
    with pytest.raises(Conflict):  # a stale grid line does not overwrite
        ev.save_entry(clerk, second.evaluation_id, w.entry_from_row(second), role="clerk", expected_rev=second.rev)
    v = ev.round_grid(head, rid)
    assert v.quota.ok and v.problems == () and v.can_approve
    with pytest.raises(PermissionDenied):
        ev.approve_round(clerk, rid, role="clerk")
    ev.approve_round(head, rid, role="head")
    with pytest.raises(ValidationError, match="đã được phê duyệt"):
        ev.save_entry(clerk, second.evaluation_id, score(30, 70), role="clerk")
    ev.reopen_round(head, rid, role="head")
    ev.approve_round(head, rid, role="head")
    ev.lock_round(head, rid, role="head")
    v = ev.round_grid(head, rid)
    assert v.status == "locked" and v.approved_by == "truongphong" and v.locked_on is not None

    # Locked: any change but a recorded correction is refused with a clear message
    last = v.rows[-1]
    with pytest.raises(ValidationError, match="đã khoá: chỉ thay đổi được bằng đính chính"):
        ev.save_entry(clerk, last.evaluation_id, score(25, 60), role="clerk")
    with pytest.raises(ValidationError, match="đã khoá"):
        ev.add_product(clerk, last.evaluation_id, w.ProductInput("Báo cáo"), role="clerk")
    with pytest.raises(ValidationError, match="không mở lại được"):
        ev.reopen_round(head, rid, role="head")
    with pytest.raises(ValidationError, match="lý do"):
        ev.correct(head, last.evaluation_id, "score_tasks", "50", " ", role="head")
    with pytest.raises(PermissionDenied):
        ev.correct(clerk, last.evaluation_id, "score_tasks", "50", "Phúc khảo", role="clerk")
    ev.correct(head, last.evaluation_id, "score_tasks", "50,5", "Phúc khảo theo đơn ngày 05/01/2027",
               role="head", on=date(2027, 1, 10))
    v = ev.round_grid(head, rid)
    row = v.row(last.cadre_id)
    assert (row.score_tasks, row.score_total, row.level) == (50.5, 70.5, "tot")
    assert [(c.field_label, c.old_value, c.new_value) for c in v.corrections] == [
        ("Điểm kết quả thực hiện nhiệm vụ", "40", "50,5"),
        ("Kết quả xếp loại", "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ")]
    assert all(c.reason.startswith("Phúc khảo") and c.by == "truongphong" and c.corrected_on == date(2027, 1, 10)
               for c in v.corrections)
    with pytest.raises(ValidationError, match="giống giá trị đang lưu"):
        ev.correct(head, last.evaluation_id, "score_tasks", 50.5, "Nhập lại lần hai", role="head")
    with demo_db.uow("t")() as uow:
        actions = set(uow.session.scalars(select(m.AuditRecord.action).where(m.AuditRecord.action.like("evaluation.%"))))
    assert {"evaluation.open", "evaluation.approve", "evaluation.lock", "evaluation.correct"} <= actions


def test_discipline_and_veto_force_the_level_down_with_the_reason(demo_db: Database) -> None:
    unit = commune(demo_db)
    uowf = demo_db.uow("truongphong")
    rid, _ = ev.open_round(uowf, unit.id, 2026, role="head")
    a, b, c = ev.round_grid(uowf, rid).rows[:3]
    for row in (a, b, c):
        ev.save_entry(uowf, row.evaluation_id, score(27, 60), role="head")
    # a: a warning decided in the year, recorded AFTER the entry: the grid says the stored level is wrong
    records.record_decision(uowf, a.cadre_id, DecisionInput(
        kind="ky_luat", number="07/QĐ-UBND", signed_on=date(2026, 6, 2), issuer="UBND xã",
        effective_date=date(2026, 6, 2), form_code="canh_cao", summary="Vi phạm quy chế"))
    # b: concluded to show ethical degradation (a veto condition)
    ev.save_entry(uowf, b.evaluation_id, dataclasses.replace(score(27, 60), veto_flags=("suy_thoai",)), role="head")
    # c: absent 4 months: at most "Hoàn thành"
    ev.save_entry(uowf, c.evaluation_id, dataclasses.replace(score(27, 60), months_absent=4), role="head")
    v = ev.round_grid(uowf, rid)
    ra, rb, rc = v.row(a.cadre_id), v.row(b.cadre_id), v.row(c.cadre_id)
    assert ra.level == "tot" and ra.computed_level == "khong_hoan_thanh"
    assert "Cảnh cáo ngày 02/06/2026" in ra.reasons[0].text and ra.reasons[0].legal_source.startswith("NĐ 335/2025")
    assert any("khác mức theo quy định hiện hành «Không hoàn thành nhiệm vụ»" in p for p in ra.problems)
    assert any("1 người có mức đã lưu khác mức" in p for p in v.problems)
    assert rb.level == "khong_hoan_thanh" and "suy thoái" in rb.reasons[0].text and rb.problems == ()
    assert rc.level == "hoan_thanh" and "Nghỉ không làm việc 4 tháng" in rc.reasons[0].text
    ev.save_entry(uowf, a.evaluation_id, w.entry_from_row(ra), role="head")  # saving again applies the rule
    assert ev.grid_row(uowf, a.evaluation_id).level == "khong_hoan_thanh"
    with pytest.raises(ValidationError, match="Không có điều kiện loại trừ: khong_co"):
        ev.save_entry(uowf, a.evaluation_id, dataclasses.replace(score(27, 60), veto_flags=("khong_co",)), role="head")


def test_entries_are_validated_for_the_regime_of_the_year(demo_db: Database) -> None:
    unit = commune(demo_db)
    uowf = demo_db.uow("canbo")
    rid, _ = ev.open_round(demo_db.uow("admin"), unit.id, 2026, role="admin")
    row = ev.round_grid(uowf, rid).rows[0]
    with pytest.raises(ValidationError) as err:
        ev.save_entry(uowf, row.evaluation_id, score(31, 71), role="clerk")
    assert err.value.fields == {"score_general": "Điểm tiêu chí chung phải trong khoảng 0–30.",
                                "score_tasks": "Điểm kết quả thực hiện nhiệm vụ phải trong khoảng 0–70."}
    with pytest.raises(ValidationError, match="xếp loại theo điểm"):
        ev.save_entry(uowf, row.evaluation_id, w.EntryInput(level="tot"), role="clerk")
    with pytest.raises(ValidationError, match="Chất lượng"):
        ev.save_entry(uowf, row.evaluation_id, w.EntryInput(score_general=25, task_components={
            "quantity_pct": 100, "quality_pct": 130, "timeliness_pct": 90}), role="clerk")
    with pytest.raises(PermissionDenied):
        ev.save_entry(demo_db.uow("xem"), row.evaluation_id, score(25, 60), role="viewer")
    # the components give the task points: mean(100, 90, 80) × 70 / 100 = 63
    ev.save_entry(uowf, row.evaluation_id, w.EntryInput(score_general=26, task_components={
        "quantity_pct": 100, "quality_pct": 90, "timeliness_pct": 80}), role="clerk")
    got = ev.grid_row(uowf, row.evaluation_id)
    assert (got.score_tasks, got.score_total, got.level) == (63.0, 89.0, "tot")
    assert w.entry_from_row(got).task_components == {"quantity_pct": 100, "quality_pct": 90, "timeliness_pct": 80}
    # worked under 6 months (not maternity): not rated
    ev.save_entry(uowf, row.evaluation_id, dataclasses.replace(score(26, 63), months_worked=5), role="clerk")
    assert ev.grid_row(uowf, row.evaluation_id).level == "khong_xep_loai"
    ev.save_entry(uowf, row.evaluation_id, dataclasses.replace(score(26, 63), months_worked=5, maternity=True),
                  role="clerk")
    assert ev.grid_row(uowf, row.evaluation_id).level == "tot"
    ev.save_entry(uowf, row.evaluation_id, w.EntryInput(), role="clerk")  # an empty entry clears the result
    assert not ev.grid_row(uowf, row.evaluation_id).entered
    with pytest.raises(ValidationError, match="số tháng tròn"):
        ev.save_entry(uowf, row.evaluation_id, dataclasses.replace(score(26, 63), months_worked=5.5), role="clerk")
    # typed cell by cell: the first score alone is kept, without a result, until the second comes
    ev.save_entry(uowf, row.evaluation_id, w.EntryInput(score_general=24), role="clerk")
    half = ev.grid_row(uowf, row.evaluation_id)
    assert (half.score_general, half.entered) == (24, False)
    assert half.problems == ("Chưa nhập đủ điểm tiêu chí chung và điểm kết quả nhiệm vụ.",)
    ev.save_entry(uowf, row.evaluation_id, dataclasses.replace(w.entry_from_row(half), score_tasks=50), role="clerk")
    assert ev.grid_row(uowf, row.evaluation_id).level == "tot"

    rid25, _ = ev.open_round(demo_db.uow("admin"), unit.id, 2025, role="admin")
    row25 = ev.round_grid(uowf, rid25).rows[0]
    with pytest.raises(ValidationError, match="Chọn một trong các mức"):
        ev.save_entry(uowf, row25.evaluation_id, w.EntryInput(level="khong_xep_loai"), role="clerk")
    with pytest.raises(ValidationError, match="không chấm điểm"):
        ev.save_entry(uowf, row25.evaluation_id, w.EntryInput(level="tot", score_general=25), role="clerk")
    ev.save_entry(uowf, row25.evaluation_id, w.EntryInput(level="xuat_sac", months_absent=3), role="clerk")
    got = ev.grid_row(uowf, row25.evaluation_id)
    assert (got.proposed_level, got.level) == ("xuat_sac", "hoan_thanh")


def test_products_give_the_task_points_and_follow_their_changes(demo_db: Database) -> None:
    unit = commune(demo_db)
    uowf = demo_db.uow("canbo")
    rid, _ = ev.open_round(demo_db.uow("admin"), unit.id, 2026, role="admin")
    row = ev.round_grid(uowf, rid).rows[0]
    with pytest.raises(ValidationError, match="Chưa có sản phẩm"):
        ev.save_entry(uowf, row.evaluation_id, w.EntryInput(score_general=27, tasks_from_products=True), role="clerk")
    p1, _ = ev.add_product(uowf, row.evaluation_id, w.ProductInput(
        "Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất", "hồ sơ", assigned=120, delivered=120), role="clerk")
    ev.add_product(uowf, row.evaluation_id, w.ProductInput("Báo cáo tổng kết năm", "báo cáo", assigned=1,
                                                           delivered=1, delays=1), role="clerk")
    ev.save_entry(uowf, row.evaluation_id, w.EntryInput(score_general=27, tasks_from_products=True), role="clerk")
    got = ev.grid_row(uowf, row.evaluation_id)
    assert [p.description for p in got.products][0].startswith("Giải quyết hồ sơ") and got.products[1].delays == 1
    assert got.score_tasks == got.product_score.score  # type: ignore[union-attr]
    before = got.score_tasks
    ev.update_product(uowf, p1, w.ProductInput("Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất", "hồ sơ",
                                               assigned=120, delivered=60), role="clerk")
    after = ev.grid_row(uowf, row.evaluation_id)
    assert after.score_tasks is not None and before is not None and after.score_tasks < before
    assert after.task_components["quantity_pct"] == pytest.approx(61 / 121 * 100, abs=0.01)
    # editing another cell of the row (as the grid does) keeps the points following the products
    assert after.tasks_from_products
    ev.save_entry(uowf, row.evaluation_id, dataclasses.replace(w.entry_from_row(after), unit_comment="Tốt"), role="clerk")
    ev.update_product(uowf, p1, w.ProductInput("Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất", "hồ sơ",
                                               assigned=120, delivered=120), role="clerk")
    again = ev.grid_row(uowf, row.evaluation_id)
    assert again.tasks_from_products and again.unit_comment == "Tốt" and again.score_tasks == before
    ev.remove_product(uowf, p1, role="clerk")
    assert len(ev.grid_row(uowf, row.evaluation_id).products) == 1
    with pytest.raises(ValidationError) as err:
        ev.add_product(uowf, row.evaluation_id, w.ProductInput("", assigned=-3), role="clerk")
    assert set(err.value.fields) == {"description", "assigned"}


def test_the_grid_of_the_whole_district_is_read_in_a_few_queries(demo_db: Database) -> None:
    uowf = demo_db.uow("admin")
    with demo_db.uow("t")() as uow:
        root = uow.session.scalars(select(m.OrgUnitRecord).where(m.OrgUnitRecord.depth == 0)).one()
        root_id, root_path = root.id, root.path
    rid, _ = ev.open_round(uowf, root_id, 2026, role="admin")
    with statements(demo_db) as seen:
        v = ev.round_grid(uowf, rid)
    assert len(v.rows) == active_count(demo_db, root_path) > 100
    assert len(seen) < 20, f"{len(seen)} statements for {len(v.rows)} rows"
