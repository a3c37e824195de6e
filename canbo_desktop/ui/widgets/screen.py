"""Fitting windows to small and scaled screens.

A 1366×768 laptop at 150 % display scaling leaves 911×512 logical pixels, less the taskbar (about 911×480).
Every window opens at the size its content asks for, never past 90 % of the screen's available area, and
every page and dialog keeps a minimum size that fits that area: long content scrolls, rows of controls wrap
(``FlowLayout``).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QWidget,
)

SCREEN_SHARE = 0.9  # a window opens at most this share of the available screen area
# the smallest screen the program is laid out for: 1366×768 at 150 %, less a taskbar (logical pixels)
SMALL_SCREEN = QSize(911, 480)


def available_area(widget: QWidget | None = None) -> QRect:
    """The available geometry (without taskbars) of the screen the widget is on, else the primary screen's."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (should not happen with a QGuiApplication)
        return QRect(0, 0, SMALL_SCREEN.width(), SMALL_SCREEN.height())
    return screen.availableGeometry()


def capped_size(widget: QWidget | None, width: int, height: int, share: float = SCREEN_SHARE) -> QSize:
    """``width``×``height`` capped at ``share`` of the available screen area."""
    area = available_area(widget)
    return QSize(min(width, int(area.width() * share)), min(height, int(area.height() * share)))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to a size measured in text units, but never past 90 % of the screen (a 1366×768 screen at 150 %
    leaves 911×512 logical pixels)."""
    widget.resize(capped_size(widget, width, height))


def fit_window(widget: QWidget, width: int = 0, height: int = 0) -> QSize:
    """Open size of a window: the content's size hint (or the wanted ``width``/``height`` in pixels measured
    from the font, when larger), at least its minimum size, at most 90 % of the available screen area.
    Returns the size given."""
    hint = widget.sizeHint()
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    size = capped_size(widget, max(width, hint.width(), least.width()), max(height, hint.height(), least.height()))
    widget.resize(size)
    return size


def text_size(widget: QWidget, columns: int, lines: int) -> tuple[int, int]:
    """A size in text units (``columns`` letters “n” wide, ``lines`` text lines high) in pixels of the widget's
    font: it follows the font and the scaling of the screen."""
    fm = widget.fontMetrics()
    return fm.horizontalAdvance("n") * columns, fm.height() * lines


def scrolling(content: QWidget, *, horizontal: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area: when the window is too short (or narrow) for it, it scrolls
    instead of being squeezed or clipped."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def pair(*widgets: QWidget, stretch_last: bool = False) -> QWidget:
    """Widgets kept together on one line (a label and its field) when a ``FlowLayout`` wraps."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        row.addWidget(w, 1 if stretch_last and i == len(widgets) - 1 else 0)
    if stretch_last:
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return box


class FlowLayout(QLayout):
    """A row of controls that wraps onto the next line when the window is narrow (Qt's flow layout example).

    Items keep their size hint; on each line the space left over goes to the items whose horizontal size
    policy can expand (a search box grows to fill its line).
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._lines = 0
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout interface ----------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)
        self.invalidate()  # the sizes cached up the tree (a main window caches its minimum) are stale now

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        # Only what changed is set: with PySide6 6.12 on Python 3.11 every call of a C++ method returning void
        # takes one reference from None (immortal from Python 3.12 on), and a layout runs at every resize.
        if self.geometry() != rect:
            super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one line."""
        width, height = 0, 0
        visible = [i for i in self._items if not i.isEmpty()]
        for n, item in enumerate(visible):
            hint = item.sizeHint()
            width += hint.width() + (self._gap(item, horizontal=True) if n else 0)
            height = max(height, hint.height())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """As narrow as the widest item (one item a line)."""
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def lines(self) -> int:
        """How many lines the items take at the layout's present width (for tests and for a look)."""
        return self._lines

    # -- placing --------------------------------------------------------------------------------------
    def _gap(self, item: QLayoutItem, *, horizontal: bool) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        owner = item.widget() or parent
        if owner is None:
            return 6
        metric = QStyle.PixelMetric.PM_LayoutHorizontalSpacing if horizontal else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        gap = owner.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        visible = [i for i in self._items if not i.isEmpty()]
        # break the items into lines
        lines: list[list[QLayoutItem]] = []
        line: list[QLayoutItem] = []
        used = 0
        for item in visible:
            w = max(item.sizeHint().width(), item.minimumSize().width())
            gap = self._gap(item, horizontal=True) if line else 0
            if line and used + gap + w > area.width():
                lines.append(line)
                line, used, gap = [], 0, 0
            line.append(item)
            used += gap + w
        if line:
            lines.append(line)
        if apply:
            self._lines = len(lines)
        y = area.y()
        for n, line in enumerate(lines):
            widths = [min(max(i.sizeHint().width(), i.minimumSize().width()), area.width()) for i in line]
            gaps = sum(self._gap(i, horizontal=True) for i in line[1:])
            spare = max(0, area.width() - sum(widths) - gaps)
            growing = [k for k, i in enumerate(line) if i.expandingDirections() & Qt.Orientation.Horizontal]
            for k in growing:
                widths[k] += spare // len(growing)
            height = max(i.sizeHint().height() for i in line)
            if n:
                y += self._gap(line[0], horizontal=False)
            if apply:
                x = area.x()
                for k, item in enumerate(line):
                    if k:
                        x += self._gap(item, horizontal=True)
                    h = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
                    top = y + (height - h) // 2
                    place = QRect(QPoint(x, top), QSize(widths[k], h))
                    if item.geometry() != place:  # see setGeometry: no call when nothing moves
                        item.setGeometry(place)
                    x += widths[k]
            y += height
        return y - rect.y() + m.bottom()
