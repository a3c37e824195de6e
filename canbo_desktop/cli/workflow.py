"""``canbo appointment …``, evaluation and planning commands.

* ``canbo appointment check PERSON_ID --title CODE [--at DATE] [--json]``: every appointment condition
  for the person and the title on the date, with its status, reason and legal source.
* ``canbo appointment list [--status S] [--json]``, ``canbo appointment show PROCEDURE_ID [--at DATE]``.
* ``canbo evaluation round --unit CODE --year Y [--json]``: the round of a unit with every person's result.
* ``canbo planning list [--term 2026-2031] [--title CODE] [--at DATE] [--json]``: who is planned for what.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from canbo_desktop.cli.common import CliError, actor, emit_json, info, open_db, parse_day
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.rules.eligibility import EligibilityReport
from canbo_desktop.services import cadres as cadre_svc

STATUS_LABELS = {"pass": "đạt", "fail": "không đạt", "unknown": "chưa xác định", "overridden": "trường hợp đặc biệt"}
OVERALL_LABELS = {"pass": "Đủ điều kiện", "fail": "Không đủ điều kiện", "unknown": "Chưa đủ thông tin để kết luận"}
KIND_LABELS = {"first": "bổ nhiệm lần đầu", "higher": "bổ nhiệm chức vụ cao hơn", "equal": "bổ nhiệm chức vụ tương đương",
               "lower": "bổ nhiệm chức vụ thấp hơn", "unknown": "chưa xác định loại bổ nhiệm"}


def _eligibility_json(report: EligibilityReport, full_name: str, title_name: str) -> dict[str, Any]:
    return {
        "cadre_id": report.cadre_id,
        "full_name": full_name,
        "title_code": report.title_code,
        "title_name": title_name,
        "at": report.on.isoformat(),
        "appointment_kind": report.appointment_kind,
        "overall": report.overall,
        "overall_label": OVERALL_LABELS.get(report.overall, report.overall),
        "rule_valid_from": report.rule_valid_from.isoformat(),
        "legal_source": report.legal_source,
        "conditions": [
            {"code": r.code, "name": r.name, "status": r.status, "reason": r.reason, "legal_source": r.legal_source,
             "applicable": r.applicable, "override_reference": r.override_reference}
            for r in report.results
        ],
    }


def cmd_appointment_check(args: argparse.Namespace) -> int:
    from canbo_desktop.services import appointments as appt_svc
    from canbo_desktop.services import eligibility as elig_svc

    at = parse_day(args.at, "ngày xét") if args.at else date.today()
    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        report = elig_svc.eligibility(uowf, args.person_id, args.title, at)
        full_name = cadre_svc.cadre_file(uowf, args.person_id).cadre.full_name
        title_name = appt_svc.title_names(uowf).get(args.title, args.title)
    finally:
        db.close()
    if args.json:
        emit_json(_eligibility_json(report, full_name, title_name))
        return 0
    print(f"{full_name} — {title_name} — ngày {format_date(at)} ({KIND_LABELS.get(report.appointment_kind, '')}): "
          f"{OVERALL_LABELS.get(report.overall, report.overall).upper()}")
    for r in report.results:
        mark = STATUS_LABELS.get(r.status, r.status) if r.applicable else "không áp dụng"
        print(f"  [{mark}] {r.name}: {r.reason}")
        if r.legal_source and r.applicable:
            print(f"      Căn cứ: {r.legal_source}")
    return 0


def cmd_appointment_list(args: argparse.Namespace) -> int:
    from canbo_desktop.services import appointments as appt_svc

    db = open_db(args)
    try:
        rows = appt_svc.list_procedures(db.uow(actor(args)), status=args.status)
    finally:
        db.close()
    if args.json:
        emit_json([{"id": r.id, "cadre_id": r.cadre_id, "full_name": r.full_name, "title_code": r.title_code,
                    "title_name": r.title_name, "kind": r.kind, "source": r.source, "status": r.status,
                    "unit_name": r.unit_name} for r in rows])
        return 0
    for r in rows:
        print(f"{r.full_name:32} {r.kind_label:14} {r.title_name:40} {r.status_label}  [{r.id}]")
    if not rows:
        info("Chưa có quy trình nào.")
    return 0


def cmd_appointment_show(args: argparse.Namespace) -> int:
    from canbo_desktop.services import appointments as appt_svc

    at = parse_day(args.at, "ngày xét") if args.at else None
    db = open_db(args)
    try:
        v = appt_svc.procedure_view(db.uow(actor(args)), args.procedure_id, on=at)
    finally:
        db.close()
    if args.json:
        emit_json({
            "id": v.id, "cadre_id": v.cadre_id, "full_name": v.full_name, "title_code": v.title_code,
            "title_name": v.title_name, "kind": v.kind, "source": v.source, "status": v.status,
            "policy": {"reference": v.policy.reference, "submitted_on": v.policy.submitted_on,
                       "approved_on": v.policy.approved_on, "decision_due": v.policy.decision_due,
                       "process_due": v.policy.process_due, "reasons": list(v.policy.reasons)},
            "steps": [{"step_no": s.step_no, "name": s.name, "held_on": s.held_on, "status": s.status,
                       "reasons": list(s.reasons)} for s in v.steps],
            "checklist": [{"code": c.code, "item_no": c.item_no, "name": c.name, "required": c.required,
                           "status": c.status, "reason": c.reason} for c in v.checklist],
            "eligibility": (_eligibility_json(v.eligibility, v.full_name, v.title_name)
                            if v.eligibility is not None else None),
            "blockers": list(v.blockers), "warnings": list(v.warnings), "can_complete": v.can_complete,
        })
        return 0
    print(f"{v.kind_label} {v.title_name}: {v.full_name} — {v.status_label}")
    for s in v.steps:
        print(f"  {s.status_label:16} {s.name}")
    for c in v.checklist:
        print(f"  {'có' if c.status == 'present' else 'THIẾU' if c.required else 'không bắt buộc':16} {c.item_no}. {c.name}")
    for b in v.blockers:
        print(f"  ! {b}")
    return 0


def cmd_evaluation_round(args: argparse.Namespace) -> int:
    from canbo_desktop.services import evaluation as eval_svc

    db = open_db(args)
    try:
        uowf = db.uow(actor(args))
        rid = eval_svc.find_round_by_code(uowf, args.unit, args.year)
        if rid is None:
            raise CliError(f"Đơn vị mã «{args.unit}» chưa có đợt đánh giá năm {args.year}.", 3)
        v = eval_svc.round_grid(uowf, rid)
    finally:
        db.close()
    if args.json:
        emit_json({
            "id": v.id, "unit_code": args.unit, "unit_name": v.unit_name, "year": v.year, "regime": v.regime,
            "status": v.status, "legal_source": v.legal_source, "level_counts": dict(v.level_counts),
            "quota": {"ok": v.quota.ok, "message": v.quota.message, "allowed_max": v.quota.allowed_max,
                      "count_xuat_sac": v.quota.count_xuat_sac, "count_tot": v.quota.count_tot},
            "problems": list(v.problems),
            "rows": [{"evaluation_id": r.evaluation_id, "cadre_id": r.cadre_id, "full_name": r.full_name,
                      "level": r.level, "level_label": r.level_label, "score_general": r.score_general,
                      "score_tasks": r.score_tasks, "score_total": r.score_total,
                      "computed_level": r.computed_level, "reasons": [x.text for x in r.reasons],
                      "problems": list(r.problems), "products": len(r.products)} for r in v.rows],
            "corrections": [{"full_name": c.full_name, "field": c.field, "old_value": c.old_value,
                             "new_value": c.new_value, "reason": c.reason, "corrected_on": c.corrected_on,
                             "by": c.by} for c in v.corrections],
        })
        return 0
    print(f"{v.unit_name} — năm {v.year} — {v.regime_label} — {v.status_label}")
    for r in v.rows:
        score = f"{r.score_total:g}" if r.score_total is not None else ""
        print(f"  {r.full_name:32} {r.level_label or '—':52} {score}")
    print(v.quota.message)
    for p in v.problems:
        print(f"  ! {p}")
    return 0


def cmd_planning_list(args: argparse.Namespace) -> int:
    from canbo_desktop.services import planning as planning_svc

    at = parse_day(args.at, "ngày xét") if args.at else date.today()
    db = open_db(args)
    try:
        rows = planning_svc.planning_list(db.uow(actor(args)), term=args.term, title_code=args.title, on=at,
                                          include_removed=args.all)
    finally:
        db.close()
    if args.json:
        emit_json([{"id": r.id, "cadre_id": r.cadre_id, "full_name": r.full_name, "term": r.term,
                    "title_code": r.title_code, "title_name": r.title_name, "added_on": r.added_on,
                    "added_ref": r.added_ref, "removed_on": r.removed_on, "removal_reason": r.removal_reason,
                    "warnings": [{"code": x.code, "name": x.name, "status": x.status, "reason": x.reason}
                                 for x in r.warnings]} for r in rows])
        return 0
    for r in rows:
        print(f"{r.term} {r.title_name:40} {r.full_name:32} {'(đã đưa ra)' if not r.active else ''}")
        for x in r.warnings:
            print(f"    ! {x.name}: {x.reason}")
    if not rows:
        info("Không có ai trong danh sách quy hoạch này.")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    from canbo_desktop.cli.common import VietnameseArgumentParser

    ap = sub.add_parser("appointment", help="bổ nhiệm: điều kiện, quy trình")
    asub = ap.add_subparsers(dest="appointment_command", required=True, parser_class=VietnameseArgumentParser)
    sp = asub.add_parser("check", help="kiểm tra điều kiện bổ nhiệm một người vào một chức danh")
    sp.add_argument("person_id", metavar="PERSON_ID", help="mã hồ sơ cán bộ")
    sp.add_argument("--title", required=True, help="mã chức danh (danh mục chức danh)")
    sp.add_argument("--at", help="ngày dự kiến bổ nhiệm (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_appointment_check)
    sp = asub.add_parser("list", help="các quy trình bổ nhiệm, bổ nhiệm lại, miễn nhiệm")
    sp.add_argument("--status", choices=["draft", "in_progress", "done", "cancelled"])
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_appointment_list)
    sp = asub.add_parser("show", help="một quy trình: các bước, hồ sơ, điều kiện, việc còn vướng")
    sp.add_argument("procedure_id", metavar="PROCEDURE_ID")
    sp.add_argument("--at", help="ngày xét (mặc định hôm nay)")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_appointment_show)

    ev = sub.add_parser("evaluation", help="đánh giá, xếp loại chất lượng")
    esub = ev.add_subparsers(dest="evaluation_command", required=True, parser_class=VietnameseArgumentParser)
    sp = esub.add_parser("round", help="kết quả một đợt đánh giá của đơn vị")
    sp.add_argument("--unit", required=True, help="mã đơn vị")
    sp.add_argument("--year", required=True, type=int, help="năm đánh giá")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_evaluation_round)

    pl = sub.add_parser("planning", help="quy hoạch cán bộ")
    psub = pl.add_subparsers(dest="planning_command", required=True, parser_class=VietnameseArgumentParser)
    sp = psub.add_parser("list", help="danh sách quy hoạch với các điều kiện chưa đạt")
    sp.add_argument("--term", help="nhiệm kỳ, ví dụ 2026-2031")
    sp.add_argument("--title", help="mã chức danh")
    sp.add_argument("--at", help="ngày xét điều kiện (mặc định hôm nay)")
    sp.add_argument("--all", action="store_true", help="cả những người đã đưa ra khỏi quy hoạch")
    sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    sp.set_defaults(func=cmd_planning_list)
