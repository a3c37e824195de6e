"""First set-up of a database: this office's unit, its node, the admin account, reference data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from canbo_desktop.db import access
from canbo_desktop.db.base import new_id
from canbo_desktop.db.models import LocalNodeRecord, OrgUnitRecord, UserRecord
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain.access import ROLES as ROLES
from canbo_desktop.domain.access import check_password_rules
from canbo_desktop.domain.errors import AlreadyInitialised, ValidationError
from canbo_desktop.domain.text import clean_line
from canbo_desktop.i18n import translate
from canbo_desktop.services.refdata import load_reference_data
from canbo_desktop.services.security import hash_password

MIN_PASSWORD = 8


@dataclass(frozen=True)
class OfficeInfo:
    node_id: str
    unit_id: str
    unit_code: str
    unit_name: str
    epoch: int


def is_initialised(uow: UnitOfWork) -> bool:
    return uow.session.scalars(select(LocalNodeRecord).limit(1)).first() is not None


def office_info(uow: UnitOfWork) -> OfficeInfo | None:
    node = uow.session.scalars(select(LocalNodeRecord).limit(1)).first()
    if node is None:
        return None
    unit = uow.session.get(OrgUnitRecord, node.unit_id)
    assert unit is not None
    return OfficeInfo(node.node_id, unit.id, unit.code, unit.name, node.epoch)


def check_password(password: str, username: str = "") -> None:
    problem = check_password_rules(password, username=username)
    if problem:
        raise ValidationError(problem, {"password": problem})


def init_office(
    uowf: UowFactory,
    *,
    office_code: str,
    office_name: str,
    admin_user: str,
    password: str,
    office_kind: str = "khac",
    place_name: str = "",
    doc_symbol: str = "",
) -> OfficeInfo:
    """Create this office (or adopt an existing unit with that code) and its first admin."""
    code = clean_line(office_code)
    name = clean_line(office_name)
    user = clean_line(admin_user)
    errors = {}
    if not code:
        errors["office_code"] = translate("services.setup", "The office code is missing.")
    if not name:
        errors["office_name"] = translate("services.setup", "The office name is missing.")
    if not user:
        errors["admin_user"] = translate("services.setup", "The administrator's user name is missing.")
    if errors:
        raise ValidationError(translate("services.setup", "The setup information is incomplete: {problems}").format(
            problems=" ".join(errors.values())), errors)
    check_password(password)
    with uowf() as uow:
        if is_initialised(uow):
            raise AlreadyInitialised(translate(
                "services.setup", "This database has already been set up for an office; the command changed "
                "nothing. To start again, use a new file."))
        node_id = new_id()
        unit = uow.session.scalars(select(OrgUnitRecord).where(OrgUnitRecord.code == code)).first()
        now = datetime.now().replace(microsecond=0)
        node = LocalNodeRecord(node_id=node_id, unit_id="", epoch=1, last_hlc="", created_at=now)
        uow.set_node(node)
        if unit is None:
            uid = new_id()
            unit = OrgUnitRecord(
                id=uid, code=code, name=name, kind=office_kind, parent_id=None, path=f"/{uid}/", depth=0,
                place_name=clean_line(place_name), doc_symbol=clean_line(doc_symbol),
            )
            uow.session.add(unit)
            uow.session.flush()  # the node and the admin refer to it
        node.unit_id = unit.id
        uow.session.add(node)
        uow.session.add(
            UserRecord(
                username=user, full_name=user, password_hash=hash_password(password), role="admin",
                scope_unit_id=unit.id, can_view_sensitive=True, created_at=now,
            )
        )
        load_reference_data(uow)
        uow.commit()
        return OfficeInfo(node_id, unit.id, unit.code, unit.name, 1)


def user_role(uowf: UowFactory, username: str) -> str:
    """The role of a user of this database ("viewer" for an unknown name or an inactive account: the least
    it can be). What the user may actually do is decided by ``db/access.py`` whatever the role shown."""
    with uowf() as uow:
        user = uow.session.scalars(select(UserRecord).where(UserRecord.username == username)).first()
        return user.role if user is not None and user.active else "viewer"


def needs_login(uowf: UowFactory) -> bool:
    """Whether this database has accounts (then the app and the CLI ask for a password)."""
    with uowf() as uow:
        return access.users_exist(uow.session)
