"""The audit log: reading it (filters for the viewer and ``canbo audit list``) and verifying its hash chain.

Every row of ``audit_log`` carries ``hash = sha256(prev_hash + "\\n" + canonical JSON of the entry)`` where
``prev_hash`` is the hash of the row before it (``db.uow.audit_hash``). ``verify_chain`` walks the rows by ``seq``
and recomputes every hash, so that

* an **edited** row (any of its fields changed in place) no longer matches its own hash — or, if the editor also
  recomputed that hash, no longer matches the ``prev_hash`` of the next row;
* a **deleted** row leaves a gap: the next row's ``prev_hash`` names a hash no longer there (and ``seq`` jumps);
* an **inserted** row is skipped over by its successor, whose ``prev_hash`` is the hash of the row before it.

The trails **received** from other offices with their sync packages (kept by the importer as attachments named by
their sha256) are read by ``received_sources``, ``list_received``, ``received_facets`` and checked by
``verify_received``: every stored file against its hash, then the sender's own chain across its packages.

Limits (docs/security.md): the chain has no secret key, so someone who rewrites the whole tail of the chain with
the right hashes, or deletes only the newest rows, is not detected from this file alone; the newest hash travels
in the sync packages and the backups, where a rewrite shows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from canbo_desktop.db.models import AttachmentRecord, AuditRecord, SyncPackageRecord, SyncPeerRecord
from canbo_desktop.db.uow import UowFactory, audit_hash
from canbo_desktop.domain.text import fold
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

BATCH = 2000


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    id: str
    at: datetime
    actor: str
    node_id: str
    action: str
    entity: str
    entity_id: str
    changes: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int  # rows read
    first_bad_seq: int | None = None
    kind: str = ""  # "" | "edited" | "deleted" | "inserted" | "file" | "missing" (a received trail's file)
    message: str = ""  # Vietnamese, names the row
    head_hash: str = ""  # the newest hash (to compare with a copy kept elsewhere)
    details: list[str] = field(default_factory=list)


def _entry(r: Any) -> AuditEntry:
    return AuditEntry(int(r.seq), str(r.id), r.at, str(r.actor), str(r.node_id or ""), str(r.action),
                      str(r.entity or ""), str(r.entity_id or ""), dict(r.changes or {}), str(r.prev_hash or ""),
                      str(r.hash or ""))


def recompute(e: AuditEntry) -> str:
    """The hash the entry should carry, from its content and its ``prev_hash`` (as ``UnitOfWork`` computed it)."""
    payload = {
        "id": e.id,
        "at": e.at.isoformat() if isinstance(e.at, datetime) else str(e.at),
        "actor": e.actor,
        "node_id": e.node_id,
        "action": e.action,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "changes": e.changes,
    }
    return audit_hash(e.prev_hash, payload)


def _iter_rows(uowf: UowFactory) -> Iterator[AuditEntry]:
    with uowf() as uow:
        last = 0
        while True:
            rows = uow.session.execute(
                select(AuditRecord).where(AuditRecord.seq > last).order_by(AuditRecord.seq).limit(BATCH)
            ).scalars().all()
            if not rows:
                return
            for r in rows:
                yield _entry(r)
            last = int(rows[-1].seq)
            uow.session.expunge_all()


def _where(e: AuditEntry) -> str:
    when = e.at.strftime("%d/%m/%Y %H:%M") if isinstance(e.at, datetime) else str(e.at)
    what = f"{e.action} {e.entity}".strip()
    return translate("services.audit", "row {seq} ({when}, {actor}, {what})").format(
        seq=e.seq, when=when, actor=e.actor, what=what)


def verify_chain(uowf: UowFactory) -> VerifyResult:
    """Walk the audit log by ``seq`` and report the first row where the chain breaks (see the module docstring)."""
    return _walk(_iter_rows(uowf), translate("services.audit", "The audit log"))


def _walk(entries: Iterable[AuditEntry], subject: str, *, anchored: bool = True) -> VerifyResult:
    """The chain check of ``verify_chain`` over any run of entries in ``seq`` order. ``anchored``: the first entry
    must start the chain (empty ``prev_hash``); otherwise its ``prev_hash`` is taken as given (a trail received
    from its middle)."""
    prev: AuditEntry | None = None
    before_prev: AuditEntry | None = None
    checked = 0
    for e in entries:
        checked += 1
        own = recompute(e)
        expected_prev = prev.hash if prev is not None else ("" if anchored else e.prev_hash)
        if own != e.hash:
            return VerifyResult(False, checked, e.seq, "edited",
                                translate("services.audit", "{subject} was edited at {where}: its content does not "
                                          "match its hash.").format(subject=subject, where=_where(e)))
        if e.prev_hash != expected_prev:
            if prev is None:
                return VerifyResult(False, checked, e.seq, "deleted",
                                    translate("services.audit", "{subject} has lost its first rows (before {where})."
                                              ).format(subject=subject, where=_where(e)))
            if (before_prev.hash if before_prev is not None else "") == e.prev_hash:
                return VerifyResult(False, checked, prev.seq, "inserted",
                                    translate("services.audit", "{subject} has an inserted row: {where} is not part "
                                              "of the chain.").format(subject=subject, where=_where(prev)))
            if e.seq != prev.seq + 1:
                missing = f"{prev.seq + 1}" if e.seq == prev.seq + 2 else f"{prev.seq + 1}–{e.seq - 1}"
                return VerifyResult(False, checked, prev.seq + 1, "deleted",
                                    translate("services.audit", "{subject} has lost row {missing} (between row "
                                              "{previous} and {where}).").format(
                                        subject=subject, missing=missing, previous=prev.seq, where=_where(e)))
            return VerifyResult(False, checked, prev.seq, "edited",
                                translate("services.audit", "{subject} was edited or replaced at {where}: row {seq} "
                                          "no longer links to it.").format(subject=subject, where=_where(prev),
                                                                           seq=e.seq))
        before_prev, prev = prev, e
    return VerifyResult(True, checked, head_hash=prev.hash if prev else "",
                        message=translate("services.audit", "{subject} is intact: {count} rows, the hash chain "
                                          "matches.").format(subject=subject, count=checked))


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""  # exact, or a prefix ending with "." ("appointment.")
    entity: str = ""
    entity_id: str = ""
    date_from: date | None = None
    date_to: date | None = None  # inclusive


def list_entries(uowf: UowFactory, flt: AuditFilter | None = None, *, limit: int = 500, offset: int = 0,
                 newest_first: bool = True) -> list[AuditEntry]:
    """Audit entries matching ``flt`` (newest first by default), ``limit`` at a time."""
    f = flt or AuditFilter()
    q = select(AuditRecord)
    if f.actor:
        q = q.where(AuditRecord.actor == f.actor)
    if f.action:
        q = q.where(AuditRecord.action.startswith(f.action) if f.action.endswith(".") else AuditRecord.action == f.action)
    if f.entity:
        q = q.where(AuditRecord.entity == f.entity)
    if f.entity_id:
        q = q.where(AuditRecord.entity_id == f.entity_id)
    if f.date_from is not None:
        q = q.where(AuditRecord.at >= datetime.combine(f.date_from, time.min))
    if f.date_to is not None:
        q = q.where(AuditRecord.at < datetime.combine(f.date_to + timedelta(days=1), time.min))
    q = q.order_by(AuditRecord.seq.desc() if newest_first else AuditRecord.seq).limit(max(0, limit)).offset(max(0, offset))
    with uowf() as uow:
        return [_entry(r) for r in uow.session.execute(q).scalars().all()]


@dataclass(frozen=True)
class AuditFacets:
    actors: list[str]
    actions: list[str]
    entities: list[str]
    count: int


def facets(uowf: UowFactory) -> AuditFacets:
    """The values the viewer's filter boxes offer."""
    with uowf() as uow:
        s = uow.session
        actors = [str(a) for a in s.scalars(select(AuditRecord.actor).distinct().order_by(AuditRecord.actor))]
        actions = [str(a) for a in s.scalars(select(AuditRecord.action).distinct().order_by(AuditRecord.action))]
        entities = [str(a) for a in s.scalars(select(AuditRecord.entity).distinct().order_by(AuditRecord.entity)) if a]
        count = int(s.scalar(select(func.count()).select_from(AuditRecord)) or 0)
    return AuditFacets(actors, actions, entities, count)


# --------------------------------------------------------------------------- received trails (sync)
#
# A sync import keeps the sender's ``audit.ndjson`` as it came: an attachment named by its sha256, which the package
# record (``sync_package``, direction "in") names in ``counts["audit_sha256"]`` (``services/sync/importer.py``).
# Each package holds the sender's entries since its last package to this office (a full package: all of them), in
# the sender's own hash chain. The viewer reads them here: per sending office, merged in the order received (a
# package replaces what was held from its first ``seq`` on: after a restore the sender's history restarts there),
# filtered like the local log, and verified: every stored file against its name (a changed byte changes the hash),
# then the sender's chain across the packages.

LOCAL_SOURCE = ""  # the viewer's key for this office's own log


@dataclass(frozen=True)
class AuditSource:
    """An office whose audit trail came with the sync packages it sent here."""

    node_id: str
    name: str
    packages: int  # packages that brought entries


@dataclass(frozen=True)
class _StoredTrail:
    package_id: str
    seq: int
    epoch: int
    at: datetime
    sha256: str
    data: bytes | None  # None: the file is no longer there


def _audit_sha(counts: Any) -> str:
    return str(counts.get("audit_sha256") or "") if isinstance(counts, dict) else ""


def received_sources(uowf: UowFactory) -> list[AuditSource]:
    """The offices whose packages brought audit entries (sub-offices, or the parent), by name."""
    with uowf() as uow:
        s = uow.session
        per_node: dict[str, int] = {}
        for node, counts in s.execute(
            select(SyncPackageRecord.peer_node_id, SyncPackageRecord.counts)
            .where(SyncPackageRecord.direction == "in", SyncPackageRecord.status == "applied")
        ):
            if _audit_sha(counts):
                per_node[str(node)] = per_node.get(str(node), 0) + 1
        names = {str(n): str(name or "") for n, name in s.execute(
            select(SyncPeerRecord.node_id, SyncPeerRecord.name).where(SyncPeerRecord.node_id.in_(list(per_node))))}
    out = [AuditSource(n, names.get(n) or n, k) for n, k in per_node.items()]
    return sorted(out, key=lambda x: (fold(x.name), x.node_id))


def _stored_trails(uowf: UowFactory, node_id: str) -> tuple[str, list[_StoredTrail]]:
    """The sender's name and its stored trails, in the order the packages were received."""
    with uowf() as uow:
        s = uow.session
        peer = s.get(SyncPeerRecord, node_id)
        name = str(peer.name or node_id) if peer is not None else node_id
        trails: list[_StoredTrail] = []
        packages = s.scalars(
            select(SyncPackageRecord)
            .where(SyncPackageRecord.direction == "in", SyncPackageRecord.status == "applied",
                   SyncPackageRecord.peer_node_id == node_id)
            .order_by(SyncPackageRecord.at, SyncPackageRecord.epoch, SyncPackageRecord.seq)
        ).all()
        for rec in packages:
            sha = _audit_sha(rec.counts)
            if not sha:
                continue
            att = s.get(AttachmentRecord, sha)
            trails.append(_StoredTrail(str(rec.package_id), int(rec.seq), int(rec.epoch), rec.at, sha,
                                       bytes(att.data) if att is not None else None))
            if att is not None:
                s.expunge(att)  # one file at a time in the session
    return name, trails


def _from_json(d: Any) -> AuditEntry:
    if not isinstance(d, dict):
        raise TypeError("not an object")
    changes = d.get("changes") or {}
    if not isinstance(changes, dict):
        raise TypeError("changes")
    return AuditEntry(int(d["seq"]), str(d["id"]), datetime.fromisoformat(str(d["at"])), str(d["actor"]),
                      str(d.get("node_id") or ""), str(d["action"]), str(d.get("entity") or ""),
                      str(d.get("entity_id") or ""), dict(changes), str(d.get("prev_hash") or ""),
                      str(d.get("hash") or ""))


def _parse_trail(data: bytes) -> tuple[list[AuditEntry], list[int]]:
    """The entries of one stored file, and the numbers of the lines that could not be read."""
    entries: list[AuditEntry] = []
    bad: list[int] = []
    for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(_from_json(json.loads(line)))
        except (ValueError, TypeError, KeyError):
            bad.append(n)
    return entries, bad


def _merge(runs: Iterable[list[AuditEntry]]) -> list[AuditEntry]:
    """One trail from the packages' runs, in the order received: a run replaces what was held from its first seq."""
    held: list[AuditEntry] = []
    for run in runs:
        if not run:
            continue
        first = run[0].seq
        held = [e for e in held if e.seq < first]
        held.extend(run)
    return held


def _received(uowf: UowFactory, node_id: str) -> list[AuditEntry]:
    _name, trails = _stored_trails(uowf, node_id)
    return _merge(_parse_trail(t.data)[0] for t in trails if t.data is not None)


def _matches(e: AuditEntry, f: AuditFilter) -> bool:
    if f.actor and e.actor != f.actor:
        return False
    if f.action and not (e.action.startswith(f.action) if f.action.endswith(".") else e.action == f.action):
        return False
    if f.entity and e.entity != f.entity:
        return False
    if f.entity_id and e.entity_id != f.entity_id:
        return False
    if f.date_from is not None and e.at < datetime.combine(f.date_from, time.min):
        return False
    return not (f.date_to is not None and e.at >= datetime.combine(f.date_to + timedelta(days=1), time.min))


def list_received(uowf: UowFactory, node_id: str, flt: AuditFilter | None = None, *, limit: int = 500,
                  offset: int = 0, newest_first: bool = True) -> list[AuditEntry]:
    """The audit entries received from the office ``node_id`` that match ``flt`` (newest first by default)."""
    f = flt or AuditFilter()
    rows = [e for e in _received(uowf, node_id) if _matches(e, f)]
    if newest_first:
        rows.reverse()
    start = max(0, offset)
    return rows[start:start + max(0, limit)]


def received_facets(uowf: UowFactory, node_id: str) -> AuditFacets:
    """The values the viewer's filter boxes offer for the trail received from ``node_id``."""
    rows = _received(uowf, node_id)
    return AuditFacets(sorted({e.actor for e in rows}), sorted({e.action for e in rows}),
                       sorted({e.entity for e in rows if e.entity}), len(rows))


def verify_received(uowf: UowFactory, node_id: str) -> VerifyResult:
    """Check the trail received from ``node_id``: each stored file against the hash it is named by, then the
    sender's hash chain across its packages (``kind`` "file" or "missing" for a stored file, else as
    ``verify_chain``)."""
    name, trails = _stored_trails(uowf, node_id)
    subject = translate("services.audit", "The log received from “{name}”").format(name=name)
    runs: list[list[AuditEntry]] = []
    for t in trails:
        where = translate("services.audit", "package {seq} received at {time} on {date}").format(
            seq=t.seq, time=f"{t.at:%H:%M}", date=f"{t.at:%d/%m/%Y}")
        if t.data is None:
            return VerifyResult(False, 0, None, "missing", translate(
                "services.audit", "{subject}: the log file of {where} is missing.").format(subject=subject, where=where))
        if hashlib.sha256(t.data).hexdigest() != t.sha256:
            return VerifyResult(False, 0, None, "file",
                                translate("services.audit", "{subject}: the log file of {where} was changed after it "
                                          "was received (the file's hash no longer matches the one recorded on "
                                          "receipt).").format(subject=subject, where=where))
        entries, bad = _parse_trail(t.data)
        if bad:
            return VerifyResult(False, 0, None, "edited",
                                translate("services.audit", "{subject}: line {line} of the log file of {where} "
                                          "cannot be read.").format(subject=subject, line=bad[0], where=where))
        runs.append(entries)
    merged = _merge(runs)
    if not merged:
        return VerifyResult(True, 0, message=translate("services.audit", "{subject}: no entries yet.").format(
            subject=subject))
    return _walk(merged, subject, anchored=merged[0].seq == 1)


ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("services.audit", "Add"),
    "update": QT_TRANSLATE_NOOP("services.audit", "Edit"),
    "delete": QT_TRANSLATE_NOOP("services.audit", "Delete"),
    "export": QT_TRANSLATE_NOOP("services.audit", "Export file"),
    "print": QT_TRANSLATE_NOOP("services.audit", "Print"),
    "view_sensitive": QT_TRANSLATE_NOOP("services.audit", "View sensitive data"),
    "import": QT_TRANSLATE_NOOP("services.audit", "Excel import"),
    "restore": QT_TRANSLATE_NOOP("services.audit", "Restore backup"),
    "demo_load": QT_TRANSLATE_NOOP("services.audit", "Load sample data"),
}


def action_label(action: str) -> str:
    return translate("services.audit", ACTION_LABELS[action]) if action in ACTION_LABELS else action


def _short(value: Any, width: int = 60) -> str:
    if value is None or value == "":
        return "∅"
    text = value if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_changes(e: AuditEntry, *, width: int = 60) -> list[str]:
    """The entry's changes as lines a clerk reads: ``field: old → new`` for edits, ``key: value`` otherwise."""
    lines: list[str] = []
    for key in sorted(e.changes):
        v = e.changes[key]
        if isinstance(v, list) and len(v) == 2 and e.action in ("insert", "update", "delete"):
            old, new = v
            lines.append(f"{key}: {_short(new, width)}" if old is None else f"{key}: {_short(old, width)} → {_short(new, width)}")
        else:
            lines.append(f"{key}: {_short(v, width)}")
    return lines
