"""Training: courses (khoá đào tạo, bồi dưỡng), the people enrolled, completion with the certificate,
and the knowledge-update training of leaders.

Enrolling a person adds a line to their CV training table (2C item 27) linked to the course, so the CV,
the dossiers and the targets read it like any other training line. The line has no end date until the
person completes the course; completion writes the end date, the certificate and the level.

How training feeds the qualification standards (the rule chosen): a course's kind (``training_kind``)
names, in its code-list data, the code list of its levels (``ly_luan_chinh_tri`` → ``political_theory``,
``quan_ly_nha_nuoc`` → ``state_mgmt``, ``chuyen_mon`` → ``education_level``). The course's level is the one
its certificate states (``domain.workflow.resolve_level``: "Trung cấp lý luận chính trị – hành chính" →
Trung cấp). When a person completes a course whose level is known, their qualification field of that list
is RAISED to it if the level ranks above what the record holds (or the record holds nothing known);
training never lowers a qualification, and courses of other kinds (language, IT, knowledge updates…) change
no field. The targets then count the person through the field (political theory ≥ trung cấp…) and through
the completed line (knowledge-update training within the period).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from canbo_desktop.db import access
from canbo_desktop.db import models as m
from canbo_desktop.db.facts import FactsRepository
from canbo_desktop.db.repositories import CadreRepository
from canbo_desktop.db.uow import UnitOfWork, UowFactory
from canbo_desktop.db.workflow import CodeListRepository, TrainingRepository
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.access import AccessDenied
from canbo_desktop.domain.cadre import ListFilter
from canbo_desktop.domain.changes import ChangeSet
from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import PermissionDenied, ValidationError
from canbo_desktop.domain.text import clean_line
from canbo_desktop.i18n import translate
from canbo_desktop.services.rules import rule_book

DEFAULT_UPDATE_MONTHS = 60
UPDATE_SETTING = "update_training_months"


def _need(role: str) -> None:
    if role not in w.ENTRY_ROLES:
        raise PermissionDenied(translate("services.training", "Only an officer, the head of office or an "
                                         "administrator may update training."))


class _Kinds:
    """The training kinds with their labels and the code list of their levels."""

    def __init__(self, uow: UnitOfWork) -> None:
        codes = CodeListRepository(uow.session)
        self.repo = codes
        self.items = {r.code: r for r in codes.items("training_kind")}

    def label(self, kind: str) -> str:
        r = self.items.get(kind)
        return r.name if r is not None else kind

    def level_list(self, kind: str) -> str:
        r = self.items.get(kind)
        extra = (r.extra or {}) if r is not None else {}
        v = extra.get("level_list")
        return str(v) if isinstance(v, str) else ""

    def levels(self, kind: str) -> list[w.LevelItem]:
        lst = self.level_list(kind)
        return self.repo.level_items(lst) if lst else []


def _level_of(kinds: _Kinds, kind: str, certificate: str) -> w.LevelItem | None:
    items = kinds.levels(kind)
    return w.resolve_level(certificate, items) if items and certificate else None


def _view(kinds: _Kinds, c: m.TrainingCourseRecord, enrolments: Sequence[w.Enrolment]) -> w.CourseView:
    level = _level_of(kinds, c.kind, c.certificate)
    lst = kinds.level_list(c.kind)
    return w.CourseView(c.id, c.name, c.kind, kinds.label(c.kind), c.organiser, c.start_date, c.end_date,
                        c.certificate, lst, level.code if level else "", level.name if level else "",
                        w.QUALIFICATION_FIELDS.get(lst, "") if level else "", tuple(enrolments))


def create_course(uowf: UowFactory, course: w.CourseInput, *, role: str) -> tuple[str, ChangeSet]:
    """Create a course. ``kind`` is a ``training_kind`` code; ``certificate`` what it awards. A ``level_code``
    (of the kind's level list) may be given: the certificate then defaults to the level's name, and a
    certificate text that states another level is refused. Returns (course id, changes)."""
    _need(role)
    name, organiser, certificate = clean_line(course.name), clean_line(course.organiser), clean_line(course.certificate)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = translate("services.training", "Enter the name of the training course.")
    if course.start_date and course.end_date and course.end_date < course.start_date:
        errors["end_date"] = translate("services.training", "The end date is before the start date.")
    with uowf() as uow:
        kinds = _Kinds(uow)
        if course.kind not in kinds.items:
            errors["kind"] = translate("services.training", "Choose the kind of training.")
        elif course.level_code:
            items = {i.code: i for i in kinds.levels(course.kind)}
            chosen = items.get(course.level_code)
            if chosen is None:
                errors["level_code"] = translate("services.training", "The level «{level}» does not belong to the "
                                                 "kind «{kind}».").format(level=course.level_code,
                                                                          kind=kinds.label(course.kind))
            elif not certificate:
                certificate = chosen.name
            else:
                stated = w.resolve_level(certificate, list(items.values()))
                if stated is not None and stated.code != chosen.code:
                    errors["certificate"] = translate("services.training", "The certificate «{certificate}» states "
                                                      "the level «{stated}», not the chosen level «{chosen}»."
                                                      ).format(certificate=certificate, stated=stated.name,
                                                               chosen=chosen.name)
                elif stated is None:
                    certificate = f"{certificate} ({chosen.name})"
        if errors:
            raise ValidationError(translate("services.training", "The course could not be created: {problems}"
                                            ).format(problems=" ".join(errors.values())), errors)
        rec = m.TrainingCourseRecord(name=name, kind=course.kind, organiser=organiser, start_date=course.start_date,
                                     end_date=course.end_date, certificate=certificate)
        uow.session.add(rec)
        uow.session.flush()
        cid = rec.id
        return cid, uow.commit()


def list_courses(uowf: UowFactory, *, kind: str | None = None) -> list[w.CourseView]:
    """Every course (of ``kind``), latest first, with the people enrolled — as the user's organisation scope
    allows: only the people of the user's subtree, and no course whose people are all of other units."""
    with uowf() as uow:
        repo = TrainingRepository(uow.session)
        courses = repo.courses(kind=kind)
        hidden = repo.outside_scope([c.id for c in courses])
        courses = [c for c in courses if c.id not in hidden]
        enrolled = repo.enrolments([c.id for c in courses])
        kinds = _Kinds(uow)
        return [_view(kinds, c, enrolled.get(c.id, ())) for c in courses]


def course_view(uowf: UowFactory, course_id: str) -> w.CourseView:
    """One course with its people (completed or not) and the level its certificate states. Only the people
    of the user's subtree are shown; a course whose people are all of other units is refused."""
    with uowf() as uow:
        repo = TrainingRepository(uow.session)
        c = repo.course_record(course_id)
        if repo.outside_scope([course_id]):
            scope = access.session_principal(uow.session).scope_name
            if scope:
                raise AccessDenied(translate("services.training", "You may not view the course «{name}»: its people "
                                             "all belong to other units, outside your scope ({scope}).").format(
                    name=c.name, scope=scope))
            raise AccessDenied(translate("services.training", "You may not view the course «{name}»: its people all "
                                         "belong to other units.").format(name=c.name))
        return _view(_Kinds(uow), c, repo.enrolments([course_id]).get(course_id, ()))


def _partial(d: date | None) -> str:
    return "" if d is None else f"{d.year:04d}-{d.month:02d}"


def enrol(uowf: UowFactory, course_id: str, cadre_ids: Sequence[str], *, role: str) -> ChangeSet:
    """Enrol people in a course: one line of each CV's training table, linked to the course, without an
    end date until completion. A person already enrolled is refused (with the names)."""
    _need(role)
    if not cadre_ids:
        raise ValidationError(translate("services.training", "No people chosen."),
                              {"cadre_ids": translate("services.training", "empty")})
    with uowf() as uow:
        repo = TrainingRepository(uow.session)
        c = repo.course_record(course_id)
        cadres = CadreRepository(uow.session)
        records = {cid: cadres.record(cid) for cid in dict.fromkeys(cadre_ids)}
        already = repo.enrolled_ids(course_id)
        twice = [records[cid].full_name for cid in records if cid in already]
        if twice:
            raise ValidationError(translate("services.training", "Already in the course: {names}.").format(
                names=", ".join(twice)), {"cadre_ids": translate("services.training", "already there")})
        positions = repo.next_positions(list(records))
        mode = "boi_duong" if c.kind in w.SHORT_COURSE_KINDS else ""
        for cid in records:
            uow.session.add(m.TrainingRecord(cadre_id=cid, course_id=c.id, school=c.organiser, major=c.name,
                                             kind=c.kind, from_date=_partial(c.start_date), to_date="", mode=mode,
                                             certificate="", level_code="", position=positions.get(cid, 0)))
        uow.audit("training.enrol", "training_course", c.id, {"people": len(records)})
        return uow.commit()


def complete_training(uowf: UowFactory, training_ids: Sequence[str], completed_on: date, *, role: str,
                      certificate: str | None = None) -> ChangeSet:
    """Mark enrolments completed on ``completed_on`` with the certificate (the course's by default). The
    line gets its end date, certificate and level; the person's qualification is raised when the course's
    level says so (see the module docstring)."""
    _need(role)
    if completed_on is None:
        raise ValidationError(translate("services.training", "Enter the completion date."),
                              {"completed_on": translate("services.training", "required")})
    with uowf() as uow:
        repo = TrainingRepository(uow.session)
        kinds = _Kinds(uow)
        cadres = CadreRepository(uow.session)
        raised: list[dict[str, str]] = []
        courses: set[str] = set()
        for tid in dict.fromkeys(training_ids):
            t = repo.training_record(tid)
            if t.course_id is None:
                raise ValidationError(translate("services.training", "This training line belongs to no course: edit it in "
                                                "the person's record."))
            c = repo.course_record(t.course_id)
            courses.add(c.id)
            if c.start_date is not None and completed_on < c.start_date:
                raise ValidationError(translate("services.training", "The completion date is before the start of "
                                                "the course «{name}».").format(name=c.name),
                                      {"completed_on": translate("services.training", "before the start date")})
            cert = clean_line(certificate) if certificate is not None else c.certificate
            level = _level_of(kinds, c.kind, cert) or _level_of(kinds, c.kind, c.certificate)
            t.to_date = completed_on.isoformat()
            t.certificate = cert
            t.level_code = level.code if level else ""
            lst = kinds.level_list(c.kind)
            fieldname = w.QUALIFICATION_FIELDS.get(lst)
            if level is None or fieldname is None:
                continue
            person = cadres.record(t.cadre_id)
            ranks = {i.code: i.rank for i in kinds.levels(c.kind)}
            current = str(getattr(person, fieldname) or "")
            if current not in ranks or ranks[level.code] > ranks[current]:
                setattr(person, fieldname, level.code)
                raised.append({"cadre_id": person.id, "field": fieldname, "old": current, "new": level.code})
        for course_id in sorted(courses):
            uow.audit("training.complete", "training_course", course_id,
                      {"completed_on": completed_on.isoformat(), "people": len(training_ids), "raised": raised})
        return uow.commit()


def withdraw(uowf: UowFactory, training_id: str, *, role: str) -> ChangeSet:
    """Take a person out of a course they have not completed (the line leaves the CV)."""
    _need(role)
    with uowf() as uow:
        t = TrainingRepository(uow.session).training_record(training_id)
        if t.course_id is None:
            raise ValidationError(translate("services.training", "This training line belongs to no course: edit it in "
                                            "the person's record."))
        if t.to_date:
            raise ValidationError(translate("services.training", "This person has completed the course: they cannot "
                                            "be withdrawn."))
        t.deleted = True
        return uow.commit()


def _update_months(uow: UnitOfWork, default: int) -> int:
    s = uow.session.get(m.SettingRecord, UPDATE_SETTING)
    v = s.value if s is not None else None
    return v if isinstance(v, int) and not isinstance(v, bool) and v > 0 else default


def _targets_default(uowf: UowFactory, on: date) -> int:
    """The period of the knowledge-update target (rule ``targets``), or 60 months."""
    v = rule_book(uowf).find("targets", on)
    for ind in (v.params.get("indicators") or []) if v is not None else []:
        if isinstance(ind, Mapping) and isinstance(ind.get("numerator"), Mapping):
            num = ind["numerator"]
            if num.get("trained") == w.UPDATE_TRAINING_KIND and isinstance(num.get("within_months"), Mapping):
                d = num["within_months"].get("default")
                if isinstance(d, int) and not isinstance(d, bool) and d > 0:
                    return d
    return DEFAULT_UPDATE_MONTHS


def leaders_update_training(uowf: UowFactory, on: date, *, unit_path: str | None = None,
                            months: int | None = None, only_due: bool = False) -> list[w.LeaderTraining]:
    """Every active leader (title marked as leadership in the ``titles`` list) of the subtree with the end
    of their latest knowledge-update training (``cap_nhat_kien_thuc``) completed by ``on``; ``due`` when there
    is none within ``months`` (the setting ``update_training_months``, else the target's period, 60)."""
    default = months or _targets_default(uowf, on)
    with uowf() as uow:
        period = months or _update_months(uow, default)
        leaders = CodeListRepository(uow.session).leader_titles()
        people = [p for p in FactsRepository(uow.session).people(ListFilter(unit_path=unit_path))
                  if p.title_code in leaders]
        repo = TrainingRepository(uow.session)
        units = repo.unit_names()
        extra = repo.positions_and_sort_keys([p.cadre_id for p in people])
    people.sort(key=lambda p: (extra.get(p.cadre_id, ("", ""))[1], p.cadre_id))
    since = add_months(on, -period)
    out = []
    for p in people:
        done = [t.to_date for t in p.trainings if t.kind == w.UPDATE_TRAINING_KIND and t.to_date is not None
                and t.to_date <= on]
        last = max(done) if done else None
        due = last is None or last < since
        if only_due and not due:
            continue
        out.append(w.LeaderTraining(p.cadre_id, p.full_name, str(extra.get(p.cadre_id, ("", ""))[0] or ""),
                                    units.get(p.unit_id, ""), last, due))
    return out
