"""Run every rule over a project once, and keep the problems of the files asked for."""

from __future__ import annotations

import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .personal import hotline_numbers, public_numbers
from .problem import Problem, Severity, problem
from .project import load_project
from .rules import families
from .schemas import all_schemas


@dataclass
class Result:
    """All problems of one run, sorted by file and position, and what was checked."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def validate_project(root: Path, paths: list[str] | None = None) -> Result:
    """Validate the whole project at `root`; with `paths` (relative to root, files or
    folders), report only problems in those. Raises SchemaError when our own schemas
    are broken (the tool cannot run)."""
    started = time.perf_counter()
    all_schemas()
    with public_numbers(hotline_numbers(root)):
        return _validate(root, paths, started)


def _validate(root: Path, paths: list[str] | None, started: float) -> Result:
    project = load_project(root)
    problems: set[Problem] = set()
    for family in families():
        try:
            problems.update(family.check(project))
        except Exception:  # a rule's bug must not hide the other rules' findings
            problems.add(problem(
                ".", None, "internal-error",
                f"lỗi trong nhóm quy tắc {family.__name__.rsplit('.', 1)[1]} (báo nhóm kỹ thuật)",
                f"the rule family {family.__name__.rsplit('.', 1)[1]} failed: "
                + traceback.format_exc(limit=1).strip().splitlines()[-1],
            ))
    selected = sorted(problems, key=_order)
    files = len(project.files)
    if paths is not None:
        wanted = [p.strip("/") for p in paths]
        selected = [p for p in selected if _matches(p.path, wanted)]
        files = sum(1 for rel in project.files if _matches(rel, wanted))
    return Result(selected, files, time.perf_counter() - started)


def _order(p: Problem) -> tuple:
    return (p.path, p.line, p.column, p.rule, p.message_vi)


def _matches(path: str, wanted: list[str]) -> bool:
    return any(path == w or path.startswith(w + "/") or w in ("", ".") for w in wanted)


def fix_files(root: Path, result: Result) -> list[str]:
    """Rewrite files with a BOM or non-NFC text as UTF-8 NFC; return what changed."""
    fixed = []
    for rel in sorted({p.path for p in result.problems if p.rule in ("nfc", "bom")}):
        path = root / rel
        raw = path.read_bytes()
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        new = unicodedata.normalize("NFC", text).encode("utf-8")
        if new != raw:
            path.write_bytes(new)
            fixed.append(rel)
    return fixed


def build_gate(root: Path) -> str | None:
    """What the build runs first: None when the content has no errors, else the report
    of its errors (warnings do not stop a build)."""
    from .report import text_report  # report imports this module

    result = validate_project(root)
    if not result.errors:
        return None
    only_errors = Result(result.errors, result.files, result.seconds)
    return ("Nội dung có lỗi nên trang không được dựng / the content has errors, so nothing "
            "was built:\n" + text_report(only_errors))
