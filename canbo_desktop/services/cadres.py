"""Finding and reading cadre records, within the user's organisation scope (``db/access.py``).

Lists and search only return people of the user's subtree; opening a record outside it raises
``AccessDenied``. A record is handed out masked (``domain/access.mask_file``) to a user without the
sensitive-data permission; for a user with it, each view of sensitive data is written to the audit log.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from canbo_desktop.db.repositories import CadreRepository
from canbo_desktop.db.uow import UnitOfWork, UowFactory
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
        f = CadreRepository(uow.session).file(cadre_id)
        audit_sensitive_views(uow)
        return f


def audit_sensitive_views(uow: UnitOfWork, purpose: str = "open") -> None:
    """Write (and commit) one ``view_sensitive`` audit entry per record whose sensitive data this unit of
    work handed out unmasked (``CadreRepository.file`` notes them). Call at the end of a read."""
    views = pending_views(uow.session)
    if not views:
        return
    for cid in dict.fromkeys(views):
        uow.audit("view_sensitive", "cadre", cid, {"purpose": purpose})
    uow.commit()


def pending_views(session: Session) -> list[str]:
    views: list[str] = session.info.pop("sensitive_views", [])
    return views
