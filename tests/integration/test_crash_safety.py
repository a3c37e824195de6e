"""SIGKILL at random moments of an edit, an Excel import, a backup, a restore and a sync import
(tools/killtest.py): after each kill the database passes ``PRAGMA integrity_check`` and holds wholly the state before or wholly the state after
the operation; every file named as a backup is a whole database. CI runs a bounded count; ``make soak`` runs 200
per operation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools.killtest import run_killtest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

RUNS = {"edit": 8, "backup": 8, "import": 4, "restore": 4, "sync": 3}  # 27 kills


@pytest.mark.parametrize("op", list(RUNS))
def test_a_kill_leaves_the_database_whole_and_before_or_after(op: str, small_demo_template: Path,
                                                               tmp_path: Path) -> None:
    [stats] = run_killtest([op], RUNS[op], seed=11, folder=tmp_path, template=small_demo_template)
    assert stats.runs == RUNS[op]
    assert stats.corrupt == 0, stats.failures
    assert stats.partial == 0, stats.failures
    assert stats.bad_backups == 0, stats.failures
    assert stats.before + stats.after + stats.between == stats.runs  # between: sync applied, ack pending
