"""The conflict queue: list open conflicts (base / local / incoming per field), resolve them, count them.

A resolution is an ordinary edit through the unit of work (rev + 1, a new HLC, a change-log row), so it
travels upward with the next package like any other change. The losing values stay in the conflict row.

* ``keep``  — keep this office's values (nothing written to the row; the conflict is closed);
* ``take``  — write the incoming values of the conflicting fields (a deletion for a delete-vs-edit);
* ``edit``  — write the values the clerk typed (``values``: field → value, any field of the conflict).
A CCCD collision (kind ``cccd``) is closed with ``keep`` ("not the same person" or "a transfer: checked").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, inspect

from canbo_desktop.db import models as m
from canbo_desktop.db import sync as repo
from canbo_desktop.db.base import Base
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.errors import CanboError, NotFound, ValidationError
from canbo_desktop.domain.sync import table_label
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

KIND_LABELS = {  # English source strings, translated in _view
    "hard": QT_TRANSLATE_NOOP("services.sync.conflicts", "Same field changed"),
    "soft": QT_TRANSLATE_NOOP("services.sync.conflicts", "Different fields (merged)"),
    "cccd": QT_TRANSLATE_NOOP("services.sync.conflicts", "Same CCCD: a transfer or a duplicate record?"),
}
CHOICES = ("keep", "take", "edit")


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    table_label: str
    row_id: str
    kind: str
    kind_label: str
    label: str  # the person (or row) concerned
    fields: list[str]  # the fields in conflict
    base: dict[str, Any]
    local: dict[str, Any]
    incoming: dict[str, Any]
    package_id: str
    from_unit: str
    status: str
    created_at: datetime


def _view(c: repo.ConflictRow, label: str) -> ConflictView:
    incoming = {k: v for k, v in c.incoming.items() if k != "__meta__"}
    meta = c.incoming.get("__meta__") or {}
    return ConflictView(c.id, c.table_name, table_label(c.table_name), c.row_id, c.kind,
                        translate("services.sync.conflicts", KIND_LABELS[c.kind]) if c.kind in KIND_LABELS else c.kind,
                        label, c.fields, c.base, c.local, incoming, c.package_id, str(meta.get("from_unit", "")),
                        c.status, c.created_at)


def _label_of(uowf_session: Any, table: str, row_id: str, local: dict[str, Any]) -> str:
    if table == "cadre":
        rec = uowf_session.get(m.CadreRecord, row_id)
        if rec is not None:
            return str(rec.full_name)
    for k in ("full_name", "name", "description", "number"):
        if local.get(k):
            return str(local[k])
    return row_id


def list_conflicts(uowf: UowFactory, status: str | None = "open") -> list[ConflictView]:
    """Conflicts (open ones by default; ``status=None`` for all, ``"merged"`` for the flagged soft merges)."""
    with uowf() as uow:
        return [_view(c, _label_of(uow.session, c.table_name, c.row_id, c.local))
                for c in repo.conflicts(uow.session, status)]


def open_conflict_count(uowf: UowFactory) -> int:
    """For the status bar: conflicts waiting for a person."""
    with uowf() as uow:
        return repo.count_open_conflicts(uow.session)


def _model(table: str) -> Any:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table:  # type: ignore[attr-defined]
            return mapper.class_
    raise NotFound(translate("services.sync.conflicts", "There is no table {table}.").format(table=table))


def _coerce(cls: Any, field: str, value: Any) -> Any:
    col = inspect(cls).columns.get(field)
    if col is None:
        raise ValidationError(translate("services.sync.conflicts", "The table has no field “{field}”.").format(field=field),
                              {field: translate("services.sync.conflicts", "not present")})
    if value in (None, ""):
        return None if col.nullable else ("" if value == "" else value)
    if isinstance(col.type, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(col.type, Date) and isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value


def resolve_conflict(uowf: UowFactory, conflict_id: str, choice: str, values: dict[str, Any] | None = None) -> None:
    """Close a conflict with ``keep`` / ``take`` / ``edit`` (see the module docstring)."""
    if choice not in CHOICES:
        raise ValidationError(translate("services.sync.conflicts", "The resolution must be keep mine, take the incoming one, or edit."))
    with uowf() as uow:
        rec = uow.session.get(m.SyncConflictRecord, conflict_id)
        if rec is None:
            raise NotFound(translate("services.sync.conflicts", "This conflict was not found (it may have been resolved already)."))
        if rec.status not in ("open", "merged"):
            raise CanboError(translate("services.sync.conflicts", "This conflict has already been resolved."))
        cls = _model(rec.table_name)
        row = uow.session.get(cls, rec.row_id)
        if choice == "take" and rec.kind != "cccd":
            if row is None:
                raise NotFound(translate("services.sync.conflicts", "The record of the conflict no longer exists."))
            for f, v in (rec.incoming or {}).items():
                if f in ("__meta__", "id"):
                    continue
                setattr(row, f, _coerce(cls, f, v))
        elif choice == "edit":
            if row is None:
                raise NotFound(translate("services.sync.conflicts", "The record of the conflict no longer exists."))
            if not values:
                raise ValidationError(translate("services.sync.conflicts", "No value has been entered to edit."))
            for f, v in values.items():
                if f in ("id", "rev", "hlc", "origin_node"):
                    continue
                setattr(row, f, _coerce(cls, f, v))
        rec.status = "resolved"
        rec.resolution = choice
        rec.resolved_by = uow.actor
        rec.resolved_at = uow.now()
        uow.audit("sync_conflict_resolved", rec.table_name, rec.row_id,
                  {"conflict": rec.id, "kind": rec.kind, "choice": choice, "values": values or {}})
        uow.commit()
