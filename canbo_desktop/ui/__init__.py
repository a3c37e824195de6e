"""The PySide6 user interface (the only layer that imports Qt).

Importing it first guards against a reference-count bug of PySide6/shiboken6 6.12.0 on CPython 3.11: each call
of a Qt method that returns nothing gives back one reference to ``None`` too few (300 ``setColumnWidth`` calls
lower ``sys.getrefcount(None)`` by 300), so a long session ends in "Fatal Python error: none_dealloc". From
Python 3.12 ``None`` is immortal (PEP 683) and the bug is harmless. On 3.11 we add 2**40 references to ``None``
once: no session makes that many calls, and ``None`` is never freed anyway. (Reproduced with the pinned wheels;
``tests/ui/test_none_refcount.py`` keeps it honest.)
"""

import sys

if sys.version_info < (3, 12):  # pragma: no branch
    import ctypes

    _NONE_GUARD = 1 << 40
    # True and False too: a test session ended in "Fatal Python error: bool_dealloc" the same way.
    for _singleton in (None, True, False):
        if sys.getrefcount(_singleton) < _NONE_GUARD:
            ctypes.c_ssize_t.from_address(id(_singleton)).value += _NONE_GUARD


def _quick_pyside_check() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6" (for its opt-in
    ``__feature__`` switches: ``shibokensupport/feature.py``, ``_mod_uses_pyside``), through
    ``inspect.getsource``, which walks every loaded module each time (``inspect.getmodule``): importing a module
    costs more the more modules are loaded — 16 ms for a 30-line module once SQLAlchemy is in, 0.1–0.15 s for
    the data layer, most of the main window's import (issue 13). The same question is answered here by reading
    the module's file; a module without a ``.py`` file (built-in, frozen, compiled) gets PySide6's own answer.
    Nothing is done when PySide6 no longer has the function (a later version may drop or fix it)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return

    def _mod_uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    _mod_uses_pyside.quick = True  # type: ignore[attr-defined]
    _mod_uses_pyside.original = original  # type: ignore[attr-defined]  # tests compare the answers
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[union-attr]


import PySide6.QtCore  # noqa: E402,F401  (PySide6's import hook, patched just below, is installed by its first import)

_quick_pyside_check()
