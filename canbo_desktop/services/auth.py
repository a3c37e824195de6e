"""Users and login: Argon2id passwords, lockout, password change, user management (admin only).

* ``login`` checks a password against the ``app_user`` row (Argon2id, ``services/security.py``). After
  ``MAX_FAILURES`` (5) wrong passwords in a row the account is locked for ``LOCK_MINUTES`` (15); an unknown
  name and a wrong password get the same message. Every attempt is in the audit log (``login_ok``,
  ``login_failed``, ``login_locked``) and the counters are committed even when the login fails.
* The bookkeeping of a login (counters, last login, a new hash) is written as ``SYSTEM``: a clerk may not
  change users, but logging in must update the clerk's own row.
* ``create_user``, ``update_user``, ``reset_password``, ``deactivate`` need ``manage_users`` (admin), checked
  here for a clear message and again by the flush check (``db/access.py``); an admin with a restricted scope
  gives scopes inside it only. The last active admin cannot be demoted or deactivated.
* ``idle_lock_minutes`` is the data-bound setting of the window's idle lock (default 10, 0 = never).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain.access import (
    ROLES,
    SYSTEM,
    Op,
    Principal,
    allows,
    check_password_rules,
    denial,
    role_label,
)
from canbo_desktop.domain.errors import CanboError, NotFound, ValidationError
from canbo_desktop.domain.text import clean_line
from canbo_desktop.i18n import translate
from canbo_desktop.services.security import hash_password, needs_rehash, verify_password

MAX_FAILURES = 5
LOCK_MINUTES = 15
IDLE_SETTING = "security.idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
_DUMMY_HASH: list[str] = []


class LoginFailed(CanboError):
    exit_code = 6


@dataclass(frozen=True)
class LoginSession:
    """Who is logged in: the principal the units of work will act for, and what the login dialog must do next."""

    principal: Principal
    full_name: str
    must_change_password: bool

    @property
    def username(self) -> str:
        return self.principal.username


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    full_name: str
    role: str
    scope_unit_id: str | None
    scope_unit_name: str
    can_view_sensitive: bool
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    last_login_at: datetime | None

    @property
    def role_label(self) -> str:
        return role_label(self.role)


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _user(uow: UnitOfWork, username: str) -> m.UserRecord | None:
    return uow.session.scalars(select(m.UserRecord).where(m.UserRecord.username == clean_line(username))).first()


def users_exist(uowf: UowFactory) -> bool:
    with uowf() as uow:
        return access.users_exist(uow.session)


def login(uowf: UowFactory, username: str, password: str, *, now: datetime | None = None) -> LoginSession:
    """Check ``username`` / ``password``; raise ``LoginFailed`` (Vietnamese) or return the session."""
    now = now or _now()
    name = clean_line(username)
    with uowf() as uow:
        uow.principal = SYSTEM  # the login's own bookkeeping; see the module docstring
        uow.actor = name or "?"
        user = _user(uow, name)
        if user is None:
            if not _DUMMY_HASH:
                _DUMMY_HASH.append(hash_password("không-phải-mật-khẩu"))  # i18n: data
            verify_password(_DUMMY_HASH[0], password)  # the same time as a real check
            uow.audit("login_failed", "app_user", name, {"reason": "unknown_user"})
            uow.commit()
            raise LoginFailed(translate("services.auth", "Wrong user name or password."))
        if not user.active:
            uow.audit("login_failed", "app_user", user.id, {"reason": "inactive"})
            uow.commit()
            raise LoginFailed(translate("services.auth", "This account has been disabled. Please contact the administrator."))
        if user.locked_until is not None and now < user.locked_until:
            uow.audit("login_locked", "app_user", user.id, {"until": user.locked_until.isoformat()})
            uow.commit()
            raise LoginFailed(_locked_message(user.locked_until, now))
        if user.locked_until is not None:  # the lock has run out: a fresh count
            user.locked_until = None
            user.failed_attempts = 0
        if not verify_password(user.password_hash, password):
            user.failed_attempts = (user.failed_attempts or 0) + 1
            if user.failed_attempts >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                uow.audit("login_locked", "app_user", user.id, {"failures": user.failed_attempts,
                                                                 "until": user.locked_until.isoformat()})
                uow.commit()
                raise LoginFailed(translate(
                    "services.auth", "Wrong password {count} times: the account is locked for {minutes} minutes "
                    "(until {time}).").format(count=MAX_FAILURES, minutes=LOCK_MINUTES,
                                              time=user.locked_until.strftime('%H:%M')))
            left = MAX_FAILURES - user.failed_attempts
            uow.audit("login_failed", "app_user", user.id, {"reason": "password", "failures": user.failed_attempts})
            uow.commit()
            raise LoginFailed(translate("services.auth", "Wrong user name or password. {left} attempts left before the "
                                        "account is locked.").format(left=left))
        user.failed_attempts = 0
        user.last_login_at = now
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        uow.audit("login_ok", "app_user", user.id, {})
        principal = access.resolve(uow.session, user.username)
        result = LoginSession(principal, user.full_name or user.username, bool(user.must_change_password))
        uow.commit()
        return result


def _locked_message(until: datetime, now: datetime) -> str:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return translate("services.auth", "The account is locked after too many wrong passwords; try again in {minutes} "
                     "minutes (at {time}) or ask the administrator to reset the password.").format(
        minutes=minutes, time=until.strftime('%H:%M'))


def change_password(uowf: UowFactory, username: str, old_password: str, new_password: str) -> None:
    """The user's own password change (the old one is checked; the rules in ``domain.access``)."""
    problem = check_password_rules(new_password, username=username)
    if problem:
        raise ValidationError(problem, {"new_password": problem})
    if new_password == old_password:
        raise ValidationError(translate("services.auth", "The new password must differ from the old one."),
                              {"new_password": translate("services.auth", "same as the old password")})
    login(uowf, username, old_password)  # counts a wrong old password like a failed login
    with uowf() as uow:
        uow.principal = SYSTEM
        uow.actor = clean_line(username)
        user = _user(uow, username)
        if user is None:
            raise NotFound(translate("services.auth", "User not found."))
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        uow.audit("password_change", "app_user", user.id, {})
        uow.commit()


# ------------------------------------------------------------------------------------ administration


def _require_admin(uow: UnitOfWork, scope_unit_id: str | None = None) -> Principal:
    principal = access.principal_of(uow)
    if not allows(principal, Op.MANAGE_USERS):
        raise denial(principal, Op.MANAGE_USERS)
    if scope_unit_id is not None:
        access.require_scope(uow.session, Op.MANAGE_USERS, scope_unit_id)
    return principal


def _info(uow: UnitOfWork, u: m.UserRecord) -> UserInfo:
    unit = uow.session.get(m.OrgUnitRecord, u.scope_unit_id) if u.scope_unit_id else None
    return UserInfo(u.id, u.username, u.full_name, u.role, u.scope_unit_id, unit.name if unit else "",
                    bool(u.can_view_sensitive), bool(u.active), u.locked_until, bool(u.must_change_password),
                    u.last_login_at)


def list_users(uowf: UowFactory) -> list[UserInfo]:
    with uowf() as uow:
        _require_admin(uow)
        rows = uow.session.scalars(select(m.UserRecord).order_by(m.UserRecord.username))
        return [_info(uow, u) for u in rows]


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(translate("services.auth", "There is no role «{role}» (choose: {roles}).").format(
            role=role, roles=", ".join(ROLES)), {"role": translate("services.auth", "invalid")})


def create_user(uowf: UowFactory, *, username: str, password: str, role: str, full_name: str = "",
                scope_unit_id: str | None = None, can_view_sensitive: bool = False,
                must_change_password: bool = True) -> str:
    """A new account (admin only). Returns its id."""
    name = clean_line(username)
    if not name:
        raise ValidationError(translate("services.auth", "The user name is missing."),
                              {"username": translate("services.auth", "required")})
    _check_role(role)
    problem = check_password_rules(password, username=name)
    if problem:
        raise ValidationError(problem, {"password": problem})
    with uowf() as uow:
        _require_admin(uow, scope_unit_id)
        if _user(uow, name) is not None:
            raise ValidationError(translate("services.auth", "The user name “{name}” already exists.").format(name=name),
                                  {"username": translate("services.auth", "duplicate")})
        rec = m.UserRecord(username=name, full_name=clean_line(full_name) or name, password_hash=hash_password(password),
                           role=role, scope_unit_id=scope_unit_id or None, can_view_sensitive=can_view_sensitive,
                           must_change_password=must_change_password, created_at=uow.now())
        uow.session.add(rec)
        uow.session.flush()
        uid = rec.id
        uow.commit()
        return uid


def _active_admins(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count()).select_from(m.UserRecord).where(
        m.UserRecord.role == "admin", m.UserRecord.active.is_(True))) or 0)


def _get(uow: UnitOfWork, user_id: str) -> m.UserRecord:
    rec = uow.session.get(m.UserRecord, user_id)
    if rec is None:
        raise NotFound(translate("services.auth", "User not found."))
    return rec


def update_user(uowf: UowFactory, user_id: str, *, role: str | None = None, full_name: str | None = None,
                scope_unit_id: str | None = None, clear_scope: bool = False,
                can_view_sensitive: bool | None = None, active: bool | None = None) -> None:
    """Change an account's role, scope, sensitive-data permission, name or active flag (admin only)."""
    if role is not None:
        _check_role(role)
    with uowf() as uow:
        _require_admin(uow, scope_unit_id)
        rec = _get(uow, user_id)
        losing_admin = rec.role == "admin" and rec.active and (
            (role is not None and role != "admin") or active is False)
        if losing_admin and _active_admins(uow) <= 1:
            raise ValidationError(translate("services.auth", "At least one active administrator must remain."),
                                  {"role": translate("services.auth", "last administrator")})
        if role is not None:
            rec.role = role
        if full_name is not None:
            rec.full_name = clean_line(full_name) or rec.username
        if clear_scope:
            rec.scope_unit_id = None
        elif scope_unit_id is not None:
            rec.scope_unit_id = scope_unit_id
        if can_view_sensitive is not None:
            rec.can_view_sensitive = can_view_sensitive
        if active is not None:
            rec.active = active
            if active:
                rec.failed_attempts, rec.locked_until = 0, None
        uow.commit()


def deactivate(uowf: UowFactory, user_id: str) -> None:
    update_user(uowf, user_id, active=False)


def reset_password(uowf: UowFactory, user_id: str, new_password: str) -> None:
    """An admin sets a temporary password: the lock is lifted and the user must change it at next login."""
    with uowf() as uow:
        _require_admin(uow)
        rec = _get(uow, user_id)
        problem = check_password_rules(new_password, username=rec.username)
        if problem:
            raise ValidationError(problem, {"password": problem})
        rec.password_hash = hash_password(new_password)
        rec.must_change_password = True
        rec.failed_attempts, rec.locked_until = 0, None
        uow.audit("password_reset", "app_user", rec.id, {})
        uow.commit()


# ------------------------------------------------------------------------------------------ idle lock


def idle_lock_minutes(uowf: UowFactory) -> int:
    with uowf() as uow:
        rec = uow.session.get(m.SettingRecord, IDLE_SETTING)
        try:
            return max(0, int(rec.value)) if rec is not None and rec.value is not None else DEFAULT_IDLE_MINUTES
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES


def set_idle_lock_minutes(uowf: UowFactory, minutes: int) -> None:
    if not 0 <= minutes <= 240:
        raise ValidationError(translate("services.auth", "The auto-lock time must be from 0 (no lock) to 240 minutes."),
                              {"minutes": translate("services.auth", "out of range")})
    with uowf() as uow:
        _require_admin(uow)
        rec = uow.session.get(m.SettingRecord, IDLE_SETTING)
        if rec is None:
            uow.session.add(m.SettingRecord(key=IDLE_SETTING, value=minutes))
        else:
            rec.value = minutes
        uow.commit()


def scope_units(uowf: UowFactory) -> list[tuple[str, str, int]]:
    """(id, name, depth) of the units an admin may give as a scope (its own subtree), in tree order."""
    with uowf() as uow:
        principal = _require_admin(uow)
        rows = uow.session.scalars(select(m.OrgUnitRecord).where(m.OrgUnitRecord.deleted.is_(False))
                                   .order_by(m.OrgUnitRecord.path))
        return [(u.id, u.name, u.depth) for u in rows if principal.in_scope(u.path)]
