"""The application icon, in a module of its own: the start-up sets it before the login dialog shows, and the
About dialog's module (platform details, licences, package metadata) costs some 70 ms to import (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from canbo_desktop import paths

ICON_NAME = "canbo-desktop"


def app_icon() -> QIcon:
    """The application icon: the SVG (sharp at any scale) with the PNG as a fallback for a missing SVG plugin."""
    icon = QIcon()
    svg = paths.resource("icons", f"{ICON_NAME}.svg")
    png = paths.resource("icons", f"{ICON_NAME}.png")
    if svg.is_file():
        icon.addFile(str(svg))
    if png.is_file():
        icon.addFile(str(png), QSize(256, 256))
    return icon


def svg_icon_renders() -> bool:
    """True when Qt's SVG icon engine is present (the frozen build's smoke test: a missing plugin falls back to the
    PNG silently, and the icon turns blurry on high-DPI screens)."""
    icon = QIcon(str(paths.resource("icons", f"{ICON_NAME}.svg")))
    image = icon.pixmap(QSize(64, 64)).toImage()
    return not image.isNull() and image.pixelColor(13, 48).alpha() > 0
