"""Office keys for USB sync: sealing under a passphrase, fingerprints, storage in the office database."""

from __future__ import annotations

import base64
import json
import re
import time
import unicodedata

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.services.database import Database
from canbo_desktop.services.sync import keys as K

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def _fixed_keys() -> K.NodeKeys:
    return K.NodeKeys(
        node_id="0190a000-0000-7000-8000-000000000001",
        sign_private=Ed25519PrivateKey.from_private_bytes(bytes(range(32))),
        enc_private=X25519PrivateKey.from_private_bytes(bytes(range(32, 64))),
    )


def test_seal_and_open_round_trip_gives_working_keys() -> None:
    keys = K.generate_keys("node-1")
    blob = K.seal_keys(keys, "Cụm mật khẩu dài của văn phòng")
    back = K.open_keys(blob, "Cụm mật khẩu dài của văn phòng")
    assert back.node_id == "node-1"
    assert back.public() == keys.public()
    # the unsealed keys really are the same keys: they sign and agree on a shared secret
    assert keys.public().verify(back.sign(b"du lieu"), b"du lieu")
    peer = X25519PrivateKey.generate()
    assert back.enc_private.exchange(peer.public_key()) == peer.exchange(keys.public().enc_key())
    # the private keys are not readable in the sealed blob
    raw_sign = base64.b64encode(keys.sign_private.private_bytes_raw())
    assert raw_sign not in blob
    assert json.loads(blob)["format"] == "cbkeys/1"


def test_wrong_passphrase_is_refused_in_vietnamese() -> None:
    blob = K.seal_keys(K.generate_keys("n"), "đúng rồi")
    with pytest.raises(K.KeyError_) as ei:
        K.open_keys(blob, "sai rồi")
    assert ei.value.code == "bad_passphrase"
    assert ei.value.message.startswith("Sai cụm mật khẩu khoá")


def test_passphrase_typed_in_another_unicode_form_still_opens() -> None:
    """Vietnamese keyboards may send decomposed (NFD) characters; the same visible passphrase must work."""
    keys = K.generate_keys("n")
    blob = K.seal_keys(keys, unicodedata.normalize("NFD", "Phường Bến Nghé"))
    assert K.open_keys(blob, unicodedata.normalize("NFC", "Phường Bến Nghé")).public() == keys.public()


def test_empty_passphrase_is_refused() -> None:
    with pytest.raises(K.KeyError_) as ei:
        K.seal_keys(K.generate_keys("n"), "")
    assert ei.value.code == "empty_passphrase"


@pytest.mark.parametrize("where", ["ciphertext", "header_public", "salt"])
def test_damaged_blob_is_refused(where: str) -> None:
    keys = K.generate_keys("n")
    doc = json.loads(K.seal_keys(keys, "mk"))
    if where == "ciphertext":
        ct = bytearray(base64.b64decode(doc["ciphertext"]))
        ct[5] ^= 1
        doc["ciphertext"] = base64.b64encode(bytes(ct)).decode()
    elif where == "header_public":
        doc["public"] = K.generate_keys("n").public().to_dict()  # someone swaps the public half
    else:
        doc["kdf"]["salt"] = base64.b64encode(b"0123456789abcdef").decode()
    with pytest.raises(K.KeyError_) as ei:
        K.open_keys(json.dumps(doc).encode(), "mk")
    assert VIETNAMESE.search(ei.value.message)


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        b"not json",
        b"{}",
        b'{"format":"cbkeys/1"}',
        b"\xff\xfe",
        b'{"format":"cbkeys/9","ciphertext":""}',
    ],
)
def test_garbage_blob_is_damaged_not_a_crash(blob: bytes) -> None:
    with pytest.raises(K.KeyError_) as ei:
        K.open_keys(blob, "mk")
    assert ei.value.code == "damaged"
    assert "bị hỏng" in ei.value.message


def test_hostile_kdf_parameters_are_refused_without_doing_the_work() -> None:
    doc = json.loads(K.seal_keys(K.generate_keys("n"), "mk"))
    doc["kdf"]["m"] = 64 * 1024 * 1024  # 64 GiB of memory
    started = time.monotonic()
    with pytest.raises(K.KeyError_) as ei:
        K.open_keys(json.dumps(doc).encode(), "mk")
    assert ei.value.code == "damaged"
    assert time.monotonic() - started < 1.0


def test_fingerprint_format_and_stability() -> None:
    pub = _fixed_keys().public()
    fp = pub.fingerprint()
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", fp)
    # the same keys always give the same fingerprint (it is printed on paper and read over the phone)
    assert fp == "3619 E750 A2DD 52BA 9788 07B2 A00D F56D"
    assert pub.key_id() == "3619e750a2dd52ba"
    assert pub.key_id() == fp.replace(" ", "")[:16].lower()
    assert K.generate_keys("x").public().fingerprint() != fp


def test_public_keys_fit_the_peer_table_and_round_trip_as_json() -> None:
    pub = K.generate_keys("node").public()
    assert len(pub.sign_public) <= 100 and len(pub.enc_public) <= 100
    assert K.PublicKeys.from_dict(json.loads(json.dumps(pub.to_dict()))) == pub
    with pytest.raises(ValueError):
        K.PublicKeys.from_dict({"node_id": "n", "sign_public": "AAAA", "enc_public": pub.enc_public})
    with pytest.raises(ValueError):
        K.PublicKeys.from_dict(["not", "a", "dict"])


def test_private_keys_never_appear_in_repr() -> None:
    keys = _fixed_keys()
    assert "key_id" in repr(keys)
    assert "Ed25519PrivateKey" not in repr(keys)


# -- storage in the office database ----------------------------------------------------------------------------
def test_keys_stored_in_the_database_need_the_passphrase(empty_db: Database) -> None:
    uowf = empty_db.uow("quantri")
    keys = K.generate_keys("node-A")
    with uowf() as uow:
        assert K.local_public_keys(uow) is None
        assert not K.has_local_keys(uow)
        with pytest.raises(K.KeyError_) as ei:
            K.load_local_keys(uow, "mk")
        assert ei.value.code == "no_keys"
        K.store_local_keys(uow, keys, "mật khẩu khoá")
        uow.commit()
    with uowf() as uow:
        assert K.local_public_keys(uow) == keys.public()  # without the passphrase
        assert K.load_local_keys(uow, "mật khẩu khoá").public() == keys.public()
        with pytest.raises(K.KeyError_):
            K.load_local_keys(uow, "mật khẩu sai")
        stored = uow.session.get(m.SettingRecord, K.SETTING_SEALED)
        assert stored is not None and isinstance(stored.value, str)
        priv = base64.b64encode(keys.sign_private.private_bytes_raw()).decode()
        assert priv not in json.dumps(
            [r.value for r in uow.session.scalars(select(m.SettingRecord))], ensure_ascii=False
        )
        actions = list(uow.session.scalars(select(m.AuditRecord.action)))
        assert "sync.keys.store" in actions


def test_change_passphrase_keeps_the_keys(empty_db: Database) -> None:
    uowf = empty_db.uow("quantri")
    keys = K.generate_keys("node-A")
    with uowf() as uow:
        K.store_local_keys(uow, keys, "cũ")
        uow.commit()
    with uowf() as uow:
        with pytest.raises(K.KeyError_):
            K.change_passphrase(uow, "không phải", "mới")
        K.change_passphrase(uow, "cũ", "mới")
        uow.commit()
    with uowf() as uow:
        assert K.load_local_keys(uow, "mới").public() == keys.public()
        with pytest.raises(K.KeyError_):
            K.load_local_keys(uow, "cũ")


def test_recovery_key_setting(empty_db: Database) -> None:
    uowf = empty_db.uow("quantri")
    rec = K.generate_keys("recovery")
    with uowf() as uow:
        assert K.recovery_key(uow) is None
        K.set_recovery_key(uow, rec.public())
        uow.commit()
    with uowf() as uow:
        assert K.recovery_key(uow) == rec.public()


def test_not_committed_means_not_stored(empty_db: Database) -> None:
    uowf = empty_db.uow("quantri")
    with uowf() as uow:
        K.store_local_keys(uow, K.generate_keys("n"), "mk")  # no commit: rolled back
    with uowf() as uow:
        assert K.local_public_keys(uow) is None


def test_production_keys_use_strong_argon2_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the test suite (CANBO_FAST_HASH=1) seals with cheap parameters; the blob records what was used."""
    monkeypatch.delenv("CANBO_FAST_HASH", raising=False)
    assert K._kdf_params() == {"t": 3, "m": 65536, "p": 4}
    monkeypatch.setenv("CANBO_FAST_HASH", "1")
    doc = json.loads(K.seal_keys(K.generate_keys("n"), "mk"))
    assert (doc["kdf"]["alg"], doc["kdf"]["t"], doc["kdf"]["m"]) == ("argon2id", 1, 1024)
