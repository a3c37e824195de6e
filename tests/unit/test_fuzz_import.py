"""Fuzzing the Excel import end to end (``services.importing.import_xlsx``) with generated workbooks whose cells are
hostile (long, empty, control characters, right-to-left, emoji, NFD, formulas, numbers where text is expected…),
and the mapping file with random bytes: a result or a Vietnamese message, never a crash, and all or nothing —
the database gains exactly the rows reported as inserted, or nothing at all."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.services.importing import import_xlsx, load_mapping_file
from tests.unit.fuzzing import cell_value, fuzz_settings

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Nơi sinh", "Số CCCD", "Mã đơn vị", "Điện thoại", "Dân tộc"]


@pytest.fixture
def db(small_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "import.db"
    shutil.copyfile(small_demo_template, path)
    database = open_database(str(path))
    yield database
    database.close()


def _counts(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        assert ok == "ok"
        return (con.execute("SELECT count(*) FROM cadre").fetchone()[0],
                con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        con.close()


def _writable(v: Any) -> Any:
    if isinstance(v, str):
        return ILLEGAL_CHARACTERS_RE.sub("", v)[:32767]  # what an .xlsx can hold at all
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return str(v)
    return v


def _valid_row(rng: random.Random, i: int) -> list[Any]:
    year = rng.randint(1970, 1999)
    return [i, f"Nguyễn Văn {rng.choice(['An', 'Bình', 'Cường', 'Dũng'])}", f"{rng.randint(1, 28):02d}/05/{year}", "Nam",
            "Hà Nội", f"0010{year % 100:02d}{rng.randint(0, 999999):06d}", "40.D01.PNV", "0912345678", "Kinh"]


rows_strategy = st.lists(
    st.tuples(st.integers(0, 2**31), st.lists(st.tuples(st.integers(0, len(HEADERS) - 1), cell_value), max_size=4)),
    min_size=1, max_size=5)


@fuzz_settings(10)
@given(rows=rows_strategy, header_noise=st.booleans())
def test_hostile_workbooks_import_all_or_nothing(rows: list[tuple[int, list[tuple[int, Any]]]], header_noise: bool,
                                                db: Database, tmp_path: Path) -> None:
    assert db.file is not None
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH CÁN BỘ"])
    ws.append(HEADERS + (["\u202eẩn", "😀"] if header_noise else []))
    for i, (seed, damage) in enumerate(rows, start=1):
        row = _valid_row(random.Random(seed), i)
        for col, value in damage:
            row[col] = value
        ws.append([_writable(v) for v in row])
    f = tmp_path / "fuzz.xlsx"
    wb.save(f)
    before = _counts(db.file)
    try:
        result, _preview = import_xlsx(db.uow("fuzz"), f)
    except CanboError as exc:
        assert exc.message.strip()
        assert _counts(db.file)[0] == before[0]
        return
    after = _counts(db.file)
    assert after[0] == before[0] + result.inserted
    if result.inserted == 0 and result.updated == 0:
        assert after[1] == before[1]  # nothing to write: not even an audit entry


@fuzz_settings(40)
@given(data=st.binary(max_size=300))
def test_mapping_file_bytes(data: bytes, tmp_path: Path) -> None:
    f = tmp_path / "cot.json"
    f.write_bytes(data)
    try:
        load_mapping_file(f)
    except CanboError as exc:
        assert "cấu hình cột" in exc.message
