"""Fuzzing ``canbo``'s argument parsing: random argv built from the real parser's commands and options with hostile
values. Every call ends with exit code 0/2 from argparse or a Vietnamese error and a non-zero code — never a
traceback, never the catch-all "unexpected error" message. The database path points into a folder that does not
exist, so nothing is created or written."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo_desktop.cli.main import build_parser, main
from tests.unit.fuzzing import SPECIALS, fuzz_settings, hostile_text


def _commands() -> list[tuple[list[str], list[str]]]:
    out: list[tuple[list[str], list[str]]] = []

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        opts = [o for a in parser._actions for o in a.option_strings]
        out.append((prefix, opts))
        for a in parser._actions:
            if isinstance(a, argparse._SubParsersAction):
                for name, sp in a.choices.items():
                    walk(sp, [*prefix, name])

    walk(build_parser(), [])
    return out


COMMANDS = _commands()
PATHY = ("out", "xlsx", "pdf", "report", "mapping", "dir")
SAFE_PATHS = ["ra.pdf", "ra.xlsx", "thu-muc", "ban-do.json", "", "khong-co/x.pdf"]


@st.composite
def argv(draw: st.DrawFn) -> list[str]:
    prefix, opts = draw(st.sampled_from(COMMANDS))
    tokens: list[str] = list(prefix)
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 3))
        if kind == 0 and opts:
            opt = draw(st.sampled_from(opts))
            tokens.append(opt)
            if any(p in opt for p in PATHY):
                tokens.append(draw(st.sampled_from(SAFE_PATHS)))
            elif draw(st.booleans()):
                tokens.append(draw(hostile_text))
        elif kind == 1:
            tokens.append(draw(hostile_text))
        elif kind == 2:
            tokens.append(draw(st.sampled_from(["--json", "--yes", "--", "-", "--x", "-h", "--help=1", "--limit=-5"])))
        else:
            tokens.append(draw(st.sampled_from(SPECIALS)))
    return [t.replace("\x00", "") for t in tokens]  # a NUL cannot reach argv from a shell


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CANBO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CANBO_PASSWORD", raising=False)
    return str(tmp_path / "khong-co-thu-muc" / "canbo.db")


@fuzz_settings(60)
@given(args=argv())
def test_random_argv_never_crashes(args: list[str], nowhere: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["--db", nowhere, *args])
    except SystemExit as exc:  # argparse: --help/--version (0) or a usage error (2)
        code = exc.code if isinstance(exc.code, int) else 2
        assert code in (0, 2)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    assert "Lỗi cơ sở dữ liệu:" not in err, err  # the catch-all for unexpected exceptions
    assert isinstance(code, int)
    if code not in (0,):
        assert err.strip(), f"exit {code} without a message for {args!r}"
    assert not Path(nowhere).parent.exists()
