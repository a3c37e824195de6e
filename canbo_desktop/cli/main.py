"""``canbo``: the scripting interface for admins and tests (no Qt).

Rules: ``--json`` output is the only thing on stdout; every error goes to stderr with a non-zero exit code, in
Vietnamese (``CANBO_LANG=en``: English); the database comes from ``--db PATH_OR_URL`` or ``CANBO_DB``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from canbo_desktop import __version__
from canbo_desktop.cli import audit, backup, dossier, importing, reports, sync, workflow
from canbo_desktop.cli.common import (
    CliError,
    VietnameseArgumentParser,
    actor,
    emit_json,
    info,
    open_db,
    parse_day,
    password,
)
from canbo_desktop.domain.errors import CanboError, DatabaseError
from canbo_desktop.i18n import translate
from canbo_desktop.services import cadres as cadre_svc
from canbo_desktop.services import demo as demo_svc
from canbo_desktop.services import maintenance
from canbo_desktop.services.database import (
    explain_error,
    open_database,
    require_file_absent_or_empty,
    resolve_target,
)
from canbo_desktop.services.setup import init_office

# --------------------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    target = resolve_target(args.db)
    secret = password(args, confirm=True)
    db = open_database(target, create=True)
    try:
        office = init_office(
            db.uow(args.admin_user),
            office_code=args.office_code,
            office_name=args.office_name,
            admin_user=args.admin_user,
            password=secret,
            office_kind=args.office_kind,
        )
    finally:
        db.close()
    result = {"office_code": office.unit_code, "office_name": office.unit_name, "node_id": office.node_id, "database": db.display}
    if args.json:
        emit_json(result)
    else:
        info(translate("cli.main", "Initialised the database for “{unit_name}” ({unit_code}) at {display}.").format(unit_name=office.unit_name, unit_code=office.unit_code, display=db.display))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    target = resolve_target(args.db)
    require_file_absent_or_empty(target) if not args.force_existing else None
    db = open_database(target, create=True)
    try:
        def progress(fraction: float, message: str) -> None:
            if not args.quiet:
                info(f"[{fraction * 100:5.1f}%] {message}")

        summary = demo_svc.create_demo_database(db, size=args.size, seed=args.seed, progress=progress)
    finally:
        db.close()
    if args.json:
        emit_json(summary)
    else:
        info(translate("cli.main", "Created the demo data: {cadres} cadres, {units} units, in {seconds:.1f} seconds.").format(cadres=summary['cadres'], units=summary['units'], seconds=summary['seconds']))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    db = open_db(args, write=False)
    try:
        counts = maintenance.table_counts(db)
    finally:
        db.close()
    if args.json:
        emit_json(counts)
    else:
        for k, v in counts.items():
            print(f"{k:28} {v:>10,}".replace(",", "."))
    return 0


def _summary_json(s: Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "full_name": s.full_name,
        "sex": s.sex,
        "birth_date": s.birth_date.isoformat() if s.birth_date else None,
        "birth_precision": s.birth_precision,
        "unit_code": s.unit_code,
        "unit_name": s.unit_name,
        "current_position": s.current_position,
        "status": s.status,
        "id_number": s.id_number,
    }


def cmd_cadres_search(args: argparse.Namespace) -> int:
    db = open_db(args, write=False)
    try:
        rows = cadre_svc.search_cadres(db.uow(actor(args)), args.text, limit=args.limit)
    finally:
        db.close()
    if args.json:
        emit_json([_summary_json(r) for r in rows])
    else:
        for r in rows:
            born = r.birth_date.strftime("%d/%m/%Y") if r.birth_date else ""
            print(f"{r.full_name:32} {born:10} {r.unit_name}  [{r.id}]")
        if not rows:
            info(translate("cli.main", "Nobody found."))
    return 0


def cmd_cadres_show(args: argparse.Namespace) -> int:
    db = open_db(args, write=False)
    try:
        f = cadre_svc.cadre_file(db.uow(actor(args)), args.id)
    finally:
        db.close()
    data = asdict(f)
    if args.json:
        emit_json(data)
    else:
        c = f.cadre
        print(f"{c.full_name} — {f.unit_name}")
        for k, v in asdict(c).items():
            if v not in (None, "", False):
                print(f"  {k}: {v}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    db = open_db(args, write=False)
    try:
        result = maintenance.check_database(db)
    finally:
        db.close()
    if args.json:
        emit_json(result)
    else:
        for k, v in result.items():
            print(f"{k}: {v}")
    return 0 if result["ok"] else 1


def _rule_book(args: argparse.Namespace) -> Any:
    """The database's rules when a database is there, else the defaults shipped with the program."""
    from pathlib import Path

    from canbo_desktop.services import rules as rules_svc

    if args.db or os.environ.get("CANBO_DB") or Path(resolve_target(None)).exists():
        db = open_db(args, write=False)
        try:
            return rules_svc.rule_book(db.uow(actor(args)))
        finally:
            db.close()
    return rules_svc.shipped_book()


def cmd_rules_retirement(args: argparse.Namespace) -> int:
    from canbo_desktop.domain.rules.retirement import retirement

    sex = {"M": "M", "NAM": "M", "F": "F", "NU": "F", "NỮ": "F"}.get(args.sex.strip().upper())  # i18n: data
    if sex is None:
        raise CliError(translate("cli.main", "The sex must be M (male) or F (female)."))
    text = args.birth.strip()
    if len(text) == 4 and text.isdigit():
        birth, precision = date(int(text), 1, 1), "year"
    elif len(text) == 7 and text[4] == "-":
        birth, precision = parse_day(text + "-01", translate("cli.main", "date of birth")), "month"
    else:
        birth, precision = parse_day(text, translate("cli.main", "date of birth")), "day"
    r = retirement(sex, birth, precision, _rule_book(args))
    result = {"retirement_date": r.retirement_date.isoformat(), "pension_start": r.pension_start.isoformat(),
              "age_years": r.age_years, "age_months": r.age_months}
    if args.json:
        emit_json(result)
    else:
        print(translate("cli.main", "Retirement: {retirement_date:%d/%m/%Y} (at {age_years} years {age_months} months); pension from {pension_start:%d/%m/%Y}.").format(retirement_date=r.retirement_date, age_years=r.age_years, age_months=r.age_months, pension_start=r.pension_start))
    return 0


def cmd_reminders(args: argparse.Namespace) -> int:
    from canbo_desktop.services import reminders as reminders_svc

    at = parse_day(args.at, translate("cli.main", "date")) if args.at else date.today()
    db = open_db(args, write=False)
    try:
        report = reminders_svc.reminders(db.uow(actor(args)), at)
    finally:
        db.close()
    groups = report.by_kind()
    if args.json:
        emit_json({
            "at": at.isoformat(),
            "counts": report.counts(),
            "items": [{"kind": r.kind, "title": r.title, "cadre_id": r.cadre_id, "full_name": r.full_name,
                       "due": r.due.isoformat() if r.due else None, "detail": r.detail}
                      for rows in groups.values() for r in rows],
        })
    else:
        for rows in groups.values():
            if rows:
                print(f"{rows[0].title} ({len(rows)})")
                for r in rows:
                    print(f"  {r.full_name:32} {r.due:%d/%m/%Y}  {r.detail}" if r.due else f"  {r.full_name:32} {'':10}  {r.detail}")
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = VietnameseArgumentParser(prog="canbo", description=translate("cli.main", "Cán bộ Desktop — command-line interface"))
    p.add_argument("--version", action="version", version=f"canbo {__version__}")
    p.add_argument("--db", help=translate("cli.main", "SQLite file path or URL (default: the CANBO_DB variable or the file in the data folder)"))
    p.add_argument("--user", help=translate("cli.main", "user name (default: the CANBO_USER variable)"))
    sub = p.add_subparsers(dest="command", required=True, parser_class=VietnameseArgumentParser)

    def add(name: str, fn: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(func=fn)
        sp.add_argument("--json", action="store_true", help=translate("cli.main", "print the result as JSON"))
        return sp

    sp = add("init", cmd_init, translate("cli.main", "initialise the database for this unit"))
    sp.add_argument("--office-code", required=True)
    sp.add_argument("--office-name", required=True)
    sp.add_argument("--office-kind", default="khac")
    sp.add_argument("--admin-user", required=True)

    sp = add("demo", cmd_demo, translate("cli.main", "create a demo database (a district of ~2,000 or a province of 100,000 cadres)"))
    sp.add_argument("--size", choices=["district", "province", "small"], default="district")
    sp.add_argument("--seed", type=int, default=1)
    sp.add_argument("--quiet", action="store_true")
    sp.add_argument("--force-existing", action="store_true", help=argparse.SUPPRESS)

    add("stats", cmd_stats, translate("cli.main", "number of records in each table"))
    add("check", cmd_check, translate("cli.main", "check integrity, foreign keys, search indexes and the schema version"))

    sp = add("reminders", cmd_reminders, translate("cli.main", "things due: retirement, end of term, salary raise, evaluation, replacement…"))
    sp.add_argument("--at", help=translate("cli.main", "computed on the date (YYYY-MM-DD; default today)"))

    rules = sub.add_parser("rules", help=translate("cli.main", "compute with the rules in force"))
    rsub = rules.add_subparsers(dest="rules_command", required=True, parser_class=VietnameseArgumentParser)
    sp = rsub.add_parser("retirement", help=translate("cli.main", "retirement date under the Labour Code 2019 art. 169 and ND 135/2020/NĐ-CP"))
    sp.add_argument("--sex", required=True, help=translate("cli.main", "M (male) or F (female)"))
    sp.add_argument("--birth", required=True, help=translate("cli.main", "date of birth YYYY-MM-DD, or YYYY-MM, or only the year YYYY"))
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_rules_retirement)

    cad = sub.add_parser("cadres", help=translate("cli.main", "look up cadres"))
    csub = cad.add_subparsers(dest="cadres_command", required=True, parser_class=VietnameseArgumentParser)
    sp = csub.add_parser("search", help=translate("cli.main", "search by name (with or without diacritics), CCCD, phone, year of birth…"))
    sp.add_argument("text")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_cadres_search)
    sp = csub.add_parser("show", help=translate("cli.main", "a person's whole record"))
    sp.add_argument("id")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_cadres_show)

    for module in (dossier, importing, workflow, reports, audit, backup, sync):
        module.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    # Windows consoles: make stdout/stderr UTF-8 so Vietnamese is never mangled.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args))
    except CliError as exc:
        sys.stderr.write(translate("cli.main", "Error: {exc}\n").format(exc=exc))
        return exc.code
    except CanboError as exc:
        sys.stderr.write(translate("cli.main", "Error: {message}\n").format(message=exc.message))
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(translate("cli.main", "Stopped on request.\n"))
        return 130
    except Exception as exc:  # the last line of defence: a Vietnamese message, details in the log
        sys.stderr.write(translate("cli.main", "Error: {exc}\n").format(exc=explain_error(exc)))
        return DatabaseError.exit_code
    return code


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the frozen build starts the demo generator process through this
    raise SystemExit(main())
