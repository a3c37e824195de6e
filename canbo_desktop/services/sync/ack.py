"""Acknowledgements: after importing a child's data the parent writes a signed ``ack`` package for the trip
back down; importing it at the child moves ``last_acked_seq`` (the rows leave "đã gửi, chưa xác nhận").

An ack is cumulative: it names the latest data package applied from that child (and the ones before it
that are still unacknowledged), so a lost ack is replaced by the next one. ``write_ack`` can be called again
from the sync page at any time (a new ack package, the same content).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db import sync as repo
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.errors import CanboError, NotFound
from canbo_desktop.i18n import translate
from canbo_desktop.services.sync import container, keys, peers
from canbo_desktop.services.sync.payload import PayloadWriter


@dataclass(frozen=True)
class AckResult:
    path: Path
    package_id: str
    seq: int
    acked: int  # data packages named


def write_ack(uowf: UowFactory, *, to_node: str, out_dir: Path, passphrase: str) -> AckResult:
    """Write the ack for every data package applied from child ``to_node`` (the recent ones)."""
    out_dir = Path(out_dir)
    with uowf() as uow:
        node = peers._node(uow)
        peer = repo.get_peer(uow.session, to_node)
        if peer is None or peer.relation != "child":
            raise NotFound(translate("services.sync.ack", "There is no such child unit."))
        nk = keys.load_local_keys(uow, passphrase)
        recovery = keys.recovery_key(uow)
        own = uow.session.get(m.OrgUnitRecord, node.unit_id)
        child_unit = uow.session.get(m.OrgUnitRecord, peer.unit_id) if peer.unit_id else None
        t = m.SyncPackageRecord
        applied = list(uow.session.scalars(
            select(t).where(t.peer_node_id == to_node, t.direction == "in", t.kind.in_(("delta", "full")),
                            t.status == "applied").order_by(t.at.desc(), t.seq.desc()).limit(50)))
        if not applied:
            raise CanboError(translate("services.sync.ack", "No data package from this unit has been imported yet: there is nothing to acknowledge."))
        acks = [{"package_id": p.package_id, "epoch": p.epoch, "seq": p.seq,
                 "to_change_seq": int((p.counts or {}).get("to_change_seq", 0) or 0),
                 "conflicts": int((p.counts or {}).get("hard", 0) or 0) + int((p.counts or {}).get("soft", 0) or 0),
                 "rejected": int((p.counts or {}).get("rejected", 0) or 0)} for p in applied]
        seq = peer.next_out_package
        assert own is not None
        own_code, child_code, epoch = own.code, child_unit.code if child_unit else "CAPDUOI", node.epoch
        my_node = node.node_id
    now = datetime.now().replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="canbo-sync-ack-") as tmp:
        w = PayloadWriter(Path(tmp) / "payload")
        w.json_file("ack.json", {"acks": acks, "from_unit": own_code, "at": now.isoformat()})
        w.close()
        recipients: list[tuple[keys.PublicKeys, str]] = [(peers.public_of(peer), "parent")]
        if recovery is not None:
            recipients.append((recovery, "recovery"))
        written = container.write_package(
            out_dir, kind="ack", from_node=my_node, to_node=to_node, epoch=epoch, seq=seq,
            prev_package_sha256="", sender=nk, recipients=recipients, payload_dir=Path(tmp) / "payload",
            file_name=container.package_file_name(own_code, child_code, seq, now),
            change_range={}, counts={"acks": len(acks)}, extra={"kind_label": "xác nhận"},  # i18n: data
            sender_unit=own_code, recipient_unit=child_code)
    with uowf() as uow:
        uow.session.add(m.SyncPackageRecord(package_id=written.manifest.package_id, direction="out", peer_node_id=to_node,
                                            kind="ack", epoch=epoch, seq=seq, sha256=written.sha256, status="sent",
                                            at=now, counts={"acks": len(acks), "package_ids": [a["package_id"] for a in acks]},
                                            file_name=written.path.name))
        repo.update_peer(uow.session, to_node, next_out_package=seq + 1)
        uow.audit("sync_ack_out", "sync_package", written.manifest.package_id, {"to": to_node, "acks": len(acks)})
        uow.commit()
    return AckResult(written.path, written.manifest.package_id, seq, len(acks))
