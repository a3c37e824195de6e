"""Export a cadre list to XLSX in the layout the Excel import reads back (round trip).

The sheet has a title, an export line and then the header row; each column's header is the import's
name for its field (``domain/import_parse.FIELDS``), dates are real dates shown dd/mm/yyyy (a birth year
alone stays a year, a month and year is written "07/1965"), codes are written as their names (the import
matches names and aliases), the CCCD is text (its leading zeros stay). Importing the file again changes
nothing. Ethnicity and religion are sensitive (domain.md §8): they are written only on request.
Every export is recorded in the audit log (who, how many people, which file, with sensitive columns or not).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from copy import copy
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from canbo_desktop.db import access
from canbo_desktop.db import importing as dbi
from canbo_desktop.db.repositories import OrgUnitRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.access import AccessDenied, Op, require
from canbo_desktop.domain.cadre import SEX_LABELS, Cadre, ListFilter
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.import_parse import FIELD_BY_KEY
from canbo_desktop.i18n import translate, vietnamese_document
from canbo_desktop.services.cadres import list_cadres, search_cadres

# Written in the Excel file (documents stay Vietnamese).
STATUS_LABELS = {"dang_cong_tac": "Đang công tác", "nghi_huu": "Nghỉ hưu",  # i18n: data
                 "chuyen_cong_tac": "Đã chuyển công tác",  # i18n: data
                 "thoi_viec": "Thôi việc", "biet_phai": "Biệt phái", "tu_tran": "Từ trần",  # i18n: data
                 "nghi_khong_luong": "Nghỉ không lương"}  # i18n: data
# (field key of the import, width in characters); "stt" is the running number.
LAYOUT: list[tuple[str, int]] = [
    ("stt", 6), ("full_name", 28), ("birth_date", 12), ("sex", 9), ("birthplace", 30), ("hometown", 30),
    ("ethnicity_code", 12), ("religion_code", 14), ("id_number", 15), ("id_issue_date", 12), ("id_issue_place", 24),
    ("unit_name", 36), ("unit_code", 12), ("current_position", 24), ("category", 16), ("status", 16),
    ("recruitment_date", 12), ("grade_code", 10), ("salary_step", 8), ("salary_coefficient", 9),
    ("salary_step_date", 12), ("education_level", 16), ("education_major", 22), ("political_theory", 14),
    ("state_mgmt", 16), ("foreign_language", 18), ("it_level", 18), ("party_join_date", 12),
    ("party_official_date", 12), ("phone", 13), ("email", 24), ("permanent_address", 34), ("current_address", 34),
]
SENSITIVE = frozenset(k for k, _w in LAYOUT if k in FIELD_BY_KEY and FIELD_BY_KEY[k].sensitive)
# The list's former column keys, still accepted in ``columns``.
_OLD_KEYS = {"unit_name": "unit_name", "unit_code": "unit_code", "current_position": "current_position",
             "id_number": "id_number", "status": "status", "full_name": "full_name", "birth_date": "birth_date",
             "sex": "sex"}
CODE_FIELDS = {k: FIELD_BY_KEY[k].code_list for k, _w in LAYOUT if k in FIELD_BY_KEY and FIELD_BY_KEY[k].kind == "code"}
PAGE = 2000
DATE_FORMAT = "DD/MM/YYYY"


def _layout(columns: list[str] | None, include_sensitive: bool) -> list[tuple[str, int]]:
    out = []
    for key, width in LAYOUT:
        if key in SENSITIVE and not include_sensitive:
            continue
        if columns is not None and key != "stt" and key not in columns and _OLD_KEYS.get(key) not in columns:
            continue
        out.append((key, width))
    return out


def _cell_value(key: str, i: int, c: Cadre, unit: tuple[str, str], names: dict[str, dict[str, str]]) -> Any:
    if key == "stt":
        return i
    if key == "birth_date":
        if c.birth_date is None:
            return None
        if c.birth_precision == "year":
            return c.birth_date.year
        if c.birth_precision == "month":
            return f"{c.birth_date.month:02d}/{c.birth_date.year:04d}"
        return c.birth_date
    if key == "sex":
        return SEX_LABELS.get(c.sex, c.sex)
    if key == "unit_code":
        return unit[0]
    if key == "unit_name":
        return unit[1]
    value = getattr(c, key)
    if key in CODE_FIELDS:
        if not value:
            return None
        label = names.get(CODE_FIELDS[key], {}).get(value)
        if label is None and key == "status":
            label = STATUS_LABELS.get(value)
        return label or value
    if value == "" or value is None:
        return None
    return value


def _ids(uowf: UowFactory, typed: str, f: ListFilter) -> list[str]:
    ids: list[str] = []
    offset = 0
    while True:
        rows = search_cadres(uowf, typed, limit=PAGE, offset=offset, f=f) if typed.strip() else \
            list_cadres(uowf, f, offset=offset, limit=PAGE)
        ids.extend(r.id for r in rows)
        if len(rows) < PAGE:
            return ids
        offset += PAGE


@vietnamese_document
def export_cadre_list(
    uowf: UowFactory, path: Path, *, typed: str = "", f: ListFilter | None = None,
    title: str = "Danh sách cán bộ",  # i18n: data (the file's heading)
    columns: list[str] | None = None, progress: Callable[[float, str], None] | None = None,
    include_sensitive: bool = False,
) -> int:
    """Write the list (the search ``typed`` within filter ``f``, or the whole filtered list) to ``path``.

    ``columns``: field keys to keep (default: the whole import layout). ``include_sensitive`` adds ethnicity
    and religion. Written to a temporary file in the same folder and renamed, so a half-written file never
    replaces a good one. Returns the number of people written.
    """
    f = f or ListFilter()
    with uowf() as uow:  # the people come from the user's scope (services/cadres); sensitive columns need the right
        principal = access.principal_of(uow)
        require(principal, Op.EXPORT)
        if include_sensitive and not principal.can_view_sensitive:
            raise AccessDenied(translate("services.export", "Your account may not view sensitive data, so the "
                                         "Ethnicity and Religion columns cannot be exported. Untick these columns or "
                                         "ask the administrator for the permission."))
    cols = _layout(columns, include_sensitive)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CanboError(translate("services.export", "The folder “{folder}” does not exist.").format(folder=folder))
    ids = _ids(uowf, typed, f)
    with uowf() as uow:
        units = {u.id: (u.code, u.name) for u in OrgUnitRepository(uow.session).all()}
        names: dict[str, dict[str, str]] = {}
        for r in dbi.code_rows(uow.session):
            names.setdefault(r.list_key, {})[r.code] = r.name

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")  # i18n: data
    ws.freeze_panes = "C4"
    for idx, (_k, width) in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(idx)].width = width
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="DDE7F3")

    def styled(value: object, *, font: Font = normal, head: bool = False) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        c.font = font
        c.border = border
        if head:
            c.fill = fill
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if isinstance(value, date):
            c.number_format = DATE_FORMAT
        return c

    # Setting a style on every cell hashes the style objects each time (9 s for 2,000 people); the data cells
    # copy the style index array of two template cells instead.
    plain_style, date_style = styled("")._style, styled(date(2000, 1, 1))._style

    def cell(value: object) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        c._style = copy(date_style if isinstance(value, date) else plain_style)
        if isinstance(value, str):
            c.data_type = "s"  # text stays text (a CCCD's leading zeros, a value starting with "=")
        return c

    heading = WriteOnlyCell(ws, value=title.upper())
    heading.font = Font(name="Times New Roman", bold=True, size=14)
    ws.append([heading])
    sub = WriteOnlyCell(ws, value=f"Ngày xuất: {date.today().strftime('%d/%m/%Y')}"  # i18n: data
                        + (f" — tìm: “{typed}”" if typed else ""))  # i18n: data
    sub.font = Font(name="Times New Roman", italic=True, size=11)
    ws.append([sub])
    ws.append([styled(FIELD_BY_KEY[k].label, font=bold, head=True) for k, _w in cols])
    written = 0
    for start in range(0, len(ids), PAGE):
        part = ids[start: start + PAGE]
        with uowf() as uow:
            people = dbi.load_cadres(uow.session, part)
        for cid in part:
            c = people.get(cid)
            if c is None:
                continue
            written += 1
            unit = units.get(c.owner_unit_id, ("", ""))
            ws.append([cell(_cell_value(k, written, c, unit, names)) for k, _w in cols])
        if progress:
            progress(min(0.99, (start + len(part)) / max(len(ids), 1)),
                     translate("services.export", "Wrote {count} people").format(count=written))
    save_workbook(wb, path)
    with uowf() as uow:
        uow.audit("export", "cadre", "", {"file": path.name, "rows": written, "sensitive": bool(cols and include_sensitive),
                                          "columns": [k for k, _w in cols]})
        uow.commit()
    return written


def save_workbook(wb: Any, path: Path) -> Path:
    """Write an openpyxl workbook safely: a temporary file in the same folder, then one rename, so a
    half-written file never takes the name (power cut, full USB stick). Vietnamese errors."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CanboError(translate("services.export", "The folder “{folder}” does not exist.").format(folder=folder))
    fd, tmp = tempfile.mkstemp(prefix=".canbo-", suffix=".xlsx", dir=folder)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CanboError(translate("services.export", "Could not write the file “{path}”: {error}.").format(
            path=path, error=exc.strerror or exc)) from exc
    return path
