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

from canbo_desktop.ui.tasks import TaskRunner
from canbo_desktop.ui.widgets.screen import fit_window, scrolling, text_size
from canbo_desktop.ui.widgets.usb import UsbPicker

RELATIONS = (("parent", "Đơn vị cấp trên (nơi mình gửi gói lên)"), ("child", "Đơn vị cấp dưới (gửi gói lên mình)"),
             ("recovery", "Khoá khôi phục của tỉnh"))
RELATION_TEXT = {"parent": "Cấp trên", "child": "Cấp dưới", "recovery": "Khoá khôi phục"}
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
        self.setAccessibleName("Dấu vân tay khoá")
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
        self.setWindowTitle("Cài đặt đồng bộ USB — khoá của đơn vị")
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
        self.create_box = QGroupBox("Tạo khoá cho đơn vị")
        cf = QFormLayout(self.create_box)
        self.new_pass = passphrase_edit(f"ít nhất {MIN_PASSPHRASE} ký tự")
        self.new_pass2 = passphrase_edit("nhập lại")
        self.create_button = QPushButton("Tạo khoá")
        self.create_button.clicked.connect(self.create_keys)
        cf.addRow("Cụm mật khẩu khoá", self.new_pass)
        cf.addRow("Nhập lại", self.new_pass2)
        warning = QLabel("Cụm mật khẩu này bảo vệ khoá ký của đơn vị; cần nhập mỗi lần xuất gói. "
                         "Hãy ghi lại và cất giữ cẩn thận: quên nó thì phải tạo khoá mới và trao đổi lại với cấp trên.")
        warning.setWordWrap(True)  # two lines on a narrow window
        cf.addRow(warning)
        cf.addRow("", _left(self.create_button))
        mv.addWidget(self.create_box)
        self.export_box = QGroupBox("Ghi gói khoá ra USB (để mang lên cấp trên hoặc xuống cấp dưới)")
        ef = QFormLayout(self.export_box)
        ef.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.usb = usb if usb is not None else UsbPicker()
        self.keys_pass = passphrase_edit("cụm mật khẩu khoá của đơn vị")
        self.export_keys_button = QPushButton("Ghi gói khoá")
        self.export_keys_button.clicked.connect(self.export_keys)
        ef.addRow("Ghi vào", self.usb)
        ef.addRow("Cụm mật khẩu", self.keys_pass)
        ef.addRow("", _left(self.export_keys_button))
        self.export_box.setEnabled(False)  # until the keys are read
        mv.addWidget(self.export_box)
        mv.addStretch(1)
        self.tabs.addTab(scrolling(mine, horizontal=False), "Khoá của đơn vị mình")  # scrolls on a short screen

        # -- tab 2: peers ---------------------------------------------------------------------------
        others = QWidget()
        ov = QVBoxLayout(others)
        imp = QGroupBox("Nhận gói khoá của đơn vị khác")
        iform = QFormLayout(imp)
        row = QHBoxLayout()
        self.keys_file = QLineEdit()
        self.keys_file.setPlaceholderText("tệp .cbpkg chứa khoá của đơn vị kia")
        browse = QPushButton("Chọn tệp…")
        browse.clicked.connect(self._browse_keys)
        row.addWidget(self.keys_file, 1)
        row.addWidget(browse)
        self.relation = QComboBox()
        for code, label in RELATIONS:
            self.relation.addItem(label, code)
        self.import_keys_button = QPushButton("Nhận khoá")
        self.import_keys_button.clicked.connect(self.import_keys)
        iform.addRow("Tệp gói khoá", row)
        iform.addRow("Đơn vị này là", self.relation)
        iform.addRow("", _left(self.import_keys_button))
        ov.addWidget(imp)
        self.peer_head = QLabel()
        self.peer_head.setWordWrap(True)
        self.peer_head.setTextFormat(Qt.TextFormat.RichText)
        ov.addWidget(self.peer_head)
        self.peer_fp = FingerprintLabel()
        ov.addWidget(self.peer_fp, 0, Qt.AlignmentFlag.AlignLeft)
        self.peer_table = QTableWidget(0, 3)
        self.peer_table.setHorizontalHeaderLabels(["Quan hệ", "Đơn vị", "Dấu vân tay khoá"])
        self.peer_table.verticalHeader().setVisible(False)
        self.peer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peer_table.setColumnWidth(0, 110)
        self.peer_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.peer_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.peer_table.itemSelectionChanged.connect(self._peer_chosen)
        ov.addWidget(self.peer_table, 1)
        self.tabs.addTab(scrolling(others, horizontal=False), "Đơn vị cấp trên, cấp dưới")

        # -- tab 3: recovery key (province) -----------------------------------------------------------
        rec = QWidget()
        rv = QVBoxLayout(rec)
        text = QLabel("Khoá khôi phục do <b>Sở Nội vụ (cấp tỉnh)</b> tạo một lần. Mọi gói dữ liệu trong tỉnh đều được mã "
                      "hoá thêm cho khoá này, để mở được gói khi một đơn vị mất khoá. Phần bí mật của khoá được ghi ra "
                      "tệp, bảo vệ bằng một cụm mật khẩu riêng, và cất trong két. Các đơn vị khác chỉ cần nhận phần công "
                      "khai (gói khoá khôi phục) ở thẻ «Đơn vị cấp trên, cấp dưới».")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        rv.addWidget(text)
        self.recovery_head = QLabel()
        self.recovery_head.setWordWrap(True)
        rv.addWidget(self.recovery_head)
        self.recovery_fp = FingerprintLabel()
        rv.addWidget(self.recovery_fp, 0, Qt.AlignmentFlag.AlignLeft)
        rbox = QGroupBox("Tạo khoá khôi phục")
        rf = QFormLayout(rbox)
        rf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.recovery_pass = passphrase_edit(f"cụm mật khẩu riêng, ít nhất {MIN_RECOVERY_PASSPHRASE} ký tự")
        self.recovery_pass2 = passphrase_edit("nhập lại")
        self.recovery_usb = UsbPicker()
        self.recovery_button = QPushButton("Tạo khoá khôi phục")
        self.recovery_button.clicked.connect(self.create_recovery)
        rf.addRow("Cụm mật khẩu", self.recovery_pass)
        rf.addRow("Nhập lại", self.recovery_pass2)
        rf.addRow("Ghi phần bí mật vào", self.recovery_usb)
        rf.addRow("", _left(self.recovery_button))
        rv.addWidget(rbox)
        rv.addStretch(1)
        self.tabs.addTab(scrolling(rec, horizontal=False), "Khoá khôi phục (tỉnh)")

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
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
            self.mine_head.setText("Đơn vị chưa có khoá đồng bộ. Tạo khoá trước khi trao đổi với cấp trên, cấp dưới.")
            self.my_fp.set_fingerprint("")
        else:
            self.mine_head.setText(f"<b>{info.unit_name}</b> ({info.unit_code}) đã có khoá. Dấu vân tay khoá của "
                                   "đơn vị — đọc cho cán bộ đơn vị bên kia đối chiếu:")
            self.my_fp.set_fingerprint(info.fingerprint)
        self.create_box.setVisible(info is None)
        self.export_box.setEnabled(info is not None)
        rec = getattr(info, "recovery_fingerprint", "") if info is not None else ""
        rec_peer = next((p for p in self.peers if p.relation == "recovery"), None)
        rec = rec or (rec_peer.fingerprint if rec_peer is not None else None)
        self.recovery_head.setText("Khoá khôi phục đang dùng — dấu vân tay:" if rec else
                                   "Chưa có khoá khôi phục: các gói chỉ mở được bằng khoá của đơn vị nhận.")
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
        self.peer_head.setText(f"<b>{p.unit_name}</b> — {RELATION_TEXT.get(p.relation, p.relation)}. Dấu vân tay:")
        self.peer_fp.set_fingerprint(p.fingerprint)

    # -- actions --------------------------------------------------------------------------------
    def create_keys(self) -> None:
        p1, p2 = self.new_pass.text(), self.new_pass2.text()
        if len(p1) < MIN_PASSPHRASE:
            self._say(f"Cụm mật khẩu khoá phải có ít nhất {MIN_PASSPHRASE} ký tự.", RED)
            return
        if p1 != p2:
            self._say("Hai lần nhập cụm mật khẩu không giống nhau.", RED)
            return
        uowf = self.uowf
        self._say("Đang tạo khoá…")

        def done(info: Any) -> None:
            self.new_pass.clear()
            self.new_pass2.clear()
            self._say("Đã tạo khoá của đơn vị. Bước tiếp: ghi gói khoá ra USB và mang đến đơn vị cấp trên.", GREEN)
            self.changed.emit()
            self.reload()

        self.tasks.run_db(lambda: _peers().init_node_keys(uowf, p1), on_done=done, on_error=self._failed)

    def export_keys(self) -> None:
        out, passphrase = self.usb.path(), self.keys_pass.text()
        if not out:
            self._say("Chọn ổ USB hoặc thư mục để ghi gói khoá.", RED)
            return
        if not passphrase:
            self._say("Nhập cụm mật khẩu khoá của đơn vị.", RED)
            return
        uowf = self.uowf
        self._say("Đang ghi gói khoá…")

        def done(r: Any) -> None:
            self.keys_pass.clear()
            self.last_written = Path(r.path)
            self._say(f"Đã ghi gói khoá {Path(r.path).name} vào {Path(r.path).parent}. Khi đơn vị bên kia nhận, hãy "
                      "cùng đọc dấu vân tay để đối chiếu. Có thể rút USB an toàn.", GREEN)

        self.tasks.run_db(lambda: _peers().export_keys_package(uowf, Path(out), passphrase=passphrase),
                          on_done=done, on_error=self._failed)

    def _browse_keys(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, "Chọn gói khoá", self.usb.path(), "Gói đồng bộ (*.cbpkg);;Mọi tệp (*)")
        if f:
            self.keys_file.setText(f)

    def import_keys(self) -> None:
        path, relation = self.keys_file.text().strip(), str(self.relation.currentData())
        if not path:
            self._say("Chọn tệp gói khoá của đơn vị kia.", RED)
            return
        uowf = self.uowf
        self._say("Đang đọc gói khoá…")

        def done(peer: Any) -> None:
            self.last_imported = peer
            self.peer_head.setText(f"Đã nhận khoá của <b>{peer.unit_name}</b> "
                                   f"({RELATION_TEXT.get(peer.relation, peer.relation)}). <b>Hãy gọi điện cho đơn vị đó "
                                   "và cùng đọc dấu vân tay dưới đây</b>: nếu khác nhau một ký tự, gói khoá không phải "
                                   "của họ — báo ngay cho quản trị.")
            self.peer_fp.set_fingerprint(peer.fingerprint)
            self._say("Đã lưu khoá của đơn vị kia.", GREEN)
            self.changed.emit()
            self.reload()

        self.tasks.run_db(lambda: _peers().import_keys_package(uowf, Path(path), relation=relation),
                          on_done=done, on_error=self._failed)

    def create_recovery(self) -> None:
        p1, p2, out = self.recovery_pass.text(), self.recovery_pass2.text(), self.recovery_usb.path()
        if len(p1) < MIN_RECOVERY_PASSPHRASE:
            self._say(f"Cụm mật khẩu khoá khôi phục phải có ít nhất {MIN_RECOVERY_PASSPHRASE} ký tự.", RED)
            return
        if p1 != p2:
            self._say("Hai lần nhập cụm mật khẩu không giống nhau.", RED)
            return
        if not out:
            self._say("Chọn nơi ghi phần bí mật của khoá khôi phục (một USB riêng để cất vào két).", RED)
            return
        uowf = self.uowf
        self._say("Đang tạo khoá khôi phục…")

        def done(r: tuple[Path, Path, str]) -> None:
            sealed, package, _fp = r
            self.recovery_pass.clear()
            self.recovery_pass2.clear()
            self.last_written = Path(package)
            self._say(f"Đã tạo khoá khôi phục. Phần bí mật: {sealed} — cất USB này vào két. Phần công khai: gói "
                      f"{Path(package).name}, gửi xuống mọi đơn vị (nhận ở thẻ «Đơn vị cấp trên, cấp dưới», "
                      "chọn «Khoá khôi phục của tỉnh»).", GREEN)
            self.changed.emit()
            self.reload()

        self.tasks.run_db(lambda: _peers().create_recovery_key(uowf, Path(out), passphrase=p1),
                          on_done=done, on_error=self._failed)

    def _say(self, text: str, color: str = "") -> None:
        self.status.setStyleSheet(f"color: {color}" if color else "")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(getattr(exc, "message", None) or f"Lỗi: {exc}", RED)
