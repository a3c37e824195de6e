"""Setting up sync: this office's keys, the parent and children registered from ``keys`` packages, the
province's recovery key.

Registration also links the org tree: the parent creates the child's unit **with the child's own id**
under its own unit (refused if a unit with that code but another id already exists there: two records of
one office would split its people), and the child creates the parent's unit and hangs its own unit under
it — that change is an ordinary tracked edit, so the parent receives the link with the first package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db import sync as repo
from canbo_desktop.db.bulk import bulk_insert
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain.errors import CanboError, NotFound, ValidationError
from canbo_desktop.domain.sync import sender_actor
from canbo_desktop.i18n import translate
from canbo_desktop.services.sync import container, keys

RELATIONS = ("parent", "child", "recovery")


@dataclass(frozen=True)
class LocalKeysInfo:
    node_id: str
    unit_id: str
    unit_code: str
    unit_name: str
    fingerprint: str
    key_id: str
    has_recovery: bool
    recovery_fingerprint: str


@dataclass(frozen=True)
class PeerInfo:
    node_id: str
    relation: str
    unit_id: str
    unit_code: str
    unit_name: str
    fingerprint: str
    epoch: int
    last_sent_seq: int
    last_acked_seq: int
    next_out_package: int
    last_in_package: int
    unacked_rows: int  # rows sent, not yet acknowledged ("đã gửi, chưa xác nhận")
    pending_rows: int  # changed rows not yet acknowledged, sent or not
    last_out_at: datetime | None
    last_in_at: datetime | None


@dataclass(frozen=True)
class KeysPackageResult:
    path: Path
    fingerprint: str


def _node(uow: UnitOfWork) -> m.LocalNodeRecord:
    node = uow.node
    if node is None:
        raise CanboError(translate("services.sync.peers", "The database has not been set up for a unit: set it up before syncing."))
    return node


def _unit(uow: UnitOfWork, unit_id: str) -> m.OrgUnitRecord:
    unit = uow.session.get(m.OrgUnitRecord, unit_id)
    assert unit is not None
    return unit


def public_of(peer: repo.Peer) -> keys.PublicKeys:
    return keys.PublicKeys(peer.node_id, peer.sign_public_key, peer.enc_public_key)


def init_node_keys(uowf: UowFactory, passphrase: str, *, replace: bool = False) -> LocalKeysInfo:
    """Create this office's signing and encryption keys, sealed under ``passphrase``."""
    if len(passphrase or "") < 8:
        raise ValidationError(
            translate("services.sync.peers", "The sync key passphrase must have at least 8 characters."),
            {"passphrase": translate("services.sync.peers", "too short")},
        )
    with uowf() as uow:
        node = _node(uow)
        if keys.local_public_keys(uow) is not None and not replace:
            raise CanboError(
                translate("services.sync.peers", "The unit already has a sync key. A new key would make the other units not recognise its packages; if it is really needed, choose “replace the key” and send the key package to the parent unit again.")
            )
        nk = keys.generate_keys(node.node_id)
        keys.store_local_keys(uow, nk, passphrase)
        uow.audit("sync_keys_init", "local_node", node.node_id, {"fingerprint": nk.public().fingerprint()})
        uow.commit()
    info = local_keys_info(uowf)
    assert info is not None
    return info


def local_keys_info(uowf: UowFactory) -> LocalKeysInfo | None:
    """This office's key fingerprint (no passphrase needed), or None before ``init_node_keys``."""
    with uowf() as uow:
        node = uow.node
        pub = keys.local_public_keys(uow)
        if node is None or pub is None:
            return None
        unit = _unit(uow, node.unit_id)
        rec = keys.recovery_key(uow)
        return LocalKeysInfo(
            node.node_id,
            unit.id,
            unit.code,
            unit.name,
            pub.fingerprint(),
            pub.key_id(),
            rec is not None,
            rec.fingerprint() if rec else "",
        )


def export_keys_package(
    uowf: UowFactory, out_dir: Path, *, passphrase: str, to_node: str = ""
) -> KeysPackageResult:
    """Write this office's public keys (self-signed) for the office above or below."""
    with uowf() as uow:
        node = _node(uow)
        nk = keys.load_local_keys(uow, passphrase)
        unit = _unit(uow, node.unit_id)
        code, uname, uid = unit.code, unit.name, unit.id
        recovery = keys.recovery_key(uow)
    name = container.package_file_name(code, "KEYS", 0, datetime.now())
    written = container.write_keys_package(
        out_dir, nk, to_node=to_node, unit_code=code, unit_name=uname, unit_id=uid, file_name=name, recovery=recovery
    )
    return KeysPackageResult(written.path, nk.public().fingerprint())


def read_keys_file(path: Path) -> container.KeysPackageInfo:
    """What a keys package says (its self-signature checked): the GUI shows the fingerprint before importing."""
    return container.read_keys_package(Path(path))


def import_keys_package(uowf: UowFactory, path: Path, *, relation: str) -> PeerInfo:
    """Register the office whose keys package this is as ``relation`` (parent, child or the recovery key).

    The clerk must compare the returned fingerprint with the one the other office reads out."""
    if relation not in RELATIONS:
        raise ValidationError(
            translate("services.sync.peers", "The relation must be parent, child or recovery.")
        )
    info = read_keys_file(path)
    pub, unit_id, unit_code, unit_name, fingerprint = info.public, info.unit_id, info.unit_code, info.unit_name, info.fingerprint
    with uowf() as uow:
        node = _node(uow)
        if pub.node_id == node.node_id:
            raise CanboError(translate("services.sync.peers", "This is this unit's own key package, not another unit's."))
        if relation == "recovery":
            keys.set_recovery_key(uow, pub)
            uow.audit("sync_recovery_key", "setting", "", {"fingerprint": fingerprint})
            uow.commit()
            return PeerInfo(
                pub.node_id,
                "recovery",
                "",
                unit_code,
                unit_name,
                fingerprint,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                None,
                None,
            )
        if not unit_id:
            raise CanboError(
                translate("services.sync.peers", "The key package does not give the unit's identifier: export the key package again with the new version.")
            )
        conn = uow.session.connection()
        own = _unit(uow, node.unit_id)
        existing = uow.session.get(m.OrgUnitRecord, unit_id)
        if existing is None:
            same_code = repo.unit_by_code(conn, unit_code)
            if same_code is not None:
                raise CanboError(
                    translate("services.sync.peers", "A unit with code {code} (“{name}”) already exists here but is a different record from the unit that sent the key package. It was not registered, so as not to split one unit's records in two. Contact the administrator.").format(code=unit_code, name=same_code.name)
                )
            parent_id = own.id if relation == "child" else None
            parent_path = own.path if relation == "child" else "/"
            depth = own.depth + 1 if relation == "child" else 0
            # Written as the other office's row (its own id, rev 0, logged as coming from it): its first
            # package then fast-forwards the row instead of conflicting with this placeholder.
            bulk_insert(
                conn,
                "org_unit",
                (
                    "id",
                    "code",
                    "name",
                    "short_name",
                    "kind",
                    "parent_id",
                    "path",
                    "depth",
                    "sort_order",
                    "geo_code",
                    "place_name",
                    "parent_body_name",
                    "doc_symbol",
                    "rev",
                    "hlc",
                    "origin_node",
                    "updated_by",
                    "updated_at",
                    "deleted",
                ),
                [
                    (
                        unit_id,
                        unit_code,
                        unit_name,
                        "",
                        "khac",
                        parent_id,
                        f"{parent_path}{unit_id}/",
                        depth,
                        0,
                        "",
                        "",
                        "",
                        "",
                        0,
                        "",
                        pub.node_id,
                        "",
                        None,
                        False,
                    )
                ],
            )
            repo.log_changes(
                conn, [("org_unit", unit_id, "I", 0, 0, "", pub.node_id, [], sender_actor(pub.node_id))]
            )
        elif relation == "child" and existing.id == own.id:
            raise CanboError(translate("services.sync.peers", "This office's own unit cannot be registered as a child unit."))
        rec = uow.session.get(m.SyncPeerRecord, pub.node_id)
        if rec is None:
            rec = m.SyncPeerRecord(
                node_id=pub.node_id,
                relation=relation,
                epoch=0,
                last_sent_seq=0,
                last_acked_seq=0,
                next_out_package=1,
                last_in_package=0,
                last_in_sha256="",
            )
            uow.session.add(rec)
        rec.unit_id = unit_id
        rec.relation = relation
        rec.name = unit_name
        rec.sign_public_key = pub.sign_public
        rec.enc_public_key = pub.enc_public
        if relation == "parent":
            if info.recovery is not None and keys.recovery_key(uow) is None:
                keys.set_recovery_key(uow, info.recovery)  # the province's recovery key comes down with the parent's
            node.parent_node_id = pub.node_id
            node.parent_unit_id = unit_id
            uow.session.flush()
            if own.parent_id != unit_id:
                own.parent_id = unit_id  # a tracked edit: the parent learns where this office hangs
                uow.session.flush()
            repo.recompute_paths(conn)
        uow.audit(
            "sync_register_peer",
            "sync_peer",
            pub.node_id,
            {
                "relation": relation,
                "unit_code": unit_code,
                "unit_name": unit_name,
                "fingerprint": fingerprint,
            },
        )
        uow.commit()
    return peer_info(uowf, pub.node_id)


def _info(uow: UnitOfWork, p: repo.Peer) -> PeerInfo:
    conn = uow.session.connection()
    unit = uow.session.get(m.OrgUnitRecord, p.unit_id) if p.unit_id else None
    last_out = repo.last_package(uow.session, p.node_id, "out")
    last_in = repo.last_package(uow.session, p.node_id, "in")
    unacked = pending = 0
    if p.relation == "parent":
        # What a package carries: rows of the tables that go up, not those the parent itself sent down.
        from canbo_desktop.domain.sync import APPLY_ORDER, OWNER_PATH, SHARED_TABLES

        up = [t for t in APPLY_ORDER if t in OWNER_PATH or t in SHARED_TABLES]
        pending = repo.unacked_rows(conn, p.last_acked_seq, up, sender_actor(p.node_id))
        sent = max(p.last_sent_seq, p.last_acked_seq)
        unacked = repo.unacked_rows(conn, p.last_acked_seq, up, sender_actor(p.node_id), up_to=sent)
    return PeerInfo(
        p.node_id,
        p.relation,
        p.unit_id or "",
        unit.code if unit else "",
        unit.name if unit else p.name,
        public_of(p).fingerprint(),
        p.epoch,
        p.last_sent_seq,
        p.last_acked_seq,
        p.next_out_package,
        p.last_in_package,
        unacked,
        pending,
        last_out.at if last_out else None,
        last_in.at if last_in else None,
    )


def peer_info(uowf: UowFactory, node_id: str) -> PeerInfo:
    with uowf() as uow:
        p = repo.get_peer(uow.session, node_id)
        if p is None:
            raise NotFound(translate("services.sync.peers", "There is no such sync unit."))
        return _info(uow, p)


def list_peers(uowf: UowFactory) -> list[PeerInfo]:
    """The parent(s) and children registered here, with their stream positions."""
    with uowf() as uow:
        return [_info(uow, p) for p in repo.list_peers(uow.session)]


def known_senders(uow: UnitOfWork) -> dict[str, keys.PublicKeys]:
    return {p.node_id: public_of(p) for p in repo.list_peers(uow.session)}


def parent_peer(uow: UnitOfWork, to_node: str | None = None) -> repo.Peer:
    peers = repo.list_peers(uow.session)
    if to_node:
        for p in peers:
            if p.node_id == to_node or (p.unit_id and _unit_code(uow, p.unit_id) == to_node):
                return p
        raise NotFound(translate("services.sync.peers", "There is no sync unit “{unit}”. Import that unit's key package first.").format(unit=to_node))
    parents = [p for p in peers if p.relation == "parent"]
    node = _node(uow)
    for p in parents:
        if p.node_id == node.parent_node_id:
            return p
    if parents:
        return parents[0]
    raise CanboError(translate("services.sync.peers", "No parent unit is registered: import the parent unit's key package (Sync → Set-up)."))


def _unit_code(uow: UnitOfWork, unit_id: str) -> str:
    r = uow.session.scalars(select(m.OrgUnitRecord.code).where(m.OrgUnitRecord.id == unit_id)).first()
    return r or ""


def create_recovery_key(uowf: UowFactory, out_dir: Path, *, passphrase: str) -> tuple[Path, Path, str]:
    """For the province: make the recovery key pair; write its sealed private key (keep it offline, in a safe)
    and its keys package (every office imports it as ``recovery``); set it here too.
    Returns (sealed key file, keys package, fingerprint)."""
    if len(passphrase or "") < 12:
        raise ValidationError(
            translate("services.sync.peers", "The recovery key passphrase must have at least 12 characters."),
            {"passphrase": translate("services.sync.peers", "too short")},
        )
    rk = keys.generate_keys("recovery")
    out_dir.mkdir(parents=True, exist_ok=True)
    sealed = out_dir / f"khoa-khoi-phuc-{rk.public().key_id()}.cbkey"
    sealed.write_bytes(keys.seal_keys(rk, passphrase))
    with uowf() as uow:
        node = _node(uow)
        unit = _unit(uow, node.unit_id)
        code, uname = unit.code, unit.name
        keys.set_recovery_key(uow, rk.public())
        uow.audit(
            "sync_recovery_key", "setting", "", {"fingerprint": rk.public().fingerprint(), "created": True}
        )
        uow.commit()
    written = container.write_keys_package(
        out_dir,
        rk,
        to_node="",
        unit_code=code,
        unit_name=uname,
        unit_id="",
        file_name=container.package_file_name(code, "RECOVERY", 0, datetime.now()),
    )
    return sealed, written.path, rk.public().fingerprint()


def select_peer_unit(uow: UnitOfWork, node_id: str) -> m.OrgUnitRecord | None:
    p = uow.session.get(m.SyncPeerRecord, node_id)
    if p is None or not p.unit_id:
        return None
    return uow.session.get(m.OrgUnitRecord, p.unit_id)
