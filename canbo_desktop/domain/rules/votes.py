"""Confidence votes (lấy phiếu tín nhiệm, QĐ 96-QĐ/TW 2023): quorum, low-confidence share, consequence.

All thresholds are exact fractions written as text in the rule data ("2/3", "1/2"), so exactly two
thirds is two thirds. The share of "low" votes is taken over the basis the rule names (default: the
ballots counted, high + confidence + low). Bands are tried in order; the first that matches gives the
consequence code and its Vietnamese text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from canbo_desktop.domain.dates import MAX_YEAR, MIN_YEAR, format_date
from canbo_desktop.domain.errors import ValidationError
from canbo_desktop.domain.rules.core import RuleBook
from canbo_desktop.domain.rules.facts import VoteFact

RULE_KEY = "confidence_vote"

# Consequence codes that do not come from a band.
NOT_VOTED = "khong_lay_phieu"
NO_QUORUM = "hoi_nghi_khong_hop_le"
NO_BALLOTS = "chua_co_phieu"


@dataclass(frozen=True)
class VoteOutcome:
    year: int
    subject_to_vote: bool  # False: appointed/elected in the voting year, or notified of retirement
    quorum_ok: bool | None  # None when the number convened is not recorded (or not voted)
    attendance: Fraction | None  # present / convened
    low_share: Fraction | None  # low / basis
    consequence_code: str
    consequence_text: str
    remove_from_higher_planning: bool
    dismiss: bool
    reasons: tuple[str, ...]  # the figures used, in Vietnamese
    legal_source: str
    rule_valid_from: date

    @property
    def low_share_percent(self) -> float | None:
        return None if self.low_share is None else float(self.low_share * 100)


def _fraction(value: Any, what: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValidationError(f"Quy định «{RULE_KEY}»: «{what}» phải là phân số dạng «2/3».")
    try:
        f = Fraction(value)
    except (ValueError, ZeroDivisionError) as exc:
        raise ValidationError(
            f"Quy định «{RULE_KEY}»: «{what}» = «{value}» không phải phân số hợp lệ."
        ) from exc
    if not 0 <= f <= 1:
        raise ValidationError(f"Quy định «{RULE_KEY}»: «{what}» phải trong khoảng 0–1.")
    return f


def _pct(f: Fraction) -> str:
    return f"{float(f * 100):.2f}".replace(".", ",") + "%"


def _ratio(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def _count(v: Any, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ValidationError(f"{what} phải là số nguyên không âm.")
    return v


def assess_vote(
    vote: VoteFact,
    book: RuleBook,
    *,
    appointed_on: date | None = None,
    retirement_notified: bool = False,
    held_on: date | None = None,
) -> VoteOutcome:
    """The outcome of one person's confidence vote.

    The rule is looked up on ``held_on`` when known, else on 31/12 of ``vote.year``. ``appointed_on`` is
    the date of appointment/election to the post voted on: in the voting year the person is not voted on,
    nor when notified of retirement (QĐ 96). Counts that cannot be (negative, more present than convened,
    more ballots than present) are a :class:`ValidationError`.
    """
    if isinstance(vote.year, bool) or not isinstance(vote.year, int) or not MIN_YEAR <= vote.year <= MAX_YEAR:
        raise ValidationError(f"Năm lấy phiếu «{vote.year}» không hợp lệ.")
    on = held_on or date(vote.year, 12, 31)
    version = book.version(RULE_KEY, on)
    p: Mapping[str, Any] = version.params
    src = version.legal_source

    convened = _count(vote.convened, "Số người được triệu tập")
    present = _count(vote.present, "Số người có mặt")
    high = _count(vote.high, "Số phiếu tín nhiệm cao")
    mid = _count(vote.confidence, "Số phiếu tín nhiệm")
    low = _count(vote.low, "Số phiếu tín nhiệm thấp")
    ballots = high + mid + low
    if convened and present > convened:
        raise ValidationError(f"Số người có mặt ({present}) lớn hơn số người được triệu tập ({convened}).")
    if present and ballots > present:
        raise ValidationError(f"Tổng số phiếu ({ballots}) lớn hơn số người có mặt ({present}).")

    def outcome(
        voted: bool,
        quorum: bool | None,
        attendance: Fraction | None,
        share: Fraction | None,
        code: str,
        text: str,
        reasons: list[str],
        planning: bool = False,
        dismiss: bool = False,
    ) -> VoteOutcome:
        return VoteOutcome(
            vote.year, voted, quorum, attendance, share, code, text, planning, dismiss, tuple(reasons), src,
            version.valid_from,
        )  # fmt: skip

    # Not voted on.
    if retirement_notified and p.get("skip_if_retirement_notified", True):
        return outcome(
            False, None, None, None, NOT_VOTED, "Không lấy phiếu tín nhiệm: đã có thông báo nghỉ hưu.", []
        )
    if (
        appointed_on is not None
        and appointed_on.year == vote.year
        and p.get("skip_if_appointed_in_vote_year", True)
    ):
        return outcome(
            False,
            None,
            None,
            None,
            NOT_VOTED,
            f"Không lấy phiếu tín nhiệm: được bầu, bổ nhiệm ngày {format_date(appointed_on)}, "
            "trong năm lấy phiếu "
            f"{vote.year}.",
            [],
        )

    # Quorum.
    quorum_fraction = _fraction(p.get("quorum_fraction"), "quorum_fraction")
    reasons: list[str] = []
    attendance: Fraction | None = None
    quorum: bool | None = None
    if convened:
        attendance = Fraction(present, convened)
        quorum = attendance >= quorum_fraction
        reasons.append(
            f"Có mặt {present}/{convened} người được triệu tập ({_pct(attendance)}); yêu cầu từ "
            f"{_ratio(quorum_fraction)} trở lên – {'hợp lệ' if quorum else 'không hợp lệ'}."
        )
        if not quorum:
            return outcome(
                True,
                False,
                attendance,
                None,
                NO_QUORUM,
                "Hội nghị không đủ số người tham dự theo quy định; kết quả không được sử dụng.",
                reasons,
            )
    else:
        reasons.append("Chưa ghi số người được triệu tập: không kiểm tra được số người tham dự.")

    # Low-confidence share.
    basis_name = p.get("low_share_basis", "ballots")
    basis = {"ballots": ballots, "present": present, "convened": convened}.get(str(basis_name))
    if basis is None:
        raise ValidationError(
            f"Quy định «{RULE_KEY}»: «low_share_basis» phải là ballots, present hoặc convened."
        )
    if basis == 0:
        return outcome(True, quorum, attendance, None, NO_BALLOTS, "Chưa có số phiếu để tính tỷ lệ.", reasons)
    share = Fraction(low, basis)
    basis_text = {
        "ballots": "tổng số phiếu",
        "present": "số người có mặt",
        "convened": "số người được triệu tập",
    }
    reasons.append(f"Tín nhiệm thấp {low}/{basis} {basis_text[str(basis_name)]} = {_pct(share)}.")

    bands = p.get("bands")
    if not isinstance(bands, list):
        raise ValidationError(f"Quy định «{RULE_KEY}»: thiếu «bands».")
    for i, band in enumerate(bands, 1):
        if not isinstance(band, Mapping):
            raise ValidationError(f"Quy định «{RULE_KEY}»: mức {i} trong «bands» không đúng định dạng.")
        if _in_band(share, band, i):
            code = str(band.get("code") or f"muc_{i}")
            return outcome(
                True,
                quorum,
                attendance,
                share,
                code,
                str(band.get("text") or code),
                reasons + [_band_text(band, i)],
                planning=bool(band.get("remove_from_higher_planning", False)),
                dismiss=bool(band.get("dismiss", False)),
            )
    normal = p.get("normal") if isinstance(p.get("normal"), Mapping) else {}
    assert isinstance(normal, Mapping)
    return outcome(
        True,
        quorum,
        attendance,
        share,
        str(normal.get("code") or "binh_thuong"),
        str(normal.get("text") or "Không thuộc trường hợp phải xem xét theo kết quả lấy phiếu."),
        reasons,
    )


def _in_band(share: Fraction, band: Mapping[str, Any], i: int) -> bool:
    lo = band.get("min")
    hi = band.get("max")
    if lo is not None:
        f = _fraction(lo, f"bands[{i}].min")
        if share < f or (share == f and not band.get("min_inclusive", True)):
            return False
    if hi is not None:
        f = _fraction(hi, f"bands[{i}].max")
        if share > f or (share == f and not band.get("max_inclusive", False)):
            return False
    return True


def _band_text(band: Mapping[str, Any], i: int) -> str:
    parts = []
    if band.get("min") is not None:
        f = _fraction(band["min"], f"bands[{i}].min")
        parts.append(("từ " if band.get("min_inclusive", True) else "trên ") + _ratio(f))
    if band.get("max") is not None:
        f = _fraction(band["max"], f"bands[{i}].max")
        parts.append(("đến " if band.get("max_inclusive", False) else "dưới ") + _ratio(f))
    return "Thuộc mức " + " ".join(parts) + " phiếu tín nhiệm thấp."
