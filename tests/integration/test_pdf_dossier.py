"""The appointment dossier: its parts in order, the NĐ 30 layout of page 1, numbers from the yearly
counter, the ballot figures and pass rule of each step, what is missing, and the draft decision."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from canbo_desktop.db import models as m
from canbo_desktop.db.documents import next_number
from canbo_desktop.domain.errors import NotFound
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database
from canbo_desktop.services.pdf.dossier import load_dossier, post_text, render_dossier
from canbo_desktop.services.pdf.nd30 import doc_number, place_date
from tests.integration.test_pdf_cv import assert_fonts_embedded, pdftext, squash, words

ON = date(2026, 11, 21)
STEPS = [  # name, held, convened, present, issued, returned, valid, agree, disagree, announced, minutes
    ("Bước 1: Hội nghị tập thể lãnh đạo (lần 1) – thống nhất cơ cấu, tiêu chuẩn, điều kiện, quy trình",
     date(2026, 10, 5), 9, 9, None, None, None, None, None, True, "Thống nhất cơ cấu, tiêu chuẩn; rà soát 03 nhân sự."),
    ("Bước 2: Hội nghị tập thể lãnh đạo mở rộng – giới thiệu nhân sự bằng phiếu kín (không công bố kết quả)",
     date(2026, 10, 12), 21, 20, 20, 20, 19, 15, 4, False, ""),
    ("Bước 3: Hội nghị tập thể lãnh đạo (lần 2) – lựa chọn, giới thiệu nhân sự bằng phiếu kín (công bố kết quả)",
     date(2026, 10, 19), 9, 9, 9, 9, 9, 8, 1, True, ""),
    ("Bước 4: Hội nghị cán bộ chủ chốt – lấy phiếu tín nhiệm bằng phiếu kín (ghi nhận, không công bố)",
     date(2026, 10, 26), 45, 42, 42, 42, 41, 38, 3, False, ""),
    ("Bước 5: Hội nghị tập thể lãnh đạo (lần 3) – biểu quyết nhân sự bằng phiếu kín",
     date(2026, 11, 2), 9, 5, 5, 5, 5, 4, 1, True, ""),
]


def make_procedure(db: Database, *, steps: list[tuple] = STEPS) -> str:  # type: ignore[type-arg]
    """A procedure as the appointment services will store it, written with the ORM in one transaction."""
    uowf = db.uow("test")
    cid = search_cadres(uowf, "Đặng Quốc Việt")[0].id
    with uowf() as uow:
        s = uow.session
        unit = s.scalars(select(m.OrgUnitRecord.id).where(m.OrgUnitRecord.code.like("%.X02.UBND"))).one()
        p = m.AppointmentProcedureRecord(cadre_id=cid, kind="appointment", source="internal",
                                         title_code="pho_chu_tich_ubnd_xa", unit_id=unit, policy_ref="125/UBND-NV",
                                         policy_approved_on=date(2026, 9, 25), status="in_progress", overrides=[])
        s.add(p)
        s.flush()
        for no, (name, held, conv, pres, iss, ret, val, agree, dis, ann, minutes) in enumerate(steps, 1):
            s.add(m.AppointmentStepRecord(procedure_id=p.id, step_no=no, name=name, held_on=held, convened=conv,
                                          present=pres, ballots_issued=iss, ballots_returned=ret, ballots_valid=val,
                                          agree=agree, disagree=dis, announced=ann, minutes=minutes))
        for kind, present, on in (("ban_tu_kiem_diem", True, date(2026, 10, 1)),
                                  ("nhan_xet_danh_gia", True, date(2026, 10, 3)),
                                  ("giay_kham_suc_khoe", True, date(2026, 2, 1))):
            s.add(m.AppointmentDocumentRecord(procedure_id=p.id, doc_kind=kind, present=present, doc_date=on))
        pid = p.id
        uow.commit()
    return pid


@pytest.fixture
def dossier(demo_db: Database, tmp_path: Path) -> tuple[Path, object]:
    pid = make_procedure(demo_db)
    data = load_dossier(demo_db.uow("test"), pid, on=ON, number_documents=True)
    out = tmp_path / "hoso.pdf"
    render_dossier(data, out)
    return out, data


def page_texts(path: Path) -> list[str]:
    return pdftext(path, "-raw").split("\f")


def test_parts_in_order_with_fonts_embedded(dossier: tuple[Path, object]) -> None:
    out, _ = dossier
    pages = page_texts(out)
    flat = squash("".join(pages))
    order = ["TỜTRÌNH", "BIÊNBẢN", "BIÊNBẢNKIỂMPHIẾU", "SƠYẾULÝLỊCHCÁNBỘ,CÔNGCHỨC", "BẢNGTỔNGHỢP", "DANHMỤCHỒSƠ",
             "QUYẾTĐỊNH"]
    positions = [flat.index(w) for w in order]
    assert positions == sorted(positions)
    assert unicodedata.is_normalized("NFC", "".join(pages))
    assert_fonts_embedded(out)
    assert b"/Outlines" in out.read_bytes()  # one bookmark per document


def test_first_page_follows_nd30(dossier: tuple[Path, object], tmp_path: Path) -> None:
    out, _ = dossier
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    gray = Image.open(next(tmp_path.glob("p-*1.png"))).convert("L")
    ws = words(out, 1)
    get = lambda text: next(w for w in ws if w[0] == text)  # noqa: E731
    issuer, national, motto, number, title = get("ỦY"), get("CỘNG"), get("Độc"), get("Số:"), get("TỜ")
    date_word = get("ngày")
    left, width = 30 * 72 / 25.4, 595.28 - (30 + 15) * 72 / 25.4
    # two columns: issuing body on the left, national name on the right, on the same line
    assert issuer[1] < national[1] - 150 and abs(issuer[2] - national[2]) < 3
    assert national[1] > left + width * 0.4
    assert motto[2] > national[4] and abs((motto[1] + get("phúc")[3]) / 2 - (national[1] + get("NAM")[3]) / 2) < 3
    # "Số:" under the body, the place and date on the same line under the motto
    assert number[1] < left + width * 0.45 and abs(number[2] - date_word[2]) < 2 and date_word[2] > motto[4]
    # a rule under the motto as long as the motto: a dark row spanning it at 50 dpi
    s = 50 / 72
    x0, x1 = int(motto[1] * s), int(get("phúc")[3] * s)
    rows = range(int(motto[4] * s), int(motto[4] * s) + 6)
    spans = [sum(1 for x in range(x0 - 4, x1 + 5) if gray.getpixel((x, y)) < 150) for y in rows]
    assert max(spans) >= (x1 - x0) * 0.95 and max(spans) <= (x1 - x0) + 4
    # the title centred on the text width
    centre = (title[1] + get("TRÌNH")[3]) / 2
    assert abs(centre - (left + width / 2)) < 3 and title[2] > number[4]
    # no page number on page 1, "2" centred in the top margin of page 2
    assert not [w for w in ws if w[0].isdigit() and w[2] < 20 * 72 / 25.4]
    second = [w for w in words(out, 2) if w[0] == "2" and w[4] < 20 * 72 / 25.4]
    assert second and abs((second[0][1] + second[0][3]) / 2 - (left + width / 2)) < 3


def test_numbers_come_from_the_issuers_yearly_counter(demo_db: Database, dossier: tuple[Path, object]) -> None:
    out, data = dossier
    text = pdftext(out)
    assert "Số: 01/TTr-UBND" in text and "Số: 01/QĐ-UBND" in text
    pid = data.procedure.id  # type: ignore[attr-defined]
    again = load_dossier(demo_db.uow("test"), pid, on=ON, number_documents=True)
    assert again.numbers == {"TTr": 2, "QĐ": 2}
    preview = load_dossier(demo_db.uow("test"), pid, on=ON)
    assert preview.numbers == {"TTr": None, "QĐ": None}  # a preview takes no number
    with demo_db.uow("test")() as uow:
        issuer = again.authority.unit_id
        assert next_number(uow.session, issuer, "QĐ", 2026) == 3
        assert next_number(uow.session, issuer, "QĐ", 2027) == 1  # a new year starts again at 1
        assert next_number(uow.session, issuer, "TTr", 2027) == 1  # each kind has its own counter
        uow.rollback()
    with demo_db.uow("test")() as uow:
        assert next_number(uow.session, issuer, "QĐ", 2026) == 3  # rolled back: the number was not consumed
        audit = uow.session.scalars(select(m.AuditRecord).where(m.AuditRecord.action == "dossier.number")).all()
        assert len(audit) == 2


def test_each_step_has_its_minutes_and_ballot_count(dossier: tuple[Path, object]) -> None:
    out, _ = dossier
    flat = squash(pdftext(out, "-raw"))
    assert squash("số người được triệu tập: 21; có mặt: 20 (95,24%); vắng mặt: 1.") in flat
    assert squash("Hội nghị đủ điều kiện tiến hành") in flat
    assert squash("Hội nghị không đủ điều kiện tiến hành") in flat  # step 5: 5 of 9 present, below 2/3
    for figures in ("15/21 (71,43%)", "8/9 (88,89%)", "38/45 (84,44%)", "4/9 (44,44%)"):
        assert squash(figures) in flat
    # step 3 passes (8 of 9 > 1/2); step 5 fails (4 of 9 is not more than half of those convened)
    assert squash("đạt tỷ lệ phiếu đồng ý trên 1/2 (50%) tổng số người được triệu tập (8/9, 88,89%)") in flat
    assert squash("không đạt tỷ lệ phiếu đồng ý trên 1/2 (50%) tổng số người được triệu tập (4/9, 44,44%)") in flat
    assert squash("Kết quả không công bố tại hội nghị") in flat and squash("Kết quả được công bố tại hội nghị") in flat
    assert squash("Thống nhất cơ cấu, tiêu chuẩn; rà soát 03 nhân sự.") in flat
    assert flat.count(squash("BIÊN BẢN KIỂM PHIẾU")) == 4  # step 1 has no ballot


def test_checklist_says_what_is_missing(dossier: tuple[Path, object]) -> None:
    out, data = dossier
    flat = squash(pdftext(out, "-raw"))
    missing = {i.kind: i.status for i in data.missing}  # type: ignore[attr-defined]
    assert missing["giay_kham_suc_khoe"] == "qua_han"  # the health certificate is older than 6 months
    assert "ban_tu_kiem_diem" not in missing and "to_trinh" not in missing
    assert "nhan_xet_noi_cu_tru" in missing and "ket_luan_tieu_chuan_chinh_tri" in missing
    assert squash(f"Hồ sơ còn thiếu {len(missing):02d} thành phần:") in flat
    assert squash("6. Nhận xét của chi ủy nơi cư trú") in flat


def test_draft_decision(dossier: tuple[Path, object]) -> None:
    out, data = dossier
    decision = next(p for p in page_texts(out) if "DỰ THẢO" in p)
    flat = squash(decision)
    for text in ("QUYẾT ĐỊNH", "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;",
                 "Căn cứ Văn bản số 125/UBND-NV ngày 25/09/2026 về chủ trương bổ nhiệm cán bộ;",
                 "Theo đề nghị của", "tại Tờ trình số 01/TTr-UBND ngày 21/11/2026.", "Điều 1.", "Điều 2.", "Điều 3.",
                 "Bổ nhiệm ông Đặng Quốc Việt, sinh ngày 12/03/1975", "giữ chức vụ Phó Chủ tịch UBND xã",
                 "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, UBND.", "CHỦ TỊCH", "ngày tháng năm 2026",
                 "chịu trách nhiệm thi hành Quyết định này./."):
        assert squash(text) in flat, text
    assert data.post.startswith("Phó Chủ tịch UBND xã ")  # type: ignore[attr-defined]


def test_place_date_and_number_rules() -> None:
    assert place_date("Thanh Hà", date(2026, 3, 5)) == "Thanh Hà, ngày 05 tháng 3 năm 2026"
    assert place_date("Thanh Hà", date(2026, 2, 15)) == "Thanh Hà, ngày 15 tháng 02 năm 2026"
    assert place_date("Hà Nội", date(2026, 12, 1)) == "Hà Nội, ngày 01 tháng 12 năm 2026"
    assert doc_number(5, "QĐ", "UBND") == "Số: 05/QĐ-UBND" and doc_number(12, "TTr", "PNV") == "Số: 12/TTr-PNV"
    assert doc_number(None, "QĐ", "UBND").startswith("Số:") and doc_number(None, "QĐ", "UBND").endswith("/QĐ-UBND")


def test_post_names(demo_db: Database) -> None:
    from canbo_desktop.db.documents import UnitInfo

    def unit(name: str, kind: str = "phong_ban", place: str = "Thanh Hà") -> UnitInfo:
        return UnitInfo("u", "c", name, "", kind, None, place, "", "", 1)

    assert post_text("Trưởng phòng thuộc UBND huyện", unit("Phòng Tài chính - Kế hoạch")) == "Trưởng phòng Tài chính - Kế hoạch"
    assert post_text("Phó Chủ tịch UBND xã", unit("Ủy ban nhân dân xã Tân Lập", "ubnd", "Tân Lập")) == \
        "Phó Chủ tịch UBND xã Tân Lập"
    assert post_text("Giám đốc Sở", unit("Sở Tài chính", "so_nganh")) == "Giám đốc sở Tài chính"


def test_unknown_procedure_is_a_vietnamese_not_found(demo_db: Database) -> None:
    with pytest.raises(NotFound, match="Không tìm thấy quy trình"):
        load_dossier(demo_db.uow("test"), "khong-co", on=ON)


def test_steps_not_held_yet_are_printed_with_gaps(demo_db: Database, tmp_path: Path) -> None:
    pid = make_procedure(demo_db, steps=[(STEPS[0][0], None, None, None, None, None, None, None, None, False, "")])
    data = load_dossier(demo_db.uow("test"), pid, on=date(2026, 2, 5))
    out = tmp_path / "d.pdf"
    render_dossier(data, out)
    text = pdftext(out)
    assert "Chưa thực hiện" in text
    assert "ngày 05 tháng 02 năm 2026" in text  # the zero-padding rule in a real header
    assert re.search(r"Số:\s+/TTr-UBND", pdftext(out, "-raw"))
    assert any(i.kind == "bien_ban" and i.missing for i in data.checklist)
