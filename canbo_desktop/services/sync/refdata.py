"""Reference data down: the office above sends its rule sets, code lists, grades, titles and org tree in a
``refdata`` package; the child previews it and applies it through ``importer.import_package``.

A refdata package is always complete (every row), so a lost one is simply replaced by the next. At the
child the office above is the authority for these rows (its version wins), except for the child's own units,
which the child decides.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from canbo_desktop.db import models as m
from canbo_desktop.db import sync as repo
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.sync import REFDATA_TABLES
from canbo_desktop.i18n import translate
from canbo_desktop.services.sync import container, keys, peers
from canbo_desktop.services.sync.export import ExportResult
from canbo_desktop.services.sync.payload import PayloadWriter


def export_refdata(uowf: UowFactory, *, to_node: str, out_dir: Path, passphrase: str) -> ExportResult:
    """Write the reference data package for child ``to_node`` (its node id or unit code)."""
    out_dir = Path(out_dir)
    now = datetime.now().replace(microsecond=0)
    with uowf() as uow, tempfile.TemporaryDirectory(prefix="canbo-sync-ref-") as tmp:
        node = peers._node(uow)
        peer = peers.parent_peer(uow, to_node)
        if peer.relation != "child":
            raise CanboError(translate("services.sync.refdata", "A reference data package is sent only down to a child unit."))
        nk = keys.load_local_keys(uow, passphrase)
        recovery = keys.recovery_key(uow)
        own = uow.session.get(m.OrgUnitRecord, node.unit_id)
        child_unit = uow.session.get(m.OrgUnitRecord, peer.unit_id) if peer.unit_id else None
        assert own is not None
        conn = uow.session.connection()
        w = PayloadWriter(Path(tmp) / "payload")
        rows = 0
        for table in REFDATA_TABLES:
            for r in repo.iter_rows(conn, table):
                w.change(table, r["id"], "D" if r.get("deleted") else "I", int(r["rev"]), 0, r["hlc"], r["origin_node"],
                         (), r.get("updated_by", ""), r)
                rows += 1
        w.close()
        seq = peer.next_out_package
        recipients: list[tuple[keys.PublicKeys, str]] = [(peers.public_of(peer), "parent")]
        if recovery is not None:
            recipients.append((recovery, "recovery"))
        written = container.write_package(
            out_dir, kind="refdata", from_node=node.node_id, to_node=peer.node_id, epoch=node.epoch, seq=seq,
            prev_package_sha256="", sender=nk, recipients=recipients, payload_dir=Path(tmp) / "payload",
            file_name=container.package_file_name(own.code, child_unit.code if child_unit else "CAPDUOI", seq, now),
            change_range={}, counts=dict(w.counts), extra={"kind_label": "danh mục"},  # i18n: data
            sender_unit=own.code, recipient_unit=child_unit.code if child_unit else "")
        counts = dict(w.counts)
        epoch, child_name = node.epoch, child_unit.name if child_unit else ""
    with uowf() as uow:
        uow.session.add(m.SyncPackageRecord(package_id=written.manifest.package_id, direction="out",
                                            peer_node_id=peer.node_id, kind="refdata", epoch=epoch, seq=seq,
                                            sha256=written.sha256, status="sent", at=now, counts=counts,
                                            file_name=written.path.name))
        repo.update_peer(uow.session, peer.node_id, next_out_package=seq + 1)
        uow.audit("sync_refdata_out", "sync_package", written.manifest.package_id, {"to": peer.node_id, "rows": rows})
        uow.commit()
    return ExportResult(written.path, written.manifest.package_id, seq, "refdata", peer.node_id,
                        child_name, counts, rows, written.sha256, written.size, None, {},
                        translate("services.sync.refdata", "Wrote reference data package no. {seq} ({rows} records) to “{path}”.").format(
                            seq=seq, rows=rows, path=written.path))
