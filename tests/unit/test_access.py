"""domain/access.py: the role table, the scope test, masking and the password rules (pure Python)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from canbo_desktop.domain import cadre as d
from canbo_desktop.domain.access import (
    MASK,
    SENSITIVE_CADRE_FIELDS,
    SYSTEM,
    AccessDenied,
    Op,
    Principal,
    allows,
    check_password_rules,
    has_sensitive,
    mask_file,
    require,
)

A = "/root/a/"
B = "/root/b/"


@pytest.mark.parametrize(("role", "allowed"), [
    ("admin", set(Op)),
    ("head", {Op.READ, Op.WRITE, Op.APPROVE, Op.EXPORT, Op.PRINT, Op.SYNC}),
    ("clerk", {Op.READ, Op.WRITE, Op.EXPORT, Op.PRINT, Op.SYNC}),
    ("viewer", {Op.READ, Op.PRINT}),
])
def test_role_table_in_and_out_of_scope(role: str, allowed: set[Op]) -> None:
    p = Principal("u", role, A)
    assert {op for op in Op if allows(p, op, A + "x/")} == allowed
    assert {op for op in Op if allows(p, op, B)} == set()
    assert not allows(p, Op.READ, "") and not allows(p, Op.READ, "/root/")  # the parent is outside
    assert allows(Principal("u", role, ""), Op.READ, B)  # no scope: the whole database


def test_inactive_unknown_role_and_system() -> None:
    assert not any(allows(Principal("u", "admin", "", active=False), op) for op in Op)
    assert not any(allows(Principal("u", "superuser", ""), op) for op in Op)
    assert all(allows(SYSTEM, op, B) for op in Op)
    with pytest.raises(AccessDenied, match="vai trò «Chỉ xem»"):
        require(Principal("xem", "viewer", ""), Op.WRITE)
    with pytest.raises(AccessDenied, match="đơn vị “Xã B”.*Xã A"):
        require(Principal("c", "clerk", A, scope_name="Xã A"), Op.WRITE, B, "Xã B")
    assert Principal("c", "clerk", "/root/a/").scope_unit_id == "a" and SYSTEM.scope_unit_id is None


def test_mask_file_hides_every_sensitive_item_and_keeps_the_rest() -> None:
    c = d.Cadre(full_name="Nguyễn Văn A", ethnicity_code="01", religion_code="phat_giao", health_status="Tốt",
                height_cm=170, history_detention="Không", economic_land="200 m²", id_number="040090012345",
                birth_date=date(1990, 1, 1))
    f = d.CadreFile(cadre=c, family=[d.FamilyRow(relation="Bố", full_name="B", details="Đảng viên")],
                    discipline=[d.DisciplineRow(form_code="khien_trach")])
    masked = mask_file(f)
    assert masked.cadre.religion_code == MASK and masked.cadre.health_status == MASK
    assert masked.cadre.height_cm is None and masked.cadre.economic_land == MASK
    assert masked.family[0].details == MASK and masked.family[0].full_name == "B" and masked.discipline == []
    assert (masked.cadre.full_name, masked.cadre.id_number, masked.cadre.birth_date) == \
        ("Nguyễn Văn A", "040090012345", date(1990, 1, 1))
    assert f.cadre.religion_code == "phat_giao" and f.discipline  # the original is untouched
    assert has_sensitive(f) and set(SENSITIVE_CADRE_FIELDS) <= {x.name for x in dataclasses.fields(d.Cadre)}


def test_password_rules() -> None:
    assert check_password_rules("1234567") == "Mật khẩu phải có ít nhất 8 ký tự."
    assert check_password_rules("quantri1", username="QuanTri1") == "Mật khẩu không được trùng tên đăng nhập."
    assert check_password_rules("mat-khau-tot") is None
