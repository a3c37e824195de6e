"""The demo database: deterministic for a seed, realistic, and tracked like any other data."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from sqlalchemy import text

from canbo_desktop.domain.errors import AlreadyInitialised
from canbo_desktop.services import demo
from canbo_desktop.services.database import Database, open_database

CONTENT_QUERIES = {
    "cadre": "SELECT id, full_name, birth_date, birth_precision, sex, ethnicity_code, owner_unit_id, id_number, "
             "grade_code, salary_step, education_level, political_theory FROM cadre ORDER BY id",
    "evaluation": "SELECT id, cadre_id, year, level FROM evaluation ORDER BY id",
    "family": "SELECT id, cadre_id, relation, full_name FROM cadre_family ORDER BY id",
    "units": "SELECT id, code, name, parent_id, path FROM org_unit ORDER BY id",
}


def content(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        return {k: [tuple(r) for r in conn.execute(text(q))] for k, q in CONTENT_QUERIES.items()}


def make(path: Path, seed: int) -> Database:
    db = open_database(str(path), create=True)
    demo.create_demo_database(db, size="small", seed=seed)
    return db


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    a, b, c = make(tmp_path / "a.db", 5), make(tmp_path / "b.db", 5), make(tmp_path / "c.db", 6)
    try:
        assert content(a) == content(b)
        assert content(a)["cadre"] != content(c)["cadre"]
    finally:
        for db in (a, b, c):
            db.close()


def test_generator_process_gives_the_same_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large demos generate in a second process; the result must equal the in-process generation."""
    inline = make(tmp_path / "inline.db", 9)
    monkeypatch.setattr(demo, "PROCESS_THRESHOLD", 0)
    forked = make(tmp_path / "process.db", 9)
    try:
        assert content(inline) == content(forked)
    finally:
        inline.close()
        forked.close()


def test_district_looks_real(district_db: Database) -> None:
    with district_db.engine.connect() as conn:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        n = q("SELECT count(*) FROM cadre")[0][0]
        assert 1900 <= n <= 2100
        units = q("SELECT kind, count(*) FROM org_unit GROUP BY kind")
        kinds = dict(units)
        assert kinds.get("huyen") == 1 and 18 <= kinds.get("xa", 0) + kinds.get("phuong", 0) <= 22
        families = collections.Counter(r[0] for r in q("SELECT family_name FROM cadre"))
        assert families.most_common(1)[0][0] == "Nguyễn"
        assert 0.28 < families["Nguyễn"] / n < 0.45  # the real frequency is about 38 %
        women = q("SELECT count(*) FROM cadre WHERE sex = 'F'")[0][0]
        assert 0.3 < women / n < 0.55
        female_middle = collections.Counter(r[0].split()[0] for r in q("SELECT middle_name FROM cadre WHERE sex='F' AND middle_name <> ''"))
        assert female_middle.most_common(1)[0][0] == "Thị"
        assert q("SELECT count(*) FROM cadre WHERE ethnicity_code <> '01'")[0][0] > 50
        assert q("SELECT count(*) FROM cadre WHERE birth_precision = 'year'")[0][0] > 5
        assert q("SELECT count(*) FROM cadre WHERE status = 'nghi_huu'")[0][0] > 0
        assert q("SELECT count(*) FROM cadre_discipline")[0][0] > 0
        years = [r[0] for r in q("SELECT DISTINCT year FROM evaluation ORDER BY year")]
        assert years == [2021, 2022, 2023, 2024, 2025]
        per_person = q("SELECT min(c), max(c) FROM (SELECT count(*) c FROM evaluation GROUP BY cadre_id) AS per_cadre")[0]
        assert per_person[1] == 5
        for table in ("decision", "cadre_training", "cadre_work_history", "cadre_family", "cadre_salary"):
            assert q(f"SELECT count(DISTINCT cadre_id) FROM {table}")[0][0] >= n * 0.95, table
        # A0 (cán sự) steps every 36 months: no cán sự has more steps than 36-month intervals allow
        assert q("SELECT count(*) FROM cadre WHERE grade_code = '01.004' AND salary_step > 10")[0][0] == 0


def test_demo_rows_are_tracked_for_sync(district_db: Database) -> None:
    with district_db.engine.connect() as conn:
        missing = conn.execute(text(
            "SELECT count(*) FROM cadre c WHERE NOT EXISTS "
            "(SELECT 1 FROM sync_change_log l WHERE l.table_name = 'cadre' AND l.row_id = c.id)"
        )).scalar()
        assert missing == 0
        assert conn.execute(text("SELECT count(*) FROM cadre WHERE rev < 1 OR hlc = '' OR origin_node = ''")).scalar() == 0
        assert conn.execute(text("SELECT action FROM audit_log WHERE action = 'demo_load'")).scalar() == "demo_load"


def test_demo_refuses_an_initialised_database(demo_db: Database) -> None:
    with pytest.raises(AlreadyInitialised):
        demo.create_demo_database(demo_db, size="small", seed=1)
