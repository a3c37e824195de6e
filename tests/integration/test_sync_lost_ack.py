"""The power goes out after a package is applied but before its ack is written (the kill test lands there):
bringing the same package again writes the missing ack, so the commune learns its rows arrived; a plain
replay afterwards changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services.sync import ack, peers
from tests.integration.sync_fixtures import Office, clone, sync_trio  # noqa: F401 (fixture)


@pytest.fixture
def trio(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[dict[str, Office]]:  # noqa: F811
    o = clone(sync_trio, tmp_path)
    yield o
    for x in o.values():
        x.db.close()


def _unacked(office: Office) -> int:
    [parent] = [p for p in peers.list_peers(office.uowf) if p.relation == "parent"]
    return parent.unacked_rows


def test_a_lost_ack_is_written_when_the_package_comes_again(trio: dict[str, Office],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    d, a = trio["D"], trio["A"]
    a.add_cadre("Trần Văn Bền", id_number="040090003333")
    res = a.export()
    assert _unacked(a) > 0

    def power_cut(*_a: object, **_k: object) -> ack.AckResult:
        raise CanboError("mất điện (giả lập)")

    monkeypatch.setattr(ack, "write_ack", power_cut)
    first = d.import_(res.path, ack_dir=d.stick)
    assert first.status == "applied" and first.ack_path is None
    monkeypatch.undo()

    again = d.import_(res.path, ack_dir=d.stick)
    assert again.status == "already_imported" and again.ack_path is not None
    assert any("đã ghi lại" in c.label for c in again.checks)
    assert a.import_(again.ack_path).status == "applied"
    assert _unacked(a) == 0

    before = d.fingerprint()
    third = d.import_(res.path, ack_dir=d.stick)
    assert third.status == "already_imported" and third.ack_path is None  # the ack exists: a replay changes nothing
    assert d.fingerprint() == before
