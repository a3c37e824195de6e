"""The reads and whole-database operations that run outside one unit of work: the batch CV (its worker
processes), the reminders counted in another process, restoring a backup, and the sync packages.

Same two-commune tree as ``test_access_matrix.py`` (clerk of commune A with and without the sensitive-data
permission, a viewer of the whole district, the admin "quantri"); real SQLite files, real PDFs read back with
pdftotext, real processes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.domain.access import AccessDenied
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services import backup, reminders
from canbo_desktop.services.pdf import batch
from canbo_desktop.services.sync import export as sync_export
from canbo_desktop.services.sync import importer as sync_import
from tests.integration import test_access_matrix as matrix

TODAY = matrix.TODAY
Tree = matrix.Tree
tree_template = matrix.tree_template  # the fixtures of the matrix: the tree built once, copied per test
tree = matrix.tree

SECRETS = ("Phật giáo", "Viêm gan", "tạm giữ", "Vắng họp", "nguyên cán bộ xã")


def _views(tree: Tree, actor: str) -> list[tuple[str, dict[str, object]]]:
    return [(entity_id, changes) for _e, entity_id, changes in tree.audit("view_sensitive", actor)]


# ------------------------------------------------------------------------------------------ batch CV


def test_a_batch_with_someone_of_commune_b_is_refused_whole(tree: Tree, tmp_path: Path) -> None:
    out = tmp_path / "cv"
    with pytest.raises(AccessDenied, match=r"1/2 người .* ngoài phạm vi .*Xã An Hòa"):
        batch.render_cv_batch(str(tree.db.file), [tree.people["A"], tree.people["B"]], out_dir=out, workers=0,
                              actor="clerk_a")
    assert not out.exists() or list(out.iterdir()) == []  # nothing written, not even commune A's CV
    merged = tmp_path / "gop.pdf"
    with pytest.raises(AccessDenied, match="1/1 người"):
        batch.render_cv_batch(str(tree.db.file), [tree.people["B"]], merged=merged, actor="clerk_a")
    assert not merged.exists()
    with pytest.raises(AccessDenied, match="Xã Bình Minh"):  # picking commune B's unit is refused too
        batch.unit_ids(tree.as_("clerk_a"), "40.D09.B")
    assert batch.unit_ids(tree.as_("clerk_a"), "40.D09.A") == [tree.people["A"]]


def test_a_batch_is_masked_for_the_user_and_its_sensitive_prints_are_audited(tree: Tree, tmp_path: Path) -> None:
    db = str(tree.db.file)
    res = batch.render_cv_batch(db, [tree.people["A"]], out_dir=tmp_path / "clerk", workers=0, actor="clerk_a")
    assert res.done == 1 and not res.failed
    text = matrix.pdf_text(Path(res.files[0]).read_bytes(), tmp_path)
    assert "NGUYỄN VĂN AN" in text.upper()
    assert not [s for s in SECRETS if s in text]
    assert _views(tree, "clerk_a") == []  # nothing sensitive was printed

    res = batch.render_cv_batch(db, [tree.people["A"]], merged=tmp_path / "s.pdf", workers=0, actor="clerk_a_s")
    text = matrix.pdf_text((tmp_path / "s.pdf").read_bytes(), tmp_path)
    assert "Phật giáo" in text and "Viêm gan siêu vi" in text
    assert _views(tree, "clerk_a_s") == [(tree.people["A"], {"purpose": "print"})]  # committed, by that user

    # the viewer of the district prints both communes, masked
    res = batch.render_cv_batch(db, [tree.people["A"], tree.people["B"]], out_dir=tmp_path / "xem", workers=0,
                                actor="viewer")
    assert res.done == 2 and len(res.files) == 2
    for f in res.files:
        text = matrix.pdf_text(Path(f).read_bytes(), tmp_path)
        assert not [s for s in SECRETS if s in text]


# ------------------------------------------------------------------------------------------ reminders


def test_reminders_counted_in_another_process_stay_in_the_users_scope(tree: Tree) -> None:
    def names(actor: str) -> set[str]:
        return {r.full_name for r in reminders.reminders_in_process(str(tree.db.file), TODAY, actor=actor).items}

    clerk, everyone = names("clerk_a"), names("quantri")
    assert "Lê Thị Bình" in everyone and "Nguyễn Văn An" in everyone
    assert clerk == everyone - {"Lê Thị Bình"}
    assert clerk == {r.full_name for r in reminders.reminders(tree.as_("clerk_a"), TODAY).items}


# ------------------------------------------------------------------------------------------ backup restore


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("user", ["clerk_a", "head_a", "viewer"])
def test_only_the_admin_restores_a_backup(tree: Tree, user: str) -> None:
    db_file = Path(tree.db.file)
    saved = backup.backup_database(tree.db.uow("quantri"), "thu-cong")
    assert saved.path is not None
    records_before = tree.count(m.CadreRecord)
    tree.db.close()
    before = _digest(db_file)
    with pytest.raises(AccessDenied, match=r"Chỉ quản trị viên được khôi phục.*" + user):
        backup.restore_backup(db_file, saved.path, actor=user)
    assert _digest(db_file) == before  # untouched, and no copy "trước khôi phục" was made
    assert not list(db_file.parent.glob("*truoc-khoi-phuc*"))
    result = backup.restore_backup(db_file, saved.path, actor="quantri")
    assert result.epoch == 2 and result.kept is not None
    db = matrix.open_database(str(db_file))
    try:
        with db.uow("t")() as uow:
            last = uow.session.scalars(select(m.AuditRecord).order_by(m.AuditRecord.seq.desc()).limit(1)).one()
            assert (last.action, last.actor) == ("restore", "quantri")
            assert len(list(uow.session.scalars(select(m.CadreRecord.id)))) == records_before
    finally:
        db.close()
    tree.db = matrix.open_database(str(db_file))  # the fixture closes it again


# ------------------------------------------------------------------------------------------ sync


def test_a_viewer_neither_exports_nor_imports_a_sync_package(tree: Tree, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    package = usb / "goi.canbo"
    package.write_bytes(b"not a package")
    audit_before = tree.count(m.AuditRecord)
    with pytest.raises(AccessDenied, match="đồng bộ.*Chỉ xem"):
        sync_export.export_package(tree.as_("viewer"), out_dir=usb, passphrase="mat-khau-khoa")
    for dry_run in (True, False):
        with pytest.raises(AccessDenied, match="đồng bộ.*Chỉ xem"):
            sync_import.import_package(tree.as_("viewer"), package, passphrase="mat-khau-khoa", dry_run=dry_run)
    assert list(usb.iterdir()) == [package]  # no package, no ack, no receipt
    assert tree.count(m.AuditRecord) == audit_before
    # a clerk may synchronise: the same calls pass the role check and stop on what this office lacks
    for call in (lambda: sync_export.export_package(tree.as_("clerk_a"), out_dir=usb, passphrase="mat-khau-khoa"),
                 lambda: sync_import.import_package(tree.as_("clerk_a"), package, passphrase="mat-khau-khoa")):
        with pytest.raises(CanboError) as err:
            call()
        assert not isinstance(err.value, AccessDenied)
