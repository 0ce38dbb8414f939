"""Accessibility: every image has alt text, in the language of the page that shows it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from noidung.validation.markdown import links, tags
from noidung.validation.problem import Position, Problem, Severity, problem
from noidung.validation.project import ORIGINAL, TRANSLATIONS, Project
from noidung.validation.source import SourceFile, position_in_text

from . import Rule

RULES = (
    Rule("alt-missing", Severity.ERROR, "mỗi ảnh có mô tả (alt) bằng ngôn ngữ của trang",
         "every image has alt text in the page's language",
         bad="![](anh/ky-ket.jpg)", good="![Đại diện hai Sở ký kết](anh/ky-ket.jpg)"),
    Rule("alt-language", Severity.ERROR, "alt của bản tiếng Anh không chép nguyên tiếng Việt",
         "English alt text is not the Vietnamese copied",
         bad="alt: Áp phích Tổng đài 111 (trong en.md)", good="alt: Hotline 111 poster"),
)

#: Kinds of material that are pictures and need alt text on the page.
VISUAL = {"poster", "leaflet", "image"}
_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def check(project: Project) -> Iterator[Problem]:
    for source in project.files.values():
        if source.rel.endswith(".md") and source.text is not None:
            yield from _body_images(project, source)
    for source in project.of_kind("campaign"):
        ident = project.item_id(source)
        texts = [project.campaign_text(ident, lang) for lang in (ORIGINAL, *TRANSLATIONS)]
        yield from _materials(source, [t for t in texts if t is not None], owner_has_text=False)
    for source in project.of_kind("module"):
        ident = project.item_id(source)
        texts = [project.module(ident, lang) for lang in TRANSLATIONS]
        yield from _materials(source, [t for t in texts if t is not None], owner_has_text=True)
    for source in project.of_kind("article"):
        yield from _cover(project, source)


def _empty(text: Any) -> bool:
    return not isinstance(text, str) or not text.strip()


def _body_images(project: Project, source: SourceFile) -> Iterator[Problem]:
    body = source.body
    if "![" not in body and "<img" not in body.lower():
        return
    masked = project.masked_body(source)
    for link in links(masked):
        if link.image and _empty(re.sub(r"[{}]", "", link.text)):
            yield problem(
                source.rel, position_in_text(body, link.offset, source.body_line), "alt-missing",
                f"ảnh «{link.target}» không có mô tả (alt) giữa [ ]",
                f"the image '{link.target}' has no alt text between [ ]",
                hint_vi="viết ngắn gọn ảnh cho thấy gì: ![Mô tả ảnh](đường-dẫn)",
                hint_en="say briefly what the image shows: ![Description](path)",
            )
    for tag in tags(masked):
        if tag.name == "img" and _empty(tag.attrs.get("alt")):
            yield problem(
                source.rel, position_in_text(body, tag.offset, source.body_line), "alt-missing",
                f"thẻ <img src=\"{tag.attrs.get('src') or ''}\"> không có thuộc tính alt",
                f"<img src=\"{tag.attrs.get('src') or ''}\"> has no alt attribute",
                hint_vi="thêm alt=\"mô tả ảnh\"", hint_en="add alt=\"description\"",
            )


def _materials(owner: SourceFile, texts: list[SourceFile], owner_has_text: bool) -> Iterator[
        Problem]:
    """Visual materials of a campaign or module need alt text in every language file."""
    materials = owner.meta.get("materials")
    if not isinstance(materials, list) or owner.doc is None:
        return
    originals: dict[str, str] = {}
    for i, item in enumerate(materials):
        if not isinstance(item, dict) or item.get("type") not in VISUAL:
            continue
        file = item.get("file")
        if not isinstance(file, str):
            continue
        if owner_has_text:
            alt_text = item.get("alt")
            originals[file] = alt_text if isinstance(alt_text, str) else ""
            if _empty(item.get("alt")):
                yield _missing(owner, owner.doc.at(("materials", i)), file, "vi",
                               f"materials[{i}].alt")
        for text in texts:
            if text.doc is None or not text.has_front_matter:
                continue
            lang = text.rel.split("/")[1] if text.rel.startswith("docs/") else \
                text.rel.rsplit("/", 1)[1][:-3]
            entries = text.meta.get("materials")
            entries = entries if isinstance(entries, list) else []
            index, entry = next(((j, e) for j, e in enumerate(entries)
                                 if isinstance(e, dict) and e.get("file") == file), (None, None))
            if entry is None or _empty(entry.get("alt")):
                pos = text.doc.at(("materials", index) if index is not None else ("materials",),
                                  key=index is None)
                yield _missing(text, pos, file, lang,
                               f"materials[{index}].alt" if index is not None else "materials")
                continue
            if lang == ORIGINAL:
                originals[file] = entry["alt"]
            elif entry["alt"].strip() == originals.get(file, "").strip() and \
                    _VI_LETTERS.search(entry["alt"]):
                yield problem(
                    text.rel, text.doc.at(("materials", index or 0, "alt")), "alt-language",
                    f"alt của «{file}» là tiếng Việt, chép từ bản gốc",
                    f"the alt text of '{file}' is the Vietnamese original, not English",
                    field=f"materials[{index}].alt",
                    hint_vi="dịch mô tả ảnh sang tiếng Anh", hint_en="translate the alt text",
                )


def _missing(source: SourceFile, pos: Position, file: str, lang: str, field: str) -> Problem:
    return problem(
        source.rel, pos, "alt-missing",
        f"ảnh «{file}» chưa có mô tả (alt) bằng tiếng {'Việt' if lang == 'vi' else 'Anh'} "
        f"ở trường «{field}»",
        f"the image '{file}' has no {'Vietnamese' if lang == 'vi' else 'English'} alt text "
        f"in '{field}'",
        field=field, **add_alt_hint(field, file),
    )


def add_alt_hint(field: str, file: str) -> dict[str, Any]:
    """The hint for alt text missing at `field`, naming that very field: a line of its
    own (cover_alt), a key inside its parent (cover.alt, materials[0].alt), or a new
    entry of a list (materials)."""
    what_vi, what_en = "<ảnh cho thấy gì>", "<what the image shows>"
    parent, _, key = field.rpartition(".")
    if not parent and "[" not in field:
        if field == "materials":  # no entry for this file in the list at all
            return {"hint_vi": f"thêm vào materials một mục «- file: {file}» với "
                    f"«alt: {what_vi}»",
                    "hint_en": f"add an entry '- file: {file}' with 'alt: {what_en}' to "
                    "materials"}
        return {"hint_vi": f"thêm dòng «{field}: {what_vi}»",
                "hint_en": f"add a line '{field}: {what_en}'"}
    return {"hint_vi": f"thêm «{key}: {what_vi}» vào {parent} (mục có file: {file})",
            "hint_en": f"add '{key}: {what_en}' to {parent} (the entry with file: {file})"}


def _cover(project: Project, source: SourceFile) -> Iterator[Problem]:
    cover = source.meta.get("cover")
    if not isinstance(cover, dict) or source.doc is None:
        return
    if "alt" in cover and _empty(cover.get("alt")):
        yield _missing(source, source.doc.at(("cover", "alt")), str(cover.get("file")), "vi",
                       "cover.alt")
    for lang in TRANSLATIONS:
        text = project.article(project.item_id(source), lang)
        if text is None or text.doc is None or not text.has_front_matter:
            continue
        alt = text.meta.get("cover_alt")
        if _empty(alt):
            yield _missing(text, text.doc.at(("cover_alt",), key=True), str(cover.get("file")),
                           lang, "cover_alt")
        elif str(alt).strip() == str(cover.get("alt", "")).strip() and \
                _VI_LETTERS.search(str(alt)):
            yield problem(
                text.rel, text.doc.at(("cover_alt",)), "alt-language",
                "cover_alt là tiếng Việt, chép từ bản gốc",
                "cover_alt is the Vietnamese original, not English", field="cover_alt",
                hint_vi="dịch mô tả ảnh sang tiếng Anh", hint_en="translate the alt text",
            )
