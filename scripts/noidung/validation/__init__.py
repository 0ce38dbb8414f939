"""The metadata validator: the content model's schemas applied to every content file.

    from noidung.validation import validate_project
    result = validate_project(root)          # every problem, sorted
    print(text_report(result)); result.exit_code

Rules live one family per module in `rules/`; `rules.all_rules()` lists them.
"""

from __future__ import annotations

from .problem import Problem, Severity
from .report import json_report, text_report
from .runner import Result, build_gate, fix_files, validate_project
from .schemas import SchemaError

__all__ = ["Problem", "Result", "SchemaError", "Severity", "build_gate", "fix_files", "json_report",
           "text_report", "validate_project"]
