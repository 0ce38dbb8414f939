"""The registry of rules: every rule id, its family, severity and what it means.

One module per family (like yamllint's one module per rule). Each module
defines `RULES` (the documentation of its rule ids, read by the staff guide)
and `check(project)`, which yields Problems. `FAMILIES` lists them in order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from noidung.validation.problem import Problem, Severity


@dataclass(frozen=True)
class Rule:
    """One rule id as staff see it in messages, with a failing and a passing example."""

    id: str
    severity: Severity
    summary_vi: str
    summary_en: str
    bad: str = ""
    good: str = ""


FAMILY_NAMES = (
    "syntax", "fields", "dates", "ids", "registry", "references", "assets", "prerequisites",
    "translations", "accessibility", "safety", "privacy", "placeholders",
)


def families() -> list[ModuleType]:
    """The rule modules, in the order they run."""
    return [importlib.import_module(f"{__name__}.{name}") for name in FAMILY_NAMES]


def all_rules() -> dict[str, Rule]:
    """Every rule id → Rule (the single list the staff guide documents)."""
    rules: dict[str, Rule] = {}
    for module in families():
        for rule in module.RULES:
            if rule.id in rules:
                raise ValueError(f"duplicate rule id {rule.id}")
            rules[rule.id] = rule
    rules[INTERNAL.id] = INTERNAL
    return rules


INTERNAL = Rule(
    "internal-error", Severity.ERROR,
    "trình kiểm tra gặp lỗi khi đọc tệp này (hãy báo nhóm kỹ thuật)",
    "the validator failed on this file (please report it)",
)

Check = Callable[..., Iterable[Problem]]
