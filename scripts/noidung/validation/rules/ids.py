"""Ids: lowercase ASCII, equal to the file or folder name, unique across the site.

Ids become published URLs, which must never change and must be plain ASCII.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from noidung.validation.problem import Position, Problem, Severity, problem
from noidung.validation.project import Project, ascii_name_ok
from noidung.validation.source import SourceFile

from . import Rule
from .fields import schema_of, slug

E = Severity.ERROR
RULES = (
    Rule("id-format", E, "mã (id) là chữ thường không dấu, số, nối bằng gạch ngang",
         "ids are lowercase ASCII letters and digits joined by hyphens",
         bad="id: Tháng-hành-động", good="id: thang-hanh-dong"),
    Rule("id-filename", E, "mã trùng tên tệp (hoặc thư mục chiến dịch)",
         "the id equals the file name (or the campaign folder)",
         bad="tin-bai/posts/bai-moi.md với id: bai-cu",
         good="tin-bai/posts/bai-moi.md, id: bai-moi"),
    Rule("id-unique", E, "mã, mã ngắn học phần không trùng nhau trên toàn trang",
         "ids and module codes are unique across the site",
         bad="hai học phần cùng code: M03", good="M03 và M04"),
    Rule("path-ascii", E, "tên tệp và thư mục trang là chữ thường không dấu",
         "page file and folder names are lowercase ASCII",
         bad="docs/vi/Giới-thiệu.md", good="docs/vi/gioi-thieu.md"),
)

_ITEM_KINDS = {"campaign": "chiến dịch / campaign", "module": "học phần / module",
               "article": "tin bài / article"}


def check(project: Project) -> Iterator[Problem]:
    seen_ids: dict[str, SourceFile] = {}
    for source in sorted(project.of_kind(*_ITEM_KINDS), key=lambda s: s.rel):
        yield from _file_name(project, source)
        ident = source.meta.get("id")
        if not isinstance(ident, str) or source.doc is None:
            continue
        expected = project.item_id(source)
        where = "thư mục" if source.kind == "campaign" else "tên tệp"
        where_en = "folder name" if source.kind == "campaign" else "file name"
        if ident != expected and ascii_name_ok(ident):  # else: id-format says it
            yield problem(
                source.rel, source.doc.at(("id",)), "id-filename",
                f"id «{ident}» khác {where} «{expected}»",
                f"id '{ident}' differs from the {where_en} '{expected}'",
                field="id",
                hint_vi=f"sửa id thành «{expected}» (hoặc đổi {where}; đường dẫn cũ cần "
                "chuyển hướng trong redirects.yml)",
                hint_en=f"set id to '{expected}' (or rename; old URLs need a redirect)",
            )
        first = seen_ids.get(ident)
        if first is None:
            seen_ids[ident] = source
        else:
            yield problem(
                source.rel, source.doc.at(("id",)), "id-unique",
                f"id «{ident}» đã dùng cho {_ITEM_KINDS[first.kind].split(' / ')[0]} "
                f"{first.rel}",
                f"id '{ident}' is already used by the {_ITEM_KINDS[first.kind].split(' / ')[1]} "
                f"{first.rel}", field="id",
                hint_vi="chọn một mã khác", hint_en="choose another id",
            )
    yield from _unique_fields(project)
    yield from _registry_ids(project)
    for source in project.of_kind("module", "campaign"):
        yield from _unique_in_list(source, "sessions", "id")
        yield from _unique_in_list(source, "materials", "file")
    for source in project.of_kind("page"):
        yield from _file_name(project, source)


def _file_name(project: Project, source: SourceFile) -> Iterator[Problem]:
    parts = source.rel.split("/")
    names = [Path(parts[-1]).stem, *parts[2:-1]] if parts[0] == "docs" else [parts[1]]
    for name in names:
        if ascii_name_ok(name):
            continue
        yield problem(
            source.rel, None, "path-ascii" if source.kind == "page" else "id-filename",
            f"tên «{name}» không phải chữ thường không dấu (tên này thành đường dẫn trên trang)",
            f"the name '{name}' is not lowercase ASCII (it becomes a published URL)",
            hint_vi=f"đổi tên thành «{slug(name)}»", hint_en=f"rename it '{slug(name)}'",
        )


def _unique_fields(project: Project) -> Iterator[Problem]:
    """Fields marked x-unique (module code) must differ between items of one kind."""
    by_key: dict[tuple[str, str, str], SourceFile] = {}
    for source in sorted(project.files.values(), key=lambda s: s.rel):
        schema = schema_of(source)
        if schema is None or source.doc is None:
            continue
        for name, sub in schema.properties.items():
            value = source.meta.get(name)
            if not sub.get("x-unique") or not isinstance(value, str):
                continue
            key = (source.kind, name, value)
            first = by_key.setdefault(key, source)
            if first is not source:
                yield problem(
                    source.rel, source.doc.at((name,)), "id-unique",
                    f"{name} «{value}» đã dùng ở {first.rel}",
                    f"{name} '{value}' is already used in {first.rel}", field=name,
                    hint_vi="chọn giá trị chưa dùng", hint_en="choose an unused value",
                )


def _unique_in_list(source: SourceFile, field: str, key: str) -> Iterator[Problem]:
    """Step ids (page anchors) and material files appear once in their list."""
    items = source.meta.get(field)
    if not isinstance(items, list) or source.doc is None:
        return
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            first = source.doc.at((field, seen[value], key)).line
            yield problem(
                source.rel, source.doc.at((field, i, key)), "id-unique",
                f"{field}[{i}].{key} «{value}» trùng với mục ở dòng {first}",
                f"{field}[{i}].{key} '{value}' repeats the entry on line {first}",
                field=f"{field}[{i}].{key}", hint_vi="đổi hoặc xóa mục trùng",
                hint_en="rename or delete the repeated entry",
            )
        else:
            seen[value] = i


def _registry_ids(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        schema = schema_of(source)
        if schema is None or not source.kind.startswith("registry-") or \
                not isinstance(source.data, list) or source.doc is None:
            continue
        props = schema.data.get("items", {}).get("properties", {})
        key = next((k for k, v in props.items() if v.get("x-id")), None)
        if key is None:
            continue
        seen: dict[str, Position] = {}
        for i, row in enumerate(source.data):
            if not isinstance(row, dict) or row.get(key) is None:
                continue
            value = str(row[key])
            if value in seen:
                yield problem(
                    source.rel, source.doc.at((i, key)), "id-unique",
                    f"{key} «{value}» đã có ở dòng {seen[value].line}",
                    f"{key} '{value}' already appears on line {seen[value].line}",
                    field=f"[{i}].{key}", hint_vi="xóa hoặc đổi mục trùng",
                    hint_en="delete or change the duplicate entry",
                )
            else:
                seen[value] = source.doc.at((i, key))
