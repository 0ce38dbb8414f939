"""Checkers run over the built site by the quality gates (tests/gates).

Each checker is a pure function over a folder of built HTML that returns a list of
`Problem`s; the tests print what was checked and fail with the problems, page by page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong on one page of the built site."""

    page: str  # path relative to the site root, e.g. "en/tin-bai/index.html"
    rule: str  # short id of the check, e.g. "dead-link"
    message: str

    def __str__(self) -> str:
        return f"{self.page}: [{self.rule}] {self.message}"


def report(problems: list[Problem]) -> str:
    """Problems as text for a failing assertion, one per line."""
    return "\n".join(str(p) for p in sorted(problems))
