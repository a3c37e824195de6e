"""Đồng bộ USB: this office and the offices it exchanges packages with; export to the stick; import from it.

The first tab shows this office (its key fingerprint), its parent and children with the last package sent
and received each way and how many rows were sent but not yet acknowledged ("đã gửi, chưa xác nhận"); the
export box writes a signed, encrypted package for the parent (only what the parent has not acknowledged,
or everything) to the chosen USB volume, with a progress bar and a Stop button, and says when the stick can
be pulled out; the receipt PDF opens in the app's preview. "Nhận gói…" opens the import wizard. The second
tab is the conflicts page. Keys are set up in ``SyncSetupDialog``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.domain.dates import format_date
from canbo_desktop.i18n import translate
from canbo_desktop.paths import user_data_dir
from canbo_desktop.ui.dialogs.sync_setup import RELATION_TEXT, SyncSetupDialog, fingerprint_groups, mono_font
from canbo_desktop.ui.pages.conflicts_page import ConflictsPage
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import FlowLayout, scrolling
from canbo_desktop.ui.widgets.usb import UsbPicker, Volume, human_size, list_volumes

RED, GREEN, AMBER = "#b00020", "#1b5e20", "#8a5a00"


def _svc(name: str) -> Any:
    import importlib

    return importlib.import_module(f"canbo_desktop.services.sync.{name}")


def _day(v: Any) -> str:
    if isinstance(v, datetime):
        return format_date(v.date())
    if isinstance(v, date):
        return format_date(v)
    return ""


def colored(text: str, color: str) -> str:
    return f"<span style='color:{color}'>{text}</span>"


def short_fingerprint(fp: str) -> str:
    groups = fingerprint_groups(fp or "")
    return " ".join(groups[:4]) + (" …" if len(groups) > 4 else "") if groups else "—"


class _Progress(QObject):
    moved = Signal(float, str)  # emitted from the worker, delivered on the GUI thread


class SyncPage(QWidget):
    conflicts_changed = Signal(int)
    imported = Signal()  # a package was applied: the lists elsewhere may have changed

    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None, *,
                 volumes: Any = list_volumes) -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.info: Any = None
        self.peers: list[Any] = []
        self.result: Any = None  # the last ExportResult
        self.previews: list[QWidget] = []
        self.wizard: Any = None
        self._cancelled = False
        self._exporting = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs)
        main = QWidget()
        v = QVBoxLayout(main)
        v.setContentsMargins(6, 6, 6, 6)

        head = QHBoxLayout()
        self.office = QLabel()
        self.office.setTextFormat(Qt.TextFormat.RichText)
        self.office.setWordWrap(True)
        head.addWidget(self.office, 1)
        self.fp = QLabel()
        self.fp.setFont(mono_font(11))
        self.fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.fp)
        self.setup_button = QPushButton(translate("SyncPage", "Key set-up…"))
        self.setup_button.setToolTip(translate("SyncPage", "Create keys, exchange keys packages with the parent and "
                                                           "child units; the recovery key"))
        self.setup_button.clicked.connect(lambda: self.open_setup())
        head.addWidget(self.setup_button)
        v.addLayout(head)

        self.peer_table = QTableWidget(0, 6)
        self.peer_table.setHorizontalHeaderLabels([
            translate("SyncPage", "Relation"), translate("SyncPage", "Unit"), translate("SyncPage", "Key fingerprint"),
            translate("SyncPage", "Last package sent"), translate("SyncPage", "Last package received"),
            translate("SyncPage", "Sent, not acknowledged")])
        self.peer_table.verticalHeader().setVisible(False)
        self.peer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peer_table.setAlternatingRowColors(True)
        fm = self.fontMetrics()
        for col, chars in enumerate((9, 24, 44, 16, 16, 18)):
            self.peer_table.setColumnWidth(col, fm.horizontalAdvance("n") * chars + 12)
        self.peer_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.peer_table.setMinimumHeight(fm.height() * 6)
        self.peer_table.setMaximumHeight(fm.height() * 14)
        v.addWidget(self.peer_table, 1)

        boxes = QHBoxLayout()
        # -- export ---------------------------------------------------------------------------------
        exp = QGroupBox(translate("SyncPage", "Send a package to the parent unit"))
        ef = QFormLayout(exp)
        ef.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.target = QComboBox()
        self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(20)
        self.target.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        ef.addRow(translate("SyncPage", "Send to"), self.target)
        self.incremental = QRadioButton(translate("SyncPage", "Changes the parent has not acknowledged"))
        self.full = QRadioButton(translate("SyncPage", "All of the unit's data"))
        self.incremental.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.incremental)
        group.addButton(self.full)
        kinds = FlowLayout()  # side by side on a wide window, one under the other on a narrow one
        kinds.addWidget(self.incremental)
        kinds.addWidget(self.full)
        ef.addRow(translate("SyncPage", "Content"), kinds)
        self.usb = UsbPicker(lister=volumes)
        self.usb.combo.setMinimumContentsLength(16)
        ef.addRow(translate("SyncPage", "Write to"), self.usb)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(translate("SyncPage", "the unit's key passphrase (to sign the package)"))
        ef.addRow(translate("SyncPage", "Passphrase"), self.passphrase)
        run = QHBoxLayout()
        self.export_button = QPushButton(translate("SyncPage", "Write package to USB"))
        self.export_button.setEnabled(False)  # until this office's keys and its parent are read
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton(translate("SyncPage", "Stop"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        keep = self.bar.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the buttons keep their size while the bar is hidden
        self.bar.setSizePolicy(keep)
        self.bar.setVisible(False)  # shown while a package is written
        run.addWidget(self.export_button)
        run.addWidget(self.cancel_button)
        run.addWidget(self.bar, 1)
        ef.addRow("", run)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextFormat(Qt.TextFormat.RichText)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ef.addRow("", self.export_status)
        self.receipt_button = QPushButton(translate("SyncPage", "View receipt (PDF)…"))
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(lambda: self.show_receipt())
        receipt_row = QHBoxLayout()
        receipt_row.addWidget(self.receipt_button)
        receipt_row.addStretch(1)
        ef.addRow("", receipt_row)
        boxes.addWidget(exp, 3)
        # -- import ---------------------------------------------------------------------------------
        imp = QGroupBox(translate("SyncPage", "Receive a package from USB"))
        iv = QVBoxLayout(imp)
        text = QLabel(translate("SyncPage", "Packages from child units (data) and from the parent "
                                            "(acknowledgements, code lists). The program checks the signature and the "
                                            "order of the packages, previews every change and conflict, and backs up "
                                            "before writing."))
        text.setWordWrap(True)
        iv.addWidget(text)
        self.import_button = QPushButton(translate("SyncPage", "Receive package…"))
        self.import_button.clicked.connect(lambda: self.open_import())
        iv.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.import_status = QLabel()
        self.import_status.setWordWrap(True)
        self.import_status.setTextFormat(Qt.TextFormat.RichText)
        iv.addWidget(self.import_status)
        iv.addStretch(1)
        boxes.addWidget(imp, 2)
        v.addLayout(boxes, 1)
        self.tabs.addTab(scrolling(main, horizontal=False),  # scrolls on a short screen
                         translate("SyncPage", "Send and receive"))

        self.conflicts = ConflictsPage(uowf, tasks, self)
        self.conflicts.count_changed.connect(self._conflicts_counted)
        self.tabs.addTab(self.conflicts, translate("SyncPage", "Conflicts"))

        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.reload()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        uowf = self.uowf
        self.tasks.run_db(lambda: (_svc("peers").local_keys_info(uowf), _svc("peers").list_peers(uowf)),
                          on_done=self._show, on_error=self._failed_load)

    def _failed_load(self, exc: BaseException) -> None:
        self.office.setText(colored(str(getattr(exc, "message", None) or exc), RED))

    def _show(self, data: tuple[Any, list[Any]]) -> None:
        self.info, self.peers = data[0], [p for p in data[1] if p.relation in ("parent", "child")]
        info = self.info
        if info is None:
            self.office.setText(translate("SyncPage", "<b>This unit has no sync keys yet.</b> Press «Key set-up…» to "
                                                      "create them and exchange keys packages with the parent unit "
                                                      "before sending packages."))
            self.fp.setText("")
        else:
            self.office.setText(translate("SyncPage", "<b>{unit}</b> ({code}) — key fingerprint:").format(
                unit=info.unit_name, code=info.unit_code))
            self.fp.setText(short_fingerprint(info.fingerprint))
            self.fp.setToolTip(" ".join(fingerprint_groups(info.fingerprint)))
        self.peer_table.setRowCount(len(self.peers))
        for i, p in enumerate(self.peers):
            sent_no = int(getattr(p, "next_out_package", 1) or 1) - 1
            sent = (translate("SyncPage", "no. {number} · {date}").format(
                number=sent_no, date=_day(getattr(p, "last_out_at", None))).rstrip(" ·")
                if sent_no > 0 else translate("SyncPage", "not sent yet"))
            got_no = int(getattr(p, "last_in_package", 0) or 0)
            got_at = _day(getattr(p, "last_in_at", None))  # data packages are numbered; acknowledgements are not
            got = (translate("SyncPage", "no. {number} · {date}").format(number=got_no, date=got_at).rstrip(" ·")
                   if got_no > 0 else translate("SyncPage", "on {date}").format(date=got_at) if got_at
                   else translate("SyncPage", "not received yet"))
            unacked = int(getattr(p, "unacked_rows", 0) or 0)
            name = f"{p.unit_name} ({p.unit_code})" if getattr(p, "unit_code", "") else (p.unit_name or p.node_id)
            cells = [RELATION_TEXT.get(p.relation, p.relation), name, " ".join(fingerprint_groups(p.fingerprint)), sent, got,
                     translate("SyncPage", "{count} rows").format(count=QLocale().toString(unacked)) if unacked
                     else (translate("SyncPage", "all acknowledged") if sent_no else "—")]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setFont(mono_font(9))
                    item.setToolTip(" ".join(fingerprint_groups(p.fingerprint)))
                if j == 5 and unacked:
                    item.setForeground(QColor(AMBER))
                    item.setToolTip(translate("SyncPage", "Sent, not acknowledged: the parent has not yet sent back "
                                                          "an acknowledgement package for these rows"))
                self.peer_table.setItem(i, j, item)
        keep = self.target.currentData()
        self.target.clear()
        for p in self.peers:
            if p.relation == "parent":
                self.target.addItem(translate("SyncPage", "Parent — {unit}").format(unit=p.unit_name),
                                    (p.node_id, "data"))
        for p in self.peers:
            if p.relation == "child":
                self.target.addItem(translate("SyncPage", "Child — {unit} (code lists, rules)").format(unit=p.unit_name),
                                    (p.node_id, "refdata"))
        if self.target.count() == 0:
            self.target.addItem(translate("SyncPage", "No receiving unit yet — receive the parent's keys package in "
                                                      "«Key set-up…»"), None)
        i = self.target.findData(keep)
        self.target.setCurrentIndex(max(i, 0))
        self.export_button.setEnabled(info is not None and self.target.currentData() is not None and not self._exporting)

    def _conflicts_counted(self, n: int) -> None:
        self.tabs.setTabText(1, translate("SyncPage", "Conflicts ({count})").format(count=n) if n
                             else translate("SyncPage", "Conflicts"))
        self.conflicts_changed.emit(n)

    def show_conflicts(self) -> ConflictsPage:
        self.tabs.setCurrentWidget(self.conflicts)
        self.conflicts.reload()
        return self.conflicts

    # -- export ---------------------------------------------------------------------------------
    def export(self) -> None:
        target = self.target.currentData()
        out, passphrase = self.usb.path(), self.passphrase.text()
        if target is None:
            self._say(translate("SyncPage", "No unit to receive the package: first receive the parent unit's keys "
                                            "package («Key set-up…»)."), RED)
            return
        if not out:
            self._say(translate("SyncPage", "Plug in a USB drive and press «Refresh», or choose a folder."), RED)
            return
        if not passphrase:
            self._say(translate("SyncPage", "Enter the unit's key passphrase to sign the package."), RED)
            return
        vol: Volume | None = self.usb.volume()
        if vol is not None and vol.read_only:
            self._say(translate("SyncPage", "Cannot write to {path}: the drive is read-only.").format(path=out), RED)
            return
        node_id, what = target
        full, uowf, emit = self.full.isChecked(), self.uowf, self._progress.moved.emit
        self._cancelled = False
        self._exporting = True

        def cancelled() -> bool:
            return self._cancelled

        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.receipt_button.setEnabled(False)
        self.bar.setValue(0)
        self.bar.setVisible(True)
        self._say(translate("SyncPage", "Preparing the package…"))

        def work() -> Any:
            if what == "refdata":
                return _svc("refdata").export_refdata(uowf, to_node=node_id, out_dir=Path(out), passphrase=passphrase)
            receipts = user_data_dir() / "bien-nhan-dong-bo"  # on this PC: it still opens once the stick is out
            receipts.mkdir(parents=True, exist_ok=True)
            return _svc("export").export_package(uowf, out_dir=Path(out), passphrase=passphrase, to_node=node_id,
                                                 full=full, progress=lambda f, m: emit(f, m), cancel=cancelled,
                                                 receipt_dir=receipts)

        self.tasks.run_db(work, on_done=self._exported, on_error=self._export_failed)

    def cancel(self) -> None:
        self._cancelled = True
        self.cancel_button.setEnabled(False)
        self._say(translate("SyncPage", "Stopping… the unfinished package will be deleted from the USB drive."))

    def _moved(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if message:
            self._say(message)

    def _done_exporting(self) -> None:
        self._exporting = False
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(self.info is not None and self.target.currentData() is not None)

    def _exported(self, r: Any) -> None:
        self._done_exporting()
        self.result = r
        self.passphrase.clear()
        self.bar.setValue(1000)
        path = Path(r.path)
        rows = int(getattr(r, "rows", 0) or sum((getattr(r, "counts", None) or {}).values()))
        size = path.stat().st_size if path.exists() else 0
        self._say(translate("SyncPage", "Wrote the package <b>{name}</b> ({count} rows, {size}) to {folder} — <b>the "
                                        "USB drive can be safely removed</b>.").format(
            name=path.name, count=QLocale().toString(rows), size=human_size(size), folder=path.parent), GREEN)
        self.receipt_button.setEnabled(bool(getattr(r, "receipt_pdf", None)))
        self.usb.refresh()
        self.reload()

    def _export_failed(self, exc: BaseException) -> None:
        self._done_exporting()
        self.bar.setValue(0)
        self.bar.setVisible(False)
        if self._cancelled:
            self._say(translate("SyncPage", "Stopped: no package was written."), AMBER)
            return
        self._say(getattr(exc, "message", None) or translate("SyncPage", "Error: {error}").format(error=exc), RED)

    def show_receipt(self) -> QWidget | None:
        pdf = getattr(self.result, "receipt_pdf", None) if self.result is not None else None
        if not pdf:
            return None
        from canbo_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        name = Path(self.result.path).stem
        dlg = PdfPreviewDialog(pdf, translate("SyncPage", "Receipt for package {name}").format(name=name), self,
                               suggested_name=translate("SyncPage", "Receipt {name}.pdf").format(name=name))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda _o=None, d=dlg: self.previews.remove(d) if d in self.previews else None)
        self.previews.append(dlg)
        dlg.show()
        return dlg

    def _say(self, text: str, color: str = "") -> None:
        self.export_status.setText(colored(text, color) if color else text)

    # -- import and set-up ----------------------------------------------------------------------
    def open_import(self, path: str = "") -> Any:
        from canbo_desktop.ui.dialogs.sync_import_wizard import SyncImportWizard

        wiz = SyncImportWizard(self.uowf, self.tasks, self, path=path or self.package_on_stick(), folder=self.usb.path())
        wiz.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wiz.finished.connect(lambda _r, w=wiz: self._imported(w))
        self.wizard = wiz
        wiz.show()
        return wiz

    def package_on_stick(self) -> str:
        """The newest package on the chosen volume addressed to this office (its code is in the file name)."""
        folder = self.usb.path()
        if not folder or self.info is None:
            return ""
        from canbo_desktop.services.sync.container import package_file_name

        to_me = package_file_name("x", self.info.unit_code, 0, datetime.now()).split("_")[2]  # as names spell it
        try:
            found = [p for p in Path(folder).glob("CB_*.cbpkg") if p.name.split("_")[2:3] == [to_me]]
            found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:  # the stick went away
            return ""
        return str(found[0]) if found else ""

    def _imported(self, wiz: Any) -> None:
        r = wiz.result or wiz.preview
        if r is not None:
            from canbo_desktop.ui.dialogs.sync_import_wizard import STATUS_COLOR, STATUS_TEXT

            color = STATUS_COLOR.get(r.status, RED)
            text = (STATUS_TEXT.get(r.status, r.status) if r.status != "preview"
                    else translate("SyncPage", "Cancelled, nothing imported."))
            self.import_status.setText(colored(text, color))
            if r.status == "applied":
                self.imported.emit()
        self.wizard = None
        self.reload()
        self.conflicts.reload()

    def open_setup(self) -> SyncSetupDialog:
        dlg = SyncSetupDialog(self.uowf, self.tasks, self)
        dlg.changed.connect(self.reload)
        dlg.show()
        return dlg
