"""Chọn ổ USB: the mounted volumes, removable ones first, with their free space and a refresh button.

Qt's ``QStorageInfo.mountedVolumes()`` lists the volumes on every platform but does not say which ones can be
pulled out. On Linux the kernel says it: ``/sys/class/block/<dev>/removable`` of the whole disk (a partition's
sysfs folder sits inside its disk's), and a disk on the USB bus has ``/usb`` in its sysfs device path (USB
hard disks often report ``removable = 0``). On Windows ``GetDriveTypeW(root) == DRIVE_REMOVABLE``. Anything
else (macOS, a network share) falls back to where it is mounted (``/media``, ``/run/media``, ``/Volumes``).
The clerk can always choose another folder instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from canbo_desktop.i18n import translate

# file systems that are never a place to write a package (kernel and memory file systems, snaps)
PSEUDO_FS = frozenset({
    "tmpfs", "devtmpfs", "proc", "sysfs", "cgroup", "cgroup2", "overlay", "squashfs", "devpts", "securityfs",
    "pstore", "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs", "bpf", "ramfs",
    "efivarfs", "binfmt_misc", "nsfs", "rpc_pipefs", "fuse.portal", "fuse.gvfsd-fuse",
})
REMOVABLE_MOUNT_PREFIXES = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
DRIVE_REMOVABLE = 2  # winbase.h


@dataclass(frozen=True)
class Volume:
    root: str
    name: str
    removable: bool
    free_bytes: int
    total_bytes: int
    read_only: bool = False

    def label(self) -> str:
        """"USB · KINGSTON — trống 3,2 GB / 7,5 GB (/media/ha/KINGSTON)": the path last, where a narrow box cuts."""
        name = self.name if self.name and self.name != self.root else (
            Path(self.root).name or translate("Usb", "system"))
        free, total = human_size(self.free_bytes), human_size(self.total_bytes)
        if self.removable:
            text = (translate("Usb", "USB · {name} — {free} free of {total} — read-only") if self.read_only
                    else translate("Usb", "USB · {name} — {free} free of {total}"))
        else:
            text = (translate("Usb", "Disk · {name} — {free} free of {total} — read-only") if self.read_only
                    else translate("Usb", "Disk · {name} — {free} free of {total}"))
        text = text.format(name=name, free=free, total=total)
        return text + (f" ({self.root})" if name != self.root else "")


def human_size(n: int) -> str:
    """Bytes in the units a clerk reads, with a decimal comma: "3,2 GB", "740 MB"."""
    value, unit = float(max(n, 0)), "B"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            break
        value /= 1024
    text = f"{value:.0f}" if unit in ("B", "KB") or value >= 100 else f"{value:.1f}"
    return f"{text.replace('.', QLocale().decimalPoint())} {unit}"


def linux_removable(device: str, sys_root: Path = Path("/sys")) -> bool:
    """Whether a block device (``/dev/sdb1``, ``/dev/mmcblk0p1``) can be pulled out, read from sysfs."""
    name = Path(device).name
    if not device.startswith("/dev/") or not name:
        return False
    node = sys_root / "class" / "block" / name
    try:
        real = node.resolve(strict=True)
    except OSError:
        return False
    disk = real.parent if (real / "partition").exists() else real
    try:
        if (disk / "removable").read_text().strip() == "1":
            return True
    except OSError:
        pass
    return "/usb" in str(real)


def windows_removable(root: str) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))) == DRIVE_REMOVABLE


def is_removable(root: str, device: str, *, platform: str = sys.platform, sys_root: Path = Path("/sys")) -> bool:
    if platform.startswith("win"):
        try:
            return windows_removable(root)
        except (OSError, AttributeError):
            return False
    if platform.startswith("linux") and linux_removable(device, sys_root):
        return True
    return any(root.startswith(p) for p in REMOVABLE_MOUNT_PREFIXES)


def volumes_from(storages: Iterable[QStorageInfo], removable: Callable[[str, str], bool]) -> list[Volume]:
    """The volumes worth offering, removable first (then by name)."""
    out: list[Volume] = []
    seen: set[str] = set()
    for s in storages:
        if not s.isValid() or not s.isReady():
            continue
        fs = bytes(s.fileSystemType().data()).decode(errors="replace")
        root = s.rootPath()
        if fs in PSEUDO_FS or fs.startswith("fuse.snapfuse") or s.bytesTotal() <= 0 or root in seen:
            continue
        if root.startswith(("/proc", "/sys", "/dev", "/run/user", "/snap/", "/boot")) or root in ("/run",):
            continue
        seen.add(root)
        device = bytes(s.device().data()).decode(errors="replace")
        out.append(Volume(root=root, name=s.displayName(), removable=removable(root, device),
                          free_bytes=int(s.bytesAvailable()), total_bytes=int(s.bytesTotal()),
                          read_only=s.isReadOnly()))
    out.sort(key=lambda v: (not v.removable, v.read_only, v.name.casefold(), v.root))
    return out


def list_volumes() -> list[Volume]:
    """Every mounted volume worth writing a package to, removable first."""
    return volumes_from(QStorageInfo.mountedVolumes(), lambda root, dev: is_removable(root, dev))


def folder_volume(path: str) -> Volume:
    """A folder the clerk chose (or a test gave), with the free space of the volume it is on."""
    s = QStorageInfo(path)
    name = os.path.basename(path.rstrip("/\\")) or path
    return Volume(root=path, name=name, removable=False, free_bytes=int(s.bytesAvailable()),
                  total_bytes=int(s.bytesTotal()), read_only=s.isReadOnly())


class UsbPicker(QWidget):
    """A combo of the volumes (removable first), a refresh button and "Thư mục khác…"."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, lister: Callable[[], list[Volume]] = list_volumes) -> None:
        super().__init__(parent)
        self.lister = lister
        self.volumes: list[Volume] = []
        self.folders: list[Volume] = []  # folders the clerk chose, kept across refreshes
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setAccessibleName(translate("Usb", "USB drive or folder"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)  # grows with the window; narrow on 1366×768 at 150 %
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.refresh_button = QPushButton(translate("Usb", "Refresh"))
        self.refresh_button.setToolTip(translate("Usb", "Look again for USB drives just plugged in"))
        self.refresh_button.clicked.connect(self.refresh)
        self.other_button = QPushButton(translate("Usb", "Other folder…"))
        self.other_button.clicked.connect(self._choose_folder)
        row.addWidget(self.combo, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.other_button)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit(self.path()))
        self.refresh()

    def refresh(self) -> None:
        """Read the mounted volumes again, keeping the current choice if it is still there."""
        keep = self.path()
        fresh = self.lister()
        self.volumes = fresh + [f for f in self.folders if all(v.root != f.root for v in fresh)]
        self.combo.blockSignals(True)
        self.combo.clear()
        for v in self.volumes:
            text = v.label() if v in fresh else translate("Usb", "Folder · {path} — {free} free").format(
                path=v.root, free=human_size(v.free_bytes))
            self.combo.addItem(text, v.root)
            self.combo.setItemData(self.combo.count() - 1, v.root, Qt.ItemDataRole.ToolTipRole)
        if not self.volumes:
            self.combo.addItem(translate("Usb", "No USB drive found — plug one in and press «Refresh»"), "")
        i = self.combo.findData(keep) if keep else -1
        self.combo.setCurrentIndex(max(i, 0))
        self.combo.blockSignals(False)
        self.changed.emit(self.path())

    def path(self) -> str:
        data = self.combo.currentData() if self.combo.count() else None
        return "" if data is None else str(data)

    def volume(self) -> Volume | None:
        p = self.path()
        return next((v for v in self.volumes if v.root == p), None)

    def has_removable(self) -> bool:
        return any(v.removable for v in self.volumes)

    def set_path(self, path: str) -> None:
        """Choose a folder (added to the list when it is not a mounted volume)."""
        if self.combo.findData(path) < 0:
            self.folders = [f for f in self.folders if f.root != path] + [folder_volume(path)]
            self.refresh()
        self.combo.setCurrentIndex(max(self.combo.findData(path), 0))
        self.changed.emit(self.path())

    def _choose_folder(self) -> None:
        d = QFileDialog.getExistingDirectory(self, translate("Usb", "Choose a folder"), self.path() or str(Path.home()))
        if d:
            self.set_path(d)


class _ClickFilter(QObject):
    def __init__(self, target: QWidget, action: Callable[[], object]) -> None:
        super().__init__(target)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease:
            self.action()
            return True
        return False


def on_click(widget: QWidget, action: Callable[[], object]) -> None:
    """Make a plain widget (a status-bar label) clickable, with a hand cursor."""
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.installEventFilter(_ClickFilter(widget, action))
