"""Render the main screens on the demo database to PNG files (offscreen), for people to look at.

Usage: python tools/screenshots.py docs/screenshots
       QT_SCALE_FACTOR=1.5 python tools/screenshots.py docs/screenshots/150   (150 % of a 1366×768 screen)
       CANBO_LANG=en python tools/screenshots.py docs/screenshots/en          (the English interface)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# a 1366×768 screen (offscreen); with QT_SCALE_FACTOR=1.5 (150 %) the windows get its 911×512 logical pixels
_SCREEN = Path(tempfile.mkdtemp(prefix="canbo-screen-")) / "screen.json"
_SCREEN.write_text('{"screens": [{"name": "1366x768", "x": 0, "y": 0, "width": 1366, "height": 768, '
                   '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # make exports plain "offscreen": give it the screen
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("CANBO_DATA_DIR", tempfile.mkdtemp(prefix="canbo-shots-"))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtGui import QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from canbo_desktop import paths  # noqa: E402
from canbo_desktop.services.database import open_database  # noqa: E402
from canbo_desktop.services.demo import create_demo_database  # noqa: E402
from canbo_desktop.services.setup import office_info  # noqa: E402
from canbo_desktop.ui.main_window import MainWindow  # noqa: E402
from canbo_desktop.ui.tasks import TaskRunner  # noqa: E402

SCALE = float(os.environ.get("QT_SCALE_FACTOR") or 1)
SIZE = (int(1366 / SCALE), int(768 / SCALE))  # 910×512 at 150 %: never a pixel past the screen


def demo_database(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / "district-demo.db"
    if not path.exists():
        db = open_database(str(path), create=True)
        create_demo_database(db, size="district", seed=1)
        db.close()
    return path


def slug(text: str) -> str:
    from canbo_desktop.domain.text import fold_words

    return "-".join(fold_words(text))


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("CanBoDesktopScreens")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for ttf in sorted(paths.resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    QSettings().clear()
    from canbo_desktop.ui import i18n

    i18n.install(os.environ.get("CANBO_LANG", "vi"))  # Vietnamese, as the clerks see it (CANBO_LANG=en: English)
    # the first-run wizard on an empty database
    empty = Path(tempfile.mkdtemp(prefix="canbo-first-run-")) / "new.db"
    from canbo_desktop.ui.dialogs.first_run import FirstRunWizard

    fresh = open_database(str(empty), create=True)
    wiz = FirstRunWizard(fresh)
    wiz.show()
    for step in range(3):
        if step == 1:
            wiz.office.code.setText("40123")
            wiz.office.name.setText("Ủy ban nhân dân xã Thanh Hà")
            wiz.office.place.setText("Thanh Hà")
            wiz.office.symbol.setText("UBND")
        app.processEvents()
        wiz.grab().save(str(out / f"first-run-{step + 1}.png"))
        print(out / f"first-run-{step + 1}.png")
        wiz.next()
    wiz.close()
    fresh.close()
    db = open_database(str(demo_database(Path("build/screenshots-cache"))))
    with db.uow("canbo")() as uow:
        office = office_info(uow)
    from canbo_desktop.ui.dialogs.login import LoginDialog

    login = LoginDialog(db, "canbo", office_name=office.unit_name if office else "")
    login.show()
    app.processEvents()
    login.grab().save(str(out / "login.png"))
    print(out / "login.png")
    login.close()
    w = MainWindow(db, office, "canbo", TaskRunner(synchronous=True))
    w.resize(*SIZE)
    w.show()
    app.processEvents()
    shots = {"main-window-list.png": ""}
    shots["main-window-search.png"] = "nguyen thi hong"
    for name, query in shots.items():
        w.search.setText(query)
        w.apply_search()
        app.processEvents()
        w.grab().save(str(out / name))
        print(out / name)
    # every section of the navigation
    from canbo_desktop.ui.main_window import SECTIONS

    for key, _label in SECTIONS:
        page = w.show_section(key)
        if key == "reminders":
            page.at.setText("22/11/2026")  # type: ignore[attr-defined]
            page.reload()  # type: ignore[attr-defined]
            page.kinds.setCurrentRow(1)  # type: ignore[attr-defined]
        elif key == "appointments":
            page.search.setText("dang quoc viet")  # type: ignore[attr-defined]
            page._find_people()  # type: ignore[attr-defined]
            page.title.set_value("chu_tich_ubnd_xa")  # type: ignore[attr-defined]
            page.on.setText("01/12/2026")  # type: ignore[attr-defined]
            page.check()  # type: ignore[attr-defined]
        elif key == "admin":
            keys = [page.rule_list.item(i).data(256) for i in range(page.rule_list.count())]  # type: ignore[attr-defined]
            page.rule_list.setCurrentRow(keys.index("retirement_age"))  # type: ignore[attr-defined]
        app.processEvents()
        name = f"section-{list(dict(SECTIONS)).index(key) + 1}-{key}.png"
        w.grab().save(str(out / name))
        print(out / name)
        if key == "admin":  # the backups tab (a backup made first, so that the list is not empty)
            from canbo_desktop.services.backup import backup_database

            backup_database(db.uow("admin"), "thủ công")  # as "Sao lưu ngay" names it
            page.tabs.setCurrentWidget(page.backups)  # type: ignore[attr-defined]
            page.backups.reload()  # type: ignore[attr-defined]
            app.processEvents()
            w.grab().save(str(out / "admin-backups.png"))
            print(out / "admin-backups.png")
            page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    reports_shots(w, out)
    w.show_section("records")
    # the record editor, one picture per tab, on the showcase person
    w.search.setText("dang quoc viet")
    w.apply_search()
    w.table.setCurrentIndex(w.model.index(0, 0))
    w._open_current()
    editor = w.editors[-1]
    editor.resize(*SIZE)
    if not editor.file.cadre.photo_sha256:  # a drawn placeholder portrait, so the 4×6 box shows a photo
        import io

        from PIL import Image, ImageDraw

        img = Image.new("RGB", (400, 600), (70, 110, 170))
        draw = ImageDraw.Draw(img)
        draw.ellipse((120, 110, 280, 300), fill=(235, 205, 180))
        draw.rectangle((80, 330, 320, 600), fill=(245, 245, 245))
        buf = io.BytesIO()
        img.save(buf, "JPEG")
        editor.photo_date.setText("01/09/2026")
        editor.set_photo(buf.getvalue())
    app.processEvents()
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        app.processEvents()
        name = f"editor-{i + 1:02d}-{slug(editor.tabs.tabText(i))}.png"
        editor.grab().save(str(out / name))
        print(out / name)
    editor.undo.setClean()
    editor.close()
    w.close()
    db.close()
    workflow_shots(out)
    sync_shots(out)
    return 0


def reports_shots(w: MainWindow, out: Path) -> None:
    """The reports page: the targets dashboard with its charts, the drill-down of a number, the statistics."""
    app = QApplication.instance()
    page = w.show_section("reports")
    rep = page.targets  # type: ignore[attr-defined]
    women = 1 + [i.code for i in rep.indicators].index("can_bo_nu")
    index = page.model.unit_index(rep.root.id, women)  # type: ignore[attr-defined]
    page.tree.setCurrentIndex(index)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[union-attr]
    w.grab().save(str(out / "reports-targets.png"))
    page._cell_clicked(index)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[union-attr]
    page.drill.grab().save(str(out / "reports-drilldown.png"))  # type: ignore[attr-defined]
    page.drill.close()  # type: ignore[attr-defined]
    page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[union-attr]
    w.grab().save(str(out / "reports-stats.png"))
    page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    for name in ("reports-targets.png", "reports-drilldown.png", "reports-stats.png"):
        print(out / name)


def workflow_shots(out: Path) -> None:
    """The evaluation grid (a round half entered, with the quota exceeded) and the appointment procedure
    (half-way: policy, three steps, part of the dossier), on a copy of the demo: the shots write to it."""
    import shutil
    from datetime import date

    from sqlalchemy import select

    from canbo_desktop.db import models as m
    from canbo_desktop.domain import workflow as wf
    from canbo_desktop.services import appointments as ap
    from canbo_desktop.services import cadres as cadre_svc
    from canbo_desktop.services import evaluation as ev

    app = QApplication.instance()
    cache = Path("build/screenshots-cache")
    copy = cache / "workflow-demo.db"  # written over at every run
    for old in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
        old.unlink(missing_ok=True)
    shutil.copyfile(demo_database(cache), copy)
    db = open_database(str(copy))
    uowf = db.uow("admin")
    with db.uow("t")() as uow:
        office = office_info(uow)
        commune = uow.session.scalars(select(m.OrgUnitRecord).where(m.OrgUnitRecord.code.like("%.X02"))).one()
        ubnd = uow.session.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.code.like("%.X02.UBND"))).one()
        commune_id = commune.id

    # an evaluation round of 2026 (NĐ 335): most people entered, four "Xuất sắc" for too few "Tốt"
    rid, _c = ev.open_round(uowf, commune_id, 2026, role="admin")
    rows = ev.round_grid(uowf, rid).rows
    scores = [(28, 64.5), (27.5, 63), (28, 62), (26.5, 65), (25, 56), (26, 55.5), (24.5, 58), (25, 52), (23, 50),
              (26, 57), (22, 45), (25.5, 54), (24, 53), (26, 56), (25, 55), (23.5, 51)]
    comments = ["Chủ động, sáng tạo; tham mưu tốt công tác chuyển đổi số", "Hoàn thành đúng tiến độ các nhiệm vụ được giao",
                "Nhiệt tình, trách nhiệm", "", "Cần nâng cao chất lượng tham mưu văn bản"]
    for i, row in enumerate(rows[: len(rows) - 3]):  # the last three are still to be entered
        g, t = scores[i % len(scores)]
        entry = wf.EntryInput(score_general=g, score_tasks=t, self_assessment="Hoàn thành tốt nhiệm vụ được giao"
                              if i % 3 else "Hoàn thành xuất sắc các nhiệm vụ trọng tâm",
                              unit_comment=comments[i % len(comments)])
        if i == 5:  # absent four months: at most "Hoàn thành"
            entry = wf.EntryInput(score_general=g, score_tasks=t, months_absent=4, unit_comment="Nghỉ ốm 4 tháng")
        ev.save_entry(uowf, row.evaluation_id, entry, role="admin")
    products = [("Giải quyết hồ sơ đăng ký đất đai, cấp giấy chứng nhận quyền sử dụng đất", "hồ sơ", 120, 116, 1, 2),
                ("Báo cáo tổng kết công tác địa chính năm 2026", "báo cáo", 1, 1, 0, 0),
                ("Đo đạc, chỉnh lý bản đồ địa chính các thôn", "tờ bản đồ", 24, 22, 0, 1)]
    for desc, measure, assigned, delivered, errors, delays in products:
        ev.add_product(uowf, rows[1].evaluation_id, wf.ProductInput(desc, measure, assigned, delivered, errors, delays),
                       role="admin")
    # a procedure half-way: the policy, three steps (the third passed), five documents
    cid = cadre_svc.search_cadres(uowf, "Đặng Quốc Việt")[0].id
    pid, _c = ap.start_procedure(uowf, cid, "pho_chu_tich_ubnd_xa", unit_id=ubnd, role="admin")
    ap.set_policy(uowf, pid, "Công văn số 120/UBND-NV", date(2026, 11, 2), date(2026, 11, 9), role="admin")
    ap.record_step(uowf, pid, 1, wf.StepInput(date(2026, 11, 10), 9, 8, minutes="Biên bản số 01/BB-UBND"), role="admin")
    ap.record_step(uowf, pid, 2, wf.StepInput(date(2026, 11, 12), 25, 23, 23, 23, 22, 17, 5), role="admin")
    ap.record_step(uowf, pid, 3, wf.StepInput(date(2026, 11, 16), 9, 9, 9, 9, 9, 7, 2), role="admin")
    for code, day in (("to_trinh", date(2026, 11, 17)), ("so_yeu_ly_lich", date(2026, 11, 3)),
                      ("ban_tu_kiem_diem", date(2026, 11, 5)), ("ke_khai_tai_san", date(2026, 1, 15)),
                      ("giay_kham_suc_khoe", date(2026, 9, 10))):
        ap.set_document(uowf, pid, code, True, doc_date=day, role="admin")

    w = MainWindow(db, office, "admin", TaskRunner(synchronous=True))
    w.resize(*SIZE)
    w.show()
    page = w.show_section("evaluation")
    page.select(commune_id, 2026)  # type: ignore[attr-defined]
    page.grid.setCurrentIndex(page.model.index(1, page.model.column_of("score_tasks")))  # type: ignore[attr-defined]
    app.processEvents()
    w.grab().save(str(out / "evaluation-grid.png"))
    print(out / "evaluation-grid.png")
    page = w.show_section("appointments")
    panel = page.procedures  # type: ignore[attr-defined]
    panel.on.setText("01/12/2026")
    panel.reload(select=pid)
    panel.refresh()
    panel.steps.selectRow(2)
    app.processEvents()
    w.grab().save(str(out / "appointment-procedure.png"))
    print(out / "appointment-procedure.png")
    w.close()
    db.close()


def sync_shots(out: Path) -> None:
    """The USB sync screens on two real offices: a new commune database under a copy of the demo district,
    keys exchanged, a first package carried up, then edits on both sides (one person's phone on both: a
    conflict) and a second package."""
    import dataclasses
    import shutil
    from datetime import date

    from canbo_desktop.domain import cadre as cd
    from canbo_desktop.services import records
    from canbo_desktop.services.cadres import cadre_file
    from canbo_desktop.services.setup import init_office
    from canbo_desktop.services.sync import export, importer, peers
    from canbo_desktop.ui.dialogs.sync_import_wizard import SyncImportWizard
    from canbo_desktop.ui.dialogs.sync_setup import SyncSetupDialog
    from canbo_desktop.ui.widgets.usb import Volume

    app = QApplication.instance()
    cache = Path("build/screenshots-cache")
    work = (cache / "sync").resolve()
    shutil.rmtree(work, ignore_errors=True)
    usb = work / "KINGSTON"
    usb.mkdir(parents=True)
    shutil.copyfile(demo_database(cache), work / "huyen.db")
    district = open_database(str(work / "huyen.db"))
    commune = open_database(str(work / "xa.db"), create=True)
    office = init_office(commune.uow("admin"), office_code="40.D01.X99", office_name="Ủy ban nhân dân xã Thanh Hà",
                         admin_user="quantri", password="matkhau-xa-1", office_kind="xa")
    d_uowf, c_uowf = district.uow("canbo"), commune.uow("quantri")
    d_pass, c_pass = "khoa-huyen-2026", "khoa-xa-thanh-ha"
    peers.init_node_keys(d_uowf, d_pass)
    peers.init_node_keys(c_uowf, c_pass)
    up = peers.export_keys_package(c_uowf, work, passphrase=c_pass).path
    down = peers.export_keys_package(d_uowf, work, passphrase=d_pass).path
    peers.import_keys_package(c_uowf, down, relation="parent")
    peers.import_keys_package(d_uowf, up, relation="child")
    people = [("Lò Thị Hoa", "F", date(1990, 5, 2), "014190000111", "Công chức Văn phòng – Thống kê"),
              ("Vì Văn Sơn", "M", date(1985, 1, 20), "014085000222", "Chủ tịch UBND xã"),
              ("Cầm Thị Ngọc Ánh", "F", date(1996, 12, 9), "014196000333", "Công chức Tư pháp – Hộ tịch"),
              ("Hà Văn Thắng", "M", date(1979, 8, 30), "014079000444", "Phó Chủ tịch UBND xã"),
              ("Lường Thị Mai", "F", date(1992, 3, 15), "014192000555", "Công chức Địa chính – Xây dựng")]
    ids = []
    for name, sex, born, cccd, position in people[:4]:
        c = cd.Cadre(owner_unit_id=office.unit_id, full_name=name, sex=sex, birth_date=born, id_number=cccd,
                     current_position=position)
        ids.append(records.save_cadre_file(c_uowf, cd.CadreFile(cadre=c))[0])
    (work / "chuyen-1").mkdir()
    first = export.export_package(c_uowf, out_dir=work / "chuyen-1", passphrase=c_pass, receipt_dir=work)
    importer.import_package(d_uowf, first.path, passphrase=d_pass, ack_dir=work / "chuyen-1")

    def edit(db_uowf: object, cid: str, **changes: object) -> None:
        f = cadre_file(db_uowf, cid)  # type: ignore[arg-type]
        records.save_cadre_file(db_uowf, dataclasses.replace(f, cadre=dataclasses.replace(f.cadre, **changes)))  # type: ignore[arg-type]

    edit(d_uowf, ids[0], phone="0911 111 111")
    edit(c_uowf, ids[0], phone="0912 345 678")
    edit(c_uowf, ids[1], current_address="Bản Nà Lốc, xã Thanh Hà", phone="0987 654 321")
    name, sex, born, cccd, position = people[4]
    records.save_cadre_file(c_uowf, cd.CadreFile(cadre=cd.Cadre(
        owner_unit_id=office.unit_id, full_name=name, sex=sex, birth_date=born, id_number=cccd, current_position=position)))

    stick = [Volume(str(usb), "KINGSTON", True, int(6.8 * 1024**3), int(7.5 * 1024**3))]
    with commune.uow("t")() as uow:
        c_office = office_info(uow)
    w = MainWindow(commune, c_office, "quantri", TaskRunner(synchronous=True))
    w.resize(*SIZE)
    w.show()
    page = w.show_section("sync")
    page.usb.lister = lambda: stick  # type: ignore[attr-defined]
    page.usb.refresh()  # type: ignore[attr-defined]
    page.passphrase.setText(c_pass)  # type: ignore[attr-defined]
    page.export()  # type: ignore[attr-defined]
    app.processEvents()
    w.grab().save(str(out / "sync-export.png"))
    print(out / "sync-export.png")
    setup = SyncSetupDialog(c_uowf, TaskRunner(synchronous=True), w)
    setup.show()
    app.processEvents()
    setup.grab().save(str(out / "sync-setup.png"))
    print(out / "sync-setup.png")
    setup.close()
    second = page.result.path  # type: ignore[attr-defined]
    w.close()

    with district.uow("t")() as uow:
        d_office = office_info(uow)
    w = MainWindow(district, d_office, "canbo", TaskRunner(synchronous=True))
    w.resize(*SIZE)
    w.show()
    wiz = SyncImportWizard(d_uowf, TaskRunner(synchronous=True), w, path=str(second), folder=str(usb))
    wiz.show()
    wiz.file_page.passphrase.setText(d_pass)
    wiz.next()
    wiz.next()
    app.processEvents()
    wiz.grab().save(str(out / "sync-import-preview.png"))
    print(out / "sync-import-preview.png")
    wiz.next()
    wiz.close()
    w.show_conflicts()
    app.processEvents()
    w.grab().save(str(out / "sync-conflicts.png"))
    print(out / "sync-conflicts.png")
    w.close()
    district.close()
    commune.close()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
