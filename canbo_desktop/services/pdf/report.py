"""The reports as PDF documents of NĐ 30/2020 (embedded Times-metric font, no Helvetica anywhere).

* ``render_targets_pdf(report, out, trend=None, issuer=…)``: "BÁO CÁO Kết quả thực hiện chỉ tiêu cơ cấu đội
  ngũ cán bộ": portrait A4 in the NĐ 30 frame of ``nd30.py`` (header, title, signature); the summary of the
  unit, then for each indicator the units below it in a table and a bar chart against the threshold; the
  trend over the years as a line chart.
* ``render_statistics_pdf(report, out, issuer=…)``: the statistics forms in landscape A4 (the decree allows
  landscape for tables), the same margins, header and page numbers, one form per page group, with the
  "Người lập biểu" / "Thủ trưởng đơn vị" signatures of the forms.

Both return the number of pages and accept a path or a binary file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from canbo_desktop.domain import reports as r
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.text import upper
from canbo_desktop.i18n import vietnamese_document
from canbo_desktop.services.pdf import nd30
from canbo_desktop.services.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from canbo_desktop.services.pdf.layout import Columns, Grid, HRule, VSpace, cell, clean, para, text_width

register_fonts()

MET = colors.HexColor("#2E7D32")
NOT_MET = colors.HexColor("#C62828")
INFO = colors.HexColor("#546E7A")
LINE_COLORS = ["#1565C0", "#C62828", "#2E7D32", "#EF6C00", "#6A1B9A", "#00838F", "#5D4037", "#AD1457"]
CHART_UNITS = 25  # a chart with more bars cannot be read on A4: the lowest are shown


def _bar_color(row: r.TargetRow) -> Any:
    if row.threshold is None or row.met is None:
        return INFO
    return MET if row.met else NOT_MET


def _short(text: str, width: float, size: float) -> str:
    text = clean(text)
    if text_width(text, SERIF, size) <= width:
        return text
    while text and text_width(text + "…", SERIF, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial state uses the embedded font (renderPDF otherwise sets Helvetica first)."""
    d = Drawing(width, height)
    d.initialFontName = SERIF
    d.initialFontSize = 8
    return d


def _label(x: float, y: float, text: str, *, size: float = 8, font: str = SERIF, anchor: str = "start") -> String:
    return String(x, y, clean(text), fontName=font, fontSize=size, textAnchor=anchor)


def bar_chart(rows: Sequence[r.TargetRow], ind: r.IndicatorInfo, width: float = nd30.TEXT_W) -> Drawing:
    """One bar per unit (its share, 0–100%), coloured met / not met / informational, with the threshold as a
    dashed line. Units without anyone in the denominator have no bar."""
    shown = [x for x in rows if x.value is not None]
    note = ""
    if len(shown) > CHART_UNITS:
        shown = sorted(shown, key=lambda x: (x.value or 0.0, x.unit_name))[:CHART_UNITS]
        note = f"{CHART_UNITS} đơn vị có tỷ lệ thấp nhất trong {len(rows)} đơn vị."
    label_w = min(170.0, width * 0.36)
    bar_h = 13.0
    plot_h = max(bar_h * len(shown), bar_h)
    height = plot_h + 44 + (12 if note else 0)
    d = _drawing(width, height)
    bc = HorizontalBarChart()
    bc.x, bc.y = label_w + 6, 26 + (12 if note else 0)
    bc.width, bc.height = width - label_w - 16, plot_h
    bc.data = [[x.value or 0.0 for x in reversed(shown)]]
    bc.categoryAxis.categoryNames = [_short(x.unit_name, label_w - 4, 8) for x in reversed(shown)]
    bc.categoryAxis.labels.fontName = SERIF
    bc.categoryAxis.labels.fontSize = 8
    bc.categoryAxis.labels.boxAnchor = "e"
    bc.categoryAxis.labels.dx = -3
    bc.categoryAxis.strokeColor = colors.grey
    bc.valueAxis.valueMin, bc.valueAxis.valueMax, bc.valueAxis.valueStep = 0, 100, 20
    bc.valueAxis.labels.fontName = SERIF
    bc.valueAxis.labels.fontSize = 8
    bc.valueAxis.labelTextFormat = "%d%%"
    bc.valueAxis.strokeColor = colors.grey
    bc.barWidth = bar_h * 0.7
    bc.groupSpacing = bar_h * 0.3
    bc.barLabels.fontName = SERIF
    bc.barLabels.fontSize = 7
    bc.barLabelFormat = lambda v: r.percent_text(v)
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 2
    for i, x in enumerate(reversed(shown)):
        bc.bars[(0, i)].fillColor = _bar_color(x)
        bc.bars[(0, i)].strokeColor = None
    d.add(bc)
    if ind.threshold is not None:
        tx = bc.x + bc.width * ind.threshold / 100
        d.add(Line(tx, bc.y - 2, tx, bc.y + bc.height + 2, strokeColor=colors.black, strokeWidth=0.8,
                   strokeDashArray=[3, 2]))
        sign = "≥" if ind.comparison == ">=" else "≤"
        d.add(_label(tx, bc.y + bc.height + 5, f"chỉ tiêu {sign} {r.percent_text(ind.threshold)}", size=7,
                     font=SERIF_ITALIC, anchor="middle"))
    if note:
        d.add(_label(0, 2, note, size=7, font=SERIF_ITALIC))
    return d


def trend_chart(report: r.TargetsReport, trend: Sequence[r.TrendPoint], width: float = nd30.TEXT_W) -> Drawing:
    """Each indicator of the unit as a line over the dates of the trend (0–100%), with a legend."""
    n = len(report.indicators)
    legend_h = 12.0 * n + 6
    height = 190 + legend_h
    d = _drawing(width, height)
    lc = HorizontalLineChart()
    lc.x, lc.y = 34, legend_h + 24
    lc.width, lc.height = width - 50, 150
    series = []
    for ind in report.indicators:
        values = []
        for p in trend:
            row = next((x for x in p.rows if x.indicator == ind.code and x.level == 0), None)
            values.append(row.value if row is not None and row.value is not None else None)
        series.append(values)
    lc.data = series
    lc.categoryAxis.categoryNames = [format_date(p.on) for p in trend]
    lc.categoryAxis.labels.fontName = SERIF
    lc.categoryAxis.labels.fontSize = 8
    lc.valueAxis.valueMin, lc.valueAxis.valueMax, lc.valueAxis.valueStep = 0, 100, 20
    lc.valueAxis.labels.fontName = SERIF
    lc.valueAxis.labels.fontSize = 8
    lc.valueAxis.labelTextFormat = "%d%%"
    lc.joinedLines = 1
    for i in range(n):
        lc.lines[i].strokeColor = colors.HexColor(LINE_COLORS[i % len(LINE_COLORS)])
        lc.lines[i].strokeWidth = 1.4
    d.add(lc)
    legend = Legend()
    legend.x, legend.y = 34, legend_h
    legend.fontName = SERIF
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = n
    legend.deltay = 12
    legend.colorNamePairs = [(colors.HexColor(LINE_COLORS[i % len(LINE_COLORS)]), _short(ind.name, width - 60, 8))
                             for i, ind in enumerate(report.indicators)]
    d.add(legend)
    return d


# ------------------------------------------------------------------------------------------- targets


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *,
          right: Sequence[int] = (), bold_rows: Sequence[int] = ()) -> Grid:
    head = [cell(h, font=SERIF_BOLD, size=10, align="center") for h in header]
    body = []
    for i, row in enumerate(rows):
        font = SERIF_BOLD if i in bold_rows else SERIF
        body.append([cell(v, font=font, size=10, align="right" if j in right else "left") for j, v in enumerate(row)])
    return Grid([head, *body], widths, space_before=4, space_after=8)


def _heading(text: str) -> Flowable:
    return para(clean(text), font=SERIF_BOLD, size=13, leading=17, space_before=8, space_after=4)


def _target_text(ind: r.IndicatorInfo) -> str:
    if ind.threshold is None:
        return "Theo dõi"
    out = f"{'≥' if ind.comparison == '>=' else '≤'} {r.percent_text(ind.threshold)}"
    return out + (f" đến {format_date(ind.deadline)}" if ind.deadline else "")


@vietnamese_document
def render_targets_pdf(report: r.TargetsReport, out: str | IO[bytes], *, trend: Sequence[r.TrendPoint] | None = None,
                       issuer: str = "", parent_body: str = "", place: str = "", symbol: str = "") -> int:
    """The targets report of ``report.root`` (see the module docstring). ``issuer``: the body that reports
    (default: the unit itself). Returns the number of pages."""
    issuer = issuer or report.root.name
    story: list[Flowable] = [
        nd30.Nd30Header(issuer, parent_body=parent_body, number_line=nd30.doc_number(None, "BC", symbol),
                        place_date_line=nd30.place_date(place, None, year=report.at.year)),
        *nd30.title_block("Báo cáo", f"Kết quả thực hiện chỉ tiêu cơ cấu đội ngũ cán bộ tính đến ngày "
                                     f"{format_date(report.at)}"),
    ]
    if report.legal_source:
        story.append(nd30.body(f"Căn cứ {report.legal_source}.", italic=True, size=13))
    story.append(nd30.body(
        f"Số liệu của {report.root.name} tính trên toàn bộ các đơn vị trực thuộc: tử số và mẫu số của các đơn vị "
        "được cộng lại, tỷ lệ tính một lần trên tổng (không lấy trung bình tỷ lệ của các đơn vị).", size=13))
    for note in report.notes:
        story.append(nd30.body(note, italic=True, size=12))
    story.append(_heading("I. KẾT QUẢ CHUNG"))
    root_rows = report.for_unit(report.root.id)
    widths = [26.0, 170.0, 62.0, 50.0, 84.0, nd30.TEXT_W - 392.0]
    story.append(_grid(["STT", "Chỉ tiêu", "Tử số/Mẫu số", "Tỷ lệ", "Chỉ tiêu đặt ra", "Kết quả"],
                       [[str(i), row.name, f"{row.numerator}/{row.denominator}",
                         "" if row.value is None else r.percent_text(row.value),
                         _target_text(ind), r.verdict(row.met, row.threshold) + (" (quá hạn)" if row.overdue else "")]
                        for i, (row, ind) in enumerate(zip(root_rows, report.indicators, strict=True), start=1)],
                       widths, right=(2, 3)))
    story.append(_heading("II. CHI TIẾT THEO ĐƠN VỊ"))
    children = [u for u in report.units if u.parent_id == report.root.id]
    for k, ind in enumerate(report.indicators, start=1):
        root_row = report.row(report.root.id, ind.code)
        rows = [report.row(u.id, ind.code) for u in children]
        block: list[Flowable] = [
            para(f"{k}. {clean(ind.name)}", font=SERIF_BOLD, size=13, leading=17, space_before=6),
            nd30.body(f"{report.root.name}: {root_row.message}", size=12, indent_first=False, space_after=2),
        ]
        story.append(CondPageBreak(200))
        if rows:
            block.append(_grid(["STT", "Đơn vị", "Tử số", "Mẫu số", "Tỷ lệ", "Kết quả"],
                               [[str(i), x.unit_name, str(x.numerator), str(x.denominator),
                                 "" if x.value is None else r.percent_text(x.value), r.verdict(x.met, x.threshold)]
                                for i, x in enumerate(rows, start=1)],
                               [26.0, nd30.TEXT_W - 272.0, 52.0, 52.0, 60.0, 82.0], right=(2, 3, 4)))
            block += [bar_chart(rows, ind), VSpace(6)]
        # together on a page when it fits (a long list of units still splits)
        story.append(KeepTogether(block))
    if trend:
        story.append(CondPageBreak(320))
        story.append(_heading("III. DIỄN BIẾN QUA CÁC NĂM"))
        story.append(nd30.body("Tỷ lệ tại ngày 31/12 các năm trước và tại ngày báo cáo; số liệu các ngày đã qua được "
                               "dựng lại từ lịch sử hồ sơ (quyết định, quá trình đào tạo).", size=12))
        story.append(trend_chart(report, trend))
        dates = [format_date(p.on) for p in trend]
        col_w = 52.0
        name_w = max(120.0, nd30.TEXT_W - col_w * len(dates))
        values = []
        for ind in report.indicators:
            line = [ind.name]
            for p in trend:
                row = next((x for x in p.rows if x.indicator == ind.code and x.level == 0), None)
                line.append("" if row is None or row.value is None else r.percent_text(row.value))
            values.append(line)
        story.append(_grid(["Chỉ tiêu", *dates], values, [name_w] + [col_w] * len(dates),
                           right=tuple(range(1, len(dates) + 1))))
    story.append(nd30.signature_block(["Thủ trưởng đơn vị"], recipients=["- Như trên;", "- Lưu: VT."]))
    doc = nd30.build(story, out, title=f"Báo cáo chỉ tiêu cơ cấu đội ngũ cán bộ - {report.root.name}",
                     author=issuer, subject="Chỉ tiêu cơ cấu đội ngũ cán bộ")
    return int(doc.page)


# ------------------------------------------------------------------------------------------- statistics

LAND_W, LAND_H = landscape(A4)
LAND_TEXT_W = LAND_W - nd30.MARGIN_LEFT - nd30.MARGIN_RIGHT


class _LandscapeDoc(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no type hints
    """Landscape A4 with the NĐ 30 margins and page numbers from the second page, centred at the top."""

    def __init__(self, out: str | IO[bytes], **kw: Any) -> None:
        super().__init__(out, pagesize=landscape(A4), leftMargin=nd30.MARGIN_LEFT, rightMargin=nd30.MARGIN_RIGHT,
                         topMargin=nd30.MARGIN_TOP, bottomMargin=nd30.MARGIN_BOTTOM, initialFontName=SERIF,
                         initialFontSize=13, initialLeading=16, lang="vi-VN", creator="Cán bộ Desktop", **kw)
        frame = Frame(nd30.MARGIN_LEFT, nd30.MARGIN_BOTTOM, LAND_TEXT_W, LAND_H - nd30.MARGIN_TOP - nd30.MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("land", [frame], onPageEnd=self._page_end)])

    def _page_end(self, canv: Any, doc: Any) -> None:
        if self.page >= 2:
            canv.saveState()
            canv.setFont(SERIF, nd30.PAGE_NUMBER_SIZE)
            canv.drawCentredString(nd30.MARGIN_LEFT + LAND_TEXT_W / 2, LAND_H - nd30.MARGIN_TOP / 2 - 4, str(self.page))
            canv.restoreState()


class _WideHeader(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The NĐ 30 header across a landscape page: the reporting body on the left, the national name and
    motto on the right (same sizes and rules as ``nd30.Nd30Header``), then the number and place/date."""

    LEADING = 15.0

    def __init__(self, issuer: str, parent_body: str, number_line: str, place_date_line: str) -> None:
        super().__init__()
        self.parent = upper(clean(parent_body))
        self.issuer = upper(clean(issuer))
        self.number_line = number_line
        self.place_date_line = place_date_line

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.LEADING * 4 + 10
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        left_w = self.width * 0.42
        lx, rx = left_w / 2, left_w + (self.width - left_w) / 2
        y = self.height - 12
        c.setFont(SERIF, 12.5)
        if self.parent:
            c.drawCentredString(lx, y, _short(self.parent, left_w - 6, 12.5))
            y -= self.LEADING
        c.setFont(SERIF_BOLD, 12.5)
        issuer = _short(self.issuer, left_w - 6, 12.5)
        c.drawCentredString(lx, y, issuer)
        rule = max(36.0, text_width(issuer, SERIF_BOLD, 12.5) * 0.45)
        c.setLineWidth(0.6)
        c.line(lx - rule / 2, y - 6.5, lx + rule / 2, y - 6.5)
        y = self.height - 12
        c.setFont(SERIF_BOLD, 12)
        c.drawCentredString(rx, y, nd30.NATIONAL_NAME)
        y -= self.LEADING
        c.setFont(SERIF_BOLD, 13)
        c.drawCentredString(rx, y, nd30.MOTTO)
        mw = text_width(nd30.MOTTO, SERIF_BOLD, 13)
        c.line(rx - mw / 2, y - 6.5, rx + mw / 2, y - 6.5)
        base = self.height - 12 - 2 * self.LEADING - 14
        c.setFont(SERIF, 13)
        c.drawCentredString(lx, base, self.number_line)
        c.setFont(SERIF_ITALIC, 13)
        c.drawCentredString(rx, base, self.place_date_line)


# Column headers as the printed forms abbreviate them (the workbook keeps the full words).
_ABBREVIATIONS = {
    "Chuyên viên cao cấp và tương đương": "CVCC và TĐ", "Chuyên viên chính và tương đương": "CVC và TĐ",
    "Chuyên viên và tương đương": "CV và TĐ", "Cán sự và tương đương": "CS và TĐ", "Chuyên viên cao cấp": "CVCC",
    "Chuyên viên chính": "CVC", "Chuyên viên": "CV", "Cán sự": "CS", "Dân tộc thiểu số": "DTTS",
    "Từ 30 trở xuống": "≤ 30", "Từ 31 đến 40": "31–40", "Từ 41 đến 50": "41–50", "Từ 51 đến 60": "51–60",
    "Trên 60": "> 60", "Khác (theo chức vụ, chưa xếp ngạch)": "Khác",
}
ABBREVIATION_NOTE = ("Viết tắt: CVCC, CVC, CV, CS – chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự; "
                     "TĐ – tương đương; DTTS – dân tộc thiểu số.")


def _stat_table(table: r.StatTable, width: float) -> Table:
    """The form as a table: STT, unit, then the columns under their group headers, a row of column numbers,
    the units and the total row (headers repeated on every page)."""
    n = len(table.columns)
    size = 7.0 if n > 16 else 8.5
    head_size = 6.0 if n > 16 else 8.5
    head_style = ParagraphStyle("h", fontName=SERIF_BOLD, fontSize=head_size, leading=head_size + 1.5, alignment=1,
                                splitLongWords=0)  # "CVCC" stays one word in its narrow column
    name_style = ParagraphStyle("n", fontName=SERIF, fontSize=size, leading=size + 1.5)
    total_style = ParagraphStyle("t", parent=name_style, fontName=SERIF_BOLD)
    first: list[Any] = [Paragraph("STT", head_style), Paragraph("Tên đơn vị", head_style)]
    second: list[Any] = ["", ""]
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    j = 0
    while j < n:
        c = table.columns[j]
        col = 2 + j
        if not c.group:
            first.append(Paragraph(clean(_ABBREVIATIONS.get(c.label, c.label)), head_style))
            second.append("")
            spans.append(("SPAN", (col, 0), (col, 1)))
            j += 1
            continue
        span = 1
        while j + span < n and table.columns[j + span].group == c.group:
            span += 1
        first.append(Paragraph(clean(c.group), head_style))
        first.extend([""] * (span - 1))
        second.extend(Paragraph(clean(_ABBREVIATIONS.get(table.columns[j + k].label, table.columns[j + k].label)),
                                head_style) for k in range(span))
        if span > 1:
            spans.append(("SPAN", (col, 0), (col + span - 1, 0)))
        j += span
    numbers = ["A", "B", *[str(i) for i in range(1, n + 1)]]
    data: list[list[Any]] = [first, second, numbers]
    for row in table.rows:
        style = total_style if row.kind == "total" else name_style
        label = Paragraph(("&nbsp;" * 3 * row.level) + clean(row.label).replace("&", "&amp;").replace("<", "&lt;"),
                          style)
        data.append([row.stt, label, *[f"{v:,}".replace(",", ".") for v in row.values]])
    name_w = min(170.0, width * 0.22) if n <= 16 else 112.0
    num_w = (width - 24 - name_w) / n
    t = Table(data, colWidths=[24.0, name_w] + [num_w] * n, repeatRows=3)
    last = len(data) - 1
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # every cell, even the Paragraph ones: no Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("FONTNAME", (0, 2), (-1, 2), SERIF_ITALIC),
        ("FONTNAME", (0, last), (-1, last), SERIF_BOLD),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (2, 2), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 2), (-1, 2), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#EEF3F9")),
        ("BACKGROUND", (0, last), (-1, last), colors.HexColor("#F2F2F2")),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        *spans,
    ]))
    return t


@vietnamese_document
def render_statistics_pdf(report: r.StatisticsReport, out: str | IO[bytes], *, issuer: str = "",
                          parent_body: str = "", place: str = "", symbol: str = "",
                          tables: Sequence[str] | None = None) -> int:
    """The statistics forms of ``report`` (all, or the keys in ``tables``) in landscape A4. Returns pages."""
    issuer = issuer or report.root.name
    chosen = [t for t in report.tables if tables is None or t.key in tables]
    story: list[Flowable] = [_WideHeader(issuer, parent_body, nd30.doc_number(None, "BC", symbol),
                                         nd30.place_date(place, None, year=report.at.year))]
    for i, table in enumerate(chosen):
        if i:
            story.append(PageBreak())
        story.append(para(upper(clean(table.title)), font=SERIF_BOLD, size=14, align="center", leading=18,
                          space_before=10 if i == 0 else 0))
        story.append(para(f"Đơn vị: {clean(report.root.name)} — tính đến ngày {format_date(report.at)}",
                          font=SERIF_ITALIC, size=12, align="center", leading=15))
        story.append(para("Đơn vị tính: người", font=SERIF_ITALIC, size=11, align="right", leading=14, space_after=4))
        story.append(_stat_table(table, LAND_TEXT_W))
        notes = ([f"Ghi chú: {table.note}"] if table.note else []) + list(report.notes)
        if any(c.label in _ABBREVIATIONS for c in table.columns):
            notes.append(ABBREVIATION_NOTE)
        for note in notes:
            story.append(para(clean(note), font=SERIF_ITALIC, size=10, leading=12, space_before=3))
    signer = [para("NGƯỜI LẬP BIỂU", font=SERIF_BOLD, size=13, align="center", leading=16),
              para("(Ký, ghi rõ họ tên)", font=SERIF_ITALIC, size=11, align="center", leading=14)]
    head = [para("THỦ TRƯỞNG ĐƠN VỊ", font=SERIF_BOLD, size=13, align="center", leading=16),
            para("(Ký tên, đóng dấu)", font=SERIF_ITALIC, size=11, align="center", leading=14)]
    story.append(KeepTogether([VSpace(14), Columns([(LAND_TEXT_W / 2, signer), (LAND_TEXT_W / 2, head)]),
                               VSpace(60), HRule(0)]))
    doc = _LandscapeDoc(out, title=f"Thống kê cán bộ - {clean(report.root.name)}", author=clean(issuer),
                        subject="Báo cáo số lượng, chất lượng cán bộ, công chức")
    doc.build(story)
    return int(doc.page)
