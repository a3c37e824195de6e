"""Export: the rows the parent has not acknowledged (incremental) or every row of this office's subtree
(full), signed and encrypted into one ``.cbpkg`` on the USB stick, with a receipt PDF.

* Incremental = every ``sync_change_log`` entry after the last sequence the parent acknowledged, folded per
  row (the latest image, the lowest base revision, the union of changed fields). Rows sent but not yet
  acknowledged are sent again: importing is idempotent, and a lost stick loses nothing.
* Full = every synced row owned inside this office's subtree (and the shared rows: training courses);
  forced after a restore (a new epoch: the parent treats it as a new stream).
* Only rows inside the subtree go up; reference data (code lists, grades, titles, rules) never does.
  Rows this office received from its children are in its change log too, so they are forwarded with their
  origin node (provenance) under this office's signature.
* A full package from an SQLite database carries its rows as ``snapshot.sqlite`` (one table per synced table,
  the synced columns only) instead of NDJSON: SQLite copies millions of rows into it with ``CREATE TABLE … AS
  SELECT`` in one consistent read, and the receiver inserts the rows it does not have straight from it, with no
  JSON round trip (anchors.md §2.2 names the snapshot as an option for full packages). On the 100,000-cadre
  database this took the export from Python-bound NDJSON to 0.7× the CPU of a plain ``executemany`` of the same
  rows. Deltas stay NDJSON (streamable, inspectable, tolerant of schema drift); so do full packages from
  PostgreSQL.
* The database records the package (``sync_package``, ``last_sent_seq``) only after the file has been
  written, read back and verified: a stick pulled out mid-write leaves the database as it was.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from canbo_desktop import paths
from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db import sync as repo
from canbo_desktop.db.engine import sqlite_path
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.access import Op
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.sync import APPLY_ORDER, OWNER_PATH, SHARED_TABLES, fold_log
from canbo_desktop.i18n import translate
from canbo_desktop.services.sync import container, keys, peers
from canbo_desktop.services.sync.payload import PayloadWriter

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

EXPORT_TABLES = tuple(t for t in APPLY_ORDER if t in OWNER_PATH or t in SHARED_TABLES)
AUDIT_SENT = "sync.audit_sent.{}"


class Cancelled(CanboError):
    pass


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    seq: int
    kind: str
    to_node: str
    to_unit: str
    counts: dict[str, int]
    rows: int
    sha256: str
    size: int
    receipt_pdf: Path | None
    change_range: dict[str, int] = field(default_factory=dict)
    message: str = ""


@dataclass
class Scope:
    """What this office owns: its units, and (looked up only for the rows at hand) the people, evaluations and
    procedures in them. A delta of 200 rows must not load the 500,000 evaluations of a province."""

    every: bool
    units: set[str]
    conn: Connection | None = None
    cadre_unit: dict[str, str | None] = field(default_factory=dict)
    eval_cadre: dict[str, str | None] = field(default_factory=dict)
    proc_cadre: dict[str, str | None] = field(default_factory=dict)

    def _fill(self, cache: dict[str, str | None], table: str, column: str, ids: set[str]) -> None:
        missing = [i for i in ids if i and i not in cache]
        if missing and self.conn is not None:
            found = repo.lookup(self.conn, table, column, missing)
            for i in missing:
                v = found.get(i)
                cache[i] = str(v) if v is not None else None

    def resolve(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Look up the owners of ``rows`` (a batch) before ``owns`` is asked about them."""
        if self.every or table not in OWNER_PATH:
            return
        kind, col = OWNER_PATH[table]
        ids = {str(r.get(col) or "") for r in rows}
        if kind == "evaluation":
            self._fill(self.eval_cadre, "evaluation", "cadre_id", ids)
            ids = {c for c in (self.eval_cadre.get(i) for i in ids) if c}
        elif kind == "procedure":
            self._fill(self.proc_cadre, "appointment_procedure", "cadre_id", ids)
            ids = {c for c in (self.proc_cadre.get(i) for i in ids) if c}
        if kind != "unit":
            self._fill(self.cadre_unit, "cadre", "owner_unit_id", ids)

    def owns(self, table: str, row: dict[str, Any]) -> bool:
        if self.every or table in SHARED_TABLES:
            return True
        how = OWNER_PATH.get(table)
        if how is None:
            return False
        kind, col = how
        value = str(row.get(col) or "")
        if kind == "evaluation":
            value = self.eval_cadre.get(value) or ""
        elif kind == "procedure":
            value = self.proc_cadre.get(value) or ""
        if kind != "unit":
            return self.cadre_unit.get(value) in self.units
        return value in self.units


def office_scope(conn: Connection, root_id: str) -> Scope:
    units = repo.subtree_ids(conn, root_id)
    every = len(units) >= repo.count_rows(conn, "org_unit")
    return Scope(every, units, conn)


def _batched(rows: Iterator[dict[str, Any]], size: int = 2000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _audit_entries(conn: Connection, after: int) -> Iterator[dict[str, Any]]:
    rows = conn.execute(text("SELECT seq, id, at, actor, node_id, action, entity, entity_id, changes, prev_hash, hash "
                             "FROM audit_log WHERE seq > :a ORDER BY seq"), {"a": after})
    for seq, id_, at, actor, node_id, action, entity, entity_id, changes, prev, h in rows:
        yield {"seq": seq, "id": id_, "at": str(at), "actor": actor, "node_id": node_id, "action": action,
               "entity": entity, "entity_id": entity_id,
               "changes": json.loads(changes) if isinstance(changes, str) else changes, "prev_hash": prev, "hash": h}


def _max_audit(conn: Connection) -> int:
    return int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_log")).scalar() or 0)


def export_package(
    uowf: UowFactory,
    *,
    out_dir: Path,
    passphrase: str,
    to_node: str | None = None,
    full: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    receipt_dir: Path | None = None,
    receipt: bool = True,
) -> ExportResult:
    """Write the next package for the parent (or ``to_node``) into ``out_dir``; see the module docstring.
    The acting user must be allowed to synchronise (``Op.SYNC``: not a viewer), else ``AccessDenied``."""
    report = progress or (lambda f, msg: None)
    with uowf() as uow:
        access.require_scope(uow.session, Op.SYNC, None)

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise Cancelled(translate("services.sync.export", "Export cancelled; the database was not changed."))

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise CanboError(translate("services.sync.export", "Folder “{folder}” not found: plug in the USB and choose "
                                   "where to write again.")
                         .format(folder=out_dir))
    report(0.0, translate("services.sync.export", "Preparing the data…"))
    with uowf() as uow, tempfile.TemporaryDirectory(prefix="canbo-sync-out-") as tmp:
        node = peers._node(uow)
        nk = keys.load_local_keys(uow, passphrase)
        peer = peers.parent_peer(uow, to_node)
        if peer.relation != "parent":
            raise CanboError(translate("services.sync.export", "Data packages are only sent up to the parent unit; down to child "
                                       "units only code lists (refdata) and acknowledgements are sent."))
        recovery = keys.recovery_key(uow)
        own = uow.session.get(m.OrgUnitRecord, node.unit_id)
        peer_unit = uow.session.get(m.OrgUnitRecord, peer.unit_id) if peer.unit_id else None
        assert own is not None
        epoch, own_code, own_name = node.epoch, own.code, own.name
        to_code, to_name = (peer_unit.code, peer_unit.name) if peer_unit else ("CAPTREN", "")
        conn = uow.session.connection()
        forced = node.epoch != peer.epoch and peer.epoch != 0
        kind = "full" if (full or forced) else "delta"
        up_to = repo.max_change_seq(conn)
        since = 0 if kind == "full" else peer.last_acked_seq
        scope = office_scope(conn, own.id)
        writer = PayloadWriter(Path(tmp) / "payload")
        photos: set[str] = set()
        rows = 0
        db_file = sqlite_path(uow.engine.url) if uow.engine.dialect.name == "sqlite" else None
        if kind == "full" and db_file is not None:
            # A full package of a province is millions of rows: SQLite copies them itself into a snapshot file.
            report(0.05, translate("services.sync.export", "Copying all of the unit's data…"))
            snap_counts, up_to, shas = repo.write_snapshot(
                db_file, writer.root / repo.SNAPSHOT_NAME,
                [(t, OWNER_PATH.get(t)) for t in EXPORT_TABLES],
                None if scope.every else scope.units)
            writer.counts.update({t: n for t, n in snap_counts.items() if n})
            rows = sum(snap_counts.values())
            photos.update(shas)
        elif kind == "full":
            for i, table in enumerate(EXPORT_TABLES):
                check_cancel()
                report(0.6 * i / len(EXPORT_TABLES), translate("services.sync.export", "Reading {table}…").format(table=table))
                for batch in _batched(repo.iter_rows(conn, table)):
                    scope.resolve(table, batch)
                    for r in batch:
                        if not scope.owns(table, r):
                            continue
                        writer.change(table, r["id"], "D" if r.get("deleted") else "I", int(r["rev"]), 0, r["hlc"],
                                      r["origin_node"], (), r.get("updated_by", ""), r)
                        rows += 1
                        _collect(table, r, photos)
        else:
            pending = fold_log(repo.change_entries(conn, since, up_to))
            by_table: dict[str, dict[str, Any]] = {}
            for (table, row_id), p in pending.items():
                if table in EXPORT_TABLES:
                    by_table.setdefault(table, {})[row_id] = p
            for i, table in enumerate(t for t in EXPORT_TABLES if t in by_table):
                check_cancel()
                report(0.6 * i / max(1, len(by_table)), translate("services.sync.export", "Reading {table}…").format(table=table))
                wanted = by_table[table]
                got = list(repo.iter_rows(conn, table, sorted(wanted)))
                scope.resolve(table, got)
                for r in got:
                    if not scope.owns(table, r):
                        continue
                    p = wanted[r["id"]]
                    writer.change(table, r["id"], p.op(bool(r.get("deleted"))), int(r["rev"]), p.base_rev, r["hlc"],
                                  r["origin_node"], p.fields, r.get("updated_by", ""), r)
                    rows += 1
                    _collect(table, r, photos)
        for sha in sorted(photos):
            a = uow.session.get(m.AttachmentRecord, sha)
            if a is not None:
                writer.attachment(a.sha256, a.mime, a.data)
        audit_key = AUDIT_SENT.format(peer.node_id)
        audit_from = 0 if kind == "full" else int(repo.get_setting(uow.session, audit_key) or 0)
        audit_to = _max_audit(conn)
        n_audit = writer.audit(_audit_entries(conn, audit_from))
        writer.close()
        counts = dict(writer.counts)
        seq = peer.next_out_package
        prev = repo.last_out_data_package(uow.session, peer.node_id, node.epoch)
        now = datetime.now().replace(microsecond=0)
        file_name = container.package_file_name(own_code, to_code, seq, now)
        check_cancel()
        report(0.65, translate("services.sync.export", "Signing, encrypting and writing the package to the USB…"))
        recipients: list[tuple[keys.PublicKeys, str]] = [(peers.public_of(peer), "parent")]
        if recovery is not None:
            recipients.append((recovery, "recovery"))

        def sub_progress(done: int, total: int) -> None:
            report(0.65 + 0.3 * done / max(1, total), translate("services.sync.export", "Writing the package to the USB…"))

        written = container.write_package(
            out_dir, kind=kind, from_node=node.node_id, to_node=peer.node_id, epoch=node.epoch, seq=seq,
            prev_package_sha256=prev.sha256 if (prev and kind == "delta") else "", sender=nk, recipients=recipients,
            payload_dir=Path(tmp) / "payload", file_name=file_name,
            change_range={"from_change_seq": since + 1, "to_change_seq": up_to},
            counts={**counts, "audit": n_audit, "attachments": len(writer.attachments)},
            extra={"sender_unit_id": own.id, "sender_unit_name": own.name, "audit_to_seq": audit_to,
                   "forced_full": forced},
            sender_unit=own.code, recipient_unit=peer_unit.code if peer_unit else "",
            progress=sub_progress, cancel=cancel,
        )
    # The file is on the stick and verified: only now the database records it.
    with uowf() as uow:
        uow.session.add(m.SyncPackageRecord(
            package_id=written.manifest.package_id, direction="out", peer_node_id=peer.node_id, kind=kind,
            epoch=epoch, seq=seq, sha256=written.sha256, status="sent", at=now,
            counts={**counts, "rows": rows, "to_change_seq": up_to}, file_name=written.path.name))
        repo.update_peer(uow.session, peer.node_id, last_sent_seq=up_to, next_out_package=seq + 1, epoch=epoch)
        repo.put_setting(uow.session, audit_key, audit_to)
        uow.audit("sync_export", "sync_package", written.manifest.package_id,
                  {"kind": kind, "seq": seq, "to": peer.node_id, "rows": rows, "file": written.path.name})
        uow.commit()
    report(0.97, translate("services.sync.export", "Printing the receipt…"))
    receipt_pdf = None
    try:
        from canbo_desktop.services.sync.receipt import export_receipt

        if receipt:
            # On this PC's disk (the stick goes away with the package); beside the package if that fails.
            local = receipt_dir or paths.user_data_dir() / "dong-bo" / "bien-ban"
            try:
                local.mkdir(parents=True, exist_ok=True)
            except OSError:
                local = out_dir
            receipt_pdf = export_receipt(local, written.path, own_name, to_name,
                                 kind, seq, written.manifest.package_id, written.sha256, counts, rows, now)
    except OSError:
        receipt_pdf = None  # the package is safe; a missing receipt is printed again from the sync page
    report(1.0, translate("services.sync.export", "Done"))
    if kind == "full":
        msg = translate("services.sync.export", "Wrote package no. {seq} (full, {rows} records) to “{path}”. "
                        "Read back and checksum verified: the USB can be removed safely.")
    else:
        msg = translate("services.sync.export", "Wrote package no. {seq} (changes, {rows} records) to “{path}”. "
                        "Read back and checksum verified: the USB can be removed safely.")
    msg = msg.format(seq=seq, rows=rows, path=written.path)
    return ExportResult(written.path, written.manifest.package_id, seq, kind, peer.node_id,
                        to_name, counts, rows, written.sha256, written.size, receipt_pdf,
                        {"from_change_seq": since + 1, "to_change_seq": up_to}, msg)


def _collect(table: str, row: dict[str, Any], out: set[str]) -> None:
    sha = row.get("photo_sha256") if table == "cadre" else row.get("attachment_sha256") if table == "cadre_document" else None
    if sha:
        out.add(str(sha))


def pending_summary(uowf: UowFactory, to_node: str | None = None) -> dict[str, int]:
    """Rows changed since the parent's last acknowledgement, per table (the export page shows it)."""
    with uowf() as uow:
        peer = peers.parent_peer(uow, to_node)
        conn = uow.session.connection()
        pending = fold_log(repo.change_entries(conn, peer.last_acked_seq, repo.max_change_seq(conn)))
        out: dict[str, int] = {}
        for table, _row in pending:
            if table in EXPORT_TABLES:
                out[table] = out.get(table, 0) + 1
        return out
