"""Fuzzing every text field of the cadre form through the service that saves it (``services.records``): hostile
strings either save (stored clean: NFC, no control or bidi characters, trimmed) or are refused with a Vietnamese
message — and a refused save leaves no row, no audit entry and no change-log entry behind."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.domain.cadre import Cadre, CadreFile
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.services.records import MULTILINE, save_cadre_file
from tests.unit.fuzzing import fuzz_settings, hostile_text

TEXT_FIELDS = [f.name for f in dataclasses.fields(Cadre) if f.type in ("str", str)
               and f.name not in ("id", "owner_unit_id", "sex", "birth_precision", "category", "status")]
BIDI_AND_CONTROL = {chr(c) for c in range(0x20) if chr(c) not in "\n"} | {"\u202e", "\u202b", "\u202c", "\u200f"}


@pytest.fixture
def db(small_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "forms.db"
    shutil.copyfile(small_demo_template, path)
    database = open_database(str(path))
    yield database
    database.close()


def _counts(db: Database) -> tuple[int, int, int]:
    assert db.file is not None
    con = sqlite3.connect(db.file)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("cadre", "audit_log", "sync_change_log"))
    finally:
        con.close()


def _unit(db: Database) -> str:
    assert db.file is not None
    con = sqlite3.connect(db.file)
    try:
        return str(con.execute("SELECT id FROM org_unit WHERE depth > 0 ORDER BY code LIMIT 1").fetchone()[0])
    finally:
        con.close()


@fuzz_settings(25)
@given(values=st.dictionaries(st.sampled_from(TEXT_FIELDS), hostile_text, min_size=1, max_size=5))
def test_hostile_form_values_save_clean_or_are_refused_whole(values: dict[str, str], db: Database) -> None:
    base = Cadre(owner_unit_id=_unit(db), sex="F", birth_date=date(1988, 3, 8), full_name="Lê Thị Thu")
    cadre = dataclasses.replace(base, **values)
    before = _counts(db)
    try:
        cid, _changes = save_cadre_file(db.uow("fuzz"), CadreFile(cadre=cadre), today=date(2026, 11, 22))
    except CanboError as exc:
        assert exc.message.strip() and "Traceback" not in exc.message
        assert _counts(db) == before  # nothing saved half-way
        return
    after = _counts(db)
    assert after[0] == before[0] + 1 and after[1] > before[1] and after[2] > before[2]
    assert db.file is not None
    con = sqlite3.connect(db.file)
    try:
        row = con.execute(f"SELECT {', '.join(values)} FROM cadre WHERE id = ?", (cid,)).fetchone()
    finally:
        con.close()
    for name, stored in zip(values, row, strict=True):
        if stored is None:
            continue
        assert unicodedata.is_normalized("NFC", stored), name
        forbidden = BIDI_AND_CONTROL - {"\t"} if name in MULTILINE else BIDI_AND_CONTROL  # a tab in a long text
        assert not (set(stored) & forbidden), (name, stored)
        assert stored == stored.strip(), name
