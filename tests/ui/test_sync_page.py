"""The USB sync page: volume detection, keys set-up with fingerprints, export to a folder, the receipt."""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStorageInfo
from PySide6.QtGui import QFontInfo

from canbo_desktop.domain import cadre as cadre_domain
from canbo_desktop.services import records
from canbo_desktop.services.cadres import cadre_file
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import OfficeInfo, init_office
from canbo_desktop.ui.dialogs.sync_setup import SyncSetupDialog
from canbo_desktop.ui.pages.sync_page import SyncPage
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.usb import (
    UsbPicker,
    Volume,
    human_size,
    is_removable,
    linux_removable,
    volumes_from,
)


def _fake_sys(root: Path) -> Path:
    """A sysfs tree as the kernel lays it out: a USB stick (sdb, removable), a USB hard disk that says
    removable=0 (sdc), and the virtual system disk (vda)."""
    usb = root / "devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/host6/target6:0:0/6:0:0:0/block"
    for disk, removable, base in (("sdb", "1", usb), ("sdc", "0", usb), ("vda", "0", root / "devices/pci0000:00/virtio1/block")):
        (base / disk / f"{disk}1").mkdir(parents=True)
        (base / disk / "removable").write_text(removable + "\n")
        (base / disk / f"{disk}1" / "partition").write_text("1\n")
        links = root / "class/block"
        links.mkdir(parents=True, exist_ok=True)
        os.symlink(base / disk, links / disk)
        os.symlink(base / disk / f"{disk}1", links / f"{disk}1")
    return root


def test_removable_volumes_are_recognised_from_sysfs(tmp_path: Path) -> None:
    sys_root = _fake_sys(tmp_path / "sys")
    assert linux_removable("/dev/sdb1", sys_root)  # a partition: its disk says removable
    assert linux_removable("/dev/sdb", sys_root)
    assert linux_removable("/dev/sdc1", sys_root)  # a USB hard disk: on the USB bus
    assert not linux_removable("/dev/vda1", sys_root)
    assert not linux_removable("/dev/nvme9n1p1", sys_root)  # not there at all
    assert not linux_removable("tmpfs", sys_root)
    assert is_removable("/media/ha/KINGSTON", "/dev/vda1", platform="linux", sys_root=sys_root)  # mounted as media
    assert not is_removable("/", "/dev/vda1", platform="linux", sys_root=sys_root)


def test_volumes_are_listed_removable_first(qtbot, tmp_path: Path) -> None:
    here = QStorageInfo(str(tmp_path))
    root = QStorageInfo("/")
    vols = volumes_from([root, here, root], lambda r, _dev: r == here.rootPath())
    assert vols[0].root == here.rootPath() and vols[0].removable
    assert len({v.root for v in vols}) == len(vols)  # each volume once
    assert vols[0].label().startswith("USB · ") and "trống" in vols[0].label()


def test_the_picker_offers_sticks_first_and_keeps_a_chosen_folder(qtbot, tmp_path: Path) -> None:
    sticks = [Volume("/media/ha/KINGSTON", "KINGSTON", True, 3 * 1024**3, 8 * 1024**3)]
    found: list[list[Volume]] = [[]]
    picker = UsbPicker(lister=lambda: list(found[0]))
    qtbot.addWidget(picker)
    assert picker.path() == "" and "Chưa thấy ổ USB" in picker.combo.currentText()
    found[0] = sticks
    picker.refresh_button.click()  # the clerk plugs the stick in and presses "Làm mới"
    assert picker.path() == "/media/ha/KINGSTON" and picker.has_removable()
    assert picker.combo.currentText() == "USB · KINGSTON — trống 3,0 GB / 8,0 GB (/media/ha/KINGSTON)"
    picker.set_path(str(tmp_path))
    assert picker.path() == str(tmp_path)
    picker.refresh()
    assert picker.path() == str(tmp_path)  # a refresh keeps the folder chosen
    assert picker.combo.count() == 2


def test_sizes_read_in_vietnamese() -> None:
    assert human_size(0) == "0 B"
    assert human_size(1536) == "2 KB"
    assert human_size(740 * 1024**2) == "740 MB"
    assert human_size(int(3.25 * 1024**3)) == "3,2 GB"


# -- helpers shared by the sync UI tests: two real offices, keys exchanged through the services ----------

DISTRICT_PASS = "khoa-huyen-2026"
COMMUNE_PASS = "khoa-xa-thanh-ha"
PEOPLE = (("Lò Thị Hoa", "F", date(1990, 5, 2), "014190000111"), ("Vì Văn Sơn", "M", date(1985, 1, 20), "014085000222"),
          ("Cầm Thị Ngọc Ánh", "F", date(1996, 12, 9), "014196000333"))


def make_commune(db: Database) -> OfficeInfo:
    """A commune office on an empty database, through the first-run service."""
    return init_office(db.uow("admin"), office_code="40.D01.X99", office_name="Ủy ban nhân dân xã Thanh Hà",
                       admin_user="quantri", password="matkhau-xa-1", office_kind="xa")


def add_people(db: Database, office: OfficeInfo) -> list[str]:
    """The commune's three people, saved through the records service (tracked like any edit)."""
    ids = []
    for name, sex, born, cccd in PEOPLE:
        c = cadre_domain.Cadre(owner_unit_id=office.unit_id, full_name=name, sex=sex, birth_date=born, id_number=cccd)
        cid, _ch = records.save_cadre_file(db.uow("quantri"), cadre_domain.CadreFile(cadre=c))
        ids.append(cid)
    return ids


def set_phone(db: Database, user: str, cadre_id: str, phone: str) -> None:
    f = cadre_file(db.uow(user), cadre_id)
    records.save_cadre_file(db.uow(user), dataclasses.replace(f, cadre=dataclasses.replace(f.cadre, phone=phone)))


def link_offices(district: Database, commune: Database, folder: Path) -> OfficeInfo:
    """Keys for both offices, exchanged with keys packages: the district is the commune's parent."""
    from canbo_desktop.services.sync import peers

    office = make_commune(commune)
    d_uowf, c_uowf = district.uow("canbo"), commune.uow("quantri")
    peers.init_node_keys(d_uowf, DISTRICT_PASS)
    peers.init_node_keys(c_uowf, COMMUNE_PASS)
    folder.mkdir(parents=True, exist_ok=True)
    up = peers.export_keys_package(c_uowf, folder, passphrase=COMMUNE_PASS).path
    down = peers.export_keys_package(d_uowf, folder, passphrase=DISTRICT_PASS).path
    peers.import_keys_package(c_uowf, down, relation="parent")
    peers.import_keys_package(d_uowf, up, relation="child")
    up.unlink()
    down.unlink()
    return office


def export_from_commune(commune: Database, folder: Path) -> Path:
    from canbo_desktop.services.sync import export

    folder.mkdir(parents=True, exist_ok=True)
    return Path(export.export_package(commune.uow("quantri"), out_dir=folder, passphrase=COMMUNE_PASS,
                                      receipt_dir=folder.parent).path)


def db_dump(db: Database) -> str:
    """Everything the database holds, as SQL text (to check that a refused import changed nothing)."""
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        return "\n".join(raw.iterdump())


# -- keys set-up ---------------------------------------------------------------------------------------


def test_keys_are_created_exchanged_and_their_fingerprints_shown_large(qtbot, demo_db: Database, empty_db: Database,
                                                                         tmp_path: Path) -> None:
    make_commune(empty_db)
    usb = tmp_path / "usb"
    usb.mkdir()
    district = SyncSetupDialog(demo_db.uow("canbo"), TaskRunner(synchronous=True))
    qtbot.addWidget(district)
    assert not district.create_box.isHidden() and not district.export_box.isEnabled()
    assert "chưa có khoá" in district.mine_head.text()
    district.new_pass.setText(DISTRICT_PASS)
    district.new_pass2.setText(DISTRICT_PASS + "x")
    district.create_button.click()
    assert "không giống nhau" in district.status.text() and district.info is None  # nothing created
    district.new_pass2.setText(DISTRICT_PASS)
    district.create_button.click()
    assert district.info is not None and "Đã tạo khoá" in district.status.text()
    assert district.create_box.isHidden() and district.export_box.isEnabled()
    fp = district.info.fingerprint
    # eight groups of four, two lines of four groups, in a large fixed-width font
    assert district.my_fp.text() == "\n".join([" ".join(fp.split()[:4]), " ".join(fp.split()[4:])])
    assert all(len(g) == 4 for g in district.my_fp.text().split())
    assert district.my_fp.font().pointSize() >= 16 and QFontInfo(district.my_fp.font()).fixedPitch()
    # writing the keys package needs the passphrase
    district.usb.set_path(str(usb))
    district.keys_pass.setText("sai-mat-khau")
    district.export_keys_button.click()
    assert "mật khẩu" in district.status.text().lower() and not list(usb.iterdir())
    district.keys_pass.setText(DISTRICT_PASS)
    district.export_keys_button.click()
    assert district.last_written is not None, district.status.text()
    (district_keys,) = list(usb.iterdir())
    assert district_keys.suffix == ".cbpkg" and "có thể rút usb an toàn" in district.status.text().lower()

    # the commune receives the district's keys as its parent and shows the same fingerprint to compare
    commune = SyncSetupDialog(empty_db.uow("quantri"), TaskRunner(synchronous=True))
    qtbot.addWidget(commune)
    commune.new_pass.setText(COMMUNE_PASS)
    commune.new_pass2.setText(COMMUNE_PASS)
    commune.create_button.click()
    commune.keys_file.setText(str(district_keys))
    commune.relation.setCurrentIndex(commune.relation.findData("parent"))
    commune.import_keys_button.click()
    assert commune.last_imported is not None, commune.status.text()
    assert commune.peer_fp.text().split() == fp.split()  # what the commune clerk reads back on the phone
    assert "cùng đọc dấu vân tay" in commune.peer_head.text()
    assert commune.peer_table.rowCount() == 1 and commune.peer_table.item(0, 0).text() == "Cấp trên"
    assert commune.peer_table.item(0, 2).text() == fp
    # its own keys go up; the district registers the commune as a child
    commune.usb.set_path(str(usb))
    commune.keys_pass.setText(COMMUNE_PASS)
    commune.export_keys_button.click()
    commune_keys = commune.last_written
    assert commune_keys is not None and commune_keys.exists()
    district.keys_file.setText(str(commune_keys))
    district.relation.setCurrentIndex(district.relation.findData("child"))
    district.import_keys_button.click()
    assert district.peer_fp.text().split() == commune.info.fingerprint.split()
    assert [district.peer_table.item(r, 0).text() for r in range(district.peer_table.rowCount())] == ["Cấp dưới"]
    # the same keys package a second time as another relation is refused with a message, nothing shown twice
    district.keys_file.setText(str(district_keys))
    district.import_keys_button.click()
    assert "chính đơn vị này" in district.status.text()


# -- export -------------------------------------------------------------------------------------------


def stick(path: Path) -> Volume:
    return Volume(str(path), "KINGSTON", True, 6 * 1024**3, 8 * 1024**3)


def test_export_from_the_page_writes_the_package_on_the_stick(qtbot, demo_db: Database, empty_db: Database,
                                                             tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    add_people(empty_db, office)
    usb = tmp_path / "usb"
    usb.mkdir()
    page = SyncPage(empty_db.uow("quantri"), TaskRunner(synchronous=True), volumes=lambda: [stick(usb)])
    qtbot.addWidget(page)
    page.show()
    assert "Ủy ban nhân dân xã Thanh Hà" in page.office.text()
    assert page.peer_table.rowCount() == 1
    row = [page.peer_table.item(0, j).text() for j in range(6)]
    assert row[0] == "Cấp trên" and row[3] == "chưa gửi" and row[4] == "chưa nhận"
    assert page.target.currentText().startswith("Cấp trên — ")
    assert page.usb.path() == str(usb) and page.usb.combo.currentText().startswith("USB · KINGSTON")
    page.passphrase.setText("khong-dung-mat-khau")
    page.export_button.click()
    assert "mật khẩu" in page.export_status.text().lower() and not list(usb.iterdir())
    page.passphrase.setText(COMMUNE_PASS)
    page.export_button.click()
    (written,) = list(usb.iterdir())
    assert written.suffix == ".cbpkg" and written.name.startswith("CB_")
    assert f"Đã ghi gói <b>{written.name}</b>" in page.export_status.text()
    assert "có thể rút USB an toàn" in page.export_status.text()
    assert page.passphrase.text() == ""  # not left in the field
    assert page.bar.value() == 1000
    row = [page.peer_table.item(0, j).text() for j in range(6)]
    assert row[3].startswith("số 1") and row[5].endswith("dòng")  # sent, not yet acknowledged
    assert page.receipt_button.isEnabled()
    dlg = page.show_receipt()
    assert dlg is not None and dlg.page_count() >= 1  # type: ignore[attr-defined]
    assert not str(page.result.receipt_pdf).startswith(str(usb))  # on this PC, not on the stick
    dlg.close()


def test_stopping_an_export_leaves_nothing_on_the_stick(qtbot, demo_db: Database, empty_db: Database,
                                                         tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    add_people(empty_db, office)
    usb = tmp_path / "usb"
    usb.mkdir()
    page = SyncPage(empty_db.uow("quantri"), TaskRunner(synchronous=True), volumes=lambda: [stick(usb)])
    qtbot.addWidget(page)
    seen: list[float] = []

    def clerk_presses_stop(fraction: float, _message: str) -> None:
        seen.append(fraction)
        if fraction > 0 and page.cancel_button.isEnabled():
            page.cancel_button.click()

    page._progress.moved.connect(clerk_presses_stop)
    page.full.setChecked(True)
    page.passphrase.setText(COMMUNE_PASS)
    page.export_button.click()
    assert seen and "Đã dừng" in page.export_status.text()
    assert list(usb.iterdir()) == []
    assert page.export_button.isEnabled() and not page.cancel_button.isEnabled()
    assert page.peer_table.item(0, 3).text() == "chưa gửi"


def test_the_district_sends_reference_data_down_to_its_commune(qtbot, demo_db: Database, empty_db: Database,
                                                               tmp_path: Path) -> None:
    link_offices(demo_db, empty_db, tmp_path / "keys")
    usb = tmp_path / "usb"
    usb.mkdir()
    page = SyncPage(demo_db.uow("canbo"), TaskRunner(synchronous=True), volumes=lambda: [stick(usb)])
    qtbot.addWidget(page)
    assert page.peer_table.item(0, 0).text() == "Cấp dưới"
    assert page.target.currentText() == "Cấp dưới — Ủy ban nhân dân xã Thanh Hà (danh mục, quy định)"
    page.passphrase.setText(DISTRICT_PASS)
    page.export_button.click()
    (written,) = list(usb.iterdir())
    assert written.suffix == ".cbpkg" and "có thể rút USB an toàn" in page.export_status.text()
    from canbo_desktop.services.sync import importer

    r = importer.import_package(empty_db.uow("quantri"), written, passphrase=COMMUNE_PASS, dry_run=True)
    assert r.status == "preview" and r.kind == "refdata", r.reason


def test_export_runs_off_the_gui_thread_with_progress(qtbot, demo_db: Database, empty_db: Database,
                                                      tmp_path: Path) -> None:
    office = link_offices(demo_db, empty_db, tmp_path / "keys")
    add_people(empty_db, office)
    usb = tmp_path / "usb"
    usb.mkdir()
    tasks = TaskRunner(synchronous=False)
    page = SyncPage(empty_db.uow("quantri"), tasks, volumes=lambda: [stick(usb)])
    qtbot.addWidget(page)
    assert not page.export_button.isEnabled()  # not before the keys and the parent are known
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=10_000)
    moves: list[float] = []
    page._progress.moved.connect(lambda f, _m: moves.append(f))
    page.passphrase.setText(COMMUNE_PASS)
    page.export_button.click()
    assert page.cancel_button.isEnabled() and not page.export_button.isEnabled()  # the window did not wait
    qtbot.waitUntil(lambda: "có thể rút USB an toàn" in page.export_status.text(), timeout=30_000)
    assert moves and moves == sorted(moves) and len(list(usb.glob("*.cbpkg"))) == 1
    tasks.wait()


def test_the_province_creates_the_recovery_key(qtbot, demo_db: Database, tmp_path: Path) -> None:
    safe = tmp_path / "usb-ket-sat"
    safe.mkdir()
    dlg = SyncSetupDialog(demo_db.uow("canbo"), TaskRunner(synchronous=True))
    qtbot.addWidget(dlg)
    dlg.new_pass.setText(DISTRICT_PASS)
    dlg.new_pass2.setText(DISTRICT_PASS)
    dlg.create_button.click()
    assert dlg.recovery_fp.isHidden() and "Chưa có khoá khôi phục" in dlg.recovery_head.text()
    dlg.recovery_usb.set_path(str(safe))
    dlg.recovery_pass.setText("ngan-qua")
    dlg.recovery_pass2.setText("ngan-qua")
    dlg.recovery_button.click()
    assert "ít nhất 12 ký tự" in dlg.status.text() and not list(safe.iterdir())
    dlg.recovery_pass.setText("khoa-khoi-phuc-tinh-2026")
    dlg.recovery_pass2.setText("khoa-khoi-phuc-tinh-2026")
    dlg.recovery_button.click()
    assert "Đã tạo khoá khôi phục" in dlg.status.text()
    assert len(list(safe.iterdir())) == 2  # the sealed secret half, and the public keys package for every office
    assert dlg.info.recovery_fingerprint and dlg.recovery_fp.text().split() == dlg.info.recovery_fingerprint.split()
