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


def test_words_without_diacritics_still_count_in_the_exact_tier(district_db: Database) -> None:
    assert names(district_db, "Nguyễn Thị Hồng Nhung")[0] == "Nguyễn Thị Hồng Nhung"
    assert names(district_db, "Đặng Quốc viet")[0] == "Đặng Quốc Việt"


def _index_order_matches_name_order(db: Database) -> None:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name_sort_key, search_rowid FROM cadre WHERE search_rowid IS NOT NULL ORDER BY search_rowid"
        ).all()
        keys = [r[0] for r in rows]
        assert keys == sorted(keys), "FTS row ids must increase in Vietnamese name order"
        indexed = conn.exec_driver_sql("SELECT count(*) FROM cadre_fts").scalar()
        assert indexed == len(rows)


@pytest.mark.sqlite_only  # FTS5 and SQLite row ids (PostgreSQL: test_postgres.py)
def test_row_ids_stay_in_name_order_through_edits_and_renumbering(demo_db: Database, monkeypatch) -> None:
    from canbo_desktop.db import search

    monkeypatch.setattr(search, "GAP", 8)  # tiny gaps: renumbering happens within the test
    uowf = demo_db.uow("t")
    with uowf() as uow:
        search.renumber(uow.session.connection())
        uow.commit()
    _index_order_matches_name_order(demo_db)
    with uowf() as uow:
        unit_id = uow.session.scalars(select(OrgUnitRecord.id)).first()
    before = names(demo_db, "nguyen van an", limit=500).count("Nguyễn Văn An")
    for _ in range(12):  # the same spot in the list again and again
        with uowf() as uow:
            uow.session.add(CadreRecord(owner_unit_id=unit_id, full_name="", family_name="Nguyễn", middle_name="Văn",
                                        given_name="An", sex="M"))
            uow.commit()
        _index_order_matches_name_order(demo_db)
    with uowf() as uow:  # several in one flush
        for given in ("Bình", "Bính", "An", "Yến"):
            uow.session.add(CadreRecord(owner_unit_id=unit_id, full_name="", family_name="Lê", middle_name="Thị",
                                        given_name=given, sex="F"))
        uow.commit()
    _index_order_matches_name_order(demo_db)
    with uowf() as uow:  # rename and trash move / remove rows
        recs = uow.session.scalars(select(CadreRecord).where(CadreRecord.given_name == "An")).all()
        recs[0].given_name = "Ân"
        from datetime import datetime

        recs[1].trashed_at = datetime(2026, 11, 20)
        uow.commit()
    _index_order_matches_name_order(demo_db)
    assert "Lê Thị Yến" in names(demo_db, "le thi yen")
    found = names(demo_db, "nguyen van an", limit=500)
    assert found.count("Nguyễn Văn An") == before + 12 - 2  # one renamed, one in the trash
    assert "Nguyễn Văn Ân" in names(demo_db, "Nguyễn Văn Ân")


def test_list_pages_follow_name_order_and_leave_out_the_trash(demo_db: Database) -> None:
    from datetime import datetime

    from canbo_desktop.domain.cadre import ListFilter
    from canbo_desktop.services.cadres import count_cadres, list_cadres

    uowf = demo_db.uow("t")
    with uowf() as uow:
        victim = uow.session.scalars(select(CadreRecord).order_by(CadreRecord.name_sort_key)).first()
        victim.trashed_at = datetime(2026, 11, 21)
        victim_id = victim.id
        uow.commit()
    pages = [list_cadres(uowf, ListFilter(), offset=o, limit=25) for o in range(0, 150, 25)]
    listed = [r.id for page in pages for r in page]
    assert victim_id not in listed and len(listed) == len(set(listed)) == 121
    assert count_cadres(uowf, ListFilter()) == 121
    with demo_db.engine.connect() as conn:
        expected = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM cadre WHERE trashed_at IS NULL ORDER BY name_sort_key, id")]
    assert listed == expected
    with_trash = list_cadres(uowf, ListFilter(include_trash=True), offset=0, limit=500)
    assert victim_id in [r.id for r in with_trash]
    # seeking after the previous page's last position gives exactly the pages that skipping gives
    sought, after = [], None
    for o in range(0, 150, 25):
        page = list_cadres(uowf, ListFilter(), offset=o, limit=25, after=after)
        sought.extend(r.id for r in page)
        after = page[-1].list_position if page else after
    assert sought == listed
