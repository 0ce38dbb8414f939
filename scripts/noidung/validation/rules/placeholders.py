"""Unwritten is not publishable: what `noidung new` left for staff to fill in.

`new` (noidung.staff.scaffold) writes "CẦN VIẾT: …" / "TO WRITE: …" where text is
still to be written, and the schema's example value, marked with the comment
`# VÍ DỤ / EXAMPLE…`, in required fields that take a registry id (lead unit,
topics, authors, category). Both are read from scaffold.py, never copied here.

In an item that is to be published either one is an error. In a draft
(`draft: true` in an article or a campaign, and so in its translations) they
are not reported at all: a draft is unfinished by definition, and a warning
on every line of every draft would drown the warnings that matter. The errors
appear the moment staff set `draft: false` (in `validate` and in the preview).
Training modules have no draft state: their placeholders are errors at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from noidung.staff import scaffold
from noidung.validation.problem import Problem, Severity, problem
from noidung.validation.project import Project
from noidung.validation.source import FieldPath, SourceFile, dotted, position_in_text

from . import Rule

E = Severity.ERROR
RULES = (
    Rule("placeholder-text", E,
         "bài sắp đăng còn dòng «CẦN VIẾT:» / «TO WRITE:» do lệnh new ghi sẵn",
         "an item to be published still has a 'CẦN VIẾT:' / 'TO WRITE:' line left by new",
         bad="summary: 'CẦN VIẾT: Tóm tắt một-hai câu'",
         good="summary: Hai Sở thống nhất sáu nội dung phối hợp."),
    Rule("placeholder-example", E,
         "bài sắp đăng còn giá trị ví dụ do lệnh new ghi sẵn (có chú thích «# VÍ DỤ / EXAMPLE»)",
         "an item to be published still has the example value new wrote "
         "(marked '# VÍ DỤ / EXAMPLE')",
         bad="lead_unit: so-van-hoa-the-thao  # VÍ DỤ / EXAMPLE: thay bằng giá trị đúng…",
         good="lead_unit: so-lao-dong-thuong-binh-xa-hoi"),
)

_DRAFT_KINDS = {"article", "campaign"}
_SHARED_FROM = {"article-translation", "campaign-text"}
_SKIPPED = ("registry-", "data")


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        if source.kind.startswith(_SKIPPED) or source.text is None or is_draft(project, source):
            continue
        if source.doc is not None and source.data is not None:
            yield from _fields(source, (), source.data)
            yield from _examples(source)
        if source.rel.endswith(".md"):
            yield from _body(project, source)


def is_draft(project: Project, source: SourceFile) -> bool:
    """A draft article or campaign, or the translation / text of one."""
    if source.kind in _DRAFT_KINDS:
        return source.meta.get("draft") is True
    if source.kind in _SHARED_FROM:
        original = project.original_of(source)
        return original is not None and original.meta.get("draft") is True
    return False


def _what_to_write(text: str) -> str:
    """The note after the mark ("CẦN VIẾT: Tóm tắt một-hai câu" → "Tóm tắt một-hai câu")."""
    match = scaffold.TO_WRITE_RE.search(text)
    return (text[match.end():] if match else text).strip().rstrip(".")


def _hint(source: SourceFile, what: str) -> tuple[str, str]:
    draft_vi = draft_en = ""
    if source.kind in _DRAFT_KINDS | _SHARED_FROM:
        draft_vi = "; nếu chưa xong, đặt lại draft: true"
        draft_en = "; if it is not ready, set draft: true again"
    return (f"thay cả dòng mẫu bằng nội dung thật: {what}{draft_vi}",
            f"replace the whole placeholder with the real text: {what}{draft_en}")


def _fields(source: SourceFile, path: FieldPath, value: Any) -> Iterator[Problem]:
    """Every text value, at any depth, that still holds a "to write" mark."""
    assert source.doc is not None
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _fields(source, (*path, str(key)), sub)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _fields(source, (*path, i), sub)
    elif isinstance(value, str) and scaffold.TO_WRITE_RE.search(value):
        field = dotted(path)
        hint_vi, hint_en = _hint(source, _what_to_write(value))
        yield problem(
            source.rel, source.doc.at(path), "placeholder-text",
            f"«{field}» chưa viết, còn «{value.strip()[:80]}»",
            f"'{field}' is not written yet: it still says '{value.strip()[:80]}'",
            field=field, hint_vi=hint_vi, hint_en=hint_en,
        )


def _examples(source: SourceFile) -> Iterator[Problem]:
    """Required fields whose line still has EXAMPLE_MARK and whose value is the example."""
    assert source.doc is not None and source.text is not None
    lines = source.text.split("\n")
    for key, value in source.meta.items():
        pos = source.doc.at((key,), key=True)
        line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
        comment = line.partition(" #")[2]
        if scaffold.EXAMPLE_MARK not in comment:
            continue
        example = scaffold.example_value(source.kind, key)
        if example is None or value != example:
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        yield problem(
            source.rel, pos, "placeholder-example",
            f"«{key}» vẫn là giá trị ví dụ «{shown}» do lệnh new ghi sẵn",
            f"'{key}' is still the example value '{shown}' that new wrote",
            field=key,
            hint_vi="ghi giá trị đúng rồi xoá chú thích «# VÍ DỤ / EXAMPLE…» ở cuối "
            "dòng; nếu giá trị ví dụ đã đúng, chỉ cần xoá chú thích",
            hint_en="write this item's real value, then delete the '# VÍ DỤ / EXAMPLE…' comment "
            "at the end of the line; if the example is right, just delete the comment",
        )


def _body(project: Project, source: SourceFile) -> Iterator[Problem]:
    """Lines of the Markdown body (outside code) that still hold a "to write" mark."""
    masked = project.masked_body(source)
    for match in scaffold.TO_WRITE_RE.finditer(masked):
        start = masked.rfind("\n", 0, match.start()) + 1
        end = masked.find("\n", match.end())
        text = source.body[start:end if end >= 0 else len(masked)].strip()
        hint_vi, hint_en = _hint(source, _what_to_write(text))
        yield problem(
            source.rel, position_in_text(source.body, match.start(), source.body_line),
            "placeholder-text",
            f"nội dung chưa viết, còn dòng «{text[:80]}»",
            f"the text is not written yet: the line '{text[:80]}' is still there",
            hint_vi=hint_vi, hint_en=hint_en,
        )
