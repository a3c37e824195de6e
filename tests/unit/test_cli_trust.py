"""``CANBO_CLI_TRUST=1`` lets test harnesses run ``canbo`` as ``--user`` without a password; the installed
(frozen) program ignores it, so nobody bypasses the login on an office PC by setting an environment variable."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from canbo_desktop.cli.common import cli_trust
from canbo_desktop.cli.main import main
from canbo_desktop.services.demo import DEMO_PASSWORD


class _NoTerminal(io.StringIO):
    def isatty(self) -> bool:
        return False


def test_trust_is_honoured_from_the_source_tree(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CANBO_CLI_TRUST", "1")
    monkeypatch.delenv("CANBO_PASSWORD", raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert cli_trust()
    assert main(["--db", str(demo_db_path), "--user", "canbo", "stats"]) == 0


def test_a_frozen_build_ignores_trust_and_asks_for_the_password(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CANBO_CLI_TRUST", "1")
    monkeypatch.delenv("CANBO_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "stdin", _NoTerminal(""))
    assert not cli_trust()
    db = str(demo_db_path)
    # no password at all: refused, with the reason (and the note that the variable is ignored)
    assert main(["--db", db, "--user", "canbo", "stats"]) == 2
    err = capsys.readouterr().err
    assert "bỏ qua biến CANBO_CLI_TRUST" in err and "Chưa có mật khẩu" in err
    # a wrong password: refused as at the login window
    monkeypatch.setenv("CANBO_PASSWORD", "sai-mat-khau")
    assert main(["--db", db, "--user", "canbo", "stats"]) == 6
    assert "Sai tên đăng nhập hoặc mật khẩu" in capsys.readouterr().err
    # an unknown name no longer acts as the system
    assert main(["--db", db, "--user", "khong-co-ai", "stats"]) == 6
    assert "Không có người dùng “khong-co-ai”" in capsys.readouterr().err
    # the right password: the command runs as that user
    monkeypatch.setenv("CANBO_PASSWORD", DEMO_PASSWORD)
    assert main(["--db", db, "--user", "canbo", "stats"]) == 0
