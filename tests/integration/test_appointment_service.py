"""The appointment procedure on a real database: policy, the 5 (or 3) steps with quorum and threshold,
the 10-document dossier, the eligibility panel, and the decision that updates the record and the term.
Re-appointment and dismissal follow the same pattern."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from canbo_desktop.db import models as m
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.errors import Conflict, PermissionDenied, ValidationError
from canbo_desktop.services import appointments as ap
from canbo_desktop.services import eligibility as elig
from canbo_desktop.services import planning as pl
from canbo_desktop.services import records
from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.services.database import Database

TITLE = "chu_tich_ubnd_xa"
DOCS = ["to_trinh", "bien_ban", "so_yeu_ly_lich", "ban_tu_kiem_diem", "nhan_xet_danh_gia", "nhan_xet_noi_cu_tru",
        "ket_luan_tieu_chuan_chinh_tri", "ke_khai_tai_san", "van_bang_chung_chi", "giay_kham_suc_khoe"]
DECISION = w.CompletionInput("25/QĐ-UBND", date(2026, 11, 20), "UBND tỉnh Nghệ An", date(2026, 12, 1))


def units(db: Database) -> tuple[str, str]:
    """(a commune's department, the commune's People's Committee)."""
    with db.uow("t")() as uow:
        U = m.OrgUnitRecord
        dept = uow.session.scalars(select(U).where(U.code.like("%.X01.KT"))).one()
        ubnd = uow.session.scalars(select(U).where(U.code.like("%.X01.UBND"))).one()
        return dept.id, ubnd.id


def candidate(db: Database, name: str = "Hoàng Văn Ứng Viên", birth: date = date(1980, 5, 20), *,
              title: str = "truong_phong_xa", start: date = date(2020, 7, 1), planned: bool = True) -> str:
    """A head of a commune department since 2020 meeting every condition for the chairman's post on
    01/12/2026: qualified, rated "Tốt" 2023–2025, asset declaration, health certificate and photo on file."""
    dept, _ = units(db)
    c = d.Cadre(owner_unit_id=dept, full_name=name, sex="M", birth_date=birth, title_code=title,
                current_position="Trưởng phòng Kinh tế", position_start_date=start, term_end_date=date(2025, 6, 30),
                education_level="dai_hoc", political_theory="trung_cap", state_mgmt="chuyen_vien",
                photo_date=date(2026, 9, 1))
    f = d.CadreFile(cadre=c, documents=[d.DocumentRow(kind="ke_khai_tai_san", doc_date=date(2026, 2, 15)),
                                        d.DocumentRow(kind="giay_kham_suc_khoe", doc_date=date(2026, 9, 10))])
    cid, _ = records.save_cadre_file(db.uow("t"), f, today=date(2026, 11, 20))
    with db.uow("t")() as uow:
        for year in (2023, 2024, 2025):
            uow.session.add(m.EvaluationRecord(cadre_id=cid, year=year, regime="nd90", level="tot"))
        uow.commit()
    if planned:
        pl.add_to_planning(db.uow("t"), cid, "2026-2031", TITLE, "QĐ 15-QĐ/HU", date(2026, 3, 1), role="admin")
    return cid


def meeting(day: int, convened: int = 9, present: int = 8, agree: int = 6) -> w.StepInput:
    return w.StepInput(date(2026, 11, day), convened, present, present, present, present, agree, present - agree,
                       minutes="Biên bản hội nghị")


def prepare(db: Database, pid: str, *, steps: int = 5) -> None:
    clerk = db.uow("canbo")
    ap.set_policy(clerk, pid, "Công văn 120/UBND-NV", date(2026, 11, 2), date(2026, 11, 9), role="clerk")
    for no in range(1, steps + 1):
        ap.record_step(clerk, pid, no, meeting(9 + no), role="clerk")
    for code in DOCS:
        ap.set_document(clerk, pid, code, True, doc_date=date(2026, 11, 16), role="clerk")


def test_a_whole_appointment_from_policy_to_decision(demo_db: Database) -> None:
    clerk, head = demo_db.uow("canbo"), demo_db.uow("truongphong")
    cid = candidate(demo_db)
    _, ubnd = units(demo_db)
    pid, _ = ap.start_procedure(clerk, cid, TITLE, unit_id=ubnd, role="clerk")
    v = ap.procedure_view(clerk, pid, on=DECISION.effective_date)
    assert (v.kind_label, v.source_label, v.spec_name, v.status_label) == (
        "Bổ nhiệm", "Nguồn nhân sự tại chỗ", "Bổ nhiệm – nguồn nhân sự tại chỗ", "Đang thực hiện")
    assert [s.step_no for s in v.steps] == [1, 2, 3, 4, 5] and all(s.status == "pending" for s in v.steps)
    assert [c.item_no for c in v.checklist] == list(range(1, 11)) and len(v.missing_documents) == 10
    assert v.eligibility is not None and v.eligibility.overall == "pass"  # the panel: every condition met
    assert v.blockers[0] == "Chưa có chủ trương được cấp có thẩm quyền phê duyệt." and not v.can_complete
    assert "ngày 15/02/2026" in {c.code: c for c in v.checklist}["ke_khai_tai_san"].reason  # the record has it

    ap.set_policy(clerk, pid, "Công văn 120/UBND-NV", date(2026, 11, 2), date(2026, 11, 9), role="clerk")
    v = ap.procedure_view(clerk, pid, on=DECISION.effective_date)
    assert v.policy.decision_due == date(2026, 11, 23) and v.policy.process_due == date(2026, 12, 21)
    for no in range(1, 6):
        step, _ = ap.record_step(clerk, pid, no, meeting(9 + no), role="clerk")
        assert step.status == ("pass" if no in (3, 5) else "recorded")
    assert "Đồng ý 6/9 số người được triệu tập (66,67%); yêu cầu trên 1/2 – đạt." in step.reasons
    assert [s.announced for s in ap.procedure_view(clerk, pid).steps] == [True, False, True, False, True]
    for code in DOCS:
        ap.set_document(clerk, pid, code, True, doc_date=date(2026, 11, 16), role="clerk")
    v = ap.procedure_view(clerk, pid, on=DECISION.effective_date)
    assert v.blockers == () and v.warnings == () and v.can_complete
    assert "đúng hạn" in v.policy.reasons[-1]

    with pytest.raises(PermissionDenied):
        ap.complete_procedure(clerk, pid, DECISION, role="clerk")
    did, changes = ap.complete_procedure(head, pid, DECISION, role="head")
    assert did in changes.created["decision"] and pid in changes.updated["appointment_procedure"]
    f = cadre_file(head, cid)
    assert (f.cadre.title_code, f.cadre.current_position, f.cadre.owner_unit_id) == (TITLE, "Chủ tịch UBND xã", ubnd)
    assert (f.cadre.position_start_date, f.cadre.term_end_date) == (date(2026, 12, 1), date(2031, 11, 30))
    post = [p for p in f.positions if p.title_code == TITLE][0]
    assert (post.start_date, post.term_end, post.decision_id) == (date(2026, 12, 1), date(2031, 11, 30), did)
    dec = [x for x in records.career_timeline(head, cid) if x.id == did][0]
    assert (dec.kind, dec.number, dec.issuer, dec.end_date) == ("bo_nhiem", "25/QĐ-UBND", "UBND tỉnh Nghệ An",
                                                               date(2031, 11, 30))
    done = ap.procedure_view(head, pid)
    assert done.status == "done" and done.decision is not None and done.decision.number == "25/QĐ-UBND"
    assert done.blockers == ("Quy trình đã có quyết định.",) and not done.can_complete
    with pytest.raises(ValidationError, match="không thay đổi được nữa"):
        ap.set_document(clerk, pid, "to_trinh", False, role="clerk")
    assert [p.status for p in ap.list_procedures(head, cadre_id=cid)] == ["done"]
    with demo_db.uow("t")() as uow:
        actions = list(uow.session.scalars(select(m.AuditRecord.action).where(
            m.AuditRecord.action.like("appointment.%")).order_by(m.AuditRecord.seq)))
    assert actions[0] == "appointment.start" and actions[-1] == "appointment.complete"
    assert actions.count("appointment.step") == 5
    # cancelling the decision puts the record back (records.cancel_decision knows what it changed)
    records.cancel_decision(head, did, "Ghi nhầm người")
    assert cadre_file(head, cid).cadre.title_code == "truong_phong_xa"


def test_the_procedure_goes_in_order_and_says_what_blocks(demo_db: Database) -> None:
    clerk = demo_db.uow("canbo")
    cid = candidate(demo_db, planned=False)
    pid, _ = ap.start_procedure(clerk, cid, TITLE, role="clerk")
    with pytest.raises(ValidationError, match="Chưa có chủ trương"):
        ap.record_step(clerk, pid, 1, meeting(10), role="clerk")
    ap.set_policy(clerk, pid, "", date(2026, 11, 2), None, role="clerk")
    assert ap.procedure_view(clerk, pid).policy.decision_due == date(2026, 11, 23)
    with pytest.raises(ValidationError, match="văn bản phê duyệt"):
        ap.set_policy(clerk, pid, "", date(2026, 11, 2), date(2026, 11, 9), role="clerk")
    ap.set_policy(clerk, pid, "CV 120/UBND-NV", date(2026, 11, 2), date(2026, 11, 9), role="clerk")
    with pytest.raises(ValidationError, match="trước ngày phê duyệt chủ trương"):
        ap.record_step(clerk, pid, 1, meeting(5), role="clerk")
    with pytest.raises(ValidationError, match="Chưa thực hiện bước 1"):
        ap.record_step(clerk, pid, 2, meeting(11), role="clerk")
    ap.record_step(clerk, pid, 1, meeting(10), role="clerk")
    with pytest.raises(ValidationError, match="Ngày họp trước ngày của bước 1"):
        ap.record_step(clerk, pid, 2, meeting(9), role="clerk")
    ap.record_step(clerk, pid, 2, meeting(11), role="clerk")
    with pytest.raises(ValidationError) as err:
        ap.record_step(clerk, pid, 3, w.StepInput(date(2026, 11, 12), 10, 11, 11, 11, 11, 6, 5), role="clerk")
    assert "present" in err.value.fields
    step, _ = ap.record_step(clerk, pid, 3, meeting(12, convened=10, present=10, agree=5), role="clerk")
    assert step.status == "fail" and step.reasons[-1].endswith("yêu cầu trên 1/2 – không đạt.")
    with pytest.raises(ValidationError, match="Bước 3 không đạt"):
        ap.record_step(clerk, pid, 4, meeting(13), role="clerk")
    step, _ = ap.record_step(clerk, pid, 3, meeting(12, convened=10, present=6, agree=6), role="clerk")
    assert step.status == "fail" and "hội nghị không hợp lệ" in step.reasons[-1]  # 6/10 present < 2/3
    step, _ = ap.record_step(clerk, pid, 3, meeting(12, convened=10, present=10, agree=6), role="clerk")
    assert step.status == "pass"  # the step was held again: recorded again
    ap.record_step(clerk, pid, 4, meeting(13), role="clerk")
    ap.record_step(clerk, pid, 5, meeting(14), role="clerk")
    for code in DOCS[:-1]:
        ap.set_document(clerk, pid, code, True, doc_date=date(2026, 11, 16), role="clerk")
    ap.set_document(clerk, pid, "giay_kham_suc_khoe", True, doc_date=date(2026, 4, 1), role="clerk")
    with pytest.raises(ValidationError, match="tương lai"):
        ap.set_document(clerk, pid, "to_trinh", True, doc_date=date(2099, 1, 1), role="clerk")
    v = ap.procedure_view(clerk, pid, on=DECISION.effective_date)
    assert {c.code: c.status for c in v.checklist}["giay_kham_suc_khoe"] == "expired"
    assert v.blockers == (
        "Hồ sơ còn thiếu hoặc hết giá trị: 10. Giấy chứng nhận sức khỏe (quá hạn).",
        "Điều kiện «Quy hoạch» chưa đạt – Không có trong quy hoạch chức danh «Chủ tịch UBND xã» hoặc chức danh "
        "tương đương, cao hơn. Cần trường hợp đặc biệt được cấp có thẩm quyền đồng ý.")
    with pytest.raises(ValidationError, match="Chưa kết thúc quy trình được: Hồ sơ còn thiếu"):
        ap.complete_procedure(demo_db.uow("truongphong"), pid, DECISION, role="head")

    # the competent authority accepts the special case: the condition is overridden, no longer blocking
    ap.set_document(clerk, pid, "giay_kham_suc_khoe", True, doc_date=date(2026, 11, 10), role="clerk")
    elig.record_override(demo_db.uow("truongphong"), cid, TITLE, "quy_hoach", "Thông báo 12-TB/TU ngày 20/11/2026",
                         role="head", on=DECISION.effective_date)
    v = ap.procedure_view(clerk, pid, on=DECISION.effective_date)
    assert v.blockers == () and v.overrides[0]["reference"] == "Thông báo 12-TB/TU ngày 20/11/2026"
    assert v.eligibility is not None and v.eligibility.result("quy_hoach").status == "overridden"


def test_an_external_candidate_has_three_steps(demo_db: Database) -> None:
    clerk = demo_db.uow("canbo")
    cid = candidate(demo_db)
    pid, _ = ap.start_procedure(clerk, cid, TITLE, source="external", role="clerk")
    v = ap.procedure_view(clerk, pid)
    assert v.source_label == "Nguồn nhân sự từ nơi khác" and len(v.steps) == 3
    assert [s.ballot for s in v.steps] == [False, False, True]
    ap.set_policy(clerk, pid, "CV 120/UBND-NV", date(2026, 11, 2), date(2026, 11, 9), role="clerk")
    step, _ = ap.record_step(clerk, pid, 1, w.StepInput(date(2026, 11, 10), minutes="Gặp, trao đổi"), role="clerk")
    assert step.status == "recorded"
    prepare(demo_db, pid, steps=3)
    did, _ = ap.complete_procedure(demo_db.uow("admin"), pid, DECISION, role="admin")
    assert cadre_file(clerk, cid).cadre.title_code == TITLE and did


def test_reappointment_ends_the_term_at_retirement(demo_db: Database) -> None:
    """A chairman born 20/05/1966 retires on 31/05/2028 (62 years): re-appointed on 01/12/2026, his term
    ends at retirement, not after five years."""
    clerk = demo_db.uow("canbo")
    cid = candidate(demo_db, "Bùi Văn Bổ Nhiệm Lại", date(1966, 5, 20), title=TITLE, start=date(2021, 12, 1),
                    planned=False)
    with pytest.raises(ValidationError, match="không giữ chức danh này"):
        ap.start_procedure(clerk, cid, "pho_chu_tich_ubnd_xa", kind="reappointment", role="clerk")
    pid, _ = ap.start_procedure(clerk, cid, TITLE, kind="reappointment", role="clerk")
    v = ap.procedure_view(clerk, pid, on=DECISION.effective_date)
    assert v.kind_label == "Bổ nhiệm lại" and len(v.steps) == 3 and not v.policy.required
    assert len(v.checklist) == 10 and len([c for c in v.checklist if c.required]) == 8
    # not in planning and too old for a full term: neither condition is asked of a re-appointment
    assert v.eligibility is not None and v.eligibility.overall == "fail"
    assert not any("Quy hoạch" in b or "Tuổi" in b for b in v.blockers)
    for no in (1, 2, 3):
        ap.record_step(clerk, pid, no, meeting(9 + no), role="clerk")
    for code in ["to_trinh", "bien_ban", "so_yeu_ly_lich", "ban_tu_kiem_diem", "nhan_xet_danh_gia",
                 "nhan_xet_noi_cu_tru", "ke_khai_tai_san", "giay_kham_suc_khoe"]:
        ap.set_document(clerk, pid, code, True, doc_date=date(2026, 11, 16), role="clerk")
    did, _ = ap.complete_procedure(demo_db.uow("truongphong"), pid, DECISION, role="head")
    f = cadre_file(clerk, cid)
    assert (f.cadre.title_code, f.cadre.position_start_date, f.cadre.term_end_date) == (
        TITLE, date(2026, 12, 1), date(2028, 5, 31))
    assert [x.kind for x in records.career_timeline(clerk, cid) if x.id == did] == ["bo_nhiem_lai"]


def test_dismissal_clears_the_post(demo_db: Database) -> None:
    clerk, head = demo_db.uow("canbo"), demo_db.uow("truongphong")
    cid = candidate(demo_db, "Đinh Văn Miễn Nhiệm", planned=False)
    pid, _ = ap.start_procedure(clerk, cid, "truong_phong_xa", kind="dismissal", role="clerk")
    v = ap.procedure_view(clerk, pid)
    assert v.eligibility is None and len(v.steps) == 2 and [c.code for c in v.checklist if c.required] == [
        "to_trinh", "bien_ban"]
    ap.record_step(clerk, pid, 1, w.StepInput(date(2026, 11, 10), minutes="Nghe ý kiến"), role="clerk")
    ap.record_step(clerk, pid, 2, meeting(11), role="clerk")
    for code in ("to_trinh", "bien_ban"):
        ap.set_document(clerk, pid, code, True, doc_date=date(2026, 11, 12), role="clerk")
    ap.complete_procedure(head, pid, w.CompletionInput("30/QĐ-UBND", date(2026, 11, 15), "UBND xã",
                                                       date(2026, 11, 16), new_position_text="Chuyên viên"),
                          role="head")
    c = cadre_file(clerk, cid).cadre
    assert (c.title_code, c.current_position, c.term_end_date) == ("", "Chuyên viên", None)


def test_cancel_and_start_again(demo_db: Database) -> None:
    clerk, head = demo_db.uow("canbo"), demo_db.uow("truongphong")
    cid = candidate(demo_db)
    pid, _ = ap.start_procedure(clerk, cid, TITLE, role="clerk")
    with pytest.raises(Conflict, match="đang thực hiện"):
        ap.start_procedure(clerk, cid, TITLE, role="clerk")
    with pytest.raises(ValidationError, match="lý do"):
        ap.cancel_procedure(head, pid, "", role="head")
    with pytest.raises(PermissionDenied):
        ap.cancel_procedure(clerk, pid, "Không còn nhu cầu", role="clerk")
    ap.cancel_procedure(head, pid, "Đơn vị sáp nhập, không còn nhu cầu", role="head")
    v = ap.procedure_view(head, pid)
    assert v.status_label == "Đã huỷ" and "không còn nhu cầu" in v.note
    with pytest.raises(ValidationError, match="đã huỷ"):
        ap.record_step(clerk, pid, 1, meeting(10), role="clerk")
    new, _ = ap.start_procedure(clerk, cid, TITLE, role="clerk")
    assert new != pid


def test_a_special_case_draft_is_taken_over_by_the_procedure(demo_db: Database) -> None:
    cid = candidate(demo_db, planned=False)
    elig.record_override(demo_db.uow("admin"), cid, TITLE, "quy_hoach", "Thông báo 9-TB/TU", role="admin",
                         on=DECISION.effective_date)
    pid, _ = ap.start_procedure(demo_db.uow("canbo"), cid, TITLE, role="clerk")
    v = ap.procedure_view(demo_db.uow("canbo"), pid, on=DECISION.effective_date)
    assert len(v.steps) == 5 and [o["rule"] for o in v.overrides] == ["quy_hoach"]
    with demo_db.uow("t")() as uow:
        assert uow.session.scalar(select(func.count()).select_from(m.AppointmentProcedureRecord).where(
            m.AppointmentProcedureRecord.cadre_id == cid)) == 1


def test_completion_is_one_transaction(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    cid = candidate(demo_db)
    pid, _ = ap.start_procedure(demo_db.uow("canbo"), cid, TITLE, role="clerk")
    prepare(demo_db, pid)

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(ap, "_apply_term", broken)
    with pytest.raises(RuntimeError):
        ap.complete_procedure(demo_db.uow("admin"), pid, DECISION, role="admin")
    with demo_db.uow("t")() as uow:
        n = uow.session.scalar(select(func.count()).select_from(m.DecisionRecord).where(
            m.DecisionRecord.cadre_id == cid))
    assert n == 0  # the decision written before the failure was rolled back with the rest
    assert ap.procedure_view(demo_db.uow("t"), pid).status == "in_progress"
    assert cadre_file(demo_db.uow("t"), cid).cadre.title_code == "truong_phong_xa"


@pytest.mark.postgres
def test_the_workflows_on_postgresql(pg_db: Database) -> None:
    """The same services on PostgreSQL (a multi-clerk office): a round, a vote, planning, a course and a
    whole appointment."""
    from canbo_desktop.services import evaluation as ev
    from canbo_desktop.services import training as tr
    from canbo_desktop.services import votes as vs
    from canbo_desktop.services.demo import create_demo_database

    create_demo_database(pg_db, size="small", seed=7)
    head = pg_db.uow("truongphong")
    with pg_db.uow("t")() as uow:
        root = uow.session.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.depth == 0)).one()
    rid, _ = ev.open_round(head, root, 2026, role="head")
    first = ev.round_grid(head, rid).rows[0]
    ev.save_entry(head, first.evaluation_id, w.EntryInput(score_general=28, score_tasks=63), role="head")
    assert ev.grid_row(head, first.evaluation_id).level == "xuat_sac"
    cid = candidate(pg_db)
    vid, _ = vs.record_vote(head, units(pg_db)[0], date(2026, 10, 1), 20, 18, [w.VoteRowInput(cid, 9, 9, 0)],
                            role="head")
    assert vs.vote_view(head, vid).quorum_ok
    assert [r.cadre_id for r in pl.planning_list(head, term="2026-2031", on=DECISION.effective_date)] == [cid]
    course, _ = tr.create_course(head, w.CourseInput("Cập nhật kiến thức", "cap_nhat_kien_thuc"), role="head")
    tr.enrol(head, course, [cid], role="head")
    pid, _ = ap.start_procedure(head, cid, TITLE, role="head")
    prepare(pg_db, pid)
    did, _ = ap.complete_procedure(head, pid, DECISION, role="head")
    assert cadre_file(head, cid).cadre.term_end_date == date(2031, 11, 30) and did
