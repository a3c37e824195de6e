"""The dashboard's kept counts (``db/count_cache.py``): a second view re-counts only the units a clerk's edits
touched, and every view shows exactly what counting everyone afresh shows — after edits of a person, of their
training lines, moves between units, the trash, a purge, a sync apply, a rolled-back write.

Each check compares the kept-and-updated dashboard with one counted from nothing (the cache emptied), row by
row, on the hand-made tree of ``test_reports.py``. The same checks run on PostgreSQL, where nothing is kept
(a lower change-log number may commit after a higher one was read): every view counts whole, and the figures
are the same.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from canbo_desktop.db import count_cache
from canbo_desktop.db import models as m
from canbo_desktop.db.uow import UnitOfWork
from canbo_desktop.domain.cadre import TrainingRow
from canbo_desktop.domain.rules import RuleBook
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.services.records import purge_cadres, restore_cadres, save_cadre_file, trash_cadres
from canbo_desktop.services.rules import rule_book
from tests.conftest import BACKEND
from tests.integration.test_reports import Tree, build_tree, month_ago


def expected(*outcomes: str) -> list[str]:
    """What the cache does on these views: on PostgreSQL nothing is kept, every view counts whole."""
    return list(outcomes) if BACKEND == "sqlite" else ["whole, not kept"] * len(outcomes)


@pytest.fixture
def tree(empty_db: object) -> Iterator[Tree]:
    count_cache.clear()
    yield build_tree(empty_db)  # type: ignore[arg-type]
    count_cache.clear()


def rows(tree: Tree) -> list[tuple[object, ...]]:
    report = reports_svc.targets_report(tree.db.uow("canbo"), unit_code="40")
    return [tuple(r) for r in report.rows]


def afresh(tree: Tree) -> list[tuple[object, ...]]:
    count_cache.clear()
    out = rows(tree)
    assert count_cache.last_outcome == expected("whole")
    return out


def women_leaders(tree: Tree, unit: str) -> tuple[object, ...]:
    report = reports_svc.targets_report(tree.db.uow("canbo"), unit_code="40")
    row = report.row(tree.units[unit], "can_bo_nu")
    return row.numerator, row.denominator


def edit(tree: Tree, short: str, **changes: object) -> None:
    uowf = tree.db.uow("canbo")
    f = cadre_file(uowf, tree.people[short])
    save_cadre_file(uowf, dataclasses.replace(f, cadre=dataclasses.replace(f.cadre, **changes)))


def test_a_second_view_with_nothing_changed_counts_nobody_again(tree: Tree) -> None:
    first = rows(tree)
    second = rows(tree)
    assert count_cache.last_outcome[-2:] == expected("whole", "kept")
    assert first == second == afresh(tree)


def test_an_edit_recounts_only_its_unit_and_shows_in_the_figures(tree: Tree) -> None:
    assert women_leaders(tree, "40") == (1, 8)
    edit(tree, "b3", sex="F", full_name="Vũ Thị Long")  # a commune vice-chairman is a woman after all
    assert women_leaders(tree, "40.X01") == (1, 5)
    assert women_leaders(tree, "40") == (2, 8)
    assert count_cache.last_outcome[-2:] == expected("recounted 1 units", "kept")
    assert rows(tree) == afresh(tree)


def test_a_training_line_recounts_its_persons_unit(tree: Tree) -> None:
    before = rows(tree)
    uowf = tree.db.uow("canbo")
    f = cadre_file(uowf, tree.people["a2"])
    line = TrainingRow(school="Trường Chính trị tỉnh", major="Bồi dưỡng cập nhật kiến thức",
                       kind="cap_nhat_kien_thuc", to_date=month_ago(2))
    save_cadre_file(uowf, dataclasses.replace(f, training=[*f.training, line]))
    after = rows(tree)
    assert count_cache.last_outcome[-1:] == expected("recounted 1 units")
    assert after != before and after == afresh(tree)


def test_a_move_to_another_unit_counts_whole(tree: Tree) -> None:
    rows(tree)
    edit(tree, "a1", owner_unit_id=tree.units["40.X01"])  # the woman director now leads in the commune
    assert women_leaders(tree, "40.S01") == (0, 2)
    assert women_leaders(tree, "40.X01") == (1, 6)
    assert count_cache.last_outcome[-2:] == expected("whole", "kept")
    assert rows(tree) == afresh(tree)


def test_the_trash_a_restore_and_a_purge(tree: Tree) -> None:
    rows(tree)
    trash_cadres(tree.db.uow("canbo"), [tree.people["a1"]])
    assert women_leaders(tree, "40") == (0, 7)
    assert count_cache.last_outcome[-1:] == expected("recounted 1 units")
    restore_cadres(tree.db.uow("canbo"), [tree.people["b8"]])  # the trashed woman leader is back
    assert women_leaders(tree, "40") == (1, 8)
    trash_cadres(tree.db.uow("canbo"), [tree.people["p1"], tree.people["p2"]])  # a unit left with nobody
    assert women_leaders(tree, "40.S01.P1") == (0, 0)
    assert women_leaders(tree, "40.S01") == (0, 1)  # a1 is still in the trash: only a2 leads there
    trash_cadres(tree.db.uow("canbo"), [tree.people["a3"]])
    purge_cadres(tree.db.uow("canbo"), [tree.people["a3"]], role="admin", typed_confirmation="XÓA VĨNH VIỄN")
    assert rows(tree) == afresh(tree)


def test_a_logged_row_without_its_fields_counts_whole(tree: Tree) -> None:
    """What a sync apply writes (one row per applied snapshot row, no fields): the person may have moved."""
    rows(tree)
    with tree.db.engine.begin() as conn:
        conn.execute(text("UPDATE cadre SET owner_unit_id = :u, sex = 'F' WHERE id = :c"),
                     {"u": tree.units["40.S01"], "c": tree.people["b2"]})
        conn.execute(text("INSERT INTO sync_change_log (table_name, row_id, op, rev, base_rev, hlc, origin_node, "
                          "changed_fields, actor) VALUES ('cadre', :c, 'I', 9, 0, 'zz', '', '[]', 'sync')"),
                     {"c": tree.people["b2"]})
    assert women_leaders(tree, "40.S01") == (2, 4)  # the party secretary, now a woman in the department
    assert count_cache.last_outcome[-1:] == expected("whole")


def test_counts_made_inside_a_write_that_rolled_back_are_not_trusted(tree: Tree) -> None:
    """A write flushes its change-log row, the dashboard is counted inside that transaction, the write rolls
    back; the next write takes the same sequence number. Its HLC differs: the counts are made whole again."""
    rows(tree)
    uowf = tree.db.uow("canbo")
    book = rule_book(uowf)
    with uowf() as uow:
        rec = uow.session.get(m.CadreRecord, tree.people["b4"])
        assert rec is not None
        rec.sex = "F"
        uow.session.flush()
        seq = uow.session.scalar(select(func.max(m.ChangeLogRecord.seq)))
        repo_rows = _rows_in(uow, tree, book)
        assert repo_rows[tree.units["40.X01"]] == (1, 5)  # the uncommitted woman is counted in this transaction
        uow.session.rollback()
    edit(tree, "a2", sex="F", full_name="Trần Thị Bình")  # another person, in another unit
    with tree.db.engine.connect() as conn:
        last = conn.execute(text("SELECT max(seq) FROM sync_change_log")).scalar()
    assert last == seq if BACKEND == "sqlite" else last > seq  # SQLite takes the number again; a sequence does not
    assert women_leaders(tree, "40.X01") == (0, 5)  # not the rolled-back b4
    assert women_leaders(tree, "40.S01") == (2, 3)
    assert rows(tree) == afresh(tree)


def _rows_in(uow: UnitOfWork, tree: Tree, book: RuleBook) -> dict[str, tuple[int, int]]:
    """The women-leaders figures per unit, counted by the service's own code inside ``uow``'s transaction."""
    on, reconstructed = reports_svc._day(None)
    report = reports_svc._targets(reports_svc._Setup(uow, None, "40"), book, on, reconstructed, None)
    return {u: (report.row(u, "can_bo_nu").numerator, report.row(u, "can_bo_nu").denominator)
            for u in tree.units.values()}


def test_any_sequence_of_edits_shows_what_counting_afresh_shows(tree: Tree) -> None:
    """Random edits (sex, education, titles, status, units, training lines, trash), one to three between two
    views; after each view the kept-and-updated figures equal those counted from nothing."""
    rng = random.Random(13)
    shorts = sorted(tree.people)
    units = sorted(tree.units.values())
    uowf = tree.db.uow("canbo")
    outcomes: Counter[str] = Counter()  # what each view after edits did
    rows(tree)
    for _step in range(25):
        for _ in range(rng.randint(1, 3)):
            short = rng.choice(shorts)
            f = cadre_file(uowf, tree.people[short])
            c = f.cadre
            kind = rng.choice(["sex", "education", "title", "status", "unit", "training", "trash"])
            if kind == "trash":
                (restore_cadres if c.trashed_at else trash_cadres)(uowf, [c.id])
                continue
            if kind == "training":
                line = TrainingRow(school="Trường Chính trị tỉnh", major="Bồi dưỡng", kind="cap_nhat_kien_thuc",
                                   to_date=month_ago(rng.randint(0, 80)))
                save_cadre_file(uowf, dataclasses.replace(f, training=[*f.training, line]))
                continue
            change = {"sex": {"sex": "F" if c.sex == "M" else "M"},
                      "education": {"education_level": rng.choice(["dai_hoc", "cao_dang", "thac_si", ""])},
                      "title": {"title_code": rng.choice(["", "pho_chu_tich_ubnd_xa", "giam_doc_so"])},
                      "status": {"status": rng.choice(["dang_cong_tac", "nghi_huu", "biet_phai"])},
                      "unit": {"owner_unit_id": rng.choice(units)}}[kind]
            save_cadre_file(uowf, dataclasses.replace(f, cadre=dataclasses.replace(c, **change)))
        kept = rows(tree)
        outcomes[count_cache.last_outcome[-1].split(" ")[0]] += 1
        assert kept == afresh(tree)
    if BACKEND == "sqlite":
        assert outcomes["recounted"] >= 5 and outcomes["whole"] >= 1  # both paths were taken
    else:
        assert set(outcomes) == {"whole,"}


def test_a_restore_forgets_the_kept_counts(tree: Tree) -> None:
    """A restore closes the engine's connections (``engine.dispose``) before it puts another file in place."""
    rows(tree)
    tree.db.engine.dispose()
    rows(tree)
    assert count_cache.last_outcome[-2:] == expected("whole", "whole")
