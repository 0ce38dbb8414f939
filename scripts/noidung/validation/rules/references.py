"""References: every module, article, campaign, material file, page link and redirect exists."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from urllib.parse import unquote

from noidung.content import assets
from noidung.content.layout import SECTIONS
from noidung.validation.markdown import is_external, links
from noidung.validation.problem import Problem, Severity, problem
from noidung.validation.project import LANGUAGES, MODULES_DIR, ORIGINAL, POSTS_DIR, Project
from noidung.validation.source import SourceFile, dotted, position_in_text

from . import Rule
from .dates import as_date
from .fields import schema_of, shown

E = Severity.ERROR
RULES = (
    Rule("ref-missing", E, "học phần, tin bài, chiến dịch được nhắc tới phải tồn tại",
         "referenced modules, articles and campaigns exist",
         bad="prerequisites: [hoc-phan-chua-co]", good="prerequisites: [gioi-thieu]"),
    Rule("ref-file", E, "tệp tài liệu, ảnh được nhắc tới phải có",
         "referenced files and images exist",
         bad="file: poster.png (không có tệp)", good="file: poster.png (tệp nằm cạnh)"),
    Rule("ref-link", E, "liên kết nội bộ trong bài trỏ tới trang, tệp có thật",
         "internal links point to existing pages and files",
         bad="[xem](gioi-thieu-cu.md)", good="[xem](gioi-thieu.md)"),
    Rule("campaign-files", E, "mỗi thư mục chiến dịch có campaign.yml và vi.md",
         "every campaign folder has campaign.yml and vi.md"),
)

_MATERIAL_DIRS = ("", "tai-lieu", "anh", "images")


def check(project: Project) -> Iterator[Problem]:
    for ident in sorted(project.campaign_dirs):
        for name in ("campaign.yml", f"{ORIGINAL}.md"):
            if f"campaigns/{ident}/{name}" not in project.files:
                yield problem(
                    f"campaigns/{ident}", None, "campaign-files",
                    f"thư mục chiến dịch thiếu tệp {name}",
                    f"the campaign folder lacks {name}",
                    hint_vi="tạo chiến dịch bằng `noidung new chien-dich` hoặc chép một thư mục "
                    "có sẵn",
                    hint_en="create campaigns with `noidung new` or copy an existing folder",
                )
    pages = _page_urls(project)
    for source in project.files.values():
        schema = schema_of(source)
        if schema is not None and source.doc is not None and source.data is not None:
            yield from _refs(project, source, schema.data, pages)
            yield from _files(project, source, schema.data)
        if source.rel.endswith(".md") and source.text is not None:
            yield from _links(project, source)


def _refs(project: Project, source: SourceFile, schema: dict, pages: set[str]) -> Iterator[
        Problem]:
    original = project.original_of(source)
    for path, value, sub in project.annotated(source, "x-ref"):
        if not isinstance(value, str):
            continue
        what = sub["x-ref"]
        ok, where_vi, where_en = _resolve(project, source, original, what, value, pages)
        if ok:
            continue
        assert source.doc is not None
        yield problem(
            source.rel, source.doc.at(path), "ref-missing",
            f"«{shown(value)}» không có: {where_vi}", f"'{shown(value)}' does not exist: "
            f"{where_en}", field=dotted(path),
            hint_vi="kiểm tra chính tả mã, hoặc tạo mục đó trước",
            hint_en="check the id's spelling, or create that item first",
        )


def _resolve(project: Project, source: SourceFile, original: SourceFile | None, what: str,
             value: str, pages: set[str]) -> tuple[bool, str, str]:
    if what == "module":
        return (project.module(value) is not None,
                f"không thấy học phần docs/{ORIGINAL}/{MODULES_DIR}/{value}.md",
                f"no module docs/{ORIGINAL}/{MODULES_DIR}/{value}.md")
    if what == "article":
        return (project.article(value) is not None,
                f"không thấy tin bài docs/{ORIGINAL}/{POSTS_DIR}/{value}.md",
                f"no article docs/{ORIGINAL}/{POSTS_DIR}/{value}.md")
    if what == "campaign":
        return (project.campaign(value) is not None,
                f"không thấy chiến dịch campaigns/{value}/campaign.yml",
                f"no campaign campaigns/{value}/campaign.yml")
    if what == "page":
        return (value.strip("/") in pages, f"không có trang /{value}",
                f"no page at /{value}")
    if original is None or not isinstance(original.data, dict):
        return True, "", ""  # the missing original is reported by `translations`
    if what in ("campaign-material", "module-material"):
        files = {m.get("file") for m in original.data.get("materials") or []
                 if isinstance(m, dict)}
        return (value in files, f"không có trong materials của {original.rel}",
                f"not among the materials of {original.rel}")
    if what == "module-session":
        ids = {s.get("id") for s in original.data.get("sessions") or [] if isinstance(s, dict)}
        return (value in ids, f"không có bước này trong sessions của {original.rel}",
                f"no such step in the sessions of {original.rel}")
    return True, "", ""


def _files(project: Project, source: SourceFile, schema: dict) -> Iterator[Problem]:
    folder = os.path.dirname(os.path.join(project.root, source.rel))
    for path, value, _sub in project.annotated(source, "x-file"):
        if not isinstance(value, str) or not value:
            continue
        if is_external(value):
            continue
        if (source.kind, path[:1]) in (("article", ("cover",)), ("module", ("materials",))):
            continue  # resolved as the build does: rules/assets.py
        if find_file(project, folder, value, project.langs.get(source.rel, "")) is None:
            assert source.doc is not None
            yield problem(
                source.rel, source.doc.at(path), "ref-file",
                f"không thấy tệp «{shown(value)}» (tìm trong {os.path.dirname(source.rel)}/)",
                f"file '{shown(value)}' not found (looked in {os.path.dirname(source.rel)}/)",
                field=dotted(path),
                hint_vi="chép tệp vào thư mục đó hoặc sửa tên tệp (phân biệt hoa/thường)",
                hint_en="copy the file there or correct its name (case matters)",
            )


def find_file(project: Project, folder: str, value: str, lang: str) -> str | None:
    """A referenced file, looked up beside the file, in its materials folders, or from the
    language's docs root when it starts with '/'. (os.path: this runs for every link.)"""
    clean = unquote(value.split("#", 1)[0].split("?", 1)[0])
    base_folder = folder
    if not clean:
        return base_folder
    docs = os.path.join(str(project.root), "docs")
    if clean.startswith("/"):
        bases = [os.path.join(docs, lang)] if lang else [docs]
        clean = clean.lstrip("/")
    else:
        bases = [os.path.join(base_folder, sub) for sub in _MATERIAL_DIRS]
        lang_root = os.path.join(docs, lang) + os.sep if lang else ""
        if lang and base_folder.startswith(lang_root):
            # Files shared by both languages live in the original's tree.
            shared = os.path.join(docs, ORIGINAL, base_folder[len(lang_root):])
            bases += [os.path.join(shared, sub) for sub in _MATERIAL_DIRS]
    for base in bases:
        candidate = os.path.normpath(os.path.join(base, clean))
        if project.exists(candidate):
            return candidate
    return None


def _links(project: Project, source: SourceFile) -> Iterator[Problem]:
    body = source.body
    if "](" not in body and "]:" not in body:
        return
    masked = project.masked_body(source)
    folder = os.path.dirname(os.path.join(project.root, source.rel))
    lang = project.langs.get(source.rel, "")
    for link in links(masked):
        target = link.target
        if not target or target.startswith("#") or is_external(target):
            continue
        path_part = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path_part or not re.search(r"\.[A-Za-z0-9]{1,5}$", path_part):
            continue  # a directory URL (tap-huan/): MkDocs checks those itself
        if lang and assets.is_file_reference(target):
            continue  # an image or file of a docs page: rules/assets.py, as the build resolves it
        if find_file(project, folder, path_part, lang) is not None:
            continue
        if _generated_target(project, folder, path_part, lang):
            continue
        pos = position_in_text(body, link.target_offset, source.body_line)
        yield problem(
            source.rel, pos, "ref-link",
            f"liên kết tới «{shown(target)}» không có tệp đích",
            f"the link to '{shown(target)}' points to no file",
            hint_vi="sửa đường dẫn (tính từ thư mục của tệp này) hoặc bỏ liên kết",
            hint_en="fix the path (relative to this file's folder) or remove the link",
        )


def _generated_target(project: Project, folder: str, target: str, lang: str) -> bool:
    """Links to pages built from data (campaign and module pages have no Markdown file)."""
    docs = os.path.join(project.root, "docs", lang or ORIGINAL)
    rel = os.path.relpath(os.path.normpath(os.path.join(folder, target)), docs)
    if rel.startswith(".."):
        return False
    rel = rel.replace(os.sep, "/")
    parts = rel.split("/")
    if parts[0] == SECTIONS.campaigns and len(parts) >= 2:  # scripts/noidung/campaigns/pages.py
        ident = parts[1].removesuffix(".md")
        return project.campaign(ident) is not None or parts[1] == "index.md"
    if parts[:2] == [SECTIONS.news, SECTIONS.tags] and len(parts) >= 3:  # news/tagpages.py
        return parts[2] == "index.md" or parts[2] in project.registry("topics")
    return False


def _page_urls(project: Project) -> set[str]:
    """Published paths (without slashes at the ends) that redirects may point to."""
    urls: set[str] = set()
    for rel, source in project.files.items():
        parts = rel.split("/")
        if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGUAGES and rel.endswith(".md"):
            page = "/".join(parts[2:])[:-3]
            page = page.removesuffix("index").rstrip("/")
            if source.kind == "article":
                day = as_date(source.meta.get("date"))
                if day is not None:
                    urls.add(f"{SECTIONS.news}/{day:%Y}/{day:%m}/{parts[-1][:-3]}")
                continue
            urls.add(page)
    for ident in project.campaign_dirs:
        urls.add(f"{SECTIONS.campaigns}/{ident}")
    return urls
