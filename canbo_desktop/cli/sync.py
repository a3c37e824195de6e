"""``canbo sync …``: keys, export, import, acks, conflicts and reference data for USB sync.

The passphrase of this office's sync key comes from ``--passphrase-file``, else ``CANBO_SYNC_PASSPHRASE``,
else a prompt. ``import`` prints ``{"status", "reason", "package_id", "counts", "conflicts", …}`` and exits 0
for ``applied`` / ``already_imported`` (and a ``--dry-run`` preview), non-zero otherwise (held 9, rejected 10).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from canbo_desktop.cli.common import CliError, VietnameseArgumentParser, actor, emit_json, info, open_db
from canbo_desktop.i18n import translate
from canbo_desktop.services.sync import ack as ack_svc
from canbo_desktop.services.sync import conflicts as conflict_svc
from canbo_desktop.services.sync import export as export_svc
from canbo_desktop.services.sync import importer, peers, refdata

EXIT_HELD = 9
EXIT_REJECTED = 10


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").strip("\r\n")
        except OSError as exc:
            raise CliError(translate("cli.sync", "Cannot read the passphrase file “{passphrase_file}”: {strerror}.").format(passphrase_file=args.passphrase_file, strerror=exc.strerror)) from exc
    env = os.environ.get("CANBO_SYNC_PASSPHRASE")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(translate("cli.sync", "No sync key passphrase: use --passphrase-file, the CANBO_SYNC_PASSPHRASE variable, or run in a terminal window to type it."))
    pw = getpass.getpass(translate("cli.sync", "Sync key passphrase: "))
    if confirm and getpass.getpass(translate("cli.sync", "Repeat the passphrase: ")) != pw:
        raise CliError(translate("cli.sync", "The two passphrases do not match."))
    return pw


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    if args.json:
        emit_json(data)
    else:
        info(text)


def cmd_keys_init(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = peers.init_node_keys(db.uow(actor(args)), passphrase(args, confirm=True), replace=args.replace)
    finally:
        db.close()
    _out(args, res, translate("cli.sync", "Created the sync keys for {unit_name}. Fingerprint: {fingerprint}").format(unit_name=res.unit_name, fingerprint=res.fingerprint))
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = peers.export_keys_package(db.uow(actor(args)), Path(args.out), passphrase=passphrase(args))
    finally:
        db.close()
    _out(args, {"path": str(res.path), "fingerprint": res.fingerprint},
         translate("cli.sync", "Wrote the keys package “{path}”. Fingerprint to read out to the other unit: {fingerprint}").format(path=res.path, fingerprint=res.fingerprint))
    return 0


def cmd_keys_import(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = peers.import_keys_package(db.uow(actor(args)), Path(args.file), relation=args.relation)
    finally:
        db.close()
    texts = {
        "parent": translate("cli.sync", "Registered {unit_name} ({unit_code}) as the parent unit. Compare the fingerprint with the other unit: {fingerprint}"),
        "child": translate("cli.sync", "Registered {unit_name} ({unit_code}) as a child unit. Compare the fingerprint with the other unit: {fingerprint}"),
        "recovery": translate("cli.sync", "Registered {unit_name} ({unit_code}) as the recovery key. Compare the fingerprint with the other unit: {fingerprint}"),
    }
    _out(args, res, texts[res.relation].format(unit_name=res.unit_name, unit_code=res.unit_code,
                                               fingerprint=res.fingerprint))
    return 0


def cmd_keys_show(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        mine = peers.local_keys_info(uowf)
        others = peers.list_peers(uowf)
    finally:
        db.close()
    if mine is None:
        raise CliError(translate("cli.sync", "The unit has no sync keys yet: run “canbo sync keys init”."), code=3)
    _out(args, {"local": mine, "peers": others},
         f"{mine.unit_name}: {mine.fingerprint}\n" + "\n".join(f"  {p.relation}: {p.unit_name} — {p.fingerprint}" for p in others))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = export_svc.export_package(db.uow(actor(args)), out_dir=Path(args.out), passphrase=passphrase(args),
                                        to_node=args.to, full=args.full)
    finally:
        db.close()
    data = {"path": str(res.path), "package_id": res.package_id, "seq": res.seq, "kind": res.kind, "counts": res.counts,
            "rows": res.rows, "sha256": res.sha256, "receipt_pdf": str(res.receipt_pdf) if res.receipt_pdf else None}
    _out(args, data, res.message)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = importer.import_package(db.uow(actor(args)), Path(args.file), passphrase=passphrase(args),
                                      dry_run=args.dry_run, accept_soft=args.accept_soft,
                                      ack_dir=Path(args.ack_dir) if args.ack_dir else None)
    finally:
        db.close()
    if args.json:
        emit_json(res.to_json())
    else:
        info(res.reason)
        for c in res.checks:
            info(f"  {'✓' if c.ok else '✗'} {c.label}" + (f": {c.detail}" if c.detail and not c.ok else ""))
        if res.ack_path:
            info(translate("cli.sync", "Acknowledgement package: {ack_path}").format(ack_path=res.ack_path))
    if res.status in ("applied", "already_imported", "preview"):
        return 0
    if not args.json:
        sys.stderr.write(translate("cli.sync", "Error: {reason}\n").format(reason=res.reason))
    return EXIT_HELD if res.status == "held" else EXIT_REJECTED


def cmd_ack(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = ack_svc.write_ack(db.uow(actor(args)), to_node=args.to, out_dir=Path(args.out), passphrase=passphrase(args))
    finally:
        db.close()
    _out(args, {"path": str(res.path), "package_id": res.package_id, "seq": res.seq, "acked": res.acked},
         translate("cli.sync", "Wrote the acknowledgement package “{path}”.").format(path=res.path))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        if args.resolve:
            values = dict(v.split("=", 1) for v in (args.set or []))
            conflict_svc.resolve_conflict(uowf, args.resolve, args.choice, values or None)
        items = conflict_svc.list_conflicts(uowf, None if args.all else "open")
    finally:
        db.close()
    _out(args, {"open": sum(1 for c in items if c.status == "open"), "conflicts": items},
         translate("cli.sync", "{count} conflicts").format(count=len(items)) + "".join(f"\n  [{c.kind}] {c.table_label}: {c.label} — {', '.join(c.fields)} ({c.id})"
                                             for c in items))
    return 0


def cmd_refdata_export(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = refdata.export_refdata(db.uow(actor(args)), to_node=args.to, out_dir=Path(args.out),
                                     passphrase=passphrase(args))
    finally:
        db.close()
    _out(args, {"path": str(res.path), "package_id": res.package_id, "seq": res.seq, "counts": res.counts}, res.message)
    return 0


def register(sub: Any) -> None:
    sp_sync = sub.add_parser("sync", help=translate("cli.sync", "USB synchronisation: keys, export, import, conflicts, code lists"))
    ss = sp_sync.add_subparsers(dest="sync_command", required=True, parser_class=VietnameseArgumentParser)

    def add(parent: Any, name: str, fn: Any, help_text: str) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(func=fn)
        sp.add_argument("--json", action="store_true", help=translate("cli.sync", "print the result as JSON"))
        sp.add_argument("--passphrase-file", help=translate("cli.sync", "file holding the sync key passphrase"))
        return sp

    keys_p = ss.add_parser("keys", help=translate("cli.sync", "the unit's sync keys and the key exchange"))
    ks = keys_p.add_subparsers(dest="keys_command", required=True, parser_class=VietnameseArgumentParser)
    sp = add(ks, "init", cmd_keys_init, translate("cli.sync", "create the unit's sync keys"))
    sp.add_argument("--replace", action="store_true", help=translate("cli.sync", "replace the existing keys (the other units must import the keys package again)"))
    sp = add(ks, "export", cmd_keys_export, translate("cli.sync", "write the unit's public keys package"))
    sp.add_argument("--out", required=True, help=translate("cli.sync", "folder to write to (USB)"))
    sp = add(ks, "import", cmd_keys_import, translate("cli.sync", "import the keys package of the parent, a child unit or the recovery key"))
    sp.add_argument("file")
    sp.add_argument("--relation", required=True, choices=["parent", "child", "recovery"])
    add(ks, "show", cmd_keys_show, translate("cli.sync", "key fingerprints of the unit and of the registered units"))

    sp = add(ss, "export", cmd_export, translate("cli.sync", "export a data package for the parent unit"))
    sp.add_argument("--to", help=translate("cli.sync", "receiving unit (unit code or node ID; default: the parent)"))
    sp.add_argument("--out", required=True, help=translate("cli.sync", "folder to write to (USB)"))
    sp.add_argument("--full", action="store_true", help=translate("cli.sync", "a full package instead of only the changes"))

    sp = add(ss, "import", cmd_import, translate("cli.sync", "import a data, acknowledgement or code-list package"))
    sp.add_argument("file")
    sp.add_argument("--dry-run", action="store_true", help=translate("cli.sync", "only check and preview, write nothing"))
    sp.add_argument("--accept-soft", action="store_true", help=translate("cli.sync", "merge the conflicts on different fields (marked for review)"))
    sp.add_argument("--ack-dir", help=translate("cli.sync", "where to write the acknowledgement package (default: beside the package file)"))

    sp = add(ss, "ack", cmd_ack, translate("cli.sync", "write the acknowledgement package for a child unit again"))
    sp.add_argument("--to", required=True)
    sp.add_argument("--out", required=True)

    sp = add(ss, "conflicts", cmd_conflicts, translate("cli.sync", "list of conflicts; resolve a conflict"))
    sp.add_argument("--all", action="store_true", help=translate("cli.sync", "also the resolved and merged conflicts"))
    sp.add_argument("--resolve", metavar="ID", help=translate("cli.sync", "ID of the conflict to resolve"))
    sp.add_argument("--choice", choices=["keep", "take", "edit"], default="keep")
    sp.add_argument("--set", action="append", metavar=translate("cli.sync", "FIELD=VALUE"), help=translate("cli.sync", "corrected values (with --choice edit)"))

    ref = ss.add_parser("refdata", help=translate("cli.sync", "code-list package sent down to child units"))
    rs = ref.add_subparsers(dest="refdata_command", required=True, parser_class=VietnameseArgumentParser)
    sp = add(rs, "export", cmd_refdata_export, translate("cli.sync", "export the code-list package (rules, code lists, grades, titles, organisation tree)"))
    sp.add_argument("--to", required=True, help=translate("cli.sync", "child unit (unit code or node ID)"))
    sp.add_argument("--out", required=True)
    sp = add(rs, "import", cmd_import, translate("cli.sync", "import the parent's code-list package (like sync import)"))
    sp.add_argument("file")
    sp.add_argument("--dry-run", action="store_true")
    sp.add_argument("--accept-soft", action="store_true", help=argparse.SUPPRESS)
    sp.add_argument("--ack-dir", help=argparse.SUPPRESS)
