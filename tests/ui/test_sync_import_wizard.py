"""The sync import wizard on real packages: checks, preview, apply with the acknowledgement; the refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWizard

from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.sync import importer
from canbo_desktop.ui.dialogs.sync_import_wizard import SyncImportWizard
from canbo_desktop.ui.pages.sync_page import SyncPage
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.usb import Volume
from tests.ui.test_sync_page import (
    COMMUNE_PASS,
    DISTRICT_PASS,
    PEOPLE,
    add_people,
    db_dump,
    export_from_commune,
    link_offices,
    set_phone,
)


def open_wizard(qtbot, db: Database, package: Path, passphrase: str = DISTRICT_PASS) -> SyncImportWizard:
    wiz = SyncImportWizard(db.uow("canbo"), TaskRunner(synchronous=True), path=str(package), folder=str(package.parent))
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.file_page.passphrase.setText(passphrase)
    return wiz


def test_a_package_is_checked_previewed_and_applied(qtbot, demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    add_people(empty_db, office)
    package = export_from_commune(empty_db, tmp_path / "usb")
    assert not search_cadres(demo_db.uow("t"), "lo thi hoa")
    wiz = open_wizard(qtbot, demo_db, package)
    wiz.next()  # every check of sync.md, in order
    assert wiz.currentPage() is wiz.checks_page, wiz.file_page.status.text()
    lines = wiz.checks_page.check_lines()
    assert len(lines) >= 4 and all(line.startswith("✓") for line in lines)
    assert "Gói hợp lệ" in wiz.checks_page.verdict.text()
    assert "Ủy ban nhân dân xã Thanh Hà" in wiz.checks_page.info.text()
    wiz.next()  # the preview: nothing written yet
    assert wiz.currentPage() is wiz.preview_page
    assert "<b>3</b> mới" in wiz.preview_page.summary.text()
    assert not search_cadres(demo_db.uow("t"), "lo thi hoa")
    names = {line[0] for line in wiz.preview_page.diff_lines() if line[0]}
    assert {p[0] for p in PEOPLE} <= names
    assert wiz.button(QWizard.WizardButton.NextButton).text() == "Áp dụng"
    assert "sao lưu" in wiz.preview_page.subTitle()
    wiz.next()  # backup, one transaction, the acknowledgement for the trip back
    assert wiz.currentPage() is wiz.done_page, wiz.preview_page.status.text()
    done = wiz.done_page.text.text()
    assert "Đã áp dụng gói" in done and "<b>3</b> mới" in done
    acks = [p for p in package.parent.iterdir() if p != package]
    assert len(acks) == 1 and acks[0].suffix == ".cbpkg" and acks[0].name in done
    assert "Bản sao lưu" in done
    assert search_cadres(demo_db.uow("t"), "lo thi hoa")[0].full_name == "Lò Thị Hoa"

    # the same package again: "already imported", nothing changes
    before = db_dump(demo_db)
    again = open_wizard(qtbot, demo_db, package)
    again.next()
    assert again.currentPage() is again.checks_page
    assert "đã được nhập" in again.checks_page.verdict.text()
    assert again.checks_page.nextId() == -1 and again.checks_page.isFinalPage()
    assert db_dump(demo_db) == before


def test_a_tampered_package_is_rejected_and_changes_nothing(qtbot, demo_db: Database, empty_db: Database,
                                                             tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    add_people(empty_db, office)
    package = export_from_commune(empty_db, tmp_path / "usb")
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x40  # one flipped bit in the encrypted body
    package.write_bytes(bytes(data))
    before = db_dump(demo_db)
    wiz = open_wizard(qtbot, demo_db, package, passphrase="sai-mat-khau-roi")
    wiz.next()  # a wrong passphrase: said on the first page, which stays
    assert wiz.currentPage() is wiz.file_page and "mật khẩu" in wiz.file_page.status.text().lower()
    wiz.file_page.passphrase.setText(DISTRICT_PASS)
    wiz.next()
    assert wiz.currentPage() is wiz.checks_page, wiz.file_page.status.text()
    verdict = wiz.checks_page.verdict.text()
    assert "Gói bị từ chối" in verdict and "không có gì thay đổi" in verdict
    assert any(line.startswith("✗") for line in wiz.checks_page.check_lines())
    assert wiz.checks_page.nextId() == -1  # no preview, no apply: "Xong", or back to choose another file
    assert wiz.button(QWizard.WizardButton.FinishButton).isVisible()
    assert wiz.button(QWizard.WizardButton.BackButton).isVisible()
    assert db_dump(demo_db) == before
    assert not search_cadres(demo_db.uow("t"), "lo thi hoa")
    assert [p.name for p in package.parent.iterdir()] == [package.name]  # no acknowledgement written


def test_the_acknowledgement_clears_the_sent_rows_at_the_commune(qtbot, demo_db: Database, empty_db: Database,
                                                                  tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    add_people(empty_db, office)
    package = export_from_commune(empty_db, tmp_path / "usb")
    r = importer.import_package(demo_db.uow("canbo"), package, passphrase=DISTRICT_PASS, backup=False)  # district
    assert r.status == "applied" and r.ack_path is not None
    stick = Volume(str(r.ack_path.parent), "KINGSTON", True, 2**30, 2**31)  # the package went up, the ack came back
    page = SyncPage(empty_db.uow("quantri"), TaskRunner(synchronous=True), volumes=lambda: [stick])
    qtbot.addWidget(page)
    assert page.peer_table.item(0, 5).text().endswith("dòng")  # sent, not acknowledged yet
    wiz = page.open_import()
    assert wiz.file_page.path.text() == str(r.ack_path)  # found on the stick: the one addressed to this office
    wiz.file_page.passphrase.setText(COMMUNE_PASS)
    wiz.next()
    assert all(line.startswith("✓") for line in wiz.checks_page.check_lines())
    wiz.next()
    assert not wiz.preview_page.tabs.isVisible() and "xác nhận" in wiz.preview_page.summary.text()
    wiz.next()
    assert "Đã áp dụng gói" in wiz.done_page.text.text()
    with qtbot.waitSignal(page.imported, timeout=1000):  # the main window refreshes its list on it
        wiz.button(QWizard.WizardButton.FinishButton).click()
    assert page.peer_table.item(0, 5).text() == "đã xác nhận hết"
    assert "Đã áp dụng gói" in page.import_status.text()
    assert page.peer_table.item(0, 4).text() == f"ngày {date.today():%d/%m/%Y}"  # the last package received


def test_a_package_that_comes_before_its_predecessor_is_held(qtbot, demo_db: Database, empty_db: Database,
                                                             tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    ids = add_people(empty_db, office)
    export_from_commune(empty_db, tmp_path / "usb1")
    set_phone(empty_db, "quantri", ids[1], "0987 654 321")
    second = export_from_commune(empty_db, tmp_path / "usb2")
    before = db_dump(demo_db)
    wiz = open_wizard(qtbot, demo_db, second)
    wiz.next()
    verdict = wiz.checks_page.verdict.text()
    assert "tạm giữ" in verdict and "1" in verdict.split("<br>")[-1]  # says which package is missing
    assert wiz.checks_page.nextId() == -1
    assert db_dump(demo_db) == before
