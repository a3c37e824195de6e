"""What every ``canbo`` command module shares: the Vietnamese argument parser, JSON output on stdout,
messages on stderr, opening the database, and the acting user.

A command module (``cli/dossier.py``, ``cli/importing.py``…) defines ``register(sub)`` that adds its
sub-commands; ``cli/main.py`` calls each one.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any, NoReturn

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.services.database import Database, open_database, resolve_target


class CliError(Exception):
    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class VietnameseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors in Vietnamese (exit 2)."""

    def error(self, message: str) -> NoReturn:
        replacements = {
            "the following arguments are required": "thiếu tham số bắt buộc",
            "unrecognized arguments": "tham số không nhận ra",
            "invalid choice": "lựa chọn không hợp lệ",
            "expected one argument": "cần một giá trị",
            "invalid int value": "không phải số nguyên",
            "argument ": "tham số ",
        }
        for en, vi in replacements.items():
            message = message.replace(en, vi)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: lỗi: {message}\n")
        sys.exit(2)


def _default(o: Any) -> Any:
    if isinstance(o, datetime | date):
        return o.isoformat()
    if is_dataclass(o) and not isinstance(o, type):
        return asdict(o)
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(type(o).__name__)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")


def info(message: str) -> None:
    """Human-readable progress goes to stderr, so stdout stays clean for --json."""
    sys.stderr.write(message + "\n")


def password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    pw = os.environ.get("CANBO_PASSWORD")
    if pw:
        return pw
    if not sys.stdin.isatty():
        raise CliError("Chưa có mật khẩu: đặt biến môi trường CANBO_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.")
    pw = getpass.getpass("Mật khẩu: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != pw:
        raise CliError("Hai lần nhập mật khẩu không khớp.")
    return pw


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(resolve_target(args.db), create=create)


def actor(args: argparse.Namespace) -> str:
    return args.user or os.environ.get("CANBO_USER") or "admin"


def parse_day(text: str, what: str) -> date:
    from canbo_desktop.domain.dates import parse_date

    try:
        d = date.fromisoformat(text) if len(text) == 10 and text[4] == "-" else parse_date(text)
    except (ValueError, CanboError) as exc:
        raise CliError(f"{what} «{text}» không hợp lệ (dạng YYYY-MM-DD hoặc dd/mm/yyyy).") from exc
    if d is None:
        raise CliError(f"Thiếu {what}.")
    return d
