"""What every ``canbo`` command module shares: the Vietnamese argument parser, JSON output on stdout,
messages on stderr, opening the database, and the acting user.

A command module (``cli/dossier.py``, ``cli/importing.py``…) defines ``register(sub)`` that adds its
sub-commands; ``cli/main.py`` calls each one.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any, NoReturn

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate
from canbo_desktop.services.database import Database, open_database, resolve_target


class CliError(Exception):
    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class VietnameseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors in Vietnamese (exit 2)."""

    def error(self, message: str) -> NoReturn:
        replacements = {
            "the following arguments are required": translate("cli.common", "the following arguments are required"),
            "unrecognized arguments": translate("cli.common", "unrecognized arguments"),
            "invalid choice": translate("cli.common", "invalid choice"),
            "expected one argument": translate("cli.common", "expected one argument"),
            "invalid int value": translate("cli.common", "invalid int value"),
            "argument ": translate("cli.common", "argument "),
        }
        for en, vi in replacements.items():
            message = message.replace(en, vi)
        self.print_usage(sys.stderr)
        sys.stderr.write(translate("cli.common", "{prog}: error: {message}\n").format(prog=self.prog, message=message))
        sys.exit(2)


def _default(o: Any) -> Any:
    if isinstance(o, datetime | date):
        return o.isoformat()
    if is_dataclass(o) and not isinstance(o, type):
        return asdict(o)
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(type(o).__name__)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")


def info(message: str) -> None:
    """Human-readable progress goes to stderr, so stdout stays clean for --json."""
    sys.stderr.write(message + "\n")


def password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    pw = os.environ.get("CANBO_PASSWORD")
    if pw:
        return pw
    if not sys.stdin.isatty():
        raise CliError(translate("cli.common", "No password: set the CANBO_PASSWORD environment variable or run the command in a terminal window to type it."))
    pw = getpass.getpass(translate("cli.common", "Password: "))
    if confirm and getpass.getpass(translate("cli.common", "Repeat the password: ")) != pw:
        raise CliError(translate("cli.common", "The two passwords do not match."))
    return pw


def open_db(args: argparse.Namespace, *, create: bool = False, write: bool = True) -> Database:
    """Open the database and, when it has accounts, log the user in (``authenticate``).

    ``write``: take the file's write lock (``services/locking.py``: one program changing records at a time; a
    command that does is refused while the window has the file open). Commands that only read (look-ups,
    reports, checks, the audit log) pass ``write=False`` and work beside the open window; the few rows they
    may add (an audit entry of an export) go through SQLite's own transaction locking."""
    db = open_database(resolve_target(args.db), create=create, lock=write)
    try:
        authenticate(args, db)
    except BaseException:
        db.close()
        raise
    return db


def actor(args: argparse.Namespace) -> str:
    return args.user or os.environ.get("CANBO_USER") or "admin"


def cli_trust() -> bool:
    """``CANBO_CLI_TRUST=1`` (test harnesses: act as ``--user`` without a password), honoured only when running
    from the source tree: a frozen (PyInstaller) build, the program installed on office PCs, ignores it."""
    if getattr(sys, "frozen", False):
        return False
    return os.environ.get("CANBO_CLI_TRUST") == "1"


def authenticate(args: argparse.Namespace, db: Database) -> None:
    """How scripts log in: once the database has accounts, the user (``--user``, ``CANBO_USER``, else
    ``admin``) must exist and its password comes from ``CANBO_PASSWORD`` or a prompt; the login is the GUI's
    (Argon2id, lockout, audit) and the commands then act with that user's role, scope and sensitive-data
    permission (``db/access.py``). ``CANBO_CLI_TRUST=1`` skips the password for automated test harnesses on
    a machine where whoever runs the command can read the database file anyway; it never grants more than the
    named account (an unknown name acts as the system, as the demo builder and migrations do). A frozen build
    (the installed program) ignores it (``cli_trust``): on an office PC nobody bypasses the login by setting an
    environment variable."""
    if getattr(args, "_authenticated", False):
        return
    from canbo_desktop.services import auth

    name = actor(args)
    uowf = db.uow(name)
    if getattr(sys, "frozen", False) and os.environ.get("CANBO_CLI_TRUST"):
        info(translate("cli.common", "Note: the installed program ignores the CANBO_CLI_TRUST variable; logging in with a password is required."))
    if cli_trust() or not auth.users_exist(uowf):
        args._authenticated = True
        return
    with uowf() as uow:
        from canbo_desktop.db.access import resolve

        if resolve(uow.session, name).system:
            raise CliError(translate("cli.common", "There is no user “{name}” in this database: choose the account with --user or the CANBO_USER variable (default: admin).").format(name=name), 6)
    try:
        session = auth.login(uowf, name, password(args))
    except CanboError as exc:
        raise CliError(exc.message, 6) from exc
    if session.must_change_password:
        info(translate("cli.common", "Note: the account is using a temporary password; change it in the program (File → Change password…)."))
    args._authenticated = True


def parse_day(text: str, what: str) -> date:
    from canbo_desktop.domain.dates import parse_date

    try:
        d = date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else parse_date(text)
    except (ValueError, CanboError) as exc:
        raise CliError(translate("cli.common", "{what} «{text}» is not valid (YYYY-MM-DD or dd/mm/yyyy).").format(what=what, text=text)) from exc
    if d is None:
        raise CliError(translate("cli.common", "{what} is missing.").format(what=what))
    return d
