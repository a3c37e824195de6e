"""Fuzzing the audit chain with hostile content: whatever the actor's name, the record ids and the changed values
(NFD, right-to-left, emoji, control characters, huge numbers…), what was written verifies — so a broken chain
always means tampering, never a false alarm."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.services.audit import verify_chain
from canbo_desktop.services.database import Database, open_database
from tests.unit.fuzzing import fuzz_settings, hostile_text

json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), st.floats(allow_nan=False), hostile_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)),
    max_leaves=8,
)


@pytest.fixture
def db(empty_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "audit.db"
    shutil.copyfile(empty_template, path)
    database = open_database(str(path))
    yield database
    database.close()


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")  # the 70,000-character sample's repr
@fuzz_settings(20)
@given(actor=hostile_text, entity_id=hostile_text, changes=st.dictionaries(hostile_text, json_value, max_size=4))
def test_whatever_is_written_verifies(actor: str, entity_id: str, changes: dict[str, Any], db: Database) -> None:
    actor = actor.replace("\x00", "") or "x"
    with db.uow(actor)() as uow:
        uow.audit("export", "cadre", entity_id.replace("\x00", ""), changes)
        uow.commit()
    result = verify_chain(db.uow("kiem-tra"))
    assert result.ok, result.message


def test_an_nfd_user_name_does_not_break_the_chain(db: Database) -> None:
    with db.uow(unicodedata.normalize("NFD", "Nguyễn Thị Hồng"))() as uow:
        uow.audit("export", "cadre", "", {"file": "x.xlsx"})
        uow.commit()
    assert verify_chain(db.uow("kiem-tra")).ok
