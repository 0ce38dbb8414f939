"""Accessibility: axe-core (npm `axe-core`) run inside a page loaded by Playwright.

Only WCAG 2.0 and 2.1 level A and AA rules are run; each violation becomes a Problem
naming the page, the rule and the first offending elements.
"""

from __future__ import annotations

import json
from pathlib import Path

from noidung.quality import Problem

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
MAX_NODES_SHOWN = 3


def axe_options() -> dict:
    """axe.run options: the WCAG A/AA rule set only."""
    return {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}, "resultTypes": ["violations"]}


def inject_axe(page, axe_script: Path) -> None:
    """Load axe-core into the page (from the file, so no request leaves the machine)."""
    page.add_script_tag(content=axe_script.read_text("utf-8"))


def rule_count(page) -> int:
    """How many axe rules the WCAG tags select (printed so a green run is not empty)."""
    return page.evaluate(
        "tags => axe.getRules(tags).length", list(WCAG_TAGS))


def run_axe(page, name: str) -> list[Problem]:
    """Run axe on the page as it is now; one Problem per violated rule, named by `name`."""
    result = page.evaluate(
        "options => axe.run(document, options)", axe_options())
    return violations_to_problems(result["violations"], name)


def violations_to_problems(violations: list[dict], name: str) -> list[Problem]:
    """axe's violation objects as Problems (rule id, impact, help text, elements)."""
    problems = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        targets = [json.dumps(n.get("target")) for n in nodes[:MAX_NODES_SHOWN]]
        more = f" (+{len(nodes) - MAX_NODES_SHOWN} more)" if len(nodes) > MAX_NODES_SHOWN else ""
        problems.append(Problem(
            name, f"axe:{violation['id']}",
            f"{violation.get('impact')}: {violation.get('help')} — {', '.join(targets)}{more}"))
    return problems
