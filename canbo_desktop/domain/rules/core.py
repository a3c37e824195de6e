"""Rule versions and the book that picks the one in force on a date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from canbo_desktop.domain.errors import CanboError, ValidationError


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
                f"Chưa có quy định «{key}» áp dụng cho ngày {on.day:02d}/{on.month:02d}/{on.year:04d}. "
                "Quản trị viên cần bổ sung trong mục Quản trị › Quy định."
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
        raise ValidationError(f"{what}: ngày phải ghi dạng YYYY-MM-DD.")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(f"{what}: ngày «{value}» không hợp lệ (dạng YYYY-MM-DD).") from exc


def parse_rule_document(doc: Mapping[str, Any]) -> list[RuleVersion]:
    """Versions from a shipped rule file: ``{"key", "title", "versions": [{"valid_from", "valid_to",
    "legal_source", "note", "params"}]}``. Raises :class:`ValidationError` with a Vietnamese message."""
    key = doc.get("key")
    if not isinstance(key, str) or not key:
        raise ValidationError("Tệp quy định thiếu khóa «key».")
    title = str(doc.get("title") or key)
    raw = doc.get("versions")
    if not isinstance(raw, list) or not raw:
        raise ValidationError(f"Quy định «{key}»: thiếu danh sách phiên bản «versions».")
    out: list[RuleVersion] = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, Mapping):
            raise ValidationError(f"Quy định «{key}», phiên bản {i}: không đúng định dạng.")
        start = _iso(item.get("valid_from"), f"Quy định «{key}», phiên bản {i}")
        if start is None:
            raise ValidationError(f"Quy định «{key}», phiên bản {i}: thiếu ngày hiệu lực «valid_from».")
        end = _iso(item.get("valid_to"), f"Quy định «{key}», phiên bản {i}")
        if end is not None and end < start:
            raise ValidationError(f"Quy định «{key}», phiên bản {i}: ngày hết hiệu lực trước ngày hiệu lực.")
        params = item.get("params")
        if not isinstance(params, Mapping):
            raise ValidationError(f"Quy định «{key}», phiên bản {i}: thiếu tham số «params».")
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
        bound = "" if minimum is None else f" ≥ {minimum}"
        raise ValidationError(f"Quy định «{rule_key}»: «{what}» phải là số nguyên{bound}.")
    return value


def param_map(params: Mapping[str, Any], key: str, rule_key: str) -> Mapping[str, Any]:
    """A group parameter (code → value); missing means empty."""
    value = params.get(key, {})
    if not isinstance(value, Mapping):
        raise ValidationError(f"Quy định «{rule_key}»: «{key}» phải là một bảng (mã → giá trị).")
    return value


def param_list(params: Mapping[str, Any], key: str, rule_key: str) -> list[Any]:
    """A list parameter; missing means empty."""
    value = params.get(key, [])
    if not isinstance(value, list):
        raise ValidationError(f"Quy định «{rule_key}»: «{key}» phải là một danh sách.")
    return value


def param_str(params: Mapping[str, Any], key: str, rule_key: str) -> str:
    """A required, non-empty text parameter."""
    value = params.get(key)
    if not isinstance(value, str) or not value:
        raise ValidationError(f"Quy định «{rule_key}»: thiếu tham số «{key}».")
    return value
