"""The administrative document frame of NĐ 30/2020/NĐ-CP, Phụ lục I (domain.md §6).

A4 portrait; margins top 20, bottom 20, left 30, right 15 mm; Times-metric font (Liberation Serif,
embedded). The two-column header: parent body (upright) over the issuing body (bold) with a short rule,
then "Số: 05/QĐ-UBND" on the left; the national name (bold, 12 pt), the motto (bold, 13 pt) with a rule
exactly as long as the motto, then place and date in italics on the right. Page numbers from the second
page of each document, centred in the top margin. Signature block on the right, "Nơi nhận" on the left.

One PDF may hold several documents (a dossier, a batch of CVs): each starts with ``PartStart``, which
restarts the page numbering and adds a bookmark to the outline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import IO, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate

from canbo_desktop.domain.dates import vn_long_date
from canbo_desktop.domain.text import nfc, upper
from canbo_desktop.services.pdf.fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC
from canbo_desktop.services.pdf.layout import (
    Columns,
    HRule,
    Inline,
    T,
    Token,
    VSpace,
    clean,
    para,
    text_width,
)

PAGE_W, PAGE_H = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
# The decree draws the header, it gives no widths: the right column must hold the national name at
# 12 pt bold (250 pt), the left column takes the rest.
HEADER_RIGHT_W = 262.0
HEADER_LEFT_W = TEXT_W - HEADER_RIGHT_W

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BODY_SIZE = 14.0
BODY_LEADING = 18.0
PAGE_NUMBER_SIZE = 13.0


# ------------------------------------------------------------------------------------------- numbers


def doc_number(number: int | None, kind: str, issuer_symbol: str) -> str:
    """"Số: 05/QĐ-UBND" (numbers below 10 get a leading zero); without a number the space is left blank
    for the clerk who registers the document."""
    kind, issuer_symbol = clean(kind), clean(issuer_symbol)
    symbol = f"{kind}-{issuer_symbol}" if issuer_symbol else kind
    if number is None:
        return f"Số:        /{symbol}"
    return f"Số: {number:02d}/{symbol}"


def place_date(place: str, on: date | None, *, year: int | None = None) -> str:
    """"Thanh Hà, ngày 05 tháng 3 năm 2026" (zero for days below 10 and for months 1 and 2); an unknown
    date leaves gaps to be filled when the document is signed (with the year when it is known)."""
    place = clean(place)
    if on is None:
        core = f"ngày      tháng      năm {year}" if year else "ngày      tháng      năm 20   "
        return f"{place}, {core}" if place else core
    return vn_long_date(on, place)


# ------------------------------------------------------------------------------------------- parts


class PartStart(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Marks the first page of a document inside the PDF: numbering restarts, a bookmark is added."""

    def __init__(self, title: str, key: str, *, level: int = 0, numbered: bool = True) -> None:
        super().__init__()
        self.title = clean(title)
        self.key = key
        self.level = level
        self.numbered = numbered

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        return


class Nd30Doc(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no type hints
    """A4 with the NĐ 30 margins; page numbers from each document's second page; outline entries."""

    def __init__(self, out: str | IO[bytes], *, title: str = "", author: str = "", subject: str = "",
                 page_numbers: bool = True, on_part: Callable[[int], None] | None = None, **kw: Any) -> None:
        super().__init__(
            out, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=clean(title), author=clean(author), subject=clean(subject),
            creator="Cán bộ Desktop", initialFontName=SERIF, initialFontSize=13, initialLeading=16, lang="vi-VN", **kw,
        )
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._page_end)])
        self.page_numbers = page_numbers
        self.on_part = on_part
        self._part_start = 1
        self._part_numbered = True
        self.parts: list[tuple[str, int]] = []  # (title, first page)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab API)
        if isinstance(flowable, PartStart):
            self._part_start = self.page
            self._part_numbered = flowable.numbered
            self.parts.append((flowable.title, self.page))
            if flowable.title:
                self.canv.bookmarkPage(flowable.key)
                self.canv.addOutlineEntry(flowable.title, flowable.key, level=flowable.level, closed=True)
            if self.on_part is not None:
                self.on_part(len(self.parts))

    def _page_end(self, canv: Any, doc: Any) -> None:
        n = self.page - self._part_start + 1
        if self.page_numbers and self._part_numbered and n >= 2:
            canv.saveState()
            canv.setFont(SERIF, PAGE_NUMBER_SIZE)
            canv.drawCentredString(MARGIN_LEFT + TEXT_W / 2, PAGE_H - MARGIN_TOP / 2 - 4, str(n))
            canv.restoreState()


def build(story: list[Flowable], out: str | IO[bytes], *, title: str = "", author: str = "", subject: str = "",
          page_numbers: bool = True, on_part: Callable[[int], None] | None = None) -> Nd30Doc:
    """Lay out ``story`` into ``out`` (a path or a binary file object); returns the document (pages, parts).
    ``on_part(n)`` is called as each document of the PDF is laid out (progress; it may raise to stop)."""
    doc = Nd30Doc(out, title=title, author=author, subject=subject, page_numbers=page_numbers, on_part=on_part)
    doc.build(story)
    return doc


def new_part(story: list[Flowable], title: str, key: str, *, level: int = 0, numbered: bool = True) -> None:
    """Start a new document in the same PDF: a page break unless it is the very first flowable."""
    if story:
        story.append(PageBreak())
    story.append(PartStart(title, key, level=level, numbered=numbered))


# ------------------------------------------------------------------------------------------- header


def _wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    words = text.split(" ")
    lines: list[str] = []
    cur = ""
    for w in words:
        cand = f"{cur} {w}" if cur else w
        if cur and text_width(cand, font, size) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines or [""]


def _balanced(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap into as few lines as the width allows, with lines of even length ("ỦY BAN NHÂN DÂN / XÃ TIÊN
    LÃNG" rather than "ỦY BAN NHÂN DÂN XÃ TIÊN / LÃNG")."""
    lines = _wrap_words(text, font, size, width)
    if len(lines) < 2:
        return lines
    lo, hi = max(text_width(w, font, size) for w in text.split(" ")), width
    for _ in range(20):
        mid = (lo + hi) / 2
        if len(_wrap_words(text, font, size, mid)) == len(lines):
            hi = mid
        else:
            lo = mid
    return _wrap_words(text, font, size, hi + 0.01)


class Nd30Header(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The two-column header of ô 1–4 (NĐ 30, Phụ lục I), drawn at exact positions."""

    LEADING = 15.0

    def __init__(self, issuer: str, *, parent_body: str = "", number_line: str = "", place_date_line: str = "") -> None:
        super().__init__()
        self.parent_lines = _balanced(upper(clean(parent_body)), SERIF, 12.5, HEADER_LEFT_W - 6) if clean(parent_body) else []
        self.issuer_lines = _balanced(upper(clean(issuer)), SERIF_BOLD, 12.5, HEADER_LEFT_W - 6)
        # composed by doc_number / place_date from cleaned parts; their blank gaps must stay
        self.number_line = nfc(number_line)
        self.place_date_line = nfc(place_date_line)

    def _layout(self) -> tuple[float, float, float]:
        left = (len(self.parent_lines) + len(self.issuer_lines)) * self.LEADING
        right = 2 * self.LEADING
        body = max(left, right) + 10  # room for the rules
        total = body + (self.LEADING + 4 if (self.number_line or self.place_date_line) else 0)
        return left, body, total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        _l, _b, total = self._layout()
        self.width, self.height = availWidth, total
        return availWidth, total

    def draw(self) -> None:
        c = self.canv
        _left_h, body, _total = self._layout()
        top = self.height
        lx = HEADER_LEFT_W / 2
        rx = HEADER_LEFT_W + HEADER_RIGHT_W / 2
        y = top - 12
        c.setFont(SERIF, 12.5)
        for line in self.parent_lines:
            c.drawCentredString(lx, y, line)
            y -= self.LEADING
        c.setFont(SERIF_BOLD, 12.5)
        widest = 0.0
        for line in self.issuer_lines:
            c.drawCentredString(lx, y, line)
            widest = max(widest, text_width(line, SERIF_BOLD, 12.5))
            y -= self.LEADING
        c.setLineWidth(0.6)
        rule = max(36.0, widest * 0.45)
        c.line(lx - rule / 2, y + self.LEADING - 6.5, lx + rule / 2, y + self.LEADING - 6.5)
        # right: national name, motto, rule as long as the motto
        y = top - 12
        c.setFont(SERIF_BOLD, 12)
        c.drawCentredString(rx, y, NATIONAL_NAME)
        y -= self.LEADING
        c.setFont(SERIF_BOLD, 13)
        c.drawCentredString(rx, y, MOTTO)
        mw = text_width(MOTTO, SERIF_BOLD, 13)
        c.line(rx - mw / 2, y - 6.5, rx + mw / 2, y - 6.5)
        base = top - body - self.LEADING + 2
        if self.number_line:
            c.setFont(SERIF, 13)
            c.drawCentredString(lx, base, self.number_line)
        if self.place_date_line:
            c.setFont(SERIF_ITALIC, 13)
            c.drawCentredString(rx, base, self.place_date_line)


def title_block(kind: str, subject: str = "", *, space_before: float = 18.0, rule: bool = True) -> list[Flowable]:
    """ô 5a: the document type (UPPER, bold) and its subject (bold) centred, a short rule under it."""
    out: list[Flowable] = [VSpace(space_before),
                           para(upper(clean(kind)), font=SERIF_BOLD, size=BODY_SIZE, align="center", leading=18)]
    subject = clean(subject)
    if subject:
        out.append(para(subject, font=SERIF_BOLD, size=BODY_SIZE, align="center", leading=18))
    if rule:
        width = min(TEXT_W * 0.5, max(60.0, text_width(subject or kind, SERIF_BOLD, BODY_SIZE) * 0.35))
        out.append(HRule(width, space_before=2))
    out.append(VSpace(10))
    return out


def body(text: str, *, size: float = BODY_SIZE, italic: bool = False, bold: bool = False, indent_first: bool = True,
         space_after: float = 6.0, align: str = "left") -> Inline:
    """ô 6: a justified paragraph, first line indented 1 cm, 6 pt after, single-and-a-bit line spacing."""
    font = SERIF_BOLD_ITALIC if (bold and italic) else SERIF_BOLD if bold else SERIF_ITALIC if italic else SERIF
    return para(clean(text), font=font, size=size, leading=round(size * 1.3, 1), justify=align == "left",
                align=align if align != "left" else "left", first_indent=10 * mm if indent_first else 0.0,
                space_after=space_after)


def body_runs(tokens: Sequence[Token], *, size: float = BODY_SIZE, indent_first: bool = True,
              space_after: float = 6.0) -> Inline:
    """A justified paragraph of mixed runs (e.g. "Điều 1." in bold, then upright text)."""
    return Inline(tokens, size=size, leading=round(size * 1.3, 1), justify=True,
                  first_indent=10 * mm if indent_first else 0.0, space_after=space_after)


def signature_block(authority: Sequence[str], signer: str = "", *, recipients: Sequence[str] | None = None,
                    note: str = "", space_before: float = 12.0, signer_gap: float = 62.0) -> Flowable:
    """ô 7 and 9b: "Nơi nhận" on the left (12 pt bold italic, items 11 pt), the signature on the right:
    competence and post in bold capitals, room for the signature and seal, the signer's name in bold."""
    right: list[Flowable] = []
    for line in authority:
        right.append(para(upper(clean(line)), font=SERIF_BOLD, size=13.5, align="center", leading=17))
    if note:
        right.append(para(clean(note), font=SERIF_ITALIC, size=12, align="center", leading=15))
    right.append(VSpace(signer_gap))
    right.append(para(clean(signer), font=SERIF_BOLD, size=13.5, align="center", leading=17))
    left: list[Flowable] = []
    if recipients is not None:
        left.append(para("Nơi nhận:", font=SERIF_BOLD_ITALIC, size=12, leading=14))
        for r in recipients:
            left.append(para(clean(r), size=11, leading=13))
    cols = Columns([(TEXT_W - HEADER_RIGHT_W, left), (HEADER_RIGHT_W, right)], space_before=space_before)
    return KeepTogether([cols])


def kv_runs(label: str, value: str, *, label_font: str = SERIF, value_font: str = SERIF) -> list[Token]:
    return [T(clean(label) + " ", label_font), T(clean(value), value_font)]


# ------------------------------------------------------------------------------------------- bodies

# Units that are places (the 2025 two-tier model keeps tỉnh and xã/phường/đặc khu; districts stay for history):
# their documents are issued by the People's Committee of the place.
PLACE_KINDS = {"xa": "xã", "phuong": "phường", "dac_khu": "đặc khu", "huyen": "huyện", "quan": "quận",
               "thi_xa": "thị xã", "thanh_pho": "thành phố", "tinh": "tỉnh"}
_ABBREVIATIONS = (("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"))
HEAD_POST = {"ubnd": "Chủ tịch", "hdnd": "Chủ tịch", "phong_ban": "Trưởng phòng", "so_nganh": "Giám đốc",
             "dang_uy": "Bí thư", "doan_the": "Chủ tịch"}


def body_name(unit: Any) -> str:
    """The name a unit issues documents under: "Xã Tân Lập" → "Ủy ban nhân dân xã Tân Lập";
    "UBND huyện Thanh Hà" → "Ủy ban nhân dân huyện Thanh Hà" (the header spells the body out)."""
    import re

    name = clean(unit.name)
    if unit.kind in PLACE_KINDS and name:
        return "Ủy ban nhân dân " + name[0].lower() + name[1:]
    for short, full in _ABBREVIATIONS:
        name = re.sub(rf"(?<!\w){short}(?!\w)", full, name)
    return name


def parent_body(chain: Sequence[Any]) -> str:
    """ô 2, first line: the body directly above the issuer (none for a People's Committee itself)."""
    if not chain:
        return ""
    unit = chain[0]
    if clean(unit.parent_body_name):
        return clean(unit.parent_body_name)
    if unit.kind in PLACE_KINDS or unit.kind in ("ubnd", "hdnd", "dang_uy") or len(chain) < 2:
        return ""
    return body_name(chain[1])


def place_of(chain: Sequence[Any]) -> str:
    """ô 4: the place name (địa danh) of the issuer, the nearest one up the tree."""
    for unit in chain:
        if clean(unit.place_name):
            return clean(unit.place_name)
    return ""


def symbol_of(unit: Any) -> str:
    """The issuer's abbreviation in document symbols ("UBND", "PNV"); initials when none is recorded."""
    if clean(unit.doc_symbol):
        return clean(unit.doc_symbol)
    if unit.kind in PLACE_KINDS or unit.kind == "ubnd":
        return "UBND"
    import unicodedata

    letters = [unicodedata.normalize("NFD", w)[0] for w in clean(unit.name).split(" ") if w and w[0].isalpha()]
    return ("".join(letters).upper().replace("Đ", "D")) or "VP"


def head_post(unit: Any) -> str:
    """The post of the head who signs for the unit ("Chủ tịch", "Trưởng phòng"…)."""
    if unit.kind in PLACE_KINDS:
        return "Chủ tịch"
    return HEAD_POST.get(unit.kind, "Thủ trưởng cơ quan")
