"""Render the application icon (resources/icons/canbo-desktop.svg) to the PNG and the multi-size Windows .ico.

Each size is rendered from the SVG by Qt's own renderer (QSvgRenderer), not scaled down from one bitmap, so the
16 and 24 px images stay sharp. Run after editing the SVG and commit the results:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "canbo-desktop"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn on a transparent size×size canvas, as an RGBA Pillow image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"Không đọc được tệp SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main(folder: Path = ICONS) -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = folder / f"{NAME}.svg"
    images = {size: render(svg, size) for size in ICO_SIZES}
    images[256].save(folder / f"{NAME}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    others = [images[s] for s in ICO_SIZES if s != max(ICO_SIZES)]
    largest.save(folder / f"{NAME}.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)
    for name in (f"{NAME}.png", f"{NAME}.ico"):
        print(folder / name, (folder / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
