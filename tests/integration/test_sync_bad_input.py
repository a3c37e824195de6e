"""Every bad input of issue 10 at the service and CLI level: a clear Vietnamese message, a non-zero exit, and the
receiving database byte-for-byte unchanged (content hash after a checkpoint). The container's own unit tests
(tests/unit/test_sync_container.py) cover the file-level cases in depth; these are about the database and the
JSON / exit code the clerk or a script sees."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from canbo_desktop.cli.main import main
from canbo_desktop.db import models as m
from canbo_desktop.services.sync import container as C
from canbo_desktop.services.sync import keys
from tests.integration.sync_fixtures import PASS, Office, clone, sync_trio  # noqa: F401 (fixture)
from tests.unit.test_sync_container import _bomb_writer, _zeros_deflated


@pytest.fixture
def o(sync_trio: dict[str, Office], tmp_path: Path) -> Iterator[dict[str, Office]]:  # noqa: F811
    offices = clone(sync_trio, tmp_path)
    offices["A"].add_cadre("Trần Văn Minh", id_number="040185002222")
    yield offices
    for x in offices.values():
        x.db.close()


def _cli(office: Office, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, object]]:
    office.db.engine.dispose()
    os.environ["CANBO_SYNC_PASSPHRASE"] = PASS
    try:
        code = main(["--db", str(office.path), "sync", "import", str(path), "--json", *extra])
    finally:
        del os.environ["CANBO_SYNC_PASSPHRASE"]
    out = capsys.readouterr().out
    return code, json.loads(out)


def _refused(office: Office, path: Path, capsys: pytest.CaptureFixture[str], status: str = "rejected") -> dict[str, object]:
    """Import ``path`` at ``office`` by the CLI: refused with ``status``, database unchanged."""
    before = office.fingerprint()
    code, data = _cli(office, path, capsys)
    assert data["status"] == status, data
    assert code != 0
    assert isinstance(data["reason"], str) and data["reason"]
    assert office.fingerprint() == before
    return data


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rebuild(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=False) as zf:
        for name in C.ENTRY_ORDER:
            zf.writestr(C._zipinfo(name), entries[name])
    return path


def test_a_good_package_is_applied_by_the_cli(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    pkg = o["A"].export().path
    before = o["D"].fingerprint()
    code, dry = _cli(o["D"], pkg, capsys, "--dry-run")
    assert code == 0 and dry["status"] == "preview" and dry["counts"]["new"] >= 3  # type: ignore[index]
    assert o["D"].fingerprint() == before  # a dry run writes nothing
    code, data = _cli(o["D"], pkg, capsys, "--ack-dir", str(o["D"].stick))
    assert code == 0 and data["status"] == "applied" and data["package_id"]
    assert set(data) >= {"status", "reason", "package_id", "counts", "conflicts"}
    # the same file again: already imported, named with its date, nothing changes
    before = o["D"].fingerprint()
    code, again = _cli(o["D"], pkg, capsys)
    assert code == 0 and again["status"] == "already_imported" and "đã được nhập ngày" in str(again["reason"])
    assert o["D"].fingerprint() == before


def test_truncated_file(o: dict[str, Office], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = o["A"].export().path
    for cut in (40, len(pkg.read_bytes()) // 2, len(pkg.read_bytes()) - 10):
        bad = tmp_path / f"cut{cut}.cbpkg"
        bad.write_bytes(pkg.read_bytes()[:cut])
        data = _refused(o["D"], bad, capsys)
        assert "hỏng" in str(data["reason"]) or "chép" in str(data["reason"]) or "không phải" in str(data["reason"])


def test_flipped_byte(o: dict[str, Office], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = bytearray(o["A"].export().path.read_bytes())
    for pos in (len(raw) // 3, len(raw) - 200):
        flipped = bytearray(raw)
        flipped[pos] ^= 0x40
        bad = tmp_path / f"flip{pos}.cbpkg"
        bad.write_bytes(bytes(flipped))
        _refused(o["D"], bad, capsys)


def test_package_for_another_office(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    # The district's ack for commune A, carried to commune B by mistake: B knows the district's key.
    res = o["D"].import_(o["A"].export().path, ack_dir=o["D"].stick)
    assert res.ack_path is not None
    data = _refused(o["B"], res.ack_path, capsys)
    assert "không gửi cho đơn vị này" in str(data["reason"]) or "không phải" in str(data["reason"])


def test_unknown_key(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    pkg = o["A"].export().path
    data = _refused(o["B"], pkg, capsys)  # B has never registered A's key
    assert "khoá" in str(data["reason"])


def test_valid_package_re_signed_by_another_key(o: dict[str, Office], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    entries = _entries(o["A"].export().path)
    with o["B"].uowf() as uow:
        other = keys.load_local_keys(uow, PASS)
    entries["manifest.sig"] = other.sign(entries["manifest.json"])
    data = _refused(o["D"], _rebuild(tmp_path / "resigned.cbpkg", entries), capsys)
    assert "chữ ký" in str(data["reason"]).lower()


def test_replay_of_an_older_package(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    first = o["A"].export().path  # not imported: lost
    second = o["A"].export().path
    assert o["D"].import_(first).status == "applied"
    assert o["D"].import_(second).status == "applied"
    before = o["D"].fingerprint()
    code, again = _cli(o["D"], first, capsys)
    assert code == 0 and again["status"] == "already_imported" and o["D"].fingerprint() == before
    # A package of the same stream with an old number but another id (a copy made before a restore): refused.
    entries = _entries(second)
    doc = json.loads(entries["manifest.json"])
    doc["package_id"] = "01a20000-0000-7000-8000-000000000001"
    entries["manifest.json"] = C.canonical_json(doc)
    with o["A"].uowf() as uow:
        a_keys = keys.load_local_keys(uow, PASS)
    entries["manifest.sig"] = a_keys.sign(entries["manifest.json"])
    data2 = _refused(o["D"], _rebuild(o["A"].stick / "old.cbpkg", entries), capsys)
    assert "cũ" in str(data2["reason"])


def test_gap_is_held_and_names_the_missing_package(o: dict[str, Office], capsys: pytest.CaptureFixture[str]) -> None:
    lost = o["A"].export()
    later = o["A"].export()
    data = _refused(o["D"], later.path, capsys, status="held")
    assert data["missing_seq"] == lost.seq
    assert f"Thiếu gói số {lost.seq}" in str(data["reason"])
    # once the missing one is in, the held one goes in
    assert o["D"].import_(lost.path).status == "applied"
    assert o["D"].import_(later.path).status == "applied"


def test_zip_with_traversal_path(o: dict[str, Office], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = _entries(o["A"].export().path)
    bad = tmp_path / "evil.cbpkg"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zf:
        for name in C.ENTRY_ORDER:
            zf.writestr(C._zipinfo(name), entries[name])
        zf.writestr("../evil", b"boom")
    _refused(o["D"], bad, capsys)
    assert not (tmp_path.parent / "evil").exists()


def test_decompression_bomb(o: dict[str, Office], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A properly signed and encrypted package whose inner archive inflates 256 MiB of zeros."""
    stream, size, crc = _zeros_deflated(1 << 28)
    with o["A"].uowf() as uow:
        a_keys = keys.load_local_keys(uow, PASS)
        peer = uow.session.get(m.SyncPeerRecord, o["D"].node_id())
        assert peer is not None
        d_pub = keys.PublicKeys(peer.node_id, peer.sign_public_key, peer.enc_public_key)
    with o["D"].uowf() as uow:
        a_peer = uow.session.get(m.SyncPeerRecord, o["A"].node_id())
        assert a_peer is not None
        prev = a_peer.last_in_sha256  # the bomb continues the chain: only the inner archive is wrong
    written = C.write_package_stream(
        o["A"].stick, kind="delta", from_node=o["A"].node_id(), to_node=o["D"].node_id(), epoch=1, seq=2,
        prev_package_sha256=prev, sender=a_keys, recipients=[(d_pub, "parent")],
        write_inner=_bomb_writer(stream, size, crc), file_name="bomb.cbpkg", change_range={}, counts={"cadre": 1},
        extra={}, sender_unit="40.D01.X05", recipient_unit="40.D01")
    _refused(o["D"], written.path, capsys)


def test_future_schema_version(o: dict[str, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(C, "SCHEMA_VERSION", C.SCHEMA_VERSION + 1)  # written by a newer version, properly signed
    pkg = o["A"].export().path
    monkeypatch.setattr(C, "SCHEMA_VERSION", C.SCHEMA_VERSION - 1)
    data = _refused(o["D"], pkg, capsys)
    assert "cập nhật" in str(data["reason"])


def test_stick_pulled_out_mid_export(o: dict[str, Office], monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    a = o["A"]
    before = a.fingerprint()

    def pulled(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", pulled)
    os.environ["CANBO_SYNC_PASSPHRASE"] = PASS
    try:
        code = main(["--db", str(a.path), "sync", "export", "--out", str(a.stick), "--json"])
    finally:
        del os.environ["CANBO_SYNC_PASSPHRASE"]
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code != 0 and "USB" in err
    assert a.fingerprint() == before  # nothing recorded as sent
    assert list(a.stick.iterdir()) == []  # no half file under the final name, no .tmp left
    # plugged in again: the export works and carries the rows
    res = a.export()
    assert res.rows >= 3
