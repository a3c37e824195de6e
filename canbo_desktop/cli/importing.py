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


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from canbo_desktop.services import importing as imp

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"Không tìm thấy tệp «{args.file}».", 3)
    if args.report and not Path(args.report).parent.exists():
        raise CliError(f"Thư mục «{Path(args.report).parent}» không tồn tại.")
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
    verb = "Sẽ nhập (chạy thử, chưa ghi gì)" if args.dry_run else "Đã nhập"
    info(f"{verb}: {result.inserted} thêm mới, {result.updated} cập nhật, {result.unchanged} không đổi, "
         f"{result.rejected_rows} dòng lỗi.")
    if not args.json:
        for p in result.rejected:
            where = f"{p.cell} ({p.column})" if p.cell else f"dòng {p.row}"
            info(f"  dòng {p.row}, {where}: {p.reason}")
    if result.backup and result.backup.path:
        info(result.backup.note)
    if args.report and result.rejected_rows:
        info(f"Các dòng lỗi đã ghi vào «{args.report}»: sửa rồi nhập lại tệp đó.")
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from canbo_desktop.domain.cadre import ListFilter
    from canbo_desktop.services import export
    from canbo_desktop.services.refdata import unit_paths

    out = Path(args.out)
    if out.is_dir():
        raise CliError(f"«{args.out}» là một thư mục; cần đường dẫn tệp .xlsx.")
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
    info(f"Đã xuất {n} người vào «{out}».")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    p = sub.add_parser("import", help="nhập danh sách cán bộ từ Excel (.xlsx)")
    isub = p.add_subparsers(dest="import_command", required=True, parser_class=VietnameseArgumentParser)
    sp = isub.add_parser("xlsx", help="nhập danh sách cán bộ từ tệp .xlsx (kể cả chữ TCVN3/VNI), có xem trước lỗi từng dòng")
    sp.add_argument("file", help="tệp .xlsx")
    sp.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu tiên đang hiện)")
    sp.add_argument("--mapping", help="tệp JSON gán cột → trường (xem --show-mapping)")
    sp.add_argument("--header-row", type=int, help="số dòng tiêu đề như Excel đánh số (mặc định: tự tìm)")
    sp.add_argument("--mode", choices=["upsert", "insert", "update"], default="upsert",
                    help="upsert: thêm người mới và cập nhật người đã có (mặc định); insert: chỉ thêm mới; "
                         "update: chỉ cập nhật")
    sp.add_argument("--unit", help="mã đơn vị cho các dòng không có cột đơn vị")
    sp.add_argument("--dry-run", action="store_true", help="chạy thử: kiểm tra và báo kết quả, không ghi gì")
    sp.add_argument("--report", help="ghi các dòng lỗi (kèm lý do) ra tệp .xlsx này để sửa và nhập lại")
    sp.add_argument("--show-mapping", action="store_true", help="chỉ in cách gán cột (JSON) rồi dừng")
    sp.add_argument("--quiet", action="store_true", help="không in tiến độ")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("export", help="xuất danh sách cán bộ ra Excel (.xlsx) theo mẫu nhập lại được")
    esub = p.add_subparsers(dest="export_command", required=True, parser_class=VietnameseArgumentParser)
    sp = esub.add_parser("xlsx", help="xuất danh sách ra tệp .xlsx (cùng cột với lệnh nhập)")
    sp.add_argument("out", help="tệp .xlsx")
    sp.add_argument("--search", help="chỉ những người tìm thấy theo chuỗi này")
    sp.add_argument("--unit", help="mã đơn vị: chỉ người của đơn vị đó và các đơn vị trực thuộc")
    sp.add_argument("--sensitive", action="store_true", help="kèm cột dân tộc, tôn giáo (thông tin nhạy cảm)")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_export_xlsx)
