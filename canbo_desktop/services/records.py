"""Changing records: save a whole CV, the trash, career decisions and their cancellation.

Every function is one unit of work (one transaction, with its audit and change-log rows) and returns
the ``ChangeSet``. Deleting never removes a synced row physically: the trash is restorable, and a
permanent deletion leaves a tombstone (``deleted``) so that the office above learns of it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, select

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db.repositories import CadreRepository, OrgUnitRepository, to_dataclass
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.access import (
    MASK,
    SENSITIVE_CADRE_FIELDS,
    SENSITIVE_FAMILY_FIELDS,
    Op,
    allows,
    denial,
)
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.decisions import KIND_LABELS, DecisionInput, plan_effects
from canbo_desktop.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from canbo_desktop.domain.names import parse_full_name
from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.domain.validation import normalise_cccd
from canbo_desktop.i18n import translate

CHILD_TABLES: dict[str, tuple[type[Any], type[Any]]] = {
    "training": (m.TrainingRecord, d.TrainingRow),
    "work_history": (m.WorkHistoryRecord, d.WorkHistoryRow),
    "family": (m.FamilyMemberRecord, d.FamilyRow),
    "salary": (m.SalaryHistoryRecord, d.SalaryRow),
    "awards": (m.AwardRecord, d.AwardRow),
    "discipline": (m.DisciplineRecord, d.DisciplineRow),
    "positions": (m.PositionHistoryRecord, d.PositionRow),
    "documents": (m.CadreDocumentRecord, d.DocumentRow),
}
MULTILINE = {"main_duties", "history_detention", "history_foreign_orgs", "history_foreign_relatives", "assessment",
             "economic_salary", "economic_housing", "economic_land", "details", "description", "reason", "note"}
READ_ONLY = {"id", "rev", "created_at", "trashed_at", "trashed_by", "photo_sha256"}


def _clean(name: str, value: Any) -> Any:
    """Every text that enters the database passes here: NFC, no control characters, trimmed."""
    if isinstance(value, str):
        return clean_multiline(value) if name in MULTILINE else clean_line(value)
    return value


def normalise_cadre(c: d.Cadre) -> d.Cadre:
    """Clean every text field; split a typed full name when the parts are empty; digits-only CCCD."""
    values = {f.name: _clean(f.name, getattr(c, f.name)) for f in dataclasses.fields(c)}
    out = d.Cadre(**values)
    if out.full_name and not (out.given_name or out.family_name):
        name = parse_full_name(out.full_name)
        out.family_name, out.middle_name, out.given_name = name.family, name.middle, name.given
        out.name_family_last = name.family_last
    out.id_number = normalise_cccd(out.id_number)
    return out


def _duplicate_ids(uow: UnitOfWork, c: d.Cadre) -> dict[str, str]:
    if not c.id_number:
        return {}
    others = CadreRepository(uow.session).find_by_id_number(c.id_number, exclude_id=c.id or None)
    if not others:
        return {}
    o = others[0]
    if not allows(access.session_principal(uow.session), Op.READ, _unit_path(uow, o.unit_id)):
        return {"id_number": translate("services.records", "This CCCD number is already on the record of a person "
                                       "of another unit (outside your scope).")}
    return {"id_number": translate("services.records", "This CCCD number is already on the record of {name} ({unit})."
                                   ).format(name=o.full_name, unit=o.unit_name)}


def _unit_path(uow: UnitOfWork, unit_id: str) -> str:
    unit = uow.session.get(m.OrgUnitRecord, unit_id)
    return unit.path if unit is not None else f"/{unit_id}/"


def _keep_sensitive(uow: UnitOfWork, c: d.Cadre) -> d.Cadre:
    """For a user without the sensitive-data permission: the sensitive items keep their stored values (the
    user saw them masked; "***" must never overwrite them), or the defaults for a new person."""
    if access.may_view_sensitive(uow.session):
        return c
    stored = uow.session.get(m.CadreRecord, c.id) if c.id else None
    base = to_dataclass(stored, d.Cadre) if stored is not None else d.Cadre()
    return dataclasses.replace(c, **{k: getattr(base, k) for k in SENSITIVE_CADRE_FIELDS})


def validate_file(uowf: UowFactory, f: d.CadreFile, *, today: date | None = None) -> dict[str, str]:
    """All problems of a record, field by field (empty when it can be saved)."""
    c = normalise_cadre(f.cadre)
    with uowf() as uow:
        c = _keep_sensitive(uow, c)
        errors = d.validate_cadre(c, today=today or date.today())
        errors.update(_duplicate_ids(uow, c))
    return errors


def save_cadre_file(uowf: UowFactory, f: d.CadreFile, *, today: date | None = None) -> tuple[str, ChangeSet]:
    """Create or update a person with every table of the CV in one transaction. Returns (id, changes).

    Out of the user's scope or role the flush is refused (``db/access.py``) and nothing is written."""
    c = normalise_cadre(f.cadre)
    with uowf() as uow:
        c = _keep_sensitive(uow, c)
        errors = d.validate_cadre(c, today=today or date.today())
        errors.update(_duplicate_ids(uow, c))
        if errors:
            raise ValidationError(translate("services.records", "The record could not be saved: {problems}").format(
                problems=" ".join(errors.values())), errors)
        OrgUnitRepository(uow.session).get(c.owner_unit_id)
        if c.id:
            rec = CadreRepository(uow.session).record(c.id)
            if c.rev and rec.rev != c.rev:
                raise Conflict(translate(
                    "services.records", "Someone else has changed this record (or it came in by sync) after you "
                    "opened it. Close and reopen the record to see the latest version."))
        else:
            rec = m.CadreRecord(created_at=uow.now())
            uow.session.add(rec)
        for field in dataclasses.fields(c):
            if field.name in READ_ONLY:
                continue
            value = getattr(c, field.name)
            if getattr(rec, field.name, None) != value:
                setattr(rec, field.name, value)
        uow.session.flush()
        _sync_children(uow, rec.id, f)
        cid = rec.id
        changes = uow.commit()
    return cid, changes


def _sync_children(uow: UnitOfWork, cadre_id: str, f: d.CadreFile) -> None:
    """Make each child table equal the edited rows: update by id, insert new, tombstone removed.
    Without the sensitive-data permission the discipline table and the relatives' details are left as stored
    (the user was shown them masked)."""
    sensitive_ok = access.may_view_sensitive(uow.session)
    for attr, (model, _cls) in CHILD_TABLES.items():
        if attr == "discipline" and not sensitive_ok:
            continue
        wanted = getattr(f, attr)
        existing = {r.id: r for r in uow.session.scalars(
            select(model).where(model.cadre_id == cadre_id, model.deleted.is_(False)))}
        keep: set[str] = set()
        for pos, row in enumerate(wanted):
            values = {fl.name: _clean(fl.name, getattr(row, fl.name)) for fl in dataclasses.fields(row)
                      if fl.name not in ("id", "cadre_id")}
            values["position"] = pos
            rec = existing.get(row.id) if row.id else None
            if rec is None:
                if not sensitive_ok:
                    values = {k: ("" if v == MASK else v) for k, v in values.items()}
                uow.session.add(model(cadre_id=cadre_id, **values))
                continue
            keep.add(rec.id)
            for k, v in values.items():
                if not sensitive_ok and k in SENSITIVE_FAMILY_FIELDS:
                    continue
                if getattr(rec, k) != v:
                    setattr(rec, k, v)
        for rid, rec in existing.items():
            if rid not in keep:
                rec.deleted = True


# --------------------------------------------------------------------------- trash


def trash_cadres(uowf: UowFactory, ids: list[str]) -> ChangeSet:
    """Move people to the trash (restorable; they leave lists, search and reports)."""
    with uowf() as uow:
        for cid in ids:
            rec = CadreRepository(uow.session).record(cid)
            if rec.trashed_at is None:
                rec.trashed_at = uow.now()
                rec.trashed_by = uow.actor
        return uow.commit()


def restore_cadres(uowf: UowFactory, ids: list[str]) -> ChangeSet:
    with uowf() as uow:
        for cid in ids:
            rec = CadreRepository(uow.session).record(cid)
            rec.trashed_at = None
            rec.trashed_by = ""
        return uow.commit()


def list_trash(uowf: UowFactory) -> list[d.CadreSummary]:
    with uowf() as uow:
        q = select(m.CadreRecord).where(m.CadreRecord.trashed_at.is_not(None), m.CadreRecord.deleted.is_(False))
        scope = access.scope_path(uow.session)
        if scope:
            q = q.join(m.OrgUnitRecord, m.OrgUnitRecord.id == m.CadreRecord.owner_unit_id).where(
                m.OrgUnitRecord.path.startswith(scope, autoescape=True))
        rows = uow.session.scalars(q.order_by(m.CadreRecord.name_sort_key))
        units = {u.id: u for u in OrgUnitRepository(uow.session).all()}
        return [d.CadreSummary(r.id, r.full_name, r.sex, r.birth_date, r.birth_precision, r.owner_unit_id,
                               units[r.owner_unit_id].code if r.owner_unit_id in units else "",
                               units[r.owner_unit_id].name if r.owner_unit_id in units else "",
                               r.current_position, r.status, r.id_number) for r in rows]


def purge_cadres(uowf: UowFactory, ids: list[str], *, role: str, typed_confirmation: str) -> ChangeSet:
    """Delete for good (admin only, from the trash, after typing XOA VINH VIEN). Leaves tombstones for sync."""
    if role != "admin":
        raise PermissionDenied(translate("services.records", "Only an administrator may delete records for good."))
    if clean_line(typed_confirmation).upper() not in ("XOÁ VĨNH VIỄN", "XÓA VĨNH VIỄN",  # i18n: data
                                                      "XOA VINH VIEN"):
        raise ValidationError(translate("services.records", "Type “XOÁ VĨNH VIỄN” exactly to confirm."),
                              {"confirmation": translate("services.records", "not right")})
    with uowf() as uow:
        principal = access.session_principal(uow.session)
        if not allows(principal, Op.PURGE):  # the caller's ``role`` is a hint; the logged-in user decides
            raise denial(principal, Op.PURGE)
        for cid in ids:
            rec = CadreRepository(uow.session).record(cid)
            if rec.trashed_at is None:
                raise ValidationError(translate("services.records", "“{name}” is not in the trash: move it to the "
                                                "trash first.").format(name=rec.full_name))
            for model, _cls in CHILD_TABLES.values():
                for child in uow.session.scalars(select(model).where(model.cadre_id == cid)):
                    child.deleted = True
            for dec in uow.session.scalars(select(m.DecisionRecord).where(m.DecisionRecord.cadre_id == cid)):
                dec.deleted = True
            for ev in uow.session.scalars(select(m.EvaluationRecord).where(m.EvaluationRecord.cadre_id == cid)):
                ev.deleted = True
            rec.deleted = True
        return uow.commit()


# --------------------------------------------------------------------------- decisions


def _unit_name(uow: UnitOfWork, unit_id: str | None) -> str:
    if not unit_id:
        return ""
    return OrgUnitRepository(uow.session).get(unit_id).name


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date | datetime) else v


def _from_json(name: str, v: Any) -> Any:
    col = m.CadreRecord.__table__.c.get(name)
    if v is not None and col is not None and isinstance(col.type, Date):
        return date.fromisoformat(v)
    return v


def record_decision(uowf: UowFactory, cadre_id: str, inp: DecisionInput) -> tuple[str, ChangeSet]:
    """Record a career decision: it updates the current state and appends the history, reversibly."""
    with uowf() as uow:
        did = apply_decision(uow, cadre_id, inp)
        return did, uow.commit()


def apply_decision(uow: UnitOfWork, cadre_id: str, inp: DecisionInput) -> str:
    """``record_decision`` inside the caller's transaction (e.g. the end of an appointment procedure):
    writes the decision and its effects, does not commit. Returns the decision id."""
    inp.number = clean_line(inp.number)
    inp.issuer = clean_line(inp.issuer)
    inp.summary = clean_multiline(inp.summary)
    inp.title_text = clean_line(inp.title_text)
    rec = CadreRepository(uow.session).record(cadre_id)
    if rec.trashed_at is not None:
        raise ValidationError(translate("services.records", "The record is in the trash: restore it before recording "
                                        "a decision."))
    if inp.unit_id:
        inp.unit_name = _unit_name(uow, inp.unit_id)
    if inp.kind == "nang_bac" and not inp.grade_code:
        inp.grade_code = rec.grade_code
    eff = plan_effects(inp)
    assert inp.effective_date is not None
    dec = m.DecisionRecord(cadre_id=cadre_id, kind=inp.kind, number=inp.number, signed_on=inp.signed_on,
                           issuer=inp.issuer, issuer_unit_id=None, effective_date=inp.effective_date,
                           end_date=inp.end_date, summary=inp.summary or KIND_LABELS[inp.kind])
    uow.session.add(dec)
    uow.session.flush()
    previous_cadre = {k: _jsonable(getattr(rec, k)) for k in eff.cadre}
    updated: list[list[Any]] = []
    if eff.close_open_work:
        for wh in uow.session.scalars(select(m.WorkHistoryRecord).where(
                m.WorkHistoryRecord.cadre_id == cadre_id, m.WorkHistoryRecord.deleted.is_(False),
                m.WorkHistoryRecord.to_date == "")):
            before = f"{inp.effective_date.year:04d}-{inp.effective_date.month:02d}"
            updated.append(["cadre_work_history", wh.id, "to_date", wh.to_date, before])
            wh.to_date = before
    if eff.close_open_position:
        for pos in uow.session.scalars(select(m.PositionHistoryRecord).where(
                m.PositionHistoryRecord.cadre_id == cadre_id, m.PositionHistoryRecord.deleted.is_(False),
                m.PositionHistoryRecord.end_date.is_(None))):
            updated.append(["cadre_position", pos.id, "end_date", None, inp.effective_date.isoformat()])
            pos.end_date = inp.effective_date
    for k, v in eff.cadre.items():
        setattr(rec, k, v)
    created: list[list[str]] = []
    model_of = {mdl.__tablename__: mdl for mdl, _ in CHILD_TABLES.values()}
    for table, values in eff.rows:
        row = model_of[table](cadre_id=cadre_id, decision_id=dec.id, position=999, **values)
        uow.session.add(row)
        uow.session.flush()
        created.append([table, row.id])
    dec.changes = {"cadre": {k: _jsonable(v) for k, v in eff.cadre.items()}, "created": created, "updated": updated}
    dec.previous = {"cadre": previous_cadre}
    return dec.id


def cancel_decision(uowf: UowFactory, decision_id: str, reason: str) -> ChangeSet:
    """Cancel a decision and revert exactly what it did (refused if a later decision changed the same)."""
    reason = clean_multiline(reason)
    if not reason:
        raise ValidationError(translate("services.records", "Enter the reason for cancelling the decision."),
                              {"reason": translate("services.records", "required")})
    with uowf() as uow:
        dec = uow.session.get(m.DecisionRecord, decision_id)
        if dec is None or dec.deleted:
            raise NotFound(translate("services.records", "Decision not found."))
        if dec.status == "cancelled":
            raise ValidationError(translate("services.records", "This decision was already cancelled."))
        fields = set(dec.changes.get("cadre", {}))
        later = uow.session.scalars(select(m.DecisionRecord).where(
            m.DecisionRecord.cadre_id == dec.cadre_id, m.DecisionRecord.status == "active",
            m.DecisionRecord.deleted.is_(False), m.DecisionRecord.id != dec.id,
            m.DecisionRecord.effective_date >= dec.effective_date)).all()
        for other in later:
            if other.effective_date == dec.effective_date and other.id < dec.id:
                continue  # recorded earlier on the same day: not "later"
            if fields & set(other.changes.get("cadre", {})):
                raise Conflict(translate(
                    "services.records", "Cannot cancel: the later decision no. {number} ({kind}) changed the same "
                    "information. Cancel that decision first.").format(
                    number=other.number, kind=KIND_LABELS.get(other.kind, other.kind)))
        rec = CadreRepository(uow.session).record(dec.cadre_id)
        for k, v in dec.previous.get("cadre", {}).items():
            setattr(rec, k, _from_json(k, v))
        model_of = {mdl.__tablename__: mdl for mdl, _ in CHILD_TABLES.values()}
        for table, rid in dec.changes.get("created", []):
            row = uow.session.get(model_of[table], rid)
            if row is not None:
                row.deleted = True
        for table, rid, field, old, _new in dec.changes.get("updated", []):
            row = uow.session.get(model_of[table], rid)
            if row is not None:
                if field == "end_date" and old is not None:
                    old = date.fromisoformat(old)
                setattr(row, field, old)
        dec.status = "cancelled"
        dec.cancelled_on = uow.now().date()
        dec.cancel_reason = reason
        return uow.commit()


def career_timeline(uowf: UowFactory, cadre_id: str) -> list[d.Decision]:
    """A person's decisions in order of effect (cancelled ones included, marked)."""
    with uowf() as uow:
        CadreRepository(uow.session).record(cadre_id)  # out of scope: AccessDenied
        rows = uow.session.scalars(select(m.DecisionRecord).where(
            m.DecisionRecord.cadre_id == cadre_id, m.DecisionRecord.deleted.is_(False)
        ).order_by(m.DecisionRecord.effective_date, m.DecisionRecord.id))
        return [to_dataclass(r, d.Decision) for r in rows]


# --------------------------------------------------------------------------- photo (4×6)

MAX_PHOTO_BYTES = 15 * 1024 * 1024
PHOTO_PIXELS = (400, 600)  # 4×6 cm at about 250 dpi: sharp on the printed CV, small in the database


def prepare_photo(data: bytes) -> bytes:
    """Check that ``data`` is a picture and make it a small 4×6 JPEG without metadata (GPS, camera…)."""
    import io

    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(translate("services.records", "The photo file is too large (at most 15 MB)."),
                              {"photo": translate("services.records", "too large")})
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > 60_000_000:
                raise ValidationError(translate("services.records", "The photo has too many pixels."),
                                      {"photo": translate("services.records", "too large")})
            upright = ImageOps.exif_transpose(img).convert("RGB")
            fitted = ImageOps.fit(upright, PHOTO_PIXELS, method=Image.Resampling.LANCZOS, centering=(0.5, 0.35))
            out = io.BytesIO()
            fitted.save(out, "JPEG", quality=88, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(translate("services.records", "The chosen file is not a picture (JPEG, PNG…) or is "
                                        "damaged."), {"photo": translate("services.records", "not a picture")}) from exc


def set_photo(uowf: UowFactory, cadre_id: str, data: bytes | None, taken_on: date | None) -> ChangeSet:
    """Attach (or with ``data=None`` remove) the 4×6 photo and its date."""
    import hashlib

    jpeg = prepare_photo(data) if data is not None else None
    with uowf() as uow:
        rec = CadreRepository(uow.session).record(cadre_id)
        if jpeg is None:
            rec.photo_sha256 = None
            rec.photo_date = None
        else:
            digest = hashlib.sha256(jpeg).hexdigest()
            if uow.session.get(m.AttachmentRecord, digest) is None:
                uow.session.add(m.AttachmentRecord(sha256=digest, mime="image/jpeg", size=len(jpeg), data=jpeg,
                                                   created_at=uow.now()))
            rec.photo_sha256 = digest
            rec.photo_date = taken_on
        return uow.commit()


def photo_bytes(uowf: UowFactory, sha256: str | None) -> bytes | None:
    if not sha256:
        return None
    with uowf() as uow:
        att = uow.session.get(m.AttachmentRecord, sha256)
        return bytes(att.data) if att is not None else None
