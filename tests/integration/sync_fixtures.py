"""Helpers for the sync tests: offices made with the real set-up/demo services, keys exchanged through the
real keys packages, edits through the real unit of work, packages carried on a "stick" folder."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.services.setup import init_office
from canbo_desktop.services.sync import export, importer, peers

PASS = "cum-mat-khau-dong-bo"
os.environ.setdefault("CANBO_FAST_HASH", "1")


@dataclass
class Office:
    name: str
    db: Database
    path: Path
    stick: Path
    info: Any = None
    packages: list[Path] = field(default_factory=list)
    actor: str = "admin"

    @property
    def uowf(self) -> Any:
        return self.db.uow(self.actor)

    def node_id(self) -> str:
        with self.uowf() as uow:
            assert uow.node is not None
            return uow.node.node_id

    def unit_id(self) -> str:
        with self.uowf() as uow:
            assert uow.node is not None
            return uow.node.unit_id

    def export(self, *, full: bool = False, to: str | None = None, receipt: bool = False) -> export.ExportResult:
        res = export.export_package(self.uowf, out_dir=self.stick, passphrase=PASS, full=full, to_node=to,
                                    receipt=receipt)
        self.packages.append(res.path)
        return res

    def import_(self, path: Path, **kw: Any) -> importer.ImportResult:
        return importer.import_package(self.uowf, path, passphrase=PASS, backup=kw.pop("backup", False), **kw)

    def add_cadre(self, name: str, *, unit_id: str | None = None, id_number: str = "", **extra: Any) -> str:
        family, _, rest = name.partition(" ")
        middle, _, given = rest.rpartition(" ")
        with self.uowf() as uow:
            rec = m.CadreRecord(owner_unit_id=unit_id or self.unit_id(), full_name=name, family_name=family,
                                middle_name=middle, given_name=given, sex="F" if " Thị " in name else "M",
                                birth_date=date(1985, 3, 4), id_number=id_number, **extra)
            uow.session.add(rec)
            uow.session.flush()
            uow.session.add(m.EvaluationRecord(cadre_id=rec.id, year=2025, regime="nd90", level="tot"))
            uow.session.add(m.FamilyMemberRecord(cadre_id=rec.id, relation="Mẹ", full_name="Lê Thị Mận"))
            uow.commit()
            return rec.id

    def edit(self, table: type[Any], row_id: str, **values: Any) -> None:
        with self.uowf() as uow:
            rec = uow.session.get(table, row_id)
            assert rec is not None
            for k, v in values.items():
                setattr(rec, k, v)
            uow.commit()

    def get(self, table: type[Any], row_id: str) -> dict[str, Any] | None:
        """The row's column values (None if absent)."""
        with self.uowf() as uow:
            rec = uow.session.get(table, row_id)
            if rec is None:
                return None
            return {c.key: getattr(rec, c.key) for c in rec.__mapper__.column_attrs}

    def cadre_ids(self) -> set[str]:
        with self.uowf() as uow:
            return set(uow.session.scalars(select(m.CadreRecord.id)))

    def snapshot(self, tables: tuple[str, ...] = ("cadre", "evaluation", "cadre_family", "org_unit")) -> dict[str, Any]:
        """Content of the synced tables (tracking columns included except the local ones)."""
        from canbo_desktop.db import sync as repo

        out: dict[str, Any] = {}
        with self.uowf() as uow:
            conn = uow.session.connection()
            for t in tables:
                out[t] = {r["id"]: r for r in repo.iter_rows(conn, t)}
        return out

    def fingerprint(self) -> str:
        """sha256 of the database content (iterdump after a checkpoint): "byte-for-byte unchanged"."""
        self.db.engine.dispose()
        con = sqlite3.connect(self.path)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            h = hashlib.sha256()
            for line in con.iterdump():
                h.update(line.encode("utf-8"))
            return h.hexdigest()
        finally:
            con.close()


def new_office(tmp: Path, template: Path | None, name: str, *, code: str = "", title: str = "",
               empty: Path | None = None) -> Office:
    """An office: a copy of ``template`` (the demo), or a new office ``code``/``title`` set up with the real
    set-up service on a copy of the migrated ``empty`` template (or a new file)."""
    path = tmp / f"{name}.db"
    stick = tmp / f"usb-{name}"
    stick.mkdir()
    if template is not None:
        path.write_bytes(template.read_bytes())
        db = open_database(str(path))
    else:
        if empty is not None:
            path.write_bytes(empty.read_bytes())
        db = open_database(str(path), create=empty is None)
        init_office(db.uow("setup"), office_code=code, office_name=title, admin_user="quantri", password="matkhau123")
    office = Office(name, db, path, stick, actor="admin" if template is not None else "quantri")
    office.info = peers.init_node_keys(office.uowf, PASS)
    return office


def link(parent: Office, child: Office) -> None:
    """Exchange keys packages both ways (the clerks compare the fingerprints)."""
    kp = peers.export_keys_package(parent.uowf, parent.stick, passphrase=PASS)
    kc = peers.export_keys_package(child.uowf, child.stick, passphrase=PASS)
    got_parent = peers.import_keys_package(child.uowf, kp.path, relation="parent")
    got_child = peers.import_keys_package(parent.uowf, kc.path, relation="child")
    assert got_parent.fingerprint == kp.fingerprint
    assert got_child.fingerprint == kc.fingerprint


def carry(sender: Office, receiver: Office, **kw: Any) -> importer.ImportResult:
    """Export at ``sender``, import at ``receiver``, and carry the ack back down."""
    res = sender.export()
    got = receiver.import_(res.path, ack_dir=receiver.stick, **kw)
    assert got.status == "applied", (got.status, got.reason, got.checks)
    assert got.ack_path is not None
    back = sender.import_(got.ack_path)
    assert back.status == "applied", back.reason
    return got


def checkpoint(office: Office) -> None:
    office.db.engine.dispose()
    con = sqlite3.connect(office.path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def clone(offices: dict[str, Office], dst: Path) -> dict[str, Office]:
    """Copies of set-up offices (same nodes and keys) in ``dst``: a per-test copy of a module's set-up."""
    out: dict[str, Office] = {}
    for name, o in offices.items():
        checkpoint(o)
        path = dst / f"{name}.db"
        path.write_bytes(o.path.read_bytes())
        stick = dst / f"usb-{name}"
        stick.mkdir()
        out[name] = Office(name, open_database(str(path)), path, stick, o.info, [], o.actor)
    return out


@pytest.fixture(scope="session")
def sync_trio(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Iterator[dict[str, Office]]:
    """A district and two communes (real set-up service), keys exchanged, one person of commune A already at the
    district (``A.info`` holds that person's id). Tests work on ``clone(sync_trio, tmp_path)``."""
    tmp = tmp_path_factory.mktemp("trio")
    d = new_office(tmp, None, "D", code="40.D01", title="Huyện Thanh Hà", empty=empty_template)
    a = new_office(tmp, None, "A", code="40.D01.X05", title="Xã An Phú", empty=empty_template)
    b = new_office(tmp, None, "B", code="40.D01.X06", title="Xã Bình Minh", empty=empty_template)
    link(d, a)
    link(d, b)
    x = a.add_cadre("Nguyễn Thị Hồng", id_number="040185001111")
    carry(a, d)
    a.info = x
    yield {"D": d, "A": a, "B": b}
    for o in (d, a, b):
        o.db.close()
