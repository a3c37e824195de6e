"""The ``canbo`` CLI: what an admin script sees (stdout JSON only, Vietnamese errors on stderr, exit codes)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from canbo_desktop.cli.main import main

PW = "matkhau-thu-nghiem"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def pw(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANBO_PASSWORD", PW)


def test_init_creates_office_and_admin(tmp_path: Path, capsys: pytest.CaptureFixture[str], pw: None) -> None:
    db = tmp_path / "xa.db"
    code, out, err = run(capsys, "--db", str(db), "init", "--office-code", "40123", "--office-name",
                         "UBND xã Thanh Hà", "--admin-user", "quantri", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["office_code"] == "40123" and data["office_name"] == "UBND xã Thanh Hà"
    code, out, _ = run(capsys, "--db", str(db), "stats", "--json")
    counts = json.loads(out)
    assert counts["app_user"] == 1 and counts["org_unit"] == 1 and counts["local_node"] == 1
    assert counts["code_item"] > 200 and counts["grade"] >= 5  # the code lists were loaded


def test_init_twice_is_refused_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], pw: None) -> None:
    db = tmp_path / "xa.db"
    assert run(capsys, "--db", str(db), "init", "--office-code", "1", "--office-name", "A", "--admin-user", "u")[0] == 0
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), "init", "--office-code", "2", "--office-name", "B", "--admin-user", "v")
    assert code != 0 and out == ""
    assert "đã được khởi tạo" in err
    assert digest(db) == before


def test_init_without_password_in_a_script_says_how(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CANBO_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", open(os.devnull))
    code, _, err = run(capsys, "--db", str(tmp_path / "a.db"), "init", "--office-code", "1", "--office-name", "A",
                       "--admin-user", "u")
    assert code != 0 and "CANBO_PASSWORD" in err


def test_short_password_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANBO_PASSWORD", "123")
    code, _, err = run(capsys, "--db", str(tmp_path / "a.db"), "init", "--office-code", "1", "--office-name", "A",
                       "--admin-user", "u")
    assert code != 0 and "ít nhất 8 ký tự" in err


def test_missing_folder_is_refused_and_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str], pw: None) -> None:
    target = tmp_path / "khong-co" / "canbo.db"
    code, out, err = run(capsys, "--db", str(target), "init", "--office-code", "1", "--office-name", "A", "--admin-user", "u")
    assert code != 0 and out == ""
    assert "không tồn tại" in err
    assert not target.parent.exists()


def test_stats_on_a_missing_file_does_not_create_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "chua-co.db"
    code, _, err = run(capsys, "--db", str(target), "stats", "--json")
    assert code != 0 and "Không tìm thấy" in err
    assert not target.exists()


@pytest.mark.parametrize(
    "url, words",
    [
        ("postgresql+psycopg://u@h:notaport/db", "không hợp lệ"),
        ("postgresql+psycopg://u@[::1:5432/db", "không hợp lệ"),
        ("mysql://u@h/db", "Không hỗ trợ"),
        ("postgresql+psycopg://u@h:5432", "thiếu tên cơ sở dữ liệu"),
        ("sqlite://", "phải là một tệp"),
    ],
)
def test_malformed_canbo_db_url(url: str, words: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANBO_DB", url)
    code, out, err = run(capsys, "stats", "--json")
    assert code != 0 and out == ""
    assert words in err


def test_newer_schema_is_refused_unchanged(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(demo_db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()
    before = digest(demo_db_path)
    code, out, err = run(capsys, "--db", str(demo_db_path), "cadres", "search", "nguyen", "--json")
    assert code != 0 and out == ""
    assert "mới hơn" in err
    assert digest(demo_db_path) == before


def test_locked_database_gives_a_clear_message(empty_db_path: Path, capsys: pytest.CaptureFixture[str], pw: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANBO_BUSY_TIMEOUT_MS", "200")
    holder = sqlite3.connect(empty_db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        code, out, err = run(capsys, "--db", str(empty_db_path), "init", "--office-code", "1", "--office-name", "A",
                             "--admin-user", "u")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code != 0 and out == ""
    assert "đang bị khoá" in err
    con = sqlite3.connect(empty_db_path)
    assert con.execute("SELECT count(*) FROM local_node").fetchone()[0] == 0
    con.close()


def test_not_a_database_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "hoso.db"
    junk.write_bytes(b"Day khong phai SQLite" * 100)
    before = digest(junk)
    code, _, err = run(capsys, "--db", str(junk), "stats")
    assert code != 0 and "không phải là cơ sở dữ liệu" in err
    assert digest(junk) == before


def test_search_show_and_check_on_demo(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "cadres", "search", "dang viet", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows[0]["full_name"] == "Đặng Quốc Việt"
    assert set(rows[0]) >= {"id", "full_name", "birth_date", "unit_code"}
    assert rows[0]["birth_date"] == "1975-03-12"
    code, out, _ = run(capsys, "--db", str(demo_db_path), "cadres", "show", rows[0]["id"], "--json")
    shown = json.loads(out)
    assert shown["cadre"]["full_name"] == "Đặng Quốc Việt" and shown["cadre"]["id_number"] == "040075001234"
    assert shown["family"] and shown["training"] and shown["work_history"] and shown["evaluations"]
    code, out, _ = run(capsys, "--db", str(demo_db_path), "check", "--json")
    result = json.loads(out)
    assert code == 0 and result["ok"] and result["integrity"] == "ok" and result["foreign_key_violations"] == 0
    assert result["schema_version"] == result["app_schema_version"]


def test_show_unknown_id(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "cadres", "show", "khong-ton-tai", "--json")
    assert code != 0 and out == "" and "Không tìm thấy cán bộ" in err


def test_usage_errors_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["init", "--office-code", "1"])
    assert exc.value.code == 2
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


def test_demo_refuses_an_existing_database(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(demo_db_path)
    code, out, err = run(capsys, "--db", str(demo_db_path), "demo")
    assert code != 0 and out == "" and "đã tồn tại" in err
    assert digest(demo_db_path) == before


def test_console_script_district_demo_end_to_end(tmp_path: Path) -> None:
    """The issue's own acceptance: demo, then stats ≥ 2,000 cadres, then a search for "nguyen" finds Nguyễn…."""
    exe = Path(sys.executable).parent / "canbo"
    db = tmp_path / "x.db"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    r = subprocess.run([str(exe), "--db", str(db), "demo", "--quiet"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(exe), "--db", str(db), "stats", "--json"], capture_output=True, text=True, env=env)
    assert json.loads(r.stdout)["cadre"] >= 2000
    r = subprocess.run([str(exe), "--db", str(db), "cadres", "search", "nguyen", "--json"], capture_output=True, text=True, env=env)
    rows = json.loads(r.stdout)
    assert rows and all(row["full_name"].startswith("Nguyễn") for row in rows[:10])


@pytest.mark.parametrize(
    "query, expected",
    [("dang viet", "Đặng Quốc Việt"), ("nguyen thi hong", "Nguyễn Thị Hồng Nhung"), ("Hòa", "Trần Thị Hoà"),
     ("hoà", "Bùi Thị Hòa"), ("0790", "Phạm Hữu Đức"), ("Đức", "Phạm Hữu Đức")],
)
def test_search_cases_through_the_cli(demo_db_path: Path, capsys: pytest.CaptureFixture[str], query: str, expected: str) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "cadres", "search", query, "--limit", "100", "--json")
    assert code == 0, err
    names = [r["full_name"] for r in json.loads(out)]
    assert expected in names


def test_cli_ranks_duc_before_duc_without_marks(district_db, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", district_db.display, "cadres", "search", "Đức", "--limit", "500", "--json")
    names = [r["full_name"].split() for r in json.loads(out)]
    first_duc = min(i for i, n in enumerate(names) if "Dục" in n and "Đức" not in n)
    assert all("Đức" in n for n in names[:first_duc])


@pytest.mark.parametrize(("sex", "birth", "retire", "pension", "years", "months"), [
    ("M", "1965-07-15", "2027-04-30", "2027-05-01", 61, 9),  # domain.md §4.2 worked examples
    ("F", "1972-02-20", "2030-06-30", "2030-07-01", 58, 4),
    ("M", "1961-10-03", "2022-04-30", "2022-05-01", 60, 6),
    ("M", "1980", "2042-01-31", "2042-02-01", 62, 0),  # birth year only → 01/01 (NĐ 135/2020 Đ.3.3)
])
def test_nd135_2020_rules_retirement_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          sex: str, birth: str, retire: str, pension: str, years: int, months: int) -> None:
    monkeypatch.setenv("CANBO_DATA_DIR", str(tmp_path))  # no database yet: the shipped rules answer
    monkeypatch.delenv("CANBO_DB", raising=False)
    code, out, err = run(capsys, "rules", "retirement", "--sex", sex, "--birth", birth, "--json")
    assert code == 0, err
    assert json.loads(out) == {"retirement_date": retire, "pension_start": pension, "age_years": years, "age_months": months}


def test_rules_retirement_refuses_bad_input_in_vietnamese(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANBO_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CANBO_DB", raising=False)
    code, out, err = run(capsys, "rules", "retirement", "--sex", "X", "--birth", "1970-01-01", "--json")
    assert code == 2 and out == "" and "Giới tính" in err
    code, out, err = run(capsys, "rules", "retirement", "--sex", "M", "--birth", "31/02/1970", "--json")
    assert code != 0 and out == "" and "không hợp lệ" in err


def test_reminders_for_the_demo_at_a_fixed_date(capsys: pytest.CaptureFixture[str], demo_db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(demo_db_path), "reminders", "--at", "2026-11-22", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["at"] == "2026-11-22"
    assert set(data["counts"]) == {"retirement_decision", "retirement_notice", "term_ending", "salary_raise",
                                   "evaluation_missing", "weak_performer", "dossier_incomplete"}
    assert sum(data["counts"].values()) == len(data["items"]) > 0
    # Vũ Văn Lưỡng, born 15/07/1965, retires 30/04/2027: the 6-month notice is due, the decision not yet
    luong = [i for i in data["items"] if i["full_name"] == "Vũ Văn Lưỡng" and i["kind"].startswith("retirement")]
    assert [(i["kind"], i["due"]) for i in luong] == [("retirement_notice", "2027-04-30")]
    assert "thông báo trước 31/10/2026" in luong[0]["detail"]
    assert all(i["detail"] and i["cadre_id"] for i in data["items"])
