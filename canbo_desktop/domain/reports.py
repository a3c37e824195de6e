"""Reports on the whole organisation tree: the targets dashboard and the statistics tables (pure data).

The database counts people per unit (``db/reports.py``, GROUP BY in SQL); everything here works on those
counts. A unit's figure is the sum over its subtree of the *counts* — numerators and denominators are
summed, percentages are computed once from the sums, never averaged (two units at 1/2 and 1/10 make
2/12 = 16,67%, not the 30% an average of 50% and 10% would say).

Statistics tables are laid out as the personnel offices report upward: one row per unit (its whole
subtree), a column per breakdown, a total row (biểu "số lượng, chất lượng cán bộ, công chức", after the
layout of biểu BM02/BNV of TT 11/2012/TT-BNV — not checked against the original text [U]).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property
from operator import add
from typing import NamedTuple, TypeVar

from canbo_desktop.domain.dates import format_date

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------- tree


@dataclass(frozen=True)
class UnitNode:
    """A unit of the organisation tree as the reports need it (``path`` is the materialised path)."""

    id: str
    code: str
    name: str
    parent_id: str | None
    path: str
    depth: int
    sort_order: int = 0
    geo_code: str = ""  # administrative code (QĐ 19/2025); a 2-digit one names a province


def tree_order(units: Iterable[UnitNode], root_id: str) -> list[UnitNode]:
    """The subtree of ``root_id`` in display order: each unit followed by its children (by sort order,
    then code). Units whose parent is outside the list are ignored unless they are the root."""
    children: dict[str | None, list[UnitNode]] = {}
    by_id: dict[str, UnitNode] = {}
    for u in units:
        by_id[u.id] = u
        children.setdefault(u.parent_id, []).append(u)
    for kids in children.values():
        kids.sort(key=lambda u: (u.sort_order, u.code, u.name))
    root = by_id.get(root_id)
    if root is None:
        return []
    out: list[UnitNode] = []
    stack = [root]
    while stack:
        u = stack.pop()
        out.append(u)
        stack.extend(reversed(children.get(u.id, [])))
    return out


def roll_up(units: Sequence[UnitNode], direct: Mapping[str, T], zero: T, add: Callable[[T, T], T]) -> dict[str, T]:
    """Subtree totals: for every unit, ``direct`` of the unit plus that of every unit below it (units
    missing from ``direct`` count as ``zero``). Sums counts; it never averages ratios."""
    total: dict[str, T] = {u.id: direct.get(u.id, zero) for u in units}
    for u in sorted(units, key=lambda x: x.depth, reverse=True):
        if u.parent_id is not None and u.parent_id in total:
            total[u.parent_id] = add(total[u.parent_id], total[u.id])
    return total


# ---------------------------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class IndicatorInfo:
    """One indicator of the ``targets`` rule in force on the report's date."""

    code: str
    name: str
    threshold: float | None  # percent; None: informational
    comparison: str  # ">=" | "<="
    deadline: date | None
    source: str
    note: str
    sensitive: bool = False  # its filters read ethnicity or religion: the people behind it are sensitive data


@dataclass(frozen=True)
class TargetCount:
    """Counts for one indicator in one unit (or subtree): people meeting the numerator, people in the
    denominator, denominator members whose numerator is unknown (missing data: not counted as meeting
    it), and people left out because their denominator is unknown."""

    numerator: int = 0
    denominator: int = 0
    unknown: int = 0
    excluded: int = 0

    def __add__(self, other: TargetCount) -> TargetCount:
        return TargetCount(self.numerator + other.numerator, self.denominator + other.denominator,
                           self.unknown + other.unknown, self.excluded + other.excluded)


class TargetRow(NamedTuple):
    """One indicator for one unit and its whole subtree, as the dashboard shows it (a named tuple: a
    province's dashboard has 3,000 units × 7 indicators of them, several times cheaper than dataclasses)."""

    indicator: str
    name: str
    unit_id: str
    unit_code: str
    unit_name: str
    level: int  # 0 for the report's root unit, 1 for its children…
    numerator: int
    denominator: int
    unknown: int
    excluded: int
    value: float | None  # percent with 2 decimals; None when the denominator is empty
    threshold: float | None
    comparison: str
    deadline: date | None
    met: bool | None  # None: informational, or nobody in the denominator
    overdue: bool  # not met and the deadline has passed

    @property
    def ratio(self) -> Fraction | None:
        """The exact share (numerator / denominator), for exports that must not round twice."""
        return Fraction(self.numerator, self.denominator) if self.denominator else None

    @property
    def message(self) -> str:
        """The sentence under the number: "3/20 = 15%: đạt (chỉ tiêu ≥ 15% đến 31/12/2025)." …"""
        n, d = self.numerator, self.denominator
        if not d:
            message = "Không có đối tượng thuộc mẫu số."
        else:
            message = f"{n}/{d} = {percent_text(Fraction(n * 100, d))}"
            if self.threshold is None:
                message += " (chỉ tiêu theo dõi, không có ngưỡng)."
            else:
                sign = "≥" if self.comparison == ">=" else "≤"
                target = f"chỉ tiêu {sign} {percent_text(self.threshold)}"
                if self.deadline is not None:
                    target += f" đến {format_date(self.deadline)}"
                message += f": {'đạt' if self.met else 'chưa đạt'} ({target})."
                if self.overdue:
                    message += " Đã quá hạn."
        if self.unknown:
            message += f" {self.unknown} người thiếu dữ liệu, chưa tính vào tử số."
        if self.excluded:
            message += f" {self.excluded} người thiếu dữ liệu để xác định mẫu số, chưa tính."
        return message


def percent_text(f: Fraction | float) -> str:
    """15,38% (two decimals at most, Vietnamese decimal comma)."""
    text = f"{float(f):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def verdict(met: bool | None, threshold: float | None) -> str:
    """The word for the result column: Đạt / Chưa đạt / Theo dõi (no threshold) / — (no one)."""
    if threshold is None:
        return "Theo dõi"
    if met is None:
        return "—"
    return "Đạt" if met else "Chưa đạt"


def target_row(ind: IndicatorInfo, unit: UnitNode, level: int, count: TargetCount, on: date) -> TargetRow:
    """The figure of ``ind`` for ``unit`` from its (summed) counts, judged against the threshold exactly
    (in whole numbers, not rounded floats): the row a :class:`TargetsReport` makes."""
    report = TargetsReport(at=on, reconstructed=False, root=unit, units=(unit,), indicators=(ind,),
                           totals={unit.id: pack_counts([ind], {ind.code: count})})
    return report.row(unit.id, ind.code)._replace(level=level)


# per indicator, what its rows need: (code, name, threshold, comparison, deadline, overdue possible on the
# report's date, "≥" (else "≤"), 100·t.den, t.num) with t the threshold as an exact fraction
_Plan = tuple[str, str, float | None, str, date | None, bool, bool, int, int]


@dataclass(frozen=True)
class TargetsReport:
    """Every indicator for a unit and every unit below it (rows in tree order, indicators in rule order).

    The rows are made when asked for: the dashboard shows a few units at a time and asks for their cells
    (:meth:`row`), so a province's 3,000 units × 7 indicators are not all built for a screen that shows
    twenty (issue 13); :attr:`rows` makes them all, once (exports, tables)."""

    at: date
    reconstructed: bool  # True: the state on ``at`` was rebuilt from the history (a past date)
    root: UnitNode
    units: tuple[UnitNode, ...]  # display order, the root first
    indicators: tuple[IndicatorInfo, ...]
    totals: Mapping[str, Sequence[int]] = field(repr=False)  # unit id → subtree counts (pack_counts layout)
    legal_source: str = ""
    notes: tuple[str, ...] = ()

    @cached_property
    def _plan(self) -> list[_Plan]:
        plan: list[_Plan] = []
        for ind in self.indicators:
            t = None if ind.threshold is None else Fraction(str(ind.threshold))
            plan.append((ind.code, ind.name, ind.threshold, ind.comparison, ind.deadline,
                         ind.deadline is not None and self.at > ind.deadline, ind.comparison == ">=",
                         0 if t is None else 100 * t.denominator, 0 if t is None else t.numerator))
        return plan

    @cached_property
    def _positions(self) -> tuple[dict[str, UnitNode], dict[str, int]]:
        return {u.id: u for u in self.units}, {ind.code: k for k, ind in enumerate(self.indicators)}

    def _rows_of(self, u: UnitNode, plans: Iterable[tuple[int, _Plan]]) -> list[TargetRow]:
        v = self.totals[u.id]
        level = u.depth - self.root.depth
        uid, ucode, uname = u.id, u.code, u.name
        new_row = tuple.__new__  # TargetRow(...) without its keyword-argument __new__: 21,000 rows on a province
        out: list[TargetRow] = []
        for k, (code, name, threshold, comparison, deadline, late, at_least, scale, tnum) in plans:
            n, d = v[4 * k], v[4 * k + 1]
            met: bool | None = None
            if d and threshold is not None:
                # n/d against t/100 in whole numbers (never a rounded float): 100·t.den·n ≥ t.num·d
                met = scale * n >= tnum * d if at_least else scale * n <= tnum * d
            out.append(new_row(TargetRow, (code, name, uid, ucode, uname, level, n, d, v[4 * k + 2], v[4 * k + 3],
                                           round(n * 100 / d, 2) if d else None, threshold, comparison, deadline,
                                           met, late and met is False)))
        return out

    @cached_property
    def rows(self) -> tuple[TargetRow, ...]:
        """Every row: the units in display order, each with its indicators in rule order."""
        plans = list(enumerate(self._plan))
        return tuple(row for u in self.units for row in self._rows_of(u, plans))

    def row(self, unit_id: str, indicator: str) -> TargetRow:
        """The row of one unit and indicator (KeyError when the unit or the indicator is not in the report)."""
        units, indicators = self._positions
        k = indicators[indicator]
        return self._rows_of(units[unit_id], [(k, self._plan[k])])[0]

    def for_unit(self, unit_id: str) -> list[TargetRow]:
        """The rows of one unit, indicators in rule order (none when the unit is not in the report)."""
        unit = self._positions[0].get(unit_id)
        return [] if unit is None else self._rows_of(unit, list(enumerate(self._plan)))

    def for_indicator(self, code: str, *, max_level: int | None = None) -> list[TargetRow]:
        return [r for r in self.rows if r.indicator == code and (max_level is None or r.level <= max_level)]


def pack_counts(indicators: Sequence[IndicatorInfo], per: Mapping[str, TargetCount]) -> list[int]:
    """One unit's counts as the flat list :func:`build_targets_report` reads: numerator, denominator,
    unknown, excluded for each indicator in order."""
    out: list[int] = []
    for ind in indicators:
        c = per.get(ind.code) or TargetCount()
        out += [c.numerator, c.denominator, c.unknown, c.excluded]
    return out


def build_targets_report(at: date, reconstructed: bool, root: UnitNode, units: Sequence[UnitNode],
                         indicators: Sequence[IndicatorInfo], direct: Mapping[str, Sequence[int]], *,
                         max_level: int | None = None, legal_source: str = "",
                         notes: Sequence[str] = ()) -> TargetsReport:
    """Roll the per-unit counts up the tree for the subtree of ``root``, ``max_level`` levels deep (all when
    None); the report makes one row per (unit, indicator) from these totals when asked. ``direct[unit_id]``
    holds the counts of the people attached to that unit itself, packed as :func:`pack_counts` does."""
    ordered = tree_order(units, root.id)
    width = 4 * len(indicators)
    zero = [0] * width
    # roll_up() for these flat lists, without its sort: in reverse display order every unit comes after all
    # the units below it, so its total is complete when it is added to its parent's
    totals: dict[str, Sequence[int]] = {u.id: direct.get(u.id, zero) for u in ordered}
    for u in reversed(ordered[1:]):
        below, parent = totals[u.id], totals[u.parent_id or ""]
        if len(below) != width or len(parent) != width:
            raise ValueError("counts of a unit do not match the indicators")
        totals[u.parent_id or ""] = list(map(add, parent, below))
    shown = tuple(u for u in ordered if max_level is None or u.depth - root.depth <= max_level)
    return TargetsReport(at=at, reconstructed=reconstructed, root=root, units=shown, indicators=tuple(indicators),
                         totals=totals, legal_source=legal_source, notes=tuple(notes))


@dataclass(frozen=True)
class TrendPoint:
    """The indicators of one unit (subtree) on one date of the trend."""

    on: date
    rows: tuple[TargetRow, ...]

    def value(self, indicator: str) -> float | None:
        for r in self.rows:
            if r.indicator == indicator:
                return r.value
        return None


def trend_dates(at: date, years: int) -> list[date]:
    """31/12 of each of the ``years`` years before ``at``'s year, then ``at`` itself."""
    return [date(y, 12, 31) for y in range(at.year - years, at.year)] + [at]


# ---------------------------------------------------------------------------------------------- statistics

# Age bands of the quantity-and-quality form (age in completed years on the report's date): (key, label,
# lowest age, highest age or None).
AGE_BANDS: tuple[tuple[str, str, int, int | None], ...] = (
    ("le_30", "Từ 30 trở xuống", 0, 30),
    ("31_40", "Từ 31 đến 40", 31, 40),
    ("41_50", "Từ 41 đến 50", 41, 50),
    ("51_60", "Từ 51 đến 60", 51, 60),
    ("tren_60", "Trên 60", 61, None),
)
NOT_RECORDED = ""  # the value key of "not recorded" in every breakdown

# Civil-service grade classes (salary class prefix of the grade) → the form's grade columns.
GRADE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cvcc", "Chuyên viên cao cấp và tương đương", ("A3",)),
    ("cvc", "Chuyên viên chính và tương đương", ("A2",)),
    ("cv", "Chuyên viên và tương đương", ("A1",)),
    ("cs", "Cán sự và tương đương", ("A0",)),
    ("nv", "Nhân viên", ("B", "C")),
)


def grade_group(salary_class: str) -> str:
    """The form's grade column of a salary class ("A2.1" → "cvc"); "" for a class outside the civil-service
    scale (commune cadres paid by post, grades not recorded)."""
    cls = salary_class.strip().upper()
    for key, _label, prefixes in GRADE_GROUPS:
        if any(cls == p or cls.startswith(p + ".") or (len(p) == 1 and cls.startswith(p) and cls[1:2] in ("", "."))
               for p in prefixes):
            return key
    return ""


# The form's qualification columns: (key, label, codes of the code list counted there).
EDUCATION_COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ts", "Tiến sĩ", ("tien_si", "tien_si_khoa_hoc")),
    ("ths", "Thạc sĩ", ("thac_si",)),
    ("dh", "Đại học", ("dai_hoc",)),
    ("cd", "Cao đẳng", ("cao_dang",)),
    ("tc", "Trung cấp", ("trung_cap",)),
    ("sc", "Sơ cấp", ("so_cap",)),
)
POLITICAL_COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cn", "Cử nhân", ("cu_nhan",)),
    ("cc", "Cao cấp", ("cao_cap",)),
    ("tc", "Trung cấp", ("trung_cap",)),
    ("sc", "Sơ cấp", ("so_cap",)),
)
STATE_MGMT_COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cvcc", "Chuyên viên cao cấp", ("chuyen_vien_cao_cap",)),
    ("cvc", "Chuyên viên chính", ("chuyen_vien_chinh",)),
    ("cv", "Chuyên viên", ("chuyen_vien",)),
    ("cs", "Cán sự", ("can_su",)),
)
MAJORITY_ETHNICITIES = ("01", "55")  # Kinh, and foreigners: not an ethnic minority (as the targets count)
NO_RELIGION = "khong"

# Breakdown dimensions counted by the database: key → title of its detail table.
DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("sex", "Giới tính"),
    ("age", "Độ tuổi"),
    ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"),
    ("category", "Loại cán bộ"),
    ("grade", "Ngạch công chức"),
    ("education", "Trình độ chuyên môn"),
    ("political", "Lý luận chính trị"),
    ("state_mgmt", "Quản lý nhà nước"),
    ("party", "Đảng viên"),
)

Counts = dict[str, int]  # "total", and "dimension:value" → people


def add_counts(a: Counts, b: Counts) -> Counts:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


@dataclass(frozen=True)
class StatColumn:
    key: str
    label: str
    group: str = ""  # the spanning header above it ("" = the label spans both header rows)


@dataclass(frozen=True)
class StatRow:
    stt: str  # running number shown in the STT column ("" for the total row)
    label: str
    unit_id: str | None
    unit_code: str
    level: int  # indentation (0: the root's children and the total row)
    kind: str  # "unit" | "direct" (people attached to the unit above itself) | "total"
    values: tuple[int, ...]


@dataclass(frozen=True)
class StatTable:
    key: str
    title: str
    columns: tuple[StatColumn, ...]
    rows: tuple[StatRow, ...]
    note: str = ""

    def column(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    def total(self) -> StatRow:
        return next(r for r in self.rows if r.kind == "total")

    def value(self, row: StatRow, key: str) -> int:
        return row.values[self.column(key)]


@dataclass(frozen=True)
class StatisticsReport:
    at: date
    reconstructed: bool
    root: UnitNode
    tables: tuple[StatTable, ...]
    notes: tuple[str, ...] = ()

    def table(self, key: str) -> StatTable:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)


# Breakdowns that are sensitive personal data (ethnic group, religion): shown only to a user allowed to see
# them; the columns of the quantity-and-quality table drawn from them go with them.
SENSITIVE_TABLES = frozenset({"ethnicity", "religion"})
SENSITIVE_COLUMNS = frozenset({"minority", "religion"})
MASKED_TEXT = "Không có quyền xem"


def without_sensitive(report: StatisticsReport) -> StatisticsReport:
    """The report without the sensitive breakdowns (:data:`SENSITIVE_TABLES`) and without the columns of the
    other tables that are counted from them, for a user who may not see them (screen and exports alike)."""
    tables: list[StatTable] = []
    for t in report.tables:
        if t.key in SENSITIVE_TABLES:
            continue
        keep = [i for i, c in enumerate(t.columns) if c.key not in SENSITIVE_COLUMNS]
        if len(keep) < len(t.columns):
            t = StatTable(t.key, t.title, tuple(t.columns[i] for i in keep),
                          tuple(StatRow(row.stt, row.label, row.unit_id, row.unit_code, row.level, row.kind,
                                        tuple(row.values[i] for i in keep)) for row in t.rows),
                          (t.note + " " if t.note else "") + f"Cột dân tộc thiểu số, tôn giáo: {MASKED_TEXT.lower()}.")
        tables.append(t)
    return StatisticsReport(at=report.at, reconstructed=report.reconstructed, root=report.root, tables=tuple(tables),
                            notes=report.notes)


def number_text(n: int) -> str:
    """12.345 (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class CodeLabels:
    """Names of the codes a breakdown may meet, in the order of their lists (rank, then code)."""

    lists: Mapping[str, Sequence[tuple[str, str]]]  # dimension → [(code, name)]
    grade_classes: Mapping[str, str] = field(default_factory=dict)  # grade code → salary class


def _row_plan(units: Sequence[UnitNode], root: UnitNode, depth: int,
              direct_total: Mapping[str, int]) -> list[tuple[str, str, UnitNode, int, str]]:
    """(stt, label, unit, level, kind) of the rows: the root's children ``depth`` levels down, each with
    its subtree; where a shown unit has people attached to itself as well as shown children, a row
    "trực tiếp tại …" so that the rows under a unit add up to it."""
    children: dict[str, list[UnitNode]] = {}
    for u in units:
        if u.parent_id is not None:
            children.setdefault(u.parent_id, []).append(u)
    for kids in children.values():
        kids.sort(key=lambda x: (x.sort_order, x.code, x.name))
    plan: list[tuple[str, str, UnitNode, int, str]] = []

    def walk(parent: UnitNode, level: int, prefix: str) -> None:
        kids = children.get(parent.id, [])
        n = 0
        for k in kids:
            n += 1
            stt = f"{prefix}{n}"
            plan.append((stt, k.name, k, level, "unit"))
            if level + 1 < depth and children.get(k.id):
                walk(k, level + 1, stt + ".")
        if kids and direct_total.get(parent.id, 0):
            n += 1
            plan.append((f"{prefix}{n}", f"Trực tiếp tại {parent.name}", parent, level, "direct"))

    walk(root, 0, "")
    return plan


def build_statistics(at: date, reconstructed: bool, root: UnitNode, units: Sequence[UnitNode],
                     direct: Mapping[str, Counts], labels: CodeLabels, *, depth: int = 1,
                     notes: Sequence[str] = ()) -> StatisticsReport:
    """The statistics tables of ``root``'s subtree from the per-unit counts (people attached to each unit
    itself): the quantity-and-quality form, then one detail table per breakdown."""
    ordered = tree_order(units, root.id)
    totals = _roll_up_counts(ordered, direct)
    plan = _row_plan(ordered, root, max(1, depth), {u: c.get("total", 0) for u, c in direct.items()})

    def counts_of(unit: UnitNode, kind: str) -> Counts:
        return dict(direct.get(unit.id, {})) if kind == "direct" else totals.get(unit.id, {})

    tables = [_quality_table(plan, counts_of, root, totals.get(root.id, {}), labels)]
    for dim, title in DIMENSIONS:
        tables.append(_detail_table(dim, title, plan, counts_of, root, totals.get(root.id, {}), labels))
    return StatisticsReport(at=at, reconstructed=reconstructed, root=root, tables=tuple(tables), notes=tuple(notes))


def _roll_up_counts(ordered: Sequence[UnitNode], direct: Mapping[str, Counts]) -> dict[str, Counts]:
    """:func:`roll_up` with :func:`add_counts` (the same totals), adding in place: each unit with people
    below it gets one dict of its own that its children are added into, instead of a new dict per addition
    (3,000 units of ~60 counters on a province). ``ordered``: parents before children (:func:`tree_order`)."""
    ids = {u.id for u in ordered}
    below: dict[str, Counts] = {}  # unit id → the sum of its children's totals (a dict of our own)
    totals: dict[str, Counts] = {}
    for u in reversed(ordered):  # every child before its parent
        own = direct.get(u.id, {})
        total = below.pop(u.id, None)
        if total is None:
            total = own  # shared with ``direct``: never added into
        else:
            for k, v in own.items():
                total[k] = total.get(k, 0) + v
        totals[u.id] = total
        parent = u.parent_id
        if parent is not None and parent in ids:
            acc = below.get(parent)
            if acc is None:
                below[parent] = dict(total)
            else:
                for k, v in total.items():
                    acc[k] = acc.get(k, 0) + v
    return totals


def _rows(plan: Sequence[tuple[str, str, UnitNode, int, str]], counts_of: Callable[[UnitNode, str], Counts],
          root: UnitNode, root_counts: Counts, values: Callable[[Counts], tuple[int, ...]]) -> tuple[StatRow, ...]:
    rows = [StatRow(stt, label, u.id, u.code, level, kind, values(counts_of(u, kind))) for stt, label, u, level, kind
            in plan]
    rows.append(StatRow("", "Tổng cộng", root.id, root.code, 0, "total", values(root_counts)))
    return tuple(rows)


def _sum(c: Counts, dim: str, codes: Iterable[str]) -> int:
    return sum(c.get(f"{dim}:{code}", 0) for code in codes)


def _grade_groups(c: Counts, labels: CodeLabels) -> dict[str, int]:
    out: dict[str, int] = {}
    prefix = "grade:"
    for k, v in c.items():
        if k.startswith(prefix):
            g = grade_group(labels.grade_classes.get(k[len(prefix):], ""))
            out[g] = out.get(g, 0) + v
    return out


def _quality_table(plan: Sequence[tuple[str, str, UnitNode, int, str]], counts_of: Callable[[UnitNode, str], Counts],
                   root: UnitNode, root_counts: Counts, labels: CodeLabels) -> StatTable:
    cols: list[StatColumn] = [StatColumn("total", "Tổng số")]
    group = "Trong đó"
    cols += [StatColumn("female", "Nữ", group), StatColumn("party", "Đảng viên", group),
             StatColumn("minority", "Dân tộc thiểu số", group), StatColumn("religion", "Tôn giáo", group)]
    cols += [StatColumn(f"grade_{k}", label, "Chia theo ngạch") for k, label, _p in GRADE_GROUPS]
    cols += [StatColumn(f"edu_{k}", label, "Trình độ chuyên môn") for k, label, _c in EDUCATION_COLUMNS]
    cols += [StatColumn(f"pol_{k}", label, "Lý luận chính trị") for k, label, _c in POLITICAL_COLUMNS]
    cols += [StatColumn(f"qlnn_{k}", label, "Quản lý nhà nước") for k, label, _c in STATE_MGMT_COLUMNS]
    cols += [StatColumn(f"age_{k}", label, "Chia theo độ tuổi") for k, label, _lo, _hi in AGE_BANDS]

    def values(c: Counts) -> tuple[int, ...]:
        total = c.get("total", 0)
        # as the targets count them: any recorded code but Kinh and foreigners is a minority
        minority = total - _sum(c, "ethnicity", MAJORITY_ETHNICITIES) - c.get("ethnicity:", 0)
        religious = total - c.get(f"religion:{NO_RELIGION}", 0) - c.get("religion:", 0)
        grades = _grade_groups(c, labels)
        out = [total, c.get("sex:F", 0), c.get("party:yes", 0), minority, religious]
        out += [grades.get(k, 0) for k, _l, _p in GRADE_GROUPS]
        out += [_sum(c, "education", codes) for _k, _l, codes in EDUCATION_COLUMNS]
        out += [_sum(c, "political", codes) for _k, _l, codes in POLITICAL_COLUMNS]
        out += [_sum(c, "state_mgmt", codes) for _k, _l, codes in STATE_MGMT_COLUMNS]
        out += [c.get(f"age:{k}", 0) for k, _l, _lo, _hi in AGE_BANDS]
        return tuple(out)

    note = ("Bố cục theo biểu BM02/BNV (TT 11/2012/TT-BNV; chưa đối chiếu văn bản gốc). Các cột trình độ chỉ tính "
            "các bậc được nêu; người chưa ghi hoặc chưa qua đào tạo có ở các bảng chi tiết. Dân tộc thiểu số: mã khác "
            "01 (Kinh) và 55 (người nước ngoài). Độ tuổi tính bằng số năm tròn tại ngày báo cáo; cột tin học, ngoại "
            "ngữ của biểu không có vì hồ sơ ghi các mục này dạng chữ tự do.")
    return StatTable("so_luong_chat_luong", "Báo cáo số lượng, chất lượng cán bộ, công chức", tuple(cols),
                     _rows(plan, counts_of, root, root_counts, values), note)


# Breakdowns whose every value gets a column even when nobody has it (short lists a clerk compares
# between reports); the long lists (54 ethnic groups, religions) show only the values someone has.
_FIXED_DIMENSIONS = frozenset({"sex", "age", "category", "grade", "education", "political", "state_mgmt", "party"})


def _detail_table(dim: str, title: str, plan: Sequence[tuple[str, str, UnitNode, int, str]],
                  counts_of: Callable[[UnitNode, str], Counts], root: UnitNode, root_counts: Counts,
                  labels: CodeLabels) -> StatTable:
    """One breakdown: a column per value, then "Khác" (a code outside the list) and "Chưa ghi" when someone
    is in them; the columns of a row add up to its total."""
    if dim == "age":
        values_: list[tuple[str, str]] = [(k, label) for k, label, _lo, _hi in AGE_BANDS]
    elif dim == "sex":
        values_ = [("M", "Nam"), ("F", "Nữ")]
    elif dim == "party":
        values_ = [("yes", "Đảng viên"), ("no", "Chưa là đảng viên")]
    elif dim == "grade":
        values_ = [(k, label) for k, label, _p in GRADE_GROUPS]
    else:
        values_ = list(labels.lists.get(dim, ()))

    def full(c: Counts) -> list[int]:
        total = c.get("total", 0)
        unrecorded = c.get(f"{dim}:", 0)
        if dim == "grade":
            groups = _grade_groups(c, labels)
            shown = [groups.get(k, 0) for k, _l, _p in GRADE_GROUPS]
        else:
            shown = [c.get(f"{dim}:{code}", 0) for code, _n in values_]
        other = total - sum(shown) - unrecorded
        return [total, *shown, other, unrecorded]

    root_full = full(root_counts)
    cols = [StatColumn("total", "Tổng số")]
    cols += [StatColumn(f"v:{code}", name, title) for code, name in values_]
    cols += [StatColumn("other", "Khác (theo chức vụ, chưa xếp ngạch)" if dim == "grade" else "Khác", title),
             StatColumn("not_recorded", "Chưa ghi", title)]
    keep = [i for i, col in enumerate(cols)
            if i == 0 or root_full[i] or (dim in _FIXED_DIMENSIONS and col.key.startswith("v:"))]

    def values(c: Counts) -> tuple[int, ...]:
        v = full(c)
        return tuple(v[i] for i in keep)

    return StatTable(dim, f"Thống kê theo {title[0].lower() + title[1:]}", tuple(cols[i] for i in keep),
                     _rows(plan, counts_of, root, root_counts, values))
