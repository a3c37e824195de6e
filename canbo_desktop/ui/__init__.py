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
