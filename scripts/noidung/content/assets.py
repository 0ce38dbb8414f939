"""Photos and materials of pages: stored once, in the original's tree, used by every language.

A page refers to a file by a path relative to its own Markdown file, and both
languages' files write the same reference: `![alt](anh/hoi-nghi.jpg)` in
docs/vi/tin-bai/posts/<id>.md and in docs/en/tin-bai/posts/<id>.md. The file is
stored once, beside the Vietnamese original (docs/vi/tin-bai/posts/anh/hoi-nghi.jpg;
materials in `tai-lieu/`).

One rule says where a language's build finds a file, and everything follows it:
a language looks the path up in its own tree first (docs/en/...), then in the
original's (docs/vi/...). `language_files` is that rule; the plugin adds
`shared_files` (the original's files a language lacks) to the language's MkDocs
files, so MkDocs finds them; the validator (validation/rules/assets.py) checks
every reference with `resolve`, so `validate` and `build` cannot disagree.

The size limits and the file-name rule of stored files are here too, in one place.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from noidung.content.layout import ContentLayout
from noidung.content.text import slugify

#: Where staff put a page's photos and materials, beside its Vietnamese original.
IMAGE_DIR = "anh"
MATERIAL_DIR = "tai-lieu"

KB = 1024
MB = 1024 * KB
#: The largest file of each kind the site accepts (the staff guides quote these).
SIZE_LIMITS: dict[str, int] = {
    "image": 2 * MB,
    "markdown": 200 * KB,
    "material": 10 * MB,
}
#: How each kind is named in messages (Vietnamese, English).
KIND_NAMES: dict[str, tuple[str, str]] = {
    "image": ("ảnh", "image"),
    "markdown": ("tệp Markdown", "Markdown file"),
    "material": ("tài liệu", "material"),
}
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})
#: Files MkDocs reads as pages, not as files to copy (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})
_NAME_OK = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


@dataclass(frozen=True)
class Resolved:
    """Where a language's build finds a referenced file."""

    #: Path under the language's docs root: MkDocs' src_uri, the same in every language.
    src_uri: str
    #: The file on disk.
    path: Path
    #: The language whose tree holds it (the original's when the file is shared).
    lang: str


def kind_of(name: str) -> str:
    """'image', 'markdown' or 'material' (every other file: PDF, DOCX, CSV, ...)."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "material"


def is_file_reference(reference: str) -> bool:
    """True for a relative or absolute link to a file that is not a page (an image, a
    PDF): the references this module resolves. Pages (.md), folders and external
    addresses are left to the page rules."""
    parts = _split(reference)
    if parts is None or parts.scheme or parts.netloc:
        return False
    path = unquote(parts.path)
    suffix = posixpath.splitext(path)[1].lower()
    return bool(suffix) and suffix not in MARKDOWN_SUFFIXES and not path.endswith("/")


def target_uri(page_src_uri: str, reference: str) -> str | None:
    """The src_uri a relative reference of a page names, as MkDocs computes it
    (mkdocs.structure.pages: the page's folder joined with the unquoted path),
    or None when it is absolute, external or leaves the docs folder."""
    parts = _split(reference)
    if parts is None:
        return None
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path or path.startswith(("/", "\\")):
        return None
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), path))
    return None if uri == ".." or uri.startswith("../") else uri


def _split(reference: str) -> SplitResult | None:
    """urlsplit, or None for what is no URL at all ('http://[x': urlsplit raises)."""
    try:
        return urlsplit(reference)
    except ValueError:
        return None


def tree_files(folder: Path) -> dict[str, Path]:
    """Every file MkDocs copies from one docs folder (not pages, not dot files), by src_uri."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(current, folder).replace(os.sep, "/")
        for name in sorted(names):
            if name.startswith(".") or os.path.splitext(name)[1].lower() in MARKDOWN_SUFFIXES:
                continue
            found[name if rel == "." else f"{rel}/{name}"] = Path(current) / name
    return found


def language_files(layout: ContentLayout, lang: str, original: str) -> dict[str, Resolved]:
    """Every file a language's build holds, by src_uri: its own tree's, then the
    original's for the paths its own tree lacks."""
    files = {uri: Resolved(uri, path, lang)
             for uri, path in tree_files(layout.language_docs(lang)).items()}
    if lang != original:
        for uri, path in tree_files(layout.language_docs(original)).items():
            files.setdefault(uri, Resolved(uri, path, original))
    return files


def shared_files(layout: ContentLayout, lang: str, original: str) -> dict[str, Path]:
    """The original's files that a translation's build must add (its tree lacks them)."""
    return {uri: found.path for uri, found in language_files(layout, lang, original).items()
            if found.lang != lang}


def resolve(files: dict[str, Resolved], page_src_uri: str, reference: str) -> Resolved | None:
    """The file a page's reference names in a language's build (`files` is that
    language's `language_files`), or None when the build will not find it."""
    uri = target_uri(page_src_uri, reference)
    return files.get(uri) if uri is not None else None


def relative_reference(page_src_uri: str, uri: str) -> str:
    """How the page writes a reference to the file `uri` (the inverse of target_uri)."""
    return posixpath.relpath(uri, posixpath.dirname(page_src_uri) or ".")


def same_but_case(files: dict[str, Resolved], page_src_uri: str, reference: str) -> str | None:
    """The reference as it should be written when it differs from a file only in letter
    case (the web server, like Linux, tells `Anh.JPG` and `anh.jpg` apart)."""
    uri = target_uri(page_src_uri, reference)
    if uri is None:
        return None
    folded = uri.casefold()
    for other in files:
        if other.casefold() == folded and other != uri:
            return relative_reference(page_src_uri, other)
    return None


def close_references(files: dict[str, Resolved], page_src_uri: str, reference: str,
                     limit: int = 3) -> list[str]:
    """The references to existing files closest to a wrong one (difflib), as the page
    would write them: same folder first, then by file name anywhere in the tree."""
    uri = target_uri(page_src_uri, reference)
    if uri is None:
        return []
    wanted = relative_reference(page_src_uri, uri)
    written = {relative_reference(page_src_uri, other): other for other in files}
    found = difflib.get_close_matches(wanted, list(written), n=limit, cutoff=0.6)
    if len(found) < limit:
        by_name: dict[str, list[str]] = {}
        for ref, other in written.items():
            by_name.setdefault(posixpath.basename(other), []).append(ref)
        name = posixpath.basename(uri)
        for match in difflib.get_close_matches(name, list(by_name), n=limit, cutoff=0.6):
            found += [ref for ref in by_name[match] if ref not in found]
    return found[:limit]


def name_problem(name: str) -> str | None:
    """The ASCII name to use instead of a file name with capitals, spaces or Vietnamese
    marks ('Ảnh Hội nghị.JPG' → 'anh-hoi-nghi.jpg'), or None when the name is fine."""
    if _NAME_OK.match(name):
        return None
    stem, suffix = os.path.splitext(name)
    if not stem or not re.fullmatch(r"\.[A-Za-z0-9]+", suffix or "."):
        stem, suffix = name, ""
    return (slugify(stem) or "tep") + suffix.lower()


def size_limit(name: str) -> tuple[str, int]:
    """(kind, largest size in bytes) of a file by its name."""
    kind = kind_of(name)
    return kind, SIZE_LIMITS[kind]


def format_size(size: int, lang: str) -> str:
    """'3,4 MB' (Vietnamese decimal comma), '3.4 MB', '250 KB', '2 MB'."""
    if size >= MB:
        value, unit = f"{size / MB:.1f}", "MB"
    elif size >= KB:
        value, unit = f"{size / KB:.0f}", "KB"
    else:
        value, unit = str(size), "B"
    value = value.removesuffix(".0")
    if lang == "vi":
        value = value.replace(".", ",")
    return f"{value} {unit}"


def home_folder(original: str, page_src_uri: str) -> str:
    """Where a page's photos go: docs/<original>/<page's folder>/anh/."""
    folder = posixpath.dirname(page_src_uri)
    return posixpath.join("docs", original, folder, IMAGE_DIR) + "/"
