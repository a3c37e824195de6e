"""Importing cadre lists from Excel (.xlsx): the steps a wizard walks through, and the one-call import.

1. ``inspect_workbook(path)``: safety checks, then the sheets. Refused with a Vietnamese message: not an
   XLSX file (an old .xls, a CSV, a renamed file), a password-protected file, a file too large or with a
   suspicious compression ratio (zip bomb), XML with a DOCTYPE (entity expansion), external links.
2. ``read_sheet(path, sheet)``: every cell once, with openpyxl in read-only mode without evaluating
   formulas (a formula cell becomes a ``FormulaCell``, rejected with a reason). Legacy TCVN3/VNI/VISCII
   text is converted to Unicode NFC per cell, from its font and its bytes; the notes say what was converted.
3. ``suggest_mapping(uowf, table)``: the detected header row and a field per column — the mapping saved
   for the same headers last time, else the automatic one (Vietnamese header names, with or without
   diacritics).
4. ``preview_import(uowf, table, mapping, options)``: every row with its action (insert, update,
   unchanged, rejected), its problems (row, column, reason) and the values as they will be stored.
   Matching: by CCCD, then by (name, birth date, birthplace) compared without diacritics.
5. ``apply_import(uowf, preview)``: an automatic backup (``services.backup.start_backup`` can make it in the
   background while the clerk reads the preview), then one transaction that writes the good rows (if the
   database was written to since the preview, the rows are matched again under the write lock and, if that
   changes the plan, nothing is written). Cancel (``cancel()`` returning True) or any failure rolls
   everything back.
6. ``write_error_report(preview, path)``: the rejected rows with their reasons, in the file's own columns,
   to correct and import again.

``import_xlsx`` runs all of it for the CLI (with ``dry_run`` stopping after step 4).
"""

from __future__ import annotations

import copy
import gc
import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from unicodedata import is_normalized, normalize

from canbo_desktop.db import access
from canbo_desktop.db import importing as dbi
from canbo_desktop.db.repositories import OrgUnit, OrgUnitRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain import import_parse as ip
from canbo_desktop.domain.cadre import Cadre, validate_cadre
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError, Conflict, NotFound, ValidationError
from canbo_desktop.domain.legacy_text import ENCODING_LABELS, decode_cell, may_be_legacy
from canbo_desktop.domain.text import fold, search_exact
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate, vietnamese_document
from canbo_desktop.services.backup import (
    BackupJob,
    BackupResult,
    backup_database,
    backup_engine,
    start_backup,
)
from canbo_desktop.services.export import save_workbook

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # a real sheet compresses 5–30×; a zip bomb thousands of times
MAX_MEMBERS = 5000
MAX_ROWS = 200_000
MAX_COLUMNS = 300
MODES = ("upsert", "insert", "update")
# English source strings: translate("services.importing", label) where they are shown.
MODE_LABELS = {"upsert": QT_TRANSLATE_NOOP("services.importing", "add new and update"),
               "insert": QT_TRANSLATE_NOOP("services.importing", "add new only"),
               "update": QT_TRANSLATE_NOOP("services.importing", "update only")}
CODE_LIST_LABELS = {
    "ethnicity": QT_TRANSLATE_NOOP("services.importing", "ethnicity"),
    "religion": QT_TRANSLATE_NOOP("services.importing", "religion"),
    "education_level": QT_TRANSLATE_NOOP("services.importing", "professional qualification"),
    "political_theory": QT_TRANSLATE_NOOP("services.importing", "political theory"),
    "state_mgmt": QT_TRANSLATE_NOOP("services.importing", "state management"),
    "academic_title": QT_TRANSLATE_NOOP("services.importing", "academic title"),
    "cadre_category": QT_TRANSLATE_NOOP("services.importing", "cadre category"),
    "cadre_status": QT_TRANSLATE_NOOP("services.importing", "employment status"),
    "blood_group": QT_TRANSLATE_NOOP("services.importing", "blood group"),
    "grade": QT_TRANSLATE_NOOP("services.importing", "civil service grade"),
}
MAPPING_SETTING = "import.mapping."
BACKUP_REASON = "truoc khi nhap excel"
REQUIRED_ON_INSERT = ("full_name", "sex", "birth_date", "owner_unit_id")


class ImportCancelled(CanboError):
    """The clerk cancelled: nothing was written."""


def _nothing_changed(message: str) -> str:
    return translate("services.importing", "{message} The database is unchanged.").format(message=message)


# --------------------------------------------------------------------------- 1. the file


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool


@dataclass(frozen=True)
class WorkbookInfo:
    path: Path
    size: int
    sheets: list[SheetInfo]


def check_file(path: Path) -> None:
    """Refuse, with a message a clerk understands, any file that is not a plain, safe .xlsx workbook."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise NotFound(translate("services.importing", "File “{path}” not found.").format(path=path)) from None
    except OSError as exc:
        raise CanboError(translate("services.importing", "Could not read the file “{path}”: {error}.").format(
            path=path, error=exc.strerror or exc)) from exc
    if size == 0:
        raise ValidationError(translate("services.importing", "The file “{name}” is empty.").format(name=path.name))
    if size > MAX_FILE_BYTES:
        raise ValidationError(translate("services.importing", "The file “{name}” is too large ({size} MB; at most "
                                        "{maximum} MB). Split the list into several files.").format(
            name=path.name, size=size // (1024 * 1024), maximum=MAX_FILE_BYTES // (1024 * 1024)))
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE compound file: an old .xls, or an encrypted .xlsx
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise ValidationError(translate("services.importing", "The file “{name}” is password-protected. Open it "
                                            "in Excel, remove the password (File → Info → Protect Workbook), save "
                                            "it and import it again.").format(name=path.name))
        raise ValidationError(translate("services.importing", "The file “{name}” is an Excel 97–2003 file (.xls). "
                                        "Open it in Excel, save it as “Excel Workbook (.xlsx)” and import the .xlsx "
                                        "file.").format(name=path.name))
    if not head.startswith(b"PK"):
        raise ValidationError(translate("services.importing", "The file “{name}” is not an Excel .xlsx file (it may "
                                        "be CSV, HTML or a renamed file). Open it in Excel and save it as “Excel "
                                        "Workbook (.xlsx)”.").format(name=path.name))
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ValidationError(translate("services.importing", "The file “{name}” has too many parts: it is "
                                                "not an ordinary spreadsheet.").format(name=path.name))
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise ValidationError(translate("services.importing", "The file “{name}” is not a valid Excel .xlsx "
                                                "workbook.").format(name=path.name))
            total = 0
            for i in infos:
                if i.flag_bits & 0x1:
                    raise ValidationError(translate("services.importing", "The file “{name}” is password-protected: "
                                                    "remove the password and import it again.").format(name=path.name))
                total += i.file_size
                if i.file_size > 1024 * 1024 and i.file_size > MAX_MEMBER_RATIO * max(i.compress_size, 1):
                    raise ValidationError(_bomb(path))
            if total > MAX_UNCOMPRESSED_BYTES:
                raise ValidationError(_bomb(path))
            if any(n.startswith("xl/externalLinks/") for n in names):
                raise ValidationError(translate("services.importing", "The file “{name}” has links to other files "
                                                "(External Links). Remove them (Data → Edit Links → Break Link), save "
                                                "and import again.").format(name=path.name))
            for i in infos:
                if i.filename.endswith((".xml", ".rels")):
                    with z.open(i) as fh:
                        _check_xml_prolog(fh.read(65536), path)
    except zipfile.BadZipFile as exc:
        raise ValidationError(translate("services.importing", "The file “{name}” is damaged or not a valid .xlsx "
                                        "file.").format(name=path.name)) from exc
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise ValidationError(translate("services.importing", "The file “{name}” cannot be read ({error}).").format(
            name=path.name, error=exc)) from exc


def _bomb(path: Path) -> str:
    return translate("services.importing", "The file “{name}” is abnormally large when unpacked (suspected "
                     "malicious file). The program does not open it; check where the file came from.").format(
        name=path.name)


def _check_xml_prolog(head: bytes, path: Path) -> None:
    """XLSX parts never declare a DTD: one that does is an entity-expansion attack (billion laughs, XXE)."""
    low = head.lower()
    start = low.find(b"<", 0)
    while start != -1 and low[start:start + 2] in (b"<?", b"<!"):
        if low.startswith(b"<!doctype", start) or low.startswith(b"<!entity", start):
            raise ValidationError(translate("services.importing", "The file “{name}” contains a forbidden XML "
                                            "declaration (DOCTYPE). The program does not open it.").format(
                name=path.name))
        if low.startswith(b"<!--", start):
            end = low.find(b"-->", start)
            start = low.find(b"<", end) if end != -1 else -1
        else:
            start = low.find(b"<", start + 1)
    if start == -1 and len(head) >= 65536:
        raise ValidationError(translate("services.importing", "The file “{name}” has an abnormal XML structure. The "
                                        "program does not open it.").format(name=path.name))


def _open_workbook(path: Path) -> Any:
    check_file(path)
    try:
        return _load_workbook(path)
    except CanboError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ValidationError(translate("services.importing", "The file “{name}” is damaged; the workbook cannot be "
                                        "read ({error}).").format(name=path.name, error=type(exc).__name__)) from exc


def _load_workbook(path: Path) -> Any:
    """``openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False, keep_vba=False)``, with the
    shared strings read by ``_fast_reader``."""
    from openpyxl import load_workbook

    try:
        reader_class = _fast_reader()
    except (ImportError, AttributeError):  # a later openpyxl moved its reader: the public function
        return load_workbook(path, read_only=True, data_only=False, keep_links=False, keep_vba=False)
    reader = reader_class(path, read_only=True, keep_vba=False, data_only=False, keep_links=False)
    reader.read()
    return reader.wb


@cache
def _fast_reader() -> type:
    """openpyxl's ``ExcelReader`` with a shortcut for the shared-string table (every text cell of a workbook Excel
    saved). openpyxl builds a ``Text`` object per string through its generic XML mapping: a third of the time it
    takes to read a 10,000-row list. A plain string (``<si><t>…</t></si>``) is taken here as that mapping takes
    it; any other (rich text runs, phonetic guides, anything unexpected) still goes through ``Text``."""
    from openpyxl.cell.text import Text
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    si_tag, t_tag = f"{{{SHEET_MAIN_NS}}}si", f"{{{SHEET_MAIN_NS}}}t"

    class FastReader(ExcelReader):  # type: ignore[misc]
        def read_strings(self) -> None:
            ct = self.package.find(SHARED_STRINGS)
            if ct is None or self.rich_text:
                super().read_strings()
                return
            strings: list[str] = []
            with self.archive.open(ct.PartName[1:]) as src:
                for _, node in iterparse(src):
                    if node.tag == si_tag:
                        if len(node) == 1 and node[0].tag == t_tag and not len(node[0]):
                            text = node[0].text or ""
                        else:
                            text = Text.from_tree(node).content
                        strings.append(text.replace("x005F_", ""))  # as openpyxl's read_string_table
                        node.clear()
            self.shared_strings = strings

    return FastReader


def inspect_workbook(path: Path) -> WorkbookInfo:
    """Step 1: check the file and list its sheets (hidden ones marked)."""
    wb = _open_workbook(path)
    try:
        sheets = [SheetInfo(ws.title, getattr(ws, "sheet_state", "visible") != "visible") for ws in wb.worksheets]
    finally:
        wb.close()
    return WorkbookInfo(path, path.stat().st_size, sheets)


# --------------------------------------------------------------------------- 2. the cells


@dataclass(frozen=True)
class LegacyNote:
    """A cell converted from a legacy encoding: what Excel held and how it was read."""

    original: str
    encoding: str
    capitals: bool
    by_font: bool

    def describe(self, converted: str) -> str:
        if self.encoding == "ascii":
            text = translate("services.importing", "Capitals font: “{original}” → “{converted}”.")
        elif self.by_font and self.capitals:
            text = translate("services.importing", "Converted from {encoding} (by font, capitals font): "
                             "“{original}” → “{converted}”.")
        elif self.by_font:
            text = translate("services.importing", "Converted from {encoding} (by font): “{original}” → "
                             "“{converted}”.")
        elif self.capitals:
            text = translate("services.importing", "Converted from {encoding} (by character statistics, capitals "
                             "font): “{original}” → “{converted}”.")
        else:
            text = translate("services.importing", "Converted from {encoding} (by character statistics): "
                             "“{original}” → “{converted}”.")
        return text.format(encoding=ENCODING_LABELS.get(self.encoding, self.encoding), original=self.original,
                           converted=converted)


@dataclass
class SheetTable:
    """One sheet read once: cell values by (row, column), 0-based; Excel's row n is ``rows[n - 1]``."""

    file: Path
    sheet: str
    sheets: list[str]
    rows: list[list[Any]]
    legacy: dict[tuple[int, int], LegacyNote] = field(default_factory=dict)
    epoch_1904: bool = False

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _sheet_rows(ws: Any) -> Any:
    """Each row of a read-only sheet (gaps filled with empty rows) as its non-empty cells: tuples (1-based column,
    value, data type, style id).

    openpyxl's sheet parser is driven directly (``_fast_parser``): building a ``ReadOnlyCell`` per cell costs as
    much again as parsing it. If a later openpyxl moves that parser, the public (slower) cell iterator is used."""
    try:
        wb = ws.parent
        src = ws._get_source()
        parser = _fast_parser()(src, ws._shared_strings, data_only=False, epoch=wb.epoch,
                                date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
    except (ImportError, AttributeError, TypeError):
        ws.reset_dimensions()
        for row in ws.iter_rows(min_row=1, min_col=1):
            yield [(j, c.value, getattr(c, "data_type", "n"), getattr(c, "_style_id", 0) or 0)
                   for j, c in enumerate(row, start=1) if c.value is not None]
        return
    try:
        expected = 1
        for idx, cells in parser.parse():
            while expected < idx:
                expected += 1
                yield []
            expected = idx + 1
            yield cells
    finally:
        src.close()


@cache
def _fast_parser() -> type:
    """openpyxl's ``WorkSheetParser`` with a shortcut for the cells a list is made of.

    A cell holding only a value (``<c r="B7" s="3" t="s"><v>12</v></c>``: a shared string or a number, no
    formula) is read here, as openpyxl reads it, without its general path (a dict per cell, the coordinate
    split by a Python loop); any other cell (a formula, an inline string, a boolean, an error, an odd
    coordinate, a date out of range) goes through openpyxl's own ``parse_cell``. Cells come out as tuples
    (column, value, data type, style id); row numbers as openpyxl counts them."""
    from openpyxl.utils.datetime import from_excel
    from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser, _cast_number

    digits = "0123456789"

    class FastSheetParser(WorkSheetParser):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._columns: dict[str, int] = {}  # column letters → number, as openpyxl's coordinate split gives it

        def parse_row(self, row: Any) -> tuple[int, list[tuple[int, Any, str, int]]]:
            r = row.get("r")
            if r is not None:
                try:
                    self.row_counter = int(r)
                except ValueError:
                    val = float(r)
                    if not val.is_integer():
                        raise ValueError(f"{r} is not a valid row number") from None
                    self.row_counter = int(val)
            else:
                self.row_counter += 1
            self.col_counter = 0
            columns = self._columns
            shared = self.shared_strings
            date_formats = self.date_formats
            cells: list[tuple[int, Any, str, int]] = []
            append = cells.append
            for el in row:
                if len(el) == 1 and el[0].tag == VALUE_TAG:  # a value and nothing else: no formula, no inline text
                    data_type = el.get("t", "n")
                    coordinate = el.get("r")
                    letters = coordinate.rstrip(digits) if coordinate else ""
                    column = columns.get(letters) if coordinate and len(letters) < len(coordinate) else None
                    if column is not None and data_type in ("s", "n"):
                        style_id = el.get("s", 0)
                        if style_id:
                            style_id = int(style_id)
                        value = el[0].text or None
                        if value is not None:
                            if data_type == "s":
                                value = shared[int(value)]
                            else:
                                value = _cast_number(value)
                                if style_id in date_formats:
                                    try:
                                        value = from_excel(value, self.epoch,
                                                           timedelta=style_id in self.timedelta_formats)
                                    except (OverflowError, ValueError):
                                        value = None  # openpyxl's path below warns and marks it an error
                                    else:
                                        data_type = "d"
                                    if data_type != "d":
                                        append(self._general(el))
                                        continue
                        self.col_counter = column
                        append((column, value, data_type, style_id))
                        continue
                append(self._general(el))
            return self.row_counter, cells

        def _general(self, el: Any) -> tuple[int, Any, str, int]:
            c = self.parse_cell(el)
            coordinate = el.get("r")
            if coordinate:
                letters = coordinate.rstrip(digits)
                if letters and letters.isascii() and letters.isalpha() and len(letters) < len(coordinate):
                    self._columns[letters] = c["column"]  # split at the first digit, as openpyxl does
            return c["column"], c["value"], c["data_type"], c["style_id"]

    return FastSheetParser


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a sheet is read, checked or written. Each step makes a few hundred
    thousand small objects that stay alive until it ends (cells, rows, parsed values, rows to insert, audit
    entries), so every collection finds nothing to free; with Python's default thresholds (the command line) the
    full ones walk the whole heap each time (0.6–0.9 s of CPU per step for a 10,000-row list). Collection resumes
    afterwards, unless something else had stopped it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled(_nothing_changed(translate("services.importing", "Cancelled.")))


def read_sheet(path: Path, sheet: str | None = None, *, progress: Progress | None = None,
               cancel: Cancel | None = None) -> SheetTable:
    """Step 2: read every cell of ``sheet`` (default: the first visible one) without evaluating formulas."""
    with _collection_paused():
        return _read_sheet(path, sheet, progress, cancel)


def _read_sheet(path: Path, sheet: str | None, progress: Progress | None, cancel: Cancel | None) -> SheetTable:
    wb = _open_workbook(path)
    try:
        names = [ws.title for ws in wb.worksheets]
        if sheet is None:
            visible = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
            ws = (visible or wb.worksheets)[0]
        else:
            matches = [w for w in wb.worksheets if w.title == sheet] or \
                      [w for w in wb.worksheets if fold(w.title).strip() == fold(sheet).strip()]
            if not matches:
                raise NotFound(translate("services.importing", "The file has no sheet “{sheet}”. Its sheets: "
                                         "{sheets}.").format(sheet=sheet, sheets=", ".join(names)))
            ws = matches[0]
        epoch_1904 = getattr(wb, "epoch", None) is not None and wb.epoch.year == 1904
        styles = getattr(wb, "_cell_styles", None)
        font_list = getattr(wb, "_fonts", None)
        fonts: dict[int, str | None] = {}

        def font_of(style_id: int) -> str | None:
            name = fonts.get(style_id, "")
            if name == "":
                try:
                    name = font_list[styles[style_id].fontId].name  # type: ignore[index]
                except (IndexError, AttributeError, TypeError):
                    name = None
                fonts[style_id] = name
            return name

        rows: list[list[Any]] = []
        legacy: dict[tuple[int, int], LegacyNote] = {}
        formula, error = ip.FormulaCell, ip.ErrorCell
        plain: dict[str, str] = {}  # text whatever its font → as stored
        by_font: dict[tuple[str, int], tuple[str, LegacyNote | None]] = {}  # (text, style) → as stored, and the note
        for i, cells in enumerate(_sheet_rows(ws)):
            if i >= MAX_ROWS:
                raise ValidationError(translate("services.importing", "The sheet “{sheet}” has more than {count} "
                                                "rows: split it into several files.").format(
                    sheet=ws.title, count=f"{MAX_ROWS:,}".replace(",", ".")))
            out: list[Any] = []
            append = out.append
            for column, v, dt, style_id in cells:
                j = column - 1
                if j >= MAX_COLUMNS or v is None:
                    continue
                while len(out) < j:
                    append(None)
                if dt == "f":
                    append(formula(str(getattr(v, "text", v))))
                elif dt == "e":
                    append(error(str(v)))
                elif type(v) is str:
                    text = plain.get(v)
                    if text is not None:  # a list repeats its values (Nam, Kinh, a unit code): decided once
                        append(text)
                        continue
                    if v.isascii():
                        if v == v.upper():
                            plain[v] = v  # nothing a font could change
                            append(v)
                            continue
                    elif not may_be_legacy(v):
                        text = plain[v] = v if is_normalized("NFC", v) else normalize("NFC", v)  # Unicode: the common case
                        append(text)
                        continue
                    key = (v, style_id or 0)  # the reading depends on the cell's font
                    hit = by_font.get(key)
                    if hit is None:
                        dec = decode_cell(v, font_of(key[1]))
                        note = (LegacyNote(v, dec.encoding if dec.converted else "ascii", dec.capitals, dec.by_font)
                                if dec.converted or (dec.capitals and dec.text != v) else None)
                        hit = by_font[key] = (dec.text, note)
                    if hit[1] is not None:
                        legacy[(i, j)] = hit[1]
                    append(hit[0])
                elif isinstance(v, time):
                    append(None)
                else:
                    append(v)
            while out and out[-1] is None:
                out.pop()
            rows.append(out)
            if (i & 1023) == 1023:
                _check_cancel(cancel)
                if progress:
                    progress(min(0.99, i / 20000), translate("services.importing", "Read {count} rows").format(
                        count=i + 1))
        while rows and not rows[-1]:
            rows.pop()
        return SheetTable(path, ws.title, names, rows, legacy, epoch_1904)
    finally:
        wb.close()


# --------------------------------------------------------------------------- 3. the mapping


@dataclass
class ColumnMapping:
    """The header row(s) and the field of each column (``""``: the column is not imported)."""

    header_rows: tuple[int, ...]
    labels: list[str]
    columns: list[str]
    source: str = "auto"  # auto | saved | file | user

    @property
    def data_start(self) -> int:
        return self.header_rows[-1] + 1 if self.header_rows else 0

    def label(self, j: int) -> str:
        return self.labels[j] if j < len(self.labels) and self.labels[j] else _col_letter(j)

    def problems(self) -> list[str]:
        return ip.mapping_problems(self.columns)

    def to_json(self) -> dict[str, Any]:
        """The mapping as a file (``--mapping F.json``): header row (Excel numbering) and column letter → field."""
        return {"header_row": self.header_rows[0] + 1 if self.header_rows else 0,
                "columns": {_col_letter(j): {"header": self.label(j), "field": f} for j, f in enumerate(self.columns)}}


def field_choices() -> list[tuple[str, str]]:
    """(field key, label) for a column-mapping combo box; the first means "not imported". The field labels are
    the Vietnamese headers the import matches (data); the rest is in the interface language."""
    sensitive = translate("services.importing", "{label} (sensitive)")
    return [("", translate("services.importing", "(do not import this column)"))] + [
        (f.key, sensitive.format(label=f.label) if f.sensitive else f.label) for f in ip.FIELDS if f.kind != "skip"]


def _col_letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _signature(labels: Sequence[str]) -> str:
    keys = "|".join(ip.header_key(x) for x in labels)
    return hashlib.sha256(keys.encode()).hexdigest()[:20]


def layout_for(table: SheetTable, header_row: int | None = None) -> ip.HeaderLayout:
    """The header layout: detected, or at ``header_row`` (Excel numbering) when the clerk chose it."""
    if header_row is not None:
        if not 1 <= header_row <= len(table.rows):
            raise ValidationError(translate("services.importing", "Header row {row} is outside the sheet (it has "
                                            "{count} rows).").format(row=header_row, count=len(table.rows)))
        return ip.header_layout(table.rows, header_row - 1)
    found = ip.detect_header(table.rows)
    if found is None:
        raise ValidationError(translate("services.importing", "No header row (e.g. “Họ và tên”, “Ngày sinh”) found in "
                                        "the first 40 rows. Choose the header row or use a column mapping file."))
    return found


def suggest_mapping(uowf: UowFactory, table: SheetTable, header_row: int | None = None) -> ColumnMapping:
    """Step 3: the header row and a field per column: the mapping saved for these headers, else automatic."""
    layout = layout_for(table, header_row)
    labels = list(layout.labels) + [""] * max(0, table.width - len(layout.labels))
    auto = ip.auto_map(labels)
    with uowf() as uow:
        saved = dbi.get_setting(uow.session, MAPPING_SETTING + _signature(labels))
    if isinstance(saved, dict) and isinstance(saved.get("columns"), list) and len(saved["columns"]) == len(labels):
        cols = [c if c in ip.FIELD_BY_KEY or c == "" else "" for c in saved["columns"]]
        return ColumnMapping(layout.rows, labels, cols, "saved")
    return ColumnMapping(layout.rows, labels, auto, "auto")


def mapping_from_json(table: SheetTable, data: Any) -> ColumnMapping:
    """A mapping file: {"header_row": 3, "columns": {"B": "full_name", "Ngày sinh": "birth_date", …}}; a value may
    also be {"field": …}. Columns not named keep the automatic mapping; "" leaves a column out."""
    if not isinstance(data, dict):
        raise ValidationError(translate("services.importing", "The column mapping file must be a JSON object."))
    hr = data.get("header_row")
    if hr is not None and (not isinstance(hr, int) or isinstance(hr, bool)):
        raise ValidationError(translate("services.importing", "“header_row” in the column mapping file must be a row "
                                        "number (numbered as in Excel)."))
    layout = layout_for(table, hr)
    labels = list(layout.labels) + [""] * max(0, table.width - len(layout.labels))
    cols = ip.auto_map(labels)
    given = data.get("columns", {})
    if not isinstance(given, dict):
        raise ValidationError(translate("services.importing", "“columns” in the column mapping file must be a JSON "
                                        "object."))
    by_header = {ip.header_key(x): j for j, x in enumerate(labels) if x}
    for key, value in given.items():
        fld = value.get("field") if isinstance(value, dict) else value
        if not isinstance(fld, str) or (fld and fld not in ip.FIELD_BY_KEY):
            raise ValidationError(translate("services.importing", "Column mapping file: “{field}” is not a valid "
                                            "field name.").format(field=fld))
        key_s = str(key).strip()
        if key_s.isalpha() and key_s.isupper() and len(key_s) <= 3:
            j = _col_index(key_s)
        elif ip.header_key(key_s) in by_header:
            j = by_header[ip.header_key(key_s)]
        else:
            raise ValidationError(translate("services.importing", "Column mapping file: there is no column “{column}” "
                                            "in the header row.").format(column=key_s))
        while j >= len(cols):
            cols.append("")
            labels.append("")
        if fld:
            cols = ["" if c == fld else c for c in cols]
        cols[j] = fld
    return ColumnMapping(layout.rows, labels, cols, "file")


# --------------------------------------------------------------------------- 4. the preview


@dataclass(frozen=True)
class ImportOptions:
    mode: str = "upsert"  # upsert | insert | update
    default_unit_id: str | None = None  # for rows without a unit column
    today: date | None = None
    source_name: str = ""


@dataclass(frozen=True)
class RowProblem:
    row: int  # Excel row number
    column: str  # the column's header in the file ("" when the problem is the row's)
    cell: str  # "C12", or ""
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "cell": self.cell, "reason": self.reason}


@dataclass
class PreviewRow:
    row_number: int
    action: str  # insert | update | unchanged | rejected
    full_name: str
    values: dict[str, Any]
    problems: list[RowProblem]
    warnings: list[RowProblem]
    cadre_id: str | None = None
    match: str = ""  # cccd | name_birth_place | name_birth
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def display(self) -> dict[str, str]:
        """The values as the clerk reads them (dates dd/mm/yyyy)."""
        out = {}
        for k, v in self.values.items():
            out[k] = format_date(v) if isinstance(v, date) else ("" if v is None else str(v))
        return out


@dataclass
class ImportPreview:
    table: SheetTable
    mapping: ColumnMapping
    options: ImportOptions
    rows: list[PreviewRow]
    skipped: list[int]  # rows that hold almost nothing (a footer, a signature line)
    inserts: list[Cadre] = field(default_factory=list, repr=False)
    updates: list[dbi.CadreUpdate] = field(default_factory=list, repr=False)
    data_mark: tuple[int, int] = (0, 0)  # where the database stood when the rows were matched

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def rejected(self) -> list[RowProblem]:
        return [p for r in self.rows if r.action == "rejected" for p in r.problems]

    def plan_key(self) -> list[tuple[int, str, str | None]]:
        return [(r.row_number, r.action, r.cadre_id) for r in self.rows]


@dataclass
class _Units:
    by_code: dict[str, OrgUnit]
    by_name: dict[str, list[OrgUnit]]
    by_id: dict[str, OrgUnit]


def _unit_key(name: str) -> str:
    return ip.name_key(name)


def _load_context(session: Any, table: SheetTable, today: date) -> tuple[ip.ImportContext, _Units]:
    lists: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for r in dbi.code_rows(session):
        lists.setdefault(r.list_key, []).append((r.code, r.name, r.aliases))
    indexes = {k: ip.CodeIndex(k, v, translate("services.importing", CODE_LIST_LABELS[k]) if k in CODE_LIST_LABELS
                               else k) for k, v in lists.items()}
    units = OrgUnitRepository(session).all()
    by_name: dict[str, list[OrgUnit]] = {}
    for u in units:
        by_name.setdefault(_unit_key(u.name), []).append(u)
    return (ip.ImportContext(indexes, today, table.epoch_1904),
            _Units({u.code: u for u in units}, by_name, {u.id: u for u in units}))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 0.005
    return bool(a == b)


_name_key = ip.name_key
_place_key = ip.name_key


def _plan(session: Any, table: SheetTable, mapping: ColumnMapping, options: ImportOptions,
          progress: Progress | None, cancel: Cancel | None) -> ImportPreview:
    today = options.today or date.today()
    mark = dbi.data_mark(session)
    ctx, units = _load_context(session, table, today)
    cols = mapping.columns
    rows: list[PreviewRow] = []
    skipped: list[int] = []
    parsed_ok: list[tuple[PreviewRow, ip.ParsedRow, str | None]] = []
    n = len(table.rows)
    noted_rows = {i for i, _j in table.legacy}

    def problem(pr: ip.ParsedRow, j: int, reason: str) -> RowProblem:
        return RowProblem(pr.row_number, mapping.label(j) if j >= 0 else "",
                          f"{_col_letter(j)}{pr.row_number}" if j >= 0 else "", reason)

    for i in range(mapping.data_start, n):
        if (i & 511) == 0:
            _check_cancel(cancel)
            if progress:
                progress(0.7 * i / max(n, 1), translate("services.importing", "Checked {done} / {total} rows").format(
                    done=i, total=n))
        cells = table.rows[i]
        if not cells:
            continue
        pr = ip.parse_row(i + 1, cells, cols, ctx)
        if pr.filled == 0:
            continue
        if pr.filled == 1 and not pr.problems:  # a footer ("Người lập biểu"), a subtotal, a stray note
            skipped.append(i + 1)
            continue
        warnings = [problem(pr, w.column, w.reason) for w in pr.warnings]
        if i in noted_rows:
            for j in range(len(cells)):
                note = table.legacy.get((i, j))
                if note is not None and j < len(cols) and cols[j]:
                    warnings.append(problem(pr, j, note.describe(str(cells[j]))))
        row = PreviewRow(i + 1, "rejected", str(pr.values.get("full_name", "")), pr.values,
                         [problem(pr, p.column, p.reason) for p in pr.problems], warnings)
        rows.append(row)
        unit_id: str | None = None
        if pr.unit_code:
            u = units.by_code.get(pr.unit_code)
            if u is None:
                row.problems.append(problem(pr, pr.sources["unit_code"], translate(
                    "services.importing", "There is no unit with code “{code}”.").format(code=pr.unit_code)))
            else:
                unit_id = u.id
        elif pr.unit_name:
            found = units.by_name.get(_unit_key(pr.unit_name), [])
            if len(found) == 1:
                unit_id = found[0].id
            elif not found:
                row.problems.append(problem(pr, pr.sources["unit_name"], translate(
                    "services.importing", "There is no unit “{name}” in the organisation chart.").format(
                    name=pr.unit_name)))
            else:
                row.problems.append(problem(pr, pr.sources["unit_name"], translate(
                    "services.importing", "There are {count} units named “{name}”: add a Unit code column to tell "
                    "them apart.").format(count=len(found), name=pr.unit_name)))
        if not row.problems:
            parsed_ok.append((row, pr, unit_id))

    # duplicates inside the file
    seen_cccd: dict[str, int] = {}
    seen_name: dict[tuple[str, Any, str], int] = {}
    for row, pr, _u in parsed_ok:
        cccd = pr.values.get("id_number")
        if cccd:
            first = seen_cccd.setdefault(cccd, row.row_number)
            if first != row.row_number:
                row.problems.append(problem(pr, pr.sources["id_number"], translate(
                    "services.importing", "The CCCD number repeats row {row} of the file.").format(row=first)))
                continue
        if pr.values.get("full_name") and pr.values.get("birth_date"):
            key = (_name_key(pr.values["full_name"]), pr.values["birth_date"], _place_key(pr.values.get("birthplace", "")))
            first = seen_name.setdefault(key, row.row_number)
            if first != row.row_number and not cccd:
                row.problems.append(problem(pr, pr.sources.get("full_name", -1),
                                            translate("services.importing", "Same name, birth date and birthplace "
                                                      "as row {row} of the file.").format(row=first)))
    parsed_ok = [t for t in parsed_ok if not t[0].problems]

    # matching against the database, in bulk
    _check_cancel(cancel)
    if progress:
        progress(0.75, translate("services.importing", "Matching against the database"))
    by_cccd: dict[str, list[dbi.MatchCandidate]] = {}
    for c in dbi.candidates_by_id_number(session, {pr.values["id_number"] for _r, pr, _u in parsed_ok if pr.values.get("id_number")}):
        by_cccd.setdefault(c.id_number, []).append(c)
    by_name: dict[str, dict[str, dbi.MatchCandidate]] = {}
    named = [pr.values for _r, pr, _u in parsed_ok if pr.values.get("birth_date") and pr.values.get("full_name")]
    file_names = {_name_key(v["full_name"]) for v in named}
    day = [v for v in named if v.get("birth_precision", "day") == "day"]
    coarse_names = {_name_key(v["full_name"]) for v in named if v.get("birth_precision", "day") != "day"}
    # A row whose CCCD matched nobody can only be someone recorded without a CCCD (another CCCD is another person).
    unmatched_ids = {v["birth_date"] for v in day if v.get("id_number") and v["id_number"] not in by_cccd}
    no_ids = {v["birth_date"] for v in day if not v.get("id_number")}
    hit_ids = {cid for cid, folded, full, _p in (dbi.names_born_on(session, no_ids)
                                                 + dbi.names_born_on(session, unmatched_ids - no_ids, without_cccd=True))
               if (_name_key(full) if full else folded) in file_names}
    for c in (dbi.candidates_by_ids(session, hit_ids)
              + dbi.candidates_by_folded_name(session, coarse_names)  # "1965" in the file: any date that year
              + dbi.candidates_with_partial_birth(session, {v["birth_date"].year for v in named})):
        if c.birth_date is not None:
            by_name.setdefault(_name_key(c.full_name), {})[c.id] = c

    matched: dict[int, dbi.MatchCandidate] = {}
    for row, pr, _u in parsed_ok:
        v = pr.values
        cand: dbi.MatchCandidate | None = None
        cccd = v.get("id_number")
        if cccd and by_cccd.get(cccd):
            hits = by_cccd[cccd]
            if len(hits) > 1:
                row.problems.append(problem(pr, pr.sources["id_number"], translate(
                    "services.importing", "This CCCD number is on {count} records in the database: resolve the "
                    "duplicates before importing.").format(count=len(hits))))
                continue
            cand, row.match = hits[0], "cccd"
            if v.get("full_name") and _name_key(v["full_name"]) != _name_key(cand.full_name):
                if cand.birth_date:
                    text = translate("services.importing", "This CCCD number is already on the record of {name}, born "
                                     "{born}, a different name from this row. Check the CCCD number; if this person "
                                     "changed name, correct it in the record.")
                else:
                    text = translate("services.importing", "This CCCD number is already on the record of {name}, a "
                                     "different name from this row. Check the CCCD number; if this person changed "
                                     "name, correct it in the record.")
                row.problems.append(problem(pr, pr.sources["id_number"], text.format(
                    name=cand.full_name, born=format_date(cand.birth_date) if cand.birth_date else "")))
                continue
        elif v.get("full_name") and v.get("birth_date"):
            hits = [h for h in by_name.get(_name_key(v["full_name"]), {}).values()
                    if _birth_compatible(h, v["birth_date"], v.get("birth_precision", "day"))]
            if cccd:  # a person with another CCCD is someone else
                hits = [h for h in hits if not h.id_number or h.id_number == cccd]
            place = _place_key(v.get("birthplace", ""))
            if place:  # a record without a birthplace does not contradict one
                hits = [h for h in hits if not h.birthplace or _place_key(h.birthplace) == place]
            if len(hits) > 1:
                text = (translate("services.importing", "There are {count} records with the same name, birth date "
                                  "and birthplace: add the CCCD number (or the birthplace) to tell them apart.")
                        if place else
                        translate("services.importing", "There are {count} records with the same name and birth "
                                  "date: add the CCCD number (or the birthplace) to tell them apart."))
                row.problems.append(problem(pr, pr.sources.get("full_name", -1), text.format(count=len(hits))))
                continue
            if hits:
                cand = hits[0]
                row.match = "name_birth_place" if place and cand.birthplace else "name_birth"
        if cand is not None:
            if cand.trashed:
                row.problems.append(problem(pr, pr.sources.get("id_number", pr.sources.get("full_name", -1)),
                                            translate("services.importing", "The matching record ({name}) is in the "
                                                      "trash: restore it first, then import again.").format(
                                                name=cand.full_name)))
                continue
            matched[row.row_number] = cand
    existing = dbi.load_cadres(session, {c.id for c in matched.values()})
    if progress:
        progress(0.85, translate("services.importing", "Comparing each record"))

    inserts: list[Cadre] = []
    updates: list[dbi.CadreUpdate] = []
    for row, pr, unit_id in parsed_ok:
        if row.problems:
            continue
        cand = matched.get(row.row_number)
        if cand is None:
            _decide_insert(row, pr, unit_id, options, today, inserts, problem)
        else:
            _decide_update(row, pr, unit_id, existing[cand.id], cand, options, today, updates, by_cccd, problem)
    return ImportPreview(table, mapping, options, rows, skipped, inserts, updates, mark)


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _birth_compatible(c: dbi.MatchCandidate, d: date, precision: str) -> bool:
    """The same birth date as far as both records know it (1965 fits 15/07/1965; 07/1965 does not fit 08/1965)."""
    if c.birth_date is None:
        return False
    known = min(_PRECISION_RANK.get(c.birth_precision, 2), _PRECISION_RANK.get(precision, 2))
    if known == 2:
        return c.birth_date == d
    if known == 1:
        return (c.birth_date.year, c.birth_date.month) == (d.year, d.month)
    return c.birth_date.year == d.year


ProblemMaker = Callable[[ip.ParsedRow, int, str], RowProblem]


def _field_column(pr: ip.ParsedRow, fld: str) -> int:
    if fld in pr.sources:
        return pr.sources[fld]
    if fld == "owner_unit_id":
        return pr.sources.get("unit_code", pr.sources.get("unit_name", -1))
    return -1


_MISSING = {"full_name": QT_TRANSLATE_NOOP("services.importing", "The full name is missing."),
            "sex": QT_TRANSLATE_NOOP("services.importing", "The sex is missing (Nam/Nữ)."),
            "birth_date": QT_TRANSLATE_NOOP("services.importing", "The birth date is missing (or at least the year)."),
            "owner_unit_id": QT_TRANSLATE_NOOP("services.importing", "The unit is missing: add a Unit/Unit code "
                                                                     "column or choose a default unit.")}


def _decide_insert(row: PreviewRow, pr: ip.ParsedRow, unit_id: str | None, options: ImportOptions, today: date,
                   inserts: list[Cadre], problem: ProblemMaker) -> None:
    if options.mode == "update":
        row.problems.append(problem(pr, -1, translate("services.importing", "No record found to update (by CCCD "
                                                      "number, or name, birth date and birthplace); the “update "
                                                      "only” mode adds no new people.")))
        return
    values = dict(pr.values)
    c = Cadre(**values)
    c.owner_unit_id = unit_id or options.default_unit_id or ""
    errors = validate_cadre(c, today=today)
    for fld, msg in errors.items():
        col = _field_column(pr, fld)
        if fld in REQUIRED_ON_INSERT and col < 0 and fld in _MISSING:
            msg = translate("services.importing", _MISSING[fld])
        row.problems.append(problem(pr, col, msg))
    if row.problems:
        return
    row.action = "insert"
    inserts.append(c)


def _decide_update(row: PreviewRow, pr: ip.ParsedRow, unit_id: str | None, old: Cadre, cand: dbi.MatchCandidate,
                   options: ImportOptions, today: date, updates: list[dbi.CadreUpdate],
                   by_cccd: dict[str, list[dbi.MatchCandidate]], problem: ProblemMaker) -> None:
    row.cadre_id = old.id
    values = dict(pr.values)
    if "full_name" in values and search_exact(values["full_name"]) == search_exact(old.full_name):
        # The same name (hoà = hòa): keep the record's spelling and its parts (perhaps a hand-corrected split).
        for k in ("full_name", "family_name", "middle_name", "given_name", "name_family_last"):
            values.pop(k, None)
    fp = values.get("birth_precision")
    if fp and "birth_date" in values and old.birth_date is not None:
        if _PRECISION_RANK[fp] < _PRECISION_RANK.get(old.birth_precision, 2) and _birth_compatible(
                dbi.MatchCandidate("", "", "", old.birth_date, old.birth_precision, "", "", 0, False), values["birth_date"], fp):
            values.pop("birth_date")  # "1965" in the file does not erase the known 15/07/1965
            values.pop("birth_precision")
    if unit_id:
        values["owner_unit_id"] = unit_id
    diff = {k: (getattr(old, k), v) for k, v in values.items() if not _same(getattr(old, k), v)}
    if not diff:
        row.action = "unchanged"
        return
    if options.mode == "insert":
        text = (translate("services.importing", "There is already a record {name} (matched by CCCD number); the "
                          "“add new only” mode does not update existing people.") if row.match == "cccd" else
                translate("services.importing", "There is already a record {name} (matched by name and birth date); "
                          "the “add new only” mode does not update existing people."))
        row.problems.append(problem(pr, -1, text.format(name=old.full_name)))
        return
    new = copy.copy(old)  # dataclasses.replace(old, **values), without calling the 90-field __init__ again
    for k, v in values.items():
        setattr(new, k, v)
    if "id_number" in diff:
        others = [c for c in by_cccd.get(new.id_number, []) if c.id != old.id]
        if others:
            row.problems.append(problem(pr, pr.sources["id_number"], translate(
                "services.importing", "This CCCD number is already on the record of {name}.").format(
                name=others[0].full_name)))
            return
    errors = validate_cadre(new, today=today)
    for fld, msg in errors.items():
        if fld in diff or (fld == "birth_date" and "birth_precision" in diff):
            row.problems.append(problem(pr, _field_column(pr, fld), msg))
    if row.problems:
        return
    row.action = "update"
    row.changes = diff
    updates.append(dbi.CadreUpdate(old.id, cand.rev, new, diff))


def preview_import(uowf: UowFactory, table: SheetTable, mapping: ColumnMapping, options: ImportOptions | None = None,
                   *, progress: Progress | None = None, cancel: Cancel | None = None) -> ImportPreview:
    """Step 4: what the import would do with every row (nothing is written)."""
    options = options or ImportOptions()
    if options.mode not in MODES:
        raise ValidationError(translate("services.importing", "The import mode “{mode}” is not valid (upsert, insert "
                                        "or update).").format(mode=options.mode))
    problems = mapping.problems()
    if problems:
        raise ValidationError(translate("services.importing", "The column mapping is not right: {problems}").format(
            problems=" ".join(problems)))
    with _collection_paused(), uowf() as uow:
        if options.default_unit_id:
            OrgUnitRepository(uow.session).get(options.default_unit_id)
        preview = _plan(uow.session, table, mapping, options, progress, cancel)
    if progress:
        progress(1.0, "Xong")
    return preview


# --------------------------------------------------------------------------- 5. apply


@dataclass
class ImportResult:
    inserted: int
    updated: int
    unchanged: int
    rejected: list[RowProblem]
    rejected_rows: int
    dry_run: bool = False
    backup: BackupResult | None = None
    changes: ChangeSet = field(default_factory=ChangeSet)
    skipped: list[int] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
            "rejected": [p.as_json() for p in self.rejected], "rejected_rows": self.rejected_rows,
            "dry_run": self.dry_run, "backup": str(self.backup.path) if self.backup and self.backup.path else None,
            "skipped_rows": self.skipped, "warnings": [p.as_json() for p in self.warnings],
        }


def _result(preview: ImportPreview, *, dry_run: bool, backup: BackupResult | None = None,
            changes: ChangeSet | None = None) -> ImportResult:
    return ImportResult(
        inserted=preview.count("insert"), updated=preview.count("update"), unchanged=preview.count("unchanged"),
        rejected=preview.rejected, rejected_rows=preview.count("rejected"), dry_run=dry_run, backup=backup,
        changes=changes or ChangeSet(), skipped=list(preview.skipped),
        warnings=[w for r in preview.rows if r.action != "rejected" for w in r.warnings])


def dry_run_result(preview: ImportPreview) -> ImportResult:
    """What ``apply_import`` would report, without writing anything."""
    return _result(preview, dry_run=True)


def apply_import(uowf: UowFactory, preview: ImportPreview, *, backup: bool = True, save_mapping: bool = True,
                 backup_job: BackupJob | None = None, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> ImportResult:
    """Step 5: back up, then write the good rows in one transaction (all or nothing).

    ``backup_job``: a backup started with ``start_backup`` while the clerk looked at the preview; it is used
    when nothing was written since it was taken, else a new backup is made under the write lock.

    Under the write lock, if anything was written since the preview, the rows are matched again; if that gives
    a different plan (someone changed those people meanwhile), nothing is written and ``Conflict`` asks for a
    new preview.
    """
    if not preview.inserts and not preview.updates:
        return _result(preview, dry_run=False)  # nothing to write: the database stays byte for byte the same
    _check_cancel(cancel)
    saved: BackupResult | None = None
    if backup:
        saved = backup_job.result() if backup_job is not None else backup_database(uowf, BACKUP_REASON)
        if progress:
            progress(0.05, saved.note)
    _check_cancel(cancel)
    summary = {"file": preview.table.file.name, "sheet": preview.table.sheet, "mode": preview.options.mode,
               "inserted": len(preview.inserts), "updated": len(preview.updates),
               "unchanged": preview.count("unchanged"), "rejected_rows": preview.count("rejected"),
               "backup": str(saved.path) if saved and saved.path else ""}
    settings = {}
    if save_mapping:
        settings[MAPPING_SETTING + _signature(preview.mapping.labels)] = {
            "columns": list(preview.mapping.columns), "labels": list(preview.mapping.labels)}

    def step(fraction: float) -> None:
        _check_cancel(cancel)
        if progress:
            progress(0.2 + 0.75 * fraction, translate("services.importing", "Writing to the database"))

    with _collection_paused(), uowf() as uow:
        dbi.lock_for_import(uow.session)
        mark = dbi.data_mark(uow.session)
        if saved is not None and not saved.covers(mark):  # written to since the copy: copy again, under the lock
            saved = backup_engine(uow.engine, BACKUP_REASON)
            summary["backup"] = str(saved.path) if saved.path else ""
        if mark == preview.data_mark:
            again = preview  # nothing was written since the preview: its plan stands
        else:
            again = _plan(uow.session, preview.table, preview.mapping, preview.options, None, cancel)
        if again.plan_key() != preview.plan_key():
            raise Conflict(_nothing_changed(translate("services.importing", "The data has changed since the preview "
                                                      "(someone has just edited a record). Preview again, then "
                                                      "import.")))
        if progress:
            progress(0.2, translate("services.importing", "Writing to the database"))
        access.require_bulk_cadre_writes(uow.session, [c.owner_unit_id for c in again.inserts]  # db/access.py
                                         + [u.new.owner_unit_id for u in again.updates], [u.id for u in again.updates])
        dbi.write_import(uow, again.inserts, again.updates, summary=summary, settings=settings, progress=step)
        _check_cancel(cancel)
        changes = uow.commit()
    if progress:
        progress(1.0, translate("services.importing", "Import finished"))
    return _result(again, dry_run=False, backup=saved, changes=changes)


# --------------------------------------------------------------------------- 6. the error report


@vietnamese_document
def write_error_report(preview: ImportPreview, path: Path, uowf: UowFactory | None = None) -> int:
    """The rejected rows in the file's own columns, with a "Lý do" column, to correct and import again.
    Returns the number of rows written. Written beside ``path`` and renamed (never half a file). The rows are
    personal data: with ``uowf`` the file is recorded in the audit log as an export."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    bad = [r for r in preview.rows if r.action == "rejected"]
    labels = list(preview.mapping.labels)
    width = max([len(labels)] + [len(preview.table.rows[r.row_number - 1]) for r in bad])
    labels += [""] * (width - len(labels))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Dòng lỗi")  # i18n: data (the error report stays Vietnamese)
    bold = Font(name="Times New Roman", bold=True)
    normal = Font(name="Times New Roman")
    red = PatternFill("solid", fgColor="F8D7DA")
    head = PatternFill("solid", fgColor="DDE7F3")

    def cell(value: Any, *, font: Font = normal, fill: PatternFill | None = None, fmt: str = "") -> WriteOnlyCell:
        if isinstance(value, ip.FormulaCell):
            value = value.formula
        elif isinstance(value, ip.ErrorCell):
            value = value.code
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # show the formula as text: never a live formula in our own file
        c.font = font
        if fill is not None:
            c.fill = fill
        if fmt:
            c.number_format = fmt
        return c

    ws.append([cell(f"Các dòng chưa nhập được từ “{preview.table.file.name}” "  # i18n: data
                    f"(trang “{preview.table.sheet}”): "  # i18n: data
                    "sửa theo cột “Lý do” rồi nhập lại tệp này.", font=bold)])  # i18n: data
    ws.append([cell(x or "", font=bold, fill=head) for x in labels]
              + [cell("Lý do", font=bold, fill=head),  # i18n: data
                 cell("Dòng trong tệp gốc", font=bold, fill=head)])  # i18n: data
    for r in bad:
        src = preview.table.rows[r.row_number - 1]
        bad_cols = {p.cell.rstrip("0123456789") for p in r.problems if p.cell}
        out = []
        for j in range(width):
            v = src[j] if j < len(src) else None
            fmt = "DD/MM/YYYY" if isinstance(v, date | datetime) else ""
            out.append(cell(v, fill=red if _col_letter(j) in bad_cols else None, fmt=fmt))
        reasons = "; ".join((f"{p.column}: " if p.column else "") + p.reason for p in r.problems)
        reason_cell = cell(reasons)
        reason_cell.alignment = Alignment(wrap_text=True)
        out += [reason_cell, cell(r.row_number)]
        ws.append(out)
    save_workbook(wb, path)
    if uowf is not None and bad:
        with uowf() as uow:
            uow.audit("export", "import", preview.table.file.name,
                      {"document": "import-error-report", "rows": len(bad), "target": str(path)})
            uow.commit()
    return len(bad)


# --------------------------------------------------------------------------- one call (CLI)


def load_mapping_file(path: Path) -> Any:
    """The JSON of a mapping file (``--mapping F.json``), with Vietnamese errors for a missing or broken file."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise NotFound(translate("services.importing", "Column mapping file “{path}” not found.").format(
            path=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(translate("services.importing", "The column mapping file “{name}” is not valid JSON: "
                                        "{error}.").format(name=path.name, error=exc)) from exc


def unit_id_by_code(uowf: UowFactory, code: str) -> str:
    """The id of the unit with this code (for ``ImportOptions.default_unit_id``)."""
    with uowf() as uow:
        u = OrgUnitRepository(uow.session).by_code(code)
    if u is None:
        raise NotFound(translate("services.importing", "There is no unit with code “{code}”.").format(code=code))
    return u.id


def import_xlsx(uowf: UowFactory, path: Path, *, sheet: str | None = None, mapping: Any = None,
                header_row: int | None = None, options: ImportOptions | None = None, dry_run: bool = False,
                report: Path | None = None, progress: Progress | None = None,
                cancel: Cancel | None = None) -> tuple[ImportResult, ImportPreview]:
    """Read, map (``mapping``: the parsed mapping file, else saved/automatic), preview and — unless ``dry_run`` —
    apply. ``report``: where to write the rejected rows (only when there are some)."""
    options = options or ImportOptions(source_name=path.name)
    check_file(path)  # a refused file is refused before anything else happens
    job = None if dry_run else start_backup(uowf, BACKUP_REASON)  # copies while the file is read and checked
    used: list[bool] = []
    try:
        return _import_xlsx(uowf, path, sheet, mapping, header_row, options, dry_run, report, progress, cancel, job, used)
    finally:
        if job is not None and not used:  # nothing was (or was to be) written: the copy is not needed
            try:
                copy = job.result().path
            except CanboError:
                copy = None
            if copy is not None:
                copy.unlink(missing_ok=True)


def _import_xlsx(uowf: UowFactory, path: Path, sheet: str | None, mapping: Any, header_row: int | None,
                 options: ImportOptions, dry_run: bool, report: Path | None, progress: Progress | None,
                 cancel: Cancel | None, job: BackupJob | None, used: list[bool]) -> tuple[ImportResult, ImportPreview]:
    table = read_sheet(path, sheet, progress=(lambda f, msg: progress(0.3 * f, msg)) if progress else None, cancel=cancel)
    if mapping is not None:
        cmap = mapping_from_json(table, mapping if header_row is None else {**mapping, "header_row": header_row})
    else:
        cmap = suggest_mapping(uowf, table, header_row)
    preview = preview_import(uowf, table, cmap, options,
                             progress=(lambda f, msg: progress(0.3 + 0.3 * f, msg)) if progress else None, cancel=cancel)
    if report is not None and preview.count("rejected"):
        write_error_report(preview, report, uowf)
    if dry_run:
        return dry_run_result(preview), preview
    if preview.inserts or preview.updates:
        used.append(True)
    result = apply_import(uowf, preview, backup_job=job,
                          progress=(lambda f, msg: progress(0.6 + 0.4 * f, msg)) if progress else None, cancel=cancel)
    return result, preview
