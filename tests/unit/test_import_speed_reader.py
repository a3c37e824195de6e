"""The import's shortcuts through openpyxl (issue 13) read exactly what openpyxl's own readers read.

``services.importing`` reads the shared-string table and the value-only cells itself (``_fast_reader``,
``_fast_parser``) and hands anything unusual to openpyxl. With both shortcuts switched off, the same code
falls back on ``openpyxl.load_workbook`` and the public cell iterator: every workbook here — dates (1900 and
1904 systems, out of range, durations), numbers, booleans, errors, formulas, inline and rich text, legacy
fonts, cells without a coordinate, lower-case coordinates, odd row numbers, rich and phonetic shared strings —
must give the same table (values and their types, legacy-text notes) both ways, and the same warnings.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from benchmarks.importing import to_shared_strings
from canbo_desktop.domain.legacy_text import encode_surface
from canbo_desktop.services import importing as imp


def _workbook(path: Path, *, epoch_1904: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    if epoch_1904:
        wb.epoch = datetime(1904, 1, 1)
    ws.append(["DANH SÁCH"])
    ws.append([])
    ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Ghi chú", "Khác"])
    ws.append(["Nguyễn Văn An", date(1970, 5, 6), "Nam", 1.5, True])
    ws.append([encode_surface("Trần Thị Hà", "tcvn3"), datetime(1980, 1, 2, 3, 4), "Nữ", "=SUM(D4:D5)", False])
    ws.append([encode_surface("lê văn tám", "tcvn3"), "12/03/1975", "nam", 12345678901, None])
    ws.append([encode_surface("Phạm Ngọc Ánh", "vni"), 1965, "NỮ", "kinh", time(10, 30)])
    ws.append([encode_surface("Hoàng Thị Lụa", "viscii"), 25000, "Nam", "ABC", timedelta(days=2)])
    ws.append(["  hà  ", None, "Hà", "Hà", "Nguye\u0303n"])
    ws.append(["Đỗ Văn Bình", date(1990, 12, 31), "Nam", '=A4&"x"', "#N/A"])
    ws.append(["KINH", "kinh", "Kinh", "Kinh", "Kinh"])
    fonts = {"A5": ".VnTime", "A6": ".VnTimeH", "A7": "VNI-Times", "D11": ".VnTimeH", "B11": ".VnTime",
             "C11": ".VnTimeH", "A8": "Arial", "D7": ".VnTimeH", "E11": ".VnTime"}
    for ref, name in fonts.items():
        ws[ref].font = Font(name=name)
    ws.cell(row=14, column=3, value="Nam")
    ws.cell(row=14, column=40, value="xa")
    ws["E4"].number_format = "0.00"
    ws["D8"].number_format = "mm/dd/yyyy"
    ws.cell(row=15, column=2).number_format = "dd/mm/yyyy"  # a styled empty cell
    ws.cell(row=16, column=2, value=2958466).number_format = "dd/mm/yyyy"  # beyond 9999: openpyxl warns, an error
    ws.cell(row=17, column=2, value=1.25).number_format = "[h]:mm:ss"  # a duration
    ws.cell(row=18, column=2, value=-5).number_format = "dd/mm/yyyy"
    for i in range(30):
        ws.append([f"Người {i}", date(1970 + i, 1 + i % 12, 1 + i), "Nam" if i % 2 else "Nữ", i * 1.1, str(i)])
    wb.save(path)
    return path


def _rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members[member] = change(members[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


# Shared strings as Excel also writes them: rich text runs, phonetic guides, empty and escaped strings.
_ODD_STRINGS = [b'<si><r><t>Ng\xc3\xa0y </t></r><r><rPr><b/></rPr><t xml:space="preserve"> 5 </t></r></si>',
                b'<si><t>Tr\xe1\xba\xa7n</t><rPh sb="0" eb="1"><t>ph</t></rPh><phoneticPr fontId="1"/></si>',
                b"<si><t/></si>", b"<si/>", b"<si><t>a_x005F_x000D_b</t></si>",
                b'<si><t xml:space="preserve">  hai  </t></si>', b"<si><t>one</t><t>two</t></si>",
                b"<si><r><t/></r><r><t>x</t></r></si>", b"<si>loose<t>k</t></si>",
                b"<si><t>&amp;&lt;&#233;</t></si>", b"<si><t>L\xc2\xaa v\xc2\xa8n</t></si>",
                b'<x:si xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:t>ns</x:t></x:si>']


def _shared_strings(path: Path, *, odd: bool = False) -> Path:
    """openpyxl writes inline strings; Excel a shared-string table (the shortcut's case)."""
    return to_shared_strings(path, odd=_ODD_STRINGS if odd else ())


SHEET = "xl/worksheets/sheet1.xml"
VARIANTS: dict[str, Callable[[Path], Path]] = {
    "inline strings": lambda p: _workbook(p),
    "shared strings": lambda p: _shared_strings(_workbook(p)),
    "1904 dates": lambda p: _shared_strings(_workbook(p, epoch_1904=True)),
    "odd shared strings": lambda p: _shared_strings(_workbook(p), odd=True),
    "cells without coordinates": lambda p: _rewrite(_shared_strings(_workbook(p)), SHEET, lambda x: re.sub(
        rb'<c r="[A-Z]+(\d+)"', lambda m: b"<c" if int(m.group(1)) % 2 else m.group(0), x)),
    "lower-case coordinates": lambda p: _rewrite(_shared_strings(_workbook(p)), SHEET, lambda x: re.sub(
        rb'<c r="([A-Z]+)(\d+)"', lambda m: b'<c r="' + m.group(1).lower() + m.group(2) + b'"', x)),
    "row numbers written as decimals": lambda p: _rewrite(_shared_strings(_workbook(p)), SHEET, lambda x: re.sub(
        rb'<row r="(\d+)"', lambda m: b'<row r="' + m.group(1) + b'.0"', x)),
    "rows without numbers": lambda p: _rewrite(_shared_strings(_workbook(p)), SHEET, lambda x: re.sub(
        rb'<row r="\d+"', b"<row", x)),
    "text formula results, errors, empty values, rich inline text": lambda p: _rewrite(
        _shared_strings(_workbook(p)), SHEET, lambda x: x
        .replace(b'<c r="E5" t="b"><v>0</v></c>', b'<c r="E5" t="str"><v>text result</v></c>')
        .replace(b'<c r="D6"', b'<c r="D6" t="e"><v>#REF!</v></c><c r="Z6"', 1)
        .replace(b'<c r="C14" t="s">', b'<c r="A14" t="s"><v></v></c><c r="B14" t="inlineStr"><is><r><t>Ng\xc3\xa0y '
                 b'</t></r><r><rPr><b/></rPr><t>5</t></r></is></c><c r="C14" t="s">', 1)
        .replace(b'<c r="E4" t="b"><v>1</v></c>', b'<c r="E4" t="d"><v>2001-02-03T04:05:06</v></c>', 1)),
}


def _table(path: Path) -> tuple[Any, ...]:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        t = imp.read_sheet(path)
    rows = [[(type(v).__name__, repr(v)) for v in r] for r in t.rows]
    notes = sorted((k, repr(v)) for k, v in t.legacy.items())
    return rows, notes, t.epoch_1904, t.sheet, t.sheets, sorted(str(w.message) for w in seen)


def _without_shortcuts() -> None:
    raise ImportError("shortcut switched off")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_shortcuts_read_what_openpyxl_reads(tmp_path: Path, variant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = VARIANTS[variant](tmp_path / "list.xlsx")
    fast = _table(path)
    monkeypatch.setattr(imp, "_fast_parser", _without_shortcuts)
    monkeypatch.setattr(imp, "_fast_reader", _without_shortcuts)
    slow = _table(path)
    assert fast == slow
    rows = fast[0]
    assert len(rows) > 40 and any(("datetime", repr(datetime(1970, 5, 6))) in r for r in rows)
    assert any(any(kind == "FormulaCell" for kind, _v in r) for r in rows)
    assert fast[1], "the legacy-font cells are converted"


@pytest.mark.filterwarnings("ignore:Cell B16 is marked as a date")
def test_the_odd_shared_strings_are_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    path = VARIANTS["odd shared strings"](tmp_path / "list.xlsx")
    texts = {v for r in imp.read_sheet(path).rows for v in r if isinstance(v, str)}
    assert {"Ngày  5 ", "Trần", "a_x000D_b", "  hai  ", "two", "X", "k", "&<é", "ns"} <= texts


@pytest.mark.filterwarnings("ignore:Cell B16 is marked as a date")
def test_collection_is_paused_while_reading_and_restored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    path = VARIANTS["shared strings"](tmp_path / "list.xlsx")
    seen: list[bool] = []
    real = imp._sheet_rows

    def spy(ws: Any) -> Any:
        seen.append(gc.isenabled())
        yield from real(ws)

    assert gc.isenabled()
    monkeypatch.setattr(imp, "_sheet_rows", spy)
    try:
        imp.read_sheet(path)
        assert seen == [False] and gc.isenabled()
        gc.disable()
        imp.read_sheet(path)  # collection stopped by someone else stays stopped
        assert not gc.isenabled()
    finally:
        gc.enable()
