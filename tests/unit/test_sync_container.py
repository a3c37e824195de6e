"""The sync package file: round trips with real keys and files, and every kind of bad input.

Each bad input must give a ``PackageError`` with the right code and a Vietnamese message, and leave nothing in
``extract_to``.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import shutil
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canbo_desktop.services.sync import container as C
from canbo_desktop.services.sync import keys as K

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
PROPERTY = settings(
    database=None,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Office:
    def __init__(self, node_id: str, code: str) -> None:
        self.keys = K.generate_keys(node_id)
        self.node_id = node_id
        self.code = code

    @property
    def pub(self) -> K.PublicKeys:
        return self.keys.public()


@pytest.fixture(scope="module")
def offices() -> dict[str, Office]:
    return {
        "xa": Office("0190a000-0000-7000-8000-00000000000a", "40.X01"),
        "huyen": Office("0190a000-0000-7000-8000-00000000000b", "40.D01"),
        "khac": Office("0190a000-0000-7000-8000-00000000000c", "40.D02"),
        "recovery": Office("recovery", "40"),
    }


def _payload(root: Path, *, big: bool = False) -> Path:
    """A payload folder; ``big`` makes it span several 1 MiB chunks."""
    (root / "changes").mkdir(parents=True)
    rows = "".join(
        json.dumps(
            {"row_id": f"id-{i}", "op": "upsert", "row": {"full_name": f"Nguyễn Thị Hồng {i}"}},
            ensure_ascii=False,
        )
        + "\n"
        for i in range(3000)
    )
    (root / "changes" / "cadre.ndjson").write_text(rows, encoding="utf-8")
    (root / "changes" / "empty.ndjson").write_bytes(b"")
    (root / "attachments").mkdir()
    (root / "attachments" / "quyết định.bin").write_bytes(
        os.urandom((3 << 20) + 17 if big else 20_017)
    )  # several chunks
    (root / "audit.ndjson").write_text('{"action":"sửa"}\n', encoding="utf-8")
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _write(
    offices: dict[str, Office],
    out_dir: Path,
    payload_dir: Path,
    *,
    sender: str = "xa",
    to: str = "huyen",
    recovery: bool = True,
    seq: int = 1,
    **kw: Any,
) -> C.WrittenPackage:
    out_dir.mkdir(parents=True, exist_ok=True)
    s, t = offices[sender], offices[to]
    recipients = [(t.pub, "parent")] + ([(offices["recovery"].pub, "recovery")] if recovery else [])
    return C.write_package(
        out_dir,
        kind="delta",
        from_node=s.node_id,
        to_node=t.node_id,
        epoch=1,
        seq=seq,
        prev_package_sha256="",
        sender=s.keys,
        recipients=recipients,
        payload_dir=payload_dir,
        file_name=C.package_file_name(s.code, t.code, seq, datetime(2026, 11, 22, 9, 30, 5)),
        change_range={"from_change_seq": 1, "to_change_seq": 3000},
        counts={"cadre": {"upsert": 3000, "delete": 0}},
        extra={"note": "thử"},
        sender_unit=s.code,
        recipient_unit=t.code,
        **kw,
    )


def _write_stream(
    offices: dict[str, Office], out_dir: Path, write_inner: Callable[[IO[bytes]], None], name: str = "p.cbpkg"
) -> C.WrittenPackage:
    out_dir.mkdir(parents=True, exist_ok=True)
    return C.write_package_stream(
        out_dir,
        kind="delta",
        from_node=offices["xa"].node_id,
        to_node=offices["huyen"].node_id,
        epoch=1,
        seq=1,
        prev_package_sha256="",
        sender=offices["xa"].keys,
        recipients=[(offices["huyen"].pub, "parent")],
        write_inner=write_inner,
        file_name=name,
        change_range={},
        counts={},
        extra={},
        sender_unit="40.X01",
        recipient_unit="40.D01",
    )


def _known(offices: dict[str, Office]) -> dict[str, K.PublicKeys]:
    return {offices["xa"].node_id: offices["xa"].pub}


@pytest.fixture(scope="module")
def package(
    offices: dict[str, Office], tmp_path_factory: pytest.TempPathFactory
) -> tuple[C.WrittenPackage, Path]:
    base = tmp_path_factory.mktemp("pkg")
    payload = _payload(base / "payload", big=True)
    return _write(offices, base / "usb", payload), payload


def _open(
    offices: dict[str, Office], path: Path, dest: Path, me: str = "huyen", **kw: Any
) -> C.OpenedPackage:
    return C.open_package(
        path, me=offices[me].keys, known_senders=kw.pop("known", _known(offices)), extract_to=dest, **kw
    )


def _expect(code: str, fn: Callable[[], object], dest: Path | None = None) -> C.PackageError:
    with pytest.raises(C.PackageError) as ei:
        fn()
    err = ei.value
    assert err.code == code, (err.code, err.detail)
    assert VIETNAMESE.search(err.message), err.message
    if dest is not None:
        assert not dest.exists() or not any(dest.iterdir()), "something was written to extract_to"
        assert not any(p.name.startswith(".cbpkg-") for p in dest.parent.iterdir()), "temporary folder left"
    return err


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rebuild(path: Path, entries: dict[str, bytes]) -> Path:
    """Write a canonical container with the given entry contents (what an attacker with a ZIP tool can do)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=False) as zf:
        for name in C.ENTRY_ORDER:
            zf.writestr(C._zipinfo(name), entries[name])
    return path


# -- round trip ------------------------------------------------------------------------------------------------
def test_round_trip_parent_and_recovery_open_a_third_key_cannot(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    written, payload = package
    assert written.path.name == "CB_40.X01_40.D01_000001_20261122T093005.cbpkg"
    assert [p.name for p in written.path.parent.iterdir()] == [written.path.name]  # no .tmp left
    assert written.sha256 == hashlib.sha256(written.path.read_bytes()).hexdigest()
    assert written.size == written.path.stat().st_size

    opened = _open(offices, written.path, tmp_path / "parent")
    assert _tree(opened.root) == _tree(payload)  # byte-identical, Vietnamese names and empty files included
    assert opened.sha256 == written.sha256
    assert opened.manifest == written.manifest

    rec = _open(offices, written.path, tmp_path / "recovery", me="recovery")
    assert _tree(rec.root) == _tree(payload)

    _expect(
        "not_for_us", lambda: _open(offices, written.path, tmp_path / "other", me="khac"), tmp_path / "other"
    )


def test_manifest_says_what_the_package_is(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path]
) -> None:
    written, payload = package
    m, sha = C.read_manifest(written.path, known_senders=_known(offices))
    assert sha == written.sha256
    assert (m.format, m.kind, m.schema_version) == ("cbpkg/1", "delta", C.SCHEMA_VERSION)
    assert (m.from_node, m.to_node, m.epoch, m.seq) == (offices["xa"].node_id, offices["huyen"].node_id, 1, 1)
    assert m.sender_key_id == offices["xa"].pub.key_id()
    assert {(r["key_id"], r["role"]) for r in m.recipients} == {
        (offices["huyen"].pub.key_id(), "parent"),
        (offices["recovery"].pub.key_id(), "recovery"),
    }
    assert m.counts == {"cadre": {"upsert": 3000, "delete": 0}} and m.extra == {"note": "thử"}
    assert re.fullmatch(r"[0-9a-f-]{36}", m.package_id)
    entries = _entries(written.path)
    assert list(entries) == ["payload.bin", "manifest.json", "manifest.sig"]
    assert m.raw_bytes == entries["manifest.json"]
    # canonical JSON: sorted keys, no spaces, Vietnamese as UTF-8
    assert m.raw_bytes == C.canonical_json(json.loads(m.raw_bytes))
    assert "thử".encode() in m.raw_bytes
    assert offices["xa"].pub.verify(entries["manifest.sig"], m.raw_bytes)
    assert m.payload_sha256 == hashlib.sha256(entries["payload.bin"]).hexdigest()
    # the payload is encrypted: the plain NDJSON is nowhere in the file
    assert "Nguyễn Thị Hồng".encode() not in written.path.read_bytes()
    # without known senders the manifest is still readable (preview before the keys are exchanged)
    assert C.read_manifest(written.path, known_senders=None)[0] == m


def test_progress_is_reported_and_ends_complete(offices: dict[str, Office], tmp_path: Path) -> None:
    payload = _payload(tmp_path / "payload")
    seen: list[tuple[int, int]] = []
    written = _write(offices, tmp_path / "usb", payload, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    seen.clear()
    _open(offices, written.path, tmp_path / "x", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(0 <= d <= t for d, t in seen)


def test_cancel_leaves_nothing(offices: dict[str, Office], tmp_path: Path) -> None:
    payload = _payload(tmp_path / "payload")
    usb = tmp_path / "usb"
    _expect("cancelled", lambda: _write(offices, usb, payload, cancel=lambda: True))
    assert list(usb.iterdir()) == []


def test_file_name() -> None:
    at = datetime(2026, 1, 2, 3, 4, 5)
    assert C.package_file_name("40.X01", "40.D01", 7, at) == "CB_40.X01_40.D01_000007_20260102T030405.cbpkg"
    assert (
        C.package_file_name("Xã Đông_Hà/1", "40", 1, at) == "CB_Xa-ong-Ha-1_40_000001_20260102T030405.cbpkg"
    )


# -- truncated, flipped, not a package --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda n, e: 0, id="empty"),
        pytest.param(lambda n, e: 2, id="in-zip-signature"),
        pytest.param(lambda n, e: 20, id="in-local-header"),
        pytest.param(lambda n, e: e["payload"] + 5, id="payload-start"),
        pytest.param(lambda n, e: e["payload"] + (1 << 20) + 16, id="payload-chunk-boundary"),
        pytest.param(lambda n, e: e["manifest"], id="before-manifest"),
        pytest.param(lambda n, e: n - 40, id="in-central-directory"),
        pytest.param(lambda n, e: n - 10, id="in-end-record"),
        pytest.param(lambda n, e: n - 1, id="last-byte"),
    ],
)
def test_truncated_file(
    offices: dict[str, Office],
    package: tuple[C.WrittenPackage, Path],
    tmp_path: Path,
    cut: Callable[[int, dict[str, int]], int],
) -> None:
    data = package[0].path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        offsets = {
            "payload": zf.getinfo("payload.bin").header_offset + 41,
            "manifest": zf.getinfo("manifest.json").header_offset,
        }
    bad = tmp_path / "cut.cbpkg"
    bad.write_bytes(data[: cut(len(data), offsets)])
    dest = tmp_path / "x"
    err = _expect("truncated", lambda: _open(offices, bad, dest), dest)
    assert "chép chưa hết" in err.message or "chép chưa xong" in err.message
    _expect("truncated", lambda: C.read_manifest(bad, known_senders=None))


@pytest.fixture(scope="module")
def small_package(offices: dict[str, Office], tmp_path_factory: pytest.TempPathFactory) -> C.WrittenPackage:
    """A small package cut in many chunks (4 KiB), so chunk order and the last-chunk flag are exercised."""
    base = tmp_path_factory.mktemp("small")
    (base / "p" / "changes").mkdir(parents=True)
    (base / "p" / "changes" / "cadre.ndjson").write_text("Trần Văn Bình\n" * 200, encoding="utf-8")
    (base / "p" / "scan.bin").write_bytes(os.urandom(40_000))
    old = C.CHUNK_SIZE
    C.CHUNK_SIZE = 4096
    try:
        written = _write(offices, base / "usb", base / "p")
    finally:
        C.CHUNK_SIZE = old
    assert json.loads(written.manifest.raw_bytes)["enc"]["chunk_size"] == 4096
    return written


class _Flipper:
    """Flips one bit of a copy of a package in place (rewriting a whole file each time is slow on some disks)."""

    def __init__(self, original: Path, copy: Path) -> None:
        shutil.copyfile(original, copy)
        self.path = copy
        self.size = copy.stat().st_size

    def flipped(self, index: int, mask: int) -> _Flipper:
        self._index, self._mask = index, mask
        return self

    def _xor(self) -> None:
        with open(self.path, "r+b") as f:
            f.seek(self._index)
            b = f.read(1)[0]
            f.seek(self._index)
            f.write(bytes([b ^ self._mask]))

    def __enter__(self) -> Path:
        self._xor()
        return self.path

    def __exit__(self, *exc: object) -> None:
        self._xor()


@PROPERTY
@given(st.data())
def test_a_flipped_byte_anywhere_is_always_refused(
    offices: dict[str, Office], small_package: C.WrittenPackage, tmp_path: Path, data: st.DataObject
) -> None:
    flipper = _Flipper(small_package.path, tmp_path / "flip.cbpkg")
    index = data.draw(st.integers(0, flipper.size - 1))
    mask = 1 << data.draw(st.integers(0, 7))
    dest = tmp_path / "x"
    with flipper.flipped(index, mask) as bad, pytest.raises(C.PackageError) as ei:
        _open(offices, bad, dest)
    assert ei.value.code in C.PACKAGE_ERROR_CODES and VIETNAMESE.search(ei.value.message)
    assert not dest.exists()


def test_every_byte_is_checked(
    offices: dict[str, Office], small_package: C.WrittenPackage, tmp_path: Path
) -> None:
    """Exhaustive: no byte of the file (dates, attributes, sizes, padding, chunks) escapes the checks.

    Outside the encrypted body, ``read_manifest`` alone must already refuse the file; inside it, every chunk
    of the body is tried at its first and last byte."""
    flipper = _Flipper(small_package.path, tmp_path / "flip.cbpkg")
    with zipfile.ZipFile(small_package.path) as zf:
        start = zf.getinfo("payload.bin").header_offset + 41
    end = start + small_package.manifest.payload_size
    known = _known(offices)
    survivors = []
    for i in [*range(0, start), *range(end, flipper.size)]:
        with flipper.flipped(i, 0x10) as bad:
            try:
                C.read_manifest(bad, known_senders=known)
                survivors.append(i)
            except C.PackageError:
                pass
    body = sorted({start, end - 1} | {p for k in range(start, end, 4096 + 16) for p in (k, k + 4095 + 16)})
    for n, i in enumerate(p for p in body if start <= p < end):
        with flipper.flipped(i, 0x01) as bad:
            try:
                _open(offices, bad, tmp_path / f"x{n}")
                survivors.append(i)
            except C.PackageError as exc:
                assert exc.code == "tampered"
    assert survivors == []
    assert (
        C.read_manifest(flipper.path, known_senders=known)[1] == small_package.sha256
    )  # flipped back intact


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n", b"%PDF-1.7\n" + b"x" * 100, os.urandom(5000)],
    ids=["text", "pdf", "random"],
)
def test_not_a_package(offices: dict[str, Office], tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "thu.cbpkg"
    bad.write_bytes(content)
    _expect("not_a_package", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


def test_missing_file(offices: dict[str, Office], tmp_path: Path) -> None:
    err = _expect("not_a_package", lambda: _open(offices, tmp_path / "khong-co.cbpkg", tmp_path / "x"))
    assert "Không tìm thấy" in err.message


def test_an_ordinary_zip_is_refused(offices: dict[str, Office], tmp_path: Path) -> None:
    bad = tmp_path / "bao-cao.cbpkg"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("word/document.xml", "<xml/>")
    _expect("unsafe_zip", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


# -- wrong recipient, sender, signature, body ------------------------------------------------------------------
def test_package_for_another_office(offices: dict[str, Office], tmp_path: Path) -> None:
    payload = _payload(tmp_path / "payload")
    written = _write(offices, tmp_path / "usb", payload, to="khac", recovery=False)
    err = _expect("not_for_us", lambda: _open(offices, written.path, tmp_path / "x"), tmp_path / "x")
    assert "đơn vị khác" in err.message
    # but the office it is for can open it
    assert _open(offices, written.path, tmp_path / "y", me="khac").root.is_dir()


def test_office_that_changed_its_keys_is_told_to_resend_them(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    """The district re-created its keys after the commune wrote the package: same office, other key."""
    renewed = K.generate_keys(offices["huyen"].node_id)
    dest = tmp_path / "x"
    err = _expect(
        "decrypt_failed",
        lambda: C.open_package(package[0].path, me=renewed, known_senders=_known(offices), extract_to=dest),
        dest,
    )
    assert "gói khoá" in err.message


def test_unknown_sender(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    known = {offices["khac"].node_id: offices["khac"].pub}
    err = _expect(
        "unknown_sender", lambda: _open(offices, package[0].path, tmp_path / "x", known=known), tmp_path / "x"
    )
    assert "chưa được đăng ký" in err.message
    _expect("unknown_sender", lambda: C.read_manifest(package[0].path, known_senders={}))


def test_signature_replaced_by_another_key(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    entries = _entries(package[0].path)
    entries["manifest.sig"] = offices["khac"].keys.sign(entries["manifest.json"])
    bad = _rebuild(tmp_path / "resigned.cbpkg", entries)
    _expect("bad_signature", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


def test_manifest_rewritten_and_signed_by_another_key(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    """Someone with their own key re-targets the package and claims to be the commune: refused."""
    entries = _entries(package[0].path)
    doc = json.loads(entries["manifest.json"])
    doc["sender"]["key_id"] = offices["khac"].pub.key_id()
    doc["counts"] = {"cadre": {"upsert": 1, "delete": 0}}
    entries["manifest.json"] = C.canonical_json(doc)
    entries["manifest.sig"] = offices["khac"].keys.sign(entries["manifest.json"])
    bad = _rebuild(tmp_path / "forged.cbpkg", entries)
    err = _expect("bad_signature", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")
    assert "khoá khác" in err.message


def test_manifest_edited_without_the_key(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    """A clean edit (valid ZIP, valid JSON) of the manifest, e.g. re-targeting it: the signature no longer fits."""
    entries = _entries(package[0].path)
    doc = json.loads(entries["manifest.json"])
    doc["stream"]["seq"] = 99
    entries["manifest.json"] = C.canonical_json(doc)
    bad = _rebuild(tmp_path / "edited.cbpkg", entries)
    _expect("bad_signature", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


def test_body_swapped_between_two_packages(offices: dict[str, Office], tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "changes.ndjson").write_text("A\n" * 1000)
    (tmp_path / "b" / "changes.ndjson").write_text("B\n" * 1000)
    first = _write(offices, tmp_path / "usb1", tmp_path / "a", seq=1)
    second = _write(offices, tmp_path / "usb2", tmp_path / "b", seq=2)
    entries = _entries(first.path)
    entries["payload.bin"] = _entries(second.path)["payload.bin"]
    assert len(entries["payload.bin"]) == first.manifest.payload_size  # same size: only the hashes tell
    bad = _rebuild(tmp_path / "swapped.cbpkg", entries)
    _expect("tampered", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


def test_future_schema_version(
    offices: dict[str, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = _payload(tmp_path / "payload")
    monkeypatch.setattr(C, "SCHEMA_VERSION", 2)  # written by a newer version of the app, properly signed
    written = _write(offices, tmp_path / "usb", payload)
    monkeypatch.setattr(C, "SCHEMA_VERSION", 1)
    err = _expect("schema_too_new", lambda: _open(offices, written.path, tmp_path / "x"), tmp_path / "x")
    assert "cập nhật phần mềm" in err.message


def test_future_container_format(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    entries = _entries(package[0].path)
    doc = json.loads(entries["manifest.json"])
    doc["format"] = "cbpkg/2"
    entries["manifest.json"] = C.canonical_json(doc)
    entries["manifest.sig"] = offices["xa"].keys.sign(entries["manifest.json"])
    bad = _rebuild(tmp_path / "v2.cbpkg", entries)
    _expect("schema_too_new", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


def test_signed_but_malformed_manifest(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    entries = _entries(package[0].path)
    doc = json.loads(entries["manifest.json"])
    doc["stream"]["seq"] = "một"
    entries["manifest.json"] = C.canonical_json(doc)
    entries["manifest.sig"] = offices["xa"].keys.sign(entries["manifest.json"])
    bad = _rebuild(tmp_path / "malformed.cbpkg", entries)
    _expect("bad_manifest", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


# -- unsafe ZIPs -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("extra_name", ["../evil", "/etc/evil", "..\\evil", "readme.txt", "manifest.json"])
def test_outer_zip_with_a_foreign_entry(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path, extra_name: str
) -> None:
    entries = _entries(package[0].path)
    bad = tmp_path / "extra.cbpkg"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zf:
        for name in C.ENTRY_ORDER:
            zf.writestr(C._zipinfo(name), entries[name])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about a duplicate name: that is the point
            zf.writestr(extra_name, b"evil")
    _expect("unsafe_zip", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")
    assert not (tmp_path / "evil").exists()


def test_outer_entry_renamed_with_a_path(
    offices: dict[str, Office], package: tuple[C.WrittenPackage, Path], tmp_path: Path
) -> None:
    entries = _entries(package[0].path)
    bad = tmp_path / "renamed.cbpkg"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("../payload.bin", entries["payload.bin"])
        zf.writestr(C._zipinfo("manifest.json"), entries["manifest.json"])
        zf.writestr(C._zipinfo("manifest.sig"), entries["manifest.sig"])
    _expect("unsafe_zip", lambda: _open(offices, bad, tmp_path / "x"), tmp_path / "x")


def _inner_zip_writer(entries: list[tuple[str, bytes]]) -> Callable[[IO[bytes]], None]:
    def write(sink: IO[bytes]) -> None:
        with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in entries:
                zi = zipfile.ZipInfo("x")
                zi.filename = name  # bypass any normalisation: what a hostile tool can write
                zi.compress_type = zipfile.ZIP_DEFLATED
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # duplicate names are the point of some tests
                    zf.writestr(zi, data)

    return write


@pytest.mark.parametrize(
    "name",
    [
        "../evil",
        "changes/../../evil",
        "/tmp/evil",
        "C:/evil",
        "changes\\..\\evil",
        "changes/./x",
        "changes/NUL.ndjson",
        "con",
        "changes/x. ",
        "ok/\x01bad",
    ],
)
def test_signed_package_with_a_path_escaping_the_folder(
    offices: dict[str, Office], tmp_path: Path, name: str
) -> None:
    """Even a validly signed package from a known office cannot write outside the extraction folder."""
    written = _write_stream(
        offices, tmp_path / "usb", _inner_zip_writer([("changes/ok.ndjson", b"{}\n"), (name, b"evil")])
    )
    dest = tmp_path / "work" / "x"
    _expect("unsafe_zip", lambda: _open(offices, written.path, dest), dest)
    assert not (tmp_path / "evil").exists() and not (tmp_path / "work" / "evil").exists()
    assert not Path("/tmp/evil").exists() or Path("/tmp/evil").read_bytes() != b"evil"


def test_signed_package_with_duplicate_or_colliding_names(offices: dict[str, Office], tmp_path: Path) -> None:
    for i, entries in enumerate(
        [
            [("a.ndjson", b"1"), ("a.ndjson", b"2")],
            [("A.ndjson", b"1"), ("a.ndjson", b"2")],  # the same file on Windows
            [("a", b"file"), ("a/b", b"inside a file")],
        ]
    ):
        written = _write_stream(offices, tmp_path / f"usb{i}", _inner_zip_writer(entries))
        dest = tmp_path / f"x{i}"
        _expect("unsafe_zip", lambda: _open(offices, written.path, dest), dest)  # noqa: B023


def _zeros_deflated(size: int) -> tuple[bytes, int, int]:
    """A raw deflate stream of ``size`` zero bytes built from repeated blocks, never holding ``size`` bytes."""
    block = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    assert comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH) == piece  # full flush: identical pieces
    end = comp.flush(zlib.Z_FINISH)
    count = size // len(block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    assert zlib.decompress(piece * 3 + end, -15) == bytes(3 << 20)
    return piece * count + end, count * len(block), crc


def _bomb_writer(
    stream: bytes, size: int, crc: int, name: str = "changes/cadre.ndjson"
) -> Callable[[IO[bytes]], None]:
    """An honest ZIP (correct sizes and CRC) of one deflated entry, written by hand from the stream."""

    def write(sink: IO[bytes]) -> None:
        raw = name.encode()
        local = struct.pack(
            "<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, 8, 0, 33, crc, len(stream), size, len(raw), 0
        )
        sink.write(local + raw)
        sink.write(stream)
        central = struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            20,
            3,
            20,
            0,
            0,
            8,
            0,
            33,
            crc,
            len(stream),
            size,
            len(raw),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        sink.write(central + raw)
        offset = len(local) + len(raw) + len(stream)
        sink.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(raw), offset, 0))

    return write


@pytest.fixture(scope="module")
def gigabyte_of_zeros() -> tuple[bytes, int, int]:
    return _zeros_deflated(1 << 30)


def test_decompression_bomb(
    offices: dict[str, Office], tmp_path: Path, gigabyte_of_zeros: tuple[bytes, int, int]
) -> None:
    stream, size, crc = gigabyte_of_zeros
    assert size == 1 << 30 and len(stream) < 2 << 20
    written = _write_stream(offices, tmp_path / "usb", _bomb_writer(stream, size, crc))
    assert written.size < 3 << 20
    dest = tmp_path / "x"
    err = _expect("unsafe_zip", lambda: _open(offices, written.path, dest), dest)
    assert "bất thường" in err.message


def test_inner_archive_too_large_or_too_many_files(offices: dict[str, Office], tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    for i in range(12):
        (tmp_path / "p" / f"f{i}.ndjson").write_bytes(os.urandom(1000))
    written = _write(offices, tmp_path / "usb", tmp_path / "p")
    dest = tmp_path / "x"
    _expect("too_large", lambda: _open(offices, written.path, dest, limits=C.Limits(max_files=10)), dest)
    _expect(
        "too_large", lambda: _open(offices, written.path, dest, limits=C.Limits(max_inner_total=5000)), dest
    )
    _expect(
        "too_large", lambda: _open(offices, written.path, dest, limits=C.Limits(max_package_bytes=5000)), dest
    )
    assert _open(offices, written.path, dest).root == dest  # within the default limits it opens


def test_writer_refuses_a_payload_over_the_limit(offices: dict[str, Office], tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()

    def big(sink: IO[bytes]) -> None:
        for _ in range(10):
            sink.write(os.urandom(50_000))

    with pytest.raises(C.PackageError) as ei:
        C.write_package_stream(
            usb, kind="full", from_node="a", to_node="b", epoch=1, seq=1, prev_package_sha256="",
            sender=offices["xa"].keys, recipients=[(offices["huyen"].pub, "parent")], write_inner=big,
            file_name="p.cbpkg", change_range={}, counts={}, extra={}, sender_unit="", recipient_unit="",
            limits=C.Limits(max_payload_bytes=100_000),
        )  # fmt: skip
    assert ei.value.code == "too_large" and "từng đơn vị" in ei.value.message
    assert list(usb.iterdir()) == []


# -- writing safely ----------------------------------------------------------------------------------------------
class _FailingFile:
    """The file on the stick: writes fail with EIO after ``budget`` bytes (the stick was pulled out)."""

    def __init__(self, inner: IO[bytes], budget: int, err: int) -> None:
        self._inner, self._budget, self._err = inner, budget, err

    def write(self, data: bytes) -> int:
        self._budget -= len(data)
        if self._budget < 0:
            raise OSError(self._err, os.strerror(self._err))
        return self._inner.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.mark.parametrize(
    ("budget", "err"), [(100, errno.EIO), (2_000_000, errno.EIO), (500_000, errno.ENOSPC)]
)
def test_stick_fails_mid_write(
    offices: dict[str, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int, err: int
) -> None:
    payload = _payload(tmp_path / "payload", big=True)
    usb = tmp_path / "usb"
    real_open = open

    def fake_open(file: Any, mode: str = "r", *a: Any, **kw: Any) -> Any:
        f = real_open(file, mode, *a, **kw)
        return _FailingFile(f, budget, err) if str(file).endswith(".tmp") and "w" in mode else f

    monkeypatch.setattr(C, "open", fake_open, raising=False)
    e = _expect("write_failed", lambda: _write(offices, usb, payload))
    assert "USB" in e.message and ("xuất lại" in e.message)
    if err == errno.ENOSPC:
        assert "đầy" in e.message
    assert list(usb.iterdir()) == []  # no final file, no .tmp


class _CorruptingFile(_FailingFile):
    """A faulty stick that silently changes one byte of what it is given, far into the file."""

    def write(self, data: bytes) -> int:
        pos = self._inner.tell()
        if pos <= 600_000 < pos + len(data):
            buf = bytearray(data)
            buf[600_000 - pos] ^= 0x04
            data = bytes(buf)
        return self._inner.write(data)


def test_silent_corruption_on_the_stick_is_caught_by_the_read_back(
    offices: dict[str, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = _payload(tmp_path / "payload", big=True)
    usb = tmp_path / "usb"
    real_open = open

    def fake_open(file: Any, mode: str = "r", *a: Any, **kw: Any) -> Any:
        f = real_open(file, mode, *a, **kw)
        return _CorruptingFile(f, 0, 0) if str(file).endswith(".tmp") and "w" in mode else f

    monkeypatch.setattr(C, "open", fake_open, raising=False)
    err = _expect("write_failed", lambda: _write(offices, usb, payload))
    assert "đọc lại" in err.message
    assert list(usb.iterdir()) == []  # the bad file is not left under the final name


def test_fsync_fails(offices: dict[str, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    payload = _payload(tmp_path / "payload")
    usb = tmp_path / "usb"

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    _expect("write_failed", lambda: _write(offices, usb, payload))
    assert list(usb.iterdir()) == []


def test_stick_removed_during_export(offices: dict[str, Office], tmp_path: Path) -> None:
    """The folder disappears while the package is being written (no mocks: the directory is really removed)."""
    payload = _payload(tmp_path / "payload")
    usb = tmp_path / "usb"

    def pull_out(done: int, total: int) -> None:
        if usb.exists():
            shutil.rmtree(usb)

    _expect("write_failed", lambda: _write(offices, usb, payload, progress=pull_out))
    assert not usb.exists()


def test_missing_target_folder(offices: dict[str, Office], tmp_path: Path) -> None:
    payload = _payload(tmp_path / "payload")
    err = _expect(
        "write_failed",
        lambda: C.write_package(
            tmp_path / "khong-co-usb",
            kind="delta", from_node="a", to_node="b", epoch=1, seq=1, prev_package_sha256="",
            sender=offices["xa"].keys, recipients=[(offices["huyen"].pub, "parent")], payload_dir=payload,
            file_name="p.cbpkg", change_range={}, counts={}, extra={}, sender_unit="", recipient_unit="",
        ),
    )  # fmt: skip
    assert "Không tìm thấy" in err.message


def test_missing_payload_folder_is_not_an_empty_package(offices: dict[str, Office], tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    _expect("disk_error", lambda: _write(offices, usb, tmp_path / "khong-co"))
    assert list(usb.iterdir()) == []


def test_stale_tmp_from_an_earlier_failure_is_replaced(offices: dict[str, Office], tmp_path: Path) -> None:
    payload = _payload(tmp_path / "payload")
    usb = tmp_path / "usb"
    usb.mkdir()
    name = C.package_file_name("40.X01", "40.D01", 1, datetime(2026, 11, 22, 9, 30, 5))
    (usb / (name + ".tmp")).write_bytes(b"half a package")
    written = _write(offices, usb, payload)
    assert sorted(p.name for p in usb.iterdir()) == [name]
    assert _open(offices, written.path, tmp_path / "x").root.is_dir()


# -- keys packages -------------------------------------------------------------------------------------------------
def test_keys_package_round_trip(offices: dict[str, Office], tmp_path: Path) -> None:
    xa = offices["xa"]
    written = C.write_keys_package(
        tmp_path, xa.keys, to_node="", unit_code="40.X01", unit_name="UBND xã Thanh Hà", file_name="khoa.cbpkg",
        unit_id="u-1", recovery=offices["recovery"].pub,
    )  # fmt: skip
    info = C.read_keys_package(written.path)
    assert info.public == xa.pub
    assert (info.unit_id, info.unit_code, info.unit_name) == ("u-1", "40.X01", "UBND xã Thanh Hà")
    assert info.fingerprint == xa.pub.fingerprint()
    assert info.recovery == offices["recovery"].pub
    assert info.manifest.kind == "keys" and info.sha256 == written.sha256
    # a keys package is not a data package, and the reverse
    _expect("bad_manifest", lambda: _open(offices, written.path, tmp_path / "x"), tmp_path / "x")


def test_keys_package_with_swapped_keys_is_refused(offices: dict[str, Office], tmp_path: Path) -> None:
    """Someone replaces the keys inside (to intercept the next packages): the self-signature no longer fits."""
    written = C.write_keys_package(
        tmp_path, offices["xa"].keys, to_node="", unit_code="40.X01", unit_name="Xã", file_name="khoa.cbpkg"
    )
    entries = _entries(written.path)
    doc = json.loads(entries["payload.bin"])
    doc.update(offices["khac"].pub.to_dict() | {"node_id": offices["xa"].node_id})
    entries["payload.bin"] = C.canonical_json(doc)
    manifest = json.loads(entries["manifest.json"])
    digest = hashlib.sha256(entries["payload.bin"]).hexdigest()
    manifest["payload"].update(sha256=digest, inner_sha256=digest, size=len(entries["payload.bin"]),
                               inner_size=len(entries["payload.bin"]))  # fmt: skip
    entries["manifest.json"] = C.canonical_json(manifest)
    bad = _rebuild(tmp_path / "swapped.cbpkg", entries)
    _expect("bad_signature", lambda: C.read_keys_package(bad))
    # and simply re-signing with the other key does not help either: the key id in the manifest is the original
    entries["manifest.sig"] = offices["khac"].keys.sign(entries["manifest.json"])
    _expect("bad_signature", lambda: C.read_keys_package(_rebuild(tmp_path / "swapped2.cbpkg", entries)))


def test_data_package_is_not_a_keys_package(package: tuple[C.WrittenPackage, Path]) -> None:
    _expect("bad_manifest", lambda: C.read_keys_package(package[0].path))


# -- property: random payload trees round trip --------------------------------------------------------------------
_segment = st.text(alphabet="abcdeđươạ_-0123456789", min_size=1, max_size=8)
_trees = st.dictionaries(
    st.lists(_segment, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".ndjson"),
    st.binary(max_size=3000) | st.text(max_size=2000).map(lambda t: t.encode()),
    max_size=8,
)


@settings(PROPERTY, max_examples=20)
@given(tree=_trees)
def test_random_payload_trees_round_trip(
    offices: dict[str, Office], tmp_path: Path, tree: dict[str, bytes]
) -> None:
    work = tmp_path / hashlib.sha256(repr(sorted(tree.items())).encode()).hexdigest()[:16]
    shutil.rmtree(work, ignore_errors=True)
    payload = work / "payload"
    payload.mkdir(parents=True)
    written_tree: dict[str, bytes] = {}
    for name, content in tree.items():
        target = payload / name
        if any((payload / p).is_file() for p in _parents(name)) or target.is_dir():
            continue  # a path both a file and a folder: not a tree
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written_tree[name] = content
    written = _write(offices, work / "usb", payload)
    opened = _open(offices, written.path, work / "out")
    assert _tree(opened.root) == written_tree


def _parents(name: str) -> Iterator[str]:
    parts = name.split("/")
    for k in range(1, len(parts)):
        yield "/".join(parts[:k])
