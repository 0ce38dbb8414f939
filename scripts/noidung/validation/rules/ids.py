"""Ids: lowercase ASCII, equal to the file or folder name, unique across the site.

Ids become published URLs, which must never change and must be plain ASCII.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from noidung.validation.problem import Position, Problem, Severity, problem
from noidung.validation.project import Project, ascii_name_ok
from noidung.validation.source import SourceFile

from . import Rule
from .dates import as_date
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
    seen_ids: dict[str, list[SourceFile]] = {}
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
                hint_vi=f"sửa id thành «{expected}» cho trùng {where}; không đổi {where}: "
                "nó tạo nên đường dẫn đã công bố",
                hint_en=f"set id to '{expected}' to match the {where_en}; do not rename: it "
                "makes the published URL",
            )
        seen_ids.setdefault(ident, []).append(source)
    for ident, sources in seen_ids.items():
        if len(sources) < 2:
            continue
        older, *newer = by_age(project, sources)
        for source in newer:
            assert source.doc is not None
            why_vi, why_en = _why_older(project, older, source)
            kind_vi, kind_en = _ITEM_KINDS[older.kind].split(" / ")
            campaign = source.kind == "campaign"
            where_vi, where_en = ("tên thư mục", "folder name") if campaign else (
                "tên tệp", "file name")
            this_vi, this_en = ("chiến dịch này", "campaign") if campaign else (
                "tệp này", "file")
            yield problem(
                source.rel, source.doc.at(("id",)), "id-unique",
                f"id «{ident}» đã dùng cho {kind_vi} {older.rel} ({why_vi})",
                f"id '{ident}' is already used by the {kind_en} {older.rel} ({why_en})",
                field="id",
                hint_vi=f"đổi id và {where_vi} của {this_vi} (mới hơn) thành một mã chưa dùng, "
                f"ví dụ «{_free(ident, seen_ids)}»; giữ nguyên {older.rel}: đường dẫn của nó đã "
                "công bố",
                hint_en=f"give this (newer) {this_en} an unused id and {where_en}, e.g. "
                f"'{_free(ident, seen_ids)}'; keep {older.rel} as it is: its URL is published",
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
    """Fields marked x-unique (module code) must differ between items of one kind; the
    newer item is told to change (a code is a published short link)."""
    by_key: dict[tuple[str, str, str], list[SourceFile]] = {}
    for source in sorted(project.files.values(), key=lambda s: s.rel):
        schema = schema_of(source)
        if schema is None or source.doc is None:
            continue
        for name, sub in schema.properties.items():
            value = source.meta.get(name)
            if sub.get("x-unique") and isinstance(value, str):
                by_key.setdefault((source.kind, name, value), []).append(source)
    for (kind, name, value), sources in by_key.items():
        if len(sources) < 2:
            continue
        older, *newer = by_age(project, sources)
        used = [v for (k, n, v) in by_key if k == kind and n == name]
        example = _next_code(used)
        for source in newer:
            assert source.doc is not None
            why_vi, why_en = _why_older(project, older, source)
            example_vi = f", ví dụ «{example}»" if example else ""
            example_en = f", e.g. '{example}'" if example else ""
            yield problem(
                source.rel, source.doc.at((name,)), "id-unique",
                f"{name} «{value}» đã dùng ở {older.rel} ({why_vi})",
                f"{name} '{value}' is already used in {older.rel} ({why_en})", field=name,
                hint_vi=f"đổi {name} của tệp này (mới hơn) thành giá trị chưa dùng{example_vi}; "
                f"giữ nguyên {name} của {older.rel}: nó đã được công bố",
                hint_en=f"give this (newer) file an unused {name}{example_en}; keep the {name} "
                f"of {older.rel}: it is published",
            )


def _next_code(used: list[str]) -> str:
    """The next free code after the highest "M07"-like one, "" when codes look otherwise."""
    numbers = [int(v[1:]) for v in used if re.fullmatch(r"M\d+", v)]
    return f"M{max(numbers) + 1:02d}" if numbers else ""


def _free(ident: str, taken: dict[str, list[SourceFile]]) -> str:
    n = 2
    while f"{ident}-{n}" in taken:
        n += 1
    return f"{ident}-{n}"


def by_age(project: Project, sources: list[SourceFile]) -> list[SourceFile]:
    """Items that clash, oldest first: by their date when each has one (article date,
    campaign start), then committed in git before not yet committed, then by path."""
    days = [_date(s) for s in sources]
    dated = all(days) and len(set(days)) == len(days)
    committed = None if dated else _committed(project)

    def key(source: SourceFile) -> tuple[str, bool, str]:
        in_git = committed is None or source.rel in committed
        return (_date(source) or "" if dated else "", not in_git, source.rel)

    return sorted(sources, key=key)


def _why_older(project: Project, older: SourceFile, newer: SourceFile) -> tuple[str, str]:
    old_day, new_day = _date(older), _date(newer)
    if old_day and new_day and old_day != new_day:
        return (f"có trước: ngày {old_day}, tệp này ngày {new_day}",
                f"the older one: dated {old_day}, this one {new_day}")
    committed = _committed(project)
    if committed is not None and older.rel in committed and newer.rel not in committed:
        return ("có trước: đã lưu trong git, tệp này chưa",
                "the older one: committed in git, this one not yet")
    return "có trước theo thứ tự đường dẫn", "the first in path order"


_DATE_FIELDS = {"article": "date", "campaign": "start_date"}


def _date(source: SourceFile) -> str | None:
    value = source.meta.get(_DATE_FIELDS.get(source.kind, ""))
    return value if isinstance(value, str) and as_date(value) is not None else None


def _committed(project: Project) -> set[str] | None:
    """Paths (relative to the project) in git's HEAD, None when there is no git history."""
    cached = getattr(project, "_committed_paths", False)
    if cached is not False:
        return cached  # type: ignore[return-value]
    try:
        result = subprocess.run(["git", "-C", str(project.root), "ls-tree", "-r", "--name-only",
                                 "HEAD"], capture_output=True, text=True, timeout=20)
        paths = set(result.stdout.splitlines()) if result.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        paths = None
    project._committed_paths = paths  # type: ignore[attr-defined]
    return paths


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
                field=f"{field}[{i}].{key}",
                hint_vi=f"đổi {key} của mục này (mục sau) hoặc xóa nó; giữ nguyên mục ở dòng "
                f"{first}: nó có trước" + (", neo #" + value + " đã công bố"
                                            if key == "id" else ""),
                hint_en=f"change this (later) entry's {key} or delete it; keep the entry on "
                f"line {first}: it came first" + (", its anchor #" + value + " is published"
                                                   if key == "id" else ""),
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
                    field=f"[{i}].{key}",
                    hint_vi=f"xóa mục này hoặc đổi {key} của nó (mục mới hơn); giữ nguyên mục ở "
                    f"dòng {seen[value].line}: mã của nó đã dùng trên trang",
                    hint_en=f"delete this (newer) entry or change its {key}; keep the entry on "
                    f"line {seen[value].line}: its id is in use on the site",
                )
            else:
                seen[value] = source.doc.at((i, key))
