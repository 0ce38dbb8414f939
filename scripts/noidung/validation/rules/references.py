"""References: every module, article, campaign, material file, page link and redirect exists."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from urllib.parse import unquote

from noidung.content import assets
from noidung.content.layout import SECTIONS

from ..markdown import is_external, links
from ..problem import Problem, Severity, problem
from ..project import LANGUAGES, MODULES_DIR, ORIGINAL, POSTS_DIR, Project, new_command
from ..source import SourceFile, dotted, position_in_text
from ..suggest import did_you_mean
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
                    hint_vi=f"tạo chiến dịch bằng {new_command('campaign')}, hoặc chép một thư "
                    "mục có sẵn",
                    hint_en=f"create campaigns with {new_command('campaign')}, or copy an "
                    "existing folder",
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
        target = _resolve(project, original, what, value, pages)
        if target is None:
            continue
        where_vi, where_en, candidates, full_list = target
        advice = did_you_mean(value, candidates, full_list, paths=what.endswith("material"))
        assert source.doc is not None
        yield problem(
            source.rel, source.doc.at(path), "ref-missing",
            f"«{shown(value)}» không có: {where_vi}{advice.vi}",
            f"'{shown(value)}' does not exist: {where_en}{advice.en}", field=dotted(path),
            hint_vi="kiểm tra chính tả mã, hoặc tạo mục đó trước; " + advice.where_vi,
            hint_en="check the id's spelling, or create that item first; " + advice.where_en,
        )


def _resolve(project: Project, original: SourceFile | None, what: str, value: str,
             pages: set[str]) -> tuple[str, str, list[str], str | tuple[str, str]] | None:
    """None when `value` names an existing item of kind `what`; else what is missing
    (in Vietnamese and English), the names that do exist, and where their full list is."""
    if what == "module":
        if project.module(value) is not None:
            return None
        return (f"không thấy học phần docs/{ORIGINAL}/{MODULES_DIR}/{value}.md",
                f"no module docs/{ORIGINAL}/{MODULES_DIR}/{value}.md",
                [project.item_id(s) for s in project.of_kind("module")],
                f"docs/{ORIGINAL}/{MODULES_DIR}/")
    if what == "article":
        if project.article(value) is not None:
            return None
        return (f"không thấy tin bài docs/{ORIGINAL}/{POSTS_DIR}/{value}.md",
                f"no article docs/{ORIGINAL}/{POSTS_DIR}/{value}.md",
                [project.item_id(s) for s in project.of_kind("article")],
                f"docs/{ORIGINAL}/{POSTS_DIR}/")
    if what == "campaign":
        if project.campaign(value) is not None:
            return None
        return (f"không thấy chiến dịch campaigns/{value}/campaign.yml",
                f"no campaign campaigns/{value}/campaign.yml",
                [project.item_id(s) for s in project.of_kind("campaign")], "campaigns/")
    if what == "page":
        if value.strip("/") in pages:
            return None
        slash = "/" if value.endswith("/") else ""
        return (f"không có trang /{value}", f"no page at /{value}",
                [p + slash for p in sorted(pages)], f"docs/{ORIGINAL}/")
    if original is None or not isinstance(original.data, dict):
        return None  # the missing original is reported by `translations`
    if what in ("campaign-material", "module-material"):
        files = [str(m["file"]) for m in original.data.get("materials") or []
                 if isinstance(m, dict) and isinstance(m.get("file"), str)]
        if value in files:
            return None
        return (f"không có trong materials của {original.rel}",
                f"not among the materials of {original.rel}", files,
                (f"materials trong {original.rel}", f"materials in {original.rel}"))
    if what == "module-session":
        ids = [str(s["id"]) for s in original.data.get("sessions") or []
               if isinstance(s, dict) and isinstance(s.get("id"), str)]
        if value in ids:
            return None
        return (f"không có bước này trong sessions của {original.rel}",
                f"no such step in the sessions of {original.rel}", ids,
                (f"sessions trong {original.rel}", f"sessions in {original.rel}"))
    return None


def _files(project: Project, source: SourceFile, schema: dict) -> Iterator[Problem]:
    folder = os.path.dirname(os.path.join(project.root, source.rel))
    for path, value, _sub in project.annotated(source, "x-file"):
        if not isinstance(value, str) or not value:
            continue
        if is_external(value):
            continue
        if (source.kind, path[:1]) in (("article", ("cover",)), ("module", ("materials",))):
            continue  # resolved as the build does: rules/assets.py
        lang = project.langs.get(source.rel, "")
        if find_file(project, folder, value, lang) is None:
            assert source.doc is not None
            here = os.path.dirname(source.rel) + "/"
            advice = did_you_mean(value, nearby_files(project, folder, value, lang),
                                  (f"thư mục {here}", f"the folder {here}"), paths=True)
            fix_vi = (f"viết đúng «{advice.case_only}»" if advice.case_only else
                      "chép tệp vào thư mục đó hoặc sửa tên tệp (phân biệt hoa/thường)")
            fix_en = (f"write '{advice.case_only}' exactly" if advice.case_only else
                      "copy the file there or correct its name (case matters)")
            yield problem(
                source.rel, source.doc.at(path), "ref-file",
                f"không thấy tệp «{shown(value)}» (tìm trong {here}){advice.vi}",
                f"file '{shown(value)}' not found (looked in {here}){advice.en}",
                field=dotted(path),
                hint_vi=f"{fix_vi}; {advice.where_vi}", hint_en=f"{fix_en}; {advice.where_en}",
            )


def nearby_files(project: Project, folder: str, value: str, lang: str) -> list[str]:
    """Existing files written the way `value` would be (relative to the same base), for
    the "did you mean" of a missing file or link: the files of the folder `value`
    points into, and those up to two folders below the bases find_file looks in."""
    clean = unquote(value.split("#", 1)[0].split("?", 1)[0])
    names: list[str] = []
    prefix = clean.rsplit("/", 1)[0] + "/" if "/" in clean else ""
    for base in _bases(project, folder, clean, lang)[:1]:
        target_dir = os.path.normpath(os.path.join(base, prefix.lstrip("/")))
        if os.path.isdir(target_dir):
            names += [prefix + n for n in sorted(os.listdir(target_dir))
                      if not n.startswith(".")]
        for sub, dirs, files in os.walk(base):
            depth = os.path.relpath(sub, base).count(os.sep) + (sub != base)
            dirs[:] = [d for d in sorted(dirs) if not d.startswith(".")] if depth < 2 else []
            rel = os.path.relpath(sub, base).replace(os.sep, "/")
            lead = "/" if clean.startswith("/") else ""
            names += [lead + (f"{rel}/{f}" if rel != "." else f) for f in sorted(files)]
            if len(names) > 5000:
                break
    return names


def find_file(project: Project, folder: str, value: str, lang: str) -> str | None:
    """A referenced file, looked up beside the file, in its materials folders, or from the
    language's docs root when it starts with '/'. (os.path: this runs for every link.)"""
    clean = unquote(value.split("#", 1)[0].split("?", 1)[0])
    if not clean:
        return folder
    bases = _bases(project, folder, clean, lang)
    clean = clean.lstrip("/")
    for base in bases:
        candidate = os.path.normpath(os.path.join(base, clean))
        if project.exists(candidate):
            return candidate
    return None


def _bases(project: Project, folder: str, clean: str, lang: str) -> list[str]:
    """The folders a file named `clean` is looked up in (see find_file)."""
    docs = os.path.join(str(project.root), "docs")
    if clean.startswith("/"):
        return [os.path.join(docs, lang)] if lang else [docs]
    bases = [os.path.join(folder, sub) for sub in _MATERIAL_DIRS]
    lang_root = os.path.join(docs, lang) + os.sep if lang else ""
    if lang and folder.startswith(lang_root):
        # Files shared by both languages live in the original's tree.
        shared = os.path.join(docs, ORIGINAL, folder[len(lang_root):])
        bases += [os.path.join(shared, sub) for sub in _MATERIAL_DIRS]
    return bases


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
        here = os.path.dirname(source.rel) + "/"
        advice = did_you_mean(path_part, nearby_files(project, folder, path_part, lang),
                              (f"thư mục {here}", f"the folder {here}"), paths=True)
        yield problem(
            source.rel, pos, "ref-link",
            f"liên kết tới «{shown(target)}» không có tệp đích{advice.vi}",
            f"the link to '{shown(target)}' points to no file{advice.en}",
            hint_vi="sửa đường dẫn (tính từ thư mục của tệp này) hoặc bỏ liên kết; "
            + advice.where_vi,
            hint_en="fix the path (relative to this file's folder) or remove the link; "
            + advice.where_en,
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
