"""``canbo report …``: the targets dashboard, the statistics tables and the people behind a number.

    canbo report targets [--unit CODE] [--at DATE] [--depth N] [--json] [--xlsx F] [--pdf F] [--trend YEARS]
    canbo report stats   [--unit CODE] [--at DATE] [--depth N] [--json] [--xlsx F] [--pdf F]
    canbo report people INDICATOR [--unit CODE] [--at DATE] [--part PART] [--json] [--xlsx F]

Without ``--unit`` the report is about this office (the unit the database belongs to); ``--at`` computes it on
a past date from the history. ``--json`` prints the result on stdout (for ``targets``: a list of
``{indicator, unit_code, numerator, denominator, value, threshold, met, …}``, value and threshold in percent);
files are written with ``--xlsx`` / ``--pdf`` (and recorded in the audit log); without any of them a short
summary is printed. Messages go to stderr in Vietnamese; errors exit non-zero.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
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

PART_CHOICES = ("numerator", "denominator", "not_met", "unknown", "excluded")


def _out(path: str | None, suffix: str, option: str) -> Path | None:
    if not path:
        return None
    p = Path(path)
    if p.exists() and p.is_dir():
        raise CliError(translate("cli.reports", "{option} «{path}» is a folder; a {suffix} file path is needed.").format(option=option, path=path, suffix=suffix))
    if not p.parent.exists():
        raise CliError(translate("cli.reports", "The folder «{parent}» does not exist.").format(parent=p.parent))
    if p.suffix.lower() != suffix:
        raise CliError(translate("cli.reports", "{option}: the file must end in {suffix} («{path}»).").format(option=option, suffix=suffix, path=path))
    return p


def _at(args: argparse.Namespace) -> date | None:
    if not args.at:
        return None
    at = parse_day(args.at, translate("cli.reports", "report date"))
    if at > date.today():
        raise CliError(translate("cli.reports", "The report date {at:%d/%m/%Y} is in the future: it can only be computed up to today.").format(at=at))
    return at


def _depth(args: argparse.Namespace) -> int | None:
    if args.depth is not None and args.depth < 0:
        raise CliError(translate("cli.reports", "--depth must be a non-negative number."))
    return args.depth  # type: ignore[no-any-return]


def cmd_targets(args: argparse.Namespace) -> int:
    from canbo_desktop.domain.reports import verdict
    from canbo_desktop.services import reports as reports_svc

    xlsx, pdf = _out(args.xlsx, ".xlsx", "--xlsx"), _out(args.pdf, ".pdf", "--pdf")
    at = _at(args)
    if args.trend < 0:
        raise CliError(translate("cli.reports", "--trend must be a non-negative number of years."))
    db = open_db(args, write=False)
    try:
        uowf = db.uow(actor(args))
        report = reports_svc.targets_report(uowf, unit_code=args.unit, at=at, max_level=_depth(args))
        trend = None
        if (xlsx or pdf) and args.trend:
            trend = reports_svc.targets_trend(uowf, unit_id=report.root.id, at=report.at, years=args.trend)
        written = []
        if xlsx:
            from canbo_desktop.services.reports_xlsx import write_targets_xlsx

            write_targets_xlsx(report, xlsx, trend=trend)
            written.append(xlsx)
        if pdf:
            from canbo_desktop.services.pdf.report import render_targets_pdf

            pages = render_targets_pdf(report, str(pdf), trend=trend, issuer=args.issuer or "")
            written.append(pdf)
            info(translate("cli.reports", "PDF report of {pages} pages.").format(pages=pages))
        for path in written:
            reports_svc.record_report_export(uowf, "targets", path, unit=report.root, at=report.at)
    finally:
        db.close()
    if args.json:
        emit_json(reports_svc.targets_json(report))
    elif not written:
        if report.reconstructed:
            head = translate("cli.reports", "{name} ({code}) — on {at:%d/%m/%Y} (rebuilt from the history)")
        else:
            head = translate("cli.reports", "{name} ({code}) — on {at:%d/%m/%Y}")
        print(head.format(name=report.root.name, code=report.root.code, at=report.at))
        for row in report.for_unit(report.root.id):
            value = "—" if row.value is None else f"{row.value:.2f}%".replace(".", ",")
            print(f"  {row.name[:60]:60} {row.numerator:>6}/{row.denominator:<6} {value:>8}  "
                  f"{verdict(row.met, row.threshold)}")
    for path in written:
        info(translate("cli.reports", "Wrote {path}.").format(path=path))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from canbo_desktop.services import reports as reports_svc

    xlsx, pdf = _out(args.xlsx, ".xlsx", "--xlsx"), _out(args.pdf, ".pdf", "--pdf")
    at = _at(args)
    depth = _depth(args)
    db = open_db(args, write=False)
    try:
        uowf = db.uow(actor(args))
        report = reports_svc.statistics_report(uowf, unit_code=args.unit, at=at, depth=depth or 1)
        written = []
        if xlsx:
            from canbo_desktop.services.reports_xlsx import write_statistics_xlsx

            write_statistics_xlsx(report, xlsx)
            written.append(xlsx)
        if pdf:
            from canbo_desktop.services.pdf.report import render_statistics_pdf

            pages = render_statistics_pdf(report, str(pdf), issuer=args.issuer or "")
            written.append(pdf)
            info(translate("cli.reports", "PDF report of {pages} pages.").format(pages=pages))
        for path in written:
            reports_svc.record_report_export(uowf, "statistics", path, unit=report.root, at=report.at)
    finally:
        db.close()
    if args.json:
        emit_json(reports_svc.statistics_json(report))
    elif not written:
        table = report.tables[0]
        total = table.total()
        print(translate("cli.reports", "{title} — {name}, on {at:%d/%m/%Y}").format(title=table.title, name=report.root.name, at=report.at))
        for col, value in zip(table.columns, total.values, strict=True):
            print(f"  {(col.group + ': ' if col.group else '') + col.label:60} {value:>8,}".replace(",", "."))
    for path in written:
        info(translate("cli.reports", "Wrote {path}.").format(path=path))
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    from canbo_desktop.services import reports as reports_svc

    xlsx = _out(args.xlsx, ".xlsx", "--xlsx")
    at = _at(args)
    db = open_db(args, write=False)
    try:
        uowf = db.uow(actor(args))
        unit = reports_svc.report_unit(uowf, unit_code=args.unit)
        people = reports_svc.target_people(uowf, args.indicator, unit_id=unit.id, at=at, part=args.part)
        if xlsx:
            from canbo_desktop.services.reports_xlsx import write_people_xlsx

            on = at or date.today()
            write_people_xlsx(people, xlsx, title=f"Danh sách {reports_svc.PART_LABELS[args.part]}",  # i18n: data
                              subtitle=f"Chỉ tiêu «{args.indicator}» — {unit.name} — ngày {on:%d/%m/%Y}")  # i18n: data
            reports_svc.record_report_export(uowf, "people", xlsx, unit=unit, at=on,
                                             extra={"indicator": args.indicator, "part": args.part,
                                                    "rows": len(people)})
    finally:
        db.close()
    if args.json:
        emit_json([_person_json(p) for p in people])
    elif not xlsx:
        for p in people:
            born = p.birth_date.strftime("%d/%m/%Y") if p.birth_date else ""
            print(f"{p.full_name:32} {born:10} {p.unit_name}  [{p.id}]")
    if xlsx:
        info(translate("cli.reports", "{count} people. Wrote {path}.").format(count=len(people), path=xlsx))
    else:
        info(translate("cli.reports", "{count} people.").format(count=len(people)))
    return 0


def _person_json(p: Any) -> dict[str, Any]:
    return {"id": p.id, "full_name": p.full_name, "sex": p.sex,
            "birth_date": p.birth_date.isoformat() if p.birth_date else None, "birth_precision": p.birth_precision,
            "unit_code": p.unit_code, "unit_name": p.unit_name, "current_position": p.current_position,
            "status": p.status}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    p = sub.add_parser("report", help=translate("cli.reports", "reports: staff structure targets, numbers and quality statistics"))
    rsub = p.add_subparsers(dest="report_command", required=True, parser_class=VietnameseArgumentParser)

    def common(sp: argparse.ArgumentParser, *, files: bool = True) -> None:
        sp.add_argument("--unit", help=translate("cli.reports", "unit code (default: the unit of this database)"))
        sp.add_argument("--at", help=translate("cli.reports", "compute at a past date (YYYY-MM-DD or dd/mm/yyyy; default today)"))
        sp.add_argument("--json", action="store_true", help=translate("cli.reports", "print the result as JSON"))
        sp.add_argument("--xlsx", help=translate("cli.reports", "write to an Excel file (.xlsx)"))
        if files:
            sp.add_argument("--pdf", help=translate("cli.reports", "write to a PDF file"))
            sp.add_argument("--issuer", help=translate("cli.reports", "name of the reporting agency printed at the top of the document (default: the unit name)"))

    sp = rsub.add_parser("targets", help=translate("cli.reports", "staff structure targets of the unit and of each sub-unit"))
    common(sp)
    sp.add_argument("--depth", type=int, help=translate("cli.reports", "number of sub-unit levels included (default: all)"))
    sp.add_argument("--trend", type=int, default=5, help=translate("cli.reports", "number of years of trend in the Excel/PDF file (0: none; default 5)"))
    sp.set_defaults(func=cmd_targets)

    sp = rsub.add_parser("stats", help=translate("cli.reports", "numbers and quality statistics by unit: sex, age, ethnicity, religion, grade, qualification, political theory, state management, Party members"))
    common(sp)
    sp.add_argument("--depth", type=int, help=translate("cli.reports", "number of sub-unit levels as rows (default 1)"))
    sp.set_defaults(func=cmd_stats)

    sp = rsub.add_parser("people", help=translate("cli.reports", "the list of people behind a figure of a target"))
    sp.add_argument("indicator", help=translate("cli.reports", "target code (e.g. can_bo_nu; see «canbo report targets --json»)"))
    common(sp, files=False)
    sp.add_argument("--part", choices=PART_CHOICES, default="numerator",
                    help=translate("cli.reports", "numerator: met; denominator: in the denominator; not_met: not met; unknown: numerator data missing; excluded: denominator data missing"))
    sp.set_defaults(func=cmd_people)
