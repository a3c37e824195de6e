"""Import a package: every check of sync.md in order, a preview, then one atomic apply — or nothing.

1. The file: ZIP structure and sizes, the manifest, the sender's signature against the key registered for
   that office, that this office is the recipient, the schema version (``container.read_manifest``).
2. The stream: the same package again (same id and hash) → "đã nhập ngày …", nothing changes; the same id
   with another hash → rejected as tampered; a gap or a fork → held, naming the missing package
   (``domain.sync.decide_sequence``). Nothing is written to the database for any of these.
3. Decrypt into a temporary folder on this PC's disk (never on the stick); hashes and per-table counts.
4. Classify every row against the local one (``domain.sync.classify``): new, changed, deleted, unchanged,
   rejected (outside the sender's subtree, or a table it may not send), soft and hard conflicts, and CCCD
   collisions with a person of another unit (possible transfer or duplicate). ``dry_run`` stops here.
5. Apply: an automatic backup (``services/backup.py``), then ONE transaction writes the rows (keeping the
   sender's rev, HLC and origin node, logged in the change log so this office forwards them upward), the
   conflicts, the package record and the audit entry; the per-table counts are checked against the
   manifest before commit; any failure rolls everything back and says why.
6. For data from a child: a signed ``ack`` package is written for the trip back down.

Memory stays bounded for a province-sized full package: rows are classified and written batch by batch
(the preview keeps counts and at most ``MAX_DIFFS`` per-cadre diffs). On an SQLite receiver a full package's
snapshot is ATTACHed to the apply transaction and its rows new here are copied by set-based SQL
(``_snapshot_sql``: 139 s → 52 s of CPU on the 100,000-cadre province); rows already here are still classified
one by one, and a PostgreSQL receiver reads the snapshot row by row (``_snapshot_rows``).
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.exc import IntegrityError

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db import search as fts
from canbo_desktop.db import sync as repo
from canbo_desktop.db.bulk import deferred_indexes
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain import hlc as hlc_mod
from canbo_desktop.domain.access import Op
from canbo_desktop.domain.cadre import search_texts
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.names import PersonName
from canbo_desktop.domain.sync import (
    ACCEPT,
    APPLY_ORDER,
    CHANGED,
    DELETED,
    HARD,
    NEW,
    OWNER_PATH,
    REFDATA_TABLES,
    SHARED_TABLES,
    SOFT,
    UNCHANGED,
    IncomingChange,
    LocalRow,
    Outcome,
    PriorPackage,
    StreamState,
    already_seen,
    classify,
    decide_sequence,
    local_changes,
    sender_actor,
    table_label,
)
from canbo_desktop.i18n import translate
from canbo_desktop.services.backup import backup_database
from canbo_desktop.services.sync import container, keys, peers
from canbo_desktop.services.sync.payload import PayloadError, PayloadReader

Progress = Callable[[float, str], None]

BATCH = 2000
MAX_DIFFS = 500
MAX_REJECTED = 200
DATA_KINDS = ("delta", "full")
# Reference tables matched by their natural key when the id differs (each office loaded the shipped lists).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {"code_item": ("list_key", "code"), "grade": ("code",), "title": ("code",),
                                            "rule_set": ("rule_key", "valid_from")}


@dataclass(frozen=True)
class CheckLine:
    label: str
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class RowDiff:
    table: str
    row_id: str
    label: str
    kind: str
    fields: list[tuple[str, Any, Any]]


@dataclass
class Preview:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    rejected: int = 0
    soft: int = 0
    hard: int = 0
    cccd: int = 0
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)
    diffs: list[RowDiff] = field(default_factory=list)
    rejected_rows: list[dict[str, str]] = field(default_factory=list)

    def add(self, table: str, kind: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        t = self.by_table.setdefault(table, {})
        t[kind] = t.get(kind, 0) + 1

    def add_many(self, table: str, kind: str, n: int) -> None:
        if n > 0:
            setattr(self, kind, getattr(self, kind) + n)
            t = self.by_table.setdefault(table, {})
            t[kind] = t.get(kind, 0) + n

    def counts(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("new", "changed", "deleted", "unchanged", "rejected", "soft", "hard", "cccd")}


@dataclass
class ImportResult:
    status: str  # preview | applied | already_imported | held | rejected
    reason: str
    package_id: str = ""
    kind: str = ""
    from_node: str = ""
    from_unit: str = ""
    seq: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    checks: list[CheckLine] = field(default_factory=list)
    preview: Preview | None = None
    ack_path: Path | None = None
    backup_path: Path | None = None
    missing_seq: int | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("applied", "already_imported", "preview")

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON: status, reason, package_id, counts, conflicts (and the rest for scripts)."""
        return {
            "status": self.status, "reason": self.reason, "package_id": self.package_id, "kind": self.kind,
            "from_node": self.from_node, "from_unit": self.from_unit, "seq": self.seq, "counts": self.counts,
            "conflicts": self.conflicts, "checks": [asdict(c) for c in self.checks],
            "by_table": self.preview.by_table if self.preview else {},
            "rejected_rows": self.preview.rejected_rows if self.preview else [],
            "ack_path": str(self.ack_path) if self.ack_path else None,
            "backup_path": str(self.backup_path) if self.backup_path else None,
            "missing_seq": self.missing_seq,
        }


def preview_import(uowf: UowFactory, path: Path, *, passphrase: str, progress: Progress | None = None) -> ImportResult:
    """Every check and the classification, nothing written (the wizard's preview)."""
    return import_package(uowf, path, passphrase=passphrase, dry_run=True, progress=progress)


# --------------------------------------------------------------------------- the pipeline


def import_package(
    uowf: UowFactory,
    path: Path,
    *,
    passphrase: str,
    dry_run: bool = False,
    accept_soft: bool = False,
    ack_dir: Path | None = None,
    progress: Progress | None = None,
    backup: bool = True,
) -> ImportResult:
    """Check, preview and (unless ``dry_run``) apply a package; see the module docstring.

    ``accept_soft``: merge soft conflicts (different fields changed on both sides) and flag them; without it
    they are queued like hard ones. ``ack_dir``: where the ack goes (default: beside the package).

    The acting user must be allowed to synchronise (``Op.SYNC``: not a viewer), else ``AccessDenied`` before
    the package is even read; the apply then writes the package's rows as the sync engine (no scope check per
    row: the package's own checks decide), and the audit names the user who imported it."""
    report = progress or (lambda f, msg: None)
    path = Path(path)
    checks: list[CheckLine] = []
    with uowf() as uow:
        access.require_scope(uow.session, Op.SYNC, None)
        node = peers._node(uow)
        known = peers.known_senders(uow)
        me = keys.load_local_keys(uow, passphrase)
        my_node, my_unit, my_epoch = node.node_id, node.unit_id, node.epoch
    report(0.02, translate("services.sync.importer", "Checking the package file…"))
    try:
        manifest, sha = container.read_manifest(path, known_senders=known)
    except container.PackageError as exc:
        checks.append(CheckLine(translate("services.sync.importer", "File structure, signature of the sending unit"), False,
                                exc.message))
        return ImportResult("rejected", exc.message, checks=checks)
    base = ImportResult("", "", manifest.package_id, manifest.kind, manifest.from_node, manifest.sender_unit, manifest.seq,
                        checks=checks)
    checks.append(CheckLine(translate("services.sync.importer", "Package file structure valid, size within the limit"), True))
    checks.append(CheckLine(translate("services.sync.importer", "Signature of {unit} verified (key {key})")
                            .format(unit=manifest.sender_unit, key=manifest.sender_key_id), True))
    if manifest.to_node != my_node:
        return _stop(base, "rejected", container.PackageError("not_for_us").message,
                     translate("services.sync.importer", "Package sent to this unit"))
    checks.append(CheckLine(translate("services.sync.importer", "Package sent to this unit; data version supported"), True))
    with uowf() as uow:
        peer = repo.get_peer(uow.session, manifest.from_node)
        assert peer is not None  # the signature was verified against a registered peer
        if manifest.kind in DATA_KINDS and peer.relation != "child":
            return _stop(base, "rejected",
                         translate("services.sync.importer", "Data packages are only accepted from registered child units."),
                         translate("services.sync.importer", "Unit relation"))
        if manifest.kind in ("ack", "refdata") and peer.relation != "parent":
            return _stop(base, "rejected",
                         translate("services.sync.importer", "Acknowledgement and code list packages are only accepted "
                                   "from the parent unit."),
                         translate("services.sync.importer", "Unit relation"))
        if manifest.kind not in (*DATA_KINDS, "ack", "refdata"):
            return _stop(base, "rejected",
                         translate("services.sync.importer", "Packages of type “{kind}” are not imported here.").format(kind=manifest.kind),
                         translate("services.sync.importer", "Package type"))
        prior_rec = repo.get_package(uow.session, manifest.package_id)
        prior = PriorPackage(prior_rec.sha256, prior_rec.status, format_date(prior_rec.at.date())) if prior_rec else None
        if manifest.kind in DATA_KINDS:
            state = StreamState(peer.epoch, peer.last_in_package, peer.last_in_sha256)
        else:
            last = repo.last_package(uow.session, peer.node_id, "in", ("ack", "refdata"))
            state = StreamState(last.epoch if last else manifest.epoch, last.seq if last else 0, last.sha256 if last else "")
    decision = decide_sequence(kind=manifest.kind, package_id=manifest.package_id, sha256=sha, epoch=manifest.epoch,
                               seq=manifest.seq, prev_sha256=manifest.prev_package_sha256, state=state, prior=prior)
    if decision.action != ACCEPT:
        checks.append(CheckLine(translate("services.sync.importer", "Package order (no gap, no repeat)"), False, decision.reason))
        base.status, base.reason, base.missing_seq = decision.action, decision.reason, decision.missing_seq
        if decision.action == "already_imported" and manifest.kind in DATA_KINDS and not dry_run:
            _ack_again_if_lost(uowf, base, manifest.from_node, manifest.package_id, ack_dir or path.parent, passphrase)
        return base
    if manifest.kind == "delta" and state.last_seq:
        seq_check = translate("services.sync.importer", "Package no. {seq} follows package no. {last} without a gap").format(
            seq=manifest.seq, last=state.last_seq)
    else:
        seq_check = translate("services.sync.importer", "Package no. {seq} valid in the sequence").format(seq=manifest.seq)
    checks.append(CheckLine(seq_check, True))
    tmp = Path(tempfile.mkdtemp(prefix="canbo-sync-in-"))
    try:
        report(0.05, translate("services.sync.importer", "Decrypting into a temporary folder on this computer…"))
        try:
            opened = container.open_package(path, me=me, known_senders=known, extract_to=tmp / "payload")
        except container.PackageError as exc:
            return _stop(base, "rejected", exc.message, translate("services.sync.importer", "Decryption and checksum check"))
        checks.append(CheckLine(translate("services.sync.importer", "Decrypted into a temporary folder on this computer; "
                                          "checksums match"), True))
        reader = PayloadReader(opened.root)
        if manifest.kind == "ack":
            return _apply_ack(uowf, base, reader, manifest, sha, dry_run)
        ctx = _Context(manifest=manifest, sha=sha, peer=peer, my_node=my_node, my_unit=my_unit, my_epoch=my_epoch,
                       accept_soft=accept_soft, report=report)
        if dry_run:
            try:
                try:
                    with uowf() as uow:  # the preview: classification only, rolled back
                        preview = _run(uow, reader, ctx, write=False)
                finally:
                    _detach(ctx)
            except PayloadError as exc:
                return _stop(base, "rejected", exc.message, translate("services.sync.importer", "Package contents match the manifest"))
            checks.append(CheckLine(translate("services.sync.importer", "Record counts of each table match the package manifest"), True))
            base.preview, base.counts = preview, preview.counts()
            base.conflicts = _conflict_summaries(preview)
            base.status = "preview"
            base.reason = _summary_sentence(preview)
            return base
        # Applying classifies again inside the write transaction (one pass: the database cannot change between
        # the classification and the writes); a count that does not match the manifest rolls everything back.
        if backup:
            report(0.3, translate("services.sync.importer", "Backing up the database before importing…"))
            b = backup_database(uowf, f"truoc-khi-nhap-goi-{manifest.sender_unit}-{manifest.seq}")
            base.backup_path = b.path
        try:
            try:
                with uowf() as uow:
                    conn = uow.session.connection()
                    if conn.dialect.name == "sqlite":
                        conn.exec_driver_sql("UPDATE local_node SET last_hlc = last_hlc")  # the write lock, now
                    applied = _run(uow, reader, ctx, write=True)
                    _finish(uow, ctx, applied)
                    uow.commit()
            finally:
                _detach(ctx)
        except PayloadError as exc:
            return _stop(base, "rejected",
                         translate("services.sync.importer", "{message} The database was not changed.").format(message=exc.message),
                         translate("services.sync.importer", "Apply"))
        except IntegrityError as exc:
            msg = translate("services.sync.importer", "The data in the package conflicts with the data here (duplicate keys or missing "
                            "related records); everything was cancelled, the database was not changed.")
            return _stop(base, "rejected", msg, translate("services.sync.importer", "Apply"), detail=str(exc.orig))
        base.preview, base.counts = applied, applied.counts()
        base.conflicts = _conflict_summaries(applied)
        base.status = "applied"
        base.reason = _summary_sentence(applied)
        checks.append(CheckLine(translate("services.sync.importer", "Record counts of each table match the package manifest"), True))
        checks.append(CheckLine(translate("services.sync.importer", "Applied in one transaction; count and foreign key checks passed"), True))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if manifest.kind in DATA_KINDS:
        report(0.95, translate("services.sync.importer", "Writing the acknowledgement package…"))
        from canbo_desktop.services.sync.ack import write_ack

        try:
            ack = write_ack(uowf, to_node=manifest.from_node, out_dir=ack_dir or path.parent, passphrase=passphrase)
            base.ack_path = ack.path
        except CanboError as exc:  # the data is in; the ack can be written again from the sync page
            checks.append(CheckLine(translate("services.sync.importer", "Write the acknowledgement package"), False, exc.message))
    report(1.0, translate("services.sync.importer", "Done"))
    return base


def _ack_again_if_lost(uowf: UowFactory, base: ImportResult, child: str, package_id: str, out_dir: Path,
                       passphrase: str) -> None:
    """The same package brought again after the ack was never written (the power went out between the apply
    and the ack; the kill test finds it): write the ack now, so the commune learns its rows arrived. When an ack
    was written after the package was applied, nothing is written: a plain replay changes nothing."""
    with uowf() as uow:
        applied = repo.get_package(uow.session, package_id)
        t = m.SyncPackageRecord
        acked = uow.session.scalars(select(t.counts).where(t.peer_node_id == child, t.direction == "out",
                                                           t.kind == "ack").order_by(t.at.desc()).limit(20)).all()
        lost = (applied is not None and applied.status == "applied"
                and not any(package_id in (c or {}).get("package_ids", ()) for c in acked))
    if not lost:
        return
    from canbo_desktop.services.sync.ack import write_ack

    try:
        ack = write_ack(uowf, to_node=child, out_dir=out_dir, passphrase=passphrase)
    except CanboError as exc:
        base.checks.append(CheckLine(translate("services.sync.importer", "Write the missing acknowledgement package again"), False,
                                     exc.message))
        return
    base.ack_path = ack.path
    base.checks.append(CheckLine(translate("services.sync.importer", "The acknowledgement of the previous import had not been "
                                           "written: written now"), True))


def _stop(base: ImportResult, status: str, reason: str, label: str, *, detail: str = "") -> ImportResult:
    base.checks.append(CheckLine(label, False, reason + (f" ({detail})" if detail else "")))
    base.status, base.reason = status, reason
    return base


def _summary_sentence(p: Preview) -> str:
    conflicts = p.hard + p.soft + p.cccd
    if p.rejected and conflicts:
        s = translate("services.sync.importer", "Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged, "
                      "{rejected} rejected, {conflicts} conflicts ({hard} to resolve, {soft} different fields, "
                      "{cccd} same CCCD).")
    elif p.rejected:
        s = translate("services.sync.importer", "Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged, "
                      "{rejected} rejected.")
    elif conflicts:
        s = translate("services.sync.importer", "Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged, "
                      "{conflicts} conflicts ({hard} to resolve, {soft} different fields, {cccd} same CCCD).")
    else:
        s = translate("services.sync.importer", "Records: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged.")
    return s.format(new=p.new, changed=p.changed, deleted=p.deleted, unchanged=p.unchanged, rejected=p.rejected,
                    conflicts=conflicts, hard=p.hard, soft=p.soft, cccd=p.cccd)


def _conflict_summaries(p: Preview) -> list[dict[str, Any]]:
    return [{"table": d.table, "row_id": d.row_id, "label": d.label, "kind": d.kind,
             "fields": [f for f, _, _ in d.fields]}
            for d in p.diffs if d.kind in (SOFT, HARD, "cccd")]


# --------------------------------------------------------------------------- classification and writing


@dataclass
class _Context:
    manifest: container.Manifest
    sha: str
    peer: repo.Peer
    my_node: str
    my_unit: str
    my_epoch: int
    accept_soft: bool
    report: Progress
    audit_sha256: str = ""
    placed_only: list[str] = field(default_factory=list)  # new cadres whose search texts came with them
    attached: list[repo.Snapshot] = field(default_factory=list)  # detached by ``_detach`` after the transaction


class _Owners:
    """Who owns each incoming row, from the rows already seen in this package and the local database."""

    def __init__(self, conn: Connection, root: str) -> None:
        self.conn = conn
        self.root = root
        self.parent = {u.id: u.parent_id for u in repo.units(conn).values()}
        self.cache: dict[str, bool] = {}
        self.of: dict[str, dict[str, str]] = {"cadre": {}, "evaluation": {}, "procedure": {}}
        self.sql_ready: set[str] = set()  # owner kinds materialised in temp tables (``sql_owned``)

    def set_unit_parent(self, unit_id: str, parent_id: str | None) -> None:
        self.parent[unit_id] = parent_id
        self.cache.clear()
        self.sql_ready.clear()

    def sql_owned(self, schema: str, snap_tables: set[str], kind: str, col: str) -> str:
        """An SQL condition on snapshot row ``s``: its owner is in the sender's subtree, decided as ``unit_of``
        decides it (the owner link the package carries, else the one stored here), from temp tables filled once
        per kind: ``temp.sync_own_unit`` (the subtree's units), ``…_cadre``, ``…_evaluation``, ``…_procedure``.
        The unary ``+`` keeps SQLite from walking the owner column's index: the table is read in storage order."""
        self._sql_fill(schema, snap_tables, kind)
        return repo.owned_condition(kind, col)

    def _sql_fill(self, schema: str, snap_tables: set[str], kind: str) -> None:
        if kind in self.sql_ready:
            return
        if kind == "unit":
            repo.fill_owner_units(self.conn, [u for u in self.parent if self.in_subtree(u)])
        else:
            table, _col, parent = repo.OWNER_LINKS[kind]
            self._sql_fill(schema, snap_tables, parent)
            repo.fill_owner_rows(self.conn, kind, schema, table in snap_tables)
        self.sql_ready.add(kind)

    def in_subtree(self, unit_id: str | None) -> bool:
        if not unit_id:
            return False
        hit = self.cache.get(unit_id)
        if hit is not None:
            return hit
        cur: str | None = unit_id
        ok = False
        for _ in range(128):
            if cur is None:
                break
            if cur == self.root:
                ok = True
                break
            cur = self.parent.get(cur)
        self.cache[unit_id] = ok
        return ok

    def preload(self, kind: str, ids: Iterable[str]) -> None:
        table, column = {"cadre": ("cadre", "owner_unit_id"), "evaluation": ("evaluation", "cadre_id"),
                         "procedure": ("appointment_procedure", "cadre_id")}[kind]
        missing = [i for i in ids if i and i not in self.of[kind]]
        if missing:
            self.of[kind].update({k: str(v) for k, v in repo.lookup(self.conn, table, column, missing).items()})

    def unit_of(self, table: str, row: dict[str, Any]) -> str | None:
        how = OWNER_PATH.get(table)
        if how is None:
            return None
        kind, col = how
        value = row.get(col)
        if kind == "unit":
            return str(value) if value else None
        if kind == "cadre":
            return self.of["cadre"].get(str(value))
        cadre = self.of[kind].get(str(value))
        return self.of["cadre"].get(cadre) if cadre else None


def _batches(it: Iterator[IncomingChange], size: int) -> Iterator[list[IncomingChange]]:
    batch: list[IncomingChange] = []
    for ch in it:
        batch.append(ch)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _sorted_units(changes: list[IncomingChange], known: dict[str, str | None]) -> list[IncomingChange]:
    """Units parents first, so each insert finds its parent."""
    by_id = {c.row_id: c for c in changes}
    done: set[str] = set()
    out: list[IncomingChange] = []

    def visit(c: IncomingChange, depth: int = 0) -> None:
        if c.row_id in done:
            return
        parent = c.row.get("parent_id")
        if isinstance(parent, str) and parent in by_id and parent not in done and depth < 128:
            visit(by_id[parent], depth + 1)
        done.add(c.row_id)
        out.append(c)

    for c in changes:
        visit(c)
    return out


def _run(uow: UnitOfWork, reader: PayloadReader, ctx: _Context, *, write: bool) -> Preview:
    m_ = ctx.manifest
    snap_path = reader.root / repo.SNAPSHOT_NAME
    snap = repo.Snapshot(snap_path) if (m_.kind == "full" and snap_path.is_file()) else None
    try:
        tables = reader.tables()
        if snap is not None:
            if uow.session.connection().dialect.name == "sqlite":
                ctx.attached.append(snap)
                snap.attach(uow.session.connection())
            order = {t: i for i, t in enumerate(APPLY_ORDER)}
            tables = sorted(set(tables) | snap.tables(), key=lambda t: (order.get(t, 999), t))
        preview = _run_tables(uow, reader, snap, tables, ctx, write=write)
        if snap is not None and snap.schema:
            repo.drop_owner_sets(uow.session.connection())  # the owner sets of ``_Owners.sql_owned``
        return preview
    finally:
        if snap is not None:
            snap.close()


def _detach(ctx: _Context) -> None:
    """Detach the snapshots ``_run`` attached (SQLite allows it only once the transaction has ended)."""
    while ctx.attached:
        ctx.attached.pop().detach()


def _run_tables(uow: UnitOfWork, reader: PayloadReader, snap: repo.Snapshot | None, tables: list[str], ctx: _Context,
                *, write: bool) -> Preview:
    conn = uow.session.connection()
    m_ = ctx.manifest
    refdata = m_.kind == "refdata"
    sender = sender_actor(m_.from_node)
    preview = Preview()
    root = ctx.my_unit if refdata else (ctx.peer.unit_id or "")
    owners = _Owners(conn, root)
    node = uow.node
    assert node is not None
    clock = hlc_mod.HLC.decode(node.last_hlc)
    now = uow.now()
    log_rows: list[tuple[str, str, str, int, int, str, str, list[str], str]] = []
    conflicts: list[m.SyncConflictRecord] = []
    cadre_touched: list[str] = []
    expected = {k: v for k, v in m_.counts.items() if isinstance(v, int) and k not in ("audit", "attachments")}
    for k in expected:
        if expected[k] and k not in tables:
            raise PayloadError(translate("services.sync.importer", "The package lacks the data of table {table} listed in its manifest. "
                                         "Nothing was imported.")
                               .format(table=table_label(k)))
    total_lines = max(1, sum(expected.values()))
    done = 0
    t_report = time.monotonic()
    for table in tables:
        allowed = (table in REFDATA_TABLES) if refdata else (table in OWNER_PATH or table in SHARED_TABLES)
        if table not in _known_tables():
            allowed = False
        lines = 0
        stream: Iterator[list[IncomingChange]]
        if snap is not None and table in snap.tables():
            ctx.report(0.05 + (0.25 if not write else 0.6) * done / total_lines,
                       (translate("services.sync.importer", "Writing {table}…") if write
                        else translate("services.sync.importer", "Comparing {table}…")).format(table=table_label(table)))
            clock_ref = [clock]
            lines = _snapshot_table(conn, uow, snap, table, allowed, ctx, preview, owners, sender, write, clock_ref, now,
                                    log_rows, conflicts, cadre_touched)
            clock = clock_ref[0]
            done += lines
            stream = iter([])
        elif table == "org_unit":
            units = list(reader.changes(table))
            stream = iter([_sorted_units(units, owners.parent)])
        else:
            stream = _batches(reader.changes(table), BATCH)
        for batch in stream:
            lines += len(batch)
            done += len(batch)
            if time.monotonic() - t_report > 0.3:
                ctx.report(0.05 + (0.25 if not write else 0.6) * done / total_lines,
                           (translate("services.sync.importer", "Writing {table}…") if write
                        else translate("services.sync.importer", "Comparing {table}…")).format(table=table_label(table)))
                t_report = time.monotonic()
            if not allowed:
                for ch in batch:
                    _reject(preview, ch, translate("services.sync.importer", "This table is not sent in this direction."))
                continue
            clock_ref = [clock]
            _classify_batch(conn, uow, table, batch, ctx, preview, owners, sender, refdata, write, clock_ref, now,
                            log_rows, conflicts, cadre_touched)
            clock = clock_ref[0]
            if write and log_rows:
                repo.log_changes(conn, log_rows)
                log_rows.clear()
        if table in expected and expected[table] != lines:
            raise PayloadError(translate("services.sync.importer", "Table {table}: the package lists {expected} rows but has {lines}. "
                                         "Nothing was imported.")
                               .format(table=table_label(table), expected=expected[table], lines=lines))
    if write:
        if conflicts:
            uow.session.add_all(conflicts)
        if any(t == "org_unit" for t in tables):
            repo.recompute_paths(conn)
        if cadre_touched or ctx.placed_only:
            _refresh_search(uow, conn, cadre_touched, ctx.placed_only)
            ctx.placed_only = []
        audit = reader.audit_path()
        if audit is not None and audit.stat().st_size > 0:
            # The sender's audit trail is kept as it came (content-addressed), named by the package record.
            data = audit.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            ctx.audit_sha256 = digest
            if uow.session.get(m.AttachmentRecord, digest) is None:
                uow.session.add(m.AttachmentRecord(sha256=digest, mime="application/x-ndjson", size=len(data), data=data,
                                                   created_at=now))
        for a in reader.attachments():
            if uow.session.get(m.AttachmentRecord, a.sha256) is None:
                uow.session.add(m.AttachmentRecord(sha256=a.sha256, mime=a.mime, size=a.size, data=a.path.read_bytes(),
                                                   created_at=now))
        node.last_hlc = clock.encode()
        uow.session.flush()
    return preview


def _owned(owners: _Owners, ctx: _Context, table: str, row: dict[str, Any], local_parent: str | None | bool) -> bool:
    """Ownership of an incoming row (records the row's own owner links for the rows after it).
    ``local_parent``: for a unit already here, its parent here (False when the unit is new)."""
    if table == "org_unit":
        parent = row.get("parent_id")
        if row["id"] == ctx.peer.unit_id and local_parent is not False:
            parent = local_parent  # the sender's own unit stays where this office hung it
        owners.set_unit_parent(row["id"], parent if isinstance(parent, str) else None)
        return owners.in_subtree(row["id"])
    if table in SHARED_TABLES:
        return True
    if table == "cadre":
        owners.of["cadre"][row["id"]] = str(row.get("owner_unit_id") or "")
    elif table == "evaluation":
        owners.of["evaluation"][row["id"]] = str(row.get("cadre_id") or "")
    elif table == "appointment_procedure":
        owners.of["procedure"][row["id"]] = str(row.get("cadre_id") or "")
    return owners.in_subtree(owners.unit_of(table, row))


def _snapshot_table(
    conn: Connection, uow: UnitOfWork, snap: repo.Snapshot, table: str, allowed: bool, ctx: _Context,
    preview: Preview, owners: _Owners, sender: str, write: bool, clock_ref: list[hlc_mod.HLC], now: datetime,
    log_rows: list[tuple[str, str, str, int, int, str, str, list[str], str]], conflicts: list[m.SyncConflictRecord],
    cadre_touched: list[str],
) -> int:
    """One table of a full package's snapshot. Rows new here are copied as they are (SQLite storage form, no
    conversion: the bulk path of a province); rows already here go through ``classify`` like any change."""
    derived = repo.SNAPSHOT_EXTRA.get(table, ())
    known = set(repo.synced_columns(table)) | set(derived)
    cols = [c for c in snap.columns(table) if c in known]  # a newer sender's extra columns are dropped
    has_derived = bool(derived) and all(c in cols for c in derived)
    if "id" not in cols or "rev" not in cols or "hlc" not in cols or "origin_node" not in cols:
        raise PayloadError(translate("services.sync.importer", "Table {table} in the package lacks required columns. Nothing was imported.")
                           .format(table=table_label(table)))
    batches: Iterator[list[tuple[Any, ...]]] = snap.batches(table, cols)
    if table == "org_unit":  # parents first
        everything = [r for b in batches for r in b]
        ids_pos = cols.index("id")
        as_changes = _sorted_units([IncomingChange(table, r[ids_pos], "I", 0, 0, "", "", (), dict(zip(cols, r, strict=True)))
                                    for r in everything], owners.parent)
        batches = iter([[tuple(c.row[k] for k in cols) for c in as_changes]])
    big = write and table not in ("cadre", "org_unit") and snap.count(table) > 50_000
    with deferred_indexes(conn, [table]) if big else contextlib.nullcontext():
        # Secondary indexes of a big table are built once after its rows are in (as the demo loader does).
        if snap.schema and table != "org_unit":
            return _snapshot_sql(conn, uow, snap, table, cols, has_derived, allowed, ctx, preview, owners, sender,
                                 write, clock_ref, now, log_rows, conflicts, cadre_touched)
        return _snapshot_rows(conn, uow, snap, table, cols, has_derived, batches, allowed, ctx, preview, owners, sender,
                              write, clock_ref, now, log_rows, conflicts, cadre_touched)


def _snapshot_rows(
    conn: Connection, uow: UnitOfWork, snap: repo.Snapshot, table: str, cols: list[str], has_derived: bool,
    batches: Iterator[list[tuple[Any, ...]]], allowed: bool, ctx: _Context, preview: Preview, owners: _Owners,
    sender: str, write: bool, clock_ref: list[hlc_mod.HLC], now: datetime,
    log_rows: list[tuple[str, str, str, int, int, str, str, list[str], str]], conflicts: list[m.SyncConflictRecord],
    cadre_touched: list[str],
) -> int:
    n = 0
    i_id, i_rev, i_hlc, i_origin = cols.index("id"), cols.index("rev"), cols.index("hlc"), cols.index("origin_node")
    i_del = cols.index("deleted") if "deleted" in cols else None
    kind = OWNER_PATH.get(table, ("", ""))[0]
    for rows in batches:
        n += len(rows)
        if not allowed:
            for _r in rows:
                preview.add(table, "rejected")
            continue
        ids = [r[i_id] for r in rows]
        exist = repo.existing_ids(conn, table, ids)
        dicts = [dict(zip(cols, r, strict=True)) for r in rows]
        if kind == "cadre":
            owners.preload("cadre", [str(d.get("cadre_id") or "") for d in dicts])
        elif kind in ("evaluation", "procedure"):
            col = OWNER_PATH[table][1]
            owners.preload(kind, [str(d.get(col) or "") for d in dicts])
            owners.preload("cadre", [owners.of[kind].get(str(d.get(col)), "") for d in dicts])
        local_parent = repo.lookup(conn, "org_unit", "parent_id", [ctx.peer.unit_id or ""]) if table == "org_unit" else {}
        fresh: list[tuple[Any, ...]] = []
        again: list[IncomingChange] = []
        cccd: list[IncomingChange] = []
        for r, d in zip(rows, dicts, strict=True):
            rid = r[i_id]
            lp: str | None | bool = local_parent.get(rid, False) if rid in local_parent else False
            if not _owned(owners, ctx, table, d, lp):
                preview.add(table, "rejected")
                if len(preview.rejected_rows) < MAX_REJECTED:
                    preview.rejected_rows.append({"table": table, "row_id": rid,
                                                  "reason": translate("services.sync.importer",
                                                                        "The record belongs to a unit outside the sending unit’s scope.")})
                continue
            deleted = bool(r[i_del]) if i_del is not None else False
            if rid in exist:
                again.append(IncomingChange(table, rid, "D" if deleted else "I", int(r[i_rev]), 0, str(r[i_hlc]),
                                            str(r[i_origin]), (), repo.raw_to_json(table, cols, r)))
                continue
            preview.add(table, DELETED if deleted else NEW)
            if table == "cadre" and d.get("id_number"):
                cccd.append(IncomingChange(table, rid, "I", 0, 0, "", "", (), d))
            if table == "cadre" and len(preview.diffs) < MAX_DIFFS:
                preview.diffs.append(RowDiff(table, rid, str(d.get("full_name", "")), NEW,
                                             [("full_name", None, d.get("full_name"))]))
            fresh.append(r)
        if again:
            _classify_batch(conn, uow, table, again, ctx, preview, owners, sender, False, write, clock_ref, now,
                            log_rows, conflicts, cadre_touched)
        if cccd:
            _cccd(conn, cccd, preview, ctx, conflicts if write else None, now)
        if write and fresh:
            repo.insert_raw(conn, table, cols, fresh)
            newest = max(str(r[i_hlc]) for r in fresh)
            clock_ref[0] = hlc_mod.receive(clock_ref[0], hlc_mod.HLC.decode(newest), int(time.time() * 1000))
            log_rows.extend((table, r[i_id], "D" if (i_del is not None and r[i_del]) else "I", int(r[i_rev]), 0,
                             str(r[i_hlc]), str(r[i_origin]), [], sender) for r in fresh)
            if table == "cadre":
                (ctx.placed_only if has_derived else cadre_touched).extend(r[i_id] for r in fresh)
        if write and log_rows:
            repo.log_changes(conn, log_rows)
            log_rows.clear()
    return n


def _snapshot_sql(
    conn: Connection, uow: UnitOfWork, snap: repo.Snapshot, table: str, cols: list[str], has_derived: bool,
    allowed: bool, ctx: _Context, preview: Preview, owners: _Owners, sender: str, write: bool,
    clock_ref: list[hlc_mod.HLC], now: datetime, log_rows: list[tuple[str, str, str, int, int, str, str, list[str], str]],
    conflicts: list[m.SyncConflictRecord], cadre_touched: list[str],
) -> int:
    """``_snapshot_rows`` in set-based SQL, for an SQLite receiver (the snapshot ATTACHed as ``snap.schema``).

    The same decisions, row for row: rows outside the sender's subtree are rejected; rows already here are
    classified in Python like any change (``_classify_batch``: conflicts, history); the rows new here — all of
    them in a first full package — are counted, checked for CCCD collisions, copied with one
    ``INSERT … SELECT`` (text NFC on the way), and logged with one more. On the 100,000-cadre province this took
    the import from 139 s of CPU (Python handling 1.9 million tuples: reading, NFC, ``executemany``) to 52 s, of
    which the copy itself is a third; tests/integration/test_sync_full_snapshot.py applies one package both
    ways and compares the results.

    CCCD collisions: with people already here, and (unlike the batch-by-batch row path, which saw only earlier
    batches) with any earlier new person of the same package."""
    sch = snap.schema
    src = f"{sch}.{table}"
    n = snap.count(table)
    if n == 0:
        return 0
    if not allowed:
        preview.add_many(table, "rejected", n)
        return n
    if repo.has_row_without_id(conn, src):
        raise PayloadError(translate("services.sync.importer", "Table {table} in the package has rows without an id. Nothing was imported.")
                           .format(table=table_label(table)))
    snap_tables = snap.tables()
    how = OWNER_PATH.get(table)
    owned = "1" if (table in SHARED_TABLES or how is None) else owners.sql_owned(sch, snap_tables, how[0], how[1])
    # The rows of this table new here / already here, by their place in the snapshot (before anything is written).
    has_deleted = "deleted" in cols
    n_fresh, n_deleted, n_again = repo.split_snapshot_rows(conn, src, table, owned, has_deleted)
    n_rejected = n - n_fresh - n_again
    if n_rejected:
        preview.add_many(table, "rejected", n_rejected)
        room = MAX_REJECTED - len(preview.rejected_rows)
        if room > 0:
            preview.rejected_rows.extend({"table": table, "row_id": rid,
                                          "reason": translate("services.sync.importer",
                                                                        "The record belongs to a unit outside the sending unit’s scope.")}
                                         for rid in repo.unplaced_ids(conn, src, room))
    preview.add_many(table, NEW, n_fresh - n_deleted)
    preview.add_many(table, DELETED, n_deleted)
    if table == "cadre" and n_fresh:
        room = MAX_DIFFS - len(preview.diffs)
        if room > 0:
            preview.diffs.extend(RowDiff(table, rid, str(name or ""), NEW, [("full_name", None, name)])
                                 for rid, name in repo.fresh_names(conn, src, room))
        _cccd_sql(conn, src, preview, ctx, conflicts if write else None, now)
    # Rows already here: classified one by one (conflicts, history), a batch at a time.
    last = 0
    while n_again:
        rows = repo.again_rows(conn, src, cols, last, BATCH)
        if not rows:
            break
        last = max(int(r[0]) for r in rows)
        again = [IncomingChange(table, r[1 + cols.index("id")], "D" if (has_deleted and r[1 + cols.index("deleted")])
                                else "I", int(r[1 + cols.index("rev")]), 0, str(r[1 + cols.index("hlc")]),
                                str(r[1 + cols.index("origin_node")]), (), repo.raw_to_json(table, cols, tuple(r[1:])))
                 for r in rows]
        _classify_batch(conn, uow, table, again, ctx, preview, owners, sender, False, write, clock_ref, now,
                        log_rows, conflicts, cadre_touched)
        if write and log_rows:
            repo.log_changes(conn, log_rows)
            log_rows.clear()
    if write and n_fresh:
        repo.insert_from_snapshot(conn, sch, table, cols, repo.FRESH)
        newest = repo.fresh_max_hlc(conn, src)
        clock_ref[0] = hlc_mod.receive(clock_ref[0], hlc_mod.HLC.decode(newest), int(time.time() * 1000))
        repo.log_from_snapshot(conn, sch, table, has_deleted, sender, repo.FRESH)
        if table == "cadre":
            (ctx.placed_only if has_derived else cadre_touched).extend(repo.fresh_ids(conn, src))
    repo.drop_split(conn)
    return n


def _cccd_sql(conn: Connection, src: str, preview: Preview, ctx: _Context,
              conflicts: list[m.SyncConflictRecord] | None, now: datetime) -> None:
    """``_cccd`` for the new cadres of an ATTACHed snapshot: the same CCCD held by a person of another unit,
    here already or earlier in the same package."""
    for _rowid, sid, snum, sname, sbirth, sunit, rid, num, name, unit in repo.cccd_pairs(conn, src):
        row = {"id": sid, "id_number": snum, "full_name": repo._nfc(sname), "birth_date": sbirth,
               "owner_unit_id": sunit}
        _cccd_found(preview, ctx, conflicts, now, row, rid, num, repo._nfc(name), unit)


def _known_tables() -> set[str]:
    from canbo_desktop.db.base import synced_tables

    return set(synced_tables())


def _reject(preview: Preview, ch: IncomingChange, reason: str) -> None:
    preview.add(ch.table, "rejected")
    if len(preview.rejected_rows) < MAX_REJECTED:
        preview.rejected_rows.append({"table": ch.table, "row_id": ch.row_id, "reason": reason})


def _label(table: str, row: dict[str, Any]) -> str:
    for k in ("full_name", "name", "description", "number", "title_text"):
        v = row.get(k)
        if v:
            return str(v)
    return row.get("id", "")  # type: ignore[no-any-return]


def _classify_batch(
    conn: Connection, uow: UnitOfWork, table: str, batch: list[IncomingChange], ctx: _Context, preview: Preview,
    owners: _Owners, sender: str, refdata: bool, write: bool, clock_ref: list[hlc_mod.HLC], now: datetime,
    log_rows: list[tuple[str, str, str, int, int, str, str, list[str], str]], conflicts: list[m.SyncConflictRecord],
    cadre_touched: list[str],
) -> None:
    ids = [c.row_id for c in batch]
    local = repo.local_states(conn, table, ids)
    # Reference rows loaded separately in each office share a natural key but not an id.
    alias: dict[str, str] = {}
    if refdata and table in NATURAL_KEYS:
        nk = NATURAL_KEYS[table]
        missing = [c for c in batch if c.row_id not in local]
        if missing:
            t = repo.table(table)
            by_key = {tuple(str(r[i + 1]) for i in range(len(nk))): r[0]
                      for r in conn.execute(select(t.c.id, *[t.c[k] for k in nk]))}
            for c in missing:
                lid = by_key.get(tuple(str(c.row.get(k)) for k in nk))
                if lid:
                    alias[c.row_id] = lid
            if alias:
                local.update(repo.local_states(conn, table, sorted(set(alias.values()))))
    history = repo.row_history(conn, table, [alias.get(i, i) for i in ids if alias.get(i, i) in local])
    if not refdata:
        kind = OWNER_PATH.get(table, ("", ""))[0]
        if kind == "unit" and table == "org_unit":
            pass
        elif kind == "cadre":
            owners.preload("cadre", [str(c.row.get("cadre_id") or "") for c in batch])
        elif kind in ("evaluation", "procedure"):
            col = OWNER_PATH[table][1]
            owners.preload(kind, [str(c.row.get(col) or "") for c in batch])
            owners.preload("cadre", [owners.of[kind].get(str(c.row.get(col)), "") for c in batch])
        if table == "cadre":
            owners.preload("cadre", ids)
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    cccd_new: list[IncomingChange] = []
    for ch in batch:
        row_id = alias.get(ch.row_id, ch.row_id)
        lrow_json = local.get(row_id)
        if not refdata:
            if table == "org_unit":
                # The sender's own unit stays where this office hung it at registration.
                parent = ch.row.get("parent_id")
                if ch.row_id == ctx.peer.unit_id and lrow_json is not None:
                    parent = lrow_json.get("parent_id")
                    ch = _with_row(ch, {**ch.row, "parent_id": parent})
                owners.set_unit_parent(ch.row_id, parent if isinstance(parent, str) else None)
                ok = owners.in_subtree(ch.row_id)
            elif table in SHARED_TABLES:
                ok = True
            else:
                if table == "cadre":
                    owners.of["cadre"][ch.row_id] = str(ch.row.get("owner_unit_id") or "")
                elif table == "evaluation":
                    owners.of["evaluation"][ch.row_id] = str(ch.row.get("cadre_id") or "")
                elif table == "appointment_procedure":
                    owners.of["procedure"][ch.row_id] = str(ch.row.get("cadre_id") or "")
                ok = owners.in_subtree(owners.unit_of(table, dict(ch.row)))
            if not ok:
                _reject(preview, ch, translate("services.sync.importer",
                                               "The record belongs to a unit outside the sending unit’s scope."))
                continue
        elif table == "org_unit" and owners.in_subtree(ch.row_id):
            preview.add(table, UNCHANGED)  # this office's own units: it is their authority
            continue
        lrow = None
        hist = history.get(row_id, [])
        if lrow_json is not None:
            lrow = LocalRow(int(lrow_json.get("rev") or 0), str(lrow_json.get("hlc") or ""), bool(lrow_json.get("deleted")),
                            lrow_json)
        outcome = classify(ch, lrow, seen=already_seen(hist, ch.rev, ch.hlc),
                           local_changed=local_changes(hist, base_rev=ch.base_rev, sender=sender) if lrow else ())
        if refdata and outcome.kind in (SOFT, HARD):  # reference data: the office above decides
            outcome = Outcome(CHANGED, outcome.fields)
        kind_ = outcome.kind
        if kind_ == SOFT and not ctx.accept_soft:
            kind_ = "soft_queued"
        # Preview bookkeeping
        if kind_ == "soft_queued":
            preview.add(table, SOFT)
        else:
            preview.add(table, kind_)
        if table == "cadre" and kind_ != UNCHANGED and len(preview.diffs) < MAX_DIFFS:
            if kind_ == NEW:
                fields = [("full_name", None, ch.row.get("full_name"))]
            else:
                fs = outcome.fields or ()
                fields = [(f, (lrow_json or {}).get(f), ch.row.get(f)) for f in fs]
            preview.diffs.append(RowDiff(table, ch.row_id, _label(table, dict(ch.row)),
                                         SOFT if kind_ == "soft_queued" else kind_, fields))
        elif kind_ in (SOFT, HARD, "soft_queued") and len(preview.diffs) < MAX_DIFFS:
            preview.diffs.append(RowDiff(table, ch.row_id, _label(table, dict(lrow_json or ch.row)),
                                         SOFT if kind_ == "soft_queued" else kind_,
                                         [(f, (lrow_json or {}).get(f), ch.row.get(f)) for f in outcome.fields]))
        if table == "cadre" and kind_ == NEW and ch.row.get("id_number"):
            cccd_new.append(ch)
        if not write:
            continue
        # Writing
        if kind_ in (HARD, "soft_queued"):
            conflicts.append(_conflict_record(conn, table, row_id, ch, lrow_json or {}, outcome,
                                              HARD if kind_ == HARD else SOFT, "open", ctx, now))
            continue
        if kind_ == UNCHANGED and not outcome.touch:
            continue
        if kind_ == SOFT:
            assert outcome.merged is not None
            clock_ref[0] = hlc_mod.tick(clock_ref[0], int(time.time() * 1000))
            merged = repo.decode_row(table, outcome.merged)
            merged.update(rev=max(ch.rev, lrow.rev if lrow else 0) + 1, hlc=clock_ref[0].encode(),
                          origin_node=ctx.my_node, updated_at=now)
            updates.append(merged)
            log_rows.append((table, row_id, "U", int(merged["rev"]), lrow.rev if lrow else 0, clock_ref[0].encode(),
                             ctx.my_node, list(outcome.fields), sender))
            conflicts.append(_conflict_record(conn, table, row_id, ch, lrow_json or {}, outcome, SOFT, "merged", ctx, now))
        else:
            clock_ref[0] = hlc_mod.receive(clock_ref[0], hlc_mod.HLC.decode(ch.hlc), int(time.time() * 1000))
            row = repo.decode_row(table, ch.row)
            if row_id != ch.row_id:
                row["id"] = row_id
            if lrow_json is None:
                inserts.append(row)
            else:
                updates.append(row)
            op = "D" if kind_ == DELETED else ("I" if lrow_json is None else "U")
            log_rows.append((table, row_id, op, ch.rev, ch.base_rev, ch.hlc, ch.origin_node,
                             list(ch.changed_fields or outcome.fields), sender))
        if table == "cadre":
            cadre_touched.append(row_id)
    if cccd_new:
        _cccd(conn, cccd_new, preview, ctx, conflicts if write else None, now)
    if write:
        repo.write_rows(conn, table, inserts, updates)


def _with_row(ch: IncomingChange, row: dict[str, Any]) -> IncomingChange:
    return IncomingChange(ch.table, ch.row_id, ch.op, ch.rev, ch.base_rev, ch.hlc, ch.origin_node, ch.changed_fields, row)


def _conflict_record(conn: Connection, table: str, row_id: str, ch: IncomingChange, local: dict[str, Any],
                     outcome: Outcome, kind: str, status: str, ctx: _Context, now: datetime) -> m.SyncConflictRecord:
    fields = sorted(set(outcome.fields) | set(outcome.local_fields) | set(ch.changed_fields))
    if "deleted" in outcome.fields:
        fields = sorted(set(fields) | {"deleted"})
    fields = [f for f in fields if f in ch.row or f == "deleted"]
    base = repo.base_values(conn, table, row_id, fields)
    return m.SyncConflictRecord(
        table_name=table, row_id=row_id, kind=kind, fields=list(outcome.fields),
        base=base, local={f: local.get(f) for f in fields},
        incoming={f: (ch.deleted if f == "deleted" else ch.row.get(f)) for f in fields}
        | {"__meta__": {"rev": ch.rev, "hlc": ch.hlc, "origin_node": ch.origin_node, "from_unit": ctx.manifest.sender_unit,
                        "updated_by": ch.row.get("updated_by", "")}},
        package_id=ctx.manifest.package_id, status=status, created_at=now)


def _cccd(conn: Connection, new: list[IncomingChange], preview: Preview, ctx: _Context,
          conflicts: list[m.SyncConflictRecord] | None, now: datetime) -> None:
    """A new person whose CCCD another person of another unit already has: a possible transfer or duplicate."""
    numbers = sorted({str(c.row.get("id_number")) for c in new})
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    t = m.CadreRecord
    for i in range(0, len(numbers), 900):
        q = select(t.id, t.id_number, t.full_name, t.owner_unit_id).where(t.id_number.in_(numbers[i: i + 900]),
                                                                          t.deleted.is_(False))
        for rid, num, name, unit in conn.execute(q):
            found.setdefault(num, []).append((rid, num, name, unit))
    for c in new:
        for rid, num, name, unit in found.get(str(c.row.get("id_number")), []):
            if rid == c.row_id or unit == c.row.get("owner_unit_id"):
                continue
            _cccd_found(preview, ctx, conflicts, now, {**c.row, "id": c.row_id}, rid, num, name, unit)


def _cccd_found(preview: Preview, ctx: _Context, conflicts: list[m.SyncConflictRecord] | None, now: datetime,
                row: dict[str, Any], rid: str, num: str, name: str, unit: str) -> None:
    """One incoming new person (``row``) whose CCCD person ``rid`` of another unit already has."""
    preview.cccd += 1
    preview.by_table.setdefault("cadre", {})["cccd"] = preview.by_table.get("cadre", {}).get("cccd", 0) + 1
    if len(preview.diffs) < MAX_DIFFS:
        preview.diffs.append(RowDiff("cadre", row["id"], str(row.get("full_name", "")), "cccd",
                                     [("id_number", num, row.get("id_number")),
                                      ("full_name", name, row.get("full_name")),
                                      ("owner_unit_id", unit, row.get("owner_unit_id"))]))
    if conflicts is not None:
        fields = ["id_number", "full_name", "birth_date", "owner_unit_id"]
        conflicts.append(m.SyncConflictRecord(
            table_name="cadre", row_id=row["id"], kind="cccd", fields=["id_number"], base={"other_id": rid},
            local={"id": rid, "id_number": num, "full_name": name, "owner_unit_id": unit},
            incoming={f: row.get(f) for f in fields} | {"id": row["id"]},
            package_id=ctx.manifest.package_id, status="open", created_at=now))


def _refresh_search(uow: UnitOfWork, conn: Connection, ids: list[str], placed_only: list[str] | None = None) -> None:
    """Derived cadre columns (sort key, search texts) and the search index position of written cadres
    (``placed_only``: cadres whose derived columns are already right, to be placed in the index only)."""
    unit_names = {r[0]: r[1] for r in conn.execute(text("SELECT id, name FROM org_unit"))}
    t = repo.table("cadre")
    stmt = update(t).where(t.c.id == bindparam("b_id"))
    params: list[dict[str, Any]] = []
    placed: list[tuple[str, str]] = []
    cols = ("id", "full_name", "family_name", "middle_name", "given_name", "name_family_last", "other_names",
            "id_number", "phone", "birth_date", "hometown", "owner_unit_id", "deleted", "trashed_at")
    for i in range(0, len(ids), 900):
        part = ids[i: i + 900]
        q = select(*[t.c[c] for c in cols]).where(t.c.id.in_(part))
        for r in conn.execute(q):
            name = PersonName(r.family_name or "", r.middle_name or "", r.given_name or "", bool(r.name_family_last))
            key = name.sort_key(r.birth_date.isoformat() if r.birth_date else "")
            fold_t, exact, info = search_texts(full_name=r.full_name, other_names=r.other_names or "",
                                               id_number=r.id_number or "", phone=r.phone or "",
                                               birth_year=r.birth_date.year if r.birth_date else None,
                                               hometown=r.hometown or "", unit_name=unit_names.get(r.owner_unit_id, ""))
            params.append({"b_id": r.id, "name_sort_key": key, "search_fold": fold_t, "search_exact": exact,
                           "search_info": info, "search_rowid": None})
            if not r.deleted and r.trashed_at is None:
                placed.append((r.id, key))
    if params:
        conn.execute(stmt, params)
    for i in range(0, len(placed_only or []), 900):
        part = (placed_only or [])[i: i + 900]
        q2 = select(t.c.id, t.c.name_sort_key).where(t.c.id.in_(part), t.c.deleted.is_(False), t.c.trashed_at.is_(None))
        placed.extend((r[0], r[1]) for r in conn.execute(q2))
    if conn.dialect.name != "sqlite" or not placed:
        return
    if len(placed) > 300:
        fts.renumber_and_rebuild(conn)
        return
    session = uow.session
    for cid, key in placed:
        rid = fts.place_in_name_order(session, cid, key, None)
        conn.execute(stmt, [{"b_id": cid, "search_rowid": rid}])


def _finish(uow: UnitOfWork, ctx: _Context, applied: Preview) -> None:
    """The package record, the stream position and the audit entry, in the apply transaction."""
    m_ = ctx.manifest
    now = uow.now()
    uow.session.add(m.SyncPackageRecord(
        package_id=m_.package_id, direction="in", peer_node_id=m_.from_node, kind=m_.kind, epoch=m_.epoch, seq=m_.seq,
        sha256=ctx.sha, status="applied", at=now,
        counts={**applied.counts(), "to_change_seq": int(m_.change_range.get("to_change_seq", 0) or 0),
                "audit_sha256": ctx.audit_sha256},
        file_name=""))
    if m_.kind in DATA_KINDS:
        repo.update_peer(uow.session, m_.from_node, last_in_package=m_.seq, last_in_sha256=ctx.sha, epoch=m_.epoch)
    uow.audit("sync_import", "sync_package", m_.package_id,
              {"kind": m_.kind, "from": m_.sender_unit, "seq": m_.seq, "counts": applied.counts(),
               "audit_entries": int(m_.counts.get("audit", 0) or 0)})
    # Foreign keys are enforced on every insert (PRAGMA foreign_keys = ON); a small import is also checked table by
    # table before commit, as the sanity check of sync.md (a province-sized one would scan millions of rows).
    conn = uow.session.connection()
    written = [t for t, c in applied.by_table.items() if any(c.get(k) for k in (NEW, CHANGED, DELETED, SOFT))]
    if sum(applied.counts().values()) <= 5000 and repo.foreign_key_problems(conn, written):
        raise IntegrityError("foreign_key_check", {}, Exception("foreign key check failed"))


def _apply_ack(uowf: UowFactory, base: ImportResult, reader: PayloadReader, manifest: container.Manifest, sha: str,
               dry_run: bool) -> ImportResult:
    data = reader.json_file("ack.json")
    if not isinstance(data, dict) or not isinstance(data.get("acks"), list):
        return _stop(base, "rejected", translate("services.sync.importer", "The acknowledgement package has no valid contents."),
                     translate("services.sync.importer", "Package contents"))
    base.checks.append(CheckLine(translate("services.sync.importer", "Acknowledgement package contents valid"), True))
    with uowf() as uow:
        node = peers._node(uow)
        peer = repo.get_peer(uow.session, manifest.from_node)
        assert peer is not None
        acked = peer.last_acked_seq
        n = 0
        for a in data["acks"]:
            if not isinstance(a, dict):
                continue
            pkg = repo.get_package(uow.session, str(a.get("package_id", "")))
            if pkg is None or pkg.direction != "out" or pkg.epoch != node.epoch:
                continue
            upto = int(pkg.counts.get("to_change_seq", 0) or 0)
            acked = max(acked, min(upto, peer.last_sent_seq))
            rec = uow.session.get(m.SyncPackageRecord, pkg.package_id)
            if rec is not None and rec.status != "acked":
                rec.status = "acked"
            n += 1
        base.counts = {"acked_packages": n, "last_acked_seq": acked}
        if dry_run:
            base.status = "preview"
            base.reason = translate("services.sync.importer", "The package acknowledges {count} sent packages.").format(count=n)
            return base
        repo.update_peer(uow.session, peer.node_id, last_acked_seq=acked)
        uow.session.add(m.SyncPackageRecord(
            package_id=manifest.package_id, direction="in", peer_node_id=manifest.from_node, kind="ack",
            epoch=manifest.epoch, seq=manifest.seq, sha256=sha, status="applied", at=uow.now(), counts=base.counts,
            file_name=""))
        uow.audit("sync_ack_in", "sync_package", manifest.package_id, {"acked": n, "last_acked_seq": acked})
        uow.commit()
    base.status = "applied"
    base.reason = translate("services.sync.importer", "The parent unit acknowledged {count} packages; the records up to mark {mark} "
                                                      "are synchronised.").format(
        count=n, mark=acked)
    return base

