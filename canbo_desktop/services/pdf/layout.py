"""Fast text flowables for the forms: word wrapping with dotted leaders, table cells, rules, columns.

Platypus ``Paragraph`` parses markup and builds fragment objects on every call; a 2C CV has a few
hundred short pieces of text, and the budget is 60 ms for the whole CV. These flowables lay words out
with cached string widths and draw them with ``canvas.drawString``. They take plain text (no markup,
so nothing typed by a clerk can be misread as a tag) that is already NFC: every string passes
``clean`` first.

A line of the paper form is a flow of *tokens*: label text, value text, dotted leaders that stand for an
empty value (``Dots``), tab stops that fill the gap up to a column with dots (``Tab``), line breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.services.pdf.fonts import SERIF, register_fonts

register_fonts()
rl_config.useA85 = 0  # ASCII85 is pure Python here and doubles the time spent on the photo; binary streams are fine

DESCENT = 0.216  # Liberation Serif descender as a fraction of the size (Times metrics)
_WIDTHS: dict[tuple[str, str], float] = {}
_FONT_OBJECTS: dict[str, Any] = {}


def clean(text: object) -> str:
    """One line of text as it may reach reportlab: NFC, no control characters, single spaces."""
    if text is None:
        return ""
    return clean_line(str(text))


def clean_block(text: object) -> str:
    """Multi-line text (minutes, assessments): NFC, line breaks kept, control characters removed."""
    if text is None:
        return ""
    return "\n".join(clean_line(line) for line in clean_multiline(str(text)).split("\n")).strip()


def text_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points; words are cached (the same labels come back on every page)."""
    key = (font, text)
    w = _WIDTHS.get(key)
    if w is None:
        f = _FONT_OBJECTS.get(font)
        if f is None:
            f = _FONT_OBJECTS[font] = pdfmetrics.getFont(font)
        w = f.stringWidth(text, 1.0)
        if len(_WIDTHS) > 200_000:
            _WIDTHS.clear()
        _WIDTHS[key] = w
    return w * size


# ------------------------------------------------------------------------------------------- tokens


class T:
    """A run of text in one font."""

    __slots__ = ("text", "font")

    def __init__(self, text: str, font: str = SERIF) -> None:
        self.text = text
        self.font = font


class Dots:
    """A dotted leader of at least ``width`` points: an empty value on the paper form."""

    __slots__ = ("width",)

    def __init__(self, width: float = 60.0) -> None:
        self.width = width


class Tab:
    """Continue at ``at`` (fraction of the line width), filling the gap with dots."""

    __slots__ = ("at",)

    def __init__(self, at: float) -> None:
        self.at = at


class Br:
    """A line break."""

    __slots__ = ()


BR = Br()
Token = T | Dots | Tab | Br

# A laid-out line: ("t", x, text, font, gap_index) and ("d", x0, x1, "", 0) operations.
Op = tuple[str, float, Any, str, int]
Line = list[Op]


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word longer than the line (a pasted URL, a string of digits) is cut by characters."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, font, size) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def layout_tokens(tokens: Sequence[Token], width: float, size: float, *, first_indent: float = 0.0,
                  indent: float = 0.0, fill_end: bool = False,
                  justify: bool = False) -> tuple[list[Line], list[float], list[bool]]:
    """Greedy line breaking. Returns the lines (drawing operations), each line's natural end x, and
    whether each line ends the paragraph or a forced break (such a line is never justified)."""
    lines: list[Line] = []
    ends: list[float] = []
    hard: list[bool] = []
    line: Line = []
    gap_sep = 3.0  # between a text and a dotted leader
    x = first_indent
    start = first_indent
    gaps = 0
    # the text chunk being accumulated: consecutive words in one font are drawn with one call
    chunk: list[Any] | None = None  # [x, text, font]
    last_font = SERIF

    def flush() -> None:
        nonlocal chunk
        if chunk is not None:
            line.append(("t", chunk[0], chunk[1], chunk[2], chunk[3]))
            chunk = None

    def newline(forced: bool = False) -> None:
        nonlocal line, x, start, gaps
        flush()
        lines.append(line)
        ends.append(x)
        hard.append(forced)
        line = []
        x = start = indent
        gaps = 0

    space_pending = False
    for tok in tokens:
        if isinstance(tok, T):
            font = tok.font
            last_font = font
            text = tok.text
            if not text:
                continue
            if text[0] == " ":
                space_pending = True
            words = text.split(" ")
            n = len(words)
            for i, word in enumerate(words):
                if not word:
                    if i > 0:
                        space_pending = True
                    continue
                ww = text_width(word, font, size)
                sw = text_width(" ", font, size) if (space_pending and x > start) else 0.0
                if x + sw + ww > width + 0.01 and x > start:
                    newline()
                    sw = 0.0
                if ww > width - x + 0.01:  # cannot fit even on an empty line
                    for piece in _break_word(word, font, size, width - indent if x == start else width - x):
                        pw = text_width(piece, font, size)
                        if x + pw > width + 0.01 and x > start:
                            newline()
                        flush()
                        line.append(("t", x, piece, font, gaps))
                        x += pw
                    space_pending = i < n - 1
                    continue
                if sw:
                    gaps += 1
                if chunk is not None and chunk[2] == font and not justify:
                    chunk[1] += (" " if sw else "") + word
                else:
                    flush()
                    chunk = [x + sw, word, font, gaps]
                x += sw + ww
                space_pending = i < n - 1
        elif isinstance(tok, Dots):
            x0 = x + (gap_sep if x > start else 0.0)
            if x0 + tok.width > width + 0.01 and x > start:
                newline()
                x0 = x
            flush()
            x1 = min(width, x0 + tok.width)
            line.append(("d", x0, x1, "", 0))
            x = x1
            space_pending = True
        elif isinstance(tok, Tab):
            pos = tok.at * width
            flush()
            last_dots = bool(line) and line[-1][0] == "d" and abs(line[-1][2] - x) < 0.5
            if last_dots and line[-1][1] + 10 <= pos - gap_sep:
                # an empty value's leader stretches or shrinks to the column: one leader, not two
                line[-1] = ("d", line[-1][1], pos - gap_sep, "", 0)
                x = pos
                start_tab = True
            elif x + 2 * gap_sep + 6 <= pos:
                if x > start:
                    line.append(("d", x + gap_sep, pos - gap_sep, "", 0))
                x = pos
                start_tab = True
            else:
                # the value ran past the column: a short leader, then go on
                if x + 24 < width:
                    line.append(("d", x + gap_sep, x + 18, "", 0))
                    x += 18 + gap_sep
                else:
                    newline()
                start_tab = False
            space_pending = not start_tab
        else:  # Br
            newline(True)
            space_pending = False
    flush()
    if fill_end and line and line[-1][0] == "d" and abs(line[-1][2] - x) < 0.5:
        line[-1] = ("d", line[-1][1], width, "", 0)
        x = width
    elif fill_end and width - x > 8:
        line.append(("d", x + (gap_sep if x > start else 0.0), width, "", 0))
        x = width
    if line or not lines:
        lines.append(line)
        ends.append(x)
        hard.append(True)
    elif hard:
        hard[-1] = True
    del last_font
    return lines, ends, hard


class PageWriter:
    """Text and dotted leaders written straight into the page's content stream.

    ``canvas.drawString`` builds a text object, re-measures the string and formats every number through
    reportlab's pure-Python ``fp_str`` (no accelerator is installed): two thirds of a CV's time. The
    operators written here are the ones reportlab writes for a TrueType font (``splitString`` into
    256-glyph subsets, ``getSubsetInternalName`` registers the subset with the document), in one
    ``BT … ET`` per flowable. Text state set inside it does not leak: reportlab starts every text object
    of its own with ``Tf``."""

    __slots__ = ("canv", "doc", "code", "parts", "font", "subset", "size", "in_text")

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self.doc = canv._doc
        self.code = canv._code
        self.parts: list[str] = []
        self.font: str | None = None
        self.subset = -1
        self.size = 0.0
        self.in_text = False

    def text(self, x: float, y: float, text: str, font: str, size: float) -> None:
        f = _FONT_OBJECTS.get(font)
        if f is None:
            f = _FONT_OBJECTS[font] = pdfmetrics.getFont(font)
        parts = self.parts
        if not self.in_text:
            parts.append("BT")
            self.in_text = True
            self.font = None
        parts.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        doc = self.doc
        for subset, chunk in f.splitString(text, doc):
            if font != self.font or subset != self.subset or size != self.size:
                parts.append(f"{f.getSubsetInternalName(subset, doc)} {size:g} Tf")
                self.font, self.subset, self.size = font, subset, size
            parts.append(f"<{chunk.hex()}> Tj")  # a hex string needs no escaping (escapePDF is pure Python here)

    def dots(self, x0: float, x1: float, y: float) -> None:
        if x1 - x0 < 2:
            return
        if self.in_text:
            self.parts.append("ET")
            self.in_text = False
        self.parts.append(f"q 0.9 w 1 J [0.01 2.6] 0 d {x0:.2f} {y:.2f} m {x1:.2f} {y:.2f} l S Q")

    def close(self) -> None:
        if self.in_text:
            self.parts.append("ET")
            self.in_text = False
        if self.parts:
            self.code.append(" ".join(self.parts))
            self.parts = []


class Inline(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Wrapped text made of tokens, drawn line by line; splits between lines across pages."""

    def __init__(self, tokens: Sequence[Token], *, size: float = 13.0, leading: float | None = None,
                 first_indent: float = 0.0, indent: float = 0.0, align: str = "left", justify: bool = False,
                 fill_end: bool = False, min_lines: int = 0, space_before: float = 0.0, space_after: float = 0.0,
                 lines: list[Line] | None = None, ends: list[float] | None = None, hard: list[bool] | None = None,
                 width: float | None = None) -> None:
        super().__init__()
        self.tokens = tokens
        self.size = size
        self.leading = leading if leading is not None else round(size * 1.25, 2)
        self.first_indent = first_indent
        self.indent = indent
        self.align = align
        self.justify = justify
        self.fill_end = fill_end
        self.min_lines = min_lines
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._lines = lines
        self._ends = ends
        self._hard = hard
        self._laid_width = width
        self.width = width or 0.0
        self.height = 0.0

    def _layout(self, width: float) -> None:
        if self._lines is not None and self._laid_width is not None and abs(self._laid_width - width) < 0.01:
            return
        lines, ends, hard = layout_tokens(self.tokens, width, self.size, first_indent=self.first_indent,
                                          indent=self.indent, fill_end=self.fill_end, justify=self.justify)
        while len(lines) < self.min_lines:
            lines.append([("d", self.indent, width, "", 0)])
            ends.append(width)
            hard.append(True)
        self._lines, self._ends, self._hard, self._laid_width = lines, ends, hard, width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        self._layout(availWidth)
        assert self._lines is not None
        self.width = availWidth
        self.height = len(self._lines) * self.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._layout(availWidth)
        assert self._lines is not None and self._ends is not None and self._hard is not None
        n = int((availHeight + 0.01) // self.leading)
        if n <= 0:
            return []
        if n >= len(self._lines):
            return [self]
        common: dict[str, Any] = {"size": self.size, "leading": self.leading, "align": self.align,
                                  "justify": self.justify, "width": availWidth}
        head = Inline((), lines=self._lines[:n], ends=self._ends[:n], hard=self._hard[:n],
                      space_before=self.spaceBefore, **common)
        tail = Inline((), lines=self._lines[n:], ends=self._ends[n:], hard=self._hard[n:],
                      space_after=self.spaceAfter, **common)
        return [head, tail]

    def draw(self) -> None:
        out = PageWriter(self.canv)
        self.paint(out, 0.0, 0.0)
        out.close()

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        # Platypus wraps every drawOn in saveState/translate/restoreState; absolute positions save that
        # for the few hundred lines of a CV.
        out = PageWriter(canvas)
        self.paint(out, x, y)
        out.close()

    def paint(self, out: PageWriter, x0: float, y0: float) -> None:
        """Write the lines with the box's bottom-left corner at (x0, y0) (after ``wrap``)."""
        assert self._lines is not None and self._ends is not None and self._hard is not None
        size, leading = self.size, self.leading
        width = self._laid_width or self.width
        top = y0 + len(self._lines) * leading
        for i, line in enumerate(self._lines):
            y = top - (i + 1) * leading + (leading - size) / 2 + DESCENT * size
            shift = x0
            extra = 0.0
            end = self._ends[i]
            if self.align == "center":
                shift += (width - end) / 2
            elif self.align == "right":
                shift += width - end
            elif self.justify and not self._hard[i]:
                gaps = max((op[4] for op in line if op[0] == "t"), default=0)
                if gaps:
                    extra = (width - end) / gaps
            for kind, x, payload, f, gap in line:
                if kind == "t":
                    out.text(x + shift + gap * extra, y, payload, f, size)
                else:
                    out.dots(x + shift + 1, payload + shift, y + 0.6)


class Grid(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A bordered table of text cells, drawn in one pass (reportlab's Table costs a third of a CV).

    Rows never split between pages unless a single row is taller than a whole page; the header rows are
    repeated on every page."""

    def __init__(self, rows: Sequence[Sequence[Inline]], widths: Sequence[float], *, header_rows: int = 1,
                 min_heights: Sequence[float] | None = None, padding: tuple[float, float, float, float] = (3, 2, 3, 3),
                 line_width: float = 0.5, space_before: float = 0.0, space_after: float = 0.0,
                 middle_rows: int | None = None) -> None:
        super().__init__()
        self.rows = [list(r) for r in rows]
        self.widths = list(widths)
        self.header_rows = header_rows
        self.min_heights = list(min_heights) if min_heights is not None else [0.0] * len(self.rows)
        self.padding = padding  # left, top, right, bottom
        self.line_width = line_width
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.middle_rows = header_rows if middle_rows is None else middle_rows
        self._heights: list[float] = []

    def _row_height(self, i: int) -> float:
        left, top, right, bottom = self.padding
        h = 0.0
        for c, w in zip(self.rows[i], self.widths, strict=True):
            _cw, ch = c.wrap(w - left - right, 1e6)
            h = max(h, ch)
        return max(h + top + bottom, self.min_heights[i] if i < len(self.min_heights) else 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._heights = [self._row_height(i) for i in range(len(self.rows))]
        self.width = sum(self.widths)
        self.height = sum(self._heights)
        return self.width, self.height

    def _part(self, rows: list[list[Inline]], mins: list[float], *, after: float) -> Grid:
        return Grid(rows, self.widths, header_rows=self.header_rows, min_heights=mins, padding=self.padding,
                    line_width=self.line_width, space_after=after, middle_rows=self.middle_rows)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if not self._heights:
            self.wrap(availWidth, availHeight)
        head = self.header_rows
        used = sum(self._heights[:head])
        n = head
        while n < len(self.rows) and used + self._heights[n] <= availHeight + 0.01:
            used += self._heights[n]
            n += 1
        if n == head:
            # not even one row fits: split that row itself when the room is a good part of a page
            if head >= len(self.rows) or availHeight - used < 120:
                return []
            return self._split_row(head, availHeight - used)
        if n >= len(self.rows):
            return [self]
        body = len(self.rows) - head
        if body > 1 and n - head < 2:
            return []  # a lone row under its header: move the table to the next page
        if len(self.rows) - n < 2 and n - head > 2:
            n -= 1  # and never leave a lone row on the next page
        first = self._part(self.rows[:n], self.min_heights[:n], after=0.0)
        rest = self._part(self.rows[:head] + self.rows[n:], self.min_heights[:head] + self.min_heights[n:],
                          after=self.spaceAfter)
        first.spaceBefore = self.spaceBefore
        return [first, rest]

    def _split_row(self, i: int, room: float) -> list[Flowable]:
        left, top, right, bottom = self.padding
        inner = room - top - bottom
        firsts: list[Inline] = []
        seconds: list[Inline] = []
        for c, w in zip(self.rows[i], self.widths, strict=True):
            parts = c.split(w - left - right, inner)
            if not parts:
                firsts.append(cell(""))
                seconds.append(c)
            elif len(parts) == 1:
                firsts.append(c)
                seconds.append(cell(""))
            else:
                firsts.append(parts[0])
                seconds.append(parts[1])
        head = self.header_rows
        mins_head = self.min_heights[:head]
        first = self._part(self.rows[:head] + [firsts], mins_head + [0.0], after=0.0)
        rest = self._part(self.rows[:head] + [seconds] + self.rows[i + 1:],
                          mins_head + [0.0] + self.min_heights[i + 1:], after=self.spaceAfter)
        return [first, rest]

    def draw(self) -> None:
        out = PageWriter(self.canv)
        left, top, right, bottom = self.padding
        y = self.height
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        for i, (row, h) in enumerate(zip(self.rows, self._heights, strict=True)):
            for c, x in zip(row, xs, strict=False):
                ch = c.height
                if i < self.middle_rows:
                    cy = y - h + (h - ch) / 2
                else:
                    cy = y - top - ch
                c.paint(out, x + left, cy)
            y -= h
        out.close()
        # the grid: every row line, every column line, one path
        path = [f"q {self.line_width:g} w"]
        y = self.height
        total = xs[-1]
        path.append(f"0 {y:.2f} m {total:.2f} {y:.2f} l")
        for h in self._heights:
            y -= h
            path.append(f"0 {y:.2f} m {total:.2f} {y:.2f} l")
        for x in xs:
            path.append(f"{x:.2f} 0 m {x:.2f} {self.height:.2f} l")
        path.append("S Q")
        self.canv._code.append(" ".join(path))


def text_tokens(text: str, font: str = SERIF) -> list[Token]:
    """A (multi-line) text as tokens, a line break for each newline."""
    out: list[Token] = []
    for i, part in enumerate(text.split("\n")):
        if i:
            out.append(BR)
        out.append(T(part, font))
    return out


def para(text: str, *, font: str = SERIF, size: float = 13.0, leading: float | None = None, align: str = "left",
         justify: bool = False, first_indent: float = 0.0, indent: float = 0.0, space_before: float = 0.0,
         space_after: float = 0.0) -> Inline:
    """A paragraph of plain text (already cleaned) in one font."""
    return Inline(text_tokens(text, font), size=size, leading=leading, align=align, justify=justify,
                  first_indent=first_indent, indent=indent, space_before=space_before, space_after=space_after)


def cell(text: str, *, font: str = SERIF, size: float = 11.0, align: str = "left", leading: float | None = None) -> Inline:
    """A table cell: wrapped text, no leaders."""
    return Inline(text_tokens(text, font) if text else [], size=size, leading=leading or round(size * 1.2, 2), align=align)


# ------------------------------------------------------------------------------------------- shapes


class HRule(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A solid horizontal rule of a given width, centred (or at ``x``) in the frame."""

    def __init__(self, length: float, *, thickness: float = 0.6, align: str = "center", space_before: float = 0.0,
                 space_after: float = 0.0) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.align = align
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.thickness + 1
        return availWidth, self.height

    def draw(self) -> None:
        x = (self.width - self.length) / 2 if self.align == "center" else 0.0
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, 0.5, x + self.length, 0.5)


class VSpace(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Vertical space that, unlike platypus' Spacer, is not dropped at the top of a frame."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return availWidth, self.height

    def draw(self) -> None:
        return


class Columns(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Side-by-side columns of flowables, top-aligned; kept together on one page."""

    def __init__(self, columns: Sequence[tuple[float, Sequence[Flowable]]], *, space_before: float = 0.0,
                 space_after: float = 0.0, gap: float = 0.0) -> None:
        super().__init__()
        self.columns = [(w, list(fs)) for w, fs in columns]
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.gap = gap
        self._sizes: list[list[float]] = []

    def _widths(self, avail: float) -> list[float]:
        fixed = sum(w for w, _ in self.columns if w > 0)
        flexible = [w for w, _ in self.columns if w <= 0]
        rest = max(0.0, avail - fixed - self.gap * (len(self.columns) - 1))
        share = rest / len(flexible) if flexible else 0.0
        return [w if w > 0 else share for w, _ in self.columns]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self._sizes = []
        height = 0.0
        for w, (_cw, flows) in zip(self._widths(availWidth), self.columns, strict=True):
            col = []
            total = 0.0
            for f in flows:
                _fw, fh = f.wrap(w, availHeight)
                total += fh + f.getSpaceBefore() + f.getSpaceAfter()
                col.append(fh)
            self._sizes.append(col)
            height = max(height, total)
        self.height = height
        return availWidth, height

    def draw(self) -> None:
        x = 0.0
        for w, (_cw, flows), sizes in zip(self._widths(self.width), self.columns, self._sizes, strict=True):
            y = self.height
            for f, fh in zip(flows, sizes, strict=True):
                y -= f.getSpaceBefore() + fh
                f.drawOn(self.canv, x, y)
                y -= f.getSpaceAfter()
            x += w + self.gap

