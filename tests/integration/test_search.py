"""Search as a clerk types it: without diacritics, any part of the name, CCCD, year; ranked sensibly."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from canbo_desktop.db.models import CadreRecord, OrgUnitRecord
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database


def names(db: Database, q: str, limit: int = 50) -> list[str]:
    return [r.full_name for r in search_cadres(db.uow("t"), q, limit=limit)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("dang viet", "Đặng Quốc Việt"),
        ("Đặng Quốc Việt", "Đặng Quốc Việt"),
        ("nguyen thi hong", "Nguyễn Thị Hồng Nhung"),
        ("nguyen thi hong nhung", "Nguyễn Thị Hồng Nhung"),
        ("NGUYEN THI HONG NHUNG", "Nguyễn Thị Hồng Nhung"),
        ("pham huu duc", "Phạm Hữu Đức"),
        ("vu van luong", "Vũ Văn Lưỡng"),
        ("0790", "Phạm Hữu Đức"),  # CCCD beginning 0790
    ],
)
def test_cases_from_the_issue(district_db: Database, query: str, expected: str) -> None:
    assert expected in names(district_db, query)


def test_nfd_query_finds_the_same(district_db: Database) -> None:
    q = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    assert "Nguyễn Thị Hồng Nhung" in names(district_db, q)


def test_old_and_new_tone_placement_match_each_other(district_db: Database) -> None:
    found_new = names(district_db, "Hoà", limit=200)
    found_old = names(district_db, "Hòa", limit=200)
    assert "Trần Thị Hoà" in found_old and "Bùi Thị Hòa" in found_new
    assert found_new == found_old


def test_diacritics_rank_exact_matches_first(district_db: Database) -> None:
    rows = names(district_db, "Đức", limit=500)
    duc_exact = [i for i, n in enumerate(rows) if "Đức" in n.split()]
    duc_other = [i for i, n in enumerate(rows) if "Dục" in n.split() and "Đức" not in n.split()]
    assert duc_exact and duc_other, "the demo has both Đức and Dục"
    assert max(duc_exact) < min(duc_other)
    rows = names(district_db, "Dục", limit=500)
    assert rows[0].split()[-1] == "Dục"


def test_names_rank_above_units(district_db: Database) -> None:
    # "viet" also matches units named "Ủy ban MTTQ Việt Nam …": people named Việt come first.
    rows = names(district_db, "dang viet", limit=10)
    assert rows[0] == "Đặng Quốc Việt"
    assert all("Việt" in n for n in rows[:2])


def test_every_word_must_match(district_db: Database) -> None:
    from canbo_desktop.domain.text import fold_words

    rows = names(district_db, "thi nhung", limit=500)
    assert rows
    for n in rows:
        words = fold_words(n)
        assert "nhung" in words and any(w.startswith("thi") for w in words), n


def test_birth_year_and_empty_query(district_db: Database) -> None:
    rows = search_cadres(district_db.uow("t"), "1975", limit=20)
    assert rows and all(r.birth_date is not None and r.birth_date.year == 1975 for r in rows[:5])
    assert search_cadres(district_db.uow("t"), "   ", limit=20) == []
    assert search_cadres(district_db.uow("t"), "\"'*()", limit=20) == []


def test_index_follows_insert_update_delete(demo_db: Database) -> None:
    uowf = demo_db.uow("t")
    with uowf() as uow:
        unit = uow.session.scalars(select(OrgUnitRecord)).first()
        c = CadreRecord(owner_unit_id=unit.id, full_name="", family_name="Âu Dương", middle_name="Thị",
                        given_name="Quỳnh", sex="F")
        uow.session.add(c)
        uow.commit()
        cid = c.id
    assert names(demo_db, "au duong quynh") == ["Âu Dương Thị Quỳnh"]
    with uowf() as uow:
        rec = uow.session.get(CadreRecord, cid)
        rec.given_name = "Quyên"
        uow.commit()
    assert names(demo_db, "au duong quynh") == []
    assert names(demo_db, "au duong quyen") == ["Âu Dương Thị Quyên"]
    with uowf() as uow:
        uow.session.delete(uow.session.get(CadreRecord, cid))
        uow.commit()
    assert names(demo_db, "au duong quyen") == []
