"""Unit of work: one transaction per operation, with tracking written in the same transaction.

Every flush of a unit of work, whatever the service did, passes through ``_before_flush``:

* synced rows get their id (UUIDv7), ``rev`` + 1, a new HLC, ``origin_node``, ``updated_by``;
* derived cadre columns (sort key, search texts) are recomputed from the row itself;
* a ``sync_change_log`` row (op, rev, base_rev, changed fields) and an ``audit_log`` row (old → new)
  are added to the same flush, so an edit without its tracking cannot be committed.

Services receive a ``UowFactory`` and never build engines or sessions themselves.
"""

from __future__ import annotations

import hashlib
import json
import time
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from canbo_desktop.db import access
from canbo_desktop.db.base import new_id
from canbo_desktop.db.engine import translate_errors
from canbo_desktop.db.models import AuditRecord, CadreRecord, ChangeLogRecord, LocalNodeRecord, OrgUnitRecord
from canbo_desktop.db.search import place_in_name_order
from canbo_desktop.domain import hlc as hlc_mod
from canbo_desktop.domain.access import Principal
from canbo_desktop.domain.cadre import search_texts
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.names import PersonName

# Columns that are bookkeeping, not content: not listed as "changed fields" and not audited.
TRACKING_COLUMNS = frozenset({"rev", "hlc", "origin_node", "updated_by", "updated_at"})
DERIVED_COLUMNS = frozenset({"name_sort_key", "search_fold", "search_exact", "search_info", "search_rowid"})
SECRET_COLUMNS = frozenset({"password_hash"})


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def audit_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """Hash of an audit entry chained to the previous one (tampering breaks the chain)."""
    payload = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + "\n" + payload).encode("utf-8")).hexdigest()


def is_synced(obj: object) -> bool:
    return bool(getattr(type(obj), "__synced__", False))


class UnitOfWork:
    """``with uow_factory() as uow: …; uow.commit()`` — anything not committed is rolled back."""

    def __init__(self, engine: Engine, actor: str, *, now: Callable[[], datetime] = datetime.now) -> None:
        self.engine = engine
        self.actor = unicodedata.normalize("NFC", actor) if actor else "system"  # as stored (NFCString): the audit hash
        self._now = now
        self.changes = ChangeSet()
        self.session: Session
        self._node: LocalNodeRecord | None = None
        self._node_loaded = False
        self._unit_names: dict[str, str] = {}
        self._placed: list[tuple[str, int]] = []  # search row ids given out in the current flush
        self._audit_prev: str | None = None
        self._committed = False
        self.track = True  # a bulk loader may write its own tracking rows and switch this off
        self.principal: Principal | None = None  # who acts: resolved from the actor by db/access.py

    # -- context management ---------------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        self.session = Session(self.engine, expire_on_commit=False, autoflush=True)
        event.listen(self.session, "before_flush", self._before_flush)
        access.install(self)  # role × scope check of every write (db/access.py)
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
        if exc is not None and isinstance(exc, DBAPIError):
            raise translate_errors(exc, str(self.engine.url.database or "")) from exc

    def commit(self) -> ChangeSet:
        try:
            self.session.commit()
        except CanboError:
            self.session.rollback()
            raise
        except DBAPIError as exc:
            self.session.rollback()
            raise translate_errors(exc, str(self.engine.url.database or "")) from exc
        self._committed = True
        return self.changes

    def rollback(self) -> None:
        self.session.rollback()

    def flush(self) -> None:
        self.session.flush()

    # -- node, clock ----------------------------------------------------------------------------
    @property
    def node(self) -> LocalNodeRecord | None:
        if not self._node_loaded:
            with self.session.no_autoflush:
                self._node = self.session.scalars(select(LocalNodeRecord).limit(1)).first()
            self._node_loaded = True
        return self._node

    def set_node(self, node: LocalNodeRecord) -> None:
        self._node = node
        self._node_loaded = True

    def _next_hlc(self) -> str:
        node = self.node
        last = hlc_mod.HLC.decode(node.last_hlc if node else "")
        nxt = hlc_mod.tick(last, int(time.time() * 1000))
        if node is not None:
            node.last_hlc = nxt.encode()
        return nxt.encode()

    def now(self) -> datetime:
        return self._now().replace(microsecond=0)

    # -- audit ----------------------------------------------------------------------------------
    def audit(self, action: str, entity: str = "", entity_id: str = "", changes: dict[str, Any] | None = None) -> None:
        """Record a non-data event (export, print, view of sensitive data) in the chained audit log."""
        self._add_audit(action, entity, entity_id, changes or {})

    def _add_audit(self, action: str, entity: str, entity_id: str, changes: dict[str, Any]) -> None:
        if self._audit_prev is None:
            with self.session.no_autoflush:
                last = self.session.scalars(select(AuditRecord.hash).order_by(AuditRecord.seq.desc()).limit(1)).first()
            self._audit_prev = last or ""
        node = self.node
        entry: dict[str, Any] = {
            "id": new_id(),
            "at": self.now().isoformat(),
            "actor": self.actor,
            "node_id": node.node_id if node else "",
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "changes": changes,
        }
        digest = audit_hash(self._audit_prev, entry)
        self.session.add(
            AuditRecord(
                id=entry["id"],
                at=datetime.fromisoformat(str(entry["at"])),
                actor=self.actor,
                node_id=entry["node_id"],
                action=action,
                entity=entity,
                entity_id=entity_id,
                changes=changes,
                prev_hash=self._audit_prev,
                hash=digest,
            )
        )
        self._audit_prev = digest

    # -- derived columns ------------------------------------------------------------------------
    def _unit_name(self, unit_id: str) -> str:
        if unit_id not in self._unit_names:
            with self.session.no_autoflush:
                unit = self.session.get(OrgUnitRecord, unit_id)
            self._unit_names[unit_id] = unit.name if unit else ""
        return self._unit_names[unit_id]

    def _derive_cadre(self, c: CadreRecord) -> None:
        name = PersonName(c.family_name or "", c.middle_name or "", c.given_name or "", bool(c.name_family_last))
        if name.full_name:
            c.full_name = name.full_name
        birth_iso = c.birth_date.isoformat() if c.birth_date else ""
        c.name_sort_key = name.sort_key(birth_iso)
        if self.engine.dialect.name == "sqlite":
            if c.trashed_at is not None or c.deleted:
                c.search_rowid = None  # out of the index while in the trash
            else:
                c.search_rowid = place_in_name_order(
                    self.session, c.id, c.name_sort_key, c.search_rowid, self._placed
                )
                self._placed.append((c.name_sort_key, c.search_rowid))
        c.search_fold, c.search_exact, c.search_info = search_texts(
            full_name=c.full_name,
            other_names=c.other_names or "",
            id_number=c.id_number or "",
            phone=c.phone or "",
            birth_year=c.birth_date.year if c.birth_date else None,
            hometown=c.hometown or "",
            unit_name=self._unit_name(c.owner_unit_id),
        )

    # -- the tracking hook ----------------------------------------------------------------------
    def _before_flush(self, session: Session, _ctx: Any, _instances: Any) -> None:
        self._placed = []
        if not self.track:
            return
        now = self.now()
        for obj in list(session.new):
            if isinstance(obj, AuditRecord | ChangeLogRecord | LocalNodeRecord):
                continue
            table = obj.__table__.name
            if "id" in inspect(obj).mapper.columns and not getattr(obj, "id", None):
                obj.id = new_id()
            if isinstance(obj, CadreRecord):
                self._derive_cadre(obj)
            values = {
                c.key: _jsonable(getattr(obj, c.key))
                for c in inspect(obj).mapper.column_attrs
                if c.key not in TRACKING_COLUMNS and c.key not in DERIVED_COLUMNS
            }
            if is_synced(obj):
                self._stamp(obj, now, rev=1)
                changed = sorted(k for k, v in values.items() if v not in (None, "", [], {}) and k != "id")
                self._log_change(obj, table, "I", 0, changed)
            pk = self._pk(obj)
            self.changes.add("created", table, pk)
            self._add_audit("insert", table, pk, {k: [None, self._mask(k, v)] for k, v in values.items() if v not in (None, "")})

        for obj in list(session.dirty):
            if isinstance(obj, AuditRecord | ChangeLogRecord | LocalNodeRecord):
                continue
            if not session.is_modified(obj, include_collections=False):
                continue
            table = obj.__table__.name
            if isinstance(obj, CadreRecord):
                self._derive_cadre(obj)
            state = inspect(obj)
            diff: dict[str, list[Any]] = {}
            for attr in state.mapper.column_attrs:
                if attr.key in TRACKING_COLUMNS or attr.key in DERIVED_COLUMNS:
                    continue
                hist = state.attrs[attr.key].history
                if hist.has_changes():
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else None
                    if old != new:
                        diff[attr.key] = [self._mask(attr.key, _jsonable(old)), self._mask(attr.key, _jsonable(new))]
            if not diff:
                continue
            pk = self._pk(obj)
            if is_synced(obj):
                base_rev = int(getattr(obj, "rev", 0) or 0)
                self._stamp(obj, now, rev=base_rev + 1)
                op = "D" if diff.get("deleted", [False, False])[1] is True else "U"
                self._log_change(obj, table, op, base_rev, sorted(diff))
            kind = "deleted" if diff.get("deleted", [False, False])[1] is True else "updated"
            self.changes.add(kind, table, pk)
            self._add_audit("update", table, pk, diff)

        for obj in list(session.deleted):
            if isinstance(obj, AuditRecord | ChangeLogRecord | LocalNodeRecord):
                continue
            table = obj.__table__.name
            pk = self._pk(obj)
            if is_synced(obj):
                base_rev = int(getattr(obj, "rev", 0) or 0)
                self._log_change(obj, table, "D", base_rev, [], hlc=self._next_hlc(), rev=base_rev + 1)
            self.changes.add("deleted", table, pk)
            self._add_audit("delete", table, pk, {})

    @staticmethod
    def _mask(key: str, value: Any) -> Any:
        return "***" if key in SECRET_COLUMNS and value not in (None, "") else value

    @staticmethod
    def _pk(obj: Any) -> str:
        ident = inspect(obj).mapper.primary_key_from_instance(obj)
        return "/".join("" if v is None else str(v) for v in ident)

    def _stamp(self, obj: Any, now: datetime, *, rev: int) -> None:
        node = self.node
        obj.rev = rev
        obj.hlc = self._next_hlc()
        obj.origin_node = node.node_id if node else ""
        obj.updated_by = self.actor
        obj.updated_at = now
        if obj.deleted is None:
            obj.deleted = False

    def _log_change(
        self, obj: Any, table: str, op: str, base_rev: int, fields: list[str], *, hlc: str | None = None, rev: int | None = None
    ) -> None:
        node = self.node
        self.session.add(
            ChangeLogRecord(
                table_name=table,
                row_id=str(obj.id),
                op=op,
                rev=rev if rev is not None else obj.rev,
                base_rev=base_rev,
                hlc=hlc or obj.hlc,
                origin_node=node.node_id if node else "",
                changed_fields=fields,
                actor=self.actor,
            )
        )


UowFactory = Callable[[], UnitOfWork]


def uow_factory(engine: Engine, actor: str) -> UowFactory:
    def make() -> UnitOfWork:
        return UnitOfWork(engine, actor)

    return make
