"""Finding and reading cadre records."""

from __future__ import annotations

from canbo_desktop.db.repositories import CadreRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.cadre import CadreFile, CadreSummary, ListFilter


def search_cadres(
    uowf: UowFactory, typed: str, *, limit: int = 50, offset: int = 0, f: ListFilter | None = None
) -> list[CadreSummary]:
    """Search by any part of name, other names, CCCD, phone, birth year, home town or unit; no diacritics needed."""
    with uowf() as uow:
        return CadreRepository(uow.session).search(typed, limit=limit, offset=offset, f=f)


def list_cadres(uowf: UowFactory, f: ListFilter, *, offset: int = 0, limit: int = 200,
                after: int | None = None) -> list[CadreSummary]:
    """A page of the cadre list in Vietnamese name order (given name, middle, family, birth date).
    ``after`` is the previous page's last ``list_position`` when known (a faster seek, same rows)."""
    with uowf() as uow:
        return CadreRepository(uow.session).list_page(f, offset=offset, limit=limit, after=after)


def count_cadres(uowf: UowFactory, f: ListFilter) -> int:
    with uowf() as uow:
        return CadreRepository(uow.session).count(f)


def cadre_file(uowf: UowFactory, cadre_id: str) -> CadreFile:
    """The whole record of one person with every table of the CV."""
    with uowf() as uow:
        return CadreRepository(uow.session).file(cadre_id)
