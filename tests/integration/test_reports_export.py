"""Exports of the reports: the XLSX opened again with openpyxl holds the same numbers (and the formatting a
clerk keeps); the PDF's text, read back with pdftotext, has the figures, the charts' labels and the NĐ 30
header, in embedded fonts only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from canbo_desktop.services import reports as reports_svc
from canbo_desktop.services.database import Database
from canbo_desktop.services.pdf.report import render_statistics_pdf, render_targets_pdf
from canbo_desktop.services.reports_xlsx import (
    share,
    write_people_xlsx,
    write_statistics_xlsx,
    write_targets_xlsx,
)
from tests.integration.test_pdf_cv import assert_fonts_embedded, pdftext
from tests.integration.test_reports import build_tree


def test_targets_workbook_reopened_has_the_same_numbers(empty_db: Database, tmp_path: Path) -> None:
    build_tree(empty_db)
    uowf = empty_db.uow("canbo")
    report = reports_svc.targets_report(uowf, unit_code="40")
    trend = reports_svc.targets_trend(uowf, unit_code="40", years=2)
    path = write_targets_xlsx(report, tmp_path / "chi-tieu.xlsx", trend=trend)
    wb = load_workbook(path)
    ws = wb["Chỉ tiêu"]
    assert ws["A1"].value == "KẾT QUẢ THỰC HIỆN CHỈ TIÊU CƠ CẤU ĐỘI NGŨ CÁN BỘ"
    assert ws.freeze_panes == "E6" and ws.auto_filter.ref and ws["A1"].font.name == "Times New Roman"
    assert [c.value for c in ws[5]][:7] == ["STT", "Mã đơn vị", "Đơn vị", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ"]
    back = list(ws.iter_rows(min_row=6, values_only=True))
    assert len(back) == len(report.rows)
    for row, cells in zip(report.rows, back, strict=True):
        _stt, code, unit, name, n, d, ratio, threshold, deadline, verdict, unknown, excluded, message = cells
        assert (code, unit, name, n, d, unknown, excluded, message) == (
            row.unit_code, row.unit_name, row.name, row.numerator, row.denominator, row.unknown, row.excluded,
            row.message)
        assert ratio == share(row.numerator, row.denominator)
        assert ratio is None or abs(ratio - row.numerator / row.denominator) < 1e-12
        assert threshold == (None if row.threshold is None else row.threshold / 100)
        assert (deadline.date() if deadline else None) == row.deadline
        assert verdict == {True: "Đạt", False: "Chưa đạt", None: "—"}[row.met] if row.threshold is not None \
            else verdict == "Theo dõi"
    women = next(r for r in ws.iter_rows(min_row=6) if r[1].value == "40" and r[3].value == "Tỷ lệ cán bộ nữ")
    assert (women[4].value, women[5].value, women[6].number_format, women[8].number_format) == (1, 8, "0.00%",
                                                                                               "DD/MM/YYYY")
    assert women[9].value == "Chưa đạt" and women[2].font.bold
    wide = wb["Tổng hợp"]
    assert wide.freeze_panes == "D6" and "A4:A5" in {str(x) for x in wide.merged_cells.ranges}
    province = next(r for r in wide.iter_rows(min_row=6, values_only=True) if r[1] == "40")
    assert province[3 + 3 * 1: 3 + 3 * 1 + 3] == (1, 8, 1 / 8)  # women: numerator, denominator, share
    trend_ws = wb["Xu hướng"]
    assert [c.value.date() for c in trend_ws[4][3:]] == [p.on for p in trend]
    assert trend_ws.cell(row=6, column=3 + len(trend)).value == 1 / 8  # the women's line, today
    sources = wb["Căn cứ"]
    assert sources["A4"].value == "can_bo_tre" and "KH 177/KH-UBND" in sources["E4"].value


def test_statistics_workbook_reopened_has_the_same_numbers(empty_db: Database, tmp_path: Path) -> None:
    build_tree(empty_db)
    report = reports_svc.statistics_report(empty_db.uow("canbo"), unit_code="40", depth=2)
    path = write_statistics_xlsx(report, tmp_path / "thong-ke.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["SL-CL", "Giới tính", "Độ tuổi", "Dân tộc", "Tôn giáo", "Loại cán bộ", "Ngạch",
                             "Trình độ CM", "LLCT", "QLNN", "Đảng viên"]
    for table in report.tables:
        ws = wb[{"so_luong_chat_luong": "SL-CL"}.get(table.key, ws_name(table.key))]
        assert ws["A1"].value == table.title.upper()
        assert ws.freeze_panes == "C8" and ws.cell(row=7, column=3).value == "1"  # column numbers under the header
        groups = [c.group for c in table.columns]
        for j, col in enumerate(table.columns):
            assert ws.cell(row=6 if col.group else 5, column=3 + j).value == col.label
            if col.group and (j == 0 or groups[j - 1] != col.group):
                assert ws.cell(row=5, column=3 + j).value == col.group
        back = list(ws.iter_rows(min_row=8, max_row=7 + len(table.rows), values_only=True))
        for row, cells in zip(table.rows, back, strict=True):
            assert (cells[0] or "") == row.stt and cells[1] == row.label
            assert tuple(cells[2:2 + len(row.values)]) == row.values
    total = wb["SL-CL"].cell(row=7 + len(report.tables[0].rows), column=3)
    assert total.value == 11 and total.font.bold


def ws_name(key: str) -> str:
    from canbo_desktop.services.reports_xlsx import SHEET_NAMES

    return SHEET_NAMES[key]


def test_people_workbook(empty_db: Database, tmp_path: Path) -> None:
    build_tree(empty_db)
    people = reports_svc.target_people(empty_db.uow("canbo"), "can_bo_nu", unit_code="40", part="not_met")
    path = write_people_xlsx(people, tmp_path / "ds.xlsx", title="Lãnh đạo chưa đạt tiêu chí", subtitle="Tỉnh Thử")
    ws = load_workbook(path).active
    assert ws is not None
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert [r[1] for r in rows] == [p.full_name for p in people] and len(rows) == 7
    assert all(isinstance(r[2].date() if hasattr(r[2], "date") else None, date) for r in rows)


def test_targets_pdf_has_the_figures_the_charts_and_the_header(empty_db: Database, tmp_path: Path) -> None:
    build_tree(empty_db)
    uowf = empty_db.uow("canbo")
    report = reports_svc.targets_report(uowf, unit_code="40")
    trend = reports_svc.targets_trend(uowf, unit_code="40", years=2)
    out = tmp_path / "bao-cao.pdf"
    pages = render_targets_pdf(report, str(out), trend=trend, issuer="Sở Nội vụ", parent_body="Ủy ban nhân dân tỉnh Thử",
                               place="Thử", symbol="SNV")
    assert pages >= 3
    text = " ".join(pdftext(out).split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ NỘI VỤ", "/BC-SNV",
                     "BÁO CÁO", f"tính đến ngày {date.today():%d/%m/%Y}", "I. KẾT QUẢ CHUNG",
                     "Tỉnh Thử: 1/8 = 12,5%: chưa đạt (chỉ tiêu ≥ 15% đến 31/12/2025).",
                     "Sở Nội vụ", "Xã Tân Lập", "chỉ tiêu ≥ 15%",  # the chart's threshold label
                     "33,33%", "Tỷ lệ cán bộ người dân tộc thiểu số", "III. DIỄN BIẾN QUA CÁC NĂM", "THỦ TRƯỞNG ĐƠN VỊ"):
        assert expected in text, expected
    # one bar chart per indicator (its 0–100% axis across), the trend's line chart (the axis upwards, the dates)
    assert text.count("20% 40% 60% 80% 100%") == len(report.indicators)
    assert "100% 80% 60% 40% 20% 0% " + " ".join(f"{p.on:%d/%m/%Y}" for p in trend) in text
    assert_fonts_embedded(out)


def test_statistics_pdf_is_landscape_with_every_form(empty_db: Database, tmp_path: Path) -> None:
    import subprocess

    build_tree(empty_db)
    report = reports_svc.statistics_report(empty_db.uow("canbo"), unit_code="40", depth=2)
    out = tmp_path / "thong-ke.pdf"
    pages = render_statistics_pdf(report, str(out), issuer="Sở Nội vụ")
    assert pages == len(report.tables)
    text = " ".join(pdftext(out).split())
    for expected in ("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC", "THỐNG KÊ THEO DÂN TỘC", "Trực tiếp tại Sở Nội vụ",
                     "Tổng cộng", "Ê Đê", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "Viết tắt: CVCC"):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert "841.89 x 595.276" in info  # A4 landscape
    assert_fonts_embedded(out)


def test_a_province_sized_dashboard_keeps_every_unit_in_the_wide_sheet(tmp_path: Path) -> None:
    from canbo_desktop.domain import reports as r

    ind = [r.IndicatorInfo(f"i{k}", f"Chỉ tiêu {k}", 15.0, ">=", None, "", "") for k in range(7)]
    root = r.UnitNode("p", "40", "Tỉnh", None, "/p/", 0)
    units = [root] + [r.UnitNode(f"c{i}", f"40.C{i:03d}", f"Xã {i}", "p", f"/p/c{i}/", 1) for i in range(40)]
    units += [r.UnitNode(f"c{i}o{j}", f"40.C{i:03d}.{j:02d}", f"Phòng {j} xã {i}", f"c{i}", f"/p/c{i}/c{i}o{j}/", 2)
              for i in range(40) for j in range(20)]
    direct = {u.id: r.pack_counts(ind, {i.code: r.TargetCount(1, 3) for i in ind}) for u in units if u.depth == 2}
    report = r.build_targets_report(date(2026, 1, 1), False, root, units, ind, direct)
    assert len(report.rows) > 5000
    wb = load_workbook(write_targets_xlsx(report, tmp_path / "tinh.xlsx"))
    long_rows = list(wb["Chỉ tiêu"].iter_rows(min_row=6, values_only=True))
    assert len(long_rows) == 41 * 7 and "mọi đơn vị có ở trang «Tổng hợp»" in wb["Chỉ tiêu"]["A3"].value
    assert long_rows[0][4:6] == (800, 2400)  # the province: 800 offices × 1/3
    wide = list(wb["Tổng hợp"].iter_rows(min_row=6, values_only=True))
    assert len(wide) == len(units) and wide[-1][3:6] == (1, 3, round(1 / 3, 12))
