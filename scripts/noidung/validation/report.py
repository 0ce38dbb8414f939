"""Reporters: the same Result as text for people or JSON for machines."""

from __future__ import annotations

import json
from collections import Counter

from .runner import Result


def text_report(result: Result, hints: bool = True) -> str:
    """`path:line:col: [level] vi / en (rule)` lines, hints under them, then the counts."""
    lines = []
    for p in result.problems:
        lines.append(p.to_text())
        if hints and p.hint:
            lines.append(f"    → {p.hint}")
    errors, warnings = len(result.errors), len(result.warnings)
    missing = [p.path for p in result.warnings if p.rule == "translation-missing"]
    if missing:
        lines.append(f"Chưa dịch / not yet translated ({len(missing)}): " + ", ".join(missing))
    if errors or warnings:
        by_rule = Counter(p.rule for p in result.problems)
        lines.append("Theo quy tắc / by rule: " + ", ".join(
            f"{rule} {n}" for rule, n in sorted(by_rule.items())))
    lines.append(
        f"Đã kiểm tra {result.files} tệp: {errors} lỗi, {warnings} cảnh báo "
        f"/ checked {_n(result.files, 'file')}: {_n(errors, 'error')}, "
        f"{_n(warnings, 'warning')} "
        f"({result.seconds:.2f} s)"
    )
    return "\n".join(lines)


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def json_report(result: Result) -> str:
    return json.dumps({
        "files": result.files,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [p.to_json() for p in result.problems],
    }, ensure_ascii=False, indent=2)
