"""``canbo import xlsx …``: cadre lists from Excel; ``canbo export xlsx …``: a list that imports back.

    canbo import xlsx FILE [--sheet NAME] [--mapping F.json] [--header-row N] [--mode upsert|insert|update]
                           [--unit CODE] [--dry-run] [--report ERRORS.xlsx] [--show-mapping] [--json]
    canbo export xlsx OUT.xlsx [--search TEXT] [--unit CODE] [--sensitive] [--json]

``--json`` prints ``{"inserted", "updated", "unchanged", "rejected": [{"row", "column", "cell", "reason"}], …}``
on stdout; progress and messages go to stderr in Vietnamese. ``--dry-run`` writes nothing at all.
Exit code 0 when the import ran (rejected rows are listed, the good rows imported), non-zero when the file
or the command was refused (nothing imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from canbo_desktop.cli.common import CliError, VietnameseArgumentParser, actor, emit_json, info, open_db
from canbo_desktop.i18n import translate


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from canbo_desktop.services import importing as imp

    path = Path(args.file)
    if not path.is_file():
        raise CliError(translate("cli.importing", "File «{file}» not found.").format(file=args.file), 3)
    if args.report and not Path(args.report).parent.exists():
        raise CliError(translate("cli.importing", "The folder «{parent}» does not exist.").format(parent=Path(args.report).parent))
    mapping = imp.load_mapping_file(Path(args.mapping)) if args.mapping else None
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        if args.show_mapping:
            table = imp.read_sheet(path, args.sheet)
            cmap = imp.mapping_from_json(table, mapping) if mapping is not None else imp.suggest_mapping(uowf, table, args.header_row)
            emit_json({"file": str(path), "sheet": table.sheet, "sheets": table.sheets, **cmap.to_json()})
            return 0
        unit_id = imp.unit_id_by_code(uowf, args.unit) if args.unit else None
        options = imp.ImportOptions(mode=args.mode, default_unit_id=unit_id, source_name=path.name)

        def progress(fraction: float, message: str) -> None:
            if not args.quiet:
                info(f"[{fraction * 100:5.1f}%] {message}")

        result, preview = imp.import_xlsx(
            uowf, path, sheet=args.sheet, mapping=mapping, header_row=args.header_row, options=options,
            dry_run=args.dry_run, report=Path(args.report) if args.report else None, progress=progress)
    finally:
        db.close()
    data = result.as_json()
    data.update(file=str(path), sheet=preview.table.sheet, mode=args.mode,
                header_row=preview.mapping.header_rows[0] + 1 if preview.mapping.header_rows else None,
                report=args.report if args.report and result.rejected_rows else None)
    if args.json:
        emit_json(data)
    if args.dry_run:
        text = translate("cli.importing", "Would import (dry run, nothing written): {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rows with errors.")
    else:
        text = translate("cli.importing", "Imported: {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rows with errors.")
    info(text.format(inserted=result.inserted, updated=result.updated, unchanged=result.unchanged,
                     rejected=result.rejected_rows))
    if not args.json:
        for p in result.rejected:
            where = f"{p.cell} ({p.column})" if p.cell else translate("cli.importing", "row {row}").format(row=p.row)
            info(translate("cli.importing", "  row {row}, {where}: {reason}").format(row=p.row, where=where, reason=p.reason))
    if result.backup and result.backup.path:
        info(result.backup.note)
    if args.report and result.rejected_rows:
        info(translate("cli.importing", "The rows with errors were written to «{report}»: correct them and import that file again.").format(report=args.report))
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from canbo_desktop.domain.cadre import ListFilter
    from canbo_desktop.services import export
    from canbo_desktop.services.refdata import unit_paths

    out = Path(args.out)
    if out.is_dir():
        raise CliError(translate("cli.importing", "«{out}» is a folder; a .xlsx file path is needed.").format(out=args.out))
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        f = ListFilter()
        if args.unit:
            from canbo_desktop.services.importing import unit_id_by_code

            f = ListFilter(unit_path=unit_paths(uowf)[unit_id_by_code(uowf, args.unit)])
        n = export.export_cadre_list(uowf, out, typed=args.search or "", f=f, include_sensitive=args.sensitive)
    finally:
        db.close()
    if args.json:
        emit_json({"file": str(out), "rows": n, "sensitive": bool(args.sensitive)})
    info(translate("cli.importing", "Exported {n} people to «{out}».").format(n=n, out=out))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    p = sub.add_parser("import", help=translate("cli.importing", "import the list of cadres from Excel (.xlsx)"))
    isub = p.add_subparsers(dest="import_command", required=True, parser_class=VietnameseArgumentParser)
    sp = isub.add_parser("xlsx", help=translate("cli.importing", "import the list of cadres from a .xlsx file (TCVN3/VNI text included), with a preview of each row's errors"))
    sp.add_argument("file", help=translate("cli.importing", ".xlsx file"))
    sp.add_argument("--sheet", help=translate("cli.importing", "sheet name (default: the first visible sheet)"))
    sp.add_argument("--mapping", help=translate("cli.importing", "JSON file mapping columns → fields (see --show-mapping)"))
    sp.add_argument("--header-row", type=int, help=translate("cli.importing", "header row number as Excel numbers it (default: found automatically)"))
    sp.add_argument("--mode", choices=["upsert", "insert", "update"], default="upsert",
                    help=translate("cli.importing", "upsert: add new people and update existing ones (default); insert: only add new ones; update: only update"))
    sp.add_argument("--unit", help=translate("cli.importing", "unit code for rows without a unit column"))
    sp.add_argument("--dry-run", action="store_true", help=translate("cli.importing", "dry run: check and report the result, write nothing"))
    sp.add_argument("--report", help=translate("cli.importing", "write the rows with errors (and their reasons) to this .xlsx file, to correct and import again"))
    sp.add_argument("--show-mapping", action="store_true", help=translate("cli.importing", "only print the column mapping (JSON) and stop"))
    sp.add_argument("--quiet", action="store_true", help=translate("cli.importing", "do not show progress"))
    sp.add_argument("--json", action="store_true", help=translate("cli.importing", "print the result as JSON"))
    sp.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("export", help=translate("cli.importing", "export the list of cadres to Excel (.xlsx) in a layout that can be imported again"))
    esub = p.add_subparsers(dest="export_command", required=True, parser_class=VietnameseArgumentParser)
    sp = esub.add_parser("xlsx", help=translate("cli.importing", "export the list to a .xlsx file (same columns as the import command)"))
    sp.add_argument("out", help=translate("cli.importing", ".xlsx file"))
    sp.add_argument("--search", help=translate("cli.importing", "only the people found by this text"))
    sp.add_argument("--unit", help=translate("cli.importing", "unit code: only the people of that unit and its sub-units"))
    sp.add_argument("--sensitive", action="store_true", help=translate("cli.importing", "include the ethnicity and religion columns (sensitive information)"))
    sp.add_argument("--json", action="store_true", help=translate("cli.importing", "print the result as JSON"))
    sp.set_defaults(func=cmd_export_xlsx)
