"""Loading is validating: what a loader raises when it meets content it cannot use.

The campaign and training loaders keep no checks of their own: every rule lives in
the validator (one place), which the build runs on the whole project before anything
is published. When a loader still meets data it cannot read (the validator was not
run, say in a test or a half-saved file in the preview), it asks the validator about
that item's files and raises `ContentError` with the validator's own problems, so
staff read the same Vietnamese-first message, with file, line, field and fix, as
`python3 make.py validate` prints.
"""

from __future__ import annotations

from pathlib import Path

from .problem import Problem, problem
from .runner import validate_project


class ContentError(ValueError):
    """Raised by a loader; `problems` are the validator's errors for the item's files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(
            p.to_text() + (f"\n    → {p.hint}" if p.hint else "") for p in problems))


def refuse(root: Path, paths: list[str]) -> ContentError:
    """The error for unusable content in `paths` (relative to `root`), in the validator's words."""
    errors = validate_project(root, paths).errors
    if not errors:  # the validator passed what a loader cannot read: a gap to report
        errors = [problem(
            paths[0], None, "internal-error",
            "bộ kiểm tra không thấy lỗi nhưng không đọc được nội dung này (báo nhóm kỹ thuật)",
            "the validator found no error, yet this content cannot be read (tell the developers)")]
    return ContentError(errors)
