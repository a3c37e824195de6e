"""The reports as Excel workbooks a clerk keeps and sends upward: title and header rows, merged group
headers, column widths, frozen panes, filters, real numbers (counts, percentages as ``0,00%``, dates as
``dd/mm/yyyy``: Excel shows the decimal comma and the thousands dot of a Vietnamese Windows).

* ``write_targets_xlsx(report, path, trend=None)``: the dashboard, one row per unit and indicator (sheet
  "Chỉ tiêu"), the same as a wide table (sheet "Tổng hợp"), the trend (sheet "Xu hướng"), the indicators'
  definitions and sources (sheet "Căn cứ").
* ``write_statistics_xlsx(report, path)``: one sheet per statistics table, laid out as the form.
* ``write_people_xlsx(people, path, title=…)``: the people behind a number (drill-down list).

Each writes a temporary file in the same folder and renames it, so a half-written file never replaces a
good one. Recording the export in the audit log is ``services.reports.record_report_export``.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from datetime import date
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from canbo_desktop.domain import reports as r
from canbo_desktop.domain.cadre import SEX_LABELS, CadreSummary
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.text import clean_line
from canbo_desktop.i18n import vietnamese_document
from canbo_desktop.services.export import save_workbook

FONT = "Times New Roman"
DATE_FORMAT = "DD/MM/YYYY"
INT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00%"
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F3")
MET_FILL = PatternFill("solid", fgColor="D8F0D8")
NOT_MET_FILL = PatternFill("solid", fgColor="F8D7D5")
INFO_FILL = PatternFill("solid", fgColor="EEEEEE")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
SHEET_NAMES = {"so_luong_chat_luong": "SL-CL", "sex": "Giới tính", "age": "Độ tuổi", "ethnicity": "Dân tộc",
               "religion": "Tôn giáo", "category": "Loại cán bộ", "grade": "Ngạch", "education": "Trình độ CM",
               "political": "LLCT", "state_mgmt": "QLNN", "party": "Đảng viên"}


def _font(*, bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size)


# per workbook: style key → the StyleArray of a cell styled that way (the indexes point into that workbook)
_STYLES: WeakKeyDictionary[Workbook, dict[tuple[Any, ...], Any]] = WeakKeyDictionary()


def _put(ws: Worksheet, row: int, col: int, value: Any, *, bold: bool = False, fmt: str | None = None,
         fill: PatternFill | None = None, indent: int = 0, wrap: bool = False, center: bool = False,
         border: bool = True) -> Any:
    """Write one data cell. Assigning fonts, borders and fills hashes them into the workbook's style tables
    on every cell (a province's 300,000 cells took 50 s): each distinct style is built once and its style
    indexes copied onto the next cells."""
    if isinstance(value, str):
        value = clean_line(value)
    if fmt is None:
        if isinstance(value, date):
            fmt = DATE_FORMAT
        elif isinstance(value, int) and not isinstance(value, bool):
            fmt = INT_FORMAT
    cell = ws.cell(row=row, column=col, value=value)
    styles = _STYLES.setdefault(ws.parent, {})
    key = (bold, fmt, None if fill is None else fill.fgColor.rgb, indent, wrap, center, border)
    style = styles.get(key)
    if style is not None:
        cell._style = copy(style)
        return cell
    cell.font = _font(bold=bold)
    if border:
        cell.border = BORDER
    if fmt:
        cell.number_format = fmt
    if fill is not None:
        cell.fill = fill
    cell.alignment = Alignment(horizontal="center" if center else None, vertical="center", wrap_text=wrap,
                               indent=indent)
    styles[key] = copy(cell._style)
    return cell


def _heading(ws: Worksheet, row: int, text: str, width: int, *, size: int = 14, bold: bool = True,
             italic: bool = False) -> None:
    cell = ws.cell(row=row, column=1, value=clean_line(text))
    cell.font = _font(bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if width > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _header_cell(ws: Worksheet, row: int, col: int, text: str) -> None:
    cell = ws.cell(row=row, column=col, value=clean_line(text))
    cell.font = _font(bold=True, size=11)
    cell.fill = HEAD_FILL
    cell.border = BORDER
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _print_setup(ws: Worksheet, title_rows: str) -> None:
    """Landscape A4, as wide as the page (as many pages down as needed), header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True


def _save(wb: Workbook, path: Path) -> Path:
    return save_workbook(wb, path)


def _dated_title(root: r.UnitNode, at: date, reconstructed: bool) -> str:
    return f"Đơn vị: {root.name} — tính đến ngày {format_date(at)}" + (
        " (số liệu dựng lại từ lịch sử hồ sơ)" if reconstructed else "")


def share(numerator: int, denominator: int) -> float | None:
    """The share written in a percent cell: 12 decimals, which the file keeps exactly (openpyxl writes 16
    significant digits, so an unrounded quotient would come back one digit different)."""
    return round(numerator / denominator, 12) if denominator else None


def _fill_for(row: r.TargetRow) -> PatternFill | None:
    if row.threshold is None:
        return INFO_FILL
    if row.met is None:
        return None
    return MET_FILL if row.met else NOT_MET_FILL


# ------------------------------------------------------------------------------------------- targets


TARGET_COLUMNS = [("STT", 6), ("Mã đơn vị", 14), ("Đơn vị", 40), ("Chỉ tiêu", 44), ("Tử số", 9), ("Mẫu số", 9),
                  ("Tỷ lệ", 10), ("Ngưỡng", 10), ("Hạn", 12), ("Kết quả", 11), ("Thiếu dữ liệu tử số", 12),
                  ("Thiếu dữ liệu mẫu số", 12), ("Diễn giải", 70)]


LONG_SHEET_MAX_ROWS = 5000  # a province's 3,000 units × 7 indicators: the long sheet keeps two levels


@vietnamese_document
def write_targets_xlsx(report: r.TargetsReport, path: Path, *, trend: Sequence[r.TrendPoint] | None = None) -> Path:
    """The targets dashboard as a workbook (see the module docstring). Returns ``path``.

    The sheet "Chỉ tiêu" (one row per unit and indicator) holds every unit up to 5,000 rows; above that (a
    province's whole tree) it holds the unit and its direct units, and the sheet "Tổng hợp" every unit."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Chỉ tiêu"
    width = len(TARGET_COLUMNS)
    rows = report.rows if len(report.rows) <= LONG_SHEET_MAX_ROWS else [x for x in report.rows if x.level <= 1]
    _heading(ws, 1, "Kết quả thực hiện chỉ tiêu cơ cấu đội ngũ cán bộ".upper(), width)
    _heading(ws, 2, _dated_title(report.root, report.at, report.reconstructed), width, size=12, bold=False,
             italic=True)
    note = "Tỷ lệ của một đơn vị tính trên toàn bộ các đơn vị trực thuộc (cộng tử số và mẫu số)."
    if len(rows) < len(report.rows):
        note += " Bảng này gồm đơn vị và các đơn vị trực thuộc trực tiếp; mọi đơn vị có ở trang «Tổng hợp»."
    _heading(ws, 3, note, width, size=11, bold=False, italic=True)
    head = 5
    for col, (label, _w) in enumerate(TARGET_COLUMNS, start=1):
        _header_cell(ws, head, col, label)
    _widths(ws, [w for _l, w in TARGET_COLUMNS])
    row_no = head
    for i, row in enumerate(rows, start=1):
        row_no += 1
        ratio = share(row.numerator, row.denominator)
        values: list[Any] = [i, row.unit_code, row.unit_name, row.name, row.numerator, row.denominator, ratio,
                             None if row.threshold is None else row.threshold / 100, row.deadline,
                             r.verdict(row.met, row.threshold), row.unknown, row.excluded, row.message]
        for col, value in enumerate(values, start=1):
            _put(ws, row_no, col, value, bold=row.level == 0 and col in (3, 7, 10),
                 fmt=PERCENT_FORMAT if col in (7, 8) else None, fill=_fill_for(row) if col == 10 else None,
                 indent=row.level if col == 3 else 0, center=col in (1, 10))
    ws.freeze_panes = ws.cell(row=head + 1, column=5)
    ws.auto_filter.ref = f"A{head}:{get_column_letter(width)}{max(row_no, head)}"
    _print_setup(ws, f"{head}:{head}")

    _wide_sheet(wb.create_sheet("Tổng hợp"), report)
    if trend:
        _trend_sheet(wb.create_sheet("Xu hướng"), report, trend)
    _sources_sheet(wb.create_sheet("Căn cứ"), report)
    return _save(wb, path)


def _wide_sheet(ws: Worksheet, report: r.TargetsReport) -> None:
    """Units down, indicators across (numerator, denominator, percent under each indicator's name)."""
    width = 3 + 3 * len(report.indicators)
    _heading(ws, 1, "Tổng hợp chỉ tiêu cơ cấu đội ngũ cán bộ theo đơn vị".upper(), width)
    _heading(ws, 2, _dated_title(report.root, report.at, report.reconstructed), width, size=12, bold=False,
             italic=True)
    top, sub = 4, 5
    for col, label in ((1, "STT"), (2, "Mã đơn vị"), (3, "Đơn vị")):
        _header_cell(ws, top, col, label)
        _header_cell(ws, sub, col, "")
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    for k, ind in enumerate(report.indicators):
        first = 4 + 3 * k
        label = ind.name if ind.threshold is None else f"{ind.name} ({'≥' if ind.comparison == '>=' else '≤'} " \
                                                        f"{r.percent_text(ind.threshold)})"
        _header_cell(ws, top, first, label)
        for j in range(1, 3):
            _header_cell(ws, top, first + j, "")
        ws.merge_cells(start_row=top, start_column=first, end_row=top, end_column=first + 2)
        for j, text in enumerate(("Tử số", "Mẫu số", "Tỷ lệ")):
            _header_cell(ws, sub, first + j, text)
    ws.row_dimensions[top].height = 48
    _widths(ws, [6, 14, 40] + [9, 9, 10] * len(report.indicators))
    row_no = sub
    for i, unit in enumerate(report.units, start=1):
        row_no += 1
        rows = report.for_unit(unit.id)
        level = rows[0].level if rows else 0
        _put(ws, row_no, 1, i, center=True)
        _put(ws, row_no, 2, unit.code)
        _put(ws, row_no, 3, unit.name, indent=level, bold=level == 0)
        for k, row in enumerate(rows):
            first = 4 + 3 * k
            _put(ws, row_no, first, row.numerator)
            _put(ws, row_no, first + 1, row.denominator)
            _put(ws, row_no, first + 2, share(row.numerator, row.denominator), fmt=PERCENT_FORMAT,
                 fill=_fill_for(row))
    ws.freeze_panes = ws.cell(row=sub + 1, column=4)
    _print_setup(ws, f"{top}:{sub}")


def _trend_sheet(ws: Worksheet, report: r.TargetsReport, trend: Sequence[r.TrendPoint]) -> None:
    width = 3 + len(trend)
    _heading(ws, 1, f"Diễn biến các chỉ tiêu của {report.root.name}".upper(), width)
    _heading(ws, 2, "Tỷ lệ tại ngày 31/12 các năm trước và tại ngày báo cáo (số liệu các ngày đã qua dựng lại từ "
                    "lịch sử hồ sơ).", width, size=11, bold=False, italic=True)
    head = 4
    _header_cell(ws, head, 1, "STT")
    _header_cell(ws, head, 2, "Chỉ tiêu")
    _header_cell(ws, head, 3, "Ngưỡng")
    for j, point in enumerate(trend):
        cell = ws.cell(row=head, column=4 + j, value=point.on)
        cell.number_format = DATE_FORMAT
        cell.font = _font(bold=True, size=11)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center")
    _widths(ws, [6, 48, 10] + [12] * len(trend))
    for i, ind in enumerate(report.indicators, start=1):
        row_no = head + i
        _put(ws, row_no, 1, i, center=True)
        _put(ws, row_no, 2, ind.name)
        _put(ws, row_no, 3, None if ind.threshold is None else ind.threshold / 100, fmt=PERCENT_FORMAT)
        for j, point in enumerate(trend):
            row = next((x for x in point.rows if x.indicator == ind.code and x.level == 0), None)
            value = None if row is None else share(row.numerator, row.denominator)
            _put(ws, row_no, 4 + j, value, fmt=PERCENT_FORMAT, fill=None if row is None else _fill_for(row))
    ws.freeze_panes = ws.cell(row=head + 1, column=4)
    _print_setup(ws, f"{head}:{head}")


def _sources_sheet(ws: Worksheet, report: r.TargetsReport) -> None:
    _heading(ws, 1, "Căn cứ và cách tính các chỉ tiêu".upper(), 6)
    head = 3
    for col, label in enumerate(("Mã", "Chỉ tiêu", "Ngưỡng", "Hạn", "Căn cứ", "Ghi chú"), start=1):
        _header_cell(ws, head, col, label)
    _widths(ws, [24, 44, 10, 12, 60, 80])
    for i, ind in enumerate(report.indicators, start=1):
        row_no = head + i
        threshold = None if ind.threshold is None else f"{'≥' if ind.comparison == '>=' else '≤'} " \
                                                       f"{r.percent_text(ind.threshold)}"
        for col, value in enumerate((ind.code, ind.name, threshold or "Theo dõi", ind.deadline, ind.source, ind.note),
                                    start=1):
            _put(ws, row_no, col, value, wrap=col >= 5)
    row_no = head + len(report.indicators) + 2
    for note in [f"Quy định áp dụng: {report.legal_source}" if report.legal_source else "", *report.notes]:
        if note:
            cell = ws.cell(row=row_no, column=1, value=clean_line(note))
            cell.font = _font(italic=True, size=11)
            row_no += 1
    _print_setup(ws, f"{head}:{head}")


# ------------------------------------------------------------------------------------------- statistics


@vietnamese_document
def write_statistics_xlsx(report: r.StatisticsReport, path: Path) -> Path:
    """One sheet per statistics table, laid out as the form: STT, unit, total, grouped columns, a row of
    column numbers, the units (indented by level), the total row."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for table in report.tables:
        _stat_sheet(wb.create_sheet(SHEET_NAMES.get(table.key, table.key)[:31]), report, table)
    return _save(wb, path)


def _stat_sheet(ws: Worksheet, report: r.StatisticsReport, table: r.StatTable) -> None:
    n = len(table.columns)
    width = 2 + n
    _heading(ws, 1, table.title.upper(), width)
    _heading(ws, 2, _dated_title(report.root, report.at, report.reconstructed), width, size=12, bold=False,
             italic=True)
    _heading(ws, 3, "Đơn vị tính: người", width, size=11, bold=False, italic=True)
    top, sub, numbers = 5, 6, 7
    for col, label in ((1, "STT"), (2, "Tên đơn vị")):
        _header_cell(ws, top, col, label)
        _header_cell(ws, sub, col, "")
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    col = 3
    while col - 3 < n:
        c = table.columns[col - 3]
        if not c.group:
            _header_cell(ws, top, col, c.label)
            _header_cell(ws, sub, col, "")
            ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
            col += 1
            continue
        span = 1
        while col - 3 + span < n and table.columns[col - 3 + span].group == c.group:
            span += 1
        _header_cell(ws, top, col, c.group)
        for j in range(span):
            if j:
                _header_cell(ws, top, col + j, "")
            _header_cell(ws, sub, col + j, table.columns[col - 3 + j].label)
        if span > 1:
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + span - 1)
        col += span
    # the forms number their columns under the header: A, B, 1, 2, …
    for j, text in enumerate(["A", "B", *[str(i) for i in range(1, n + 1)]], start=1):
        cell = ws.cell(row=numbers, column=j, value=text)
        cell.font = _font(italic=True, size=10)
        cell.alignment = Alignment(horizontal="center")
        cell.border = BORDER
    ws.row_dimensions[sub].height = 60
    _widths(ws, [6, 42] + [9] * n)
    row_no = numbers
    for row in table.rows:
        row_no += 1
        total = row.kind == "total"
        fill = TOTAL_FILL if total else None
        _put(ws, row_no, 1, row.stt, center=True, fill=fill)
        _put(ws, row_no, 2, row.label, bold=total, indent=row.level, fill=fill)
        for j, v in enumerate(row.values):
            _put(ws, row_no, 3 + j, v, bold=total or j == 0, fill=fill)
    ws.freeze_panes = ws.cell(row=numbers + 1, column=3)
    _print_setup(ws, f"{top}:{numbers}")
    if table.note:
        cell = ws.cell(row=row_no + 2, column=1, value=clean_line("Ghi chú: " + table.note))
        cell.font = _font(italic=True, size=11)
    for i, note in enumerate(report.notes):
        cell = ws.cell(row=row_no + 3 + i, column=1, value=clean_line(note))
        cell.font = _font(italic=True, size=11)


# ------------------------------------------------------------------------------------------- people


STATUS_LABELS = {"dang_cong_tac": "Đang công tác", "biet_phai": "Biệt phái", "nghi_khong_luong": "Nghỉ không lương",
                 "nghi_huu": "Nghỉ hưu", "thoi_viec": "Thôi việc", "chuyen_cong_tac": "Đã chuyển công tác"}


def _birth(p: CadreSummary) -> Any:
    if p.birth_date is None:
        return None
    if p.birth_precision == "year":
        return p.birth_date.year
    if p.birth_precision == "month":
        return f"{p.birth_date.month:02d}/{p.birth_date.year:04d}"
    return p.birth_date


@vietnamese_document
def write_people_xlsx(people: Sequence[CadreSummary], path: Path, *, title: str, subtitle: str = "") -> Path:
    """A list of people (the drill-down of a number): name, birth, sex, unit, position, status."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh sách"
    columns = [("STT", 6), ("Họ và tên", 30), ("Ngày sinh", 12), ("Giới tính", 9), ("Mã đơn vị", 14),
               ("Đơn vị", 40), ("Chức vụ", 30), ("Trạng thái", 16)]
    _heading(ws, 1, title.upper(), len(columns))
    if subtitle:
        _heading(ws, 2, subtitle, len(columns), size=12, bold=False, italic=True)
    head = 4
    for col, (label, _w) in enumerate(columns, start=1):
        _header_cell(ws, head, col, label)
    _widths(ws, [w for _l, w in columns])
    for i, p in enumerate(people, start=1):
        values = [i, p.full_name, _birth(p), SEX_LABELS.get(p.sex, p.sex), p.unit_code, p.unit_name,
                  p.current_position, STATUS_LABELS.get(p.status, p.status)]
        for col, value in enumerate(values, start=1):
            _put(ws, head + i, col, value, center=col in (1, 3, 4))
    ws.freeze_panes = ws.cell(row=head + 1, column=3)
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(columns))}{head + max(1, len(people))}"
    _print_setup(ws, f"{head}:{head}")
    return _save(wb, path)
