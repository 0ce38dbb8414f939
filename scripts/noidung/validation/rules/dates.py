"""Dates: ISO form (YYYY-MM-DD), a real calendar day, and an end not before its start."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..days import advise
from ..problem import Problem, Severity, problem
from ..project import Project
from ..source import dotted
from . import Rule
from .fields import example_hint, schema_of

#: YYYY-MM-DD with digits only: a date as staff write it, perhaps a day that does not exist.
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
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
            advice = advise(value) if _ISO_SHAPE.fullmatch(value) else None
            if advice is not None and not advice.exists:
                key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
                hint_vi, hint_en = example_hint(key, advice)
                yield problem(
                    source.rel, doc.at(path), "date-format",
                    f"«{dotted(path)}» là {value}: không có ngày này trong lịch: "
                    f"{advice.why_vi}",
                    f"'{dotted(path)}' is {value}: no such day in the calendar: "
                    f"{advice.why_en}",
                    field=dotted(path), hint_vi=hint_vi, hint_en=hint_en,
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
            line, other_line = doc.at(path).line, doc.at((*path[:-1], other_name)).line
            swapped = (f"«{other_name}: {value}» (dòng {other_line}) và «{name}: {other}» "
                       f"(dòng {line})")
            swapped_en = (f"'{other_name}: {value}' (line {other_line}) and '{name}: {other}' "
                          f"(line {line})")
            yield problem(
                source.rel, doc.at(path), "dates-order",
                f"{name} {value} trước {other_name} {other}",
                f"{name} is before {other_name}",
                field=dotted(path),
                hint_vi=f"nếu hai ngày bị ghi ngược, đổi chỗ cho nhau: {swapped}; nếu không, "
                f"sửa {name} thành một ngày từ {other} trở đi",
                hint_en=f"if the two dates are the wrong way round, swap them: {swapped_en}; "
                f"otherwise set {name} to {other} or later",
            )
