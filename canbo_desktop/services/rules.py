"""The rule book: defaults shipped in ``resources/rules`` plus the admin's dated edits in the database.

An edit never overwrites: it is a new version in force from its own ``valid_from``, so a result for
an earlier date does not change, and the history of the rule stays readable (and audited).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from canbo_desktop import paths
from canbo_desktop.db.repositories import RuleSetRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.errors import PermissionDenied, ValidationError
from canbo_desktop.domain.rules import RuleBook, RuleVersion, parse_rule_document
from canbo_desktop.domain.text import clean_line, clean_multiline, nfc
from canbo_desktop.i18n import translate

EDIT_ROLES = ("admin",)


@lru_cache(maxsize=4)
def _shipped(folder: str) -> tuple[RuleVersion, ...]:
    out: list[RuleVersion] = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(translate("services.rules", "The rule file {name} is damaged: {error}").format(
                name=path.name, error=exc)) from exc
        out.extend(parse_rule_document(doc))
    return tuple(out)


def shipped_versions(folder: Path | None = None) -> list[RuleVersion]:
    """The defaults that come with the application (read once per process)."""
    return list(_shipped(str(folder or paths.resource("rules"))))


def shipped_book() -> RuleBook:
    return RuleBook(shipped_versions())


def rule_book(uowf: UowFactory) -> RuleBook:
    """Shipped defaults, then the database's versions (which win from their ``valid_from``)."""
    with uowf() as uow:
        edits = RuleSetRepository(uow.session).versions()
    titles = {v.key: v.title for v in shipped_versions()}
    return RuleBook(shipped_versions() + [_titled(v, titles.get(v.key, v.key)) for v in edits])


def _titled(v: RuleVersion, title: str) -> RuleVersion:
    return RuleVersion(key=v.key, valid_from=v.valid_from, params=v.params, valid_to=v.valid_to,
                       legal_source=v.legal_source, note=v.note, id=v.id, title=title)


@dataclass(frozen=True)
class RuleInfo:
    key: str
    title: str
    versions: list[RuleVersion]  # oldest first; shipped ones have an empty id


def rule_catalog(uowf: UowFactory) -> list[RuleInfo]:
    """Every rule with all its versions, for the admin screen."""
    book = rule_book(uowf)
    out = []
    for key in book.keys():
        versions = book.versions(key)
        out.append(RuleInfo(key, versions[0].title or key, versions))
    return sorted(out, key=lambda r: r.title)


def _same_shape(new: Any, old: Any, where: str) -> None:
    """An edited value must keep the shape of the shipped one (the engines read it blindly)."""
    if isinstance(old, Mapping):
        if not isinstance(new, Mapping):
            raise ValidationError(translate("services.rules", "«{where}» must be a group of parameters.").format(
                where=where))
        missing = sorted(set(old) - set(new))
        if missing:
            raise ValidationError(translate("services.rules", "«{where}» lacks parameters: {missing}.").format(
                where=where, missing=", ".join(missing)))
        for k in old:
            _same_shape(new[k], old[k], f"{where}.{k}" if where else str(k))
    elif isinstance(old, bool):
        if not isinstance(new, bool):
            raise ValidationError(translate("services.rules", "«{where}» must be yes/no (true/false).").format(
                where=where))
    elif isinstance(old, int | float):
        if isinstance(new, bool) or not isinstance(new, int | float):
            raise ValidationError(translate("services.rules", "«{where}» must be a number.").format(where=where))
        if new < 0:
            raise ValidationError(translate("services.rules", "«{where}» must not be negative.").format(where=where))
    elif isinstance(old, list):
        if not isinstance(new, list):
            raise ValidationError(translate("services.rules", "«{where}» must be a list.").format(where=where))
    elif isinstance(old, str) and not isinstance(new, str):
        raise ValidationError(translate("services.rules", "«{where}» must be text.").format(where=where))


def _nfc_tree(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, Mapping):
        return {nfc(str(k)): _nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_tree(v) for v in value]
    return value


def save_rule_version(
    uowf: UowFactory,
    *,
    key: str,
    valid_from: date,
    params: Mapping[str, Any],
    legal_source: str,
    role: str,
    note: str = "",
    valid_to: date | None = None,
) -> tuple[str, ChangeSet]:
    """Add a version of ``key`` in force from ``valid_from`` (admin only). Results for earlier dates keep
    the version that was in force then. Returns the new version's id and the change set."""
    if role not in EDIT_ROLES:
        raise PermissionDenied(translate("services.rules", "Only an administrator may edit the rules."))
    shipped = [v for v in shipped_versions() if v.key == key]
    if not shipped:
        raise ValidationError(translate("services.rules", "There is no rule «{key}».").format(key=key))
    source = clean_line(legal_source)
    if not source:
        raise ValidationError(translate("services.rules", "Enter the legal basis (document number and date) of the "
                                        "new version."), {"legal_source": translate("services.rules", "required")})
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError(translate("services.rules", "The end date must be after the start date."),
                              {"valid_to": translate("services.rules", "before the start date")})
    reference = RuleBook(shipped).find(key, valid_from) or shipped[-1]
    _same_shape(params, reference.params, "")
    version = RuleVersion(key=key, valid_from=valid_from, valid_to=valid_to, params=_nfc_tree(dict(params)),
                          legal_source=source, note=clean_multiline(note))
    with uowf() as uow:
        new_id = RuleSetRepository(uow.session).add(version)
        uow.audit("rule.edit", "rule_set", new_id, {"key": key, "valid_from": valid_from.isoformat(),
                                                    "legal_source": source})
        return new_id, uow.commit()


def withdraw_rule_version(uowf: UowFactory, version_id: str, *, role: str) -> ChangeSet:
    """Withdraw an admin's version (the shipped defaults cannot be withdrawn, only superseded)."""
    if role not in EDIT_ROLES:
        raise PermissionDenied(translate("services.rules", "Only an administrator may edit the rules."))
    with uowf() as uow:
        RuleSetRepository(uow.session).withdraw(version_id)
        uow.audit("rule.withdraw", "rule_set", version_id)
        return uow.commit()
