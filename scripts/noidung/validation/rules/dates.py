"""Dates: ISO form (YYYY-MM-DD), a real calendar day, and an end not before its start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from noidung.validation.problem import Problem, Severity, problem
from noidung.validation.project import Project
from noidung.validation.source import dotted

from . import Rule
from .fields import schema_of

E = Severity.ERROR
RULES = (
    Rule("date-format", E, "ngày viết dạng YYYY-MM-DD và là ngày có thật",
         "dates are YYYY-MM-DD and exist", bad="start_date: 28/6/2025",
         good="start_date: 2025-06-28"),
    Rule("dates-order", E, "ngày kết thúc không trước ngày bắt đầu",
         "an end date is not before its start date",
         bad="start_date: 2025-06-01\nend_date: 2025-05-31",
         good="start_date: 2025-06-01\nend_date: 2025-06-30"),
)


def as_date(value: object) -> dt.date | None:
    """A date from an ISO string (the validator keeps dates as text), else None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        schema = schema_of(source)
        if schema is None or source.doc is None or source.data is None:
            continue
        doc = source.doc
        for path, value, sub in project.values(source):
            if sub.get("format") != "date" or not isinstance(value, str):
                continue
            if len(value) == 10 and value[4] == "-" and value[7] == "-" and \
                    value.replace("-", "").isdigit() and as_date(value) is None:
                yield problem(
                    source.rel, doc.at(path), "date-format",
                    f"«{dotted(path)}» là {value}: không có ngày này trong lịch",
                    f"'{dotted(path)}' is {value}: no such day in the calendar",
                    field=dotted(path),
                    hint_vi="kiểm tra ngày và tháng (YYYY-MM-DD)",
                    hint_en="check the day and the month (YYYY-MM-DD)",
                )
        for path, value, sub in project.annotated(source, "x-not-before"):
            other_name = sub["x-not-before"]
            parent = source.data
            for part in path[:-1]:
                parent = parent[part]
            other = parent.get(other_name) if isinstance(parent, dict) else None
            end, start = as_date(value), as_date(other)
            if end is None or start is None or end >= start:
                continue
            name = str(path[-1])
            yield problem(
                source.rel, doc.at(path), "dates-order",
                f"{name} {value} trước {other_name} {other}",
                f"{name} is before {other_name}",
                field=dotted(path),
                hint_vi=f"sửa {name} thành một ngày từ {other} trở đi, hoặc sửa {other_name}",
                hint_en=f"set {name} to {other} or later, or correct {other_name}",
            )
