"""The rule book as shipped in resources/rules, read the way the app reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canbo_desktop.domain.rules import RuleBook, parse_rule_document

RULES_DIR = Path(__file__).resolve().parents[4] / "resources" / "rules"


def load_shipped_book() -> RuleBook:
    versions = []
    for path in sorted(RULES_DIR.glob("*.json")):
        versions.extend(parse_rule_document(json.loads(path.read_text(encoding="utf-8"))))
    return RuleBook(versions)


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return load_shipped_book()
