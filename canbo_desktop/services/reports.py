"""Reports: the targets dashboard (every indicator for a unit and each unit below it, with the trend and the
people behind each number) and the statistics tables, now or at a past date.

Counting is done by the database (``db/reports.py``: one GROUP BY over the people, per unit); the roll-up
over the tree sums numerators and denominators (``domain/reports.py``). A date before today rebuilds each
person's state on that date from the decisions and the dated history (what can and cannot be rebuilt is
listed in ``db/reports.py`` and in each report's ``notes``).

What the GUI and the CLI call:

* ``targets_report(uowf, unit_id=… | unit_code=…, at=None, max_level=None) -> TargetsReport``
* ``targets_trend(uowf, unit_id=…, at=None, years=5, max_level=0) -> list[TrendPoint]``
* ``target_people(uowf, indicator, unit_id=…, at=None, part="numerator") -> list[CadreSummary]``
* ``statistics_report(uowf, unit_id=…, at=None, depth=1) -> StatisticsReport``
* ``record_report_export(uowf, report, path, unit=…, at=…)`` after writing a file (audit log)
* writers: ``services/reports_xlsx.py`` (XLSX) and ``services/pdf/report.py`` (PDF).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import literal
from sqlalchemy.sql.elements import BindParameter

from canbo_desktop.db import access
from canbo_desktop.db.reports import (
    CompiledIndicator,
    PersonSource,
    ReportsRepository,
    SqlContext,
    compiled_indicators,
    person_source,
)
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.domain import reports as r
from canbo_desktop.domain.access import Op
from canbo_desktop.domain.cadre import CadreSummary
from canbo_desktop.domain.dates import format_date
from canbo_desktop.domain.errors import NotFound, ValidationError
from canbo_desktop.domain.rules import RuleBook
from canbo_desktop.domain.rules.targets import RULE_KEY, FilterContext, _indicators
from canbo_desktop.i18n import translate
from canbo_desktop.services.rules import rule_book

SENSITIVE_FIELDS = ("ethnicity_code", "religion_code")
PARTS = ("numerator", "denominator", "not_met", "unknown", "excluded")
PART_LABELS = {"numerator": "đạt tiêu chí (tử số)", "denominator": "thuộc mẫu số", "not_met": "chưa đạt tiêu chí",
               "unknown": "thiếu dữ liệu để xác định tử số", "excluded": "thiếu dữ liệu để xác định mẫu số"}

RECONSTRUCTION_NOTE = (
    "Số liệu tại ngày đã qua được dựng lại từ lịch sử: đơn vị, chức vụ, trạng thái, ngạch theo các quyết định có "
    "hiệu lực đến ngày đó; trình độ theo các khóa đào tạo đã kết thúc; tuổi và đảng viên theo ngày sinh, ngày vào "
    "Đảng. Loại cán bộ, dân tộc, tôn giáo, quê quán và những thay đổi sửa trực tiếp trên hồ sơ (không có quyết "
    "định) lấy theo hiện tại."
)


def _resolve_unit(repo: ReportsRepository, unit_id: str | None, unit_code: str | None) -> r.UnitNode:
    if unit_id or unit_code:
        return repo.unit(unit_id=unit_id, code=unit_code)
    office = repo.office_unit_id()
    if office is None:
        raise ValidationError(translate("services.reports", "No unit chosen for the report (the database is not "
                                                            "attached to any unit)."),
                              {"unit": translate("services.reports", "choose a unit")})
    return repo.unit(unit_id=office)


def report_unit(uowf: UowFactory, *, unit_id: str | None = None, unit_code: str | None = None) -> r.UnitNode:
    """The unit a report is about: the one asked for, else this office (else the tree's only root)."""
    with uowf() as uow:
        return _resolve_unit(ReportsRepository(uow.session), unit_id, unit_code)


def _day(at: date | None) -> tuple[date, bool]:
    """(the report's date, whether the state must be rebuilt from the history)."""
    today = date.today()
    on = at or today
    return on, on < today


class _Setup:
    """What one report needs, read in its unit of work: the unit, the tree, reference data, the source."""

    def __init__(self, uow: UnitOfWork, unit_id: str | None, unit_code: str | None) -> None:
        self.repo = ReportsRepository(uow.session)
        scope = access.principal_of(uow).scope_unit_id  # db/access.py: a user's reports stay in its subtree
        self.root = _resolve_unit(self.repo, unit_id or (None if unit_code else scope), unit_code)
        access.require_scope(uow.session, Op.READ, self.root.id)
        self.units = self.repo.units(self.root.path)
        self.titles, self.ranks = self.repo.titles_and_ranks()
        self.settings = self.repo.settings()
        self.everything = self.repo.covers_everything(self.root)

    def source(self, on: date, reconstructed: bool, *, everyone: bool = False) -> PersonSource:
        return person_source(on, as_of=reconstructed, ranks=self.ranks,
                             root_path=None if self.everything else self.root.path, everyone=everyone)

    def sql_context(self, on: date, src: PersonSource, specs: Sequence[Any] = ()) -> SqlContext:
        ctx = FilterContext(on, self.ranks, self.titles, self.settings)
        # the province of each unit is only read by the filters that compare it with the hometown
        text = json.dumps(list(specs), ensure_ascii=False)
        needs = "non_local" in text or "unit_province_code" in text
        if not needs:
            return SqlContext(ctx, literal(""))
        province = self.repo.province_expr(src["unit_id"], self.units)
        if isinstance(province, BindParameter):  # the subtree lies in one province (the usual case)
            return SqlContext(ctx, province)

        def province_of(unit_id: Any) -> Any:
            return self.repo.province_expr(unit_id, self.units)

        return SqlContext(ctx, province, province_of)


def _reads_sensitive(spec: Any) -> bool:
    """Whether a filter reads a sensitive field (ethnic group, religion)."""
    text = json.dumps(spec, ensure_ascii=False)
    return any(f'"{name}"' in text for name in SENSITIVE_FIELDS)


def _indicator_infos(book: RuleBook, on: date) -> tuple[list[r.IndicatorInfo], list[CompiledIndicator], str]:
    version = book.find(RULE_KEY, on)
    if version is None:
        return [], [], ""
    infos = [r.IndicatorInfo(code=i.code, name=i.name, threshold=None if i.threshold is None else float(i.threshold),
                             comparison=i.comparison, deadline=i.deadline, source=i.source, note=i.note,
                             sensitive=_reads_sensitive(i.numerator) or _reads_sensitive(i.denominator))
             for i in _indicators(version.params, version.legal_source)]
    return infos, compiled_indicators(version.params), version.legal_source


def _targets(setup: _Setup, book: RuleBook, on: date, reconstructed: bool,
             max_level: int | None) -> r.TargetsReport:
    infos, compiled, source = _indicator_infos(book, on)
    notes: list[str] = []
    if not infos:
        notes.append(f"Không có quy định chỉ tiêu cơ cấu có hiệu lực ngày {format_date(on)}.")
        direct: dict[str, list[int]] = {}
    else:
        src = setup.source(on, reconstructed)
        specs = [x for c in compiled for x in (c.numerator, c.denominator)]
        direct = setup.repo.target_counts(src, setup.sql_context(on, src, specs), compiled)
    if reconstructed:
        notes.append(RECONSTRUCTION_NOTE)
    return r.build_targets_report(on, reconstructed, setup.root, setup.units, infos, direct, max_level=max_level,
                                  legal_source=source, notes=notes)


def targets_report(uowf: UowFactory, *, unit_id: str | None = None, unit_code: str | None = None,
                   at: date | None = None, max_level: int | None = None) -> r.TargetsReport:
    """Every indicator of the ``targets`` rule in force on ``at`` (today by default) for the unit (this
    office by default) and each unit below it, ``max_level`` levels deep (all when None). A unit's
    figure covers its whole subtree: summed numerators over summed denominators."""
    book = rule_book(uowf)
    on, reconstructed = _day(at)
    with uowf() as uow:
        return _targets(_Setup(uow, unit_id, unit_code), book, on, reconstructed, max_level)


def targets_trend(uowf: UowFactory, *, unit_id: str | None = None, unit_code: str | None = None,
                  at: date | None = None, years: int = 5, max_level: int = 0) -> list[r.TrendPoint]:
    """The indicators of the unit (and its units ``max_level`` levels down) on 31/12 of each of the last
    ``years`` years and on ``at``: one point per date, oldest first, each rebuilt from the history."""
    book = rule_book(uowf)
    on, _ = _day(at)
    out: list[r.TrendPoint] = []
    with uowf() as uow:
        setup = _Setup(uow, unit_id, unit_code)
        for d in r.trend_dates(on, years):
            day, reconstructed = _day(d)
            rep = _targets(setup, book, day, reconstructed, max_level)
            out.append(r.TrendPoint(day, rep.rows))
    return out


def target_people(uowf: UowFactory, indicator: str, *, unit_id: str | None = None, unit_code: str | None = None,
                  at: date | None = None, part: str = "numerator") -> list[CadreSummary]:
    """The people behind a number of the dashboard (the drill-down), in name order: for ``part``
    ``numerator``, ``denominator``, ``not_met``, ``unknown`` (data missing to decide the numerator) or
    ``excluded`` (data missing to decide the denominator), in the unit's whole subtree on ``at``. The unit
    shown for each person is their unit on that date."""
    if part not in PARTS:
        raise ValidationError(translate("services.reports", "There is no part «{part}» (use: {parts}).")
                              .format(part=part, parts=", ".join(PARTS)),
                              {"part": translate("services.reports", "not valid")})
    book = rule_book(uowf)
    on, reconstructed = _day(at)
    _infos, compiled, _source = _indicator_infos(book, on)
    wanted = [c for c in compiled if c.code == indicator]
    if not wanted:
        raise NotFound(translate("services.reports", "There is no indicator «{indicator}» in the rule in force on {date}.")
                       .format(indicator=indicator, date=format_date(on)))
    with uowf() as uow:
        setup = _Setup(uow, unit_id, unit_code)
        src = setup.source(on, reconstructed)
        sctx = setup.sql_context(on, src, [wanted[0].numerator, wanted[0].denominator])
        return setup.repo.target_people(src, sctx, wanted[0], part)


def statistics_report(uowf: UowFactory, *, unit_id: str | None = None, unit_code: str | None = None,
                      at: date | None = None, depth: int = 1) -> r.StatisticsReport:
    """The statistics of the unit's subtree on ``at``: the quantity-and-quality table and one table per
    breakdown (sex, age band, ethnic group, religion, category, grade, professional level, political
    theory, state management, party membership); rows are the units ``depth`` levels below it, each with
    its whole subtree, and a total row."""
    if depth < 1:
        raise ValidationError(translate("services.reports", "The number of unit levels must be 1 or more."),
                              {"depth": translate("services.reports", "must be ≥ 1")})
    on, reconstructed = _day(at)
    with uowf() as uow:
        setup = _Setup(uow, unit_id, unit_code)
        labels = setup.repo.code_labels()
        direct = setup.repo.stat_counts(setup.source(on, reconstructed, everyone=True), labels)
    notes = [RECONSTRUCTION_NOTE] if reconstructed else []
    return r.build_statistics(on, reconstructed, setup.root, setup.units, direct, labels, depth=depth, notes=notes)


def report_units(uowf: UowFactory) -> tuple[list[r.UnitNode], str | None]:
    """Every live unit (parents first, for the unit picker) and this office's unit (the default)."""
    with uowf() as uow:
        repo = ReportsRepository(uow.session)
        return repo.units(), repo.office_unit_id()


def can_view_sensitive(uowf: UowFactory, username: str) -> bool:
    """Whether the user may see sensitive breakdowns (ethnic group, religion): the account's own permission
    (``UserRecord.can_view_sensitive``); an unknown or inactive user may not."""
    with uowf() as uow:
        return ReportsRepository(uow.session).user_can_view_sensitive(username)


def record_report_export(uowf: UowFactory, report: str, path: Path | str, *, unit: r.UnitNode, at: date,
                         extra: dict[str, Any] | None = None) -> None:
    """Write the export of a report to the audit log (who, which report, unit, date, file)."""
    with uowf() as uow:
        uow.audit("export", "report", unit.id, {"report": report, "file": Path(path).name, "unit": unit.code,
                                                "at": at.isoformat(), **(extra or {})})
        uow.commit()


def targets_json(report: r.TargetsReport) -> list[dict[str, Any]]:
    """The dashboard as a list of plain records (the CLI's ``--json``): indicator, unit_code, numerator,
    denominator, value (percent), threshold (percent), met; plus names, missing-data counts, deadline."""
    return [{"indicator": row.indicator, "unit_code": row.unit_code, "numerator": row.numerator,
             "denominator": row.denominator, "value": row.value, "threshold": row.threshold, "met": row.met,
             "name": row.name, "unit_name": row.unit_name, "level": row.level, "unknown": row.unknown,
             "excluded": row.excluded, "deadline": row.deadline.isoformat() if row.deadline else None,
             "at": report.at.isoformat()}
            for row in report.rows]


def statistics_json(report: r.StatisticsReport) -> dict[str, Any]:
    return {"at": report.at.isoformat(), "reconstructed": report.reconstructed, "unit_code": report.root.code,
            "unit_name": report.root.name, "notes": list(report.notes),
            "tables": [{"key": t.key, "title": t.title, "note": t.note,
                        "columns": [{"key": c.key, "label": c.label, "group": c.group} for c in t.columns],
                        "rows": [{"stt": row.stt, "label": row.label, "unit_code": row.unit_code, "level": row.level,
                                  "kind": row.kind, "values": list(row.values)} for row in t.rows]}
                       for t in report.tables]}
