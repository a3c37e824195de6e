"""What is due: the reminders of the home screen, computed from facts and the rules in force.

Each reminder names the person, the date that matters and why, so that the clerk can open the
record and act. The lead times (6 and 3 months before retirement, 90 working days before a term
ends…) come from the rule book, never from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from canbo_desktop.domain.dates import add_months, format_date
from canbo_desktop.domain.errors import CanboError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.facts import PersonFacts
from canbo_desktop.domain.rules.retirement import retirement
from canbo_desktop.domain.rules.salary import next_regular_raise
from canbo_desktop.domain.rules.terms import reappointment_notice_date, retirement_notice_dates
from canbo_desktop.domain.rules.votes import assess_vote
from canbo_desktop.i18n import translate

KINDS: dict[str, str] = {
    "retirement_decision": "Nghỉ hưu trong 3 tháng: ra quyết định nghỉ hưu",
    "retirement_notice": "Nghỉ hưu trong 6 tháng: thông báo nghỉ hưu",
    "term_ending": "Hết thời hạn bổ nhiệm trong 90 ngày làm việc",
    "salary_raise": "Nâng bậc lương thường xuyên đến hạn trong quý",
    "evaluation_missing": "Chưa có kết quả đánh giá năm trước",
    "weak_performer": "Cần thay thế, không chờ hết nhiệm kỳ",
    "dossier_incomplete": "Hồ sơ chưa đủ để lập hồ sơ bổ nhiệm",
}


def kind_label(kind: str) -> str:
    """The name of a reminder kind in the current language (``KINDS`` holds the Vietnamese wording)."""
    labels = {
        "retirement_decision": translate("domain.rules.reminders", "Retiring within 3 months: issue the retirement decision"),
        "retirement_notice": translate("domain.rules.reminders", "Retiring within 6 months: announce the retirement"),
        "term_ending": translate("domain.rules.reminders", "Appointment term ending within 90 working days"),
        "salary_raise": translate("domain.rules.reminders", "Regular salary raise due this quarter"),
        "evaluation_missing": translate("domain.rules.reminders", "No evaluation result for last year"),
        "weak_performer": translate("domain.rules.reminders", "To be replaced without waiting for the end of the term"),
        "dossier_incomplete": translate("domain.rules.reminders", "Record not complete enough for an appointment dossier"),
    }
    return labels.get(kind, KINDS.get(kind, kind))
SEVERE = {"retirement_decision", "weak_performer"}


@dataclass(frozen=True)
class Reminder:
    kind: str
    cadre_id: str
    full_name: str
    due: date | None
    detail: str

    @property
    def title(self) -> str:
        return KINDS[self.kind]


@dataclass
class ReminderReport:
    at: date
    items: list[Reminder] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[Reminder]]:
        out: dict[str, list[Reminder]] = {k: [] for k in KINDS}
        for r in self.items:
            out[r.kind].append(r)
        for rows in out.values():
            rows.sort(key=lambda r: (r.due or date.max, r.full_name))
        return out

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.by_kind().items()}


def quarter_bounds(at: date) -> tuple[date, date]:
    q = (at.month - 1) // 3
    start = date(at.year, 3 * q + 1, 1)
    return start, add_months(start, 3) - (date(2000, 1, 2) - date(2000, 1, 1))


def compute_reminders(people: Iterable[PersonFacts], at: date, book: RuleBook) -> ReminderReport:
    """Every reminder for ``people`` on ``at``. A person whose facts a rule cannot use (no birth date,
    no grade) gets no reminder from that rule rather than a wrong one."""
    report = ReminderReport(at)
    add = report.items.append
    # A province asks the same questions thousands of times: the retirement date depends only on sex and
    # the month of birth, the notice dates only on the date they count back from.
    retire_memo: dict[tuple[str, int, int], date | None] = {}
    notice_memo: dict[date, tuple[date, date]] = {}
    term_memo: dict[date, date] = {}
    # N working days never span more than 2N + 60 calendar days (weekends, Tết): a term ending later
    # cannot be due for its notice yet, and the working-day calendar need not be asked
    try:
        notice_days = int(book.params("appointment_term", at).get("reappointment_notice_working_days", 90))
    except (CanboError, TypeError, ValueError):
        notice_days = 90
    term_horizon = timedelta(days=2 * notice_days + 60)

    def retirement_date(p: PersonFacts) -> date | None:
        assert p.birth_date is not None
        born = p.birth_date if p.birth_precision == "day" else date(p.birth_date.year, 1, 1) \
            if p.birth_precision == "year" else p.birth_date.replace(day=1)
        key = (p.sex, born.year, born.month)
        if key not in retire_memo:
            try:
                retire_memo[key] = retirement(p.sex, born, "day", book).retirement_date
            except CanboError:
                retire_memo[key] = None
        return retire_memo[key]

    q_start, q_end = quarter_bounds(at)
    last_year = at.year - 1
    for p in people:
        retire_on: date | None = None
        if p.birth_date is not None and p.sex in ("M", "F"):
            retire_on = retirement_date(p)
        if retire_on is not None and retire_on >= at:
            if retire_on not in notice_memo:
                notice_memo[retire_on] = tuple(retirement_notice_dates(retire_on, book))  # type: ignore[assignment]
            notice_on, decision_on = notice_memo[retire_on]
            if decision_on <= at:
                if decision_on < at:
                    text = translate("domain.rules.reminders", "Retires from {retire_on}; the decision must be issued before {decision_on} (overdue).")
                else:
                    text = translate("domain.rules.reminders", "Retires from {retire_on}; the decision must be issued before {decision_on}.")
                add(Reminder("retirement_decision", p.cadre_id, p.full_name, retire_on,
                             text.format(retire_on=format_date(retire_on), decision_on=format_date(decision_on))))
            elif notice_on <= at:
                add(Reminder("retirement_notice", p.cadre_id, p.full_name, retire_on,
                             translate("domain.rules.reminders", "Retires from {retire_on}; notify before {notice_on}.").format(retire_on=format_date(retire_on), notice_on=format_date(notice_on))))
        if p.term_end_date is not None and at <= p.term_end_date <= at + term_horizon:
            if p.term_end_date not in term_memo:
                try:
                    term_memo[p.term_end_date] = reappointment_notice_date(p.term_end_date, book)
                except CanboError:  # no working-day calendar for that year: nothing can be said
                    term_memo[p.term_end_date] = date.max
            notice = term_memo[p.term_end_date]
            if notice <= at:
                until_retire = retire_on is not None and retire_on <= p.term_end_date
                add(Reminder("term_ending", p.cadre_id, p.full_name, p.term_end_date,
                             (translate("domain.rules.reminders", "The term in the post ends on {term_end} (retirement age reached)")
                              if until_retire else
                              translate("domain.rules.reminders", "The term in the post ends on {term_end}; announce the review for reappointment from {notice}.")
                              ).format(term_end=format_date(p.term_end_date), notice=format_date(notice))))
        if p.grade_code and p.salary_step and p.salary_step_date:
            try:
                raise_ = next_regular_raise(p, book)
            except CanboError:
                raise_ = None
            due = raise_.due_date if raise_ is not None else None
            if raise_ is not None and due is not None and due <= q_end and (retire_on is None or due <= retire_on):
                text = raise_.summary
                if due < q_start:
                    text = translate("domain.rules.reminders", "{summary} (overdue)").format(summary=text)
                add(Reminder("salary_raise", p.cadre_id, p.full_name, due, text))
        evaluated = {e.year: e for e in p.evaluations}
        served_last_year = p.recruitment_date is None or p.recruitment_date <= date(last_year, 6, 30)
        if last_year not in evaluated and served_last_year:
            # fewer than 6 months worked in the year is "not rated" (ND 48/2023), still a result to record
            add(Reminder("evaluation_missing", p.cadre_id, p.full_name, date(last_year, 12, 31),
                         translate("domain.rules.reminders", "The evaluation result for {last_year} has not been entered.").format(last_year=last_year)))
        # two years running, the later one among the last two evaluated years: an old pair that the person
        # has since recovered from is history, not a reason to replace them now
        years = sorted(y for y, e in evaluated.items() if e.level == "khong_hoan_thanh")
        pairs = [(a, b) for a, b in zip(years, years[1:], strict=False) if b - a == 1 and b >= last_year - 1]
        if pairs:
            pair = pairs[-1]
            add(Reminder("weak_performer", p.cadre_id, p.full_name, None,
                         translate("domain.rules.reminders", "Did not complete the tasks two years in a row ({first} and {second}).").format(first=pair[0], second=pair[1])))
        else:
            for vote in p.votes:
                try:
                    outcome = assess_vote(vote, book)
                except CanboError:
                    continue
                if outcome.dismiss and outcome.quorum_ok is not False:
                    add(Reminder("weak_performer", p.cadre_id, p.full_name, None,
                                 translate("domain.rules.reminders", "Low confidence from 2/3 of the votes (year {year}): dismiss without waiting for the end of the term.").format(year=vote.year)))
                    break
        if p.title_code or any(pl.removed_on is None for pl in p.planning):
            missing = _dossier_gaps(p, at)
            if missing:
                add(Reminder("dossier_incomplete", p.cadre_id, p.full_name, None,
                             translate("domain.rules.reminders", "Missing: {items}.").format(items="; ".join(missing))))
    return report


def _dossier_gaps(p: PersonFacts, at: date) -> list[str]:
    gaps = []
    newest: dict[str, date] = {}
    for doc in p.documents:
        if doc.doc_date is not None and (doc.kind not in newest or doc.doc_date > newest[doc.kind]):
            newest[doc.kind] = doc.doc_date
    if "ke_khai_tai_san" not in newest or newest["ke_khai_tai_san"].year < at.year - 1:
        gaps.append(translate("domain.rules.reminders", "the latest declaration of assets and income"))
    if "giay_kham_suc_khoe" not in newest or add_months(newest["giay_kham_suc_khoe"], 6) < at:
        gaps.append(translate("domain.rules.reminders", "a health certificate from the last 6 months"))
    if p.photo_date is None or add_months(p.photo_date, 6) < at:
        gaps.append(translate("domain.rules.reminders", "a 4×6 photo taken in the last 6 months"))
    if p.birth_precision != "day":
        gaps.append(translate("domain.rules.reminders", "the full date of birth"))
    return gaps
