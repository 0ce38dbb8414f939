"""Translations: the English file agrees with the original, and has one.

An English file carries text only; if it repeats a language-neutral field, the
value must be the original's. English with no Vietnamese original is an error;
an original with no English yet is a warning (the site shows a stand-in page).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from ..problem import Problem, Severity, problem
from ..project import ORIGINAL, TRANSLATIONS, Project
from ..schemas import load_schema
from ..source import SourceFile
from ..suggest import Advice, did_you_mean
from . import Rule
from .fields import schema_of, shown

RULES = (
    Rule("translation-mismatch", Severity.ERROR,
         "trường dùng chung ghi lại trong bản dịch phải trùng bản gốc",
         "a shared field repeated in a translation agrees with the original",
         bad="(bản gốc) date: 2024-12-02 / (en) date: 2024-12-03",
         good="(en) bỏ dòng date / (en) no date line"),
    Rule("translation-orphan", Severity.ERROR, "bản tiếng Anh phải có bản gốc tiếng Việt",
         "an English file has a Vietnamese original",
         bad="docs/en/tin-bai/posts/a.md (không có docs/vi/...)", good="cả hai tệp / both files"),
    Rule("translation-missing", Severity.WARNING, "bản gốc chưa có bản tiếng Anh (cảnh báo)",
         "the original has no English translation yet (warning)"),
)

_PAIRS = {"article": "article-translation", "module": "module-translation"}


def check(project: Project) -> Iterator[Problem]:
    for source in sorted(project.files.values(), key=lambda s: s.rel):
        kind = source.kind
        ident = project.item_id(source)
        if kind in ("article-translation", "module-translation"):
            if project.original_of(source) is None:
                original = source.rel.replace(
                    f"docs/{project.langs[source.rel]}/", f"docs/{ORIGINAL}/", 1)
                kind = kind.removesuffix("-translation")
                folder = original.rsplit("/", 1)[0] + "/"
                yield _orphan(source, original, did_you_mean(
                    ident, [project.item_id(s) for s in project.of_kind(kind)], folder,
                    show=functools.partial(_in_folder, folder, ".md")))
            else:
                yield from _agreement(project, source)
        elif kind == "campaign-text":
            lang = project.langs[source.rel]
            if lang != ORIGINAL and project.campaign_text(ident, ORIGINAL) is None:
                folder = f"campaigns/{ident}/"
                yield _orphan(source, f"{folder}{ORIGINAL}.md", did_you_mean(
                    f"{ORIGINAL}.md", [r.rsplit("/", 1)[1] for r in project.files
                                       if r.startswith(folder) and r.endswith(".md")
                                       and r != source.rel], folder,
                    show=functools.partial(_in_folder, folder, "")))
            elif project.campaign(ident) is not None:
                yield from _agreement(project, source)
        elif kind in _PAIRS or kind == "campaign":
            for lang in TRANSLATIONS:
                if kind == "campaign":
                    if project.campaign_text(ident, ORIGINAL) is None:
                        continue
                    missing = project.campaign_text(ident, lang) is None
                    expected = f"campaigns/{ident}/{lang}.md"
                else:
                    expected = source.rel.replace(f"docs/{ORIGINAL}/", f"docs/{lang}/", 1)
                    missing = expected not in project.files
                if missing:
                    yield problem(
                        source.rel, None, "translation-missing",
                        f"chưa có bản dịch {lang}: {expected}",
                        f"no {lang} translation yet: {expected}",
                        hint_vi=f"tạo {expected} (chỉ ghi văn bản: title, summary...)",
                        hint_en=f"create {expected} (text only: title, summary...)",
                        severity=Severity.WARNING,
                    )


def _orphan(source: SourceFile, original: str, advice: Advice) -> Problem:
    return problem(
        source.rel, None, "translation-orphan",
        f"bản dịch không có bản gốc tiếng Việt {original}{advice.vi}",
        f"this translation has no Vietnamese original {original}{advice.en}",
        hint_vi="tạo bản gốc trước, hoặc đặt tên tệp bản dịch trùng tên bản gốc; "
        + advice.where_vi,
        hint_en="write the original first, or give this file the original's name; "
        + advice.where_en,
    )


def _agreement(project: Project, source: SourceFile) -> Iterator[Problem]:
    original = project.original_of(source)
    schema = schema_of(source)
    if original is None or schema is None or source.doc is None:
        return
    shared = load_schema(schema.data["x-shared-from"]).properties
    own = schema.properties
    theirs: dict[str, Any] = original.meta
    for key, value in source.meta.items():
        if key in own or key not in shared:
            continue
        if key not in theirs or not _same(value, theirs[key]):
            found = shown(theirs[key]) if key in theirs else "(không ghi / absent)"
            yield problem(
                source.rel, source.doc.at((key,)), "translation-mismatch",
                f"«{key}» ghi «{shown(value)}» nhưng {original.rel} ghi «{found}»",
                f"'{key}' is '{shown(value)}' but {original.rel} says '{found}'",
                field=key,
                hint_vi=f"xóa dòng {key} khỏi tệp này: trường dùng chung chỉ ghi ở "
                f"{original.rel}", hint_en=f"delete the {key} line here: shared fields are "
                f"written once, in {original.rel}",
            )
    if source.kind == "module-translation":
        yield from _sessions(source, original)


def _same(a: Any, b: Any) -> bool:
    return a == b or str(a) == str(b)


def _sessions(source: SourceFile, original: SourceFile) -> Iterator[Problem]:
    mine = source.meta.get("sessions")
    theirs = original.meta.get("sessions")
    if not isinstance(mine, list) or not isinstance(theirs, list):
        return
    by_id = {s.get("id"): s for s in theirs if isinstance(s, dict)}
    assert source.doc is not None
    for i, step in enumerate(mine):
        if not isinstance(step, dict) or step.get("id") not in by_id:
            continue
        if "minutes" in step and not _same(step["minutes"], by_id[step["id"]].get("minutes")):
            yield problem(
                source.rel, source.doc.at(("sessions", i, "minutes")), "translation-mismatch",
                f"bước «{step['id']}» ghi {shown(step['minutes'])} phút, bản gốc ghi "
                f"{shown(by_id[step['id']].get('minutes'))}",
                f"step '{step['id']}' says {shown(step['minutes'])} minutes, the original "
                f"{shown(by_id[step['id']].get('minutes'))}",
                field=f"sessions[{i}].minutes",
                hint_vi="xóa minutes khỏi bản dịch", hint_en="delete minutes from the translation",
            )
    ids = [s.get("id") for s in mine if isinstance(s, dict)]
    missing = [s for s in by_id if s not in ids]
    if missing:
        yield problem(
            source.rel, source.doc.at(("sessions",), key=True), "translation-mismatch",
            f"sessions thiếu bước có trong bản gốc: {', '.join(map(str, missing))}",
            f"sessions lack steps of the original: {', '.join(map(str, missing))}",
            field="sessions",
            hint_vi="thêm các bước đó (id, title, activity)",
            hint_en="add those steps (id, title, activity)",
        )


def _in_folder(folder: str, suffix: str, name: str) -> str:
    """How a suggested name is shown: its path in the folder it belongs in."""
    return f"{folder}{name}{suffix}"
