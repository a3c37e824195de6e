"""Who may do what, where: roles × an organisation subtree × the sensitive-data permission (pure Python).

**Principal.** Every unit of work acts for a ``Principal``: a user's role, the materialised path of the
unit at the top of the subtree the user is responsible for (``scope_path``, "" = the whole database),
and whether the user may see sensitive personal data. Internal callers that never went through a login
(the demo builder, migrations, sync applies, tests) act as ``SYSTEM``.

**Roles** (``ROLE_OPERATIONS``):

* ``admin``  — everything, users and reference data (rules, code lists, units) included;
* ``head``   — trưởng phòng: read, write, **approve / sign** (evaluation rounds, appointment decisions),
  export, print, sync — inside the scope;
* ``clerk``  — chuyên viên: read, write, export, print, sync — inside the scope;
* ``viewer`` — read and print inside the scope; changes nothing anywhere.

``allows(principal, op, unit_path)``: the role allows the operation and, when the operation concerns a
unit, that unit lies in the principal's subtree (``unit_path`` starts with ``scope_path``).

**Sensitive data** (domain.md §8: Law 91/2025, NĐ 356/2025, basis NĐ 13/2023): ethnic origin, religious
views, health status (health, height, weight; the blood group is excluded by NĐ 13), violations of law
and discipline (the discipline table, "bị bắt, bị tù"), political history ("lịch sử bản thân": item 29 of
2C-BNV/2008, and the family's political details of item 30, "thành phần gia đình xuất thân" of
2C/TCTW-98) and the asset / income declaration items of 2C/TCTW-98 (financial data). Party membership
dates stay visible: they are a published condition of every appointment standard and of the reports.
``SENSITIVE_CADRE_FIELDS`` is the one list; ``mask_cadre`` / ``mask_file`` replace those values by
``MASK`` ("***"; dates and numbers by nothing) for a principal without the permission, and empty the
discipline table (its mere existence is sensitive).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from canbo_desktop.domain.errors import PermissionDenied
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

ROLES = ("admin", "head", "clerk", "viewer")
ROLE_LABELS = {"admin": "Quản trị viên", "head": "Lãnh đạo (trưởng phòng)", "clerk": "Chuyên viên",
               "viewer": "Chỉ xem"}
MASK = "***"
MASK_NOTE = "Thông tin nhạy cảm (Luật Bảo vệ dữ liệu cá nhân 2025): tài khoản của anh/chị không được xem."


class Op(StrEnum):
    READ = "read"
    WRITE = "write"
    APPROVE = "approve"
    EXPORT = "export"
    PRINT = "print"
    SYNC = "sync"
    PURGE = "purge"
    MANAGE_USERS = "manage_users"
    MANAGE_REFERENCE = "manage_reference"


# What a refusal says one may not do (English source; translate("domain.access", …) where it is shown).
OP_LABELS: dict[Op, str] = {
    Op.READ: QT_TRANSLATE_NOOP("domain.access", "view"),
    Op.WRITE: QT_TRANSLATE_NOOP("domain.access", "change"),
    Op.APPROVE: QT_TRANSLATE_NOOP("domain.access", "approve, sign"),
    Op.EXPORT: QT_TRANSLATE_NOOP("domain.access", "export data"),
    Op.PRINT: QT_TRANSLATE_NOOP("domain.access", "print"),
    Op.SYNC: QT_TRANSLATE_NOOP("domain.access", "synchronise"),
    Op.PURGE: QT_TRANSLATE_NOOP("domain.access", "delete permanently"),
    Op.MANAGE_USERS: QT_TRANSLATE_NOOP("domain.access", "manage users"),
    Op.MANAGE_REFERENCE: QT_TRANSLATE_NOOP("domain.access", "edit code lists, rules and the organisation structure"),
}

ROLE_OPERATIONS: dict[str, frozenset[Op]] = {
    "admin": frozenset(Op),
    "head": frozenset({Op.READ, Op.WRITE, Op.APPROVE, Op.EXPORT, Op.PRINT, Op.SYNC}),
    "clerk": frozenset({Op.READ, Op.WRITE, Op.EXPORT, Op.PRINT, Op.SYNC}),
    "viewer": frozenset({Op.READ, Op.PRINT}),
}

# Item by item of the cadre record (field names of ``domain.cadre.Cadre``).
SENSITIVE_CADRE_FIELDS: tuple[str, ...] = (
    "ethnicity_code", "religion_code",                                  # ethnic origin, religious views
    "health_status", "height_cm", "weight_kg", "war_invalid_grade",     # health
    "history_detention", "history_foreign_orgs", "history_foreign_relatives",  # 29. lịch sử bản thân
    "family_background",                                                 # thành phần gia đình (2C/TCTW-98)
    "economic_salary", "economic_housing", "economic_land",             # assets and income (2C/TCTW-98)
)
SENSITIVE_FAMILY_FIELDS: tuple[str, ...] = ("details",)  # 30. relatives' political history, occupation, place
SENSITIVE_TABLES: tuple[str, ...] = ("discipline",)  # CadreFile attributes emptied when masked
SENSITIVE_FIELD_LABELS = {
    "ethnicity_code": "Dân tộc", "religion_code": "Tôn giáo", "health_status": "Tình trạng sức khỏe",
    "height_cm": "Chiều cao", "weight_kg": "Cân nặng", "war_invalid_grade": "Thương binh hạng",
    "history_detention": "Lịch sử bản thân: bị bắt, bị tù",
    "history_foreign_orgs": "Lịch sử bản thân: tổ chức nước ngoài",
    "history_foreign_relatives": "Thân nhân ở nước ngoài", "family_background": "Thành phần gia đình",
    "economic_salary": "Kinh tế: lương và thu nhập", "economic_housing": "Kinh tế: nhà ở",
    "economic_land": "Kinh tế: đất ở", "details": "Quan hệ gia đình: chi tiết", "discipline": "Kỷ luật",
}


class AccessDenied(PermissionDenied):
    """An operation outside the user's role or organisation scope; nothing was written."""


@dataclass(frozen=True)
class Principal:
    username: str
    role: str
    scope_path: str = ""  # materialised path of the scope unit ("/root/…/unit/"); "" = everything
    can_view_sensitive: bool = False
    scope_name: str = ""  # the scope unit's name, for messages
    active: bool = True
    system: bool = False

    @property
    def operations(self) -> frozenset[Op]:
        if not self.active:
            return frozenset()
        return ROLE_OPERATIONS.get(self.role, frozenset())

    @property
    def scope_unit_id(self) -> str | None:
        """The unit at the top of the scope (the last id of its path); None for the whole database."""
        return self.scope_path.rstrip("/").rsplit("/", 1)[-1] if self.scope_path else None

    def in_scope(self, unit_path: str | None) -> bool:
        if not self.scope_path:
            return True
        return bool(unit_path) and str(unit_path).startswith(self.scope_path)


SYSTEM = Principal("system", "admin", "", True, "", True, True)


def allows(principal: Principal, op: Op | str, unit_path: str | None = None) -> bool:
    """Whether ``principal`` may do ``op`` (on something owned by the unit at ``unit_path``, if given)."""
    if principal.system:
        return True
    if Op(op) not in principal.operations:
        return False
    return unit_path is None or principal.in_scope(unit_path)


def denial(principal: Principal, op: Op | str, unit_name: str = "") -> AccessDenied:
    """The Vietnamese refusal for ``op``: the role (when it never allows it) or the unit (out of scope)."""
    action = translate("domain.access", OP_LABELS[Op(op)])
    user = principal.username
    if not principal.active:
        return AccessDenied(translate("domain.access", "Account “{user}” is locked: it may not {action}.").format(
            user=user, action=action))
    if Op(op) not in principal.operations:
        role = role_label(principal.role)
        return AccessDenied(translate("domain.access", "You may not {action}: account “{user}” has the role «{role}».")
                            .format(action=action, user=user, role=role))
    scope = principal.scope_name
    if unit_name and scope:
        text = translate("domain.access", "You may not {action} the records and data of unit “{unit}” (your scope: {scope}).")
    elif unit_name:
        text = translate("domain.access", "You may not {action} the records and data of unit “{unit}”.")
    elif scope:
        text = translate("domain.access", "You may not {action} the records and data of this unit (your scope: {scope}).")
    else:
        text = translate("domain.access", "You may not {action} the records and data of this unit.")
    return AccessDenied(text.format(action=action, unit=unit_name, scope=scope))


def role_label(role: str) -> str:
    """The role's name in the current language (``ROLE_LABELS`` holds the Vietnamese wording)."""
    labels = {"admin": translate("domain.access", "Administrator"),
              "head": translate("domain.access", "Head (head of office)"),
              "clerk": translate("domain.access", "Specialist"),
              "viewer": translate("domain.access", "View only")}
    return labels.get(role, ROLE_LABELS.get(role, role))


def require(principal: Principal, op: Op | str, unit_path: str | None = None, unit_name: str = "") -> None:
    if not allows(principal, op, unit_path):
        raise denial(principal, op, unit_name)


# ------------------------------------------------------------------------------------------ masking

T = TypeVar("T")


def _masked_value(value: Any) -> Any:
    if isinstance(value, str):
        return MASK if value else ""
    return None  # dates, numbers: left blank


def mask_fields(obj: T, fields: tuple[str, ...]) -> T:
    """A copy of the dataclass ``obj`` with ``fields`` masked."""
    present = {f.name for f in dataclasses.fields(obj)}  # type: ignore[arg-type]
    return dataclasses.replace(obj, **{n: _masked_value(getattr(obj, n)) for n in fields if n in present})  # type: ignore[type-var]


def mask_cadre(cadre: T) -> T:
    return mask_fields(cadre, SENSITIVE_CADRE_FIELDS)


def mask_file(f: T) -> T:
    """A ``CadreFile`` without its sensitive data (the cadre's items, relatives' details, discipline)."""
    changes: dict[str, Any] = {"cadre": mask_cadre(f.cadre)}  # type: ignore[attr-defined]
    changes["family"] = [mask_fields(r, SENSITIVE_FAMILY_FIELDS) for r in f.family]  # type: ignore[attr-defined]
    for table in SENSITIVE_TABLES:
        changes[table] = []
    return dataclasses.replace(f, **changes)  # type: ignore[type-var]


def has_sensitive(f: Any) -> bool:
    """Whether a ``CadreFile`` holds any sensitive value at all (viewing it is then audited)."""
    c = f.cadre
    if any(getattr(c, n) not in (None, "") for n in SENSITIVE_CADRE_FIELDS):
        return True
    return bool(f.discipline) or any(getattr(r, "details", "") for r in f.family)


def check_password_rules(password: str, *, username: str = "") -> str | None:
    """Why ``password`` is not acceptable (None when it is): at least 8 characters, not the user name."""
    if len(password or "") < 8:
        return translate("domain.access", "The password must have at least 8 characters.")
    if username and password.strip().casefold() == username.strip().casefold():
        return translate("domain.access", "The password must not be the same as the user name.")
    return None
