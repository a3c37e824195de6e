"""Access control in the unit of work: the principal, the write check at flush, the read scope.

* ``install(uow)`` (called by ``UnitOfWork.__enter__``) links the session to its unit of work and
  registers ``check_flush`` as a ``before_flush`` listener. The principal is resolved lazily from the
  actor's ``app_user`` row (``principal_of``): an existing user gets its role, scope subtree and
  sensitive-data permission; an inactive user gets nothing; an actor that is not a user (the demo builder,
  migrations, sync applies, tests, ``system``) acts as ``SYSTEM``. People only ever reach a unit of work
  through a login (GUI login dialog, CLI ``authenticate``), so a human actor is always a real user.
* ``check_flush`` runs on every flush, whatever the service did: each new, changed or deleted row is
  mapped to the unit that owns it (``owner_units``: a cadre's ``owner_unit_id`` — old and new when it
  moves —, a child row's cadre, a decision's cadre, a round's or vote's unit, a procedure's cadre…) and
  the principal must be allowed to write there; approving (an evaluation round approved or locked, an
  appointment procedure completed) needs ``approve``; users need ``manage_users``; rules, code lists and
  units need ``manage_reference``. Otherwise ``AccessDenied`` is raised, the flush stops and the unit of
  work rolls back: nothing is written.
* Reads: ``scope_path(session)`` is the WHERE prefix that repositories apply to unit paths, and
  ``may_view_sensitive(session)`` decides masking.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from canbo_desktop.db import models as m
from canbo_desktop.domain.access import SYSTEM, AccessDenied, Op, Principal, allows, denial

if TYPE_CHECKING:
    from canbo_desktop.db.uow import UnitOfWork

# Local bookkeeping any principal's operation may write (the audit and change logs, this node's clock,
# numbering counters, attachments that come with a checked row, sync bookkeeping, settings).
_FREE = (m.AuditRecord, m.ChangeLogRecord, m.LocalNodeRecord, m.DocCounterRecord, m.AttachmentRecord,
         m.SyncPeerRecord, m.SyncPackageRecord, m.SyncConflictRecord, m.SettingRecord)
_REFERENCE = (m.OrgUnitRecord, m.OrgUnitSuccessionRecord, m.CodeItemRecord, m.GradeRecord, m.TitleRecord,
              m.RuleSetRecord)


def install(uow: UnitOfWork) -> None:
    uow.session.info["uow"] = uow
    event.listen(uow.session, "before_flush", check_flush)


def resolve(session: Session, actor: str) -> Principal:
    """The principal of ``actor`` in this database (see the module docstring)."""
    with session.no_autoflush:
        user = session.scalars(select(m.UserRecord).where(m.UserRecord.username == actor)).first()
        if user is None:
            return SYSTEM
        path, name = "", ""
        if user.scope_unit_id:
            unit = session.get(m.OrgUnitRecord, user.scope_unit_id)
            if unit is not None and unit.parent_id is not None:  # the top of the tree: everything
                path, name = unit.path, unit.name
            elif unit is None:
                path = f"/{user.scope_unit_id}/"  # a unit that no longer exists: matches nothing below
    return Principal(user.username, user.role, path, bool(user.can_view_sensitive), name, bool(user.active))


def principal_of(uow: UnitOfWork) -> Principal:
    if uow.principal is None:
        uow.principal = resolve(uow.session, uow.actor)
    return uow.principal


def session_principal(session: Session) -> Principal:
    uow = session.info.get("uow")
    return principal_of(uow) if uow is not None else SYSTEM


def scope_path(session: Session) -> str:
    """"" (no restriction) or the path prefix every unit read by this session must start with."""
    return session_principal(session).scope_path


def may_view_sensitive(session: Session) -> bool:
    return session_principal(session).can_view_sensitive


def users_exist(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(m.UserRecord)))


# ------------------------------------------------------------------------------------------- writes


def _unit(session: Session, unit_id: str | None) -> tuple[str, str]:
    """(path, name) of a unit; ("", "") when unknown."""
    if not unit_id:
        return "", ""
    unit = session.get(m.OrgUnitRecord, unit_id)
    if unit is None:
        for obj in session.new:
            if isinstance(obj, m.OrgUnitRecord) and obj.id == unit_id:
                return obj.path or "", obj.name
        return "", ""
    return unit.path, unit.name


def _cadre_unit(session: Session, cadre_id: str | None) -> str | None:
    if not cadre_id:
        return None
    cadre = session.get(m.CadreRecord, cadre_id)
    if cadre is None:
        for obj in session.new:
            if isinstance(obj, m.CadreRecord) and obj.id == cadre_id:
                return obj.owner_unit_id
        return None
    return cadre.owner_unit_id


def _old_value(obj: Any, key: str) -> Any:
    hist = inspect(obj).attrs[key].history
    return hist.deleted[0] if hist.deleted else None


def owner_units(session: Session, obj: Any) -> list[str | None]:
    """The units whose scope a write of ``obj`` touches (None: the row belongs to no unit)."""
    if isinstance(obj, m.CadreRecord):
        units: list[str | None] = [obj.owner_unit_id]
        old = _old_value(obj, "owner_unit_id")
        if old and old != obj.owner_unit_id:
            units.append(old)
        return units
    if isinstance(obj, m.EvaluationProductRecord | m.EvaluationCorrectionRecord):
        ev = session.get(m.EvaluationRecord, obj.evaluation_id)
        return [_cadre_unit(session, ev.cadre_id) if ev is not None else None]
    if isinstance(obj, m.AppointmentStepRecord | m.AppointmentDocumentRecord):
        proc = session.get(m.AppointmentProcedureRecord, obj.procedure_id)
        return [_cadre_unit(session, proc.cadre_id) if proc is not None else None]
    if isinstance(obj, m.EvaluationRoundRecord | m.ConfidenceVoteRecord):
        return [obj.unit_id]
    cadre_id = getattr(obj, "cadre_id", None)
    if cadre_id is not None:
        return [_cadre_unit(session, cadre_id)]
    return [None]


def _approving(obj: Any) -> bool:
    """Whether this change is an approval / signature (needs ``approve``)."""
    if isinstance(obj, m.EvaluationRoundRecord):
        return obj.status in ("approved", "locked") and _old_value(obj, "status") not in (None, obj.status)
    if isinstance(obj, m.AppointmentProcedureRecord):
        return obj.status == "done" and _old_value(obj, "status") not in (None, "done")
    return False


def check_write(session: Session, principal: Principal, obj: Any) -> None:
    if principal.system or isinstance(obj, _FREE):
        return
    if isinstance(obj, m.UserRecord):
        if not allows(principal, Op.MANAGE_USERS):
            raise denial(principal, Op.MANAGE_USERS)
        return
    if isinstance(obj, _REFERENCE):
        if not allows(principal, Op.MANAGE_REFERENCE):
            raise denial(principal, Op.MANAGE_REFERENCE)
        return
    op = Op.APPROVE if _approving(obj) else Op.WRITE
    if not allows(principal, op):
        raise denial(principal, op)
    for unit_id in owner_units(session, obj):
        if unit_id is None:
            continue
        path, name = _unit(session, unit_id)
        if not allows(principal, op, path or f"/{unit_id}/"):
            raise denial(principal, op, name)


def check_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    principal = session_principal(session)
    if principal.system:
        return
    with session.no_autoflush:
        for obj in [*session.new, *session.deleted]:
            check_write(session, principal, obj)
        for obj in list(session.dirty):
            if session.is_modified(obj, include_collections=False):
                check_write(session, principal, obj)


def require_scope(session: Session, op: Op | str, unit_id: str | None) -> None:
    """Raise ``AccessDenied`` unless the session's principal may do ``op`` on the unit ``unit_id``."""
    principal = session_principal(session)
    if principal.system:
        return
    path, name = _unit(session, unit_id) if unit_id else ("", "")
    if not allows(principal, op, (path or f"/{unit_id}/") if unit_id else None):
        raise denial(principal, op, name)


__all__ = ["AccessDenied", "install", "principal_of", "require_scope", "resolve", "scope_path"]


def require_bulk_cadre_writes(session: Session, unit_ids: Iterable[str], cadre_ids: Iterable[str]) -> None:
    """The check of the flush for writers that bypass it (the Excel import's bulk insert/update): the
    principal may write in every target unit and in the current unit of every updated person."""
    principal = session_principal(session)
    if principal.system:
        return
    if not allows(principal, Op.WRITE):
        raise denial(principal, Op.WRITE)
    units = set(unit_ids)
    ids = list(set(cadre_ids))
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        units.update(u for (u,) in session.execute(
            select(m.CadreRecord.owner_unit_id).where(m.CadreRecord.id.in_(part))))
    for unit_id in sorted(u for u in units if u):
        require_scope(session, Op.WRITE, unit_id)
