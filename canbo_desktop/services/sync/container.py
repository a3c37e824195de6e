"""The sync package file (``.cbpkg``): signed, encrypted, checked before anything is read.

API (stable; the sync engine builds on it)::

    FORMAT = "cbpkg/1"; SCHEMA_VERSION = 1     # the highest manifest schema this app reads
    class PackageError(CanboError): code       # see PACKAGE_ERROR_CODES; message is Vietnamese, says what to do
    @dataclass(frozen=True) class Limits       # max_package_bytes, max_payload_bytes, max_inner_total, max_ratio,
                                               # max_files, max_manifest_bytes
    @dataclass(frozen=True) class Manifest     # parsed manifest.json; raw_bytes = the exact signed bytes
    package_file_name(from_code, to_code, seq, at) -> "CB_<from>_<to>_<seq:06>_<yyyymmddThhmmss>.cbpkg"
    write_package(out_dir, *, kind, from_node, to_node, epoch, seq, prev_package_sha256, sender, recipients,
                  payload_dir, file_name, change_range, counts, extra, sender_unit, recipient_unit,
                  progress=None, cancel=None) -> WrittenPackage(path, sha256, manifest, size)
    write_package_stream(...same..., write_inner=callable(sink), limits=Limits())
                                               # the inner archive bytes come from a callable (forwarding)
    recipients: [(PublicKeys, role)], role "parent" (data going up), "child" (acks, refdata going down) or
    "recovery" (the province recovery key, a second recipient of every package when one is set)
    read_manifest(path, *, known_senders, limits=Limits()) -> (Manifest, sha256 of the whole file)
    open_package(path, *, me, known_senders, extract_to, limits=Limits(), progress=None)
        -> OpenedPackage(manifest, sha256, root)
    write_keys_package(out_dir, keys, *, to_node, unit_code, unit_name, file_name, unit_id="", recovery=None)
        -> WrittenPackage
    read_keys_package(path) -> KeysPackageInfo(public, unit_id, unit_code, unit_name, fingerprint, recovery,
                                               manifest, sha256)   # self-signature verified

File layout. The ``.cbpkg`` is a ZIP (stored, no compression) of exactly three entries, written in this order::

    payload.bin     the inner archive (a deflated ZIP of the payload folder), encrypted: AES-256-GCM in chunks
                    of ``enc.chunk_size`` plaintext bytes (1 MiB) under a random 32-byte file key; chunk i uses
                    nonce = nonce_prefix (8 random bytes) ‖ uint32_be(i) and associated data
                    "cbpkg/1|<package_id>|" ‖ uint64_be(i) ‖ last-flag byte, so a dropped, repeated,
                    reordered or truncated chunk fails to authenticate (the STREAM construction of age).
                    The file key is wrapped for each recipient (the parent, and the province recovery key):
                    an ephemeral X25519 key, HKDF-SHA256 (salt = ephemeral ‖ recipient public key,
                    info = "cbpkg/1 wrap|<package_id>") giving an AES-256-GCM key and nonce.
    manifest.json   canonical JSON (sorted keys, no spaces, UTF-8): stream position, sender and recipients
                    (with the wrapped keys), counts, sha256 + size of payload.bin AND of the plaintext inner
                    archive, created_at, and ``extra`` for the engine.
    manifest.sig    64 bytes: Ed25519 by the sender over the exact bytes of manifest.json.

Sign, then encrypt: the signature covers the ciphertext hash, the plaintext hash and the recipient list, so a
package cannot be re-targeted, have its body swapped, or be re-encrypted by one of its recipients. The
manifest is written last (it needs the payload hash) which costs nothing: readers go by the central directory.

The outer ZIP is written canonically (fixed dates and attributes, no extra fields, no comments, no gaps) and
the reader checks every header byte against that canonical form. Together with the signature, the hashes and
the AEAD tags this means that changing any single byte of a package is always detected: there is no byte a
copy error can alter that is not checked.

Why the manifest is written after the payload: the whole package is then produced in one streaming pass
(files → deflate → encrypt → USB) with memory bounded by the chunk size, whatever the payload size.

Errors (``PackageError.code``): truncated, not_a_package, unsafe_zip (foreign entries, ``../`` or absolute
paths, device names, decompression bombs), too_large, bad_signature, unknown_sender, not_for_us,
schema_too_new, tampered (any hash, CRC, AEAD or canonical-layout mismatch), decrypt_failed, bad_manifest;
when writing: write_failed (stick pulled out / full / read-back mismatch: no file is left under the final
name and the ``.tmp`` is removed), disk_error (this PC's disk), cancelled.

Safe write: ``<name>.tmp`` in the target folder, flush + fsync, ``os.replace`` to the final name, fsync of the
folder (POSIX), then the page cache is dropped (``posix_fadvise``, Linux) and the file is read back from the
stick: structure, signature, payload sha256 and CRC must match what was written.

Speed (2 shared cores, load ~8): a 200 MB NDJSON payload folder writes as a 19 MB package in ~5 s and opens
in ~4 s; the time is zlib's deflate/inflate, not the cryptography (AES-GCM runs at > 1 GB/s).

``read_manifest`` does no decryption; with ``known_senders=None`` it skips the signature check — only for
``keys`` packages (self-signed, checked by ``read_keys_package``) and for showing what a file is before the
sender's key is known. ``open_package`` always verifies.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import struct
import tempfile
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from canbo_desktop import __version__
from canbo_desktop.db.base import new_id
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate
from canbo_desktop.services.sync.keys import NodeKeys, PublicKeys

FORMAT = "cbpkg/1"
SCHEMA_VERSION = 1
KINDS = ("delta", "full", "ack", "refdata", "keys")
# "parent" for packages going up, "child" for acks and reference data going down, "recovery" for the
# province recovery key. Only "recovery" changes what open_package accepts (see _my_entry).
ROLES = ("parent", "child", "recovery")
ENC_ALG = "X25519-HKDF-SHA256/AES-256-GCM-STREAM"
ENC_NONE = "none"  # keys packages: public keys only, signed but not encrypted
CHUNK_SIZE = 1 << 20
TAG = 16
INNER_COMPRESSLEVEL = 1  # NDJSON compresses ~20x at level 1 as at level 6, at twice the speed

PAYLOAD, MANIFEST, SIGNATURE = "payload.bin", "manifest.json", "manifest.sig"
ENTRY_ORDER = (PAYLOAD, MANIFEST, SIGNATURE)
KEYS_JSON_FORMAT = "cbkeys-public/1"
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)}
)

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_EXT_ATTR = 0o100644 << 16
_VERSION = 20
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_BLOCK = 1 << 20
_ZIP64_LIMIT = (1 << 31) - 1

PACKAGE_ERROR_CODES = (
    "truncated",
    "not_a_package",
    "unsafe_zip",
    "too_large",
    "bad_signature",
    "unknown_sender",
    "not_for_us",
    "schema_too_new",
    "tampered",
    "decrypt_failed",
    "bad_manifest",
    "write_failed",  # the USB stick (or the target folder) failed while writing: nothing left under the name
    "disk_error",  # this PC's own disk failed (reading the payload folder, the temporary folder)
    "cancelled",  # the clerk cancelled the export
)

_MESSAGES = {  # translated where the error is made (PackageError.__init__)
    "truncated": QT_TRANSLATE_NOOP("services.sync.container", "The package file is damaged or was not copied completely (the end is missing). Copy the file from the USB again, or ask the sender to export the package again, then import it again."),
    "not_a_package": QT_TRANSLATE_NOOP("services.sync.container", "This file is not a Cán bộ Desktop sync package (.cbpkg). Choose the right package file."),
    "unsafe_zip": QT_TRANSLATE_NOOP("services.sync.container", "The package file has an unsafe structure (odd paths, extra parts or unusual compressed data), so it was refused and nothing was imported. Ask the sender to export the package again."),
    "too_large": QT_TRANSLATE_NOOP("services.sync.container", "The package file is larger than the size limit, so it was refused. Ask the sender to export the package for smaller units."),
    "bad_signature": QT_TRANSLATE_NOOP("services.sync.container", "The package's signature does not match the registered key of the sending unit: the package may have been altered or made by someone else. Do not import it; contact the sending unit to check the key."),
    "unknown_sender": QT_TRANSLATE_NOOP("services.sync.container", "The package comes from a unit that has not exchanged keys with this office. Import that unit's key package and compare the key fingerprint first, then import again."),
    "not_for_us": QT_TRANSLATE_NOOP("services.sync.container", "This package was sent to another unit, not to this office. Check the package file."),
    "schema_too_new": QT_TRANSLATE_NOOP("services.sync.container", "The package was made by a newer version of Cán bộ Desktop than the one in use. Update the software, then import again."),
    "tampered": QT_TRANSLATE_NOOP("services.sync.container", "The package was altered or damaged while being copied (the data does not match its checksum). Nothing was imported. Copy the file again or ask the sender to export the package again."),
    "decrypt_failed": QT_TRANSLATE_NOOP("services.sync.container", "The package cannot be decrypted with this office's key. The office may have changed its key after the sender received the old one: send the new key package to the sender."),
    "bad_manifest": QT_TRANSLATE_NOOP("services.sync.container", "The package's description (manifest) is not valid. Ask the sender to export the package again."),
    "write_failed": QT_TRANSLATE_NOOP("services.sync.container", "The package could not be written to the USB (the USB was removed, is full or is faulty). No package was made: plug the USB in again and export again."),
    "disk_error": QT_TRANSLATE_NOOP("services.sync.container", "Temporary data on this computer could not be read or written (the disk is full or faulty). Free some disk space, then try again."),
    "cancelled": QT_TRANSLATE_NOOP("services.sync.container", "Cancelled. No package file was made."),
}


class PackageError(CanboError):
    """A package cannot be written or read; ``code`` says why (one of ``PACKAGE_ERROR_CODES``)."""

    exit_code = 8

    def __init__(self, code: str, message: str | None = None, *, detail: str | None = None) -> None:
        super().__init__(message or translate("services.sync.container", _MESSAGES[code]), detail=detail)
        self.code = code

    def __repr__(self) -> str:
        return f"PackageError({self.code!r}, detail={self.detail!r})"


@dataclass(frozen=True)
class Limits:
    """What a reader accepts. Defaults fit a full province package with room to spare."""

    max_package_bytes: int = 1 << 31
    max_payload_bytes: int = _ZIP64_LIMIT - (1 << 20)
    max_inner_total: int = 4 << 30
    max_ratio: int = 200  # uncompressed / compressed, checked for entries (and the total) above 1 MiB
    max_files: int = 200_000
    max_manifest_bytes: int = 8 << 20


@dataclass(frozen=True)
class Manifest:
    """The parsed ``manifest.json``; ``raw_bytes`` are the exact bytes the signature covers."""

    format: str
    kind: str
    schema_version: int
    app_version: str
    package_id: str
    from_node: str
    to_node: str
    epoch: int
    seq: int
    prev_package_sha256: str
    sender_key_id: str
    sender_unit: str
    recipient_unit: str
    recipients: list[dict[str, str]]
    change_range: dict[str, Any]
    counts: dict[str, Any]
    payload_sha256: str
    payload_size: int
    created_at: str
    extra: dict[str, Any]
    inner_sha256: str = ""
    inner_size: int = 0
    enc: dict[str, Any] = field(default_factory=dict)
    raw_bytes: bytes = field(default=b"", repr=False, compare=False)

    def to_json_obj(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "kind": self.kind,
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "package_id": self.package_id,
            "created_at": self.created_at,
            "stream": {
                "from_node": self.from_node,
                "to_node": self.to_node,
                "epoch": self.epoch,
                "seq": self.seq,
                "prev_package_sha256": self.prev_package_sha256,
            },
            "sender": {"unit": self.sender_unit, "key_id": self.sender_key_id},
            "recipient": {"unit": self.recipient_unit},
            "range": self.change_range,
            "counts": self.counts,
            "payload": {
                "sha256": self.payload_sha256,
                "size": self.payload_size,
                "inner_sha256": self.inner_sha256,
                "inner_size": self.inner_size,
            },
            "enc": {**self.enc, "recipients": self.recipients},
            "extra": self.extra,
        }

    @staticmethod
    def from_bytes(raw: bytes) -> Manifest:
        """Parse and type-check ``manifest.json`` (format and schema are checked by the caller first)."""
        try:
            doc = json.loads(raw.decode("utf-8"))
            return _manifest_from_obj(doc, raw)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise PackageError("bad_manifest", detail=str(exc)) from exc


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    sha256: str  # of the whole .cbpkg file
    manifest: Manifest
    size: int


@dataclass(frozen=True)
class OpenedPackage:
    manifest: Manifest
    sha256: str  # of the whole .cbpkg file
    root: Path  # the extracted inner archive


@dataclass(frozen=True)
class KeysPackageInfo:
    public: PublicKeys
    unit_id: str
    unit_code: str
    unit_name: str
    fingerprint: str
    recovery: PublicKeys | None
    manifest: Manifest
    sha256: str


# -- small helpers ---------------------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc
    if size is not None and len(raw) != size:
        raise ValueError("wrong length")
    return raw


def canonical_json(obj: Any) -> bytes:
    """The one serialisation of a manifest: sorted keys, no spaces, UTF-8 (not ASCII-escaped)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _req(d: Any, key: str, typ: type) -> Any:
    if not isinstance(d, dict):
        raise TypeError("not an object")
    v = d[key]
    if typ is int and (not isinstance(v, int) or isinstance(v, bool)):
        raise TypeError(f"{key}: expected an integer")
    if not isinstance(v, typ):
        raise TypeError(f"{key}: expected {typ.__name__}")
    return v


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _manifest_from_obj(doc: Any, raw: bytes) -> Manifest:
    stream, sender, recipient = (
        _req(doc, "stream", dict),
        _req(doc, "sender", dict),
        _req(doc, "recipient", dict),
    )
    payload, enc = _req(doc, "payload", dict), _req(doc, "enc", dict)
    recipients = _req(enc, "recipients", list)
    for r in recipients:
        for k in ("key_id", "role", "wrapped_key", "ephemeral_public"):
            _req(r, k, str)
        if r["role"] not in ROLES:
            raise ValueError("unknown recipient role")
    kind = _req(doc, "kind", str)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    m = Manifest(
        format=_req(doc, "format", str),
        kind=kind,
        schema_version=_req(doc, "schema_version", int),
        app_version=_req(doc, "app_version", str),
        package_id=_req(doc, "package_id", str),
        from_node=_req(stream, "from_node", str),
        to_node=_req(stream, "to_node", str),
        epoch=_req(stream, "epoch", int),
        seq=_req(stream, "seq", int),
        prev_package_sha256=_req(stream, "prev_package_sha256", str),
        sender_key_id=_req(sender, "key_id", str),
        sender_unit=_req(sender, "unit", str),
        recipient_unit=_req(recipient, "unit", str),
        recipients=[dict(r) for r in recipients],
        change_range=_req(doc, "range", dict),
        counts=_req(doc, "counts", dict),
        payload_sha256=_req(payload, "sha256", str),
        payload_size=_req(payload, "size", int),
        created_at=_req(doc, "created_at", str),
        extra=_req(doc, "extra", dict),
        inner_sha256=_req(payload, "inner_sha256", str),
        inner_size=_req(payload, "inner_size", int),
        enc={k: v for k, v in enc.items() if k != "recipients"},
        raw_bytes=raw,
    )
    if not _HEX64.fullmatch(m.payload_sha256) or not _HEX64.fullmatch(m.inner_sha256):
        raise ValueError("bad payload hash")
    if m.payload_size < 0 or m.inner_size < 0 or m.seq < 0 or m.epoch < 0:
        raise ValueError("negative size or sequence")
    if not isinstance(m.enc.get("alg"), str):
        raise ValueError("missing encryption algorithm")
    return m


def package_file_name(from_code: str, to_code: str, seq: int, at: datetime) -> str:
    """``CB_<from>_<to>_<seq:06>_<yyyymmddThhmmss>.cbpkg``; characters unsafe in file names become ``-``."""

    def safe(code: str) -> str:
        folded = unicodedata.normalize("NFKD", code).encode("ascii", "ignore").decode("ascii")
        return re.sub(r"[^A-Za-z0-9.\-]", "-", folded).strip(".") or "x"

    return f"CB_{safe(from_code)}_{safe(to_code)}_{seq:06d}_{at:%Y%m%dT%H%M%S}.cbpkg"


# -- chunked AEAD ----------------------------------------------------------------------------------------------
def _chunk_aad(package_id: str, index: int, last: bool) -> bytes:
    return f"{FORMAT}|{package_id}|".encode() + struct.pack(">QB", index, 1 if last else 0)


def _chunk_nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


class _EncryptingSink:
    """A write-only stream: buffers plaintext, writes AES-GCM chunks to ``out``; ``finish`` seals the last one."""

    def __init__(self, out: IO[bytes], key: bytes, prefix: bytes, package_id: str, limit: int) -> None:
        self._out, self._aes, self._prefix, self._pid, self._limit = (
            out,
            AESGCM(key),
            prefix,
            package_id,
            limit,
        )
        self._buf = bytearray()
        self._index = 0
        self.sha = hashlib.sha256()
        self.size = 0
        self.plain_sha = hashlib.sha256()
        self.plain_size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        n = len(data)
        self.plain_sha.update(data)
        self.plain_size += n
        view = memoryview(data).cast("B")
        # A chunk is sealed as "not last" only once more data is known to follow it.
        if self._buf:
            room = CHUNK_SIZE - len(self._buf)
            if n <= room:
                self._buf += view
                return n
            self._buf += view[:room]
            view = view[room:]
            self._emit(self._buf, last=False)
            self._buf = bytearray()
        while len(view) > CHUNK_SIZE:
            self._emit(view[:CHUNK_SIZE], last=False)
            view = view[CHUNK_SIZE:]
        self._buf += view
        return n

    def flush(self) -> None:
        pass

    def _emit(self, piece: bytes | bytearray | memoryview, *, last: bool) -> None:
        ct = self._aes.encrypt(
            _chunk_nonce(self._prefix, self._index), piece, _chunk_aad(self._pid, self._index, last)
        )
        self.size += len(ct)
        if self.size > self._limit:
            raise PackageError(
                "too_large",
                translate("services.sync.container", "The package is too large (over {size} MB). Export it for smaller units.").format(size=self._limit // 1_000_000),
            )
        self._out.write(ct)
        self.sha.update(ct)
        self._index += 1

    def finish(self) -> None:
        self._emit(bytes(self._buf), last=True)
        self._buf.clear()


class _PlainSink:
    """The unencrypted payload of a ``keys`` package."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._out.write(data)
        self.sha.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def _wrap_info(package_id: str) -> bytes:
    return f"{FORMAT} wrap|{package_id}".encode()


def _wrap_aad(package_id: str, key_id: str, role: str) -> bytes:
    return f"{FORMAT} wrap|{package_id}|{key_id}|{role}".encode()


def _wrap_kek(shared: bytes, eph_pub: bytes, rcpt_pub: bytes, package_id: str) -> tuple[bytes, bytes]:
    okm = HKDF(hashes.SHA256(), length=44, salt=eph_pub + rcpt_pub, info=_wrap_info(package_id)).derive(
        shared
    )
    return okm[:32], okm[32:]


def _wrap_key(file_key: bytes, rcpt: PublicKeys, role: str, package_id: str) -> dict[str, str]:
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    rcpt_pub = _unb64(rcpt.enc_public)
    kek, nonce = _wrap_kek(eph.exchange(rcpt.enc_key()), eph_pub, rcpt_pub, package_id)
    wrapped = AESGCM(kek).encrypt(nonce, file_key, _wrap_aad(package_id, rcpt.key_id(), role))
    return {
        "key_id": rcpt.key_id(),
        "role": role,
        "wrapped_key": _b64(wrapped),
        "ephemeral_public": _b64(eph_pub),
    }


def _unwrap_key(entry: Mapping[str, str], me: NodeKeys, package_id: str) -> bytes:
    try:
        eph_pub = _unb64(entry["ephemeral_public"], 32)
        shared = me.enc_private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        my_pub = _unb64(me.public().enc_public)
        kek, nonce = _wrap_kek(shared, eph_pub, my_pub, package_id)
        key = AESGCM(kek).decrypt(
            nonce, _unb64(entry["wrapped_key"]), _wrap_aad(package_id, entry["key_id"], entry["role"])
        )
    except (ValueError, InvalidTag) as exc:
        raise PackageError("decrypt_failed", detail=f"unwrap: {type(exc).__name__}") from exc
    if len(key) != 32:
        raise PackageError("decrypt_failed", detail="file key length")
    return key


# -- the canonical outer ZIP -----------------------------------------------------------------------------------
def _zipinfo(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    zi.compress_type = zipfile.ZIP_STORED
    zi.create_system = 3
    zi.create_version = _VERSION
    zi.extract_version = _VERSION
    zi.external_attr = _EXT_ATTR
    return zi


def _local_header(name: bytes, crc: int, size: int) -> bytes:
    return (
        _LOCAL.pack(
            b"PK\x03\x04",
            _VERSION,
            0,
            0,
            zipfile.ZIP_STORED,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            size,
            size,
            len(name),
            0,
        )
        + name
    )


def _central_record(name: bytes, crc: int, size: int, offset: int) -> bytes:
    return (
        _CENTRAL.pack(
            b"PK\x01\x02",
            _VERSION,
            3,
            _VERSION,
            0,
            0,
            zipfile.ZIP_STORED,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            size,
            size,
            len(name),
            0,
            0,
            0,
            0,
            _EXT_ATTR,
            offset,
        )
        + name
    )


@dataclass(frozen=True)
class _Entry:
    name: str
    offset: int  # of the data
    size: int
    crc: int


def _read_at(f: BinaryIO, offset: int, size: int) -> bytes:
    f.seek(offset)
    data = f.read(size)
    if len(data) != size:
        raise PackageError("truncated", detail="short read")
    return data


def _unsafe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or ":" in name or name.startswith("/"):
        return True
    if any(ord(c) < 32 for c in name):
        return True
    parts = name.rstrip("/").split("/")
    if any(p.split(".", 1)[0].upper() in _WINDOWS_DEVICES for p in parts):
        return True
    return any(p in ("", ".", "..") or p != p.rstrip(". ") for p in parts)


def _structure(f: BinaryIO, size: int, limits: Limits) -> dict[str, _Entry]:
    """Check the outer ZIP before reading any content; return where each of the three entries' data is."""
    if size == 0:
        raise PackageError("truncated", translate("services.sync.container", "The package file is empty (0 bytes): it may not have finished copying. Copy the package file again."))
    if size > limits.max_package_bytes:
        raise PackageError("too_large", detail=f"{size} bytes")
    head = _read_at(f, 0, min(4, size))
    if not b"PK\x03\x04".startswith(head):
        raise PackageError("not_a_package", detail="no ZIP signature")
    if size < 22 or _read_at(f, size - 22, 22)[:4] != b"PK\x05\x06":
        raise PackageError("truncated", detail="no end-of-archive record at the end of the file")
    f.seek(0)
    try:
        zf = zipfile.ZipFile(f)
    except OSError as exc:
        raise PackageError("truncated", detail=f"read error: {exc}") from exc
    except Exception as exc:  # zipfile parsing untrusted bytes: any failure means a damaged directory
        raise PackageError("tampered", detail=f"zip directory: {type(exc).__name__}: {exc}") from exc
    infos = zf.infolist()
    names = [zi.filename for zi in infos]
    if any(_unsafe_name(n) for n in names):
        raise PackageError("unsafe_zip", detail=f"unsafe name among {names[:5]!r}")
    if sorted(names) != sorted(ENTRY_ORDER):
        raise PackageError("unsafe_zip", detail=f"entries {names[:10]!r}")
    if any(zi.compress_type != zipfile.ZIP_STORED for zi in infos):
        raise PackageError("unsafe_zip", detail="compressed outer entry")
    by = {zi.filename: zi for zi in infos}
    if by[MANIFEST].file_size > limits.max_manifest_bytes:
        raise PackageError("too_large", detail="manifest too large")
    if by[PAYLOAD].file_size > limits.max_payload_bytes:
        raise PackageError("too_large", detail="payload too large")
    if names != list(ENTRY_ORDER):
        raise PackageError("tampered", detail=f"entry order {names!r}")
    # Canonical layout: every header byte must be what the writer writes.
    pos = 0
    central = bytearray()
    entries: dict[str, _Entry] = {}
    for zi in infos:
        raw_name = zi.filename.encode("ascii")
        if zi.header_offset != pos or zi.file_size != zi.compress_size:
            raise PackageError("tampered", detail=f"{zi.filename}: offsets")
        expected = _local_header(raw_name, zi.CRC, zi.file_size)
        if _read_at(f, pos, len(expected)) != expected:
            raise PackageError("tampered", detail=f"{zi.filename}: local header")
        central += _central_record(raw_name, zi.CRC, zi.file_size, pos)
        entries[zi.filename] = _Entry(zi.filename, pos + len(expected), zi.file_size, zi.CRC)
        pos += len(expected) + zi.file_size
    central += _END.pack(b"PK\x05\x06", 0, 0, len(infos), len(infos), len(central), pos, 0)
    if pos + len(central) != size or _read_at(f, pos, len(central)) != bytes(central):
        raise PackageError("tampered", detail="central directory not canonical")
    return entries


def _read_entry(f: BinaryIO, e: _Entry) -> bytes:
    data = _read_at(f, e.offset, e.size)
    if zlib.crc32(data) != e.crc:
        raise PackageError("tampered", detail=f"{e.name}: CRC")
    return data


def _parse_manifest(raw: bytes) -> Manifest:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackageError("bad_manifest", detail=str(exc)) from exc
    if not isinstance(doc, dict):
        raise PackageError("bad_manifest", detail="not an object")
    fmt, schema = doc.get("format"), doc.get("schema_version")
    if not isinstance(fmt, str) or not fmt.startswith("cbpkg/"):
        raise PackageError("not_a_package", detail=f"format {fmt!r}")
    if fmt != FORMAT:
        version = fmt.split("/", 1)[1]
        if version.isdigit() and int(version) > 1:
            raise PackageError("schema_too_new", detail=f"format {fmt}")
        raise PackageError("bad_manifest", detail=f"format {fmt!r}")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION:
        raise PackageError("schema_too_new", detail=f"schema {schema} > {SCHEMA_VERSION}")
    m = Manifest.from_bytes(raw)
    if m.schema_version < 1:
        raise PackageError("bad_manifest", detail="schema version")
    return m


def _verify(m: Manifest, sig: bytes, known_senders: Mapping[str, PublicKeys]) -> None:
    key = known_senders.get(m.from_node)
    if key is None:
        raise PackageError("unknown_sender", detail=f"from_node {m.from_node}")
    if key.key_id() != m.sender_key_id:
        raise PackageError(
            "bad_signature",
            translate("services.sync.container", "The package was signed with a key other than the registered key of the sending unit. Do not import it; contact the sending unit to compare the key fingerprint again."),
            detail=f"key id {m.sender_key_id} != {key.key_id()}",
        )
    if len(sig) != 64 or not key.verify(sig, m.raw_bytes):
        raise PackageError("bad_signature")


def _inspect(
    f: BinaryIO, size: int, known_senders: Mapping[str, PublicKeys] | None, limits: Limits
) -> tuple[Manifest, dict[str, _Entry]]:
    entries = _structure(f, size, limits)
    raw = _read_entry(f, entries[MANIFEST])
    sig = _read_entry(f, entries[SIGNATURE])
    m = _parse_manifest(raw)
    if known_senders is not None:
        _verify(m, sig, known_senders)
    if m.payload_size != entries[PAYLOAD].size:
        raise PackageError("tampered", detail="payload size differs from the manifest")
    return m, entries


def _file_sha256(f: BinaryIO) -> str:
    f.seek(0)
    h = hashlib.sha256()
    while block := f.read(_BLOCK):
        h.update(block)
    return h.hexdigest()


def _hash_pass(f: BinaryIO, e: _Entry) -> tuple[str, str, int]:
    """One sequential read: sha256 of the whole file, and sha256 + CRC-32 of entry ``e``'s data."""
    f.seek(0)
    whole, part, crc, pos = hashlib.sha256(), hashlib.sha256(), 0, 0
    end = e.offset + e.size
    while block := f.read(_BLOCK):
        whole.update(block)
        lo, hi = max(pos, e.offset), min(pos + len(block), end)
        if lo < hi:
            view = memoryview(block)[lo - pos : hi - pos]
            part.update(view)
            crc = zlib.crc32(view, crc)
        pos += len(block)
    if pos < end:
        raise PackageError("truncated", detail="short file")
    return whole.hexdigest(), part.hexdigest(), crc


def _open_for_read(path: Path) -> tuple[BinaryIO, int]:
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed by the caller
        size = os.fstat(f.fileno()).st_size
    except FileNotFoundError as exc:
        raise PackageError("not_a_package", translate("services.sync.container", "Package file not found: {path}").format(path=path), detail=str(exc)) from exc
    except OSError as exc:
        raise PackageError(
            "truncated",
            translate("services.sync.container", "Cannot read the package file {name}: {error}.").format(name=path.name, error=exc.strerror or exc),
            detail=str(exc),
        ) from exc
    return cast(BinaryIO, f), size


def read_manifest(
    path: Path, *, known_senders: Mapping[str, PublicKeys] | None, limits: Limits = Limits()
) -> tuple[Manifest, str]:
    """Check the structure, parse the manifest and (unless ``known_senders`` is None) verify its signature.

    Returns the manifest and the sha256 of the whole file. Nothing is decrypted. ``known_senders=None`` skips
    the signature: only for ``keys`` packages and for showing a file before its sender's key is known.
    """
    f, size = _open_for_read(Path(path))
    with f:
        m, _ = _inspect(f, size, known_senders, limits)
        try:
            return m, _file_sha256(f)
        except OSError as exc:
            raise PackageError("truncated", detail=str(exc)) from exc


# -- writing ---------------------------------------------------------------------------------------------------
def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _drop_cache(f: BinaryIO) -> None:
    """Ask the OS to forget its cached copy so the read-back really reads the stick (Linux)."""
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def _write_error(exc: OSError) -> PackageError:
    if exc.errno == errno.ENOSPC:
        return PackageError(
            "write_failed",
            translate("services.sync.container", "The USB (or the target folder) is full, so the package could not be written. Delete some files or use another USB, then export again."),
            detail=str(exc),
        )
    return PackageError("write_failed", detail=f"{type(exc).__name__}: {exc}")


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _payload_files(payload_dir: Path) -> list[tuple[Path, str, int]]:
    """Every regular file under ``payload_dir`` (sorted), with its archive name and size."""
    out: list[tuple[Path, str, int]] = []
    if not payload_dir.is_dir():
        raise PackageError("disk_error", translate("services.sync.container", "The package's data folder was not found: {path}.").format(path=payload_dir))
    try:
        for p in sorted(payload_dir.rglob("*")):
            if p.is_symlink():
                raise PackageError("disk_error", translate("services.sync.container", "The package's data folder contains a symbolic link: {name}.").format(name=p.name))
            if p.is_file():
                arc = p.relative_to(payload_dir).as_posix()
                if _unsafe_name(arc):
                    raise PackageError("disk_error", translate("services.sync.container", "File name not usable in a package: {name}").format(name=arc))
                out.append((p, arc, p.stat().st_size))
    except OSError as exc:
        raise PackageError("disk_error", detail=str(exc)) from exc
    return out


_SAMPLE = 64 * 1024


def _incompressible(sample: bytes) -> bool:
    """True when a sample of a file does not shrink (JPEG, PDF, ZIP…): it is then stored, not deflated."""
    return len(zlib.compress(sample, 1)) > 0.95 * len(sample)


def zip_payload_dir(
    payload_dir: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Callable[[IO[bytes]], None]:
    """A ``write_inner`` for ``write_package_stream``: deflates every file under ``payload_dir``."""
    files = _payload_files(Path(payload_dir))
    total = sum(s for _, _, s in files)

    def write_inner(sink: IO[bytes]) -> None:
        done = 0
        with zipfile.ZipFile(
            sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=INNER_COMPRESSLEVEL
        ) as zf:
            for path, arc, size in files:
                try:
                    src = open(path, "rb")  # noqa: SIM115
                    target: str | zipfile.ZipInfo = arc
                    if size >= 4096 and _incompressible(src.read(_SAMPLE)):
                        # scans and photos are already compressed: deflating them again only costs time
                        target = zipfile.ZipInfo(arc, date_time=time.localtime()[:6])
                        target.compress_type = zipfile.ZIP_STORED
                    src.seek(0)
                except OSError as exc:
                    raise PackageError("disk_error", detail=str(exc)) from exc
                with src, zf.open(target, "w", force_zip64=size > (1 << 30)) as dest:
                    while True:
                        if cancel is not None and cancel():
                            raise PackageError("cancelled")
                        try:
                            block = src.read(_BLOCK)
                        except OSError as exc:
                            raise PackageError("disk_error", detail=str(exc)) from exc
                        if not block:
                            break
                        dest.write(block)
                        done += len(block)
                        if progress is not None:
                            progress(done, total)
        if progress is not None:
            progress(total, total)

    return write_inner


def _check_out_name(out_dir: Path, file_name: str) -> Path:
    if (
        not file_name
        or "/" in file_name
        or "\\" in file_name
        or file_name in (".", "..")
        or _unsafe_name(file_name)
    ):
        raise PackageError("write_failed", translate("services.sync.container", "Invalid package file name: {name}.").format(name=repr(file_name)))
    if not out_dir.is_dir():
        raise PackageError(
            "write_failed",
            translate("services.sync.container", "The folder or USB to write the package to was not found: {path}. Plug in the USB and choose where to save again.").format(path=out_dir),
        )
    return out_dir / file_name


def _write_container(
    out_dir: Path,
    file_name: str,
    sender: NodeKeys,
    header: dict[str, Any],
    fill_payload: Callable[[IO[bytes]], tuple[str, int, str, int]],
) -> WrittenPackage:
    """Write payload.bin (via ``fill_payload``), then the manifest and its signature, safely (tmp → rename)."""
    out_dir = Path(out_dir)
    final = _check_out_name(out_dir, file_name)
    canonical_json(header)  # a value JSON cannot carry fails now, not after the whole payload is written
    tmp = out_dir / (file_name + ".tmp")
    placed = False
    try:
        fh = open(tmp, "wb")  # noqa: SIM115 - closed in the finally below, also on errors
        try:
            zf = zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=False)
            try:
                with zf.open(_zipinfo(PAYLOAD), "w") as dest:
                    payload_sha, payload_size, inner_sha, inner_size = fill_payload(dest)
                header["payload"] = {
                    "sha256": payload_sha,
                    "size": payload_size,
                    "inner_sha256": inner_sha,
                    "inner_size": inner_size,
                }
                raw = canonical_json(header)
                manifest = _manifest_from_obj(json.loads(raw), raw)
                zf.writestr(_zipinfo(MANIFEST), raw)
                zf.writestr(_zipinfo(SIGNATURE), sender.sign(raw))
                zf.close()
            finally:
                if zf.fp is not None:  # failed half-way: let go of the file without another write error
                    with contextlib.suppress(Exception):
                        zf.close()
            fh.flush()
            os.fsync(fh.fileno())
        finally:
            fh.close()
        os.replace(tmp, final)
        placed = True
        _fsync_dir(out_dir)
        with open(final, "rb") as rf:
            _drop_cache(cast(BinaryIO, rf))
            size = os.fstat(rf.fileno()).st_size
            try:
                m2, entries = _inspect(cast(BinaryIO, rf), size, {sender.node_id: sender.public()}, Limits())
                e = entries[PAYLOAD]
                sha, payload_back, crc = _hash_pass(cast(BinaryIO, rf), e)
            except PackageError as exc:
                raise PackageError(
                    "write_failed",
                    translate("services.sync.container", "The package written to the USB was wrong when read back for checking (the USB may be faulty). Use another USB and export again."),
                    detail=f"read-back: {exc.code} {exc.detail}",
                ) from exc
            if payload_back != payload_sha or crc != e.crc or m2.raw_bytes != raw:
                raise PackageError(
                    "write_failed",
                    translate("services.sync.container", "The package written to the USB was wrong when read back for checking (the USB may be faulty). Use another USB and export again."),
                    detail="read-back hash differs",
                )
        return WrittenPackage(path=final, sha256=sha, manifest=manifest, size=size)
    except OSError as exc:
        _remove_quietly(tmp)
        if placed:
            _remove_quietly(final)
        raise _write_error(exc) from exc
    except BaseException:
        _remove_quietly(tmp)
        if placed:
            _remove_quietly(final)
        raise


def _base_header(
    *,
    kind: str,
    from_node: str,
    to_node: str,
    epoch: int,
    seq: int,
    prev_package_sha256: str,
    sender: NodeKeys,
    sender_unit: str,
    recipient_unit: str,
    change_range: Mapping[str, Any],
    counts: Mapping[str, Any],
    extra: Mapping[str, Any],
    package_id: str,
) -> dict[str, Any]:
    if kind not in KINDS:
        raise ValueError(f"unknown package kind {kind!r}")
    return {
        "format": FORMAT,
        "kind": kind,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "package_id": package_id,
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "stream": {
            "from_node": from_node,
            "to_node": to_node,
            "epoch": epoch,
            "seq": seq,
            "prev_package_sha256": prev_package_sha256,
        },
        "sender": {"unit": _nfc(sender_unit), "key_id": sender.public().key_id()},
        "recipient": {"unit": _nfc(recipient_unit)},
        "range": dict(change_range),
        "counts": dict(counts),
        "extra": dict(extra),
    }


def write_package_stream(
    out_dir: Path,
    *,
    kind: str,
    from_node: str,
    to_node: str,
    epoch: int,
    seq: int,
    prev_package_sha256: str,
    sender: NodeKeys,
    recipients: Sequence[tuple[PublicKeys, str]],
    write_inner: Callable[[IO[bytes]], None],
    file_name: str,
    change_range: Mapping[str, Any],
    counts: Mapping[str, Any],
    extra: Mapping[str, Any],
    sender_unit: str,
    recipient_unit: str,
    limits: Limits = Limits(),
) -> WrittenPackage:
    """Like ``write_package`` but the inner archive bytes come from ``write_inner(sink)`` (e.g. forwarding)."""
    if kind == "keys":
        raise ValueError("keys packages are written by write_keys_package")
    if not recipients:
        raise ValueError("a package needs at least one recipient")
    package_id = new_id()
    wrapped: list[dict[str, str]] = []
    file_key = os.urandom(32)
    nonce_prefix = os.urandom(8)
    for pub, role in recipients:
        if role not in ROLES:
            raise ValueError(f"unknown recipient role {role!r}")
        if all(w["key_id"] != pub.key_id() for w in wrapped):
            wrapped.append(_wrap_key(file_key, pub, role, package_id))
    header = _base_header(
        kind=kind,
        from_node=from_node,
        to_node=to_node,
        epoch=epoch,
        seq=seq,
        prev_package_sha256=prev_package_sha256,
        sender=sender,
        sender_unit=sender_unit,
        recipient_unit=recipient_unit,
        change_range=change_range,
        counts=counts,
        extra=extra,
        package_id=package_id,
    )
    header["enc"] = {
        "alg": ENC_ALG,
        "chunk_size": CHUNK_SIZE,
        "nonce_prefix": _b64(nonce_prefix),
        "recipients": wrapped,
    }

    def fill(dest: IO[bytes]) -> tuple[str, int, str, int]:
        sink = _EncryptingSink(
            dest, file_key, nonce_prefix, package_id, min(limits.max_payload_bytes, _ZIP64_LIMIT)
        )
        write_inner(cast(IO[bytes], sink))
        sink.finish()
        return sink.sha.hexdigest(), sink.size, sink.plain_sha.hexdigest(), sink.plain_size

    return _write_container(Path(out_dir), file_name, sender, header, fill)


def write_package(
    out_dir: Path,
    *,
    kind: str,
    from_node: str,
    to_node: str,
    epoch: int,
    seq: int,
    prev_package_sha256: str,
    sender: NodeKeys,
    recipients: Sequence[tuple[PublicKeys, str]],
    payload_dir: Path,
    file_name: str,
    change_range: Mapping[str, Any],
    counts: Mapping[str, Any],
    extra: Mapping[str, Any],
    sender_unit: str,
    recipient_unit: str,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> WrittenPackage:
    """Zip ``payload_dir``, encrypt it to ``recipients`` ((keys, "parent"|"child"|"recovery")), sign, write safely.

    The file appears under ``file_name`` only once it is complete, synced and read back with a matching hash;
    on any failure (stick pulled out, full, cancelled) there is no file under that name and no ``.tmp`` left.
    ``progress(done, total)`` counts payload bytes; ``cancel()`` returning True stops with ``cancelled``.
    """
    return write_package_stream(
        out_dir,
        kind=kind,
        from_node=from_node,
        to_node=to_node,
        epoch=epoch,
        seq=seq,
        prev_package_sha256=prev_package_sha256,
        sender=sender,
        recipients=recipients,
        write_inner=zip_payload_dir(Path(payload_dir), progress, cancel),
        file_name=file_name,
        change_range=change_range,
        counts=counts,
        extra=extra,
        sender_unit=sender_unit,
        recipient_unit=recipient_unit,
    )


# -- opening ---------------------------------------------------------------------------------------------------
def _my_entry(m: Manifest, me: NodeKeys) -> dict[str, str]:
    my_id = me.public().key_id()
    mine = [r for r in m.recipients if r["key_id"] == my_id]
    if m.to_node == me.node_id:
        if mine:
            return mine[0]
        raise PackageError(
            "decrypt_failed",
            translate("services.sync.container", "The package is for this office but was encrypted with another key of the office (perhaps an old one). Send the current key package to the sender and ask them to export again."),
            detail=f"key {my_id} not among recipients",
        )
    recovery = [r for r in mine if r["role"] == "recovery"]
    if recovery:
        return recovery[0]
    raise PackageError("not_for_us", detail=f"to_node {m.to_node}, me {me.node_id}")


def _decrypt_payload(
    f: BinaryIO,
    m: Manifest,
    e: _Entry,
    key: bytes,
    out: IO[bytes],
    progress: Callable[[int, int], None] | None,
    total: int,
) -> str:
    """Decrypt payload.bin into ``out`` while hashing the whole file; returns the file's sha256."""
    chunk = m.enc.get("chunk_size")
    prefix_text = m.enc.get("nonce_prefix")
    if m.enc.get("alg") != ENC_ALG or not isinstance(chunk, int) or not (4096 <= chunk <= (16 << 20)):
        raise PackageError("bad_manifest", detail="encryption header")
    try:
        prefix = _unb64(prefix_text, 8)
    except ValueError as exc:
        raise PackageError("bad_manifest", detail="nonce prefix") from exc
    enc_chunk = chunk + TAG
    n = max(1, -(-e.size // enc_chunk))
    last_size = e.size - (n - 1) * enc_chunk
    if not (TAG <= last_size <= enc_chunk) or (last_size == TAG and n > 1):
        raise PackageError("tampered", detail="payload size does not fit the chunking")
    aes = AESGCM(key)
    file_hash, payload_hash, inner_hash = hashlib.sha256(), hashlib.sha256(), hashlib.sha256()
    crc, inner_size = 0, 0
    f.seek(0)
    file_hash.update(_read_at(f, 0, e.offset))
    for i in range(n):
        ct = f.read(enc_chunk if i < n - 1 else last_size)
        if len(ct) != (enc_chunk if i < n - 1 else last_size):
            raise PackageError("truncated", detail="short payload")
        file_hash.update(ct)
        payload_hash.update(ct)
        crc = zlib.crc32(ct, crc)
        try:
            plain = aes.decrypt(_chunk_nonce(prefix, i), ct, _chunk_aad(m.package_id, i, i == n - 1))
        except InvalidTag as exc:
            raise PackageError("tampered", detail=f"chunk {i} fails authentication") from exc
        inner_hash.update(plain)
        inner_size += len(plain)
        if inner_size > m.inner_size:
            raise PackageError("tampered", detail="inner archive longer than declared")
        out.write(plain)
        if progress is not None:
            progress(min(total, (i + 1) * enc_chunk), total)
    while block := f.read(_BLOCK):
        file_hash.update(block)
    if crc != e.crc or payload_hash.hexdigest() != m.payload_sha256:
        raise PackageError("tampered", detail="payload hash")
    if inner_size != m.inner_size or inner_hash.hexdigest() != m.inner_sha256:
        raise PackageError("tampered", detail="inner hash")
    return file_hash.hexdigest()


def _check_inner(zf: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_files:
        raise PackageError("too_large", detail=f"{len(infos)} files in the inner archive")
    seen: set[str] = set()
    total = 0
    compressed = 0
    for zi in infos:
        name = zi.filename
        if _unsafe_name(name):
            raise PackageError("unsafe_zip", detail=f"inner name {name!r}")
        folded = name.rstrip("/").casefold()
        if folded in seen:
            raise PackageError("unsafe_zip", detail=f"duplicate inner name {name!r}")
        seen.add(folded)
        if zi.flag_bits & 0x1 or zi.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageError("unsafe_zip", detail=f"{name!r}: encrypted or unknown compression")
        if zi.file_size > (1 << 20) and zi.file_size > limits.max_ratio * max(1, zi.compress_size):
            raise PackageError("unsafe_zip", detail=f"{name!r}: compression ratio (decompression bomb)")
        total += zi.file_size
        compressed += zi.compress_size
    # every parent of a file must not itself be a file
    files = {zi.filename.casefold() for zi in infos if not zi.is_dir()}
    for zi in infos:
        parts = zi.filename.rstrip("/").split("/")
        if any("/".join(parts[:k]).casefold() in files for k in range(1, len(parts))):
            raise PackageError("unsafe_zip", detail=f"{zi.filename!r} is inside a file")
    if total > limits.max_inner_total:
        raise PackageError("too_large", detail=f"inner archive expands to {total} bytes")
    if total > (1 << 20) and total > limits.max_ratio * max(1, compressed):
        raise PackageError("unsafe_zip", detail="overall compression ratio (decompression bomb)")
    return infos


def _extract(
    zf: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    root: Path,
    limits: Limits,
    progress: Callable[[int, int], None] | None,
    base: int,
    total: int,
) -> None:
    expanded = sum(zi.file_size for zi in infos) or 1
    written = 0
    root_resolved = root.resolve()
    for zi in infos:
        target = root.joinpath(*PurePosixPath(zi.filename.rstrip("/")).parts)
        if root_resolved not in target.resolve().parents:
            raise PackageError("unsafe_zip", detail=f"{zi.filename!r} escapes the folder")
        if zi.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        count = 0
        try:
            with zf.open(zi) as src, open(target, "xb") as dst:
                while block := src.read(_BLOCK):
                    count += len(block)
                    if count > zi.file_size:
                        raise PackageError(
                            "unsafe_zip", detail=f"{zi.filename!r} expands beyond its declared size"
                        )
                    dst.write(block)
                    written += len(block)
                    if progress is not None:
                        progress(base + (total - base) * written // expanded, total)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise PackageError("tampered", detail=f"{zi.filename!r}: {exc}") from exc
        if count != zi.file_size:
            raise PackageError("tampered", detail=f"{zi.filename!r}: size")


@dataclass
class _Staging:
    dir: Path

    def cleanup(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def open_package(
    path: Path,
    *,
    me: NodeKeys,
    known_senders: Mapping[str, PublicKeys],
    extract_to: Path,
    limits: Limits = Limits(),
    progress: Callable[[int, int], None] | None = None,
) -> OpenedPackage:
    """Verify, decrypt and extract a package into ``extract_to`` (which must not exist, or be empty).

    Checks in order: ZIP structure and sizes, manifest, signature of a known sender, that this office is a
    recipient (``to_node`` is us, or our key is the recovery recipient), the file key, every chunk, the payload
    and inner hashes, then the inner archive (names, file count, total size, ratio) before extracting. Work
    happens in a temporary folder next to ``extract_to``; on any failure nothing is left in ``extract_to``.
    """
    path, extract_to = Path(path), Path(extract_to)
    if extract_to.exists() and (not extract_to.is_dir() or any(extract_to.iterdir())):
        raise ValueError(f"extract_to must be absent or empty: {extract_to}")
    f, size = _open_for_read(path)
    with f:
        m, entries = _inspect(f, size, known_senders, limits)
        if m.kind == "keys" or m.enc.get("alg") == ENC_NONE:
            raise PackageError("bad_manifest", translate("services.sync.container", "This is a key package: import it with the key exchange function."))
        entry = _my_entry(m, me)
        key = _unwrap_key(entry, me, m.package_id)
        try:
            extract_to.parent.mkdir(parents=True, exist_ok=True)
            staging = _Staging(Path(tempfile.mkdtemp(prefix=".cbpkg-", dir=extract_to.parent)))
        except OSError as exc:
            raise PackageError("disk_error", detail=str(exc)) from exc
        try:
            inner = staging.dir / "inner.zip"
            total = 2 * max(1, m.payload_size)
            try:
                with open(inner, "wb") as out:
                    sha = _decrypt_payload(f, m, entries[PAYLOAD], key, out, progress, total)
            except OSError as exc:
                raise PackageError("disk_error", detail=str(exc)) from exc
            root = staging.dir / "root"
            try:
                root.mkdir()
                with zipfile.ZipFile(inner) as zf:
                    infos = _check_inner(zf, limits)
                    _extract(zf, infos, root, limits, progress, m.payload_size, total)
                inner.unlink()
                if extract_to.exists():
                    extract_to.rmdir()
                os.replace(root, extract_to)
            except OSError as exc:
                raise PackageError("disk_error", detail=str(exc)) from exc
            except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, NotImplementedError, RuntimeError,
                    EOFError, struct.error) as exc:  # fmt: skip
                raise PackageError(
                    "unsafe_zip", detail=f"inner archive: {type(exc).__name__}: {exc}"
                ) from exc
        finally:
            staging.cleanup()
    if progress is not None:
        progress(total, total)
    return OpenedPackage(manifest=m, sha256=sha, root=extract_to)


def iter_payload_files(root: Path) -> Iterator[Path]:
    """The extracted files of an opened package, sorted."""
    return iter(sorted(p for p in Path(root).rglob("*") if p.is_file()))


# -- keys packages ---------------------------------------------------------------------------------------------
def write_keys_package(
    out_dir: Path,
    keys: NodeKeys,
    *,
    to_node: str,
    unit_code: str,
    unit_name: str,
    file_name: str,
    unit_id: str = "",
    recovery: PublicKeys | None = None,
) -> WrittenPackage:
    """A ``keys`` package: this office's public keys (and optionally the province recovery key), self-signed,
    not encrypted. The receiving clerk compares the fingerprint with the sender by phone or on paper."""
    pub = keys.public()
    doc: dict[str, Any] = {
        "format": KEYS_JSON_FORMAT,
        **pub.to_dict(),
        "key_id": pub.key_id(),
        "fingerprint": pub.fingerprint(),
        "unit_id": unit_id,
        "unit_code": _nfc(unit_code),
        "unit_name": _nfc(unit_name),
        "recovery": recovery.to_dict() if recovery is not None else None,
    }
    body = canonical_json(doc)
    header = _base_header(
        kind="keys",
        from_node=keys.node_id,
        to_node=to_node,
        epoch=0,
        seq=0,
        prev_package_sha256="",
        sender=keys,
        sender_unit=unit_code,
        recipient_unit="",
        change_range={},
        counts={},
        extra={"unit_id": unit_id, "unit_name": _nfc(unit_name)},
        package_id=new_id(),
    )
    header["enc"] = {"alg": ENC_NONE, "recipients": []}

    def fill(dest: IO[bytes]) -> tuple[str, int, str, int]:
        sink = _PlainSink(dest)
        sink.write(body)
        return sink.sha.hexdigest(), sink.size, sink.sha.hexdigest(), sink.size

    return _write_container(Path(out_dir), file_name, keys, header, fill)


def read_keys_package_info(path: Path) -> KeysPackageInfo:
    """Read a ``keys`` package and check it is signed by the key it carries (self-signature)."""
    f, size = _open_for_read(Path(path))
    with f:
        m, entries = _inspect(f, size, None, Limits())
        if m.kind != "keys" or m.enc.get("alg") != ENC_NONE:
            raise PackageError(
                "bad_manifest", translate("services.sync.container", "This is not a key package: import it with the data package import function.")
            )
        if entries[PAYLOAD].size > (1 << 20):
            raise PackageError("too_large", detail="keys.json larger than 1 MiB")
        body = _read_entry(f, entries[PAYLOAD])
        sig = _read_entry(f, entries[SIGNATURE])
        if hashlib.sha256(body).hexdigest() != m.payload_sha256 or m.inner_sha256 != m.payload_sha256:
            raise PackageError("tampered", detail="keys.json hash")
        try:
            doc = json.loads(body.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != KEYS_JSON_FORMAT:
                raise ValueError("not a keys document")
            pub = PublicKeys.from_dict(doc)
            unit_code, unit_name = _req(doc, "unit_code", str), _req(doc, "unit_name", str)
            unit_id = _req(doc, "unit_id", str)
            rec = doc.get("recovery")
            recovery = PublicKeys.from_dict(rec) if rec is not None else None
        except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
            raise PackageError("bad_manifest", detail=f"keys.json: {exc}") from exc
        if pub.node_id != m.from_node:
            raise PackageError("bad_manifest", detail="node id differs from the manifest")
        _verify(m, sig, {m.from_node: pub})
        sha = _file_sha256(f)
    return KeysPackageInfo(
        public=pub,
        unit_id=unit_id,
        unit_code=unit_code,
        unit_name=unit_name,
        fingerprint=pub.fingerprint(),
        recovery=recovery,
        manifest=m,
        sha256=sha,
    )


def read_keys_package(path: Path) -> KeysPackageInfo:
    """The public keys, unit and fingerprint of a ``keys`` package whose self-signature checks out."""
    return read_keys_package_info(path)
