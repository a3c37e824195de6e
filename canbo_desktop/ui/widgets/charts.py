"""Charts of the reports page (QtCharts): an indicator per unit with its threshold, an indicator over the
years, and the breakdown of a statistics table. Each chart keeps the figures it draws in plain attributes
(``labels``, ``values``…), which is what the tests read.

The charts fit their labels to the room they have (a 1366×768 screen at 150 % leaves little): the names of
the units lie flat when each fits under its bar, else they stand up, shortened to what the chart's height
allows (the full name is in the tooltip of the bar); when even standing they do not fit side by side, the
chart asks for the width they need (``needed_width``) and the page lets it scroll sideways. The percent
axis has fewer ticks on a short chart and a short chart drops its legend (the title says the threshold).
A chart is drawn again from its figures when its size asks for another form (QtCharts keeps stale label
items when a live axis is changed); ``axis_labels()`` and ``labels_angle()`` say what the axis shows.

The names under the bars and the dates under the trend are drawn by the chart itself (QtCharts 6.12 cuts
standing category labels to "…" whatever the room): the bottom margin keeps the room they need.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from canbo_desktop.i18n import translate

MET = QColor("#2e7d32")
NOT_MET = QColor("#c62828")
NEUTRAL = QColor("#1565c0")
THRESHOLD = QColor("#6a1b9a")
LABEL_CHARS = 16
FLAT_CHARS = 22  # a unit's name lying flat under its bar, at most


def short_label(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


PREFIXES = ("Xã ", "Phường ", "Thị trấn ", "Huyện ", "Quận ", "Thị xã ", "Thành phố ", "UBND ", "Ủy ban nhân dân ")  # i18n: data


def compact_name(name: str, chars: int) -> str:
    """A unit's name short enough for an axis ("Xã Hải Xuân" → "Hải Xuân")."""
    for p in PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 2:
            name = name[len(p):]
            break
    return short_label(name, chars)


def distinct(names: list[str]) -> list[str]:
    """A category axis needs distinct names: two units shortened alike get an invisible mark each."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n + "\u200b" * (seen[n] - 1))
    return out


def _small(font: QFont) -> QFont:
    f = QFont(font)
    f.setPointSizeF(max(7.0, f.pointSizeF() - 1.5))
    return f


def percent_ticks(top: float, height: float, line: float) -> int:
    """How many ticks (0 included) a percent axis from 0 to ``top`` gets in ``height`` pixels: steps of 10,
    20, 25 or 50 points, each label at least two text lines (``line``) from the next."""
    for step in (10, 20, 25, 50) if top <= 70 else (20, 25, 50):
        ticks = int(top // step) + 1
        if top % step == 0 and (ticks - 1) * 2 * line <= height:
            return ticks
    return 2  # 0 and the top


def _percent_axis(top: float, ticks: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setLabelFormat("%.0f%")  # localized numbers: the text around the number is kept as it is
    axis.setTickCount(ticks)
    return axis


def _percent_top(values: Sequence[float | None], threshold: float | None) -> float:
    """The top of a percent axis: 100 when the figures come near it, else a round step above them."""
    highest = max([v for v in values if v is not None] + [threshold or 0, 1.0])
    if highest > 60:
        return 100.0
    return float(min(70, (int(highest // 10) + 2) * 10))


class _Chart(QChartView):
    SHORT_LINES = 17  # below this height (in text lines) the legend goes: the plot needs the room

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.legend_wanted = True
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setMargins(QMargins(2, 2, 2, 2))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)  # the names are drawn under the plot
        font = QFont(self.font())
        font.setBold(True)
        self.chart_.setTitleFont(font)
        self.chart_.setTitle(title)
        fm = self.fontMetrics()
        self.setMinimumSize(fm.horizontalAdvance("n") * 24, fm.height() * 10)
        self.chart_.setLocale(QLocale())  # the language's numbers (ui/i18n.py sets the default locale)
        self.chart_.setLocalizeNumbers(True)
        self.category_axis: QBarCategoryAxis | None = None
        self.form: tuple[Any, ...] = ()  # the label form the chart was drawn with (see _form)
        self.names: list[str] = []  # drawn under the plot by drawForeground
        self.angle = 0
        self.anchor: Any = None  # the series the names are placed by

    def _place_names(self, x: QBarCategoryAxis, names: list[str], angle: int, anchor: Any) -> None:
        """Names under the plot, drawn here; the axis keeps the categories but shows no labels."""
        x.setLabelsVisible(False)
        self.names, self.angle, self.anchor = names, angle, anchor
        fm = QFontMetrics(self.label_font())
        widest = max((fm.horizontalAdvance(t) for t in names), default=0) + 8
        if angle == 90:  # beside horizontal bars, on the left
            self.chart_.setMargins(QMargins(2 + widest, 2, 2, 2))
            return
        self.chart_.setMargins(QMargins(2, 2, 2, 2 + (fm.height() + 6 if angle == 0 else widest)))

    def drawForeground(self, painter: QPainter, rect: QRectF | Any) -> None:  # noqa: N802
        super().drawForeground(painter, rect)
        if not self.names or self.anchor is None:
            return
        painter.save()
        painter.setFont(self.label_font())
        painter.setPen(QColor("#404040"))
        fm = QFontMetrics(self.label_font())
        plot = self.chart_.plotArea()
        origin = self.chart_.pos()
        top = origin.y() + plot.bottom() + 4
        for i, text in enumerate(self.names):
            width = fm.horizontalAdvance(text)
            if self.angle == 90:  # beside a horizontal bar: right-aligned, left of the plot
                cy = origin.y() + self.chart_.mapToPosition(QPointF(0, i), self.anchor).y()
                painter.drawText(QRectF(origin.x() + plot.left() - width - 6, cy - fm.height() / 2, width + 2,
                                        fm.height()), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                                 text)
                continue
            at = self.chart_.mapToPosition(QPointF(i, 0), self.anchor)
            cx = origin.x() + at.x()
            if self.angle == 0:
                painter.drawText(QRectF(cx - width / 2 - 2, top, width + 4, fm.height()),
                                 int(Qt.AlignmentFlag.AlignCenter), text)
            else:  # standing, read from the bottom up, its end under the bar
                painter.save()
                painter.translate(cx + fm.ascent() / 2 - fm.descent() / 2, top)
                painter.rotate(-90)
                painter.drawText(QRectF(-width - 2, -fm.ascent(), width + 2, fm.height()),
                                 int(Qt.AlignmentFlag.AlignRight), text)
                painter.restore()
        painter.restore()

    # -- fitting ------------------------------------------------------------------------------------
    def label_font(self) -> QFont:
        return _small(self.font())

    def line(self) -> int:
        return QFontMetrics(self.label_font()).height()

    def short(self) -> bool:
        return self.height() < self.fontMetrics().height() * self.SHORT_LINES

    def ticks(self, top: float) -> int:
        """Ticks of the percent axis for the chart's height (the plot is about half of it)."""
        return percent_ticks(top, self.height() * (0.55 if self.short() else 0.45), self.line())

    def _form(self) -> tuple[Any, ...]:
        """What the present size asks for; the chart is drawn again when it changes."""
        return (self.short(),)

    def _redraw(self) -> None:
        """Draw the chart again from its figures."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.form and self._form() != self.form:
            self._redraw()

    def _reset(self, title: str) -> None:
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)
        self.category_axis = None
        self.names, self.anchor = [], None
        self.chart_.setMargins(QMargins(2, 2, 2, 2))
        self.chart_.setTitle(title)
        self.setToolTip(title)  # a long title is cut on a narrow chart
        self.form = self._form()
        self.chart_.legend().setVisible(self.legend_wanted and not self.short())

    def axis_labels(self) -> list[str]:
        """What the chart shows under (or beside) its bars (the tests read it)."""
        if self.names:
            return [t.replace("\u200b", "") for t in self.names]
        return [t.replace("\u200b", "") for t in self.category_axis.categories()] if self.category_axis else []

    def labels_angle(self) -> int:
        return self.angle if self.names else 0


class UnitBarChart(_Chart):
    """One indicator for each unit below the selected one: a green bar where it is met, red where not,
    blue when it has no threshold; the threshold as a line across."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Charts", "Chart by unit"), parent)
        self.title = translate("Charts", "Chart by unit")
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.met: list[bool | None] = []
        self.threshold: float | None = None

    def _plot_width(self, width: int) -> float:
        return width - QFontMetrics(self.label_font()).horizontalAdvance("100%") - 30

    def _label_form(self) -> tuple[int, int]:
        """(characters, angle) of the names at the chart's present size."""
        if not self.labels:
            return FLAT_CHARS, 0
        fm = QFontMetrics(self.label_font())
        per_bar = self._plot_width(self.width()) / len(self.labels)
        if max(fm.horizontalAdvance(compact_name(t, FLAT_CHARS)) for t in self.labels) + 8 <= per_bar:
            return FLAT_CHARS, 0
        room = self.height() * 0.3  # standing names take at most about a third of the chart
        return max(5, min(FLAT_CHARS, int(room / max(1, fm.horizontalAdvance("n"))))), -90

    def needed_width(self) -> int:
        """The width at which standing names still fit side by side (a narrower chart scrolls)."""
        if not self.labels:
            return 0
        return int(len(self.labels) * (self.line() + 8) + QFontMetrics(self.label_font()).horizontalAdvance("100%")
                   + 30)

    def _form(self) -> tuple[Any, ...]:
        return (self.short(), self._label_form(), self.ticks(_percent_top(self.values, self.threshold)))

    def _redraw(self) -> None:
        self.show_units(self.title, self.labels, self.values, self.met, self.threshold)

    def show_units(self, title: str, labels: Sequence[str], values: Sequence[float | None],
                   met: Sequence[bool | None], threshold: float | None) -> None:
        self.title = title
        self.labels, self.values, self.met, self.threshold = list(labels), list(values), list(met), threshold
        self._reset(title)
        self.setMinimumWidth(max(self.fontMetrics().horizontalAdvance("n") * 24, self.needed_width()))
        if not labels:
            return
        series = QStackedBarSeries()
        sets = [(QBarSet(translate("Charts", "Met")), MET), (QBarSet(translate("Charts", "Not met")), NOT_MET)]
        if threshold is None:
            sets = [(QBarSet(translate("Charts", "Rate")), NEUTRAL)]
        for bar_set, color in sets:
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
        for value, ok in zip(values, met, strict=True):
            v = value or 0.0
            if threshold is None:
                sets[0][0].append(v)
            else:
                sets[0][0].append(v if ok else 0.0)
                sets[1][0].append(0.0 if ok else v)
        for bar_set, _c in sets:
            series.append(bar_set)
        series.setBarWidth(0.6)
        series.hovered.connect(self._hover)
        self.chart_.addSeries(series)
        chars, angle = self._label_form()
        x = QBarCategoryAxis()
        names = distinct([compact_name(t, chars) for t in labels])
        x.append(names)
        self.category_axis = x
        self._place_names(x, names, angle, series)
        top = _percent_top(values, threshold)
        y = _percent_axis(top, self.ticks(top))
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        if threshold is not None:
            line = QLineSeries()
            line.setName(translate("Charts", "Threshold {value}").format(value=_percent(threshold)))
            line.append(QPointF(-0.5, threshold))
            line.append(QPointF(len(labels) - 0.5, threshold))
            pen = QPen(THRESHOLD)
            pen.setWidth(2)
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            self.chart_.addSeries(line)
            hx = QValueAxis()
            hx.setRange(-0.5, len(labels) - 0.5)
            hx.setVisible(False)
            self.chart_.addAxis(hx, Qt.AlignmentFlag.AlignTop)
            line.attachAxis(hx)
            line.attachAxis(y)

    def _hover(self, on: bool, index: int, _bar_set: object) -> None:
        if on and 0 <= index < len(self.labels):
            QToolTip.showText(QCursor.pos(), f"{self.labels[index]}: {_percent(self.values[index])}")


class TrendChart(_Chart):
    """One indicator of one unit on 31/12 of each of the last years and on the report's date; points
    arrive one by one (each date is rebuilt from the history)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Charts", "5-year trend"), parent)
        self.title = translate("Charts", "5-year trend")
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.threshold: float | None = None
        self.pending = 0

    def _angle(self) -> int:
        """The dates lie flat when each fits its place ("22/11/2026" on a narrow chart does not), else
        they stand up."""
        if not self.labels:
            return 0
        fm = QFontMetrics(self.label_font())
        per_point = (self.width() - fm.horizontalAdvance("100%") - 30) / len(self.labels)
        return 0 if max(fm.horizontalAdvance(t) for t in self.labels) + 10 <= per_point else -90

    def _form(self) -> tuple[Any, ...]:
        return (self.short(), self._angle(), self.ticks(_percent_top(self.values, self.threshold)))

    def _redraw(self) -> None:
        self.show_trend(self.title, self.labels, self.values, self.threshold, pending=self.pending)

    def show_trend(self, title: str, labels: Sequence[str], values: Sequence[float | None],
                   threshold: float | None, *, pending: int = 0) -> None:
        self.title, self.pending = title, pending
        self.labels, self.values, self.threshold = list(labels), list(values), threshold
        self._reset(translate("Charts", "{title} (computing {count} more points…)").format(title=title, count=pending)
                    if pending else title)
        if not labels:
            return
        line = QLineSeries()
        line.setName(translate("Charts", "Rate"))
        pen = QPen(NEUTRAL)
        pen.setWidth(3)
        line.setPen(pen)
        line.setPointsVisible(True)
        line.setPointLabelsVisible(True)
        line.setPointLabelsFormat("@yPoint%")
        line.setPointLabelsClipping(False)
        for i, v in enumerate(values):
            if v is not None:
                line.append(QPointF(i, v))
        self.chart_.addSeries(line)
        x = QBarCategoryAxis()
        x.append(distinct(list(labels)))
        self.category_axis = x
        self._place_names(x, list(labels), self._angle(), line)
        top = _percent_top(values, threshold)
        y = _percent_axis(top, self.ticks(top))
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(x)
        line.attachAxis(y)
        if threshold is not None:
            t = QLineSeries()
            t.setName(translate("Charts", "Threshold {value}").format(value=_percent(threshold)))
            pen = QPen(THRESHOLD)
            pen.setWidth(2)
            pen.setStyle(Qt.PenStyle.DashLine)
            t.setPen(pen)
            t.append(QPointF(0, threshold))
            t.append(QPointF(len(labels) - 1, threshold))
            self.chart_.addSeries(t)
            t.attachAxis(x)
            t.attachAxis(y)


class BreakdownChart(_Chart):
    """The columns of a statistics table (for the report's whole unit) as horizontal bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Charts", "Chart"), parent)
        self.legend_wanted = False
        self.chart_.legend().setVisible(False)
        self.labels: list[str] = []
        self.values: list[int] = []

    def show_counts(self, title: str, labels: Sequence[str], values: Sequence[int]) -> None:
        self._reset(title)
        self.labels, self.values = list(labels), list(values)
        # a bar a text line high at least: many units make the chart taller (the page scrolls it)
        fm = self.fontMetrics()
        self.setMinimumHeight(max(fm.height() * 10, len(labels) * (self.line() + 6) + fm.height() * 4))
        if not labels:
            return
        bars = QBarSet(translate("Charts", "People"))
        bars.setColor(NEUTRAL)
        for v in reversed(values):  # the first column at the top
            bars.append(float(v))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.7)
        series.hovered.connect(self._hover)
        self.chart_.addSeries(series)
        y = QBarCategoryAxis()
        names = distinct([compact_name(t, FLAT_CHARS) for t in reversed(labels)])
        y.append(names)
        self.category_axis = y
        self._place_names(y, names, 90, series)
        x = QValueAxis()
        x.setRange(0, max([*values, 1]) * 1.15)
        x.setLabelFormat("%.0f")
        x.setTickCount(5)
        x.applyNiceNumbers()
        self.chart_.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)

    def _hover(self, on: bool, index: int, _bar_set: object) -> None:
        row = len(self.labels) - 1 - index  # the bars run from the bottom up
        if on and 0 <= row < len(self.labels):
            QToolTip.showText(QCursor.pos(), f"{self.labels[row]}: {self.values[row]}")


def _percent(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:.2f}".rstrip("0").rstrip(".").replace(".", QLocale().decimalPoint()) + "%"
