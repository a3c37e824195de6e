"""The 2C CV as a clerk gets it: every value printed exactly (read back with poppler), only embedded
subset fonts, empty items as dotted lines, the photo, the page-1 layout, any text survives."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.dates import format_date, format_iso_partial
from canbo_desktop.domain.text import clean_line, clean_multiline
from canbo_desktop.services import records
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.pdf.cv import CvData, Labels, load_cv, render_cv
from canbo_desktop.services.pdf.fonts import SERIF, register_fonts
from canbo_desktop.services.refdata import code_choices

TODAY = date(2026, 11, 21)
FULL, EMPTY, YEAR_ONLY = "Công Tằng Tôn Nữ Thị Bích Ngọc", "Lò Văn Pảng", "Bùi Thị Hòa"


# ------------------------------------------------------------------------------------------- poppler


def pdftext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def words(path: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points from the top-left corner, read by ``pdftotext -bbox``."""
    html = pdftext(path, "-bbox", "-f", str(page), "-l", str(page))
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)
    return [(w, float(a), float(b), float(c), float(e)) for a, b, c, e, w in found]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_fonts_embedded(path: Path) -> None:
    rows = fonts(path)
    assert rows, "no font at all"
    for r in rows:
        assert "Helvetica" not in r[0] and "Times" not in r[0], r
        assert r[0].split("+")[-1].startswith("LiberationSerif"), r
        assert r[-5:-3] == ["yes", "yes"], f"not embedded and subset: {r}"


# ------------------------------------------------------------------------------------------- people


def person(db: Database, name: str) -> str:
    """The demo showcase person; created with the same content when the demo does not have them yet."""
    uowf = db.uow("test")
    hits = [h for h in search_cadres(uowf, name) if h.full_name == name]
    if hits:
        return hits[0].id
    unit = search_cadres(uowf, "Đặng Quốc Việt")[0].unit_id
    if name == EMPTY:
        c = d.Cadre(owner_unit_id=unit, full_name=EMPTY, sex="M", birth_date=date(1996, 8, 19), ethnicity_code="03",
                    religion_code="khong", current_position="Công chức Văn phòng - Thống kê",
                    recruitment_date=date(2023, 10, 2))
        return records.save_cadre_file(uowf, d.CadreFile(cadre=c), today=TODAY)[0]
    c = d.Cadre(owner_unit_id=unit, full_name=FULL, family_name="Công Tằng Tôn Nữ", middle_name="Thị Bích", given_name="Ngọc",
                other_names="Bích Ngọc", sex="F", birth_date=date(1978, 6, 30), birthplace="Phường Thuận Hòa, thành phố Huế",
                hometown="Phường Kim Long, thành phố Huế", religion_code="phat_giao", permanent_address="Số 128, Kim Long",
                current_address="Số 17, ngõ 42, Trường Thi", occupation_before="Giáo viên", recruitment_date=date(2002, 9, 1),
                recruiting_agency="Sở Nội vụ tỉnh Thừa Thiên Huế", current_position="Phó Trưởng phòng Nội vụ",
                main_duties="Tham mưu tổ chức bộ máy", grade_code="01.002", salary_step=4, salary_coefficient=5.42,
                salary_step_date=date(2024, 4, 1), position_allowance=0.3, general_education="12/12",
                education_level="thac_si", education_major="Quản lý công", political_theory="cao_cap",
                state_mgmt="chuyen_vien_chinh", foreign_language="Tiếng Anh bậc 4 (B2)", it_level="Nâng cao",
                party_join_date=date(2005, 5, 19), party_official_date=date(2006, 5, 19), mass_org="Công đoàn Việt Nam",
                strengths="Tổng hợp", health_status="Tốt", height_cm=158, weight_kg=52, blood_group="o",
                id_number="046178000888", id_issue_date=date(2021, 7, 12), social_insurance_no="4602012345",
                history_detention="Không", history_foreign_orgs="Không", history_foreign_relatives="Có em gái ở Lyon",
                assessment="Hoàn thành xuất sắc nhiệm vụ.", family_background="Công chức",
                economic_salary="Lương theo quy định", economic_housing="Nhà 3 tầng", economic_land="120 m²")
    f = d.CadreFile(
        cadre=c,
        training=[d.TrainingRow(school="Học viện Hành chính Quốc gia", major="Quản lý công", from_date="2010-10",
                                to_date="2012-12", mode="tai_chuc", certificate="Thạc sĩ", level_code="thac_si")],
        work_history=[d.WorkHistoryRow(from_date="2002-09", to_date="2012-07", description="Chuyên viên Sở Nội vụ")],
        family=[d.FamilyRow(side="self", relation="Bố", full_name="Công Tằng Tôn Thất Minh", birth_year="1950",
                            details="Hưu trí"),
                d.FamilyRow(side="spouse", relation="Bố chồng", full_name="Trần Đình Lượng", birth_year="1945",
                            details="Nông dân")],
        salary=[d.SalaryRow(effective="2024-04", grade_code="01.002", step=4, coefficient=5.42)],
        awards=[d.AwardRow(year=2019, form_code="bang_khen_cap_tinh", form_text="Bằng khen của Chủ tịch UBND tỉnh")],
        discipline=[d.DisciplineRow(decided_on=date(2014, 6, 20), form_code="khien_trach")],
    )
    cid = records.save_cadre_file(uowf, f, today=TODAY)[0]
    img = io.BytesIO()
    Image.new("RGB", (400, 600), (200, 210, 230)).save(img, "PNG")
    records.set_photo(uowf, cid, img.getvalue(), date(2026, 9, 1))
    return cid


def expected_values(db: Database, cid: str, form: str) -> list[str]:
    """Every value the CV must show, computed here from the record and the code lists (not by the CV code)."""
    data = load_cv(db.uow("test"), cid, form=form)
    f, c = data.file, data.file.cadre
    codes = code_choices(db.uow("test"))

    def label(key: str, code: str) -> str:
        return dict(codes.get(key, [])).get(code, code)

    grade = {g.split(" – ")[0]: g.split(" – ", 1)[1] for _, g in codes["grade"]}
    num = lambda x: f"{x:.2f}".replace(".", ",")  # noqa: E731
    values = [c.full_name.upper(), c.other_names, c.birthplace, c.hometown, label("ethnicity", c.ethnicity_code),
              label("religion", c.religion_code), c.current_address, c.occupation_before, c.recruiting_agency,
              format_date(c.recruitment_date), c.current_position, c.main_duties, c.grade_code, grade.get(c.grade_code, ""),
              num(c.salary_coefficient) if c.salary_coefficient else "", format_date(c.salary_step_date),
              num(c.position_allowance) if c.position_allowance else "", c.general_education,
              label("education_level", c.education_level), c.education_major, label("political_theory", c.political_theory),
              label("state_mgmt", c.state_mgmt), c.foreign_language, c.it_level, format_date(c.party_join_date),
              format_date(c.party_official_date), c.mass_org, c.strengths, c.health_status,
              f"{c.height_cm} cm" if c.height_cm else "", f"{c.weight_kg} kg" if c.weight_kg else "",
              label("blood_group", c.blood_group), c.policy_family, c.id_number, format_date(c.id_issue_date),
              c.social_insurance_no, c.history_detention, c.history_foreign_orgs, c.history_foreign_relatives,
              c.assessment, c.cadre_code, data.using_unit]
    if c.birth_precision == "year":
        values.append(f"năm {c.birth_date.year}" if c.birth_date else "")
    elif c.birth_date:
        values.append(f"{c.birth_date.day:02d} tháng {c.birth_date.month:02d} năm {c.birth_date.year}")
    if form == "bnv":
        values.append(c.permanent_address)
    else:
        values += [c.family_background, c.economic_salary, c.economic_housing, c.economic_land, c.phone,
                   c.party_committee, c.party_committee_concurrent]
    for t in f.training:
        values += [t.school, t.major, format_iso_partial(t.from_date), format_iso_partial(t.to_date),
                   label("training_mode", t.mode), t.certificate]
    for w in f.work_history:
        values += [format_iso_partial(w.from_date), format_iso_partial(w.to_date), w.description]
    for m in f.family:
        values += [m.relation, m.full_name, m.birth_year, m.details]
    for s in f.salary:
        values += [format_iso_partial(s.effective), f"{s.grade_code}/{s.step}", num(s.coefficient) if s.coefficient else ""]
    if f.awards:
        best = max(f.awards, key=lambda a: a.year)
        values.append(str(best.year))
    for r in f.discipline:
        values.append(label("discipline_form", r.form_code))
    return [v for v in values if v]


# ------------------------------------------------------------------------------------------- tests


@pytest.mark.parametrize("form", ["bnv", "tctw"])
@pytest.mark.parametrize("name", [FULL, EMPTY, YEAR_ONLY])
def test_every_value_is_printed_exactly(demo_db: Database, tmp_path: Path, name: str, form: str) -> None:
    cid = person(demo_db, name)
    out = tmp_path / "cv.pdf"
    pages = render_cv(load_cv(demo_db.uow("test"), cid, form=form), out)
    assert 3 <= pages <= 5
    text = pdftext(out, "-raw")
    assert unicodedata.is_normalized("NFC", text)
    flat = squash(text)
    missing = [v for v in expected_values(demo_db, cid, form) if squash(clean_multiline(v)) not in flat]
    assert not missing, f"not printed: {missing}"
    assert ("Mẫu 2C-BNV/2008" if form == "bnv" else "Mẫu 2C/TCTW-98") in text
    assert_fonts_embedded(out)


def test_item_numbers_and_wording_of_the_2c_bnv_form(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cv.pdf"
    render_cv(load_cv(demo_db.uow("test"), person(demo_db, FULL)), out)
    flat = squash(pdftext(out, "-raw"))
    items = ["1) Họ và tên khai sinh (viết chữ in hoa):", "2) Tên gọi khác:", "3) Sinh ngày:", "Giới tính (nam, nữ):",
             "4) Nơi sinh:", "5) Quê quán:", "6) Dân tộc:", "7) Tôn giáo:", "8) Nơi đăng ký hộ khẩu thường trú:",
             "9) Nơi ở hiện nay:", "10) Nghề nghiệp khi được tuyển dụng:", "11) Ngày tuyển dụng:", "Cơ quan tuyển dụng:",
             "12) Chức vụ (chức danh) hiện tại:", "13) Công việc chính được giao:", "14) Ngạch công chức (viên chức):",
             "Mã ngạch:", "Bậc lương:", "Hệ số:", "Ngày hưởng:", "Phụ cấp chức vụ:", "Phụ cấp khác:",
             "15.1- Trình độ giáo dục phổ thông", "15.2- Trình độ chuyên môn cao nhất:", "15.3- Lý luận chính trị:",
             "15.4- Quản lý nhà nước:", "15.5- Ngoại ngữ:", "15.6- Tin học:", "16) Ngày vào Đảng Cộng sản Việt Nam:",
             "Ngày chính thức:", "17) Ngày tham gia tổ chức chính trị - xã hội:", "18) Ngày nhập ngũ:", "Ngày xuất ngũ:",
             "Quân hàm cao nhất:", "19) Danh hiệu được phong tặng cao nhất:", "20) Sở trường công tác:", "21) Khen thưởng:",
             "22) Kỷ luật:", "23) Tình trạng sức khỏe:", "Chiều cao:", "Cân nặng:", "Nhóm máu:", "24) Là thương binh hạng:",
             "Là con gia đình chính sách:", "25) Số chứng minh nhân dân:", "Ngày cấp:", "26) Số sổ BHXH:",
             "27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học",
             "28) Tóm tắt quá trình công tác", "29) Đặc điểm lịch sử bản thân:", "30) Quan hệ gia đình",
             "a) Về bản thân:", "b) Về bên vợ (hoặc chồng):", "31) Diễn biến quá trình lương của cán bộ, công chức",
             "32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức",
             "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", "Người khai", "Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
             "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC", "(Ký tên, đóng dấu)"]
    assert [i for i in items if squash(i) not in flat] == []
    positions = [flat.index(squash(i)) for i in items[:5]]
    assert positions == sorted(positions), "items out of order"


def _dark_pixels_right_of(png: Path, word: tuple[str, float, float, float, float], dpi: int = 100) -> int:
    """Dark pixels in the best row of the word's line, from just after the word to the right margin (the dots)."""
    img = Image.open(png).convert("L")
    scale = dpi / 72
    x0, x1 = int(word[3] * scale) + 4, int((595.3 - 15 * 72 / 25.4) * scale)
    rows = range(int(word[2] * scale), int(word[4] * scale) + 3)
    return max(sum(1 for x in range(x0, x1) if img.getpixel((x, y)) < 160) for y in rows)


def test_empty_items_are_dotted_lines_not_omitted(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cv.pdf"
    render_cv(load_cv(demo_db.uow("test"), person(demo_db, EMPTY)), out)
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p-*1.png"))
    ws = words(out)
    other = next(w for w in ws if w[0] == "khác:")  # "2) Tên gọi khác:" — empty for this person
    assert _dark_pixels_right_of(png, other) > 40, "no dotted line after an empty item"
    flat = squash(pdftext(out, "-raw"))
    for label in ("2) Tên gọi khác:", "4) Nơi sinh:", "19) Danh hiệu được phong tặng cao nhất:", "26) Số sổ BHXH:"):
        assert squash(label) in flat


def test_the_photo_is_in_the_4x6_box(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cv.pdf"
    render_cv(load_cv(demo_db.uow("test"), person(demo_db, FULL)), out)
    listing = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(out)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    assert len(listing) == 1
    cols = listing[0].split()
    assert cols[3:5] == ["400", "600"]  # the stored 4×6 photo, embedded as it is
    empty = tmp_path / "empty.pdf"
    render_cv(load_cv(demo_db.uow("test"), person(demo_db, EMPTY)), empty)
    assert "Ảnh màu" in pdftext(empty) and "(4 x 6 cm)" in pdftext(empty)


def test_page_one_layout_landmarks(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cv.pdf"
    render_cv(load_cv(demo_db.uow("test"), person(demo_db, YEAR_ONLY)), out)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    png = Image.open(next(tmp_path.glob("p-*1.png")))
    assert png.size == (414, 585)  # A4 at 50 dpi
    ws = words(out)
    form = next(w for w in ws if w[0] == "2C-BNV/2008")
    title = next(w for w in ws if w[0] == "SƠ")
    name_label = next(w for w in ws if w[0] == "1)")
    managing = next(w for w in ws if w[0] == "Cơ")
    assert form[3] > 520 and form[2] < 80, "form code at the top right"
    assert managing[1] < 90 and managing[2] < 80, "managing body at the top left"
    assert title[2] > form[4] and title[2] < 160, "title under the header"
    assert name_label[2] > title[4], "item 1 under the title"
    # the 4×6 cm photo box sits at the left margin (30 mm), left of items 1–5: its left edge is a dark
    # vertical line about 6 cm (118 px at 50 dpi) long
    gray = png.convert("L")
    edge = round(30 / 25.4 * 50)
    run = streak = 0
    for y in range(585):
        dark = min(gray.getpixel((x, y)) for x in (edge - 1, edge, edge + 1)) < 128
        streak = streak + 1 if dark else 0
        run = max(run, streak)
    assert 112 <= run <= 122, run
    assert abs(name_label[1] - (85 + 113.4 + 10)) < 4
    assert "năm 1987" in pdftext(out) and "Sinh ngày:" in pdftext(out)  # day and month dotted for a birth year


ODD = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x20, 0x7F)]
        + list("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬƯỨỪỬỮỰƠỚỜỞỠỢ")
        + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"]  # NFD marks
        + ["\t", "\n", "\r", "\u00a0", "\u200b", "\u202e", "\ufeff", "\x07", "«", "»", "–", "…", "²"]
    ),
    max_size=120,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(other=ODD, duties=ODD, details=ODD, school=ODD)
def test_any_text_renders_and_comes_back_in_nfc(tmp_path: Path, other: str, duties: str, details: str, school: str) -> None:
    register_fonts()
    f = d.CadreFile(
        cadre=d.Cadre(full_name="Kiểm Thử", other_names=other, main_duties=duties, sex="F", birth_date=date(1990, 2, 3)),
        family=[d.FamilyRow(side="self", relation="Mẹ", full_name="Nguyễn Thị A", details=details)],
        training=[d.TrainingRow(school=school, major="x")],
    )
    out = tmp_path / "odd.pdf"
    render_cv(CvData(file=f, labels=Labels()), out)
    text = pdftext(out, "-raw")
    assert unicodedata.is_normalized("NFC", text)
    flat = squash(text)
    for value in (other, duties, details, school):
        expected = squash(clean_line(value))
        assert expected in flat, (value, expected)


def test_fonts_cover_what_is_printed() -> None:
    """Every Vietnamese letter the forms can print has a glyph in the bundled font."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(SERIF).face
    letters = "ĂÂĐÊÔƠƯăâđêôơư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
    assert [ch for ch in letters if ord(ch) not in face.charToGlyph] == []
