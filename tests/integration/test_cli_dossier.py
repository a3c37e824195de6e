"""``canbo dossier``: what an admin script sees (files, JSON on stdout, Vietnamese errors, exit codes),
including the batch on a real process pool and its cancel token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from canbo_desktop.cli.main import main
from canbo_desktop.db import models as m
from canbo_desktop.services.cadres import search_cadres
from canbo_desktop.services.database import Database, open_database
from canbo_desktop.services.pdf.batch import CancelToken, file_name, render_cv_batch, unit_ids
from tests.integration.test_pdf_cv import assert_fonts_embedded, pdftext
from tests.integration.test_pdf_dossier import make_procedure


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def unit_code(db: Database, suffix: str) -> str:
    with db.uow("t")() as uow:
        return uow.session.scalars(select(m.OrgUnitRecord.code).where(m.OrgUnitRecord.code.like(f"%{suffix}"))).first() or ""


def test_cv2c_for_one_person(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(str(demo_db_path))
    cid = search_cadres(db.uow("t"), "Đặng Quốc Việt")[0].id
    db.close()
    out = tmp_path / "viet.pdf"
    code, stdout, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", cid, "--out", str(out), "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["file"] == str(out) and data["pages"] >= 3 and data["full_name"] == "Đặng Quốc Việt"
    assert "ĐẶNG QUỐC VIỆT" in pdftext(out)
    assert_fonts_embedded(out)
    code, _, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", cid, "--out", str(tmp_path / "t.pdf"),
                       "--form", "tctw")
    assert code == 0 and "Mẫu 2C/TCTW-98" in pdftext(tmp_path / "t.pdf") and "Đã in sơ yếu lý lịch" in err


def test_cv2c_batch_for_a_unit_uses_a_process_pool(demo_db_path: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(str(demo_db_path))
    code_root = unit_code(db, ".D01")
    expected = unit_ids(db.uow("t"), code_root)
    db.close()
    out_dir = tmp_path / "cv"
    code, stdout, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", "--unit", code_root, "--out-dir",
                            str(out_dir), "--workers", "2", "--json")
    assert code == 0, err
    res = json.loads(stdout)
    assert res["people"] == len(expected) == res["written"] > 100 and res["workers"] == 2 and res["failed"] == []
    files = sorted(out_dir.glob("*.pdf"))
    assert len(files) == len(expected) and not list(out_dir.glob("*.part"))
    viet = next(f for f in files if f.name.startswith("dang-quoc-viet-"))
    assert "ĐẶNG QUỐC VIỆT" in pdftext(viet)
    assert "[100.0%] Đã in" in err  # progress on stderr, JSON alone on stdout


def test_cv2c_merged_file_has_a_bookmark_per_person(demo_db_path: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(str(demo_db_path))
    code = unit_code(db, ".PNV")
    people = unit_ids(db.uow("t"), code)
    db.close()
    merged = tmp_path / "pnv.pdf"
    rc, stdout, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", "--unit", code, "--merged", str(merged),
                          "--json", "--quiet")
    assert rc == 0, err
    assert json.loads(stdout)["written"] == len(people) >= 2
    data = merged.read_bytes()
    assert b"/Outlines" in data and data.count(b"/Dest") >= len(people)
    text = pdftext(merged)
    assert text.count("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC") == len(people)


def test_appointment_dossier(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(str(demo_db_path))  # the file the command line opens (whatever the test backend)
    pid = make_procedure(db)
    db.close()
    out = tmp_path / "hoso.pdf"
    code, stdout, err = run(capsys, "--db", str(demo_db_path), "dossier", "appointment", pid, "--out", str(out),
                            "--on", "21/11/2026", "--number", "--json")
    assert code == 0, err
    res = json.loads(stdout)
    assert res["numbers"] == {"TTr": 1, "QĐ": 1} and res["person"] == "Đặng Quốc Việt" and res["pages"] > 10
    assert {x["item"] for x in res["missing"]} >= {6, 7, 10}
    assert "Số: 01/QĐ-UBND" in pdftext(out)
    with open_database(str(demo_db_path)).uow("t")() as uow:
        exports = uow.session.scalars(select(m.AuditRecord).where(m.AuditRecord.action == "export")).all()
        assert any(e.changes.get("document") == "appointment-dossier" for e in exports)


def test_errors_are_vietnamese_with_exit_codes(demo_db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "dossier", "appointment", "khong-co", "--out",
                         str(tmp_path / "x.pdf"))
    assert code == 3 and out == "" and "Không tìm thấy quy trình" in err
    code, out, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "PERSON_ID" in err
    code, out, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", "--unit", "KHONG-CO", "--out-dir",
                         str(tmp_path / "d"))
    assert code == 3 and "Không có đơn vị mã «KHONG-CO»" in err
    code, out, err = run(capsys, "--db", str(demo_db_path), "dossier", "cv2c", "x", "--out", str(tmp_path / "nope" / "x.pdf"))
    assert code == 2 and "không tồn tại" in err


def test_batch_progress_and_cancel(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.uow("t")() as uow:
        ids = list(uow.session.scalars(select(m.CadreRecord.id).order_by(m.CadreRecord.name_sort_key).limit(60)))
    token = CancelToken()
    seen: list[float] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(fraction)
        if fraction >= 0.2:
            token.cancel()  # the Cancel button, pressed while the pool is working

    res = render_cv_batch(demo_db.target, ids, out_dir=tmp_path / "cv", workers=2, progress=progress, cancel=token, chunk=4)
    assert res.cancelled and 0 < res.done < len(ids)
    assert len(list((tmp_path / "cv").glob("*.pdf"))) == res.done == len(res.files)
    assert seen == sorted(seen[:-1]) + seen[-1:]  # fractions only go up until the final report
    assert not list((tmp_path / "cv").glob("*.part"))


def test_batch_in_process_for_a_few_people(demo_db: Database, tmp_path: Path) -> None:
    ids = [search_cadres(demo_db.uow("t"), n)[0].id for n in ("Đặng Quốc Việt", "Bùi Thị Hòa")]
    ids.append("khong-co-nguoi-nay")
    res = render_cv_batch(demo_db.target, ids, out_dir=tmp_path, workers=2)
    assert res.workers == 0 and res.done == 2 and [i for i, _ in res.failed] == ["khong-co-nguoi-nay"]
    assert "Không tìm thấy cán bộ" in res.failed[0][1]
    assert file_name("Đặng Quốc Việt", "0190-abcd-ef12345678") == "dang-quoc-viet-12345678.pdf"
