"""``canbo appointment check`` and the other workflow commands, as a script sees them: JSON on stdout,
Vietnamese errors on stderr, exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from canbo_desktop.cli.main import main
from canbo_desktop.db import models as m
from canbo_desktop.domain import cadre as d
from canbo_desktop.services import appointments as ap
from canbo_desktop.services import evaluation as ev
from canbo_desktop.services import planning as pl
from canbo_desktop.services import records
from canbo_desktop.services.database import Database, open_database

TITLE = "chu_tich_ubnd_xa"
AT = "2026-12-01"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def person(db: Database, name: str, birth: date, discipline: list[d.DisciplineRow] | None = None) -> str:
    """A department head since 2020, qualified, planned for the chairman's post, rated "Tốt" 2023–2025,
    with a recent asset declaration, health certificate and photo."""
    with db.uow("t")() as uow:
        unit = str(uow.session.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.kind == "xa")).first())
    c = d.Cadre(owner_unit_id=unit, full_name=name, sex="M", birth_date=birth, title_code="truong_phong_xa",
                current_position="Trưởng phòng Văn hóa - Xã hội", position_start_date=date(2020, 7, 1),
                education_level="dai_hoc", political_theory="trung_cap", state_mgmt="chuyen_vien",
                photo_date=date(2026, 9, 1))
    f = d.CadreFile(cadre=c, discipline=discipline or [],
                    documents=[d.DocumentRow(kind="ke_khai_tai_san", doc_date=date(2026, 2, 15)),
                               d.DocumentRow(kind="giay_kham_suc_khoe", doc_date=date(2026, 9, 10))])
    cid, _ = records.save_cadre_file(db.uow("t"), f, today=date(2026, 11, 20))
    with db.uow("t")() as uow:
        for year in (2023, 2024, 2025):
            uow.session.add(m.EvaluationRecord(cadre_id=cid, year=year, regime="nd90", level="tot"))
        uow.commit()
    pl.add_to_planning(db.uow("t"), cid, "2026-2031", TITLE, "QĐ 15-QĐ/HU", date(2026, 3, 1), role="admin")
    return cid


@pytest.fixture
def three(demo_db_path: Path) -> tuple[Path, dict[str, str]]:
    db = open_database(str(demo_db_path))
    try:
        people = {
            "eligible": person(db, "Nguyễn Văn Đủ", date(1980, 5, 20)),
            "old": person(db, "Lê Văn Cao Niên", date(1966, 5, 20)),  # retires 31/05/2028
            "disciplined": person(db, "Trần Văn Cảnh Cáo", date(1978, 8, 8), discipline=[
                d.DisciplineRow(decided_on=date(2025, 4, 1), kind="admin", form_code="canh_cao",
                                reason="Vi phạm quy chế làm việc", issuer="UBND xã")]),  # 20 months before
        }
    finally:
        db.close()
    return demo_db_path, people


def check(capsys: pytest.CaptureFixture[str], path: Path, cid: str) -> dict[str, object]:
    code, out, err = run(capsys, "--db", str(path), "appointment", "check", cid, "--title", TITLE, "--at", AT, "--json")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def conditions(data: dict[str, object]) -> dict[str, dict[str, object]]:
    return {c["code"]: c for c in data["conditions"]}  # type: ignore[attr-defined,index]


def test_the_eligibility_of_three_people_with_the_reasons(capsys: pytest.CaptureFixture[str],
                                                          three: tuple[Path, dict[str, str]]) -> None:
    path, people = three
    ok = check(capsys, path, people["eligible"])
    assert (ok["overall"], ok["overall_label"], ok["full_name"], ok["title_name"], ok["at"]) == (
        "pass", "Đủ điều kiện", "Nguyễn Văn Đủ", "Chủ tịch UBND xã", AT)
    assert ok["appointment_kind"] == "higher" and "QĐ 80-QĐ/TW" in str(ok["legal_source"])
    every = conditions(ok)
    assert {"tieu_chuan_chuyen_mon", "tieu_chuan_llct", "tieu_chuan_qlnn", "quy_hoach", "thoi_gian_giu_chuc_vu",
            "tuoi_bo_nhiem", "thoi_han_ky_luat", "ket_qua_danh_gia", "ke_khai_tai_san", "giay_kham_suc_khoe",
            "anh_4x6"} == set(every)
    assert all(c["status"] == "pass" and c["reason"] and c["legal_source"] and c["name"] for c in every.values())

    old = check(capsys, path, people["old"])
    age = conditions(old)["tuoi_bo_nhiem"]
    assert old["overall"] == "fail" and age["status"] == "fail"
    assert age["reason"] == ("Ngày nghỉ hưu 31/05/2028; một nhiệm kỳ 60 tháng từ 01/12/2026 cần công tác đến hết "
                             "ngày 30/11/2031 – không đủ.")
    assert "NĐ 135/2020" in str(age["legal_source"])
    assert [c for c, v in conditions(old).items() if v["status"] != "pass"] == ["tuoi_bo_nhiem"]

    punished = check(capsys, path, people["disciplined"])
    ban = conditions(punished)["thoi_han_ky_luat"]
    assert punished["overall"] == "fail" and ban["status"] == "fail"
    assert ban["reason"] == "Đang trong thời hạn: Cảnh cáo ngày 01/04/2025: 30 tháng, hết ngày 01/10/2027."
    assert "30 tháng cảnh cáo" in str(ban["legal_source"])


def test_the_human_output_and_the_errors(capsys: pytest.CaptureFixture[str], three: tuple[Path, dict[str, str]]) -> None:
    path, people = three
    code, out, err = run(capsys, "--db", str(path), "appointment", "check", people["old"], "--title", TITLE,
                         "--at", "01/12/2026")
    assert code == 0, err
    assert out.startswith("Lê Văn Cao Niên — Chủ tịch UBND xã — ngày 01/12/2026 (bổ nhiệm chức vụ cao hơn): "
                          "KHÔNG ĐỦ ĐIỀU KIỆN")
    assert "[không đạt] Tuổi bổ nhiệm (đủ một nhiệm kỳ): Ngày nghỉ hưu 31/05/2028" in out
    code, out, err = run(capsys, "--db", str(path), "appointment", "check", "khong-co-ai", "--title", TITLE, "--json")
    assert (code, out) == (3, "") and "Không tìm thấy" in err
    code, out, err = run(capsys, "--db", str(path), "appointment", "check", people["old"], "--title", "vua", "--json")
    assert (code, out) == (3, "") and "Không có chức danh «vua»" in err
    code, out, err = run(capsys, "--db", str(path), "appointment", "check", people["old"], "--title", TITLE,
                         "--at", "31/02/2026", "--json")
    assert code == 2 and out == "" and "không hợp lệ" in err


def test_missing_title_is_a_usage_error_in_vietnamese(capsys: pytest.CaptureFixture[str],
                                                      three: tuple[Path, dict[str, str]]) -> None:
    path, people = three
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(path), "appointment", "check", people["old"]])
    assert exc.value.code == 2
    assert "thiếu tham số bắt buộc: --title" in capsys.readouterr().err


def test_evaluation_round_planning_and_procedures_for_scripts(capsys: pytest.CaptureFixture[str],
                                                              three: tuple[Path, dict[str, str]]) -> None:
    path, people = three
    code, out, err = run(capsys, "--db", str(path), "evaluation", "round", "--unit", "40.D01.X01", "--year", "2026",
                         "--json")
    assert (code, out) == (3, "") and "chưa có đợt đánh giá năm 2026" in err
    code, _, err = run(capsys, "--db", str(path), "evaluation", "round", "--unit", "KHONG", "--year", "2026")
    assert code == 3 and "Không có đơn vị mã «KHONG»" in err
    db = open_database(str(path))
    try:
        with db.uow("t")() as uow:
            unit = uow.session.scalars(select(m.OrgUnitRecord).where(m.OrgUnitRecord.code == "40.D01.X01")).one()
            unit_id = unit.id
        ev.open_round(db.uow("admin"), unit_id, 2026, role="admin")
        pid, _ = ap.start_procedure(db.uow("admin"), people["eligible"], TITLE, role="admin")
    finally:
        db.close()
    code, out, err = run(capsys, "--db", str(path), "evaluation", "round", "--unit", "40.D01.X01", "--year", "2026",
                         "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["regime"] == "nd335" and data["status"] == "open" and data["rows"]
    assert data["problems"][0].startswith(f"Còn {len(data['rows'])} người chưa có kết quả")

    code, out, err = run(capsys, "--db", str(path), "planning", "list", "--term", "2026-2031", "--title", TITLE,
                         "--at", AT, "--json")
    assert code == 0, err
    rows = {r["cadre_id"]: r for r in json.loads(out)}
    assert set(people.values()) <= set(rows)
    assert [x["code"] for x in rows[people["old"]]["warnings"]] == ["tuoi_bo_nhiem"]
    assert rows[people["eligible"]]["warnings"] == []

    code, out, err = run(capsys, "--db", str(path), "appointment", "list", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [pid]
    code, out, err = run(capsys, "--db", str(path), "appointment", "show", pid, "--at", AT, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert len(shown["steps"]) == 5 and len(shown["checklist"]) == 10 and not shown["can_complete"]
    assert shown["eligibility"]["overall"] == "pass" and shown["blockers"][0].startswith("Chưa có chủ trương")
