"""Register the bundled Liberation Serif (Times New Roman metrics, full Vietnamese) once per process.

reportlab's standard fonts cannot show Vietnamese (stack.md §4): every document uses these names,
sets ``initialFontName`` and a ``FONTNAME`` in every table style, so only embedded subsets appear.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from canbo_desktop import paths

SERIF = "VNSerif"
SERIF_BOLD = "VNSerif-Bold"
SERIF_ITALIC = "VNSerif-Italic"
SERIF_BOLD_ITALIC = "VNSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    global _done
    with _lock:
        if _done:
            return
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", file))))
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC)
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
        _done = True
