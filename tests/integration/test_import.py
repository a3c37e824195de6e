"""Importing cadre lists from real XLSX files into real SQLite databases (issue 9).

Every file is built here with openpyxl, as a clerk's Excel would hold it (title rows above the header,
legacy fonts on TCVN3 cells, numbers where text was meant). What is checked is what a clerk would see:
the people in the database (read back with SQL), the rows refused with their column and reason, the
backup, and a database whose contents are byte for byte the same when nothing should have changed.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import time
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from sqlalchemy import select

from canbo_desktop.db import importing as dbi
from canbo_desktop.db.models import AuditRecord
from canbo_desktop.db.repositories import OrgUnitRepository
from canbo_desktop.db.uow import audit_hash
from canbo_desktop.domain.errors import Conflict, ValidationError
from canbo_desktop.domain.legacy_text import encode_surface
from canbo_desktop.services import export, records
from canbo_desktop.services import importing as imp
from canbo_desktop.services.cadres import cadre_file, search_cadres
from canbo_desktop.services.database import Database, open_database
from tests.dbcheck import backup_files, is_sqlite, snapshot, table_hash
from tests.dbcheck import rows as sql_rows
from tests.unit.domain.vietnamese import ms_keyboard_form, nfd

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Nơi sinh", "Dân tộc", "Số CCCD", "Mã đơn vị", "Chức vụ",
           "Trình độ chuyên môn", "Lý luận chính trị"]


# --------------------------------------------------------------------------- helpers


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, headers: Sequence[str] = HEADERS,
               fonts: dict[tuple[int, int], str] | None = None, title: bool = True) -> Path:
    """A list as offices make them: a title, a blank line, the header, the rows. ``fonts``: (row, col) of the
    data (0-based) → font name."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    top = 0
    if title:
        ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC"])
        ws.append([])
        top = 2
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))
    for (r, c), name in (fonts or {}).items():
        ws.cell(row=top + 2 + r, column=c + 1).font = Font(name=name)
    wb.save(path)
    return path


def units(db: Database) -> list[Any]:
    with db.uow("t")() as uow:
        return OrgUnitRepository(uow.session).all()


def run(db: Database, path: Path, **kw: Any) -> tuple[imp.ImportResult, imp.ImportPreview]:
    options = kw.pop("options", None) or imp.ImportOptions(today=date(2026, 11, 21), mode=kw.pop("mode", "upsert"))
    return imp.import_xlsx(db.uow("can_bo_nhap"), path, options=options, **kw)


def people(db: Database, where: str, *params: Any) -> list[tuple[Any, ...]]:
    return sql_rows(db, f"SELECT full_name, birth_date, birth_precision, sex, birthplace, id_number, ethnicity_code, "
                    f"education_level, political_theory, current_position, search_rowid, rev FROM cadre WHERE {where}",
                *params)


GOOD = [
    [1, "Nguyễn Thị Thu Trang", "15/07/1985", "Nữ", "Xã Thanh Hà, huyện Thanh Chương, tỉnh Nghệ An", "Kinh",
     "040185012345", None, "Chuyên viên", "Đại học", "Trung cấp"],
    [2, "Hoàng Văn Sùng", date(1979, 2, 3), "Nam", "Xã Mường Phăng, tỉnh Điện Biên", "H'Mông", "011079004321", None,
     "Phó Trưởng phòng", "ĐH", "TC"],
    [3, "Lê Quang Huy", 1990, "Nam", "Phường Trường Thi, tỉnh Nghệ An", "Kinh", "040090054321", None, "Chuyên viên",
     "Thạc sĩ", "Cao cấp"],
    [4, "Thạch Thị Sa Vân", "3/1988", "Nữ", "Xã Tập Sơn, tỉnh Trà Vinh", "Khơ-me", "084188007777", None, "Chuyên viên",
     "Cao đẳng", "Sơ cấp"],
    [5, "Phạm Minh Châu", "ngày 9 tháng 12 năm 1992", "Nữ", "Hà Nội", "Kinh", None, None, "Văn thư", "Trung cấp", None],
]


@pytest.fixture
def unit_code(demo_db: Database) -> str:
    return next(u.code for u in units(demo_db) if u.code.endswith(".PNV"))


def good_rows(code: str) -> list[list[Any]]:
    return [[*r[:7], code, *r[8:]] for r in GOOD]


# --------------------------------------------------------------------------- a clean file, then again


def test_a_clean_file_is_imported_with_backup_tracking_and_search(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    path = write_xlsx(tmp_path / "danh-sach.xlsx", good_rows(unit_code))
    result, preview = run(demo_db, path)
    assert (result.inserted, result.updated, result.unchanged, result.rejected) == (5, 0, 0, [])
    assert preview.mapping.header_rows == (2,)
    trang = people(demo_db, "id_number = ?", "040185012345")
    assert trang == [("Nguyễn Thị Thu Trang", "1985-07-15", "day", "F", "Xã Thanh Hà, huyện Thanh Chương, tỉnh Nghệ An",
                      "040185012345", "01", "dai_hoc", "trung_cap", "Chuyên viên", trang[0][10], 1)]
    assert trang[0][10] is not None or not is_sqlite(demo_db)  # in the search index, in name order (SQLite's FTS5)
    assert people(demo_db, "id_number = ?", "011079004321")[0][6:9] == ("08", "dai_hoc", "trung_cap")  # H'Mông, ĐH, TC
    assert people(demo_db, "id_number = ?", "040090054321")[0][1:3] == ("1990-01-01", "year")
    assert people(demo_db, "id_number = ?", "084188007777")[0][1:3] + (people(demo_db, "id_number = ?", "084188007777")[0][6],) \
        == ("1988-03-01", "month", "05")  # Khơ-me is Khmer
    assert people(demo_db, "full_name = ?", "Phạm Minh Châu")[0][1] == "1992-12-09"
    found = search_cadres(demo_db.uow("t"), "thu trang")
    assert [p.full_name for p in found] == ["Nguyễn Thị Thu Trang"]
    # split as the name parser splits it, with a whole CV to open
    f = cadre_file(demo_db.uow("t"), found[0].id)
    assert (f.cadre.family_name, f.cadre.middle_name, f.cadre.given_name) == ("Nguyễn", "Thị Thu", "Trang")
    # the backup is a whole database from before the import
    assert result.backup is not None
    if is_sqlite(demo_db):
        assert result.backup.path is not None and result.backup.path.exists()
        assert backup_files(demo_db) == [result.backup.path]  # one whole file
        con = sqlite3.connect(result.backup.path)
        assert con.execute("SELECT count(*) FROM cadre WHERE id_number = '040185012345'").fetchone() == (0,)
        con.close()
    else:  # PostgreSQL is backed up by its server; the clerk is told so
        assert result.backup.path is None and "PostgreSQL" in result.backup.note
    # tracking: one change-log row and one audit row per person, the audit chain intact, the import recorded
    with demo_db.uow("t")() as uow:
        logs = uow.session.execute(select(dbi.m.ChangeLogRecord.op).where(
            dbi.m.ChangeLogRecord.row_id == found[0].id)).scalars().all()
        audits = uow.session.scalars(select(AuditRecord).order_by(AuditRecord.seq)).all()
        uow.session.expunge_all()
    assert logs == ["I"]
    assert any(a.action == "import" and a.changes["inserted"] == 5 and a.actor == "can_bo_nhap" for a in audits)
    assert any(a.action == "insert" and a.entity_id == found[0].id for a in audits)
    prev = ""
    for a in audits:
        entry = {"id": a.id, "at": a.at.isoformat(), "actor": a.actor, "node_id": a.node_id, "action": a.action,
                 "entity": a.entity, "entity_id": a.entity_id, "changes": a.changes}
        assert a.prev_hash == prev and a.hash == audit_hash(prev, entry)
        prev = a.hash
    assert result.changes.ids("cadre") and len(result.changes.created["cadre"]) == 5
    assert _index_is_in_name_order(demo_db)


def _index_is_in_name_order(db: Database) -> bool:
    if not is_sqlite(db):  # PostgreSQL searches the folded columns themselves (no FTS5 row ids): all filled
        return sql_rows(db, "SELECT count(*) FROM cadre WHERE search_fold IS NULL OR search_fold = ''")[0][0] == 0
    keys = [r[0] for r in sql_rows(db, "SELECT name_sort_key FROM cadre WHERE search_rowid IS NOT NULL ORDER BY search_rowid")]
    indexed = sql_rows(db, "SELECT count(*) FROM cadre_fts")[0][0]
    ok = sql_rows(db, "PRAGMA integrity_check")[0][0] == "ok"
    return keys == sorted(keys) and indexed == len(keys) and ok


def test_the_same_file_twice_changes_nothing(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    path = write_xlsx(tmp_path / "danh-sach.xlsx", good_rows(unit_code))
    first, _ = run(demo_db, path)
    assert first.inserted == 5
    backups = backup_files(demo_db)
    before = table_hash(demo_db)
    again, preview = run(demo_db, path)
    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, 5, [])
    assert [r.match for r in preview.rows] == ["cccd"] * 4 + ["name_birth_place"]  # the last one has no CCCD
    assert table_hash(demo_db) == before
    assert backup_files(demo_db) == backups  # nothing to write: no backup either


# --------------------------------------------------------------------------- Unicode forms and dates


def test_nfd_and_keyboard_forms_and_mixed_dates_end_up_nfc(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    rows = [
        [1, nfd("Nguyễn Thị Hồng Nhung"), "05/06/1990", nfd("Nữ"), nfd("Xã Đông Hưng, tỉnh Thái Bình"), "Kinh",
         "034190011111", unit_code],
        [2, ms_keyboard_form("Phạm Hữu Lưỡng"), datetime(1984, 11, 30), "Nam", ms_keyboard_form("Thị trấn Quỳ Hợp, tỉnh Nghệ An"),
         ms_keyboard_form("Thái"), "040084022222", unit_code],
        [3, "Trần Thị Thuỷ", (date(1979, 8, 1) - date(1899, 12, 30)).days, "Nữ", "Huế", "Kinh", "046179033333", unit_code],
        [4, "Vũ Văn Dũng", "1975", "Nam", "Hải Phòng", "Kinh", "031075044444", unit_code],
        [5, "Đỗ Thị Hà", "12-1995", "Nữ", "Hà Nam", "Kinh", "035195055555", unit_code],
        [6, "Bế Văn Tào", "21.03.1969", "Nam", "Cao Bằng", "Tày", "004069066666", unit_code],
    ]
    path = write_xlsx(tmp_path / "nfd.xlsx", rows, headers=HEADERS[:8])
    result, _ = run(demo_db, path)
    assert result.inserted == 6 and result.rejected == []
    got = {r[0]: r for r in sql_rows(demo_db,
        "SELECT id_number, full_name, given_name, birthplace, birth_date, birth_precision, sex, ethnicity_code, search_fold "
        "FROM cadre WHERE id_number IN ('034190011111','040084022222','046179033333','031075044444','035195055555','004069066666')")}
    for r in got.values():
        for v in r:
            if isinstance(v, str):
                assert unicodedata.is_normalized("NFC", v), r
    assert got["034190011111"][1:8] == ("Nguyễn Thị Hồng Nhung", "Nhung", "Xã Đông Hưng, tỉnh Thái Bình", "1990-06-05", "day", "F", "01")
    assert got["040084022222"][1] == "Phạm Hữu Lưỡng" and got["040084022222"][3] == "Thị trấn Quỳ Hợp, tỉnh Nghệ An"
    assert got["040084022222"][7] == "03" and got["040084022222"][8] == "pham huu luong"
    assert got["046179033333"][4:6] == ("1979-08-01", "day")  # an Excel serial number
    assert got["031075044444"][4:6] == ("1975-01-01", "year")
    assert got["035195055555"][4:6] == ("1995-12-01", "month")
    assert got["004069066666"][4:6] == ("1969-03-21", "day")
    assert [p.full_name for p in search_cadres(demo_db.uow("t"), "pham huu luong")][:1] == ["Phạm Hữu Lưỡng"]


# --------------------------------------------------------------------------- legacy fonts


def test_a_tcvn3_file_in_vntime_and_vntimeh(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    """The header in .VnTimeH (capitals), names in .VnTime, one name set in capitals with .VnTimeH."""
    tc = lambda s: encode_surface(s, "tcvn3")  # noqa: E731
    headers = [tc("stt"), tc("họ và tên"), tc("ngày sinh"), tc("giới tính"), tc("nơi sinh"), tc("số cccd"), tc("mã đơn vị"),
               tc("trình độ chuyên môn")]
    rows = [
        [1, tc("Nguyễn Thị Hồng Nhung"), "05/06/1991", tc("Nữ"), tc("Xã Đông Sơn, huyện Thủy Nguyên, tỉnh Hải Phòng"),
         "031191077777", unit_code, tc("Đại học")],
        [2, tc("đặng quốc việt"), "12/03/1976", "Nam", tc("Thị xã Hồng Lĩnh, tỉnh Hà Tĩnh"), "042076088888", unit_code,
         tc("Thạc sĩ")],
        [3, tc("Lê Văn Lưỡng"), "01/01/1970", "Nam", "Vinh", "040070099999", unit_code, tc("Cao đẳng")],
    ]
    path = tmp_path / "tcvn3.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append([tc("ubnd huyện vĩnh tường")])
    ws["A1"].font = Font(name=".VnTimeH")
    ws.append(headers)
    for c in ws[2]:
        c.font = Font(name=".VnTimeH")
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=3):
        for c in row:
            if isinstance(c.value, str) and c.column != 7:
                c.font = Font(name=".VnTime")
    ws["B4"].font = Font(name=".VnTimeH")  # ĐẶNG QUỐC VIỆT typed in the capitals font
    wb.save(path)
    assert "Ng" in load_workbook(path).active["B3"].value and "Nguyễn" not in load_workbook(path).active["B3"].value

    table = imp.read_sheet(path)
    assert table.rows[1][1] == "HỌ VÀ TÊN"  # the header, converted and in capitals
    result, preview = run(demo_db, path)
    assert result.inserted == 3 and result.rejected == []
    notes = [w.reason for w in preview.rows[0].warnings]
    assert any("TCVN3" in n and "Nguyễn Thị Hồng Nhung" in n for n in notes)  # the preview shows the converted text
    got = {r[5]: r for r in people(demo_db, "id_number IN ('031191077777','042076088888','040070099999')")}
    assert got["031191077777"][0] == "Nguyễn Thị Hồng Nhung" and got["031191077777"][3] == "F"
    assert got["031191077777"][4] == "Xã Đông Sơn, huyện Thủy Nguyên, tỉnh Hải Phòng"
    assert got["042076088888"][0] == "Đặng Quốc Việt"  # capitals from the font, then written as a name
    assert (got["042076088888"][7], got["040070099999"][7]) == ("thac_si", "cao_dang")
    assert got["040070099999"][0] == "Lê Văn Lưỡng"


def test_vni_and_viscii_cells_are_recognised_by_their_bytes(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    rows = [
        [1, encode_surface("Trần Thị Thuỷ", "vni"), "01/02/1980", "Nữ", encode_surface("Xã Hải Xuân, tỉnh Nam Định", "vni"),
         "Kinh", "036180012121", unit_code],
        [2, encode_surface("Nguyễn Văn Bình", "viscii"), "02/03/1981", "Nam", "Hà Nội", "Kinh", "001081013131", unit_code],
    ]
    path = write_xlsx(tmp_path / "vni.xlsx", rows, headers=HEADERS[:8], fonts={(0, 4): "VNI-Times"})
    result, _ = run(demo_db, path)
    assert result.inserted == 2
    got = {r[5]: r for r in people(demo_db, "id_number IN ('036180012121','001081013131')")}
    assert got["036180012121"][0] == "Trần Thị Thuỷ" and got["036180012121"][4] == "Xã Hải Xuân, tỉnh Nam Định"
    assert got["001081013131"][0] == "Nguyễn Văn Bình"


# --------------------------------------------------------------------------- thirty bad rows


def test_thirty_bad_rows_are_refused_with_their_reason_and_the_rest_imported(demo_db: Database, tmp_path: Path,
                                                                             unit_code: str) -> None:
    base = ["Trần Văn Tốt", "10/10/1985", "Nam", "Hà Nội", "Kinh", None, unit_code, "Chuyên viên", "Đại học", "Trung cấp"]

    def row(i: int, **change: Any) -> list[Any]:
        r = [i] + list(base)
        r[1] = f"{base[0]} {chr(65 + i % 26)}{'' if i < 26 else 'h'}"
        for col, value in change.items():
            r[HEADERS.index(col)] = value
        return r

    bad: list[tuple[list[Any], str, str]] = [  # (row, column header — "" for the row —, reason fragment)
        (row(1, **{"Ngày sinh": "31/02/1985"}), "Ngày sinh", "không có trong lịch"),
        (row(2, **{"Ngày sinh": "hôm qua"}), "Ngày sinh", "không phải là ngày"),
        (row(3, **{"Ngày sinh": "10/10/85"}), "Ngày sinh", "4 chữ số"),
        (row(4, **{"Ngày sinh": "10/10/2020"}), "Ngày sinh", "không hợp lý"),
        (row(5, **{"Ngày sinh": "10/10/1930"}), "Ngày sinh", "không hợp lý"),
        (row(6, **{"Ngày sinh": None}), "", "Thiếu ngày sinh"),
        (row(7, **{"Giới tính": "Khác"}), "Giới tính", "Giới tính"),
        (row(8, **{"Giới tính": None}), "", "Thiếu giới tính"),
        (row(9, **{"Số CCCD": "12345"}), "Số CCCD", "12 chữ số"),
        (row(10, **{"Số CCCD": "999085012345"}), "Số CCCD", "mã tỉnh"),
        (row(11, **{"Số CCCD": "001185012345"}), "Số CCCD", "giới tính"),
        (row(12, **{"Số CCCD": "001090012345"}), "Số CCCD", "năm sinh"),
        (row(13, **{"Họ và tên": "Đỗ Văn Mượn", "Ngày sinh": "12/03/1975", "Số CCCD": "040075001234"}), "Số CCCD",
         "hồ sơ của Đặng Quốc Việt"),  # someone else's CCCD: never a reason to rename that person
        (row(14, **{"Dân tộc": "Sao Hoả"}), "Dân tộc", "danh mục dân tộc"),
        (row(15, **{"Trình độ chuyên môn": "Giỏi"}), "Trình độ chuyên môn", "danh mục trình độ chuyên môn"),
        (row(16, **{"Lý luận chính trị": "Xuất sắc"}), "Lý luận chính trị", "danh mục lý luận chính trị"),
        (row(17, **{"Mã đơn vị": "KHONG.CO"}), "Mã đơn vị", "Không có đơn vị mã"),
        (row(18, **{"Mã đơn vị": None}), "", "Thiếu đơn vị"),
        (row(19, **{"Họ và tên": "Trần Văn 19"}), "Họ và tên", "chữ số"),
        (row(20, **{"Họ và tên": None}), "", "Thiếu họ và tên"),
        (row(21, **{"Họ và tên": "=CONCATENATE(\"Trần\",\" Văn\")"}), "Họ và tên", "công thức"),
        (row(22, **{"Ngày sinh": "=DATE(1985,10,10)"}), "Ngày sinh", "công thức"),
        (row(23, **{"Chức vụ": "x" * 300}), "Chức vụ", "dài quá"),
        (row(24, **{"Số CCCD": "040085099993"}), "", ""),  # good: the first of two rows with one CCCD …
        (row(25, **{"Số CCCD": "040085099993"}), "Số CCCD", "trùng với dòng 27"),  # … the second is refused
        (row(26, **{"Ngày sinh": "15/13/1985"}), "Ngày sinh", "Tháng 13"),
        (row(27, **{"Số CCCD": 1234.5}), "Số CCCD", "12 chữ số"),
        (row(28, **{"Ngày sinh": True}), "Ngày sinh", "không phải là ngày"),
        (row(29, **{"Số CCCD": "0400850123456"}), "Số CCCD", "12 chữ số"),
        (row(30, **{"Giới tính": "Nữ", "Số CCCD": "040085012399"}), "Số CCCD", "giới tính"),
        (row(31, **{"Ngày sinh": "10/10/1985", "Dân tộc": "Kinh (Việt)", "Lý luận chính trị": "Cao cấp LLCT",
                    "Số CCCD": "040185012399"}), "Số CCCD", "giới tính"),
    ]
    good = [row(100 + i, **{"Số CCCD": f"0400850700{i:02d}"}) for i in range(10)]
    for i, g in enumerate(good):
        g[1] = f"Khổng Minh {['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khoa', 'Long', 'Minh', 'Nam'][i]}"
    rows = [r for r, _c, _w in bad] + good
    path = write_xlsx(tmp_path / "loi.xlsx", rows)
    result, preview = run(demo_db, path, mode="insert")
    by_row = {r.row_number: r for r in preview.rows}
    refused = 0
    for k, (_r, column, fragment) in enumerate(bad):
        pr = by_row.get(k + 4)  # Excel row: title, blank line, header, then the data from row 4
        if not fragment:  # the first of the duplicate pair is a good row
            assert pr is not None and pr.action == "insert"
            continue
        assert pr is not None and pr.action == "rejected", (k + 4, fragment, pr)
        assert len(pr.problems) == 1, (k + 4, pr.problems)
        p = pr.problems[0]
        assert fragment in p.reason and p.column == column, (k + 4, column, fragment, p)
        refused += 1
    assert refused == 30 and result.rejected_rows == 30
    viet = people(demo_db, "id_number = '040075001234'")
    assert [p[0] for p in viet] == ["Đặng Quốc Việt"]
    assert result.inserted == 11  # the ten good rows and the first of the duplicates
    assert {p.row for p in result.rejected} == {k + 4 for k, b in enumerate(bad) if b[2]}
    assert all(p.cell.endswith(str(p.row)) for p in result.rejected if p.cell)
    assert len(people(demo_db, "full_name LIKE 'Khổng Minh %'")) == 10

    # the error report: the refused rows, in the file's own columns, with the reason, ready to fix and re-import
    report = tmp_path / "dong-loi.xlsx"
    assert imp.write_error_report(preview, report) == 30
    ws = load_workbook(report).active
    header = [c.value for c in ws[2]]
    assert header[: len(HEADERS)] == HEADERS and header[-2:] == ["Lý do", "Dòng trong tệp gốc"]
    lines = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(lines) == 30
    first = lines[0]
    assert "không có trong lịch" in first[-2] and first[-1] == 4
    assert any(isinstance(v, str) and v.startswith("=CONCATENATE") for line in lines for v in line)  # kept as text
    wb = load_workbook(report)
    ws = wb.active
    ws.cell(row=3, column=3).value = "28/02/1985"  # the clerk fixes the first line
    wb.save(report)
    fixed, fixed_preview = run(demo_db, report)
    assert [r.row_number for r in fixed_preview.rows if r.action == "insert"] == [3]
    assert fixed.inserted == 1 and fixed.rejected_rows == 29


# --------------------------------------------------------------------------- refused files


def _zip_with(members: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _good_members(tmp_path: Path) -> dict[str, bytes]:
    src = write_xlsx(tmp_path / "src.xlsx", [[1, "Nguyễn Văn An", "01/01/1980", "Nam"]])
    with zipfile.ZipFile(src) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize("kind", ["truncated", "random", "xls", "password", "bomb", "doctype", "external_link", "csv",
                                  "empty", "not_a_workbook"])
def test_bad_files_are_refused_and_the_database_is_untouched(demo_db: Database, tmp_path: Path, kind: str) -> None:
    members = _good_members(tmp_path)
    good = _zip_with(members)
    path = tmp_path / f"{kind}.xlsx"
    expected = {"truncated": "hỏng", "random": "không phải là tệp Excel", "xls": "Excel 97–2003", "password": "mật khẩu",
                "bomb": "độc hại", "doctype": "DOCTYPE", "external_link": "liên kết", "csv": "không phải là tệp Excel",
                "empty": "rỗng", "not_a_workbook": "không phải là bảng tính"}[kind]
    if kind == "truncated":
        data = good[: len(good) // 2]
    elif kind == "random":
        data = bytes(range(256)) * 40
    elif kind == "xls":
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096 + "Workbook".encode("utf-16-le")
    elif kind == "password":
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096 + "EncryptedPackage".encode("utf-16-le")
    elif kind == "bomb":
        members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
            b"</worksheet>", b"<!--" + b"A" * (60 * 1024 * 1024) + b"--></worksheet>")
        data = _zip_with(members)
    elif kind == "doctype":
        members["xl/sharedStrings.xml"] = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                                           b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>')
        data = _zip_with(members)
    elif kind == "external_link":
        members["xl/externalLinks/externalLink1.xml"] = b"<externalLink/>"
        data = _zip_with(members)
    elif kind == "csv":
        data = "STT,Họ và tên\n1,Nguyễn Văn An\n".encode()
    elif kind == "empty":
        data = b""
    else:
        data = _zip_with({"hello.txt": b"hi"})
    path.write_bytes(data)
    before = snapshot(demo_db)
    with pytest.raises(ValidationError) as err:
        run(demo_db, path)
    assert expected in err.value.message
    assert snapshot(demo_db) == before
    assert backup_files(demo_db) == []


def test_formulas_are_never_evaluated(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    rows = [[1, "Nguyễn Văn Công", "=DATE(1980,1,1)", "Nam", "Hà Nội", "Kinh", "=\"0010800\"&\"12345\"", unit_code]]
    path = write_xlsx(tmp_path / "f.xlsx", rows, headers=HEADERS[:8])
    table = imp.read_sheet(path)
    assert table.rows[3][2] == imp.ip.FormulaCell("=DATE(1980,1,1)")
    result, _ = run(demo_db, path)
    assert result.inserted == 0 and {p.column for p in result.rejected} == {"Ngày sinh", "Số CCCD"}
    assert all("công thức" in p.reason for p in result.rejected)


# --------------------------------------------------------------------------- round trip, modes, matching


def test_export_then_import_changes_nothing(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "xuat.xlsx"
    n = export.export_cadre_list(demo_db.uow("t"), out, include_sensitive=True)
    assert n > 100
    before = table_hash(demo_db)
    result, preview = run(demo_db, out)
    assert (result.inserted, result.updated, result.rejected) == (0, 0, [])
    assert result.unchanged == n
    assert table_hash(demo_db) == before
    # the default export leaves the sensitive columns out, and still imports back to nothing changed
    out2 = tmp_path / "xuat-2.xlsx"
    export.export_cadre_list(demo_db.uow("t"), out2)
    header = [c.value for c in load_workbook(out2).active[3]]
    assert "Dân tộc" not in header and "Tôn giáo" not in header and "Số CCCD" in header
    before = table_hash(demo_db)
    result, _ = run(demo_db, out2)
    assert result.unchanged == n and result.updated == 0
    assert table_hash(demo_db) == before


def test_modes_insert_update_upsert(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    viet = "040075001234"  # Đặng Quốc Việt of the demo
    rows = [[1, "Đặng Quốc Việt", "12/03/1975", "Nam", "Xã Đông Sơn, tỉnh Hà Nội", "Kinh", viet, None, "Trưởng phòng (mới)"],
            [2, "Mai Văn Mới", "01/05/1991", "Nam", "Hà Nội", "Kinh", "001091012345", unit_code, "Chuyên viên"]]
    path = write_xlsx(tmp_path / "m.xlsx", rows, headers=HEADERS[:9])
    before = people(demo_db, "id_number = ?", viet)[0]
    r_insert, _ = run(demo_db, path, mode="insert", dry_run=True)
    assert (r_insert.inserted, r_insert.updated, r_insert.rejected_rows) == (1, 0, 1)
    assert "chỉ thêm mới" in r_insert.rejected[0].reason
    r_update, pv = run(demo_db, path, mode="update", dry_run=True)
    assert (r_update.inserted, r_update.updated, r_update.rejected_rows) == (0, 1, 1)
    assert "Không tìm thấy hồ sơ để cập nhật" in r_update.rejected[0].reason
    assert pv.rows[0].changes == {"current_position": (before[9], "Trưởng phòng (mới)")}
    assert people(demo_db, "id_number = ?", viet)[0] == before  # dry runs wrote nothing
    result, _ = run(demo_db, path)
    assert (result.inserted, result.updated) == (1, 1)
    after = people(demo_db, "id_number = ?", viet)[0]
    assert after[9] == "Trưởng phòng (mới)" and after[11] == before[11] + 1
    assert after[:9] == before[:9]  # nothing else of his record moved
    with demo_db.uow("t")() as uow:
        cid = search_cadres(demo_db.uow("t"), viet)[0].id
        ops = uow.session.execute(select(dbi.m.ChangeLogRecord.op, dbi.m.ChangeLogRecord.changed_fields).where(
            dbi.m.ChangeLogRecord.row_id == cid).order_by(dbi.m.ChangeLogRecord.seq)).all()
    assert ops[-1] == ("U", ["current_position"])


def test_matching_by_name_birth_date_and_birthplace(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    rows = [
        # Lò Văn Pảng of the demo has no CCCD and no birthplace: found by name and birth date, CCCD added
        [1, "LÒ VĂN PẢNG", "19/08/1996", "Nam", None, "Thái", "011096012345", None],
        # Bùi Thị Hòa (birth year only in the database): "hoà" written the old way, her year typed as a date
        [2, "Bùi Thị Hoà", "1987", "Nữ", "Xã Như Xuân, tỉnh Hà Tĩnh", None, None, None],
        # the same name and birth date, another birthplace: a new person
        [3, "Đặng Quốc Việt", "12/03/1975", "Nam", "Xã Khác, tỉnh Nghệ An", "Kinh", None, unit_code],
    ]
    path = write_xlsx(tmp_path / "ten.xlsx", rows, headers=HEADERS[:8])
    result, preview = run(demo_db, path)
    actions = [(r.action, r.match) for r in preview.rows]
    assert actions == [("update", "name_birth"), ("unchanged", "name_birth_place"), ("insert", "")], \
        [(r.action, r.problems) for r in preview.rows]
    assert people(demo_db, "full_name = 'Lò Văn Pảng'")[0][5:7] == ("011096012345", "03")
    assert [p.full_name for p in search_cadres(demo_db.uow("t"), "011096012345")] == ["Lò Văn Pảng"]  # index follows
    assert _index_is_in_name_order(demo_db)
    assert people(demo_db, "full_name = 'Bùi Thị Hòa'")[0][1:3] == ("1987-01-01", "year")  # "1987" erased nothing
    assert len(people(demo_db, "full_name = 'Đặng Quốc Việt'")) == 2


def test_a_change_between_preview_and_apply_stops_the_import(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    viet = "040075001234"
    path = write_xlsx(tmp_path / "c.xlsx", [[1, "Đặng Quốc Việt", "12/03/1975", "Nam", None, "Kinh", viet, None, "Mới"]],
                      headers=HEADERS[:9])
    uowf = demo_db.uow("t")
    table = imp.read_sheet(path)
    preview = imp.preview_import(uowf, table, imp.suggest_mapping(uowf, table), imp.ImportOptions(today=date(2026, 11, 21)))
    cid = search_cadres(uowf, viet)[0].id
    f = cadre_file(uowf, cid)
    f.cadre.phone = "0912345678"
    records.save_cadre_file(uowf, f)  # someone edits him meanwhile (another field)
    result = imp.apply_import(uowf, preview)  # the plan is the same: it goes through
    assert result.updated == 1
    preview = imp.preview_import(uowf, imp.read_sheet(path), imp.suggest_mapping(uowf, table),
                                 imp.ImportOptions(today=date(2026, 11, 21)))
    assert preview.rows[0].action == "unchanged"
    path2 = write_xlsx(tmp_path / "c2.xlsx", [[1, "Đặng Quốc Việt", "12/03/1975", "Nam", None, "Kinh", viet, None, "Mới 2"]],
                       headers=HEADERS[:9])
    table2 = imp.read_sheet(path2)
    preview2 = imp.preview_import(uowf, table2, imp.suggest_mapping(uowf, table2), imp.ImportOptions(today=date(2026, 11, 21)))
    records.trash_cadres(uowf, [cid])  # now he goes to the trash before the import is applied
    before = table_hash(demo_db)
    with pytest.raises(Conflict):
        imp.apply_import(uowf, preview2, backup=False)
    assert table_hash(demo_db) == before


# --------------------------------------------------------------------------- all or nothing


def test_a_failure_in_the_middle_of_apply_leaves_the_data_as_it_was(demo_db: Database, tmp_path: Path, unit_code: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[i, f"Người Thử {n}", "01/01/1980", "Nam", "Hà Nội", "Kinh", f"0010800{i:05d}", unit_code]
            for i, n in enumerate(["An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hà", "Khánh"] * 5, start=1)]
    path = write_xlsx(tmp_path / "gay.xlsx", rows, headers=HEADERS[:8])
    uowf = demo_db.uow("t")
    table = imp.read_sheet(path)
    preview = imp.preview_import(uowf, table, imp.suggest_mapping(uowf, table), imp.ImportOptions(today=date(2026, 11, 21)))
    assert len(preview.inserts) == 40
    before = table_hash(demo_db)
    real = dbi.bulk_insert
    calls: list[str] = []

    def failing(conn: Any, table_name: str, columns: Any, rows_: Any) -> int:
        calls.append(table_name)
        if len(calls) == 3:  # after 20 people were written
            raise OSError("ổ đĩa đầy (giả lập)")
        return real(conn, table_name, columns, rows_)

    monkeypatch.setattr(dbi, "bulk_insert", failing)
    original = dbi.write_import
    monkeypatch.setattr(dbi, "write_import", lambda *a, **k: original(*a, **{**k, "batch": 20}))
    with pytest.raises(OSError):
        imp.apply_import(uowf, preview)
    assert calls[:2] == ["cadre", "cadre"]
    assert table_hash(demo_db) == before
    assert people(demo_db, "full_name LIKE 'Người Thử %'") == []


def test_cancel_writes_nothing(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    rows = [[i, f"Người Huỷ {n}", "01/01/1980", "Nam", "Hà Nội", "Kinh", f"0010800{i:05d}", unit_code]
            for i, n in enumerate(["An", "Bình", "Cường"], start=1)]
    path = write_xlsx(tmp_path / "huy.xlsx", rows, headers=HEADERS[:8])
    uowf = demo_db.uow("t")
    table = imp.read_sheet(path)
    preview = imp.preview_import(uowf, table, imp.suggest_mapping(uowf, table), imp.ImportOptions(today=date(2026, 11, 21)))
    before = table_hash(demo_db)
    seen: list[float] = []
    with pytest.raises(imp.ImportCancelled) as err:
        imp.apply_import(uowf, preview, progress=lambda f, _m: seen.append(f), cancel=lambda: len(seen) >= 2)
    assert "không thay đổi" in err.value.message
    assert table_hash(demo_db) == before


# --------------------------------------------------------------------------- the mapping


def test_a_mapping_chosen_once_is_offered_next_time(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    headers = ["Số", "Người", "Sinh", "Phái", "Cơ quan"]
    rows = [[1, "Trịnh Văn Định", "02/02/1982", "Nam", unit_code]]
    path = write_xlsx(tmp_path / "la.xlsx", rows, headers=headers, title=False)
    uowf = demo_db.uow("t")
    table = imp.read_sheet(path)
    with pytest.raises(ValidationError):
        imp.suggest_mapping(uowf, table)  # nothing recognisable enough to be a header
    mapping = imp.suggest_mapping(uowf, table, header_row=1)
    assert mapping.columns[1] == "" and mapping.source == "auto"
    mapping.columns = ["", "full_name", "birth_date", "sex", "unit_code"]
    mapping.source = "user"
    result = imp.apply_import(uowf, imp.preview_import(uowf, table, mapping, imp.ImportOptions(today=date(2026, 11, 21))))
    assert result.inserted == 1
    again = imp.suggest_mapping(uowf, imp.read_sheet(path), header_row=1)
    assert again.source == "saved" and again.columns == ["", "full_name", "birth_date", "sex", "unit_code"]
    as_file = imp.mapping_from_json(table, {"header_row": 1, "columns": {"B": "full_name", "Sinh": "birth_date",
                                                                          "D": {"field": "sex"}, "E": "unit_code"}})
    assert as_file.columns == ["", "full_name", "birth_date", "sex", "unit_code"]
    with pytest.raises(ValidationError):
        imp.mapping_from_json(table, {"columns": {"B": "khong_co"}, "header_row": 1})


# --------------------------------------------------------------------------- speed on the district demo


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_two_thousand_rows_into_the_district(district_db: Database, tmp_path: Path) -> None:
    """The district demo (2,000 people): a 2,000-row list, half of them already there with one change.

    SQLite only: it works on a copy of the district's file (the PostgreSQL run imports through the same code in
    every other test of this module)."""
    from benchmarks.importing import build_file

    work = tmp_path / "district.db"
    src = sqlite3.connect(district_db.file)  # type: ignore[arg-type]
    dst = sqlite3.connect(work)
    src.backup(dst)
    dst.close()
    src.close()
    xlsx = tmp_path / "ds.xlsx"
    build_file(xlsx, work, rows=2000, existing=1000)
    db = open_database(str(work))
    try:
        floor_t = time.perf_counter()
        wb = load_workbook(xlsx, read_only=True)
        for _row in wb.worksheets[0].iter_rows(values_only=True):
            pass
        wb.close()
        floor = time.perf_counter() - floor_t
        t0 = time.perf_counter()
        result, preview = run(db, xlsx)
        total = time.perf_counter() - t0
    finally:
        db.close()
    assert result.updated == 1000 and result.inserted + result.rejected_rows == 1000
    assert all("CCCD" in p.reason for p in result.rejected)  # generated CCCDs of a few new people are inconsistent
    assert total < 20, f"{total:.1f} s (openpyxl alone {floor:.1f} s)"
    shutil.rmtree(work.parent / "backups", ignore_errors=True)


# --------------------------------------------------------------------------- the same on PostgreSQL


@pytest.mark.postgres
def test_import_on_postgres(pg_db: Database, tmp_path: Path) -> None:
    from canbo_desktop.services.demo import create_demo_database

    create_demo_database(pg_db, size="small", seed=7)
    code = next(u.code for u in units(pg_db) if u.code.endswith(".PNV"))
    rows = good_rows(code) + [[6, "Đặng Quốc Việt", "12/03/1975", "Nam", None, "Kinh", "040075001234", None,
                               "Trưởng phòng (PG)"]]
    path = write_xlsx(tmp_path / "pg.xlsx", rows)
    result, _ = run(pg_db, path)
    assert (result.inserted, result.updated, result.rejected) == (5, 1, [])
    assert result.backup is not None and result.backup.path is None and "PostgreSQL" in result.backup.note
    uowf = pg_db.uow("t")
    assert [p.full_name for p in search_cadres(uowf, "thu trang")] == ["Nguyễn Thị Thu Trang"]
    viet = search_cadres(uowf, "040075001234")[0]
    assert viet.current_position == "Trưởng phòng (PG)"
    with uowf() as uow:
        audits = uow.session.scalars(select(AuditRecord).order_by(AuditRecord.seq)).all()
        uow.session.expunge_all()
    prev = ""
    for a in audits:
        entry = {"id": a.id, "at": a.at.isoformat(), "actor": a.actor, "node_id": a.node_id, "action": a.action,
                 "entity": a.entity, "entity_id": a.entity_id, "changes": a.changes}
        assert a.prev_hash == prev and a.hash == audit_hash(prev, entry)
        prev = a.hash
    again, _ = run(pg_db, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 6)


def test_tracking_is_what_the_editor_would_have_written(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    """The bulk writer leaves the same audit entry and change-log row as saving the person in the editor."""
    from canbo_desktop.domain import cadre as d

    uowf = demo_db.uow("t")
    unit_id = next(u.id for u in units(demo_db) if u.code == unit_code)
    by_editor = d.Cadre(owner_unit_id=unit_id, full_name="Nguyễn Văn Một", sex="M", birth_date=date(1980, 1, 2),
                        birthplace="Hà Nội", id_number="001080012345")
    editor_id, _ = records.save_cadre_file(uowf, d.CadreFile(cadre=by_editor))
    path = write_xlsx(tmp_path / "mot.xlsx", [["Nguyễn Văn Hai", "02/01/1980", "Nam", "Hà Nội", "001080012346", unit_code]],
                      headers=["Họ và tên", "Ngày sinh", "Giới tính", "Nơi sinh", "Số CCCD", "Mã đơn vị"], title=False)
    result, _ = run(demo_db, path)
    imported_id = next(iter(result.changes.created["cadre"]))
    with uowf() as uow:
        audit = {a.entity_id: a.changes for a in uow.session.scalars(
            select(AuditRecord).where(AuditRecord.entity_id.in_([editor_id, imported_id])))}
        logs = {r.row_id: (r.op, r.rev, r.base_rev, r.changed_fields) for r in uow.session.scalars(
            select(dbi.m.ChangeLogRecord).where(dbi.m.ChangeLogRecord.row_id.in_([editor_id, imported_id])))}
    assert logs[editor_id] == logs[imported_id]
    editor, imported = audit[editor_id], audit[imported_id]
    assert set(editor) == set(imported)
    assert {k for k in editor if editor[k] != imported[k]} == {"id", "full_name", "given_name", "id_number", "created_at"} - (
        {"created_at"} if editor.get("created_at") == imported.get("created_at") else set())


def test_a_corrected_birth_date_moves_the_person_in_the_name_order(demo_db: Database, tmp_path: Path) -> None:
    viet = "040075001234"
    path = write_xlsx(tmp_path / "sua.xlsx", [[1, "Đặng Quốc Việt", "21/03/1975", "Nam", None, None, viet, "40.D01.TP"]],
                      headers=HEADERS[:8])
    before = people(demo_db, "id_number = ?", viet)[0]
    result, preview = run(demo_db, path)
    assert result.updated == 1 and set(preview.rows[0].changes) == {"birth_date", "owner_unit_id"}
    after = people(demo_db, "id_number = ?", viet)[0]
    assert after[1] == "1975-03-21" and (after[10] != before[10] or not is_sqlite(demo_db))  # a new place in the index
    assert _index_is_in_name_order(demo_db)
    key, info = sql_rows(demo_db, "SELECT name_sort_key, search_info FROM cadre WHERE id_number = ?", viet)[0]
    assert key.endswith("1975-03-21") and "phong tu phap" in info


def test_sheets_hidden_ones_and_choosing_by_name(demo_db: Database, tmp_path: Path, unit_code: str) -> None:
    path = tmp_path / "nhieu-trang.xlsx"
    wb = Workbook()
    hidden = wb.active
    hidden.title = "Ghi chú"
    hidden.append(["Trang ẩn, không phải danh sách"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("Danh sách")
    ws.append(HEADERS[:8])
    ws.append([1, "Kiều Văn Trang", "02/02/1990", "Nam", "Hà Nội", "Kinh", "001090055555", unit_code])
    wb.save(path)
    info = imp.inspect_workbook(path)
    assert [(s.name, s.hidden) for s in info.sheets] == [("Ghi chú", True), ("Danh sách", False)]
    assert imp.read_sheet(path).sheet == "Danh sách"  # the first visible sheet
    assert imp.read_sheet(path, "danh sach").sheet == "Danh sách"  # typed without diacritics
    with pytest.raises(imp.NotFound) as err:
        imp.read_sheet(path, "Trang 3")
    assert "Ghi chú, Danh sách" in err.value.message
    assert ("full_name", "Họ và tên") in imp.field_choices() and imp.field_choices()[0][0] == ""
