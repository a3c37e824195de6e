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
from canbo_desktop.i18n import translate
from canbo_desktop.services import cadres as cadre_svc

# The JSON output keeps the Vietnamese label (i18n: data); the printed text goes through the functions below.
OVERALL_LABELS = {"pass": "Đủ điều kiện", "fail": "Không đủ điều kiện", "unknown": "Chưa đủ thông tin để kết luận"}  # i18n: data


def _status_label(status: str) -> str:
    labels = {"pass": translate("cli.workflow", "met"), "fail": translate("cli.workflow", "not met"),
              "unknown": translate("cli.workflow", "undetermined"),
              "overridden": translate("cli.workflow", "special case")}
    return labels.get(status, status)


def _overall_label(overall: str) -> str:
    labels = {"pass": translate("cli.workflow", "Eligible"), "fail": translate("cli.workflow", "Not eligible"),
              "unknown": translate("cli.workflow", "Not enough information to conclude")}
    return labels.get(overall, overall)


def _kind_label(kind: str) -> str:
    labels = {"first": translate("cli.workflow", "first appointment"),
              "higher": translate("cli.workflow", "appointment to a higher post"),
              "equal": translate("cli.workflow", "appointment to an equivalent post"),
              "lower": translate("cli.workflow", "appointment to a lower post"),
              "unknown": translate("cli.workflow", "kind of appointment undetermined")}
    return labels.get(kind, "")


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

    at = parse_day(args.at, translate("cli.workflow", "date considered")) if args.at else date.today()
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
    print(translate("cli.workflow", "{name} — {title} — on {at} ({kind}): {overall}").format(
        name=full_name, title=title_name, at=format_date(at), kind=_kind_label(report.appointment_kind),
        overall=_overall_label(report.overall).upper()))
    for r in report.results:
        mark = _status_label(r.status) if r.applicable else translate("cli.workflow", "not applicable")
        print(f"  [{mark}] {r.name}: {r.reason}")
        if r.legal_source and r.applicable:
            print(translate("cli.workflow", "      Basis: {legal_source}").format(legal_source=r.legal_source))
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
        info(translate("cli.workflow", "No procedures yet."))
    return 0


def cmd_appointment_show(args: argparse.Namespace) -> int:
    from canbo_desktop.services import appointments as appt_svc

    at = parse_day(args.at, translate("cli.workflow", "date considered")) if args.at else None
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
        state = (translate("cli.workflow", "present") if c.status == "present"
                 else translate("cli.workflow", "MISSING") if c.required else translate("cli.workflow", "not required"))
        print(f"  {state:16} {c.item_no}. {c.name}")
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
            raise CliError(translate("cli.workflow", "Unit «{unit}» has no evaluation round for {year}.").format(unit=args.unit, year=args.year), 3)
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
    print(translate("cli.workflow", "{unit_name} — year {year} — {regime_label} — {status_label}").format(unit_name=v.unit_name, year=v.year, regime_label=v.regime_label, status_label=v.status_label))
    for r in v.rows:
        score = f"{r.score_total:g}" if r.score_total is not None else ""
        print(f"  {r.full_name:32} {r.level_label or '—':52} {score}")
    print(v.quota.message)
    for p in v.problems:
        print(f"  ! {p}")
    return 0


def cmd_planning_list(args: argparse.Namespace) -> int:
    from canbo_desktop.services import planning as planning_svc

    at = parse_day(args.at, translate("cli.workflow", "date considered")) if args.at else date.today()
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
        removed = translate("cli.workflow", "(removed)") if not r.active else ""
        print(f"{r.term} {r.title_name:40} {r.full_name:32} {removed}")
        for x in r.warnings:
            print(f"    ! {x.name}: {x.reason}")
    if not rows:
        info(translate("cli.workflow", "Nobody in this planning list."))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's sub-commands to ``canbo``."""
    from canbo_desktop.cli.common import VietnameseArgumentParser

    ap = sub.add_parser("appointment", help=translate("cli.workflow", "appointment: conditions, procedures"))
    asub = ap.add_subparsers(dest="appointment_command", required=True, parser_class=VietnameseArgumentParser)
    sp = asub.add_parser("check", help=translate("cli.workflow", "check the conditions for appointing a person to a title"))
    sp.add_argument("person_id", metavar="PERSON_ID", help=translate("cli.workflow", "cadre record ID"))
    sp.add_argument("--title", required=True, help=translate("cli.workflow", "title code (list of titles)"))
    sp.add_argument("--at", help=translate("cli.workflow", "planned appointment date (YYYY-MM-DD or dd/mm/yyyy; default today)"))
    sp.add_argument("--json", action="store_true", help=translate("cli.workflow", "print the result as JSON"))
    sp.set_defaults(func=cmd_appointment_check)
    sp = asub.add_parser("list", help=translate("cli.workflow", "the appointment, reappointment and dismissal procedures"))
    sp.add_argument("--status", choices=["draft", "in_progress", "done", "cancelled"])
    sp.add_argument("--json", action="store_true", help=translate("cli.workflow", "print the result as JSON"))
    sp.set_defaults(func=cmd_appointment_list)
    sp = asub.add_parser("show", help=translate("cli.workflow", "a procedure: its steps, dossier, conditions, what is still blocking"))
    sp.add_argument("procedure_id", metavar="PROCEDURE_ID")
    sp.add_argument("--at", help=translate("cli.workflow", "date considered (default today)"))
    sp.add_argument("--json", action="store_true", help=translate("cli.workflow", "print the result as JSON"))
    sp.set_defaults(func=cmd_appointment_show)

    ev = sub.add_parser("evaluation", help=translate("cli.workflow", "evaluation and quality rating"))
    esub = ev.add_subparsers(dest="evaluation_command", required=True, parser_class=VietnameseArgumentParser)
    sp = esub.add_parser("round", help=translate("cli.workflow", "the results of a unit's evaluation round"))
    sp.add_argument("--unit", required=True, help=translate("cli.workflow", "unit code"))
    sp.add_argument("--year", required=True, type=int, help=translate("cli.workflow", "evaluation year"))
    sp.add_argument("--json", action="store_true", help=translate("cli.workflow", "print the result as JSON"))
    sp.set_defaults(func=cmd_evaluation_round)

    pl = sub.add_parser("planning", help=translate("cli.workflow", "cadre planning"))
    psub = pl.add_subparsers(dest="planning_command", required=True, parser_class=VietnameseArgumentParser)
    sp = psub.add_parser("list", help=translate("cli.workflow", "the planning list with the conditions not met"))
    sp.add_argument("--term", help=translate("cli.workflow", "term, e.g. 2026-2031"))
    sp.add_argument("--title", help=translate("cli.workflow", "title code"))
    sp.add_argument("--at", help=translate("cli.workflow", "date considered for the conditions (default today)"))
    sp.add_argument("--all", action="store_true", help=translate("cli.workflow", "also the people removed from the planning"))
    sp.add_argument("--json", action="store_true", help=translate("cli.workflow", "print the result as JSON"))
    sp.set_defaults(func=cmd_planning_list)
