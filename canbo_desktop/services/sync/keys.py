"""The office keys for USB sync: an Ed25519 signing key and an X25519 encryption key per office.

API (stable; the sync engine and the GUI build on it)::

    @dataclass(frozen=True)
    class PublicKeys:                 # what a peer knows of another office
        node_id: str
        sign_public: str              # base64 of the raw 32-byte Ed25519 public key
        enc_public: str               # base64 of the raw 32-byte X25519 public key
        def key_id(self) -> str       # 16 lowercase hex: the start of sha256(sign_raw ‖ enc_raw)
        def fingerprint(self) -> str  # 8 groups of 4 upper-case hex (128 bits), "4F2A 9C1B 77E0 …"
        def to_dict(self) / from_dict(d) / verify(signature, data) -> bool

    @dataclass(frozen=True)
    class NodeKeys:                   # this office's private keys (never stored unencrypted)
        node_id: str
        sign_private: Ed25519PrivateKey
        enc_private: X25519PrivateKey
        def public(self) -> PublicKeys
        def sign(self, data: bytes) -> bytes

    generate_keys(node_id) -> NodeKeys         # the province's recovery key: generate_keys("recovery")
    seal_keys(keys, passphrase) -> bytes       # Argon2id + AES-256-GCM, versioned JSON ("cbkeys/1")
    open_keys(blob, passphrase) -> NodeKeys    # wrong passphrase / damaged blob -> KeyError_
    # in the (local, never synced) ``setting`` table of this office's database:
    store_local_keys(uow, keys, passphrase); load_local_keys(uow, passphrase) -> NodeKeys
    local_public_keys(uow) -> PublicKeys | None   # readable without the passphrase
    change_passphrase(uow, old, new)
    set_recovery_key(uow, pub); recovery_key(uow) -> PublicKeys | None

The fingerprint is the first 128 bits of the same digest whose first 64 bits are the key id, so the key id
printed in a package manifest is the first four groups of the fingerprint the clerks read to each other.
Eight groups are short enough to read over the phone and long enough that forging a key with the same
fingerprint is out of reach (a second pre-image of 128 bits).

The sealed blob carries its own Argon2id parameters (tests use cheap ones with ``CANBO_FAST_HASH=1``); a blob
whose parameters are absurd (a damaged or hostile file) is refused before any work is done.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from canbo_desktop.db import models as m
from canbo_desktop.db.uow import UnitOfWork
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate

SEALED_FORMAT = "cbkeys/1"
SETTING_SEALED = "sync.keys.sealed"
SETTING_PUBLIC = "sync.keys.public"
SETTING_RECOVERY = "sync.recovery_public"

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NO_ENC = serialization.NoEncryption()

# Argon2id (RFC 9106 "second recommended" profile) — and cheap parameters for the test suite.
_KDF_SLOW = {"t": 3, "m": 65536, "p": 4}
_KDF_FAST = {"t": 1, "m": 1024, "p": 1}
_KDF_MAX_T = 50
_KDF_MAX_M = 2 * 1024 * 1024  # KiB: 2 GiB; anything above is a damaged or hostile blob


class KeyError_(CanboError):  # noqa: N801 - the trailing underscore keeps it apart from builtins.KeyError
    """A key problem the clerk must act on: wrong passphrase, damaged key file, keys not set up."""

    def __init__(self, message: str, *, code: str = "bad_passphrase", detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.code = code


SyncKeyError = KeyError_

def _msg_passphrase() -> str:
    return translate("services.sync.keys", "Wrong sync key passphrase, or the saved key is damaged. Type the passphrase again (mind capital letters and Vietnamese accents); if it still does not work, restore the key from the backup.")


def _msg_damaged() -> str:
    return translate("services.sync.keys", "The saved sync key is damaged and cannot be read. Restore the key from the backup or create a new key.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, *, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not a base64 string")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("bad base64") from exc
    if size is not None and len(raw) != size:
        raise ValueError(f"expected {size} bytes, got {len(raw)}")
    return raw


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class PublicKeys:
    """The public half of an office's keys, as another office knows it."""

    node_id: str
    sign_public: str
    enc_public: str

    def __post_init__(self) -> None:
        _unb64(self.sign_public, size=32)
        _unb64(self.enc_public, size=32)

    def _digest(self) -> bytes:
        return hashlib.sha256(_unb64(self.sign_public) + _unb64(self.enc_public)).digest()

    def key_id(self) -> str:
        """A short stable id (16 lowercase hex) naming this pair of keys in manifests."""
        return self._digest()[:8].hex()

    def fingerprint(self) -> str:
        """Eight groups of four upper-case hex digits that two clerks read to each other to compare."""
        h = self._digest()[:16].hex().upper()
        return " ".join(h[i : i + 4] for i in range(0, len(h), 4))

    def sign_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(_unb64(self.sign_public))

    def enc_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(_unb64(self.enc_public))

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            self.sign_key().verify(signature, data)
        except InvalidSignature:
            return False
        return True

    def to_dict(self) -> dict[str, str]:
        return {"node_id": self.node_id, "sign_public": self.sign_public, "enc_public": self.enc_public}

    @classmethod
    def from_dict(cls, d: object) -> PublicKeys:
        """Parse what ``to_dict`` wrote; raises ``ValueError`` on anything else."""
        if not isinstance(d, dict):
            raise ValueError("public keys: not an object")
        node_id, sign, enc = d.get("node_id"), d.get("sign_public"), d.get("enc_public")
        if not isinstance(node_id, str) or not isinstance(sign, str) or not isinstance(enc, str):
            raise ValueError("public keys: missing fields")
        return cls(node_id=unicodedata.normalize("NFC", node_id), sign_public=sign, enc_public=enc)


@dataclass(frozen=True)
class NodeKeys:
    """This office's private keys. Only ever stored sealed under a passphrase."""

    node_id: str
    sign_private: Ed25519PrivateKey
    enc_private: X25519PrivateKey

    def public(self) -> PublicKeys:
        return PublicKeys(
            node_id=self.node_id,
            sign_public=_b64(self.sign_private.public_key().public_bytes(_RAW, _RAW_PUB)),
            enc_public=_b64(self.enc_private.public_key().public_bytes(_RAW, _RAW_PUB)),
        )

    def sign(self, data: bytes) -> bytes:
        return self.sign_private.sign(data)

    def __repr__(self) -> str:  # never print private material in a traceback or log
        return f"NodeKeys(node_id={self.node_id!r}, key_id={self.public().key_id()!r})"


def generate_keys(node_id: str) -> NodeKeys:
    """Fresh keys for an office (or ``generate_keys("recovery")`` for the province's recovery key)."""
    return NodeKeys(
        node_id=node_id, sign_private=Ed25519PrivateKey.generate(), enc_private=X25519PrivateKey.generate()
    )


def _kdf_params() -> dict[str, int]:
    return dict(_KDF_FAST if os.environ.get("CANBO_FAST_HASH") == "1" else _KDF_SLOW)


def _derive(passphrase: str, salt: bytes, t: int, mem: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret, salt, time_cost=t, memory_cost=mem, parallelism=p, hash_len=32, type=Type.ID
    )


def seal_keys(keys: NodeKeys, passphrase: str) -> bytes:
    """The private keys encrypted under ``passphrase`` (Argon2id → AES-256-GCM), as versioned UTF-8 JSON.

    The header (format, node, KDF parameters, salt, public keys) is authenticated as the AES-GCM associated
    data, so changing any of it makes the blob unreadable rather than silently different.
    """
    if not passphrase:
        raise KeyError_(translate("services.sync.keys", "The sync key passphrase must not be empty."), code="empty_passphrase")
    params = _kdf_params()
    salt = os.urandom(16)
    nonce = os.urandom(12)
    header: dict[str, Any] = {
        "format": SEALED_FORMAT,
        "node_id": keys.node_id,
        "public": keys.public().to_dict(),
        "kdf": {"alg": "argon2id", **params, "salt": _b64(salt)},
        "cipher": {"alg": "AES-256-GCM", "nonce": _b64(nonce)},
    }
    secret = _canonical(
        {
            "sign": _b64(keys.sign_private.private_bytes(_RAW, _RAW_PRIV, _NO_ENC)),
            "enc": _b64(keys.enc_private.private_bytes(_RAW, _RAW_PRIV, _NO_ENC)),
        }
    )
    key = _derive(passphrase, salt, params["t"], params["m"], params["p"])
    ct = AESGCM(key).encrypt(nonce, secret, _canonical(header))
    return _canonical({**header, "ciphertext": _b64(ct)})


def _parse_sealed(blob: bytes) -> tuple[dict[str, Any], bytes]:
    try:
        doc = json.loads(blob.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != SEALED_FORMAT:
            raise ValueError("not a sealed key blob")
        ct = _unb64(doc.pop("ciphertext"))
    except (ValueError, KeyError, UnicodeDecodeError, TypeError) as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc
    return doc, ct


def sealed_public_keys(blob: bytes) -> PublicKeys:
    """The public keys recorded (authenticated) in a sealed blob, without the passphrase."""
    doc, _ = _parse_sealed(blob)
    try:
        return PublicKeys.from_dict(doc.get("public"))
    except ValueError as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc


def open_keys(blob: bytes, passphrase: str) -> NodeKeys:
    """Unseal the private keys; a wrong passphrase or a damaged blob raises ``KeyError_``."""
    header, ct = _parse_sealed(blob)
    try:
        kdf, cipher = header["kdf"], header["cipher"]
        t, mem, p = kdf["t"], kdf["m"], kdf["p"]
        if kdf.get("alg") != "argon2id" or cipher.get("alg") != "AES-256-GCM":
            raise ValueError("unknown algorithm")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (t, mem, p)):
            raise ValueError("bad KDF parameters")
        if not (1 <= t <= _KDF_MAX_T and 1 <= p <= 64 and 8 * p <= mem <= _KDF_MAX_M):
            raise ValueError("KDF parameters out of range")
        salt = _unb64(kdf["salt"])
        nonce = _unb64(cipher["nonce"], size=12)
        node_id = header["node_id"]
        if not isinstance(node_id, str) or len(salt) < 8:
            raise ValueError("bad header")
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc
    key = _derive(passphrase, salt, t, mem, p)
    try:
        secret = AESGCM(key).decrypt(nonce, ct, _canonical(header))
    except InvalidTag as exc:
        raise KeyError_(_msg_passphrase(), code="bad_passphrase") from exc
    try:
        doc = json.loads(secret.decode("utf-8"))
        keys = NodeKeys(
            node_id=node_id,
            sign_private=Ed25519PrivateKey.from_private_bytes(_unb64(doc["sign"], size=32)),
            enc_private=X25519PrivateKey.from_private_bytes(_unb64(doc["enc"], size=32)),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc
    if header.get("public") != keys.public().to_dict():
        raise KeyError_(_msg_damaged(), code="damaged", detail="public keys do not match the private keys")
    return keys


# -- storage in this office's database (the ``setting`` table is local: it never leaves the office) -------------
def _get(uow: UnitOfWork, key: str) -> Any:
    rec = uow.session.get(m.SettingRecord, key)
    return rec.value if rec is not None else None


def _put(uow: UnitOfWork, key: str, value: Any) -> None:
    rec = uow.session.get(m.SettingRecord, key)
    if rec is None:
        uow.session.add(m.SettingRecord(key=key, value=value))
    else:
        rec.value = value


def store_local_keys(uow: UnitOfWork, keys: NodeKeys, passphrase: str) -> None:
    """Seal ``keys`` under ``passphrase`` and keep them (and their public half) in settings. No commit."""
    blob = seal_keys(keys, passphrase)
    pub = keys.public()
    old = local_public_keys(uow)
    _put(uow, SETTING_SEALED, _b64(blob))
    _put(uow, SETTING_PUBLIC, pub.to_dict())
    uow.audit(
        "sync.keys.store",
        "setting",
        SETTING_SEALED,
        {"key_id": pub.key_id(), "replaced_key_id": old.key_id() if old is not None else ""},
    )


def _sealed_blob(uow: UnitOfWork) -> bytes:
    value = _get(uow, SETTING_SEALED)
    if value is None:
        raise KeyError_(
            translate("services.sync.keys", "This office has no sync key yet. Go to Sync → Keys to create one first."), code="no_keys"
        )
    try:
        return _unb64(value)
    except ValueError as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc


def load_local_keys(uow: UnitOfWork, passphrase: str) -> NodeKeys:
    """This office's private keys, unsealed with ``passphrase``."""
    return open_keys(_sealed_blob(uow), passphrase)


def has_local_keys(uow: UnitOfWork) -> bool:
    return _get(uow, SETTING_SEALED) is not None


def change_passphrase(uow: UnitOfWork, old: str, new: str) -> None:
    """Re-seal the stored keys under a new passphrase (the keys themselves stay the same). No commit."""
    keys = load_local_keys(uow, old)
    _put(uow, SETTING_SEALED, _b64(seal_keys(keys, new)))
    uow.audit("sync.keys.passphrase", "setting", SETTING_SEALED, {"key_id": keys.public().key_id()})


def local_public_keys(uow: UnitOfWork) -> PublicKeys | None:
    """This office's public keys (no passphrase needed), or None before keys are set up."""
    value = _get(uow, SETTING_PUBLIC)
    if value is None:
        return None
    try:
        return PublicKeys.from_dict(value)
    except ValueError as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc


def set_recovery_key(uow: UnitOfWork, pub: PublicKeys) -> None:
    """Record the province recovery key: every package written from now on is also encrypted to it. No commit."""
    _put(uow, SETTING_RECOVERY, pub.to_dict())
    uow.audit("sync.recovery_key", "setting", SETTING_RECOVERY, {"key_id": pub.key_id()})


def recovery_key(uow: UnitOfWork) -> PublicKeys | None:
    value = _get(uow, SETTING_RECOVERY)
    if value is None:
        return None
    try:
        return PublicKeys.from_dict(value)
    except ValueError as exc:
        raise KeyError_(_msg_damaged(), code="damaged", detail=str(exc)) from exc
