"""Domain errors. Each carries a message a clerk can read, shown as is by the UI and CLI.

Messages are made with ``canbo_desktop.i18n.translate`` (English source, Vietnamese catalogue by default) at the
moment the error is raised, so they are in the interface language."""

from __future__ import annotations


class CanboError(Exception):
    """Base of every expected error; ``message`` is user-safe text in the interface language."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ValidationError(CanboError):
    """One or more fields are wrong; ``fields`` maps a field name to its message."""

    exit_code = 2

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.fields = dict(fields or {})


class NotFound(CanboError):
    exit_code = 3


class DatabaseError(CanboError):
    """The database cannot be opened or used (missing folder, locked, bad URL, corrupt)."""

    exit_code = 4


class SchemaTooNew(DatabaseError):
    """The database was written by a newer version of the application."""


class AlreadyInitialised(CanboError):
    exit_code = 5


class PermissionDenied(CanboError):
    exit_code = 6


class Conflict(CanboError):
    exit_code = 7
