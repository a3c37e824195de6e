"""The benchmark runner's command line and its results file: help, merging one entry per scenario with the
commit and machine, reading the older format, comparing two files, the growth exponent, the list model's
flat storage (the scroll fix of issue 4/13). No timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from benchmarks import common
from benchmarks.growth import exponent, format_growth

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_scenario() -> None:
    out = subprocess.run([sys.executable, "-m", "benchmarks", "--help"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    for name in ("startup", "search", "record", "gui", "memory", "growth", "--compare"):
        assert name in out.stdout


def test_an_unknown_scenario_is_refused() -> None:
    out = subprocess.run([sys.executable, "-m", "benchmarks", "--only", "nope"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and "nope" in out.stderr


def _entry(name: str, median: float, floor: float = 10.0, **kw: object) -> dict:
    return common.entry(name, "t", median=median, budget=100, floor="bare", floor_value=floor, **kw)


def test_results_keep_one_entry_per_scenario_with_commit_and_machine(tmp_path: Path) -> None:
    path = tmp_path / "latest.json"
    common.write_results([_entry("a", 50), _entry("b", 80)], path)
    common.write_results([_entry("a", 40)], path)  # a second run of "a" only
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == common.FORMAT and set(data["scenarios"]) == {"a", "b"}
    a = data["scenarios"]["a"]
    assert a["median"] == 40 and a["ratio"] == 4.0 and data["scenarios"]["b"]["median"] == 80
    assert len(a["commit"]) == 40 and a["machine"]["cpus"] and "when" in a
    common.write_results([], path, growth={"counts": [1000], "rows": []})
    assert json.loads(path.read_text(encoding="utf-8"))["growth"]["counts"] == [1000]


def test_the_older_format_is_read_and_kept(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"when": "2026-11-22T03:43:02", "machine": "Linux", "cpus": 2, "results": [
        {"scenario": "import", "median_ms": 11270.0, "budget_ms": 15000.0, "floor_ms": 2080.0, "ratio": 1.84}]}))
    loaded = common.load_results(old)
    assert loaded["import"]["median"] == 11270.0 and loaded["import"]["unit"] == "ms"
    common.write_results([_entry("a", 5)], old)  # upgraded in place, the old entry kept
    assert set(json.loads(old.read_text(encoding="utf-8"))["scenarios"]) == {"import", "a"}


def test_compare_prints_the_change(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    common.write_results([_entry("open a record", 200), _entry("gone", 1)], old)
    common.write_results([_entry("open a record", 50)], new)
    text = common.compare(common.load_results(old), common.load_results(new))
    line = next(ln for ln in text.splitlines() if ln.startswith("open a record"))
    assert "-75.0%" in line and "20.0 → 5.0" in line
    assert "gone" in text.splitlines()[-1]
    out = subprocess.run([sys.executable, "-m", "benchmarks", "--compare", str(old), "--results", str(new)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "-75.0%" in out.stdout


def test_table_marks_what_is_over_budget() -> None:
    table = common.format_table([_entry("fast", 50), _entry("slow", 150),
                                 _entry("ratio", 50, floor=10, ratio_budget=2.0),
                                 common.entry("memory", "m", median=300, budget=400, floor="bare", floor_value=50, unit="MB")])
    lines = {ln.split()[0]: ln for ln in table.splitlines()[1:]}
    assert lines["fast"].endswith("ok") and lines["slow"].endswith("OVER") and lines["ratio"].endswith("RATIO OVER")
    assert "300.0MB" in lines["memory"] and lines["memory"].endswith("ok")


def test_growth_exponent() -> None:
    assert exponent({1000: 5.0, 10_000: 5.0, 100_000: 5.0}) == 0.0  # flat
    assert exponent({1000: 1.0, 10_000: 10.0, 100_000: 100.0}) == 1.0  # linear
    assert exponent({1000: 1.0, 100_000: 10_000.0}) == 2.0  # quadratic
    text = format_growth({"counts": [1000, 100_000], "note": "n", "rows": [
        {"operation": "search", "kind": "interactive", "ms": {"1000": 5.0, "100000": 6.0}, "exponent": 0.04, "verdict": "ok"}]})
    assert "1k" in text and "100k" in text and "search" in text


@pytest.fixture()
def model(qtbot):
    from canbo_desktop.ui.models.cadre_table import CadreTableModel
    from canbo_desktop.ui.tasks import TaskRunner

    return CadreTableModel(TaskRunner(synchronous=True))


def test_list_model_keeps_rows_flat_and_gives_them_back(model) -> None:
    from PySide6.QtCore import QSize, Qt

    from canbo_desktop.domain.cadre import CadreSummary
    from canbo_desktop.ui.models.cadre_table import PAGE, Column, IdRole, SortRole

    people = [CadreSummary(f"id{i}", f"Nguyễn Văn {i}", "M", date(1980, 1, 1 + i % 28), "day", "u1", "40.X01",
                           "Xã Thanh Hà", "Chuyên viên", "dang_cong_tac", f"0790{i:08d}", i) for i in range(PAGE + 30)]
    model.set_loader(lambda off, lim: people[off:off + lim])
    model.fetchMore()
    assert model.rowCount() == len(people) and not model.canFetchMore()
    assert model.row_at(PAGE + 3) == people[PAGE + 3] and model.row_at(len(people)) is None
    idx = model.index(7, Column.BIRTH)
    assert model.data(idx) == "08/01/1980" and model.data(idx, SortRole) == "1980-01-08"
    assert model.data(model.index(7, Column.NAME), IdRole) == "id7"
    assert model.data(model.index(7, Column.UNIT), Qt.ItemDataRole.ToolTipRole) == "Xã Thanh Hà (40.X01)"
    assert model.data(model.index(7, Column.STATUS)) == "Đang công tác"
    assert model.headerData(4, Qt.Orientation.Vertical) == 5
    model.set_row_header_size(QSize(60, 20))
    assert model.headerData(4, Qt.Orientation.Vertical, Qt.ItemDataRole.SizeHintRole) == QSize(60, 20)


def test_long_code_combo_shows_names_and_gives_codes(qtbot) -> None:
    from canbo_desktop.ui.dialogs.cadre_editor import LongCodeCombo

    units = [(f"u{i}", f"Xã số {i}") for i in range(3000)]
    combo = LongCodeCombo(units)
    qtbot.addWidget(combo)
    assert combo.count() == 3001 and combo.itemText(0) == "—" and combo.value() == ""
    combo.set_value("u2999")
    assert combo.currentText() == "Xã số 2999" and combo.value() == "u2999"
    combo.set_value("gone")  # a code no longer in the list stays visible, marked
    assert combo.currentText() == "gone (không có trong danh mục)" and combo.value() == "gone"
    combo.set_value(None)
    assert combo.value() == ""
