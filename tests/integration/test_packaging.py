"""What `pip install .` and the PyInstaller build carry: every package and every resource folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_python_package_is_listed_for_a_non_editable_install() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "canbo_desktop").rglob("__init__.py")
        if "_bundled" not in p.parts
    }
    assert found - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"


def test_every_resource_folder_is_bundled_in_the_wheel_and_the_windows_build() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapped = set(config["package-dir"].values())
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    for folder in sorted(p for p in (ROOT / "resources").iterdir() if p.is_dir()):
        rel = f"resources/{folder.name}"
        assert rel in mapped, f"{rel} is not carried by `pip install .`"
        assert f'("{rel}", "{rel}")' in spec, f"{rel} is not in build.spec datas"
