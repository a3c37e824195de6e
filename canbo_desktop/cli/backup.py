"""``canbo backup …``: make, list and restore backups of the SQLite database.

    canbo backup create [--reason TEXT] [--json]
    canbo backup list [--json]
    canbo backup restore NAME_OR_PATH [--yes] [--json]

``create`` works while the program runs (SQLite's online backup); ``restore`` keeps the current file as ``<name>-truoc-khoi-phuc-<time>.db`` and gives the restored database a new
sync epoch. It asks for confirmation (type ``co``) unless ``--yes``; without a terminal it needs ``--yes``. It
refuses while the program (or another command) has the database open for writing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from canbo_desktop.cli.common import (
    CliError,
    VietnameseArgumentParser,
    actor,
    authenticate,
    emit_json,
    info,
    open_db,
)
from canbo_desktop.db.engine import parse_database_url, sqlite_path
from canbo_desktop.i18n import translate
from canbo_desktop.services.database import open_database, resolve_target


def _db_file(args: argparse.Namespace) -> Path:
    target = resolve_target(args.db)
    path = sqlite_path(parse_database_url(target))
    if path is None:
        raise CliError(translate("cli.backup", "A PostgreSQL database is backed up on the server (pg_dump); this command is only for SQLite files."))
    return path


def cmd_create(args: argparse.Namespace) -> int:
    from canbo_desktop.services.backup import MANUAL_REASON, backup_engine

    _db_file(args)
    db = open_database(resolve_target(args.db))  # no write lock: the online backup is consistent while the app runs
    try:
        authenticate(args, db)
        result = backup_engine(db.engine, args.reason or MANUAL_REASON)
    finally:
        db.close()
    if args.json:
        emit_json({"path": str(result.path) if result.path else None, "note": result.note})
    else:
        info(result.note)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from canbo_desktop.services.backup import list_backups

    rows = list_backups(_db_file(args))
    if args.json:
        emit_json([{"name": b.path.name, "path": str(b.path), "at": b.at.isoformat(), "reason": b.reason,
                    "kind": b.kind, "size": b.size} for b in rows])
        return 0
    for b in rows:
        print(f"{b.at:%d/%m/%Y %H:%M:%S}  {b.label:28} {b.size / 1e6:8.1f} MB  {b.path.name}")
    if not rows:
        info(translate("cli.backup", "No backups yet."))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from canbo_desktop.services.backup import check_backup_file, resolve_backup, restore_backup

    db_file = _db_file(args)
    source = resolve_backup(db_file, args.backup)
    check_backup_file(source)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(translate("cli.backup", "Restoring replaces the current database with the backup: add --yes to confirm."))
        sys.stderr.write(translate("cli.backup", "Replace the database “{db_file}” with the backup “{name}”?\nThe current one is kept beside it. Type “yes” to agree: ").format(db_file=db_file, name=source.name))
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("co", "có", "c", "y", "yes"):  # i18n: data
            info(translate("cli.backup", "Cancelled, the database is unchanged."))
            return 1
    db = open_db(args)  # the write lock (refused while the program has the file open) and the login
    try:
        db.engine.dispose()  # no connection of ours may stay open on the file being replaced
        result = restore_backup(db_file, source, actor=actor(args))
    finally:
        db.close()
    if args.json:
        emit_json({"database": str(result.database), "restored_from": str(result.restored_from),
                   "kept": str(result.kept) if result.kept else None, "epoch": result.epoch, "note": result.note})
    else:
        info(result.note)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help=translate("cli.backup", "back up and restore the database"))
    bsub = p.add_subparsers(dest="backup_command", required=True, parser_class=VietnameseArgumentParser)
    sp = bsub.add_parser("create", help=translate("cli.backup", "make a backup now (in the backups folder beside the data file)"))
    sp.add_argument("--reason", help=translate("cli.backup", "reason written in the file name (default: manual)"))
    sp.add_argument("--json", action="store_true", help=translate("cli.backup", "print the result as JSON"))
    sp.set_defaults(func=cmd_create)
    sp = bsub.add_parser("list", help=translate("cli.backup", "the backups, newest first"))
    sp.add_argument("--json", action="store_true", help=translate("cli.backup", "print the result as JSON"))
    sp.set_defaults(func=cmd_list)
    sp = bsub.add_parser("restore", help=translate("cli.backup", "restore from a backup (the current one is kept)"))
    sp.add_argument("backup", help=translate("cli.backup", "file name in the backups folder or path of a backup file"))
    sp.add_argument("--yes", action="store_true", help=translate("cli.backup", "do not ask again"))
    sp.add_argument("--json", action="store_true", help=translate("cli.backup", "print the result as JSON"))
    sp.set_defaults(func=cmd_restore)
