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


def _office(uowf: Any, text: str) -> str:
    """The node id of the office ``text`` names (its name, without regard to accents or case, or its node id)."""
    from canbo_desktop.domain.text import fold
    from canbo_desktop.services.audit import received_sources

    sources = received_sources(uowf)
    hits = [s for s in sources if s.node_id == text or fold(s.name) == fold(text)]
    if not hits:
        known = ", ".join(f"“{s.name}”" for s in sources) or "chưa có văn phòng nào"
        raise CliError(f"Không có nhật ký nào nhận từ “{text}”. Đã nhận từ: {known}.")
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
        info(f"Lỗi: {result.message}")
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
        raise CliError("--limit phải là số dương.")
    d_from = parse_day(args.date_from, "ngày bắt đầu") if args.date_from else None
    d_to = parse_day(args.date_to, "ngày kết thúc") if args.date_to else None
    if d_from and d_to and d_from > d_to:
        raise CliError(f"Ngày bắt đầu {d_from:%d/%m/%Y} sau ngày kết thúc {d_to:%d/%m/%Y}.")
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
        info("Không có mục nào khớp bộ lọc.")
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
        print(f"{s.name:40} {s.packages:>5} gói  {s.node_id}")
    if not sources:
        info("Chưa nhận nhật ký thao tác của văn phòng nào qua gói đồng bộ.")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="nhật ký thao tác: kiểm tra tính toàn vẹn, xem theo bộ lọc")
    asub = p.add_subparsers(dest="audit_command", required=True, parser_class=VietnameseArgumentParser)
    sp = asub.add_parser("verify", help="kiểm tra chuỗi mã băm của nhật ký (phát hiện dòng bị sửa, xoá, chèn)")
    sp.add_argument("--office", help="nhật ký nhận từ văn phòng này (tên hoặc mã nút; xem: canbo audit sources)")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_verify)
    sp = asub.add_parser("list", help="liệt kê các mục nhật ký (mới nhất trước)")
    sp.add_argument("--office", help="nhật ký nhận từ văn phòng này (tên hoặc mã nút; xem: canbo audit sources)")
    sp.add_argument("--actor", help="người thực hiện")
    sp.add_argument("--action", help="thao tác (insert, update, delete, export, print, view_sensitive…; "
                                     "“appointment.” cho mọi thao tác bắt đầu như vậy)")
    sp.add_argument("--entity", help="loại đối tượng (cadre, report, appointment_procedure…)")
    sp.add_argument("--entity-id", help="mã đối tượng")
    sp.add_argument("--from", dest="date_from", help="từ ngày (YYYY-MM-DD hoặc dd/mm/yyyy)")
    sp.add_argument("--to", dest="date_to", help="đến ngày (kể cả ngày đó)")
    sp.add_argument("--limit", type=int, default=200, help="số mục tối đa (mặc định 200)")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_list)
    sp = asub.add_parser("sources", help="các văn phòng đã gửi nhật ký thao tác kèm gói đồng bộ")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_sources)
