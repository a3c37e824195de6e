"""Confidence votes (QĐ 96-QĐ/TW): a conference recorded on a real database, its quorum and each person's
consequence, and the consequences reaching the reminders."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from canbo_desktop.services import reminders
from canbo_desktop.services import votes as vs
from canbo_desktop.services.database import Database

HELD = date(2026, 10, 15)


def leaders(db: Database, n: int = 3) -> tuple[str, list[m.CadreRecord]]:
    """A unit and ``n`` of the demo's leaders appointed before the voting year."""
    with db.uow("t")() as uow:
        C = m.CadreRecord
        rows = list(uow.session.scalars(select(C).where(C.title_code != "", C.position_start_date < date(2026, 1, 1),
                                                        C.status == "dang_cong_tac").order_by(C.name_sort_key)))
        assert len(rows) >= n
        uow.session.expunge_all()
        return rows[0].owner_unit_id, rows[:n]


def test_a_vote_gives_the_quorum_and_each_persons_consequence(demo_db: Database) -> None:
    unit_id, (a, b, c) = leaders(demo_db)
    uowf = demo_db.uow("canbo")
    vid, changes = vs.record_vote(uowf, unit_id, HELD, 45, 31, [
        w.VoteRowInput(a.id, high=5, confidence=5, low=21),  # 21/31 ≥ 2/3: dismissal
        w.VoteRowInput(b.id, high=6, confidence=9, low=16),  # 16/31 > 1/2: out of planning for higher posts
        w.VoteRowInput(c.id, high=20, confidence=11, low=0, title_text="Phó Chủ tịch UBND xã"),
    ], role="clerk", note="Hội nghị giữa nhiệm kỳ")
    assert len(changes.created["confidence_vote_result"]) == 3
    v = vs.vote_view(uowf, vid)
    assert (v.convened, v.present, v.quorum_ok) == (45, 31, True)
    assert "Có mặt 31/45" in v.quorum_text and "hợp lệ" in v.quorum_text and "QĐ 96" in v.legal_source
    by = {r.cadre_id: r for r in v.rows}
    assert by[a.id].dismiss and by[a.id].remove_from_higher_planning
    assert "miễn nhiệm" in by[a.id].outcome.consequence_text and "67,74%" in by[a.id].outcome.reasons[1]
    assert not by[b.id].dismiss and by[b.id].remove_from_higher_planning
    assert by[c.id].outcome.consequence_code == "binh_thuong" and by[c.id].title_text == "Phó Chủ tịch UBND xã"
    assert by[a.id].title_text == a.current_position  # the post is taken from the record when not typed
    assert [s.people for s in vs.list_votes(uowf)] == [3]

    # ≥ 2/3 low: the home screen asks to replace the person without waiting for the term
    weak = [r for r in reminders.reminders(uowf, date(2026, 11, 1)).items if r.kind == "weak_performer"]
    assert a.id in {r.cadre_id for r in weak} and b.id not in {r.cadre_id for r in weak}
    with demo_db.uow("t")() as uow:
        audit = uow.session.scalars(select(m.AuditRecord).where(m.AuditRecord.action == "vote.record")).one()
        assert audit.actor == "canbo" and audit.changes["people"] == 3


def test_without_two_thirds_present_the_results_are_not_used(demo_db: Database) -> None:
    unit_id, (a, _b, _c) = leaders(demo_db)
    uowf = demo_db.uow("canbo")
    vid, _ = vs.record_vote(uowf, unit_id, HELD, 45, 29, [w.VoteRowInput(a.id, 0, 0, 29)], role="clerk")
    v = vs.vote_view(uowf, vid)
    assert v.quorum_ok is False and "không hợp lệ" in v.quorum_text
    outcome = v.rows[0].outcome
    assert outcome.consequence_code == "hoi_nghi_khong_hop_le" and not outcome.dismiss


def test_people_appointed_in_the_voting_year_are_not_voted_on(demo_db: Database) -> None:
    unit_id, (a, _b, _c) = leaders(demo_db)
    uowf = demo_db.uow("canbo")
    with demo_db.uow("t")() as uow:
        rec = uow.session.get(m.CadreRecord, a.id)
        assert rec is not None
        rec.position_start_date = date(2026, 3, 1)
        uow.commit()
    vid, _ = vs.record_vote(uowf, unit_id, HELD, 30, 30, [w.VoteRowInput(a.id, 0, 0, 30)], role="clerk")
    outcome = vs.vote_view(uowf, vid).rows[0].outcome
    assert not outcome.subject_to_vote and not outcome.dismiss and "01/03/2026" in outcome.consequence_text


def test_impossible_counts_are_refused_and_nothing_is_written(demo_db: Database) -> None:
    unit_id, (a, b, _c) = leaders(demo_db)
    uowf = demo_db.uow("canbo")
    with pytest.raises(ValidationError) as err:
        vs.record_vote(uowf, unit_id, HELD, 30, 20, [w.VoteRowInput(a.id, 10, 10, 1), w.VoteRowInput(b.id, 1, 1, 1)],
                       role="clerk")
    assert err.value.fields == {"rows.1": "Tổng số phiếu (21) lớn hơn số người có mặt (20)."}
    with pytest.raises(ValidationError, match="lớn hơn số người được triệu tập"):
        vs.record_vote(uowf, unit_id, HELD, 20, 21, [w.VoteRowInput(a.id, 1, 1, 1)], role="clerk")
    with pytest.raises(NotFound):
        vs.record_vote(uowf, unit_id, HELD, 20, 20, [w.VoteRowInput("khong-co", 1, 1, 1)], role="clerk")
    with pytest.raises(PermissionDenied):
        vs.record_vote(demo_db.uow("xem"), unit_id, HELD, 20, 20, [w.VoteRowInput(a.id, 1, 1, 1)], role="viewer")
    assert vs.list_votes(uowf) == []
