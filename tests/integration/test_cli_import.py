"""``canbo import xlsx`` and ``canbo export xlsx``: what a script sees (JSON on stdout only, Vietnamese on stderr)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from canbo_desktop.cli.main import main

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Nơi sinh", "Số CCCD", "Mã đơn vị"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CÁN BỘ"])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


ROWS = [
    [1, "Nguyễn Văn Cli", "01/02/1983", "Nam", "Hà Nội", "001083012345", "40.D01.PNV"],
    [2, "Trần Thị Dòng", "15/11/1990", "Nữ", "Hà Nam", "035190054321", "40.D01.PNV"],
    [3, "Lê Văn Lỗi", "30/02/1990", "Nam", "Hà Nam", "035090054321", "40.D01.PNV"],
]


def test_import_json_and_dry_run(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = make(tmp_path / "ds.xlsx", ROWS)
    before = digest(demo_db_path)
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--dry-run", "--json", "--quiet")
    assert code == 0, err
    data = json.loads(out)  # stdout holds the JSON and nothing else
    assert (data["inserted"], data["updated"], data["unchanged"], data["dry_run"]) == (2, 0, 0, True)
    assert data["rejected"] == [{"row": 5, "column": "Ngày sinh", "cell": "C5", "reason": "Ngày 30/02/1990 không có trong lịch."}]
    assert "chạy thử" in err and "2 thêm mới" in err
    assert digest(demo_db_path) == before  # a dry run writes nothing at all

    report = tmp_path / "loi.xlsx"
    code, out, err = run(capsys, "--db", str(demo_db_path), "--user", "nhap_tu_excel", "import", "xlsx", str(f),
                         "--report", str(report), "--json", "--quiet")
    assert code == 0, err
    data = json.loads(out)
    assert (data["inserted"], data["rejected_rows"], data["header_row"]) == (2, 1, 2)
    assert data["backup"] and Path(data["backup"]).exists()
    assert "Đã sao lưu" in err and "Đã nhập: 2 thêm mới" in err
    ws = load_workbook(report).active
    assert [c.value for c in ws[3]][-2:] == ["Ngày sinh: Ngày 30/02/1990 không có trong lịch.", 5]

    code, out, err = run(capsys, "--db", str(demo_db_path), "cadres", "search", "nguyen van cli", "--json")
    assert code == 0 and json.loads(out)[0]["full_name"] == "Nguyễn Văn Cli"

    before = digest(demo_db_path)
    code, out, _ = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--json", "--quiet")
    assert json.loads(out)["unchanged"] == 2 and json.loads(out)["inserted"] == 0
    assert digest(demo_db_path) == before  # the same file again: nothing changes, not even the file


def test_mapping_file_header_row_and_modes(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = make(tmp_path / "la.xlsx", [[1, "Phan Văn Ánh", "1980", "Nam", "40.D01.PNV"]],
             headers=["Số", "Người", "Năm", "Phái", "Nơi làm"])
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--json", "--quiet")
    assert code != 0 and out == "" and "dòng tiêu đề" in err
    code, out, _ = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--header-row", "2", "--show-mapping")
    shown = json.loads(out)
    assert shown["header_row"] == 2 and shown["columns"]["B"] == {"header": "Người", "field": ""}
    mapping = tmp_path / "cot.json"
    mapping.write_text(json.dumps({"header_row": 2, "columns": {"B": "full_name", "Năm": "birth_date", "D": "sex",
                                                                "E": "unit_code"}}, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--mapping", str(mapping),
                         "--mode", "update", "--json", "--quiet")
    assert code == 0, err
    data = json.loads(out)
    assert data["inserted"] == 0 and data["rejected_rows"] == 1 and "chỉ cập nhật" in data["rejected"][0]["reason"]
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--mapping", str(mapping),
                         "--mode", "insert", "--json", "--quiet")
    assert json.loads(out)["inserted"] == 1
    bad = tmp_path / "hong.json"
    bad.write_text("{không phải json", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--mapping", str(bad))
    assert code != 0 and out == "" and "JSON" in err


def test_default_unit_for_a_list_without_a_unit_column(demo_db_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    f = make(tmp_path / "xa.xlsx", [[1, "Vi Văn Đơn", "02/09/1988", "Nam", "Lạng Sơn", "020088012345"]], HEADERS[:6])
    code, out, _ = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--dry-run", "--json", "--quiet")
    assert json.loads(out)["rejected"][0]["reason"].startswith("Thiếu đơn vị")
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--unit", "40.D01.TP", "--json", "--quiet")
    assert code == 0 and json.loads(out)["inserted"] == 1, err
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(f), "--unit", "KHONG.CO", "--json")
    assert code != 0 and "Không có đơn vị mã" in err


def test_refused_files_change_nothing(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(demo_db_path)
    broken = tmp_path / "hong.xlsx"
    good = make(tmp_path / "tot.xlsx", ROWS).read_bytes()
    broken.write_bytes(good[: len(good) // 3])
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(broken), "--json")
    assert code != 0 and out == "" and "bị hỏng" in err
    xls = tmp_path / "cu.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(xls), "--json")
    assert code != 0 and out == "" and ".xlsx" in err and "97–2003" in err
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(tmp_path / "khong-co.xlsx"))
    assert code != 0 and "Không tìm thấy tệp" in err
    assert digest(demo_db_path) == before


def test_export_then_import_is_a_round_trip(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "xuat.xlsx"
    code, out, err = run(capsys, "--db", str(demo_db_path), "export", "xlsx", str(out_file), "--sensitive", "--json")
    assert code == 0, err
    n = json.loads(out)["rows"]
    assert n > 100 and "Đã xuất" in err
    before = digest(demo_db_path)
    code, out, err = run(capsys, "--db", str(demo_db_path), "import", "xlsx", str(out_file), "--json", "--quiet")
    data = json.loads(out)
    assert (data["unchanged"], data["inserted"], data["updated"], data["rejected"]) == (n, 0, 0, [])
    assert digest(demo_db_path) == before
    code, out, _ = run(capsys, "--db", str(demo_db_path), "export", "xlsx", str(tmp_path / "pnv.xlsx"), "--unit", "40.D01.PNV",
                       "--json")
    assert 0 < json.loads(out)["rows"] < n

