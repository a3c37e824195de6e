"""The showcase people of the demo: the cases the documents and the appointment check must show."""

from __future__ import annotations

from datetime import date

from canbo_desktop.services.cadres import cadre_file, search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.eligibility import eligibility

ON = date(2026, 11, 22)


def person(db: Database, name: str) -> str:
    found = search_cadres(db.uow("t"), name, limit=3)
    assert found and found[0].full_name == name
    return found[0].id


def test_full_record_has_every_table_and_a_photo(demo_db: Database) -> None:
    f = cadre_file(demo_db.uow("t"), person(demo_db, "Công Tằng Tôn Nữ Thị Bích Ngọc"))
    assert f.cadre.family_name == "Công Tằng Tôn Nữ" and f.cadre.given_name == "Ngọc"
    for table in ("training", "work_history", "family", "salary", "awards", "discipline", "positions", "documents"):
        assert getattr(f, table), table
    assert {r.side for r in f.family} == {"self", "spouse"}
    assert f.cadre.photo_sha256 and f.cadre.photo_date == date(2026, 9, 1)


def test_minimal_record_leaves_optional_items_empty(demo_db: Database) -> None:
    f = cadre_file(demo_db.uow("t"), person(demo_db, "Lò Văn Pảng"))
    assert f.cadre.birth_date == date(1996, 8, 19) and f.cadre.ethnicity_code == "03"
    assert not (f.training or f.work_history or f.family or f.salary or f.awards)
    assert f.cadre.id_number == "" and f.cadre.party_join_date is None


def test_three_candidates_for_vice_chair(demo_db: Database) -> None:
    uowf = demo_db.uow("t")
    ok = eligibility(uowf, person(demo_db, "Đặng Quốc Việt"), "pho_chu_tich_ubnd_xa", ON)
    assert ok.overall == "pass", [(r.code, r.reason) for r in ok.failed]
    old = eligibility(uowf, person(demo_db, "Lê Văn Dục"), "pho_chu_tich_ubnd_xa", ON)
    assert [r.code for r in old.failed] == ["tuoi_bo_nhiem"]
    assert "30/04/2030" in old.result("tuoi_bo_nhiem").reason
    warned = eligibility(uowf, person(demo_db, "Phạm Hữu Đức"), "pho_chu_tich_ubnd_xa", ON)
    assert [r.code for r in warned.failed] == ["thoi_han_ky_luat"]
    assert "Cảnh cáo ngày 21/03/2025" in warned.result("thoi_han_ky_luat").reason


def test_the_eligibility_command_on_the_three_demo_candidates(demo_db: Database, demo_db_path, capsys) -> None:
    import json

    from canbo_desktop.cli.main import main

    def check(name: str) -> dict:
        assert main(["--db", str(demo_db_path), "appointment", "check", person(demo_db, name),
                     "--title", "pho_chu_tich_ubnd_xa", "--at", "2026-11-22", "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    def failing(result: dict) -> dict[str, str]:
        return {c["code"]: c["reason"] for c in result["conditions"] if c["status"] != "pass"}

    viet, duc_old, duc_warned = check("Đặng Quốc Việt"), check("Lê Văn Dục"), check("Phạm Hữu Đức")
    assert viet["overall"] == "pass" and failing(viet) == {}
    assert duc_old["overall"] == "fail" and list(failing(duc_old)) == ["tuoi_bo_nhiem"]
    assert "30/04/2030" in failing(duc_old)["tuoi_bo_nhiem"]
    assert duc_warned["overall"] == "fail"
    assert failing(duc_warned) == {"thoi_han_ky_luat": "Đang trong thời hạn: Cảnh cáo ngày 21/03/2025: 30 tháng, "
                                                       "hết ngày 21/09/2027."}
