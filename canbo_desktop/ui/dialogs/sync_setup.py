"""Cài đặt đồng bộ: this office's keys, the keys of its parent and children, and the province's recovery key.

Once per office: create the keys (kept encrypted under a passphrase that only the clerks in charge know),
write a keys package to the USB stick, carry it to the other office and import theirs. Each side then reads
the fingerprint aloud (by phone, or on paper) — the groups of four characters, in a large fixed-width font —
and both check that they match: that is what makes a forged keys package useless. A province also creates a
recovery key: a second recipient of every package, its private half kept in a safe, for the day an
office loses its passphrase.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.ui.pages.conflicts_page import Translated
from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import fit_window, scrolling, text_size
from canbo_desktop.ui.widgets.usb import UsbPicker

RELATIONS = (("parent", QT_TRANSLATE_NOOP("SyncSetup", "Parent unit (we send our packages to it)")),
             ("child", QT_TRANSLATE_NOOP("SyncSetup", "Child unit (sends its packages to us)")),
             ("recovery", QT_TRANSLATE_NOOP("SyncSetup", "Province recovery key")))  # translated where shown
RELATION_TEXT = Translated("SyncSetup", {"parent": QT_TRANSLATE_NOOP("SyncSetup", "Parent"),
                                         "child": QT_TRANSLATE_NOOP("SyncSetup", "Child"),
                                         "recovery": QT_TRANSLATE_NOOP("SyncSetup", "Recovery key")})
MIN_PASSPHRASE = 8  # the service's minimum for the office keys
MIN_RECOVERY_PASSPHRASE = 12
RED = "#b00020"
GREEN = "#1b5e20"


def _peers() -> Any:
    from canbo_desktop.services.sync import peers

    return peers


def fingerprint_groups(fp: str) -> list[str]:
    """The fingerprint as groups of four characters (whatever spacing the service used)."""
    compact = "".join(ch for ch in fp if ch.isalnum()).upper()
    return [compact[i:i + 4] for i in range(0, len(compact), 4)]


def fingerprint_text(fp: str, per_line: int = 4) -> str:
    """Lines of ``per_line`` groups: "4F2A 9C1B 77E0 12AB\\n…" (read aloud a line at a time)."""
    groups = fingerprint_groups(fp)
    return "\n".join(" ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line))


def mono_font(point_size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    for family in ("Liberation Mono", "DejaVu Sans Mono", "Consolas", "Courier New"):
        if family in QFontDatabase.families():
            font = QFont(family)
            break
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


class FingerprintLabel(QLabel):
    """A fingerprint in a large fixed-width font, groups of four, selectable (to copy into a letter)."""

    def __init__(self, fp: str = "", parent: QWidget | None = None, *, point_size: int = 18) -> None:
        super().__init__(parent)
        self.setFont(mono_font(point_size))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("QLabel { background: #f4f6f8; border: 1px solid #c9d1d9; padding: 8px 14px; }")
        self.setAccessibleName(translate("SyncSetup", "Key fingerprint"))
        self.set_fingerprint(fp)

    def set_fingerprint(self, fp: str) -> None:
        self.fp = fp
        self.setText(fingerprint_text(fp) if fp else "—")
        self.setVisible(bool(fp))


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def passphrase_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class SyncSetupDialog(QDialog):
    """Keys of this office, the peers' keys, the recovery key. ``changed`` after anything is written."""

    changed = Signal()

    def __init__(self, uowf: Any, tasks: TaskRunner, parent: QWidget | None = None, *, usb: UsbPicker | None = None) -> None:
        super().__init__(parent)
        self.uowf, self.tasks = uowf, tasks
        self.info: Any = None  # peers.LocalKeysInfo
        self.peers: list[Any] = []
        self.last_written: Path | None = None
        self.last_imported: Any = None
        self.setWindowTitle(translate("SyncSetup", "USB sync set-up — the unit's keys"))
        v = QVBoxLayout(self)
        self.tabs = QTabWidget()
        v.addWidget(self.tabs, 1)

        # -- tab 1: this office's keys --------------------------------------------------------------
        mine = QWidget()
        mv = QVBoxLayout(mine)
        self.mine_head = QLabel()
        self.mine_head.setWordWrap(True)
        self.mine_head.setTextFormat(Qt.TextFormat.RichText)
        mv.addWidget(self.mine_head)
        self.my_fp = FingerprintLabel()
        mv.addWidget(self.my_fp, 0, Qt.AlignmentFlag.AlignLeft)
        self.create_box = QGroupBox(translate("SyncSetup", "Create the unit's keys"))
        cf = QFormLayout(self.create_box)
        self.new_pass = passphrase_edit(translate("SyncSetup", "at least {count} characters").format(count=MIN_PASSPHRASE))
        self.new_pass2 = passphrase_edit(translate("SyncSetup", "type it again"))
        self.create_button = QPushButton(translate("SyncSetup", "Create keys"))
        self.create_button.clicked.connect(self.create_keys)
        cf.addRow(translate("SyncSetup", "Key passphrase"), self.new_pass)
        cf.addRow(translate("SyncSetup", "Repeat"), self.new_pass2)
        warning = QLabel(translate("SyncSetup", "This passphrase protects the unit's signing key; it is asked for at "
                                                "every export. Write it down and keep it safe: if it is forgotten, new "
                                                "keys must be created and exchanged again with the parent unit."))
        warning.setWordWrap(True)  # two lines on a narrow window
        cf.addRow(warning)
        cf.addRow("", _left(self.create_button))
        mv.addWidget(self.create_box)
        self.export_box = QGroupBox(translate("SyncSetup", "Write the keys package to USB (to take to the parent or a child unit)"))
        ef = QFormLayout(self.export_box)
        ef.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.usb = usb if usb is not None else UsbPicker()
        self.keys_pass = passphrase_edit(translate("SyncSetup", "the unit's key passphrase"))
        self.export_keys_button = QPushButton(translate("SyncSetup", "Write keys package"))
        self.export_keys_button.clicked.connect(self.export_keys)
        ef.addRow(translate("SyncSetup", "Write to"), self.usb)
        ef.addRow(translate("SyncSetup", "Passphrase"), self.keys_pass)
        ef.addRow("", _left(self.export_keys_button))
        self.export_box.setEnabled(False)  # until the keys are read
        mv.addWidget(self.export_box)
        mv.addStretch(1)
        self.tabs.addTab(scrolling(mine, horizontal=False),  # scrolls on a short screen
                         translate("SyncSetup", "Our unit's keys"))

        # -- tab 2: peers ---------------------------------------------------------------------------
        others = QWidget()
        ov = QVBoxLayout(others)
        imp = QGroupBox(translate("SyncSetup", "Receive another unit's keys package"))
        iform = QFormLayout(imp)
        row = QHBoxLayout()
        self.keys_file = QLineEdit()
        self.keys_file.setPlaceholderText(translate("SyncSetup", "the .cbpkg file with the other unit's keys"))
        browse = QPushButton(translate("SyncSetup", "Choose file…"))
        browse.clicked.connect(self._browse_keys)
        row.addWidget(self.keys_file, 1)
        row.addWidget(browse)
        self.relation = QComboBox()
        for code, label in RELATIONS:
            self.relation.addItem(translate("SyncSetup", label), code)
        self.import_keys_button = QPushButton(translate("SyncSetup", "Receive keys"))
        self.import_keys_button.clicked.connect(self.import_keys)
        iform.addRow(translate("SyncSetup", "Keys package file"), row)
        iform.addRow(translate("SyncSetup", "This unit is"), self.relation)
        iform.addRow("", _left(self.import_keys_button))
        ov.addWidget(imp)
        self.peer_head = QLabel()
        self.peer_head.setWordWrap(True)
        self.peer_head.setTextFormat(Qt.TextFormat.RichText)
        ov.addWidget(self.peer_head)
        self.peer_fp = FingerprintLabel()
        ov.addWidget(self.peer_fp, 0, Qt.AlignmentFlag.AlignLeft)
        self.peer_table = QTableWidget(0, 3)
        self.peer_table.setHorizontalHeaderLabels([translate("SyncSetup", "Relation"), translate("SyncSetup", "Unit"),
                                                   translate("SyncSetup", "Key fingerprint")])
        self.peer_table.verticalHeader().setVisible(False)
        self.peer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peer_table.setColumnWidth(0, 110)
        self.peer_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.peer_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.peer_table.itemSelectionChanged.connect(self._peer_chosen)
        ov.addWidget(self.peer_table, 1)
        self.tabs.addTab(scrolling(others, horizontal=False), translate("SyncSetup", "Parent and child units"))

        # -- tab 3: recovery key (province) -----------------------------------------------------------
        rec = QWidget()
        rv = QVBoxLayout(rec)
        text = QLabel(translate("SyncSetup", "The recovery key is created once by the <b>Department of Home Affairs "
                                             "(province)</b>. Every data package in the province is also encrypted "
                                             "for this key, so that a package can still be opened when a unit loses "
                                             "its keys. The key's secret part is written to a file, protected by a "
                                             "passphrase of its own, and kept in a safe. The other units only receive "
                                             "the public part (the recovery keys package) in the «Parent and child "
                                             "units» tab."))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        rv.addWidget(text)
        self.recovery_head = QLabel()
        self.recovery_head.setWordWrap(True)
        rv.addWidget(self.recovery_head)
        self.recovery_fp = FingerprintLabel()
        rv.addWidget(self.recovery_fp, 0, Qt.AlignmentFlag.AlignLeft)
        rbox = QGroupBox(translate("SyncSetup", "Create the recovery key"))
        rf = QFormLayout(rbox)
        rf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.recovery_pass = passphrase_edit(translate("SyncSetup", "a passphrase of its own, at least {count} characters")
                                             .format(count=MIN_RECOVERY_PASSPHRASE))
        self.recovery_pass2 = passphrase_edit(translate("SyncSetup", "type it again"))
        self.recovery_usb = UsbPicker()
        self.recovery_button = QPushButton(translate("SyncSetup", "Create recovery key"))
        self.recovery_button.clicked.connect(self.create_recovery)
        rf.addRow(translate("SyncSetup", "Passphrase"), self.recovery_pass)
        rf.addRow(translate("SyncSetup", "Repeat"), self.recovery_pass2)
        rf.addRow(translate("SyncSetup", "Write the secret part to"), self.recovery_usb)
        rf.addRow("", _left(self.recovery_button))
        rv.addWidget(rbox)
        rv.addStretch(1)
        self.tabs.addTab(scrolling(rec, horizontal=False), translate("SyncSetup", "Recovery key (province)"))

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("SyncSetup", "Close"))
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        fit_window(self, *text_size(self, 118, 40))  # at most 90 % of the screen (1366×768 at 150 %)
        self.reload()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        uowf = self.uowf
        self.tasks.run_db(lambda: (_peers().local_keys_info(uowf), _peers().list_peers(uowf)),
                          on_done=self._show, on_error=self._failed)

    def _show(self, data: tuple[Any, list[Any]]) -> None:
        self.info, self.peers = data[0], list(data[1])
        info = self.info
        if info is None:
            self.mine_head.setText(translate("SyncSetup", "This unit has no sync keys yet. Create them before "
                                                          "exchanging keys with the parent and child units."))
            self.my_fp.set_fingerprint("")
        else:
            self.mine_head.setText(translate("SyncSetup", "<b>{unit}</b> ({code}) has its keys. The unit's key "
                                                          "fingerprint — read it out to the other unit's clerk to "
                                                          "compare:").format(unit=info.unit_name, code=info.unit_code))
            self.my_fp.set_fingerprint(info.fingerprint)
        self.create_box.setVisible(info is None)
        self.export_box.setEnabled(info is not None)
        rec = getattr(info, "recovery_fingerprint", "") if info is not None else ""
        rec_peer = next((p for p in self.peers if p.relation == "recovery"), None)
        rec = rec or (rec_peer.fingerprint if rec_peer is not None else None)
        self.recovery_head.setText(translate("SyncSetup", "Recovery key in use — fingerprint:") if rec else
                                   translate("SyncSetup", "No recovery key: packages open only with the receiving "
                                                          "unit's key."))
        self.recovery_fp.set_fingerprint(rec or "")
        shown = [p for p in self.peers]
        self.peer_table.setRowCount(len(shown))
        for i, p in enumerate(shown):
            name = f"{p.unit_name} ({p.unit_code})" if getattr(p, "unit_code", "") else (p.unit_name or p.node_id)
            for j, text in enumerate((RELATION_TEXT.get(p.relation, p.relation), name, " ".join(fingerprint_groups(p.fingerprint)))):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setFont(mono_font(10))
                self.peer_table.setItem(i, j, item)

    def _peer_chosen(self) -> None:
        rows = self.peer_table.selectionModel().selectedRows()
        if not rows:
            return
        p = self.peers[rows[0].row()]
        self.peer_head.setText(translate("SyncSetup", "<b>{unit}</b> — {relation}. Fingerprint:").format(
            unit=p.unit_name, relation=RELATION_TEXT.get(p.relation, p.relation)))
        self.peer_fp.set_fingerprint(p.fingerprint)

    # -- actions --------------------------------------------------------------------------------
    def create_keys(self) -> None:
        p1, p2 = self.new_pass.text(), self.new_pass2.text()
        if len(p1) < MIN_PASSPHRASE:
            self._say(translate("SyncSetup", "The key passphrase must have at least {count} characters.")
                      .format(count=MIN_PASSPHRASE), RED)
            return
        if p1 != p2:
            self._say(translate("SyncSetup", "The two passphrases typed are not the same."), RED)
            return
        uowf = self.uowf
        self._say(translate("SyncSetup", "Creating the keys…"))

        def done(info: Any) -> None:
            self.new_pass.clear()
            self.new_pass2.clear()
            self._say(translate("SyncSetup", "The unit's keys are created. Next: write the keys package to USB and "
                                             "take it to the parent unit."), GREEN)
            self.changed.emit()
            self.reload()

        self.tasks.run_db(lambda: _peers().init_node_keys(uowf, p1), on_done=done, on_error=self._failed)

    def export_keys(self) -> None:
        out, passphrase = self.usb.path(), self.keys_pass.text()
        if not out:
            self._say(translate("SyncSetup", "Choose a USB drive or a folder to write the keys package to."), RED)
            return
        if not passphrase:
            self._say(translate("SyncSetup", "Enter the unit's key passphrase."), RED)
            return
        uowf = self.uowf
        self._say(translate("SyncSetup", "Writing the keys package…"))

        def done(r: Any) -> None:
            self.keys_pass.clear()
            self.last_written = Path(r.path)
            self._say(translate("SyncSetup", "Wrote the keys package {name} to {folder}. When the other unit receives "
                                             "it, read the fingerprint out together to compare. The USB drive can be "
                                             "safely removed.").format(name=Path(r.path).name,
                                                                       folder=Path(r.path).parent), GREEN)

        self.tasks.run_db(lambda: _peers().export_keys_package(uowf, Path(out), passphrase=passphrase),
                          on_done=done, on_error=self._failed)

    def _browse_keys(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, translate("SyncSetup", "Choose the keys package"), self.usb.path(),
                                           translate("SyncSetup", "Sync packages (*.cbpkg);;All files (*)"))
        if f:
            self.keys_file.setText(f)

    def import_keys(self) -> None:
        path, relation = self.keys_file.text().strip(), str(self.relation.currentData())
        if not path:
            self._say(translate("SyncSetup", "Choose the other unit's keys package file."), RED)
            return
        uowf = self.uowf
        self._say(translate("SyncSetup", "Reading the keys package…"))

        def done(peer: Any) -> None:
            self.last_imported = peer
            self.peer_head.setText(translate("SyncSetup", "Received the keys of <b>{unit}</b> ({relation}). <b>Phone "
                                                          "that unit and read the fingerprint below out together</b>: "
                                                          "if a single character differs, the keys package is not "
                                                          "theirs — tell the administrator at once.").format(
                unit=peer.unit_name, relation=RELATION_TEXT.get(peer.relation, peer.relation)))
            self.peer_fp.set_fingerprint(peer.fingerprint)
            self._say(translate("SyncSetup", "Saved the other unit's keys."), GREEN)
            self.changed.emit()
            self.reload()

        self.tasks.run_db(lambda: _peers().import_keys_package(uowf, Path(path), relation=relation),
                          on_done=done, on_error=self._failed)

    def create_recovery(self) -> None:
        p1, p2, out = self.recovery_pass.text(), self.recovery_pass2.text(), self.recovery_usb.path()
        if len(p1) < MIN_RECOVERY_PASSPHRASE:
            self._say(translate("SyncSetup", "The recovery key passphrase must have at least {count} characters.")
                      .format(count=MIN_RECOVERY_PASSPHRASE), RED)
            return
        if p1 != p2:
            self._say(translate("SyncSetup", "The two passphrases typed are not the same."), RED)
            return
        if not out:
            self._say(translate("SyncSetup", "Choose where to write the recovery key's secret part (a separate USB "
                                             "drive, to keep in the safe)."), RED)
            return
        uowf = self.uowf
        self._say(translate("SyncSetup", "Creating the recovery key…"))

        def done(r: tuple[Path, Path, str]) -> None:
            sealed, package, _fp = r
            self.recovery_pass.clear()
            self.recovery_pass2.clear()
            self.last_written = Path(package)
            self._say(translate("SyncSetup", "Created the recovery key. Secret part: {secret} — keep this USB drive in "
                                             "the safe. Public part: the package {name}, to send down to every unit "
                                             "(received in the «Parent and child units» tab, choosing «Province "
                                             "recovery key»).").format(secret=sealed, name=Path(package).name), GREEN)
            self.changed.emit()
            self.reload()

        self.tasks.run_db(lambda: _peers().create_recovery_key(uowf, Path(out), passphrase=p1),
                          on_done=done, on_error=self._failed)

    def _say(self, text: str, color: str = "") -> None:
        self.status.setStyleSheet(f"color: {color}" if color else "")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(getattr(exc, "message", None) or translate("SyncSetup", "Error: {error}").format(error=exc), RED)
