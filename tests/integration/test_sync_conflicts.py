"""One test per conflict kind: soft (merged and flagged), hard (queued, not applied), delete against edit, and a
CCCD shared with a person of another unit; the queue, its count and the resolutions (which sync upward)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from canbo_desktop.db import models as m
from canbo_desktop.services.sync import conflicts
from tests.integration.sync_fixtures import Office, carry, clone, sync_trio  # noqa: F401 (fixture)


@pytest.fixture
def pair(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[tuple[Office, Office, Office, str]]:  # noqa: F811
    o = clone(sync_trio, tmp_path)
    yield o["D"], o["A"], o["B"], sync_trio["A"].info
    for x in o.values():
        x.db.close()


def test_soft_conflict_is_merged_and_flagged(pair: tuple[Office, Office, Office, str]) -> None:
    d, a, _b, x = pair
    d.edit(m.CadreRecord, x, phone="0911000111")  # the district corrects the phone (a recorded decision)
    a.edit(m.CadreRecord, x, hometown="Xã Nghi Lộc, Nghệ An")  # the commune fills in the home town
    res = carry(a, d, accept_soft=True)
    assert res.counts["soft"] == 1 and res.counts["hard"] == 0
    row = d.get(m.CadreRecord, x)
    assert row is not None
    assert row["phone"] == "0911000111" and row["hometown"] == "Xã Nghi Lộc, Nghệ An"
    flagged = conflicts.list_conflicts(d.uowf, "merged")
    assert [(c.kind, c.row_id, c.fields) for c in flagged] == [("soft", x, ["hometown"])]
    assert flagged[0].local["phone"] == "0911000111" and flagged[0].incoming["hometown"] == "Xã Nghi Lộc, Nghệ An"
    assert conflicts.open_conflict_count(d.uowf) == 0  # merged: flagged for review, nothing waits


def test_soft_conflict_without_accept_soft_is_queued(pair: tuple[Office, Office, Office, str]) -> None:
    d, a, _b, x = pair
    d.edit(m.CadreRecord, x, phone="0911000111")
    a.edit(m.CadreRecord, x, hometown="Xã Nghi Lộc, Nghệ An")
    res = carry(a, d)
    assert res.counts["soft"] == 1
    assert d.get(m.CadreRecord, x)["hometown"] == ""  # not applied
    assert conflicts.open_conflict_count(d.uowf) == 1


def test_hard_conflict_is_queued_not_applied_then_resolved(pair: tuple[Office, Office, Office, str]) -> None:
    d, a, _b, x = pair
    d.edit(m.CadreRecord, x, phone="0911000111")
    a.edit(m.CadreRecord, x, phone="0922000222", email="hong@example.vn")
    res = carry(a, d, accept_soft=True)
    assert res.counts["hard"] == 1
    assert res.conflicts and res.conflicts[0]["kind"] == "hard" and "phone" in res.conflicts[0]["fields"]
    row = d.get(m.CadreRecord, x)
    assert row["phone"] == "0911000111" and row["email"] == ""  # nothing of the change applied silently
    [c] = conflicts.list_conflicts(d.uowf)
    assert c.kind == "hard" and c.fields == ["phone"] and c.label == "Nguyễn Thị Hồng"
    assert c.local["phone"] == "0911000111" and c.incoming["phone"] == "0922000222"
    assert c.base["phone"] == ""  # the value before the district's edit, from the audit trail
    assert conflicts.open_conflict_count(d.uowf) == 1
    rev_before = d.get(m.CadreRecord, x)["rev"]
    conflicts.resolve_conflict(d.uowf, c.id, "take")
    row = d.get(m.CadreRecord, x)
    assert row["phone"] == "0922000222" and row["email"] == "hong@example.vn"
    assert row["rev"] == rev_before + 1 and row["origin_node"] == d.node_id()  # a normal change: it syncs upward
    assert conflicts.open_conflict_count(d.uowf) == 0
    with pytest.raises(Exception, match="đã được xử lý"):
        conflicts.resolve_conflict(d.uowf, c.id, "keep")


def test_delete_against_edit_is_hard(pair: tuple[Office, Office, Office, str]) -> None:
    d, a, _b, x = pair
    d.edit(m.CadreRecord, x, email="hong@ubnd.vn")
    a.edit(m.CadreRecord, x, deleted=True)
    res = carry(a, d, accept_soft=True)
    assert res.counts["hard"] == 1 and res.counts["deleted"] == 0
    row = d.get(m.CadreRecord, x)
    assert row["deleted"] is False and row["email"] == "hong@ubnd.vn"
    [c] = conflicts.list_conflicts(d.uowf)
    assert c.kind == "hard" and c.fields == ["deleted"] and c.incoming["deleted"] is True
    conflicts.resolve_conflict(d.uowf, c.id, "edit", {"email": "hong.nguyen@ubnd.vn"})
    assert d.get(m.CadreRecord, x)["email"] == "hong.nguyen@ubnd.vn"
    assert conflicts.open_conflict_count(d.uowf) == 0


def test_cccd_of_a_new_person_in_another_unit(pair: tuple[Office, Office, Office, str]) -> None:
    d, _a, b, x = pair
    y = b.add_cadre("Nguyễn Thị Hồng", id_number="040185001111")  # transferred to B, or typed twice
    res = carry(b, d)
    assert res.counts["cccd"] == 1
    assert d.get(m.CadreRecord, y) is not None and d.get(m.CadreRecord, x) is not None  # both kept
    [c] = conflicts.list_conflicts(d.uowf)
    assert c.kind == "cccd" and c.row_id == y and c.local["id"] == x
    assert "CCCD" in c.kind_label
    conflicts.resolve_conflict(d.uowf, c.id, "keep")
    assert conflicts.open_conflict_count(d.uowf) == 0
