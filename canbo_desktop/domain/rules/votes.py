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
from canbo_desktop.i18n import translate

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
        raise ValidationError(translate("domain.rules.votes", "Rule «{RULE_KEY}»: «{what}» must be a fraction written «2/3».").format(RULE_KEY=RULE_KEY, what=what))
    try:
        f = Fraction(value)
    except (ValueError, ZeroDivisionError) as exc:
        raise ValidationError(
            translate("domain.rules.votes", "Rule «{RULE_KEY}»: «{what}» = «{value}» is not a valid fraction.").format(RULE_KEY=RULE_KEY, what=what, value=value)
        ) from exc
    if not 0 <= f <= 1:
        raise ValidationError(translate("domain.rules.votes", "Rule «{RULE_KEY}»: «{what}» must be between 0 and 1.").format(RULE_KEY=RULE_KEY, what=what))
    return f


def _pct(f: Fraction) -> str:
    return f"{float(f * 100):.2f}".replace(".", ",") + "%"


def _ratio(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def _count(v: Any, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ValidationError(translate("domain.rules.votes", "{what} must be a non-negative integer.").format(what=what))
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
        raise ValidationError(translate("domain.rules.votes", "Voting year «{year}» is not valid.").format(year=vote.year))
    on = held_on or date(vote.year, 12, 31)
    version = book.version(RULE_KEY, on)
    p: Mapping[str, Any] = version.params
    src = version.legal_source

    convened = _count(vote.convened, translate("domain.rules.votes", "Number convened"))
    present = _count(vote.present, translate("domain.rules.votes", "Number present"))
    high = _count(vote.high, translate("domain.rules.votes", "High-confidence votes"))
    mid = _count(vote.confidence, translate("domain.rules.votes", "Confidence votes"))
    low = _count(vote.low, translate("domain.rules.votes", "Low-confidence votes"))
    ballots = high + mid + low
    if convened and present > convened:
        raise ValidationError(translate("domain.rules.votes", "The number present ({present}) is greater than the number convened ({convened}).").format(present=present, convened=convened))
    if present and ballots > present:
        raise ValidationError(translate("domain.rules.votes", "The total of the votes ({ballots}) is greater than the number present ({present}).").format(ballots=ballots, present=present))

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
            False, None, None, None, NOT_VOTED, translate("domain.rules.votes", "No confidence vote: retirement has already been announced."), []
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
            translate("domain.rules.votes", "No confidence vote: elected or appointed on {appointed_on}, within the voting year {year}.").format(appointed_on=format_date(appointed_on), year=vote.year),
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
        if quorum:
            text = translate("domain.rules.votes", "Present {present}/{convened} of those convened ({share}); {quorum} or more required – valid.")
        else:
            text = translate("domain.rules.votes", "Present {present}/{convened} of those convened ({share}); {quorum} or more required – not valid.")
        reasons.append(text.format(present=present, convened=convened, share=_pct(attendance), quorum=_ratio(quorum_fraction)))
        if not quorum:
            return outcome(
                True,
                False,
                attendance,
                None,
                NO_QUORUM,
                translate("domain.rules.votes", "The meeting did not have the required attendance; the result cannot be used."),
                reasons,
            )
    else:
        reasons.append(translate("domain.rules.votes", "The number convened is not recorded: attendance cannot be checked."))

    # Low-confidence share.
    basis_name = p.get("low_share_basis", "ballots")
    basis = {"ballots": ballots, "present": present, "convened": convened}.get(str(basis_name))
    if basis is None:
        raise ValidationError(
            translate("domain.rules.votes", "Rule «{RULE_KEY}»: «low_share_basis» must be ballots, present or convened.").format(RULE_KEY=RULE_KEY)
        )
    if basis == 0:
        return outcome(True, quorum, attendance, None, NO_BALLOTS, translate("domain.rules.votes", "No votes yet to compute the share."), reasons)
    share = Fraction(low, basis)
    basis_text = {
        "ballots": translate("domain.rules.votes", "total votes"),
        "present": translate("domain.rules.votes", "people present"),
        "convened": translate("domain.rules.votes", "people convened"),
    }
    reasons.append(translate("domain.rules.votes", "Low confidence {low}/{basis} {basis_text} = {share}.").format(low=low, basis=basis, basis_text=basis_text[str(basis_name)], share=_pct(share)))

    bands = p.get("bands")
    if not isinstance(bands, list):
        raise ValidationError(translate("domain.rules.votes", "Rule «{RULE_KEY}»: «bands» is missing.").format(RULE_KEY=RULE_KEY))
    for i, band in enumerate(bands, 1):
        if not isinstance(band, Mapping):
            raise ValidationError(translate("domain.rules.votes", "Rule «{RULE_KEY}»: band {i} in «bands» has the wrong format.").format(RULE_KEY=RULE_KEY, i=i))
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
        str(normal.get("text") or translate("domain.rules.votes", "Not a case to be reviewed on the voting result.")),
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
        bound = (translate("domain.rules.votes", "from {fraction}") if band.get("min_inclusive", True)
                 else translate("domain.rules.votes", "above {fraction}"))
        parts.append(bound.format(fraction=_ratio(f)))
    if band.get("max") is not None:
        f = _fraction(band["max"], f"bands[{i}].max")
        bound = (translate("domain.rules.votes", "up to {fraction}") if band.get("max_inclusive", False)
                 else translate("domain.rules.votes", "below {fraction}"))
        parts.append(bound.format(fraction=_ratio(f)))
    return translate("domain.rules.votes", "In the band {range} of low-confidence votes.").format(range=" ".join(parts))
