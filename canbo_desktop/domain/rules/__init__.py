"""The law as effective-dated data.

Each rule (retirement table, step-raise intervals, evaluation regime, appointment conditions, targets,
holidays…) is a list of :class:`RuleVersion` with ``valid_from``/``valid_to`` and its legal source.
The engines in this package are pure functions of (facts, :class:`RuleBook`, date asked): they look up
the version in force on the date that matters and never hold a constant the law could change.
"""

from canbo_desktop.domain.rules.core import RuleBook, RuleMissing, RuleVersion, parse_rule_document

__all__ = ["RuleBook", "RuleMissing", "RuleVersion", "parse_rule_document"]
