"""Reference data shipped in ``resources/codelists``: code lists, grades, titles (upserted by code)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from canbo_desktop import paths
from canbo_desktop.db.models import CodeItemRecord, GradeRecord, TitleRecord
from canbo_desktop.db.uow import UnitOfWork
from canbo_desktop.domain.text import nfc

SPECIAL = {"grades.json", "titles.json"}


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def codelist_files(folder: Path | None = None) -> list[Path]:
    folder = folder or paths.resource("codelists")
    return sorted(p for p in folder.glob("*.json"))


def load_reference_data(uow: UnitOfWork, folder: Path | None = None) -> dict[str, int]:
    """Insert or update every shipped code list item; returns item counts per list."""
    counts: dict[str, int] = {}
    s = uow.session
    existing_items = {(r.list_key, r.code): r for r in s.scalars(select(CodeItemRecord))}
    existing_grades = {r.code: r for r in s.scalars(select(GradeRecord))}
    existing_titles = {r.code: r for r in s.scalars(select(TitleRecord))}
    for path in codelist_files(folder):
        data = _read(path)
        items = data.get("items", [])
        if path.name == "grades.json":
            for it in items:
                values = {
                    "name": nfc(it["name"]),
                    "salary_class": it.get("salary_class", ""),
                    "step_interval_months": int(it["step_interval_months"]),
                    "coefficients": [round(float(x), 2) for x in it["coefficients"]],
                    "valid_from": _d(it.get("valid_from")),
                    "valid_to": _d(it.get("valid_to")),
                    "source": nfc(data.get("source", ""))[:255],
                }
                _upsert(s, existing_grades.get(it["code"]), GradeRecord, {"code": it["code"], **values})
            counts["grade"] = len(items)
            continue
        if path.name == "titles.json":
            for it in items:
                values = {
                    "name": nfc(it["name"]),
                    "rank": int(it.get("rank", 0)),
                    "level": it.get("level", ""),
                    "is_leader": bool(it.get("is_leader", True)),
                    "key_leader": bool(it.get("key_leader", False)),
                    "standards": it.get("standards", {}),
                    "valid_from": _d(it.get("valid_from")),
                    "valid_to": _d(it.get("valid_to")),
                }
                _upsert(s, existing_titles.get(it["code"]), TitleRecord, {"code": it["code"], **values})
            counts["title"] = len(items)
            continue
        key = data["list"]
        for it in items:
            values = {
                "name": nfc(it["name"]),
                "rank": int(it.get("rank", 0)),
                "aliases": [nfc(a) for a in it.get("aliases", [])],
                "extra": it.get("extra", {}) or {},
                "valid_from": _d(it.get("valid_from")),
                "valid_to": _d(it.get("valid_to")),
                "source": nfc(data.get("source", ""))[:255],
            }
            _upsert(s, existing_items.get((key, it["code"])), CodeItemRecord, {"list_key": key, "code": it["code"], **values})
        counts[key] = len(items)
    return counts


def _upsert(session: Any, existing: Any, model: type[Any], values: dict[str, Any]) -> None:
    if existing is None:
        session.add(model(**values))
        return
    for k, v in values.items():
        if getattr(existing, k) != v:
            setattr(existing, k, v)


def code_choices(uow_factory: Any) -> dict[str, list[tuple[str, str]]]:
    """Every code list as (code, name) pairs in display order, plus grades, titles and units."""
    from canbo_desktop.db.models import OrgUnitRecord

    out: dict[str, list[tuple[str, str]]] = {}
    with uow_factory() as uow:
        s = uow.session
        for r in s.scalars(select(CodeItemRecord).where(CodeItemRecord.deleted.is_(False))
                           .order_by(CodeItemRecord.list_key, CodeItemRecord.rank, CodeItemRecord.code)):
            out.setdefault(r.list_key, []).append((r.code, r.name))
        out["grade"] = [(g.code, f"{g.code} – {g.name}") for g in s.scalars(select(GradeRecord).order_by(GradeRecord.code))]
        out["title"] = [(t.code, t.name) for t in s.scalars(select(TitleRecord).order_by(TitleRecord.rank.desc()))]
        out["unit"] = [(u.id, ("   " * u.depth) + u.name) for u in s.scalars(
            select(OrgUnitRecord).where(OrgUnitRecord.deleted.is_(False)).order_by(OrgUnitRecord.path))]
    return out


def unit_paths(uow_factory: Any) -> dict[str, str]:
    """Unit id → its tree path (the key of a subtree filter)."""
    from canbo_desktop.db.models import OrgUnitRecord

    with uow_factory() as uow:
        return {u.id: u.path for u in uow.session.scalars(select(OrgUnitRecord).where(OrgUnitRecord.deleted.is_(False)))}


def shipped_list(list_key: str, folder: Path | None = None) -> list[tuple[str, str]]:
    """(code, name) of a code list as shipped in resources/ (before any database exists)."""
    for path in codelist_files(folder):
        data = _read(path)
        if data.get("list") == list_key:
            return [(str(i["code"]), nfc(i["name"])) for i in data.get("items", [])]
    return []
