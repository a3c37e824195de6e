"""The demo's showcase people, made to show every feature on known names.

The random population is written by the bulk generator in ``services/demo.py``; these few people are
then completed through the same services a clerk uses, so that the documents, the eligibility check and
the tests always have the cases the issues name:

- **Công Tằng Tôn Nữ Thị Bích Ngọc**: every table of the 2C CV full, long names and long texts, a photo.
- **Lò Văn Pảng**: only the required items; every optional item empty (the CV prints dotted lines).
- **Bùi Thị Hòa** (already generated) is known only by her birth year.
- For the appointment to *Phó Chủ tịch UBND xã* on the demo day: **Đặng Quốc Việt** meets every
  condition, **Lê Văn Dục** cannot serve a full term before retiring, and **Phạm Hữu Đức** received a
  *cảnh cáo* (warning) 20 months earlier, still inside its 30-month bar.
"""

from __future__ import annotations

import io
from datetime import date

from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db.uow import UowFactory
from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.decisions import DecisionInput
from canbo_desktop.services.records import record_decision, save_cadre_file, set_photo

TARGET_TITLE = "pho_chu_tich_ubnd_xa"
TODAY = date(2026, 11, 21)
PLANNING_TERM = "2025-2030"


def demo_photo(seed: int = 0) -> bytes:
    """A plain 4×6 portrait placeholder (head and shoulders on a light blue ground), as PNG bytes."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 600), (214, 228, 240))
    draw = ImageDraw.Draw(img)
    tone = (70 + seed * 9 % 40, 74, 92)
    draw.ellipse((130, 110, 270, 270), fill=(232, 200, 170))  # face
    draw.pieslice((120, 90, 280, 250), 180, 360, fill=tone)  # hair
    draw.rounded_rectangle((60, 300, 340, 640), radius=90, fill=tone)  # shoulders
    draw.polygon([(170, 300), (230, 300), (200, 380)], fill=(245, 245, 245))  # collar
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _unit_id(uowf: UowFactory, code_suffix: str) -> str:
    with uowf() as uow:
        ids = uow.session.scalars(
            select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.code.like(f"%{code_suffix}")).order_by(m.OrgUnitRecord.code)
        ).all()
        if not ids:
            ids = uow.session.scalars(select(m.OrgUnitRecord.id).order_by(m.OrgUnitRecord.code)).all()
        return ids[0]


def add_showcase(uowf: UowFactory) -> dict[str, str]:
    """Create and complete the showcase people; returns {name: id}."""
    commune_ubnd = _unit_id(uowf, ".X02.UBND")
    office = _unit_id(uowf, ".PNV")
    made = {
        "Công Tằng Tôn Nữ Thị Bích Ngọc": _full_person(uowf, office),
        "Lò Văn Pảng": _minimal_person(uowf, commune_ubnd),
    }
    for cccd, case in (("040075001234", "eligible"), ("040068009876", "too_old"), ("079079000321", "disciplined")):
        made[case] = _prepare_candidate(uowf, cccd, case, commune_ubnd)
    return made


def _full_person(uowf: UowFactory, unit_id: str) -> str:
    c = d.Cadre(
        owner_unit_id=unit_id, cadre_code="CB-SC-001", category="cong_chuc", status="dang_cong_tac",
        full_name="Công Tằng Tôn Nữ Thị Bích Ngọc", family_name="Công Tằng Tôn Nữ", middle_name="Thị Bích",
        given_name="Ngọc", other_names="Bích Ngọc, Ngọc Tôn Nữ", sex="F", birth_date=date(1978, 6, 30),
        birthplace="Phường Thuận Hòa, thành phố Huế, tỉnh Thừa Thiên Huế",
        hometown="Phường Kim Long, thành phố Huế, tỉnh Thừa Thiên Huế", hometown_province_code="46",
        ethnicity_code="01", religion_code="phat_giao",
        permanent_address="Số 128, đường Nguyễn Phúc Nguyên, phường Kim Long, thành phố Huế, tỉnh Thừa Thiên Huế",
        current_address="Số 17, ngõ 42, đường Lê Hồng Phong, khối 9, phường Trường Thi, thành phố Vinh, tỉnh Nghệ An",
        phone="0912345678", email="ngoc.ctn@noivu.gov.vn",
        occupation_before="Giáo viên Trường Trung học phổ thông Hai Bà Trưng, thành phố Huế",
        recruitment_date=date(2002, 9, 1), recruiting_agency="Sở Nội vụ tỉnh Thừa Thiên Huế",
        current_position="Phó Trưởng phòng Nội vụ, phụ trách công tác tổ chức bộ máy và chính quyền địa phương",
        title_code="pho_truong_phong_huyen", position_start_date=date(2021, 3, 15), term_end_date=date(2026, 3, 14),
        concurrent_positions="Ủy viên Ban Chấp hành Công đoàn cơ quan; Bí thư Chi bộ Phòng Nội vụ",
        main_duties="Tham mưu công tác tổ chức bộ máy, biên chế, quản lý cán bộ, công chức, viên chức; "
                    "công tác chính quyền địa phương, địa giới hành chính, thi đua - khen thưởng và tôn giáo.",
        grade_code="01.002", salary_step=4, salary_coefficient=5.42, salary_step_date=date(2024, 4, 1),
        position_allowance=0.3, other_allowance="Phụ cấp công vụ 25%; phụ cấp thâm niên vượt khung không",
        general_education="12/12", education_level="thac_si", education_major="Quản lý công",
        academic_title="", political_theory="cao_cap", state_mgmt="chuyen_vien_chinh",
        foreign_language="Tiếng Anh bậc 4 (B2); Tiếng Pháp trình độ B", it_level="Chứng chỉ ứng dụng CNTT nâng cao",
        party_join_date=date(2005, 5, 19), party_official_date=date(2006, 5, 19),
        mass_org="Công đoàn Việt Nam (2002); Hội Liên hiệp Phụ nữ Việt Nam (2002)",
        honorary_title="", strengths="Tổng hợp, soạn thảo văn bản, tổ chức bộ máy, tiếng Pháp",
        health_status="Tốt", height_cm=158, weight_kg=52, blood_group="o",
        policy_family="Con gia đình có công với cách mạng (bố là thương binh hạng 3/4)",
        id_number="046178000888", id_issue_date=date(2021, 7, 12),
        id_issue_place="Cục Cảnh sát quản lý hành chính về trật tự xã hội", social_insurance_no="4602012345",
        history_detention="Không bị bắt, bị tù, không khai báo cho địch.",
        history_foreign_orgs="Không tham gia hoặc có quan hệ với tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài.",
        history_foreign_relatives="Có em gái Công Tằng Tôn Nữ Thị Bích Thủy định cư tại Lyon (Cộng hòa Pháp) từ năm 2015, "
                                  "làm nghề dược sĩ, không tham gia tổ chức chính trị nào.",
        assessment="Có phẩm chất chính trị vững vàng, đạo đức lối sống trong sáng, năng lực tham mưu tốt; "
                   "hoàn thành xuất sắc nhiệm vụ năm 2023 và năm 2024.",
        family_background="Công chức", revolution_join_date=date(2002, 9, 1), current_agency_join_date=date(2012, 8, 1),
        party_committee="Ủy viên Ban Chấp hành Đảng bộ cơ quan UBND huyện nhiệm kỳ 2020-2025",
        party_committee_concurrent="Bí thư Chi bộ Phòng Nội vụ",
        economic_salary="Lương và các khoản phụ cấp theo quy định; thu nhập khác không có",
        economic_housing="Nhà ở được cấp: không; nhà tự mua: nhà 3 tầng, 95 m² tại phường Trường Thi",
        economic_land="Đất ở được cấp: không; đất tự mua: 120 m² tại phường Kim Long, thành phố Huế",
    )
    training = [
        d.TrainingRow(school="Trường Đại học Sư phạm, Đại học Huế", major="Sư phạm Ngữ văn", kind="chuyen_mon",
                      from_date="1996-09", to_date="2000-06", mode="chinh_quy", certificate="Cử nhân", level_code="dai_hoc"),
        d.TrainingRow(school="Học viện Hành chính Quốc gia", major="Quản lý công", kind="chuyen_mon",
                      from_date="2010-10", to_date="2012-12", mode="tai_chuc", certificate="Thạc sĩ", level_code="thac_si"),
        d.TrainingRow(school="Học viện Chính trị khu vực III", major="Lý luận chính trị", kind="ly_luan_chinh_tri",
                      from_date="2016-03", to_date="2017-09", mode="tai_chuc", certificate="Cao cấp lý luận chính trị",
                      level_code="cao_cap"),
        d.TrainingRow(school="Trường Chính trị tỉnh Nghệ An", major="Quản lý nhà nước chương trình chuyên viên chính",
                      kind="quan_ly_nha_nuoc", from_date="2019-05", to_date="2019-08", mode="boi_duong",
                      certificate="Chứng chỉ", level_code="chuyen_vien_chinh"),
        d.TrainingRow(school="Trường Chính trị tỉnh Nghệ An", major="Bồi dưỡng cập nhật kiến thức lãnh đạo, quản lý cấp phòng",
                      kind="cap_nhat_kien_thuc", from_date="2025-05", to_date="2025-05", mode="boi_duong",
                      certificate="Giấy chứng nhận"),
    ]
    work = [
        ("1996-09", "2000-06", "Sinh viên Khoa Ngữ văn, Trường Đại học Sư phạm, Đại học Huế"),
        ("2000-09", "2002-08", "Giáo viên hợp đồng, Trường Trung học phổ thông Hai Bà Trưng, thành phố Huế"),
        ("2002-09", "2012-07", "Chuyên viên Phòng Tổ chức, biên chế và tổ chức phi chính phủ, Sở Nội vụ tỉnh Thừa Thiên Huế"),
        ("2012-08", "2021-03", "Chuyên viên Phòng Nội vụ, UBND huyện Phú Xuân, tỉnh Nghệ An (chuyển công tác theo nguyện vọng gia đình)"),
        ("2021-03", "", "Phó Trưởng phòng Nội vụ, UBND huyện Phú Xuân; Bí thư Chi bộ Phòng Nội vụ"),
    ]
    family = [
        ("self", "Bố", "Công Tằng Tôn Thất Minh", "1950", "Thương binh hạng 3/4, hưu trí; trú tại phường Kim Long, thành phố Huế"),
        ("self", "Mẹ", "Nguyễn Thị Thu Hương", "1953", "Giáo viên đã nghỉ hưu; trú tại phường Kim Long, thành phố Huế"),
        ("self", "Chồng", "Trần Đình Khoa", "1975", "Giảng viên chính Trường Đại học Vinh; đảng viên"),
        ("self", "Con", "Trần Đình Minh Khang", "2004", "Sinh viên Trường Đại học Bách khoa Hà Nội"),
        ("self", "Con", "Trần Ngọc Bảo Châu", "2010", "Học sinh Trường THPT chuyên Phan Bội Châu"),
        ("self", "Em gái", "Công Tằng Tôn Nữ Thị Bích Thủy", "1983", "Dược sĩ, định cư tại Lyon, Cộng hòa Pháp từ năm 2015"),
        ("spouse", "Bố chồng", "Trần Đình Lượng", "1945", "Nông dân, đã mất năm 2019"),
        ("spouse", "Mẹ chồng", "Hoàng Thị Nguyệt", "1948", "Nông dân; trú tại xã Hưng Đạo, tỉnh Nghệ An"),
        ("spouse", "Em chồng", "Trần Đình Khải", "1979", "Kỹ sư xây dựng, Công ty Cổ phần Xây dựng số 6"),
    ]
    salary = [
        ("2002-09", "01.003", 1, 2.34), ("2011-09", "01.003", 4, 3.33), ("2018-01", "01.002", 2, 4.74),
        ("2021-01", "01.002", 3, 5.08), ("2024-04", "01.002", 4, 5.42),
    ]
    f = d.CadreFile(
        cadre=c,
        training=training,
        work_history=[d.WorkHistoryRow(from_date=a, to_date=b, description=t) for a, b, t in work],
        family=[d.FamilyRow(side=s, relation=r, full_name=n, birth_year=y, details=t) for s, r, n, y, t in family],
        salary=[d.SalaryRow(effective=e, grade_code=g, step=s, coefficient=k) for e, g, s, k in salary],
        awards=[
            d.AwardRow(year=2019, form_code="bang_khen_cap_tinh", form_text="Bằng khen của Chủ tịch UBND tỉnh",
                       issuer="UBND tỉnh Nghệ An", reason="Thành tích xuất sắc trong công tác sắp xếp tổ chức bộ máy"),
            d.AwardRow(year=2024, form_code="chien_si_thi_dua_co_so", form_text="Chiến sĩ thi đua cơ sở",
                       issuer="UBND huyện Phú Xuân", reason="Hoàn thành xuất sắc nhiệm vụ năm 2024"),
        ],
        discipline=[d.DisciplineRow(decided_on=date(2014, 6, 20), kind="admin", form_code="khien_trach",
                                    reason="Chậm trình hồ sơ nâng lương của cơ quan", issuer="Giám đốc Sở Nội vụ")],
        positions=[d.PositionRow(title_code="pho_truong_phong_huyen", title_text="Phó Trưởng phòng Nội vụ", unit_id=unit_id,
                                 start_date=date(2021, 3, 15), term_end=date(2026, 3, 14))],
        documents=[
            d.DocumentRow(kind="ke_khai_tai_san", doc_date=date(2026, 1, 20), reference="Bản kê khai năm 2025"),
            d.DocumentRow(kind="giay_kham_suc_khoe", doc_date=date(2026, 9, 8), reference="Bệnh viện Đa khoa tỉnh Nghệ An"),
        ],
    )
    cid, _ = save_cadre_file(uowf, f, today=TODAY)
    set_photo(uowf, cid, demo_photo(1), date(2026, 9, 1))
    return cid


def _minimal_person(uowf: UowFactory, unit_id: str) -> str:
    c = d.Cadre(owner_unit_id=unit_id, full_name="Lò Văn Pảng", family_name="Lò", middle_name="Văn", given_name="Pảng",
                sex="M", birth_date=date(1996, 8, 19), ethnicity_code="03", religion_code="khong",
                current_position="Công chức Văn phòng - Thống kê", recruitment_date=date(2023, 10, 2))
    cid, _ = save_cadre_file(uowf, d.CadreFile(cadre=c), today=TODAY)
    return cid


def _prepare_candidate(uowf: UowFactory, cccd: str, case: str, commune_ubnd: str) -> str:
    """Make a generated showcase person a candidate for Phó Chủ tịch UBND xã (see the module docstring)."""
    with uowf() as uow:
        rec = uow.session.scalars(select(m.CadreRecord).where(m.CadreRecord.id_number == cccd)).one()
        cid = rec.id
        rec.current_position = "Trưởng phòng Kinh tế" if case != "too_old" else rec.current_position
        rec.position_start_date = date(2022, 6, 1)
        rec.education_level = "dai_hoc" if rec.education_level not in ("thac_si", "tien_si") else rec.education_level
        rec.political_theory = "cao_cap"
        rec.state_mgmt = "chuyen_vien_chinh"
        for year, level in ((2023, "tot"), (2024, "xuat_sac" if case == "eligible" else "tot"), (2025, "tot")):
            ev = uow.session.scalars(select(m.EvaluationRecord).where(
                m.EvaluationRecord.cadre_id == cid, m.EvaluationRecord.year == year)).one_or_none()
            if ev is None:
                uow.session.add(m.EvaluationRecord(cadre_id=cid, year=year, regime="nd90", level=level))
            elif ev.level != level:
                ev.level = level
        # earlier random discipline would blur the three cases
        for dis in uow.session.scalars(select(m.DisciplineRecord).where(m.DisciplineRecord.cadre_id == cid)):
            dis.deleted = True
        uow.session.add(m.PlanningEntryRecord(cadre_id=cid, term=PLANNING_TERM, title_code=TARGET_TITLE, unit_id=commune_ubnd,
                                              added_on=date(2025, 3, 10), added_ref="Nghị quyết số 215-NQ/HU ngày 10/03/2025"))
        docs = {doc.kind: doc for doc in uow.session.scalars(select(m.CadreDocumentRecord).where(
            m.CadreDocumentRecord.cadre_id == cid, m.CadreDocumentRecord.deleted.is_(False)))}
        for pos, (kind, on, ref) in enumerate((("ke_khai_tai_san", date(2026, 1, 15), "Bản kê khai năm 2025"),
                                               ("giay_kham_suc_khoe", date(2026, 9, 10), "Trung tâm Y tế huyện"))):
            if kind in docs:
                docs[kind].doc_date, docs[kind].reference = on, ref
            else:
                uow.session.add(m.CadreDocumentRecord(cadre_id=cid, position=10 + pos, kind=kind, doc_date=on, reference=ref, note=""))
        uow.commit()
    set_photo(uowf, cid, demo_photo(len(case)), date(2026, 9, 1))
    if case == "disciplined":
        record_decision(uowf, cid, DecisionInput(
            kind="ky_luat", number="45/QĐ-UBND", signed_on=date(2025, 3, 21), issuer="Chủ tịch UBND huyện Phú Xuân",
            effective_date=date(2025, 3, 21), summary="Kỷ luật cảnh cáo do thiếu trách nhiệm trong quản lý hồ sơ đất đai",
            form_code="canh_cao", form_text="Cảnh cáo", discipline_kind="admin"))
    return cid
