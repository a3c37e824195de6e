"""Main window: the cadre list of this office with a search box that filters as the clerk types."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QLocale, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop import APP_DISPLAY_NAME, i18n
from canbo_desktop.domain.cadre import AGE_BAND_LABELS, ListFilter
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.services import maintenance, refdata, setup
from canbo_desktop.services.database import Database
from canbo_desktop.services.setup import OfficeInfo
from canbo_desktop.ui.documents import DocumentActions
from canbo_desktop.ui.models.cadre_table import CadreTableModel, Column
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.fields import CodeCombo
from canbo_desktop.ui.widgets.screen import FlowLayout, fit_to_screen
from canbo_desktop.ui.widgets.usb import on_click

if TYPE_CHECKING:  # imported where first used: not needed to open the window (start-up time, issue 13)
    from canbo_desktop.domain.rules.reminders import ReminderReport
    from canbo_desktop.ui.dialogs.cadre_editor import CadreEditor
    from canbo_desktop.ui.dialogs.import_wizard import ImportWizard
    from canbo_desktop.ui.dialogs.trash_dialog import TrashDialog

log = logging.getLogger(__name__)
# the dashboard is counted ahead once the clerk has paused this long (no typing in the search, no scrolling)
WARM_DASHBOARD_MS = 3000
SEARCH_DELAY_MS = 180
REMINDER_COUNT_DELAY_MS = 2000
AUTO_REMINDER_LIMIT = 20_000  # people in the list; above it the count waits for the Reminders page
# (key, English label): shown as translate("MainWindow", label)
SECTIONS = [
    ("records", QT_TRANSLATE_NOOP("MainWindow", "Cadre records")),
    ("evaluation", QT_TRANSLATE_NOOP("MainWindow", "Evaluation and rating")),
    ("appointments", QT_TRANSLATE_NOOP("MainWindow", "Planning and appointments")),
    ("reminders", QT_TRANSLATE_NOOP("MainWindow", "Reminders")),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports and indicators")),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "USB sync")),
    ("admin", QT_TRANSLATE_NOOP("MainWindow", "Administration")),
]


def section_label(key: str) -> str:
    """The label of a section in the current language."""
    return translate("MainWindow", dict(SECTIONS)[key])


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The one error funnel: known errors in plain Vietnamese, anything else logged with details."""
    if isinstance(exc, CanboError):
        QMessageBox.warning(parent, APP_DISPLAY_NAME, exc.message)
    else:
        log.exception("unexpected error", exc_info=exc)
        QMessageBox.critical(parent, APP_DISPLAY_NAME,
                             translate("MainWindow", "An unexpected error occurred:\n{error}").format(error=exc))


class MainWindow(QMainWindow):
    def __init__(self, db: Database, office: OfficeInfo | None, user: str, tasks: TaskRunner) -> None:
        super().__init__()
        self.db = db
        self.office = office
        self.user = user
        self.tasks = tasks
        self.uowf = db.uow(user)
        unit_name = office.unit_name if office else translate("MainWindow", "not set up")
        self.setWindowTitle(" — ".join((APP_DISPLAY_NAME, unit_name)))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel(translate("MainWindow", "<b>Cadre records</b>"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate(
            "MainWindow", "Search by name (with or without accents), ID card, phone, birth year, home town, unit…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("MainWindow", "Search cadres"))
        top.addWidget(title)
        top.addWidget(self.search, 1)
        # "Xoá lọc (2)": two filters below are in use
        self.clear_filters_button = QPushButton(translate("MainWindow", "Clear filters"))
        self.clear_filters_button.setToolTip(translate("MainWindow", "Remove every filter and show the whole list again"))
        self.clear_filters_button.setEnabled(False)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        top.addWidget(self.clear_filters_button)
        layout.addLayout(top)
        # the filters wrap onto a second line on a narrow screen (1366×768 at 150 %: 911 logical pixels)
        self.filter_bar = FlowLayout()
        self.filters: dict[str, CodeCombo] = {}
        layout.addLayout(self.filter_bar)

        self.model = CadreTableModel(tasks, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # row numbers up to 999.999 without measuring them on every page (cadre_table.set_row_header_size)
        self.model.set_row_header_size(QSize(self.fontMetrics().horizontalAdvance("0" * 6) + 16,
                                             self.fontMetrics().height() + 8))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        fm = self.fontMetrics()
        widths = {Column.NAME: 26, Column.BIRTH: 11, Column.SEX: 7, Column.UNIT: 30, Column.POSITION: 18,
                  Column.ID_NUMBER: 13, Column.STATUS: 13}
        for col, chars in widths.items():
            self.table.setColumnWidth(col, fm.horizontalAdvance("n") * chars + 16)
        header.setSectionResizeMode(Column.UNIT, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.records_page = central
        self._build_navigation()

        self.status_office = QLabel()
        self.status_user = QLabel()
        self.status_db = QLabel()
        self.status_count = QLabel()
        self.status_conflicts = QLabel(translate("MainWindow", "Conflicts: {count}").format(count=0))
        self.status_conflicts.setToolTip(translate("MainWindow", "Sync conflicts waiting to be resolved (click to open)"))
        on_click(self.status_conflicts, self.show_conflicts)
        for w in (self.status_office, self.status_user, self.status_db, self.status_conflicts):
            self.statusBar().addWidget(w)
        self.statusBar().addPermanentWidget(self.status_count)
        self.status_office.setText(translate("MainWindow", "Unit: {unit}").format(unit=office.unit_name) if office
                                   else translate("MainWindow", "Unit not set up"))
        self.status_user.setText(translate("MainWindow", "User: {user}").format(user=user))
        self.status_db.setText(translate("MainWindow", "Database: {database}").format(database=db.display))
        self.status_db.setToolTip(db.display)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.model.query_finished.connect(self._update_count)
        self._total: int | None = None
        self._reminders_counted = False
        self._warm_timer: QTimer | None = None
        self._warmed = False
        self._total_filter = ListFilter()
        self._unit_paths: dict[str, str] = {}
        self.codes: dict[str, list[tuple[str, str]]] = {}
        self.editors: list[CadreEditor] = []
        self.table.doubleClicked.connect(lambda _idx: self._open_current())
        self.role = "viewer"
        self._pending_open: list[str | None] = []
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._build_menus()
        self._restore_state()
        self.apply_search()  # first on the database lane: on 100k the code lists below take ~0.5 s more
        if tasks.synchronous:
            self._load_refdata()
        else:
            # the code lists, unit paths, role and conflicts (some 0.5 s of Python on 100k) start once the first
            # page is in: read at once they compete with the window's first paint for the interpreter (issue 13)
            self._refdata_asked = False
            self.model.query_finished.connect(self._first_page_in)
            self.model.load_failed.connect(self._first_page_in)

    def _first_page_in(self, _result: object) -> None:
        if not self._refdata_asked and self.isVisible():
            self._refdata_asked = True
            QTimer.singleShot(60, self._load_refdata)  # after the page's paint

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # built hidden while the clerk typed (app._Prepared): the code lists wait until the window is on screen,
        # their half second of Python would otherwise hold the interpreter during its first paint
        if not self.tasks.synchronous and not self._refdata_asked and not self.model.loading:
            self._first_page_in(None)

    def _load_refdata(self) -> None:
        self.tasks.run_db(lambda: (refdata.unit_paths(self.uowf), refdata.code_choices(self.uowf),
                                   setup.user_role(self.uowf, self.user)), on_done=self._set_refdata,
                          on_error=lambda exc: show_error(self, exc))
        self.tasks.run_db(lambda: maintenance.open_conflicts(self.uowf), on_done=self._set_conflicts)
        if not self.tasks.synchronous and self._warm_timer is None:
            # once the clerk has neither typed in the search box nor scrolled the list for a while
            self._warm_timer = QTimer(self)
            self._warm_timer.setSingleShot(True)
            self._warm_timer.setInterval(WARM_DASHBOARD_MS)
            self._warm_timer.timeout.connect(self.warm_dashboard)
            self.search.textChanged.connect(self._warm_timer.start)
            self.table.verticalScrollBar().valueChanged.connect(self._warm_timer.start)
            self._warm_timer.start()

    def warm_dashboard(self) -> None:
        """Count the office's targets dashboard once, in the background, so that its first view is the
        kept counts brought up to date (``db/count_cache.py``: ~0.25 s of SQLite on a province of 100,000,
        then only the units that edits touch). A read on its own connection, off the database lane: the
        clerk's searches do not queue behind it; started when the clerk has paused (its Python parts would
        otherwise share the interpreter with their typing). Not done once the dashboard has been opened."""
        if self._warm_timer is not None:
            self.search.textChanged.disconnect(self._warm_timer.start)
            self.table.verticalScrollBar().valueChanged.disconnect(self._warm_timer.start)
            self._warm_timer.stop()
            self._warm_timer.deleteLater()
            self._warm_timer = None
        if "reports" in self.pages or self._warmed:
            return
        self._warmed = True
        from canbo_desktop.services import reports as reports_svc

        unit_id = self.office.unit_id if self.office and self.office.unit_id else None
        self.tasks.run(lambda: reports_svc.targets_report(self.uowf, unit_id=unit_id),
                       on_error=lambda exc: log.info("dashboard not counted ahead: %s", exc))

    # -- navigation -------------------------------------------------------------------------------
    def _build_navigation(self) -> None:
        """Left: the seven sections (Ctrl+1…Ctrl+7); right: the page of the chosen one, built on first use."""
        shell = QWidget(self)
        row = QHBoxLayout(shell)
        row.setContentsMargins(6, 6, 6, 0)
        self.nav = QListWidget()
        self.nav.setAccessibleName(translate("MainWindow", "Program sections"))
        fm = self.fontMetrics()
        self.nav.setFixedWidth(max(fm.horizontalAdvance(f"{section_label(key)} (999)") for key, _ in SECTIONS) + 36)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for i, (key, _label) in enumerate(SECTIONS):
            label = section_label(key)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(translate("MainWindow", "{section} (Ctrl+{number})").format(section=label, number=i + 1))
            item.setSizeHint(QSize(0, fm.height() + 14))
            self.nav.addItem(item)
            # the other pages are built the first time they are shown: a stand-in keeps their place
            self.stack.addWidget(self.records_page if key == "records" else QWidget())
        self.pages["records"] = self.records_page
        self.nav.currentRowChanged.connect(self._section_changed)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(shell)

    def _count_reminders(self) -> None:
        """Count what is due for the navigation, in another process (read-only) and after the window is up,
        so that searching and scrolling are never kept waiting. A province's count takes many seconds of
        a processor: there the Reminders page counts when it is opened instead."""
        def start() -> None:
            self.tasks.run(lambda: self.compute_reminders().counts(), on_done=self.set_reminder_counts,
                           on_error=lambda exc: log.warning("reminders not counted: %s", exc))

        if self.tasks.synchronous:
            start()
        else:
            QTimer.singleShot(REMINDER_COUNT_DELAY_MS, self, start)  # cancelled if the window goes first

    def compute_reminders(self, at: date | None = None) -> ReminderReport:
        """Reminders on ``at``; in a separate process unless background work runs inline (tests)."""
        from canbo_desktop.services import reminders as reminders_svc

        if self.tasks.synchronous:
            return reminders_svc.reminders(self.uowf, at)
        return reminders_svc.reminders_in_process(self.db.target, at, actor=self.user)  # counted in the user's scope

    def set_reminder_counts(self, counts: dict[str, int]) -> None:
        """Show on the navigation how many things are due (the severe ones in bold)."""
        if not shiboken6.isValid(self.nav):
            return  # the window was closed while the count was running
        total = sum(counts.values())
        index = [k for k, _ in SECTIONS].index("reminders")
        item = self.nav.item(index)
        item.setText(translate("MainWindow", "Reminders ({count})").format(count=total) if total
                     else section_label("reminders"))
        font = item.font()
        font.setBold(bool(counts.get("retirement_decision") or counts.get("weak_performer")))
        item.setFont(font)

    def section(self) -> str:
        return SECTIONS[max(0, self.nav.currentRow())][0]

    def show_section(self, key: str) -> QWidget:
        """Show a section (building its page the first time) and return its page."""
        index = [k for k, _ in SECTIONS].index(key)
        self.nav.setCurrentRow(index)
        return self.pages[key]

    def _section_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SECTIONS[index][0]
        if key not in self.pages:
            page = self._make_page(key)
            old = self.stack.widget(index)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, page)
            self.pages[key] = page
        self.stack.setCurrentIndex(index)

    def _make_page(self, key: str) -> QWidget:
        pending: dict[str, tuple[str, list[str]]] = {}  # sections whose screens are not built yet
        if key == "reminders":
            from canbo_desktop.ui.pages.reminders_page import RemindersPage

            page: QWidget = RemindersPage(self.compute_reminders, self.tasks, self)
            page.open_cadre.connect(self.open_cadre)  # type: ignore[attr-defined]
            page.computed.connect(lambda report: self.set_reminder_counts(report.counts()))  # type: ignore[attr-defined]
            return page
        if key == "reports":
            from canbo_desktop.ui.pages.reports_page import ReportsPage

            page = ReportsPage(self.uowf, self.tasks, self.user, self,
                               default_unit=self.office.unit_id if self.office else "")
            page.open_cadre.connect(self.open_cadre)
            return page
        if key == "evaluation":
            from canbo_desktop.ui.pages.evaluation_page import EvaluationPage

            return EvaluationPage(self.uowf, self.tasks, self.codes, self.role, self,
                                  default_unit=self.office.unit_id if self.office else "")
        if key == "appointments":
            from canbo_desktop.ui.pages.appointments_page import AppointmentsPage

            return AppointmentsPage(self.uowf, self.tasks, self.codes, self.role, self)
        if key == "sync":
            from canbo_desktop.ui.pages.sync_page import SyncPage

            sync_page = SyncPage(self.uowf, self.tasks, self)
            sync_page.conflicts_changed.connect(self._set_conflicts)
            sync_page.imported.connect(self.refresh)
            return sync_page
        if key == "admin":
            from canbo_desktop.ui.pages.admin_page import AdminPage

            return AdminPage(self.uowf, self.tasks, self.user, self, codes=self.codes)
        from canbo_desktop.ui.pages.pending import PendingPage

        title, lines = pending[key]
        return PendingPage(title, lines, self)

    def change_password(self) -> None:
        from canbo_desktop.ui.dialogs.login import ChangePasswordDialog

        if ChangePasswordDialog(self.db, self.user, self).exec():
            self.statusBar().showMessage(translate("MainWindow", "Password changed."), 5000)

    def open_audit_log(self) -> QWidget:
        from canbo_desktop.ui.pages.audit_page import open_audit_dialog

        return open_audit_dialog(self)

    # -- menus ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(translate("MainWindow", "&File"))
        act = QAction(translate("MainWindow", "&Import cadre list from Excel…"), self)
        act.setShortcut(QKeySequence("Ctrl+I"))
        act.triggered.connect(lambda: self.import_xlsx())
        m.addAction(act)
        act = QAction(translate("MainWindow", "Change &password…"), self)  # ui/dialogs/login.py
        act.triggered.connect(self.change_password)
        m.addAction(act)
        act = QAction(translate("MainWindow", "Activity &log…"), self)  # ui/pages/audit_page.py
        act.triggered.connect(self.open_audit_log)
        m.addAction(act)
        m.addSeparator()
        act = QAction(translate("MainWindow", "E&xit"), self)
        act.setShortcut(QKeySequence.StandardKey.Quit)
        act.triggered.connect(self.close)
        m.addAction(act)
        m = self.menuBar().addMenu(translate("MainWindow", "&View"))
        for i, (key, _label) in enumerate(SECTIONS):
            act = QAction(section_label(key), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, k=key: self.show_section(k))
            m.addAction(act)
        m.addSeparator()
        act = QAction(translate("MainWindow", "&Refresh"), self)
        act.setShortcut(QKeySequence.StandardKey.Refresh)
        act.triggered.connect(self.refresh)
        m.addAction(act)
        m = self.menuBar().addMenu(translate("MainWindow", "&Records"))
        act = QAction(translate("MainWindow", "&Find cadre"), self)
        act.setShortcut(QKeySequence("Ctrl+F"))
        act.triggered.connect(self._focus_search)
        m.addAction(act)
        act = QAction(translate("MainWindow", "&Open record"), self)
        act.setShortcut(QKeySequence("Return"))
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.triggered.connect(self._open_current)
        self.table.addAction(act)
        m.addAction(act)
        act = QAction(translate("MainWindow", "&Add cadre"), self)
        act.setShortcut(QKeySequence.StandardKey.New)
        act.triggered.connect(lambda: self.open_cadre(None))
        m.addAction(act)
        act = QAction(translate("MainWindow", "&Export list to Excel…"), self)
        act.setShortcut(QKeySequence("Ctrl+E"))
        act.triggered.connect(lambda: self.export_xlsx())
        m.addAction(act)
        self.documents = DocumentActions(self, m)
        act = QAction(translate("MainWindow", "T&rash…"), self)
        act.triggered.connect(self.open_trash)
        m.addAction(act)
        act = QAction(translate("MainWindow", "&Move to trash"), self)
        act.setShortcut(QKeySequence.StandardKey.Delete)
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        act.triggered.connect(self.trash_selected)
        self.table.addAction(act)
        m.addAction(act)
        m = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        act = QAction(translate("MainWindow", "Open &log folder"), self)
        act.setToolTip(translate("MainWindow", "Open the folder of the log files (attach them when reporting a problem)"))
        act.triggered.connect(self._open_log_folder)
        m.addAction(act)
        self._build_language_menu(m)
        act = QAction(translate("MainWindow", "&About"), self)
        act.triggered.connect(self._about)
        m.addAction(act)

    def _build_language_menu(self, help_menu: QMenu) -> None:
        """Help → "Ngôn ngữ / Language": the language of the interface from the next start (ui/i18n.py)."""
        self.language_menu = help_menu.addMenu("Ngôn ngữ / Language")  # i18n: data (readable in both languages)
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        current = i18n.language()
        for lang, name in i18n.LANGUAGES.items():  # "Tiếng Việt", "English": each in its own language
            act = QAction(name, self)
            act.setCheckable(True)
            act.setChecked(lang == current)
            act.setData(lang)
            act.triggered.connect(lambda _c=False, lg=lang: self.choose_language(lg))
            group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[lang] = act

    def choose_language(self, lang: str) -> None:
        """Save the language; it applies the next time the program opens (the open windows keep theirs)."""
        from canbo_desktop.ui.i18n import save_language

        save_language(lang)
        self.language_actions[lang].setChecked(True)
        QMessageBox.information(self, translate("MainWindow", "Language"), translate(
            "MainWindow", "The language will change the next time the program opens."))

    def show_conflicts(self) -> QWidget:
        """The sync section, on its conflicts tab (the status-bar counter opens it)."""
        return self.show_section("sync").show_conflicts()  # type: ignore[attr-defined, no-any-return]

    def _set_conflicts(self, n: int) -> None:
        self.status_conflicts.setText(translate("MainWindow", "Conflicts: {count}").format(count=n))
        self.status_conflicts.setStyleSheet("color: #b00020; font-weight: bold;" if n else "")

    def _set_refdata(self, data: tuple[dict[str, str], dict[str, list[tuple[str, str]]], str]) -> None:
        self._unit_paths = data[0]
        self.role = data[2]
        self._set_codes(data[1])
        pending, self._pending_open = self._pending_open, []
        for cadre_id in pending:
            self.open_cadre(cadre_id)

    def _column_menu(self, pos: Any) -> None:
        """Column chooser: tick the columns to show (remembered with the window state)."""
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for col in Column:
            act = menu.addAction(self.model.headerData(col, Qt.Orientation.Horizontal))
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(col))
            act.setEnabled(col != Column.NAME)
            act.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(pos))

    def _set_codes(self, codes: dict[str, list[tuple[str, str]]]) -> None:
        self.codes = codes
        self._build_filters()

    def _build_filters(self) -> None:
        """Unit subtree, status, sex, age band, qualification, party member, in planning. All are always in
        sight (a filter in use is in bold and counted on "Xoá lọc (n)" beside the search box); on one line on a
        1366-px screen, wrapping onto a second one on a narrow or scaled screen. Export: menu Hồ sơ →
        Xuất danh sách ra Excel (Ctrl+E)."""
        if self.filters:  # built once: the code lists arrive with the window
            return
        units = [(self._unit_paths.get(code, code), name.strip()) for code, name in self.codes.get("unit", [])]
        # (key, tooltip, accessible name, first item = no filter, width in characters, choices)
        specs: list[tuple[str, str, str, str, int, list[tuple[str, str]]]] = [
            ("unit", translate("MainWindow", "Unit (with the units under it)"),
             translate("MainWindow", "Filter by unit (with the units under it)"),
             translate("MainWindow", "All units"), 16, units),
            ("status", translate("MainWindow", "Status"), translate("MainWindow", "Filter by status"),
             translate("MainWindow", "All statuses"), 14, self.codes.get("cadre_status", [])),
            ("sex", translate("MainWindow", "Sex"), translate("MainWindow", "Filter by sex"),
             translate("MainWindow", "Men and women"), 9,
             [("M", translate("MainWindow", "Male")), ("F", translate("MainWindow", "Female"))]),
            ("age_band", translate("MainWindow", "Age"), translate("MainWindow", "Filter by age"),
             translate("MainWindow", "All ages"), 11, list(AGE_BAND_LABELS.items())),
            ("education_level", translate("MainWindow", "Qualification"),
             translate("MainWindow", "Filter by qualification"),
             translate("MainWindow", "All levels"), 12, self.codes.get("education_level", [])),
            ("party", translate("MainWindow", "Party membership"), translate("MainWindow", "Filter by party membership"),
             translate("MainWindow", "Party: all"), 12,
             [("1", translate("MainWindow", "Party member")), ("0", translate("MainWindow", "Not a party member"))]),
            ("planning", translate("MainWindow", "Planning"), translate("MainWindow", "Filter by planning"),
             translate("MainWindow", "Planning: all"), 14,
             [("1", translate("MainWindow", "In planning")), ("0", translate("MainWindow", "Not in planning"))]),
        ]
        for key, label, accessible, everyone, chars, choices in specs:
            combo = CodeCombo(choices)
            combo.setItemText(0, everyone)
            combo.setToolTip(label)
            combo.setAccessibleName(accessible)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
            combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
            self.filters[key] = combo
            self.filter_bar.addWidget(combo)
        self._mark_filters()

    def active_filters(self) -> list[str]:
        """The filters in use (not on their first, "every" item)."""
        return [key for key, combo in self.filters.items() if combo.currentIndex() > 0]

    def _mark_filters(self) -> None:
        active = set(self.active_filters())
        for key, combo in self.filters.items():
            font = combo.font()
            font.setBold(key in active)
            combo.setFont(font)
        self.clear_filters_button.setText(translate("MainWindow", "Clear filters ({count})").format(count=len(active))
                                          if active else translate("MainWindow", "Clear filters"))
        self.clear_filters_button.setEnabled(bool(active))

    def _filters_changed(self) -> None:
        self._mark_filters()
        self.apply_search()

    def clear_filters(self) -> None:
        """Every filter back to its "every" item, then one search."""
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filters_changed()

    def current_filter(self) -> ListFilter:
        def val(key: str) -> str:
            combo = self.filters.get(key)
            return combo.value() if combo is not None else ""

        def flag(key: str) -> bool | None:
            v = val(key)
            return None if not v else v == "1"

        return ListFilter(unit_path=val("unit") or None, status=val("status") or None, sex=val("sex") or None,
                          age_band=val("age_band") or None, education_level=val("education_level") or None,
                          party_member=flag("party"), in_planning=flag("planning"))

    def export_xlsx(self, path: str | None = None) -> None:
        """Export what the list shows now (search and filters) to an Excel file."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Export list to Excel"),
                                                  translate("MainWindow", "cadre-list.xlsx"), "Excel (*.xlsx)")
            if not path:
                return
        typed, f, target = self.search.text().strip(), self.current_filter(), Path(path)
        self.status_count.setText(translate("MainWindow", "Exporting to Excel…"))
        from canbo_desktop.services import export  # openpyxl: imported when first needed (start-up time)

        self.tasks.run_db(lambda: export.export_cadre_list(self.uowf, target, typed=typed, f=f),
                          on_done=lambda n: self.status_count.setText(translate(
                              "MainWindow", "Exported {count} people to {file}").format(count=n, file=target.name)),
                          on_error=lambda exc: show_error(self, exc))

    def open_cadre(self, cadre_id: str | None) -> CadreEditor | None:
        """Open the record editor (a new person when ``cadre_id`` is None). Before the code lists have
        arrived from the database (the first moments after start) the request waits for them."""
        if not self.codes:
            self._pending_open.append(cadre_id)
            self.status_count.setText(translate("MainWindow", "Loading the code lists…"))
            return None
        for editor in self.editors:  # one editor per person: bring the open one forward
            if cadre_id is not None and editor.cadre_id == cadre_id and editor.isVisible():
                editor.raise_()
                editor.activateWindow()
                return editor
        from canbo_desktop.ui.dialogs.cadre_editor import CadreEditor

        default_unit = self.office.unit_id if self.office else ""
        editor = CadreEditor(self.uowf, self.tasks, self.codes, cadre_id, default_unit=default_unit, parent=self)
        editor.saved.connect(lambda _cid: self.refresh())
        editor.finished.connect(lambda _r, e=editor: self.editors.remove(e) if e in self.editors else None)
        self.editors.append(editor)
        editor.show()
        return editor

    def _open_current(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.open_cadre(row.id)

    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = ", ".join(r.full_name for r in (self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()) if r)
        answer = QMessageBox.question(
            self, translate("MainWindow", "Move to trash"),
            translate("MainWindow", "Move {count} records to the trash?\n{names}\n\nThey can be restored from the trash.")
            .format(count=len(ids), names=names))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from canbo_desktop.services import records

        self.tasks.run_db(lambda: records.trash_cadres(self.uowf, ids), on_done=lambda _c: self.refresh(),
                          on_error=lambda exc: show_error(self, exc))

    def open_trash(self) -> TrashDialog:
        from canbo_desktop.ui.dialogs.trash_dialog import TrashDialog

        dlg = TrashDialog(self.uowf, self.tasks, self.role, self)
        dlg.show()
        return dlg

    def import_xlsx(self, path: str = "") -> ImportWizard:
        """The Excel import wizard; the list is refreshed when it finishes."""
        from canbo_desktop.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.uowf, self.tasks, self, path=path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(lambda _r: self.refresh())
        wizard.show()
        return wizard

    def refresh(self) -> None:
        self._total = None
        self.apply_search()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _about(self) -> None:
        from canbo_desktop.ui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    def _open_log_folder(self) -> None:
        from canbo_desktop import paths
        from canbo_desktop.ui.dialogs.crash import open_log_folder

        if not open_log_folder():
            self.statusBar().showMessage(translate("MainWindow", "Could not open the log folder: {folder}")
                                         .format(folder=paths.log_dir()), 10000)

    # -- list and search --------------------------------------------------------------------------
    def apply_search(self) -> None:
        self._timer.stop()
        typed = self.search.text().strip()
        uowf = self.uowf
        f = self.current_filter()
        if typed:
            self.status_count.setText(translate("MainWindow", "Searching…"))
            self.model.set_loader(lambda off, lim: cadre_svc.search_cadres(uowf, typed, limit=lim, offset=off, f=f))
        else:
            positions: dict[int, int] = {}  # offset → where the page before it ended (seek, don't skip)

            def load(off: int, lim: int) -> list[Any]:
                rows = cadre_svc.list_cadres(uowf, f, offset=off, limit=lim, after=positions.get(off))
                if rows and rows[-1].list_position is not None:
                    positions[off + len(rows)] = rows[-1].list_position
                return rows

            self.model.set_loader(load)
            if self._total is None or f != self._total_filter:
                self._total_filter = f
                self.tasks.run_db(lambda: cadre_svc.count_cadres(uowf, f), on_done=self._set_total)

    def _set_total(self, total: int) -> None:
        first = self._total is None and not self._reminders_counted
        self._total = total
        if first and total <= AUTO_REMINDER_LIMIT:
            self._reminders_counted = True
            self._count_reminders()
        self._update_count(self.model.rowCount())

    def _update_count(self, loaded: int) -> None:
        if self.search.text().strip():
            more = "+" if self.model.canFetchMore() else ""
            self.status_count.setText(translate("MainWindow", "Found {count} people").format(count=f"{loaded}{more}"))
        elif self._total is not None:
            self.status_count.setText(translate("MainWindow", "Total: {count} cadres")
                                      .format(count=QLocale().toString(self._total)))

    # -- window state -----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = QSettings()
        geo = s.value("main/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            fit_to_screen(self, 1280, 720)  # at most 90 % of a small or scaled screen
        section = s.value("main/section")
        keys = [k for k, _ in SECTIONS]
        self.nav.setCurrentRow(keys.index(section) if section in keys else 0)
        hdr = s.value("main/list_header")
        if hdr is not None:
            self.table.horizontalHeader().restoreState(hdr)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for editor in list(self.editors):  # unsaved records are never lost silently
            if editor.isVisible():
                editor.close()
                if editor.isVisible():
                    event.ignore()
                    return
        s = QSettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/list_header", self.table.horizontalHeader().saveState())
        s.setValue("main/section", self.section())
        super().closeEvent(event)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for r in rows:
            s = self.model.row_at(r)
            if s is not None:
                out.append(s.id)
        return out

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus():
            self.search.clear()
            return
        super().keyPressEvent(event)
