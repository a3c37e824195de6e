"""Reports at a past date, rebuilt from the decisions' history (recruitment, transfer, appointment,
dismissal, retirement, a cancelled decision) and the dated rows (training lines, party admission, birth)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db.reports import ReportsRepository, person_source, titles_and_ranks
from canbo_desktop.domain.cadre import Cadre, CadreFile, TrainingRow
from canbo_desktop.domain.decisions import DecisionInput
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.database import Database
from canbo_desktop.services.records import cancel_decision, record_decision, save_cadre_file
from canbo_desktop.services.refdata import load_reference_data


@dataclass
class History:
    db: Database
    units: dict[str, str]
    people: dict[str, str]


def decide(db: Database, cadre_id: str, kind: str, on: date, **kw: object) -> str:
    inp = DecisionInput(kind=kind, number=f"{on.day:02d}/QĐ-UBND", signed_on=on, issuer="UBND tỉnh Thử",
                        effective_date=on, **kw)  # type: ignore[arg-type]
    did, _ = record_decision(db.uow("canbo"), cadre_id, inp)
    return did


@pytest.fixture
def history(empty_db: Database) -> Iterator[History]:
    uowf = empty_db.uow("canbo")
    units: dict[str, str] = {}
    with uowf() as uow:
        load_reference_data(uow)
        root = m.OrgUnitRecord(code="40", name="Tỉnh Thử", kind="tinh", path="", depth=0)
        uow.session.add(root)
        uow.session.flush()
        root.path = f"/{root.id}/"
        units["40"] = root.id
        for code, name in (("40.A", "Sở Nội vụ"), ("40.B", "Sở Tài chính")):
            rec = m.OrgUnitRecord(code=code, name=name, kind="so_nganh", parent_id=root.id, path="", depth=1)
            uow.session.add(rec)
            uow.session.flush()
            rec.path = f"{root.path}{rec.id}/"
            units[code] = rec.id
        uow.commit()

    def person(name: str, sex: str, birth: date, **kw: object) -> str:
        training = kw.pop("training", [])
        cadre = Cadre(owner_unit_id=units["40.A"], full_name=name, sex=sex, birth_date=birth, **kw)  # type: ignore[arg-type]
        cid, _ = save_cadre_file(uowf, CadreFile(cadre=cadre, training=training))  # type: ignore[arg-type]
        return cid

    people = {
        # recruited into A in 2020, moved to B in mid-2023, appointed head of a department of B in 2024
        "x": person("Nguyễn Thị Xuân", "F", date(1990, 4, 2), education_level="dai_hoc"),
        # head of A from 2021 to 2023; a transfer to B was cancelled
        "y": person("Trần Văn Yên", "M", date(1975, 1, 20), education_level="dai_hoc", political_theory="cao_cap"),
        # retired on 01/01/2025
        "z": person("Lê Văn Zung", "M", date(1964, 6, 1), title_code="truong_phong_so", education_level="dai_hoc"),
        # a master's degree from 09/2022 (a bachelor's before), political theory from 01/2024, party from 05/2022
        "w": person("Phạm Thị Vân", "F", date(1985, 6, 15), education_level="thac_si", political_theory="trung_cap",
                    party_join_date=date(2022, 5, 1), training=[
                        TrainingRow(school="Đại học Luật", kind="chuyen_mon", to_date="2010-06", level_code="dai_hoc"),
                        TrainingRow(school="Học viện Hành chính", kind="chuyen_mon", to_date="2022-09",
                                    level_code="thac_si"),
                        TrainingRow(school="Trường Chính trị tỉnh", kind="ly_luan_chinh_tri", to_date="2024-01",
                                    level_code="trung_cap")]),
    }
    decide(empty_db, people["x"], "tuyen_dung", date(2020, 3, 1), unit_id=units["40.A"])
    decide(empty_db, people["x"], "dieu_dong", date(2023, 7, 1), unit_id=units["40.B"])
    decide(empty_db, people["x"], "bo_nhiem", date(2024, 1, 15), unit_id=units["40.B"], title_code="truong_phong_so",
           title_text="Trưởng phòng Ngân sách")
    decide(empty_db, people["y"], "bo_nhiem", date(2021, 5, 1), unit_id=units["40.A"], title_code="giam_doc_so",
           title_text="Giám đốc Sở Nội vụ")
    wrong = decide(empty_db, people["y"], "dieu_dong", date(2022, 1, 1), unit_id=units["40.B"])
    cancel_decision(empty_db.uow("canbo"), wrong, "Ghi nhầm người")
    decide(empty_db, people["y"], "mien_nhiem", date(2023, 5, 1), title_text="Chuyên viên cao cấp")
    decide(empty_db, people["z"], "nghi_huu", date(2025, 1, 1))
    yield History(empty_db, units, people)


def where_is(h: History, on: date | None) -> dict[str, tuple[str, str, str, str, str, bool]]:
    """Each counted person's (unit code, status, title, education, political theory, party) on ``on``."""
    with h.db.uow("canbo")() as uow:
        titles, ranks = titles_and_ranks(uow.session)
        src = person_source(on or date.today(), as_of=on is not None, ranks=ranks, root_path=None)
        u = m.OrgUnitRecord
        q = (select(src["id"], u.code, src["status"], src["title_code"], src["education_level"],
                    src["political_theory"], src["party"])
             .select_from(src.froms).join(u, u.id == src["unit_id"]).where(*src.where))
        names = {v: k for k, v in h.people.items()}
        return {names[r[0]]: (r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in uow.session.execute(q)}


def test_each_person_is_where_the_decisions_had_put_them(history: History) -> None:
    assert set(where_is(history, date(2019, 12, 31))) == {"y", "z", "w"}  # x is recruited in 2020
    at_2021 = where_is(history, date(2021, 12, 31))
    assert at_2021["x"][:3] == ("40.A", "dang_cong_tac", "")
    assert at_2021["y"][:3] == ("40.A", "dang_cong_tac", "giam_doc_so")
    assert where_is(history, date(2022, 6, 30))["y"][0] == "40.A"  # the cancelled transfer does not count
    at_2023 = where_is(history, date(2023, 12, 31))
    assert at_2023["x"][:3] == ("40.B", "dang_cong_tac", "")
    assert at_2023["y"][2] == ""  # dismissed in May 2023
    assert where_is(history, date(2024, 12, 31))["x"][:3] == ("40.B", "dang_cong_tac", "truong_phong_so")
    assert "z" in where_is(history, date(2024, 12, 31))
    assert "z" not in where_is(history, date(2025, 6, 30))  # retired on 01/01/2025
    now = where_is(history, None)
    assert now["x"][:3] == ("40.B", "dang_cong_tac", "truong_phong_so") and "z" not in now


def test_qualifications_and_party_membership_on_a_date(history: History) -> None:
    assert where_is(history, date(2021, 12, 31))["w"][3:] == ("dai_hoc", "", False)
    assert where_is(history, date(2022, 12, 31))["w"][3:] == ("thac_si", "", True)
    assert where_is(history, date(2024, 1, 31))["w"][3:] == ("thac_si", "trung_cap", True)
    # a level no training line attests is taken as held already
    assert where_is(history, date(2019, 12, 31))["y"][3:5] == ("dai_hoc", "cao_cap")


def test_as_of_today_the_rebuilt_state_is_the_current_one(history: History) -> None:
    today = date.today()
    with history.db.uow("canbo")() as uow:
        titles, ranks = titles_and_ranks(uow.session)
        for as_of in (False, True):
            src = person_source(today, as_of=as_of, ranks=ranks, root_path=None)
            q = select(*[src[k] for k in ("id", "unit_id", "status", "title_code", "grade_code", "education_level",
                                          "political_theory", "state_mgmt", "party")]).select_from(src.froms)
            rows = sorted(tuple(r) for r in uow.session.execute(q.where(*src.where)))
            if not as_of:
                current = rows
    assert rows == current


def test_the_dashboard_at_past_dates(history: History) -> None:
    uowf = history.db.uow("canbo")
    a, b, root = history.units["40.A"], history.units["40.B"], history.units["40"]
    before = reports_svc.targets_report(uowf, unit_code="40", at=date(2022, 6, 30))
    assert before.reconstructed and before.notes and "dựng lại" in before.notes[-1]
    # leaders then: y (head of A) and z (head of a department, in A: never moved)
    assert before.row(a, "can_bo_nu")[6:8] == (0, 2)
    assert before.row(b, "can_bo_nu")[6:8] == (0, 0)
    after = reports_svc.targets_report(uowf, unit_code="40", at=date(2024, 6, 30))
    assert after.row(b, "can_bo_nu")[6:8] == (1, 1)  # x, appointed in January 2024
    assert after.row(a, "can_bo_nu")[6:8] == (0, 1)  # z only: y was dismissed in 2023
    assert after.row(root, "can_bo_nu")[6:8] == (1, 2)
    people = reports_svc.target_people(uowf, "can_bo_nu", unit_code="40", at=date(2024, 6, 30), part="numerator")
    assert [(p.full_name, p.unit_code) for p in people] == [("Nguyễn Thị Xuân", "40.B")]
    later = reports_svc.targets_report(uowf, unit_code="40", at=date(2025, 6, 30))
    assert later.row(root, "can_bo_nu")[6:8] == (1, 1)  # z retired
    trend = reports_svc.targets_trend(uowf, unit_code="40", at=date(2025, 6, 30), years=3)
    assert [p.on for p in trend] == [date(2022, 12, 31), date(2023, 12, 31), date(2024, 12, 31), date(2025, 6, 30)]
    assert [p.value("can_bo_nu") for p in trend] == [0.0, 0.0, 50.0, 100.0]
    assert all(row.level == 0 for p in trend for row in p.rows)


def test_statistics_at_a_past_date(history: History) -> None:
    uowf = history.db.uow("canbo")
    early = reports_svc.statistics_report(uowf, unit_code="40", at=date(2019, 12, 31))
    sex = early.table("sex")
    assert sex.total().values == (3, 2, 1)  # y, z, w (x recruited later)
    edu = reports_svc.statistics_report(uowf, unit_code="40", at=date(2021, 12, 31)).table("education")
    assert edu.value(edu.total(), "v:thac_si") == 0 and edu.value(edu.total(), "v:dai_hoc") == 4
    party = reports_svc.statistics_report(uowf, unit_code="40", at=date(2023, 1, 1)).table("party")
    assert party.value(party.total(), "v:yes") == 1
    rows = {r.label: r.values[0] for r in reports_svc.statistics_report(uowf, unit_code="40",
                                                                        at=date(2023, 12, 31)).table("sex").rows}
    assert rows == {"Sở Nội vụ": 3, "Sở Tài chính": 1, "Tổng cộng": 4}


def test_the_demo_district_rebuilt_at_today_equals_its_current_state(demo_db: Database) -> None:
    today = date.today()
    with demo_db.uow("canbo")() as uow:
        titles, ranks = titles_and_ranks(uow.session)
        repo = ReportsRepository(uow.session)
        labels = repo.code_labels()
        counts = [repo.stat_counts(person_source(today, as_of=flag, ranks=ranks, root_path=None, everyone=True),
                                   labels) for flag in (False, True)]
    assert counts[0] == counts[1] and sum(c["total"] for c in counts[0].values()) > 100
