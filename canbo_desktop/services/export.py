"""Export the current cadre list to XLSX: a header a clerk keeps, widths, frozen panes, dd/mm/yyyy."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.cadre import SEX_LABELS, CadreSummary, ListFilter
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services.cadres import list_cadres, search_cadres

STATUS_LABELS = {"dang_cong_tac": "Đang công tác", "nghi_huu": "Nghỉ hưu", "chuyen_cong_tac": "Đã chuyển công tác",
                 "thoi_viec": "Thôi việc", "biet_phai": "Biệt phái", "tu_tran": "Từ trần",
                 "nghi_khong_luong": "Nghỉ không lương"}
# (key, header, width in characters)
COLUMNS: list[tuple[str, str, int]] = [
    ("stt", "STT", 6), ("full_name", "Họ và tên", 28), ("birth_date", "Ngày sinh", 12), ("sex", "Giới tính", 9),
    ("unit_name", "Đơn vị", 40), ("unit_code", "Mã đơn vị", 14), ("current_position", "Chức vụ", 24),
    ("id_number", "Số CCCD", 15), ("status", "Trạng thái", 16),
]
PAGE = 2000


def _value(key: str, i: int, r: CadreSummary) -> object:
    if key == "stt":
        return i
    if key == "birth_date":
        if r.birth_date is None:
            return None
        return r.birth_date.year if r.birth_precision == "year" else r.birth_date
    if key == "sex":
        return SEX_LABELS.get(r.sex, r.sex)
    if key == "status":
        return STATUS_LABELS.get(r.status, r.status)
    return getattr(r, key)


def export_cadre_list(
    uowf: UowFactory, path: Path, *, typed: str = "", f: ListFilter | None = None, title: str = "Danh sách cán bộ",
    columns: list[str] | None = None, progress: Callable[[float, str], None] | None = None,
) -> int:
    """Write the list (the search ``typed`` within filter ``f``, or the whole filtered list) to ``path``.

    Written to a temporary file in the same folder and renamed, so a half-written file never replaces a
    good one. Returns the number of people written.
    """
    f = f or ListFilter()
    cols = [c for c in COLUMNS if columns is None or c[0] in columns or c[0] == "stt"]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.freeze_panes = "C4"
    for idx, (_k, _h, width) in enumerate(cols):
        ws.column_dimensions[chr(ord("A") + idx)].width = width
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def cell(value: object, *, font: Font = normal, fill: PatternFill | None = None, number_format: str = "") -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        c.font = font
        c.border = border
        if fill is not None:
            c.fill = fill
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if number_format:
            c.number_format = number_format
        return c

    heading = WriteOnlyCell(ws, value=title.upper())
    heading.font = Font(name="Times New Roman", bold=True, size=14)
    ws.append([heading])
    sub = WriteOnlyCell(ws, value=f"Ngày xuất: {date.today().strftime('%d/%m/%Y')}" + (f" — tìm: “{typed}”" if typed else ""))
    sub.font = Font(name="Times New Roman", italic=True, size=11)
    ws.append([sub])
    fill = PatternFill("solid", fgColor="DDE7F3")
    ws.append([cell(h, font=bold, fill=fill) for _k, h, _w in cols])
    written = 0
    offset = 0
    while True:
        if typed.strip():
            rows = search_cadres(uowf, typed, limit=PAGE, offset=offset, f=f)
        else:
            rows = list_cadres(uowf, f, offset=offset, limit=PAGE)
        for r in rows:
            written += 1
            out = []
            for key, _h, _w in cols:
                v = _value(key, written, r)
                fmt = "DD/MM/YYYY" if isinstance(v, date) else ""
                out.append(cell(v, number_format=fmt))
            ws.append(out)
        if progress:
            progress(min(0.99, written / max(written + 1, 1)), f"Đã ghi {written} người")
        if len(rows) < PAGE:
            break
        offset += PAGE
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CanboError(f"Thư mục “{folder}” không tồn tại.")
    fd, tmp = tempfile.mkstemp(prefix=".canbo-", suffix=".xlsx", dir=folder)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CanboError(f"Không ghi được tệp “{path}”: {exc.strerror or exc}.") from exc
    return written
