"""Build and check the translation catalogues (resources/i18n).

    python tools/i18n.py update            lupdate the sources into canbo_vi.ts (keeps what is translated)
    python tools/i18n.py fill TS JSON...   put translations from JSON ({context: {source: translation}}) in TS
    python tools/i18n.py release           lrelease every resources/i18n/*.ts into its .qm
    python tools/i18n.py check             the CI check (make lint): prints the untranslated count and fails
                                           unless it is 0, every translation keeps its source's placeholders,
                                           every .qm is current, and no user-visible literal in canbo_desktop/ui
                                           bypasses translate()

Source strings are English (canbo_desktop/i18n.py explains the convention); Vietnamese is the catalogue.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET  # noqa: N817
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "canbo_desktop"
I18N = ROOT / "resources" / "i18n"
MAIN_TS = I18N / "canbo_vi.ts"

VI_LETTERS = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ĂÂĐÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]"
)
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%[0-9]+|%n")
# Calls whose string arguments a user reads. A literal (or f-string) passed straight to one of them is text that
# never reaches a translator.
_ANY = (0, 1, 2, 3)
TEXT_CALLS: dict[str, tuple[int, ...]] = {  # the call → which positional arguments are text a user reads
    **dict.fromkeys((
        "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setTitle", "setSubTitle",
        "setHeaderLabels", "setHorizontalHeaderLabels", "addMenu", "addItem", "addItems", "showMessage",
        "setLabelText", "setWhatsThis", "setInformativeText", "setDetailedText", "setSpecialValueText", "setSuffix",
        "setPrefix", "addButton", "setAccessibleName", "addRow", "QLabel", "QPushButton", "QCheckBox",
        "QRadioButton", "QGroupBox", "QToolButton", "QMenu", "QCommandLinkButton", "setButtonText",
    ), (0,)),
    "addAction": (0, 1), "QAction": (0, 1), "addTab": (1, 2), "insertTab": (2, 3), "setTabText": (1,),
    "setTabToolTip": (1,), "insertItem": (1,), "setItemText": (1,),
    **dict.fromkeys(("question", "warning", "critical", "information", "about"), (1, 2)),
    "QMessageBox": _ANY, "setHeaderData": (2,),
}
TRANSLATE_CALLS = frozenset({"translate", "QT_TRANSLATE_NOOP"})  # not self.tr(): its context is the runtime class
ALLOW_MARK = "i18n: data"  # a comment on the line: the literal is data (a name, a code), not interface text


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "_bundled" not in p.parts)


def lupdate(files: list[Path], ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    # No line numbers in the catalogue: editing code must not rewrite it.
    cmd = [tool("pyside6-lupdate"), *map(str, files), "-ts", str(ts), "-locations", "none", "-no-obsolete",
           "-source-language", "en", "-target-language", "vi_VN"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def load_json(paths: list[Path]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for p in paths:
        data = json.loads(p.read_text(encoding="utf-8"))
        for ctx, table in data.items():
            merged.setdefault(ctx, {}).update(table)
    return merged


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")]


def fill(ts: Path, table: dict[str, dict[str, str]], known: dict[tuple[str, str], str] | None = None) -> int:
    """Sets translations from ``table`` (by context; context "*" applies to any) and ``known`` (context, source)."""
    tree = ET.parse(ts)
    n = 0
    for c in tree.getroot().iter("context"):
        ctx = c.findtext("name") or ""
        for m in c.iter("message"):
            src = m.findtext("source") or ""
            text = table.get(ctx, {}).get(src) or table.get("*", {}).get(src) or (known or {}).get((ctx, src))
            tr = m.find("translation")
            if text is None or tr is None:
                continue
            tr.text = unicodedata.normalize("NFC", text)
            tr.attrib.pop("type", None)
            n += 1
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def finished(ts: Path) -> dict[tuple[str, str], str]:
    out = {}
    for ctx, m in messages(ts):
        tr = m.find("translation")
        if tr is not None and tr.get("type") is None and tr.text:
            out[(ctx, m.findtext("source") or "")] = tr.text
    return out


def cmd_update(_: argparse.Namespace) -> int:
    lupdate(sources(), MAIN_TS)
    print(f"{MAIN_TS.relative_to(ROOT)}: {len(messages(MAIN_TS))} messages")
    return 0


def cmd_fill(a: argparse.Namespace) -> int:
    n = fill(Path(a.ts), load_json([Path(p) for p in a.json]))
    print(f"{n} translations set")
    return 0


def cmd_release(_: argparse.Namespace) -> int:
    for ts in sorted(I18N.glob("*.ts")):
        lrelease(ts, ts.with_suffix(".qm"))
    return 0




def literal_problems() -> list[str]:
    """User-visible literals in canbo_desktop/ui that do not go through translate()."""
    problems = []
    for path in sorted((PKG / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        tree = ast.parse(text)
        inside: set[int] = set()
        docstrings: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in TRANSLATE_CALLS:
                inside.update(id(n) for n in ast.walk(node))
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                    docstrings.add(id(first.value))
        rel = path.relative_to(ROOT)

        def allowed(node: ast.AST, lines: list[str] = lines) -> bool:
            return ALLOW_MARK in lines[getattr(node, "lineno", 1) - 1]

        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and VI_LETTERS.search(node.value)
                    and id(node) not in inside and id(node) not in docstrings and not allowed(node)):
                problems.append(f"{rel}:{node.lineno}: Vietnamese text outside translate(): {node.value[:60]!r}")
            if isinstance(node, ast.Call) and _name(node.func) in TEXT_CALLS:
                for pos, arg in enumerate(node.args):
                    if pos not in TEXT_CALLS[_name(node.func)] or id(arg) in inside or allowed(arg):
                        continue
                    if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                            and re.search("[A-Za-z]{2}", arg.value)) or isinstance(arg, ast.JoinedStr):
                        problems.append(f"{rel}:{arg.lineno}: text passed to {_name(node.func)}() "
                                        f"without translate(): {ast.unparse(arg)[:60]}")
    return problems


def message_problems() -> list[str]:
    """Messages of exceptions raised below the UI (``SomethingError("...")``, ``raise NotFound("...")``) that do not
    go through translate():
    the clerk reads them in a dialog."""
    problems = []
    for path in sorted(PKG.rglob("*.py")):
        if "ui" in path.relative_to(PKG).parts[:1] or "_bundled" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        tree = ast.parse(text)
        raised = {id(n.exc) for n in ast.walk(tree) if isinstance(n, ast.Raise) and isinstance(n.exc, ast.Call)}
        for node in ast.walk(tree):  # SomethingError(...) anywhere, and any exception raised (NotFound(...))
            if not (isinstance(node, ast.Call) and node.args
                    and (_name(node.func).endswith("Error") or id(node) in raised)):
                continue
            arg = node.args[0]
            if ALLOW_MARK in lines[arg.lineno - 1]:
                continue
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and VI_LETTERS.search(arg.value)
            fstring = isinstance(arg, ast.JoinedStr) and any(
                isinstance(v, ast.Constant) and VI_LETTERS.search(str(v.value)) for v in arg.values)
            if literal or fstring:
                problems.append(f"{path.relative_to(ROOT)}:{arg.lineno}: message without translate(): "
                                f"{ast.unparse(arg)[:60]}")
    return problems


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def cmd_check(_: argparse.Namespace) -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "canbo_vi.ts"
        if MAIN_TS.exists():
            shutil.copyfile(MAIN_TS, ts)
        lupdate(sources(), ts)
        done = finished(ts)
        allmsgs = [(c, m.findtext("source") or "") for c, m in messages(ts)]
        untranslated = [k for k in allmsgs if k not in done]
        print(f"i18n: {len(allmsgs)} source strings, untranslated in vi: {len(untranslated)}")
        for c, s in untranslated[:50]:
            print(f"  untranslated [{c}] {s!r}")
        ok &= not untranslated
        bad_ph = [(c, s, t) for (c, s), t in done.items()
                  if sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t))]
        for c, s, t in bad_ph:
            print(f"  placeholders differ [{c}] {s!r} -> {t!r}")
        ok &= not bad_ph
        not_nfc = [(c, s) for (c, s), t in done.items() if unicodedata.normalize("NFC", t) != t]
        for c, s in not_nfc:
            print(f"  translation not NFC [{c}] {s!r}")
        ok &= not not_nfc
        for src in sorted(I18N.glob("*.ts")):
            qm = Path(tmp) / src.with_suffix(".qm").name
            lrelease(src, qm)
            current = src.with_suffix(".qm")
            if not current.exists() or not filecmp.cmp(qm, current, shallow=False):
                print(f"  {current.relative_to(ROOT)} is out of date: run `python tools/i18n.py release`")
                ok = False
    problems = literal_problems()
    print(f"i18n: interface literals outside translate(): {len(problems)}")
    for p in problems:
        print("  " + p)
    ok &= not problems
    messages_left = message_problems()
    print(f"i18n: error messages outside translate(): {len(messages_left)}")
    for p in messages_left:
        print("  " + p)
    ok &= not messages_left
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("update").set_defaults(fn=cmd_update)
    f = sub.add_parser("fill")
    f.add_argument("ts")
    f.add_argument("json", nargs="+")
    f.set_defaults(fn=cmd_fill)
    sub.add_parser("release").set_defaults(fn=cmd_release)
    sub.add_parser("check").set_defaults(fn=cmd_check)
    a = p.parse_args(argv)
    return int(a.fn(a))


if __name__ == "__main__":
    raise SystemExit(main())
