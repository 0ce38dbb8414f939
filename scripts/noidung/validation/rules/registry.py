"""Registry values: ids taken from docs/registries/*.yml, and units valid on the item's date."""

from __future__ import annotations

from collections.abc import Iterator

from ..problem import Problem, Severity, problem
from ..project import Project
from ..source import dotted
from ..suggest import did_you_mean
from . import Rule
from .dates import as_date
from .fields import schema_of, shown

E = Severity.ERROR
RULES = (
    Rule("registry-value", E, "giá trị lấy từ danh mục (docs/registries/)",
         "values come from a registry (docs/registries/)",
         bad="categories: [tin-tuc]", good="categories: [hoat-dong-phoi-hop]"),
    Rule("registry-expired", E, "đơn vị, địa bàn còn hiệu lực vào ngày của bài/chiến dịch",
         "units and areas are valid on the item's date",
         bad="date: 2025-06-01\nauthors: [so-lao-dong-thuong-binh-xa-hoi]",
         good="date: 2025-06-01\nauthors: [so-y-te]"),
)


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        schema = schema_of(source)
        if schema is None or source.doc is None or source.data is None:
            continue
        for path, value, sub in project.annotated(source, "x-registry"):
            if value is None or isinstance(value, list | dict | bool):
                continue  # a type problem, reported by `fields`
            name = sub["x-registry"]
            table = project.registry(name)
            key = str(value)
            entry = table.get(key)
            if entry is None:
                if f"docs/registries/{name}.yml" not in project.files and not table:
                    continue  # the registry itself is missing: nothing to compare with
                advice = did_you_mean(key, table, f"docs/registries/{name}.yml")
                yield problem(
                    source.rel, source.doc.at(path), "registry-value",
                    f"«{shown(value)}» không có trong danh mục {name}.yml{advice.vi}",
                    f"'{shown(value)}' is not in the registry {name}.yml{advice.en}",
                    field=dotted(path),
                    hint_vi="dùng một mã có trong danh mục, hoặc thêm mục mới vào danh mục; "
                    + advice.where_vi,
                    hint_en="use an id of the registry, or add the entry there; "
                    + advice.where_en,
                )
                continue
            date_field = sub.get("x-valid-on")
            day = as_date(source.meta.get(date_field)) if date_field else None
            if day is None:
                continue
            start, end = as_date(entry.get("valid_from")), as_date(entry.get("valid_to"))
            if end is not None and day > end:
                replaced = entry.get("replaced_by") or []
                replaced = [replaced] if isinstance(replaced, str) else list(replaced)
                instead_vi = f"; thay bằng: {', '.join(map(str, replaced))}" if replaced else ""
                instead_en = f"; use instead: {', '.join(map(str, replaced))}" if replaced else ""
                yield problem(
                    source.rel, source.doc.at(path), "registry-expired",
                    f"«{key}» hết hiệu lực từ sau {end}, trước {date_field} {day}{instead_vi}",
                    f"'{key}' ceased after {end}, before {date_field} {day}{instead_en}",
                    field=dotted(path),
                    hint_vi="ghi đơn vị/địa bàn đúng vào thời điểm đó",
                    hint_en="name the unit or area in force on that date",
                )
            elif start is not None and day < start:
                yield problem(
                    source.rel, source.doc.at(path), "registry-expired",
                    f"«{key}» chỉ có hiệu lực từ {start}, sau {date_field} {day}",
                    f"'{key}' is valid only from {start}, after {date_field} {day}",
                    field=dotted(path),
                    hint_vi="ghi đơn vị/địa bàn đúng vào thời điểm đó",
                    hint_en="name the unit or area in force on that date",
                )
