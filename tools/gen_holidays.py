"""Regenerate resources/rules/holidays.json (rule "holidays") from the maintained ``holidays`` package.

Why a generator: the Tết and Giỗ Tổ Hùng Vương dates follow the lunar calendar, and the compensating days
(nghỉ bù, BLLĐ 2019 Đ.111.3) depend on the weekday, so they are computed once here and shipped as data;
the app itself never imports ``holidays``. Re-run after upgrading the package, then review the diff:

    .venv/bin/pip install holidays==0.108      # in the dev extras of pyproject.toml
    .venv/bin/python tools/gen_holidays.py           # writes resources/rules/holidays.json
    .venv/bin/python tools/gen_holidays.py --check   # exit 1 when the shipped file differs

Not generated: the day swaps the Government announces each year beyond those the package knows, and the
Ngày Văn hóa Việt Nam (24/11), which the package lists from 2026 on a Politburo decision but which is not
yet in BLLĐ Đ.112 (an amendment of the Code is pending). The office adds such days in Quản trị › Quy định.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import holidays
from holidays.countries.vietnam import VietnamStaticHolidays

OUT = Path(__file__).resolve().parents[1] / "resources" / "rules" / "holidays.json"
FIRST_YEAR, LAST_YEAR = 2020, 2040
# Days the package lists that are not (yet) paid public holidays in the Labour Code: dropped.
NOT_IN_LAW = ("Ngày Văn hóa Việt Nam",)
WEEKLY_DAYS_OFF = [5, 6]  # Saturday, Sunday (Mon = 0): QĐ 188/1999/QĐ-TTg, 40-hour week

NOTE_COMMON = (
    "Sinh bằng tools/gen_holidays.py từ gói holidays {version} (lịch âm Việt Nam, ngày nghỉ bù khi ngày lễ trùng "
    "thứ Bảy/Chủ nhật, các ngày hoán đổi Chính phủ đã công bố mà gói biết). Hằng năm Thủ tướng Chính phủ và Bộ Nội "
    "vụ thông báo lịch nghỉ Tết, nghỉ lễ và hoán đổi ngày làm việc đối với cán bộ, công chức: văn phòng phải bổ sung "
    "ngày nghỉ bù/hoán đổi («days_off») và ngày làm việc bù («extra_working_days») theo thông báo đó. Thứ tự ngày "
    "trong tuần: 0 = thứ Hai … 5 = thứ Bảy, 6 = Chủ nhật."
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _names(year: int) -> dict[date, str]:
    """Vietnamese names of the days off in ``year``, without the days that are not in the law."""
    out: dict[date, str] = {}
    for d, raw in holidays.country_holidays("VN", years=year, language="vi").items():
        kept = [
            n
            for n in (_nfc(x.strip()) for x in raw.split(";"))
            if not any(n.startswith(p) for p in NOT_IN_LAW)
        ]
        if kept:
            out[d] = "; ".join(kept)
    return out


def _extra_working_days(first: int, last: int) -> dict[date, str]:
    """The Saturdays worked in exchange for a swapped day off (``special_public_holidays`` of the package:
    ``(month, day, from_month, from_day[, from_year])``: a day off on month/day, worked on from_month/from_day)."""
    out: dict[date, str] = {}
    for year, spec in VietnamStaticHolidays.special_public_holidays.items():
        items = spec if isinstance(spec[0], tuple) else (spec,)
        for item in items:
            month, day, from_month, from_day = item[:4]
            from_year = item[4] if len(item) > 4 else year
            worked = date(from_year, from_month, from_day)
            if first <= worked.year <= last:
                off = date(year, month, day)
                out[worked] = f"Làm việc bù cho ngày nghỉ {off.day:02d}/{off.month:02d}/{off.year}"
    return out


def _params(first: int, last: int) -> dict[str, Any]:
    names: dict[date, str] = {}
    for year in range(first, last + 1):
        names.update(_names(year))
    extra = _extra_working_days(first, last)
    clash = sorted(set(names) & set(extra))
    if clash:
        raise SystemExit(f"ngày vừa nghỉ vừa làm bù: {clash}")
    return {
        "weekly_days_off": WEEKLY_DAYS_OFF,
        "days_off": [d.isoformat() for d in sorted(names)],
        "extra_working_days": [d.isoformat() for d in sorted(extra)],
        "day_names": {d.isoformat(): n for d, n in sorted({**names, **extra}.items())},
    }


def build() -> dict[str, Any]:
    """The whole rule document, deterministic for a given ``holidays`` version."""
    note = NOTE_COMMON.format(version=holidays.__version__)
    return {
        "key": "holidays",
        "title": "Ngày nghỉ lễ, tết và ngày nghỉ hằng tuần (lịch ngày làm việc)",
        "versions": [
            {
                "valid_from": f"{FIRST_YEAR}-01-01",
                "valid_to": f"{FIRST_YEAR}-12-31",
                "legal_source": "Bộ luật Lao động 2012 Đ.110, Đ.115 (Quốc khánh 01 ngày); QĐ 188/1999/QĐ-TTg "
                "(tuần làm việc 40 giờ, nghỉ thứ Bảy và Chủ nhật)",
                "note": note,
                "params": _params(FIRST_YEAR, FIRST_YEAR),
            },
            {
                "valid_from": f"{FIRST_YEAR + 1}-01-01",
                "valid_to": f"{LAST_YEAR}-12-31",
                "legal_source": "Bộ luật Lao động 2019 Đ.112 (nghỉ lễ, tết: Tết Dương lịch, Tết Âm lịch 05 ngày, Giỗ "
                "Tổ Hùng Vương, 30/4, 1/5, Quốc khánh 02/9 và 01 ngày liền kề), Đ.111 khoản 3 (nghỉ bù khi ngày lễ "
                "trùng ngày nghỉ hằng tuần); QĐ 188/1999/QĐ-TTg (nghỉ thứ Bảy và Chủ nhật)",
                "note": note
                + " Chưa có Ngày Văn hóa Việt Nam 24/11: chủ trương của Bộ Chính trị (NQ 80-NQ/TW) chờ "
                "sửa khoản 1 Điều 112 BLLĐ; khi luật được sửa, bổ sung ngày này.",
                "params": _params(FIRST_YEAR + 1, LAST_YEAR),
            },
        ],
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="only compare with the shipped file")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("holidays.json: khớp" if same else "holidays.json: KHÁC bản sinh lại", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"đã ghi {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
