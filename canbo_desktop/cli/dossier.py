"""``canbo dossier …``: the 2C CV and the appointment dossier as PDF.

    canbo dossier cv2c PERSON_ID --out F.pdf [--form bnv|tctw]
    canbo dossier cv2c --unit CODE --out-dir DIR [--merged F.pdf] [--workers N] [--no-subunits]
    canbo dossier appointment PROCEDURE_ID --out F.pdf [--number] [--on DATE] [--form bnv|tctw]

Messages and progress go to stderr in Vietnamese; ``--json`` prints the result on stdout.
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
from canbo_desktop.i18n import QT_TRANSLATE_NOOP, translate

FORM_HELP = QT_TRANSLATE_NOOP("cli.dossier", "form: bnv = 2C-BNV/2008 (default), tctw = 2C/TCTW-98")


def _check_out(path: str, what: str) -> Path:
    p = Path(path)
    if p.exists() and p.is_dir():
        raise CliError(translate("cli.dossier", "{what} «{path}» is a folder; a .pdf file path is needed.").format(what=what, path=path))
    if not p.parent.exists():
        raise CliError(translate("cli.dossier", "The folder «{parent}» does not exist.").format(parent=p.parent))
    return p


def cmd_cv2c(args: argparse.Namespace) -> int:
    from canbo_desktop.services.pdf import batch
    from canbo_desktop.services.pdf.cv import load_cv, render_cv

    if bool(args.person_id) == bool(args.unit):
        raise CliError(translate("cli.dossier", "Give one person's ID (PERSON_ID) or --unit UNIT_CODE, not both."))
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        if args.person_id:
            if not args.out:
                raise CliError(translate("cli.dossier", "--out FILE.pdf is missing."))
            out = _check_out(args.out, "--out")
            data = load_cv(uowf, args.person_id, form=args.form)
            pages = render_cv(data, out)
            batch.record_export(uowf, f"cv2c-{args.form}", [args.person_id], str(out))
            result: dict[str, Any] = {"file": str(out), "pages": pages, "person_id": args.person_id,
                                      "full_name": data.file.cadre.full_name, "form": args.form}
            if args.json:
                emit_json(result)
            else:
                info(translate("cli.dossier", "Printed the CV of {full_name} ({pages} pages): {out}").format(full_name=data.file.cadre.full_name, pages=pages, out=out))
            return 0
        if not (args.out_dir or args.merged):
            raise CliError(translate("cli.dossier", "--out-dir FOLDER (one file per person) or --merged FILE.pdf (one merged file) is missing."))
        ids = batch.unit_ids(uowf, args.unit, subtree=not args.no_subunits)
        if not ids:
            raise CliError(translate("cli.dossier", "Unit «{unit}» has no cadres.").format(unit=args.unit))
        last = [-1]

        def progress(fraction: float, message: str) -> None:
            step = int(fraction * 20)
            if step != last[0] and not args.quiet:
                last[0] = step
                info(f"[{fraction * 100:5.1f}%] {message}")

        merged = _check_out(args.merged, "--merged") if args.merged else None
        res = batch.render_cv_batch(db.target, ids, out_dir=None if merged else args.out_dir, merged=merged,
                                    form=args.form, workers=args.workers, progress=progress, actor=actor(args))
        batch.record_export(uowf, f"cv2c-{args.form}", ids, str(merged or args.out_dir))
    finally:
        db.close()
    summary = {"unit": args.unit, "people": res.total, "written": res.done, "files": res.files,
               "failed": [{"person_id": i, "error": e} for i, e in res.failed], "seconds": res.seconds,
               "workers": res.workers}
    if args.json:
        emit_json(summary)
    else:
        if merged:
            text = translate("cli.dossier", "Printed {done}/{total} CVs in {seconds:.1f} seconds into {merged}.")
        else:
            text = translate("cli.dossier", "Printed {done}/{total} CVs in {seconds:.1f} seconds into the folder {out_dir}.")
        info(text.format(done=res.done, total=res.total, seconds=res.seconds, merged=merged, out_dir=args.out_dir))
        for cid, err in res.failed:
            info(translate("cli.dossier", "  Could not print {cid}: {err}").format(cid=cid, err=err))
    return 0 if not res.failed else 1


def cmd_appointment(args: argparse.Namespace) -> int:
    from canbo_desktop.services.pdf.batch import record_export
    from canbo_desktop.services.pdf.dossier import load_dossier, render_dossier

    out = _check_out(args.out, "--out")
    on: date = parse_day(args.on, translate("cli.dossier", "dossier date")) if args.on else date.today()
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        data = load_dossier(uowf, args.procedure_id, on=on, number_documents=args.number, cv_form=args.form)
        pages = render_dossier(data, out)
        record_export(uowf, "appointment-dossier", [data.procedure.cadre_id], str(out))
    finally:
        db.close()
    missing = [{"item": i.number, "name": i.name, "status": i.status, "note": i.note} for i in data.missing]
    result = {"file": str(out), "pages": pages, "procedure_id": args.procedure_id, "person": data.cadre_name,
              "post": data.post, "numbers": data.numbers, "missing": missing}
    if args.json:
        emit_json(result)
    else:
        info(translate("cli.dossier", "Printed the {verb} dossier of {cadre_name} – {post} ({pages} pages): {out}").format(verb=data.verb, cadre_name=data.cadre_name, post=data.post, pages=pages, out=out))
        if missing:
            info(translate("cli.dossier", "Still missing: {items}").format(
                items="; ".join(f"{m['item']}. {m['name']}" for m in missing)))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    p = sub.add_parser("dossier", help=translate("cli.dossier", "print the 2C CV and the appointment dossier (PDF)"))
    dsub = p.add_subparsers(dest="dossier_command", required=True, parser_class=VietnameseArgumentParser)

    sp = dsub.add_parser("cv2c", help=translate("cli.dossier", "the 2C CV of one person, or of a whole unit"))
    sp.add_argument("person_id", nargs="?", help=translate("cli.dossier", "cadre ID (see «canbo cadres search»)"))
    sp.add_argument("--out", help=translate("cli.dossier", "PDF file (one person)"))
    sp.add_argument("--unit", help=translate("cli.dossier", "unit code: print for everyone of the unit and its sub-units"))
    sp.add_argument("--out-dir", help=translate("cli.dossier", "folder: one PDF file per person"))
    sp.add_argument("--merged", help=translate("cli.dossier", "one merged PDF file, with a table of contents by person"))
    sp.add_argument("--no-subunits", action="store_true", help=translate("cli.dossier", "only the people of that unit itself"))
    sp.add_argument("--workers", type=int, help=translate("cli.dossier", "number of parallel printing processes (default: every CPU core)"))
    sp.add_argument("--form", choices=["bnv", "tctw"], default="bnv", help=translate("cli.dossier", FORM_HELP))
    sp.add_argument("--quiet", action="store_true", help=translate("cli.dossier", "do not show progress"))
    sp.add_argument("--json", action="store_true", help=translate("cli.dossier", "print the result as JSON"))
    sp.set_defaults(func=cmd_cv2c)

    sp = dsub.add_parser("appointment", help=translate("cli.dossier", "the appointment dossier of a procedure: submission, minutes, CV, evaluation, document list, draft decision"))
    sp.add_argument("procedure_id", help=translate("cli.dossier", "appointment procedure ID"))
    sp.add_argument("--out", required=True, help=translate("cli.dossier", "PDF file"))
    sp.add_argument("--on", help=translate("cli.dossier", "dossier date (YYYY-MM-DD or dd/mm/yyyy; default today)"))
    sp.add_argument("--number", action="store_true",
                    help=translate("cli.dossier", "take the document numbers (submission, decision) from the issuing body's register"))
    sp.add_argument("--form", choices=["bnv", "tctw"], default="bnv", help=translate("cli.dossier", FORM_HELP))
    sp.add_argument("--json", action="store_true", help=translate("cli.dossier", "print the result as JSON"))
    sp.set_defaults(func=cmd_appointment)
