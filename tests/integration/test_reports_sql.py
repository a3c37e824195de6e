"""The targets counted in SQL agree with the Python evaluator (the reference) on random populations and
trees: every shipped indicator, for every unit of the tree (its whole subtree), and any filter of the
language person by person, in a real SQLite file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from canbo_desktop.db import count_cache
from canbo_desktop.db import models as m
from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.reports import (
    ReportsRepository,
    SqlContext,
    _tri,
    compiled_indicators,
    filter_sql,
    person_source,
    titles_and_ranks,
)
from canbo_desktop.domain import reports as r
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.rules.targets import FilterContext, compile_filter, evaluate_targets
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.services.refdata import load_reference_data
from canbo_desktop.services.rules import shipped_book

PROPERTY = settings(database=None, deadline=None, max_examples=60,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

TITLES = ["", "", "", "giam_doc_so", "pho_giam_doc_so", "truong_phong_so", "chu_tich_ubnd_xa", "bi_thu_dang_uy_xa",
          "pho_truong_phong_huyen", "ma_chuc_danh_la"]  # the last is not in the titles list: unknown
STATUSES = ["dang_cong_tac", "dang_cong_tac", "biet_phai", "nghi_khong_luong", "nghi_huu", ""]
EDUCATION = ["", "dai_hoc", "thac_si", "tien_si", "cao_dang", "trung_cap", "chua_dao_tao", "ma_la"]
POLITICAL = ["", "trung_cap", "cao_cap", "cu_nhan", "so_cap", "chua_dao_tao", "ma_la"]
STATE_MGMT = ["", "chuyen_vien", "chuyen_vien_chinh", "can_su", "chua_boi_duong"]
ETHNICITY = ["01", "01", "55", "02", "11", ""]
PROVINCES = ["40", "40", "38", "01", ""]
TO_DATES = ["", "2019", "2021-06", "2021-11", "2023-12-31", "2024-02", "2025", "2026-11-30", "2027-01-15", "2025-12"]
KINDS = ["cap_nhat_kien_thuc", "cap_nhat_kien_thuc", "chuyen_mon", "ly_luan_chinh_tri"]


@pytest.fixture(scope="module")
def ref_db(empty_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """An empty database with the shipped code lists and titles; each example replaces the people."""
    path = tmp_path_factory.mktemp("reports") / "ref.db"
    shutil.copyfile(empty_template, path)
    db = open_database(str(path))
    with db.uow("test")() as uow:
        load_reference_data(uow)
        uow.commit()
    yield db
    db.close()


@dataclass
class World:
    units: list[dict[str, Any]]
    people: list[dict[str, Any]]


def _world(draw: Any) -> World:
    n_units = draw(st.integers(1, 7))
    national = draw(st.booleans())  # a root above two provinces, or a province itself
    units: list[dict[str, Any]] = []
    for i in range(n_units):
        uid = f"u{i:02d}"
        parent = None if i == 0 else units[draw(st.integers(0, i - 1))]
        if i == 0:
            code = "VN" if national else "40"
        elif parent is units[0] and national:
            code = f"{draw(st.sampled_from(['40', '38']))}.U{i}"
        else:
            code = f"X{i}"
        geo = draw(st.sampled_from(["", "", "01"])) if i and not national else ""
        path = (parent["path"] if parent else "/") + uid + "/"
        units.append({"id": uid, "code": code, "name": f"Đơn vị {i}", "kind": "phong_ban",
                      "parent_id": parent["id"] if parent else None, "path": path, "depth": path.count("/") - 2,
                      "geo_code": geo})
    people = []
    for k in range(draw(st.integers(0, 18))):
        trainings = draw(st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(TO_DATES), st.booleans(),
                                            st.booleans()), max_size=3))
        people.append({
            "id": f"p{k:03d}", "unit": units[draw(st.integers(0, n_units - 1))]["id"],
            "status": draw(st.sampled_from(STATUSES)), "sex": draw(st.sampled_from(["M", "F"])),
            "birth": draw(st.one_of(st.none(), st.dates(date(1958, 1, 1), date(2004, 12, 31)))),
            "title": draw(st.sampled_from(TITLES)), "edu": draw(st.sampled_from(EDUCATION)),
            "pol": draw(st.sampled_from(POLITICAL)), "qlnn": draw(st.sampled_from(STATE_MGMT)),
            "eth": draw(st.sampled_from(ETHNICITY)), "home": draw(st.sampled_from(PROVINCES)),
            "party": draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2027, 12, 31)))),
            "trashed": draw(st.integers(0, 9)) == 0, "trainings": trainings,
        })
    return World(units, people)


worlds = st.composite(_world)()


def load(db: Database, w: World) -> None:
    """Replace the tree and the people (Core inserts: the test is about counting, not about editing; they
    leave no change log, so the dashboard's kept counts are forgotten by hand)."""
    count_cache.clear()
    with db.engine.begin() as conn:
        for table in (m.TrainingRecord, m.TrainingCourseRecord, m.CadreRecord, m.OrgUnitRecord):
            conn.execute(delete(table))
        conn.execute(insert(m.OrgUnitRecord), [dict(u) for u in w.units])
        # a line of a course (an enrolment) without an end date is not training received yet
        conn.execute(insert(m.TrainingCourseRecord), [{"id": "khoa", "name": "Khóa", "kind": "cap_nhat_kien_thuc"}])
        if w.people:
            conn.execute(insert(m.CadreRecord), [{
                "id": p["id"], "owner_unit_id": p["unit"], "full_name": f"Người {p['id']}", "sex": p["sex"],
                "status": p["status"], "birth_date": p["birth"], "title_code": p["title"], "education_level": p["edu"],
                "political_theory": p["pol"], "state_mgmt": p["qlnn"], "ethnicity_code": p["eth"],
                "hometown_province_code": p["home"], "party_join_date": p["party"],
                "trashed_at": date(2026, 1, 1) if p["trashed"] else None} for p in w.people])
        rows = [{"id": f"{p['id']}-t{i}", "cadre_id": p["id"], "kind": kind, "to_date": to_date,
                 "course_id": "khoa" if course else None, "deleted": deleted, "level_code": ""}
                for p in w.people for i, (kind, to_date, course, deleted) in enumerate(p["trainings"])]
        if rows:
            conn.execute(insert(m.TrainingRecord), rows)


def sql_report(db: Database, on: date, settings_: dict[str, Any]) -> r.TargetsReport:
    """The dashboard on ``on`` from the current records (as the services compute it for today)."""
    book = shipped_book()
    version = book.version("targets", on)
    compiled = compiled_indicators(version.params)
    with db.uow("test")() as uow:
        repo = ReportsRepository(uow.session)
        titles, ranks = titles_and_ranks(uow.session)
        root = repo.unit(unit_id="u00")
        units = repo.units(root.path)
        src = person_source(on, as_of=False, ranks=ranks, root_path=root.path)
        sctx = SqlContext(FilterContext(on, ranks, titles, settings_), repo.province_expr(src["unit_id"], units))
        direct = repo.target_counts(src, sctx, compiled)
    infos = reports_svc._indicator_infos(book, on)[0]
    return r.build_targets_report(on, False, root, units, infos, direct)


@PROPERTY
@given(w=worlds, on=st.dates(date(2021, 6, 1), date(2027, 12, 31)), young=st.sampled_from([None, 35, 45]))
def test_every_shipped_indicator_in_sql_equals_the_python_evaluator(ref_db: Database, w: World, on: date,
                                                                    young: int | None) -> None:
    load(ref_db, w)
    settings_ = {} if young is None else {"young_age": young}
    report = sql_report(ref_db, on, settings_)
    book = shipped_book()
    with ref_db.uow("test")() as uow:
        titles, ranks = titles_and_ranks(uow.session)
        facts = FactsRepository(uow.session)
        for unit in w.units:
            people = facts.people(ListFilter(unit_path=unit["path"]))
            expected = evaluate_targets(people, on, book, ranks=ranks, titles=titles, settings=settings_)
            for e in expected:
                got = report.row(unit["id"], e.code)
                assert (got.numerator, got.denominator, got.unknown, got.excluded) == (
                    e.numerator, e.denominator, len(e.unknown_ids), len(e.excluded_unknown_ids)), (unit, e.code)
                assert (got.value, got.met) == (e.percent, e.met), (unit, e.code)
                assert got.message == e.message


# ------------------------------------------------------------------------------------------- any filter

TEXT_VALUES = {"sex": ["M", "F", ""], "status": ["dang_cong_tac", "nghi_huu", ""], "category": ["cong_chuc", "can_bo"],
               "ethnicity_code": ["01", "55", "02", ""], "hometown_province_code": ["40", "38", ""],
               "unit_province_code": ["40", "38", ""], "title_code": ["giam_doc_so", "", "ma_la"],
               "grade_code": ["01.003", ""], "education_level": ["dai_hoc", "", "ma_la"],
               "political_theory": ["trung_cap", "cao_cap", ""], "state_mgmt": ["chuyen_vien", ""],
               "birth_precision": ["day", "year"], "unit_id": ["u00", "u01"], "cadre_id": ["p000", "p001"]}
RANKED = {"education_level": ["dai_hoc", "cao_dang", "thac_si"], "political_theory": ["trung_cap", "cao_cap"],
          "state_mgmt": ["chuyen_vien", "can_su"]}


def _leaf(draw: Any) -> dict[str, Any]:
    kind = draw(st.sampled_from(["text", "text", "rank", "bool", "age", "leader", "level", "trained", "non_local"]))
    if kind == "text":
        f = draw(st.sampled_from(sorted(TEXT_VALUES)))
        op = draw(st.sampled_from(["eq", "ne", "in", "not_in"]))
        if op in ("eq", "ne"):
            return {"field": f, op: draw(st.sampled_from(TEXT_VALUES[f]))}
        return {"field": f, op: draw(st.lists(st.sampled_from(TEXT_VALUES[f]), max_size=3, unique=True))}
    if kind == "rank":
        f = draw(st.sampled_from(sorted(RANKED)))
        return {"field": f, draw(st.sampled_from(["rank_gte", "rank_lte"])): draw(st.sampled_from(RANKED[f]))}
    if kind == "bool":
        return {"field": draw(st.sampled_from(["party_member", "last_raise_early"])),
                draw(st.sampled_from(["eq", "ne"])): draw(st.booleans())}
    if kind == "age":
        years = draw(st.one_of(st.integers(20, 65), st.just({"setting": "young_age", "default": 40})))
        return {draw(st.sampled_from(["age_lt", "age_gte"])): years}
    if kind == "leader":
        return {draw(st.sampled_from(["leader", "key_leader"])): draw(st.booleans())}
    if kind == "level":
        return {"title_level_in": draw(st.lists(st.sampled_from(["so", "phong", "xa", "tinh"]), max_size=2))}
    if kind == "trained":
        spec: dict[str, Any] = {"trained": draw(st.sampled_from(["cap_nhat_kien_thuc", "chuyen_mon"]))}
        if draw(st.booleans()):
            spec["within_months"] = draw(st.integers(0, 72))
        return spec
    return {"non_local": draw(st.booleans())}


filters = st.recursive(st.composite(_leaf)(), lambda inner: st.one_of(
    st.builds(lambda xs: {"all": xs}, st.lists(inner, max_size=3)),
    st.builds(lambda xs: {"any": xs}, st.lists(inner, max_size=3)),
    st.builds(lambda x: {"not": x}, inner)), max_leaves=6)


@PROPERTY
@given(w=worlds, spec=filters, on=st.dates(date(2020, 1, 1), date(2027, 12, 31)))
def test_any_filter_compiled_to_sql_gives_each_person_the_python_answer(ref_db: Database, w: World, spec: Any,
                                                                       on: date) -> None:
    load(ref_db, w)
    with ref_db.uow("test")() as uow:
        repo = ReportsRepository(uow.session)
        titles, ranks = titles_and_ranks(uow.session)
        ctx = FilterContext(on, ranks, titles, {})
        root = repo.unit(unit_id="u00")
        src = person_source(on, as_of=False, ranks=ranks, root_path=None)
        expr = filter_sql(spec, SqlContext(ctx, repo.province_expr(src["unit_id"], repo.units(root.path))), src)
        q = select(src["id"], _tri(expr)).select_from(src.froms).where(*src.where)
        got = {row[0]: {1: True, 0: False, 2: None}[int(row[1])] for row in uow.session.execute(q)}
        people = FactsRepository(uow.session).people()
    predicate = compile_filter(spec, ctx)
    assert got == {p.cadre_id: predicate(p) for p in people}


def test_a_malformed_filter_is_refused_in_vietnamese_before_any_sql(ref_db: Database) -> None:
    from canbo_desktop.domain.errors import ValidationError

    with ref_db.uow("test")() as uow:
        titles, ranks = titles_and_ranks(uow.session)
        src = person_source(date(2026, 1, 1), as_of=False, ranks=ranks, root_path=None)
        sctx = SqlContext(FilterContext(date(2026, 1, 1), ranks, titles, {}), src["hometown_province_code"])
        with pytest.raises(ValidationError, match="không được hỗ trợ"):
            filter_sql({"field": "luong", "eq": "1"}, sctx, src)


@pytest.mark.postgres
def test_the_reports_on_postgresql_equal_those_on_sqlite(pg_db: Database, demo_db: Database) -> None:
    """The same SQL on the server a province may run: the same demo, the same figures (now and rebuilt)."""
    from canbo_desktop.services.demo import create_demo_database

    create_demo_database(pg_db, size="small", seed=7)  # the seed of the SQLite demo
    results = []
    for db in (demo_db, pg_db):
        uowf = db.uow("canbo")
        now = reports_svc.targets_report(uowf)
        past = reports_svc.targets_report(uowf, at=date(2024, 12, 31))
        stats = reports_svc.statistics_report(uowf, at=date(2024, 12, 31), depth=2)
        people = [p.full_name for p in reports_svc.target_people(uowf, "can_bo_nu", at=date(2024, 12, 31))]
        results.append(([(x.unit_code, x.indicator, x.numerator, x.denominator, x.unknown) for x in now.rows],
                        [(x.unit_code, x.indicator, x.numerator, x.denominator, x.unknown) for x in past.rows],
                        [(t.key, [row.values for row in t.rows]) for t in stats.tables], sorted(people)))
    assert pg_db.engine.dialect.name == "postgresql"
    assert results[0] == results[1]
