"""Photos and materials: every reference resolves as its language's build resolves it,
and every stored file has an ASCII name and stays within its size limit.

The build and this rule share one function (noidung.content.assets): a page's
reference is looked up in its language's tree, then in the original's, and the
translation's build is given exactly those files. So a reference `validate`
accepts is one the build finds, and one it rejects would stop the build.
References to pages (.md) stay with rules/references.py.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path

from noidung.content import assets
from noidung.content.layout import SECTIONS, ContentLayout
from noidung.training.model import MATERIALS_DIR
from noidung.validation.markdown import links
from noidung.validation.problem import Position, Problem, Severity, problem
from noidung.validation.project import LANGUAGES, ORIGINAL, POSTS_DIR, Project
from noidung.validation.source import SourceFile, position_in_text

from . import Rule
from .fields import shown

E = Severity.ERROR
RULES = (
    Rule("asset-missing", E,
         "ảnh, tệp mà trang dùng phải có: cạnh bản gốc tiếng Việt (hoặc trong cây của ngôn "
         "ngữ đó)", "images and files a page uses exist beside the Vietnamese original (or in "
         "that language's tree)",
         bad="![Hội nghị](anh/hoi-ngi.jpg)", good="![Hội nghị](anh/hoi-nghi.jpg)"),
    Rule("asset-case", E, "đường dẫn ảnh, tệp viết đúng chữ hoa, chữ thường như tên tệp",
         "image and file references match the file name's letter case",
         bad="![Hội nghị](anh/Hoi-Nghi.JPG)", good="![Hội nghị](anh/hoi-nghi.jpg)"),
    Rule("asset-path", E, "đường dẫn ảnh, tệp tính từ tệp trang, không bắt đầu bằng /",
         "image and file references are relative to the page's file, not starting with /",
         bad="![Hội nghị](/tin-bai/anh/hoi-nghi.jpg)", good="![Hội nghị](anh/hoi-nghi.jpg)"),
    Rule("asset-name", E, "tên ảnh, tệp là chữ thường không dấu, không có dấu cách",
         "image and file names are lowercase ASCII without spaces",
         bad="anh/Ảnh Hội nghị.JPG", good="anh/anh-hoi-nghi.jpg"),
    Rule("asset-size", E, "ảnh, tài liệu, tệp Markdown không vượt giới hạn dung lượng",
         "images, materials and Markdown files stay within their size limits",
         bad="anh/hoi-nghi.jpg 3,4 MB", good="anh/hoi-nghi.jpg 400 KB"),
)

_TEXT_SUFFIXES = (".md", ".yml", ".yaml")
_SIZE_HINTS = {
    "image": ("thu nhỏ ảnh, ví dụ cạnh dài 1600 điểm ảnh, JPEG chất lượng 80",
              "resize the photo, e.g. 1600 pixels on the long side, JPEG quality 80"),
    "markdown": ("chia nội dung thành nhiều trang", "split the content into several pages"),
    "material": ("nén tệp (PDF: lưu ở chất lượng cho màn hình) hoặc chia thành nhiều tệp",
                 "compress the file (PDF: save for screen) or split it into several files"),
}


def check(project: Project) -> Iterator[Problem]:
    layout = ContentLayout(Path(project.root))
    generated = _generated_files(project)
    files_of = {}
    for lang in LANGUAGES:
        files_of[lang] = assets.language_files(layout, lang, ORIGINAL)
        for uri, path in generated.items():
            files_of[lang].setdefault(uri, assets.Resolved(uri, path, ""))
    # Every file of every tree, to say where a file that one language cannot see sits.
    anywhere = {uri: found for lang in reversed(LANGUAGES) for uri, found in
                files_of[lang].items()}
    for rel in sorted(project.files):
        source = project.files[rel]
        lang = project.langs.get(rel, "")
        if not lang or not rel.endswith(".md") or source.text is None:
            continue
        page = rel.split("/", 2)[2]
        yield from _body(project, source, lang, page, files_of[lang], anywhere)
        if source.kind == "article" and source.doc is not None:
            yield from _cover(source, files_of[lang], anywhere)
        if source.kind == "module" and source.doc is not None:
            yield from _module_materials(source, files_of[lang], anywhere)
    yield from _stored(project)


def _generated_files(project: Project) -> dict[str, Path]:
    """Files that generators publish beside their pages (a campaign's listed materials:
    campaigns/pages.py), which a page may link to although no docs tree holds them."""
    found: dict[str, Path] = {}
    for ident in project.campaign_dirs:
        campaign = project.campaign(ident)
        materials = campaign.meta.get("materials") if campaign else None
        for material in materials if isinstance(materials, list) else []:
            name = material.get("file") if isinstance(material, dict) else None
            path = Path(project.root) / "campaigns" / ident / str(name)
            if isinstance(name, str) and path.is_file():
                found[f"{SECTIONS.campaigns}/{ident}/{name}"] = path
    return found


def _body(project: Project, source: SourceFile, lang: str, page: str,
          files: dict[str, assets.Resolved], anywhere: dict[str, assets.Resolved],
          ) -> Iterator[Problem]:
    body = source.body
    if "](" not in body and "]:" not in body:
        return
    for link in links(project.masked_body(source)):
        if not link.target or link.target.startswith("#"):
            continue
        if not assets.is_file_reference(link.target):
            continue
        pos = position_in_text(body, link.target_offset, source.body_line)
        yield from _reference(source, pos, "body", lang, page, link.target, files, anywhere)


def _cover(source: SourceFile, files: dict[str, assets.Resolved],
           anywhere: dict[str, assets.Resolved]) -> Iterator[Problem]:
    """The cover is the original's: a translation's build finds every file the
    original's does (its own tree first, then the original's), so one check covers both."""
    cover = source.meta.get("cover")
    value = cover.get("file") if isinstance(cover, dict) else None
    if not isinstance(value, str) or not value or not assets.is_file_reference(value):
        return
    assert source.doc is not None
    page = f"{POSTS_DIR}/{Path(source.rel).stem}.md"
    yield from _reference(source, source.doc.at(("cover", "file")), "cover.file", ORIGINAL,
                          page, value, files, anywhere)


def _module_materials(source: SourceFile, files: dict[str, assets.Resolved],
                      anywhere: dict[str, assets.Resolved]) -> Iterator[Problem]:
    """A module's materials are file names in tap-huan/tai-lieu/ of the original's tree,
    where training/pages.py takes them from for every language (and links them)."""
    materials = source.meta.get("materials")
    page = f"{MATERIALS_DIR}/{Path(source.rel).stem}.md"  # as if written from tai-lieu/
    # Only files in tai-lieu/ are published as materials: suggest only those, and say
    # where a file of the same name sits anywhere else.
    inside = {uri: found for uri, found in files.items()
              if uri.startswith(MATERIALS_DIR + "/")}
    by_name = {posixpath.basename(uri): found for uri, found in anywhere.items() if found.lang}
    for i, material in enumerate(materials if isinstance(materials, list) else []):
        value = material.get("file") if isinstance(material, dict) else None
        if not isinstance(value, str) or not value or not assets.is_file_reference(value):
            continue
        assert source.doc is not None
        yield from _reference(source, source.doc.at(("materials", i, "file")),
                              f"materials[{i}].file", ORIGINAL, page, value, inside, anywhere,
                              home=f"docs/{ORIGINAL}/{MATERIALS_DIR}/", by_name=by_name)


def _reference(source: SourceFile, pos: Position | None, field: str, lang: str, page: str,
               reference: str, files: dict[str, assets.Resolved],
               anywhere: dict[str, assets.Resolved], home: str | None = None,
               by_name: dict[str, assets.Resolved] | None = None) -> Iterator[Problem]:
    home = home or assets.home_folder(ORIGINAL, page)
    example = f"{assets.IMAGE_DIR}/{os.path.basename(reference.split('#')[0]) or 'ten-anh.jpg'}"
    where_vi = (f"ảnh và tài liệu đặt một lần trong {home} (cạnh bản gốc tiếng Việt); "
                "bản tiếng Anh dùng cùng đường dẫn")
    where_en = (f"store the file once in {home} (beside the Vietnamese original); the "
                "English file uses the same reference")
    if reference.startswith(("/", "\\")):
        yield problem(
            source.rel, pos, "asset-path",
            f"đường dẫn «{shown(reference)}» bắt đầu bằng /, trang dựng không tìm được tệp",
            f"the reference '{shown(reference)}' starts with /, the build cannot find the file",
            field=field,
            hint_vi=f"viết đường dẫn tính từ tệp này, ví dụ «{example}»; {where_vi}",
            hint_en=f"write it relative to this file, e.g. '{example}'; {where_en}",
        )
        return
    if assets.resolve(files, page, reference) is not None:
        return
    case = assets.same_but_case(files, page, reference)
    if case is not None:
        yield problem(
            source.rel, pos, "asset-case",
            f"«{shown(reference)}» chỉ khác tệp có thật «{case}» ở chữ hoa, chữ thường; "
            "trang thật phân biệt chữ hoa và chữ thường",
            f"'{shown(reference)}' differs from the existing file '{case}' only in letter "
            "case; the web server tells them apart",
            field=field, hint_vi=f"viết «{case}»", hint_en=f"write '{case}'",
        )
        return
    kind_vi, kind_en = ("ảnh", "image") if assets.kind_of(reference.split("#")[0]) == "image" \
        else ("tệp", "file")
    uri = assets.target_uri(page, reference)
    if uri is None:
        looked_vi = f"đường dẫn ra ngoài thư mục docs/{lang}/"
        looked_en = f"the path leaves docs/{lang}/"
    else:
        places = [f"docs/{lang}/{uri}"] + ([f"docs/{ORIGINAL}/{uri}"] if lang != ORIGINAL
                                           else [])
        looked_vi = "không có " + " và ".join(places)
        looked_en = "no " + " or ".join(places)
    other = anywhere.get(uri) if uri is not None else None
    if other is None and by_name and uri is not None:
        other = by_name.get(posixpath.basename(uri))
    if other is not None and uri is not None:
        # In a translation's tree, which the original's build never reads, or elsewhere.
        at = f"docs/{other.lang}/{other.src_uri}"
        move = f"docs/{ORIGINAL}/{uri}"
        did_vi = f"; tệp đang ở {at}: chuyển sang {move}"
        did_en = f"; the file is in {at}: move it to {move}"
    else:
        close = assets.close_references(files, page, reference)
        did_vi = ("; có phải ý bạn là " + ", ".join(f"«{c}»" for c in close) + "?"
                  ) if close else ""
        did_en = ("; did you mean " + ", ".join(f"'{c}'" for c in close) + "?") if close else ""
    yield problem(
        source.rel, pos, "asset-missing",
        f"không thấy {kind_vi} «{shown(reference)}» ({looked_vi}){did_vi}",
        f"{kind_en} '{shown(reference)}' not found ({looked_en}){did_en}",
        field=field, hint_vi=where_vi, hint_en=where_en,
    )


def _stored(project: Project) -> Iterator[Problem]:
    """Every file the site publishes from docs/<lang>/ and campaigns/<id>/: an ASCII
    name (it becomes an address) and a size within its limit; Markdown files' size too."""
    root = Path(project.root)
    stored: list[str] = []
    for lang in LANGUAGES:
        stored += [f"docs/{lang}/{uri}"
                   for uri in assets.tree_files(root / "docs" / lang)]
    for ident in sorted(project.campaign_dirs):
        folder = root / "campaigns" / ident
        stored += [f"campaigns/{ident}/{uri}" for uri in assets.tree_files(folder)
                   if not uri.endswith(_TEXT_SUFFIXES)]
    for rel in stored:
        yield from _name(rel)
        yield from _size(root, rel)
    for rel in sorted(project.files):
        if rel.endswith(".md"):
            yield from _size(root, rel)


def _name(rel: str) -> Iterator[Problem]:
    parts = rel.split("/")
    start = 2  # docs/<lang>/… and campaigns/<id>/…: the names staff chose
    names = parts[start:]
    better = [assets.name_problem(p) or p for p in names]
    if better == names:
        return
    first = next(i for i, (a, b) in enumerate(zip(names, better, strict=True)) if a != b)
    name, suggestion = "/".join(names[first:]), "/".join(better[first:])
    reasons_vi, reasons_en = [], []
    if any(c.isupper() for c in name):
        reasons_vi.append("chữ hoa")
        reasons_en.append("capitals")
    if " " in name:
        reasons_vi.append("dấu cách")
        reasons_en.append("spaces")
    if not name.isascii():
        reasons_vi.append("dấu tiếng Việt")
        reasons_en.append("Vietnamese marks")
    if not reasons_vi:
        reasons_vi.append("ký tự khác chữ thường, chữ số, gạch ngang")
        reasons_en.append("characters other than lowercase letters, digits and hyphens")
    yield problem(
        rel, None, "asset-name",
        f"tên «{name}» có {_joined(reasons_vi, 'và')}; đổi tên thành «{suggestion}»",
        f"the name '{name}' has {_joined(reasons_en, 'and')}; rename it '{suggestion}'",
        hint_vi="tên tệp thành địa chỉ trên trang; sau khi đổi tên, sửa đường dẫn trong cả bản "
        "tiếng Việt và bản tiếng Anh",
        hint_en="the file name becomes an address on the site; after renaming, change the "
        "reference in both the Vietnamese and the English file",
    )


def _joined(items: list[str], conjunction: str) -> str:
    """'a', 'a và b', 'a, b và c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _size(root: Path, rel: str) -> Iterator[Problem]:
    try:
        size = (root / rel).stat().st_size
    except OSError:
        return
    kind, limit = assets.size_limit(rel)
    if size <= limit:
        return
    kind_vi, kind_en = assets.KIND_NAMES[kind]
    hint_vi, hint_en = _SIZE_HINTS[kind]
    yield problem(
        rel, None, "asset-size",
        f"{kind_vi} {assets.format_size(size, 'vi')}, quá giới hạn "
        f"{assets.format_size(limit, 'vi')}",
        f"{kind_en} is {assets.format_size(size, 'en')}, over the "
        f"{assets.format_size(limit, 'en')} limit",
        hint_vi=hint_vi, hint_en=hint_en,
    )
