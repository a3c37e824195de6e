"""Reading a cadre list from a spreadsheet: header row, column mapping, cell parsers, row → cadre values.

Pure Python: the service reads the workbook (openpyxl) and hands over plain cell values (text already
converted from legacy encodings, ``FormulaCell`` / ``ErrorCell`` markers for what must not be read).

* ``detect_header_row`` finds the row whose cells name the most known fields (a title and an office
  header usually sit above it); a second row is joined when it carries sub-headers (Nam / Nữ under
  "Ngày sinh", "Chuyên môn" / "Lý luận chính trị" under "Trình độ").
* ``auto_map`` maps each column by its header compared without diacritics, case and punctuation
  ("Ngay sinh", "NGÀY SINH", "Ngày, tháng, năm sinh"), then by key words.
* Cell parsers accept what clerks type: dd/mm/yyyy (also with "-" or "."), mm/yyyy, yyyy, "ngày 5 tháng 7
  năm 1965", Excel dates and serial numbers; Nam/Nữ; code-list names, codes and aliases (Khơ-me/Khmer,
  H'Mông/Mông, ĐH/Đại học, TC/Trung cấp), "Đại học Luật" as level + major; CCCD typed as a number.
* ``parse_row`` never raises: every problem is a ``CellIssue`` naming the column and the reason in
  Vietnamese; warnings (a value understood in a particular way) are listed, not blocking.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from canbo_desktop.domain.dates import PartialDate, format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.names import PersonName, join_name, parse_full_name
from canbo_desktop.domain.text import clean_line, clean_multiline, fold, search_exact, title_case_name
from canbo_desktop.domain.validation import check_cccd, check_phone, normalise_cccd, normalise_phone
from canbo_desktop.i18n import translate

# --------------------------------------------------------------------------- cell markers


@dataclass(frozen=True)
class FormulaCell:
    """A cell holding a formula: never evaluated, never imported."""

    formula: str


@dataclass(frozen=True)
class ErrorCell:
    """A cell holding an Excel error value (#N/A, #VALUE!…)."""

    code: str


# --------------------------------------------------------------------------- the fields


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # the header written on export
    kind: str  # name | text | multiline | date | birth | sex | code | int | float | cccd | phone | email | unit_code | unit_name | skip | birth_male | birth_female | name_part
    code_list: str = ""
    aliases: tuple[str, ...] = ()
    sensitive: bool = False


FIELDS: tuple[ImportField, ...] = (
    ImportField("stt", "STT", "skip", aliases=("TT", "Số TT", "Số thứ tự", "Thứ tự")),
    ImportField("full_name", "Họ và tên", "name", aliases=(
        "Họ tên", "Họ và tên khai sinh", "Họ, tên", "Tên cán bộ", "Họ và tên cán bộ", "Họ tên cán bộ",
        "Họ và tên khai sinh (viết chữ in hoa)", "Cán bộ, công chức")),
    ImportField("family_middle", "Họ và tên đệm", "name_part", aliases=("Họ đệm", "Họ và đệm", "Họ tên đệm")),
    ImportField("family_name", "Họ", "name_part"),
    ImportField("middle_name", "Tên đệm", "name_part", aliases=("Đệm", "Chữ đệm")),
    ImportField("given_name", "Tên", "name_part", aliases=("Tên gọi",)),
    ImportField("other_names", "Tên gọi khác", "text", aliases=("Bí danh", "Tên khác")),
    ImportField("birth_date", "Ngày sinh", "birth", aliases=(
        "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Năm sinh", "Sinh ngày", "Ngày/tháng/năm sinh")),
    ImportField("birth_male", "Nam", "birth_male"),
    ImportField("birth_female", "Nữ", "birth_female"),
    ImportField("sex", "Giới tính", "sex", aliases=("Giới", "Nam/Nữ", "Nam, nữ", "Nam hay nữ", "Phái")),
    ImportField("birthplace", "Nơi sinh", "text"),
    ImportField("hometown", "Quê quán", "text", aliases=("Nguyên quán", "Quê")),
    ImportField("ethnicity_code", "Dân tộc", "code", "ethnicity", sensitive=True),
    ImportField("religion_code", "Tôn giáo", "code", "religion", sensitive=True),
    ImportField("id_number", "Số CCCD", "cccd", aliases=(
        "CCCD", "Số định danh cá nhân", "Số định danh", "Số CMND", "CMND", "CMND/CCCD", "Số CMND/CCCD",
        "Số CCCD/CMND", "Căn cước công dân", "Số căn cước", "Số căn cước công dân")),
    ImportField("id_issue_date", "Ngày cấp CCCD", "date", aliases=("Ngày cấp",)),
    ImportField("id_issue_place", "Nơi cấp CCCD", "text", aliases=("Nơi cấp",)),
    ImportField("unit_name", "Đơn vị", "unit_name", aliases=(
        "Đơn vị công tác", "Cơ quan, đơn vị", "Cơ quan đơn vị", "Tên đơn vị", "Đơn vị sử dụng", "Nơi công tác",
        "Cơ quan công tác")),
    ImportField("unit_code", "Mã đơn vị", "unit_code", aliases=("Mã cơ quan",)),
    ImportField("cadre_code", "Số hiệu cán bộ", "text", aliases=("Số hiệu CBCC", "Số hiệu", "Mã cán bộ", "Mã số cán bộ")),
    ImportField("category", "Loại cán bộ", "code", "cadre_category", aliases=("Phân loại", "Đối tượng", "Loại")),
    ImportField("status", "Trạng thái", "code", "cadre_status", aliases=("Tình trạng", "Tình trạng công tác")),
    ImportField("current_position", "Chức vụ", "text", aliases=(
        "Chức vụ hiện tại", "Chức danh", "Chức vụ, chức danh", "Chức vụ (chức danh)", "Chức vụ hiện nay",
        "Chức vụ (chức danh) hiện tại")),
    ImportField("concurrent_positions", "Chức vụ kiêm nhiệm", "text", aliases=("Kiêm nhiệm",)),
    ImportField("position_start_date", "Ngày bổ nhiệm", "date", aliases=("Ngày giữ chức vụ", "Ngày bổ nhiệm chức vụ")),
    ImportField("term_end_date", "Ngày hết nhiệm kỳ", "date", aliases=("Hết nhiệm kỳ", "Ngày hết hạn bổ nhiệm")),
    ImportField("occupation_before", "Nghề nghiệp khi được tuyển dụng", "text", aliases=("Nghề nghiệp khi tuyển dụng",)),
    ImportField("recruitment_date", "Ngày tuyển dụng", "date", aliases=("Ngày vào cơ quan", "Ngày được tuyển dụng")),
    ImportField("recruiting_agency", "Cơ quan tuyển dụng", "text"),
    ImportField("grade_code", "Mã ngạch", "code", "grade", aliases=("Ngạch", "Ngạch công chức", "Mã ngạch lương", "Ngạch, bậc")),
    ImportField("salary_step", "Bậc lương", "int", aliases=("Bậc",)),
    ImportField("salary_coefficient", "Hệ số lương", "float", aliases=("Hệ số",)),
    ImportField("salary_step_date", "Ngày hưởng bậc", "date", aliases=("Ngày hưởng", "Ngày hưởng lương", "Thời điểm hưởng")),
    ImportField("position_allowance", "Phụ cấp chức vụ", "float", aliases=("PC chức vụ", "Hệ số phụ cấp chức vụ")),
    ImportField("general_education", "Giáo dục phổ thông", "general_education", aliases=(
        "Trình độ văn hóa", "Trình độ văn hoá", "Văn hóa", "Văn hoá", "Trình độ giáo dục phổ thông", "GDPT")),
    ImportField("education_level", "Trình độ chuyên môn", "code", "education_level", aliases=(
        "Chuyên môn", "Trình độ đào tạo", "Trình độ chuyên môn cao nhất", "Trình độ CM", "Trình độ chuyên môn, nghiệp vụ")),
    ImportField("education_major", "Chuyên ngành", "text", aliases=("Chuyên ngành đào tạo", "Ngành", "Ngành đào tạo")),
    ImportField("academic_title", "Học hàm", "code", "academic_title"),
    ImportField("political_theory", "Lý luận chính trị", "code", "political_theory", aliases=(
        "LLCT", "Trình độ lý luận chính trị", "Trình độ LLCT", "Chính trị", "Lý luận")),
    ImportField("state_mgmt", "Quản lý nhà nước", "code", "state_mgmt", aliases=(
        "QLNN", "Trình độ quản lý nhà nước", "Trình độ QLNN", "Quản lý NN")),
    ImportField("foreign_language", "Ngoại ngữ", "text", aliases=("Trình độ ngoại ngữ",)),
    ImportField("it_level", "Tin học", "text", aliases=("Trình độ tin học",)),
    ImportField("party_join_date", "Ngày vào Đảng", "date", aliases=("Ngày vào đảng CSVN", "Vào Đảng", "Ngày kết nạp Đảng")),
    ImportField("party_official_date", "Ngày chính thức", "date", aliases=("Ngày vào Đảng chính thức", "Đảng viên chính thức",
                                                                           "Ngày chính thức vào Đảng")),
    ImportField("army_enlist_date", "Ngày nhập ngũ", "date"),
    ImportField("army_discharge_date", "Ngày xuất ngũ", "date"),
    ImportField("army_rank", "Quân hàm cao nhất", "text", aliases=("Quân hàm",)),
    ImportField("phone", "Điện thoại", "phone", aliases=("Số điện thoại", "SĐT", "ĐT", "Di động", "Điện thoại di động")),
    ImportField("email", "Thư điện tử", "email", aliases=("Email", "E-mail", "Địa chỉ thư điện tử")),
    ImportField("permanent_address", "Nơi thường trú", "text", aliases=(
        "Nơi đăng ký hộ khẩu thường trú", "Hộ khẩu thường trú", "Thường trú", "Địa chỉ thường trú", "Hộ khẩu")),
    ImportField("current_address", "Nơi ở hiện nay", "text", aliases=("Chỗ ở hiện nay", "Địa chỉ", "Nơi ở", "Chỗ ở")),
    ImportField("social_insurance_no", "Số sổ BHXH", "text", aliases=("Số BHXH", "Mã số BHXH", "Sổ BHXH")),
    ImportField("health_status", "Tình trạng sức khỏe", "text", aliases=("Sức khỏe", "Sức khoẻ", "Tình trạng sức khoẻ"),
                sensitive=True),
    ImportField("height_cm", "Chiều cao", "int", aliases=("Chiều cao (cm)",)),
    ImportField("weight_kg", "Cân nặng", "int", aliases=("Cân nặng (kg)",)),
    ImportField("blood_group", "Nhóm máu", "code", "blood_group"),
    ImportField("main_duties", "Công việc chính được giao", "multiline", aliases=("Công việc được giao", "Nhiệm vụ được giao")),
    ImportField("honorary_title", "Danh hiệu được phong tặng", "text", aliases=("Danh hiệu",)),
)
FIELD_BY_KEY: dict[str, ImportField] = {f.key: f for f in FIELDS}
IGNORE = ""  # the mapping of a column that is not imported
# Fields whose code lists accept "Đại học Luật" (a level then more words): the rest is kept or warned about.
PREFIX_LISTS = frozenset({"education_level", "political_theory", "state_mgmt", "academic_title", "grade"})
MAX_TEXT = 255


# --------------------------------------------------------------------------- folding, fast


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}  # combining marks
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch:
            table[cp] = base
    table[ord("đ")] = table[ord("Đ")] = "d"  # i18n: data
    return table


_FOLD = _fold_table()
_OUTSIDE_FOLD = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff]")
_WORDS = re.compile(r"\w+")


def fast_fold(text: str) -> str:
    """``text.fold`` (lower case, no diacritics, đ → d) by one table lookup per character for Latin script."""
    if text.isascii():
        return text.lower()
    if _OUTSIDE_FOLD.search(text):
        return fold(text)
    return unicodedata.normalize("NFC", text).translate(_FOLD).lower()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name (or a place) without diacritics, case and punctuation: the form of the ``search_fold`` column."""
    return " ".join(_WORDS.findall(fast_fold(text)))


def quick_clean(text: str) -> str:
    """``text.clean_line`` with a fast path for the common case: a tidy, printable, NFC line."""
    if (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
            and unicodedata.is_normalized("NFC", text)):
        return text
    return clean_line(text)


# --------------------------------------------------------------------------- header matching

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_LEADING_NUMBER = re.compile(r"^\s*(?:\(?\d+(?:[.,]\d+)*\)?[.)]?\s+)")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(text: str) -> str:
    """Header text compared without diacritics, case and punctuation: "Ngày, tháng, năm sinh" → "ngay thang nam sinh"."""
    return _NON_ALNUM.sub(" ", fast_fold(clean_line(text))).strip()


def _build_header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for f in FIELDS:
        for name in (f.label, *f.aliases):
            index.setdefault(header_key(name), f.key)
    return index


_HEADER_INDEX = _build_header_index()
# Key words, tried in order when the header is not a known name: (all these words, none of these, field).
_KEYWORD_RULES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("stt",), (), "stt"),
    (("ten", "goi", "khac"), (), "other_names"),
    (("ho", "dem"), (), "family_middle"),
    (("ho", "ten"), (), "full_name"),
    (("noi", "sinh"), (), "birthplace"),
    (("ngay", "sinh"), (), "birth_date"),
    (("nam", "sinh"), (), "birth_date"),
    (("gioi", "tinh"), (), "sex"),
    (("que",), (), "hometown"),
    (("dan", "toc"), (), "ethnicity_code"),
    (("ton", "giao"), (), "religion_code"),
    (("ngay", "cap"), (), "id_issue_date"),
    (("noi", "cap"), (), "id_issue_place"),
    (("cccd",), (), "id_number"),
    (("cmnd",), (), "id_number"),
    (("dinh", "danh"), (), "id_number"),
    (("thuong", "tru"), (), "permanent_address"),
    (("noi", "o"), (), "current_address"),
    (("cho", "o"), (), "current_address"),
    (("dien", "thoai"), (), "phone"),
    (("email",), (), "email"),
    (("thu", "dien", "tu"), (), "email"),
    (("ma", "don", "vi"), (), "unit_code"),
    (("tuyen", "dung", "ngay"), (), "recruitment_date"),
    (("tuyen", "dung", "co", "quan"), (), "recruiting_agency"),
    (("tuyen", "dung", "nghe"), (), "occupation_before"),
    (("don", "vi"), (), "unit_name"),
    (("chuc", "vu", "kiem"), (), "concurrent_positions"),
    (("chuc", "vu"), ("phu", "cap"), "current_position"),
    (("chuc", "danh"), (), "current_position"),
    (("ngach",), (), "grade_code"),
    (("he", "so"), ("phu", "cap"), "salary_coefficient"),
    (("bac", "luong"), (), "salary_step"),
    (("phu", "cap", "chuc", "vu"), (), "position_allowance"),
    (("chuyen", "nganh"), (), "education_major"),
    (("chuyen", "mon"), (), "education_level"),
    (("ly", "luan"), (), "political_theory"),
    (("llct",), (), "political_theory"),
    (("quan", "ly", "nha", "nuoc"), (), "state_mgmt"),
    (("qlnn",), (), "state_mgmt"),
    (("ngoai", "ngu"), (), "foreign_language"),
    (("tin", "hoc"), (), "it_level"),
    (("dang", "chinh", "thuc"), (), "party_official_date"),
    (("vao", "dang"), (), "party_join_date"),
    (("bhxh",), (), "social_insurance_no"),
    (("bao", "hiem", "xa", "hoi"), (), "social_insurance_no"),
    (("suc", "khoe"), (), "health_status"),
    (("nhom", "mau"), (), "blood_group"),
    (("hoc", "ham"), (), "academic_title"),
    (("trang", "thai"), (), "status"),
)


def match_header(text: Any) -> str | None:
    """The field a header names, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    key = header_key(text)
    if not key:
        return None
    hit = _HEADER_INDEX.get(key)
    if hit is not None:
        return hit
    stripped = header_key(_PARENS.sub(" ", _LEADING_NUMBER.sub("", clean_line(text))))
    hit = _HEADER_INDEX.get(stripped)
    if hit is not None:
        return hit
    words = set(stripped.split())
    for needed, excluded, key_ in _KEYWORD_RULES:
        if all(w in words for w in needed) and not any(w in words for w in excluded):
            return key_
    return None


@dataclass(frozen=True)
class HeaderLayout:
    """Where the header is (0-based row indexes) and what each column is called in the file."""

    rows: tuple[int, ...]
    labels: tuple[str, ...]

    @property
    def data_start(self) -> int:
        return self.rows[-1] + 1


def _cell_text(v: Any) -> str:
    return clean_line(v) if isinstance(v, str) else ""


def _row_score(row: Sequence[Any]) -> int:
    return len({f for f in (match_header(v) for v in row) if f and f not in ("birth_male", "birth_female")})


def _is_sub_header(row: Sequence[Any]) -> bool:
    texts = [header_key(v) for v in row if isinstance(v, str) and v.strip()]
    if any(isinstance(v, int | float | datetime | date) and not isinstance(v, bool) for v in row):
        return False
    if "nam" in texts and "nu" in texts:
        return True
    return sum(1 for t in texts if t in _HEADER_INDEX) >= 2


def detect_header(rows: Sequence[Sequence[Any]], *, scan: int = 40) -> HeaderLayout | None:
    """The header row (the one naming the most known fields, at least two), joined with a sub-header row."""
    best, best_score = -1, 1
    for i, row in enumerate(rows[:scan]):
        s = _row_score(row)
        if s > best_score:
            best, best_score = i, s
    if best < 0:
        return None
    return header_layout(rows, best)


def header_layout(rows: Sequence[Sequence[Any]], header_row: int) -> HeaderLayout:
    """The layout when the header row is known (chosen by the clerk or detected)."""
    top = list(rows[header_row]) if header_row < len(rows) else []
    width = max((len(r) for r in rows[header_row: header_row + 3]), default=len(top))
    top += [None] * (width - len(top))
    if header_row + 1 < len(rows) and _is_sub_header(rows[header_row + 1]):
        sub = list(rows[header_row + 1]) + [None] * width
        labels = []
        parent = ""
        for j in range(width):
            t = _cell_text(top[j])
            if t:
                parent = t
            s = _cell_text(sub[j])
            if s and header_key(s) in ("nam", "nu"):
                labels.append(f"{parent or 'Ngày sinh'} / {s}")  # i18n: data
            else:
                labels.append(s or t)
        return HeaderLayout((header_row, header_row + 1), tuple(labels))
    return HeaderLayout((header_row,), tuple(_cell_text(v) for v in top))


def _label_field(label: str) -> str | None:
    if " / " in label:
        parent, _, sub = label.rpartition(" / ")
        sk = header_key(sub)
        if sk in ("nam", "nu") and "sinh" in header_key(parent).split():
            return "birth_male" if sk == "nam" else "birth_female"
        return match_header(sub) or match_header(parent)
    hit = match_header(label)
    # "Nam" / "Nữ" alone is a birth-date column only under a "Ngày sinh" parent (and "Năm" folds to "nam").
    return None if hit in ("birth_male", "birth_female") else hit


def auto_map(labels: Sequence[str]) -> list[str]:
    """A field key for each column ("" = not imported); a field is taken by its first column only."""
    out: list[str] = []
    taken: set[str] = set()
    for label in labels:
        f = _label_field(label) if label else None
        if f is None or f in taken or f == "stt":
            out.append(IGNORE)
            continue
        taken.add(f)
        out.append(f)
    return out


def mapping_problems(columns: Sequence[str]) -> list[str]:
    """What is wrong with a mapping as a whole (Vietnamese), e.g. no name column or a field mapped twice."""
    used = [c for c in columns if c]
    problems = []
    for k in sorted({c for c in used if used.count(c) > 1}):
        problems.append(translate("domain.import_parse", "Field “{label}” is chosen for several columns of the file.").format(label=FIELD_BY_KEY[k].label))
    for k in used:
        if k not in FIELD_BY_KEY:
            problems.append(translate("domain.import_parse", "There is no field “{k}”.").format(k=k))
    names = set(used) & {"full_name", "given_name"}
    if not names:
        problems.append(translate("domain.import_parse", "No full name column yet (or Given name column)."))
    return problems


# --------------------------------------------------------------------------- code lists


def code_key(text: str) -> str:
    return _NON_ALNUM.sub(" ", fast_fold(text)).strip()


def _exact_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", search_exact(clean_line(text))))


_AMBIGUOUS = "\x00"


@dataclass(frozen=True)
class CodeMatch:
    code: str
    rest: str = ""  # words after the matched name ("Đại học Luật" → "Luật")
    how: str = "exact"  # exact | folded | code | prefix


class CodeIndex:
    """One code list's names, codes and aliases, matched with and then without diacritics."""

    def __init__(self, list_key: str, entries: Iterable[tuple[str, str, Sequence[str]]], label: str = "") -> None:
        self.list_key = list_key
        self.label = label or list_key
        self.names: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._codes: dict[str, str] = {}
        widths = set()
        for code, name, aliases in entries:
            self.names[code] = name
            self._codes[code.lower()] = code
            if code.isdigit():
                widths.add(len(code))
            for text in (name, *aliases):
                ek = _exact_key(text)
                if ek:
                    self._exact.setdefault(ek, code)
                fk = code_key(text)
                if fk:
                    prev = self._folded.get(fk)
                    self._folded[fk] = code if prev in (None, code) else _AMBIGUOUS
        self._width = max(widths) if len(widths) == 1 else None
        self._prefixes = sorted(((k.split(), c) for k, c in self._folded.items() if c != _AMBIGUOUS),
                                key=lambda kc: -len(kc[0]))
        self._cache: dict[tuple[str, bool], CodeMatch | None] = {}

    def match(self, text: str, *, allow_prefix: bool = False) -> CodeMatch | None:
        """The code for ``text`` (name, alias or code; exact, then without diacritics, then as a prefix)."""
        key = (text, allow_prefix)
        if key not in self._cache:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = self._match(text, allow_prefix)
        return self._cache[key]

    def _match(self, text: str, allow_prefix: bool) -> CodeMatch | None:
        t = clean_line(text)
        if not t:
            return None
        hit = self._exact.get(_exact_key(t))
        if hit is not None:
            return CodeMatch(hit)
        fk = code_key(t)
        hit = self._folded.get(fk)
        if hit is not None and hit != _AMBIGUOUS:
            return CodeMatch(hit, how="folded")
        hit = self._codes.get(t.lower())
        if hit is not None:
            return CodeMatch(hit, how="code")
        if self._width and t.isdigit():
            hit = self._codes.get(t.zfill(self._width))
            if hit is not None:
                return CodeMatch(hit, how="code")
        if allow_prefix:
            words = fk.split()
            spans = [m.span() for m in re.finditer(r"[^\W_]+", t)]
            if len(spans) == len(words):
                for pw, code in self._prefixes:
                    if len(pw) < len(words) and words[: len(pw)] == pw:
                        rest = t[spans[len(pw) - 1][1]:].strip(" -–,:;/")
                        return CodeMatch(code, rest, "prefix")
        return None


@dataclass
class ImportContext:
    """What the parser needs from the database: the code lists (as ``CodeIndex``) and today's date."""

    code_lists: dict[str, CodeIndex]
    today: date
    epoch_1904: bool = False
    # (column, cell value) → what parsing it gave, for the kinds that depend on the cell alone (see parse_row)
    memo: dict[tuple[int, str, type, Any], Any] = field(default_factory=dict, repr=False)


# --------------------------------------------------------------------------- cell parsers

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_MY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_Y = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_WORDS_DATE = re.compile(r"^(?:ngày\s*(\d{1,2})\s*)?(?:tháng\s*(\d{1,2})\s*)?năm\s*(\d{4})$")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
EXCEL_1900 = date(1899, 12, 30)
EXCEL_1904 = date(1904, 1, 1)


def excel_serial_to_date(serial: float, *, epoch_1904: bool = False) -> date:
    """An Excel serial day number as a date (1900 system with its 29/02/1900 slot, or the 1904 system)."""
    n = int(serial)
    if epoch_1904:
        return EXCEL_1904 + timedelta(days=n)
    if n < 61:  # Excel counts a 29 February 1900 that never was; serials before it are one day later
        return date(1899, 12, 31) + timedelta(days=n)
    return EXCEL_1900 + timedelta(days=n)


def parse_date_value(value: Any, *, epoch_1904: bool = False) -> tuple[PartialDate | None, str | None]:
    """(date or None for an empty cell, Vietnamese reason when the value is not a date). Never raises."""
    try:
        return _parse_date_value(value, epoch_1904), None
    except ValidationError as exc:
        return None, exc.message
    except (ValueError, OverflowError, TypeError):
        return None, translate("domain.import_parse", "“{value}” is not a valid date (write dd/mm/yyyy, mm/yyyy or yyyy).").format(value=_show(value))


def _parse_date_value(value: Any, epoch_1904: bool) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError
        if float(value).is_integer() and 1000 <= value <= 2200:
            return PartialDate(int(value))  # a year typed as a number
        if value < 1:
            raise ValueError
        d = excel_serial_to_date(float(value), epoch_1904=epoch_1904)
        return PartialDate(d.year, d.month, d.day)
    if not isinstance(value, str):
        raise ValueError
    t = _TIME_SUFFIX.sub("", clean_line(value).lower())
    if not t:
        return None
    t = t.rstrip(".")
    m = _DMY.match(t)
    if m:
        if len(m.group(3)) != 4:
            raise ValidationError(translate("domain.import_parse", "“{value}”: the year must be written with 4 digits (dd/mm/yyyy).").format(value=clean_line(value)))
        return PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _MY.match(t)
    if m:
        return PartialDate(int(m.group(2)), int(m.group(1)))
    m = _Y.match(t)
    if m and 1000 <= int(m.group(1)) <= 2200:
        return PartialDate(int(m.group(1)))
    m = _ISO.match(t)
    if m:
        return PartialDate(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    m = _WORDS_DATE.match(re.sub(r"\s+", " ", t))
    if m:
        day, month = (int(g) if g else None for g in (m.group(1), m.group(2)))
        if day is not None and month is None:
            raise ValueError
        return PartialDate(int(m.group(3)), month, day)
    if t.replace(".", "", 1).isdigit():  # a serial number stored as text
        return _parse_date_value(float(t), epoch_1904)
    raise ValueError


def _show(value: Any) -> str:
    if isinstance(value, datetime | date):
        return format_date(value if isinstance(value, date) and not isinstance(value, datetime) else value.date())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


_SEX = {"nam": "M", "nam gioi": "M", "m": "M", "male": "M", "trai": "M", "nu": "F", "nu gioi": "F", "f": "F",
        "female": "F", "gai": "F"}


def parse_sex(value: Any) -> tuple[str | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    hit = _SEX.get(code_key(str(value)))
    if hit is None:
        return None, translate("domain.import_parse", "Sex “{value}” is unclear (write Nam or Nữ).").format(value=_show(value))
    return hit, None


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_int(value: Any) -> tuple[int | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, translate("domain.import_parse", "“{value}” is not an integer.").format(value=_show(value))
    if isinstance(value, int):
        return value, None
    if isinstance(value, float) and value.is_integer():
        return int(value), None
    t = clean_line(str(value)).replace(" ", "")
    if re.fullmatch(r"[+-]?\d+", t):
        return int(t), None
    return None, translate("domain.import_parse", "“{value}” is not an integer.").format(value=_show(value))


def parse_float(value: Any) -> tuple[float | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, translate("domain.import_parse", "“{value}” is not a number.").format(value=_show(value))
    if isinstance(value, int | float):
        if value != value or abs(value) == float("inf"):
            return None, translate("domain.import_parse", "“{value}” is not a number.").format(value=_show(value))
        return round(float(value), 2), None
    t = clean_line(str(value)).replace(" ", "")
    if re.fullmatch(r"[+-]?\d+([.,]\d+)?", t):
        return round(float(t.replace(",", ".")), 2), None
    return None, translate("domain.import_parse", "“{value}” is not a number.").format(value=_show(value))


def parse_cccd(value: Any) -> tuple[str | None, str | None, str | None]:
    """(digits, problem, warning). A number lost its leading zeros in Excel: they are put back."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None, None
    warning = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            return None, translate("domain.import_parse", "The CCCD number must have exactly 12 digits."), None
        digits = str(int(value))
        if len(digits) < 12:
            warning = translate("domain.import_parse", "The CCCD number was stored as a number in Excel: a leading 0 was added ({value}).").format(value=digits.zfill(12))
            digits = digits.zfill(12)
    elif type(value) is str and value.isascii() and value.isdigit():
        digits = value  # already clean: nothing to strip or normalise
    else:
        digits = normalise_cccd(clean_line(str(value)))
    _info, reason = check_cccd(digits)
    if reason:
        return None, reason, None
    return digits, None, warning


def parse_phone(value: Any) -> tuple[str | None, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = _number_text(value)
        if len(digits) in (9, 10) and not digits.startswith("0"):
            digits = "0" + digits  # Excel dropped the leading zero
    elif type(value) is str and value.isascii() and value.isdigit():
        digits = value  # already clean: nothing to strip or normalise
    else:
        digits = normalise_phone(clean_line(str(value)))
    reason = check_phone(digits)
    if reason:
        return None, reason
    return digits, None


def _general_education(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        n = int(value)
        return f"{n}/12" if 1 <= n <= 12 else str(n)
    return clean_line(str(value))


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class CellIssue:
    column: int  # 0-based column of the file (-1: not tied to one column)
    field: str
    reason: str


@dataclass
class ParsedRow:
    """One data row: the cadre attributes it gives (only non-empty cells) and what was wrong or guessed."""

    row_number: int  # as Excel numbers it
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)  # cadre attribute → column it came from
    unit_code: str = ""
    unit_name: str = ""
    problems: list[CellIssue] = field(default_factory=list)
    warnings: list[CellIssue] = field(default_factory=list)
    filled: int = 0  # non-empty mapped cells (a row with fewer than two is not a data row)

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_row(row_number: int, cells: Sequence[Any], columns: Sequence[str], ctx: ImportContext) -> ParsedRow:
    """Parse one row of the sheet with the mapping ``columns`` (a field key per column)."""
    out = ParsedRow(row_number)
    name_parts: dict[str, str] = {}
    n = len(cells)
    for j, f, handler, memo in _compiled(tuple(columns)):
        if j >= n:
            break
        v = cells[j]
        if type(v) is str:
            if not v or v.isspace():
                continue
        elif v is None:
            continue
        elif isinstance(v, FormulaCell):
            out.filled += 1
            out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "The cell holds a formula ({formula}): the program does not compute formulas. Paste the values into the cell (Paste Special → Values) and import again.").format(formula=_short(v.formula))))
            continue
        elif isinstance(v, ErrorCell):
            out.filled += 1
            out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "The cell has the Excel error “{code}”.").format(code=v.code)))
            continue
        out.filled += 1
        if memo:
            _run_memo(out, j, f, v, ctx, handler)
        else:
            handler(out, j, f, v, ctx, name_parts)
    _finish_names(out, name_parts, columns)
    return out


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _set(out: ParsedRow, j: int, attr: str, value: Any) -> None:
    out.values[attr] = value
    out.sources[attr] = j


Handler = Callable[[ParsedRow, int, ImportField, Any, ImportContext, dict[str, str]], None]


def _cell_name(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, name_parts: dict[str, str]) -> None:
    key = f.key
    text = quick_clean(v if isinstance(v, str) else _number_text(v))
    letters = text.replace(" ", "")
    if not letters.isalpha():  # the common case (letters and spaces) has no digit and no other character
        if any(ch.isdigit() for ch in text):
            out.problems.append(CellIssue(j, key, translate("domain.import_parse", "The full name “{text}” contains digits.").format(text=text)))
            return
        odd = sorted({ch for ch in text if not (ch.isalpha() or ch in " '’-.")})
        if odd:
            out.problems.append(CellIssue(j, key, translate("domain.import_parse", "The full name “{text}” contains characters that are not letters: {odd}").format(text=_short(text), odd=' '.join(odd))))
            return
        letters = "".join(ch for ch in text if ch.isalpha())
    # (str.isupper() is False whenever some letter is not a capital: the exact test runs only when it may pass)
    if len(letters) > 1 and letters.isupper() and all(ch.isupper() for ch in letters):
        fixed = title_case_name(text)
        out.warnings.append(CellIssue(j, key, translate("domain.import_parse", "Full name written all in capitals “{text}”: recorded as “{fixed}”.").format(text=text, fixed=fixed)))
        text = fixed
    if len(text) > 160:
        out.problems.append(CellIssue(j, key, translate("domain.import_parse", "The full name is longer than 160 characters.")))
        return
    name_parts[key] = text
    out.sources[key] = j


def _cell_birth(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    key, kind = f.key, f.kind
    pd, reason = parse_date_value(v, epoch_1904=ctx.epoch_1904)
    if reason:
        out.problems.append(CellIssue(j, key, reason))
        return
    if pd is None:
        return
    if "birth_date" in out.values:
        out.problems.append(CellIssue(j, key, translate("domain.import_parse", "The date of birth is written in both the Nam and the Nữ columns.")))
        return
    _set(out, j, "birth_date", pd.first_day())
    _set(out, j, "birth_precision", pd.precision)
    if kind != "birth":
        sex = "M" if kind == "birth_male" else "F"
        if out.values.get("sex", sex) != sex:
            out.problems.append(CellIssue(j, key, translate("domain.import_parse", "The date of birth column (Nam/Nữ) does not match the sex column.")))
            return
        _set(out, j, "sex", sex)


def _cell_date(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    pd, reason = parse_date_value(v, epoch_1904=ctx.epoch_1904)
    if reason:
        out.problems.append(CellIssue(j, f.key, reason))
    elif pd is not None:
        if pd.precision != "day":
            out.warnings.append(CellIssue(j, f.key, translate("domain.import_parse", "“{display}” lacks the day: recorded as {first_day}.").format(display=pd.display(), first_day=format_date(pd.first_day()))))
        _set(out, j, f.key, pd.first_day())


def _cell_sex(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    sex_code, reason = parse_sex(v)
    if reason:
        out.problems.append(CellIssue(j, f.key, reason))
    elif sex_code is not None:
        if out.values.get("sex", sex_code) != sex_code:
            out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "The sex column does not match the date of birth column (Nam/Nữ).")))
            return
        _set(out, j, "sex", sex_code)


def _cell_int(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    n, reason = parse_int(v)
    if reason:
        out.problems.append(CellIssue(j, f.key, reason))
    elif n is not None:
        _set(out, j, f.key, n)


def _cell_float(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    x, reason = parse_float(v)
    if reason:
        out.problems.append(CellIssue(j, f.key, reason))
    elif x is not None:
        _set(out, j, f.key, x)


def _cell_cccd(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    digits, reason, warning = parse_cccd(v)
    if reason:
        out.problems.append(CellIssue(j, f.key, reason))
    elif digits:
        if warning:
            out.warnings.append(CellIssue(j, f.key, warning))
        _set(out, j, f.key, digits)


def _cell_phone(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    phone, reason = parse_phone(v)
    if reason:
        out.problems.append(CellIssue(j, f.key, reason))
    elif phone:
        _set(out, j, f.key, phone)


def _cell_email(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    text = clean_line(str(v))
    if "@" not in text or " " in text:
        out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "The email address “{text}” is not valid.").format(text=text)))
    else:
        _set(out, j, f.key, text)


def _cell_unit_code(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    out.unit_code = clean_line(_number_text(v))
    out.sources["unit_code"] = j


def _cell_unit_name(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    out.unit_name = clean_line(str(v))
    out.sources["unit_name"] = j


def _cell_general_education(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    _set(out, j, f.key, _general_education(v)[:20])


def _cell_plain(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    if f.kind == "multiline":
        _set(out, j, f.key, clean_multiline(str(v)))
        return
    text = quick_clean(v) if type(v) is str else quick_clean(_number_text(v))
    if len(text) > MAX_TEXT:
        out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "The content is longer than {MAX_TEXT} characters.").format(MAX_TEXT=MAX_TEXT)))
        return
    _set(out, j, f.key, text)


def _parse_code(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext) -> None:
    index = ctx.code_lists.get(f.code_list)
    if isinstance(v, float) and f.code_list == "grade" and not v.is_integer():
        text = f"{v:06.3f}"  # "01.003" typed into a number cell became 1.003
    else:
        text = quick_clean(_number_text(v))
    if index is None:
        _set(out, j, f.key, text)
        return
    hit = index.match(text, allow_prefix=f.code_list in PREFIX_LISTS)
    if hit is None:
        out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "“{text}” is not in the code list {label}.").format(text=text, label=index.label)))
        return
    _set(out, j, f.key, hit.code)
    if hit.how == "prefix" and hit.rest:
        name = index.names.get(hit.code, hit.code)
        if f.key == "education_level":
            out.values.setdefault("education_major", hit.rest)
            out.sources.setdefault("education_major", j)
            out.warnings.append(CellIssue(j, f.key, translate("domain.import_parse", "“{text}”: level “{name}”, major “{rest}”.").format(text=text, name=name, rest=hit.rest)))
        else:
            out.warnings.append(CellIssue(j, f.key, translate("domain.import_parse", "“{text}” is read as “{name}”.").format(text=text, name=name)))


@lru_cache(maxsize=65536)
def split_name(full: str) -> PersonName:
    """``names.parse_full_name``, remembered: a list repeats the same names (and the parser is thorough)."""
    return parse_full_name(full)


def _cell_code(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, _n: dict[str, str]) -> None:
    _parse_code(out, j, f, v, ctx)


_HANDLERS: dict[str, Handler] = {
    "name": _cell_name, "name_part": _cell_name, "birth": _cell_birth, "birth_male": _cell_birth,
    "birth_female": _cell_birth, "date": _cell_date, "sex": _cell_sex, "code": _cell_code, "int": _cell_int,
    "float": _cell_float, "cccd": _cell_cccd, "phone": _cell_phone, "email": _cell_email, "unit_code": _cell_unit_code,
    "unit_name": _cell_unit_name, "general_education": _cell_general_education, "text": _cell_plain,
    "multiline": _cell_plain,
}


# Kinds whose result depends on the cell alone: a column repeats the same few values (Nam, Kinh, Đại học, a
# unit code, a date), so each distinct value is parsed once per column and replayed.
_MEMO_KINDS = frozenset({"code", "sex", "int", "float", "date", "unit_code", "unit_name", "general_education"})


def _run_memo(out: ParsedRow, j: int, f: ImportField, v: Any, ctx: ImportContext, handler: Handler) -> None:
    key = (j, f.key, type(v), v)  # (True == 1, but a date column reads them differently)
    hit = ctx.memo.get(key)
    if hit is None:
        probe = ParsedRow(0)
        handler(probe, j, f, v, ctx, {})
        sets = tuple((k, val, probe.sources.get(k, j)) for k, val in probe.values.items())
        plain = not (probe.unit_code or probe.unit_name or probe.problems or probe.warnings
                     or any(k in ("sex", "education_major") for k, _v, _s in sets))
        # A plain result (values only, none that another column may contradict) is replayed by two dict updates.
        hit = ((dict((k, val) for k, val, _s in sets), dict((k, src) for k, _v, src in sets)) if plain else None,
               sets, probe.unit_code, probe.unit_name, tuple(probe.problems), tuple(probe.warnings))
        if len(ctx.memo) > 200_000:
            ctx.memo.clear()
        ctx.memo[key] = hit
    if hit[0] is not None:
        out.values.update(hit[0][0])
        out.sources.update(hit[0][1])
        return
    _plain, sets, unit_code, unit_name, problems, warnings = hit
    for k, val, src in sets:
        if k == "sex" and out.values.get("sex", val) != val:
            out.problems.append(CellIssue(j, f.key, translate("domain.import_parse", "The sex column does not match the date of birth column (Nam/Nữ).")))
            continue
        if k == "education_major" and k in out.values:
            continue  # the major column wins over "Đại học Luật"
        out.values[k] = val
        out.sources[k] = src
    if unit_code:
        out.unit_code = unit_code
        out.sources["unit_code"] = j
    if unit_name:
        out.unit_name = unit_name
        out.sources["unit_name"] = j
    out.problems.extend(problems)
    out.warnings.extend(warnings)


@lru_cache(maxsize=64)
def _compiled(columns: tuple[str, ...]) -> tuple[tuple[int, ImportField, Handler, bool], ...]:
    """The mapping as (column, field, parser, parsed once per value) for the columns that are imported, worked
    out once."""
    out = []
    for j, key in enumerate(columns):
        f = FIELD_BY_KEY.get(key) if key else None
        if f is not None and f.kind != "skip":
            out.append((j, f, _HANDLERS[f.kind], f.kind in _MEMO_KINDS))
    return tuple(out)


def _finish_names(out: ParsedRow, parts: dict[str, str], columns: Sequence[str]) -> None:
    full = parts.get("full_name", "")
    if full:
        name = split_name(full)
        out.values.update(full_name=name.full_name, family_name=name.family, middle_name=name.middle,
                          given_name=name.given, name_family_last=name.family_last)
        out.sources["full_name"] = out.sources.pop("full_name", -1)
        return
    given = parts.get("given_name", "")
    if not given and not any(parts.values()):
        return
    family, middle = parts.get("family_name", ""), parts.get("middle_name", "")
    if "family_middle" in parts:
        fm = split_name(parts["family_middle"] + " x")  # the same split, with a placeholder given name
        family, middle = fm.family, fm.middle
    col = next((out.sources[k] for k in ("given_name", "family_middle", "family_name", "middle_name") if k in out.sources), -1)
    if not given:
        out.problems.append(CellIssue(out.sources.get("given_name", col), "given_name", translate("domain.import_parse", "The given name is missing (the Given name column is empty).")))
        return
    full_name = join_name(family, middle, given)
    out.values.update(full_name=full_name, family_name=family, middle_name=middle, given_name=given,
                      name_family_last=False)
    out.sources["full_name"] = col
