"""The receipt (biên bản) of an export: what was sent, to whom, the package number and its hash (ND 30 frame).

The receipt is a document the office signs: its text stays Vietnamese whatever language the interface speaks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from canbo_desktop.domain.sync import table_label
from canbo_desktop.i18n import vietnamese_document
from canbo_desktop.services.pdf import nd30
from canbo_desktop.services.pdf.fonts import SERIF_BOLD
from canbo_desktop.services.pdf.layout import Grid, cell, clean, para


def _line(text: str, size: float = 13.0) -> object:
    """A left-aligned paragraph (long file names and hashes must not stretch the spaces of a justified line)."""
    return para(clean(text), size=size, leading=round(size * 1.35, 1), space_after=4)


@vietnamese_document
def export_receipt(out_dir: Path, package: Path, sender: str, recipient: str, kind: str, seq: int, package_id: str,
                   sha256: str, counts: dict[str, int], rows: int, at: datetime) -> Path:
    """Write ``<package>-bien-ban.pdf`` beside the package; returns its path."""
    out = Path(out_dir) / (package.stem + "-bien-ban.pdf")
    story = [
        nd30.Nd30Header(sender, number_line="", place_date_line=nd30.place_date("", at.date())),
        *nd30.title_block("Biên bản", "Gửi dữ liệu cán bộ lên cấp trên"),  # i18n: data (PDF text)
        _line(f"Đơn vị gửi: {sender}. Đơn vị nhận: {recipient or '(cấp trên)'}."),  # i18n: data (PDF text)
        _line(f"Gói số {seq} ({'đầy đủ' if kind == 'full' else 'các thay đổi'}), tạo lúc {at.strftime('%H:%M %d/%m/%Y')}, "  # i18n: data (PDF text)
              f"gồm {rows} bản ghi."),  # i18n: data (PDF text)
        _line(f"Tệp: {package.name}", size=11),  # i18n: data (PDF text)
        _line(f"Mã gói: {package_id}", size=11),  # i18n: data (PDF text)
        _line(f"Mã băm SHA-256 của tệp: {sha256}", size=10),  # i18n: data (PDF text)
    ]
    header = [cell("STT", font=SERIF_BOLD, size=11, align="center"), cell("Loại dữ liệu", font=SERIF_BOLD, size=11),  # i18n: data (PDF text)
              cell("Số bản ghi", font=SERIF_BOLD, size=11, align="center")]  # i18n: data (PDF text)
    body = [[cell(str(i), size=11, align="center"), cell(table_label(t), size=11), cell(str(n), size=11, align="right")]
            for i, (t, n) in enumerate(sorted(counts.items()), start=1)]
    story.append(Grid([header, *body], [40, nd30.TEXT_W - 140, 100], space_before=6, space_after=10))
    story.append(nd30.body("Tệp gói đã được ký số và mã hoá; chỉ đơn vị nhận (và khoá khôi phục của tỉnh) mở được. "  # i18n: data (PDF text)
                           "Khi nhập, đơn vị nhận sẽ gửi lại gói xác nhận.", italic=True, size=12))  # i18n: data (PDF text)
    story.append(nd30.signature_block(["Người lập biên bản"], ""))  # i18n: data (PDF text)
    nd30.build(story, str(out), title="Biên bản gửi dữ liệu", author=sender)  # i18n: data (PDF text)
    return out
