"""Help → About: name, version, build date, Python/Qt versions and the licences of what the program ships.

Also home of the application icon (an SVG drawn for the program, with PNG and ICO renders beside it) and of
``environment_lines()``, the short description of this build that the crash dialog copies with a traceback.
"""

from __future__ import annotations

import html
import json
import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop import APP_DISPLAY_NAME, __version__, paths
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.app_icon import ICON_NAME as ICON_NAME  # re-exported
from canbo_desktop.ui.app_icon import app_icon
from canbo_desktop.ui.app_icon import svg_icon_renders as svg_icon_renders  # re-exported
from canbo_desktop.ui.widgets.screen import fit_to_screen as fit_to_screen  # re-exported (crash.py)

BUILD_INFO_FILE = "build-info.json"  # written by build.spec into the frozen bundle's resources/


@dataclass(frozen=True)
class Component:
    """A shipped component; ``name``, ``licence`` and ``note`` are English source strings (shown translated)."""

    name: str
    distribution: str  # the package whose installed version is shown ("" when it has none)
    licence: str
    note: str = ""


COMPONENTS: tuple[Component, ...] = (
    Component(QT_TRANSLATE_NOOP("About", "Liberation Serif and Liberation Sans fonts"), "",
              "SIL Open Font License 1.1",
              QT_TRANSLATE_NOOP("About", "The full text of the licence is at the end of this page.")),
    Component("Python", "", "Python Software Foundation License 2.0"),
    Component(QT_TRANSLATE_NOOP("About", "Qt 6 and Qt for Python (PySide6, Shiboken6)"), "PySide6-Essentials",
              QT_TRANSLATE_NOOP("About", "GNU LGPL version 3"),
              QT_TRANSLATE_NOOP("About", "The Qt libraries are separate files in the program folder; users may "
                                         "replace them with another compatible build of Qt. Qt source code: "
                                         "https://download.qt.io/official_releases/qt/")),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("Mako", "Mako", "MIT"),
    Component("MarkupSafe", "MarkupSafe", QT_TRANSLATE_NOOP("About", "BSD 3-clause")),
    Component("ReportLab", "reportlab", "BSD"),
    Component("Pillow", "pillow", "MIT-CMU (HPND)"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et_xmlfile", "et_xmlfile", "MIT"),
    Component("cryptography", "cryptography", QT_TRANSLATE_NOOP("About", "Apache 2.0 or BSD 3-clause (either)")),
    Component("cffi", "cffi", "MIT-0"),
    Component("argon2-cffi", "argon2-cffi", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("uuid6", "uuid6", "MIT"),
    Component("charset-normalizer", "charset-normalizer", "MIT"),
    Component(QT_TRANSLATE_NOOP("About", "psycopg (PostgreSQL connection)"), "psycopg",
              QT_TRANSLATE_NOOP("About", "GNU LGPL version 3")),
)


def build_info() -> dict[str, str]:
    """What build.spec recorded when the bundle was made (empty when running from the source or a wheel)."""
    path = paths.resource(BUILD_INFO_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def build_date() -> str:
    """The bundle's build date as dd/MM/yyyy, or a note that this is not a packaged build."""
    stamp = build_info().get("build_date", "")
    if len(stamp) >= 10 and stamp[4] == "-" and stamp[7] == "-":
        return f"{stamp[8:10]}/{stamp[5:7]}/{stamp[0:4]}"
    return translate("About", "— (running from the source code, not a packaged build)")


def package_version(distribution: str) -> str:
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def environment_lines() -> list[str]:
    """Version, build, Python, Qt and OS: the lines a support person needs first."""
    info = build_info()
    lines = [
        f"{APP_DISPLAY_NAME} {__version__}",
        (translate("About", "Build date: {date} (source {commit})").format(date=build_date(), commit=info["commit"])
         if info.get("commit") else translate("About", "Build date: {date}").format(date=build_date())),
        f"Python {platform.python_version()} ({platform.python_implementation()}, {sys.platform})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        translate("About", "Operating system: {system}").format(system=platform.platform()),
    ]
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        screen = app.primaryScreen()
        if screen is not None:
            lines.append(translate("About", "Screen: {platform}, display scale {scale}")
                         .format(platform=app.platformName(), scale=f"{screen.devicePixelRatio():g}"))
    return lines


def licence_text() -> str:
    try:
        return paths.resource("fonts", "OFL-Liberation.txt").read_text(encoding="utf-8")
    except OSError:
        return translate("About", "(the font licence file was not found in the program folder)")


def licences_html() -> str:
    rows = []
    for c in COMPONENTS:
        version = package_version(c.distribution)
        name, licence = translate("About", c.name), translate("About", c.licence)
        note = f"<br><small>{html.escape(translate('About', c.note))}</small>" if c.note else ""
        rows.append(f"<tr><td><b>{html.escape(name)}</b>{' ' + html.escape(version) if version else ''}{note}</td>"
                    f"<td>{html.escape(licence)}</td></tr>")
    return (
        "<h3>" + html.escape(translate("About", "Third-party components and licences")) + "</h3>"
        "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse'>"
        "<tr><th align='left'>" + html.escape(translate("About", "Component")) + "</th>"
        "<th align='left'>" + html.escape(translate("About", "Licence")) + "</th></tr>"
        + "".join(rows)
        + "</table>"
        "<h3>" + html.escape(translate("About", "SIL Open Font License 1.1 (Liberation fonts)")) + "</h3>"
        f"<pre style='white-space: pre-wrap'>{html.escape(licence_text())}</pre>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("About", "About {app}").format(app=APP_DISPLAY_NAME))
        self.setWindowIcon(app_icon())
        v = QVBoxLayout(self)
        head = QHBoxLayout()
        logo = QLabel()
        side = self.fontMetrics().height() * 4  # scales with the font and the screen, never clipped
        logo.setPixmap(app_icon().pixmap(QSize(side, side), self.devicePixelRatioF()))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(logo)
        self.summary = QLabel(
            f"<h2>{html.escape(APP_DISPLAY_NAME)} {html.escape(__version__)}</h2>"
            + translate("About", "<p>Records of cadres, civil servants and public employees for the organisation and "
                                 "home affairs offices of communes, districts and provinces; works offline and syncs "
                                 "to the level above by USB.</p>")
            + "<br>".join(html.escape(line) for line in environment_lines()[1:])
        )
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.summary, 1)
        v.addLayout(head)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(False)
        self.licences.setHtml(licences_html())
        v.addWidget(self.licences, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(translate("About", "Copy information"))
        self.copy_button.setToolTip(translate("About", "Copy the version and the environment to send to support"))
        self.copy_button.clicked.connect(self.copy_info)
        close = QPushButton(translate("About", "Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(close)
        v.addLayout(row)
        fit_to_screen(self, self.fontMetrics().horizontalAdvance("n") * 90, self.fontMetrics().height() * 34)

    def info_text(self) -> str:
        return "\n".join(environment_lines())

    def copy_info(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.info_text())
        self.copy_button.setText(translate("About", "Copied"))
