"""Appointment eligibility (điều kiện bổ nhiệm): every condition checked, none hidden behind a boolean.

``check_eligibility`` returns one :class:`RuleResult` per condition of the rule ``appointment_conditions``
(QĐ 80-QĐ/TW Đ.18, mirrored by the state decrees): title standards (education, political theory, state
management, compared by code-list rank), planning, time in the current post, age for a full term,
discipline ban, evaluation history and the dated dossier documents. Each result says pass / fail /
unknown with a Vietnamese reason quoting the dates and numbers used, and its legal source. A missing
fact gives "unknown", never "fail".

Conventions (document them to the users, they are interpretations):

* The kind of appointment comes from the person's current title: none (or a non-leader title) → first
  appointment; otherwise higher / equal / lower by the titles' ``rank``. Which conditions apply to which
  kind is data (``applies_to``); a condition that does not apply is reported as passed with
  ``applicable=False``.
* Month periods are counted like :func:`canbo_desktop.domain.dates.age_on`: a month is complete on the same
  day of the month. So 24 months in post started 01/03/2024 are complete on 01/03/2026, and a 12-month
  ban from a decision of 01/03/2025 is over on 01/03/2026 (still in force on 28/02/2026).
* ``retirement_date`` is the last day of service (NĐ 135/2020: end of the last day of the month of
  reaching the age), computed by the caller. A full term of N months from ``on`` needs service through
  ``add_months(on, N) - 1 day``.
* Planning entries are taken as they are (the term text is not interpreted); an entry removed on or
  before ``on`` does not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from canbo_desktop.domain.dates import add_months, age_on, format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook, param_int, param_list, param_map, param_str
from canbo_desktop.domain.rules.facts import DocumentFact, PersonFacts
from canbo_desktop.i18n import translate

RULE_KEY = "appointment_conditions"

Status = Literal["pass", "fail", "unknown", "overridden"]
PASS: Status = "pass"
FAIL: Status = "fail"
UNKNOWN: Status = "unknown"
OVERRIDDEN: Status = "overridden"

APPOINTMENT_KINDS = ("first", "higher", "equal", "lower")

# Rule codes, in report order (documents follow, with the codes given in the rule data).
STANDARD_RULES = ("tieu_chuan_chuyen_mon", "tieu_chuan_llct", "tieu_chuan_qlnn")
RULE_PLANNING = "quy_hoach"
RULE_TIME_IN_POST = "thoi_gian_giu_chuc_vu"
RULE_AGE = "tuoi_bo_nhiem"
RULE_DISCIPLINE = "thoi_han_ky_luat"
RULE_EVALUATION = "ket_qua_danh_gia"

SPECIAL_CASE_TEXT = "Trường hợp đặc biệt đã được cấp có thẩm quyền đồng ý"


def _not_applicable(kind: str) -> str:
    """Why a condition does not apply to this kind of appointment."""
    texts = {
        "first": translate("domain.rules.eligibility", "Does not apply to a first appointment to a leadership or management post."),
        "higher": translate("domain.rules.eligibility", "Does not apply to an appointment to a higher post."),
        "equal": translate("domain.rules.eligibility", "Does not apply to an appointment to an equivalent post."),
        "lower": translate("domain.rules.eligibility", "Does not apply to an appointment to a lower post."),
        "unknown": translate("domain.rules.eligibility", "Does not apply when the kind of appointment cannot be determined."),
    }
    return texts[kind]


@dataclass(frozen=True)
class TitleInfo:
    """A leadership title from the ``titles`` code list. ``standards`` maps ``education_min``,
    ``political_theory_min``, ``state_mgmt_min`` (or any key named by the rule data) to a level code, or
    ``None`` for no requirement."""

    code: str
    name: str
    rank: int
    is_leader: bool = True
    key_leader: bool = False
    level: str = ""
    standards: Mapping[str, str | None] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class RuleResult:
    """One condition: its status, a Vietnamese reason with the figures used, and the legal source."""

    code: str
    name: str
    status: Status
    reason: str
    legal_source: str = ""
    applicable: bool = True
    override_reference: str = ""


@dataclass(frozen=True)
class EligibilityReport:
    cadre_id: str
    title_code: str
    on: date
    appointment_kind: str  # first | higher | equal | lower | unknown
    results: tuple[RuleResult, ...]
    overall: Status  # fail if any fails, unknown if any unknown, else pass ("overridden" counts as met)
    rule_valid_from: date
    legal_source: str

    @property
    def failed(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.status == FAIL)

    @property
    def unknown(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.status == UNKNOWN)

    @property
    def overridden(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.status == OVERRIDDEN)

    def result(self, code: str) -> RuleResult:
        for r in self.results:
            if r.code == code:
                return r
        raise KeyError(code)


# ---------------------------------------------------------------------------------------------------
# Code-list helpers (the caller reads the JSON; these only shape it)


def rank_map_from_codelist(doc: Mapping[str, Any]) -> dict[str, int]:
    """``{code: rank}`` from a parsed code-list document (``{"items": [{"code", "rank"}]}``)."""
    out: dict[str, int] = {}
    for item in _items(doc):
        rank = item.get("rank")
        if isinstance(rank, int) and not isinstance(rank, bool):
            out[str(item["code"])] = rank
    return out


def labels_from_codelist(doc: Mapping[str, Any]) -> dict[str, str]:
    """``{code: name}`` from a parsed code-list document, for the reasons' wording."""
    return {str(i["code"]): str(i.get("name") or i["code"]) for i in _items(doc)}


def title_infos_from_codelist(doc: Mapping[str, Any]) -> dict[str, TitleInfo]:
    """``{code: TitleInfo}`` from the parsed ``titles`` code list (all items, expired ones too: planning
    and history may name them)."""
    out: dict[str, TitleInfo] = {}
    for item in _items(doc):
        code = str(item["code"])
        rank = item.get("rank")
        if not isinstance(rank, int) or isinstance(rank, bool):
            raise ValidationError(translate("domain.rules.eligibility", "Title «{code}»: the rank «rank» is missing.").format(code=code))
        raw = item.get("standards") or {}
        if not isinstance(raw, Mapping):
            raise ValidationError(translate("domain.rules.eligibility", "Title «{code}»: the standards «standards» have the wrong format.").format(code=code))
        standards = {str(k): (None if v is None else str(v)) for k, v in raw.items()}
        out[code] = TitleInfo(
            code=code,
            name=str(item.get("name") or code),
            rank=rank,
            is_leader=bool(item.get("is_leader", True)),
            key_leader=bool(item.get("key_leader", False)),
            level=str(item.get("level") or ""),
            standards=standards,
        )
    return out


def _items(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    items = doc.get("items")
    if not isinstance(items, list):
        raise ValidationError(translate("domain.rules.eligibility", "The code list lacks the list «items»."))
    out = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("code"), str):
            raise ValidationError(translate("domain.rules.eligibility", "The code list has an item in the wrong format (no «code»)."))
        out.append(item)
    return out


# ---------------------------------------------------------------------------------------------------
# Parameter access (the rule data is edited by admins: every malformed value is a Vietnamese error)


# ---------------------------------------------------------------------------------------------------


def months_completed(start: date, on: date) -> int:
    """Completed months from ``start`` to ``on`` (negative when ``on`` is before ``start``)."""
    if on < start:
        y, m = age_on(on, start)
        return -(y * 12 + m)
    y, m = age_on(start, on)
    return y * 12 + m


def appointment_kind(person: PersonFacts, title: TitleInfo, titles: Mapping[str, TitleInfo]) -> str:
    """first | higher | equal | lower from the person's current title, or unknown when that title is not
    in the code list."""
    current_code = person.title_code
    if not current_code:
        return "first"
    current = titles.get(current_code)
    if current is None:
        return "unknown"
    if not current.is_leader:
        return "first"
    if title.rank > current.rank:
        return "higher"
    if title.rank == current.rank:
        return "equal"
    return "lower"


class _Checker:
    def __init__(
        self,
        person: PersonFacts,
        title: TitleInfo,
        on: date,
        params: Mapping[str, Any],
        default_source: str,
        kind: str,
        titles: Mapping[str, TitleInfo],
        ranks: Mapping[str, Mapping[str, int]],
        labels: Mapping[str, str],
    ) -> None:
        self.person = person
        self.title = title
        self.on = on
        self.params = params
        self.default_source = default_source
        self.kind = kind
        self.titles = titles
        self.ranks = ranks
        self.labels = labels
        self.sources = param_map(params, "legal_sources", RULE_KEY)
        self.applies_to = param_map(params, "applies_to", RULE_KEY)

    def label(self, code: str) -> str:
        return self.labels.get(code, code)

    def source(self, code: str) -> str:
        v = self.sources.get(code)
        return str(v) if v else self.default_source

    def result(
        self, code: str, name: str, status: Status, reason: str, source: str | None = None
    ) -> RuleResult:
        return RuleResult(code, name, status, reason, self.source(code) if source is None else source)

    def applicable(self, code: str, name: str, source: str | None = None) -> RuleResult | None:
        """``None`` when the condition applies; otherwise the result to report instead."""
        kinds = self.applies_to.get(code)
        if kinds is None:
            return None
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise ValidationError(
                translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: «applies_to.{code}» must be a list of appointment kinds.").format(RULE_KEY=RULE_KEY, code=code)
            )
        if set(APPOINTMENT_KINDS) <= set(kinds):
            return None
        src = self.source(code) if source is None else source
        if self.kind == "unknown":
            return RuleResult(
                code,
                name,
                UNKNOWN,
                translate("domain.rules.eligibility", "The current position «{title_code}» is not in the list of titles, so whether this condition applies cannot be determined.").format(title_code=self.person.title_code),
                src,
            )
        if self.kind in kinds:
            return None
        return RuleResult(
            code,
            name,
            PASS,
            _not_applicable(self.kind),
            src,
            applicable=False,
        )

    # -- conditions ---------------------------------------------------------------------------------

    def standards(self) -> list[RuleResult]:
        specs = param_list(self.params, "standards", RULE_KEY)
        out = []
        for spec in specs:
            if not isinstance(spec, Mapping):
                raise ValidationError(translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: the item «standards» has the wrong format.").format(RULE_KEY=RULE_KEY))
            code = param_str(spec, "code", RULE_KEY)
            name = param_str(spec, "name", RULE_KEY)
            title_key = param_str(spec, "title_key", RULE_KEY)
            person_field = param_str(spec, "person_field", RULE_KEY)
            rank_list = param_str(spec, "rank_list", RULE_KEY)
            na = self.applicable(code, name)
            if na is not None:
                out.append(na)
                continue
            required = self.title.standards.get(title_key)
            if not required:
                out.append(
                    self.result(
                        code, name, PASS, translate("domain.rules.eligibility", "Title «{name}» does not set this standard.").format(name=self.title.name)
                    )
                )
                continue
            ranks = self.ranks.get(rank_list)
            if not ranks or required not in ranks:
                out.append(
                    self.result(
                        code,
                        name,
                        UNKNOWN,
                        translate("domain.rules.eligibility", "The level «{required}» has no rank in the code list «{rank_list}».").format(required=self.label(required), rank_list=rank_list),
                    )
                )
                continue
            have = getattr(self.person, person_field, None)
            if not isinstance(have, str) or not have:
                out.append(
                    self.result(
                        code,
                        name,
                        UNKNOWN,
                        translate("domain.rules.eligibility", "The record does not give {standard}; «{required}» or higher is required.").format(standard=name.lower(), required=self.label(required)),
                    )
                )
                continue
            if have not in ranks:
                out.append(
                    self.result(
                        code,
                        name,
                        UNKNOWN,
                        translate("domain.rules.eligibility", "The level «{have}» in the record is not in the code list «{rank_list}».").format(have=have, rank_list=rank_list),
                    )
                )
                continue
            ok = ranks[have] >= ranks[required]
            out.append(
                self.result(
                    code,
                    name,
                    PASS if ok else FAIL,
                    (translate("domain.rules.eligibility", "Has «{have}», «{required}» or higher required.") if ok
                     else translate("domain.rules.eligibility", "Has «{have}», «{required}» or higher required – not met."))
                    .format(have=self.label(have), required=self.label(required)),
                )
            )
        return out

    def planning(self) -> RuleResult:
        code, name = RULE_PLANNING, "Quy hoạch"  # i18n: data
        na = self.applicable(code, name)
        if na is not None:
            return na
        active = [p for p in self.person.planning if p.removed_on is None or p.removed_on > self.on]
        unknown_titles = []
        for p in active:
            t = self.titles.get(p.title_code)
            if t is None:
                unknown_titles.append(p.title_code)
                continue
            if t.rank >= self.title.rank:
                if t.code == self.title.code:
                    text = (translate("domain.rules.eligibility", "In the planning for this title, term {term}.") if p.term
                            else translate("domain.rules.eligibility", "In the planning for this title."))
                else:
                    text = (translate("domain.rules.eligibility", "In the planning for the equivalent/higher title «{title}», term {term}.")
                            if p.term else
                            translate("domain.rules.eligibility", "In the planning for the equivalent/higher title «{title}»."))
                return self.result(code, name, PASS, text.format(title=t.name, term=p.term))
        if unknown_titles:
            return self.result(
                code,
                name,
                UNKNOWN,
                translate("domain.rules.eligibility", "In the planning for titles not in the code list ({titles}), which cannot be compared with the title of the appointment.")
                .format(titles=", ".join(sorted(set(unknown_titles)))),
            )
        removed = len(self.person.planning) - len(active)
        if removed:
            text = translate("domain.rules.eligibility", "Not in the planning for the title «{title}» or an equivalent or higher title ({removed} planning entries were removed from the planning).")
        else:
            text = translate("domain.rules.eligibility", "Not in the planning for the title «{title}» or an equivalent or higher title.")
        return self.result(code, name, FAIL, text.format(title=self.title.name, removed=removed))

    def time_in_post(self) -> RuleResult:
        code, name = RULE_TIME_IN_POST, "Thời gian giữ chức vụ hiện tại"  # i18n: data
        na = self.applicable(code, name)
        if na is not None:
            return na
        need = param_int(self.params.get("months_in_post"), RULE_KEY, "months_in_post")
        start = self.person.position_start_date
        if start is None:
            return self.result(code, name, UNKNOWN, translate("domain.rules.eligibility", "The record does not give the start date of the current position."))
        have = months_completed(start, self.on)
        ok = have >= need
        full_on = add_months(start, need)
        return self.result(
            code,
            name,
            PASS if ok else FAIL,
            (translate("domain.rules.eligibility", "In the post since {start}, {months} months by {on}; at least {need} months required.")
             if ok else
             translate("domain.rules.eligibility", "In the post since {start}, {months} months by {on}; at least {need} months required (reached on {full_on}).")
             ).format(start=format_date(start), on=format_date(self.on), months=max(have, 0), need=need,
                      full_on=format_date(full_on)),
        )

    def age(self, retirement_date: date | None) -> RuleResult:
        code, name = RULE_AGE, "Tuổi bổ nhiệm (đủ một nhiệm kỳ)"  # i18n: data
        na = self.applicable(code, name)
        if na is not None:
            return na
        months = param_int(self.params.get("full_term_months"), RULE_KEY, "full_term_months")
        if retirement_date is None:
            return self.result(
                code, name, UNKNOWN, translate("domain.rules.eligibility", "The retirement date cannot be determined (date of birth or sex missing).")
            )
        last_needed = add_months(self.on, months) - timedelta(days=1)
        ok = retirement_date >= last_needed
        return self.result(
            code,
            name,
            PASS if ok else FAIL,
            (translate("domain.rules.eligibility", "Retirement date {retirement}; a term of {months} months from {on} needs service until the end of {last} – enough.")
             if ok else
             translate("domain.rules.eligibility", "Retirement date {retirement}; a term of {months} months from {on} needs service until the end of {last} – not enough.")
             ).format(retirement=format_date(retirement_date), months=months, on=format_date(self.on),
                      last=format_date(last_needed)),
        )

    def discipline(self) -> RuleResult:
        code, name = RULE_DISCIPLINE, "Thời hạn không bổ nhiệm do kỷ luật"  # i18n: data
        na = self.applicable(code, name)
        if na is not None:
            return na
        bans = param_map(self.params, "discipline_ban_months", RULE_KEY)
        bars = param_list(self.params, "discipline_permanent_bar", RULE_KEY)
        failing: list[str] = []
        unknown: list[str] = []
        passed: list[str] = []
        for d in sorted(self.person.disciplines, key=lambda x: x.decided_on):
            if d.decided_on > self.on:
                continue
            form = self.label(d.form_code)
            if d.form_code in bars:
                failing.append(translate("domain.rules.eligibility", "{form} on {decided_on} (no time limit applies)").format(
                    form=form, decided_on=format_date(d.decided_on)))
                continue
            if d.form_code not in bans:
                unknown.append(translate("domain.rules.eligibility", "the form «{form}» on {decided_on} has no period in the rules yet")
                               .format(form=form, decided_on=format_date(d.decided_on)))
                continue
            months = bans[d.form_code]
            if months is None:
                unknown.append(translate("domain.rules.eligibility", "the form «{form}» on {decided_on} has no period in the rules yet")
                               .format(form=form, decided_on=format_date(d.decided_on)))
                continue
            if not isinstance(months, int) or isinstance(months, bool) or months < 0:
                raise ValidationError(
                    translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: the period of the form «{form_code}» must be a number of months (an integer).").format(RULE_KEY=RULE_KEY, form_code=d.form_code)
                )
            ends = add_months(d.decided_on, months)
            text = translate("domain.rules.eligibility", "{form} on {decided_on}: {months} months, ending on {ends}").format(
                form=form, decided_on=format_date(d.decided_on), months=months, ends=format_date(ends))
            (failing if self.on < ends else passed).append(text)
        if failing:
            return self.result(code, name, FAIL, translate("domain.rules.eligibility", "Still within the period: {items}.").format(
                items="; ".join(failing)))
        if unknown:
            return self.result(code, name, UNKNOWN, translate("domain.rules.eligibility", "Cannot be determined: {items}.").format(
                items="; ".join(unknown)))
        if passed:
            return self.result(code, name, PASS, translate("domain.rules.eligibility", "The period has ended: {items}.").format(
                items="; ".join(passed)))
        return self.result(code, name, PASS, translate("domain.rules.eligibility", "No discipline."))

    def evaluation(self) -> RuleResult:
        code, name = RULE_EVALUATION, "Kết quả đánh giá, xếp loại"  # i18n: data
        na = self.applicable(code, name)
        if na is not None:
            return na
        years_n = param_int(self.params.get("evaluation_years"), RULE_KEY, "evaluation_years")
        min_level = param_str(self.params, "evaluation_min_level", RULE_KEY)
        not_rated = set(param_list(self.params, "evaluation_not_rated_levels", RULE_KEY))
        if years_n == 0:
            return self.result(code, name, PASS, translate("domain.rules.eligibility", "The rules do not require an evaluation result."))
        ranks = self.ranks.get("evaluation_level")
        if not ranks or min_level not in ranks:
            return self.result(
                code,
                name,
                UNKNOWN,
                translate("domain.rules.eligibility", "The level «{min_level}» has no rank in the list of evaluation levels.").format(min_level=self.label(min_level)),
            )
        by_year = {e.year: e for e in self.person.evaluations}
        years = list(range(self.on.year - 1, self.on.year - 1 - years_n, -1))
        low: list[str] = []
        missing: list[str] = []
        seen: list[str] = []
        for y in years:
            e = by_year.get(y)
            if e is None:
                missing.append(str(y))
            elif e.level in not_rated:
                seen.append(translate("domain.rules.eligibility", "{year}: {level} (not counted)").format(year=y, level=self.label(e.level)))
            elif e.level not in ranks:
                missing.append(translate("domain.rules.eligibility", "{year} (level «{level}» is not in the code list)").format(
                    year=y, level=e.level))
            else:
                seen.append(f"{y}: {self.label(e.level)}")
                if ranks[e.level] < ranks[min_level]:
                    low.append(f"{y}: {self.label(e.level)}")
        need = translate("domain.rules.eligibility", "the last {years} years at «{level}» or higher are required").format(
            years=years_n, level=self.label(min_level))
        if low:
            return self.result(code, name, FAIL, translate("domain.rules.eligibility", "Not met ({need}): {items}.").format(
                need=need, items="; ".join(low)))
        if missing:
            return self.result(code, name, UNKNOWN, translate("domain.rules.eligibility", "No result yet for year {missing} ({need}).").format(missing=', '.join(missing), need=need))
        return self.result(code, name, PASS, translate("domain.rules.eligibility", "{items} ({need}).").format(
            items="; ".join(seen), need=need))

    def documents(self) -> list[RuleResult]:
        out = []
        for spec in param_list(self.params, "documents", RULE_KEY):
            if not isinstance(spec, Mapping):
                raise ValidationError(translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: the item «documents» has the wrong format.").format(RULE_KEY=RULE_KEY))
            code = param_str(spec, "code", RULE_KEY)
            name = param_str(spec, "name", RULE_KEY)
            src = str(spec.get("legal_source") or "") or self.source(code)
            na = self.applicable(code, name, src)
            if na is not None:
                out.append(na)
                continue
            max_age = spec.get("max_age_months")
            if max_age is not None and (
                not isinstance(max_age, int) or isinstance(max_age, bool) or max_age < 0
            ):
                raise ValidationError(
                    translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: «max_age_months» of «{code}» must be a number of months.").format(RULE_KEY=RULE_KEY, code=code)
                )
            person_field = spec.get("person_field")
            kind = spec.get("document_kind")
            dated: list[date] = []
            undated = False
            if isinstance(person_field, str) and person_field:
                v = getattr(self.person, person_field, None)
                if v is not None and not isinstance(v, date):
                    raise ValidationError(
                        translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: the field «{person_field}» is not a date.").format(RULE_KEY=RULE_KEY, person_field=person_field)
                    )
                if v is not None:
                    dated.append(v)
            elif isinstance(kind, str) and kind:
                docs: Iterable[DocumentFact] = (d for d in self.person.documents if d.kind == kind)
                for d in docs:
                    if d.doc_date is None:
                        undated = True
                    else:
                        dated.append(d.doc_date)
            else:
                raise ValidationError(
                    translate("domain.rules.eligibility", "Rule «{RULE_KEY}»: the document «{code}» needs «document_kind» or «person_field».").format(RULE_KEY=RULE_KEY, code=code)
                )
            out.append(self._document(code, name, src, max_age, dated, undated))
        return out

    def _document(
        self, code: str, name: str, src: str, max_age: int | None, dated: Sequence[date], undated: bool
    ) -> RuleResult:
        usable = [d for d in dated if d <= self.on]
        if not dated and not undated:
            return RuleResult(code, name, FAIL, translate("domain.rules.eligibility", "No {document} in the record yet.").format(document=name.lower()), src)
        if max_age is None:
            if usable or undated:
                if usable:
                    text = translate("domain.rules.eligibility", "The record has {document} (dated {dated}).")
                else:
                    text = translate("domain.rules.eligibility", "The record has {document}.")
                return RuleResult(code, name, PASS, text.format(document=name.lower(), dated=format_date(max(usable)) if usable else ""), src)
            return RuleResult(
                code,
                name,
                FAIL,
                translate("domain.rules.eligibility", "{name} is dated {dated}, after the date considered {on}.").format(name=name, dated=format_date(min(dated)), on=format_date(self.on)),
                src,
            )
        if not usable:
            if undated:
                return RuleResult(
                    code, name, UNKNOWN, translate("domain.rules.eligibility", "{name} has no date; it must be no older than {max_age} months.").format(name=name, max_age=max_age), src
                )
            return RuleResult(
                code,
                name,
                FAIL,
                translate("domain.rules.eligibility", "{name} is dated {dated}, after the date considered {on}.").format(name=name, dated=format_date(min(dated)), on=format_date(self.on)),
                src,
            )
        latest = max(usable)
        valid_until = add_months(latest, max_age)
        ok = self.on <= valid_until
        return RuleResult(
            code,
            name,
            PASS if ok else FAIL,
            (translate("domain.rules.eligibility", "{name} dated {latest}, valid until {valid_until} (no older than {max_age} months).")
             if ok else
             translate("domain.rules.eligibility", "{name} dated {latest}, valid until {valid_until} (no older than {max_age} months) – expired by the date considered {on}.")
             ).format(name=name, latest=format_date(latest), valid_until=format_date(valid_until), max_age=max_age,
                      on=format_date(self.on)),
            src,
        )


def check_eligibility(
    person: PersonFacts,
    title: TitleInfo,
    on: date,
    book: RuleBook,
    *,
    titles: Mapping[str, TitleInfo],
    retirement_date: date | None,
    ranks: Mapping[str, Mapping[str, int]],
    labels: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
) -> EligibilityReport:
    """Check every appointment condition for ``person`` to ``title`` on ``on`` (the expected appointment
    date), with the version of ``appointment_conditions`` in force on that date.

    ``ranks`` maps a code-list name (``education_level``, ``political_theory``, ``state_mgmt``,
    ``evaluation_level``) to ``{code: rank}``; ``labels`` maps codes to display names for the reasons;
    ``overrides`` maps a rule code to the reference of a special-case approval ("trường hợp đặc biệt đã
    được cấp có thẩm quyền đồng ý"), which turns that rule's failure into "overridden". An override for a
    code that is not in the report is an error (a typo must not pass silently).
    """
    version = book.version(RULE_KEY, on)
    params = version.params
    kind = appointment_kind(person, title, titles)
    c = _Checker(person, title, on, params, version.legal_source, kind, titles, ranks, labels or {})
    results: list[RuleResult] = []
    results.extend(c.standards())
    results.append(c.planning())
    results.append(c.time_in_post())
    results.append(c.age(retirement_date))
    results.append(c.discipline())
    results.append(c.evaluation())
    results.extend(c.documents())

    overrides = overrides or {}
    codes = {r.code for r in results}
    unknown_codes = sorted(set(overrides) - codes)
    if unknown_codes:
        raise ValidationError(
            translate("domain.rules.eligibility", "There is no appointment condition with the code {codes} to apply an exception to.")
            .format(codes=", ".join(f"«{x}»" for x in unknown_codes))
        )
    final: list[RuleResult] = []
    for r in results:
        ref = (overrides.get(r.code) or "").strip()
        if r.status == FAIL and ref:
            r = RuleResult(
                r.code,
                r.name,
                OVERRIDDEN,
                translate("domain.rules.eligibility", "{reason} Special case approved by the competent authority: {reference}.")
                .format(reason=r.reason, reference=ref),
                r.legal_source,
                r.applicable,
                override_reference=ref,
            )
        final.append(r)

    statuses = {r.status for r in final}
    overall: Status = FAIL if FAIL in statuses else UNKNOWN if UNKNOWN in statuses else PASS
    return EligibilityReport(
        cadre_id=person.cadre_id,
        title_code=title.code,
        on=on,
        appointment_kind=kind,
        results=tuple(final),
        overall=overall,
        rule_valid_from=version.valid_from,
        legal_source=version.legal_source,
    )
