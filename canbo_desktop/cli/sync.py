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
            raise CliError(f"Không đọc được tệp cụm mật khẩu “{args.passphrase_file}”: {exc.strerror}.") from exc
    env = os.environ.get("CANBO_SYNC_PASSPHRASE")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError("Chưa có cụm mật khẩu khoá đồng bộ: dùng --passphrase-file, biến CANBO_SYNC_PASSPHRASE, "
                       "hoặc chạy trong cửa sổ dòng lệnh để nhập.")
    pw = getpass.getpass("Cụm mật khẩu khoá đồng bộ: ")
    if confirm and getpass.getpass("Nhập lại cụm mật khẩu: ") != pw:
        raise CliError("Hai lần nhập cụm mật khẩu không khớp.")
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
    _out(args, res, f"Đã tạo khoá đồng bộ cho {res.unit_name}. Dấu vân tay: {res.fingerprint}")
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = peers.export_keys_package(db.uow(actor(args)), Path(args.out), passphrase=passphrase(args))
    finally:
        db.close()
    _out(args, {"path": str(res.path), "fingerprint": res.fingerprint},
         f"Đã ghi gói khoá “{res.path}”. Dấu vân tay để đọc cho đơn vị kia: {res.fingerprint}")
    return 0


def cmd_keys_import(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = peers.import_keys_package(db.uow(actor(args)), Path(args.file), relation=args.relation)
    finally:
        db.close()
    _out(args, res, f"Đã đăng ký {res.unit_name} ({res.unit_code}) làm "
                    f"{ {'parent': 'cấp trên', 'child': 'cấp dưới', 'recovery': 'khoá khôi phục'}[res.relation] }. "
                    f"Hãy so dấu vân tay với đơn vị kia: {res.fingerprint}")
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
        raise CliError("Đơn vị chưa có khoá đồng bộ: chạy “canbo sync keys init”.", code=3)
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
            info(f"Gói xác nhận: {res.ack_path}")
    if res.status in ("applied", "already_imported", "preview"):
        return 0
    if not args.json:
        sys.stderr.write(f"Lỗi: {res.reason}\n")
    return EXIT_HELD if res.status == "held" else EXIT_REJECTED


def cmd_ack(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        res = ack_svc.write_ack(db.uow(actor(args)), to_node=args.to, out_dir=Path(args.out), passphrase=passphrase(args))
    finally:
        db.close()
    _out(args, {"path": str(res.path), "package_id": res.package_id, "seq": res.seq, "acked": res.acked},
         f"Đã ghi gói xác nhận “{res.path}”.")
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
         f"{len(items)} xung đột" + "".join(f"\n  [{c.kind}] {c.table_label}: {c.label} — {', '.join(c.fields)} ({c.id})"
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
    sp_sync = sub.add_parser("sync", help="đồng bộ bằng USB: khoá, xuất, nhập, xung đột, danh mục")
    ss = sp_sync.add_subparsers(dest="sync_command", required=True, parser_class=VietnameseArgumentParser)

    def add(parent: Any, name: str, fn: Any, help_text: str) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(func=fn)
        sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        sp.add_argument("--passphrase-file", help="tệp chứa cụm mật khẩu khoá đồng bộ")
        return sp

    keys_p = ss.add_parser("keys", help="khoá đồng bộ của đơn vị và trao đổi khoá")
    ks = keys_p.add_subparsers(dest="keys_command", required=True, parser_class=VietnameseArgumentParser)
    sp = add(ks, "init", cmd_keys_init, "tạo khoá đồng bộ của đơn vị")
    sp.add_argument("--replace", action="store_true", help="thay khoá đã có (các đơn vị khác phải nhập lại gói khoá)")
    sp = add(ks, "export", cmd_keys_export, "ghi gói khoá công khai của đơn vị")
    sp.add_argument("--out", required=True, help="thư mục ghi (USB)")
    sp = add(ks, "import", cmd_keys_import, "nhập gói khoá của cấp trên, cấp dưới hoặc khoá khôi phục")
    sp.add_argument("file")
    sp.add_argument("--relation", required=True, choices=["parent", "child", "recovery"])
    add(ks, "show", cmd_keys_show, "dấu vân tay khoá của đơn vị và các đơn vị đã đăng ký")

    sp = add(ss, "export", cmd_export, "xuất gói dữ liệu gửi cấp trên")
    sp.add_argument("--to", help="đơn vị nhận (mã đơn vị hoặc mã nút; mặc định: cấp trên)")
    sp.add_argument("--out", required=True, help="thư mục ghi (USB)")
    sp.add_argument("--full", action="store_true", help="gói đầy đủ thay vì chỉ các thay đổi")

    sp = add(ss, "import", cmd_import, "nhập gói dữ liệu, gói xác nhận hoặc gói danh mục")
    sp.add_argument("file")
    sp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và xem trước, không ghi gì")
    sp.add_argument("--accept-soft", action="store_true", help="gộp các xung đột khác trường (đánh dấu để xem lại)")
    sp.add_argument("--ack-dir", help="nơi ghi gói xác nhận (mặc định: cạnh tệp gói)")

    sp = add(ss, "ack", cmd_ack, "ghi lại gói xác nhận cho một đơn vị cấp dưới")
    sp.add_argument("--to", required=True)
    sp.add_argument("--out", required=True)

    sp = add(ss, "conflicts", cmd_conflicts, "danh sách xung đột; xử lý một xung đột")
    sp.add_argument("--all", action="store_true", help="cả xung đột đã xử lý và đã gộp")
    sp.add_argument("--resolve", metavar="ID", help="mã xung đột cần xử lý")
    sp.add_argument("--choice", choices=["keep", "take", "edit"], default="keep")
    sp.add_argument("--set", action="append", metavar="TRƯỜNG=GIÁ_TRỊ", help="giá trị sửa (với --choice edit)")

    ref = ss.add_parser("refdata", help="gói danh mục gửi xuống cấp dưới")
    rs = ref.add_subparsers(dest="refdata_command", required=True, parser_class=VietnameseArgumentParser)
    sp = add(rs, "export", cmd_refdata_export, "xuất gói danh mục (quy định, danh mục, ngạch, chức danh, cây tổ chức)")
    sp.add_argument("--to", required=True, help="đơn vị cấp dưới (mã đơn vị hoặc mã nút)")
    sp.add_argument("--out", required=True)
    sp = add(rs, "import", cmd_import, "nhập gói danh mục của cấp trên (như sync import)")
    sp.add_argument("file")
    sp.add_argument("--dry-run", action="store_true")
    sp.add_argument("--accept-soft", action="store_true", help=argparse.SUPPRESS)
    sp.add_argument("--ack-dir", help=argparse.SUPPRESS)
