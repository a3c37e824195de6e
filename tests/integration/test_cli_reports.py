"""``canbo report``: what an admin script sees — JSON on stdout only, files written and audited, Vietnamese
errors on stderr with a non-zero exit code."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from canbo_desktop.cli import main as cli_main
from canbo_desktop.cli import reports as cli_reports
from canbo_desktop.db import models as m
from canbo_desktop.services.database import open_database
from tests.integration.test_pdf_cv import assert_fonts_embedded, pdftext


@pytest.fixture(autouse=True)
def _report_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """``canbo report`` as main.py will offer it (added here until the module is listed there)."""
    original = cli_main.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "report" not in sub.choices:
            cli_reports.register(sub)
        return parser

    monkeypatch.setattr(cli_main, "build_parser", build)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def audited(db_path: Path) -> list[dict[str, object]]:
    db = open_database(str(db_path))
    with db.uow("t")() as uow:
        rows = [r.changes for r in uow.session.scalars(select(m.AuditRecord).where(m.AuditRecord.entity == "report"))]
    db.close()
    return rows


def test_targets_json_is_a_list_of_records_for_every_unit(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "report", "targets", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {"indicator", "unit_code", "numerator", "denominator", "value", "threshold", "met"} <= set(data[0])
    root = [d for d in data if d["unit_code"] == "40.D01"]
    assert [d["indicator"] for d in root] == ["can_bo_tre", "can_bo_nu", "trinh_do_dai_hoc", "llct_trung_cap",
                                             "cap_nhat_kien_thuc", "dan_toc_thieu_so",
                                             "chu_chot_khong_phai_nguoi_dia_phuong"]
    women = next(d for d in root if d["indicator"] == "can_bo_nu")
    assert women["threshold"] == 15 and women["value"] == round(100 * women["numerator"] / women["denominator"], 2)
    assert women["met"] == (women["value"] >= 15)
    assert len({d["unit_code"] for d in data}) > 20
    code, out, _err = run(capsys, "--db", str(demo_db_path), "report", "targets", "--unit", "40.D01.X01", "--json",
                          "--depth", "0")
    assert code == 0 and {d["unit_code"] for d in json.loads(out)} == {"40.D01.X01"}


def test_targets_to_xlsx_and_pdf_with_the_trend(demo_db_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    xlsx, pdf = tmp_path / "chi-tieu.xlsx", tmp_path / "chi-tieu.pdf"
    code, out, err = run(capsys, "--db", str(demo_db_path), "report", "targets", "--xlsx", str(xlsx), "--pdf",
                         str(pdf), "--trend", "2")
    assert code == 0, err
    assert out == "" and f"Đã ghi {xlsx}" in err and f"Đã ghi {pdf}" in err
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Chỉ tiêu", "Tổng hợp", "Xu hướng", "Căn cứ"]
    assert [c.value for c in wb["Xu hướng"][4]][3:] and wb["Xu hướng"].max_column == 3 + 3
    text = " ".join(pdftext(pdf).split())
    assert "BÁO CÁO" in text and "III. DIỄN BIẾN QUA CÁC NĂM" in text
    assert_fonts_embedded(pdf)
    assert [a["report"] for a in audited(demo_db_path)] == ["targets", "targets"]


def test_stats_files_and_summary(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx, pdf = tmp_path / "thong-ke.xlsx", tmp_path / "thong-ke.pdf"
    code, out, err = run(capsys, "--db", str(demo_db_path), "report", "stats", "--xlsx", str(xlsx), "--pdf", str(pdf),
                         "--depth", "2")
    assert code == 0, err
    assert "SL-CL" in load_workbook(xlsx).sheetnames
    assert "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC" in pdftext(pdf)
    assert_fonts_embedded(pdf)
    code, out, err = run(capsys, "--db", str(demo_db_path), "report", "stats")
    assert code == 0 and "Tổng số" in out and "Trình độ chuyên môn: Đại học" in out
    code, out, err = run(capsys, "--db", str(demo_db_path), "report", "stats", "--json", "--at", "2023-12-31")
    data = json.loads(out)
    assert code == 0 and data["at"] == "2023-12-31" and data["reconstructed"] is True
    assert data["tables"][0]["columns"][0] == {"key": "total", "label": "Tổng số", "group": ""}


def test_people_behind_a_number(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "report", "people", "can_bo_nu", "--json")
    assert code == 0, err
    women = json.loads(out)
    assert women and all(p["sex"] == "F" for p in women)
    code, out, _err = run(capsys, "--db", str(demo_db_path), "report", "targets", "--json")
    root = next(d for d in json.loads(out) if d["unit_code"] == "40.D01" and d["indicator"] == "can_bo_nu")
    assert len(women) == root["numerator"]
    xlsx = tmp_path / "nu.xlsx"
    code, _out, err = run(capsys, "--db", str(demo_db_path), "report", "people", "can_bo_nu", "--part", "not_met",
                          "--xlsx", str(xlsx))
    assert code == 0 and f"Đã ghi {xlsx}" in err
    ws = load_workbook(xlsx).active
    assert ws is not None and ws.max_row - 4 == root["denominator"] - root["numerator"]


@pytest.mark.parametrize(("args", "message", "exit_code"), [
    (["report", "targets", "--unit", "99.X"], "Không tìm thấy đơn vị «99.X»", 3),
    (["report", "targets", "--at", "31/02/2024"], "không hợp lệ", 2),
    (["report", "targets", "--at", "2999-01-01"], "ở tương lai", 2),
    (["report", "targets", "--xlsx", "/khong/co/thu-muc/x.xlsx"], "không tồn tại", 2),
    (["report", "targets", "--pdf", "bao-cao.docx"], "phải có đuôi .pdf", 2),
    (["report", "people", "khong_co_chi_tieu"], "Không có chỉ tiêu", 3),
    (["report", "people", "can_bo_nu", "--part", "tat_ca"], "lựa chọn không hợp lệ", 2),
])
def test_errors_are_vietnamese_with_an_exit_code(demo_db_path: Path, capsys: pytest.CaptureFixture[str],
                                                 args: list[str], message: str, exit_code: int) -> None:
    try:
        code, out, err = run(capsys, "--db", str(demo_db_path), *args)
    except SystemExit as exc:  # argparse's own usage errors
        code, (out, err) = int(exc.code or 0), capsys.readouterr()
    assert code == exit_code and message in err and out == ""
