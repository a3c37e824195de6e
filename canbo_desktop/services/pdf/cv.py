"""Sơ yếu lý lịch: the 2C-BNV/2008 form (QĐ 02/2008/QĐ-BNV) and its Party variant 2C/TCTW-98.

Loading and drawing are separate: ``load_cv`` (one read-only unit of work) gathers the record, the
code-list labels, the unit names and the photo into a ``CvData``; ``cv_story`` turns a ``CvData`` into
flowables and ``render_cv`` writes the PDF. The item numbers and wording follow domain.md §1.1
(2C-BNV/2008) and §1.2 (2C/TCTW-98). An empty item is printed as the dotted line of the paper form,
never left out, so the printed CV always has all its items.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether

from canbo_desktop.db.documents import (
    CodeItem,
    UnitInfo,
    attachment_bytes,
    code_items,
    code_lists_version,
    unit_chain,
)
from canbo_desktop.db.repositories import CadreRepository
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain.cadre import SEX_LABELS, CadreFile
from canbo_desktop.domain.dates import format_date, format_iso_partial
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.text import upper
from canbo_desktop.i18n import translate, vietnamese_document
from canbo_desktop.services.pdf import nd30
from canbo_desktop.services.pdf.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC
from canbo_desktop.services.pdf.layout import (
    Columns,
    Dots,
    Grid,
    Inline,
    T,
    Tab,
    Token,
    VSpace,
    cell,
    clean,
    clean_block,
    para,
    text_tokens,
)

FORMS = {"bnv": "Mẫu 2C-BNV/2008", "tctw": "Mẫu 2C/TCTW-98"}

SIZE = 12.5
LEADING = 16.5
HINT = 10.0
VALUE_FONT = SERIF_BOLD
TABLE_SIZE = 11.0
HEAD_SIZE = 10.5


# ------------------------------------------------------------------------------------------- data


@dataclass
class Labels:
    """Code-list labels: the CV prints "Kinh", "Đại học", never a code."""

    items: dict[str, dict[str, CodeItem]] = field(default_factory=dict)

    def name(self, list_key: str, value: str | None) -> str:
        if not value:
            return ""
        item = self.items.get(list_key, {}).get(value)
        return item.name if item is not None else value

    def item(self, list_key: str, value: str | None) -> CodeItem | None:
        return self.items.get(list_key, {}).get(value or "")


@dataclass
class CvData:
    """Everything one CV prints, already read from the database."""

    file: CadreFile
    labels: Labels
    form: str = "bnv"
    using_unit: str = ""  # cơ quan, đơn vị sử dụng
    managing_unit: str = ""  # cơ quan, đơn vị có thẩm quyền quản lý
    chain: list[UnitInfo] = field(default_factory=list)  # employing unit up to the root
    place: str = ""
    photo: bytes | None = None


def _check_form(form: str) -> str:
    if form not in FORMS:
        raise ValidationError(translate("services.pdf.cv", "There is no CV form «{form}»; choose «bnv» (2C-BNV/2008) "
                                        "or «tctw» (2C/TCTW-98).").format(form=form), {"form": form})
    return form


_LABELS_CACHE: dict[str, tuple[tuple[Any, ...], Labels]] = {}


def labels_for(session: Any) -> Labels:
    """The code-list labels, read once per database and again only when the lists change (reading them
    is most of the time it takes to gather one CV)."""
    key = str(session.get_bind().url)
    version = code_lists_version(session)
    hit = _LABELS_CACHE.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    labels = Labels(code_items(session))
    _LABELS_CACHE[key] = (version, labels)
    return labels


def cv_from_session(session: Any, cadre_id: str, *, form: str = "bnv", labels: Labels | None = None) -> CvData:
    """The CV data of one person read in an open session (the batch reads many with one label table)."""
    f = CadreRepository(session).file(cadre_id)
    chain = unit_chain(session, f.cadre.owner_unit_id)
    labels = labels or labels_for(session)
    using = nd30.body_name(chain[0]) if chain else f.unit_name
    managing = nd30.body_name(chain[1]) if len(chain) > 1 else using
    return CvData(file=f, labels=labels, form=_check_form(form), using_unit=using, managing_unit=managing, chain=chain,
                  place=nd30.place_of(chain), photo=attachment_bytes(session, f.cadre.photo_sha256))


@vietnamese_document
def load_cv(uowf: UowFactory, cadre_id: str, *, form: str = "bnv") -> CvData:
    """Read everything the CV of ``cadre_id`` prints (form ``bnv`` = 2C-BNV/2008, ``tctw`` = 2C/TCTW-98)."""
    _check_form(form)
    from canbo_desktop.services.cadres import audit_sensitive_views

    with uowf() as uow:
        data = cv_from_session(uow.session, cadre_id, form=form)  # masked unless the user may see sensitive data
        audit_sensitive_views(uow, "print")
        return data


# ------------------------------------------------------------------------------------------- helpers


def L(text: str) -> T:  # noqa: N802 (reads like the form)
    return T(text, SERIF)


def V(text: object) -> T:  # noqa: N802
    return T(clean(text), VALUE_FONT)


def fld(label: str, value: object, dots: float = 70.0) -> list[Token]:
    """A label and its value, or the label and a dotted leader when the value is empty."""
    text = clean(value)
    if text:
        return [L(label + " "), V(text), L(" ")]
    return [L(label), Dots(dots)]


def line(*parts: Sequence[Token] | Token, fill: bool = True, space_before: float = 0.0) -> Inline:
    tokens: list[Token] = []
    for p in parts:
        if isinstance(p, list | tuple):
            tokens.extend(p)
        else:
            tokens.append(p)  # type: ignore[arg-type]
    return Inline(tokens, size=SIZE, leading=LEADING, fill_end=fill, space_before=space_before)


def hint(*texts: str) -> Flowable:
    """The small italic explanation the paper form prints under an item (one per column)."""
    if len(texts) == 1:
        return para(texts[0], font=SERIF_ITALIC, size=HINT, align="center", leading=12)
    return Columns([(0, [para(t, font=SERIF_ITALIC, size=HINT, align="center", leading=12)]) for t in texts])


def keep(f: Inline) -> Inline:
    """Keep a flowable on the same page as the next one (a heading with its table)."""
    f.keepWithNext = True
    return f


def heading(text: str, *, space_before: float = 6.0) -> Inline:
    return keep(para(text, font=SERIF_BOLD, size=SIZE, leading=LEADING, space_before=space_before, space_after=2))


def block(prompt: str, text: str, *, min_lines: int = 2) -> list[Flowable]:
    """A free-text item: the prompt, then the text (or dotted lines to write on)."""
    value = clean_block(text)
    out: list[Flowable] = [keep(para(prompt, size=SIZE, leading=LEADING))]
    if value:
        out.append(Inline(text_tokens(value, VALUE_FONT), size=SIZE, leading=LEADING, fill_end=True))
    else:
        out.append(Inline([], size=SIZE, leading=LEADING, min_lines=min_lines, fill_end=True))
    return out


def dmy(d: date | None, precision: str = "day") -> tuple[str, str, str]:
    """(day, month, year) as the form writes them: "05", "03", "1975"; unknown parts empty."""
    if d is None:
        return "", "", ""
    if precision == "year":
        return "", "", f"{d.year:04d}"
    if precision == "month":
        return "", f"{d.month:02d}", f"{d.year:04d}"
    return f"{d.day:02d}", f"{d.month:02d}", f"{d.year:04d}"


def num(value: float | None, digits: int = 2) -> str:
    """A Vietnamese decimal: 2,34."""
    if value is None:
        return ""
    return f"{value:.{digits}f}".replace(".", ",")


def period(a: str, b: str, *, open_end: str = "nay") -> str:
    start, end = format_iso_partial(a) if a else "", format_iso_partial(b) if b else ""
    if start and end:
        return f"{start} - {end}"
    if start:
        return f"{start} - {open_end}" if open_end else start
    return f"- {end}" if end else ""


def highest_award(data: CvData) -> str:
    awards = data.file.awards
    if not awards:
        return ""

    def rank(a: Any) -> tuple[int, int]:
        item = data.labels.item("award_form", a.form_code)
        return (item.rank if item else 0, a.year or 0)

    best = max(awards, key=rank)
    text = clean(best.form_text) or data.labels.name("award_form", best.form_code)
    return f"{text}, năm {best.year}" if best.year else text


def highest_discipline(data: CvData) -> str:
    rows = data.file.discipline
    if not rows:
        return ""

    def severity(r: Any) -> tuple[int, date]:
        item = data.labels.item("discipline_form", r.form_code)
        sev = int(item.extra.get("severity", 0) or 0) if item else 0
        return (sev, r.decided_on or date.min)

    best = max(rows, key=severity)
    text = data.labels.name("discipline_form", best.form_code)
    return f"{text}, năm {best.decided_on.year}" if best.decided_on else text


def _education(data: CvData) -> str:
    c, lab = data.file.cadre, data.labels
    parts = []
    title = lab.name("academic_title", c.academic_title)
    if title and c.academic_title != "khong":
        parts.append(title)
    level = lab.name("education_level", c.education_level)
    text = ", ".join(p for p in (*parts, level) if p)
    major = clean(c.education_major)
    if major:
        text = f"{text}, chuyên ngành {major}" if text else f"Chuyên ngành {major}"
    return text


def _position(data: CvData) -> str:
    c = data.file.cadre
    pos, extra = clean(c.current_position), clean(c.concurrent_positions)
    if pos and extra:
        return f"{pos}; kiêm {extra}"
    return pos or extra


def _allowance_other(data: CvData) -> str:
    c = data.file.cadre
    parts = [clean(c.other_allowance)] if clean(c.other_allowance) else []
    if c.beyond_scale_pct:
        parts.append(f"Phụ cấp thâm niên vượt khung {c.beyond_scale_pct}%")
    return "; ".join(parts)


def _table(header: list[str], rows: list[list[str]], widths: list[float], *, min_rows: int = 3,
           align: Sequence[str] | None = None) -> Grid:
    """A bordered table with a bold header row; at least ``min_rows`` body rows (blank ones to write in)."""
    align = align or ["left"] * len(header)
    data: list[list[Inline]] = [[cell(h, font=SERIF_BOLD, size=HEAD_SIZE, align="center") for h in header]]
    for r in rows:
        data.append([cell(clean(v), size=TABLE_SIZE, align=a) for v, a in zip(r, align, strict=True)])
    blank = max(0, min_rows - len(rows))
    for _ in range(blank):
        data.append([cell("", size=TABLE_SIZE) for _ in header])
    heights = [0.0] * (len(data) - blank) + [20.0] * blank
    return Grid(data, widths, header_rows=1, min_heights=heights)


def training_table(data: CvData, width: float) -> Grid:
    rows = [[t.school, t.major, period(t.from_date, t.to_date, open_end=""),
             data.labels.name("training_mode", t.mode), t.certificate] for t in data.file.training]
    return _table(["Tên trường", "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm",
                   "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì"], rows,
                  [width * w for w in (0.25, 0.25, 0.18, 0.14, 0.18)],
                  align=("left", "left", "center", "center", "left"))


def work_table(data: CvData, width: float) -> Grid:
    rows = [[period(w.from_date, w.to_date), w.description] for w in data.file.work_history]
    return _table(["Từ tháng, năm đến tháng, năm",
                   "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời "
                   "gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, …"], rows,
                  [width * 0.24, width * 0.76], align=("center", "left"), min_rows=4)


def family_table(data: CvData, side: str, width: float) -> Grid:
    rows = [[data.labels.name("family_relation", f.relation), f.full_name, f.birth_year, f.details]
            for f in data.file.family if (f.side or "self") == side]
    return _table(["Mối quan hệ", "Họ và tên", "Năm sinh",
                   "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); "
                   "thành viên các tổ chức chính trị - xã hội, …"], rows,
                  [width * w for w in (0.14, 0.25, 0.10, 0.51)], align=("left", "left", "center", "left"))


def salary_grid(data: CvData, width: float, per_row: int = 8) -> list[Flowable]:
    """Item 31: the horizontal grid (month/year, grade code/step, coefficient), more grids if needed."""
    entries = [(format_iso_partial(s.effective), "/".join(x for x in (clean(s.grade_code), str(s.step) if s.step else "") if x),
                num(s.coefficient)) for s in data.file.salary]
    chunks = [entries[i:i + per_row] for i in range(0, len(entries), per_row)] or [[]]
    out: list[Flowable] = []
    first_w = width * 0.16
    col_w = (width - first_w) / per_row
    for chunk in chunks:
        padded = chunk + [("", "", "")] * (per_row - len(chunk))
        rows: list[list[Inline]] = []
        for i, label in enumerate(("Tháng/năm", "Mã ngạch/bậc", "Hệ số lương")):
            rows.append([cell(label, font=SERIF_BOLD, size=HEAD_SIZE)] +
                        [cell(e[i], size=TABLE_SIZE, align="center") for e in padded])
        out.append(KeepTogether([Grid(rows, [first_w] + [col_w] * per_row, header_rows=0, min_heights=[20.0] * 3,
                                      middle_rows=3), VSpace(4)]))
    return out


class PhotoBox(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The 4×6 cm photo box; the photo when there is one, else the form's "Ảnh màu (4 x 6 cm)"."""

    W, H = 4 * cm, 6 * cm

    def __init__(self, photo: bytes | None) -> None:
        super().__init__()
        self.photo = photo

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self.W, self.H
        return self.W, self.H

    def draw(self) -> None:
        c = self.canv
        drawn = False
        if self.photo:
            try:
                c.drawImage(ImageReader(io.BytesIO(self.photo)), 0, 0, self.W, self.H, preserveAspectRatio=True,
                            anchor="c")
                drawn = True
            except Exception:  # a damaged attachment must not stop the CV: show the empty box
                drawn = False
        c.setLineWidth(0.6)
        c.rect(0, 0, self.W, self.H)
        if not drawn:
            c.setFont(SERIF_ITALIC, 10)
            c.drawCentredString(self.W / 2, self.H / 2 + 2, "Ảnh màu")
            c.drawCentredString(self.W / 2, self.H / 2 - 11, "(4 x 6 cm)")


def _date_to_fill(place: str) -> Inline:
    """"Thanh Hà, Ngày …… tháng …… năm 20……": the date is written when the form is signed."""
    place = clean(place)
    tokens: list[Token] = [T(f"{place}, Ngày", SERIF_ITALIC)] if place else [Dots(40), T(", Ngày", SERIF_ITALIC)]
    tokens += [Dots(22), T("tháng", SERIF_ITALIC), Dots(22), T("năm 20", SERIF_ITALIC), Dots(16)]
    return Inline(tokens, size=11.5, leading=14, align="center")


def _two_signatures(left: list[Flowable], right: list[Flowable]) -> Flowable:
    return KeepTogether([Columns([(0, left), (0, right)], space_before=12)])


# ------------------------------------------------------------------------------------------- 2C-BNV/2008


def _story_bnv(data: CvData) -> list[Flowable]:
    c, lab = data.file.cadre, data.labels
    W = nd30.TEXT_W
    story: list[Flowable] = []
    left = [line(fld("Cơ quan, đơn vị có thẩm quyền quản lý CBCC:", data.managing_unit, 40)),
            line(fld("Cơ quan, đơn vị sử dụng CBCC:", data.using_unit, 40))]
    right = [para(FORMS["bnv"], font=SERIF_BOLD, size=SIZE, align="right", leading=LEADING),
             line(fld("Số hiệu cán bộ, công chức:", c.cadre_code, 40))]
    story.append(Columns([(W * 0.6, left), (W * 0.36, right)], gap=W * 0.04))

    day, month, year = dmy(c.birth_date, c.birth_precision)
    top = [
        para("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", font=SERIF_BOLD, size=15, align="center", leading=20,
             space_before=4, space_after=8),
        line(fld("1) Họ và tên khai sinh (viết chữ in hoa):", upper(clean(c.full_name)))),
        line(fld("2) Tên gọi khác:", c.other_names)),
        line(fld("3) Sinh ngày:", day, 22), fld("tháng", month, 22), fld("năm", year, 34), Tab(0.62),
             fld("Giới tính (nam, nữ):", SEX_LABELS.get(c.sex, ""), 30)),
        line(fld("4) Nơi sinh:", c.birthplace)),
        line(fld("5) Quê quán:", c.hometown)),
    ]
    story.append(Columns([(PhotoBox.W + 10, [VSpace(8), PhotoBox(data.photo)]), (0, top)], space_before=6))
    story += [
        line(fld("6) Dân tộc:", lab.name("ethnicity", c.ethnicity_code)), Tab(0.5),
             fld("7) Tôn giáo:", lab.name("religion", c.religion_code))),
        line(fld("8) Nơi đăng ký hộ khẩu thường trú:", c.permanent_address)),
        hint("(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"),
        line(fld("9) Nơi ở hiện nay:", c.current_address)),
        hint("(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"),
        line(fld("10) Nghề nghiệp khi được tuyển dụng:", c.occupation_before)),
        line(fld("11) Ngày tuyển dụng:", format_date(c.recruitment_date), 60), Tab(0.42),
             fld("Cơ quan tuyển dụng:", c.recruiting_agency)),
        line(fld("12) Chức vụ (chức danh) hiện tại:", _position(data))),
        hint("(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)"),
        line(fld("13) Công việc chính được giao:", c.main_duties)),
        line(fld("14) Ngạch công chức (viên chức):", lab.name("grade", c.grade_code)), Tab(0.62),
             fld("Mã ngạch:", c.grade_code)),
        line(fld("Bậc lương:", str(c.salary_step) if c.salary_step else "", 30), Tab(0.3),
             fld("Hệ số:", num(c.salary_coefficient), 30), Tab(0.6), fld("Ngày hưởng:", format_date(c.salary_step_date), 60)),
        line(fld("Phụ cấp chức vụ:", num(c.position_allowance), 40), Tab(0.42), fld("Phụ cấp khác:", _allowance_other(data))),
        line(fld("15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào):", c.general_education)),
        line(fld("15.2- Trình độ chuyên môn cao nhất:", _education(data))),
        hint("(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp; chuyên ngành)"),
        line(fld("15.3- Lý luận chính trị:", lab.name("political_theory", c.political_theory)), Tab(0.5),
             fld("15.4- Quản lý nhà nước:", lab.name("state_mgmt", c.state_mgmt))),
        hint("(Cao cấp, trung cấp, sơ cấp và tương đương)", "(chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …)"),
        line(fld("15.5- Ngoại ngữ:", lab.name("foreign_language_level", c.foreign_language)), Tab(0.5),
             fld("15.6- Tin học:", lab.name("it_level", c.it_level))),
        hint("(Tên ngoại ngữ + Trình độ A, B, C, D…)", "(Trình độ A, B, C, …)"),
        line(fld("16) Ngày vào Đảng Cộng sản Việt Nam:", format_date(c.party_join_date), 60), Tab(0.62),
             fld("Ngày chính thức:", format_date(c.party_official_date), 60)),
        line(fld("17) Ngày tham gia tổ chức chính trị - xã hội:", c.mass_org)),
        hint("(Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó)"),
        line(fld("18) Ngày nhập ngũ:", format_date(c.army_enlist_date), 45), Tab(0.32),
             fld("Ngày xuất ngũ:", format_date(c.army_discharge_date), 45), Tab(0.62),
             fld("Quân hàm cao nhất:", lab.name("military_rank", c.army_rank), 30)),
        line(fld("19) Danh hiệu được phong tặng cao nhất:", lab.name("honorary_title", c.honorary_title))),
        hint("(Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …)"),
        line(fld("20) Sở trường công tác:", c.strengths)),
        line(fld("21) Khen thưởng:", highest_award(data)), Tab(0.5), fld("22) Kỷ luật:", highest_discipline(data))),
        hint("(Hình thức cao nhất, năm nào)", "(về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào)"),
        line(fld("23) Tình trạng sức khỏe:", c.health_status, 40), Tab(0.35),
             fld("Chiều cao:", f"{c.height_cm} cm" if c.height_cm else "", 30), Tab(0.57),
             fld("Cân nặng:", f"{c.weight_kg} kg" if c.weight_kg else "", 30), Tab(0.78),
             fld("Nhóm máu:", lab.name("blood_group", c.blood_group), 20)),
        line(fld("24) Là thương binh hạng:", c.war_invalid_grade, 40), Tab(0.42),
             fld("Là con gia đình chính sách:", c.policy_family)),
        hint("(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)"),
        line(fld("25) Số chứng minh nhân dân:", c.id_number, 80), Tab(0.55),
             fld("Ngày cấp:", format_date(c.id_issue_date), 55)),
        hint("(nay là số định danh cá nhân ghi trên thẻ Căn cước công dân / Căn cước)"),
        line(fld("26) Số sổ BHXH:", c.social_insurance_no)),
        heading("27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học"),
        training_table(data, W),
        para("Ghi chú: Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng…/ Văn bằng: TSKH, TS, Ths, Cử nhân, "
             "Kỹ sư…", font=SERIF_ITALIC, size=HINT, leading=12, space_before=2),
        heading("28) Tóm tắt quá trình công tác"),
        work_table(data, W),
        heading("29) Đặc điểm lịch sử bản thân:"),
    ]
    story += block("- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, "
                   "những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, "
                   "chức vụ, thời gian làm việc…)", c.history_detention)
    story += block("- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ "
                   "chức nào, đặt trụ sở ở đâu…?):", c.history_foreign_orgs)
    story += block("- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ…)?",
                   c.history_foreign_relatives)
    story += [
        heading("30) Quan hệ gia đình"),
        keep(para("a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", size=SIZE, leading=LEADING,
                  space_after=2)),
        family_table(data, "self", W),
        keep(para("b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột", size=SIZE, leading=LEADING, space_before=6,
                  space_after=2)),
        family_table(data, "spouse", W),
        heading("31) Diễn biến quá trình lương của cán bộ, công chức"),
        *salary_grid(data, W),
        heading("32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức"),
    ]
    story.append(_free_text(c.assessment, min_lines=4))
    story.append(_signatures_bnv(data))
    return story


def _free_text(text: str, *, min_lines: int) -> Inline:
    value = clean_block(text)
    if value:
        return Inline(text_tokens(value, VALUE_FONT), size=SIZE, leading=LEADING, fill_end=True,
                      min_lines=min_lines)
    return Inline([], size=SIZE, leading=LEADING, min_lines=min_lines, fill_end=True)


def _signatures_bnv(data: CvData) -> Flowable:
    name = clean(data.file.cadre.full_name)
    left = [para("Người khai", font=SERIF_BOLD, size=SIZE, align="center", leading=LEADING),
            para("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", font=SERIF_ITALIC, size=11.5, align="center",
                 leading=14),
            para("(Ký tên, ghi rõ họ tên)", font=SERIF_ITALIC, size=11, align="center", leading=14),
            VSpace(58), para(name, font=SERIF_BOLD, size=SIZE, align="center", leading=LEADING)]
    right = [_date_to_fill(data.place),
             para("Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC", font=SERIF_BOLD, size=SIZE, align="center",
                  leading=LEADING),
             para("(Ký tên, đóng dấu)", font=SERIF_ITALIC, size=11, align="center", leading=14)]
    return _two_signatures(left, right)


# ------------------------------------------------------------------------------------------- 2C/TCTW-98


def _story_tctw(data: CvData) -> list[Flowable]:
    """2C/TCTW-98. Items 1–17 as read in domain.md §1.2 [S]; items 18 on follow the remembered layout [U]
    (foreign language, main work, grade and salary, titles, strengths, awards, discipline, health, ID,
    then the tables and the family's economic situation) until a scan of the official form is checked."""
    c, lab = data.file.cadre, data.labels
    W = nd30.TEXT_W
    chain = data.chain
    top_unit = clean(chain[-1].name) if len(chain) > 1 else ""  # "Tỉnh Nghệ An" (the top of this office's tree)
    direct = nd30.body_name(chain[1]) if len(chain) > 1 else ""  # the body the unit belongs to
    base = data.using_unit
    left = [line(fld("Bộ, Tỉnh:", top_unit, 40)), line(fld("Đơn vị trực thuộc:", direct, 40)),
            line(fld("Đơn vị cơ sở:", base, 40))]
    right = [para(FORMS["tctw"], font=SERIF_BOLD, size=SIZE, align="right", leading=LEADING),
             line(fld("Số hiệu cán bộ, công chức:", c.cadre_code, 40))]
    story: list[Flowable] = [Columns([(W * 0.6, left), (W * 0.36, right)], gap=W * 0.04)]
    day, month, year = dmy(c.birth_date, c.birth_precision)
    top = [
        para("SƠ YẾU LÝ LỊCH", font=SERIF_BOLD, size=16, align="center", leading=20, space_before=4, space_after=8),
        line(fld("1) Họ và tên khai sinh:", upper(clean(c.full_name))), Tab(0.74), fld("Nam, nữ:", SEX_LABELS.get(c.sex, ""), 24)),
        line(fld("2) Các tên gọi khác:", c.other_names)),
        line(fld("3) Cấp ủy hiện tại:", c.party_committee)),
        line(fld("Cấp ủy kiêm:", c.party_committee_concurrent)),
        line(fld("Chức vụ (Đảng, chính quyền, đoàn thể):", _position(data))),
        line(fld("Phụ cấp chức vụ:", num(c.position_allowance), 40)),
        line(fld("4) Sinh ngày:", day, 22), fld("tháng", month, 22), fld("năm", year, 34)),
    ]
    story.append(Columns([(PhotoBox.W + 10, [VSpace(8), PhotoBox(data.photo)]), (0, top)], space_before=6))
    story += [
        line(fld("5) Nơi sinh:", c.birthplace)),
        line(fld("6) Quê quán (xã, phường; huyện, quận; tỉnh, thành phố):", c.hometown)),
        line(fld("7) Nơi ở hiện nay:", c.current_address), Tab(0.74), fld("Điện thoại:", c.phone, 30)),
        line(fld("8) Dân tộc:", lab.name("ethnicity", c.ethnicity_code)), Tab(0.5),
             fld("9) Tôn giáo:", lab.name("religion", c.religion_code))),
        line(fld("10) Thành phần gia đình xuất thân:", c.family_background)),
        hint("(Công nhân, nông dân, cán bộ, công chức, trí thức, quân nhân, dân nghèo thành thị, tiểu thương, tiểu chủ, tư sản…)"),
        line(fld("11) Nghề nghiệp bản thân trước khi được tuyển dụng:", c.occupation_before)),
        line(fld("12) Ngày được tuyển dụng:", format_date(c.recruitment_date), 60), Tab(0.45),
             fld("Vào cơ quan nào, ở đâu:", c.recruiting_agency)),
        line(fld("13) Ngày vào cơ quan hiện đang công tác:", format_date(c.current_agency_join_date), 60), Tab(0.6),
             fld("Ngày tham gia cách mạng:", format_date(c.revolution_join_date), 50)),
        line(fld("14) Ngày vào Đảng Cộng sản Việt Nam:", format_date(c.party_join_date), 60), Tab(0.62),
             fld("Ngày chính thức:", format_date(c.party_official_date), 60)),
        line(fld("15) Ngày tham gia các tổ chức chính trị - xã hội:", c.mass_org)),
        hint("(Đoàn TNCS Hồ Chí Minh, Công đoàn, Hội…)"),
        line(fld("16) Ngày nhập ngũ:", format_date(c.army_enlist_date), 55), Tab(0.36),
             fld("Ngày xuất ngũ:", format_date(c.army_discharge_date), 55), Tab(0.7),
             fld("Quân hàm:", lab.name("military_rank", c.army_rank), 30)),
        line(fld("17) Trình độ học vấn: Giáo dục phổ thông:", c.general_education, 40), Tab(0.6),
             fld("Học hàm, học vị cao nhất:", _education(data))),
        line(fld("Lý luận chính trị:", lab.name("political_theory", c.political_theory)), Tab(0.5),
             fld("Quản lý nhà nước:", lab.name("state_mgmt", c.state_mgmt))),
        line(fld("18) Ngoại ngữ:", lab.name("foreign_language_level", c.foreign_language)), Tab(0.5),
             fld("Tin học:", lab.name("it_level", c.it_level))),
        line(fld("19) Công tác chính đang làm:", c.main_duties)),
        line(fld("20) Ngạch công chức:", lab.name("grade", c.grade_code)), Tab(0.5), fld("Mã ngạch:", c.grade_code, 40),
             Tab(0.75), fld("Bậc:", str(c.salary_step) if c.salary_step else "", 24)),
        line(fld("Hệ số lương:", num(c.salary_coefficient), 30), Tab(0.35),
             fld("Từ ngày:", format_date(c.salary_step_date), 60), Tab(0.65), fld("Phụ cấp khác:", _allowance_other(data), 40)),
        line(fld("21) Danh hiệu được phong (năm nào):", lab.name("honorary_title", c.honorary_title))),
        line(fld("22) Sở trường công tác:", c.strengths)),
        line(fld("23) Khen thưởng (hình thức cao nhất, năm nào):", highest_award(data))),
        line(fld("24) Kỷ luật (Đảng, chính quyền, hình thức cao nhất, năm nào):", highest_discipline(data))),
        line(fld("25) Tình trạng sức khỏe:", c.health_status, 40), Tab(0.38),
             fld("Cao:", f"{c.height_cm} cm" if c.height_cm else "", 30), Tab(0.58),
             fld("Cân nặng:", f"{c.weight_kg} kg" if c.weight_kg else "", 30), Tab(0.78),
             fld("Nhóm máu:", lab.name("blood_group", c.blood_group), 20)),
        line(fld("26) Thương binh loại:", c.war_invalid_grade, 40), Tab(0.42),
             fld("Gia đình chính sách:", c.policy_family)),
        line(fld("27) Số chứng minh nhân dân:", c.id_number, 80), Tab(0.55),
             fld("Ngày cấp:", format_date(c.id_issue_date), 55)),
        hint("(nay là số định danh cá nhân ghi trên thẻ Căn cước công dân / Căn cước)"),
        line(fld("Số sổ BHXH:", c.social_insurance_no)),
        heading("28) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học"),
        training_table(data, W),
        heading("29) Tóm tắt quá trình công tác"),
        work_table(data, W),
        heading("30) Đặc điểm lịch sử bản thân:"),
    ]
    story += block("- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, "
                   "những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, "
                   "chức vụ, thời gian làm việc…)", c.history_detention)
    story += block("- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ "
                   "chức nào, đặt trụ sở ở đâu…?):", c.history_foreign_orgs)
    story += block("- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ…)?",
                   c.history_foreign_relatives)
    story += [
        heading("31) Quan hệ gia đình"),
        keep(para("a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", size=SIZE, leading=LEADING,
                  space_after=2)),
        family_table(data, "self", W),
        keep(para("b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột", size=SIZE, leading=LEADING, space_before=6,
                  space_after=2)),
        family_table(data, "spouse", W),
        heading("32) Hoàn cảnh kinh tế gia đình"),
    ]
    story += block("- Tiền lương, các nguồn thu nhập khác:", c.economic_salary, min_lines=1)
    story += block("- Nhà ở (được cấp, được thuê, tự mua, tự xây; loại nhà, diện tích):", c.economic_housing, min_lines=1)
    story += block("- Đất ở, đất sản xuất, kinh doanh:", c.economic_land, min_lines=1)
    story += [
        heading("33) Diễn biến quá trình lương"),
        *salary_grid(data, W),
        heading("34) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ"),
        _free_text(c.assessment, min_lines=4),
    ]
    story.append(_signatures_tctw(data))
    return story


def _signatures_tctw(data: CvData) -> Flowable:
    name = clean(data.file.cadre.full_name)
    left = [para("Người khai", font=SERIF_BOLD, size=SIZE, align="center", leading=LEADING),
            para("Tôi xin cam đoan đã khai đầy đủ, rõ ràng và chịu trách nhiệm về những lời khai trên", font=SERIF_ITALIC,
                 size=11.5, align="center", leading=14),
            para("(Ký tên, ghi rõ họ tên)", font=SERIF_ITALIC, size=11, align="center", leading=14),
            VSpace(58), para(name, font=SERIF_BOLD, size=SIZE, align="center", leading=LEADING)]
    right = [_date_to_fill(data.place),
             para("Xác nhận của cơ quan, đơn vị quản lý cán bộ", font=SERIF_BOLD, size=SIZE, align="center",
                  leading=LEADING),
             para("(Ký tên, đóng dấu)", font=SERIF_ITALIC, size=11, align="center", leading=14)]
    return _two_signatures(left, right)


# ------------------------------------------------------------------------------------------- output


def cv_story(data: CvData) -> list[Flowable]:
    """The flowables of one CV (for a single PDF, a batch, or the appointment dossier)."""
    return _story_tctw(data) if data.form == "tctw" else _story_bnv(data)


def cv_title(data: CvData) -> str:
    return f"Sơ yếu lý lịch – {clean(data.file.cadre.full_name)}"


@vietnamese_document
def render_cv(data: CvData, out: str | Path | IO[bytes]) -> int:
    """Write the CV to ``out`` (a path or a binary file object); returns the number of pages."""
    target: str | IO[bytes] = str(out) if isinstance(out, Path) else out
    story: list[Flowable] = [nd30.PartStart(cv_title(data), "cv")]
    story += cv_story(data)
    doc = nd30.build(story, target, title=cv_title(data), author=data.using_unit, subject=FORMS[data.form])
    return int(doc.page)


def cv_pdf_bytes(data: CvData) -> bytes:
    """The CV as PDF bytes (the GUI preview)."""
    buf = io.BytesIO()
    render_cv(data, buf)
    return buf.getvalue()


__all__ = ["FORMS", "CvData", "Labels", "cv_from_session", "cv_pdf_bytes", "cv_story", "cv_title", "load_cv",
           "render_cv"]
