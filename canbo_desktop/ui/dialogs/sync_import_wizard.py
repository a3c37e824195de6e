"""Nhận gói đồng bộ: package file → checks → preview → apply → result (with the acknowledgement written).

Nothing partial, nothing silent (``sync.md``): every check of the package is listed with ✓ or ✗ before
anything else; a package that is rejected, held (a missing earlier package) or already imported stops at
the checks page with the engine's message and the database untouched. The preview says what would change
(new / changed / deleted / unchanged / rejected, field by field per person) and the conflicts; "Áp dụng"
makes the engine back the database up, apply everything in one transaction and write the signed
acknowledgement for the trip back. All the work runs on the database lane.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from canbo_desktop.domain.sync import table_label
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.pages.conflicts_page import KIND_COLOR, KIND_TEXT, Names, Translated, field_label
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import fit_window, text_size

RED, GREEN, AMBER = "#b00020", "#1b5e20", "#8a5a00"
STATUS_TEXT = Translated("SyncImportWizard", {
    "preview": QT_TRANSLATE_NOOP("SyncImportWizard", "The package is valid: preview the changes in the next step."),
    "applied": QT_TRANSLATE_NOOP("SyncImportWizard", "The package was applied."),
    "already_imported": QT_TRANSLATE_NOOP("SyncImportWizard", "This package was imported before: nothing changed."),
    "held": QT_TRANSLATE_NOOP("SyncImportWizard", "The package is held, not imported: an earlier package is missing."),
    "rejected": QT_TRANSLATE_NOOP("SyncImportWizard", "The package was rejected: nothing changed in the database."),
})
STATUS_COLOR = {"preview": GREEN, "applied": GREEN, "already_imported": AMBER, "held": AMBER, "rejected": RED}
KIND_LABEL = Translated("SyncImportWizard", {
    "delta": QT_TRANSLATE_NOOP("SyncImportWizard", "changes"),
    "full": QT_TRANSLATE_NOOP("SyncImportWizard", "all data"),
    "ack": QT_TRANSLATE_NOOP("SyncImportWizard", "acknowledgement of receipt"),
    "refdata": QT_TRANSLATE_NOOP("SyncImportWizard", "code lists, rules"),
    "keys": QT_TRANSLATE_NOOP("SyncImportWizard", "keys package"),
})
DIFF_KIND = Translated("SyncImportWizard", {
    "new": QT_TRANSLATE_NOOP("SyncImportWizard", "New"),
    "changed": QT_TRANSLATE_NOOP("SyncImportWizard", "Changed"),
    "deleted": QT_TRANSLATE_NOOP("SyncImportWizard", "Deleted"),
    "soft": QT_TRANSLATE_NOOP("SyncImportWizard", "Merged (soft)"),
    "hard": QT_TRANSLATE_NOOP("SyncImportWizard", "Conflict"),
    "cccd": QT_TRANSLATE_NOOP("SyncImportWizard", "Same ID number"),
    "rejected": QT_TRANSLATE_NOOP("SyncImportWizard", "Rejected"),
})
DIFF_COLOR = {"new": GREEN, "changed": "#0b4f8a", "deleted": RED, "rejected": RED}
DIFF_ROWS = 3000  # field lines listed (the counts cover everything)


def _svc() -> Any:
    from canbo_desktop.services.sync import importer

    return importer


def status_html(r: Any) -> str:
    color = STATUS_COLOR.get(r.status, RED)
    head = STATUS_TEXT.get(r.status, r.status)
    reason = getattr(r, "reason", "") or ""
    return (f"<span style='color:{color}; font-size:13pt'><b>{head}</b></span>"
            + (f"<br>{reason}" if reason and reason != head else ""))


def counts_of(r: Any) -> dict[str, int]:
    """new / changed / deleted / unchanged / rejected, from the preview or the result's counts."""
    p = getattr(r, "preview", None)
    keys = ("new", "changed", "deleted", "unchanged", "rejected")
    if p is not None:
        return {k: int(getattr(p, k, 0) or 0) for k in keys}
    c = getattr(r, "counts", None) or {}
    return {k: int(c.get(k, 0) or 0) for k in keys}


def counts_html(c: dict[str, int]) -> str:
    return translate("SyncImportWizard", "<b>{new}</b> new · <b>{changed}</b> changed · <b>{deleted}</b> deleted · "
                                         "<b>{unchanged}</b> unchanged · <b style='color:{red}'>{rejected}</b> "
                                         "rejected").format(red=RED, **c)


def _get(obj: Any, key: str, default: Any = "") -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


class _Progress(QObject):
    moved = Signal(float, str)  # emitted from the worker, delivered on the GUI thread


class SyncImportWizard(QWizard):
    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None, *, path: str = "",
                 folder: str = "") -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.folder = folder
        self.preview: Any = None  # importer.ImportResult of the dry run
        self.result: Any = None  # importer.ImportResult of the apply
        self.sender_name = ""  # the sending office's name, as registered here
        self.names = Names()  # code values shown by name in the preview
        self.busy = False
        self.setWindowTitle(translate("SyncImportWizard", "Receive a sync package from USB"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, translate("SyncImportWizard", "Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("SyncImportWizard", "< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("SyncImportWizard", "Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("SyncImportWizard", "Finish"))
        self.progress = _Progress(self)
        self.file_page = _FilePage(self, path)
        self.checks_page = _ChecksPage(self)
        self.preview_page = _PreviewPage(self)
        self.done_page = _DonePage(self)
        for page in (self.file_page, self.checks_page, self.preview_page, self.done_page):
            self.addPage(page)
        fit_window(self, *text_size(self, 138, 44))  # at most 90 % of the screen (1366×768 at 150 %)

    def run(self, fn: Any, on_done: Any, label: QLabel, message: str) -> None:
        """Work on the database lane; the page shows ``message`` meanwhile and the error if any."""
        self.busy = True
        label.setStyleSheet("")
        label.setText(message)
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)

        def done(result: Any) -> None:
            self.busy = False
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            label.setStyleSheet(f"color: {RED}")
            label.setText(getattr(exc, "message", None) or translate("SyncImportWizard", "Error: {error}").format(error=exc))

        self.tasks.run_db(fn, on_done=done, on_error=failed)


class _FilePage(QWizardPage):
    def __init__(self, wiz: SyncImportWizard, path: str) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("SyncImportWizard", "Step 1. Choose the package on the USB drive"))
        self.setSubTitle(translate("SyncImportWizard", "The .cbpkg file written by a child unit (or by the parent, for "
                                                       "acknowledgements and code lists). The package is decrypted on "
                                                       "this computer's disk; nothing is written to the USB drive but "
                                                       "the acknowledgement."))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(path)
        self.path.setPlaceholderText("CB_…_….cbpkg")  # i18n: data (the package file names)
        browse = QPushButton(translate("SyncImportWizard", "Choose file…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(translate("SyncImportWizard", "Package file"), row)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(translate("SyncImportWizard", "our unit's key passphrase"))
        form.addRow(translate("SyncImportWizard", "Key passphrase"), self.passphrase)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setVisible(False)
        form.addRow("", self.bar)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow("", self.status)
        self._checked = False
        wiz.progress.moved.connect(self._moved)

    def _browse(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text().strip() else self.wiz.folder
        f, _ = QFileDialog.getOpenFileName(self, translate("SyncImportWizard", "Choose a sync package"), start,
                                           translate("SyncImportWizard", "Sync packages (*.cbpkg);;All files (*)"))
        if f:
            self.path.setText(f)

    def _moved(self, fraction: float, message: str) -> None:
        self.bar.setVisible(True)
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if message:
            self.status.setText(message)

    def validatePage(self) -> bool:  # noqa: N802
        if self._checked:
            self._checked = False
            return True
        if self.wiz.busy:
            return False
        text = self.path.text().strip()
        if not text:
            self.status.setStyleSheet(f"color: {RED}")
            self.status.setText(translate("SyncImportWizard", "Choose the package file (.cbpkg) on the USB drive."))
            return False
        p, passphrase, uowf, emit = Path(text), self.passphrase.text(), self.wiz.uowf, self.wiz.progress.moved.emit

        def got(data: tuple[Any, dict[str, str], Any]) -> None:
            result, names, codes = data
            self.wiz.preview = result
            self.wiz.sender_name = names.get(getattr(result, "from_node", ""), "")
            self.wiz.names = Names(codes)
            self._checked = True
            self.bar.setVisible(False)
            self.wiz.next()

        def check() -> tuple[Any, dict[str, str], Any]:
            result = _svc().import_package(uowf, p, passphrase=passphrase, dry_run=True,
                                           progress=lambda f, m: emit(f, m))
            from canbo_desktop.services import refdata
            from canbo_desktop.services.sync import peers

            return result, {x.node_id: x.unit_name for x in peers.list_peers(uowf)}, refdata.code_choices(uowf)

        self.wiz.run(check, got, self.status, translate("SyncImportWizard", "Checking the package…"))
        return False


class _ChecksPage(QWizardPage):
    def __init__(self, wiz: SyncImportWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("SyncImportWizard", "Step 2. Package checks"))
        self.setSubTitle(translate("SyncImportWizard", "File structure, the sending unit's signature, the receiving "
                                                       "unit, version, package order, hashes and counts."))
        v = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.info)
        self.checks = QListWidget()
        self.checks.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        v.addWidget(self.checks, 1)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.verdict)

    def initializePage(self) -> None:  # noqa: N802
        r = self.wiz.preview
        self.checks.clear()
        lines = list(getattr(r, "checks", None) or [])
        for line in lines:
            ok = bool(_get(line, "ok", False))
            detail = _get(line, "detail", "") or ""
            item = QListWidgetItem(f"{'✓' if ok else '✗'}  {_get(line, 'label')}" + (f" — {detail}" if detail else ""))
            item.setForeground(QColor(GREEN if ok else RED))
            if not ok:
                f = QFont(self.font())
                f.setBold(True)
                item.setFont(f)
            self.checks.addItem(item)
        parts = []
        sender = self.wiz.sender_name or getattr(r, "from_unit", "")
        if sender:
            code = getattr(r, "from_unit", "")
            parts.append(translate("SyncImportWizard", "From: <b>{sender}</b>").format(sender=sender)
                         + (f" ({code})" if code and code != sender else ""))
        if getattr(r, "seq", None):
            parts.append(translate("SyncImportWizard", "package no. <b>{number}</b>").format(number=r.seq))
        if getattr(r, "kind", ""):
            parts.append(KIND_LABEL.get(r.kind, r.kind))
        if getattr(r, "package_id", ""):
            parts.append(translate("SyncImportWizard", "package ID {id}…").format(id=str(r.package_id)[:8]))
        self.info.setText(" · ".join(parts))
        self.verdict.setText(status_html(r))
        self.setFinalPage(not self.ok())
        # a refused package: "Xong", or "< Quay lại" to choose another file (the checks run again)
        self.wiz.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, self.ok())

    def ok(self) -> bool:
        r = self.wiz.preview
        return r is not None and r.status == "preview"

    def nextId(self) -> int:  # noqa: N802
        return super().nextId() if self.ok() else -1

    def check_lines(self) -> list[str]:
        return [self.checks.item(i).text() for i in range(self.checks.count())]


class _PreviewPage(QWizardPage):
    def __init__(self, wiz: SyncImportWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("SyncImportWizard", "Step 3. Preview"))
        self.setSubTitle(translate("SyncImportWizard", "Nothing has been written yet. Press «Apply»: the program first "
                                                       "backs up the database, then writes everything at once (an "
                                                       "error anywhere and nothing is written)."))
        self.setButtonText(QWizard.WizardButton.NextButton, translate("SyncImportWizard", "Apply"))
        v = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.diff = QTableWidget(0, 5)
        self.diff.setHorizontalHeaderLabels([
            translate("SyncImportWizard", "Person / record"), translate("SyncImportWizard", "Change"),
            translate("SyncImportWizard", "Field"), translate("SyncImportWizard", "Current"),
            translate("SyncImportWizard", "Received")])
        self.diff.verticalHeader().setVisible(False)
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        em = self.diff.fontMetrics().averageCharWidth()  # the values get the room: names and fields are short
        self.diff.setColumnWidth(0, 22 * em)
        self.diff.setColumnWidth(1, 13 * em)
        self.diff.setColumnWidth(2, 20 * em)
        for col in (3, 4):
            self.diff.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.diff, translate("SyncImportWizard", "Changes by person"))
        self.conflicts = QTableWidget(0, 4)
        self.conflicts.setHorizontalHeaderLabels([
            translate("SyncImportWizard", "Type"), translate("SyncImportWizard", "Person / record"),
            translate("SyncImportWizard", "Content"), translate("SyncImportWizard", "Fields")])
        self.conflicts.verticalHeader().setVisible(False)
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setColumnWidth(0, 250)
        self.conflicts.setColumnWidth(1, 230)
        self.conflicts.setColumnWidth(2, 150)
        self.conflicts.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.conflicts, translate("SyncImportWizard", "Conflicts"))
        v.addWidget(self.tabs, 1)
        self.accept_soft = QCheckBox(translate("SyncImportWizard", "Accept the soft conflicts too (both sides merged; "
                                                                   "not put on the list to resolve)"))
        v.addWidget(self.accept_soft)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self._applied = False

    def initializePage(self) -> None:  # noqa: N802
        r = self.wiz.preview
        ack = getattr(r, "kind", "") == "ack"
        self.tabs.setVisible(not ack)
        if ack:  # an acknowledgement from the parent: nothing to review but what it confirms
            self.summary.setText(translate("SyncImportWizard", "<b>{reason}</b><br>Press «Apply» to record it: the "
                                                               "records sent will no longer be «sent, not "
                                                               "acknowledged».").format(reason=r.reason))
            self.accept_soft.setVisible(False)
            self.status.setText("")
            return
        c = counts_of(r)
        conflicts = list(getattr(r, "conflicts", None) or [])
        hard = sum(1 for x in conflicts if _get(x, "kind") == "hard")
        self.summary.setText(counts_html(c) + "<br>" + (
            translate("SyncImportWizard", "<b>{count}</b> conflicts ({hard} need a decision)").format(
                count=len(conflicts), hard=hard) if conflicts else translate("SyncImportWizard", "No conflicts.")))
        diffs = list(getattr(getattr(r, "preview", None), "diffs", None) or [])
        lines: list[tuple[str, str, str, Any, Any]] = []
        for d in diffs:
            table = str(_get(d, "table", "cadre"))
            name = str(_get(d, "label") or _get(d, "name") or str(_get(d, "row_id"))[:8])
            if table != "cadre":
                name = f"{name} · {table_label(table)}"
            kind = str(_get(d, "kind"))
            for fld in _get(d, "fields", []) or []:
                lines.append((name, kind, fld[0], fld[1], fld[2]))
            if len(lines) >= DIFF_ROWS:
                break
        self.diff.setRowCount(len(lines))
        last = None
        for i, (name, kind, field, old, new) in enumerate(lines):
            first = (name, kind) != last
            cells = (name if first else "", DIFF_KIND.get(kind, kind) if first else "", field_label(field),
                     self.wiz.names.show(field, old), self.wiz.names.show(field, new))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 1:
                    item.setForeground(QColor(KIND_COLOR.get(kind, DIFF_COLOR.get(kind, "#000"))))
                self.diff.setItem(i, j, item)
            last = (name, kind)
        self.conflicts.setRowCount(len(conflicts))
        for i, x in enumerate(conflicts):
            kind = _get(x, "kind")
            table = _get(x, "table_name") or _get(x, "table")
            fields = ", ".join(field_label(f) for f in (_get(x, "fields", []) or []))
            label = _get(x, "label") or (_get(x, "incoming", {}) or {}).get("full_name", "") or str(_get(x, "row_id"))[:8]
            for j, text in enumerate((KIND_TEXT.get(kind, kind), label, table_label(table), fields)):
                item = QTableWidgetItem(text)
                if j == 0:
                    item.setForeground(QColor(KIND_COLOR.get(kind, "#000")))
                self.conflicts.setItem(i, j, item)
        self.tabs.setTabText(1, translate("SyncImportWizard", "Conflicts ({count})").format(count=len(conflicts)))
        self.tabs.setTabText(0, translate("SyncImportWizard", "Changes by person ({count})").format(count=len(diffs)))
        self.accept_soft.setVisible(any(_get(x, "kind") == "soft" for x in conflicts))
        self.status.setStyleSheet("")
        self.status.setText(translate("SyncImportWizard", "Hard conflicts are not applied: they wait on the "
                                                          "«Conflicts» page for the person in charge to decide.")
                            if hard else "")

    def diff_lines(self) -> list[tuple[str, ...]]:
        def text(i: int, j: int) -> str:
            item = self.diff.item(i, j)
            return item.text() if item is not None else ""

        return [tuple(text(i, j) for j in range(5)) for i in range(self.diff.rowCount())]

    def validatePage(self) -> bool:  # noqa: N802
        if self._applied:
            self._applied = False
            return True
        if self.wiz.busy:
            return False
        fp = self.wiz.file_page
        p, passphrase, uowf = Path(fp.path.text().strip()), fp.passphrase.text(), self.wiz.uowf
        soft, emit = self.accept_soft.isChecked(), self.wiz.progress.moved.emit

        def got(result: Any) -> None:
            self.wiz.result = result
            self._applied = True
            self.wiz.next()

        self.wiz.run(lambda: _svc().import_package(uowf, p, passphrase=passphrase, dry_run=False, accept_soft=soft,
                                                   ack_dir=p.parent, progress=lambda f, m: emit(f, m)),
                     got, self.status, translate("SyncImportWizard", "Backing up the database and applying the "
                                                                     "package…"))
        return False


class _DonePage(QWizardPage):
    def __init__(self, wiz: SyncImportWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.setTitle(translate("SyncImportWizard", "Step 4. Result"))
        v = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.text)
        v.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        r = self.wiz.result
        parts = [status_html(r)]
        if r.status == "applied" and getattr(r, "kind", "") != "ack":
            parts.append(counts_html(counts_of(r)))
            conflicts = list(getattr(r, "conflicts", None) or [])
            if conflicts:
                parts.append(translate("SyncImportWizard", "<b>{count}</b> conflicts were put on the «Conflicts» page "
                                                           "to be resolved.").format(count=len(conflicts)))
            backup = getattr(r, "backup_path", None)
            if backup:
                parts.append(translate("SyncImportWizard", "Backup made before the import: {path}").format(path=backup))
            ack = getattr(r, "ack_path", None)
            if ack:
                parts.append(translate("SyncImportWizard", "Wrote the acknowledgement package <b>{name}</b> to "
                                                           "{folder}. Take it back to the unit that sent the package "
                                                           "for them to import (it confirms everything was received). "
                                                           "The USB drive can be safely removed.").format(
                    name=Path(ack).name, folder=Path(ack).parent))
        self.text.setText("<br><br>".join(parts))
