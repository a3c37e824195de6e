"""Rule versions and the book that picks the one in force on a date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.i18n import translate


class RuleMissing(CanboError):
    """No version of a rule is in force on the date asked (a gap in the configured rules)."""


@dataclass(frozen=True)
class RuleVersion:
    """One version of a rule: its parameters, in force from ``valid_from`` to ``valid_to`` (inclusive).

    ``id`` is empty for the defaults shipped in ``resources/rules``; an admin's edit is stored in the
    database with an id and supersedes the shipped version from its own ``valid_from``.
    """

    key: str
    valid_from: date
    params: Mapping[str, Any]
    valid_to: date | None = None
    legal_source: str = ""
    note: str = ""
    id: str = ""
    title: str = field(default="", compare=False)

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


class RuleBook:
    """All versions of all rules. ``version(key, on)`` returns the version in force on ``on``; when
    several are (an edit that supersedes a shipped default), the one with the latest ``valid_from``
    wins, and among equal ``valid_from`` the one stored last (database edits come after defaults)."""

    def __init__(self, versions: Iterable[RuleVersion] = ()) -> None:
        self._by_key: dict[str, list[RuleVersion]] = {}
        for v in versions:
            self._by_key.setdefault(v.key, []).append(v)

    def keys(self) -> list[str]:
        return sorted(self._by_key)

    def versions(self, key: str) -> list[RuleVersion]:
        """Every version of ``key``, oldest ``valid_from`` first (stable for equal dates)."""
        return sorted(self._by_key.get(key, []), key=lambda v: v.valid_from)

    def find(self, key: str, on: date) -> RuleVersion | None:
        best: RuleVersion | None = None
        for v in self._by_key.get(key, []):
            if v.in_force(on) and (best is None or v.valid_from >= best.valid_from):
                best = v
        return best

    def version(self, key: str, on: date) -> RuleVersion:
        v = self.find(key, on)
        if v is None:
            raise RuleMissing(
                translate("domain.rules.core", "No rule «{key}» applies on {day:02d}/{month:02d}/{year:04d}. An administrator must add it under Administration › Rules.").format(key=key, day=on.day, month=on.month, year=on.year)
            )
        return v

    def params(self, key: str, on: date) -> Mapping[str, Any]:
        return self.version(key, on).params

    def with_versions(self, *extra: RuleVersion) -> RuleBook:
        """A new book where ``extra`` are added after the existing versions (so they win ties)."""
        return RuleBook([v for vs in self._by_key.values() for v in vs] + list(extra))


def _iso(value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValidationError(translate("domain.rules.core", "{what}: dates must be written YYYY-MM-DD.").format(what=what))
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(translate("domain.rules.core", "{what}: the date «{value}» is not valid (YYYY-MM-DD).").format(what=what, value=value)) from exc


def parse_rule_document(doc: Mapping[str, Any]) -> list[RuleVersion]:
    """Versions from a shipped rule file: ``{"key", "title", "versions": [{"valid_from", "valid_to",
    "legal_source", "note", "params"}]}``. Raises :class:`ValidationError` with a Vietnamese message."""
    key = doc.get("key")
    if not isinstance(key, str) or not key:
        raise ValidationError(translate("domain.rules.core", "The rule file lacks the key «key»."))
    title = str(doc.get("title") or key)
    raw = doc.get("versions")
    if not isinstance(raw, list) or not raw:
        raise ValidationError(translate("domain.rules.core", "Rule «{key}»: the list of versions «versions» is missing.").format(key=key))
    out: list[RuleVersion] = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, Mapping):
            raise ValidationError(translate("domain.rules.core", "Rule «{key}», version {i}: wrong format.").format(key=key, i=i))
        start = _iso(item.get("valid_from"), translate("domain.rules.core", "Rule «{key}», version {i}").format(key=key, i=i))
        if start is None:
            raise ValidationError(translate("domain.rules.core", "Rule «{key}», version {i}: the effective date «valid_from» is missing.").format(key=key, i=i))
        end = _iso(item.get("valid_to"), translate("domain.rules.core", "Rule «{key}», version {i}").format(key=key, i=i))
        if end is not None and end < start:
            raise ValidationError(translate("domain.rules.core", "Rule «{key}», version {i}: the expiry date is before the effective date.").format(key=key, i=i))
        params = item.get("params")
        if not isinstance(params, Mapping):
            raise ValidationError(translate("domain.rules.core", "Rule «{key}», version {i}: the parameters «params» are missing.").format(key=key, i=i))
        out.append(
            RuleVersion(
                key=key,
                valid_from=start,
                valid_to=end,
                params=params,
                legal_source=str(item.get("legal_source") or ""),
                note=str(item.get("note") or ""),
                title=title,
            )
        )
    return out


# -- reading parameters: an engine reads a rule's params through these, so that a value an admin typed
# wrongly is refused with the same Vietnamese message whatever the engine


def param_int(value: Any, rule_key: str, what: str, *, minimum: int | None = 0) -> int:
    """``value`` as an integer parameter (``minimum=None``: any sign)."""
    if isinstance(value, bool) or not isinstance(value, int) or (minimum is not None and value < minimum):
        if minimum is None:
            text = translate("domain.rules.core", "Rule «{rule}»: «{what}» must be an integer.")
        else:
            text = translate("domain.rules.core", "Rule «{rule}»: «{what}» must be an integer ≥ {minimum}.")
        raise ValidationError(text.format(rule=rule_key, what=what, minimum=minimum))
    return value


def param_map(params: Mapping[str, Any], key: str, rule_key: str) -> Mapping[str, Any]:
    """A group parameter (code → value); missing means empty."""
    value = params.get(key, {})
    if not isinstance(value, Mapping):
        raise ValidationError(translate("domain.rules.core", "Rule «{rule_key}»: «{key}» must be a table (code → value).").format(rule_key=rule_key, key=key))
    return value


def param_list(params: Mapping[str, Any], key: str, rule_key: str) -> list[Any]:
    """A list parameter; missing means empty."""
    value = params.get(key, [])
    if not isinstance(value, list):
        raise ValidationError(translate("domain.rules.core", "Rule «{rule_key}»: «{key}» must be a list.").format(rule_key=rule_key, key=key))
    return value


def param_str(params: Mapping[str, Any], key: str, rule_key: str) -> str:
    """A required, non-empty text parameter."""
    value = params.get(key)
    if not isinstance(value, str) or not value:
        raise ValidationError(translate("domain.rules.core", "Rule «{rule_key}»: the parameter «{key}» is missing.").format(rule_key=rule_key, key=key))
    return value
