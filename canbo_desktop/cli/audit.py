"""``canbo audit …``: verify the hash chain of the audit log, list its entries.

    canbo audit verify [--office NAME] [--json]   exit 0 when whole; 1 and the row that breaks the chain otherwise
    canbo audit list [--office NAME] [--actor U] [--action A] [--entity E] [--entity-id ID] [--from DATE]
                     [--to DATE] [--limit N] [--json]
    canbo audit sources [--json]                  the offices whose sync packages brought their audit trail

``--office`` (a name as ``sources`` prints it, or a node id) reads the trail that office sent with its sync
packages instead of this office's own log; ``verify`` then checks the stored files and the sender's chain.
"""

from __future__ import annotations

import argparse
from typing import Any

from canbo_desktop.cli.common import (
    CliError,
    VietnameseArgumentParser,
    actor,
    emit_json,
    info,
    open_db,
    parse_day,
)
from canbo_desktop.i18n import translate


def _office(uowf: Any, text: str) -> str:
    """The node id of the office ``text`` names (its name, without regard to accents or case, or its node id)."""
    from canbo_desktop.domain.text import fold
    from canbo_desktop.services.audit import received_sources

    sources = received_sources(uowf)
    hits = [s for s in sources if s.node_id == text or fold(s.name) == fold(text)]
    if not hits:
        known = ", ".join(f"“{s.name}”" for s in sources) or translate("cli.audit", "no office yet")
        raise CliError(translate("cli.audit", "No log received from “{text}”. Received from: {known}.").format(text=text, known=known))
    return hits[0].node_id


def cmd_verify(args: argparse.Namespace) -> int:
    from canbo_desktop.services.audit import verify_chain, verify_received

    db = open_db(args, write=False)
    try:
        uowf = db.uow(actor(args))
        result = verify_received(uowf, _office(uowf, args.office)) if args.office else verify_chain(uowf)
    finally:
        db.close()
    if args.json:
        emit_json({"ok": result.ok, "checked": result.checked, "first_bad_seq": result.first_bad_seq,
                   "kind": result.kind, "message": result.message, "head_hash": result.head_hash})
    elif result.ok:
        info(result.message)
    if not result.ok:
        info(translate("cli.audit", "Error: {message}").format(message=result.message))
        return 1
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from canbo_desktop.services.audit import (
        AuditFilter,
        action_label,
        describe_changes,
        list_entries,
        list_received,
    )

    if args.limit is not None and args.limit <= 0:
        raise CliError(translate("cli.audit", "--limit must be a positive number."))
    d_from = parse_day(args.date_from, translate("cli.audit", "start date")) if args.date_from else None
    d_to = parse_day(args.date_to, translate("cli.audit", "end date")) if args.date_to else None
    if d_from and d_to and d_from > d_to:
        raise CliError(translate("cli.audit", "The start date {d_from:%d/%m/%Y} is after the end date {d_to:%d/%m/%Y}.").format(d_from=d_from, d_to=d_to))
    flt = AuditFilter(actor=args.actor or "", action=args.action or "", entity=args.entity or "",
                      entity_id=args.entity_id or "", date_from=d_from, date_to=d_to)
    db = open_db(args, write=False)
    try:
        uowf = db.uow(actor(args))
        if args.office:
            rows = list_received(uowf, _office(uowf, args.office), flt, limit=args.limit)
        else:
            rows = list_entries(uowf, flt, limit=args.limit)
    finally:
        db.close()
    if args.json:
        out: list[dict[str, Any]] = [
            {"seq": e.seq, "id": e.id, "at": e.at.isoformat(), "actor": e.actor, "node_id": e.node_id,
             "action": e.action, "entity": e.entity, "entity_id": e.entity_id, "changes": e.changes} for e in rows]
        emit_json(out)
        return 0
    for e in rows:
        print(f"{e.seq:>7}  {e.at:%d/%m/%Y %H:%M:%S}  {e.actor:16} {action_label(e.action):20} {e.entity} {e.entity_id}")
        for line in describe_changes(e):
            print(f"           {line}")
    if not rows:
        info(translate("cli.audit", "No entries match the filter."))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from canbo_desktop.services.audit import received_sources

    db = open_db(args, write=False)
    try:
        sources = received_sources(db.uow(actor(args)))
    finally:
        db.close()
    if args.json:
        emit_json([{"node_id": s.node_id, "name": s.name, "packages": s.packages} for s in sources])
        return 0
    for s in sources:
        print(translate("cli.audit", "{name:40} {packages:>5} packages  {node_id}").format(name=s.name, packages=s.packages, node_id=s.node_id))
    if not sources:
        info(translate("cli.audit", "No office's audit log has been received through a sync package yet."))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help=translate("cli.audit", "audit log: check its integrity, view it with filters"))
    asub = p.add_subparsers(dest="audit_command", required=True, parser_class=VietnameseArgumentParser)
    sp = asub.add_parser("verify", help=translate("cli.audit", "check the hash chain of the log (finds rows changed, deleted or inserted)"))
    sp.add_argument("--office", help=translate("cli.audit", "the log received from this office (name or node ID; see: canbo audit sources)"))
    sp.add_argument("--json", action="store_true", help=translate("cli.audit", "print the result as JSON"))
    sp.set_defaults(func=cmd_verify)
    sp = asub.add_parser("list", help=translate("cli.audit", "list the log entries (newest first)"))
    sp.add_argument("--office", help=translate("cli.audit", "the log received from this office (name or node ID; see: canbo audit sources)"))
    sp.add_argument("--actor", help=translate("cli.audit", "who did it"))
    sp.add_argument("--action", help=translate("cli.audit", "action (insert, update, delete, export, print, view_sensitive…; “appointment.” for every action starting so)"))
    sp.add_argument("--entity", help=translate("cli.audit", "kind of object (cadre, report, appointment_procedure…)"))
    sp.add_argument("--entity-id", help=translate("cli.audit", "object ID"))
    sp.add_argument("--from", dest="date_from", help=translate("cli.audit", "from date (YYYY-MM-DD or dd/mm/yyyy)"))
    sp.add_argument("--to", dest="date_to", help=translate("cli.audit", "to date (that day included)"))
    sp.add_argument("--limit", type=int, default=200, help=translate("cli.audit", "maximum number of entries (default 200)"))
    sp.add_argument("--json", action="store_true", help=translate("cli.audit", "print the result as JSON"))
    sp.set_defaults(func=cmd_list)
    sp = asub.add_parser("sources", help=translate("cli.audit", "the offices that sent their audit log with a sync package"))
    sp.add_argument("--json", action="store_true", help=translate("cli.audit", "print the result as JSON"))
    sp.set_defaults(func=cmd_sources)
