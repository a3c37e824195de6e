"""PySide6's import hook asks of every module imported after it whether it uses PySide6; ``canbo_desktop.ui``
answers by reading the file instead of ``inspect.getsource`` (which walks every loaded module each time, issue
13). The answers must be PySide6's own."""

from __future__ import annotations

import sys

import canbo_desktop.ui  # noqa: F401  (installs it)
import canbo_desktop.ui.main_window  # noqa: F401  (a module that uses PySide6)
from canbo_desktop.domain import names  # a module that does not


def test_the_quick_answer_is_pysides_own_for_every_loaded_module() -> None:
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False), "the hook was not replaced"
    original = quick.original
    modules = [m for name, m in sorted(sys.modules.items()) if m is not None and name.startswith(
        ("canbo_desktop", "PySide6", "sqlalchemy", "json", "sys", "builtins", "shibokensupport", "encodings"))]
    assert len(modules) > 50
    answers = {m.__name__: quick(m) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["canbo_desktop.ui.main_window"] is True and answers[names.__name__] is False
