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

FORM_HELP = "mẫu: bnv = 2C-BNV/2008 (mặc định), tctw = 2C/TCTW-98"


def _check_out(path: str, what: str) -> Path:
    p = Path(path)
    if p.exists() and p.is_dir():
        raise CliError(f"{what} «{path}» là một thư mục; cần đường dẫn tệp .pdf.")
    if not p.parent.exists():
        raise CliError(f"Thư mục «{p.parent}» không tồn tại.")
    return p


def cmd_cv2c(args: argparse.Namespace) -> int:
    from canbo_desktop.services.pdf import batch
    from canbo_desktop.services.pdf.cv import load_cv, render_cv

    if bool(args.person_id) == bool(args.unit):
        raise CliError("Cho mã một người (PERSON_ID) hoặc --unit MÃ_ĐƠN_VỊ, không cho cả hai.")
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        if args.person_id:
            if not args.out:
                raise CliError("Thiếu --out TỆP.pdf.")
            out = _check_out(args.out, "--out")
            data = load_cv(uowf, args.person_id, form=args.form)
            pages = render_cv(data, out)
            batch.record_export(uowf, f"cv2c-{args.form}", [args.person_id], str(out))
            result: dict[str, Any] = {"file": str(out), "pages": pages, "person_id": args.person_id,
                                      "full_name": data.file.cadre.full_name, "form": args.form}
            if args.json:
                emit_json(result)
            else:
                info(f"Đã in sơ yếu lý lịch của {data.file.cadre.full_name} ({pages} trang): {out}")
            return 0
        if not (args.out_dir or args.merged):
            raise CliError("Thiếu --out-dir THƯ_MỤC (mỗi người một tệp) hoặc --merged TỆP.pdf (một tệp gộp).")
        ids = batch.unit_ids(uowf, args.unit, subtree=not args.no_subunits)
        if not ids:
            raise CliError(f"Đơn vị «{args.unit}» không có cán bộ nào.")
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
        info(f"Đã in {res.done}/{res.total} sơ yếu lý lịch trong {res.seconds:.1f} giây"
             + (f" vào {merged}." if merged else f" vào thư mục {args.out_dir}."))
        for cid, err in res.failed:
            info(f"  Không in được {cid}: {err}")
    return 0 if not res.failed else 1


def cmd_appointment(args: argparse.Namespace) -> int:
    from canbo_desktop.services.pdf.batch import record_export
    from canbo_desktop.services.pdf.dossier import load_dossier, render_dossier

    out = _check_out(args.out, "--out")
    on: date = parse_day(args.on, "ngày lập hồ sơ") if args.on else date.today()
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
        info(f"Đã in hồ sơ {data.verb} {data.cadre_name} – {data.post} ({pages} trang): {out}")
        if missing:
            info("Còn thiếu: " + "; ".join(f"{m['item']}. {m['name']}" for m in missing))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    p = sub.add_parser("dossier", help="in sơ yếu lý lịch 2C và hồ sơ bổ nhiệm (PDF)")
    dsub = p.add_subparsers(dest="dossier_command", required=True, parser_class=VietnameseArgumentParser)

    sp = dsub.add_parser("cv2c", help="sơ yếu lý lịch mẫu 2C của một người, hoặc của cả một đơn vị")
    sp.add_argument("person_id", nargs="?", help="mã cán bộ (xem «canbo cadres search»)")
    sp.add_argument("--out", help="tệp PDF (một người)")
    sp.add_argument("--unit", help="mã đơn vị: in cho mọi người của đơn vị và các đơn vị trực thuộc")
    sp.add_argument("--out-dir", help="thư mục: mỗi người một tệp PDF")
    sp.add_argument("--merged", help="một tệp PDF gộp, có mục lục theo người")
    sp.add_argument("--no-subunits", action="store_true", help="chỉ người của chính đơn vị đó")
    sp.add_argument("--workers", type=int, help="số tiến trình in song song (mặc định: mọi lõi CPU)")
    sp.add_argument("--form", choices=["bnv", "tctw"], default="bnv", help=FORM_HELP)
    sp.add_argument("--quiet", action="store_true", help="không in tiến độ")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_cv2c)

    sp = dsub.add_parser("appointment", help="hồ sơ bổ nhiệm của một quy trình: tờ trình, biên bản, sơ yếu lý lịch, "
                                             "đánh giá, danh mục hồ sơ, dự thảo quyết định")
    sp.add_argument("procedure_id", help="mã quy trình bổ nhiệm")
    sp.add_argument("--out", required=True, help="tệp PDF")
    sp.add_argument("--on", help="ngày lập hồ sơ (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
    sp.add_argument("--number", action="store_true",
                    help="lấy số văn bản (tờ trình, quyết định) từ sổ theo dõi của cơ quan ban hành")
    sp.add_argument("--form", choices=["bnv", "tctw"], default="bnv", help=FORM_HELP)
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_appointment)
