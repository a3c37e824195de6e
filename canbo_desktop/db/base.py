"""Declarative base, naming convention, column types and the sync-tracking mixin."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, Text, types
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from uuid6 import uuid7

# Named constraints from the first revision, so later migrations can alter them (aesthetics.md P14).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


_id_source: ContextVar[Callable[[], str] | None] = ContextVar("canbo_id_source", default=None)


def new_id() -> str:
    """A time-ordered UUIDv7 as text: unique across offices, index-friendly, readable in sync files."""
    source = _id_source.get()
    return source() if source is not None else str(uuid7())


@contextmanager
def id_source(source: Callable[[], str]) -> Iterator[None]:
    """Take new ids from ``source`` inside the block (the demo generator: same seed, same ids)."""
    token = _id_source.set(source)
    try:
        yield
    finally:
        _id_source.reset(token)


class NFCString(types.TypeDecorator[str]):
    """VARCHAR that stores every value in Unicode NFC, whatever path wrote it (ORM, Core, bulk)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        s = str(value)
        return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


class NFCText(NFCString):
    impl = Text
    cache_ok = True


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def ID() -> Mapped[str]:  # noqa: N802 - reads like a column type
    return mapped_column(String(36), primary_key=True, default=new_id)


class Synced:
    """Columns every synced table carries (``sync.md``): rev, hlc, origin_node, updated_by, tombstone.

    The unit of work fills them on every insert/update and writes the change-log row in the same
    transaction; a table with this mixin is enumerated by the tracking test.
    """

    __synced__ = True

    rev: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    hlc: Mapped[str] = mapped_column(String(24), default="", nullable=False)
    origin_node: Mapped[str] = mapped_column(String(36), default="", nullable=False)
    updated_by: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


def synced_tables() -> list[str]:
    """Names of every table that carries sync tracking."""
    out = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__synced__", False):
            out.append(str(mapper.local_table.name))  # type: ignore[attr-defined]
    return sorted(out)
