"""The complete data model (SQLAlchemy 2 typed ORM). One Alembic revision creates it.

Conventions:
* Synced tables (``Synced`` mixin) have UUIDv7 text keys and rev/hlc/origin_node/updated_by/deleted.
* Local tables (users, settings, sync bookkeeping, counters) never leave this office.
* Partial dates in history tables are ISO text of their own precision ("1998", "1998-09", "1998-09-15").
* Codes (ethnicity, levels, grades…) reference ``code_item``/``grade`` by code, not by foreign key, so
  a code list update from the province never blocks on an old value; validation happens in services.
"""

# No ``from __future__ import annotations`` here: with it every ``Mapped[...]`` annotation is a string that
# SQLAlchemy evaluates again for each of the ~590 columns when the classes are made, ~15 % of this module's import
# on every start (issue 13). Evaluated by Python, they are ready.

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from canbo_desktop.db.base import ID, Base, NFCString, NFCText, Synced

# ------------------------------------------------------------------ organisation


class OrgUnitRecord(Synced, Base):
    """A node of the organisation tree (any depth, effective-dated)."""

    __tablename__ = "org_unit"

    id: Mapped[str] = ID()
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    short_name: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    # Materialised path of ids ("/root/…/self/"): subtree filters and GROUP BY over the tree in SQL.
    path: Mapped[str] = mapped_column(String(1000), nullable=False, default="")
    depth: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    geo_code: Mapped[str] = mapped_column(String(10), default="", nullable=False)  # QĐ 19/2025 code
    place_name: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)  # địa danh on documents
    parent_body_name: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)  # cơ quan chủ quản
    doc_symbol: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # ký hiệu: UBND, PNV…
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (
        Index("ix_org_unit_code", "code"),
        Index("ix_org_unit_path", "path"),
        Index("ix_org_unit_parent_id", "parent_id"),
    )


class OrgUnitSuccessionRecord(Synced, Base):
    """Lineage for merges, splits and renames (the 2025 reform): predecessor → successor."""

    __tablename__ = "org_unit_succession"

    id: Mapped[str] = ID()
    predecessor_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)
    successor_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # merge | split | rename | move
    effective_date: Mapped[date] = mapped_column(Date, nullable=False)
    legal_ref: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)


# ------------------------------------------------------------------ this office and its peers (local)


class LocalNodeRecord(Base):
    """This installation: its node id, the office it serves, its sync epoch and clock."""

    __tablename__ = "local_node"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)
    parent_node_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    parent_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    epoch: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    last_hlc: Mapped[str] = mapped_column(String(24), default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class SettingRecord(Base):
    """Data-bound settings with declarative defaults (UI state lives in QSettings instead)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class UserRecord(Base):
    __tablename__ = "app_user"

    id: Mapped[str] = ID()
    username: Mapped[str] = mapped_column(NFCString(80), nullable=False, unique=True)
    full_name: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)  # admin | head | clerk | viewer
    scope_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    can_view_sensitive: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# ------------------------------------------------------------------ code lists and rules (reference data)


class CodeItemRecord(Synced, Base):
    """One entry of a code list (ethnicity, religion, levels…), effective-dated, with aliases."""

    __tablename__ = "code_item"

    id: Mapped[str] = ID()
    list_key: Mapped[str] = mapped_column(String(40), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    rank: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)

    __table_args__ = (UniqueConstraint("list_key", "code", name="uq_code_item_list_key_code"),)


class GradeRecord(Synced, Base):
    """A civil-service grade (ngạch) with its salary scale."""

    __tablename__ = "grade"

    id: Mapped[str] = ID()
    code: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    salary_class: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    step_interval_months: Mapped[int] = mapped_column(Integer, nullable=False)
    coefficients: Mapped[list[float]] = mapped_column(JSON, nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)


class TitleRecord(Synced, Base):
    """A leadership title (chức danh) with its standards, for appointment and planning."""

    __tablename__ = "title"

    id: Mapped[str] = ID()
    code: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    rank: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    level: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    is_leader: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    key_leader: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    standards: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)


class RuleSetRecord(Synced, Base):
    """An effective-dated rule set (retirement table, evaluation regime, step intervals, targets…).

    Editing a rule never overwrites: a new row supersedes the old one from its ``valid_from``.
    """

    __tablename__ = "rule_set"

    id: Mapped[str] = ID()
    rule_key: Mapped[str] = mapped_column(String(60), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    legal_source: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    note: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    superseded_by: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (Index("ix_rule_set_rule_key_valid_from", "rule_key", "valid_from"),)


# ------------------------------------------------------------------ attachments


class AttachmentRecord(Base):
    """Content-addressed files (photos, scanned documents); travel in sync packages by hash."""

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(80), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


# ------------------------------------------------------------------ cadres (2C-BNV/2008 + 2C/TCTW-98)


class CadreRecord(Synced, Base):
    """A cadre / civil servant: every item of 2C-BNV/2008 plus the 2C/TCTW-98 extras."""

    __tablename__ = "cadre"

    id: Mapped[str] = ID()
    owner_unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)  # employing unit
    cadre_code: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # số hiệu CBCC
    category: Mapped[str] = mapped_column(String(40), default="cong_chuc", nullable=False)
    status: Mapped[str] = mapped_column(String(40), default="dang_cong_tac", nullable=False)

    # 1–3 names, birth, sex
    full_name: Mapped[str] = mapped_column(NFCString(160), nullable=False)
    family_name: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    middle_name: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    given_name: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    name_family_last: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    other_names: Mapped[str] = mapped_column(NFCString(160), default="", nullable=False)
    sex: Mapped[str] = mapped_column(String(1), nullable=False)  # M | F
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    birth_precision: Mapped[str] = mapped_column(String(5), default="day", nullable=False)  # day|month|year
    # 4–9 origin and addresses (verbatim text + optional coded unit)
    birthplace: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    hometown: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    hometown_province_code: Mapped[str] = mapped_column(String(4), default="", nullable=False)
    ethnicity_code: Mapped[str] = mapped_column(String(4), default="01", nullable=False)
    religion_code: Mapped[str] = mapped_column(String(40), default="khong", nullable=False)
    permanent_address: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    current_address: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    email: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    # 10–13 recruitment and work
    occupation_before: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    recruitment_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    recruiting_agency: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    current_position: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    title_code: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    position_start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    concurrent_positions: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    main_duties: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    # 14 grade and salary
    grade_code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    salary_step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    salary_coefficient: Mapped[float | None] = mapped_column(Numeric(5, 2, asdecimal=False), nullable=True)
    salary_step_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    position_allowance: Mapped[float | None] = mapped_column(Numeric(5, 2, asdecimal=False), nullable=True)
    other_allowance: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    beyond_scale_pct: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # 15 qualifications
    general_education: Mapped[str] = mapped_column(String(20), default="", nullable=False)  # "12/12"
    education_level: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    education_major: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    academic_title: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    political_theory: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    state_mgmt: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    foreign_language: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    it_level: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    # 16–19 party, mass organisations, army, titles
    party_join_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    party_official_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    mass_org: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    army_enlist_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    army_discharge_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    army_rank: Mapped[str] = mapped_column(NFCString(60), default="", nullable=False)
    honorary_title: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    strengths: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    # 23–26 health, policy, ID
    health_status: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    height_cm: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weight_kg: Mapped[int | None] = mapped_column(Integer, nullable=True)
    blood_group: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    war_invalid_grade: Mapped[str] = mapped_column(NFCString(40), default="", nullable=False)
    policy_family: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    id_number: Mapped[str] = mapped_column(String(12), default="", nullable=False)  # CCCD, natural key
    id_issue_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    id_issue_place: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    social_insurance_no: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    # 29 personal history; 32 assessment
    history_detention: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    history_foreign_orgs: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    history_foreign_relatives: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    assessment: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    # 2C/TCTW-98 extras
    family_background: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    revolution_join_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    current_agency_join_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    party_committee: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    party_committee_concurrent: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    economic_salary: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    economic_housing: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    economic_land: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    # photo (4×6) and its date
    photo_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    photo_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # derived, stored for SQL: Vietnamese sort key; folded search text (mirrored into the FTS index)
    # ASCII key compared byte by byte: PostgreSQL must not apply a locale collation to it.
    name_sort_key: Mapped[str] = mapped_column(
        String(400).with_variant(String(400, collation="C"), "postgresql"), default="", nullable=False
    )
    search_fold: Mapped[str] = mapped_column(String(400), default="", nullable=False)  # names, folded
    search_exact: Mapped[str] = mapped_column(NFCString(400), default="", nullable=False)  # names, diacritics kept
    search_info: Mapped[str] = mapped_column(String(1000), default="", nullable=False)  # ID, phone, year, places, folded
    # Local to this database (not synced): the row's id in the FTS5 index, increasing in name order, so
    # that the index returns matches already sorted (db/search.py). NULL while trashed or deleted.
    search_rowid: Mapped[int | None] = mapped_column(BigInteger, nullable=True, unique=True)
    # trash (restorable); permanent deletion is the sync tombstone ``deleted``
    trashed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    trashed_by: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (
        Index("ix_cadre_owner_unit_id", "owner_unit_id"),
        Index("ix_cadre_name_sort_key", "name_sort_key"),
        Index("ix_cadre_id_number", "id_number"),
        Index("ix_cadre_status", "status"),
        Index("ix_cadre_birth_date", "birth_date"),
        Index("ix_cadre_search_fold", "search_fold"),  # the import's matching by name (revision 0003)
        # The reports' covering index (db/reports.py): every fact the targets and statistics read, the status
        # first (the reports' WHERE). The count scans it instead of the wide rows (1.4 kB each), a few times
        # less to read on a province.
        Index("ix_cadre_report", "status", "owner_unit_id", "deleted", "trashed_at", "title_code", "sex", "birth_date", "birth_precision", "category", "ethnicity_code", "religion_code", "hometown_province_code", "grade_code", "education_level", "political_theory", "state_mgmt", "party_join_date", "recruitment_date", "id"),
    )


class _CadreChild(Synced):
    id: Mapped[str] = ID()
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class TrainingRecord(_CadreChild, Base):
    """27. Đào tạo, bồi dưỡng (professional, political theory, language, IT, knowledge updates)."""

    __tablename__ = "cadre_training"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    course_id: Mapped[str | None] = mapped_column(ForeignKey("training_course.id"), nullable=True)
    school: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    major: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    kind: Mapped[str] = mapped_column(String(40), default="chuyen_mon", nullable=False)
    from_date: Mapped[str] = mapped_column(String(10), default="", nullable=False)  # partial ISO
    to_date: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    mode: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    certificate: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    level_code: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (
        # The reports' look-up of a person's training lines of a kind (db/reports.py: "trained within N
        # months", qualifications at a past date) reads this index alone, not the rows (revision 0002).
        Index("ix_cadre_training_report", "cadre_id", "kind", "deleted", "to_date", "course_id", "level_code"),
    )


class WorkHistoryRecord(_CadreChild, Base):
    """28. Tóm tắt quá trình công tác."""

    __tablename__ = "cadre_work_history"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    from_date: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    to_date: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    description: Mapped[str] = mapped_column(NFCText, nullable=False)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"), nullable=True)


class FamilyMemberRecord(_CadreChild, Base):
    """30. Quan hệ gia đình: side 'self' (bản thân) or 'spouse' (bên vợ / chồng)."""

    __tablename__ = "cadre_family"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    side: Mapped[str] = mapped_column(String(10), default="self", nullable=False)
    relation: Mapped[str] = mapped_column(NFCString(60), nullable=False)
    full_name: Mapped[str] = mapped_column(NFCString(160), nullable=False)
    birth_year: Mapped[str] = mapped_column(NFCString(40), default="", nullable=False)
    details: Mapped[str] = mapped_column(NFCText, default="", nullable=False)


class SalaryHistoryRecord(_CadreChild, Base):
    """31. Diễn biến quá trình lương."""

    __tablename__ = "cadre_salary"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    effective: Mapped[str] = mapped_column(String(10), nullable=False)  # partial ISO, usually YYYY-MM
    grade_code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    coefficient: Mapped[float | None] = mapped_column(Numeric(5, 2, asdecimal=False), nullable=True)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"), nullable=True)


class AwardRecord(_CadreChild, Base):
    """Khen thưởng (item 21 prints the highest)."""

    __tablename__ = "cadre_award"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    form_code: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    form_text: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    issuer: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    reason: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"), nullable=True)


class DisciplineRecord(_CadreChild, Base):
    """Kỷ luật (item 22 prints the highest); party or administrative."""

    __tablename__ = "cadre_discipline"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), default="admin", nullable=False)  # admin | party
    form_code: Mapped[str] = mapped_column(String(40), nullable=False)
    reason: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    issuer: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"), nullable=True)


class PositionHistoryRecord(_CadreChild, Base):
    """Leadership posts held (for time in post, terms, re-appointment notices)."""

    __tablename__ = "cadre_position"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    title_code: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    title_text: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    concurrent: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"), nullable=True)


class CadreDocumentRecord(_CadreChild, Base):
    """Documents on file (asset declaration, health certificate, self-assessment…), with dates."""

    __tablename__ = "cadre_document"

    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(60), nullable=False)
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reference: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    note: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    attachment_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


# ------------------------------------------------------------------ decisions (career events)


class DecisionRecord(Synced, Base):
    """A career decision: the single way recruitment, appointment, transfer… change the current state.

    ``changes`` is what the decision sets (e.g. {"owner_unit_id": …, "title_code": …}); ``previous``
    is what it replaced, so cancelling the decision can revert it exactly.
    """

    __tablename__ = "decision"

    id: Mapped[str] = ID()
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    number: Mapped[str] = mapped_column(NFCString(60), default="", nullable=False)  # "12/QĐ-UBND"
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    issuer: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    issuer_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    effective_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    summary: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    previous: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="active", nullable=False)  # active | cancelled
    cancelled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(NFCText, default="", nullable=False)

    __table_args__ = (Index("ix_decision_effective_date", "effective_date"),)


# ------------------------------------------------------------------ evaluation


class EvaluationRoundRecord(Synced, Base):
    """Evaluation of one unit for one year: open → approved → locked (then corrections only)."""

    __tablename__ = "evaluation_round"

    id: Mapped[str] = ID()
    unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    regime: Mapped[str] = mapped_column(String(20), nullable=False)  # nd90 | nd335
    status: Mapped[str] = mapped_column(String(20), default="open", nullable=False)
    opened_by: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    opened_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    approved_by: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    locked_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (UniqueConstraint("unit_id", "year", name="uq_evaluation_round_unit_id_year"),)


class EvaluationRecord(Synced, Base):
    """A person's yearly result: 4 levels (≤ 2025) or the 30 + 70 score (ND 335/2025, from 2026)."""

    __tablename__ = "evaluation"

    id: Mapped[str] = ID()
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False)
    round_id: Mapped[str | None] = mapped_column(ForeignKey("evaluation_round.id"), nullable=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    regime: Mapped[str] = mapped_column(String(20), nullable=False)
    level: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    score_general: Mapped[float | None] = mapped_column(Float, nullable=True)
    score_tasks: Mapped[float | None] = mapped_column(Float, nullable=True)
    score_total: Mapped[float | None] = mapped_column(Float, nullable=True)
    task_components: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    veto_flags: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    self_assessment: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    unit_comment: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    months_worked: Mapped[int | None] = mapped_column(Integer, nullable=True)
    months_absent: Mapped[int | None] = mapped_column(Integer, nullable=True)
    party_level: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (UniqueConstraint("cadre_id", "year", name="uq_evaluation_cadre_id_year"),)


class EvaluationProductRecord(Synced, Base):
    """Sản phẩm: what was delivered, with its measure (the basis of evaluation "by products")."""

    __tablename__ = "evaluation_product"

    id: Mapped[str] = ID()
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluation.id", ondelete="CASCADE"), nullable=False, index=True)
    description: Mapped[str] = mapped_column(NFCText, nullable=False)
    measure: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    assigned: Mapped[float | None] = mapped_column(Float, nullable=True)
    delivered: Mapped[float | None] = mapped_column(Float, nullable=True)
    quality_errors: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    delays: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class EvaluationCorrectionRecord(Synced, Base):
    """A recorded correction of a locked result, with its reason."""

    __tablename__ = "evaluation_correction"

    id: Mapped[str] = ID()
    evaluation_id: Mapped[str] = mapped_column(ForeignKey("evaluation.id", ondelete="CASCADE"), nullable=False, index=True)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    old_value: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    new_value: Mapped[str] = mapped_column(NFCText, default="", nullable=False)
    reason: Mapped[str] = mapped_column(NFCText, nullable=False)
    corrected_on: Mapped[date] = mapped_column(Date, nullable=False)


class ConfidenceVoteRecord(Synced, Base):
    """A confidence vote conference (QĐ 96-QĐ/TW): convened and present decide the quorum."""

    __tablename__ = "confidence_vote"

    id: Mapped[str] = ID()
    unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    convened: Mapped[int] = mapped_column(Integer, nullable=False)
    present: Mapped[int] = mapped_column(Integer, nullable=False)
    note: Mapped[str] = mapped_column(NFCText, default="", nullable=False)


class ConfidenceVoteResultRecord(Synced, Base):
    __tablename__ = "confidence_vote_result"

    id: Mapped[str] = ID()
    vote_id: Mapped[str] = mapped_column(ForeignKey("confidence_vote.id", ondelete="CASCADE"), nullable=False, index=True)
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    title_text: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    high: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    confidence: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    low: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


# ------------------------------------------------------------------ planning, training, appointment


class PlanningEntryRecord(Synced, Base):
    """Quy hoạch: a person planned for a title in a term; removal keeps its reason."""

    __tablename__ = "planning_entry"

    id: Mapped[str] = ID()
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    term: Mapped[str] = mapped_column(String(20), nullable=False)  # "2025-2030"
    title_code: Mapped[str] = mapped_column(String(40), nullable=False)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    added_on: Mapped[date] = mapped_column(Date, nullable=False)
    added_ref: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    removed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    removed_ref: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    removal_reason: Mapped[str] = mapped_column(NFCText, default="", nullable=False)


class TrainingCourseRecord(Synced, Base):
    """A course or class (bồi dưỡng, cập nhật kiến thức…) that several people attend."""

    __tablename__ = "training_course"

    id: Mapped[str] = ID()
    name: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    organiser: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    certificate: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)


class AppointmentProcedureRecord(Synced, Base):
    """An appointment / re-appointment / dismissal procedure from policy to decision."""

    __tablename__ = "appointment_procedure"

    id: Mapped[str] = ID()
    cadre_id: Mapped[str] = mapped_column(ForeignKey("cadre.id", ondelete="CASCADE"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="appointment", nullable=False)
    source: Mapped[str] = mapped_column(String(20), default="internal", nullable=False)  # internal | external
    title_code: Mapped[str] = mapped_column(String(40), nullable=False)
    unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), nullable=False)
    policy_ref: Mapped[str] = mapped_column(NFCString(120), default="", nullable=False)
    policy_submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    policy_approved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", nullable=False)
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decision.id"), nullable=True)
    overrides: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    note: Mapped[str] = mapped_column(NFCText, default="", nullable=False)


class AppointmentStepRecord(Synced, Base):
    """One conference of the procedure, with its ballots."""

    __tablename__ = "appointment_step"

    id: Mapped[str] = ID()
    procedure_id: Mapped[str] = mapped_column(
        ForeignKey("appointment_procedure.id", ondelete="CASCADE"), nullable=False, index=True
    )
    step_no: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(NFCString(255), nullable=False)
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    convened: Mapped[int | None] = mapped_column(Integer, nullable=True)
    present: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ballots_issued: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ballots_returned: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ballots_valid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    agree: Mapped[int | None] = mapped_column(Integer, nullable=True)
    disagree: Mapped[int | None] = mapped_column(Integer, nullable=True)
    announced: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    minutes: Mapped[str] = mapped_column(NFCText, default="", nullable=False)


class AppointmentDocumentRecord(Synced, Base):
    """The dossier checklist (domain.md §3.4): which of the 10 documents are present."""

    __tablename__ = "appointment_document"

    id: Mapped[str] = ID()
    procedure_id: Mapped[str] = mapped_column(
        ForeignKey("appointment_procedure.id", ondelete="CASCADE"), nullable=False, index=True
    )
    doc_kind: Mapped[str] = mapped_column(String(60), nullable=False)
    present: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(NFCText, default="", nullable=False)


# ------------------------------------------------------------------ documents numbering (local)


class DocCounterRecord(Base):
    """Per-issuer, per-kind, per-year document number counter ("Số: 05/QĐ-UBND")."""

    __tablename__ = "doc_counter"

    issuer_unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), primary_key=True)
    doc_kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


# ------------------------------------------------------------------ audit and sync bookkeeping


class AuditRecord(Base):
    """Who did what, when, old → new. Hash-chained (``prev_hash`` → ``hash``); travels with sync."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    actor: Mapped[str] = mapped_column(NFCString(80), nullable=False)
    node_id: Mapped[str] = mapped_column(String(36), default="", nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)  # insert|update|delete|export|print|view…
    entity: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    entity_id: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    hash: Mapped[str] = mapped_column(String(64), default="", nullable=False)

    __table_args__ = (Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),)


class ChangeLogRecord(Base):
    """Append-only sync change log, written in the same transaction as the edit (``sync.md``)."""

    __tablename__ = "sync_change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    op: Mapped[str] = mapped_column(String(1), nullable=False)  # I | U | D
    rev: Mapped[int] = mapped_column(Integer, nullable=False)
    base_rev: Mapped[int] = mapped_column(Integer, nullable=False)
    hlc: Mapped[str] = mapped_column(String(24), nullable=False)
    origin_node: Mapped[str] = mapped_column(String(36), nullable=False)
    changed_fields: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    actor: Mapped[str] = mapped_column(NFCString(80), nullable=False)

    __table_args__ = (Index("ix_sync_change_log_table_name_row_id", "table_name", "row_id"),)


class SyncPeerRecord(Base):
    """A parent or child office: its keys and the stream positions in both directions."""

    __tablename__ = "sync_peer"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    relation: Mapped[str] = mapped_column(String(10), nullable=False)  # parent | child
    name: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)
    sign_public_key: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    enc_public_key: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    epoch: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    last_sent_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_acked_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    next_out_package: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    last_in_package: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_in_sha256: Mapped[str] = mapped_column(String(64), default="", nullable=False)


class SyncPackageRecord(Base):
    """Every package written or read: id, hash, stream position, status and counts."""

    __tablename__ = "sync_package"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), nullable=False)  # out | in
    peer_node_id: Mapped[str] = mapped_column(String(36), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    epoch: Mapped[int] = mapped_column(Integer, nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    file_name: Mapped[str] = mapped_column(NFCString(255), default="", nullable=False)


class SyncConflictRecord(Base):
    """A conflict from a sync import, queued for a person (hard) or merged and flagged (soft)."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = ID()
    table_name: Mapped[str] = mapped_column(String(60), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # soft | hard | cccd
    fields: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    base: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    local: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    incoming: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    package_id: Mapped[str] = mapped_column(String(36), default="", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="open", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    resolved_by: Mapped[str] = mapped_column(NFCString(80), default="", nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(20), default="", nullable=False)

    __table_args__ = (Index("ix_sync_conflict_status", "status"),)
