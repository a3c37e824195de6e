"""Changing records: save a whole CV, validation, the trash, decisions and their cancellation."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

import pytest
from sqlalchemy import select

from canbo_desktop.db.models import ChangeLogRecord, OrgUnitRecord
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.decisions import DecisionInput
from canbo_desktop.domain.errors import Conflict, PermissionDenied, ValidationError
from canbo_desktop.services import records
from canbo_desktop.services.cadres import cadre_file, search_cadres
from canbo_desktop.services.database import Database

TODAY = date(2026, 11, 21)


def units(db: Database) -> list[OrgUnitRecord]:
    with db.uow("t")() as uow:
        rows = uow.session.scalars(select(OrgUnitRecord).order_by(OrgUnitRecord.path)).all()
        uow.session.expunge_all()
        return list(rows)


def new_file(unit_id: str, **kw) -> d.CadreFile:
    c = d.Cadre(owner_unit_id=unit_id, full_name="Trần Thị Bích Ngọc", sex="F", birth_date=date(1988, 4, 9),
                id_number="040188012345", phone="0912 345 678", **kw)
    return d.CadreFile(
        cadre=c,
        training=[d.TrainingRow(school="Trường Đại học Vinh", major="Luật", kind="chuyen_mon", from_date="2006-09",
                                to_date="2010-06", mode="chinh_quy", certificate="Cử nhân", level_code="dai_hoc")],
        work_history=[d.WorkHistoryRow(from_date="2011-03", to_date="", description="Chuyên viên Phòng Tư pháp")],
        family=[d.FamilyRow(side="self", relation="Bố", full_name="Trần Văn Hùng", birth_year="1960", details="Nông dân"),
                d.FamilyRow(side="spouse", relation="Bố chồng", full_name="Lê Văn Tâm", birth_year="1958")],
        salary=[d.SalaryRow(effective="2011-03", grade_code="01.003", step=1, coefficient=2.34)],
        awards=[d.AwardRow(year=2024, form_code="giay_khen", form_text="Giấy khen", issuer="UBND huyện")],
    )


def test_save_a_whole_cv_and_read_it_back(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    unit = units(demo_db)[1]
    cid, changes = records.save_cadre_file(uowf, new_file(unit.id), today=TODAY)
    assert cid in changes.created["cadre"] and len(changes.created["cadre_family"]) == 2
    f = cadre_file(uowf, cid)
    assert (f.cadre.family_name, f.cadre.middle_name, f.cadre.given_name) == ("Trần", "Thị Bích", "Ngọc")
    assert f.cadre.id_number == "040188012345"
    assert [r.relation for r in f.family] == ["Bố", "Bố chồng"]
    assert f.training[0].school == "Trường Đại học Vinh" and f.salary[0].coefficient == 2.34
    assert search_cadres(uowf, "tran thi bich ngoc")[0].id == cid


def test_edit_a_field_add_and_remove_rows(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid, _ = records.save_cadre_file(uowf, new_file(units(demo_db)[1].id), today=TODAY)
    f = cadre_file(uowf, cid)
    f.cadre.current_position = unicodedata.normalize("NFD", "Phó Trưởng phòng")
    f.work_history.append(d.WorkHistoryRow(from_date="2020-01", description="Phó Trưởng phòng Tư pháp"))
    f.family.pop(1)
    _, changes = records.save_cadre_file(uowf, f, today=TODAY)
    g = cadre_file(uowf, cid)
    assert g.cadre.current_position == "Phó Trưởng phòng" and unicodedata.is_normalized("NFC", g.cadre.current_position)
    assert [w.description for w in g.work_history] == ["Chuyên viên Phòng Tư pháp", "Phó Trưởng phòng Tư pháp"]
    assert len(g.family) == 1
    removed = changes.deleted["cadre_family"]
    with uowf() as uow:  # the removed row is a tombstone that will sync
        log = uow.session.scalars(select(ChangeLogRecord).where(ChangeLogRecord.row_id.in_(removed))).all()
        assert [x.op for x in log][-1] == "D"


def test_validation_messages_are_per_field_and_nothing_is_saved(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    f = new_file(units(demo_db)[1].id)
    f.cadre.id_number = "040088012345"  # 4th digit says a man; she is a woman
    f.cadre.phone = "12345"
    f.cadre.sex = "F"
    with pytest.raises(ValidationError) as err:
        records.save_cadre_file(uowf, f, today=TODAY)
    assert set(err.value.fields) == {"id_number", "phone"}
    assert "giới tính" in err.value.fields["id_number"]
    assert search_cadres(uowf, "tran thi bich ngoc") == []


def test_duplicate_cccd_names_the_other_person(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    f = new_file(units(demo_db)[1].id)
    f.cadre.id_number = "040075001234"  # Đặng Quốc Việt's
    f.cadre.sex = "M"
    f.cadre.birth_date = date(1975, 1, 1)
    errors = records.validate_file(uowf, f, today=TODAY)
    assert "Đặng Quốc Việt" in errors["id_number"]


def test_a_stale_editor_cannot_overwrite_a_newer_version(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid, _ = records.save_cadre_file(uowf, new_file(units(demo_db)[1].id), today=TODAY)
    mine, theirs = cadre_file(uowf, cid), cadre_file(uowf, cid)
    theirs.cadre.phone = "0987654321"
    records.save_cadre_file(uowf, theirs, today=TODAY)
    mine.cadre.current_position = "Chuyên viên chính"
    with pytest.raises(Conflict):
        records.save_cadre_file(uowf, mine, today=TODAY)
    assert cadre_file(uowf, cid).cadre.phone == "0987654321"


def test_trash_restore_and_purge(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid = search_cadres(uowf, "dang quoc viet")[0].id
    records.trash_cadres(uowf, [cid])
    assert search_cadres(uowf, "dang quoc viet") == []
    assert [r.id for r in records.list_trash(uowf)] == [cid]
    records.restore_cadres(uowf, [cid])
    assert search_cadres(uowf, "dang quoc viet")[0].id == cid
    records.trash_cadres(uowf, [cid])
    with pytest.raises(PermissionDenied):
        records.purge_cadres(uowf, [cid], role="clerk", typed_confirmation="XOÁ VĨNH VIỄN")
    with pytest.raises(ValidationError):
        records.purge_cadres(uowf, [cid], role="admin", typed_confirmation="ok")
    records.purge_cadres(demo_db.uow("admin"), [cid], role="admin", typed_confirmation="xoá vĩnh viễn")  # canbo is a clerk
    assert records.list_trash(uowf) == []
    with pytest.raises(Exception, match="Không tìm thấy"):
        cadre_file(uowf, cid)


def transfer(to_unit: OrgUnitRecord, when: date = date(2026, 10, 1), number: str = "45/QĐ-UBND") -> DecisionInput:
    return DecisionInput(kind="dieu_dong", number=number, signed_on=when, issuer="UBND huyện", effective_date=when,
                         unit_id=to_unit.id, title_text="Chuyên viên")


def test_transfer_changes_unit_and_history_then_cancel_reverts(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid, _ = records.save_cadre_file(uowf, new_file(units(demo_db)[1].id), today=TODAY)
    before = cadre_file(uowf, cid)
    target = units(demo_db)[5]
    did, _ = records.record_decision(uowf, cid, transfer(target))
    after = cadre_file(uowf, cid)
    assert after.cadre.owner_unit_id == target.id and after.unit_name == target.name
    assert after.work_history[0].to_date == "2026-10"  # the old line is closed
    assert after.work_history[-1].description == f"Chuyên viên, {target.name}"
    assert [x.kind for x in records.career_timeline(uowf, cid)] == ["dieu_dong"]
    records.cancel_decision(uowf, did, "Ghi nhầm người")
    reverted = cadre_file(uowf, cid)
    assert reverted.cadre.owner_unit_id == before.cadre.owner_unit_id
    assert [(w.from_date, w.to_date, w.description) for w in reverted.work_history] == \
        [(w.from_date, w.to_date, w.description) for w in before.work_history]
    assert records.career_timeline(uowf, cid)[0].status == "cancelled"


def test_cancel_is_refused_while_a_later_decision_depends_on_it(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid, _ = records.save_cadre_file(uowf, new_file(units(demo_db)[1].id), today=TODAY)
    first, _ = records.record_decision(uowf, cid, transfer(units(demo_db)[5], date(2026, 3, 1), "10/QĐ-UBND"))
    second, _ = records.record_decision(uowf, cid, transfer(units(demo_db)[6], date(2026, 9, 1), "50/QĐ-UBND"))
    with pytest.raises(Conflict, match="50/QĐ-UBND"):
        records.cancel_decision(uowf, first, "nhầm")
    records.cancel_decision(uowf, second, "nhầm")
    records.cancel_decision(uowf, first, "nhầm")
    assert cadre_file(uowf, cid).cadre.owner_unit_id == units(demo_db)[1].id


def test_appointment_step_raise_award_discipline(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid, _ = records.save_cadre_file(uowf, new_file(units(demo_db)[1].id, grade_code="01.003", salary_step=3,
                                                     salary_coefficient=3.0), today=TODAY)
    records.record_decision(uowf, cid, DecisionInput(
        kind="bo_nhiem", number="07/QĐ-UBND", signed_on=date(2026, 5, 1), issuer="UBND huyện",
        effective_date=date(2026, 5, 1), title_text="Phó Trưởng phòng Tư pháp", title_code="pho_truong_phong_huyen"))
    records.record_decision(uowf, cid, DecisionInput(
        kind="nang_bac", number="08/QĐ-UBND", signed_on=date(2026, 6, 1), issuer="UBND huyện",
        effective_date=date(2026, 6, 1), step=4, coefficient=3.33))
    records.record_decision(uowf, cid, DecisionInput(
        kind="ky_luat", number="09/QĐ-UBND", signed_on=date(2026, 7, 1), issuer="UBND huyện",
        effective_date=date(2026, 7, 1), form_code="khien_trach", summary="Vi phạm giờ làm việc"))
    f = cadre_file(uowf, cid)
    assert f.cadre.current_position == "Phó Trưởng phòng Tư pháp"
    assert f.cadre.term_end_date == date(2031, 4, 30)  # five years
    assert f.positions[-1].title_text == "Phó Trưởng phòng Tư pháp"
    assert (f.cadre.salary_step, f.cadre.salary_coefficient, f.cadre.salary_step_date) == (4, 3.33, date(2026, 6, 1))
    assert f.salary[-1].step == 4 and f.salary[-1].grade_code == "01.003"
    assert f.discipline[-1].form_code == "khien_trach"


def test_a_decision_with_missing_fields_says_which(demo_db: Database) -> None:
    uowf = demo_db.uow("canbo")
    cid = search_cadres(uowf, "dang quoc viet")[0].id
    with pytest.raises(ValidationError) as err:
        records.record_decision(uowf, cid, DecisionInput(kind="dieu_dong", number="", signed_on=None, issuer="",
                                                          effective_date=None))
    assert set(err.value.fields) >= {"number", "effective_date", "issuer", "unit_id"}


def test_normalise_cadre_splits_names_and_cleans() -> None:
    c = d.Cadre(full_name="  nguyễn  VĂN\u200b an ", id_number="040 075 001 234")
    n = records.normalise_cadre(dataclasses.replace(c))
    assert n.full_name == "nguyễn VĂN an" and n.given_name == "an" and n.id_number == "040075001234"


def test_photo_is_checked_shrunk_to_4x6_and_stored_once(demo_db: Database, tmp_path) -> None:
    import io

    from PIL import Image

    uowf = demo_db.uow("canbo")
    cid = search_cadres(uowf, "dang quoc viet")[0].id
    buf = io.BytesIO()
    Image.new("RGB", (1200, 1600), (200, 180, 160)).save(buf, "PNG")
    records.set_photo(uowf, cid, buf.getvalue(), date(2026, 9, 1))
    f = cadre_file(uowf, cid)
    jpeg = records.photo_bytes(uowf, f.cadre.photo_sha256)
    assert f.cadre.photo_date == date(2026, 9, 1) and jpeg is not None
    with Image.open(io.BytesIO(jpeg)) as img:
        assert img.format == "JPEG" and img.size == records.PHOTO_PIXELS
    with pytest.raises(ValidationError, match="không phải là ảnh"):
        records.set_photo(uowf, cid, b"<html>not a picture</html>", None)
    with pytest.raises(ValidationError, match="không phải là ảnh"):
        records.set_photo(uowf, cid, buf.getvalue()[:200], None)  # a truncated file
    assert cadre_file(uowf, cid).cadre.photo_sha256 == f.cadre.photo_sha256  # unchanged by the bad files
    records.set_photo(uowf, cid, None, None)
    assert cadre_file(uowf, cid).cadre.photo_sha256 is None
