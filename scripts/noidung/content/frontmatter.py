"""Reading and writing Markdown files with a YAML front matter block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class MarkdownDocument:
    """A Markdown file split into its metadata and its body."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    #: 1-based line of the first body line in the original file.
    body_line: int = 1


class FrontMatterError(ValueError):
    """The front matter block is missing its end or is not a YAML mapping."""


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line number where the body starts)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, text, 1
    header = match.group(1) or ""
    return header, text[match.end():], text[: match.end()].count("\n") + 1


def parse(text: str) -> MarkdownDocument:
    """Parse a Markdown document; raise FrontMatterError or yaml.YAMLError when broken."""
    header, body, line = split(text)
    if header is None:
        if text.startswith("---"):
            raise FrontMatterError("front matter is not closed by a line '---'")
        return MarkdownDocument({}, text, 1)
    meta = _load_yaml(header) if header.strip() else {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of 'field: value' lines")
    return MarkdownDocument(meta, body, line)


def read(path: Path) -> MarkdownDocument:
    """The parsed file, read once per version of the file (its time and size).

    Shared between callers: do not change it (copy its `meta` first). Campaign pages,
    module pages, the page catalogues of both languages and the translation report
    read the same files in every language build.
    """
    stat = path.stat()
    return _read_cached(str(path), stat.st_mtime_ns, stat.st_size)


@cache
def _read_cached(path: str, _mtime_ns: int, _size: int) -> MarkdownDocument:
    return parse(Path(path).read_text("utf-8-sig"))


#: libyaml, when PyYAML has it: ten times faster than pure Python, and front matter is read
#: several times per file in each build (benchmark, 2,000 pages: seconds per language).
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        # Parse again in pure Python, so that error messages are PyYAML's usual ones.
        return yaml.safe_load(text)


def render(meta: dict[str, Any], body: str) -> str:
    """Write a document back as text (block style YAML, Unicode kept readable)."""
    # libyaml writes the same text as pure Python, five times faster (merged posts, 2,000 pages).
    header = yaml.dump(meta, Dumper=_FAST_DUMPER, allow_unicode=True, sort_keys=False,
                       default_flow_style=False)
    return f"---\n{header}---\n\n{body.lstrip()}"
