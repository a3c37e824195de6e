"""Demo data that looks real: a district (~20 communes, ~2,000 cadres) or a province (100,000 cadres).

Deterministic for a given seed (ids included). Family names follow their real frequency, middle
names depend on sex, ages and qualifications follow plausible distributions, and every person has
five years of evaluations, decisions, training, work history, family and salary history. A few
fixed "showcase" people (Đặng Quốc Việt, Nguyễn Thị Hồng Nhung, …) are always present so that the
guide, the screenshots and the tests can name them.
"""

from __future__ import annotations

import itertools
import multiprocessing
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from multiprocessing.connection import Connection
from typing import Any

from canbo_desktop.db import search as fts
from canbo_desktop.db.base import id_source, synced_tables
from canbo_desktop.db.bulk import bulk_insert, deferred_indexes, log_bulk_changes, tune_for_bulk
from canbo_desktop.db.engine import enable_wal, set_journal_mode
from canbo_desktop.db.models import LocalNodeRecord
from canbo_desktop.domain.cadre import search_texts
from canbo_desktop.domain.dates import add_months
from canbo_desktop.domain.errors import AlreadyInitialised
from canbo_desktop.domain.hlc import HLC
from canbo_desktop.domain.names import PersonName
from canbo_desktop.i18n import translate
from canbo_desktop.services.database import Database
from canbo_desktop.services.demo_showcase import add_showcase
from canbo_desktop.services.refdata import load_reference_data
from canbo_desktop.services.security import hash_password
from canbo_desktop.services.setup import is_initialised

Progress = Callable[[float, str], None]

TODAY = date(2026, 11, 21)
DEMO_PASSWORD = "canbo2026"  # printed in the README: the demo database is for trying things out

FAMILY_NAMES: list[tuple[str, float]] = [
    ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3.1), ("Huỳnh", 2.0),
    ("Phan", 4.5), ("Vũ", 2.2), ("Võ", 1.7), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.6), ("Trương", 0.6), ("Đào", 0.5),
    ("Lương", 0.4), ("Mai", 0.4), ("Trịnh", 0.4), ("Lâm", 0.3), ("Hà", 0.4), ("Tạ", 0.2), ("Cao", 0.3),
    ("Tô", 0.2), ("Chu", 0.2), ("Tôn Nữ", 0.03), ("Âu Dương", 0.02), ("Quách", 0.1), ("Kiều", 0.1),
]
MIDDLE_M = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thanh", "Xuân", "Ngọc", "Đình", "Quang",
            "Trọng", "Anh", "Tiến", "Mạnh", "Duy", "Gia", "Hoàng", "Văn Minh", "Đức Anh", "Quang Huy"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Thùy", "Hồng", "Phương", "Bích",
            "Mai", "Thị Hồng", "Thị Thu", "Thị Thanh", "Thị Ngọc", "Thị Minh", "Hoài", "Khánh"]
GIVEN_M = ["Anh", "Hùng", "Dũng", "Minh", "Tuấn", "Hải", "Nam", "Long", "Sơn", "Thắng", "Cường", "Quang",
           "Đức", "Việt", "Hiếu", "Trung", "Phong", "Bình", "Hòa", "Toàn", "Tùng", "Khánh", "Lâm", "Huy",
           "Thành", "Tài", "Lộc", "Phúc", "Hưng", "Tiến", "Kiên", "Đạt", "Vinh", "Thịnh", "Lợi", "Dục", "Quý",
           "Thuận", "Chiến", "Hoàng", "Nghĩa", "Tâm", "Bảo", "Khoa", "Linh", "Thủy", "Lưỡng", "Ánh"]
GIVEN_F = ["Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Thảo", "Hà", "Nhung", "Huyền", "Ngọc", "Yến",
           "Hạnh", "Loan", "Phương", "Thủy", "Hằng", "Oanh", "Dung", "Nga", "Vân", "Hiền", "Thúy", "Giang",
           "Quyên", "Ly", "Chi", "Tuyết", "Hồng", "Nhàn", "Hoà", "Uyên", "Xuân", "Thư", "Ánh", "Nhi"]
# Ethnic-minority names: (ethnicity code, family names, given names)
MINORITY = [
    ("02", ["Hoàng", "Nông", "Lộc", "Ma", "Hà", "Triệu"], None),  # Tày
    ("03", ["Lò", "Cầm", "Lường", "Quàng", "Vi"], None),  # Thái
    ("04", ["Bùi", "Đinh", "Quách", "Hà"], None),  # Mường
    ("05", ["Thạch", "Sơn", "Kim", "Danh", "Lâm"], None),  # Khmer
    ("08", ["Giàng", "Vàng", "Sùng", "Thào", "Mùa", "Lầu"], ["Sử", "Páo", "Chứ", "Dính", "Lử", "Sình"]),  # Mông
    ("07", ["Nông", "Hoàng", "Lục", "Chu"], None),  # Nùng
    ("09", ["Triệu", "Bàn", "Lý", "Đặng"], None),  # Dao
]
EDE_NAMES = [("Y Moan", "Niê", "M"), ("H'Hen", "Niê Kdăm", "F"), ("Y Ngông", "Êban", "M"), ("H'Ly", "Mlô", "F"),
             ("Y Tlam", "Ktla", "M"), ("H'Yam", "Byă", "F")]
PLACES = ["Thanh Hà", "Quang Trung", "Hòa Bình", "Tân Lập", "Đông Sơn", "Xuân Trường", "Hưng Đạo", "Yên Thế",
          "Phú Xuân", "Tiên Lãng", "An Lạc", "Bình Minh", "Đồng Tâm", "Thượng Lâm", "Kim Liên", "Nghĩa Đàn",
          "Cẩm Phả", "Hải Xuân", "Quỳnh Lưu", "Diễn Châu", "Vĩnh Tường", "Lạc Thủy", "Ngọc Lặc", "Thọ Xuân",
          "Hương Sơn", "Đức Thọ", "Can Lộc", "Hậu Lộc", "Triệu Sơn", "Nông Cống", "Như Xuân", "Cẩm Thủy"]
PROVINCES = [("40", "Nghệ An"), ("38", "Thanh Hóa"), ("42", "Hà Tĩnh"), ("01", "Hà Nội"), ("37", "Ninh Bình"),
             ("33", "Hưng Yên"), ("25", "Phú Thọ"), ("19", "Thái Nguyên")]
DISTRICT_DEPTS = [
    ("PNV", "Phòng Nội vụ"), ("TCKH", "Phòng Tài chính - Kế hoạch"), ("TP", "Phòng Tư pháp"),
    ("GDDT", "Phòng Giáo dục và Đào tạo"), ("YT", "Phòng Y tế"), ("TNMT", "Phòng Tài nguyên và Môi trường"),
    ("VP", "Văn phòng HĐND và UBND"), ("LDTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("VHTT", "Phòng Văn hóa và Thông tin"), ("KTHT", "Phòng Kinh tế - Hạ tầng"), ("TTr", "Thanh tra huyện"),
    ("NNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
]
COMMUNE_UNITS = [
    ("DU", "Đảng ủy", "dang_uy"), ("HDND", "Hội đồng nhân dân", "hdnd"), ("UBND", "Ủy ban nhân dân", "ubnd"),
    ("VP", "Văn phòng HĐND và UBND", "phong_ban"), ("KT", "Phòng Kinh tế", "phong_ban"),
    ("VHXH", "Phòng Văn hóa - Xã hội", "phong_ban"), ("MTTQ", "Ủy ban MTTQ Việt Nam", "doan_the"),
]
PROVINCE_DEPTS = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương", "Sở Giáo dục và Đào tạo",
    "Sở Y tế", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
    "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Ban Quản lý các khu kinh tế", "Sở Giao thông vận tải", "Sở Tài nguyên", "Ban Dân tộc", "Văn phòng Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Đảng ủy các cơ quan Đảng",
    "Đảng ủy UBND tỉnh", "Ủy ban MTTQ tỉnh", "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn",
    "Liên đoàn Lao động tỉnh", "Hội Cựu chiến binh tỉnh", "Trường Chính trị tỉnh", "Đài Phát thanh và Truyền hình",
    "Báo tỉnh", "Cục Thống kê tỉnh", "Kho bạc tỉnh", "Bảo hiểm xã hội tỉnh", "Chi cục Kiểm lâm",
    "Chi cục Thủy lợi", "Chi cục Thú y",
]
PROVINCE_ROOMS = ["Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Phòng Nghiệp vụ 1",
                  "Phòng Nghiệp vụ 2", "Phòng Nghiệp vụ 3", "Phòng Pháp chế", "Phòng Thanh tra"]

SHOWCASE = [  # (family, middle, given, sex, birth ISO or year, ethnicity, id_number)
    ("Đặng", "Quốc", "Việt", "M", "1975-03-12", "01", "040075001234"),
    ("Nguyễn", "Thị Hồng", "Nhung", "F", "1982-09-05", "01", "040182004567"),
    ("Phạm", "Hữu", "Đức", "M", "1979-11-23", "01", "079079000321"),
    ("Lê", "Văn", "Dục", "M", "1968-04-02", "01", "040068009876"),
    ("Trần", "Thị", "Hoà", "F", "1990-01-15", "01", "040190002222"),
    ("Hoàng", "Thị", "Thủy", "F", "1972-02-20", "02", "008172003333"),
    ("Vũ", "Văn", "Lưỡng", "M", "1965-07-15", "01", "040065007777"),
    ("Bùi", "Thị", "Hòa", "F", "1987", "04", "017187005555"),
]


@dataclass
class _Ids:
    """Deterministic UUIDv7-shaped ids: time-ordered prefix, random tail from the seeded generator."""

    rng: random.Random
    ms: int = 1_767_225_600_000  # 2026-01-01

    def __call__(self) -> str:
        self.ms += 1
        r = self.rng.getrandbits(74)
        x = (self.ms << 80) | (0x7 << 76) | ((r >> 62) << 64) | (0x2 << 62) | (r & ((1 << 62) - 1))
        h = f"{x:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass
class _Unit:
    id: str
    code: str
    name: str
    kind: str
    parent_id: str | None
    path: str
    depth: int
    weight: float
    level: str  # tinh | so | huyen | phong | xa | xa_phong
    place: str = ""
    symbol: str = ""


@dataclass
class _Tables:
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.rows.setdefault(table, []).append(row)


TRACK = ("rev", "hlc", "origin_node", "updated_by", "updated_at", "deleted")
COLUMNS: dict[str, tuple[str, ...]] = {
    "org_unit": ("id", "code", "name", "short_name", "kind", "parent_id", "path", "depth", "sort_order", "geo_code",
                 "place_name", "parent_body_name", "doc_symbol", "valid_from", "valid_to"),
    "cadre": ("id", "owner_unit_id", "cadre_code", "category", "status", "full_name", "family_name", "middle_name",
              "given_name", "name_family_last", "other_names", "sex", "birth_date", "birth_precision", "birthplace",
              "hometown", "hometown_province_code", "ethnicity_code", "religion_code", "permanent_address",
              "current_address", "phone", "email", "occupation_before", "recruitment_date", "recruiting_agency",
              "current_position", "title_code", "position_start_date", "term_end_date", "concurrent_positions",
              "main_duties", "grade_code", "salary_step", "salary_coefficient", "salary_step_date",
              "position_allowance", "other_allowance", "beyond_scale_pct", "general_education", "education_level",
              "education_major", "academic_title", "political_theory", "state_mgmt", "foreign_language", "it_level",
              "party_join_date", "party_official_date", "mass_org", "army_enlist_date", "army_discharge_date",
              "army_rank", "honorary_title", "strengths", "health_status", "height_cm", "weight_kg", "blood_group",
              "war_invalid_grade", "policy_family", "id_number", "id_issue_date", "id_issue_place",
              "social_insurance_no", "history_detention", "history_foreign_orgs", "history_foreign_relatives",
              "assessment", "family_background", "revolution_join_date", "current_agency_join_date",
              "party_committee", "party_committee_concurrent", "economic_salary", "economic_housing", "economic_land",
              "photo_sha256", "photo_date", "name_sort_key", "search_fold", "search_exact", "search_info", "trashed_at",
              "trashed_by", "created_at"),
    "cadre_training": ("id", "cadre_id", "position", "course_id", "school", "major", "kind", "from_date", "to_date",
                       "mode", "certificate", "level_code"),
    "cadre_work_history": ("id", "cadre_id", "position", "from_date", "to_date", "description", "unit_id", "decision_id"),
    "cadre_family": ("id", "cadre_id", "position", "side", "relation", "full_name", "birth_year", "details"),
    "cadre_salary": ("id", "cadre_id", "position", "effective", "grade_code", "step", "coefficient", "decision_id"),
    "cadre_award": ("id", "cadre_id", "position", "year", "form_code", "form_text", "issuer", "reason", "decision_id"),
    "cadre_discipline": ("id", "cadre_id", "position", "decided_on", "kind", "form_code", "reason", "issuer", "decision_id"),
    "cadre_position": ("id", "cadre_id", "position", "title_code", "title_text", "unit_id", "start_date", "end_date",
                       "term_end", "concurrent", "decision_id"),
    "cadre_document": ("id", "cadre_id", "position", "kind", "doc_date", "reference", "note", "attachment_sha256"),
    "decision": ("id", "cadre_id", "kind", "number", "signed_on", "issuer", "issuer_unit_id", "effective_date",
                 "end_date", "summary", "changes", "previous", "status", "cancelled_on", "cancel_reason"),
    "evaluation": ("id", "cadre_id", "round_id", "year", "regime", "level", "score_general", "score_tasks",
                   "score_total", "task_components", "veto_flags", "self_assessment", "unit_comment",
                   "months_worked", "months_absent", "party_level"),
}

A1 = [2.34, 2.67, 3.00, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98]
A2 = [4.40, 4.74, 5.08, 5.42, 5.76, 6.10, 6.44, 6.78]
A0 = [2.10, 2.41, 2.72, 3.03, 3.34, 3.65, 3.96, 4.27, 4.58, 4.89]
GRADES = {"01.003": (A1, 36, "Chuyên viên"), "01.002": (A2, 36, "Chuyên viên chính"), "01.004": (A0, 36, "Cán sự")}
EDUCATION_MIX = (("dai_hoc", 72.0), ("thac_si", 13.0), ("cao_dang", 5.0), ("trung_cap", 8.0), ("tien_si", 2.0))
POLITICAL_MIX = (("trung_cap", 42.0), ("cao_cap", 15.0), ("so_cap", 25.0), ("chua_dao_tao", 18.0))
STATE_MGMT_MIX = (("chuyen_vien", 55.0), ("chuyen_vien_chinh", 15.0), ("chua_boi_duong", 25.0), ("can_su", 5.0))
EVAL_LEVELS = [("tot", 58), ("xuat_sac", 12), ("hoan_thanh", 26), ("khong_hoan_thanh", 4)]
MAJORS = ["Luật", "Kinh tế", "Quản lý nhà nước", "Hành chính học", "Kế toán", "Tài chính - Ngân hàng", "Sư phạm Ngữ văn",
          "Quản trị kinh doanh", "Công nghệ thông tin", "Nông học", "Xây dựng dân dụng", "Xã hội học", "Chính trị học",
          "Quản lý đất đai", "Y đa khoa"]
SCHOOLS = ["Học viện Hành chính Quốc gia", "Trường Đại học Luật Hà Nội", "Trường Đại học Kinh tế Quốc dân",
           "Trường Đại học Vinh", "Học viện Chính trị quốc gia Hồ Chí Minh", "Trường Đại học Nông nghiệp",
           "Học viện Tài chính", "Trường Đại học Sư phạm Hà Nội", "Trường Đại học Bách khoa Hà Nội"]


_CUM: dict[int, tuple[list[Any], list[float]]] = {}


def _weighted(rng: random.Random, items: Sequence[tuple[Any, float]]) -> Any:
    """Weighted choice; cumulative weights are computed once per table (choices() would redo it each call)."""
    key = id(items)  # only module-level constant tables are passed here
    cached = _CUM.get(key)
    if cached is None:
        acc, cum = 0.0, []
        for _, w in items:
            acc += w
            cum.append(acc)
        cached = _CUM[key] = ([i for i, _ in items], cum)
    return rng.choices(cached[0], cum_weights=cached[1])[0]


def create_demo_database(db: Database, *, size: str = "district", seed: int = 1, progress: Progress | None = None) -> dict[str, Any]:
    """Fill an empty database with the demo office and its people; refuse an initialised one."""
    started = time.perf_counter()
    report = progress or (lambda f, m: None)
    rng = random.Random(seed)
    ids = _Ids(random.Random(seed * 7919 + 1))
    # province-1k / province-10k: the province tree with fewer people (benchmarks/growth.py)
    n_cadres = {"small": 120, "district": 2000, "province-1k": 1000, "province-10k": 10_000, "province": 100_000}[size]
    # Into an empty file a rollback journal is much cheaper than WAL: new pages are written once, not
    # to the WAL and then again by the checkpoint. WAL is switched back on at the end.
    set_journal_mode(db.engine, "DELETE")
    try:
        summary = _fill(db, size, seed, n_cadres, rng, ids, report)
        report(0.95, translate("services.demo", "Complete sample records"))
        with id_source(_Ids(random.Random(seed * 104_729 + 7), ms=1_793_491_200_000)):  # 2026-11-01: own id range
            add_showcase(db.uow("demo"))
    finally:
        enable_wal(db.engine)
    if db.engine.dialect.name == "sqlite":
        with db.engine.begin() as c2:
            c2.exec_driver_sql("PRAGMA optimize")
    report(1.0, translate("services.demo", "Done"))
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary


def _fill(db: Database, size: str, seed: int, n_cadres: int, rng: random.Random, ids: _Ids, report: Progress) -> dict[str, Any]:
    with db.uow("demo")() as uow:
        if is_initialised(uow):
            raise AlreadyInitialised(translate("services.demo", "This database already has data; sample data is only "
                                               "created in a new file."))
        uow.track = False  # the bulk loader writes the tracking rows itself, below
        load_reference_data(uow)
        uow.session.flush()
        conn = uow.session.connection()
        tune_for_bulk(conn)
        node_id = ids()
        now = datetime(2026, 11, 1, 8, 0, 0)
        hlc = HLC(int(now.timestamp() * 1000), 0).encode()
        # On SQLite the timestamp goes in pre-formatted (SQLAlchemy's storage format): it is on every row.
        stamp: Any = now.isoformat(" ", "microseconds") if db.engine.dialect.name == "sqlite" else now
        track = (1, hlc, node_id, "demo", stamp, False)

        units = _build_tree(rng, ids, size)
        root = units[0]
        report(0.02, translate("services.demo", "Organisation tree: {count} units").format(count=len(units)))
        uow.session.add(LocalNodeRecord(node_id=node_id, unit_id=root.id, epoch=1, last_hlc=hlc, created_at=now))
        t = _Tables()
        for i, u in enumerate(units):
            t.add("org_unit", (u.id, u.code, u.name, "", u.kind, u.parent_id, u.path, u.depth, i, "",
                               u.place, "", u.symbol, date(2025, 7, 1) if u.level != "huyen" else date(2008, 1, 1), None) + track)
        bulk_insert(conn, "org_unit", COLUMNS["org_unit"] + TRACK, t.rows.pop("org_unit"))
        uow.session.flush()

        batch = 5000
        counts = [min(batch, n_cadres - start) for start in range(0, n_cadres, batch)]
        with deferred_indexes(conn, COLUMNS):
            done = 0
            for count, tables in zip(counts, _batches(seed, size, counts, track), strict=True):
                for name, rows in tables.items():
                    bulk_insert(conn, name, COLUMNS[name] + TRACK, rows)
                done += count
                report(0.05 + 0.85 * done / n_cadres, translate("services.demo", "Created {done} / {total} people").format(
                    done=f"{done:,}".replace(",", "."), total=f"{n_cadres:,}".replace(",", ".")))

        fts.renumber_and_rebuild(conn)  # search row ids in name order, then the search index in one pass
        for name in synced_tables():
            log_bulk_changes(conn, name, "demo", only_untracked=False)  # the database was empty
        from canbo_desktop.db.models import UserRecord  # local import keeps the module header short

        uow.session.add(UserRecord(username="admin", full_name="Quản trị viên (dữ liệu mẫu)",
                                   password_hash=hash_password(DEMO_PASSWORD), role="admin",
                                   scope_unit_id=root.id, can_view_sensitive=True, created_at=now))
        uow.session.add(UserRecord(username="canbo", full_name="Chuyên viên tổ chức", password_hash=hash_password(DEMO_PASSWORD),
                                   role="clerk", scope_unit_id=root.id, can_view_sensitive=True, created_at=now))
        # The other roles of domain/access.py, same demo password; "canboxa" only sees its commune and, like
        # "xem", sees sensitive items masked (the personnel clerk "canbo" handles them).
        commune = next((u for u in units if u.level == "xa"), root)
        for uname, full, role, scope, sensitive in (
                ("truongphong", "Trưởng phòng Nội vụ", "head", root.id, True),
                ("xem", "Lãnh đạo xem hồ sơ", "viewer", root.id, False),
                ("canboxa", f"Công chức {commune.name}", "clerk", commune.id, False)):
            uow.session.add(UserRecord(username=uname, full_name=full, password_hash=hash_password(DEMO_PASSWORD),
                                       role=role, scope_unit_id=scope, can_view_sensitive=sensitive, created_at=now))
        uow.track = True
        uow.audit("demo_load", "database", "", {"size": size, "seed": seed, "cadres": n_cadres, "units": len(units)})
        uow.commit()
    return {"size": size, "seed": seed, "cadres": n_cadres, "units": len(units), "office": root.name,
            "office_code": root.code, "seconds": 0.0, "admin_user": "admin", "admin_password": DEMO_PASSWORD}


def _generate(seed: int, size: str, counts: list[int], track: tuple[Any, ...]) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """The people, batch by batch: the same random streams as ``create_demo_database`` (deterministic)."""
    rng = random.Random(seed)
    ids = _Ids(random.Random(seed * 7919 + 1))
    ids()  # the node id
    units = _build_tree(rng, ids, size)
    gen = _PeopleGenerator(rng, ids, units, track)
    for i, count in enumerate(counts):
        yield gen.people(count, first=i == 0).rows


PROCESS_THRESHOLD = 20_000  # below this, starting a process costs more than it saves


def _producer(seed: int, size: str, counts: list[int], track: tuple[Any, ...], out: Connection) -> None:
    try:
        for rows in _generate(seed, size, counts, track):
            out.send(rows)
    finally:
        out.send(None)
        out.close()


def _batches(seed: int, size: str, counts: list[int], track: tuple[Any, ...]) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """Batches of generated rows. For a large demo the generation runs in a second process, so that it
    uses the other core while this one inserts (threads would share one core: the generator holds the GIL)."""
    if sum(counts) < PROCESS_THRESHOLD:
        yield from _generate(seed, size, counts, track)
        return
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_producer, args=(seed, size, counts, track, sender), daemon=True)
    try:
        proc.start()
    except OSError:
        yield from _generate(seed, size, counts, track)
        return
    sender.close()
    try:
        while True:
            rows = receiver.recv()
            if rows is None:
                break
            yield rows
    finally:
        receiver.close()
        proc.join(timeout=10)
        if proc.is_alive():
            proc.terminate()
    if proc.exitcode not in (0, None):
        raise RuntimeError(f"demo generator process failed (exit code {proc.exitcode})")


def _build_tree(rng: random.Random, ids: _Ids, size: str) -> list[_Unit]:
    units: list[_Unit] = []

    def add(code: str, name: str, kind: str, parent: _Unit | None, weight: float, level: str, symbol: str = "", place: str = "") -> _Unit:
        uid = ids()
        path = (parent.path if parent else "/") + uid + "/"
        u = _Unit(uid, code, name, kind, parent.id if parent else None, path, (parent.depth + 1) if parent else 0,
                  weight, level, place or (parent.place if parent else ""), symbol)
        units.append(u)
        return u

    places = PLACES[:]
    rng.shuffle(places)
    if size in ("district", "small"):
        dname = places.pop()
        root = add("40.D01", f"Huyện {dname}", "huyen", None, 0, "huyen", "UBND", dname)
        ubnd = add("40.D01.UBND", f"UBND huyện {dname}", "ubnd", root, 3, "phong", "UBND")
        for code, name in DISTRICT_DEPTS:
            add(f"40.D01.{code}", name, "phong_ban", ubnd, 8 if code in ("GDDT", "YT") else 5, "phong", code)
        n_communes = 4 if size == "small" else 20
        for i in range(n_communes):
            pname = places[i % len(places)] + ("" if i < len(places) else f" {i // len(places) + 1}")
            kind = "phuong" if i % 5 == 0 else "xa"
            label = "Phường" if kind == "phuong" else "Xã"
            commune = add(f"40.D01.X{i + 1:02d}", f"{label} {pname}", kind, root, 0, "xa", "UBND", pname)
            for code, name, k in COMMUNE_UNITS:
                add(f"{commune.code}.{code}", f"{name} {label.lower()} {pname}", k, commune, 1.2, "xa_phong", code)
        return units
    # province
    root = add("40", "Tỉnh Nghệ An", "tinh", None, 0, "tinh", "UBND", "Nghệ An")
    for i, dept in enumerate(PROVINCE_DEPTS):
        so = add(f"40.S{i + 1:02d}", dept, "so_nganh", root, 6, "so", "S" + str(i + 1))
        for j, room in enumerate(PROVINCE_ROOMS):
            add(f"{so.code}.P{j + 1}", f"{room} - {dept}", "phong_ban", so, 3, "phong", f"P{j + 1}")
    i = 0
    while len(units) < 3000:
        pname = PLACES[i % len(PLACES)] + ("" if i < len(PLACES) else f" {i // len(PLACES) + 1}")
        kind = "phuong" if i % 4 == 0 else "xa"
        label = "Phường" if kind == "phuong" else "Xã"
        commune = add(f"40.X{i + 1:04d}", f"{label} {pname}", kind, root, 0, "xa", "UBND", pname)
        for code, name, k in COMMUNE_UNITS:
            add(f"{commune.code}.{code}", f"{name} {label.lower()} {pname}", k, commune, 4.2, "xa_phong", code)
        i += 1
    return units


class _PeopleGenerator:
    def __init__(self, rng: random.Random, ids: _Ids, units: list[_Unit], track: tuple[Any, ...]) -> None:
        self.rng = rng
        self.ids = ids
        self.units = [u for u in units if u.weight > 0]
        self.cum_weights = list(itertools.accumulate(u.weight for u in self.units))
        self.track = track
        self.family_pool = [n for n, _ in FAMILY_NAMES]
        self.family_cum = list(itertools.accumulate(w for _, w in FAMILY_NAMES))
        self.seq = 0
        self.heads: set[str] = set()

    def _name(self, sex: str) -> tuple[PersonName, str]:
        r = self.rng.random()
        if r < 0.003:
            given, fam, s = self.rng.choice(EDE_NAMES)
            return PersonName(fam, "", given, family_last=True), "11"
        if r < 0.10:
            eth, fams, givens = self.rng.choice(MINORITY)
            fam = self.rng.choice(fams)
            given = self.rng.choice(givens) if givens and sex == "M" else self.rng.choice(GIVEN_M if sex == "M" else GIVEN_F)
            middle = ("A" if givens else "Văn") if sex == "M" else "Thị"  # Mông men: Giàng A Páo
            return PersonName(fam, middle, given), eth
        fam = self.rng.choices(self.family_pool, cum_weights=self.family_cum)[0]
        middle = self.rng.choice(MIDDLE_M if sex == "M" else MIDDLE_F)
        given = self.rng.choice(GIVEN_M if sex == "M" else GIVEN_F)
        while given in middle.split():  # nobody is called "Nguyễn Anh Anh"
            given = self.rng.choice(GIVEN_M if sex == "M" else GIVEN_F)
        return PersonName(fam, middle, given), "01"

    def people(self, count: int, *, first: bool) -> _Tables:
        t = _Tables()
        rng = self.rng
        for k in range(count):
            unit = rng.choices(self.units, cum_weights=self.cum_weights)[0]
            showcase = SHOWCASE[k] if first and k < len(SHOWCASE) else None
            if showcase:
                fam, mid, giv, sex, birth_s, eth, cccd = showcase
                name = PersonName(fam, mid, giv)
                if len(birth_s) == 4:
                    birth, precision = date(int(birth_s), 1, 1), "year"
                else:
                    birth, precision = date.fromisoformat(birth_s), "day"
            else:
                sex = "F" if rng.random() < 0.42 else "M"
                name, eth = self._name(sex)
                age_days = int(rng.triangular(23, 61, 40) * 365.25)
                birth = TODAY - timedelta(days=age_days)
                precision = "year" if rng.random() < 0.02 else "day"
                if precision == "year":
                    birth = date(birth.year, 1, 1)
                cccd = ""
            self._person(t, unit, name, sex, birth, precision, eth, cccd, showcase=showcase is not None)
        return t

    def _person(self, t: _Tables, unit: _Unit, name: PersonName, sex: str, birth: date, precision: str, eth: str, cccd: str,
                *, showcase: bool = False) -> None:
        rng, ids, track = self.rng, self.ids, self.track
        cid = ids()
        self.seq += 1
        prov_code, prov = rng.choice(PROVINCES)
        if not cccd:
            prov_cccd = {"40": "040", "38": "038", "42": "042", "01": "001", "37": "037", "33": "033", "25": "025", "19": "019"}[prov_code]
            century = 0 if birth.year < 2000 else 2
            cccd = f"{prov_cccd}{century + (1 if sex == 'F' else 0)}{birth.year % 100:02d}{rng.randrange(1_000_000):06d}"
        age = (TODAY - birth).days / 365.25
        recruit_age = rng.uniform(22, 30)
        recruit = date(birth.year + int(recruit_age), rng.randint(1, 12), 1)
        if recruit > TODAY:
            recruit = date(TODAY.year - 1, 9, 1)
        years_served = max(0.0, (TODAY - recruit).days / 365.25)
        status = "dang_cong_tac"
        if age > 60.5 and rng.random() < 0.7 and not showcase:  # the showcase people stay in service
            status = "nghi_huu"
        # leadership: the first person drawn for a unit becomes its head, some others deputies
        is_head = unit.id not in self.heads and years_served > 8 and status == "dang_cong_tac"
        is_deputy = not is_head and years_served > 6 and rng.random() < 0.08
        if is_head:
            self.heads.add(unit.id)
        title_text, title_code = self._title(unit, is_head, is_deputy)
        edu = _weighted(rng, EDUCATION_MIX)
        if is_head or is_deputy:
            edu = "thac_si" if rng.random() < 0.35 else "dai_hoc"
        pol = _weighted(rng, POLITICAL_MIX)
        if is_head:
            pol = "cao_cap" if rng.random() < 0.6 else "trung_cap"
        qlnn = _weighted(rng, STATE_MGMT_MIX)
        grade = "01.002" if (is_head and rng.random() < 0.6) else ("01.004" if edu in ("trung_cap", "cao_dang") else "01.003")
        scale, interval, grade_name = GRADES[grade]
        steps_possible = int(years_served * 12 // interval)
        step = min(len(scale), 1 + steps_possible)
        step_date = date(min(TODAY.year, recruit.year + (step - 1) * interval // 12), recruit.month, 1)
        beyond, beyond_date = None, None
        if step == len(scale) and years_served > len(scale) * 3 + 3:
            # at the last step: 5% after one more interval, +1% a year; the step date records the last change
            beyond = 5 + max(0, int(years_served - (len(scale) - 1) * interval / 12 - interval / 12))
            beyond_date = min(add_months(step_date, interval + 12 * (beyond - 5)), TODAY)
        party = rng.random() < (0.95 if (is_head or is_deputy) else 0.55)
        party_join = date(recruit.year + rng.randint(0, 6), rng.randint(1, 12), rng.randint(1, 28)) if party else None
        if party_join and party_join > TODAY:
            party_join = None
        party_official = party_join + timedelta(days=365) if party_join else None
        family_last = name.family_last
        full = name.full_name
        birth_iso = birth.isoformat()
        fold_text, exact_text, info_text = search_texts(full_name=full, id_number=cccd, birth_year=birth.year,
                                             hometown=f"{prov}", unit_name=unit.name)
        start = recruit if not (is_head or is_deputy) else date(max(recruit.year + 5, TODAY.year - rng.randint(0, 6)), rng.randint(1, 12), 1)
        term_end = date(start.year + 5, start.month, 1) - timedelta(days=1) if (is_head or is_deputy) else None
        t.add("cadre", (
            cid, unit.id, f"CB{self.seq:06d}", "cong_chuc", status, full, name.family, name.middle, name.given,
            family_last, "", sex, birth, precision, f"Xã {rng.choice(PLACES)}, tỉnh {prov}",
            f"Xã {rng.choice(PLACES)}, tỉnh {prov}", prov_code, eth, "khong" if rng.random() < 0.9 else rng.choice(["phat_giao", "cong_giao"]),
            f"Số {rng.randint(1, 200)}, thôn {rng.randint(1, 12)}, {unit.place}", f"Số {rng.randint(1, 200)}, thôn {rng.randint(1, 12)}, {unit.place}",
            f"09{rng.randint(10_000_000, 99_999_999)}", "", "Sinh viên" if recruit_age < 24 else "Giáo viên hợp đồng",
            recruit, unit.name if rng.random() < 0.6 else f"UBND {unit.place}", title_text, title_code,
            start if (is_head or is_deputy) else None, term_end, "", "Tham mưu công tác chuyên môn của đơn vị",
            grade, step, scale[step - 1], beyond_date or step_date, (0.5 if is_head else 0.3 if is_deputy else None), "",
            beyond,
            "12/12", edu, rng.choice(MAJORS), "", pol, qlnn, "Tiếng Anh bậc 3" if rng.random() < 0.6 else "Tiếng Anh B",
            "Chuẩn kỹ năng CNTT cơ bản", party_join, party_official,
            "Công đoàn Việt Nam" + (", Đoàn TNCS Hồ Chí Minh" if age < 35 else ""),
            None, None, "", "", "Tham mưu tổng hợp", "Tốt", rng.randint(150, 178), rng.randint(45, 80),
            rng.choice(["a", "b", "ab", "o", "o"]), "", "", cccd, date(2021, rng.randint(1, 12), rng.randint(1, 28)),
            "Cục Cảnh sát QLHC về TTXH", f"{prov_code}{rng.randrange(10**8):08d}", "Không", "Không", "Không",
            "Có phẩm chất chính trị vững vàng, hoàn thành tốt nhiệm vụ được giao.", rng.choice(["Nông dân", "Công nhân", "Cán bộ, công chức", "Trí thức"]),
            None, recruit, "", "", "Lương và phụ cấp theo quy định", "Nhà ở riêng cấp 4", "",
            None, None, name.sort_key(birth_iso), fold_text, exact_text, info_text, None, "", datetime(2026, 11, 1, 8, 0),
        ) + track)
        # decisions: recruitment, and appointment for leaders
        dec_rec = ids()
        t.add("decision", (dec_rec, cid, "tuyen_dung", f"{rng.randint(1, 300):02d}/QĐ-UBND", recruit, f"UBND {unit.place}",
                           None, recruit, None, f"Tuyển dụng vào {unit.name}", {"owner_unit_id": unit.id}, {}, "active", None, "") + track)
        if is_head or is_deputy:
            dec_app = ids()
            t.add("decision", (dec_app, cid, "bo_nhiem", f"{rng.randint(1, 300):02d}/QĐ-UBND", start, f"UBND {unit.place}", None,
                               start, term_end, f"Bổ nhiệm giữ chức {title_text}", {"title_code": title_code}, {}, "active", None, "") + track)
            t.add("cadre_position", (ids(), cid, 0, title_code, title_text, unit.id, start, None, term_end, False, dec_app) + track)
        # training
        school = rng.choice(SCHOOLS)
        t.add("cadre_training", (ids(), cid, 0, None, school, rng.choice(MAJORS), "chuyen_mon", f"{recruit.year - 4}-09",
                                 f"{recruit.year}-06", "chinh_quy", {"dai_hoc": "Cử nhân", "thac_si": "Thạc sĩ", "tien_si": "Tiến sĩ"}.get(edu, "Bằng tốt nghiệp"), edu) + track)
        if pol in ("trung_cap", "cao_cap"):
            y = min(TODAY.year - 1, recruit.year + rng.randint(3, 12))
            t.add("cadre_training", (ids(), cid, 1, None, "Trường Chính trị tỉnh" if pol == "trung_cap" else "Học viện Chính trị khu vực I",
                                     "Lý luận chính trị", "ly_luan_chinh_tri", f"{y}-03", f"{y + 1}-01", "tai_chuc",
                                     "Trung cấp LLCT" if pol == "trung_cap" else "Cao cấp LLCT", pol) + track)
        if is_head or (is_deputy and rng.random() < 0.8):
            y = rng.randint(2022, 2026)
            t.add("cadre_training", (ids(), cid, 2, None, "Trường Chính trị tỉnh", "Bồi dưỡng cập nhật kiến thức lãnh đạo, quản lý",
                                     "cap_nhat_kien_thuc", f"{y}-05", f"{y}-05", "boi_duong", "Giấy chứng nhận", "") + track)
        # work history
        t.add("cadre_work_history", (ids(), cid, 0, f"{recruit.year - 4}-09", f"{recruit.year}-06", f"Sinh viên {school}", None, None) + track)
        t.add("cadre_work_history", (ids(), cid, 1, f"{recruit.year}-{recruit.month:02d}", "" if not (is_head or is_deputy) else f"{start.year}-{start.month:02d}",
                                     f"Chuyên viên, {unit.name}", unit.id, dec_rec) + track)
        if is_head or is_deputy:
            t.add("cadre_work_history", (ids(), cid, 2, f"{start.year}-{start.month:02d}", "", f"{title_text}", unit.id, None) + track)
        # family
        fam = name.family if not name.family_last else name.family
        t.add("cadre_family", (ids(), cid, 0, "self", "Bố", f"{fam} Văn {rng.choice(GIVEN_M)}", str(birth.year - rng.randint(22, 32)), "Nông dân, đã nghỉ hưu") + track)
        t.add("cadre_family", (ids(), cid, 1, "self", "Mẹ", f"{rng.choice(self.family_pool)} Thị {rng.choice(GIVEN_F)}", str(birth.year - rng.randint(20, 30)), "Nội trợ") + track)
        if age > 26:
            spouse_sex = "F" if sex == "M" else "M"
            sp = f"{rng.choice(self.family_pool)} {'Thị' if spouse_sex == 'F' else 'Văn'} {rng.choice(GIVEN_F if spouse_sex == 'F' else GIVEN_M)}"
            t.add("cadre_family", (ids(), cid, 2, "self", "Vợ" if sex == "M" else "Chồng", sp, str(birth.year + rng.randint(-3, 3)), "Giáo viên") + track)
            t.add("cadre_family", (ids(), cid, 3, "self", "Con", f"{fam} {rng.choice(MIDDLE_M + MIDDLE_F)} {rng.choice(GIVEN_M + GIVEN_F)}",
                                   str(min(TODAY.year - 1, birth.year + rng.randint(24, 32))), "Học sinh") + track)
            t.add("cadre_family", (ids(), cid, 4, "spouse", "Bố" if sex == "F" else "Bố vợ", f"{sp.split()[0]} Văn {rng.choice(GIVEN_M)}",
                                   str(birth.year - rng.randint(22, 30)), "Nông dân") + track)
        # salary history: steps taken
        for i in range(max(1, min(step, 3))):
            s_step = step - i
            eff = date(min(TODAY.year, recruit.year + (s_step - 1) * interval // 12), recruit.month, 1)
            t.add("cadre_salary", (ids(), cid, i, f"{eff.year}-{eff.month:02d}", grade, s_step, scale[s_step - 1], None) + track)
        # evaluations 2021–2025 (ND 90/48 four levels)
        disciplined_year = None
        if rng.random() < 0.012:
            disciplined_year = rng.randint(2022, 2025)
            form = rng.choice(["khien_trach", "khien_trach", "canh_cao"])
            d_on = date(disciplined_year, rng.randint(1, 11), rng.randint(1, 28))
            dec = ids()
            t.add("decision", (dec, cid, "ky_luat", f"{rng.randint(1, 200):02d}/QĐ-UBND", d_on, f"UBND {unit.place}", None, d_on,
                               None, "Kỷ luật " + ("khiển trách" if form == "khien_trach" else "cảnh cáo"), {}, {}, "active", None, "") + track)
            t.add("cadre_discipline", (ids(), cid, 0, d_on, "admin", form, "Vi phạm quy chế làm việc", f"UBND {unit.place}", dec) + track)
        for year in range(2021, 2026):
            if date(year, 12, 1) < recruit:
                continue
            level = _weighted(rng, EVAL_LEVELS)
            if year == disciplined_year:
                level = "khong_hoan_thanh"
            t.add("evaluation", (ids(), cid, None, year, "nd90", level, None, None, None, {}, [], "", "", 12, 0, "") + track)
        if rng.random() < 0.25:
            y = rng.randint(2019, 2025)
            t.add("cadre_award", (ids(), cid, 0, y, "giay_khen", "Giấy khen của Chủ tịch UBND", f"UBND {unit.place}", "Hoàn thành xuất sắc nhiệm vụ", None) + track)
        if is_head or is_deputy:
            t.add("cadre_document", (ids(), cid, 0, "ke_khai_tai_san", date(2026, rng.randint(1, 3), 15), "Bản kê khai năm 2025", "", None) + track)
            if rng.random() < 0.6:
                t.add("cadre_document", (ids(), cid, 1, "giay_kham_suc_khoe", date(2026, rng.randint(1, 10), 10), "", "", None) + track)

    def _title(self, unit: _Unit, head: bool, deputy: bool) -> tuple[str, str]:
        if not (head or deputy):
            return ("Chuyên viên", "")
        if unit.level == "xa_phong":
            if unit.symbol == "UBND":
                return ("Chủ tịch UBND", "chu_tich_ubnd_xa") if head else ("Phó Chủ tịch UBND", "pho_chu_tich_ubnd_xa")
            if unit.symbol == "DU":
                return ("Bí thư Đảng ủy", "bi_thu_dang_uy_xa") if head else ("Phó Bí thư Đảng ủy", "pho_bi_thu_dang_uy_xa")
            if unit.symbol == "HDND":
                return ("Chủ tịch HĐND", "chu_tich_hdnd_xa") if head else ("Phó Chủ tịch HĐND", "pho_chu_tich_hdnd_xa")
            if unit.symbol == "MTTQ":
                return ("Chủ tịch Ủy ban MTTQ", "chu_tich_ubmttq_xa") if head else ("Phó Chủ tịch Ủy ban MTTQ", "")
            return ("Trưởng phòng", "truong_phong_xa") if head else ("Phó Trưởng phòng", "pho_truong_phong_xa")
        if unit.level == "so":
            return ("Giám đốc", "giam_doc_so") if head else ("Phó Giám đốc", "pho_giam_doc_so")
        if unit.level == "phong" and ".S" in unit.code:
            return ("Trưởng phòng", "truong_phong_so") if head else ("Phó Trưởng phòng", "pho_truong_phong_so")
        return ("Trưởng phòng", "truong_phong_huyen") if head else ("Phó Trưởng phòng", "pho_truong_phong_huyen")
