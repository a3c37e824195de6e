"""The audit log: reading it (filters for the viewer and ``canbo audit list``) and verifying its hash chain.

Every row of ``audit_log`` carries ``hash = sha256(prev_hash + "\\n" + canonical JSON of the entry)`` where
``prev_hash`` is the hash of the row before it (``db.uow.audit_hash``). ``verify_chain`` walks the rows by ``seq``
and recomputes every hash, so that

* an **edited** row (any of its fields changed in place) no longer matches its own hash — or, if the editor also
  recomputed that hash, no longer matches the ``prev_hash`` of the next row;
* a **deleted** row leaves a gap: the next row's ``prev_hash`` names a hash no longer there (and ``seq`` jumps);
* an **inserted** row is skipped over by its successor, whose ``prev_hash`` is the hash of the row before it.

Limits (docs/security.md): the chain has no secret key, so someone who rewrites the whole tail of the chain with
the right hashes, or deletes only the newest rows, is not detected from this file alone; the newest hash travels
in the sync packages and the backups, where a rewrite shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from canbo_desktop.db.models import AuditRecord
from canbo_desktop.db.uow import UowFactory, audit_hash

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
    kind: str = ""  # "" | "edited" | "deleted" | "inserted"
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
    return f"dòng số {e.seq} ({when}, {e.actor}, {what})"


def verify_chain(uowf: UowFactory) -> VerifyResult:
    """Walk the audit log by ``seq`` and report the first row where the chain breaks (see the module docstring)."""
    prev: AuditEntry | None = None
    before_prev: AuditEntry | None = None
    checked = 0
    for e in _iter_rows(uowf):
        checked += 1
        own = recompute(e)
        expected_prev = prev.hash if prev is not None else ""
        if own != e.hash:
            return VerifyResult(False, checked, e.seq, "edited",
                                f"Nhật ký thao tác đã bị sửa ở {_where(e)}: nội dung không khớp mã băm của nó.")
        if e.prev_hash != expected_prev:
            if prev is None:
                return VerifyResult(False, checked, e.seq, "deleted",
                                    f"Nhật ký thao tác bị xoá các dòng đầu tiên (trước {_where(e)}).")
            if (before_prev.hash if before_prev is not None else "") == e.prev_hash:
                return VerifyResult(False, checked, prev.seq, "inserted",
                                    f"Nhật ký thao tác có dòng bị chèn thêm: {_where(prev)} không thuộc chuỗi.")
            if e.seq != prev.seq + 1:
                missing = f"{prev.seq + 1}" if e.seq == prev.seq + 2 else f"{prev.seq + 1}–{e.seq - 1}"
                return VerifyResult(False, checked, prev.seq + 1, "deleted",
                                    f"Nhật ký thao tác bị xoá dòng số {missing} (giữa dòng số {prev.seq} và {_where(e)}).")
            return VerifyResult(False, checked, prev.seq, "edited",
                                f"Nhật ký thao tác đã bị sửa hoặc thay thế ở {_where(prev)}: "
                                f"dòng số {e.seq} không còn nối vào nó.")
        before_prev, prev = prev, e
    return VerifyResult(True, checked, head_hash=prev.hash if prev else "",
                        message=f"Nhật ký thao tác toàn vẹn: {checked} dòng, chuỗi mã băm khớp.")


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


ACTION_LABELS = {
    "insert": "Thêm",
    "update": "Sửa",
    "delete": "Xoá",
    "export": "Xuất tệp",
    "print": "In",
    "view_sensitive": "Xem thông tin nhạy cảm",
    "import": "Nhập Excel",
    "restore": "Khôi phục sao lưu",
    "demo_load": "Tạo dữ liệu mẫu",
}


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


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
