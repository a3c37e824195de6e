"""The appointment dossier (hồ sơ bổ nhiệm, domain.md §3.4) of one procedure, as one PDF.

In order, each part a document of its own (page numbers restart, one bookmark each):

1. Tờ trình: the proposal to the appointing authority, with the result of every step.
2. For each step: the minutes of the conference (biên bản hội nghị) and, where ballots were cast, the
   ballot-count minutes (biên bản kiểm phiếu) with the percentages and the pass rule.
3. The CV (2C-BNV/2008 by default, 2C/TCTW-98 for Party-managed posts) with the photo.
4. The summary of the last three years' evaluation results.
5. The checklist of the ten required documents, with what is missing or out of date.
6. The draft decision (quyết định) of the authority: "Căn cứ…" lines, articles, signature, "Nơi nhận".

``load_dossier`` reads everything in one unit of work (and, when asked, takes the document numbers from
the per-issuer yearly counter in the same transaction); ``render_dossier`` only draws.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from canbo_desktop.db.documents import (
    ChecklistEntry,
    ProcedureInfo,
    StepInfo,
    UnitInfo,
    head_of_unit,
    last_evaluations,
    next_number,
    procedure_bundle,
    unit_chain,
)
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain import workflow as w
from canbo_desktop.domain.cadre import Evaluation
from canbo_desktop.domain.dates import add_months, format_date
from canbo_desktop.domain.errors import CanboError, ValidationError
from canbo_desktop.domain.text import upper
from canbo_desktop.i18n import translate, vietnamese_document
from canbo_desktop.services.pdf import nd30
from canbo_desktop.services.pdf.cv import FORMS, CvData, cv_from_session, cv_story
from canbo_desktop.services.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC
from canbo_desktop.services.pdf.layout import (
    Columns,
    Dots,
    Grid,
    Inline,
    T,
    VSpace,
    cell,
    clean,
    clean_block,
    para,
    text_tokens,
)
from canbo_desktop.services.rules import rule_book

BASIS_TEXT = {"convened": "tổng số người được triệu tập", "present": "tổng số người có mặt",
              "ballots_valid": "tổng số phiếu hợp lệ"}
VERBS = {"appointment": "bổ nhiệm", "bo_nhiem": "bổ nhiệm", "reappointment": "bổ nhiệm lại",
         "bo_nhiem_lai": "bổ nhiệm lại", "dismissal": "miễn nhiệm", "mien_nhiem": "miễn nhiệm"}
# The legal bases every appointment decision cites (domain.md §0, §3): the Law on cadres and civil
# servants 2025 and the decree on civil servants that replaced NĐ 138/2020. Dates are left out where the
# reference note does not give them; the clerk completes the draft.
LEGAL_BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;",
    "Căn cứ Nghị định số 170/2025/NĐ-CP của Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức;",
)
STATUS_LABELS = {"co": "Có", "kem_theo": "Kèm theo", "thieu": "Thiếu", "qua_han": "Quá hạn"}


# ------------------------------------------------------------------------------------------- data


@dataclass
class Org:
    """A body as it appears on a document: name, parent body, place, symbol, head post and holder."""

    unit_id: str
    name: str
    parent_body: str
    place: str
    symbol: str
    head_post: str
    head_name: str = ""


@dataclass
class StepView:
    """A step as printed; its verdicts come from ``domain.workflow.assess_step`` (the procedure screen's)."""

    step_no: int
    name: str
    held_on: date | None
    convened: int | None
    present: int | None
    ballots_issued: int | None
    ballots_returned: int | None
    ballots_valid: int | None
    agree: int | None
    disagree: int | None
    announced: bool
    minutes: str
    ballot: bool
    quorum_rule: bool
    threshold: Fraction | None
    quorum: Fraction = Fraction(2, 3)
    basis: str = "convened"  # convened | present | ballots_valid: what the agree share is counted on
    status: str = "pending"  # pending | pass | fail | recorded

    @property
    def quorum_ok(self) -> bool | None:
        if not self.convened or self.present is None:
            return None
        return Fraction(self.present, self.convened) >= self.quorum

    @property
    def has_ballots(self) -> bool:
        return self.ballots_issued is not None or self.agree is not None

    @property
    def passed(self) -> bool | None:
        return {"pass": True, "fail": False}.get(self.status) if self.threshold is not None else None

    @property
    def basis_count(self) -> int | None:
        return {"convened": self.convened, "present": self.present, "ballots_valid": self.ballots_valid}[self.basis]


@dataclass
class ChecklistItem:
    number: int
    kind: str
    name: str
    status: str  # co | kem_theo | thieu | qua_han
    doc_date: date | None = None
    note: str = ""

    @property
    def missing(self) -> bool:
        return self.status in ("thieu", "qua_han")


@dataclass
class EvaluationLine:
    year: int
    level: str
    score: str
    comment: str


@dataclass
class DossierData:
    """Everything the dossier prints, read from the database."""

    procedure: ProcedureInfo
    cv: CvData
    on: date
    verb: str
    title_name: str
    post: str
    proposer: Org
    authority: Org
    steps: list[StepView]
    checklist: list[ChecklistItem]
    evaluations: list[EvaluationLine]
    discipline_3y: list[str]
    retirement_date: date | None = None
    numbers: dict[str, int | None] = field(default_factory=dict)
    legal_bases: tuple[str, ...] = LEGAL_BASES
    threshold_source: str = ""

    @property
    def cadre_name(self) -> str:
        return clean(self.cv.file.cadre.full_name)

    @property
    def honorific(self) -> str:
        return {"M": "ông", "F": "bà"}.get(self.cv.file.cadre.sex, "ông/bà")

    @property
    def missing(self) -> list[ChecklistItem]:
        return [i for i in self.checklist if i.missing]


def _org(session: Any, chain: list[UnitInfo]) -> Org:
    unit = chain[0]
    head = head_of_unit(session, unit.id)
    return Org(unit_id=unit.id, name=nd30.body_name(unit), parent_body=nd30.parent_body(chain),
               place=nd30.place_of(chain), symbol=nd30.symbol_of(unit), head_post=nd30.head_post(unit),
               head_name=head[0] if head else "")


def _authority_chain(chain: list[UnitInfo]) -> list[UnitInfo]:
    """The appointing authority: the first body above the post's unit that issues under another name
    (Phòng X → UBND huyện; UBND xã → its commune is the same body → UBND huyện or tỉnh above)."""
    own = nd30.body_name(chain[0])
    for i in range(1, len(chain)):
        if nd30.body_name(chain[i]) != own:
            return chain[i:]
    return chain


def post_text(title_name: str, unit: UnitInfo | None) -> str:
    """The post as a decision names it: "Trưởng phòng thuộc UBND huyện" + "Phòng Tài chính - Kế hoạch" →
    "Trưởng phòng Tài chính - Kế hoạch"; "Phó Chủ tịch UBND xã" + the commune → "Phó Chủ tịch UBND xã Tiên Lãng"."""
    core = clean(title_name).split(" thuộc ")[0].split(",")[0].strip()
    if unit is None:
        return core
    uname = clean(unit.name)
    words, uwords = core.split(" "), uname.split(" ")
    if words and uwords and words[-1].lower() == uwords[0].lower() and len(uwords) > 1:
        return " ".join(words[:-1] + [uwords[0].lower()] + uwords[1:])
    for suffix in (" xã", " phường", " huyện", " tỉnh", " đặc khu"):
        if core.endswith(suffix) and clean(unit.place_name):
            return f"{core} {clean(unit.place_name)}"
    if uname and uname.lower() not in core.lower():
        return f"{core}, {uname}"
    return core


def _steps(bundle_steps: list[StepInfo], spec: w.ProcedureSpec | None) -> list[StepView]:
    """The recorded steps with the rule's verdicts; without a rule (none in force) they print without one."""
    out = []
    for s in bundle_steps:
        rule = next((x for x in spec.steps if x.no == s.step_no), None) if spec is not None else None
        name, minutes = clean(s.name), clean_block(s.minutes)
        if rule is None or spec is None:
            out.append(StepView(s.step_no, name, s.held_on, s.convened, s.present, s.ballots_issued, s.ballots_returned,
                                s.ballots_valid, s.agree, s.disagree, s.announced, minutes,
                                s.ballots_issued is not None or s.agree is not None, True, None))
            continue
        inp = w.StepInput(s.held_on, s.convened, s.present, s.ballots_issued, s.ballots_returned, s.ballots_valid,
                          s.agree, s.disagree, s.minutes, s.announced)
        status, _reasons = w.assess_step(rule, inp, spec.quorum_fraction)
        out.append(StepView(s.step_no, name, s.held_on, s.convened, s.present, s.ballots_issued, s.ballots_returned,
                            s.ballots_valid, s.agree, s.disagree, s.announced, minutes, rule.ballot, rule.quorum,
                            rule.threshold, spec.quorum_fraction, rule.basis, status))
    return out


def _checklist(data_cv: CvData, entries: list[ChecklistEntry], items: dict[str, Any], wanted: list[str] | None,
               steps: list[StepView], on: date) -> list[ChecklistItem]:
    by_kind: dict[str, ChecklistEntry] = {}
    for e in entries:
        prev = by_kind.get(e.doc_kind)
        if prev is None or (e.present and not prev.present) or (e.doc_date or date.min) > (prev.doc_date or date.min):
            by_kind[e.doc_kind] = e
    on_file: dict[str, date | None] = {}
    for doc in data_cv.file.documents:
        if doc.kind not in on_file or (doc.doc_date or date.min) > (on_file[doc.kind] or date.min):
            on_file[doc.kind] = doc.doc_date
    kinds = sorted(((int(it.extra.get("dossier_item", 99) or 99), code, it) for code, it in items.items()
                    if it.extra.get("dossier_item")), key=lambda x: x[0])
    out: list[ChecklistItem] = []
    for number, kind, it in kinds:
        if wanted is not None and kind not in wanted:
            continue
        max_age = it.extra.get("max_age_months")
        applies = it.extra.get("max_age_applies_to")

        def fresh(d: date | None, max_age: Any = max_age) -> bool:
            return d is None or not max_age or add_months(d, int(max_age)) >= on

        entry = by_kind.get(kind)
        item = ChecklistItem(number, kind, clean(it.name), "thieu")
        if entry is not None and entry.present:
            item.doc_date, item.note = entry.doc_date, clean(entry.note)
            item.status = "co" if (applies or fresh(entry.doc_date)) else "qua_han"
            if item.status == "qua_han":
                item.note = item.note or f"Quá {max_age} tháng"
        elif kind == "to_trinh":
            item.status, item.note = "kem_theo", "Dự thảo kèm theo, trình ký"
        elif kind == "bien_ban":
            missing = [s.step_no for s in steps if s.held_on is None]
            if steps and not missing:
                item.status, item.note = "kem_theo", f"Kèm theo biên bản {len(steps)} bước"
            else:
                item.note = ("Chưa thực hiện bước " + ", ".join(str(n) for n in missing)) if steps else "Chưa thực hiện các bước"
        elif kind == "so_yeu_ly_lich":
            c = data_cv.file.cadre
            if not data_cv.photo:
                item.note = "Sơ yếu lý lịch kèm theo; thiếu ảnh 4×6"
            elif applies and max_age and (c.photo_date is None or add_months(c.photo_date, int(max_age)) < on):
                item.status, item.note = "qua_han", f"Ảnh 4×6 chụp quá {max_age} tháng"
            else:
                item.status, item.note = "kem_theo", "Kèm theo (ảnh chụp ngày " + (format_date(c.photo_date) or "…") + ")"
        elif kind in on_file:
            when = on_file[kind]
            item.doc_date = when
            item.status = "co" if fresh(when) else "qua_han"
            item.note = "Có trong hồ sơ cán bộ" if item.status == "co" else f"Quá {max_age} tháng"
        out.append(item)
    return out


def _evaluation_lines(rows: list[Evaluation], category: str, items: dict[str, Any]) -> list[EvaluationLine]:
    out = []
    for e in rows:
        it = items.get(e.level)
        label = it.name if it is not None else clean(e.level)
        if (it is not None and e.regime == "nd90" and e.level == "hoan_thanh" and e.year <= 2025
                and category in ("can_bo", "cong_chuc") and it.extra.get("label_cbcc_le_2025")):
            label = str(it.extra["label_cbcc_le_2025"])
        score = f"{e.score_total:.1f}".replace(".", ",") if e.score_total is not None else ""
        out.append(EvaluationLine(e.year, label, score, clean_block(e.unit_comment)))
    return out


@vietnamese_document
def load_dossier(uowf: UowFactory, procedure_id: str, *, on: date | None = None, number_documents: bool = False,
                 cv_form: str = "bnv", proposer_unit_id: str | None = None,
                 authority_unit_id: str | None = None) -> DossierData:
    """Read everything the dossier of ``procedure_id`` prints, as of ``on`` (today by default).

    With ``number_documents`` the tờ trình and the decision take the next numbers of their issuers'
    yearly counters (TTr, QĐ) and the numbering is audited, in one transaction: use it for the copy that is
    signed, not for a preview. The proposer is the unit of the post and the authority the body above it,
    unless given."""
    from canbo_desktop.domain.rules.retirement import retirement

    on = on or date.today()
    if cv_form not in FORMS:
        raise ValidationError(translate("services.pdf.dossier", "There is no CV form «{form}».").format(form=cv_form),
                              {"cv_form": cv_form})
    book = rule_book(uowf)
    with uowf() as uow:
        s = uow.session
        bundle = procedure_bundle(s, procedure_id)
        proc = bundle.procedure
        cv = cv_from_session(s, proc.cadre_id, form=cv_form)
        items = cv.labels.items
        post_chain = unit_chain(s, proc.unit_id)
        if not post_chain:
            raise ValidationError(translate("services.pdf.dossier", "The procedure is not linked to the unit of the "
                                            "post being filled."))
        prop_chain = unit_chain(s, proposer_unit_id) if proposer_unit_id else post_chain
        auth_chain = unit_chain(s, authority_unit_id) if authority_unit_id else _authority_chain(post_chain)
        proposer, authority = _org(s, prop_chain), _org(s, auth_chain)
        title = items.get("title", {}).get(proc.title_code)
        title_name = title.name if title is not None else clean(proc.title_code)
        try:
            spec: w.ProcedureSpec | None = w.procedure_spec(book, proc.kind, proc.source or "internal", on)
        except CanboError:  # no procedure rule in force on that day: the steps print without verdicts
            spec = None
        steps = _steps(bundle.steps, spec)
        source = spec.legal_source if spec is not None else ""
        wanted: list[str] | None = list(spec.documents) if spec is not None and spec.documents else None
        checklist = _checklist(cv, bundle.checklist, items.get("document_kind", {}), wanted, steps, on)
        evals = _evaluation_lines(last_evaluations(s, proc.cadre_id, count=3, up_to_year=on.year),
                                  cv.file.cadre.category, items.get("evaluation_level", {}))
        since = date(on.year - 3, on.month, min(on.day, 28))
        discipline = [f"{cv.labels.name('discipline_form', r.form_code)} ({format_date(r.decided_on)})"
                      for r in cv.file.discipline if r.decided_on and r.decided_on >= since]
        numbers: dict[str, int | None] = {"TTr": None, "QĐ": None}
        if number_documents:
            numbers["TTr"] = next_number(s, proposer.unit_id, "TTr", on.year)
            numbers["QĐ"] = next_number(s, authority.unit_id, "QĐ", on.year)
            uow.audit("dossier.number", "appointment_procedure", procedure_id,
                      {"TTr": numbers["TTr"], "QĐ": numbers["QĐ"], "year": on.year,
                       "proposer": proposer.unit_id, "authority": authority.unit_id})
            uow.commit()
    c = cv.file.cadre
    retire_on = None
    if c.birth_date is not None and c.sex in ("M", "F"):
        try:
            retire_on = retirement(c.sex, c.birth_date, c.birth_precision, book).retirement_date
        except CanboError:
            retire_on = None
    return DossierData(procedure=proc, cv=cv, on=on, verb=VERBS.get(proc.kind, "bổ nhiệm"), title_name=title_name,
                       post=post_text(title_name, post_chain[0]), proposer=proposer, authority=authority, steps=steps,
                       checklist=checklist, evaluations=evals, discipline_3y=discipline, retirement_date=retire_on,
                       numbers=numbers, threshold_source=source)


# ------------------------------------------------------------------------------------------- drawing helpers


def pct(part: int | None, whole: int | None) -> str:
    """"66,67%" (two decimals, Vietnamese comma); empty when unknown."""
    if part is None or not whole:
        return ""
    return f"{part * 100 / whole:.2f}".replace(".", ",") + "%"


def fraction_text(f: Fraction) -> str:
    return {Fraction(1, 2): "1/2 (50%)", Fraction(2, 3): "2/3"}.get(f, f"{f.numerator}/{f.denominator}")


def n(value: int | None) -> str:
    return "" if value is None else str(value)


def _header(org: Org, *, number_line: str, on: date | None, year: int | None = None) -> Flowable:
    return nd30.Nd30Header(org.name, parent_body=org.parent_body, number_line=number_line,
                           place_date_line=nd30.place_date(org.place, on, year=year))


def _recipient_line(authority: Org) -> str:
    return f"{authority.head_post} {authority.name}"


class _Boxed(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A small bordered label ("DỰ THẢO") at the right margin."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, 20.0
        return availWidth, 20.0

    def draw(self) -> None:
        from canbo_desktop.services.pdf.layout import text_width

        w = text_width(self.text, SERIF_BOLD, 11) + 12
        x = self.width - w
        self.canv.setLineWidth(0.8)
        self.canv.rect(x, 2, w, 16)
        self.canv.setFont(SERIF_BOLD, 11)
        self.canv.drawCentredString(x + w / 2, 6.5, self.text)


def _grid(header: list[str], rows: list[list[str]], widths: list[float], *, align: list[str] | None = None,
          size: float = 12.0) -> Grid:
    align = align or ["left"] * len(header)
    data = [[cell(h, font=SERIF_BOLD, size=size - 0.5, align="center") for h in header]]
    for r in rows:
        data.append([cell(clean(v), size=size, align=a) for v, a in zip(r, align, strict=True)])
    return Grid(data, widths, header_rows=1, space_before=4, space_after=8)


# ------------------------------------------------------------------------------------------- the parts


def _proposal(d: DossierData) -> list[Flowable]:
    subject = f"Về việc đề nghị {d.verb} {d.honorific} {d.cadre_name} giữ chức vụ {d.post}"
    if d.verb == "miễn nhiệm":
        subject = f"Về việc đề nghị miễn nhiệm chức vụ {d.post} đối với {d.honorific} {d.cadre_name}"
    story: list[Flowable] = [_header(d.proposer, number_line=nd30.doc_number(d.numbers.get("TTr"), "TTr", d.proposer.symbol),
                                     on=d.on)]
    story += nd30.title_block("Tờ trình", subject)
    story.append(para(f"Kính gửi: {_recipient_line(d.authority)}.", size=nd30.BODY_SIZE, align="center", leading=18,
                      space_after=10))
    p = d.procedure
    if p.policy_ref:
        when = f" ngày {format_date(p.policy_approved_on)}" if p.policy_approved_on else ""
        story.append(nd30.body(f"Căn cứ Văn bản số {clean(p.policy_ref)}{when} về chủ trương {d.verb} cán bộ;", italic=True))
    story.append(nd30.body(f"Thực hiện quy trình {d.verb} cán bộ lãnh đạo, quản lý theo quy định, {d.proposer.name} "
                           f"đã tổ chức thực hiện các bước; kết quả cụ thể như sau:"))
    story.append(nd30.body("I. KẾT QUẢ THỰC HIỆN QUY TRÌNH", bold=True, indent_first=False))
    rows = []
    for s in d.steps:
        agree = f"{n(s.agree)}/{n(s.convened)} ({pct(s.agree, s.convened)})" if s.agree is not None else "Không bỏ phiếu"
        rows.append([str(s.step_no), _short_step(s.name), format_date(s.held_on) or "Chưa thực hiện",
                     f"{n(s.present)}/{n(s.convened)}" if s.convened else "", agree])
    if rows:
        W = nd30.TEXT_W
        story.append(_grid(["Bước", "Nội dung", "Ngày", "Có mặt/ triệu tập", "Đồng ý/ triệu tập"], rows,
                           [W * 0.08, W * 0.47, W * 0.15, W * 0.13, W * 0.17],
                           align=["center", "left", "center", "center", "center"], size=11.5))
    else:
        story.append(nd30.body("Chưa ghi nhận bước nào của quy trình."))
    c = d.cv.file.cadre
    lab = d.cv.labels
    story.append(nd30.body(f"II. NHÂN SỰ ĐỀ NGHỊ {upper(d.verb)}", bold=True, indent_first=False))
    born = {"year": "Sinh năm", "month": "Sinh tháng"}.get(c.birth_precision, "Sinh ngày")
    from canbo_desktop.domain.cadre import birth_display

    facts = [
        ("Họ và tên", d.cadre_name), (born, birth_display(c.birth_date, c.birth_precision)),
        ("Quê quán", clean(c.hometown)), ("Dân tộc", lab.name("ethnicity", c.ethnicity_code)),
        ("Chức vụ, đơn vị công tác hiện nay", ", ".join(x for x in (clean(c.current_position), d.cv.using_unit) if x)),
        ("Trình độ chuyên môn", ", ".join(x for x in (lab.name("education_level", c.education_level),
                                                       clean(c.education_major)) if x)),
        ("Lý luận chính trị", lab.name("political_theory", c.political_theory)),
        ("Quản lý nhà nước", lab.name("state_mgmt", c.state_mgmt)),
        ("Ngày vào Đảng", format_date(c.party_join_date)),
    ]
    for label, value in facts:
        story.append(Inline([T(f"- {label}: ", SERIF), T(value, SERIF_BOLD)] if value else [T(f"- {label}: ", SERIF), Dots(80)],
                            size=nd30.BODY_SIZE, leading=18, first_indent=10 * mm, fill_end=not value))
    evals = "; ".join(f"năm {e.year}: {e.level}" for e in d.evaluations) or "chưa có kết quả"
    story.append(nd30.body(f"- Kết quả đánh giá, xếp loại chất lượng 03 năm gần nhất: {evals}.", space_after=6))
    story.append(nd30.body("III. ĐỀ NGHỊ", bold=True, indent_first=False))
    term = _term_text(d)
    if d.verb == "miễn nhiệm":
        ask = (f"{d.proposer.name} kính đề nghị {_recipient_line(d.authority)} xem xét, quyết định miễn nhiệm chức vụ "
               f"{d.post} đối với {d.honorific} {d.cadre_name}.")
    else:
        ask = (f"{d.proposer.name} kính đề nghị {_recipient_line(d.authority)} xem xét, quyết định {d.verb} "
               f"{d.honorific} {d.cadre_name} giữ chức vụ {d.post}, {term}.")
    story.append(nd30.body(ask))
    story.append(nd30.body(f"Hồ sơ kèm theo gồm: {', '.join(i.name.lower() for i in d.checklist if not i.missing) or '…'}."))
    story.append(nd30.body(f"Kính trình {_recipient_line(d.authority)} xem xét, quyết định./."))
    story.append(nd30.signature_block([d.proposer.head_post], d.proposer.head_name,
                                      recipients=["- Như trên;", f"- Lưu: VT, {d.proposer.symbol}."]))
    return story


def _short_step(name: str) -> str:
    """"Bước 2: Hội nghị … – giới thiệu …" → the text after "Bước N:"."""
    text = clean(name)
    if text.lower().startswith("bước") and ":" in text:
        text = text.split(":", 1)[1].strip()
    return text


def _term_text(d: DossierData) -> str:
    end = add_months(d.on, 60)
    if d.retirement_date is not None and d.retirement_date < end:
        return f"thời hạn giữ chức vụ tính từ ngày quyết định có hiệu lực đến thời điểm nghỉ hưu ({format_date(d.retirement_date)})"
    return "thời hạn giữ chức vụ là 05 năm kể từ ngày quyết định có hiệu lực"


def _minutes(d: DossierData, s: StepView) -> list[Flowable]:
    story: list[Flowable] = [_header(d.proposer, number_line="", on=s.held_on)]
    story += nd30.title_block("Biên bản", f"{_short_step(s.name)} (Bước {s.step_no})")
    story.append(nd30.body(f"Về công tác nhân sự {d.verb} chức vụ {d.post}", italic=True, align="center",
                           indent_first=False, space_after=10))
    held = f"ngày {format_date(s.held_on)}" if s.held_on else None
    story.append(Inline([T("Thời gian: ")] + ([T(held + ".")] if held else [Dots(120)]), size=nd30.BODY_SIZE, leading=18,
                        first_indent=10 * mm, fill_end=not held, space_after=6))
    story.append(nd30.body(f"Địa điểm: trụ sở {d.proposer.name}."))
    if s.convened:
        absent = s.convened - (s.present or 0)
        story.append(nd30.body(f"Thành phần: số người được triệu tập: {s.convened}; có mặt: {n(s.present)} "
                               f"({pct(s.present, s.convened)}); vắng mặt: {absent}."))
        if s.quorum_rule and s.quorum_ok is not None:
            ok = "đủ" if s.quorum_ok else "không đủ"
            q = fraction_text(s.quorum)
            rel = f"từ {q} trở lên" if s.quorum_ok else f"dưới {q}"
            story.append(nd30.body(f"Hội nghị {ok} điều kiện tiến hành (số người có mặt {rel} số người được triệu tập)."))
    else:
        story.append(Inline([T("Thành phần: số người được triệu tập: "), Dots(40), T("; có mặt: "), Dots(40)],
                            size=nd30.BODY_SIZE, leading=18, first_indent=10 * mm, fill_end=True, space_after=6))
    story.append(nd30.body("Nội dung hội nghị:", bold=True))
    if s.minutes:
        story.append(Inline(text_tokens(s.minutes), size=nd30.BODY_SIZE, leading=18, justify=True, first_indent=10 * mm,
                            space_after=6))
    else:
        story.append(Inline([], size=nd30.BODY_SIZE, leading=20, min_lines=5, fill_end=True, space_after=6))
    if s.ballot:
        if s.has_ballots:
            story.append(nd30.body(f"Hội nghị bỏ phiếu kín; kết quả: {d.honorific} {d.cadre_name} được {n(s.agree)}/"
                                   f"{n(s.convened)} người được triệu tập đồng ý ({pct(s.agree, s.convened)}). "
                                   "Chi tiết tại biên bản kiểm phiếu kèm theo."))
        else:
            story.append(nd30.body("Hội nghị bỏ phiếu kín; kết quả ghi tại biên bản kiểm phiếu."))
    story.append(nd30.body("Kết quả được công bố tại hội nghị." if s.announced else "Kết quả không công bố tại hội nghị."))
    story.append(Inline([T("Hội nghị kết thúc vào hồi "), Dots(30), T(" giờ "), Dots(30), T(" cùng ngày./.")],
                        size=nd30.BODY_SIZE, leading=18, first_indent=10 * mm, space_after=6))
    story.append(_two_signers("THƯ KÝ HỘI NGHỊ", "CHỦ TRÌ HỘI NGHỊ"))
    return story


def _tally(d: DossierData, s: StepView) -> list[Flowable]:
    story: list[Flowable] = [_header(d.proposer, number_line="", on=s.held_on)]
    story += nd30.title_block("Biên bản kiểm phiếu", f"{_short_step(s.name)} (Bước {s.step_no})")
    story.append(nd30.body(f"Ban kiểm phiếu đã kiểm phiếu lấy ý kiến về nhân sự {d.verb} chức vụ {d.post}; "
                           "kết quả như sau:"))
    invalid = (s.ballots_returned - s.ballots_valid) if (s.ballots_returned is not None and s.ballots_valid is not None) else None
    W = nd30.TEXT_W
    story.append(_grid(["Số người được triệu tập", "Số người có mặt", "Số phiếu phát ra", "Số phiếu thu về",
                        "Số phiếu hợp lệ", "Số phiếu không hợp lệ"],
                       [[n(s.convened), n(s.present), n(s.ballots_issued), n(s.ballots_returned), n(s.ballots_valid),
                         n(invalid)]], [W / 6] * 6, align=["center"] * 6, size=12))
    story.append(_grid(["Họ và tên", "Đồng ý", "Tỷ lệ so với số được triệu tập", "Không đồng ý",
                        "Tỷ lệ so với số được triệu tập"],
                       [[d.cadre_name, n(s.agree), pct(s.agree, s.convened), n(s.disagree), pct(s.disagree, s.convened)]],
                       [W * 0.28, W * 0.12, W * 0.21, W * 0.18, W * 0.21], align=["left", "center", "center", "center", "center"],
                       size=12))
    if s.threshold is not None and s.passed is not None:
        verdict = "đạt" if s.passed else "không đạt"
        story.append(nd30.body(f"Kết quả: {d.honorific} {d.cadre_name} {verdict} tỷ lệ phiếu đồng ý trên "
                               f"{fraction_text(s.threshold)} {BASIS_TEXT[s.basis]} ({n(s.agree)}/{n(s.basis_count)}, "
                               f"{pct(s.agree, s.basis_count)})."))
    else:
        story.append(nd30.body("Kết quả ở bước này dùng để tham khảo, không xét tỷ lệ đạt."))
    story.append(nd30.body("Kết quả được công bố tại hội nghị./." if s.announced else "Kết quả không công bố tại hội nghị./."))
    story.append(_two_signers("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", "TRƯỞNG BAN KIỂM PHIẾU"))
    return story


def _two_signers(left: str, right: str) -> Flowable:
    def col(text: str) -> list[Flowable]:
        return [para(text, font=SERIF_BOLD, size=13, align="center", leading=16),
                para("(Ký, ghi rõ họ tên)", font=SERIF_ITALIC, size=12, align="center", leading=15), VSpace(60)]

    return KeepTogether([Columns([(0, col(left)), (0, col(right))], space_before=14)])


def _evaluation_summary(d: DossierData) -> list[Flowable]:
    story: list[Flowable] = [_header(d.proposer, number_line="", on=d.on)]
    story += nd30.title_block("Bảng tổng hợp", f"Kết quả đánh giá, xếp loại chất lượng 03 năm gần nhất của "
                                               f"{d.honorific} {d.cadre_name}")
    c = d.cv.file.cadre
    story.append(nd30.body(f"Chức vụ, đơn vị công tác: {', '.join(x for x in (clean(c.current_position), d.cv.using_unit) if x)}.",
                           indent_first=False))
    W = nd30.TEXT_W
    rows = [[str(e.year), e.level, e.score or "-", e.comment] for e in d.evaluations]
    if rows:
        story.append(_grid(["Năm", "Kết quả xếp loại", "Điểm", "Nhận xét của cơ quan, đơn vị"], rows,
                           [W * 0.1, W * 0.35, W * 0.1, W * 0.45], align=["center", "left", "center", "left"], size=12))
    else:
        story.append(nd30.body("Chưa có kết quả đánh giá, xếp loại trong 03 năm gần nhất."))
    discipline = "; ".join(d.discipline_3y) if d.discipline_3y else "Không"
    story.append(nd30.body(f"Kỷ luật trong 03 năm gần nhất: {discipline}.", indent_first=False))
    story.append(nd30.signature_block([d.proposer.head_post], d.proposer.head_name))
    return story


def _checklist_part(d: DossierData) -> list[Flowable]:
    story: list[Flowable] = [_header(d.proposer, number_line="", on=d.on)]
    story += nd30.title_block("Danh mục hồ sơ", f"Đề nghị {d.verb} {d.honorific} {d.cadre_name} giữ chức vụ {d.post}")
    W = nd30.TEXT_W
    rows = [[str(i.number), i.name, STATUS_LABELS[i.status], format_date(i.doc_date), i.note] for i in d.checklist]
    story.append(_grid(["STT", "Thành phần hồ sơ", "Tình trạng", "Ngày", "Ghi chú"], rows,
                       [W * 0.07, W * 0.38, W * 0.13, W * 0.15, W * 0.27],
                       align=["center", "left", "center", "center", "left"], size=11.5))
    missing = d.missing
    if missing:
        names = "; ".join(f"{i.number}. {i.name}" for i in missing)
        story.append(para(f"Hồ sơ còn thiếu {len(missing):02d} thành phần: {names}.", font=SERIF_BOLD, size=13,
                          leading=17, space_before=6))
    else:
        story.append(para("Hồ sơ có đủ các thành phần theo quy định.", font=SERIF_BOLD, size=13, leading=17,
                          space_before=6))
    story.append(para("Căn cứ: NĐ 138/2020/NĐ-CP Điều 48; NĐ 170/2025/NĐ-CP Điều 35 (hồ sơ bổ nhiệm).", font=SERIF_ITALIC,
                      size=11, leading=14, space_before=4))
    return story


def _decision(d: DossierData) -> list[Flowable]:
    a = d.authority
    story: list[Flowable] = [_Boxed("DỰ THẢO"),
                             _header(a, number_line=nd30.doc_number(d.numbers.get("QĐ"), "QĐ", a.symbol), on=None,
                                     year=d.on.year)]
    if d.verb == "miễn nhiệm":
        subject = f"Về việc miễn nhiệm chức vụ {d.post} đối với {d.honorific} {d.cadre_name}"
    else:
        subject = f"Về việc {d.verb} {d.honorific} {d.cadre_name} giữ chức vụ {d.post}"
    story += nd30.title_block("Quyết định", subject)
    story.append(para(upper(f"{a.head_post} {a.name}"), font=SERIF_BOLD, size=nd30.BODY_SIZE, align="center", leading=18,
                      space_after=8))
    p = d.procedure
    bases = list(d.legal_bases)
    if p.policy_ref:
        when = f" ngày {format_date(p.policy_approved_on)}" if p.policy_approved_on else ""
        bases.append(f"Căn cứ Văn bản số {clean(p.policy_ref)}{when} về chủ trương {d.verb} cán bộ;")
    tt = d.numbers.get("TTr")
    ref = f"Tờ trình số {tt:02d}/TTr-{d.proposer.symbol} ngày {format_date(d.on)}" if tt else "Tờ trình"
    bases.append(f"Theo đề nghị của {d.proposer.head_post} {d.proposer.name} tại {ref}.")
    for b in bases:
        story.append(nd30.body(b, italic=True))
    story.append(para("QUYẾT ĐỊNH:", font=SERIF_BOLD, size=nd30.BODY_SIZE, align="center", leading=18, space_before=6,
                      space_after=8))
    c = d.cv.file.cadre
    current = ", ".join(x for x in (clean(c.current_position), d.cv.using_unit) if x)
    if d.verb == "miễn nhiệm":
        art1 = f"Miễn nhiệm chức vụ {d.post} đối với {d.honorific} {d.cadre_name}, sinh {_born(d)}."
    else:
        art1 = (f"{d.verb.capitalize()} {d.honorific} {d.cadre_name}, sinh {_born(d)}, {current}, giữ chức vụ {d.post}. "
                f"{_term_text(d).capitalize()}.")
    story.append(nd30.body_runs([T("Điều 1. ", SERIF_BOLD), T(art1)]))
    if d.verb != "miễn nhiệm":
        story.append(nd30.body_runs([T("Điều 2. ", SERIF_BOLD),
                                     T(f"{d.honorific.capitalize()} {d.cadre_name} được hưởng phụ cấp chức vụ lãnh đạo "
                                       "theo quy định hiện hành.")]))
        last = "Điều 3. "
    else:
        last = "Điều 2. "
    story.append(nd30.body_runs([T(last, SERIF_BOLD),
                                 T(f"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng {a.name}, "
                                   f"{d.proposer.head_post} {d.proposer.name}, Thủ trưởng các cơ quan, đơn vị có liên "
                                   f"quan và {d.honorific} {d.cadre_name} chịu trách nhiệm thi hành Quyết định này./.")]))
    story.append(nd30.signature_block([a.head_post], a.head_name,
                                      recipients=[f"- Như {last.strip().rstrip('.')};", "- Cấp ủy cùng cấp (để báo cáo);",
                                                  f"- Lưu: VT, {d.proposer.symbol}."]))
    return story


def _born(d: DossierData) -> str:
    c = d.cv.file.cadre
    from canbo_desktop.domain.cadre import birth_display

    text = birth_display(c.birth_date, c.birth_precision)
    return ("năm " + text) if c.birth_precision == "year" else ("ngày " + text if c.birth_precision == "day" else "tháng " + text)


def dossier_story(d: DossierData) -> list[Flowable]:
    story: list[Flowable] = []
    nd30.new_part(story, "1. Tờ trình", "totrinh")
    story += _proposal(d)
    for s in d.steps:
        nd30.new_part(story, f"2. Biên bản hội nghị – bước {s.step_no}", f"bb{s.step_no}")
        story += _minutes(d, s)
        if s.ballot and s.has_ballots:
            nd30.new_part(story, f"2. Biên bản kiểm phiếu – bước {s.step_no}", f"kp{s.step_no}")
            story += _tally(d, s)
    nd30.new_part(story, "3. Sơ yếu lý lịch", "cv")
    story += cv_story(d.cv)
    nd30.new_part(story, "4–5. Kết quả đánh giá 03 năm", "danhgia")
    story += _evaluation_summary(d)
    nd30.new_part(story, "Danh mục hồ sơ", "danhmuc")
    story += _checklist_part(d)
    nd30.new_part(story, "Dự thảo quyết định", "quyetdinh")
    story += _decision(d)
    return story


def dossier_title(d: DossierData) -> str:
    return f"Hồ sơ {d.verb} – {d.cadre_name} – {d.post}"


@vietnamese_document
def render_dossier(d: DossierData, out: str | Path | IO[bytes]) -> int:
    """Write the whole dossier to ``out`` (path or binary file object); returns the number of pages."""
    target: str | IO[bytes] = str(out) if isinstance(out, Path) else out
    doc = nd30.build(dossier_story(d), target, title=dossier_title(d), author=d.proposer.name,
                     subject="Hồ sơ bổ nhiệm cán bộ")
    return int(doc.page)


def dossier_pdf_bytes(d: DossierData) -> bytes:
    buf = io.BytesIO()
    render_dossier(d, buf)
    return buf.getvalue()

