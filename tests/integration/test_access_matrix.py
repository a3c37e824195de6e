"""Role × scope × operation on a two-commune tree: nothing leaks, nothing is written out of place.

The tree: a district (root) with communes A and B; one person in each (with sensitive data). Accounts:
clerk of A (no sensitive permission), clerk of A with it, head of A, a viewer of the whole district, the
admin. Every operation goes through the real services on a real SQLite file; PDFs are read with pdftotext.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from canbo_desktop.db import models as m
from canbo_desktop.db.base import new_id
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.access import MASK, AccessDenied
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.decisions import DecisionInput
from canbo_desktop.domain.errors import PermissionDenied
from canbo_desktop.services import (
    appointments,
    auth,
    eligibility,
    evaluation,
    export,
    planning,
    records,
    reminders,
    training,
    votes,
)
from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.cadres import cadre_file, count_cadres, list_cadres, search_cadres
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.services.pdf.cv import cv_pdf_bytes, load_cv
from canbo_desktop.services.setup import init_office

PW = "mat-khau-thu-nghiem"
TODAY = date(2026, 11, 21)


class Tree:
    def __init__(self, db: Database, ids: dict[str, dict[str, str]] | None = None) -> None:
        self.db = db
        if ids is not None:  # a copy of the built tree
            self.root, self.units, self.people = ids["root"]["id"], ids["units"], ids["people"]
            return
        office = init_office(db.uow("quantri"), office_code="40.D09", office_name="Huyện Thử Nghiệm",
                             admin_user="quantri", password=PW)
        self.root = office.unit_id
        with db.uow("t")() as uow:  # not an account: the system (setting up the test)
            root = uow.session.get(m.OrgUnitRecord, self.root)
            assert root is not None
            self.units: dict[str, str] = {}
            for key, name in (("A", "Xã An Hòa"), ("B", "Xã Bình Minh")):
                uid = new_id()
                uow.session.add(m.OrgUnitRecord(id=uid, code=f"40.D09.{key}", name=name, kind="xa", parent_id=root.id,
                                                path=f"{root.path}{uid}/", depth=1))
                self.units[key] = uid
            uow.commit()
        system = db.uow("t")
        self.people: dict[str, str] = {}
        for key, name, cccd in (("A", "Nguyễn Văn An", "040090012345"), ("B", "Lê Thị Bình", "040190054321")):
            c = d.Cadre(owner_unit_id=self.units[key], full_name=name, sex="M" if key == "A" else "F",
                        birth_date=date(1990, 3, 4), id_number=cccd, religion_code="phat_giao",
                        health_status="Viêm gan siêu vi", history_detention="Bị tạm giữ năm 2010 tại Vinh")
            f = d.CadreFile(cadre=c, discipline=[d.DisciplineRow(decided_on=date(2020, 5, 1), form_code="khien_trach",
                                                                 reason="Vắng họp không lý do")],
                            family=[d.FamilyRow(relation="Bố", full_name=f"Bố của {name}", birth_year="1960",
                                                details="Đảng viên, nguyên cán bộ xã")])
            self.people[key], _ = records.save_cadre_file(system, f, today=TODAY)
        admin = db.uow("quantri")
        for user, role, unit, sensitive in (("clerk_a", "clerk", "A", False), ("clerk_a_s", "clerk", "A", True),
                                            ("head_a", "head", "A", True), ("viewer", "viewer", None, False)):
            auth.create_user(admin, username=user, password=PW, role=role, scope_unit_id=self.units[unit] if unit else None,
                             can_view_sensitive=sensitive, must_change_password=False)

    def as_(self, user: str) -> UowFactory:
        return self.db.uow(user)

    def count(self, model: type, **where: object) -> int:
        with self.db.uow("t")() as uow:
            q = select(func.count()).select_from(model)
            for k, v in where.items():
                q = q.where(getattr(model, k) == v)
            return int(uow.session.scalar(q) or 0)

    def audit(self, action: str, actor: str) -> list[tuple[str, str, dict[str, object]]]:
        """(entity, entity id, changes) of the audit entries ``action`` by ``actor``, in order."""
        with self.db.uow("t")() as uow:
            return [(a.entity, a.entity_id, dict(a.changes)) for a in uow.session.scalars(select(m.AuditRecord).where(
                m.AuditRecord.action == action, m.AuditRecord.actor == actor).order_by(m.AuditRecord.seq))]


@pytest.fixture(scope="module")
def tree_template(empty_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, str]]]:
    """The tree built once (reference data, users, people), then copied for each test."""
    path = tmp_path_factory.mktemp("access") / "tree.db"
    shutil.copyfile(empty_template, path)
    db = open_database(str(path))
    t = Tree(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, {"root": {"id": t.root}, "units": t.units, "people": t.people}


@pytest.fixture
def tree(tree_template: tuple[Path, dict[str, dict[str, str]]], tmp_path: Path) -> Iterator[Tree]:
    path = tmp_path / "canbo.db"
    shutil.copyfile(tree_template[0], path)
    db = open_database(str(path))
    yield Tree(db, tree_template[1])
    db.close()


def pdf_text(data: bytes, tmp_path: Path) -> str:
    f = tmp_path / "cv.pdf"
    f.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True).stdout


# ------------------------------------------------------------------------------------------ reading


def test_a_clerk_of_a_sees_only_commune_a_in_lists_search_and_counts(tree: Tree) -> None:
    clerk = tree.as_("clerk_a")
    assert [r.full_name for r in list_cadres(clerk, ListFilter())] == ["Nguyễn Văn An"]
    assert count_cadres(clerk, ListFilter()) == 1
    assert search_cadres(clerk, "binh") == [] and search_cadres(clerk, "040190054321") == []
    assert [r.full_name for r in search_cadres(clerk, "an")] == ["Nguyễn Văn An"]
    # a filter on B's subtree gives nothing either
    with tree.db.uow("t")() as uow:
        b_path = uow.session.get(m.OrgUnitRecord, tree.units["B"]).path
    assert list_cadres(clerk, ListFilter(unit_path=b_path)) == []
    # the viewer and the admin see the whole district
    for user in ("viewer", "quantri"):
        assert sorted(r.full_name for r in list_cadres(tree.as_(user), ListFilter())) == ["Lê Thị Bình", "Nguyễn Văn An"]
        assert [r.full_name for r in search_cadres(tree.as_(user), "binh")] == ["Lê Thị Bình"]


@pytest.mark.parametrize("op", ["open", "pdf", "timeline"])
def test_opening_a_record_of_commune_b_is_refused(tree: Tree, op: str) -> None:
    clerk = tree.as_("clerk_a")
    action: dict[str, Callable[[], object]] = {
        "open": lambda: cadre_file(clerk, tree.people["B"]),
        "pdf": lambda: load_cv(clerk, tree.people["B"]),
        "timeline": lambda: records.career_timeline(clerk, tree.people["B"]),
    }
    with pytest.raises(AccessDenied, match="Xã Bình Minh"):
        action[op]()
    assert cadre_file(clerk, tree.people["A"]).cadre.full_name == "Nguyễn Văn An"


def test_an_export_by_a_clerk_of_a_holds_only_commune_a(tree: Tree, tmp_path: Path) -> None:
    out = tmp_path / "ds.xlsx"
    assert export.export_cadre_list(tree.as_("clerk_a"), out) == 1
    names = {str(c.value) for row in load_workbook(out).active.iter_rows() for c in row if c.value}
    assert "Nguyễn Văn An" in names and "Lê Thị Bình" not in names
    # the sensitive columns need the permission
    with pytest.raises(AccessDenied, match="nhạy cảm"):
        export.export_cadre_list(tree.as_("clerk_a"), tmp_path / "x.xlsx", include_sensitive=True)
    assert not (tmp_path / "x.xlsx").exists()
    assert export.export_cadre_list(tree.as_("clerk_a_s"), tmp_path / "s.xlsx", include_sensitive=True) == 1
    values = {str(c.value) for row in load_workbook(tmp_path / "s.xlsx").active.iter_rows() for c in row if c.value}
    assert "Phật giáo" in values


# ------------------------------------------------------------------------------------------ writing


def _b_file(tree: Tree) -> d.CadreFile:
    return cadre_file(tree.db.uow("t"), tree.people["B"])


WRITES: dict[str, Callable[[Tree, UowFactory], object]] = {
    "create": lambda t, u: records.save_cadre_file(u, d.CadreFile(cadre=d.Cadre(
        owner_unit_id=t.units["B"], full_name="Phạm Văn Mới", sex="M", birth_date=date(1995, 1, 2))), today=TODAY),
    "edit": lambda t, u: records.save_cadre_file(u, _edited(_b_file(t)), today=TODAY),
    "trash": lambda t, u: records.trash_cadres(u, [t.people["B"]]),
    "decision": lambda t, u: records.record_decision(u, t.people["B"], DecisionInput(
        kind="nang_bac", number="9/QĐ-UBND", signed_on=None, issuer="UBND huyện", effective_date=date(2026, 6, 1),
        grade_code="01.003", step=2, coefficient=2.67)),
}


def _edited(f: d.CadreFile) -> d.CadreFile:
    f.cadre.phone = "0912000111"
    return f


@pytest.mark.parametrize("op", sorted(WRITES))
@pytest.mark.parametrize("user", ["clerk_a", "head_a", "viewer"])
def test_no_change_to_commune_b_outside_the_scope_or_by_a_viewer(tree: Tree, user: str, op: str) -> None:
    def state() -> tuple[int, ...]:
        return (tree.count(m.CadreRecord), tree.count(m.DecisionRecord), tree.count(m.ChangeLogRecord),
                tree.count(m.AuditRecord) - tree.count(m.AuditRecord, action="view_sensitive"))

    before = state()
    with pytest.raises(PermissionDenied) as err:
        WRITES[op](tree, tree.as_(user))
    assert isinstance(err.value, AccessDenied)
    assert ("Chỉ xem" in err.value.message) if user == "viewer" else ("Xã Bình Minh" in err.value.message)
    after = state()
    assert after == before  # nothing written, not even tracking rows
    b = _b_file(tree)
    assert b.cadre.phone == "" and b.cadre.trashed_at is None and b.decisions == []


@pytest.mark.parametrize("op", sorted(WRITES))
def test_the_same_writes_in_commune_a_are_allowed_to_its_clerk(tree: Tree, op: str) -> None:
    t = tree
    ops: dict[str, Callable[[UowFactory], object]] = {
        "create": lambda u: records.save_cadre_file(u, d.CadreFile(cadre=d.Cadre(
            owner_unit_id=t.units["A"], full_name="Phạm Văn Mới", sex="M", birth_date=date(1995, 1, 2))), today=TODAY),
        "edit": lambda u: records.save_cadre_file(u, _edited(cadre_file(u, t.people["A"])), today=TODAY),
        "trash": lambda u: records.trash_cadres(u, [t.people["A"]]),
        "decision": lambda u: records.record_decision(u, t.people["A"], DecisionInput(
            kind="nang_bac", number="9/QĐ-UBND", signed_on=None, issuer="UBND huyện",
            effective_date=date(2026, 6, 1), grade_code="01.003", step=2, coefficient=2.67)),
    }
    ops[op](tree.as_("clerk_a"))
    assert tree.count(m.AuditRecord, actor="clerk_a") >= 1


def test_a_viewer_changes_nothing_even_in_scope(tree: Tree) -> None:
    viewer = tree.as_("viewer")
    f = cadre_file(viewer, tree.people["A"])  # it may read
    with pytest.raises(AccessDenied, match="Chỉ xem"):
        records.save_cadre_file(viewer, _edited(f), today=TODAY)
    with pytest.raises(AccessDenied):
        auth.create_user(viewer, username="moi", password=PW, role="admin")


def test_moving_a_person_out_of_the_scope_is_refused(tree: Tree) -> None:
    with tree.db.uow("t")() as uow:
        b = uow.session.get(m.OrgUnitRecord, tree.units["B"])
        assert b is not None
        uow.session.expunge(b)
    inp = DecisionInput(kind="dieu_dong", number="3/QĐ-UBND", signed_on=None, issuer="UBND huyện",
                        effective_date=date(2026, 7, 1), unit_id=b.id, title_text="Công chức Văn phòng")
    with pytest.raises(AccessDenied, match="Xã Bình Minh"):
        records.record_decision(tree.as_("clerk_a"), tree.people["A"], inp)
    assert cadre_file(tree.as_("clerk_a"), tree.people["A"]).cadre.owner_unit_id == tree.units["A"]


def test_only_a_head_approves_and_only_in_scope(tree: Tree) -> None:
    rounds = {}
    with tree.db.uow("t")() as uow:
        for key in ("A", "B"):
            r = m.EvaluationRoundRecord(unit_id=tree.units[key], year=2026, regime="nd335", status="open")
            uow.session.add(r)
            uow.session.flush()
            rounds[key] = r.id
        uow.commit()

    def approve(user: str, key: str) -> None:
        with tree.as_(user)() as uow:
            r = uow.session.get(m.EvaluationRoundRecord, rounds[key])
            assert r is not None
            r.status = "approved"
            uow.commit()

    with pytest.raises(AccessDenied, match="phê duyệt"):
        approve("clerk_a", "A")
    with pytest.raises(AccessDenied, match="Xã Bình Minh"):
        approve("head_a", "B")
    approve("head_a", "A")
    with tree.db.uow("t")() as uow:
        assert {k: uow.session.get(m.EvaluationRoundRecord, v).status for k, v in rounds.items()} == \
            {"A": "approved", "B": "open"}


def test_users_are_managed_by_the_admin_only(tree: Tree) -> None:
    for user in ("clerk_a", "head_a", "viewer"):
        with pytest.raises(AccessDenied, match="quản lý người dùng"):
            auth.list_users(tree.as_(user))
    names = [u.username for u in auth.list_users(tree.as_("quantri"))]
    assert names == sorted(["clerk_a", "clerk_a_s", "head_a", "quantri", "viewer"])
    clerk = next(u for u in auth.list_users(tree.as_("quantri")) if u.username == "clerk_a")
    auth.update_user(tree.as_("quantri"), clerk.id, scope_unit_id=tree.units["B"])
    assert [r.full_name for r in list_cadres(tree.as_("clerk_a"), ListFilter())] == ["Lê Thị Bình"]
    auth.deactivate(tree.as_("quantri"), clerk.id)
    with pytest.raises(auth.LoginFailed, match="vô hiệu hoá"):
        auth.login(tree.as_("clerk_a"), "clerk_a", PW)
    admin = next(u for u in auth.list_users(tree.as_("quantri")) if u.username == "quantri")
    with pytest.raises(Exception, match="ít nhất một quản trị viên"):
        auth.deactivate(tree.as_("quantri"), admin.id)


# ------------------------------------------------------------------------------------------ sensitive data


def test_sensitive_items_are_masked_without_the_permission(tree: Tree, tmp_path: Path) -> None:
    f = cadre_file(tree.as_("clerk_a"), tree.people["A"])
    assert (f.cadre.religion_code, f.cadre.health_status, f.cadre.history_detention) == (MASK, MASK, MASK)
    assert f.discipline == [] and f.family[0].details == MASK
    assert f.cadre.full_name == "Nguyễn Văn An" and f.cadre.id_number == "040090012345"  # basic data is shown
    assert tree.audit("view_sensitive", "clerk_a") == []
    text = pdf_text(cv_pdf_bytes(load_cv(tree.as_("clerk_a"), tree.people["A"])), tmp_path)
    assert "NGUYỄN VĂN AN" in text.upper()
    for secret in ("Phật giáo", "Viêm gan", "tạm giữ", "Vắng họp", "nguyên cán bộ xã"):
        assert secret not in text
    assert MASK in text


def test_sensitive_items_are_shown_and_audited_with_the_permission(tree: Tree, tmp_path: Path) -> None:
    f = cadre_file(tree.as_("clerk_a_s"), tree.people["A"])
    assert (f.cadre.religion_code, f.cadre.health_status) == ("phat_giao", "Viêm gan siêu vi")
    assert f.discipline[0].reason == "Vắng họp không lý do"
    views = tree.audit("view_sensitive", "clerk_a_s")
    assert views == [("cadre", tree.people["A"], {"purpose": "open"})]
    text = pdf_text(cv_pdf_bytes(load_cv(tree.as_("clerk_a_s"), tree.people["A"])), tmp_path)
    assert "Phật giáo" in text and "Viêm gan siêu vi" in text
    assert [v[2]["purpose"] for v in tree.audit("view_sensitive", "clerk_a_s")] == ["open", "print"]


def test_saving_a_masked_record_keeps_the_sensitive_items(tree: Tree) -> None:
    clerk = tree.as_("clerk_a")
    f = cadre_file(clerk, tree.people["A"])
    f.cadre.phone = "0988777666"
    f.family[0].birth_year = "1961"
    records.save_cadre_file(clerk, f, today=TODAY)
    full = cadre_file(tree.db.uow("t"), tree.people["A"])
    assert full.cadre.phone == "0988777666" and full.family[0].birth_year == "1961"
    assert (full.cadre.religion_code, full.cadre.health_status) == ("phat_giao", "Viêm gan siêu vi")
    assert full.family[0].details == "Đảng viên, nguyên cán bộ xã" and len(full.discipline) == 1


def test_a_duplicate_cccd_out_of_scope_does_not_name_the_person(tree: Tree) -> None:
    f = d.CadreFile(cadre=d.Cadre(owner_unit_id=tree.units["A"], full_name="Trùng Số", sex="F",
                                  birth_date=date(1991, 1, 1), id_number="040190054321"))
    errors = records.validate_file(tree.as_("clerk_a"), f, today=TODAY)
    assert "đơn vị khác" in errors["id_number"] and "Bình" not in errors["id_number"]


# ------------------------------------------------------------------------------------------ login


def test_lockout_after_five_wrong_passwords(tree: Tree) -> None:
    u = tree.as_("clerk_a")
    now = datetime(2026, 11, 21, 9, 0)
    for i in range(4):
        with pytest.raises(auth.LoginFailed, match=f"Còn {4 - i} lần"):
            auth.login(u, "clerk_a", "sai-mat-khau", now=now)
    with pytest.raises(auth.LoginFailed, match="tạm khoá 15 phút"):
        auth.login(u, "clerk_a", "sai-mat-khau", now=now)
    with pytest.raises(auth.LoginFailed, match="tạm khoá"):  # even the right password, while locked
        auth.login(u, "clerk_a", PW, now=now + timedelta(minutes=14))
    session = auth.login(u, "clerk_a", PW, now=now + timedelta(minutes=16))
    assert session.principal.role == "clerk" and session.principal.scope_name == "Xã An Hòa"
    assert len(tree.audit("login_failed", "clerk_a")) == 4
    assert len(tree.audit("login_locked", "clerk_a")) == 2 and len(tree.audit("login_ok", "clerk_a")) == 1
    with pytest.raises(auth.LoginFailed, match="Sai tên đăng nhập hoặc mật khẩu"):
        auth.login(tree.as_("khong_co"), "khong_co", PW)


def test_password_change_and_reset(tree: Tree) -> None:
    u = tree.as_("clerk_a")
    with pytest.raises(Exception, match="ít nhất 8 ký tự"):
        auth.change_password(u, "clerk_a", PW, "ngan")
    auth.change_password(u, "clerk_a", PW, "mat-khau-moi-2026")
    with pytest.raises(auth.LoginFailed):
        auth.login(u, "clerk_a", PW)
    assert auth.login(u, "clerk_a", "mat-khau-moi-2026").must_change_password is False
    clerk = next(x for x in auth.list_users(tree.as_("quantri")) if x.username == "clerk_a")
    auth.reset_password(tree.as_("quantri"), clerk.id, "tam-thoi-123")
    assert auth.login(u, "clerk_a", "tam-thoi-123").must_change_password is True
    with tree.db.uow("t")() as uow:
        row = uow.session.scalars(select(m.UserRecord).where(m.UserRecord.username == "clerk_a")).one()
        assert row.password_hash.startswith("$argon2id$")


# ------------------------------------------------------------------------------------------ CLI


def test_the_cli_logs_in_and_acts_within_the_scope(tree: Tree, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from canbo_desktop.cli.main import main

    db = str(tree.db.file)
    monkeypatch.delenv("CANBO_CLI_TRUST", raising=False)
    monkeypatch.setenv("CANBO_PASSWORD", PW)
    assert main(["--db", db, "--user", "khong_co", "stats"]) == 6
    assert "Không có người dùng “khong_co”" in capsys.readouterr().err
    monkeypatch.setenv("CANBO_PASSWORD", "sai-mat-khau")
    assert main(["--db", db, "--user", "clerk_a", "cadres", "search", "an", "--json"]) == 6
    assert "Sai tên đăng nhập hoặc mật khẩu" in capsys.readouterr().err
    monkeypatch.setenv("CANBO_PASSWORD", PW)
    assert main(["--db", db, "--user", "clerk_a", "cadres", "search", "binh", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "--user", "viewer", "cadres", "search", "binh", "--json"]) == 0
    assert [r["full_name"] for r in json.loads(capsys.readouterr().out)] == ["Lê Thị Bình"]


def test_reports_stay_in_the_scope(tree: Tree) -> None:
    from canbo_desktop.services import reports

    clerk = tree.as_("clerk_a")
    assert reports.statistics_report(clerk).root.id == tree.units["A"]  # by default: the user's own subtree
    for unit in (tree.units["B"], tree.root):
        with pytest.raises(AccessDenied):
            reports.statistics_report(clerk, unit_id=unit)
    assert reports.statistics_report(tree.as_("viewer")).root.id == tree.root


def test_an_excel_import_into_commune_b_is_refused_whole(tree: Tree, tmp_path: Path) -> None:
    from openpyxl import Workbook

    from canbo_desktop.services.importing import import_xlsx

    path = tmp_path / "ds.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị"])
    ws.append([1, "Võ Văn Một", "02/03/1992", "Nam", "40.D09.A"])
    ws.append([2, "Võ Thị Hai", "04/05/1993", "Nữ", "40.D09.B"])
    wb.save(path)
    before = tree.count(m.CadreRecord)
    with pytest.raises(AccessDenied, match="Xã Bình Minh"):
        import_xlsx(tree.as_("clerk_a"), path)
    assert tree.count(m.CadreRecord) == before  # all or nothing: not even the row of commune A
    import_xlsx(tree.as_("head_a"), path, dry_run=True)  # the preview itself writes nothing
    assert tree.count(m.CadreRecord) == before


# ------------------------------------------------------------------------------------------ reading the workflows

TITLE = "chu_tich_ubnd_xa"


class Work:
    """In each commune, as the system: an evaluation round, a confidence vote, a planning entry, an
    appointment procedure and a course with the commune's person enrolled."""

    def __init__(self, tree: Tree) -> None:
        system = tree.db.uow("t")
        self.rounds, self.evaluations, self.votes, self.plans, self.procedures, self.courses = ({} for _ in range(6))
        self.trainings: dict[str, str] = {}
        for key in ("A", "B"):
            unit, person = tree.units[key], tree.people[key]
            self.rounds[key], _ = evaluation.open_round(system, unit, 2026, role="admin")
            self.evaluations[key] = evaluation.round_grid(system, self.rounds[key]).rows[0].evaluation_id
            self.votes[key], _ = votes.record_vote(system, unit, date(2026, 10, 1), 20, 18,
                                                   [w.VoteRowInput(person, 12, 5, 1)], role="admin")
            self.plans[key], _ = planning.add_to_planning(system, person, "2026-2031", TITLE, f"QĐ 1{key}-QĐ/HU",
                                                          date(2026, 3, 1), role="admin")
            self.procedures[key], _ = appointments.start_procedure(system, person, TITLE, role="admin")
            self.courses[key], _ = training.create_course(
                system, w.CourseInput(f"Bồi dưỡng {key}", "cap_nhat_kien_thuc"), role="admin")
            training.enrol(system, self.courses[key], [person], role="admin")
            self.trainings[key] = training.course_view(system, self.courses[key]).enrolments[0].training_id


@pytest.fixture
def work(tree: Tree) -> Work:
    return Work(tree)


def _names(rows: object, attr: str = "full_name") -> set[str]:
    return {getattr(r, attr) for r in rows}  # type: ignore[attr-defined]


# What each list shows the user: the set of person names (or unit names) it holds.
LISTS: dict[str, Callable[[Tree, UowFactory], set[str]]] = {
    "evaluation rounds": lambda t, u: _names(evaluation.list_rounds(u), "unit_name"),
    "votes": lambda t, u: _names(votes.list_votes(u), "unit_name"),
    "planning": lambda t, u: _names(planning.planning_list(u, on=TODAY)),
    "procedures": lambda t, u: _names(appointments.list_procedures(u)),
    "courses": lambda t, u: {f"{c.name}: {', '.join(e.full_name for e in c.enrolments)}" for c in
                             training.list_courses(u)},
    "leaders' update training": lambda t, u: _names(training.leaders_update_training(u, TODAY)),
    "reminders": lambda t, u: _names(reminders.reminders(u, TODAY).items),
    "drill-down": lambda t, u: _names(reports_svc.target_people(u, "dan_toc_thieu_so", part="denominator")),
}
A_ONLY = {"evaluation rounds": {"Xã An Hòa"}, "votes": {"Xã An Hòa"}, "planning": {"Nguyễn Văn An"},
          "procedures": {"Nguyễn Văn An"}, "courses": {"Bồi dưỡng A: Nguyễn Văn An"},
          "drill-down": {"Nguyễn Văn An"}}
BOTH = {"evaluation rounds": {"Xã An Hòa", "Xã Bình Minh"}, "votes": {"Xã An Hòa", "Xã Bình Minh"},
        "planning": {"Nguyễn Văn An", "Lê Thị Bình"}, "procedures": {"Nguyễn Văn An", "Lê Thị Bình"},
        "courses": {"Bồi dưỡng A: Nguyễn Văn An", "Bồi dưỡng B: Lê Thị Bình"},
        "drill-down": {"Nguyễn Văn An", "Lê Thị Bình"}}


@pytest.mark.parametrize("what", sorted(LISTS))
def test_workflow_lists_of_a_clerk_of_a_hold_nothing_of_commune_b(tree: Tree, work: Work, what: str) -> None:
    clerk = LISTS[what](tree, tree.as_("clerk_a"))
    assert "Lê Thị Bình" not in clerk and "Xã Bình Minh" not in clerk
    assert not any("Bồi dưỡng B" in x for x in clerk)
    everyone = LISTS[what](tree, tree.as_("viewer"))  # a viewer of the district reads both communes
    assert LISTS[what](tree, tree.as_("quantri")) == everyone  # as the admin does
    if what in A_ONLY:
        assert clerk == A_ONLY[what] and everyone == BOTH[what]
    else:  # leaders / reminders: whatever is due, only commune A's people
        assert clerk <= {"Nguyễn Văn An"} and clerk == everyone - {"Lê Thị Bình"}


# Opening one thing of commune B by id (or by its unit): refused, naming the commune.
OPENS: dict[str, Callable[[Tree, Work, UowFactory, str], object]] = {
    "round grid": lambda t, wk, u, k: evaluation.round_grid(u, wk.rounds[k]),
    "grid row": lambda t, wk, u, k: evaluation.grid_row(u, wk.evaluations[k]),
    "find round": lambda t, wk, u, k: evaluation.find_round(u, t.units[k], 2026),
    "find round by code": lambda t, wk, u, k: evaluation.find_round_by_code(u, f"40.D09.{k}", 2026),
    "vote": lambda t, wk, u, k: votes.vote_view(u, wk.votes[k]),
    "procedure": lambda t, wk, u, k: appointments.procedure_view(u, wk.procedures[k], on=TODAY),
    "eligibility": lambda t, wk, u, k: eligibility.eligibility(u, t.people[k], TITLE, TODAY),
    "course": lambda t, wk, u, k: training.course_view(u, wk.courses[k]),
    "drill-down of B": lambda t, wk, u, k: reports_svc.target_people(u, "dan_toc_thieu_so", unit_id=t.units[k],
                                                                          part="denominator"),
}


@pytest.mark.parametrize("what", sorted(OPENS))
def test_opening_a_workflow_item_of_commune_b_is_refused_and_a_viewer_opens_it(tree: Tree, work: Work,
                                                                                what: str) -> None:
    with pytest.raises(AccessDenied, match="Xã Bình Minh|đơn vị khác"):
        OPENS[what](tree, work, tree.as_("clerk_a"), "B")
    assert OPENS[what](tree, work, tree.as_("clerk_a"), "A") is not None  # its own commune's: fine
    assert OPENS[what](tree, work, tree.as_("viewer"), "B") is not None  # a viewer reads in its scope


def test_writes_on_workflow_items_of_commune_b_are_refused_before_reading_them(tree: Tree, work: Work) -> None:
    clerk = tree.as_("clerk_a")
    before = tree.count(m.ChangeLogRecord)
    attempts: list[Callable[[], object]] = [
        lambda: evaluation.save_entry(clerk, work.evaluations["B"], w.EntryInput(score_general=25, score_tasks=60),
                                      role="clerk"),
        lambda: appointments.set_policy(clerk, work.procedures["B"], "TTr 1/UBND", date(2026, 5, 1), None,
                                        role="clerk"),
        lambda: planning.remove_from_planning(clerk, work.plans["B"], "QĐ 9-QĐ/HU", "Chuyển công tác", TODAY,
                                              role="clerk"),
        lambda: training.complete_training(clerk, [work.trainings["B"]], TODAY, role="clerk"),
        lambda: training.withdraw(clerk, work.trainings["B"], role="clerk"),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied, match="Xã Bình Minh"):
            attempt()
    assert tree.count(m.ChangeLogRecord) == before
