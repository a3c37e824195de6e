"""build.spec without running PyInstaller: its data exist, its exclusions never hit a module the program imports,
every Qt module the program uses is named, and the Windows version resource and build info are well formed.

The configuration part of the spec (everything above its "---- build" marker) is executed here as PyInstaller would,
with SPECPATH and workpath defined. The real build and the frozen smoke test run in CI (tools/build_bundle.sh).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MARKER = "# ---- build"


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    text = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert MARKER in text, "build.spec must keep its configuration above the build marker"
    config = text[: text.index(MARKER)]
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "workpath": str(tmp_path_factory.mktemp("pyi-work")),
                                 "__name__": "build_spec"}
    exec(compile(config, str(ROOT / "build.spec"), "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def imported_by_the_program(spec: dict[str, Any]) -> set[str]:
    """sys.modules of a fresh interpreter that imported every module of the program (GUI, CLI, services…), with
    the spec's optional exclusions made unimportable: the program must import without them."""
    code = (
        "import json, pkgutil, importlib, sys\n"
        "for name in json.loads(sys.argv[1]):\n"
        "    sys.modules[name] = None  # import fails as in the bundle\n"
        "import canbo_desktop\n"
        "for m in pkgutil.walk_packages(canbo_desktop.__path__, 'canbo_desktop.'):\n"
        "    if '_bundled' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
        "print(json.dumps(sorted(k for k, v in sys.modules.items() if v is not None)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, json.dumps(list(spec["OPTIONAL_EXCLUDES"]))], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-3000:]
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_every_data_folder_the_program_reads_is_bundled(spec: dict[str, Any]) -> None:
    bundled = {dst: Path(src) for src, dst in spec["datas"]}
    for folder in ("resources/fonts", "resources/codelists", "resources/rules", "resources/icons", "db"):
        assert folder in bundled, f"{folder} is not in the bundle"
        assert bundled[folder].is_dir() and any(bundled[folder].iterdir()), f"{bundled[folder]} is empty or missing"
    # what paths.resource()/paths.migrations_dir() look for under sys._MEIPASS
    assert (bundled["db"] / "env.py").is_file() and list((bundled["db"] / "versions").glob("0001_*.py"))
    assert list(bundled["resources/fonts"].glob("Liberation*.ttf")) and (bundled["resources/fonts"] / "OFL-Liberation.txt").is_file()
    for name in ("canbo-desktop.svg", "canbo-desktop.png", "canbo-desktop.ico"):
        assert (bundled["resources/icons"] / name).is_file(), name
    for name in ("canbo_vi.qm", "canbo_vi.ts", "qtbase_vi.qm"):  # the Vietnamese interface (tools/i18n.py)
        assert (bundled["resources/i18n"] / name).is_file(), name
    # every resources/ sub-folder that exists in the checkout is carried
    for folder in (p for p in (ROOT / "resources").iterdir() if p.is_dir()):
        assert f"resources/{folder.name}" in bundled, f"resources/{folder.name} exists but build.spec does not bundle it"
    assert Path(spec["ICON"]).is_file()


def test_the_build_info_shown_in_the_about_dialog_is_written(spec: dict[str, Any]) -> None:
    from canbo_desktop import __version__

    info_file = next(Path(src) for src, dst in spec["datas"] if src.endswith("build-info.json"))
    info = json.loads(info_file.read_text(encoding="utf-8"))
    assert info["version"] == __version__
    assert len(info["build_date"]) == 10 and info["build_date"][4] == "-"


def test_no_excluded_module_is_imported_by_the_program(spec: dict[str, Any], imported_by_the_program: set[str]) -> None:
    hit = sorted(m for m in imported_by_the_program for ex in spec["EXCLUDES"] if m == ex or m.startswith(ex + "."))
    assert hit == [], f"build.spec excludes modules the program imports: {hit}"


def test_every_qt_module_the_program_uses_is_named_and_not_dropped(spec: dict[str, Any],
                                                                  imported_by_the_program: set[str]) -> None:
    used = {m for m in imported_by_the_program if m.startswith("PySide6.Qt") and m.count(".") == 1}
    assert {"PySide6.QtWidgets", "PySide6.QtPdf"} <= used
    assert "PySide6.QtSvg" in spec["QT_MODULES"]  # its hook brings the SVG icon engine and image plugins
    missing = used - set(spec["QT_MODULES"])
    assert not missing, f"add these to QT_MODULES in build.spec: {sorted(missing)}"
    unused = spec["unused"]
    for module in used:
        name = module.split(".")[1][2:]  # PySide6.QtCharts → Charts
        for dest in (f"PySide6/Qt/lib/libQt6{name}.so.6", f"PySide6\\Qt6{name}.dll", f"PySide6/Qt{name}.abi3.so"):
            assert not unused(dest), f"build.spec would drop {dest}, which {module} needs"
    # and what it is meant to drop, it drops
    assert unused("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert unused("PySide6\\Qt6Quick.dll") and unused("PySide6/Qt/translations/qtbase_de.qm")
    assert not unused("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert not unused("PySide6/Qt/plugins/iconengines/libqsvgicon.so")


def test_hidden_imports_exist(spec: dict[str, Any]) -> None:
    import importlib.util

    for name in spec["HIDDEN_IMPORTS"]:
        assert importlib.util.find_spec(name) is not None, f"hidden import {name} does not exist"


class _Rec:
    """Stands for PyInstaller's versioninfo classes (they need pefile, a Windows-only package) while the
    generated text is evaluated the way PyInstaller evaluates it on Windows."""

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs


def _eval_version_text(path: Path) -> _Rec:
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    env = {n: (lambda *a, _n=n, **k: _Rec(_n, *a, **k)) for n in names}
    return eval(path.read_text(encoding="utf-8"), env)  # noqa: S307 - the same evaluation PyInstaller performs


def test_windows_version_resources_carry_the_version_in_vietnamese(spec: dict[str, Any]) -> None:
    from canbo_desktop import APP_DISPLAY_NAME, __version__

    for key, exe in (("GUI_VERSION", "canbo-desktop"), ("CLI_VERSION", "canbo")):
        info = _eval_version_text(Path(spec[key]))
        assert info.kind == "VSVersionInfo"
        ffi = info.kwargs["ffi"]
        assert ffi.kwargs["filevers"][:3] == tuple(int(p) for p in __version__.split("."))
        table = info.kwargs["kids"][0].args[0][0]
        assert table.args[0] == "042A04B0"  # Vietnamese, Unicode
        strings = {s.args[0]: s.args[1] for s in table.args[1]}
        assert strings["ProductName"] == APP_DISPLAY_NAME and strings["ProductVersion"] == __version__
        assert strings["OriginalFilename"] == f"{exe}.exe"


def test_the_build_section_keeps_the_decisions_the_docs_promise() -> None:
    text = (ROOT / "build.spec").read_text(encoding="utf-8")
    build = text[text.index(MARKER):]
    assert build.count("upx=False") == 3  # both EXEs and the COLLECT
    assert 'console=not sys.platform.startswith("win")' in build  # the GUI has no console window on Windows
    assert 'name="canbo-desktop"' in build and 'name="canbo"' in build
    assert "icon=ICON" in build and "version=GUI_VERSION" in build and "version=CLI_VERSION" in build
